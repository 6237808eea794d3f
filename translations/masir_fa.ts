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
    <name>masir::CliApp</name>
    <message>
        <source>Usage: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]

Commands:
  version                      print the version of Masir
  contacts count [--search T]  print the number of contacts
  contacts export FILE.csv [--bom]
                               export every contact as UTF-8 CSV
  demo [--contacts N] [--no-events]
                               add generated sample contacts
  check                        check the workspace file for damage

Options:
  --workspace PATH  the workspace file (default: %1)
  --lang en|fa      the language of messages
  -h, --help        show this help
</source>
        <translation>کاربرد: masir-cli [--workspace PATH] [--lang en|fa] COMMAND [ARGS]

فرمان‌ها:
  version                      نسخهٔ مسیر را چاپ می‌کند
  contacts count [--search T]  تعداد مخاطبان را چاپ می‌کند
  contacts export FILE.csv [--bom]
                               همهٔ مخاطبان را به‌صورت CSV با UTF-8 برون‌بری می‌کند
  demo [--contacts N] [--no-events]
                               مخاطبان نمونهٔ ساختگی می‌افزاید
  check                        پروندهٔ فضای کاری را از نظر آسیب بررسی می‌کند

گزینه‌ها:
  --workspace PATH  پروندهٔ فضای کاری (پیش‌فرض: %1)
  --lang en|fa      زبان پیام‌ها
  -h, --help        نمایش همین راهنما
</translation>
    </message>
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
        <source>contacts needs a subcommand: count or export.</source>
        <translation>contacts به یک زیرفرمان نیاز دارد: count یا export.</translation>
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
        <source>Unknown subcommand "contacts %1".</source>
        <translation>زیرفرمان ناشناختهٔ «contacts %1».</translation>
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
    <name>masir::EventStore</name>
    <message>
        <source>Contact created</source>
        <translation>مخاطب ایجاد شد</translation>
    </message>
    <message>
        <source>Contact created (%1)</source>
        <translation>مخاطب ایجاد شد (%1)</translation>
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
        <source>Email sent: %1</source>
        <translation>ایمیل فرستاده شد: %1</translation>
    </message>
    <message>
        <source>Opened email: %1</source>
        <translation>ایمیل را باز کرد: %1</translation>
    </message>
    <message>
        <source>Clicked a link in: %1</source>
        <translation>روی پیوندی کلیک کرد در: %1</translation>
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
        <source>Purchase: %1 %2</source>
        <translation>خرید: %1 %2</translation>
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
        <translation>&amp;ویرایش…</translation>
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
        <source>Nothing has happened yet.</source>
        <translation>هنوز رویدادی ثبت نشده است.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>consent time, consent source</comment>
        <translation>%1، %2</translation>
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
        <translation>&amp;نام:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>نام &amp;خانوادگی:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;ایمیل:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;تلفن:</translation>
    </message>
    <message>
        <source>Birthday known</source>
        <translation>تاریخ تولد معلوم است</translation>
    </message>
    <message>
        <source>&amp;Birthday:</source>
        <translation>تاریخ &amp;تولد:</translation>
    </message>
    <message>
        <source>&amp;Gender:</source>
        <translation>&amp;جنسیت:</translation>
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
        <translation>&amp;شرکت:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>ش&amp;هر:</translation>
    </message>
    <message>
        <source>Cou&amp;ntry:</source>
        <translation>&amp;کشور:</translation>
    </message>
    <message>
        <source>L&amp;anguage:</source>
        <translation>&amp;زبان:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>من&amp;طقهٔ زمانی:</translation>
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
        <translation>&amp;مرحله:</translation>
    </message>
    <message>
        <source>Sco&amp;re:</source>
        <translation>ا&amp;متیاز:</translation>
    </message>
    <message>
        <source>Stat&amp;us:</source>
        <translation>&amp;وضعیت:</translation>
    </message>
    <message>
        <source>Sou&amp;rce:</source>
        <translation>م&amp;نبع:</translation>
    </message>
    <message>
        <source>O&amp;wner:</source>
        <translation>م&amp;سئول:</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>&amp;برچسب‌ها:</translation>
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
</context>
<context>
    <name>masir::ui::ContactsPage</name>
    <message>
        <source>&amp;New Contact…</source>
        <translation>مخاطب &amp;تازه…</translation>
    </message>
    <message>
        <source>Add a contact (%1)</source>
        <translation>افزودن مخاطب (%1)</translation>
    </message>
    <message>
        <source>&amp;Edit Contact…</source>
        <translation>&amp;ویرایش مخاطب…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;حذف</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;جستجو…</translation>
    </message>
    <message>
        <source>&amp;Export Contacts as CSV…</source>
        <translation>&amp;برون‌بری مخاطبان به CSV…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;تازه‌سازی</translation>
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
</context>
<context>
    <name>masir::ui::EmptyStatePage</name>
    <message>
        <source>What will come here:</source>
        <translation>آنچه اینجا خواهد آمد:</translation>
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
        <source>Segments are live audiences built from rules on fields, tags and behaviour.</source>
        <translation>بخش‌ها مخاطبان زنده‌ای هستند که از قاعده‌هایی روی فیلدها، برچسب‌ها و رفتار ساخته می‌شوند.</translation>
    </message>
    <message>
        <source>A rule builder with AND/OR groups</source>
        <translation>سازندهٔ قاعده با گروه‌های «و/یا»</translation>
    </message>
    <message>
        <source>Live counts while you edit</source>
        <translation>شمارش زنده هنگام ویرایش</translation>
    </message>
    <message>
        <source>Static lists</source>
        <translation>فهرست‌های ثابت</translation>
    </message>
    <message>
        <source>Lead scoring and lifecycle stages</source>
        <translation>امتیازدهی سرنخ‌ها و مراحل چرخهٔ عمر</translation>
    </message>
    <message>
        <source>Journeys</source>
        <translation>سفرها</translation>
    </message>
    <message>
        <source>Journeys are automations you draw once: a trigger, then waits, conditions and actions that Masir runs for every contact.</source>
        <translation>سفرها خودکارسازی‌هایی هستند که یک بار می‌کشید: یک آغازگر، سپس انتظارها، شرط‌ها و کنش‌هایی که مسیر برای هر مخاطب اجرا می‌کند.</translation>
    </message>
    <message>
        <source>A drag-and-drop canvas with undo</source>
        <translation>بوم کشیدن و رها کردن با امکان برگرداندن</translation>
    </message>
    <message>
        <source>Triggers: signup, tag, date or birthday, purchase, cart abandoned</source>
        <translation>آغازگرها: ثبت‌نام، برچسب، تاریخ یا زادروز، خرید، سبد خرید رهاشده</translation>
    </message>
    <message>
        <source>Waits, if/else conditions, A/B splits and goals</source>
        <translation>انتظارها، شرط‌های اگر/وگرنه، تقسیم‌های A/B و هدف‌ها</translation>
    </message>
    <message>
        <source>Ready templates: welcome, abandoned cart, birthday, win-back</source>
        <translation>الگوهای آماده: خوش‌آمد، سبد رهاشده، زادروز، بازگرداندن مشتری</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>کارزارها</translation>
    </message>
    <message>
        <source>Campaigns send one email or SMS to a segment, on a schedule.</source>
        <translation>کارزارها یک ایمیل یا پیامک را در زمان‌بندی مشخص به یک بخش می‌فرستند.</translation>
    </message>
    <message>
        <source>Email through your own SMTP server</source>
        <translation>ایمیل از راه سرور SMTP خودتان</translation>
    </message>
    <message>
        <source>SMS through Kavenegar, Melipayamak, Twilio and others</source>
        <translation>پیامک از راه کاوه‌نگار، ملی‌پیامک، توییلیو و دیگران</translation>
    </message>
    <message>
        <source>Sending within your provider's limits, with one-click unsubscribe</source>
        <translation>فرستادن در محدودهٔ سقف ارائه‌دهنده، با لغو اشتراک تک‌کلیکی</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>الگوها</translation>
    </message>
    <message>
        <source>Templates hold the emails and text messages you send.</source>
        <translation>الگوها ایمیل‌ها و پیامک‌هایی را که می‌فرستید نگه می‌دارند.</translation>
    </message>
    <message>
        <source>An email editor with preview in English and Persian</source>
        <translation>ویرایشگر ایمیل با پیش‌نمایش انگلیسی و فارسی</translation>
    </message>
    <message>
        <source>SMS with a character and segment counter</source>
        <translation>پیامک با شمارندهٔ نویسه و بخش</translation>
    </message>
    <message>
        <source>Personalisation such as {{first_name}}</source>
        <translation>شخصی‌سازی مانند {{first_name}}</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Reports show what your messages and journeys achieve.</source>
        <translation>گزارش‌ها نشان می‌دهند پیام‌ها و سفرهای شما به چه می‌رسند.</translation>
    </message>
    <message>
        <source>Sends, opens, clicks, unsubscribes and bounces</source>
        <translation>ارسال‌ها، بازشدن‌ها، کلیک‌ها، لغو اشتراک‌ها و برگشتی‌ها</translation>
    </message>
    <message>
        <source>Conversions and revenue</source>
        <translation>تبدیل‌ها و درآمد</translation>
    </message>
    <message>
        <source>Charts per campaign and per journey step</source>
        <translation>نمودار برای هر کارزار و هر گام سفر</translation>
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
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;برگرداندن</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;انجام دوباره</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>&amp;About Masir</source>
        <translation>&amp;دربارهٔ مسیر</translation>
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
        <translation>دربارهٔ &amp;کیوت</translation>
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
        <translation>نام &amp;کسب‌وکار:</translation>
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
        <translation>&amp;کشور پیش‌فرض شماره‌های تلفن:</translation>
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
        <translation>&amp;زبان:</translation>
    </message>
</context>
</TS>