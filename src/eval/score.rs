//! Scoring: predictions matched to gold relations one-to-one (by token
//! overlap, and strictly), and the report the reference scorer prints.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Value};

use super::gold::{Gold, GoldRelation};
use super::predictions::{Pred, Predictions};
use super::python::write_py_json;
use super::spans::frags_overlap;
use super::Frags;
use crate::sorted::intersection_len as intersection;

impl Gold {
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

/// Speaker/cue rule: overlap when both exist, else both must be absent.
fn agree(pred: &[(usize, usize)], gold: &[(usize, usize)]) -> bool {
    if !gold.is_empty() && !pred.is_empty() {
        frags_overlap(pred, gold)
    } else {
        gold.is_empty() && pred.is_empty()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::gold_one;

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
    fn table_has_reference_layout() {
        let r = Report::default();
        let t = r.table();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[1].len(), lines[2].len());
        assert_eq!(lines[3].len(), lines[1].len());
        assert!(lines[3].starts_with("all         0     0 |  0.000"));
    }
}
