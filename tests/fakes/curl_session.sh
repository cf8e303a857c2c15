#!/usr/bin/env bash
# A curl session against a standalone playlist-bridge-fakes (demo world): log in through
# Spotify PKCE and the plex.tv PIN, list playlists, then create, fill, reorder and read back
# a Plex playlist. Needs curl and python3 (for JSON and the PKCE challenge).
# Usage: tests/fakes/curl_session.sh path/to/playlist-bridge-fakes
set -euo pipefail
FAKES=${1:?usage: curl_session.sh path/to/playlist-bridge-fakes}

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

coproc SERVER { exec "$FAKES"; }
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
read -r URLS <&"${SERVER[0]}"
ACC=$(json 'd["spotifyAccounts"]' <<<"$URLS"); API=$(json 'd["spotifyApi"]' <<<"$URLS")
TV=$(json 'd["plexTv"]' <<<"$URLS"); echo "fakes: $URLS"

echo "== Spotify: PKCE login"
VERIFIER=$(python3 -c 'import secrets; print(secrets.token_urlsafe(48))')
CHALLENGE=$(python3 -c 'import sys,hashlib,base64; print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).rstrip(b"=").decode())' "$VERIFIER")
REDIRECT="http://127.0.0.1:8888/callback"
LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -G "$ACC/authorize" \
  --data-urlencode client_id=demo-client --data-urlencode response_type=code \
  --data-urlencode redirect_uri="$REDIRECT" --data-urlencode code_challenge_method=S256 \
  --data-urlencode code_challenge="$CHALLENGE" --data-urlencode state=curl-state \
  --data-urlencode scope="playlist-read-private playlist-read-collaborative user-library-read")
CODE=$(python3 -c 'import sys,urllib.parse as u; q=u.parse_qs(u.urlparse(sys.argv[1]).query); assert q["state"]==["curl-state"]; print(q["code"][0])' "$LOCATION")
echo "redirected to ${LOCATION%%\?*} with a code and our state"
TOKEN=$(curl -s "$ACC/api/token" --data-urlencode grant_type=authorization_code --data-urlencode code="$CODE" \
  --data-urlencode redirect_uri="$REDIRECT" --data-urlencode client_id=demo-client \
  --data-urlencode code_verifier="$VERIFIER" | json 'd["access_token"]')
echo "got an access token (${#TOKEN} characters)"
AUTH="Authorization: Bearer $TOKEN"
echo "signed in as: $(curl -s -H "$AUTH" "$API/v1/me" | json 'd["display_name"]')"

echo "== Spotify: playlists"
curl -s -H "$AUTH" "$API/v1/me/playlists?limit=50" \
  | json '"\n".join("  %-28s %4d items  owner=%s" % (p["name"], p["items"]["total"], p["owner"]["id"]) for p in d["items"])'
PLAYLIST=$(curl -s -H "$AUTH" "$API/v1/me/playlists?limit=50" | json '[p["id"] for p in d["items"] if p["name"]=="Hello, Hello"][0]')
curl -s -H "$AUTH" "$API/v1/playlists/$PLAYLIST/items?limit=50" \
  | json '"\n".join("  track: %s - %s" % (", ".join(a["name"] for a in i["item"]["artists"]), i["item"]["name"]) for i in d["items"])'

echo "== plex.tv: PIN login and discovery"
PH=(-H "Accept: application/json" -H "X-Plex-Client-Identifier: curl-session" -H "X-Plex-Product: curl")
PIN=$(curl -s -X POST "${PH[@]}" "$TV/api/v2/pins?strong=true")
PIN_ID=$(json 'd["id"]' <<<"$PIN"); echo "PIN $PIN_ID created (code of $(json 'len(d["code"])' <<<"$PIN") characters)"
USER_TOKEN=$(curl -s "${PH[@]}" "$TV/api/v2/pins/$PIN_ID" | json 'd["authToken"]')
echo "PIN approved: user token of ${#USER_TOKEN} characters"
RES=$(curl -s "${PH[@]}" -H "X-Plex-Token: $USER_TOKEN" "$TV/api/v2/resources?includeHttps=1&includeRelay=1")
SERVER_TOKEN=$(json '[r for r in d if "server" in r["provides"]][0]["accessToken"]' <<<"$RES")
MACHINE=$(json '[r for r in d if "server" in r["provides"]][0]["clientIdentifier"]' <<<"$RES")
PMS=""
for URI in $(json '" ".join(c["uri"] for c in [r for r in d if "server" in r["provides"]][0]["connections"])' <<<"$RES"); do
  if ID=$(curl -s --max-time 2 -H "Accept: application/json" "$URI/identity" | json 'd["MediaContainer"]["machineIdentifier"]' 2>/dev/null) \
     && [ "$ID" = "$MACHINE" ]; then PMS=$URI; echo "  $URI answers"; break; else echo "  $URI is dead"; fi
done

echo "== Plex: find the tracks, create, fill, reorder, read back"
X=(-H "Accept: application/json" -H "X-Plex-Token: $SERVER_TOKEN")
find_key() { curl -s "${X[@]}" -G "$PMS/library/sections/1/all" --data-urlencode type=10 \
  --data-urlencode "title%3D=$1" --data-urlencode "artist.title=$2" | json 'd["MediaContainer"]["Metadata"][0]["ratingKey"]'; }
K1=$(find_key "Hello" "Adele"); K2=$(find_key "Hello" "Lionel Richie"); K3=$(find_key "Africa" "Toto")
echo "rating keys: Adele=$K1 Lionel Richie=$K2 Toto=$K3"
URI_ENC=$(python3 -c 'import sys,urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' \
  "server://$MACHINE/com.plexapp.plugins.library/library/metadata/$K1,$K2")
NEW=$(curl -s -X POST "${X[@]}" "$PMS/playlists?smart=0&title=Hello%2C%20Hello&type=audio&uri=$URI_ENC")
KEY=$(json 'd["MediaContainer"]["Metadata"][0]["ratingKey"]' <<<"$NEW"); echo "created playlist $KEY"
URI_ENC=$(python3 -c 'import sys,urllib.parse as u; print(u.quote(sys.argv[1], safe=""))' \
  "server://$MACHINE/com.plexapp.plugins.library/library/metadata/$K3")
curl -s -X PUT "${X[@]}" "$PMS/playlists/$KEY/items?uri=$URI_ENC" | json '"added %d of %d" % (d["MediaContainer"]["leafCountAdded"], d["MediaContainer"]["leafCountRequested"])'
ITEMS=$(curl -s "${X[@]}" "$PMS/playlists/$KEY/items")
LAST=$(json 'd["MediaContainer"]["Metadata"][-1]["playlistItemID"]' <<<"$ITEMS")
curl -s -o /dev/null -w 'move to top: HTTP %{http_code}\n' -X PUT "${X[@]}" "$PMS/playlists/$KEY/items/$LAST/move"
echo "read back:"
curl -s "${X[@]}" "$PMS/playlists/$KEY/items" \
  | json '"\n".join("  %d. %s - %s (playlistItemID %d)" % (n + 1, m["grandparentTitle"], m["title"], m["playlistItemID"]) for n, m in enumerate(d["MediaContainer"]["Metadata"]))'
ORDER=$(curl -s "${X[@]}" "$PMS/playlists/$KEY/items" | json '",".join(m["ratingKey"] for m in d["MediaContainer"]["Metadata"])')
[ "$ORDER" = "$K3,$K1,$K2" ] || { echo "unexpected order $ORDER"; exit 1; }
echo "OK: order is $ORDER"
