#!/usr/bin/env python3
"""Generates holdout3.json: a third blind set, written after the fixes for holdout2. Run once;
docs/matching.md reports the first run as it came out. Same format as corpus.json."""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout3", 12000)
cases, px, add = _builder.cases, _builder.px, _builder.add


P, N = "positive", "negative"
# Positives, each a different kind of spelling difference.
add("R01", P, sp("Re-Education (Through Labor)", ["Rise Against"], "Appeal to Reason", 222000),
    [px("Reeducation (Through Labor)", "Rise Against", "Appeal to Reason", 222000)], [0])
add("R02", P, sp("Part of Me", ["Katy Perry"], "Teenage Dream: The Complete Confection", 216000),
    [px("Part Of Me", "Katy Perry", "Teenage Dream - The Complete Confection", 215000)], [0])
add("R03", P, sp("Tubthumping", ["Chumbawamba"], "Tubthumper", 278000),
    [px("Tubthumping", "Chumbawamba", "Tubthumper", 0)], [0], "library duration unknown")
add("R04", P, sp("Crazy (feat. Lil Baby)", ["Doja Cat", "Lil Baby"], "", 190000),
    [px("Crazy", "Various Artists", "Hits 2023", 190500, "Doja Cat feat. Lil Baby")], [0])
add("R05", P, sp("Pt. 2", ["Kanye West"], "The Life of Pablo", 130000),
    [px("Pt. 2", "Kanye West", "The Life Of Pablo", 130000)], [0])
add("R06", P, sp("Ballade No. 1 in G Minor, Op. 23", ["Frédéric Chopin", "Krystian Zimerman"], "Chopin: Ballades", 560000),
    [px("Ballade No. 1 in G minor, Op. 23", "Krystian Zimerman", "Chopin: Ballades", 561000)], [0])
add("R07", P, sp("Señor (Tales of Yankee Power)", ["Bob Dylan"], "Street-Legal", 342000),
    [px("Senor (Tales Of Yankee Power)", "Bob Dylan", "Street Legal", 342000)], [0])
add("R08", P, sp("Hey Ya!", ["OutKast"], "Speakerboxxx/The Love Below", 249000),
    [px("Hey Ya", "Outkast", "Speakerboxxx / The Love Below", 248000)], [0])
add("R09", P, sp("Rock and Roll All Nite", ["KISS"], "Dressed to Kill", 168000),
    [px("Rock And Roll All Nite", "Kiss", "Dressed To Kill", 168000)], [0])
add("R10", P, sp("Lose Control (Remastered 2009)", ["Kiss"], "Dressed to Kill", 200000),
    [px("Lose Control", "KISS", "Dressed To Kill (Remastered)", 201000)], [0])
add("R11", P, sp("Purple Haze", ["Jimi Hendrix"], "Are You Experienced", 170000),
    [px("Purple Haze", "The Jimi Hendrix Experience", "Are You Experienced", 170000)], [0],
    "album artist is the band name")
add("R12", P, sp("Clean Bandit", ["Artist With A Song Named Like A Band"], "", 200000),
    [px("Clean Bandit", "Artist With a Song Named Like a Band", "", 200000)], [0])
add("R13", P, sp("Gravity", ["John Mayer"], "Continuum", 245000),
    [px("Gravity", "John Mayer", "Continuum", 246000), px("Gravity (Live in LA)", "John Mayer", "Where the Light Is", 500000)],
    [0])
add("R14", P, sp("Don't Stop Believin' - 2022 Remaster", ["Journey"], "Escape", 250000),
    [px("Don’t Stop Believin’", "Journey", "Escape", 251000)], [0])
add("R15", P, sp("Smooth (feat. Rob Thomas)", ["Santana", "Rob Thomas"], "Supernatural (Remastered)", 296000),
    [px("Smooth", "Santana", "Supernatural", 295000, "Santana feat. Rob Thomas")], [0])
add("R16", P, sp("Waiting Room", ["Fugazi"], "13 Songs", 173000),
    [px("Waiting Room", "Fugazi", "13 Songs", 173000), px("Waiting Room", "Fugazi", "Repeater + 3 Songs", 173500)],
    [0, 1])
add("R17", P, sp("Mambo No. 5 (a Little Bit of...)", ["Lou Bega"], "A Little Bit of Mambo", 219000),
    [px("Mambo No. 5 (A Little Bit Of...)", "Lou Bega", "A Little Bit Of Mambo", 219000)], [0])
add("R18", P, sp("Voyage voyage", ["Desireless"], "François", 268000),
    [px("Voyage, voyage", "Desireless", "Francois", 268000)], [0])
add("R19", P, sp("99 Luftballons", ["Nena"], "Nena", 232000),
    [px("99 Luftballons", "NENA", "Nena", 233000)], [0])
add("R20", P, sp("Ça plane pour moi", ["Plastic Bertrand"], "An 1", 181000),
    [px("Ca Plane Pour Moi", "Plastic Bertrand", "", 181000)], [0])
# Negatives.
add("S01", N, sp("Nocturne in E-Flat Major, Op. 9 No. 2", ["Frédéric Chopin", "Arthur Rubinstein"], "Chopin: Nocturnes", 270000),
    [px("Nocturne in E-Flat Major, Op. 9 No. 1", "Arthur Rubinstein", "Chopin: Nocturnes", 270000)], [])
add("S02", N, sp("Symphony No. 5", ["Gustav Mahler", "Berliner Philharmoniker"], "", 900000),
    [px("Symphony No. 9", "Berliner Philharmoniker", "", 900000)], [])
add("S03", N, sp("Blinding Lights", ["The Weeknd"], "After Hours", 200000),
    [px("Blinding Lights (8D Audio)", "The Weeknd", "8D Hits", 200000)], [])
add("S04", N, sp("Bad Habits", ["Ed Sheeran"], "=", 231000),
    [px("Bad Habits (Medley)", "Ed Sheeran", "Live Sessions", 231000)], [])
add("S05", N, sp("Blinding Lights", ["The Weeknd"], "After Hours", 200000),
    [px("Blinding Lights (Chromatics Remix)", "The Weeknd", "After Hours (Deluxe)", 201000)], [])
add("S06", N, sp("Smells Like Teen Spirit", ["Nirvana"], "Nevermind", 301000),
    [px("Smells Like Teen Spirit", "Nirvana", "Live at Reading", 305000)], [], "live album without 'live' in the title")
add("S07", N, sp("Smells Like Teen Spirit", ["Nirvana"], "Nevermind", 301000),
    [px("Smells Like Teen Spirit", "Nirvana", "From the Muddy Banks of the Wishkah", 307000)], [],
    "a live album whose name does not say so")
add("S08", N, sp("Hallelujah", ["Leonard Cohen"], "Various Positions", 278000),
    [px("Hallelujah", "Jeff Buckley", "Grace", 413000), px("Hallelujah", "Rufus Wainwright", "Shrek", 247000)], [])
add("S09", N, sp("Yesterday", ["The Beatles"], "Help!", 125000),
    [px("Yesterday", "The Beatles Tribute", "", 125000), px("Yesterday", "Beatles Revival Band", "", 126000)], [])
add("S10", N, sp("Crazy", ["Gnarls Barkley"], "St. Elsewhere", 178000),
    [px("Crazy", "Patsy Cline", "Showcase", 162000), px("Crazy", "Aerosmith", "Get a Grip", 316000),
     px("Crazy", "Seal", "Seal", 357000)], [])
add("S11", N, sp("Toxic", ["Britney Spears"], "In The Zone", 199000),
    [px("Toxic (Lullaby Version)", "Twinkle Twinkle Little Rock Star", "Lullaby Renditions", 200000)], [])
add("S12", N, sp("Toxic", ["Britney Spears"], "In The Zone", 199000),
    [px("Toxic", "Britney Spears", "Toxic (Y2K & Alexander Lewis Remix) - Single", 199000)], [],
    "remix named on the album (single) only")
add("S13", N, sp("Creep", ["Radiohead"], "Pablo Honey", 238000),
    [px("Creep (Acoustic)", "Radiohead", "My Iron Lung", 258000), px("Creep", "Scala & Kolacny Brothers", "", 290000)],
    [])
add("S14", N, sp("Shape of You", ["Ed Sheeran"], "÷", 233000),
    [px("Shape of You (Stormzy Remix)", "Ed Sheeran", "Shape of You (Remixes)", 233000, "Ed Sheeran feat. Stormzy")], [])
add("S15", N, sp("Lose Yourself", ["Eminem"], "8 Mile", 326000),
    [px("Lose Yourself (Instrumental Version)", "Eminem", "8 Mile", 326000)], [])
add("S16", N, sp("Billie Jean", ["Michael Jackson"], "Thriller", 294000),
    [px("Billie Jean (Demo)", "Michael Jackson", "Thriller 25", 292000), px("Billie Jean", "The Civil Wars", "", 290000)],
    [])
add("S17", N, sp("Halo", ["Beyoncé"], "I AM...SASHA FIERCE", 261000),
    [px("Halo", "Beyonce", "Live at Wembley", 262000)], [])
add("S18", N, sp("Heroes", ["David Bowie"], "\"Heroes\"", 371000),
    [px("Heroes", "Peter Gabriel", "Scratch My Back", 371000)], [])
add("S19", N, sp("Numb", ["Linkin Park"], "Meteora", 185000),
    [px("Numb / Encore", "Jay-Z & Linkin Park", "Collision Course", 205000)], [], "mash-up")
add("S20", N, sp("Stay", ["Rihanna", "Mikky Ekko"], "Unapologetic", 240000),
    [px("Stay", "Mikky Ekko", "Time", 240000)], [], "the featured artist's own song of the same name")

_builder.write("holdout3.json", "Third holdout, see make_holdout3.py")
