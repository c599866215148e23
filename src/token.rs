//! Tokens: words, numbers, punctuation, quotation marks and line breaks, with
//! byte spans and their lexicon flags looked up once.
//!
//! Hand-written rather than taken from a tokenizer crate because the rules
//! need exactly these distinctions (opening vs closing quotation marks,
//! `''` as a closing mark, possessive `'s` split off, "U.S." kept whole) with
//! byte spans into the original text, in one pass without allocating per
//! token.

use crate::lexicon::Lexicon;
use crate::span::Span;

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteDir {
    /// “ or `` — always opens.
    Open,
    /// ” or '' — always closes.
    Close,
    /// " — decided by context.
    Either,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes, periods).
    Word,
    /// Digits (with inner `,` `.` `:`).
    Number,
    /// A double quotation mark.
    Quote(QuoteDir),
    /// Any other punctuation character.
    Punct(char),
    /// One or more line breaks (a paragraph boundary).
    Newline,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Bytes covered.
    pub span: Span,
    /// Kind.
    pub kind: TokKind,
    /// Lexicon [`flags`] of the lowercase form.
    pub flags: u32,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Reporting-verb index, when a cue verb form.
    pub verb: Option<u32>,
    /// Pronoun index.
    pub pronoun: Option<u32>,
    /// Title index.
    pub title: Option<u32>,
    /// Place index when a demonym.
    pub demonym: Option<u32>,
    /// The lexicon's list of multi-word entries starting with this word
    /// ([`Lexicon::multi_list`]).
    pub multi: Option<u32>,
    /// Whitespace precedes the token.
    pub space_before: bool,
}

impl Token {
    /// True when any of `f` is set.
    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokKind::Word)
    }

    /// True for this punctuation character.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// True for a quotation mark.
    #[inline]
    pub fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::Quote(_))
    }

    /// True for sentence-final punctuation.
    #[inline]
    pub fn is_final(&self) -> bool {
        matches!(self.kind, TokKind::Punct('.' | '!' | '?'))
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Split `text` into tokens, looking each word up in `lex`.
pub fn tokenize(text: &str, lex: &Lexicon) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 8);
    let bytes = text.as_bytes();
    let mut lower = String::with_capacity(32);
    let mut i = 0;
    let mut space_before = true;
    while i < text.len() {
        let c = text[i..].chars().next().expect("in bounds");
        let clen = c.len_utf8();
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            let start = i;
            while i < text.len() {
                let d = text[i..].chars().next().expect("in bounds");
                if d == '\n' || d == '\r' || d == '\u{2029}' || (d.is_whitespace() && d != '\u{a0}')
                {
                    i += d.len_utf8();
                } else {
                    break;
                }
            }
            out.push(plain(Span::new(start, i), TokKind::Newline, true));
            space_before = true;
            continue;
        }
        if c.is_whitespace() {
            i += clen;
            space_before = true;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            let mut j = i + clen;
            let mut digits = c.is_numeric();
            let mut alpha = c.is_alphabetic();
            while j < text.len() {
                let d = text[j..].chars().next().expect("in bounds");
                if d.is_alphanumeric() || d == '\u{0301}' || ('\u{0300}'..='\u{036f}').contains(&d)
                {
                    digits |= d.is_numeric();
                    alpha |= d.is_alphabetic();
                    j += d.len_utf8();
                    continue;
                }
                // Inner joiners: a hyphen, apostrophe, period, comma or colon
                // followed by an alphanumeric continues the token, except a
                // possessive 's / ’s at a word end, which becomes its own token.
                let next = text[j + d.len_utf8()..].chars().next();
                let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
                if is_apostrophe(d) && next_alnum && !digits {
                    let after = &text[j + d.len_utf8()..];
                    let clitic_len = after
                        .find(|x: char| !x.is_alphanumeric())
                        .unwrap_or(after.len());
                    let clitic = &after[..clitic_len];
                    // possessive 's and clitics 'd 'll 're 've 'm split off
                    // ("he’d" → "he" "’d"); "n't" stays with its verb
                    if matches!(
                        clitic,
                        "s" | "S" | "d" | "ll" | "re" | "ve" | "m" | "D" | "LL" | "RE" | "VE" | "M"
                    ) {
                        break;
                    }
                    j += d.len_utf8();
                    continue;
                }
                if (d == '-' || d == '&') && next_alnum {
                    j += 1;
                    continue;
                }
                if d == '.' && alpha && !digits {
                    // "U.S." / "a.m.": single letters separated by periods
                    let word = &text[start..j];
                    let last = word.rsplit('.').next().unwrap_or(word);
                    if last.chars().count() == 1 && next_alnum {
                        let after = &text[j + 1..];
                        let n2 = after.chars().nth(1);
                        if !n2.is_some_and(|x| x.is_alphanumeric())
                            || after.starts_with(|x: char| x.is_uppercase())
                        {
                            j += 1;
                            continue;
                        }
                    }
                    // keep the final period of an acronym like "U.S."
                    if word.contains('.') && last.chars().count() == 1 {
                        j += 1;
                    }
                    break;
                }
                if (d == '.' || d == ',' || d == ':')
                    && digits
                    && !alpha
                    && next.is_some_and(|n| n.is_ascii_digit())
                {
                    j += 1;
                    continue;
                }
                break;
            }
            let span = Span::new(start, j);
            let word = span.slice(text);
            let kind = if digits && !alpha {
                TokKind::Number
            } else {
                TokKind::Word
            };
            let mut t = plain(span, kind, space_before);
            t.cap = word.starts_with(|x: char| x.is_uppercase());
            lookup(&mut t, word, lex, &mut lower);
            out.push(t);
            i = j;
            space_before = false;
            continue;
        }
        // possessive 's
        if is_apostrophe(c) {
            let rest = &text[i + clen..];
            let clitic_len = rest
                .find(|x: char| !x.is_alphanumeric())
                .unwrap_or(rest.len());
            let clitic = &rest[..clitic_len];
            if matches!(
                clitic,
                "s" | "S" | "d" | "ll" | "re" | "ve" | "m" | "D" | "LL" | "RE" | "VE" | "M"
            ) && !space_before
            {
                let span = Span::new(i, i + clen + clitic_len);
                let mut t = plain(span, TokKind::Word, false);
                lookup(&mut t, span.slice(text), lex, &mut lower);
                out.push(t);
                i += clen + clitic_len;
                space_before = false;
                continue;
            }
            if c == '\'' && rest.starts_with('\'') {
                // '' opens and closes quotations in New York Times copy
                out.push(plain(
                    Span::new(i, i + 2),
                    TokKind::Quote(QuoteDir::Either),
                    space_before,
                ));
                i += 2;
                space_before = false;
                continue;
            }
        }
        if c == '`' && bytes.get(i + 1) == Some(&b'`') {
            out.push(plain(
                Span::new(i, i + 2),
                TokKind::Quote(QuoteDir::Open),
                space_before,
            ));
            i += 2;
            space_before = false;
            continue;
        }
        let kind = match c {
            '“' | '„' | '«' => TokKind::Quote(QuoteDir::Open),
            '”' | '»' => TokKind::Quote(QuoteDir::Close),
            '"' => TokKind::Quote(QuoteDir::Either),
            _ => TokKind::Punct(c),
        };
        out.push(plain(Span::new(i, i + clen), kind, space_before));
        i += clen;
        space_before = false;
    }
    out
}

fn plain(span: Span, kind: TokKind, space_before: bool) -> Token {
    Token {
        span,
        kind,
        flags: 0,
        cap: false,
        verb: None,
        pronoun: None,
        title: None,
        demonym: None,
        multi: None,
        space_before,
    }
}

fn lookup(t: &mut Token, word: &str, lex: &Lexicon, lower: &mut String) {
    lower_into(word, lower);
    // every multi-word first word is in the word table (compile), so the
    // exact form's entry carries the list id
    let exact = lex.lookup(lower);
    t.multi = exact.and_then(|i| i.multi);
    let info = exact.or_else(|| {
        lower
            .ends_with('.')
            .then(|| lex.lookup(&lower[..lower.len() - 1]))
            .flatten()
    });
    if let Some(info) = info {
        t.flags = info.flags;
        t.verb = info.verb;
        t.pronoun = info.pronoun;
        t.title = info.title;
        t.demonym = info.demonym;
    }
}

/// Lowercase a word into `buf`, folding the typographic apostrophe ’ to '
/// so "don’t" finds "don't" in the lexicon.
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        // the common case, and the hottest function of a run: ASCII
        // lowercasing gives the same result as `char::to_lowercase` here
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for ch in word.chars() {
        if ch.is_ascii() {
            buf.push(ch.to_ascii_lowercase());
            continue;
        }
        let ch = if ch == '’' { '\'' } else { ch };
        buf.extend(ch.to_lowercase());
    }
}

/// The tokens' byte bounds in two flat arrays, for finding the tokens
/// under a byte span by binary search. Searching the tokens themselves
/// touches a 72-byte token per step, and on a long document nearly every
/// step is a cache miss; these arrays are a ninth of that. Each array also
/// keeps every [`Bounds::BLOCK`]th value in a small index that stays in
/// cache, so a search reads the index and then one block of the array
/// (a plain binary search over a megabyte document missed the cache at
/// nearly every late step). The standard library's `partition_point` has
/// no such layout, and no maintained crate offers one for plain slices.
#[derive(Debug, Clone, Default)]
pub struct Bounds {
    starts: Vec<usize>,
    ends: Vec<usize>,
    /// `starts[k * BLOCK]` for each k.
    start_index: Vec<usize>,
    /// `ends[k * BLOCK]` for each k.
    end_index: Vec<usize>,
}

impl Bounds {
    /// Values per block of the index: two cache lines of `usize`.
    pub const BLOCK: usize = 16;

    /// The bounds of `toks` (in text order).
    pub fn new(toks: &[Token]) -> Bounds {
        let starts: Vec<usize> = toks.iter().map(|t| t.span.start).collect();
        let ends: Vec<usize> = toks.iter().map(|t| t.span.end).collect();
        let every = |v: &[usize]| v.iter().step_by(Self::BLOCK).copied().collect();
        Bounds {
            start_index: every(&starts),
            end_index: every(&ends),
            starts,
            ends,
        }
    }

    /// `v.partition_point(pred)` for an ascending `v` whose every
    /// `BLOCK`th value is in `index`.
    fn partition(v: &[usize], index: &[usize], pred: impl Fn(usize) -> bool) -> usize {
        // index[..k] all pass, index[k] (if any) fails: the first failing
        // value of `v` lies after the last passing sample, at or before
        // the first failing one
        let k = index.partition_point(|&x| pred(x));
        let lo = if k == 0 { 0 } else { (k - 1) * Self::BLOCK + 1 };
        let hi = (k * Self::BLOCK).min(v.len());
        lo + v[lo..hi.max(lo)].partition_point(|&x| pred(x))
    }

    /// The tokens overlapping `span`: from the first that ends after its
    /// start to the last that starts before its end.
    pub fn covering(&self, span: Span) -> std::ops::Range<usize> {
        let lo = Self::partition(&self.ends, &self.end_index, |e| e <= span.start);
        let hi = Self::partition(&self.starts, &self.start_index, |s| s < span.end);
        lo..hi.max(lo)
    }

    /// The number of tokens that end at or before byte `pos`.
    pub fn ending_by(&self, pos: usize) -> usize {
        Self::partition(&self.ends, &self.end_index, |e| e <= pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let lex = Lexicon::embedded();
        tokenize(text, &lex)
            .iter()
            .map(|t| t.span.slice(text))
            .collect()
    }

    /// The blocked search agrees with a plain one for every position,
    /// at block edges and past both ends.
    #[test]
    fn bounds_search_as_plain_binary_search() {
        let lex = Lexicon::embedded();
        let text = "Berg said, \"We will not sign.\" ".repeat(40);
        let toks = tokenize(&text, &lex);
        let b = Bounds::new(&toks);
        assert!(toks.len() > 5 * Bounds::BLOCK);
        for pos in 0..=text.len() + 2 {
            let want = toks.partition_point(|t| t.span.end <= pos);
            assert_eq!(b.ending_by(pos), want, "ending_by({pos})");
            for len in [0, 1, 7, 40] {
                let span = Span::new(pos, pos + len);
                let lo = want;
                let hi = toks.partition_point(|t| t.span.start < span.end).max(lo);
                assert_eq!(b.covering(span), lo..hi, "covering({pos}, +{len})");
            }
        }
    }

    #[test]
    fn splits_possessive_and_keeps_acronyms() {
        assert_eq!(
            words("Putin's aide met U.S. officials."),
            ["Putin", "'s", "aide", "met", "U.S.", "officials", "."]
        );
    }

    #[test]
    fn quotes_and_double_apostrophes() {
        assert_eq!(
            words("“Yes,'' he said"),
            ["“", "Yes", ",", "''", "he", "said"]
        );
        assert_eq!(words("don’t 1,000.5"), ["don’t", "1,000.5"]);
    }
}
