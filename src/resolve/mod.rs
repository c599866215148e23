//! In-document entity resolution: names, surnames, title-led descriptions,
//! pronouns and relative pronouns to people, organizations and places, with
//! the roles that appositions and pre-modifiers give them.
//!
//! Resolution walks the attributions in text order, so a description or a
//! pronoun can only refer back: "the top Russian diplomat" is the most
//! recently mentioned person holding a title that a diplomat may be (a
//! foreign minister) of Russia; "He" is the most recent compatible speaker.

use std::collections::HashMap;

use crate::lexicon::{flags, lists, with_lower, FastHash, Lexicon, MultiTarget};
use crate::mention::{MentionKind, Np, Phrases};
use crate::record::EntityKind;
use crate::span::Span;
use crate::token::Token;

mod kinds;
mod names;
mod recency;
mod refer;
mod roles;
#[cfg(test)]
mod tests;

use recency::{insert_sorted, Group, Recency};
pub(crate) use refer::relink_gendered;

/// What a capitalized phrase's words say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// A proper name.
    Name,
    /// Nothing: a word capitalized only by its place ("Perhaps", a
    /// headline's "Success").
    None,
    /// People described, not named: "Officials", "Demonstrators",
    /// "many Mexicans".
    Group,
    /// Titles only ("Senator", "the Rev."): a description of whoever
    /// holds the title.
    Title,
}

/// Grammatical gender known for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / him
    Male,
    /// she / her
    Female,
}

impl Gender {
    /// The gender a lexicon entry writes ("male", "female"; anything else
    /// tells none).
    fn from_lexicon(word: &str) -> Option<Gender> {
        match word {
            "male" => Some(Gender::Male),
            "female" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A role: a title, optionally of another entity (index).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Lowercase title ("foreign minister").
    pub title: String,
    /// Index of the entity the title is of.
    pub of: Option<usize>,
}

/// An entity of one document.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Person, organization or place.
    pub kind: EntityKind,
    /// Canonical name.
    pub name: String,
    /// Other names and descriptions.
    pub aliases: Vec<String>,
    /// Titles held.
    pub roles: Vec<Role>,
    /// A news outlet.
    pub outlet: bool,
    /// Gender, when a title or pronoun tells.
    pub gender: Option<Gender>,
    /// Byte position of the latest mention.
    pub last_seen: usize,
    /// Times it was a speaker.
    pub spoke: usize,
    /// Referenced from the output (speaker, source, addressee, mention,
    /// role target).
    pub used: bool,
    /// Byte positions of every mention seen, in order.
    pub seen: Vec<usize>,
    /// Byte spans of its mentions (names, pronouns, descriptions), in
    /// the order met; sorted and deduplicated on output.
    pub spans: Vec<Span>,
    /// Byte positions where it spoke.
    pub spoke_at: Vec<usize>,
    /// Known only from the prescan of names (never met by an attribution
    /// or a role): not linked as a content mention unless titled.
    pub prescanned_only: bool,
    /// Known by no proper name: a first- or second-person pronoun ("I",
    /// "we", "you") or a description of people ("the teachers",
    /// "officials"). Written out, but never a graph node.
    pub unnamed: bool,
}

/// Resolves mentions to entities for one document.
pub struct Resolver<'a> {
    text: &'a str,
    toks: &'a [Token],
    lex: &'a Lexicon,
    /// Entities so far.
    pub entities: Vec<Entity>,
    by_name: HashMap<String, usize, FastHash>,
    /// Entities by each lowercase word of their name (first names and
    /// surnames), so a one-word mention finds its candidates without a
    /// scan of every entity: a superset, rechecked on use.
    by_part: HashMap<String, Vec<usize>, FastHash>,
    /// Every (mention position, entity), sorted and unique, so a pronoun
    /// walks back from its position to the nearest candidates instead of
    /// scanning every entity. Two sorted lists: the prescan's names (all
    /// of the document, pushed in order) and the mentions met while
    /// resolving (in text order but for a sentence's content before its
    /// cue, so inserting is a push or a short move at the end). One list
    /// would make every insert move the rest of the document: quadratic.
    seen_pre: Vec<(usize, usize)>,
    seen_res: Vec<(usize, usize)>,
    /// "The most recently mentioned X" for descriptions and "it"/"they".
    recency: Recency,
    /// Token bounds, to find the tokens of a content span.
    bounds: &'a crate::token::Bounds,
    /// Description heads per role title (see `heads_of`), as ids of
    /// `head_ids`.
    heads: HashMap<String, Vec<u32>, FastHash>,
    /// Every description head met in a role title (lowercase), numbered.
    head_ids: HashMap<String, u32, FastHash>,
    /// Hashes of the lowercase words written capitalized somewhere other
    /// than at a sentence's start: a word capitalized only where every
    /// word is ("Officials said", "Perhaps") has no evidence of a name.
    cap_mid: std::collections::HashSet<u64, FastHash>,
    /// Token indices where a sentence's first word is.
    first_words: Vec<usize>,
    /// Token ranges of headline-like lines (a line of its own in Title
    /// Case or capitals: a headline, a subhead): the names there make no
    /// entity of their own, they only refer to people the body names.
    headlines: Vec<std::ops::Range<usize>>,
    /// Byte spans inside quotation marks, in order: a first person
    /// there is the quoted speaker, not the writer.
    quoted: Vec<Span>,
    buf: String,
}

impl<'a> Resolver<'a> {
    /// A resolver over one document's tokens; `bounds` are their bounds
    /// (built once per document and shared with the rules).
    pub fn new(
        text: &'a str,
        toks: &'a [Token],
        bounds: &'a crate::token::Bounds,
        lex: &'a Lexicon,
    ) -> Resolver<'a> {
        Resolver {
            text,
            toks,
            lex,
            entities: Vec::new(),
            by_name: HashMap::default(),
            by_part: HashMap::default(),
            seen_pre: Vec::new(),
            seen_res: Vec::new(),
            recency: Recency::default(),
            bounds,
            heads: HashMap::default(),
            head_ids: HashMap::default(),
            quoted: Vec::new(),
            cap_mid: Default::default(),
            first_words: Vec::new(),
            headlines: Vec::new(),
            buf: String::new(),
        }
    }

    pub(super) fn slice(&self, s: usize, e: usize) -> &'a str {
        Span::new(self.toks[s].span.start, self.toks[e - 1].span.end).slice(self.text)
    }

    /// The text of tokens `[s, e)` without an article in front ("the top
    /// Russian diplomat" → "top Russian diplomat").
    pub(super) fn slice_without_article(&self, s: usize, e: usize) -> &'a str {
        let text = self.slice(s, e);
        let first = &self.toks[s];
        if first.in_list_or_capitalized(lists::ARTICLES, self.text) {
            if let Some(rest) = text[first.span.len()..].strip_prefix(' ') {
                return rest;
            }
        }
        text
    }

    /// The lookup form of a name or name word: lowercase, with a
    /// typographic apostrophe written as a straight one, so "O’Neill" and
    /// "O'Neill" are one name.
    pub(super) fn key(s: &str) -> String {
        let lower = s.to_lowercase();
        if lower.contains(['\u{2019}', '\u{02bc}']) {
            lower.replace(['\u{2019}', '\u{02bc}'], "'")
        } else {
            lower
        }
    }

    /// Call `f` with the lookup form of `s` ([`Resolver::key`]), without
    /// allocating for ASCII text: names are looked up far more often than
    /// added.
    pub(super) fn with_key<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
        if s.is_ascii() {
            with_lower(s, "", f)
        } else {
            f(&Self::key(s))
        }
    }

    pub(super) fn find_or_add(&mut self, kind: EntityKind, name: &str, outlet: bool) -> usize {
        if let Some(&i) = Self::with_key(name, |k| self.by_name.get(k)) {
            return i;
        }
        let k = Self::key(name);
        let i = self.entities.len();
        self.entities.push(Entity {
            kind,
            name: name.to_string(),
            aliases: Vec::new(),
            roles: Vec::new(),
            outlet,
            gender: None,
            last_seen: 0,
            spoke: 0,
            used: false,
            seen: Vec::new(),
            spans: Vec::new(),
            spoke_at: Vec::new(),
            prescanned_only: false,
            unnamed: false,
        });
        self.by_name.insert(k, i);
        self.index_parts(i);
        i
    }

    pub(super) fn index_parts(&mut self, i: usize) {
        for w in self.entities[i].name.split_whitespace() {
            // kept sorted, as a scan of all entities would meet them
            let known = Self::with_key(w, |k| {
                let v = self.by_part.get_mut(k)?;
                if let Err(at) = v.binary_search(&i) {
                    v.insert(at, i);
                }
                Some(())
            });
            if known.is_none() {
                self.by_part.insert(Self::key(w), vec![i]);
            }
        }
    }

    /// Entities with `word` (lowercase) as a word of their name, maybe.
    pub(super) fn with_part(&self, word: &str) -> &[usize] {
        self.by_part.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    pub(super) fn alias(&mut self, e: usize, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        let ent = &mut self.entities[e];
        if ent.name != alias && !ent.aliases.iter().any(|a| a == alias) {
            ent.aliases.push(alias.to_string());
        }
        self.by_name.entry(Self::key(alias)).or_insert(e);
    }

    /// Entity `e` is mentioned at byte `pos` by the words at `span`.
    pub(super) fn touch(&mut self, e: usize, pos: usize, span: Span) {
        let ent = &mut self.entities[e];
        ent.spans.push(span);
        let old = ent.last_seen;
        ent.last_seen = ent.last_seen.max(pos);
        ent.used = true;
        ent.seen.push(pos);
        if self.entities[e].last_seen != old {
            self.recency.moved(e, &self.entities);
        }
        insert_sorted(&mut self.seen_res, (pos, e));
    }

    /// The (position, entity) mentions before `pos`, latest first, each
    /// once.
    pub(super) fn seen_before(&self, pos: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        fn before(v: &[(usize, usize)], pos: usize) -> &[(usize, usize)] {
            &v[..v.partition_point(|&(p, _)| p < pos)]
        }
        let mut a = before(&self.seen_pre, pos).iter().rev().copied().peekable();
        let mut b = before(&self.seen_res, pos).iter().rev().copied().peekable();
        let mut last = None;
        std::iter::from_fn(move || loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x >= y => a.next(),
                (_, Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, None) => return None,
            };
            if next != last {
                last = next;
                return next;
            }
        })
    }

    /// Resolve a phrase; `pos` is its byte position, `speaker` whether it
    /// is a speaker (pronouns prefer earlier speakers).
    pub fn resolve(&mut self, np: &Np, pos: usize, speaker: bool) -> Option<usize> {
        let e = match np.kind {
            MentionKind::Name | MentionKind::Org | MentionKind::Place => {
                let (mut s, e) = np.name.unwrap_or((np.start, np.end));
                if np.known.is_none() && self.in_headline(s) {
                    let ent = self.known_in_headline(s, e)?;
                    return self.finish_resolve(ent, np, pos, speaker);
                }
                if np.kind == MentionKind::Name && np.known.is_none() {
                    s = self.skip_opening_word(s, e);
                    if self.owned_by_organization(np, s, e) {
                        return None;
                    }
                }
                let title_only = matches!(np.known, Some(MultiTarget::Title(_)));
                if np.kind == MentionKind::Name && (np.known.is_none() || title_only) {
                    match self.name_evidence(np, s, e) {
                        Evidence::Name => {}
                        Evidence::None => return None,
                        Evidence::Group => {
                            let head = self.slice(np.head, np.head + 1).to_lowercase();
                            if self.lex.titles.thing_nouns.contains(&head) {
                                return None; // "Polls suggest …"
                            }
                            let d = Np::description(np.start, np.end, np.head);
                            let g = self.unnamed(&d, pos).or_else(|| {
                                let name = self.slice_without_article(np.start, np.end);
                                Some(self.unnamed_entity(EntityKind::Person, name))
                            })?;
                            return self.finish_resolve(g, np, pos, speaker);
                        }
                        Evidence::Title => {
                            let d = Np::description(np.start, np.end, np.head);
                            // "the Director-General said": whoever holds the
                            // titles, unnamed when no one named does
                            let compound = speaker && e == s + 1 && self.slice(s, e).contains('-');
                            let t = match self.description(&d) {
                                Some(t) => t,
                                None if compound => {
                                    let name =
                                        self.slice_without_article(np.start, np.end).to_string();
                                    self.unnamed_entity(EntityKind::Person, &name)
                                }
                                None => self.unnamed_holder(&d, pos, speaker)?,
                            };
                            return self.finish_resolve(t, np, pos, speaker);
                        }
                    }
                }
                // "the French newspaper Le Monde": an outlet noun before
                // the name says what kind of thing it names
                let outlet_head = np.kind == MentionKind::Name
                    && np.start < s
                    && self.toks[s - 1].has(flags::OUTLET_NOUN);
                // "energy company Western Power": so does an organization noun
                let org_head =
                    np.kind == MentionKind::Name && np.start < s && self.phrases().org_noun(s - 1);
                let kind = if outlet_head || org_head {
                    MentionKind::Org
                } else {
                    np.kind
                };
                let guessed = outlet_head
                    && self
                        .by_name
                        .get(&Self::key(self.slice(s, e)))
                        .is_some_and(|&i| self.entities[i].prescanned_only);
                let ent = self.name_entity(s, e, kind, np.known)?;
                if outlet_head && (guessed || self.entities[ent].kind == EntityKind::Organization) {
                    // the prescan took any two capitalized words for a
                    // person; the outlet noun says otherwise
                    let en = &mut self.entities[ent];
                    en.kind = EntityKind::Organization;
                    en.outlet = true;
                }
                if np.start < s {
                    self.roles_from_modifiers(ent, np.start, s);
                }
                Some(ent)
            }
            MentionKind::Pronoun => self.pronoun(np, pos).or_else(|| self.unnamed(np, pos)),
            MentionKind::Relative => self.relative(np, pos),
            MentionKind::Description => self
                .description(np)
                .or_else(|| self.unnamed(np, pos))
                .or_else(|| self.unnamed_holder(np, pos, speaker)),
        }?;
        self.finish_resolve(e, np, pos, speaker)
    }

    /// Record that `np` at `pos` refers to entity `e` (a speaker when
    /// `speaker`), and return it.
    fn finish_resolve(&mut self, e: usize, np: &Np, pos: usize, speaker: bool) -> Option<usize> {
        self.touch(e, pos, np.span(self.toks));
        if speaker {
            let en = &mut self.entities[e];
            en.spoke += 1;
            // kept sorted: a pronoun asks whether it spoke just before
            let at = en.spoke_at.partition_point(|&q| q <= pos);
            en.spoke_at.insert(at, pos);
            if en.kind == EntityKind::Organization {
                let last_seen = en.last_seen;
                self.recency.join(e, last_seen, Group::SpeakingOrg);
            }
        }
        Some(e)
    }

    /// Is the one-word name at tokens `[s, e)` something an organization
    /// has, named after its possessive ("ABC Radio National's Breakfast",
    /// a programme), and not known as anyone's name?
    fn owned_by_organization(&self, np: &Np, s: usize, e: usize) -> bool {
        if e != s + 1 || s < np.start + 2 {
            return false;
        }
        let possessive = self.toks[s - 1].in_list_as_written(lists::POSSESSIVES, self.text);
        let org = (np.start..s - 1).any(|k| {
            let t = &self.toks[k];
            t.has(flags::ORG_HEAD | flags::OUTLET_NOUN)
                || (t.is_word() && names::org_spelling(t.span.slice(self.text)))
        });
        possessive && org && !Self::with_key(self.slice(s, e), |k| self.by_name.contains_key(k))
    }

    /// What the words `[s, e)` of a capitalized phrase are evidence of.
    fn name_evidence(&self, np: &Np, s: usize, e: usize) -> Evidence {
        let toks = &self.toks[s..e];
        let honorific = |t: &Token| {
            t.title()
                .is_some_and(|ti| self.lex.titles.titles[ti as usize].honorific)
        };
        // "Mr. King": after an honorific comes a name, whatever its words
        let named = toks[..toks.len() - 1].iter().any(honorific);
        if !named
            && toks
                .iter()
                .all(|t| t.has(flags::TITLE) || !t.is_word() || t.is_punct('.'))
        {
            return Evidence::Title;
        }
        // "Finance Minister", "Home Secretary": one multi-word title
        if !named && e > s + 1 && self.title_phrase(s, e) {
            return Evidence::Title;
        }
        if e != s + 1 {
            // "Conservative Christians", "Young Democrats": a plural noun of
            // people (or a demonym) after capitalized modifiers is a group
            let last = &self.toks[e - 1];
            let w = self.slice(e - 1, e);
            let plural = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
            let people = last.has(flags::PERSON_NOUN | flags::DEMONYM) && !last.has(flags::TITLE);
            // not a body named by its members ("the National Council of
            // Hospital Executives")
            let body = toks
                .iter()
                .any(|t| t.has(flags::ORG_HEAD) || t.is_word() && t.span.slice(self.text) == "of");
            if !named && plural && !body && (people || self.plural_of_people(w)) {
                return Evidence::Group;
            }
            // "Army Capt", "Acme CEO": a body and a title, with no given
            // name, describe whoever holds the title
            let title_last = last.has(flags::TITLE) || self.lex.is_title_word(w);
            let given = toks[..toks.len() - 1]
                .iter()
                .any(|t| t.is_word() && self.lex.is_given_name(t.span.slice(self.text)));
            if !named && title_last && !given && !last.has(flags::GIVEN_NAME) {
                return Evidence::Title;
            }
            return Evidence::Name;
        }
        let t = &self.toks[s];
        let word = self.slice(s, e);
        if Self::with_key(word, |k| self.by_name.contains_key(k)) {
            return Evidence::Name;
        }
        // "Figure 1.2", "Paragraph 4", "Table 2": a label and its number
        if self
            .toks
            .get(e)
            .is_some_and(|n| n.kind == crate::token::TokKind::Number)
        {
            return Evidence::None;
        }
        // "Mexicans", "the American": people described by a demonym
        if t.has(flags::DEMONYM) {
            return Evidence::Group;
        }
        // "Economists estimated …": a generic noun capitalized by its
        // place, not a name
        if t.has(flags::PERSON_NOUN) && !t.has(flags::TITLE) || self.plural_of_people(word) {
            return Evidence::Group;
        }
        // "the Director-General": a compound of titles names no one
        if word.contains('-') && self.title_compound(word) {
            return Evidence::Title;
        }
        let first = self.first_words.binary_search(&s).is_ok()
            || np.start < s && self.first_words.binary_search(&np.start).is_ok();
        let acronym = names::org_spelling(word);
        if first && !acronym && !self.cap_mid.contains(&names::word_hash(word)) {
            let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
            if plural {
                return Evidence::Group;
            }
            // "Perhaps", "Furthermore", a headline's "Correction": nothing
            // but its place capitalizes it
            return Evidence::None;
        }
        Evidence::Name
    }

    /// Is `word` the plural of a noun of people ("Mourners" from a
    /// listed "mourner", "CEOs", "Rabbis") or of a place's people
    /// ("Nevadans", "Ohioans": a known place and "-ns" or "-ans")? A
    /// group described, not a name. Not a plural of an honorific, nor a
    /// surname that ends in "s" ("Adams", "Sanders": their stems name
    /// no people).
    fn plural_of_people(&self, word: &str) -> bool {
        let Some(stem) = word.strip_suffix('s') else {
            return false;
        };
        if stem.chars().count() < 3 || stem.ends_with('s') {
            return false;
        }
        let lower = stem.to_lowercase();
        let people = self.lex.lookup(&lower).is_some_and(|i| {
            i.flags & (flags::PERSON_NOUN | flags::DEMONYM | flags::TITLE) != 0
                && i.flags & flags::HONORIFIC == 0
        });
        let place = |w: &str| {
            self.lex
                .multi(w)
                .iter()
                .any(|m| m.words.len() == 1 && matches!(m.target, MultiTarget::Place(_)))
        };
        let place_people = lower.strip_suffix('n').is_some_and(&place)
            || lower.strip_suffix("an").is_some_and(place);
        people || place_people
    }

    /// Is every hyphenated part of `word` a title ("Director-General",
    /// "Secretary-General")?
    fn title_compound(&self, word: &str) -> bool {
        word.split('-').all(|p| {
            !p.is_empty()
                && self
                    .lex
                    .lookup(&p.to_lowercase())
                    .is_some_and(|i| i.flags & flags::TITLE != 0)
        })
    }

    /// Are the tokens `[s, e)` titles only, one of them multi-word
    /// ("Finance Minister", "Deputy Health Secretary")?
    fn title_phrase(&self, s: usize, e: usize) -> bool {
        let ph = self.phrases();
        let mut buf = String::new();
        let mut end = e;
        while end > s {
            match ph.multi_ending_at(end, s, &mut buf) {
                Some((start, MultiTarget::Title(_))) => end = start,
                _ if self.toks[end - 1].has(flags::TITLE) => end -= 1,
                _ => return false,
            }
        }
        true
    }

    /// The byte spans inside quotation marks (in text order), so that a
    /// first person inside a quote is not taken for the writer.
    pub fn set_quoted(&mut self, spans: Vec<Span>) {
        self.quoted = spans;
    }

    /// Whether byte `pos` lies inside a quotation.
    pub(super) fn in_quote(&self, pos: usize) -> bool {
        let i = self.quoted.partition_point(|s| s.start <= pos);
        i > 0 && pos < self.quoted[i - 1].end
    }

    /// The place entity named `name` (a dateline's place, written at
    /// `span`), marked used.
    pub fn place(&mut self, name: &str, span: Span) -> usize {
        let e = self.find_or_add(EntityKind::Place, name, false);
        self.touch(e, span.start, span);
        e
    }

    /// The noun-phrase finder over this document.
    pub(super) fn phrases(&self) -> Phrases<'a> {
        Phrases {
            text: self.text,
            toks: self.toks,
            lex: self.lex,
        }
    }
}
