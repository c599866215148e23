//! Saved graphs read back answer like the texts.

use super::*;

// ------------------------------------------------------------ saved graphs

/// Nodes and edges of a graph, the statements without their sentence
/// context (which node-link JSON does not carry).
fn without_context(g: &QuoteGraph) -> (Vec<Node>, Vec<(String, String, Edge)>) {
    let nodes = g
        .nodes()
        .map(|n| {
            let mut n = n.clone();
            if let NodeData::Statement(s) = &mut n.data {
                s.context = None;
            }
            n
        })
        .collect();
    let edges = g
        .edges()
        .map(|e| (e.from.id.clone(), e.to.id.clone(), e.edge.clone()))
        .collect();
    (nodes, edges)
}

#[test]
fn saved_ron_and_json_graphs_answer_like_the_texts() {
    let g = fixtures();
    // texts give their statements a sentence context, as `graph` does
    assert!(g
        .nodes_of_kind(NodeKind::Statement)
        .all(|n| n.statement().unwrap().context.is_some()));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("query_saved");
    std::fs::create_dir_all(&dir).unwrap();
    for f in [Format::Ron, Format::Json] {
        let path = dir.join(f.default_file_name());
        f.exporter().write_path(g, &path).unwrap();
        let back = query::load(&[path.to_str().unwrap()]).unwrap();
        if f == Format::Ron {
            assert_eq!(&back, g, "{f}");
        } else {
            assert_eq!(without_context(&back), without_context(g), "{f}");
        }
        assert_eq!(
            query::who_said(&back, "velsen").unwrap(),
            query::who_said(g, "velsen").unwrap()
        );
    }
    // one saved graph at a time
    let two = [
        dir.join("graph.ron").display().to_string(),
        dir.join("graph.json").display().to_string(),
    ];
    assert!(query::load(&two).is_err());
    // texts given with a saved graph are added to it
    let ron = dir.join("graph.ron").display().to_string();
    at_root();
    let more = query::load(&[ron.as_str(), FOUNDING]).unwrap();
    assert_eq!(
        more.nodes_of_kind(NodeKind::Document).count(),
        g.nodes_of_kind(NodeKind::Document).count() + 1
    );
}
