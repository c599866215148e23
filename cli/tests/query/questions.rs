//! The seven questions (and name resolution) through the library, on the
//! fixture world and the founding article.

use super::*;

// ------------------------------------------------------------ resolver

#[test]
fn names_resolve_by_id_name_alias_word_and_statement_file() {
    let g = fixtures();
    for q in [
        "person:mara-velsen",
        "Mara Velsen",
        "mara VELSEN",
        "  Mara   Velsen ",
        "Velsen",
        "velsen",
    ] {
        assert_eq!(
            query::resolve(g, q).unwrap().id,
            "person:mara-velsen",
            "{q}"
        );
    }
    // "Oduya" is only ever written as "journalist Piet Oduya": a word of it
    assert_eq!(query::resolve(g, "oduya").unwrap().id, "person:piet-oduya");
    assert_eq!(query::resolve(g, "the BBC").unwrap().id, "organization:bbc");
    assert_eq!(
        query::resolve(g, "AFP").unwrap().id,
        "organization:agence-france-presse"
    );
    assert_eq!(
        query::resolve(g, "q1_velsen_interview.txt#3").unwrap().id,
        st("q1_velsen_interview.txt#3")
    );
    assert_eq!(
        query::resolve(g, "document:tests/fixtures/query/q4_tram_line.txt")
            .unwrap()
            .kind(),
        NodeKind::Document
    );
}

#[test]
fn ambiguous_names_list_the_candidates() {
    let err = query::resolve(fixtures(), "Brandt").unwrap_err();
    match &err {
        Error::AmbiguousName { name, candidates } => {
            assert_eq!(name, "Brandt");
            assert_eq!(
                candidates,
                &[
                    "Clara Brandt (person:clara-brandt)",
                    "Jonas Brandt (person:jonas-brandt)"
                ]
            );
        }
        e => panic!("{e:?}"),
    }
    assert!(err.to_string().contains("give the full name or the id"));
    // the full name is not ambiguous
    assert_eq!(
        query::who_said(fixtures(), "jonas brandt")
            .unwrap()
            .statements
            .len(),
        1
    );
}

#[test]
fn unknown_names_suggest_the_closest() {
    let err = query::who_said(fixtures(), "Velsn").unwrap_err();
    match &err {
        Error::UnknownName {
            name, suggestions, ..
        } => {
            assert_eq!(name, "Velsn");
            assert_eq!(suggestions[0], "Mara Velsen");
        }
        e => panic!("{e:?}"),
    }
    assert!(
        err.to_string().starts_with(
            "no entity named \"Velsn\" in the graph; closest known names: Mara Velsen"
        ),
        "{err}"
    );
    let err = query::provenance(fixtures(), "q1_velsen_interview.txt#9").unwrap_err();
    assert!(
        matches!(
            err,
            Error::UnknownName {
                what: "statement",
                ..
            }
        ),
        "{err}"
    );
    // a statement is not a speaker
    assert!(query::who_said(fixtures(), "q1_velsen_interview.txt#1").is_err());
}

// ------------------------------------------------------------ 1. who said what

#[test]
fn who_said_lists_statements_with_cue_date_document_outlet_and_addressee() {
    let w = query::who_said(fixtures(), "velsen").unwrap();
    assert_eq!(w.speaker.id, "person:mara-velsen");
    let ids: Vec<&str> = w.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            st("q1_velsen_interview.txt#1"),
            st("q1_velsen_interview.txt#2"),
            st("q1_velsen_interview.txt#3")
        ]
    );
    let first = &w.statements[0];
    assert_eq!(first.text, "Norway would join the fisheries pact");
    assert_eq!(first.cue, "tell");
    assert_eq!(first.cue_text, "told");
    assert_eq!(first.date.as_deref(), Some("2025-05-03"));
    assert_eq!(first.doc, "tests/fixtures/query/q1_velsen_interview.txt");
    assert_eq!(names(&first.relayed_by), ["Reuters"]);
    assert_eq!(names(&first.addressed_to), ["Piet Oduya"]);
    assert_eq!(names(&first.mentions), ["Norway"]);
    assert_eq!(names(&w.statements[2].mentions), ["Tomas Reyk"]);
    assert!(w.statements[1..]
        .iter()
        .all(|s| s.relayed_by.is_empty() && s.addressed_to.is_empty()));

    let reyk = query::who_said(fixtures(), "Tomas Reyk").unwrap();
    assert_eq!(reyk.statements.len(), 3);
    assert_eq!(names(&reyk.statements[2].relayed_by), ["Reuters"]);
}

// ------------------------------------------------------------ 2. provenance

#[test]
fn provenance_chains_run_from_outlet_to_speaker_to_addressee() {
    let g = fixtures();
    let chain = |q: &str| {
        let p = query::provenance(g, q).unwrap();
        assert_eq!(p.len(), 1);
        p[0].chain.clone()
    };
    assert_eq!(
        chain("q1_velsen_interview.txt#1"),
        "Reuters ← cited ← Mara Velsen → told → Piet Oduya"
    );
    assert_eq!(
        chain(&st("q3_calder_response.txt#1")),
        "Agence France-Presse ← cited ← Ines Calder → said"
    );
    assert_eq!(
        chain("q3_calder_response.txt#2"),
        "Ines Calder → told → BBC"
    );
    assert_eq!(chain("q4_tram_line.txt#2"), "Beatriz Lemos → said");
    // an entity: the chains of all its statements
    let all: Vec<String> = query::provenance(g, "Reyk")
        .unwrap()
        .into_iter()
        .map(|p| p.chain)
        .collect();
    assert_eq!(
        all,
        [
            "Tomas Reyk → said",
            "Tomas Reyk → said",
            "Reuters ← cited ← Tomas Reyk → said"
        ]
    );
}

#[test]
fn outlets_list_every_speaker_they_relayed() {
    let g = fixtures();
    let r = query::relayed_by(g, "reuters").unwrap();
    assert_eq!(r.statements, 2);
    let sp: Vec<(&str, usize)> = r
        .speakers
        .iter()
        .map(|s| (s.entity.name.as_str(), s.count))
        .collect();
    assert_eq!(sp, [("Mara Velsen", 1), ("Tomas Reyk", 1)]);
    assert_eq!(r.speakers[1].statements, [st("q2_reyk_briefing.txt#3")]);
    // "Calder told the BBC": said to a news outlet is relayed by it
    let bbc = query::relayed_by(g, "BBC").unwrap();
    assert_eq!(bbc.statements, 1);
    assert_eq!(bbc.speakers[0].entity.name, "Ines Calder");
    // someone who relayed nothing
    assert_eq!(query::relayed_by(g, "Piet Oduya").unwrap().statements, 0);
}

// ------------------------------------------------------------ 3. who talks about whom

#[test]
fn mentioners_are_ranked_speakers_of_statements_naming_the_entity() {
    let g = fixtures();
    let who = |q: &str| -> Vec<(String, usize)> {
        query::mentioners(g, q)
            .unwrap()
            .speakers
            .into_iter()
            .map(|r| (r.entity.name, r.count))
            .collect()
    };
    assert_eq!(who("Mara Velsen"), [("Tomas Reyk".to_string(), 1)]);
    assert_eq!(who("Tomas Reyk"), [("Mara Velsen".to_string(), 1)]);
    assert_eq!(who("Ines Calder"), [("Tomas Reyk".to_string(), 1)]);
    assert_eq!(who("Ottawa"), [("Tomas Reyk".to_string(), 2)]);
    assert_eq!(who("Rui Tavira"), [("Beatriz Lemos".to_string(), 1)]);
    assert!(who("Piet Oduya").is_empty());
    assert_eq!(query::mentioners(g, "Ottawa").unwrap().mentioned_in, 2);
}

#[test]
fn mention_network_links_people_and_exports_as_a_graph() {
    let g = fixtures();
    let links: Vec<(String, String, usize)> = query::mention_links(g)
        .into_iter()
        .map(|l| (l.from.name, l.to.name, l.count))
        .collect();
    let want = [
        ("Hana Ruiz", "Omar Field", 2),
        ("Beatriz Lemos", "Rui Tavira", 1),
        ("Mara Velsen", "Tomas Reyk", 1),
        ("Tomas Reyk", "Ines Calder", 1),
        ("Tomas Reyk", "Mara Velsen", 1),
    ]
    .map(|(a, b, n)| (a.to_string(), b.to_string(), n));
    assert_eq!(links, want);

    // people only: one weighted person → person `mentions` edge per link
    let net = query::mention_network(g);
    let s = net.summary();
    assert_eq!(s.node_total(), 7);
    assert_eq!(s.nodes[0], (NodeKind::Person, 7));
    assert_eq!(s.edge_total(), 5);
    assert_eq!(s.edges[3], (EdgeKind::Mentions, 5));
    let mut edges: Vec<(&str, &str, EdgeKind, Option<u32>)> = net
        .edges()
        .map(|e| (e.from.name(), e.to.name(), e.edge.kind, e.edge.weight()))
        .collect();
    edges.sort();
    let m = EdgeKind::Mentions;
    assert_eq!(
        edges,
        [
            ("Beatriz Lemos", "Rui Tavira", m, Some(1)),
            ("Hana Ruiz", "Omar Field", m, Some(2)),
            ("Mara Velsen", "Tomas Reyk", m, Some(1)),
            ("Tomas Reyk", "Ines Calder", m, Some(1)),
            ("Tomas Reyk", "Mara Velsen", m, Some(1)),
        ]
    );

    // with the statements: the 7 people, the 5 statements that link them,
    // 5 said + 6 mentions (Reyk's q2#2 mentions Velsen and Calder)
    let full = query::mention_network_with_statements(g);
    let s = full.summary();
    assert_eq!(s.nodes[0], (NodeKind::Person, 7));
    assert_eq!(s.nodes[3], (NodeKind::Statement, 5));
    assert_eq!(s.node_total(), 12);
    assert_eq!(s.edges[0], (EdgeKind::Said, 5));
    assert_eq!(s.edges[3], (EdgeKind::Mentions, 6));
    assert_eq!(s.edge_total(), 11);
    assert!(full.edges().all(|e| e.edge.weight().is_none()));
}

/// The weighted person network in every export format: the weight is
/// where each format's readers look for it.
#[test]
fn the_person_mention_network_carries_its_weights_in_every_format() {
    let net = query::mention_network(fixtures());
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mention_network_formats");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for f in Format::ALL {
        let path = dir.join(f.default_file_name());
        f.exporter().write_path(&net, &path).unwrap();
        let text = if path.is_dir() {
            std::fs::read_to_string(path.join("relationships.csv")).unwrap()
        } else {
            std::fs::read_to_string(&path).unwrap()
        };
        let want: &[&str] = match f {
            Format::Dot => &[
                r#""person:hana-ruiz" -> "person:omar-field" [label="mentions ×2""#,
                "weight=2, penwidth=3",
            ],
            Format::Graphml => &[
                r#"<key id="d36" for="edge" attr.name="weight" attr.type="long"/>"#,
                r#"<data key="d36">2</data>"#,
            ],
            Format::Gexf => &[r#"target="person:omar-field" label="mentions" weight="2">"#],
            Format::Json => &[
                r#"{"source":"person:hana-ruiz","target":"person:omar-field","key":4,"kind":"mentions","weight":2}"#,
            ],
            Format::Cytoscape => &[r#""target":"person:omar-field","kind":"mentions","weight":2}"#],
            Format::Csv => &[
                ":START_ID,:END_ID,:TYPE,title,mention,weight:long\n",
                "person:hana-ruiz,person:omar-field,MENTIONS,,,2\n",
            ],
            Format::Cypher => &["CREATE (a)-[:MENTIONS {`weight`: 2}]->(b);"],
            Format::Ron => &["weight: Some(2),"],
            Format::Ttl => &[
                "qg:mentionCount [ qg:of <urn:quotegraph:id:person:omar-field> ; qg:statements 2 ]",
            ],
            Format::Html => &["\"2 statements\""],
        };
        for w in want {
            assert!(text.contains(w), "{f}: no {w:?} in\n{text}");
        }
    }
    // and it reads back, weights and all
    let ron = std::fs::read_to_string(dir.join(Format::Ron.default_file_name())).unwrap();
    assert_eq!(quotegraph::export::read_ron(&ron).unwrap(), net);
    let json = dir.join(Format::Json.default_file_name());
    assert_eq!(query::load(&[json.to_str().unwrap()]).unwrap(), net);
}

// ------------------------------------------------------------ 4. path

#[test]
fn shortest_paths_go_through_statements_and_roles() {
    let g = fixtures();
    let c = query::path(g, "Oduya", "Calder").unwrap().unwrap();
    let ids: Vec<&str> = c.steps.iter().map(|s| s.node.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "person:piet-oduya".to_string(),
            st("q1_velsen_interview.txt#1"),
            "person:mara-velsen".to_string(),
            st("q2_reyk_briefing.txt#2"),
            "person:ines-calder".to_string(),
        ]
    );
    assert_eq!(c.length, 4);
    let via: Vec<(EdgeKind, bool)> = c.steps[1..]
        .iter()
        .map(|s| {
            let v = s.via.as_ref().unwrap();
            (v.kind, v.forward)
        })
        .collect();
    assert_eq!(
        via,
        [
            (EdgeKind::AddressedTo, false),
            (EdgeKind::Said, false),
            (EdgeKind::Mentions, false),
            (EdgeKind::Mentions, true),
        ]
    );
    assert_eq!(
        c.chain,
        "Piet Oduya ←to— “Norway would join the fisheries pact” ←said— Mara Velsen \
         ←mentions— “that Mara Velsen would meet Finance Min…” —mentions→ Ines Calder"
    );

    let role = query::path(g, "Tomas Reyk", "Mara Velsen")
        .unwrap()
        .unwrap();
    assert_eq!(role.chain, "Tomas Reyk —spokesman of→ Mara Velsen");
    assert_eq!(role.length, 1);

    // the same node
    assert_eq!(
        query::path(g, "Velsen", "Velsen").unwrap().unwrap().length,
        0
    );
    // different worlds: no path, not an error
    assert_eq!(query::path(g, "Oduya", "Rui Tavira").unwrap(), None);
    assert_eq!(
        query::path(g, "Jonas Brandt", "Clara Brandt").unwrap(),
        None
    );
    // documents do not connect: Tavira and Lemos are also not joined to
    // the Brandts, who share their dateline date
    assert_eq!(query::path(g, "Rui Tavira", "Jonas Brandt").unwrap(), None);
}

#[test]
fn paths_via_statements_leave_roles_out() {
    let g = fixtures();
    let chain = |a: &str, b: &str, via: Via| {
        query::path_via(g, a, b, via)
            .unwrap()
            .map(|c| (c.length, c.chain))
    };
    // Reyk is Velsen's spokesman: one step with roles, two through what
    // Velsen said about him
    assert_eq!(
        chain("Reyk", "Velsen", Via::Any),
        Some((1, "Tomas Reyk —spokesman of→ Mara Velsen".to_string()))
    );
    let via_st = query::path_via(g, "Reyk", "Velsen", Via::Statements)
        .unwrap()
        .unwrap();
    assert_eq!(
        via_st.chain,
        "Tomas Reyk ←mentions— “that spokesman Tomas Reyk had drafted t…” ←said— Mara Velsen"
    );
    let kinds: Vec<EdgeKind> = via_st.steps[1..]
        .iter()
        .map(|s| s.via.as_ref().unwrap().kind)
        .collect();
    assert_eq!(kinds, [EdgeKind::Mentions, EdgeKind::Said]);
    // Calder told the BBC, whose editor is Ruiz: only roles join them
    assert_eq!(
        chain("Calder", "Ruiz", Via::Any),
        Some((
            3,
            "Ines Calder —said→ “\"Our door is open,\"” —to→ BBC ←editor of— Hana Ruiz".to_string()
        ))
    );
    assert_eq!(chain("Calder", "Ruiz", Via::Statements), None);
    // a path already made of statements is the same either way
    assert_eq!(
        chain("Oduya", "Calder", Via::Statements),
        chain("Oduya", "Calder", Via::Any)
    );
    assert_eq!(query::path(g, "Reyk", "Velsen").unwrap().unwrap().length, 1);
}

// ------------------------------------------------------------ 5. top lists, timeline

#[test]
fn top_speakers_and_outlets_are_ranked_with_ties_by_name() {
    let g = fixtures();
    let sp: Vec<(String, usize)> = query::top_speakers(g, 0)
        .into_iter()
        .map(|s| (s.speaker.name, s.statements))
        .collect();
    let want: Vec<(String, usize)> = [
        ("Hana Ruiz", 3),
        ("Mara Velsen", 3),
        ("Tomas Reyk", 3),
        ("Ines Calder", 2),
        ("Beatriz Lemos", 1),
        ("Clara Brandt", 1),
        ("Jonas Brandt", 1),
        ("Omar Field", 1),
        ("Rui Tavira", 1),
    ]
    .into_iter()
    .map(|(n, c)| (n.to_string(), c))
    .collect();
    assert_eq!(sp, want);
    assert_eq!(query::top_speakers(g, 2).len(), 2);

    let outlets: Vec<(String, usize, Vec<String>)> = query::top_outlets(g, 0)
        .into_iter()
        .map(|o| {
            (
                o.outlet.name,
                o.relayed,
                o.speakers.into_iter().map(|s| s.name).collect(),
            )
        })
        .collect();
    assert_eq!(
        outlets,
        [
            (
                "Reuters".to_string(),
                2,
                vec!["Mara Velsen".to_string(), "Tomas Reyk".to_string()]
            ),
            (
                "Agence France-Presse".to_string(),
                1,
                vec!["Ines Calder".to_string()]
            ),
            ("BBC".to_string(), 1, vec!["Ines Calder".to_string()]),
        ]
    );
}

#[test]
fn timeline_groups_documents_by_dateline_date() {
    let t = query::timeline(fixtures());
    assert!(t
        .iter()
        .all(|d| d.year_known && d.written == [d.date.clone().unwrap()]));
    let rows: Vec<(Option<&str>, usize, usize, Vec<&str>)> = t
        .iter()
        .map(|d| {
            (
                d.date.as_deref(),
                d.documents.len(),
                d.statements,
                d.speakers.iter().map(|r| r.entity.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("2025-05-03"), 1, 3, vec!["Mara Velsen"]),
            (Some("2025-05-04"), 1, 3, vec!["Tomas Reyk"]),
            (Some("2025-05-06"), 1, 2, vec!["Ines Calder"]),
            (
                Some("2025-06-01"),
                2,
                4,
                vec![
                    "Beatriz Lemos",
                    "Clara Brandt",
                    "Jonas Brandt",
                    "Rui Tavira"
                ]
            ),
            (Some("2025-06-03"), 1, 4, vec!["Hana Ruiz", "Omar Field"]),
        ]
    );
}

/// Datelines without a year get no guessed year: after the dated days,
/// one entry per month and day whatever the spelling, marked.
#[test]
fn timeline_puts_yearless_dates_after_dated_ones_marked_year_unknown() {
    let ex = quotegraph::Extractor::default();
    let docs = [
        (
            "a.txt",
            "PORTO, Mar. 3 — Rui Matos said that the bridge would open.",
        ),
        (
            "b.txt",
            "LISBON, March 3 — Helena Sousa said that the port would close.",
        ),
        (
            "c.txt",
            "MADRID, Jan 12 — Ana Ortiz said that the metro would run late.",
        ),
        (
            "d.txt",
            "PARIS, Dec 6, 2024 — Luc Bernard said that the vote was fair.",
        ),
        ("e.txt", "Nobody dated this one, Pia Lund said."),
    ];
    let recs: Vec<_> = docs
        .iter()
        .map(|(name, text)| {
            ex.extract(&quotegraph::Document::new(*name, *text))
                .to_record()
        })
        .collect();
    let g = QuoteGraph::from_extractions(&recs).unwrap();
    let t = query::timeline(&g);
    // date, year known, spellings, documents
    type Row<'a> = (Option<&'a str>, bool, Vec<&'a str>, Vec<&'a str>);
    let rows: Vec<Row> = t
        .iter()
        .map(|d| {
            (
                d.date.as_deref(),
                d.year_known,
                d.written.iter().map(String::as_str).collect(),
                d.documents.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            (Some("2024-12-06"), true, vec!["2024-12-06"], vec!["d.txt"]),
            (Some("--01-12"), false, vec!["Jan 12"], vec!["c.txt"]),
            (
                Some("--03-03"),
                false,
                vec!["Mar 3", "March 3"],
                vec!["a.txt", "b.txt"]
            ),
            (None, false, vec![], vec!["e.txt"]),
        ]
    );
    assert_eq!(
        t.to_table(),
        [
            "DATE                   DOCS  STATEMENTS  MOST QUOTED",
            "2024-12-06                1           1  Luc Bernard (1)",
            "Jan 12 (year unknown)     1           1  Ana Ortiz (1)",
            "Mar 3 (year unknown)      2           2  Helena Sousa (1), Rui Matos (1)",
            "undated                   1           1  Pia Lund (1)\n",
        ]
        .join("\n")
    );
}

// ------------------------------------------------------------ 6. ego network

#[test]
fn ego_networks_hold_what_is_within_k_hops() {
    let g = fixtures();
    let one = query::ego(g, "Velsen", 1).unwrap();
    let mut ids: Vec<&str> = one.nodes().map(|n| n.id.as_str()).collect();
    ids.sort();
    let mut want = vec![
        "person:mara-velsen".to_string(),
        "person:tomas-reyk".to_string(),
        st("q1_velsen_interview.txt#1"),
        st("q1_velsen_interview.txt#2"),
        st("q1_velsen_interview.txt#3"),
        st("q2_reyk_briefing.txt#2"),
    ];
    want.sort();
    assert_eq!(ids, want);
    // every edge among them: 4 said, 2 mentions, 1 role
    assert_eq!(one.edge_count(), 7);

    let two = query::ego(g, "Velsen", 2).unwrap();
    let mut entities: Vec<&str> = two
        .nodes()
        .filter(|n| n.kind().is_entity())
        .map(|n| n.name())
        .collect();
    entities.sort();
    assert_eq!(
        entities,
        [
            "Ines Calder",
            "Mara Velsen",
            "Norway",
            "Ottawa",
            "Piet Oduya",
            "Reuters",
            "Tomas Reyk"
        ]
    );
    // documents are reached but not walked through
    let docs = two.nodes_of_kind(NodeKind::Document).count();
    assert_eq!(docs, 2);
    assert!(two.node("person:rui-tavira").is_none());
    // zero hops: the centre alone
    assert_eq!(query::ego(g, "Velsen", 0).unwrap().node_count(), 1);
    // it is a graph every exporter writes; RON reads back the same
    let mut ron = Vec::new();
    Format::Ron.exporter().write(&one, &mut ron).unwrap();
    let back = quotegraph::export::read_ron(std::str::from_utf8(&ron).unwrap()).unwrap();
    assert_eq!(back, one);
}

// ------------------------------------------------------------ 7. components and roles

#[test]
fn components_of_the_person_network() {
    let c = query::components(fixtures());
    let got: Vec<(Vec<&str>, usize)> = c.iter().map(|c| (names(&c.people), c.links)).collect();
    assert_eq!(
        got,
        [
            (
                vec!["Ines Calder", "Mara Velsen", "Piet Oduya", "Tomas Reyk"],
                3
            ),
            (vec!["Beatriz Lemos", "Rui Tavira"], 1),
            (vec!["Hana Ruiz", "Omar Field"], 1),
            (vec!["Clara Brandt"], 0),
            (vec!["Jonas Brandt"], 0),
        ]
    );
}

#[test]
fn role_holders_of_a_person() {
    let r = query::role_holders(fixtures(), "Mara Velsen").unwrap();
    let holders: Vec<(&str, &str, &str)> = r
        .holders
        .iter()
        .map(|x| (x.holder.name.as_str(), x.title.as_str(), x.of.name.as_str()))
        .collect();
    assert_eq!(holders, [("Tomas Reyk", "spokesman", "Mara Velsen")]);
    assert!(r.holds.is_empty());
    let reyk = query::role_holders(fixtures(), "Reyk").unwrap();
    assert!(reyk.holders.is_empty());
    assert_eq!(reyk.holds.len(), 1);
    assert_eq!(reyk.holds[0].of.id, "person:mara-velsen");
}

#[test]
fn role_holders_of_an_organization() {
    let r = query::role_holders(fixtures(), "the BBC").unwrap();
    assert_eq!(r.entity.id, "organization:bbc");
    let holders: Vec<(&str, &str, &str, &str)> = r
        .holders
        .iter()
        .map(|x| {
            (
                x.holder.id.as_str(),
                x.holder.name.as_str(),
                x.title.as_str(),
                x.of.id.as_str(),
            )
        })
        .collect();
    assert_eq!(
        holders,
        [
            (
                "person:hana-ruiz",
                "Hana Ruiz",
                "editor",
                "organization:bbc"
            ),
            (
                "person:omar-field",
                "Omar Field",
                "correspondent",
                "organization:bbc"
            ),
        ]
    );
    assert!(r.holds.is_empty() && r.titles.is_empty());
    // the other way round: Ruiz's role is of the BBC
    let ruiz = query::role_holders(fixtures(), "Ruiz").unwrap();
    assert_eq!(ruiz.holds, r.holders[..1]);
    // a known name nobody holds a role of, and who holds none, says so
    let lemos = query::role_holders(fixtures(), "Lemos").unwrap();
    assert!(lemos.holders.is_empty() && lemos.holds.is_empty());
    assert_eq!(
        lemos.to_table(),
        "Beatriz Lemos (person:beatriz-lemos) holds no role and no one holds a role of it \
         in these texts\n"
    );
}

// ------------------------------------------------------------ founding article

#[test]
fn founding_article_lavrov_said_at_least_twelve_things() {
    let w = query::who_said(founding(), "Lavrov").unwrap();
    assert_eq!(w.speaker.id, "person:sergey-lavrov");
    assert!(w.statements.len() >= 12, "{}", w.statements.len());
}

#[test]
fn founding_article_carlson_is_addressed_at_least_three_times() {
    let g = founding();
    let carlson = query::resolve(g, "Carlson").unwrap();
    assert_eq!(carlson.id, "person:tucker-carlson");
    let told = query::who_said(g, "Lavrov")
        .unwrap()
        .statements
        .iter()
        .filter(|s| s.addressed_to.iter().any(|a| a.id == carlson.id))
        .count();
    assert!(told >= 3, "{told}");
    // and the chain reads as the issue says
    let p = query::provenance(g, "Lavrov").unwrap();
    assert!(
        p.iter().any(
            |p| p.chain == "TASS ← cited ← Sergey Lavrov → told → Tucker Carlson"
                || p.chain.starts_with("TASS ← cited ← Sergey Lavrov → ")
                    && p.chain.ends_with(" → Tucker Carlson")
        ),
        "{:#?}",
        p.iter().map(|p| &p.chain).collect::<Vec<_>>()
    );
}

#[test]
fn founding_article_tass_relays_at_least_three() {
    let r = query::relayed_by(founding(), "TASS").unwrap();
    assert!(r.statements >= 3, "{r:#?}");
    assert_eq!(r.speakers[0].entity.id, "person:sergey-lavrov");
}

#[test]
fn founding_article_peskov_reaches_lavrov_through_putin_or_a_shared_mention() {
    let g = founding();
    let c = query::path(g, "Peskov", "Lavrov")
        .unwrap()
        .expect("connected");
    assert_eq!(c.from.id, "person:dmitry-peskov");
    assert_eq!(c.to.id, "person:sergey-lavrov");
    let through_putin = c.steps.iter().any(|s| s.node.id == "person:vladimir-putin");
    // Peskov → said → s1 → mentions → X ← mentions ← s2 ← said ← Lavrov
    let shared_mention = c.length == 4
        && c.steps[2]
            .via
            .as_ref()
            .is_some_and(|v| v.kind == EdgeKind::Mentions)
        && c.steps[3]
            .via
            .as_ref()
            .is_some_and(|v| v.kind == EdgeKind::Mentions);
    assert!(through_putin || shared_mention, "{}", c.chain);
    // Peskov is Putin's spokesman
    let roles = query::role_holders(g, "Putin").unwrap();
    assert!(roles
        .holders
        .iter()
        .any(|r| r.holder.id == "person:dmitry-peskov" && r.title == "spokesman"));
}
