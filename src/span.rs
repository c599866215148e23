//! Byte spans inside a document, and their conversion to Unicode code points.
//!
//! Every stage works on byte offsets (cheap slicing, no re-counting). Only the
//! output edge ([`crate::record`]) converts to code points, which is what brat
//! and Python consumers count.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers.
    ///
    /// ```
    /// use quotegraph::Span;
    /// assert_eq!(Span::new(4, 9).slice("the quick fox"), "quick");
    /// ```
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Shrink the span so it neither starts nor ends with whitespace or with
    /// any character in `extra`.
    pub fn trim(self, text: &str, extra: &[char]) -> Span {
        let s = self.slice(text);
        let keep = |c: char| !(c.is_whitespace() || extra.contains(&c));
        let lead = s.len() - s.trim_start_matches(|c: char| !keep(c)).len();
        let trail = s.len() - s.trim_end_matches(|c: char| !keep(c)).len();
        if lead >= s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

/// Converts byte offsets of one text to Unicode code-point offsets.
///
/// For ASCII text the two are equal and no table is built.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// `table[b]` = number of code points before byte `b`; empty for ASCII.
    table: Vec<u32>,
}

impl CodePoints {
    /// Build the conversion table for `text`.
    pub fn new(text: &str) -> CodePoints {
        if text.is_ascii() {
            return CodePoints { table: Vec::new() };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        // every byte of a character maps to the character's index: a
        // running count of the bytes that start a character (all but
        // UTF-8 continuation bytes), in one branch-free pass over the bytes
        let mut starts = 0u32;
        table.extend(text.bytes().map(|b| {
            starts += u32::from(b & 0xC0 != 0x80);
            starts - 1
        }));
        table.push(starts);
        CodePoints { table }
    }

    /// Code-point offset of a byte offset.
    pub fn at(&self, byte: usize) -> usize {
        if self.table.is_empty() {
            byte
        } else {
            self.table[byte.min(self.table.len() - 1)] as usize
        }
    }

    /// `[start, end]` in code points.
    pub fn span(&self, span: Span) -> [usize; 2] {
        [self.at(span.start), self.at(span.end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_chars_not_bytes() {
        let text = "Лавров said “yes”.";
        let cp = CodePoints::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(cp.at(said), 7);
        assert_eq!(cp.at(text.len()), text.chars().count());
    }

    #[test]
    fn trim_drops_punctuation_and_space() {
        let text = " “Hello,” ";
        let s = Span::new(0, text.len()).trim(text, &['“', '”', ',']);
        assert_eq!(s.slice(text), "Hello");
    }
}
