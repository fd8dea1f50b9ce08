// export/view.js - the interactive map that `ecomap view` writes: pan, zoom, search, filter,
// and an actor's ties with the evidence behind them.  The data sits in a JSON block that
// this script parses and never evaluates; every text from the records reaches the page
// through textContent or the canvas, never as markup.  Places come from Graphviz.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("ecomap-data").textContent);
  const canvas = document.getElementById("map");
  const ctx = canvas.getContext("2d");
  const panel = document.getElementById("panel");
  const status = document.getElementById("status");
  const search = document.getElementById("search");
  const results = document.getElementById("results");
  const A = data.actors.map(function (a, i) {
    return { i: i, id: a[0], name: a[1], type: a[2], country: a[3], x: a[4], y: -a[5],
             size: a[6], aliases: a[7], records: a[8], r: 3 + 9 * a[9], ties: [], shown: true };
  });
  const T = data.ties.map(function (t, i) {
    return { i: i, s: t[0], t: t[1], kind: t[2], directed: t[3], weight: t[4], evidence: t[5],
             shown: true };
  });
  T.forEach(function (t) { A[t.s].ties.push(t); A[t.t].ties.push(t); });
  const view = { scale: 1, x: 0, y: 0 };
  let selected = null, highlight = null, width = 0, height = 0;

  // ---- Drawing ----------------------------------------------------------------------------

  function resize() {
    const ratio = window.devicePixelRatio || 1;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }

  function fit() {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    A.forEach(function (a) {
      if (!a.shown) return;
      x0 = Math.min(x0, a.x); x1 = Math.max(x1, a.x); y0 = Math.min(y0, a.y); y1 = Math.max(y1, a.y);
    });
    if (x0 > x1) { x0 = y0 = -1; x1 = y1 = 1; }
    view.scale = Math.min(width / (x1 - x0 + 40), height / (y1 - y0 + 40));
    view.x = width / 2 - view.scale * (x0 + x1) / 2;
    view.y = height / 2 - view.scale * (y0 + y1) / 2;
  }

  function sx(a) { return a.x * view.scale + view.x; }
  function sy(a) { return a.y * view.scale + view.y; }

  function draw() {
    ctx.clearRect(0, 0, width, height);
    ctx.lineWidth = 1;
    T.forEach(function (t) {
      if (!t.shown) return;
      const near = highlight && (highlight.has(t.s) && highlight.has(t.t)) &&
                   (t.s === selected.i || t.t === selected.i);
      ctx.globalAlpha = highlight && !near ? 0.08 : 0.6;
      ctx.strokeStyle = data.kindColors[t.kind];
      ctx.lineWidth = near ? 2 : 1;
      ctx.setLineDash(t.kind === data.related ? [4, 3] : []);
      ctx.beginPath();
      ctx.moveTo(sx(A[t.s]), sy(A[t.s]));
      ctx.lineTo(sx(A[t.t]), sy(A[t.t]));
      ctx.stroke();
    });
    ctx.setLineDash([]);
    const labelled = [];
    A.forEach(function (a) {
      if (!a.shown) return;
      const x = sx(a), y = sy(a);
      if (x < -20 || y < -20 || x > width + 20 || y > height + 20) return;
      const r = Math.max(2, a.r * Math.sqrt(view.scale));
      ctx.globalAlpha = highlight && !highlight.has(a.i) ? 0.15 : 1;
      ctx.fillStyle = data.typeColors[a.type];
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.strokeStyle = a === selected ? "#000" : "#333";
      ctx.lineWidth = a === selected ? 3 : 0.5;
      ctx.stroke();
      if (r > 7 || (highlight && highlight.has(a.i))) labelled.push([a, x, y, r]);
    });
    ctx.globalAlpha = 1;
    ctx.font = "12px Helvetica, Arial, sans-serif";
    ctx.fillStyle = "#111";
    // The selected actor's name first, then its neighbours', then the biggest; a name that
    // would cover one already written is left out (the panel lists them all).
    const rank = function (l) { return l[0] === selected ? 2 : highlight && highlight.has(l[0].i) ? 1 : 0; };
    labelled.sort(function (p, q) { return rank(q) - rank(p) || q[3] - p[3]; });
    const placed = [];
    labelled.slice(0, 400).forEach(function (l) {
      const box = [l[1] + l[3] + 2, l[2] - 8, ctx.measureText(l[0].name).width, 14];
      if (placed.some(function (b) {
        return box[0] < b[0] + b[2] && b[0] < box[0] + box[2] && box[1] < b[1] + b[3] && b[1] < box[1] + box[3];
      })) return;
      placed.push(box);
      ctx.fillText(l[0].name, box[0], l[2] + 4);
    });
  }

  // ---- Filters ----------------------------------------------------------------------------

  function checkedValues(name) {
    const on = new Set();
    document.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
      if (box.checked) on.add(Number(box.value));
    });
    return on;
  }

  function yearOf(record) { return data.records[record][4]; }

  function applyFilters() {
    const types = checkedValues("type"), kinds = checkedValues("kind");
    const country = document.getElementById("country").value;
    const from = Number(document.getElementById("from").value);
    const to = Number(document.getElementById("to").value);
    const allYears = from === data.years[0] && to === data.years[1];
    const inYears = function (r) { const y = yearOf(r); return y >= from && y <= to; };
    let actors = 0, ties = 0;
    A.forEach(function (a) {
      a.shown = types.has(a.type) && (country === "" || a.country === country) &&
                (allYears || a.records.some(inYears));
      actors += a.shown;
    });
    T.forEach(function (t) {
      t.shown = kinds.has(t.kind) && A[t.s].shown && A[t.t].shown &&
                (allYears || t.evidence.some(function (e) { return e[0] >= 0 && inYears(e[0]); }));
      ties += t.shown;
    });
    status.textContent = "Showing " + actors + " of " + A.length + " actors and " + ties +
                         " of " + T.length + " ties";
    draw();
  }

  // ---- The panel ------------------------------------------------------------------------

  function element(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function recordText(r) {
    const rec = data.records[r];
    let text = rec[0];
    if (rec[5]) text += " \u2014 " + rec[5];
    const more = [rec[2], rec[3], rec[4] || ""].filter(function (x) { return x; });
    if (more.length) text += " (" + more.join(", ") + ")";
    return text;
  }

  function showActor(a) {
    panel.replaceChildren();
    panel.appendChild(element("h2", a.name));
    const facts = [data.types[a.type], a.country, data.measure + " " + a.size.toPrecision(4)];
    panel.appendChild(element("p", facts.filter(function (x) { return x; }).join(" \u00b7 "), "facts"));
    if (a.aliases.length) panel.appendChild(element("p", "Also called: " + a.aliases.join("; ")));
    if (a.records.length) {
      panel.appendChild(element("h3", "Records"));
      const list = element("ul");
      a.records.forEach(function (r) { list.appendChild(element("li", recordText(r))); });
      panel.appendChild(list);
    }
    panel.appendChild(element("h3", "Ties (" + a.ties.length + ")"));
    const ties = element("ul", null, "ties");
    a.ties.forEach(function (t) {
      const other = A[t.s === a.i ? t.t : t.s];
      const arrow = !t.directed ? " \u2014 " : t.s === a.i ? " \u2192 " : " \u2190 ";
      const item = element("li");
      const head = element("button", arrow + other.name, "tie");
      head.addEventListener("click", function () { select(other, true); });
      item.appendChild(head);
      item.appendChild(element("span", " " + data.kinds[t.kind] + ", weight " + t.weight, "kind"));
      const evidence = element("ul", null, "evidence");
      t.evidence.forEach(function (e) {
        const li = element("li");
        li.appendChild(element("q", e[2] || "(no passage)"));
        const where = e[0] >= 0 ? recordText(e[0]) : "";
        li.appendChild(element("span", " " + where + (e[1] ? ", line " + e[1] : ""), "source"));
        evidence.appendChild(li);
      });
      item.appendChild(evidence);
      ties.appendChild(item);
    });
    panel.appendChild(ties);
  }

  function select(a, centre) {
    selected = a;
    highlight = new Set([a.i]);
    a.ties.forEach(function (t) { if (t.shown) { highlight.add(t.s); highlight.add(t.t); } });
    if (centre) {
      // Zoom so that the neighbourhood fills the map, names and all, then centre on it.
      let reach = 0;
      highlight.forEach(function (i) { reach = Math.max(reach, Math.hypot(A[i].x - a.x, A[i].y - a.y)); });
      if (reach > 0) view.scale = Math.min(width / 2 - 160, height / 2 - 30) / reach;
      view.x = width / 2 - a.x * view.scale;
      view.y = height / 2 - a.y * view.scale;
    }
    showActor(a);
    draw();
  }

  // ---- Search ---------------------------------------------------------------------------

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  const folded = A.map(function (a) { return [a.name].concat(a.aliases).map(fold); });

  function find(query) {
    const q = fold(query.trim()), found = [];
    if (!q) return found;
    for (let i = 0; i < A.length && found.length < 20; i++)
      if (folded[i].some(function (n) { return n.indexOf(q) >= 0; })) found.push(A[i]);
    return found;
  }

  function showResults() {
    const started = performance.now();
    results.replaceChildren();
    find(search.value).forEach(function (a) {
      const item = element("li");
      const button = element("button", a.name);
      button.addEventListener("click", function () { select(a, true); });
      item.appendChild(button);
      results.appendChild(item);
    });
    document.body.dataset.searchMs = (performance.now() - started).toFixed(1);
  }

  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    const found = find(search.value);
    if (found.length) select(found[0], true);
  });

  // ---- Pan, zoom and click ----------------------------------------------------------------

  const grid = new Map(), cell = 40;
  A.forEach(function (a) {
    const key = Math.floor(a.x / cell) + "," + Math.floor(a.y / cell);
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key).push(a);
  });

  function actorAt(px, py) {
    const x = (px - view.x) / view.scale, y = (py - view.y) / view.scale;
    let best = null, bestDistance = Infinity;
    const reach = Math.max(1, Math.ceil(12 / view.scale / cell));
    const cx = Math.floor(x / cell), cy = Math.floor(y / cell);
    for (let i = cx - reach; i <= cx + reach; i++)
      for (let j = cy - reach; j <= cy + reach; j++)
        (grid.get(i + "," + j) || []).forEach(function (a) {
          if (!a.shown) return;
          const d = Math.hypot(sx(a) - px, sy(a) - py);
          if (d < Math.max(6, a.r * Math.sqrt(view.scale) + 3) && d < bestDistance) {
            best = a; bestDistance = d;
          }
        });
    return best;
  }

  let drag = null, moved = false;
  canvas.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; moved = false; });
  window.addEventListener("mousemove", function (e) {
    if (!drag) return;
    if (Math.abs(e.clientX - drag[0]) + Math.abs(e.clientY - drag[1]) > 2) moved = true;
    view.x += e.clientX - drag[0];
    view.y += e.clientY - drag[1];
    drag = [e.clientX, e.clientY];
    draw();
  });
  window.addEventListener("mouseup", function (e) {
    if (drag && !moved) {
      const started = performance.now();
      const box = canvas.getBoundingClientRect();
      const a = actorAt(e.clientX - box.left, e.clientY - box.top);
      if (a) select(a, false);
      document.body.dataset.clickMs = (performance.now() - started).toFixed(1);
    }
    drag = null;
  });
  function zoom(factor, px, py) {
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.scale *= factor;
    draw();
  }
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    const box = canvas.getBoundingClientRect();
    zoom(Math.exp(-e.deltaY / 300), e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.5, width / 2, height / 2); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.5, width / 2, height / 2); });
  document.getElementById("zoom-fit").addEventListener("click", function () { fit(); draw(); });

  // ---- Controls and legend --------------------------------------------------------------

  function checkboxes(into, name, labels, colors, counts) {
    labels.forEach(function (label, k) {
      if (!counts[k]) return;
      const line = element("label");
      const box = element("input");
      box.type = "checkbox"; box.name = name; box.value = k; box.checked = true;
      box.addEventListener("change", applyFilters);
      const swatch = element("span", null, "swatch");
      swatch.style.background = colors[k];
      line.appendChild(box); line.appendChild(swatch);
      line.appendChild(document.createTextNode(label + " (" + counts[k] + ")"));
      into.appendChild(line);
    });
  }
  const typeCounts = data.types.map(function () { return 0; });
  A.forEach(function (a) { typeCounts[a.type]++; });
  const kindCounts = data.kinds.map(function () { return 0; });
  T.forEach(function (t) { kindCounts[t.kind]++; });
  checkboxes(document.getElementById("types"), "type", data.types, data.typeColors, typeCounts);
  checkboxes(document.getElementById("kinds"), "kind", data.kindReadings, data.kindColors, kindCounts);
  const countries = Array.from(new Set(A.map(function (a) { return a.country; }).filter(Boolean))).sort();
  const countrySelect = document.getElementById("country");
  countries.forEach(function (c) { const o = element("option", c); o.value = c; countrySelect.appendChild(o); });
  countrySelect.addEventListener("change", applyFilters);
  ["from", "to"].forEach(function (id, k) {
    const select = document.getElementById(id);
    for (let y = data.years[0]; y <= data.years[1]; y++) {
      const o = element("option", y); o.value = y; select.appendChild(o);
    }
    select.value = data.years[k];
    select.addEventListener("change", applyFilters);
  });

  window.addEventListener("resize", function () { resize(); draw(); });
  resize();
  fit();
  applyFilters();
  // For tests and scripts: where an actor is on the screen, read only.
  window.ecomapScreenPosition = function (id) {
    const a = A.find(function (x) { return x.id === id; });
    const box = canvas.getBoundingClientRect();
    return a ? [box.left + sx(a), box.top + sy(a)] : null;
  };
  document.body.dataset.ready = performance.now().toFixed(0);
})();
