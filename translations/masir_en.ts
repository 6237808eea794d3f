<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>masir::BounceApplier</name>
    <message numerus="yes">
        <source>%n sends in a row refused for now (the last: %1)</source>
        <translation>
            <numerusform>%Ln send in a row refused for now (the last: %1)</numerusform>
            <numerusform>%Ln sends in a row refused for now (the last: %1)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::CliApp</name>
    <message numerus="yes">
        <source>Exported %n contact(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln contact to %1.</numerusform>
            <numerusform>Exported %Ln contacts to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n demo contact(s).</source>
        <translation>
            <numerusform>Added %Ln demo contact.</numerusform>
            <numerusform>Added %Ln demo contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n contact(s).</source>
        <translation>
            <numerusform>Removed %Ln contact.</numerusform>
            <numerusform>Removed %Ln contacts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) changed</source>
        <translation>
            <numerusform>%n score changed</numerusform>
            <numerusform>%n scores changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) moved to a later stage</source>
        <translation>
            <numerusform>%n lead moved to a later stage</numerusform>
            <numerusform>%n leads moved to a later stage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) changed</source>
        <translation>
            <numerusform>%n message changed</numerusform>
            <numerusform>%n messages changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Masir reads the mailbox of &quot;%1&quot; every %n minute(s) while it runs (masir-cli bounces check reads it now).</source>
        <translation>
            <numerusform>Masir reads the mailbox of &quot;%1&quot; every minute while it runs (masir-cli bounces check reads it now).</numerusform>
            <numerusform>Masir reads the mailbox of &quot;%1&quot; every %Ln minutes while it runs (masir-cli bounces check reads it now).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The mailbox answers: %n message(s) in it.</source>
        <translation>
            <numerusform>The mailbox answers: %Ln message in it.</numerusform>
            <numerusform>The mailbox answers: %Ln messages in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recounted the reports&apos; tallies: %n row(s).</source>
        <translation>
            <numerusform>Recounted the reports&apos; tallies: %n row.</numerusform>
            <numerusform>Recounted the reports&apos; tallies: %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved the segment &quot;%1&quot;: %n customer(s) today.</source>
        <translation>
            <numerusform>Saved the segment &quot;%1&quot;: %n customer today.</numerusform>
            <numerusform>Saved the segment &quot;%1&quot;: %n customers today.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased %1: %n event(s), %2 message(s), %3 open(s) and click(s), %4 returned mail(s) and %5 import row(s). Only a hash of the address is kept, so that nothing is sent to it again.</source>
        <translation>
            <numerusform>Erased %1: %n event, %2 message(s), %3 open(s) and click(s), %4 returned mail(s) and %5 import row(s). Only a hash of the address is kept, so that nothing is sent to it again.</numerusform>
            <numerusform>Erased %1: %n events, %2 message(s), %3 open(s) and click(s), %4 returned mail(s) and %5 import row(s). Only a hash of the address is kept, so that nothing is sent to it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::Deals</name>
    <message numerus="yes">
        <source>Follow up: %1 (no activity for %n day(s))</source>
        <translation>
            <numerusform>Follow up: %1 (no activity for %n day)</numerusform>
            <numerusform>Follow up: %1 (no activity for %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ImapMailbox</name>
    <message numerus="yes">
        <source>The message is larger than %n MB.</source>
        <translation>
            <numerusform>The message is larger than %Ln MB.</numerusform>
            <numerusform>The message is larger than %Ln MB.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::JourneyRepository</name>
    <message numerus="yes">
        <source>Fix %n problem(s) before starting the journey.</source>
        <translation>
            <numerusform>Fix %n problem before starting the journey.</numerusform>
            <numerusform>Fix %n problems before starting the journey.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::MailboxPoller</name>
    <message numerus="yes">
        <source>%n mailbox(es) read: %1 messages, %2 hard bounces, %3 soft bounces, %4 complaints, %5 unsubscribe requests, %6 kept aside, %7 left alone</source>
        <translation>
            <numerusform>%Ln mailbox read: %1 messages, %2 hard bounces, %3 soft bounces, %4 complaints, %5 unsubscribe requests, %6 kept aside, %7 left alone</numerusform>
            <numerusform>%Ln mailboxes read: %1 messages, %2 hard bounces, %3 soft bounces, %4 complaints, %5 unsubscribe requests, %6 kept aside, %7 left alone</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::NodeTypes</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::OutboxSender</name>
    <message numerus="yes">
        <source>Gave up after %n attempts: %1</source>
        <translation>
            <numerusform>Gave up after %n attempt: %1</numerusform>
            <numerusform>Gave up after %n attempts: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Waiting: at most %n marketing email(s) a day reach one contact.</source>
        <translation>
            <numerusform>Waiting: at most %n marketing email a day reaches one contact.</numerusform>
            <numerusform>Waiting: at most %n marketing emails a day reach one contact.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactCommands</name>
    <message numerus="yes">
        <source>Delete %n contact(s)</source>
        <translation>
            <numerusform>Delete %Ln contact</numerusform>
            <numerusform>Delete %Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactDetailPane</name>
    <message numerus="yes">
        <source>%n contacts selected.</source>
        <translation>
            <numerusform>%Ln contact selected.</numerusform>
            <numerusform>%Ln contacts selected.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ContactsPage</name>
    <message numerus="yes">
        <source>Delete %n contact(s) with their tags and timelines? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %Ln contact with their tags and timeline? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete %Ln contacts with their tags and timelines? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n contact(s). Press Ctrl+Z to undo.</source>
        <translation>
            <numerusform>Deleted %Ln contact. Press Ctrl+Z to undo.</numerusform>
            <numerusform>Deleted %Ln contacts. Press Ctrl+Z to undo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n selected contact(s) to the list (pick one, or type a new name):</source>
        <translation>
            <numerusform>Add %n selected contact to the list (pick one, or type a new name):</numerusform>
            <numerusform>Add %n selected contacts to the list (pick one, or type a new name):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n contact(s) to &quot;%1&quot;.</source>
        <translation>
            <numerusform>Added %n contact to &quot;%1&quot;.</numerusform>
            <numerusform>Added %n contacts to &quot;%1&quot;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start this journey for %n selected contact(s):</source>
        <translation>
            <numerusform>Start this journey for the selected contact:</numerusform>
            <numerusform>Start this journey for %n selected contacts:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered the journey; the others were in it already or may not enter it again.</source>
        <translation>
            <numerusform>%n contact entered the journey; the others were in it already or may not enter it again.</numerusform>
            <numerusform>%n contacts entered the journey; the others were in it already or may not enter it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) entered the journey.</source>
        <translation>
            <numerusform>%n contact entered the journey.</numerusform>
            <numerusform>%n contacts entered the journey.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::DealsPage</name>
    <message numerus="yes">
        <source>%n deal(s), %1</source>
        <translation>
            <numerusform>%n deal, %1</numerusform>
            <numerusform>%n deals, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ImportWizard</name>
    <message numerus="yes">
        <source>Read as %1, columns separated by: %2. The first %n row(s) are shown.</source>
        <translation>
            <numerusform>Read as %1, columns separated by: %2. The first row is shown.</numerusform>
            <numerusform>Read as %1, columns separated by: %2. The first %Ln rows are shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n contact(s) this import created? Contacts it updated keep the new values.</source>
        <translation>
            <numerusform>Remove the contact this import created? Contacts it updated keep the new values.</numerusform>
            <numerusform>Remove the %Ln contacts this import created? Contacts it updated keep the new values.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Undone: %n contact(s) removed.</source>
        <translation>
            <numerusform>Undone: %Ln contact removed.</numerusform>
            <numerusform>Undone: %Ln contacts removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) could not be read and were left out.</source>
        <translation>
            <numerusform>%Ln value could not be read and was left out.</numerusform>
            <numerusform>%Ln values could not be read and were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing contact(s) left as they are.</source>
        <translation>
            <numerusform>%n existing contact left as it is.</numerusform>
            <numerusform>%n existing contacts left as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n value(s) cannot be read and will be left out.</source>
        <translation>
            <numerusform>%n value cannot be read and will be left out.</numerusform>
            <numerusform>%n values cannot be read and will be left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::JourneysPage</name>
    <message numerus="yes">
        <source>%n problem(s) to fix first</source>
        <translation>
            <numerusform>%n problem to fix first</numerusform>
            <numerusform>%n problems to fix first</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n notification(s); the latest: %1</source>
        <translation>
            <numerusform>%n notification; the latest: %1</numerusform>
            <numerusform>%n notifications; the latest: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due today or overdue (Ctrl+2)</source>
        <translation>
            <numerusform>%n task due today or overdue (Ctrl+2)</numerusform>
            <numerusform>%n tasks due today or overdue (Ctrl+2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Masir: %n task(s) due</source>
        <translation>
            <numerusform>Masir: %n task due</numerusform>
            <numerusform>Masir: %n tasks due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::OutboxPage</name>
    <message numerus="yes">
        <source>%n message(s) were interrupted by a crash and may or may not have been delivered. Review them: Resend or Discard.</source>
        <translation>
            <numerusform>%n message was interrupted by a crash and may or may not have been delivered. Review them: Resend or Discard.</numerusform>
            <numerusform>%n messages were interrupted by a crash and may or may not have been delivered. Review them: Resend or Discard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s).</source>
        <translation>
            <numerusform>%Ln message.</numerusform>
            <numerusform>%Ln messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the selected message(s) were interrupted while being sent. The provider may have delivered them already, so resending may deliver them twice.

Resend anyway?</source>
        <translation>
            <numerusform>%n of the selected messages was interrupted while being sent. The provider may have delivered them already, so resending may deliver them twice.

Resend anyway?</numerusform>
            <numerusform>%n of the selected messages were interrupted while being sent. The provider may have delivered them already, so resending may deliver them twice.

Resend anyway?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued again.</source>
        <translation>
            <numerusform>%n message queued again.</numerusform>
            <numerusform>%n messages queued again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel %n message(s)? Queued messages will not be sent and interrupted ones will not be resent.</source>
        <translation>
            <numerusform>Cancel %n message? Queued messages will not be sent and interrupted ones will not be resent.</numerusform>
            <numerusform>Cancel %n messages? Queued messages will not be sent and interrupted ones will not be resent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) cancelled.</source>
        <translation>
            <numerusform>%n message cancelled.</numerusform>
            <numerusform>%n messages cancelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ReportsPage</name>
    <message numerus="yes">
        <source>Saved the segment &quot;%1&quot; (%n customer(s) today).</source>
        <translation>
            <numerusform>Saved the segment &quot;%1&quot; (%n customer today).</numerusform>
            <numerusform>Saved the segment &quot;%1&quot; (%n customers today).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::ReturnedMailPanel</name>
    <message numerus="yes">
        <source>Masir reads them every %n minute(s) while it runs</source>
        <translation>
            <numerusform>Masir reads them every minute while it runs</numerusform>
            <numerusform>Masir reads them every %Ln minutes while it runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::TasksPage</name>
    <message numerus="yes">
        <source>Delete %n task(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete the task? This cannot be undone.</numerusform>
            <numerusform>Delete %n tasks? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::TemplatesPage</name>
    <message numerus="yes">
        <source>%1 characters · %Ln part(s) · %2</source>
        <translation>
            <numerusform>%1 characters · %Ln part · %2</numerusform>
            <numerusform>%1 characters · %Ln parts · %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>masir::ui::TrackingDialog</name>
    <message numerus="yes">
        <source>%1: %n new hit(s)</source>
        <translation>
            <numerusform>%1: %n new hit</numerusform>
            <numerusform>%1: %n new hits</numerusform>
        </translation>
    </message>
</context>
</TS>
