#include "reports/ReportWidgets.h"
#include "widgets/EmptyState.h"

#include <QCoreApplication>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masir::ui {

namespace {
constexpr char kEmptyText[] = "masirEmptyText"; ///< the table's ReportSection::empty
} // namespace

QTableWidget *numbersTable(const QString &name)
{
    auto *t = new QTableWidget;
    t->setObjectName(name);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    EmptyState::attach(t, [t] {
        const QString text = t->property(kEmptyText).toString();
        return text.isEmpty()
                   ? QCoreApplication::translate("masir::ui::ReportWidgets", "Nothing to show yet.")
                   : text;
    });
    return t;
}

void fill(QTableWidget *t, const ReportSection &s)
{
    t->setProperty(kEmptyText, s.empty);
    const QStringList header = s.table.value(0);
    t->setColumnCount(int(header.size()));
    t->setHorizontalHeaderLabels(header);
    t->setRowCount(int(std::max<qsizetype>(0, s.table.size() - 1)));
    for (int r = 1; r < s.table.size(); ++r)
        for (int c = 0; c < header.size(); ++c) {
            auto *item = new QTableWidgetItem(s.table.at(r).value(c));
            if (s.numeric.value(c))
                item->setTextAlignment(Qt::AlignTrailing | Qt::AlignVCenter);
            t->setItem(r - 1, c, item);
        }
}

QLabel *heading(const QString &text)
{
    auto *l = new QLabel(text);
    QFont f = l->font();
    f.setBold(true);
    l->setFont(f);
    return l;
}

QWidget *besideEachOther(QWidget *chart, QWidget *table, int chartShare, int tableShare)
{
    auto *row = new QWidget;
    auto *box = new QHBoxLayout(row);
    box->setContentsMargins(0, 0, 0, 0);
    chart->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    box->addWidget(chart, chartShare);
    box->addWidget(table, tableShare);
    return row;
}

QScrollArea *scrolling(QWidget *content)
{
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QLabel *reportTile(QGridLayout *grid, int index, const QString &key, const QString &title)
{
    auto *frame = new QFrame;
    frame->setFrameShape(QFrame::StyledPanel);
    auto *box = new QVBoxLayout(frame);
    auto *name = new QLabel(title);
    name->setObjectName(QStringLiteral("name_") + key);
    name->setEnabled(false);
    auto *value = new QLabel;
    value->setObjectName(QStringLiteral("tile_") + key);
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    value->setFont(big);
    value->setTextFormat(Qt::PlainText);
    auto *delta = new QLabel;
    delta->setObjectName(QStringLiteral("change_") + key);
    box->addWidget(name);
    box->addWidget(value);
    box->addWidget(delta);
    grid->addWidget(frame, index / 5, index % 5);
    return value;
}

} // namespace masir::ui
