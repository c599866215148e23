//! Pass 3, inverted and parenthetical indirect speech: content, then the
//! speaker and cue (`indirect.inverted`, `indirect.inverted-cue-speaker`),
//! or the tag between two parts of the content (`indirect.parenthetical`).

use crate::lexicon::{flags, lists, CueClass};
use crate::mention::{MentionKind, Np};
use crate::token::TokKind;

use super::ctx::Ctx;
use super::draft::{CueWord, Draft};
use super::id::RuleId;
use crate::class::{AttributionClass, ContentType, Polarity};

impl<'a> Ctx<'a> {
    pub(super) fn inverted(&mut self, out: &mut Vec<Draft>) {
        self.scan_drafts(out, (0, 0), |ctx, i, (lo, hi, si), _| {
            ctx.inverted_at(i, lo, hi, si)
        });
    }

    /// "The talks will resume, Berg said." (and "…, said Berg.", "The
    /// talks, Berg said, will resume."): a cue at token `i` after the
    /// content, in the sentence `si` of tokens `lo..hi`.
    pub(super) fn inverted_at(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        si: usize,
    ) -> Option<Draft> {
        let (ce, cw, ao) = self.inverted_cue(i, lo)?;
        let (speaker, comma, quote_end, rule) = self.inverted_speaker(i, ce, lo, hi)?;
        // "the brother-in-law, who is also charged, was expected …": a
        // relative clause inside the sentence, no report after its content
        if speaker.kind == MentionKind::Relative {
            return None;
        }
        if comma <= lo || self.earlier_speech_cue(lo, comma) {
            return None;
        }
        let after_from = if rule == RuleId::IndirectInverted {
            ce
        } else {
            speaker.end
        };
        let (mut k, addr, src) = self.after_cue(after_from, hi, ao, lo);
        if rule == RuleId::IndirectInvertedCueSpeaker && k < hi && self.speaker_goes_on(k, hi, lo) {
            k = hi;
        }
        // "…, the newspaper reported, citing two officials": the people
        // cited are the speakers, the outlet that reported it the source
        let mut cited = None;
        if k + 2 < hi && self.toks[k].is_punct(',') && self.is(k + 1, "citing") {
            if let Some(np) = self.np.np_right(k + 2, hi, lo) {
                cited = Some(np);
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
            ) || (self.toks[k].is_punct(',') && self.in_list(k + 1, lists::COORDINATORS))
            {
                // "…, the office reported on Tuesday -- a development that…"
            } else if self.toks[k].is_punct(',') && self.participle_at(k + 1) {
                // "…, Berg said, adding that …": the participle's report
                // is a second one of the same speaker
            } else if self.toks[k].is_punct(',')
                && k + 1 < hi
                && !self.is(k + 1, "and")
                && !self.is(k + 1, "adding")
                && self.toks[k + 1].verb().is_none()
            {
                content.push(self.span_of(k + 1, hi)?);
                rule = RuleId::IndirectParenthetical;
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
            cue: (i, ce),
            cue_word: cw,
            content,
            source: src,
            addressee: addr,
            rule,
            sent: si,
            object: false,
            class: AttributionClass::Speech,
            content_type: ContentType::Clause,
            polarity: Polarity::Affirmed,
        };
        self.relay_and_partner(&mut d, &[], lo);
        if let Some(np) = cited {
            d.source = Some(speaker);
            d.speaker = Some(np);
            d.rule = RuleId::IndirectCiting;
        }
        Some(d)
    }

    /// Is token `k` a lowercase participle in -ing ("adding", "noting")?
    fn participle_at(&self, k: usize) -> bool {
        self.toks
            .get(k)
            .is_some_and(|t| t.is_word() && !t.cap && t.verb().is_some())
            && self.word(k).ends_with("ing")
    }

    /// A verb cue at token `i` that may stand after its content: not an
    /// intention, a participle, or a verb needing its complement (unless
    /// passive: "…, Lavrov was cited as saying / was quoted"). Returns the
    /// cue's end, the cue, and whether its object may be an addressee.
    fn inverted_cue(&mut self, i: usize, lo: usize) -> Option<(usize, CueWord, bool)> {
        let (ce, cw) = self.cue_at(i)?;
        let (class, _, ao, needs) = self.verb_info(cw);
        let passive = (self.skip_verb_group_left(i, lo)..i)
            .any(|j| self.in_list(j, lists::PASSIVE_BE_FORMS))
            && self.word(i).ends_with("ed");
        // "…, its board decided on Thursday": a verb of deciding or
        // agreeing (a belief verb that takes an infinitive and no
        // object) after its content reports an act, not a view
        let decision = matches!(cw, CueWord::Verb(v) if {
            let e = self.lex.verb(v);
            e.class == CueClass::Belief && e.needs_complement && e.infinitive && !e.object
        });
        if !matches!(cw, CueWord::Verb(_))
            || class == CueClass::Intention
            || decision
            || (needs && class == CueClass::Speech && !passive)
            || self.word(i).ends_with("ing")
        {
            return None;
        }
        Some((ce, cw, ao))
    }

    /// The speaker of an inverted cue at `i` (ending at `ce`) and the
    /// comma that ends the content before it: form A "…, Lavrov said",
    /// form B "…, said Lavrov". Returns the speaker, the comma, where the
    /// content ends when the comma is inside a closing quotation mark
    /// ("This is a “raw time,” said Axelrod"), and the rule.
    fn inverted_speaker(
        &self,
        i: usize,
        ce: usize,
        lo: usize,
        hi: usize,
    ) -> Option<(Np, usize, Option<usize>, RuleId)> {
        if let Some((np, _)) = self.subject(i, lo) {
            let mut c = np.start;
            if c > lo && self.toks[c - 1].is_quote() {
                c -= 1;
            }
            if c <= lo || !(self.toks[c - 1].is_punct(',') || self.toks[c - 1].is_punct('—')) {
                return None;
            }
            return Some((np, c - 1, None, RuleId::IndirectInverted));
        }
        let mut c = i;
        while c > lo && self.toks[c - 1].is_word() && self.toks[c - 1].has(flags::ADV) {
            c -= 1;
        }
        let mut quote_end = None;
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
        Some((np, c - 1, quote_end, RuleId::IndirectInvertedCueSpeaker))
    }

    /// "Christie said that A — no different, he said, from B": a speech
    /// cue with its own subject before the comma is the outer attribution.
    fn earlier_speech_cue(&self, lo: usize, comma: usize) -> bool {
        (lo..comma).any(|j| {
            !self.in_quote(j)
                && !self.taken[j]
                && self.toks[j].has(flags::CUE_VERB)
                && self.toks[j]
                    .verb()
                    .is_some_and(|v| self.lex.verb(v).class == CueClass::Speech)
                && (self.is(j + 1, "that")
                    || self.toks.get(j + 1).is_some_and(|t| t.pronoun().is_some()))
                && self.subject(j, lo).is_some()
        })
    }

    /// "…, said David Axelrod, a longtime ally.", "…, said a handful of
    /// Democrats who point to …": after an inverted speaker (at `k`) its
    /// apposition or relative clause ends the sentence.
    fn speaker_goes_on(&self, k: usize, hi: usize, lo: usize) -> bool {
        let relative = self.in_list(k, lists::SPEAKER_CONTINUATIONS);
        let apposition = self.toks[k].is_punct(',')
            && self.np.np_right(k + 1, hi, lo).is_some_and(|a| {
                a.end >= hi || self.toks[a.end].is_punct(',') && self.is(a.end + 1, "who")
            });
        relative || apposition
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::found;

    #[test]
    fn the_tag_after_the_content() {
        assert_eq!(
            found("The bridge will open in May, Berg said."),
            ["indirect.inverted | Berg | said | The bridge will open in May"]
        );
        assert_eq!(
            found("The bridge will open, said Berg."),
            ["indirect.inverted-cue-speaker | Berg | said | The bridge will open"]
        );
        // what follows the tag is the author's: ", and it will be free"
        assert_eq!(
            found("The bridge will open, Berg said, and it will be free."),
            ["indirect.inverted | Berg | said | The bridge will open"]
        );
    }

    /// A person noun with an adjective and its phrase is one speaker.
    #[test]
    fn a_speaker_with_an_adjective_phrase_after_it() {
        assert_eq!(
            found("The ferry will stop in June, an aide familiar with the matter said."),
            ["indirect.inverted | an aide familiar with the matter | said | The ferry will stop in June"]
        );
    }

    #[test]
    fn the_tag_between_two_parts_of_the_content() {
        assert_eq!(
            found("The bridge, Berg said, will open in May."),
            ["indirect.parenthetical | Berg | said | The bridge will open in May"]
        );
    }

    /// A decision after its content is no report of a view.
    /// "…, Berg said, adding that …": the tag ends at the participle,
    /// which reports more of the same speaker's.
    #[test]
    fn the_tag_before_a_participle() {
        assert_eq!(
            found("The bridge will open in May, Berg said, adding that tolls would rise."),
            [
                "indirect.inverted | Berg | said | The bridge will open in May",
                "indirect.participle | Berg | adding | that tolls would rise"
            ]
        );
    }

    #[test]
    fn a_decision_after_its_content_is_no_report() {
        assert!(
            found("The city will raise fares in July, its council decided on Monday.").is_empty()
        );
    }

    /// The people an outlet cites are the speakers; the outlet is the
    /// source.
    #[test]
    fn the_people_an_outlet_cites() {
        assert_eq!(
            found("The bridge will open in May, the newspaper reported, citing two city officials."),
            ["indirect.citing | two city officials | reported | The bridge will open in May | via the newspaper"]
        );
    }

    /// A verb that needs its complement ("stated") does not stand after
    /// the content.
    #[test]
    fn a_verb_needing_a_complement_is_no_inverted_tag() {
        assert!(found("The bridge will open in May, Berg stated.").is_empty());
    }

    /// A relative clause between commas ("…, who is also charged, …") is
    /// no report of what came before it.
    #[test]
    fn a_relative_clause_is_no_inverted_tag() {
        assert_eq!(
            found("Berg said the driver, who is also charged, was expected in court."),
            ["indirect.clause | Berg | said | the driver, who is also charged, was expected in court"]
        );
    }
}
