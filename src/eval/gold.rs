//! Gold annotations: brat standoff in the PolNeAR layout, read as the
//! reference scorer reads it, with its statistics.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::python::{join_frags, py_split, py_strip};
use super::spans::{norm_frags, strict_key, DocTokens};
use super::{bump, compile, Frags};
use crate::class::Scope;
use crate::error::{Error, Result};
use crate::input::universal_newlines;

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
    pub(super) tokens: Vec<u32>,
    pub(super) skey: Frags,
}

/// One gold document: its text and relations.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    /// The text (after universal-newline translation).
    pub text: String,
    pub(super) chars: Vec<char>,
    pub(super) tokens: DocTokens,
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
    Vec<usize>,
);

/// Parse brat standoff the way the reference scorer does. Lines that are
/// neither `T` nor `E` lines (including the continuation lines of a `T`
/// whose text runs over several lines) are ignored. The third part lists
/// the (1-based) lines that look like `T` or `E` lines but are malformed,
/// or whose span is not two numbers: ignored as the reference scorer
/// ignores them, and reported.
fn parse_ann(ann: &str) -> ParsedAnn {
    let mut tb = HashMap::new();
    let mut events = Vec::new();
    let mut malformed = Vec::new();
    for (i, line) in universal_newlines(ann).split('\n').enumerate() {
        if let Some(m) = T_RE.captures(line) {
            let mut frags = Vec::new();
            for part in m[2].split(';') {
                let nums = py_split(part);
                if nums.len() != 2 && !malformed.contains(&(i + 1)) {
                    malformed.push(i + 1);
                }
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
        } else if looks_like_t_or_e(line) {
            malformed.push(i + 1);
        }
    }
    (tb, events, malformed)
}

/// Does `line` start like a `T` or `E` line (`T12`, `E3` and a tab or
/// space)?
fn looks_like_t_or_e(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(['T', 'E']) else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with([' ', '\t'])
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
    /// Which predicted attributions are scored, by their `class` and
    /// `content_type` (a prediction without them counts as a speech
    /// clause): [`Scope::All`] unless set.
    pub scope: Scope,
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
            let (tb, events, malformed) = parse_ann(ann);
            if !malformed.is_empty() {
                let shown: Vec<String> = malformed.iter().take(10).map(|l| l.to_string()).collect();
                self.warnings.push(format!(
                    "{ann_name}: {} malformed T/E line{} (line {}{}), ignored as the reference scorer ignores them",
                    malformed.len(),
                    if malformed.len() == 1 { "" } else { "s" },
                    shown.join(", "),
                    if malformed.len() > 10 { ", …" } else { "" }
                ));
            }
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
                if cue
                    .iter()
                    .chain(&source)
                    .any(|&(s, e)| s > e || e > chars.len())
                {
                    // scored as the reference scorer scores it (the text
                    // sliced to its end), but said
                    self.warnings.push(format!(
                        "{ann_name}: relation {} (E line {}): cue or source span outside the \
                         text ({} code points)",
                        key,
                        n + 1,
                        chars.len()
                    ));
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold_one;
    use crate::eval::spans::WORD_RE;

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
        let (tb, ev, malformed) = parse_ann(ann);
        assert_eq!(malformed, [4, 5, 8]);
        assert_eq!(tb["T1"], vec![(10, 20), (30, 40)]);
        assert_eq!(tb["T2"], vec![(5, 9)]);
        assert_eq!(tb["T3"], vec![(0, 4)]);
        assert!(tb["T4"].is_empty());
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0]["Content"], vec!["T1", "T2"]);
        assert_eq!(ev[0]["Attribution"], vec!["T9"]);
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
    fn malformed_lines_and_spans_outside_the_text_are_reported() {
        let g = gold_one(
            "short text here",
            "T1\tContent 0 5\tshort\nT2\tCue 6 99\tx\nT3 Source oops\n\
             E1\tAttribution:T1 Content:T1 Cue:T2\n",
        );
        for warning in [
            "1 malformed T/E line (line 3)",
            "cue or source span outside the text",
        ] {
            let warned = g.warnings.iter().any(|w| w.contains(warning));
            assert!(warned, "{warning:?} not in {:?}", g.warnings);
        }
    }
}
