#pragma once

#include <QDialog>
#include <QList>

class QDialogButtonBox;
class QLabel;
class QLayout;

namespace masir::ui {

/// A dialog that edits something: it asks before closing with changes unsaved,
/// and says what is wrong in a line above its buttons instead of closing.
class EditDialog : public QDialog
{
    Q_OBJECT

public:
    explicit EditDialog(QWidget *parent = nullptr);

    /// Watches \a widgets' change signals: an edit makes the dialog ask before
    /// it is cancelled.
    void watch(const QList<QWidget *> &widgets);
    bool isModified() const { return m_modified; }
    void setModified() { m_modified = true; }
    void reject() override;

protected:
    /// Adds the error line and OK/Cancel under \a form's widget.
    QDialogButtonBox *addButtons(QLayout *layout);
    void showError(const QString &message);

private:
    bool m_modified = false;
    QLabel *m_error = nullptr;
};

} // namespace masir::ui
