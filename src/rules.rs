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
use crate::token::{TokKind, Token};

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
        id: "direct.split",
        description: "a quotation split by its tag: the part after the tag's comma joins the first",
        example: "“We are ready,” Berg said, “and we have waited long enough.”",
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
        id: "indirect.participle",
        description: "a participle clause adding to the sentence's speaker",
        example: "Berg spoke for an hour, adding that the talks will resume.",
    },
    RuleInfo {
        id: "according.frame",
        description: "a study or poll framing the sentence: In + phrase, content",
        example: "In a new survey, most voters are still undecided.",
    },
    RuleInfo {
        id: "indirect.object",
        description: "speaker, cue, object phrase as content",
        example: "Berg endorsed the new treaty in May.",
    },
    RuleInfo {
        id: "indirect.coordinated",
        description: "a second cue verb sharing the sentence's subject",
        example: "Berg thanked the hosts and said the talks will resume.",
    },
    RuleInfo {
        id: "indirect.asked",
        description: "the question in 'Asked whether …', with no source",
        example: "Asked whether the talks would resume, Berg smiled.",
    },
    RuleInfo {
        id: "nominal.that",
        description: "a communication noun with a possessor and a that-clause",
        example: "Berg's claim that the talks will resume surprised no one.",
    },
    RuleInfo {
        id: "evidential.seem",
        description: "an impression with no named source: subject, seem/appear, complement",
        example: "The minister seemed to waver on the deal.",
    },
    RuleInfo {
        id: "headline.colon",
        description: "a name, a colon and a claim, as in headlines",
        example: "Berg: Talks Will Resume in May",
    },
    RuleInfo {
        id: "indirect.relative",
        description: "a relative pronoun as the reported object: whom X described as …",
        example: "She criticized the plan, which the mayor described as reckless.",
    },
    RuleInfo {
        id: "indirect.raised",
        description: "a raised passive: the subject and the infinitive are the content, no speaker",
        example: "The talks are expected to resume in May.",
    },
    RuleInfo {
        id: "headline.verb",
        description: "a title-case headline with a capitalized reporting verb",
        example: "Mayor Anna Berg Says Talks Will Resume in May",
    },
];

/// Verbs whose passive raises the subject of the reported infinitive
/// ("X is expected to …", "X is said to …").
const RAISING: &[&str] = &[
    "expect",
    "believe",
    "think",
    "say",
    "report",
    "rumor",
    "rumour",
    "project",
    "predict",
    "forecast",
    "anticipate",
    "suppose",
    "estimate",
    "understand",
    "consider",
    "know",
];

/// A cue found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueWord {
    /// A reporting verb (index into the lexicon's verbs).
    Verb(u32),
    /// "according to"-type phrase (index into `cues.according`).
    According(u32),
    /// A colon introducing a quotation or a claim.
    Colon,
    /// A framing preposition ("In a new poll, …").
    Frame,
    /// A communication noun ("his claim that …").
    Noun,
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
    /// Quote index opened by each token (`u32::MAX`: none).
    quote_open: Vec<u32>,
    /// Token bounds, to find the tokens of a byte span.
    bounds: &'a crate::token::Bounds,
    /// Tokens already part of an attribution.
    pub taken: Vec<bool>,
    /// The sentences and quotes the passes are working through (see
    /// `run`), and the first token of that stretch.
    win: std::ops::Range<usize>,
    qwin: std::ops::Range<usize>,
    win_tok: usize,
    /// Tokens per stretch (`STRETCH`; smaller in tests).
    stretch: usize,
    /// The drafts the direct pass made, as indices into the output, and
    /// whether they are in order of their first content: what the
    /// continuations pass searches for the attribution before a quote.
    direct_drafts: Vec<u32>,
    direct_sorted: bool,
    in_direct: bool,
    /// Per sentence, the index in the output of its latest draft
    /// (`NONE`: none yet), and per draft the one before it in the same
    /// sentence: a rule asking for a sentence's drafts reads them without
    /// a scan of every draft of the document.
    sent_last: Vec<u32>,
    sent_prev: Vec<u32>,
    /// `content_end` of each sentence, found once: each pass would
    /// otherwise read every sentence's last tokens again.
    content_ends: Vec<u32>,
    /// The tokens a token-by-token pass can start at (see
    /// [`may_trigger`]), ascending: the passes step from one to the next
    /// instead of reading every token of a long document again per pass.
    triggers: Vec<u32>,
    buf: String,
}

/// Whether a pass may start at this word: a cue verb or the first word
/// of a multi-word cue ("according to", "went on to say"), a cue noun
/// ("the claim that"), "seem"/"appear" or "asked". A superset of what
/// `cue_at`, `nominal`, `seem` and `asked` accept, each of which still
/// checks its own condition.
fn may_trigger(t: &Token, word: &str) -> bool {
    t.is_word()
        && (t.verb.is_some()
            || t.has(flags::CUE_NOUN | flags::MULTI_CUE_FIRST)
            || matches!(
                word,
                "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
            )
            || word.eq_ignore_ascii_case("asked"))
}

const NONE: u32 = u32::MAX;

/// Tokens per stretch of a long document (see `Ctx::run`): about 40 KB
/// of text, whose tokens and per-token tables fit a 2 MB cache.
const STRETCH: usize = 8192;

/// Words that open a wh-complement ("asked whether", "explained how").
const WH: &[&str] = &[
    "whether", "how", "what", "why", "when", "where", "who", "if",
];

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
                .filter(|&i| may_trigger(&toks[i], toks[i].span.slice(text)))
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
        };
        ctx.content_ends = sents.iter().map(|s| ctx.content_end(s) as u32).collect();
        ctx
    }

    /// The stretches `run` works through: sentence ranges of at least
    /// `STRETCH` tokens each (the whole document when shorter), with the
    /// first token of each (0 for the first, so tokens before the first
    /// sentence belong to it).
    fn stretches(&self) -> Vec<(std::ops::Range<usize>, usize)> {
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
    fn can_cut_before(&self, si: usize) -> bool {
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
    fn with_stretch(mut self, tokens: usize) -> Self {
        self.stretch = tokens;
        self
    }

    /// A pass's starting place in the trigger list: the first trigger of
    /// the stretch being worked through.
    fn first_trigger(&self) -> usize {
        self.triggers
            .partition_point(|&t| (t as usize) < self.win_tok)
    }

    /// The first token at or after `from` and before `hi` that a pass may
    /// start at. `at` is the pass's place in the trigger list: a pass
    /// moves forward through the text, so the next trigger is found by
    /// stepping on from the last (a search per sentence cost as much as
    /// the rest of the pass).
    fn next_trigger(&self, at: &mut usize, from: usize, hi: usize) -> Option<usize> {
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

    /// The drafts of sentence `si` in `out`, latest first; none when
    /// `out` is not the committed output (a rule may ask with `&[]`).
    fn drafts_of<'s>(
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

    /// The (first) quotation whose opening mark is token `i`.
    fn quote_opened_at(&self, i: usize) -> Option<&'a Quote> {
        let qi = *self.quote_open.get(i)?;
        (qi != NONE).then(|| &self.quotes[qi as usize])
    }

    /// The cue that starts at token `i`: (end token, cue).
    pub fn cue_at(&mut self, i: usize) -> Option<(usize, CueWord)> {
        let t = self.toks.get(i)?; // callers may pass the end of the text
        if !t.is_word() {
            return None;
        }
        // a capitalized cue word inside a sentence is a name or a headline
        // word ("the Islamic State", "Jobs Report Gives …"), not a verb
        if t.cap && !self.title_case_ok(i) {
            return None;
        }
        // after a determiner or a possessive the word is a noun: "a
        // district judge", "his state", "Trump's home state"
        if i > 0 && t.has(flags::CUE_VERB) {
            let p = &self.toks[i - 1];
            let pw = self.word(i - 1);
            // ... but a quantity standing for people is a subject: "most
            // say", "many fear", "some believed" (not "many reports")
            let quantity_subject = matches!(
                pw.to_lowercase().as_str(),
                "most" | "many" | "some" | "few" | "several" | "another"
            ) && !self.word(i).ends_with('s');
            if (p.has(flags::DET)
                && !matches!(pw, "that" | "all" | "both" | "each" | "no")
                && !quantity_subject)
                || matches!(pw, "'s" | "’s")
            {
                return None;
            }
        }
        // (a multi-word cue starts with a lowercase word unless flagged)
        if t.has(flags::CUE_VERB | flags::ACCORDING) || (t.has(flags::MULTI_FIRST) && !t.cap) {
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

    /// A capitalized word may be a cue only at its sentence's start (or
    /// after an opening quotation mark), and not in a title-case headline.
    fn title_case_ok(&self, i: usize) -> bool {
        let s = self.sent_of(i);
        let first =
            i == s.tokens.start || self.toks[i - 1].is_quote() || self.toks[i - 1].is_punct(':');
        // "Murphy, the head of the group, Tweeted on Friday": a stray
        // capital after punctuation is still a verb
        let after_punct =
            i > s.tokens.start && self.toks[i - 1].is_punct(',') && self.word(i).ends_with("ed");
        if !first && !after_punct {
            return false;
        }
        // headline: most words after it capitalized
        let (words, caps) = self.toks[s.tokens.clone()]
            .iter()
            .filter(|t| t.is_word())
            .fold((0, 0), |(w, c), t| (w + 1, c + usize::from(t.cap)));
        !(words >= 4 && caps * 4 >= words * 3)
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
            // "has, however, revealed"
            if t.is_punct(',')
                && i >= lo + 4
                && self.toks[i - 2].has(flags::ADV)
                && self.toks[i - 3].is_punct(',')
                && self.toks[i - 4].has(flags::AUX)
            {
                i -= 3;
                continue;
            }
            if t.is_word() && t.has(flags::AUX | flags::ADV) && !t.cap {
                i -= 1;
            } else if t.is_word() && t.has(flags::TIME) && !t.has(flags::DET) {
                // "McAuliffe on Friday announced", "Smith last week said"
                i -= 1;
                while i > lo
                    && (self.toks[i - 1].has(flags::TIME)
                        || matches!(
                            self.word(i - 1),
                            "on" | "last" | "this" | "earlier" | "late" | "early"
                        ))
                {
                    i -= 1;
                }
            } else if t.is_word()
                && is_ly_adverb(self.word(i - 1))
                && !t.cap
                && !(i >= lo + 2 && self.toks[i - 2].has(flags::DET))
            {
                i -= 1;
            } else {
                break;
            }
        }
        i
    }

    /// Skip adverbs and time expressions rightwards ("said Tuesday",
    /// "told reporters last week").
    fn skip_adverbs_right(&self, mut i: usize, hi: usize) -> usize {
        while i < hi {
            let t = &self.toks[i];
            if !t.is_word() {
                break;
            }
            let w = self.word(i);
            // manner and time adverbs only: "just", "only", "even" start
            // content ("said just because …")
            let lower_adv = !t.cap
                && ((w.ends_with("ly")
                    && w.len() > 4
                    && !matches!(
                        w,
                        "only"
                            | "early"
                            | "likely"
                            | "nearly"
                            | "largely"
                            | "mostly"
                            | "partly"
                            | "hardly"
                    ))
                    || matches!(
                        w,
                        "again"
                            | "also"
                            | "later"
                            | "earlier"
                            | "today"
                            | "yesterday"
                            | "tonight"
                            | "repeatedly"
                            | "once"
                            | "twice"
                            | "further"
                            | "instead"
                    ));
            let relative_time = matches!(w, "this" | "last" | "next" | "This" | "Last" | "Next");
            if relative_time {
                // "last week", "this morning"
                if i + 1 < hi
                    && self.toks[i + 1].has(flags::TIME)
                    && !self.toks[i + 1].has(flags::DET)
                {
                    i += 2;
                    continue;
                }
                break;
            }
            if lower_adv && !t.has(flags::DET) || (t.has(flags::TIME) && !t.has(flags::DET)) {
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// The subject of a cue at `cue_start`: the phrase left of the verb
    /// group, through appositives, or at the clause start when a
    /// prepositional phrase separates it from the verb.
    pub fn subject(&self, cue_start: usize, lo: usize) -> Option<(Np, Vec<Np>)> {
        let sent_start = lo;
        let mut i = self.skip_verb_group_left(cue_start, lo);
        // "Pence went on to say", "I am here to tell you", "she began to
        // argue": the subject of the verb that governs the infinitive
        if i > lo + 1 && self.is(i - 1, "to") {
            let mut j = i - 1;
            let mut n = 0;
            while j > lo && n < 3 {
                let t = &self.toks[j - 1];
                if !t.is_word()
                    || t.cap
                    || t.pronoun.is_some()
                    || t.has(flags::DET)
                    || (t.has(flags::PREP) && !self.is(j - 1, "on"))
                {
                    break;
                }
                j -= 1;
                n += 1;
            }
            if n > 0 {
                i = self.skip_verb_group_left(j, lo);
            }
        }
        if i <= lo {
            return None;
        }
        let mut extras = Vec::new();
        // appositives: "Lavrov, Russia's foreign minister, said",
        // "Anna Berg, 41, a teacher from Ohio, said"
        if self.toks[i - 1].is_punct(',') || self.toks[i - 1].is_punct(')') {
            let close = i - 1;
            let paren = self.toks[close].is_punct(')');
            let mut k = close;
            let mut segments = 0;
            // a cue verb seen in the current segment: only a relative
            // clause ("Barkley, who votes for Democrats, said") may hold one
            let mut verb_in_segment = false;
            while k > lo && close - k < 60 {
                k -= 1;
                let t = &self.toks[k];
                // "Sanders (I-Vt.) said": an abbreviation's period inside
                // the parentheses does not end anything
                if (t.is_final() && !(paren && t.is_punct('.')))
                    || t.is_quote()
                    || t.is_punct(';')
                    || t.is_punct(':')
                {
                    return None;
                }
                let noun_use = k > lo
                    && (self.toks[k - 1].has(flags::DET | flags::PREP)
                        || matches!(self.word(k - 1), "'s" | "’s"));
                if t.verb.is_some() && t.has(flags::CUE_VERB) && !t.cap && !noun_use {
                    verb_in_segment = true;
                }
                let opener = if paren {
                    t.is_punct('(')
                } else {
                    t.is_punct(',')
                };
                if !opener {
                    continue;
                }
                if verb_in_segment
                    && !(k + 1 < close
                        && matches!(
                            self.word(k + 1).to_lowercase().as_str(),
                            "who" | "whose" | "whom" | "which"
                        ))
                {
                    return None;
                }
                verb_in_segment = false;
                segments += 1;
                // "Ed Rendell (D), a Clinton supporter, said"
                let mut kk = k;
                if kk > lo && self.toks[kk - 1].is_punct(')') {
                    if let Some(open) = (kk.saturating_sub(8).max(lo)..kk - 1)
                        .rev()
                        .find(|&x| self.toks[x].is_punct('('))
                    {
                        kk = open;
                    }
                }
                if let Some(np) = self.np.np_left(kk, lo, sent_start) {
                    let strong = matches!(
                        np.kind,
                        MentionKind::Name | MentionKind::Org | MentionKind::Pronoun
                    ) || (np.kind == MentionKind::Description && segments == 1);
                    if strong && np.start == self.clause_start_before(np.start, lo) {
                        if let Some(app) = self.np.np_right(k + 1, close, sent_start) {
                            // "The spokesman, Victor Rusu, told": the name in
                            // the apposition names the described speaker
                            if np.kind == MentionKind::Description
                                && app.kind == MentionKind::Name
                                && app.end == close
                            {
                                return Some((
                                    Np {
                                        start: np.start,
                                        end: app.end,
                                        head: app.head,
                                        kind: MentionKind::Name,
                                        name: app.name,
                                        known: None,
                                    },
                                    extras,
                                ));
                            }
                            extras.push(app);
                        }
                        return Some((np, extras));
                    }
                    // "Lee Zeldin of New York, a supporter, said": the
                    // phrase before the apposition ends in a post-modifier
                    let cs = self.clause_start_before(np.start, lo);
                    if np.start > cs && self.toks[np.start - 1].has(flags::PREP) {
                        if let Some(head) = self.np.np_right(cs, np.start, sent_start) {
                            if head.end < np.start
                                && matches!(self.word(head.end), "of" | "from" | "at")
                                && matches!(head.kind, MentionKind::Name | MentionKind::Description)
                            {
                                if let Some(app) = self.np.np_right(k + 1, close, sent_start) {
                                    extras.push(app);
                                }
                                return Some((head, extras));
                            }
                        }
                    }
                }
                if segments >= 3 || paren {
                    return None;
                }
            }
            return None;
        }
        let np = self.np.np_left(i, lo, sent_start)?;
        // the phrase is the object of a preposition: look for the subject
        // at the clause start, across the prepositional phrases
        let mut np = np;
        // "one of the former prosecutors", "many of them": a partitive
        // "of" belongs to the phrase
        while np.start >= lo + 2 && self.is(np.start - 1, "of") {
            let q = &self.toks[np.start - 2];
            let qw = self.word(np.start - 2).to_lowercase();
            let partitive = q.has(flags::DET | flags::PERSON_NOUN | flags::TITLE)
                || self.np.quantity_left(np.start - 1, lo).is_some()
                || matches!(
                    qw.as_str(),
                    "one"
                        | "two"
                        | "three"
                        | "none"
                        | "each"
                        | "either"
                        | "neither"
                        | "half"
                        | "majority"
                        | "most"
                        | "some"
                        | "many"
                        | "all"
                        | "several"
                        | "members"
                        | "member"
                );
            if !partitive {
                break;
            }
            let mut st = np.start - 2;
            if let Some(left) = self.np.np_left(np.start - 1, lo, sent_start) {
                st = left.start.min(st);
            }
            np = Np { start: st, ..np };
        }
        if np.start > lo && !matches!(np.kind, MentionKind::Relative | MentionKind::Pronoun) {
            let p = &self.toks[np.start - 1];
            let subordinator = matches!(
                self.word(np.start - 1).to_lowercase().as_str(),
                "as" | "after"
                    | "before"
                    | "since"
                    | "until"
                    | "because"
                    | "while"
                    | "though"
                    | "although"
                    | "once"
            );
            if p.is_word() && p.has(flags::PREP) && !p.cap && !subordinator {
                let cs = self.clause_start_before(np.start - 1, lo);
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

    /// The start of the clause holding token `i`: just after the nearest
    /// comma, colon, semicolon, dash or quotation mark to its left.
    fn clause_start_before(&self, i: usize, lo: usize) -> usize {
        let mut cs = i;
        while cs > lo {
            let t = &self.toks[cs - 1];
            if t.is_punct(',')
                || t.is_punct(':')
                || t.is_punct(';')
                || t.is_quote()
                || t.is_punct('—')
                || t.is_punct('(')
                || t.is_final()
            {
                break;
            }
            cs -= 1;
        }
        cs
    }

    /// A relay phrase starting at token `k` ("as cited by", "as quoted
    /// by", "as reported by", "as per", "according to"): the token where
    /// the outlet's phrase starts.
    fn relay_at(&self, k: usize) -> Option<usize> {
        if self.is(k, "as")
            && (self.is(k + 1, "cited") || self.is(k + 1, "quoted") || self.is(k + 1, "reported"))
            && self.is(k + 2, "by")
        {
            Some(k + 3)
        } else if (self.is(k, "as") && self.is(k + 1, "per"))
            || (self.is(k, "according") && self.is(k + 1, "to"))
        {
            Some(k + 2)
        } else {
            None
        }
    }

    /// The subject of the sentence starting at `lo`, after an introductory
    /// phrase that ends with a comma ("In Texas, half of voters …").
    fn sentence_subject(&self, lo: usize, before: usize) -> Option<Np> {
        let mut start = lo;
        let t = &self.toks[lo];
        if t.has(flags::PREP | flags::ADV | flags::CONJ) || self.word(lo).ends_with("ing") {
            let comma = (lo..before.min(lo + 15)).find(|&k| self.toks[k].is_punct(','))?;
            start = comma + 1;
        }
        let np = self.np.np_right(start, before, start)?;
        (np.kind != MentionKind::Relative && np.end < before).then_some(np)
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
                let who = match np.kind {
                    MentionKind::Name | MentionKind::Org | MentionKind::Pronoun => true,
                    MentionKind::Description => self.toks[np.head].has(
                        flags::TITLE | flags::PERSON_NOUN | flags::OUTLET_NOUN | flags::ORG_HEAD,
                    ),
                    _ => false,
                };
                if who {
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
            // ", as cited by TASS", ", according to TASS": a relay after
            // a comma still belongs to the tag
            if self.toks[k].is_punct(',') && self.relay_at(k + 1).is_some() {
                k += 1;
            }
            // the outlet ("according to" names one only when none is yet)
            let relay = self
                .relay_at(k)
                .filter(|_| source.is_none() || !self.is(k, "according"));
            if let Some(np) = relay.and_then(|o| self.np.np_right(o, hi, sent_start)) {
                source = Some(np);
                k = np.end;
                continue;
            }
            let w = self.word(k);
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
            // "in a recent issue of Foreign Policy magazine"
            while self.is(k, "of") {
                match self
                    .np
                    .np_right(k + 1, hi, sent_start)
                    .or_else(|| self.bare_np(k + 1, hi))
                {
                    Some(n2) => k = n2.end,
                    None => break,
                }
            }
            // "interview with X"
            if (self.is(np.head, "interview")
                || self.is(np.head, "interviews")
                || self.is(np.head, "conversation"))
                && (self.is(k, "with") || self.is(k, "to"))
                && k + 1 < hi
            {
                if let Some(who) = self.np.np_right(k + 1, hi, sent_start) {
                    addressee = Some(who);
                    k = who.end;
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
        (k > start).then(|| Np::description(start, k, k - 1))
    }

    fn mark(&mut self, s: usize, e: usize) {
        for t in &mut self.taken[s..e] {
            *t = true;
        }
    }

    fn mark_span(&mut self, span: Span) {
        // tokens inside a byte span
        let r = self.bounds.covering(span);
        self.mark(r.start, r.end);
    }

    fn is_taken_span(&self, span: Span) -> bool {
        self.bounds.covering(span).any(|i| self.taken[i])
    }

    fn commit(&mut self, d: Draft, out: &mut Vec<Draft>) {
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

    // ------------------------------------------------------------------
    // pass 1: direct quotations

    fn direct(&mut self, out: &mut Vec<Draft>) {
        for qi in self.qwin.clone() {
            let q = self.quotes[qi];
            if self.taken[q.open] {
                continue;
            }
            if let Some(mut d) = self.quote_then_attribution(&q) {
                // "“A,” she said, “B.”": the quote right after the tag
                let tag_end = [
                    Some(d.cue.1),
                    d.speaker.map(|n| n.end),
                    d.addressee.map(|n| n.end),
                    d.source.map(|n| n.end),
                ]
                .into_iter()
                .flatten()
                .max()
                .unwrap_or(d.cue.1);
                if tag_end + 1 < self.toks.len()
                    && matches!(self.toks[tag_end].kind, TokKind::Punct(',' | ':'))
                {
                    if let Some(next) = self.quote_opened_at(tag_end + 1) {
                        if self.tok_sent[next.open] == self.tok_sent[tag_end]
                            || self.sent_of(next.open).para == self.sent_of(tag_end).para
                        {
                            d.content.push(next.span);
                            d.rule = "direct.split";
                        }
                    }
                }
                self.commit(d, out);
            } else if let Some(d) = self.attribution_then_quote(&q) {
                self.commit(d, out);
            }
        }
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
        // a quotation that ends its sentence ("…missing.” Trump said.") can
        // still be tagged, by a short sentence of speaker and cue alone
        let open = self.quote_ends_open(q);
        if c + 1 >= self.toks.len() || self.toks[c + 1].kind == TokKind::Newline {
            return None;
        }
        let s_idx = self.tok_sent[c + 1] as usize;
        let s = &self.sents[s_idx];
        let hi = s.tokens.end;
        let tag_end = self.content_end(s);
        // a quotation inside a phrase ("on the “privatization” of …") is
        // only the content when the tag ends the sentence; then the content
        // runs from the clause start ("They ''actually had chemistry,''
        // said …")
        let qs = &self.sents[self.tok_sent[q.open] as usize];
        let embedded = q.open > qs.tokens.start && {
            let p = &self.toks[q.open - 1];
            (p.is_word() || p.kind == TokKind::Number)
                && p.verb.is_none()
                && !self.is(q.open - 1, "that")
        };
        let content_span = if embedded {
            let cs = self.clause_start_before(q.open, qs.tokens.start);
            if (cs..q.open).any(|j| self.toks[j].has(flags::PREP | flags::DET) && j + 1 == q.open) {
                return None;
            }
            Span::new(self.toks[cs].span.start, q.span.end)
        } else {
            q.span
        };
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
                        let (k, addr, src) = self.after_cue(np.end, hi, ao, sent_start);
                        if (!open || embedded) && k < tag_end {
                            return None;
                        }
                        return Some(Draft {
                            speaker: Some(np),
                            cue: (a2, ce),
                            cue_word: cw,
                            content: vec![content_span],
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
        // "Harry M. Reid (D-Nev.) said"
        if v < hi && self.toks[v].is_punct('(') {
            if let Some(c) = (v + 1..(v + 10).min(hi)).find(|&x| self.toks[x].is_punct(')')) {
                v = c + 1;
            }
        }
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
        let (k, addr, src) = self.after_cue(ce, hi, ao, sent_start);
        if (!open || embedded) && k < tag_end {
            return None;
        }
        Some(Draft {
            speaker: Some(np),
            cue: (v, ce),
            cue_word: cw,
            content: vec![content_span],
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
                // "Berg: “…”", "… - Mark Blumenthal: “…”", "More from
                // Jones: “…”"
                let led = np.start == lo
                    || matches!(
                        self.toks[np.start - 1].kind,
                        TokKind::Punct('-' | '—' | '–')
                    )
                    || self.word(np.start - 1).eq_ignore_ascii_case("from");
                if led
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
                || self.toks[k].has(flags::MULTI_FIRST)
            {
                if let Some((ce, cw @ CueWord::Verb(_))) = self.cue_at(k) {
                    let (class, _, ao, _) = self.verb_info(cw);
                    let (mut next, addr, src) = self.after_cue(ce, b, ao, lo);
                    // "told a crowd of supporters, “…”", "added a caveat:
                    // “…”": a short verbless phrase between a speech cue
                    // and a quotation it introduces with a comma or colon
                    if next < b
                        && b < q.open
                        && class == CueClass::Speech
                        && !self.is(next, "that")
                        && (next..b).all(|j| {
                            let t = &self.toks[j];
                            let verb_like = t.has(flags::AUX)
                                || t.verb.is_some()
                                || (t.is_word() && self.word(j).ends_with("ed"));
                            !t.is_quote() && !verb_like
                        })
                    {
                        next = b;
                    }
                    if next != b && !(next < b && self.is(next, "that")) {
                        continue;
                    }
                    let (speaker, extras, _) = self.speaker_for_cue(k, lo, s_idx, &[])?;
                    if speaker.is_none() && !self.passive_it(k, lo) {
                        return None;
                    }
                    // "said that he hopes “…”": the clause with the
                    // quotation is the content of the outer cue
                    if let Some(sp) = speaker.filter(|_| !self.word(k).ends_with("ing")) {
                        if sp.start > lo + 1 && {
                            let p = sp.start - 1;
                            self.is(p, "that")
                                || (self.toks[p].verb.is_some()
                                    && self.toks[p].has(flags::CUE_VERB)
                                    && self
                                        .verb_info(CueWord::Verb(
                                            self.toks[p].verb.unwrap_or_default(),
                                        ))
                                        .0
                                        == CueClass::Speech)
                        } {
                            continue;
                        }
                    }
                    let mut d = Draft {
                        speaker,
                        cue: (k, ce),
                        cue_word: cw,
                        content: vec![{
                            // "said that … “quoted words” …", "said it “gets me
                            // mad” every time …": a quotation inside a longer
                            // clause takes the clause, to its end
                            let hi = self.content_end(self.sent_of(q.open));
                            let continues = q.close.is_some_and(|c| {
                                c + 1 < hi
                                    && self.toks[c + 1].is_word()
                                    && !self.toks[c + 1].cap
                                    && self.toks[c + 1].verb.is_none()
                                    && !self.toks[c + 1].has(flags::CONJ)
                            });
                            if next < b || continues {
                                let end = if q.end < hi {
                                    self.content_tail(q.end, hi).unwrap_or(hi)
                                } else {
                                    q.end.min(self.toks.len())
                                };
                                let from = if next < b { next } else { q.open };
                                self.span_of(from, end)?.cover(q.span)
                            } else {
                                q.span
                            }
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
            if (self.is(k, "interview") || self.is(k, "conversation"))
                && (self.is(k + 1, "with") || self.is(k + 1, "to"))
                && d.addressee.is_none()
            {
                d.addressee = self.np.np_right(k + 2, d.cue.0, lo);
            }
            if (self.is(k, "cited") || self.is(k, "quoted") || self.is(k, "reported"))
                && self.is(k + 1, "by")
                && d.source.is_none()
            {
                d.source = self.np.np_right(k + 2, d.cue.0, lo);
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

    fn continuations(&mut self, out: &mut [Draft]) {
        // drafts in order of their first content fragment (as the direct
        // pass makes them): the search for the one before a quote can
        // start at the quote instead of at the end of the document
        let first = |d: &Draft| d.content.first().map_or(0, |c| c.start);
        // only the direct pass's drafts: in the window being worked
        // through, the later passes have not run yet, and in earlier
        // windows their drafts must not hide the attribution
        let ordered = self.direct_sorted;
        for qi in self.qwin.clone() {
            let q = self.quotes[qi];
            if self.taken[q.open] || q.words == 0 {
                continue;
            }
            // the nearest attribution before the quote (a draft starting
            // at or after the quote cannot end before it)
            let at = self.toks[q.open].span.start;
            let direct = &self.direct_drafts;
            let upto = if ordered {
                direct.partition_point(|&j| first(&out[j as usize]) < at)
            } else {
                direct.len()
            };
            let Some(prev) = direct[..upto]
                .iter()
                .rposition(|&j| out[j as usize].content.last().is_some_and(|c| c.end <= at))
                .map(|k| direct[k] as usize)
            else {
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
            // "“A,” she said, “B.”": the quote right after the tag's comma
            let tag_end = [
                Some(pd.cue.1),
                pd.speaker.map(|n| n.end),
                pd.addressee.map(|n| n.end),
                pd.source.map(|n| n.end),
            ]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(pd.cue.1);
            let after_tag = same_para
                && q.open == tag_end + 1
                && matches!(self.toks[tag_end].kind, TokKind::Punct(',' | ':'));
            if !(starts_sentence || after_tag) || !(same_para || next_para) {
                continue;
            }
            // nothing attributed between them
            let last_end = pd
                .content
                .last()
                .expect("content")
                .end
                .max(self.toks[pd.cue.1 - 1].span.end);
            let gap_lo = self.bounds.ending_by(last_end);
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
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut i = lo;
            while let Some(t) = self.next_trigger(&mut at, i, hi) {
                i = t;
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
        // "…, Lavrov was cited as saying / was quoted": a passive verb of
        // citing stands without its complement
        let passive = (self.skip_verb_group_left(i, lo)..i).any(|j| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "been" | "be"
            )
        }) && self.word(i).ends_with("ed");
        if !matches!(cw, CueWord::Verb(_))
            || class == CueClass::Intention
            || (needs && class == CueClass::Speech && !passive)
        {
            return None;
        }
        let w = self.word(i);
        if w.ends_with("ing") {
            return None;
        }
        // form A: "…, Lavrov said …"  form B: "…, said Lavrov …"
        let mut quote_end = None;
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
            // "This is a “raw time,” said Axelrod": the comma inside a
            // closing quotation mark
            if c > lo + 1 && self.toks[c - 1].is_quote() && self.toks[c - 2].is_punct(',') {
                quote_end = Some(c);
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
        // "Christie said that A — no different, he said, from B": the
        // earlier cue with its own subject is the outer attribution
        let earlier_cue = (lo..comma).any(|j| {
            !self.in_quote(j)
                && !self.taken[j]
                && self.toks[j].has(flags::CUE_VERB)
                && self.toks[j]
                    .verb
                    .is_some_and(|v| self.lex.verb(v).class == CueClass::Speech)
                && (self.is(j + 1, "that")
                    || self.toks.get(j + 1).is_some_and(|t| t.pronoun.is_some()))
                && self.subject(j, lo).is_some()
        });
        if earlier_cue {
            return None;
        }
        let after_from = if rule == "indirect.inverted" {
            ce
        } else {
            speaker.end
        };
        let (mut k, addr, src) = self.after_cue(after_from, hi, ao, lo);
        if rule == "indirect.inverted-cue-speaker" && k < hi {
            // "…, said David Axelrod, a longtime ally.", "…, said a handful
            // of Democrats who point to …": the speaker's apposition or
            // relative clause ends the sentence
            let relative = matches!(
                self.word(k).to_lowercase().as_str(),
                "who" | "whose" | "whom" | "of" | "from" | "at"
            );
            let apposition = self.toks[k].is_punct(',')
                && self.np.np_right(k + 1, hi, lo).is_some_and(|a| {
                    a.end >= hi || self.toks[a.end].is_punct(',') && self.is(a.end + 1, "who")
                });
            if relative || apposition {
                k = hi;
            }
        }
        let mut content = vec![self.span_of(lo, quote_end.unwrap_or(comma))?];
        let mut rule = rule;
        if k < hi {
            // parenthetical: "A, X said, B."
            if matches!(
                self.toks[k].kind,
                TokKind::Punct('—' | '–' | '-' | '(' | ';')
            ) || (self.toks[k].is_punct(',') && (self.is(k + 1, "and") || self.is(k + 1, "but")))
            {
                // "…, the office reported on Tuesday -- a development that…"
            } else if self.toks[k].is_punct(',')
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
        let pp_led = self.toks[lo].has(flags::PREP) && !self.toks[lo].has(flags::CONJ);
        if (words < 3 || (pp_led && words < 8)) && content.len() == 1 {
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
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut i = lo;
            while let Some(t) = self.next_trigger(&mut at, i, hi) {
                i = t;
                if self.taken[i] || self.in_quote(i) {
                    i += 1;
                    continue;
                }
                let Some((ce, cw @ CueWord::According(_))) = self.cue_at(i) else {
                    i += 1;
                    continue;
                };
                // the object runs to the next comma or the sentence end:
                // "according to a count by The Associated Press"
                let stop = (ce..hi)
                    .find(|&k| {
                        self.toks[k].is_punct(',')
                            || self.toks[k].is_punct('—')
                            || self.toks[k].is_quote()
                    })
                    .unwrap_or(hi);
                if stop == ce || stop - ce > 20 {
                    i = ce;
                    continue;
                }
                let mut np =
                    self.np
                        .np_right(ce, stop, ce)
                        .unwrap_or(Np::description(ce, stop, stop - 1));
                np.end = np.end.max(stop);
                let end = stop;
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
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut i = lo;
            while let Some(t) = self.next_trigger(&mut at, i, hi) {
                i = t;
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
        // "TASS cited Lavrov as saying …": the attribution belongs to
        // "saying", with TASS as the source
        if matches!(self.lemma(cw), "cite" | "quote") {
            let k = self.np.np_right(ce, hi, lo).map_or(ce, |n| n.end);
            if self.is(k, "as")
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.verb.is_some() && self.word(k + 1).ends_with("ing"))
            {
                return None;
            }
        }
        let (speaker, extras, rule_hint) = self.speaker_for_cue(i, lo, si, out)?;
        if speaker.is_none()
            || speaker.is_some_and(|sp| {
                sp.kind == MentionKind::Pronoun && self.is(sp.start, "it") && self.passive_it(i, lo)
            })
        {
            // "It is said that…": an empty subject is no speaker
            if self.passive_it(i, lo) {
                return self.forward_content(
                    i, ce, cw, None, lo, hi, si, class, ao, needs, &extras, rule_hint,
                );
            }
        }
        // "The snow is expected to ease", "Trump is said to favor …": a
        // raised passive names no speaker; its subject belongs to the
        // content, split around the verb
        let raised = speaker.filter(|sp| {
            sp.kind != MentionKind::Relative
                && self.is(ce, "to")
                && self.word(i).ends_with("ed")
                && RAISING.contains(&self.lemma(cw))
                && (self.skip_verb_group_left(i, lo)..i).any(|j| {
                    matches!(
                        self.word(j).to_lowercase().as_str(),
                        "is" | "was" | "are" | "were" | "be" | "been" | "'s" | "’s"
                    )
                })
        });
        if let Some(sp) = raised {
            let mut d = self.forward_content(
                i, ce, cw, None, lo, hi, si, class, ao, needs, &extras, rule_hint,
            )?;
            d.content.insert(0, sp.span(self.toks));
            d.rule = "indirect.raised";
            return Some(d);
        }
        self.forward_content(
            i, ce, cw, speaker, lo, hi, si, class, ao, needs, &extras, rule_hint,
        )
    }

    /// The speaker of a verb cue at `i`: its subject; for a participle
    /// (", saying …") or a second coordinated verb ("… and said …") the
    /// sentence's speaker; for "It is said" none. Returns the speaker,
    /// phrases found between subject and verb, and a rule id override.
    #[allow(clippy::type_complexity)]
    fn speaker_for_cue(
        &self,
        i: usize,
        lo: usize,
        si: usize,
        out: &[Draft],
    ) -> Option<(Option<Np>, Vec<Np>, Option<&'static str>)> {
        let w = self.word(i);
        // "saying" after "is"/"was"/"been" is a progressive verb, not a
        // participle
        let g = self.skip_verb_group_left(i, lo);
        let progressive = (g..i).any(|j| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "is" | "was" | "are" | "were" | "been" | "be" | "am" | "'s" | "’s" | "'re" | "’re"
            )
        });
        let gerund = w.ends_with("ing") && !progressive;
        // "X was cited (by TASS) as saying", "TASS quoted X as saying"
        if gerund && i > lo + 1 && self.is(i - 1, "as") {
            let mut v = i - 1;
            // passive with an optional by-phrase
            if let Some(by) = (v.saturating_sub(10).max(lo)..v)
                .rev()
                .find(|&j| self.is(j, "by"))
            {
                if by > lo && (self.is(by - 1, "cited") || self.is(by - 1, "quoted")) {
                    v = by;
                }
            }
            if v > lo && (self.is(v - 1, "cited") || self.is(v - 1, "quoted")) {
                let a = self.skip_verb_group_left(v - 1, lo);
                if a < v - 1 {
                    if let Some((np, ex)) = self.subject(v - 1, lo) {
                        return Some((Some(np), ex, None));
                    }
                }
            }
            // active: the phrase between cited/quoted and "as"
            if let Some(np) = self.np.np_left(i - 1, lo, lo) {
                if np.start > lo
                    && (self.is(np.start - 1, "cited") || self.is(np.start - 1, "quoted"))
                {
                    return Some((Some(np), Vec::new(), None));
                }
            }
        }
        if let Some((np, ex)) = self.subject(i, lo) {
            // a participle's subject only after cited/quoted: "Lavrov
            // telling Carlson"
            let p = np.start;
            let cited = p > lo
                && (self.is(p - 1, "cited")
                    || self.is(p - 1, "quoted")
                    || (self.is(p - 1, "as") && p > lo + 1));
            if !gerund || cited {
                return Some((Some(np), ex, None));
            }
        }
        // "with 30 percent of voters saying …", "left supporters telling
        // …": a participle right after a noun phrase for people reports
        // what they say
        if gerund && g > lo && self.toks[g - 1].is_word() {
            if let Some(np) = self.np.np_left(g, lo, lo) {
                let people = match np.kind {
                    MentionKind::Name | MentionKind::Org => true,
                    MentionKind::Description => {
                        self.toks[np.head].has(
                            flags::TITLE
                                | flags::PERSON_NOUN
                                | flags::ORG_HEAD
                                | flags::OUTLET_NOUN,
                        ) || self.np.quantity_left(np.end, np.start).is_some()
                    }
                    _ => false,
                };
                let after_verb_object = np.start > lo
                    && (self.toks[np.start - 1].verb.is_some()
                        || self.toks[np.start - 1].has(flags::AUX));
                if people && !after_verb_object {
                    return Some((Some(np), Vec::new(), Some("indirect.participle")));
                }
            }
        }
        let after_comma = g > lo
            && (self.toks[g - 1].is_punct(',')
                || self.toks[g - 1].is_punct('—')
                || self.toks[g - 1].is_punct('–'));
        let coordinated = g > lo && (self.is(g - 1, "and") || self.is(g - 1, "but"));
        if (gerund && after_comma) || coordinated {
            let prev = self
                .drafts_of(si, out)
                .find(|d| d.speaker.is_some() && d.cue.1 <= i)
                .and_then(|d| d.speaker)
                .or_else(|| self.sentence_subject(lo, i))?;
            let hint = if gerund {
                "indirect.participle"
            } else {
                "indirect.coordinated"
            };
            return Some((Some(prev), Vec::new(), Some(hint)));
        }
        if self.passive_it(i, lo) {
            return Some((None, Vec::new(), None));
        }
        if !gerund {
            if let Some(np) = self.fallback_subject(i, lo) {
                return Some((Some(np), Vec::new(), None));
            }
        }
        None
    }

    /// When the subject parser gives up on a long subject ("Marlon
    /// Marshall, Clinton's director of state campaigns and political
    /// engagement, said", "Even the organizer of a rally said"): the first
    /// noun phrase of the clause, if what lies between it and the verb
    /// group is only post-modifiers, appositions and relative clauses.
    fn fallback_subject(&self, i: usize, lo: usize) -> Option<Np> {
        let g = self.skip_verb_group_left(i, lo);
        if g <= lo || g - lo > 45 {
            return None;
        }
        let mut cs = lo;
        // "But", "And even", "Still"
        while cs < g
            && self.toks[cs].is_word()
            && self.toks[cs].has(flags::CONJ | flags::ADV)
            && self.toks[cs].pronoun.is_none()
            && !self.toks[cs].has(flags::DET)
        {
            cs += 1;
        }
        // an introductory phrase: "In a statement Tuesday, X said"
        if cs < g
            && (self.toks[cs].has(flags::PREP)
                || (self.word(cs).ends_with("ing") && !self.toks[cs].cap))
        {
            let comma = (cs..g).find(|&k| self.toks[k].is_punct(','))?;
            cs = comma + 1;
        }
        let np = self.np.np_right(cs, g, lo)?;
        if matches!(np.kind, MentionKind::Relative) || np.end >= g {
            return None;
        }
        let mut in_segment = false;
        let mut relative = false;
        let mut paren = false;
        for j in np.end..g {
            let t = &self.toks[j];
            // "(D-R.I.)": anything goes inside parentheses
            if t.is_punct('(') || t.is_punct(')') {
                paren = t.is_punct('(');
                continue;
            }
            if paren {
                continue;
            }
            if t.is_quote()
                || t.is_punct(';')
                || t.is_punct(':')
                || t.is_final() && !t.is_punct('.')
            {
                return None;
            }
            if t.is_punct(',') {
                in_segment = !in_segment;
                relative = in_segment
                    && j + 1 < g
                    && matches!(
                        self.word(j + 1).to_lowercase().as_str(),
                        "who" | "whose" | "whom" | "which" | "where"
                    );
                continue;
            }
            let w = self.word(j);
            if relative || !t.is_word() || matches!(w, "'s" | "’s") {
                continue;
            }
            if matches!(w, "who" | "which") {
                // "the people who voted for him said"
                relative = true;
                continue;
            }
            if self.is(j, "that") && !in_segment {
                return None;
            }
            // a past form is a verb unless a determiner or preposition
            // makes it a noun; base and -s forms here are nouns ("a
            // pro-Trump rally", "state campaigns")
            let verbish = t.has(flags::AUX)
                || (t.verb.is_some()
                    && !t.cap
                    && w.ends_with("ed")
                    && !(j > lo && self.toks[j - 1].has(flags::PREP | flags::DET)));
            let subject_pronoun = t
                .pronoun
                .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                && !w.eq_ignore_ascii_case("it");
            if verbish || subject_pronoun {
                return None;
            }
        }
        Some(np)
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
            rule = "indirect.object";
        } else if t.is_punct(':') || t.is_punct(',') {
            // "said: the plan…" / "said, the plan…"
            if k + 1 >= hi || class != CueClass::Speech || t.is_punct(',') {
                return None;
            }
            start = k + 1;
            rule = "indirect.clause";
        } else if self.is(k, "to")
            && self
                .toks
                .get(k + 1)
                .is_some_and(|u| (u.is_word() && !u.cap) || u.is_quote())
        {
            let takes_inf = match cw {
                CueWord::Verb(v) => self.lex.verb(v).infinitive || ao,
                _ => false,
            };
            if !matches!(class, CueClass::Intention | CueClass::Belief) && !takes_inf {
                return None;
            }
            rule = "indirect.infinitive";
            // "urged her peers to act", "called on Muslims to stand up":
            // the one urged belongs to the content
            if let Some(a) = addr {
                if a.end == k {
                    start = a.start;
                }
            }
        } else if WH.contains(&w.to_lowercase().as_str()) && class != CueClass::Intention {
            rule = "indirect.clause";
        } else if self.is(k, "about")
            && class == CueClass::Speech
            && k + 1 < hi
            && self.object_start(k + 1, hi)
        {
            // "warned us about those rapists", "joked about the economy":
            // annotators mostly leave the "about" out of the content
            start = k + 1;
            rule = "indirect.object";
        } else if !(class == CueClass::Intention
            || needs
            || matches!(cw, CueWord::Verb(v) if self.lex.verb(v).no_bare_clause))
            && (self.clause_start(k, hi)
                || (class == CueClass::Speech && self.loose_clause_start(k, hi)))
        {
            rule = "indirect.clause";
        } else if self.is_object_verb(cw)
            && self.object_start(k, hi)
            && !(matches!(
                self.word(k),
                "himself" | "herself" | "themselves" | "itself"
            ) && matches!(self.lemma(cw), "find" | "show"))
        {
            // "endorsed Sanders in the primary", "called the plan a mistake":
            // the object, to the end of its clause
            rule = "indirect.object";
        } else if self.is(k, "as") && k + 1 < hi {
            // "the candidate, whom he described as “volatile,”": the
            // relative pronoun stands for what is described
            let sp = speaker?;
            if sp.start <= lo
                || !matches!(
                    self.word(sp.start - 1).to_lowercase().as_str(),
                    "whom" | "which" | "what" | "who" | "that"
                )
            {
                return None;
            }
            let rel = self.toks[sp.start - 1].span;
            let end = (k + 1..hi)
                .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
                .unwrap_or(hi);
            let mut d = Draft {
                speaker,
                cue: (i, ce),
                cue_word: cw,
                content: vec![rel, self.span_of(k, end)?],
                source: src,
                addressee: addr,
                rule: "indirect.relative",
                sent: si,
            };
            if d.content.iter().any(|c| self.is_taken_span(*c)) {
                return None;
            }
            self.relay_and_partner(&mut d, extras, lo);
            return Some(d);
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
        // of a quotation that it opens; a relative clause (", who said …,")
        // ends at its closing comma
        let mut end_tok = hi;
        if speaker.is_some_and(|sp| sp.kind == MentionKind::Relative) {
            if let Some(c) = (start..hi).find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
            {
                end_tok = c;
            }
        }
        let qi = if self.toks[start].is_quote() {
            Some(self.quote_open[start])
                .filter(|&q| q != NONE)
                .map(|q| q as usize)
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
        // end the content before what the author adds: ", which …",
        // ", while …", a dash clause, a semicolon, ", and they …"
        if qi.is_none() {
            let tail = self.content_tail(start, end_tok);
            let tight = if matches!(rule, "indirect.object" | "indirect.infinitive") {
                self.object_tail(start, end_tok)
            } else {
                None
            };
            if let Some(c) = [tail, tight].into_iter().flatten().min() {
                end_tok = c;
                span = self.span_of(start, c)?;
            }
        }
        // "…, as cited by TASS": the outlet that relayed the report
        let mut src = src;
        if src.is_none() && end_tok < hi && self.toks[end_tok].is_punct(',') {
            if let Some(o) = self.relay_at(end_tok + 1) {
                let stop = (o..hi)
                    .find(|&k| self.toks[k].is_punct(',') || self.toks[k].is_quote())
                    .unwrap_or(hi);
                if let Some(np) = self.np.np_right(o, stop, o) {
                    if np.end == stop && !(o..stop).any(|k| self.taken[k]) {
                        src = Some(np);
                    }
                }
            }
        }
        if rule == "indirect.object" {
            if let Some(c) = (start + 1..end_tok).find(|&j| {
                !self.in_quote(j)
                    && (matches!(
                        self.toks[j].kind,
                        TokKind::Punct(';' | '—' | '–' | '(' | ':')
                    ) || self.toks[j].is_punct(',')
                        || self.toks[j].is_punct('-') && self.toks[j].space_before)
            }) {
                end_tok = c;
                span = self.span_of(start, c)?;
            }
        }
        // "While Ramos said that A, he appears …": a report inside a
        // fronted subordinate clause ends where the clause does
        if qi.is_none() {
            let subordinate = speaker.is_some_and(|sp| {
                sp.start > lo
                    && matches!(
                        self.word(sp.start - 1).to_lowercase().as_str(),
                        "while"
                            | "although"
                            | "though"
                            | "whereas"
                            | "if"
                            | "when"
                            | "because"
                            | "since"
                            | "after"
                            | "before"
                            | "once"
                            | "unless"
                            | "as"
                    )
                    && (sp.start - 1 == lo
                        || matches!(
                            self.word(lo).to_lowercase().as_str(),
                            "but" | "and" | "even"
                        ))
            });
            if subordinate {
                if let Some(c) =
                    (start + 1..end_tok).find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
                {
                    end_tok = c;
                    span = self.span_of(start, c)?;
                }
            }
        }
        // "… tweeted a photo and said she had been hurt": a second cue
        // verb coordinated with this one starts its own attribution
        if qi.is_none() {
            let cut = (start + 1..end_tok).find(|&j| {
                (self.is(j, "and") || self.is(j, "but")) && !self.in_quote(j) && {
                    let v = self.skip_adverbs_right(j + 1, end_tok);
                    v < end_tok
                        && self.toks[v]
                            .verb
                            .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
                        && !self.word(v).ends_with("ing")
                }
            });
            if let Some(c) = cut {
                let mut e = c;
                while e > start && matches!(self.toks[e - 1].kind, TokKind::Punct(',' | ';')) {
                    e -= 1;
                }
                span = self.span_of(start, e)?;
            }
        }
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

    /// Where reported content gives way to the author's own words: the
    /// first `, which/who/while/though/despite…`, dash, semicolon, or
    /// `, and/but` + a new subject, outside quotations.
    fn content_tail(&self, start: usize, end: usize) -> Option<usize> {
        let mut j = start + 1;
        while j < end {
            if self.in_quote(j) || self.toks[j].is_quote() {
                j += 1;
                continue;
            }
            let t = &self.toks[j];
            // "…,” and said that …": a second report by the same speaker
            if t.is_word() && matches!(self.word(j), "and" | "but") {
                let v = self.skip_adverbs_right(j + 1, end);
                if v < end
                    && !self.word(v).ends_with("ing")
                    && self.toks[v].has(flags::CUE_VERB)
                    && self.toks[v]
                        .verb
                        .is_some_and(|x| self.lex.verb(x).class == CueClass::Speech)
                {
                    let mut e = j;
                    while e > start + 1 && self.toks[e - 1].is_punct(',') {
                        e -= 1;
                    }
                    return Some(e);
                }
            }
            match t.kind {
                TokKind::Punct(';') => return Some(j),
                TokKind::Punct('—' | '–' | '-') if t.space_before || !t.is_punct('-') => {
                    // "— Iowa's biggest media market —": a pair of dashes
                    // sets off an aside inside the content; a single dash
                    // starts the author's addition
                    let is_dash = |u: &Token| {
                        matches!(u.kind, TokKind::Punct('—' | '–'))
                            || (u.is_punct('-') && u.space_before)
                    };
                    match (j + 1..end).find(|&m| is_dash(&self.toks[m]) && !self.in_quote(m)) {
                        Some(m) => {
                            j = m + 1;
                            continue;
                        }
                        None => return Some(j),
                    }
                }
                TokKind::Punct(',') if j + 1 < end => {
                    let n = self.word(j + 1).to_lowercase();
                    if matches!(
                        n.as_str(),
                        "while" | "whereas" | "though" | "although" | "despite" | "according"
                    ) || self.relay_at(j + 1).is_some()
                    {
                        return Some(j);
                    }
                    // ", adding that …", ", insisting …": a participle cue
                    // reports a second claim of its own
                    let p = self.skip_adverbs_right(j + 1, end);
                    if p < end
                        && self.toks[p].verb.is_some()
                        && self.word(p).ends_with("ing")
                        && self.toks[p].has(flags::CUE_VERB)
                    {
                        return Some(j);
                    }
                    // ", one of the prosecutors said …", ", and most said …":
                    // another speaker's report begins
                    let k = if matches!(n.as_str(), "and" | "but") {
                        j + 2
                    } else {
                        j + 1
                    };
                    if self.reported_clause_at(k, end) {
                        return Some(j);
                    }
                    if matches!(n.as_str(), "and" | "but" | "so" | "yet") && j + 2 < end {
                        let s2 = &self.toks[j + 2];
                        let new_subject = s2
                            .pronoun
                            .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
                            || (s2.has(flags::DET) && !s2.has(flags::PRONOUN))
                            || (s2.cap && s2.is_word());
                        if new_subject {
                            return Some(j);
                        }
                    }
                }
                _ => {}
            }
            j += 1;
        }
        None
    }

    /// Does a short subject followed by a finite reporting verb start at
    /// `k` ("one of the former prosecutors said", "three-quarters say")?
    fn reported_clause_at(&self, k: usize, end: usize) -> bool {
        if k >= end || !matches!(self.toks[k].kind, TokKind::Word | TokKind::Number) {
            return false;
        }
        let first = &self.toks[k];
        let subject_like = first
            .pronoun
            .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].subject)
            || first.has(flags::DET)
            || first.cap
            || first.kind == TokKind::Number
            || self.np.quantity_left(k + 1, k).is_some();
        if !subject_like {
            return false;
        }
        for m in k + 1..end.min(k + 9) {
            let t = &self.toks[m];
            if !(t.is_word() || t.kind == TokKind::Number || t.is_punct('-') || t.is_punct('.'))
                || self.in_quote(m)
            {
                return false;
            }
            if let Some(v) = t.verb {
                if t.has(flags::CUE_VERB)
                    && !t.cap
                    && !self.word(m).ends_with("ing")
                    && !self.toks[m - 1].has(flags::DET | flags::PREP)
                {
                    return self.lex.verb(v).class == CueClass::Speech;
                }
            }
        }
        false
    }

    /// For object and infinitive content, also stop at a second verb
    /// phrase ("to vote in May but is undecided", "Clinton and attacked
    /// Sanders") and at a dated adjunct ("in October"). Clauses with
    /// "during", "after", "when" and bare time words stay in: annotators
    /// mostly keep them.
    fn object_tail(&self, start: usize, end: usize) -> Option<usize> {
        let mut j = start + 1;
        while j < end {
            if self.in_quote(j) || self.toks[j].is_quote() {
                j += 1;
                continue;
            }
            let w = self.word(j);
            if matches!(w, "and" | "but") && j + 1 < end {
                let n = &self.toks[j + 1];
                let nw = self.word(j + 1);
                if n.is_word()
                    && !n.cap
                    && (n.has(flags::AUX) || n.verb.is_some() || nw.ends_with("ed"))
                {
                    return Some(j);
                }
            }
            if matches!(w, "in" | "on" | "at")
                && j + 1 < end
                && (self.toks[j + 1].has(flags::TIME | flags::MONTH) && self.toks[j + 1].cap)
            {
                return Some(j);
            }
            j += 1;
        }
        None
    }

    fn lemma(&self, cw: CueWord) -> &str {
        match cw {
            CueWord::Verb(v) => &self.lex.verb(v).lemma,
            _ => "",
        }
    }

    fn is_object_verb(&self, cw: CueWord) -> bool {
        matches!(cw, CueWord::Verb(v) if self.lex.verb(v).object)
    }

    /// Can an object phrase start at `k`?
    fn object_start(&self, k: usize, hi: usize) -> bool {
        let t = &self.toks[k];
        k < hi
            && (t.is_word() || t.kind == TokKind::Number || t.is_quote())
            && !t.has(flags::PREP | flags::CONJ | flags::AUX)
            && !matches!(
                self.word(k),
                "to" | "away" | "off" | "up" | "down" | "out" | "back" | "over"
            )
    }

    /// After a verb of saying almost anything is content ("says going
    /// through it helped", "said yes"), but not a preposition, a
    /// conjunction or the end.
    fn loose_clause_start(&self, k: usize, hi: usize) -> bool {
        let t = &self.toks[k];
        // not inside a phrase the cue's prepositional phrase has begun
        // ("respond to the | request")
        let mid_phrase = k > 0
            && (self.toks[k - 1].has(flags::DET)
                || self.toks[k - 1]
                    .pronoun
                    .is_some_and(|p| self.lex.pronouns.pronouns[p as usize].possessive));
        k < hi
            && !mid_phrase
            && (t.is_word() || t.kind == TokKind::Number)
            && !t.has(flags::PREP | flags::CONJ | flags::RELATIVE | flags::TIME)
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

    // ------------------------------------------------------------------
    // pass 4a: communication nouns with a that-clause

    /// "his claim that …", "Trump's argument that …", "concerns that …":
    /// the noun is the cue, the possessor the speaker (none when absent).
    fn nominal(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut next = lo;
            while let Some(i) = self.next_trigger(&mut at, next, hi.saturating_sub(2)) {
                next = i + 1;
                let t = &self.toks[i];
                if !t.has(flags::CUE_NOUN)
                    || t.cap
                    || self.taken[i]
                    || self.in_quote(i)
                    || !self.is(i + 1, "that")
                {
                    continue;
                }
                // "the report that was released" is a relative clause: the
                // word after "that" must open a clause
                if !self.clause_start(i + 2, hi) {
                    continue;
                }
                // the possessor: "his", "Trump's", "the senator's"
                let mut j = i;
                while j > lo
                    && self.toks[j - 1].is_word()
                    && !self.toks[j - 1].cap
                    && self.toks[j - 1].pronoun.is_none()
                    && !self.toks[j - 1]
                        .has(flags::DET | flags::PREP | flags::CONJ | flags::AUX | flags::CUE_VERB)
                    && i - j < 3
                {
                    j -= 1;
                }
                let speaker = if j > lo {
                    let p = &self.toks[j - 1];
                    if p.pronoun
                        .is_some_and(|x| self.lex.pronouns.pronouns[x as usize].possessive)
                    {
                        Some(Np {
                            start: j - 1,
                            end: j,
                            head: j - 1,
                            kind: MentionKind::Pronoun,
                            name: None,
                            known: None,
                        })
                    } else if matches!(self.word(j - 1), "'s" | "’s") {
                        self.np.np_left(j - 1, lo, lo)
                    } else {
                        None
                    }
                } else {
                    None
                };
                if speaker.is_none() {
                    continue; // without a possessor the noun is usually the author's
                }
                let start = i + 1;
                let end = self.content_tail(start, hi).unwrap_or(hi);
                let Some(span) = self.span_of(start, end) else {
                    continue;
                };
                if self.is_taken_span(span) {
                    continue;
                }
                let d = Draft {
                    speaker,
                    cue: (i, i + 1),
                    cue_word: CueWord::Noun,
                    content: vec![span],
                    source: None,
                    addressee: None,
                    rule: "nominal.that",
                    sent: si,
                };
                self.commit(d, out);
            }
        }
    }

    /// "The senator seemed to waver", "Both objections appear weak": an
    /// impression with no named source; the content is the subject and
    /// what it seems to be.
    fn seem(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            let mut next = lo + 1;
            while let Some(i) = self.next_trigger(&mut at, next, hi.saturating_sub(1)) {
                next = i + 1;
                let w = self.word(i);
                if self.taken[i]
                    || self.in_quote(i)
                    || !matches!(
                        w,
                        "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
                    )
                {
                    continue;
                }
                let Some((np, _)) = self.subject(i, lo) else {
                    continue;
                };
                if matches!(np.kind, MentionKind::Relative) {
                    continue;
                }
                let k = self.skip_adverbs_right(i + 1, hi);
                if k >= hi
                    || !(self.is(k, "to")
                        || self.is(k, "like")
                        || (self.toks[k].is_word()
                            && !self.toks[k].has(flags::PREP | flags::CONJ | flags::DET)))
                {
                    continue;
                }
                let end = self.content_tail(k, hi).unwrap_or(hi);
                let (Some(subj), Some(rest)) =
                    (self.span_of(np.start, np.end), self.span_of(k, end))
                else {
                    continue;
                };
                if self.is_taken_span(subj) || self.is_taken_span(rest) {
                    continue;
                }
                let cw = match self.toks[i].verb {
                    Some(v) => CueWord::Verb(v),
                    None => CueWord::Noun,
                };
                let d = Draft {
                    speaker: None,
                    cue: (i, i + 1),
                    cue_word: cw,
                    content: vec![subj, rest],
                    source: None,
                    addressee: None,
                    rule: "evidential.seem",
                    sent: si,
                };
                self.commit(d, out);
            }
        }
    }

    // ------------------------------------------------------------------
    // pass 4b: framing phrases at the sentence start

    /// "Berg: Talks Will Resume" (headline colon), "Asked whether …, X
    /// said" (the question, with no source), "In a new poll, 40 percent …"
    /// (a study or statement framing the sentence).
    fn framing(&mut self, out: &mut Vec<Draft>) {
        let mut at = self.first_trigger();
        for si in self.win.clone() {
            let s = &self.sents[si];
            let (lo, hi) = (s.tokens.start, self.content_ends[si] as usize);
            if hi <= lo + 2 {
                continue;
            }
            let free_start = !self.taken[lo] && !self.in_quote(lo);
            let framed = free_start.then(|| {
                self.headline_colon(lo, hi, si)
                    .or_else(|| self.headline_verb(lo, hi, si))
                    .or_else(|| self.framing_in(lo, hi, si))
            });
            if let Some(d) = framed.flatten() {
                if !d.content.iter().any(|c| self.is_taken_span(*c)) {
                    self.commit(d, out);
                }
            }
            // "Asked about X, she said …", "… he said when asked whether …"
            let mut next = lo;
            while let Some(a) = self.next_trigger(&mut at, next, hi) {
                next = a + 1;
                if self.taken[a] || self.in_quote(a) || !self.word(a).eq_ignore_ascii_case("asked")
                {
                    continue;
                }
                if let Some(d) = self.asked(a, lo, hi, si) {
                    if !d.content.iter().any(|c| self.is_taken_span(*c)) {
                        self.commit(d, out);
                    }
                }
            }
        }
    }

    fn headline_colon(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let colon = (lo + 1..(lo + 7).min(hi)).find(|&k| self.toks[k].is_punct(':'))?;
        if colon + 3 > hi || self.toks[colon + 1].is_quote() {
            return None;
        }
        let mut np = self.np.np_left(colon, lo, lo)?;
        if np.start != lo {
            // "Clinton to Planned Parenthood: …", "CNN President On Trump:
            // …": the speaker, then whom or what the headline is about
            let first = self.np.np_right(lo, colon, lo)?;
            if first.end >= colon
                || !matches!(
                    self.word(first.end).to_lowercase().as_str(),
                    "to" | "on" | "at" | "about" | "in" | "for"
                )
            {
                return None;
            }
            np = first;
        }
        if !matches!(
            np.kind,
            MentionKind::Name | MentionKind::Org | MentionKind::Description
        ) {
            return None;
        }
        if np.kind == MentionKind::Description
            && !self.toks[np.head]
                .has(flags::TITLE | flags::PERSON_NOUN | flags::ORG_HEAD | flags::OUTLET_NOUN)
        {
            return None;
        }
        let words = (colon + 1..hi).filter(|&k| self.toks[k].is_word()).count();
        if words < 3 {
            return None;
        }
        Some(Draft {
            speaker: Some(np),
            cue: (colon, colon + 1),
            cue_word: CueWord::Colon,
            content: vec![self.span_of(colon + 1, hi)?],
            source: None,
            addressee: None,
            rule: "headline.colon",
            sent: si,
        })
    }

    /// "Rubio Says Abandoning Reform Was a Sign of Leadership", "… Is Like
    /// a Lawyer's Client, Trevor Noah Says": in a title-case headline
    /// every word is capitalized, so the verb is found by its form.
    fn headline_verb(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let words: Vec<usize> = (lo..hi).filter(|&k| self.toks[k].is_word()).collect();
        let caps = words.iter().filter(|&&k| self.toks[k].cap).count();
        if words.len() < 4 || caps * 4 < words.len() * 3 || words.len() > 25 {
            return None;
        }
        let (i, v) = (lo + 1..hi).find_map(|k| {
            let t = &self.toks[k];
            let v = t.verb?;
            let e = self.lex.verb(v);
            // finite forms only: "Says", "Slams", "Endorses", "Tells"
            (t.cap
                && t.has(flags::CUE_VERB)
                && !matches!(e.class, CueClass::Intention)
                && self.word(k).ends_with('s')
                && self.word(k).to_lowercase() != e.lemma)
                .then_some((k, v))
        })?;
        let cw = CueWord::Verb(v);
        let speaker_at = |end: usize, start: usize| {
            self.np.np_left(end, start, start).filter(|np| {
                matches!(np.kind, MentionKind::Name | MentionKind::Org)
                    || (np.kind == MentionKind::Description
                        && self.toks[np.head].has(
                            flags::TITLE
                                | flags::PERSON_NOUN
                                | flags::ORG_HEAD
                                | flags::OUTLET_NOUN,
                        ))
            })
        };
        // "…, Trevor Noah Says."
        if i + 1 >= hi {
            let np = speaker_at(i, lo)?;
            if np.start <= lo + 1 || !self.toks[np.start - 1].is_punct(',') {
                return None;
            }
            return Some(Draft {
                speaker: Some(np),
                cue: (i, i + 1),
                cue_word: cw,
                content: vec![self.span_of(lo, np.start - 1)?],
                source: None,
                addressee: None,
                rule: "headline.verb",
                sent: si,
            });
        }
        let np = speaker_at(i, lo)?;
        if np.start != lo {
            return None;
        }
        let mut k = i + 1;
        if self.word(k).eq_ignore_ascii_case("that") {
            k += 1;
        }
        if (k..hi).filter(|&j| self.toks[j].is_word()).count() < 2 {
            return None;
        }
        Some(Draft {
            speaker: Some(np),
            cue: (i, i + 1),
            cue_word: cw,
            content: vec![self.span_of(k, hi)?],
            source: None,
            addressee: None,
            rule: "headline.verb",
            sent: si,
        })
    }

    /// "Asked about X, …", "When asked whether …, …", "… she said when
    /// asked by a reporter if …": the question is the content; the one who
    /// asked, when named with "by", the speaker.
    fn asked(&mut self, a: usize, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        let mut p = a;
        if p > lo && self.is(p - 1, "being") {
            p -= 1;
        }
        if p > lo
            && matches!(
                self.word(p - 1).to_lowercase().as_str(),
                "when" | "after" | "once"
            )
        {
            p -= 1;
        }
        // a participial frame at a clause start, not "she asked him …"
        let frame_start =
            p == lo || self.toks[p - 1].is_punct(',') || self.toks[p - 1].is_quote() || p < a;
        if !frame_start {
            return None;
        }
        let (ce, cw) = self
            .cue_at(a)
            .or_else(|| self.toks[a].verb.map(|v| (a + 1, CueWord::Verb(v))))?;
        let mut k = ce;
        let mut speaker = None;
        if self.is(k, "by") {
            let np = self.np.np_right(k + 1, hi, lo)?;
            speaker = Some(np);
            k = np.end;
        }
        k = self.skip_adverbs_right(k, hi);
        // "asked at a briefing Monday about …": an occasion first
        if k < hi && self.toks[k].has(flags::PREP) && !self.is(k, "about") {
            k = (k + 1..(k + 10).min(hi))
                .take_while(|&j| !self.toks[j].is_punct(',') && !self.toks[j].is_quote())
                .find(|&j| {
                    self.is(j, "about") || WH.contains(&self.word(j).to_lowercase().as_str())
                })?;
        }
        if self.is(k, "about") {
            k += 1;
        } else if !(WH.contains(&self.word(k).to_lowercase().as_str()) || self.is(k, "if")) {
            return None;
        }
        if k >= hi {
            return None;
        }
        let end = (k..hi)
            .find(|&j| self.toks[j].is_punct(',') && !self.in_quote(j))
            .unwrap_or(hi);
        if end <= k {
            return None;
        }
        Some(Draft {
            speaker,
            cue: (a, ce),
            cue_word: cw,
            content: vec![self.span_of(k, end)?],
            source: None,
            addressee: None,
            rule: "indirect.asked",
            sent: si,
        })
    }

    fn framing_in(&self, lo: usize, hi: usize, si: usize) -> Option<Draft> {
        if !self.is(lo, "in") {
            return None;
        }
        let comma = (lo + 1..(lo + 14).min(hi)).find(|&j| self.toks[j].is_punct(','))?;
        let frame = (lo + 1..comma).find(|&j| {
            matches!(
                self.word(j).to_lowercase().as_str(),
                "poll"
                    | "polls"
                    | "survey"
                    | "surveys"
                    | "study"
                    | "report"
                    | "filing"
                    | "analysis"
                    | "data"
                    | "records"
                    | "view"
                    | "opinion"
                    | "estimate"
                    | "estimates"
            )
        })?;
        let np = self
            .np
            .np_right(lo + 1, comma, lo + 1)
            .unwrap_or(Np::description(lo + 1, comma, frame));
        let np = Np { end: comma, ..np };
        if comma + 3 > hi
            || (comma + 1..hi).any(|j| self.toks[j].has(flags::CUE_VERB) && !self.in_quote(j))
        {
            return None;
        }
        Some(Draft {
            speaker: Some(np),
            cue: (lo, lo + 1),
            cue_word: CueWord::Frame,
            content: vec![self.span_of(comma + 1, hi)?],
            source: None,
            addressee: None,
            rule: "according.frame",
            sent: si,
        })
    }

    /// Run every pass; drafts come back in text order.
    ///
    /// A long document is worked through in stretches of a few thousand
    /// tokens, every pass over one stretch before the next, so that the
    /// stretch's tokens stay in the processor's cache across the passes
    /// (pass after pass over a whole multi-megabyte document read every
    /// token from main memory again each time). A stretch ends only where
    /// nothing of one rule reaches into the next: at a sentence ending in
    /// `.`, `!` or `?` outside quotation marks, before a sentence that
    /// does not open with one. Drafts are the same as with one stretch.
    pub fn run(mut self) -> Vec<Draft> {
        let mut out = Vec::new();
        for (win, win_tok) in self.stretches() {
            let tok_end = self
                .sents
                .get(win.end)
                .map_or(self.toks.len(), |s| s.tokens.start);
            let q_lo = self.quotes.partition_point(|q| q.open < win_tok);
            let q_hi = self.quotes.partition_point(|q| q.open < tok_end);
            self.win = win;
            self.qwin = q_lo..q_hi;
            self.win_tok = win_tok;
            self.in_direct = true;
            self.direct(&mut out);
            self.in_direct = false;
            self.continuations(&mut out);
            self.inverted(&mut out);
            self.according(&mut out);
            self.framing(&mut out);
            self.forward(&mut out);
            self.nominal(&mut out);
            self.seem(&mut out);
        }
        out.sort_by_key(|d| {
            d.content
                .first()
                .map_or(0, |c| c.start)
                .min(self.toks[d.cue.0].span.start)
        });
        out
    }
}

/// A word in -ly that is an adverb ("repeatedly", "reportedly"), not one
/// of the common -ly nouns and adjectives ("rally", "family", "early").
fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "rally"
                | "family"
                | "ally"
                | "assembly"
                | "supply"
                | "bully"
                | "monopoly"
                | "anomaly"
                | "belly"
                | "jelly"
                | "early"
                | "likely"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "elderly"
                | "friendly"
                | "costly"
                | "lonely"
                | "holy"
        )
}

#[cfg(test)]
mod tests {
    use super::RULES;
    use crate::{Document, Extractor};

    /// Working through a document in stretches gives the drafts that one
    /// pass over the whole gives: the bundled articles (every kind of
    /// attribution, quotes continued across paragraphs) run together and
    /// cut into stretches of about 30 tokens, so every possible cut is
    /// tried; and the cuts do happen.
    #[test]
    fn stretches_give_the_drafts_of_one_pass() {
        use crate::{lexicon::Lexicon, quote, sentence, token};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        let text: String = names
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap() + "\n\n")
            .collect();
        let lex = Lexicon::embedded();
        let toks = token::tokenize(&text, &lex);
        let sents = sentence::split(&text, &toks);
        let quotes = quote::pair(&toks);
        let bounds = token::Bounds::new(&toks);
        let ctx = || super::Ctx::new(&text, &lex, &toks, &bounds, &sents, &quotes);
        assert_eq!(ctx().stretches().len(), 1);
        let cut = ctx().with_stretch(30);
        let n = cut.stretches().len();
        assert!(n > 50, "only {n} stretches");
        let whole = format!("{:?}", ctx().run());
        assert!(whole.len() > 10_000);
        assert_eq!(format!("{:?}", cut.run()), whole);
    }

    /// Every rule's own example produces an attribution carrying its id.
    #[test]
    fn each_rule_fires_on_its_example() {
        let ex = Extractor::default();
        let mut missing = Vec::new();
        for r in RULES {
            let rec = ex.extract(&Document::new("example", r.example)).to_record();
            if !rec.attributions.iter().any(|a| {
                a.rule.split('+').any(|part| {
                    part == r.id || (part == "continuation" && r.id == "direct.continuation")
                })
            }) {
                missing.push((
                    r.id,
                    rec.attributions
                        .iter()
                        .map(|a| a.rule.clone())
                        .collect::<Vec<_>>(),
                ));
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }
}
