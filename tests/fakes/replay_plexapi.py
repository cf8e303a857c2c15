#!/usr/bin/env python3
"""Replays a recorded python-plexapi session against playlist-bridge-fakes and validates every
answer the way the client reads it.

    python3 tests/fakes/replay_plexapi.py --fakes build/default/src/fakes/playlist-bridge-fakes \
        --data tests/data/fakes/plexapi

session.json (recorded by record_plexapi.py from a real python-plexapi run, see the README next
to it) lists, step by step, each request the client sent and, per XML element path, the
attributes it read: `required` ones were there whenever the client looked and must be there
again, with a value the client's cast accepts (`int`, `bool`, `datetime` = epoch seconds,
`date:%Y-%m-%d`); `elements` and `items` are the element counts and the rating keys in order,
so a wrong search result or playlist order fails too. Values the server generated (a new
playlist's rating key, playlistItemIDs) are captured from the replayed answers and filled into
the later requests that used them. Reads are kept per path and `type` (`MediaContainer/Hub/
Directory[album]`), since one path can hold artists and albums. Every GET answered in XML is asked again with
`Accept: application/json`; that answer must be the same MediaContainer, attribute for
attribute and element for element, as the real server serves both from one model.
Only the standard library; exits 1 with one line per failure.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from datetime import datetime
from xml.etree import ElementTree

# JSON `Metadata[]` entries are XML elements named after their type (PMS convention).
METADATA_ELEMENTS = {'track': 'Track', 'playlist': 'Playlist', 'artist': 'Directory', 'album': 'Directory',
                     'photo': 'Photo'}


class Failures:
    def __init__(self):
        self.lines = []
        self.checked = 0

    def check(self, ok, where, message):
        self.checked += 1
        if not ok:
            self.lines.append(f'{where}: {message}')
        return ok


def cast_ok(kind, value):
    """Whether python-plexapi's cast of this kind accepts the value."""
    if not kind:
        return True
    for k in kind.split(','):
        if k == 'int' and not re.fullmatch(r'-?\d+', value):
            return False
        if k == 'float' and not re.fullmatch(r'-?\d+(\.\d+)?', value):
            return False
        if k == 'bool' and value not in ('0', '1', 'true', 'false'):
            return False
        if k == 'datetime' and not re.fullmatch(r'\d+', value):
            return False
        if k.startswith('date:'):
            try:
                datetime.strptime(value, k[5:])
            except ValueError:
                return False
    return True


def fill(text, variables):
    return re.sub(r'\{(\w+)\}', lambda m: variables.get(m.group(1), m.group(0)), text)


def send(base, method, path, query, headers):
    url = base + path + ('?' + query if query else '')
    req = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get('Content-Type', ''), r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get('Content-Type', ''), e.read()


def elements_by_path(root):
    """Elements by path (`MediaContainer/Hub/Directory`) and by path and type (`…/Directory[album]`)."""
    out = {}

    def walk(el, path):
        out.setdefault(path, []).append(el)
        if 'type' in el.attrib:
            out.setdefault(f"{path}[{el.attrib['type']}]", []).append(el)
        for child in el:
            walk(child, path + '/' + child.tag)
    walk(root, root.tag)
    return out


def scalar_text(v):
    if isinstance(v, bool):
        return '1' if v else '0'
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def compare_json(el, obj, where, fails):
    """The JSON object must be the XML element: same attributes, same children in the same order."""
    attrs = {k: scalar_text(v) for k, v in obj.items() if not isinstance(v, (dict, list)) and v is not None}
    fails.check(attrs == dict(el.attrib), where,
                f'JSON and XML attributes differ: only JSON {sorted(set(attrs.items()) - set(el.attrib.items()))}, '
                f'only XML {sorted(set(el.attrib.items()) - set(attrs.items()))}')
    wanted = {}
    for key, value in obj.items():
        children = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for child in children:
            tag = METADATA_ELEMENTS.get(child.get('type'), 'Video') if key == 'Metadata' else key
            wanted.setdefault(tag, []).append(child)
    have = {}
    for child in el:
        have.setdefault(child.tag, []).append(child)
    if not fails.check(sorted(wanted) == sorted(have), where,
                       f'JSON children {sorted(wanted)} but XML children {sorted(have)}'):
        return
    for tag, objs in wanted.items():
        if fails.check(len(objs) == len(have[tag]), where, f'{len(objs)} {tag} in JSON, {len(have[tag])} in XML'):
            for i, (x, j) in enumerate(zip(have[tag], objs)):
                compare_json(x, j, f'{where}/{tag}[{i}]', fails)


def replay(base, session, token, fails):
    variables = {'token': token}
    requests = 0
    twins = 0
    for step in session['steps']:
        for n, rec in enumerate(step['requests']):
            where = f"{step['name']}#{n + 1} {rec['method']} {rec['path']}"
            path, query = fill(rec['path'], variables), fill(rec['query'], variables)
            headers = {k: fill(v, variables) for k, v in rec['headers'].items()}
            status, ctype, body = send(base, rec['method'], path, query, headers)
            requests += 1
            fails.check(status == rec['status'], where, f"status {status}, recorded {rec['status']}")
            fails.check(ctype == rec['contentType'], where, f"content type {ctype!r}, recorded {rec['contentType']!r}")
            if 'elements' not in rec:
                continue
            try:
                root = ElementTree.fromstring(body)
            except ElementTree.ParseError as e:
                fails.check(False, where, f'not XML ({e}): {body[:120]!r}')
                continue
            by_path = elements_by_path(root)
            for p, count in rec['elements'].items():
                fails.check(len(by_path.get(p, [])) == count, where,
                            f"{len(by_path.get(p, []))} elements at {p}, recorded {count}")
            for name, cap in rec.get('captures', {}).items():
                els = by_path.get(cap['element'], [])
                if fails.check(cap['index'] < len(els) and cap['attribute'] in els[cap['index']].attrib, where,
                               f"nothing to capture as {name} ({cap['element']}[{cap['index']}]@{cap['attribute']})"):
                    variables[name] = els[cap['index']].attrib[cap['attribute']]
            items = [c for c in root if 'ratingKey' in c.attrib]
            items += [g for hub in root if hub.tag == 'Hub' for g in hub if 'ratingKey' in g.attrib]
            want = [fill(v, variables) for v in rec['items']]
            fails.check([c.attrib['ratingKey'] for c in items] == want, where,
                        f"items {[c.attrib['ratingKey'] for c in items]}, recorded {want}")
            for p, reads in rec['reads'].items():
                for el in by_path.get(p, []):
                    for attr, kind in reads['required'].items():
                        value = el.attrib.get(attr)
                        if fails.check(value is not None, where, f'{p} lacks {attr}, which the client reads'):
                            fails.check(cast_ok(kind, value), where, f'{p}@{attr}={value!r} is not a valid {kind}')
            if rec['method'] == 'GET':
                twins += 1
                jheaders = dict(headers, Accept='application/json')
                jstatus, jctype, jbody = send(base, 'GET', path, query, jheaders)
                fails.check(jstatus == status, where + ' (JSON)', f'status {jstatus}, XML gave {status}')
                if fails.check(jctype == 'application/json', where + ' (JSON)', f'content type {jctype!r}'):
                    try:
                        doc = json.loads(jbody)
                    except ValueError as e:
                        fails.check(False, where + ' (JSON)', f'not JSON: {e}')
                        continue
                    if fails.check(list(doc) == ['MediaContainer'], where + ' (JSON)', f'top level {list(doc)}'):
                        compare_json(root, doc['MediaContainer'], where + ' (JSON) MediaContainer', fails)
    return requests, twins


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--fakes', required=True, help='the playlist-bridge-fakes executable')
    ap.add_argument('--data', required=True, help='the folder holding session.json and world.json')
    args = ap.parse_args()
    with open(os.path.join(args.data, 'session.json'), encoding='utf-8') as f:
        session = json.load(f)
    fixture = os.path.join(args.data, session['fixture'])
    with open(fixture, encoding='utf-8') as f:
        token = json.load(f)['plex']['server']['accessToken']
    proc = subprocess.Popen([args.fakes, '--fixture', fixture], stdout=subprocess.PIPE, text=True)
    fails = Failures()
    try:
        base = json.loads(proc.stdout.readline())['plexServer']
        requests, twins = replay(base, session, token, fails)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    client = session['recordedWith']
    for line in fails.lines:
        print('FAIL', line)
    print(f"{client['client']} {client['version']} session: {len(session['steps'])} steps, {requests} requests, "
          f"{twins} JSON twins, {fails.checked} checks, {len(fails.lines)} failures")
    return 1 if fails.lines else 0


if __name__ == '__main__':
    sys.exit(main())
