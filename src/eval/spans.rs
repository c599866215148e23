//! Spans as the scorer compares them: code-point fragments, normalised
//! and trimmed, and the word tokens they touch.

use std::sync::LazyLock;

use regex::Regex;

use super::{compile, Frags};

/// Characters trimmed at both ends of a content fragment for strict matching.
pub const TRIM_CHARS: &str =
    " \t\r\n\u{a0}\"'\u{201c}\u{201d}\u{2018}\u{2019}`\u{ab}\u{bb},.;:!?()[]{}\u{2014}\u{2013}-\u{2026}*";

fn is_trim(c: char) -> bool {
    TRIM_CHARS.contains(c)
}

/// Python's `\w` on `str`: Unicode letters (L*), numbers (N*) and `_`.
/// (Checked against CPython 3.11 over every code point; the regex crate's
/// own `\w` differs on combining marks, `‿`-like connectors and `½`.)
const PY_WORD: &str = r"[\p{L}\p{N}_]";

/// One token: a maximal run of Python word characters.
pub(super) static WORD_RE: LazyLock<Regex> = LazyLock::new(|| compile(&format!("{PY_WORD}+")));

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
