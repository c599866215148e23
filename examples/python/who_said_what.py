"""Who said what — a notebook-style tour of quotegraph from Python.

Loads the bundled articles, lists the top speakers with pandas, asks the
graph where one statement comes from, and draws the network of people (and
the organizations they speak to, name, work for or are relayed by) with
networkx and matplotlib.

    python examples/python/who_said_what.py [--png docs/person_network.png] [PATH ...]

Needs: quotegraph (pip install ./python), pandas, networkx, matplotlib.
"""

import argparse
import os
from collections import Counter
from itertools import combinations
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to a file; no display needed

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import quotegraph as qg  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
# the bundled articles, named as `quotegraph extract data/articles` names them
# when run from the repository root
BUNDLED = os.path.relpath(ROOT / "data" / "articles")
parser.add_argument("paths", nargs="*", default=[BUNDLED],
                    help="articles: files or directories of *.txt (default: the bundled ones)")
parser.add_argument("--png", default=str(ROOT / "docs" / "person_network.png"),
                    help="where to draw the person network")
args = parser.parse_args()

# %% 1. Extract: one Document per article, the same records `quotegraph extract` writes
docs = qg.extract_paths(args.paths)
df = qg.to_dataframe(docs)
print(f"{len(docs)} articles, {len(df)} attributions\n")

pd.set_option("display.width", 120)
pd.set_option("display.max_colwidth", 60)
print("How they said it (cue lemmas):")
print(df.cue_lemma.value_counts().head(8).to_string(), "\n")
print("Direct, indirect, mixed per article:")
print(pd.crosstab(df.doc.map(lambda d: Path(d).name), df.kind).to_string(), "\n")

# %% 2. The graph merges people across articles ("Lavrov" = "Sergey Lavrov")
g = qg.Graph(docs)
print(g, "\n")


def name(node_id):
    return g.node(node_id)["name"]


speakers = pd.DataFrame(g.speakers())
speakers["said"] = speakers.statements.map(len)
speakers["relayed by"] = speakers.relayed_by.map(lambda ids: ", ".join(map(name, ids)) or "-")
top = speakers.sort_values(["said", "documents", "name"], ascending=[False, False, True])
print("Top speakers:")
print(top[["name", "said", "documents", "relayed by"]].head(10).to_string(index=False), "\n")

# %% 3. Who said this, and where does it come from?
for row in g.search("ready to send additional messages"):
    for p in g.provenance(row["id"]):
        print(f"“{p['text']}”\n  {p['chain']}  ({p['doc']}, {p['date']})")
lavrov = g.who_said("Lavrov")
print(f"\n{lavrov['speaker']['name']} said {len(lavrov['statements'])} things; the first:")
print(f"  {lavrov['statements'][0]['date']}: {lavrov['statements'][0]['text']}")
c = g.path("Peskov", "Carlson")
print(f"\nPeskov to Carlson in {c['length']} steps: {c['chain']}\n")

# %% 4. The person network: who spoke to, named, relayed or serves whom
G = g.to_networkx()  # same ids and attributes as the GraphML export


def kind_of(n):
    """The entity's kind as the graph has it; outlets are organizations."""
    a = G.nodes[n]
    return "news outlet" if a.get("outlet") else a["kind"]


# people and organizations; places (what people talk about and the "of" in
# "President of Russia") would crowd the picture
entities = {n for n, a in G.nodes(data=True) if a["kind"] in ("person", "organization")}
P = nx.DiGraph()
said = Counter()
for u, st, a in G.edges(data=True):
    if a["kind"] != "said" or u not in entities:
        continue
    said[u] += 1
    for _, v, b in G.out_edges(st, data=True):
        if v == u or v not in entities:
            continue
        kind = {"addressed_to": "spoke to", "mentions": "named", "reported_by": "relayed by"}.get(b["kind"])
        if kind:
            w = P.get_edge_data(u, v, {"weight": 0})["weight"]
            P.add_edge(u, v, kind=kind, weight=w + 1)
for u, v, a in G.edges(data=True):
    if a["kind"] == "holds_role" and u in entities and v in entities:
        P.add_edge(u, v, kind="works for", title=a.get("title", ""), weight=1)
# only entities with a link; in graph order, for a stable layout
P = nx.DiGraph(P.subgraph(n for n in G if n in P))

edge_colors = {"spoke to": "#1b9e77", "named": "#7570b3", "relayed by": "#d95f02", "works for": "#e7298a"}
node_colors = {"person": "#8dd3c7", "organization": "#bebada", "news outlet": "#fdb462"}
labels = {n: G.nodes[n]["name"] for n in P}
sizes = {n: 300 + 200 * said[n] for n in P}


# Lay out in "units" of UNIT pixels, so that the names' sizes are known
# while placing the nodes: no name may cover another name or a node.
DPI, UNIT = 100, 60
fig = plt.figure(dpi=DPI)
renderer = fig.canvas.get_renderer()


def text_size(text, fontsize=10):
    """The width and height of a text as drawn, in units."""
    t = fig.text(0, 0, text, fontsize=fontsize)
    box = t.get_window_extent(renderer)
    t.remove()
    return box.width / UNIT, box.height / UNIT


radius = {n: (sizes[n] ** 0.5) / 2 * DPI / 72 / UNIT for n in P}  # node_size is an area in points²
label_size = {n: text_size(labels[n]) for n in P}
title_size = {t: text_size(t, fontsize=8) for _, _, t in P.edges(data="title") if t}
GAP = 2 / UNIT  # between a node and its name


def boxes(pos):
    """Each node's disc and then its name under it, as (x0, y0, x1, y1)."""
    out = []
    for n, (x, y) in pos.items():
        r, (w, h) = radius[n], label_size[n]
        out += [(x - r, y - r, x + r, y + r), (x - w / 2, y - r - GAP - h, x + w / 2, y - r - GAP)]
    return out


def outline(n, xy):
    """The box around a node's disc and its name."""
    (x, y), r, (w, h) = xy, radius[n], label_size[n]
    return x - max(r, w / 2), y - r - GAP - h, x + max(r, w / 2), y + r


def touch(a, b, pad):
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


def overlaps(pos, pad=0.1):
    """How many pairs of names and nodes overlap (or nearly touch), and how
    many job titles written on a link cover a name or a node."""
    bs = boxes(pos)
    titles = [(*(center - size / 2), *(center + size / 2))
              for u, v, t in P.edges(data="title") if t and u in pos
              for center, size in [((pos[u] + pos[v]) / 2, np.array(title_size[t]))]]
    return sum(
        touch(a, b, pad)
        for i, a in enumerate(bs) for j, b in enumerate(bs[i + 1:], i + 1)
        if not (i % 2 == 0 and j == i + 1)  # a node and its own name
    ) + sum(touch(t, b, 0) for t in titles for b in bs)


def spread(pos, pad=0.15):
    """Push apart, a little at a time, nodes whose boxes (the disc and the
    name under it) overlap, until none do."""
    pos = {n: np.array(p, dtype=float) for n, p in pos.items()}
    for _ in range(500):
        moved = False
        for a, b in combinations(pos, 2):
            (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = outline(a, pos[a]), outline(b, pos[b])
            dx = min(ax1, bx1) - max(ax0, bx0) + pad
            dy = min(ay1, by1) - max(ay0, by0) + pad
            if dx > 0 and dy > 0:
                moved = True
                axis, d = (0, dx) if dx < dy else (1, dy)
                side = 1.0 if pos[b][axis] >= pos[a][axis] else -1.0
                pos[a][axis] -= side * d / 2
                pos[b][axis] += side * d / 2
        # a job title is written halfway along its link: lengthen the link
        # while the title covers a name or a node
        for u, v, t in P.edges(data="title"):
            if t and u in pos:
                center, half = (pos[u] + pos[v]) / 2, np.array(title_size[t]) / 2
                title = (*(center - half), *(center + half))
                if any(touch(title, outline(n, pos[n]), 0) for n in pos):
                    moved = True
                    step = (pos[v] - pos[u]) / np.linalg.norm(pos[v] - pos[u]) * 0.1
                    pos[u] -= step
                    pos[v] += step
        if not moved:
            break
    return pos


def group_layout(c, seed):
    """A spring layout of one group of linked entities, turned to lie along
    its longest direction (links then rarely cross the names under the
    nodes), links about 2.2 units long, then spread so no names overlap."""
    H = nx.Graph()  # in P's order (a subgraph view of a set follows the set's order)
    H.add_nodes_from(n for n in P if n in c)
    H.add_edges_from((u, v) for u, v in P.edges() if u in c)
    pos = nx.spring_layout(H, seed=seed, iterations=500, weight=None)
    pts = np.array([pos[n] for n in H])
    pts = pts - pts.mean(axis=0)
    pts = pts @ np.linalg.svd(pts, full_matrices=False)[2].T  # principal axes
    pos = dict(zip(H, pts))
    length = np.median([np.linalg.norm(pos[u] - pos[v]) for u, v in H.edges()])
    return spread({n: p * 2.2 / length for n, p in pos.items()})


def extent(pos, margin=0.3):
    """The box around the nodes and their names."""
    bs = np.array(boxes(pos))
    return bs[:, :2].min(axis=0) - margin, bs[:, 2:].max(axis=0) + margin


def pack(groups, width):
    """The groups in rows, biggest first, each row at most `width` units wide."""
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    for part in groups:
        lo, hi = extent(part)
        w, h = hi - lo
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y - row_height, 0.0
        pos.update({n: p - lo + (x, y - h) for n, p in part.items()})
        x, row_height = x + w, max(row_height, h)
    return pos


def size(pos):
    lo, hi = extent(pos)
    return hi - lo


# each group in its most compact seeded layout with no job title over a
# name (deterministic), then the row width that gives a picture closest to 16:10
groups = [
    min((group_layout(c, seed) for seed in range(10)), key=lambda part: (overlaps(part), np.prod(size(part))))
    for c in sorted(nx.weakly_connected_components(P), key=lambda c: (-len(c), sorted(c)))
]
widest, total = max(size(part)[0] for part in groups), sum(size(part)[0] for part in groups)
pos = min((pack(groups, w) for w in np.linspace(widest, total, 40)),
          key=lambda pos: abs(np.log(size(pos)[0] / size(pos)[1] / 1.6)))

# draw at UNIT pixels a unit, with room for the title above and the legend below
(x0, y0), (x1, y1) = extent(pos)
top, bottom = 0.6, 0.5  # inches
fig.set_size_inches((x1 - x0) * UNIT / DPI, (y1 - y0) * UNIT / DPI + top + bottom)
ax = fig.add_axes((0, bottom / fig.get_figheight(), 1, 1 - (top + bottom) / fig.get_figheight()))
ax.set_xlim(x0, x1)
ax.set_ylim(y0, y1)
ax.axis("off")
nx.draw_networkx_nodes(
    P, pos, ax=ax,
    node_size=[sizes[n] for n in P],
    node_color=[node_colors.get(kind_of(n), "#d9d9d9") for n in P],
    edgecolors="#555555",
)
for n, (x, y) in pos.items():
    ax.text(x, y - radius[n] - GAP, labels[n], fontsize=10, ha="center", va="top")
for kind in sorted({a["kind"] for _, _, a in P.edges(data=True)}):
    edges = [(u, v) for u, v, a in P.edges(data=True) if a["kind"] == kind]
    nx.draw_networkx_edges(
        P, pos, ax=ax, edgelist=edges, edge_color=edge_colors.get(kind, "#999999"),
        width=[1 + P[u][v]["weight"] for u, v in edges], arrowsize=16,
        node_size=[sizes[n] for n in P], connectionstyle="arc3,rad=0.08",
    )
    ax.plot([], [], color=edge_colors.get(kind, "#999999"), lw=2.5, label=kind)
titles = {(u, v): a["title"] for u, v, a in P.edges(data=True) if a.get("title")}
nx.draw_networkx_edge_labels(P, pos, ax=ax, edge_labels=titles, font_size=8,
                             font_color=edge_colors["works for"], connectionstyle="arc3,rad=0.08")
for kind in sorted({kind_of(n) for n in P}):
    what = f"{kind} (size: statements)" if kind == "person" else kind
    ax.plot([], [], "o", color=node_colors.get(kind, "#d9d9d9"), mec="#555555", ms=10, label=what)
fig.legend(loc="lower center", ncol=8, frameon=False, fontsize=10)
fig.suptitle(f"Who spoke to, named or works for whom, and who relayed it — {len(docs)} bundled articles",
             fontsize=14)
Path(args.png).parent.mkdir(parents=True, exist_ok=True)
fig.savefig(args.png, dpi=DPI, metadata={"Software": None})
print(f"person network: {P.number_of_nodes()} people and organizations with a link, "
      f"{P.number_of_edges()} links, {overlaps(pos)} overlapping names or titles -> {args.png}")
