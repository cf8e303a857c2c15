#!/usr/bin/env python3
"""Records how python-plexapi talks to the fake Plex Media Server (a developer tool, not a test).

    python3 tests/fakes/record_plexapi.py --plexapi DIR --fakes build/default/src/fakes/playlist-bridge-fakes \
        --out tests/data/fakes/plexapi

DIR is a checkout of https://github.com/pkkid/python-plexapi (its `plexapi` package is imported
from there, nothing is installed); it needs python3-requests. The script starts the fakes on
tests/data/fakes/plexapi/world.json, runs a typical python-plexapi script against them (connect,
library, sections, searches, items, playlist create/add/remove/move/edit/delete) and writes
session.json: every request the client sent, the response status and content type, and every
attribute of the XML answer the client read, with the type the client cast it to. The replay
check (replay_plexapi.py, a CTest) sends the same requests to the fakes and validates each answer
the way the client reads it. See tests/data/fakes/plexapi/README.md.
"""
import argparse
import json
import os
import subprocess
import sys
import urllib.parse

# The pure-Python ElementTree keeps every attribute read on Element.attrib, where it is recorded.
sys.modules['_elementtree'] = None
from xml.etree import ElementTree  # noqa: E402

# Client identification headers: names as sent, machine-specific values replaced.
NEUTRAL_HEADERS = {
    'X-Plex-Client-Identifier': '0x0123456789ab',
    'X-Plex-Device': 'Linux',
    'X-Plex-Device-Name': 'replay-host',
    'X-Plex-Platform': 'Linux',
    'X-Plex-Platform-Version': '6.1.0',
}
KEPT_HEADERS = ('Accept', 'X-Plex-Container-Start', 'X-Plex-Container-Size')
# Values the server makes up while the script runs; later requests refer to them.
GENERATED = {('MediaContainer/Playlist', 'ratingKey'): 'playlist', ('MediaContainer/Track', 'playlistItemID'): 'item'}


class Tracked(str):
    """An attribute value that remembers where it was read, so the client's cast can be noted."""
    __slots__ = ('origin',)


class Recorder:
    def __init__(self, token, fixture_keys):
        self.token = token
        self.fixture_keys = fixture_keys
        self.steps = []
        self.current = None
        self.generated = {}  # value -> (request, element path, index, attribute)
        self.names = {}      # value -> capture name
        self.counters = {}

    # --- requests -------------------------------------------------------------------------
    def on_request(self, request, response):
        url = urllib.parse.urlsplit(request.url)
        rec = {'method': request.method, 'path': url.path, 'query': url.query, 'headers': {}}
        for name in KEPT_HEADERS:
            if name in request.headers:
                rec['headers'][name] = request.headers[name]
        for name, value in sorted(request.headers.items()):
            if name == 'X-Plex-Token':
                rec['headers'][name] = '{token}' if value == self.token else value
            elif name.startswith('X-Plex-') and name not in KEPT_HEADERS:
                rec['headers'][name] = NEUTRAL_HEADERS.get(name, value)
        self.refer(rec)
        rec['status'] = response.status_code
        rec['contentType'] = response.headers.get('Content-Type', '')
        rec['_reads'] = {}
        rec['_body'] = response.content
        self.steps[-1]['requests'].append(rec)
        self.current = rec

    def refer(self, rec):
        """Replaces values the server generated earlier by {name} and asks their origin to capture them."""
        def name_of(value):
            if value not in self.generated:
                return None
            if value not in self.names:
                kind = self.generated[value][1]
                self.counters[kind] = self.counters.get(kind, 0) + 1
                self.names[value] = f'{kind}{self.counters[kind]}'
            origin, path, index, attribute = self.generated[value][0]
            origin.setdefault('captures', {})[self.names[value]] = {
                'element': path, 'index': index, 'attribute': attribute}
            return '{' + self.names[value] + '}'
        rec['path'] = '/'.join(name_of(s) or s for s in rec['path'].split('/'))
        parts = []
        for part in rec['query'].split('&') if rec['query'] else []:
            key, eq, value = part.partition('=')
            parts.append(key + eq + (name_of(urllib.parse.unquote(value)) or value))
        rec['query'] = '&'.join(parts)

    def on_response_tree(self, root):
        rec = self.current
        if rec is None:
            return
        counts = {}

        def walk(el, path):
            index = counts.get(path, 0)
            counts[path] = index + 1
            for (gpath, attribute), kind in GENERATED.items():
                value = el.attrib.get(attribute)
                if path == gpath and value and value not in self.fixture_keys:
                    self.generated[value] = ((rec, path, index, attribute), kind)
            # Reads are kept per element path and type: a hub lists artists and albums alike.
            typed = path + (f"[{el.attrib['type']}]" if 'type' in el.attrib else '')
            el.attrib = ReadLog(el.attrib, rec, typed)
            for child in list(el):
                walk(child, path + '/' + child.tag)
        walk(root, root.tag)
        rec['elements'] = counts
        items = [c for c in root if 'ratingKey' in dict.keys(c.attrib)]
        items += [g for hub in root if hub.tag == 'Hub' for g in hub if 'ratingKey' in dict.keys(g.attrib)]
        rec['items'] = [self.placeholder(dict.get(c.attrib, 'ratingKey')) for c in items]

    def placeholder(self, value):
        return '{' + self.names[value] + '}' if value in self.names else value

    # --- output -------------------------------------------------------------------------
    def finish(self):
        for step in self.steps:
            for rec in step['requests']:
                reads = rec.pop('_reads')
                rec.pop('_body')
                if 'items' in rec:
                    rec['items'] = [self.placeholder(v) for v in rec['items']]
                rec['reads'] = {}
                for path, attrs in sorted(reads.items()):
                    always = {k: ','.join(sorted(v['casts'])) for k, v in sorted(attrs.items()) if not v['absent']}
                    sometimes = sorted(k for k, v in attrs.items() if v['absent'])
                    rec['reads'][path] = {'required': always, 'optional': sometimes}
        return self.steps


class ReadLog(dict):
    """Element.attrib that notes each attribute the client asks for, found or not."""

    def __init__(self, d, rec, path):
        super().__init__(d)
        self._rec, self._path = rec, path

    def _note(self, key):
        entry = self._rec['_reads'].setdefault(self._path, {}).setdefault(
            key, {'present': 0, 'absent': 0, 'casts': set()})
        entry['present' if dict.__contains__(self, key) else 'absent'] += 1

    def _tracked(self, key, value):
        t = Tracked(value)
        t.origin = (self._rec, self._path, key)
        return t

    def get(self, key, default=None):
        self._note(key)
        return self._tracked(key, dict.__getitem__(self, key)) if dict.__contains__(self, key) else default

    def __getitem__(self, key):
        self._note(key)
        return self._tracked(key, dict.__getitem__(self, key))

    def __contains__(self, key):
        self._note(key)
        return dict.__contains__(self, key)


def instrument(recorder, plexapi_dir):
    sys.path.insert(0, plexapi_dir)
    os.environ['PLEXAPI_CONFIG_PATH'] = os.path.join(plexapi_dir, 'no-such-config.ini')
    import requests
    from plexapi import utils
    from plexapi.server import PlexServer

    def note_cast(kind, value):
        if isinstance(value, Tracked):
            rec, path, key = value.origin
            rec['_reads'][path][key]['casts'].add(kind)

    cast, to_datetime = utils.cast, utils.toDatetime

    def recording_cast(func, value):
        note_cast(getattr(func, '__name__', str(func)), value)
        return cast(func, value)

    def recording_to_datetime(value, format=None):
        note_cast('datetime' if format is None else 'date:' + format, value)
        return to_datetime(value, format)
    utils.cast, utils.toDatetime = recording_cast, recording_to_datetime

    query = PlexServer.query

    def recording_query(self, key, *args, **kwargs):
        data = query(self, key, *args, **kwargs)
        if data is not None:
            recorder.on_response_tree(data)
        return data
    PlexServer.query = recording_query

    send = requests.Session.send

    def recording_send(self, request, **kwargs):
        response = send(self, request, **kwargs)
        recorder.on_request(request, response)
        return response
    requests.Session.send = recording_send
    return PlexServer


def script(recorder, PlexServer, base, token):
    """A typical python-plexapi script; each step notes what the client made of the answers."""
    def step(name, call, result):
        recorder.steps.append({'name': name, 'call': call, 'requests': []})
        recorder.current = None
        recorder.steps[-1]['clientSaw'] = result()

    ctx = {}
    step('connect', 'plex = PlexServer(baseurl, token)',
         lambda: (lambda p: (ctx.update(plex=p), [p.machineIdentifier, p.friendlyName])[1])(PlexServer(base, token)))
    plex = ctx['plex']
    step('library', 'plex.library', lambda: [plex.library.title1, plex.library.identifier])
    lib = plex.library
    step('sections', 'plex.library.sections()',
         lambda: [[s.key, s.type, s.title, type(s).__name__] for s in lib.sections()])
    step('section', "music = plex.library.section('Music')",
         lambda: (lambda m: (ctx.update(music=m), [m.key, m.title, m.type, m.uuid])[1])(lib.section('Music')))
    music = ctx['music']

    def keep(name, items, show):
        ctx[name] = items
        return [show(x) for x in items]
    step('searchTracks_title', "hello = music.searchTracks(title='Hello')",
         lambda: keep('hello', music.searchTracks(title='Hello'), lambda t: [t.ratingKey, t.title, t.grandparentTitle]))
    step('search_filters', "toto = music.search(libtype='track', filters={'artist.title': 'Toto'})",
         lambda: keep('toto', music.search(libtype='track', filters={'artist.title': 'Toto'}),
                      lambda t: [t.ratingKey, t.title]))
    step('searchTracks_field_and_sort', "music.searchTracks(**{'album.title': '25'}, sort='titleSort:desc')",
         lambda: [[t.ratingKey, t.title] for t in music.searchTracks(**{'album.title': '25'}, sort='titleSort:desc')])
    step('search_paged', "music.search(libtype='track', container_size=3)",
         lambda: [t.ratingKey for t in music.search(libtype='track', container_size=3)])
    step('section_all', 'music.all()', lambda: [[type(x).__name__, x.title] for x in music.all()])
    step('searchArtists', "music.searchArtists(title='adele')",
         lambda: [x.title for x in music.searchArtists(title='adele')])
    step('searchAlbums', "music.searchAlbums(title='toto')",
         lambda: [[x.title, x.parentTitle, x.year] for x in music.searchAlbums(title='toto')])
    step('totalViewSize', "music.totalViewSize(libtype='track')", lambda: music.totalViewSize(libtype='track'))
    step('section_get', "music.get('Africa', libtype='track')",
         lambda: (lambda g: [g.ratingKey, g.title])(music.get('Africa', libtype='track')))
    step('library_search', "plex.library.search('Hello', libtype='track')",
         lambda: [[x.ratingKey, x.title, x.librarySectionID] for x in lib.search('Hello', libtype='track')])
    step('hubSearch', "plex.search('hello', mediatype='track')",
         lambda: [[t.ratingKey, t.title] for t in plex.search('hello', mediatype='track')])
    step('section_hubSearch', "music.hubSearch('toto')",
         lambda: [[type(x).__name__, x.title] for x in music.hubSearch('toto')])
    hello, toto = ctx['hello'], ctx['toto']
    step('fetchItem', 'africa = plex.fetchItem(int(toto[0].ratingKey))',
         lambda: (lambda a: (ctx.update(africa=a), [a.ratingKey, a.title, a.grandparentTitle, a.parentTitle,
                                                    a.duration, [m.parts[0].file for m in a.media]])[1])(
             plex.fetchItem(int(toto[0].ratingKey))))
    africa = ctx['africa']
    step('track_album_artist', 'album = africa.album(); artist = africa.artist()',
         lambda: (lambda al, ar: (ctx.update(album=al, artist=ar), [[al.title, al.parentTitle], ar.title])[1])(
             africa.album(), africa.artist()))
    album, artist = ctx['album'], ctx['artist']
    step('album_tracks', 'album.tracks()', lambda: [[t.ratingKey, t.title, t.index] for t in album.tracks()])
    step('artist_albums', 'artist.albums()', lambda: [a.title for a in artist.albums()])
    step('artist_tracks', 'artist.tracks()', lambda: [t.ratingKey for t in artist.tracks()])
    step('fetchItems_batch', 'plex.fetchItems([int(hello[0].ratingKey), int(toto[1].ratingKey)])',
         lambda: [x.ratingKey for x in plex.fetchItems([int(hello[0].ratingKey), int(toto[1].ratingKey)])])
    step('playlists', 'plex.playlists()',
         lambda: [[p.title, p.playlistType, p.leafCount, p.smart] for p in plex.playlists()])
    step('createPlaylist', "pl = plex.createPlaylist('Bridge Test', items=[hello[0], toto[0]])",
         lambda: (lambda p: (ctx.update(pl=p), [p.title, p.leafCount, p.playlistType, p.smart])[1])(
             plex.createPlaylist('Bridge Test', items=[hello[0], toto[0]])))
    pl = ctx['pl']
    step('playlist_items', 'pl.items()', lambda: [t.ratingKey for t in pl.items()])
    step('playlist_item', "pl.item('Africa')", lambda: pl.item('Africa').ratingKey)
    step('searchTracks_unicode', "lemon = music.searchTracks(title='Lemon', **{'artist.title': '米津玄師'})",
         lambda: keep('lemon', music.searchTracks(title='Lemon', **{'artist.title': '米津玄師'}),
                      lambda t: [t.ratingKey, t.title, t.grandparentTitle]))
    lemon = ctx['lemon']

    def edit(action):
        action()
        pl.reload()
        return [t.ratingKey for t in pl.items()]
    step('addItems', 'pl.addItems([toto[1], lemon[0]]); pl.reload(); pl.items()',
         lambda: edit(lambda: pl.addItems([toto[1], lemon[0]])))
    step('removeItems', 'pl.removeItems([hello[0]]); pl.reload(); pl.items()',
         lambda: edit(lambda: pl.removeItems([hello[0]])))
    step('moveItem_top', 'pl.moveItem(lemon[0]); pl.reload(); pl.items()', lambda: edit(lambda: pl.moveItem(lemon[0])))
    step('moveItem_after', 'pl.moveItem(toto[0], after=toto[1]); pl.reload(); pl.items()',
         lambda: edit(lambda: pl.moveItem(toto[0], after=toto[1])))
    step('editTitle', "pl.editTitle('Bridge Renamed'); pl.reload()",
         lambda: (pl.editTitle('Bridge Renamed'), pl.reload(), pl.title)[2])
    step('editSummary', "pl.editSummary('Made by a script'); pl.reload()",
         lambda: (pl.editSummary('Made by a script'), pl.reload(), pl.summary)[2])
    step('uploadPoster', "pl.uploadPoster(url='https://images.example.com/cover.jpg'); pl.reload()",
         lambda: (pl.uploadPoster(url='https://images.example.com/cover.jpg'), pl.reload(), bool(pl.thumb))[2])
    step('playlist_by_title', "plex.playlist('Bridge Renamed')",
         lambda: (lambda p: [p.title, p.leafCount])(plex.playlist('Bridge Renamed')))
    step('delete', 'pl.delete()', lambda: pl.delete())
    step('playlists_after_delete', 'plex.playlists()', lambda: [p.title for p in plex.playlists()])


def dump(value, indent=''):
    """JSON with one line per request field: objects of scalars and lists stay on one line."""
    flat = json.dumps(value, ensure_ascii=False)
    values = value.values() if isinstance(value, dict) else value
    if not isinstance(value, (dict, list)) or len(flat) <= 100 or all(not isinstance(v, (dict, list)) for v in values):
        return flat
    inner = indent + ' '
    if isinstance(value, dict):
        body = (f'{inner}{json.dumps(k, ensure_ascii=False)}: {dump(v, inner)}' for k, v in value.items())
        return '{\n' + ',\n'.join(body) + '\n' + indent + '}'
    return '[\n' + ',\n'.join(inner + dump(v, inner) for v in value) + '\n' + indent + ']'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--plexapi', required=True, help='a python-plexapi checkout')
    ap.add_argument('--fakes', required=True, help='the playlist-bridge-fakes executable')
    ap.add_argument('--out', required=True, help='tests/data/fakes/plexapi')
    ap.add_argument('--commit', help='the checkout\'s commit, when DIR is an export without .git')
    args = ap.parse_args()
    fixture = os.path.join(args.out, 'world.json')
    with open(fixture, encoding='utf-8') as f:
        world = json.load(f)
    plex = world['plex']
    keys = {t['ratingKey'] for t in plex['tracks']} | {p['ratingKey'] for p in plex.get('playlists', [])}
    token = plex['server']['accessToken']
    recorder = Recorder(token, keys)
    PlexServer = instrument(recorder, os.path.abspath(args.plexapi))
    import plexapi
    import requests
    commit = subprocess.run(['git', '-C', args.plexapi, 'rev-parse', 'HEAD'], capture_output=True, text=True)
    proc = subprocess.Popen([args.fakes, '--fixture', fixture], stdout=subprocess.PIPE, text=True)
    try:
        base = json.loads(proc.stdout.readline())['plexServer']
        script(recorder, PlexServer, base, token)
    finally:
        proc.terminate()
        proc.wait()
    session = {
        'recordedWith': {
            'client': 'python-plexapi', 'version': plexapi.VERSION,
            'repository': 'https://github.com/pkkid/python-plexapi',
            'commit': commit.stdout.strip() or args.commit or 'unknown', 'licence': 'BSD-3-Clause',
            'requests': requests.__version__, 'python': sys.version.split()[0]},
        'fixture': 'world.json',
        'steps': recorder.finish(),
    }
    with open(os.path.join(args.out, 'session.json'), 'w', encoding='utf-8') as f:
        f.write(dump(session) + '\n')
    print(f"recorded {sum(len(s['requests']) for s in session['steps'])} requests in {len(session['steps'])} steps")


if __name__ == '__main__':
    main()
