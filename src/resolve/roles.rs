//! Roles: the titles, demonyms and owners before a name, and which
//! descriptions a role title lets refer to its holder.

use crate::lexicon::{flags, lists, MultiTarget, MultiWord};
use crate::mention::MentionKind;
use crate::record::EntityKind;

use super::recency::Group;
use super::{Gender, Resolver, Role};

impl<'a> Resolver<'a> {
    /// Titles, demonyms and possessors before a name become roles.
    pub(super) fn roles_from_modifiers(&mut self, ent: usize, from: usize, to: usize) {
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
                if let Some(owner) = self.mention_in(from, k, MentionKind::Name) {
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
            if let Some((mw, ti)) = self.multi_title(k, to) {
                titles.push((mw.words.join(" "), Some(ti)));
                k += mw.words.len();
                continue;
            }
            if let Some(ti) = t.title() {
                let te = &self.lex.titles.titles[ti as usize];
                if !te.honorific {
                    titles.push((te.title.clone(), Some(ti)));
                } else if let Some(g) = &te.gender {
                    let known = self.entities[ent].gender;
                    self.entities[ent].gender = Gender::from_lexicon(g).or(known);
                }
            } else if t.is_word() && t.cap && !t.has(flags::DET) && titles.is_empty() {
                // "Kremlin spokesman", "the Business Insider editor": a
                // capitalized owner before the title, all of its words
                let mut j = k + 1;
                // ... up to a title of one word or more ("Acme Managing
                // Director": the owner is "Acme")
                while j < to
                    && self.toks[j].is_word()
                    && self.toks[j].cap
                    && !self.toks[j].has(flags::TITLE | flags::DEMONYM | flags::DET)
                    && self.multi_title(j, to).is_none()
                {
                    j += 1;
                }
                // an adjective of the holder is no owner ("Former Gov.",
                // "Local shop owner")
                let opening = (j == k + 1
                    && (t.in_list_or_capitalized(lists::TITLE_MODIFIERS, self.text)
                        || self.common_opening_word(k)
                        || self.portfolio(k, j)))
                    || self.cabinet_portfolio(k, j);
                // an owner named by its capitals alone, not a possessive, is
                // a body ("Kremlin spokesman", "Republican Sen."): a person
                // it is only if already known as one
                let owner = if opening {
                    None
                } else {
                    self.mention_in(k, j, MentionKind::Org)
                };
                if let Some(o) = owner {
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

    /// The multi-word title starting at token `k` and ending by `to`
    /// ("foreign minister", "managing director"): its entry and title index.
    pub(super) fn multi_title(&self, k: usize, to: usize) -> Option<(&'a MultiWord, u32)> {
        let lex: &'a crate::lexicon::Lexicon = self.lex;
        let lists = self.toks[k].multi().map(|id| lex.multi_list(id));
        lists.unwrap_or(&[]).iter().find_map(|mw| {
            let MultiTarget::Title(ti) = mw.target else {
                return None;
            };
            let end = k + mw.words.len();
            let all = end <= to
                && (k..end)
                    .zip(mw.words.iter())
                    .all(|(j, mwd)| self.slice(j, j + 1).eq_ignore_ascii_case(mwd));
            all.then_some((mw, ti))
        })
    }

    /// Is token `k` a sentence's first word that is a common word, never
    /// capitalized inside a sentence, so only capitalized as the first
    /// word ("Union president Ann Roy", "Rider advocate Carlos Mena"): no
    /// owner of the title after it.
    fn common_opening_word(&self, k: usize) -> bool {
        let w = self.slice(k, k + 1);
        self.first_words.binary_search(&k).is_ok()
            && self.lex.is_common_word(w)
            && !self.cap_mid.contains(&super::names::word_hash(w))
    }

    /// Is the one capitalized word at `k`, before the title at `j`, a
    /// portfolio rather than the title's owner ("Families Minister",
    /// "Health Secretary"): a common word, no body's noun nor a known
    /// organization or place?
    fn portfolio(&self, k: usize, j: usize) -> bool {
        let t = &self.toks[k];
        self.toks
            .get(j)
            .is_some_and(|n| n.in_list(lists::PORTFOLIO_TITLES))
            && self.lex.is_common_word(self.slice(k, k + 1))
            && !t.has(flags::ORG_HEAD | flags::OUTLET_NOUN | flags::DEMONYM)
            && self.phrases().known_single(k).is_none()
    }

    /// Are the two or more capitalized words `k..j`, before a cabinet
    /// title at `j`, one portfolio ("Local Government Minister", "Home
    /// Affairs Secretary"): each a common word, no outlet's noun, demonym
    /// nor known organization or place?
    fn cabinet_portfolio(&self, k: usize, j: usize) -> bool {
        j > k + 1
            && self
                .toks
                .get(j)
                .is_some_and(|n| n.in_list(lists::CABINET_TITLES))
            && (k..j).all(|m| {
                self.lex.is_common_word(self.slice(m, m + 1))
                    && !self.toks[m].has(flags::OUTLET_NOUN | flags::DEMONYM)
                    && self.phrases().known_single(m).is_none()
            })
    }

    pub(super) fn add_role(&mut self, ent: usize, title: &str, of: Option<usize>, ti: Option<u32>) {
        let role = Role {
            title: title.to_string(),
            of,
        };
        if let Some(ti) = ti {
            if let Some(g) = &self.lex.titles.titles[ti as usize].gender {
                self.entities[ent].gender = Gender::from_lexicon(g);
            }
        }
        let e = ent;
        let ent = &mut self.entities[e];
        let new_owner = role
            .of
            .filter(|o| !ent.roles.iter().any(|r| r.of == Some(*o)));
        // "secretary" and "health secretary" are one role: the more
        // specific title stays
        let specific = |longer: &str, shorter: &str| {
            longer.len() > shorter.len()
                && longer
                    .strip_suffix(shorter)
                    .is_some_and(|h| h.ends_with(' '))
        };
        let new_title = if let Some(r) = ent.roles.iter_mut().find(|r| r.title == role.title) {
            if r.of.is_some() || role.of.is_none() {
                return;
            }
            r.of = role.of;
            None
        } else if let Some(r) = ent
            .roles
            .iter_mut()
            .find(|r| specific(&r.title, &role.title))
        {
            if r.of.is_none() && role.of.is_some() {
                r.of = role.of;
            }
            None
        } else if let Some(i) = ent
            .roles
            .iter()
            .position(|r| specific(&role.title, &r.title))
        {
            let r = &mut ent.roles[i];
            r.title = role.title;
            if role.of.is_some() {
                r.of = role.of;
            }
            Some(i)
        } else {
            ent.roles.push(role);
            Some(ent.roles.len() - 1)
        };
        self.join_role_groups(e, new_title, new_owner);
    }

    /// Put a person into the recency groups a new role gives it: the
    /// new title's heads and the new owner. Only what is new is joined,
    /// so an entity holding many roles costs no more per role.
    pub(super) fn join_role_groups(
        &mut self,
        e: usize,
        new_title: Option<usize>,
        new_owner: Option<usize>,
    ) {
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
    pub(super) fn heads_of(&mut self, role_title: &str) -> &[u32] {
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

    /// Whether a description headed by `head` (an id of `head_ids`) may
    /// name the holder of a role titled `role_title`: the title itself,
    /// its last word, or a head the titles lexicon says it implies.
    pub(super) fn title_matches(&self, role_title: &str, head: u32) -> bool {
        // every role title went through `heads_of` when it was added
        self.heads
            .get(role_title)
            .is_some_and(|hs| hs.contains(&head))
    }

    /// A name-like mention inside a token range (for possessors and role
    /// owners); a name not known otherwise is of `kind`.
    pub(super) fn mention_in(&mut self, s: usize, e: usize, kind: MentionKind) -> Option<usize> {
        let ph = self.phrases();
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
            return self.name_entity(a, e, kind, None);
        }
        None
    }
}
