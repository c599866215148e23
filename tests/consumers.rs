//! Every export format loaded by the consumer it is for: Graphviz,
//! networkx, the cytoscape npm package, ladybug (embedded Cypher), rdflib
//! and pyoxigraph — and RON back through the library.
//!
//! The graph is the bundled articles, an article full of characters that
//! formats must escape, a hand-made record that puts such characters in
//! every field the extractor would not (names, titles, document names,
//! control characters), and one where each string built to break a format
//! ([`BREAKERS`]) is the canonical name of an entity of its own, speaking,
//! relayed, addressed and holding a role. Every consumer compares every
//! attribute it gets back with the library's; the two deliberate changes
//! (control characters as U+FFFD in XML and DOT, a `'` before CSV cells a
//! spreadsheet would run) are the only differences allowed. Python consumers run under `QG_PYTHON` (default
//! `python3`), node under `QG_NODE` (default `node`) with `NODE_PATH` from
//! the environment. A missing consumer skips its test with a note, or
//! fails it when `QG_REQUIRE_CONSUMERS=1`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use quotegraph::export::{self, edge_attributes, node_attributes, AttrValue, Format};
use quotegraph::graph::{EdgeKind, NodeKind};
use quotegraph::{corpus, DocRecord, Extractor, QuoteGraph};
use serde_json::{json, Map, Value};

const NASTY: &str = r#"{
  "doc": "nasty \"doc\", #1 \\ <&> =x.txt",
  "dateline": {"text": "Zürich, May 2", "span": [0, 13], "place": "Zürich", "date": "2025-05-02", "place_entity": "place:zurich"},
  "entities": [
    {"id": "place:zurich", "kind": "place", "name": "Zürich", "aliases": [], "roles": []},
    {"id": "person:ze", "kind": "person", "name": "Volodymyr \"Ze\" Zelenskyy <&> \\ O'Brien",
     "aliases": ["Zelenskyy", "=HYPERLINK(\"http://x\")", "\"]; node [label=<x>]", "'); DROP TABLE x; --",
                 "line1\nline2\r\nline3\ttab", "nul\u0000bell\u0007del\u007f", "</script><script>alert(1)</script>",
                 "a,b;c|d", "trailing backslash \\"],
     "roles": [{"title": "president, \"acting\"\n<of> & more", "of": "organization:outlet"},
               {"title": "=1+2", "of": null}]},
    {"id": "person:lavrov-cyr", "kind": "person", "name": "Сергей Лавров", "aliases": ["Лавров", "@handle", "+plus", "-minus"], "roles": []},
    {"id": "organization:outlet", "kind": "organization", "name": "Agence \"<Q&A>\" \\ Press", "aliases": ["AQP"], "roles": [], "outlet": true}
  ],
  "attributions": [
    {"id": "a1", "kind": "direct",
     "speaker": {"text": "Ze \"the\" <president>", "span": [0, 5], "entity": "person:ze"},
     "cue": {"text": "said\\", "span": [6, 10], "lemma": "say"},
     "content": {"text": "He said \"hi\" <b>bold</b> & 'single' \\ back\\\\slash, comma; tab\there\nnewline\r\ncrlf \u0000nul \u0001soh \u007fdel \u2028ls =1+2 -x @y \u0000 \"]; node [label=<x>] </script><script>alert(1)</script> '); DROP",
                 "span": [11, 40], "spans": [[11, 20], [25, 40]]},
     "source": {"text": "AQP", "span": [41, 44], "entity": "organization:outlet"},
     "addressee": {"text": "Сергей", "span": [45, 51], "entity": "person:lavrov-cyr"},
     "mentions": ["person:lavrov-cyr", "place:zurich"], "rule": "hand \"made\""},
    {"id": "a2", "kind": "indirect",
     "speaker": {"text": "Лавров", "span": [60, 66], "entity": "person:lavrov-cyr"},
     "cue": {"text": "said", "span": [67, 71], "lemma": "say"},
     "content": {"text": "-starts with minus, =and \"quotes\"", "span": [72, 90], "spans": [[72, 90]]},
     "source": null, "addressee": null, "mentions": [], "rule": "hand"}
  ]
}"#;

/// Strings built to break an export, each the canonical name of its own
/// entity: DOT, HTML, CSV formulas (and DDE), SQL, Cypher (both quotes,
/// backticks, a trailing backslash), Turtle/SPARQL (long-string quotes,
/// `>` ending an IRI, `^^` and `@` after a literal), control characters
/// and line breaks.
const BREAKERS: &[&str] = &[
    "\"]; node [label=<x>]",
    "</script><script>alert(1)</script>",
    "=HYPERLINK(\"http://x\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "'); DROP TABLE x; --",
    "x'}) MATCH (n) DETACH DELETE n //",
    "x\"}) MATCH (n) DETACH DELETE n //",
    "`backtick` and trailing backslash \\",
    "\"\"\" ''' > ^^xsd:int @en } .",
    "nul\u{0}bell\u{7}esc\u{1b}[31m del\u{7f}",
    "line1\nline2\r\nline3\ttab",
];

/// A record in which every [`BREAKERS`] string names an entity: a person
/// each (the last three organizations and a place, one of them an outlet),
/// each person speaking, the next one addressed, the outlet relaying, and
/// a role title that is the next breaker.
fn breakers_record() -> DocRecord {
    let n = BREAKERS.len();
    let kind = |i: usize| match i {
        _ if i == n - 1 => "place",
        _ if i + 3 >= n => "organization",
        _ => "person",
    };
    let id = |i: usize| format!("{}:breaker-{i}", kind(i));
    let outlet = n - 2;
    let entities: Vec<Value> = BREAKERS
        .iter()
        .enumerate()
        .map(|(i, b)| {
            json!({"id": id(i), "kind": kind(i), "name": b, "aliases": [], "outlet": i == outlet,
                   "roles": [{"title": BREAKERS[(i + 1) % n], "of": id((i + 1) % n)}]})
        })
        .collect();
    let attributions: Vec<Value> = (0..n - 3)
        .map(|i| {
            let b = BREAKERS[i];
            let at = 100 * i;
            json!({"id": format!("a{i}"), "kind": "direct",
                   "speaker": {"text": b, "span": [at, at + 5], "entity": id(i)},
                   "cue": {"text": b, "span": [at + 6, at + 10], "lemma": b},
                   "content": {"text": format!("{b} {}", BREAKERS[i + 1]),
                               "span": [at + 11, at + 40], "spans": [[at + 11, at + 40]]},
                   "source": {"text": BREAKERS[outlet], "span": [at + 41, at + 44], "entity": id(outlet)},
                   "addressee": {"text": BREAKERS[i + 1], "span": [at + 45, at + 50], "entity": id(i + 1)},
                   "mentions": [id(n - 1)], "rule": b})
        })
        .collect();
    serde_json::from_value(json!({
        "doc": "breakers </script> \"]; =x.txt",
        "dateline": {"text": BREAKERS[n - 1], "span": [0, 13], "place": BREAKERS[n - 1],
                     "date": "2025-05-03", "place_entity": id(n - 1)},
        "entities": entities,
        "attributions": attributions,
    }))
    .expect("valid record")
}

/// The records the tests build on.
fn records() -> Vec<DocRecord> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = vec![
        root.join("data/articles").display().to_string(),
        root.join("tests/data/escaping_article.txt")
            .display()
            .to_string(),
    ];
    let read = corpus::read(&paths, &corpus::Options::default(), &Extractor::default()).unwrap();
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let mut recs = read.records;
    recs.push(serde_json::from_str(NASTY).expect("valid record"));
    recs.push(breakers_record());
    recs
}

static GRAPH: LazyLock<QuoteGraph> =
    LazyLock::new(|| QuoteGraph::from_extractions(&records()).unwrap());

/// A fresh directory for one test's files.
fn dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("consumers")
        .join(name);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn value(v: &AttrValue) -> Value {
    let ty = match v {
        AttrValue::Str(_) => "str",
        AttrValue::Int(_) => "int",
        AttrValue::Bool(_) => "bool",
        AttrValue::List(_) => "list",
    };
    json!({"type": ty, "text": v.to_text(), "json": v.to_json()})
}

/// What the consumers should find, from the library's own view.
fn expected(g: &QuoteGraph) -> Value {
    let mut edge_kinds = Map::new();
    for (k, n) in g.summary().edges {
        if n > 0 {
            edge_kinds.insert(k.as_str().into(), json!(n));
        }
    }
    let node_checks: Vec<Value> = g
        .nodes()
        .map(|n| {
            let attrs: Map<String, Value> = node_attributes(n)
                .iter()
                .map(|(k, v)| (k.to_string(), value(v)))
                .collect();
            json!({"id": n.id, "kind": n.kind().as_str(), "label": n.kind().label(), "attrs": attrs})
        })
        .collect();
    // every edge attribute is declared as the exporters say
    let edge_checks: Vec<Value> = g
        .edges()
        .map(|e| {
            let attrs: Map<String, Value> = edge_attributes(e.edge)
                .iter()
                .map(|(k, v)| (k.to_string(), value(v)))
                .collect();
            assert_eq!(edge_attributes(e.edge)[0].0, "kind");
            json!({"from": e.from.id, "to": e.to.id, "attrs": attrs})
        })
        .collect();
    let mut tass_speakers: Vec<String> = Vec::new();
    let mut lavrov_quotes: Vec<String> = Vec::new();
    for e in g.edges().filter(|e| e.edge.kind == EdgeKind::Said) {
        let relayed_by_tass = g
            .neighbors(
                &e.to.id,
                EdgeKind::ReportedBy,
                petgraph::Direction::Outgoing,
            )
            .iter()
            .any(|o| o.name() == "TASS");
        if relayed_by_tass && !tass_speakers.contains(&e.from.name().to_string()) {
            tass_speakers.push(e.from.name().to_string());
        }
        if e.from.kind() == NodeKind::Person && e.from.name().contains("Lavrov") {
            lavrov_quotes.push(e.to.name().to_string());
        }
    }
    tass_speakers.sort();
    let s = g.summary();
    json!({
        "nodes": g.node_count(),
        "edges": g.edge_count(),
        "statements": s.nodes.iter().find(|n| n.0 == NodeKind::Statement).unwrap().1,
        "edge_kinds": edge_kinds,
        "node_checks": node_checks,
        "edge_checks": edge_checks,
        "tass_speakers": tass_speakers,
        "lavrov_quotes": lavrov_quotes,
    })
}

fn write_expected(d: &Path, g: &QuoteGraph) -> PathBuf {
    let p = d.join("expected.json");
    std::fs::write(&p, serde_json::to_vec_pretty(&expected(g)).unwrap()).unwrap();
    p
}

fn consumers_required() -> bool {
    std::env::var("QG_REQUIRE_CONSUMERS").is_ok_and(|v| v == "1")
}

/// Run a consumer; `false` when it is not installed (and not required).
fn run(what: &str, program: &str, args: &[&dyn AsRef<std::ffi::OsStr>]) -> bool {
    let mut cmd = Command::new(program);
    for a in args {
        cmd.arg(a);
    }
    let missing = |why: String| {
        if consumers_required() {
            panic!("{what}: consumer missing ({why}) and QG_REQUIRE_CONSUMERS=1");
        }
        eprintln!("note: skipping {what}: {why}");
        false
    };
    let out = match cmd.output() {
        Ok(o) => o,
        Err(e) => return missing(format!("cannot run {program}: {e}")),
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        return missing(stderr.trim().to_string());
    }
    assert!(
        out.status.success(),
        "{what} failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    eprintln!("{what}: {}", stdout.trim());
    true
}

fn python() -> String {
    std::env::var("QG_PYTHON").unwrap_or_else(|_| "python3".into())
}

fn checker() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/check_graph.py")
}

fn export(g: &QuoteGraph, f: Format, path: &Path) {
    f.exporter().write_path(g, path).unwrap();
}

fn python_check(name: &str, mode: &str, format: Format, file: &str, extra: Option<PathBuf>) {
    let g = &*GRAPH;
    let d = dir(name);
    let out = d.join(file);
    export(g, format, &out);
    let exp = write_expected(&d, g);
    let (py, chk) = (python(), checker());
    let mut args: Vec<&dyn AsRef<std::ffi::OsStr>> = vec![&chk, &mode, &out, &exp];
    if let Some(e) = &extra {
        args.push(e);
    }
    run(&format!("{mode} consumer"), &py, &args);
}

#[test]
fn the_test_graph_has_what_the_checks_need() {
    let g = &*GRAPH;
    let e = expected(g);
    assert!(e["tass_speakers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n.as_str().unwrap().contains("Lavrov")));
    assert!(!e["lavrov_quotes"].as_array().unwrap().is_empty());
    // the hand-made record's characters made it into the graph
    // (its person may merge with the article's Zelenskyy through the bare
    // alias "Zelenskyy", so look at every entity)
    let names: Vec<&String> = g
        .nodes()
        .filter_map(|n| n.entity())
        .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
        .collect();
    assert!(names.iter().any(|a| a.contains("O'Brien")), "{names:?}");
    assert!(names.iter().any(|a| a.contains('\0')), "{names:?}");
    // every breaker is the canonical name of exactly one entity, merged
    // with nothing, with edges
    for b in BREAKERS {
        let holders: Vec<_> = g
            .nodes()
            .filter(|n| n.entity().is_some_and(|e| e.name == *b))
            .collect();
        assert_eq!(holders.len(), 1, "{b:?}: {holders:?}");
        let e = holders[0].entity().unwrap();
        assert!(e.aliases.is_empty(), "{b:?} merged: {e:?}");
        assert!(
            g.edges()
                .any(|x| x.from.id == holders[0].id || x.to.id == holders[0].id),
            "{b:?} has no edge"
        );
    }
    let persons = g
        .nodes()
        .filter(|n| n.kind() == NodeKind::Person && BREAKERS.contains(&n.name()))
        .count();
    assert_eq!(persons, BREAKERS.len() - 3);
    // and statement texts, cues, rules and role titles
    let texts: Vec<&str> = g
        .nodes()
        .filter_map(|n| n.statement())
        .flat_map(|s| [&*s.text, &*s.cue, &*s.rule])
        .chain(g.edges().filter_map(|e| e.edge.title()))
        .collect();
    for b in BREAKERS {
        assert!(texts.iter().any(|t| t.contains(b)), "{b:?}");
    }
}

#[test]
fn dot_renders_in_graphviz() {
    let g = &*GRAPH;
    let d = dir("dot");
    let dot = d.join("graph.dot");
    let svg = d.join("graph.svg");
    export(g, Format::Dot, &dot);
    let o = std::ffi::OsString::from("-o");
    if !run("dot -Tsvg", "dot", &[&"-Tsvg", &dot, &o, &svg]) {
        return;
    }
    let exp = write_expected(&d, g);
    let (py, chk) = (python(), checker());
    run("svg check", &py, &[&chk, &"svg", &svg, &exp]);
}

#[test]
fn graphml_loads_in_networkx() {
    python_check("graphml", "graphml", Format::Graphml, "graph.graphml", None);
}

#[test]
fn gexf_loads_in_networkx() {
    python_check("gexf", "gexf", Format::Gexf, "graph.gexf", None);
}

#[test]
fn node_link_json_loads_in_networkx() {
    python_check("json", "json", Format::Json, "graph.json", None);
}

#[test]
fn cypher_script_loads_in_ladybug() {
    let d = dir("ladybug-schema-cypher");
    let schema = d.join("schema.cypher");
    std::fs::write(&schema, export::ladybug_schema()).unwrap();
    python_check(
        "cypher",
        "ladybug-cypher",
        Format::Cypher,
        "graph.cypher",
        Some(schema),
    );
}

#[test]
fn neo4j_csv_loads_in_ladybug() {
    let d = dir("ladybug-schema-csv");
    let schema = d.join("schema.cypher");
    std::fs::write(&schema, export::ladybug_schema()).unwrap();
    python_check("csv", "ladybug-csv", Format::Csv, "neo4j", Some(schema));
}

#[test]
fn turtle_parses_and_sparql_finds_lavrovs_quotations() {
    python_check("ttl", "rdf", Format::Ttl, "graph.ttl", None);
}

#[test]
fn cytoscape_loads_headless_in_node() {
    let g = &*GRAPH;
    let d = dir("cytoscape");
    let out = d.join("graph.cyjs");
    export(g, Format::Cytoscape, &out);
    let exp = write_expected(&d, g);
    let node = std::env::var("QG_NODE").unwrap_or_else(|_| "node".into());
    let chk = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/consumers/check_cytoscape.js");
    run("cytoscape consumer", &node, &[&chk, &out, &exp]);
}

#[test]
fn ron_round_trips_to_an_equal_graph() {
    let g = &*GRAPH;
    let d = dir("ron");
    let out = d.join("graph.ron");
    export(g, Format::Ron, &out);
    let back = export::read_ron(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(&back, g);
    // and writes the same bytes again
    let mut again = Vec::new();
    Format::Ron.exporter().write(&back, &mut again).unwrap();
    assert_eq!(again, std::fs::read(&out).unwrap());
}

#[test]
fn exports_are_byte_for_byte_reproducible() {
    let a = QuoteGraph::from_extractions(&records()).unwrap();
    let b = QuoteGraph::from_extractions(&records()).unwrap();
    let (da, db) = (dir("repro-a"), dir("repro-b"));
    let fa = export::write_all(&a, &da).unwrap();
    let fb = export::write_all(&b, &db).unwrap();
    assert_eq!(fa.len(), fb.len());
    for (x, y) in fa.iter().zip(&fb) {
        assert_eq!(
            std::fs::read(x).unwrap(),
            std::fs::read(y).unwrap(),
            "{} differs",
            x.display()
        );
    }
}

/// The weighted person mention network (`query::mention_network` of
/// tests/fixtures/query) in networkx (GraphML, GEXF, node-link JSON),
/// ladybug (the Cypher script on the library's schema) and rdflib
/// (Turtle): each finds every A → B link with its weight.
#[test]
fn person_mention_weights_load_in_the_consumers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures/query").display().to_string();
    let g = quotegraph::query::load(&[fixtures]).unwrap();
    let net = quotegraph::query::mention_network(&g);
    let d = dir("mention-weights");
    for f in [
        Format::Graphml,
        Format::Gexf,
        Format::Json,
        Format::Cypher,
        Format::Ttl,
    ] {
        export(&net, f, &d.join(f.default_file_name()));
    }
    assert!(
        d.join("graph.cypher").exists(),
        "default file names changed"
    );
    std::fs::write(d.join("schema.cypher"), export::ladybug_schema()).unwrap();
    let want: Vec<Value> = net
        .edges()
        .map(|e| json!([e.from.id, e.to.id, e.edge.weight().unwrap()]))
        .collect();
    assert_eq!(want.len(), 5);
    assert!(want.contains(&json!(["person:hana-ruiz", "person:omar-field", 2])));
    let exp = d.join("expected.json");
    std::fs::write(&exp, Value::Array(want).to_string()).unwrap();
    let chk = root.join("tests/consumers/check_weights.py");
    run("weights consumer", &python(), &[&chk, &d, &exp]);
}
