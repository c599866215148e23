//! Phrases that refer back: pronouns, relative pronouns and descriptions
//! ("the top Russian diplomat").

use crate::lexicon::{flags, lists, MultiTarget};
use crate::mention::{MentionKind, Np};
use crate::record::EntityKind;

use super::recency::{either_in_turns, Group};
use super::{Entity, Gender, Resolver};

impl<'a> Resolver<'a> {
    pub(super) fn pronoun(&mut self, np: &Np, pos: usize) -> Option<usize> {
        let p = self.toks[np.head].pronoun()?;
        let pe = &self.lex.pronouns.pronouns[p as usize];
        let want = Gender::from_lexicon(&pe.gender).map(Some);
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
            // "I", "we" and "you" are the writer, the speaker or the
            // reader: never the antecedent of a third person
            let fits = |en: &Entity| {
                en.kind == EntityKind::Person
                    && en
                        .gender
                        .or_else(|| self.given_name_gender(&en.name))
                        .is_none_or(|eg| Some(eg) == g)
                    && !(en.unnamed && matches!(en.name.as_str(), "I" | "we" | "you"))
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
            // "Coach B was less happy. 'We lost,' he told reporters": the
            // subject of the sentence before outranks an earlier speaker
            match (found, latest) {
                (Some(f), Some(l)) if f != l && self.subject_just_before(l, pos) => Some(l),
                _ => found.or(latest),
            }
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

    /// The gender a person's first name tells when it is a given name of
    /// only one gender in `names.ron` ("Betty Hale": female); none for a
    /// name of both or neither.
    fn given_name_gender(&self, name: &str) -> Option<Gender> {
        let first = name.split_whitespace().next()?.to_lowercase();
        let has = |list: &[String]| list.binary_search_by(|w| w.as_str().cmp(&first)).is_ok();
        match (has(&self.lex.names.male), has(&self.lex.names.female)) {
            (true, false) => Some(Gender::Male),
            (false, true) => Some(Gender::Female),
            _ => None,
        }
    }

    pub(super) fn relative(&mut self, np: &Np, pos: usize) -> Option<usize> {
        // "those who say", "anyone who knows": the people the relative
        // clause describes, not anyone named before
        if let Some(p) = np.start.checked_sub(1) {
            if self.toks[p].in_list(lists::GROUP_PRONOUNS) {
                let name = self.slice(p, np.end).to_string();
                return Some(self.unnamed_entity(EntityKind::Person, &name));
            }
        }
        // ", who said": the phrase before the comma
        let mut k = np.start;
        if k > 0 && self.toks[k - 1].is_punct(',') {
            k -= 1;
        }
        let ph = self.phrases();
        let lo = k.saturating_sub(12);
        let ante = ph.np_left(k, lo, lo)?;
        if ante.kind == MentionKind::Relative {
            return None;
        }
        self.resolve(&ante, pos, false)
    }

    pub(super) fn description(&mut self, np: &Np) -> Option<usize> {
        let head_tok = &self.toks[np.head];
        let head = self.description_title(np);
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
                let ph = self.phrases();
                ph.np_right(k, np.end, np.start)
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
                // "the top aide of Russian President Vladimir Putin": the
                // one official named earlier who serves where Putin does
                if let Some(i) = self.sole_official_under(o, &head) {
                    let alias = self.slice_without_article(np.start, np.end).to_string();
                    self.alias(i, &alias);
                    return Some(i);
                }
                // else a person known only by this description
                let name = self.slice_without_article(np.start, np.end).to_string();
                let e = self.find_or_add(EntityKind::Person, &name, false);
                if self.entities[e].name == name && !self.entities[e].used {
                    self.entities[e].unnamed = true;
                }
                let title = self
                    .slice_without_article(np.start, np.head + 1)
                    .to_lowercase();
                self.add_role(e, &title, Some(o), head_tok.title());
                return Some(e);
            }
            return None;
        }
        // "a council report", "the police report": a document, no outlet;
        // "media reports" are the outlets'
        let document = !head_tok.cap
            && head_tok.in_list(lists::FRAME_NOUNS)
            && !(np.head > np.start && self.toks[np.head - 1].has(flags::OUTLET_NOUN));
        if head_tok.has(flags::OUTLET_NOUN) && np.end - np.start >= 2 && !document {
            // "Russian state media", "the news agency"
            let name = self.slice_without_article(np.start, np.end).to_string();
            let e = self.find_or_add(EntityKind::Organization, &name, true);
            return Some(e);
        }
        None
    }
}

impl<'a> Resolver<'a> {
    /// Is entity `e`'s latest mention before byte `pos` the subject that
    /// opens the sentence before the pronoun's ("City coach Bruno Alves
    /// was less happy."): at most four capitalized or title words from the
    /// sentence start to the name, and only the pronoun's own sentence
    /// starting between them?
    fn subject_just_before(&self, e: usize, pos: usize) -> bool {
        let Some(p) = self.entities[e]
            .seen
            .iter()
            .copied()
            .filter(|&q| q < pos)
            .max()
        else {
            return false;
        };
        let starts: Vec<usize> = self
            .first_words
            .iter()
            .map(|&k| self.toks[k].span.start)
            .collect();
        let at = starts.partition_point(|&q| q <= p);
        if at == 0 {
            return false;
        }
        let between = starts[at..].iter().take_while(|&&q| q <= pos).count();
        if between != 1 {
            return false;
        }
        let f = self.first_words[at - 1];
        let mut k = f;
        while k < self.toks.len() && self.toks[k].span.start < p {
            let t = &self.toks[k];
            if k - f >= 4 || !t.is_word() || !(t.cap || t.has(flags::TITLE)) {
                return false;
            }
            k += 1;
        }
        true
    }

    /// The title a description is headed by: its multi-word title when it
    /// has one ("the Finance Minister" → "finance minister", which a
    /// health secretary does not hold), else its head word.
    fn description_title(&self, np: &Np) -> String {
        let ph = self.phrases();
        let mut buf = String::new();
        match ph.multi_ending_at(np.head + 1, np.start, &mut buf) {
            Some((s, MultiTarget::Title(_))) if s < np.head => {
                let words: Vec<String> = (s..=np.head)
                    .filter(|&k| self.toks[k].is_word())
                    .map(|k| self.slice(k, k + 1).to_lowercase())
                    .collect();
                words.join(" ")
            }
            _ => self.slice(np.head, np.head + 1).to_lowercase(),
        }
    }

    /// A description of someone serving person `o` ("the top aide of
    /// President Putin"): the one person named earlier, other than `o`,
    /// who holds an official's role of what `o` holds a role of (Lavrov,
    /// foreign minister of Russia, where Putin is president of Russia),
    /// when the description's title makes an official (an aide, an
    /// adviser) and no second such person is known.
    fn sole_official_under(&mut self, o: usize, title: &str) -> Option<usize> {
        let heads = self.heads_of(title).to_vec();
        let official = *self.head_ids.get("official")?;
        if !heads.contains(&official) {
            return None;
        }
        let served: Vec<usize> = self.entities[o].roles.iter().filter_map(|r| r.of).collect();
        if served.is_empty() {
            return None;
        }
        let fits: Vec<usize> = (0..self.entities.len())
            .filter(|&i| i != o && self.entities[i].kind == EntityKind::Person)
            .filter(|&i| !self.entities[i].unnamed && self.entities[i].spoke > 0)
            .filter(|&i| {
                self.entities[i].roles.iter().any(|r| {
                    r.of.is_some_and(|of| served.contains(&of))
                        && self.title_matches(&r.title, official)
                })
            })
            .collect();
        match fits.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// A speaker, source or addressee that refers to no named entity: an
    /// unnamed entity of the document. "I" outside quotations is the
    /// writer (one entity per document), "we" and "you" likewise; "they"
    /// is the latest group described before it; a description of people
    /// ("the teachers", "officials", "my father") is an entity known by
    /// that description, the same one when the description repeats. A
    /// first person inside a quotation, "he"/"she"/"it" with no fitting
    /// antecedent, and descriptions of things ("the study") stay unlinked.
    pub(super) fn unnamed(&mut self, np: &Np, pos: usize) -> Option<usize> {
        match np.kind {
            MentionKind::Pronoun => {
                let p = self.toks[np.head].pronoun()?;
                let pe = &self.lex.pronouns.pronouns[p as usize];
                if pe.gender != "any" {
                    return None;
                }
                let key = match pe.form.as_str() {
                    "i" | "me" | "my" | "myself" => "I",
                    "we" | "us" | "our" | "ourselves" => "we",
                    "you" | "your" | "yourself" => "you",
                    _ => {
                        return self
                            .latest_group(pos)
                            .or_else(|| self.plural_people_before(np.head, pos))
                    }
                };
                if self.in_quote(pos) {
                    return None;
                }
                Some(self.unnamed_entity(EntityKind::Person, key))
            }
            MentionKind::Description => {
                let head = &self.toks[np.head];
                if !head.has(flags::PERSON_NOUN) || head.has(flags::TITLE) {
                    return None;
                }
                let word = self.slice(np.head, np.head + 1).to_lowercase();
                if self.lex.titles.thing_nouns.contains(&word) {
                    return None;
                }
                let kind = if head.has(flags::ORG_HEAD) {
                    EntityKind::Organization
                } else {
                    EntityKind::Person
                };
                let name = self.slice_without_article(np.start, np.end).to_string();
                Some(self.unnamed_entity(kind, &name))
            }
            _ => None,
        }
    }

    /// "the owner said", "the head of the union says": a speaker described
    /// by a title that no named person holds is one person known only by
    /// the description, the same one wherever the description recurs
    /// (then also when it does not speak). Not a group ("officials"); a
    /// bare one ("the senator", "a reporter") only when no named person
    /// spoke before, whom it would rather mean (or whose answer a "he"
    /// after it would be); a complement ("of the union") makes someone new.
    pub(super) fn unnamed_holder(&mut self, np: &Np, pos: usize, speaker: bool) -> Option<usize> {
        let head = &self.toks[np.head];
        if !head.has(flags::TITLE) || head.has(flags::ORG_HEAD) {
            return None;
        }
        let name = self.slice_without_article(np.start, np.end).to_string();
        if let Some(i) = self.unnamed_known(&name) {
            return Some(i);
        }
        let w = head.span.slice(self.text);
        let plural =
            w.ends_with('s') && !w.ends_with("ss") || head.in_list(lists::IRREGULAR_PEOPLE_PLURALS);
        // "the Ohio governor", "the presumptive Republican nominee": a
        // named modifier makes an epithet of someone the article names
        let named_modifier = (np.start + 1..np.head).any(|k| self.toks[k].cap);
        // a description opens with a determiner ("the owner", "a
        // spokesperson"); a bare title is a headline's ("Former manager
        // denied bail") or stands before a name
        let determined = self.toks[np.start].has(flags::DET);
        if !speaker || plural || named_modifier || !determined {
            return None;
        }
        if np.end == np.head + 1
            && self.seen_before(pos).any(|(_, i)| {
                let en = &self.entities[i];
                en.kind == EntityKind::Person && !en.unnamed && !en.outlet && en.spoke > 0
            })
        {
            return None;
        }
        Some(self.unnamed_entity(EntityKind::Person, &name))
    }

    /// The key of the unnamed entity called `name` in `by_name` (a NUL
    /// before it: no name written in a text starts so).
    fn unnamed_key(name: &str) -> String {
        format!("\u{0}{}", name.to_lowercase())
    }

    /// The unnamed entity called `name`, if one was made.
    fn unnamed_known(&self, name: &str) -> Option<usize> {
        self.by_name.get(&Self::unnamed_key(name)).copied()
    }

    /// The unnamed entity called `name`, created on first use.
    pub(super) fn unnamed_entity(&mut self, kind: EntityKind, name: &str) -> usize {
        if let Some(i) = self.unnamed_known(name) {
            return i;
        }
        let key = Self::unnamed_key(name);
        let i = self.find_or_add(kind, name, false);
        if self.entities[i].name.eq_ignore_ascii_case(name) && !self.entities[i].used {
            self.entities[i].unnamed = true;
        }
        self.by_name.insert(key, i);
        i
    }

    /// "They" after a plural noun of people that played no role ("the
    /// researchers found a pattern. They said …"): the group that noun
    /// describes, the nearest within about a paragraph before token `k`
    /// (at byte `pos`), one entity for each noun. Not a noun of things
    /// ("studies"), nor one that is only a quantity ("many", "others").
    fn plural_people_before(&mut self, k: usize, pos: usize) -> Option<usize> {
        let found = self.toks[..k]
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, t)| pos - t.span.start < 700)
            .find(|&(_, t)| {
                let w = t.span.slice(self.text);
                t.is_word()
                    && t.has(flags::PERSON_NOUN)
                    && !t.has(flags::DET | flags::PRONOUN | flags::HONORIFIC | flags::ORG_HEAD)
                    && !t.in_list(lists::QUANTITY_HEADS)
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && (w.ends_with('s') && !w.ends_with("ss")
                        || t.in_list(lists::IRREGULAR_PEOPLE_PLURALS))
                    && !self.lex.titles.thing_nouns.iter().any(|n| n == w)
            })
            .map(|(_, t)| t.span.slice(self.text).to_string())?;
        Some(self.unnamed_entity(EntityKind::Person, &found))
    }

    /// The latest unnamed group (a plural description of people) seen
    /// within about a paragraph before `pos`: "they" after "the teachers".
    fn latest_group(&self, pos: usize) -> Option<usize> {
        self.seen_before(pos)
            .take_while(|&(p, _)| pos - p < 700)
            .map(|(_, i)| i)
            .find(|&i| {
                let en = &self.entities[i];
                en.unnamed && en.kind == EntityKind::Person && en.name.ends_with('s')
            })
    }
}

/// The person a "he" or "she" at `span` refers to, once the article is
/// read: `linked` if it is a person (named or described) or spoke under
/// its name; else (it was linked, while reading, to a name that the end of the
/// article found to be no one's,
/// as "told Morning Report … he says" makes a programme's name) the
/// person of that gender mentioned last before the pronoun, or no one.
/// The pronoun's span moves with it.
pub(crate) fn relink_gendered(
    entities: &mut [Entity],
    lex: &crate::lexicon::Lexicon,
    toks: &[crate::token::Token],
    span: crate::span::Span,
    linked: Option<usize>,
) -> Option<usize> {
    let old = linked?;
    let pronoun_at = |at: usize| {
        toks.binary_search_by_key(&at, |t| t.span.start)
            .is_ok_and(|k| toks[k].pronoun().is_some())
    };
    let spoke_by_name = entities[old].spoke_at.iter().any(|&at| !pronoun_at(at));
    if entities[old].kind == EntityKind::Person || spoke_by_name {
        return linked;
    }
    let Some(p) = toks
        .binary_search_by_key(&span.start, |t| t.span.start)
        .ok()
        .filter(|&k| toks[k].span.end == span.end)
        .and_then(|k| toks[k].pronoun())
    else {
        return linked;
    };
    let Some(gender) = Gender::from_lexicon(&lex.pronouns.pronouns[p as usize].gender) else {
        return linked;
    };
    let latest_before = |en: &Entity| {
        en.spans
            .iter()
            .map(|s| s.start)
            .filter(|&s| s < span.start)
            .max()
    };
    let new = (0..entities.len())
        .filter(|&i| {
            let en = &entities[i];
            en.kind == EntityKind::Person && !en.unnamed && en.gender.is_none_or(|g| g == gender)
        })
        .filter_map(|i| latest_before(&entities[i]).map(|at| (at, i)))
        .max()
        .map(|(_, i)| i);
    entities[old].spans.retain(|s| *s != span);
    if let Some(n) = new {
        entities[n].spans.push(span);
        entities[n].gender.get_or_insert(gender);
    }
    new
}
