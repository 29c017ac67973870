//! The in-memory text table every reader produces: cells as text, in one compact buffer.
//!
//! Owns storage and lookup of cells by row and column. Knows nothing about scores, roles or
//! file formats; readers fill it, the column-role detection and the analysis read it.

/// A ragged table of text cells stored in one string buffer, with the spreadsheet row number of
/// every row, so that messages can name the row a user sees in Excel.
#[derive(Debug, Clone, Default)]
pub struct CellTable {
    text: String,
    /// End offset in `text` of every cell, row after row.
    cell_ends: Vec<usize>,
    /// Index into `cell_ends` where each row starts; one extra entry closes the last row.
    row_starts: Vec<usize>,
    /// Spreadsheet row number (header row = 1 when it is the first line) of every row.
    row_numbers: Vec<usize>,
    column_count: usize,
}

impl CellTable {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self { row_starts: vec![0], ..Self::default() }
    }

    /// Appends a row of cells found at `row_number` in the source file.
    pub fn push_row<'a>(&mut self, row_number: usize, cells: impl IntoIterator<Item = &'a str>) {
        if self.row_starts.is_empty() {
            self.row_starts.push(0);
        }
        let mut width = 0;
        for cell in cells {
            self.text.push_str(cell);
            self.cell_ends.push(self.text.len());
            width += 1;
        }
        self.row_starts.push(self.cell_ends.len());
        self.row_numbers.push(row_number);
        self.column_count = self.column_count.max(width);
    }

    /// Number of rows.
    #[must_use]
    pub fn row_count(&self) -> usize {
        self.row_numbers.len()
    }

    /// The widest row's number of cells.
    #[must_use]
    pub fn column_count(&self) -> usize {
        self.column_count
    }

    /// Spreadsheet row number of row `row` (as the user sees it in Excel or a text editor).
    #[must_use]
    pub fn row_number(&self, row: usize) -> usize {
        self.row_numbers.get(row).copied().unwrap_or(0)
    }

    /// The text of one cell; a cell beyond the end of a short row is empty.
    #[must_use]
    pub fn cell(&self, row: usize, column: usize) -> &str {
        let (Some(&first), Some(&next)) = (self.row_starts.get(row), self.row_starts.get(row + 1)) else {
            return "";
        };
        let index = first + column;
        if index >= next {
            return "";
        }
        let end = self.cell_ends[index];
        let start = if index == 0 { 0 } else { self.cell_ends[index - 1] };
        &self.text[start..end]
    }

    /// All cells of one row, padded to the table's width.
    pub fn row(&self, row: usize) -> impl Iterator<Item = &str> {
        (0..self.column_count).map(move |c| self.cell(row, c))
    }

    /// Whether every cell of a row is blank.
    #[must_use]
    pub fn row_is_blank(&self, row: usize) -> bool {
        self.row(row).all(|c| c.trim().is_empty())
    }

    /// A table holding rows `from..` of this one.
    #[must_use]
    pub fn rows_from(&self, from: usize) -> CellTable {
        let mut out = CellTable::new();
        for r in from..self.row_count() {
            let width = self.row_starts[r + 1] - self.row_starts[r];
            out.push_row(self.row_number(r), (0..width).map(|c| self.cell(r, c)));
        }
        out.column_count = out.column_count.max(self.column_count);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ragged_rows_read_back_with_blank_padding() {
        let mut t = CellTable::new();
        t.push_row(1, ["a", "b", "c"]);
        t.push_row(2, ["1"]);
        t.push_row(4, ["", "x", "", "extra"]);
        assert_eq!(t.row_count(), 3);
        assert_eq!(t.column_count(), 4);
        assert_eq!(t.cell(0, 2), "c");
        assert_eq!(t.cell(1, 0), "1");
        assert_eq!(t.cell(1, 1), "");
        assert_eq!(t.cell(2, 3), "extra");
        assert_eq!(t.cell(9, 0), "");
        assert_eq!(t.row_number(2), 4);
        assert!(!t.row_is_blank(2));
        let rest = t.rows_from(1);
        assert_eq!(rest.row_count(), 2);
        assert_eq!(rest.cell(1, 1), "x");
        assert_eq!(rest.row_number(0), 2);
    }
}
