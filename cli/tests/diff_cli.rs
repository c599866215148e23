//! `quotegraph diff`: the loop README shows (extract, edit a lexicon,
//! extract again, diff), the exit codes, JSON and bad lines.

mod common;

use common::{article_count, qg, s, scratch};

/// Run `quotegraph extract` into `out`.
fn extract(args: &[&str], out: &std::path::Path) {
    let mut all = vec!["extract", "-f", "jsonl", "-o", s(out)];
    all.extend_from_slice(args);
    let o = qg(&all);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn readme_loop_extract_edit_a_lexicon_extract_again_diff() {
    let d = scratch("diff_cli", "readme_loop");
    let old = d.join("old.jsonl");
    let new = d.join("new.jsonl");
    let lex = d.join("lexicon");
    // as README: extract, copy the lexicon and drop the verb `note`
    extract(&["data/articles"], &old);
    std::fs::create_dir_all(&lex).unwrap();
    let cues = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/lexicon/cues.ron"
    ))
    .unwrap();
    let edited: String = cues
        .lines()
        .filter(|l| !l.contains("lemma: \"note\""))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(edited.len() < cues.len(), "the edit removes a line");
    std::fs::write(lex.join("cues.ron"), edited).unwrap();
    extract(&["--lexicon", s(&lex), "data/articles"], &new);

    // the same run twice: no differences, exit 0
    let same = qg(&["diff", s(&old), s(&old)]);
    assert_eq!(same.status.code(), Some(0));
    let text = String::from_utf8(same.stdout).unwrap();
    let n = article_count();
    assert!(
        text.contains(&format!("no differences ({n} documents)")),
        "{text}"
    );

    // the edited lexicon: the `note` attributions are gone, exit 1
    let o = qg(&["diff", s(&old), s(&new)]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = String::from_utf8(o.stdout).unwrap();
    let removed: Vec<&str> = text.lines().filter(|l| l.starts_with("  - ")).collect();
    assert!(
        removed
            .iter()
            .any(|l| l.contains("\"noted\"") || l.contains("\"notes\"")),
        "{text}"
    );
    assert!(text.contains(" documents differ: "), "{text}");

    // JSON says the same, with the removed attributions as records
    let o = qg(&["diff", "--format", "json", s(&old), s(&new)]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v["removed"].as_u64().unwrap() >= 1);
    let lemmas: Vec<&str> = v["docs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["removed"].as_array().unwrap())
        .map(|a| a["cue"]["lemma"].as_str().unwrap())
        .collect();
    assert!(lemmas.contains(&"note"), "{lemmas:?}");
}

#[test]
fn a_bad_line_is_reported_and_the_rest_compared() {
    let d = scratch("diff_cli", "bad_line");
    let old = d.join("old.jsonl");
    extract(&["data/articles/000_lavrov_carlson_tass.txt"], &old);
    let good = std::fs::read_to_string(&old).unwrap();
    let new = d.join("new.jsonl");
    std::fs::write(&new, format!("{{not json\n{good}")).unwrap();
    let o = qg(&["diff", s(&old), s(&new)]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("new.jsonl:1: not an extraction record"),
        "{err}"
    );
    // the records compared are the same, but a line was skipped: exit 1
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("no differences (1 documents)"));
}

#[test]
fn a_missing_file_or_argument_is_a_usage_error() {
    let o = qg(&["diff", "no-such-old.jsonl", "no-such-new.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-old.jsonl"));
    assert_eq!(qg(&["diff", "only-one.jsonl"]).status.code(), Some(2));
}
