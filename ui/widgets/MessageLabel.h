#pragma once

#include <QLabel>

namespace masir::ui {

/// A line that tells the user about a problem, a warning or a success, in a
/// colour taken from the palette (darker on a light theme, lighter on a dark
/// one), never a fixed one. Empty text hides it. Plain text, wrapped,
/// selectable, so that a message can be copied.
class MessageLabel final : public QLabel
{
    Q_OBJECT

public:
    enum class Kind
    {
        Error,
        Warning,
        Success,
    };

    explicit MessageLabel(Kind kind = Kind::Error, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    /// Shows \a text, or hides the label when it is empty.
    void showMessage(const QString &text);

    /// The colour of \a kind's text on \a palette's window.
    static QColor colour(Kind kind, const QPalette &palette);
    /// A background for a banner of \a kind: the window's, tinted.
    static QColor background(Kind kind, const QPalette &palette);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();

    Kind m_kind;
    bool m_applying = false;
};

} // namespace masir::ui
