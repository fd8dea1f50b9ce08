"""Opens ecomap's HTML report in headless Chromium: the page renders (the screenshot is not
blank), no script from record text runs, and the page makes no network request.

usage: check_report_in_chromium.py ECOMAP CHROMIUM
"""
import json
import os
import struct
import subprocess
import sys
import tempfile
import zlib

# Record text that would change the page, or call out, if it were ever taken as markup.
HOSTILE_CSV = '''source,target,kind,evidence
"<script>document.title='PWNED'</script>Lab","Agency <img src=x onerror=""document.title='IMG'"">",partnership,"<script>document.body.innerHTML='GONE'</script> worked with <link rel=stylesheet href=http://192.0.2.1/x.css>"
Plain Lab,"Agency <img src=x onerror=""document.title='IMG'"">",funding,"Funded by <iframe src=http://192.0.2.1/frame></iframe> and <img src=http://192.0.2.1/pixel.png>"
'''
TITLE = "<script>document.title='TITLE'</script>Hostile report"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]
# Chromium's own services, which it calls whatever page it shows.
BROWSER_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "googleusercontent.com")


def png_pixels(path):
    """Width, height and RGB rows of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    assert depth == 8 and color in (2, 6), (depth, color)
    bpp = 4 if color == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        filt, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if filt == 1:
                line[x] = (line[x] + a) & 255
            elif filt == 2:
                line[x] = (line[x] + b) & 255
            elif filt == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def not_blank(path):
    width, height, bpp, rows = png_pixels(path)
    colours, inked = set(), 0
    for row in rows[::4]:
        for x in range(0, width * bpp, bpp * 4):
            pixel = row[x:x + 3]
            colours.add(pixel)
            inked += pixel != b"\xff\xff\xff"
    return len(colours), inked


def main():
    ecomap, chromium = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as work:
        csv_path, html = os.path.join(work, "hostile.csv"), os.path.join(work, "report.html")
        with open(csv_path, "w", encoding="utf-8") as f:
            f.write(HOSTILE_CSV)
        subprocess.run([ecomap, "report", csv_path, "--quiet", "--title", TITLE, "-o", html], check=True)
        page = "file://" + html
        shot, netlog = os.path.join(work, "shot.png"), os.path.join(work, "net.json")
        subprocess.run([chromium, *FLAGS, f"--user-data-dir={work}/profile1", f"--log-net-log={netlog}",
                        "--window-size=1200,1600", f"--screenshot={shot}", page],
                       check=True, capture_output=True, timeout=120)
        dom = subprocess.run([chromium, *FLAGS, f"--user-data-dir={work}/profile2", "--dump-dom", page],
                             check=True, capture_output=True, text=True, timeout=120).stdout

        colours, inked = not_blank(shot)
        assert colours > 8 and inked > 500, f"the page looks blank ({colours} colours, {inked} inked)"
        print(f"rendered: {colours} colours, {inked} sampled pixels inked")

        head_title = dom.split("<title>", 1)[1].split("</title>", 1)[0]
        assert "TITLE" in head_title and "PWNED" not in head_title and "IMG" not in head_title, head_title
        assert "document.title='PWNED'" in dom.replace("&#39;", "'"), "record text not shown"
        assert "GONE" in dom and "<h2>" in dom, "a script from the records rewrote the page"
        assert "<script" not in dom.replace("&lt;script", ""), "a script element made it into the page"
        print("no script ran: the title and the body are as written")

        urls = set()
        for event in json.load(open(netlog))["events"]:
            url = event.get("params", {}).get("url")
            if url:
                urls.add(url)
        page_urls = {u for u in urls if u != page and not any(
            u.split("/")[2].endswith(h) for h in BROWSER_HOSTS if u.startswith("http"))}
        assert not page_urls, f"the page asked for {sorted(page_urls)}"
        print(f"no network request from the page ({len(urls)} URLs seen, all the page's own or Chromium's)")


if __name__ == "__main__":
    main()
