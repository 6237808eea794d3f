#include "widgets/MessageLabel.h"

#include <QEvent>

namespace masir::ui {

namespace {

int hueOf(MessageLabel::Kind kind)
{
    switch (kind) {
    case MessageLabel::Kind::Error:
        return 2; // red
    case MessageLabel::Kind::Warning:
        return 32; // amber
    case MessageLabel::Kind::Success:
        return 125; // green
    }
    return 0;
}

bool darkTheme(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

} // namespace

MessageLabel::MessageLabel(Kind kind, QWidget *parent)
    : QLabel(parent)
    , m_kind(kind)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyColour();
    hide();
}

QColor MessageLabel::colour(Kind kind, const QPalette &palette)
{
    // Enough contrast with the window, whatever the theme: a deep shade on a
    // light window, a light one on a dark window.
    return QColor::fromHslF(hueOf(kind) / 360.0, 0.75, darkTheme(palette) ? 0.72 : 0.36);
}

QColor MessageLabel::background(Kind kind, const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Window);
    const QColor tint = colour(kind, palette);
    const qreal amount = 0.12;
    return QColor::fromRgbF(window.redF() + (tint.redF() - window.redF()) * amount,
                            window.greenF() + (tint.greenF() - window.greenF()) * amount,
                            window.blueF() + (tint.blueF() - window.blueF()) * amount);
}

void MessageLabel::setKind(Kind kind)
{
    m_kind = kind;
    applyColour();
}

void MessageLabel::showMessage(const QString &text)
{
    setText(text);
    setVisible(!text.isEmpty());
}

void MessageLabel::applyColour()
{
    m_applying = true;
    QPalette p = palette();
    p.setColor(QPalette::WindowText, colour(m_kind, p));
    setPalette(p);
    m_applying = false;
}

void MessageLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applying)
        applyColour();
}

} // namespace masir::ui
