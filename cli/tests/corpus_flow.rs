//! A news corpus (JSONL articles with id, date, outlet and URL, gzipped,
//! in a directory) through every command, as issue 19 asks: the same
//! input options as `extract`, the corpus's dates, no empty graph that
//! looks like success, saved graphs loaded (and other formats refused).

mod common;

use common::{qg, s};

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir(name: &str) -> PathBuf {
    common::scratch("corpus_flow", name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `quotegraph build data/articles` into `d/built`, which it returns.
fn built_articles(d: &Path) -> PathBuf {
    let b = d.join("built");
    let o = qg(&["build", "data/articles", "-o", s(&b)]);
    assert!(o.status.success(), "{}", stderr(&o));
    b
}

/// The bundled articles as a gzipped JSONL corpus in `d/news/`, the text
/// in `field`, each with an id, a date of its own (2030-01-DD, not any
/// dateline's), an outlet and a URL.
fn news(d: &Path, field: &str) -> PathBuf {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/articles");
    let mut names: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let news = d.join("news");
    std::fs::create_dir_all(&news).unwrap();
    let f = std::fs::File::create(news.join("part-0.jsonl.gz")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(f, flate2::Compression::fast());
    for (i, p) in names.iter().enumerate() {
        let line = serde_json::json!({
            "id": format!("art{i}"),
            field: std::fs::read_to_string(p).unwrap(),
            "date": format!("2030-01-{:02}", i + 1),
            "outlet": "Example Times",
            "url": format!("https://example.org/{i}"),
        });
        writeln!(gz, "{line}").unwrap();
    }
    gz.finish().unwrap();
    news
}

fn count(g: &serde_json::Value, kind: &str) -> usize {
    g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .count()
}

#[test]
fn graph_build_and_query_read_a_jsonl_corpus_as_extract_does() {
    let d = dir("flow");
    let news = news(&d, "body");
    let out = d.join("g.json");
    let o = qg(&["graph", s(&news), "--text-field", "body", "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(count(&g, "statement") > 50, "{}", stderr(&o));
    // every document is named by its id, not by the file
    let docs: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "document")
        .map(|n| n["path"].as_str().unwrap())
        .collect();
    assert!(docs.iter().all(|p| p.starts_with("art")), "{docs:?}");

    let b = d.join("built");
    let o = qg(&["build", s(&news), "--text-field", "body", "-o", s(&b)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(b.join("graph.json").exists());

    let gz = news.join("part-0.jsonl.gz");
    let o = qg(&["query", "top-speakers", "--text-field", "body", s(&gz)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Sergey Lavrov"));
}

#[test]
fn a_corpus_date_dates_its_documents_ahead_of_the_dateline() {
    let d = dir("dates");
    let news = news(&d, "text");
    let o = qg(&["query", "timeline", "--format", "json", s(&news)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let days: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dates: Vec<&str> = days
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap_or("-"))
        .collect();
    assert!(!dates.is_empty());
    assert!(
        dates.iter().all(|d| d.starts_with("2030-01-")),
        "every document carries its corpus date: {dates:?}"
    );
}

#[test]
fn no_statements_from_nonempty_input_is_an_error_that_keeps_the_old_output() {
    let d = dir("empty");
    let news = news(&d, "body");
    let out = d.join("g.json");
    std::fs::write(&out, "old").unwrap();
    // the text is in `body`, but the default --text-field is `text`
    let o = qg(&["graph", s(&news), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    // a text without a single attribution
    let quiet = d.join("quiet.txt");
    std::fs::write(
        &quiet,
        "Rain fell on the city all day. The river rose by a metre.\n",
    )
    .unwrap();
    let o = qg(&["graph", s(&quiet), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no attributions found in 1 document"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old");
    let b = d.join("built");
    let o = qg(&["build", s(&quiet), "-o", s(&b)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!b.join("graph.json").exists());
}

#[test]
fn query_loads_the_snapshot_build_wrote_with_the_same_answers() {
    let d = dir("snapshot");
    let b = built_articles(&d);
    let snap = b.join("graph.qgs");
    let from_texts = qg(&["query", "top-speakers", "-n", "0", "data/articles"]);
    assert!(from_texts.status.success(), "{}", stderr(&from_texts));
    for saved in [
        snap.as_path(),
        b.as_path(),
        &b.join("graph.json"),
        &b.join("graph.ron"),
    ] {
        let o = qg(&["query", "top-speakers", "-n", "0", s(saved)]);
        assert!(o.status.success(), "{saved:?}: {}", stderr(&o));
        assert_eq!(o.stdout, from_texts.stdout, "{saved:?}");
    }
    // the snapshot is the same graph as the RON export (both keep every
    // field, sentence contexts included)
    let bytes = std::fs::read(&snap).unwrap();
    let g = quotegraph::snapshot::read(&bytes).unwrap();
    let ron = std::fs::read_to_string(b.join("graph.ron")).unwrap();
    assert!(g == quotegraph::export::read_ron(&ron).unwrap());
    // a damaged snapshot is an error naming the file, not a panic
    let bad = d.join("bad.qgs");
    std::fs::write(&bad, &bytes[..bytes.len() / 2]).unwrap();
    let o = qg(&["query", "top-speakers", s(&bad)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("bad.qgs"), "{}", stderr(&o));
}

#[test]
fn query_refuses_graph_exports_it_cannot_read() {
    let d = dir("refuse");
    let b = built_articles(&d);
    for f in [
        "graph.graphml",
        "graph.gexf",
        "graph.dot",
        "graph.ttl",
        "graph.cypher",
    ] {
        let o = qg(&["query", "who-said", "Lavrov", s(&b.join(f))]);
        assert_eq!(o.status.code(), Some(2), "{f}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("cannot be queried") && e.contains(f), "{f}: {e}");
    }
}

#[test]
fn who_said_a_surname_two_people_share_lists_both() {
    let d = dir("harris");
    std::fs::write(
        d.join("a.txt"),
        "Senator Mira Calloway spoke on Monday. \"The bridge will be rebuilt,\" Calloway said.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("b.txt"),
        "\"Taxes will not rise,\" said Dean Calloway, the city treasurer.\n",
    )
    .unwrap();
    let o = qg(&["query", "who-said", "Calloway", s(&d)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(
        e.contains("ambiguous") && e.contains("Mira Calloway") && e.contains("Dean Calloway"),
        "{e}"
    );
    // a full name is not ambiguous
    let o = qg(&["query", "who-said", "Dean Calloway", s(&d)]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn tables_escape_control_characters_and_count_one_attribution() {
    let d = dir("table");
    let name = d.join("evil\nname\u{1b}[31m.txt");
    std::fs::write(
        &name,
        "\"We are \u{1b}]0;owned\u{7} ready \u{1b}[2J to talk,\" Lavrov said.\n",
    )
    .unwrap();
    let o = qg(&["extract", "-f", "table", s(&name)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(out.contains("(1 attribution)"), "{out}");
    // the header is one line, whatever the id holds
    assert!(
        out.lines().next().unwrap().ends_with("(1 attribution)"),
        "{out}"
    );
}

#[test]
fn jobs_are_bounded() {
    let t = std::time::Instant::now();
    let o = qg(&["extract", "-j", "65535", "data/articles"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("256"), "{}", stderr(&o));
    assert!(t.elapsed().as_secs() < 10);
}

#[test]
fn output_onto_a_fifo_device_or_symlink_never_replaces_it() {
    use std::os::unix::fs::FileTypeExt;
    let d = dir("special");
    let fifo = d.join("fifo");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let o = qg(&["extract", "data/articles", "-o", s(&fifo)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("FIFO"), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    let o = qg(&["graph", "data/articles", "-f", "dot", "-o", s(&fifo)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());

    // a link: the file it leads to is written, the link stays a link
    let real = d.join("real.jsonl");
    std::fs::write(&real, "old").unwrap();
    let link = d.join("link.jsonl");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let o = qg(&["extract", "data/articles", "-o", s(&link)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("attributions"));

    // /dev/null (as root, renaming over it would destroy it)
    let o = qg(&["extract", "data/articles", "-o", "/dev/null"]);
    assert_ne!(o.status.code(), Some(0));
    let m = std::fs::symlink_metadata("/dev/null").unwrap();
    assert!(
        m.file_type().is_char_device(),
        "/dev/null is still a device"
    );
}

#[test]
fn every_input_skipped_keeps_the_old_output() {
    let d = dir("skipped");
    let out = d.join("out.jsonl");
    std::fs::write(&out, "old\n").unwrap();
    let o = qg(&["extract", "data/artcles", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
    let o = qg(&["graph", "data/artcles", "-f", "json", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n");
}

#[test]
fn records_around_a_bad_line_or_a_truncated_gz_are_kept() {
    let d = dir("records");
    let jsonl = d.join("x.jsonl");
    let o = qg(&["extract", "data/articles", "-f", "jsonl", "-o", s(&jsonl)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let good = std::fs::read_to_string(&jsonl).unwrap();
    let n = good.lines().count();
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(n / 2, "{\"doc\": broken");
    let bad = d.join("bad.jsonl");
    std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    let out = d.join("g.json");
    let o = qg(&["graph", "--from-jsonl", s(&bad), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!("bad.jsonl:{}", n / 2 + 1)),
        "{}",
        stderr(&o)
    );
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(
        count(&g, "document"),
        n,
        "every good record is in the graph"
    );

    // a .gz cut short: the records before the cut are kept
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(good.as_bytes()).unwrap();
    let bytes = gz.finish().unwrap();
    let cut = d.join("cut.jsonl.gz");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let o = qg(&["graph", "--from-jsonl", s(&cut), "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert!(count(&g, "document") > 0, "{}", stderr(&o));
}

#[test]
fn extract_without_a_path_reads_a_pipe_on_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .args(["extract", "-f", "jsonl"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("\"We are ready to talk,\" Lavrov said.\n".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let rec: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rec["doc"], "-");
    assert_eq!(rec["attributions"].as_array().unwrap().len(), 1);
}

/// Issue 19: a record's `outlet` (else its `url`'s host) is the document's
/// publisher, ahead of the wire service a dateline names.
#[test]
fn a_corpus_outlet_or_url_host_is_the_documents_publisher() {
    let d = dir("publisher");
    let text = "LONDON, March 3 (Reuters) - \"The bridge will reopen in May,\" \
                Mayor Ann Lee told reporters on Tuesday.\n";
    let lines = [
        serde_json::json!({"id": "a", "text": text, "outlet": "Harbour Gazette"}),
        serde_json::json!({"id": "b", "text": text, "url": "https://www.coastnews.example:443/story?id=2"}),
        serde_json::json!({"id": "c", "text": text}),
    ];
    let corpus = d.join("news.jsonl");
    let body: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    std::fs::write(&corpus, body.join("\n") + "\n").unwrap();
    let out = d.join("g.json");
    let o = qg(&["graph", s(&corpus), "-o", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let publisher = |id: &str| {
        let nodes = g["nodes"].as_array().unwrap();
        let n = nodes
            .iter()
            .find(|n| n["id"] == format!("document:{id}"))
            .unwrap();
        n.get("publisher")
            .and_then(|p| p.as_str())
            .map(str::to_string)
    };
    assert_eq!(publisher("a").as_deref(), Some("Harbour Gazette"));
    assert_eq!(publisher("b").as_deref(), Some("coastnews.example"));
    assert_eq!(publisher("c"), None);
    // a claim's reports name each document's outlet: the publisher, else
    // the dateline's wire service
    let o = qg(&["query", "claims", "--format", "json", s(&out)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let claims: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut outlets: Vec<&str> = claims[0]["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outlet"].as_str().unwrap())
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["Harbour Gazette", "Reuters", "coastnews.example"]);
}

/// README's corpus walkthrough builds a big corpus with `--formats`: the
/// snapshot and the records always, the chosen exports, nothing stale.
#[test]
fn build_writes_only_the_formats_asked_for_and_queries_still_answer() {
    let d = dir("formats");
    let b = built_articles(&d);
    assert!(b.join("graph.dot").exists() && b.join("neo4j").exists());
    let o = qg(&[
        "build",
        "data/articles",
        "--formats",
        "gexf,html",
        "-o",
        s(&b),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&b)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["extractions.jsonl", "graph.gexf", "graph.html", "graph.qgs"]
    );
    assert!(stderr(&o).contains("removed"), "{}", stderr(&o));
    // the HTML explorer still shows the sentences: the graph kept them
    let html = std::fs::read_to_string(b.join("graph.html")).unwrap();
    assert!(html.contains("Lavrov"), "no statements in the page");
    let o = qg(&["query", "who-said", "Lavrov", s(&b)]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Lavrov"));
    let o = qg(&["build", "data/articles", "--formats", "xml", "-o", s(&b)]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}
