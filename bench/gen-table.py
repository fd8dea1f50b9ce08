#!/usr/bin/env python3
"""Writes the records of a generated corpus (bench/gen-records.py) as tables of records:
OUT/solutions.csv in the layout of UNDP's platform export, and OUT/solutions.json, a JSON
array of the same rows; one row a record, its text the record's.  The same words in three
formats, so that bench/import-bench compares readers, not corpora.

usage: gen-table.py CORPUS OUT
"""
import csv
import json
import os
import sys

COLUMNS = ["pad_id", "contributor_id", "title", "created_at", "updated_at", "status",
           "source_pad_id", "template", "iso3", "rights", "email", "country", "snippet",
           "vignette", "content", "location-1-country", "location-1-iso3", "location-1-lat",
           "location-1-lng", "sdgs-tag-1", "thematic_areas-tag-1", "auto_thematic-tag-1"]


def rows(corpus):
    for number, name in enumerate(sorted(n for n in os.listdir(corpus) if n.endswith(".md"))):
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            text = f.read()
        title = next((l.lstrip("# ").strip() for l in text.splitlines() if l.strip()), name)
        yield {"pad_id": 1000 + number, "contributor_id": 7, "title": title,
               "created_at": "2023-05-01 10:00:00", "updated_at": "2023-06-01 10:00:00",
               "status": 2, "source_pad_id": "", "template": "", "iso3": "KEN", "rights": 1,
               "email": "lab@example.org", "country": "Kenya", "snippet": title,
               "vignette": "", "content": text, "location-1-country": "Kenya",
               "location-1-iso3": "KEN", "location-1-lat": -1.3, "location-1-lng": 36.8,
               "sdgs-tag-1": 9, "thematic_areas-tag-1": 112, "auto_thematic-tag-1": 45}


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "csv"), exist_ok=True)
    os.makedirs(os.path.join(out, "json"), exist_ok=True)
    table = list(rows(corpus))
    with open(os.path.join(out, "csv", "solutions.csv"), "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(table)
    with open(os.path.join(out, "json", "solutions.json"), "w", encoding="utf-8") as f:
        json.dump(table, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
