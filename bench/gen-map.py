#!/usr/bin/env python3
"""Writes a synthetic ecosystem map (ecomap's native JSON) for the benchmarks.

usage: gen-map.py OUT.json ACTORS TIES [SEED] [--hub]

Actors get types in the proportions of real ecosystem maps, belong to communities (most
ties stay inside one), and are chosen by preferential attachment so that degrees are heavy-
tailed, as in the maps where a few agencies and labs tie to everyone.  Ties get kinds and
weights (1 to 4 records).  The same arguments give the same map.

--hub adds the hub case of issue 21: actor a0 also partners every second actor (ACTORS / 2
more ties), one actor tied to half the others, as a national agency or a funder may be.
"""
import json
import random
import sys

TYPES = ["government"] * 35 + ["lab"] * 10 + ["academia"] * 15 + ["civil_society"] * 15 + \
        ["international"] * 8 + ["private"] * 12 + ["network"] * 5
KINDS = ["partnership"] * 50 + ["funding"] * 10 + ["hosting"] * 8 + ["support"] * 12 + \
        ["membership"] * 5 + ["related"] * 15
DIRECTED = {"funding", "hosting", "support", "membership"}


def main():
    args = [a for a in sys.argv[1:] if a != "--hub"]
    hub = len(args) < len(sys.argv) - 1
    out, actors, ties = args[0], int(args[1]), int(args[2])
    rng = random.Random(int(args[3]) if len(args) > 3 else 1)
    communities = max(1, actors // 60)
    community = [rng.randrange(communities) for _ in range(actors)]
    members = [[] for _ in range(communities)]
    for a, c in enumerate(community):
        members[c].append(a)
    # Preferential attachment: an actor's chance grows with the ties it already has.
    endpoints = list(range(actors))
    seen, edges = set(), []
    while len(edges) < ties:
        a = rng.choice(endpoints)
        if rng.random() < 0.85:
            b = rng.choice(members[community[a]]) if rng.random() < 0.5 else rng.choice(endpoints)
            if community[b] != community[a] and rng.random() < 0.7:
                b = rng.choice(members[community[a]])
        else:
            b = rng.randrange(actors)
        kind = rng.choice(KINDS)
        key = (min(a, b), max(a, b), kind)
        if a == b or key in seen:
            continue
        seen.add(key)
        edges.append((a, b, kind, rng.choice([1, 1, 1, 2, 2, 3, 4])))
        endpoints += [a, b]
    if hub:
        for b in range(2, actors, 2):
            if (0, b, "partnership") not in seen:
                edges.append((0, b, "partnership", 1))
    doc = {
        "format": "ecomap", "version": 1, "records": [],
        "actors": [{"id": f"a{i}", "name": f"Organisation {i}", "type": rng.choice(TYPES),
                    "country": None, "aliases": [], "attributes": {"community": str(community[i])},
                    "records": []} for i in range(actors)],
        "ties": [{"source": f"a{a}", "target": f"a{b}", "kind": k, "directed": k in DIRECTED,
                  "weight": w, "evidence": []} for a, b, k, w in edges],
    }
    with open(out, "w") as f:
        json.dump(doc, f)


if __name__ == "__main__":
    main()
