//! Precision and recall of claim grouping on a hand-labelled set of
//! report pairs (`tests/fixtures/claims/pairs.tsv`): a pair is predicted
//! "same" when [`claims::group`] puts both reports in one claim.

use quotegraph::claims::{group, Report};

fn report(speaker: &str, text: &str) -> (usize, String, bool) {
    let negated = text.starts_with('!');
    (
        speaker.parse().expect("a speaker number"),
        text.trim_start_matches('!').to_string(),
        negated,
    )
}

#[test]
fn grouping_is_precise_on_the_labelled_pairs() {
    let pairs = include_str!("fixtures/claims/pairs.tsv");
    let (mut tp, mut fp, mut fn_, mut tn) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in pairs
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "five columns: {line}");
        let a = report(f[0], f[3]);
        let b = report(f[1], f[4]);
        let reports = [
            Report {
                speaker: a.0,
                text: &a.1,
                negated: a.2,
            },
            Report {
                speaker: b.0,
                text: &b.1,
                negated: b.2,
            },
        ];
        let g = group(&reports);
        let same = g[0] == g[1];
        match (f[2], same) {
            ("same", true) => tp += 1,
            ("same", false) => {
                fn_ += 1;
                misses.push(line.to_string());
            }
            ("diff", true) => {
                fp += 1;
                misses.push(line.to_string());
            }
            ("diff", false) => tn += 1,
            (l, _) => panic!("label {l:?}"),
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "claims: {} pairs, precision {precision:.3}, recall {recall:.3} (tp {tp} fp {fp} fn {fn_} tn {tn})\nerrors:\n{}",
        tp + fp + fn_ + tn,
        misses.join("\n")
    );
    assert!(tp + fn_ >= 20 && fp + tn >= 20);
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.75, "recall {recall:.3}");
}
