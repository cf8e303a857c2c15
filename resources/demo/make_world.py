#!/usr/bin/env python3
"""Writes resources/demo/world.json, the bundled demo world of the fakes (docs/fakes.md).

Curated songs (artist and song names are facts; durations approximate, ids synthetic) show
what a matcher must get right: exact matches, remaster suffixes, feat. credits, accents,
CJK and Cyrillic titles, live and remix versions next to the studio track, tracks absent
from Plex. A deterministic synthetic block fills a 500-track playlist, and the fixture's
`filler` block adds a few thousand more Plex library tracks at load time.

Run: python3 resources/demo/make_world.py  (no arguments; output is deterministic)
"""
import hashlib
import json
import os
import random

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def sid(text):
    h = hashlib.sha256(text.encode()).digest()
    return "".join(B62[b % 62] for b in h[:22])


def mbid(text):
    h = hashlib.sha1(text.encode()).hexdigest()
    return f"mbid://{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"


# (artist, title, album, year, seconds, kind, extra)
# kinds: exact, remaster, feat, live_trap, remix_trap, absent, accent_stripped, plex_feat_title
SONGS = [
    ("Queen", "Bohemian Rhapsody", "A Night at the Opera", 1975, 355, "remaster", "2011"),
    ("Queen", "Don't Stop Me Now", "Jazz", 1978, 209, "remaster", "2011"),
    ("Queen", "Somebody to Love", "A Day at the Races", 1976, 296, "live_trap", "Live Killers"),
    ("Led Zeppelin", "Stairway to Heaven", "Led Zeppelin IV", 1971, 482, "remaster", "2012"),
    ("Led Zeppelin", "Whole Lotta Love", "Led Zeppelin II", 1969, 334, "remaster", "2012"),
    ("Eagles", "Hotel California", "Hotel California", 1976, 391, "live_trap", "Hell Freezes Over"),
    ("Fleetwood Mac", "Dreams", "Rumours", 1977, 257, "remaster", "2004"),
    ("Fleetwood Mac", "Go Your Own Way", "Rumours", 1977, 223, "exact", None),
    ("The Beatles", "Here Comes the Sun", "Abbey Road", 1969, 185, "remaster", "2009"),
    ("The Beatles", "Come Together", "Abbey Road", 1969, 259, "remaster", "2009"),
    ("The Rolling Stones", "Paint It Black", "Aftermath", 1966, 202, "exact", None),
    ("David Bowie", "Heroes", "\"Heroes\"", 1977, 371, "remaster", "2017"),
    ("David Bowie", "Life on Mars?", "Hunky Dory", 1971, 235, "remaster", "2015"),
    ("Pink Floyd", "Wish You Were Here", "Wish You Were Here", 1975, 334, "live_trap", "Pulse"),
    ("Pink Floyd", "Comfortably Numb", "The Wall", 1979, 382, "exact", None),
    ("Nirvana", "Smells Like Teen Spirit", "Nevermind", 1991, 301, "live_trap", "MTV Unplugged in New York"),
    ("Nirvana", "Come as You Are", "Nevermind", 1991, 218, "exact", None),
    ("Radiohead", "Karma Police", "OK Computer", 1997, 264, "exact", None),
    ("Radiohead", "No Surprises", "OK Computer", 1997, 229, "exact", None),
    ("Oasis", "Wonderwall", "(What's the Story) Morning Glory?", 1995, 258, "remaster", "2014"),
    ("Blur", "Song 2", "Blur", 1997, 122, "exact", None),
    ("The Cure", "Just Like Heaven", "Kiss Me, Kiss Me, Kiss Me", 1987, 212, "exact", None),
    ("Joy Division", "Love Will Tear Us Apart", "Substance", 1980, 206, "exact", None),
    ("Depeche Mode", "Enjoy the Silence", "Violator", 1990, 373, "remix_trap", "Hands and Feet Mix"),
    ("New Order", "Blue Monday", "Power, Corruption & Lies", 1983, 449, "remix_trap", "'88"),
    ("a-ha", "Take On Me", "Hunting High and Low", 1985, 225, "exact", None),
    ("Michael Jackson", "Billie Jean", "Thriller", 1982, 294, "exact", None),
    ("Michael Jackson", "Beat It", "Thriller", 1982, 258, "exact", None),
    ("Prince", "Purple Rain", "Purple Rain", 1984, 521, "exact", None),
    ("Whitney Houston", "I Wanna Dance with Somebody (Who Loves Me)", "Whitney", 1987, 291, "exact", None),
    ("Madonna", "Like a Prayer", "Like a Prayer", 1989, 339, "exact", None),
    ("Kate Bush", "Running Up That Hill (A Deal with God)", "Hounds of Love", 1985, 300, "remaster", "2018"),
    ("Tears for Fears", "Everybody Wants to Rule the World", "Songs from the Big Chair", 1985, 251, "exact", None),
    ("Toto", "Africa", "Toto IV", 1982, 295, "exact", None),
    ("Daft Punk", "Get Lucky", "Random Access Memories", 2013, 369, "feat", "Pharrell Williams, Nile Rodgers"),
    ("Daft Punk", "One More Time", "Discovery", 2001, 320, "remix_trap", "Unplugged"),
    ("Mark Ronson", "Uptown Funk", "Uptown Special", 2014, 270, "feat", "Bruno Mars"),
    ("Calvin Harris", "This Is What You Came For", "This Is What You Came For", 2016, 222, "feat", "Rihanna"),
    ("Rihanna", "Stay", "Unapologetic", 2012, 241, "plex_feat_title", "Mikky Ekko"),
    ("Jay-Z", "Empire State of Mind", "The Blueprint 3", 2009, 277, "feat", "Alicia Keys"),
    ("Gotye", "Somebody That I Used to Know", "Making Mirrors", 2011, 244, "plex_feat_title", "Kimbra"),
    ("Macklemore & Ryan Lewis", "Can't Hold Us", "The Heist", 2012, 258, "feat", "Ray Dalton"),
    ("Outkast", "Hey Ya!", "Speakerboxxx/The Love Below", 2003, 235, "exact", None),
    ("Kendrick Lamar", "HUMBLE.", "DAMN.", 2017, 177, "exact", None),
    ("Adele", "Hello", "25", 2015, 295, "live_trap", "Live at the Royal Albert Hall"),
    ("Adele", "Rolling in the Deep", "21", 2010, 228, "exact", None),
    ("Lionel Richie", "Hello", "Can't Slow Down", 1983, 251, "exact", None),
    ("Billie Eilish", "bad guy", "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?", 2019, 194, "exact", None),
    ("Dua Lipa", "Levitating", "Future Nostalgia", 2020, 203, "remix_trap", "The Blessed Madonna Remix"),
    ("The Weeknd", "Blinding Lights", "After Hours", 2020, 200, "exact", None),
    ("Harry Styles", "As It Was", "Harry's House", 2022, 167, "exact", None),
    ("Taylor Swift", "Anti-Hero", "Midnights", 2022, 200, "exact", None),
    ("Lorde", "Royals", "Pure Heroine", 2013, 190, "exact", None),
    ("Arctic Monkeys", "Do I Wanna Know?", "AM", 2013, 272, "exact", None),
    ("Tame Impala", "The Less I Know the Better", "Currents", 2015, 216, "exact", None),
    ("Beyoncé", "Halo", "I Am... Sasha Fierce", 2008, 261, "accent_stripped", None),
    ("Sigur Rós", "Hoppípolla", "Takk...", 2005, 268, "accent_stripped", None),
    ("Björk", "Jóga", "Homogenic", 1997, 305, "exact", None),
    ("Céline Dion", "My Heart Will Go On", "Let's Talk About Love", 1997, 280, "accent_stripped", None),
    ("Mötley Crüe", "Kickstart My Heart", "Dr. Feelgood", 1989, 282, "accent_stripped", None),
    ("Édith Piaf", "La Vie en rose", "La Vie en rose", 1947, 187, "exact", None),
    ("Stromae", "Alors on danse", "Cheese", 2010, 206, "exact", None),
    ("Rosalía", "Malamente", "El Mal Querer", 2018, 150, "exact", None),
    ("Bad Bunny", "Tití Me Preguntó", "Un Verano Sin Ti", 2022, 243, "exact", None),
    ("Antônio Carlos Jobim", "Águas de Março", "Matita Perê", 1973, 213, "exact", None),
    ("YOASOBI", "夜に駆ける", "THE BOOK", 2019, 261, "exact", None),
    ("米津玄師", "Lemon", "STRAY SHEEP", 2018, 255, "exact", None),
    ("宇多田ヒカル", "First Love", "First Love", 1999, 259, "exact", None),
    ("坂本九", "上を向いて歩こう", "Sukiyaki and Other Japanese Hits", 1961, 185, "exact", None),
    ("BTS", "Dynamite", "BE", 2020, 199, "exact", None),
    ("IU", "좋은 날", "Real", 2010, 234, "exact", None),
    ("周杰伦", "晴天", "叶惠美", 2003, 269, "exact", None),
    ("Кино", "Группа крови", "Группа крови", 1988, 286, "exact", None),
    ("Кино", "Звезда по имени Солнце", "Звезда по имени Солнце", 1989, 225, "exact", None),
    ("Король и Шут", "Кукла колдуна", "Акустический альбом", 1999, 202, "exact", None),
    ("Земфира", "Хочешь?", "Прости меня моя любовь", 2000, 229, "exact", None),
    ("t.A.T.u.", "Нас не догонят", "200 по встречной", 2001, 264, "exact", None),
    ("Miles Davis", "So What", "Kind of Blue", 1959, 562, "exact", None),
    ("John Coltrane", "Naima", "Giant Steps", 1960, 261, "exact", None),
    ("Nina Simone", "Feeling Good", "I Put a Spell on You", 1965, 177, "exact", None),
    ("Aretha Franklin", "Respect", "I Never Loved a Man the Way I Love You", 1967, 147, "exact", None),
    ("Marvin Gaye", "What's Going On", "What's Going On", 1971, 233, "exact", None),
    ("Stevie Wonder", "Superstition", "Talking Book", 1972, 266, "exact", None),
    ("Bob Marley & The Wailers", "Redemption Song", "Uprising", 1980, 227, "exact", None),
    ("Johnny Cash", "Hurt", "American IV: The Man Comes Around", 2002, 218, "exact", None),
    ("Dolly Parton", "Jolene", "Jolene", 1973, 162, "exact", None),
    ("Bon Iver", "Holocene", "Bon Iver, Bon Iver", 2011, 337, "absent", None),
    ("Phoebe Bridgers", "Motion Sickness", "Stranger in the Alps", 2017, 230, "absent", None),
    ("Mitski", "Nobody", "Be the Cowboy", 2018, 193, "absent", None),
    ("Big Thief", "Not", "Two Hands", 2019, 366, "absent", None),
    ("Japanese Breakfast", "Be Sweet", "Jubilee", 2021, 223, "absent", None),
    ("Fontaines D.C.", "Starburster", "Romance", 2024, 232, "absent", None),
    ("Wet Leg", "Chaise Longue", "Wet Leg", 2021, 196, "absent", None),
    ("Khruangbin", "Time (You and I)", "Mordechai", 2020, 264, "absent", None),
    ("Caribou", "Can't Do Without You", "Our Love", 2014, 234, "absent", None),
    ("Four Tet", "Baby", "Sixteen Oceans", 2020, 287, "absent", None),
]


def build():
    rng = random.Random(20261127)
    spotify_tracks, plex_tracks = [], []
    next_key = [1000]

    def plex(title, artist, album, year, seconds, original=None, index=1):
        key = str(next_key[0])
        next_key[0] += 1
        t = {"ratingKey": key, "title": title, "artist": artist, "album": album,
             "duration": seconds * 1000 + rng.randint(-900, 900), "index": index, "year": year,
             "guids": [mbid(f"{artist}|{title}|{album}")]}
        if original:
            t["originalTitle"] = original
        plex_tracks.append(t)
        return key

    by_kind = {}
    for n, (artist, title, album, year, secs, kind, extra) in enumerate(SONGS):
        name, artists, sp_album = title, [artist], album
        if kind == "remaster":
            name = f"{title} - Remastered {extra}"
            sp_album = f"{album} (Remastered {extra})" if n % 2 else album
        elif kind == "feat":
            feats = extra.split(", ")
            name = f"{title} (feat. {' & '.join(feats)})"
            artists = [artist] + feats
        elif kind == "plex_feat_title":
            artists = [artist, extra]
        track = {"id": sid(f"demo|{artist}|{title}"), "name": name, "artists": artists, "album": sp_album,
                 "duration_ms": secs * 1000, "isrc": f"QZDM{year % 100:02d}{n:05d}",
                 "release_date": f"{year}-{(n % 12) + 1:02d}-{(n % 27) + 1:02d}", "track_number": (n % 11) + 1,
                 "explicit": kind == "exact" and n % 9 == 0}
        spotify_tracks.append(track)
        by_kind.setdefault(kind, []).append(track["id"])
        strip = lambda s: s.translate(str.maketrans("éóíöüÉÖÜÁáãâô", "eoiouEOUAaaao"))
        if kind == "absent":
            continue
        if kind == "live_trap":
            # The live recording comes first in library order: a naive matcher takes it.
            plex(f"{title} (Live)", artist, extra, year + 3, secs + 25)
        if kind == "remix_trap":
            plex(f"{title} ({extra})" if "Mix" in extra or "Remix" in extra else f"{title} - {extra}",
                 artist, f"{album} (Remixes)", year + 1, secs + 60)
        if kind == "accent_stripped":
            plex(strip(title), strip(artist), strip(album), year, secs)
        elif kind == "feat":
            plex(title, artist, album, year, secs, original=f"{artist} feat. {' & '.join(extra.split(', '))}")
        elif kind == "plex_feat_title":
            plex(f"{title} (feat. {extra})", artist, album, year, secs)
        else:
            plex(title, artist, album, year, secs)

    # A deterministic synthetic block: 420 songs on both sides (some with suffix variants in
    # Plex, some absent) so one playlist can hold 500 entries.
    adjectives = ["Velvet", "Electric", "Silent", "Golden", "Broken", "Midnight", "Crimson", "Hollow", "Neon",
                  "Northern", "Paper", "Static", "Quiet", "Burning", "Glass", "Lonely"]
    nouns = ["Foxes", "Harbour", "Rivers", "Engines", "Hearts", "Machines", "Tides", "Ghosts", "Cities", "Wolves",
             "Letters", "Satellites", "Gardens", "Sparrows", "Lanterns", "Echoes"]
    words = ["Love", "Night", "Road", "Fire", "Rain", "Home", "Light", "Dream", "Summer", "Heart", "Gold",
             "Ocean", "Dance", "Shadow", "Stars", "River", "Time", "Wind", "Fever", "Window", "Morning", "Again"]
    synthetic = []
    for i in range(420):
        artist = f"The {adjectives[i % 16]} {nouns[(i // 16) % 16]}"
        title = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
        title = f"{title} {['', 'Tonight', 'Forever', 'Again', 'Now'][i % 5]}".strip()
        album = f"{words[i % len(words)]} Sessions"
        secs = rng.randint(150, 330)
        tid = sid(f"demo-syn|{i}")
        spotify_tracks.append({"id": tid, "name": title, "artists": [artist], "album": album,
                               "duration_ms": secs * 1000, "release_date": str(1990 + i % 35),
                               "track_number": i % 12 + 1})
        synthetic.append(tid)
        if i % 23 == 5:
            continue  # absent from Plex
        variant = ["", "", "", "", " - Remastered", " (Radio Edit)", ""][i % 7]
        plex(title + variant, artist, album, 1990 + i % 35, secs, index=i % 12 + 1)

    local = [{"id": "local-demo-1", "name": "Garage Demo", "artists": ["Me"], "album": "Home Recordings",
              "duration_ms": 183000, "type": "local"},
             {"id": "local-demo-2", "name": "Voice Memo 12", "artists": ["Me"], "album": "Home Recordings",
              "duration_ms": 61000, "type": "local"}]
    episode = {"id": sid("demo-episode-1"), "name": "How a Song Gets Made", "artists": [], "album": "",
               "duration_ms": 1834000, "type": "episode", "show": "Song Exploder", "release_date": "2024-03-05"}
    spotify_tracks += local + [episode]

    ids = {(t["artists"][0], t["name"]): t["id"] for t in spotify_tracks if t["artists"]}
    find = lambda artist, prefix: next(v for (a, n), v in ids.items() if a == artist and n.startswith(prefix))
    kinds = lambda *ks: [i for k in ks for i in by_kind.get(k, [])]

    me = "demo-user"
    curated = [t["id"] for t in spotify_tracks[:len(SONGS)]]
    big = (curated + synthetic)[:500]
    playlists = [
        {"id": sid("pl-classic"), "name": "Classic Rock Remastered", "description": "Remasters and live traps",
         "tracks": kinds("remaster", "live_trap")},
        {"id": sid("pl-feat"), "name": "Feat. Friends", "description": "Featured artists everywhere",
         "tracks": kinds("feat", "plex_feat_title")},
        {"id": sid("pl-world"), "name": "Around the World", "description": "Accents, CJK and Cyrillic titles",
         "tracks": kinds("accent_stripped") + [t["id"] for t in spotify_tracks[:len(SONGS)]
                                               if any(ord(c) > 0x2000 or 0x400 <= ord(c) < 0x500 or c in "éóíáãç"
                                                      for c in t["name"] + t["artists"][0])]},
        {"id": sid("pl-new"), "name": "New Discoveries", "description": "Mostly not in the Plex library yet",
         "tracks": kinds("absent") + [find("The Weeknd", "Blinding"), find("Harry Styles", "As It")]},
        {"id": sid("pl-big"), "name": "The Big 500", "description": "Five hundred tracks in one go",
         "tracks": big},
        {"id": sid("pl-remix"), "name": "Remix Traps", "description": "Studio versions wanted, remixes in the library",
         "tracks": kinds("remix_trap")},
        {"id": sid("pl-80s"), "name": "80s Night", "description": "",
         "tracks": [t["id"] for t in spotify_tracks[:len(SONGS)] if t["release_date"].startswith("198")]},
        {"id": sid("pl-hello"), "name": "Hello, Hello", "description": "Same title, different artists",
         "tracks": [find("Adele", "Hello"), find("Lionel Richie", "Hello")]},
        {"id": sid("pl-odds"), "name": "Odds and Ends", "description": "Local files, a podcast and a removed track",
         "tracks": [find("Toto", "Africa"), "local-demo-1", None, episode["id"], "local-demo-2",
                    find("a-ha", "Take On Me")]},
        {"id": sid("pl-empty"), "name": "Empty for Now", "description": "", "tracks": [], "has_image": False},
        {"id": sid("pl-topHits"), "name": "Today's Top Hits", "description": "Followed, owned by Spotify",
         "owner": "spotify", "owner_display_name": "Spotify",
         "tracks": [find("Taylor Swift", "Anti"), find("Dua Lipa", "Levitating"), find("The Weeknd", "Blinding")]},
        {"id": sid("pl-roadtrip"), "name": "Road Trip (shared)", "description": "Collaborative with a friend",
         "owner": "friend-42", "owner_display_name": "Sam", "collaborative": True,
         "tracks": [find("Toto", "Africa"), find("Fleetwood Mac", "Go Your"), find("Queen", "Don't Stop"),
                    find("Outkast", "Hey Ya")]},
    ]
    for p in playlists:
        p.setdefault("owner", me)
    liked = curated[::3][:30]

    return {
        "spotify": {"user": {"id": me, "display_name": "Demo User"}, "tracks": spotify_tracks,
                    "playlists": playlists, "liked": liked},
        "plex": {"server": {"machineIdentifier": "0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4",
                            "name": "Demo Plex Server", "accessToken": "fake-plex-server-token"},
                 "user": {"username": "demo-plex-user", "token": "fake-plex-user-token"},
                 "sections": [{"key": "1", "title": "Music"}],
                 "tracks": plex_tracks, "playlists": []},
        "filler": {"plexTracks": 2500, "seed": 7},
    }


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "world.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(build(), f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(out)
