//! Attribution rules: patterns over tokens, quotes and noun phrases that
//! turn a cue into speaker–cue–content (+ source, addressee) drafts.
//!
//! Every rule has an id ([`RULES`]) that is carried on each attribution it
//! produces, with a description and an example of its own, so a wrong result
//! points at the rule to look at. The rules run in passes, strongest
//! evidence first, and each pass skips tokens that an earlier attribution
//! already took (so a cue inside reported content is not a second,
//! nested attribution):
//!
//! 1. direct quotes with an adjacent speaker and cue;
//! 2. quote continuations (a quote right after an attributed quote);
//! 3. inverted indirect speech ("…, Lavrov said.") and parentheticals;
//! 4. "according to" / "as per" phrases;
//! 5. forward speech ("Lavrov said that…", "He wants to…").

use crate::lexicon::{flags, CueClass, Lexicon, MultiTarget};
use crate::mention::{MentionKind, Np, Phrases};
use crate::quote::Quote;
use crate::sentence::Sentence;
use crate::span::Span;
use crate::token::{lower_into, TokKind, Token};

/// A rule's documentation: id, what it matches, and an example.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The id carried on attributions.
    pub id: &'static str,
    /// What the rule matches.
    pub description: &'static str,
    /// A sentence it fires on.
    pub example: &'static str,
}

/// Every rule, in the order the passes try them.
pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "direct.quote-speaker-cue",
        description: "quotation followed by speaker and cue",
        example: "“We are ready,” the minister said.",
    },
    RuleInfo {
        id: "direct.quote-cue-speaker",
        description: "quotation followed by cue and speaker",
        example: "“We are ready,” said Anna Berg.",
    },
    RuleInfo {
        id: "direct.speaker-cue-quote",
        description: "speaker and cue introducing a quotation",
        example: "Anna Berg told reporters: “We are ready.”",
    },
    RuleInfo {
        id: "direct.colon",
        description: "speaker, colon, quotation",
        example: "Berg: “We are ready.”",
    },
    RuleInfo {
        id: "direct.continuation",
        description: "a quotation continuing the previous attributed quotation",
        example: "“We are ready,” Berg said. “We have waited long enough.”",
    },
    RuleInfo {
        id: "indirect.inverted",
        description: "content, then speaker and cue at the end of the sentence",
        example: "The talks will resume in May, Berg said.",
    },
    RuleInfo {
        id: "indirect.inverted-cue-speaker",
        description: "content, then cue and speaker",
        example: "The talks will resume in May, said Berg.",
    },
    RuleInfo {
        id: "indirect.parenthetical",
        description: "speaker and cue between two parts of the content",
        example: "The talks, Berg said, will resume in May.",
    },
    RuleInfo {
        id: "according.before",
        description: "according to / as per before the content",
        example: "According to Berg, the talks will resume in May.",
    },
    RuleInfo {
        id: "according.after",
        description: "according to / as per after the content",
        example: "The talks will resume in May, according to Berg.",
    },
    RuleInfo {
        id: "indirect.that",
        description: "speaker, cue, that-clause",
        example: "Berg said that the talks will resume in May.",
    },
    RuleInfo {
        id: "indirect.clause",
        description: "speaker, cue, clause without that",
        example: "Berg said the talks will resume in May.",
    },
    RuleInfo {
        id: "indirect.infinitive",
        description: "speaker, intention cue, to-infinitive",
        example: "Berg wants to resume the talks in May.",
    },
    RuleInfo {
        id: "indirect.quoted-object",
        description: "speaker, cue, quoted object",
        example: "Berg called the plan “a serious mistake”.",
    },
    RuleInfo {
        id: "indirect.participle",
        description: "a participle clause adding to the sentence's speaker",
        example: "Berg spoke for an hour, adding that the talks will resume.",
    },
];

/// A cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueWord {
    /// A reporting verb (index into the lexicon's verbs).
    Verb(u32),
    /// "according to"-type phrase (index into `cues.according`).
    According(u32),
    /// A colon introducing a quotation.
    Colon,
}

/// An attribution before entity resolution, in token indices.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Speaker phrase.
    pub speaker: Option<Np>,
    /// Cue tokens `[start, end)`.
    pub cue: (usize, usize),
    /// The cue.
    pub cue_word: CueWord,
    /// Content fragments (bytes).
    pub content: Vec<Span>,
    /// Relaying outlet phrase.
    pub source: Option<Np>,
    /// Addressee phrase.
    pub addressee: Option<Np>,
    /// Rule id.
    pub rule: &'static str,
    /// Sentence of the cue.
    pub sent: usize,
}

/// Shared state of one document while rules run.
pub struct Ctx<'a> {
    /// Text.
    pub text: &'a str,
    /// Lexicon.
    pub lex: &'a Lexicon,
    /// Tokens.
    pub toks: &'a [Token],
    /// Sentences.
    pub sents: &'a [Sentence],
    /// Quotations.
    pub quotes: &'a [Quote],
    /// Noun-phrase finder.
    pub np: Phrases<'a>,
    /// Sentence index of each token.
    pub tok_sent: Vec<u32>,
    /// Quote index whose inside holds each token (`u32::MAX`: none).
    pub tok_quote: Vec<u32>,
    /// Tokens already part of an attribution.
    pub taken: Vec<bool>,
    buf: String,
}

const NONE: u32 = u32::MAX;

/// Words that open a wh-complement ("asked whether", "explained how").
const WH: &[&str] = &[
    "whether", "how", "what", "why", "when", "where", "who", "if",
];

impl<'a> Ctx<'a> {
    /// Prepare the context.
    pub fn new(
        text: &'a str,
        lex: &'a Lexicon,
        toks: &'a [Token],
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
        for (qi, q) in quotes.iter().enumerate() {
            for slot in &mut tok_quote[q.open + 1..q.end] {
                *slot = qi as u32;
            }
        }
        Ctx {
            text,
            lex,
            toks,
            sents,
            quotes,
            np: Phrases { text, toks, lex },
            tok_sent,
            tok_quote,
            taken: vec![false; toks.len()],
            buf: String::new(),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.toks[i].span.slice(self.text)
    }

    fn is(&self, i: usize, w: &str) -> bool {
        i < self.toks.len() && self.toks[i].is_word() && self.word(i).eq_ignore_ascii_case(w)
    }

    fn sent_of(&self, i: usize) -> &'a Sentence {
        &self.sents[self.tok_sent[i] as usize]
    }

    fn in_quote(&self, i: usize) -> bool {
        self.tok_quote[i] != NONE
    }

    /// The cue that starts at token `i`: (end token, cue).
    pub fn cue_at(&mut self, i: usize) -> Option<(usize, CueWord)> {
        let t = self.toks.get(i)?; // callers may pass the end of the text
        if !t.is_word() {
            return None;
        }
        if t.has(flags::CUE_VERB | flags::ACCORDING) || !self.lex.multi(self.word(i)).is_empty() {
            let mut buf = std::mem::take(&mut self.buf);
            let m = self.np.multi_starting_at(i, self.toks.len(), &mut buf);
            self.buf = buf;
            match m {
                Some((e, MultiTarget::Verb(v))) => return Some((e, CueWord::Verb(v))),
                Some((e, MultiTarget::According(a))) => return Some((e, CueWord::According(a))),
                _ => {}
            }
        }
        t.verb.map(|v| (i + 1, CueWord::Verb(v)))
    }

    fn verb_class(&self, c: CueWord) -> Option<(CueClass, bool, bool)> {
        match c {
            CueWord::Verb(v) => {
                let e = self.lex.verb(v);
                Some((e.class, e.addressee_object, e.needs_complement))
            }
            _ => None,
        }
    }

    /// Index of the last token of a sentence that is content, i.e. before
    /// trailing final punctuation outside quotes.
    fn content_end(&self, s: &Sentence) -> usize {
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

    fn span_of(&self, s: usize, e: usize) -> Option<Span> {
        (e > s).then(|| Span::new(self.toks[s].span.start, self.toks[e - 1].span.end))
    }

    /// Skip the verb group leftwards from a cue: auxiliaries, adverbs,
    /// negation. Returns the index just right of the subject.
    fn skip_verb_group_left(&self, mut i: usize, lo: usize) -> usize {
        while i > lo {
            let t = &self.toks[i - 1];
            if t.is_word() && t.has(flags::AUX | flags::ADV) && !t.cap {
                i -= 1;
            } else if t.is_word()
                && self.word(i - 1).ends_with("ly")
                && !t.cap
                && self.word(i - 1).len() > 4
            {
                i -= 1;
            } else {
                break;
            }
        }
        i
    }

    /// Skip adverbs rightwards.
    fn skip_adverbs_right(&self, mut i: usize, hi: usize) -> usize {
        while i < hi {
            let t = &self.toks[i];
            if t.is_word()
                && (t.has(flags::ADV) || (self.word(i).ends_with("ly") && self.word(i).len() > 4))
                && !t.cap
            {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// The subject of a cue at `cue_start`: the phrase left of the verb
    /// group, through an appositive, or at the clause start when a
    /// prepositional phrase separates it from the verb.
    pub fn subject(&self, cue_start: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        let sent_start = lo;
        let i = self.skip_verb_group_left(cue_start, lo);
        if i <= lo {
            return None;
        }
        let mut extras = Vec::new();
        // appositive: "Lavrov, Russia's foreign minister, said"
        if self.toks[i - 1].is_punct(',') || self.toks[i - 1].is_punct(')') {
            let close = i - 1;
            let open_ch = if self.toks[close].is_punct(')') {
                '('
            } else {
                ','
            };
            let mut k = close;
            let mut found = None;
            while k > lo && close - k < 25 {
                k -= 1;
                let t = &self.toks[k];
                if t.is_punct(open_ch) {
                    found = Some(k);
                    break;
                }
                if t.is_final() || t.is_quote() || t.is_punct(';') {
                    break;
                }
            }
            let k = found?;
            let inner_has_cue = (k + 1..close)
                .any(|j| self.toks[j].verb.is_some() && self.toks[j].has(flags::CUE_VERB));
            let np = self.np.np_left(k, lo, sent_start)?;
            if inner_has_cue && !self.is(k + 1, "who") {
                return None;
            }
            if matches!(
                np.kind,
                MentionKind::Name
                    | MentionKind::Org
                    | MentionKind::Description
                    | MentionKind::Pronoun
            ) {
                if let Some(app) = self.np.np_right(k + 1, close, sent_start) {
                    extras.push(app);
                }
                return Some((np, extras));
            }
            return None;
        }
        let np = self.np.np_left(i, lo, sent_start)?;
        // the phrase is the object of a preposition: look for the subject
        // at the clause start, across the prepositional phrases
        if np.start > lo && np.kind != MentionKind::Relative {
            let p = &self.toks[np.start - 1];
            if p.is_word() && p.has(flags::PREP) && !p.cap {
                let mut cs = np.start - 1;
                while cs > lo {
                    let t = &self.toks[cs - 1];
                    if t.is_punct(',')
                        || t.is_punct(':')
                        || t.is_punct(';')
                        || t.is_quote()
                        || t.is_punct('—')
                        || t.is_final()
                    {
                        break;
                    }
                    cs -= 1;
                }
                if i - cs > 30 {
                    return None;
                }
                let subj = self.np.np_right(cs, np.start, sent_start)?;
                let after = &self.toks[subj.end];
                if subj.end < np.start
                    && after.is_word()
                    && (after.has(flags::PREP) || self.word(subj.end) == "as")
                {
                    // keep interview partners and relays found in between
                    extras.push(np);
                    return Some((subj, extras));
                }
                return None;
            }
        }
        Some((np, extras))
    }

    /// After a cue, skip an addressee object, adverbs and prepositional
    /// phrases of manner/place/time ("in the interview", "to reporters",
    /// "on Tuesday"). Returns (next index, addressee, source, in-between
    /// phrases).
    fn after_cue(
        &mut self,
        cue_end: usize,
        hi: usize,
        addressee_object: bool,
        sent_start: usize,
    ) -> (usize, Option<Np>, Option<Np>) {
        let mut k = self.skip_adverbs_right(cue_end, hi);
        let mut addressee = None;
        let mut source = None;
        if addressee_object && k < hi && !self.is(k, "that") && !self.toks[k].has(flags::PREP) {
            if let Some(np) = self.np.np_right(k, hi, sent_start) {
                if np.kind != MentionKind::Relative && !self.toks[k].has(flags::DET)
                    || self.toks[np.head].has(flags::TITLE | flags::PERSON_NOUN)
                {
                    addressee = Some(np);
                    k = np.end;
                }
            }
        }
        // prepositional phrases
        let mut guard = 0;
        while k < hi && guard < 6 {
            guard += 1;
            k = self.skip_adverbs_right(k, hi);
            if k >= hi {
                break;
            }
            let w = self.word(k);
            if self.is(k, "as")
                && (self.is(k + 1, "cited")
                    || self.is(k + 1, "quoted")
                    || self.is(k + 1, "reported"))
                && self.is(k + 2, "by")
            {
                if let Some(np) = self.np.np_right(k + 3, hi, sent_start) {
                    source = Some(np);
                    k = np.end;
                    continue;
                }
            }
            if self.is(k, "as") && self.is(k + 1, "per") {
                if let Some(np) = self.np.np_right(k + 2, hi, sent_start) {
                    source = Some(np);
                    k = np.end;
                    continue;
                }
            }
            if !self.toks[k].is_word()
                || !self.toks[k].has(flags::PREP)
                || self.toks[k].cap && k == sent_start
            {
                break;
            }
            if matches!(w, "to" | "To")
                && self.toks.get(k + 1).is_some_and(|t| {
                    t.is_word()
                        && !t.cap
                        && !t.has(flags::DET | flags::PRONOUN | flags::TITLE | flags::PERSON_NOUN)
                })
            {
                break; // "to"-infinitive: content
            }
            if matches!(w, "that" | "about" | "of" | "like" | "as") {
                break;
            }
            // the phrase: preposition + noun phrase
            let Some(np) = self
                .np
                .np_right(k + 1, hi, sent_start)
                .or_else(|| self.bare_np(k + 1, hi))
            else {
                break;
            };
            if w == "to"
                && addressee.is_none()
                && self.toks[np.head].has(flags::TITLE | flags::PERSON_NOUN)
                    | matches!(np.kind, MentionKind::Name | MentionKind::Pronoun)
            {
                addressee = Some(np);
            }
            k = np.end;
            // "interview with X"
            if self.is(np.head, "interview")
                || self.is(np.head, "interviews")
                || self.is(np.head, "conversation")
            {
                if (self.is(k, "with") || self.is(k, "to")) && k + 1 < hi {
                    if let Some(who) = self.np.np_right(k + 1, hi, sent_start) {
                        addressee = Some(who);
                        k = who.end;
                    }
                }
            }
        }
        (k, addressee, source)
    }

    /// A short phrase of lowercase words and names after a preposition:
    /// "in the interview", "on Tuesday", "last week".
    fn bare_np(&self, start: usize, hi: usize) -> Option<Np> {
        let mut k = start;
        while k < hi && k < start + 8 {
            let t = &self.toks[k];
            if !(t.is_word() || t.kind == TokKind::Number) {
                break;
            }
            if t.has(flags::CUE_VERB | flags::RELATIVE | flags::CONJ | flags::AUX)
                || (t.has(flags::PREP) && k > start)
            {
                break;
            }
            k += 1;
        }
        (k > start).then(|| Np {
            start,
            end: k,
            head: k - 1,
            kind: MentionKind::Description,
            name: None,
            known: None,
        })
    }

    fn mark(&mut self, s: usize, e: usize) {
        for t in &mut self.taken[s..e] {
            *t = true;
        }
    }

    fn mark_span(&mut self, span: Span) {
        // tokens inside a byte span
        let lo = self.toks.partition_point(|t| t.span.end <= span.start);
        let hi = self.toks.partition_point(|t| t.span.start < span.end);
        self.mark(lo, hi);
    }

    fn is_taken_span(&self, span: Span) -> bool {
        let lo = self.toks.partition_point(|t| t.span.end <= span.start);
        let hi = self.toks.partition_point(|t| t.span.start < span.end);
        (lo..hi).any(|i| self.taken[i])
    }

    fn commit(&mut self, d: Draft, out: &mut Vec<Draft>) {
        self.mark(d.cue.0, d.cue.1);
        for np in [d.speaker, d.source, d.addressee].into_iter().flatten() {
            self.mark(np.start, np.end);
        }
        for &c in &d.content {
            self.mark_span(c);
        }
        out.push(d);
    }

    // ------------------------------------------------------------------
    // pass 1: direct quotations

    fn direct(&mut self, out: &mut Vec<Draft>) {
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            if self.taken[q.open] {
                continue;
            }
            if let Some(d) = self
                .quote_then_attribution(&q)
                .or_else(|| self.attribution_then_quote(&q))
            {
                self.commit(d, out);
            }
        }
    }

    fn quote_content(&self, q: &Quote) -> Span {
        q.span
    }

    /// Does the quote's last inner token suggest a tag follows ("…,” he said)?
    fn quote_ends_open(&self, q: &Quote) -> bool {
        let Some(c) = q.close else { return false };
        let last = &self.toks[c - 1];
        matches!(last.kind, TokKind::Punct(',' | '?' | '!' | '—' | '–' | '-'))
            || self.toks.get(c + 1).is_some_and(|t| t.is_punct(','))
            || (c + 1 < self.toks.len() && self.toks[c + 1].is_word() && !self.toks[c + 1].cap)
    }

    fn quote_then_attribution(&mut self, q: &Quote) -> Option<Draft> {
        let c = q.close?;
        if !self.quote_ends_open(q) {
            return None;
        }
        let s = self.sent_of(c);
        let s_idx = self.tok_sent[c] as usize;
        let hi = s.tokens.end;
        let mut a = c + 1;
        if a < hi && (self.toks[a].is_punct(',') || self.toks[a].is_punct('—')) {
            a += 1;
        }
        if a >= hi {
            return None;
        }
        let sent_start = a;
        // "…,” said Lavrov.
        let a2 = self.skip_adverbs_right(a, hi);
        if let Some((ce, cw)) = self.cue_at(a2) {
            if let CueWord::Verb(_) = cw {
                if let Some(np) = self.np.np_right(ce, hi, sent_start) {
                    if np.kind != MentionKind::Relative {
                        let (_, _, ao, _) = self.verb_info(cw);
                        let (_, addr, src) = self.after_cue(np.end, hi, ao, sent_start);
                        return Some(Draft {
                            speaker: Some(np),
                            cue: (a2, ce),
                            cue_word: cw,
                            content: vec![self.quote_content(q)],
                            source: src,
                            addressee: addr,
                            rule: "direct.quote-cue-speaker",
                            sent: s_idx,
                        });
                    }
                }
            }
        }
        // "…,” the top Russian diplomat pointed out.
        let np = self.np.np_right(a, hi, sent_start)?;
        let mut v = np.end;
        // appositive after the speaker: "…,” Berg, the minister, said.
        if v < hi && self.toks[v].is_punct(',') {
            let mut k = v + 1;
            while k < hi && k < v + 15 && !self.toks[k].is_punct(',') {
                k += 1;
            }
            if k < hi && self.toks[k].is_punct(',') {
                v = k + 1;
            }
        }
        // verb group: auxiliaries and adverbs
        while v < hi
            && self.toks[v].is_word()
            && self.toks[v].has(flags::AUX | flags::ADV)
            && self.toks[v].verb.is_none()
        {
            v += 1;
        }
        let (ce, cw) = self.cue_at(v)?;
        if !matches!(cw, CueWord::Verb(_)) {
            return None;
        }
        let (_, _, ao, _) = self.verb_info(cw);
        let (_, addr, src) = self.after_cue(ce, hi, ao, sent_start);
        Some(Draft {
            speaker: Some(np),
            cue: (v, ce),
            cue_word: cw,
            content: vec![self.quote_content(q)],
            source: src,
            addressee: addr,
            rule: "direct.quote-speaker-cue",
            sent: s_idx,
        })
    }

    fn verb_info(&self, cw: CueWord) -> (CueClass, bool, bool, bool) {
        match self.verb_class(cw) {
            Some((c, ao, nc)) => (c, true, ao, nc),
            None => (CueClass::Speech, false, false, false),
        }
    }

    fn attribution_then_quote(&mut self, q: &Quote) -> Option<Draft> {
        if q.open == 0 {
            return None;
        }
        let s = self.sent_of(q.open);
        let s_idx = self.tok_sent[q.open] as usize;
        let lo = s.tokens.start;
        let mut b = q.open;
        if b > lo && matches!(self.toks[b - 1].kind, TokKind::Punct(',' | ':' | '—')) {
            b -= 1;
        }
        let colon = b < q.open && self.toks[b].is_punct(':');
        // "Berg: “…”"
        if colon && b > lo {
            if let Some(np) = self.np.np_left(b, lo, lo) {
                if np.start == lo
                    && matches!(
                        np.kind,
                        MentionKind::Name | MentionKind::Pronoun | MentionKind::Org
                    )
                {
                    return Some(Draft {
                        speaker: Some(np),
                        cue: (b, b + 1),
                        cue_word: CueWord::Colon,
                        content: vec![q.span],
                        source: None,
                        addressee: None,
                        rule: "direct.colon",
                        sent: s_idx,
                    });
                }
            }
        }
        // find the cue within a few tokens left: "said", "told Carlson",
        // "said in a statement", "cited Lavrov telling Carlson"
        let mut k = b;
        let mut steps = 0;
        while k > lo && steps < 10 {
            k -= 1;
            steps += 1;
            if self.toks[k].is_final() || self.toks[k].is_quote() {
                return None;
            }
            if self.toks[k].is_word() && self.toks[k].has(flags::CUE_VERB)
                || !self.lex.multi(&self.word(k).to_lowercase()).is_empty()
            {
                if let Some((ce, cw @ CueWord::Verb(_))) = self.cue_at(k) {
                    let (_, _, ao, _) = self.verb_info(cw);
                    let (next, addr, src) = self.after_cue(ce, b, ao, lo);
                    if next != b && !(next < b && self.is(next, "that")) {
                        continue;
                    }
                    let (speaker, extras) = match self.subject(k, lo) {
                        Some(x) => (Some(x.0), x.1),
                        None => (None, Vec::new()),
                    };
                    let mut d = Draft {
                        speaker,
                        cue: (k, ce),
                        cue_word: cw,
                        content: vec![if next < b {
                            self.span_of(next, q.end.min(self.toks.len()))?
                                .cover(q.span)
                        } else {
                            q.span
                        }],
                        source: src,
                        addressee: addr,
                        rule: "direct.speaker-cue-quote",
                        sent: s_idx,
                    };
                    self.relay_and_partner(&mut d, &extras, lo);
                    return Some(d);
                }
            }
        }
        None
    }

    /// Fill source and addressee from the phrases between subject and cue
    /// ("… in an interview with X as cited by TASS …"), and from
    /// "SOURCE cited SPEAKER telling/saying".
    fn relay_and_partner(&mut self, d: &mut Draft, extras: &[Np], lo: usize) {
        let Some(sp) = d.speaker else { return };
        // the region between speaker and cue
        let mut k = sp.end;
        while k < d.cue.0 {
            if self.is(k, "interview") || self.is(k, "conversation") {
                if (self.is(k + 1, "with") || self.is(k + 1, "to")) && d.addressee.is_none() {
                    d.addressee = self.np.np_right(k + 2, d.cue.0, lo);
                }
            }
            if self.is(k, "cited") || self.is(k, "quoted") || self.is(k, "reported") {
                if self.is(k + 1, "by") && d.source.is_none() {
                    d.source = self.np.np_right(k + 2, d.cue.0, lo);
                }
            }
            if self.is(k, "as") && self.is(k + 1, "per") && d.source.is_none() {
                d.source = self.np.np_right(k + 2, d.cue.0, lo);
            }
            k += 1;
        }
        let _ = extras;
        // "Russian state media cited Lavrov telling Carlson"
        if sp.start > lo {
            let mut v = sp.start;
            if v > lo && self.is(v - 1, "as") {
                v -= 1;
            }
            if v > lo && (self.is(v - 1, "cited") || self.is(v - 1, "quoted")) && d.source.is_none()
            {
                if let Some(np) = self.np.np_left(v - 1, lo, lo) {
                    d.source = Some(np);
                }
            }
        }
    }

    // ------------------------------------------------------------------
    // pass 2: continuations of direct quotes

    fn continuations(&mut self, out: &mut Vec<Draft>) {
        for qi in 0..self.quotes.len() {
            let q = self.quotes[qi];
            if self.taken[q.open] || q.words == 0 {
                continue;
            }
            // the nearest attribution before the quote
            let Some(prev) = out.iter().rposition(|d| {
                d.content
                    .last()
                    .is_some_and(|c| c.end <= self.toks[q.open].span.start)
            }) else {
                continue;
            };
            let pd = &out[prev];
            if !pd.rule.starts_with("direct") {
                continue;
            }
            let pq = self.sents[pd.sent].para;
            let qs = self.sent_of(q.open);
            let same_para = qs.para == pq;
            let next_para = qs.para == pq + 1;
            // the quote must start its sentence and (in a new paragraph)
            // make up the paragraph's opening
            let starts_sentence = qs.tokens.start == q.open;
            if !starts_sentence || !(same_para || next_para) {
                continue;
            }
            // nothing attributed between them
            let last_end = pd
                .content
                .last()
                .expect("content")
                .end
                .max(self.toks[pd.cue.1 - 1].span.end);
            let gap_lo = self.toks.partition_point(|t| t.span.end <= last_end);
            if (gap_lo..q.open).any(|i| self.toks[i].is_quote() && !self.taken[i]) {
                continue;
            }
            // the paragraph must not hold a cue of its own
            if next_para {
                let para_has_cue = (q.end..self.toks.len())
                    .take_while(|&i| self.toks[i].kind != TokKind::Newline)
                    .any(|i| self.toks[i].has(flags::CUE_VERB) && !self.in_quote(i));
                if para_has_cue {
                    continue;
                }
            }
            let span = q.span;
            let d = &mut out[prev];
            d.content.push(span);
            if !d.rule.ends_with("+continuation") {
                d.rule = match d.rule {
                    "direct.quote-speaker-cue" => "direct.quote-speaker-cue+continuation",
                    "direct.quote-cue-speaker" => "direct.quote-cue-speaker+continuation",
                    "direct.speaker-cue-quote" => "direct.speaker-cue-quote+continuation",
                    "direct.colon" => "direct.colon+continuation",
                    other => other,
                };
            }
            self.mark(q.open, (q.end + 1).min(self.toks.len()));
        }
    }

    // ------------------------------------------------------------------
    // pass 3: inverted and parenthetical indirect speech

    fn inverted(&mut self, out: &mut Vec<Draft>) {
        for si in 0..self.sents.len() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_end(s));
            let mut i = lo;
            while i < hi {
                if self.taken[i] || self.in_quote(i) {
                    i += 1;
                    continue;
                }
                if let Some(d) = self.inverted_at(i, lo, hi, si) {
                    let next = d.cue.1;
                    self.commit(d, out);
                    i = next;
                    continue;
                }
                i += 1;
            }
        }
    }

    fn inverted_at(&mut self, i: usize, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, ao, needs) = self.verb_info(cw);
        if !matches!(cw, CueWord::Verb(_)) || needs || class == CueClass::Intention {
            return None;
        }
        let w = self.word(i);
        if w.ends_with("ing") {
            return None;
        }
        // form A: "…, Lavrov said …"  form B: "…, said Lavrov …"
        let (speaker, comma, cue, rule) = if let Some((np, _)) = self.subject(i, lo) {
            let mut c = np.start;
            if c > lo && self.toks[c - 1].is_quote() {
                c -= 1;
            }
            if c <= lo || !(self.toks[c - 1].is_punct(',') || self.toks[c - 1].is_punct('—')) {
                return None;
            }
            (np, c - 1, (i, ce), "indirect.inverted")
        } else {
            let mut c = i;
            while c > lo && self.toks[c - 1].is_word() && self.toks[c - 1].has(flags::ADV) {
                c -= 1;
            }
            if c <= lo || !self.toks[c - 1].is_punct(',') {
                return None;
            }
            let np = self.np.np_right(ce, hi, ce)?;
            if np.kind == MentionKind::Relative {
                return None;
            }
            (np, c - 1, (i, ce), "indirect.inverted-cue-speaker")
        };
        if comma <= lo {
            return None;
        }
        let after_from = if rule == "indirect.inverted" {
            ce
        } else {
            speaker.end
        };
        let (k, addr, src) = self.after_cue(after_from, hi, ao, lo);
        let mut content = vec![self.span_of(lo, comma)?];
        let mut rule = rule;
        if k < hi {
            // parenthetical: "A, X said, B."
            if self.toks[k].is_punct(',')
                && k + 1 < hi
                && !self.is(k + 1, "and")
                && !self.is(k + 1, "adding")
                && self.toks[k + 1].verb.is_none()
            {
                content.push(self.span_of(k + 1, hi)?);
                rule = "indirect.parenthetical";
            } else {
                return None;
            }
        }
        // the content before must look like a clause, not a subordinate
        // phrase: at least three words
        let words = (lo..comma).filter(|&j| self.toks[j].is_word()).count();
        if words < 3 {
            return None;
        }
        if content.iter().any(|c| self.is_taken_span(*c)) {
            return None;
        }
        let mut d = Draft {
            speaker: Some(speaker),
            cue,
            cue_word: cw,
            content,
            source: src,
            addressee: addr,
            rule,
            sent: si,
        };
        let _ = class;
        self.relay_and_partner(&mut d, &[], lo);
        Some(d)
    }

    // ------------------------------------------------------------------
    // pass 4: according to / as per

    fn according(&mut self, out: &mut Vec<Draft>) {
        for si in 0..self.sents.len() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_end(s));
            let mut i = lo;
            while i < hi {
                if self.taken[i] || self.in_quote(i) {
                    i += 1;
                    continue;
                }
                let Some((ce, cw @ CueWord::According(_))) = self.cue_at(i) else {
                    i += 1;
                    continue;
                };
                let Some(np) = self.np.np_right(ce, hi, lo) else {
                    i += 1;
                    continue;
                };
                let mut end = np.end;
                // "according to a statement by X", "according to X's report"
                while end < hi
                    && self.toks[end].is_word()
                    && !self.toks[end].has(flags::CONJ)
                    && end < np.end + 6
                    && !self.toks[end].is_punct(',')
                    && (self.is(end, "of")
                        || self.is(end, "by")
                        || self.is(end, "from")
                        || self.is(end, "'s")
                        || self.is(end, "’s"))
                {
                    match self.np.np_right(end + 1, hi, lo) {
                        Some(n2) => end = n2.end,
                        None => break,
                    }
                }
                let mut content = Vec::new();
                let before = if i > lo && self.toks[i - 1].is_punct(',') {
                    i - 1
                } else {
                    i
                };
                if before > lo {
                    content.push(self.span_of(lo, before));
                }
                let mut a = end;
                if a < hi && self.toks[a].is_punct(',') {
                    a += 1;
                }
                if a < hi && (before == lo || self.toks[end].is_punct(',')) {
                    content.push(self.span_of(a, hi));
                }
                let content: Vec<Span> = content.into_iter().flatten().collect();
                if content.is_empty() || content.iter().any(|c| self.is_taken_span(*c)) {
                    i = ce;
                    continue;
                }
                let d = Draft {
                    speaker: Some(np),
                    cue: (i, ce),
                    cue_word: cw,
                    content,
                    source: None,
                    addressee: None,
                    rule: if before == lo {
                        "according.before"
                    } else {
                        "according.after"
                    },
                    sent: si,
                };
                self.commit(d, out);
                i = end;
            }
        }
    }

    // ------------------------------------------------------------------
    // pass 5: forward indirect speech

    fn forward(&mut self, out: &mut Vec<Draft>) {
        for si in 0..self.sents.len() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_end(s));
            let mut i = lo;
            while i < hi {
                if self.taken[i] || self.in_quote(i) {
                    i += 1;
                    continue;
                }
                match self.forward_at(i, lo, hi, si, out) {
                    Some(d) => {
                        let next = d.cue.1;
                        self.commit(d, out);
                        i = next;
                    }
                    None => i += 1,
                }
            }
        }
    }

    fn forward_at(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        si: usize,
        out: &[Draft],
    ) -> Option<Draft> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, ao, needs) = self.verb_info(cw);
        if !matches!(cw, CueWord::Verb(_)) {
            return None;
        }
        let w = self.word(i);
        let gerund = w.ends_with("ing");
        // the speaker
        let mut rule_hint = None;
        let (speaker, extras) = match self.subject(i, lo) {
            Some((np, ex)) => (Some(np), ex),
            None => {
                // participle clause: ", adding that…" takes the sentence's
                // speaker
                if gerund && i > lo && self.toks[i - 1].is_punct(',') {
                    let prev = out
                        .iter()
                        .rev()
                        .find(|d| d.sent == si && d.speaker.is_some())?;
                    rule_hint = Some("indirect.participle");
                    (prev.speaker, Vec::new())
                } else if self.passive_it(i, lo) {
                    (None, Vec::new())
                } else {
                    return None;
                }
            }
        };
        if let Some(sp) = speaker {
            // "It is said that…": an empty subject is no speaker
            if sp.kind == MentionKind::Pronoun && self.is(sp.start, "it") && self.passive_it(i, lo)
            {
                return self.forward_content(
                    i, ce, cw, None, lo, hi, si, class, ao, needs, &extras, rule_hint,
                );
            }
            if gerund && rule_hint.is_none() {
                // "Lavrov telling Carlson …" only after cited/quoted, or as
                // a participle after a comma
                let p = sp.start;
                let cited = p > lo
                    && (self.is(p - 1, "cited")
                        || self.is(p - 1, "quoted")
                        || (self.is(p - 1, "as") && p > lo + 1));
                if !cited {
                    return None;
                }
            }
        }
        self.forward_content(
            i, ce, cw, speaker, lo, hi, si, class, ao, needs, &extras, rule_hint,
        )
    }

    fn passive_it(&self, i: usize, lo: usize) -> bool {
        // "It is said", "it was reported", "It has been suggested"
        let mut k = i;
        let mut aux = false;
        while k > lo && self.toks[k - 1].has(flags::AUX) {
            aux = true;
            k -= 1;
        }
        aux && k > lo && self.is(k - 1, "it") && self.word(i).ends_with("ed")
    }

    #[allow(clippy::too_many_arguments)]
    fn forward_content(
        &mut self,
        i: usize,
        ce: usize,
        cw: CueWord,
        speaker: Option<Np>,
        lo: usize,
        hi: usize,
        si: usize,
        class: CueClass,
        ao: bool,
        needs: bool,
        extras: &[Np],
        rule_hint: Option<&'static str>,
    ) -> Option<Draft> {
        let (k, addr, src) = self.after_cue(ce, hi, ao, lo);
        if k >= hi {
            return None;
        }
        let t = &self.toks[k];
        let w = self.word(k);
        let mut start = k;
        let rule;
        if self.is(k, "that") {
            rule = "indirect.that";
        } else if t.is_quote() {
            rule = "indirect.quoted-object";
        } else if t.is_punct(':') || t.is_punct(',') {
            // "said: the plan…" / "said, the plan…"
            if k + 1 >= hi || class != CueClass::Speech || t.is_punct(',') {
                return None;
            }
            start = k + 1;
            rule = "indirect.clause";
        } else if self.is(k, "to") && self.toks.get(k + 1).is_some_and(|u| u.is_word() && !u.cap) {
            if !matches!(class, CueClass::Intention | CueClass::Belief)
                && !self
                    .lex
                    .verb(match cw {
                        CueWord::Verb(v) => v,
                        _ => return None,
                    })
                    .addressee_object
                && !matches!(
                    self.word(i),
                    "promised"
                        | "vowed"
                        | "pledged"
                        | "threatened"
                        | "agreed"
                        | "promise"
                        | "vow"
                        | "pledge"
                        | "threaten"
                        | "agree"
                        | "promises"
                        | "vows"
                        | "pledges"
                        | "threatens"
                        | "agrees"
                        | "promising"
                        | "vowing"
                        | "pledging"
                        | "threatening"
                        | "agreeing"
                        | "urged"
                        | "urge"
                        | "urges"
                        | "urging"
                        | "called"
                        | "calls"
                        | "call"
                        | "calling"
                )
            {
                return None;
            }
            rule = "indirect.infinitive";
        } else if WH.contains(&w.to_lowercase().as_str()) && class != CueClass::Intention {
            rule = "indirect.clause";
        } else if class == CueClass::Intention || needs {
            return None;
        } else if self.clause_start(k, hi) {
            rule = "indirect.clause";
        } else {
            return None;
        }
        if t.is_word()
            && t.has(flags::CONJ)
            && !self.is(k, "that")
            && !WH.contains(&w.to_lowercase().as_str())
        {
            return None;
        }
        // the content: to the sentence end, or across sentences to the end
        // of a quotation that it opens
        let mut end_tok = hi;
        let qi = if self.toks[start].is_quote() {
            self.quotes.iter().position(|q| q.open == start)
        } else {
            None
        };
        let mut span = self.span_of(start, end_tok)?;
        if let Some(qi) = qi {
            let q = self.quotes[qi];
            if q.span.end > span.end {
                span = Span::new(span.start, q.span.end);
                end_tok = q.end;
            }
        }
        let _ = end_tok;
        if self.is_taken_span(span) {
            // content overlaps an earlier attribution: trim at it
            let first_taken = (start..hi).find(|&j| self.taken[j])?;
            let mut e = first_taken;
            while e > start
                && matches!(
                    self.toks[e - 1].kind,
                    TokKind::Punct(',' | ';' | ':' | '—' | '-')
                )
            {
                e -= 1;
            }
            span = self.span_of(start, e)?;
            let words = (start..e).filter(|&j| self.toks[j].is_word()).count();
            if words < 2 {
                return None;
            }
        }
        let mut d = Draft {
            speaker,
            cue: (i, ce),
            cue_word: cw,
            content: vec![span],
            source: src,
            addressee: addr,
            rule: rule_hint.unwrap_or(rule),
            sent: si,
        };
        self.relay_and_partner(&mut d, extras, lo);
        Some(d)
    }

    /// Does a clause (subject + more) start at `k`? Pronouns, determiners,
    /// names and numbers open one.
    fn clause_start(&self, k: usize, hi: usize) -> bool {
        if k + 1 >= hi {
            return false;
        }
        let t = &self.toks[k];
        if let Some(p) = t.pronoun {
            return self.lex.pronouns.pronouns[p as usize].subject
                || self.lex.pronouns.pronouns[p as usize].possessive;
        }
        if t.has(flags::DET) || t.kind == TokKind::Number {
            return true;
        }
        if t.is_word() && t.cap && !t.has(flags::PREP | flags::CONJ) {
            return true;
        }
        if t.is_word()
            && matches!(
                self.word(k),
                "there"
                    | "this"
                    | "these"
                    | "those"
                    | "no"
                    | "nothing"
                    | "everyone"
                    | "nobody"
                    | "someone"
                    | "people"
            )
        {
            return true;
        }
        false
    }

    /// Run every pass; drafts come back in text order.
    pub fn run(mut self) -> Vec<Draft> {
        let mut out = Vec::new();
        self.direct(&mut out);
        self.continuations(&mut out);
        self.inverted(&mut out);
        self.according(&mut out);
        self.forward(&mut out);
        out.sort_by_key(|d| {
            d.content
                .first()
                .map_or(0, |c| c.start)
                .min(self.toks[d.cue.0].span.start)
        });
        let _ = lower_into;
        out
    }
}
