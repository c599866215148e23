//! A small MinHash / locality-sensitive index over sets of word hashes.
//!
//! Written here rather than taken from a crate: the index needs ~60
//! lines (a fixed family of hash permutations and band buckets), works on
//! the content-word hashes [`norm`](super::norm) already computes, must be
//! deterministic across runs and platforms (ids of claims depend on it),
//! and must cap its buckets; the MinHash crates we looked at hash strings
//! themselves with random seeds or keep every bucket unbounded.
//!
//! Shingles are single content words, not word n-grams: paraphrases
//! reorder and swap words ("the plant would reopen in spring" / "the
//! factory will reopen in the spring"), which n-grams would not survive.

use std::collections::HashMap;

use super::norm::mix;

/// MinHash values per set.
pub const HASHES: usize = 16;
/// Values per band: two sets that share a band are candidates. With 8
/// bands of 2, sets with Jaccard 0.7 (the paraphrase threshold) meet with
/// probability 1 − (1 − 0.7²)⁸ ≈ 0.995, sets with 0.2 with ≈ 0.28 (then
/// checked and rejected).
pub const ROWS: usize = 2;

/// The MinHash signature of a set of hashes.
pub fn signature(set: &[u64]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &x in set {
        for (k, s) in sig.iter_mut().enumerate() {
            let h = mix(x ^ (0x9e37_79b9_7f4a_7c15u64.wrapping_mul(k as u64 + 1)));
            if h < *s {
                *s = h;
            }
        }
    }
    sig
}

/// Band buckets: band key → the most recent members.
#[derive(Debug, Default)]
pub struct Index {
    buckets: HashMap<u64, Vec<u32>>,
}

impl Index {
    /// An empty index.
    pub fn new() -> Index {
        Index::default()
    }

    /// The members that share a band with `set` (each once), then `id`
    /// joins those bands; a bucket keeps at most `cap` members, dropping
    /// the oldest.
    pub fn candidates_and_insert(&mut self, set: &[u64], id: u32, cap: usize) -> Vec<u32> {
        let sig = signature(set);
        let mut out: Vec<u32> = Vec::new();
        for (b, band) in sig.chunks(ROWS).enumerate() {
            let key = band
                .iter()
                .fold(mix(b as u64 + 1), |h, v| mix(h ^ v.wrapping_add(0x51)));
            let bucket = self.buckets.entry(key).or_default();
            out.extend(bucket.iter().copied());
            if bucket.len() >= cap {
                bucket.remove(0);
            }
            bucket.push(id);
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
