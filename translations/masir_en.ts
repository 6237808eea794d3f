<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
</context>
</TS>