//! What changed between two extraction runs (`quotegraph diff OLD.jsonl
//! NEW.jsonl`): per document, the attributions added, removed and
//! changed, and which fields of a changed one differ.
//!
//! Attributions are matched between the runs first by their cue's span
//! (the same reporting word found again), then, among those left, by how
//! much their content (and cue) spans overlap, largest overlap first.
//! What has no partner is added or removed.
//!
//! ```
//! use quotegraph::{Document, Extractor};
//! use quotegraph::diff::diff_runs;
//!
//! let ex = Extractor::default();
//! let old = ex.extract(&Document::new("a.txt", "Lavrov said the talks failed.")).to_record();
//! let new = ex.extract(&Document::new("a.txt", "Lavrov said the talks failed badly.")).to_record();
//! let d = diff_runs(&[old.clone()], &[old.clone()]);
//! assert!(d.is_empty());
//! let d = diff_runs(&[old], &[new]);
//! assert_eq!(d.changed, 1);
//! assert_eq!(d.docs[0].changed[0].fields[0].field, "content");
//! ```

use std::collections::HashMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::input::{escape_controls, read_record_paths, Problem};
use crate::record::{AttributionRecord, DocRecord, MentionRecord};

/// The differences between two runs.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RunDiff {
    /// Documents in either run.
    pub documents: usize,
    /// Documents that differ.
    pub differing: usize,
    /// Attributions only in the new run (added documents' included).
    pub added: usize,
    /// Attributions only in the old run (removed documents' included).
    pub removed: usize,
    /// Attributions in both runs with some field changed.
    pub changed: usize,
    /// The documents that differ, in the old run's order, then the new
    /// documents in the new run's order.
    pub docs: Vec<DocDiff>,
}

impl RunDiff {
    /// True when the runs hold the same attributions.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// Whether a document is in one run or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    /// Only in the new run.
    Added,
    /// Only in the old run.
    Removed,
    /// In both, with different attributions or dateline.
    Changed,
}

/// How one document differs.
#[derive(Debug, Clone, Serialize)]
pub struct DocDiff {
    /// The document's name (`doc` of its record).
    pub doc: String,
    /// Only in one run, or changed.
    pub status: DocStatus,
    /// Document-level fields that changed (the dateline).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Attributions only in the new run.
    pub added: Vec<AttributionRecord>,
    /// Attributions only in the old run.
    pub removed: Vec<AttributionRecord>,
    /// Attributions matched between the runs whose fields differ.
    pub changed: Vec<AttributionChange>,
}

/// One attribution found in both runs, with what differs.
#[derive(Debug, Clone, Serialize)]
pub struct AttributionChange {
    /// Its id in the old run.
    pub old_id: String,
    /// Its id in the new run.
    pub new_id: String,
    /// The new run's cue, as written.
    pub cue: String,
    /// The new run's cue span (code points).
    pub cue_span: [usize; 2],
    /// The fields that differ, in a fixed order.
    pub fields: Vec<FieldChange>,
}

/// One field's old and new value, as readable text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// `speaker`, `speaker entity`, `content`, `cue`, `kind`, `class`,
    /// `content type`, `polarity`, `source`, `source entity`,
    /// `addressee`, `addressee entity`, `mentions`, `rule` or `dateline`.
    pub field: String,
    /// The old value (`none` when absent).
    pub old: String,
    /// The new value.
    pub new: String,
}

impl FieldChange {
    fn new(field: &str, old: String, new: String) -> Self {
        let field = field.to_string();
        FieldChange { field, old, new }
    }
}

/// Read two runs' extraction records (`extract --format jsonl` output,
/// plain or `.gz`) and compare them. A file that cannot be opened is an
/// error; bad lines are problems (reported, the other records compared),
/// as is a document named twice in one run (the first is compared).
pub fn diff_files(old: &str, new: &str) -> Result<(RunDiff, Vec<Problem>)> {
    for p in [old, new] {
        if p != "-" {
            std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        }
    }
    let (a, mut problems) = read_run(old);
    let (b, more) = read_run(new);
    problems.extend(more);
    Ok((diff_runs(&a, &b), problems))
}

/// The records of one run, a document named again dropped (and reported).
fn read_run(path: &str) -> (Vec<DocRecord>, Vec<Problem>) {
    let (records, mut problems) = read_record_paths(&[path.to_string()]);
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut kept = Vec::with_capacity(records.len());
    for r in records {
        *seen.entry(r.doc.clone()).or_default() += 1;
        if seen[&r.doc] == 1 {
            kept.push(r);
        }
    }
    let mut repeated: Vec<(&String, &usize)> = seen.iter().filter(|(_, &n)| n > 1).collect();
    repeated.sort();
    for (doc, n) in repeated {
        problems.push(Problem::error(
            path,
            None,
            format!(
                "document `{}` appears {n} times; the first is compared",
                escape_controls(doc)
            ),
        ));
    }
    (kept, problems)
}

/// Compare two runs' records, document by document (by `doc`).
pub fn diff_runs(old: &[DocRecord], new: &[DocRecord]) -> RunDiff {
    let by_name: HashMap<&str, &DocRecord> = new.iter().map(|r| (r.doc.as_str(), r)).collect();
    let old_names: HashMap<&str, ()> = old.iter().map(|r| (r.doc.as_str(), ())).collect();
    let mut d = RunDiff::default();
    for o in old {
        let diff = match by_name.get(o.doc.as_str()) {
            Some(n) => diff_doc(o, n),
            None => Some(DocDiff {
                doc: o.doc.clone(),
                status: DocStatus::Removed,
                fields: Vec::new(),
                added: Vec::new(),
                removed: o.attributions.clone(),
                changed: Vec::new(),
            }),
        };
        d.push(diff);
    }
    for n in new
        .iter()
        .filter(|n| !old_names.contains_key(n.doc.as_str()))
    {
        d.push(Some(DocDiff {
            doc: n.doc.clone(),
            status: DocStatus::Added,
            fields: Vec::new(),
            added: n.attributions.clone(),
            removed: Vec::new(),
            changed: Vec::new(),
        }));
    }
    d
}

impl RunDiff {
    fn push(&mut self, doc: Option<DocDiff>) {
        self.documents += 1;
        if let Some(doc) = doc {
            self.differing += 1;
            self.added += doc.added.len();
            self.removed += doc.removed.len();
            self.changed += doc.changed.len();
            self.docs.push(doc);
        }
    }
}

/// How a document in both runs differs, if it does.
fn diff_doc(old: &DocRecord, new: &DocRecord) -> Option<DocDiff> {
    let mut doc = DocDiff {
        doc: old.doc.clone(),
        status: DocStatus::Changed,
        fields: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
        changed: Vec::new(),
    };
    let dateline = |r: &DocRecord| match &r.dateline {
        Some(d) => format!("{} {}", quoted(&d.text), span(d.span)),
        None => "none".to_string(),
    };
    let (was, now) = (dateline(old), dateline(new));
    if was != now {
        doc.fields.push(FieldChange::new("dateline", was, now));
    }
    let pairs = match_attributions(&old.attributions, &new.attributions);
    for (o, n) in pairs {
        match (o, n) {
            (Some(o), Some(n)) => {
                let (a, b) = (&old.attributions[o], &new.attributions[n]);
                let fields = compare(old, a, new, b);
                if !fields.is_empty() {
                    doc.changed.push(AttributionChange {
                        old_id: a.id.clone(),
                        new_id: b.id.clone(),
                        cue: b.cue.text.clone(),
                        cue_span: b.cue.span,
                        fields,
                    });
                }
            }
            (Some(o), None) => doc.removed.push(old.attributions[o].clone()),
            (None, Some(n)) => doc.added.push(new.attributions[n].clone()),
            (None, None) => {}
        }
    }
    let same = doc.fields.is_empty()
        && doc.added.is_empty()
        && doc.removed.is_empty()
        && doc.changed.is_empty();
    (!same).then_some(doc)
}

/// Pairs of (old, new) attribution indexes: matched ones, then the old
/// ones left (removed), then the new ones left (added).
fn match_attributions(
    old: &[AttributionRecord],
    new: &[AttributionRecord],
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut partner_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut partner_of_old: Vec<Option<usize>> = vec![None; old.len()];
    // 1. the same cue span, the best content overlap among several
    let mut by_cue: HashMap<[usize; 2], Vec<usize>> = HashMap::new();
    for (j, b) in new.iter().enumerate() {
        by_cue.entry(b.cue.span).or_default().push(j);
    }
    for (i, a) in old.iter().enumerate() {
        let Some(cands) = by_cue.get(&a.cue.span) else {
            continue;
        };
        let best = cands
            .iter()
            .copied()
            .filter(|&j| partner_of_new[j].is_none())
            .max_by_key(|&j| (content_overlap(a, &new[j]), std::cmp::Reverse(j)));
        if let Some(j) = best {
            partner_of_new[j] = Some(i);
            partner_of_old[i] = Some(j);
        }
    }
    // 2. the rest by overlap of content and cue, largest first
    let mut scored = Vec::new();
    for (i, a) in old
        .iter()
        .enumerate()
        .filter(|(i, _)| partner_of_old[*i].is_none())
    {
        for (j, b) in new
            .iter()
            .enumerate()
            .filter(|(j, _)| partner_of_new[*j].is_none())
        {
            let s = content_overlap(a, b) + overlap(a.cue.span, b.cue.span);
            if s > 0 {
                scored.push((std::cmp::Reverse(s), i, j));
            }
        }
    }
    scored.sort_unstable();
    for (_, i, j) in scored {
        if partner_of_old[i].is_none() && partner_of_new[j].is_none() {
            partner_of_old[i] = Some(j);
            partner_of_new[j] = Some(i);
        }
    }
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = partner_of_old
        .iter()
        .enumerate()
        .map(|(i, j)| (Some(i), *j))
        .collect();
    pairs.extend(
        (0..new.len())
            .filter(|&j| partner_of_new[j].is_none())
            .map(|j| (None, Some(j))),
    );
    pairs
}

/// Code points two spans share.
fn overlap(a: [usize; 2], b: [usize; 2]) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// Code points the two contents' fragments share.
fn content_overlap(a: &AttributionRecord, b: &AttributionRecord) -> usize {
    let mut n = 0;
    for &x in &a.content.spans {
        for &y in &b.content.spans {
            n += overlap(x, y);
        }
    }
    n
}

/// How one compared field is read from an attribution (and its
/// document, for entity names), as the text a reviewer sees.
type Reader = fn(&DocRecord, &AttributionRecord) -> String;

/// The compared fields, in the order a change lists them.
const FIELDS: [(&str, Reader); 14] = [
    ("speaker", |_, r| mention(&r.speaker)),
    ("speaker entity", |d, r| entity(d, &r.speaker)),
    ("content", |_, r| content(r)),
    ("cue", |_, r| {
        let c = &r.cue;
        format!("{} {} ({})", quoted(&c.text), span(c.span), c.lemma)
    }),
    ("kind", |_, r| r.kind.as_str().into()),
    ("class", |_, r| r.class.to_string()),
    ("content type", |_, r| r.content_type.to_string()),
    ("polarity", |_, r| r.polarity.to_string()),
    ("source", |_, r| mention(&r.source)),
    ("source entity", |d, r| entity(d, &r.source)),
    ("addressee", |_, r| mention(&r.addressee)),
    ("addressee entity", |d, r| entity(d, &r.addressee)),
    ("mentions", |_, r| {
        if r.mentions.is_empty() {
            "none".to_string()
        } else {
            r.mentions.join(", ")
        }
    }),
    ("rule", |_, r| r.rule.clone()),
];

/// The fields of two matched attributions that differ.
fn compare(
    od: &DocRecord,
    a: &AttributionRecord,
    nd: &DocRecord,
    b: &AttributionRecord,
) -> Vec<FieldChange> {
    FIELDS
        .iter()
        .filter_map(|(name, read)| {
            let (old, new) = (read(od, a), read(nd, b));
            (old != new).then(|| FieldChange::new(name, old, new))
        })
        .collect()
}

/// A mention's entity: its id and name in the record's document.
fn entity(d: &DocRecord, m: &Option<MentionRecord>) -> String {
    match m.as_ref().and_then(|m| m.entity.as_deref()) {
        Some(id) => match d.entity(id) {
            Some(e) => format!("{id} ({})", quoted(&e.name)),
            None => id.to_string(),
        },
        None => "none".to_string(),
    }
}

fn span(s: [usize; 2]) -> String {
    format!("[{},{})", s[0], s[1])
}

/// `"text"`, shortened to 80 characters, control characters escaped.
fn quoted(s: &str) -> String {
    const MAX: usize = 80;
    let short: String = if s.chars().count() > MAX {
        let mut t: String = s.chars().take(MAX - 1).collect();
        t.push('…');
        t
    } else {
        s.to_string()
    };
    format!("\"{}\"", escape_controls(&short))
}

fn mention(m: &Option<MentionRecord>) -> String {
    match m {
        Some(m) => format!("{} {}", quoted(&m.text), span(m.span)),
        None => "none".to_string(),
    }
}

fn content(r: &AttributionRecord) -> String {
    let spans: Vec<String> = r.content.spans.iter().map(|&s| span(s)).collect();
    format!("{} {}", spans.join("+"), quoted(&r.content.text))
}

/// One attribution on one line: id, cue, speaker, content.
fn summary(r: &AttributionRecord) -> String {
    format!(
        "{} {} {}: speaker {}, content {}",
        r.id,
        quoted(&r.cue.text),
        span(r.cue.span),
        mention(&r.speaker),
        content(r)
    )
}

/// The differences as a person reviews them: one block per document,
/// `+` added, `-` removed, `~` changed with each field's `old → new`,
/// and a closing count. Control characters of the input are escaped.
pub fn render_text(d: &RunDiff, old: &str, new: &str) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "--- {}", escape_controls(old));
    let _ = writeln!(s, "+++ {}", escape_controls(new));
    for doc in &d.docs {
        let name = escape_controls(&doc.doc);
        let n = |k: usize| if k == 1 { "" } else { "s" };
        match doc.status {
            DocStatus::Added => {
                let k = doc.added.len();
                let _ = writeln!(s, "{name}: only in the new run ({k} attribution{})", n(k));
            }
            DocStatus::Removed => {
                let k = doc.removed.len();
                let _ = writeln!(s, "{name}: only in the old run ({k} attribution{})", n(k));
            }
            DocStatus::Changed => {
                let _ = writeln!(
                    s,
                    "{name}: {} added, {} removed, {} changed",
                    doc.added.len(),
                    doc.removed.len(),
                    doc.changed.len()
                );
            }
        }
        for f in &doc.fields {
            let _ = writeln!(s, "  ~ {}: {} → {}", f.field, f.old, f.new);
        }
        if doc.status == DocStatus::Changed {
            for r in &doc.removed {
                let _ = writeln!(s, "  - {}", summary(r));
            }
            for r in &doc.added {
                let _ = writeln!(s, "  + {}", summary(r));
            }
        }
        for c in &doc.changed {
            let ids = if c.old_id == c.new_id {
                c.old_id.clone()
            } else {
                format!("{} → {}", c.old_id, c.new_id)
            };
            let _ = writeln!(s, "  ~ {ids} {} {}", quoted(&c.cue), span(c.cue_span));
            for f in &c.fields {
                let _ = writeln!(s, "      {}: {} → {}", f.field, f.old, f.new);
            }
        }
    }
    if d.is_empty() {
        let _ = writeln!(s, "no differences ({} documents)", d.documents);
    } else {
        let _ = writeln!(
            s,
            "{} of {} documents differ: {} attributions added, {} removed, {} changed",
            d.differing, d.documents, d.added, d.removed, d.changed
        );
    }
    s
}

/// The differences as one JSON object: the counts and `docs`, each with
/// its added and removed attributions as records and its changes.
pub fn render_json(d: &RunDiff, old: &str, new: &str) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        old: &'a str,
        new: &'a str,
        #[serde(flatten)]
        diff: &'a RunDiff,
    }
    let mut s = serde_json::to_string_pretty(&Out { old, new, diff: d }).expect("serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Extractor};

    fn rec(doc: &str, text: &str) -> DocRecord {
        Extractor::default()
            .extract(&Document::new(doc, text))
            .to_record()
    }

    #[test]
    fn equal_runs_have_no_differences() {
        let r = rec(
            "a",
            "Lavrov said the talks failed. Smith told reporters it rained.",
        );
        let d = diff_runs(std::slice::from_ref(&r), std::slice::from_ref(&r));
        assert!(d.is_empty());
        assert_eq!(d.documents, 1);
        assert!(render_text(&d, "o", "n").contains("no differences (1 documents)"));
    }

    #[test]
    fn added_removed_and_changed_are_told_apart() {
        let old = rec(
            "a",
            "Lavrov said the talks failed. Smith told reporters it rained.",
        );
        let mut new = old.clone();
        // the second attribution gone, the first with another speaker
        let removed = new.attributions.pop().unwrap();
        new.attributions[0].speaker.as_mut().unwrap().text = "He".into();
        let only_new = rec("b", "Berg said prices rose.");
        let d = diff_runs(&[old], &[new, only_new]);
        assert_eq!((d.documents, d.differing), (2, 2));
        assert_eq!((d.added, d.removed, d.changed), (1, 1, 1));
        assert_eq!(d.docs[0].removed[0].id, removed.id);
        let f = &d.docs[0].changed[0].fields;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].field, "speaker");
        assert!(f[0].old.starts_with("\"Lavrov\"") && f[0].new.starts_with("\"He\""));
        assert_eq!(d.docs[1].status, DocStatus::Added);
        let text = render_text(&d, "o", "n");
        assert!(text.contains("  ~ a1 \"said\""), "{text}");
        assert!(
            text.contains("b: only in the new run (1 attribution)"),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&render_json(&d, "o", "n")).unwrap();
        assert_eq!(
            json["docs"][0]["changed"][0]["fields"][0]["field"],
            "speaker"
        );
    }

    #[test]
    fn a_moved_cue_is_matched_by_its_content() {
        let old = rec("a", "Lavrov said the talks failed.");
        let mut new = old.clone();
        let a = &mut new.attributions[0];
        a.cue.span = [a.cue.span[0] + 1, a.cue.span[1]];
        let d = diff_runs(&[old], &[new]);
        assert_eq!((d.added, d.removed, d.changed), (0, 0, 1));
        assert_eq!(d.docs[0].changed[0].fields[0].field, "cue");
    }

    #[test]
    fn control_characters_are_escaped_in_the_text() {
        let old = rec("a\x1b[31m", "Lavrov said the talks failed.");
        let d = diff_runs(&[old], &[]);
        let text = render_text(&d, "o", "n");
        assert!(!text.contains('\x1b'));
        assert!(text.contains("a\\u{1b}[31m: only in the old run"), "{text}");
    }
}
