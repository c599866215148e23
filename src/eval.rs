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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::sync::LazyLock;
use std::time::Instant;

use regex::Regex;
use serde_json::{json, Value};

use crate::corpus::{self, Holds};
use crate::error::{Error, Result};
use crate::extract::Extractor;
use crate::input::universal_newlines;
use crate::input::{InputFormat, Problem, ReadOptions};
use crate::record::DocRecord;

/// Half-open `[start, end)` code-point fragments, sorted and merged.
pub type Frags = Vec<(usize, usize)>;

/// Characters trimmed at both ends of a content fragment for strict matching.
pub const TRIM_CHARS: &str =
    " \t\r\n\u{a0}\"'\u{201c}\u{201d}\u{2018}\u{2019}`\u{ab}\u{bb},.;:!?()[]{}\u{2014}\u{2013}-\u{2026}*";

/// Marks that make a gold content "quoted": `"`, `“`, `”` and `''` (two
/// apostrophes, the New York Times' closing quotation mark).
pub const QUOTE_MARKS: [&str; 4] = ["\"", "\u{201c}", "\u{201d}", "''"];

/// Word forms of reporting and communication verbs (and nouns) that put a
/// gold relation into the SPEECH subset, as in the reference scorer.
const SPEECH_FORMS: &[&str] = &[
    r"say(?:s|ing)?",
    r"said",
    r"tell(?:s|ing)?",
    r"told",
    r"add(?:s|ed|ing)?",
    r"not(?:e|es|ed|ing)",
    r"stat(?:e|es|ed|ing)",
    r"claim(?:s|ed|ing)?",
    r"argu(?:e|es|ed|ing)",
    r"insist(?:s|ed|ing)?",
    r"warn(?:s|ed|ing)?",
    r"explain(?:s|ed|ing)?",
    r"announc(?:e|es|ed|ing)",
    r"report(?:s|ed|ing)?",
    r"writ(?:e|es|ing|ten)",
    r"wrote",
    r"ask(?:s|ed|ing)?",
    r"repl(?:y|ies|ied|ying)",
    r"respond(?:s|ed|ing)?",
    r"declar(?:e|es|ed|ing)",
    r"acknowledg(?:e|es|ed|ing)",
    r"admit(?:s|ted|ting)?",
    r"suggest(?:s|ed|ing)?",
    r"continu(?:e|es|ed|ing)",
    r"recall(?:s|ed|ing)?",
    r"emphasi[sz](?:e|es|ed|ing)",
    r"stress(?:es|ed|ing)?",
    r"predict(?:s|ed|ing)?",
    r"den(?:y|ies|ied|ying)",
    r"confirm(?:s|ed|ing)?",
    r"according to",
    r"accus(?:e|es|ed|ing)",
    r"call(?:s|ed|ing)?",
    r"describ(?:e|es|ed|ing)",
    r"testif(?:y|ies|ied|ying)",
    r"tweet(?:s|ed|ing)?",
    r"post(?:s|ed|ing)?",
    r"comment(?:s|ed|ing)?",
    r"conclud(?:e|es|ed|ing)",
    r"point(?:s|ed|ing)? out",
    r"complain(?:s|ed|ing)?",
    r"urg(?:e|es|ed|ing)",
    r"vow(?:s|ed|ing)?",
    r"promis(?:e|es|ed|ing)",
    r"remark(?:s|ed|ing)?",
    r"reiterat(?:e|es|ed|ing)",
    r"repeat(?:s|ed|ing)?",
    r"mention(?:s|ed|ing)?",
    r"observ(?:e|es|ed|ing)",
    r"assert(?:s|ed|ing)?",
    r"alleg(?:e|es|ed|ing)",
    r"contend(?:s|ed|ing)?",
    r"conced(?:e|es|ed|ing)",
    r"counter(?:s|ed|ing)?",
    r"retort(?:s|ed|ing)?",
    r"quip(?:s|ped|ping)?",
    r"jok(?:e|es|ed|ing)",
    r"exclaim(?:s|ed|ing)?",
    r"shout(?:s|ed|ing)?",
    r"yell(?:s|ed|ing)?",
    r"answer(?:s|ed|ing)?",
    r"inform(?:s|ed|ing)?",
    r"disclos(?:e|es|ed|ing)",
    r"reveal(?:s|ed|ing)?",
    r"maintain(?:s|ed|ing)?",
    r"propos(?:e|es|ed|ing)",
    r"recommend(?:s|ed|ing)?",
    r"advis(?:e|es|ed|ing)",
    r"caution(?:s|ed|ing)?",
    r"cit(?:e|es|ed|ing)",
    r"quot(?:e|es|ed|ing)",
    r"sp(?:eak|eaks|eaking|oke|oken)",
    r"talk(?:s|ed|ing)?",
    r"thank(?:s|ed|ing)?",
    r"blam(?:e|es|ed|ing)",
    r"criticiz(?:e|es|ed|ing)",
    r"prais(?:e|es|ed|ing)",
    r"insinuat(?:e|es|ed|ing)",
    r"demand(?:s|ed|ing)?",
    r"pledg(?:e|es|ed|ing)",
    r"boast(?:s|ed|ing)?",
    r"brag(?:s|ged|ging)?",
    r"interview(?:s|ed|ing)?",
    r"statement",
    r"press release",
    r"letter",
    r"speech",
    r"remarks",
];

/// Pronouns counted in the gold statistics (`source_is_pronoun`).
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me", "his", "their",
    "its", "our", "my", "your",
];

/// Python's `\w` on `str`: Unicode letters (L*), numbers (N*) and `_`.
/// (Checked against CPython 3.11 over every code point; the regex crate's
/// own `\w` differs on combining marks, `‿`-like connectors and `½`.)
const PY_WORD: &str = r"[\p{L}\p{N}_]";

/// One token: a maximal run of Python word characters.
static WORD_RE: LazyLock<Regex> = LazyLock::new(|| compile(&format!("{PY_WORD}+")));

/// `\b(?:forms)\b` with Python's `re.I`. Boundaries are consumed instead of
/// asserted (every form starts and ends with a letter), which gives the same
/// answer for a yes/no search; `i` also matches `ı` and `İ`, as in Python.
static SPEECH_CUE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let forms = SPEECH_FORMS.join("|").replace('i', "[iı\u{130}]");
    compile(&bounded(&forms))
});

static ACCORDING_TO_RE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&bounded(
        "according to".replace('i', "[iı\u{130}]").as_str(),
    ))
});

/// The reference scorer's `T` line: `^(T\d+)\t(\S+) ([0-9 ;]+)\t?(.*)$`
/// (Python's `\S` also excludes `\x1c`–`\x1f`).
static T_RE: LazyLock<Regex> = LazyLock::new(|| compile(r"^(T\d+)\t[^\s\x1c-\x1f]+ ([0-9 ;]+)"));

/// The reference scorer's `E` line: `^(E\d+)\t(.*)$`.
static E_RE: LazyLock<Regex> = LazyLock::new(|| compile(r"^E\d+\t(.*)$"));

/// Trailing digits of a role name (`Content2`).
static ROLE_DIGITS_RE: LazyLock<Regex> = LazyLock::new(|| compile(r"\d+$"));

fn bounded(alternation: &str) -> String {
    format!("(?i)(?:^|[^\\p{{L}}\\p{{N}}_])(?:{alternation})(?:$|[^\\p{{L}}\\p{{N}}_])")
}

/// Compile a pattern that is a constant of this module (the unit tests
/// compile every one of them).
fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern compiles")
}

// ---------------------------------------------------------------------------
// Python string helpers

/// Python's `str.isspace()`: Unicode White_Space plus `\x1c`–`\x1f`.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(py_space)
}

/// Python's `str.split()`.
fn py_split(s: &str) -> Vec<&str> {
    s.split(py_space).filter(|w| !w.is_empty()).collect()
}

/// `text[s:e]` on code points, clamped like a Python slice.
fn slice(chars: &[char], s: usize, e: usize) -> String {
    let e = e.min(chars.len());
    if s >= e {
        String::new()
    } else {
        chars[s..e].iter().collect()
    }
}

/// `" ".join(text[s:e] for s, e in frags)`.
fn join_frags(chars: &[char], frags: &[(usize, usize)]) -> String {
    frags
        .iter()
        .map(|&(s, e)| slice(chars, s, e))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_trim(c: char) -> bool {
    TRIM_CHARS.contains(c)
}

/// Python truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// Python's `int(v)` for a JSON value, `None` where Python raises.
fn py_int(v: &Value) -> Option<i128> {
    match v {
        Value::Bool(b) => Some(i128::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i128::from(i))
            } else if let Some(u) = n.as_u64() {
                Some(i128::from(u))
            } else {
                n.as_f64()
                    .filter(|f| f.is_finite())
                    .map(|f| f.trunc() as i128)
            }
        }
        Value::String(s) => {
            let s = py_strip(s);
            let (neg, digits) = match s.as_bytes().first() {
                Some(b'-') => (true, &s[1..]),
                Some(b'+') => (false, &s[1..]),
                _ => (false, s),
            };
            // digits, with single underscores between them
            if digits.is_empty()
                || digits.starts_with('_')
                || digits.ends_with('_')
                || digits.contains("__")
                || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
            {
                return None;
            }
            let mut n: i128 = 0;
            for b in digits.bytes().filter(u8::is_ascii_digit) {
                n = n.saturating_mul(10).saturating_add(i128::from(b - b'0'));
            }
            Some(if neg { -n } else { n })
        }
        _ => None,
    }
}

/// Python's `str(v)` for the common JSON values.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        other => other.to_string(),
    }
}

/// The document key of a `doc` field: base name without `.txt`.
///
/// ```
/// assert_eq!(quotegraph::eval::doc_key("some/dir/a_b.txt"), "a_b");
/// assert_eq!(quotegraph::eval::doc_key("a_b"), "a_b");
/// ```
pub fn doc_key(raw: &str) -> String {
    let base = raw.rsplit('/').next().unwrap_or(raw);
    base.strip_suffix(".txt").unwrap_or(base).to_string()
}

// ---------------------------------------------------------------------------
// span helpers

/// Sort fragments, drop empty ones and merge overlapping or adjacent ones.
pub fn norm_frags(frags: impl IntoIterator<Item = (usize, usize)>) -> Frags {
    let mut v: Vec<(usize, usize)> = frags.into_iter().filter(|&(s, e)| e > s).collect();
    v.sort_unstable();
    let mut out: Frags = Vec::with_capacity(v.len());
    for (s, e) in v {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// True when some fragment of `a` shares a code point with one of `b`.
pub fn frags_overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> bool {
    a.iter()
        .any(|&(s1, e1)| b.iter().any(|&(s2, e2)| s1.max(s2) < e1.min(e2)))
}

/// The strict-matching key: fragments trimmed of [`TRIM_CHARS`] at both
/// ends, sorted, and merged where only such characters lie between them.
/// Fragments must lie inside `chars`.
pub fn strict_key(chars: &[char], frags: &[(usize, usize)]) -> Frags {
    let mut trimmed = Vec::with_capacity(frags.len());
    for &(s0, e0) in frags {
        let (mut s, mut e) = (s0, e0.min(chars.len()));
        while s < e && is_trim(chars[s]) {
            s += 1;
        }
        while e > s && is_trim(chars[e - 1]) {
            e -= 1;
        }
        if e > s {
            trimmed.push((s, e));
        }
    }
    trimmed.sort_unstable();
    let mut merged: Frags = Vec::with_capacity(trimmed.len());
    for (s, e) in trimmed {
        match merged.last_mut() {
            Some(last) if chars[last.1.min(s)..s].iter().all(|&c| is_trim(c)) => {
                last.1 = last.1.max(e);
            }
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// Token positions of one text, for token sets of spans.
#[derive(Debug, Clone, Default)]
pub struct DocTokens {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl DocTokens {
    /// Find the tokens (maximal runs of word characters) of `text`, in code
    /// points.
    pub fn new(text: &str) -> DocTokens {
        let mut t = DocTokens::default();
        let mut chars = 0;
        let mut byte = 0;
        for m in WORD_RE.find_iter(text) {
            chars += text[byte..m.start()].chars().count();
            t.starts.push(chars);
            chars += m.as_str().chars().count();
            t.ends.push(chars);
            byte = m.end();
        }
        t
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True when the text has no word at all.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Indices of every token the fragments touch, sorted.
    pub fn token_set(&self, frags: &[(usize, usize)]) -> Vec<u32> {
        let mut out = Vec::new();
        for &(s, e) in frags {
            let mut i = self.ends.partition_point(|&end| end <= s);
            while i < self.starts.len() && self.starts[i] < e {
                out.push(i as u32);
                i += 1;
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Size of the intersection of two sorted sets.
fn intersection(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn bump(map: &mut BTreeMap<String, u64>, key: &str, by: u64) {
    *map.entry(key.to_string()).or_insert(0) += by;
}

// ---------------------------------------------------------------------------
// gold

/// One gold attribution relation.
#[derive(Debug, Clone)]
pub struct GoldRelation {
    /// Content fragments (never empty).
    pub content: Frags,
    /// Cue fragments (empty when the relation has no cue).
    pub cue: Frags,
    /// Source fragments (empty when it has no source).
    pub source: Frags,
    /// Content text, fragments joined by one space.
    pub content_text: String,
    /// Cue text.
    pub cue_text: String,
    /// Source text.
    pub source_text: String,
    /// The content contains a quotation mark.
    pub quoted: bool,
    /// In the SPEECH subset: reporting-verb cue or quoted content.
    pub speech: bool,
    tokens: Vec<u32>,
    skey: Frags,
}

/// One gold document: its text and relations.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The text (after universal-newline translation).
    pub text: String,
    chars: Vec<char>,
    tokens: DocTokens,
    /// The relations of the chosen annotator's file.
    pub relations: Vec<GoldRelation>,
}

impl GoldDoc {
    /// Length of the text in code points.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }
}

/// The relations of one `.ann` file as the reference scorer reads them:
/// `T` id → fragments, and each `E` line's role → `T` ids.
type ParsedAnn = (
    HashMap<String, Vec<(usize, usize)>>,
    Vec<HashMap<String, Vec<String>>>,
);

/// Parse brat standoff the way the reference scorer does. Lines that are
/// neither `T` nor `E` lines (including the continuation lines of a `T`
/// whose text runs over several lines) are ignored.
fn parse_ann(ann: &str) -> ParsedAnn {
    let mut tb = HashMap::new();
    let mut events = Vec::new();
    for line in universal_newlines(ann).split('\n') {
        if let Some(m) = T_RE.captures(line) {
            let mut frags = Vec::new();
            for part in m[2].split(';') {
                let nums = py_split(part);
                if let [s, e] = nums[..] {
                    // ASCII digits only (the pattern says so); absurdly long
                    // numbers saturate
                    let num = |x: &str| {
                        x.bytes().fold(0usize, |n, b| {
                            n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
                        })
                    };
                    frags.push((num(s), num(e)));
                }
            }
            tb.insert(m[1].to_string(), frags);
        } else if let Some(m) = E_RE.captures(line) {
            let mut roles: HashMap<String, Vec<String>> = HashMap::new();
            for arg in py_split(&m[1]) {
                if let Some((role, tid)) = arg.split_once(':') {
                    let role = ROLE_DIGITS_RE.replace(role, "").into_owned();
                    roles.entry(role).or_default().push(tid.to_string());
                }
            }
            events.push(roles);
        }
    }
    (tb, events)
}

/// Gold documents and statistics about them.
#[derive(Debug, Clone, Default)]
pub struct Gold {
    /// Documents by key (text file name without `.txt`).
    pub docs: BTreeMap<String, GoldDoc>,
    /// Counts as in the reference scorer's `gold` object (`docs`,
    /// `attributions`, `speech`, `quoted_content`, …). Two keys are this
    /// port's own, present only when non-zero, for cases where the Python
    /// crashes: `unreadable_files` and `relations_out_of_range_skipped`.
    pub stats: BTreeMap<String, u64>,
    /// Problems found while reading, one line each.
    pub warnings: Vec<String>,
}

impl Gold {
    /// Read a gold directory: `DIR/text/*.txt` and `DIR/attributions/*.ann`.
    ///
    /// Fails only when one of the two directories cannot be listed; an
    /// unreadable file or a text without annotations is a warning.
    pub fn load(dir: &Path) -> Result<Gold> {
        let text_dir = dir.join("text");
        let ann_dir = dir.join("attributions");
        let mut gold = Gold::default();
        let text_names = list_dir(&text_dir, ".txt", &mut gold.warnings)?;
        let ann_names = list_dir(&ann_dir, ".ann", &mut gold.warnings)?;
        let mut texts: BTreeMap<String, String> = BTreeMap::new();
        for name in &text_names {
            let path = text_dir.join(name);
            match read_utf8(&path) {
                Ok(t) => {
                    texts.insert(name[..name.len() - 4].to_string(), t);
                }
                Err(e) => {
                    gold.warnings.push(e.to_string());
                    bump(&mut gold.stats, "unreadable_files", 1);
                }
            }
        }
        let mut ann_for: BTreeMap<String, String> = BTreeMap::new();
        for name in &ann_names {
            let stem = &name[..name.len() - 4];
            let doc = if texts.contains_key(stem) {
                stem
            } else {
                match stem.rfind('_') {
                    Some(i) if i + 1 < stem.len() => &stem[..i],
                    _ => stem,
                }
            };
            if texts.contains_key(doc) && !ann_for.contains_key(doc) {
                ann_for.insert(doc.to_string(), name.clone()); // first wins
            }
        }
        for (doc, text) in texts {
            let ann = match ann_for.get(&doc) {
                None => {
                    gold.warnings.push(format!("no .ann file for text {doc}"));
                    bump(&mut gold.stats, "docs_without_ann", 1);
                    None
                }
                Some(name) => match read_utf8(&ann_dir.join(name)) {
                    Ok(a) => Some(a),
                    Err(e) => {
                        gold.warnings.push(e.to_string());
                        bump(&mut gold.stats, "unreadable_files", 1);
                        None
                    }
                },
            };
            let label = ann_for.get(&doc).cloned().unwrap_or_default();
            gold.add_document_inner(&doc, &text, ann.as_deref(), &label);
        }
        Ok(gold)
    }

    /// Add one document: its key, text and (if any) the content of its
    /// `.ann` file. `stats["docs"]` counts the documents added.
    pub fn add_document(&mut self, key: &str, text: &str, ann: Option<&str>) {
        self.add_document_inner(key, text, ann, key);
    }

    fn add_document_inner(&mut self, key: &str, text: &str, ann: Option<&str>, ann_name: &str) {
        let text = universal_newlines(text).into_owned();
        let chars: Vec<char> = text.chars().collect();
        let tokens = DocTokens::new(&text);
        let mut relations = Vec::new();
        if let Some(ann) = ann {
            let (tb, events) = parse_ann(ann);
            for (n, roles) in events.iter().enumerate() {
                let frags_of = |role: &str| {
                    norm_frags(
                        roles
                            .get(role)
                            .into_iter()
                            .flatten()
                            .filter_map(|tid| tb.get(tid))
                            .flatten()
                            .copied(),
                    )
                };
                let content = frags_of("Content");
                if content.is_empty() {
                    bump(&mut self.stats, "relations_without_content_skipped", 1);
                    continue;
                }
                if content.iter().any(|&(_, e)| e > chars.len()) {
                    // the Python scorer crashes here
                    self.warnings.push(format!(
                        "{ann_name}: relation {} (E line {}): content span past the end of \
                         the text ({} code points), skipped",
                        key,
                        n + 1,
                        chars.len()
                    ));
                    bump(&mut self.stats, "relations_out_of_range_skipped", 1);
                    continue;
                }
                let cue = frags_of("Cue");
                let source = frags_of("Source");
                let content_text = join_frags(&chars, &content);
                let cue_text = join_frags(&chars, &cue);
                let source_text = join_frags(&chars, &source);
                let quoted = QUOTE_MARKS.iter().any(|q| content_text.contains(q));
                let speech = SPEECH_CUE_RE.is_match(&cue_text) || quoted;
                let src = py_strip(&source_text).to_lowercase();
                let st = &mut self.stats;
                bump(st, "attributions", 1);
                bump(st, "speech", u64::from(speech));
                bump(st, "quoted_content", u64::from(quoted));
                bump(st, "discontinuous_content", u64::from(content.len() > 1));
                bump(st, "discontinuous_source", u64::from(source.len() > 1));
                bump(st, "discontinuous_cue", u64::from(cue.len() > 1));
                bump(st, "no_source", u64::from(source.is_empty()));
                bump(st, "no_cue", u64::from(cue.is_empty()));
                bump(
                    st,
                    "source_is_pronoun",
                    u64::from(PRONOUNS.contains(&src.as_str())),
                );
                bump(
                    st,
                    "source_is_relative_pronoun",
                    u64::from(["who", "which", "that"].contains(&src.as_str())),
                );
                bump(
                    st,
                    "cue_according_to",
                    u64::from(ACCORDING_TO_RE.is_match(&cue_text)),
                );
                relations.push(GoldRelation {
                    tokens: tokens.token_set(&content),
                    skey: strict_key(&chars, &content),
                    content,
                    cue,
                    source,
                    content_text,
                    cue_text,
                    source_text,
                    quoted,
                    speech,
                });
            }
        }
        bump(&mut self.stats, "docs", 1);
        self.docs.insert(
            key.to_string(),
            GoldDoc {
                text,
                chars,
                tokens,
                relations,
            },
        );
    }

    /// Read predictions from a JSONL file. Fails only when the file cannot
    /// be read; bad lines are counted and reported in
    /// [`Predictions::warnings`].
    pub fn predictions_from_jsonl(&self, path: &Path) -> Result<Predictions> {
        let bytes = std::fs::read(path).map_err(|e| Error::Eval {
            path: path.display().to_string(),
            message: format!("cannot read predictions: {e}"),
        })?;
        let name = path.display().to_string();
        let mut preds = Predictions::default();
        // split on \n before decoding so that one bad line costs one line
        let mut lineno = 0;
        for raw in bytes.split(|&b| b == b'\n') {
            let text = match std::str::from_utf8(raw) {
                Ok(t) => t,
                Err(e) => {
                    lineno += 1;
                    preds.warnings.push(format!(
                        "{name}:{lineno}: not UTF-8 (bad byte at offset {})",
                        e.valid_up_to()
                    ));
                    bump(&mut preds.counters, "bad_json_lines", 1);
                    continue;
                }
            };
            // a lone \r ends a line too, as in Python's text mode
            for line in universal_newlines(text).split('\n') {
                lineno += 1;
                self.add_line(&name, lineno, line, &mut preds);
            }
        }
        preds.finish();
        Ok(preds)
    }

    /// Read predictions from JSONL text; `name` is used in warnings.
    pub fn predictions_from_jsonl_str(&self, name: &str, jsonl: &str) -> Predictions {
        let mut preds = Predictions::default();
        for (i, line) in universal_newlines(jsonl).split('\n').enumerate() {
            self.add_line(name, i + 1, line, &mut preds);
        }
        preds.finish();
        preds
    }

    /// Predictions from records in memory, scored exactly as if they had
    /// been written to JSONL and read back.
    pub fn predictions_from_records<'a>(
        &self,
        records: impl IntoIterator<Item = &'a DocRecord>,
    ) -> Predictions {
        let mut preds = Predictions::default();
        for (i, rec) in records.into_iter().enumerate() {
            match serde_json::to_value(rec) {
                Ok(v) => self.add_object(&v, &mut preds),
                Err(e) => {
                    preds
                        .warnings
                        .push(format!("record {} ({}): {e}", i + 1, rec.doc));
                    bump(&mut preds.counters, "bad_json_lines", 1);
                }
            }
        }
        preds.finish();
        preds
    }

    fn add_line(&self, name: &str, lineno: usize, line: &str, preds: &mut Predictions) {
        let line = py_strip(line);
        if line.is_empty() {
            return;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) if v.is_object() => self.add_object(&v, preds),
            Ok(_) => {
                preds
                    .warnings
                    .push(format!("{name}:{lineno}: not a JSON object"));
                bump(&mut preds.counters, "bad_json_lines", 1);
            }
            Err(e) => {
                preds
                    .warnings
                    .push(format!("{name}:{lineno}: bad JSON ({e})"));
                bump(&mut preds.counters, "bad_json_lines", 1);
            }
        }
    }

    /// One document's predictions (a JSON object with `doc` and
    /// `attributions`).
    fn add_object(&self, obj: &Value, preds: &mut Predictions) {
        let doc = doc_key(&obj.get("doc").map(py_str).unwrap_or_default());
        let Some(gd) = self.docs.get(&doc) else {
            preds.unknown.insert(doc);
            return;
        };
        let counters = &mut preds.counters;
        // `obj.get("attributions") or []`, iterated the way Python would
        let empty = Vec::new();
        let list = match obj.get("attributions") {
            Some(Value::Array(a)) => a,
            Some(v) if truthy(v) => {
                // a dict iterates its keys, a string its characters, a
                // number does not iterate: none of them is an attribution
                let n = match v {
                    Value::Object(o) => o.len(),
                    Value::String(s) => s.chars().count(),
                    _ => 1,
                };
                bump(counters, "bad_attribution", n as u64);
                &empty
            }
            _ => &empty,
        };
        for a in list {
            if !a.is_object() {
                bump(counters, "bad_attribution", 1);
                continue;
            }
            let content = pred_frags(a.get("content"), &gd.chars, counters);
            let content = match content {
                Some(c) if !c.is_empty() => c,
                _ => {
                    bump(counters, "prediction_without_content_skipped", 1);
                    continue;
                }
            };
            let cue = pred_frags(a.get("cue"), &gd.chars, counters).unwrap_or_default();
            let speaker = pred_frags(a.get("speaker"), &gd.chars, counters).unwrap_or_default();
            preds.by_doc.entry(doc.clone()).or_default().push(Pred {
                tokens: gd.tokens.token_set(&content),
                skey: strict_key(&gd.chars, &content),
                content,
                cue,
                speaker,
            });
        }
    }

    /// Score predictions against this gold.
    pub fn score(&self, preds: &Predictions) -> Report {
        let mut acc = [Acc::default(), Acc::default()];
        let picks: [fn(&GoldRelation) -> bool; 2] = [|_| true, |g| g.speech];
        let none = Vec::new();
        for (doc, gd) in &self.docs {
            let ps = preds.by_doc.get(doc).unwrap_or(&none);
            let golds = &gd.relations;
            let opairs = overlap_match(ps, golds);
            let spairs = strict_match(ps, golds);
            for (a, pick) in acc.iter_mut().zip(picks) {
                a.n_pred += ps.len() as u64;
                a.n_gold += golds.iter().filter(|g| pick(g)).count() as u64;
                for &(i, j) in &opairs {
                    let (g, p) = (&golds[j], &ps[i]);
                    if !pick(g) {
                        a.pred_on_other_gold += 1;
                        continue;
                    }
                    a.tp += 1;
                    let spk_ok = agree(&p.speaker, &g.source);
                    let cue_ok = agree(&p.cue, &g.cue);
                    a.speaker_ok += u64::from(spk_ok);
                    a.cue_ok += u64::from(cue_ok);
                    a.triple_ok += u64::from(spk_ok && cue_ok);
                }
                for &(_, j) in &spairs {
                    if pick(&golds[j]) {
                        a.strict_tp += 1;
                    } else {
                        a.strict_pred_on_other_gold += 1;
                    }
                }
            }
        }
        let [all, speech] = acc.map(|a| a.finish());
        Report {
            all,
            speech,
            gold: self.stats.clone(),
            docs_with_predictions: self
                .docs
                .keys()
                .filter(|d| preds.by_doc.get(*d).is_some_and(|v| !v.is_empty()))
                .count(),
            unknown_pred_docs: preds.unknown.len(),
            prediction_warnings: preds.counters.clone(),
        }
    }
}

/// Names of the files in `dir` ending in `suffix`, sorted by code point.
fn list_dir(dir: &Path, suffix: &str, warnings: &mut Vec<String>) -> Result<Vec<String>> {
    let rd = std::fs::read_dir(dir).map_err(|e| Error::Eval {
        path: dir.display().to_string(),
        message: format!("cannot list gold directory: {e}"),
    })?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| Error::Eval {
            path: dir.display().to_string(),
            message: format!("cannot list gold directory: {e}"),
        })?;
        match entry.file_name().into_string() {
            Ok(n) if n.ends_with(suffix) => names.push(n),
            Ok(_) => {}
            Err(n) => warnings.push(format!(
                "{}: file name is not UTF-8, ignored",
                dir.join(n).display()
            )),
        }
    }
    names.sort();
    Ok(names)
}

fn read_utf8(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::Eval {
        path: path.display().to_string(),
        message: format!("cannot read: {e}"),
    })?;
    String::from_utf8(bytes).map_err(|e| Error::Eval {
        path: path.display().to_string(),
        message: format!(
            "not valid UTF-8 (first bad byte at offset {}), skipped",
            e.utf8_error().valid_up_to()
        ),
    })
}

/// Speaker/cue rule: overlap when both exist, else both must be absent.
fn agree(pred: &[(usize, usize)], gold: &[(usize, usize)]) -> bool {
    if !gold.is_empty() && !pred.is_empty() {
        frags_overlap(pred, gold)
    } else {
        gold.is_empty() && pred.is_empty()
    }
}

/// The reference scorer's `pred_frags`: the fragments of a prediction
/// field (`span`, `spans`, or a `{"start", "end"}` span), or `None`.
fn pred_frags(
    field: Option<&Value>,
    chars: &[char],
    counters: &mut BTreeMap<String, u64>,
) -> Option<Frags> {
    let field = match field {
        Some(Value::Object(o)) if !o.is_empty() => o,
        _ => return None,
    };
    let mut raw: Vec<(&Value, &Value)> = Vec::new();
    if let Some(Value::Array(spans)) = field.get("spans") {
        for sp in spans {
            if let Value::Array(pair) = sp {
                if let [s, e] = &pair[..] {
                    raw.push((s, e));
                }
            }
        }
    }
    match field.get("span") {
        Some(Value::Array(pair)) if pair.len() == 2 => raw.push((&pair[0], &pair[1])),
        Some(Value::Object(o)) => {
            if let (Some(s), Some(e)) = (o.get("start"), o.get("end")) {
                raw.push((s, e));
            }
        }
        _ => {}
    }
    let mut frags: Vec<(i128, i128)> = Vec::with_capacity(raw.len());
    for (s, e) in raw {
        match (py_int(s), py_int(e)) {
            (Some(s), Some(e)) => frags.push((s, e)),
            _ => {
                bump(counters, "bad_span", 1);
                return None;
            }
        }
    }
    if frags.is_empty() {
        if field.get("text").is_some_and(truthy) {
            bump(counters, "span_missing", 1);
        }
        return None;
    }
    let len = chars.len() as i128;
    if frags.iter().any(|&(s, e)| s < 0 || e > len || s > e) {
        bump(counters, "span_out_of_range", 1);
        return None;
    }
    let frags: Vec<(usize, usize)> = frags
        .into_iter()
        .map(|(s, e)| (s as usize, e as usize))
        .collect();
    if let Some(Value::String(ptxt)) = field.get("text") {
        if !py_strip(ptxt).is_empty() {
            // as in the reference scorer: the distinct fragments in order
            // (a `span` repeating a fragment of `spans` is not a second one)
            let mut sorted = frags.clone();
            sorted.sort_unstable();
            sorted.dedup();
            let got = join_frags(chars, &sorted);
            if py_split(&got) != py_split(ptxt) {
                bump(counters, "text_span_mismatch", 1);
            }
        }
    }
    Some(norm_frags(frags))
}

// ---------------------------------------------------------------------------
// predictions and matching

/// One predicted attribution, reduced to what is scored.
#[derive(Debug, Clone)]
struct Pred {
    content: Frags,
    cue: Frags,
    speaker: Frags,
    tokens: Vec<u32>,
    skey: Frags,
}

/// Predictions read against a [`Gold`], grouped by document.
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    by_doc: HashMap<String, Vec<Pred>>,
    unknown: BTreeSet<String>,
    /// Problems counted while reading (`bad_json_lines`, `bad_span`,
    /// `span_out_of_range`, `text_span_mismatch`, …), as the reference
    /// scorer's `prediction_warnings`.
    pub counters: BTreeMap<String, u64>,
    /// Problems found while reading, one line each.
    pub warnings: Vec<String>,
}

impl Predictions {
    /// Number of predictions kept (with a usable content span).
    pub fn len(&self) -> usize {
        self.by_doc.values().map(Vec::len).sum()
    }

    /// True when no prediction was kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Document keys that were predicted for but are not in the gold.
    pub fn unknown_docs(&self) -> impl Iterator<Item = &str> {
        self.unknown.iter().map(String::as_str)
    }

    fn finish(&mut self) {
        for d in &self.unknown {
            self.warnings
                .push(format!("predictions for unknown doc {d:?} ignored"));
        }
        for (k, v) in &self.counters {
            self.warnings.push(format!("{k}: {v}"));
        }
    }
}

/// Greedy one-to-one matching by token Jaccard; ties go to more shared
/// tokens, then the earlier gold, then the earlier prediction. Returns
/// `(prediction, gold)` index pairs.
fn overlap_match(preds: &[Pred], golds: &[GoldRelation]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(f64, usize, usize, usize)> = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        for (j, g) in golds.iter().enumerate() {
            let inter = intersection(&p.tokens, &g.tokens);
            if inter == 0 {
                // token-free spans (pure punctuation): fall back to chars
                if (p.tokens.is_empty() || g.tokens.is_empty())
                    && frags_overlap(&p.content, &g.content)
                {
                    cands.push((0.0, 0, j, i));
                }
                continue;
            }
            let union = p.tokens.len() + g.tokens.len() - inter;
            cands.push((inter as f64 / union as f64, inter, j, i));
        }
    }
    cands.sort_unstable_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    let mut used_p = vec![false; preds.len()];
    let mut used_g = vec![false; golds.len()];
    let mut pairs = Vec::new();
    for (_, _, j, i) in cands {
        if used_p[i] || used_g[j] {
            continue;
        }
        used_p[i] = true;
        used_g[j] = true;
        pairs.push((i, j));
    }
    pairs
}

/// One-to-one matching of equal strict keys, predictions in order, each
/// taking the earliest free gold.
fn strict_match(preds: &[Pred], golds: &[GoldRelation]) -> Vec<(usize, usize)> {
    let mut by_key: HashMap<&Frags, std::collections::VecDeque<usize>> = HashMap::new();
    for (j, g) in golds.iter().enumerate() {
        if !g.skey.is_empty() {
            by_key.entry(&g.skey).or_default().push_back(j);
        }
    }
    let mut pairs = Vec::new();
    for (i, p) in preds.iter().enumerate() {
        if p.skey.is_empty() {
            continue;
        }
        if let Some(j) = by_key.get_mut(&p.skey).and_then(|q| q.pop_front()) {
            pairs.push((i, j));
        }
    }
    pairs
}

// ---------------------------------------------------------------------------
// report

#[derive(Debug, Default, Clone, Copy)]
struct Acc {
    n_pred: u64,
    n_gold: u64,
    pred_on_other_gold: u64,
    tp: u64,
    speaker_ok: u64,
    cue_ok: u64,
    triple_ok: u64,
    strict_tp: u64,
    strict_pred_on_other_gold: u64,
}

impl Acc {
    fn finish(self) -> SubsetScores {
        let n_pred_o = self.n_pred - self.pred_on_other_gold;
        let n_pred_s = self.n_pred - self.strict_pred_on_other_gold;
        let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        SubsetScores {
            n_gold: self.n_gold,
            n_pred: self.n_pred,
            n_pred_counted: n_pred_o,
            matched: self.tp,
            content_overlap: Prf::new(self.tp, n_pred_o, self.n_gold),
            content_strict: Prf::new(self.strict_tp, n_pred_s, self.n_gold),
            strict_matched: self.strict_tp,
            speaker_acc: ratio(self.speaker_ok, self.tp),
            cue_acc: ratio(self.cue_ok, self.tp),
            triple: Prf::new(self.triple_ok, n_pred_o, self.n_gold),
            triple_correct: self.triple_ok,
        }
    }
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F1.
    pub f1: f64,
}

impl Prf {
    /// P = tp / n_pred, R = tp / n_gold (0 when the denominator is 0).
    pub fn new(tp: u64, n_pred: u64, n_gold: u64) -> Prf {
        let p = if n_pred > 0 {
            tp as f64 / n_pred as f64
        } else {
            0.0
        };
        let r = if n_gold > 0 {
            tp as f64 / n_gold as f64
        } else {
            0.0
        };
        let f1 = if p + r != 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Prf { p, r, f1 }
    }
}

/// Figures for one subset of gold relations.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SubsetScores {
    /// Gold relations in the subset.
    pub n_gold: u64,
    /// All predictions.
    pub n_pred: u64,
    /// Predictions counted for precision: all but those matched to a gold
    /// relation outside the subset.
    pub n_pred_counted: u64,
    /// Overlap-matched pairs with a gold relation in the subset.
    pub matched: u64,
    /// Content by token-overlap matching.
    pub content_overlap: Prf,
    /// Content by strict matching.
    pub content_strict: Prf,
    /// Strictly matched pairs with a gold relation in the subset.
    pub strict_matched: u64,
    /// Share of matched pairs whose speaker is right.
    pub speaker_acc: f64,
    /// Share of matched pairs whose cue is right.
    pub cue_acc: f64,
    /// Matched pairs with speaker and cue right, over predictions and gold.
    pub triple: Prf,
    /// Matched pairs with speaker and cue right.
    pub triple_correct: u64,
}

impl SubsetScores {
    fn to_json(self) -> Value {
        json!({
            "content_overlap": {"f1": self.content_overlap.f1, "p": self.content_overlap.p,
                                "r": self.content_overlap.r},
            "content_strict": {"f1": self.content_strict.f1, "matched": self.strict_matched,
                               "p": self.content_strict.p, "r": self.content_strict.r},
            "cue_acc": self.cue_acc,
            "matched": self.matched,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "n_pred_counted": self.n_pred_counted,
            "speaker_acc": self.speaker_acc,
            "triple": {"correct": self.triple_correct, "f1": self.triple.f1,
                       "p": self.triple.p, "r": self.triple.r},
        })
    }
}

/// The result of scoring: the reference scorer's JSON object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// Every gold relation.
    pub all: SubsetScores,
    /// Relations with a reporting-verb cue or quoted content.
    pub speech: SubsetScores,
    /// Gold statistics ([`Gold::stats`]).
    pub gold: BTreeMap<String, u64>,
    /// Gold documents with at least one usable prediction.
    pub docs_with_predictions: usize,
    /// Documents predicted for that are not in the gold.
    pub unknown_pred_docs: usize,
    /// [`Predictions::counters`].
    pub prediction_warnings: BTreeMap<String, u64>,
}

impl Report {
    /// The report as JSON, with the reference scorer's keys (sorted).
    pub fn to_json(&self) -> Value {
        json!({
            "all": self.all.to_json(),
            "docs_with_predictions": self.docs_with_predictions,
            "gold": self.gold,
            "prediction_warnings": self.prediction_warnings,
            "speech": self.speech.to_json(),
            "unknown_pred_docs": self.unknown_pred_docs,
        })
    }

    /// The JSON printed as the reference scorer prints it (`json.dumps`
    /// with `indent=1, sort_keys=True`: one-space indent, Python float
    /// repr), without a trailing newline.
    pub fn to_json_string(&self) -> String {
        let mut out = String::new();
        write_py_json(&self.to_json(), 0, &mut out);
        out
    }

    /// The compact table the reference scorer prints, lines ending in `\n`.
    pub fn table(&self) -> String {
        let g = |k: &str| self.gold.get(k).copied().unwrap_or(0);
        let mut out = format!(
            "gold: {} docs, {} attributions ({} speech, {} quoted); predictions for {} docs\n",
            g("docs"),
            g("attributions"),
            g("speech"),
            g("quoted_content"),
            self.docs_with_predictions
        );
        let hdr = format!(
            "{:<7} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>8} {:>6} {:>6} | {:>7} {:>7} | {:>6} {:>6} {:>6}",
            "subset", "gold", "pred", "ovl P", "R", "F1", "strict P", "R", "F1", "spk acc",
            "cue acc", "tri P", "R", "F1"
        );
        out.push_str(&hdr);
        out.push('\n');
        out.push_str(&"-".repeat(hdr.chars().count()));
        out.push('\n');
        for (name, r) in [("all", &self.all), ("speech", &self.speech)] {
            let (co, cs, tr) = (r.content_overlap, r.content_strict, r.triple);
            out.push_str(&format!(
                "{name:<7} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>8.3} {:>6.3} {:>6.3} | \
                 {:>7.3} {:>7.3} | {:>6.3} {:>6.3} {:>6.3}\n",
                r.n_gold,
                r.n_pred_counted,
                co.p,
                co.r,
                co.f1,
                cs.p,
                cs.r,
                cs.f1,
                r.speaker_acc,
                r.cue_acc,
                tr.p,
                tr.r,
                tr.f1
            ));
        }
        out
    }
}

/// Write JSON as Python's `json.dumps(v, indent=1)` does (object keys in
/// the order given; [`Report::to_json`] gives them sorted).
fn write_py_json(v: &Value, depth: usize, out: &mut String) {
    let pad = |out: &mut String, d: usize| {
        out.push('\n');
        out.push_str(&" ".repeat(d));
    };
    match v {
        Value::Object(o) if !o.is_empty() => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                out.push_str(&Value::String(k.clone()).to_string());
                out.push_str(": ");
                write_py_json(x, depth + 1, out);
            }
            pad(out, depth);
            out.push('}');
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                pad(out, depth + 1);
                write_py_json(x, depth + 1, out);
            }
            pad(out, depth);
            out.push(']');
        }
        Value::Number(n) if n.is_f64() => out.push_str(&py_float_repr(n.as_f64().unwrap_or(0.0))),
        other => out.push_str(&other.to_string()),
    }
}

/// Python's `repr(float)`: the shortest round-trip digits, positional
/// for exponents -4 to 15, else `1.5e-05` style.
fn py_float_repr(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .into();
    }
    let sci = format!("{x:e}"); // shortest digits: "-8.125e-5", "1e16", "0e0"
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mant) = match mant.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mant),
    };
    if !(-4..16).contains(&exp) {
        let esign = if exp < 0 { '-' } else { '+' };
        return format!("{sign}{mant}e{esign}{:02}", exp.unsigned_abs());
    }
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    let point = usize::try_from(exp + 1).unwrap_or(0);
    let body = if exp < 0 {
        format!("0.{}{digits}", "0".repeat((-exp - 1) as usize))
    } else if digits.len() > point {
        format!("{}.{}", &digits[..point], &digits[point..])
    } else {
        format!("{digits}{}.0", "0".repeat(point - digits.len()))
    };
    format!("{sign}{body}")
}

// ---------------------------------------------------------------------------
// extraction for scoring

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

#[cfg(test)]
mod tests {
    use super::*;

    fn regexes_compile() -> Vec<&'static Regex> {
        vec![
            &*WORD_RE,
            &*SPEECH_CUE_RE,
            &*ACCORDING_TO_RE,
            &*T_RE,
            &*E_RE,
            &*ROLE_DIGITS_RE,
        ]
    }

    #[test]
    fn built_in_patterns_compile() {
        for re in regexes_compile() {
            assert!(Regex::new(re.as_str()).is_ok(), "{}", re.as_str());
        }
    }

    #[test]
    fn word_chars_are_pythons_not_regex_crate() {
        let toks = |s: &str| {
            let t = DocTokens::new(s);
            t.starts
                .iter()
                .zip(&t.ends)
                .map(|(&a, &b)| (a, b))
                .collect::<Vec<_>>()
        };
        // a combining mark splits a Python token; the regex crate's \w would not
        assert_eq!(toks("Jose\u{301} x"), vec![(0, 4), (6, 7)]);
        // ½ (No) is a word character in Python
        assert_eq!(toks("1½ cups"), vec![(0, 2), (3, 7)]);
        // ‿ (Pc other than _) is not
        assert_eq!(toks("a‿b_c"), vec![(0, 1), (2, 5)]);
        assert_eq!(toks("Лавров said “да”"), vec![(0, 6), (7, 11), (13, 15)]);
    }

    #[test]
    fn speech_cues_follow_python_boundaries_and_case() {
        let m = |s: &str| SPEECH_CUE_RE.is_match(s);
        assert!(m("said"));
        assert!(m("SAID"));
        assert!(m("has told"));
        assert!(m("according to"));
        assert!(m("pointed out"));
        assert!(m("sa\u{130}d")); // İ matches i in Python's re.I
        assert!(!m("saidx"));
        assert!(!m("resaid"));
        assert!(!m("believed"));
        assert!(!m("according  to"));
    }

    #[test]
    fn boundary_before_combining_mark_is_pythons() {
        // Python: re.search(r"\bsaid\b", "said\u0301") matches, since U+0301
        // is not \w there. Our consuming boundary agrees.
        assert!(SPEECH_CUE_RE.is_match("said\u{301}"));
        assert!(SPEECH_CUE_RE.is_match("\u{301}said"));
        assert!(!SPEECH_CUE_RE.is_match("½said"));
    }

    #[test]
    fn t_lines_and_e_lines() {
        let ann = "T1\tContent 10 20;30 40\tfirst part\nsecond line of T1\n\
                   T2\tCue 5 9\tsaid\nT3\tSource 0 4;7\tbad frag\nT4\tSource 1 2 3\tx\n\
                   E1\tAttribution:T9 Content:T1 Content2:T2 Cue:T2 Source:T3\n\
                   A1\tFoo E1\nE2 broken\n";
        let (tb, ev) = parse_ann(ann);
        assert_eq!(tb["T1"], vec![(10, 20), (30, 40)]);
        assert_eq!(tb["T2"], vec![(5, 9)]);
        assert_eq!(tb["T3"], vec![(0, 4)]);
        assert!(tb["T4"].is_empty());
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0]["Content"], vec!["T1", "T2"]);
        assert_eq!(ev[0]["Attribution"], vec!["T9"]);
    }

    #[test]
    fn norm_and_strict() {
        assert_eq!(
            norm_frags([(5, 9), (0, 3), (3, 4), (7, 7)]),
            vec![(0, 4), (5, 9)]
        );
        let chars: Vec<char> = "“Yes,” he said, “we will.”".chars().collect();
        // “Yes,” and “we will.” merge across `, he said, `? No: words between.
        assert_eq!(
            strict_key(&chars, &[(0, 6), (16, 26)]),
            vec![(1, 4), (17, 24)]
        );
        let chars: Vec<char> = "“Yes,” — “we will.”".chars().collect();
        assert_eq!(strict_key(&chars, &[(0, 6), (9, 19)]), vec![(1, 17)]);
        assert!(strict_key(&chars, &[(6, 9)]).is_empty());
    }

    #[test]
    fn token_sets_touch() {
        let t = DocTokens::new("ab cd ef");
        assert_eq!(t.token_set(&[(1, 4)]), vec![0, 1]);
        assert_eq!(t.token_set(&[(2, 3)]), Vec::<u32>::new());
        assert_eq!(t.token_set(&[(0, 2), (2, 8)]), vec![0, 1, 2]);
    }

    #[test]
    fn python_int_and_str() {
        assert_eq!(py_int(&json!(3)), Some(3));
        assert_eq!(py_int(&json!(3.9)), Some(3));
        assert_eq!(py_int(&json!(-3.9)), Some(-3));
        assert_eq!(py_int(&json!(true)), Some(1));
        assert_eq!(py_int(&json!(" 1_0 ")), Some(10));
        assert_eq!(py_int(&json!("1__0")), None);
        assert_eq!(py_int(&json!("1.5")), None);
        assert_eq!(py_int(&json!(null)), None);
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(doc_key("a/b/c.txt.txt"), "c.txt");
    }

    fn gold_one(text: &str, ann: &str) -> Gold {
        let mut g = Gold::default();
        g.add_document("d", text, Some(ann));
        g
    }

    #[test]
    fn overlap_ties_go_to_earlier_gold_then_prediction() {
        // golds "aa bb" and "bb. aa"; two predictions "bb": Jaccard 1/2 and
        // one shared token everywhere, so gold 0 takes prediction 0 and
        // gold 1 the other
        let text = "aa bb. aa bb.";
        let ann = "T1\tContent 0 5\taa bb\nT2\tContent 3 9\tbb. aa\n\
                   E1\tAttribution:T1 Content:T1\nE2\tAttribution:T2 Content:T2\n";
        let g = gold_one(text, ann);
        let p = g.predictions_from_jsonl_str(
            "p",
            r#"{"doc":"d","attributions":[{"content":{"span":[3,5]}},{"content":{"span":[3,5]}}]}"#,
        );
        let pairs = overlap_match(&p.by_doc["d"], &g.docs["d"].relations);
        assert_eq!(pairs, vec![(0, 0), (1, 1)]);
        // a higher Jaccard wins over order: "bb. aa" (2/2) goes to gold 1
        let p = g.predictions_from_jsonl_str(
            "p",
            r#"{"doc":"d","attributions":[{"content":{"span":[3,5]}},{"content":{"span":[3,9]}}]}"#,
        );
        let pairs = overlap_match(&p.by_doc["d"], &g.docs["d"].relations);
        assert_eq!(pairs, vec![(1, 1), (0, 0)]);
    }

    #[test]
    fn punctuation_only_contents_fall_back_to_chars() {
        let text = "x -- y";
        let ann = "T1\tContent 2 4\t--\nE1\tAttribution:T1 Content:T1\n";
        let g = gold_one(text, ann);
        let p = g.predictions_from_jsonl_str(
            "p",
            r#"{"doc":"d","attributions":[{"content":{"span":[0,3]}}]}"#,
        );
        let r = g.score(&p);
        assert_eq!(r.all.matched, 1);
    }

    #[test]
    fn bad_gold_spans_are_skipped_not_panics() {
        let g = gold_one(
            "short",
            "T1\tContent 0 99\tx\nE1\tAttribution:T1 Content:T1\nE2\tCue:T7\n",
        );
        assert!(g.docs["d"].relations.is_empty());
        assert_eq!(g.stats["relations_out_of_range_skipped"], 1);
        assert_eq!(g.stats["relations_without_content_skipped"], 1);
        assert!(!g.stats.contains_key("attributions"));
    }

    #[test]
    fn weird_prediction_lines_are_counted() {
        let g = gold_one("Hello there.", "");
        let p = g.predictions_from_jsonl_str(
            "p",
            "not json\n[1]\n\n{\"doc\": \"d\", \"attributions\": {\"a\": 1}}\n\
             {\"doc\": \"d\", \"attributions\": [1, {\"content\": {\"span\": [0, 99]}},\
              {\"content\": {\"span\": [\"x\", 2]}}, {\"content\": {\"text\": \"Hi\"}},\
              {\"content\": {\"text\": \"Hullo\", \"span\": {\"start\": 0, \"end\": 5}}}]}\n\
             {\"doc\": \"zz\"}\n",
        );
        let c = &p.counters;
        assert_eq!(c["bad_json_lines"], 2);
        assert_eq!(c["bad_attribution"], 2);
        assert_eq!(c["span_out_of_range"], 1);
        assert_eq!(c["bad_span"], 1);
        assert_eq!(c["span_missing"], 1);
        assert_eq!(c["prediction_without_content_skipped"], 3);
        assert_eq!(c["text_span_mismatch"], 1);
        assert_eq!(p.len(), 1);
        assert_eq!(p.unknown_docs().collect::<Vec<_>>(), vec!["zz"]);
    }

    #[test]
    fn floats_print_like_python_repr() {
        for (x, want) in [
            (0.0, "0.0"),
            (1.0, "1.0"),
            (0.5, "0.5"),
            (2.0 / 3.0, "0.6666666666666666"),
            (0.0001, "0.0001"),
            (8.12248710555172e-05, "8.12248710555172e-05"),
            (1e-05, "1e-05"),
            (123.25, "123.25"),
            (1e16, "1e+16"),
            (1234567890123456.0, "1234567890123456.0"),
            (-0.25, "-0.25"),
        ] {
            assert_eq!(py_float_repr(x), want);
        }
        let mut s = String::new();
        write_py_json(&json!({"a": {}, "b": [1, {"c": 0.5}]}), 0, &mut s);
        assert_eq!(
            s,
            "{\n \"a\": {},\n \"b\": [\n  1,\n  {\n   \"c\": 0.5\n  }\n ]\n}"
        );
    }

    #[test]
    fn universal_newlines_like_python() {
        assert_eq!(universal_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }

    #[test]
    fn table_has_reference_layout() {
        let r = Report::default();
        let t = r.table();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[1].len(), lines[2].len());
        assert_eq!(lines[3].len(), lines[1].len());
        assert!(lines[3].starts_with("all         0     0 |  0.000"));
    }
}
