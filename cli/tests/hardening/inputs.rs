//! Inputs that must not stop a run: empty, binary, unreadable, looping,
//! badly encoded, giant, hostile text and names, bad JSONL and gzip, stdin.

use super::*;

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

/// The user id unreadable-file tests run the binary as when they run as
/// root (for whom mode 000 does not stop reading): `nobody`.
#[cfg(unix)]
const NOBODY: u32 = 65534;

/// A copy of the binary `nobody` can run, when the built one is not (its
/// directory may be private, e.g. under /root): the path, and the
/// directory holding the copy (dropped after the test). `None` when
/// `nobody` cannot run it at all (no such user switch possible here).
#[cfg(unix)]
fn binary_for_nobody() -> Option<(PathBuf, Option<tempfile::TempDir>)> {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let runs = |bin: &Path| {
        Command::new(bin)
            .arg("--version")
            .uid(NOBODY)
            .gid(NOBODY)
            .current_dir("/")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if runs(Path::new(BIN)) {
        return Some((PathBuf::from(BIN), None));
    }
    let d = tempfile::tempdir().ok()?;
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).ok()?;
    let copy = d.path().join("quotegraph");
    std::fs::copy(BIN, &copy).ok()?;
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).ok()?;
    runs(&copy).then_some((copy, Some(d)))
}

#[cfg(unix)]
#[test]
fn unreadable_file_and_directory() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let mode = |p: &Path, m: u32| std::fs::set_permissions(p, std::fs::Permissions::from_mode(m));
    let d = tmp();
    // others may enter the test directory and read a.txt, nothing else
    mode(d.path(), 0o755).unwrap();
    let a = good(d.path(), "a.txt");
    mode(&a, 0o644).unwrap();
    let locked = good(d.path(), "locked.txt");
    mode(&locked, 0o000).unwrap();
    let sub = d.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    good(&sub, "hidden.txt");
    mode(&sub, 0o000).unwrap();
    // as root, mode 000 still reads: run as nobody, so the error paths run
    let root = unsafe { libc::geteuid() } == 0;
    let (bin, _copy_dir) = if root {
        match binary_for_nobody() {
            Some(b) => b,
            None => {
                eprintln!(
                    "note: skipping unreadable_file_and_directory: running as root and cannot run the binary as uid {NOBODY}"
                );
                mode(&sub, 0o755).unwrap();
                return;
            }
        }
    } else {
        (PathBuf::from(BIN), None)
    };
    let mut cmd = Command::new(&bin);
    cmd.args(["extract", "--format", "jsonl"])
        .arg(d.path())
        .arg(&locked)
        .current_dir("/");
    if root {
        cmd.uid(NOBODY).gid(NOBODY);
    }
    let o = output_of(&mut cmd);
    mode(&sub, 0o755).unwrap();
    mode(&locked, 0o644).unwrap();
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert_eq!(o.docs(), [a.display().to_string()], "{}", o.stderr);
    let lines: Vec<&str> = o.stderr.lines().collect();
    // locked.txt found by the walk (an error) and given by name again (the
    // same file: read once, a warning); sub/ unreadable
    assert_eq!(lines.len(), 3, "{}", o.stderr);
    let errors: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("quotegraph: error: ") && l.ends_with("permission denied"))
        .collect();
    assert_eq!(errors.len(), 2, "{}", o.stderr);
    assert_eq!(
        errors.iter().filter(|l| l.contains("locked.txt")).count(),
        1,
        "{}",
        o.stderr
    );
    assert!(
        lines.iter().any(|l| l.starts_with("quotegraph: warning: ")
            && l.contains("locked.txt")
            && l.ends_with("(given twice); read once")),
        "{}",
        o.stderr
    );
    assert!(o
        .line_with(&sub.display().to_string())
        .contains("permission denied"));
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

// ---- hostile file names ----

#[cfg(unix)]
#[test]
fn control_characters_in_file_names_are_escaped() {
    let d = tmp();
    let dir = d.path().join("names");
    std::fs::create_dir(&dir).unwrap();
    good(&dir, "ok.txt");
    std::fs::write(dir.join("bad\nname.txt"), "").unwrap();
    std::fs::write(dir.join("esc\x1b[31mred.txt"), " \n").unwrap();
    std::fs::write(dir.join("cr\rtab\t.txt"), b"Caf\xe9 said.\n").unwrap();
    let check = |o: &Out, lines: usize| {
        let got: Vec<&str> = o.stderr.lines().collect();
        assert_eq!(got.len(), lines, "one line per problem:\n{}", o.stderr);
        assert!(got.iter().all(|l| l.starts_with("quotegraph: ")), "{got:?}");
        assert!(!o.stderr.contains(['\x1b', '\r', '\t']), "{:?}", o.stderr);
        assert!(o.line_with("bad\\nname.txt").contains("empty"));
        assert!(o.line_with("esc\\u{1b}[31mred.txt").contains("empty"));
        assert!(o.line_with("cr\\rtab\\t.txt").contains("offset 3"));
    };
    let o = extract(&[&dir], &[]);
    assert_eq!(o.code, 1);
    check(&o, 3);
    // graph reports the same way (plus its summary line)
    let o = qg(&["graph", "--format", "json", dir.to_str().unwrap()]);
    assert_eq!(o.code, 1);
    check(&o, 4);
}
