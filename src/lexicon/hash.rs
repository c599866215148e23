//! The hash of the lexicon's word maps.

use std::hash::{BuildHasherDefault, Hasher};

/// Word lookups happen for every token (and again in the rules), so the
/// maps use a small multiply-rotate hash (the Fx hash of rustc) instead of
/// SipHash. The keys are the lexicon's own words, so hash flooding is not
/// a concern, and nothing iterates over the maps, so order cannot change.
pub(super) type FastHash = BuildHasherDefault<FxHasher>;

#[derive(Default, Clone, Copy)]
pub(super) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}
