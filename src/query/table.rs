//! Plain-text tables for query answers.

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

    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.cols.len());
        let cells = cells
            .into_iter()
            .zip(&self.cols)
            .map(|(c, col)| clip(&c, col.max))
            .collect();
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table, each line ending in a newline; headers in capitals.
    pub fn render(&self) -> String {
        let width = |i: usize| {
            self.rows
                .iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(self.cols[i].name.chars().count()))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..self.cols.len()).map(width).collect();
        let mut out = String::new();
        let headers: Vec<String> = self.cols.iter().map(|c| c.name.to_string()).collect();
        for cells in std::iter::once(&headers).chain(&self.rows) {
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

/// `s` on one line, cut to `max` characters (0: no limit) ending in "…".
pub(crate) fn clip(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if max == 0 || flat.chars().count() <= max {
        return flat;
    }
    let mut t: String = flat.chars().take(max.saturating_sub(1)).collect();
    t.truncate(t.trim_end().len());
    t.push('…');
    t
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
    }
}
