#!/usr/bin/env python3
"""The hostile shapes of issue 20, each at any size: files an attacker or an unlucky user
could hand to `ecomap import` that once made it quadratic or worse.

    hostile.py SHAPE N FOLDER   writes the shape at size N into FOLDER and prints the
                                ecomap arguments that import it (one per line)
    hostile.py --list           names the shapes

Used by tests/growth/run (time at 8x the size against time at 1x) and by hand at the
sizes the issue quotes."""
import os
import sys


def aliases(folder, lines):
    """The alias file of lines, and a CSV of ties that names every alias in it, so that
    resolution merges and renames as many actors as there are lines."""
    with open(os.path.join(folder, "input.csv"), "w") as f:
        f.write("source,target\n")
        f.writelines(line.split(",")[0] + ",Hub\n" for line in lines)
    with open(os.path.join(folder, "aliases.csv"), "w") as f:
        f.writelines(lines)
    return ["--aliases", os.path.join(folder, "aliases.csv"), os.path.join(folder, "input.csv")]


def alias_lines(folder, n):
    """n distinct lines, each naming a body of its own."""
    return aliases(folder, [f"Alias {i},Body number {i}\n" for i in range(n)])


def alias_chain(folder, n):
    """A0 is a name of A1, which is a name of A2, ... written from the top of the chain
    down: each line's canonical name is already an alias of the line before."""
    return aliases(folder, [f"Chain {i},Chain {i + 1}\n" for i in reversed(range(n))])


def alias_chain_up(folder, n):
    """The same chain written from its foot up: A0,A1 then A1,A2 ..."""
    return aliases(folder, [f"Chain {i},Chain {i + 1}\n" for i in range(n)])


def node_link_missing(folder, n):
    """Edges to n nodes the file does not declare: a warning each."""
    path = os.path.join(folder, "graph.json")
    with open(path, "w") as f:
        f.write('{"directed": false, "nodes": [{"id": "hub"}],\n "edges": [\n')
        f.write(",\n".join(f'  {{"source": "hub", "target": "missing-{i}"}}' for i in range(n)))
        f.write("\n]}\n")
    return [path]


def kumu_json_missing(folder, n):
    """Kumu project connections to n elements it does not hold, all on one line."""
    path = os.path.join(folder, "project.json")
    with open(path, "w") as f:
        f.write('{"elements": [{"_id": "hub", "attributes": {"label": "Hub"}}], "connections": [')
        f.write(",".join(f'{{"from": "hub", "to": "elem-{i}"}}' for i in range(n)))
        f.write("]}\n")
    return [path]


def kumu_csv_missing(folder, n):
    """Kumu connections sheet rows to n elements no elements sheet holds."""
    with open(os.path.join(folder, "map.elements.csv"), "w") as f:
        f.write("Label,Type\nHub,Lab\n")
    with open(os.path.join(folder, "map.connections.csv"), "w") as f:
        f.write("From,To,Direction\n")
        f.writelines(f"Hub,Missing {i},undirected\n" for i in range(n))
    return [folder]


def graphml_keys(folder, n):
    """n <key> declarations, each used once."""
    path = os.path.join(folder, "graph.graphml")
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        f.writelines(f'<key id="k{i}" for="node" attr.name="field{i}" attr.type="string"/>\n'
                     for i in range(n))
        f.write('<graph edgedefault="undirected">\n<node id="a">')
        f.writelines(f'<data key="k{i}">v</data>' for i in range(0, n, max(1, n // 1000)))
        f.write('</node>\n<node id="b"/>\n<edge source="a" target="b"/>\n</graph>\n</graphml>\n')
    return [path]


def kumu_wide_row(folder, n):
    """One Kumu connection row from n elements to one: n ties."""
    with open(os.path.join(folder, "map.connections.csv"), "w") as f:
        f.write("From,To,Direction\n")
        f.write("|".join(f"Element {i}" for i in range(n)) + ",Target,undirected\n")
    return [os.path.join(folder, "map.connections.csv")]


def kumu_cross_row(folder, n):
    """One Kumu connection row from n elements to n others: n * n ties, past the bound."""
    with open(os.path.join(folder, "map.connections.csv"), "w") as f:
        f.write("From,To,Direction\n")
        f.write("|".join(f"From {i}" for i in range(n)) + "," +
                "|".join(f"To {i}" for i in range(n)) + ",undirected\n")
    return [os.path.join(folder, "map.connections.csv")]


SHAPES = {
    "alias-lines": alias_lines,
    "alias-chain": alias_chain,
    "alias-chain-up": alias_chain_up,
    "node-link-missing": node_link_missing,
    "kumu-json-missing": kumu_json_missing,
    "kumu-csv-missing": kumu_csv_missing,
    "graphml-keys": graphml_keys,
    "kumu-wide-row": kumu_wide_row,
    "kumu-cross-row": kumu_cross_row,
}

if __name__ == "__main__":
    if sys.argv[1:] == ["--list"]:
        print("\n".join(SHAPES))
        sys.exit(0)
    shape, n, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(folder, exist_ok=True)
    print("\n".join(SHAPES[shape](folder, n)))
