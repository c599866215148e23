//! Pass 1, direct quotations: a quotation with its speaker and cue after
//! it (`direct.quote-speaker-cue`, `direct.quote-cue-speaker`, and
//! `direct.split` when the quotation goes on after the tag) or before it
//! (`direct.speaker-cue-quote`, `direct.colon`).

use std::ops::ControlFlow;

use crate::lexicon::{flags, lists, CueClass};
use crate::mention::{MentionKind, Np};
use crate::quote::Quote;
use crate::span::Span;
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;
use crate::class::{AttributionClass, ContentType, Polarity};

impl<'a> Ctx<'a> {
    pub(super) fn direct(&mut self, out: &mut Vec<Draft>) {
        for qi in self.qwin.clone() {
            let q = self.quotes[qi];
            if self.taken[q.open] {
                continue;
            }
            if let Some(mut d) = self.quote_then_attribution(&q) {
                // "“A,” she said, “B.”": the quote right after the tag
                let tag_end = d.tag_end();
                if tag_end + 1 < self.toks.len()
                    && matches!(self.toks[tag_end].kind, TokKind::Punct(',' | ':'))
                {
                    if let Some(next) = self.quote_opened_at(tag_end + 1) {
                        if self.tok_sent[next.open] == self.tok_sent[tag_end]
                            || self.sent_of(next.open).para == self.sent_of(tag_end).para
                        {
                            d.content.push(next.span);
                            d.rule = RuleId::DirectSplit;
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
    pub(super) fn quote_ends_open(&self, q: &Quote) -> bool {
        let Some(c) = q.close else { return false };
        let last = &self.toks[c - 1];
        matches!(last.kind, TokKind::Punct(',' | '?' | '!' | '—' | '–' | '-'))
            || self.toks.get(c + 1).is_some_and(|t| t.is_punct(','))
            || (c + 1 < self.toks.len() && self.toks[c + 1].is_word() && !self.toks[c + 1].cap)
    }

    /// A speaker and cue after the quotation `q`: "“…,” said Lavrov",
    /// "“…,” the top Russian diplomat pointed out".
    pub(super) fn quote_then_attribution(&mut self, q: &Quote) -> Option<Draft> {
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
        let content_end = self.content_end(s);
        let (content, embedded) = self.quoted_content(q)?;
        // "Lee, who calls the plan a “scam,” said …": the verb after the
        // relative clause is its subject's, no tag of the quotation
        let qlo = self.sents[self.tok_sent[q.open] as usize].tokens.start;
        if c > qlo
            && self.toks[c - 1].is_punct(',')
            && self.quoted_relative_open(c - 1, qlo).is_some()
        {
            return None;
        }
        let mut a = c + 1;
        if a < hi && (self.toks[a].is_punct(',') || self.toks[a].is_punct('—')) {
            a += 1;
        }
        if a >= hi {
            return None;
        }
        let tag = QuoteTag {
            content,
            alone: !open || embedded,
            start: a,
            content_end,
            hi,
            sent: s_idx,
        };
        // "…,” said Lavrov.
        let a2 = self.skip_adverbs_right(a, hi);
        if let Some((ce, cw @ CueWord::Verb(_))) = self.cue_at(a2) {
            let speaker = self.np.np_right(ce, hi, a);
            if let Some(np) = speaker.filter(|np| np.kind != MentionKind::Relative) {
                let rule = RuleId::DirectQuoteCueSpeaker;
                return self.tag_draft(&tag, np, ((a2, ce), cw), np.end, rule);
            }
        }
        // "…,” the top Russian diplomat pointed out.
        let np = self.np.np_right(a, hi, a)?;
        let np = self.postmodified_speaker(np, hi, a);
        let v = self.verb_after_speaker(np.end, hi);
        let (ce, cw @ CueWord::Verb(_)) = self.cue_at(v)? else {
            return None;
        };
        self.tag_draft(&tag, np, ((v, ce), cw), ce, RuleId::DirectQuoteSpeakerCue)
    }

    /// The content of a quotation tagged after it: the quotation, or when
    /// it stands inside a phrase ("They ''actually had chemistry,'' said
    /// …") the clause up to its end, and whether it is so embedded; none
    /// for a quotation right after a preposition or determiner ("on the
    /// “privatization” of …").
    fn quoted_content(&self, q: &Quote) -> Option<(Span, bool)> {
        let qs = &self.sents[self.tok_sent[q.open] as usize];
        let embedded = q.open > qs.tokens.start && {
            let p = &self.toks[q.open - 1];
            (p.is_word() || p.kind == TokKind::Number)
                && p.verb().is_none()
                && !self.is(q.open - 1, "that")
        };
        if !embedded {
            return Some((q.span, false));
        }
        let cs = self.clause_start_before(q.open, qs.tokens.start);
        if (cs..q.open).any(|j| self.toks[j].has(flags::PREP | flags::DET) && j + 1 == q.open) {
            return None;
        }
        Some((Span::new(self.toks[cs].span.start, q.span.end), true))
    }

    /// "…,” a source close to the mayor said", "…,” a lawyer for the
    /// family said": a person noun's phrase of an adjective of
    /// `person_postmodifiers` or a preposition of `head_postmodifiers`
    /// belongs to the speaker when a cue verb follows it.
    fn postmodified_speaker(&mut self, np: Np, hi: usize, lo: usize) -> Np {
        let mut p = np.end;
        if np.kind != MentionKind::Description
            || !self.toks[np.head].has(flags::TITLE | flags::PERSON_NOUN)
            || p + 1 >= hi
        {
            return np;
        }
        if self.toks[p].has(flags::PERSON_POSTMODIFIER) && !self.toks[p].cap {
            p += 1;
        } else if !self.written(p, lists::HEAD_POSTMODIFIERS) {
            return np;
        }
        if !(self.toks[p].is_word() && self.toks[p].has(flags::PREP)) {
            return np;
        }
        let Some(obj) = self.np.np_right(p + 1, hi, lo) else {
            return np;
        };
        let v = self.verb_after_speaker(obj.end, hi);
        match self.cue_at(v) {
            Some((_, CueWord::Verb(_))) => Np { end: obj.end, ..np },
            _ => np,
        }
    }

    /// Where the verb after a speaker ending at `v` starts: past a
    /// parenthesis ("Harry M. Reid (D-Nev.) said"), an apposition ("Berg,
    /// the minister, said") and auxiliaries and adverbs.
    fn verb_after_speaker(&self, mut v: usize, hi: usize) -> usize {
        if v < hi && self.toks[v].is_punct('(') {
            if let Some(c) = (v + 1..(v + 10).min(hi)).find(|&x| self.toks[x].is_punct(')')) {
                v = c + 1;
            }
        }
        if v < hi && self.toks[v].is_punct(',') {
            let mut k = v + 1;
            while k < hi && k < v + 15 && !self.toks[k].is_punct(',') {
                k += 1;
            }
            if k < hi && self.toks[k].is_punct(',') {
                v = k + 1;
            }
        }
        while v < hi
            && self.toks[v].is_word()
            && self.toks[v].has(flags::AUX | flags::ADV)
            && self.toks[v].verb().is_none()
        {
            v += 1;
        }
        v
    }

    /// The draft of a tag after a quotation: speaker `np`, the cue, and
    /// the phrases after `after` (addressee, source). A quotation that
    /// ends its sentence or sits inside a phrase takes only a tag that
    /// fills its sentence.
    fn tag_draft(
        &mut self,
        tag: &QuoteTag,
        np: Np,
        (cue, cw): ((usize, usize), CueWord),
        after: usize,
        rule: RuleId,
    ) -> Option<Draft> {
        let (_, _, ao, _) = self.verb_info(cw);
        let (k, addr, src) = self.after_cue(after, tag.hi, ao, tag.start);
        if tag.alone && k < tag.content_end {
            return None;
        }
        Some(Draft {
            speaker: Some(np),
            cue,
            cue_word: cw,
            content: vec![tag.content],
            source: src,
            addressee: addr,
            rule,
            sent: tag.sent,
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        })
    }

    /// A speaker and cue before the quotation `q`: "Berg: “…”", "Berg
    /// told reporters: “…”", "Berg said that he hopes “…”".
    pub(super) fn attribution_then_quote(&mut self, q: &Quote) -> Option<Draft> {
        if q.open == 0 {
            return None;
        }
        let s_idx = self.tok_sent[q.open] as usize;
        let lo = self.sents[s_idx].tokens.start;
        let mut b = q.open;
        if b > lo && matches!(self.toks[b - 1].kind, TokKind::Punct(',' | ':' | '—')) {
            b -= 1;
        }
        if b < q.open && self.toks[b].is_punct(':') && b > lo {
            if let Some(d) = self.colon_speaker(q, b, lo, s_idx) {
                return Some(d);
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
                if let ControlFlow::Break(d) = self.cue_before_quote(q, k, b, lo, s_idx) {
                    return d;
                }
            }
        }
        None
    }

    /// "Berg: “…”", "… - Mark Blumenthal: “…”", "More from Jones: “…”": a
    /// name right before the colon at `colon` that leads the quotation.
    fn colon_speaker(&self, q: &Quote, colon: usize, lo: usize, s_idx: usize) -> Option<Draft> {
        let np = self.np.np_left(colon, lo, lo)?;
        let led = np.start == lo
            || matches!(
                self.toks[np.start - 1].kind,
                TokKind::Punct('-' | '—' | '–')
            )
            || self.word(np.start - 1).eq_ignore_ascii_case("from");
        let named = matches!(
            np.kind,
            MentionKind::Name | MentionKind::Pronoun | MentionKind::Org
        );
        (led && named).then(|| {
            Draft::new(
                Some(np),
                (colon, colon + 1),
                CueWord::Colon,
                vec![q.span],
                RuleId::DirectColon,
                s_idx,
            )
        })
    }

    /// The attribution of a cue at token `k` before the quotation `q`,
    /// whose tag ends at `b`: `Break` with the result, or `Continue` to
    /// look further left.
    fn cue_before_quote(
        &mut self,
        q: &Quote,
        k: usize,
        b: usize,
        lo: usize,
        s_idx: usize,
    ) -> ControlFlow<Option<Draft>> {
        let Some((ce, cw @ CueWord::Verb(verb))) = self.cue_at(k) else {
            return ControlFlow::Continue(());
        };
        let (class, _, ao, _) = self.verb_info(cw);
        let (mut next, addr, src) = self.after_cue(ce, b, ao, lo);
        if self.verbless_lead_in(q, next, b, class) {
            next = b;
        }
        if next != b && !(next < b && self.is(next, "that")) {
            return ControlFlow::Continue(());
        }
        // a cue in an infinitive with its subject away from it ("to
        // ensure that “…”") tags no quotation
        let Some((speaker, extras, hint)) = self.speaker_for_cue(k, lo, s_idx, &[], verb) else {
            return ControlFlow::Break(None);
        };
        if hint == Some(RuleId::IndirectInfinitival) {
            return ControlFlow::Break(None);
        }
        if speaker.is_none() && !self.passive_it(k, lo) {
            return ControlFlow::Break(None);
        }
        // "said that he hopes “…”": the clause with the quotation is the
        // content of the outer cue
        if let Some(sp) = speaker.filter(|_| !self.word(k).ends_with("ing")) {
            if sp.start > lo + 1 && self.reports_clause_at(sp.start - 1) {
                return ControlFlow::Continue(());
            }
        }
        let Some(content) = self.quote_clause(q, next, b) else {
            return ControlFlow::Break(None);
        };
        let mut d = Draft {
            speaker,
            cue: (k, ce),
            cue_word: cw,
            content: vec![content],
            source: src,
            addressee: addr,
            rule: RuleId::DirectSpeakerCueQuote,
            sent: s_idx,
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        };
        self.relay_and_partner(&mut d, &extras, lo);
        ControlFlow::Break(Some(d))
    }

    /// "told a crowd of supporters, “…”", "added a caveat: “…”": a short
    /// verbless phrase from `next` to the comma or colon at `b` between a
    /// speech cue and the quotation it introduces.
    fn verbless_lead_in(&self, q: &Quote, next: usize, b: usize, class: CueClass) -> bool {
        next < b
            && b < q.open
            && class == CueClass::Speech
            && !self.is(next, "that")
            && (next..b).all(|j| {
                let t = &self.toks[j];
                // "said of the request:": after a determiner a verb's
                // form is a noun
                let noun = j > next && self.toks[j - 1].has(flags::DET);
                let verb_like = t.has(flags::AUX)
                    || (t.verb().is_some() && !noun)
                    || (t.is_word() && self.word(j).ends_with("ed"));
                !t.is_quote() && !verb_like
            })
    }

    /// Whether token `p` opens a reported clause: "that", or a speech
    /// verb ("said he hopes").
    fn reports_clause_at(&self, p: usize) -> bool {
        self.is(p, "that")
            || (self.toks[p].verb().is_some()
                && self.toks[p].has(flags::CUE_VERB)
                && self
                    .verb_info(CueWord::Verb(self.toks[p].verb().unwrap_or_default()))
                    .0
                    == CueClass::Speech)
    }

    /// The content of a cue before the quotation `q`: the quotation, or
    /// for "said that … “quoted words” …", "said it “gets me mad” every
    /// time …" the clause that holds it (from `next`, where the cue's
    /// complement starts, when that is before the tag's end `b`), to its
    /// end.
    fn quote_clause(&self, q: &Quote, next: usize, b: usize) -> Option<Span> {
        let hi = self.content_end(self.sent_of(q.open));
        let continues = q.close.is_some_and(|c| {
            c + 1 < hi
                && self.toks[c + 1].is_word()
                && !self.toks[c + 1].cap
                && self.toks[c + 1].verb().is_none()
                && !self.toks[c + 1].has(flags::CONJ)
        });
        if next < b || continues {
            let end = if q.end < hi {
                self.content_tail(q.end, hi).unwrap_or(hi)
            } else {
                q.end.min(self.toks.len())
            };
            let from = if next < b { next } else { q.open };
            Some(self.span_of(from, end)?.cover(q.span))
        } else {
            Some(q.span)
        }
    }
}

/// The tag after a quotation, as `quote_then_attribution` found it.
struct QuoteTag {
    /// The content: the quotation, or the clause holding it.
    content: Span,
    /// The quotation ends its sentence or sits inside a phrase, so the tag
    /// must fill its sentence.
    alone: bool,
    /// The tag's first token, its sentence's content end and end.
    start: usize,
    content_end: usize,
    hi: usize,
    /// The tag's sentence.
    sent: usize,
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    /// A page whose only line is an interviewer's question holds no
    /// sentence the rules read, though it opens a quotation (found by the
    /// property test on arbitrary text).
    #[test]
    fn a_quotation_outside_every_sentence() {
        assert!(found("q:\"").is_empty());
        assert!(found("Q: \"Why now?").is_empty());
    }

    #[test]
    fn a_quotation_with_its_tag_after_it() {
        assert_eq!(
            found("“We will build it,” the mayor said."),
            ["direct.quote-speaker-cue | the mayor | said | “We will build it,”"]
        );
        assert_eq!(
            found("“We will build it,” said Anna Berg."),
            ["direct.quote-cue-speaker | Anna Berg | said | “We will build it,”"]
        );
    }

    /// The part after the tag's comma joins the first part.
    /// The speaker's phrase after it ("close to …", "for …") is passed
    /// on the way to the verb.
    #[test]
    fn a_quotation_tagged_by_a_speaker_with_a_phrase() {
        assert_eq!(
            found("\"The pier is rotten,\" an aide close to the crew said."),
            ["direct.quote-speaker-cue | an aide close to the crew | said | \"The pier is rotten,\""]
        );
        assert_eq!(
            found("\"The pier is rotten,\" a lawyer for the owners said."),
            ["direct.quote-speaker-cue | a lawyer for the owners | said | \"The pier is rotten,\""]
        );
    }

    /// A quotation closing a relative clause is no tag's: the verb after
    /// it belongs to the relative clause's head.
    #[test]
    fn a_quotation_inside_a_relative_clause() {
        assert_eq!(
            found("Okafor, who calls the levy a \"swindle,\" said the town would sue."),
            [
                "indirect.object | who | calls | the levy a \"swindle,\"",
                "indirect.clause | Okafor | said | the town would sue"
            ]
        );
    }

    #[test]
    fn a_quotation_split_by_its_tag() {
        assert_eq!(
            found("“The bridge will open,” Berg said, “and it will be free.”"),
            ["direct.split | Berg | said | “The bridge will open,” “and it will be free.”"]
        );
    }

    /// A quotation inside a clause takes the clause, to its end.
    #[test]
    fn a_quotation_inside_the_content_takes_the_clause() {
        assert_eq!(
            found("Zoë Åberg said “the bridge — finally — will open” next week."),
            ["direct.speaker-cue-quote | Zoë Åberg | said | “the bridge — finally — will open” next week"]
        );
    }

    #[test]
    fn a_topic_between_the_cue_and_the_quotation() {
        assert_eq!(
            found("Voss said of the decision: \"The board got it right.\""),
            ["direct.speaker-cue-quote | Voss | said | \"The board got it right.\""]
        );
    }

    #[test]
    fn a_name_and_a_colon_before_a_quotation() {
        assert_eq!(
            found("Berg: “We are ready.”"),
            ["direct.colon | Berg | : | “We are ready.”"]
        );
    }
}
