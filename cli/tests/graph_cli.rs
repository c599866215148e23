//! `quotegraph graph` and `quotegraph build` from the command line, and
//! cross-document merging on the bundled articles.

mod common;

use common::{qg, s};

use std::path::{Path, PathBuf};

use quotegraph::graph::{EdgeKind, NodeKind};
use quotegraph::{corpus, Extractor, QuoteGraph};

fn dir(name: &str) -> PathBuf {
    common::scratch("graph_cli", name)
}

#[test]
fn graph_from_texts_equals_graph_from_extract_jsonl() {
    let d = dir("jsonl");
    let direct = qg(&["graph", "data/articles", "--format", "json"]);
    assert!(direct.status.success(), "{direct:?}");
    let stderr = String::from_utf8_lossy(&direct.stderr);
    assert!(
        stderr.starts_with("quotegraph: graph: ")
            && stderr.contains(" nodes (")
            && stderr.contains(" said"),
        "{stderr}"
    );
    let ex = qg(&["extract", "data/articles", "--format", "jsonl"]);
    assert!(ex.status.success());
    let jsonl = d.join("x.jsonl");
    std::fs::write(&jsonl, &ex.stdout).unwrap();
    let via = qg(&["graph", "--from-jsonl", s(&jsonl), "--format", "json"]);
    assert!(via.status.success(), "{via:?}");
    assert_eq!(direct.stdout, via.stdout);

    // a directory of shards, as Spark writes them: plain and gzipped
    // JSONL read in name order, other files (_SUCCESS) ignored
    let shards = d.join("shards");
    std::fs::create_dir_all(&shards).unwrap();
    let text = String::from_utf8(ex.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let half = lines.len() / 2;
    std::fs::write(
        shards.join("part-00000.jsonl"),
        lines[..half].join("\n") + "\n",
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, (lines[half..].join("\n") + "\n").as_bytes()).unwrap();
    std::fs::write(shards.join("part-00001.jsonl.gz"), gz.finish().unwrap()).unwrap();
    std::fs::write(shards.join("_SUCCESS"), "").unwrap();
    let from_dir = qg(&["graph", "--from-jsonl", s(&shards), "--format", "json"]);
    assert!(from_dir.status.success(), "{from_dir:?}");
    assert_eq!(direct.stdout, from_dir.stdout);
}

#[test]
fn output_extension_picks_the_format() {
    let d = dir("ext");
    for (file, start) in [
        ("g.graphml", "<?xml"),
        ("g.gexf", "<?xml"),
        ("g.dot", "digraph quotegraph {"),
        ("g.cyjs", "{"),
        ("g.ttl", "@prefix"),
        ("g.cypher", "// quotegraph"),
        ("g.ron", "("),
        ("g.html", "<!DOCTYPE html>"),
    ] {
        let out = d.join(file);
        let o = qg(&["graph", "data/articles", "-o", s(&out)]);
        assert!(o.status.success(), "{file}: {o:?}");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.starts_with(start), "{file}: {}", &text[..40]);
    }
    let o = qg(&[
        "graph",
        "data/articles",
        "-o",
        &format!("{}/", s(&d.join("neo4j"))),
    ]);
    assert!(o.status.success(), "{o:?}");
    let nodes = std::fs::read_to_string(d.join("neo4j/nodes.csv")).unwrap();
    assert!(nodes.starts_with("id:ID,:LABEL,"));
    let rels = std::fs::read_to_string(d.join("neo4j/relationships.csv")).unwrap();
    assert!(rels.starts_with(":START_ID,:END_ID,:TYPE,"));
}

/// The explorer page as the README tells users to write it: with
/// `--format html`, or picked by the `.html` extension; the same page either
/// way (the layout is seeded).
#[test]
fn html_page_from_the_command_line() {
    let d = dir("html");
    let named = d.join("graph.html");
    let o = qg(&[
        "graph",
        "data/articles/000_lavrov_carlson_tass.txt",
        "--format",
        "html",
        "-o",
        s(&named),
    ]);
    assert!(o.status.success(), "{o:?}");
    let by_ext = d.join("x.html");
    let o = qg(&[
        "graph",
        "data/articles/000_lavrov_carlson_tass.txt",
        "-o",
        s(&by_ext),
    ]);
    assert!(o.status.success(), "{o:?}");
    let page = std::fs::read_to_string(&named).unwrap();
    assert_eq!(page, std::fs::read_to_string(&by_ext).unwrap());
    assert!(page.starts_with("<!DOCTYPE html>\n"), "{}", &page[..40]);
    // self-contained: a policy that forbids any fetch, and no reference to
    // anything outside the file
    assert!(
        page.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#)
    );
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    assert!(page.contains("<title>quotegraph: 000_lavrov_carlson_tass.txt</title>"));
    assert!(page.contains(r#"<script type="application/json" id="data">"#));
    assert!(page.contains("person:sergey-lavrov"));
    assert!(page.trim_end().ends_with("</html>"));
}

#[test]
fn unusable_formats_are_errors() {
    let d = dir("errors");
    let o = qg(&["graph", "data/articles", "-o", s(&d.join("g.png"))]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format"));
    let o = qg(&["graph", "data/articles", "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("directory"));
    let o = qg(&["graph", "data/articles"]);
    assert_eq!(o.status.code(), Some(2));
    let o = qg(&["graph", "data/articles", "--format", "png"]);
    assert_eq!(o.status.code(), Some(2));
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, "{\"doc\": 1}\n").unwrap();
    let o = qg(&["graph", "--from-jsonl", s(&bad), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl") && err.contains("line 1"), "{err}");
}

#[test]
fn a_write_error_names_its_cause_once() {
    // a file where the output's directory should be
    let d = dir("write_error");
    let file = d.join("afile");
    std::fs::write(&file, "x").unwrap();
    let target = file.join("sub").join("g.dot");
    let o = qg(&["graph", "data/articles", "-o", s(&target)]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    let cause = std::io::Error::from_raw_os_error(20).to_string(); // ENOTDIR
    let line = err.lines().last().unwrap_or_default();
    // the unusable -o location is found before any work is done
    assert!(line.starts_with("quotegraph: error: "), "{err}");
    assert!(line.contains(s(&file)), "{err}");
    assert_eq!(line.matches(&cause).count(), 1, "{err}");
}

#[test]
fn a_directory_given_for_one_file_is_refused_before_any_work() {
    let d = dir("dir_as_file");
    for args in [
        vec!["graph", "data/articles", "--format", "dot", "-o", s(&d)],
        vec![
            "query",
            "ego",
            "Lavrov",
            "data/articles",
            "-f",
            "dot",
            "-o",
            s(&d),
        ],
    ] {
        let o = qg(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        // the usage error alone: no graph was built
        assert_eq!(
            err,
            format!(
                "quotegraph: error: cannot write {}: is a directory\n",
                s(&d)
            ),
            "{args:?}"
        );
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 0, "{args:?}");
    }
}

#[test]
fn build_writes_everything_and_tells_who_said_what() {
    let d = dir("build");
    let o = qg(&["build", "data/articles", "-o", s(&d)]);
    assert!(o.status.success(), "{o:?}");
    for f in [
        "extractions.jsonl",
        "graph.dot",
        "graph.graphml",
        "graph.gexf",
        "graph.json",
        "graph.cyjs",
        "graph.cypher",
        "graph.ron",
        "graph.ttl",
        "graph.html",
        "neo4j/nodes.csv",
        "neo4j/relationships.csv",
        "ladybug_schema.cypher",
    ] {
        let p = d.join(f);
        assert!(
            p.is_file() && p.metadata().unwrap().len() > 0,
            "{f} missing"
        );
    }
    let jsonl = std::fs::read_to_string(d.join("extractions.jsonl")).unwrap();
    let articles = std::fs::read_dir(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/..")).join("data/articles"),
    )
    .unwrap()
    .count();
    assert_eq!(jsonl.lines().count(), articles);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.starts_with("SPEAKER"), "{table}");
    assert!(table.contains("Lavrov"), "{table}");
}

/// The bundled articles name people in several ways; the graph must join
/// them, and keep apart the two Smiths.
#[test]
fn bundled_articles_merge_people_across_documents() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let paths = [root.join("data/articles").display().to_string()];
    let read = corpus::read(&paths, &corpus::Options::default(), &Extractor::default()).unwrap();
    assert!(read.problems.is_empty());
    let g = QuoteGraph::from_extractions(&read.records).unwrap();
    let people: Vec<_> = g.nodes_of_kind(NodeKind::Person).collect();
    let named = |needle: &str| -> Vec<&str> {
        people
            .iter()
            .filter(|n| {
                let e = n.entity().unwrap();
                e.name.contains(needle) || e.aliases.iter().any(|a| a.contains(needle))
            })
            .map(|n| n.id.as_str())
            .collect()
    };
    // "Lavrov", "Russian foreign minister Sergey Lavrov": one node, with
    // statements from both articles that name him
    assert_eq!(named("Lavrov"), ["person:sergey-lavrov"]);
    assert_eq!(named("Berg"), ["person:anna-berg"]);
    let docs = |id: &str| {
        let mut d: Vec<String> = g
            .neighbors(id, EdgeKind::Said, petgraph::Direction::Outgoing)
            .iter()
            .map(|st| st.statement().unwrap().doc.to_string())
            .collect();
        d.dedup();
        d.len()
    };
    assert_eq!(docs("person:sergey-lavrov"), 2);
    // 103 and 104 name the same Anna Berg ("Foreign Minister Anna Berg",
    // "Berg"); 001 has a union leader of the same full name, and equal full
    // names merge by design, so her node has statements from all three
    let berg_docs: Vec<String> = g
        .neighbors(
            "person:anna-berg",
            EdgeKind::Said,
            petgraph::Direction::Outgoing,
        )
        .iter()
        .map(|st| st.statement().unwrap().doc.to_string())
        .collect();
    assert!(
        berg_docs.iter().any(|d| d.contains("103_")),
        "{berg_docs:?}"
    );
    assert!(
        berg_docs.iter().any(|d| d.contains("104_")),
        "{berg_docs:?}"
    );
    // two Smiths, each called "Smith" later in their own article
    let mut smiths = named("Smith");
    smiths.sort();
    assert_eq!(smiths, ["person:jane-smith", "person:john-smith"]);
    assert_eq!(docs("person:jane-smith"), 1);
    assert_eq!(docs("person:john-smith"), 1);
}
