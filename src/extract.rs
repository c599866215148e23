//! The pipeline for one document: text → tokens → sentences → quotes →
//! attribution rules → entity resolution, and the conversion of the result
//! to the output contract ([`DocRecord`]).

use std::collections::BTreeMap;

use crate::anatomy::{self, ZoneSpan};
use crate::class::{AttributionClass, ContentType, Polarity, Scope};
use crate::date::Date;
pub use crate::dateline::Dateline;
use crate::lexicon::{CueClass, Lexicon};
use crate::mention::{MentionKind, Np};
use crate::quote;
use crate::record::{
    AttributionRecord, ContentRecord, CueRecord, DatelineRecord, DocRecord, EntityKind,
    EntityRecord, MentionRecord, QuoteKind, RoleRecord,
};
use crate::resolve::{self, Entity, Resolver};
use crate::rules::{interview, Ctx, CueWord, Draft, RuleId};
use crate::sentence;
use crate::span::{CodePoints, Span};
use crate::token::{self, Token};

/// A document to extract from.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// Its name (path as given, `-`, or a JSONL id).
    pub name: String,
    /// The text.
    pub text: String,
    /// Fields carried through to the output.
    pub meta: BTreeMap<String, serde_json::Value>,
}

impl Document {
    /// A document from a name and text.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            name: name.into(),
            text: text.into(),
            meta: BTreeMap::new(),
        }
    }
}

/// A phrase in the text and the entity it resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    /// Bytes.
    pub span: Span,
    /// The entity it resolves to: its index among the document's entities
    /// (the records of [`Extraction::to_record`] name it by id).
    pub entity: Option<usize>,
}

/// The cue of an attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Bytes.
    pub span: Span,
    /// Lemma ("say", "according to", ":").
    pub lemma: String,
    /// Semantic class of a verb cue.
    pub class: Option<CueClass>,
}

/// One attribution, in byte spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Direct, indirect or mixed.
    pub kind: QuoteKind,
    /// How the speaker relates to the content (said, believes, wants…).
    pub class: AttributionClass,
    /// What the content is (quotation, clause, topic…).
    pub content_type: ContentType,
    /// Affirmed or negated.
    pub polarity: Polarity,
    /// Who is reported.
    pub speaker: Option<MentionRef>,
    /// The reporting word or phrase.
    pub cue: Cue,
    /// Content fragments in text order.
    pub content: Vec<Span>,
    /// The relaying outlet.
    pub source: Option<MentionRef>,
    /// Whom it was said to.
    pub addressee: Option<MentionRef>,
    /// Entities named in the content (indices).
    pub mentions: Vec<usize>,
    /// The rule that produced it.
    pub rule: RuleId,
}

/// Everything extracted from one document, in byte spans.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// Document name.
    pub doc: String,
    /// Document text.
    pub text: String,
    /// Fields carried through.
    pub meta: BTreeMap<String, serde_json::Value>,
    /// Dateline.
    pub dateline: Option<Dateline>,
    /// Entities (only those referenced are written out).
    pub(crate) entities: Vec<Entity>,
    /// Attributions in text order.
    pub attributions: Vec<Attribution>,
    /// Bytes of every sentence of the body (after the dateline), in order.
    pub sentences: Vec<Span>,
    /// The stretches of the page outside the body (headline, byline,
    /// dateline, captions, related stories, tags, labels, timestamps,
    /// boilerplate, interview markers), in text order: nothing in them
    /// makes an attribution or an entity.
    pub zones: Vec<ZoneSpan>,
}

/// Extracts attributions with one lexicon. Cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Lexicon,
    scope: Scope,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new(Lexicon::embedded())
    }
}

impl Extractor {
    /// An extractor using `lex`.
    pub fn new(lex: Lexicon) -> Extractor {
        Extractor {
            lex,
            scope: Scope::All,
        }
    }

    /// The same extractor keeping only the attributions `scope` admits.
    pub fn with_scope(self, scope: Scope) -> Extractor {
        Extractor { scope, ..self }
    }

    /// Which attributions it keeps.
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Extract from one document.
    ///
    /// ```
    /// use quotegraph::{Document, Extractor};
    /// let ex = Extractor::default();
    /// let doc = Document::new("a.txt", "“We are ready,” the minister said.");
    /// let out = ex.extract(&doc);
    /// assert_eq!(out.attributions.len(), 1);
    /// assert_eq!(out.attributions[0].cue.lemma, "say");
    /// ```
    pub fn extract(&self, doc: &Document) -> Extraction {
        let text = doc.text.as_str();
        let lex = &self.lex;
        let toks = token::tokenize(text, lex);
        let page = anatomy::read(text, lex);
        let dl = page.dateline.clone();
        // tokens of the dateline (and the headline and byline above it)
        // take no part in sentences
        let body_from = dl.as_ref().map_or(0, |d| d.1);
        let first = toks.partition_point(|t| t.span.start < body_from);
        // a headline above a later dateline is read too
        let head_end = page
            .zones
            .iter()
            .find(|z| z.zone == anatomy::Zone::Dateline)
            .map_or(0, |z| toks.partition_point(|t| t.span.start < z.span.start));
        let sents = {
            let mut s = if head_end > 0 {
                sentence::split(text, &toks[..head_end])
            } else {
                Vec::new()
            };
            let paras = s.last().map_or(0, |x| x.para + 1);
            let head = s.len();
            s.extend(sentence::split(text, &toks[first..]));
            for x in &mut s[head..] {
                x.tokens = x.tokens.start + first..x.tokens.end + first;
                x.para += paras;
            }
            body_only(s, &page.zones, &toks)
        };
        let quotes = quote::pair(&toks);
        // one set of token bounds for the rules and the resolver
        let bounds = token::Bounds::new(&toks);
        let mut drafts = Ctx::new(text, lex, &toks, &bounds, &sents, &quotes).run();
        let answers = interview::answers(text, &toks, &sents, &page.zones, lex, &drafts);
        if !answers.is_empty() {
            drafts.extend(answers);
            drafts.sort_by_key(|d| d.cue.0);
        }
        let mut sent_starts = vec![false; toks.len()];
        for s in &sents {
            sent_starts[s.tokens.start] = true;
        }
        let mut res = Resolver::new(text, &toks, &bounds, lex);
        let ranges: Vec<std::ops::Range<usize>> = sents.iter().map(|s| s.tokens.clone()).collect();
        res.prescan(&ranges);
        res.set_quoted(quotes.iter().map(|q| q.inner).collect());
        let dateline = dl.map(|(mut d, _)| {
            d.place_entity = d.place.map(|p| {
                let name = p.slice(text);
                let lower = name.to_lowercase();
                let canonical = lex
                    .places
                    .places
                    .iter()
                    .find(|pl| {
                        pl.name.to_lowercase() == lower
                            || pl.aliases.iter().any(|a| a.to_lowercase() == lower)
                    })
                    .map(|pl| pl.name.clone())
                    .unwrap_or_else(|| title_case(name));
                res.place(&canonical, p)
            });
            d
        });
        let mut attributions = Vec::with_capacity(drafts.len());
        let ordered = quotes_ordered(&quotes);
        for d in drafts {
            let q = (&quotes[..], ordered);
            let a = self.finish(d, text, &toks, q, &mut res, &sent_starts);
            if self.scope.admits(a.class, a.content_type) {
                attributions.push(a);
            }
        }
        let mut entities = res.into_entities();
        for a in &mut attributions {
            for r in [&mut a.speaker, &mut a.addressee, &mut a.source]
                .into_iter()
                .flatten()
            {
                r.entity =
                    resolve::relink_gendered(&mut entities, &self.lex, &toks, r.span, r.entity);
            }
        }
        Extraction {
            doc: doc.name.clone(),
            text: doc.text.clone(),
            meta: doc.meta.clone(),
            dateline,
            entities,
            attributions,
            sentences: sents.iter().map(|s| s.span).collect(),
            zones: page.zones,
        }
    }

    fn finish(
        &self,
        d: Draft,
        text: &str,
        toks: &[Token],
        (quotes, ordered): (&[quote::Quote], bool),
        res: &mut Resolver,
        sent_starts: &[bool],
    ) -> Attribution {
        let span_of = |np: &Np| np.span(toks);
        let resolve = |res: &mut Resolver, np: &Option<Np>, speaker: bool| {
            np.map(|np| {
                let span = span_of(&np);
                let entity = res.resolve(&np, span.start, speaker);
                MentionRef { span, entity }
            })
        };
        // the speaker is resolved before what comes later in the sentence
        let speaker = resolve(res, &d.speaker, true);
        let addressee = resolve(res, &d.addressee, false);
        let source = resolve(res, &d.source, false);
        let mut mentions = Vec::new();
        for c in &d.content {
            for e in res.mentions_in(*c, sent_starts) {
                if !mentions.contains(&e) {
                    mentions.push(e);
                }
            }
        }
        let cue_span = Span::new(toks[d.cue.0].span.start, toks[d.cue.1 - 1].span.end);
        let (lemma, class) = match d.cue_word {
            CueWord::Verb(v) => {
                let e = self.lex.verb(v);
                (e.lemma.clone(), Some(e.class))
            }
            CueWord::According(a) => (self.lex.cues.according[a as usize].lemma.clone(), None),
            CueWord::Colon => (":".to_string(), None),
            CueWord::Frame => ("in".to_string(), None),
            CueWord::Noun => {
                let w = cue_span.slice(text).to_lowercase();
                let lemma = self
                    .lex
                    .cues
                    .nouns
                    .iter()
                    .find(|n| n.lemma == w || n.forms.contains(&w))
                    .map_or(w, |n| n.lemma.clone());
                (lemma, None)
            }
        };
        // an interview's answer is the interviewee's own words, unquoted
        let kind = if d.rule == RuleId::InterviewAnswer {
            QuoteKind::Direct
        } else {
            quote_kind(&d.content, quotes, ordered, toks)
        };
        let _ = MentionKind::Name;
        Attribution {
            kind,
            class: d.class,
            content_type: if kind == QuoteKind::Direct {
                ContentType::Quote
            } else {
                d.content_type
            },
            polarity: d.polarity,
            speaker,
            cue: Cue {
                span: cue_span,
                lemma,
                class,
            },
            content: d.content,
            source,
            addressee,
            mentions,
            rule: d.rule,
        }
    }
}

/// Keep the sentences of the body: drop those inside another zone of the
/// page, start those opened by a label or a timestamp after it, and number
/// paragraphs again so that a caption between two paragraphs of a story
/// does not part them.
fn body_only(
    sents: Vec<sentence::Sentence>,
    zones: &[ZoneSpan],
    toks: &[Token],
) -> Vec<sentence::Sentence> {
    if zones.is_empty() {
        return sents;
    }
    let mut out = Vec::with_capacity(sents.len());
    let mut z = 0;
    let mut para = None::<(usize, usize)>; // (old, new)
    for mut s in sents {
        while z < zones.len() && (zones[z].span.end <= s.span.start || zones[z].zone.is_read()) {
            z += 1;
        }
        if let Some(zone) = zones.get(z).filter(|zs| zs.span.start <= s.span.start) {
            let end = zone.span.end;
            while s.tokens.start < s.tokens.end && toks[s.tokens.start].span.start < end {
                s.tokens.start += 1;
            }
            if s.tokens.is_empty() {
                continue;
            }
            s.span = Span::new(toks[s.tokens.start].span.start, s.span.end);
        }
        let new = match para {
            Some((old, new)) if old == s.para => new,
            Some((_, new)) => new + 1,
            None => 0,
        };
        para = Some((s.para, new));
        s.para = new;
        out.push(s);
    }
    out
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Direct when every fragment is a quotation, mixed when some quotation
/// lies inside, else indirect.
fn quote_kind(
    content: &[Span],
    quotes: &[quote::Quote],
    ordered: bool,
    toks: &[Token],
) -> QuoteKind {
    let _ = toks;
    // `quote::pair` yields non-empty quotations in text order that do not
    // overlap (`ordered`, see [`quotes_ordered`]); then both questions are a
    // binary search instead of a scan of every quotation per attribution
    // (quadratic on long documents). Any other input keeps the scan, and so
    // the result.
    if ordered {
        let is_quote = |c: &Span| {
            let i = quotes.partition_point(|q| q.span.start < c.start);
            quotes
                .get(i)
                .is_some_and(|q| q.span.start == c.start && q.span.end >= c.end)
        };
        if content.iter().all(is_quote) {
            return QuoteKind::Direct;
        }
        // a non-empty quotation inside `c` also overlaps it
        let has_quote = content.iter().any(|c| {
            let i = quotes.partition_point(|q| q.span.end <= c.start);
            quotes.get(i).is_some_and(|q| q.span.start < c.end)
        });
        return if has_quote {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
    }
    let is_quote = |c: &Span| {
        quotes
            .iter()
            .any(|q| q.span == *c || (q.span.start == c.start && q.span.end >= c.end))
    };
    if content.iter().all(is_quote) {
        return QuoteKind::Direct;
    }
    let has_quote = content.iter().any(|c| {
        quotes
            .iter()
            .any(|q| c.contains(q.span) || c.overlaps(q.span))
    });
    if has_quote {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// True when the quotations are non-empty, in text order and disjoint.
fn quotes_ordered(quotes: &[quote::Quote]) -> bool {
    quotes.iter().all(|q| q.span.start < q.span.end)
        && quotes.windows(2).all(|w| w[0].span.end <= w[1].span.start)
}

/// Lowercase slug for ids: letters and digits, other runs become `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

impl Extraction {
    /// The text at a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The entities written out (those used, and those their roles are
    /// of) in order of first mention, and each entity's id (`None` for
    /// those left out): `kind:slug`, with `-2`, `-3`… for repeats, and
    /// `@doc` after the slug of an unnamed entity (ids of named entities
    /// mean the same thing in every document; an unnamed one's do not).
    fn entity_ids(&self) -> (Vec<usize>, Vec<Option<String>>) {
        let mut ids: Vec<Option<String>> = vec![None; self.entities.len()];
        let mut taken = std::collections::HashSet::new();
        // referenced entities, and what their roles are of
        let mut used: Vec<bool> = self.entities.iter().map(|e| e.used).collect();
        for e in self.entities.iter().filter(|e| e.used) {
            for r in &e.roles {
                if let Some(o) = r.of {
                    used[o] = true;
                }
            }
        }
        // output order: first mention in the text
        let mut order: Vec<usize> = (0..self.entities.len()).filter(|&i| used[i]).collect();
        order.sort_by_key(|&i| {
            (
                self.entities[i]
                    .seen
                    .iter()
                    .min()
                    .copied()
                    .unwrap_or(usize::MAX),
                i,
            )
        });
        for &i in &order {
            let e = &self.entities[i];
            let mut base = format!("{}:{}", e.kind.as_str(), slug(&e.name));
            if e.unnamed {
                // "I", "we", "the teachers" of one article are not those of
                // another: the id says which document's they are
                base = format!("{base}@{}", self.doc);
            }
            let mut id = base.clone();
            let mut n = 2;
            while !taken.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            ids[i] = Some(id);
        }
        (order, ids)
    }

    /// Convert to the output contract: code-point spans, entity ids.
    pub fn to_record(&self) -> DocRecord {
        let cp = CodePoints::new(&self.text);
        let (order, ids) = self.entity_ids();
        let entity_id = |i: Option<usize>| i.and_then(|i| ids[i].clone());
        let mention = |m: &Option<MentionRef>| {
            m.map(|m| MentionRecord {
                text: self.slice(m.span).to_string(),
                span: cp.span(m.span),
                entity: entity_id(m.entity),
            })
        };
        let entities = order
            .iter()
            .map(|&i| (i, &self.entities[i]))
            .map(|(i, e)| EntityRecord {
                id: ids[i].clone().expect("used entities have ids"),
                kind: e.kind,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                roles: e
                    .roles
                    .iter()
                    .map(|r| RoleRecord {
                        title: r.title.clone(),
                        of: entity_id(r.of),
                    })
                    .collect(),
                outlet: e.outlet,
                unnamed: e.unnamed,
                mentions: {
                    let mut m: Vec<[usize; 2]> = e.spans.iter().map(|s| cp.span(*s)).collect();
                    m.sort_unstable();
                    m.dedup();
                    m
                },
            })
            .collect();
        let attributions = self
            .attributions
            .iter()
            .enumerate()
            .map(|(n, a)| {
                let frags: Vec<[usize; 2]> = a.content.iter().map(|s| cp.span(*s)).collect();
                AttributionRecord {
                    id: format!("a{}", n + 1),
                    kind: a.kind,
                    class: a.class,
                    content_type: a.content_type,
                    polarity: a.polarity,
                    speaker: mention(&a.speaker),
                    cue: CueRecord {
                        text: self.slice(a.cue.span).to_string(),
                        span: cp.span(a.cue.span),
                        lemma: a.cue.lemma.clone(),
                    },
                    content: ContentRecord {
                        text: a
                            .content
                            .iter()
                            .map(|s| self.slice(*s))
                            .collect::<Vec<_>>()
                            .join(" "),
                        span: frags[0],
                        spans: frags,
                    },
                    source: mention(&a.source),
                    addressee: mention(&a.addressee),
                    mentions: a
                        .mentions
                        .iter()
                        .filter_map(|&m| entity_id(Some(m)))
                        .collect(),
                    rule: a.rule.name().to_string(),
                }
            })
            .collect();
        let dateline = self.dateline.as_ref().map(|d| DatelineRecord {
            text: self.slice(d.span).to_string(),
            span: cp.span(d.span),
            place: d.place.map(|p| self.slice(p).to_string()),
            date: d.date.as_ref().map(Date::to_string),
            place_entity: entity_id(d.place_entity),
            agency: d.agency.map(|a| self.slice(a).to_string()),
        });
        DocRecord {
            doc: self.doc.clone(),
            dateline,
            entities,
            attributions,
            meta: self.meta.clone(),
            sentences: self.sentences.iter().map(|s| cp.span(*s)).collect(),
        }
    }
}

impl EntityKind {
    /// Parse "person" / "organization" / "place".
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s {
            "person" => Some(EntityKind::Person),
            "organization" => Some(EntityKind::Organization),
            "place" => Some(EntityKind::Place),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{slug, Document, Extractor};
    use crate::record::{DocRecord, QuoteKind};

    fn record(text: &str) -> DocRecord {
        Extractor::default()
            .extract(&Document::new("test", text))
            .to_record()
    }

    /// The characters of `text` in a code-point span.
    fn chars(text: &str, [s, e]: [usize; 2]) -> String {
        text.chars().skip(s).take(e - s).collect()
    }

    /// Every text in a record is the text at its code-point span, also
    /// after letters outside ASCII and typographic marks.
    #[test]
    fn texts_are_the_text_at_their_spans() {
        let text = "Zoë Åberg said “the bridge — finally — will open” next week. \
                    The bridge, Åberg said, will be free. Åberg told the council \
                    that it was safe, as cited by Reuters.";
        let rec = record(text);
        assert_eq!(rec.attributions.len(), 3);
        for a in &rec.attributions {
            assert_eq!(a.cue.text, chars(text, a.cue.span));
            let frags: Vec<String> = a.content.spans.iter().map(|s| chars(text, *s)).collect();
            assert_eq!(a.content.text, frags.join(" "));
            assert_eq!(a.content.span, a.content.spans[0]);
            for m in [&a.speaker, &a.source, &a.addressee].into_iter().flatten() {
                assert_eq!(m.text, chars(text, m.span));
            }
        }
        let a = &rec.attributions[1];
        assert_eq!(a.content.text, "The bridge will be free");
        assert_eq!(a.content.spans.len(), 2);
        let a = &rec.attributions[2];
        assert_eq!(a.addressee.as_ref().unwrap().text, "the council");
        assert_eq!(a.source.as_ref().unwrap().text, "Reuters");
    }

    /// Ids are the kind and a slug of the name, numbered when two
    /// entities share one, and the same however often a text is read.
    #[test]
    fn entity_ids_are_readable_and_stable() {
        let text = "Anna Berg said the bridge would open. Later, Anna-Berg said it would not. \
                    Reuters reported that it would.";
        let rec = record(text);
        let ids: Vec<&str> = rec.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "person:anna-berg",
                "person:anna-berg-2",
                "organization:reuters"
            ]
        );
        let speakers: Vec<_> = rec
            .attributions
            .iter()
            .map(|a| a.speaker.as_ref().and_then(|m| m.entity.as_deref()))
            .collect();
        assert_eq!(
            speakers,
            [
                Some("person:anna-berg"),
                Some("person:anna-berg-2"),
                Some("organization:reuters")
            ]
        );
        assert_eq!(record(text), rec);
    }

    /// Direct when every fragment is a quotation, mixed when a quotation
    /// lies inside, else indirect.
    #[test]
    fn quote_kinds() {
        let kinds = |text: &str| -> Vec<QuoteKind> {
            record(text).attributions.iter().map(|a| a.kind).collect()
        };
        assert_eq!(
            kinds("“We will build it,” the mayor said."),
            [QuoteKind::Direct]
        );
        assert_eq!(
            kinds("Berg said the bridge would be “a marvel” next year."),
            [QuoteKind::Mixed]
        );
        assert_eq!(
            kinds("Berg said the bridge would open."),
            [QuoteKind::Indirect]
        );
    }

    /// A dateline's place is an entity of its own.
    #[test]
    fn a_dateline_and_its_place() {
        let rec = record("HARROW, May 3 — Berg said the bridge would open.");
        let d = rec.dateline.expect("a dateline");
        assert_eq!(d.place.as_deref(), Some("HARROW"));
        assert_eq!(d.place_entity.as_deref(), Some("place:harrow"));
        assert_eq!(rec.entities[0].name, "Harrow");
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Anna Berg"), "anna-berg");
        assert_eq!(slug("Zoë  Åberg!"), "zoë-åberg");
        assert_eq!(slug("--"), "x");
    }
}
