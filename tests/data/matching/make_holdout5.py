#!/usr/bin/env python3
"""Generates holdout5.json: a fifth blind set, written after the fixes for holdout4. Run once;
docs/matching.md reports the first run as it came out. Same format as corpus.json."""
from casebuilder import CaseBuilder, sp

_builder = CaseBuilder("holdout5", 18000)
cases, px, add = _builder.cases, _builder.px, _builder.add


P, N = "positive", "negative"
add("V01", P, sp("Feel Good Inc.", ["Gorillaz"], "Demon Days", 221000),
    [px("Feel Good Inc", "Gorillaz", "Demon Days", 222000)], [0])
add("V02", P, sp("Stressed Out", ["Twenty One Pilots"], "Blurryface", 202000),
    [px("Stressed Out", "twenty one pilots", "Blurryface", 202000)], [0])
add("V03", P, sp("Sk8er Boi", ["Avril Lavigne"], "Let Go", 204000),
    [px("Sk8er Boi", "Avril Lavigne", "Let Go", 204000), px("Sk8er Boi (Live)", "Avril Lavigne", "Live in Bonn", 215000)], [0])
add("V04", P, sp("Hips Don't Lie (feat. Wyclef Jean)", ["Shakira", "Wyclef Jean"], "Oral Fixation Vol. 2", 218000),
    [px("Hips Don’t Lie", "Shakira", "Oral Fixation, Vol. 2", 218000, "Shakira feat. Wyclef Jean")], [0])
add("V05", P, sp("Rolling in the Deep", ["Adele"], "21", 228000),
    [px("Rolling In The Deep", "ADELE", "21 (Deluxe Edition)", 229000)], [0])
add("V06", P, sp("Ironic - 2015 Remaster", ["Alanis Morissette"], "Jagged Little Pill (2015 Remaster)", 229000),
    [px("Ironic", "Alanis Morissette", "Jagged Little Pill", 230000)], [0])
add("V07", P, sp("Seven Nation Army", ["The White Stripes"], "Elephant", 232000),
    [px("Seven Nation Army", "White Stripes", "", 0)], [0], "no album, no duration on the library side")
add("V08", P, sp("Gimme! Gimme! Gimme! (A Man After Midnight)", ["ABBA"], "Voulez-Vous", 292000),
    [px("Gimme! Gimme! Gimme!", "ABBA", "ABBA Gold", 287000)], [0], "subtitle dropped on a best-of")
add("V09", P, sp("Tití Me Preguntó", ["Bad Bunny"], "Un Verano Sin Ti", 243000),
    [px("Titi Me Pregunto", "Bad Bunny", "Un Verano Sin Ti", 243000)], [0])
add("V10", P, sp("Kill Bill", ["SZA"], "SOS", 153000), [px("Kill Bill", "SZA", "SOS", 153000)], [0])
add("V11", P, sp("Running Up That Hill (A Deal With God)", ["Kate Bush"], "Hounds of Love", 300000),
    [px("Running Up That Hill", "Kate Bush", "Hounds Of Love", 300000)], [0])
add("V12", P, sp("Lose Control", ["Teddy Swims"], "I've Tried Everything But Therapy (Part 1)", 210000),
    [px("Lose Control", "Teddy Swims", "I’ve Tried Everything But Therapy (Part 1)", 210000)], [0])
add("V13", P, sp("September - Single Version", ["Earth, Wind & Fire"], "The Best of Earth, Wind & Fire, Vol. 1", 215000),
    [px("September", "Earth, Wind and Fire", "Greatest Hits", 214000)], [0])
add("V14", P, sp("Les Champs-Élysées", ["Joe Dassin"], "Les Champs-Élysées", 154000),
    [px("Les Champs-Elysees", "Joe Dassin", "Les Champs Elysees", 154000)], [0])
add("V15", P, sp("Hotel California - 2013 Remaster", ["Eagles"], "Hotel California (2013 Remaster)", 391000),
    [px("Hotel California", "The Eagles", "Hotel California", 391000)], [0])
add("W01", N, sp("Kill Bill", ["SZA"], "SOS", 153000),
    [px("Kill Bill (feat. Doja Cat)", "SZA", "SOS Deluxe: LANA", 153000)], [], "the remix with a guest")
add("W02", N, sp("Running Up That Hill (A Deal With God)", ["Kate Bush"], "Hounds of Love", 300000),
    [px("Running Up That Hill (A Deal With God) (2012 Remix)", "Kate Bush", "The Whole Story", 300000),
     px("Running Up That Hill", "Placebo", "Covers", 300000)], [])
add("W03", N, sp("Seven Nation Army", ["The White Stripes"], "Elephant", 232000),
    [px("Seven Nation Army (The Glitch Mob Remix)", "The White Stripes", "", 280000)], [])
add("W04", N, sp("Stressed Out", ["Twenty One Pilots"], "Blurryface", 202000),
    [px("Stressed Out (Tomsize Remix)", "Twenty One Pilots", "Stressed Out (Remixes)", 202000)], [])
add("W05", N, sp("Feel Good Inc.", ["Gorillaz"], "Demon Days", 221000),
    [px("Feel Good Inc. (Stanton Warriors Remix)", "Gorillaz", "D-Sides", 222000)], [])
add("W06", N, sp("Gimme! Gimme! Gimme! (A Man After Midnight)", ["ABBA"], "Voulez-Vous", 292000),
    [px("Gimme! Gimme! Gimme! (A Man After Midnight)", "Cher", "Dancing Queen", 292000)], [])
add("W07", N, sp("Ironic", ["Alanis Morissette"], "Jagged Little Pill", 229000),
    [px("Ironic (Jagged Little Pill Acoustic)", "Alanis Morissette", "Jagged Little Pill Acoustic", 228000)], [])
add("W08", N, sp("Sk8er Boi", ["Avril Lavigne"], "Let Go", 204000),
    [px("Sk8er Boi", "Avril Lavigne", "Let Go (20th Anniversary Edition) [Live From Lollapalooza]", 208000)], [])
add("W09", N, sp("Hips Don't Lie", ["Shakira", "Wyclef Jean"], "Oral Fixation Vol. 2", 218000),
    [px("Hips Don't Lie (Bamboo)", "Shakira", "2006 FIFA World Cup", 213000)], [], "the World Cup version")
add("W10", N, sp("Rolling in the Deep", ["Adele"], "21", 228000),
    [px("Rolling in the Deep (Live at the Royal Albert Hall)", "Adele", "Live at the Royal Albert Hall", 234000)], [])
add("W11", N, sp("Lose Control", ["Teddy Swims"], "I've Tried Everything But Therapy (Part 1)", 210000),
    [px("Lose Control", "Missy Elliott", "The Cookbook", 226000), px("Lose Control", "Evanescence", "Fallen", 0)], [])
add("W12", N, sp("September", ["Earth, Wind & Fire"], "The Best of Earth, Wind & Fire, Vol. 1", 215000),
    [px("September", "Taylor Swift", "September - Single", 215000)], [])
add("W13", N, sp("Hotel California", ["Eagles"], "Hotel California", 391000),
    [px("Hotel California (Gipsy Kings)", "Gipsy Kings", "Love & Liberté", 344000)], [])
add("W14", N, sp("Tití Me Preguntó", ["Bad Bunny"], "Un Verano Sin Ti", 243000),
    [px("Tití Me Preguntó (Sped Up)", "Bad Bunny", "", 205000)], [])
add("W15", N, sp("Les Champs-Élysées", ["Joe Dassin"], "Les Champs-Élysées", 154000),
    [px("Waterloo Sunset", "Joe Dassin", "", 154000)], [])

_builder.write("holdout5.json", "Fifth holdout, see make_holdout5.py")
