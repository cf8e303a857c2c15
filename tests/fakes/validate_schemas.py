#!/usr/bin/env python3
"""Validates the fakes' responses against the OpenAPI schemas with a real JSON Schema
validator (python3-jsonschema), with the documented spec-vs-reality overrides.

Starts playlist-bridge-fakes (demo world), logs in through PKCE and the plex.tv PIN, walks
the endpoints the app uses and validates every JSON answer against the response schema of
its path, method and status:
  Spotify  tests/data/fakes/specs/spotify-web-api-openapi-fixed.yml   (OpenAPI 3.0.3)
  PMS      tests/data/fakes/specs/pms-openapi-1.2.0.json               (OpenAPI 3.1)
  plex.tv  tests/data/fakes/specs/plex-api-spec-0.0.3-legacy-dereferenced.yaml (OpenAPI 3.1)

Overrides (each explained in docs/fakes.md):
  * Spotify playlists may have `images: null` (recorded; spec says array).
  * Spotify playlist entries may have `item`/`track` null (spec prose) or be local files
    (null ids, hrefs and album fields; validated against a looser local-file shape).
  * PMS `hidden` and `optimizedForStreaming` are 0/1 integers (recorded; spec says boolean).
  * PMS `Guid[].id` is a string such as `mbid://...` (recorded; spec says integer).

Usage: validate_schemas.py --fakes PATH/playlist-bridge-fakes --specs tests/data/fakes/specs
Exit status 0 when every answer validates; 1 with one line per schema error otherwise.
"""
import argparse
import base64
import hashlib
import json
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
import warnings

import jsonschema
import yaml

warnings.filterwarnings("ignore", category=DeprecationWarning)
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def http(method, url, headers=None, body=None):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with OPENER.open(req, timeout=15) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def pointer(doc, ref):
    node = doc
    for part in ref.lstrip("#/").split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def fix_openapi30(node):
    """OpenAPI 3.0 `nullable: true` -> JSON Schema "or null"."""
    if isinstance(node, list):
        return [fix_openapi30(x) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: fix_openapi30(v) for k, v in node.items()}
    if node.pop("nullable", False):
        if isinstance(node.get("type"), str) and "$ref" not in node:
            node["type"] = [node["type"], "null"]
            if "enum" in node:
                node["enum"] = node["enum"] + [None]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


def patch_plex(node, parent_key=None):
    """0/1 integers where the PMS spec says boolean; string Guid ids."""
    if isinstance(node, list):
        for x in node:
            patch_plex(x, parent_key)
        return
    if not isinstance(node, dict):
        return
    props = node.get("properties")
    if isinstance(props, dict):
        for name in ("hidden", "optimizedForStreaming"):
            p = props.get(name)
            if isinstance(p, dict) and p.get("type") == "boolean":
                props[name] = {"anyOf": [p, {"type": "integer", "enum": [0, 1]}]}
    for k, v in node.items():
        patch_plex(v, k)


class Checker:
    def __init__(self, name, spec, draft, prefix=""):
        self.name, self.spec, self.draft, self.prefix = name, spec, draft, prefix
        self.resolver = jsonschema.RefResolver.from_schema(spec)
        self.errors, self.checked = [], 0

    def schema(self, path, method, status):
        op = self.spec["paths"][path][method.lower()]
        resp = op["responses"].get(str(status))
        if resp is None:
            raise KeyError(f"{method} {path}: the spec documents no {status} response")
        while "$ref" in resp:
            resp = pointer(self.spec, resp["$ref"])
        return resp["content"]["application/json"]["schema"]

    def check(self, label, spec_path, method, status, got_status, body):
        self.checked += 1
        if got_status != status:
            self.errors.append(f"{self.name} {label}: status {got_status}, expected {status}")
            return None
        try:
            instance = json.loads(body)
        except ValueError:
            self.errors.append(f"{self.name} {label}: body is not JSON")
            return None
        schema = self.schema(spec_path, method, status)
        validator = self.draft(schema, resolver=self.resolver)
        for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))[:5]:
            where = "/".join(str(p) for p in e.absolute_path)
            self.errors.append(f"{self.name} {label}: at /{where}: {e.message[:200]}")
        return instance


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fakes", required=True)
    ap.add_argument("--specs", required=True)
    ap.add_argument("--multi-fixture", help="a world with several servers: resources and each server's "
                    "identity and sections are validated too")
    args = ap.parse_args()

    with open(f"{args.specs}/spotify-web-api-openapi-fixed.yml", encoding="utf-8") as f:
        sp = fix_openapi30(yaml.load(f, Loader=Loader))
    schemas = sp["components"]["schemas"]
    for name in ("SimplifiedPlaylistObject", "PlaylistObject"):
        props = schemas[name]["properties"]
        props["images"] = {"anyOf": [props["images"], {"type": "null"}]}
    # Playlist entries: `null` when the track is gone (the spec's prose says so, its schema
    # does not), and local files, whose ids, hrefs and album fields are null in reality.
    local_file = {"type": "object", "required": ["is_local", "uri", "name", "type"],
                  "properties": {"is_local": {"const": True}, "uri": {"type": "string", "pattern": "^spotify:local:"},
                                 "id": {"type": "null"}, "type": {"const": "track"}}}
    entry = schemas["PlaylistTrackObject"]["properties"]
    for key in ("item", "track"):
        entry[key] = {"anyOf": [entry[key], {"type": "null"}, local_file]}
    with open(f"{args.specs}/pms-openapi-1.2.0.json", encoding="utf-8") as f:
        pms = json.load(f)
    patch_plex(pms)
    # Guid ids are strings in reality ("mbid://...", "plex://...").
    for name, s in pms["components"]["schemas"].items():
        if name == "tag" and "properties" in s and "id" in s["properties"]:
            s["properties"]["id"] = {"type": ["integer", "string"]}
    with open(f"{args.specs}/plex-api-spec-0.0.3-legacy-dereferenced.yaml", encoding="utf-8") as f:
        tv = yaml.load(f, Loader=Loader)

    spotify = Checker("spotify", sp, jsonschema.Draft7Validator)
    plexs = Checker("pms", pms, jsonschema.Draft202012Validator)
    plextv = Checker("plex.tv", tv, jsonschema.Draft202012Validator)

    proc = subprocess.Popen([args.fakes], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        urls = json.loads(proc.stdout.readline())
        run(urls, spotify, plexs, plextv)
    finally:
        proc.terminate()
        proc.wait(timeout=10)

    if args.multi_fixture:
        proc = subprocess.Popen([args.fakes, "--fixture", args.multi_fixture], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        try:
            run_servers(json.loads(proc.stdout.readline()), plexs, plextv)
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    checkers = (spotify, plexs, plextv)
    for c in checkers:
        print(f"{c.name}: {c.checked} responses validated, {len(c.errors)} errors")
    errors = [e for c in checkers for e in c.errors]
    for e in errors:
        print("ERROR", e)
    return 1 if errors else 0


def run_servers(urls, pms, plextv):
    """Every server of a multi-server world: listed by resources, each with its own sections."""
    tv = urls["plexTv"]
    base = {"Accept": "application/json", "X-Plex-Client-Identifier": "schema-check", "X-Plex-Product": "Schema"}
    s, _, b = http("POST", f"{tv}/api/v2/pins?strong=true", base)
    pin = plextv.check("POST /api/v2/pins (servers)", "/pins", "POST", 201, s, b)
    s, _, b = http("GET", f"{tv}/api/v2/pins/{pin['id']}", base)
    token = plextv.check("GET /api/v2/pins/{id} (servers)", "/pins/{pinID}", "GET", 200, s, b)["authToken"]
    s, _, b = http("GET", f"{tv}/api/v2/resources?includeHttps=1&includeRelay=1", dict(base, **{"X-Plex-Token": token}))
    resources = plextv.check("GET /api/v2/resources (servers)", "/resources", "GET", 200, s, b)
    servers = [r for r in resources if "server" in r["provides"]]
    if len(servers) != len(urls.get("plexServers", [])) or len(servers) < 2:
        pms.errors.append(f"resources list {len(servers)} servers, the fakes serve {urls.get('plexServers')}")
    for server, srv in zip(servers, urls.get("plexServers", [])):
        ph = {"Accept": "application/json", "X-Plex-Token": server["accessToken"]}
        for label, path in (("GET /identity", "/identity"), ("GET /library/sections/all", "/library/sections/all")):
            s, _, b = http("GET", f"{srv}{path}", ph)
            pms.check(f"{label} ({server['name']})", path, "GET", 200, s, b)


def run(urls, spotify, pms, plextv):
    acc, api, tv, srv = urls["spotifyAccounts"], urls["spotifyApi"], urls["plexTv"], urls["plexServer"]
    # Spotify: PKCE login.
    verifier = "schema-check-verifier-0123456789-0123456789-0123456789"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    redirect = "http://127.0.0.1:8765/callback"
    q = urllib.parse.urlencode({"client_id": "schema", "response_type": "code", "redirect_uri": redirect,
                                "code_challenge_method": "S256", "code_challenge": challenge, "state": "s"})
    status, headers, _ = http("GET", f"{acc}/authorize?{q}")
    code = urllib.parse.parse_qs(urllib.parse.urlparse(headers["Location"]).query)["code"][0]
    form = urllib.parse.urlencode({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect,
                                   "client_id": "schema", "code_verifier": verifier}).encode()
    status, _, body = http("POST", f"{acc}/api/token", {"Content-Type": "application/x-www-form-urlencoded"}, form)
    token = json.loads(body)["access_token"]
    auth = {"Authorization": f"Bearer {token}"}

    def sget(label, path, spec_path, status=200, method="GET", body=None):
        h = dict(auth)
        if body is not None:
            h["Content-Type"] = "application/json"
            body = json.dumps(body).encode()
        s, _, b = http(method, f"{api}{path}", h, body)
        return spotify.check(label, spec_path, method, status, s, b)

    sget("GET /v1/me", "/v1/me", "/me")
    me_id = None
    url, playlists = f"/v1/me/playlists?limit=50", []
    while url:
        page = sget(f"GET {url}", url, "/me/playlists")
        if not page:
            break
        playlists += page["items"]
        url = page["next"][len(api):] if page.get("next") else None
    for p in playlists:
        pid = p["id"]
        sget(f"GET /v1/playlists/{pid}", f"/v1/playlists/{pid}", "/playlists/{playlist_id}")
        owned = p["owner"]["id"] == "demo-user" or p["collaborative"]
        offset = 0
        while True:
            path = f"/v1/playlists/{pid}/items?limit=50&offset={offset}&additional_types=track,episode"
            page = sget(f"GET {path}", path, "/playlists/{playlist_id}/items", 200 if owned else 403)
            if not page or not owned or not page.get("next"):
                break
            offset += 50
    page = sget("GET /v1/me/tracks", "/v1/me/tracks?limit=50", "/me/tracks")
    uris = ",".join(i["track"]["uri"] for i in page["items"][:3])
    sget("GET /v1/me/library/contains", f"/v1/me/library/contains?uris={uris}", "/me/library/contains")
    made = sget("POST /v1/me/playlists", "/v1/me/playlists", "/me/playlists", 201, "POST",
                {"name": "Schema Check", "description": "made by validate_schemas.py", "public": False})
    new_id = made["id"]
    track_uris = [i["track"]["uri"] for i in page["items"][:4]]
    items = f"/v1/playlists/{new_id}/items"
    sget("POST items", items, "/playlists/{playlist_id}/items", 201, "POST", {"uris": track_uris})
    sget("PUT items (reorder)", items, "/playlists/{playlist_id}/items", 200, "PUT",
         {"range_start": 0, "insert_before": 3, "range_length": 1})
    sget("DELETE items", items, "/playlists/{playlist_id}/items", 200, "DELETE", {"items": [{"uri": track_uris[0]}]})
    s, _, b = http("GET", f"{api}/v1/me")
    spotify.check("GET /v1/me without token", "/me", "GET", 401, s, b)

    # plex.tv: PIN login and discovery.
    base = {"Accept": "application/json", "X-Plex-Client-Identifier": "schema-check", "X-Plex-Product": "Schema"}
    s, _, b = http("POST", f"{tv}/api/v2/pins?strong=true", base)
    pin = plextv.check("POST /api/v2/pins", "/pins", "POST", 201, s, b)
    s, _, b = http("GET", f"{tv}/api/v2/pins/{pin['id']}", base)
    pin = plextv.check("GET /api/v2/pins/{id}", "/pins/{pinID}", "GET", 200, s, b)
    user_token = pin["authToken"]
    withtok = dict(base, **{"X-Plex-Token": user_token})
    s, _, b = http("GET", f"{tv}/api/v2/user", withtok)
    plextv.check("GET /api/v2/user", "/user", "GET", 200, s, b)
    s, _, b = http("GET", f"{tv}/api/v2/resources?includeHttps=1&includeRelay=1", withtok)
    resources = plextv.check("GET /api/v2/resources", "/resources", "GET", 200, s, b)
    server = next(r for r in resources if "server" in r["provides"])
    machine, server_token = server["clientIdentifier"], server["accessToken"]

    # PMS.
    ph = {"Accept": "application/json", "X-Plex-Token": server_token}

    def pget(label, path, spec_path, method="GET", status=200):
        s, _, b = http(method, f"{srv}{path}", ph)
        return pms.check(label, spec_path, method, status, s, b)

    pget("GET /identity", "/identity", "/identity")
    pget("GET /", "/", "/")
    pget("GET /library/sections/all", "/library/sections/all", "/library/sections/all")
    listing = pget("GET section all type=10", "/library/sections/1/all?type=10&includeGuids=1"
                   "&X-Plex-Container-Start=0&X-Plex-Container-Size=60", "/library/sections/{sectionId}/all")
    pget("GET section all title filter", "/library/sections/1/all?type=10&title=love",
         "/library/sections/{sectionId}/all")
    pget("GET /hubs/search", "/hubs/search?query=love&sectionId=1&limit=5", "/hubs/search")
    keys = [m["ratingKey"] for m in listing["MediaContainer"]["Metadata"]]
    pget("GET /library/metadata/{ids}", f"/library/metadata/{','.join(keys[:5])}?includeGuids=1",
         "/library/metadata/{ids}")
    uri = urllib.parse.quote(f"server://{machine}/com.plexapp.plugins.library/library/metadata/{','.join(keys[:3])}",
                             safe="")
    made = pget("POST /playlists", f"/playlists?smart=0&title=Schema&type=audio&uri={uri}", "/playlists", "POST")
    key = made["MediaContainer"]["Metadata"][0]["ratingKey"]
    more = urllib.parse.quote(f"server://{machine}/com.plexapp.plugins.library/library/metadata/{','.join(keys[3:6])}",
                              safe="")
    pget("PUT /playlists/{id}/items", f"/playlists/{key}/items?uri={more}", "/playlists/{playlistId}/items", "PUT")
    pget("GET /playlists", "/playlists?playlistType=audio", "/playlists")
    pget("GET /playlists/{id}", f"/playlists/{key}", "/playlists/{playlistId}")
    items = pget("GET /playlists/{id}/items", f"/playlists/{key}/items", "/playlists/{playlistId}/items")
    ids = [m["playlistItemID"] for m in items["MediaContainer"]["Metadata"]]
    pget("PUT move", f"/playlists/{key}/items/{ids[-1]}/move?after={ids[0]}",
         "/playlists/{playlistId}/items/{playlistItemId}/move", "PUT")
    pget("DELETE item", f"/playlists/{key}/items/{ids[1]}", "/playlists/{playlistId}/items/{generatorId}", "DELETE")
    pget("DELETE items (clear)", f"/playlists/{key}/items", "/playlists/{playlistId}/items", "DELETE")


if __name__ == "__main__":
    sys.exit(main())
