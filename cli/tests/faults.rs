//! Issue 19's faults under hostile input, each reproduced through the
//! built binary: corrupt gzip members, the same document twice, two runs
//! writing one CSV directory, control characters in every human-readable
//! output, a full disk on stdout, and the smaller ones (lone surrogates,
//! CR-only JSONL, a misspelled --id-field, malformed .ann lines, a NUL
//! byte deep in a file).

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{article_count, qg, s};

fn dir(name: &str) -> PathBuf {
    common::scratch("faults", name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn lines(from: usize, to: usize) -> String {
    (from..to)
        .map(|i| format!("{{\"id\":\"d{i}\",\"text\":\"Anna Berg said the plan {i} works.\"}}\n"))
        .collect()
}

#[test]
fn a_corrupt_gzip_member_never_becomes_records_and_its_error_comes_first() {
    let d = dir("gzip");
    let first = gz(lines(0, 10).as_bytes());
    // the second member decodes, but its checksum is wrong: its 2,000
    // lines must not become records
    let mut bad = gz(lines(10, 2010).as_bytes());
    let n = bad.len();
    bad[n - 8] ^= 0xff;
    let mut bytes = first.clone();
    bytes.extend_from_slice(&bad);
    bytes.extend_from_slice(&gz(lines(2010, 2020).as_bytes()));
    let f = d.join("news.jsonl.gz");
    std::fs::write(&f, bytes).unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
        .collect();
    assert_eq!(ids.len(), 20, "only the good members' records");
    let err = stderr(&o);
    let first_line = err.lines().next().unwrap();
    assert!(
        first_line.contains(&format!(
            "corrupt gzip member #2 (it starts at compressed byte {}; error at byte ",
            first.len()
        )),
        "{err}"
    );
    assert!(!err.contains("more problems not shown"), "{err}");
}

#[test]
fn the_same_file_twice_is_read_once() {
    let d = dir("same_file");
    let a = "data/articles/000_lavrov_carlson_tass.txt";
    let link = d.join("link.txt");
    std::os::unix::fs::symlink(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../data/articles/000_lavrov_carlson_tass.txt"
        ),
        &link,
    )
    .unwrap();
    // two spellings, a link, and the file's directory
    let o = qg(&[
        "extract",
        "-f",
        "jsonl",
        a,
        "./data/articles/000_lavrov_carlson_tass.txt",
        s(&link),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    assert_eq!(
        stderr(&o).matches("(given twice); read once").count(),
        2,
        "{}",
        stderr(&o)
    );
    let o = qg(&["extract", "-f", "jsonl", "data/articles", a]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), article_count());

    // the same directory twice: graph, build and query read it once
    let o = qg(&["graph", "-f", "json", "data/articles", "data/articles"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let n = article_count();
    let once = format!("data/articles: {n} of its {n} files were already given");
    assert!(stderr(&o).contains(&once), "{}", stderr(&o));
    let out = d.join("out");
    let o = qg(&["build", "-o", s(&out), "data/articles", "./data/articles"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = qg(&["query", "top-speakers", "data/articles", "data/articles/"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn a_repeated_document_id_is_reported_once_and_skipped_everywhere() {
    let d = dir("same_id");
    let f = d.join("news.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"x\",\"text\":\"Anna Berg said the plan fails.\"}\n\
         {\"id\":\"x\",\"text\":\"Bo Li said the plan works.\"}\n\
         {\"id\":\"y\",\"text\":\"Bo Li said the plan works.\"}\n",
    )
    .unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o).lines().count(), 2);
    assert_eq!(
        stderr(&o).matches("document `x` was already read").count(),
        1,
        "{}",
        stderr(&o)
    );
    // graph, build and query: the graph is built (not aborted), exit 1
    let o = qg(&["graph", "-f", "json", s(&f)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let g: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let docs = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "document")
        .count();
    assert_eq!(docs, 2);
    let out = d.join("out");
    let o = qg(&["build", "-o", s(&out), s(&f)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out.join("graph.qgs").is_file());
    let o = qg(&["query", "top-speakers", s(&f)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("Anna Berg"));

    // records given twice, or documents already in the saved graph
    let recs = d.join("recs.jsonl");
    let o = qg(&["extract", "-f", "jsonl", "-o", s(&recs), "data/articles"]);
    assert!(o.status.success());
    let o = qg(&["graph", "--from-jsonl", "-f", "json", s(&recs), s(&recs)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("(given twice); read once"));
    let built = d.join("built");
    assert!(qg(&["build", "-o", s(&built), "data/articles"])
        .status
        .success());
    let o = qg(&["query", "top-speakers", s(&built), s(&recs)]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is already in the saved graph"),
        "{}",
        stderr(&o)
    );
    assert!(
        !stderr(&o).contains("already in the graph\""),
        "{}",
        stderr(&o)
    );
}

/// A file in `d` whose name starts with `prefix` and ends in `.tmp`?
fn has_tmp(d: &Path, prefix: &str) -> bool {
    std::fs::read_dir(d).unwrap().any(|e| {
        let n = e.unwrap().file_name().to_string_lossy().into_owned();
        n.starts_with(prefix) && n.ends_with(".tmp")
    })
}

#[test]
fn a_csv_directory_is_replaced_as_a_whole_while_another_run_writes_it() {
    use std::os::fd::AsRawFd;
    let d = dir("csv_turns");
    let out = d.join("csv");
    std::fs::create_dir_all(&out).unwrap();
    // another run is renaming its files into the directory: it holds the
    // directory's lock
    let held = std::fs::File::open(&out).unwrap();
    assert_eq!(unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX) }, 0);
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotegraph"))
        .args(["graph", "-f", "csv", "-o", s(&out), "data/articles"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while !has_tmp(&out, ".relationships.csv") {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended without waiting its turn"
        );
        assert!(started.elapsed().as_secs() < 120, "no staged files");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    // both files staged, neither renamed while the other run has its turn
    assert!(!out.join("nodes.csv").exists());
    assert!(!out.join("relationships.csv").exists());
    drop(held);
    assert!(child.wait().unwrap().success());
    assert!(out.join("nodes.csv").is_file() && out.join("relationships.csv").is_file());
}

#[test]
fn control_characters_are_escaped_in_query_tables_and_messages() {
    let d = dir("controls");
    let f = d.join("news.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\\u001b]0;pwned\\u0007\\nb\",\"text\":\"The plan will fail this year, Anna Berg said.\"}\n",
    )
    .unwrap();
    for q in [
        vec!["query", "who-said", "Anna Berg", s(&f)],
        vec!["query", "top-speakers", s(&f)],
        vec!["query", "timeline", s(&f)],
    ] {
        let o = qg(&q);
        let out = stdout(&o);
        assert!(o.status.success(), "{q:?}: {}", stderr(&o));
        assert!(
            !out.contains('\x1b') && !out.contains('\x07'),
            "{q:?}: {out:?}"
        );
    }
    let o = qg(&["query", "who-said", "Ghost\x1b[2J", s(&f)]);
    assert!(!o.status.success());
    assert!(!stderr(&o).contains('\x1b'), "{:?}", stderr(&o));
    // an id in an error message
    let dup = d.join("dup.jsonl");
    std::fs::write(
        &dup,
        format!("{0}{0}", std::fs::read_to_string(&f).unwrap()),
    )
    .unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&dup)]);
    assert!(stderr(&o).contains("already read"), "{}", stderr(&o));
    assert!(
        !stderr(&o).contains('\x1b') && stderr(&o).lines().count() == 1,
        "{:?}",
        stderr(&o)
    );
}

#[test]
fn a_full_disk_on_stdout_is_exit_1_not_a_usage_error() {
    for args in [
        vec!["graph", "-f", "json", "data/articles"],
        vec!["query", "top-speakers", "data/articles"],
        vec!["extract", "-f", "jsonl", "data/articles"],
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_quotegraph"))
            .args(&args)
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .stdout(
                std::fs::OpenOptions::new()
                    .write(true)
                    .open("/dev/full")
                    .unwrap(),
            )
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("No space left"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn smaller_ones_surrogates_cr_only_lines_id_field_nul() {
    let d = dir("smaller");
    // a lone surrogate, as Python's json.dumps writes it: U+FFFD, a warning
    let f = d.join("sur.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"s\",\"text\":\"The plan \\ud800 will fail this year, Bo Li said.\"}\n",
    )
    .unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("1 lone UTF-16 surrogate escape"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("The plan \u{fffd} will fail"),
        "{}",
        stdout(&o)
    );
    let o = qg(&["extract", "--strict", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(1));

    // CR-only line ends: two records, not one broken line
    let f = d.join("cr.jsonl");
    std::fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"Anna Berg said the plan fails.\"}\r{\"id\":\"b\",\"text\":\"Bo Li said it rains.\"}\r",
    )
    .unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2);

    // a misspelled --id-field says so
    let o = qg(&["extract", "-f", "jsonl", "--id-field", "idd", s(&f)]);
    assert!(
        stderr(&o).contains("no line has the field \"idd\" (see --id-field)"),
        "{}",
        stderr(&o)
    );

    // a NUL byte deep in a file is binary, as one early is
    let f = d.join("nul.txt");
    let mut text = "Anna Berg said the plan fails. ".repeat(400).into_bytes();
    let at = text.len();
    text.push(0);
    text.extend_from_slice(b" Bo Li said it rains.");
    std::fs::write(&f, text).unwrap();
    let o = qg(&["extract", "-f", "jsonl", s(&f)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains(&format!("NUL byte at offset {at}")),
        "{}",
        stderr(&o)
    );
}

#[test]
fn eval_reports_malformed_ann_lines_and_spans_outside_the_text() {
    let d = dir("eval_ann");
    std::fs::create_dir_all(d.join("text")).unwrap();
    std::fs::create_dir_all(d.join("attributions")).unwrap();
    std::fs::write(d.join("text/a.txt"), "Anna Berg said the plan fails.").unwrap();
    std::fs::write(
        d.join("attributions/a.ann"),
        "T1\tContent 15 29\tthe plan fails\nT2\tCue 10 99\tsaid\nT3 Source zero\nE1\tAttribution:T1 Content:T1 Cue:T2\n",
    )
    .unwrap();
    let o = qg(&["eval", "--gold", s(&d)]);
    let err = stderr(&o);
    assert!(
        err.contains("a.ann: 1 malformed T/E line (line 3)"),
        "{err}"
    );
    assert!(err.contains("cue or source span outside the text"), "{err}");
}

#[test]
fn tables_show_whole_texts_with_wide() {
    let a = "data/articles/000_lavrov_carlson_tass.txt";
    let fixed = stdout(&qg(&["extract", "-f", "table", a]));
    assert!(fixed.contains('…'));
    let wide = qg(&["extract", "--wide", "-f", "table", a]);
    assert!(wide.status.success());
    let wide = stdout(&wide);
    assert!(!wide.contains('…'), "{wide}");
    let longest = wide.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(longest > 160, "{longest}");
    let q = stdout(&qg(&["--wide", "query", "who-said", "Sergey Lavrov", a]));
    assert!(!q.contains('…'), "{q}");
}
