//! Finding the node a user means: by id, name, alias or a word of a name,
//! case-insensitively; ambiguous and unknown names are errors that list
//! the candidates or the closest known names.

use petgraph::graph::NodeIndex;

use crate::error::{Error, Result};
use crate::graph::{Node, NodeKind, QuoteGraph};

/// How many close names an unknown-name error suggests.
const SUGGESTIONS: usize = 3;

/// Lowercase, whitespace runs as one space, curly apostrophes straight,
/// and no leading "the ".
fn norm(s: &str) -> String {
    let flat = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('’', "'")
        .to_lowercase();
    match flat.strip_prefix("the ") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => flat,
    }
}

/// "Sergey Lavrov (person:sergey-lavrov)".
pub(crate) fn describe(n: &Node) -> String {
    format!("{} ({})", n.name(), n.id)
}

/// The node `query` names: a node id (`person:sergey-lavrov`,
/// `statement:<doc>#<n>`, `document:<doc>`), a statement as `<file>#<n>`
/// (`000_lavrov_carlson_tass.txt#2`), or an entity by name, alias or one
/// word of its name, ignoring case and a leading "the".
///
/// Earlier ways win: an exact name beats an alias, an alias beats a word
/// ("Smith" names the one entity called "Smith", not every Smith). Several
/// matches of the same way are [`Error::AmbiguousName`], none at all
/// [`Error::UnknownName`] with the closest entity names by edit distance.
///
/// ```
/// use quotegraph::{query, Document, Extractor, QuoteGraph};
///
/// let rec = Extractor::default()
///     .extract(&Document::new("a.txt", "Sergey Lavrov said that talks would resume."))
///     .to_record();
/// let g = QuoteGraph::from_extractions(&[rec]).unwrap();
/// assert_eq!(query::resolve(&g, "sergey LAVROV").unwrap().id, "person:sergey-lavrov");
/// assert_eq!(query::resolve(&g, "lavrov").unwrap().id, "person:sergey-lavrov");
/// let err = query::resolve(&g, "Lavorv").unwrap_err().to_string();
/// assert!(err.contains("Sergey Lavrov"), "{err}");
/// ```
pub fn resolve<'g>(g: &'g QuoteGraph, query: &str) -> Result<&'g Node> {
    resolve_index(g, query).map(|ix| &g.graph()[ix])
}

/// [`resolve`], restricted to people, organizations and places.
pub fn resolve_entity<'g>(g: &'g QuoteGraph, query: &str) -> Result<&'g Node> {
    let ix = resolve_index(g, query)?;
    let n = &g.graph()[ix];
    if n.kind().is_entity() {
        Ok(n)
    } else {
        Err(Error::UnknownName {
            name: query.to_string(),
            what: "person, organization or place",
            suggestions: Vec::new(),
        })
    }
}

/// The node index `query` names; see [`resolve`].
pub(crate) fn resolve_index(g: &QuoteGraph, query: &str) -> Result<NodeIndex> {
    let q = query.trim();
    if let Some(ix) = g.index_of(q) {
        return Ok(ix);
    }
    let gr = g.graph();
    if q.contains('#') {
        let hits: Vec<NodeIndex> = gr
            .node_indices()
            .filter(|&ix| {
                let id = &gr[ix].id;
                gr[ix].kind() == NodeKind::Statement
                    && id
                        .strip_prefix("statement:")
                        .is_some_and(|rest| rest == q || rest.ends_with(&format!("/{q}")))
            })
            .collect();
        return match hits.as_slice() {
            [one] => Ok(*one),
            [] => Err(Error::UnknownName {
                name: q.to_string(),
                what: "statement",
                suggestions: closest_statements(g, q),
            }),
            many => Err(ambiguous(g, q, many)),
        };
    }
    let key = norm(q);
    let entities: Vec<NodeIndex> = gr
        .node_indices()
        .filter(|&ix| gr[ix].kind().is_entity())
        .collect();
    let word_of = |n: &Node| {
        !key.contains(' ')
            && n.name()
                .split(|c: char| c.is_whitespace() || c == '-')
                .any(|w| norm(w) == key)
    };
    // a proper name ("Tom Harris"), not a description that holds one
    // ("top aide of Russian President Vladimir Putin")
    let proper = |n: &Node| {
        n.name()
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    // an alias and a word of a proper name are one way: "Harris" as the
    // alias of Kamala Harris must not hide a Tom Harris known by his full
    // name
    let ways: [&dyn Fn(&Node) -> bool; 3] = [
        &|n: &Node| norm(n.name()) == key,
        &|n: &Node| {
            n.entity()
                .is_some_and(|e| e.aliases.iter().any(|a| norm(a) == key))
                || (proper(n) && word_of(n))
        },
        &word_of,
    ];
    for way in ways {
        let hits: Vec<NodeIndex> = entities
            .iter()
            .copied()
            .filter(|&ix| way(&gr[ix]))
            .collect();
        match hits.as_slice() {
            [] => continue,
            [one] => return Ok(*one),
            many => {
                // a bare surname: the person it stands for when merging
                if let Some(ix) = g.person_for_surname(q).filter(|ix| many.contains(ix)) {
                    return Ok(ix);
                }
                return Err(ambiguous(g, q, many));
            }
        }
    }
    Err(Error::UnknownName {
        name: q.to_string(),
        what: "entity",
        suggestions: closest(g, &key, &entities),
    })
}

fn ambiguous(g: &QuoteGraph, q: &str, hits: &[NodeIndex]) -> Error {
    let mut candidates: Vec<String> = hits.iter().map(|&ix| describe(&g.graph()[ix])).collect();
    candidates.sort();
    Error::AmbiguousName {
        name: q.to_string(),
        candidates,
    }
}

/// The entities whose name, alias or name word is nearest to `key` by
/// Levenshtein distance (ties by name).
fn closest(g: &QuoteGraph, key: &str, entities: &[NodeIndex]) -> Vec<String> {
    let gr = g.graph();
    let mut scored: Vec<(usize, String)> = entities
        .iter()
        .map(|&ix| {
            let n = &gr[ix];
            let mut names: Vec<String> = vec![norm(n.name())];
            if let Some(e) = n.entity() {
                names.extend(e.aliases.iter().map(|a| norm(a)));
            }
            let words: Vec<String> = names
                .iter()
                .flat_map(|s| s.split(' ').map(str::to_string).collect::<Vec<_>>())
                .collect();
            names.extend(words);
            let d = names
                .iter()
                .map(|s| strsim::levenshtein(key, s))
                .min()
                .unwrap_or(usize::MAX);
            (d, n.name().to_string())
        })
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    // names within a few edits; failing that, the nearest ones anyway
    let near = key.chars().count().div_ceil(2).max(2);
    let close = scored.iter().take_while(|(d, _)| *d <= near).count();
    let n = if close > 0 { close } else { SUGGESTIONS };
    scored
        .into_iter()
        .take(n.min(SUGGESTIONS))
        .map(|(_, name)| name)
        .collect()
}

fn closest_statements(g: &QuoteGraph, q: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = g
        .nodes_of_kind(NodeKind::Statement)
        .map(|n| {
            let short = n.id.rsplit('/').next().unwrap_or(&n.id);
            (strsim::levenshtein(q, short), n.id.as_str())
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, id)| id.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_ignores_case_space_and_the() {
        assert_eq!(norm("  The   Kremlin "), "kremlin");
        assert_eq!(norm("Putin’s spokesman"), "putin's spokesman");
        assert_eq!(norm("the"), "the");
    }
}
