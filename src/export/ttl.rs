//! RDF Turtle with schema.org and PROV terms: statements are
//! `schema:Quotation`s with `prov:wasAttributedTo` their speaker and
//! `prov:wasQuotedFrom` the outlet that relayed them; people are
//! `schema:Person`s, organizations `schema:Organization`s (outlets also
//! `schema:NewsMediaOrganization`), places `schema:Place`s, documents
//! `schema:NewsArticle`s. Node IRIs are `urn:quotegraph:id:` and the
//! percent-encoded node id; terms without a schema.org or PROV equivalent
//! use `urn:quotegraph:vocab:` (prefix `qg:`).

use std::io::Write;

use super::escape::{backslash_quoted, percent_encode};
use crate::graph::{EdgeKind, EdgeRef, Node, NodeData, NodeKind, QuoteGraph};

/// Namespace of node IRIs.
const ID_NS: &str = "urn:quotegraph:id:";

/// `<urn:quotegraph:id:…>` with every byte outside `A-Z a-z 0-9 - . _ ~ :
/// /` percent-encoded.
fn iri(id: &str) -> String {
    let mut out = String::with_capacity(ID_NS.len() + id.len() + 2);
    out.push('<');
    out.push_str(ID_NS);
    percent_encode(&mut out, id);
    out.push('>');
    out
}

/// A Turtle string literal.
fn literal(s: &str) -> String {
    backslash_quoted(s, '"')
}

/// An `xsd:date` literal when `d` is `YYYY-MM-DD`, else a plain string.
fn date(d: &str) -> String {
    let b = d.as_bytes();
    let iso = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if iso {
        format!("{}^^xsd:date", literal(d))
    } else {
        literal(d)
    }
}

/// Write the graph as Turtle.
pub(crate) fn write(g: &QuoteGraph, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "@prefix schema: <https://schema.org/> .")?;
    writeln!(out, "@prefix prov: <http://www.w3.org/ns/prov#> .")?;
    writeln!(
        out,
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
    )?;
    writeln!(out, "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .")?;
    writeln!(out, "@prefix qg: <urn:quotegraph:vocab:> .")?;
    // outgoing edges of each node, in edge order
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); g.node_count()];
    let edges: Vec<_> = g.edges().collect();
    for (i, e) in edges.iter().enumerate() {
        let from = g.index_of(&e.from.id).expect("edge ends are nodes");
        outgoing[from.index()].push(i);
    }
    for (ix, n) in g.nodes().enumerate() {
        let mut p = node_properties(n);
        p.push(format!("rdfs:label {}", literal(&n.label())));
        for &i in &outgoing[ix] {
            edge_properties(&edges[i], &mut p);
        }
        writeln!(out)?;
        writeln!(out, "{}\n    {} .", iri(&n.id), p.join(" ;\n    "))?;
    }
    // said edges point at the statement: write them from its side
    let said: Vec<_> = edges
        .iter()
        .filter(|e| e.edge.kind == EdgeKind::Said)
        .collect();
    if !said.is_empty() {
        writeln!(out)?;
    }
    for e in said {
        let (st, sp) = (iri(&e.to.id), iri(&e.from.id));
        writeln!(
            out,
            "{st} prov:wasAttributedTo {sp} ; schema:spokenByCharacter {sp} ."
        )?;
    }
    Ok(())
}

/// A node's properties but its label and edges: class, names or text,
/// dates.
fn node_properties(n: &Node) -> Vec<String> {
    let mut p: Vec<String> = Vec::new();
    match &n.data {
        NodeData::Entity(e) => {
            let class = match n.kind() {
                NodeKind::Person => "schema:Person, prov:Agent",
                NodeKind::Organization if e.outlet => {
                    "schema:Organization, schema:NewsMediaOrganization, prov:Agent"
                }
                NodeKind::Organization => "schema:Organization, prov:Agent",
                _ => "schema:Place",
            };
            p.push(format!("a {class}"));
            p.push(format!("schema:name {}", literal(&e.name)));
            for a in &e.aliases {
                p.push(format!("schema:alternateName {}", literal(a)));
            }
            for t in &e.titles {
                p.push(format!("schema:jobTitle {}", literal(t)));
            }
        }
        NodeData::Statement(s) => {
            p.push("a schema:Quotation, prov:Entity".into());
            p.push(format!("schema:text {}", literal(&s.text)));
            p.push(format!("qg:quoteKind {}", literal(s.quote_kind.as_str())));
            p.push(format!("qg:cue {}", literal(&s.cue)));
            p.push(format!("qg:cueText {}", literal(&s.cue_text)));
            p.push(format!("qg:spanStart {}", s.span[0]));
            p.push(format!("qg:spanEnd {}", s.span[1]));
            if let Some(d) = &s.date {
                p.push(format!("schema:dateCreated {}", date(d)));
            }
            if let Some(t) = &s.speaker_text {
                p.push(format!("qg:speakerText {}", literal(t)));
            }
            p.push(format!("qg:rule {}", literal(&s.rule)));
            p.push(format!("qg:class {}", literal(s.class.as_str())));
            p.push(format!(
                "qg:contentType {}",
                literal(s.content_type.as_str())
            ));
            p.push(format!("qg:polarity {}", literal(s.polarity.as_str())));
        }
        NodeData::Document(d) => {
            p.push("a schema:NewsArticle".into());
            p.push(format!("qg:path {}", literal(&d.path)));
            if let Some(t) = &d.dateline {
                p.push(format!("qg:dateline {}", literal(t)));
            }
            if let Some(t) = &d.date {
                p.push(format!("schema:dateCreated {}", date(t)));
            }
            if let Some(t) = &d.publisher {
                p.push(format!("qg:publisher {}", literal(t)));
            }
        }
        NodeData::Claim(c) => {
            p.push("a schema:Claim".into());
            p.push(format!("schema:text {}", literal(&c.text)));
            p.push(format!("schema:author {}", iri(&c.speaker)));
            p.push(format!("qg:speakerName {}", literal(&c.speaker_name)));
            p.push(format!("qg:reportCount {}", c.reports));
            if let Some(d) = &c.first_date {
                p.push(format!("qg:firstReported {}", date(d)));
            }
            if let Some(d) = &c.last_date {
                p.push(format!("qg:lastReported {}", date(d)));
            }
            p.push(format!("qg:firstReportedIn {}", literal(&c.first_reported)));
            for (i, link) in c.chain.iter().enumerate() {
                p.push(format!(
                    "qg:relay [ qg:position {} ; schema:name {} ]",
                    i + 1,
                    literal(link)
                ));
            }
        }
    }
    p
}

/// The properties an edge gives the node it starts at (`said` edges are
/// written from the statement's side instead).
fn edge_properties(e: &EdgeRef<'_>, p: &mut Vec<String>) {
    let to = iri(&e.to.id);
    match e.edge.kind {
        EdgeKind::Said => {}
        EdgeKind::ReportedBy => p.push(format!("prov:wasQuotedFrom {to}")),
        EdgeKind::AddressedTo => p.push(format!("qg:addressedTo {to}")),
        EdgeKind::Mentions => {
            p.push(format!("schema:mentions {to}"));
            // a person's mention of a person, counted: the triple
            // above, and how many statements make it
            if let Some(w) = e.edge.weight() {
                p.push(format!(
                    "qg:mentionCount [ qg:of {to} ; qg:statements {w} ]"
                ));
            }
        }
        EdgeKind::HoldsRole => p.push(format!(
            "qg:holdsRole [ a schema:Role ; schema:roleName {} ; qg:of {to} ]",
            literal(e.edge.title().unwrap_or(""))
        )),
        EdgeKind::AppearsIn => p.push(format!("schema:isPartOf {to}")),
        EdgeKind::Datelined => p.push(format!("schema:locationCreated {to}")),
        EdgeKind::Reports => p.push(format!("schema:appearance {to}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_and_literals_escape() {
        assert_eq!(
            iri("statement:a b.txt#2"),
            "<urn:quotegraph:id:statement:a%20b.txt%232>"
        );
        assert_eq!(
            iri("person:сергей"),
            "<urn:quotegraph:id:person:%D1%81%D0%B5%D1%80%D0%B3%D0%B5%D0%B9>"
        );
        assert_eq!(literal("a\"b\\\n\u{0}"), "\"a\\\"b\\\\\\n\\u0000\"");
        assert_eq!(date("2024-12-06"), "\"2024-12-06\"^^xsd:date");
        assert_eq!(date("December 6"), "\"December 6\"");
    }
}
