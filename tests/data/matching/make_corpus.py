#!/usr/bin/env python3
"""Generates corpus.json, the labelled matching corpus (issue #4).

Run from anywhere:  python3 tests/data/matching/make_corpus.py
The output is committed; re-run only after editing this file, and commit both.

Each case asks: given this Spotify track and these Plex candidates, which candidate is the same
recording (any key in "expected"), or none (expected == [])?

Three sources, recorded in each case's "provenance":
  reported:<owner/repo#n>  every case of ../shared/reference/reported-match-cases.md. Where the
                           report does not state a field (artist, album, duration), the case uses a
                           neutral placeholder ("Reported Artist") or leaves it empty, and durations
                           are set equal within 2 s unless the report gives them ("note" says so).
  rule:<transform>         a real song from SEEDS, transformed one way (feat. moved, remaster suffix,
                           curly quotes, accents dropped, "The" dropped, compilation copy, ...).
  hand:<topic>             hard negatives and edge cases written by hand (numeric and short titles,
                           same title by another artist, same artist's other song).
Durations of SEEDS are the commonly listed album durations, rounded to the second.
"""
import json
import os

cases = []
_key = [1000]


def key():
    _key[0] += 1
    return str(_key[0])


def sp(name, artists, album="", ms=0, isrc=""):
    return {"name": name, "artists": list(artists), "album": album, "durationMs": ms, "isrc": isrc}


def px(title, artist, album="", ms=0, track_artist="", guids=None, k=None):
    return {"ratingKey": k or key(), "title": title, "grandparentTitle": artist, "originalTitle": track_artist,
            "parentTitle": album, "durationMs": ms, "guids": guids or []}


def add(cid, category, provenance, spotify, candidates, expected, note=""):
    """expected: list of indexes into candidates that are acceptable (empty: none)."""
    cases.append({"id": cid, "category": category, "provenance": provenance, "note": note, "spotify": spotify,
                  "candidates": candidates, "expected": [candidates[i]["ratingKey"] for i in expected]})


R = "Reported Artist"  # placeholder where the report names no artist
N = "durations not stated in the report: set equal within 2 s"

# ---------------------------------------------------------------------------------------------
# Reported cases (reported-match-cases.md), section by section.
# ---------------------------------------------------------------------------------------------
P = "reported:"
# A. Version suffixes / remaster / edit
add("A1", "remaster", P + "jjdenhertog/spotify-to-plex#11",
    sp("I Wanna Rock (Remastered Album Version)", ["Twisted Sister"], "Stay Hungry", 186000),
    [px("I Wanna Rock", "Twisted Sister", "Stay Hungry", 186500)], [0], N)
add("A2", "remaster", P + "Nezreka/SoulSync#585",
    sp("Iron Man - 2012 - Remaster", ["Black Sabbath"], "Paranoid (2012 Remaster)", 356000),
    [px("Iron Man", "Black Sabbath", "Paranoid", 355500)], [0], N)
add("A3a", "remaster", P + "rnagabhyrava/plex-playlist-sync#38",
    sp("Jump", ["Van Halen"], "1984 (Remastered)", 241000), [px("Jump", "Van Halen", "1984", 241500)], [0], N)
add("A3b", "remaster", P + "rnagabhyrava/plex-playlist-sync#38",
    sp("Red Right Hand", ["Nick Cave & The Bad Seeds"], "Let Love In (2011 Remastered Version)", 371000),
    [px("Red Right Hand", "Nick Cave & The Bad Seeds", "Let Love In", 370000)], [0], N)
add("A3c", "remaster", P + "rnagabhyrava/plex-playlist-sync#38",
    sp("Whole Lotta Love", ["Led Zeppelin"], "Led Zeppelin II (1994 Remaster)", 334000),
    [px("Whole Lotta Love", "Led Zeppelin", "Led Zeppelin II", 333000)], [0], N)
add("A4", "edit", P + "rnagabhyrava/plex-playlist-sync#52",
    sp("Lovefool - Radio Edit", ["The Cardigans"], "First Band On The Moon", 197000),
    [px("Lovefool", "Various Artists", "Radio 1's Live Lounge", 214000, "Just Jack"),
     px("Lovefool", "The Cardigans", "First Band on the Moon", 198000)], [1], N)
add("A5a", "remaster", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
    sp("Dirty Diana (2012 Remaster)", ["Michael Jackson"], "Bad 25th Anniversary", 281000),
    [px("Dirty Diana", "Michael Jackson", "Bad", 281000)], [0], N)
add("A5b", "remaster", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
    sp("Leave Me Alone (2012 Remaster)", ["Michael Jackson"], "Bad 25th Anniversary", 275000),
    [px("Leave Me Alone", "Michael Jackson", "Bad", 276000)], [0], N)
add("A6a", "remix", P + "bassrock/spotify-plex-playlists#6",
    sp("Float My Boat - Bougenvilla Remix", ["Lazy Jay", "Bougenvilla"], "Float My Boat (Remixes)", 189000),
    [px("Float My Boat", "Lazy Jay", "Float My Boat", 204000),
     px("Float My Boat (Bougenvilla Remix)", "Lazy Jay", "Float My Boat (Remixes)", 189000)], [1], N)
add("A6b", "remix", P + "bassrock/spotify-plex-playlists#6",
    sp("Put Your Hands Up For Detroit - Original Mix", ["Fedde Le Grand"], "Put Your Hands Up For Detroit", 402000),
    [px("Put Your Hands Up For Detroit (Original Mix)", "Fedde Le Grand", "Put Your Hands Up For Detroit", 402000)],
    [0], N)
add("A6c", "remix", P + "bassrock/spotify-plex-playlists#6",
    sp("Put Your Hands Up For Detroit - Original Mix", ["Fedde Le Grand"], "Put Your Hands Up For Detroit", 402000),
    [px("Put Your Hands Up For Detroit", "Fedde Le Grand", "Put Your Hands Up For Detroit", 401000)], [0], N)
add("A7", "acoustic", P + "Viperinius/jellyfin-plugin-spotify-import#27",
    sp("Potions - Acoustic", ["SLANDER", "Said The Sky", "JT Roach"], "Potions (Acoustic)", 215000),
    [px("Potions", "SLANDER", "Potions", 208000, "SLANDER, Said The Sky & JT Roach"),
     px("Potions (Acoustic)", "SLANDER", "Potions (Acoustic)", 215000, "SLANDER, Said The Sky & JT Roach")], [1], N)
add("A8a", "artist-credit", P + "EbbLabs/mopidy-tidal#34",
    sp("Where Are Ü Now (with Justin Bieber)", ["Skrillex", "Diplo", "Justin Bieber"],
       "Skrillex and Diplo present Jack Ü", 250000),
    [px("Where Are Ü Now", "Jack Ü", "Skrillex and Diplo present Jack Ü", 250000, "Justin Bieber; Diplo; Skrillex")],
    [0], N + "; ';'-joined artists in another order")
add("A8b", "classical", P + "EbbLabs/mopidy-tidal#34",
    sp("Piano Sonata No. 14 in C-Sharp Minor, Op. 27 No. 2 \"Moonlight\": I. Adagio sostenuto - Remastered",
       ["Ludwig van Beethoven", "Wilhelm Kempff"], "Beethoven: Piano Sonatas", 362000),
    [px("Piano Sonata No. 14 in C-Sharp Minor, Op. 27 No. 2 \"Moonlight\": I. Adagio sostenuto", "Wilhelm Kempff",
        "Beethoven: Piano Sonatas", 361000)], [0], N)

# B. Different version must NOT match
add("B1", "acoustic", P + "Viperinius/jellyfin-plugin-spotify-import#27",
    sp("Matches (Acoustic)", [R], "", 201000), [px("Matches", R, "", 199000)], [], N)
add("B2a", "remix", P + "jjdenhertog/spotify-to-plex#16",
    sp("Titanium (feat. Sia)", ["David Guetta", "Sia"], "Nothing but the Beat", 245000),
    [px("Titanium (Alesso Remix)", "David Guetta", "Titanium (Remixes)", 247000),
     px("Titanium", "David Guetta", "Nothing but the Beat", 245000, "David Guetta feat. Sia")], [1], N)
add("B2b", "remix", P + "jjdenhertog/spotify-to-plex#16",
    sp("Titanium (feat. Sia)", ["David Guetta", "Sia"], "Nothing but the Beat", 245000),
    [px("Titanium (Alesso Remix)", "David Guetta", "Titanium (Remixes)", 247000)], [], N)
add("B3", "live", P + "jaylex32/Syncra#22",
    sp("Hotel California - 2013 Remaster", ["Eagles"], "Hotel California (2013 Remaster)", 391000),
    [px("Hotel California (Live)", "Eagles", "Hell Freezes Over", 396000),
     px("Hotel California", "Eagles", "The Very Best Of", 390000),
     px("Hotel California", "Eagles", "Hotel California", 391000)], [1, 2], N)
add("B4", "instrumental", P + "Nezreka/SoulSync PR#518",
    sp("In My Feelings", ["Drake"], "Scorpion", 218000),
    [px("In My Feelings (Instrumental)", "Drake", "Scorpion (Instrumentals)", 218000)], [], N)
add("B5a", "remix", P + "Nezreka/SoulSync PR#820",
    sp("Emerge - Junkie XL Remix", ["Fischerspooner"], "Emerge", 412000),
    [px("Emerge", "Fischerspooner", "#1", 289000), px("Emerge (Dave Clarke Remix)", "Fischerspooner", "Emerge", 410000)],
    [], N)
add("B5b", "remix", P + "Nezreka/SoulSync PR#820",
    sp("Base Title (Shazam Remix)", [R], "", 200000), [px("Base Title (southstar Remix)", R, "", 200000)], [], N)
add("B6", "live", P + "Nezreka/SoulSync PR#610",
    sp("Wonderwall - Live at Knebworth", ["Oasis"], "Knebworth 1996 (Live)", 275000),
    [px("Wonderwall", "Oasis", "Live at Knebworth", 275000)], [0], N + "; live album named on the release only")
add("B7", "remix", P + "mholzi/beatify#2284",
    sp("Paradise - Fedde le Grand Remix", ["Coldplay"], "Paradise (Remixes)", 290000),
    [px("Paradise (Tiësto Remix)", "Coldplay", "Paradise", 291000)], [], N)
for cid, title, cand in [("B8a", "Promises", "Promises (OFFAIAH Remix)"), ("B8b", "Free", "Free (Arielle Free Remix)"),
                         ("B8c", "Desire", "Desire (Calvin Harris VIP Mix)")]:
    add(cid, "remix", P + "mholzi/beatify#2284", sp(title, ["Calvin Harris"], "", 213000),
        [px(cand, "Calvin Harris", "", 214000)], [], N)
add("B8d", "extended", P + "mholzi/beatify#2284", sp("Miracle", ["Calvin Harris", "Ellie Goulding"], "Miracle", 186000),
    [px("Miracle (Extended)", "Calvin Harris", "Miracle (Extended)", 187000)], [], N)
add("B8e", "other-version", P + "mholzi/beatify#2284",
    sp("Miracle", ["Calvin Harris", "Ellie Goulding"], "Miracle", 186000),
    [px("Miracle (Church Version)", "Calvin Harris", "Miracle", 187000)], [], N)
add("B9", "live", P + "AuXBoX/Playlist-Lab#32",
    sp("Party In The U.S.A.", ["Miley Cyrus"], "The Time Of Our Lives", 202000),
    [px("Party in the U.S.A. (Live)", "Miley Cyrus", "Live at the O2", 205000),
     px("Party in the U.S.A. (Karaoke Version)", "Miley Cyrus", "Karaoke Hits", 202000),
     px("Party in the U.S.A.", "Miley Cyrus", "The Time of Our Lives", 202000)], [2], N)
add("B10a", "language", P + "spotify2tidal/spotify_to_tidal#148",
    sp("Base Title (English Version)", [R], "", 200000), [px("Base Title", R, "", 200000)], [], N)
add("B10b", "other-version", P + "spotify2tidal/spotify_to_tidal#148",
    sp("Base Title (Orchestral Version)", [R], "", 200000), [px("Base Title", R, "", 200000)], [], N)
add("B10c", "acoustic", P + "spotify2tidal/spotify_to_tidal#148",
    sp("Base Title - Acoustic", [R], "", 200000), [px("Base Title", R, "", 200000)], [], N)
add("B10d", "feat", P + "spotify2tidal/spotify_to_tidal#148",
    sp("Base Title (feat. Guest Singer)", [R, "Guest Singer"], "", 200000), [px("Base Title", R, "", 200000)], [0], N)

# C. Featured artists
for cid, title, base, artist in [("C1a", "Free (with Ellie Goulding)", "Free", R),
                                 ("C1b", "No Gravity (feat. Bava)", "No Gravity", R),
                                 ("C1c", "Escape (feat. Hayla)", "Escape", "Kx5"),
                                 ("C1d", "Gone Are The Days (feat. James Gillespie)", "Gone Are The Days", "Kygo")]:
    guest = title[title.index("(") + 1:-1].split(" ", 1)[1]
    add(cid, "feat", P + "jjdenhertog/spotify-to-plex#29", sp(title, [artist, guest], "", 210000),
        [px(base, artist, "", 210500)], [0], N)
add("C2", "feat", P + "jjdenhertog/spotify-to-plex#16",
    sp("Rather Be (feat. Jess Glynne)", ["Clean Bandit", "Jess Glynne"], "New Eyes", 227000),
    [px("Rather Be", "Clean Bandit", "New Eyes", 227000)], [0], N)
add("C3a", "feat", P + "DeviantEng/Cmdarr#6",
    sp("Life Long After Death (feat. badXchannels)", ["QUIX", "badXchannels"], "", 190000),
    [px("Life Long After Death", "QUIX", "", 190000)], [0], N)
add("C3b", "feat", P + "DeviantEng/Cmdarr#6",
    sp("Stay (with Alessia Cara)", ["Zedd", "Alessia Cara"], "Stay", 210000),
    [px("Stay", "Zedd", "Stay", 210000, "Zedd & Alessia Cara")], [0], N)
add("C4", "feat", P + "Viperinius/jellyfin-plugin-spotify-import#9",
    sp("Overdrive (feat. Norma Jean Martine)", [R, "Norma Jean Martine"], "", 195000),
    [px("Overdrive", R, "", 195000)], [0], N)
add("C5", "artist-credit", P + "Viperinius/jellyfin-plugin-spotify-import#43",
    sp("Secreto", ["Anuel AA", "KAROL G"], "Emmanuel", 258000),
    [px("Secreto", "Anuel AA", "Emmanuel", 258000, "Anuel AA & Karol G")], [0], N)
add("C6", "artist-credit", P + "Viperinius/jellyfin-plugin-spotify-import#43",
    sp("Después De La 1", ["Cris Mj", "FloyyMenor", "LOUKI"], "MJ", 180000),
    [px("Después De La 1", "Cris Mj", "MJ", 180000)], [0], N)
add("C7", "artist-credit", P + "Viperinius/jellyfin-plugin-spotify-import#56",
    sp("V.A.N", ["Bad Omens", "Poppy"], "CONCRETE JUNGLE [THE OST]", 201000),
    [px("V.A.N", "Bad Omens", "CONCRETE JUNGLE [THE OST]", 201000, "Bad Omens, Poppy")], [0], N)
add("C8", "artist-credit", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
    sp("SWAG", ["Justin Bieber"], "SWAG", 174000),
    [px("SWAG", "Justin Bieber", "SWAG", 174000, "Justin Bieber, Cash Cobain & Eddie Benjamin")], [0], N)

# D. Punctuation, apostrophes, case, &
add("D1", "punctuation", P + "cmathews393/spotify-to-plex#31",
    sp("93 'Til Infinity", ["Souls Of Mischief"], "93 'Til Infinity", 285000),
    [px("93 ’til Infinity", "Souls of Mischief", "93 ’til Infinity", 285000)], [0], N)
add("D2", "punctuation", P + "cmathews393/spotify-to-plex#31",
    sp("It Ain't Hard to Tell", ["Nas"], "Illmatic", 202000), [px("It Ain’t Hard to Tell", "Nas", "Illmatic", 202000)],
    [0], N)
add("D3", "punctuation", P + "cmathews393/spotify-to-plex#31",
    sp("What's The Difference", ["Dr. Dre", "Eminem", "Xzibit"], "2001", 244000),
    [px("What’s the Difference", "Dr. Dre", "2001", 244000)], [0], N)
add("D4", "punctuation", P + "jjdenhertog/spotify-to-plex#21",
    sp("C'est la vie", [R], "", 200000, ""), [px("C’est La Vie", R, "", 200000)], [0],
    N + "; the report names only a \"C'est …\" title (spotify track 4MsGEDdSdgs4lWSJQIIf8z)")
add("D5", "punctuation", P + "jjdenhertog/spotify-to-plex#102",
    sp("Choosin' Texas", ["Ella Langley"], "", 188000), [px("Choosin’ Texas", "Ella Langley", "", 188000)], [0], N)
for cid, a, b, credit in [("D6a", "DON'T WANNA", "DON’T WANNA", "Justin Bieber & Bakar"),
                          ("D6b", "LYIN'", "LYIN’", "Justin Bieber"),
                          ("D6c", "WHEN IT'S OVER", "WHEN IT’S OVER", "Justin Bieber")]:
    add(cid, "punctuation", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
        sp(a, ["Justin Bieber"], "SWAG", 160000), [px(b, "Justin Bieber", "SWAG", 160000, credit)], [0], N)
add("D7", "case", P + "bassrock/spotify-plex-playlists#2",
    sp("RODEO", ["Katja Krasavice"], "Bo$$ Bitch", 150000), [px("Rodeo", "Katja Krasavice", "Bo$$ Bitch", 150000)],
    [0], N)
add("D8", "case", P + "jaylex32/Syncra#25", sp("TRACK NAME", [R], "", 200000), [px("Track Name", R, "", 200000)], [0],
    N)
add("D9a", "punctuation", P + "tcgoetz/PlexMusicSync#2",
    sp("Don't Stop Me Now", ["Queen"], "Jazz", 209000), [px("Don‘t Stop Me Now", "Queen", "Jazz", 209000)], [0], N)
add("D9b", "punctuation", P + "tcgoetz/PlexMusicSync#2",
    sp("Ob-La-Di, Ob-La-Da", ["The Beatles"], "The Beatles", 188000),
    [px("Ob‐La‐Di, Ob‐La‐Da", "The Beatles", "The Beatles", 188000)], [0], N + "; U+2010 hyphens on the library side")
add("D10a", "punctuation", P + "Viperinius/jellyfin-plugin-spotify-import#72",
    sp("Rock & Roll", ["Led Zeppelin"], "Led Zeppelin IV", 220000),
    [px("Rock & Roll", "Led Zeppelin", "Led Zeppelin IV", 220000)], [0], N)
add("D10b", "accents", P + "Viperinius/jellyfin-plugin-spotify-import#72",
    sp("L'été indien", ["Joe Dassin"], "L'album de sa vie", 236000),
    [px("L’été indien", "Joe Dassin", "L’album de sa vie", 236000)], [0], N)
add("D11", "punctuation", P + "jjdenhertog/spotify-to-plex#1",
    sp("It's Not Right But It's Okay", ["Mr. Belt & Wezol"], "", 170000),
    [px("It’s Not Right but It’s Okay", "Mr. Belt & Wezol", "", 170000)], [0], N)
add("D12", "ampersand", P + "DeepMatcher iTunes-Amazon (reference folder)",
    sp("The Back Roads and the Back Row", ["Cole Swindell"], "You Should Be Here", 205000),
    [px("The Back Roads & The Back Row", "Cole Swindell", "You Should Be Here", 205000)], [0], N)
add("D13", "artist-credit", P + "LMS-Community/slimserver#1474",
    sp("September Fifteenth", ["Pat Metheny", "Lyle Mays"], "As Falls Wichita, So Falls Wichita Falls", 466000),
    [px("September Fifteenth", "Pat Metheny & Lyle Mays", "As Falls Wichita, So Falls Wichita Falls", 466000)], [0],
    N + "; album artist with '&' credits both")

# E. Diacritics and non-Latin scripts
add("E1", "accents", P + "jjdenhertog/spotify-to-plex#1",
    sp("Écoutez-moi", ["Claude"], "", 180000), [px("Ecoutez-moi", "Claude", "", 180000)], [0], N)
add("E2a", "accents", P + "jjdenhertog/spotify-to-plex#100",
    sp("Möge die Straße", ["Die Priester"], "Spiritus Dei", 200000),
    [px("Möge die Straße", "Die Priester", "Spiritus Dei", 200000)], [0], N)
add("E2b", "accents", P + "jjdenhertog/spotify-to-plex#100",
    sp("Möge die Straße", ["Die Priester"], "Spiritus Dei", 200000),
    [px("Moege die Strasse", "Die Priester", "Spiritus Dei", 200000)], [0], N + "; 'oe' transliteration")
add("E3", "non-latin", P + "jjdenhertog/spotify-to-plex#28",
    sp("Shinunoga E-Wa", ["Fujii Kaze"], "HELP EVER HURT NEVER", 185000),
    [px("Shinunoga E-Wa", "藤井風", "HELP EVER HURT NEVER", 185000)], [0], N)
add("E4", "non-latin", P + "mholzi/beatify#1957",
    sp("紅蓮華", ["LiSA"], "LEO-NiNE", 238000), [px("Gurenge", "LiSA", "LEO-NiNE", 238000)], [0], N)
add("E5", "non-latin", P + "mholzi/beatify#1957",
    sp("百花繚乱", ["Lilas"], "", 230000), [px("In Bloom", "Lilas", "", 230000)], [0], N + "; translated title")
add("E6", "non-latin", P + "mholzi/beatify#1957",
    sp("Guren no Yumiya Tv Size Ver.", ["Linked Horizon"], "", 90000),
    [px("紅蓮の弓矢 (TVサイズver.)", "Linked Horizon", "", 90000)], [0], N)
add("E7", "non-latin", P + "mholzi/beatify#1957",
    sp("Lovers", ["7!!"], "", 250000), [px("Lovers", "Seven Oops", "", 250000)], [0], N + "; artist '7!!' vs 'seven oops'")
add("E8", "non-latin", P + "mholzi/beatify#1957",
    sp("Attack on Titan", ["Hiroyuki Sawano"], "", 240000), [px("ətˈæk 0N tάɪtn", "Hiroyuki Sawano", "", 240000)], [0],
    N + "; official stylised title")
add("E9", "non-latin", P + "mholzi/beatify#1957",
    sp("Kizuna", ["Yasuharu Takanashi"], "", 150000), [px("Bonds", "Yasuharu Takanashi", "", 150000)], [0],
    N + "; translated title (絆)")
for cid, a, b in [("E10a", "Titan♀～9chiku", "巨♀〜9地区"), ("E10b", "Vogel Im Kafig", "Vogel im Käfig"),
                  ("E10c", "Rittaikidou", "立body機motion")]:
    add(cid, "non-latin", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
        sp(a, ["Hiroyuki Sawano"], "", 300000), [px(b, "澤野弘之", "", 300000)], [0], N)
for cid, a, b in [("E11a", "損と嘘", "Son to Uso"), ("E11b", "流星 （一人連弾 Ver）", "Ryusei (Hitori Rendan Ver.)"),
                  ("E11c", "涙で雪は穴だらけ", "Namida de Yuki wa Anadarake")]:
    add(cid, "non-latin", P + "spotbye/SpotiFLAC#52", sp(a, ["Yoeko Kurahashi"], "", 220000),
        [px(b, "Yoeko Kurahashi", "", 220000)], [0], N + "; romaji on the library side")
add("E12", "language", P + "spotbye/SpotiFLAC#318",
    sp("Oh!", ["Girls' Generation"], "GIRLS' GENERATION", 189000),
    [px("Oh!", "Girls' Generation", "Oh!", 190000)], [],
    N + "; Japanese vs Korean recording with identical metadata: not separable without IDs")
add("E13", "feat", P + "spotbye/SpotiFLAC#318",
    sp("Little Apple", ["Chopstick Brothers"], "Little Apple", 212000),
    [px("Little Apple (feat. T-ara)", "Chopstick Brothers", "Little Apple", 213000)], [], N)
add("E14a", "album", P + "Viperinius/jellyfin-plugin-spotify-import#20",
    sp("Guilty", ["TAEMIN"], "Guilty - The 4th Mini Album", 200000), [px("Guilty", "TAEMIN", "Guilty", 200000)], [0], N)
add("E14b", "album", P + "Viperinius/jellyfin-plugin-spotify-import#20",
    sp("To. X", ["TAEYEON"], "To. X - The 5th Mini Album", 190000), [px("To. X", "TAEYEON", "To. X", 190000)], [0], N)

# F. Compilations, album artist, soundtracks
add("F1", "various-artists", P + "AuXBoX/Playlist-Lab#30",
    sp("Bohemian Like You", ["The Dandy Warhols"], "Thirteen Tales From Urban Bohemia", 211000),
    [px("Bohemian Like You", "Various Artists", "Now That's What I Call Music! 48", 211000, "The Dandy Warhols")], [0],
    N + "; also AuXBoX/Playlist-Lab#26")
add("F2", "various-artists", P + "rnagabhyrava/plex-playlist-sync#52",
    sp("Lovefool", ["The Cardigans"], "First Band On The Moon", 198000),
    [px("Lovefool", "Various Artists", "Ultimate 90s", 199000, "The Cardigans")], [0], N)
add("F3", "various-artists", P + "Nezreka/SoulSync PR#451",
    sp("Where You Are", ["Christopher Jackson", "Nicole Scherzinger", "Auli'i Cravalho", "Rachel House"],
       "Moana (Original Motion Picture Soundtrack)", 264000),
    [px("Where You Are", "Lin-Manuel Miranda", "Vaiana (Original Motion Picture Soundtrack)", 264000,
        "Christopher Jackson")], [0], N)
add("F4", "various-artists", P + "Nezreka/SoulSync PR#544",
    sp("City Lights", ["Eclypse"], "High Tea Music: Vol 1", 250000),
    [px("City Lights", "Andromedik", "High Tea Music: Vol 1", 250000, "Eclypse")], [0], N)
add("F5", "various-artists", P + "regosen/get_cover_art#11",
    sp("Jamie", ["Eddie Holland"], "Hitsville USA - The Motown Singles Collection 1959-1971", 160000),
    [px("Jamie", "Various Artists", "Hitsville USA - The Motown Singles Collection 1959-1971", 160000, "Eddie Holland")],
    [0], N)
add("F6", "album", P + "Viperinius/jellyfin-plugin-spotify-import#24",
    sp("Another Love", ["OsTEKKe"], "Another Love", 180000), [px("Another Love", "OsTEKKe", "Summer Sessions", 180000)],
    [0], N)
add("F7", "album", P + "Nezreka/SoulSync#1263",
    sp("Opening", [R], "Collected Works Vol. 1", 200000), [px("Opening", R, "Collected Works (Vol. 1)", 200000)], [0], N)

# G. Same title, different song / artist
add("G1a", "cover", P + "jjdenhertog/spotify-to-plex#67",
    sp("Sweet Dreams (Are Made of This) - Remastered", ["Eurythmics", "Annie Lennox", "Dave Stewart"],
       "Sweet Dreams (Are Made Of This)", 216000),
    [px("Sweet Dreams (Are Made of This)", "Marilyn Manson", "Smells Like Children", 293000),
     px("Sweet Dreams (Are Made of This)", "Weezer", "Weezer (Teal Album)", 220000),
     px("Sweet Dreams (Are Made of This)", "Eurythmics", "Sweet Dreams (Are Made of This)", 217000)], [2])
add("G1b", "cover", P + "jjdenhertog/spotify-to-plex#67",
    sp("Sweet Dreams (Are Made of This) - Remastered", ["Eurythmics", "Annie Lennox", "Dave Stewart"],
       "Sweet Dreams (Are Made Of This)", 216000),
    [px("Sweet Dreams (Are Made of This)", "Marilyn Manson", "Smells Like Children", 293000),
     px("Sweet Dreams (Are Made of This)", "Weezer", "Weezer (Teal Album)", 220000)], [])
add("G2", "other-song", P + "jjdenhertog/spotify-to-plex#86",
    sp("Hide Away", ["Daya"], "Sit Still, Look Pretty", 195000),
    [px("Don't Let Me Down", "The Chainsmokers", "Collage", 208000, "The Chainsmokers feat. Daya")], [])
add("G3", "same-title-other-artist", P + "Nezreka/SoulSync#670",
    sp("Light Years", ["Jamiroquai"], "Light Years", 240000), [px("Light Years", "Gut", "", 241000)], [])
add("G4", "same-title-other-artist", P + "rnagabhyrava/plex-playlist-sync#75",
    sp("Hurt", ["Nine Inch Nails"], "The Downward Spiral", 373000),
    [px("Hurt", "Johnny Cash", "American IV: The Man Comes Around", 218000)], [])
add("G5", "other-song", P + "Nezreka/SoulSync#769",
    sp("Dani California", ["Red Hot Chili Peppers"], "Stadium Arcadium", 282000),
    [px("Californication", "Red Hot Chili Peppers", "Californication", 329000),
     px("Scar Tissue", "Red Hot Chili Peppers", "Californication", 217000)], [])
add("G6", "other-song", P + "TheOutdoorProgrammer/crate#2",
    sp("The Story", ["Ab Ovo"], "", 240000), [px("The Story of OVO", "Peter Gabriel", "Ovo", 240000)], [])
add("G7", "other-song", P + "mholzi/beatify#2284",
    sp("Adieu", ["Tchami"], "", 200000), [px("Deus", "Tchami", "", 200000)], [])
add("G8", "same-title-other-artist", P + "Gyarbij/Plexist#2",
    sp("Stay", ["Rihanna", "Mikky Ekko"], "Unapologetic", 240000), [px("Stay", "Zedd", "Stay", 210000)], [])
add("G9", "artist-credit", P + "Nezreka/SoulSync tests/matching/test_audio_verification_real_corpus.py",
    sp("Torture", ["Michael Jackson"], "Victory", 295000), [px("Torture", "The Jacksons", "Victory", 295000)], [0], N)

# H. Artist-name form
add("H1", "artist-form", P + "jjdenhertog/spotify-to-plex#74",
    sp("Heatwave", ["M I I L"], "", 200000), [px("Heatwave", "MIIL", "", 200000)], [0], N)
add("H2", "exact", P + "Viperinius/jellyfin-plugin-spotify-import#34",
    sp("You Make My Dreams (Come True)", ["Daryl Hall & John Oates"], "Voices", 190000),
    [px("You Make My Dreams (Come True)", "Daryl Hall & John Oates", "Voices", 190000)], [0], N)
add("H3", "the", P + "music-assistant/server PR#323",
    sp("Let It Be", ["The Beatles"], "Let It Be", 243000), [px("Let It Be", "Beatles", "Let It Be", 243000)], [0], N)
add("H4", "the", P + "Lidarr/Lidarr#268",
    sp("Mr. Brightside", ["Killers"], "Hot Fuss", 222000), [px("Mr. Brightside", "The Killers", "Hot Fuss", 222000)],
    [0], N)

# I. Classical
add("I1", "classical", P + "jjdenhertog/spotify-to-plex#104",
    sp("Symphony No. 5 in C Minor, Op. 67: I. Allegro con brio",
       ["Ludwig van Beethoven", "Berliner Philharmoniker", "Herbert von Karajan"], "Beethoven: Symphonies 5 & 7",
       447000),
    [px("Symphony No. 5 in C minor, Op. 67: I. Allegro con brio", "Herbert von Karajan", "Beethoven: Symphony No. 5",
        446000, "Berliner Philharmoniker; Herbert von Karajan")], [0], N)
add("I2", "classical", P + "epoupon/lms#834",
    sp("Piano Sonata No. 17 in D Minor, Op. 31 No. 2 \"The Tempest\": I. Largo - Allegro",
       ["Ludwig van Beethoven", "Daniel Barenboim"], "Beethoven: Piano Sonatas", 540000),
    [px("i Largo - Allegro", "Daniel Barenboim", "Beethoven: Piano Sonatas", 540000)], [0], N + "; movement-only title")

# J. ISRC caveats
add("J1", "isrc", P + "SilentVoid13/SyncDisBoi PR#40",
    sp("Heroes - 2017 Remaster", ["David Bowie"], "\"Heroes\" (2017 Remaster)", 371000, "USJT11700001"),
    [px("\"Heroes\"", "David Bowie", "\"Heroes\"", 370000, guids=["isrc://GBAYE7700011"])], [0],
    "different ISRCs for the same recording (remaster) must not veto")
add("J2", "isrc", P + "spotify2tidal/spotify_to_tidal PR#125",
    sp("Kizuna", ["Yasuharu Takanashi"], "", 150000, "JPPC00912345"),
    [px("Bonds", "Yasuharu Takanashi", "", 150000, guids=["isrc://JPPC00912345"])], [0],
    "translated title, ISRC equal (ISRC value illustrative)")
add("J3", "duration", P + "EbbLabs/mopidy-tidal#34",
    sp("Harder, Better, Faster, Stronger", ["Daft Punk"], "Discovery", 224000),
    [px("Harder, Better, Faster, Stronger", "Daft Punk", "Alive 2007", 338000),
     px("Harder, Better, Faster, Stronger", "Daft Punk", "Discovery", 224000)], [1],
    "duration separates the album cut from a longer undescribed one")

# K. DeepMatcher pairs
D = P + "DeepMatcher itunes-amazon pairs_detokenized.csv"
add("K1", "duration", D, sp("Here's to the Good Times", ["Florida Georgia Line"], "Here's to the Good Times", 251000),
    [px("Here's To The Good Times", "Florida Georgia Line", "Here's To The Good Times", 250000)], [0])
add("K2", "album", D, sp("45", ["Shinedown"], "Leave a Whisper", 249000),
    [px("45", "Shinedown", "Leave A Whisper", 249000)], [0])
add("K3", "album", D, sp("X2CU", ["Jason Derulo"], "Everything Is 4", 200000),
    [px("X2CU", "Jason Derulo", "Everything Is 4 [Clean]", 200000)], [0])
add("K4", "punctuation", D, sp("I Don't Believe You (Main Version)", ["P!NK"], "Funhouse", 276000),
    [px("I Don't Believe You", "P!nk", "Funhouse", 276000)], [0])
add("K5", "remix", D, sp("Take Ü There (feat. Kiesza) [Missy Elliott Remix] [Bonus Track]", ["Skrillex & Diplo"],
                         "Skrillex and Diplo present Jack Ü", 240000),
    [px("Take Ü There (feat. Kiesza) [Missy Elliott Remix] [Bonus Track]", "Skrillex, Diplo",
        "Skrillex and Diplo present Jack Ü", 240000)], [0])
add("K6", "live", D, sp("The A Team (Live)", ["Ed Sheeran"], "", 301000), [px("The A Team", "Ed Sheeran", "+", 258000)],
    [])
add("K7", "karaoke", D, sp("Bad Blood (Karaoke Version)", ["Taylor Swift"], "", 209000),
    [px("Bad Blood", "Taylor Swift", "1989", 211000)], [])
add("K8", "demo", D, sp("Fake (Demo)", ["Shinedown"], "", 230000), [px("Fake", "Shinedown", "", 231000)], [])
add("K9", "live", D, sp("Fly from the Inside (Live Acoustic from WXDX, Pittsburgh)", ["Shinedown"], "", 239000),
    [px("Fly From The Inside", "Shinedown", "Leave A Whisper", 235000)], [])
add("K10", "other-version", D, sp("Teardrops On My Guitar (Pop Version)", ["Taylor Swift"], "", 179000),
    [px("Teardrops On My Guitar (Radio Single Remix)", "Taylor Swift", "", 179000)], [])
add("K11", "duration", D, sp("Sweet Spot 2.0 (feat. Jennifer Lopez)", ["Flo Rida", "Jennifer Lopez"], "", 191000),
    [px("Sweet Spot (feat. Jennifer Lopez)", "Flo Rida", "", 228000)], [], "published as a positive; 37 s apart")

# ---------------------------------------------------------------------------------------------
# Rule-made cases over real songs.
# ---------------------------------------------------------------------------------------------
SEEDS = [
    ("Bohemian Rhapsody", ["Queen"], "A Night at the Opera", 354000),
    ("Hey Jude", ["The Beatles"], "Hey Jude", 431000),
    ("Billie Jean", ["Michael Jackson"], "Thriller", 294000),
    ("Smells Like Teen Spirit", ["Nirvana"], "Nevermind", 301000),
    ("Rolling in the Deep", ["Adele"], "21", 228000),
    ("Mr. Brightside", ["The Killers"], "Hot Fuss", 222000),
    ("Wonderwall", ["Oasis"], "(What's the Story) Morning Glory?", 258000),
    ("Seven Nation Army", ["The White Stripes"], "Elephant", 232000),
    ("Uptown Funk", ["Mark Ronson", "Bruno Mars"], "Uptown Special", 270000),
    ("Shape of You", ["Ed Sheeran"], "÷", 233000),
    ("Blinding Lights", ["The Weeknd"], "After Hours", 200000),
    ("bad guy", ["Billie Eilish"], "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?", 194000),
    ("Hotel California", ["Eagles"], "Hotel California", 391000),
    ("Sweet Child O' Mine", ["Guns N' Roses"], "Appetite for Destruction", 356000),
    ("Purple Rain", ["Prince", "The Revolution"], "Purple Rain", 521000),
    ("Wannabe", ["Spice Girls"], "Spice", 173000),
    ("Take On Me", ["a-ha"], "Hunting High and Low", 225000),
    ("Africa", ["TOTO"], "Toto IV", 295000),
    ("Dancing Queen", ["ABBA"], "Arrival", 231000),
    ("September", ["Earth, Wind & Fire"], "The Best of Earth, Wind & Fire, Vol. 1", 215000),
    ("The Sound of Silence", ["Simon & Garfunkel"], "Sounds of Silence", 185000),
    ("Under Pressure", ["Queen", "David Bowie"], "Hot Space", 248000),
    ("Lose Yourself", ["Eminem"], "8 Mile", 326000),
    ("Crazy In Love (feat. JAY-Z)", ["Beyoncé", "JAY-Z"], "Dangerously In Love", 236000),
    ("Somebody That I Used To Know", ["Gotye", "Kimbra"], "Making Mirrors", 244000),
    ("Get Lucky (feat. Pharrell Williams & Nile Rodgers)", ["Daft Punk", "Pharrell Williams", "Nile Rodgers"],
     "Random Access Memories", 369000),
    ("Despacito", ["Luis Fonsi", "Daddy Yankee"], "VIDA", 229000),
    ("Jóga", ["Björk"], "Homogenic", 305000),
    ("Hoppípolla", ["Sigur Rós"], "Takk...", 268000),
    ("Dynamite", ["BTS"], "BE", 199000),
    ("夜に駆ける", ["YOASOBI"], "THE BOOK", 261000),
    ("Lemon", ["米津玄師"], "STRAY SHEEP", 255000),
    ("馬と鹿", ["米津玄師"], "STRAY SHEEP", 250000),
    ("Кукла колдуна", ["Король и Шут"], "Акустический альбом", 203000),
    ("Τα παιδιά του Πειραιά", ["Μελίνα Μερκούρη"], "Never on Sunday", 180000),
    ("Mr. Blue Sky", ["Electric Light Orchestra"], "Out of the Blue", 303000),
    ("Nothing Else Matters", ["Metallica"], "Metallica", 388000),
    ("Creep", ["Radiohead"], "Pablo Honey", 238000),
    ("Don't Look Back in Anger", ["Oasis"], "(What's the Story) Morning Glory?", 288000),
    ("Señorita", ["Shawn Mendes", "Camila Cabello"], "Señorita", 191000),
    ("Halo", ["Beyoncé"], "I AM...SASHA FIERCE", 261000),
    ("Yesterday", ["The Beatles"], "Help!", 125000),
    ("Believe", ["Cher"], "Believe", 239000),
    ("Mrs. Robinson", ["Simon & Garfunkel"], "Bookends", 244000),
    ("Fix You", ["Coldplay"], "X&Y", 295000),
    ("Heroes", ["David Bowie"], "\"Heroes\"", 371000),
    ("La Vie en rose", ["Édith Piaf"], "La Vie en rose", 188000),
    ("Ça plane pour moi", ["Plastic Bertrand"], "An 1", 181000),
]
COVER_ARTISTS = ["The Midnight Tribute Band", "Postmodern Jukebox", "Karaoke All Stars", "Vitamin String Quartet",
                 "Scott Bradlee", "Boyce Avenue"]


def base_of(title):
    i = title.find(" (feat.")
    return title if i < 0 else title[:i]


def apostrophe_swap(s):
    return s.replace("'", "’") if "'" in s else s.replace("’", "'")


def strip_accents(s):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


for n, (title, artists, album, ms) in enumerate(SEEDS):
    a0 = artists[0]
    base = base_of(title)
    tag = f"S{n + 1:02d}"

    def spot(name=title, arts=None, alb=album, dur=ms):
        return sp(name, arts or artists, alb, dur)

    add(tag + "-exact", "exact", "rule:identical", spot(), [px(base, a0, album, ms)], [0])
    add(tag + "-remaster", "remaster", "rule:remaster-suffix-added",
        spot(name=base + " - Remastered 2011" if n % 2 else base + " (2015 Remaster)"),
        [px(base, a0, album, ms + 600)], [0])
    add(tag + "-remaster-lib", "remaster", "rule:remaster-suffix-on-library",
        spot(name=base), [px(base + " (Remastered)", a0, album + " (Remastered)", ms - 900)], [0])
    add(tag + "-duration", "duration", "rule:duration-shift-0-3s",
        spot(), [px(base, a0, album, ms + [0, 1500, 2900, -2500, -1000][n % 5])], [0])
    add(tag + "-duration-veto", "duration", "rule:duration-far-no-descriptor",
        spot(), [px(base, a0, album, ms + 45000 + 1000 * (n % 7))], [],
        "same title and artist, 45+ s longer with no descriptor: another cut")
    if len(artists) > 1 and "(feat." not in title:
        add(tag + "-feat", "feat", "rule:feat-moved-to-title",
            spot(name=f"{base} (feat. {artists[1]})"), [px(base, a0, album, ms)], [0])
        add(tag + "-feat-credit", "feat", "rule:feat-in-plex-credit",
            spot(), [px(base, a0, album, ms, f"{a0} feat. {artists[1]}")], [0])
    if "(feat." in title:
        add(tag + "-feat", "feat", "rule:feat-removed-from-library-title",
            spot(), [px(base, a0, album, ms)], [0])
        add(tag + "-feat-lib", "feat", "rule:feat-in-library-title-spotify-plain",
            spot(name=base), [px(title, a0, album, ms)], [0])
    if "'" in title or "’" in title:
        add(tag + "-quotes", "punctuation", "rule:curly-vs-straight",
            spot(), [px(apostrophe_swap(base), a0, apostrophe_swap(album), ms)], [0])
    if strip_accents(title) != title or strip_accents(a0) != a0:
        add(tag + "-accents", "accents", "rule:accents-dropped",
            spot(), [px(strip_accents(base), strip_accents(a0), strip_accents(album), ms)], [0])
    if a0.startswith("The "):
        add(tag + "-the", "the", "rule:the-dropped", spot(), [px(base, a0[4:], album, ms)], [0])
    if "&" in a0 or "&" in title:
        add(tag + "-amp", "ampersand", "rule:ampersand-to-and",
            spot(), [px(base.replace("&", "and"), a0.replace("&", "and"), album.replace("&", "and"), ms)], [0])
    if n % 2 == 0:
        add(tag + "-case", "case", "rule:upper-case", spot(), [px(base.upper(), a0.upper(), album.upper(), ms)], [0])
    add(tag + "-va", "various-artists", "rule:various-artists-compilation",
        spot(), [px(base, "Various Artists", "Now That's What I Call Music! " + str(40 + n), ms + 1000, a0)], [0])
    add(tag + "-copies", "album", "rule:album-and-best-of-copy",
        spot(), [px(base, a0, "Greatest Hits", ms - 500), px(base, a0, album, ms)], [0, 1])

    # Hard negatives: a different recording of the same song, alone and next to the original.
    sibling = [(" (Live)", "live", "Live at Wembley", 4000), (" - Live at Glastonbury 2004", "live", "Live", 2000),
               (" (Acoustic)", "acoustic", album, -3000), (" (Instrumental)", "instrumental", album, 0),
               (" (Karaoke Version)", "karaoke", "Karaoke Hits", 1000), (" (Demo)", "demo", album + " (Deluxe)", -1500),
               (" (Extended Mix)", "extended", "Club Hits", 6000), (" - Sped Up", "sped-up", "Sped Up Hits", -7000),
               (" (Radio Edit)", "edit", album, -6500), (" (Remix)", "remix", album + " (Remixes)", 3000),
               (" (Taylor's Version)", "re-recorded", album + " (Taylor's Version)", 1000),
               (" (Piano Version)", "other-version", "Piano Covers", 2000)]
    suffix, cat, salb, dd = sibling[n % len(sibling)]
    add(tag + "-" + cat + "-only", cat, "rule:sibling-only", spot(), [px(base + suffix, a0, salb, ms + dd)], [])
    suffix2, cat2, salb2, dd2 = sibling[(n + 5) % len(sibling)]
    add(tag + "-" + cat2 + "-sibling", cat2, "rule:sibling-next-to-original", spot(),
        [px(base + suffix2, a0, salb2, ms + dd2), px(base, a0, album, ms)], [1])
    # The same different recording on both sides matches.
    suffix3, cat3, salb3, dd3 = sibling[(n + 3) % len(sibling)]
    add(tag + "-" + cat3 + "-both", cat3, "rule:same-version-both-sides",
        spot(name=base + suffix3.replace(" (", " - ").rstrip(")") if n % 2 else base + suffix3, alb=salb3, dur=ms + dd3),
        [px(base, a0, album, ms), px(base + suffix3, a0, salb3, ms + dd3)], [1])
    # A cover: same title, another artist, alone and next to the original.
    cover = COVER_ARTISTS[n % len(COVER_ARTISTS)]
    add(tag + "-cover-only", "cover", "rule:cover-only", spot(), [px(base, cover, "Covers Vol. 2", ms + 4000)], [])
    add(tag + "-cover-sibling", "cover", "rule:cover-next-to-original", spot(),
        [px(base, cover, "Covers Vol. 2", ms + 1000), px(base, a0, album, ms + 500)], [1])
    # Missing from the library: other songs by the same artist come back from the search.
    others = [s for s in SEEDS if s[1][0] == a0 and s[0] != title]
    pool = [px(base_of(o[0]), a0, o[2], o[3]) for o in others[:2]]
    pool.append(px(base + " Interlude", a0, album, 60000))
    add(tag + "-missing", "other-song", "rule:absent-other-songs-returned", spot(), pool, [])

# ---------------------------------------------------------------------------------------------
# Hand-written edge cases.
# ---------------------------------------------------------------------------------------------
H = "hand:"
add("H-short-1", "short-numeric", H + "numeric-title", sp("1979", ["The Smashing Pumpkins"], "Mellon Collie", 266000),
    [px("1979 (Remastered 2012)", "The Smashing Pumpkins", "Mellon Collie and the Infinite Sadness", 266000)], [0])
add("H-short-2", "short-numeric", H + "numeric-title", sp("22", ["Taylor Swift"], "Red", 232000),
    [px("23", "Taylor Swift", "Red", 232000)], [])
add("H-short-3", "short-numeric", H + "numeric-title", sp("Song 2", ["Blur"], "Blur", 122000),
    [px("Song", "Blur", "Blur", 122000)], [])
add("H-short-4", "short-numeric", H + "numeric-title", sp("Song 2", ["Blur"], "Blur", 122000),
    [px("Song 2 - 2012 Remaster", "Blur", "Blur", 121000)], [0])
add("H-short-5", "short-numeric", H + "short-title", sp("One", ["U2"], "Achtung Baby", 276000),
    [px("One", "Metallica", "...And Justice for All", 446000), px("One (Remastered)", "U2", "Achtung Baby", 276000)], [1])
add("H-short-6", "short-numeric", H + "short-title", sp("Hello", ["Adele"], "25", 295000),
    [px("Hello", "Lionel Richie", "Can't Slow Down", 250000)], [])
add("H-short-7", "short-numeric", H + "short-title", sp("Free", ["Florence + The Machine"], "Dance Fever", 234000),
    [px("Freed", "Florence + The Machine", "", 234000)], [])
add("H-short-8", "short-numeric", H + "short-title", sp("Oh!", ["Girls' Generation"], "Oh!", 190000),
    [px("Oh!", "Girls’ Generation", "Oh!", 190000)], [0])
add("H-short-9", "short-numeric", H + "short-title", sp("7", ["Prince"], "Love Symbol", 304000),
    [px("7 rings", "Ariana Grande", "thank u, next", 179000)], [])
add("H-believe-1", "other-song", H + "believe-vs-believe-in-me", sp("Believe", ["Cher"], "Believe", 239000),
    [px("Believe In Me", "Cher", "Living Proof", 239000)], [])
add("H-believe-2", "other-song", H + "prefix-title", sp("Believer", ["Imagine Dragons"], "Evolve", 204000),
    [px("Believe", "Imagine Dragons", "", 204000)], [])
add("H-yesterday", "other-song", H + "SoulSync#1159", sp("Yesterday", ["The Beatles"], "Help!", 125000),
    [px("Hey Jude", "The Beatles", "Hey Jude", 431000), px("Yesterday... and Today", "The Beatles", "", 130000)], [])
add("H-toms-diner", "remix", H + "remix-by-other-artist", sp("Tom's Diner", ["Suzanne Vega"], "Solitude Standing", 129000),
    [px("Tom's Diner (DNA Remix)", "DNA", "Tom's Diner", 223000, "DNA feat. Suzanne Vega")], [])
add("H-nonlatin-1", "non-latin", H + "non-latin-other-title", sp("夜に駆ける", ["YOASOBI"], "THE BOOK", 261000),
    [px("群青", "YOASOBI", "THE BOOK", 249000), px("怪物", "YOASOBI", "THE BOOK", 205000)], [])
add("H-nonlatin-2", "non-latin", H + "non-latin-same-duration", sp("馬と鹿", ["米津玄師"], "STRAY SHEEP", 250000),
    [px("感電", "米津玄師", "STRAY SHEEP", 250000)], [], "same artist, same album, same length, another song")
add("H-nonlatin-3", "non-latin", H + "cyrillic-exact", sp("Группа крови", ["Кино"], "Группа крови", 286000),
    [px("Группа Крови", "КИНО", "Группа Крови", 286000)], [0])
add("H-nonlatin-4", "non-latin", H + "hebrew", sp("הללויה", ["Gali Atari"], "", 184000),
    [px("הללויה", "Gali Atari", "", 184000), px("הללויה (Live)", "Gali Atari", "", 190000)], [0])
add("H-nonlatin-5", "non-latin", H + "arabic-other-song", sp("تملي معاك", ["Amr Diab"], "", 300000),
    [px("نور العين", "Amr Diab", "", 300500)], [])
add("H-nonlatin-6", "non-latin", H + "korean-romanised-artist", sp("봄날", ["BTS"], "YOU NEVER WALK ALONE", 274000),
    [px("봄날", "방탄소년단", "YOU NEVER WALK ALONE", 274000)], [0])
add("H-punct-1", "punctuation", H + "title-only-punctuation", sp("?", ["Taeko Ohnuki"], "", 200000),
    [px("!", "Taeko Ohnuki", "", 200000)], [])
add("H-punct-2", "punctuation", H + "ellipsis", sp("...Baby One More Time", ["Britney Spears"], "", 211000),
    [px("…Baby One More Time", "Britney Spears", "", 211000)], [0])
add("H-punct-3", "punctuation", H + "dotted-name", sp("Ms. Jackson", ["Outkast"], "Stankonia", 270000),
    [px("Ms Jackson", "OutKast", "Stankonia", 270000)], [0])
add("H-punct-4", "punctuation", H + "spaced-dash", sp("Rock-a-Bye Baby", [R], "", 120000),
    [px("Rock‑a‑Bye Baby", R, "", 120000)], [0])
add("H-va-1", "various-artists", H + "va-without-track-artist",
    sp("Bohemian Like You", ["The Dandy Warhols"], "", 211000),
    [px("Bohemian Like You", "Various Artists", "Indie Anthems", 211000)], [0],
    "compilation copy without a track artist: title and duration agree exactly")
add("H-va-2", "various-artists", H + "va-other-artist-on-compilation",
    sp("Bohemian Like You", ["The Dandy Warhols"], "", 211000),
    [px("Bohemian Like You", "Various Artists", "Indie Anthems", 240000, "Cover Band")], [])
add("H-missing-1", "other-song", H + "absent-unrelated", sp("Nothing Like It", ["Unknown Artist"], "", 200000),
    [px("Something Else", "Another Artist", "", 200000), px("Nothing", "Unknown Artist", "", 150000)], [])
add("H-empty", "other-song", H + "no-candidates", sp("Not In Library", ["Someone"], "", 200000), [], [])
add("H-fade-1", "duration", H + "compilation-fade", sp("Bohemian Like You", ["The Dandy Warhols"], "", 211000),
    [px("Bohemian Like You", "Various Artists", "Indie Anthems", 205500, "The Dandy Warhols")], [0],
    "same recording faded out 5.5 s early on a compilation")
add("H-fade-2", "duration", H + "compilation-fade", sp("Mr. Blue Sky", ["Electric Light Orchestra"], "", 303000),
    [px("Mr. Blue Sky", "Electric Light Orchestra", "All Over the World", 296000)], [0],
    "same recording, 7 s shorter fade on a best-of")
add("H-fade-3", "duration", H + "gapless-split", sp("Eclipse", ["Pink Floyd"], "The Dark Side of the Moon", 123000),
    [px("Eclipse", "Pink Floyd", "The Dark Side of the Moon", 129500)], [0],
    "gapless album split differently: 6.5 s of the previous track's tail")
add("H-generic-1", "other-song", H + "generic-title", sp("Intro", ["The xx"], "xx", 127000),
    [px("Intro", "The xx", "Coexist", 121000)], [], "same generic title, same artist, another album: another song")
add("H-generic-2", "other-song", H + "generic-title", sp("Interlude", ["Kendrick Lamar"], "Section.80", 120000),
    [px("Interlude", "Kendrick Lamar", "untitled unmastered.", 118500)], [],
    "generic title on another album, lengths 1.5 s apart")
add("H-generic-3", "exact", H + "generic-title", sp("Intro", ["The xx"], "xx", 127000),
    [px("Intro", "The xx", "Coexist", 121000), px("Intro", "The xx", "xx", 127500)], [1])
add("H-album-version-1", "re-recorded", H + "re-recording-on-album-only",
    sp("Love Story", ["Taylor Swift"], "Fearless (Platinum Edition)", 235000),
    [px("Love Story", "Taylor Swift", "Fearless (Taylor's Version)", 236000)], [],
    "the re-recording is marked on the album only")
add("H-album-version-2", "instrumental", H + "instrumental-album",
    sp("In My Feelings", ["Drake"], "Scorpion", 218000),
    [px("In My Feelings", "Drake", "Scorpion (Instrumentals)", 218000)], [], "instrumental marked on the album only")
add("H-simon", "artist-credit", H + "band-name-with-ampersand",
    sp("Mrs. Robinson", ["Simon & Garfunkel"], "Bookends", 244000),
    [px("Mrs. Robinson", "Paul Simon", "Concert in the Park", 246000),
     px("Mrs. Robinson", "Simon & Garfunkel", "Bookends", 244000)], [1])

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump({"version": 1, "description": "Playlist Bridge matching corpus; see make_corpus.py and docs/matching.md",
               "cases": cases}, f, ensure_ascii=False, indent=1)
ids = [c["id"] for c in cases]
assert len(ids) == len(set(ids)), "duplicate case id"
print(f"{len(cases)} cases -> {out}")
