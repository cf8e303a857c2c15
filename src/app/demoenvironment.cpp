#include "pb/app/demoenvironment.h"

#include "pb/fakes/fakeservices.h"
#include "pb/fakes/fakeservicesthread.h"
#include "pb/fakes/world.h"
#include "pb/sync/importer.h"

namespace pb::app {

namespace {
const QString kDemoClientId = QStringLiteral("0123456789abcdef0123456789abcdef");
/// A playlist file bundled with the fakes' demo world, imported into every demo.
constexpr QLatin1String kDemoImport{":/pb/fakes/demo/imports/Evening Drive.m3u8"};
} // namespace

DemoEnvironment::DemoEnvironment(DemoOptions options) : m_options(std::move(options)) {}

DemoEnvironment::~DemoEnvironment() = default;

pb::Status DemoEnvironment::start()
{
    if (!m_dataDir.isValid())
        return pb::Error::make(pb::ErrorKind::Storage, QStringLiteral("no temporary directory for the demo"));
    pb::fakes::World world = pb::fakes::demoWorld();
    if (m_options.world) {
        world = *m_options.world;
    } else if (!m_options.worldPath.isEmpty()) {
        auto loaded = pb::fakes::loadWorld(m_options.worldPath);
        if (!loaded.ok())
            return loaded.error();
        world = std::move(loaded).value();
    }
    m_userId = world.spotify.userId;
    m_userName = world.spotify.displayName;
    m_serverName = world.plex.name;
    if (!world.plex.sections.empty()) {
        m_sectionKey = world.plex.sections.front().key;
        m_sectionTitle = world.plex.sections.front().title;
    }
    pb::fakes::FakeOptions fakeOptions;
    fakeOptions.latency = m_options.latency;
    fakeOptions.jitter = m_options.latency / 2;
    m_thread = std::make_unique<pb::fakes::FakeServicesThread>(fakeOptions, std::move(world));
    if (pb::Status s = m_thread->start(); !s)
        return s;
    // The demo shows an imported file too, as if the user had dropped it on the window.
    if (auto store = pb::sync::StateStore::open(databasePath())) {
        if (auto imported = pb::sync::importPlaylistFile(**store, QString(kDemoImport)); !imported)
            return imported.error();
    }
    return {};
}

QString DemoEnvironment::databasePath() const
{
    return m_dataDir.filePath(QStringLiteral("demo-state.sqlite"));
}

pb::fakes::FakeServices *DemoEnvironment::fakes() const
{
    return m_thread ? m_thread->services() : nullptr;
}

pb::app::ServiceConnection DemoEnvironment::connection() const
{
    pb::app::ServiceConnection c;
    pb::fakes::FakeServices *f = fakes();
    if (!f)
        return c;
    const pb::fakes::SpotifyTokens issued = f->issueSpotifyTokens(kDemoClientId);
    auto &a = c.accounts;
    a.spotify.accountsUrl = f->spotifyAccountsUrl();
    a.spotify.apiUrl = f->spotifyApiUrl();
    a.spotify.clientId = kDemoClientId;
    a.spotifyTokens.accessToken = issued.accessToken;
    a.spotifyTokens.refreshToken = issued.refreshToken;
    a.spotifyTokens.expiresAt = QDateTime::currentDateTimeUtc().addSecs(issued.expiresIn);
    a.spotifyTokens.scope = issued.scope;
    a.plex.serverUrl = f->plexServerUrl();
    a.plex.token = f->plexServerToken();
    a.plex.client.clientIdentifier = QStringLiteral("playlist-bridge-demo");
    a.machineIdentifier = f->plexMachineIdentifier();

    c.status.demo = true;
    c.status.spotifyConnected = true;
    c.status.spotifyUser.id = m_userId;
    c.status.spotifyUser.displayName = m_userName;
    c.status.plexConnected = true;
    c.status.plexServerName = m_serverName;
    c.status.plexLibraryName = m_sectionTitle;
    c.status.plexSectionKey = m_sectionKey;

    c.serviceOptions.databasePath = databasePath();
    c.serviceOptions.maxSearchesInFlight = m_options.searchesInFlight;
    return c;
}

} // namespace pb::app
