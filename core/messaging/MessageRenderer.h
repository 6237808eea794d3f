#pragma once

#include "messaging/MergeTemplate.h"
#include "messaging/MessageTemplate.h"

#include <QCoreApplication>
#include <QString>

namespace masir {

struct Contact;

/// How an SMS text is billed: GSM-7 fits 160 characters in one part and 153 in
/// each of several; anything else (Persian) is UCS-2, 70 and 67.
struct SmsCount
{
    bool unicode = false;
    int characters = 0; ///< in the encoding's units (GSM-7 extension characters count 2)
    int segments = 0;
    int perSegment = 160;
    int remaining = 160; ///< before the next part starts

    static SmsCount of(const QString &text);
};

/// Who sends: printed in the footer of marketing email.
struct SenderInfo
{
    QString businessName;
    QString postalAddress;
    QString unsubscribeUrl;         ///< with "{token}", or empty
    QString unsubscribeMailto;      ///< an address, or empty
    bool hostedUnsubscribe = false; ///< the collector hosts the unsubscribe page
};

/// A contact, its unsubscribe link and the sender, as merge values.
class ContactMergeContext final : public MergeContext
{
public:
    ContactMergeContext(const Contact &contact, const SenderInfo &sender, QString unsubscribeUrl);
    QString value(const QString &name) const override;
    bool hasTag(const QString &tag) const override;

private:
    const Contact &m_contact;
    const SenderInfo &m_sender;
    QString m_unsubscribeUrl;
};

/// A template checked and ready to merge for many contacts.
struct CompiledMessage
{
    /// "subject 1:9: unknown merge tag {{frist_name}}", one per problem.
    QStringList errors;
    bool isValid() const { return errors.isEmpty(); }

    MessageTemplate source;
    MergeTemplate subject;
    MergeTemplate preheader;
    MergeTemplate html; ///< the body as themed HTML, merge tags kept
    MergeTemplate text; ///< the body as plain text
};

struct RenderedMessage
{
    QString subject;
    QString preheader;
    QString html; ///< a whole document; empty for SMS
    QString text;
    bool rightToLeft = false;
};

/// Turns templates into what is sent: Markdown to email-safe HTML (md4c) with
/// inline styles, a plain-text alternative, the compliance footer, and
/// dir="rtl" when the content is right to left.
class MessageRenderer final
{
    Q_DECLARE_TR_FUNCTIONS(masir::MessageRenderer)

public:
    static CompiledMessage compile(const MessageTemplate &t, const MergeVocabulary &vocabulary,
                                   const SenderInfo &sender);
    static RenderedMessage render(const CompiledMessage &m, const MergeContext &context,
                                  const SenderInfo &sender);

    /// Markdown to HTML as md4c writes it, then our inline styles.
    static QString markdownToHtml(const QString &markdown);
    static QString markdownToText(const QString &markdown);
    /// More right-to-left letters than left-to-right ones.
    static bool isRightToLeft(const QString &text);
};

} // namespace masir
