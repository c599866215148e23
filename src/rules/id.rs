//! Rule ids: each rule's name, what it matches and an example of its
//! own, written once (in `rules!` below), so the list of rules and the
//! code that applies them cannot drift apart.

use std::fmt;

/// Declares [`RuleId`] and its table from one row per rule: the variant,
/// the name written in records, what it matches, and an example.
macro_rules! rules {
    ($($variant:ident = $name:literal, $description:literal, $example:literal;)*) => {
        /// The rule that produced an attribution.
        ///
        /// Its [`name`](RuleId::name) is the `rule` string of the output
        /// records. A quotation continued by the quotations after it
        /// ([`continued`](RuleId::continued)) has a rule of its own,
        /// written `…+continuation`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(
                #[doc = concat!("`", $name, "`: ", $description, ".")]
                $variant,
            )*
        }

        impl RuleId {
            /// Every rule, in the order the passes try them.
            pub const ALL: [RuleId; [$(RuleId::$variant),*].len()] = [$(RuleId::$variant),*];

            /// The name, what the rule matches, and a sentence it fires on.
            const fn info(self) -> (&'static str, &'static str, &'static str) {
                match self {
                    $(RuleId::$variant => ($name, $description, $example),)*
                }
            }
        }
    };
}

rules! {
    // pass 1, direct
    DirectQuoteSpeakerCue = "direct.quote-speaker-cue",
        "quotation followed by speaker and cue",
        "“We are ready,” the minister said.";
    DirectQuoteCueSpeaker = "direct.quote-cue-speaker",
        "quotation followed by cue and speaker",
        "“We are ready,” said Anna Berg.";
    DirectSpeakerCueQuote = "direct.speaker-cue-quote",
        "speaker and cue introducing a quotation",
        "Anna Berg told reporters: “We are ready.”";
    DirectColon = "direct.colon",
        "speaker, colon, quotation",
        "Berg: “We are ready.”";
    DirectSplit = "direct.split",
        "a quotation split by its tag: the part after the tag's comma joins the first",
        "“We are ready,” Berg said, “and we have waited long enough.”";
    // pass 2, continuation
    DirectQuoteSpeakerCueContinued = "direct.quote-speaker-cue+continuation",
        "a quotation followed by speaker and cue, continued by the quotation that opens the next sentence or paragraph",
        "“We are ready,” the minister said. “We have waited long enough.”";
    DirectQuoteCueSpeakerContinued = "direct.quote-cue-speaker+continuation",
        "a quotation followed by cue and speaker, continued by the quotation that opens the next sentence or paragraph",
        "“We are ready,” said Anna Berg. “We have waited long enough.”";
    DirectSpeakerCueQuoteContinued = "direct.speaker-cue-quote+continuation",
        "speaker and cue introducing a quotation, continued by the quotation that opens the next sentence or paragraph",
        "Anna Berg told reporters: “We are ready.” “We have waited long enough.”";
    DirectColonContinued = "direct.colon+continuation",
        "speaker, colon, quotation, continued by the quotation that opens the next sentence or paragraph",
        "Berg: “We are ready.” “We have waited long enough.”";
    // pass 3, inverted
    IndirectInverted = "indirect.inverted",
        "content, then speaker and cue at the end of the sentence",
        "The talks will resume in May, Berg said.";
    IndirectInvertedCueSpeaker = "indirect.inverted-cue-speaker",
        "content, then cue and speaker",
        "The talks will resume in May, said Berg.";
    IndirectCiting = "indirect.citing",
        "an outlet and its cue with ', citing' the people it cites, after the content or before a that-clause: they are the speakers, the outlet the source",
        "The talks will resume in May, the newspaper reported, citing two officials.";
    IndirectParenthetical = "indirect.parenthetical",
        "speaker and cue between two parts of the content",
        "The talks, Berg said, will resume in May.";
    // pass 4, according
    AccordingBefore = "according.before",
        "according to / as per before the content",
        "According to Berg, the talks will resume in May.";
    AccordingAfter = "according.after",
        "according to / as per after the content",
        "The talks will resume in May, according to Berg.";
    // pass 5, framing
    HeadlineColon = "headline.colon",
        "a name, a colon and a claim, as in headlines",
        "Berg: Talks Will Resume in May";
    HeadlineVerb = "headline.verb",
        "a title-case headline with a capitalized reporting verb",
        "Mayor Anna Berg Says Talks Will Resume in May";
    AccordingFrame = "according.frame",
        "a study or poll framing the sentence: In + phrase, content",
        "In a new survey, most voters are still undecided.";
    IndirectAsked = "indirect.asked",
        "the question in 'Asked whether …', with no source",
        "Asked whether the talks would resume, Berg smiled.";
    // pass 6, forward
    IndirectThat = "indirect.that",
        "speaker, cue, that-clause",
        "Berg said that the talks will resume in May.";
    IndirectClause = "indirect.clause",
        "speaker, cue, clause without that",
        "Berg said the talks will resume in May.";
    IndirectInfinitive = "indirect.infinitive",
        "speaker, intention cue, to-infinitive",
        "Berg wants to resume the talks in May.";
    IndirectObject = "indirect.object",
        "speaker, cue, object phrase as content",
        "Berg endorsed the new treaty in May.";
    IndirectRelative = "indirect.relative",
        "a relative pronoun as the reported object: whom X described as …",
        "She criticized the plan, which the mayor described as reckless.";
    IndirectRaised = "indirect.raised",
        "a raised passive: the subject and the infinitive are the content, no speaker",
        "The talks are expected to resume in May.";
    IndirectParticiple = "indirect.participle",
        "a participle clause adding to the sentence's speaker",
        "Berg spoke for an hour, adding that the talks will resume.";
    IndirectImperative = "indirect.imperative",
        "an imperative verb of knowing or saying opening its sentence, with a clause and no speaker",
        "Remember that the bridge closes at noon.";
    IndirectInfinitival = "indirect.infinitival",
        "a cue in a to-infinitive with its subject away from it, and a that-clause (or a clause after a verb of knowing); the speaker is the people phrase before 'to', or the sentence's personal subject",
        "We have every reason to believe that the rent will fall.";
    IndirectCoordinated = "indirect.coordinated",
        "a second cue verb sharing the sentence's subject",
        "Berg thanked the hosts and said the talks will resume.";
    // passes 7 and 8, nominal
    NominalThat = "nominal.that",
        "a communication noun with a possessor and a that-clause",
        "Berg's claim that the talks will resume surprised no one.";
    EvidentialSeem = "evidential.seem",
        "an impression with no named source: subject, seem/appear, complement",
        "The minister seemed to waver on the deal.";
    // interviews (rules/interview.rs), after the passes
    InterviewAnswer = "interview.answer",
        "an answer after an interview's answer marker: the statement of the person the introduction names",
        "Chef Ana Ruiz opened her first restaurant in 2015.\nQ: Did the star surprise you?\nA: Completely.";
}

/// Every rule, in the order the passes try them (the same as [`RuleId::ALL`]).
pub const RULES: &[RuleId] = &RuleId::ALL;

impl RuleId {
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
