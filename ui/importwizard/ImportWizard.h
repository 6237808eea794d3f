#pragma once

#include "importing/ImportJob.h"

#include <QWizard>

#include <atomic>
#include <memory>

namespace masir {
class BackgroundTasks;
class Database;
} // namespace masir

namespace masir::ui {

/// Imports a CSV file step by step: the file, how it reads (encoding, delimiter,
/// header, with a live preview), where each column goes, the options and how the
/// people agreed to hear from the business, a review of what the import would do
/// (a dry run: new, updated, rejected, before anything is written), the import
/// itself on a worker thread (progress, rows/s, time left, cancel) and a summary
/// that lists every rejected row, exports them, shows the new contacts, and can
/// undo the import.
class ImportWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        FilePage,
        PreviewPage,
        MappingPage,
        OptionsPage,
        ReviewPage,
        ProgressPage,
        SummaryPage,
    };

    ImportWizard(const Database &db, const QString &path = QString(), QWidget *parent = nullptr);
    ~ImportWizard() override;

    const Database &database() const { return m_db; }
    ImportOptions &options() { return m_options; }
    ImportPreview &preview() { return m_preview; }
    ImportReport &report() { return m_report; }
    /// What the import would do, from a dry run of the whole file.
    const ImportReport &review() const { return m_review; }
    /// Re-reads the top of the file with the current encoding/delimiter choices.
    void refreshPreview();

    /// Starts the import on a worker thread; importFinished() follows.
    void startImport();
    /// Reads the whole file as the import would, writing nothing;
    /// reviewFinished() follows.
    void startReview();
    void cancelImport();
    bool isImporting() const { return m_running; }

Q_SIGNALS:
    void previewChanged();
    void importProgress(const masir::ImportProgress &progress);
    void importFinished();
    void reviewFinished();
    /// "Show imported contacts": the list, filtered to \a importId's new contacts.
    void showImport(qint64 importId, const QString &fileName);
    /// Contacts were added, changed or removed (the contact list should refresh).
    void contactsChanged();

protected:
    void reject() override;

private:
    const Database &m_db;
    BackgroundTasks *m_tasks = nullptr;
    ImportOptions m_options;
    ImportPreview m_preview;
    ImportReport m_report;
    ImportReport m_review;
    void run(bool dryRun);
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace masir::ui
