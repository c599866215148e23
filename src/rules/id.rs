//! Rule ids: each rule's name, what it matches and an example of its
//! own, in one place ([`RuleId::info`]), so the table of rules and the code
//! that applies them cannot drift apart.

use std::fmt;

/// The rule that produced an attribution.
///
/// Its [`name`](RuleId::name) is the `rule` string of the output records.
/// A quotation continued by the quotations after it ([`continued`](RuleId::continued))
/// has a rule of its own, written `…+continuation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    /// `direct.quote-speaker-cue`: quotation followed by speaker and cue.
    DirectQuoteSpeakerCue,
    /// `direct.quote-cue-speaker`: quotation followed by cue and speaker.
    DirectQuoteCueSpeaker,
    /// `direct.speaker-cue-quote`: speaker and cue introducing a quotation.
    DirectSpeakerCueQuote,
    /// `direct.colon`: speaker, colon, quotation.
    DirectColon,
    /// `direct.split`: a quotation split by its tag: the part after the tag's comma joins the first.
    DirectSplit,
    /// `direct.quote-speaker-cue+continuation`: a quotation followed by speaker and cue, continued by the quotation that opens the next sentence or paragraph.
    DirectQuoteSpeakerCueContinued,
    /// `direct.quote-cue-speaker+continuation`: a quotation followed by cue and speaker, continued by the quotation that opens the next sentence or paragraph.
    DirectQuoteCueSpeakerContinued,
    /// `direct.speaker-cue-quote+continuation`: speaker and cue introducing a quotation, continued by the quotation that opens the next sentence or paragraph.
    DirectSpeakerCueQuoteContinued,
    /// `direct.colon+continuation`: speaker, colon, quotation, continued by the quotation that opens the next sentence or paragraph.
    DirectColonContinued,
    /// `indirect.inverted`: content, then speaker and cue at the end of the sentence.
    IndirectInverted,
    /// `indirect.inverted-cue-speaker`: content, then cue and speaker.
    IndirectInvertedCueSpeaker,
    /// `indirect.parenthetical`: speaker and cue between two parts of the content.
    IndirectParenthetical,
    /// `according.before`: according to / as per before the content.
    AccordingBefore,
    /// `according.after`: according to / as per after the content.
    AccordingAfter,
    /// `headline.colon`: a name, a colon and a claim, as in headlines.
    HeadlineColon,
    /// `headline.verb`: a title-case headline with a capitalized reporting verb.
    HeadlineVerb,
    /// `according.frame`: a study or poll framing the sentence: In + phrase, content.
    AccordingFrame,
    /// `indirect.asked`: the question in 'Asked whether …', with no source.
    IndirectAsked,
    /// `indirect.that`: speaker, cue, that-clause.
    IndirectThat,
    /// `indirect.clause`: speaker, cue, clause without that.
    IndirectClause,
    /// `indirect.infinitive`: speaker, intention cue, to-infinitive.
    IndirectInfinitive,
    /// `indirect.object`: speaker, cue, object phrase as content.
    IndirectObject,
    /// `indirect.relative`: a relative pronoun as the reported object: whom X described as ….
    IndirectRelative,
    /// `indirect.raised`: a raised passive: the subject and the infinitive are the content, no speaker.
    IndirectRaised,
    /// `indirect.participle`: a participle clause adding to the sentence's speaker.
    IndirectParticiple,
    /// `indirect.coordinated`: a second cue verb sharing the sentence's subject.
    IndirectCoordinated,
    /// `nominal.that`: a communication noun with a possessor and a that-clause.
    NominalThat,
    /// `evidential.seem`: an impression with no named source: subject, seem/appear, complement.
    EvidentialSeem,
}

/// Every rule, in the order the passes try them (the same as [`RuleId::ALL`]).
pub const RULES: &[RuleId] = &RuleId::ALL;

impl RuleId {
    /// Every rule, in the order the passes try them.
    pub const ALL: [RuleId; 28] = [
        RuleId::DirectQuoteSpeakerCue,
        RuleId::DirectQuoteCueSpeaker,
        RuleId::DirectSpeakerCueQuote,
        RuleId::DirectColon,
        RuleId::DirectSplit,
        RuleId::DirectQuoteSpeakerCueContinued,
        RuleId::DirectQuoteCueSpeakerContinued,
        RuleId::DirectSpeakerCueQuoteContinued,
        RuleId::DirectColonContinued,
        RuleId::IndirectInverted,
        RuleId::IndirectInvertedCueSpeaker,
        RuleId::IndirectParenthetical,
        RuleId::AccordingBefore,
        RuleId::AccordingAfter,
        RuleId::HeadlineColon,
        RuleId::HeadlineVerb,
        RuleId::AccordingFrame,
        RuleId::IndirectAsked,
        RuleId::IndirectThat,
        RuleId::IndirectClause,
        RuleId::IndirectInfinitive,
        RuleId::IndirectObject,
        RuleId::IndirectRelative,
        RuleId::IndirectRaised,
        RuleId::IndirectParticiple,
        RuleId::IndirectCoordinated,
        RuleId::NominalThat,
        RuleId::EvidentialSeem,
    ];

    /// The name, what the rule matches, and a sentence it fires on.
    const fn info(self) -> (&'static str, &'static str, &'static str) {
        match self {
            RuleId::DirectQuoteSpeakerCue => (
                "direct.quote-speaker-cue",
                "quotation followed by speaker and cue",
                "“We are ready,” the minister said.",
            ),
            RuleId::DirectQuoteCueSpeaker => (
                "direct.quote-cue-speaker",
                "quotation followed by cue and speaker",
                "“We are ready,” said Anna Berg.",
            ),
            RuleId::DirectSpeakerCueQuote => (
                "direct.speaker-cue-quote",
                "speaker and cue introducing a quotation",
                "Anna Berg told reporters: “We are ready.”",
            ),
            RuleId::DirectColon => (
                "direct.colon",
                "speaker, colon, quotation",
                "Berg: “We are ready.”",
            ),
            RuleId::DirectSplit => (
                "direct.split",
                "a quotation split by its tag: the part after the tag's comma joins the first",
                "“We are ready,” Berg said, “and we have waited long enough.”",
            ),
            RuleId::DirectQuoteSpeakerCueContinued => (
                "direct.quote-speaker-cue+continuation",
                "a quotation followed by speaker and cue, continued by the quotation that opens the next sentence or paragraph",
                "“We are ready,” the minister said. “We have waited long enough.”",
            ),
            RuleId::DirectQuoteCueSpeakerContinued => (
                "direct.quote-cue-speaker+continuation",
                "a quotation followed by cue and speaker, continued by the quotation that opens the next sentence or paragraph",
                "“We are ready,” said Anna Berg. “We have waited long enough.”",
            ),
            RuleId::DirectSpeakerCueQuoteContinued => (
                "direct.speaker-cue-quote+continuation",
                "speaker and cue introducing a quotation, continued by the quotation that opens the next sentence or paragraph",
                "Anna Berg told reporters: “We are ready.” “We have waited long enough.”",
            ),
            RuleId::DirectColonContinued => (
                "direct.colon+continuation",
                "speaker, colon, quotation, continued by the quotation that opens the next sentence or paragraph",
                "Berg: “We are ready.” “We have waited long enough.”",
            ),
            RuleId::IndirectInverted => (
                "indirect.inverted",
                "content, then speaker and cue at the end of the sentence",
                "The talks will resume in May, Berg said.",
            ),
            RuleId::IndirectInvertedCueSpeaker => (
                "indirect.inverted-cue-speaker",
                "content, then cue and speaker",
                "The talks will resume in May, said Berg.",
            ),
            RuleId::IndirectParenthetical => (
                "indirect.parenthetical",
                "speaker and cue between two parts of the content",
                "The talks, Berg said, will resume in May.",
            ),
            RuleId::AccordingBefore => (
                "according.before",
                "according to / as per before the content",
                "According to Berg, the talks will resume in May.",
            ),
            RuleId::AccordingAfter => (
                "according.after",
                "according to / as per after the content",
                "The talks will resume in May, according to Berg.",
            ),
            RuleId::HeadlineColon => (
                "headline.colon",
                "a name, a colon and a claim, as in headlines",
                "Berg: Talks Will Resume in May",
            ),
            RuleId::HeadlineVerb => (
                "headline.verb",
                "a title-case headline with a capitalized reporting verb",
                "Mayor Anna Berg Says Talks Will Resume in May",
            ),
            RuleId::AccordingFrame => (
                "according.frame",
                "a study or poll framing the sentence: In + phrase, content",
                "In a new survey, most voters are still undecided.",
            ),
            RuleId::IndirectAsked => (
                "indirect.asked",
                "the question in 'Asked whether …', with no source",
                "Asked whether the talks would resume, Berg smiled.",
            ),
            RuleId::IndirectThat => (
                "indirect.that",
                "speaker, cue, that-clause",
                "Berg said that the talks will resume in May.",
            ),
            RuleId::IndirectClause => (
                "indirect.clause",
                "speaker, cue, clause without that",
                "Berg said the talks will resume in May.",
            ),
            RuleId::IndirectInfinitive => (
                "indirect.infinitive",
                "speaker, intention cue, to-infinitive",
                "Berg wants to resume the talks in May.",
            ),
            RuleId::IndirectObject => (
                "indirect.object",
                "speaker, cue, object phrase as content",
                "Berg endorsed the new treaty in May.",
            ),
            RuleId::IndirectRelative => (
                "indirect.relative",
                "a relative pronoun as the reported object: whom X described as …",
                "She criticized the plan, which the mayor described as reckless.",
            ),
            RuleId::IndirectRaised => (
                "indirect.raised",
                "a raised passive: the subject and the infinitive are the content, no speaker",
                "The talks are expected to resume in May.",
            ),
            RuleId::IndirectParticiple => (
                "indirect.participle",
                "a participle clause adding to the sentence's speaker",
                "Berg spoke for an hour, adding that the talks will resume.",
            ),
            RuleId::IndirectCoordinated => (
                "indirect.coordinated",
                "a second cue verb sharing the sentence's subject",
                "Berg thanked the hosts and said the talks will resume.",
            ),
            RuleId::NominalThat => (
                "nominal.that",
                "a communication noun with a possessor and a that-clause",
                "Berg's claim that the talks will resume surprised no one.",
            ),
            RuleId::EvidentialSeem => (
                "evidential.seem",
                "an impression with no named source: subject, seem/appear, complement",
                "The minister seemed to waver on the deal.",
            ),
        }
    }

    /// The id carried on attributions and written in records
    /// ("direct.quote-speaker-cue").
    pub const fn name(self) -> &'static str {
        self.info().0
    }

    /// What the rule matches.
    pub const fn description(self) -> &'static str {
        self.info().1
    }

    /// A sentence the rule fires on.
    pub const fn example(self) -> &'static str {
        self.info().2
    }

    /// The rule of a direct quotation once the continuation pass has
    /// joined the quotations that carry it on: `direct.colon` becomes
    /// `direct.colon+continuation`. A split quotation keeps its id, and a
    /// continued one stays continued.
    pub const fn continued(self) -> RuleId {
        match self {
            RuleId::DirectQuoteSpeakerCue => RuleId::DirectQuoteSpeakerCueContinued,
            RuleId::DirectQuoteCueSpeaker => RuleId::DirectQuoteCueSpeakerContinued,
            RuleId::DirectSpeakerCueQuote => RuleId::DirectSpeakerCueQuoteContinued,
            RuleId::DirectColon => RuleId::DirectColonContinued,
            other => other,
        }
    }

    /// A rule of the direct pass (a quotation with its speaker).
    pub const fn is_direct(self) -> bool {
        matches!(
            self,
            RuleId::DirectQuoteSpeakerCue
                | RuleId::DirectQuoteCueSpeaker
                | RuleId::DirectSpeakerCueQuote
                | RuleId::DirectColon
                | RuleId::DirectSplit
                | RuleId::DirectQuoteSpeakerCueContinued
                | RuleId::DirectQuoteCueSpeakerContinued
                | RuleId::DirectSpeakerCueQuoteContinued
                | RuleId::DirectColonContinued
        )
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::{RuleId, RULES};
    use crate::{Document, Extractor};

    /// Every rule's own example produces an attribution carrying its id.
    #[test]
    fn each_rule_fires_on_its_example() {
        let ex = Extractor::default();
        let mut missing = Vec::new();
        for &id in RULES {
            let out = ex.extract(&Document::new("example", id.example()));
            if !out.attributions.iter().any(|a| a.rule == id) {
                let got: Vec<RuleId> = out.attributions.iter().map(|a| a.rule).collect();
                missing.push((id, got));
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    /// Names are unique, and the direct rules' names are the ones that
    /// start with "direct".
    #[test]
    fn names_are_unique_and_say_the_family() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
        for r in RULES {
            assert_eq!(r.is_direct(), r.name().starts_with("direct."), "{r}");
            let c = r.continued();
            assert!(
                c == *r || c.name() == format!("{}+continuation", r.name()),
                "{r}"
            );
            assert_eq!(c.continued(), c, "{r}");
        }
    }
}
