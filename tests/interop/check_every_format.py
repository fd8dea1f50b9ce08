"""Checks that other tools read every format ecomap exports into the map it came from.

usage: check_every_format.py MAP.json DIR

DIR holds the exports of MAP.json made by tests/interop/every-format: map.node-link.json,
map.cytoscape.json, map.graphml, map.gexf, map.{elements,connections,records}.csv (Kumu) and
map.{nodes,relationships}.csv (Neo4j).  Each is read back with the reader its users have
(NetworkX, python-igraph, the csv module), and by ecomap itself where it has a reader
(back.FORMAT.json), and compared with the native map: the same
actors with the same names, types, countries, aliases and attributes; the same ties with the
same kinds, directions, weights and evidence.  Any difference fails with an AssertionError.
"""
import csv
import io
import json
import math
import os
import re
import sys

import networkx as nx
from networkx.readwrite import gexf as nx_gexf
from networkx.readwrite import json_graph

# Okabe-Ito, as export/gexf.c colours the types.
PALETTE = {None: (221, 221, 221), "government": (0, 114, 178), "lab": (230, 159, 0),
           "academia": (0, 158, 115), "civil_society": (204, 121, 167),
           "international": (86, 180, 233), "private": (213, 94, 0), "network": (240, 228, 66)}
NEO4J_LABELS = {None: "Actor", "government": "Actor|Government", "lab": "Actor|Lab",
                "academia": "Actor|Academia", "civil_society": "Actor|CivilSociety",
                "international": "Actor|International", "private": "Actor|Private",
                "network": "Actor|Network"}


# ---- What the map says, and how each format is expected to spell it ------------------------

def split_list(text):
    """Splits a '|' list whose items escape '|' and '\\' with '\\' (docs/FORMAT.md)."""
    if not text:
        return []
    items, item, escaped = [], "", False
    for c in text:
        if escaped:
            item, escaped = item + c, False
        elif c == "\\":
            escaped = True
        elif c == "|":
            items.append(item)
            item = ""
        else:
            item += c
    assert not escaped, ("a list ends in a lone backslash", text)
    return items + [item]


def evidence_item(ev):
    """One piece of evidence as "RECORD:LINE: TEXT", as GraphML, GEXF and Neo4j carry it."""
    where = ev["record"] or ev["source"]
    item = where or ""
    if where and ev["line"]:
        item += ":%d" % ev["line"]
    if where and ev["text"]:
        item += ": "
    return item + (ev["text"] or "")


def renamed(attributes, taken, prefix="attribute:", fold=False, colon=None):
    """A node's free attributes under the names a format gives their columns or keys."""
    out = {}
    for key, value in attributes.items():
        name = key.replace(":", colon) if colon else key
        if (key.lower() if fold else key) in taken:
            name = prefix + name
        out[name] = value
    return out


def degrees(native):
    count = {a["id"]: 0 for a in native["actors"]}
    for t in native["ties"]:
        count[t["source"]] += 1
        count[t["target"]] += 1
    return count


def tie_key(t, undirected_ends=False):
    ends = (t["source"], t["target"])
    if undirected_ends:
        ends = tuple(sorted(ends))
    return ends + (t["kind"],)


def check_ties(label, got, native, undirected_ends):
    """got: {(source, target, kind): (directed, weight, evidence)} read from a format."""
    want = {tie_key(t, undirected_ends): (t["directed"], t["weight"], t["evidence"])
            for t in native["ties"]}
    assert set(got) == set(want), (label, "ties differ", set(got) ^ set(want))
    for key, (directed, weight, evidence) in got.items():
        assert directed == want[key][0], (label, key, "directed", directed)
        assert weight == want[key][1], (label, key, "weight", weight, want[key][1])
        assert evidence == want[key][2], (label, key, "evidence", evidence, want[key][2])


# ---- JSON: node-link and Cytoscape.js -------------------------------------------------------

def check_json_graph(label, g, native):
    actors = {a["id"]: a for a in native["actors"]}
    assert set(g.nodes) == set(actors), (label, set(g.nodes) ^ set(actors))
    for node, data in g.nodes(data=True):
        a = actors[node]
        for field in ("name", "type", "country", "aliases", "records"):
            assert data[field] == a[field], (label, node, field, data[field])
        for key, value in renamed(a["attributes"], {"id", "name", "type", "country", "aliases",
                                                    "records"}).items():
            assert data[key] == value, (label, node, key)
    got = {}
    for u, v, d in g.edges(data=True):
        got[tuple(sorted((u, v))) + (d["kind"],)] = (d["directed"], d["weight"], d["evidence"])
    check_ties(label, got, native, undirected_ends=True)
    return g.number_of_nodes(), g.number_of_edges()


def read_node_link(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:  # NetworkX 3.4 and later name the key "edges"; 2.8 calls it "link".
        return json_graph.node_link_graph(data, edges="edges")
    except TypeError:
        return json_graph.node_link_graph(data, link="edges")


def read_cytoscape(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    nodes, edges = data["elements"]["nodes"], data["elements"]["edges"]
    ids = [n["data"]["id"] for n in nodes] + [e["data"]["id"] for e in edges]
    assert len(ids) == len(set(ids)), "Cytoscape.js needs ids unique among nodes and edges"
    for e in edges:
        assert {"id", "source", "target"} <= set(e["data"]), e
    return nx.cytoscape_graph(data)


# ---- GraphML and GEXF -----------------------------------------------------------------------

def check_xml_nodes(label, g, native, name_key, attribute_names):
    actors = {a["id"]: a for a in native["actors"]}
    assert set(g.nodes) == set(actors), (label, set(g.nodes) ^ set(actors))
    for node, data in g.nodes(data=True):
        a = actors[node]
        assert data[name_key] == a["name"], (label, node, data[name_key])
        assert data.get("type") == a["type"], (label, node, "type")
        assert data.get("country") == a["country"], (label, node, "country")
        assert split_list(data.get("aliases")) == a["aliases"], (label, node, "aliases")
        assert split_list(data.get("records")) == a["records"], (label, node, "records")
        for key, value in attribute_names(a["attributes"]).items():
            assert data[key] == value, (label, node, key, data.get(key))


def xml_edges(g):
    got = {}
    for u, v, d in g.edges(data=True):
        got[tuple(sorted((u, v))) + (d["kind"],)] = (d["directed"], d["weight"],
                                                      split_list(d.get("evidence")))
    return got


def check_graphml(path, native):
    g = nx.read_graphml(path)
    taken = {"id", "name", "type", "country", "aliases", "records"}
    check_xml_nodes("graphml", g, native, "name", lambda at: renamed(at, taken))
    check_ties("graphml", xml_edges(g), as_items(native), undirected_ends=True)
    return g.number_of_nodes(), g.number_of_edges()


def as_items(native):
    """The native map with each tie's evidence as GraphML/GEXF items."""
    copy = dict(native)
    copy["ties"] = [dict(t, evidence=[evidence_item(ev) for ev in t["evidence"]
                                      if evidence_item(ev)])
                    for t in native["ties"]]
    return copy


GEXF_13_NATIVE = "1.3" in nx_gexf.GEXF.versions


def read_gexf(path):
    if not GEXF_13_NATIVE:
        # NetworkX reads GEXF 1.3 from 3.6 on (networkx PR #8196, which adds just these
        # namespaces); older releases, such as Debian's 2.8, are taught them here.
        nx_gexf.GEXF.versions["1.3"] = {
            "NS_GEXF": "http://gexf.net/1.3", "NS_VIZ": "http://gexf.net/1.3/viz",
            "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
            "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            "VERSION": "1.3"}
    # A directed tie's edge says type="directed" in a graph whose edges are undirected by
    # default, which Gephi reads as a mixed graph; NetworkX has none and refuses it, so the
    # types are checked here and taken out before NetworkX reads the rest.
    text = open(path, encoding="utf-8").read()
    for edge in re.findall(r"<edge [^>]*>", text):
        directed = ' type="directed"' in edge
        said = re.search(r'<attvalue for="directed" value="(true|false)"/>',
                         text[text.index(edge):]).group(1)
        assert directed == (said == "true"), ("gexf edge type", edge)
    stripped = path + ".undirected"
    with open(stripped, "w", encoding="utf-8") as f:
        f.write(text.replace(' type="directed"', ""))
    return nx.read_gexf(stripped, version="1.3")


def check_gexf(path, native):
    g = read_gexf(path)
    taken = {"type", "country", "aliases", "records", "degree", "label"}
    check_xml_nodes("gexf", g, native, "label", lambda at: renamed(at, taken))
    degree = degrees(native)
    types = {a["id"]: a["type"] for a in native["actors"]}
    for node, data in g.nodes(data=True):
        assert data["degree"] == degree[node], (node, data["degree"])
        color = data["viz"]["color"]
        assert (color["r"], color["g"], color["b"]) == PALETTE[types[node]], (node, color)
        size = round(100 + 100 * math.sqrt(degree[node])) / 10
        assert data["viz"]["size"] == size, (node, data["viz"]["size"], size)
    check_ties("gexf", xml_edges(g), as_items(native), undirected_ends=True)
    return g.number_of_nodes(), g.number_of_edges()


def check_igraph(path, native):
    import igraph

    g = igraph.Graph.Read_GraphML(path)
    actors = {a["id"]: a for a in native["actors"]}
    ids = g.vs["id"]
    assert sorted(ids) == sorted(actors), ("igraph", ids)
    for v in g.vs:
        a = actors[v["id"]]
        assert v["name"] == a["name"], ("igraph", v["id"], v["name"])
        assert (v["type"] or None) == a["type"], ("igraph", v["id"], v["type"])
    got = {}
    for e in g.es:
        ends = tuple(sorted((ids[e.source], ids[e.target])))
        got[ends + (e["kind"],)] = (e["directed"], e["weight"], split_list(e["evidence"]))
    check_ties("igraph graphml", got, as_items(native), undirected_ends=True)
    return g.vcount(), g.ecount(), igraph.__version__


def igraph_reads_no_gexf(path):
    """docs/FORMAT.md says igraph reads no GEXF, so GraphML is its format: hold it to that.
    Should a later igraph read GEXF, this fails, and the GEXF export should be checked with it."""
    import igraph

    try:
        igraph.Graph.Read(path, format="gexf")
    except (OSError, ValueError, TypeError, igraph.InternalError) as e:
        return igraph.__version__, str(e)
    raise AssertionError("python-igraph %s reads GEXF now: check map.gexf with it"
                         % igraph.__version__)


# ---- CSV: Kumu and Neo4j --------------------------------------------------------------------

def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    assert raw.endswith("\r\n"), (path, "RFC 4180 rows end in CRLF")
    return list(csv.DictReader(io.StringIO(raw, newline="")))


def check_kumu(base, native):
    elements = read_csv(base + ".elements.csv")
    connections = read_csv(base + ".connections.csv")
    records = read_csv(base + ".records.csv")
    assert list(elements[0])[:2] == ["ID", "Label"], "Kumu wants ID (or Label) first"
    assert list(connections[0])[:2] == ["From", "To"], "Kumu wants From and To first"
    fixed = {"ID", "Label", "Type", "Description", "Tags", "Country", "Country Code", "Aliases",
             "Records"}
    actors = {a["id"]: a for a in native["actors"]}
    assert [e["ID"] for e in elements] == sorted(actors), "elements sorted by id"
    for row in elements:
        a = actors[row["ID"]]
        assert row["Label"] == a["name"]
        assert (row["Type"] or None) == a["type"]
        assert (row["Country"] or None) == a["country"]
        assert (row["Country Code"] or None) == a["country_code"]
        assert split_list(row["Aliases"]) == a["aliases"], (row["ID"], row["Aliases"])
        assert split_list(row["Records"]) == a["records"]
        attributes = {k: v for k, v in a["attributes"].items() if k not in ("description", "tags")}
        want = renamed(attributes, {c.lower() for c in fixed}, fold=True)
        got = {k: v for k, v in row.items() if k not in fixed and v}
        assert got == want, (row["ID"], got, want)
        assert (row["Description"] or None) == a["attributes"].get("description")
        assert (row["Tags"] or None) == a["attributes"].get("tags")
    got = {}
    for row in connections:
        lines = split_list(row["Evidence lines"])
        lists = [split_list(row[c]) or [""] * len(lines)
                 for c in ("Evidence", "Evidence records", "Evidence sources")]
        assert all(len(items) == len(lines) for items in lists), row
        evidence = [{"record": r or None, "source": s or None, "line": int(n) or None,
                     "text": t or None} for t, r, s, n in zip(*lists, lines)]
        assert row["Direction"] in ("directed", "undirected"), row
        got[(row["From"], row["To"], row["Type"])] = (row["Direction"] == "directed",
                                                       json.loads(row["Weight"]), evidence)
    check_ties("kumu", got, native, undirected_ends=False)
    assert [r["Record"] for r in records] == [r["id"] for r in native["records"]]
    for row, r in zip(records, native["records"]):
        for column, key in (("Path", "path"), ("Format", "format"), ("Title", "title"),
                            ("Country", "country")):
            assert (row[column] or None) == r[key], (r["id"], column)
        assert (int(row["Year"]) if row["Year"] else None) == r["year"]
    return len(elements), len(connections), len(records)


def check_neo4j(base, native):
    nodes = read_csv(base + ".nodes.csv")
    relationships = read_csv(base + ".relationships.csv")
    assert list(nodes[0])[:3] == ["id:ID", "name", ":LABEL"]
    assert list(relationships[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    actors = {a["id"]: a for a in native["actors"]}
    fixed = {"id:ID", "name", ":LABEL", "type", "country", "country_code", "aliases:string[]",
             "records:string[]"}
    for row in nodes:
        a = actors[row["id:ID"]]
        assert row["name"] == a["name"] and row[":LABEL"] == NEO4J_LABELS[a["type"]], row
        assert (row["country"] or None) == a["country"]
        assert (row["country_code"] or None) == a["country_code"]
        # Neo4j splits arrays on the delimiter and has no escape for it.
        assert row["aliases:string[]"] == "|".join(a["aliases"])
        want = renamed(a["attributes"],
                       {"id", "name", "type", "country", "country_code", "aliases", "records"},
                       prefix="attribute_", fold=True, colon="_")
        got = {k: v for k, v in row.items() if k not in fixed and v}
        assert got == want, (row["id:ID"], got, want)
    assert len(nodes) == len(actors)
    got = {}
    for row in relationships:
        assert row[":TYPE"] == row["kind"].upper(), row
        got[(row[":START_ID"], row[":END_ID"], row["kind"])] = (
            row["directed:boolean"] == "true", float(row["weight:double"]),
            row["evidence:string[]"])
    joined = dict(native)
    joined["ties"] = [dict(t, evidence="|".join(evidence_item(ev) for ev in t["evidence"]
                                                if evidence_item(ev)))
                      for t in native["ties"]]
    check_ties("neo4j", got, joined, undirected_ends=False)
    return len(nodes), len(relationships)


# ---- ecomap itself reads every format it has a reader for ------------------------------------

def load_back(out, fmt):
    """The native map ecomap's import made of one export (tests/interop/every-format)."""
    with open(os.path.join(out, "back.%s.json" % fmt), encoding="utf-8") as f:
        return json.load(f)


def check_ecomap_reads(out, native):
    """Each export that ecomap reads comes back with the same actors and ties: the Kumu files
    byte-identical (every-format compares them with cmp); node-link and Cytoscape.js all but
    the record list, which they have no place for; GraphML and GEXF as their evidence items
    say."""
    checked = []
    for fmt in ("kumu", "node-link", "cytoscape", "graphml", "gexf"):
        back = load_back(out, fmt)
        if fmt == "kumu":
            assert back == native, ("ecomap kumu", "the map differs")
            checked.append(fmt)
            continue
        assert back["records"] == [], (fmt, "records made up", back["records"])
        assert back["actors"] == native["actors"], ("ecomap " + fmt, "actors differ")
        want, got = native["ties"], back["ties"]
        if fmt in ("graphml", "gexf"):
            # Evidence travels as "RECORD:LINE: TEXT" items: compare those.
            def items(ties):
                return [dict(t, evidence=[evidence_item(ev) for ev in t["evidence"]
                                          if evidence_item(ev)]) for t in ties]
            want, got = items(want), items(got)
        assert got == want, ("ecomap " + fmt, "ties differ")
        checked.append(fmt)
    return ", ".join(checked)


def main():
    map_path, out = sys.argv[1:3]
    with open(map_path, encoding="utf-8") as f:
        native = json.load(f)
    base = os.path.join(out, "map")
    name = os.path.basename(map_path)
    nxv = "NetworkX " + nx.__version__
    print("%s: %d actors, %d ties" % (name, len(native["actors"]), len(native["ties"])))
    print("  node-link  %d actors, %d ties read back by %s" %
          (check_json_graph("node-link", read_node_link(base + ".node-link.json"), native) + (nxv,)))
    print("  cytoscape  %d actors, %d ties read back by %s cytoscape_graph" %
          (check_json_graph("cytoscape", read_cytoscape(base + ".cytoscape.json"), native) + (nxv,)))
    print("  graphml    %d actors, %d ties read back by %s read_graphml" %
          (check_graphml(base + ".graphml", native) + (nxv,)))
    print("  graphml    %d actors, %d ties read back by python-igraph %s Read_GraphML" %
          check_igraph(base + ".graphml", native))
    print("  gexf       %d actors, %d ties read back by %s read_gexf (GEXF 1.3%s)" %
          (check_gexf(base + ".gexf", native) + (nxv, "" if GEXF_13_NATIVE else
                                                  ", its namespaces taught to this release")))
    print("  gexf       python-igraph %s reads none (%s): igraph is checked on GraphML" %
          igraph_reads_no_gexf(base + ".gexf"))
    print("  kumu       %d elements, %d connections, %d records read back by the csv module" %
          check_kumu(base, native))
    print("  neo4j      %d nodes, %d relationships read back by the csv module" %
          check_neo4j(base, native))
    if os.path.exists(os.path.join(out, "back.kumu.json")):
        print("  ecomap     read back %s" % check_ecomap_reads(out, native))


if __name__ == "__main__":
    main()
