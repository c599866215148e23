//! The questions asked of the sample graph of [`crate::graph::tests`]: two
//! documents about Lavrov, Peskov, Putin, Carlson and TASS.

use petgraph::graph::NodeIndex;

use super::*;
use crate::graph::tests::sample_graph;
use crate::graph::NodeKind;

#[test]
fn speakers_rank_by_statements_then_name() {
    let g = sample_graph();
    let all: Vec<NodeIndex> = g
        .nodes_of_kind(NodeKind::Statement)
        .map(|n| g.index_of(&n.id).unwrap())
        .collect();
    let ranked = rank_speakers(&g, &all, None);
    let top: Vec<String> = ranked
        .iter()
        .map(|r| format!("{} {}", r.entity.described(), r.count))
        .collect();
    assert_eq!(
        top,
        [
            "Sergey Lavrov (person:sergey-lavrov) 3",
            "Dmitry Peskov (person:dmitry-peskov) 1"
        ]
    );
    let lavrov = g.index_of("person:sergey-lavrov");
    assert_eq!(rank_speakers(&g, &all, lavrov).len(), 1);
}

// ---------------------------------------------------------------- who said

#[test]
fn statements_come_dated_first_and_silence_is_a_note() {
    let g = sample_graph();
    let said = who_said(&g, "Lavrov").unwrap();
    let ids: Vec<&str> = said.statements.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "statement:a.txt#1",
            "statement:b.txt#1",
            "statement:b.txt#2"
        ]
    );
    assert_eq!(said.empty_note(), None);
    assert_eq!(
        who_said(&g, "Putin").unwrap().to_table(),
        "Vladimir Putin (person:vladimir-putin) said nothing in these texts\n"
    );
    let top = top_speakers(&g, 1);
    assert_eq!(top.len(), 1);
    assert_eq!((top[0].statements, top[0].documents), (3, 2));
}

// ---------------------------------------------------------------- provenance

#[test]
fn chains_run_from_outlet_to_addressee() {
    let g = sample_graph();
    let p = provenance(&g, "a.txt#1").unwrap();
    assert_eq!(
        p[0].chain,
        "TASS ← cited ← Sergey Lavrov → said → Tucker Carlson"
    );
    let p = provenance(&g, "a.txt#3").unwrap();
    assert_eq!(p[0].chain, "“the top Russian diplomat” (unresolved) → said");
    // an entity: every statement of it, dated first
    let ids: Vec<String> = provenance(&g, "Lavrov")
        .unwrap()
        .into_iter()
        .map(|p| p.statement.id)
        .collect();
    assert_eq!(
        ids,
        [
            "statement:a.txt#1",
            "statement:b.txt#1",
            "statement:b.txt#2"
        ]
    );
}

// ---------------------------------------------------------------- outlets

#[test]
fn an_outlet_relays_the_statements_it_is_cited_for() {
    let g = sample_graph();
    let r = relayed_by(&g, "TASS").unwrap();
    assert!(r.news_outlet);
    assert_eq!(r.statements, 2);
    assert_eq!(r.speakers[0].entity.name, "Sergey Lavrov");
    assert_eq!(r.speakers[0].count, 2);
    let top = top_outlets(&g, 0);
    assert_eq!(top.len(), 1);
    assert_eq!((top[0].relayed, top[0].said), (2, 0));
    let none = relayed_by(&g, "Putin").unwrap();
    assert_eq!(
        none.to_table(),
        "Vladimir Putin (person:vladimir-putin) is not an outlet: it relayed no statements in these texts\n"
    );
}

// ---------------------------------------------------------------- mentions

#[test]
fn mentioners_rank_speakers_of_statements_that_mention() {
    let g = sample_graph();
    let m = mentioners(&g, "Russia").unwrap();
    assert_eq!(m.mentioned_in, 1);
    assert_eq!(m.speakers[0].entity.name, "Sergey Lavrov");
    // no person mentions another in the sample
    assert!(mention_links(&g).is_empty());
    assert_eq!(mention_network(&g).node_count(), 0);
    assert_eq!(mention_links(&g).to_table(), "no person mentions another\n");
}

// ---------------------------------------------------------------- path

#[test]
fn roles_connect_unless_only_statements_may() {
    let g = sample_graph();
    let c = path(&g, "Peskov", "Putin").unwrap().unwrap();
    assert_eq!(c.length, 1);
    assert_eq!(c.chain, "Dmitry Peskov —spokesman of→ Vladimir Putin");
    assert!(path_via(&g, "Peskov", "Putin", Via::Statements)
        .unwrap()
        .is_none());
    let c = path(&g, "Carlson", "Lavrov").unwrap().unwrap();
    assert_eq!(c.length, 2);
    assert!(!c.steps[1].via.as_ref().unwrap().forward);
}

// ---------------------------------------------------------------- timeline

#[test]
fn days_run_from_dated_to_undated() {
    let days = timeline(&sample_graph());
    let labels: Vec<String> = days.iter().map(TimelineDay::label).collect();
    assert_eq!(labels, ["2024-12-06", "undated"]);
    assert_eq!(days[0].documents, ["a.txt"]);
    assert_eq!(days[0].statements, 3);
    assert_eq!(days[1].speakers[0].entity.name, "Sergey Lavrov");
    assert_eq!(days[1].speakers[0].count, 2);
}

#[test]
fn yearless_dates_label_their_month() {
    let day = TimelineDay {
        date: Some("--12-06".into()),
        year_known: false,
        written: vec!["Dec 6".into()],
        documents: Vec::new(),
        statements: 0,
        speakers: Vec::new(),
    };
    assert_eq!(day.label(), "Dec 6 (year unknown)");
}

// ---------------------------------------------------------------- ego

#[test]
fn ego_keeps_the_neighbourhood_and_its_edges() {
    let g = sample_graph();
    let e = ego(&g, "Peskov", 1).unwrap();
    // in graph order: entities before the statements of their document
    let ids: Vec<&str> = e.nodes().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "person:vladimir-putin",
            "person:dmitry-peskov",
            "statement:a.txt#2"
        ]
    );
    assert_eq!(e.edge_count(), 2);
    assert!(outline(&e).ends_with("people: Dmitry Peskov, Vladimir Putin\n"));
}

// ---------------------------------------------------------------- components

#[test]
fn people_group_by_addressees_and_roles() {
    let comps = components(&sample_graph());
    let groups: Vec<Vec<&str>> = comps
        .iter()
        .map(|c| c.people.iter().map(|p| p.name.as_str()).collect())
        .collect();
    assert_eq!(
        groups,
        [
            ["Dmitry Peskov", "Vladimir Putin"],
            ["Sergey Lavrov", "Tucker Carlson"]
        ]
    );
    assert!(comps.iter().all(|c| c.links == 1));
}

// ---------------------------------------------------------------- roles

#[test]
fn roles_list_holders_and_titles() {
    let g = sample_graph();
    let putin = role_holders(&g, "Putin").unwrap();
    assert_eq!(putin.holders[0].holder.name, "Dmitry Peskov");
    assert_eq!(putin.holders[0].title, "spokesman");
    assert_eq!(
        role_holders(&g, "Carlson").unwrap().to_table(),
        "Roles around Tucker Carlson (person:tucker-carlson)\ntitles: journalist\n"
    );
}
