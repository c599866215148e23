//! A hand-labelled check of the graph's person nodes: the person nodes
//! of the PolNeAR dev graph, each marked person or not and each duplicate
//! named (`tests/data/polnear_dev_person_nodes.tsv`, names only). The
//! test builds the graph from the corpus (at `../shared/corpora`, or
//! `QUOTEGRAPH_POLNEAR_DEV`), computes the share of person nodes that are
//! people and the number of duplicate nodes, and holds them to today's
//! figures. A node whose name the fixture does not know fails the test:
//! label it.

use std::collections::HashMap;

use quotegraph::graph::{NodeKind, QuoteGraph};
use quotegraph::{Document, Extractor};

struct Label {
    person: bool,
    duplicates: Option<String>,
}

fn labels() -> HashMap<String, Label> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/polnear_dev_person_nodes.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the labelled person nodes");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            let label = Label {
                person: cols[1] == "person",
                duplicates: cols.get(2).map(|s| s.to_string()),
            };
            (cols[0].to_string(), label)
        })
        .collect()
}

#[test]
fn polnear_dev_person_nodes_are_people() {
    let dir = std::env::var("QUOTEGRAPH_POLNEAR_DEV").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/polnear/dev/text"
        )
        .to_string()
    });
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no PolNeAR dev texts at {dir}");
        return;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let ex = Extractor::default();
    let records: Vec<_> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("a readable text");
            let name = p.display().to_string();
            ex.extract(&Document::new(name, text)).to_record()
        })
        .collect();
    let graph = QuoteGraph::from_extractions(&records).expect("a graph");
    let labels = labels();
    let names: Vec<String> = graph
        .nodes_of_kind(NodeKind::Person)
        .map(|n| n.name().to_string())
        .collect();
    if std::env::var_os("QG_PRINT_NODES").is_some() {
        // the issue's own measure: every node with its label, to read
        for n in &names {
            let label = labels
                .get(n)
                .map_or("?", |l| if l.person { "person" } else { "not" });
            eprintln!("node\t{n}\t{label}");
        }
    }
    let unknown: Vec<&String> = names.iter().filter(|n| !labels.contains_key(*n)).collect();
    assert!(unknown.is_empty(), "label these person nodes: {unknown:?}");
    let people = names.iter().filter(|n| labels[*n].person).count();
    let precision = people as f64 / names.len() as f64;
    // a duplicate: a node beyond the first for one person. The fixture's
    // third column names the person a node stands for ("Donald J. Trump"
    // and "Trump" stand for Donald Trump); a node named so is no duplicate
    // on its own, only a second node for the same person is.
    let mut seen = std::collections::HashSet::new();
    let duplicates = names
        .iter()
        .filter(|n| {
            let person = labels[*n].duplicates.as_deref().unwrap_or(n.as_str());
            !seen.insert(person)
        })
        .count();
    eprintln!(
        "person nodes {}, people {people}, precision {precision:.3}, duplicates {duplicates}",
        names.len()
    );
    // floors against regressions at today's figures (issue 18 asks for
    // .97 and no duplicates; today .978 and none)
    assert!(precision >= 0.97, "precision {precision:.3}");
    assert_eq!(duplicates, 0, "duplicate nodes");
}
