//! Plain-text tables for query answers.

use super::{names, short_id, EntityRef, Ranked, ToTable};
use crate::graph::shorten;

/// A column: header, widest cell before clipping (0: no limit), and
/// whether numbers are right-aligned.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub name: &'static str,
    pub max: usize,
    pub right: bool,
}

/// A left-aligned column at most `max` characters wide.
pub(crate) const fn col(name: &'static str, max: usize) -> Col {
    Col {
        name,
        max,
        right: false,
    }
}

/// A right-aligned number column.
pub(crate) const fn num(name: &'static str) -> Col {
    Col {
        name,
        max: 0,
        right: true,
    }
}

/// Rows under headers; every cell on one line, clipped with "…".
#[derive(Debug, Clone)]
pub(crate) struct Table {
    cols: Vec<Col>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(cols: &[Col]) -> Table {
        Table {
            cols: cols.to_vec(),
            rows: Vec::new(),
        }
    }

    /// A table of `rows` under `cols`.
    pub fn of(cols: &[Col], rows: impl IntoIterator<Item = Vec<String>>) -> Table {
        let mut t = Table::new(cols);
        for cells in rows {
            t.row(cells);
        }
        t
    }

    /// A ranking: a `#` column numbering `rows` from 1, then `cols`.
    pub fn numbered(cols: &[Col], rows: impl IntoIterator<Item = Vec<String>>) -> Table {
        let cols: Vec<Col> = std::iter::once(num("#"))
            .chain(cols.iter().copied())
            .collect();
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, cells)| std::iter::once((i + 1).to_string()).chain(cells).collect());
        Table::of(&cols, rows)
    }

    /// Add a row; cells are cut when the table is rendered, to the
    /// columns' widths or the terminal's ([`crate::render::table_width`]).
    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.cols.len());
        let cells = cells.into_iter().map(|c| clip(&c, 0)).collect();
        self.rows.push(cells);
    }

    /// The widest each column may be (0: no limit): its own limit, none
    /// with `--wide`, or the widths fitting the terminal.
    fn limits(&self) -> Vec<usize> {
        use crate::render::{fit_widths, table_width, TableWidth};
        match table_width() {
            TableWidth::Fixed => self.cols.iter().map(|c| c.max).collect(),
            TableWidth::Unlimited => vec![0; self.cols.len()],
            TableWidth::Columns(w) => {
                let natural: Vec<usize> = (0..self.cols.len())
                    .map(|i| {
                        self.rows
                            .iter()
                            .map(|r| r[i].chars().count())
                            .chain([self.cols[i].name.len()])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                // numbers are never cut; text columns keep 10 characters
                let min: Vec<usize> = self
                    .cols
                    .iter()
                    .zip(&natural)
                    .map(|(c, &n)| {
                        if c.right {
                            n
                        } else {
                            n.min(10.max(c.name.len()))
                        }
                    })
                    .collect();
                fit_widths(&natural, &min, 2, w)
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table, or `none` when it has no rows.
    pub fn render_or(&self, none: &str) -> String {
        if self.is_empty() {
            none.to_string()
        } else {
            self.render()
        }
    }

    /// The table, each line ending in a newline; headers in capitals.
    pub fn render(&self) -> String {
        let limits = self.limits();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .zip(&limits)
                    .map(|(c, &max)| clip(c, max))
                    .collect()
            })
            .collect();
        let width = |i: usize| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(self.cols[i].name.chars().count()))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.cols.len()).map(width).collect();
        let mut out = String::new();
        let headers: Vec<String> = self.cols.iter().map(|c| c.name.to_string()).collect();
        for cells in std::iter::once(&headers).chain(&rows) {
            let mut line = String::new();
            for (i, (cell, col)) in cells.iter().zip(&self.cols).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i].saturating_sub(cell.chars().count());
                let last = i + 1 == self.cols.len();
                if col.right {
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if !last {
                        line.push_str(&" ".repeat(pad));
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

/// `s` on one line, cut to `max` characters (0: no limit) ending in "…"
/// ([`shorten`]).
pub(crate) fn clip(s: &str, max: usize) -> String {
    if max == 0 {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        shorten(s, max)
    }
}

/// Names joined by ", ", or "-" for none.
pub(crate) fn list<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<&str> = names.into_iter().collect();
    if v.is_empty() {
        "-".to_string()
    } else {
        v.join(", ")
    }
}

/// `n` and `word`, plural unless `n` is one: "1 statement", "3 statements".
pub(crate) fn count(n: usize, word: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {word}{s}")
}

/// Ranked entities: who, how many statements, which.
pub(crate) fn ranked_table(who: &'static str, rows: &[Ranked]) -> String {
    let cols = [col(who, 30), num("STATEMENTS"), col("WHICH", 80)];
    let rows = rows.iter().map(|r| {
        vec![
            r.entity.name.clone(),
            r.count.to_string(),
            short_ids(&r.statements),
        ]
    });
    Table::of(&cols, rows).render()
}

/// A row of a ranking of entities: an entity, two counts and the
/// entities listed with it. A slice of rows is a table numbered from 1.
pub trait EntityRow {
    /// The headers: the entity's, the two counts', the list's.
    const HEADS: [&'static str; 4];
    /// The widest the entity and the list columns may be.
    const WIDTHS: [usize; 2];

    /// The entity, its two counts and the entities listed with it.
    fn cells(&self) -> (&EntityRef, [usize; 2], &[EntityRef]);

    /// What the table says when it has no rows (`None`: its headers).
    fn none() -> Option<&'static str> {
        None
    }
}

impl<T: EntityRow> ToTable for [T] {
    fn to_table(&self) -> String {
        let ([who, a, b, listed], [w, lw]) = (T::HEADS, T::WIDTHS);
        let cols = [col(who, w), num(a), num(b), col(listed, lw)];
        let rows = self.iter().map(|r| {
            let (e, [a, b], with) = r.cells();
            vec![
                e.name.clone(),
                a.to_string(),
                b.to_string(),
                list(names(with)),
            ]
        });
        let table = Table::numbered(&cols, rows);
        match T::none() {
            Some(none) => table.render_or(none),
            None => table.render(),
        }
    }
}

/// Statement ids as [`short_id`]s joined by ", ".
pub(crate) fn short_ids(ids: &[String]) -> String {
    ids.iter()
        .map(|s| short_id(s))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_and_clip() {
        let mut t = Table::new(&[col("NAME", 6), num("N"), col("TEXT", 0)]);
        t.row(vec!["Anna Berg".into(), "12".into(), "a b".into()]);
        t.row(vec!["Bo".into(), "3".into(), "x\ny".into()]);
        assert_eq!(
            t.render(),
            "NAME    N  TEXT\nAnna…  12  a b\nBo      3  x y\n"
        );
        assert_eq!(list([]), "-");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("a  b\nc", 0), "a b c");
    }

    #[test]
    fn tables_of_rows_say_when_empty() {
        let cols = [col("A", 0), num("N")];
        let none = Table::of(&cols, std::iter::empty());
        assert_eq!(none.render_or("nothing\n"), "nothing\n");
        assert_eq!(none.render(), "A  N\n");
        let one = Table::of(&cols, [vec!["x".to_string(), "7".to_string()]]);
        assert_eq!(one.render_or("nothing\n"), "A  N\nx  7\n");
        let ranks = Table::numbered(
            &cols,
            [vec!["x".into(), "7".into()], vec!["y".into(), "10".into()]],
        );
        assert_eq!(ranks.render(), "#  A   N\n1  x   7\n2  y  10\n");
        assert_eq!(count(1, "step"), "1 step");
        assert_eq!(count(0, "step"), "0 steps");
        let ids = [
            "statement:a/b.txt#1".to_string(),
            "statement:c.txt#2".into(),
        ];
        assert_eq!(short_ids(&ids), "b.txt#1, c.txt#2");
    }
}
