#include "common/ValueParsers.h"

#include "common/TextNormalizer.h"

#include <QCalendar>
#include <QRegularExpression>

namespace masir::ValueParsers {

std::optional<QDate> parseDate(const QString &input, DateMode mode)
{
    QString s = TextNormalizer::toAsciiDigits(input).trimmed();
    if (s.isEmpty())
        return std::nullopt;
    // Drop a time part: "2024-03-01 10:00:00", "2024-03-01T10:00:00Z".
    static const QRegularExpression timePart(QStringLiteral("[ T]\\d{1,2}:\\d{2}.*$"));
    s.remove(timePart);
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})$"));
    static const QRegularExpression dmy(QStringLiteral("^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})$"));
    int y = 0, m = 0, d = 0;
    if (const auto match = ymd.match(s); match.hasMatch()) {
        y = match.captured(1).toInt();
        m = match.captured(2).toInt();
        d = match.captured(3).toInt();
    } else if (const auto match2 = dmy.match(s); match2.hasMatch()) {
        const int a = match2.captured(1).toInt();
        const int b = match2.captured(2).toInt();
        y = match2.captured(3).toInt();
        // Day first, as most of the world writes it, unless that cannot be.
        if (b > 12 && a <= 12) {
            m = a;
            d = b;
        } else {
            d = a;
            m = b;
        }
    } else {
        return std::nullopt;
    }
    const bool jalali =
        mode == DateMode::Jalali || (mode == DateMode::Auto && y >= 1300 && y < 1500);
    const QDate date =
        jalali ? QCalendar(QCalendar::System::Jalali).dateFromParts(y, m, d) : QDate(y, m, d);
    if (!date.isValid())
        return std::nullopt;
    return date;
}

std::optional<bool> parseBool(const QString &input)
{
    static const QStringList yes = {
        QStringLiteral("1"),          QStringLiteral("true"),     QStringLiteral("yes"),
        QStringLiteral("y"),          QStringLiteral("x"),        QStringLiteral("on"),
        QStringLiteral("subscribed"), QStringLiteral("opted in"), QStringLiteral("granted"),
        QStringLiteral("بله"),        QStringLiteral("بلی"),      QStringLiteral("آری"),
        QStringLiteral("آره"),        QStringLiteral("دارد"),     QStringLiteral("tak"),
        QStringLiteral("t"),          QStringLiteral("ya"),       QStringLiteral("setuju")};
    static const QStringList no = {
        QStringLiteral("0"),         QStringLiteral("false"),     QStringLiteral("no"),
        QStringLiteral("n"),         QStringLiteral("off"),       QStringLiteral("unsubscribed"),
        QStringLiteral("opted out"), QStringLiteral("withdrawn"), QStringLiteral("خیر"),
        QStringLiteral("نه"),        QStringLiteral("ندارد"),     QStringLiteral("nie"),
        QStringLiteral("tidak"),     QStringLiteral("tak setuju")};
    const QString s =
        TextNormalizer::normalize(TextNormalizer::toAsciiDigits(input)).trimmed().toCaseFolded();
    if (yes.contains(s))
        return true;
    if (no.contains(s))
        return false;
    return std::nullopt;
}

QStringList parseTags(const QString &input)
{
    QString s = input.trimmed();
    if (s.isEmpty())
        return {};
    static const QRegularExpression separators(QStringLiteral("\\s*(?::::|[,;|،])\\s*"));
    QStringList out;
    for (QString tag : s.split(separators, Qt::SkipEmptyParts)) {
        tag = tag.trimmed();
        if (tag.size() >= 2 && tag.startsWith(QLatin1Char('"')) && tag.endsWith(QLatin1Char('"')))
            tag = tag.mid(1, tag.size() - 2).trimmed();
        if (tag.startsWith(QLatin1String("* "))) // Google's system groups
            continue;
        if (!tag.isEmpty() && !out.contains(tag))
            out << tag;
    }
    return out;
}

std::pair<QString, QString> splitFullName(const QString &input)
{
    const QString s = input.simplified();
    const qsizetype space = s.lastIndexOf(QLatin1Char(' '));
    if (space < 0)
        return {s, QString()};
    return {s.left(space), s.mid(space + 1)};
}

std::optional<int> parseInt(const QString &input)
{
    bool ok = false;
    const QString s = TextNormalizer::toAsciiDigits(input).trimmed();
    const int v = s.toInt(&ok);
    if (ok)
        return v;
    const double d = s.toDouble(&ok);
    if (ok && d > -1e9 && d < 1e9)
        return int(d);
    return std::nullopt;
}

} // namespace masir::ValueParsers
