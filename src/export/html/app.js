// quotegraph viewer: draws the graph embedded in #data, with a side panel,
// search and filters. Hand-written, no dependencies, nothing fetched.
//
// Every name and claim is untrusted text: it reaches the page only through
// textContent, createTextNode, setAttribute on non-URL attributes, and
// canvas fillText; never parsed as markup.
(function () {
  'use strict';

  var DATA = JSON.parse(document.getElementById('data').textContent);
  var NODES = DATA.nodes;
  var EDGES = DATA.edges;
  var NN = NODES.length;
  var KINDS = DATA.kinds; // person, organization, place, statement, document
  var EKINDS = DATA.edgeKinds; // said, reported_by, addressed_to, ...
  var SVGNS = 'http://www.w3.org/2000/svg';

  function kindIx(name) { return KINDS.indexOf(name); }
  function ekIx(name) { return EKINDS.indexOf(name); }
  var K_PERSON = kindIx('person'), K_ORG = kindIx('organization'), K_PLACE = kindIx('place');
  var K_STMT = kindIx('statement'), K_DOC = kindIx('document');
  var E_SAID = ekIx('said'), E_REPORTED = ekIx('reported_by'), E_ADDRESSED = ekIx('addressed_to');
  var E_MENTIONS = ekIx('mentions'), E_ROLE = ekIx('holds_role'), E_APPEARS = ekIx('appears_in');
  var E_DATELINED = ekIx('datelined'), E_REPORTS = ekIx('reports');
  var K_CLAIM = kindIx('claim');

  var KIND_STYLE = {
    person: { fill: '#4e79a7', stroke: '#2b4c73', shape: 'circle', name: 'Person', plural: 'People' },
    organization: { fill: '#f28e2b', stroke: '#a2570f', shape: 'square', name: 'Organization', plural: 'Organizations' },
    place: { fill: '#59a14f', stroke: '#336229', shape: 'triangle', name: 'Place', plural: 'Places' },
    statement: { fill: '#edc948', stroke: '#9a7f12', shape: 'diamond', name: 'Statement', plural: 'Statements' },
    document: { fill: '#bab0ac', stroke: '#6b625f', shape: 'page', name: 'Document', plural: 'Documents' },
    claim: { fill: '#fdb462', stroke: '#b3701e', shape: 'hexagon', name: 'Claim', plural: 'Claims' }
  };
  var EDGE_STYLE = {
    said: { color: '#4d4d4d', width: 1.4, dash: [], name: 'said' },
    reported_by: { color: '#e07b12', width: 1.6, dash: [7, 4], name: 'relayed by' },
    addressed_to: { color: '#9b59b6', width: 1.6, dash: [9, 3, 2, 3], name: 'addressed to' },
    mentions: { color: '#8c8c8c', width: 0.9, dash: [2, 3], name: 'mentions' },
    holds_role: { color: '#d1495b', width: 2.4, dash: [], name: 'holds role' },
    appears_in: { color: '#c9c9c9', width: 0.8, dash: [], name: 'appears in' },
    datelined: { color: '#59a14f', width: 0.9, dash: [4, 3], name: 'datelined' },
    reports: { color: '#b3701e', width: 1.2, dash: [], name: 'reports' }
  };
  // drawing order: statements and documents below, people on top
  var DRAW_ORDER = [K_DOC, K_CLAIM, K_STMT, K_PLACE, K_ORG, K_PERSON];
  var SVG_MAX_NODES = 1500;
  var SVG_MAX_EDGES = 5000;
  var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
  var MARK_PARTS = ['speaker', 'cue', 'content', 'source', 'addressee'];

  // ---------- graph indexes ----------
  var outE = [], inE = [];
  for (var i = 0; i < NN; i++) { outE.push([]); inE.push([]); }
  EDGES.forEach(function (e, ix) { outE[e[0]].push(ix); inE[e[1]].push(ix); });
  var kindOf = NODES.map(function (n) { return n.k; });
  var kindName = function (i) { return KINDS[kindOf[i]]; };
  var degree = NODES.map(function (_, i) { return outE[i].length + inE[i].length; });
  // sized by degree at export (the layout keeps them apart by it)
  var radius = NODES.map(function (n) { return Number(n.r) || 5; });
  var idIndex = new Map();
  NODES.forEach(function (n, i) { idIndex.set(n.id, i); });
  function isEntity(i) { var k = kindOf[i]; return k === K_PERSON || k === K_ORG || k === K_PLACE; }
  function outTo(i, kind) {
    var r = [];
    outE[i].forEach(function (e) { if (EDGES[e][2] === kind) r.push(EDGES[e][1]); });
    return r;
  }
  function inFrom(i, kind) {
    var r = [];
    inE[i].forEach(function (e) { if (EDGES[e][2] === kind) r.push(EDGES[e][0]); });
    return r;
  }
  function edgesOut(i, kind) { return outE[i].filter(function (e) { return EDGES[e][2] === kind; }); }
  function edgesIn(i, kind) { return inE[i].filter(function (e) { return EDGES[e][2] === kind; }); }
  // per statement: speakers, outlets, addressees, documents, mentions,
  // the claim it reports
  var stmt = new Map();
  for (i = 0; i < NN; i++) {
    if (kindOf[i] !== K_STMT) continue;
    stmt.set(i, {
      speakers: inFrom(i, E_SAID),
      outlets: outTo(i, E_REPORTED),
      addressees: outTo(i, E_ADDRESSED),
      docs: outTo(i, E_APPEARS),
      mentions: outTo(i, E_MENTIONS),
      claims: outTo(i, E_REPORTS)
    });
  }
  function displayName(i) {
    var n = NODES[i];
    return n.name != null ? n.name : n.label;
  }
  // the claim in quotation marks, unless it is quoted already
  function quoted(s) {
    s = String(s);
    return /^["“”«»„'‘’]/.test(s) ? s : '“' + s + '”';
  }
  function shortText(s, n) {
    s = String(s).replace(/\s+/g, ' ').trim();
    var cps = Array.from(s);
    return cps.length <= n ? s : cps.slice(0, n - 1).join('').trimEnd() + '…';
  }

  // ---------- small DOM helpers (text only) ----------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = String(text);
    return e;
  }
  function txt(s) { return document.createTextNode(String(s)); }
  function svgEl(tag, attrs) {
    var e = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }

  // ---------- shapes ----------
  function shapeD(shape, r) {
    var a, b;
    switch (shape) {
      case 'square': a = r * 0.9; return 'M' + -a + ',' + -a + 'H' + a + 'V' + a + 'H' + -a + 'Z';
      case 'triangle': return 'M0,' + -1.25 * r + 'L' + 1.15 * r + ',' + 0.8 * r + 'L' + -1.15 * r + ',' + 0.8 * r + 'Z';
      case 'diamond': a = r * 1.35; return 'M0,' + -a + 'L' + a + ',0L0,' + a + 'L' + -a + ',0Z';
      case 'hexagon':
        a = r * 1.1; b = r * 0.95;
        return 'M' + -a + ',0L' + -a / 2 + ',' + -b + 'H' + a / 2 + 'L' + a + ',0L' + a / 2 + ',' + b + 'H' + -a / 2 + 'Z';
      case 'page':
        a = r * 0.8; b = r; var f = r * 0.45;
        return 'M' + -a + ',' + -b + 'H' + (a - f) + 'L' + a + ',' + (-b + f) + 'V' + b + 'H' + -a + 'Z';
      default: return 'M' + r + ',0A' + r + ',' + r + ' 0 1,1 ' + -r + ',0A' + r + ',' + r + ' 0 1,1 ' + r + ',0Z';
    }
  }
  function shapePath(ctx, shape, x, y, r) {
    var a, b;
    switch (shape) {
      case 'square': a = r * 0.9; ctx.rect(x - a, y - a, 2 * a, 2 * a); break;
      case 'triangle':
        ctx.moveTo(x, y - 1.25 * r); ctx.lineTo(x + 1.15 * r, y + 0.8 * r); ctx.lineTo(x - 1.15 * r, y + 0.8 * r); ctx.closePath(); break;
      case 'diamond':
        a = r * 1.35; ctx.moveTo(x, y - a); ctx.lineTo(x + a, y); ctx.lineTo(x, y + a); ctx.lineTo(x - a, y); ctx.closePath(); break;
      case 'hexagon':
        a = r * 1.1; b = r * 0.95;
        ctx.moveTo(x - a, y); ctx.lineTo(x - a / 2, y - b); ctx.lineTo(x + a / 2, y - b); ctx.lineTo(x + a, y);
        ctx.lineTo(x + a / 2, y + b); ctx.lineTo(x - a / 2, y + b); ctx.closePath(); break;
      case 'page':
        a = r * 0.8; b = r; var f = r * 0.45;
        ctx.moveTo(x - a, y - b); ctx.lineTo(x + a - f, y - b); ctx.lineTo(x + a, y - b + f); ctx.lineTo(x + a, y + b); ctx.lineTo(x - a, y + b); ctx.closePath(); break;
      default: ctx.moveTo(x + r, y); ctx.arc(x, y, r, 0, Math.PI * 2);
    }
  }
  function swatch(kind) {
    var st = KIND_STYLE[kind];
    var s = svgEl('svg', { width: 16, height: 16, viewBox: '-8 -8 16 16', 'class': 'swatch', 'aria-hidden': 'true' });
    s.appendChild(svgEl('path', { d: shapeD(st.shape, kind === 'statement' ? 4.5 : 5.5), fill: st.fill, stroke: st.stroke }));
    return s;
  }
  function edgeSwatch(kind) {
    var st = EDGE_STYLE[kind];
    var s = svgEl('svg', { width: 34, height: 10, 'class': 'swatch', 'aria-hidden': 'true' });
    s.appendChild(svgEl('line', {
      x1: 1, y1: 5, x2: 33, y2: 5, stroke: st.color, 'stroke-width': Math.max(st.width, 1.2),
      'stroke-dasharray': st.dash.length ? st.dash.join(' ') : 'none'
    }));
    return s;
  }

  // ---------- state ----------
  var hashArgs = parseHash();
  var MODE = hashArgs.mode || ((NN > SVG_MAX_NODES || EDGES.length > SVG_MAX_EDGES) ? 'canvas' : 'svg');
  var state = { kinds: KINDS.map(function () { return true; }), peopleOnly: false, outlet: '', from: '', to: '', cls: '', pol: '' };
  var visible = new Uint8Array(NN);
  var scene = { nodes: [], edges: [] }; // edges: [a, b, kind, count, baseIndex or -1]
  var selected = -1;
  var neighbours = new Set();
  var view = { x: 0, y: 0, k: 1 };
  var stage = document.getElementById('stage');
  var svg = document.getElementById('svg');
  var canvas = document.getElementById('canvas');
  var tooltip = document.getElementById('tooltip');
  var panel = document.getElementById('panel');
  var rendered = { nodes: 0, edges: 0 };

  function parseHash() {
    var out = {};
    (location.hash || '').replace(/^#/, '').split('&').forEach(function (p) {
      if (p === 'canvas' || p === 'svg') out.mode = p;
      else if (p.indexOf('node=') === 0) {
        try { out.node = decodeURIComponent(p.slice(5)); } catch (e) { /* ignore */ }
      }
    });
    return out;
  }

  // ---------- filters ----------
  // a statement passes when its outlet, date, class and polarity do; a
  // claim shows when any of its reports passes
  function filtering() {
    return state.outlet !== '' || !!state.from || !!state.to || state.cls !== '' || state.pol !== '';
  }
  function stmtPasses(s) {
    var info = stmt.get(s);
    if (state.cls !== '' && NODES[s].class !== state.cls) return false;
    if (state.pol !== '' && NODES[s].polarity !== state.pol) return false;
    if (state.outlet === 'none') {
      if (info.outlets.length) return false;
    } else if (state.outlet !== '') {
      if (info.outlets.indexOf(Number(state.outlet)) < 0) return false;
    }
    if (state.from || state.to) {
      var d = NODES[s].date;
      if (!d || !ISO_DATE.test(d)) return false;
      if (state.from && d < state.from) return false;
      if (state.to && d > state.to) return false;
    }
    return true;
  }

  function computeScene() {
    var filtered = filtering();
    var ok = new Uint8Array(NN);
    stmt.forEach(function (_, s) { ok[s] = stmtPasses(s) ? 1 : 0; });
    var touched = new Uint8Array(NN);
    stmt.forEach(function (info, s) {
      if (!ok[s]) return;
      info.speakers.concat(info.outlets, info.addressees, info.docs, info.mentions, info.claims)
        .forEach(function (j) { touched[j] = 1; });
    });
    if (state.outlet !== '' && state.outlet !== 'none') touched[Number(state.outlet)] = 1;
    var nodes = [];
    for (var i = 0; i < NN; i++) {
      var k = kindOf[i], v = false;
      if (state.kinds[k]) {
        if (k === K_STMT) v = !state.peopleOnly && !!ok[i];
        else if (k === K_DOC || k === K_CLAIM) v = !state.peopleOnly && (!filtered || !!touched[i]);
        else v = !filtered || !!touched[i];
      }
      visible[i] = v ? 1 : 0;
      if (v) nodes.push(i);
    }
    var edges = [];
    if (!state.peopleOnly) {
      EDGES.forEach(function (e, ix) {
        if (visible[e[0]] && visible[e[1]]) edges.push([e[0], e[1], e[2], 1, ix]);
      });
    } else {
      // person–person view: speaker → addressee / outlet / mentioned, via
      // the statements that pass the filters, counted
      var agg = new Map();
      stmt.forEach(function (info, s) {
        if (!ok[s]) return;
        [[info.addressees, E_ADDRESSED], [info.outlets, E_REPORTED], [info.mentions, E_MENTIONS]]
          .forEach(function (pair) {
            info.speakers.forEach(function (a) {
              pair[0].forEach(function (b) {
                if (a === b || !visible[a] || !visible[b]) return;
                var key = a + ',' + b + ',' + pair[1];
                var got = agg.get(key);
                if (got) got[3] += 1; else agg.set(key, [a, b, pair[1], 1, -1]);
              });
            });
          });
      });
      EDGES.forEach(function (e, ix) {
        if (e[2] === E_ROLE && visible[e[0]] && visible[e[1]]) edges.push([e[0], e[1], e[2], 1, ix]);
      });
      agg.forEach(function (v) { edges.push(v); });
    }
    scene.nodes = nodes;
    scene.edges = edges;
    updateNeighbours();
  }

  function updateNeighbours() {
    neighbours = new Set();
    if (selected < 0) return;
    scene.edges.forEach(function (e) {
      if (e[0] === selected) neighbours.add(e[1]);
      else if (e[1] === selected) neighbours.add(e[0]);
    });
  }

  // ---------- view ----------
  function stageSize() { return { w: stage.clientWidth || 800, h: stage.clientHeight || 600 }; }
  function fit(nodes) {
    nodes = nodes || scene.nodes;
    if (!nodes.length) nodes = NODES.map(function (_, i) { return i; });
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    nodes.forEach(function (i) {
      var n = NODES[i], r = radius[i];
      x0 = Math.min(x0, n.x - r); y0 = Math.min(y0, n.y - r);
      x1 = Math.max(x1, n.x + r); y1 = Math.max(y1, n.y + r);
    });
    if (!isFinite(x0)) { x0 = y0 = -1; x1 = y1 = 1; }
    // room for the labels under and beside the nodes
    var sz = stageSize(), padX = 90, padY = 40;
    var k = Math.min((sz.w - 2 * padX) / Math.max(x1 - x0, 1), (sz.h - 2 * padY) / Math.max(y1 - y0, 1));
    k = Math.max(0.01, Math.min(k, 1.6));
    view.k = k;
    view.x = sz.w / 2 - k * (x0 + x1) / 2;
    view.y = sz.h / 2 - k * (y0 + y1) / 2;
    requestDraw();
  }
  function zoomAt(px, py, factor) {
    var k = Math.max(0.01, Math.min(view.k * factor, 12));
    factor = k / view.k;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    view.k = k;
    requestDraw();
  }
  function centerOn(i) {
    var sz = stageSize();
    if (view.k < 0.8) view.k = 1;
    view.x = sz.w / 2 - NODES[i].x * view.k;
    view.y = sz.h / 2 - NODES[i].y * view.k;
    requestDraw();
  }
  function toScreen(i) { return { x: NODES[i].x * view.k + view.x, y: NODES[i].y * view.k + view.y }; }

  // ---------- labels (shared by both renderers) ----------
  var labelOrder = NODES.map(function (_, i) { return i; }).sort(function (a, b) {
    var pa = isEntity(a) ? 0 : kindOf[a] === K_DOC ? 1 : 2;
    var pb = isEntity(b) ? 0 : kindOf[b] === K_DOC ? 1 : 2;
    return pa - pb || degree[b] - degree[a] || a - b;
  });
  function labelText(i) {
    var n = NODES[i];
    if (kindOf[i] === K_STMT) return shortText(n.text, 48);
    return shortText(displayName(i), 30);
  }
  var labelCache = NODES.map(function (_, i) { return labelText(i); });
  var LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif';
  var measureCtx = document.createElement('canvas').getContext('2d');
  measureCtx.font = LABEL_FONT;
  var labelWidth = new Float32Array(NN);
  function widthOf(i) {
    if (!labelWidth[i]) labelWidth[i] = measureCtx.measureText(labelCache[i]).width + 4;
    return labelWidth[i];
  }
  // Greedy placement in screen space: most important first, each label
  // below, above, right or left of its node, wherever it covers no other
  // label and no node; otherwise it is left out. Returns node → {x, y
  // (top), anchor}.
  function chooseLabels(maxLabels) {
    var chosen = new Map();
    var sz = stageSize();
    var cell = 40, grid = new Map();
    function hits(b0, lenient) {
      for (var gx = Math.floor(b0[0] / cell); gx <= Math.floor(b0[2] / cell); gx++) {
        for (var gy = Math.floor(b0[1] / cell); gy <= Math.floor(b0[3] / cell); gy++) {
          var list = grid.get(gx + ',' + gy);
          if (!list) continue;
          for (var j = 0; j < list.length; j++) {
            var b = list[j];
            if (lenient && b[5]) continue;
            if (b0[0] < b[2] && b[0] < b0[2] && b0[1] < b[3] && b[1] < b0[3] && b[4] !== b0[4]) return true;
          }
        }
      }
      return false;
    }
    function add(box) {
      for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
          var key = gx + ',' + gy;
          var list = grid.get(key);
          if (!list) grid.set(key, list = []);
          list.push(box);
        }
      }
    }
    // nodes are obstacles (a label never hides a node)
    scene.nodes.forEach(function (i) {
      var p = toScreen(i), r = radius[i] * view.k * 1.3;
      if (p.x + r < 0 || p.x - r > sz.w || p.y + r < 0 || p.y - r > sz.h) return;
      // statements and documents may be covered when nothing else fits
      add([p.x - r, p.y - r, p.x + r, p.y + r, i, !isEntity(i)]);
    });
    function tryLabel(i) {
      var p = toScreen(i);
      var r = radius[i] * view.k * 1.3;
      var w = widthOf(i), h = 15;
      var spots = [
        [p.x - w / 2, p.y + r + 1, 'middle'],
        [p.x - w / 2, p.y - r - 1 - h, 'middle'],
        [p.x + r + 3, p.y - h / 2, 'start'],
        [p.x - r - 3 - w, p.y - h / 2, 'end']
      ];
      for (var s = 0; s < 2 * spots.length; s++) {
        var spot = spots[s % spots.length], lenient = s >= spots.length;
        if (lenient && !isEntity(i)) return;
        var x0 = spot[0], y0 = spot[1];
        var box = [x0, y0, x0 + w, y0 + h, i, false];
        if (box[0] < 0 || box[2] > sz.w || box[1] < 0 || box[3] > sz.h) continue;
        if (hits(box, lenient)) continue;
        add(box);
        var anchor = spot[2];
        chosen.set(i, { x: anchor === 'middle' ? p.x : anchor === 'start' ? x0 : x0 + w, y: y0 + 1, anchor: anchor });
        return;
      }
    }
    if (selected >= 0 && visible[selected]) {
      tryLabel(selected);
      neighbours.forEach(function (i) { if (visible[i]) tryLabel(i); });
    }
    for (var n = 0; n < labelOrder.length && chosen.size < maxLabels; n++) {
      var i = labelOrder[n];
      if (!visible[i] || chosen.has(i)) continue;
      var k = kindOf[i];
      if (k === K_STMT && view.k < 1.3) continue;
      if (k === K_DOC && view.k < 0.4) continue;
      if (radius[i] * view.k < 2.5 && degree[i] < 8) continue;
      tryLabel(i);
    }
    return chosen;
  }

  // ---------- SVG renderer ----------
  var svgParts = null;
  function svgInit() {
    svg.removeAttribute('hidden');
    var root = svgEl('g', { id: 'viewport' });
    var gEdges = svgEl('g', { 'class': 'edges' });
    var gNodes = svgEl('g', { 'class': 'nodes' });
    var gLabels = svgEl('g', { 'class': 'labels' });
    root.appendChild(gEdges); root.appendChild(gNodes); root.appendChild(gLabels);
    svg.appendChild(root);
    var nodeEls = new Array(NN), labelEls = new Array(NN);
    DRAW_ORDER.forEach(function (k) {
      for (var i = 0; i < NN; i++) {
        if (kindOf[i] !== k) continue;
        var n = NODES[i], st = KIND_STYLE[KINDS[k]];
        var g = svgEl('g', { 'class': 'node k-' + KINDS[k], transform: 'translate(' + n.x + ' ' + n.y + ')' });
        g.setAttribute('data-id', n.id);
        g.setAttribute('data-ix', String(i));
        g.appendChild(svgEl('path', { d: shapeD(st.shape, radius[i]), fill: st.fill, stroke: st.stroke }));
        gNodes.appendChild(g);
        nodeEls[i] = g;
        var t = svgEl('text', { 'class': 'label' + (isEntity(i) ? '' : ' minor'), x: n.x, y: n.y + radius[i], dy: '0.85em' });
        t.textContent = labelCache[i];
        gLabels.appendChild(t);
        labelEls[i] = t;
      }
    });
    svgParts = { root: root, edges: gEdges, nodes: nodeEls, labels: labelEls, gLabels: gLabels, edgeEls: [] };
  }
  function svgBuildEdges() {
    clear(svgParts.edges);
    var els = [];
    scene.edges.forEach(function (e) {
      var a = NODES[e[0]], b = NODES[e[1]], st = EDGE_STYLE[EKINDS[e[2]]];
      var line = svgEl('line', {
        x1: a.x, y1: a.y, x2: b.x, y2: b.y, 'class': 'e e-' + EKINDS[e[2]],
        stroke: st.color, 'stroke-width': st.width * (e[3] > 1 ? Math.min(1 + Math.log2(e[3]), 4) : 1)
      });
      if (st.dash.length) line.setAttribute('stroke-dasharray', st.dash.join(' '));
      svgParts.edges.appendChild(line);
      els.push(line);
    });
    svgParts.edgeEls = els;
  }
  function svgApplyScene() {
    for (var i = 0; i < NN; i++) {
      svgParts.nodes[i].classList.toggle('hidden', !visible[i]);
    }
    svgBuildEdges();
    svgApplySelection();
  }
  function svgApplySelection() {
    svg.classList.toggle('has-sel', selected >= 0);
    for (var i = 0; i < NN; i++) {
      var s = i === selected, nb = neighbours.has(i);
      svgParts.nodes[i].classList.toggle('sel', s);
      svgParts.nodes[i].classList.toggle('nb', nb);
      svgParts.labels[i].classList.toggle('sel', s);
      svgParts.labels[i].classList.toggle('nb', nb);
    }
    scene.edges.forEach(function (e, j) {
      svgParts.edgeEls[j].classList.toggle('hl', e[0] === selected || e[1] === selected);
    });
  }
  function svgDraw() {
    svgParts.root.setAttribute('transform', 'translate(' + view.x + ' ' + view.y + ') scale(' + view.k + ')');
    svgParts.gLabels.style.fontSize = (12 / view.k) + 'px';
    svgParts.gLabels.style.strokeWidth = String(3 / view.k);
    var chosen = chooseLabels(400);
    for (var i = 0; i < NN; i++) {
      var t = svgParts.labels[i], at = chosen.get(i);
      t.classList.toggle('hidden', !at);
      if (!at) continue;
      t.setAttribute('x', (at.x - view.x) / view.k);
      t.setAttribute('y', (at.y - view.y) / view.k);
      t.setAttribute('text-anchor', at.anchor);
    }
    rendered.nodes = svg.querySelectorAll('.node:not(.hidden)').length;
    rendered.edges = svgParts.edgeEls.length;
  }

  // ---------- canvas renderer ----------
  var ctx = null, dpr = 1;
  var hitGrid = null, HIT_CELL = 60;
  function canvasInit() {
    canvas.removeAttribute('hidden');
    ctx = canvas.getContext('2d');
    hitGrid = new Map();
    for (var i = 0; i < NN; i++) {
      var n = NODES[i], r = radius[i] * 1.4;
      for (var gx = Math.floor((n.x - r) / HIT_CELL); gx <= Math.floor((n.x + r) / HIT_CELL); gx++) {
        for (var gy = Math.floor((n.y - r) / HIT_CELL); gy <= Math.floor((n.y + r) / HIT_CELL); gy++) {
          var key = gx + ',' + gy, list = hitGrid.get(key);
          if (!list) hitGrid.set(key, list = []);
          list.push(i);
        }
      }
    }
  }
  function canvasResize() {
    var sz = stageSize();
    dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(sz.w * dpr);
    canvas.height = Math.round(sz.h * dpr);
  }
  function canvasDraw() {
    var sz = stageSize();
    if (canvas.width !== Math.round(sz.w * (window.devicePixelRatio || 1))) canvasResize();
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, sz.w, sz.h);
    var k = view.k;
    // world rectangle on screen, with a margin
    var m = 40 / k;
    var wx0 = -view.x / k - m, wy0 = -view.y / k - m, wx1 = (sz.w - view.x) / k + m, wy1 = (sz.h - view.y) / k + m;
    var onScreen = function (i) {
      var n = NODES[i];
      return n.x >= wx0 && n.x <= wx1 && n.y >= wy0 && n.y <= wy1;
    };
    var hasSel = selected >= 0;
    ctx.save();
    ctx.translate(view.x, view.y);
    ctx.scale(k, k);
    // edges, batched by kind (and by highlight); thousands of edges seen
    // from afar are faded so the nodes and clusters stay readable
    var drawnEdges = 0;
    var edgeAlpha = scene.edges.length > 2000 ? Math.max(0.2, Math.min(1, 0.2 + k * 1.5)) : 1;
    [false, true].forEach(function (hlPass) {
      if (hlPass && !hasSel) return;
      EKINDS.forEach(function (ek, kix) {
        var st = EDGE_STYLE[ek];
        ctx.globalAlpha = hasSel && !hlPass ? 0.12 : hlPass ? 1 : edgeAlpha;
        ctx.strokeStyle = st.color;
        ctx.lineWidth = (hlPass ? st.width * 1.6 : st.width) / k;
        ctx.setLineDash(st.dash.map(function (d) { return d / k; }));
        var inPath = 0;
        ctx.beginPath();
        for (var j = 0; j < scene.edges.length; j++) {
          var e = scene.edges[j];
          if (e[2] !== kix) continue;
          var hl = hasSel && (e[0] === selected || e[1] === selected);
          if (hl !== hlPass) continue;
          var a = NODES[e[0]], b = NODES[e[1]];
          if ((a.x < wx0 && b.x < wx0) || (a.x > wx1 && b.x > wx1) || (a.y < wy0 && b.y < wy0) || (a.y > wy1 && b.y > wy1)) continue;
          ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y);
          drawnEdges++;
          if (++inPath === 1000) { ctx.stroke(); ctx.beginPath(); inPath = 0; }
        }
        if (inPath) ctx.stroke();
      });
    });
    ctx.setLineDash([]);
    // nodes, batched by kind and by dimmed / highlighted
    var drawn = 0;
    [false, true].forEach(function (hlPass) {
      DRAW_ORDER.forEach(function (kix) {
        var st = KIND_STYLE[KINDS[kix]];
        ctx.globalAlpha = hlPass ? 1 : 0.22;
        ctx.fillStyle = st.fill;
        ctx.strokeStyle = st.stroke;
        ctx.lineWidth = 1 / k;
        // paint in batches: one path of thousands of shapes fills far
        // slower than many paths of a few hundred
        var inPath = 0;
        var flush = function () {
          if (!inPath) return;
          ctx.fill();
          ctx.stroke();
          ctx.beginPath();
          inPath = 0;
        };
        ctx.beginPath();
        for (var n = 0; n < scene.nodes.length; n++) {
          var i = scene.nodes[n];
          if (kindOf[i] !== kix) continue;
          var hl = !hasSel || i === selected || neighbours.has(i);
          if (hl !== hlPass) continue;
          if (!onScreen(i)) continue;
          var p = NODES[i];
          var r = Math.max(radius[i], 1.3 / k);
          shapePath(ctx, st.shape, p.x, p.y, r);
          drawn++;
          if (++inPath === 200) flush();
        }
        flush();
      });
    });
    ctx.globalAlpha = 1;
    if (hasSel && visible[selected]) {
      ctx.beginPath();
      var sp = NODES[selected];
      shapePath(ctx, KIND_STYLE[kindName(selected)].shape, sp.x, sp.y, radius[selected]);
      ctx.lineWidth = 3 / k;
      ctx.strokeStyle = '#111';
      ctx.stroke();
    }
    ctx.restore();
    // labels in screen space
    var chosen = chooseLabels(300);
    ctx.font = LABEL_FONT;
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3;
    ctx.strokeStyle = '#fff';
    chosen.forEach(function (at, i) {
      ctx.textAlign = at.anchor === 'middle' ? 'center' : at.anchor === 'start' ? 'left' : 'right';
      ctx.globalAlpha = hasSel && i !== selected && !neighbours.has(i) ? 0.35 : 1;
      ctx.fillStyle = isEntity(i) ? '#1f2328' : '#57606a';
      ctx.strokeText(labelCache[i], at.x, at.y);
      ctx.fillText(labelCache[i], at.x, at.y);
    });
    ctx.globalAlpha = 1;
    rendered.nodes = drawn;
    rendered.edges = drawnEdges;
  }
  function canvasHit(px, py) {
    var wx = (px - view.x) / view.k, wy = (py - view.y) / view.k;
    var list = hitGrid.get(Math.floor(wx / HIT_CELL) + ',' + Math.floor(wy / HIT_CELL)) || [];
    var best = -1, bestScore = Infinity, tol = 4 / view.k;
    list.forEach(function (i) {
      if (!visible[i]) return;
      var n = NODES[i];
      var d = Math.sqrt((n.x - wx) * (n.x - wx) + (n.y - wy) * (n.y - wy));
      var r = Math.max(radius[i], 1.3 / view.k) * 1.2;
      if (d > r + tol) return;
      // nodes drawn on top win; then the nearest
      var score = -DRAW_ORDER.indexOf(kindOf[i]) * 1e9 + d;
      if (score < bestScore) { bestScore = score; best = i; }
    });
    return best;
  }

  // ---------- drawing loop ----------
  var drawPending = false;
  function draw() {
    drawPending = false;
    if (MODE === 'svg') svgDraw(); else canvasDraw();
  }
  function requestDraw() {
    if (drawPending) return;
    drawPending = true;
    requestAnimationFrame(draw);
  }
  function refreshScene() {
    computeScene();
    if (MODE === 'svg') svgApplyScene();
    updateStats();
    // a claim's timeline greys the reports the filters leave out
    if (selected >= 0 && kindOf[selected] === K_CLAIM) renderPanel();
    requestDraw();
  }
  function updateStats() {
    var s = document.getElementById('stats');
    s.textContent = NN + ' nodes, ' + EDGES.length + ' edges · showing ' + scene.nodes.length +
      ' nodes, ' + scene.edges.length + ' edges · ' + (MODE === 'svg' ? 'SVG' : 'canvas');
  }

  // ---------- selection and panel ----------
  function select(i, opts) {
    opts = opts || {};
    selected = i;
    updateNeighbours();
    if (MODE === 'svg') svgApplySelection();
    renderPanel();
    if (i >= 0 && opts.center) centerOn(i);
    requestDraw();
  }

  function nodeLink(i, text) {
    var b = el('button', 'link', text != null ? text : displayName(i));
    b.type = 'button';
    b.setAttribute('data-id', NODES[i].id);
    b.addEventListener('click', function (ev) { ev.stopPropagation(); select(i, { center: true }); });
    return b;
  }
  function joinLinks(parent, list) {
    list.forEach(function (j, n) {
      if (n) parent.appendChild(txt(', '));
      parent.appendChild(nodeLink(j));
    });
  }
  function section(title, count) {
    return el('h3', null, count != null ? title + ' (' + count + ')' : title);
  }
  function kindLine(i, extra) {
    var p = el('p', 'kind');
    p.appendChild(swatch(kindName(i)));
    p.appendChild(txt(KIND_STYLE[kindName(i)].name + (extra ? ' · ' + extra : '')));
    return p;
  }

  // one statement as a list item: claim, cue, addressee, outlet, date, document
  function statementItem(s, showSpeaker) {
    var n = NODES[s], info = stmt.get(s);
    var li = el('li');
    li.setAttribute('data-id', n.id);
    li.appendChild(el('p', 'claim', quoted(shortText(n.text, 400))));
    var meta = el('div', 'meta');
    function part(label, value) {
      if (meta.childNodes.length) meta.appendChild(txt(' · '));
      meta.appendChild(txt(label + ' '));
      if (typeof value === 'string') meta.appendChild(el('b', null, value));
      else meta.appendChild(value);
    }
    if (showSpeaker) {
      var sp = el('span');
      if (info.speakers.length) joinLinks(sp, info.speakers); else sp.textContent = n.speakerText || '(unknown)';
      part('by', sp);
    }
    part('cue', n.cueText || n.cue);
    if (info.addressees.length) { var to = el('span'); joinLinks(to, info.addressees); part('to', to); }
    else if (n.addresseeText) part('to', n.addresseeText);
    if (info.outlets.length) { var via = el('span'); joinLinks(via, info.outlets); part('via', via); }
    else if (n.sourceText) part('via', n.sourceText);
    if (n.date) part('date', n.date);
    if (info.docs.length) part('in', nodeLink(info.docs[0], NODES[info.docs[0]].label));
    else if (n.doc) part('in', n.doc);
    li.appendChild(meta);
    li.addEventListener('click', function () { select(s, { center: true }); });
    return li;
  }
  function statementList(role, list, showSpeaker) {
    var ol = el('ol', 'stmts');
    ol.setAttribute('data-role', role);
    list.forEach(function (s) { ol.appendChild(statementItem(s, showSpeaker)); });
    return ol;
  }

  function renderPanel() {
    clear(panel);
    if (selected < 0) {
      panel.appendChild(el('p', 'hint', 'Click a person or organization to list what they said; click a statement to see it in its sentence, with where it came from.'));
      return;
    }
    var k = kindOf[selected];
    if (k === K_STMT) renderStatement(selected);
    else if (k === K_DOC) renderDocument(selected);
    else if (k === K_CLAIM) renderClaim(selected);
    else renderEntity(selected);
    panel.scrollTop = 0;
  }

  function renderEntity(i) {
    var n = NODES[i];
    panel.appendChild(el('h2', null, n.name));
    panel.appendChild(kindLine(i, n.outlet ? 'news outlet' : ''));
    if (n.aliases && n.aliases.length) {
      panel.appendChild(section('Also called'));
      var tags = el('div', 'tags');
      n.aliases.forEach(function (a) { tags.appendChild(el('span', 'tag', a)); });
      panel.appendChild(tags);
    }
    var roleOut = edgesOut(i, E_ROLE), roleIn = edgesIn(i, E_ROLE);
    if ((n.titles && n.titles.length) || roleOut.length || roleIn.length) {
      panel.appendChild(section('Roles'));
      var ul = el('ul', 'roles');
      ul.setAttribute('data-role', 'roles');
      (n.titles || []).forEach(function (t) { ul.appendChild(el('li', null, t)); });
      roleOut.forEach(function (e) {
        var li = el('li');
        li.appendChild(txt((EDGES[e][3] || 'role') + ' of '));
        li.appendChild(nodeLink(EDGES[e][1]));
        ul.appendChild(li);
      });
      roleIn.forEach(function (e) {
        var li = el('li');
        li.appendChild(nodeLink(EDGES[e][0]));
        li.appendChild(txt(' is ' + (EDGES[e][3] || 'role') + ' of ' + n.name));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var said = outTo(i, E_SAID);
    panel.appendChild(section('Statements', said.length));
    if (said.length) panel.appendChild(statementList('said', said, false));
    else panel.appendChild(el('p', 'note', 'No statement attributed.'));
    // the statements that reach this entity by each kind of edge
    [[E_REPORTED, 'Relayed', 'relayed'],
     [E_ADDRESSED, 'Addressed to them', 'addressed'],
     [E_MENTIONS, 'Mentioned in', 'mentioned']].forEach(function (by) {
      var sts = inFrom(i, by[0]);
      if (!sts.length) return;
      panel.appendChild(section(by[1], sts.length));
      panel.appendChild(statementList(by[2], sts, true));
    });
    var datelined = inFrom(i, E_DATELINED);
    if (datelined.length) {
      panel.appendChild(section('Datelined here', datelined.length));
      var dl = el('ul');
      datelined.forEach(function (d) { var li = el('li'); li.appendChild(nodeLink(d, NODES[d].path)); dl.appendChild(li); });
      panel.appendChild(dl);
    }
  }

  // The sentence with speaker, cue, content, source and addressee marked;
  // without the article text, the parts as written joined together.
  function markedSentence(n) {
    var p = el('p', 'sentence');
    p.setAttribute('data-role', 'sentence');
    var ctx = n.context;
    if (ctx && typeof ctx.text === 'string') {
      var cps = Array.from(ctx.text);
      var marks = (ctx.marks || []).slice().sort(function (a, b) { return a[1] - b[1] || a[2] - b[2]; });
      var pos = 0;
      marks.forEach(function (m) {
        var s = Math.max(Number(m[1]) || 0, pos), e = Math.min(Number(m[2]) || 0, cps.length);
        if (e <= s) return;
        if (s > pos) p.appendChild(txt(cps.slice(pos, s).join('')));
        var part = MARK_PARTS.indexOf(m[0]) >= 0 ? m[0] : 'content';
        var mk = el('mark', 'm-' + part, cps.slice(s, e).join(''));
        mk.title = part;
        p.appendChild(mk);
        pos = e;
      });
      if (pos < cps.length) p.appendChild(txt(cps.slice(pos).join('')));
      return [p];
    }
    if (n.speakerText) { p.appendChild(el('mark', 'm-speaker', n.speakerText)); p.appendChild(txt(' ')); }
    p.appendChild(el('mark', 'm-cue', n.cueText || n.cue));
    if (n.addresseeText) { p.appendChild(txt(' … ')); p.appendChild(el('mark', 'm-addressee', n.addresseeText)); }
    p.appendChild(txt(': “'));
    p.appendChild(el('mark', 'm-content', n.text));
    p.appendChild(txt('”'));
    if (n.sourceText) { p.appendChild(txt(' … ')); p.appendChild(el('mark', 'm-source', n.sourceText)); }
    return [p, el('p', 'note', 'Parts as written; the graph was built without the article text, so the full sentence is not available.')];
  }

  function renderStatement(s) {
    var n = NODES[s], info = stmt.get(s);
    panel.appendChild(el('h2', null, 'Statement'));
    panel.appendChild(kindLine(s, n.quoteKind + ' quote'));
    markedSentence(n).forEach(function (x) { panel.appendChild(x); });
    var legend = el('div', 'marks-legend');
    MARK_PARTS.forEach(function (part) { legend.appendChild(el('mark', 'm-' + part, part)); });
    panel.appendChild(legend);

    panel.appendChild(section('Claim'));
    panel.appendChild(el('p', 'claim', quoted(n.text)));
    outTo(s, E_REPORTS).forEach(function (c) {
      var reported = el('p', 'meta');
      reported.setAttribute('data-role', 'claim-link');
      reported.appendChild(txt('One of ' + NODES[c].reports + ' reports of '));
      reported.appendChild(nodeLink(c, 'this claim'));
      panel.appendChild(reported);
    });

    panel.appendChild(section('Provenance'));
    var chain = el('ol', 'chain');
    chain.setAttribute('data-role', 'provenance');
    function step(label, build) {
      var li = el('li');
      li.appendChild(el('span', 'step', label));
      build(li);
      chain.appendChild(li);
    }
    function asWritten(li, written, nodes) {
      if (written && !(nodes.length === 1 && written === displayName(nodes[0]))) {
        li.appendChild(el('span', 'as-written', ' as “' + written + '”'));
      }
    }
    step('Said by', function (li) {
      if (info.speakers.length) joinLinks(li, info.speakers);
      else li.appendChild(el('span', 'note', n.speakerText ? 'unresolved' : 'no speaker named'));
      asWritten(li, n.speakerText, info.speakers);
    });
    step('Cue', function (li) {
      li.appendChild(el('b', null, '“' + (n.cueText || n.cue) + '”'));
      if (n.cue && n.cue !== n.cueText) li.appendChild(el('span', 'as-written', ' (' + n.cue + ')'));
    });
    if (info.addressees.length || n.addresseeText) {
      step('Addressed to', function (li) {
        if (info.addressees.length) joinLinks(li, info.addressees);
        asWritten(li, n.addresseeText, info.addressees);
      });
    }
    step('Relayed by', function (li) {
      if (info.outlets.length) joinLinks(li, info.outlets);
      else if (!n.sourceText) li.appendChild(el('span', 'note', 'no outlet named in the text'));
      asWritten(li, n.sourceText, info.outlets);
    });
    step('Published in', function (li) {
      if (info.docs.length) {
        var d = NODES[info.docs[0]];
        li.appendChild(nodeLink(info.docs[0], d.path));
        var bits = [];
        if (d.dateline) bits.push('dateline “' + d.dateline + '”');
        if (d.date) bits.push(d.date);
        if (bits.length) li.appendChild(el('div', 'meta', bits.join(' · ')));
        var places = outTo(info.docs[0], E_DATELINED);
        if (places.length) {
          var pl = el('div', 'meta');
          pl.appendChild(txt('datelined in '));
          joinLinks(pl, places);
          li.appendChild(pl);
        }
      } else {
        li.appendChild(txt(n.doc || ''));
        if (n.date) li.appendChild(el('div', 'meta', n.date));
      }
    });
    panel.appendChild(chain);
    if (info.mentions.length) {
      panel.appendChild(section('Mentions', info.mentions.length));
      var m = el('p');
      joinLinks(m, info.mentions);
      panel.appendChild(m);
    }
    panel.appendChild(el('p', 'meta', 'Found by rule ' + n.rule + ' · id ' + n.id));
  }

  // a claim: its speaker, and its reports on a timeline (earliest first,
  // undated last), each with its outlet, relay and wording
  function renderClaim(c) {
    var n = NODES[c];
    panel.appendChild(el('h2', null, 'Claim'));
    panel.appendChild(kindLine(c, n.reports + (n.reports === 1 ? ' report' : ' reports')));
    panel.appendChild(el('p', 'claim', quoted(n.text)));
    var who = el('p');
    who.appendChild(txt('Said by '));
    if (idIndex.has(n.speaker)) who.appendChild(nodeLink(idIndex.get(n.speaker)));
    else who.appendChild(txt(n.speakerName || ''));
    panel.appendChild(who);
    if (n.chain && n.chain.length) {
      panel.appendChild(section('Relay chain'));
      panel.appendChild(el('p', 'meta', n.chain.join(' → ')));
    }
    var reps = inFrom(c, E_REPORTS).slice();
    reps.sort(function (a, b) {
      var da = NODES[a].date || '', db = NODES[b].date || '';
      if (!da !== !db) return da ? -1 : 1;
      return da < db ? -1 : da > db ? 1 : a - b;
    });
    var passing = reps.filter(stmtPasses).length;
    panel.appendChild(section('Timeline', reps.length));
    if (filtering()) {
      var note = el('p', 'note', passing + ' of ' + reps.length + ' reports pass the filters; the others are greyed');
      note.setAttribute('data-role', 'claim-filter-note');
      panel.appendChild(note);
    }
    var ol = el('ol', 'timeline');
    ol.setAttribute('data-role', 'claim-timeline');
    reps.forEach(function (s) {
      var r = NODES[s], li = el('li');
      if (!stmtPasses(s)) { li.className = 'filtered'; li.setAttribute('data-filtered', '1'); }
      li.appendChild(el('b', null, r.date || 'undated'));
      li.appendChild(txt(' '));
      li.appendChild(nodeLink(s, r.doc ? r.doc.split('/').pop() : r.id));
      var via = outTo(s, E_REPORTED);
      if (via.length) { li.appendChild(txt(' via ')); joinLinks(li, via); }
      else if (r.sourceText) li.appendChild(txt(' via ' + r.sourceText));
      li.appendChild(el('div', 'meta', quoted(r.text)));
      ol.appendChild(li);
    });
    panel.appendChild(ol);
    panel.appendChild(el('p', 'meta', 'id ' + n.id));
  }

  function renderDocument(d) {
    var n = NODES[d];
    panel.appendChild(el('h2', null, n.label));
    panel.appendChild(kindLine(d));
    var dl = el('ul');
    [['Path', n.path], ['Dateline', n.dateline], ['Date', n.date], ['Place', n.place]].forEach(function (r) {
      if (r[1]) { var li = el('li'); li.appendChild(txt(r[0] + ': ')); li.appendChild(el('b', null, r[1])); dl.appendChild(li); }
    });
    panel.appendChild(dl);
    var sts = inFrom(d, E_APPEARS);
    panel.appendChild(section('Statements', sts.length));
    panel.appendChild(statementList('statements', sts, true));
  }

  // ---------- search ----------
  function norm(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }
  var searchIndex = [];
  for (i = 0; i < NN; i++) {
    if (!isEntity(i)) continue;
    var names = [NODES[i].name].concat(NODES[i].aliases || []);
    searchIndex.push({ i: i, names: names, keys: names.map(norm) });
  }
  function find(q) {
    q = norm(q).trim();
    if (!q) return [];
    var hits = [];
    searchIndex.forEach(function (entry) {
      var best = Infinity, via = null;
      entry.keys.forEach(function (key, n) {
        var pos = key.indexOf(q);
        if (pos < 0) return;
        var score = (pos === 0 ? 0 : /[\s\-'’.(]/.test(key.charAt(pos - 1)) ? 1 : 2) + (n ? 0.5 : 0);
        if (score < best) { best = score; via = n ? entry.names[n] : null; }
      });
      if (best < Infinity) hits.push({ i: entry.i, score: best, via: via });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || degree[b.i] - degree[a.i] || (displayName(a.i) < displayName(b.i) ? -1 : 1);
    });
    return hits;
  }
  var searchInput = document.getElementById('search');
  var resultsEl = document.getElementById('results');
  var activeResult = -1;
  function showResults() {
    var hits = find(searchInput.value).slice(0, 30);
    clear(resultsEl);
    activeResult = -1;
    if (!searchInput.value.trim()) { resultsEl.hidden = true; return; }
    if (!hits.length) {
      resultsEl.appendChild(el('li', 'empty', 'No match'));
    }
    hits.forEach(function (h) {
      var li = el('li');
      li.setAttribute('role', 'option');
      li.setAttribute('data-id', NODES[h.i].id);
      li.appendChild(swatch(kindName(h.i)));
      li.appendChild(el('span', 'r-name', displayName(h.i)));
      li.appendChild(el('span', 'r-kind', KIND_STYLE[kindName(h.i)].name.toLowerCase()));
      if (h.via) li.appendChild(el('span', 'r-alias', 'as ' + h.via));
      li.addEventListener('mousedown', function (ev) { ev.preventDefault(); pick(h.i); });
      resultsEl.appendChild(li);
    });
    resultsEl.hidden = false;
  }
  function pick(i) {
    resultsEl.hidden = true;
    if (!visible[i]) {
      // make sure the node can be seen
      state.kinds[kindOf[i]] = true;
      syncFilterInputs();
      refreshScene();
    }
    select(i, { center: true });
  }
  searchInput.addEventListener('input', showResults);
  searchInput.addEventListener('focus', showResults);
  searchInput.addEventListener('blur', function () { setTimeout(function () { resultsEl.hidden = true; }, 150); });
  searchInput.addEventListener('keydown', function (ev) {
    var items = resultsEl.querySelectorAll('li[role=option]');
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!items.length) return;
      activeResult = (activeResult + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
      items.forEach(function (it, n) { it.classList.toggle('active', n === activeResult); });
    } else if (ev.key === 'Enter') {
      var it = items[Math.max(activeResult, 0)];
      if (it) pick(idIndex.get(it.getAttribute('data-id')));
    } else if (ev.key === 'Escape') {
      resultsEl.hidden = true;
    }
  });

  // ---------- filter controls ----------
  var kindsEl = document.getElementById('kinds');
  var kindBoxes = [];
  KINDS.forEach(function (kind, k) {
    var count = kindOf.filter(function (x) { return x === k; }).length;
    var label = el('label');
    var box = el('input');
    box.type = 'checkbox';
    box.checked = true;
    box.setAttribute('data-kind', kind);
    box.addEventListener('change', function () { state.kinds[k] = box.checked; refreshScene(); });
    label.appendChild(box);
    label.appendChild(swatch(kind));
    label.appendChild(txt(KIND_STYLE[kind].plural));
    label.appendChild(el('span', 'count', count));
    kindsEl.appendChild(label);
    kindBoxes.push(box);
  });
  var peopleOnly = document.getElementById('people-only');
  peopleOnly.addEventListener('change', function () { state.peopleOnly = peopleOnly.checked; refreshScene(); });
  var outletSel = document.getElementById('outlet');
  (function () {
    var counts = new Map(), none = 0;
    stmt.forEach(function (info) {
      if (!info.outlets.length) none++;
      info.outlets.forEach(function (o) { counts.set(o, (counts.get(o) || 0) + 1); });
    });
    function opt(value, text) { var o = el('option', null, text); o.value = value; outletSel.appendChild(o); }
    opt('', 'All outlets');
    Array.from(counts.keys()).sort(function (a, b) { return displayName(a) < displayName(b) ? -1 : displayName(a) > displayName(b) ? 1 : a - b; })
      .forEach(function (o) { opt(String(o), displayName(o) + ' (' + counts.get(o) + ')'); });
    opt('none', 'No outlet named (' + none + ')');
  })();
  outletSel.addEventListener('change', function () { state.outlet = outletSel.value; refreshScene(); });
  // class and polarity: the values the statements have, with counts
  function valueSelect(id, field, all) {
    var sel = document.getElementById(id), counts = new Map();
    stmt.forEach(function (_, s) { var v = NODES[s][field]; if (v) counts.set(v, (counts.get(v) || 0) + 1); });
    var o = el('option', null, all); o.value = ''; sel.appendChild(o);
    Array.from(counts.keys()).sort().forEach(function (v) {
      var opt = el('option', null, v + ' (' + counts.get(v) + ')'); opt.value = v; sel.appendChild(opt);
    });
    return sel;
  }
  var classSel = valueSelect('class', 'class', 'Every class');
  var polSel = valueSelect('polarity', 'polarity', 'Either polarity');
  classSel.addEventListener('change', function () { state.cls = classSel.value; refreshScene(); });
  polSel.addEventListener('change', function () { state.pol = polSel.value; refreshScene(); });
  var fromEl = document.getElementById('date-from'), toEl = document.getElementById('date-to');
  (function () {
    var dates = [];
    stmt.forEach(function (_, s) { var d = NODES[s].date; if (d && ISO_DATE.test(d)) dates.push(d); });
    dates.sort();
    if (dates.length) {
      [fromEl, toEl].forEach(function (x) { x.min = dates[0]; x.max = dates[dates.length - 1]; });
    }
  })();
  fromEl.addEventListener('change', function () { state.from = fromEl.value; refreshScene(); });
  toEl.addEventListener('change', function () { state.to = toEl.value; refreshScene(); });
  document.getElementById('reset').addEventListener('click', function () {
    state.kinds = KINDS.map(function () { return true; });
    state.peopleOnly = false; state.outlet = ''; state.from = ''; state.to = ''; state.cls = ''; state.pol = '';
    syncFilterInputs();
    refreshScene();
  });
  function syncFilterInputs() {
    kindBoxes.forEach(function (b, k) { b.checked = state.kinds[k]; });
    peopleOnly.checked = state.peopleOnly;
    outletSel.value = state.outlet;
    classSel.value = state.cls;
    polSel.value = state.pol;
    fromEl.value = state.from;
    toEl.value = state.to;
  }
  var legendEl = document.getElementById('edge-legend');
  EKINDS.forEach(function (ek) {
    var li = el('li');
    li.appendChild(edgeSwatch(ek));
    li.appendChild(txt(EDGE_STYLE[ek].name));
    legendEl.appendChild(li);
  });

  // ---------- pointer: pan, zoom, click, hover ----------
  var drag = null, suppressClick = false;
  function localPoint(ev) {
    var r = stage.getBoundingClientRect();
    return { x: ev.clientX - r.left, y: ev.clientY - r.top };
  }
  function nodeAt(ev) {
    if (MODE === 'svg') {
      var t = ev.target && ev.target.closest ? ev.target.closest('.node') : null;
      return t ? Number(t.getAttribute('data-ix')) : -1;
    }
    var p = localPoint(ev);
    return canvasHit(p.x, p.y);
  }
  stage.addEventListener('pointerdown', function (ev) {
    if (ev.button !== 0 || ev.target.closest('#zoom')) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false, id: ev.pointerId };
  });
  window.addEventListener('pointermove', function (ev) {
    if (drag) {
      var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!drag.moved && dx * dx + dy * dy > 16) {
        drag.moved = true;
        stage.classList.add('dragging');
        tooltip.hidden = true;
      }
      if (drag.moved) {
        view.x = drag.vx + dx;
        view.y = drag.vy + dy;
        requestDraw();
      }
      return;
    }
    if (!stage.contains(ev.target)) { tooltip.hidden = true; return; }
    var i = nodeAt(ev);
    if (i < 0) { tooltip.hidden = true; return; }
    var p = localPoint(ev);
    var kind = KIND_STYLE[kindName(i)].name;
    tooltip.textContent = kind + ': ' + (kindOf[i] === K_STMT ? shortText(NODES[i].text, 220) : displayName(i));
    tooltip.style.left = Math.min(p.x + 14, stage.clientWidth - 260) + 'px';
    tooltip.style.top = (p.y + 14) + 'px';
    tooltip.hidden = false;
  });
  window.addEventListener('pointerup', function () {
    if (drag) {
      suppressClick = drag.moved;
      stage.classList.remove('dragging');
      drag = null;
    }
  });
  stage.addEventListener('click', function (ev) {
    if (suppressClick) { suppressClick = false; return; }
    if (ev.target.closest('#zoom')) return;
    var i = nodeAt(ev);
    select(i);
  });
  stage.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var p = localPoint(ev);
    var dy = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    zoomAt(p.x, p.y, Math.exp(-dy * 0.0015));
  }, { passive: false });
  document.getElementById('zoom-in').addEventListener('click', function () { var s = stageSize(); zoomAt(s.w / 2, s.h / 2, 1.4); });
  document.getElementById('zoom-out').addEventListener('click', function () { var s = stageSize(); zoomAt(s.w / 2, s.h / 2, 1 / 1.4); });
  document.getElementById('zoom-fit').addEventListener('click', function () { fit(); });
  document.addEventListener('keydown', function (ev) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test((document.activeElement || {}).tagName || '');
    if (ev.key === 'Escape' && document.activeElement !== searchInput) select(-1);
    if (ev.key === '/' && !typing) { ev.preventDefault(); searchInput.focus(); }
  });
  if (window.ResizeObserver) {
    new ResizeObserver(function () { if (MODE === 'canvas') canvasResize(); requestDraw(); }).observe(stage);
  }

  // ---------- start ----------
  document.getElementById('title').textContent = DATA.title;
  if (DATA.note) {
    var noteEl = document.getElementById('cut-note');
    noteEl.textContent = DATA.note;
    noteEl.hidden = false;
  }
  if (MODE === 'svg') svgInit(); else { canvasInit(); canvasResize(); }
  computeScene();
  if (MODE === 'svg') svgApplyScene();
  updateStats();
  fit();
  draw();
  var firstRenderMs = performance.now();
  if (hashArgs.node != null && idIndex.has(hashArgs.node)) select(idIndex.get(hashArgs.node), {});

  // For tests and scripting; everything here reads or selects, nothing
  // takes markup.
  window.quotegraph = Object.freeze({
    mode: MODE,
    firstRenderMs: firstRenderMs,
    nodeCount: function () { return NN; },
    edgeCount: function () { return EDGES.length; },
    renderedNodeCount: function () { draw(); return rendered.nodes; },
    renderedEdgeCount: function () { draw(); return rendered.edges; },
    find: function (q) { return find(q).map(function (h) { return NODES[h.i].id; }); },
    select: function (id) {
      var i = idIndex.has(id) ? idIndex.get(id) : -1;
      select(i, { center: i >= 0 });
      draw();
      return i >= 0;
    },
    selected: function () { return selected >= 0 ? NODES[selected].id : null; },
    // where a node is drawn, in client (viewport) coordinates
    clientPosition: function (id) {
      if (!idIndex.has(id)) return null;
      var p = toScreen(idIndex.get(id)), r = stage.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    fit: function () { fit(); draw(); }
  });
  document.body.setAttribute('data-ready', '1');
})();
