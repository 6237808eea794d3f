#include "importing/ImportPlan.h"

#include "common/TextNormalizer.h"
#include "contacts/ContactColumns.h"
#include "importing/ColumnMapper.h"
#include "settings/WorkspaceSettings.h"

#include <QFileInfo>

namespace masir {

ImportPlanner::ImportPlanner(const Database &db, const ImportOptions &options)
    : m_db(db)
    , m_options(options)
{}

QStringList ImportPlanner::resolveTargets(const Database &db, const ImportOptions &options,
                                          const QStringList &headers, bool hasHeader)
{
    QStringList targets;
    if (options.targets.size() == headers.size())
        targets = options.targets;
    else if (hasHeader)
        targets = ColumnMapper::remembered(db, headers);
    if (targets.isEmpty())
        targets = hasHeader ? ColumnMapper::guessAll(headers)
                            : QStringList(headers.size(), ImportTarget::Skip);
    for (auto it = options.overrides.cbegin(); it != options.overrides.cend(); ++it) {
        for (qsizetype c = 0; c < headers.size(); ++c) {
            if (ColumnMapper::normalizeHeader(headers.at(c)) ==
                ColumnMapper::normalizeHeader(it.key()))
                targets[c] = it.value();
        }
    }
    return targets;
}

bool ImportPlanner::createFields()
{
    if (m_options.dryRun)
        return true;
    CustomFieldRepository fields(m_db);
    for (FieldDefinition def : m_options.newFields) {
        if (!fields.field(def.key) && !fields.add(def)) {
            m_error =
                tr("Cannot create the custom field %1: %2").arg(def.key, fields.errorString());
            return false;
        }
    }
    return true;
}

std::optional<ImportPlan> ImportPlanner::plan(CsvReader &reader, bool hasHeader)
{
    if (!createFields())
        return std::nullopt;
    ImportPlan plan;
    plan.fileName = QFileInfo(m_options.path).fileName();
    plan.now = QDateTime::currentDateTimeUtc();

    // The header, or the first row of a file without one (kept for the rows).
    CsvReader::Record record;
    CsvReader::Error readError;
    if (hasHeader) {
        for (;;) {
            const auto s = reader.next(record, readError);
            if (s == CsvReader::Status::End)
                break;
            if (s == CsvReader::Status::Record) {
                for (const QString &h : std::as_const(record.fields))
                    plan.headers << TextNormalizer::normalize(h.trimmed());
                break;
            }
        }
    } else if (reader.next(record, readError) == CsvReader::Status::Record) {
        for (qsizetype c = 0; c < record.fields.size(); ++c)
            plan.headers << tr("Column %1").arg(c + 1);
        record.raw = reader.lastRecordText();
        plan.pending << record;
    }
    plan.targets = resolveTargets(m_db, m_options, plan.headers, hasHeader);
    if (!planColumns(plan, CustomFieldRepository(m_db).fields()))
        return std::nullopt;
    if (hasHeader && !m_options.dryRun && !plan.headers.isEmpty())
        ColumnMapper::remember(m_db, plan.headers, plan.targets);

    plan.region = m_options.defaultRegion.isEmpty() ? WorkspaceSettings(m_db).defaultRegion()
                                                    : m_options.defaultRegion;
    plan.source = m_options.source.isEmpty() ? plan.fileName : m_options.source;
    plan.consentSource = tr("import: %1").arg(plan.fileName);
    plan.givenSource =
        tr("import: %1 (%2)").arg(plan.fileName, m_options.consentProof.simplified());
    plan.shared = sharedColumns(plan.columns);
    return plan;
}

bool ImportPlanner::planColumns(ImportPlan &plan, const QList<FieldDefinition> &fields)
{
    ColumnPlan &columns = plan.columns;
    for (qsizetype c = 0; c < plan.targets.size(); ++c) {
        const QString &t = plan.targets.at(c);
        if (t == ImportTarget::Skip || t.isEmpty())
            continue;
        if (t == ImportTarget::Tags) {
            columns.tags << int(c);
        } else if (ImportTarget::isCustom(t)) {
            const QString key = t.mid(7);
            const auto def = std::find_if(fields.cbegin(), fields.cend(),
                                          [&](const FieldDefinition &f) { return f.key == key; });
            if (def == fields.cend() && !m_options.dryRun) {
                m_error = tr("Column \"%1\" is mapped to the custom field \"%2\", which does not "
                             "exist. Create it first, or map the column elsewhere.")
                              .arg(plan.headers.value(c), key);
                return false;
            }
            if (def != fields.cend())
                columns.custom.append({int(c), *def});
        } else if (ImportTarget::standard().contains(t)) {
            columns.standard.insert(t, int(c));
        } else {
            m_error = tr("Column \"%1\" is mapped to \"%2\", which is not a contact field.")
                          .arg(plan.headers.value(c), t);
            return false;
        }
    }
    if (!plan.headers.isEmpty() && columns.column("email") < 0 && columns.column("phone") < 0 &&
        columns.column("first_name") < 0 && columns.column("last_name") < 0 &&
        columns.column("full_name") < 0) {
        m_error = tr("No column is mapped to an email address, a phone number or a name, so "
                     "no contact can be made. Map at least one of them.");
        return false;
    }
    return true;
}

std::vector<bool> ImportPlanner::sharedColumns(const ColumnPlan &columns)
{
    // A column no column of the file feeds holds one value in every new row (an
    // empty country, the stage "subscriber", the import's time...): often most
    // of them. A group of rows binds those once (see ImportWriter).
    static const QHash<QString, QStringList> fedBy = {
        {QStringLiteral("first_name"), {QStringLiteral("first_name"), QStringLiteral("full_name")}},
        {QStringLiteral("last_name"), {QStringLiteral("last_name"), QStringLiteral("full_name")}},
        {QStringLiteral("email_consent_at"), {QStringLiteral("email_consent")}},
        {QStringLiteral("email_consent_source"), {QStringLiteral("email_consent")}},
        {QStringLiteral("sms_consent_at"), {QStringLiteral("sms_consent")}},
        {QStringLiteral("sms_consent_source"), {QStringLiteral("sms_consent")}},
        {QStringLiteral("search_text"),
         {QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("first_name"),
          QStringLiteral("last_name"), QStringLiteral("full_name"), QStringLiteral("company")}},
        {QStringLiteral("created_at"), {}},
        {QStringLiteral("updated_at"), {}},
    };
    std::vector<bool> shared;
    for (const QString &column : ContactColumns::names()) {
        const QStringList feeds = fedBy.value(column, {column});
        shared.push_back(std::none_of(feeds.cbegin(), feeds.cend(), [&](const QString &t) {
            return columns.standard.contains(t);
        }));
    }
    shared.push_back(true); // import_id
    return shared;
}

} // namespace masir
