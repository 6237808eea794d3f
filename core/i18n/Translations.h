#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace masir {

/// Installs Masir's and Qt's translators for \a language ("en", "fa") on the
/// application, and sets the formatting locale. An empty language follows the
/// system locale. Returns the language actually used.
namespace Translations {

QString install(const QString &language);
QStringList available();
QLocale localeFor(const QString &language);

} // namespace Translations
} // namespace masir
