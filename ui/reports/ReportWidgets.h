#pragma once

#include "render/ReportDocument.h"

class QGridLayout;
class QLabel;
class QScrollArea;
class QTableWidget;
class QWidget;

namespace masir::ui {

// The pieces the report pages are made of.

QTableWidget *numbersTable(const QString &name);
/// \a t shows \a s's table: the header, then the rows, numbers to the end.
void fill(QTableWidget *t, const ReportSection &s);
QLabel *heading(const QString &text);
/// A chart and its numbers beside it (mirrored in right to left).
QWidget *besideEachOther(QWidget *chart, QWidget *table, int chartShare = 3, int tableShare = 2);
/// \a content in a frameless scroll area: the page scrolls, its tables show whole.
QScrollArea *scrolling(QWidget *content);
/// A figure's tile at \a index of \a grid (five to a row): its name, its value
/// (returned; named "tile_" + \a key) and its change ("change_" + \a key).
QLabel *reportTile(QGridLayout *grid, int index, const QString &key, const QString &title);

} // namespace masir::ui
