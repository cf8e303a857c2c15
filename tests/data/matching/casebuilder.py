"""Shared helpers of the make_holdout*.py generators: build cases in corpus.json's format and
write them. Each generator numbers its Plex rating keys from its own base so sets never collide."""
import json
import os


def sp(name, artists, album="", ms=0):
    """A Spotify track."""
    return {"name": name, "artists": list(artists), "album": album, "durationMs": ms, "isrc": ""}


class CaseBuilder:
    def __init__(self, provenance, first_key):
        self.provenance = provenance
        self.cases = []
        self._key = first_key

    def key(self):
        self._key += 1
        return str(self._key)

    def px(self, title, artist, album="", ms=0, track_artist=""):
        """A Plex candidate with a fresh rating key."""
        return {"ratingKey": self.key(), "title": title, "grandparentTitle": artist,
                "originalTitle": track_artist, "parentTitle": album, "durationMs": ms, "guids": []}

    def add(self, cid, category, spotify, candidates, expected, note=""):
        self.cases.append({"id": cid, "category": category, "provenance": self.provenance + ":" + category,
                           "note": note, "spotify": spotify, "candidates": candidates,
                           "expected": [candidates[i]["ratingKey"] for i in expected]})

    def write(self, file_name, description):
        out = os.path.join(os.path.dirname(os.path.abspath(__file__)), file_name)
        with open(out, "w", encoding="utf-8") as f:
            json.dump({"version": 1, "description": description, "cases": self.cases}, f,
                      ensure_ascii=False, indent=1)
        print(f"{len(self.cases)} cases -> {out}")
