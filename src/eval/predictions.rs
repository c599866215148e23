//! Predictions read against the gold: JSONL as `quotegraph extract`
//! writes it (or records in memory), every oddity the reference scorer
//! tolerates counted rather than fatal.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use serde_json::Value;

use super::gold::Gold;
use super::python::{join_frags, py_int, py_split, py_str, py_strip, truthy};
use super::spans::{norm_frags, strict_key};
use super::{bump, doc_key, Frags};
use crate::error::{Error, Result};
use crate::input::universal_newlines;
use crate::record::DocRecord;

impl Gold {
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

    /// Whether the scope admits a predicted attribution (its `class` and
    /// `content_type` as written; missing or unknown ones read as the
    /// defaults, speech and clause).
    fn in_scope(&self, a: &Value) -> bool {
        let field = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or("");
        let class = field("class").parse().unwrap_or_default();
        let content = field("content_type").parse().unwrap_or_default();
        self.scope.admits(class, content)
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
            if !self.in_scope(a) {
                bump(counters, "out_of_scope_skipped", 1);
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

/// One predicted attribution, reduced to what is scored.
#[derive(Debug, Clone)]
pub(super) struct Pred {
    pub(super) content: Frags,
    pub(super) cue: Frags,
    pub(super) speaker: Frags,
    pub(super) tokens: Vec<u32>,
    pub(super) skey: Frags,
}

/// Predictions read against a [`Gold`], grouped by document.
#[derive(Debug, Clone, Default)]
pub struct Predictions {
    pub(super) by_doc: HashMap<String, Vec<Pred>>,
    pub(super) unknown: BTreeSet<String>,
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

#[cfg(test)]
mod tests {
    use crate::eval::gold_one;

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
}
