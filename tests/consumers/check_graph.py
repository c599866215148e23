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
checks = 0


def check(cond, msg):
    global checks
    checks += 1
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
    items = attr.get("json")
    if csv and t == "list" and all(isinstance(i, str) for i in items):
        # Neo4j CSV writes a list of texts as a string[] array cell; an
        # empty list is an empty cell, which the importer leaves unset
        if not items:
            return None
        text = ";".join(i.replace(";", "\uff1b") for i in items)
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


def svg_title(node_id):
    """A node id as Graphviz writes it in the SVG title: it keeps a doubled
    backslash in a node name as two characters."""
    return xml_safe(node_id).replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def dot_lines(label, wrap):
    """The lines Graphviz draws for a label as the DOT exporter writes it:
    statements wrapped at 30 characters, line breaks kept, characters XML
    cannot hold as U+FFFD; Graphviz trims the spaces around each line and
    draws no empty line."""
    if wrap:
        lines = []
        for w in label.split(" "):
            if lines and len(lines[-1]) + 1 + len(w) <= 30:
                lines[-1] += " " + w
            else:
                lines.append(w)
        label = "\n".join(lines)
    label = xml_safe(label.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.strip() for line in label.split("\n") if line.strip()]


def run_svg(path, exp):
    import xml.etree.ElementTree as ET

    ns = "{http://www.w3.org/2000/svg}"
    root = ET.parse(path).getroot()
    nodes = {}
    edge_labels = Counter()
    for g in root.iter(f"{ns}g"):
        cls = g.get("class")
        t = g.find(f"{ns}title")
        lines = tuple((tx.text or "").strip() for tx in g.iter(f"{ns}text") if (tx.text or "").strip())
        if cls == "node" and t is not None:
            nodes[t.text or ""] = lines
        elif cls == "edge":
            edge_labels[lines] += 1
    check(len(nodes) == exp["nodes"], f"svg has {len(nodes)} nodes, want {exp['nodes']}")
    edges = sum(edge_labels.values())
    check(edges == exp["edges"], f"svg has {edges} edges, want {exp['edges']}")
    # every node's label, line by line (names, statement texts, file names)
    for n in exp["node_checks"]:
        title = svg_title(n["id"])
        if title not in nodes:
            failures.append(f"svg node title {title!r} missing")
            continue
        want = tuple(dot_lines(n["attrs"]["label"]["text"], n["kind"] == "statement"))
        check(nodes[title] == want, f"svg node {title!r}: label lines {nodes[title]!r} != {want!r}")
    # every edge's label: its kind, and a role's title
    want = Counter()
    for e in exp["edge_checks"]:
        a = e["attrs"]
        text = a["kind"]["text"] + (": " + a["title"]["text"] if "title" in a else "")
        want[tuple(dot_lines(text, False))] += 1
    check(edge_labels == want, f"svg edge labels differ: {dict(edge_labels - want)} extra, {dict(want - edge_labels)} missing")


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

LITERALS_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o . FILTER(isLiteral(?o)) }"

ROLES_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX qg: <urn:quotegraph:vocab:>
SELECT ?s ?title ?of WHERE { ?s qg:holdsRole ?r . ?r schema:roleName ?title ; qg:of ?of }
"""

SCHEMA = "https://schema.org/"
QG = "urn:quotegraph:vocab:"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

# attribute -> predicate, for every attribute the Turtle export writes as
# a literal (outlet and kind are classes; spans, source_text,
# addressee_text and place are not written)
RDF_ATTRS = {
    "label": RDFS_LABEL,
    "name": SCHEMA + "name",
    "aliases": SCHEMA + "alternateName",
    "titles": SCHEMA + "jobTitle",
    "text": SCHEMA + "text",
    "quote_kind": QG + "quoteKind",
    "cue": QG + "cue",
    "cue_text": QG + "cueText",
    "span_start": QG + "spanStart",
    "span_end": QG + "spanEnd",
    "date": SCHEMA + "dateCreated",
    "speaker_text": QG + "speakerText",
    "rule": QG + "rule",
    "path": QG + "path",
    "dateline": QG + "dateline",
}


def node_iri(node_id):
    from urllib.parse import quote

    return "urn:quotegraph:id:" + quote(node_id, safe="-._~:/")


def compare_rdf(who, literals, roles, exp):
    """literals: {(subject IRI, predicate IRI): [lexical forms]};
    roles: [(subject IRI, role name, of IRI)]. Every attribute of every
    node, and every role title, must come back exactly."""
    for n in exp["node_checks"]:
        s = node_iri(n["id"])
        for name, a in n["attrs"].items():
            if name not in RDF_ATTRS:
                continue
            got = sorted(literals.get((s, RDF_ATTRS[name]), []))
            want = sorted(a["json"]) if a["type"] == "list" else [a["text"]]
            check(got == want, f"{who}: {n['id']!r}.{name}: {got!r} != {want!r}")
    want = sorted(
        (node_iri(e["from"]), e["attrs"]["title"]["text"], node_iri(e["to"]))
        for e in exp["edge_checks"]
        if e["attrs"]["kind"]["text"] == "holds_role"
    )
    check(sorted(roles) == want, f"{who}: roles {sorted(roles)[:5]!r}… != {want[:5]!r}…")


def run_rdf(path, exp):
    rdflib = need("rdflib")
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    texts = sorted(str(r[0]) for r in g.query(LAVROV_QUERY))
    check(texts == sorted(exp["lavrov_quotes"]), f"rdflib: Lavrov's quotations {texts} != {exp['lavrov_quotes']}")
    check(len(texts) > 0, "rdflib: no quotations by Lavrov")
    quotations = len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://schema.org/Quotation"))))
    check(quotations == exp["statements"], f"rdflib: {quotations} quotations != {exp['statements']}")
    literals = {}
    for s, p, o in g.query(LITERALS_QUERY):
        literals.setdefault((str(s), str(p)), []).append(str(o))
    roles = [(str(s), str(t), str(o)) for s, t, o in g.query(ROLES_QUERY)]
    compare_rdf("rdflib", literals, roles, exp)
    try:
        import pyoxigraph as ox
    except ImportError:
        return
    store = ox.Store()
    with open(path, "rb") as f:
        store.load(f, format=ox.RdfFormat.TURTLE)
    texts = sorted(s["text"].value for s in store.query(LAVROV_QUERY))
    check(texts == sorted(exp["lavrov_quotes"]), f"pyoxigraph: Lavrov's quotations {texts}")
    literals = {}
    for r in store.query(LITERALS_QUERY):
        literals.setdefault((r["s"].value, r["p"].value), []).append(r["o"].value)
    roles = [(r["s"].value, r["title"].value, r["of"].value) for r in store.query(ROLES_QUERY)]
    compare_rdf("pyoxigraph", literals, roles, exp)


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
    print(f"ok: {mode} {exp['nodes']} nodes, {exp['edges']} edges, {checks} checks")


if __name__ == "__main__":
    main()
