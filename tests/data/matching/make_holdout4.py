#!/usr/bin/env python3
"""Generates holdout4.json: a fourth blind set, written after the fixes for holdout3. Run once;
docs/matching.md reports the first run as it came out. Same format as corpus.json."""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout4", 15000)
cases, px, add = _builder.cases, _builder.px, _builder.add


P, N = "positive", "negative"
add("T01", P, sp('Shallow (From "A Star Is Born")', ["Lady Gaga", "Bradley Cooper"], "A Star Is Born Soundtrack", 216000),
    [px("Shallow", "Lady Gaga", "A Star Is Born Soundtrack", 216000, "Lady Gaga & Bradley Cooper")], [0])
add("T02", P, sp("Highway to Hell", ["AC/DC"], "Highway to Hell", 208000),
    [px("Highway To Hell", "ACDC", "Highway To Hell", 208000)], [0])
add("T03", P, sp("Paradise City", ["Guns N' Roses"], "Appetite for Destruction", 406000),
    [px("Paradise City", "Guns 'n' Roses", "Appetite For Destruction", 406000)], [0])
add("T04", P, sp("Glósóli", ["Sigur Rós"], "Takk...", 375000), [px("Glosoli", "Sigur Ros", "Takk", 375000)], [0])
add("T05", P, sp("Get Lucky", ["Daft Punk", "Pharrell Williams", "Nile Rodgers"], "Random Access Memories", 369000),
    [px("01 - Get Lucky", "Daft Punk", "Random Access Memories", 369000)], [0], "track number left in the tag")
add("T06", P, sp("Clocks", ["Coldplay"], "A Rush of Blood to the Head", 307000),
    [px("Coldplay - Clocks", "Coldplay", "A Rush Of Blood To The Head", 307000)], [0], "artist left in the title tag")
add("T07", P, sp("WAP (feat. Megan Thee Stallion)", ["Cardi B", "Megan Thee Stallion"], "WAP", 187000),
    [px("WAP (Explicit)", "Cardi B", "WAP", 187000, "Cardi B feat. Megan Thee Stallion")], [0])
add("T08", P, sp("Cheap Thrills (feat. Sean Paul)", ["Sia", "Sean Paul"], "This Is Acting", 224000),
    [px("Cheap Thrills", "Sia", "This Is Acting", 224000, "Sia, Sean Paul")], [0])
add("T09", P, sp("Sunflower - Spider-Man: Into the Spider-Verse", ["Post Malone", "Swae Lee"], "Hollywood's Bleeding", 158000),
    [px("Sunflower (Spider-Man: Into the Spider-Verse)", "Post Malone", "Hollywood’s Bleeding", 158000,
        "Post Malone & Swae Lee")], [0])
add("T10", P, sp("Hotline Bling", ["Drake"], "Views", 267000),
    [px("Hotline Bling", "Drake", "Views", 267000), px("Hotline Bling", "Drake", "Views (Deluxe)", 267000)], [0, 1])
add("T11", P, sp("Daddy Cool", ["Boney M."], "Take the Heat off Me", 208000),
    [px("Daddy Cool", "Boney M", "Take The Heat Off Me", 208500)], [0])
add("T12", P, sp("Respect", ["Aretha Franklin"], "I Never Loved a Man the Way I Love You", 147000),
    [px("Respect", "Aretha Franklin", "I Never Loved A Man The Way I Love You (Remastered)", 148000)], [0])
add("T13", P, sp("Dancing in the Dark", ["Bruce Springsteen"], "Born in the U.S.A.", 241000),
    [px("Dancing In The Dark", "Bruce Springsteen", "Born In The USA", 241000)], [0])
add("T14", P, sp("Ain't No Mountain High Enough", ["Marvin Gaye", "Tammi Terrell"], "United", 151000),
    [px("Ain't No Mountain High Enough", "Marvin Gaye & Tammi Terrell", "United", 151000)], [0])
add("T15", P, sp("Crazy in Love", ["Beyoncé", "JAY-Z"], "Dangerously in Love", 236000),
    [px("Crazy in Love", "Beyonce Knowles", "Dangerously In Love", 236000)], [0], "artist's fuller name in the tag")
add("T16", P, sp("Juicy - 2005 Remaster", ["The Notorious B.I.G."], "Ready to Die (The Remaster)", 305000),
    [px("Juicy", "Notorious B.I.G.", "Ready To Die", 305000)], [0])
add("T17", P, sp("Mas Que Nada", ["Sérgio Mendes", "Brasil '66"], "Herb Alpert Presents", 161000),
    [px("Más Que Nada", "Sergio Mendes & Brasil '66", "Herb Alpert Presents Sergio Mendes & Brasil '66", 161000)], [0])
add("T18", P, sp("Für Elise", ["Ludwig van Beethoven", "Lang Lang"], "Piano Book", 175000),
    [px("Für Elise, WoO 59", "Lang Lang", "Piano Book", 175000)], [0], "catalogue number only on the library")
N_ = N
add("U01", N, sp("Bohemian Rhapsody", ["Queen"], "A Night at the Opera", 354000),
    [px("Bohemian Rhapsody (Track by Track Commentary)", "Queen", "A Night At The Opera (Deluxe)", 354000)], [])
add("U02", N, sp("Wonderwall", ["Oasis"], "(What's the Story) Morning Glory?", 258000),
    [px("Wonderwall (Radio Broadcast)", "Oasis", "Live Forever Bootlegs", 259000)], [])
add("U03", N, sp("Intro", ["Angels & Airwaves"], "We Don't Need to Whisper", 126000),
    [px("Intro", "Angels & Airwaves", "I-Empire", 126500)], [])
add("U04", N, sp("Intro", ["M83"], "Hurry Up, We're Dreaming (Vol. 1)", 322000),
    [px("Intro", "M83", "Hurry Up, We're Dreaming (Vol. 2)", 322000)], [], "two discs, two intros")
add("U05", N, sp("Unity", ["Queen"], "", 240000), [px("U.N.I.T.Y.", "Queen Latifah", "Black Reign", 240000)], [])
add("U06", N, sp("Creep", ["Radiohead"], "Pablo Honey", 238000),
    [px("Creep", "Thom Yorke", "Live at the Roundhouse", 240000)], [])
add("U07", N, sp("Hurt", ["Johnny Cash"], "American IV: The Man Comes Around", 218000),
    [px("Hurt (Quiet)", "Nine Inch Nails", "Further Down the Spiral", 218000)], [])
add("U08", N, sp("Toxic", ["Britney Spears"], "In The Zone", 199000),
    [px("Toxic (A Cappella)", "Britney Spears", "Toxic (Remixes)", 199000)], [])
add("U09", N, sp("Zombie", ["The Cranberries"], "No Need to Argue", 306000),
    [px("Zombie (Orchestral)", "The Cranberries", "Something Else", 306000)], [])
add("U10", N, sp("Let It Be", ["The Beatles"], "Let It Be", 243000),
    [px("Let It Be (Naked)", "The Beatles", "Let It Be... Naked", 234000)], [], "a different mix released as 'Naked'")
add("U11", N, sp("Dreams", ["Fleetwood Mac"], "Rumours", 257000),
    [px("Dreams (Take 2)", "Fleetwood Mac", "Rumours (Super Deluxe)", 255000)], [])
add("U12", N, sp("Happy", ["Pharrell Williams"], "G I R L", 233000),
    [px("Happy", "The Rolling Stones", "Exile on Main St.", 184000), px("Happy", "Pharrell Williams", "Despicable Me 2", 233000)],
    [1], "the same recording on the soundtrack is fine; the Stones song is not")
add("U13", N, sp("Numb", ["Linkin Park"], "Meteora", 185000),
    [px("Numb (Official Music Video Audio)", "Linkin Park", "", 187000)], [1] if False else [],
    "video-audio rip: treated as a different version")
add("U14", N, sp("Thunderstruck", ["AC/DC"], "The Razors Edge", 292000),
    [px("Thunderstruck", "2CELLOS", "In2ition", 292000)], [])
add("U15", N, sp("Bad Guy", ["Billie Eilish"], "WHEN WE ALL FALL ASLEEP, WHERE DO WE GO?", 194000),
    [px("bad guy (with Justin Bieber)", "Billie Eilish", "bad guy", 195000)], [], "the remix single with a guest")
add("U16", N, sp("Mr. Brightside", ["The Killers"], "Hot Fuss", 222000),
    [px("Mr. Brightside (Jacques Lu Cont's Thin White Duke Mix)", "The Killers", "Mr. Brightside", 530000)], [])
add("U17", N, sp("Clocks", ["Coldplay"], "A Rush of Blood to the Head", 307000),
    [px("Clocks (Live in Sydney)", "Coldplay", "Live 2003", 308000)], [])
add("U18", N, sp("Halo", ["Beyoncé"], "I AM...SASHA FIERCE", 261000),
    [px("Halo (Live at Roseland)", "Beyonce", "Live at Roseland: Elements of 4", 262000)], [])

_builder.write("holdout4.json", "Fourth holdout, see make_holdout4.py")
