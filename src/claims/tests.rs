use super::*;

fn r(speaker: usize, text: &str) -> Report<'_> {
    Report {
        speaker,
        text,
        negated: false,
    }
}

#[test]
fn identical_quotes_after_normalizing_are_one_claim() {
    let g = group(&[
        r(1, "“We won’t back down,”"),
        r(1, "we will not back down"),
        r(1, "We will back down."),
    ]);
    assert_eq!(g, [0, 0, 2]);
}

#[test]
fn cut_and_extended_quotes_are_one_claim() {
    let g = group(&[
        r(1, "The corridor will stay open for as long as ships need it."),
        r(
            1,
            "The corridor will stay open for as long as ships need it. We have the means to protect it.",
        ),
        r(1, "We have the means"),
        r(1, "open for"),
    ]);
    assert_eq!(g[0], g[1]);
    assert_eq!(g[2], g[0]);
    assert_eq!(g[3], 3, "too short to join");
}

#[test]
fn close_paraphrases_join_but_other_content_does_not() {
    let g = group(&[
        r(1, "the plant would reopen in spring"),
        r(1, "the factory will reopen in the spring"),
        r(1, "the factory will close in the spring"),
        r(1, "the factory will reopen in 2027"),
    ]);
    assert_eq!(g, [0, 0, 2, 3]);
}

#[test]
fn speakers_and_polarity_keep_claims_apart() {
    let reports = [
        r(1, "We won't back down"),
        r(2, "We won't back down"),
        Report {
            negated: true,
            ..r(1, "We won't back down")
        },
        r(1, "we will back down"),
    ];
    assert_eq!(group(&reports), [0, 1, 2, 3]);
}

#[test]
fn common_phrases_stay_near_linear() {
    // thousands of reports sharing most words: buckets are capped, and the
    // grouping still finds the exact copies
    let texts: Vec<String> = (0..5000)
        .map(|i| format!("the economy will grow by {} percent next year", i % 50))
        .collect();
    let reports: Vec<Report<'_>> = texts.iter().map(|t| r(7, t)).collect();
    let g = group(&reports);
    let claims: std::collections::HashSet<usize> = g.iter().copied().collect();
    assert_eq!(claims.len(), 50);
}

#[test]
fn two_cuts_sharing_a_long_run_are_one_claim() {
    // neither holds the other whole: each adds words of its own around a
    // shared run of eight words
    let g = group(&[
        r(
            1,
            "Today we say that the grain corridor will stay open for every ship",
        ),
        r(
            1,
            "the grain corridor will stay open for every ship that asks, he said",
        ),
        r(1, "the grain corridor will stay open for ships in winter"),
        r(
            1,
            "In 30 days the grain corridor will stay open for every ship",
        ),
    ]);
    assert_eq!(g[0], g[1]);
    assert_eq!(g[2], 2, "a run of seven words is not enough");
    assert_eq!(g[3], 3, "another figure makes another claim");
}

#[test]
fn a_report_of_part_of_a_claim_joins_it() {
    // every content word of the shorter is in the longer, and they make up
    // half of it or more
    let g = group(&[
        r(
            1,
            "he was not ready to support the mayor's campaign for the council",
        ),
        r(1, "he's not ready to support the mayor"),
        r(
            1,
            "he's not ready to support a budget, a plan, a tax, a council or a mayor",
        ),
    ]);
    assert_eq!(g[0], g[1]);
    assert_eq!(g[2], 2, "three of seven content words are too few");
}
