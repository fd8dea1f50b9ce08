"""Checks that NetworkX reads a node-link export into the graph the native map describes.

usage: check_node_link.py MAP.json EDGES.json LINKS.json
"""
import json
import sys

import networkx as nx
from networkx.readwrite import json_graph


def load(path, key):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    # NetworkX 2.8 names the key "link"; 3.4 and later "edges".
    try:
        return json_graph.node_link_graph(data, edges=key)
    except TypeError:
        return json_graph.node_link_graph(data, link=key)


def main():
    map_path, edges_path, links_path = sys.argv[1:4]
    with open(map_path, encoding="utf-8") as f:
        native = json.load(f)
    for path, key in ((edges_path, "edges"), (links_path, "links")):
        g = load(path, key)
        actors = {a["id"]: a for a in native["actors"]}
        assert set(g.nodes) == set(actors), (path, set(g.nodes) ^ set(actors))
        for node, data in g.nodes(data=True):
            assert data["name"] == actors[node]["name"], node
            assert data["type"] == actors[node]["type"], node
            assert data["country"] == actors[node]["country"], node
            assert data["aliases"] == actors[node]["aliases"], node
        expected = sorted((t["source"], t["target"], t["kind"], t["weight"]) for t in native["ties"])
        got = sorted((u, v, d["kind"], d["weight"]) for u, v, d in g.edges(data=True))
        # An undirected NetworkX graph may report an edge's ends in either order.
        norm = lambda ts: sorted((min(a, b), max(a, b), k, w) for a, b, k, w in ts)
        assert norm(got) == norm(expected), (path, norm(got), norm(expected))
        for u, v, d in g.edges(data=True):
            assert d["evidence"], (u, v, "a tie without evidence")
        print(f"{key}: {g.number_of_nodes()} actors, {g.number_of_edges()} ties read back by "
              f"NetworkX {nx.__version__}")


if __name__ == "__main__":
    main()
