#!/usr/bin/env python3
"""Writes a corpus of synthetic UNDP Accelerator Lab learning plans for the import benchmark.

usage: gen-records.py OUT_DIR [COUNT] [SEED]

Each record has the layout of a real plan (tags, sections, prompts, <div class="group">
answers, five partner groups with the same collaboration text pasted in each) and about
the size of one (10-14 KB), with organisations, countries and cue phrases drawn at random
from small vocabularies, so that the importer does all its work: cleaning, sentences,
names, cues, partner fields and resolution.  The same seed gives the same corpus.
"""
import os
import random
import sys

COUNTRIES = ["Ecuador", "Chile", "Portugal", "Ghana", "Malawi", "Mongolia", "Serbia", "Peru",
             "Jordan", "Zambia", "Bhutan", "Indonesia", "Morocco", "Mexico", "Niger", "Iraq",
             "Colombia", "Ukraine", "Fiji", "Laos", "Benin", "Tanzania", "Turkey", "Syria"]
HEADS = ["Ministry of {}", "National Agency for {}", "{} Foundation", "University of {}",
         "{} Innovation Lab", "Secretariat of {}", "{} Network", "Institute for {}",
         "{} Association", "{} Council", "Office of {}"]
TOPICS = ["Health", "Education", "Water and Sanitation", "Energy", "Agriculture", "Digital Affairs",
          "Labour and Social Protection", "Environment", "Tourism", "Youth and Sports", "Finance",
          "Urban Development", "Gender Equality", "Innovation", "Statistics", "Transport"]
GLOBAL = ["UNICEF", "the World Bank", "the European Union", "UN Women", "the OECD", "Nesta",
          "the Open Government Partnership", "the Inter-American Development Bank"]
CUES = ["in partnership with", "funded by", "supported by", "together with", "managed by",
        "in collaboration with", "a member of", "with technical assistance from"]
FILLER = ("The challenge is that services do not reach the people who need them most, and the "
          "data that would show where they fail is scattered across offices. We mapped the "
          "system with residents, tested three prototypes and measured what changed. ")


def org(rng):
    return rng.choice(HEADS).format(rng.choice(TOPICS))


def sentence(rng):
    a, b = org(rng), org(rng) if rng.random() < 0.7 else rng.choice(GLOBAL)
    return f"The {a} worked on the pilot {rng.choice(CUES)} {b}, which gave it reach. "


def record(rng, i):
    country = rng.choice(COUNTRIES)
    lines = [f"# Learning plan {i}: {rng.choice(TOPICS).lower()} services", "",
             "[[focal_point:someone@undp.org]]", "", f"[[year:{rng.randint(2020, 2025)}]]", "",
             "[[type:learningplan]]", "", "[[methods:Co-creation]]",
             "[[sdgs:17. Partnerships for the goals]]", f"[[country:{country}]]", "## Title", "",
             "> Please provide a name for your action learning plan.", "",
             f"Plan {i}", "## Challenge statement", ""]
    for prompt in ["Challenge statement: What is your challenge?",
                   "Background: What is the history of your challenge?",
                   "Value proposition: What added value is your Accelerator Lab bringing?",
                   "Short tweet summary", "Qualitative evidence"]:
        lines += [f"> {prompt}", ""]
        body = "".join(sentence(rng) if rng.random() < 0.4 else FILLER for _ in range(7))
        lines += ['<div class="group">', "", "> ", "", body, "", "</div>", ""]
    lines += ["## Partners", "",
              "> Who are your top 5 partners for this challenge? Please submit from MOST to LEAST "
              "important and state Name, Sector and a brief description of the (intended) "
              "collaboration.", ""]
    pasted = "".join(sentence(rng) for _ in range(2))
    for _ in range(5):
        names = " and ".join(org(rng) for _ in range(rng.randint(1, 2)))
        lines += ['<div class="group">', "", "> Please state the name of the Parter:", "",
                  f"{names} (national level)", "", "</div>", "",
                  '<div class="group">', "", "> Please provide a brief description of the "
                  "collaboration.", "", pasted, "", "</div>", ""]
    lines += ["## Learning questions", "", "> Learning question: What is your learning question?", ""]
    lines += ["".join(FILLER for _ in range(4)), ""]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 3)
    os.makedirs(out, exist_ok=True)
    for i in range(count):
        with open(os.path.join(out, f"plan_{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(record(rng, i))


if __name__ == "__main__":
    main()
