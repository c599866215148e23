"""Load the weighted person mention network (query::mention_network) with
the real consumers and check that each finds every A -> B weight.

usage: check_weights.py DIR EXPECTED_JSON

DIR holds graph.graphml, graph.gexf, graph.json (networkx), graph.cypher
with schema.cypher (ladybug) and graph.ttl (rdflib); EXPECTED_JSON is a
list of [from id, to id, weight].

Exit 0: every consumer found the weights. Exit 1: one did not. Exit 3: a
consumer is not installed.
"""

import json
import os
import sys

from check_graph import need  # beside this file; exits 3 if a consumer is missing


def main():
    d, expected = sys.argv[1], sys.argv[2]
    with open(expected, encoding="utf-8") as f:
        want = sorted((a, b, w) for a, b, w in json.load(f))
    nx = need("networkx")
    rdflib = need("rdflib")
    lb = need("ladybug")
    found = {}

    def edges(g):
        return sorted((a, b, int(x["weight"])) for a, b, x in g.edges(data=True))

    found["graphml"] = edges(nx.read_graphml(os.path.join(d, "graph.graphml")))
    found["gexf"] = edges(nx.read_gexf(os.path.join(d, "graph.gexf")))
    with open(os.path.join(d, "graph.json"), encoding="utf-8") as f:
        found["json"] = edges(nx.node_link_graph(json.load(f), edges="edges"))

    import tempfile

    conn = lb.Connection(lb.Database(os.path.join(tempfile.mkdtemp(), "db")))
    for script in ("schema.cypher", "graph.cypher"):
        with open(os.path.join(d, script), encoding="utf-8") as f:
            conn.execute(f.read())
    r = conn.execute("MATCH (a:Person)-[m:MENTIONS]->(b:Person) RETURN a.id, b.id, m.weight")
    rows = []
    while r.has_next():
        a, b, w = r.get_next()
        rows.append((a, b, w))
    found["cypher"] = sorted(rows)

    g = rdflib.Graph().parse(os.path.join(d, "graph.ttl"), format="turtle")
    q = """
        PREFIX qg: <urn:quotegraph:vocab:>
        PREFIX schema: <https://schema.org/>
        SELECT ?a ?b ?n WHERE {
          ?a schema:mentions ?b ; qg:mentionCount [ qg:of ?b ; qg:statements ?n ] .
        }"""
    ns = "urn:quotegraph:id:"
    found["ttl"] = sorted(
        (str(a)[len(ns):], str(b)[len(ns):], int(n)) for a, b, n in g.query(q)
    )

    bad = {k: v for k, v in found.items() if v != want}
    for k, v in bad.items():
        print(f"{k}: {v} != {want}", file=sys.stderr)
    print(f"{len(want)} weighted links in {', '.join(sorted(found))}")
    sys.exit(1 if bad else 0)


main()
