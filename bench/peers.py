#!/usr/bin/env python3
"""Times one peer's betweenness on a map, for bench/run.

usage: peers.py TOOL MAP.json      TOOL: python-igraph, networkx or graph-tool

Reads the map as ecomap's default view reads it (undirected, unweighted, parallel ties one
link), then times only the betweenness call with time.perf_counter.  Prints one JSON line:
the seconds and the ids of the 20 actors with the highest betweenness.
"""
import json
import sys
import time


def read_map(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    ids = [a["id"] for a in doc["actors"]]
    index = {a: i for i, a in enumerate(ids)}
    links = set()
    for t in doc["ties"]:
        a, b = index[t["source"]], index[t["target"]]
        if a != b:
            links.add((min(a, b), max(a, b)))
    return ids, sorted(links)


def python_igraph(n, links):
    import igraph
    g = igraph.Graph(n=n, edges=links, directed=False)
    start = time.perf_counter()
    scores = g.betweenness(directed=False)
    return time.perf_counter() - start, scores


def networkx(n, links):
    import networkx as nx
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(links)
    start = time.perf_counter()
    scores = nx.betweenness_centrality(g, normalized=False)
    return time.perf_counter() - start, [scores[v] for v in range(n)]


def graph_tool(n, links):
    import graph_tool
    import graph_tool.centrality
    g = graph_tool.Graph(directed=False)
    g.add_vertex(n)
    g.add_edge_list(links)
    start = time.perf_counter()
    vertex, _ = graph_tool.centrality.betweenness(g, norm=False)
    return time.perf_counter() - start, list(vertex.a)


def main():
    tool, path = sys.argv[1], sys.argv[2]
    ids, links = read_map(path)
    run = {"python-igraph": python_igraph, "networkx": networkx, "graph-tool": graph_tool}[tool]
    seconds, scores = run(len(ids), links)
    top = sorted(range(len(ids)), key=lambda v: (-scores[v], v))[:20]
    print(json.dumps({"seconds": seconds, "top": [ids[v] for v in top]}))


if __name__ == "__main__":
    main()
