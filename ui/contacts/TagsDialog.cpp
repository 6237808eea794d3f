#include "contacts/TagsDialog.h"

#include "contacts/TagRepository.h"
#include "widgets/Selection.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {
constexpr int kIdRole = Qt::UserRole;
}

TagsDialog::TagsDialog(const Database &db, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
{
    setWindowTitle(tr("Manage Tags"));
    m_table = new QTableWidget(0, 2);
    m_table->setObjectName(QStringLiteral("tagTable"));
    m_table->setAccessibleName(tr("Tags"));
    m_table->setHorizontalHeaderLabels({tr("Tag"), tr("Contacts")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TagsDialog::updateButtons);
    connect(m_table, &QTableWidget::itemDoubleClicked, this, &TagsDialog::renameSelected);

    m_rename = new QPushButton(tr("&Rename…"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_rename, &QPushButton::clicked, this, &TagsDialog::renameSelected);
    m_merge = new QPushButton(tr("&Merge Into…"));
    m_merge->setToolTip(tr("Give this tag's contacts another tag, then delete this one"));
    connect(m_merge, &QPushButton::clicked, this, &TagsDialog::mergeSelected);
    m_delete = new QPushButton(tr("&Delete"));
    m_delete->setShortcut(QKeySequence::Delete);
    connect(m_delete, &QPushButton::clicked, this, &TagsDialog::deleteSelected);

    auto *side = new QVBoxLayout;
    side->addWidget(m_rename);
    side->addWidget(m_merge);
    side->addWidget(m_delete);
    side->addStretch(1);
    auto *body = new QHBoxLayout;
    body->addWidget(m_table, 1);
    body->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body);
    layout->addWidget(buttons);
    resize(480, 420);
    reload();
}

void TagsDialog::reload(qint64 selectId)
{
    m_table->setSortingEnabled(false);
    const QList<TagInfo> tags = TagRepository(m_db).list();
    m_table->setRowCount(int(tags.size()));
    for (int r = 0; r < tags.size(); ++r) {
        auto *name = new QTableWidgetItem(tags.at(r).name);
        name->setData(kIdRole, tags.at(r).id);
        auto *count = new QTableWidgetItem;
        count->setData(Qt::DisplayRole, tags.at(r).contacts); // sorts as a number
        count->setTextAlignment(Qt::AlignVCenter | Qt::AlignTrailing);
        m_table->setItem(r, 0, name);
        m_table->setItem(r, 1, count);
    }
    m_table->setSortingEnabled(true);
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 0)->data(kIdRole).toLongLong() == selectId)
            selectWholeRow(m_table, r);
    updateButtons();
}

qint64 TagsDialog::selectedId() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? 0 : m_table->item(items.first()->row(), 0)->data(kIdRole).toLongLong();
}

QString TagsDialog::selectedName() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : m_table->item(items.first()->row(), 0)->text();
}

void TagsDialog::updateButtons()
{
    const bool any = selectedId() != 0;
    m_rename->setEnabled(any);
    m_merge->setEnabled(any && m_table->rowCount() > 1);
    m_delete->setEnabled(any);
}

void TagsDialog::renameSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename Tag"), tr("New name (a name another tag has merges the two):"),
        QLineEdit::Normal, selectedName(), &ok);
    if (!ok || name.trimmed().isEmpty() || name.trimmed() == selectedName())
        return;
    TagRepository tags(m_db);
    if (!tags.rename(id, name.trimmed())) {
        QMessageBox::warning(this, tr("Cannot rename the tag"), tags.errorString());
        return;
    }
    m_changed = true;
    reload(id);
}

void TagsDialog::mergeSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    QStringList names;
    QList<qint64> ids;
    for (const TagInfo &t : TagRepository(m_db).list()) {
        if (t.id != id) {
            names << t.name;
            ids << t.id;
        }
    }
    bool ok = false;
    const QString into = QInputDialog::getItem(
        this, tr("Merge Tag"),
        tr("Give the contacts tagged \"%1\" this tag instead:").arg(selectedName()), names, 0,
        false, &ok);
    if (!ok)
        return;
    const qint64 intoId = ids.value(names.indexOf(into));
    TagRepository tags(m_db);
    if (!tags.merge(id, intoId)) {
        QMessageBox::warning(this, tr("Cannot merge the tags"), tags.errorString());
        return;
    }
    m_changed = true;
    reload(intoId);
}

void TagsDialog::deleteSelected()
{
    const qint64 id = selectedId();
    if (!id)
        return;
    const QString count = m_table->item(m_table->selectedItems().first()->row(), 1)->text();
    if (QMessageBox::question(this, tr("Delete Tag"),
                              tr("Delete the tag \"%1\"? It is taken off %2 contact(s); the "
                                 "contacts stay.")
                                  .arg(selectedName(), count),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    TagRepository tags(m_db);
    if (!tags.remove(id)) {
        QMessageBox::warning(this, tr("Cannot delete the tag"), tags.errorString());
        return;
    }
    m_changed = true;
    reload();
}

} // namespace masir::ui
