<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>Startup</name>
    <message>
        <source>The demo workspace could not be created: %1</source>
        <translation>فضای کاری نمونه ساخته نشد: %1</translation>
    </message>
    <message>
        <source>Masir cannot open the workspace</source>
        <translation>مسیر نمی‌تواند فضای کاری را باز کند</translation>
    </message>
    <message>
        <source>Marketing automation for small businesses.</source>
        <translation>خودکارسازی بازاریابی برای کسب‌وکارهای کوچک.</translation>
    </message>
    <message>
        <source>Open the workspace file PATH.</source>
        <translation>پروندهٔ فضای کاری PATH را باز کن.</translation>
    </message>
    <message>
        <source>Open the demo workspace, creating it with sample contacts if needed.</source>
        <translation>فضای کاری نمونه را باز کن و اگر لازم است آن را با مخاطبان نمونه بساز.</translation>
    </message>
    <message>
        <source>Use the language LANG (en or fa).</source>
        <translation>از زبان LANG استفاده کن (en یا fa).</translation>
    </message>
    <message>
        <source>Creating the demo workspace…</source>
        <translation>در حال ساختن فضای کاری نمونه…</translation>
    </message>
</context>
<context>
    <name>masir::AbDecision</name>
    <message>
        <source>The test had no results.</source>
        <translation>آزمون نتیجه‌ای نداشت.</translation>
    </message>
    <message>
        <source>Inconclusive: %1 (%2) and %3 (%4) differ no more than chance would (p = %5).</source>
        <translation>بی‌نتیجه: تفاوت %1 (%2) و %3 (%4) بیش از آن نیست که از تصادف برآید (p = %5).</translation>
    </message>
    <message>
        <source>%1 won: %2 against %3 for %4 (p = %5).</source>
        <translation>%1 برنده شد: %2 در برابر %3 برای %4 (p = %5).</translation>
    </message>
</context>
<context>
    <name>masir::AcquisitionCosts</name>
    <message>
        <source>Choose the month the cost is for.</source>
        <translation>ماهی را که هزینه برای آن است برگزینید.</translation>
    </message>
    <message>
        <source>Name the source the cost is for, as contacts have it ("instagram").</source>
        <translation>منبعی را که هزینه برای آن است نام ببرید، همان‌طور که مخاطبان دارند ("instagram").</translation>
    </message>
    <message>
        <source>A cost is an amount of 0 or more.</source>
        <translation>هزینه مبلغی ۰ یا بیشتر است.</translation>
    </message>
</context>
<context>
    <name>masir::BestSendTime</name>
    <message>
        <source>%1 %2</source>
        <comment>day of the week, time</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Cannot save when the best hours were computed.</source>
        <translation>زمان محاسبهٔ بهترین ساعت‌ها ذخیره نشد.</translation>
    </message>
</context>
<context>
    <name>masir::BounceApplier</name>
    <message>
        <source>Refused for now for %1 (%2); no email sent to it is known, so it is not counted.</source>
        <translation>فعلاً برای %1 پذیرفته نشد (%2)؛ ایمیلی که به آن فرستاده شده باشد شناخته نیست، پس شمرده نمی‌شود.</translation>
    </message>
    <message>
        <source>Refused for now for %1 (%2): counted; %3 in a row suppress it.</source>
        <translation>فعلاً برای %1 پذیرفته نشد (%2): شمرده شد؛ %3 بار پشت سر هم آن را مسدود می‌کند.</translation>
    </message>
    <message numerus="yes">
        <source>%n sends in a row refused for now (the last: %1)</source>
        <translation>
            <numerusform>%Ln ارسال پشت سر هم فعلاً پذیرفته نشد (آخرین: %1)</numerusform>
        </translation>
    </message>
    <message>
        <source>Suppressed %1: %2.</source>
        <translation>%1 مسدود شد: %2.</translation>
    </message>
    <message>
        <source>Suppressed %1: marked as spam (%2).</source>
        <translation>%1 مسدود شد: به‌عنوان هرزنامه علامت خورد (%2).</translation>
    </message>
    <message>
        <source>a feedback-loop report</source>
        <translation>گزارش بازخورد</translation>
    </message>
    <message>
        <source>Unsubscribed %1 at their request by email.</source>
        <translation>اشتراک %1 به درخواست خودش با ایمیل لغو شد.</translation>
    </message>
    <message>
        <source>Not returned mail: left for a person, unread.</source>
        <translation>نامهٔ برگشتی نیست: خوانده‌نشده برای یک نفر ماند.</translation>
    </message>
    <message>
        <source>An automatic reply (%1): not a bounce, left unread.</source>
        <translation>پاسخ خودکار (%1): برگشت نیست، خوانده‌نشده ماند.</translation>
    </message>
    <message>
        <source>From the mail system, but what failed cannot be read: kept aside.</source>
        <translation>از سامانهٔ ایمیل است، اما نمی‌شود خواند چه چیزی ناموفق بود: کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>Names no address and no message Masir sent: kept aside.</source>
        <translation>نه نشانی‌ای دارد و نه پیامی که مسیر فرستاده: کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>Suppressed %1: hard bounce (%2).</source>
        <translation>%1 مسدود شد: برگشت دائمی (%2).</translation>
    </message>
    <message>
        <source>An unsubscribe request from %1, who is not a contact: kept aside.</source>
        <translation>درخواست لغو اشتراک از %1 که مخاطب نیست: کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>an unknown sender</source>
        <translation>فرستنده‌ای ناشناخته</translation>
    </message>
</context>
<context>
    <name>masir::BounceParser</name>
    <message>
        <source>Hard bounce</source>
        <translation>برگشت دائمی</translation>
    </message>
    <message>
        <source>Soft bounce</source>
        <translation>برگشت موقت</translation>
    </message>
    <message>
        <source>Spam complaint</source>
        <translation>شکایت هرزنامه</translation>
    </message>
    <message>
        <source>Automatic reply</source>
        <translation>پاسخ خودکار</translation>
    </message>
    <message>
        <source>Unsubscribe request</source>
        <translation>درخواست لغو اشتراک</translation>
    </message>
    <message>
        <source>Other mail</source>
        <translation>نامهٔ دیگر</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>خواندنی نیست</translation>
    </message>
</context>
<context>
    <name>masir::Campaign</name>
    <message>
        <source>A/B test: "variants" must be a list of variants.</source>
        <translation>آزمون A/B: «variants» باید فهرستی از نسخه‌ها باشد.</translation>
    </message>
    <message>
        <source>A/B test, variant %1: "delayMinutes" must be between 0 and 10080 (a week).</source>
        <translation>آزمون A/B، نسخهٔ %1: «delayMinutes» باید بین ۰ و ۱۰۰۸۰ (یک هفته) باشد.</translation>
    </message>
    <message>
        <source>A/B test: give 2 to %1 variants, not %2.</source>
        <translation>آزمون A/B: از ۲ تا %1 نسخه بدهید، نه %2.</translation>
    </message>
    <message>
        <source>A/B test: "share" is the percentage of the audience in the test, from 2 to 100.</source>
        <translation>آزمون A/B: «share» درصدی از مخاطبان است که در آزمون هستند، از ۲ تا ۱۰۰.</translation>
    </message>
    <message>
        <source>A/B test: "metric" must be opens, clicks or revenue, not "%1".</source>
        <translation>آزمون A/B: «metric» باید opens، clicks یا revenue باشد، نه «%1».</translation>
    </message>
    <message>
        <source>A/B test: the wait must be from a minute to 30 days.</source>
        <translation>آزمون A/B: مدت انتظار باید از یک دقیقه تا ۳۰ روز باشد.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>زمان‌بندی‌شده</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>در حال ارسال</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغوشده</translation>
    </message>
    <message>
        <source>Give the campaign a name.</source>
        <translation>برای کارزار نامی بگذارید.</translation>
    </message>
    <message>
        <source>The channel must be email or SMS.</source>
        <translation>کانال باید ایمیل یا پیامک باشد.</translation>
    </message>
    <message>
        <source>Choose the template the campaign sends.</source>
        <translation>قالبی را که کارزار می‌فرستد انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose at least one segment or list to send to.</source>
        <translation>دست‌کم یک بخش یا فهرست برای ارسال انتخاب کنید.</translation>
    </message>
    <message>
        <source>Give the local time as HH:MM, for example 09:30.</source>
        <translation>ساعت محلی را به شکل HH:MM بدهید، مثلاً 09:30.</translation>
    </message>
    <message>
        <source>Choose when the campaign goes out.</source>
        <translation>زمان ارسال کارزار را انتخاب کنید.</translation>
    </message>
</context>
<context>
    <name>masir::CampaignChecks</name>
    <message>
        <source>Choose at least one segment or list to send to.</source>
        <translation>دست‌کم یک بخش یا فهرست برای ارسال انتخاب کنید.</translation>
    </message>
    <message>
        <source>There is no template named "%1": create it on the Templates page, or choose another.</source>
        <translation>قالبی به نام «%1» نیست: آن را در صفحهٔ قالب‌ها بسازید یا قالب دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Template "%1" is for %2, but the campaign sends %3.</source>
        <translation>قالب «%1» برای %2 است، اما کارزار %3 می‌فرستد.</translation>
    </message>
    <message>
        <source>Template "%1" has errors: %2</source>
        <translation>قالب «%1» خطا دارد: %2</translation>
    </message>
    <message>
        <source>Account "%1" is turned off: turn it on in Settings → Channels.</source>
        <translation>حساب «%1» خاموش است: آن را در تنظیمات ← کانال‌ها روشن کنید.</translation>
    </message>
    <message>
        <source>Account "%1": %2</source>
        <translation>حساب «%1»: %2</translation>
    </message>
    <message>
        <source>There is no %1 account to send from: add one in Settings → Channels.</source>
        <translation>هیچ حساب %1 برای ارسال نیست: در تنظیمات ← کانال‌ها یکی اضافه کنید.</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>There is no %1 account named "%2".</source>
        <translation>حساب %1 به نام «%2» وجود ندارد.</translation>
    </message>
    <message>
        <source>The send time has passed: choose a time in the future, or send now.</source>
        <translation>زمان ارسال گذشته است: زمانی در آینده انتخاب کنید یا همین حالا بفرستید.</translation>
    </message>
    <message>
        <source>%1 has passed in every time zone on that day: choose a later day.</source>
        <translation>ساعت %1 در آن روز در همهٔ منطقه‌های زمانی گذشته است: روز دیرتری انتخاب کنید.</translation>
    </message>
    <message>
        <source>The audience is empty: no contact is in the chosen segments.</source>
        <translation>مخاطبان خالی است: هیچ مخاطبی در بخش‌های انتخاب‌شده نیست.</translation>
    </message>
    <message>
        <source>No one in the audience can be sent to: of %L1 contacts, %L2 have no address, %L3 unsubscribed, bounced or withdrew consent, and %L4 are suppressed.</source>
        <translation>به هیچ‌کس از مخاطبان نمی‌توان فرستاد: از %L1 مخاطب، %L2 نشانی ندارند، %L3 لغو اشتراک کرده، برگشتی داشته یا رضایت را پس گرفته‌اند و %L4 در فهرست مسدود هستند.</translation>
    </message>
    <message>
        <source>Template "%1" is %2, but the campaign's template is %3: the variants must all be marketing or all transactional.</source>
        <translation>قالب «%1» %2 است، اما قالب کارزار %3 است: نسخه‌ها باید همه تبلیغاتی یا همه اطلاع‌رسانی باشند.</translation>
    </message>
    <message>
        <source>marketing</source>
        <translation>تبلیغاتی</translation>
    </message>
    <message>
        <source>transactional</source>
        <translation>اطلاع‌رسانی</translation>
    </message>
</context>
<context>
    <name>masir::CampaignListModel</name>
    <message>
        <source>Now</source>
        <translation>همین حالا</translation>
    </message>
    <message>
        <source>%1 at %2 in each contact's time zone</source>
        <translation>%1 ساعت %2 به وقت هر مخاطب</translation>
    </message>
    <message>
        <source>%1 of %2 sent</source>
        <translation>%1 از %2 ارسال شد</translation>
    </message>
    <message>
        <source>, %1 not sent</source>
        <translation>، %1 ارسال نشد</translation>
    </message>
    <message>
        <source>; A/B test running until %1</source>
        <translation>؛ آزمون A/B تا %1 ادامه دارد</translation>
    </message>
    <message>
        <source>; A/B test over: choose the winner</source>
        <translation>؛ آزمون A/B تمام شد: برنده را انتخاب کنید</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source> (not %1)</source>
        <translation> (به‌جز %1)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>کارزار</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>گیرندگان</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>پیشرفت</translation>
    </message>
    <message>
        <source>Sends / started</source>
        <translation>ارسال / آغاز</translation>
    </message>
    <message>
        <source>At each contact's best hour in the 24 hours from %1</source>
        <translation>در بهترین ساعت هر مخاطب، در ۲۴ ساعت از %1</translation>
    </message>
    <message>
        <source>At each contact's best hour in the next 24 hours</source>
        <translation>در بهترین ساعت هر مخاطب در ۲۴ ساعت آینده</translation>
    </message>
</context>
<context>
    <name>masir::CampaignRepository</name>
    <message>
        <source>There is already a campaign named "%1".</source>
        <translation>کارزاری به نام «%1» از پیش هست.</translation>
    </message>
    <message>
        <source>The campaign was deleted.</source>
        <translation>کارزار حذف شده است.</translation>
    </message>
    <message>
        <source>Campaign "%1" has started and cannot be changed; duplicate it to send it again with changes.</source>
        <translation>کارزار «%1» آغاز شده و تغییرپذیر نیست؛ برای ارسال دوباره با تغییرات، از آن رونوشت بگیرید.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (رونوشت %2)</translation>
    </message>
    <message>
        <source>A campaign that is sending or paused cannot be deleted; cancel it first.</source>
        <translation>کارزاری که در حال ارسال یا متوقف است حذف نمی‌شود؛ نخست آن را لغو کنید.</translation>
    </message>
    <message>
        <source>Campaign "%1" is %2: it cannot become %3.</source>
        <translation>کارزار «%1» %2 است: نمی‌تواند %3 شود.</translation>
    </message>
    <message>
        <source>Campaign "%1" changed meanwhile; try again.</source>
        <translation>کارزار «%1» در این میان تغییر کرد؛ دوباره تلاش کنید.</translation>
    </message>
</context>
<context>
    <name>masir::CampaignRunner</name>
    <message>
        <source>No one in the audience can be sent to (unsubscribed, bounced, without consent, suppressed or without an address).</source>
        <translation>به هیچ‌کس از مخاطبان نمی‌توان فرستاد (لغو اشتراک، برگشتی، بدون رضایت، مسدود یا بدون نشانی).</translation>
    </message>
    <message>
        <source>The campaign was deleted.</source>
        <translation>کارزار حذف شده است.</translation>
    </message>
    <message>
        <source>Campaign "%1" has no variant %2.</source>
        <translation>کارزار «%1» نسخهٔ %2 ندارد.</translation>
    </message>
    <message>
        <source>Campaign "%1" is not waiting for a winner.</source>
        <translation>کارزار «%1» منتظر انتخاب برنده نیست.</translation>
    </message>
    <message>
        <source>Campaign "%1" changed meanwhile; try again.</source>
        <translation>کارزار «%1» در این میان تغییر کرد؛ دوباره تلاش کنید.</translation>
    </message>
</context>
<context>
    <name>masir::ChannelAccounts</name>
    <message>
        <source>Give the account a name.</source>
        <translation>برای حساب یک نام بگذارید.</translation>
    </message>
    <message>
        <source>Enter the SMTP server's host name.</source>
        <translation>نام میزبان سرور SMTP را وارد کنید.</translation>
    </message>
    <message>
        <source>Enter the SMTP port (587 for STARTTLS, 465 for TLS).</source>
        <translation>پورت SMTP را وارد کنید (587 برای STARTTLS و 465 برای TLS).</translation>
    </message>
    <message>
        <source>Security must be starttls, tls or none.</source>
        <translation>امنیت باید starttls، tls یا none باشد.</translation>
    </message>
    <message>
        <source>Enter the From address, e.g. "Shop &lt;news@shop.example&gt;".</source>
        <translation>نشانی فرستنده را وارد کنید، مثلاً «فروشگاه &lt;news@shop.example&gt;».</translation>
    </message>
    <message>
        <source>Enter the gateway's web address (https://...).</source>
        <translation>نشانی وب درگاه را وارد کنید (https://...).</translation>
    </message>
    <message>
        <source>The gateway needs its request fields.</source>
        <translation>فیلدهای درخواست درگاه را مشخص کنید.</translation>
    </message>
    <message>
        <source>Enter the sender number or name the gateway gave you.</source>
        <translation>شماره یا نام فرستنده‌ای را که درگاه به شما داده است وارد کنید.</translation>
    </message>
    <message>
        <source>An account is SMTP or SMS.</source>
        <translation>حساب باید از نوع SMTP یا پیامک باشد.</translation>
    </message>
    <message>
        <source>Limits cannot be negative.</source>
        <translation>سقف‌های ارسال نمی‌توانند منفی باشند.</translation>
    </message>
    <message>
        <source>Use between 1 and 16 connections.</source>
        <translation>تعداد اتصال‌ها باید بین ۱ تا ۱۶ باشد.</translation>
    </message>
    <message>
        <source>There is already an account named "%1".</source>
        <translation>حسابی با نام «%1» از قبل وجود دارد.</translation>
    </message>
    <message>
        <source>Kavenegar</source>
        <translation>کاوه‌نگار</translation>
    </message>
    <message>
        <source>Melipayamak</source>
        <translation>ملی‌پیامک</translation>
    </message>
    <message>
        <source>sms.ir</source>
        <translation>sms.ir</translation>
    </message>
    <message>
        <source>Ghasedak</source>
        <translation>قاصدک</translation>
    </message>
    <message>
        <source>Other HTTP gateway</source>
        <translation>درگاه HTTP دیگر</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بدون سقف</translation>
    </message>
    <message>
        <source>Gmail (500 a day)</source>
        <translation>Gmail (۵۰۰ در روز)</translation>
    </message>
    <message>
        <source>Google Workspace (2,000 a day)</source>
        <translation>Google Workspace (۲٬۰۰۰ در روز)</translation>
    </message>
    <message>
        <source>Outlook.com (300 a day)</source>
        <translation>Outlook.com (۳۰۰ در روز)</translation>
    </message>
    <message>
        <source>Microsoft 365 (10,000 a day)</source>
        <translation>Microsoft 365 (۱۰٬۰۰۰ در روز)</translation>
    </message>
    <message>
        <source>Amazon SES, starting quota (14 a second)</source>
        <translation>Amazon SES، سهمیهٔ آغازین (۱۴ در ثانیه)</translation>
    </message>
</context>
<context>
    <name>masir::CliApp</name>
    <message>
        <source>Run masir-cli --help for usage.</source>
        <translation>برای دیدن راهنما masir-cli --help را اجرا کنید.</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>خطا: %1</translation>
    </message>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 به یک مقدار نیاز دارد.</translation>
    </message>
    <message>
        <source>Unknown option %1.</source>
        <translation>گزینهٔ ناشناختهٔ %1.</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>هیچ فرمانی داده نشده است.</translation>
    </message>
    <message>
        <source>Unknown command "%1".</source>
        <translation>فرمان ناشناختهٔ «%1».</translation>
    </message>
    <message>
        <source>Count only contacts matching TEXT.</source>
        <translation>فقط مخاطبانی را بشمار که با TEXT جور درمی‌آیند.</translation>
    </message>
    <message>
        <source>contacts count takes no file.</source>
        <translation>contacts count پرونده‌ای نمی‌گیرد.</translation>
    </message>
    <message>
        <source>Start the file with a UTF-8 BOM (for Excel).</source>
        <translation>پرونده را با BOM یونی‌کد UTF-8 آغاز کن (برای اکسل).</translation>
    </message>
    <message>
        <source>contacts export needs the path of the CSV file to write.</source>
        <translation>contacts export به مسیر پروندهٔ CSV برای نوشتن نیاز دارد.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>%Ln مخاطب در %1 برون‌بری شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>How many contacts to add (default 2000).</source>
        <translation>چند مخاطب افزوده شود (پیش‌فرض ۲۰۰۰).</translation>
    </message>
    <message>
        <source>Do not write timelines.</source>
        <translation>خط زمانی ننویس.</translation>
    </message>
    <message>
        <source>Random seed.</source>
        <translation>بذر تصادفی.</translation>
    </message>
    <message>
        <source>--contacts needs a positive whole number.</source>
        <translation>--contacts به یک عدد صحیح مثبت نیاز دارد.</translation>
    </message>
    <message>
        <source>--seed needs a whole number.</source>
        <translation>--seed به یک عدد صحیح نیاز دارد.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo contact(s).</source>
        <translation>
            <numerusform>%Ln مخاطب نمونه افزوده شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>the workspace is damaged:
%1</source>
        <translation>فضای کاری آسیب دیده است:
%1</translation>
    </message>
    <message>
        <source>Export only the members of this static list.</source>
        <translation>فقط اعضای این فهرست ثابت را برون‌بری کن.</translation>
    </message>
    <message>
        <source>The file's encoding (utf-8, utf-16le, windows-1256, ...).</source>
        <translation>کدگذاری پرونده (utf-8، utf-16le، windows-1256، ...).</translation>
    </message>
    <message>
        <source>The delimiter: , ; tab or |.</source>
        <translation>جداکننده: , ; tab یا |.</translation>
    </message>
    <message>
        <source>The first row is data, not a header.</source>
        <translation>ردیف نخست داده است، نه سرستون.</translation>
    </message>
    <message>
        <source>Map a column: "Header=field", "Header=custom.key", "Header=custom.key:number" or "Header=skip".</source>
        <translation>نگاشت یک ستون: «Header=field»، «Header=custom.key»، «Header=custom.key:number» یا «Header=skip».</translation>
    </message>
    <message>
        <source>What to do with existing contacts: skip, fill (default) or overwrite.</source>
        <translation>با مخاطبان موجود چه شود: skip (رها کن)، fill (پر کردن جاهای خالی، پیش‌فرض) یا overwrite (جایگزینی).</translation>
    </message>
    <message>
        <source>Match existing contacts on email only.</source>
        <translation>مخاطبان موجود را فقط با ایمیل تطبیق بده.</translation>
    </message>
    <message>
        <source>Tag every imported contact.</source>
        <translation>به هر مخاطب درون‌بری‌شده برچسب بزن.</translation>
    </message>
    <message>
        <source>Source label of created contacts.</source>
        <translation>برچسب منبع مخاطبان ساخته‌شده.</translation>
    </message>
    <message>
        <source>Add every imported contact to this static list.</source>
        <translation>هر مخاطب درون‌بری‌شده را به این فهرست ثابت بیفزا.</translation>
    </message>
    <message>
        <source>Country for phone numbers without a country code (IR, PL, MY, ...).</source>
        <translation>کشور شماره‌های تلفن بدون کد کشور (IR، PL، MY، ...).</translation>
    </message>
    <message>
        <source>How to read dates: auto, jalali or gregorian.</source>
        <translation>خواندن تاریخ‌ها: auto (خودکار)، jalali (شمسی) یا gregorian (میلادی).</translation>
    </message>
    <message>
        <source>Read and check the file, write nothing.</source>
        <translation>پرونده را بخوان و بررسی کن، چیزی ننویس.</translation>
    </message>
    <message>
        <source>Write the rejected rows to this CSV file.</source>
        <translation>ردیف‌های ردشده را در این پروندهٔ CSV بنویس.</translation>
    </message>
    <message>
        <source>Print the result as JSON.</source>
        <translation>نتیجه را به‌صورت JSON چاپ کن.</translation>
    </message>
    <message>
        <source>Only show how the file is read.</source>
        <translation>فقط نشان بده پرونده چگونه خوانده می‌شود.</translation>
    </message>
    <message>
        <source>Rows to preview (default 50).</source>
        <translation>تعداد ردیف‌های پیش‌نمایش (پیش‌فرض ۵۰).</translation>
    </message>
    <message>
        <source>Rows per transaction.</source>
        <translation>تعداد ردیف در هر تراکنش.</translation>
    </message>
    <message>
        <source>import needs the path of one CSV file.</source>
        <translation>import به مسیر یک پروندهٔ CSV نیاز دارد.</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 وجود ندارد.</translation>
    </message>
    <message>
        <source>Unknown encoding "%1". Use one of: %2.</source>
        <translation>کدگذاری ناشناختهٔ «%1». یکی از این‌ها را به کار ببرید: %2.</translation>
    </message>
    <message>
        <source>The delimiter is one character, or "tab".</source>
        <translation>جداکننده یک نویسه است، یا «tab».</translation>
    </message>
    <message>
        <source>--map takes "Header=field", not "%1".</source>
        <translation>--map شکل «Header=field» را می‌پذیرد، نه «%1».</translation>
    </message>
    <message>
        <source>A new custom field is text, number, date or boolean, not "%1".</source>
        <translation>فیلد سفارشی تازه متن، عدد، تاریخ یا بله/خیر است، نه «%1».</translation>
    </message>
    <message>
        <source>"%1" is not a contact field. Use one of: %2, custom.KEY or skip.</source>
        <translation>«%1» فیلد مخاطب نیست. یکی از این‌ها را به کار ببرید: %2، custom.KEY یا skip.</translation>
    </message>
    <message>
        <source>--policy is skip, fill or overwrite.</source>
        <translation>--policy یکی از skip، fill یا overwrite است.</translation>
    </message>
    <message>
        <source>--dates is auto, jalali or gregorian.</source>
        <translation>--dates یکی از auto، jalali یا gregorian است.</translation>
    </message>
    <message>
        <source>--batch needs a positive whole number.</source>
        <translation>--batch به یک عدد صحیح مثبت نیاز دارد.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1 rows: %2 created, %3 updated, %4 skipped, %5 rejected (%6, "%7", %8 s)</source>
        <translation>%1 ردیف: %2 ساخته، %3 به‌روز، %4 رها، %5 رد شد (%6، «%7»، %8 ثانیه)</translation>
    </message>
    <message>
        <source>row %1 (line %2): %3%4</source>
        <translation>ردیف %1 (خط %2): %3%4</translation>
    </message>
    <message>
        <source>rejected: </source>
        <translation>رد شد: </translation>
    </message>
    <message>
        <source>warning: </source>
        <translation>هشدار: </translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>درون‌بری لغو شد</translation>
    </message>
    <message>
        <source>imports undo needs the number of an import (see masir-cli imports).</source>
        <translation>imports undo به شمارهٔ یک درون‌بری نیاز دارد (masir-cli imports را ببینید).</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n contact(s).</source>
        <translation>
            <numerusform>%Ln مخاطب حذف شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown arguments for imports: %1</source>
        <translation>آرگومان‌های ناشناخته برای imports: %1</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 skipped, %4 rejected</source>
        <translation>%1 ساخته، %2 به‌روز، %3 رها، %4 رد شد</translation>
    </message>
    <message>
        <source>A rule in a JSON file.</source>
        <translation>یک قاعده در پرونده‌ای JSON.</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>خروجی JSON چاپ شود.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>segment count takes a segment name or --rule FILE.json.</source>
        <translation>segment count نام یک بخش یا ‎--rule FILE.json‎ می‌گیرد.</translation>
    </message>
    <message>
        <source>There is no segment called "%1".</source>
        <translation>بخشی به نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>segment list takes no arguments.</source>
        <translation>segment list آرگومانی نمی‌گیرد.</translation>
    </message>
    <message>
        <source>list</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>قاعده</translation>
    </message>
    <message>
        <source>segment save takes a name and --rule FILE.json.</source>
        <translation>segment save یک نام و ‎--rule FILE.json‎ می‌گیرد.</translation>
    </message>
    <message>
        <source>"%1" is a list, not a rule segment.</source>
        <translation>«%1» یک فهرست است، نه بخشی با قاعده.</translation>
    </message>
    <message>
        <source>segment materialize takes a segment name.</source>
        <translation>segment materialize نام یک بخش را می‌گیرد.</translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) changed</source>
        <translation>
            <numerusform>امتیاز %n مخاطب تغییر کرد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) moved to a later stage</source>
        <translation>
            <numerusform>%n سرنخ به مرحلهٔ بعدی رفت</numerusform>
        </translation>
    </message>
    <message>
        <source>The journey's name.</source>
        <translation>نام سفر.</translation>
    </message>
    <message>
        <source>Start the journey once saved.</source>
        <translation>سفر را پس از ذخیره آغاز کن.</translation>
    </message>
    <message>
        <source>The segment or list to enrol.</source>
        <translation>بخش یا فهرستی که باید وارد سفر شود.</translation>
    </message>
    <message>
        <source>Enrol every contact.</source>
        <translation>همهٔ مخاطبان را وارد کن.</translation>
    </message>
    <message>
        <source>journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>node %1</source>
        <translation>گرهٔ %1</translation>
    </message>
    <message>
        <source>There is no journey called "%1".</source>
        <translation>سفری به نام «%1» نیست.</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>نسخهٔ %1</translation>
    </message>
    <message>
        <source>%1 in the journey</source>
        <translation>%1 در سفر</translation>
    </message>
    <message>
        <source>journey import takes one file.</source>
        <translation>journey import یک پرونده می‌گیرد.</translation>
    </message>
    <message>
        <source>%1 is not JSON: %2</source>
        <translation>%1 پروندهٔ JSON نیست: %2</translation>
    </message>
    <message>
        <source>Saved journey "%1".</source>
        <translation>سفر «%1» ذخیره شد.</translation>
    </message>
    <message>
        <source>journey %1 takes a journey name.</source>
        <translation>journey %1 نام یک سفر را می‌گیرد.</translation>
    </message>
    <message>
        <source>journey enrol takes a journey name and --segment S or --all.</source>
        <translation>journey enrol نام سفر و --segment S یا --all می‌گیرد.</translation>
    </message>
    <message>
        <source>Run one cycle, then stop.</source>
        <translation>یک دور اجرا کن، سپس بایست.</translation>
    </message>
    <message>
        <source>Enrolments per transaction.</source>
        <translation>شمار ورودها در هر تراکنش.</translation>
    </message>
    <message>
        <source>%1 enrolled, %2 steps, %3 messages queued, %4 finished</source>
        <translation>%1 وارد شدند، %2 گام، %3 پیام در صف، %4 به پایان رسیدند</translation>
    </message>
    <message>
        <source>A contact to simulate (repeatable).</source>
        <translation>مخاطبی برای شبیه‌سازی (تکرارپذیر).</translation>
    </message>
    <message>
        <source>How many contacts of the segment to simulate.</source>
        <translation>چند مخاطب از بخش شبیه‌سازی شوند.</translation>
    </message>
    <message>
        <source>How many days to simulate.</source>
        <translation>چند روز شبیه‌سازی شود.</translation>
    </message>
    <message>
        <source>The template to start from.</source>
        <translation>الگویی که از آن شروع می‌شود.</translation>
    </message>
    <message>
        <source>journey create takes a name and --template KEY.</source>
        <translation>journey create یک نام و --template KEY می‌گیرد.</translation>
    </message>
    <message>
        <source>There is no template "%1"; see journey templates.</source>
        <translation>الگویی به نام «%1» نیست؛ journey templates را ببینید.</translation>
    </message>
    <message>
        <source>journey simulate takes a journey name and --contact ID or --segment S.</source>
        <translation>journey simulate نام سفر و --contact ID یا --segment S می‌گیرد.</translation>
    </message>
    <message>
        <source>would send %1 "%2" to %3 at %4</source>
        <translation>%1 «%2» را در %4 به %3 می‌فرستاد</translation>
    </message>
    <message>
        <source>Milliseconds to send for in each cycle (default 1000).</source>
        <translation>مدت ارسال در هر دور، به میلی‌ثانیه (پیش‌فرض ۱۰۰۰).</translation>
    </message>
    <message>
        <source>%1 sent, %2 retrying, %3 failed, %4 dropped, %5 interrupted</source>
        <translation>%1 ارسال‌شده، %2 در انتظار تلاش دوباره، %3 ناموفق، %4 کنارگذاشته، %5 قطع‌شده</translation>
    </message>
    <message>
        <source>Unknown limits preset "%1".</source>
        <translation>پیش‌تنظیم سقف ارسال «%1» ناشناخته است.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number (0 for no limit).</source>
        <translation>--%1 به یک عدد صحیح نیاز دارد (۰ یعنی بدون سقف).</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>The account's name.</source>
        <translation>نام حساب.</translation>
    </message>
    <message>
        <source>Parallel connections.</source>
        <translation>تعداد اتصال‌های هم‌زمان.</translation>
    </message>
    <message>
        <source>A limits preset: gmail, workspace, ...</source>
        <translation>پیش‌تنظیم سقف ارسال: gmail، workspace، ...</translation>
    </message>
    <message>
        <source>Sends a second.</source>
        <translation>تعداد ارسال در ثانیه.</translation>
    </message>
    <message>
        <source>Sends an hour.</source>
        <translation>تعداد ارسال در ساعت.</translation>
    </message>
    <message>
        <source>Sends a day.</source>
        <translation>تعداد ارسال در روز.</translation>
    </message>
    <message>
        <source>Replace an account of the same name.</source>
        <translation>حساب هم‌نام را جایگزین می‌کند.</translation>
    </message>
    <message>
        <source>SMTP setting.</source>
        <translation>تنظیم SMTP.</translation>
    </message>
    <message>
        <source>Gateway setting.</source>
        <translation>تنظیم درگاه.</translation>
    </message>
    <message>
        <source>channel add %1 takes only options.</source>
        <translation>channel add %1 فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>--preset must be one of: %1</source>
        <translation>مقدار --preset باید یکی از این‌ها باشد: %1</translation>
    </message>
    <message>
        <source>There is already an account named "%1"; add --replace to change it.</source>
        <translation>حسابی با نام «%1» از قبل وجود دارد؛ برای تغییر آن، --replace را اضافه کنید.</translation>
    </message>
    <message>
        <source>Cannot store the secret in %1: %2</source>
        <translation>ذخیرهٔ رمز یا کلید در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Set %1 to the password or API key; Masir keeps it in %2, never in the workspace.</source>
        <translation>%1 را برابر رمز عبور یا کلید API قرار دهید؛ مسیر آن را در %2 نگه می‌دارد، هرگز در فضای کاری.</translation>
    </message>
    <message>
        <source>Account "%1" saved; its secret is in %2.</source>
        <translation>حساب «%1» ذخیره شد؛ رمز یا کلید آن در %2 است.</translation>
    </message>
    <message>
        <source>channel remove needs the account's name.</source>
        <translation>channel remove به نام حساب نیاز دارد.</translation>
    </message>
    <message>
        <source>There is no account named "%1".</source>
        <translation>حسابی با نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>Where to send the test.</source>
        <translation>مقصد ارسال آزمایشی.</translation>
    </message>
    <message>
        <source>channel test needs the account's name and --to.</source>
        <translation>channel test به نام حساب و --to نیاز دارد.</translation>
    </message>
    <message>
        <source>Sent. The server said: %1</source>
        <translation>فرستاده شد. پاسخ سرور: %1</translation>
    </message>
    <message>
        <source>Template setting.</source>
        <translation>تنظیم قالب.</translation>
    </message>
    <message>
        <source>Not marketing: no footer or List-Unsubscribe, sent even to contacts who unsubscribed.</source>
        <translation>غیرتبلیغاتی: بدون پانویس و List-Unsubscribe؛ حتی برای مخاطبانی که اشتراک خود را لغو کرده‌اند هم ارسال می‌شود.</translation>
    </message>
    <message>
        <source>Replace a template of the same name.</source>
        <translation>قالب هم‌نام را جایگزین می‌کند.</translation>
    </message>
    <message>
        <source>template add needs --name and --body-file.</source>
        <translation>template add به --name و --body-file نیاز دارد.</translation>
    </message>
    <message>
        <source>the template has errors:
%1</source>
        <translation>قالب خطا دارد:
%1</translation>
    </message>
    <message>
        <source>There is already a template named "%1"; add --replace to change it.</source>
        <translation>قالبی با نام «%1» از قبل وجود دارد؛ برای تغییر آن، --replace را اضافه کنید.</translation>
    </message>
    <message>
        <source>The template.</source>
        <translation>قالب.</translation>
    </message>
    <message>
        <source>The contact's email or phone.</source>
        <translation>ایمیل یا شمارهٔ تلفن مخاطب.</translation>
    </message>
    <message>
        <source>send needs --template and --to.</source>
        <translation>send به --template و --to نیاز دارد.</translation>
    </message>
    <message>
        <source>There is no template named "%1".</source>
        <translation>قالبی با نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>"%1" is not a phone number: %2</source>
        <translation>«%1» شمارهٔ تلفن نیست: %2</translation>
    </message>
    <message>
        <source>No contact has %1; add the contact first.</source>
        <translation>هیچ مخاطبی با %1 وجود ندارد؛ ابتدا مخاطب را اضافه کنید.</translation>
    </message>
    <message>
        <source>Only rows in this state.</source>
        <translation>فقط ردیف‌هایی با این وضعیت.</translation>
    </message>
    <message>
        <source>At most N rows.</source>
        <translation>حداکثر N ردیف.</translation>
    </message>
    <message>
        <source>--state must be one of: %1</source>
        <translation>مقدار --state باید یکی از این‌ها باشد: %1</translation>
    </message>
    <message>
        <source>"%1" is not an outbox id.</source>
        <translation>«%1» شناسهٔ صندوق خروجی نیست.</translation>
    </message>
    <message>
        <source>outbox %1 needs one or more ids.</source>
        <translation>outbox %1 به یک یا چند شناسه نیاز دارد.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) changed</source>
        <translation>
            <numerusform>%n پیام تغییر کرد</numerusform>
        </translation>
    </message>
    <message>
        <source>unsubscribe needs the token from the link.</source>
        <translation>unsubscribe به توکنِ داخل پیوند نیاز دارد.</translation>
    </message>
    <message>
        <source>settings get KEY or settings set KEY VALUE; keys: %1</source>
        <translation>settings get KEY یا settings set KEY VALUE؛ کلیدها: %1</translation>
    </message>
    <message>
        <source>Cannot save the setting.</source>
        <translation>ذخیرهٔ تنظیم ممکن نیست.</translation>
    </message>
    <message>
        <source>Unknown setting "%1"; keys: %2</source>
        <translation>تنظیم ناشناختهٔ «%1»؛ کلیدها: %2</translation>
    </message>
    <message>
        <source>print the version of Masir</source>
        <translation>نسخهٔ مسیر را چاپ می‌کند</translation>
    </message>
    <message>
        <source>check the workspace file for damage</source>
        <translation>پروندهٔ فضای کاری را از نظر آسیب بررسی می‌کند</translation>
    </message>
    <message>
        <source>Usage: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]

Commands:
</source>
        <translation>کاربرد: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]

فرمان‌ها:
</translation>
    </message>
    <message>
        <source>
Options:
  --workspace PATH  the workspace file (default: %1)
  --lang en|fa      the language of messages
  -h, --help        show this help; COMMAND --help shows a command's options
</source>
        <translation>
گزینه‌ها:
  --workspace PATH  پروندهٔ فضای کاری (پیش‌فرض: %1)
  --lang en|fa      زبان پیام‌ها
  -h, --help        نمایش همین راهنما؛ COMMAND --help گزینه‌های یک فرمان را نشان می‌دهد
</translation>
    </message>
    <message>
        <source>(default %1)</source>
        <translation>(پیش‌فرض: %1)</translation>
    </message>
    <message>
        <source>%1 needs a subcommand.</source>
        <translation>%1 یک زیرفرمان می‌خواهد.</translation>
    </message>
    <message>
        <source>Unknown subcommand "%1".</source>
        <translation>زیرفرمان «%1» شناخته نیست.</translation>
    </message>
    <message>
        <source>Show this command's options.</source>
        <translation>گزینه‌های همین فرمان را نشان می‌دهد.</translation>
    </message>
    <message>
        <source>--%1 needs a number above %2.</source>
        <translation>--%1 عددی بزرگ‌تر از %2 می‌خواهد.</translation>
    </message>
    <message>
        <source>--%1 needs a whole number.</source>
        <translation>--%1 یک عدد درست می‌خواهد.</translation>
    </message>
    <message>
        <source>Run masir-cli %1 --help for usage.</source>
        <translation>برای راهنما masir-cli %1 --help را اجرا کنید.</translation>
    </message>
    <message>
        <source>print the number of contacts</source>
        <translation>تعداد مخاطبان را چاپ می‌کند</translation>
    </message>
    <message>
        <source>export every contact as UTF-8 CSV</source>
        <translation>همهٔ مخاطبان را به‌صورت CSV با UTF-8 برون‌بری می‌کند</translation>
    </message>
    <message>
        <source>add generated sample contacts</source>
        <translation>مخاطبان نمونهٔ ساختگی می‌افزاید</translation>
    </message>
    <message>
        <source>demo takes only options.</source>
        <translation>demo فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>import contacts from a CSV file (--preview: show how Masir reads it)</source>
        <translation>مخاطبان را از یک پروندهٔ CSV درون‌بری می‌کند (--preview: نشان می‌دهد مسیر پرونده را چگونه می‌خواند)</translation>
    </message>
    <message>
        <source>list past imports</source>
        <translation>فهرست درون‌بری‌های گذشته</translation>
    </message>
    <message>
        <source>remove the contacts an import created</source>
        <translation>مخاطبانی را که یک درون‌بری ساخته حذف می‌کند</translation>
    </message>
    <message>
        <source>list journeys with their status and counts</source>
        <translation>فهرست سفرها با وضعیت و شمارشان</translation>
    </message>
    <message>
        <source>save a journey from a file</source>
        <translation>سفری را از یک پرونده ذخیره می‌کند</translation>
    </message>
    <message>
        <source>list the ready journeys to start from</source>
        <translation>فهرست سفرهای آماده برای شروع</translation>
    </message>
    <message>
        <source>save a new journey from a template</source>
        <translation>سفر تازه‌ای از یک قالب ذخیره می‌کند</translation>
    </message>
    <message>
        <source>start a journey</source>
        <translation>سفری را آغاز می‌کند</translation>
    </message>
    <message>
        <source>pause a journey</source>
        <translation>سفری را متوقف می‌کند</translation>
    </message>
    <message>
        <source>add contacts to a journey by hand</source>
        <translation>مخاطبان را دستی به سفری می‌افزاید</translation>
    </message>
    <message>
        <source>show what a journey would do, sending nothing</source>
        <translation>نشان می‌دهد سفر چه می‌کند، بی‌آنکه چیزی بفرستد</translation>
    </message>
    <message>
        <source>worker run takes only options.</source>
        <translation>worker run فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>print how many contacts a segment has</source>
        <translation>شمار مخاطبان یک بخش را چاپ می‌کند</translation>
    </message>
    <message>
        <source>list segments and lists with their counts</source>
        <translation>فهرست بخش‌ها و فهرست‌ها با شمار اعضایشان</translation>
    </message>
    <message>
        <source>create or replace a rule segment</source>
        <translation>بخشی با قاعده می‌سازد یا جایگزین می‌کند</translation>
    </message>
    <message>
        <source>store who is in a rule segment now</source>
        <translation>اعضای کنونی یک بخش با قاعده را ذخیره می‌کند</translation>
    </message>
    <message>
        <source>recompute every score from the history</source>
        <translation>همهٔ امتیازها را از روی تاریخچه دوباره حساب می‌کند</translation>
    </message>
    <message>
        <source>score recompute takes no arguments.</source>
        <translation>score recompute آرگومانی نمی‌پذیرد.</translation>
    </message>
    <message>
        <source>add an SMTP account (password: MASIR_SMTP_PASSWORD)</source>
        <translation>یک حساب SMTP می‌افزاید (رمز عبور: MASIR_SMTP_PASSWORD)</translation>
    </message>
    <message>
        <source>add an SMS gateway (key: MASIR_SMS_SECRET)</source>
        <translation>یک درگاه پیامک می‌افزاید (کلید: MASIR_SMS_SECRET)</translation>
    </message>
    <message>
        <source>list SMTP accounts and SMS gateways</source>
        <translation>فهرست حساب‌های SMTP و درگاه‌های پیامک</translation>
    </message>
    <message>
        <source>send a test and show the server's reply</source>
        <translation>یک پیام آزمایشی می‌فرستد و پاسخ سرور را نشان می‌دهد</translation>
    </message>
    <message>
        <source>remove an account and its secret</source>
        <translation>حساب و رمز یا کلید آن را حذف می‌کند</translation>
    </message>
    <message>
        <source>add a template (Markdown with merge tags)</source>
        <translation>یک قالب می‌افزاید (Markdown با برچسب‌های جایگذاری)</translation>
    </message>
    <message>
        <source>list templates</source>
        <translation>فهرست قالب‌ها</translation>
    </message>
    <message>
        <source>queue one message through the outbox</source>
        <translation>یک پیام را از راه صندوق خروجی در صف می‌گذارد</translation>
    </message>
    <message>
        <source>list messages in the outbox</source>
        <translation>فهرست پیام‌های صندوق خروجی</translation>
    </message>
    <message>
        <source>resend failed or interrupted messages</source>
        <translation>پیام‌های ناموفق یا قطع‌شده را دوباره ارسال می‌کند</translation>
    </message>
    <message>
        <source>cancel queued or interrupted messages</source>
        <translation>پیام‌های در صف یا قطع‌شده را لغو می‌کند</translation>
    </message>
    <message>
        <source>unsubscribe the contact of an unsubscribe link</source>
        <translation>اشتراک مخاطبِ یک پیوند لغو اشتراک را لغو می‌کند</translation>
    </message>
    <message>
        <source>change a workspace setting (%1)</source>
        <translation>یک تنظیم فضای کاری را تغییر می‌دهد (%1)</translation>
    </message>
    <message>
        <source>read a workspace setting</source>
        <translation>یک تنظیم فضای کاری را می‌خواند</translation>
    </message>
    <message>
        <source>Address and port to listen on.</source>
        <translation>نشانی و پورتی که سرور روی آن گوش می‌دهد.</translation>
    </message>
    <message>
        <source>The address people reach it at (https://t.example.com).</source>
        <translation>نشانی‌ای که دیگران با آن به گردآورنده دسترسی دارند (https://t.example.com).</translation>
    </message>
    <message>
        <source>Folder for its store and API key.</source>
        <translation>پوشهٔ انبارهٔ داده و کلید API آن.</translation>
    </message>
    <message>
        <source>A proxy (address or CIDR range, comma-separated) whose X-Forwarded-For is believed.</source>
        <translation>پراکسی‌ای (نشانی یا بازهٔ CIDR، جداشده با ,) که سرآیند X-Forwarded-For آن پذیرفته می‌شود.</translation>
    </message>
    <message>
        <source>Threads that answer requests (default 2).</source>
        <translation>تعداد رشته‌هایی که به درخواست‌ها پاسخ می‌دهند (پیش‌فرض ۲).</translation>
    </message>
    <message>
        <source>Milliseconds a client has to send a whole request (default 10000).</source>
        <translation>مهلت کلاینت برای فرستادن کامل یک درخواست، به میلی‌ثانیه (پیش‌فرض ۱۰۰۰۰).</translation>
    </message>
    <message>
        <source>serve takes only options.</source>
        <translation>serve فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>--listen must be ADDRESS:PORT, such as 0.0.0.0:8787; "%1" is not.</source>
        <translation>مقدار --listen باید به شکل ADDRESS:PORT باشد، مانند 0.0.0.0:8787؛ «%1» این‌گونه نیست.</translation>
    </message>
    <message>
        <source>--public-url must be the address people reach the collector at, such as https://t.example.com.</source>
        <translation>مقدار --public-url باید نشانی‌ای باشد که دیگران با آن به گردآورنده دسترسی دارند، مانند https://t.example.com.</translation>
    </message>
    <message>
        <source>--trusted-proxy: "%1" is not an address or a range.</source>
        <translation>--trusted-proxy: «%1» نشانی یا بازه نیست.</translation>
    </message>
    <message>
        <source>Collecting on %1:%2 for %3; data in %4; the desktop's key is in %5</source>
        <translation>در حال گردآوری روی %1:%2 برای %3؛ داده‌ها در %4 است و کلید برنامهٔ رومیزی در %5</translation>
    </message>
    <message>
        <source>Stopped after %1 requests (%2 refused).</source>
        <translation>پس از %1 درخواست متوقف شد (%2 درخواست رد شد).</translation>
    </message>
    <message>
        <source>pull tracking from a collector on a public host</source>
        <translation>داده‌های ردیابی را از گردآورنده‌ای روی یک میزبان عمومی دریافت می‌کند</translation>
    </message>
    <message>
        <source>The collector's API key (the file api-key in its data folder).</source>
        <translation>کلید API گردآورنده (پروندهٔ api-key در پوشهٔ داده‌های آن).</translation>
    </message>
    <message>
        <source>collector connect takes the collector's address.</source>
        <translation>collector connect نشانی گردآورنده را می‌گیرد.</translation>
    </message>
    <message>
        <source>Give the collector's key with --key.</source>
        <translation>کلید گردآورنده را با --key بدهید.</translation>
    </message>
    <message>
        <source>Connected to %1. Tracking links in new messages point at it; the worker pulls from it every cycle.</source>
        <translation>به %1 وصل شد. پیوندهای ردیابی در پیام‌های تازه به آن اشاره می‌کنند و worker در هر دور داده‌ها را از آن دریافت می‌کند.</translation>
    </message>
    <message>
        <source>stop pulling from the collector</source>
        <translation>دریافت از گردآورنده را متوقف می‌کند</translation>
    </message>
    <message>
        <source>Disconnected. New messages are not tracked until a collector is set.</source>
        <translation>اتصال قطع شد. تا گردآورنده‌ای تعیین نشود، پیام‌های تازه ردیابی نمی‌شوند.</translation>
    </message>
    <message>
        <source>the collector, the last pull, and what the collector holds</source>
        <translation>گردآورنده، آخرین دریافت و داده‌های موجود در گردآورنده را نشان می‌دهد</translation>
    </message>
    <message>
        <source>No collector is set. Connect one with masir-cli collector connect URL --key KEY.</source>
        <translation>هیچ گردآورنده‌ای تعیین نشده است. با masir-cli collector connect URL --key KEY یکی را وصل کنید.</translation>
    </message>
    <message>
        <source>Collector: %1</source>
        <translation>گردآورنده: %1</translation>
    </message>
    <message>
        <source>Last pull: %1, %2</source>
        <translation>آخرین دریافت: %1، %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <source>%1 hits</source>
        <translation>%1 بازدید</translation>
    </message>
    <message>
        <source>Reachable; it holds %1 hits, the newest %2; pulled up to %3</source>
        <translation>در دسترس است؛ %1 بازدید در آن هست، تازه‌ترین %2؛ تا %3 دریافت شده است</translation>
    </message>
    <message>
        <source>pull new hits now and apply them (scores included), as the worker does</source>
        <translation>بازدیدهای تازه را همین حالا دریافت و اعمال می‌کند (همراه با امتیازها)، همان‌گونه که worker انجام می‌دهد</translation>
    </message>
    <message>
        <source>%1 hits pulled; %2 applied: %3 opens, %4 clicks, %5 by machines, %6 unsubscribes, %7 preference changes; %8 events scored</source>
        <translation>%1 بازدید دریافت شد؛ %2 اعمال شد: %3 بازشدن، %4 کلیک، %5 ماشینی، %6 لغو اشتراک، %7 تغییر تنظیمات اشتراک؛ %8 رویداد امتیاز گرفت</translation>
    </message>
    <message>
        <source>the open pixel and tracked links of a sent message</source>
        <translation>پیکسل بازشدن و پیوندهای ردیابی‌شدهٔ یک پیام فرستاده‌شده را نشان می‌دهد</translation>
    </message>
    <message>
        <source>tracking links takes a message id (see masir-cli outbox).</source>
        <translation>tracking links شناسهٔ یک پیام را می‌گیرد (masir-cli outbox را ببینید).</translation>
    </message>
    <message>
        <source>This message is not tracked (not sent yet, not marketing, or tracking was off).</source>
        <translation>این پیام ردیابی نمی‌شود (هنوز فرستاده نشده، تبلیغاتی نیست یا ردیابی خاموش بوده است).</translation>
    </message>
    <message>
        <source>pixel</source>
        <translation>پیکسل</translation>
    </message>
    <message>
        <source>sign new tracking links with a new key (old links keep working for the grace period)</source>
        <translation>پیوندهای ردیابی تازه را با کلیدی تازه امضا می‌کند (پیوندهای قدیمی در دورهٔ مهلت همچنان کار می‌کنند)</translation>
    </message>
    <message>
        <source>New links are signed with key %1.</source>
        <translation>پیوندهای تازه با کلید %1 امضا می‌شوند.</translation>
    </message>
    <message>
        <source>record an event for a contact (scores, journeys and segments react in the worker's next cycle)</source>
        <translation>رویدادی را برای یک مخاطب ثبت می‌کند (امتیازها، سفرها و بخش‌ها در دور بعدی worker به آن واکنش نشان می‌دهند)</translation>
    </message>
    <message>
        <source>The contact's email address.</source>
        <translation>نشانی ایمیل مخاطب.</translation>
    </message>
    <message>
        <source>The event's type (purchase, form_submitted...).</source>
        <translation>نوع رویداد (purchase، form_submitted...).</translation>
    </message>
    <message>
        <source>When, in ISO 8601 (default: now).</source>
        <translation>زمان رویداد، به‌صورت ISO 8601 (پیش‌فرض: اکنون).</translation>
    </message>
    <message>
        <source>Its properties, a JSON object ({"amount": 120}).</source>
        <translation>ویژگی‌های رویداد، به‌صورت یک شیء JSON ({"amount": 120}).</translation>
    </message>
    <message>
        <source>event add takes only options.</source>
        <translation>event add فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>Give --contact and --type.</source>
        <translation>گزینه‌های --contact و --type را بدهید.</translation>
    </message>
    <message>
        <source>--at must be a time such as 2026-03-20T14:30:00Z.</source>
        <translation>مقدار --at باید زمانی مانند 2026-03-20T14:30:00Z باشد.</translation>
    </message>
    <message>
        <source>--props must be a JSON object, such as {"amount": 120}.</source>
        <translation>مقدار --props باید یک شیء JSON باشد، مانند {"amount": 120}.</translation>
    </message>
    <message>
        <source>Recorded %1 for contact %2.</source>
        <translation>%1 برای مخاطب %2 ثبت شد.</translation>
    </message>
    <message>
        <source>import events (orders, sign-ups) from a CSV file</source>
        <translation>رویدادها (سفارش‌ها، ثبت‌نام‌ها) را از یک پروندهٔ CSV درون‌بری می‌کند</translation>
    </message>
    <message>
        <source>The type of rows with no type column (e.g. purchase).</source>
        <translation>نوع ردیف‌هایی که ستون type ندارند (مثلاً purchase).</translation>
    </message>
    <message>
        <source>event import takes one CSV file.</source>
        <translation>event import یک پروندهٔ CSV می‌گیرد.</translation>
    </message>
    <message>
        <source>%1 rows: %2 imported, %3 imported before, %4 rejected</source>
        <translation>%1 ردیف: %2 درون‌بری‌شده، %3 از پیش درون‌بری‌شده، %4 رد شد</translation>
    </message>
    <message>
        <source>row %1 (line %2): rejected: %3%4</source>
        <translation>ردیف %1 (خط %2): رد شد: %3%4</translation>
    </message>
    <message>
        <source>It lost %1 hits: its store could not keep up with the requests.</source>
        <translation>%1 بازدید از دست رفت: پایگاه داده‌اش نتوانست پا به پای درخواست‌ها پیش برود.</translation>
    </message>
    <message>
        <source>%1 "%2" to %3 at %4: %5</source>
        <translation>%1 «%2» به %3 در %4: %5</translation>
    </message>
    <message>
        <source>create a campaign and schedule it (it starts at its time in the worker)</source>
        <translation>ساخت کارزار و زمان‌بندی آن (در زمان خودش در پردازشگر پس‌زمینه آغاز می‌شود)</translation>
    </message>
    <message>
        <source>The campaign's name.</source>
        <translation>نام کارزار.</translation>
    </message>
    <message>
        <source>Segments and lists to send to, by name.</source>
        <translation>بخش‌ها و فهرست‌هایی که به آن‌ها ارسال می‌شود، با نام.</translation>
    </message>
    <message>
        <source>Segments and lists to leave out.</source>
        <translation>بخش‌ها و فهرست‌هایی که کنار گذاشته می‌شوند.</translation>
    </message>
    <message>
        <source>The template to send.</source>
        <translation>قالبی که ارسال می‌شود.</translation>
    </message>
    <message>
        <source>Send at this time (ISO 8601, your zone unless given).</source>
        <translation>ارسال در این زمان (ISO 8601، به وقت شما مگر آنکه منطقه داده شود).</translation>
    </message>
    <message>
        <source>Send at this time of day in each contact's time zone.</source>
        <translation>ارسال در این ساعت از روز به وقت هر مخاطب.</translation>
    </message>
    <message>
        <source>The day for --local-time (default: today).</source>
        <translation>روز برای --local-time (پیش‌فرض: امروز).</translation>
    </message>
    <message>
        <source>An A/B test, as JSON.</source>
        <translation>یک آزمون A/B، به شکل JSON.</translation>
    </message>
    <message>
        <source>Send from this account only (default: the channel's accounts in turn).</source>
        <translation>ارسال فقط از این حساب (پیش‌فرض: حساب‌های کانال به نوبت).</translation>
    </message>
    <message>
        <source>Save it as a draft; do not schedule it.</source>
        <translation>به شکل پیش‌نویس ذخیره شود؛ زمان‌بندی نشود.</translation>
    </message>
    <message>
        <source>campaign create needs --name, --audience and --template.</source>
        <translation>campaign create به --name، --audience و --template نیاز دارد.</translation>
    </message>
    <message>
        <source>Give --at or --local-time, not both.</source>
        <translation>--at یا --local-time را بدهید، نه هر دو را.</translation>
    </message>
    <message>
        <source>--at: "%1" is not a date and time such as 2026-12-10T09:30.</source>
        <translation>--at: «%1» تاریخ و ساعتی مانند 2026-12-10T09:30 نیست.</translation>
    </message>
    <message>
        <source>--on: "%1" is not a date such as 2026-12-10.</source>
        <translation>--on: «%1» تاریخی مانند 2026-12-10 نیست.</translation>
    </message>
    <message>
        <source>%1 is not a JSON object: %2</source>
        <translation>%1 یک شیء JSON نیست: %2</translation>
    </message>
    <message>
        <source>Audience: %L1; can be sent to: %L2 (%L3 without an address, %L4 unsubscribed, bounced or without consent, %L5 suppressed; %L6 wait for the daily cap)</source>
        <translation>مخاطبان: %L1؛ قابل ارسال: %L2 (%L3 بدون نشانی، %L4 لغو اشتراک، برگشتی یا بدون رضایت، %L5 مسدود؛ %L6 منتظر سقف روزانه)</translation>
    </message>
    <message>
        <source>Campaign "%1" is scheduled; the worker sends it (masir-cli worker run, or the app).</source>
        <translation>کارزار «%1» زمان‌بندی شد؛ پردازشگر پس‌زمینه آن را می‌فرستد (masir-cli worker run یا خود برنامه).</translation>
    </message>
    <message>
        <source>Campaign "%1" is saved as a draft.</source>
        <translation>کارزار «%1» به شکل پیش‌نویس ذخیره شد.</translation>
    </message>
    <message>
        <source>list campaigns</source>
        <translation>فهرست کارزارها</translation>
    </message>
    <message>
        <source>%1 needs %2.</source>
        <translation>%1 به %2 نیاز دارد.</translation>
    </message>
    <message>
        <source>There is no campaign named "%1".</source>
        <translation>کارزاری به نام «%1» نیست.</translation>
    </message>
    <message>
        <source>show a campaign, its progress and its audience's counts</source>
        <translation>نمایش یک کارزار، پیشرفت آن و شمار مخاطبانش</translation>
    </message>
    <message>
        <source>Cannot read the outbox.</source>
        <translation>صندوق ارسال خوانده نشد.</translation>
    </message>
    <message>
        <source>pause a sending campaign: its queued messages wait</source>
        <translation>توقف کارزار در حال ارسال: پیام‌های در صفش منتظر می‌مانند</translation>
    </message>
    <message>
        <source>resume a paused campaign</source>
        <translation>ادامهٔ کارزار متوقف</translation>
    </message>
    <message>
        <source>cancel a campaign: what was not sent is cancelled</source>
        <translation>لغو کارزار: آنچه ارسال نشده لغو می‌شود</translation>
    </message>
    <message>
        <source>copy a campaign as a new draft</source>
        <translation>رونوشت کارزار به شکل پیش‌نویس تازه</translation>
    </message>
    <message>
        <source>delete a campaign that is not sending</source>
        <translation>حذف کارزاری که در حال ارسال نیست</translation>
    </message>
    <message>
        <source>check a draft and schedule it</source>
        <translation>بررسی پیش‌نویس و زمان‌بندی آن</translation>
    </message>
    <message>
        <source>choose the A/B test's winner (A, B, C or D) for the rest</source>
        <translation>انتخاب برندهٔ آزمون A/B (A، B، C یا D) برای بقیه</translation>
    </message>
    <message>
        <source>send the campaign's message (each variant) to test addresses</source>
        <translation>ارسال پیام کارزار (هر نسخه) به نشانی‌های آزمایشی</translation>
    </message>
    <message>
        <source>Where to send the tests.</source>
        <translation>نشانی ارسال آزمایشی.</translation>
    </message>
    <message>
        <source>campaign test needs --to.</source>
        <translation>campaign test به --to نیاز دارد.</translation>
    </message>
    <message>
        <source>There is no %1 account to send from.</source>
        <translation>هیچ حساب %1 برای ارسال نیست.</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>ارسال شد</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>ناموفق: %1</translation>
    </message>
    <message>
        <source>what a campaign did: sends, opens, clicks, conversions, by variant</source>
        <translation>کارنامهٔ کارزار: ارسال‌ها، بازشدن‌ها، کلیک‌ها و تبدیل‌ها، به تفکیک نسخه</translation>
    </message>
    <message>
        <source>run journeys and campaigns and send in the foreground (--once: one cycle)</source>
        <translation>اجرای سفرها و کارزارها و ارسال در پیش‌زمینه (--once: یک دور)</translation>
    </message>
    <message>
        <source>Campaign recipients written to the outbox per transaction.</source>
        <translation>شمار گیرندگان کارزار که در هر تراکنش در صندوق ارسال نوشته می‌شوند.</translation>
    </message>
    <message>
        <source>campaigns: %1 started, %2 messages queued, %3 tests decided, %4 done</source>
        <translation>کارزارها: %1 آغاز شد، %2 پیام در صف، %3 آزمون به نتیجه رسید، %4 پایان یافت</translation>
    </message>
    <message>
        <source>classify returned mail: hard or soft bounce, complaint, auto-reply, unsubscribe or none</source>
        <translation>دسته‌بندی نامه‌های برگشتی: برگشت دائمی یا موقت، شکایت، پاسخ خودکار، لغو اشتراک یا هیچ‌کدام</translation>
    </message>
    <message>
        <source>bounces parse needs one or more files.</source>
        <translation>bounces parse به یک یا چند پرونده نیاز دارد.</translation>
    </message>
    <message>
        <source>Also add the sample segments, list, journeys and campaign, as the app's demo does.</source>
        <translation>بخش‌ها، فهرست، سفرها و کارزار نمونه را هم، مانند نسخهٔ نمایشی برنامه، اضافه کن.</translation>
    </message>
    <message>
        <source>Send at each contact's best hour in the next 24 hours (from --at if given).</source>
        <translation>ارسال در بهترین ساعت هر مخاطب در ۲۴ ساعت آینده (از --at اگر داده شود).</translation>
    </message>
    <message>
        <source>%L1 sent, %L2 delivered, %L3 failed, %L4 bounced; %L5 opened (%L6 opens, %L7 by machines), %L8 clicked; %L9 unsubscribed, %L10 complained; %L11 conversions, revenue %L12</source>
        <translation>%L1 ارسال، %L2 تحویل، %L3 ناموفق، %L4 برگشتی؛ %L5 باز کردند (%L6 بازشدن، %L7 از سوی ماشین‌ها)، %L8 کلیک کردند؛ %L9 لغو اشتراک، %L10 شکایت؛ %L11 تبدیل، درآمد %L12</translation>
    </message>
    <message>
        <source>read an account's bounces, complaints and unsubscribe requests from its mailbox (password: MASIR_IMAP_PASSWORD)</source>
        <translation>خواندن برگشتی‌ها، شکایت‌ها و درخواست‌های لغو اشتراک یک حساب از صندوق نامه‌اش (گذرواژه: MASIR_IMAP_PASSWORD)</translation>
    </message>
    <message>
        <source>The mailbox: imaps://host[:port]/INBOX.</source>
        <translation>صندوق نامه: imaps://host[:port]/INBOX.</translation>
    </message>
    <message>
        <source>The mailbox's user name.</source>
        <translation>نام کاربری صندوق نامه.</translation>
    </message>
    <message>
        <source>A certificate or CA file to trust.</source>
        <translation>گواهی یا پروندهٔ CA مورد اعتماد.</translation>
    </message>
    <message>
        <source>Save without trying to log in.</source>
        <translation>ذخیره بدون آزمودن ورود.</translation>
    </message>
    <message>
        <source>Stop reading the account's mailbox.</source>
        <translation>دیگر صندوق نامهٔ حساب خوانده نشود.</translation>
    </message>
    <message>
        <source>channel mailbox needs the account's name.</source>
        <translation>channel mailbox به نام حساب نیاز دارد.</translation>
    </message>
    <message>
        <source>channel mailbox needs --url and --user, or --remove.</source>
        <translation>channel mailbox به ‎--url و ‎--user، یا ‎--remove نیاز دارد.</translation>
    </message>
    <message>
        <source>"%1" is an SMS gateway; only email accounts have a mailbox.</source>
        <translation>«%1» درگاه پیامک است؛ فقط حساب‌های ایمیل صندوق نامه دارند.</translation>
    </message>
    <message>
        <source>Masir no longer reads the mailbox of "%1".</source>
        <translation>مسیر دیگر صندوق نامهٔ «%1» را نمی‌خواند.</translation>
    </message>
    <message>
        <source>Set MASIR_IMAP_PASSWORD to the mailbox's password; Masir keeps it in %1, never in the workspace.</source>
        <translation>MASIR_IMAP_PASSWORD را برابر گذرواژهٔ صندوق نامه بگذارید؛ مسیر آن را در %1 نگه می‌دارد، هرگز در فضای کار.</translation>
    </message>
    <message>
        <source>Cannot read the mailbox: %1 (add --no-check to save it anyway).</source>
        <translation>صندوق نامه خوانده نمی‌شود: %1 (برای ذخیره به هر حال ‎--no-check را بیفزایید).</translation>
    </message>
    <message>
        <source>Cannot store the password in %1: %2</source>
        <translation>گذرواژه در %1 ذخیره نمی‌شود: %2</translation>
    </message>
    <message numerus="yes">
        <source>Masir reads the mailbox of "%1" every %n minute(s) while it runs (masir-cli bounces check reads it now).</source>
        <translation>
            <numerusform>مسیر تا وقتی در حال اجراست هر %Ln دقیقه صندوق نامهٔ «%1» را می‌خواند (masir-cli bounces check همین حالا می‌خواند).</numerusform>
        </translation>
    </message>
    <message>
        <source>read the sending accounts' mailboxes now and act on what came back</source>
        <translation>خواندن همین حالای صندوق‌های نامهٔ حساب‌های ارسال و رسیدگی به آنچه برگشته</translation>
    </message>
    <message>
        <source>No account has a mailbox to read; add one with masir-cli channel mailbox.</source>
        <translation>هیچ حسابی صندوق نامه‌ای برای خواندن ندارد؛ با masir-cli channel mailbox یکی بیفزایید.</translation>
    </message>
    <message>
        <source>list the returned mail read from the mailboxes (--kept: what a person has to look at)</source>
        <translation>فهرست نامه‌های برگشتی خوانده‌شده از صندوق‌ها (‎--kept: آنچه یک نفر باید ببیند)</translation>
    </message>
    <message>
        <source>Only the messages kept aside.</source>
        <translation>فقط پیام‌های کنار گذاشته‌شده.</translation>
    </message>
    <message>
        <source>How many, newest first.</source>
        <translation>چند تا، تازه‌ترین اول.</translation>
    </message>
    <message>
        <source>kept aside</source>
        <translation>کنار گذاشته شد</translation>
    </message>
    <message>
        <source>print a message kept aside, as it came (save it as .eml)</source>
        <translation>چاپ پیام کنار گذاشته‌شده همان‌طور که رسید (آن را ‎.eml ذخیره کنید)</translation>
    </message>
    <message>
        <source>bounces show needs the message's id.</source>
        <translation>bounces show به شناسهٔ پیام نیاز دارد.</translation>
    </message>
    <message>
        <source>Message %1 was not kept aside (or does not exist): only those are kept whole.</source>
        <translation>پیام %1 کنار گذاشته نشده (یا وجود ندارد): فقط آن‌ها کامل نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>Cannot write the message: %1</source>
        <translation>پیام نوشته نمی‌شود: %1</translation>
    </message>
    <message numerus="yes">
        <source>The mailbox answers: %n message(s) in it.</source>
        <translation>
            <numerusform>صندوق نامه پاسخ می‌دهد: %Ln پیام در آن است.</numerusform>
        </translation>
    </message>
    <message>
        <source>new contacts, leads, sending, opens, clicks and revenue for a period, with the period before it</source>
        <translation>مخاطبان تازه، سرنخ‌ها، ارسال، بازشدن‌ها، کلیک‌ها و درآمد یک دوره، کنار دورهٔ پیش از آن</translation>
    </message>
    <message>
        <source>The first day (YYYY-MM-DD), in this computer's time zone.</source>
        <translation>روز نخست (YYYY-MM-DD)، در منطقهٔ زمانی این رایانه.</translation>
    </message>
    <message>
        <source>The last day (YYYY-MM-DD), included.</source>
        <translation>روز آخر (YYYY-MM-DD)، خودش هم حساب است.</translation>
    </message>
    <message>
        <source>The last N days up to today (default 30).</source>
        <translation>N روز گذشته تا امروز (پیش‌فرض ۳۰).</translation>
    </message>
    <message>
        <source>Start the CSV with a byte order mark (for Excel).</source>
        <translation>آغاز CSV با نشانهٔ ترتیب بایت (برای Excel).</translation>
    </message>
    <message>
        <source>Give both --from and --to, or neither.</source>
        <translation>هر دو ‎--from و ‎--to را بدهید، یا هیچ‌کدام.</translation>
    </message>
    <message>
        <source>--%1 needs a date such as 2026-12-01.</source>
        <translation>‎--%1 به تاریخی مانند 2026-12-01 نیاز دارد.</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 نوشته شد.</translation>
    </message>
    <message>
        <source>%1 takes only options.</source>
        <translation>%1 فقط گزینه می‌پذیرد.</translation>
    </message>
    <message>
        <source>Write the report's tables to a CSV file.</source>
        <translation>جدول‌های گزارش را در یک پرونده‌ی CSV بنویس.</translation>
    </message>
    <message>
        <source>Write the report with its charts to a PDF file, in the language of --lang.</source>
        <translation>گزارش را با نمودارهایش در یک پرونده‌ی PDF بنویس، به زبان ‎--lang‎.</translation>
    </message>
    <message>
        <source>Cannot write %1: this masir-cli was built without the GUI, which draws the charts. Use --csv or --json.</source>
        <translation>نمی‌توان %1 را نوشت: این masir-cli بدون رابط گرافیکی ساخته شده که نمودارها را می‌کشد. از ‎--csv‎ یا ‎--json‎ استفاده کنید.</translation>
    </message>
    <message>
        <source>the lifecycle funnel: contacts at each stage, the conversion and the median time from the stage before</source>
        <translation>قیف چرخه‌ی عمر: مخاطبان هر مرحله، نرخ تبدیل و میانه‌ی زمان از مرحله‌ی پیشین</translation>
    </message>
    <message>
        <source>Follow the contacts who came in the period to today, instead of the stages reached in the period.</source>
        <translation>مخاطبانی را که در این دوره آمدند تا امروز دنبال کن، به جای مرحله‌هایی که در این دوره رسیده‌اند.</translation>
    </message>
    <message>
        <source>recount the reports' tallies from the events (after events were written around Masir); deleted contacts' history leaves them</source>
        <translation>شمارش‌های گزارش‌ها را از رویدادها دوباره بشمار (پس از رویدادهایی که بیرون از مسیر نوشته شده‌اند)؛ پیشینه‌ی مخاطبان حذف‌شده از آن‌ها بیرون می‌رود</translation>
    </message>
    <message>
        <source>report recount takes no words.</source>
        <translation>report recount واژه‌ای نمی‌پذیرد.</translation>
    </message>
    <message numerus="yes">
        <source>Recounted the reports' tallies: %n row(s).</source>
        <translation>
            <numerusform>شمارش‌های گزارش‌ها دوباره شمرده شد: %Ln ردیف.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose one of --json, --csv and --pdf.</source>
        <translation>یکی از ‎--json‎، ‎--csv‎ و ‎--pdf‎ را برگزینید.</translation>
    </message>
    <message>
        <source>Cannot write %1: the charts could not be drawn here.</source>
        <translation>نمی‌توان %1 را نوشت: نمودارها این‌جا کشیده نشدند.</translation>
    </message>
    <message>
        <source>the customers as of now in recency, frequency and value quintiles, and in the usual groups (champions, at risk, lost...)</source>
        <translation>مشتریان تا این لحظه در پنجک‌های تازگی، دفعات و ارزش خرید، و در گروه‌های معمول (قهرمانان، در خطر، از دست رفته...)</translation>
    </message>
    <message>
        <source>Save the customers of group G (champions, loyal, potential, new, promising, attention, sleeping, cant_lose, at_risk, hibernating, lost) as a segment named NAME that follows today's thresholds.</source>
        <translation>مشتریان گروه G (champions، loyal، potential، new، promising، attention، sleeping، cant_lose، at_risk، hibernating، lost) را در بخشی به نام NAME ذخیره کن که آستانه‌های امروز را دنبال می‌کند.</translation>
    </message>
    <message>
        <source>--save needs a group and a name, such as champions="Our champions".</source>
        <translation>‎--save‎ یک گروه و یک نام می‌خواهد، مانند champions="قهرمانان ما".</translation>
    </message>
    <message numerus="yes">
        <source>Saved the segment "%1": %n customer(s) today.</source>
        <translation>
            <numerusform>بخش «%1» ذخیره شد: امروز %Ln مشتری.</numerusform>
        </translation>
    </message>
    <message>
        <source>a campaign's delivery, opens and clicks (people and machines apart), rates, purchases, variants, hours after sending and click map</source>
        <translation>تحویل، بازکردن‌ها و کلیک‌های یک کارزار (آدم‌ها و ماشین‌ها جدا)، نرخ‌ها، خریدها، گونه‌ها، ساعت‌های پس از ارسال و نقشه‌ی کلیک</translation>
    </message>
    <message>
        <source>Give purchases to the campaign whose message came first in the attribution window (default: the workspace's choice).</source>
        <translation>خریدها را به کارزاری بده که پیامش در بازه‌ی نسبت‌دادن نخست رسید (پیش‌فرض: انتخاب فضای کار).</translation>
    </message>
    <message>
        <source>Give purchases to the campaign whose message came last.</source>
        <translation>خریدها را به کارزاری بده که پیامش آخر رسید.</translation>
    </message>
    <message>
        <source>%1 takes a name (in quotes if it has spaces).</source>
        <translation>%1 یک نام می‌گیرد (اگر فاصله دارد، در نقل‌قول).</translation>
    </message>
    <message>
        <source>a journey's contacts at and through each step, its goal, the median time to it and its revenue</source>
        <translation>مخاطبان هر گام یک سفر و گذشتگان از آن، هدفش، میانه‌ی زمان رسیدن به آن و درآمدش</translation>
    </message>
    <message>
        <source>There is no journey named "%1".</source>
        <translation>سفری با نام «%1» نیست.</translation>
    </message>
    <message>
        <source>revenue per channel, campaign and journey with the return on the cost of sending (settings cost-per-email, cost-per-sms), the cost of a new customer per source, lifetime value per segment</source>
        <translation>درآمد هر کانال، کارزار و سفر با بازده هزینه‌ی ارسال (تنظیمات cost-per-email و cost-per-sms)، هزینه‌ی هر مشتری تازه به تفکیک منبع، ارزش طول عمر هر بخش</translation>
    </message>
    <message>
        <source>attribution-model is last or first.</source>
        <translation>attribution-model یا last است یا first.</translation>
    </message>
    <message>
        <source>A cost is a number of 0 or more, such as 0.002.</source>
        <translation>هزینه عددی ۰ یا بیشتر است، مانند 0.002.</translation>
    </message>
    <message>
        <source>There is no contact with the email address %1.</source>
        <translation>مخاطبی با نشانی ایمیل %1 نیست.</translation>
    </message>
    <message>
        <source>list open tasks, the earliest due first</source>
        <translation>فهرست کارهای باز، زودترین سررسید اول</translation>
    </message>
    <message>
        <source>List the tasks that are done.</source>
        <translation>فهرست کارهای انجام‌شده.</translation>
    </message>
    <message>
        <source>List open and done tasks.</source>
        <translation>فهرست کارهای باز و انجام‌شده.</translation>
    </message>
    <message>
        <source>Only this owner's tasks (and nobody's).</source>
        <translation>فقط کارهای این مسئول (و کارهای بی‌مسئول).</translation>
    </message>
    <message>
        <source>Only the tasks about this contact.</source>
        <translation>فقط کارهای مربوط به این مخاطب.</translation>
    </message>
    <message>
        <source>add a task</source>
        <translation>افزودن یک کار</translation>
    </message>
    <message>
        <source>The contact it is about.</source>
        <translation>مخاطبی که کار درباره‌ی اوست.</translation>
    </message>
    <message>
        <source>When it is due: 2026-12-24, 2026-12-24T15:30 or a Jalali date.</source>
        <translation>سررسید: 2026-12-24، 2026-12-24T15:30 یا یک تاریخ شمسی.</translation>
    </message>
    <message>
        <source>Whose task it is (default: you).</source>
        <translation>مسئول کار (پیش‌فرض: شما).</translation>
    </message>
    <message>
        <source>low, normal (the default) or high.</source>
        <translation>low (کم)، normal (عادی، پیش‌فرض) یا high (زیاد).</translation>
    </message>
    <message>
        <source>task add needs the task's title (in quotes).</source>
        <translation>task add عنوان کار را (در گیومه) لازم دارد.</translation>
    </message>
    <message>
        <source>--priority is low, normal or high, not "%1".</source>
        <translation>‏--priority یکی از low، normal یا high است، نه «%1».</translation>
    </message>
    <message>
        <source>--due "%1" is not a date such as 2026-12-24 or 2026-12-24T15:30.</source>
        <translation>‏--due «%1» تاریخی مانند 2026-12-24 یا 2026-12-24T15:30 نیست.</translation>
    </message>
    <message>
        <source>mark a task done (or open again with --undo)</source>
        <translation>انجام‌شده کردن یک کار (یا باز کردن دوباره با ‎--undo)</translation>
    </message>
    <message>
        <source>Open the task again.</source>
        <translation>کار را دوباره باز کن.</translation>
    </message>
    <message>
        <source>task done needs the task's number (task list).</source>
        <translation>task done شماره‌ی کار را لازم دارد (task list).</translation>
    </message>
    <message>
        <source>There is no task %1.</source>
        <translation>کار %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>There is no pipeline named "%1".</source>
        <translation>قیفی با نام «%1» نیست.</translation>
    </message>
    <message>
        <source>The pipeline (default: the first).</source>
        <translation>قیف فروش (پیش‌فرض: اولی).</translation>
    </message>
    <message>
        <source>list a pipeline's deals, or its weighted forecast per month</source>
        <translation>فهرست معامله‌های یک قیف، یا پیش‌بینی وزن‌دار ماهانه‌ی آن</translation>
    </message>
    <message>
        <source>Only deals not yet won or lost.</source>
        <translation>فقط معامله‌هایی که هنوز برده یا باخته نشده‌اند.</translation>
    </message>
    <message>
        <source>The open deals' amounts per expected month, weighted by their stage's probability.</source>
        <translation>مبلغ معامله‌های باز در هر ماه پیش‌بینی‌شده، وزن‌دار با احتمال مرحله‌شان.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>بی‌تاریخ</translation>
    </message>
    <message>
        <source>open a deal</source>
        <translation>باز کردن یک معامله</translation>
    </message>
    <message>
        <source>The contact the deal is with.</source>
        <translation>مخاطب طرف معامله.</translation>
    </message>
    <message>
        <source>What it is worth.</source>
        <translation>ارزش معامله.</translation>
    </message>
    <message>
        <source>Its currency (default: the business's).</source>
        <translation>واحد پول (پیش‌فرض: واحد پول کسب‌وکار).</translation>
    </message>
    <message>
        <source>Its stage, by key or name (default: the first).</source>
        <translation>مرحله، با کلید یا نام (پیش‌فرض: اولی).</translation>
    </message>
    <message>
        <source>When it is expected to close.</source>
        <translation>زمانی که انتظار می‌رود بسته شود.</translation>
    </message>
    <message>
        <source>Whose deal it is (default: you).</source>
        <translation>مسئول معامله (پیش‌فرض: شما).</translation>
    </message>
    <message>
        <source>deal add needs the deal's title and --contact EMAIL.</source>
        <translation>deal add عنوان معامله و ‎--contact EMAIL را لازم دارد.</translation>
    </message>
    <message>
        <source>--amount "%1" is not a number.</source>
        <translation>‏--amount «%1» عدد نیست.</translation>
    </message>
    <message>
        <source>--close "%1" is not a date such as 2026-12-24.</source>
        <translation>‏--close «%1» تاریخی مانند 2026-12-24 نیست.</translation>
    </message>
    <message>
        <source>The pipeline "%1" has no stage "%2".</source>
        <translation>قیف «%1» مرحله‌ی «%2» ندارد.</translation>
    </message>
    <message>
        <source>move a deal to another stage of its pipeline (won: revenue)</source>
        <translation>بردن یک معامله به مرحله‌ی دیگری از قیفش (برده‌شده: درآمد)</translation>
    </message>
    <message>
        <source>deal move needs the deal's number and the stage.</source>
        <translation>deal move شماره‌ی معامله و مرحله را لازم دارد.</translation>
    </message>
    <message>
        <source>There is no deal %1.</source>
        <translation>معامله‌ی %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>The deal's pipeline has no stage "%1"; its stages are: %2.</source>
        <translation>قیف این معامله مرحله‌ی «%1» ندارد؛ مرحله‌هایش: %2.</translation>
    </message>
    <message>
        <source>export everything kept about one person (GDPR Art. 15 and 20)</source>
        <translation>خروجی همه‌ی آنچه از یک نفر نگه داشته شده (GDPR، مواد ۱۵ و ۲۰)</translation>
    </message>
    <message>
        <source>contact export needs the person's email address, and the file to write (else JSON is printed).</source>
        <translation>contact export نشانی ایمیل آن شخص و پرونده‌ی خروجی را لازم دارد (وگرنه JSON چاپ می‌شود).</translation>
    </message>
    <message>
        <source>erase one person everywhere, for good (GDPR Art. 17)</source>
        <translation>پاک کردن همیشگی یک نفر از همه‌جا (GDPR، ماده‌ی ۱۷)</translation>
    </message>
    <message>
        <source>Yes, erase them: this cannot be undone.</source>
        <translation>بله، پاک شود: این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <source>contact erase needs the person's email address.</source>
        <translation>contact erase نشانی ایمیل آن شخص را لازم دارد.</translation>
    </message>
    <message>
        <source>Erasing cannot be undone: add --yes to erase %1.</source>
        <translation>پاک کردن برگشت‌پذیر نیست: برای پاک کردن %1 گزینه‌ی ‎--yes را بیفزایید.</translation>
    </message>
    <message numerus="yes">
        <source>Erased %1: %n event(s), %2 message(s), %3 open(s) and click(s), %4 returned mail(s) and %5 import row(s). Only a hash of the address is kept, so that nothing is sent to it again.</source>
        <translation>
            <numerusform>%1 پاک شد: %Ln رویداد، %2 پیام، %3 بازکردن و کلیک، %4 نامه‌ی برگشتی و %5 ردیف ورود. فقط درهم‌سازی (هش) نشانی نگه داشته شد تا دیگر چیزی به آن فرستاده نشود.</numerusform>
        </translation>
    </message>
    <message>
        <source>list the exports and erasures of people's data</source>
        <translation>فهرست خروجی‌ها و پاک‌سازی‌های داده‌های اشخاص</translation>
    </message>
    <message>
        <source>Masir syncs with hubspot and pipedrive, not "%1".</source>
        <translation>مسیر با hubspot و pipedrive همگام می‌شود، نه «%1».</translation>
    </message>
    <message>
        <source>connect a CRM: the token is checked and kept in the keychain</source>
        <translation>اتصال به یک CRM: توکن بررسی و در جاکلیدی سیستم نگه داشته می‌شود</translation>
    </message>
    <message>
        <source>HubSpot: a private app's access token; Pipedrive: your API token.</source>
        <translation>HubSpot: توکن دسترسی یک اپ خصوصی؛ Pipedrive: توکن API شما.</translation>
    </message>
    <message>
        <source>The CRM's API address (default: the vendor's).</source>
        <translation>نشانی API سامانه‌ی CRM (پیش‌فرض: نشانی سازنده).</translation>
    </message>
    <message>
        <source>Sync in the background every HOURS hours (0: only on demand).</source>
        <translation>همگام‌سازی در پس‌زمینه هر HOURS ساعت (۰: فقط به درخواست).</translation>
    </message>
    <message>
        <source>crm connect needs the CRM: hubspot or pipedrive.</source>
        <translation>crm connect نام CRM را لازم دارد: hubspot یا pipedrive.</translation>
    </message>
    <message>
        <source>crm connect needs --token.</source>
        <translation>crm connect گزینه‌ی ‎--token را لازم دارد.</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>به %1 وصل شد.</translation>
    </message>
    <message>
        <source>sync contacts and deals from a CRM (what changed since the last sync)</source>
        <translation>همگام‌سازی مخاطبان و معامله‌ها از یک CRM (آنچه از همگام‌سازی قبلی تغییر کرده)</translation>
    </message>
    <message>
        <source>Read everything again, not only what changed.</source>
        <translation>همه‌چیز را دوباره بخوان، نه فقط تغییرها را.</translation>
    </message>
    <message>
        <source>crm sync needs the CRM: hubspot or pipedrive.</source>
        <translation>crm sync نام CRM را لازم دارد: hubspot یا pipedrive.</translation>
    </message>
    <message>
        <source>%1 people read, %2 new, %3 updated, %4 rejected (import %5); deals: %6 new, %7 updated, %8 moved; %9 s</source>
        <translation>%1 نفر خوانده شد، %2 تازه، %3 به‌روز، %4 ردشده (ورود %5)؛ معامله‌ها: %6 تازه، %7 به‌روز، %8 جابه‌جا؛ %9 ثانیه</translation>
    </message>
    <message>
        <source>Write Masir's values to the CRM's contacts: any of score, stage, unsubscribed, comma separated.</source>
        <translation>نوشتن مقادیر مسیر در مخاطبان CRM: هر کدام از score، stage و unsubscribed، جداشده با ویرگول.</translation>
    </message>
    <message>
        <source>The CRM property (Pipedrive: the custom field's key) a field goes to, as field=property; may be repeated.</source>
        <translation>ویژگی CRM که هر فیلد در آن نوشته می‌شود (Pipedrive: کلید فیلد سفارشی)، به شکل field=property؛ تکرارشدنی.</translation>
    </message>
    <message>
        <source>--property takes field=property, not "%1".</source>
        <translation>‏--property به شکل field=property است، نه «%1».</translation>
    </message>
    <message>
        <source>They agreed to hear from you on these channels: email, sms or email,sms (rows with a consent column of their own keep theirs).</source>
        <translation>پذیرفته‌اند که از این راه‌ها از شما پیام بگیرند: email، sms یا email,sms (ردیف‌هایی که ستون رضایت خودشان را دارند همان را نگه می‌دارند).</translation>
    </message>
    <message>
        <source>How and when they agreed (kept as the proof); needed with --consent.</source>
        <translation>چگونه و کی پذیرفته‌اند (به‌عنوان مدرک نگه داشته می‌شود)؛ همراه --consent لازم است.</translation>
    </message>
    <message>
        <source>--consent is email, sms or email,sms.</source>
        <translation>مقدار --consent یکی از email، sms یا email,sms است.</translation>
    </message>
    <message>
        <source>Say with --consent-proof how and when they agreed: it is kept as the proof of their consent.</source>
        <translation>با --consent-proof بگویید چگونه و کی پذیرفته‌اند: این به‌عنوان مدرک رضایتشان نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>print the workspace's tables, columns, keys and indexes as the database has them (compare a server's with a file's)</source>
        <translation>جدول‌ها، ستون‌ها، کلیدها و نمایه‌های فضای کاری را همان‌گونه که پایگاه‌داده دارد چاپ کن (برای مقایسهٔ کارساز با پرونده)</translation>
    </message>
    <message>
        <source>workspace schema takes no arguments.</source>
        <translation>‏workspace schema آرگومانی نمی‌گیرد.</translation>
    </message>
    <message>
        <source>Cannot read the workspace's schema: %1</source>
        <translation>طرح‌وارهٔ فضای کاری خوانده نشد: %1</translation>
    </message>
    <message>
        <source>schema version %1</source>
        <translation>نسخهٔ طرح‌واره %1</translation>
    </message>
    <message>
        <source>copy a workspace file into a new workspace on a PostgreSQL server (postgresql://user@server/database; password: PGPASSWORD)</source>
        <translation>یک پروندهٔ فضای کاری را در فضای کاری تازه‌ای روی کارساز PostgreSQL رونوشت کن (‎postgresql://user@server/database‎؛ گذرواژه: PGPASSWORD)</translation>
    </message>
    <message>
        <source>workspace push needs the file and the server's postgresql:// address.</source>
        <translation>‏workspace push به پرونده و نشانی ‎postgresql://‎ کارساز نیاز دارد.</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 سطر</translation>
    </message>
    <message>
        <source>Nothing was copied: %1</source>
        <translation>چیزی رونوشت نشد: %1</translation>
    </message>
    <message>
        <source>Copied %1 to %2.</source>
        <translation>%1 در %2 رونوشت شد.</translation>
    </message>
    <message>
        <source>show the workspace's workers (desktops and masir-cli worker run): which one sends, which stand by, when each was last heard from</source>
        <translation>کارگزاران فضای کاری (رایانه‌ها و masir-cli worker run) را نشان بده: کدام می‌فرستد، کدام آماده‌به‌کار است و از هر کدام آخرین بار کی خبر رسید</translation>
    </message>
    <message>
        <source>Cannot read the workers: %1</source>
        <translation>کارگزاران خوانده نشدند: %1</translation>
    </message>
    <message>
        <source>pid %1</source>
        <translation>فرایند %1</translation>
    </message>
    <message>
        <source>heard %1 s ago</source>
        <translation>%1 ثانیه پیش خبر داد</translation>
    </message>
    <message>
        <source>No worker runs on this workspace. Start one with masir-cli worker run.</source>
        <translation>هیچ کارگزاری روی این فضای کاری اجرا نمی‌شود. یکی را با masir-cli worker run آغاز کنید.</translation>
    </message>
    <message>
        <source>sender-lease-seconds is a whole number of seconds, 10 or more.</source>
        <translation>sender-lease-seconds عددی درست از ثانیه‌هاست، ۱۰ یا بیشتر.</translation>
    </message>
    <message>
        <source>This cycle failed; the next one tries again: %1</source>
        <translation>این دور ناموفق بود؛ دور بعدی دوباره تلاش می‌کند: %1</translation>
    </message>
    <message>
        <source>silent past the lease: stopped, or gone without a word</source>
        <translation>خاموش‌تر از مهلت: متوقف شده، یا بی‌خبر رفته است</translation>
    </message>
    <message>
        <source>run the public tracking collector (pixel, clicks, unsubscribe and preference pages, and the desktop's pull API); with --workspace, it writes straight into that workspace</source>
        <translation>اجرای گردآورندهٔ عمومی ردیابی (پیکسل، کلیک‌ها، صفحه‌های لغو اشتراک و ترجیحات، و رابط برداشت برای رومیزی)؛ با --workspace مستقیم در همان فضای کاری می‌نویسد</translation>
    </message>
    <message>
        <source>This workspace pulls its tracking from the collector at %1. Disconnect it first (masir-cli collector disconnect), or run this collector without --workspace.</source>
        <translation>این فضای کاری ردیابی‌اش را از گردآورندهٔ %1 برمی‌دارد. نخست آن را جدا کنید (masir-cli collector disconnect)، یا این گردآورنده را بدون --workspace اجرا کنید.</translation>
    </message>
    <message>
        <source>Cannot keep the collector's address in the workspace.</source>
        <translation>نشانی گردآورنده در فضای کاری نگه داشته نشد.</translation>
    </message>
    <message>
        <source>Collecting on %1:%2 for %3, straight into the workspace %4</source>
        <translation>گردآوری روی %1:%2 برای %3، مستقیم در فضای کاری %4</translation>
    </message>
    <message>
        <source>--data is for a collector with a store of its own; with --workspace it writes into the workspace.</source>
        <translation>--data برای گردآورنده‌ای با انبار خودش است؛ با --workspace در همان فضای کاری می‌نویسد.</translation>
    </message>
</context>
<context>
    <name>masir::CollectorClient</name>
    <message>
        <source>Enter the collector's address, such as https://t.example.com.</source>
        <translation>نشانی گردآورنده را وارد کنید، مانند https://t.example.com.</translation>
    </message>
    <message>
        <source>"%1" is not a web address; enter one such as https://t.example.com.</source>
        <translation>«%1» نشانی وب نیست؛ نشانی‌ای مانند https://t.example.com وارد کنید.</translation>
    </message>
    <message>
        <source>The collector's address must start with https:// (plain http only on this computer), so that its key and your subscribers' clicks are not sent in the clear.</source>
        <translation>نشانی گردآورنده باید با https:// آغاز شود (http ساده فقط روی همین رایانه پذیرفته است)، تا کلید آن و کلیک‌های مشترکانتان بدون رمزگذاری فرستاده نشوند.</translation>
    </message>
    <message>
        <source>Cannot start a network request.</source>
        <translation>آغاز درخواست شبکه ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot reach the collector at %1: %2</source>
        <translation>دسترسی به گردآورنده در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>The collector at %1 refused the key. Copy the key again from its data folder (the file api-key) and reconnect.</source>
        <translation>گردآورندهٔ %1 کلید را نپذیرفت. کلید را دوباره از پوشهٔ داده‌های آن (پروندهٔ api-key) کپی کنید و دوباره وصل شوید.</translation>
    </message>
    <message>
        <source>The collector at %1 answered %2: %3</source>
        <translation>گردآورندهٔ %1 پاسخ %2 داد: %3</translation>
    </message>
    <message>
        <source>The collector at %1 sent something that is not its answer (%2). Is the address that of a Masir collector?</source>
        <translation>آنچه گردآورندهٔ %1 فرستاد پاسخ مورد انتظار نیست (%2). آیا این نشانی متعلق به یک گردآورندهٔ مسیر است؟</translation>
    </message>
</context>
<context>
    <name>masir::CollectorStore</name>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>ساختن پوشهٔ %1 ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Cannot open the collector's store: %1</source>
        <translation>باز کردن انبارهٔ دادهٔ گردآورنده ممکن نیست: %1</translation>
    </message>
</context>
<context>
    <name>masir::CollectorSync</name>
    <message>
        <source>The collector's key is not in %1. Connect to the collector again with its key.</source>
        <translation>کلید گردآورنده در %1 نیست. دوباره با کلید آن به گردآورنده وصل شوید.</translation>
    </message>
    <message>
        <source>Enter the collector's key (the file api-key in its data folder).</source>
        <translation>کلید گردآورنده را وارد کنید (پروندهٔ api-key در پوشهٔ داده‌های آن).</translation>
    </message>
    <message>
        <source>Cannot save the collector's address in the workspace.</source>
        <translation>ذخیرهٔ نشانی گردآورنده در فضای کاری ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot save the change in the workspace.</source>
        <translation>ذخیرهٔ تغییر در فضای کاری ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot save the collector's state in the workspace.</source>
        <translation>ذخیرهٔ وضعیت گردآورنده در فضای کاری ممکن نیست.</translation>
    </message>
    <message>
        <source>The collector at %1 sent hits out of order; nothing was kept. Is another workspace pulling from it?</source>
        <translation>گردآورندهٔ %1 بازدیدها را بی‌ترتیب فرستاد؛ هیچ‌کدام نگه داشته نشد. آیا فضای کاری دیگری از آن دریافت می‌کند؟</translation>
    </message>
    <message>
        <source>Cannot save where the pull stopped in the workspace.</source>
        <translation>ذخیرهٔ نقطهٔ توقف دریافت در فضای کاری ممکن نیست.</translation>
    </message>
    <message>
        <source>Cannot read the subscribers' choices to tell the collector.</source>
        <translation>انتخاب‌های مشترکان برای فرستادن به گردآورنده خوانده نشد.</translation>
    </message>
    <message>
        <source>The pull stopped: the hits kept could not be applied.</source>
        <translation>دریافت متوقف شد: بازدیدهای نگه‌داشته‌شده اعمال نشدند.</translation>
    </message>
</context>
<context>
    <name>masir::ContactExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Reading contacts failed: %1</source>
        <translation>خواندن مخاطبان ناموفق بود: %1</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>برون‌بری لغو شد؛ هیچ پرونده‌ای نوشته نشد.</translation>
    </message>
    <message>
        <source>There is no static list called "%1".</source>
        <translation>فهرست ثابتی به نام «%1» وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>masir::ContactListModel</name>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
</context>
<context>
    <name>masir::ContactRepository</name>
    <message>
        <source>A contact needs at least a name, an email address or a phone number.</source>
        <translation>هر مخاطب دست‌کم به یک نام، نشانی ایمیل یا شمارهٔ تلفن نیاز دارد.</translation>
    </message>
    <message>
        <source>Use the two-letter country code, such as IR, PL or MY.</source>
        <translation>کد دوحرفی کشور را بنویسید، مانند IR، PL یا MY.</translation>
    </message>
    <message>
        <source>The birthday must be a date in the past.</source>
        <translation>تاریخ تولد باید در گذشته باشد.</translation>
    </message>
    <message>
        <source>Unknown stage "%1".</source>
        <translation>مرحلهٔ ناشناختهٔ «%1».</translation>
    </message>
    <message>
        <source>There is no custom field "%1".</source>
        <translation>فیلد سفارشی «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>The contact could not be saved: %1</source>
        <translation>مخاطب ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Another contact already has the email address %1.</source>
        <translation>مخاطب دیگری از قبل نشانی ایمیل %1 را دارد.</translation>
    </message>
    <message>
        <source>The contact no longer exists; it may have been deleted.</source>
        <translation>این مخاطب دیگر وجود ندارد؛ شاید حذف شده باشد.</translation>
    </message>
    <message>
        <source>The contacts could not be deleted: %1</source>
        <translation>مخاطبان حذف نشدند: %1</translation>
    </message>
    <message>
        <source>The contacts could not be restored: %1</source>
        <translation>مخاطبان بازگردانده نشدند: %1</translation>
    </message>
    <message>
        <source>A contact cannot be merged with itself.</source>
        <translation>یک مخاطب را نمی‌توان با خودش ادغام کرد.</translation>
    </message>
    <message>
        <source>One of the contacts no longer exists.</source>
        <translation>یکی از مخاطبان دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>There is no field "%1" to set.</source>
        <translation>فیلدی به نام «%1» برای تنظیم وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>masir::ContactTags</name>
    <message>
        <source>A tag needs a name.</source>
        <translation>برچسب نام می‌خواهد.</translation>
    </message>
    <message>
        <source>The tag "%1" could not be saved.</source>
        <translation>برچسب «%1» ذخیره نشد.</translation>
    </message>
</context>
<context>
    <name>masir::ContactTimeline</name>
    <message>
        <source>Contact created</source>
        <translation>مخاطب ایجاد شد</translation>
    </message>
    <message>
        <source>Contact created (%1)</source>
        <translation>مخاطب ایجاد شد (%1)</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>درون‌بری‌شده از %1</translation>
    </message>
    <message>
        <source>Contact edited</source>
        <translation>مخاطب ویرایش شد</translation>
    </message>
    <message>
        <source>Contact edited: %1</source>
        <translation>مخاطب ویرایش شد: %1</translation>
    </message>
    <message>
        <source>Merged with %1</source>
        <translation>با %1 ادغام شد</translation>
    </message>
    <message>
        <source>Tag added: %1</source>
        <translation>برچسب افزوده شد: %1</translation>
    </message>
    <message>
        <source>Tag removed: %1</source>
        <translation>برچسب برداشته شد: %1</translation>
    </message>
    <message>
        <source>%1 consent: %2</source>
        <translation>رضایت %1: %2</translation>
    </message>
    <message>
        <source>Stage changed to %1</source>
        <translation>مرحله به %1 تغییر کرد</translation>
    </message>
    <message>
        <source>Score %1 → %2</source>
        <translation>امتیاز %1 ← %2</translation>
    </message>
    <message>
        <source>Email sent: %1</source>
        <translation>ایمیل فرستاده شد: %1</translation>
    </message>
    <message>
        <source>Opened email: %1</source>
        <translation>ایمیل را باز کرد: %1</translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation>پیامک فرستاده شد</translation>
    </message>
    <message>
        <source>Submitted form: %1</source>
        <translation>فرم را فرستاد: %1</translation>
    </message>
    <message>
        <source>Viewed page: %1</source>
        <translation>صفحه را دید: %1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>یادداشت: %1</translation>
    </message>
    <message>
        <source>Task: %1</source>
        <translation>کار: %1</translation>
    </message>
    <message>
        <source>a link checker</source>
        <translation>یک بررسی‌کنندهٔ پیوند</translation>
    </message>
    <message>
        <source>no browser named</source>
        <translation>بدون نام مرورگر</translation>
    </message>
    <message>
        <source>a mail security scanner</source>
        <translation>یک پویشگر امنیتی ایمیل</translation>
    </message>
    <message>
        <source>Apple Mail Privacy Protection</source>
        <translation>Apple Mail Privacy Protection</translation>
    </message>
    <message>
        <source>within seconds of delivery</source>
        <translation>چند ثانیه پس از تحویل</translation>
    </message>
    <message>
        <source>every link at once</source>
        <translation>همهٔ پیوندها با هم</translation>
    </message>
    <message>
        <source>Opened email (through an image proxy): %1</source>
        <translation>ایمیل را باز کرد (از راه پراکسی تصویر): %1</translation>
    </message>
    <message>
        <source>Clicked %1 in: %2</source>
        <translation>روی %1 کلیک کرد، در: %2</translation>
    </message>
    <message>
        <source>Clicked %1 in an SMS</source>
        <translation>در یک پیامک روی %1 کلیک کرد</translation>
    </message>
    <message>
        <source>Email fetched by a machine, not counted as an open (%1): %2</source>
        <translation>ایمیل را یک ماشین دریافت کرد و بازشدن شمرده نشد (%1): %2</translation>
    </message>
    <message>
        <source>Link followed by a machine, not counted as a click (%1): %2</source>
        <translation>پیوند را یک ماشین دنبال کرد و کلیک شمرده نشد (%1): %2</translation>
    </message>
    <message>
        <source>Email bounced: %1</source>
        <translation>ایمیل برگشت خورد: %1</translation>
    </message>
    <message>
        <source>Unsubscribed (%1)</source>
        <translation>اشتراک خود را لغو کرد (%1)</translation>
    </message>
    <message>
        <source>Changed their preferences: email %1, SMS %2, lists: %3</source>
        <translation>تنظیمات اشتراک خود را تغییر داد: ایمیل %1، پیامک %2، فهرست‌ها: %3</translation>
    </message>
    <message>
        <source>on</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>off</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Email refused for now: %1</source>
        <translation>ایمیل فعلاً پذیرفته نشد: %1</translation>
    </message>
    <message>
        <source>Marked an email as spam</source>
        <translation>ایمیلی را هرزنامه علامت زد</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Visits and forms</source>
        <translation>بازدیدها و فرم‌ها</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>خریدها</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>تغییرها</translation>
    </message>
    <message>
        <source>Task done: %1</source>
        <translation>کار انجام شد: %1</translation>
    </message>
    <message>
        <source>Note by %1: %2</source>
        <translation>یادداشت %1: %2</translation>
    </message>
    <message>
        <source>Deal opened: %1 (%2)</source>
        <translation>معامله باز شد: %1 (%2)</translation>
    </message>
    <message>
        <source>Deal %1 moved from %2 to %3</source>
        <translation>معامله‌ی %1 از %2 به %3 رفت</translation>
    </message>
    <message>
        <source>Deal deleted: %1</source>
        <translation>معامله حذف شد: %1</translation>
    </message>
    <message>
        <source>Revenue of deal %1 taken back: %2</source>
        <translation>درآمد معامله‌ی %1 پس گرفته شد: %2</translation>
    </message>
    <message>
        <source>Deal won: %1, %2</source>
        <translation>معامله برده شد: %1، %2</translation>
    </message>
    <message>
        <source>Refund: %1</source>
        <translation>بازپرداخت: %1</translation>
    </message>
    <message>
        <source>Purchase: %1</source>
        <translation>خرید: %1</translation>
    </message>
</context>
<context>
    <name>masir::ContactVocabulary</name>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>لغو اشتراک</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>برگشتی</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>شکایت کرده</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>پرسیده نشده</translation>
    </message>
    <message>
        <source>Opted in</source>
        <translation>موافقت کرده</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>انصراف داده</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>Subscriber</source>
        <translation>مشترک</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>سرنخ</translation>
    </message>
    <message>
        <source>Marketing qualified</source>
        <translation>واجد شرایط بازاریابی</translation>
    </message>
    <message>
        <source>Sales qualified</source>
        <translation>واجد شرایط فروش</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>فرصت فروش</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>زن</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>مرد</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>مشخص نشده</translation>
    </message>
    <message>
        <source>website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <source>Instagram</source>
        <translation>اینستاگرام</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>فیس‌بوک</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>تلگرام</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>واتس‌اپ</translation>
    </message>
    <message>
        <source>LinkedIn</source>
        <translation>لینکدین</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>گوگل</translation>
    </message>
    <message>
        <source>referral</source>
        <translation>معرفی</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>فروشگاه</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>کارگاه</translation>
    </message>
    <message>
        <source>event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>added by hand</source>
        <translation>افزوده به دست کاربر</translation>
    </message>
    <message>
        <source>import</source>
        <translation>درون‌بری</translation>
    </message>
    <message>
        <source>form</source>
        <translation>فرم</translation>
    </message>
    <message>
        <source>API</source>
        <translation>رابط برنامه‌نویسی (API)</translation>
    </message>
</context>
<context>
    <name>masir::CrmConnections</name>
    <message>
        <source>Masir syncs with HubSpot (hubspot) and Pipedrive (pipedrive), not "%1".</source>
        <translation>مسیر با HubSpot ‏(hubspot) و Pipedrive ‏(pipedrive) همگام می‌شود، نه «%1».</translation>
    </message>
    <message>
        <source>Give the %1 token.</source>
        <translation>توکن %1 را وارد کنید.</translation>
    </message>
    <message>
        <source>Cannot save the connection in the workspace.</source>
        <translation>ذخیره‌ی اتصال در فضای کار ممکن نشد.</translation>
    </message>
    <message>
        <source>There is no %1 token: connect first with masir-cli crm connect %2 --token TOKEN (%3), or in Settings → CRM.</source>
        <translation>توکن %1 نیست: اول با masir-cli crm connect %2 --token TOKEN ‏(%3) یا در تنظیمات ← CRM وصل شوید.</translation>
    </message>
    <message>
        <source>a private app's access token</source>
        <translation>توکن دسترسی یک اپ خصوصی</translation>
    </message>
    <message>
        <source>the API token in your Pipedrive personal preferences</source>
        <translation>توکن API در تنظیمات شخصی Pipedrive شما</translation>
    </message>
    <message>
        <source>Masir writes score, stage and unsubscribed back to a CRM, not "%1".</source>
        <translation>مسیر فقط score، stage و unsubscribed را در CRM می‌نویسد، نه «%1».</translation>
    </message>
    <message>
        <source>%1 needs the key of the custom field that takes %2: --property %2=KEY.</source>
        <translation>%1 کلید فیلد سفارشی‌ای را که %2 در آن نوشته شود لازم دارد: ‎--property %2=KEY.</translation>
    </message>
</context>
<context>
    <name>masir::CrmConnector</name>
    <message>
        <source>%1 refused the token (HTTP %2): check it in Settings → CRM or with masir-cli crm connect %3 --token.</source>
        <translation>%1 توکن را نپذیرفت (HTTP %2): آن را در تنظیمات ← CRM یا با masir-cli crm connect %3 --token بررسی کنید.</translation>
    </message>
    <message>
        <source>%1 answered something that is not JSON: %2</source>
        <translation>پاسخ %1 ‏JSON نبود: %2</translation>
    </message>
</context>
<context>
    <name>masir::CrmHttp</name>
    <message>
        <source>"%1" is not a web address.</source>
        <translation>«%1» نشانی وب نیست.</translation>
    </message>
    <message>
        <source>The CRM's address must start with https://.</source>
        <translation>نشانی CRM باید با https://‎ شروع شود.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>متوقف شد.</translation>
    </message>
    <message>
        <source>The CRM kept answering "too many requests"; try again later.</source>
        <translation>CRM پیوسته پاسخ «درخواست‌های بیش از حد» داد؛ بعداً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Cannot start an HTTP connection.</source>
        <translation>آغاز اتصال HTTP ممکن نشد.</translation>
    </message>
    <message>
        <source>The CRM did not answer: %1</source>
        <translation>CRM پاسخ نداد: %1</translation>
    </message>
    <message>
        <source>The CRM answered %1: %2</source>
        <translation>پاسخ CRM ‏%1 بود: %2</translation>
    </message>
</context>
<context>
    <name>masir::CrmSync</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>%1 ID</source>
        <translation>شناسه‌ی %1</translation>
    </message>
    <message>
        <source>Deal %1 (%2): its stage %3 is not one of %4's.</source>
        <translation>معامله‌ی %1 ‏(%2): مرحله‌ی %3 از مرحله‌های %4 نیست.</translation>
    </message>
    <message>
        <source>%1 deal %2</source>
        <translation>معامله‌ی %2 از %1</translation>
    </message>
    <message>
        <source>Deal %1 (%2): %3</source>
        <translation>معامله‌ی %1 ‏(%2): %3</translation>
    </message>
    <message>
        <source>A sync with %1 is running already.</source>
        <translation>همگام‌سازی با %1 از پیش در جریان است.</translation>
    </message>
    <message>
        <source>Masir's values could not be written to %1: %2</source>
        <translation>مقادیر مسیر در %1 نوشته نشد: %2</translation>
    </message>
</context>
<context>
    <name>masir::CsvReader</name>
    <message>
        <source>A quote opened on line %1 is never closed.</source>
        <translation>گیومه‌ای که در خط %1 باز شده هرگز بسته نمی‌شود.</translation>
    </message>
    <message>
        <source>The rest of the file (from line %1) could not be read.</source>
        <translation>باقی پرونده (از خط %1) خوانده نشد.</translation>
    </message>
    <message>
        <source>Field %1 is longer than %2 characters.</source>
        <translation>فیلد %1 بلندتر از %2 نویسه است.</translation>
    </message>
</context>
<context>
    <name>masir::CustomFieldRepository</name>
    <message>
        <source>"%1" is not a number.</source>
        <translation>«%1» عدد نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a date (use YYYY-MM-DD).</source>
        <translation>«%1» تاریخ نیست (به شکل YYYY-MM-DD بنویسید).</translation>
    </message>
    <message>
        <source>"%1" is not yes or no.</source>
        <translation>«%1» بله یا خیر نیست.</translation>
    </message>
    <message>
        <source>"%1" is not one of: %2.</source>
        <translation>«%1» یکی از این‌ها نیست: %2.</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Yes/no</source>
        <translation>بله/خیر</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>گزینه‌ای</translation>
    </message>
    <message>
        <source>A field key starts with a letter and has only lower-case letters, digits and _ (for example vip_level).</source>
        <translation>کلید فیلد با یک حرف آغاز می‌شود و فقط حروف کوچک لاتین، رقم و _ دارد (مثلاً vip_level).</translation>
    </message>
    <message>
        <source>Give the field a label.</source>
        <translation>برای فیلد یک برچسب بنویسید.</translation>
    </message>
    <message>
        <source>A choice field needs at least one choice.</source>
        <translation>فیلد گزینه‌ای دست‌کم به یک گزینه نیاز دارد.</translation>
    </message>
    <message>
        <source>A field with the key %1 already exists.</source>
        <translation>فیلدی با کلید %1 از قبل وجود دارد.</translation>
    </message>
</context>
<context>
    <name>masir::DashboardReport</name>
    <message>
        <source>Others</source>
        <translation>دیگران</translation>
    </message>
</context>
<context>
    <name>masir::Database</name>
    <message>
        <source>The folder %1 does not exist. Create it first, or choose another location for the workspace.</source>
        <translation>پوشهٔ %1 وجود ندارد. نخست آن را بسازید یا جای دیگری برای فضای کاری برگزینید.</translation>
    </message>
    <message>
        <source>%1 is not a folder. Choose another location for the workspace.</source>
        <translation>%1 پوشه نیست. جای دیگری برای فضای کاری برگزینید.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a workspace file. Give the path of a file.</source>
        <translation>%1 یک پوشه است، نه پروندهٔ فضای کاری. مسیر یک پرونده را بدهید.</translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation>در %1 فضای کاری‌ای نیست.</translation>
    </message>
    <message>
        <source>The folder %1 is read-only, so Masir cannot save the workspace there. Choose a folder you can write to.</source>
        <translation>پوشهٔ %1 فقط‌خواندنی است، پس مسیر نمی‌تواند فضای کاری را آنجا ذخیره کند. پوشه‌ای برگزینید که بتوانید در آن بنویسید.</translation>
    </message>
    <message>
        <source>The workspace file %1 is read-only. Make it writable, or open a copy.</source>
        <translation>پروندهٔ فضای کاری %1 فقط‌خواندنی است. آن را نوشتنی کنید یا یک رونوشت از آن را باز کنید.</translation>
    </message>
    <message>
        <source>Masir cannot read %1: %2.</source>
        <translation>مسیر نمی‌تواند %1 را بخواند: %2.</translation>
    </message>
    <message>
        <source>%1 is not a Masir workspace: it is not an SQLite database. Choose another file; this one was left untouched.</source>
        <translation>%1 فضای کاری مسیر نیست: پایگاه‌دادهٔ SQLite نیست. پروندهٔ دیگری برگزینید؛ به این پرونده دست زده نشد.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database made by another program, not a Masir workspace. Choose another file; this one was left untouched.</source>
        <translation>%1 پایگاه‌دادهٔ SQLite برنامهٔ دیگری است، نه فضای کاری مسیر. پروندهٔ دیگری برگزینید؛ به این پرونده دست زده نشد.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Masir (schema %2; this version understands up to %3). Update Masir to open it; the file was left untouched.</source>
        <translation>%1 با نسخهٔ تازه‌تری از مسیر ذخیره شده است (طرح‌وارهٔ %2؛ این نسخه تا %3 را می‌فهمد). برای باز کردن آن مسیر را به‌روز کنید؛ به پرونده دست زده نشد.</translation>
    </message>
    <message>
        <source>%1 needs to be upgraded before it can be read. Open it once with write access.</source>
        <translation>%1 پیش از خوانده شدن باید ارتقا یابد. آن را یک بار با دسترسی نوشتن باز کنید.</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a Masir workspace (%2). Restore it from a backup; the file was left untouched.</source>
        <translation>%1 آسیب دیده یا فضای کاری مسیر نیست (%2). آن را از نسخهٔ پشتیبان بازگردانید؛ به پرونده دست زده نشد.</translation>
    </message>
    <message>
        <source>The Qt SQLite driver is not installed (on Debian and Ubuntu: the libqt6sql6-sqlite package).</source>
        <translation>راه‌انداز SQLite کیوت نصب نیست (در دبیان و اوبونتو: بستهٔ libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Masir cannot open %1: %2.</source>
        <translation>مسیر نمی‌تواند %1 را باز کند: %2.</translation>
    </message>
    <message>
        <source>Masir could not upgrade %1: %2. The file was left as it was.</source>
        <translation>مسیر نتوانست %1 را ارتقا دهد: %2. پرونده همان‌گونه که بود ماند.</translation>
    </message>
    <message>
        <source>Masir cannot use Qt's SQLite driver: it was built with its own copy of SQLite. Install a Qt built with the system SQLite (as Debian, Ubuntu, Fedora and Homebrew ship it).</source>
        <translation>مسیر نمی‌تواند از درایور SQLite کیوت استفاده کند: این درایور با نسخهٔ جداگانه‌ای از SQLite ساخته شده است. کیوتی را نصب کنید که با SQLite سیستم ساخته شده باشد (همان‌طور که دبیان، اوبونتو، فدورا و Homebrew آن را ارائه می‌کنند).</translation>
    </message>
    <message>
        <source>Another window or the worker kept reading the workspace; close them and try again.</source>
        <translation>پنجره‌ای دیگر یا کارگر پس‌زمینه همچنان فضای کار را می‌خواند؛ آن‌ها را ببندید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The Qt PostgreSQL driver is not installed (on Debian and Ubuntu: the libqt6sql6-psql package).</source>
        <translation>راه‌انداز PostgreSQL کیوت نصب نیست (در دبیان و اوبونتو: بستهٔ libqt6sql6-psql).</translation>
    </message>
</context>
<context>
    <name>masir::Deals</name>
    <message>
        <source>A deal needs a title.</source>
        <translation>معامله عنوان لازم دارد.</translation>
    </message>
    <message>
        <source>A deal's amount cannot be negative.</source>
        <translation>مبلغ معامله نمی‌تواند منفی باشد.</translation>
    </message>
    <message>
        <source>The pipeline no longer exists.</source>
        <translation>این قیف دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>The stage is not one of the pipeline "%1".</source>
        <translation>این مرحله از مرحله‌های قیف «%1» نیست.</translation>
    </message>
    <message>
        <source>The deal no longer exists.</source>
        <translation>این معامله دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>That stage is not one of the deal's pipeline.</source>
        <translation>آن مرحله از قیف این معامله نیست.</translation>
    </message>
    <message numerus="yes">
        <source>Follow up: %1 (no activity for %n day(s))</source>
        <translation>
            <numerusform>پیگیری: %1 (%Ln روز بدون فعالیت)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::DemoWorkspace</name>
    <message>
        <source>Could not write the demo contacts: %1</source>
        <translation>نوشتن مخاطبان نمونه ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Could not write the demo timeline: %1</source>
        <translation>نوشتن خط زمانی نمونه ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation>مشتریان وفادار</translation>
    </message>
    <message>
        <source>In Tehran</source>
        <translation>در تهران</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>سرنخ‌های داغ</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>تماس دوباره</translation>
    </message>
    <message>
        <source>Golestan Bakery</source>
        <translation>نانوایی گلستان</translation>
    </message>
    <message>
        <source>12 Vali-e Asr Street, Tehran, Iran</source>
        <translation>ایران، تهران، خیابان ولیعصر، پلاک ۱۲</translation>
    </message>
    <message>
        <source>Could not save the demo's settings.</source>
        <translation>تنظیمات نمونه ذخیره نشد.</translation>
    </message>
    <message>
        <source>Fresh sangak this weekend, {{first_name|default:"friend"}}</source>
        <translation>سنگک تازه برای این آخر هفته، {{first_name|default:"دوست عزیز"}}</translation>
    </message>
    <message>
        <source># This weekend at Golestan

Sangak and barbari from the oven every morning, and 10 % off a box of pastries.

[Order now](https://shop.example/weekend)</source>
        <translation># این آخر هفته در گلستان

هر صبح سنگک و بربری داغ از تنور، و ۱۰٪ تخفیف برای یک جعبه شیرینی.

[همین حالا سفارش دهید](https://shop.example/weekend)</translation>
    </message>
    <message>
        <source>Weekend offer</source>
        <translation>پیشنهاد آخر هفته</translation>
    </message>
    <message>
        <source>10 % off pastries, this weekend only</source>
        <translation>۱۰٪ تخفیف شیرینی، فقط این آخر هفته</translation>
    </message>
    <message>
        <source>Wedding cake for 200 guests</source>
        <translation>کیک عروسی برای ۲۰۰ مهمان</translation>
    </message>
    <message>
        <source>Office breakfast every Monday</source>
        <translation>صبحانه‌ی اداره هر دوشنبه</translation>
    </message>
    <message>
        <source>Café pastries wholesale</source>
        <translation>شیرینی عمده برای کافه</translation>
    </message>
    <message>
        <source>Nowruz gift boxes (80)</source>
        <translation>جعبه‌های هدیه‌ی نوروزی (۸۰ عدد)</translation>
    </message>
    <message>
        <source>Hotel bread supply</source>
        <translation>تأمین نان هتل</translation>
    </message>
    <message>
        <source>School lunch trial</source>
        <translation>آزمایش ناهار مدرسه</translation>
    </message>
    <message>
        <source>Birthday catering</source>
        <translation>پذیرایی تولد</translation>
    </message>
    <message>
        <source>Call back about the wedding cake tasting</source>
        <translation>تماس دوباره درباره‌ی چشیدن کیک عروسی</translation>
    </message>
    <message>
        <source>Send the hotel the signed contract</source>
        <translation>فرستادن قرارداد امضاشده برای هتل</translation>
    </message>
    <message>
        <source>Ask the café for their weekly volumes</source>
        <translation>پرسیدن حجم هفتگی سفارش از کافه</translation>
    </message>
    <message>
        <source>Prefers a call after 17:00; allergic to nuts.</source>
        <translation>تماس بعد از ساعت ۱۷ را ترجیح می‌دهد؛ به مغزها حساسیت دارد.</translation>
    </message>
    <message>
        <source>Could not write the demo's notes.</source>
        <translation>نوشتن یادداشت‌های نمونه ممکن نشد.</translation>
    </message>
    <message>
        <source>Golestan mail</source>
        <translation>ایمیل گلستان</translation>
    </message>
    <message>
        <source>Golestan Bakery &lt;hello@bakery.example&gt;</source>
        <translation>نانوایی گلستان &lt;hello@bakery.example&gt;</translation>
    </message>
    <message>
        <source>Spring cakes</source>
        <translation>کیک‌های بهاری</translation>
    </message>
    <message>
        <source>Spring cakes are here</source>
        <translation>کیک‌های بهاری رسیدند</translation>
    </message>
    <message>
        <source># Spring at Golestan

Rhubarb, saffron and rose: three cakes for the season, baked every morning.

[See the cakes](https://shop.example/spring)

[Order for Sizdah Bedar](https://shop.example/order)</source>
        <translation># بهار در گلستان

ریواس، زعفران و گل‌سرخ: سه کیک برای این فصل، هر صبح تازه پخته می‌شوند.

[کیک‌ها را ببینید](https://shop.example/spring)

[برای سیزده‌بدر سفارش دهید](https://shop.example/order)</translation>
    </message>
    <message>
        <source>Three new cakes for spring (and one is saffron)</source>
        <translation>سه کیک تازه برای بهار (و یکی زعفرانی است)</translation>
    </message>
    <message>
        <source>Could not write the demo campaign: %1</source>
        <translation>نوشتن کارزار نمونه ممکن نشد: %1</translation>
    </message>
</context>
<context>
    <name>masir::EmailAddress</name>
    <message>
        <source>The email address is empty.</source>
        <translation>نشانی ایمیل خالی است.</translation>
    </message>
    <message>
        <source>The email address is longer than 254 characters.</source>
        <translation>نشانی ایمیل بیش از ۲۵۴ نویسه است.</translation>
    </message>
    <message>
        <source>The email address needs an @, as in name@example.com.</source>
        <translation>نشانی ایمیل به @ نیاز دارد، مانند name@example.com.</translation>
    </message>
    <message>
        <source>The email address has nothing before the @.</source>
        <translation>در نشانی ایمیل پیش از @ چیزی نیست.</translation>
    </message>
    <message>
        <source>The part before the @ is longer than 64 characters.</source>
        <translation>بخش پیش از @ بیش از ۶۴ نویسه است.</translation>
    </message>
    <message>
        <source>The part before the @ cannot start or end with a dot, or have two dots in a row.</source>
        <translation>بخش پیش از @ نمی‌تواند با نقطه آغاز یا تمام شود یا دو نقطهٔ پشت‌سرهم داشته باشد.</translation>
    </message>
    <message>
        <source>The character "%1" is not allowed in an email address.</source>
        <translation>نویسهٔ «%1» در نشانی ایمیل مجاز نیست.</translation>
    </message>
    <message>
        <source>The email address has no domain after the @.</source>
        <translation>نشانی ایمیل پس از @ دامنه ندارد.</translation>
    </message>
    <message>
        <source>"%1" is not a valid domain.</source>
        <translation>«%1» دامنهٔ معتبری نیست.</translation>
    </message>
    <message>
        <source>The domain "%1" needs a dot, as in example.com.</source>
        <translation>دامنهٔ «%1» به نقطه نیاز دارد، مانند example.com.</translation>
    </message>
</context>
<context>
    <name>masir::Encodings</name>
    <message>
        <source>UTF-8 (Unicode)</source>
        <translation>UTF-8 (یونی‌کد)</translation>
    </message>
    <message>
        <source>UTF-16 LE (Excel "Unicode text")</source>
        <translation>UTF-16 LE (گزینهٔ «Unicode text» اکسل)</translation>
    </message>
    <message>
        <source>UTF-16 BE</source>
        <translation>UTF-16 BE</translation>
    </message>
    <message>
        <source>Windows-1250 (Central European, Polish)</source>
        <translation>Windows-1250 (اروپای مرکزی، لهستانی)</translation>
    </message>
    <message>
        <source>Windows-1252 (Western European)</source>
        <translation>Windows-1252 (اروپای غربی)</translation>
    </message>
    <message>
        <source>Windows-1256 (Persian, Arabic)</source>
        <translation>Windows-1256 (فارسی، عربی)</translation>
    </message>
</context>
<context>
    <name>masir::Erasure</name>
    <message>
        <source>There is no such contact.</source>
        <translation>چنین مخاطبی وجود ندارد.</translation>
    </message>
    <message>
        <source>The person was erased, but older copies of their data stay in the workspace's log until Masir is closed: %1</source>
        <translation>این شخص پاک شد، اما نسخه‌های قدیمی‌تر داده‌هایش تا بسته شدن مسیر در گزارش فضای کار می‌ماند: %1</translation>
    </message>
</context>
<context>
    <name>masir::EventImport</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 باز نمی‌شود: %2</translation>
    </message>
    <message>
        <source>%1 has no header row.</source>
        <translation>%1 ردیف سرستون ندارد.</translation>
    </message>
    <message>
        <source>%1 has no email or contact_id column; the first row must name the columns (email, type, at, and any properties).</source>
        <translation>%1 ستون email یا contact_id ندارد؛ ردیف نخست باید نام ستون‌ها را داشته باشد (email، type، at و هر ویژگی دیگر).</translation>
    </message>
    <message>
        <source>%1 has no type column; give the type of its events with --type (for example --type purchase).</source>
        <translation>%1 ستون type ندارد؛ نوع رویدادهای آن را با --type بدهید (مثلاً --type purchase).</translation>
    </message>
    <message>
        <source>"%1" is not a contact id.</source>
        <translation>«%1» شناسهٔ مخاطب نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a time; write it as 2026-03-20T14:30:00Z, 2026-03-20 or 1405/01/01.</source>
        <translation>«%1» زمان نیست؛ آن را به شکل 2026-03-20T14:30:00Z، 2026-03-20 یا 1405/01/01 بنویسید.</translation>
    </message>
    <message>
        <source>Reading %1 stopped: %2</source>
        <translation>خواندن %1 متوقف شد: %2</translation>
    </message>
</context>
<context>
    <name>masir::EventIntake</name>
    <message>
        <source>The event has no type.</source>
        <translation>رویداد نوع ندارد.</translation>
    </message>
    <message>
        <source>"%1" is not an event type: use lower-case letters, digits and _, starting with a letter (at most 64).</source>
        <translation>«%1» نوع رویداد نیست: فقط حروف کوچک لاتین، رقم و _ به کار ببرید و با یک حرف آغاز کنید (حداکثر ۶۴ نویسه).</translation>
    </message>
    <message>
        <source>There is no contact %1.</source>
        <translation>مخاطب %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>The event names no contact: give an email address.</source>
        <translation>رویداد مخاطبی را مشخص نمی‌کند: یک نشانی ایمیل بدهید.</translation>
    </message>
    <message>
        <source>"%1" is not an email address: %2</source>
        <translation>«%1» نشانی ایمیل نیست: %2</translation>
    </message>
    <message>
        <source>No contact has the email address %1.</source>
        <translation>هیچ مخاطبی نشانی ایمیل %1 را ندارد.</translation>
    </message>
    <message>
        <source>The event has no time.</source>
        <translation>رویداد زمان ندارد.</translation>
    </message>
    <message>
        <source>The event's properties are larger than %1 KiB.</source>
        <translation>ویژگی‌های رویداد از %1 KiB بزرگ‌تر است.</translation>
    </message>
</context>
<context>
    <name>masir::HitApplier</name>
    <message>
        <source>Cannot save where the applied hits end.</source>
        <translation>ذخیرهٔ نقطهٔ پایان بازدیدهای اعمال‌شده ممکن نیست.</translation>
    </message>
</context>
<context>
    <name>masir::ImapMailbox</name>
    <message>
        <source>Enter the mailbox's address, such as imaps://imap.example.com/INBOX.</source>
        <translation>نشانی صندوق نامه را وارد کنید، مانند imaps://imap.example.com/INBOX.</translation>
    </message>
    <message>
        <source>"%1" is not a mailbox address; enter one such as imaps://imap.example.com/INBOX (or imap://… for STARTTLS).</source>
        <translation>«%1» نشانی صندوق نامه نیست؛ نشانی‌ای مانند imaps://imap.example.com/INBOX وارد کنید (یا imap://… برای STARTTLS).</translation>
    </message>
    <message>
        <source>Enter the user name of the mailbox.</source>
        <translation>نام کاربری صندوق نامه را وارد کنید.</translation>
    </message>
    <message>
        <source>Cannot start a network request.</source>
        <translation>آغاز درخواست شبکه ممکن نیست.</translation>
    </message>
    <message numerus="yes">
        <source>The message is larger than %n MB.</source>
        <translation>
            <numerusform>پیام بزرگ‌تر از %Ln مگابایت است.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>متوقف شد.</translation>
    </message>
    <message>
        <source>The mail server %1 refused the login for %2: %3</source>
        <translation>کارساز ایمیل %1 ورود %2 را نپذیرفت: %3</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted (%2). If you trust this server, choose its certificate or CA file for the mailbox.</source>
        <translation>گواهی %1 مورد اعتماد نیست (%2). اگر به این کارساز اعتماد دارید، گواهی یا پروندهٔ CA آن را برای صندوق نامه برگزینید.</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; use an imaps:// address (port 993).</source>
        <translation>%1 ‏STARTTLS ندارد؛ نشانی imaps://‎ (درگاه ۹۹۳) به کار ببرید.</translation>
    </message>
    <message>
        <source>"%1" is not a mailbox address libcurl can use: %2</source>
        <translation>«%1» نشانی صندوق نامه‌ای نیست که libcurl بتواند به کار ببرد: %2</translation>
    </message>
    <message>
        <source>The mail server %1 answered: %2</source>
        <translation>کارساز ایمیل %1 پاسخ داد: %2</translation>
    </message>
    <message>
        <source>Cannot reach the mail server %1: %2</source>
        <translation>به کارساز ایمیل %1 دسترسی نیست: %2</translation>
    </message>
    <message>
        <source>The mail server did not say the mailbox's UIDVALIDITY: %1</source>
        <translation>کارساز ایمیل UIDVALIDITY صندوق نامه را نگفت: %1</translation>
    </message>
</context>
<context>
    <name>masir::ImportHistory</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>line</source>
        <translation>خط</translation>
    </message>
    <message>
        <source>result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>original text</source>
        <translation>متن اصلی</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <source>imported with a warning</source>
        <translation>با هشدار درون‌بری شد</translation>
    </message>
    <message>
        <source>There is no import %1.</source>
        <translation>درون‌بری %1 وجود ندارد.</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>این درون‌بری پیش‌تر برگردانده شده است.</translation>
    </message>
    <message>
        <source>This import is still running; cancel it first.</source>
        <translation>این درون‌بری هنوز در حال اجراست؛ نخست آن را لغو کنید.</translation>
    </message>
    <message>
        <source>The import could not be undone: %1</source>
        <translation>درون‌بری برگردانده نشد: %1</translation>
    </message>
    <message>
        <source>Cannot record the import: %1</source>
        <translation>ثبت درون‌بری ممکن نیست: %1</translation>
    </message>
</context>
<context>
    <name>masir::ImportJob</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 باز نمی‌شود: %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>ستون %1</translation>
    </message>
    <message>
        <source>Cannot create the custom field %1: %2</source>
        <translation>ساختن فیلد سفارشی %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Column "%1" is mapped to the custom field "%2", which does not exist. Create it first, or map the column elsewhere.</source>
        <translation>ستون «%1» به فیلد سفارشی «%2» نگاشته شده که وجود ندارد. نخست آن را بسازید یا ستون را به جای دیگری بنگارید.</translation>
    </message>
    <message>
        <source>Column "%1" is mapped to "%2", which is not a contact field.</source>
        <translation>ستون «%1» به «%2» نگاشته شده که فیلد مخاطب نیست.</translation>
    </message>
    <message>
        <source>No column is mapped to an email address, a phone number or a name, so no contact can be made. Map at least one of them.</source>
        <translation>هیچ ستونی به نشانی ایمیل، شمارهٔ تلفن یا نام نگاشته نشده، پس هیچ مخاطبی ساخته نمی‌شود. دست‌کم یکی از آن‌ها را بنگارید.</translation>
    </message>
    <message>
        <source>import: %1</source>
        <translation>درون‌بری: %1</translation>
    </message>
    <message>
        <source>"%1" is a segment with rules, not a static list. Choose another name.</source>
        <translation>«%1» بخشی قاعده‌مند است، نه فهرست ثابت. نام دیگری برگزینید.</translation>
    </message>
    <message>
        <source>The row has %1 fields, the header %2; the extra fields were ignored.</source>
        <translation>این ردیف %1 فیلد دارد و سرستون %2؛ فیلدهای اضافه نادیده گرفته شدند.</translation>
    </message>
    <message>
        <source>"%1": %2</source>
        <translation>«%1»: %2</translation>
    </message>
    <message>
        <source>The row has no email address, phone number or name.</source>
        <translation>این ردیف نشانی ایمیل، شمارهٔ تلفن یا نام ندارد.</translation>
    </message>
    <message>
        <source>The row has no email address or name, and its phone number "%1" is not valid.</source>
        <translation>این ردیف نشانی ایمیل یا نام ندارد و شمارهٔ تلفن «%1» آن معتبر نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a country we know.</source>
        <translation>«%1» کشوری نیست که بشناسیم.</translation>
    </message>
    <message>
        <source>"%1" is not a date of birth we can read.</source>
        <translation>«%1» تاریخ تولدی نیست که بتوانیم بخوانیم.</translation>
    </message>
    <message>
        <source>"%1" is not a gender we know.</source>
        <translation>«%1» جنسیتی نیست که بشناسیم.</translation>
    </message>
    <message>
        <source>"%1" is not a stage.</source>
        <translation>«%1» مرحله نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a number.</source>
        <translation>«%1» عدد نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a contact status.</source>
        <translation>«%1» وضعیت مخاطب نیست.</translation>
    </message>
    <message>
        <source>"%1" is not yes or no.</source>
        <translation>«%1» بله یا خیر نیست.</translation>
    </message>
    <message>
        <source>Could not update the contact: %1</source>
        <translation>به‌روزرسانی مخاطب ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Could not save the contact: %1</source>
        <translation>ذخیرهٔ مخاطب ممکن نشد: %1</translation>
    </message>
    <message>
        <source>Cannot write to the workspace: %1</source>
        <translation>نوشتن در فضای کاری ممکن نیست: %1</translation>
    </message>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>خواندن %1 ناموفق بود: %2</translation>
    </message>
    <message>
        <source>Cannot make the list "%1": %2</source>
        <translation>فهرست «%1» ساخته نشد: %2</translation>
    </message>
    <message>
        <source>import: %1 (%2)</source>
        <translation>درون‌بری: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>masir::ImportTarget</name>
    <message>
        <source>Do not import</source>
        <translation>درون‌بری نشود</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Full name (split)</source>
        <translation>نام کامل (جدا می‌شود)</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>منطقهٔ زمانی</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>رضایت ایمیل</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>رضایت پیامک</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Custom field: %1</source>
        <translation>فیلد سفارشی: %1</translation>
    </message>
</context>
<context>
    <name>masir::JourneyEngine</name>
    <message>
        <source>Journey %1 version %2 is missing.</source>
        <translation>نسخهٔ %2 سفر %1 پیدا نشد.</translation>
    </message>
    <message>
        <source>Start the journey before adding contacts to it.</source>
        <translation>پیش از افزودن مخاطبان، سفر را آغاز کنید.</translation>
    </message>
    <message>
        <source>The journey has no trigger to enter by.</source>
        <translation>سفر هیچ محرکی برای ورود ندارد.</translation>
    </message>
    <message>
        <source>Cannot save where the engine stopped reading events.</source>
        <translation>جایی که موتور خواندن رویدادها را متوقف کرد ذخیره نشد.</translation>
    </message>
    <message>
        <source>skipped: cannot reach the contact on this channel</source>
        <translation>رد شد: از این راه نمی‌توان به مخاطب رسید</translation>
    </message>
    <message>
        <source>skipped: the field does not exist</source>
        <translation>رد شد: این فیلد وجود ندارد</translation>
    </message>
    <message>
        <source>skipped: the other journey is not running</source>
        <translation>رد شد: سفر دیگر در حال اجرا نیست</translation>
    </message>
    <message>
        <source>Journey %1 no longer exists.</source>
        <translation>سفر %1 دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Another worker moved a contact of this batch of journey steps; the batch was undone and runs again.</source>
        <translation>کارگزار دیگری مخاطبی از این دستهٔ گام‌های سفر را جابه‌جا کرد؛ دسته برگردانده شد و دوباره اجرا می‌شود.</translation>
    </message>
</context>
<context>
    <name>masir::JourneyGraph</name>
    <message>
        <source>Both ends must be nodes of this journey.</source>
        <translation>هر دو سر باید گره‌های همین سفر باشند.</translation>
    </message>
    <message>
        <source>A node cannot lead to itself; put a wait in between.</source>
        <translation>گره نمی‌تواند به خودش برسد؛ یک انتظار در میان بگذارید.</translation>
    </message>
    <message>
        <source>Unknown node type.</source>
        <translation>نوع گره ناشناخته است.</translation>
    </message>
    <message>
        <source>A trigger has no input: it starts the journey.</source>
        <translation>محرک ورودی ندارد: سفر را آغاز می‌کند.</translation>
    </message>
    <message>
        <source>"%1" has no output called "%2".</source>
        <translation>«%1» خروجی‌ای به نام «%2» ندارد.</translation>
    </message>
    <message>
        <source>This output is already connected; remove that connection first.</source>
        <translation>این خروجی پیش‌تر وصل شده است؛ اول آن اتصال را بردارید.</translation>
    </message>
    <message>
        <source>The connection ID is taken.</source>
        <translation>شناسهٔ اتصال تکراری است.</translation>
    </message>
    <message>
        <source>"%1" is not a node type this Masir knows.</source>
        <translation>«%1» نوع گره‌ای نیست که این نسخهٔ مسیر بشناسد.</translation>
    </message>
    <message>
        <source>Add a trigger: it decides who enters the journey.</source>
        <translation>یک محرک بیفزایید: تعیین می‌کند چه کسی وارد سفر شود.</translation>
    </message>
    <message>
        <source>No path leads here from a trigger.</source>
        <translation>هیچ مسیری از یک محرک به اینجا نمی‌رسد.</translation>
    </message>
    <message>
        <source>This loop has no wait in it: a contact would go round it for ever.</source>
        <translation>این حلقه انتظاری ندارد: مخاطب تا ابد در آن می‌چرخد.</translation>
    </message>
    <message>
        <source>This is not a Masir journey.</source>
        <translation>این یک سفر مسیر نیست.</translation>
    </message>
    <message>
        <source>This journey was saved by a newer Masir (format %1); update Masir to open it.</source>
        <translation>این سفر با نسخهٔ تازه‌تری از مسیر ذخیره شده (قالب %1)؛ برای باز کردنش مسیر را به‌روز کنید.</translation>
    </message>
    <message>
        <source>Node %1 ("%2") has no ID or an unknown type "%3".</source>
        <translation>گرهٔ %1 («%2») شناسه ندارد یا نوعش «%3» ناشناخته است.</translation>
    </message>
    <message>
        <source>The node ID "%1" is used twice.</source>
        <translation>شناسهٔ گرهٔ «%1» دو بار به کار رفته است.</translation>
    </message>
    <message>
        <source>Connection %1: %2</source>
        <translation>اتصال %1: %2</translation>
    </message>
</context>
<context>
    <name>masir::JourneyListModel</name>
    <message>
        <source>%1%</source>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>در حال اجرا</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>متوقف</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>بایگانی‌شده</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>In the journey</source>
        <translation>در سفر</translation>
    </message>
    <message>
        <source>Steps run</source>
        <translation>گام‌های اجراشده</translation>
    </message>
    <message>
        <source>Reached a goal</source>
        <translation>به هدف رسیدند</translation>
    </message>
</context>
<context>
    <name>masir::JourneyReferences</name>
    <message>
        <source>There is no template named "%1": make it on the Templates page, or choose another.</source>
        <translation>قالبی با نام «%1» نیست: آن را در صفحهٔ قالب‌ها بسازید یا قالب دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>"%1" is a text message template, not an email.</source>
        <translation>«%1» قالب پیامک است، نه ایمیل.</translation>
    </message>
    <message>
        <source>"%1" is an email template, not a text message.</source>
        <translation>«%1» قالب ایمیل است، نه پیامک.</translation>
    </message>
    <message>
        <source>There is no segment or list named "%1".</source>
        <translation>بخش یا فهرستی با نام «%1» نیست.</translation>
    </message>
    <message>
        <source>There is no journey named "%1".</source>
        <translation>سفری با نام «%1» نیست.</translation>
    </message>
    <message>
        <source>There is no custom field "%1": add it in Settings, or choose another.</source>
        <translation>فیلد سفارشی «%1» وجود ندارد: آن را در تنظیمات بسازید یا فیلد دیگری برگزینید.</translation>
    </message>
    <message>
        <source>"%1" is not a date field.</source>
        <translation>«%1» فیلد تاریخ نیست.</translation>
    </message>
    <message>
        <source>"%1" is not a field a journey can set.</source>
        <translation>«%1» فیلدی نیست که سفر بتواند مقدارش را بگذارد.</translation>
    </message>
    <message>
        <source>No SMS gateway is set up: its messages wait in the outbox until you add one (Settings, Channels).</source>
        <translation>هیچ درگاه پیامکی تنظیم نشده است: پیام‌هایش در صندوق خروجی می‌مانند تا یکی بیفزایید (تنظیمات، کانال‌ها).</translation>
    </message>
    <message>
        <source>No email account is set up: its messages wait in the outbox until you add one (Settings, Channels).</source>
        <translation>هیچ حساب ایمیلی تنظیم نشده است: پیام‌هایش در صندوق خروجی می‌مانند تا یکی بیفزایید (تنظیمات، کانال‌ها).</translation>
    </message>
</context>
<context>
    <name>masir::JourneyReport</name>
    <message>
        <source>There is no such journey.</source>
        <translation>چنین سفری نیست.</translation>
    </message>
</context>
<context>
    <name>masir::JourneyRepository</name>
    <message>
        <source>Give the journey a name.</source>
        <translation>برای سفر نامی بگذارید.</translation>
    </message>
    <message>
        <source>There is already a journey called "%1".</source>
        <translation>سفری به نام «%1» از پیش هست.</translation>
    </message>
    <message>
        <source>A running journey can only be saved without problems: %1</source>
        <translation>سفر در حال اجرا را فقط بی‌مشکل می‌توان ذخیره کرد: %1</translation>
    </message>
    <message>
        <source>The journey no longer exists.</source>
        <translation>این سفر دیگر وجود ندارد.</translation>
    </message>
    <message numerus="yes">
        <source>Fix %n problem(s) before starting the journey.</source>
        <translation>
            <numerusform>پیش از آغاز سفر %n مشکل را برطرف کنید.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::JourneySimulator</name>
    <message>
        <source>The journey no longer exists.</source>
        <translation>این سفر دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Cannot make a temporary folder for the simulation: %1</source>
        <translation>پوشهٔ موقت برای شبیه‌سازی ساخته نشد: %1</translation>
    </message>
    <message>
        <source>Cannot copy the workspace for the simulation: %1</source>
        <translation>فضای کاری برای شبیه‌سازی رونویسی نشد: %1</translation>
    </message>
    <message>
        <source>it would fail: there is no template named "%1"</source>
        <translation>فرستاده نمی‌شد: قالبی با نام «%1» نیست</translation>
    </message>
</context>
<context>
    <name>masir::JourneyTemplates</name>
    <message>
        <source>Cannot add the template "%1": %2</source>
        <translation>قالب «%1» افزوده نشد: %2</translation>
    </message>
</context>
<context>
    <name>masir::LeadScoring</name>
    <message>
        <source>Choose the event this rule scores.</source>
        <translation>رویدادی را که این قاعده امتیاز می‌دهد انتخاب کنید.</translation>
    </message>
    <message>
        <source>The property test is incomplete: a property name, an operator and a value.</source>
        <translation>شرط ویژگی ناقص است: نام ویژگی، یک عملگر و یک مقدار لازم است.</translation>
    </message>
    <message>
        <source>Give the rule a number of points other than 0, and a cap of 0 or more.</source>
        <translation>برای قاعده امتیازی غیر از ۰ و سقفی برابر ۰ یا بیشتر تعیین کنید.</translation>
    </message>
    <message>
        <source>Follow up: this lead is now %1 (score %2)</source>
        <translation>پیگیری: این سرنخ اکنون %1 است (امتیاز %2)</translation>
    </message>
    <message>
        <source>Follow up: this lead is now %1</source>
        <translation>پیگیری: این سرنخ اکنون %1 است</translation>
    </message>
    <message>
        <source>Cannot save where live scoring stands.</source>
        <translation>ذخیرهٔ وضعیت کنونی امتیازدهی زنده ممکن نیست.</translation>
    </message>
</context>
<context>
    <name>masir::LifecycleStages</name>
    <message>
        <source>"%1" cannot be a stage key: use lower-case letters, digits and _.</source>
        <translation>«%1» نمی‌تواند کلید مرحله باشد: از حروف کوچک لاتین، رقم و _ استفاده کنید.</translation>
    </message>
    <message>
        <source>List each stage once, and at least one.</source>
        <translation>هر مرحله را یک بار فهرست کنید و دست‌کم یک مرحله.</translation>
    </message>
</context>
<context>
    <name>masir::MailboxPoller</name>
    <message>
        <source>There is no password for the mailbox; enter it in Settings → Channels, or with masir-cli channel mailbox and MASIR_IMAP_PASSWORD.</source>
        <translation>گذرواژه‌ای برای صندوق نامه نیست؛ آن را در تنظیمات ← کانال‌ها وارد کنید، یا با masir-cli channel mailbox و MASIR_IMAP_PASSWORD.</translation>
    </message>
    <message>
        <source>%1 Not read: look at it in the mailbox.</source>
        <translation>%1 خوانده نشد: آن را در صندوق نامه ببینید.</translation>
    </message>
    <message numerus="yes">
        <source>%n mailbox(es) read: %1 messages, %2 hard bounces, %3 soft bounces, %4 complaints, %5 unsubscribe requests, %6 kept aside, %7 left alone</source>
        <translation>
            <numerusform>%Ln صندوق نامه خوانده شد: %1 پیام، %2 برگشت دائمی، %3 برگشت موقت، %4 شکایت، %5 درخواست لغو اشتراک، %6 کنار گذاشته، %7 دست‌نخورده</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::MergeTemplate</name>
    <message>
        <source>a quoted text is not closed with "</source>
        <translation>متن داخل گیومه با " بسته نشده است</translation>
    </message>
    <message>
        <source>unexpected "%1"</source>
        <translation>«%1» غیرمنتظره است</translation>
    </message>
    <message>
        <source>there is no custom field "%1"</source>
        <translation>فیلد سفارشی «%1» وجود ندارد</translation>
    </message>
    <message>
        <source>unknown merge tag {{%1}}</source>
        <translation>برچسب جایگذاری ناشناخته {{%1}}</translation>
    </message>
    <message>
        <source>this tag is not closed with %1</source>
        <translation>این برچسب با %1 بسته نشده است</translation>
    </message>
    <message>
        <source>an empty {% %} tag</source>
        <translation>برچسب خالی {% %}</translation>
    </message>
    <message>
        <source>an empty {{ }} tag</source>
        <translation>برچسب خالی {{ }}</translation>
    </message>
    <message>
        <source>a merge tag starts with a name, e.g. {{first_name}}</source>
        <translation>برچسب جایگذاری باید با یک نام شروع شود، مثلاً {{first_name}}</translation>
    </message>
    <message>
        <source>expected | before a filter, found "%1"</source>
        <translation>پیش از فیلتر باید | بیاید، اما «%1» آمده است</translation>
    </message>
    <message>
        <source>a filter name is missing after |</source>
        <translation>پس از | نام فیلتر نیامده است</translation>
    </message>
    <message>
        <source>unknown filter "%1"; use one of: %2</source>
        <translation>فیلتر ناشناختهٔ «%1»؛ یکی از این‌ها را به کار ببرید: %2</translation>
    </message>
    <message>
        <source>default needs a quoted text, e.g. default:"friend"</source>
        <translation>default به متنی داخل گیومه نیاز دارد، مثلاً default:"friend"</translation>
    </message>
    <message>
        <source>{% %1 %} takes nothing more</source>
        <translation>پس از {% %1 %} چیز دیگری نمی‌آید</translation>
    </message>
    <message>
        <source>{% %1 %} without an {% if %} before it</source>
        <translation>{% %1 %} بدون {% if %} پیش از آن</translation>
    </message>
    <message>
        <source>a second {% else %} in the same {% if %}</source>
        <translation>{% else %} دوم در همان {% if %}</translation>
    </message>
    <message>
        <source>unknown block {% %1 %}; use if, else or endif</source>
        <translation>بلوک ناشناختهٔ {% %1 %}؛ از if، else یا endif استفاده کنید</translation>
    </message>
    <message>
        <source>{% if %} needs a condition, e.g. {% if tag "vip" %}</source>
        <translation>{% if %} به یک شرط نیاز دارد، مثلاً {% if tag "vip" %}</translation>
    </message>
    <message>
        <source>tag needs a quoted tag name, e.g. tag "vip"</source>
        <translation>tag به نام برچسب داخل گیومه نیاز دارد، مثلاً tag "vip"</translation>
    </message>
    <message>
        <source>%1 needs a quoted text after it</source>
        <translation>پس از %1 باید متنی داخل گیومه بیاید</translation>
    </message>
    <message>
        <source>{% if %} needs a name or tag "..."</source>
        <translation>{% if %} به یک نام یا tag "..." نیاز دارد</translation>
    </message>
    <message>
        <source>unexpected "%1" in {% if %}</source>
        <translation>«%1» غیرمنتظره در {% if %}</translation>
    </message>
    <message>
        <source>this {% if %} has no {% endif %}</source>
        <translation>این {% if %} با {% endif %} بسته نشده است</translation>
    </message>
    <message>
        <source>the formatting moved a merge tag; simplify the text around it</source>
        <translation>قالب‌بندی یک برچسب جایگذاری را جابه‌جا کرده است؛ متن اطراف آن را ساده‌تر کنید</translation>
    </message>
    <message>
        <source>this merge tag cannot be placed here (inside a code block or a link address?)</source>
        <translation>این برچسب جایگذاری را نمی‌توان اینجا گذاشت (داخل بلوک کد یا نشانی پیوند؟)</translation>
    </message>
</context>
<context>
    <name>masir::MergeVocabulary</name>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام کامل</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Business name</source>
        <translation>نام کسب‌وکار</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>نشانی پستی</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>پیوند لغو اشتراک</translation>
    </message>
    <message>
        <source>Today's date</source>
        <translation>تاریخ امروز</translation>
    </message>
    <message>
        <source>Custom field %1</source>
        <translation>فیلد سفارشی %1</translation>
    </message>
</context>
<context>
    <name>masir::MessageRenderer</name>
    <message>
        <source>body</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>پیام خالی است.</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>preheader</source>
        <translation>پیش‌متن</translation>
    </message>
    <message>
        <source>The email needs a subject.</source>
        <translation>ایمیل باید موضوع داشته باشد.</translation>
    </message>
    <message>
        <source>Marketing email must show your postal address: enter it in Settings → Channels.</source>
        <translation>ایمیل تبلیغاتی باید نشانی پستی شما را نشان دهد: آن را در تنظیمات ← کانال‌ها وارد کنید.</translation>
    </message>
    <message>
        <source>Marketing email needs a way to unsubscribe: enter an unsubscribe page or address in Settings → Channels.</source>
        <translation>ایمیل تبلیغاتی باید راهی برای لغو اشتراک داشته باشد: یک صفحه یا نشانی لغو اشتراک در تنظیمات ← کانال‌ها وارد کنید.</translation>
    </message>
</context>
<context>
    <name>masir::Migrations</name>
    <message>
        <source>cannot read the schema version</source>
        <translation>نسخهٔ طرح‌واره خوانده نمی‌شود</translation>
    </message>
    <message>
        <source>the file has schema %1, newer than this version of Masir (%2)</source>
        <translation>طرح‌وارهٔ پرونده %1 است، تازه‌تر از این نسخهٔ مسیر (%2)</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>گام %1: %2</translation>
    </message>
</context>
<context>
    <name>masir::NodeTypes</name>
    <message>
        <source>Set the conditions: %1</source>
        <translation>شرط‌ها را تعیین کنید: %1</translation>
    </message>
    <message>
        <source>Contact created or imported</source>
        <translation>مخاطب ساخته یا درون‌بری شد</translation>
    </message>
    <message>
        <source>Tag added or removed</source>
        <translation>برچسب افزوده یا برداشته شد</translation>
    </message>
    <message>
        <source>Field changed</source>
        <translation>فیلد تغییر کرد</translation>
    </message>
    <message>
        <source>Stage changed</source>
        <translation>مرحله تغییر کرد</translation>
    </message>
    <message>
        <source>Entered or left a segment</source>
        <translation>وارد بخشی شد یا از آن خارج شد</translation>
    </message>
    <message>
        <source>Event received</source>
        <translation>رویداد دریافت شد</translation>
    </message>
    <message>
        <source>Date: birthday, anniversary or a date field</source>
        <translation>تاریخ: زادروز، سالگرد یا یک فیلد تاریخ</translation>
    </message>
    <message>
        <source>Score crossed a threshold</source>
        <translation>امتیاز از آستانه گذشت</translation>
    </message>
    <message>
        <source>Added by hand from the contact list</source>
        <translation>دستی از فهرست مخاطبان افزوده شد</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>انتظار</translation>
    </message>
    <message>
        <source>Wait until</source>
        <translation>انتظار تا</translation>
    </message>
    <message>
        <source>Wait for an event</source>
        <translation>انتظار برای یک رویداد</translation>
    </message>
    <message>
        <source>If / else</source>
        <translation>اگر / وگرنه</translation>
    </message>
    <message>
        <source>A/B split</source>
        <translation>تقسیم A/B</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>هدف</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Send email</source>
        <translation>فرستادن ایمیل</translation>
    </message>
    <message>
        <source>Send SMS</source>
        <translation>فرستادن پیامک</translation>
    </message>
    <message>
        <source>Add or remove a tag</source>
        <translation>افزودن یا برداشتن برچسب</translation>
    </message>
    <message>
        <source>Set a field</source>
        <translation>تنظیم یک فیلد</translation>
    </message>
    <message>
        <source>Change the stage</source>
        <translation>تغییر مرحله</translation>
    </message>
    <message>
        <source>Adjust the score</source>
        <translation>تغییر امتیاز</translation>
    </message>
    <message>
        <source>Create a task</source>
        <translation>ساختن یک کار</translation>
    </message>
    <message>
        <source>Notify</source>
        <translation>اعلان</translation>
    </message>
    <message>
        <source>Call a webhook</source>
        <translation>فراخوانی وب‌هوک</translation>
    </message>
    <message>
        <source>Enrol in another journey</source>
        <translation>ورود به سفری دیگر</translation>
    </message>
    <message>
        <source>Remove from this journey</source>
        <translation>خروج از این سفر</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>محرک‌ها</translation>
    </message>
    <message>
        <source>Flow</source>
        <translation>جریان</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>کنش‌ها</translation>
    </message>
    <message>
        <source>Choose the tag.</source>
        <translation>برچسب را برگزینید.</translation>
    </message>
    <message>
        <source>Choose whether the tag is added or removed.</source>
        <translation>برگزینید که برچسب افزوده می‌شود یا برداشته.</translation>
    </message>
    <message>
        <source>Choose the field.</source>
        <translation>فیلد را برگزینید.</translation>
    </message>
    <message>
        <source>Choose the stage it changes from or to.</source>
        <translation>مرحلهٔ مبدأ یا مقصد تغییر را برگزینید.</translation>
    </message>
    <message>
        <source>Choose the segment.</source>
        <translation>بخش را برگزینید.</translation>
    </message>
    <message>
        <source>Choose whether the contact enters or leaves it.</source>
        <translation>برگزینید که مخاطب وارد آن می‌شود یا از آن خارج.</translation>
    </message>
    <message>
        <source>Choose the event, e.g. purchase or cart_abandoned.</source>
        <translation>رویداد را برگزینید، مثلاً purchase یا cart_abandoned.</translation>
    </message>
    <message>
        <source>Choose the date field.</source>
        <translation>فیلد تاریخ را برگزینید.</translation>
    </message>
    <message>
        <source>Set the time of day as HH:mm.</source>
        <translation>ساعت روز را به شکل HH:mm بنویسید.</translation>
    </message>
    <message>
        <source>Set the score threshold.</source>
        <translation>آستانهٔ امتیاز را تعیین کنید.</translation>
    </message>
    <message>
        <source>Set how long to wait.</source>
        <translation>مدت انتظار را تعیین کنید.</translation>
    </message>
    <message>
        <source>Choose minutes, hours or days.</source>
        <translation>دقیقه، ساعت یا روز را برگزینید.</translation>
    </message>
    <message>
        <source>Set the date and time to wait for.</source>
        <translation>تاریخ و ساعتی را که باید منتظر ماند تعیین کنید.</translation>
    </message>
    <message>
        <source>Choose at least one weekday.</source>
        <translation>دست‌کم یک روز هفته را برگزینید.</translation>
    </message>
    <message>
        <source>Set the hours as HH:mm.</source>
        <translation>ساعت‌ها را به شکل HH:mm بنویسید.</translation>
    </message>
    <message>
        <source>Choose a date and time, or weekdays and hours.</source>
        <translation>یک تاریخ و ساعت، یا روزهای هفته و ساعت‌ها را برگزینید.</translation>
    </message>
    <message>
        <source>Choose the event to wait for.</source>
        <translation>رویدادی را که باید منتظرش ماند برگزینید.</translation>
    </message>
    <message>
        <source>Set how many hours to wait at most.</source>
        <translation>بیشترین ساعت انتظار را تعیین کنید.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>پایان مهلت</translation>
    </message>
    <message>
        <source>Choose the earlier message.</source>
        <translation>پیام پیشین را برگزینید.</translation>
    </message>
    <message>
        <source>Choose opened, clicked or neither.</source>
        <translation>باز شد، کلیک شد یا هیچ‌کدام را برگزینید.</translation>
    </message>
    <message>
        <source>no</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>A split needs 2 to 26 branches.</source>
        <translation>تقسیم به ۲ تا ۲۶ شاخه نیاز دارد.</translation>
    </message>
    <message>
        <source>Every branch needs a share above 0%.</source>
        <translation>هر شاخه سهمی بیش از ۰٪ می‌خواهد.</translation>
    </message>
    <message>
        <source>The shares add up to %1%, not 100%.</source>
        <translation>جمع سهم‌ها %1٪ است، نه ۱۰۰٪.</translation>
    </message>
    <message>
        <source>%1 %2%</source>
        <translation>%1 %2٪</translation>
    </message>
    <message>
        <source>Choose the email template.</source>
        <translation>قالب ایمیل را برگزینید.</translation>
    </message>
    <message>
        <source>Choose the SMS template.</source>
        <translation>قالب پیامک را برگزینید.</translation>
    </message>
    <message>
        <source>Choose add or remove.</source>
        <translation>افزودن یا برداشتن را برگزینید.</translation>
    </message>
    <message>
        <source>Choose the field to set.</source>
        <translation>فیلدی را که باید تنظیم شود برگزینید.</translation>
    </message>
    <message>
        <source>Choose the stage.</source>
        <translation>مرحله را برگزینید.</translation>
    </message>
    <message>
        <source>Set the points to add or take away.</source>
        <translation>امتیازی را که افزوده یا کاسته می‌شود تعیین کنید.</translation>
    </message>
    <message>
        <source>Give the task a title.</source>
        <translation>برای کار عنوانی بنویسید.</translation>
    </message>
    <message>
        <source>Write the notification.</source>
        <translation>متن اعلان را بنویسید.</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// address.</source>
        <translation>نشانی‌ای با http:// یا https:// وارد کنید.</translation>
    </message>
    <message>
        <source>Choose the journey.</source>
        <translation>سفر را برگزینید.</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>added or removed</source>
        <translation>افزوده یا برداشته</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>From stage</source>
        <translation>از مرحله</translation>
    </message>
    <message>
        <source>To stage</source>
        <translation>به مرحله</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>entered or left</source>
        <translation>ورود یا خروج</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>Property filters</source>
        <translation>پالایه‌های ویژگی</translation>
    </message>
    <message>
        <source>Date field</source>
        <translation>فیلد تاریخ</translation>
    </message>
    <message>
        <source>Days after (negative: before)</source>
        <translation>روز پس از آن (منفی: پیش از آن)</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>ساعت روز</translation>
    </message>
    <message>
        <source>Every year</source>
        <translation>هر سال</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>چه مدت</translation>
    </message>
    <message>
        <source>minutes, hours or days</source>
        <translation>دقیقه، ساعت یا روز</translation>
    </message>
    <message>
        <source>datetime or window</source>
        <translation>تاریخ و ساعت یا بازهٔ زمانی</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>تاریخ و ساعت</translation>
    </message>
    <message>
        <source>Weekdays (1 = Monday)</source>
        <translation>روزهای هفته (۱ = دوشنبه)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>At most (hours)</source>
        <translation>حداکثر (ساعت)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>شرط‌ها</translation>
    </message>
    <message>
        <source>Earlier message (node)</source>
        <translation>پیام پیشین (گره)</translation>
    </message>
    <message>
        <source>opened, clicked or neither</source>
        <translation>باز شد، کلیک شد یا هیچ‌کدام</translation>
    </message>
    <message>
        <source>Branches</source>
        <translation>شاخه‌ها</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Transactional (no daily cap)</source>
        <translation>تراکنشی (بدون سقف روزانه)</translation>
    </message>
    <message>
        <source>add or remove</source>
        <translation>افزودن یا برداشتن</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Due in (days)</source>
        <translation>مهلت (روز)</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Allow addresses on this network</source>
        <translation>اجازهٔ نشانی‌های همین شبکه</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>added</source>
        <translation>افزوده شد</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>برداشته شد</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <source>left</source>
        <translation>خارج شد</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>دقیقه</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ساعت</translation>
    </message>
    <message>
        <source>days</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>on chosen days and hours</source>
        <translation>در روزها و ساعت‌های برگزیده</translation>
    </message>
    <message>
        <source>until a date and time</source>
        <translation>تا یک تاریخ و ساعت</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>باز شد</translation>
    </message>
    <message>
        <source>clicked</source>
        <translation>کلیک شد</translation>
    </message>
    <message>
        <source>neither</source>
        <translation>هیچ‌کدام</translation>
    </message>
    <message>
        <source>add</source>
        <translation>افزودن</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>برداشتن</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n دقیقه</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n ساعت</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n روز</numerusform>
        </translation>
    </message>
    <message>
        <source>%1–%2 on chosen days</source>
        <translation>%1 تا %2 در روزهای برگزیده</translation>
    </message>
    <message>
        <source>%1, at most %2 h</source>
        <translation>%1، حداکثر %2 ساعت</translation>
    </message>
    <message>
        <source>if the message was %1</source>
        <translation>اگر پیام %1 شد</translation>
    </message>
    <message>
        <source>if they match the rule</source>
        <translation>اگر با قاعده جور باشند</translation>
    </message>
    <message>
        <source>Deal entered a stage</source>
        <translation>معامله وارد یک مرحله شد</translation>
    </message>
    <message>
        <source>Pipeline (empty: any)</source>
        <translation>قیف (خالی: هر قیفی)</translation>
    </message>
    <message>
        <source>Choose the stage, e.g. contract or lost.</source>
        <translation>مرحله را انتخاب کنید، مثلاً contract یا lost.</translation>
    </message>
</context>
<context>
    <name>masir::Notes</name>
    <message>
        <source>The note is empty.</source>
        <translation>یادداشت خالی است.</translation>
    </message>
</context>
<context>
    <name>masir::Outbox</name>
    <message>
        <source>Queued</source>
        <translation>در صف</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>در حال ارسال</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>قطع‌شده</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغوشده</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>مسدودشده</translation>
    </message>
    <message>
        <source>This message is already in the outbox.</source>
        <translation>این پیام از قبل در صندوق خروجی است.</translation>
    </message>
    <message>
        <source>Cancelled by hand.</source>
        <translation>به‌صورت دستی لغو شد.</translation>
    </message>
    <message>
        <source>The address is on the suppression list (%1).</source>
        <translation>این نشانی در فهرست مسدودها قرار دارد (%1).</translation>
    </message>
    <message>
        <source>There is no message %1 in the outbox.</source>
        <translation>پیام %1 در صندوق خروجی نیست.</translation>
    </message>
    <message>
        <source>Held (campaign paused)</source>
        <translation>نگه‌داشته (کارزار متوقف)</translation>
    </message>
    <message>
        <source>The campaign was cancelled.</source>
        <translation>کارزار لغو شد.</translation>
    </message>
</context>
<context>
    <name>masir::OutboxListModel</name>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>وب‌هوک</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>تلاش‌ها</translation>
    </message>
    <message>
        <source>Due / sent</source>
        <translation>موعد / ارسال</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Sent %1</source>
        <translation>ارسال‌شده %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>موعد %1</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>آخرین تغییر %1</translation>
    </message>
    <message>
        <source>The app stopped while this message was being sent: it may or may not have been delivered. Resend or discard it.</source>
        <translation>برنامه هنگام ارسال این پیام متوقف شد: ممکن است رسیده باشد یا نرسیده باشد. آن را دوباره بفرستید یا کنار بگذارید.</translation>
    </message>
    <message>
        <source>Provider's message id: %1</source>
        <translation>شناسهٔ پیام نزد ارائه‌دهنده: %1</translation>
    </message>
    <message>
        <source>Journey or campaign</source>
        <translation>سفر یا کارزار</translation>
    </message>
</context>
<context>
    <name>masir::OutboxSender</name>
    <message>
        <source>Masir stopped while sending this message; it may or may not have been delivered. Resend or discard it.</source>
        <translation>مسیر هنگام ارسال این پیام متوقف شد؛ ممکن است پیام تحویل شده باشد یا نه. آن را دوباره ارسال کنید یا کنار بگذارید.</translation>
    </message>
    <message>
        <source>The address is on the suppression list.</source>
        <translation>این نشانی در فهرست مسدودها قرار دارد.</translation>
    </message>
    <message>
        <source>The contact unsubscribed, bounced or withdrew consent.</source>
        <translation>مخاطب اشتراک خود را لغو کرده، پیامش برگشتی بوده یا رضایت خود را پس گرفته است.</translation>
    </message>
    <message>
        <source>There is no template named "%1".</source>
        <translation>قالبی با نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>Template "%1": %2</source>
        <translation>قالب «%1»: %2</translation>
    </message>
    <message>
        <source>The contact was deleted.</source>
        <translation>مخاطب حذف شده است.</translation>
    </message>
    <message>
        <source>The contact has no email address.</source>
        <translation>مخاطب نشانی ایمیل ندارد.</translation>
    </message>
    <message>
        <source>The contact has no phone number.</source>
        <translation>مخاطب شمارهٔ تلفن ندارد.</translation>
    </message>
    <message>
        <source>Template "%1" is for %2, not %3.</source>
        <translation>قالب «%1» برای %2 است، نه %3.</translation>
    </message>
    <message numerus="yes">
        <source>Gave up after %n attempts: %1</source>
        <translation>
            <numerusform>پس از %n بار تلاش، ارسال رها شد: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the end of quiet hours (%1–%2).</source>
        <translation>در انتظار پایان ساعت‌های سکوت (%1 تا %2).</translation>
    </message>
    <message numerus="yes">
        <source>Waiting: at most %n marketing email(s) a day reach one contact.</source>
        <translation>
            <numerusform>در انتظار: هر مخاطب روزانه حداکثر %n ایمیل تبلیغاتی دریافت می‌کند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the suppression list.</source>
        <translation>فهرست مسدودها خوانده نشد.</translation>
    </message>
    <message>
        <source>Cannot read contact %1.</source>
        <translation>مخاطب %1 خوانده نشد.</translation>
    </message>
    <message>
        <source>There is no unsubscribe page or address: set one in Settings → Channels, or a tracking address in Settings → Tracking, then resend.</source>
        <translation>هیچ صفحه یا نشانی لغو اشتراکی تعیین نشده است: یکی را در تنظیمات ← کانال‌ها، یا یک نشانی ردیابی را در تنظیمات ← ردیابی تعیین کنید و سپس دوباره بفرستید.</translation>
    </message>
    <message>
        <source>The campaign's account "%1" was removed or turned off: turn it on in Settings → Channels, then resend.</source>
        <translation>حساب کارزار «%1» حذف یا خاموش شده است: آن را در تنظیمات ← کانال‌ها روشن کنید و دوباره بفرستید.</translation>
    </message>
    <message>
        <source>The person at this address asked to be erased; nothing is sent to it again.</source>
        <translation>صاحب این نشانی خواسته پاک شود؛ دیگر چیزی به آن فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Another Masir process is sending from this workspace; this one only runs journeys.</source>
        <translation>فرایند دیگری از مسیر در حال ارسال از این فضای کاری است؛ این فرایند فقط سفرها را اجرا می‌کند.</translation>
    </message>
    <message>
        <source>Another Masir process (%1) is sending from this workspace; this one only runs journeys.</source>
        <translation>فرایند دیگری از مسیر (%1) در حال ارسال از این فضای کاری است؛ این فرایند فقط سفرها را اجرا می‌کند.</translation>
    </message>
</context>
<context>
    <name>masir::PersonalData</name>
    <message>
        <source>There is no such contact.</source>
        <translation>چنین مخاطبی وجود ندارد.</translation>
    </message>
    <message>
        <source>Personal data of %1</source>
        <translation>داده‌های شخصی %1</translation>
    </message>
    <message>
        <source>Everything this business keeps about you, exported on %1.</source>
        <translation>همه‌ی آنچه این کسب‌وکار درباره‌ی شما نگه می‌دارد، گرفته‌شده در %1.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>هیچ.</translation>
    </message>
    <message>
        <source>field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <source>value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Your details</source>
        <translation>مشخصات شما</translation>
    </message>
    <message>
        <source>Your consent</source>
        <translation>رضایت شما</translation>
    </message>
    <message>
        <source>Lists and segments</source>
        <translation>فهرست‌ها و بخش‌ها</translation>
    </message>
    <message>
        <source>Messages sent to you</source>
        <translation>پیام‌هایی که برایتان فرستاده شد</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>سفرها</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Score changes</source>
        <translation>تغییرهای امتیاز</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <source>Addresses we do not send to</source>
        <translation>نشانی‌هایی که به آن‌ها نمی‌فرستیم</translation>
    </message>
    <message>
        <source>Opens and clicks, with the address and browser they came from</source>
        <translation>بازکردن‌ها و کلیک‌ها، با نشانی و مرورگری که از آن آمدند</translation>
    </message>
    <message>
        <source>Your purchases in total</source>
        <translation>جمع خریدهای شما</translation>
    </message>
</context>
<context>
    <name>masir::PhoneNumbers</name>
    <message>
        <source>The phone number is empty.</source>
        <translation>شمارهٔ تلفن خالی است.</translation>
    </message>
    <message>
        <source>Start the number with + and its country code, or set a default country in Settings.</source>
        <translation>شماره را با + و کد کشورش آغاز کنید یا در تنظیمات یک کشور پیش‌فرض برگزینید.</translation>
    </message>
    <message>
        <source>The country code of this number is not known.</source>
        <translation>کد کشور این شماره شناخته نیست.</translation>
    </message>
    <message>
        <source>The phone number is too short.</source>
        <translation>شمارهٔ تلفن بیش از اندازه کوتاه است.</translation>
    </message>
    <message>
        <source>The phone number is too long.</source>
        <translation>شمارهٔ تلفن بیش از اندازه بلند است.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>این شمارهٔ تلفن نیست.</translation>
    </message>
    <message>
        <source>This is not a valid phone number for %1 (+%2). Check the digits, or start with + and the country code.</source>
        <translation>این شمارهٔ تلفن معتبری برای %1 (+%2) نیست. رقم‌ها را بررسی کنید یا با + و کد کشور آغاز کنید.</translation>
    </message>
</context>
<context>
    <name>masir::Pipedrive</name>
    <message>
        <source>Won</source>
        <translation>برده‌شده</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
</context>
<context>
    <name>masir::Pipelines</name>
    <message>
        <source>Initial contact</source>
        <translation>تماس نخست</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>نمایش محصول</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>مذاکره</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>قرارداد</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>برده‌شده</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <source>A pipeline needs a name.</source>
        <translation>قیف نام لازم دارد.</translation>
    </message>
    <message>
        <source>There is already a pipeline named "%1".</source>
        <translation>قیفی با نام «%1» از پیش هست.</translation>
    </message>
    <message>
        <source>Every stage needs a name.</source>
        <translation>هر مرحله نام لازم دارد.</translation>
    </message>
    <message>
        <source>The probability of "%1" must be between 0 and 100 %.</source>
        <translation>احتمال «%1» باید بین ۰ و ۱۰۰ درصد باشد.</translation>
    </message>
    <message>
        <source>A pipeline needs at least one open stage, one won and one lost.</source>
        <translation>قیف دست‌کم یک مرحله‌ی باز، یک برده‌شده و یک باخته لازم دارد.</translation>
    </message>
    <message>
        <source>A stage you removed still has deals: move them to another stage first.</source>
        <translation>مرحله‌ای که برداشتید هنوز معامله دارد: اول آن‌ها را به مرحله‌ی دیگری ببرید.</translation>
    </message>
    <message>
        <source>"%1" has deals: move them out before it becomes open, won or lost.</source>
        <translation>«%1» معامله دارد: پیش از تغییر نتیجه‌اش به باز، برده یا باخته، معامله‌ها را از آن بیرون ببرید.</translation>
    </message>
</context>
<context>
    <name>masir::PostgresWorkspace</name>
    <message>
        <source>The server refused the login of "%1" to %2: check the user name and the password.</source>
        <translation>کارساز ورود «%1» به %2 را نپذیرفت: نام کاربری و گذرواژه را بررسی کنید.</translation>
    </message>
    <message>
        <source>The server has no database "%1". Create it first (see docs/team.md), or check its name in %2.</source>
        <translation>کارساز پایگاه‌داده‌ای به نام «%1» ندارد. نخست آن را بسازید (docs/team.md را ببینید) یا نام آن را در %2 بررسی کنید.</translation>
    </message>
    <message>
        <source>The server has no user "%1". Check the user name in %2.</source>
        <translation>کارساز کاربری به نام «%1» ندارد. نام کاربری را در %2 بررسی کنید.</translation>
    </message>
    <message>
        <source>The secure connection to %1 could not be set up: %2. Check the server's certificate and the sslmode and sslrootcert in the address.</source>
        <translation>اتصال امن به %1 برقرار نشد: %2. گواهی کارساز و sslmode و sslrootcert نشانی را بررسی کنید.</translation>
    </message>
    <message>
        <source>Masir cannot read %1: %2.</source>
        <translation>مسیر نمی‌تواند %1 را بخواند: %2.</translation>
    </message>
    <message>
        <source>The server of %1 runs PostgreSQL %2; Masir needs version 13 or newer. Upgrade the server, or use another.</source>
        <translation>کارساز %1 نسخهٔ %2 از PostgreSQL را اجرا می‌کند؛ مسیر به نسخهٔ ۱۳ یا تازه‌تر نیاز دارد. کارساز را به‌روز کنید یا کارساز دیگری به کار ببرید.</translation>
    </message>
    <message>
        <source>The database %1 holds %2 tables of another program; it is not a Masir workspace. Choose an empty database for Masir; this one was left untouched.</source>
        <translation>پایگاه‌دادهٔ %1 دارای %2 جدول از برنامهٔ دیگری است و فضای کاری مسیر نیست. پایگاه‌دادهٔ خالی‌ای برای مسیر برگزینید؛ به این یکی دست زده نشد.</translation>
    </message>
    <message>
        <source>The database %1 has no Masir workspace yet. Open it once with write access.</source>
        <translation>پایگاه‌دادهٔ %1 هنوز فضای کاری مسیر ندارد. آن را یک بار با دسترسی نوشتن باز کنید.</translation>
    </message>
    <message>
        <source>This build of Masir lacks its PostgreSQL schema (%1).</source>
        <translation>این ساخت مسیر طرح‌وارهٔ PostgreSQL خود را ندارد (%1).</translation>
    </message>
    <message>
        <source>Masir could not make its tables in %1: %2. Nothing was kept; check that the user may create tables in the database.</source>
        <translation>مسیر نتوانست جدول‌هایش را در %1 بسازد: %2. چیزی نگه داشته نشد؛ بررسی کنید که کاربر اجازهٔ ساختن جدول در پایگاه‌داده را داشته باشد.</translation>
    </message>
    <message>
        <source>The database %1 belongs to another program; it is not a Masir workspace. It was left untouched.</source>
        <translation>پایگاه‌دادهٔ %1 از آنِ برنامهٔ دیگری است و فضای کاری مسیر نیست. به آن دست زده نشد.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Masir (schema %2; this version understands up to %3). Update Masir to open it; it was left untouched.</source>
        <translation>%1 با نسخهٔ تازه‌تری از مسیر ذخیره شده است (طرح‌وارهٔ %2؛ این نسخه تا %3 را می‌فهمد). برای باز کردن آن مسیر را به‌روز کنید؛ به آن دست زده نشد.</translation>
    </message>
    <message>
        <source>Masir cannot reach the server of %1: %2. Check that the server runs and that its name and port are right, then open the workspace again.</source>
        <translation>مسیر به کارساز %1 دسترسی ندارد: %2. بررسی کنید که کارساز در حال اجرا باشد و نام و درگاه آن درست باشد، سپس فضای کاری را دوباره باز کنید.</translation>
    </message>
    <message>
        <source>%1 is at schema %2, older than any server workspace Masir made; it was left untouched.</source>
        <translation>%1 در طرح‌وارهٔ %2 است، قدیمی‌تر از هر فضای کاری کارسازی که مسیر ساخته است؛ دست‌نخورده ماند.</translation>
    </message>
    <message>
        <source>%1 needs its schema brought up to this version of Masir (from %2 to %3). Open it once with write access.</source>
        <translation>طرح‌وارهٔ %1 باید به این نسخهٔ مسیر برسد (از %2 به %3). یک بار آن را با دسترسی نوشتن باز کنید.</translation>
    </message>
    <message>
        <source>Masir could not bring %1 to schema %2: %3. Nothing was changed.</source>
        <translation>مسیر نتوانست %1 را به طرح‌وارهٔ %2 برساند: %3. چیزی تغییر نکرد.</translation>
    </message>
</context>
<context>
    <name>masir::ReportPeriod</name>
    <message>
        <source>The period must start on or before the day it ends.</source>
        <translation>دوره باید در روز پایانش یا پیش از آن آغاز شود.</translation>
    </message>
</context>
<context>
    <name>masir::RfmReport</name>
    <message>
        <source>Champions</source>
        <translation>قهرمانان</translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation>مشتریان وفادار</translation>
    </message>
    <message>
        <source>Potential loyalists</source>
        <translation>وفاداران آینده</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>مشتریان تازه</translation>
    </message>
    <message>
        <source>Promising</source>
        <translation>امیدبخش</translation>
    </message>
    <message>
        <source>Need attention</source>
        <translation>نیازمند توجه</translation>
    </message>
    <message>
        <source>About to sleep</source>
        <translation>رو به خواب</translation>
    </message>
    <message>
        <source>Can't lose them</source>
        <translation>نباید از دستشان داد</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>در خطر</translation>
    </message>
    <message>
        <source>Hibernating</source>
        <translation>در خواب</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <source>Bought recently and often: reward them.</source>
        <translation>تازه و بسیار خریده‌اند: پاداششان دهید.</translation>
    </message>
    <message>
        <source>Buy often; not in the last while.</source>
        <translation>بسیار می‌خرند؛ این اواخر نه.</translation>
    </message>
    <message>
        <source>Recent customers who came back.</source>
        <translation>مشتریان تازه‌ای که برگشتند.</translation>
    </message>
    <message>
        <source>Bought once, very recently.</source>
        <translation>یک بار خریده‌اند، همین تازگی.</translation>
    </message>
    <message>
        <source>Bought once, recently.</source>
        <translation>یک بار خریده‌اند، به‌تازگی.</translation>
    </message>
    <message>
        <source>Average on both: a nudge helps.</source>
        <translation>در هر دو میانه‌اند: یک یادآوری کمک می‌کند.</translation>
    </message>
    <message>
        <source>Few orders, fading.</source>
        <translation>سفارش کم، رو به کم‌رنگی.</translation>
    </message>
    <message>
        <source>Bought the most, long ago: win them back.</source>
        <translation>بیشترین خرید، مدت‌ها پیش: برشان گردانید.</translation>
    </message>
    <message>
        <source>Bought often, long ago.</source>
        <translation>بسیار خریده‌اند، مدت‌ها پیش.</translation>
    </message>
    <message>
        <source>Few orders, long ago.</source>
        <translation>سفارش کم، مدت‌ها پیش.</translation>
    </message>
    <message>
        <source>One or two orders, longest ago.</source>
        <translation>یکی دو سفارش، از همه دیرتر.</translation>
    </message>
</context>
<context>
    <name>masir::SecretStore</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>the system keychain</source>
        <translation>جاکلیدی سیستم</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن در %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>No password or key is stored for "%1" in %2; set %3 or enter it again.</source>
        <translation>هیچ رمز عبور یا کلیدی برای «%1» در %2 ذخیره نشده است؛ %3 را تنظیم کنید یا آن را دوباره وارد کنید.</translation>
    </message>
</context>
<context>
    <name>masir::SegmentCompiler</name>
    <message>
        <source>Condition %1: %2</source>
        <translation>شرط %1: %2</translation>
    </message>
    <message>
        <source>choose a field.</source>
        <translation>یک فیلد انتخاب کنید.</translation>
    </message>
    <message>
        <source>there is no field "%1".</source>
        <translation>فیلدی به نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>%1: "%2" is not an operator for this field.</source>
        <translation>%1: «%2» عملگری برای این فیلد نیست.</translation>
    </message>
    <message>
        <source>%1: enter two values.</source>
        <translation>%1: دو مقدار وارد کنید.</translation>
    </message>
    <message>
        <source>%1: enter at least one value.</source>
        <translation>%1: دست‌کم یک مقدار وارد کنید.</translation>
    </message>
    <message>
        <source>%1: enter a value.</source>
        <translation>%1: یک مقدار وارد کنید.</translation>
    </message>
    <message>
        <source>%1: "%2" is not a number.</source>
        <translation>%1: «%2» عدد نیست.</translation>
    </message>
    <message>
        <source>%1: "%2" is not a number of days.</source>
        <translation>%1: «%2» تعداد روز نیست.</translation>
    </message>
    <message>
        <source>%1: "%2" is not a date we can read (use 2024-03-20 or ۱۴۰۳/۰۱/۰۱).</source>
        <translation>%1: «%2» تاریخی نیست که بتوانیم بخوانیم (به شکل ۱۴۰۳/۰۱/۰۱ یا 2024-03-20 بنویسید).</translation>
    </message>
    <message>
        <source>%1: "%2" is not one of its choices (%3).</source>
        <translation>%1: «%2» از گزینه‌های آن نیست (%3).</translation>
    </message>
    <message>
        <source>Tags: "%1" is not an operator for tags.</source>
        <translation>برچسب‌ها: «%1» عملگری برای برچسب‌ها نیست.</translation>
    </message>
    <message>
        <source>Tags: choose at least one tag.</source>
        <translation>برچسب‌ها: دست‌کم یک برچسب انتخاب کنید.</translation>
    </message>
    <message>
        <source>Activity: "%1" is not an operator (did or did not).</source>
        <translation>فعالیت: «%1» عملگر نیست (انجام داد یا انجام نداد).</translation>
    </message>
    <message>
        <source>Activity: choose what the contact did.</source>
        <translation>فعالیت: انتخاب کنید مخاطب چه کرده است.</translation>
    </message>
    <message>
        <source>Activity: "%1" is not an event name.</source>
        <translation>فعالیت: «%1» نام رویداد نیست.</translation>
    </message>
    <message>
        <source>Activity: the number of times must be at least 1.</source>
        <translation>فعالیت: تعداد دفعات باید دست‌کم ۱ باشد.</translation>
    </message>
    <message>
        <source>Activity: the number of days must be 0 (ever) or more.</source>
        <translation>فعالیت: تعداد روزها باید ۰ (همیشه) یا بیشتر باشد.</translation>
    </message>
    <message>
        <source>Activity filter %1: "%2" is not a property name.</source>
        <translation>صافی فعالیت %1: «%2» نام ویژگی نیست.</translation>
    </message>
    <message>
        <source>Activity filter %1: "%2" is not an operator.</source>
        <translation>صافی فعالیت %1: «%2» عملگر نیست.</translation>
    </message>
    <message>
        <source>Activity filter %1: "%2" is not a number.</source>
        <translation>صافی فعالیت %1: «%2» عدد نیست.</translation>
    </message>
    <message>
        <source>Segment: "%1" is not an operator (in or not in).</source>
        <translation>بخش: «%1» عملگر نیست (در یا نه در).</translation>
    </message>
    <message>
        <source>Segment: choose a segment.</source>
        <translation>بخش: یک بخش انتخاب کنید.</translation>
    </message>
    <message>
        <source>Segment: there is no segment "%1".</source>
        <translation>بخش: بخشی به نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>Segment: "%1" includes itself, through this condition.</source>
        <translation>بخش: «%1» از راه این شرط خودش را در بر می‌گیرد.</translation>
    </message>
    <message>
        <source>Segment: the rule of "%1" cannot be read: %2</source>
        <translation>بخش: قاعدهٔ «%1» خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>in segment "%1", condition %2: %3</source>
        <translation>در بخش «%1»، شرط %2: %3</translation>
    </message>
    <message>
        <source>the condition has no kind (field, tag, event, segment or journey).</source>
        <translation>شرط نوعی ندارد (فیلد، برچسب، رویداد، بخش یا سفر).</translation>
    </message>
    <message>
        <source>"%1" is not a kind of condition (field, tag, event, segment or journey).</source>
        <translation>«%1» نوعی از شرط نیست (فیلد، برچسب، رویداد، بخش یا سفر).</translation>
    </message>
    <message>
        <source>Journey: "%1" is not an operator (in or not in).</source>
        <translation>سفر: «%1» عملگر نیست (در یا نه در).</translation>
    </message>
    <message>
        <source>Journey: choose a journey.</source>
        <translation>سفر: یک سفر برگزینید.</translation>
    </message>
    <message>
        <source>Journey: there is no journey "%1".</source>
        <translation>سفر: سفری به نام «%1» نیست.</translation>
    </message>
</context>
<context>
    <name>masir::SegmentFields</name>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Country (code)</source>
        <translation>کشور (کد)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>جنسیت</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Email consent</source>
        <translation>رضایت ایمیل</translation>
    </message>
    <message>
        <source>SMS consent</source>
        <translation>رضایت پیامک</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ایجاد</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>آخرین تغییر</translation>
    </message>
    <message>
        <source>is</source>
        <translation>هست</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>نیست</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>شامل</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>شامل نیست</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>آغاز می‌شود با</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>پایان می‌یابد با</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>یکی از این‌هاست</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>خالی است</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>خالی نیست</translation>
    </message>
    <message>
        <source>=</source>
        <translation>=</translation>
    </message>
    <message>
        <source>≠</source>
        <translation>≠</translation>
    </message>
    <message>
        <source>&lt;</source>
        <translation>&lt;</translation>
    </message>
    <message>
        <source>≤</source>
        <translation>≤</translation>
    </message>
    <message>
        <source>&gt;</source>
        <translation>&gt;</translation>
    </message>
    <message>
        <source>≥</source>
        <translation>≥</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>بین این دو است</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>پیش از</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>پس از</translation>
    </message>
    <message>
        <source>is on</source>
        <translation>در تاریخ</translation>
    </message>
    <message>
        <source>is in the last … days</source>
        <translation>در … روز گذشته</translation>
    </message>
    <message>
        <source>is in the next … days</source>
        <translation>در … روز آینده</translation>
    </message>
    <message>
        <source>is today</source>
        <translation>امروز است</translation>
    </message>
    <message>
        <source>is this week</source>
        <translation>این هفته است</translation>
    </message>
    <message>
        <source>is this month</source>
        <translation>این ماه است</translation>
    </message>
    <message>
        <source>is this year</source>
        <translation>امسال است</translation>
    </message>
    <message>
        <source>has its anniversary this month</source>
        <translation>سالگردش این ماه است</translation>
    </message>
    <message>
        <source>has its anniversary within … days</source>
        <translation>سالگردش تا … روز دیگر است</translation>
    </message>
    <message>
        <source>is yes</source>
        <translation>بله است</translation>
    </message>
    <message>
        <source>is no</source>
        <translation>خیر است</translation>
    </message>
    <message>
        <source>has any of the tags</source>
        <translation>هر یک از برچسب‌ها را دارد</translation>
    </message>
    <message>
        <source>has all of the tags</source>
        <translation>همهٔ برچسب‌ها را دارد</translation>
    </message>
    <message>
        <source>has none of the tags</source>
        <translation>هیچ‌یک از برچسب‌ها را ندارد</translation>
    </message>
    <message>
        <source>did</source>
        <translation>انجام داد</translation>
    </message>
    <message>
        <source>did not</source>
        <translation>انجام نداد</translation>
    </message>
    <message>
        <source>is not in</source>
        <translation>در آن نیست</translation>
    </message>
    <message>
        <source>opened an email</source>
        <translation>ایمیلی را باز کرد</translation>
    </message>
    <message>
        <source>clicked a link in an email</source>
        <translation>روی پیوندی در ایمیل کلیک کرد</translation>
    </message>
    <message>
        <source>made a purchase</source>
        <translation>خرید کرد</translation>
    </message>
    <message>
        <source>submitted a form</source>
        <translation>فرمی را فرستاد</translation>
    </message>
    <message>
        <source>abandoned a cart</source>
        <translation>سبد خرید را رها کرد</translation>
    </message>
    <message>
        <source>viewed a page</source>
        <translation>صفحه‌ای را دید</translation>
    </message>
    <message>
        <source>signed up</source>
        <translation>ثبت‌نام کرد</translation>
    </message>
    <message>
        <source>was sent an email</source>
        <translation>برایش ایمیل فرستاده شد</translation>
    </message>
    <message>
        <source>was sent a text message</source>
        <translation>برایش پیامک فرستاده شد</translation>
    </message>
    <message>
        <source>unsubscribed</source>
        <translation>لغو اشتراک کرد</translation>
    </message>
    <message>
        <source>changed stage</source>
        <translation>مرحله‌اش تغییر کرد</translation>
    </message>
    <message>
        <source>was tagged</source>
        <translation>برچسب گرفت</translation>
    </message>
</context>
<context>
    <name>masir::SegmentListModel</name>
    <message>
        <source>cannot be counted</source>
        <translation>شمردنی نیست</translation>
    </message>
    <message>
        <source>List: %1
Contacts: %2</source>
        <translation>فهرست: %1
مخاطبان: %2</translation>
    </message>
    <message>
        <source>%1
Contacts: %2</source>
        <translation>%1
مخاطبان: %2</translation>
    </message>
    <message>
        <source>List: contacts added by hand or by an import</source>
        <translation>فهرست: مخاطبانی که دستی یا با ورود داده اضافه شده‌اند</translation>
    </message>
    <message>
        <source>Segment: contacts who match its rules</source>
        <translation>بخش: مخاطبانی که با قاعده‌هایش منطبق‌اند</translation>
    </message>
</context>
<context>
    <name>masir::SegmentRepository</name>
    <message>
        <source>Give the segment a name.</source>
        <translation>برای بخش نامی بگذارید.</translation>
    </message>
    <message>
        <source>There is already a segment called "%1". Choose another name.</source>
        <translation>بخشی به نام «%1» از پیش وجود دارد. نام دیگری برگزینید.</translation>
    </message>
    <message>
        <source>Cannot save the segment: %1</source>
        <translation>ذخیرهٔ بخش ممکن نیست: %1</translation>
    </message>
    <message>
        <source>The segment no longer exists.</source>
        <translation>این بخش دیگر وجود ندارد.</translation>
    </message>
    <message>
        <source>Cannot count the segment: %1</source>
        <translation>شمارش بخش ممکن نیست: %1</translation>
    </message>
    <message>
        <source>Cannot update the segment: %1</source>
        <translation>به‌روزرسانی بخش ممکن نیست: %1</translation>
    </message>
</context>
<context>
    <name>masir::SegmentRule</name>
    <message>
        <source>Condition %1: groups are nested too deeply.</source>
        <translation>شرط %1: گروه‌ها بیش از اندازه تودرتو هستند.</translation>
    </message>
    <message>
        <source>Group %1: "match" must be "all" or "any", not "%2".</source>
        <translation>گروه %1: مقدار «match» باید «all» یا «any» باشد، نه «%2».</translation>
    </message>
    <message>
        <source>(top)</source>
        <translation>(بالاترین)</translation>
    </message>
    <message>
        <source>Condition %1 is not an object.</source>
        <translation>شرط %1 یک شیء نیست.</translation>
    </message>
    <message>
        <source>This is not a segment rule: "formatVersion" is missing.</source>
        <translation>این قاعدهٔ بخش نیست: «formatVersion» ندارد.</translation>
    </message>
    <message>
        <source>This rule was saved by a newer Masir (format %1; this one reads %2). Update Masir to use it.</source>
        <translation>این قاعده با نسخهٔ تازه‌تری از مسیر ذخیره شده است (قالب %1؛ این نسخه قالب %2 را می‌خواند). برای استفاده، مسیر را به‌روز کنید.</translation>
    </message>
    <message>
        <source>This is not a segment rule: "conditions" is missing.</source>
        <translation>این قاعدهٔ بخش نیست: «conditions» ندارد.</translation>
    </message>
    <message>
        <source>The rule is not valid JSON: %1 (at byte %2).</source>
        <translation>قاعده JSON معتبر نیست: %1 (در بایت %2).</translation>
    </message>
</context>
<context>
    <name>masir::SmsChannel</name>
    <message>
        <source>%1 refused the API key or login: %2</source>
        <translation>%1 کلید API یا اطلاعات ورود را نپذیرفت: %2</translation>
    </message>
    <message>
        <source>The gateway did not accept the message: %1</source>
        <translation>درگاه پیام را نپذیرفت: %1</translation>
    </message>
</context>
<context>
    <name>masir::SmtpChannel</name>
    <message>
        <source>The server refused the login for %1: %2</source>
        <translation>سرور ورود %1 را نپذیرفت: %2</translation>
    </message>
    <message>
        <source>%1 does not offer STARTTLS; choose TLS (port 465) or check the port.</source>
        <translation>%1 از STARTTLS پشتیبانی نمی‌کند؛ TLS (پورت 465) را انتخاب کنید یا پورت را بررسی کنید.</translation>
    </message>
</context>
<context>
    <name>masir::TagRepository</name>
    <message>
        <source>A tag needs a name.</source>
        <translation>برچسب نام می‌خواهد.</translation>
    </message>
    <message>
        <source>Cannot rename the tag: %1</source>
        <translation>تغییر نام برچسب ممکن نیست: %1</translation>
    </message>
    <message>
        <source>Cannot merge the tags: %1</source>
        <translation>ادغام برچسب‌ها ممکن نیست: %1</translation>
    </message>
    <message>
        <source>Cannot delete the tag: %1</source>
        <translation>حذف برچسب ممکن نیست: %1</translation>
    </message>
</context>
<context>
    <name>masir::Tasks</name>
    <message>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    <message>
        <source>A task needs a title.</source>
        <translation>کار عنوان لازم دارد.</translation>
    </message>
    <message>
        <source>The task no longer exists.</source>
        <translation>این کار دیگر وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>masir::TemplateListModel</name>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Email: %1</source>
        <translation>ایمیل: %1</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>پیامک</translation>
    </message>
</context>
<context>
    <name>masir::TemplateRepository</name>
    <message>
        <source>A template needs a name.</source>
        <translation>قالب باید نام داشته باشد.</translation>
    </message>
    <message>
        <source>A template is for email or for SMS.</source>
        <translation>قالب باید برای ایمیل یا پیامک باشد.</translation>
    </message>
    <message>
        <source>There is already a template named "%1".</source>
        <translation>قالبی با نام «%1» از قبل وجود دارد.</translation>
    </message>
</context>
<context>
    <name>masir::TestSend</name>
    <message>
        <source>Sample</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <source>"%1" is not an email address.</source>
        <translation>«%1» نشانی ایمیل نیست.</translation>
    </message>
    <message>
        <source>[Test] %1</source>
        <translation>[آزمایشی] %1</translation>
    </message>
    <message>
        <source>Masir test email from %1</source>
        <translation>ایمیل آزمایشی مسیر از %1</translation>
    </message>
    <message>
        <source>This is a test email from Masir. Your account "%1" works.</source>
        <translation>این یک ایمیل آزمایشی از مسیر است. حساب «%1» شما درست کار می‌کند.</translation>
    </message>
    <message>
        <source>"%1" is not a phone number: %2</source>
        <translation>«%1» شمارهٔ تلفن نیست: %2</translation>
    </message>
    <message>
        <source>Masir test message: the gateway "%1" works.</source>
        <translation>پیام آزمایشی مسیر: درگاه «%1» درست کار می‌کند.</translation>
    </message>
</context>
<context>
    <name>masir::TrackingPages</name>
    <message>
        <source>this sender</source>
        <translation>این فرستنده</translation>
    </message>
    <message>
        <source>Unsubscribe</source>
        <translation>لغو اشتراک</translation>
    </message>
    <message>
        <source>Stop receiving marketing email from %1?</source>
        <translation>دریافت ایمیل‌های تبلیغاتی از %1 متوقف شود؟</translation>
    </message>
    <message>
        <source>Yes, unsubscribe me</source>
        <translation>بله، اشتراکم را لغو کنید</translation>
    </message>
    <message>
        <source>Or choose what you receive</source>
        <translation>یا انتخاب کنید چه پیام‌هایی دریافت کنید</translation>
    </message>
    <message>
        <source>You are unsubscribed</source>
        <translation>اشتراک شما لغو شد</translation>
    </message>
    <message>
        <source>%1 will not send you marketing email any more.</source>
        <translation>%1 دیگر برای شما ایمیل تبلیغاتی نمی‌فرستد.</translation>
    </message>
    <message>
        <source>Change your preferences</source>
        <translation>تغییر تنظیمات اشتراک</translation>
    </message>
    <message>
        <source>Your preferences</source>
        <translation>تنظیمات اشتراک شما</translation>
    </message>
    <message>
        <source>Your choices are saved.</source>
        <translation>انتخاب‌های شما ذخیره شد.</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <source>Marketing email from %1</source>
        <translation>ایمیل‌های تبلیغاتی %1</translation>
    </message>
    <message>
        <source>Text messages (SMS)</source>
        <translation>پیامک‌ها</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>موضوع‌ها</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Unsubscribe from everything</source>
        <translation>لغو همهٔ اشتراک‌ها</translation>
    </message>
    <message>
        <source>This link does not work</source>
        <translation>این پیوند کار نمی‌کند</translation>
    </message>
    <message>
        <source>The link may be incomplete, or too old.</source>
        <translation>ممکن است پیوند ناقص باشد یا منقضی شده باشد.</translation>
    </message>
</context>
<context>
    <name>masir::TrackingServer</name>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>گوش دادن روی %1:%2 ممکن نیست: %3</translation>
    </message>
</context>
<context>
    <name>masir::Transaction</name>
    <message>
        <source>The server rolled the transaction back: a statement in it failed.</source>
        <translation>کارساز تراکنش را برگرداند: یکی از دستورهای آن شکست خورد.</translation>
    </message>
</context>
<context>
    <name>masir::Transport</name>
    <message>
        <source>The certificate of %1 is not trusted (%2). If you trust this server, choose its certificate or CA file in the account.</source>
        <translation>گواهی %1 معتبر شناخته نمی‌شود (%2). اگر به این سرور اعتماد دارید، گواهی یا پروندهٔ CA آن را در تنظیمات حساب انتخاب کنید.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>دسترسی به %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Cannot send to "%1": not a valid address.</source>
        <translation>ارسال به «%1» ممکن نیست: نشانی معتبر نیست.</translation>
    </message>
    <message>
        <source>The connection to %1 broke after the message was handed over (%2). It may have been delivered, so it is not sent again on its own: resend or discard it.</source>
        <translation>اتصال به %1 پس از تحویل پیام قطع شد (%2). شاید پیام رسیده باشد، پس خودبه‌خود دوباره فرستاده نمی‌شود: آن را دوباره بفرستید یا کنار بگذارید.</translation>
    </message>
    <message>
        <source>Stopped before the server answered.</source>
        <translation>پیش از پاسخ سرور متوقف شد.</translation>
    </message>
</context>
<context>
    <name>masir::UnsubscribeTokens</name>
    <message>
        <source>This unsubscribe link is not valid for this workspace.</source>
        <translation>این پیوند لغو اشتراک برای این فضای کاری معتبر نیست.</translation>
    </message>
    <message>
        <source>The contact of this link no longer exists.</source>
        <translation>مخاطب این پیوند دیگر وجود ندارد.</translation>
    </message>
</context>
<context>
    <name>masir::WebhookChannel</name>
    <message>
        <source>Refused: the address resolves to %1, a private or local network. Allow private addresses on the webhook step if this is intended.</source>
        <translation>رد شد: این نشانی به %1 می‌رسد که یک شبکهٔ خصوصی یا محلی است. اگر عمدی است، نشانی‌های خصوصی را در مرحلهٔ وب‌هوک مجاز کنید.</translation>
    </message>
    <message>
        <source>the webhook</source>
        <translation>وب‌هوک</translation>
    </message>
</context>
<context>
    <name>masir::Worker</name>
    <message>
        <source>The %1 sync failed: %2</source>
        <translation>همگام‌سازی %1 انجام نشد: %2</translation>
    </message>
    <message>
        <source>%1 synced: %2 new, %3 updated contacts, %4 new deals.</source>
        <translation>%1 همگام شد: %2 مخاطب تازه، %3 به‌روز، %4 معامله‌ی تازه.</translation>
    </message>
    <message>
        <source>The server cannot be reached: %1. The worker tries again at its next cycle.</source>
        <translation>به کارساز دسترسی نیست: %1. کارگزار در دور بعدی دوباره تلاش می‌کند.</translation>
    </message>
</context>
<context>
    <name>masir::WorkerHeartbeat</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1 روی %2</translation>
    </message>
    <message>
        <source>%1 sends from this workspace</source>
        <translation>%1 از این فضای کاری می‌فرستد</translation>
    </message>
    <message>
        <source>%1 stands by, ready to send</source>
        <translation>%1 آماده‌به‌کار است و منتظر ارسال</translation>
    </message>
    <message>
        <source>%1 runs; sending is paused</source>
        <translation>%1 اجرا می‌شود؛ ارسال متوقف است</translation>
    </message>
    <message>
        <source>%1 runs journeys and does not send</source>
        <translation>%1 سفرها را اجرا می‌کند و نمی‌فرستد</translation>
    </message>
    <message>
        <source>%1 cannot send: %2</source>
        <translation>%1 نمی‌تواند بفرستد: %2</translation>
    </message>
    <message>
        <source>%1 is starting</source>
        <translation>%1 در حال آغاز است</translation>
    </message>
</context>
<context>
    <name>masir::WorkspaceAddress</name>
    <message>
        <source>The workspace address is not a valid URL. Write it as postgresql://user@server/database, with special characters in the password written as %XX.</source>
        <translation>نشانی فضای کاری نشانی اینترنتی درستی نیست. آن را به شکل ‎postgresql://user@server/database‎ بنویسید و نویسه‌های ویژهٔ گذرواژه را به شکل ‎%XX‎.</translation>
    </message>
    <message>
        <source>The address has an option PostgreSQL does not know: "%1". Remove it, or check its spelling.</source>
        <translation>نشانی گزینه‌ای دارد که PostgreSQL نمی‌شناسد: «%1». آن را بردارید یا املای آن را بررسی کنید.</translation>
    </message>
    <message>
        <source>The address names no database: add it after the server, as in postgresql://user@server/database.</source>
        <translation>نشانی هیچ پایگاه‌داده‌ای را نام نمی‌برد: آن را پس از کارساز بیفزایید، مانند ‎postgresql://user@server/database‎.</translation>
    </message>
    <message>
        <source>The address's option "%1" has a ";" in its value, which Masir cannot pass on. Remove it.</source>
        <translation>مقدار گزینهٔ «%1» در نشانی یک «;» دارد که مسیر نمی‌تواند آن را بفرستد. آن را بردارید.</translation>
    </message>
</context>
<context>
    <name>masir::WorkspaceLock</name>
    <message>
        <source>%1, pid %2</source>
        <translation>%1، pid %2</translation>
    </message>
    <message>
        <source>server process %1</source>
        <translation>فرایند کارساز %1</translation>
    </message>
    <message>
        <source>server process %1, from %2</source>
        <translation>فرایند کارساز %1، از %2</translation>
    </message>
    <message>
        <source>Masir cannot ask the server who sends from this workspace: %1</source>
        <translation>مسیر نمی‌تواند از کارساز بپرسد چه کسی از این فضای کاری ارسال می‌کند: %1</translation>
    </message>
    <message>
        <source>The sending process (server process %1) stopped answering, but this one may not end its connection: %2. Give this user the pg_signal_backend role, or end that process on its machine.</source>
        <translation>فرایند فرستنده (فرایند کارساز %1) دیگر پاسخ نمی‌دهد، اما این یکی اجازهٔ بستن اتصالش را ندارد: %2. نقش pg_signal_backend را به این کاربر بدهید، یا آن فرایند را روی رایانهٔ خودش ببندید.</translation>
    </message>
</context>
<context>
    <name>masir::WorkspacePush</name>
    <message>
        <source>Push copies a workspace file to a PostgreSQL server: give the file first, then the server's postgresql:// address.</source>
        <translation>‏push یک پروندهٔ فضای کاری را روی کارساز PostgreSQL رونوشت می‌کند: نخست پرونده و سپس نشانی ‎postgresql://‎ کارساز را بدهید.</translation>
    </message>
    <message>
        <source>The file is at schema %1 and the server's workspace at %2: open the file once with this version of Masir first.</source>
        <translation>پرونده در طرح‌وارهٔ %1 است و فضای کاری کارساز در %2: نخست پرونده را یک بار با این نسخهٔ مسیر باز کنید.</translation>
    </message>
    <message>
        <source>The server's workspace has data already; push copies into a new, empty one only. Create another database for it.</source>
        <translation>فضای کاری کارساز از پیش داده دارد؛ push فقط در فضای کاری تازه و خالی رونوشت می‌کند. پایگاه‌دادهٔ دیگری برای آن بسازید.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>masir::ui::AcquisitionCostsDialog</name>
    <message>
        <source>Acquisition Costs</source>
        <translation>هزینه‌های جذب</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>هزینه</translation>
    </message>
    <message>
        <source>as contacts have it: instagram, shop…</source>
        <translation>همان‌طور که مخاطبان دارند: instagram، shop…</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>ماه:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>منبع:</translation>
    </message>
    <message>
        <source>&amp;Cost:</source>
        <translation>هزینه:</translation>
    </message>
    <message>
        <source>&amp;Set Cost</source>
        <translation>ثبت هزینه</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>What winning customers cost per month and source (ads, stalls, fairs). A new customer's cost is the month's costs of their source over the customers it brought.</source>
        <translation>هزینه‌ی به دست آوردن مشتری در هر ماه و از هر منبع (تبلیغ، غرفه، نمایشگاه). هزینه‌ی هر مشتری تازه، هزینه‌های ماهِ منبعش تقسیم بر مشتریانی است که آورده است.</translation>
    </message>
    <message>
        <source>Cannot read the costs.</source>
        <translation>نمی‌توان هزینه‌ها را خواند.</translation>
    </message>
</context>
<context>
    <name>masir::ui::CampaignEditorDialog</name>
    <message>
        <source>%1 (list)</source>
        <translation>%1 (فهرست)</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>کارزار: %1</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>کارزار تازه</translation>
    </message>
    <message>
        <source>e.g. Thursday offer</source>
        <translation>مثلاً پیشنهاد پنجشنبه</translation>
    </message>
    <message>
        <source>%1 (email)</source>
        <translation>%1 (ایمیل)</translation>
    </message>
    <message>
        <source>%1 (SMS)</source>
        <translation>%1 (پیامک)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>قالب:</translation>
    </message>
    <message>
        <source>Send from:</source>
        <translation>ارسال از:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>زمان‌بندی</translation>
    </message>
    <message>
        <source>Save as draft</source>
        <translation>ذخیره به شکل پیش‌نویس</translation>
    </message>
    <message>
        <source>Every %1 account, in turn</source>
        <translation>همهٔ حساب‌های %1، به نوبت</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>ارسال به</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <source>Send to everyone in:</source>
        <translation>ارسال به همهٔ اعضای:</translation>
    </message>
    <message>
        <source>But not to anyone in:</source>
        <translation>اما نه به اعضای:</translation>
    </message>
    <message>
        <source>There are no segments or lists yet: make one on the Segments page.</source>
        <translation>هنوز بخش یا فهرستی نیست: در صفحهٔ بخش‌ها یکی بسازید.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>As soon as it is scheduled</source>
        <translation>بی‌درنگ پس از زمان‌بندی</translation>
    </message>
    <message>
        <source>At a date and time</source>
        <translation>در تاریخ و ساعتی معین</translation>
    </message>
    <message>
        <source>At a time of day in each contact's time zone</source>
        <translation>در ساعتی از روز به وقت هر مخاطب</translation>
    </message>
    <message>
        <source>A/B test</source>
        <translation>آزمون A/B</translation>
    </message>
    <message>
        <source> %</source>
        <translation> ٪</translation>
    </message>
    <message>
        <source>Unique opens</source>
        <translation>بازشدن‌های یکتا</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>کلیک‌ها</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> ساعت</translation>
    </message>
    <message>
        <source>Send the winner to the rest on its own</source>
        <translation>ارسال خودکار برنده به بقیه</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Subject (empty: the template's)</source>
        <translation>موضوع (خالی: موضوع قالب)</translation>
    </message>
    <message>
        <source>Sender name</source>
        <translation>نام فرستنده</translation>
    </message>
    <message>
        <source>Later by</source>
        <translation>با تأخیر</translation>
    </message>
    <message>
        <source>The campaign's</source>
        <translation>قالب کارزار</translation>
    </message>
    <message>
        <source> min</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <source>Variants:</source>
        <translation>نسخه‌ها:</translation>
    </message>
    <message>
        <source>Test on:</source>
        <translation>آزمون روی:</translation>
    </message>
    <message>
        <source>Winner by:</source>
        <translation>برنده بر پایهٔ:</translation>
    </message>
    <message>
        <source>Test for:</source>
        <translation>مدت آزمون:</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>ارسال همین حالا</translation>
    </message>
    <message>
        <source>Choose who the campaign goes to.</source>
        <translation>انتخاب کنید کارزار به چه کسانی برود.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>در حال شمارش…</translation>
    </message>
    <message>
        <source>%1 in the audience; %2 can be sent to.</source>
        <translation>%1 مخاطب؛ به %2 می‌توان فرستاد.</translation>
    </message>
    <message>
        <source>%1 without an address</source>
        <translation>%1 بدون نشانی</translation>
    </message>
    <message>
        <source>%1 unsubscribed, bounced or without consent</source>
        <translation>%1 لغو اشتراک، برگشتی یا بدون رضایت</translation>
    </message>
    <message>
        <source>%1 suppressed</source>
        <translation>%1 مسدود</translation>
    </message>
    <message>
        <source>Left out: %1.</source>
        <translation>کنار گذاشته: %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>%1 have had today's marketing emails and will get it tomorrow.</source>
        <translation>%1 نفر ایمیل‌های تبلیغاتی امروزشان را گرفته‌اند و این را فردا می‌گیرند.</translation>
    </message>
    <message>
        <source>Checking the template, the accounts and the audience…</source>
        <translation>در حال بررسی قالب، حساب‌ها و مخاطبان…</translation>
    </message>
    <message>
        <source>The campaign is saved as a draft, but it cannot start yet:</source>
        <translation>کارزار به شکل پیش‌نویس ذخیره شد، اما هنوز نمی‌تواند آغاز شود:</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to this campaign as a draft?</source>
        <translation>تغییرات این کارزار به شکل پیش‌نویس ذخیره شود؟</translation>
    </message>
    <message>
        <source>At each contact's best hour, in the 24 hours from</source>
        <translation>در بهترین ساعت هر مخاطب، در ۲۴ ساعت از</translation>
    </message>
</context>
<context>
    <name>masir::ui::CampaignsPage</name>
    <message>
        <source>Rest</source>
        <translation>بقیه</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>کارزار تازه…</translation>
    </message>
    <message>
        <source>Send an email or SMS to segments, now or later</source>
        <translation>ارسال ایمیل یا پیامک به بخش‌ها، اکنون یا بعداً</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Change a draft or scheduled campaign</source>
        <translation>تغییر کارزار پیش‌نویس یا زمان‌بندی‌شده</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Copy the campaign as a new draft</source>
        <translation>رونوشت کارزار به شکل پیش‌نویس تازه</translation>
    </message>
    <message>
        <source>Send test…</source>
        <translation>ارسال آزمایشی…</translation>
    </message>
    <message>
        <source>Send the campaign's message to an address of yours</source>
        <translation>ارسال پیام کارزار به یکی از نشانی‌های خودتان</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Hold the messages that have not gone out</source>
        <translation>نگه داشتن پیام‌هایی که هنوز نرفته‌اند</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Send the held messages</source>
        <translation>ارسال پیام‌های نگه‌داشته</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>لغو کارزار</translation>
    </message>
    <message>
        <source>Stop it for good: what has not gone out is cancelled</source>
        <translation>توقف برای همیشه: آنچه نرفته لغو می‌شود</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Delete a campaign that is not sending</source>
        <translation>حذف کارزاری که در حال ارسال نیست</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Read the campaigns again</source>
        <translation>خواندن دوبارهٔ کارزارها</translation>
    </message>
    <message>
        <source>Paused: its messages wait until you resume it.</source>
        <translation>متوقف شد: پیام‌هایش تا ادامهٔ آن منتظر می‌مانند.</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>ادامه یافت.</translation>
    </message>
    <message>
        <source>Cancel this campaign? Messages that have not gone out will not be sent, and it cannot be resumed.</source>
        <translation>این کارزار لغو شود؟ پیام‌هایی که نرفته‌اند ارسال نمی‌شوند و ادامه دادن آن ممکن نیست.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>لغو شد.</translation>
    </message>
    <message>
        <source>Delete campaign</source>
        <translation>حذف کارزار</translation>
    </message>
    <message>
        <source>Delete this campaign and its report? The messages it sent stay in the outbox.</source>
        <translation>این کارزار و گزارشش حذف شود؟ پیام‌هایی که فرستاده در صندوق ارسال می‌مانند.</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>حذف شد.</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>کارزارها</translation>
    </message>
    <message>
        <source>No campaigns yet</source>
        <translation>هنوز کارزاری نیست</translation>
    </message>
    <message>
        <source>A campaign sends one email or SMS to the segments and lists you choose, now or at a time you set, with an A/B test if you like. Its report shows who opened, clicked and bought.</source>
        <translation>کارزار یک ایمیل یا پیامک را به بخش‌ها و فهرست‌هایی که انتخاب می‌کنید می‌فرستد، همین حالا یا در زمانی که تعیین می‌کنید، و اگر بخواهید با آزمون A/B. گزارش آن نشان می‌دهد چه کسانی باز کردند، کلیک کردند و خرید کردند.</translation>
    </message>
    <message>
        <source>Campaign "%1" is scheduled.</source>
        <translation>کارزار «%1» زمان‌بندی شد.</translation>
    </message>
    <message>
        <source>Campaign "%1" is saved as a draft.</source>
        <translation>کارزار «%1» به شکل پیش‌نویس ذخیره شد.</translation>
    </message>
    <message>
        <source>Choose the winner</source>
        <translation>انتخاب برنده</translation>
    </message>
    <message>
        <source>Send variant %1 to the rest of the audience?</source>
        <translation>نسخهٔ %1 به بقیهٔ مخاطبان ارسال شود؟</translation>
    </message>
    <message>
        <source>There is no template named "%1".</source>
        <translation>قالبی با نام «%1» وجود ندارد.</translation>
    </message>
    <message>
        <source>The report could not be read: %1</source>
        <translation>گزارش خوانده نشد: %1</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <source>Not sent (failed, suppressed or interrupted)</source>
        <translation>ارسال‌نشده (ناموفق، مسدود یا قطع‌شده)</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>برگشتی</translation>
    </message>
    <message>
        <source>Opened (people)</source>
        <translation>باز کردند (انسان)</translation>
    </message>
    <message>
        <source>Opens by machines</source>
        <translation>بازشدن از سوی ماشین‌ها</translation>
    </message>
    <message>
        <source>Clicked (people)</source>
        <translation>کلیک کردند (انسان)</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>لغو اشتراک</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>شکایت کرده</translation>
    </message>
    <message>
        <source>Purchases afterwards</source>
        <translation>خریدهای پس از آن</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source>A/B test:</source>
        <translation>آزمون A/B:</translation>
    </message>
    <message>
        <source>Send to the rest:</source>
        <translation>ارسال به بقیه:</translation>
    </message>
    <message>
        <source>variant %1</source>
        <translation>نسخهٔ %1</translation>
    </message>
    <message>
        <source>Purchases count for the campaign when its message was the last marketing message before them, within %1 days.</source>
        <translation>خریدی به نام کارزار شمرده می‌شود که پیام آن، در %1 روز پیش از خرید، آخرین پیام تبلیغاتی بوده باشد.</translation>
    </message>
    <message>
        <source>Full Report</source>
        <translation>گزارش کامل</translation>
    </message>
    <message>
        <source>The campaign's report with its charts, click map and hours, to print or export</source>
        <translation>گزارش کارزار با نمودارها، نقشه‌ی کلیک و ساعت‌ها، برای چاپ یا برون‌بری</translation>
    </message>
</context>
<context>
    <name>masir::ui::ChannelAccountDialog</name>
    <message>
        <source>Edit Account</source>
        <translation>ویرایش حساب</translation>
    </message>
    <message>
        <source>Add SMTP Account</source>
        <translation>افزودن حساب SMTP</translation>
    </message>
    <message>
        <source>Add SMS Gateway</source>
        <translation>افزودن درگاه پیامک</translation>
    </message>
    <message>
        <source>e.g. Newsletter (Gmail)</source>
        <translation>مثلاً خبرنامه (Gmail)</translation>
    </message>
    <message>
        <source>e.g. Kavenegar</source>
        <translation>مثلاً کاوه‌نگار</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>سرور:</translation>
    </message>
    <message>
        <source>STARTTLS (587)</source>
        <translation>STARTTLS (587)</translation>
    </message>
    <message>
        <source>TLS (465)</source>
        <translation>TLS (465)</translation>
    </message>
    <message>
        <source>None (not recommended)</source>
        <translation>بدون رمزنگاری (توصیه نمی‌شود)</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>امنیت:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>پورت:</translation>
    </message>
    <message>
        <source>Usually your email address; empty when the server needs no login</source>
        <translation>معمولاً نشانی ایمیل شما؛ اگر سرور به ورود نیاز ندارد، خالی بگذارید</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation>برای نگه‌داشتن مقدار ذخیره‌شده، خالی بگذارید</translation>
    </message>
    <message>
        <source>The password or an app password</source>
        <translation>رمز عبور یا رمز مخصوص برنامه</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>رمز عبور:</translation>
    </message>
    <message>
        <source>Shop &lt;news@shop.example&gt;</source>
        <translation>فروشگاه &lt;news@shop.example&gt;</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>فرستنده:</translation>
    </message>
    <message>
        <source>Optional: where replies go</source>
        <translation>اختیاری: پاسخ‌ها به کجا بروند</translation>
    </message>
    <message>
        <source>&amp;Reply to:</source>
        <translation>پاسخ به:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>خودکار</translation>
    </message>
    <message>
        <source>XOAUTH2 (an access token as the password)</source>
        <translation>XOAUTH2 (توکن دسترسی به‌جای رمز عبور)</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>روش ورود:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Server Certificate or CA File</source>
        <translation>گواهی سرور یا پروندهٔ CA</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>گواهی‌ها (*.pem *.crt *.cer);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>پروندهٔ CA:</translation>
    </message>
    <message>
        <source>Choose the server's certificate or CA file if it is not trusted by the system</source>
        <translation>اگر سیستم به گواهی سرور اعتماد ندارد، گواهی یا پروندهٔ CA آن را انتخاب کنید</translation>
    </message>
    <message>
        <source>&amp;Provider:</source>
        <translation>سرویس‌دهنده:</translation>
    </message>
    <message>
        <source>{secret}, {username} and {sender} in the address are filled in.</source>
        <translation>{secret}، {username} و {sender} در نشانی جایگذاری می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>نشانی وب:</translation>
    </message>
    <message>
        <source>The number or name the gateway gave you</source>
        <translation>شماره یا نامی که درگاه به شما داده است</translation>
    </message>
    <message>
        <source>&amp;Sender:</source>
        <translation>فرستنده:</translation>
    </message>
    <message>
        <source>Only when the gateway asks for one (Twilio: the Account SID)</source>
        <translation>فقط اگر درگاه آن را بخواهد (Twilio: همان Account SID)</translation>
    </message>
    <message>
        <source>The API key, token or password</source>
        <translation>کلید API، توکن یا رمز عبور</translation>
    </message>
    <message>
        <source>API &amp;key or secret:</source>
        <translation>کلید API یا رمز:</translation>
    </message>
    <message>
        <source>+98… (international with +)</source>
        <translation>+98… (بین‌المللی با +)</translation>
    </message>
    <message>
        <source>98… (international without +)</source>
        <translation>98… (بین‌المللی بدون +)</translation>
    </message>
    <message>
        <source>09… (national)</source>
        <translation>09… (داخلی)</translation>
    </message>
    <message>
        <source>&amp;Number format:</source>
        <translation>قالب شماره:</translation>
    </message>
    <message>
        <source>Request &amp;definition</source>
        <translation>تعریف درخواست</translation>
    </message>
    <message>
        <source>Request definition (JSON)</source>
        <translation>تعریف درخواست (JSON)</translation>
    </message>
    <message>
        <source>How the request is made: method, authentication, body and its fields, and how success is read from the reply. {to}, {text}, {sender}, {username} and {secret} are filled in.</source>
        <translation>درخواست چگونه فرستاده می‌شود: روش، احراز هویت، بدنه و فیلدهای آن، و اینکه موفقیت چگونه از پاسخ خوانده شود. {to}، {text}، {sender}، {username} و {secret} جایگذاری می‌شوند.</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>سفارشی</translation>
    </message>
    <message>
        <source>Sending &amp;limits:</source>
        <translation>سقف ارسال:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بدون سقف</translation>
    </message>
    <message>
        <source>At most per s&amp;econd:</source>
        <translation>حداکثر در ثانیه:</translation>
    </message>
    <message>
        <source>At most per &amp;hour:</source>
        <translation>حداکثر در ساعت:</translation>
    </message>
    <message>
        <source>At most per &amp;day:</source>
        <translation>حداکثر در روز:</translation>
    </message>
    <message>
        <source>How many messages go out at the same time through this account</source>
        <translation>چند پیام هم‌زمان از طریق این حساب فرستاده شود</translation>
    </message>
    <message>
        <source>Parallel c&amp;onnections:</source>
        <translation>اتصال‌های موازی:</translation>
    </message>
    <message>
        <source>En&amp;abled: send through this account</source>
        <translation>فعال: ارسال از طریق این حساب</translation>
    </message>
    <message>
        <source>The request definition is not valid JSON: %1 (at character %2).</source>
        <translation>تعریف درخواست JSON معتبری نیست: %1 (در نویسهٔ %2).</translation>
    </message>
    <message>
        <source>The request definition must be a JSON object: { … }.</source>
        <translation>تعریف درخواست باید یک شیء JSON باشد: { … }.</translation>
    </message>
    <message>
        <source>Enter the password.</source>
        <translation>گذرواژه را وارد کنید.</translation>
    </message>
    <message>
        <source>Enter the API key or password.</source>
        <translation>کلید API یا گذرواژه را وارد کنید.</translation>
    </message>
    <message>
        <source>The account was saved, but its password or API key could not be stored: %1</source>
        <translation>حساب ذخیره شد، اما گذرواژه یا کلید API آن نگهداری نشد: %1</translation>
    </message>
    <message>
        <source>Read &amp;returned mail from a mailbox (IMAP)</source>
        <translation>خواندن نامه‌های برگشتی از صندوق نامه (IMAP)</translation>
    </message>
    <message>
        <source>Bounces that come back later, spam complaints and unsubscribe requests arrive there; Masir reads them every few minutes and leaves people's own mail unread.</source>
        <translation>برگشتی‌هایی که دیرتر می‌آیند، شکایت‌های هرزنامه و درخواست‌های لغو اشتراک آنجا می‌رسند؛ مسیر هر چند دقیقه آن‌ها را می‌خواند و نامه‌های خود افراد را خوانده‌نشده می‌گذارد.</translation>
    </message>
    <message>
        <source>Mailbo&amp;x:</source>
        <translation>صندوق نامه:</translation>
    </message>
    <message>
        <source>Usually the From address</source>
        <translation>معمولاً نشانی فرستنده</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>The mailbox's password or app password</source>
        <translation>گذرواژهٔ صندوق نامه یا گذرواژهٔ برنامه</translation>
    </message>
    <message>
        <source>Passwor&amp;d:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>The CA file above is trusted for the mailbox too.</source>
        <translation>پروندهٔ CA بالا برای صندوق نامه هم مورد اعتماد است.</translation>
    </message>
    <message>
        <source>Enter the mailbox's password.</source>
        <translation>گذرواژهٔ صندوق نامه را وارد کنید.</translation>
    </message>
    <message>
        <source>The account was saved, but the mailbox's password could not be stored: %1</source>
        <translation>حساب ذخیره شد، اما گذرواژهٔ صندوق نامه ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>masir::ui::ChannelsDialog</name>
    <message>
        <source>Passwords and API keys are kept in %1, never in the workspace file.</source>
        <translation>گذرواژه‌ها و کلیدهای API در %1 نگهداری می‌شوند، هرگز در پروندهٔ فضای کاری.</translation>
    </message>
    <message>
        <source>%1 a second</source>
        <translation>%1 در ثانیه</translation>
    </message>
    <message>
        <source>%1 an hour</source>
        <translation>%1 در ساعت</translation>
    </message>
    <message>
        <source>%1 a day</source>
        <translation>%1 در روز</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>بدون سقف</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>کانال‌ها</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>فرستنده</translation>
    </message>
    <message>
        <source>Your shop or company, as your contacts know it</source>
        <translation>فروشگاه یا شرکت شما، با همان نامی که مخاطبانتان می‌شناسند</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>نام کسب‌وکار:</translation>
    </message>
    <message>
        <source>Postal address</source>
        <translation>نشانی پستی</translation>
    </message>
    <message>
        <source>Required in marketing email</source>
        <translation>در ایمیل تبلیغاتی الزامی است</translation>
    </message>
    <message>
        <source>&amp;Postal address:</source>
        <translation>نشانی پستی:</translation>
    </message>
    <message>
        <source>{token} is replaced by the contact's signed token; without it, ?t= and the token are added at the end.</source>
        <translation>{token} با توکن امضاشدهٔ مخاطب جایگزین می‌شود؛ اگر نباشد، ?t= و توکن به انتهای نشانی افزوده می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Unsubscribe page:</source>
        <translation>صفحهٔ لغو اشتراک:</translation>
    </message>
    <message>
        <source>Mail clients offer to send an "unsubscribe" email to this address.</source>
        <translation>برنامه‌های ایمیل پیشنهاد می‌دهند ایمیل «لغو اشتراک» به این نشانی فرستاده شود.</translation>
    </message>
    <message>
        <source>Unsubscribe &amp;address:</source>
        <translation>نشانی لغو اشتراک:</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>بدون سقف</translation>
    </message>
    <message>
        <source>At most this many marketing emails reach one contact in a day; 0 is no cap.</source>
        <translation>حداکثر این تعداد ایمیل تبلیغاتی در روز به یک مخاطب می‌رسد؛ ۰ یعنی بدون سقف.</translation>
    </message>
    <message>
        <source>Marketing emails per contact per &amp;day:</source>
        <translation>ایمیل تبلیغاتی برای هر مخاطب در روز:</translation>
    </message>
    <message>
        <source>A message that fails for a passing reason (a busy server, no network) is tried again later, up to this many times.</source>
        <translation>پیامی که به دلیلی گذرا (سرور شلوغ، نبود شبکه) ناموفق شود، بعداً دوباره تلاش می‌شود، حداکثر همین تعداد بار.</translation>
    </message>
    <message>
        <source>&amp;Attempts before a message fails:</source>
        <translation>تعداد تلاش پیش از ناموفق شدن پیام:</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>حساب‌ها</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Server or gateway</source>
        <translation>سرور یا درگاه</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>سقف‌ها</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Add &amp;SMTP…</source>
        <translation>افزودن SMTP…</translation>
    </message>
    <message>
        <source>An email account your messages go out through</source>
        <translation>حساب ایمیلی که پیام‌هایتان از طریق آن فرستاده می‌شوند</translation>
    </message>
    <message>
        <source>Add SM&amp;S…</source>
        <translation>افزودن پیامک…</translation>
    </message>
    <message>
        <source>A text message gateway: Kavenegar, Melipayamak, Twilio and others</source>
        <translation>درگاه پیامک: کاوه‌نگار، ملی‌پیامک، Twilio و دیگران</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>&amp;Test…</source>
        <translation>آزمایش…</translation>
    </message>
    <message>
        <source>Send one test message through the selected account and see the server's reply</source>
        <translation>یک پیام آزمایشی از طریق حساب برگزیده بفرستید و پاسخ سرور را ببینید</translation>
    </message>
    <message>
        <source>Sending the test</source>
        <translation>در حال ارسال آزمایشی</translation>
    </message>
    <message>
        <source>The sender settings could not be saved in the workspace.</source>
        <translation>تنظیمات فرستنده در فضای کاری ذخیره نشد.</translation>
    </message>
    <message>
        <source>Marketing email must show your postal address.</source>
        <translation>ایمیل تبلیغاتی باید نشانی پستی شما را نشان دهد.</translation>
    </message>
    <message>
        <source>Marketing email needs an unsubscribe page or address.</source>
        <translation>ایمیل تبلیغاتی به صفحه یا نشانی لغو اشتراک نیاز دارد.</translation>
    </message>
    <message>
        <source>The unsubscribe page must be a web address that starts with https://.</source>
        <translation>صفحهٔ لغو اشتراک باید نشانی وبی باشد که با https:// آغاز می‌شود.</translation>
    </message>
    <message>
        <source>The unsubscribe address must be an email address.</source>
        <translation>نشانی لغو اشتراک باید یک نشانی ایمیل باشد.</translation>
    </message>
    <message>
        <source>Email (SMTP)</source>
        <translation>ایمیل (SMTP)</translation>
    </message>
    <message>
        <source>SMS: %1</source>
        <translation>پیامک: %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>حذف حساب</translation>
    </message>
    <message>
        <source>Remove "%1"? Its stored password or API key is deleted too. Messages in the outbox wait until an account can send them.</source>
        <translation>«%1» حذف شود؟ گذرواژه یا کلید API ذخیره‌شدهٔ آن هم پاک می‌شود. پیام‌های صندوق خروجی منتظر می‌مانند تا حسابی بتواند آن‌ها را بفرستد.</translation>
    </message>
    <message>
        <source>Cannot remove the account</source>
        <translation>حذف حساب ممکن نیست</translation>
    </message>
    <message>
        <source>&amp;Quiet hours, in each contact's time zone: from</source>
        <translation>ساعت‌های سکوت، به وقت محلی هر مخاطب: از</translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation>آغاز ساعت‌های سکوت</translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation>پایان ساعت‌های سکوت</translation>
    </message>
    <message>
        <source>Marketing email and SMS wait until the quiet hours end; receipts and other transactional messages still go out.</source>
        <translation>ایمیل‌ها و پیامک‌های تبلیغاتی تا پایان ساعت‌های سکوت صبر می‌کنند؛ رسیدها و دیگر پیام‌های تراکنشی همچنان ارسال می‌شوند.</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>%1 · reads its mailbox</source>
        <translation>%1 · صندوق نامه‌اش را می‌خواند</translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactCommands</name>
    <message>
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>ویرایش %1</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation>
            <numerusform>حذف %Ln مخاطب</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactDetailPane</name>
    <message>
        <source>Select a contact to see their details and timeline.</source>
        <translation>مخاطبی را برگزینید تا جزئیات و خط زمانی‌اش را ببینید.</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Edit this contact (Enter)</source>
        <translation>ویرایش این مخاطب (Enter)</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>خط زمانی</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts selected.</source>
        <translation>
            <numerusform>%Ln مخاطب برگزیده شده است.</numerusform>
        </translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>شرکت</translation>
    </message>
    <message>
        <source>City</source>
        <translation>شهر</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>کشور</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>تاریخ تولد</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <source>No tags</source>
        <translation>بدون برچسب</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>consent time, consent source</comment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Best time to send</source>
        <translation>بهترین زمان ارسال</translation>
    </message>
    <message>
        <source>%1 (their time)</source>
        <translation>%1 (به وقت خودش)</translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation>حریم خصوصی</translation>
    </message>
    <message>
        <source>Export or erase this person's data (GDPR)</source>
        <translation>خروجی یا پاک کردن داده‌های این شخص (GDPR)</translation>
    </message>
    <message>
        <source>Show only one kind of entry</source>
        <translation>فقط یک نوع رویداد را نشان بده</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>سررسید %1</translation>
    </message>
    <message>
        <source>No tasks. Add one with Add Task.</source>
        <translation>کاری نیست. با «افزودن کار» یکی بیفزایید.</translation>
    </message>
    <message>
        <source>Tasks (%1)</source>
        <translation>کارها (%1)</translation>
    </message>
    <message>
        <source>No deals. Open one with New Deal.</source>
        <translation>معامله‌ای نیست. با «معامله‌ی تازه» یکی باز کنید.</translation>
    </message>
    <message>
        <source>Deals (%1)</source>
        <translation>معامله‌ها (%1)</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>افزودن یادداشت…</translation>
    </message>
    <message>
        <source>Add &amp;Task…</source>
        <translation>افزودن کار…</translation>
    </message>
    <message>
        <source>New &amp;Deal…</source>
        <translation>معامله‌ی تازه…</translation>
    </message>
    <message>
        <source>Log a &amp;Purchase…</source>
        <translation>ثبت خرید…</translation>
    </message>
    <message>
        <source>E&amp;xport Personal Data…</source>
        <translation>خروجی داده‌های شخصی…</translation>
    </message>
    <message>
        <source>E&amp;rase This Person…</source>
        <translation>پاک کردن این شخص…</translation>
    </message>
    <message>
        <source>The note could not be saved: %1</source>
        <translation>یادداشت ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Note added.</source>
        <translation>یادداشت افزوده شد.</translation>
    </message>
    <message>
        <source>Add Note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <source>Note about %1:</source>
        <translation>یادداشت درباره‌ی %1:</translation>
    </message>
    <message>
        <source>The task could not be saved: %1</source>
        <translation>کار ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>The purchase could not be saved: %1</source>
        <translation>خرید ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Purchase logged.</source>
        <translation>خرید ثبت شد.</translation>
    </message>
    <message>
        <source>Export Personal Data</source>
        <translation>خروجی داده‌های شخصی</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>در %1 ذخیره شد.</translation>
    </message>
    <message>
        <source>personal-data.html</source>
        <translation>personal-data.html</translation>
    </message>
    <message>
        <source>Readable page (*.html);;JSON for another service (*.json)</source>
        <translation>صفحه‌ی خواندنی (*.html);;JSON برای سرویسی دیگر (*.json)</translation>
    </message>
    <message>
        <source>Erase This Person</source>
        <translation>پاک کردن این شخص</translation>
    </message>
    <message>
        <source>Erase %1 everywhere, for good? Their details, history, notes, tasks and deals, the copies of messages sent to them and their opens and clicks are deleted. Only a hash of their address is kept, so that nothing is sent to them again. This cannot be undone.</source>
        <translation>%1 برای همیشه از همه‌جا پاک شود؟ مشخصات، تاریخچه، یادداشت‌ها، کارها و معامله‌هایش، رونوشت پیام‌هایی که برایش فرستاده شده و بازکردن‌ها و کلیک‌هایش حذف می‌شوند. فقط درهم‌سازی (هش) نشانی‌اش نگه داشته می‌شود تا دیگر چیزی برایش فرستاده نشود. این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <source>Nothing was erased: %1</source>
        <translation>چیزی پاک نشد: %1</translation>
    </message>
    <message>
        <source>%1 was erased.</source>
        <translation>%1 پاک شد.</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>ویرایش یادداشت…</translation>
    </message>
    <message>
        <source>Delete Note</source>
        <translation>حذف یادداشت</translation>
    </message>
    <message>
        <source>Delete this note?</source>
        <translation>این یادداشت حذف شود؟</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>ویرایش یادداشت</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>منطقهٔ زمانی</translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactEditorDialog</name>
    <message>
        <source>New contact</source>
        <translation>مخاطب تازه</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>ویرایش %1</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>+98 912 345 6789 or 0912 345 6789</source>
        <translation>+98 912 345 6789 یا 0912 345 6789</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>نام خانوادگی:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>ایمیل:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>تلفن:</translation>
    </message>
    <message>
        <source>Birthday known</source>
        <translation>تاریخ تولد معلوم است</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>تاریخ تولد:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>جنسیت:</translation>
    </message>
    <message>
        <source>Company and place</source>
        <translation>شرکت و مکان</translation>
    </message>
    <message>
        <source>IR, PL, MY, US…</source>
        <translation>IR، PL، MY، US…</translation>
    </message>
    <message>
        <source>fa, en, pl, ms…</source>
        <translation>fa، en، pl، ms…</translation>
    </message>
    <message>
        <source>Asia/Tehran</source>
        <translation>Asia/Tehran</translation>
    </message>
    <message>
        <source>C&amp;ompany:</source>
        <translation>شرکت:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>شهر:</translation>
    </message>
    <message>
        <source>Cou&amp;ntry:</source>
        <translation>کشور:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>منطقهٔ زمانی:</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>بازاریابی</translation>
    </message>
    <message>
        <source>vip, newsletter</source>
        <translation>vip، خبرنامه</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>مرحله:</translation>
    </message>
    <message>
        <source>Sco&amp;re:</source>
        <translation>امتیاز:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Sou&amp;rce:</source>
        <translation>منبع:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>مسئول:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>برچسب‌ها:</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <source>Where it was given, e.g. shop counter</source>
        <translation>کجا داده شد، مثلاً پیشخوان فروشگاه</translation>
    </message>
    <message>
        <source>Email consent:</source>
        <translation>رضایت ایمیل:</translation>
    </message>
    <message>
        <source>Email consent source:</source>
        <translation>منبع رضایت ایمیل:</translation>
    </message>
    <message>
        <source>SMS consent:</source>
        <translation>رضایت پیامک:</translation>
    </message>
    <message>
        <source>SMS consent source:</source>
        <translation>منبع رضایت پیامک:</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>فیلدهای سفارشی</translation>
    </message>
    <message>
        <source>%1 known</source>
        <translation>%1 معلوم است</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>تعیین نشده</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to this contact?</source>
        <translation>تغییرات این مخاطب ذخیره شود؟</translation>
    </message>
    <message>
        <source>Save the changes to "%1"?</source>
        <translation>تغییرات «%1» ذخیره شود؟</translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactsPage</name>
    <message>
        <source>&amp;New Contact…</source>
        <translation>مخاطب تازه…</translation>
    </message>
    <message>
        <source>Add a contact (%1)</source>
        <translation>افزودن مخاطب (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation>ویرایش مخاطب…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>جستجو…</translation>
    </message>
    <message>
        <source>&amp;Export Contacts as CSV…</source>
        <translation>برون‌بری مخاطبان به CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Search name, email or phone (Ctrl+F)</source>
        <translation>جستجوی نام، ایمیل یا تلفن (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>جستجوی مخاطبان</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>This column cannot be sorted. Sort by name, company, score or date created.</source>
        <translation>این ستون مرتب‌شدنی نیست. بر پایهٔ نام، شرکت، امتیاز یا تاریخ ایجاد مرتب کنید.</translation>
    </message>
    <message>
        <source>Contact not found</source>
        <translation>مخاطب پیدا نشد</translation>
    </message>
    <message>
        <source>This contact no longer exists; it may have been deleted.</source>
        <translation>این مخاطب دیگر وجود ندارد؛ شاید حذف شده باشد.</translation>
    </message>
    <message>
        <source>Contact saved.</source>
        <translation>مخاطب ذخیره شد.</translation>
    </message>
    <message>
        <source>Contact added.</source>
        <translation>مخاطب افزوده شد.</translation>
    </message>
    <message>
        <source>Too many contacts selected</source>
        <translation>مخاطبان بسیاری برگزیده شده‌اند</translation>
    </message>
    <message>
        <source>Select at most %1 contacts to delete at once.</source>
        <translation>برای حذف یکجا حداکثر %1 مخاطب برگزینید.</translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>حذف مخاطبان</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s) with their tags and timelines? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>%Ln مخاطب همراه با برچسب‌ها و خط زمانی‌شان حذف شوند؟ با Ctrl+Z می‌توانید آن را برگردانید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete failed</source>
        <translation>حذف ناموفق بود</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>%Ln مخاطب حذف شد. برای برگرداندن Ctrl+Z را بزنید.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Contacts</source>
        <translation>برون‌بری مخاطبان</translation>
    </message>
    <message>
        <source>contacts.csv</source>
        <translation>مخاطبان.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Exporting contacts…</source>
        <translation>در حال برون‌بری مخاطبان…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>برون‌بری ناموفق بود</translation>
    </message>
    <message>
        <source>Exported contacts to %1.</source>
        <translation>مخاطبان در %1 برون‌بری شدند.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>در حال جستجو…</translation>
    </message>
    <message>
        <source>&amp;Import Contacts…</source>
        <translation>درون‌بری مخاطبان…</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file (Ctrl+I), or drop the file on the list</source>
        <translation>درون‌بری مخاطبان از یک پروندهٔ CSV (Ctrl+I)، یا پرونده را روی فهرست رها کنید</translation>
    </message>
    <message>
        <source>Add to &amp;List…</source>
        <translation>افزودن به فهرست…</translation>
    </message>
    <message>
        <source>Put the selected contacts in a list (Ctrl+L)</source>
        <translation>مخاطبان انتخاب‌شده را در یک فهرست بگذارید (Ctrl+L)</translation>
    </message>
    <message>
        <source>Manage &amp;Tags…</source>
        <translation>مدیریت برچسب‌ها…</translation>
    </message>
    <message>
        <source>Rename, merge and delete tags</source>
        <translation>تغییر نام، ادغام و حذف برچسب‌ها</translation>
    </message>
    <message>
        <source>Show segment</source>
        <translation>نمایش بخش</translation>
    </message>
    <message>
        <source>Show only the contacts of a segment or list</source>
        <translation>فقط مخاطبان یک بخش یا فهرست را نشان بده</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>همهٔ مخاطبان</translation>
    </message>
    <message>
        <source>List: %1</source>
        <translation>فهرست: %1</translation>
    </message>
    <message>
        <source>Select the contacts to add first.</source>
        <translation>اول مخاطبانی را که می‌خواهید اضافه کنید انتخاب کنید.</translation>
    </message>
    <message>
        <source>Add to List</source>
        <translation>افزودن به فهرست</translation>
    </message>
    <message numerus="yes">
        <source>Add %n selected contact(s) to the list (pick one, or type a new name):</source>
        <translation>
            <numerusform>%n مخاطب انتخاب‌شده را به فهرست اضافه کنید (یکی را برگزینید یا نام تازه‌ای بنویسید):</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot add to the list</source>
        <translation>افزودن به فهرست ممکن نیست</translation>
    </message>
    <message>
        <source>"%1" is a segment built from rules, not a list. Choose another name.</source>
        <translation>«%1» بخشی است که از قاعده‌ها ساخته شده، نه فهرست. نام دیگری برگزینید.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n contact(s) to "%1".</source>
        <translation>
            <numerusform>%n مخاطب به «%1» اضافه شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add to &amp;Journey…</source>
        <translation>افزودن به سفر…</translation>
    </message>
    <message>
        <source>Start a journey for the selected contacts</source>
        <translation>شروع یک سفر برای مخاطبان انتخاب‌شده</translation>
    </message>
    <message>
        <source>Add to Journey</source>
        <translation>افزودن به سفر</translation>
    </message>
    <message>
        <source>No journey is running. Start one on the Journeys page first.</source>
        <translation>هیچ سفری در جریان نیست. اول در صفحه‌ی سفرها یکی را شروع کنید.</translation>
    </message>
    <message numerus="yes">
        <source>Start this journey for %n selected contact(s):</source>
        <translation>
            <numerusform>این سفر برای %Ln مخاطب انتخاب‌شده شروع شود:</numerusform>
        </translation>
    </message>
    <message>
        <source>The contacts could not be added: %1</source>
        <translation>مخاطبان افزوده نشدند: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered the journey; the others were in it already or may not enter it again.</source>
        <translation>
            <numerusform>%Ln مخاطب وارد سفر شد؛ بقیه از پیش در آن بودند یا اجازه‌ی ورود دوباره ندارند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered the journey.</source>
        <translation>
            <numerusform>%Ln مخاطب وارد سفر شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>درون‌بری‌شده از %1</translation>
    </message>
    <message>
        <source>No contact matches "%1".</source>
        <translation>هیچ مخاطبی با «%1» جور نیست.</translation>
    </message>
    <message>
        <source>No contacts here yet.</source>
        <translation>هنوز مخاطبی اینجا نیست.</translation>
    </message>
    <message>
        <source>No contacts yet. Import them from a spreadsheet, your shop or your CRM, or add one by hand.</source>
        <translation>هنوز مخاطبی نیست. آن‌ها را از یک صفحه‌گسترده، فروشگاهتان یا CRM درون‌بری کنید، یا یکی را خودتان بیفزایید.</translation>
    </message>
</context>
<context>
    <name>masir::ui::CrmDialog</name>
    <message>
        <source>CRM Sync</source>
        <translation>همگام‌سازی CRM</translation>
    </message>
    <message>
        <source>Contacts and deals come from your CRM in the background, through the same matching as a CSV import: people already here are updated by email or phone, not added twice.</source>
        <translation>مخاطبان و معامله‌ها در پس‌زمینه از CRM شما می‌آیند، با همان تطبیق ورود CSV: کسانی که از پیش اینجا هستند با ایمیل یا تلفن به‌روز می‌شوند، نه دوباره افزوده.</translation>
    </message>
    <message>
        <source>&amp;CRM:</source>
        <translation>CRM:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>توکن:</translation>
    </message>
    <message>
        <source>API &amp;address:</source>
        <translation>نشانی API:</translation>
    </message>
    <message>
        <source> h</source>
        <translation> ساعت</translation>
    </message>
    <message>
        <source>Only when I ask</source>
        <translation>فقط به درخواست من</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>همگام‌سازی هر:</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>همگام‌سازی اکنون</translation>
    </message>
    <message>
        <source>Sync &amp;Everything</source>
        <translation>همگام‌سازی همه</translation>
    </message>
    <message>
        <source>Read every contact and deal again, not only what changed</source>
        <translation>همه‌ی مخاطبان و معامله‌ها را دوباره بخوان، نه فقط تغییرها را</translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation>لغو همگام‌سازی</translation>
    </message>
    <message>
        <source>Stopping after this page; the next sync goes on from here.</source>
        <translation>پس از این صفحه می‌ایستد؛ همگام‌سازی بعدی از همین‌جا ادامه می‌دهد.</translation>
    </message>
    <message>
        <source>kept in the keychain; type a new one to replace it</source>
        <translation>در جاکلیدی نگه داشته شده؛ برای جایگزینی، تازه‌اش را بنویسید</translation>
    </message>
    <message>
        <source>a private app's access token</source>
        <translation>توکن دسترسی یک اپ خصوصی</translation>
    </message>
    <message>
        <source>your API token (Personal preferences → API)</source>
        <translation>توکن API شما (تنظیمات شخصی ← API)</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>وصل است.</translation>
    </message>
    <message>
        <source>Not connected yet.</source>
        <translation>هنوز وصل نیست.</translation>
    </message>
    <message>
        <source>Last sync %1: %2 people read, %3 new and %4 updated contacts, %5 rejected; %6 new and %7 updated deals.</source>
        <translation>آخرین همگام‌سازی %1: %2 نفر خوانده شد، %3 مخاطب تازه و %4 به‌روز، %5 ردشده؛ %6 معامله‌ی تازه و %7 به‌روز.</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>ردیف %1: %2</translation>
    </message>
    <message>
        <source>Checking the token with %1…</source>
        <translation>بررسی توکن با %1…</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>به %1 وصل شد.</translation>
    </message>
    <message>
        <source>Syncing with %1…</source>
        <translation>همگام‌سازی با %1…</translation>
    </message>
    <message>
        <source>%1 people read…</source>
        <translation>%1 نفر خوانده شد…</translation>
    </message>
    <message>
        <source>%1 people written…</source>
        <translation>%1 نفر نوشته شد…</translation>
    </message>
    <message>
        <source>%1 deals read…</source>
        <translation>%1 معامله خوانده شد…</translation>
    </message>
    <message>
        <source>Stopped; the next sync goes on from here.</source>
        <translation>متوقف شد؛ همگام‌سازی بعدی از همین‌جا ادامه می‌دهد.</translation>
    </message>
    <message>
        <source>Synced in %1 s.</source>
        <translation>در %1 ثانیه همگام شد.</translation>
    </message>
    <message>
        <source>A sync is running. Stop it? The next sync goes on from where it stopped.</source>
        <translation>همگام‌سازی در جریان است. متوقف شود؟ همگام‌سازی بعدی از همان‌جا ادامه می‌دهد.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>لغو اشتراک</translation>
    </message>
    <message>
        <source>Masir's values written to the CRM's contacts after each sync (HubSpot: the properties masir_score and masir_unsubscribed, which you create there; the stage goes to lifecyclestage)</source>
        <translation>مقادیری از مسیر که پس از هر همگام‌سازی در مخاطبان CRM نوشته می‌شوند (HubSpot: ویژگی‌های masir_score و masir_unsubscribed که خودتان آنجا می‌سازید؛ مرحله در lifecyclestage)</translation>
    </message>
    <message>
        <source>Write back:</source>
        <translation>نوشتن در CRM:</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>ستون‌ها…</translation>
    </message>
    <message>
        <source>Where the CRM's columns go in Masir</source>
        <translation>هر ستون CRM در کجای مسیر قرار می‌گیرد</translation>
    </message>
    <message>
        <source>Give the %1 token.</source>
        <translation>توکن %1 را وارد کنید.</translation>
    </message>
</context>
<context>
    <name>masir::ui::CrmMappingDialog</name>
    <message>
        <source>%1 Columns</source>
        <translation>ستون‌های %1</translation>
    </message>
    <message>
        <source>Where each %1 column goes in Masir, for this and every next sync. Choose Skip to leave a column out.</source>
        <translation>هر ستون %1 در کجای مسیر قرار می‌گیرد، برای این همگام‌سازی و بعدی‌ها. برای کنار گذاشتن یک ستون «رد شدن» را برگزینید.</translation>
    </message>
    <message>
        <source>%1 column</source>
        <translation>ستون %1</translation>
    </message>
    <message>
        <source>Masir field</source>
        <translation>فیلد مسیر</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>رد شدن</translation>
    </message>
    <message>
        <source>%1 ID</source>
        <translation>شناسه‌ی %1</translation>
    </message>
    <message>
        <source>Map the email or the phone column: people are matched by them.</source>
        <translation>ستون ایمیل یا تلفن را نگاشت کنید: اشخاص با آن‌ها تطبیق داده می‌شوند.</translation>
    </message>
    <message>
        <source>The mapping could not be saved.</source>
        <translation>نگاشت ذخیره نشد.</translation>
    </message>
</context>
<context>
    <name>masir::ui::DealDialog</name>
    <message>
        <source>Edit Deal</source>
        <translation>ویرایش معامله</translation>
    </message>
    <message>
        <source>New Deal</source>
        <translation>معامله‌ی تازه</translation>
    </message>
    <message>
        <source>e.g. Website redesign</source>
        <translation>مثلاً طراحی دوباره‌ی وب‌سایت</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>the contact's email address</source>
        <translation>نشانی ایمیل مخاطب</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>مخاطب:</translation>
    </message>
    <message>
        <source>P&amp;ipeline:</source>
        <translation>قیف:</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>مرحله:</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>مبلغ:</translation>
    </message>
    <message>
        <source>E&amp;xpected close:</source>
        <translation>بسته شدن پیش‌بینی‌شده:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>مسئول:</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2٪)</translation>
    </message>
    <message>
        <source>There is no contact with the email address %1.</source>
        <translation>مخاطبی با نشانی ایمیل %1 نیست.</translation>
    </message>
    <message>
        <source>The currency is a three-letter code, such as EUR or IRR.</source>
        <translation>واحد پول یک کد سه‌حرفی است، مانند EUR یا IRR.</translation>
    </message>
</context>
<context>
    <name>masir::ui::DealsPage</name>
    <message>
        <source>The deal could not be moved: %1</source>
        <translation>معامله جابه‌جا نشد: %1</translation>
    </message>
    <message>
        <source>The deal could not be moved back: %1</source>
        <translation>معامله به جای قبلی برنگشت: %1</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>قیف:</translation>
    </message>
    <message>
        <source>Edit &amp;Stages…</source>
        <translation>ویرایش مرحله‌ها…</translation>
    </message>
    <message>
        <source>New &amp;Pipeline…</source>
        <translation>قیف تازه…</translation>
    </message>
    <message>
        <source>New Pipeline</source>
        <translation>قیف تازه</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>&amp;New Deal…</source>
        <translation>معامله‌ی تازه…</translation>
    </message>
    <message>
        <source>Open a deal (Ctrl+Shift+D)</source>
        <translation>باز کردن یک معامله (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Find deals by title or contact</source>
        <translation>جست‌وجوی معامله با عنوان یا مخاطب</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>تابلو</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>معامله</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>مخاطب</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>مبلغ</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>بسته شدن پیش‌بینی‌شده</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>List</source>
        <translation>فهرست</translation>
    </message>
    <message>
        <source>The open deals by the month they are expected to close: each deal's amount times its stage's probability.</source>
        <translation>معامله‌های باز بر اساس ماهی که انتظار می‌رود بسته شوند: مبلغ هر معامله ضرب در احتمال مرحله‌اش.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <source>Weighted forecast</source>
        <translation>پیش‌بینی وزن‌دار</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>پیش‌بینی</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>بسته شدن %1</translation>
    </message>
    <message>
        <source>%1 in %2 since %3</source>
        <translation>%1 در %2 از %3</translation>
    </message>
    <message numerus="yes">
        <source>%n deal(s), %1</source>
        <translation>
            <numerusform>%Ln معامله، %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Probability %1 %</source>
        <translation>احتمال %1٪</translation>
    </message>
    <message>
        <source>No expected date</source>
        <translation>بی‌تاریخ پیش‌بینی</translation>
    </message>
    <message>
        <source>No open deals to forecast.</source>
        <translation>معامله‌ی بازی برای پیش‌بینی نیست.</translation>
    </message>
    <message>
        <source>Weighted forecast of the open deals: %1</source>
        <translation>پیش‌بینی وزن‌دار معامله‌های باز: %1</translation>
    </message>
    <message>
        <source>&amp;Move To</source>
        <translation>بردن به</translation>
    </message>
    <message>
        <source>Open &amp;Contact</source>
        <translation>باز کردن مخاطب</translation>
    </message>
    <message>
        <source>Add &amp;Task…</source>
        <translation>افزودن کار…</translation>
    </message>
    <message>
        <source>Move "%1" to %2</source>
        <translation>بردن «%1» به %2</translation>
    </message>
    <message>
        <source>Won: %1 counts as revenue in the reports.</source>
        <translation>برده شد: %1 در گزارش‌ها درآمد شمرده می‌شود.</translation>
    </message>
    <message>
        <source>New Deal</source>
        <translation>معامله‌ی تازه</translation>
    </message>
    <message>
        <source>The deal could not be saved: %1</source>
        <translation>معامله ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Edit Deal</source>
        <translation>ویرایش معامله</translation>
    </message>
    <message>
        <source>Delete Deal</source>
        <translation>حذف معامله</translation>
    </message>
    <message>
        <source>Delete the deal "%1" and its tasks? This cannot be undone.</source>
        <translation>معامله‌ی «%1» و کارهایش حذف شوند؟ این کار برگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <source>No deals in this pipeline yet: add the first one.</source>
        <translation>هنوز معامله‌ای در این قیف نیست: نخستین را بیفزایید.</translation>
    </message>
    <message>
        <source>Nothing to forecast: open deals with an expected close date show here, month by month.</source>
        <translation>چیزی برای پیش‌بینی نیست: معامله‌های باز با تاریخ بستن پیش‌بینی‌شده، ماه به ماه اینجا دیده می‌شوند.</translation>
    </message>
</context>
<context>
    <name>masir::ui::EditDialog</name>
    <message>
        <source>Discard your changes?</source>
        <translation>تغییرهایتان دور ریخته شوند؟</translation>
    </message>
</context>
<context>
    <name>masir::ui::EditorSession</name>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to "%1"?</source>
        <translation>تغییرات «%1» ذخیره شود؟</translation>
    </message>
</context>
<context>
    <name>masir::ui::ImportWizard</name>
    <message>
        <source>Tab</source>
        <translation>تب</translation>
    </message>
    <message>
        <source>Semicolon (;)</source>
        <translation>نقطه‌ویرگول (;)</translation>
    </message>
    <message>
        <source>Pipe (|)</source>
        <translation>خط عمودی (|)</translation>
    </message>
    <message>
        <source>Comma (,)</source>
        <translation>ویرگول (,)</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>یک پرونده برگزینید</translation>
    </message>
    <message>
        <source>A CSV or text file exported from Excel, Google Contacts, Outlook, Mailchimp, a shop system or a CRM.</source>
        <translation>یک پروندهٔ CSV یا متنی که از اکسل، گوگل کانتکتس، اوت‌لوک، میل‌چیمپ، نرم‌افزار فروشگاه یا یک CRM برون‌بری شده است.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>پروندهٔ درون‌بری</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>مرور…</translation>
    </message>
    <message>
        <source>Import Contacts</source>
        <translation>درون‌بری مخاطبان</translation>
    </message>
    <message>
        <source>Spreadsheet text files (*.csv *.txt *.tsv);;All files (*)</source>
        <translation>پرونده‌های متنی صفحه‌گسترده (*.csv *.txt *.tsv);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>%1, %2 KB</source>
        <translation>%1، %2 کیلوبایت</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>پرونده باز نمی‌شود</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>Check how the file reads</source>
        <translation>ببینید پرونده چگونه خوانده می‌شود</translation>
    </message>
    <message>
        <source>If letters look wrong, choose another encoding; if columns are run together, another delimiter.</source>
        <translation>اگر حروف درست نمایش داده نمی‌شوند کدگذاری دیگری برگزینید؛ اگر ستون‌ها به هم چسبیده‌اند، جداکنندهٔ دیگری.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>تشخیص خودکار</translation>
    </message>
    <message>
        <source>The first row holds the column names</source>
        <translation>ردیف نخست نام ستون‌ها را دارد</translation>
    </message>
    <message>
        <source>&amp;Encoding:</source>
        <translation>کدگذاری:</translation>
    </message>
    <message>
        <source>&amp;Delimiter:</source>
        <translation>جداکننده:</translation>
    </message>
    <message numerus="yes">
        <source>Read as %1, columns separated by: %2. The first %n row(s) are shown.</source>
        <translation>
            <numerusform>خوانده‌شده با %1، جداکنندهٔ ستون‌ها: %2. %Ln ردیف نخست نشان داده شده است.</numerusform>
        </translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>ستون‌ها را تطبیق دهید</translation>
    </message>
    <message>
        <source>Masir matched the columns it recognised. Change any of them, skip a column, or keep it in a new custom field.</source>
        <translation>مسیر ستون‌هایی را که شناخت تطبیق داد. هر کدام را می‌توانید تغییر دهید، ستونی را رها کنید یا در یک فیلد سفارشی تازه نگه دارید.</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ستون</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>نمونه‌ها</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>درون‌بری به‌عنوان</translation>
    </message>
    <message>
        <source>Import %1 as</source>
        <translation>درون‌بری %1 به‌عنوان</translation>
    </message>
    <message>
        <source>Match at least one column to email, phone or a name.</source>
        <translation>دست‌کم یک ستون را با ایمیل، تلفن یا نام تطبیق دهید.</translation>
    </message>
    <message>
        <source>Two columns go to "%1"; choose one.</source>
        <translation>دو ستون به «%1» می‌روند؛ یکی را برگزینید.</translation>
    </message>
    <message>
        <source>New custom field…</source>
        <translation>فیلد سفارشی تازه…</translation>
    </message>
    <message>
        <source>New custom field</source>
        <translation>فیلد سفارشی تازه</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>برچسب:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>کلید:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>A key starts with a letter and has only lower-case letters, digits and _; the label cannot be empty.</source>
        <translation>کلید با یک حرف آغاز می‌شود و فقط حروف کوچک لاتین، رقم و _ دارد؛ برچسب نمی‌تواند خالی باشد.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>گزینه‌ها</translation>
    </message>
    <message>
        <source>Contacts are matched by email address, then by phone number.</source>
        <translation>مخاطبان نخست با نشانی ایمیل و سپس با شمارهٔ تلفن تطبیق داده می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Fill in what is missing (recommended)</source>
        <translation>پر کردن آنچه خالی است (پیشنهادی)</translation>
    </message>
    <message>
        <source>&amp;Overwrite with the file's values</source>
        <translation>جایگزینی با مقدارهای پرونده</translation>
    </message>
    <message>
        <source>&amp;Leave them as they are</source>
        <translation>همان‌گونه که هستند بمانند</translation>
    </message>
    <message>
        <source>Also match contacts by &amp;phone number</source>
        <translation>تطبیق مخاطبان با شمارهٔ تلفن هم انجام شود</translation>
    </message>
    <message>
        <source>e.g. fair 2026</source>
        <translation>مثلاً نمایشگاه ۱۴۰۵</translation>
    </message>
    <message>
        <source>the file name</source>
        <translation>نام پرونده</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>Detect (years 1300–1499 are Jalali)</source>
        <translation>تشخیص خودکار (سال‌های ۱۳۰۰ تا ۱۴۹۹ شمسی‌اند)</translation>
    </message>
    <message>
        <source>Jalali (Solar Hijri)</source>
        <translation>شمسی (هجری خورشیدی)</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Contacts that already exist:</source>
        <translation>مخاطبانی که از پیش هستند:</translation>
    </message>
    <message>
        <source>&amp;Tag every imported contact:</source>
        <translation>برچسب برای هر مخاطب درون‌بری‌شده:</translation>
    </message>
    <message>
        <source>&amp;Source of new contacts:</source>
        <translation>منبع مخاطبان تازه:</translation>
    </message>
    <message>
        <source>Add to the static &amp;list:</source>
        <translation>افزودن به فهرست ثابت:</translation>
    </message>
    <message>
        <source>&amp;Dates are:</source>
        <translation>تاریخ‌ها:</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>در حال درون‌بری</translation>
    </message>
    <message>
        <source>You can keep working; nothing is half-written if you cancel.</source>
        <translation>می‌توانید به کارتان ادامه دهید؛ اگر لغو کنید چیزی نیمه‌کاره نوشته نمی‌شود.</translation>
    </message>
    <message>
        <source>&amp;Cancel Import</source>
        <translation>لغو درون‌بری</translation>
    </message>
    <message>
        <source>%1 rows, %2 rows a second</source>
        <translation>%1 ردیف، %2 ردیف در ثانیه</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>حدود %1 ثانیه مانده</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>در حال آغاز…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Original text</source>
        <translation>متن اصلی</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>برون‌بری گزارش…</translation>
    </message>
    <message>
        <source>&amp;Undo This Import</source>
        <translation>برگرداندن این درون‌بری</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>برون‌بری گزارش</translation>
    </message>
    <message>
        <source>import-report.csv</source>
        <translation>گزارش-درون‌بری.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>برون‌بری ناموفق بود</translation>
    </message>
    <message>
        <source>Undo Import</source>
        <translation>برگرداندن درون‌بری</translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n contact(s) this import created? Contacts it updated keep the new values.</source>
        <translation>
            <numerusform>%Ln مخاطبی که این درون‌بری ساخته حذف شوند؟ مخاطبانی که به‌روز شده‌اند مقدارهای تازه را نگه می‌دارند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n contact(s) removed.</source>
        <translation>
            <numerusform>برگردانده شد: %Ln مخاطب حذف شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>درون‌بری ناموفق بود</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>درون‌بری لغو شد</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>درون‌بری پایان یافت</translation>
    </message>
    <message>
        <source>%1 rows read: %2 contacts created, %3 updated, %4 skipped, %5 rejected.</source>
        <translation>%1 ردیف خوانده شد: %2 مخاطب ساخته شد، %3 به‌روز شد، %4 رها شد، %5 رد شد.</translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%Ln مقدار خوانده نشد و کنار گذاشته شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Everything up to the last saved batch was kept; run the import again to finish it.</source>
        <translation>همه چیز تا آخرین دستهٔ ذخیره‌شده نگه داشته شد؛ برای تمام کردن، درون‌بری را دوباره اجرا کنید.</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>رد شد</translation>
    </message>
    <message>
        <source>imported, value left out</source>
        <translation>درون‌بری شد، مقدار کنار گذاشته شد</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>لغو درون‌بری</translation>
    </message>
    <message>
        <source>Stop the import? Contacts saved so far are kept; you can run the import again to finish it.</source>
        <translation>درون‌بری متوقف شود؟ مخاطبانی که تاکنون ذخیره شده‌اند می‌مانند؛ می‌توانید درون‌بری را دوباره اجرا کنید تا تمام شود.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>قبلی</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>بعدی</translation>
    </message>
    <message>
        <source>They have not agreed, or I do not know: record no consent</source>
        <translation>نپذیرفته‌اند یا نمی‌دانم: رضایتی ثبت نشود</translation>
    </message>
    <message>
        <source>They agreed to hear from us</source>
        <translation>پذیرفته‌اند که از ما پیام بگیرند</translation>
    </message>
    <message>
        <source>by email</source>
        <translation>با ایمیل</translation>
    </message>
    <message>
        <source>by text message</source>
        <translation>با پیامک</translation>
    </message>
    <message>
        <source>How and when, e.g. newsletter form on our website, 2025</source>
        <translation>چگونه و کی، مثلاً فرم خبرنامه در وب‌سایت ما، ۱۴۰۴</translation>
    </message>
    <message>
        <source>Kept as the proof of their consent. Rows with a consent column of their own keep theirs; a consent someone withdrew is never granted again by an import.</source>
        <translation>به‌عنوان مدرک رضایتشان نگه داشته می‌شود. ردیف‌هایی که ستون رضایت خودشان را دارند همان را نگه می‌دارند؛ رضایتی که کسی پس گرفته هرگز با درون‌بری دوباره داده نمی‌شود.</translation>
    </message>
    <message>
        <source>Permission to market:</source>
        <translation>اجازهٔ پیام تبلیغاتی:</translation>
    </message>
    <message>
        <source>How did they agree?</source>
        <translation>چگونه پذیرفته‌اند؟</translation>
    </message>
    <message>
        <source>Say how and when these people agreed to hear from you: it is kept as the proof of their consent.</source>
        <translation>بگویید این افراد چگونه و کی پذیرفته‌اند از شما پیام بگیرند: این به‌عنوان مدرک رضایتشان نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>Choose email, text messages or both.</source>
        <translation>ایمیل، پیامک یا هر دو را برگزینید.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>بازبینی</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>هنوز چیزی نوشته نشده است.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>درون‌بری</translation>
    </message>
    <message>
        <source>Reading the whole file…</source>
        <translation>در حال خواندن همهٔ پرونده…</translation>
    </message>
    <message>
        <source>This file cannot be imported</source>
        <translation>این پرونده را نمی‌توان درون‌بری کرد</translation>
    </message>
    <message>
        <source>%1 new, %2 updates, %3 rejected</source>
        <translation>%1 تازه، %2 به‌روزرسانی، %3 ردشده</translation>
    </message>
    <message>
        <source>%1 rows read.</source>
        <translation>%1 ردیف خوانده شد.</translation>
    </message>
    <message numerus="yes">
        <source>%n existing contact(s) left as they are.</source>
        <translation>
            <numerusform>%Ln مخاطب موجود همان‌گونه ماند.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) cannot be read and will be left out.</source>
        <translation>
            <numerusform>%Ln مقدار خوانده نمی‌شود و کنار گذاشته خواهد شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Consent recorded as: %1.</source>
        <translation>رضایت این‌گونه ثبت می‌شود: %1.</translation>
    </message>
    <message>
        <source>No consent is recorded for rows without their own: they get no marketing until they agree.</source>
        <translation>برای ردیف‌هایی که رضایت خودشان را ندارند رضایتی ثبت نمی‌شود: تا نپذیرند پیام تبلیغاتی نمی‌گیرند.</translation>
    </message>
    <message>
        <source>No row makes a contact: go back and check the columns.</source>
        <translation>هیچ ردیفی مخاطب نمی‌سازد: برگردید و ستون‌ها را بررسی کنید.</translation>
    </message>
    <message>
        <source>&amp;Show Imported Contacts</source>
        <translation>نمایش مخاطبان درون‌بری‌شده</translation>
    </message>
    <message>
        <source>will be rejected</source>
        <translation>رد خواهد شد</translation>
    </message>
    <message>
        <source>value left out</source>
        <translation>مقدار کنار گذاشته می‌شود</translation>
    </message>
</context>
<context>
    <name>masir::ui::JourneyCanvas</name>
    <message>
        <source>Add %1</source>
        <translation>افزودن %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>حذف اتصال</translation>
    </message>
    <message>
        <source>Delete %1 nodes</source>
        <translation>حذف %1 گره</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Move node</source>
        <translation>جابه‌جایی گره</translation>
    </message>
    <message>
        <source>Move %1 nodes</source>
        <translation>جابه‌جایی %1 گره</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>تغییر %1</translation>
    </message>
    <message>
        <source>Node palette</source>
        <translation>جعبهٔ گره‌ها</translation>
    </message>
    <message>
        <source>Cannot open the journey</source>
        <translation>باز کردن سفر ممکن نیست</translation>
    </message>
    <message>
        <source>Select a node to change its settings.</source>
        <translation>گره‌ای را برگزینید تا تنظیماتش را تغییر دهید.</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>مشکل‌ها</translation>
    </message>
    <message>
        <source>Drag onto the canvas, or press Enter to add</source>
        <translation>روی بوم بکشید، یا برای افزودن Enter را بزنید</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>واگرد</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>ازنو</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>چسباندن</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>تکثیر</translation>
    </message>
    <message>
        <source>Tidy Up</source>
        <translation>مرتب‌سازی</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>جا شدن در صفحه</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>۱۰۰٪</translation>
    </message>
    <message>
        <source>Zoom In</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom Out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>برون‌بری تصویر…</translation>
    </message>
    <message>
        <source>Export Journey</source>
        <translation>برون‌بری سفر</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG image (*.svg)</source>
        <translation>تصویر PNG (*.png);;تصویر SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>برون‌بری ناموفق بود</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>%1 نوشته نشد.</translation>
    </message>
    <message>
        <source>Find a node (Ctrl+F)</source>
        <translation>یافتن گره (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a node</source>
        <translation>یافتن گره</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>یافتن</translation>
    </message>
    <message>
        <source>No node matches "%1".</source>
        <translation>هیچ گره‌ای با «%1» جور نیست.</translation>
    </message>
    <message>
        <source>Cannot save the journey</source>
        <translation>ذخیرهٔ سفر ممکن نیست</translation>
    </message>
    <message>
        <source>Saved: the running journey is now version %1.</source>
        <translation>ذخیره شد: سفر در حال اجرا اکنون نسخهٔ %1 است.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No problems: the journey can start.</source>
        <translation>مشکلی نیست: سفر می‌تواند آغاز شود.</translation>
    </message>
    <message>
        <source>This is not valid JSON.</source>
        <translation>این JSON درستی نیست.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>یک عدد وارد کنید.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
    <message>
        <source>Save the changes to this journey?</source>
        <translation>تغییرات این سفر ذخیره شود؟</translation>
    </message>
    <message>
        <source>%1 here · %2 passed</source>
        <translation>%1 این‌جا · %2 گذشته</translation>
    </message>
    <message>
        <source>Tidy up</source>
        <translation>مرتب‌سازی</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Save and start: its triggers enrol contacts from now on</source>
        <translation>ذخیره و آغاز: محرک‌هایش از این پس مخاطبان را وارد می‌کنند</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Cannot start the journey</source>
        <translation>آغاز سفر ممکن نیست</translation>
    </message>
    <message>
        <source>The journey is running.</source>
        <translation>سفر در حال اجراست.</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>گره‌ها</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>اتصال…</translation>
    </message>
    <message>
        <source>Select the one node to connect from.</source>
        <translation>گره‌ای را که اتصال از آن آغاز می‌شود برگزینید (فقط یکی).</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 ← %2</translation>
    </message>
    <message>
        <source>This node has no free output, or nothing it can lead to.</source>
        <translation>این گره خروجی آزادی ندارد، یا به جایی نمی‌تواند برسد.</translation>
    </message>
    <message>
        <source>Lead to:</source>
        <translation>رسیدن به:</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>: %1</translation>
    </message>
    <message>
        <source> (problem: %1)</source>
        <translation> (مشکل: %1)</translation>
    </message>
    <message>
        <source> · %1% converted</source>
        <translation> · %1٪ تبدیل</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>قالب</translation>
    </message>
    <message>
        <source>Template preview</source>
        <translation>پیش‌نمایش قالب</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Subject:&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;موضوع:&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Choose a template; the Templates page makes new ones.</source>
        <translation>یک قالب انتخاب کنید؛ قالب‌های تازه را در صفحهٔ قالب‌ها بسازید.</translation>
    </message>
    <message>
        <source>There is no template named "%1" yet: make it on the Templates page, or choose another.</source>
        <translation>هنوز قالبی با نام «%1» نیست: آن را در صفحهٔ قالب‌ها بسازید یا قالب دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>Webhook address</source>
        <translation>نشانی وب‌هوک</translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation>ارسال آزمایشی</translation>
    </message>
    <message>
        <source>Call the address once with a sample contact, signed like the real calls, and show the reply</source>
        <translation>نشانی را یک بار با یک مخاطب نمونه، امضاشده مانند فراخوانی‌های واقعی، صدا بزن و پاسخ را نشان بده</translation>
    </message>
    <message>
        <source>%1[*] — Journey</source>
        <translation>%1[*] — سفر</translation>
    </message>
    <message>
        <source>The journey can start; mind these:</source>
        <translation>سفر می‌تواند آغاز شود؛ به این‌ها توجه کنید:</translation>
    </message>
</context>
<context>
    <name>masir::ui::JourneysPage</name>
    <message>
        <source>&amp;New Journey from Template…</source>
        <translation>سفر تازه از الگو…</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>آغاز</translation>
    </message>
    <message>
        <source>Start the journey: its triggers enrol contacts from now on</source>
        <translation>سفر را آغاز کنید: محرک‌هایش از این پس مخاطبان را وارد می‌کنند</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Pause: contacts stay where they are until you start it again</source>
        <translation>توقف: مخاطبان همان‌جا می‌مانند تا دوباره آغازش کنید</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Si&amp;mulate</source>
        <translation>شبیه‌سازی</translation>
    </message>
    <message>
        <source>Run the journey for a sample of contacts on a virtual clock; nothing is sent</source>
        <translation>سفر را برای نمونه‌ای از مخاطبان با ساعتی مجازی اجرا کنید؛ چیزی فرستاده نمی‌شود</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>سفرها</translation>
    </message>
    <message>
        <source>Simulate a journey to see, contact by contact, which steps it would run and which messages it would queue.</source>
        <translation>سفری را شبیه‌سازی کنید تا مخاطب به مخاطب ببینید کدام گام‌ها اجرا و کدام پیام‌ها در صف گذاشته می‌شوند.</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>شبیه‌سازی</translation>
    </message>
    <message>
        <source>Contact and step</source>
        <translation>مخاطب و گام</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>New Journey</source>
        <translation>سفر تازه</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>الگوها</translation>
    </message>
    <message>
        <source>Start from a ready journey; you can change every step.</source>
        <translation>از یک سفر آماده شروع کنید؛ هر گامش را می‌توانید تغییر دهید.</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Cannot create the journey</source>
        <translation>ساختن سفر ممکن نیست</translation>
    </message>
    <message>
        <source>Created "%1" as a draft; start it when it is ready.</source>
        <translation>«%1» به‌صورت پیش‌نویس ساخته شد؛ وقتی آماده شد آغازش کنید.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot start the journey</source>
        <translation>آغاز سفر ممکن نیست</translation>
    </message>
    <message>
        <source>The journey is running.</source>
        <translation>سفر در حال اجراست.</translation>
    </message>
    <message>
        <source>The journey is paused; contacts wait where they are.</source>
        <translation>سفر متوقف شد؛ مخاطبان همان‌جا منتظر می‌مانند.</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>%1 (copy %2)</source>
        <translation>%1 (رونوشت %2)</translation>
    </message>
    <message>
        <source>Cannot duplicate the journey</source>
        <translation>رونوشت‌برداری از سفر ممکن نیست</translation>
    </message>
    <message>
        <source>Delete journey</source>
        <translation>حذف سفر</translation>
    </message>
    <message>
        <source>Delete "%1"? Contacts in it leave it; messages already queued stay in the outbox.</source>
        <translation>«%1» حذف شود؟ مخاطبان از آن خارج می‌شوند؛ پیام‌هایی که در صف‌اند در صندوق خروجی می‌مانند.</translation>
    </message>
    <message>
        <source>Cannot delete the journey</source>
        <translation>حذف سفر ممکن نیست</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>در حال شبیه‌سازی…</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>به پایان رسید</translation>
    </message>
    <message>
        <source>left the journey</source>
        <translation>از سفر خارج شد</translation>
    </message>
    <message>
        <source>still waiting</source>
        <translation>هنوز منتظر است</translation>
    </message>
    <message>
        <source>Text message "%1"</source>
        <translation>پیامک «%1»</translation>
    </message>
    <message>
        <source>Email "%1"</source>
        <translation>ایمیل «%1»</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>وب‌هوک</translation>
    </message>
    <message>
        <source>would go to %1</source>
        <translation>به %1 فرستاده می‌شد</translation>
    </message>
    <message>
        <source>Simulated %1 contacts over %2 days: %3 messages would be queued. Nothing was sent or saved.</source>
        <translation>%1 مخاطب در %2 روز شبیه‌سازی شد: %3 پیام در صف گذاشته می‌شد. چیزی فرستاده یا ذخیره نشد.</translation>
    </message>
    <message>
        <source>The simulation failed: %1</source>
        <translation>شبیه‌سازی ناموفق بود: %1</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Open the journey on the canvas</source>
        <translation>سفر را روی بوم باز کنید</translation>
    </message>
    <message>
        <source>Blank canvas</source>
        <translation>بوم خالی</translation>
    </message>
    <message>
        <source>Start from nothing and drag in the steps you need.</source>
        <translation>از صفر شروع کنید و گام‌های لازم را بکشید.</translation>
    </message>
    <message>
        <source>New journey</source>
        <translation>سفر تازه</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>گزارش</translation>
    </message>
    <message>
        <source>The journey's report: each step's contacts, the goal, the time to it and the revenue, to print or export</source>
        <translation>گزارش سفر: مخاطبان هر گام، هدف، زمان رسیدن به آن و درآمد، برای چاپ یا برون‌بری</translation>
    </message>
    <message>
        <source>This journey cannot start</source>
        <translation>این سفر نمی‌تواند آغاز شود</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%Ln مشکل که باید اول رفع شود</numerusform>
        </translation>
    </message>
    <message>
        <source>No journeys yet. Start from a ready one: welcome, abandoned cart, birthday and more.</source>
        <translation>هنوز سفری نیست. از یک سفر آماده آغاز کنید: خوش‌آمدگویی، سبد خرید رهاشده، تولد و بیشتر.</translation>
    </message>
</context>
<context>
    <name>masir::ui::MainWindow</name>
    <message>
        <source>Masir — %1 (demo workspace)</source>
        <translation>مسیر — %1 (فضای کاری نمونه)</translation>
    </message>
    <message>
        <source>Masir — %1</source>
        <translation>مسیر — %1</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>پیمایش</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>بخش‌ها</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>سفرها</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>کارزارها</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>الگوها</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>فضای کاری نمونه</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 برگزیده</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>برگرداندن</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>انجام دوباره</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>نما</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>&amp;About Masir</source>
        <translation>دربارهٔ مسیر</translation>
    </message>
    <message>
        <source>About Masir</source>
        <translation>دربارهٔ مسیر</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Masir %1&lt;/h3&gt;&lt;p&gt;Marketing automation for small businesses: contacts, segments, journeys, email and SMS, on your own computer.&lt;/p&gt;&lt;p&gt;Workspace: %2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;مسیر %1&lt;/h3&gt;&lt;p&gt;خودکارسازی بازاریابی برای کسب‌وکارهای کوچک: مخاطبان، بخش‌ها، سفرها، ایمیل و پیامک، روی رایانهٔ خودتان.&lt;/p&gt;&lt;p&gt;فضای کاری: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>دربارهٔ کیوت</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>%1 یافت شد</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%Ln مخاطب</numerusform>
        </translation>
    </message>
    <message>
        <source>Lead &amp;Scoring and Stages…</source>
        <translation>امتیازدهی سرنخ‌ها و مرحله‌ها…</translation>
    </message>
    <message>
        <source>Journeys could not run: %1</source>
        <translation>سفرها اجرا نشدند: %1</translation>
    </message>
    <message>
        <source>Journeys running</source>
        <translation>سفرها در حال اجرا</translation>
    </message>
    <message>
        <source>&amp;Journeys</source>
        <translation>سفرها</translation>
    </message>
    <message>
        <source>&amp;Pause All Journeys</source>
        <translation>توقف همهٔ سفرها</translation>
    </message>
    <message>
        <source>Stop running journey steps and sends until you resume; nothing is lost</source>
        <translation>اجرای گام‌ها و ارسال‌ها را تا ادامهٔ دوباره متوقف کنید؛ چیزی از دست نمی‌رود</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>صندوق خروجی</translation>
    </message>
    <message>
        <source>Journeys and sending paused</source>
        <translation>سفرها و ارسال متوقف‌اند</translation>
    </message>
    <message>
        <source>Sending %1/min</source>
        <translation>ارسال %1 در دقیقه</translation>
    </message>
    <message>
        <source>Masir</source>
        <translation>مسیر</translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s); the latest: %1</source>
        <translation>
            <numerusform>%n اعلان؛ آخرین: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Marketing messages wait until the collector answers.</source>
        <translation>%1 پیام‌های تبلیغاتی تا پاسخ دادن گردآورنده منتظر می‌مانند.</translation>
    </message>
    <message>
        <source>Tracking: %1 opens, %2 clicks, %3 unsubscribes came in.</source>
        <translation>ردیابی: %1 بازشدن، %2 کلیک و %3 لغو اشتراک رسید.</translation>
    </message>
    <message>
        <source>A campaign did not start: %1</source>
        <translation>یک کارزار آغاز نشد: %1</translation>
    </message>
    <message>
        <source>A mailbox could not be read: %1</source>
        <translation>یک صندوق نامه خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>معامله‌ها</translation>
    </message>
    <message>
        <source>Task due: %1</source>
        <translation>سررسید کار: %1</translation>
    </message>
    <message>
        <source>Task due: %1 (%2)</source>
        <translation>سررسید کار: %1 (%2)</translation>
    </message>
    <message>
        <source>Tasks (%1)</source>
        <translation>کارها (%1)</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due today or overdue (Ctrl+2)</source>
        <translation>
            <numerusform>%Ln کار با سررسید امروز یا گذشته (Ctrl+2)</numerusform>
        </translation>
    </message>
    <message>
        <source>Tasks (Ctrl+2)</source>
        <translation>کارها (Ctrl+2)</translation>
    </message>
    <message numerus="yes">
        <source>Masir: %n task(s) due</source>
        <translation>
            <numerusform>مسیر: %Ln کار سررسید شده</numerusform>
        </translation>
    </message>
    <message>
        <source>New &amp;Workspace…</source>
        <translation>فضای کاری تازه…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>باز کردن فضای کاری…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>باز کردن از فهرست اخیر</translation>
    </message>
    <message>
        <source>No other workspaces yet</source>
        <translation>هنوز فضای کاری دیگری نیست</translation>
    </message>
    <message>
        <source>Clear This List</source>
        <translation>پاک کردن این فهرست</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>فضای کاری تازه</translation>
    </message>
    <message>
        <source>My business.masir</source>
        <translation>کسب‌وکار من.masir</translation>
    </message>
    <message>
        <source>Masir workspaces (*.masir)</source>
        <translation>فضاهای کاری مسیر (*.masir)</translation>
    </message>
    <message>
        <source>%1 exists already. Open it as it is?</source>
        <translation>%1 از پیش وجود دارد. همان‌گونه که هست باز شود؟</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>باز کردن فضای کاری</translation>
    </message>
    <message>
        <source>Masir workspaces (*.masir);;All files (*)</source>
        <translation>فضاهای کاری مسیر (*.masir);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Journeys running, sending paused</source>
        <translation>سفرها در حال اجرا، ارسال متوقف</translation>
    </message>
    <message>
        <source>%1 on the server</source>
        <translation>%1 روی کارساز</translation>
    </message>
    <message>
        <source>&amp;Send From This Computer</source>
        <translation>ارسال از این رایانه</translation>
    </message>
    <message>
        <source>Send the outbox from this computer while Masir is open. Usually a worker on the server sends; only one process sends at a time, the others stand by.</source>
        <translation>تا وقتی مسیر باز است صندوق خروجی را از این رایانه بفرست. معمولاً کارگزاری روی کارساز می‌فرستد؛ هر بار فقط یک فرایند می‌فرستد و بقیه آماده‌به‌کار می‌مانند.</translation>
    </message>
    <message>
        <source>Workers unknown</source>
        <translation>کارگزاران نامعلوم</translation>
    </message>
    <message>
        <source>%1 (pid %2), heard %3 s ago</source>
        <translation>%1 (فرایند %2)، %3 ثانیه پیش خبر داد</translation>
    </message>
    <message>
        <source>Sent by %1 on %2</source>
        <translation>فرستنده: %1 روی %2</translation>
    </message>
    <message>
        <source>No worker is sending</source>
        <translation>هیچ کارگزاری نمی‌فرستد</translation>
    </message>
    <message>
        <source>Open &amp;Server Workspace…</source>
        <translation>باز کردن فضای کاری کارساز…</translation>
    </message>
    <message>
        <source>Open a team workspace on a PostgreSQL server</source>
        <translation>یک فضای کاری گروهی را روی کارساز PostgreSQL باز کنید</translation>
    </message>
    <message>
        <source>Messages wait in the outbox until a worker sends: start %1 on the server, or choose Journeys → Send From This Computer.</source>
        <translation>پیام‌ها تا وقتی کارگزاری بفرستد در صندوق خروجی می‌مانند: %1 را روی کارساز آغاز کنید، یا سفرها ← ارسال از این رایانه را برگزینید.</translation>
    </message>
    <message>
        <source>Connected to the server again.</source>
        <translation>دوباره به کارساز وصل شد.</translation>
    </message>
</context>
<context>
    <name>masir::ui::OpenServerDialog</name>
    <message>
        <source>Open Server Workspace</source>
        <translation>باز کردن فضای کاری کارساز</translation>
    </message>
    <message>
        <source>A team workspace lives in a PostgreSQL database that everyone on the team opens. Ask whoever set it up for its address.</source>
        <translation>فضای کاری گروهی در پایگاه‌داده‌ای PostgreSQL است که همهٔ اعضای گروه آن را باز می‌کنند. نشانی‌اش را از کسی بپرسید که آن را راه انداخته است.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>گذرواژه را در جاکلیدی سامانه به خاطر بسپار</translation>
    </message>
    <message>
        <source>An address starts with postgresql://, for example %1.</source>
        <translation>نشانی با postgresql:// آغاز می‌شود، برای نمونه %1.</translation>
    </message>
    <message>
        <source>none, or the one in %1</source>
        <translation>هیچ، یا همانی که در %1 است</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keychain: %1. Masir will ask for it next time.</source>
        <translation>گذرواژه در جاکلیدی سامانه نگه داشته نشد: %1. مسیر دفعهٔ بعد دوباره آن را می‌پرسد.</translation>
    </message>
</context>
<context>
    <name>masir::ui::OutboxPage</name>
    <message>
        <source>&amp;Retry / Resend</source>
        <translation>تلاش دوباره / ارسال دوباره</translation>
    </message>
    <message>
        <source>Queue the selected failed or interrupted messages again</source>
        <translation>پیام‌های ناموفق یا قطع‌شدهٔ برگزیده را دوباره در صف بگذارید</translation>
    </message>
    <message>
        <source>&amp;Cancel / Discard</source>
        <translation>لغو / کنار گذاشتن</translation>
    </message>
    <message>
        <source>Do not send the selected queued messages; do not resend the selected interrupted ones (%1)</source>
        <translation>پیام‌های در صفِ برگزیده فرستاده نشوند؛ پیام‌های قطع‌شدهٔ برگزیده دوباره فرستاده نشوند (%1)</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>بازخوانی</translation>
    </message>
    <message>
        <source>Read the outbox again (%1)</source>
        <translation>خواندن دوبارهٔ صندوق خروجی (%1)</translation>
    </message>
    <message>
        <source>Show messages in state</source>
        <translation>نمایش پیام‌ها با وضعیت</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>نمایش:</translation>
    </message>
    <message>
        <source>Show &amp;Interrupted</source>
        <translation>نمایش قطع‌شده‌ها</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>صندوق خروجی</translation>
    </message>
    <message>
        <source>All (%1)</source>
        <translation>همه (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) were interrupted by a crash and may or may not have been delivered. Review them: Resend or Discard.</source>
        <translation>
            <numerusform>%n پیام بر اثر از کار افتادن برنامه قطع شد و ممکن است رسیده باشد یا نرسیده باشد. آن‌ها را بررسی کنید: ارسال دوباره یا کنار گذاشتن.</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 messages.</source>
        <translation>نمایش %1 پیام تازه‌تر از %2 پیام.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s).</source>
        <translation>
            <numerusform>%Ln پیام.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resend interrupted messages</source>
        <translation>ارسال دوبارهٔ پیام‌های قطع‌شده</translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected message(s) were interrupted while being sent. The provider may have delivered them already, so resending may deliver them twice.

Resend anyway?</source>
        <translation>
            <numerusform>%n پیام از پیام‌های برگزیده هنگام ارسال قطع شد. ممکن است ارائه‌دهنده آن‌ها را پیش‌تر رسانده باشد، پس ارسال دوباره ممکن است آن‌ها را دو بار برساند.

با این حال دوباره فرستاده شود؟</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot retry</source>
        <translation>تلاش دوباره ممکن نیست</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued again.</source>
        <translation>
            <numerusform>%n پیام دوباره در صف قرار گرفت.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel messages</source>
        <translation>لغو پیام‌ها</translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n message(s)? Queued messages will not be sent and interrupted ones will not be resent.</source>
        <translation>
            <numerusform>%n پیام لغو شود؟ پیام‌های در صف فرستاده نمی‌شوند و پیام‌های قطع‌شده دوباره فرستاده نمی‌شوند.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot cancel</source>
        <translation>لغو ممکن نیست</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) cancelled.</source>
        <translation>
            <numerusform>%n پیام لغو شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>پیام‌ها</translation>
    </message>
    <message>
        <source>Returned &amp;Mail</source>
        <translation>نامه‌های برگشتی</translation>
    </message>
    <message>
        <source>Nothing here. Messages that journeys, campaigns and test sends queue wait here until they are sent.</source>
        <translation>اینجا چیزی نیست. پیام‌هایی که سفرها، کارزارها و ارسال‌های آزمایشی در صف می‌گذارند تا فرستاده شوند اینجا می‌مانند.</translation>
    </message>
    <message>
        <source>Sending is paused for this workspace: messages wait here and nothing is sent until you resume.</source>
        <translation>ارسال در این فضای کاری متوقف است: پیام‌ها اینجا منتظر می‌مانند و تا ادامه ندهید چیزی فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>&amp;Resume Sending</source>
        <translation>ادامهٔ ارسال</translation>
    </message>
    <message>
        <source>Cannot resume sending</source>
        <translation>ادامهٔ ارسال ممکن نیست</translation>
    </message>
    <message>
        <source>The workspace's setting could not be saved. Check that the workspace file can be written, and try again.</source>
        <translation>تنظیم فضای کاری ذخیره نشد. بررسی کنید که پروندهٔ فضای کاری نوشتنی باشد و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Sending resumed.</source>
        <translation>ارسال ادامه یافت.</translation>
    </message>
</context>
<context>
    <name>masir::ui::PipelineDialog</name>
    <message>
        <source>Pipeline Stages</source>
        <translation>مرحله‌های قیف</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Deals move through the stages from left to right on the board. The probability weighs the forecast; a won stage makes a deal revenue.</source>
        <translation>معامله‌ها در تابلو از مرحله‌ای به مرحله‌ی بعد می‌روند. احتمال، پیش‌بینی را وزن می‌دهد؛ مرحله‌ی برده‌شده معامله را درآمد می‌کند.</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Probability (%)</source>
        <translation>احتمال (٪)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>&amp;Add Stage</source>
        <translation>افزودن مرحله</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>بالا بردن</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>پایین بردن</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>مرحله‌ی تازه</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>برده‌شده</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
</context>
<context>
    <name>masir::ui::PurchaseDialog</name>
    <message>
        <source>Log a Purchase</source>
        <translation>ثبت خرید</translation>
    </message>
    <message>
        <source>A purchase %1 made outside your shop's tracking, by phone or in person. It counts in the reports and can start journeys.</source>
        <translation>خریدی که %1 بیرون از ردیابی فروشگاهتان، تلفنی یا حضوری، انجام داده. در گزارش‌ها شمرده می‌شود و می‌تواند سفرها را شروع کند.</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>مبلغ:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
    <message>
        <source>&amp;Order number:</source>
        <translation>شماره‌ی سفارش:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>Enter the amount of the purchase.</source>
        <translation>مبلغ خرید را وارد کنید.</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportDocuments</name>
    <message>
        <source>%1 – %2</source>
        <translation>%1 تا %2</translation>
    </message>
    <message>
        <source>new</source>
        <translation>تازه</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 ساعت</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 روز</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>داشبورد</translation>
    </message>
    <message>
        <source>New contacts</source>
        <translation>مخاطبان تازه</translation>
    </message>
    <message>
        <source>New leads (MQL, SQL)</source>
        <translation>سرنخ‌های تازه (MQL، SQL)</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2، %3)</translation>
    </message>
    <message>
        <source>Emails sent</source>
        <translation>ایمیل‌های فرستاده</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>تحویل‌شده</translation>
    </message>
    <message>
        <source>Human open rate</source>
        <translation>نرخ بازکردن به دست آدم‌ها</translation>
    </message>
    <message>
        <source>Human click rate</source>
        <translation>نرخ کلیک به دست آدم‌ها</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>لغو اشتراک‌ها</translation>
    </message>
    <message>
        <source>Bounces and complaints</source>
        <translation>برگشتی‌ها و شکایت‌ها</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source>Sending, opens and clicks per day</source>
        <translation>ارسال، بازشدن و کلیک در هر روز</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>روز</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>بازشدن‌ها</translation>
    </message>
    <message>
        <source>Clicks</source>
        <translation>کلیک‌ها</translation>
    </message>
    <message>
        <source>New contacts by source</source>
        <translation>مخاطبان تازه بر پایهٔ منبع</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>منبع</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>نامعلوم</translation>
    </message>
    <message>
        <source>Top campaigns by revenue (started in the period)</source>
        <translation>کارزارهای برتر از نظر درآمد (آغازشده در این دوره)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>کارزار</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>گیرندگان</translation>
    </message>
    <message>
        <source>Conversions</source>
        <translation>تبدیل‌ها</translation>
    </message>
    <message>
        <source>Lifecycle funnel: contacts who came</source>
        <translation>قیف چرخه‌ی عمر: مخاطبانی که آمدند</translation>
    </message>
    <message>
        <source>Lifecycle funnel: stages reached</source>
        <translation>قیف چرخه‌ی عمر: مرحله‌های رسیده</translation>
    </message>
    <message>
        <source>How far the contacts who came in the period have got</source>
        <translation>مخاطبانی که در این دوره آمدند تا کجا پیش رفته‌اند</translation>
    </message>
    <message>
        <source>Contacts who reached each stage in the period, for the first time</source>
        <translation>مخاطبانی که برای نخستین بار در این دوره به هر مرحله رسیدند</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>From the stage before</source>
        <translation>از مرحله‌ی پیشین</translation>
    </message>
    <message>
        <source>From the first</source>
        <translation>از نخستین مرحله</translation>
    </message>
    <message>
        <source>Median time from the stage before</source>
        <translation>میانه‌ی زمان از مرحله‌ی پیشین</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>بقیه</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>کارزار: %1</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>آغاز: %1</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>آغاز نشده</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unsubscribe rate</source>
        <translation>نرخ لغو اشتراک</translation>
    </message>
    <message>
        <source>Bounce rate</source>
        <translation>نرخ برگشت</translation>
    </message>
    <message>
        <source>Complaint rate</source>
        <translation>نرخ شکایت</translation>
    </message>
    <message>
        <source>Purchases (first touch)</source>
        <translation>خریدها (نخستین تماس)</translation>
    </message>
    <message>
        <source>Purchases (last touch)</source>
        <translation>خریدها (آخرین تماس)</translation>
    </message>
    <message>
        <source>The variants side by side</source>
        <translation>گونه‌ها کنار هم</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>نتیجه‌ها</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>سنجه</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>برگشتی</translation>
    </message>
    <message>
        <source>Opened (people)</source>
        <translation>باز کردند (انسان)</translation>
    </message>
    <message>
        <source>Opens by machines</source>
        <translation>بازشدن از سوی ماشین‌ها</translation>
    </message>
    <message>
        <source>Clicked (people)</source>
        <translation>کلیک کردند (انسان)</translation>
    </message>
    <message>
        <source>Clicks by machines</source>
        <translation>کلیک‌های ماشین‌ها</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>لغو اشتراک</translation>
    </message>
    <message>
        <source>Complained</source>
        <translation>شکایت کرده</translation>
    </message>
    <message>
        <source>Purchases afterwards</source>
        <translation>خریدهای پس از آن</translation>
    </message>
    <message>
        <source>Opens and clicks by people in the hours after sending</source>
        <translation>بازکردن‌ها و کلیک‌های آدم‌ها در ساعت‌های پس از ارسال</translation>
    </message>
    <message>
        <source>Hours after sending</source>
        <translation>ساعت‌های پس از ارسال</translation>
    </message>
    <message>
        <source>%1 h or later</source>
        <translation>%1 ساعت یا دیرتر</translation>
    </message>
    <message>
        <source>Clicks by people on each link (the click map)</source>
        <translation>کلیک‌های آدم‌ها روی هر پیوند (نقشه‌ی کلیک)</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>پیوند</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>سهم</translation>
    </message>
    <message>
        <source>Link %1</source>
        <translation>پیوند %1</translation>
    </message>
    <message>
        <source>%1, variant %2</source>
        <translation>%1، گونه‌ی %2</translation>
    </message>
    <message>
        <source>Purchases count for the campaign when its message was the first marketing message in the %1 days before them.</source>
        <translation>خریدها به کارزاری می‌رسند که پیامش نخستین پیام بازاریابی در %1 روزِ پیش از آن‌ها بود.</translation>
    </message>
    <message>
        <source>Purchases count for the campaign when its message was the last marketing message in the %1 days before them.</source>
        <translation>خریدها به کارزاری می‌رسند که پیامش آخرین پیام بازاریابی در %1 روزِ پیش از آن‌ها بود.</translation>
    </message>
    <message>
        <source>Customers by recency, frequency and value (RFM)</source>
        <translation>مشتریان بر پایه‌ی تازگی، دفعات و ارزش خرید (RFM)</translation>
    </message>
    <message>
        <source>As of %1, from every purchase</source>
        <translation>تا %1، از همه‌ی خریدها</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <source>Revenue per customer</source>
        <translation>درآمد هر مشتری</translation>
    </message>
    <message>
        <source>The groups</source>
        <translation>گروه‌ها</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>گروه</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>سفارش‌ها</translation>
    </message>
    <message>
        <source>Days since the last purchase</source>
        <translation>روزها از آخرین خرید</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>یعنی چه</translation>
    </message>
    <message>
        <source>Customers by recency (rows, 5: the most recent) and frequency (columns, 5: the most orders)</source>
        <translation>مشتریان بر پایه‌ی تازگی (ردیف‌ها، ۵: تازه‌ترین) و دفعات (ستون‌ها، ۵: بیشترین سفارش)</translation>
    </message>
    <message>
        <source>R \ F</source>
        <translation>تازگی \ دفعات</translation>
    </message>
    <message>
        <source>Top journeys by revenue (purchases in the period, last touch)</source>
        <translation>سفرهای برتر بر پایه‌ی درآمد (خریدهای این دوره، آخرین تماس)</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>خریدها</translation>
    </message>
    <message>
        <source>Journey: %1</source>
        <translation>سفر: %1</translation>
    </message>
    <message>
        <source>Since it started, to now</source>
        <translation>از آغاز تا اکنون</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>وارد شده</translation>
    </message>
    <message>
        <source>In it now</source>
        <translation>اکنون در آن</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>به پایان رسیده</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>زودتر بیرون رفته</translation>
    </message>
    <message>
        <source>Reached a goal</source>
        <translation>به هدف رسیدند</translation>
    </message>
    <message>
        <source>no goal</source>
        <translation>بی‌هدف</translation>
    </message>
    <message>
        <source>Median time to the goal</source>
        <translation>میانه‌ی زمان تا هدف</translation>
    </message>
    <message>
        <source>Each step: the contacts waiting at it and gone through it</source>
        <translation>هر گام: مخاطبان در انتظار و گذشته از آن</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>چه می‌کند</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>اکنون در انتظار</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>گذشته</translation>
    </message>
    <message>
        <source>Of those, reached a goal</source>
        <translation>از آن‌ها، رسیده به هدف</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Revenue and return</source>
        <translation>درآمد و بازده</translation>
    </message>
    <message>
        <source>Cost of sending</source>
        <translation>هزینه‌ی ارسال</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>پیام‌های فرستاده</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>هزینه</translation>
    </message>
    <message>
        <source>Return (ROI)</source>
        <translation>بازده (ROI)</translation>
    </message>
    <message>
        <source>Revenue by month and by what came last before the purchase</source>
        <translation>درآمد هر ماه به تفکیک آنچه آخر پیش از خرید آمد</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>پیامک</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>بی‌پیام</translation>
    </message>
    <message>
        <source>By channel (last touch)</source>
        <translation>به تفکیک کانال (آخرین تماس)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>کانال</translation>
    </message>
    <message>
        <source>By campaign (last touch; cost: every message it sent)</source>
        <translation>به تفکیک کارزار (آخرین تماس؛ هزینه: همه‌ی پیام‌هایی که فرستاد)</translation>
    </message>
    <message>
        <source>By journey (last touch)</source>
        <translation>به تفکیک سفر (آخرین تماس)</translation>
    </message>
    <message>
        <source>Cost of a new customer by source (CAC)</source>
        <translation>هزینه‌ی هر مشتری تازه به تفکیک منبع (CAC)</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>مشتریان تازه</translation>
    </message>
    <message>
        <source>CAC</source>
        <translation>CAC</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>Over their life</source>
        <translation>در همه‌ی عمرشان</translation>
    </message>
    <message>
        <source>In their first 12 months</source>
        <translation>در ۱۲ ماه نخستشان</translation>
    </message>
    <message>
        <source>By segment: revenue in the period, and lifetime value (revenue per customer)</source>
        <translation>به تفکیک بخش: درآمد این دوره، و ارزش طول عمر (درآمد هر مشتری)</translation>
    </message>
    <message>
        <source>Revenue in the period</source>
        <translation>درآمد این دوره</translation>
    </message>
    <message>
        <source>Nothing was sent in this period. Choose a longer period above, or send a campaign.</source>
        <translation>در این دوره چیزی فرستاده نشده است. دورهٔ بلندتری را در بالا برگزینید یا کارزاری بفرستید.</translation>
    </message>
    <message>
        <source>No contact came in during this period. Import contacts, or choose a longer period.</source>
        <translation>در این دوره مخاطبی نیامده است. مخاطبان را درون‌بری کنید یا دورهٔ بلندتری برگزینید.</translation>
    </message>
    <message>
        <source>No campaign started in this period. Create one on the Campaigns page.</source>
        <translation>در این دوره کارزاری آغاز نشده است. در صفحهٔ کارزارها یکی بسازید.</translation>
    </message>
    <message>
        <source>No purchase in this period came after a journey's message.</source>
        <translation>در این دوره هیچ خریدی پس از پیام یک سفر انجام نشده است.</translation>
    </message>
    <message>
        <source>No one has opened or clicked yet. Opens and clicks come in through tracking (Settings, Tracking).</source>
        <translation>هنوز کسی پیام را باز نکرده یا روی پیوندی کلیک نکرده است. بازشدن‌ها و کلیک‌ها از راه ردیابی می‌آیند (تنظیمات، ردیابی).</translation>
    </message>
    <message>
        <source>No one has clicked a link yet.</source>
        <translation>هنوز کسی روی پیوندی کلیک نکرده است.</translation>
    </message>
    <message>
        <source>No one has entered this journey yet.</source>
        <translation>هنوز کسی وارد این سفر نشده است.</translation>
    </message>
    <message>
        <source>No purchase in this period. Log one on a contact (Log a Purchase), or bring in your shop's orders with masir-cli event import.</source>
        <translation>در این دوره خریدی نیست. خریدی را روی یک مخاطب ثبت کنید (ثبت خرید) یا سفارش‌های فروشگاهتان را با ‎masir-cli event import‎ بیاورید.</translation>
    </message>
    <message>
        <source>No new customer in this period.</source>
        <translation>در این دوره مشتری تازه‌ای نیست.</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportPdf</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>نوشتن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: the PDF could not be started.</source>
        <translation>نمی‌توان %1 را نوشت: ساختن PDF آغاز نشد.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportView</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportWidgets</name>
    <message>
        <source>Nothing to show yet.</source>
        <translation>هنوز چیزی برای نمایش نیست.</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportsPage</name>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>۷ روز گذشته</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>۳۰ روز گذشته</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>۹۰ روز گذشته</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>این ماه</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>ماه گذشته</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>سفارشی</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>دوره:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>برون‌بری گزارش</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Sending, opens and clicks per day</source>
        <translation>ارسال، بازشدن و کلیک در هر روز</translation>
    </message>
    <message>
        <source>New contacts by source</source>
        <translation>مخاطبان تازه بر پایهٔ منبع</translation>
    </message>
    <message>
        <source>Top campaigns by revenue (started in the period)</source>
        <translation>کارزارهای برتر از نظر درآمد (آغازشده در این دوره)</translation>
    </message>
    <message>
        <source>The period ends before it starts: choose a later end.</source>
        <translation>دوره پیش از آغازش پایان می‌یابد: پایان دیرتری برگزینید.</translation>
    </message>
    <message>
        <source>Cannot read the report: %1</source>
        <translation>گزارش خوانده نمی‌شود: %1</translation>
    </message>
    <message>
        <source>The report's tables are on the clipboard.</source>
        <translation>جدول‌های گزارش در حافظهٔ موقت است.</translation>
    </message>
    <message>
        <source>Exported the report to %1.</source>
        <translation>گزارش در %1 برون‌بری شد.</translation>
    </message>
    <message>
        <source>Copy the report's tables, to paste into a spreadsheet</source>
        <translation>جدول‌های گزارش را رونوشت کن تا در صفحه‌گسترده بچسبانید</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>برون‌بری</translation>
    </message>
    <message>
        <source>PDF Document…</source>
        <translation>سند PDF…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>سندهای PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV for a Spreadsheet…</source>
        <translation>CSV برای صفحه‌گسترده…</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>داشبورد</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>قیف</translation>
    </message>
    <message>
        <source>Stages reached in the period</source>
        <translation>مرحله‌هایی که در این دوره رسیده‌اند</translation>
    </message>
    <message>
        <source>Contacts who came in the period, to today</source>
        <translation>مخاطبانی که در این دوره آمدند، تا امروز</translation>
    </message>
    <message>
        <source>C&amp;ount:</source>
        <translation>شمارش:</translation>
    </message>
    <message>
        <source>A contact who skipped a stage counts in it when following contacts who came; times are medians over the contacts with both stages on record.</source>
        <translation>وقتی مخاطبانی که آمدند دنبال می‌شوند، مخاطبی که از مرحله‌ای گذشته در آن هم شمرده می‌شود؛ زمان‌ها میانه‌ی مخاطبانی‌اند که هر دو مرحله‌شان ثبت شده است.</translation>
    </message>
    <message>
        <source>Cannot export the report: %1</source>
        <translation>نمی‌توان گزارش را برون برد: %1</translation>
    </message>
    <message>
        <source>Customers (RFM)</source>
        <translation>مشتریان (RFM)</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>کارزار</translation>
    </message>
    <message>
        <source>Every customer as of today, scored 1 to 5 on how recently, how often and how much they bought (5 the best), in the usual groups. A group saved as a segment keeps today's thresholds and follows the customers as they buy.</source>
        <translation>همه‌ی مشتریان تا امروز، با امتیاز ۱ تا ۵ برای تازگی، دفعات و مبلغ خریدشان (۵ بهترین)، در گروه‌های معمول. گروهی که به شکل بخش ذخیره شود آستانه‌های امروز را نگه می‌دارد و مشتریان را همراه خریدهایشان دنبال می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Save Group as Segment</source>
        <translation>ذخیره‌ی گروه به شکل بخش</translation>
    </message>
    <message>
        <source>Customers by recency and frequency scores</source>
        <translation>مشتریان بر پایه‌ی امتیاز تازگی و دفعات</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign:</source>
        <translation>کارزار:</translation>
    </message>
    <message>
        <source>Last touch</source>
        <translation>آخرین تماس</translation>
    </message>
    <message>
        <source>First touch</source>
        <translation>نخستین تماس</translation>
    </message>
    <message>
        <source>Which campaign a purchase counts for: the one whose message came last before it, or first, within the attribution window</source>
        <translation>خرید به کدام کارزار می‌رسد: آن که پیامش آخر پیش از خرید آمد، یا نخست، در بازه‌ی نسبت‌دادن</translation>
    </message>
    <message>
        <source>Cannot save the choice of attribution.</source>
        <translation>نمی‌توان انتخاب نسبت‌دادن را ذخیره کرد.</translation>
    </message>
    <message>
        <source>Purchases &amp;by:</source>
        <translation>خریدها بر پایه‌ی:</translation>
    </message>
    <message>
        <source>Opens and clicks by people in the hours after sending</source>
        <translation>بازکردن‌ها و کلیک‌های آدم‌ها در ساعت‌های پس از ارسال</translation>
    </message>
    <message>
        <source>Clicks by people on each link (the click map)</source>
        <translation>کلیک‌های آدم‌ها روی هر پیوند (نقشه‌ی کلیک)</translation>
    </message>
    <message>
        <source>Cannot read the campaigns.</source>
        <translation>نمی‌توان کارزارها را خواند.</translation>
    </message>
    <message>
        <source>RFM: %1</source>
        <translation>RFM: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Cannot save the segment "%1": %2</source>
        <translation>نمی‌توان بخش «%1» را ذخیره کرد: %2</translation>
    </message>
    <message numerus="yes">
        <source>Saved the segment "%1" (%n customer(s) today).</source>
        <translation>
            <numerusform>بخش «%1» ذخیره شد (امروز %Ln مشتری).</numerusform>
        </translation>
    </message>
    <message>
        <source>No campaign has started yet: its report comes with its first messages.</source>
        <translation>هنوز هیچ کارزاری آغاز نشده است: گزارشش با نخستین پیام‌هایش می‌آید.</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>درآمد</translation>
    </message>
    <message>
        <source>Top journeys by revenue (purchases in the period, last touch)</source>
        <translation>سفرهای برتر بر پایه‌ی درآمد (خریدهای این دوره، آخرین تماس)</translation>
    </message>
    <message>
        <source>&amp;Journey:</source>
        <translation>سفر:</translation>
    </message>
    <message>
        <source>The journey's canvas shows the same counts on each step.</source>
        <translation>بوم سفر همین شمارش‌ها را روی هر گام نشان می‌دهد.</translation>
    </message>
    <message>
        <source>Cannot save the cost per message.</source>
        <translation>نمی‌توان هزینه‌ی هر پیام را ذخیره کرد.</translation>
    </message>
    <message>
        <source>Cost per &amp;email:</source>
        <translation>هزینه‌ی هر ایمیل:</translation>
    </message>
    <message>
        <source>Cost per S&amp;MS:</source>
        <translation>هزینه‌ی هر پیامک:</translation>
    </message>
    <message>
        <source>&amp;Acquisition Costs…</source>
        <translation>هزینه‌های جذب…</translation>
    </message>
    <message>
        <source>What winning customers cost per month and source, for the cost of a new customer</source>
        <translation>هزینه‌ی به دست آوردن مشتری در هر ماه و از هر منبع، برای هزینه‌ی هر مشتری تازه</translation>
    </message>
    <message>
        <source>There is no journey yet: make one on the Journeys page.</source>
        <translation>هنوز سفری نیست: در صفحه‌ی سفرها یکی بسازید.</translation>
    </message>
    <message>
        <source>within </source>
        <translation>در </translation>
    </message>
    <message>
        <source> days</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>How long after a message a purchase still counts for it. Purchases are given as they come: a new window counts from now on.</source>
        <translation>تا چند روز پس از یک پیام، خرید هنوز به آن می‌رسد. خریدها هنگام رسیدن نسبت داده می‌شوند: بازه‌ی تازه از اکنون به بعد حساب می‌شود.</translation>
    </message>
    <message>
        <source>Cannot save the attribution window.</source>
        <translation>نمی‌توان بازه‌ی نسبت‌دادن را ذخیره کرد.</translation>
    </message>
</context>
<context>
    <name>masir::ui::ReturnedMailPanel</name>
    <message>
        <source>Only what needs a &amp;person</source>
        <translation>فقط آنچه به یک نفر نیاز دارد</translation>
    </message>
    <message>
        <source>Messages Masir could not read or act on, kept aside whole</source>
        <translation>پیام‌هایی که مسیر نتوانست بخواند یا به آن‌ها رسیدگی کند، کامل کنار گذاشته شده</translation>
    </message>
    <message>
        <source>&amp;Check Mailboxes Now</source>
        <translation>همین حالا صندوق‌ها را بخوان</translation>
    </message>
    <message numerus="yes">
        <source>Masir reads them every %n minute(s) while it runs</source>
        <translation>
            <numerusform>مسیر تا وقتی در حال اجراست هر %Ln دقیقه آن‌ها را می‌خواند</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save Message…</source>
        <translation>ذخیرهٔ پیام…</translation>
    </message>
    <message>
        <source>Save the selected message kept aside as an .eml file, to open it in a mail program</source>
        <translation>پیام کنار گذاشته‌شدهٔ برگزیده را به‌صورت پروندهٔ ‎.eml ذخیره کنید تا در برنامهٔ ایمیل باز شود</translation>
    </message>
    <message>
        <source>Returned mail</source>
        <translation>نامه‌های برگشتی</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>رسیده در</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>حساب</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>What Masir did</source>
        <translation>کاری که مسیر کرد</translation>
    </message>
    <message>
        <source>%1: not read while the account is turned off.</source>
        <translation>%1: تا وقتی حساب خاموش است خوانده نمی‌شود.</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1: خوانده نمی‌شود: %2</translation>
    </message>
    <message>
        <source>%1: read at %2.</source>
        <translation>%1: در %2 خوانده شد.</translation>
    </message>
    <message>
        <source>%1: not read yet.</source>
        <translation>%1: هنوز خوانده نشده.</translation>
    </message>
    <message>
        <source>Bounces that come back later, spam complaints and unsubscribe requests by email arrive in your sending account's mailbox. To let Masir read them, edit an email account in Settings → Channels and fill in its returned-mail mailbox.</source>
        <translation>برگشتی‌هایی که دیرتر می‌آیند، شکایت‌های هرزنامه و درخواست‌های لغو اشتراک با ایمیل به صندوق نامهٔ حساب ارسال شما می‌رسند. برای اینکه مسیر آن‌ها را بخواند، در تنظیمات ← کانال‌ها یک حساب ایمیل را ویرایش کنید و صندوق نامه‌های برگشتی آن را پر کنید.</translation>
    </message>
    <message>
        <source>Nothing needs a person: Masir could read every message that came back.</source>
        <translation>چیزی به یک نفر نیاز ندارد: مسیر توانست هر پیام برگشتی را بخواند.</translation>
    </message>
    <message>
        <source>Nothing has come back to the mailboxes yet.</source>
        <translation>هنوز چیزی به صندوق‌های نامه برنگشته است.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>در حال خواندن…</translation>
    </message>
    <message>
        <source>Cannot read the mailboxes: %1</source>
        <translation>صندوق‌های نامه خوانده نمی‌شوند: %1</translation>
    </message>
    <message>
        <source>The message is not kept: %1</source>
        <translation>پیام نگه داشته نشده: %1</translation>
    </message>
    <message>
        <source>Save Returned Message</source>
        <translation>ذخیرهٔ پیام برگشتی</translation>
    </message>
    <message>
        <source>Email messages (*.eml)</source>
        <translation>پیام‌های ایمیل (*.eml)</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 ذخیره نمی‌شود: %2</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>%1 · kept aside</source>
        <translation>%1 · کنار گذاشته شد</translation>
    </message>
</context>
<context>
    <name>masir::ui::RuleBuilder</name>
    <message>
        <source>Condition subject</source>
        <translation>موضوع شرط</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>عملگر</translation>
    </message>
    <message>
        <source>Move the condition up</source>
        <translation>بردن شرط به بالا</translation>
    </message>
    <message>
        <source>Move the condition down</source>
        <translation>بردن شرط به پایین</translation>
    </message>
    <message>
        <source>Remove the condition</source>
        <translation>حذف شرط</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>Pick an activity, or type the name of a custom event your shop sends</source>
        <translation>فعالیتی را برگزینید یا نام رویداد سفارشی‌ای را که فروشگاهتان می‌فرستد بنویسید</translation>
    </message>
    <message>
        <source>at least </source>
        <translation>دست‌کم </translation>
    </message>
    <message>
        <source> time(s)</source>
        <translation> بار</translation>
    </message>
    <message>
        <source>At least this many times</source>
        <translation>دست‌کم این تعداد بار</translation>
    </message>
    <message>
        <source>ever</source>
        <translation>تا کنون</translation>
    </message>
    <message>
        <source>in the last </source>
        <translation>در </translation>
    </message>
    <message>
        <source> days</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>In the last this many days</source>
        <translation>در این تعداد روز گذشته</translation>
    </message>
    <message>
        <source>property, e.g. amount</source>
        <translation>ویژگی، مثلاً amount</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>ویژگی</translation>
    </message>
    <message>
        <source>Property operator</source>
        <translation>عملگر ویژگی</translation>
    </message>
    <message>
        <source>value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Property value</source>
        <translation>مقدار ویژگی</translation>
    </message>
    <message>
        <source>where</source>
        <translation>که در آن</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Segment or list</source>
        <translation>بخش یا فهرست</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>بخش</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>برچسب‌ها، جدا با ویرگول</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>مقدارها</translation>
    </message>
    <message>
        <source>choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>تعداد روز</translation>
    </message>
    <message>
        <source>from</source>
        <translation>از</translation>
    </message>
    <message>
        <source>and</source>
        <translation>و</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>values, separated by commas</source>
        <translation>مقدارها، جدا با ویرگول</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>یک عدد</translation>
    </message>
    <message>
        <source>text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>تطبیق</translation>
    </message>
    <message>
        <source>Match all of these conditions</source>
        <translation>همهٔ این شرط‌ها برقرار باشد</translation>
    </message>
    <message>
        <source>Match any of these conditions</source>
        <translation>هر یک از این شرط‌ها برقرار باشد</translation>
    </message>
    <message>
        <source>Move the group up</source>
        <translation>بردن گروه به بالا</translation>
    </message>
    <message>
        <source>Move the group down</source>
        <translation>بردن گروه به پایین</translation>
    </message>
    <message>
        <source>Remove the group</source>
        <translation>حذف گروه</translation>
    </message>
    <message>
        <source>No conditions yet: every contact matches.</source>
        <translation>هنوز شرطی نیست: همهٔ مخاطبان منطبق‌اند.</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ شرط</translation>
    </message>
    <message>
        <source>Add a condition to this group</source>
        <translation>افزودن شرط به این گروه</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ گروه</translation>
    </message>
    <message>
        <source>Add a group with its own all/any choice</source>
        <translation>افزودن گروهی با انتخاب «همه/هر یک» خودش</translation>
    </message>
    <message>
        <source>Journey</source>
        <translation>سفر</translation>
    </message>
    <message>
        <source>is in</source>
        <translation>در آن است</translation>
    </message>
</context>
<context>
    <name>masir::ui::ScoringDialog</name>
    <message>
        <source>Lead Scoring and Stages</source>
        <translation>امتیازدهی سرنخ‌ها و مرحله‌ها</translation>
    </message>
    <message>
        <source>Scoring rules</source>
        <translation>قاعده‌های امتیازدهی</translation>
    </message>
    <message>
        <source>When the contact…</source>
        <translation>وقتی مخاطب…</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>حداکثر</translation>
    </message>
    <message>
        <source>Per</source>
        <translation>در هر</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>ویژگی</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>آزمون</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <source>On</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>&amp;Add Rule</source>
        <translation>افزودن قاعده</translation>
    </message>
    <message>
        <source>&amp;Remove Rule</source>
        <translation>حذف قاعده</translation>
    </message>
    <message>
        <source>Each activity adds its points, up to "At most" per period of "Per" days (0: no cap). Inactivity takes points off for every 30 days without activity.</source>
        <translation>هر فعالیت امتیازش را می‌افزاید، تا سقف «حداکثر» در هر دورهٔ «در هر» روز (۰: بی‌سقف). بی‌فعالیتی به ازای هر ۳۰ روز بی‌فعالیتی امتیاز کم می‌کند.</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>قاعده‌ها</translation>
    </message>
    <message>
        <source>The stages in funnel order, separated by commas</source>
        <translation>مرحله‌ها به ترتیب قیف، جدا با ویرگول</translation>
    </message>
    <message>
        <source>Thresholds and stages</source>
        <translation>آستانه‌ها و مرحله‌ها</translation>
    </message>
    <message>
        <source>A lead becomes &amp;MQL at score:</source>
        <translation>سرنخ در این امتیاز MQL می‌شود:</translation>
    </message>
    <message>
        <source>A lead becomes &amp;SQL at score:</source>
        <translation>سرنخ در این امتیاز SQL می‌شود:</translation>
    </message>
    <message>
        <source>S&amp;tages, in order:</source>
        <translation>مرحله‌ها، به ترتیب:</translation>
    </message>
    <message>
        <source>Funnel:</source>
        <translation>قیف:</translation>
    </message>
    <message>
        <source>When a score reaches a threshold the contact moves forward to that stage, and a follow-up task is created for the owner.</source>
        <translation>وقتی امتیاز به آستانه‌ای برسد، مخاطب به آن مرحله پیش می‌رود و برای مسئولش کار پیگیری ساخته می‌شود.</translation>
    </message>
    <message>
        <source>Save and &amp;Recompute All Scores</source>
        <translation>ذخیره و محاسبهٔ دوبارهٔ همهٔ امتیازها</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>فعالیت</translation>
    </message>
    <message>
        <source>is inactive for 30 days</source>
        <translation>۳۰ روز فعالیتی ندارد</translation>
    </message>
    <message>
        <source> days</source>
        <translation> روز</translation>
    </message>
    <message>
        <source>e.g. amount</source>
        <translation>مثلاً amount</translation>
    </message>
    <message>
        <source>Check the thresholds</source>
        <translation>آستانه‌ها را بررسی کنید</translation>
    </message>
    <message>
        <source>The SQL threshold must be higher than the MQL threshold.</source>
        <translation>آستانهٔ SQL باید از آستانهٔ MQL بالاتر باشد.</translation>
    </message>
    <message>
        <source>Check the stages</source>
        <translation>مرحله‌ها را بررسی کنید</translation>
    </message>
    <message>
        <source>Check rule %1</source>
        <translation>قاعدهٔ %1 را بررسی کنید</translation>
    </message>
    <message>
        <source>Scoring rules saved.</source>
        <translation>قاعده‌های امتیازدهی ذخیره شد.</translation>
    </message>
    <message>
        <source>Recomputing every score from the history…</source>
        <translation>محاسبهٔ دوبارهٔ همهٔ امتیازها از روی سابقه…</translation>
    </message>
    <message>
        <source>Scores recomputed</source>
        <translation>امتیازها دوباره محاسبه شد</translation>
    </message>
    <message>
        <source>The scores could not be recomputed: %1</source>
        <translation>امتیازها دوباره محاسبه نشد: %1</translation>
    </message>
    <message>
        <source>%1 scores changed; %2 contacts moved forward a stage.</source>
        <translation>%1 امتیاز تغییر کرد؛ %2 مخاطب یک مرحله پیش رفت.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>masir::ui::SegmentsPage</name>
    <message>
        <source>New &amp;Segment</source>
        <translation>بخش تازه</translation>
    </message>
    <message>
        <source>A segment is a live audience: contacts who match its rules</source>
        <translation>بخش مخاطبانی زنده است: کسانی که با قاعده‌هایش منطبق‌اند</translation>
    </message>
    <message>
        <source>New &amp;List</source>
        <translation>فهرست تازه</translation>
    </message>
    <message>
        <source>A list holds the contacts you put in it, by hand or from an import</source>
        <translation>فهرست مخاطبانی را نگه می‌دارد که خودتان یا با ورود داده در آن می‌گذارید</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Go back to the saved version</source>
        <translation>بازگشت به نسخهٔ ذخیره‌شده</translation>
    </message>
    <message>
        <source>Segments and lists</source>
        <translation>بخش‌ها و فهرست‌ها</translation>
    </message>
    <message>
        <source>Segment name</source>
        <translation>نام بخش</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>مخاطبان منطبق</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>در حال شمارش…</translation>
    </message>
    <message>
        <source>Matching contacts: %1</source>
        <translation>مخاطبان منطبق: %1</translation>
    </message>
    <message>
        <source>Counted in %1 ms</source>
        <translation>شمارش در %1 میلی‌ثانیه</translation>
    </message>
    <message>
        <source>Fix the conditions marked in red.</source>
        <translation>شرط‌هایی را که با قرمز نشان داده شده‌اند درست کنید.</translation>
    </message>
    <message>
        <source>Preview of matching contacts</source>
        <translation>پیش‌نمایش مخاطبان منطبق</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Show in Contacts</source>
        <translation>نمایش در مخاطبان</translation>
    </message>
    <message>
        <source>Filter the contact list to this segment</source>
        <translation>فهرست مخاطبان را به این بخش محدود کن</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>ذخیره (%1)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Segments are live audiences: contacts who match rules on their fields, tags and activity. Lists hold the contacts you put in them.

Create one with New Segment or New List.</source>
        <translation>بخش‌ها مخاطبان زنده‌اند: کسانی که با قاعده‌هایی بر فیلدها، برچسب‌ها و فعالیتشان منطبق‌اند. فهرست‌ها مخاطبانی را نگه می‌دارند که خودتان در آن‌ها می‌گذارید.

با «بخش تازه» یا «فهرست تازه» یکی بسازید.</translation>
    </message>
    <message>
        <source>A list holds the contacts you put in it: select contacts in the contact list and choose Add to List (Ctrl+L), or name the list in the import wizard.</source>
        <translation>فهرست مخاطبانی را نگه می‌دارد که در آن می‌گذارید: مخاطبان را در فهرست مخاطبان انتخاب کنید و «افزودن به فهرست» (Ctrl+L) را بزنید، یا نام فهرست را در دستیار ورود داده بنویسید.</translation>
    </message>
    <message>
        <source>Contacts who match these conditions, now and as they change. The count updates as you edit.</source>
        <translation>مخاطبانی که با این شرط‌ها منطبق‌اند، اکنون و هر بار که تغییر کنند. شمار با هر ویرایش به‌روز می‌شود.</translation>
    </message>
    <message>
        <source>Save the list, then add contacts to it.</source>
        <translation>فهرست را ذخیره کنید، سپس مخاطبان را به آن اضافه کنید.</translation>
    </message>
    <message>
        <source>New list</source>
        <translation>فهرست تازه</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>بخش تازه</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Cannot save the segment</source>
        <translation>ذخیرهٔ بخش ممکن نیست</translation>
    </message>
    <message>
        <source>Saved "%1".</source>
        <translation>«%1» ذخیره شد.</translation>
    </message>
    <message>
        <source>Delete segment</source>
        <translation>حذف بخش</translation>
    </message>
    <message>
        <source>Delete "%1"? The contacts stay; only the segment goes.</source>
        <translation>«%1» حذف شود؟ مخاطبان می‌مانند؛ فقط بخش حذف می‌شود.</translation>
    </message>
    <message>
        <source>Cannot delete the segment</source>
        <translation>حذف بخش ممکن نیست</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>«%1» حذف شد.</translation>
    </message>
    <message>
        <source>Subscribers may join or leave this list on their &amp;preference page</source>
        <translation>مشترکان می‌توانند در صفحهٔ تنظیمات اشتراک خود به این فهرست بپیوندند یا از آن بیرون بروند</translation>
    </message>
    <message>
        <source>The preference page linked from every marketing email shows the lists marked here as topics, by their name.</source>
        <translation>صفحهٔ تنظیمات اشتراک که در هر ایمیل تبلیغاتی پیوند داده می‌شود، فهرست‌هایی را که این‌جا علامت خورده‌اند با نامشان به‌عنوان موضوع نشان می‌دهد.</translation>
    </message>
    <message>
        <source>No segments yet: group contacts by what they are and what they did.</source>
        <translation>هنوز بخشی نیست: مخاطبان را بر پایهٔ اینکه که هستند و چه کرده‌اند دسته کنید.</translation>
    </message>
</context>
<context>
    <name>masir::ui::SettingsPage</name>
    <message>
        <source>This workspace</source>
        <translation>این فضای کاری</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>پرونده:</translation>
    </message>
    <message>
        <source>Shown in emails you send</source>
        <translation>در ایمیل‌هایی که می‌فرستید نشان داده می‌شود</translation>
    </message>
    <message>
        <source>Business name saved.</source>
        <translation>نام کسب‌وکار ذخیره شد.</translation>
    </message>
    <message>
        <source>&amp;Business name:</source>
        <translation>نام کسب‌وکار:</translation>
    </message>
    <message>
        <source>None: numbers must start with + and a country code</source>
        <translation>هیچ: شماره‌ها باید با + و کد کشور آغاز شوند</translation>
    </message>
    <message>
        <source>Default country for phone numbers saved.</source>
        <translation>کشور پیش‌فرض شماره‌های تلفن ذخیره شد.</translation>
    </message>
    <message>
        <source>Default &amp;country for phone numbers:</source>
        <translation>کشور پیش‌فرض شماره‌های تلفن:</translation>
    </message>
    <message>
        <source>Numbers typed without a country code, such as 0912 345 6789, are read as numbers of this country.</source>
        <translation>شماره‌هایی که بدون کد کشور نوشته می‌شوند، مانند 0912 345 6789، شمارهٔ این کشور خوانده می‌شوند.</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>زبان سیستم</translation>
    </message>
    <message>
        <source>The language changes the next time Masir starts.</source>
        <translation>زبان از اجرای بعدی مسیر تغییر می‌کند.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>زبان:</translation>
    </message>
    <message>
        <source>Lead Scoring and Stages…</source>
        <translation>امتیازدهی سرنخ‌ها و مرحله‌ها…</translation>
    </message>
    <message>
        <source>Scoring:</source>
        <translation>امتیازدهی:</translation>
    </message>
    <message>
        <source>Channels: Email and SMS Accounts…</source>
        <translation>کانال‌ها: حساب‌های ایمیل و پیامک…</translation>
    </message>
    <message>
        <source>Sending:</source>
        <translation>ارسال:</translation>
    </message>
    <message>
        <source>Tracking: Opens, Clicks and Unsubscribe Pages…</source>
        <translation>ردیابی: بازشدن‌ها، کلیک‌ها و صفحه‌های لغو اشتراک…</translation>
    </message>
    <message>
        <source>Tracking:</source>
        <translation>ردیابی:</translation>
    </message>
    <message>
        <source>CRM Sync: HubSpot and Pipedrive…</source>
        <translation>همگام‌سازی CRM: ‏HubSpot و Pipedrive…</translation>
    </message>
    <message>
        <source>CRM:</source>
        <translation>CRM:</translation>
    </message>
</context>
<context>
    <name>masir::ui::TagsDialog</name>
    <message>
        <source>Manage Tags</source>
        <translation>مدیریت برچسب‌ها</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>مخاطبان</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation>ادغام در…</translation>
    </message>
    <message>
        <source>Give this tag's contacts another tag, then delete this one</source>
        <translation>به مخاطبان این برچسب برچسب دیگری بده، سپس این یکی را حذف کن</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Rename Tag</source>
        <translation>تغییر نام برچسب</translation>
    </message>
    <message>
        <source>New name (a name another tag has merges the two):</source>
        <translation>نام تازه (اگر برچسب دیگری این نام را داشته باشد، دو برچسب ادغام می‌شوند):</translation>
    </message>
    <message>
        <source>Cannot rename the tag</source>
        <translation>تغییر نام برچسب ممکن نیست</translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation>ادغام برچسب</translation>
    </message>
    <message>
        <source>Give the contacts tagged "%1" this tag instead:</source>
        <translation>به جای «%1» این برچسب را به مخاطبانش بده:</translation>
    </message>
    <message>
        <source>Cannot merge the tags</source>
        <translation>ادغام برچسب‌ها ممکن نیست</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>حذف برچسب</translation>
    </message>
    <message>
        <source>Delete the tag "%1"? It is taken off %2 contact(s); the contacts stay.</source>
        <translation>برچسب «%1» حذف شود؟ از %2 مخاطب برداشته می‌شود؛ مخاطبان می‌مانند.</translation>
    </message>
    <message>
        <source>Cannot delete the tag</source>
        <translation>حذف برچسب ممکن نیست</translation>
    </message>
</context>
<context>
    <name>masir::ui::TaskDialog</name>
    <message>
        <source>Edit Task</source>
        <translation>ویرایش کار</translation>
    </message>
    <message>
        <source>New Task</source>
        <translation>کار تازه</translation>
    </message>
    <message>
        <source>About:</source>
        <translation>درباره‌ی:</translation>
    </message>
    <message>
        <source>e.g. Call back about the quote</source>
        <translation>مثلاً تماس دوباره درباره‌ی پیش‌فاکتور</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>جزئیات:</translation>
    </message>
    <message>
        <source>D&amp;ue</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>اولویت:</translation>
    </message>
    <message>
        <source>Whose task it is; empty: anyone's</source>
        <translation>مسئول کار؛ خالی: هر کسی</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>مسئول:</translation>
    </message>
</context>
<context>
    <name>masir::ui::TasksPage</name>
    <message>
        <source>&amp;New Task…</source>
        <translation>کار تازه…</translation>
    </message>
    <message>
        <source>Add a task (Ctrl+Shift+T)</source>
        <translation>افزودن یک کار (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>Mark the selected tasks done (Ctrl+D)</source>
        <translation>کارهای انتخاب‌شده انجام‌شده شوند (Ctrl+D)</translation>
    </message>
    <message>
        <source>S&amp;nooze</source>
        <translation>یادآوری بعدی</translation>
    </message>
    <message>
        <source>For an hour</source>
        <translation>یک ساعت بعد</translation>
    </message>
    <message>
        <source>Until tomorrow at 9:00</source>
        <translation>فردا ساعت ۹:۰۰</translation>
    </message>
    <message>
        <source>For a week</source>
        <translation>یک هفته بعد</translation>
    </message>
    <message>
        <source>Remind me of the selected tasks later</source>
        <translation>کارهای انتخاب‌شده را بعداً یادآوری کن</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <source>Open &amp;Contact</source>
        <translation>باز کردن مخاطب</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>نمایش:</translation>
    </message>
    <message>
        <source>My tasks and unassigned ones</source>
        <translation>کارهای من و کارهای بی‌مسئول</translation>
    </message>
    <message>
        <source>Everyone's tasks</source>
        <translation>کارهای همه</translation>
    </message>
    <message>
        <source>Include tasks done</source>
        <translation>با کارهای انجام‌شده</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>About</source>
        <translation>درباره‌ی</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>مسئول</translation>
    </message>
    <message>
        <source>No tasks here: you are all caught up. Tasks come from score thresholds, journeys and deals left untouched, or add one with New Task.</source>
        <translation>اینجا کاری نیست: همه‌چیز انجام شده. کارها از آستانه‌های امتیاز، سفرها و معامله‌های رهاشده می‌آیند، یا با «کار تازه» یکی بیفزایید.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>سررسید گذشته</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>پیش رو</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>بی‌سررسید</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>The task could not be saved: %1</source>
        <translation>کار ذخیره نشد: %1</translation>
    </message>
    <message>
        <source>Task done.</source>
        <translation>کار انجام شد.</translation>
    </message>
    <message>
        <source>The task could not be snoozed: %1</source>
        <translation>یادآوری بعدی کار تنظیم نشد: %1</translation>
    </message>
    <message>
        <source>You will be reminded again %1.</source>
        <translation>در %1 دوباره یادآوری می‌شود.</translation>
    </message>
    <message>
        <source>Delete Tasks</source>
        <translation>حذف کارها</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n task(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%Ln کار حذف شود؟ این کار برگشت‌پذیر نیست.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::TemplatesPage</name>
    <message>
        <source>Email</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <source>New &amp;Email</source>
        <translation>ایمیل تازه</translation>
    </message>
    <message>
        <source>Write a new email template (%1)</source>
        <translation>نوشتن قالب ایمیل تازه (%1)</translation>
    </message>
    <message>
        <source>New &amp;SMS</source>
        <translation>پیامک تازه</translation>
    </message>
    <message>
        <source>Write a new text message template</source>
        <translation>نوشتن قالب پیامک تازه</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Save (%1)</source>
        <translation>ذخیره (%1)</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <source>Go back to the saved version</source>
        <translation>بازگشت به نسخهٔ ذخیره‌شده</translation>
    </message>
    <message>
        <source>Send &amp;Test…</source>
        <translation>ارسال آزمایشی…</translation>
    </message>
    <message>
        <source>Send this template, as it is in the editor, to one address or phone through one of your accounts</source>
        <translation>این قالب را، همان‌طور که در ویرایشگر است، از طریق یکی از حساب‌هایتان به یک نشانی یا شماره بفرستید</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>قالب‌ها</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>نام قالب</translation>
    </message>
    <message>
        <source>&amp;Marketing (adds the footer and unsubscribe link)</source>
        <translation>تبلیغاتی (پانویس و پیوند لغو اشتراک را می‌افزاید)</translation>
    </message>
    <message>
        <source>Marketing messages carry your postal address and an unsubscribe link, and are not sent to contacts who unsubscribed. Turn it off only for messages a contact asked for, such as a receipt.</source>
        <translation>پیام‌های تبلیغاتی نشانی پستی شما و پیوند لغو اشتراک را دارند و برای مخاطبانی که اشتراکشان را لغو کرده‌اند فرستاده نمی‌شوند. فقط برای پیام‌هایی که مخاطب خودش خواسته، مانند رسید، آن را خاموش کنید.</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>What the inbox shows first, e.g. Welcome, {{first_name}}!</source>
        <translation>آنچه صندوق ورودی اول نشان می‌دهد، مثلاً: خوش آمدید، {{first_name}}!</translation>
    </message>
    <message>
        <source>Preheader</source>
        <translation>پیش‌متن</translation>
    </message>
    <message>
        <source>The short line inboxes show after the subject</source>
        <translation>سطر کوتاهی که صندوق‌های ورودی پس از موضوع نشان می‌دهند</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>کانال:</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>P&amp;reheader:</source>
        <translation>پیش‌متن:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Insert Merge &amp;Tag</source>
        <translation>درج برچسب جایگذاری</translation>
    </message>
    <message>
        <source>Insert a contact's data, such as their first name, where the cursor is</source>
        <translation>داده‌ای از مخاطب، مانند نام کوچکش، را در جای مکان‌نما درج کنید</translation>
    </message>
    <message>
        <source>Characters and parts</source>
        <translation>نویسه‌ها و بخش‌ها</translation>
    </message>
    <message>
        <source>Problems in the template</source>
        <translation>مشکل‌های قالب</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <source>Send Test…</source>
        <translation>ارسال آزمایشی…</translation>
    </message>
    <message>
        <source>Sending the test</source>
        <translation>در حال ارسال آزمایشی</translation>
    </message>
    <message>
        <source>Preview for contact</source>
        <translation>پیش‌نمایش برای مخاطب</translation>
    </message>
    <message>
        <source>&amp;Preview for:</source>
        <translation>پیش‌نمایش برای:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>Templates hold the emails and text messages that journeys and campaigns send, with merge tags such as {{first_name}} for each contact.

Create one with New Email or New SMS.</source>
        <translation>قالب‌ها ایمیل‌ها و پیامک‌هایی را نگه می‌دارند که سفرها و کارزارها می‌فرستند، با برچسب‌های جایگذاری مانند {{first_name}} برای هر مخاطب.

با «ایمیل تازه» یا «پیامک تازه» یکی بسازید.</translation>
    </message>
    <message>
        <source>Alex</source>
        <translation>سارا</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>نمونه</translation>
    </message>
    <message>
        <source>Example Company</source>
        <translation>شرکت نمونه</translation>
    </message>
    <message>
        <source>Shiraz</source>
        <translation>شیراز</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Contact %1</source>
        <translation>مخاطب %1</translation>
    </message>
    <message>
        <source>Sample contact (made up)</source>
        <translation>مخاطب نمونه (ساختگی)</translation>
    </message>
    <message>
        <source>SMS (text message)</source>
        <translation>SMS (پیامک)</translation>
    </message>
    <message>
        <source>Write in Markdown: **bold**, *italic*, [a link](https://example.com), lists that start with -. Merge tags such as {{first_name}} fill in each contact's data.</source>
        <translation>به Markdown بنویسید: **پررنگ**، *کج*، [یک پیوند](https://example.com)، فهرست‌هایی که با - آغاز می‌شوند. برچسب‌های جایگذاری مانند {{first_name}} داده‌های هر مخاطب را جایگذاری می‌کنند.</translation>
    </message>
    <message>
        <source>Write the text message. Merge tags such as {{first_name}} fill in each contact's data. Persian text fits 70 characters in one part, Latin text 160.</source>
        <translation>متن پیامک را بنویسید. برچسب‌های جایگذاری مانند {{first_name}} داده‌های هر مخاطب را جایگذاری می‌کنند. متن فارسی ۷۰ نویسه و متن لاتین ۱۶۰ نویسه در یک بخش جا می‌شود.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>New text message</source>
        <translation>پیامک تازه</translation>
    </message>
    <message>
        <source>New email</source>
        <translation>ایمیل تازه</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (رونوشت)</translation>
    </message>
    <message>
        <source>Cannot save the template</source>
        <translation>ذخیرهٔ قالب ممکن نیست</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>برای قالب نامی بگذارید.</translation>
    </message>
    <message>
        <source>Rename template</source>
        <translation>تغییر نام قالب</translation>
    </message>
    <message>
        <source>Journey steps and queued messages find templates by name. Rename "%1" to "%2" anyway? Steps that send "%1" then need the new name.</source>
        <translation>گام‌های سفر و پیام‌های در صف، قالب‌ها را با نامشان پیدا می‌کنند. با این حال نام «%1» به «%2» تغییر کند؟ گام‌هایی که «%1» را می‌فرستند پس از آن به نام تازه نیاز دارند.</translation>
    </message>
    <message>
        <source>Saved "%1".</source>
        <translation>«%1» ذخیره شد.</translation>
    </message>
    <message>
        <source>Saved "%1". Fix its problems before it is sent.</source>
        <translation>«%1» ذخیره شد. پیش از ارسال، مشکل‌هایش را برطرف کنید.</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>حذف قالب</translation>
    </message>
    <message>
        <source>Delete "%1"? Journey steps and queued messages that send it fail until there is a template of this name again.</source>
        <translation>«%1» حذف شود؟ گام‌های سفر و پیام‌های در صفی که آن را می‌فرستند ناموفق می‌شوند تا دوباره قالبی با همین نام وجود داشته باشد.</translation>
    </message>
    <message>
        <source>Cannot delete the template</source>
        <translation>حذف قالب ممکن نیست</translation>
    </message>
    <message>
        <source>Deleted "%1".</source>
        <translation>«%1» حذف شد.</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · %Ln part(s) · %2</source>
        <translation>
            <numerusform>%1 نویسه · %Ln بخش · %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Unicode (UCS-2)</source>
        <translation>یونیکد (UCS-2)</translation>
    </message>
    <message>
        <source>GSM-7</source>
        <translation>GSM-7</translation>
    </message>
    <message>
        <source>%1 characters left in this part. Counted with the merge tags filled in for the preview contact; longer names make longer messages.</source>
        <translation>%1 نویسه در این بخش باقی مانده است. با جایگذاری برچسب‌ها برای مخاطب پیش‌نمایش شمرده شده؛ نام‌های بلندتر پیام را بلندتر می‌کنند.</translation>
    </message>
    <message>
        <source>The preview appears when the problems are fixed.</source>
        <translation>پیش‌نمایش پس از برطرف شدن مشکل‌ها نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>موضوع: %1</translation>
    </message>
    <message>
        <source>Preheader: %1</source>
        <translation>پیش‌متن: %1</translation>
    </message>
    <message>
        <source>Sending a test through "%1"…</source>
        <translation>در حال ارسال آزمایشی از طریق «%1»…</translation>
    </message>
    <message>
        <source>The test was sent.</source>
        <translation>پیام آزمایشی فرستاده شد.</translation>
    </message>
    <message>
        <source>The test was not sent.</source>
        <translation>پیام آزمایشی فرستاده نشد.</translation>
    </message>
    <message>
        <source>&amp;Track opens and clicks</source>
        <translation>ردیابی بازشدن‌ها و کلیک‌ها</translation>
    </message>
    <message>
        <source>Adds an invisible image and sends each link through your tracking address, so that opens and clicks reach scores, journeys and reports. A single link stays untracked when its address ends in #notrack. Settings → Tracking turns it on or off for every message.</source>
        <translation>یک تصویر نامرئی می‌افزاید و هر پیوند را از نشانی ردیابی شما می‌گذراند تا بازشدن‌ها و کلیک‌ها به امتیازها، سفرها و گزارش‌ها برسند. پیوندی که نشانی‌اش به ‎#notrack‎ ختم شود ردیابی نمی‌شود. تنظیمات ← ردیابی آن را برای همهٔ پیام‌ها روشن یا خاموش می‌کند.</translation>
    </message>
    <message>
        <source>No templates yet: write the first email or text message.</source>
        <translation>هنوز قالبی نیست: نخستین ایمیل یا پیامک را بنویسید.</translation>
    </message>
</context>
<context>
    <name>masir::ui::TestSendController</name>
    <message>
        <source>Send Test</source>
        <translation>ارسال آزمایشی</translation>
    </message>
    <message>
        <source>There is no enabled email account. Add an SMTP account in Settings → Channels.</source>
        <translation>هیچ حساب ایمیل فعالی نیست. در تنظیمات ← کانال‌ها یک حساب SMTP بیفزایید.</translation>
    </message>
    <message>
        <source>There is no enabled SMS gateway. Add one in Settings → Channels.</source>
        <translation>هیچ درگاه پیامک فعالی نیست. در تنظیمات ← کانال‌ها یکی بیفزایید.</translation>
    </message>
    <message>
        <source>Send through:</source>
        <translation>ارسال از طریق:</translation>
    </message>
    <message>
        <source>Send the test email to this address:</source>
        <translation>ایمیل آزمایشی به این نشانی فرستاده شود:</translation>
    </message>
    <message>
        <source>Send the test message to this phone number:</source>
        <translation>پیام آزمایشی به این شمارهٔ تلفن فرستاده شود:</translation>
    </message>
    <message>
        <source>Send a test email through "%1" to this address:</source>
        <translation>یک ایمیل آزمایشی از طریق «%1» به این نشانی فرستاده شود:</translation>
    </message>
    <message>
        <source>Send a test message through "%1" to this phone number:</source>
        <translation>یک پیام آزمایشی از طریق «%1» به این شمارهٔ تلفن فرستاده شود:</translation>
    </message>
    <message>
        <source>Webhook Test</source>
        <translation>آزمایش وب‌هوک</translation>
    </message>
    <message>
        <source>The address answered: %1</source>
        <translation>نشانی پاسخ داد: %1</translation>
    </message>
    <message>
        <source>Sent. The server said: %1</source>
        <translation>فرستاده شد. پاسخ سرور: %1</translation>
    </message>
    <message>
        <source>The call failed: %1</source>
        <translation>فراخوانی ناموفق بود: %1</translation>
    </message>
    <message>
        <source>The test was not sent. The reply was: %1</source>
        <translation>آزمایش فرستاده نشد. پاسخ: %1</translation>
    </message>
    <message>
        <source>Status code: %1</source>
        <translation>کد وضعیت: %1</translation>
    </message>
    <message>
        <source>Test Account</source>
        <translation>آزمایش حساب</translation>
    </message>
</context>
<context>
    <name>masir::ui::TrackingDialog</name>
    <message>
        <source>The public address must be a web address such as https://t.example.com.</source>
        <translation>نشانی عمومی باید یک نشانی وب باشد، مانند https://t.example.com.</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>ردیابی</translation>
    </message>
    <message>
        <source>&amp;Track opens and clicks in marketing email</source>
        <translation>ردیابی بازشدن‌ها و کلیک‌ها در ایمیل‌های تبلیغاتی</translation>
    </message>
    <message>
        <source>Send links in text messages through the click &amp;redirect too</source>
        <translation>پیوندهای پیامک هم از مسیر کلیک بگذرند</translation>
    </message>
    <message>
        <source>Opens and clicks</source>
        <translation>بازشدن‌ها و کلیک‌ها</translation>
    </message>
    <message>
        <source>The contents of api-key in its data folder</source>
        <translation>محتوای پروندهٔ api-key در پوشهٔ داده‌های آن</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>قطع اتصال</translation>
    </message>
    <message>
        <source>A small server of yours answers people's opens, clicks and unsubscribes while this computer is off; Masir pulls from it before it sends. Start it with masir-cli serve (docs/collector.md shows how, with HTTPS).</source>
        <translation>یک سرور کوچک از خودتان، وقتی این رایانه خاموش است، به بازشدن‌ها، کلیک‌ها و لغو اشتراک‌های مردم پاسخ می‌دهد و مسیر پیش از هر ارسال از آن دریافت می‌کند. آن را با masir-cli serve راه بیندازید (docs/collector.md روش آن را با HTTPS نشان می‌دهد).</translation>
    </message>
    <message>
        <source>A collector on a public host (recommended)</source>
        <translation>گردآورنده روی یک سرور عمومی (پیشنهادی)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>نشانی:</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>کلید:</translation>
    </message>
    <message>
        <source>Last pull:</source>
        <translation>آخرین دریافت:</translation>
    </message>
    <message>
        <source>&amp;Serve tracking links from this computer while Masir runs</source>
        <translation>تا وقتی مسیر باز است، پیوندهای ردیابی را همین رایانه پاسخ دهد</translation>
    </message>
    <message>
        <source>People's mail apps must reach the public address: this computer's public IP address or a forwarded port, best behind HTTPS. Links stop working while Masir is closed.</source>
        <translation>برنامه‌های ایمیل مردم باید به نشانی عمومی برسند: نشانی IP عمومی این رایانه یا یک درگاه هدایت‌شده، ترجیحاً پشت HTTPS. وقتی مسیر بسته است، پیوندها کار نمی‌کنند.</translation>
    </message>
    <message>
        <source>Or this computer</source>
        <translation>یا همین رایانه</translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation>گوش دادن روی:</translation>
    </message>
    <message>
        <source>&amp;Public address:</source>
        <translation>نشانی عمومی:</translation>
    </message>
    <message>
        <source>C&amp;hoose Logo…</source>
        <translation>انتخاب نشان…</translation>
    </message>
    <message>
        <source>Remo&amp;ve Logo</source>
        <translation>حذف نشان</translation>
    </message>
    <message>
        <source>Pages your subscribers see</source>
        <translation>صفحه‌هایی که مشترکان شما می‌بینند</translation>
    </message>
    <message>
        <source>The unsubscribe and preference pages show your business's name, this colour and logo, in each contact's language.</source>
        <translation>صفحه‌های لغو اشتراک و تنظیمات اشتراک، نام کسب‌وکار شما، این رنگ و نشان را به زبان هر مخاطب نشان می‌دهند.</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>رنگ:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>نشان:</translation>
    </message>
    <message>
        <source>Cannot save the change in the workspace.</source>
        <translation>ذخیرهٔ تغییر در فضای کاری ممکن نیست.</translation>
    </message>
    <message>
        <source>No collector is connected.</source>
        <translation>هیچ گردآورنده‌ای وصل نیست.</translation>
    </message>
    <message>
        <source>Not yet: the worker pulls within a minute.</source>
        <translation>هنوز نه: worker تا یک دقیقهٔ دیگر دریافت می‌کند.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new hit(s)</source>
        <translation>
            <numerusform>%1: %n بازدید تازه</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2. Marketing messages wait until the collector answers, so that no one who unsubscribed there is mailed.</source>
        <translation>%1 ناموفق بود: %2. پیام‌های تبلیغاتی تا پاسخ دادن گردآورنده منتظر می‌مانند تا برای کسی که آن‌جا اشتراکش را لغو کرده ایمیلی نرود.</translation>
    </message>
    <message>
        <source>Opens and clicks are not tracked: scores, journeys that wait for an open or a click, and reports will not see them.</source>
        <translation>بازشدن‌ها و کلیک‌ها ردیابی نمی‌شوند: امتیازها، سفرهایی که منتظر بازشدن یا کلیک‌اند و گزارش‌ها آن‌ها را نمی‌بینند.</translation>
    </message>
    <message>
        <source>Nothing can be tracked yet: there is no public address. Connect a collector, or serve from this computer with a public address. Until then, messages go out untracked and unsubscribe links use the page set in Channels.</source>
        <translation>هنوز چیزی ردیابی نمی‌شود: نشانی عمومی‌ای وجود ندارد. یک گردآورنده وصل کنید، یا با یک نشانی عمومی از همین رایانه پاسخ دهید. تا آن زمان پیام‌ها بدون ردیابی می‌روند و پیوندهای لغو اشتراک به صفحهٔ تعیین‌شده در «کانال‌ها» می‌روند.</translation>
    </message>
    <message>
        <source>Links point at %1, but nothing here answers them: turn on "Serve tracking links from this computer", or connect a collector.</source>
        <translation>پیوندها به %1 اشاره می‌کنند، اما این‌جا چیزی به آن‌ها پاسخ نمی‌دهد: «پاسخ دادن پیوندهای ردیابی از همین رایانه» را روشن کنید، یا یک گردآورنده وصل کنید.</translation>
    </message>
    <message>
        <source>New marketing messages are tracked through %1.</source>
        <translation>پیام‌های تبلیغاتی تازه از طریق %1 ردیابی می‌شوند.</translation>
    </message>
    <message>
        <source>Cannot connect</source>
        <translation>اتصال ممکن نیست</translation>
    </message>
    <message>
        <source>Enter the collector's key (the file api-key in its data folder).</source>
        <translation>کلید گردآورنده را وارد کنید (پروندهٔ api-key در پوشهٔ داده‌های آن).</translation>
    </message>
    <message>
        <source>Disconnect the Collector?</source>
        <translation>اتصال گردآورنده قطع شود؟</translation>
    </message>
    <message>
        <source>Masir stops pulling from %1. Links in messages already sent keep pointing at it; opens, clicks and unsubscribes made there after now reach Masir only if you connect again.</source>
        <translation>مسیر دیگر از %1 دریافت نمی‌کند. پیوندهای پیام‌هایی که رفته‌اند همچنان به آن اشاره می‌کنند؛ بازشدن‌ها، کلیک‌ها و لغو اشتراک‌هایی که از این پس آن‌جا انجام شود، تنها اگر دوباره وصل شوید به مسیر می‌رسند.</translation>
    </message>
    <message>
        <source>Cannot disconnect</source>
        <translation>قطع اتصال ممکن نیست</translation>
    </message>
    <message>
        <source>Colour of Your Pages</source>
        <translation>رنگ صفحه‌های شما</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>ذخیره ممکن نیست</translation>
    </message>
    <message>
        <source>Choose a Logo</source>
        <translation>انتخاب نشان</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg *.svg)</translation>
    </message>
    <message>
        <source>Logo too large</source>
        <translation>نشان بیش از حد بزرگ است</translation>
    </message>
    <message>
        <source>%1 is larger than 200 KB. Choose a smaller image; a logo of about 200 pixels wide is plenty.</source>
        <translation>%1 بزرگ‌تر از ۲۰۰ کیلوبایت است. تصویر کوچک‌تری انتخاب کنید؛ نشانی با پهنای حدود ۲۰۰ پیکسل کافی است.</translation>
    </message>
    <message>
        <source>Cannot read the logo</source>
        <translation>خواندن نشان ممکن نیست</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>خواندن %1 ممکن نیست: %2</translation>
    </message>
    <message>
        <source>Not an image</source>
        <translation>تصویر نیست</translation>
    </message>
    <message>
        <source>%1 is not a PNG, JPEG or SVG image.</source>
        <translation>%1 تصویر PNG، JPEG یا SVG نیست.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>هیچ</translation>
    </message>
</context>
<context>
    <name>masir::ui::TrackingHost</name>
    <message>
        <source>Cannot serve tracking links: "%1" is not an address and port such as 0.0.0.0:8787.</source>
        <translation>پاسخ دادن به پیوندهای ردیابی ممکن نیست: «%1» نشانی و درگاهی مانند 0.0.0.0:8787 نیست.</translation>
    </message>
    <message>
        <source>Cannot serve tracking links on %1: %2</source>
        <translation>پاسخ دادن به پیوندهای ردیابی روی %1 ممکن نیست: %2</translation>
    </message>
</context>
</TS>