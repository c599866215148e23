"""Load a quotegraph export with the real consumer and compare it with what
the library says (tests/consumers.rs writes the expectations).

usage: check_graph.py MODE EXPORT EXPECTED_JSON [SCHEMA]

MODE: graphml | gexf | json (networkx), svg (Graphviz output, parsed with
ElementTree), ladybug-cypher | ladybug-csv (ladybug, the embedded Cypher
database; SCHEMA is the library's ladybug_schema()), rdf (rdflib, and
pyoxigraph when installed).

Exit 0: all checks hold. Exit 1: a check failed. Exit 3: the consumer is
not installed.
"""

import json
import re
import sys
from collections import Counter

MISSING = 3
FORBIDDEN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(s):
    """What XML 1.0 can hold: the exporters write forbidden characters as U+FFFD."""
    return FORBIDDEN_XML.sub("\ufffd", s)


def need(module):
    try:
        return __import__(module)
    except ImportError as e:
        print(f"consumer missing: {e}", file=sys.stderr)
        sys.exit(MISSING)


failures = []


def check(cond, msg):
    if not cond:
        failures.append(msg)


def typed(attr, xml=False, csv=False):
    """The value a typed reader should give for an expected attribute."""
    t, text = attr["type"], attr["text"]
    if t == "int":
        return int(text)
    if t == "bool":
        return text == "true"
    if xml:
        text = xml_safe(text)
    if csv and text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def compare_networkx(G, exp, xml):
    check(G.number_of_nodes() == exp["nodes"], f"nodes {G.number_of_nodes()} != {exp['nodes']}")
    check(G.number_of_edges() == exp["edges"], f"edges {G.number_of_edges()} != {exp['edges']}")
    check(G.is_directed(), "graph is not directed")
    kinds = Counter(d.get("kind") for _, _, d in G.edges(data=True))
    check(dict(kinds) == exp["edge_kinds"], f"edge kinds {dict(kinds)} != {exp['edge_kinds']}")
    for n in exp["node_checks"]:
        nid = xml_safe(n["id"]) if xml else n["id"]
        if nid not in G.nodes:
            failures.append(f"node {nid!r} missing")
            continue
        data = G.nodes[nid]
        for name, a in n["attrs"].items():
            want = typed(a, xml=xml) if xml else a["json"]
            got = data.get(name)
            check(got == want and type(got) is type(want),
                  f"{nid!r}.{name}: {got!r} != {want!r}")


def run_networkx(mode, path, exp):
    nx = need("networkx")
    if mode == "graphml":
        G = nx.read_graphml(path, force_multigraph=True)
        compare_networkx(G, exp, xml=True)
    elif mode == "gexf":
        G = nx.read_gexf(path)
        check(G.is_multigraph() or G.number_of_edges() == exp["edges"], "gexf lost parallel edges")
        compare_networkx(G, exp, xml=True)
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        check(data.get("directed") is True and data.get("multigraph") is True,
              "node-link flags directed/multigraph not set")
        G = nx.node_link_graph(data, edges="edges")
        check(G.is_multigraph(), "not a multigraph")
        compare_networkx(G, exp, xml=False)


def run_svg(path, exp):
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.parse(path).getroot()
    titles = set()
    texts = set()
    for g in root.iter(f"{ns}g"):
        cls = g.get("class")
        t = g.find(f"{ns}title")
        if cls == "node" and t is not None:
            titles.add(t.text or "")
        if cls == "node":
            for tx in g.iter(f"{ns}text"):
                texts.add(tx.text or "")
    check(len(titles) == exp["nodes"], f"svg has {len(titles)} nodes, want {exp['nodes']}")
    edges = sum(1 for g in root.iter(f"{ns}g") if g.get("class") == "edge")
    check(edges == exp["edges"], f"svg has {edges} edges, want {exp['edges']}")
    for n in exp["node_checks"]:
        # Graphviz keeps a doubled backslash in a node name as two characters
        want = xml_safe(n["id"]).replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
        check(want in titles, f"svg node title {want!r} missing")
        if n["kind"] in ("person", "organization", "place"):
            name = xml_safe(n["attrs"]["name"]["text"]).replace("\r\n", "\n").replace("\r", "\n")
            for line in name.split("\n"):
                # Graphviz trims the spaces around a label line
                check(line.strip() in {t.strip() for t in texts}, f"svg label line {line!r} missing")


def ladybug_load(mode, path, schema):
    lb = need("ladybug")
    import csv as csvmod
    import os
    import tempfile

    tmp = tempfile.mkdtemp()
    db = lb.Database(os.path.join(tmp, "db"))
    conn = lb.Connection(db)
    with open(schema, encoding="utf-8") as f:
        conn.execute(f.read())
    if mode == "ladybug-cypher":
        with open(path, encoding="utf-8") as f:
            conn.execute(f.read())
        return conn

    def q(s):
        return "`" + s + "`"

    def typed_load(file):
        with open(file, encoding="utf-8", newline="") as f:
            header = next(csvmod.reader(f))
        cols = ", ".join(f"{q(c)} STRING" for c in header)
        return header, f"LOAD WITH HEADERS ({cols}) FROM '{file}' (header=true, parallel=false)"

    nodes = os.path.join(path, "nodes.csv")
    header, load = typed_load(nodes)
    by_prop = {h.split(":")[0]: h for h in header if not h.startswith(":")}
    tables = conn.execute("CALL show_tables() RETURN name, type")
    node_tables, rel_tables = [], []
    while tables.has_next():
        name, kind = tables.get_next()
        (node_tables if kind == "NODE" else rel_tables).append(name)
    for label in sorted(node_tables):
        info = conn.execute(f"CALL table_info('{label}') RETURN name, type")
        cols = []
        while info.has_next():
            name, ty = info.get_next()
            cols.append(f"CAST({q(by_prop[name])} AS {ty})")
        conn.execute(f"COPY {label} FROM ({load} WHERE {q(':LABEL')} = '{label}' RETURN {', '.join(cols)})")
    rels = os.path.join(path, "relationships.csv")
    _, load = typed_load(rels)
    for rel in sorted(rel_tables):
        pairs = conn.execute(f"CALL show_connection('{rel}') RETURN *")
        while pairs.has_next():
            src, dst = pairs.get_next()[:2]
            conn.execute(
                f"{load} WITH * WHERE {q(':TYPE')} = '{rel}' "
                f"MATCH (a:{src} {{id: {q(':START_ID')}}}), (b:{dst} {{id: {q(':END_ID')}}}) "
                f"CREATE (a)-[:{rel} {{title: title, mention: mention}}]->(b)"
            )
    return conn


def one(conn, query, params=None):
    r = conn.execute(query, params or {})
    return r.get_next()[0]


def run_ladybug(mode, path, exp, schema):
    conn = ladybug_load(mode, path, schema)
    nodes = one(conn, "MATCH (n) RETURN count(n)")
    edges = one(conn, "MATCH ()-[r]->() RETURN count(r)")
    check(nodes == exp["nodes"], f"nodes {nodes} != {exp['nodes']}")
    check(edges == exp["edges"], f"edges {edges} != {exp['edges']}")
    for kind, n in exp["edge_kinds"].items():
        got = one(conn, f"MATCH ()-[r:{kind.upper()}]->() RETURN count(r)")
        check(got == n, f"{kind}: {got} != {n}")
    csv = mode == "ladybug-csv"
    for n in exp["node_checks"]:
        for name, a in n["attrs"].items():
            if name == "kind":
                continue
            got = one(conn, f"MATCH (n:{n['label']}) WHERE n.id = $id RETURN n.`{name}`", {"id": n["id"]})
            want = typed(a, csv=csv)
            check(got == want, f"{n['id']!r}.{name}: {got!r} != {want!r}")
    # who said statements that TASS relayed?
    r = conn.execute(
        "MATCH (p)-[:SAID]->(s:Statement)-[:REPORTED_BY]->(o) "
        "WHERE o.name = 'TASS' RETURN DISTINCT p.name ORDER BY p.name"
    )
    names = []
    while r.has_next():
        names.append(r.get_next()[0])
    check(names == exp["tass_speakers"], f"TASS relayed statements of {names}, want {exp['tass_speakers']}")
    check(any("Lavrov" in n for n in names), f"Lavrov not among {names}")


LAVROV_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?text WHERE {
  ?q a schema:Quotation ; prov:wasAttributedTo ?p ; schema:text ?text .
  ?p a schema:Person ; schema:name ?name .
  FILTER(CONTAINS(?name, "Lavrov"))
}
"""

NAMES_QUERY = """
PREFIX schema: <https://schema.org/>
SELECT ?s ?name WHERE { ?s schema:name ?name }
"""


def run_rdf(path, exp):
    rdflib = need("rdflib")
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    texts = sorted(str(r[0]) for r in g.query(LAVROV_QUERY))
    check(texts == sorted(exp["lavrov_quotes"]), f"rdflib: Lavrov's quotations {texts} != {exp['lavrov_quotes']}")
    check(len(texts) > 0, "rdflib: no quotations by Lavrov")
    names = {str(r[1]) for r in g.query(NAMES_QUERY)}
    for n in exp["node_checks"]:
        if "name" in n["attrs"]:
            check(n["attrs"]["name"]["text"] in names, f"rdflib: name {n['attrs']['name']['text']!r} missing")
    quotations = len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://schema.org/Quotation"))))
    check(quotations == exp["statements"], f"rdflib: {quotations} quotations != {exp['statements']}")
    try:
        import pyoxigraph as ox
    except ImportError:
        return
    store = ox.Store()
    with open(path, "rb") as f:
        store.load(f, format=ox.RdfFormat.TURTLE)
    texts = sorted(s["text"].value for s in store.query(LAVROV_QUERY))
    check(texts == sorted(exp["lavrov_quotes"]), f"pyoxigraph: Lavrov's quotations {texts}")


def main():
    mode, path, expected = sys.argv[1:4]
    with open(expected, encoding="utf-8") as f:
        exp = json.load(f)
    if mode in ("graphml", "gexf", "json"):
        run_networkx(mode, path, exp)
    elif mode == "svg":
        run_svg(path, exp)
    elif mode in ("ladybug-cypher", "ladybug-csv"):
        run_ladybug(mode, path, exp, sys.argv[4])
    elif mode == "rdf":
        run_rdf(path, exp)
    else:
        print(f"unknown mode {mode}", file=sys.stderr)
        sys.exit(2)
    if failures:
        for f in failures[:40]:
            print("FAIL:", f)
        print(f"{len(failures)} checks failed")
        sys.exit(1)
    print(f"ok: {mode} {exp['nodes']} nodes, {exp['edges']} edges")


if __name__ == "__main__":
    main()
