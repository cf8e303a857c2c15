// playlist-bridge-cli logout [spotify|plex|all]: forgets the sign-in, as the app's Disconnect
// does (the Spotify Client ID stays, so signing in again needs no --client-id).
#include "accounts.h"
#include "command.h"

#include "pb/clients/secretstore.h"

#include <QSettings>
#include <QTextStream>

#include <cstdio>

namespace pb::cli {

namespace {

int runLogout(const QStringList &args)
{
    QTextStream out(stdout), err(stderr);
    const QString which = args.isEmpty() ? QStringLiteral("all") : args.first();
    const bool spotify = which == QLatin1String("spotify") || which == QLatin1String("all");
    const bool plex = which == QLatin1String("plex") || which == QLatin1String("all");
    if (args.size() > 1 || (!spotify && !plex)) {
        err << "usage: playlist-bridge-cli logout [spotify|plex|all]\n";
        return kExitUsage;
    }
    Secrets secrets;
    QSettings settings;
    int code = kExitOk;
    if (spotify) {
        clients::forgetSpotifyAccount(settings);
        if (const Status s = secrets.remove(clients::kSecretSpotifyRefreshToken); !s) {
            err << "logout: could not remove the Spotify sign-in: " << s.error().toString() << '\n';
            code = kExitFailure;
        } else {
            out << "Signed out of Spotify.\n";
        }
    }
    if (plex) {
        clients::forgetPlexAccount(settings);
        Status s = secrets.remove(clients::kSecretPlexServerToken);
        if (s)
            s = secrets.remove(clients::kSecretPlexUserToken);
        if (!s) {
            err << "logout: could not remove the Plex sign-in: " << s.error().toString() << '\n';
            code = kExitFailure;
        } else {
            out << "Signed out of Plex.\n";
        }
    }
    return code;
}

} // namespace

Command logoutCommand()
{
    return {"logout", "Forget a sign-in: logout [spotify|plex|all] (default all)", &runLogout};
}

} // namespace pb::cli
