#include "importing/MergePolicy.h"

namespace masir {

namespace MergeColumns {

namespace {
std::vector<int> indexesOf(const QStringList &wanted)
{
    std::vector<int> out;
    for (const QString &name : wanted)
        out.push_back(int(ContactColumns::names().indexOf(name)));
    Q_ASSERT(std::find(out.cbegin(), out.cend(), -1) == out.cend());
    return out;
}
} // namespace

const std::vector<int> &merged()
{
    static const std::vector<int> columns = indexesOf(
        {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("first_name"),
         QStringLiteral("last_name"), QStringLiteral("company"), QStringLiteral("city"),
         QStringLiteral("country"), QStringLiteral("language"), QStringLiteral("timezone"),
         QStringLiteral("birthday"), QStringLiteral("gender"), QStringLiteral("owner")});
    return columns;
}

const std::vector<int> &consents()
{
    static const std::vector<int> columns =
        indexesOf({QStringLiteral("email_consent"), QStringLiteral("sms_consent")});
    return columns;
}

} // namespace MergeColumns

MergePolicy::MergePolicy(ImportOptions::Policy policy)
    : m_policy(policy)
{}

Contact MergePolicy::incoming(const PreparedRow &row, const Contact &existing) const
{
    Contact c = ContactColumns::read(row.contact, 0);
    c.score = row.score;
    // Without one in the file, what a new contact starts with is not taken.
    c.stage = row.stageGiven ? row.stage : QString();
    // A consent the import's answer grants does not undo one withdrawn.
    if (row.consentGiven) {
        if (existing.emailConsent.status == ConsentStatus::Withdrawn)
            c.emailConsent = existing.emailConsent;
        if (existing.smsConsent.status == ConsentStatus::Withdrawn)
            c.smsConsent = existing.smsConsent;
    }
    // The file's email may not overwrite an address another contact has.
    if (!c.email.isEmpty() && existing.email != c.email && !existing.email.isEmpty() &&
        overwrites())
        c.email.clear();
    return c;
}

bool MergePolicy::merge(Contact &existing, const Contact &incoming) const
{
    const bool overwrite = overwrites();
    bool changed = false;
    auto take = [&](QString &mine, const QString &theirs) {
        if (theirs.isEmpty() || mine == theirs || (!overwrite && !mine.isEmpty()))
            return;
        mine = theirs;
        changed = true;
    };
    take(existing.email, incoming.email);
    take(existing.phone, incoming.phone);
    take(existing.firstName, incoming.firstName);
    take(existing.lastName, incoming.lastName);
    take(existing.company, incoming.company);
    take(existing.city, incoming.city);
    take(existing.country, incoming.country);
    take(existing.language, incoming.language);
    take(existing.timezone, incoming.timezone);
    take(existing.gender, incoming.gender);
    take(existing.owner, incoming.owner);
    take(existing.stage, incoming.stage);
    if (incoming.birthday.isValid() && existing.birthday != incoming.birthday &&
        (overwrite || !existing.birthday.isValid())) {
        existing.birthday = incoming.birthday;
        changed = true;
    }
    if (overwrite && incoming.score != 0 && incoming.score != existing.score) {
        existing.score = incoming.score;
        changed = true;
    }
    auto takeConsent = [&](Consent &mine, const Consent &theirs) {
        if (theirs.status == ConsentStatus::Unknown || mine.status == theirs.status)
            return;
        if (overwrite || mine.status == ConsentStatus::Unknown) {
            mine = theirs;
            changed = true;
        }
    };
    takeConsent(existing.emailConsent, incoming.emailConsent);
    takeConsent(existing.smsConsent, incoming.smsConsent);
    return changed;
}

} // namespace masir
