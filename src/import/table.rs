//! The in-memory text table every reader produces: cells as text, in one buffer.
//!
//! A row's cells lie in the buffer one after another with one byte between two cells (the
//! delimiter of a delimited file, left where it was, or a unit separator), so a delimited file's
//! text is the table's text, and only rows holding quoted cells are rewritten.
//!
//! Owns storage and lookup of cells by row and column. Knows nothing about scores, roles or
//! file formats; readers fill it, the column-role detection and the analysis read it.

/// The most text a table holds (4 GiB - 1); files are refused long before this.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// A printable ASCII character other than space: never white space, so text starting and ending
/// with one needs no trimming (the common cell, checked without decoding characters).
#[allow(clippy::trivially_copy_pass_by_ref)] // used as a predicate on `&u8`
fn is_visible_ascii(byte: &u8) -> bool {
    (0x21..0x80).contains(byte)
}

/// `text` without white space at either end; the common cell that has none is answered from its
/// first and last bytes.
#[must_use]
pub fn trim_cell(text: &str) -> &str {
    let bytes = text.as_bytes();
    if bytes.first().is_some_and(is_visible_ascii) && bytes.last().is_some_and(is_visible_ascii) {
        text
    } else {
        text.trim()
    }
}

/// Narrows an offset known to be below [`MAX_TEXT_BYTES`].
fn offset(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// A ragged table of text cells stored in one string buffer, with the spreadsheet row number of
/// every row, so that messages can name the row a user sees in Excel.
#[derive(Debug, Clone, Default)]
pub struct CellTable {
    text: String,
    /// Where every cell ends, row after row, counted from where its row starts; a row's next
    /// cell starts one byte later. Two bytes a cell: a million-row export's ten million cells
    /// take 20 MB. A cell ending [`FAR_END`] bytes or more into its row has its end in
    /// `far_ends`.
    cell_ends: Vec<u16>,
    /// The cells that end [`FAR_END`] bytes or more into their row: (index among all cells,
    /// offset in `text` where it ends), in cell order. The import refuses text beyond
    /// [`MAX_TEXT_BYTES`], so offsets fit.
    far_ends: Vec<(u32, u32)>,
    /// Index into `cell_ends` where each row starts; one extra entry closes the last row.
    row_starts: Vec<u32>,
    /// Offset in `text` where each row's first cell starts.
    row_text: Vec<u32>,
    /// Spreadsheet row number (header row = 1 when it is the first line) of every row.
    row_numbers: RowNumbers,
    column_count: usize,
}

/// The spreadsheet row numbers of a table's rows: a run (n, n + 1, n + 2...) is kept as two
/// numbers, as the records of a delimited file always are; other tables list them.
#[derive(Debug, Clone)]
enum RowNumbers {
    /// `len` rows numbered from `first`.
    Run { first: u32, len: usize },
    /// One number per row.
    Listed(Vec<u32>),
}

impl Default for RowNumbers {
    fn default() -> Self {
        Self::Run { first: 1, len: 0 }
    }
}

impl RowNumbers {
    fn len(&self) -> usize {
        match self {
            Self::Run { len, .. } => *len,
            Self::Listed(numbers) => numbers.len(),
        }
    }

    fn get(&self, row: usize) -> Option<u32> {
        match self {
            Self::Run { first, len } => (row < *len).then(|| first + offset(row)),
            Self::Listed(numbers) => numbers.get(row).copied(),
        }
    }

    fn push(&mut self, number: u32) {
        match self {
            Self::Run { len: len @ 0, first } => {
                *first = number;
                *len = 1;
            }
            Self::Run { first, len } if *first + offset(*len) == number => *len += 1,
            Self::Run { first, len } => {
                let mut numbers: Vec<u32> = (0..*len).map(|i| *first + offset(i)).collect();
                numbers.push(number);
                *self = Self::Listed(numbers);
            }
            Self::Listed(numbers) => numbers.push(number),
        }
    }

    fn drop_first(&mut self, rows: usize) {
        match self {
            Self::Run { first, len } => {
                let rows = rows.min(*len);
                *first += offset(rows);
                *len -= rows;
            }
            Self::Listed(numbers) => {
                numbers.drain(..rows.min(numbers.len()));
            }
        }
    }

    fn truncate(&mut self, rows: usize) {
        match self {
            Self::Run { len, .. } => *len = (*len).min(rows),
            Self::Listed(numbers) => numbers.truncate(rows),
        }
    }
}

/// The byte between two cells of a row that was not read from a delimited file.
const SEPARATOR: char = '\u{1f}';

/// A cell end this far into its row, or further, is kept in full beside the table.
pub const FAR_END: u16 = u16::MAX;

/// A cell's end counted from its row's start, or [`FAR_END`] when it is too far for two bytes.
#[must_use]
pub fn near_end(from_row_start: usize) -> u16 {
    u16::try_from(from_row_start).unwrap_or(FAR_END)
}

/// The cells of one row of a [`CellTable`].
#[derive(Debug, Clone, Copy)]
pub struct RowCells<'a> {
    text: &'a str,
    /// The end of each of the row's cells, from `start`.
    ends: &'a [u16],
    /// Where the row's first cell starts.
    start: usize,
    /// The table's far cell ends, and the index of the row's first cell among all cells.
    far_ends: &'a [(u32, u32)],
    first_cell: usize,
}

impl<'a> RowCells<'a> {
    /// The text of cell `column`; a cell beyond the end of a short row is empty.
    #[must_use]
    #[inline]
    pub fn get(&self, column: usize) -> &'a str {
        let Some(&end) = self.ends.get(column) else { return "" };
        let start = column.checked_sub(1).map_or(self.start, |c| self.end(c, self.ends[c]) + 1);
        self.text.get(start..self.end(column, end)).unwrap_or("")
    }

    /// Whether every cell of the row is blank; usually answered by its first cell's first byte.
    #[must_use]
    #[inline]
    pub fn is_blank(&self) -> bool {
        !self.get(0).as_bytes().first().is_some_and(is_visible_ascii)
            && (0..self.ends.len()).all(|c| trim_cell(self.get(c)).is_empty())
    }

    /// Where cell `column`, whose stored end is `near`, ends in the text.
    #[inline]
    fn end(&self, column: usize, near: u16) -> usize {
        if near < FAR_END { self.start + usize::from(near) } else { self.far_end(column) }
    }

    /// The end of a cell that ends [`FAR_END`] bytes or more into its row.
    #[cold]
    fn far_end(&self, column: usize) -> usize {
        let cell = self.first_cell + column;
        let found = self.far_ends.binary_search_by_key(&cell, |&(c, _)| c as usize);
        debug_assert!(found.is_ok(), "cell {cell} is marked far but has no far end");
        found.map_or(self.start, |i| self.far_ends[i].1 as usize)
    }
}

impl CellTable {
    /// An empty table.
    #[must_use]
    pub fn new() -> Self {
        Self { row_starts: vec![0], ..Self::default() }
    }

    /// A table from its parts: the text; where every cell ends, from its row's start (a row's
    /// next cell starts one byte later), with the far ends in full (see [`FAR_END`]); the index
    /// of each row's first cell (one more closing the last row) and where each row starts in the
    /// text; and each row's spreadsheet row number (`None`: 1, 2, 3...).
    #[must_use]
    pub fn from_parts(
        text: String,
        (cell_ends, far_ends): (Vec<u16>, Vec<(u32, u32)>),
        (row_starts, row_text): (Vec<u32>, Vec<u32>),
        column_count: usize,
        row_numbers: Option<Vec<u32>>,
    ) -> Self {
        let rows = row_starts.len().saturating_sub(1);
        let row_numbers = match row_numbers {
            Some(numbers) if numbers.len() == rows => RowNumbers::Listed(numbers),
            _ => RowNumbers::Run { first: 1, len: rows },
        };
        Self { text, cell_ends, far_ends, row_starts, row_text, row_numbers, column_count }
    }

    /// Appends a row of cells found at `row_number` in the source file.
    pub fn push_row<'a>(&mut self, row_number: usize, cells: impl IntoIterator<Item = &'a str>) {
        if self.row_starts.is_empty() {
            self.row_starts.push(0);
        }
        let row_start = self.text.len();
        self.row_text.push(offset(row_start));
        let mut width = 0;
        for cell in cells {
            if width > 0 {
                self.text.push(SEPARATOR);
            }
            self.text.push_str(cell);
            let near = near_end(self.text.len() - row_start);
            if near == FAR_END {
                self.far_ends.push((offset(self.cell_ends.len()), offset(self.text.len())));
            }
            self.cell_ends.push(near);
            width += 1;
        }
        self.row_starts.push(offset(self.cell_ends.len()));
        self.row_numbers.push(offset(row_number));
        self.column_count = self.column_count.max(width);
    }

    /// At most `most` evenly spaced rows of this table (the rows detection looks at), copied
    /// into a compact table of their own; the table itself when it has no more rows. Reading a
    /// column of the copy touches a few hundred kilobytes, where striding through a large table
    /// met a cache miss at every cell, once per column.
    #[must_use]
    pub fn sample(&self, most: usize) -> std::borrow::Cow<'_, CellTable> {
        let rows = self.row_count();
        if rows <= most {
            return std::borrow::Cow::Borrowed(self);
        }
        let stride = rows.div_ceil(most.max(1));
        let picked: Vec<usize> = (0..rows).step_by(stride).collect();
        let copy = |from: &CellTable, rows: &mut dyn Iterator<Item = usize>, to: &mut CellTable| {
            for r in rows {
                let cells = from.row_cells(r);
                to.push_row(from.row_number(r), (0..from.row_width(r)).map(|c| cells.get(c)));
            }
        };
        // Every picked row is a wait for memory: two threads wait at once, each for half.
        let (head, tail) = picked.split_at(picked.len() / 2);
        let half = |rows: &[usize]| {
            let mut part = CellTable::new();
            copy(self, &mut rows.iter().copied(), &mut part);
            part
        };
        let (mut sample, later) = crate::parallel::both(|| half(head), || half(tail));
        copy(&later, &mut (0..later.row_count()), &mut sample);
        sample.column_count = self.column_count;
        std::borrow::Cow::Owned(sample)
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
        self.row_numbers.get(row).map_or(0, |n| n as usize)
    }

    /// The row whose spreadsheet row number is `number` (row numbers ascend down the table).
    #[must_use]
    pub fn row_of_number(&self, number: usize) -> Option<usize> {
        let (mut low, mut high) = (0, self.row_count());
        while low < high {
            let middle = low + (high - low) / 2;
            if self.row_number(middle) < number {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        (low < self.row_count() && self.row_number(low) == number).then_some(low)
    }

    /// The text of one cell; a cell beyond the end of a short row is empty.
    #[must_use]
    pub fn cell(&self, row: usize, column: usize) -> &str {
        self.row_cells(row).get(column)
    }

    /// The cells of one row, found once: reading several cells of a row through it looks the
    /// row up once instead of once per cell. A row past the end has no cells.
    #[must_use]
    pub fn row_cells(&self, row: usize) -> RowCells<'_> {
        let (first, next) = match (self.row_starts.get(row), self.row_starts.get(row + 1)) {
            (Some(&first), Some(&next)) => (first as usize, next as usize),
            _ => (0, 0),
        };
        let start = self.row_text.get(row).map_or(0, |&s| s as usize);
        RowCells {
            text: &self.text,
            ends: self.cell_ends.get(first..next).unwrap_or(&[]),
            start,
            far_ends: &self.far_ends,
            first_cell: first,
        }
    }

    /// How many cells row `row` has in the file (before padding to the table's width).
    #[must_use]
    pub fn row_width(&self, row: usize) -> usize {
        match (self.row_starts.get(row), self.row_starts.get(row + 1)) {
            (Some(&first), Some(&next)) => (next - first) as usize,
            _ => 0,
        }
    }

    /// All cells of one row, padded to the table's width.
    pub fn row(&self, row: usize) -> impl Iterator<Item = &str> {
        (0..self.column_count).map(move |c| self.cell(row, c))
    }

    /// The bytes the cells' text takes (what keeping the table costs).
    #[must_use]
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }

    /// Whether every cell of a row is blank; usually answered by its first cell.
    #[must_use]
    pub fn row_is_blank(&self, row: usize) -> bool {
        self.row_cells(row).is_blank()
    }

    /// Removes rows `..from` (the header and anything above it), keeping the width. Only the row
    /// index shrinks: the cells of the removed rows stay in the buffer, unreachable, so that a
    /// million-row table is not moved to drop its header.
    pub fn drop_rows_before(&mut self, from: usize) {
        let from = from.min(self.row_count());
        self.row_starts.drain(..from);
        self.row_text.drain(..from);
        self.row_numbers.drop_first(from);
    }

    /// Keeps only the first `rows` rows.
    pub fn truncate_rows(&mut self, rows: usize) {
        if rows >= self.row_count() {
            return;
        }
        let cells = self.row_starts[rows] as usize;
        let text_end = self.row_text[rows] as usize;
        self.text.truncate(text_end);
        self.cell_ends.truncate(cells);
        self.far_ends.retain(|&(cell, _)| (cell as usize) < cells);
        self.row_starts.truncate(rows + 1);
        self.row_text.truncate(rows);
        self.row_numbers.truncate(rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trimming_a_cell_matches_str_trim() {
        for text in ["", " ", "a", " a ", "a\t", "\u{a0}x", "x\u{3000}", "é ", " é", "~!", "\u{7f}", "a b", "\r\n"] {
            assert_eq!(trim_cell(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn a_sample_copies_evenly_spaced_rows_with_their_numbers() {
        let mut table = CellTable::new();
        for r in 0..12 {
            let cells = [format!("id {r}"), (r % 11).to_string()];
            let width = if r == 9 { 1 } else { 2 };
            table.push_row(r + 2, cells.iter().take(width).map(String::as_str));
        }
        let sample = table.sample(5);
        assert!(matches!(sample, std::borrow::Cow::Owned(_)));
        let rows: Vec<(usize, Vec<&str>)> =
            (0..sample.row_count()).map(|r| (sample.row_number(r), sample.row(r).collect())).collect();
        assert_eq!(
            rows,
            [(2, vec!["id 0", "0"]), (5, vec!["id 3", "3"]), (8, vec!["id 6", "6"]), (11, vec!["id 9", ""])]
        );
        assert_eq!(sample.row_width(3), 1);
        assert_eq!(sample.column_count(), 2);
        // The later half of the sample is copied on a thread of its own and joined: a cell
        // ending far into its row comes through whole there too.
        let long = "x".repeat(usize::from(FAR_END) + 10);
        let mut table = CellTable::new();
        for r in 0..12 {
            let first = if r == 9 { long.clone() } else { format!("id {r}") };
            table.push_row(r + 2, [first.as_str(), "after"]);
        }
        let sample = table.sample(5);
        assert_eq!(sample.cell(3, 0), long);
        assert_eq!(sample.cell(3, 1), "after");
        assert_eq!(sample.cell(2, 0), "id 6");
        assert!(matches!(table.sample(12), std::borrow::Cow::Borrowed(_)));
    }

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
        t.drop_rows_before(1);
        assert_eq!(t.row_count(), 2);
        assert_eq!(t.column_count(), 4);
        assert_eq!(t.cell(0, 0), "1");
        assert_eq!(t.cell(1, 1), "x");
        assert_eq!(t.cell(1, 3), "extra");
        assert_eq!(t.row_number(0), 2);
        t.push_row(5, ["7", "8"]);
        t.push_row(6, ["9"]);
        assert_eq!(t.row_count(), 4);
        assert_eq!(t.cell(2, 1), "8");
        assert_eq!(t.cell(3, 0), "9");
        assert_eq!(t.cell(1, 3), "extra");
        assert_eq!(t.row_number(3), 6);
        t.truncate_rows(3);
        assert_eq!(t.row_count(), 3);
        assert_eq!(t.cell(2, 1), "8");
        assert_eq!(t.cell(3, 0), "");
        t.drop_rows_before(5);
        assert_eq!(t.row_count(), 0);
        assert_eq!(t.cell(0, 0), "");
    }

    #[test]
    fn cells_ending_beyond_64_kib_into_their_row_survive_dropped_and_cut_rows() {
        let long = "x".repeat(70_000);
        let mut t = CellTable::new();
        t.push_row(1, ["title"]);
        t.push_row(2, ["id", "comment", "score"]);
        t.push_row(3, ["1", long.as_str(), "9", long.as_str()]);
        t.push_row(4, ["2", "kort", "7"]);
        t.push_row(5, ["3", long.as_str(), "10"]);
        t.drop_rows_before(1);
        assert_eq!((t.cell(1, 1).len(), t.cell(1, 2), t.cell(1, 3).len()), (70_000, "9", 70_000));
        assert!(!t.row_is_blank(1));
        assert_eq!((t.cell(3, 0), t.cell(3, 1).len(), t.cell(3, 2)), ("3", 70_000, "10"));
        assert_eq!(t.row_number(3), 5);
        t.truncate_rows(2);
        assert_eq!((t.row_count(), t.cell(1, 2), t.cell(1, 3).len()), (2, "9", 70_000));
        // The cells cut off take their far ends with them: new cells in their places, a far one
        // among them, read back.
        let other = "y".repeat(70_000);
        t.push_row(6, ["4", "kort", "6", "x", other.as_str()]);
        assert_eq!(t.row(2).collect::<Vec<_>>(), ["4", "kort", "6", "x", other.as_str()]);
    }
}
