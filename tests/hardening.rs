//! Inputs `quotegraph extract` must survive: for each, no panic, one clear
//! line on stderr naming the file and the problem, every other input still
//! extracted, and exit status 0 (all good), 1 (some input skipped) or 2
//! (usage error).
//!
//! The giant one-line file is 10 MB by default; set `QG_HARDENING_BIG_MB`
//! (e.g. 100) for a bigger one.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_quotegraph");

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn records(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("stdout is JSONL"))
            .collect()
    }

    fn docs(&self) -> Vec<String> {
        self.records()
            .iter()
            .map(|r| r["doc"].as_str().unwrap().to_string())
            .collect()
    }

    /// The stderr line mentioning `needle`.
    fn line_with(&self, needle: &str) -> &str {
        self.stderr
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no stderr line mentions {needle:?}:\n{}", self.stderr))
    }
}

fn qg_in(args: &[&str], stdin: Option<&[u8]>, dir: Option<&Path>) -> Out {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(d) = dir {
        cmd.current_dir(d);
    }
    let mut child = cmd.spawn().expect("run quotegraph");
    if let Some(input) = stdin {
        let mut w = child.stdin.take().unwrap();
        let input = input.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&input);
        });
    }
    let out = child.wait_with_output().unwrap();
    let o = Out {
        code: out.status.code().expect("exited normally"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !o.stderr.contains("panicked"),
        "quotegraph panicked:\n{}",
        o.stderr
    );
    o
}

fn qg(args: &[&str]) -> Out {
    qg_in(args, None, None)
}

fn extract(paths: &[&Path], extra: &[&str]) -> Out {
    let mut args = vec!["extract", "--format", "jsonl"];
    args.extend_from_slice(extra);
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    args.extend(paths.iter().map(String::as_str));
    qg(&args)
}

const GOOD: &str = "“We are ready to talk,” Anna Berg said on Monday.\n\nThe talks will resume in May, Berg told reporters.\n";

fn good(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, GOOD).unwrap();
    p
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// Extract one text (as a file) and check every span of the result.
fn extract_text_checked(bytes: &[u8], decoded: &str) -> Out {
    let d = tmp();
    let p = d.path().join("t.txt");
    std::fs::write(&p, bytes).unwrap();
    let o = extract(&[&p], &[]);
    for r in o.records() {
        common::check_record(decoded, &r).unwrap_or_else(|e| panic!("{e}"));
    }
    o
}

#[test]
fn empty_and_whitespace_only_files() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let e = d.path().join("empty.txt");
    std::fs::write(&e, "").unwrap();
    let w = d.path().join("blank.txt");
    std::fs::write(&w, " \n\t\r\n  \u{feff}\n").unwrap();
    let o = extract(&[&a, &e, &w], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [a.display().to_string()]);
    assert!(o.line_with("empty.txt").contains("empty"));
    assert!(o.line_with("blank.txt").contains("empty"));
}

fn png_bytes() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
    b.extend((0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8));
    b
}

fn zip_bytes() -> Vec<u8> {
    // a local file header, some stored data, a central directory end record
    let mut b = b"PK\x03\x04\x14\0\0\0\0\0".to_vec();
    b.extend_from_slice(&[0; 16]);
    b.extend_from_slice(b"\x08\0\0\0note.txtHello, zip");
    b.extend_from_slice(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    b.extend_from_slice(&[0; 10]);
    b
}

#[test]
fn binary_files() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let png = d.path().join("image.txt");
    std::fs::write(&png, png_bytes()).unwrap();
    let zip = d.path().join("archive.txt");
    std::fs::write(&zip, zip_bytes()).unwrap();
    // random bytes without NUL: caught by the share of bad bytes
    let noise = d.path().join("noise.txt");
    let bytes: Vec<u8> = (1..5000u32)
        .map(|i| ((i.wrapping_mul(2654435761) >> 7) as u8) | 0x80)
        .collect();
    std::fs::write(&noise, bytes).unwrap();
    let o = extract(&[&png, &a, &zip, &noise], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [a.display().to_string()]);
    for name in ["image.txt", "archive.txt", "noise.txt"] {
        assert!(o.line_with(name).contains("binary"), "{}", o.stderr);
    }
    // the same through a directory walk and as JSONL
    let j = d.path().join("image.jsonl");
    std::fs::write(&j, png_bytes()).unwrap();
    let o = extract(&[d.path()], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.records().len(), 1);
    assert!(o.line_with("image.jsonl").contains("JSON"));
}

#[test]
fn directory_of_10000_files_with_a_few_bad() {
    let d = tmp();
    let mut rng = common::synth::Rng(5);
    let first = ["Anna", "Boris", "Carla", "Dmitri", "Elena"];
    let last = ["Berg", "Castillo", "Dumont", "Eriksen", "Fischer"];
    let bad = [17usize, 2500, 5003, 7777, 9999];
    for i in 0..10_000usize {
        let p = d.path().join(format!("sub{}/f{i:05}.txt", i % 10));
        if i < 10 {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        }
        let body: Vec<u8> = match bad.iter().position(|&b| b == i) {
            Some(0) => Vec::new(),
            Some(1) => png_bytes(),
            Some(2) => b"   \n".to_vec(),
            Some(3) => zip_bytes(),
            Some(_) => b"\xff\xfeU\0T\0F\0-\x001\x006\0".to_vec(),
            None => format!(
                "“We will talk,” {} {} said. It rained, {} added.\n",
                rng.pick(&first),
                rng.pick(&last),
                rng.pick(&last)
            )
            .into_bytes(),
        };
        std::fs::write(&p, body).unwrap();
    }
    // non-input files are ignored
    std::fs::write(d.path().join("README.md"), "ignore me").unwrap();
    let o = extract(&[d.path()], &["-j", "2"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    let docs = o.docs();
    assert_eq!(docs.len(), 10_000 - bad.len());
    let mut sorted = docs.clone();
    sorted.sort();
    assert_eq!(docs, sorted, "output follows the sorted input order");
    let errors: Vec<&str> = o.stderr.lines().collect();
    assert_eq!(errors.len(), bad.len(), "{}", o.stderr);
    for b in bad {
        o.line_with(&format!("f{b:05}.txt"));
    }
    assert!(o.line_with("f05003.txt").contains("empty"));
    assert!(o.line_with("f09999.txt").contains("UTF-16"));
}

#[test]
fn missing_path_among_good_ones() {
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let b = good(d.path(), "b.txt");
    let missing = d.path().join("nope.txt");
    let o = extract(&[&a, &missing, &b], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs().len(), 2);
    assert!(o.line_with("nope.txt").contains("no such file"));
}

#[cfg(unix)]
#[test]
fn unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let d = tmp();
    let a = good(d.path(), "a.txt");
    let locked = good(d.path(), "locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    // as root, mode 000 still reads: then it must simply be extracted
    let root_reads = std::fs::read(&locked).is_ok();
    let o = extract(&[&a, &locked], &[]);
    if root_reads {
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(o.docs().len(), 2);
    } else {
        assert_eq!(o.code, 1);
        assert_eq!(o.docs().len(), 1);
        assert!(o.line_with("locked.txt").contains("permission denied"));
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    let d = tmp();
    let root = d.path().join("corpus");
    std::fs::create_dir_all(root.join("inner")).unwrap();
    good(&root, "a.txt");
    good(&root.join("inner"), "b.txt");
    std::os::unix::fs::symlink(&root, root.join("inner/loop")).unwrap();
    std::os::unix::fs::symlink("x.txt", root.join("y.txt")).unwrap();
    std::os::unix::fs::symlink("y.txt", root.join("x.txt")).unwrap();
    let o = extract(&[&root], &[]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(o.docs().len(), 2, "each real file once: {:?}", o.docs());
    assert!(o.line_with("inner/loop").contains("symlink loop"));
    assert!(o.line_with("x.txt").contains("symbolic links"));
}

#[test]
fn invalid_utf8_and_latin1() {
    let d = tmp();
    let latin1 = d.path().join("latin1.txt");
    let mut bytes = b"Caf\xe9 owners were angry.\n\n".to_vec();
    bytes.extend_from_slice("“We are ready,” Anna Berg said.\n".as_bytes());
    std::fs::write(&latin1, &bytes).unwrap();
    let o = extract(&[&latin1], &[]);
    assert_eq!(o.code, 0, "a warning is not a failure");
    let line = o.line_with("latin1.txt");
    assert!(
        line.contains("warning") && line.contains("offset 3"),
        "{line}"
    );
    let recs = o.records();
    assert_eq!(recs.len(), 1);
    let decoded = String::from_utf8_lossy(&bytes);
    assert!(decoded.contains('\u{fffd}'));
    common::check_record(&decoded, &recs[0]).unwrap();
    assert_eq!(recs[0]["attributions"][0]["speaker"]["text"], "Anna Berg");

    let o = extract(&[&latin1], &["--strict"]);
    assert_eq!(o.code, 1);
    assert!(o.records().is_empty());
    assert!(o.line_with("latin1.txt").contains("offset 3"));

    // --quiet drops warnings but not errors
    let o = extract(&[&latin1], &["--quiet"]);
    assert_eq!((o.code, o.stderr.as_str()), (0, ""));
}

#[test]
fn byte_order_mark() {
    let text = "\u{feff}“We are ready,” Anna Berg said.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let r = &o.records()[0];
    assert_eq!(r["attributions"][0]["speaker"]["text"], "Anna Berg");
}

#[test]
fn crlf_and_cr_line_endings() {
    for nl in ["\r\n", "\r"] {
        let text = format!(
            "Moscow, Dec. 6 — “We are ready,” Anna Berg said.{nl}{nl}The talks will resume, Berg told reporters.{nl}“Née café,” said Zoë Lindqvist.{nl}"
        );
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
        assert!(o.records()[0]["attributions"].as_array().unwrap().len() >= 2);
    }
}

#[test]
fn giant_file_without_newline() {
    let mb: usize = std::env::var("QG_HARDENING_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let d = tmp();
    let p = d.path().join("giant.txt");
    let unit = GOOD.replace('\n', " ");
    let mut text = String::with_capacity(mb << 20);
    while text.len() + unit.len() <= mb << 20 {
        text.push_str(&unit);
    }
    std::fs::write(&p, &text).unwrap();
    let small = good(d.path(), "small.txt");
    // over the limit: reported and skipped, the rest still extracted
    let limit = format!("{}", (mb << 20) / 2);
    let o = extract(&[&p, &small], &["--max-doc-bytes", &limit]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs(), [small.display().to_string()]);
    assert!(o.line_with("giant.txt").contains("--max-doc-bytes"));
    // within the limit: extracted whole, spans exact
    let limit = format!("{}", (mb << 20) + 1);
    let o = extract(&[&p], &["--max-doc-bytes", &limit]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let recs = o.records();
    let atts = recs[0]["attributions"].as_array().unwrap();
    assert!(atts.len() > 1000, "{} attributions", atts.len());
    common::check_record(&text, &recs[0]).unwrap();
}

#[test]
fn quote_never_closed() {
    let text = "“We are ready to talk and we will never stop talking, Anna Berg said.\n\nThe talks, Berg said, will resume.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let text = "Berg said: \"This quote runs on and on";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
}

#[test]
fn ten_thousand_quotation_marks() {
    for mark in ["\"", "“", "”", "''", "``", "«"] {
        let text = format!("Berg said {} that. {}", mark.repeat(10_000), GOOD);
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
    }
}

#[test]
fn deeply_nested_quotes() {
    let mut text = String::from("Berg said ");
    for i in 0..2000 {
        text.push_str(if i % 2 == 0 { "“" } else { "‘" });
        text.push_str("Anna said ");
    }
    text.push_str("yes");
    for i in (0..2000).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
        text.push_str(", Berg told reporters");
    }
    text.push_str(". ");
    text.push_str(GOOD);
    let o = extract_text_checked(text.as_bytes(), &text);
    assert_eq!(o.code, 0);
}

#[test]
fn ten_kilobyte_name() {
    let one_word = format!("“We are ready,” {} said.\n", "Xy".repeat(5000));
    let many_words = format!(
        "“We are ready,” {}said.\n\nThe talks will resume, {}told reporters.\n",
        "Anna ".repeat(2000),
        "Mc".repeat(2500) + " "
    );
    for text in [one_word, many_words] {
        let o = extract_text_checked(text.as_bytes(), &text);
        assert_eq!(o.code, 0);
    }
}

#[test]
fn right_to_left_and_combining_characters() {
    let text = "“نحن مستعدون للحوار,” said Anna Berg.\n\n\u{202b}“אנחנו מוכנים,”\u{202c} Zoe\u{0308} Lindqvist told re\u{0301}porters.\n\nThe talks will resume, Ame\u{0301}lie Dumont said.\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
    let atts = o.records()[0]["attributions"].as_array().unwrap().len();
    assert!(atts >= 2, "{}", o.stdout);
}

#[test]
fn html_markup_left_in_text() {
    let text = "<html><body><p class=\"lead\">“We are ready,” <b>Anna Berg</b> said.</p>\n<p>The talks will resume, Berg told <a href=\"https://x.example/?a=1&amp;b=2\">reporters</a>.</p><script>var s = \"said\";</script></body></html>\n";
    let o = extract_text_checked(text.as_bytes(), text);
    assert_eq!(o.code, 0);
}

#[test]
fn jsonl_bad_lines_and_fields_carried_through() {
    let d = tmp();
    let p = d.path().join("news.jsonl");
    let lines = [
        r#"{"id": "a", "text": "“We are ready,” Anna Berg said.", "date": "2024-05-01", "outlet": "TASS", "url": "https://x.example/a"}"#,
        r#"{"id": "b", "text": "unterminated"#,
        "not json at all",
        r#"{"id": "c", "body": "no text field"}"#,
        r#"{"id": 4, "text": "The talks will resume, Berg said."}"#,
        "",
        r#"{"text": "“Fine,” Berg said."}"#,
    ];
    std::fs::write(&p, lines.join("\n")).unwrap();
    let o = extract(&[&p], &[]);
    assert_eq!(o.code, 1);
    let path = p.display().to_string();
    assert_eq!(o.docs(), ["a", "4", &format!("{path}:7")]);
    let r = &o.records()[0];
    assert_eq!(r["meta"]["date"], "2024-05-01");
    assert_eq!(r["meta"]["outlet"], "TASS");
    assert_eq!(r["meta"]["url"], "https://x.example/a");
    assert!(o.line_with(":2:").contains("JSON"));
    assert!(o.line_with(":3:").contains("JSON"));
    assert!(o.line_with(":4:").contains("\"text\""));
    // other field names
    let q = d.path().join("other.jsonl");
    std::fs::write(&q, r#"{"key": "k1", "body": "“Yes,” Berg said."}"#).unwrap();
    let o = extract(&[&q], &["--text-field", "body", "--id-field", "key"]);
    assert_eq!((o.code, o.docs()), (0, vec!["k1".to_string()]));
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[test]
fn gzip_inputs_and_a_corrupt_member() {
    let d = tmp();
    let line = |id: &str| {
        format!("{{\"id\": \"{id}\", \"text\": \"“We are ready,” Anna Berg said. It will rain, she added.\"}}\n")
    };
    let members: Vec<String> = (0..3)
        .map(|m| (0..50).map(|i| line(&format!("m{m}-{i}"))).collect())
        .collect();
    let mut good_gz = Vec::new();
    for m in &members {
        good_gz.extend(gz(m.as_bytes()));
    }
    let p = d.path().join("multi.jsonl.gz");
    std::fs::write(&p, &good_gz).unwrap();
    let o = extract(&[&p], &[]);
    assert_eq!((o.code, o.docs().len()), (0, 150), "{}", o.stderr);

    // damage the middle member
    let first = gz(members[0].as_bytes());
    let mut second = gz(members[1].as_bytes());
    let mid = second.len() / 2;
    for b in &mut second[mid..mid + 16] {
        *b ^= 0xa5;
    }
    let mut bytes = first.clone();
    bytes.extend(&second);
    bytes.extend(gz(members[2].as_bytes()));
    let bad = d.path().join("bad.jsonl.gz");
    std::fs::write(&bad, &bytes).unwrap();
    let o = extract(&[&bad], &[]);
    assert_eq!(o.code, 1);
    let docs = o.docs();
    assert!(docs.iter().filter(|d| d.starts_with("m0-")).count() == 50);
    assert!(docs.iter().filter(|d| d.starts_with("m2-")).count() == 50);
    // damaged data decoded before the checksum fails is reported line by
    // line as bad JSON; then the member itself
    assert!(
        o.stderr
            .lines()
            .any(|l| l.contains("bad.jsonl.gz") && l.contains("corrupt gzip member #2")),
        "{}",
        o.stderr
    );

    // a gzipped text file, and a truncated one
    let t = d.path().join("a.txt.gz");
    std::fs::write(&t, gz(GOOD.as_bytes())).unwrap();
    let cut = d.path().join("cut.txt.gz");
    let whole = gz(GOOD.repeat(50).as_bytes());
    std::fs::write(&cut, &whole[..whole.len() / 2]).unwrap();
    let o = extract(&[&t, &cut], &[]);
    assert_eq!(o.code, 1);
    assert_eq!(o.docs()[0], t.display().to_string());
    assert!(o.line_with("cut.txt.gz").contains("gzip"));
}

#[test]
fn stdin_text_and_jsonl() {
    let o = qg_in(
        &["extract", "--format", "jsonl", "-"],
        Some(GOOD.as_bytes()),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["-".to_string()]));
    let jsonl = "{\"id\": \"x\", \"text\": \"“Yes,” Berg said.\"}\n";
    let o = qg_in(
        &[
            "extract",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(jsonl.as_bytes()),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["x".to_string()]));
    let o = qg_in(
        &[
            "extract",
            "--format",
            "jsonl",
            "--input-format",
            "jsonl",
            "-",
        ],
        Some(&gz(jsonl.as_bytes())),
        None,
    );
    assert_eq!((o.code, o.docs()), (0, vec!["x".to_string()]));
}

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

#[test]
fn closed_pipe_ends_quietly() {
    let d = tmp();
    let p = d.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    for i in 0..2_000 {
        let a = common::synth::article(3, i);
        f.write_all(common::synth::jsonl_line(&a).as_bytes())
            .unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let mut child = Command::new(BIN)
        .args(["extract", "--format", "jsonl", p.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"doc\":\"doc-000000\""));
    // stdout is closed here, like `| head -1`
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert_eq!((status.code(), err.as_str()), (Some(0), ""));
}

#[test]
fn closed_pipe_ends_a_graph_export_quietly() {
    // the exporters report a failed write as quotegraph::Error::Io, which
    // holds its io::Error rather than chaining it
    let d = tmp();
    let p = d.path().join("many.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    for i in 0..2_000 {
        let a = common::synth::article(4, i);
        f.write_all(common::synth::jsonl_line(&a).as_bytes())
            .unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let mut child = Command::new(BIN)
        .args(["graph", "--format", "json", p.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'), "{first}");
    // stdout is closed here, like `| head -1`, with megabytes still to write
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(status.code(), Some(0), "{err}");
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
