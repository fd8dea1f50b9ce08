"""Checks that diagrams are made for a page: drawn with --page, every name is 8 pt or more on
paper, at least the 50 most central actors are named, the PDF is the whole sheet, isolated
actors and pairs are left out and counted in the caption, and --top N keeps the actors that
join the N most central, so that the drawing is one piece.

usage: check_page.py ECOMAP MAP_OR_RECORDS...   (gen:ACTORS:TIES makes a map with
bench/gen-map.py)
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SHEETS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MARGIN = 36  # points round the printable area


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True, text=True).stdout


def drawing(svg_path):
    """The SVG's size in points, its scale, the labelled nodes' ids with their smallest
    font size on paper, every node id, and the ties drawn as pairs of ids."""
    root = ET.parse(svg_path).getroot()
    width, height = (float(root.get(k).rstrip("pt")) for k in ("width", "height"))
    scale = float(re.search(r"scale\(([0-9.]+)", root.find(SVG + "g").get("transform")).group(1))
    labelled, nodes, ties = {}, set(), []
    for g in root.iter(SVG + "g"):
        title = g.find(SVG + "title")
        if g.get("class") == "node":
            nodes.add(title.text)
            sizes = [float(t.get("font-size")) * scale for t in g.iter(SVG + "text")
                     if (t.text or "").strip()]
            if sizes:
                labelled[title.text] = min(sizes)
        elif g.get("class") == "edge":
            ties.append(tuple(re.split(r"->|--", title.text)))
    caption = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    return width, height, labelled, nodes, ties, caption


def source_map(ecomap, source, work):
    if source.startswith("gen:"):
        _, actors, ties = source.split(":")
        out = os.path.join(work, f"gen-{actors}.json")
        here = os.path.dirname(os.path.abspath(__file__))
        run(sys.executable, os.path.join(here, "..", "..", "bench", "gen-map.py"), out, actors, ties, "7")
        return out, f"generated {actors} actors"
    out = os.path.join(work, "records.json")
    run(ecomap, "import", "--quiet", source, "-o", out)
    return out, os.path.basename(os.path.normpath(source))


def components_of(mapped):
    """Sizes of the components of a node-link map, as a list per actor id."""
    parent = {n["id"]: n["id"] for n in mapped["nodes"]}
    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for e in mapped["edges"]:
        parent[find(e["source"])] = find(e["target"])
    sizes = {}
    for x in parent:
        sizes[find(x)] = sizes.get(find(x), 0) + 1
    return {x: sizes[find(x)] for x in parent}


def check_page(ecomap, path, name, work, page):
    svg, pdf = os.path.join(work, "page.svg"), os.path.join(work, "page.pdf")
    run(ecomap, "render", path, "--quiet", "--page", page, "-o", svg)
    run(ecomap, "render", path, "--quiet", "--page", page, "-o", pdf)
    width, height, labelled, nodes, ties, caption = drawing(svg)
    sheet = SHEETS[page]
    fits = (width <= sheet[0] - 2 * MARGIN + 1 and height <= sheet[1] - 2 * MARGIN + 1) or \
           (width <= sheet[1] - 2 * MARGIN + 1 and height <= sheet[0] - 2 * MARGIN + 1)
    assert fits, f"{name}: {width}x{height} pt does not fit {page}'s printable area"
    smallest = min(labelled.values())
    # Graphviz writes the SVG's scale to two decimals: read back, a name may look up to
    # 0.005 / scale smaller than it is on paper.
    assert smallest >= 8 * (1 - 0.006), f"{name}: a name of {smallest:.2f} pt on {page}"
    text, _ = every_text_and_box(svg)  # the legend and caption shrink with the names
    assert text >= 8 * (1 - 0.006), f"{name}: a legend or caption text of {text:.2f} pt on {page}"
    # the 50 most central actors, by the measure the caption names, are all drawn and named
    ranked = json.loads(run(ecomap, "rank", path, "--quiet", "--by", "betweenness", "--top", "50", "--json"))
    missing = [a["name"] for a in ranked if a["id"] not in labelled]
    assert len(labelled) >= 50 and not missing, f"{name}: not named: {missing[:5]}"
    # the PDF is the sheet itself
    info = run("pdfinfo", pdf)
    size = [float(v) for v in re.search(r"Page size:\s+([0-9.]+) x ([0-9.]+)", info).groups()]
    assert sorted(size) == [round(v) for v in sorted(sheet)] or \
        all(abs(a - b) < 1.5 for a, b in zip(sorted(size), sorted(sheet))), (name, page, size)
    # isolated actors and pairs are left out, and the caption counts them
    mapped = json.loads(run(ecomap, "export", path, "--quiet", "--format", "node-link"))
    comp = components_of(mapped)
    small = sum(1 for x in comp if comp[x] <= 2)
    assert not any(comp[x] <= 2 for x in nodes), f"{name}: an isolated actor or pair is drawn"
    if small:
        assert f"Left out: {small} actors alone or in pairs" in caption, (name, small, caption[:400])
    print(f"{name}, {page}: {len(labelled)} of {len(comp)} actors named, smallest name "
          f"{smallest:.2f} pt, {len(ties)} ties; {small} alone or in pairs left out; "
          f"PDF {size[0]:.0f}x{size[1]:.0f} pt")


def check_top(ecomap, path, name, work):
    svg = os.path.join(work, "top.svg")
    run(ecomap, "render", path, "--quiet", "--top", "30", "-o", svg)
    _, _, labelled, nodes, ties, _ = drawing(svg)
    ranked = json.loads(run(ecomap, "rank", path, "--quiet", "--by", "betweenness", "--top", "30", "--json"))
    assert all(a["id"] in nodes for a in ranked), f"{name}: --top 30 lost a top actor"
    # one piece: the actors that join the 30 are kept, so no hub is left alone
    parent = {x: x for x in nodes}
    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x
    for a, b in ties:
        parent[find(a)] = find(b)
    top_roots = {find(a["id"]) for a in ranked}
    assert len(top_roots) == 1, f"{name}: --top 30 draws {len(top_roots)} separate pieces"
    print(f"{name}, --top 30: {len(nodes)} actors drawn, the 30 most central joined in one piece")


def every_text_and_box(svg_path):
    """The smallest text on paper, in points (names, box labels, legend, caption), and the
    clusters' boxes as (left, top, right, bottom) in the SVG's units."""
    root = ET.parse(svg_path).getroot()
    scale = float(re.search(r"scale\(([0-9.]+)", root.find(SVG + "g").get("transform")).group(1))
    smallest = min(float(t.get("font-size")) * scale for t in root.iter(SVG + "text")
                   if (t.text or "").strip())
    boxes = []
    for g in root.iter(SVG + "g"):
        if g.get("class") == "cluster":
            shape = g.find(SVG + "path") if g.find(SVG + "path") is not None else g.find(SVG + "polygon")
            numbers = [float(v) for v in re.findall(r"-?[0-9.]+", shape.get("d") or shape.get("points"))]
            xs, ys = numbers[0::2], numbers[1::2]
            boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return smallest, boxes


def check_clusters_and_overview(ecomap, path, name, work):
    """Boxes by type, country and community on A4: every text 8 pt or more on paper, boxes
    apart, one box per type drawn, and the caption says the boxes cost actors; the overview
    draws one node per community."""
    svg = os.path.join(work, "clusters.svg")
    mapped = json.loads(run(ecomap, "export", path, "--quiet", "--format", "node-link"))
    types = {n["id"]: n.get("type") for n in mapped["nodes"]}
    for by in ("type", "country", "community"):
        run(ecomap, "render", path, "--quiet", "--cluster", by, "-o", svg)
        _, _, labelled, nodes, _, caption = drawing(svg)
        smallest, boxes = every_text_and_box(svg)
        assert smallest >= 8 * (1 - 0.006), f"{name}: --cluster {by}: a text of {smallest:.2f} pt"
        overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                       if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]
        assert not overlapping, f"{name}: --cluster {by}: boxes overlap: {overlapping[:2]}"
        if by == "type":
            assert len(boxes) == len({types[x] for x in nodes if types[x]}) and len(boxes) >= 2, \
                (name, len(boxes))
        if len(labelled) < min(50, len(nodes)):
            assert "Boxes take room: without --cluster the page names at least the 50" in \
                caption.replace("&#45;", "-"), caption[:400]
        print(f"{name}: --cluster {by}: {len(nodes)} drawn in {len(boxes)} boxes, smallest "
              f"text {smallest:.2f} pt")
    run(ecomap, "render", path, "--quiet", "--overview", "community", "-o", svg)
    _, _, labelled, nodes, _, caption = drawing(svg)
    assert len(nodes) >= 2, (name, len(nodes))
    assert "Size: actors in the group" in caption and "Community 1 (" in caption, caption[:300]
    print(f"{name}: overview of {len(nodes)} communities")


def main():
    ecomap, sources = sys.argv[1], sys.argv[2:]
    with tempfile.TemporaryDirectory() as work:
        for source in sources:
            path, name = source_map(ecomap, source, work)
            for page in ("a4", "letter"):
                check_page(ecomap, path, name, work, page)
            check_top(ecomap, path, name, work)
            check_clusters_and_overview(ecomap, path, name, work)


if __name__ == "__main__":
    main()
