"""Checks ecomap's diagrams: SVG, PNG and PDF of a map are valid, the SVG holds the legend and
every drawn actor's label, and names full of quotes, backslashes, angle brackets, ampersands
and new lines show as written, in SVG and through DOT read back by Graphviz.

usage: check_render.py ECOMAP MAP_OR_RECORDS
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = [
    'Quote "Lab" \\N \\\\ back',
    "<script>alert(1)</script> & Co",
    "Line one\nline two",
    "Ampersand & <b>bold</b> Agency",
    "Tab\there Ministry",
]


def run(*args):
    return subprocess.run(list(args), check=True, capture_output=True, text=True)


def node_labels(svg_path):
    """The text of each node group, its lines joined by spaces, keyed by its title (the id)."""
    root = ET.parse(svg_path).getroot()
    labels = {}
    for g in root.iter(SVG + "g"):
        if g.get("class") != "node":
            continue
        title = g.find(SVG + "title").text
        labels[title] = " ".join(t.text or "" for t in g.iter(SVG + "text"))
    return root, labels


def squash(s):
    return " ".join(s.split())


def check_valid_images(ecomap, source, work):
    for fmt in ("svg", "png", "pdf"):
        out = os.path.join(work, f"map.{fmt}")
        run(ecomap, "render", source, "--quiet", "--all", "--page", "none", "--title", "Test map", "-o", out)
        data = open(out, "rb").read()
        assert len(data) > 1000, (fmt, len(data))
        if fmt == "png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
            width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
            assert width > 100 and height > 100, (width, height)
        if fmt == "pdf":
            assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:], "not a PDF"
    root, labels = node_labels(os.path.join(work, "map.svg"))
    text = " ".join(t.text or "" for t in root.iter(SVG + "text"))
    assert "line width" in text and "drawn" in text and "Test map" in text, "legend, caption or title missing"
    mapped = json.loads(run(ecomap, "export", source, "--quiet", "--format", "node-link").stdout)
    names = {n["id"]: n["name"] for n in mapped["nodes"]}
    assert set(labels) == set(names), set(labels) ^ set(names)
    for node_id, label in labels.items():
        assert squash(label) == squash(names[node_id]), (node_id, label, names[node_id])
    print(f"svg, png and pdf valid; {len(labels)} actors drawn with their labels and the legend")


def check_hostile_names(ecomap, work):
    csv_path = os.path.join(work, "hostile.csv")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write("source,target,kind\n")
        for i, name in enumerate(HOSTILE):
            quoted = '"' + name.replace('"', '""') + '"'
            f.write(f'{quoted},"Plain Agency {i}",partnership\n')
    svg = os.path.join(work, "hostile.svg")
    run(ecomap, "render", csv_path, "--quiet", "--title", 'Title "with" <tags> & \\N', "-o", svg)
    _, labels = node_labels(svg)
    shown = {squash(v) for v in labels.values()}
    for name in HOSTILE:
        assert squash(name) in shown, (name, shown)
    # The DOT text, read back by Graphviz itself, draws the same labels.
    dot_path = os.path.join(work, "hostile.dot")
    run(ecomap, "render", csv_path, "--quiet", "-o", dot_path)
    reparsed = os.path.join(work, "reparsed.svg")
    with open(reparsed, "w") as out:
        subprocess.run(["dot", "-Tsvg", dot_path], check=True, stdout=out)
    _, again = node_labels(reparsed)
    assert {squash(v) for v in again.values()} == shown, "DOT read back draws other labels"
    print(f"{len(HOSTILE)} hostile names shown as written, in SVG and through DOT")


def main():
    ecomap, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        check_valid_images(ecomap, source, work)
        check_hostile_names(ecomap, work)


if __name__ == "__main__":
    main()
