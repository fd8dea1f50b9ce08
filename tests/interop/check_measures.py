"""Checks ecomap's centralities and Burt's measures against NetworkX, to a relative 1e-9.

usage: check_measures.py ECOMAP

Each graph is written as a native ecomap map, ranked by `ecomap rank --json` with every
measure, and compared with NetworkX computing the same measure under the convention ecomap
states (see `ecomap help rank`).  Weighted path lengths are 1/weight; the weights used are
powers of two, so that sums of lengths are exact in binary and both tools see the same ties
between path lengths.
"""
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

MEASURES = ["degree", "strength", "betweenness", "betweenness_norm", "harmonic", "closeness",
            "eigenvector", "pagerank", "coreness", "clustering", "constraint",
            "effective_size", "efficiency"]


def write_map(g, path):
    actors = [{"id": f"n{v}", "name": f"Actor {v}"} for v in g.nodes]
    ties = [{"source": f"n{u}", "target": f"n{v}", "kind": "partnership",
             "directed": g.is_directed(), "weight": d.get("weight", 1)}
            for u, v, d in g.edges(data=True)]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "ecomap", "version": 1, "actors": actors, "ties": ties}, f)


def ecomap_measures(ecomap, g, weighted, workdir):
    path = os.path.join(workdir, "map.json")
    write_map(g, path)
    cmd = [ecomap, "rank", path, "--json", "--top", "0", "--by", ",".join(MEASURES)]
    if g.is_directed():
        cmd.append("--directed")
    if weighted:
        cmd.append("--weighted")
    rows = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return {int(r["id"][1:]): r for r in rows}


def networkx_measures(g, weighted):
    w = "weight" if weighted else None
    h = g.copy()
    for _, _, d in h.edges(data=True):
        d["length"] = 1.0 / d.get("weight", 1) if weighted else 1.0
    dist = "length" if weighted else None
    undirected = nx.Graph(g.to_undirected()) if g.is_directed() else g
    esize = nx.effective_size(g, weight=w)
    out = {
        "degree": dict(g.degree()),
        "strength": dict(g.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(h, normalized=False, weight=dist),
        "betweenness_norm": nx.betweenness_centrality(h, normalized=True, weight=dist),
        "harmonic": nx.harmonic_centrality(h, distance=dist),
        "closeness": nx.closeness_centrality(h, distance=dist, wf_improved=False),
        "pagerank": nx.pagerank(g, alpha=0.85, weight=w, tol=1e-15, max_iter=100000),
        "coreness": nx.core_number(g),
        "clustering": nx.clustering(undirected),
        "constraint": nx.constraint(g, weight=w),
        "effective_size": esize,
        "efficiency": {v: esize[v] / len(set(nx.all_neighbors(g, v))) if len(set(nx.all_neighbors(g, v))) else math.nan
                       for v in g},
    }
    if nx.is_connected(undirected) and (not g.is_directed() or nx.is_strongly_connected(g)):
        # Elsewhere the leading eigenvector is not unique; both tools pick one differently.
        out["eigenvector"] = nx.eigenvector_centrality_numpy(g, weight=w)
    return out


def close(ours, theirs, measure, v):
    if ours is None:  # undefined: NaN in ecomap
        # NetworkX says 0 for the closeness of an actor no one reaches, NaN for Burt's
        # measures of an isolate.
        return (isinstance(theirs, float) and math.isnan(theirs)) or (measure == "closeness" and theirs == 0)
    return math.isclose(ours, theirs, rel_tol=1e-9, abs_tol=1e-12)


def graphs():
    random.seed(7)
    karate = nx.karate_club_graph()
    for _, _, d in karate.edges(data=True):
        d.pop("weight", None)
    yield "karate club", karate, False
    yield "florentine families", nx.florentine_families_graph(), False
    weighted = nx.gnm_random_graph(40, 120, seed=3)
    for _, _, d in weighted.edges(data=True):
        d["weight"] = random.choice([1, 2, 4, 8])
    yield "weighted random", weighted, True
    yield "weighted random, weights ignored", weighted, False
    pieces = nx.disjoint_union_all([nx.gnm_random_graph(12, 25, seed=5), nx.path_graph(6),
                                    nx.star_graph(4), nx.empty_graph(3)])
    yield "disconnected with isolates", pieces, False
    directed = nx.gnp_random_graph(30, 0.15, seed=11, directed=True)
    yield "directed random", directed, False
    strongly = nx.DiGraph(nx.cycle_graph(20, create_using=nx.DiGraph))
    strongly.add_edges_from((random.randrange(20), random.randrange(20)) for _ in range(30))
    strongly.remove_edges_from(nx.selfloop_edges(strongly))
    for _, _, d in strongly.edges(data=True):
        d["weight"] = random.choice([1, 2, 4])
    yield "directed weighted, strongly connected", strongly, True
    yield "les miserables", nx.Graph(nx.les_miserables_graph().edges()), False
    # A hub tied to half the others, where Burt's measures go through triangles, not pairs
    hub = nx.gnm_random_graph(80, 200, seed=13)
    hub.add_edges_from((0, v) for v in range(2, 80, 2))
    yield "hub tied to half the others", hub, False
    # (every actor with a tie out: NetworkX gives an actor without one no value, ecomap
    # reads contacts either way)
    weighted_hub = nx.DiGraph(nx.gnm_random_graph(60, 150, seed=17, directed=True))
    weighted_hub.add_edges_from((v, (v + 1) % 60) for v in range(60))
    weighted_hub.add_edges_from((0, v) for v in range(1, 60, 2))
    weighted_hub.add_edges_from((v, 0) for v in range(1, 60, 3))
    for _, _, d in weighted_hub.edges(data=True):
        d["weight"] = random.choice([1, 2, 4])
    yield "directed weighted hub", weighted_hub, True


def main():
    ecomap = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for name, g, weighted in graphs():
            g = nx.convert_node_labels_to_integers(g)
            ours = ecomap_measures(ecomap, g, weighted, workdir)
            theirs = networkx_measures(g, weighted)
            checked = 0
            for measure, values in theirs.items():
                for v, value in values.items():
                    checked += 1
                    if not close(ours[v][measure], value, measure, v):
                        failures += 1
                        print(f"{name}: {measure} of node {v}: ecomap {ours[v][measure]!r}, "
                              f"NetworkX {value!r}")
            print(f"{name}: {g.number_of_nodes()} actors, {g.number_of_edges()} ties, "
                  f"{len(theirs)} measures, {checked} values compared")
    if failures:
        print(f"{failures} values differ")
        sys.exit(1)
    print(f"all values agree with NetworkX {nx.__version__} to a relative 1e-9")


if __name__ == "__main__":
    main()
