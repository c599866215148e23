//! One self-contained HTML page that draws the graph: open it by
//! double-click, no network needed.
//!
//! The page is a template (`html/page.html`, `html/style.css`,
//! `html/app.js`, hand-written vanilla JS embedded with `include_str!`)
//! plus the graph as JSON in `<script type="application/json" id="data">`.
//! Positions come from a seeded force-directed [layout](layout) computed
//! here, so the page draws at once and the same graph gives the same file.
//!
//! Names and claims are untrusted. The JSON has `<`, `>`, `&`, U+2028 and
//! U+2029 written as `\u003c`… so no text can close the script element,
//! the script renders every text with `textContent` (never `innerHTML`),
//! and a Content-Security-Policy meta forbids any network access.

mod layout;

use std::io::Write;

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::escape::{html_escape, script_json};
use super::stream_err;
use crate::error::Result;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef as _;
use petgraph::Direction;

use crate::graph::{EdgeKind, Node, NodeData, NodeKind, QuoteGraph};

/// The page template, with `{{TITLE}}`, `{{STYLE}}`, `{{DATA}}` and
/// `{{SCRIPT}}` in it once each.
const PAGE: &str = include_str!("html/page.html");
/// The page's style sheet.
const STYLE: &str = include_str!("html/style.css");
/// The page's script.
const SCRIPT: &str = include_str!("html/app.js");

/// Layout seed: fixed, so exports are reproducible.
const SEED: u64 = 0x5157_4f54_4547_5241; // "QUOTEGRA"

/// The most nodes the page embeds. A bigger graph is cut to the
/// statements of its most quoted speakers (see [`selection`]), with a note
/// on the page: a browser draws and lays out a few thousand nodes at
/// once, while a corpus graph has hundreds of thousands, whose layout and
/// page took more than 12 minutes for 8,400 articles. The other exports
/// hold every node.
pub(crate) const MAX_NODES: usize = 12_000;

/// Write the graph as one HTML page.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> Result<()> {
    let title = page_title(g);
    let data = script_json(&page_data(g, &title, MAX_NODES));
    let parts = [
        ("{{TITLE}}", html_escape(&title)),
        ("{{STYLE}}", STYLE.to_string()),
        ("{{DATA}}", data),
        ("{{SCRIPT}}", SCRIPT.to_string()),
    ];
    let mut rest = PAGE;
    for (marker, value) in &parts {
        let (before, after) = rest
            .split_once(marker)
            .expect("the page template has every marker once, in order");
        out.write_all(before.as_bytes()).map_err(stream_err)?;
        out.write_all(value.as_bytes()).map_err(stream_err)?;
        rest = after;
    }
    out.write_all(rest.as_bytes()).map_err(stream_err)
}

/// "quotegraph: 000_lavrov.txt" for one document, else the count.
fn page_title(g: &QuoteGraph) -> String {
    let docs: Vec<String> = g
        .nodes_of_kind(NodeKind::Document)
        .map(|n| n.label())
        .collect();
    match docs.as_slice() {
        [one] => format!("quotegraph: {one}"),
        _ => format!("quotegraph: {} documents", docs.len()),
    }
}

/// How strongly an edge of each kind pulls its ends together in the
/// layout: speakers keep their statements close, documents (which touch
/// every statement in them) pull weakly so they do not clump everything.
fn pull(kind: EdgeKind) -> f64 {
    match kind {
        EdgeKind::Said | EdgeKind::HoldsRole => 1.0,
        EdgeKind::ReportedBy | EdgeKind::AddressedTo => 0.5,
        EdgeKind::Datelined => 0.4,
        EdgeKind::Mentions => 0.25,
        EdgeKind::AppearsIn => 0.2,
        EdgeKind::Reports => 0.6,
    }
}

/// A node's drawn radius in layout units: by kind, growing with the
/// square root of its degree, capped.
fn radius(kind: NodeKind, degree: usize) -> f64 {
    let base = match kind {
        NodeKind::Person | NodeKind::Organization | NodeKind::Place => 7.0,
        NodeKind::Statement => 3.5,
        NodeKind::Document => 6.0,
        NodeKind::Claim => 5.0,
    };
    (base + 1.5 * (degree as f64).sqrt()).min(base * 4.5)
}

/// Round to one decimal: enough for pixels, and short.
fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The nodes a page of a graph bigger than `max` nodes shows: speakers
/// from the most quoted down, each with its statements and what they
/// point to (outlets, addressees, what they mention, documents, claims),
/// while the total stays within `max`; `None` when the whole graph fits.
/// Also the number of speakers kept.
fn selection(g: &QuoteGraph, max: usize) -> Option<(Vec<bool>, usize)> {
    let pg = g.graph();
    if pg.node_count() <= max {
        return None;
    }
    let mut speakers: Vec<(usize, NodeIndex)> = pg
        .node_indices()
        .filter(|&ix| pg[ix].kind().is_entity())
        .map(|ix| {
            let said = pg
                .edges_directed(ix, Direction::Outgoing)
                .filter(|e| e.weight().kind == EdgeKind::Said)
                .count();
            (said, ix)
        })
        .filter(|&(said, _)| said > 0)
        .collect();
    speakers.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut keep = vec![false; pg.node_count()];
    let (mut kept, mut people) = (0usize, 0usize);
    for (_, sp) in speakers {
        let mut new: Vec<NodeIndex> = vec![sp];
        for said in pg.edges_directed(sp, Direction::Outgoing) {
            if said.weight().kind != EdgeKind::Said {
                continue;
            }
            new.push(said.target());
            new.extend(
                pg.edges_directed(said.target(), Direction::Outgoing)
                    .map(|e| e.target()),
            );
        }
        new.retain(|ix| !keep[ix.index()]);
        new.sort_unstable();
        new.dedup();
        if kept + new.len() > max {
            if kept > 0 {
                break;
            }
            // one speaker alone is too many: the speaker and its first
            // statements
            new.retain(|&ix| ix != sp);
            new.truncate(max.saturating_sub(1));
            new.push(sp);
        }
        kept += new.len();
        people += 1;
        for ix in new {
            keep[ix.index()] = true;
        }
    }
    Some((keep, people))
}

/// What the script reads: kinds, nodes with positions and details, edges
/// as `[from, to, kind]` (plus the title or mention as written); at most
/// `max` nodes ([`selection`]), with a `note` saying what was left out.
fn page_data(g: &QuoteGraph, title: &str, max: usize) -> Value {
    let pg = g.graph();
    let cut = selection(g, max);
    // graph index → page index (usize::MAX: not on the page)
    let slot: Vec<usize> = match &cut {
        None => (0..pg.node_count()).collect(),
        Some((keep, _)) => {
            let mut next = 0;
            keep.iter()
                .map(|&k| {
                    if k {
                        next += 1;
                        next - 1
                    } else {
                        usize::MAX
                    }
                })
                .collect()
        }
    };
    let shown: Vec<&Node> = g
        .nodes()
        .zip(&slot)
        .filter(|(_, &s)| s != usize::MAX)
        .map(|(n, _)| n)
        .collect();
    let raw: Vec<&petgraph::graph::Edge<crate::graph::Edge>> = pg
        .raw_edges()
        .iter()
        .filter(|e| {
            slot[e.source().index()] != usize::MAX && slot[e.target().index()] != usize::MAX
        })
        .collect();
    let edges: Vec<(usize, usize, f64)> = raw
        .iter()
        .map(|e| {
            (
                slot[e.source().index()],
                slot[e.target().index()],
                pull(e.weight.kind),
            )
        })
        .collect();
    let mut degree = vec![0usize; shown.len()];
    for &(a, b, _) in &edges {
        degree[a] += 1;
        degree[b] += 1;
    }
    let radii: Vec<f64> = shown
        .iter()
        .zip(&degree)
        .map(|(n, &d)| r1(radius(n.kind(), d)))
        .collect();
    // the layout keeps shapes apart by their outer radius (diamonds and
    // triangles reach a third beyond it)
    let outer: Vec<f64> = radii.iter().map(|r| r * 1.35).collect();
    let pos = layout::layout(&outer, &edges, SEED);
    let nodes: Vec<Value> = shown
        .iter()
        .zip(&pos)
        .zip(&radii)
        .map(|((n, p), &r)| node_json(n, *p, r))
        .collect();
    let edge_rows: Vec<Value> = raw
        .iter()
        .map(|raw| {
            let (a, b, e) = (
                slot[raw.source().index()],
                slot[raw.target().index()],
                &raw.weight,
            );
            let k = edge_kind_index(e.kind);
            let weight = e.weight().map(|w| format!("{w} statements"));
            match e.title().or(e.mention()).or(weight.as_deref()) {
                Some(note) => json!([a, b, k, note]),
                None => json!([a, b, k]),
            }
        })
        .collect();
    let note = cut.map(|(_, people)| {
        format!(
            "Showing {} of {} nodes: the statements of the {} most quoted speakers, with their \
             outlets, addressees, mentions, documents and claims (a page draws at most {} \
             nodes). Every node is in the other exports (graph.gexf, graph.json, graph.qgs).",
            nodes.len(),
            pg.node_count(),
            people,
            max
        )
    });
    json!({
        "title": title,
        "note": note,
        "kinds": NodeKind::ALL.map(NodeKind::as_str),
        "edgeKinds": EdgeKind::ALL.map(EdgeKind::as_str),
        "edgeLength": layout::EDGE_LEN,
        "nodes": nodes,
        "edges": edge_rows,
    })
}

/// A node as the script reads it: id, kind index, position and radius,
/// label, and what its kind holds (a statement's sentence context too).
fn node_json(n: &Node, p: [f64; 2], r: f64) -> Value {
    let mut m = Map::new();
    m.insert("id".into(), json!(n.id));
    m.insert("k".into(), json!(kind_index(n.kind())));
    m.insert("x".into(), json!(r1(p[0])));
    m.insert("y".into(), json!(r1(p[1])));
    m.insert("r".into(), json!(r));
    m.insert("label".into(), json!(n.label()));
    match &n.data {
        NodeData::Entity(e) => copy_fields(&mut m, e, &["name", "aliases", "titles", "outlet"]),
        NodeData::Statement(s) => {
            let keys = [
                "text",
                "quote_kind",
                "cue",
                "cue_text",
                "doc",
                "date",
                "speaker_text",
                "source_text",
                "addressee_text",
                "rule",
                "class",
                "content_type",
                "polarity",
            ];
            copy_fields(&mut m, s, &keys);
            if let Some(c) = &s.context {
                let marks: Vec<Value> = c
                    .marks
                    .iter()
                    .map(|mk| json!([mk.part.as_str(), mk.span[0], mk.span[1]]))
                    .collect();
                m.insert("context".into(), json!({"text": c.text, "marks": marks}));
            }
        }
        NodeData::Document(d) => {
            copy_fields(
                &mut m,
                d,
                &["path", "date", "dateline", "place", "publisher"],
            );
        }
        NodeData::Claim(c) => {
            let keys = [
                "text",
                "speaker",
                "speaker_name",
                "reports",
                "first_date",
                "last_date",
                "first_reported",
                "chain",
            ];
            copy_fields(&mut m, &**c, &keys);
        }
    }
    Value::Object(m)
}

/// The fields `keys` of `data` as serde writes them (enums by their
/// lowercase names, a publisher only when there is one), put in `m` in
/// the order of `keys` under the script's camelCase keys ("cue_text" as
/// "cueText").
fn copy_fields(m: &mut Map<String, Value>, data: &impl Serialize, keys: &[&str]) {
    let Ok(Value::Object(mut fields)) = serde_json::to_value(data) else {
        unreachable!("a node's data serializes to an object")
    };
    for key in keys {
        if let Some(v) = fields.remove(*key) {
            m.insert(camel_case(key), v);
        }
    }
}

/// "speaker_name" as "speakerName".
fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let mut out = words.next().unwrap_or_default().to_string();
    for w in words {
        let mut cs = w.chars();
        out.extend(cs.next().map(|c| c.to_ascii_uppercase()));
        out.push_str(cs.as_str());
    }
    out
}

fn kind_index(k: NodeKind) -> usize {
    NodeKind::ALL.iter().position(|x| *x == k).expect("listed")
}

fn edge_kind_index(k: EdgeKind) -> usize {
    EdgeKind::ALL.iter().position(|x| *x == k).expect("listed")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_fields_take_the_scripts_camel_case_names() {
        let names = [
            ("first_reported", "firstReported"),
            ("addressee_text", "addresseeText"),
            ("text", "text"),
        ];
        for (snake, camel) in names {
            assert_eq!(camel_case(snake), camel);
        }
    }

    #[test]
    fn template_assets_cannot_break_out_of_their_elements() {
        assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
        assert!(!STYLE.to_ascii_lowercase().contains("</style"));
        for m in ["{{TITLE}}", "{{STYLE}}", "{{DATA}}", "{{SCRIPT}}"] {
            assert_eq!(PAGE.matches(m).count(), 1, "{m}");
        }
        // the script never parses data as HTML
        assert!(!SCRIPT.contains("innerHTML"));
        assert!(!SCRIPT.contains("insertAdjacentHTML"));
        assert!(!SCRIPT.contains("document.write"));
    }

    #[test]
    fn page_is_reproducible_and_holds_every_node() {
        let g = crate::graph::tests::sample_graph();
        let write = || {
            let mut v = Vec::new();
            write(&g, &mut v).unwrap();
            String::from_utf8(v).unwrap()
        };
        let page = write();
        assert_eq!(page, write());
        assert!(page.contains("Content-Security-Policy"));
        let start = page
            .find(r#"<script type="application/json" id="data">"#)
            .unwrap();
        let body = &page[start..];
        let json_text = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
        let data: Value = serde_json::from_str(json_text).unwrap();
        assert_eq!(data["nodes"].as_array().unwrap().len(), g.node_count());
        assert_eq!(data["edges"].as_array().unwrap().len(), g.edge_count());
    }

    #[test]
    fn a_graph_bigger_than_the_cap_shows_its_top_speakers_with_a_note() {
        let g = crate::graph::tests::sample_graph();
        let whole = page_data(&g, "t", usize::MAX);
        assert!(whole["note"].is_null());
        let max = g.node_count() / 2;
        let data = page_data(&g, "t", max);
        let nodes = data["nodes"].as_array().unwrap();
        assert!(
            !nodes.is_empty() && nodes.len() <= max,
            "{} > {max}",
            nodes.len()
        );
        let note = data["note"].as_str().unwrap();
        assert!(
            note.starts_with(&format!(
                "Showing {} of {} nodes",
                nodes.len(),
                g.node_count()
            )),
            "{note}"
        );
        // every edge joins two nodes of the page, and every statement shown
        // keeps its speaker
        let n = nodes.len() as u64;
        let edges = data["edges"].as_array().unwrap();
        assert!(edges
            .iter()
            .all(|e| e[0].as_u64().unwrap() < n && e[1].as_u64().unwrap() < n));
        let said = EdgeKind::ALL
            .iter()
            .position(|k| *k == EdgeKind::Said)
            .unwrap() as u64;
        let stmt = NodeKind::ALL
            .iter()
            .position(|k| *k == NodeKind::Statement)
            .unwrap() as u64;
        for (i, node) in nodes.iter().enumerate() {
            if node["k"].as_u64() == Some(stmt) {
                assert!(edges
                    .iter()
                    .any(|e| e[1].as_u64() == Some(i as u64) && e[2].as_u64() == Some(said)));
            }
        }
        // the most quoted speaker is on the page
        let top = g
            .nodes()
            .filter(|x| x.kind() == NodeKind::Person)
            .max_by_key(|x| {
                g.neighbors(&x.id, EdgeKind::Said, Direction::Outgoing)
                    .len()
            })
            .unwrap();
        assert!(nodes.iter().any(|x| x["id"] == top.id.as_str()));
    }

    #[test]
    fn empty_graph_gives_a_page() {
        let mut v = Vec::new();
        write(&QuoteGraph::new(), &mut v).unwrap();
        let page = String::from_utf8(v).unwrap();
        assert!(page.contains(r#""nodes":[]"#));
        assert!(page.contains("quotegraph: 0 documents"));
    }
}
