#pragma once

#include <QList>
#include <QString>

class QSplitter;

namespace masir::ui {

/// A splitter whose sizes the user set are kept between sessions under
/// \a name (AppSettings' Splitters); until then it has \a sizes (if given).
void rememberSplitter(QSplitter *splitter, const QString &name, const QList<int> &sizes = {});

} // namespace masir::ui
