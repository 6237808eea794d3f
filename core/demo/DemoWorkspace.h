#pragma once

#include <QCoreApplication>
#include <QString>

class QJsonArray;

#include <functional>

namespace masir {

class Database;

/// Fills a workspace with realistic, deterministic sample contacts: English and
/// Persian names, valid phone numbers, tags, consent and a timeline of opens,
/// clicks, forms and purchases. Used by `masir --demo` and by the benchmarks.
/// Email addresses use the reserved example.* domains, so nothing sent from a
/// demo workspace can reach a real person.
class DemoWorkspace final
{
    Q_DECLARE_TR_FUNCTIONS(masir::DemoWorkspace)

public:
    struct Options
    {
        int contacts = 2000;
        quint32 seed = 1403;
        bool events = true;                      ///< write a timeline for each contact
        int batchSize = 20000;                   ///< contacts per transaction
        QString language = QStringLiteral("en"); ///< the interface's: prices in its currency
    };

    explicit DemoWorkspace(const Database &db);

    /// Adds the sample contacts. Returns false with errorString() on failure;
    /// a failed batch is rolled back whole.
    bool populate(const Options &options,
                  const std::function<void(int done, int total)> &progress = {});
    /// Adds sample segments, a list, journeys made from the templates (in
    /// \a language) and a draft campaign, so that every screen has something
    /// to show.
    bool addSamples(const QString &language);
    QString errorString() const { return m_error; }
    /// The demo's currency for an interface in \a language: the shop is in
    /// Tehran for a Persian one, in the United States otherwise.
    static QString currencyOf(const QString &language);

private:
    bool addSampleCrm(const QString &language);
    bool addSampleCampaign();
    bool addSenderAccount();
    bool addSentCampaign(const QString &currency);
    /// What a sender would have recorded for \a campaignId's queued messages:
    /// each one sent at \a atMs with its variant's subject, and its links to track.
    bool recordSent(qint64 campaignId, qint64 atMs, const QStringList &subjects,
                    const QJsonArray &links, quint32 seed);
    /// The opens, clicks and orders of some of \a campaignId's recipients, in
    /// through the tracking's and the events' own ways in.
    bool recordResponses(qint64 campaignId, qint64 sentAtMs, const QString &currency, quint32 seed);
    bool walkJourney(qint64 journeyId);

    const Database &m_db;
    QString m_error;
};

} // namespace masir
