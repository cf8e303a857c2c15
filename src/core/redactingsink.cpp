#include "redactingsink.h"

#include "pb/core/redaction.h"

namespace pb::log {

RedactingSink::RedactingSink(std::vector<spdlog::sink_ptr> sinks) : m_sinks(std::move(sinks)) {}

void RedactingSink::sink_it_(const spdlog::details::log_msg &msg)
{
    const std::string clean = redact(std::string_view(msg.payload.data(), msg.payload.size()));
    spdlog::details::log_msg copy = msg;
    copy.payload = spdlog::string_view_t(clean.data(), clean.size());
    for (const auto &target : m_sinks) {
        if (target->should_log(copy.level))
            target->log(copy);
    }
}

void RedactingSink::flush_()
{
    for (const auto &target : m_sinks)
        target->flush();
}

void RedactingSink::set_pattern_(const std::string &pattern)
{
    for (const auto &target : m_sinks)
        target->set_pattern(pattern);
}

void RedactingSink::set_formatter_(std::unique_ptr<spdlog::formatter> formatter)
{
    for (const auto &target : m_sinks)
        target->set_formatter(formatter->clone());
}

} // namespace pb::log
