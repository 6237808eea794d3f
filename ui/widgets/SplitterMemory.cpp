#include "widgets/SplitterMemory.h"

#include "settings/AppSettings.h"

#include <QSplitter>

namespace masir::ui {

void rememberSplitter(QSplitter *splitter, const QString &name, const QList<int> &sizes)
{
    splitter->setObjectName(name);
    const QVariantMap saved = AppSettings().value(AppSettings::Key::Splitters).toMap();
    if (!saved.contains(name) || !splitter->restoreState(saved.value(name).toByteArray())) {
        if (!sizes.isEmpty())
            splitter->setSizes(sizes);
    }
    QObject::connect(splitter, &QSplitter::splitterMoved, splitter, [splitter, name] {
        AppSettings settings;
        QVariantMap all = settings.value(AppSettings::Key::Splitters).toMap();
        all.insert(name, splitter->saveState());
        settings.setValue(AppSettings::Key::Splitters, all);
    });
}

} // namespace masir::ui
