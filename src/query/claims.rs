//! Claims: which statements were carried by many reports, and how one
//! spread ([`crate::claims`] groups them; the graph holds them as `Claim`
//! nodes).

use petgraph::graph::NodeIndex;
use petgraph::Direction;
use serde::Serialize;

use super::table::{col, num, Table};
use super::{date_key, linked, resolve_entity, short_id, ToTable};
use crate::error::{Error, Result};
use crate::graph::{EdgeKind, NodeKind, QuoteGraph};
use crate::record::QuoteKind;

/// One report of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReport {
    /// The statement's id.
    pub statement: String,
    /// The document it appears in.
    pub doc: String,
    /// The outlet that published the document (its dateline's, else the
    /// document's name).
    pub outlet: String,
    /// The document's date.
    pub date: Option<String>,
    /// The outlet it was relayed through ("as cited by Ukrinform"), if
    /// any.
    pub source: Option<String>,
    /// Direct, indirect or mixed.
    pub quote_kind: QuoteKind,
    /// The wording of this report.
    pub text: String,
}

/// A claim and its reports, in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Node id: `claim:<speaker>:<words>`.
    pub id: String,
    /// The speaker's entity id.
    pub speaker: String,
    /// The speaker's name.
    pub speaker_name: String,
    /// The canonical wording.
    pub text: String,
    /// How many reports.
    pub report_count: usize,
    /// The reports, earliest first (undated last, then graph order).
    pub reports: Vec<ClaimReport>,
    /// The document of the earliest report.
    pub first_reported: String,
    /// The earliest report's date.
    pub first_date: Option<String>,
    /// The latest report's date.
    pub last_date: Option<String>,
    /// Outlets and documents in the order the claim passed through them.
    pub chain: Vec<String>,
}

/// The claim of node `ix`.
fn claim_at(g: &QuoteGraph, ix: NodeIndex) -> Claim {
    let gr = g.graph();
    let n = &gr[ix];
    let c = n.claim().expect("a claim node");
    let mut sts = linked(g, ix, EdgeKind::Reports, Direction::Incoming);
    sts.sort_by_key(|&s| {
        (
            date_key(gr[s].statement().expect("statement").date.as_deref()),
            s,
        )
    });
    let reports = sts
        .iter()
        .map(|&s| {
            let st = gr[s].statement().expect("reports start at statements");
            let source = linked(g, s, EdgeKind::ReportedBy, Direction::Outgoing)
                .first()
                .map(|&o| gr[o].name().to_string())
                .or_else(|| st.source_text.as_deref().map(str::to_string));
            ClaimReport {
                statement: gr[s].id.clone(),
                doc: st.doc.to_string(),
                outlet: g.outlet_of(&st.doc),
                date: st.date.as_deref().map(str::to_string),
                source,
                quote_kind: st.quote_kind,
                text: st.text.to_string(),
            }
        })
        .collect::<Vec<_>>();
    Claim {
        id: n.id.clone(),
        speaker: c.speaker.clone(),
        speaker_name: c.speaker_name.clone(),
        text: c.text.clone(),
        report_count: reports.len(),
        first_reported: reports
            .first()
            .map_or_else(|| c.first_reported.clone(), |r| r.doc.clone()),
        reports,
        first_date: c.first_date.clone(),
        last_date: c.last_date.clone(),
        chain: c.chain.clone(),
    }
}

/// The claims in the graph with at least `min_reports` reports (by the
/// entity `speaker` names, when given), most reported first, then by
/// earliest date, then graph order.
pub fn claims(g: &QuoteGraph, speaker: Option<&str>, min_reports: usize) -> Result<Claims> {
    let who = match speaker {
        Some(name) => Some(resolve_entity(g, name)?.id.clone()),
        None => None,
    };
    let gr = g.graph();
    let mut out: Vec<Claim> = gr
        .node_indices()
        .filter(|&ix| {
            gr[ix].claim().is_some_and(|c| {
                c.reports >= min_reports && who.as_ref().is_none_or(|w| *w == c.speaker)
            })
        })
        .map(|ix| claim_at(g, ix))
        .collect();
    out.sort_by_key(|c| {
        (
            std::cmp::Reverse(c.report_count),
            date_key(c.reports.first().and_then(|r| r.date.as_deref())),
        )
    });
    Ok(Claims { claims: out })
}

/// The claim `query` names (its id, with or without `claim:`, or a
/// statement that reports it), with its reports in date order.
pub fn spread(g: &QuoteGraph, query: &str) -> Result<Claim> {
    let q = query.trim();
    let gr = g.graph();
    let direct = g
        .index_of(q)
        .or_else(|| g.index_of(&format!("claim:{q}")))
        .filter(|&ix| gr[ix].kind() == NodeKind::Claim);
    let ix = match direct {
        Some(ix) => Some(ix),
        None => super::lookup::resolve_index(g, q)
            .ok()
            .or_else(|| g.index_of(q))
            .filter(|&ix| gr[ix].kind() == NodeKind::Statement)
            .and_then(|st| {
                linked(g, st, EdgeKind::Reports, Direction::Outgoing)
                    .first()
                    .copied()
            }),
    };
    match ix {
        Some(ix) => Ok(claim_at(g, ix)),
        None => {
            let mut near: Vec<String> = g
                .nodes_of_kind(NodeKind::Claim)
                .filter(|n| n.id.contains(q) || q.contains(n.id.trim_start_matches("claim:")))
                .map(|n| n.id.clone())
                .take(5)
                .collect();
            near.sort();
            Err(Error::UnknownName {
                name: q.to_string(),
                what: "claim",
                suggestions: near,
            })
        }
    }
}

/// The answer of [`claims`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Claims {
    /// Most reported first.
    pub claims: Vec<Claim>,
}

impl ToTable for Claims {
    fn to_table(&self) -> String {
        let rows = self.claims.iter().map(|c| {
            vec![
                c.report_count.to_string(),
                c.speaker_name.clone(),
                c.text.clone(),
                c.first_date.clone().unwrap_or_default(),
                short_id(&c.first_reported).to_string(),
                c.id.clone(),
            ]
        });
        Table::numbered(
            &[
                num("REPORTS"),
                col("SPEAKER", 24),
                col("CLAIM", 60),
                col("FIRST", 12),
                col("FIRST IN", 32),
                col("ID", 0),
            ],
            rows,
        )
        .render_or("no claims in these texts\n")
    }
}

impl ToTable for Claim {
    fn to_table(&self) -> String {
        let mut out = format!(
            "{} ({}): {}\n{} report{}; carried by {}\n",
            self.speaker_name,
            self.speaker,
            self.text,
            self.report_count,
            if self.report_count == 1 { "" } else { "s" },
            self.chain.join(" → ")
        );
        let rows = self.reports.iter().map(|r| {
            vec![
                r.date.clone().unwrap_or_default(),
                r.outlet.clone(),
                short_id(&r.doc).to_string(),
                r.source.clone().unwrap_or_default(),
                r.quote_kind.as_str().to_string(),
                r.text.clone(),
            ]
        });
        out.push_str(
            &Table::numbered(
                &[
                    col("DATE", 12),
                    col("OUTLET", 20),
                    col("DOCUMENT", 32),
                    col("VIA", 20),
                    col("KIND", 8),
                    col("WORDING", 70),
                ],
                rows,
            )
            .render(),
        );
        out
    }
}
