#pragma once

class QCoreApplication;

namespace pb {

/// Sets the application and organisation names and version on the Qt application, which
/// decide where QStandardPaths puts config, data and logs (XDG_CONFIG_HOME/XDG_DATA_HOME).
void configureApplicationInfo(QCoreApplication &app, const char *applicationName);

} // namespace pb
