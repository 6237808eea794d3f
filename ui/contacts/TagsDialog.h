#pragma once

#include <QDialog>

class QPushButton;
class QTableWidget;

namespace masir {
class Database;
}

namespace masir::ui {

/// The tags manager: every tag with its number of contacts; rename (a name
/// another tag has merges the two), merge into another tag, delete.
class TagsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TagsDialog(const Database &db, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    /// Whether any tag was renamed, merged or deleted.
    bool hasChanged() const { return m_changed; }

    void renameSelected();
    void mergeSelected();
    void deleteSelected();

private:
    void reload(qint64 selectId = 0);
    qint64 selectedId() const;
    QString selectedName() const;
    void updateButtons();

    const Database &m_db;
    QTableWidget *m_table = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_delete = nullptr;
    bool m_changed = false;
};

} // namespace masir::ui
