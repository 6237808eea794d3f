#pragma once

#include "i18n/Formatter.h"

#include <QCompleter>

class QLineEdit;

namespace masir::ui {

/// Lets a code field (a country, a language, a time zone) be filled by name:
/// typing part of a name or of a code offers the matches as "name (code)",
/// and choosing one, or typing a whole name, puts its code in the field.
class CodeCompleter final : public QCompleter
{
    Q_OBJECT

public:
    static CodeCompleter *attach(QLineEdit *line, const QList<Formatter::NamedCode> &codes);

    QString pathFromIndex(const QModelIndex &index) const override;

private:
    CodeCompleter(QLineEdit *line, const QList<Formatter::NamedCode> &codes);
    /// The code of a whole name typed in the field, if it is one.
    void codeForName();

    QLineEdit *m_line;
    QHash<QString, QString> m_byName; ///< case-folded name → code
};

} // namespace masir::ui
