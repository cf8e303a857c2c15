#pragma once

#include <spdlog/sinks/base_sink.h>

#include <memory>
#include <mutex>
#include <vector>

namespace pb::log {

/// A sink that removes secrets from every message before handing it to the real sinks, so
/// no logger, whatever it is given, can write a token.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit RedactingSink(std::vector<spdlog::sink_ptr> sinks);

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override;
    void set_pattern_(const std::string &pattern) override;
    void set_formatter_(std::unique_ptr<spdlog::formatter> formatter) override;

private:
    std::vector<spdlog::sink_ptr> m_sinks;
};

} // namespace pb::log
