//! Normalizing a report's words: quote marks, case, contractions and
//! punctuation for the exact and containment tests; content words (no
//! determiners, auxiliaries or pronouns, light stems, a small synonym list)
//! for the paraphrase test.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

/// The word lists of `data/claims.ron`, compiled once.
#[derive(Debug, Deserialize)]
struct Lexicon {
    stop: HashSet<String>,
    negation: HashSet<String>,
    additive: HashSet<String>,
    synonyms: HashMap<String, String>,
    contractions: HashMap<String, String>,
    /// Longest suffix first.
    #[serde(deserialize_with = "longest_first")]
    suffixes: Vec<(String, String)>,
}

/// The suffix map of the file as a list, longest suffix first (ties in
/// alphabetical order, so stemming does not depend on the map's order).
fn longest_first<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(String, String)>, D::Error> {
    let map: HashMap<String, String> = HashMap::deserialize(d)?;
    let mut suffixes: Vec<(String, String)> = map.into_iter().collect();
    suffixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    Ok(suffixes)
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        ron::from_str(include_str!("../../data/claims.ron"))
            .expect("data/claims.ron is valid (checked by a test)")
    })
}

/// A report's words, normalized.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Every word, lowercased, contractions written out, punctuation gone.
    pub words: Vec<String>,
    /// Hashes of the content words (stems, synonyms merged), sorted and
    /// deduplicated.
    pub content: Vec<u64>,
    /// Hashes of the numbers, sorted and deduplicated: two reports with
    /// different figures are never one claim.
    pub numbers: Vec<u64>,
    /// Odd number of negation words.
    pub negated: bool,
}

/// A stable 64-bit hash (FNV-1a over the bytes, then mixed), so groups
/// and ids do not depend on the process's random hasher seed.
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fnv(0xcbf2_9ce4_8422_2325);
    s.hash(&mut h);
    mix(h.0)
}

/// A 64-bit finalizer (splitmix64).
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Lowercase words of `text`: curly quotes and apostrophes made straight,
/// contractions written out ("won't" → "will not", "we're" → "we are",
/// possessive "'s" dropped), everything but letters and digits a break.
pub fn words(text: &str) -> Vec<String> {
    let lex = lexicon();
    let mut out = Vec::new();
    let lower = text.to_lowercase();
    for raw in lower.split(|c: char| c.is_whitespace() || c == '—' || c == '–') {
        let w: String = raw
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' | '\u{b4}' => '\'',
                c => c,
            })
            .collect();
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        let expanded: String = if let Some(full) = lex.contractions.get(w) {
            full.clone()
        } else if let Some((suf, rep)) = lex.suffixes.iter().find(|(s, _)| w.ends_with(s.as_str()))
        {
            format!("{}{}", &w[..w.len() - suf.len()], rep)
        } else {
            w.to_string()
        };
        for piece in expanded.split(|c: char| !c.is_alphanumeric()) {
            if !piece.is_empty() {
                out.push(piece.to_string());
            }
        }
    }
    out
}

/// A light stem: plural and tense endings off ("reopens", "reopened",
/// "reopening" → "reopen").
fn stem(w: &str) -> &str {
    let n = w.len();
    if n > 5 && w.ends_with("ing") {
        &w[..n - 3]
    } else if n > 4 && w.ends_with("ed") {
        &w[..n - 2]
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..n - 1]
    } else {
        w
    }
}

/// Normalize `text` for grouping.
pub fn normalize(text: &str) -> Normalized {
    let lex = lexicon();
    let words = words(text);
    let mut content = Vec::new();
    let mut numbers = Vec::new();
    let mut negations = 0usize;
    for (k, w) in words.iter().enumerate() {
        if lex.negation.contains(w.as_str()) {
            // "not just a loser, a liar": a negation before an additive
            // word adds rather than denies
            let additive = words
                .get(k + 1)
                .is_some_and(|next| lex.additive.contains(next.as_str()));
            if !additive {
                negations += 1;
            }
            continue;
        }
        if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            numbers.push(hash_str(w));
            continue;
        }
        if lex.stop.contains(w.as_str()) {
            continue;
        }
        let word = lex
            .synonyms
            .get(w.as_str())
            .map(String::as_str)
            .unwrap_or_else(|| {
                let s = stem(w);
                lex.synonyms.get(s).map(String::as_str).unwrap_or(s)
            });
        content.push(hash_str(word));
    }
    content.sort_unstable();
    content.dedup();
    numbers.sort_unstable();
    numbers.dedup();
    Normalized {
        words,
        content,
        numbers,
        negated: negations % 2 == 1,
    }
}

/// Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let both = crate::sorted::intersection_len(a, b);
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_marks_case_contractions_and_punctuation_do_not_count() {
        assert_eq!(words("We won't back down!"), words("we will not back down"));
        assert_eq!(words("“We’re ready,” ..."), ["we", "are", "ready"]);
        assert_eq!(words("Russia's army"), ["russia", "army"]);
    }

    #[test]
    fn paraphrases_share_their_content_words() {
        let a = normalize("the plant would reopen in spring");
        let b = normalize("the factory will reopen in the spring");
        assert_eq!(a.content, b.content);
        assert!(!a.negated);
        assert!(normalize("we will not back down").negated);
        assert!(!normalize("you are not just a loser, you are a liar").negated);
        assert_ne!(normalize("2 ships").numbers, normalize("3 ships").numbers);
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
    }
}
