//! The last pass: what kind of attribution each draft is — its
//! [`AttributionClass`], the [`ContentType`] of its content and its
//! [`Polarity`] — from the cue's lexicon entry and the frame around it.
//!
//! - Class: the cue verb's `sense` in the lexicon (writing, request,
//!   perception) or else its class (speech, belief → cognition, intention,
//!   evidence); then the frame: a to-infinitive after a verb of saying is
//!   a request when someone is addressed ("asked the board to resign") and
//!   an intention when not ("promised to resign"; "claimed to" stays a
//!   claim), after a verb of cognition an intention ("expects to win"); a
//!   noun-phrase object of a verb of seeing is a perception; an impression
//!   ("seems to") is a perception too.
//! - Content type: an object is a topic, a to-infinitive an infinitive, a
//!   wh-word or "whether" opens a question; a bare clause that is only a
//!   noun phrase (no verb after its first phrase: "wrote his second
//!   symphony", "explained the rules") is a topic. The extractor makes a
//!   content that is all quoted a quotation.
//! - Polarity: a negation in the cue's verb group ("did not say", "never
//!   claimed", "doesn't believe") or a cue that denies ("denied").

use crate::class::{AttributionClass, ContentType, Polarity};
use crate::lexicon::{flags, lists, CueClass, CueSense};

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;

impl Ctx<'_> {
    /// Set each draft's class, content type and polarity.
    pub(super) fn senses(&self, drafts: &mut [Draft]) {
        for d in drafts {
            self.sense(d);
        }
    }

    fn sense(&self, d: &mut Draft) {
        let first = d
            .content
            .first()
            .map(|c| self.bounds.covering(*c))
            .filter(|r| !r.is_empty());
        let (class, cue_inf, addressee_object, negative, lemma) = match d.cue_word {
            CueWord::Verb(v) => {
                let e = self.lex.verb(v);
                let class = match (e.sense, e.class) {
                    (Some(CueSense::Writing), _) => AttributionClass::Writing,
                    (Some(CueSense::Request), _) => AttributionClass::Request,
                    (Some(CueSense::Perception), _) => AttributionClass::Perception,
                    (None, c) => AttributionClass::of_cue(Some(c)),
                };
                let inf = e.infinitive || e.class == CueClass::Intention;
                (class, inf, e.addressee_object, e.negative, e.lemma.as_str())
            }
            CueWord::Noun => {
                let w = self.word(d.cue.0).to_ascii_lowercase();
                let class = match w.as_str() {
                    "letter" | "letters" | "tweet" | "tweets" | "post" | "posts" => {
                        AttributionClass::Writing
                    }
                    "belief" | "beliefs" | "view" | "views" | "opinion" | "opinions"
                    | "concern" | "concerns" | "fear" | "fears" => AttributionClass::Cognition,
                    _ => AttributionClass::Speech,
                };
                (class, false, false, false, "")
            }
            _ => (AttributionClass::Speech, false, false, false, ""),
        };
        // "the court heard that …": the court is the audience; whoever
        // told it goes unnamed
        if lemma == "hear"
            && d.speaker
                .is_some_and(|np| self.toks[np.head].in_list(lists::HEARING_BODIES))
        {
            d.speaker = None;
        }
        let mut content_type = ContentType::Clause;
        if d.object || d.rule == RuleId::IndirectObject {
            content_type = ContentType::Topic;
        } else if matches!(d.rule, RuleId::IndirectInfinitive | RuleId::IndirectRaised) {
            // "The talks are expected to resume": a raised subject and its
            // to-infinitive, a forecast nobody is named as putting forward
            content_type = ContentType::Infinitive;
        } else if let Some(r) = first.clone() {
            let k = r.start;
            let t = &self.toks[k];
            if t.is_word() && t.in_list(lists::WH_WORDS) {
                if k + 1 < r.end && self.is(k + 1, "to") {
                    // "knows how to swim", "decided where to go": an
                    // infinitive, no proposition
                    content_type = ContentType::Infinitive;
                } else if !self.is(k, "if") || matches!(lemma, "ask" | "wonder" | "question") {
                    // "if" opens a question only after a verb of asking
                    content_type = ContentType::Question;
                }
            } else if d.rule == RuleId::EvidentialSeem {
                if d.content.len() > 1 {
                    let last = self.bounds.covering(d.content[d.content.len() - 1]);
                    if !last.is_empty() && self.is(last.start, "to") {
                        content_type = ContentType::Infinitive;
                    }
                }
            } else if matches!(
                d.rule,
                RuleId::IndirectClause
                    | RuleId::IndirectCoordinated
                    | RuleId::IndirectParticiple
                    | RuleId::IndirectInverted
                    | RuleId::IndirectCiting
                    | RuleId::IndirectInvertedCueSpeaker
                    | RuleId::HeadlineColon
                    | RuleId::AccordingBefore
                    | RuleId::AccordingAfter
            ) && !self.is(k, "that")
                && (self.only_a_phrase(k, r.end, d.sent)
                    || ((class == AttributionClass::Writing
                        || self.written(k, lists::INDEFINITE_OBJECTS))
                        && self.no_finite_verb(k, r.end)))
            {
                content_type = ContentType::Topic;
            }
        }
        let mut class = class;
        if d.rule == RuleId::EvidentialSeem {
            class = AttributionClass::Perception;
        }
        match (class, content_type) {
            _ if d.rule == RuleId::IndirectRaised => {}
            (AttributionClass::Speech | AttributionClass::Writing, ContentType::Infinitive) => {
                if d.addressee.is_some() || (addressee_object && lemma != "promise") {
                    class = AttributionClass::Request;
                } else if lemma != "claim" {
                    class = AttributionClass::Intention;
                }
                let _ = cue_inf;
            }
            (AttributionClass::Cognition, ContentType::Infinitive) => {
                class = AttributionClass::Intention;
            }
            (AttributionClass::Cognition, ContentType::Topic)
                if matches!(lemma, "see" | "hear") =>
            {
                class = AttributionClass::Perception;
            }
            _ => {}
        }
        d.class = class;
        d.content_type = content_type;
        d.polarity = if negative || self.negated_cue(d.cue.0) {
            Polarity::Negated
        } else {
            Polarity::Affirmed
        };
    }

    /// Is the cue at token `i` negated in its verb group: "did not say",
    /// "has never claimed", "doesn't believe", "would not immediately say"?
    fn negated_cue(&self, i: usize) -> bool {
        let lo = self.sents[self.tok_sent[i] as usize].tokens.start;
        let mut j = i;
        let mut steps = 0;
        while j > lo && steps < 5 {
            let t = &self.toks[j - 1];
            if !t.is_word() || t.cap && j - 1 != lo {
                return false;
            }
            let w = self.word(j - 1);
            if ["not", "n't", "n’t", "never", "cannot"]
                .iter()
                .any(|n| w.eq_ignore_ascii_case(n))
                || w.ends_with("n't")
                || w.ends_with("n’t")
            {
                return true;
            }
            if !(t.has(flags::AUX | flags::ADV) || w.ends_with("ly")) {
                return false;
            }
            j -= 1;
            steps += 1;
        }
        false
    }

    /// "writes books about the sea", "wrote songs for films": after a
    /// verb of writing, bare content that opens with no subject pronoun
    /// and holds no auxiliary is what was written, not a reported clause.
    fn no_finite_verb(&self, k: usize, end: usize) -> bool {
        let t = &self.toks[k];
        t.is_word()
            && !t.cap
            && t.pronoun().is_none()
            && !self.is(k, "there")
            && !(k..end.min(k + 40)).any(|j| self.toks[j].is_word() && self.toks[j].has(flags::AUX))
    }

    /// Is the bare content of tokens `k..end` (sentence `si`) only a noun
    /// phrase, with no verb after its first phrase ("his second symphony,
    /// one of his best", "a number of papers on mechanics")? Unknown
    /// shapes count as clauses.
    fn only_a_phrase(&self, k: usize, end: usize, si: usize) -> bool {
        let t = &self.toks[k];
        if t.pronoun().is_some_and(|p| {
            let p = &self.lex.pronouns.pronouns[p as usize];
            p.subject && !p.possessive
        }) && !self.is(k, "it")
            && !self.is(k, "you")
        {
            return false;
        }
        if !(t.has(flags::DET) || t.cap || self.is(k, "it") || self.is(k, "you")) {
            return false;
        }
        // an auxiliary anywhere makes a clause ("the plan in the city
        // will fail")
        if (k..end.min(k + 40)).any(|j| self.toks[j].is_word() && self.toks[j].has(flags::AUX)) {
            return false;
        }
        if t.cap && !t.has(flags::DET) {
            // a name: its phrase as the noun-phrase finder reads it
            let lo = self.sents[si].tokens.start;
            let Some(np) = self.np.np_right(k, end, lo) else {
                return false;
            };
            return self.phrase_ends(np.end, end, true);
        }
        // a determiner and at most two more words ("the rules", "the high
        // hopes"), none of them a past form; a plural noun followed by a
        // word is a subject and its verb ("the shares rose")
        let mut j = k + 1;
        while j < end && j < k + 3 && self.toks[j].is_word() && !self.ends_phrase(j) {
            let w = self.word(j);
            if w.ends_with("ed") || (j > k + 1 && plural(self.word(j - 1))) {
                return false;
            }
            j += 1;
        }
        self.phrase_ends(j, end, j <= k + 2)
    }

    /// Does the phrase before token `j` end there: at a preposition, a
    /// conjunction, a relative word or punctuation, or at the content's
    /// `end` (when `may_end`)?
    fn phrase_ends(&self, j: usize, end: usize, may_end: bool) -> bool {
        if j >= end {
            return may_end;
        }
        let u = &self.toks[j];
        if u.is_quote() {
            return false;
        }
        !u.is_word() || self.ends_phrase(j)
    }

    fn ends_phrase(&self, j: usize) -> bool {
        let u = &self.toks[j];
        u.has(flags::PREP | flags::CONJ | flags::RELATIVE)
            && !(self.is(j, "to")
                && self
                    .toks
                    .get(j + 1)
                    .is_some_and(|n| n.is_word() && !n.has(flags::DET)))
    }
}

/// Does the word look like a plural noun ("shares", not "generous",
/// "business" or "its")?
fn plural(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("ous")
        && !w.ends_with("'s")
}

#[cfg(test)]
mod tests {
    use crate::class::{AttributionClass as C, ContentType as T, Polarity as P};
    use crate::{Document, Extractor};

    fn senses(text: &str) -> Vec<(C, T, P)> {
        Extractor::default()
            .extract(&Document::new("test", text))
            .attributions
            .iter()
            .map(|a| (a.class, a.content_type, a.polarity))
            .collect()
    }

    /// Each text yields exactly one attribution, of this sense ("class
    /// content-type polarity").
    fn expect(cases: &[(&str, &str)]) {
        for (text, want) in cases {
            let got: Vec<String> = senses(text)
                .iter()
                .map(|(c, t, p)| format!("{} {} {}", c.as_str(), t.as_str(), p.as_str()))
                .collect();
            assert_eq!(got, [*want], "{text}");
        }
    }

    #[test]
    fn the_frame_decides_the_class() {
        expect(&[
            (
                "The mayor asked the council to delay the vote.",
                "request infinitive affirmed",
            ),
            (
                "The mayor promised to delay the vote.",
                "intention infinitive affirmed",
            ),
            (
                "The mayor wrote that the vote would be delayed.",
                "writing clause affirmed",
            ),
            (
                "Residents believe the vote was rigged.",
                "cognition clause affirmed",
            ),
        ]);
    }

    #[test]
    fn negation_in_the_verb_group_or_the_cue() {
        expect(&[
            (
                "The mayor did not say that the vote would be delayed.",
                "speech clause negated",
            ),
            (
                "The mayor denied that the vote was delayed.",
                "speech clause negated",
            ),
            (
                "Officials still do not know who is behind the leak.",
                "cognition question negated",
            ),
        ]);
    }

    #[test]
    fn a_noun_phrase_is_a_topic() {
        let s = senses("The composer wrote his second symphony, one of his best, in Vienna.");
        assert!(s.iter().all(|(_, t, _)| *t == T::Topic), "{s:?}");
        assert_eq!(
            senses("The composer wrote the symphony was finished."),
            [(C::Writing, T::Clause, P::Affirmed)]
        );
        // a bare plural with no finite verb is what was written
        let s = senses("She writes novels about the sea.");
        assert!(s.iter().all(|(_, t, _)| *t == T::Topic), "{s:?}");
        // an indefinite pronoun with no auxiliary after it is what was
        // said, with one it opens the reported clause
        let s = senses("The coach said nothing about the injury.");
        assert!(s.iter().all(|(_, t, _)| *t == T::Topic), "{s:?}");
        let s = senses("The coach said nothing had been decided.");
        assert!(s.iter().all(|(_, t, _)| *t == T::Clause), "{s:?}");
    }

    /// Refusals and questions are kept by `all` and left out of `claims`;
    /// a denial stays, negated; a wh-word before "to" opens an infinitive.
    #[test]
    fn refusals_are_no_claims() {
        use crate::class::Scope;
        let claims = |text: &str| {
            Extractor::default()
                .with_scope(Scope::Claims)
                .extract(&Document::new("test", text))
                .attributions
                .len()
        };
        assert_eq!(claims("The company declined to comment on the report."), 0);
        assert_eq!(
            claims("The minister would not say when the bridge would open."),
            0
        );
        assert_eq!(claims("The minister denied that the bridge was unsafe."), 1);
        assert_eq!(
            claims("The engineer explained how the new bridge would carry trains."),
            0
        );
        let s = senses("The guide knows where to find the old mill.");
        assert!(s.iter().all(|(_, t, _)| *t == T::Infinitive), "{s:?}");
        assert_eq!(claims("The guide knows where to find the old mill."), 0);
        assert_eq!(
            senses("The company declined to comment on the report."),
            [(C::Intention, T::Infinitive, P::Affirmed)]
        );
        // a raised passive names nobody who holds the forecast: kept by
        // `all`, left out of `claims`
        assert_eq!(
            senses("The ferry is expected to sail again on Friday."),
            [(C::Cognition, T::Infinitive, P::Affirmed)]
        );
        assert_eq!(claims("The ferry is expected to sail again on Friday."), 0);
    }

    /// Issue 17's bounds: the one told before "that" and its phrases is
    /// the addressee; "at least" opens a subject; a plural noun before an
    /// auxiliary is no cue.
    #[test]
    fn addressees_quantities_and_plural_nouns() {
        use crate::rules::testing::found;
        assert_eq!(
            found("He told investors at a briefing on Monday that sales would pick up."),
            ["indirect.that | He | told | that sales would pick up | to investors"]
        );
        assert_eq!(
            found("He said at least two bridges were closed."),
            ["indirect.clause | He | said | at least two bridges were closed"]
        );
        assert!(found("Good jokes have a lot of details.").is_empty());
    }

    /// A court or jury that "heard" something is its audience: the report
    /// names no speaker. Someone who heard something still heard it.
    #[test]
    fn a_court_that_heard_is_no_speaker() {
        use crate::rules::testing::found;
        assert_eq!(
            found("The jury heard that the van was parked outside the depot."),
            ["indirect.that | - | heard | that the van was parked outside the depot"]
        );
        assert_eq!(
            found("The neighbour heard that the van was parked outside the depot."),
            ["indirect.that | The neighbour | heard | that the van was parked outside the depot"]
        );
    }

    /// "According to X" with no comma after X: the clause after the phrase.
    #[test]
    fn according_to_without_a_comma() {
        assert_eq!(
            crate::rules::testing::found("According to the ministry the plan failed."),
            ["according.before | the ministry | According to | the plan failed"]
        );
    }
}
