//! In-document entity resolution: names, surnames, title-led descriptions,
//! pronouns and relative pronouns to people, organizations and places, with
//! the roles that appositions and pre-modifiers give them.
//!
//! Resolution walks the attributions in text order, so a description or a
//! pronoun can only refer back: "the top Russian diplomat" is the most
//! recently mentioned person holding a title that a diplomat may be (a
//! foreign minister) of Russia; "He" is the most recent compatible speaker.

use std::collections::HashMap;

use crate::lexicon::{flags, lists, Lexicon, MultiTarget};
use crate::mention::{MentionKind, Np};
use crate::record::EntityKind;
use crate::span::Span;
use crate::token::Token;

/// Grammatical gender known for a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / him
    Male,
    /// she / her
    Female,
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
    /// Byte positions where it spoke.
    pub spoke_at: Vec<usize>,
    /// Known only from the prescan of names (never met by an attribution
    /// or a role): not linked as a content mention unless titled.
    pub prescanned_only: bool,
}

/// Resolves mentions to entities for one document.
pub struct Resolver<'a> {
    text: &'a str,
    toks: &'a [Token],
    lex: &'a Lexicon,
    /// Entities so far.
    pub entities: Vec<Entity>,
    by_name: HashMap<String, usize>,
    /// Entities by each lowercase word of their name (first names and
    /// surnames), so a one-word mention finds its candidates without a
    /// scan of every entity: a superset, rechecked on use.
    by_part: HashMap<String, Vec<usize>>,
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
    heads: HashMap<String, Vec<u32>>,
    /// Every description head met in a role title (lowercase), numbered.
    head_ids: HashMap<String, u32>,
    buf: String,
}

/// What a recency set holds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Group {
    /// Entities holding a role that a description headed by this word
    /// may name: "minister" for a "foreign minister", and the heads the
    /// titles lexicon says the title implies ("diplomat"). The word is
    /// an id from `Resolver::head_ids`, so a group is hashed without a
    /// string.
    Head(u32),
    /// People with a role of this entity (a place or an owner): read
    /// together with a `Head` group for "the Kenyan minister", "the
    /// minister of Kenya". Apart, so a person is in heads + owners
    /// groups, not heads × owners.
    Owner(usize),
    /// Organizations that have spoken ("it", "they").
    SpeakingOrg,
}

/// Entities of each group ordered by their latest mention, kept up to
/// date as mentions arrive, so "the most recently mentioned person who is
/// a minister" reads the newest member first instead of scanning every
/// entity of the document (which made huge documents quadratic).
#[derive(Default)]
struct Recency {
    /// The id of each group's log.
    ids: HashMap<Group, usize>,
    /// Per group id, (latest mention, entity) in ascending order. A
    /// mention appends the entity again rather than moving it (a tree
    /// move per mention cost more than the rest of resolution), so older
    /// entries go stale: an entry is current when its position is the
    /// entity's latest. Stale entries are swept once they outnumber the
    /// rest.
    logs: Vec<Vec<(usize, usize)>>,
    /// Entries in each log, current ones.
    live: Vec<usize>,
    /// The group ids of each entity (by index).
    groups: Vec<Vec<usize>>,
}

impl Recency {
    /// Put entity `e`, last seen at `last_seen`, into `group`.
    fn join(&mut self, e: usize, last_seen: usize, group: Group) {
        let next = self.logs.len();
        let id = *self.ids.entry(group).or_insert(next);
        if id == next {
            self.logs.push(Vec::new());
            self.live.push(0);
        }
        if self.groups.len() <= e {
            self.groups.resize_with(e + 1, Vec::new);
        }
        if !self.groups[e].contains(&id) {
            insert_sorted(&mut self.logs[id], (last_seen, e));
            self.live[id] += 1;
            self.groups[e].push(id);
        }
    }

    /// Entity `e`'s latest mention moved to `ents[e].last_seen`.
    fn moved(&mut self, e: usize, ents: &[Entity]) {
        let Some(groups) = self.groups.get(e) else {
            return;
        };
        for &id in groups {
            let log = &mut self.logs[id];
            insert_sorted(log, (ents[e].last_seen, e));
            if log.len() > 2 * self.live[id] + 64 {
                log.retain(|&(p, x)| ents[x].last_seen == p);
            }
        }
    }

    /// Members of `group`, most recently seen first (ties: the later
    /// entity first, as `max_by_key` over all entities would pick).
    fn newest<'s>(&'s self, group: &Group, ents: &'s [Entity]) -> impl Iterator<Item = usize> + 's {
        self.ids.get(group).into_iter().flat_map(move |&id| {
            self.logs[id]
                .iter()
                .rev()
                .filter(|&&(p, e)| ents[e].last_seen == p)
                .map(|&(_, e)| e)
        })
    }
}

/// The items of `a` and `b` alternately (all of `a` when there is no
/// `b`), until one runs out.
fn either_in_turns(
    a: impl Iterator<Item = usize>,
    b: Option<impl Iterator<Item = usize>>,
) -> impl Iterator<Item = usize> {
    let mut a = a.fuse();
    let mut b = b.map(Iterator::fuse);
    let mut from_b = false;
    std::iter::from_fn(move || {
        let next = match (&mut b, from_b) {
            (Some(b), true) => b.next(),
            _ => a.next(),
        };
        if b.is_some() {
            from_b = !from_b;
        }
        next
    })
}

/// Insert into an ascending list that mostly grows at its end; equal
/// items are kept once.
fn insert_sorted(v: &mut Vec<(usize, usize)>, item: (usize, usize)) {
    if v.last().is_none_or(|&l| l < item) {
        v.push(item);
    } else if let Err(at) = v.binary_search(&item) {
        v.insert(at, item);
    }
}

/// `word.to_lowercase() == lower`, without allocating for ASCII words
/// (a surname is compared with every known namesake).
fn lower_eq(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
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
            by_name: HashMap::new(),
            by_part: HashMap::new(),
            seen_pre: Vec::new(),
            seen_res: Vec::new(),
            recency: Recency::default(),
            bounds,
            heads: HashMap::new(),
            head_ids: HashMap::new(),
            buf: String::new(),
        }
    }

    fn slice(&self, s: usize, e: usize) -> &'a str {
        Span::new(self.toks[s].span.start, self.toks[e - 1].span.end).slice(self.text)
    }

    /// The text of tokens `[s, e)` without an article in front ("the top
    /// Russian diplomat" → "top Russian diplomat").
    fn slice_without_article(&self, s: usize, e: usize) -> &'a str {
        let text = self.slice(s, e);
        let first = &self.toks[s];
        if first.in_list_or_capitalized(lists::ARTICLES, self.text) {
            if let Some(rest) = text[first.span.len()..].strip_prefix(' ') {
                return rest;
            }
        }
        text
    }

    fn key(s: &str) -> String {
        s.to_lowercase()
    }

    fn find_or_add(&mut self, kind: EntityKind, name: &str, outlet: bool) -> usize {
        let k = Self::key(name);
        if let Some(&i) = self.by_name.get(&k) {
            return i;
        }
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
            spoke_at: Vec::new(),
            prescanned_only: false,
        });
        self.by_name.insert(k, i);
        self.index_parts(i);
        i
    }

    fn index_parts(&mut self, i: usize) {
        for w in self.entities[i].name.split_whitespace() {
            // kept sorted, as a scan of all entities would meet them
            let v = self.by_part.entry(w.to_lowercase()).or_default();
            if let Err(at) = v.binary_search(&i) {
                v.insert(at, i);
            }
        }
    }

    /// Entities with `word` (lowercase) as a word of their name, maybe.
    fn with_part(&self, word: &str) -> &[usize] {
        self.by_part.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    fn alias(&mut self, e: usize, alias: &str) {
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

    fn touch(&mut self, e: usize, pos: usize) {
        let ent = &mut self.entities[e];
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
    fn seen_before(&self, pos: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
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

    /// Register the people named anywhere in the text (runs of two or
    /// more capitalized words that are not known places or organizations,
    /// and titled names like "Mayor Okafor"), so that a pronoun or a
    /// surname can refer to someone introduced outside an attribution.
    /// They are written out only if an attribution refers to them.
    pub fn prescan(&mut self, sentences: &[std::ops::Range<usize>]) {
        let ph = crate::mention::Phrases {
            text: self.text,
            toks: self.toks,
            lex: self.lex,
        };
        let mut buf = std::mem::take(&mut self.buf);
        for r in sentences {
            let mut k = r.start;
            while k < r.end {
                let t = &self.toks[k];
                if !t.cap || !ph.is_name_word(k, r.start) || t.has(flags::TITLE | flags::DEMONYM) {
                    k += 1;
                    continue;
                }
                if let Some((e, _)) = ph.multi_starting_at(k, r.end, &mut buf) {
                    k = e; // a known organization or place
                    continue;
                }
                let mut e = k + 1;
                while e < r.end && ph.is_name_word(e, usize::MAX) && !self.toks[e].has(flags::TITLE)
                {
                    e += 1;
                }
                let titled = k > r.start && self.toks[k - 1].has(flags::TITLE);
                let org = (k..e).any(|j| self.toks[j].has(flags::ORG_HEAD));
                if (e - k >= 2 || titled) && !org {
                    let name = self.slice(k, e).to_string();
                    let known = self.by_name.contains_key(&Self::key(&name));
                    let before = self.entities.len();
                    if let Some(ent) = self.name_entity_raw(k, e, MentionKind::Name, None) {
                        if ent >= before {
                            self.entities[ent].prescanned_only = true;
                        }
                        if self.entities[ent].kind == EntityKind::Person {
                            let mut s = k;
                            while s > r.start
                                && k - s < 5
                                && (self.toks[s - 1].has(flags::TITLE | flags::DEMONYM)
                                    || self.toks[s - 1].is_punct('-')
                                    || matches!(ph.known_single(s - 1), Some(MultiTarget::Place(_)))
                                    // "foreign" in "foreign minister"
                                    || (self.toks[s - 1].is_word() && !self.toks[s - 1].cap && self.toks[s].has(flags::TITLE) && !self.toks[s - 1].has(flags::DET | flags::PREP | flags::CONJ | flags::AUX | flags::CUE_VERB)))
                            {
                                s -= 1;
                            }
                            if s < k {
                                let used = self.entities[ent].used;
                                self.roles_from_modifiers(ent, s, k);
                                self.entities[ent].used = used;
                            }
                            self.entities[ent].seen.push(self.toks[k].span.start);
                            insert_sorted(&mut self.seen_pre, (self.toks[k].span.start, ent));
                        } else if !known {
                            // not a person after all: leave no trace
                        }
                    }
                }
                k = e;
            }
        }
        self.buf = buf;
        for en in &mut self.entities {
            en.seen.sort_unstable();
        }
    }

    /// The entity of a known lexicon organization or place.
    fn known(&mut self, target: MultiTarget) -> Option<usize> {
        match target {
            MultiTarget::Org(i) => {
                let o = &self.lex.orgs.organizations[i as usize];
                let (name, outlet) = (o.name.clone(), o.outlet);
                let e = self.find_or_add(EntityKind::Organization, &name, outlet);
                Some(e)
            }
            MultiTarget::Place(i) => {
                let name = self.lex.places.places[i as usize].name.clone();
                Some(self.find_or_add(EntityKind::Place, &name, false))
            }
            _ => None,
        }
    }

    /// The place entity of a demonym token.
    fn demonym_place(&mut self, t: usize) -> Option<usize> {
        let p = self.toks[t].demonym()?;
        let name = self.lex.places.places[p as usize].name.clone();
        Some(self.find_or_add(EntityKind::Place, &name, false))
    }

    /// Resolve a proper name (token range) to an entity, creating it.
    fn name_entity_raw(
        &mut self,
        s: usize,
        e: usize,
        kind_hint: MentionKind,
        known: Option<MultiTarget>,
    ) -> Option<usize> {
        if let Some(k) = known {
            if let Some(ent) = self.known(k) {
                let surface = self.slice(s, e);
                self.alias(ent, surface);
                return Some(ent);
            }
        }
        let name = self.slice(s, e).to_string();
        let key = Self::key(&name);
        if let Some(&i) = self.by_name.get(&key) {
            return Some(i);
        }
        // a surname or first name of a known person
        if e - s == 1 {
            let lower = name.to_lowercase();
            let best = self
                .with_part(&lower)
                .iter()
                .map(|&i| (i, &self.entities[i]))
                .filter(|(_, en)| en.kind == EntityKind::Person)
                .filter(|(_, en)| {
                    let mut parts = en.name.split_whitespace();
                    let first = parts.next();
                    let last = en.name.split_whitespace().last();
                    last.is_some_and(|l| l.eq_ignore_ascii_case(&name))
                        || (first.is_some_and(|f| f.eq_ignore_ascii_case(&name))
                            && en.name.contains(' '))
                })
                .max_by_key(|(_, en)| en.last_seen)
                .map(|(i, _)| i);
            if let Some(i) = best {
                self.alias(i, &name);
                return Some(i);
            }
        } else {
            // a longer form of a known single-word name: "Lavrov" seen
            // first, "Sergey Lavrov" later
            let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
            if let Some(&i) = self.by_name.get(&last) {
                if self.entities[i].kind == EntityKind::Person
                    && !self.entities[i].name.contains(' ')
                {
                    let old = std::mem::replace(&mut self.entities[i].name, name.clone());
                    self.alias(i, &old);
                    self.by_name.insert(key, i);
                    self.index_parts(i);
                    return Some(i);
                }
            }
        }
        let last_tok = &self.toks[e - 1];
        let kind = if kind_hint == MentionKind::Org || last_tok.has(flags::ORG_HEAD) {
            EntityKind::Organization
        } else if kind_hint == MentionKind::Place {
            EntityKind::Place
        } else {
            EntityKind::Person
        };
        let outlet = kind == EntityKind::Organization && last_tok.has(flags::OUTLET_NOUN);
        Some(self.find_or_add(kind, &name, outlet))
    }

    /// Resolve a name met by an attribution (not by the prescan): the
    /// entity is now referenced for real.
    fn name_entity(
        &mut self,
        s: usize,
        e: usize,
        kind_hint: MentionKind,
        known: Option<MultiTarget>,
    ) -> Option<usize> {
        let ent = self.name_entity_raw(s, e, kind_hint, known)?;
        self.entities[ent].prescanned_only = false;
        Some(ent)
    }

    /// Titles, demonyms and possessors before a name become roles.
    fn roles_from_modifiers(&mut self, ent: usize, from: usize, to: usize) {
        if self.entities[ent].kind != EntityKind::Person {
            return;
        }
        let mut of = None;
        let mut titles: Vec<(String, Option<u32>)> = Vec::new();
        let mut k = from;
        while k < to {
            let t = &self.toks[k];
            if t.in_list_as_written(lists::POSSESSIVES, self.text) {
                // possessor: everything before is the owner
                if let Some(owner) = self.mention_in(from, k) {
                    of = Some(owner);
                }
                titles.clear();
                k += 1;
                continue;
            }
            if t.demonym().is_some() {
                of = self.demonym_place(k);
                k += 1;
                continue;
            }
            // multi-word titles first ("foreign minister")
            let mut matched = false;
            let lists = self.toks[k].multi().map(|id| self.lex.multi_list(id));
            for mw in lists.unwrap_or(&[]) {
                if let MultiTarget::Title(ti) = mw.target {
                    let end = k + mw.words.len();
                    if end <= to
                        && (k..end)
                            .zip(mw.words.iter())
                            .all(|(j, mwd)| self.slice(j, j + 1).eq_ignore_ascii_case(mwd))
                    {
                        titles.push((mw.words.join(" "), Some(ti)));
                        k = end;
                        matched = true;
                        break;
                    }
                }
            }
            if matched {
                continue;
            }
            if let Some(ti) = t.title() {
                let te = &self.lex.titles.titles[ti as usize];
                if !te.honorific {
                    titles.push((te.title.clone(), Some(ti)));
                } else if let Some(g) = &te.gender {
                    self.entities[ent].gender = match g.as_str() {
                        "male" => Some(Gender::Male),
                        "female" => Some(Gender::Female),
                        _ => self.entities[ent].gender,
                    };
                }
            } else if t.is_word() && t.cap && !t.has(flags::DET) && titles.is_empty() {
                // "Kremlin spokesman", "the Business Insider editor": a
                // capitalized owner before the title, all of its words
                let mut j = k + 1;
                while j < to
                    && self.toks[j].is_word()
                    && self.toks[j].cap
                    && !self.toks[j].has(flags::TITLE | flags::DEMONYM | flags::DET)
                {
                    j += 1;
                }
                if let Some(o) = self.mention_in(k, j) {
                    // "the Rovers manager": an owner named after "the" is a
                    // team or body, not a person ("Smith's manager"), so a
                    // name taken for a person only because it had two
                    // capitalized words ("Harrow Rovers") is retyped
                    let after_the = k > from && self.slice(k - 1, k).eq_ignore_ascii_case("the");
                    let en = &mut self.entities[o];
                    if after_the
                        && en.kind == EntityKind::Person
                        && en.roles.is_empty()
                        && en.spoke == 0
                    {
                        en.kind = EntityKind::Organization;
                    }
                    of = Some(o);
                }
                k = j;
                continue;
            }
            k += 1;
        }
        // "US President-elect" keeps its -elect
        for (title, ti) in titles.iter().rev().take(1) {
            self.add_role(ent, title, of, *ti);
        }
    }

    fn add_role(&mut self, ent: usize, title: &str, of: Option<usize>, ti: Option<u32>) {
        let role = Role {
            title: title.to_string(),
            of,
        };
        if let Some(ti) = ti {
            if let Some(g) = &self.lex.titles.titles[ti as usize].gender {
                self.entities[ent].gender = match g.as_str() {
                    "male" => Some(Gender::Male),
                    "female" => Some(Gender::Female),
                    _ => None,
                };
            }
        }
        let e = ent;
        let ent = &mut self.entities[e];
        let new_owner = role
            .of
            .filter(|o| !ent.roles.iter().any(|r| r.of == Some(*o)));
        let new_title = if let Some(r) = ent.roles.iter_mut().find(|r| r.title == role.title) {
            if r.of.is_some() || role.of.is_none() {
                return;
            }
            r.of = role.of;
            None
        } else {
            ent.roles.push(role);
            Some(ent.roles.len() - 1)
        };
        self.join_role_groups(e, new_title, new_owner);
    }

    /// Put a person into the recency groups a new role gives it: the
    /// new title's heads and the new owner. Only what is new is joined,
    /// so an entity holding many roles costs no more per role.
    fn join_role_groups(&mut self, e: usize, new_title: Option<usize>, new_owner: Option<usize>) {
        let last_seen = self.entities[e].last_seen;
        if let Some(r) = new_title {
            let title = self.entities[e].roles[r].title.clone();
            for h in self.heads_of(&title).to_vec() {
                self.recency.join(e, last_seen, Group::Head(h));
            }
        }
        if let Some(o) = new_owner {
            self.recency.join(e, last_seen, Group::Owner(o));
        }
    }

    /// Every description head that `title_matches` accepts for a role
    /// title: the title, its last word, and what the lexicon says it
    /// implies (memoized: the lexicon scan runs once per title).
    fn heads_of(&mut self, role_title: &str) -> &[u32] {
        if !self.heads.contains_key(role_title) {
            let mut heads = vec![role_title.to_string()];
            if let Some((_, last)) = role_title.rsplit_once(' ') {
                heads.push(last.to_string());
            }
            for t in &self.lex.titles.titles {
                if t.title == role_title || t.forms.iter().any(|f| f == role_title) {
                    heads.extend(t.implies.iter().cloned());
                }
            }
            let mut ids: Vec<u32> = heads
                .into_iter()
                .map(|h| {
                    let next = self.head_ids.len() as u32;
                    *self.head_ids.entry(h).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            ids.dedup();
            self.heads.insert(role_title.to_string(), ids);
        }
        &self.heads[role_title]
    }

    /// A name-like mention inside a token range (for possessors and role
    /// owners).
    fn mention_in(&mut self, s: usize, e: usize) -> Option<usize> {
        let ph = crate::mention::Phrases {
            text: self.text,
            toks: self.toks,
            lex: self.lex,
        };
        let mut buf = std::mem::take(&mut self.buf);
        let mut found = None;
        for k in s..e {
            let lists = self.toks[k].multi().map(|id| self.lex.multi_list(id));
            for mw in lists.unwrap_or(&[]) {
                // the whole entry, not just its first word: "The Harbour
                // Gazette" is not "the Taliban"
                if matches!(mw.target, MultiTarget::Org(_) | MultiTarget::Place(_))
                    && k + mw.words.len() <= e
                    && ph.words_match(k, &mw.words, &mut buf)
                {
                    found = Some((k, k + mw.words.len(), Some(mw.target)));
                }
            }
        }
        self.buf = buf;
        if let Some((a, b, t)) = found {
            return self.name_entity(a, b, MentionKind::Org, t);
        }
        // the capitalized run ending at e
        let mut a = e;
        while a > s
            && self.toks[a - 1].cap
            && self.toks[a - 1].is_word()
            && !self.toks[a - 1].has(flags::TITLE | flags::DEMONYM | flags::DET)
        {
            a -= 1;
        }
        if a < e {
            return self.name_entity(a, e, MentionKind::Name, None);
        }
        None
    }

    /// Whether a description headed by `head` (an id of `head_ids`) may
    /// name the holder of a role titled `role_title`: the title itself,
    /// its last word, or a head the titles lexicon says it implies.
    fn title_matches(&self, role_title: &str, head: u32) -> bool {
        // every role title went through `heads_of` when it was added
        self.heads
            .get(role_title)
            .is_some_and(|hs| hs.contains(&head))
    }

    /// Resolve a phrase; `pos` is its byte position, `speaker` whether it
    /// is a speaker (pronouns prefer earlier speakers).
    pub fn resolve(&mut self, np: &Np, pos: usize, speaker: bool) -> Option<usize> {
        let e = match np.kind {
            MentionKind::Name | MentionKind::Org | MentionKind::Place => {
                let (s, e) = np.name.unwrap_or((np.start, np.end));
                // "Economists estimated …", "Polls suggest …": a generic
                // noun capitalized by its place, not a name
                if np.kind == MentionKind::Name
                    && e == s + 1
                    && np.known.is_none()
                    && self.toks[s].has(flags::PERSON_NOUN)
                    && !self.toks[s].has(flags::TITLE)
                {
                    return None;
                }
                // "the French newspaper Le Monde": an outlet noun before
                // the name says what kind of thing it names
                let outlet_head = np.kind == MentionKind::Name
                    && np.start < s
                    && self.toks[s - 1].has(flags::OUTLET_NOUN);
                let kind = if outlet_head {
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
            MentionKind::Pronoun => self.pronoun(np, pos),
            MentionKind::Relative => self.relative(np, pos),
            MentionKind::Description => self.description(np),
        }?;
        self.touch(e, pos);
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

    fn pronoun(&mut self, np: &Np, pos: usize) -> Option<usize> {
        let p = self.toks[np.head].pronoun()?;
        let pe = &self.lex.pronouns.pronouns[p as usize];
        let want = match pe.gender.as_str() {
            "male" => Some(Some(Gender::Male)),
            "female" => Some(Some(Gender::Female)),
            _ => None,
        };
        let person = want.is_some();
        if !(person || self.toks[np.head].in_list(lists::ORGANIZATION_PRONOUNS)) {
            return None; // I, we, you: the author or the quoted speaker
        }
        let best = if person {
            let g = want.flatten();
            // a recent speaker first (within about a paragraph), else the
            // most recently mentioned compatible person: walking back over
            // the mentions before `pos`, an entity's first appearance is
            // its latest mention, and every recent speaker appears within
            // the paragraph window (speaking is a mention)
            let fits = |en: &Entity| {
                en.kind == EntityKind::Person && (en.gender.is_none() || en.gender == g)
            };
            let mut latest = None;
            let mut walked = 0;
            let mut found = None;
            for (p, i) in self.seen_before(pos) {
                let in_window = pos - p < 700;
                if !in_window && latest.is_some() {
                    break;
                }
                // a pronoun refers back a few pages at most
                walked += 1;
                if walked > 20_000 {
                    break;
                }
                let en = &self.entities[i];
                if !fits(en) {
                    continue;
                }
                latest.get_or_insert(i);
                // spoke_at is sorted: the first time after pos - 700
                let from = en.spoke_at.partition_point(|&q| q + 700 <= pos);
                if en.spoke_at.get(from).is_some_and(|&q| q < pos) {
                    found = Some(i);
                    break;
                }
            }
            found.or(latest)
        } else {
            // the most recent organization that has spoken, mentioned
            // before the pronoun
            self.recency
                .newest(&Group::SpeakingOrg, &self.entities)
                .find(|&i| self.entities[i].seen.iter().any(|&p| p < pos))
        }?;
        if let Some(g) = want.flatten() {
            self.entities[best].gender.get_or_insert(g);
        }
        Some(best)
    }

    fn relative(&mut self, np: &Np, pos: usize) -> Option<usize> {
        // ", who said": the phrase before the comma
        let mut k = np.start;
        if k > 0 && self.toks[k - 1].is_punct(',') {
            k -= 1;
        }
        let ph = crate::mention::Phrases {
            text: self.text,
            toks: self.toks,
            lex: self.lex,
        };
        let lo = k.saturating_sub(12);
        let ante = ph.np_left(k, lo, lo)?;
        if ante.kind == MentionKind::Relative {
            return None;
        }
        self.resolve(&ante, pos, false)
    }

    fn description(&mut self, np: &Np) -> Option<usize> {
        let head_tok = &self.toks[np.head];
        let head = self.slice(np.head, np.head + 1).to_lowercase();
        // the demonym or owner in the description
        let mut place = None;
        let mut of_pp = None;
        for k in np.start..np.end {
            if self.toks[k].demonym().is_some() && k < np.head {
                place = self.demonym_place(k);
            }
            if k > np.head && of_pp.is_none() && self.toks[k].is_word() && self.toks[k].cap {
                of_pp = Some(k);
            }
        }
        let of_entity = match of_pp {
            Some(k) => {
                let ph = crate::mention::Phrases {
                    text: self.text,
                    toks: self.toks,
                    lex: self.lex,
                };
                ph.np_right(k, np.end, k)
                    .and_then(|n| self.resolve(&n, self.toks[k].span.start, false))
            }
            None => None,
        };
        let is_person_title = head_tok.has(flags::TITLE);
        if is_person_title {
            // the most recent person holding a matching title
            // candidates: people with a matching role, narrowed to those
            // with a role of the named place or owner
            // a head no role title has matches no one
            let best = self.head_ids.get(&head).copied().and_then(|h| {
                // both groups hold everyone who passes, newest first, so
                // the first to pass in either is the answer: read them in
                // turns and stop at the first
                let heads = self.recency.newest(&Group::Head(h), &self.entities);
                let owned = of_entity
                    .or(place)
                    .map(|o| self.recency.newest(&Group::Owner(o), &self.entities));
                let mut turns = either_in_turns(heads, owned);
                turns.find(|&i| {
                    let en = &self.entities[i];
                    en.kind == EntityKind::Person
                        && en.roles.iter().any(|r| {
                            self.title_matches(&r.title, h)
                                && place.is_none_or(|p| {
                                    r.of == Some(p) || en.roles.iter().any(|r2| r2.of == Some(p))
                                })
                                && of_entity.is_none_or(|o| r.of == Some(o))
                        })
                })
            });
            if let Some(i) = best {
                let alias = self.slice_without_article(np.start, np.end).to_string();
                self.alias(i, &alias);
                return Some(i);
            }
            if let Some(o) = of_entity {
                // "the top aide of Russian President Vladimir Putin": a
                // person known only by this description
                let name = self.slice_without_article(np.start, np.end).to_string();
                let e = self.find_or_add(EntityKind::Person, &name, false);
                let title = self
                    .slice_without_article(np.start, np.head + 1)
                    .to_lowercase();
                self.add_role(e, &title, Some(o), head_tok.title());
                return Some(e);
            }
            return None;
        }
        if head_tok.has(flags::OUTLET_NOUN) && np.end - np.start >= 2 {
            // "Russian state media", "the news agency"
            let name = self.slice_without_article(np.start, np.end).to_string();
            let e = self.find_or_add(EntityKind::Organization, &name, true);
            return Some(e);
        }
        None
    }

    /// The place entity named `name` (a dateline's place), marked used.
    pub fn place(&mut self, name: &str, pos: usize) -> usize {
        let e = self.find_or_add(EntityKind::Place, name, false);
        self.touch(e, pos);
        e
    }

    /// Entities named inside a byte span (content mentions): known
    /// organizations and places, and names of entities already known or
    /// introduced with a title.
    pub fn mentions_in(&mut self, span: Span, sent_starts: &[bool]) -> Vec<usize> {
        let std::ops::Range { start: lo, end: hi } = self.bounds.covering(span);
        let ph = crate::mention::Phrases {
            text: self.text,
            toks: self.toks,
            lex: self.lex,
        };
        let mut out = Vec::new();
        let mut k = lo;
        let mut buf = std::mem::take(&mut self.buf);
        while k < hi {
            let t = &self.toks[k];
            if !t.is_word() || !t.cap {
                k += 1;
                continue;
            }
            let ss = if sent_starts[k] { k } else { usize::MAX };
            if let Some((e, target)) = ph.multi_starting_at(k, hi, &mut buf) {
                if matches!(target, MultiTarget::Org(_) | MultiTarget::Place(_)) {
                    if let Some(ent) = self.known(target) {
                        self.touch(ent, t.span.start);
                        out.push(ent);
                    }
                    k = e;
                    continue;
                }
            }
            if !ph.is_name_word(k, ss)
                || t.has(flags::DEMONYM)
                || (t.has(flags::TITLE) && k + 1 < hi && self.toks[k + 1].cap)
            {
                // titles and demonyms before a name are not part of it
                k += 1;
                continue;
            }
            let mut e = k + 1;
            while e < hi && ph.is_name_word(e, usize::MAX) && !self.toks[e].has(flags::TITLE) {
                e += 1;
            }
            let titled = k > 0 && self.toks[k - 1].has(flags::TITLE);
            let name = self.slice(k, e).to_string();
            let linkable = |en: &Entity| !en.prescanned_only || !en.roles.is_empty();
            let known = self
                .by_name
                .get(&Self::key(&name))
                .copied()
                .filter(|&i| linkable(&self.entities[i]))
                .or_else(|| {
                    let last = name.split_whitespace().last().unwrap_or("").to_lowercase();
                    self.with_part(&last)
                        .iter()
                        .map(|&i| (i, &self.entities[i]))
                        .filter(|(_, en)| {
                            en.kind == EntityKind::Person
                                && linkable(en)
                                && en
                                    .name
                                    .split_whitespace()
                                    .last()
                                    .is_some_and(|l| lower_eq(l, &last))
                        })
                        .max_by_key(|(_, en)| en.last_seen)
                        .map(|(i, _)| i)
                });
            let ent = match known {
                Some(i) => Some(i),
                None if titled => {
                    let i = self.name_entity(k, e, MentionKind::Name, None);
                    if let Some(i) = i {
                        let mut s = k - 1;
                        while s > lo
                            && (self.toks[s - 1].has(flags::TITLE | flags::DEMONYM)
                                || self.toks[s - 1].is_punct('-')
                                || matches!(ph.known_single(s - 1), Some(MultiTarget::Place(_))))
                        {
                            s -= 1;
                        }
                        self.roles_from_modifiers(i, s, k);
                    }
                    i
                }
                None => None,
            };
            if let Some(i) = ent {
                self.touch(i, t.span.start);
                out.push(i);
            }
            k = e;
        }
        self.buf = buf;
        let mut seen = Vec::new();
        out.retain(|e| {
            if seen.contains(e) {
                false
            } else {
                seen.push(*e);
                true
            }
        });
        out
    }
}
