#!/usr/bin/env python3
"""Generates holdout2.json: a second set written after the first holdout had been used for fixes
(so holdout.json is no longer blind). Run once; docs/matching.md reports that first run as it came
out, then any fixes. Same format as corpus.json."""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout2", 9000)
cases, px, add = _builder.cases, _builder.px, _builder.add


SONGS = [
    ("Let It Go", ["Idina Menzel"], "Frozen (Original Motion Picture Soundtrack)", 224000),
    ("Paint It, Black", ["The Rolling Stones"], "Aftermath", 202000),
    ("Losing My Religion", ["R.E.M."], "Out of Time", 268000),
    ("Back to Black", ["Amy Winehouse"], "Back to Black", 241000),
    ("Everlong", ["Foo Fighters"], "The Colour and the Shape", 250000),
    ("Dreams", ["Fleetwood Mac"], "Rumours", 257000),
    ("Teardrop", ["Massive Attack"], "Mezzanine", 330000),
    ("Pumped Up Kicks", ["Foster the People"], "Torches", 239000),
    ("Heart-Shaped Box", ["Nirvana"], "In Utero", 281000),
    ("Sunday Bloody Sunday", ["U2"], "War", 280000),
    ("Queen of the Night", ["Whitney Houston"], "The Bodyguard", 189000),
    ("Agua", ["J Balvin", "Tainy"], "Agua", 171000),
]
for n, (title, artists, album, ms) in enumerate(SONGS):
    a0 = artists[0]
    t = f"Q{n + 1:02d}"
    # Positives.
    add(t + "-pos-soundtrack", "positive", sp(title + ' - From "The Film"/Soundtrack Version', artists, album, ms),
        [px(title, a0, album, ms + 700)], [0])
    add(t + "-pos-single", "positive", sp(title + " - Single Version", artists, title, ms - 400),
        [px(title + " (Album Version)", a0, album, ms)], [0])
    add(t + "-pos-live-venue", "positive", sp(title + " (Live)", artists, "Live in Paris", ms + 20000),
        [px(title, a0, "Live in Paris", ms + 20500), px(title, a0, album, ms)], [0])
    add(t + "-pos-punct", "positive", sp(title + "!", [a0.replace("&", "and")], album, ms),
        [px(title.replace(",", ""), a0, album.upper(), ms + 300)], [0])
    # Negatives.
    add(t + "-neg-rehearsal", "negative", sp(title, artists, album, ms),
        [px(title + " (Rehearsal)", a0, album + " (Deluxe)", ms + 2000)], [], "an undescribed-kind take")
    add(t + "-neg-alt-take", "negative", sp(title, artists, album, ms),
        [px(title + " (Alternate Take)", a0, album + " (Deluxe)", ms + 2500)], [])
    add(t + "-neg-tribute-band", "negative", sp(title, artists, album, ms),
        [px(title, a0 + " Tribute Band", "A Tribute to " + a0, ms + 1000)], [], "cover band named after the artist")
    add(t + "-neg-karaoke-artist", "negative", sp(title, artists, album, ms),
        [px(title + " (In the Style of " + a0 + ")", "Karaoke Hits", "Karaoke Vol. 3", ms)], [])
    add(t + "-neg-early", "negative", sp(title, artists, album, ms),
        [px(title + " (Early Version)", a0, album + " (Anniversary Edition)", ms - 2000)], [])

_builder.write("holdout2.json", "Second holdout, see make_holdout2.py")
