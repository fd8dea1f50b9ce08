"""Prints ecomap's HTML report to PDF in headless Chromium, on A4 and on letter, as a
programme team would: no page is blank or nearly so, every section is in the text, the map
is one whole page (not cut across two), and the key actors' evidence is printed. A page holding fewer than three lines of text counts as lost.

usage: check_report_print.py ECOMAP CHROMIUM RECORDS
"""
import base64
import importlib.util
import os
import re
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("view_test", os.path.join(here, "check_view_in_chromium.py"))
view_test = importlib.util.module_from_spec(spec)
spec.loader.exec_module(view_test)

PAPERS = {"A4": (8.27, 11.69), "letter": (8.5, 11.0)}
SECTIONS = ["Contents", "What was imported", "What the measures mean", "Key actors",
            "Communities", "Cut-points and bridges", "Source records", "Data quality"]




def main():
    ecomap, chromium, records = sys.argv[1:4]
    with tempfile.TemporaryDirectory() as work:
        page = os.path.join(work, "report.html")
        subprocess.run([ecomap, "report", "-q", records, "-o", page], check=True)
        browser = view_test.Browser(chromium, os.path.join(work, "profile"))
        try:
            try:
                browser.call("Browser.getVersion", session=False, timeout=60)
            except Exception as e:
                print(f"SKIP: Chromium cannot run here ({e})")
                sys.exit(77)
            browser.open_tab()
            browser.call("Page.navigate", {"url": "file://" + page})
            browser.wait_for("document.readyState === 'complete'")
            for paper, (width, height) in PAPERS.items():
                printed = browser.call("Page.printToPDF", {"paperWidth": width, "paperHeight": height,
                                                           "printBackground": True}, timeout=120)
                pdf = os.path.join(work, f"report-{paper}.pdf")
                with open(pdf, "wb") as f:
                    f.write(base64.b64decode(printed["data"]))
                pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
                    ["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout).group(1))
                text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
                                      capture_output=True, text=True).stdout
                # A page with a heading and nothing else, or nothing at all, is a page lost.
                by_page = text.split("\f")[:pages]
                blank = [i + 1 for i, p in enumerate(by_page) if len(p.strip().splitlines()) < 3]
                assert not blank, f"{paper}: pages {blank} of {pages} hold next to nothing"
                missing = [s for s in SECTIONS if s not in text]
                assert not missing, f"{paper}: sections not printed: {missing}"
                # The map is drawn for the page: its legend and caption on one page, whole.
                legend = [i for i, p in enumerate(by_page) if "Size: betweenness" in p]
                assert legend and ("actors drawn" in by_page[legend[0]] or "All " in by_page[legend[0]]), \
                    f"{paper}: the map's legend and caption are not on one page"
                assert "\u201c" in text or "line " in text, f"{paper}: no evidence printed"
                print(f"{paper}: {pages} pages, none blank; every section printed; the map on page "
                      f"{legend[0] + 1}")
        finally:
            browser.close()


if __name__ == "__main__":
    main()
