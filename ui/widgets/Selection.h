#pragma once

class QAbstractItemView;

namespace masir::ui {

/// Selects a whole row and makes it current. QTableView::selectRow() finds no
/// column to select in right-to-left layouts when the sections fill the
/// viewport, so every page selects rows through this instead.
void selectWholeRow(QAbstractItemView *view, int row);

/// Makes \a row current in \a view, or none when \a row is -1 (a draft has
/// no row), so that clicking any row opens it. The selection's signals go out
/// as usual (the view repaints, accessibility follows): a page's handler
/// ignores them while its EditorSession is loading, or when the row is the
/// one already open.
void showRow(QAbstractItemView *view, int row);

} // namespace masir::ui
