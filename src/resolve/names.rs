//! Names: the prescan of capitalized runs, known organizations and places,
//! surnames and longer forms of known names, and the names inside content.

use crate::lexicon::{flags, lists, MultiTarget};
use crate::mention::MentionKind;
use crate::record::EntityKind;
use crate::span::Span;
use crate::token::TokKind;

use super::recency::insert_sorted;
use super::{Entity, Resolver};

impl<'a> Resolver<'a> {
    /// Register the people named anywhere in the text (runs of two or
    /// more capitalized words that are not known places or organizations,
    /// and titled names like "Mayor Okafor"), so that a pronoun or a
    /// surname can refer to someone introduced outside an attribution.
    /// They are written out only if an attribution refers to them.
    pub fn prescan(&mut self, sentences: &[std::ops::Range<usize>]) {
        let ph = self.phrases();
        let mut buf = std::mem::take(&mut self.buf);
        for r in sentences {
            let first = (r.start..r.end).find(|&k| self.toks[k].is_word());
            if let Some(f) = first {
                self.first_words.push(f);
            }
            // a headline's or subhead's capitals are no evidence of a
            // name, nor of a word written capitalized
            let mut line = r.start;
            for k in r.start..=r.end {
                if k < line {
                    continue;
                }
                let breaks = k == r.end
                    || self.toks[k].kind == TokKind::Newline
                    || (k > line
                        && self.text[self.toks[k - 1].span.end..self.toks[k].span.start]
                            .contains('\n'));
                if breaks {
                    if self.headline_like(line..k) {
                        self.headlines.push(line..k);
                    }
                    let newline = k < r.end && self.toks[k].kind == TokKind::Newline;
                    line = k + usize::from(newline);
                }
            }
            for k in r.start..r.end {
                let t = &self.toks[k];
                if t.cap && t.is_word() && Some(k) != first && !self.in_headline(k) {
                    let h = word_hash(t.span.slice(self.text));
                    self.cap_mid.insert(h);
                }
            }
        }
        for r in sentences {
            let mut k = r.start;
            while k < r.end {
                let t = &self.toks[k];
                if !t.cap
                    || !ph.is_name_word(k, r.start)
                    || t.has(flags::TITLE | flags::DEMONYM)
                    || self.in_headline(k)
                {
                    k += 1;
                    continue;
                }
                if let Some((e, _)) = ph.multi_starting_at(k, r.end, &mut buf) {
                    k = e; // a known organization or place
                    continue;
                }
                let e = self.name_run_end(k, r.end);
                let named_from = self.skip_opening_word(k, e);
                if named_from > k {
                    // "Interestingly Blocher": the opening word is not a name
                    k = named_from;
                    continue;
                }
                let titled = k > r.start && self.toks[k - 1].has(flags::TITLE);
                let org = (k..e).any(|j| self.toks[j].has(flags::ORG_HEAD));
                if (e - k >= 2 || titled) && !org {
                    self.prescan_name(k, e, r.start);
                }
                k = e;
            }
        }
        self.buf = buf;
        for en in &mut self.entities {
            en.seen.sort_unstable();
        }
    }

    /// Are the tokens `r` a line of their own written in Title Case or
    /// in capitals (a headline, a subhead: at least two words of four
    /// letters or more, nearly all capitalized), or a paragraph of at most
    /// six words without a quotation or a verb of saying (a subhead in
    /// sentence case)?
    fn headline_like(&self, r: std::ops::Range<usize>) -> bool {
        if r.is_empty() {
            return false;
        }
        let (a, b) = (self.toks[r.start].span.start, self.toks[r.end - 1].span.end);
        let before = self.text[..a].trim_end_matches([' ', '\t']);
        let after = self.text[b..].trim_start_matches([' ', '\t']);
        let own_line = (before.is_empty() || before.ends_with('\n'))
            && (after.is_empty() || after.starts_with(['\n', '\r']));
        if !own_line {
            return false;
        }
        let (mut long, mut capped, mut words, mut speech) = (0, 0, 0, false);
        for t in &self.toks[r] {
            if t.is_word() {
                words += 1;
                speech |= t.has(flags::CUE_VERB) && !t.cap;
                if t.span.len() >= 4 {
                    long += 1;
                    capped += usize::from(t.cap);
                }
            }
            speech |= matches!(t.kind, TokKind::Quote(_));
        }
        if long >= 2 && capped * 10 >= long * 9 {
            return true;
        }
        // a subhead in sentence case: a paragraph of a few words with no
        // quotation and no verb of saying ("Cold War memory gap.")
        let para = |s: &str| s.is_empty() || s.trim_end_matches(['\n', '\r']).len() + 1 < s.len();
        let before_para = para(before) || before.trim().is_empty();
        let after_para = after.trim().is_empty() || {
            let rest = after.trim_start_matches('\r');
            rest.starts_with("\n\n") || rest.starts_with("\n\r\n")
        };
        words <= 6 && !speech && before_para && after_para
    }

    /// Is token `k` inside a headline-like line?
    pub(super) fn in_headline(&self, k: usize) -> bool {
        let i = self.headlines.partition_point(|r| r.start <= k);
        i > 0 && k < self.headlines[i - 1].end
    }

    /// The entity the body knows that a headline's capitalized run at
    /// tokens `[s, e)` names: its longest stretch that is a known name,
    /// or a single word that is a known person's surname.
    pub(super) fn known_in_headline(&mut self, s: usize, e: usize) -> Option<usize> {
        for len in (1..=e - s).rev() {
            for a in s..=e - len {
                let key = Self::key(self.slice(a, a + len));
                if let Some(&i) = self.by_name.get(&key) {
                    return Some(self.referenced(i));
                }
                if len == 1 {
                    if let Some(i) = self.latest_with_surname(&key, |_| true) {
                        return Some(self.referenced(i));
                    }
                }
            }
        }
        None
    }

    /// The person seen most recently whose surname has the lookup form
    /// `key` and who passes `also`.
    fn latest_with_surname(&self, key: &str, also: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.with_part(key)
            .iter()
            .copied()
            .filter(|&i| {
                let en = &self.entities[i];
                en.kind == EntityKind::Person
                    && also(en)
                    && en
                        .name
                        .split_whitespace()
                        .last()
                        .is_some_and(|l| lower_eq(l, key))
            })
            .max_by_key(|&i| self.entities[i].last_seen)
    }

    /// Is token `k`, a sentence's first word, a word that opens sentences
    /// rather than a name's first word: an adverb in -ly, a word in -ing,
    /// a preposition or conjunction, never capitalized elsewhere
    /// ("Interestingly Blocher", "Injecting Clinton", "Unlike Patriot")?
    pub(super) fn opening_word(&self, k: usize) -> bool {
        let t = &self.toks[k];
        let w = t.span.slice(self.text);
        let lexical = t.has(flags::PREP | flags::CONJ | flags::ADV)
            || (w.len() > 5 && (w.ends_with("ly") || w.ends_with("ing")));
        lexical && !self.cap_mid.contains(&word_hash(w))
    }

    /// Is token `s`, a sentence's first word, a common noun describing the
    /// person named after it ("Neighbor Kelly Brandt", "Resident Brian
    /// Ochoa", "Grandad Keith Mallory"): a person noun or a common word,
    /// never capitalized elsewhere, before a given name and a surname?
    fn describes_name(&self, s: usize, e: usize) -> bool {
        let t = &self.toks[s];
        let w = t.span.slice(self.text);
        e >= s + 3
            && self.toks[s + 1].has(flags::GIVEN_NAME)
            && !self.toks[s].has(flags::GIVEN_NAME)
            && (t.has(flags::PERSON_NOUN) || self.lex.is_common_word(w))
            && !self.cap_mid.contains(&word_hash(w))
    }

    /// The start of a name at tokens `[s, e)` without a sentence's opening
    /// word before it (see [`opening_word`](Self::opening_word)).
    pub(super) fn skip_opening_word(&self, s: usize, e: usize) -> usize {
        let first = self.first_words.binary_search(&s).is_ok();
        let modifier = self.toks[s].in_list_or_capitalized(lists::TITLE_MODIFIERS, self.text);
        if e > s + 1 && (modifier || first && (self.opening_word(s) || self.describes_name(s, e))) {
            s + 1
        } else {
            self.after_title_complement(s, e)
        }
    }

    /// "Secretary of State Ada Vorel", "Minister of Homeland Security Ada
    /// Vorel": the capitalized words after a title and "of" name the
    /// office; the name starts at the first given name after them.
    fn after_title_complement(&self, s: usize, e: usize) -> usize {
        if s < 2 || e < s + 2 {
            return s;
        }
        let of = &self.toks[s - 1];
        if !(of.is_word() && of.span.slice(self.text) == "of" && self.toks[s - 2].has(flags::TITLE))
        {
            return s;
        }
        (s + 1..e - 1)
            .find(|&j| self.toks[j].has(flags::GIVEN_NAME))
            .unwrap_or(s)
    }

    /// Where the run of name words from `k` ends (before `end` and any
    /// title, of one word or more: "Acme Managing Director Jo Bell").
    fn name_run_end(&self, k: usize, end: usize) -> usize {
        let ph = self.phrases();
        let mut e = k + 1;
        while e < end {
            if ph.is_name_word(e, usize::MAX)
                && !self.toks[e].has(flags::TITLE)
                && self.multi_title(e, end).is_none()
            {
                e += 1;
            } else if self.initial_period(e) && e + 1 < end && ph.is_name_word(e + 1, usize::MAX) {
                // the period of a middle initial: "Donald J. Trump"
                e += 1;
            } else {
                break;
            }
        }
        e
    }

    /// Is token `k` the period right after a one-letter capital ("J.")?
    fn initial_period(&self, k: usize) -> bool {
        let t = &self.toks[k];
        if !t.is_punct('.') || t.space_before || k == 0 {
            return false;
        }
        let p = &self.toks[k - 1];
        p.is_word() && p.cap && p.span.slice(self.text).chars().count() == 1
    }

    /// A name the prescan found at tokens `k..e`, in a sentence starting
    /// at `lo`: a person gets the roles of the titles before it ("Russian
    /// Foreign Minister Sergey Lavrov") and the mention, without being
    /// marked used.
    fn prescan_name(&mut self, k: usize, e: usize, lo: usize) {
        let before = self.entities.len();
        let Some(ent) = self.name_entity_raw(k, e, MentionKind::Name, None) else {
            return;
        };
        if ent >= before {
            self.entities[ent].prescanned_only = true;
        }
        if self.entities[ent].kind != EntityKind::Person {
            return;
        }
        let ph = self.phrases();
        let modifies = |s: usize| {
            let p = &self.toks[s - 1];
            p.has(flags::TITLE | flags::DEMONYM)
                || p.is_punct('-')
                || matches!(ph.known_single(s - 1), Some(MultiTarget::Place(_)))
                // "foreign" in "foreign minister"
                || (p.is_word()
                    && !p.cap
                    && self.toks[s].has(flags::TITLE)
                    && !p.has(flags::DET | flags::PREP | flags::CONJ | flags::AUX | flags::CUE_VERB))
        };
        let mut s = k;
        while s > lo && k - s < 5 && modifies(s) {
            s -= 1;
        }
        if s < k {
            let used = self.entities[ent].used;
            self.roles_from_modifiers(ent, s, k);
            self.entities[ent].used = used;
        }
        self.entities[ent].seen.push(self.toks[k].span.start);
        let span = Span::new(self.toks[k].span.start, self.toks[e - 1].span.end);
        self.entities[ent].spans.push(span);
        insert_sorted(&mut self.seen_pre, (self.toks[k].span.start, ent));
    }

    /// The entity of a known lexicon organization or place.
    pub(super) fn known(&mut self, target: MultiTarget) -> Option<usize> {
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
    pub(super) fn demonym_place(&mut self, t: usize) -> Option<usize> {
        let p = self.toks[t].demonym()?;
        let name = self.lex.places.places[p as usize].name.clone();
        Some(self.find_or_add(EntityKind::Place, &name, false))
    }

    /// Resolve a proper name (token range) to an entity, creating it
    /// (the prescan's lookup; a name an attribution meets goes through
    /// [`name_entity`](Self::name_entity)).
    fn name_entity_raw(
        &mut self,
        s: usize,
        e: usize,
        kind_hint: MentionKind,
        known: Option<MultiTarget>,
    ) -> Option<usize> {
        // "Ada Vorel of Cleveland": a known place or body after "of"
        // says where the person is from; the name is before it. Not
        // when an organization's head word comes before "of": "Iowa
        // Department of Transportation" is one body's name
        let of = (s + 1..e.saturating_sub(1))
            .find(|&j| self.toks[j].is_word() && self.slice(j, j + 1) == "of");
        // ... and so does a body's head word after "of" when a given name
        // opens the name before it: "Marcus Bell of Cornell University"
        // is a person, not a body named so (not "Prince of Wales")
        let affiliation = |j: usize| {
            j >= s + 2
                && (j + 1..e).any(|k| self.toks[k].has(flags::ORG_HEAD))
                && self.lex.is_given_name(self.slice(s, s + 1))
        };
        if let Some(j) = of.filter(|&j| known.is_some() || affiliation(j)) {
            let name_like = (s..j).all(|k| {
                (self.toks[k].cap || !self.toks[k].is_word()) && !self.toks[k].has(flags::ORG_HEAD)
            });
            if name_like && !self.lex.is_common_word(self.slice(s, s + 1)) {
                return self.name_entity_raw(s, j, kind_hint, None);
            }
        }
        if let Some(k) = known {
            if let Some(ent) = self.known(k) {
                let surface = self.slice(s, e);
                self.alias(ent, surface);
                return Some(ent);
            }
        }
        // "Mr. Trump", "Sen. Warren": the honorific is no part of the name
        let mut n = s;
        while e - n >= 2 && self.is_honorific(n) {
            n += 1;
            if self.toks[n].is_punct('.') && e - n >= 2 {
                n += 1;
            }
        }
        let ent = self.proper_name_entity(n, e, kind_hint)?;
        if s < n {
            self.alias(ent, self.slice(s, e));
        }
        Some(ent)
    }

    /// The entity of the proper name at tokens `s..e` (no honorific).
    fn proper_name_entity(&mut self, s: usize, e: usize, kind_hint: MentionKind) -> Option<usize> {
        let name = self.slice(s, e).to_string();
        let key = Self::key(&name);
        if let Some(&i) = self.by_name.get(&key) {
            return Some(i);
        }
        // a surname or first name of a known person; not the acronym that
        // ends a name otherwise written in lowercase ("WA" of "St John
        // WA": a body's region, no surname)
        if e - s == 1 {
            let best = self
                .with_part(&key)
                .iter()
                .map(|&i| (i, &self.entities[i]))
                .filter(|(_, en)| en.kind == EntityKind::Person)
                .filter(|(_, en)| !acronym_suffixed(&en.name))
                .filter(|(_, en)| {
                    let mut parts = en.name.split_whitespace();
                    let first = parts.next();
                    let last = en.name.split_whitespace().last();
                    last.is_some_and(|l| lower_eq(l, &key))
                        || (first.is_some_and(|f| lower_eq(f, &key)) && en.name.contains(' '))
                })
                .max_by_key(|(_, en)| en.last_seen)
                .map(|(i, _)| i);
            if let Some(i) = best {
                self.alias(i, &name);
                return Some(i);
            }
            // "Patriot" after "Patriot Coal", "Goldman" after "Goldman
            // Sachs": the short form of an organization named before
            if let Some(i) = self.org_short_form(&key) {
                self.alias(i, &name);
                return Some(i);
            }
        } else {
            // a longer form of a known single-word name: "Lavrov" seen
            // first, "Sergey Lavrov" later
            let last = Self::key(name.split_whitespace().last().unwrap_or(""));
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
        // "KRVT News 9": a channel number after the broadcaster's word
        let numbered = e - s >= 3
            && self.toks[e - 1].kind == TokKind::Number
            && self.toks[e - 2].in_list(lists::CHANNEL_WORDS);
        let last_tok = &self.toks[if numbered { e - 2 } else { e - 1 }];
        // "Drudge Report", "Daily Beast", "Network Rail": an outlet's noun
        // first or last makes an organization (an outlet only when last)
        let outlet_word = e - s >= 2
            && (last_tok.has(flags::OUTLET_NOUN) || self.toks[s].has(flags::OUTLET_NOUN));
        // "Bureau of Prisons", "Gulf of Arcadia": the head stands before
        // the joiner; "NHS Lothian": an acronym opens a body's name
        let head_tok = self.head_before_joiner(s, e).unwrap_or(last_tok);
        let acronym_first = e - s >= 2 && {
            let first = self.slice(s, s + 1);
            first.chars().filter(|c| c.is_alphabetic()).count() >= 3 && org_spelling(first)
        };
        // "Pacific Islander": people from a place, no one's name
        if last_tok.in_list(lists::GROUP_NAME_HEADS) {
            return None;
        }
        let kind = if kind_hint == MentionKind::Org
            || head_tok.has(flags::ORG_HEAD)
            || (e - s >= 2 && last_tok.cap && last_tok.in_list(lists::NAME_ORG_HEADS))
            || outlet_word
            || acronym_first
            || (e - s == 1 && org_spelling(&name))
        {
            EntityKind::Organization
        } else if kind_hint == MentionKind::Place
            || head_tok.in_list(lists::PLACE_HEADS)
            || (e - s >= 2 && self.toks[s].in_list(lists::PLACE_OPENERS))
        {
            // "Platte River", "Mount Kenya": a place's head word
            EntityKind::Place
        } else {
            EntityKind::Person
        };
        let outlet = kind == EntityKind::Organization && last_tok.has(flags::OUTLET_NOUN);
        Some(self.find_or_add(kind, &name, outlet))
    }

    /// The word before a name's first lowercase joiner ("Bureau" in
    /// "Bureau of Prisons"), when the name has one after its first word.
    fn head_before_joiner(&self, s: usize, e: usize) -> Option<&crate::token::Token> {
        (s + 1..e.saturating_sub(1))
            .find(|&j| {
                !self.toks[j].cap && self.toks[j].in_list_as_written(lists::NAME_JOINERS, self.text)
            })
            .map(|j| &self.toks[j - 1])
    }

    /// The organization named before whose first word is `key` (a lookup
    /// form): "Patriot" for "Patriot Coal".
    pub(super) fn org_short_form(&self, key: &str) -> Option<usize> {
        self.with_part(key)
            .iter()
            .copied()
            .filter(|&i| self.entities[i].kind == EntityKind::Organization)
            .filter(|&i| {
                let n = &self.entities[i].name;
                n.contains(' ')
                    && n.split_whitespace()
                        .next()
                        .is_some_and(|f| lower_eq(f, key))
            })
            .max_by_key(|&i| self.entities[i].last_seen)
    }

    /// Is token `k` an honorific written before names ("Mr.", "Sen.")?
    fn is_honorific(&self, k: usize) -> bool {
        self.toks[k]
            .title()
            .is_some_and(|ti| self.lex.titles.titles[ti as usize].honorific)
    }

    /// Resolve a name met by an attribution (not by the prescan): the
    /// entity is now referenced for real.
    pub(super) fn name_entity(
        &mut self,
        s: usize,
        e: usize,
        kind_hint: MentionKind,
        known: Option<MultiTarget>,
    ) -> Option<usize> {
        let ent = self.name_entity_raw(s, e, kind_hint, known)?;
        Some(self.referenced(ent))
    }

    /// Mark an entity met by an attribution (not only by the prescan):
    /// it is now referenced for real.
    pub(super) fn referenced(&mut self, ent: usize) -> usize {
        self.entities[ent].prescanned_only = false;
        ent
    }

    /// Entities named inside a byte span (content mentions): known
    /// organizations and places, and names of entities already known or
    /// introduced with a title.
    pub fn mentions_in(&mut self, span: Span, sent_starts: &[bool]) -> Vec<usize> {
        let std::ops::Range { start: lo, end: hi } = self.bounds.covering(span);
        let ph = self.phrases();
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
                        let span = Span::new(t.span.start, self.toks[e - 1].span.end);
                        self.touch(ent, t.span.start, span);
                        out.push(ent);
                    }
                    k = e;
                    continue;
                }
            }
            let abbreviated = |j: usize| {
                // "Sen. Ted Cruz": an abbreviated title and its period
                j + 2 < hi && self.toks[j + 1].is_punct('.') && self.toks[j + 2].cap
            };
            if !ph.is_name_word(k, ss)
                || t.has(flags::DEMONYM)
                || (t.has(flags::TITLE) && k + 1 < hi && (self.toks[k + 1].cap || abbreviated(k)))
            {
                // titles and demonyms before a name are not part of it
                k += 1;
                continue;
            }
            let e = self.name_run_end(k, hi);
            let titled = k > 0
                && (self.toks[k - 1].has(flags::TITLE)
                    || (k > 1
                        && self.toks[k - 1].is_punct('.')
                        && self.toks[k - 2].has(flags::TITLE)))
                && !self.in_headline(k)
                && !(k..e).all(|j| self.toks[j].has(flags::TITLE));
            let name = self.slice(k, e);
            let linkable = |en: &Entity| !en.prescanned_only || !en.roles.is_empty();
            let known = Self::with_key(name, |key| self.by_name.get(key).copied())
                .filter(|&i| linkable(&self.entities[i]))
                .or_else(|| {
                    let last = name.split_whitespace().last().unwrap_or("");
                    Self::with_key(last, |last| self.latest_with_surname(last, linkable))
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
                let span = Span::new(t.span.start, self.toks[e - 1].span.end);
                self.touch(i, t.span.start, span);
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

/// A hash of a word's lowercase form, without allocating.
pub(super) fn word_hash(word: &str) -> u64 {
    let step = |h: u64, c: u64| (h ^ c).wrapping_mul(0x0100_0000_01b3);
    let seed: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        // the same hash as below, without Unicode case tables
        let lower = word.bytes().map(|b| u64::from(b.to_ascii_lowercase()));
        return lower.fold(seed, step);
    }
    let lower = word.chars().flat_map(char::to_lowercase);
    lower.fold(seed, |h, c| step(h, c as u64))
}

/// Evidence in a single word's spelling that it names an organization:
/// an acronym ("NAACP", "I.R.S.") or a compound written in camel case
/// ("RealClearPolitics"), unlike "McConnell" or "LeBron".
pub(super) fn org_spelling(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if (2..=6).contains(&letters) && word.chars().all(|c| !c.is_lowercase()) {
        return true;
    }
    let mut run = 0;
    for (i, c) in word.chars().enumerate() {
        if c.is_uppercase() && i > 0 && run >= 3 {
            return true;
        }
        run = if c.is_lowercase() { run + 1 } else { 0 };
    }
    false
}

/// Does a name of several words, some in lowercase, end in a word in
/// capitals ("St John WA", "Ambulance NSW"): a body's suffix, no surname?
/// Not a generation's numeral ("John Smith III").
fn acronym_suffixed(name: &str) -> bool {
    let Some((head, last)) = name.rsplit_once(' ') else {
        return false;
    };
    let letters = last.chars().filter(|c| c.is_alphabetic()).count();
    let numeral = last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    (2..=6).contains(&letters)
        && !last.chars().any(char::is_lowercase)
        && !numeral
        && head.chars().any(char::is_lowercase)
}

/// Is `key` the lookup form ([`Resolver::key`]) of `word`? Without
/// allocating for ASCII words (a surname is compared with every known
/// namesake).
fn lower_eq(word: &str, key: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(key)
    } else {
        Resolver::key(word) == key
    }
}
