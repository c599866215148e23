"""Who said what — a notebook-style tour of quotegraph from Python.

Loads the bundled articles, lists the top speakers with pandas, asks the
graph where one statement comes from, and draws the network of people with
networkx and matplotlib.

    python examples/python/who_said_what.py [--png docs/person_network.png] [PATH ...]

Needs: quotegraph (pip install ./python), pandas, networkx, matplotlib.
"""

import argparse
import os
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to a file; no display needed

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
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

# %% 4. The person network: who spoke to, named, or serves whom
G = g.to_networkx()  # same ids and attributes as the GraphML export
people = {n for n, a in G.nodes(data=True) if a["kind"] == "person"}
outlets = {n for n, a in G.nodes(data=True) if a.get("outlet")}
P = nx.DiGraph()
P.add_nodes_from(n for n in G if n in people or n in outlets)  # graph order: a stable layout
said = Counter()
for u, st, a in G.edges(data=True):
    if a["kind"] != "said" or u not in people:
        continue
    said[u] += 1
    for _, v, b in G.out_edges(st, data=True):
        if v == u or v not in people | outlets:
            continue
        kind = {"addressed_to": "spoke to", "mentions": "named", "reported_by": "relayed by"}.get(b["kind"])
        if kind:
            w = P.get_edge_data(u, v, {"weight": 0})["weight"]
            P.add_edge(u, v, kind=kind, weight=w + 1)
for u, v, a in G.edges(data=True):
    if a["kind"] == "holds_role" and u in people and v in people:
        P.add_edge(u, v, kind="works for", title=a.get("title", ""), weight=1)
P.remove_nodes_from([n for n in list(P) if not said[n] and P.degree(n) == 0])

colors = {"spoke to": "#1b9e77", "named": "#7570b3", "relayed by": "#d95f02", "works for": "#e7298a"}


def spread(pos):
    """The smallest distance between two nodes: bigger is easier to read."""
    pts = list(pos.values())
    return min((((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
                for i, a in enumerate(pts) for b in pts[i + 1:]), default=1.0)


# the most spread-out of a few seeded layouts (deterministic)
pos = max((nx.spring_layout(P, seed=s, k=1.6) for s in range(24)), key=spread)
fig, ax = plt.subplots(figsize=(11, 7.5))
nx.draw_networkx_nodes(
    P, pos, ax=ax,
    node_size=[500 + 350 * said[n] for n in P],
    node_color=["#fdb462" if n in outlets else "#8dd3c7" for n in P],
    edgecolors="#555555",
)
nx.draw_networkx_labels(P, pos, ax=ax, labels={n: G.nodes[n]["name"] for n in P}, font_size=10)
for kind in sorted({a["kind"] for _, _, a in P.edges(data=True)}):
    edges = [(u, v) for u, v, a in P.edges(data=True) if a["kind"] == kind]
    nx.draw_networkx_edges(
        P, pos, ax=ax, edgelist=edges, edge_color=colors.get(kind, "#999999"),
        width=[1.5 + P[u][v]["weight"] for u, v in edges], arrowsize=18,
        node_size=[500 + 350 * said[n] for n in P], connectionstyle="arc3,rad=0.08",
    )
    ax.plot([], [], color=colors.get(kind, "#999999"), lw=2.5, label=kind)
titles = {(u, v): a["title"] for u, v, a in P.edges(data=True) if a.get("title")}
nx.draw_networkx_edge_labels(P, pos, ax=ax, edge_labels=titles, font_size=8,
                             font_color=colors["works for"], connectionstyle="arc3,rad=0.08")
ax.plot([], [], "o", color="#8dd3c7", mec="#555555", ms=10, label="person (size: statements)")
if outlets & set(P):
    ax.plot([], [], "o", color="#fdb462", mec="#555555", ms=10, label="news outlet")
ax.legend(loc="lower left", frameon=False, fontsize=9)
ax.set_title(f"Who spoke to, named, or works for whom — {len(docs)} bundled articles", fontsize=12)
ax.axis("off")
fig.tight_layout()
Path(args.png).parent.mkdir(parents=True, exist_ok=True)
fig.savefig(args.png, dpi=110, metadata={"Software": None})
print(f"person network: {P.number_of_nodes()} people and outlets, {P.number_of_edges()} links -> {args.png}")
