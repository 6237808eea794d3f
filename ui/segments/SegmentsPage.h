#pragma once

#include "segments/SegmentRepository.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableWidget;

namespace masir {
class Database;
class SegmentListModel;
class SegmentLiveCount;
} // namespace masir

namespace masir::ui {

class EditorSession;
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

    QListView *list() const { return m_list; }
    SegmentListModel *model() const { return m_model; }
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
    bool isModified() const;
    /// Asks whether to save unsaved changes; false when the user cancels.
    bool maybeSave();

Q_SIGNALS:
    void statusMessage(const QString &message, int timeoutMs);
    /// The editor's changes were made, saved or reverted (isModified()).
    void modifiedChanged();
    /// Saved segments were added, renamed or deleted.
    void segmentsChanged();
    /// The user wants to see the members in the contact list.
    void showInContacts(qint64 segmentId);

private:
    void load(const Segment &segment);
    void recount();
    void updateActions();
    QString uniqueName(const QString &base) const;

    const Database &m_db;
    SegmentRepository m_repo;
    Segment m_current;
    EditorSession *m_session = nullptr;

    SegmentListModel *m_model = nullptr;
    QListView *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_kindHint = nullptr;
    QCheckBox *m_public = nullptr;
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
};

} // namespace masir::ui
