#include "widgets/Icons.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QHash>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace masir::ui::Icons {

namespace {

/// The drawing of \a name with its strokes in \a color.
QByteArray tinted(const QString &name, const QColor &color)
{
    static QHash<QString, QByteArray> sources;
    auto it = sources.constFind(name);
    if (it == sources.cend()) {
        QFile f(QStringLiteral(":/icons/%1.svg").arg(name));
        it = sources.insert(name, f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray());
    }
    QByteArray svg = *it;
    return svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1()); // alpha: when drawn
}

QColor colorFor(QIcon::Mode mode)
{
    const QPalette palette = QApplication::palette();
    switch (mode) {
    case QIcon::Disabled:
        return palette.color(QPalette::Disabled, QPalette::WindowText);
    case QIcon::Selected:
        return palette.color(QPalette::Active, QPalette::HighlightedText);
    case QIcon::Normal:
    case QIcon::Active:
        break;
    }
    return palette.color(QPalette::Active, QPalette::WindowText);
}

class TintedEngine final : public QIconEngine
{
public:
    explicit TintedEngine(const QString &name)
        : m_name(name)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const int side = int(std::min(rect.width(), rect.height()) * ratio);
        QPixmap p = Icons::pixmap(m_name, colorFor(mode), side);
        p.setDevicePixelRatio(ratio);
        const QSize logical = p.size() / ratio;
        painter->drawPixmap(QRect(rect.topLeft() + QPoint((rect.width() - logical.width()) / 2,
                                                          (rect.height() - logical.height()) / 2),
                                  logical),
                            p);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        return Icons::pixmap(m_name, colorFor(mode), std::min(size.width(), size.height()));
    }

    QIconEngine *clone() const override { return new TintedEngine(m_name); }
    QString key() const override { return QStringLiteral("masir-tinted"); }
    QString iconName() override { return m_name; }

private:
    QString m_name;
};

} // namespace

QIcon icon(const QString &name)
{
    return QIcon(new TintedEngine(name));
}

QPixmap pixmap(const QString &name, const QColor &color, int size)
{
    size = std::max(size, 1);
    const QString key =
        QStringLiteral("masir-icon:%1:%2:%3").arg(name, color.name(QColor::HexArgb)).arg(size);
    QPixmap p;
    if (QPixmapCache::find(key, &p))
        return p;
    p = QPixmap(size, size);
    p.fill(Qt::transparent);
    QSvgRenderer renderer(tinted(name, color));
    QPainter painter(&p);
    painter.setOpacity(color.alphaF());
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    QPixmapCache::insert(key, p);
    return p;
}

QAction *set(QAction *action, const QString &name)
{
    action->setIcon(icon(name));
    return action;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() <
           palette.color(QPalette::WindowText).lightness();
}

} // namespace masir::ui::Icons
