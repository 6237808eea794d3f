#pragma once

#include "segments/SegmentRepository.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;
class QThreadPool;

namespace masir {
class Database;
class SegmentLiveCount;
} // namespace masir

namespace masir::ui {

class RuleBuilder;

/// Segments and lists: the saved ones with their counts on the left; on the
/// right the rule builder with a live count and a preview of who matches.
class SegmentsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentsPage(const Database &db, QWidget *parent = nullptr);
    ~SegmentsPage() override;

    QAction *newSegmentAction() const { return m_newSegment; }
    QAction *newListAction() const { return m_newList; }
    QAction *saveAction() const { return m_save; }
    QAction *revertAction() const { return m_revert; }
    QAction *deleteAction() const { return m_delete; }

    QListWidget *list() const { return m_list; }
    RuleBuilder *builder() const { return m_builder; }
    QLineEdit *nameField() const { return m_name; }
    QLabel *countLabel() const { return m_count; }
    QTableWidget *preview() const { return m_preview; }
    SegmentLiveCount *liveCount() const { return m_live; }

    /// Re-reads the saved segments and recounts them in the background.
    void reload(qint64 selectId = 0);
    /// Opens a saved segment (asks first about unsaved changes); false if the user stayed.
    bool open(qint64 id);
    void newSegment(bool isStatic);
    /// Saves the segment being edited; false with a message on a bad rule or name.
    bool save();
    void deleteCurrent();
    bool isModified() const { return m_modified; }
    /// Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// Saved segments were added, renamed or deleted.
    void segmentsChanged();
    /// The user wants to see the members in the contact list.
    void showInContacts(qint64 segmentId);

private:
    void load(const Segment &segment);
    void setModified(bool modified);
    void recount();
    void countAll();
    void updateActions();
    QString uniqueName(const QString &base) const;
    QListWidgetItem *itemFor(qint64 id) const;
    static QString itemText(const Segment &segment, const QString &count);

    const Database &m_db;
    SegmentRepository m_repo;
    Segment m_current;
    bool m_modified = false;
    bool m_loading = false;

    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_kindHint = nullptr;
    QScrollArea *m_builderScroll = nullptr;
    RuleBuilder *m_builder = nullptr;
    QLabel *m_count = nullptr;
    QTableWidget *m_preview = nullptr;
    QPushButton *m_showButton = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    SegmentLiveCount *m_live = nullptr;
    QAction *m_newSegment = nullptr;
    QAction *m_newList = nullptr;
    QAction *m_save = nullptr;
    QAction *m_revert = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_duplicate = nullptr;

    std::unique_ptr<QThreadPool> m_countPool;
    std::shared_ptr<std::atomic<quint64>> m_countGeneration =
        std::make_shared<std::atomic<quint64>>(0);
};

} // namespace masir::ui
