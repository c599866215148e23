//! Unit tests of the phrase finder: made-up sentences and the phrases
//! found in them, with their kinds.

use super::{MentionKind, Phrases};
use crate::lexicon::Lexicon;
use crate::token::{tokenize, Token};

/// The phrases found in `text` around its first `word`: by
/// [`Phrases::np_left`] ending before it (`left`) or by
/// [`Phrases::np_right`] starting at it (`right`), as the phrase's text,
/// its kind and the text of its name.
struct Doc {
    text: String,
    lex: Lexicon,
    toks: Vec<Token>,
}

type Found = Option<(String, MentionKind, Option<String>)>;

impl Doc {
    fn new(text: impl Into<String>) -> Doc {
        let text = text.into();
        let lex = Lexicon::embedded();
        let toks = tokenize(&text, &lex);
        Doc { text, lex, toks }
    }

    fn at(&self, word: &str) -> usize {
        self.toks
            .iter()
            .position(|t| t.span.slice(&self.text) == word)
            .unwrap_or_else(|| panic!("no {word:?} in {:?}", self.text))
    }

    fn show(&self, np: Option<super::Np>) -> Found {
        let slice = |s: usize, e: usize| {
            self.text[self.toks[s].span.start..self.toks[e - 1].span.end].to_string()
        };
        np.map(|np| {
            let name = np.name.map(|(s, e)| slice(s, e));
            (slice(np.start, np.end), np.kind, name)
        })
    }

    fn phrases(&self) -> Phrases<'_> {
        Phrases {
            text: &self.text,
            toks: &self.toks,
            lex: &self.lex,
        }
    }

    fn left(&self, before: &str) -> Found {
        self.show(self.phrases().np_left(self.at(before), 0, 0))
    }

    fn right(&self, from: &str) -> Found {
        let len = self.toks.len();
        self.show(self.phrases().np_right(self.at(from), len, 0))
    }
}

fn found(text: &str, kind: MentionKind, name: Option<&str>) -> Found {
    Some((text.to_string(), kind, name.map(str::to_string)))
}

/// The phrase found before "said" in "Then PHRASE said it.".
fn subject(phrase: &str) -> Found {
    Doc::new(format!("Then {phrase} said it.")).left("said")
}

/// Titles and demonyms before a name belong to the phrase, not to the
/// name; initials and joiners do.
#[test]
fn names_with_what_comes_before_them() {
    for (phrase, name) in [
        ("Norwegian foreign minister Amara Osei", "Amara Osei"),
        ("Anna K. Berg", "Anna K. Berg"),
        ("Ludo van Berg", "Ludo van Berg"),
    ] {
        assert_eq!(
            subject(phrase),
            found(phrase, MentionKind::Name, Some(name))
        );
    }
}

/// Descriptions: a title or person noun with its modifiers, possessor
/// and of/for-phrase, and the quantities that stand for people in poll
/// reports.
#[test]
fn descriptions() {
    for phrase in [
        "the top Norwegian diplomat",
        "Anna Berg's spokesman",
        "the spokesman for Mayor Tom Ashby",
        "six in 10 Democratic voters",
        "more than half",
        "55 percent",
    ] {
        assert_eq!(
            subject(phrase),
            found(phrase, MentionKind::Description, None)
        );
    }
}

#[test]
fn pronouns_relatives_and_known_names() {
    let doc = Doc::new("Later he said that Berg, who said it first, had asked Reuters.");
    assert_eq!(doc.left("said"), found("he", MentionKind::Pronoun, None));
    assert_eq!(
        doc.right("Reuters"),
        found("Reuters", MentionKind::Org, Some("Reuters"))
    );
    let doc = Doc::new("Berg, who said it first, left.");
    assert_eq!(doc.left("said"), found("who", MentionKind::Relative, None));
    let norway = found("Norway", MentionKind::Place, Some("Norway"));
    assert_eq!(subject("Norway"), norway);
    // a capitalized run ending in an organization's head word
    let council = found("Harrow Council", MentionKind::Org, Some("Harrow Council"));
    assert_eq!(subject("Harrow Council"), council);
}

/// Phrases after a cue ("told X", "said X", "according to X").
#[test]
fn phrases_to_the_right() {
    let doc = Doc::new("Berg told reporters that it was said by Anna Berg, the mayor.");
    assert_eq!(
        doc.right("reporters"),
        found("reporters", MentionKind::Description, None)
    );
    assert_eq!(
        doc.right("Anna"),
        found("Anna Berg", MentionKind::Name, Some("Anna Berg"))
    );
    // a possessive is the determiner of a longer phrase
    let doc = Doc::new("It angered his supporters.");
    assert_eq!(
        doc.right("his"),
        found("his supporters", MentionKind::Description, None)
    );
    // but alone it is a pronoun
    let doc = Doc::new("It angered him.");
    assert_eq!(doc.right("him"), found("him", MentionKind::Pronoun, None));
}

/// A plural possessive's lone apostrophe joins the owner to the phrase
/// ("the workers' union"), as "'s" does.
#[test]
fn plural_possessives_own_the_phrase() {
    assert_eq!(
        Doc::new("Then the daycare workers' union said it.").left("said"),
        found("the daycare workers' union", MentionKind::Description, None)
    );
}

/// A sentence's first word that is no name alone ("New", "South") stays
/// in the phrase when it opens a known place of several words.
#[test]
fn a_known_place_at_the_sentence_start() {
    let doc = Doc::new("New Zealand Prime Minister Jo Bell said it.");
    let (phrase, _, _) = doc.left("said").expect("a phrase");
    assert_eq!(phrase, "New Zealand Prime Minister Jo Bell");
    let doc = Doc::new("South Dakota said it.");
    assert_eq!(
        doc.left("said"),
        found("South Dakota", MentionKind::Place, Some("South Dakota"))
    );
}
