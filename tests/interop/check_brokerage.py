"""Checks ecomap's brokerage roles against R's sna::brokerage: counts exactly, z-scores to a
relative 1e-9.

usage: check_brokerage.py ECOMAP RSCRIPT

sna labels its columns w_I, w_O, b_IO, b_OI, b_O; its C code counts, for a -> v -> b,
b_IO when a and v share a group (ecomap's representative) and b_OI when v and b do
(gatekeeper).  The comparison goes by those patterns, not by names.
"""
import csv
import json
import math
import os
import random
import subprocess
import sys
import tempfile

import networkx as nx

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]
R_CODE = """
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(sna))
m <- as.matrix(read.csv(args[1], header = FALSE))
cl <- readLines(args[2])
b <- brokerage(m, cl)
write.csv(cbind(b$raw.nli[, 1:5], b$z.nli[, 1:5]), args[3], row.names = FALSE)
"""


def write_map(g, groups, path):
    actors = [{"id": f"n{v}", "name": f"Actor {v}", "attributes": {"group": groups[v]}} for v in g]
    ties = [{"source": f"n{u}", "target": f"n{v}", "kind": "partnership",
             "directed": g.is_directed(), "weight": 1} for u, v in g.edges()]
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"format": "ecomap", "version": 1, "actors": actors, "ties": ties}, f)


def run_r(rscript, g, groups, workdir):
    n = g.number_of_nodes()
    adjacency = nx.to_numpy_array(g, nodelist=range(n), weight=None)
    with open(os.path.join(workdir, "m.csv"), "w") as f:
        for row in adjacency:
            f.write(",".join(str(int(x)) for x in row) + "\n")
    with open(os.path.join(workdir, "cl.txt"), "w") as f:
        f.write("\n".join(groups[v] for v in range(n)) + "\n")
    with open(os.path.join(workdir, "b.R"), "w") as f:
        f.write(R_CODE)
    subprocess.run([rscript, os.path.join(workdir, "b.R"), os.path.join(workdir, "m.csv"),
                    os.path.join(workdir, "cl.txt"), os.path.join(workdir, "out.csv")],
                   check=True, capture_output=True)
    with open(os.path.join(workdir, "out.csv")) as f:
        rows = list(csv.reader(f))[1:]
    return [[float(x) if x not in ("NA", "NaN", "Inf", "-Inf") else math.nan for x in row] for row in rows]


def run_ecomap(ecomap, g, groups, workdir):
    path = os.path.join(workdir, "map.json")
    write_map(g, groups, path)
    cmd = [ecomap, "brokers", path, "--json", "--top", "0", "--group-by", "group"]
    if g.is_directed():
        cmd.append("--directed")
    rows = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    return {int(r["id"][1:]): r for r in rows}


def graphs():
    random.seed(5)
    for seed, directed, n, p in [(1, True, 25, 0.12), (2, False, 30, 0.1), (3, True, 40, 0.08),
                                 (4, False, 18, 0.25)]:
        g = nx.gnp_random_graph(n, p, seed=seed, directed=directed)
        groups = {v: random.choice("ABCD") for v in g}
        yield f"{'directed' if directed else 'undirected'} G({n}, {p})", g, groups
    # A hub tied to half the others, and groups as many as a third of the actors: the roles
    # come from counts of a broker's contacts by group, whatever the number of groups
    for directed in (False, True):
        g = nx.gnp_random_graph(45, 0.08, seed=6, directed=directed)
        g.add_edges_from((0, v) for v in range(1, 45, 2))
        g.add_edges_from((v, 0) for v in range(1, 45, 5))
        groups = {v: f"g{random.randrange(15)}" for v in g}
        yield f"{'directed' if directed else 'undirected'} hub, 15 groups", g, groups


def main():
    ecomap, rscript = sys.argv[1], sys.argv[2]
    failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for name, g, groups in graphs():
            ours = run_ecomap(ecomap, g, groups, workdir)
            theirs = run_r(rscript, g, groups, workdir)
            for v in range(g.number_of_nodes()):
                for k, role in enumerate(ROLES):
                    count, z = theirs[v][k], theirs[v][5 + k]
                    our_z = ours[v][role + "_z"]
                    if ours[v][role] != count:
                        failures += 1
                        print(f"{name}: {role} count of {v}: ecomap {ours[v][role]}, sna {count}")
                    z_agree = (our_z is None and (math.isnan(z) or math.isinf(z))) or (
                        our_z is not None and math.isclose(our_z, z, rel_tol=1e-9, abs_tol=1e-12))
                    if not z_agree:
                        failures += 1
                        print(f"{name}: {role} z of {v}: ecomap {our_z}, sna {z}")
            print(f"{name}: {g.number_of_nodes()} actors, {g.number_of_edges()} ties compared")
    if failures:
        sys.exit(f"{failures} values differ from sna::brokerage")
    print("all counts and z-scores agree with sna::brokerage")


if __name__ == "__main__":
    main()
