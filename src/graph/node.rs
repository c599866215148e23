//! Nodes: their kinds and what each kind holds.

use serde::{Deserialize, Serialize};

use crate::class::{AttributionClass, ContentType, Polarity};
use crate::record::{EntityKind, QuoteKind};

use super::SharedStr;

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// A person.
    Person,
    /// An organization (news outlets included).
    Organization,
    /// A place.
    Place,
    /// An attributed claim.
    Statement,
    /// An article.
    Document,
    /// The reports of one statement by one speaker, across documents.
    Claim,
}

impl NodeKind {
    /// Every kind, in display order.
    pub const ALL: [NodeKind; 6] = [
        NodeKind::Person,
        NodeKind::Organization,
        NodeKind::Place,
        NodeKind::Statement,
        NodeKind::Document,
        NodeKind::Claim,
    ];

    /// Lowercase name ("person"), the id prefix.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Person => "person",
            NodeKind::Organization => "organization",
            NodeKind::Place => "place",
            NodeKind::Statement => "statement",
            NodeKind::Document => "document",
            NodeKind::Claim => "claim",
        }
    }

    /// Capitalized name ("Person"): a Neo4j label, an RDF class name.
    pub fn label(self) -> &'static str {
        match self {
            NodeKind::Person => "Person",
            NodeKind::Organization => "Organization",
            NodeKind::Place => "Place",
            NodeKind::Statement => "Statement",
            NodeKind::Document => "Document",
            NodeKind::Claim => "Claim",
        }
    }

    /// True for people, organizations and places.
    pub fn is_entity(self) -> bool {
        matches!(
            self,
            NodeKind::Person | NodeKind::Organization | NodeKind::Place
        )
    }
}

impl From<EntityKind> for NodeKind {
    fn from(k: EntityKind) -> NodeKind {
        match k {
            EntityKind::Person => NodeKind::Person,
            EntityKind::Organization => NodeKind::Organization,
            EntityKind::Place => NodeKind::Place,
        }
    }
}

/// A person, organization or place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityNode {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Canonical name: for people the longest full proper name seen
    /// ("Sergey Lavrov"), else the record's canonical name.
    pub name: String,
    /// Every other name and description seen, in order of first use.
    pub aliases: Vec<String>,
    /// Titles held without an "of" ("journalist"); titles with one are
    /// `holds_role` edges.
    pub titles: Vec<String>,
    /// True for news outlets and agencies.
    pub outlet: bool,
}

/// An attributed claim in one document.
///
/// Compact: a big graph is mostly statements. Its text and its short
/// strings (cue, document, date, rule, the words for its speaker, source
/// and addressee) are [`SharedStr`]s shared with the other statements
/// and edges that hold the same words; spans are `u32` code points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatementNode {
    /// The claim (content fragments joined by one space), shared with the
    /// statements of the same words (a wire story's quote in every outlet
    /// that carries it).
    pub text: SharedStr,
    /// Direct, indirect or mixed.
    pub quote_kind: QuoteKind,
    /// Lemma of the cue ("say", "point out").
    pub cue: SharedStr,
    /// The cue as written ("pointed out").
    pub cue_text: SharedStr,
    /// The document's name.
    pub doc: SharedStr,
    /// Code-point span of the first content fragment.
    pub span: [u32; 2],
    /// Every content fragment.
    pub spans: Box<[[u32; 2]]>,
    /// The document's `date` field (from the corpus), else its dateline's
    /// date.
    pub date: Option<SharedStr>,
    /// The speaker as written ("the top Russian diplomat"), resolved or not.
    pub speaker_text: Option<SharedStr>,
    /// The relaying source as written, resolved or not.
    pub source_text: Option<SharedStr>,
    /// The addressee as written, resolved or not.
    pub addressee_text: Option<SharedStr>,
    /// The rule that found it.
    pub rule: SharedStr,
    /// How the speaker relates to it: speech, writing, cognition…
    #[serde(default)]
    pub class: AttributionClass,
    /// What the content is: quote, clause, topic…
    #[serde(default)]
    pub content_type: ContentType,
    /// Affirmed, or denied ("did not say").
    #[serde(default)]
    pub polarity: Polarity,
    /// The sentence it was found in, with its parts marked; only when the
    /// graph was given the document's text ([`QuoteGraph::attach_text`](crate::QuoteGraph::attach_text)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Box<StatementContext>>,
}

/// A code-point span as a statement keeps it (`u32`: a document of more
/// than 4 G code points is far beyond `--max-doc-bytes`; a larger offset
/// is kept as `u32::MAX`).
pub(crate) fn span32(span: [usize; 2]) -> [u32; 2] {
    span.map(|x| u32::try_from(x).unwrap_or(u32::MAX))
}

/// The sentence (or sentences) a statement was found in, so a reader can
/// see the claim in place with the speaker, cue and content marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementContext {
    /// The text from the start of the sentence holding the first part to
    /// the end of the sentence holding the last, as written.
    pub text: String,
    /// Code-point offset of `text` in the document.
    pub start: usize,
    /// The parts, in text order, with code-point spans into `text`.
    pub marks: Vec<ContextMark>,
}

/// One marked part of a [`StatementContext`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContextMark {
    /// Which part it is.
    pub part: ContextPart,
    /// `[start, end)` in code points of the context's text.
    pub span: [usize; 2],
}

/// The parts of an attribution that a context marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContextPart {
    /// Who said it.
    Speaker,
    /// The reporting word.
    Cue,
    /// A fragment of the claim.
    Content,
    /// The outlet that relayed it.
    Source,
    /// Whom it was said to.
    Addressee,
}

impl ContextPart {
    /// Lowercase name ("speaker").
    pub fn as_str(self) -> &'static str {
        match self {
            ContextPart::Speaker => "speaker",
            ContextPart::Cue => "cue",
            ContextPart::Content => "content",
            ContextPart::Source => "source",
            ContextPart::Addressee => "addressee",
        }
    }
}

/// An article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentNode {
    /// The document's name (path as given, `-`, or a JSONL id).
    pub path: String,
    /// The dateline as written.
    pub dateline: Option<String>,
    /// The input's `date` field (from the corpus), else the dateline's
    /// date.
    pub date: Option<String>,
    /// The dateline's place as written.
    pub place: Option<String>,
    /// Who published it: the input's `outlet` field, else the host of its
    /// `url` (article JSONL); none for plain texts, whose outlet can only
    /// be guessed from a dateline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
}

/// One statement reported by several documents (or one): the reports of
/// one speaker whose contents say the same thing ([`claims`](crate::claims)).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimNode {
    /// The speaker's node id.
    pub speaker: String,
    /// The speaker's name.
    pub speaker_name: String,
    /// A canonical wording: the most often reported one, direct quotes
    /// first, then the longest.
    pub text: String,
    /// How many statements report it.
    pub reports: usize,
    /// The earliest report's date.
    pub first_date: Option<String>,
    /// The latest report's date.
    pub last_date: Option<String>,
    /// The document of the earliest report (undated reports count as
    /// latest; ties go to graph order).
    pub first_reported: String,
    /// The relay chain: outlets and documents in the order the claim
    /// passed through them. A report that cites an outlet ("as cited by
    /// Ukrinform") puts that outlet before its own document.
    pub chain: Vec<String>,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NodeData {
    /// A person, organization or place.
    Entity(EntityNode),
    /// A claim.
    Statement(StatementNode),
    /// An article.
    Document(DocumentNode),
    /// A claim reported by one or more statements (boxed: claims are
    /// few, statements many, and a node is as big as its biggest kind).
    Claim(Box<ClaimNode>),
}

/// A node: its id and data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Stable id: `person:sergey-lavrov`, `statement:<doc>#<n>`,
    /// `document:<doc>`.
    pub id: String,
    /// What it holds.
    pub data: NodeData,
}

impl Node {
    /// Its kind.
    pub fn kind(&self) -> NodeKind {
        match &self.data {
            NodeData::Entity(e) => e.kind.into(),
            NodeData::Statement(_) => NodeKind::Statement,
            NodeData::Document(_) => NodeKind::Document,
            NodeData::Claim(_) => NodeKind::Claim,
        }
    }

    /// A name to show: an entity's name, a statement's text, a document's
    /// path.
    pub fn name(&self) -> &str {
        match &self.data {
            NodeData::Entity(e) => &e.name,
            NodeData::Statement(s) => &s.text,
            NodeData::Document(d) => &d.path,
            NodeData::Claim(c) => &c.text,
        }
    }

    /// A short label: the name, with statements cut to about 60
    /// characters and documents to their file name.
    pub fn label(&self) -> String {
        match &self.data {
            NodeData::Entity(e) => e.name.clone(),
            NodeData::Statement(s) => shorten(&s.text, 60),
            NodeData::Claim(c) => shorten(&c.text, 60),
            NodeData::Document(d) => d
                .path
                .rsplit(['/', '\\'])
                .find(|p| !p.is_empty())
                .unwrap_or(&d.path)
                .to_string(),
        }
    }

    /// The entity, if it is one.
    pub fn entity(&self) -> Option<&EntityNode> {
        match &self.data {
            NodeData::Entity(e) => Some(e),
            _ => None,
        }
    }

    /// The statement, if it is one.
    pub fn statement(&self) -> Option<&StatementNode> {
        match &self.data {
            NodeData::Statement(s) => Some(s),
            _ => None,
        }
    }

    /// The claim, if it is one.
    pub fn claim(&self) -> Option<&ClaimNode> {
        match &self.data {
            NodeData::Claim(c) => Some(c),
            _ => None,
        }
    }

    /// The document, if it is one.
    pub fn document(&self) -> Option<&DocumentNode> {
        match &self.data {
            NodeData::Document(d) => Some(d),
            _ => None,
        }
    }
}

/// Cut `s` to at most `n` characters, ending in "…" when cut; whitespace
/// runs become one space.
pub fn shorten(s: &str, n: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let mut t: String = flat.chars().take(n.saturating_sub(1)).collect();
    t.truncate(t.trim_end().len());
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(path: &str) -> Node {
        Node {
            id: format!("document:{path}"),
            data: NodeData::Document(DocumentNode {
                path: path.into(),
                dateline: None,
                date: None,
                place: None,
                publisher: None,
            }),
        }
    }

    #[test]
    fn kinds_name_themselves_in_lower_and_capitalized_case() {
        let lower: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
        let label: Vec<&str> = NodeKind::ALL.iter().map(|k| k.label()).collect();
        assert_eq!(
            lower,
            [
                "person",
                "organization",
                "place",
                "statement",
                "document",
                "claim"
            ]
        );
        assert_eq!(
            label,
            [
                "Person",
                "Organization",
                "Place",
                "Statement",
                "Document",
                "Claim"
            ]
        );
        assert_eq!(NodeKind::from(EntityKind::Place), NodeKind::Place);
        assert!(!NodeKind::Statement.is_entity());
    }

    #[test]
    fn nodes_are_no_bigger_than_a_statement_with_shared_strings() {
        // a statement's short strings are thin shared pointers (8 bytes,
        // not 24 plus a heap copy); every node is as big as the biggest
        // kind, so the few claims are boxed
        assert!(
            std::mem::size_of::<Node>() <= 152,
            "{}",
            std::mem::size_of::<Node>()
        );
    }

    #[test]
    fn document_labels_are_file_names() {
        assert_eq!(document("data/articles/a.txt").label(), "a.txt");
        assert_eq!(document("dir\\b.txt").label(), "b.txt");
        assert_eq!(document("-").label(), "-");
        assert_eq!(
            document("data/articles/a.txt").name(),
            "data/articles/a.txt"
        );
    }
}
