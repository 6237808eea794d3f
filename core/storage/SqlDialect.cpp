#include "storage/SqlDialect.h"

#include <algorithm>

namespace masir {

QString SqlDialect::statement(const QString &sql) const
{
    if (!m_postgres)
        return sql;
    QString out;
    out.reserve(sql.size() + 8);
    int counted = 0;
    QChar quote;
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
        } else if (c == QLatin1Char('?')) {
            out += QLatin1Char('$');
            qsizetype end = i + 1;
            while (end < sql.size() && sql.at(end).isDigit())
                ++end;
            if (end > i + 1) {
                // ?N: its digits follow as they are; a bare ? after it is N + 1, as in SQLite
                counted = std::max(counted, sql.mid(i + 1, end - i - 1).toInt());
                continue;
            }
            out += QString::number(++counted);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace masir
