"""Drives `ecomap view` pages in headless Chromium through the DevTools protocol, over the
pipe Chromium opens with --remote-debugging-pipe (no package needed): types a search, picks
a result, filters by type, clicks an actor on the canvas and reads the evidence panel.  A
map whose names and passages hold <script>, onerror attributes and javascript: links must
change nothing on the page, and an injected inline script must be refused by the page's
Content-Security-Policy.  Then it opens the views of bigger maps, which must be ready
within two seconds, and times a search and a click, which must each answer within 200 ms.

usage: check_view_in_chromium.py ECOMAP CHROMIUM [SOURCE ...]
A SOURCE is a map or records, or gen:ACTORS:TIES for a map made by bench/gen-map.py.
Exits 77 (skipped) only when Chromium cannot start at all.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HOSTILE_CSV = '''source,target,kind,evidence
"<script>document.title='PWNED'</script>Lab","Agency <img src=x onerror=""document.title='IMG'"">",partnership,"<script>document.body.innerHTML='GONE'</script> worked with <a href=""javascript:document.title='LINK'"">them</a>"
Plain Lab,"Agency <img src=x onerror=""document.title='IMG'"">",funding,"Funded by <iframe src=http://192.0.2.1/frame></iframe> and <img src=http://192.0.2.1/pixel.png>"
"javascript:document.title='HREF'",Plain Lab,support,"</script><script>document.title='BREAK'</script>"
'''
TITLE = "Hostile <b>view</b>"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
         "--window-size=1400,900", "--remote-debugging-pipe"]


class Browser:
    """Chromium with the DevTools protocol on file descriptors 3 (in) and 4 (out)."""

    def __init__(self, chromium, profile):
        to_child, self.out = os.pipe()
        self.inp, from_child = os.pipe()
        # Out of the way of 3 and 4, which the child's copies take.
        hi_in, hi_out = self._high(to_child), self._high(from_child)

        def wire():
            os.dup2(hi_in, 3)
            os.dup2(hi_out, 4)

        self.proc = subprocess.Popen([chromium, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, preexec_fn=wire,
                                     pass_fds=(3, 4))  # kept: the copies made by wire()
        os.close(hi_in)
        os.close(hi_out)
        self.next_id, self.buffer, self.events = 0, b"", []
        self.session = None

    @staticmethod
    def _high(fd):
        import fcntl
        high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
        os.close(fd)
        return high

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("Chromium did not answer")
            import select
            ready, _, _ = select.select([self.inp], [], [], 0.5)
            if ready:
                chunk = os.read(self.inp, 1 << 20)
                if not chunk:
                    raise EOFError("Chromium closed the DevTools pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, timeout=60, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.out, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]
            self.events.append(reply)

    def open_tab(self):
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True},
                             session=False)
        self.session = attached["sessionId"]
        self.call("Page.enable")
        self.call("Runtime.enable")
        self.call("Log.enable")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.02)
        raise TimeoutError(f"waited for {expression}")

    def open(self, url):
        started = time.time()
        self.call("Page.navigate", {"url": url})
        ready = self.wait_for("document.body && document.body.dataset.ready")
        return time.time() - started, float(ready)

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left",
                                                   "clickCount": 1})

    def type_text(self, selector, text):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.call("Input.insertText", {"text": text})

    def press_enter(self):
        for kind in ("keyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                 "windowsVirtualKeyCode": 13})

    def close(self):
        try:
            self.call("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def check_hostile(browser, ecomap, work):
    csv_path, page = os.path.join(work, "hostile.csv"), os.path.join(work, "hostile.html")
    with open(csv_path, "w", encoding="utf-8") as f:
        f.write(HOSTILE_CSV)
    subprocess.run([ecomap, "view", csv_path, "--quiet", "--title", TITLE, "-o", page], check=True)
    html = open(page, encoding="utf-8").read()
    csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp, csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp
    assert html.count("<script") == 2, "a script element came from the records"
    browser.open("file://" + page)
    title = browser.evaluate("document.title")
    assert title == TITLE, f"the title changed: {title!r}"
    counts = browser.evaluate("[document.scripts.length, document.images.length,"
                              " document.querySelectorAll('iframe,link,a[href]').length]")
    assert counts == [2, 0, 0], f"scripts, images, frames or links appeared: {counts}"
    # Search for the hostile name by typing, pick the first result, read the panel.
    browser.type_text("#search", "<script>")
    browser.wait_for("document.querySelectorAll('#results button').length > 0")
    browser.evaluate("document.querySelector('#results button').click()")
    panel = browser.wait_for("document.getElementById('panel').textContent.includes('PWNED') &&"
                             " document.getElementById('panel').textContent")
    assert "<script>document.title='PWNED'</script>Lab" in panel, panel
    assert "<script>document.body.innerHTML='GONE'</script>" in panel, "evidence not shown as text"
    assert "javascript:document.title='LINK'" in panel, "the link's text not shown as text"
    title = browser.evaluate("document.title")
    assert title == TITLE and browser.evaluate("document.querySelectorAll('a[href]').length") == 0, \
        f"record text ran: title {title!r}"
    # The policy refuses an inline script that did not come with the page.
    refused = browser.evaluate(
        "new Promise(done => { document.addEventListener('securitypolicyviolation',"
        " () => done(true)); const s = document.createElement('script');"
        " s.textContent = 'document.title = \"INJECTED\"'; document.body.appendChild(s);"
        " setTimeout(() => done(false), 1000); })")
    assert refused and browser.evaluate("document.title") == TITLE, "an injected script ran"
    print("hostile names: shown as text, nothing ran, no link or image made; the policy refused"
          " an injected script")


def check_map(browser, ecomap, source, work, label):
    page = os.path.join(work, label + ".html")
    subprocess.run([ecomap, "view", source, "--quiet", "-o", page], check=True)
    wall, ready_ms = browser.open("file://" + page)
    assert ready_ms < 2000, f"{label}: ready after {ready_ms} ms"
    total = browser.evaluate("document.getElementById('status').textContent")
    # Search: type a name, and time how long the results take.
    name = browser.evaluate("JSON.parse(document.getElementById('ecomap-data').textContent)"
                            ".actors.reduce((a, b) => b[6] > a[6] ? b : a)[1]")
    started = time.time()
    browser.type_text("#search", name)
    browser.wait_for("document.querySelectorAll('#results button').length > 0")
    search_wall = (time.time() - started) * 1000
    search_ms = float(browser.evaluate("document.body.dataset.searchMs"))
    browser.press_enter()
    browser.wait_for(f"document.querySelector('#panel h2') && "
                     f"document.querySelector('#panel h2').textContent.includes({json.dumps(name)})")
    # Click: an actor at its place on the canvas; the panel must show it with its evidence.
    # The search zoomed to one neighbourhood, so the actor is one of a tie with evidence
    # that is on the screen now.
    x, y = browser.evaluate("(() => { const d = JSON.parse(document.getElementById"
                            "('ecomap-data').textContent); const map ="
                            " document.getElementById('map'); for (const t of d.ties) {"
                            " if (!t[5].length) continue; const p ="
                            " window.ecomapScreenPosition(d.actors[t[0]][0]); if (p &&"
                            " document.elementFromPoint(p[0], p[1]) === map) return p; }"
                            " return window.ecomapScreenPosition(d.actors[0][0]); })()")
    started = time.time()
    browser.click(x, y)
    panel = browser.wait_for("document.body.dataset.clickMs && document.querySelector('#panel h2')"
                             " && document.getElementById('panel').textContent")
    click_wall = (time.time() - started) * 1000
    click_ms = float(browser.evaluate("document.body.dataset.clickMs"))
    assert "Ties (" in panel, f"{label}: the panel shows no ties: {panel[:200]}"
    # Filter: leave out one type; fewer actors are shown.
    browser.evaluate("document.querySelector('input[name=type]').click()")
    filtered = browser.evaluate("document.getElementById('status').textContent")
    assert filtered != total, f"{label}: the type filter changed nothing ({total})"
    browser.evaluate("document.querySelector('input[name=type]').click()")
    assert browser.evaluate("document.getElementById('status').textContent") == total
    # A tie kind, a country and a year range: each shows less, and undoing it shows all again.
    filters = {
        "kind": ("(() => { const count = b => Number(/\\((\\d+)\\)/.exec(b.parentNode.textContent)[1]);"
                 " const boxes = [...document.querySelectorAll('input[name=kind]')];"
                 " window.testKind = boxes.reduce((x, y) => count(y) > count(x) ? y : x);"
                 " window.testKind.click(); return true; })()",
                 "window.testKind.click()"),
        "country": ("(() => { const s = document.getElementById('country'); if (s.options.length < 2)"
                    " return false; s.value = s.options[1].value; s.dispatchEvent(new Event('change'));"
                    " return true; })()",
                    "(() => { const s = document.getElementById('country'); s.value = '';"
                    " s.dispatchEvent(new Event('change')); })()"),
        "year": ("(() => { const s = document.getElementById('from'); if (s.options.length < 2)"
                 " return false; s.value = s.options[s.options.length - 1].value;"
                 " s.dispatchEvent(new Event('change')); return true; })()",
                 "(() => { const s = document.getElementById('from'); s.value = s.options[0].value;"
                 " s.dispatchEvent(new Event('change')); })()"),
    }
    tried = []
    for name, (apply, undo) in filters.items():
        if not browser.evaluate(apply):
            continue
        narrowed = browser.evaluate("document.getElementById('status').textContent")
        assert narrowed != total, f"{label}: the {name} filter changed nothing ({total})"
        browser.evaluate(undo)
        assert browser.evaluate("document.getElementById('status').textContent") == total, name
        tried.append(f"{name}: {narrowed}")
    assert search_ms < 200 and click_ms < 200, (label, search_ms, click_ms)
    print(f"{label}: ready in {ready_ms:.0f} ms ({wall * 1000:.0f} ms from navigation, wall);"
          f" search {search_ms:.1f} ms in the page ({search_wall:.0f} ms round trip);"
          f" click {click_ms:.1f} ms in the page ({click_wall:.0f} ms round trip);"
          f" {total} -> after a type filter: {filtered}; " + "; ".join(tried))


def main():
    ecomap, chromium, maps = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.TemporaryDirectory() as work:
        browser = Browser(chromium, os.path.join(work, "profile"))
        try:
            browser.call("Browser.getVersion", session=False, timeout=60)
        except Exception as e:
            print(f"SKIP: Chromium cannot run here ({e})")
            browser.close()
            sys.exit(77)
        try:
            browser.open_tab()
            check_hostile(browser, ecomap, work)
            for source in maps:
                label = os.path.basename(source.rstrip("/")).split(".")[0]
                if source.startswith("gen:"):
                    _, actors, ties = source.split(":")
                    label, source = f"generated-{actors}", os.path.join(work, f"gen-{actors}.json")
                    here = os.path.dirname(os.path.abspath(__file__))
                    subprocess.run([sys.executable, os.path.join(here, "..", "..", "bench", "gen-map.py"),
                                    source, actors, ties], check=True, stdout=subprocess.DEVNULL)
                check_map(browser, ecomap, source, work, label)
        finally:
            browser.close()


if __name__ == "__main__":
    main()
