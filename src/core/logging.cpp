#include "pb/core/logging.h"

#include "redactingsink.h"

#include <QDir>
#include <QStandardPaths>
#include <QtGlobal>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <array>
#include <mutex>

namespace pb::log {
namespace {

constexpr std::array<std::string_view, 9> kSubsystems = {kApp, kNet, kAuth,  kSync, kMatch,
                                                         kDb,  kUi,  kFakes, kQt};
constexpr const char *kPattern = "%Y-%m-%d %H:%M:%S.%e %-5l [%n] %v";

std::mutex &setupMutex()
{
    static std::mutex m;
    return m;
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    auto logger = get(kQt);
    std::string text = message.toStdString();
    if (context.category && std::string_view(context.category) != "default")
        text = std::string(context.category) + ": " + text;
    switch (type) {
    case QtDebugMsg: logger->debug(text); break;
    case QtInfoMsg: logger->info(text); break;
    case QtWarningMsg: logger->warn(text); break;
    case QtCriticalMsg: logger->error(text); break;
    case QtFatalMsg:
        logger->critical(text);
        logger->flush();
        break;
    }
}

std::shared_ptr<spdlog::logger> makeLogger(std::string_view name, spdlog::sink_ptr sink,
                                           spdlog::level::level_enum level)
{
    auto logger = std::make_shared<spdlog::logger>(std::string(name), std::move(sink));
    logger->set_level(level);
    logger->flush_on(spdlog::level::warn);
    return logger;
}

} // namespace

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name))
        return existing;
    std::lock_guard lock(setupMutex());
    if (auto existing = spdlog::get(name))
        return existing;
    auto stderrSink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
    auto sink = std::make_shared<RedactingSink>(std::vector<spdlog::sink_ptr>{stderrSink});
    sink->set_pattern(kPattern);
    auto logger = makeLogger(subsystem, sink, spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

Logging::Logging(Options options) : m_options(std::move(options))
{
    std::vector<spdlog::sink_ptr> sinks;
    if (!m_options.directory.isEmpty()) {
        QDir().mkpath(m_options.directory);
        m_filePath = QDir(m_options.directory).filePath(m_options.fileName);
        sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
            m_filePath.toStdString(), m_options.maxFileBytes, m_options.maxFiles));
    }
    if (m_options.toStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_sink_mt>());

    auto sink = std::make_shared<RedactingSink>(std::move(sinks));
    sink->set_pattern(kPattern);

    std::lock_guard lock(setupMutex());
    spdlog::drop_all();
    for (std::string_view name : kSubsystems)
        spdlog::register_logger(makeLogger(name, sink, m_options.level));
    if (m_options.routeQtMessages)
        qInstallMessageHandler(qtMessageHandler);
}

Logging::~Logging()
{
    if (m_options.routeQtMessages)
        qInstallMessageHandler(nullptr);
    std::lock_guard lock(setupMutex());
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
    spdlog::drop_all();
}

QString Logging::logFilePath() const
{
    return m_filePath;
}

void Logging::flush()
{
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger> &l) { l->flush(); });
}

QString Logging::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("logs"));
}

} // namespace pb::log
