#!/usr/bin/env python3
"""Generates holdout.json: cases written after the engine's constants were fixed, run once and
reported as they came out (docs/matching.md, "Holdout"). Same format as corpus.json.

Unlike corpus.json, every positive here combines several transformations at once (feat. + remaster
+ curly quotes + compilation, ...), on songs the engine was never tuned on, and the negatives are
near misses built the same way.
"""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout", 5000)
cases, px, add = _builder.cases, _builder.px, _builder.add


SONGS = [
    ("Don't Start Now", ["Dua Lipa"], "Future Nostalgia", 183000),
    ("Levitating (feat. DaBaby)", ["Dua Lipa", "DaBaby"], "Future Nostalgia", 203000),
    ("Bitter Sweet Symphony", ["The Verve"], "Urban Hymns", 358000),
    ("Can't Hold Us (feat. Ray Dalton)", ["Macklemore & Ryan Lewis", "Macklemore", "Ryan Lewis", "Ray Dalton"],
     "The Heist", 258000),
    ("Jolene", ["Dolly Parton"], "Jolene", 162000),
    ("Toxic", ["Britney Spears"], "In The Zone", 199000),
    ("Clocks", ["Coldplay"], "A Rush of Blood to the Head", 307000),
    ("Sæglópur", ["Sigur Rós"], "Takk...", 493000),
    ("Pájaros de Barro", ["Manolo García"], "Arena en los Bolsillos", 265000),
    ("Rosanna", ["TOTO"], "Toto IV", 331000),
    ("Stan (feat. Dido)", ["Eminem", "Dido"], "The Marshall Mathers LP", 404000),
    ("Fast Car", ["Tracy Chapman"], "Tracy Chapman", 296000),
    ("Zombie", ["The Cranberries"], "No Need to Argue", 306000),
    ("アイドル", ["YOASOBI"], "アイドル", 213000),
    ("Звезда по имени Солнце", ["Кино"], "Звезда по имени Солнце", 225000),
    ("Take Me to Church", ["Hozier"], "Hozier", 241000),
    ("Gangsta's Paradise (feat. L.V.)", ["Coolio", "L.V."], "Gangsta's Paradise", 240000),
    ("Waterloo", ["ABBA"], "Waterloo", 164000),
    ("Hallelujah", ["Jeff Buckley"], "Grace", 413000),
    ("Tennessee Whiskey", ["Chris Stapleton"], "Traveller", 293000),
]

for n, (title, artists, album, ms) in enumerate(SONGS):
    a0 = artists[0]
    base = title.split(" (feat.")[0]
    t = f"O{n + 1:02d}"
    curly = base.replace("'", "’")
    # Positives combining transformations.
    add(t + "-combo-1", "combined", sp(title + " - Remastered 2019", artists, album + " (Remastered)", ms),
        [px(curly.upper() if n % 3 == 0 else curly, a0, album, ms + 1200)], [0])
    add(t + "-combo-2", "combined", sp(title, artists, album, ms),
        [px(base, "Various Artists", "Best of the Decade", ms - 1800,
            a0 if n % 2 else a0 + ", " + (artists[1] if len(artists) > 1 else "Guest"))], [0])
    add(t + "-combo-3", "combined", sp(base + " (Live at Red Rocks)", artists, "Live at Red Rocks", ms + 15000),
        [px(base, a0, album, ms), px(base + " (Live)", a0, "Live at Red Rocks", ms + 14000)], [1])
    # Near-miss negatives.
    add(t + "-near-1", "near-miss", sp(title, artists, album, ms),
        [px(base + " (Live at Red Rocks)", a0, "Live at Red Rocks", ms + 3000),
         px(base, "The Tribute Players", "Covers Forever", ms + 500)], [])
    add(t + "-near-2", "near-miss", sp(title, artists, album, ms),
        [px(base + " II", a0, album, ms + 1000), px(base + " (Reprise)", a0, album, 70000)], [])
    add(t + "-near-3", "near-miss", sp(base + " - Acoustic Version", artists, album + " (Acoustic)", ms - 20000),
        [px(base, a0, album, ms), px(base + " (Slowed + Reverb)", a0, "", ms + 30000)], [])

_builder.write("holdout.json", "Holdout cases, see make_holdout.py")
