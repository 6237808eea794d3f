#include "demo/DemoWorkspace.h"

#include "crm/Deals.h"
#include "crm/Notes.h"
#include "crm/Pipelines.h"
#include "crm/Tasks.h"
#include "scoring/LeadScoring.h"

#include "campaigns/CampaignRepository.h"
#include "campaigns/CampaignRunner.h"
#include "common/Clock.h"
#include "common/Logging.h"
#include "common/TextNormalizer.h"
#include "contacts/Contact.h"
#include "contacts/ContactColumns.h"
#include "contacts/ContactRepository.h"
#include "contacts/ContactTags.h"
#include "contacts/PhoneNumbers.h"
#include "contacts/StageChanges.h"
#include "events/EventStore.h"
#include "intake/EventIntake.h"
#include "intake/HitApplier.h"
#include "journeys/JourneyEngine.h"
#include "journeys/JourneyRepository.h"
#include "journeys/JourneyTemplates.h"
#include "messaging/ChannelAccounts.h"
#include "messaging/MessageTemplate.h"
#include "segments/SegmentRepository.h"
#include "settings/WorkspaceSettings.h"
#include "storage/Database.h"
#include "storage/SqlExec.h"
#include "storage/Transaction.h"
#include "tracking/TrackingHit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <random>

namespace masir {

namespace {

struct Name
{
    const char16_t *native;
    const char *latin;
    bool female;
};

// Persian names with their usual Latin spelling (for the email address).
constexpr Name kPersianFirst[] = {
    {u"علی", "ali", false},      {u"محمد", "mohammad", false}, {u"حسین", "hossein", false},
    {u"رضا", "reza", false},     {u"مهدی", "mahdi", false},    {u"امیر", "amir", false},
    {u"سعید", "saeed", false},   {u"کاوه", "kaveh", false},    {u"بابک", "babak", false},
    {u"پویا", "pouya", false},   {u"آرش", "arash", false},     {u"نیما", "nima", false},
    {u"فاطمه", "fatemeh", true}, {u"زهرا", "zahra", true},     {u"مریم", "maryam", true},
    {u"سارا", "sara", true},     {u"نرگس", "narges", true},    {u"لیلا", "leila", true},
    {u"شیرین", "shirin", true},  {u"پریسا", "parisa", true},   {u"نگار", "negar", true},
    {u"یاسمن", "yasaman", true}, {u"مهسا", "mahsa", true},     {u"الهام", "elham", true},
};
constexpr Name kPersianLast[] = {
    {u"احمدی", "ahmadi", false},     {u"محمدی", "mohammadi", false}, {u"حسینی", "hosseini", false},
    {u"رضایی", "rezaei", false},     {u"کریمی", "karimi", false},    {u"موسوی", "mousavi", false},
    {u"جعفری", "jafari", false},     {u"صادقی", "sadeghi", false},   {u"کاظمی", "kazemi", false},
    {u"نوری", "nouri", false},       {u"تهرانی", "tehrani", false},  {u"شیرازی", "shirazi", false},
    {u"اصفهانی", "esfahani", false}, {u"رحیمی", "rahimi", false},    {u"قاسمی", "ghasemi", false},
    {u"یزدانی", "yazdani", false},   {u"فرهادی", "farhadi", false},  {u"میرزایی", "mirzaei", false},
};
constexpr Name kEnglishFirst[] = {
    {u"James", "james", false},   {u"Oliver", "oliver", false}, {u"Liam", "liam", false},
    {u"Noah", "noah", false},     {u"Ethan", "ethan", false},   {u"Lucas", "lucas", false},
    {u"Daniel", "daniel", false}, {u"Henry", "henry", false},   {u"Emma", "emma", true},
    {u"Olivia", "olivia", true},  {u"Sophia", "sophia", true},  {u"Ava", "ava", true},
    {u"Mia", "mia", true},        {u"Grace", "grace", true},    {u"Chloe", "chloe", true},
    {u"Hannah", "hannah", true},
};
constexpr Name kEnglishLast[] = {
    {u"Smith", "smith", false},   {u"Johnson", "johnson", false}, {u"Brown", "brown", false},
    {u"Taylor", "taylor", false}, {u"Wilson", "wilson", false},   {u"Davies", "davies", false},
    {u"Evans", "evans", false},   {u"Walker", "walker", false},   {u"Wright", "wright", false},
    {u"Clarke", "clarke", false}, {u"Hughes", "hughes", false},   {u"Baker", "baker", false},
    {u"Turner", "turner", false}, {u"Murphy", "murphy", false},
};
constexpr const char16_t *kPersianCities[] = {u"تهران", u"اصفهان", u"شیراز", u"مشهد",
                                              u"تبریز", u"کرج",    u"رشت",   u"یزد"};
constexpr const char16_t *kPersianCompanies[] = {u"",
                                                 u"",
                                                 u"نان سحر",
                                                 u"کافه رز",
                                                 u"پوشاک آرمان",
                                                 u"کتاب‌فروشی نیما",
                                                 u"گل‌فروشی نرگس",
                                                 u"آموزشگاه زبان پارس"};
constexpr const char *kUsCities[] = {"New York", "Boston", "Chicago",
                                     "Seattle",  "Austin", "Denver"};
constexpr const char *kUsAreaCodes[] = {"212", "617", "312", "206", "512", "303"};
constexpr const char *kUsTimeZones[] = {"America/New_York", "America/New_York",
                                        "America/Chicago",  "America/Los_Angeles",
                                        "America/Chicago",  "America/Denver"};
constexpr const char *kEnglishCompanies[] = {"",
                                             "",
                                             "Riverside Bakery",
                                             "Blue Fern Studio",
                                             "Northwind Books",
                                             "Harbor Yoga",
                                             "Maple Tutoring"};
constexpr const char16_t *kTags[] = {u"newsletter", u"vip",          u"wholesale", u"instagram",
                                     u"workshop",   u"مشتری وفادار", u"نمایشگاه",  u"تخفیف"};
constexpr const char *kSubjects[] = {"Spring sale: 20% off", "New arrivals this week",
                                     "Your monthly tips", "We miss you",
                                     "Thank you for your order"};
constexpr const char16_t *kPersianSubjects[] = {
    u"حراج بهاره: ۲۰٪ تخفیف", u"محصولات جدید این هفته", u"نکته‌های ماهانه",
    u"دلمان برایتان تنگ شده", u"از خرید شما سپاسگزاریم"};
constexpr const char *kForms[] = {"Newsletter signup", "Contact us", "Demo request",
                                  "Workshop registration"};

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

} // namespace

DemoWorkspace::DemoWorkspace(const Database &db)
    : m_db(db)
{}

bool DemoWorkspace::populate(const Options &options, const std::function<void(int, int)> &progress)
{
    std::mt19937 rng(options.seed);
    const bool inRials = currencyOf(options.language) == QLatin1String("IRT");
    auto pick = [&rng](const auto &array) -> decltype(auto) {
        return array[std::uniform_int_distribution<size_t>(0, std::size(array) - 1)(rng)];
    };
    auto chance = [&rng](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
    auto between = [&rng](qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng);
    };

    QSqlDatabase db = m_db.connection();
    WorkspaceSettings settings(m_db);
    if (options.events)
        settings.setValue(WorkspaceSettings::Key::IsDemo, true);
    if (settings.defaultRegion().isEmpty())
        settings.setValue(WorkspaceSettings::Key::DefaultRegion, QStringLiteral("IR"));

    // Existing contacts keep their addresses; numbering continues after them.
    qint64 serial = 0;
    {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT coalesce(max(id), 0) FROM contacts")) && q.next())
            serial = q.value(0).toLongLong();
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const qint64 dayMs = 24LL * 3600 * 1000;

    QSqlQuery insertContact(db);
    QSqlQuery setLifecycle(db);
    ContactTags tags(db);
    EventStore events(db);
    StageChanges stages(db);
    const QStringList funnel = ContactVocabulary::funnelStages();
    int done = 0;
    while (done < options.contacts) {
        Transaction tx(db, Transaction::Mode::Write);
        if (!tx.isActive()) {
            m_error = tx.errorString();
            return false;
        }
        Sql::prepare(insertContact, ContactColumns::insertSql() + QStringLiteral(" RETURNING id"));
        Sql::prepare(setLifecycle, ContactColumns::lifecycleUpsertSql());
        const int batchEnd = std::min(options.contacts, done + options.batchSize);
        for (; done < batchEnd; ++done) {
            ++serial;
            const bool persian = chance(0.55);
            Contact c;
            const Name &first = persian ? pick(kPersianFirst) : pick(kEnglishFirst);
            const Name &last = persian ? pick(kPersianLast) : pick(kEnglishLast);
            c.firstName = str(first.native);
            c.lastName = str(last.native);
            c.gender = first.female ? QStringLiteral("female") : QStringLiteral("male");
            if (chance(0.92)) {
                const char *domain = pick(std::array{"example.com", "example.org", "example.net"});
                c.email = QStringLiteral("%1.%2%3@%4")
                              .arg(QLatin1String(first.latin), QLatin1String(last.latin))
                              .arg(serial)
                              .arg(QLatin1String(domain));
            }
            QString phone;
            if (persian) {
                phone =
                    QStringLiteral("+989%1%2")
                        .arg(QLatin1String(pick(std::array{"12", "35", "19", "01", "10", "36"})))
                        .arg(between(1000000, 9999999));
                c.city = str(pick(kPersianCities));
                c.company = str(pick(kPersianCompanies));
                c.country = QStringLiteral("IR");
                c.language = QStringLiteral("fa");
                c.timezone = QStringLiteral("Asia/Tehran");
            } else {
                const int city = int(between(0, std::size(kUsCities) - 1));
                phone = QStringLiteral("+1%1%2%3")
                            .arg(QLatin1String(kUsAreaCodes[city]))
                            .arg(between(201, 989))
                            .arg(between(1000, 9999));
                c.city = QLatin1String(kUsCities[city]);
                c.company = QLatin1String(pick(kEnglishCompanies));
                c.country = QStringLiteral("US");
                c.language = QStringLiteral("en");
                c.timezone = QLatin1String(kUsTimeZones[city]);
            }
            if (chance(0.85))
                c.phone = PhoneNumbers::normalize(phone, QString());
            if (c.email.isEmpty() && c.phone.isEmpty())
                c.email = QStringLiteral("customer%1@example.com").arg(serial);
            if (chance(0.6))
                c.birthday =
                    QDate(int(between(1960, 2004)), int(between(1, 12)), int(between(1, 28)));
            c.source = pick(std::array{QStringLiteral("website"), QStringLiteral("instagram"),
                                       QStringLiteral("shop"), QStringLiteral("referral"),
                                       QStringLiteral("workshop")});
            c.stage = QLatin1String(
                pick(std::array{"subscriber", "subscriber", "lead", "lead", "mql", "sql",
                                "opportunity", "customer", "customer", "lost"}));
            c.score = int(between(0, 120));
            const qint64 createdMs = nowMs - between(1, 540) * dayMs - between(0, dayMs);
            c.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
            c.updatedAt = c.createdAt;
            const double r = std::uniform_real_distribution<>(0, 1)(rng);
            c.status = r < 0.90   ? ContactStatus::Active
                       : r < 0.96 ? ContactStatus::Unsubscribed
                       : r < 0.99 ? ContactStatus::Bounced
                                  : ContactStatus::Complained;
            if (!c.email.isEmpty()) {
                c.emailConsent.status =
                    c.status == ContactStatus::Unsubscribed
                        ? ConsentStatus::Withdrawn
                        : (chance(0.8) ? ConsentStatus::Granted : ConsentStatus::Unknown);
                if (c.emailConsent.status != ConsentStatus::Unknown) {
                    c.emailConsent.changedAt = c.createdAt;
                    c.emailConsent.source = c.source;
                }
            }
            if (!c.phone.isEmpty() && chance(0.5)) {
                c.smsConsent.status = ConsentStatus::Granted;
                c.smsConsent.changedAt = c.createdAt;
                c.smsConsent.source = c.source;
            }

            const QVariantList values = ContactColumns::values(c);
            for (const QVariant &v : values)
                insertContact.addBindValue(v);
            QString error;
            const auto written = Sql::insertedId(lcDemo(), insertContact, &error);
            if (!written ||
                !Sql::execPrepared(lcDemo(), setLifecycle, {*written, c.score, c.stage}, &error)) {
                m_error = tr("Could not write the demo contacts: %1").arg(error);
                return false;
            }
            const qint64 id = *written;

            const int tagCount = int(between(0, 2));
            for (int t = 0; t < tagCount; ++t) {
                const qint64 tagId = tags.ensure(str(pick(kTags)), createdMs);
                if (!tagId || !tags.add(id, tagId, createdMs)) { // a repeated tag is not added
                    m_error = tr("Could not write the demo contacts: %1").arg(tags.errorString());
                    return false;
                }
            }
            if (!options.events)
                continue;

            auto event = [&](const QString &type, qint64 at, const QJsonObject &payload) {
                return events.append(id, type, at, payload);
            };
            bool ok =
                event(EventType::ContactCreated, createdMs, {{QStringLiteral("source"), c.source}});
            // how the contact got to its stage: each stage on the way, days apart
            const QStringList path = c.stage == QLatin1String("lost")
                                         ? QStringList{QStringLiteral("lead"), c.stage}
                                         : funnel.mid(1, funnel.indexOf(c.stage));
            QString from = funnel.first();
            qint64 reachedMs = createdMs;
            for (qsizetype i = 0; ok && i < path.size(); ++i) {
                reachedMs = std::min(reachedMs + between(1, 25) * dayMs,
                                     nowMs - qint64(path.size() - i) * 60000);
                ok = stages.change(id, from, path.at(i), reachedMs);
                from = path.at(i);
            }
            qint64 at = createdMs;
            const int campaigns = int(between(0, 6));
            for (int e = 0; ok && e < campaigns && !c.email.isEmpty(); ++e) {
                at += between(2, 40) * dayMs;
                if (at >= nowMs)
                    break;
                const size_t s = size_t(between(0, std::size(kSubjects) - 1));
                const QString subject =
                    persian ? str(kPersianSubjects[s]) : QLatin1String(kSubjects[s]);
                ok = event(EventType::EmailSent, at, {{QStringLiteral("subject"), subject}});
                if (ok && chance(0.45))
                    ok = event(EventType::EmailOpened, at + between(600000, dayMs),
                               {{QStringLiteral("subject"), subject}});
                if (ok && chance(0.15))
                    ok = event(
                        EventType::EmailClicked, at + between(dayMs, 2 * dayMs),
                        {{QStringLiteral("subject"), subject},
                         {QStringLiteral("url"), QStringLiteral("https://shop.example.com/")}});
            }
            if (ok && chance(0.3))
                ok = event(EventType::FormSubmitted, createdMs + between(0, 30) * dayMs,
                           {{QStringLiteral("name"), QLatin1String(pick(kForms))}});
            if (ok && (c.stage == QLatin1String("customer") || chance(0.1))) {
                const int purchases = int(between(1, 3));
                for (int p = 0; ok && p < purchases; ++p) {
                    const qint64 when = createdMs + between(1, 300) * dayMs;
                    if (when >= nowMs)
                        continue;
                    ok =
                        event(EventType::Purchase, when,
                              {{QStringLiteral("amount"), inRials ? double(between(20, 900) * 10000)
                                                                  : double(between(15, 400))},
                               {QStringLiteral("currency"), currencyOf(options.language)},
                               {QStringLiteral("order"), QString::number(serial * 10 + p)}});
                }
            }
            if (!ok) {
                m_error = tr("Could not write the demo timeline: %1").arg(events.errorString());
                return false;
            }
        }
        if (!tx.commit()) {
            m_error = tx.errorString();
            return false;
        }
        if (progress)
            progress(done, options.contacts);
    }
    qCInfo(lcDemo) << "added" << options.contacts << "demo contacts to" << m_db.path();
    return true;
}

QString DemoWorkspace::currencyOf(const QString &language)
{
    return language == QLatin1String("fa") ? QStringLiteral("IRT") : QStringLiteral("USD");
}

bool DemoWorkspace::addSamples(const QString &language)
{
    // What marketing email needs before it can be previewed or sent: who sends
    // it, where they are, and how to unsubscribe. Kept if the user set them.
    WorkspaceSettings settings(m_db);
    const std::pair<WorkspaceSettings::Key, QString> sender[] = {
        {WorkspaceSettings::Key::BusinessName, tr("Golestan Bakery")},
        {WorkspaceSettings::Key::PostalAddress, tr("12 Vali-e Asr Street, Tehran, Iran")},
        {WorkspaceSettings::Key::UnsubscribeMailto, QStringLiteral("unsubscribe@bakery.example")}};
    for (const auto &[key, value] : sender) {
        if (settings.value(key).toString().trimmed().isEmpty() && !settings.setValue(key, value)) {
            m_error = tr("Could not save the demo's settings.");
            return false;
        }
    }
    SegmentRepository segments(m_db);
    auto rule = [](const QString &kind, const QString &field, const QString &op,
                   const QJsonValue &value) {
        SegmentRule r;
        r.root.children << SegmentNode::condition(kind, field, op, value);
        return r;
    };
    QList<Segment> samples;
    Segment vip;
    vip.name = tr("Loyal customers");
    vip.rule = rule(QStringLiteral("field"), QStringLiteral("stage"), QStringLiteral("is"),
                    QJsonArray{QStringLiteral("customer")});
    samples << vip;
    Segment tehran;
    tehran.name = tr("In Tehran");
    // The demo's contacts write their city in Persian or in English, whichever
    // the interface's language.
    tehran.rule = rule(QStringLiteral("field"), QStringLiteral("city"), QStringLiteral("in"),
                       QJsonArray{str(u"تهران"), QStringLiteral("Tehran")});
    samples << tehran;
    Segment hot;
    hot.name = tr("Hot leads");
    hot.rule = rule(QStringLiteral("field"), QStringLiteral("score"), QStringLiteral("ge"), 50);
    samples << hot;
    for (Segment &s : samples) {
        if (segments.findByName(s.name))
            continue;
        if (!segments.save(s)) {
            m_error = segments.errorString();
            return false;
        }
    }
    segments.ensureList(tr("Call back"));

    JourneyRepository journeys(m_db);
    for (const QString &key : {QStringLiteral("welcome"), QStringLiteral("abandoned_cart"),
                               QStringLiteral("birthday")}) {
        const auto t = JourneyTemplates::find(key, language);
        if (!t || journeys.findByName(t->name))
            continue;
        const auto id = JourneyTemplates::create(m_db, *t, t->name, &m_error);
        if (!id)
            return false;
        // the welcome series runs, with people at each of its steps; the
        // others wait as drafts
        if (key == QLatin1String("welcome") && !(journeys.activate(*id) && walkJourney(*id))) {
            if (m_error.isEmpty())
                m_error = journeys.errorString();
            return false;
        }
    }
    if (!addSenderAccount() || !addSentCampaign(currencyOf(language)))
        return false;
    // The demo's history scored now, as a recomputation does: its leads
    // promoted with their follow-up tasks due tomorrow, not hundreds of tasks
    // overdue since the history's days, as live scoring of old events would make.
    LeadScoring scoring(m_db);
    if (!scoring.recomputeAll(QDateTime::currentDateTimeUtc())) {
        m_error = scoring.errorString();
        return false;
    }
    return addSampleCrm(language) && addSampleCampaign();
}

bool DemoWorkspace::walkJourney(qint64 journeyId)
{
    // A few people a day entered over the last five days, as sign-ups do, so
    // the running journey has people waiting, people past its condition and
    // people who finished, each with the steps and messages that took them.
    QList<qint64> people;
    QSqlQuery q(m_db.connection());
    if (q.exec(QStringLiteral("SELECT id FROM contacts WHERE email <> '' AND status = 'active' "
                              "ORDER BY id DESC LIMIT 40")))
        while (q.next())
            people << q.value(0).toLongLong();
    q.finish();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    constexpr int kDays = 5;
    ManualClock clock(now.addDays(-kDays));
    JourneyEngine engine(m_db, clock);
    const qsizetype perDay = people.size() / kDays;
    for (int day = 0; day < kDays; ++day) {
        clock.set(now.addDays(day - kDays).addSecs(9 * 3600));
        if (!engine.runDue() || !engine.enrol(journeyId, people.mid(day * perDay, perDay))) {
            m_error = engine.errorString();
            return false;
        }
    }
    clock.set(now);
    if (!engine.runDue()) {
        m_error = engine.errorString();
        return false;
    }
    return true;
}

bool DemoWorkspace::addSampleCrm(const QString &language)
{
    // A sales pipeline with deals at every stage, a few tasks due around now
    // and a note: the Deals and Tasks pages have something to show.
    QSqlDatabase db = m_db.connection();
    if (!Deals(db).list({}).isEmpty())
        return true;
    const bool persian = language == QLatin1String("fa");
    const QString currency = currencyOf(language);
    WorkspaceSettings settings(m_db);
    if (!settings.setValue(WorkspaceSettings::Key::Currency, currency)) {
        m_error = tr("Could not save the demo's settings.");
        return false;
    }
    QList<qint64> people;
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT id FROM contacts WHERE email <> '' ORDER BY id LIMIT 12"))) {
        while (q.next())
            people << q.value(0).toLongLong();
    }
    q.finish();
    if (people.size() < 10)
        return true;
    const auto pipeline = Pipelines(db).findByName(QString());
    if (!pipeline)
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    constexpr qint64 day = 86400000;
    struct Sample
    {
        const char *title;
        const char *stage;
        double amount;
        int closeInDays;
    };
    const Sample samples[] = {
        {QT_TR_NOOP("Wedding cake for 200 guests"), "initial_contact", 900, 60},
        {QT_TR_NOOP("Office breakfast every Monday"), "initial_contact", 2400, 75},
        {QT_TR_NOOP("Café pastries wholesale"), "demo", 5200, 40},
        {QT_TR_NOOP("Nowruz gift boxes (80)"), "negotiation", 3600, 30},
        {QT_TR_NOOP("Hotel bread supply"), "contract", 7800, 12},
        {QT_TR_NOOP("School lunch trial"), "won", 1500, -5},
        {QT_TR_NOOP("Birthday catering"), "lost", 600, -10},
    };
    Deals deals(db);
    int i = 0;
    for (const Sample &sample : samples) {
        Deal d;
        d.pipelineId = pipeline->id;
        d.stageId = pipeline->stageByKey(QLatin1String(sample.stage))->id;
        d.contactId = people.at(i++);
        d.title = tr(sample.title);
        d.amount = persian ? sample.amount * 10000 : sample.amount;
        d.currency = currency;
        d.expectedClose = QDate::currentDate().addDays(sample.closeInDays);
        if (!deals.create(d, now - qint64(10 - i) * day)) { // none stale yet
            m_error = deals.errorString();
            return false;
        }
    }
    Tasks tasks(db);
    // due later today (in two hours, or before midnight when the demo is made late)
    const qint64 midnight =
        QDateTime(QDateTime::fromMSecsSinceEpoch(now).date().addDays(1), QTime(0, 0))
            .toMSecsSinceEpoch();
    const qint64 laterToday = std::clamp<qint64>(midnight - 60000 - now, 0, 2 * 3600000);
    const std::pair<const char *, qint64> due[] = {
        {QT_TR_NOOP("Call back about the wedding cake tasting"), -day},
        {QT_TR_NOOP("Send the hotel the signed contract"), laterToday},
        {QT_TR_NOOP("Ask the café for their weekly volumes"), 3 * day},
    };
    for (const auto &[title, in] : due) {
        NewTask t;
        t.contactId = people.at(i++);
        t.title = tr(title);
        t.dueAtMs = now + in;
        t.createdAtMs = now - day;
        t.priority = in < 0 ? TaskPriority::High : TaskPriority::Normal;
        if (!tasks.create(t)) {
            m_error = tasks.errorString();
            return false;
        }
    }
    if (!Notes(db).add(people.first(), tr("Prefers a call after 17:00; allergic to nuts."),
                       QString(), now - 2 * day)) {
        m_error = tr("Could not write the demo's notes.");
        return false;
    }
    return true;
}

bool DemoWorkspace::addSampleCampaign()
{
    // This week's offer to Tehran, with two subject lines to test: a draft
    // to look at, change and schedule.
    TemplateRepository templates(m_db);
    MessageTemplate offer;
    offer.name = QStringLiteral("weekend.offer");
    offer.subject = tr("Fresh sangak this weekend, {{first_name|default:\"friend\"}}");
    offer.body = tr("# This weekend at Golestan\n\nSangak and barbari from the oven every "
                    "morning, and 10 % off a box of pastries.\n\n[Order now](https://shop.example/"
                    "weekend)");
    if (!templates.find(offer.name) && !templates.save(offer)) {
        m_error = templates.errorString();
        return false;
    }
    CampaignRepository campaigns(m_db);
    Campaign c;
    c.name = tr("Weekend offer");
    if (campaigns.find(c.name))
        return true;
    c.templateName = offer.name;
    c.audience.include = {tr("In Tehran")};
    c.audience.exclude = {tr("Call back")};
    c.ab.variants = {AbVariant(), AbVariant{QString(), tr("10 % off pastries, this weekend only"),
                                            QString(), 0}};
    if (!campaigns.save(c)) {
        m_error = campaigns.errorString();
        return false;
    }
    return true;
}

bool DemoWorkspace::addSenderAccount()
{
    // An account to send from, so that campaigns and journeys can be tried
    // all the way; its server is a reserved name that reaches nobody, and the
    // demo's sending stays paused until the user resumes it.
    ChannelAccounts accounts(m_db);
    if (!accounts.list().isEmpty())
        return true;
    ChannelAccount a;
    a.name = tr("Golestan mail");
    a.kind = QStringLiteral("smtp");
    a.config = {{QStringLiteral("host"), QStringLiteral("smtp.bakery.example")},
                {QStringLiteral("port"), 587},
                {QStringLiteral("security"), QStringLiteral("starttls")},
                {QStringLiteral("from"), tr("Golestan Bakery <hello@bakery.example>")}};
    if (!accounts.save(a)) {
        m_error = accounts.errorString();
        return false;
    }
    if (!WorkspaceSettings(m_db).setValue(WorkspaceSettings::Key::SendingPaused, true)) {
        m_error = tr("Could not save the demo's settings.");
        return false;
    }
    return true;
}

bool DemoWorkspace::addSentCampaign(const QString &currency)
{
    // Three weeks ago the spring cakes went to the loyal customers and the
    // hot leads, with two subject lines tested on a third of them; the one
    // that got more clicks went to the rest four hours later. No server sends
    // in a demo: the sends are history, written as the worker records them,
    // and the opens, clicks and orders come in through the tracking's and the
    // events' own ways, so that the campaign's report and the revenue reports
    // have something to show.
    CampaignRepository campaigns(m_db);
    const QString name = tr("Spring cakes");
    if (campaigns.find(name))
        return true;
    TemplateRepository templates(m_db);
    MessageTemplate cakes;
    cakes.name = QStringLiteral("spring.cakes");
    cakes.subject = tr("Spring cakes are here");
    cakes.body = tr("# Spring at Golestan\n\nRhubarb, saffron and rose: three cakes for the "
                    "season, baked every morning.\n\n[See the cakes](https://shop.example/"
                    "spring)\n\n[Order for Sizdah Bedar](https://shop.example/order)");
    if (!templates.find(cakes.name) && !templates.save(cakes)) {
        m_error = templates.errorString();
        return false;
    }
    const QJsonArray links{
        QJsonObject{{QStringLiteral("index"), 0},
                    {QStringLiteral("target"), QStringLiteral("https://shop.example/spring")}},
        QJsonObject{{QStringLiteral("index"), 1},
                    {QStringLiteral("target"), QStringLiteral("https://shop.example/order")}}};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    ManualClock clock(now.addDays(-21));
    Campaign c;
    c.name = name;
    c.templateName = cakes.name;
    c.audience.include = {tr("Loyal customers"), tr("Hot leads")};
    c.ab.variants = {
        AbVariant(),
        AbVariant{QString(), tr("Three new cakes for spring (and one is saffron)"), QString(), 0}};
    c.ab.sharePercent = 30;
    c.ab.metric = AbTest::Metric::Clicks;
    c.ab.waitMinutes = 240;
    // by the outbox's variant: 1 and 2 the test's, 0 the rest's (the winner's)
    QStringList subjects{cakes.subject, cakes.subject, c.ab.variants.at(1).subject};
    if (!campaigns.save(c) || !campaigns.schedule(c.id)) {
        m_error = campaigns.errorString();
        return false;
    }
    CampaignRunner runner(m_db, clock);
    // runs the campaign on until nothing is left to do at the clock's time
    const auto run = [&]() {
        for (int i = 0; i < 100; ++i) {
            const auto stats = runner.runOnce(60000);
            if (!stats || !stats->refused.isEmpty()) {
                m_error = stats ? stats->refused.join(QLatin1Char('\n')) : runner.errorString();
                return false;
            }
            if (!stats->more)
                return true;
        }
        return true;
    };
    // the test share
    if (!run() || !recordSent(c.id, clock.nowMs(), subjects, links, 1) ||
        !recordResponses(c.id, clock.nowMs(), currency, 2))
        return false;
    // the test ends, the winner goes to the rest
    clock.advance(c.ab.waitMinutes * 60000LL + 60000);
    if (!run())
        return false;
    if (const auto decided = campaigns.find(c.id); decided && decided->winner > 0)
        subjects[0] = subjects.value(decided->winner);
    if (!recordSent(c.id, clock.nowMs(), subjects, links, 3) ||
        !recordResponses(c.id, clock.nowMs(), currency, 4))
        return false;
    clock.set(now);
    return run();
}

bool DemoWorkspace::recordSent(qint64 campaignId, qint64 atMs, const QStringList &subjects,
                               const QJsonArray &links, quint32 seed)
{
    QSqlDatabase db = m_db.connection();
    Transaction tx(db, Transaction::Mode::Write);
    QSqlQuery q(db);
    QString error;
    if (!tx.isActive() ||
        !Sql::exec(lcDemo(), q,
                   QStringLiteral("SELECT o.id, o.contact_id, o.variant FROM outbox o WHERE "
                                  "o.campaign_id = ? AND o.state = 'queued' AND o.due_at <= ? "
                                  "ORDER BY o.id"),
                   {campaignId, atMs}, &error)) {
        m_error = tr("Could not write the demo campaign: %1").arg(error + tx.errorString());
        return false;
    }
    struct Sent
    {
        qint64 id;
        qint64 contactId;
        QString subject;
    };
    QList<Sent> sent;
    while (q.next())
        sent.append(
            {q.value(0).toLongLong(), q.value(1).toLongLong(), subjects.value(q.value(2).toInt())});
    q.finish();
    std::mt19937 rng(seed);
    EventStore events(db);
    QSqlQuery update(db);
    for (const Sent &s : sent) {
        // a few minutes apart, as a sender within its account's limits
        const qint64 at = atMs + qint64(std::uniform_int_distribution<>(0, 600)(rng)) * 1000;
        QJsonArray tracked;
        for (const QJsonValue &l : links)
            tracked.append(QJsonObject{{QStringLiteral("index"), l[QStringLiteral("index")]},
                                       {QStringLiteral("target"), l[QStringLiteral("target")]},
                                       {QStringLiteral("url"), l[QStringLiteral("target")]}});
        const QString plan =
            QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("links"), tracked},
                                                        {QStringLiteral("subject"), s.subject}})
                                  .toJson(QJsonDocument::Compact));
        if (!Sql::exec(
                lcDemo(), update,
                QStringLiteral("UPDATE outbox SET state = 'sent', attempts = 1, claimed_at = ?, "
                               "sent_at = ?, updated_at = ?, tracked = ? WHERE id = ?"),
                {at, at, at, plan, s.id}, &error) ||
            !events.appendIfPresent(s.contactId, EventType::EmailSent,
                                    QDateTime::fromMSecsSinceEpoch(at, Qt::UTC),
                                    {{QStringLiteral("outbox"), s.id},
                                     {QStringLiteral("template"), QStringLiteral("spring.cakes")},
                                     {QStringLiteral("subject"), s.subject}})) {
            m_error = tr("Could not write the demo campaign: %1")
                          .arg(error.isEmpty() ? events.errorString() : error);
            return false;
        }
    }
    if (!tx.commit()) {
        m_error = tr("Could not write the demo campaign: %1").arg(tx.errorString());
        return false;
    }
    return true;
}

bool DemoWorkspace::recordResponses(qint64 campaignId, qint64 sentAtMs, const QString &currency,
                                    quint32 seed)
{
    QSqlQuery q(m_db.connection());
    QString error;
    if (!Sql::exec(
            lcDemo(), q,
            QStringLiteral("SELECT id, contact_id, variant, sent_at FROM outbox WHERE "
                           "campaign_id = ? AND state = 'sent' AND sent_at >= ? ORDER BY id"),
            {campaignId, sentAtMs}, &error)) {
        m_error = tr("Could not write the demo campaign: %1").arg(error);
        return false;
    }
    std::mt19937 rng(seed);
    const auto chance = [&rng](double p) {
        return std::uniform_real_distribution<>(0, 1)(rng) < p;
    };
    const auto minutes = [&rng](int lo, int hi) {
        return qint64(std::uniform_int_distribution<>(lo, hi)(rng)) * 60000;
    };
    HitInbox inbox(m_db);
    QList<TrackingHit> hits;
    QList<std::pair<qint64, qint64>> buyers; // contact, when
    while (q.next()) {
        const qint64 outboxId = q.value(0).toLongLong();
        const int variant = q.value(2).toInt();
        const qint64 sentAt = q.value(3).toLongLong();
        // the second subject line (B) does better, and went to the rest
        const bool better = variant != 1;
        if (!chance(better ? 0.55 : 0.4))
            continue;
        TrackingHit open;
        open.source = QStringLiteral("demo");
        open.sourceId = outboxId * 4;
        open.kind = QStringLiteral("open");
        open.outboxId = outboxId;
        open.atMs = sentAt + minutes(3, 36 * 60);
        open.ip = QStringLiteral("198.51.100.%1").arg(outboxId % 250 + 1);
        open.userAgent = QStringLiteral(
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        hits << open;
        if (!chance(better ? 0.45 : 0.25))
            continue;
        TrackingHit click = open;
        click.sourceId = outboxId * 4 + 1;
        click.kind = QStringLiteral("click");
        click.link = chance(0.7) ? 0 : 1;
        click.target = click.link == 0 ? QStringLiteral("https://shop.example/spring")
                                       : QStringLiteral("https://shop.example/order");
        click.atMs = open.atMs + minutes(1, 20);
        hits << click;
        if (chance(0.35))
            buyers.append({q.value(1).toLongLong(), click.atMs + minutes(5, 3 * 24 * 60)});
    }
    q.finish();
    HitApplier applier(m_db);
    if (!inbox.add(hits)) {
        m_error = inbox.errorString();
        return false;
    }
    if (!applier.applyWaiting()) {
        m_error = applier.errorString();
        return false;
    }
    EventIntake intake(m_db.connection());
    for (const auto &[contact, at] : buyers) {
        IncomingEvent e;
        e.contactId = contact;
        e.type = EventType::Purchase;
        e.atMs = at;
        e.payload = {{QStringLiteral("amount"), currency == QLatin1String("IRT")
                                                    ? double(minutes(30, 120) / 60000 * 100000)
                                                    : double(minutes(25, 90) / 60000)},
                     {QStringLiteral("currency"), currency},
                     {QStringLiteral("order"), QStringLiteral("S%1").arg(contact)}};
        if (!intake.recordAlone(e)) {
            m_error = intake.errorString();
            return false;
        }
    }
    return true;
}

} // namespace masir
