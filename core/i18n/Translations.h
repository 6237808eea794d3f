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
/// The value of --lang LANG or --lang=LANG in \a arguments, or \a fallback.
QString languageFromArguments(const QStringList &arguments, const QString &fallback = {});
QStringList available();
QLocale localeFor(const QString &language);

} // namespace Translations
} // namespace masir
