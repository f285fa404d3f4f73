#include "core/ApplicationInfo.h"

#include "core/Translations.h"

#include <QCoreApplication>

namespace ApplicationInfo {

void apply()
{
    // Without an organization QSettings uses "Unknown Organization" for one.
    QCoreApplication::setOrganizationName(QStringLiteral("Capsock"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("capsock.org")); // macOS: org.capsock
    QCoreApplication::setApplicationName(QStringLiteral("capsock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CAPSOCK_VERSION));
    Translations::install();
}

} // namespace ApplicationInfo
