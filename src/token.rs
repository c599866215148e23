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
    /// A single mark that opens (‘ or ' before a word, not an elision such
    /// as 'n' or '90s): British and wire house style.
    SingleOpen,
    /// A single mark that closes (’ or ' after a word or punctuation, when a
    /// single quotation is open or punctuation precedes it).
    SingleClose,
}

impl QuoteDir {
    /// True for a single quotation mark.
    #[inline]
    pub fn is_single(self) -> bool {
        matches!(self, QuoteDir::SingleOpen | QuoteDir::SingleClose)
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (possibly with digits, inner hyphens, apostrophes, periods).
    Word,
    /// Digits (with inner `,` `.` `:`).
    Number,
    /// A quotation mark (double, or single when told from an apostrophe).
    Quote(QuoteDir),
    /// Any other punctuation character.
    Punct(char),
    /// One or more line breaks (a paragraph boundary).
    Newline,
}

/// One token.
///
/// 64 bytes: the lexicon's indices are stored as `u32` with `NONE` for
/// none (read through [`Token::verb`] and its siblings), so a token and
/// the flags of every list it is in fit one cache line.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Bytes covered.
    pub span: Span,
    /// Kind.
    pub kind: TokKind,
    /// Lexicon [`flags`](crate::lexicon::flags) of the lowercase form.
    pub flags: u32,
    /// The `syntax.ron` lists the lowercase form is in
    /// ([`lists`](crate::lexicon::lists) bits).
    pub(crate) lists: u64,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Whitespace precedes the token.
    pub space_before: bool,
    verb: u32,
    pronoun: u32,
    title: u32,
    demonym: u32,
    multi: u32,
}

/// "No index" in a token's lexicon fields.
const NONE: u32 = u32::MAX;

#[inline]
fn index(i: u32) -> Option<u32> {
    (i != NONE).then_some(i)
}

impl Token {
    /// True when any of `f` is set.
    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }

    /// True when the word is in any of the `syntax.ron` lists `l`, in any
    /// case ("Most" and "MOST" are in the list of "most").
    #[inline]
    pub(crate) fn in_list(&self, l: u64) -> bool {
        self.lists & l != 0
    }

    /// True when the word is in any of the lists `l` as written there:
    /// without capitals ("most", not "Most"; "’s" counts as "'s").
    #[inline]
    pub(crate) fn in_list_as_written(&self, l: u64, text: &str) -> bool {
        self.in_list(l) && !self.span.slice(text).chars().any(char::is_uppercase)
    }

    /// True when the word is in any of the lists `l` as written there or
    /// with a capital first letter ("this", "This", not "THIS").
    #[inline]
    pub(crate) fn in_list_or_capitalized(&self, l: u64, text: &str) -> bool {
        self.in_list(l)
            && !self
                .span
                .slice(text)
                .chars()
                .skip(1)
                .any(char::is_uppercase)
    }

    /// Reporting-verb index, when a cue verb form.
    #[inline]
    pub fn verb(&self) -> Option<u32> {
        index(self.verb)
    }

    /// Pronoun index.
    #[inline]
    pub fn pronoun(&self) -> Option<u32> {
        index(self.pronoun)
    }

    /// Title index.
    #[inline]
    pub fn title(&self) -> Option<u32> {
        index(self.title)
    }

    /// Place index when a demonym.
    #[inline]
    pub fn demonym(&self) -> Option<u32> {
        index(self.demonym)
    }

    /// The lexicon's list of multi-word entries starting with this word
    /// ([`Lexicon::multi_list`]).
    #[inline]
    pub fn multi(&self) -> Option<u32> {
        index(self.multi)
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

    /// A token without lexicon information.
    fn plain(span: Span, kind: TokKind, space_before: bool) -> Token {
        Token {
            span,
            kind,
            flags: 0,
            lists: 0,
            cap: false,
            space_before,
            verb: NONE,
            pronoun: NONE,
            title: NONE,
            demonym: NONE,
            multi: NONE,
        }
    }

    /// Look the word up: `lower` is a buffer for its lowercase form.
    fn look_up(&mut self, word: &str, lex: &Lexicon, lower: &mut String) {
        lower_into(word, lower);
        // every multi-word first word is in the word table (compile), so the
        // exact form's entry carries the list id
        let exact = lex.lookup(lower);
        self.multi = exact.and_then(|i| i.multi).unwrap_or(NONE);
        let info = exact.or_else(|| {
            lower
                .ends_with('.')
                .then(|| lex.lookup(&lower[..lower.len() - 1]))
                .flatten()
        });
        if let Some(info) = info {
            self.flags = info.flags;
            self.lists = info.lists;
            self.verb = info.verb.unwrap_or(NONE);
            self.pronoun = info.pronoun.unwrap_or(NONE);
            self.title = info.title.unwrap_or(NONE);
            self.demonym = info.demonym.unwrap_or(NONE);
        }
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_newline(c: char) -> bool {
    c == '\n' || c == '\r' || c == '\u{2029}'
}

/// The first character at byte `i` of `text`.
#[inline]
fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().expect("in bounds")
}

/// Split `text` into tokens, looking each word up in `lex`.
pub fn tokenize(text: &str, lex: &Lexicon) -> Vec<Token> {
    let mut t = Tokenizer {
        text,
        lex,
        out: Vec::with_capacity(text.len() / 5 + 8),
        lower: String::with_capacity(32),
        space_before: true,
        single_open: false,
    };
    let mut i = 0;
    while i < text.len() {
        i = t.next_token(i);
    }
    t.out
}

/// The state of one tokenization.
struct Tokenizer<'a> {
    text: &'a str,
    lex: &'a Lexicon,
    out: Vec<Token>,
    /// A buffer for lowercase word forms.
    lower: String,
    /// Whitespace precedes the next token.
    space_before: bool,
    /// A single quotation opened in this paragraph and not yet closed.
    single_open: bool,
}

impl Tokenizer<'_> {
    /// Read the token (or the whitespace) at byte `i`; returns where the
    /// next one starts.
    fn next_token(&mut self, i: usize) -> usize {
        let text = self.text;
        // the two commonest starts first: a space, a word in ASCII
        match text.as_bytes()[i] {
            b' ' => {
                self.space_before = true;
                return i + 1;
            }
            b if b.is_ascii_alphanumeric() => return self.word(i),
            _ => {}
        }
        let c = char_at(text, i);
        let clen = c.len_utf8();
        if is_newline(c) {
            return self.newlines(i);
        }
        if c.is_whitespace() {
            self.space_before = true;
            return i + clen;
        }
        if c.is_alphanumeric() {
            return self.word(i);
        }
        // possessive 's
        if is_apostrophe(c) {
            if let Some(len) = self.clitic_at(i + clen).filter(|_| !self.space_before) {
                let span = Span::new(i, i + clen + len);
                let mut t = Token::plain(span, TokKind::Word, false);
                t.look_up(span.slice(text), self.lex, &mut self.lower);
                return self.push(t);
            }
            if c == '\'' && text[i + clen..].starts_with('\'') {
                // '' opens and closes quotations in New York Times copy
                return self.push_plain(Span::new(i, i + 2), TokKind::Quote(QuoteDir::Either));
            }
        }
        if is_apostrophe(c) || c == '‘' {
            if let Some(dir) = self.single_mark(i, c) {
                return self.push_plain(Span::new(i, i + clen), TokKind::Quote(dir));
            }
        }
        if c == '`' && text.as_bytes().get(i + 1) == Some(&b'`') {
            return self.push_plain(Span::new(i, i + 2), TokKind::Quote(QuoteDir::Open));
        }
        let kind = match c {
            '“' | '„' | '«' => TokKind::Quote(QuoteDir::Open),
            '”' | '»' => TokKind::Quote(QuoteDir::Close),
            '"' => TokKind::Quote(QuoteDir::Either),
            _ => TokKind::Punct(c),
        };
        self.push_plain(Span::new(i, i + clen), kind)
    }

    /// Is the single mark `c` at byte `i` a quotation mark, and which way
    /// does it face? An apostrophe otherwise: elisions before a word ('n',
    /// '90s, ’Tis, 'em), plural possessives after one (the Smiths' house,
    /// James' car) unless a single quotation is open and punctuation or a
    /// line end follows.
    fn single_mark(&mut self, i: usize, c: char) -> Option<QuoteDir> {
        let text = self.text;
        let prev = text[..i].chars().next_back();
        let after = &text[i + c.len_utf8()..];
        let next = after.chars().next();
        let opens_here = prev.is_none_or(|p| {
            p.is_whitespace() || matches!(p, '(' | '[' | '"' | '“' | '—' | '–' | '-' | '‘' | '\'')
        });
        if opens_here {
            let n = next?;
            if !(n.is_alphanumeric() || matches!(n, '"' | '“' | '…' | '.' | '¿' | '(')) {
                return None;
            }
            if n.is_numeric() {
                // '90s, '24
                return None;
            }
            let run = after
                .find(|x: char| !x.is_alphanumeric())
                .unwrap_or(after.len());
            if self.lex.is_elision(&after[..run]) {
                return None;
            }
            self.single_open = true;
            return Some(QuoteDir::SingleOpen);
        }
        if c == '‘' {
            return None;
        }
        let p = prev?;
        let next_is_word = next.is_some_and(|n| n.is_alphanumeric());
        if next_is_word {
            return None;
        }
        let punct_before = !p.is_alphanumeric();
        let ends_line = next.is_none_or(|n| is_newline(n) || (!n.is_whitespace()));
        let plural = matches!(p, 's' | 'S' | 'z');
        let close = if punct_before {
            true
        } else if !self.single_open {
            false
        } else if plural {
            // "the players' commitment" vs "'… like the Smiths'."
            ends_line
        } else {
            true
        };
        if close {
            self.single_open = false;
            Some(QuoteDir::SingleClose)
        } else {
            None
        }
    }

    /// Push a token; the next one has no whitespace before it (yet).
    fn push(&mut self, t: Token) -> usize {
        let end = t.span.end;
        self.out.push(t);
        self.space_before = false;
        end
    }

    fn push_plain(&mut self, span: Span, kind: TokKind) -> usize {
        self.push(Token::plain(span, kind, self.space_before))
    }

    /// A run of line breaks (and the whitespace among them) from `start`.
    fn newlines(&mut self, start: usize) -> usize {
        let text = self.text;
        let mut i = start;
        while i < text.len() {
            let d = char_at(text, i);
            if is_newline(d) || (d.is_whitespace() && d != '\u{a0}') {
                i += d.len_utf8();
            } else {
                break;
            }
        }
        self.out
            .push(Token::plain(Span::new(start, i), TokKind::Newline, true));
        self.space_before = true;
        self.single_open = false;
        i
    }

    /// The length of the clitic ("s", "ll") that starts at byte `at`, if
    /// the run of letters and digits there is one.
    fn clitic_at(&self, at: usize) -> Option<usize> {
        let rest = &self.text[at..];
        let len = rest
            .find(|x: char| !x.is_alphanumeric())
            .unwrap_or(rest.len());
        self.lex.is_clitic(&rest[..len]).then_some(len)
    }

    /// A word or number starting at byte `start`.
    fn word(&mut self, start: usize) -> usize {
        let (end, digits, alpha) = self.word_end(start);
        let span = Span::new(start, end);
        let word = span.slice(self.text);
        let kind = if digits && !alpha {
            TokKind::Number
        } else {
            TokKind::Word
        };
        let mut t = Token::plain(span, kind, self.space_before);
        t.cap = word.starts_with(|x: char| x.is_uppercase());
        t.look_up(word, self.lex, &mut self.lower);
        self.push(t)
    }

    /// Where the word starting at `start` ends, and whether it holds digits
    /// and letters.
    fn word_end(&self, start: usize) -> (usize, bool, bool) {
        let text = self.text;
        let c = char_at(text, start);
        let mut j = start + c.len_utf8();
        let mut digits = c.is_numeric();
        let mut alpha = c.is_alphabetic();
        let bytes = text.as_bytes();
        while j < text.len() {
            // an ASCII letter or digit without decoding a character
            let b = bytes[j];
            if b.is_ascii_alphanumeric() {
                digits |= b.is_ascii_digit();
                alpha |= b.is_ascii_alphabetic();
                j += 1;
                continue;
            }
            let d = char_at(text, j);
            if d.is_alphanumeric() || d == '\u{0301}' || ('\u{0300}'..='\u{036f}').contains(&d) {
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
                // possessive 's and clitics 'd 'll 're 've 'm split off
                // ("he’d" → "he" "’d"); "n't" stays with its verb
                if self.clitic_at(j + d.len_utf8()).is_some() {
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
                match period_in_word(text, start, j, next_alnum) {
                    Period::Inside => {
                        j += 1;
                        continue;
                    }
                    Period::Last => j += 1,
                    Period::After => {}
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
        (j, digits, alpha)
    }
}

/// Where a period at byte `j` of a word stands.
enum Period {
    /// Inside it: "U.S." / "a.m." go on after it.
    Inside,
    /// It ends it: the final period of an acronym like "U.S.".
    Last,
    /// After it: the word ends before the period.
    After,
}

/// A period after the letters `text[start..j]`, where `next_alnum` says
/// whether a letter or digit follows it: single letters separated by
/// periods ("U.S.", "a.m.") keep them.
fn period_in_word(text: &str, start: usize, j: usize, next_alnum: bool) -> Period {
    let word = &text[start..j];
    let last = word.rsplit('.').next().unwrap_or(word);
    if last.chars().count() == 1 && next_alnum {
        let after = &text[j + 1..];
        let n2 = after.chars().nth(1);
        if !n2.is_some_and(|x| x.is_alphanumeric()) || after.starts_with(|x: char| x.is_uppercase())
        {
            return Period::Inside;
        }
    }
    if word.contains('.') && last.chars().count() == 1 {
        Period::Last
    } else {
        Period::After
    }
}

/// Lowercase a word into `buf`, folding the typographic apostrophe ’ to '
/// so "don’t" finds "don't" in the lexicon.
pub fn lower_into(word: &str, buf: &mut String) {
    buf.clear();
    buf.reserve(word.len());
    // the common case, and the hottest function of a run: an ASCII word,
    // lowercased byte by byte in the same pass that finds it is ASCII
    // (ASCII lowercasing gives the same result as `char::to_lowercase`
    // here); a separate `is_ascii`, copy and lowercasing cost three loop
    // exits a word, each a likely branch miss on words of varied lengths
    for b in word.bytes() {
        if !b.is_ascii() {
            buf.clear();
            lower_chars(word, buf);
            return;
        }
        buf.push(char::from(b.to_ascii_lowercase()));
    }
}

/// [`lower_into`] for a word with a character outside ASCII.
fn lower_chars(word: &str, buf: &mut String) {
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

/// Test helper for the stages after tokenizing: tokenizes `text` with the
/// embedded lexicon, runs `stage` on the tokens and gives the text of the
/// span of each thing it yields.
#[cfg(test)]
pub(crate) fn texts_of<T>(
    text: &str,
    stage: impl Fn(&[Token]) -> Vec<T>,
    span: impl Fn(&T) -> Span,
) -> Vec<String> {
    let toks = tokenize(text, &Lexicon::embedded());
    let found = stage(&toks);
    found
        .iter()
        .map(|x| span(x).slice(text).to_string())
        .collect()
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

    /// A token fills one cache line (the rules read tokens more than
    /// anything else).
    #[test]
    fn a_token_is_64_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 64);
    }

    /// Clitics split off in lowercase or in capitals, "n't" stays.
    #[test]
    fn clitics() {
        assert_eq!(
            words("he’d HE'LL don't"),
            ["he", "’d", "HE", "'LL", "don't"]
        );
        assert_eq!(words("O'Lla"), ["O'Lla"]);
    }

    /// A list read as written takes only words without capitals; read in
    /// any case, every spelling.
    #[test]
    fn list_membership() {
        use crate::lexicon::lists;
        let lex = Lexicon::embedded();
        let text = "most Most MOST Berg’s BERG'S this This THIS";
        let toks = tokenize(text, &lex);
        let in_lists = lists::QUANTITY_HEADS | lists::POSSESSIVES;
        let any: Vec<bool> = toks.iter().map(|t| t.in_list(in_lists)).collect();
        let expect = [
            true, true, true, false, true, false, true, false, false, false,
        ];
        assert_eq!(any, expect);
        let written: Vec<bool> = toks
            .iter()
            .map(|t| t.in_list_as_written(in_lists, text))
            .collect();
        let expect = [
            true, false, false, false, true, false, false, false, false, false,
        ];
        assert_eq!(written, expect);
        let capitalized: Vec<bool> = toks[7..]
            .iter()
            .map(|t| t.in_list_or_capitalized(lists::RELATIVE_TIME, text))
            .collect();
        assert_eq!(capitalized, [true, true, false]);
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
