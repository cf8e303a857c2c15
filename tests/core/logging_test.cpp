#include "pb/core/logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtGlobal>

#include <gtest/gtest.h>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

class LoggingTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QTemporaryDir m_dir;
};

TEST_F(LoggingTest, WritesNonLatinTitlesAsExactUtf8)
{
    const std::string titles[] = {
        "東京フラッシュ",                                      // CJK (Japanese)
        "밤양갱",                                              // Hangul
        "Кино — Группа крови",                                 // Cyrillic
        "\xD7\x94\xD7\x9C\xD7\x9C\xD7\x95 \u200F(RTL)",        // Hebrew with a right-to-left mark
        "مساء الخير",                                          // Arabic
        "Beyoncé – CUFF IT 🐎💃🏽👨‍👩‍👧", // accents, emoji, skin tone and ZWJ sequence
    };
    QString path;
    {
        pb::log::Logging logging({.directory = m_dir.path(), .toStderr = false, .routeQtMessages = false});
        path = logging.logFilePath();
        for (const auto &t : titles)
            pb::log::sync()->info("Matching '{}'", t);
        logging.flush();
    }
    const QByteArray content = readAll(path);
    ASSERT_FALSE(content.isEmpty());
    for (const auto &t : titles)
        EXPECT_TRUE(content.contains(QByteArray::fromStdString(t))) << t;
    EXPECT_TRUE(content.contains("[sync]"));
    // The whole file is valid UTF-8.
    const QString decoded = QString::fromUtf8(content);
    EXPECT_FALSE(decoded.contains(QChar::ReplacementCharacter));
}

TEST_F(LoggingTest, EverySubsystemLogsThroughRedaction)
{
    QString path;
    {
        pb::log::Logging logging({.directory = m_dir.path(), .toStderr = false, .routeQtMessages = false});
        path = logging.logFilePath();
        pb::log::net()->info("GET http://127.0.0.1:32400/library/sections?X-Plex-Token=plexsecret123");
        pb::log::auth()->info(R"(token response {{"access_token":"spotsecret456","refresh_token":"r789"}})");
        pb::log::ui()->warn("Authorization: Bearer bearersecret000");
        logging.flush();
    }
    const QByteArray content = readAll(path);
    EXPECT_TRUE(content.contains("[net]"));
    EXPECT_TRUE(content.contains("[auth]"));
    EXPECT_TRUE(content.contains("[ui]"));
    for (const char *secret : {"plexsecret123", "spotsecret456", "r789", "bearersecret000"})
        EXPECT_FALSE(content.contains(secret)) << secret;
    EXPECT_GE(content.count("[REDACTED]"), 4);
}

TEST_F(LoggingTest, QtMessagesAreRoutedAndRedacted)
{
    QString path;
    {
        pb::log::Logging logging({.directory = m_dir.path(), .toStderr = false});
        path = logging.logFilePath();
        qWarning("QNetworkReply failed for http://h/x?X-Plex-Token=qtsecret42 – 日本語");
        logging.flush();
    }
    const QByteArray content = readAll(path);
    EXPECT_TRUE(content.contains("[qt]"));
    EXPECT_TRUE(content.contains("日本語"));
    EXPECT_FALSE(content.contains("qtsecret42"));
}

TEST_F(LoggingTest, FallbackLoggerWorksWithoutSetUp)
{
    // No Logging object: libraries and tests still get a usable logger.
    auto logger = pb::log::match();
    ASSERT_NE(logger, nullptr);
    EXPECT_EQ(logger->name(), "match");
    logger->debug("not shown, below the fallback level");
}

} // namespace
