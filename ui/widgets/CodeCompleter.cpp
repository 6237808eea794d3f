#include "widgets/CodeCompleter.h"

#include <QLineEdit>
#include <QStandardItemModel>

namespace masir::ui {

namespace {
constexpr int kCodeRole = Qt::UserRole + 1;
} // namespace

CodeCompleter *CodeCompleter::attach(QLineEdit *line, const QList<Formatter::NamedCode> &codes)
{
    return new CodeCompleter(line, codes);
}

CodeCompleter::CodeCompleter(QLineEdit *line, const QList<Formatter::NamedCode> &codes)
    : QCompleter(line)
    , m_line(line)
{
    auto *model = new QStandardItemModel(this);
    for (const Formatter::NamedCode &c : codes) {
        // the code stays left to right inside a right-to-left name
        auto *item = new QStandardItem(
            QStringLiteral("%1 (%2)").arg(c.name, Formatter::leftToRight(c.code)));
        item->setData(c.code, kCodeRole);
        model->appendRow(item);
        m_byName.insert(c.name.toCaseFolded(), c.code);
    }
    setModel(model);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains);
    setMaxVisibleItems(12);
    line->setCompleter(this);
    connect(line, &QLineEdit::editingFinished, this, &CodeCompleter::codeForName);
}

QString CodeCompleter::pathFromIndex(const QModelIndex &index) const
{
    return index.data(kCodeRole).toString();
}

void CodeCompleter::codeForName()
{
    const auto it = m_byName.constFind(m_line->text().trimmed().toCaseFolded());
    if (it != m_byName.cend() && *it != m_line->text())
        m_line->setText(*it);
}

} // namespace masir::ui
