#!/usr/bin/env python3
"""Writes records of the benchmark's corpus as web pages and PDFs, for bench/import-bench.

usage: gen-pages.py CORPUS_DIR OUT_DIR COUNT

The first COUNT records of CORPUS_DIR (bench/gen-records.py) are copied to OUT_DIR/md, and
become OUT_DIR/html/NAME.html,
each line a paragraph inside a page with a head, a script, navigation and a footer, and
OUT_DIR/pdf/NAME.pdf, the lines wrapped at 90 characters, 60 to a page, in Helvetica: what
a saved case study and a printed plan hold.  Written by hand, not by a browser, so that a
corpus of hundreds is made in seconds; Latin-1 text only, which the corpus is.
"""
import html
import os
import sys
import textwrap


def page(title, lines):
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}"
            "</title><style>p { margin: 1em }</style><script>var x = 1;</script></head><body>\n"
            "<nav><a href=\"/\">Home</a> <a href=\"/plans\">Plans</a></nav>\n"
            f"<main><h1>{html.escape(title)}</h1>\n{body}\n</main>\n"
            "<footer><p>Contact</p></footer></body></html>\n")


def pdf(lines):
    rows = []
    for line in lines:
        rows += textwrap.wrap(line, 90) or [""]
    pages = [rows[i:i + 60] for i in range(0, len(rows), 60)] or [[]]
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for rows_of_page in pages:
        text = "BT /F1 10 Tf 12 TL 50 780 Td\n"
        for row in rows_of_page:
            row = row.encode("latin-1", "replace").decode("latin-1")
            row = row.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            text += f"({row}) Tj T*\n"
        text += "ET\n"
        objects.append(f"<< /Length {len(text.encode('latin-1'))} >>\nstream\n{text}endstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents "
                       f"{len(objects)} 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def main():
    corpus, out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for kind in ("md", "html", "pdf"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    for name in sorted(n for n in os.listdir(corpus) if n.endswith(".md"))[:count]:
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        stem = name[:-3]
        with open(os.path.join(out, "md", name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        title = next((l.lstrip("# ") for l in lines if l.strip()), stem)
        with open(os.path.join(out, "html", stem + ".html"), "w", encoding="utf-8") as f:
            f.write(page(title, lines))
        with open(os.path.join(out, "pdf", stem + ".pdf"), "wb") as f:
            f.write(pdf(lines))


if __name__ == "__main__":
    main()
