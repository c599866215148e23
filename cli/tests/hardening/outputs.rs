//! Exit codes, outputs written atomically (kept when a run fails or is
//! killed), closed pipes, and the same output for any thread count.

use super::*;

#[test]
fn usage_errors_exit_2() {
    assert_eq!(qg(&["extract"]).code, 2);
    assert_eq!(qg(&["extract", "--no-such-flag", "x"]).code, 2);
    assert_eq!(qg(&["extract", "-j", "0", "x"]).code, 2);
    assert_eq!(qg(&["extract", "--max-doc-bytes", "lots", "x"]).code, 2);
    assert_eq!(qg(&["frobnicate"]).code, 2);
    let o = qg(&["extract", "-o", "/nonexistent-dir/out.jsonl", "-"]);
    assert_eq!(o.code, 2);
    assert!(
        o.stderr.contains("/nonexistent-dir/out.jsonl"),
        "{}",
        o.stderr
    );
}

#[test]
fn output_file_is_written_atomically() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let out = d.path().join("out.jsonl");
    std::fs::write(&out, "previous\n").unwrap();
    let o = qg(&["extract", "-o", out.to_str().unwrap(), a.to_str().unwrap()]);
    assert_eq!((o.code, o.stdout.as_str()), (0, ""));
    let written = std::fs::read_to_string(&out).unwrap();
    let direct = extract(&[&a], &[]);
    assert_eq!(written, direct.stdout);
    let names: Vec<_> = std::fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
}

/// Run quotegraph with `args` + a generated 2,000-article JSONL file, read
/// the first line of its output, close the pipe (like `| head -1`) and
/// return the exit code, that line and stderr.
fn read_one_line_then_close(seed: u64, args: &[&str]) -> (Option<i32>, String, String) {
    let d = tmp();
    let p = d.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    for i in 0..2_000 {
        let a = common::synth::article(seed, i);
        f.write_all(common::synth::jsonl_line(&a).as_bytes())
            .unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let mut child = Command::new(BIN)
        .args(args)
        .arg(p.to_str().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // stdout is closed here, with megabytes still to write
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (status.code(), first, err)
}

#[test]
fn closed_pipe_ends_quietly() {
    let (code, first, err) = read_one_line_then_close(3, &["extract", "--format", "jsonl"]);
    assert!(first.starts_with("{\"doc\":\"doc-000000\""));
    assert_eq!((code, err.as_str()), (Some(0), ""));
}

#[test]
fn closed_pipe_ends_a_graph_export_quietly() {
    // the exporters report a failed write as quotegraph::Error::Io, which
    // holds its io::Error rather than chaining it
    let (code, first, err) = read_one_line_then_close(4, &["graph", "--format", "json"]);
    assert!(first.starts_with('{'), "{first}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(code, Some(0), "{err}");
    assert!(
        lines.len() == 1 && lines[0].starts_with("quotegraph: graph: "),
        "{err}"
    );
}

#[test]
fn the_same_output_for_any_thread_count() {
    let d = tmp();
    let p = d.path().join("c.jsonl");
    let mut s = String::new();
    for i in 0..300 {
        s.push_str(&common::synth::jsonl_line(&common::synth::article(9, i)));
    }
    std::fs::write(&p, s).unwrap();
    let one = extract(&[&p], &["-j", "1"]);
    let three = extract(&[&p], &["-j", "3"]);
    assert_eq!(one.code, 0);
    assert_eq!(one.stdout, three.stdout);
    assert_eq!(one.records().len(), 300);
}

// ---- atomic outputs ----

/// A corpus of synthetic articles, as text files.
fn corpus(dir: &Path, n: u64) -> PathBuf {
    let c = dir.join("corpus");
    std::fs::create_dir_all(&c).unwrap();
    for i in 0..n {
        let a = common::synth::article(21, i);
        std::fs::write(c.join(format!("{}.txt", a.id)), a.text).unwrap();
    }
    c
}

/// Every file under `dir` (relative path → content).
fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn is_temporary(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap();
    name.starts_with('.') && name.ends_with(".tmp")
}

/// Run quotegraph with files limited to `max_file` bytes (RLIMIT_FSIZE):
/// a write past it fails with EFBIG when `ignore` (SIGXFSZ ignored), or
/// kills the process with SIGXFSZ mid-write otherwise.
#[cfg(unix)]
fn run_with_file_limit(args: &[&str], max_file: u64, ignore: bool) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only async-signal-safe calls between fork and exec
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: max_file as libc::rlim_t,
                rlim_max: max_file as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if ignore {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            }
            Ok(())
        });
    }
    cmd.output().unwrap()
}

#[cfg(unix)]
#[test]
fn failed_and_killed_writes_keep_the_previous_output() {
    use std::os::unix::process::ExitStatusExt;
    let d = tmp();
    let c = corpus(d.path(), 60);
    let c = c.to_str().unwrap();
    let out = d.path().join("out");
    let o = |name: &str| out.join(name).display().to_string();
    let (dot, csv, graphml, table, ex) = (
        o("g.dot"),
        o("neo4j"),
        o("net.graphml"),
        o("net.txt"),
        o("e.jsonl"),
    );
    let build = o("build");
    let cases: Vec<Vec<&str>> = vec![
        vec!["graph", "--format", "dot", "-o", &dot, c],
        vec!["graph", "--format", "csv", "-o", &csv, c],
        vec![
            "query",
            "mention-network",
            "-f",
            "graphml",
            "-o",
            &graphml,
            c,
        ],
        vec!["query", "mention-network", "-f", "table", "-o", &table, c],
        vec!["extract", "-o", &ex, c],
        vec!["build", "-o", &build, c],
    ];
    for args in &cases {
        // a complete run, then every file it wrote marked as the old one
        std::fs::create_dir_all(&out).unwrap();
        let o = qg(args);
        assert_eq!(o.code, 0, "{args:?}: {}", o.stderr);
        let mut written = tree(&out);
        let largest = written.values().map(Vec::len).max().unwrap() as u64;
        assert!(
            largest > 1000,
            "{args:?}: {largest} bytes is too small a test"
        );
        for (rel, content) in written.iter_mut() {
            *content = format!("previous {rel}\n").into_bytes();
            std::fs::write(out.join(rel), &content).unwrap();
        }
        // a write fails halfway: exit 1, the old files, no temporary file
        let r = run_with_file_limit(args, largest / 2, true);
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("writing output"), "{args:?}: {stderr}");
        assert!(stderr.contains("too large"), "{args:?}: {stderr}");
        assert_eq!(tree(&out), written, "{args:?}: old files changed");
        // killed halfway through a write: the old files are still whole
        // (the temporary file of a process killed by SIGXFSZ stays)
        let r = run_with_file_limit(args, largest / 2, false);
        assert_eq!(r.status.signal(), Some(libc::SIGXFSZ), "{args:?}");
        let now = tree(&out);
        let kept: std::collections::BTreeMap<_, _> = now
            .iter()
            .filter(|(rel, _)| !is_temporary(rel))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(kept, written, "{args:?}: old files changed");
        std::fs::remove_dir_all(&out).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn signals_remove_temporary_files_and_keep_the_old_output() {
    use std::os::unix::process::ExitStatusExt;
    for sig in [libc::SIGTERM, libc::SIGINT, libc::SIGHUP] {
        let d = tmp();
        let out = d.path().join("e.jsonl");
        std::fs::write(&out, "previous\n").unwrap();
        // stdin stays open: the run waits with its temporary file created
        let mut child = Command::new(BIN)
            .args(["extract", "-o", out.to_str().unwrap(), "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(GOOD.as_bytes()).unwrap();
        let started = std::time::Instant::now();
        while !tree(d.path()).keys().any(|k| is_temporary(k)) {
            assert!(started.elapsed().as_secs() < 30, "no temporary file");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        // SAFETY: kill(2) on our own child's pid
        assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, sig) }, 0);
        let r = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(r.status.signal(), Some(sig), "ends as the signal would");
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert!(
            stderr.contains("interrupted; 1 unfinished output file removed"),
            "{stderr}"
        );
        let files = tree(d.path());
        assert_eq!(files.len(), 1, "signal {sig}: {:?}", files.keys());
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
    }
}
