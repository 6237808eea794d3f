#pragma once

#include <QLoggingCategory>

// One logging category per module, enabled per module with QT_LOGGING_RULES
// (for instance "masir.send.debug=true"). Info and above are on by default.
// Never log a secret (passwords, tokens, API keys) or a message's body.

Q_DECLARE_LOGGING_CATEGORY(lcStorage)   // masir.storage: files, migrations, transactions
Q_DECLARE_LOGGING_CATEGORY(lcSettings)  // masir.settings
Q_DECLARE_LOGGING_CATEGORY(lcEvents)    // masir.events: the event log
Q_DECLARE_LOGGING_CATEGORY(lcContacts)  // masir.contacts: contacts, tags, fields
Q_DECLARE_LOGGING_CATEGORY(lcCrm)       // masir.crm: tasks, timeline
Q_DECLARE_LOGGING_CATEGORY(lcImport)    // masir.import: CSV imports
Q_DECLARE_LOGGING_CATEGORY(lcExport)    // masir.export
Q_DECLARE_LOGGING_CATEGORY(lcSegments)  // masir.segments
Q_DECLARE_LOGGING_CATEGORY(lcScoring)   // masir.scoring: lead scores and stages
Q_DECLARE_LOGGING_CATEGORY(lcJourneys)  // masir.journeys: the engine and the simulator
Q_DECLARE_LOGGING_CATEGORY(lcSend)      // masir.send: templates, the outbox and its sender
Q_DECLARE_LOGGING_CATEGORY(lcScheduler) // masir.scheduler: the background worker
Q_DECLARE_LOGGING_CATEGORY(
    lcCampaigns) // masir.campaigns: campaigns, their fan-out, A/B tests and reports
Q_DECLARE_LOGGING_CATEGORY(lcReports)   // masir.reports: the dashboard and reports
Q_DECLARE_LOGGING_CATEGORY(lcTracking)  // masir.tracking: tracked links, hits and their events
Q_DECLARE_LOGGING_CATEGORY(lcCollector) // masir.collector: the public collector and its pulls
Q_DECLARE_LOGGING_CATEGORY(lcDemo)      // masir.demo
Q_DECLARE_LOGGING_CATEGORY(lcUi)        // masir.ui
Q_DECLARE_LOGGING_CATEGORY(lcCli)       // masir.cli
