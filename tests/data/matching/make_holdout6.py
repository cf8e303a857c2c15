#!/usr/bin/env python3
"""Generates holdout6.json: a sixth blind set (non-Latin scripts, compilations, missing durations),
written after holdout5. Run once; docs/matching.md reports the first run as it came out."""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout6", 21000)
cases, px, add = _builder.cases, _builder.px, _builder.add


P, N = "positive", "negative"
add("X01", P, sp("강남스타일", ["PSY"], "PSY 6甲 Part.1", 219000), [px("강남스타일", "PSY", "PSY 6甲 Part.1", 219000)], [0])
add("X02", P, sp("Gangnam Style (강남스타일)", ["PSY"], "PSY 6甲 Part.1", 219000),
    [px("강남스타일 (Gangnam Style)", "싸이", "싸이6甲 Part.1", 219000)], [0], "both scripts, order swapped")
add("X03", P, sp("丸の内サディスティック", ["椎名林檎"], "無罪モラトリアム", 237000),
    [px("丸の内サディスティック", "椎名林檎", "無罪モラトリアム", 237000)], [0])
add("X04", P, sp("Пачка сигарет", ["Кино"], "Звезда по имени Солнце", 268000),
    [px("Pachka sigaret", "Kino", "Zvezda po imeni Solntse", 268000)], [0], "transliterated library")
add("X05", P, sp("Σ' αγαπώ", ["Νίκος Βέρτης"], "", 220000), [px("Σ'αγαπώ", "Νίκος Βέρτης", "", 220000)], [0])
add("X06", P, sp("Dynamite", ["BTS"], "BE", 199000), [px("Dynamite", "방탄소년단", "BE", 199000)], [0],
    "artist in Hangul on the library side")
add("X07", P, sp("Despacito", ["Luis Fonsi", "Daddy Yankee"], "VIDA", 229000),
    [px("Despacito", "Various Artists", "Latin Hits 2017", 0, "Luis Fonsi & Daddy Yankee")], [0], "no library duration")
add("X08", P, sp("Blue (Da Ba Dee)", ["Eiffel 65"], "Europop", 289000),
    [px("Blue (Da Ba Dee)", "Various Artists", "90s Dance", 0, "")], [0], "compilation with no track artist, no duration")
add("X09", P, sp("Ojitos Lindos", ["Bad Bunny", "Bomba Estéreo"], "Un Verano Sin Ti", 258000),
    [px("Ojitos Lindos", "Bad Bunny", "Un Verano Sin Ti", 258000, "Bad Bunny & Bomba Estereo")], [0])
add("X10", P, sp("Ça va", ["Anonymous Artist"], "", 0), [px("Ca Va", "Anonymous Artist", "", 200000)], [0],
    "no Spotify duration")
add("X11", P, sp("夜に駆ける", ["YOASOBI"], "THE BOOK", 261000), [px("Yoru ni Kakeru", "YOASOBI", "THE BOOK", 261000)], [0],
    "romanised library title")
add("X12", P, sp("Mr. Blue Sky", ["Electric Light Orchestra"], "Out of the Blue", 303000),
    [px("Mr. Blue Sky", "ELO", "Out Of The Blue", 303000)], [0], "band abbreviation")
add("Y01", N, sp("강남스타일", ["PSY"], "PSY 6甲 Part.1", 219000), [px("젠틀맨", "PSY", "", 194000)], [])
add("Y02", N, sp("丸の内サディスティック", ["椎名林檎"], "無罪モラトリアム", 237000),
    [px("丸の内サディスティック (EXPO Ver.)", "椎名林檎", "", 237000)], [])
add("Y03", N, sp("Пачка сигарет", ["Кино"], "", 268000), [px("Пачка сигарет", "Земфира", "", 266000)], [],
    "a cover by another Russian artist")
add("Y04", N, sp("夜に駆ける", ["YOASOBI"], "THE BOOK", 261000), [px("Yoru ni Kakeru", "Cover Singer", "", 261000)], [])
add("Y05", N, sp("Dynamite", ["BTS"], "BE", 199000), [px("Dynamite", "Taio Cruz", "Rokstarr", 203000)], [])
add("Y06", N, sp("Despacito", ["Luis Fonsi", "Daddy Yankee"], "VIDA", 229000),
    [px("Despacito (Remix)", "Various Artists", "Latin Hits 2017", 0, "Luis Fonsi & Daddy Yankee feat. Justin Bieber")], [])
add("Y07", N, sp("Blue (Da Ba Dee)", ["Eiffel 65"], "Europop", 289000),
    [px("Blue (Da Ba Dee)", "Various Artists", "Kids Party Covers", 0, "Party Kids")], [])
add("Y08", N, sp("Ojitos Lindos", ["Bad Bunny", "Bomba Estéreo"], "Un Verano Sin Ti", 258000),
    [px("Ojitos Lindos", "Bomba Estéreo", "", 258000)], [], "the featured band alone")
add("Y09", N, sp("Σ' αγαπώ", ["Νίκος Βέρτης"], "", 220000), [px("Σ' αγαπώ", "Γιώργος Νταλάρας", "", 221000)], [])
add("Y10", N, sp("Mr. Blue Sky", ["Electric Light Orchestra"], "Out of the Blue", 303000),
    [px("Mr. Blue Sky", "Electric Light Orchestra", "Mr. Blue Sky: The Very Best Of", 307000)], [],
    "ELO's 2012 re-recording, marked nowhere but the album")

_builder.write("holdout6.json", "Sixth holdout, see make_holdout6.py")
