#include "widgets/Selection.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

namespace masir::ui {

void selectWholeRow(QAbstractItemView *view, int row)
{
    if (!view->model() || row < 0 || row >= view->model()->rowCount(view->rootIndex()))
        return;
    const QModelIndex index = view->model()->index(row, 0, view->rootIndex());
    view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                       QItemSelectionModel::Rows);
    view->scrollTo(index);
}

void showRow(QAbstractItemView *view, int row)
{
    if (row >= 0)
        view->setCurrentIndex(view->model()->index(row, 0, view->rootIndex()));
    else
        view->selectionModel()->clear();
}

} // namespace masir::ui
