//! Rule ids: each with what it matches and an example of its own.

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
