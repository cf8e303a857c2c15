// Fuzz target: the faults file parser (parseFaults, `playlist-bridge-fakes --faults`). A file
// parses to rules or to a typed error naming the bad entry; the parsed rules are queued and
// matched against requests to every service.
#include "fakehttp.h"
#include "fuzzcheck.h"
#include "pb/fakes/faultinjector.h"

using namespace pb::fakes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto faults = parseFaults(pb::fuzz::bytesOf(data, size));
    if (!faults) {
        pb::fuzz::requireTypedError(faults.error(), pb::ErrorKind::InvalidInput, pb::ErrorKind::Parse);
        return 0;
    }
    FaultInjector injector(1);
    for (const Fault &f : *faults) {
        pb::fuzz::require(f.count >= -1 && f.skip >= 0, "count and skip are in range");
        pb::fuzz::require(f.probability >= 0.0 && f.probability <= 1.0, "the probability is in range");
        pb::fuzz::require(f.delay.count() >= 0, "the delay is not negative");
        pb::fuzz::require(isWritableStatus(f.status), "the status is one the fake can send");
        injector.add(f);
    }
    const Service services[] = {Service::SpotifyAccounts, Service::SpotifyApi, Service::PlexTv,
                                Service::PlexServer};
    for (int round = 0; round < 3; ++round) {
        for (Service s : services) {
            for (const char *path : {"/v1/me/playlists", "/api/v2/pins/1", "/playlists/9/items", "/"})
                injector.take(s, QStringLiteral("GET"), QString::fromLatin1(path));
        }
    }
    return 0;
}
