#!/usr/bin/env python3
"""Writes the ZIP samples of the import tests (run from this folder; the outputs are committed).

export.zip     Spotify's account data export as it downloads: a "Spotify Account Data" folder
               with Playlist1.json, YourLibrary.json and files the importer ignores.
traversal.zip  an entry named ../Playlist1.json: a path outside the archive.
bomb.zip       a Playlist1.json that inflates to 8 MiB (the tests allow 1 MiB).
notexport.zip  a ZIP with no playlist file in it.
"""
import zipfile

def write(name, entries):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in entries:
            info = zipfile.ZipInfo(path, date_time=(2026, 11, 30, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)

playlists = open("spotify-export/Playlist1.json", "rb").read()
library = open("spotify-export/YourLibrary.json", "rb").read()
write("export.zip", [
    ("Spotify Account Data/", b""),
    ("Spotify Account Data/Playlist1.json", playlists),
    ("Spotify Account Data/YourLibrary.json", library),
    ("Spotify Account Data/StreamingHistory_music_0.json", b"[]"),
    ("Spotify Account Data/Read_Me_First.pdf", b"%PDF-1.4 not read"),
])
write("traversal.zip", [("../Playlist1.json", playlists)])
write("bomb.zip", [("Playlist1.json", b'{"playlists": [' + b" " * (8 << 20) + b"]}")])
write("notexport.zip", [("notes.txt", b"nothing here")])
