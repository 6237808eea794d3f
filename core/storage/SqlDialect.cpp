#include "storage/SqlDialect.h"

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
            if (i + 1 < sql.size() && sql.at(i + 1).isDigit())
                continue; // ?N: its digits follow as they are
            out += QString::number(++counted);
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace masir
