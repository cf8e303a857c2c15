#pragma once

#include <QString>

#include <spdlog/logger.h>

#include <memory>
#include <string_view>

namespace pb::log {

/// The subsystem loggers. Each has its own name in the log ("net", "sync", ...).
inline constexpr std::string_view kApp = "app";
inline constexpr std::string_view kNet = "net";
inline constexpr std::string_view kAuth = "auth";
inline constexpr std::string_view kSync = "sync";
inline constexpr std::string_view kMatch = "match";
inline constexpr std::string_view kDb = "db";
inline constexpr std::string_view kUi = "ui";
inline constexpr std::string_view kFakes = "fakes";
inline constexpr std::string_view kQt = "qt";

/// The logger for a subsystem. Before Logging is set up it is a redacting stderr logger at
/// warning level, so libraries and tests can log without any set-up.
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);

inline std::shared_ptr<spdlog::logger> app()
{
    return get(kApp);
}
inline std::shared_ptr<spdlog::logger> net()
{
    return get(kNet);
}
inline std::shared_ptr<spdlog::logger> auth()
{
    return get(kAuth);
}
inline std::shared_ptr<spdlog::logger> sync()
{
    return get(kSync);
}
inline std::shared_ptr<spdlog::logger> match()
{
    return get(kMatch);
}
inline std::shared_ptr<spdlog::logger> db()
{
    return get(kDb);
}
inline std::shared_ptr<spdlog::logger> ui()
{
    return get(kUi);
}
inline std::shared_ptr<spdlog::logger> fakes()
{
    return get(kFakes);
}

/// Converts a QString for a log call: `log::net()->info("GET {}", log::str(url))`.
inline std::string str(const QString &s)
{
    return s.toStdString();
}

/// Sets up logging for the life of the object: every subsystem logger writes through one
/// redaction layer to a rotating UTF-8 file and (optionally) stderr, and Qt's own messages
/// are routed in. Created once by the composition root (main), destroyed at exit.
class Logging {
public:
    struct Options {
        QString directory; ///< where the rotating file goes; empty = no file
        QString fileName = QStringLiteral("playlist-bridge.log");
        bool toStderr = true;
        spdlog::level::level_enum level = spdlog::level::info;
        std::size_t maxFileBytes = 5 * 1024 * 1024;
        std::size_t maxFiles = 3;
        bool routeQtMessages = true;
    };

    explicit Logging(Options options);
    ~Logging();
    Logging(const Logging &) = delete;
    Logging &operator=(const Logging &) = delete;

    /// The full path of the current log file, or empty when logging only to stderr.
    QString logFilePath() const;
    void flush();

    /// The default log directory: <AppLocalDataLocation>/logs.
    static QString defaultDirectory();

private:
    Options m_options;
    QString m_filePath;
};

} // namespace pb::log
