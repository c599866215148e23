//! `quotegraph::eval` and `quotegraph eval`: the brat reader and scorer on
//! invented fixtures (tests/fixtures/brat, made by
//! tests/fixtures/make_brat.py), and agreement with the reference scorer
//! `../shared/tools/score_attributions.py` on the fixtures and on PolNeAR
//! dev.
//!
//! The agreement tests need `python3` and `../shared` beside the crate. They
//! are skipped with a note when either is missing, unless
//! `QG_REQUIRE_CONSUMERS=1`, which makes them fail instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use insta_cmd::assert_cmd_snapshot;
use quotegraph::eval::{self, Gold, Report, SubsetScores};
use quotegraph::record::{ContentRecord, CueRecord, MentionRecord};
use quotegraph::{AttributionRecord, DocRecord, Extractor, QuoteKind};
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn fixtures() -> PathBuf {
    root().join("tests/fixtures/brat")
}

fn fixture_preds() -> PathBuf {
    root().join("tests/fixtures/brat_pred.jsonl")
}

fn load_fixtures() -> Gold {
    Gold::load(&fixtures()).expect("fixture gold loads")
}

#[test]
fn reads_brat_fixtures() {
    let g = load_fixtures();
    let s = &g.stats;
    assert_eq!(s["docs"], 4);
    assert_eq!(s["docs_without_ann"], 1, "gamma has no .ann");
    // alpha 6 (E7 has no content, E8 points nowhere, E9 has a malformed
    // fragment), beta 3, delta 1; alpha_bbbb.ann's extra relation unused
    assert_eq!(s["attributions"], 10);
    assert_eq!(s["relations_without_content_skipped"], 3);
    assert_eq!(
        s["discontinuous_content"], 2,
        "T3's two fragments, Content+Content2"
    );
    assert_eq!(s["quoted_content"], 4, "“…” twice, ''…'' twice");
    assert_eq!(s["speech"], 8);
    assert_eq!(s["no_source"], 1);
    assert_eq!(s["source_is_pronoun"], 1);
    assert_eq!(s["cue_according_to"], 1);
    assert_eq!(g.docs["alpha"].relations.len(), 6);
    assert!(g.docs["gamma"].relations.is_empty());
    assert!(g.warnings.iter().any(|w| w.contains("gamma")));

    let alpha = &g.docs["alpha"];
    let e1 = &alpha.relations[0];
    assert_eq!(e1.content.len(), 2);
    assert_eq!(
        e1.content_text,
        "“We will rebuild the bridge,” “and we will finish it before the spring floods.”"
    );
    assert_eq!(e1.source_text, "Mayor Zoë Marchetti");
    let e2 = &alpha.relations[1];
    assert_eq!(
        e2.content_text,
        "that the repair fund was nearly empty that taxes might have to rise"
    );
    assert!(!alpha.relations[2].speech, "“believe” is not a speech cue");
    assert_eq!(
        alpha.relations[3].source_text,
        "Jose\u{301} Ibarra, who runs the bakery by the river"
    );
    // the multi-line T: its text runs over two lines, its offsets count
    let e6 = &alpha.relations[5];
    assert!(e6.content_text.contains("lifeline.\nWithout it"));
    assert_eq!(e6.cue_text, "told");
    // CRLF text: offsets are into the text with "\r\n" read as "\n"
    let delta = &g.docs["delta"];
    assert!(!delta.text.contains('\r'));
    assert_eq!(
        delta.relations[0].content_text,
        "the roads would reopen on Friday"
    );
    let beta = &g.docs["beta"];
    assert!(beta.relations[1].quoted, "'' is a quotation mark");
    assert!(beta.relations[2].source.is_empty());
    assert!(!beta.relations[2].speech);
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn scores_fixture_predictions() {
    let g = load_fixtures();
    let p = g
        .predictions_from_jsonl(&fixture_preds())
        .expect("predictions read");
    assert_eq!(p.len(), 10);
    assert_eq!(p.unknown_docs().collect::<Vec<_>>(), vec!["omega"]);
    let c = &p.counters;
    assert_eq!(c["bad_json_lines"], 1);
    assert_eq!(c["bad_attribution"], 1);
    assert_eq!(c["span_missing"], 1);
    assert_eq!(c["prediction_without_content_skipped"], 1);
    // the byte-offset prediction only: the discontinuous one whose first
    // fragment is in both `span` and `spans` is read as its distinct
    // fragments, as the reference scorer does
    assert_eq!(c["text_span_mismatch"], 1);

    let r = g.score(&p);
    let a = &r.all;
    assert_eq!((a.n_gold, a.n_pred, a.matched), (10, 10, 9));
    assert!(close(a.content_overlap.p, 0.9) && close(a.content_overlap.r, 0.9));
    assert_eq!(a.strict_matched, 6);
    assert!(close(a.speaker_acc, 7.0 / 9.0));
    assert!(close(a.cue_acc, 7.0 / 9.0));
    assert_eq!(a.triple_correct, 6);
    // SPEECH: the prediction matched to "believe" is left out of precision
    let s = &r.speech;
    assert_eq!(
        (s.n_gold, s.n_pred, s.n_pred_counted, s.matched),
        (8, 10, 8, 7)
    );
    assert!(close(s.content_overlap.f1, 0.875));
    assert_eq!(s.strict_matched, 4);
    assert_eq!(r.docs_with_predictions, 3);
    assert_eq!(r.unknown_pred_docs, 1);
}

/// Predictions built from the gold itself, discontinuous contents given
/// with `spans`, score 1 everywhere.
#[test]
fn gold_as_predictions_scores_one() {
    let g = load_fixtures();
    let frag = |f: &[(usize, usize)]| match f.first() {
        None => Value::Null,
        Some(&(s, e)) => {
            json!({"span": [s, e], "spans": f.iter().map(|&(s, e)| [s, e]).collect::<Vec<_>>()})
        }
    };
    let mut jsonl = String::new();
    for (name, doc) in &g.docs {
        let attrs: Vec<Value> = doc
            .relations
            .iter()
            .map(|r| {
                let mut content = frag(&r.content);
                content["text"] = json!(r.content_text);
                json!({"speaker": frag(&r.source), "cue": frag(&r.cue), "content": content})
            })
            .collect();
        jsonl.push_str(&json!({"doc": format!("x/{name}.txt"), "attributions": attrs}).to_string());
        jsonl.push('\n');
    }
    let r = g.score(&g.predictions_from_jsonl_str("gold.jsonl", &jsonl));
    for s in [&r.all, &r.speech] {
        for prf in [s.content_overlap, s.content_strict, s.triple] {
            assert_eq!((prf.p, prf.r, prf.f1), (1.0, 1.0, 1.0), "{s:?}");
        }
        assert_eq!((s.speaker_acc, s.cue_acc), (1.0, 1.0));
    }
}

fn mention(text: &str, doc: &str, sub: &str) -> MentionRecord {
    MentionRecord {
        text: sub.to_string(),
        span: cp_span(text, doc, sub),
        entity: None,
    }
}

fn cp_span(text: &str, _doc: &str, sub: &str) -> [usize; 2] {
    let b = text.find(sub).expect("substring present");
    let s = text[..b].chars().count();
    [s, s + sub.chars().count()]
}

/// Records in memory, with discontinuous `spans`, score as their JSONL does.
#[test]
fn records_in_memory_with_spans() {
    let g = load_fixtures();
    let text = g.docs["alpha"].text.clone();
    let q1 = cp_span(&text, "alpha", "“We will rebuild the bridge,”");
    let q2 = cp_span(
        &text,
        "alpha",
        "“and we will finish it before the spring floods.”",
    );
    let rec = DocRecord {
        doc: "corpus/text/alpha.txt".into(),
        dateline: None,
        entities: vec![],
        attributions: vec![AttributionRecord {
            id: "a1".into(),
            kind: QuoteKind::Direct,
            class: Default::default(),
            content_type: quotegraph::ContentType::Quote,
            polarity: Default::default(),
            speaker: Some(mention(&text, "alpha", "Zoë Marchetti")),
            cue: CueRecord {
                text: "said".into(),
                span: cp_span(&text, "alpha", "said"),
                lemma: "say".into(),
            },
            content: ContentRecord {
                text: "“We will rebuild the bridge,” “and we will finish it before the spring floods.”"
                    .into(),
                span: q1,
                spans: vec![q1, q2],
            },
            source: None,
            addressee: None,
            mentions: vec![],
            rule: "test".into(),
        }],
        meta: Default::default(),
        sentences: Vec::new(),
    };
    let from_records = g.score(&g.predictions_from_records([&rec]));
    let jsonl = serde_json::to_string(&rec).expect("record serializes");
    let from_jsonl = g.score(&g.predictions_from_jsonl_str("mem.jsonl", &jsonl));
    assert_eq!(from_records, from_jsonl);
    let a = &from_records.all;
    assert_eq!((a.matched, a.strict_matched, a.triple_correct), (1, 1, 1));
    assert!(close(a.content_strict.r, 0.1));
}

/// What the extractor finds in the fixture texts scores the same whether
/// handed over in memory or through JSONL.
#[test]
fn extracted_records_score_same_in_memory_and_as_jsonl() {
    let g = load_fixtures();
    let run = eval::extract_paths(
        &Extractor::default(),
        &[fixtures().join("text").display().to_string()],
    );
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    assert_eq!(run.records.len(), 4);
    assert!(run.words > 100);
    let mut jsonl = String::new();
    for r in &run.records {
        jsonl.push_str(&serde_json::to_string(r).expect("serializes"));
        jsonl.push('\n');
    }
    assert_eq!(
        g.score(&g.predictions_from_records(&run.records)),
        g.score(&g.predictions_from_jsonl_str("x.jsonl", &jsonl))
    );
}

#[test]
fn missing_gold_dir_is_an_error_naming_it() {
    let err = Gold::load(Path::new("/nonexistent/gold")).expect_err("no such dir");
    let msg = err.to_string();
    assert!(msg.contains("/nonexistent/gold/text"), "{msg}");
    let g = load_fixtures();
    let err = g
        .predictions_from_jsonl(Path::new("/nonexistent/p.jsonl"))
        .expect_err("no such file");
    assert!(err.to_string().contains("/nonexistent/p.jsonl"));
}

// ---------------------------------------------------------------------------
// CLI

fn cli() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quotegraph"));
    c.current_dir(root());
    c
}

#[test]
fn cli_scores_a_jsonl_file() {
    // snapshots live in the repository's top-level snapshots/
    insta::with_settings!({ snapshot_path => "../../snapshots" }, {
        assert_cmd_snapshot!(cli().args([
            "eval",
            "--gold",
            "tests/fixtures/brat",
            "--pred",
            "tests/fixtures/brat_pred.jsonl"
        ]));
    });
}

#[test]
fn cli_extracts_and_scores_as_json() {
    let out = cli()
        .args(["eval", "--gold", "tests/fixtures/brat", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for k in [
        "all",
        "speech",
        "gold",
        "docs_with_predictions",
        "unknown_pred_docs",
        "prediction_warnings",
    ] {
        assert!(v.get(k).is_some(), "missing {k}");
    }
    assert_eq!(v["gold"]["attributions"], 10);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("extracted 4 docs") && err.contains("words/s"),
        "{err}"
    );
}

#[test]
fn cli_pred_and_paths_conflict_and_bad_gold_fails() {
    let out = cli()
        .args([
            "eval",
            "--gold",
            "tests/fixtures/brat",
            "--pred",
            "x.jsonl",
            "a.txt",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let out = cli()
        .args(["eval", "--gold", "no/such/dir"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir/text"));
}

// ---------------------------------------------------------------------------
// agreement with the reference scorer

/// The reference scorer and (if `need_dev`) PolNeAR dev, or `None` after a
/// note when they are missing; with `QG_REQUIRE_CONSUMERS=1` missing ones
/// fail the test.
fn reference(need_dev: bool) -> Option<(PathBuf, PathBuf)> {
    let shared = root().join("../shared");
    let scorer = shared.join("tools/score_attributions.py");
    let dev = shared.join("corpora/polnear/dev");
    let mut missing = Vec::new();
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !python {
        missing.push("python3".to_string());
    }
    if !scorer.is_file() {
        missing.push(scorer.display().to_string());
    }
    if need_dev && !dev.join("text").is_dir() {
        missing.push(dev.display().to_string());
    }
    if missing.is_empty() {
        return Some((scorer, dev));
    }
    let what = missing.join(", ");
    if std::env::var("QG_REQUIRE_CONSUMERS").as_deref() == Ok("1") {
        panic!("QG_REQUIRE_CONSUMERS=1 but missing: {what}");
    }
    eprintln!("note: skipping agreement with the reference scorer; missing: {what}");
    None
}

/// Run the reference scorer; returns (stdout of --json, stdout of table).
fn run_reference(scorer: &Path, gold: &Path, pred: &Path) -> (String, String) {
    let run = |json: bool| {
        let mut c = Command::new("python3");
        c.arg(scorer)
            .arg("--gold")
            .arg(gold)
            .arg("--pred")
            .arg(pred);
        if json {
            c.arg("--json");
        }
        let out = c.output().expect("python3 runs");
        assert!(
            out.status.success(),
            "reference scorer failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    };
    (run(true), run(false))
}

/// Every figure within 0.005 and every count equal.
fn assert_agree(rust: &Report, py: &Value) {
    for (name, r) in [("all", &rust.all), ("speech", &rust.speech)] {
        let p = &py[name];
        let f = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
        let figures: [(&str, f64, &Value); 11] = [
            (
                "content_overlap.p",
                r.content_overlap.p,
                &p["content_overlap"]["p"],
            ),
            (
                "content_overlap.r",
                r.content_overlap.r,
                &p["content_overlap"]["r"],
            ),
            (
                "content_overlap.f1",
                r.content_overlap.f1,
                &p["content_overlap"]["f1"],
            ),
            (
                "content_strict.p",
                r.content_strict.p,
                &p["content_strict"]["p"],
            ),
            (
                "content_strict.r",
                r.content_strict.r,
                &p["content_strict"]["r"],
            ),
            (
                "content_strict.f1",
                r.content_strict.f1,
                &p["content_strict"]["f1"],
            ),
            ("speaker_acc", r.speaker_acc, &p["speaker_acc"]),
            ("cue_acc", r.cue_acc, &p["cue_acc"]),
            ("triple.p", r.triple.p, &p["triple"]["p"]),
            ("triple.r", r.triple.r, &p["triple"]["r"]),
            ("triple.f1", r.triple.f1, &p["triple"]["f1"]),
        ];
        for (k, ours, theirs) in figures {
            assert!(
                (ours - f(theirs)).abs() <= 0.005,
                "{name} {k}: Rust {ours}, Python {theirs}"
            );
        }
        let counts = |s: &SubsetScores| {
            json!([
                s.n_gold,
                s.n_pred,
                s.n_pred_counted,
                s.matched,
                s.strict_matched,
                s.triple_correct
            ])
        };
        let theirs = json!([
            p["n_gold"],
            p["n_pred"],
            p["n_pred_counted"],
            p["matched"],
            p["content_strict"]["matched"],
            p["triple"]["correct"]
        ]);
        assert_eq!(
            counts(r),
            theirs,
            "{name}: n_gold, n_pred, counted, matched, strict, triple"
        );
    }
    assert_eq!(json!(rust.gold), py["gold"], "gold statistics");
}

/// On the fixtures (every edge case above) the two agree to the byte, the
/// table and the JSON.
#[test]
fn fixture_scores_agree_with_reference_scorer() {
    let Some((scorer, _)) = reference(false) else {
        return;
    };
    let (py_json, py_table) = run_reference(&scorer, &fixtures(), &fixture_preds());
    let g = load_fixtures();
    let r = g.score(&g.predictions_from_jsonl(&fixture_preds()).expect("reads"));
    let py: Value = serde_json::from_str(&py_json).expect("reference JSON");
    assert_agree(&r, &py);
    assert_eq!(r.to_json(), py);
    assert_eq!(format!("{}\n", r.to_json_string()), py_json);
    assert_eq!(r.table(), py_table);
}

/// The current extractor on PolNeAR dev: the Rust scorer gives the
/// reference scorer's figures.
#[test]
fn dev_scores_agree_with_reference_scorer() {
    let Some((scorer, dev)) = reference(true) else {
        return;
    };
    let run = eval::extract_paths(
        &Extractor::default(),
        &[dev.join("text").display().to_string()],
    );
    assert!(run.errors.is_empty(), "{:?}", run.errors);
    let path =
        std::env::temp_dir().join(format!("quotegraph-eval-dev-{}.jsonl", std::process::id()));
    let mut jsonl = String::new();
    for r in &run.records {
        jsonl.push_str(&serde_json::to_string(r).expect("serializes"));
        jsonl.push('\n');
    }
    std::fs::write(&path, &jsonl).expect("temp file written");
    let (py_json, py_table) = run_reference(&scorer, &dev, &path);
    let g = Gold::load(&dev).expect("dev loads");
    let from_file = g.score(&g.predictions_from_jsonl(&path).expect("reads"));
    let _ = std::fs::remove_file(&path);
    let in_memory = g.score(&g.predictions_from_records(&run.records));
    eprintln!(
        "reference scorer:\n{py_table}quotegraph eval:\n{}",
        from_file.table()
    );
    let py: Value = serde_json::from_str(&py_json).expect("reference JSON");
    assert_agree(&from_file, &py);
    assert_agree(&in_memory, &py);
    assert_eq!(from_file, in_memory);
}
