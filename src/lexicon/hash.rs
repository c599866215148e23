//! The hash of the word maps looked up per token.

/// Word lookups happen for every token (and again in the rules and the
/// resolver), so these maps use the Fx hash of rustc (the `rustc-hash`
/// crate) instead of SipHash. The keys are words of the lexicon or of one
/// document; nothing iterates over the maps, so order cannot change
/// output, and a crafted document can slow only its own resolution.
pub(crate) type FastHash = rustc_hash::FxBuildHasher;
