//! Who holds a role of whom.

use std::fmt::Write as _;

use petgraph::visit::EdgeRef as _;
use petgraph::Direction;
use serde::Serialize;

use super::table::{col, Table};
use super::{note_or, resolve_entity, EntityRef, ToTable};
use crate::error::Result;
use crate::graph::{Edge, EdgeKind, QuoteGraph};

/// A title someone holds of an organization, place or person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Role {
    /// Who holds it.
    pub holder: EntityRef,
    /// The title ("spokesman").
    pub title: String,
    /// Whose it is.
    pub of: EntityRef,
}

/// Roles around one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Roles {
    /// The entity.
    pub entity: EntityRef,
    /// Everyone holding a role of it (Peskov, spokesman, of Putin), by
    /// name.
    pub holders: Vec<Role>,
    /// The roles it holds of others.
    pub holds: Vec<Role>,
    /// Titles it holds of no one in particular ("journalist").
    pub titles: Vec<String>,
}

/// Everyone holding a role of the organization, place or person `name`
/// names, and the roles it holds itself.
pub fn role_holders(g: &QuoteGraph, name: &str) -> Result<Roles> {
    let e = resolve_entity(g, name)?;
    let ix = g.index_of(&e.id).expect("resolved");
    let gr = g.graph();
    let role = |edge: petgraph::graph::EdgeReference<'_, Edge>| Role {
        holder: EntityRef::of(&gr[edge.source()]),
        title: edge.weight().title().unwrap_or_default().to_string(),
        of: EntityRef::of(&gr[edge.target()]),
    };
    let mut holders: Vec<Role> = gr
        .edges_directed(ix, Direction::Incoming)
        .filter(|x| x.weight().kind == EdgeKind::HoldsRole)
        .map(role)
        .collect();
    let mut holds: Vec<Role> = gr
        .edges_directed(ix, Direction::Outgoing)
        .filter(|x| x.weight().kind == EdgeKind::HoldsRole)
        .map(role)
        .collect();
    let by = |a: &Role, b: &Role| {
        (&a.holder.name, &a.of.name, &a.title, &a.holder.id, &a.of.id).cmp(&(
            &b.holder.name,
            &b.of.name,
            &b.title,
            &b.holder.id,
            &b.of.id,
        ))
    };
    holders.sort_by(by);
    holds.sort_by(by);
    Ok(Roles {
        entity: EntityRef::of(e),
        holders,
        holds,
        titles: e.entity().map(|x| x.titles.clone()).unwrap_or_default(),
    })
}

impl ToTable for Roles {
    fn empty_note(&self) -> Option<String> {
        let e = self.entity.described();
        (self.holders.is_empty() && self.holds.is_empty() && self.titles.is_empty())
            .then(|| format!("{e} holds no role and no one holds a role of it in these texts"))
    }

    fn to_table(&self) -> String {
        note_or(self, || {
            let mut out = format!("Roles around {}\n", self.entity.described());
            let cols = [col("HOLDER", 30), col("TITLE", 30), col("OF", 30)];
            let rows = self
                .holders
                .iter()
                .chain(&self.holds)
                .map(|r| vec![r.holder.name.clone(), r.title.clone(), r.of.name.clone()]);
            out.push_str(&Table::of(&cols, rows).render_or(""));
            if !self.titles.is_empty() {
                writeln!(out, "titles: {}", self.titles.join(", ")).expect("to string");
            }
            out
        })
    }
}
