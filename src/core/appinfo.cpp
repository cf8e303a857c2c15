#include "pb/core/appinfo.h"

#include "pb/core/version.h"

#include <QCoreApplication>

namespace pb {

void configureApplicationInfo(QCoreApplication &app, const char *applicationName)
{
    QCoreApplication::setApplicationName(QString::fromLatin1(applicationName));
    QCoreApplication::setOrganizationName(QString::fromLatin1(kOrganizationName));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));
    Q_UNUSED(app);
}

} // namespace pb
