//! Property tests of the library: for arbitrary text, and for text built
//! from the pieces attribution rules look at (quotation marks, cues,
//! names, pronouns, commas, periods, line breaks) in random order,
//! extraction never panics, every span of the JSON record is in bounds
//! with its `text` equal to the code-point slice (content: fragments joined
//! by one space), content never overlaps its own cue, and results are the
//! same across runs and thread counts.
//!
//! `QG_PROPTEST_CASES=N` sets the number of cases per property (default
//! 256); CI runs a longer randomized pass with a larger N.

mod common;

use std::ops::ControlFlow;

use proptest::prelude::*;
use quotegraph::pipeline::{self, Event, Options};
use quotegraph::{input, DocRecord, Document, Extractor};

fn cases() -> u32 {
    std::env::var("QG_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(Extractor::default)
}

fn record(text: &str) -> DocRecord {
    extractor().extract(&Document::new("p", text)).to_record()
}

/// The library's byte spans: in bounds and on character boundaries (the
/// record's code-point spans are checked by `common::check_record`).
fn check_byte_spans(text: &str) -> Result<(), TestCaseError> {
    let ex = extractor().extract(&Document::new("p", text));
    let mut spans = Vec::new();
    if let Some(d) = &ex.dateline {
        spans.push(d.span);
        spans.extend(d.place);
    }
    for a in &ex.attributions {
        spans.push(a.cue.span);
        spans.extend(&a.content);
        for m in [&a.speaker, &a.source, &a.addressee].into_iter().flatten() {
            spans.push(m.span);
        }
    }
    for s in spans {
        prop_assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "byte span {:?} of a {}-byte text",
            s,
            text.len()
        );
    }
    Ok(())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    check_byte_spans(text)?;
    let rec = record(text);
    let json = serde_json::to_value(&rec).unwrap();
    common::check_record(text, &json).map_err(TestCaseError::fail)?;
    // the same again: no hidden state between runs
    prop_assert_eq!(&record(text), &rec);
    Ok(())
}

/// Pieces of news text the rules react to.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "''",
    "``",
    "«",
    "»",
    "‘",
    "’",
    ",",
    ".",
    ":",
    ";",
    "—",
    "-",
    "(",
    ")",
    "?",
    "!",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "said",
    "says",
    "told",
    "tells",
    "added",
    "noted",
    "according to",
    "as per",
    "as cited by",
    "pointed out",
    "stated",
    "believes",
    "wants to",
    "that",
    "Anna Berg",
    "Berg",
    "Sergey Lavrov",
    "Lavrov",
    "the minister",
    "the top Russian diplomat",
    "He",
    "he",
    "She",
    "they",
    "it",
    "TASS",
    "Reuters",
    "Russian news agency TASS",
    "Carlson",
    "reporters",
    "the talks will resume",
    "we are ready",
    "in an interview with",
    "on Monday",
    "Mr.",
    "U.S.",
    "Moscow",
    "Russia",
    "Dr.",
    "WASHINGTON",
    "Dec. 6",
    "2024",
    "who",
    "which",
    "the",
    "a",
    "of",
    "to",
    "Berg's",
    "don’t",
    "é",
    "\u{0301}",
    "\u{feff}",
    "\u{fffd}",
    "ﬁ",
    "İ",
    "ß",
    "ǅ",
    "نحن",
    "אנחנו",
    "\u{202b}",
    "😀",
    "<b>",
    "</p>",
    "&amp;",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[A-Z][a-z]{0,8}",
        1 => "[a-z]{1,8}",
        1 => "\\PC{1,3}",
    ]
}

fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.7)), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(&p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        check(&text)?;
    }

    #[test]
    fn arbitrary_unicode_including_controls(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn text_made_of_quotes_cues_and_names(text in newsy_text()) {
        check(&text)?;
    }

    #[test]
    fn paragraphs_of_newsy_text(paras in prop::collection::vec(newsy_text(), 1..6)) {
        check(&paras.join("\n\n"))?;
    }
}

/// Run documents through the pipeline with `jobs` threads.
fn through_pipeline(texts: &[String], jobs: usize) -> Vec<String> {
    let mut out = Vec::new();
    pipeline::run_source(
        |sink| {
            for (i, t) in texts.iter().enumerate() {
                sink(input::Item::Doc(Document::new(i.to_string(), t.clone())))?;
            }
            ControlFlow::Continue(())
        },
        &Options {
            jobs,
            batch_docs: 3,
            ..Options::default()
        },
        None,
        |d| serde_json::to_string(&extractor().extract(d).to_record()).unwrap(),
        |ev| {
            if let Event::Doc(s) = ev {
                out.push(s);
            }
            Ok(())
        },
    )
    .unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases((cases() / 8).max(8)))]

    #[test]
    fn same_results_for_any_thread_count(texts in prop::collection::vec(newsy_text(), 1..40)) {
        let one = through_pipeline(&texts, 1);
        prop_assert_eq!(one.len(), texts.len());
        for (i, (t, s)) in texts.iter().zip(&one).enumerate() {
            // named as the pipeline names it (its index): unnamed entities'
            // ids carry the document's name
            let direct = extractor().extract(&Document::new(i.to_string(), t.clone())).to_record();
            let direct = serde_json::to_string(&direct).unwrap();
            let a: serde_json::Value = serde_json::from_str(&direct).unwrap();
            let b: serde_json::Value = serde_json::from_str(s).unwrap();
            prop_assert_eq!(&a["attributions"], &b["attributions"]);
        }
        prop_assert_eq!(&through_pipeline(&texts, 2), &one);
        prop_assert_eq!(&through_pipeline(&texts, 4), &one);
    }
}

#[test]
fn synthetic_corpus_spans_are_exact() {
    for n in 0..50 {
        let a = common::synth::article(1, n);
        let json = serde_json::to_value(record(&a.text)).unwrap();
        common::check_record(&a.text, &json).unwrap();
    }
}
