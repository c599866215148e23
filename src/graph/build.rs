//! Building the graph: documents, statements and entities from records,
//! with entities merged across documents by name.

use petgraph::graph::NodeIndex;
use std::collections::{BTreeSet, HashMap, HashSet};

use super::names::{self, best_full, Gender};
use super::{
    span32, DocumentNode, Edge, EdgeKind, EntityNode, Node, NodeData, NodeKind, QuoteGraph,
    SharedStr, StatementNode,
};
use crate::error::{Error, Result};
use crate::extract::slug;
use crate::record::{AttributionRecord, DocRecord, EntityKind, EntityRecord};

/// State used to merge entities; derived from the nodes, so it is not part
/// of a graph's identity.
#[derive(Debug, Clone, Default)]
pub(crate) struct MergeIndex {
    /// Full person names and every organization/place name → node.
    full: HashMap<(EntityKind, String), NodeIndex>,
    /// Person surname or bare name → nodes that carry it.
    single: HashMap<String, Vec<NodeIndex>>,
    /// Surname → distinct full names known with it (including names seen
    /// in a look-ahead over the records of [`QuoteGraph::from_extractions`]).
    surname_fulls: HashMap<String, BTreeSet<String>>,
    /// Person nodes that have at least one full name.
    has_full: HashSet<NodeIndex>,
    /// Full name key → number of documents that name it (look-ahead
    /// included): who dominates a shared surname.
    full_docs: HashMap<String, usize>,
    /// Full name key → the gender its honorifics and titles give, when
    /// they agree.
    full_gender: HashMap<String, Option<Gender>>,
    /// `holds_role` edges already present.
    roles: HashSet<(NodeIndex, NodeIndex, String)>,
}

/// What a person's names merge into.
enum Found {
    /// An existing node.
    Node(NodeIndex),
    /// No node yet, but the full name (key) a bare surname stands for.
    Full(String),
    /// A new node of its own.
    Nothing,
}

impl QuoteGraph {
    /// The graph of `records`, added in order.
    ///
    /// Before adding, every full person name in `records` is noted, so a
    /// bare surname in an early document is not merged with one of two
    /// people who share it and appear only later.
    pub fn from_extractions(records: &[DocRecord]) -> Result<QuoteGraph> {
        let mut g = QuoteGraph::new();
        g.extend(records)?;
        Ok(g)
    }

    /// Add `records` in order, with the look-ahead of
    /// [`from_extractions`](Self::from_extractions).
    pub fn extend(&mut self, records: &[DocRecord]) -> Result<()> {
        // room for what is coming, so that big vectors and the index do not
        // grow step by step
        let statements: usize = records.iter().map(|r| r.attributions.len()).sum();
        let entities: usize = records.iter().map(|r| r.entities.len()).sum();
        self.reserve_for(records.len(), statements, entities);
        for r in records {
            self.note_full_names(r);
        }
        self.drop_claims();
        for r in records {
            self.add(r, true)?;
        }
        self.group_claims();
        Ok(())
    }

    /// Room for `docs` documents with `statements` statements and
    /// `entities` entity mentions, so that big vectors and the index do
    /// not grow step by step (each step would hold the old and the new
    /// array at once).
    pub(crate) fn reserve_for(&mut self, docs: usize, statements: usize, entities: usize) {
        let nodes = docs + statements + entities / 4;
        self.graph.reserve_nodes(nodes);
        self.graph.reserve_edges(3 * statements + docs);
        self.index.reserve(nodes);
    }

    /// Note the full names of `rec` ahead of adding it with
    /// [`add_noted`](Self::add_noted): the look-ahead of
    /// [`extend`](Self::extend) for records that come one at a time.
    pub(crate) fn note_names(&mut self, rec: &DocRecord) {
        self.note_full_names(rec);
    }

    /// Add a record whose names were noted with
    /// [`note_names`](Self::note_names), without grouping claims (call
    /// [`group_claims`](Self::group_claims) after the last).
    pub(crate) fn add_noted(&mut self, rec: &DocRecord) -> Result<()> {
        self.add(rec, true)
    }

    /// Note the full names of the people (not outlets) in `rec` under
    /// their surnames, before any of them is merged.
    fn note_full_names(&mut self, rec: &DocRecord) {
        let mut in_doc: HashSet<String> = HashSet::new();
        for e in &rec.entities {
            if e.kind != EntityKind::Person || e.outlet || e.unnamed {
                continue;
            }
            let gender = self.entity_gender(e);
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(core) = self.rules.core(n) {
                    self.note_full(&core);
                    if core.len() < 2 {
                        continue;
                    }
                    let k = names::full_key(&core);
                    if let Some(g) = gender {
                        let seen = self.merge.full_gender.entry(k.clone()).or_insert(Some(g));
                        if *seen != Some(g) {
                            // honorifics disagree: say nothing
                            *seen = None;
                        }
                    }
                    in_doc.insert(k);
                }
            }
        }
        for k in in_doc {
            *self.merge.full_docs.entry(k).or_default() += 1;
        }
    }

    /// The gender an entity's honorifics and titles give, when they agree.
    fn entity_gender(&self, e: &EntityRecord) -> Option<Gender> {
        let names = std::iter::once(&e.name).chain(&e.aliases);
        let titles = e.roles.iter().map(|r| &r.title);
        let mut out = None;
        for g in names.chain(titles).filter_map(|n| self.rules.gender(n)) {
            if out.is_some_and(|o| o != g) {
                return None;
            }
            out = Some(g);
        }
        out
    }

    /// Note a name core of two words or more as a full name known with its
    /// surname.
    fn note_full(&mut self, core: &[&str]) {
        if core.len() >= 2 {
            self.merge
                .surname_fulls
                .entry(names::surname(core))
                .or_default()
                .insert(names::full_key(core));
        }
    }

    /// Add one document's extractions.
    ///
    /// Entities merge with nodes already in the graph:
    /// - organizations and places when any name or alias equals (ignoring
    ///   case and a leading "the") a name or alias of a node of the same
    ///   kind;
    /// - people when the proper-name core of any name or alias ("Sergey
    ///   Lavrov" in "Russian foreign minister Sergey Lavrov") is a full
    ///   name (two words or more) already known;
    /// - full names compare without middle initials, diacritics and the
    ///   common transliterations of a final y ("Donald J. Trump" = "Donald
    ///   Trump", "José" = "Jose", "Zelenskyy" = "Zelensky");
    /// - a person known only by a bare name ("Trump", "Mr. Trump") with the
    ///   person of that surname who dominates the graph: among the full
    ///   names with that surname that its honorifics ("Mr.", "Mrs.") do not
    ///   contradict and that its own document does not give to another
    ///   entity, the only one, or the one named in at least three times as
    ///   many documents as any other (and in two or more);
    /// - a person with a full name with a node known only by its surname,
    ///   only while a single full name with that surname is known, so two
    ///   Smiths never merge through "Smith", and two full names never
    ///   merge.
    ///
    /// Descriptions without a proper name ("the top Russian diplomat") do
    /// not merge across documents. A document name already in the graph
    /// is an error.
    ///
    /// The claims are grouped again afterwards ([`group_claims`](Self::group_claims)),
    /// which reads every statement: to add many records, use
    /// [`extend`](Self::extend).
    pub fn add_record(&mut self, rec: &DocRecord) -> Result<()> {
        self.drop_claims();
        self.add(rec, false)?;
        self.group_claims();
        Ok(())
    }

    /// Add a record; `noted`: its full names are already noted.
    fn add(&mut self, rec: &DocRecord, noted: bool) -> Result<()> {
        let (doc_ix, date) = self.add_document(rec)?;
        if !noted {
            self.note_full_names(rec);
        }
        // the record's entity ids → their nodes
        let mut local: HashMap<&str, NodeIndex> = HashMap::new();
        // unnamed entities ("I", "officials") are no nodes: their
        // statements keep the speaker's words only
        let fulls = self.doc_full_names(rec);
        for e in rec.entities.iter().filter(|e| !e.unnamed) {
            let others: Vec<&str> = fulls
                .iter()
                .filter(|(id, _)| *id != e.id.as_str())
                .map(|(_, k)| k.as_str())
                .collect();
            let ix = self.add_entity(e, &others);
            local.entry(e.id.as_str()).or_insert(ix);
        }
        let find = |id: Option<&str>| id.and_then(|id| local.get(id).copied());
        if let Some(place) = rec
            .dateline
            .as_ref()
            .and_then(|d| find(d.place_entity.as_deref()))
        {
            self.graph
                .add_edge(doc_ix, place, Edge::new(EdgeKind::Datelined));
        }
        for e in rec.entities.iter().filter(|e| !e.unnamed) {
            self.add_roles(e, local[e.id.as_str()], find);
        }
        // one copy of the document's name and date for all its statements
        let doc = SharedStr::from(rec.doc.as_str());
        let date = date.map(|d| self.intern(&d));
        for (n, a) in rec.attributions.iter().enumerate() {
            let id = statement_id(&rec.doc, n + 1);
            let st = self.add_statement(id, a, &doc, &date, find);
            self.graph
                .add_edge(st, doc_ix, Edge::new(EdgeKind::AppearsIn));
        }
        Ok(())
    }

    /// The document node of `rec`, with its date: the record's `date`
    /// field (from the corpus), else the dateline's. A document already in the graph is an
    /// error.
    fn add_document(&mut self, rec: &DocRecord) -> Result<(NodeIndex, Option<String>)> {
        let doc_id = format!("document:{}", rec.doc);
        if self.index.contains(&self.graph, &doc_id) {
            return Err(Error::Graph {
                message: format!("document {:?} is already in the graph", rec.doc),
            });
        }
        let meta_date = rec
            .meta
            .get("date")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        // the corpus's own date is a fact about the article; a date read
        // from its dateline is a guess, used only when there is none
        let date = meta_date.or_else(|| rec.dateline.as_ref().and_then(|d| d.date.clone()));
        let doc_ix = self.insert(
            doc_id,
            NodeData::Document(DocumentNode {
                path: rec.doc.clone(),
                dateline: rec.dateline.as_ref().map(|d| d.text.clone()),
                date: date.clone(),
                place: rec.dateline.as_ref().and_then(|d| d.place.clone()),
                publisher: publisher_of(rec),
            }),
        );
        Ok((doc_ix, date))
    }

    /// The roles of `e`, now node `from`: a `holds_role` edge (once per
    /// holder, target and title) when `find` knows whose role it is, else
    /// a title of the node.
    fn add_roles(
        &mut self,
        e: &EntityRecord,
        from: NodeIndex,
        find: impl Fn(Option<&str>) -> Option<NodeIndex>,
    ) {
        for role in &e.roles {
            match find(role.of.as_deref()) {
                Some(to) if to != from => {
                    if self
                        .merge
                        .roles
                        .insert((from, to, role.title.to_lowercase()))
                    {
                        let title = self.intern(&role.title);
                        let edge = Edge::with_text(EdgeKind::HoldsRole, self.edge_text(&title));
                        self.graph.add_edge(from, to, edge);
                    }
                }
                _ => {
                    if let NodeData::Entity(n) = &mut self.graph[from].data {
                        if !n.titles.contains(&role.title) {
                            n.titles.push(role.title.clone());
                        }
                    }
                }
            }
        }
    }

    /// The statement node `id` of attribution `a` in document `doc`, with
    /// its `said`, `reported_by`, `addressed_to` and `mentions` edges to
    /// the entities `find` knows.
    fn add_statement(
        &mut self,
        id: String,
        a: &AttributionRecord,
        doc_arc: &SharedStr,
        date: &Option<SharedStr>,
        find: impl Fn(Option<&str>) -> Option<NodeIndex>,
    ) -> NodeIndex {
        let speaker_text = a.speaker.as_ref().map(|m| self.intern(&m.text));
        let source_text = a.source.as_ref().map(|m| self.intern(&m.text));
        let addressee_text = a.addressee.as_ref().map(|m| self.intern(&m.text));
        let cue = self.intern(&a.cue.lemma);
        let cue_text = self.intern(&a.cue.text);
        let rule = self.intern(&a.rule);
        let text = self.intern(&a.content.text);
        let st = self.insert(
            id,
            NodeData::Statement(StatementNode {
                text,
                quote_kind: a.kind,
                cue,
                cue_text,
                doc: doc_arc.clone(),
                span: span32(a.content.span),
                spans: a.content.spans.iter().map(|&s| span32(s)).collect(),
                date: date.clone(),
                speaker_text: speaker_text.clone(),
                source_text: source_text.clone(),
                addressee_text: addressee_text.clone(),
                rule,
                class: a.class,
                content_type: a.content_type,
                polarity: a.polarity,
                context: None,
            }),
        );
        let parts = [
            (&a.speaker, speaker_text, EdgeKind::Said),
            (&a.source, source_text, EdgeKind::ReportedBy),
            (&a.addressee, addressee_text, EdgeKind::AddressedTo),
        ];
        for (m, text, kind) in parts {
            let (Some(m), Some(text)) = (m, text) else {
                continue;
            };
            let Some(e) = find(m.entity.as_deref()) else {
                continue;
            };
            // the edge shares the words of every edge with the same words
            let edge = Edge::with_text(kind, self.edge_text(&text));
            // the speaker says the statement; the statement points at the rest
            let (from, to) = if kind == EdgeKind::Said {
                (e, st)
            } else {
                (st, e)
            };
            self.graph.add_edge(from, to, edge);
        }
        let mut seen = Vec::with_capacity(a.mentions.len());
        for id in &a.mentions {
            if let Some(e) = find(Some(id)) {
                if !seen.contains(&e) {
                    seen.push(e);
                    self.graph.add_edge(st, e, Edge::new(EdgeKind::Mentions));
                }
            }
        }
        st
    }

    /// Insert a node under `id` (made unique with `-2`, `-3`… if taken).
    pub(crate) fn insert(&mut self, id: String, data: NodeData) -> NodeIndex {
        let id = self.unique_id(id);
        let ix = self.graph.add_node(Node { id, data });
        self.index.insert(&self.graph, ix);
        ix
    }

    fn unique_id(&self, base: String) -> String {
        if !self.index.contains(&self.graph, &base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.index.contains(&self.graph, id))
            .expect("some suffix is free")
    }

    /// The full person names of a record's entities, by entity id.
    fn doc_full_names<'r>(&self, rec: &'r DocRecord) -> Vec<(&'r str, String)> {
        let mut out = Vec::new();
        for e in &rec.entities {
            if e.kind != EntityKind::Person || e.outlet || e.unnamed {
                continue;
            }
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                if let Some(core) = self.rules.core(n).filter(|c| c.len() >= 2) {
                    out.push((e.id.as_str(), names::full_key(&core)));
                }
            }
        }
        out
    }

    /// Find or create the node for a record entity; `others`: the full
    /// names of the document's other people (a bare surname there is none
    /// of them).
    fn add_entity(&mut self, e: &EntityRecord, others: &[&str]) -> NodeIndex {
        let kind = if e.outlet {
            EntityKind::Organization
        } else {
            e.kind
        };
        let mut all: Vec<&str> = Vec::with_capacity(1 + e.aliases.len());
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if !n.trim().is_empty() && !all.contains(&n.as_str()) {
                all.push(n);
            }
        }
        if all.is_empty() {
            all.push("?");
        }
        let cores: Vec<Option<Vec<&str>>> = if kind == EntityKind::Person {
            all.iter().map(|n| self.rules.core(n)).collect()
        } else {
            Vec::new()
        };
        let mut dominant = None;
        let found = if kind == EntityKind::Person {
            let found: Vec<Vec<&str>> = cores.iter().flatten().cloned().collect();
            match self.find_person(&found, self.entity_gender(e), others) {
                Found::Node(ix) => Some(ix),
                Found::Full(k) => {
                    dominant = Some(k);
                    None
                }
                Found::Nothing => None,
            }
        } else {
            all.iter()
                .find_map(|n| self.merge.full.get(&(kind, names::plain_key(n))).copied())
        };
        let ix = match found {
            Some(ix) => ix,
            None => {
                let name = best_full(&cores).unwrap_or_else(|| e.name.clone());
                let id = format!("{}:{}", kind.as_str(), slug(&name));
                self.insert(
                    id,
                    NodeData::Entity(EntityNode {
                        kind,
                        name,
                        aliases: Vec::new(),
                        titles: Vec::new(),
                        outlet: e.outlet,
                    }),
                )
            }
        };
        self.absorb(ix, &all, &cores, e.outlet, found.is_none());
        if let Some(k) = dominant {
            // a bare surname standing for the person who dominates it: the
            // full name, when it comes, joins this node
            self.merge.full.insert((EntityKind::Person, k), ix);
            self.merge.has_full.insert(ix);
        }
        ix
    }

    /// The person node that names with these cores merge into.
    ///
    /// `gender`: what the entity's honorifics say; `others`: full names of
    /// other people in its document.
    fn find_person(&self, cores: &[Vec<&str>], gender: Option<Gender>, others: &[&str]) -> Found {
        let fulls: Vec<&Vec<&str>> = cores.iter().filter(|c| c.len() >= 2).collect();
        for c in &fulls {
            let k = (EntityKind::Person, names::full_key(c));
            if let Some(&ix) = self.merge.full.get(&k) {
                return Found::Node(ix);
            }
        }
        for c in &fulls {
            if let Some(k) = self.misspelling_of(c) {
                return match self.merge.full.get(&(EntityKind::Person, k.clone())) {
                    Some(&ix) => Found::Node(ix),
                    None => Found::Full(k),
                };
            }
        }
        let known = |surname: &str| self.merge.surname_fulls.get(surname);
        if let Some(best) = fulls.iter().max_by_key(|c| c.len()) {
            // adopt a node known so far only by this surname, unless
            // someone else with another full name has that surname too
            let surname = names::surname(best);
            let own: Vec<String> = fulls.iter().map(|c| names::full_key(c)).collect();
            if known(&surname).is_some_and(|s| s.iter().any(|f| !own.contains(f))) {
                return Found::Nothing;
            }
            return match self.merge.single.get(&surname).map(Vec::as_slice) {
                Some([one]) if !self.merge.has_full.contains(one) => Found::Node(*one),
                _ => Found::Nothing,
            };
        }
        for c in cores {
            let surname = names::surname(c);
            match known(&surname) {
                Some(fulls) if !fulls.is_empty() => {
                    if let Some(k) = self.dominant(fulls, gender, others) {
                        return match self.merge.full.get(&(EntityKind::Person, k.clone())) {
                            Some(&ix) => Found::Node(ix),
                            None => Found::Full(k),
                        };
                    }
                }
                // no full name known: the one node with this bare name
                _ => {
                    if let Some([one]) = self.merge.single.get(&surname).map(Vec::as_slice) {
                        return Found::Node(*one);
                    }
                }
            }
        }
        Found::Nothing
    }

    /// The full name (key) that the full name `core` misspells in its
    /// given name ("Donand Trump" → "donald trump"): a full name with the
    /// same other words whose given name is one edit or one transposition
    /// away, with the same first letter, and is a known given name while
    /// this one is not, named in
    /// three documents or more and in three times as many as this
    /// spelling; and no second such name.
    fn misspelling_of(&self, core: &[&str]) -> Option<String> {
        let own = names::full_key(core);
        let words: Vec<&str> = own.split(' ').collect();
        if words.len() < 2 || self.rules.is_given(words[0]) {
            return None;
        }
        let docs = |k: &str| self.merge.full_docs.get(k).copied().unwrap_or(1);
        let fulls = self.merge.surname_fulls.get(&names::surname(core))?;
        let mut found = None;
        for f in fulls.iter().filter(|f| **f != own) {
            let theirs: Vec<&str> = f.split(' ').collect();
            let close = theirs.len() == words.len()
                && theirs[1..] == words[1..]
                && self.rules.is_given(theirs[0])
                // a slip keeps the first letter ("Donand", "Dnoald");
                // "Ugo" and "Hugo" are two names
                && theirs[0].chars().next() == words[0].chars().next()
                && strsim::osa_distance(theirs[0], words[0]) == 1;
            if close && docs(f) >= 3 && docs(f) >= 3 * docs(&own) {
                if found.is_some() {
                    return None;
                }
                found = Some(f.clone());
            }
        }
        found
    }

    /// The person a bare surname ("Trump") stands for in this graph, by
    /// the rule that merges bare surnames across documents (see
    /// [`add_record`](Self::add_record)), when one dominates it.
    pub(crate) fn person_for_surname(&self, word: &str) -> Option<NodeIndex> {
        let fulls = self.merge.surname_fulls.get(&names::spelling(word))?;
        let k = self.dominant(fulls, None, &[])?;
        self.merge.full.get(&(EntityKind::Person, k)).copied()
    }

    /// The full name a bare surname stands for: among the full names with
    /// that surname that its gender does not contradict and its document
    /// does not give to someone else, the only one, or the one named in at
    /// least three times as many documents as any other (and in two or
    /// more).
    fn dominant(
        &self,
        fulls: &BTreeSet<String>,
        gender: Option<Gender>,
        others: &[&str],
    ) -> Option<String> {
        let mut cands: Vec<(usize, &String)> = fulls
            .iter()
            .filter(|f| !others.contains(&f.as_str()))
            .filter(|f| {
                let theirs = self.merge.full_gender.get(*f).copied().flatten();
                gender.is_none() || theirs.is_none() || theirs == gender
            })
            .map(|f| (self.merge.full_docs.get(f).copied().unwrap_or(1), f))
            .collect();
        cands.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        match cands.as_slice() {
            [(_, one)] => Some((*one).clone()),
            [(n, top), (m, _), ..] if *n >= 2 && *n >= 3 * *m => Some((*top).clone()),
            _ => None,
        }
    }

    /// Merge names into node `ix`: aliases, a longer full name as the
    /// canonical name (and id), and the merge index.
    /// `cores`: the name cores of `all` (people only).
    /// `fresh`: the node is new (or being rebuilt), so every name is
    /// registered, not only those it did not have yet.
    fn absorb(
        &mut self,
        ix: NodeIndex,
        all: &[&str],
        cores: &[Option<Vec<&str>>],
        outlet: bool,
        fresh: bool,
    ) {
        let NodeData::Entity(node) = &mut self.graph[ix].data else {
            unreachable!("entities are entity nodes")
        };
        let kind = node.kind;
        node.outlet |= outlet;
        // names the node did not have: only they change the merge index
        let mut new = vec![fresh; all.len()];
        for (i, n) in all.iter().enumerate() {
            if *n != node.name && !node.aliases.iter().any(|a| a == n) {
                node.aliases.push(n.to_string());
                new[i] = true;
            }
        }
        if kind != EntityKind::Person {
            for (n, _) in all.iter().zip(&new).filter(|(_, new)| **new) {
                self.merge
                    .full
                    .entry((kind, names::plain_key(n)))
                    .or_insert(ix);
            }
            return;
        }
        let new_cores: Vec<&Vec<&str>> = cores
            .iter()
            .zip(&new)
            .filter(|(_, new)| **new)
            .filter_map(|(c, _)| c.as_ref())
            .collect();
        // the longest full name is canonical
        let longest =
            new_cores
                .iter()
                .filter(|c| c.len() >= 2)
                .fold(None::<&&Vec<&str>>, |b, c| match b {
                    Some(b) if b.len() >= c.len() => Some(b),
                    _ => Some(c),
                });
        if let Some(best) = longest {
            let current = self.rules.core(&node.name);
            let given = |c: &[&str]| self.rules.is_given(&names::spelling(c[0]));
            // a longer full name, or one as long whose given name is known
            // where the node's is not (a misspelling merged into it)
            let better = match &current {
                Some(c) => {
                    best.len() > c.len().max(1)
                        || (best.len() == c.len() && given(best) && !given(c))
                }
                None => best.len() > 1,
            };
            let best = best.join(" ");
            if better && best != node.name {
                let old = std::mem::replace(&mut node.name, best.clone());
                node.aliases.retain(|a| *a != best);
                if !node.aliases.contains(&old) {
                    node.aliases.insert(0, old);
                }
                self.rename(ix, format!("person:{}", slug(&best)));
            }
        }
        for core in new_cores {
            let surname = names::surname(core);
            if core.len() >= 2 {
                self.merge
                    .full
                    .entry((kind, names::full_key(core)))
                    .or_insert(ix);
                self.merge.has_full.insert(ix);
            }
            let list = self.merge.single.entry(surname).or_default();
            if !list.contains(&ix) {
                list.push(ix);
            }
        }
    }

    fn rename(&mut self, ix: NodeIndex, base: String) {
        if self.graph[ix].id == base {
            return;
        }
        let old = self.graph[ix].id.clone();
        self.index.remove(&self.graph, &old);
        let id = self.unique_id(base);
        self.graph[ix].id = id;
        self.index.insert(&self.graph, ix);
    }

    /// Build a graph from nodes and edges given by node id, in order (as
    /// an importer reads them). The merge index is rebuilt from the nodes,
    /// so more records can be added afterwards.
    pub fn from_parts(
        nodes: Vec<Node>,
        edges: impl IntoIterator<Item = (String, String, Edge)>,
    ) -> Result<QuoteGraph> {
        let g = QuoteGraph::with_nodes(nodes)?;
        let mut indexed = Vec::new();
        for (from, to, edge) in edges {
            let lookup = |id: &str| {
                g.index_of(id).ok_or_else(|| Error::Graph {
                    message: format!("edge refers to unknown node {id:?}"),
                })
            };
            indexed.push((lookup(&from)?.index(), lookup(&to)?.index(), edge));
        }
        g.finish_parts(indexed)
    }

    /// [`from_parts`](Self::from_parts) with edges given by node position
    /// (as a snapshot stores them).
    pub(crate) fn from_indexed_parts(
        nodes: Vec<Node>,
        edges: impl IntoIterator<Item = (usize, usize, Edge)>,
    ) -> Result<QuoteGraph> {
        QuoteGraph::with_nodes(nodes)?.finish_parts(edges)
    }

    /// A graph of `nodes` and no edges yet, indexed by id; an id given
    /// twice is an error.
    fn with_nodes(nodes: Vec<Node>) -> Result<QuoteGraph> {
        let mut g = QuoteGraph::new();
        g.graph.reserve_nodes(nodes.len());
        g.index.reserve(nodes.len());
        for n in nodes {
            if g.index.contains(&g.graph, &n.id) {
                return Err(Error::Graph {
                    message: format!("duplicate node id {:?}", n.id),
                });
            }
            let ix = g.graph.add_node(n);
            g.index.insert(&g.graph, ix);
        }
        Ok(g)
    }

    /// The edges added and the merge index rebuilt from the nodes.
    fn finish_parts(
        mut self,
        edges: impl IntoIterator<Item = (usize, usize, Edge)>,
    ) -> Result<QuoteGraph> {
        let g = &mut self;
        let n = g.graph.node_count();
        for (a, b, edge) in edges {
            if a >= n || b >= n {
                return Err(Error::Graph {
                    message: format!("edge refers to node #{} of {n}", a.max(b)),
                });
            }
            let (a, b) = (NodeIndex::new(a), NodeIndex::new(b));
            if edge.kind == EdgeKind::HoldsRole {
                let title = edge.title().unwrap_or_default().to_lowercase();
                g.merge.roles.insert((a, b, title));
            }
            g.graph.add_edge(a, b, edge);
        }
        let entities: Vec<(NodeIndex, Vec<String>, bool)> = g
            .graph
            .node_indices()
            .filter_map(|ix| {
                g.graph[ix].entity().map(|e| {
                    let mut all = vec![e.name.clone()];
                    all.extend(e.aliases.iter().cloned());
                    (ix, all, e.outlet)
                })
            })
            .collect();
        for (ix, all, outlet) in entities {
            let all: Vec<&str> = all.iter().map(String::as_str).collect();
            let mut cores = Vec::new();
            if g.graph[ix].kind() == NodeKind::Person {
                cores = all.iter().map(|n| g.rules.core(n)).collect();
                for core in cores.iter().flatten() {
                    g.note_full(core);
                }
            }
            g.absorb(ix, &all, &cores, outlet, true);
        }
        Ok(self)
    }
}

/// The id of statement `n` (from 1) of document `doc`,
/// `statement:<doc>#<n>`, in a string of its exact size (a big graph
/// holds millions).
fn statement_id(doc: &str, n: usize) -> String {
    use std::fmt::Write as _;
    let mut id = String::with_capacity("statement:#".len() + doc.len() + 20);
    id.push_str("statement:");
    id.push_str(doc);
    write!(id, "#{n}").expect("a String takes any text");
    id.shrink_to_fit();
    id
}

/// The publisher a record's input names: its `outlet` field, else the
/// host of its `url` without "www.". The host is cut by hand (scheme, then
/// up to the first `/`, `?`, `#` or `:`; no user part): a URL crate would
/// parse the rest of the URL to throw it away.
fn publisher_of(rec: &DocRecord) -> Option<String> {
    let field = |k: &str| {
        rec.meta
            .get(k)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    if let Some(outlet) = field("outlet") {
        return Some(outlet.to_string());
    }
    let url = field("url")?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}
