//! The shared state of one document while the rules run: tokens,
//! sentences and quotations with lookup tables over them, the tokens
//! already taken by an attribution, and the trigger list the passes step
//! through.

use crate::lexicon::{flags, lists, Lexicon, MultiTarget};
use crate::mention::Phrases;
use crate::quote::Quote;
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::{TokKind, Token};

use super::draft::Draft;

/// Shared state of one document while rules run.
pub struct Ctx<'a> {
    /// Text.
    pub(super) text: &'a str,
    /// Lexicon.
    pub(super) lex: &'a Lexicon,
    /// Tokens.
    pub(super) toks: &'a [Token],
    /// Sentences.
    pub(super) sents: &'a [Sentence],
    /// Quotations.
    pub(super) quotes: &'a [Quote],
    /// Noun-phrase finder.
    pub(super) np: Phrases<'a>,
    /// Sentence index of each token.
    pub(super) tok_sent: Vec<u32>,
    /// Quote index whose inside holds each token (`u32::MAX`: none).
    pub(super) tok_quote: Vec<u32>,
    /// Quote index opened by each token (`u32::MAX`: none).
    pub(super) quote_open: Vec<u32>,
    /// Token bounds, to find the tokens of a byte span.
    pub(super) bounds: &'a crate::token::Bounds,
    /// Tokens already part of an attribution.
    pub(super) taken: Vec<bool>,
    /// The sentences and quotes the passes are working through (see
    /// `run`), and the first token of that stretch.
    pub(super) win: std::ops::Range<usize>,
    pub(super) qwin: std::ops::Range<usize>,
    pub(super) win_tok: usize,
    /// Tokens per stretch (`STRETCH`; smaller in tests).
    pub(super) stretch: usize,
    /// The drafts the direct pass made, as indices into the output, and
    /// whether they are in order of their first content: what the
    /// continuations pass searches for the attribution before a quote.
    pub(super) direct_drafts: Vec<u32>,
    pub(super) direct_sorted: bool,
    pub(super) in_direct: bool,
    /// Per sentence, the index in the output of its latest draft
    /// (`NONE`: none yet), and per draft the one before it in the same
    /// sentence: a rule asking for a sentence's drafts reads them without
    /// a scan of every draft of the document.
    pub(super) sent_last: Vec<u32>,
    pub(super) sent_prev: Vec<u32>,
    /// `content_end` of each sentence, found once: each pass would
    /// otherwise read every sentence's last tokens again.
    pub(super) content_ends: Vec<u32>,
    /// The tokens a token-by-token pass can start at (see
    /// [`may_trigger`]), ascending: the passes step from one to the next
    /// instead of reading every token of a long document again per pass.
    pub(super) triggers: Vec<u32>,
    pub(super) buf: String,
    /// The multi-word entry starting at each token, once looked up
    /// ([`Ctx::multi_at`]).
    multi_memo: Vec<Option<Option<(usize, MultiTarget)>>>,
}

/// Whether a pass may start at this word: a cue verb or the first word
/// of a multi-word cue ("according to", "went on to say"), a cue noun
/// ("the claim that"), "seem"/"appear" or "asked". A superset of what
/// `cue_at`, `nominal`, `seem` and `asked` accept, each of which still
/// checks its own condition.
/// The word's text (`text` is the document's) is sliced only when the
/// token's own bits do not decide.
fn may_trigger(t: &Token, text: &str) -> bool {
    if !t.is_word() {
        return false;
    }
    if t.verb().is_some() || t.has(flags::CUE_NOUN | flags::MULTI_CUE_FIRST) {
        return true;
    }
    let word = t.span.slice(text);
    (t.in_list(lists::SEEM_VERBS) && !word.chars().any(char::is_uppercase))
        || word.eq_ignore_ascii_case("asked")
}

pub(super) const NONE: u32 = u32::MAX;

/// Tokens per stretch of a long document (see `Ctx::run`): about 40 KB
/// of text, whose tokens and per-token tables fit a 2 MB cache.
const STRETCH: usize = 8192;

impl<'a> Ctx<'a> {
    /// Prepare the context; `bounds` are the bounds of `toks` (built
    /// once per document and shared with the resolver).
    pub fn new(
        text: &'a str,
        lex: &'a Lexicon,
        toks: &'a [Token],
        bounds: &'a crate::token::Bounds,
        sents: &'a [Sentence],
        quotes: &'a [Quote],
    ) -> Ctx<'a> {
        let mut tok_sent = vec![0u32; toks.len()];
        for (si, s) in sents.iter().enumerate() {
            for t in s.tokens.clone() {
                tok_sent[t] = si as u32;
            }
        }
        let mut tok_quote = vec![NONE; toks.len()];
        let mut quote_open = vec![NONE; toks.len()];
        for (qi, q) in quotes.iter().enumerate() {
            for slot in &mut tok_quote[q.open + 1..q.end] {
                *slot = qi as u32;
            }
            if quote_open[q.open] == NONE {
                quote_open[q.open] = qi as u32;
            }
        }
        let mut ctx = Ctx {
            text,
            lex,
            toks,
            sents,
            quotes,
            np: Phrases { text, toks, lex },
            tok_sent,
            tok_quote,
            quote_open,
            bounds,
            taken: vec![false; toks.len()],
            triggers: (0..toks.len())
                .filter(|&i| may_trigger(&toks[i], text))
                .map(|i| i as u32)
                .collect(),
            content_ends: Vec::new(),
            sent_last: vec![NONE; sents.len()],
            sent_prev: Vec::new(),
            win: 0..sents.len(),
            qwin: 0..quotes.len(),
            win_tok: 0,
            stretch: STRETCH,
            direct_drafts: Vec::new(),
            direct_sorted: true,
            in_direct: false,
            buf: String::new(),
            multi_memo: vec![None; toks.len()],
        };
        ctx.content_ends = sents.iter().map(|s| ctx.content_end(s) as u32).collect();
        ctx
    }

    /// The stretches `run` works through: sentence ranges of at least
    /// `STRETCH` tokens each (the whole document when shorter), with the
    /// first token of each (0 for the first, so tokens before the first
    /// sentence belong to it).
    pub(super) fn stretches(&self) -> Vec<(std::ops::Range<usize>, usize)> {
        let mut out = Vec::new();
        let (mut from, mut from_tok) = (0, 0);
        for si in 1..self.sents.len() {
            let start = self.sents[si].tokens.start;
            if start - from_tok >= self.stretch && self.can_cut_before(si) {
                out.push((from..si, from_tok));
                (from, from_tok) = (si, start);
            }
        }
        out.push((from..self.sents.len(), from_tok));
        out
    }

    /// Whether no rule reaches from sentence `si - 1` into `si`: the
    /// earlier one ends in `.`, `!` or `?` outside quotation marks and
    /// the later one opens with a word.
    pub(super) fn can_cut_before(&self, si: usize) -> bool {
        let prev = &self.sents[si - 1];
        let first = self.sents[si].tokens.start;
        let Some(last) = prev.tokens.end.checked_sub(1) else {
            return false;
        };
        matches!(self.toks[last].kind, TokKind::Punct('.' | '!' | '?'))
            && !self.in_quote(last)
            && self.quote_open[last] == NONE
            && self.toks[first].is_word()
            && !self.in_quote(first)
            && (last + 1..first).all(|k| self.toks[k].kind == TokKind::Newline)
    }

    /// Work through stretches of at least `tokens` tokens (tests: many
    /// small stretches must give the drafts one stretch gives).
    #[cfg(test)]
    pub(super) fn with_stretch(mut self, tokens: usize) -> Self {
        self.stretch = tokens;
        self
    }

    /// A pass's starting place in the trigger list: the first trigger of
    /// the stretch being worked through.
    pub(super) fn first_trigger(&self) -> usize {
        self.triggers
            .partition_point(|&t| (t as usize) < self.win_tok)
    }

    /// The first token at or after `from` and before `hi` that a pass may
    /// start at. `at` is the pass's place in the trigger list: a pass
    /// moves forward through the text, so the next trigger is found by
    /// stepping on from the last (a search per sentence cost as much as
    /// the rest of the pass).
    pub(super) fn next_trigger(&self, at: &mut usize, from: usize, hi: usize) -> Option<usize> {
        if *at > 0 && self.triggers[*at - 1] as usize >= from {
            // moved back: search
            *at = self.triggers.partition_point(|&t| (t as usize) < from);
        }
        while self.triggers.get(*at).is_some_and(|&t| (t as usize) < from) {
            *at += 1;
        }
        self.triggers
            .get(*at)
            .map(|&t| t as usize)
            .filter(|&t| t < hi)
    }

    /// The first token of sentence `si` and the end of its content
    /// (before its final punctuation).
    pub(super) fn sentence_bounds(&self, si: usize) -> (usize, usize) {
        (self.sents[si].tokens.start, self.content_ends[si] as usize)
    }

    /// Step through the tokens of the stretch's sentences that a pass may
    /// start at ([`may_trigger`]), skipping those taken or quoted, from
    /// `skip_first` tokens after each sentence's start to `keep_last`
    /// before its content's end. `at(ctx, i, (lo, hi, si), out)` tries
    /// token `i` of sentence `si` (tokens `lo..hi`) and says where to go
    /// on: the token after what its draft took, or `None` for `i + 1`.
    pub(super) fn scan_triggers(
        &mut self,
        out: &mut Vec<Draft>,
        (skip_first, keep_last): (usize, usize),
        mut at: impl FnMut(&mut Self, usize, (usize, usize, usize), &mut Vec<Draft>) -> Option<usize>,
    ) {
        let mut t = self.first_trigger();
        for si in self.win.clone() {
            let (lo, hi) = self.sentence_bounds(si);
            let mut next = lo + skip_first;
            while let Some(i) = self.next_trigger(&mut t, next, hi.saturating_sub(keep_last)) {
                next = i + 1;
                if !self.taken[i] && !self.in_quote(i) {
                    if let Some(after) = at(self, i, (lo, hi, si), out) {
                        next = after;
                    }
                }
            }
        }
    }

    /// [`scan_triggers`](Ctx::scan_triggers) for a pass that makes at
    /// most one draft at a token: `at(ctx, i, (lo, hi, si), out)` makes
    /// it, and the pass goes on after its cue.
    pub(super) fn scan_drafts(
        &mut self,
        out: &mut Vec<Draft>,
        margins: (usize, usize),
        mut at: impl FnMut(&mut Self, usize, (usize, usize, usize), &[Draft]) -> Option<Draft>,
    ) {
        self.scan_triggers(out, margins, |ctx, i, sentence, out| {
            let d = at(ctx, i, sentence, out)?;
            let next = d.cue.1;
            ctx.commit(d, out);
            Some(next)
        });
    }

    /// The drafts of sentence `si` in `out`, latest first; none when
    /// `out` is not the committed output (a rule may ask with `&[]`).
    pub(super) fn drafts_of<'s>(
        &'s self,
        si: usize,
        out: &'s [Draft],
    ) -> impl Iterator<Item = &'s Draft> + 's {
        let mut k = if out.len() == self.sent_prev.len() {
            self.sent_last.get(si).copied().unwrap_or(NONE)
        } else {
            NONE
        };
        std::iter::from_fn(move || {
            (k != NONE).then(|| {
                let d = &out[k as usize];
                k = self.sent_prev[k as usize];
                d
            })
        })
    }

    pub(super) fn word(&self, i: usize) -> &'a str {
        self.toks[i].span.slice(self.text)
    }

    pub(super) fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].is_word() && self.word(i).eq_ignore_ascii_case(w)
    }

    /// Whether token `i` is in any of the `syntax.ron` lists `l`, in any
    /// case.
    pub(super) fn in_list(&self, i: usize, l: u64) -> bool {
        self.toks.get(i).is_some_and(|t| t.in_list(l))
    }

    /// Whether token `i` is in any of the lists `l` as written there
    /// (without capitals).
    pub(super) fn written(&self, i: usize, l: u64) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.in_list_as_written(l, self.text))
    }

    /// A word in -ly that is an adverb ("repeatedly", "reportedly"), not
    /// one of the -ly nouns and adjectives ("rally", "family", "early").
    pub(super) fn is_ly_adverb(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 4 && w.ends_with("ly") && !self.written(i, lists::LY_NON_ADVERBS)
    }

    pub(super) fn sent_of(&self, i: usize) -> &'a Sentence {
        &self.sents[self.tok_sent[i] as usize]
    }

    pub(super) fn in_quote(&self, i: usize) -> bool {
        self.tok_quote[i] != NONE
    }

    /// The (first) quotation whose opening mark is token `i`.
    pub(super) fn quote_opened_at(&self, i: usize) -> Option<&'a Quote> {
        let qi = *self.quote_open.get(i)?;
        (qi != NONE).then(|| &self.quotes[qi as usize])
    }

    /// Index of the last token of a sentence that is content, i.e. before
    /// trailing final punctuation outside quotes.
    pub(super) fn content_end(&self, s: &Sentence) -> usize {
        let mut e = s.tokens.end;
        while e > s.tokens.start {
            let t = &self.toks[e - 1];
            if matches!(
                t.kind,
                TokKind::Punct('.' | ',' | ';' | ':' | '!' | '?' | '—' | '–' | '-')
            ) {
                e -= 1;
            } else {
                break;
            }
        }
        e
    }

    pub(super) fn span_of(&self, s: usize, e: usize) -> Option<Span> {
        (e > s).then(|| Span::new(self.toks[s].span.start, self.toks[e - 1].span.end))
    }

    pub(super) fn mark(&mut self, s: usize, e: usize) {
        for t in &mut self.taken[s..e] {
            *t = true;
        }
    }

    pub(super) fn mark_span(&mut self, span: Span) {
        // tokens inside a byte span
        let r = self.bounds.covering(span);
        self.mark(r.start, r.end);
    }

    pub(super) fn is_taken_span(&self, span: Span) -> bool {
        self.bounds.covering(span).any(|i| self.taken[i])
    }

    pub(super) fn commit(&mut self, d: Draft, out: &mut Vec<Draft>) {
        // chain the drafts of each sentence, latest first
        let last = &mut self.sent_last[d.sent];
        self.sent_prev.push(*last);
        *last = out.len() as u32;
        if self.in_direct {
            let first = |d: &Draft| d.content.first().map_or(0, |c| c.start);
            if let Some(&p) = self.direct_drafts.last() {
                self.direct_sorted &= first(&out[p as usize]) <= first(&d);
            }
            self.direct_drafts.push(out.len() as u32);
        }
        self.mark(d.cue.0, d.cue.1);
        for np in [d.speaker, d.source, d.addressee].into_iter().flatten() {
            self.mark(np.start, np.end);
        }
        for &c in &d.content {
            self.mark_span(c);
        }
        out.push(d);
    }
}

impl Ctx<'_> {
    /// The longest multi-word entry starting at token `i` (to the text's
    /// end), looked up once per token: the cue passes ask again for the
    /// same word, and the lookup was a tenth of their time.
    pub(super) fn multi_at(&mut self, i: usize) -> Option<(usize, MultiTarget)> {
        if let Some(m) = self.multi_memo[i] {
            return m;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let m = self.np.multi_starting_at(i, self.toks.len(), &mut buf);
        self.buf = buf;
        self.multi_memo[i] = Some(m);
        m
    }
}
