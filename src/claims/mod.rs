//! Claims: the reports of one statement by one speaker, grouped across
//! documents, outlets and days.
//!
//! Two reports are one claim when they have the same speaker entity, the
//! same polarity, and their contents say the same thing:
//!
//! 1. **identical** after normalizing quote marks, case, contractions and
//!    punctuation ("We won't back down" = "we will not back down"), found
//!    by hashing the normalized words;
//! 2. **cut or extended**: the shorter's normalized words (at least
//!    [`MIN_CONTAINED`]) appear in order, contiguously, in the longer's
//!    (one outlet quotes a sentence, another that sentence and the next),
//!    found through an index of the longer reports' word 4-grams; or two
//!    cuts of one passage: they share a run of at least [`MIN_SHARED_RUN`]
//!    normalized words and have the same numbers (each report's word
//!    8-grams, the first report holding each remembered);
//! 3. **close paraphrase**: the content words (no determiners, auxiliaries,
//!    pronouns or prepositions; light stems; a small synonym list in
//!    `data/claims.ron`) overlap with Jaccard similarity at least
//!    [`PARAPHRASE_JACCARD`], or one's content words are all among the
//!    other's and make up at least [`CUT_JACCARD`] of them (an indirect
//!    report of part of what a quote says); both have at least
//!    [`MIN_CONTENT`] content words (or the sets are equal with two), the
//!    numbers are the same and the negation words agree; candidates come
//!    from a MinHash index ([`lsh`]), never from all pairs.
//!
//! Groups are closed under these links (union-find). Work is near-linear:
//! every report is hashed once, looks up one 4-gram and its MinHash bands,
//! and each index bucket is capped ([`BUCKET_CAP`]) so a very common
//! phrase cannot make it quadratic.

pub mod lsh;
pub mod norm;

use std::collections::HashMap;

pub use norm::{normalize, words, Normalized};

/// The fewest normalized words a cut quote must keep to join a longer one.
pub const MIN_CONTAINED: usize = 4;
/// The fewest normalized words in a row two reports must share to be two
/// cuts of one passage (neither holding the other whole).
pub const MIN_SHARED_RUN: usize = 8;
/// The fewest content words each report needs for the paraphrase test.
pub const MIN_CONTENT: usize = 3;
/// The Jaccard similarity of content words from which two reports are
/// paraphrases of one claim.
pub const PARAPHRASE_JACCARD: f64 = 0.7;
/// The Jaccard similarity from which a report whose content words are all
/// among another's is a paraphrase of part of it.
pub const CUT_JACCARD: f64 = 0.5;
/// The most reports an index bucket remembers; later reports compare with
/// the most recent ones only.
pub const BUCKET_CAP: usize = 64;

/// One report to group.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// The speaker, as any number (a node index): reports of different
    /// speakers are never grouped.
    pub speaker: usize,
    /// The content as written.
    pub text: &'a str,
    /// The report denies the content ("did not say", "denied").
    pub negated: bool,
}

/// Union-find over report indices.
struct Sets(Vec<u32>);

impl Sets {
    fn find(&mut self, mut i: u32) -> u32 {
        while self.0[i as usize] != i {
            let up = self.0[self.0[i as usize] as usize];
            self.0[i as usize] = up;
            i = up;
        }
        i
    }
    fn union(&mut self, a: u32, b: u32) {
        let (a, b) = (self.find(a), self.find(b));
        // the earlier report stays the root
        match a.cmp(&b) {
            std::cmp::Ordering::Less => self.0[b as usize] = a,
            std::cmp::Ordering::Greater => self.0[a as usize] = b,
            std::cmp::Ordering::Equal => {}
        }
    }
}

/// Group `reports` into claims: for each report, the index of the first
/// report of its claim.
///
/// ```
/// use quotegraph::claims::{group, Report};
/// let r = |speaker, text| Report { speaker, text, negated: false };
/// let g = group(&[
///     r(1, "We won't back down."),
///     r(1, "we will not back down"),
///     r(2, "We won't back down."),
/// ]);
/// assert_eq!(g, [0, 0, 2]);
/// ```
pub fn group(reports: &[Report<'_>]) -> Vec<usize> {
    let mut sets = Sets((0..reports.len() as u32).collect());
    // reports by speaker and polarity, each handled on its own so memory is
    // that of the largest speaker
    let mut by_speaker: HashMap<(usize, bool), Vec<u32>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        by_speaker
            .entry((r.speaker, r.negated))
            .or_default()
            .push(i as u32);
    }
    let mut keys: Vec<(usize, bool)> = by_speaker.keys().copied().collect();
    keys.sort_unstable();
    for k in keys {
        group_one_speaker(reports, &by_speaker[&k], &mut sets);
    }
    (0..reports.len() as u32)
        .map(|i| sets.find(i) as usize)
        .collect()
}

/// Link the reports `ids` of one speaker and polarity.
fn group_one_speaker(reports: &[Report<'_>], ids: &[u32], sets: &mut Sets) {
    // 1. identical normalized words: keep one representative per text
    let mut exact: HashMap<u64, u32> = HashMap::with_capacity(ids.len());
    let mut reps: Vec<(u32, Normalized)> = Vec::new();
    for &i in ids {
        let n = normalize(reports[i as usize].text);
        if n.words.is_empty() {
            continue;
        }
        let key = norm::hash_str(&n.words.join(" "));
        match exact.get(&key) {
            Some(&first) => sets.union(first, i),
            None => {
                exact.insert(key, i);
                reps.push((i, n));
            }
        }
    }
    if reps.len() < 2 {
        return;
    }
    // each word hashed once; an n-gram's hash folds its words' hashes
    let word_hashes: Vec<Vec<u64>> = reps
        .iter()
        .map(|(_, n)| n.words.iter().map(|w| norm::hash_str(w)).collect())
        .collect();
    // 2. containment: every 4-gram of every report → the reports holding it
    let mut grams: HashMap<u64, Vec<u32>> = HashMap::new();
    for (r, hs) in word_hashes.iter().enumerate() {
        let mut seen = Vec::new();
        for w in hs.windows(MIN_CONTAINED) {
            let h = gram_hash(w);
            if seen.contains(&h) {
                continue;
            }
            seen.push(h);
            let b = grams.entry(h).or_default();
            if b.len() < BUCKET_CAP {
                b.push(r as u32);
            }
        }
    }
    for (r, (i, n)) in reps.iter().enumerate() {
        if n.words.len() < MIN_CONTAINED {
            continue;
        }
        let h = gram_hash(&word_hashes[r][..MIN_CONTAINED]);
        for &o in grams.get(&h).into_iter().flatten() {
            let (j, m) = &reps[o as usize];
            if o as usize != r && m.words.len() > n.words.len() && contains(&m.words, &n.words) {
                sets.union(*i, *j);
            }
        }
    }
    drop(grams);
    // two cuts of one passage: a shared run of MIN_SHARED_RUN words, and
    // the same numbers (a shared frame around other figures is another
    // claim). Every report sharing a run is joined to the first report
    // holding it with those numbers, so one report per key is enough.
    let mut runs: HashMap<u64, u32> = HashMap::new();
    for ((i, n), hs) in reps.iter().zip(&word_hashes) {
        let numbers = n
            .numbers
            .iter()
            .fold(0x6e75_6d73u64, |h, x| norm::mix(h ^ x));
        for w in hs.windows(MIN_SHARED_RUN) {
            let h = norm::mix(gram_hash(w) ^ numbers);
            match runs.get(&h) {
                Some(&first) => sets.union(first, *i),
                None => {
                    runs.insert(h, *i);
                }
            }
        }
    }
    drop(runs);
    // 3. paraphrase: MinHash bands of the content words → candidates
    let mut index = lsh::Index::new();
    for (r, (i, n)) in reps.iter().enumerate() {
        if n.content.len() < 2 {
            continue;
        }
        for o in index.candidates_and_insert(&n.content, r as u32, BUCKET_CAP) {
            let (j, m) = &reps[o as usize];
            if paraphrase(n, m) {
                sets.union(*i, *j);
            }
        }
    }
}

/// The hash of an n-gram from its words' hashes (order matters).
fn gram_hash(words: &[u64]) -> u64 {
    words.iter().fold(0x9e37_79b9_7f4a_7c15, |h, w| {
        norm::mix(h.rotate_left(5) ^ w)
    })
}

/// `long` holds `short` as a contiguous run.
fn contains(long: &[String], short: &[String]) -> bool {
    long.windows(short.len()).any(|w| w == short)
}

/// Two normalized reports are close paraphrases.
pub fn paraphrase(a: &Normalized, b: &Normalized) -> bool {
    if a.numbers != b.numbers || a.negated != b.negated {
        return false;
    }
    let small = a.content.len().min(b.content.len());
    if small >= MIN_CONTENT {
        let j = norm::jaccard(&a.content, &b.content);
        j >= PARAPHRASE_JACCARD
            || (j >= CUT_JACCARD
                && (subset(&a.content, &b.content) || subset(&b.content, &a.content)))
    } else {
        small >= 2 && a.content == b.content
    }
}

/// Every member of the sorted set `a` is in the sorted set `b`.
fn subset(a: &[u64], b: &[u64]) -> bool {
    a.len() <= b.len() && a.iter().all(|x| b.binary_search(x).is_ok())
}

#[cfg(test)]
mod tests;
