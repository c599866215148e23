//! Scoring attributions against brat gold annotations (PolNeAR layout).
//!
//! This is a faithful port of the reference scorer
//! `../shared/tools/score_attributions.py`: the same gold reading, token
//! sets, matching, tie-breaking, subsets and denominators, so that the two
//! give the same figures (the test suite checks this on PolNeAR dev). Where
//! the Python would crash (unreadable files, gold spans past the end of the
//! text, JSONL lines that are not objects) this module reports the problem
//! and skips the item instead.
//!
//! ```
//! use quotegraph::eval::Gold;
//!
//! let mut gold = Gold::default();
//! gold.add_document("d1", "The mayor said the plan works.", Some(
//!     "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\n\
//!      T3\tContent 15 29\tthe plan works\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"));
//! let preds = gold.predictions_from_jsonl_str("p.jsonl", concat!(
//!     r#"{"doc": "d1.txt", "attributions": [{"speaker": {"text": "The mayor", "span": [0, 9]},"#,
//!     r#" "cue": {"text": "said", "span": [10, 14]}, "content": {"text": "the plan works", "span": [15, 29]}}]}"#));
//! let report = gold.score(&preds);
//! assert_eq!(report.all.content_strict.f1, 1.0);
//! assert_eq!(report.all.triple_correct, 1);
//! ```
//!
//! # Gold
//!
//! `DIR/text/NAME.txt` and `DIR/attributions/NAME_XXXX.ann`; when a text has
//! several annotators' files the alphabetically first is used. Every `E`
//! line is a relation; its `Content` (and `Content2`…, merged), `Cue` and
//! `Source` roles point to `T` lines, whose spans may be discontinuous
//! (`Content 10 20;30 40`). Relations without content are skipped and
//! counted. Offsets are Unicode code points of the text as Python reads it
//! (universal newlines: `\r\n` and `\r` become `\n`).
//!
//! # Predictions
//!
//! JSONL, one object per document, as written by `quotegraph extract
//! --format jsonl` (see [`crate::record`]), or [`DocRecord`]s in memory. The
//! document key is the base name of `doc` without `.txt`.
//!
//! # Metrics
//!
//! Tokens are maximal runs of word characters (Python's Unicode `\w`: letters,
//! numbers and `_` — *not* the regex crate's `\w`, which also takes combining
//! marks and other connector punctuation). Predictions and gold contents are
//! matched one-to-one greedily by token Jaccard ("overlap"), and separately
//! by equality after trimming punctuation ("strict"). Speaker and cue
//! accuracy are over overlap-matched pairs; a triple is a matched pair whose
//! speaker and cue are right. Figures are given for all relations and for
//! the SPEECH subset (reporting-verb cue or quoted content).
//!
//! | file | holds |
//! |---|---|
//! | `gold.rs` | the gold: brat standoff, relations, statistics |
//! | `predictions.rs` | predictions from JSONL or records |
//! | `score.rs` | matching and the report |
//! | `spans.rs` | fragments, strict keys, word tokens |
//! | `python.rs` | Python's string, number and JSON behaviour |

mod gold;
mod predictions;
mod python;
mod score;
mod spans;

use std::collections::BTreeMap;
use std::time::Instant;

use regex::Regex;

use crate::corpus::{self, Holds};
use crate::error::Error;
use crate::extract::Extractor;
use crate::input::{InputFormat, Problem, ReadOptions};
use crate::record::DocRecord;

pub use gold::{Gold, GoldDoc, GoldRelation, QUOTE_MARKS};
pub use predictions::Predictions;
pub use score::{Prf, Report, SubsetScores};
pub use spans::{frags_overlap, norm_frags, strict_key, DocTokens, TRIM_CHARS};

/// Half-open `[start, end)` code-point fragments, sorted and merged.
pub type Frags = Vec<(usize, usize)>;

/// The document key of a `doc` field: base name without `.txt`.
///
/// ```
/// assert_eq!(quotegraph::eval::doc_key("some/dir/a_b.txt"), "a_b");
/// assert_eq!(quotegraph::eval::doc_key("a/b/c.txt.txt"), "c.txt");
/// assert_eq!(quotegraph::eval::doc_key("a_b"), "a_b");
/// ```
pub fn doc_key(raw: &str) -> String {
    let base = raw.rsplit('/').next().unwrap_or(raw);
    base.strip_suffix(".txt").unwrap_or(base).to_string()
}

pub(super) fn bump(map: &mut BTreeMap<String, u64>, key: &str, by: u64) {
    *map.entry(key.to_string()).or_insert(0) += by;
}

/// Compile a pattern that is a constant of this module (the unit tests
/// compile every one of them).
pub(super) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern compiles")
}

/// Records extracted from texts, with the time it took.
#[derive(Debug, Default)]
pub struct ExtractionRun {
    /// One record per readable input.
    pub records: Vec<DocRecord>,
    /// Inputs that could not be read.
    pub errors: Vec<Error>,
    /// Whitespace-separated words in the texts extracted from.
    pub words: usize,
    /// Seconds spent reading and extracting (reading runs on its own
    /// thread, beside the one extracting).
    pub seconds: f64,
}

impl ExtractionRun {
    /// Words per second of extraction.
    pub fn words_per_second(&self) -> f64 {
        if self.seconds > 0.0 {
            self.words as f64 / self.seconds
        } else {
            0.0
        }
    }

    /// One line for humans: docs, words, seconds, words/s.
    pub fn summary(&self) -> String {
        format!(
            "extracted {} docs, {} words in {:.3} s: {:.0} words/s",
            self.records.len(),
            self.words,
            self.seconds,
            self.words_per_second()
        )
    }
}

/// Extract from files and directories (as `quotegraph extract` takes them)
/// on one worker thread, by the one reading path ([`corpus::read`]),
/// timing it. Texts are read as the scorer reads them (universal newlines),
/// so that spans agree with the gold's; a text that is not UTF-8 is an
/// error, and there is no size limit.
pub fn extract_paths(ex: &Extractor, paths: &[String]) -> ExtractionRun {
    let opts = corpus::Options {
        read: ReadOptions {
            format: InputFormat::Text,
            strict: true,
            max_doc_bytes: usize::MAX / 2,
            universal_newlines: true,
            ..ReadOptions::default()
        },
        holds: Holds::Texts,
        jobs: 1,
        progress: None,
    };
    let t0 = Instant::now();
    let read = corpus::read(paths, &opts, ex);
    let seconds = t0.elapsed().as_secs_f64();
    let c = match read {
        Ok(c) => c,
        Err(e) => {
            return ExtractionRun {
                errors: vec![e],
                ..ExtractionRun::default()
            }
        }
    };
    ExtractionRun {
        words: c
            .texts
            .iter()
            .flatten()
            .map(|t| t.split_whitespace().count())
            .sum(),
        errors: c
            .problems
            .into_iter()
            .filter(Problem::is_error)
            .map(Error::from)
            .collect(),
        records: c.records,
        seconds,
    }
}

/// A gold of one document `d` with the given text and annotations.
#[cfg(test)]
pub(super) fn gold_one(text: &str, ann: &str) -> Gold {
    let mut g = Gold::default();
    g.add_document("d", text, Some(ann));
    g
}
