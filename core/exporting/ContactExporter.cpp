#include "exporting/ContactExporter.h"

#include "contacts/ContactColumns.h"
#include "contacts/CustomFields.h"
#include "exporting/CsvWriter.h"
#include "storage/Database.h"

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace masir {

ContactExporter::ContactExporter(const Database &db)
    : m_db(db)
{}

qint64 ContactExporter::exportCsv(const QString &path, const Options &options,
                                  const std::function<bool(qint64)> &progress)
{
    // QSaveFile: a failed export never leaves a half-written file behind.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return -1;
    }
    CsvWriter csv(&file);
    if (options.excelBom)
        csv.writeBom();

    const QStringList standard = {QStringLiteral("email"),         QStringLiteral("phone"),
                                  QStringLiteral("first_name"),    QStringLiteral("last_name"),
                                  QStringLiteral("company"),       QStringLiteral("city"),
                                  QStringLiteral("country"),       QStringLiteral("language"),
                                  QStringLiteral("timezone"),      QStringLiteral("birthday"),
                                  QStringLiteral("gender"),        QStringLiteral("source"),
                                  QStringLiteral("stage"),         QStringLiteral("owner"),
                                  QStringLiteral("score"),         QStringLiteral("status"),
                                  QStringLiteral("email_consent"), QStringLiteral("sms_consent")};
    const QList<FieldDefinition> fields = CustomFieldRepository(m_db).fields();
    QStringList header = standard;
    header << QStringLiteral("tags") << QStringLiteral("created_at");
    for (const FieldDefinition &f : fields)
        header << f.key;
    if (!csv.writeRow(header)) {
        m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), csv.errorString());
        return -1;
    }

    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    qint64 listId = 0;
    if (!options.staticList.isEmpty()) {
        q.prepare(QStringLiteral("SELECT id FROM segments WHERE name = ? AND kind = 'static'"));
        q.addBindValue(options.staticList);
        if (!q.exec() || !q.next()) {
            m_error = tr("There is no static list called \"%1\".").arg(options.staticList);
            file.cancelWriting();
            return -1;
        }
        listId = q.value(0).toLongLong();
    }
    QStringList selected = standard; // the score and stage are not columns of contacts
    selected[standard.indexOf(QStringLiteral("score"))] = ContactColumns::scoreSelect();
    selected[standard.indexOf(QStringLiteral("stage"))] = ContactColumns::stageSelect();
    const QString pageSql =
        QStringLiteral(
            "SELECT id, %1, created_at FROM contacts WHERE id > ?%2 ORDER BY id LIMIT 5000")
            .arg(selected.join(QStringLiteral(", ")),
                 listId ? QStringLiteral(" AND id IN (SELECT contact_id FROM segment_members WHERE "
                                         "segment_id = %1)")
                              .arg(listId)
                        : QString());
    qint64 lastId = 0;
    qint64 written = 0;
    for (;;) {
        q.prepare(pageSql);
        q.addBindValue(lastId);
        if (!q.exec()) {
            m_error = tr("Reading contacts failed: %1").arg(q.lastError().text());
            return -1;
        }
        QList<QPair<qint64, QStringList>> page;
        while (q.next()) {
            QStringList cells;
            for (int c = 1; c <= int(standard.size()); ++c)
                cells << q.value(c).toString();
            cells << QString(); // tags, filled below
            cells << QDateTime::fromMSecsSinceEpoch(q.value(int(standard.size()) + 1).toLongLong(),
                                                    Qt::UTC)
                         .toString(Qt::ISODate);
            for (qsizetype f = 0; f < fields.size(); ++f)
                cells << QString();
            page.append({q.value(0).toLongLong(), cells});
        }
        if (page.isEmpty())
            break;
        const qint64 firstId = page.first().first;
        lastId = page.last().first;
        QHash<qint64, qsizetype> rowOf;
        for (qsizetype i = 0; i < page.size(); ++i)
            rowOf.insert(page.at(i).first, i);

        // Tags and custom values of the page, in two range queries.
        const qsizetype tagsColumn = standard.size();
        q.prepare(QStringLiteral("SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t "
                                 "ON t.id = ct.tag_id WHERE ct.contact_id BETWEEN ? AND ? "
                                 "ORDER BY ct.contact_id, ct.added_at, t.name"));
        q.addBindValue(firstId);
        q.addBindValue(lastId);
        if (q.exec()) {
            while (q.next()) {
                QString &cell = page[rowOf.value(q.value(0).toLongLong())].second[tagsColumn];
                if (!cell.isEmpty())
                    cell += QLatin1String("; ");
                cell += q.value(1).toString();
            }
        }
        if (!fields.isEmpty()) {
            QHash<qint64, qsizetype> columnOf;
            for (qsizetype f = 0; f < fields.size(); ++f)
                columnOf.insert(fields.at(f).id, standard.size() + 2 + f);
            q.prepare(QStringLiteral("SELECT contact_id, field_id, value FROM contact_values "
                                     "WHERE contact_id BETWEEN ? AND ?"));
            q.addBindValue(firstId);
            q.addBindValue(lastId);
            if (q.exec()) {
                while (q.next()) {
                    page[rowOf.value(q.value(0).toLongLong())]
                        .second[columnOf.value(q.value(1).toLongLong())] = q.value(2).toString();
                }
            }
        }
        for (const auto &row : std::as_const(page)) {
            if (!csv.writeRow(row.second)) {
                m_error = tr("Cannot write %1: %2")
                              .arg(QDir::toNativeSeparators(path), csv.errorString());
                return -1;
            }
        }
        written += page.size();
        if (progress && !progress(written)) {
            file.cancelWriting();
            m_error = tr("The export was cancelled; no file was written.");
            return -1;
        }
    }
    if (!file.commit()) {
        m_error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return -1;
    }
    return written;
}

} // namespace masir
