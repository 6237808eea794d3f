#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace masir {

class Database;

/// An email or SMS template as the user writes it. Email bodies are Markdown
/// (raw HTML allowed); both use our merge tags (see MergeTemplate).
struct MessageTemplate
{
    qint64 id = 0;
    QString name;
    QString channel = QStringLiteral("email"); ///< "email" or "sms"
    QString subject;                           ///< email only
    QString preheader;                         ///< email only: the inbox preview line
    QString body;
    bool marketing = true; ///< marketing mail carries the footer and List-Unsubscribe
    bool track = true;     ///< its opens and clicks are tracked (when the workspace tracks)

    bool isEmail() const { return channel == QLatin1String("email"); }
    bool operator==(const MessageTemplate &) const = default;
};

class TemplateRepository final
{
    Q_DECLARE_TR_FUNCTIONS(masir::TemplateRepository)

public:
    explicit TemplateRepository(const Database &db);

    QList<MessageTemplate> list() const;
    std::optional<MessageTemplate> find(const QString &name) const;
    /// Inserts (id 0) or updates; names are unique. Sets the id.
    bool save(MessageTemplate &t);
    bool remove(qint64 id);
    QString errorString() const { return m_error; }

private:
    const Database &m_db;
    QString m_error;
};

} // namespace masir
