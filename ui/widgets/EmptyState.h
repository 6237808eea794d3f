#pragma once

#include <QWidget>

#include <functional>

class QAbstractItemView;
class QAction;
class QLabel;
class QToolButton;

namespace masir::ui {

/// What an empty list says, over the list itself: why it is empty and the
/// next step (a button for \a next, if given). Shown while the view's model
/// has no rows, hidden as soon as it has one.
class EmptyState final : public QWidget
{
    Q_OBJECT

public:
    /// \a text is asked each time the list becomes empty (it may depend on a
    /// search or a filter).
    static EmptyState *attach(QAbstractItemView *view, std::function<QString()> text,
                              QAction *next = nullptr);

    QString text() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    EmptyState(QAbstractItemView *view, std::function<QString()> text, QAction *next);
    void refresh();
    void place();

    QAbstractItemView *m_view;
    std::function<QString()> m_text;
    QLabel *m_label;
    QToolButton *m_next = nullptr;
};

} // namespace masir::ui
