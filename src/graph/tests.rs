use petgraph::Direction;

use super::{shorten, Edge, EdgeKind, Node, NodeKind, QuoteGraph};
use crate::extract::slug;
use crate::record::{
    AttributionRecord, ContentRecord, CueRecord, DatelineRecord, DocRecord, EntityKind,
    EntityRecord, MentionRecord, QuoteKind, RoleRecord,
};

pub(crate) fn ent(id: &str, kind: EntityKind, name: &str, aliases: &[&str]) -> EntityRecord {
    EntityRecord {
        id: id.into(),
        kind,
        name: name.into(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        roles: Vec::new(),
        outlet: false,
        unnamed: false,
        mentions: Vec::new(),
    }
}

pub(crate) fn role(mut e: EntityRecord, title: &str, of: Option<&str>) -> EntityRecord {
    e.roles.push(RoleRecord {
        title: title.into(),
        of: of.map(str::to_string),
    });
    e
}

pub(crate) fn outlet(mut e: EntityRecord) -> EntityRecord {
    e.outlet = true;
    e
}

fn mention(m: Option<(&str, &str)>) -> Option<MentionRecord> {
    m.map(|(text, id)| MentionRecord {
        text: text.into(),
        span: [0, text.chars().count()],
        entity: (!id.is_empty()).then(|| id.to_string()),
    })
}

/// An attribution: speaker/source/addressee as (text, entity id or "").
pub(crate) fn said(
    speaker: Option<(&str, &str)>,
    content: &str,
    source: Option<(&str, &str)>,
    addressee: Option<(&str, &str)>,
    mentions: &[&str],
) -> AttributionRecord {
    let n = content.chars().count();
    AttributionRecord {
        id: "a1".into(),
        kind: QuoteKind::Indirect,
        class: Default::default(),
        content_type: Default::default(),
        polarity: Default::default(),
        speaker: mention(speaker),
        cue: CueRecord {
            text: "said".into(),
            span: [n + 1, n + 5],
            lemma: "say".into(),
        },
        content: ContentRecord {
            text: content.into(),
            span: [0, n],
            spans: vec![[0, n]],
        },
        source: mention(source),
        addressee: mention(addressee),
        mentions: mentions.iter().map(|s| s.to_string()).collect(),
        rule: "test".into(),
    }
}

pub(crate) fn doc(
    name: &str,
    place: Option<&str>,
    entities: Vec<EntityRecord>,
    attributions: Vec<AttributionRecord>,
) -> DocRecord {
    DocRecord {
        doc: name.into(),
        dateline: place.map(|p| DatelineRecord {
            text: format!("{p}, December 6"),
            span: [0, p.chars().count() + 12],
            place: Some(p.into()),
            date: Some("2024-12-06".into()),
            place_entity: Some(format!("place:{}", slug(p))),
            agency: None,
        }),
        entities,
        attributions,
        meta: Default::default(),
        sentences: Vec::new(),
    }
}

/// A document in which one entity, `e`, says `content`, named as `text`.
fn speaker_doc(name: &str, e: EntityRecord, text: &str, content: &str) -> DocRecord {
    let id = e.id.clone();
    let a = said(Some((text, &id)), content, None, None, &[]);
    doc(name, None, vec![e], vec![a])
}

use EntityKind::{Organization as Org, Person, Place};

/// Two documents about Lavrov, Peskov, Putin and TASS.
pub(crate) fn sample_records() -> Vec<DocRecord> {
    let a = doc(
        "a.txt",
        Some("Moscow"),
        vec![
            ent("place:moscow", Place, "Moscow", &[]),
            ent("place:russia", Place, "Russia", &[]),
            role(
                ent(
                    "person:sergey-lavrov",
                    Person,
                    "Sergey Lavrov",
                    &["Lavrov", "Russian foreign minister Sergey Lavrov"],
                ),
                "foreign minister",
                Some("place:russia"),
            ),
            outlet(ent("organization:tass", Org, "TASS", &["TASS news agency"])),
            role(
                ent(
                    "person:tucker-carlson",
                    Person,
                    "Tucker Carlson",
                    &["Carlson"],
                ),
                "journalist",
                None,
            ),
            ent(
                "person:vladimir-putin",
                Person,
                "Vladimir Putin",
                &["Putin"],
            ),
            role(
                ent("person:dmitry-peskov", Person, "Dmitry Peskov", &[]),
                "spokesman",
                Some("person:vladimir-putin"),
            ),
        ],
        vec![
            said(
                Some(("Lavrov", "person:sergey-lavrov")),
                "Russia is ready to send additional messages",
                Some(("TASS", "organization:tass")),
                Some(("Carlson", "person:tucker-carlson")),
                &["place:russia"],
            ),
            said(
                Some(("Putin's spokesman Dmitry Peskov", "person:dmitry-peskov")),
                "the attack was an answer",
                None,
                None,
                &[],
            ),
            said(
                Some(("the top Russian diplomat", "")),
                "this is a very serious mistake",
                None,
                None,
                &[],
            ),
        ],
    );
    let b = doc(
        "b.txt",
        None,
        vec![
            ent("person:lavrov", Person, "Lavrov", &["the Russian minister"]),
            outlet(ent("organization:tass", Org, "TASS", &[])),
        ],
        vec![
            said(
                Some(("Lavrov", "person:lavrov")),
                "Russia is ready to send additional messages",
                Some(("TASS", "organization:tass")),
                None,
                &[],
            ),
            said(
                Some(("The Russian minister", "person:lavrov")),
                "Russia wants normal relations",
                None,
                None,
                &[],
            ),
        ],
    );
    vec![a, b]
}

pub(crate) fn sample_graph() -> QuoteGraph {
    QuoteGraph::from_extractions(&sample_records()).unwrap()
}

fn ids(nodes: Vec<&Node>) -> Vec<&str> {
    nodes.into_iter().map(|n| n.id.as_str()).collect()
}

/// The ids of the nodes `id` points at with `kind` edges.
fn out<'g>(g: &'g QuoteGraph, id: &str, kind: EdgeKind) -> Vec<&'g str> {
    ids(g.neighbors(id, kind, Direction::Outgoing))
}

/// The names of the nodes of `kind`, in graph order.
fn names(g: &QuoteGraph, kind: NodeKind) -> Vec<&str> {
    g.nodes_of_kind(kind).map(|n| n.name()).collect()
}

/// The ids of the nodes of `kind`, in graph order.
fn kind_ids(g: &QuoteGraph, kind: NodeKind) -> Vec<&str> {
    g.nodes_of_kind(kind).map(|n| n.id.as_str()).collect()
}

#[test]
fn builds_nodes_and_edges_with_stable_ids() {
    let g = sample_graph();
    let lavrov = g.node("person:sergey-lavrov").unwrap();
    assert_eq!(lavrov.kind(), NodeKind::Person);
    assert_eq!(lavrov.name(), "Sergey Lavrov");
    let e = lavrov.entity().unwrap();
    assert!(e.aliases.contains(&"Lavrov".to_string()));
    assert!(e.aliases.contains(&"the Russian minister".to_string()));
    assert_eq!(
        out(&g, "person:sergey-lavrov", EdgeKind::Said),
        [
            "statement:a.txt#1",
            "statement:b.txt#1",
            "statement:b.txt#2"
        ]
    );
    // identical words in two documents are two statements
    let s1 = g.node("statement:a.txt#1").unwrap().statement().unwrap();
    let s2 = g.node("statement:b.txt#1").unwrap().statement().unwrap();
    assert_eq!(s1.text, s2.text);
    assert_eq!(s1.date.as_deref(), Some("2024-12-06"));
    assert_eq!(s2.date, None);
    let one_edge = [
        (
            "statement:a.txt#1",
            EdgeKind::ReportedBy,
            "organization:tass",
        ),
        (
            "statement:a.txt#1",
            EdgeKind::AddressedTo,
            "person:tucker-carlson",
        ),
        ("statement:a.txt#1", EdgeKind::Mentions, "place:russia"),
        ("statement:b.txt#2", EdgeKind::AppearsIn, "document:b.txt"),
        ("document:a.txt", EdgeKind::Datelined, "place:moscow"),
    ];
    for (from, kind, to) in one_edge {
        assert_eq!(out(&g, from, kind), [to], "{from} {kind:?}");
    }
    // the unresolved speaker keeps its words but has no said edge
    let s3 = g.node("statement:a.txt#3").unwrap();
    assert_eq!(
        s3.statement().unwrap().speaker_text.as_deref(),
        Some("the top Russian diplomat")
    );
    assert!(g
        .neighbors("statement:a.txt#3", EdgeKind::Said, Direction::Incoming)
        .is_empty());
    // one TASS
    assert_eq!(g.nodes_of_kind(NodeKind::Organization).count(), 1);
}

#[test]
fn roles_become_edges_or_titles() {
    let g = sample_graph();
    let peskov = g.index_of("person:dmitry-peskov").unwrap();
    let putin = g.index_of("person:vladimir-putin").unwrap();
    let e = g.graph().find_edge(peskov, putin).unwrap();
    assert_eq!(g.graph()[e].kind, EdgeKind::HoldsRole);
    assert_eq!(g.graph()[e].title(), Some("spokesman"));
    assert_eq!(
        out(&g, "person:sergey-lavrov", EdgeKind::HoldsRole),
        ["place:russia"]
    );
    let carlson = g.node("person:tucker-carlson").unwrap().entity().unwrap();
    assert_eq!(carlson.titles, ["journalist"]);
}

#[test]
fn summary_counts_by_kind() {
    let g = sample_graph();
    let s = g.summary();
    assert_eq!(s.node_total(), g.node_count());
    assert_eq!(s.edge_total(), g.edge_count());
    let text = s.to_string();
    assert!(
        text.starts_with(&format!("{} nodes (", g.node_count())),
        "{text}"
    );
    assert!(text.contains("5 statement"), "{text}");
    assert!(text.contains("4 said"), "{text}");
}

#[test]
fn insertion_order_is_deterministic() {
    let a = sample_graph();
    let b = sample_graph();
    assert_eq!(a, b);
    let order: Vec<&str> = a.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(order[0], "document:a.txt");
    assert_eq!(order[1], "place:moscow");
}

#[test]
fn duplicate_documents_are_an_error() {
    let recs = sample_records();
    let mut g = QuoteGraph::from_extractions(&recs).unwrap();
    let err = g.add_record(&recs[0]).unwrap_err();
    assert!(err.to_string().contains("a.txt"), "{err}");
}

fn smith(doc_name: &str, first: &str, title: &str) -> DocRecord {
    let full = format!("{first} Smith");
    let id = format!("person:{}", slug(&full));
    let aliases = ["Smith", &format!("{title} {full}")];
    let e = role(ent(&id, Person, &full, &aliases), title, None);
    speaker_doc(doc_name, e, "Smith", "the plan is sound")
}

fn bare_smith(doc_name: &str) -> DocRecord {
    let e = ent("person:smith", Person, "Smith", &[]);
    speaker_doc(doc_name, e, "Smith", "nothing changes")
}

#[test]
fn two_people_sharing_a_surname_stay_apart() {
    let g = QuoteGraph::from_extractions(&[
        smith("x.txt", "John", "senator"),
        smith("y.txt", "Jane", "mayor"),
    ])
    .unwrap();
    assert_eq!(names(&g, NodeKind::Person), ["John Smith", "Jane Smith"]);
}

#[test]
fn a_bare_surname_shared_by_two_people_does_not_merge_in_any_order() {
    let orders = [
        vec![
            bare_smith("z.txt"),
            smith("x.txt", "John", "senator"),
            smith("y.txt", "Jane", "mayor"),
        ],
        vec![
            smith("x.txt", "John", "senator"),
            bare_smith("z.txt"),
            smith("y.txt", "Jane", "mayor"),
        ],
        vec![
            smith("x.txt", "John", "senator"),
            smith("y.txt", "Jane", "mayor"),
            bare_smith("z.txt"),
        ],
    ];
    for recs in orders {
        let g = QuoteGraph::from_extractions(&recs).unwrap();
        let mut people = names(&g, NodeKind::Person);
        people.sort();
        assert_eq!(people, ["Jane Smith", "John Smith", "Smith"]);
    }
}

#[test]
fn a_bare_surname_merges_with_the_one_person_who_has_it() {
    // bare name first: the node is renamed when the full name arrives
    let recs = [
        bare_smith("z.txt"),
        smith("x.txt", "John", "senator"),
        bare_smith("w.txt"),
    ];
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    let people: Vec<&Node> = g.nodes_of_kind(NodeKind::Person).collect();
    assert_eq!(people.len(), 1);
    assert_eq!(people[0].id, "person:john-smith");
    assert_eq!(people[0].name(), "John Smith");
    assert!(g.node("person:smith").is_none());
    assert_eq!(
        g.neighbors("person:john-smith", EdgeKind::Said, Direction::Outgoing)
            .len(),
        3
    );
}

#[test]
fn full_names_merge_through_titles() {
    let berg = ent("person:anna-berg", Person, "Anna Berg", &["Berg"]);
    let a = speaker_doc("a.txt", berg, "Anna Berg", "x");
    let titled = "Foreign Minister Anna Berg";
    let minister = ent("person:foreign-minister-anna-berg", Person, titled, &[]);
    let b = speaker_doc("b.txt", minister, titled, "y");
    let g = QuoteGraph::from_extractions(&[a, b]).unwrap();
    assert_eq!(g.nodes_of_kind(NodeKind::Person).count(), 1);
    let berg = g.node("person:anna-berg").unwrap().entity().unwrap();
    assert_eq!(berg.aliases, ["Berg", "Foreign Minister Anna Berg"]);
}

#[test]
fn descriptions_do_not_merge_across_documents() {
    let mk = |name: &str| {
        let e = ent("person:the-minister", Person, "the minister", &[]);
        speaker_doc(name, e, "the minister", "x")
    };
    let g = QuoteGraph::from_extractions(&[mk("a.txt"), mk("b.txt")]).unwrap();
    assert_eq!(
        kind_ids(&g, NodeKind::Person),
        ["person:the-minister", "person:the-minister-2"]
    );
}

#[test]
fn organizations_merge_by_alias_and_outlets_are_organizations() {
    let a = doc(
        "a.txt",
        None,
        vec![outlet(ent(
            "person:tass",
            Person,
            "TASS",
            &["TASS news agency"],
        ))],
        vec![],
    );
    let b = doc(
        "b.txt",
        None,
        vec![outlet(ent(
            "organization:tass-news-agency",
            Org,
            "TASS news agency",
            &[],
        ))],
        vec![],
    );
    let g = QuoteGraph::from_extractions(&[a, b]).unwrap();
    assert_eq!(kind_ids(&g, NodeKind::Organization), ["organization:tass"]);
}

#[test]
fn parts_round_trip_to_an_equal_graph() {
    let g = sample_graph();
    let nodes: Vec<Node> = g.nodes().cloned().collect();
    let edges: Vec<(String, String, Edge)> = g
        .edges()
        .map(|e| (e.from.id.clone(), e.to.id.clone(), e.edge.clone()))
        .collect();
    let mut h = QuoteGraph::from_parts(nodes, edges).unwrap();
    assert_eq!(g, h);
    // the rebuilt merge index still merges
    let more = speaker_doc(
        "c.txt",
        ent("person:lavrov", Person, "Lavrov", &[]),
        "Lavrov",
        "z",
    );
    h.add_record(&more).unwrap();
    assert_eq!(
        h.neighbors("person:sergey-lavrov", EdgeKind::Said, Direction::Outgoing)
            .len(),
        4
    );
}

#[test]
fn speakers_rank_by_statements() {
    let g = sample_graph();
    let sp = g.speakers();
    assert_eq!(sp[0].speaker.id, "person:sergey-lavrov");
    assert_eq!(sp[0].statements.len(), 3);
    assert_eq!(sp[0].documents, 2);
    assert_eq!(sp[0].relayed_by[0].id, "organization:tass");
    assert_eq!(sp[1].speaker.id, "person:dmitry-peskov");
}

#[test]
fn shorten_cuts_on_characters() {
    assert_eq!(shorten("Сергей  Лавров\nsaid", 100), "Сергей Лавров said");
    assert_eq!(shorten("abcdef ghij", 8), "abcdef…");
}

/// A document where `names` (name, aliases) are people and the first one
/// speaks.
fn people_doc(doc_name: &str, people: &[(&str, &[&str])]) -> DocRecord {
    let ents: Vec<EntityRecord> = people
        .iter()
        .map(|(n, a)| ent(&format!("person:{}", slug(n)), Person, n, a))
        .collect();
    let first = ents[0].id.clone();
    doc(
        doc_name,
        None,
        ents,
        vec![said(
            Some((people[0].0, &first)),
            "it is so",
            None,
            None,
            &[],
        )],
    )
}

#[test]
fn a_bare_surname_joins_the_person_who_dominates_it() {
    let mut recs: Vec<DocRecord> = (0..6)
        .map(|i| {
            people_doc(
                &format!("b{i}.txt"),
                &[("Barack Obama", &["Obama", "Mr. Obama"])],
            )
        })
        .collect();
    recs.push(people_doc("m.txt", &[("Michelle Obama", &["Mrs. Obama"])]));
    // a bare "Obama" in a document that names no Obama in full
    recs.insert(0, people_doc("early.txt", &[("Obama", &[])]));
    // "Mrs. Obama": her honorific contradicts Barack
    recs.push(people_doc("mrs.txt", &[("Obama", &["Mrs. Obama"])]));
    // a document that names Michelle: its bare "Obama" is someone else
    recs.push(people_doc(
        "both.txt",
        &[("Obama", &[]), ("Michelle Obama", &[])],
    ));
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    assert_eq!(
        names(&g, NodeKind::Person),
        ["Barack Obama", "Michelle Obama"]
    );
    let barack = g.index_of("person:barack-obama").unwrap();
    assert_eq!(g.person_for_surname("Obama"), Some(barack));
    let michelle = g.index_of("person:michelle-obama").unwrap();
    let spoke = |ix| g.graph().edges_directed(ix, Direction::Outgoing).count();
    // Michelle speaks in m.txt, mrs.txt (as Mrs. Obama); Barack in the rest
    assert!(
        spoke(michelle) >= 2 && spoke(barack) >= 8,
        "{} {}",
        spoke(michelle),
        spoke(barack)
    );
}

#[test]
fn spellings_initials_and_diacritics_are_one_person() {
    let g = QuoteGraph::from_extractions(&[
        people_doc("a.txt", &[("Volodymyr Zelensky", &["Zelensky"])]),
        people_doc("b.txt", &[("Volodymyr Zelenskyy", &[])]),
        people_doc("c.txt", &[("Zelenskiy", &[])]),
        people_doc("d.txt", &[("Donald J. Trump", &[])]),
        people_doc("e.txt", &[("Donald Trump", &["Mr. Trump"])]),
        people_doc("f.txt", &[("José Martínez", &[])]),
        people_doc("g.txt", &[("Jose Martinez", &[])]),
    ])
    .unwrap();
    assert_eq!(
        names(&g, NodeKind::Person),
        ["Volodymyr Zelensky", "Donald J. Trump", "José Martínez"]
    );
}

fn full_smith(doc_name: &str, first: &str) -> DocRecord {
    let full = format!("{first} Smith");
    let e = ent(&format!("person:{}", slug(&full)), Person, &full, &[]);
    speaker_doc(doc_name, e, &full, "the plan is sound")
}

/// A given name one edit or one transposition from a much more frequent
/// one with the same surname, and itself no known given name, is a
/// misspelling: it joins that person, whether it comes first or last.
/// Two known given names one edit apart are two people.
#[test]
fn misspelt_given_names_merge_only_with_strong_evidence() {
    for misspelt in ["Donand", "Dnoald"] {
        for first in [true, false] {
            let mut recs: Vec<DocRecord> = (0..3)
                .map(|i| full_smith(&format!("d{i}.txt"), "Donald"))
                .collect();
            let odd = full_smith("odd.txt", misspelt);
            if first {
                recs.insert(0, odd);
            } else {
                recs.push(odd);
            }
            let g = QuoteGraph::from_extractions(&recs).unwrap();
            assert_eq!(names(&g, NodeKind::Person), ["Donald Smith"], "{misspelt}");
        }
    }
    // too rare to tell: two documents against one
    let recs = [
        full_smith("a.txt", "Donald"),
        full_smith("b.txt", "Donald"),
        full_smith("c.txt", "Donand"),
    ];
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    assert_eq!(names(&g, NodeKind::Person).len(), 2);
    // Dana and Diana are both given names: two people
    let mut recs: Vec<DocRecord> = (0..4)
        .map(|i| full_smith(&format!("d{i}.txt"), "Diana"))
        .collect();
    recs.push(full_smith("x.txt", "Dana"));
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    let mut people = names(&g, NodeKind::Person);
    people.sort();
    assert_eq!(people, ["Dana Smith", "Diana Smith"]);
    // a slip keeps the first letter: "Ugo" is no misspelt "Hugo"
    let mut recs: Vec<DocRecord> = (0..4)
        .map(|i| full_smith(&format!("h{i}.txt"), "Hugo"))
        .collect();
    recs.push(full_smith("u.txt", "Ugo"));
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    assert_eq!(names(&g, NodeKind::Person).len(), 2);
}
