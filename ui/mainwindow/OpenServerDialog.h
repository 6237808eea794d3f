#pragma once

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace masir::ui {

/// Opens a team workspace on a PostgreSQL server: its address (a
/// postgresql:// URL, libpq's options such as sslmode=verify-full in it) and
/// the password, which is kept in the system keychain when asked, never in the
/// list of recent workspaces. Shown again with the server's answer when a
/// connection failed, so that the address or the password can be corrected.
class OpenServerDialog final : public QDialog
{
    Q_OBJECT

public:
    /// \a address without its password (as Database::displayName() shows it);
    /// \a problem: why the last try failed, or empty.
    explicit OpenServerDialog(const QString &address, const QString &problem = QString(),
                              QWidget *parent = nullptr);

    /// The address to open, with the password in it (kept in memory only).
    QString address() const;
    /// Keeps the password in the keychain when asked, or forgets it.
    bool savePassword(QString *error) const;
    /// Holds the choice (keep the password or forget it) until the workspace
    /// at address() opened: a wrong password is never kept.
    void saveOnceOpened() const;

    /// Asks; the password is kept as chosen once the workspace opened (see
    /// opened()); nullopt when cancelled.
    static std::optional<QString> ask(QWidget *parent, const QString &address,
                                      const QString &problem = QString());
    /// The workspace at \a address (as ask() gave it) opened: the password
    /// chosen for it is kept, or forgotten, now; a keychain that refuses is
    /// shown over \a parent.
    static void opened(QWidget *parent, const QString &address);
    /// \a address with the password the keychain keeps for it, if any and if
    /// the address has none; as it is otherwise.
    static QString withSavedPassword(const QString &address);

private:
    void check();

    QLineEdit *m_address = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_remember = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace masir::ui
