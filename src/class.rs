//! What kind of attribution each one is, and which kinds a run keeps.
//!
//! Every attribution carries three labels besides its direct, indirect or
//! mixed [`QuoteKind`]:
//!
//! - [`AttributionClass`]: how the speaker relates to the content: said or
//!   wrote it, believes it, found it, wants it, asked for it, saw it;
//! - [`ContentType`]: what the content is: a quotation, a clause, a noun
//!   phrase naming a topic, a to-infinitive, an embedded question;
//! - [`Polarity`]: whether the report affirms it ("she said") or denies
//!   that it was said or held ("she did not say", "denied").
//!
//! A [`Scope`] chooses which attributions a run keeps: [`Scope::Claims`]
//! keeps propositions someone is reported to have put forward (a claim
//! graph), [`Scope::All`] every attribution the rules find (what PolNeAR
//! annotates, intentions and requests included).

use serde::{Deserialize, Serialize};

use crate::lexicon::CueClass;
use crate::record::{AttributionRecord, DocRecord, QuoteKind};
use crate::rules::RuleId;

/// How the speaker relates to the content.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum AttributionClass {
    /// Said it: say, tell, claim, "according to", a statement.
    #[default]
    Speech,
    /// Wrote it: write, post, tweet, a letter.
    Writing,
    /// Believes or knows it: think, believe, know, expect, fear.
    Cognition,
    /// Found or shows it (often a report, a poll or data): show, find,
    /// indicate, suggest.
    Evidence,
    /// Wants or plans it: want, plan, hope, intend, promise to.
    Intention,
    /// Asked someone to do it: ask … to, urge, call on.
    Request,
    /// Saw or heard it: see, hear, notice, watch.
    Perception,
}

/// What the content is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ContentType {
    /// A quotation (all of the content is quoted).
    Quote,
    /// A clause ("that the plan failed", "the plan failed"), possibly with
    /// quoted parts.
    #[default]
    Clause,
    /// A noun phrase naming what was talked about ("announced the deal").
    Topic,
    /// A to-infinitive ("promised to act").
    Infinitive,
    /// An embedded question ("asked whether…", "know who…").
    Question,
}

/// Whether the report affirms the content or denies it was said or held.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// "She said it."
    #[default]
    Affirmed,
    /// "She did not say it", "never claimed", "denied".
    Negated,
}

/// Which attributions a run keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Propositions someone put forward: speech, writing, cognition and
    /// evidence reports whose content is a quotation or a clause (negated
    /// reports included, marked by their [`Polarity`]). Intentions,
    /// requests, perceptions, noun-phrase topics and embedded questions
    /// are left out.
    Claims,
    /// Every attribution the rules find.
    #[default]
    All,
}

macro_rules! names {
    ($ty:ty { $($variant:ident = $name:literal),* $(,)? }) => {
        impl $ty {
            /// Every value, in order.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];

            /// The lowercase name, as records and exports write it.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $name),*
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, String> {
                <$ty>::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s))
                    .ok_or_else(|| {
                        let names: Vec<&str> = <$ty>::ALL.iter().map(|v| v.as_str()).collect();
                        format!("`{s}` is not one of {}", names.join(", "))
                    })
            }
        }
    };
}

// one line per type: each value and the name records write
names!(AttributionClass { Speech = "speech", Writing = "writing", Cognition = "cognition", Evidence = "evidence", Intention = "intention", Request = "request", Perception = "perception" });
names!(ContentType { Quote = "quote", Clause = "clause", Topic = "topic", Infinitive = "infinitive", Question = "question" });
names!(Polarity { Affirmed = "affirmed", Negated = "negated" });
names!(Scope { Claims = "claims", All = "all" });

impl AttributionClass {
    /// The class a cue's lexicon class gives; cues without one ("according
    /// to", a colon, a statement noun) report speech.
    pub fn of_cue(class: Option<CueClass>) -> AttributionClass {
        match class {
            None | Some(CueClass::Speech) => AttributionClass::Speech,
            Some(CueClass::Belief) => AttributionClass::Cognition,
            Some(CueClass::Intention) => AttributionClass::Intention,
            Some(CueClass::Evidence) => AttributionClass::Evidence,
        }
    }
}

impl ContentType {
    /// The type of a content: a quotation when all of it is quoted, else
    /// what the rule that found it takes (an infinitive, an object), an
    /// embedded question when it opens with a wh-word (`opens_wh`), else a
    /// clause.
    pub fn of(kind: QuoteKind, rule: RuleId, opens_wh: bool) -> ContentType {
        match (kind, rule) {
            (QuoteKind::Direct, _) => ContentType::Quote,
            (_, RuleId::IndirectInfinitive) => ContentType::Infinitive,
            (_, RuleId::IndirectObject) => ContentType::Topic,
            _ if opens_wh => ContentType::Question,
            _ => ContentType::Clause,
        }
    }
}

impl Scope {
    /// Whether an attribution of this class and content type is kept.
    pub fn admits(self, class: AttributionClass, content: ContentType) -> bool {
        match self {
            Scope::All => true,
            Scope::Claims => {
                use AttributionClass as C;
                matches!(class, C::Speech | C::Writing | C::Cognition | C::Evidence)
                    && matches!(content, ContentType::Quote | ContentType::Clause)
            }
        }
    }

    /// Whether the record's attribution is kept.
    pub fn admits_record(self, a: &AttributionRecord) -> bool {
        self.admits(a.class, a.content_type)
    }

    /// Drop the record's attributions this scope leaves out (the others
    /// keep their ids).
    pub fn retain(self, doc: &mut DocRecord) {
        if self != Scope::All {
            doc.attributions.retain(|a| self.admits_record(a));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in AttributionClass::ALL {
            assert_eq!(c.as_str().parse::<AttributionClass>(), Ok(*c));
        }
        assert_eq!("Claims".parse::<Scope>(), Ok(Scope::Claims));
        assert_eq!(
            "maybe".parse::<Polarity>(),
            Err("`maybe` is not one of affirmed, negated".to_string())
        );
    }

    #[test]
    fn claims_keep_propositions_only() {
        use AttributionClass as C;
        use ContentType as T;
        let claims = Scope::Claims;
        assert!(claims.admits(C::Speech, T::Quote));
        assert!(claims.admits(C::Cognition, T::Clause));
        assert!(claims.admits(C::Evidence, T::Clause));
        assert!(!claims.admits(C::Intention, T::Infinitive));
        assert!(!claims.admits(C::Speech, T::Topic));
        assert!(!claims.admits(C::Speech, T::Question));
        assert!(!claims.admits(C::Request, T::Clause));
        assert!(Scope::All.admits(C::Perception, T::Topic));
    }

    #[test]
    fn content_types_follow_the_rule_and_quotes() {
        let cases = [
            (
                QuoteKind::Direct,
                RuleId::DirectColon,
                false,
                ContentType::Quote,
            ),
            (
                QuoteKind::Indirect,
                RuleId::IndirectInfinitive,
                false,
                ContentType::Infinitive,
            ),
            (
                QuoteKind::Indirect,
                RuleId::IndirectObject,
                false,
                ContentType::Topic,
            ),
            (
                QuoteKind::Indirect,
                RuleId::IndirectThat,
                true,
                ContentType::Question,
            ),
            (
                QuoteKind::Mixed,
                RuleId::IndirectThat,
                false,
                ContentType::Clause,
            ),
        ];
        for (kind, rule, question, want) in cases {
            assert_eq!(
                ContentType::of(kind, rule, question),
                want,
                "{kind:?} {rule:?}"
            );
        }
    }
}
