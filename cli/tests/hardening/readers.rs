//! `graph`, `build` and `query` read texts as `extract` does.

use super::*;

// ---- graph, build and query read texts as extract does ----

/// A Latin-1 file, a good one and one of 2 KB, in `dir`.
fn mixed_inputs(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let latin1 = dir.join("latin1.txt");
    let mut bytes = b"Caf\xe9 owners were angry.\n\n".to_vec();
    bytes.extend_from_slice("“We are ready,” Anna Berg said.\n".as_bytes());
    std::fs::write(&latin1, &bytes).unwrap();
    let a = dir.join("a.txt");
    std::fs::write(&a, "“The talks will resume,” Carla Dumont said.\n").unwrap();
    let big = dir.join("big.txt");
    std::fs::write(&big, GOOD.repeat(2048 / GOOD.len() + 1)).unwrap();
    (latin1, a, big)
}

/// The documents of a node-link JSON graph.
fn graph_docs(json: &str) -> Vec<String> {
    let g: Value = serde_json::from_str(json).expect("node-link JSON");
    let mut docs: Vec<String> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "document")
        .map(|n| n["path"].as_str().unwrap().to_string())
        .collect();
    docs.sort();
    docs
}

#[test]
fn graph_build_and_query_read_texts_as_extract_does() {
    let d = tmp();
    let (latin1, a, big) = mixed_inputs(d.path());
    let paths = [&latin1, &a, &big].map(|p| p.to_str().unwrap());
    let name = |p: &Path| p.display().to_string();

    // Latin-1: a warning naming the offset, the text still in the graph;
    // over --max-doc-bytes: an error, skipped; the rest in the graph
    let mut args = vec!["graph", "--format", "json", "--max-doc-bytes", "1K"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a), name(&latin1)]);
    let w = o.line_with("latin1.txt");
    assert!(
        w.starts_with("quotegraph: warning: ") && w.contains("offset 3"),
        "{w}"
    );
    let e = o.line_with("big.txt");
    assert!(
        e.starts_with("quotegraph: error: ") && e.contains("--max-doc-bytes 1024"),
        "{e}"
    );
    assert!(
        o.stdout.contains("\"speaker_text\":\"Anna Berg\""),
        "{}",
        o.stdout
    );

    // without a problem that skips something: exit 0, warnings allowed
    let o = qg(&["graph", "--format", "json", paths[0], paths[1]]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a), name(&latin1)]);

    // --strict: invalid UTF-8 is an error and the file is skipped
    let o = qg(&["graph", "--format", "json", "--strict", paths[0], paths[1]]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(graph_docs(&o.stdout), [name(&a)]);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));

    // build and query take the same flags and report the same way
    let out = d.path().join("out");
    let mut args = vec!["build", "-o", out.to_str().unwrap(), "--strict"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));
    let jsonl = std::fs::read_to_string(out.join("extractions.jsonl")).unwrap();
    assert_eq!(jsonl.lines().count(), 2, "a.txt and big.txt (under 16 MiB)");

    let mut args = vec!["query", "top-speakers", "--max-doc-bytes", "1K"];
    args.extend(paths);
    let o = qg(&args);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.contains("Anna Berg") && o.stdout.contains("Carla Dumont"));
    assert!(o.line_with("latin1.txt").contains("warning"));
    assert!(o.line_with("big.txt").contains("--max-doc-bytes"));
    let o = qg(&[
        "query",
        "mention-network",
        "--strict",
        "--format",
        "json",
        paths[0],
        paths[1],
    ]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.line_with("latin1.txt").contains("(--strict)"));
}

#[test]
fn hundred_megabytes_without_a_newline_at_the_default_limit() {
    const SIZE: u64 = 100_000_000;
    let d = tmp();
    // text at the start, then a hole: 100 MB on paper, no time to write
    let p = d.path().join("giant.txt");
    let f = std::fs::File::create(&p).unwrap();
    (&f).write_all(GOOD.replace('\n', " ").repeat(1000).as_bytes())
        .unwrap();
    f.set_len(SIZE).unwrap();
    drop(f);
    let small = good(d.path(), "small.txt");
    let limit = format!("--max-doc-bytes {}", 16 << 20);
    for cmd in ["extract", "graph"] {
        let started = std::time::Instant::now();
        let o = match cmd {
            "extract" => extract(&[&p, &small], &[]),
            _ => qg(&[
                "graph",
                "--format",
                "json",
                p.to_str().unwrap(),
                small.to_str().unwrap(),
            ]),
        };
        let secs = started.elapsed().as_secs_f64();
        assert_eq!(o.code, 1, "{cmd}: {}", o.stderr);
        let line = o.line_with("giant.txt");
        assert!(
            line.contains(&format!("document of {SIZE} bytes")) && line.contains(&limit),
            "{cmd}: {line}"
        );
        assert_eq!(o.stderr.lines().count(), 1 + usize::from(cmd == "graph"));
        let docs = match cmd {
            "extract" => o.docs(),
            _ => graph_docs(&o.stdout),
        };
        assert_eq!(docs, [small.display().to_string()], "{cmd}");
        // skipped before a byte of it is read
        assert!(secs < 10.0, "{cmd} took {secs:.1} s");
        eprintln!("{cmd}: 100 MB file skipped, the other extracted, in {secs:.2} s");
    }

    // from stdin the size is not known up front: reading stops at the limit
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "jsonl", "-", small.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut w = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        let chunk = GOOD.replace('\n', " ").repeat(4096);
        let mut sent = 0u64;
        while sent < SIZE {
            if w.write_all(chunk.as_bytes()).is_err() {
                break; // quotegraph stopped reading
            }
            sent += chunk.len() as u64;
        }
        sent
    });
    let out = child.wait_with_output().unwrap();
    let sent = feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .starts_with("quotegraph: error: -: document is larger than --max-doc-bytes 16777216"),
        "{stderr}"
    );
    assert!(sent < SIZE, "stdin was read to the end ({sent} bytes)");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with(&format!("{{\"doc\":\"{}\"", small.display())));
}
