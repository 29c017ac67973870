//! Reader for spreadsheet workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: sheet choice
//! and conversion of typed cells to the text cells the rest of the import works on. A plain xlsx
//! export is scanned by `xlsx` instead, giving the same cells several times faster.
//!
//! Owns only the workbook-to-cells step; it never decides what a column means.

use std::io::Cursor;

use std::fmt::Write as _;

use calamine::{Cell, Data, DataRef, Ods, Range, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::table::CellTable;

/// The kind of workbook, taken from the file name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    /// Excel 2007+ (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
    /// Excel 97-2003 (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

/// The sheets of a workbook and the cells of the one chosen.
#[derive(Debug)]
pub struct WorkbookSheets {
    /// Every sheet name in workbook order.
    pub sheet_names: Vec<String>,
    /// The sheets read, with their cells: the one asked for, or every sheet that holds data.
    pub sheets: Vec<(String, CellTable)>,
}

/// Why a workbook could not be read; turned into a user message by the caller.
#[derive(Debug)]
pub enum WorkbookProblem {
    /// The file could not be opened as that kind of workbook.
    Unreadable(String),
    /// The workbook is encrypted with a password.
    PasswordProtected,
    /// The named sheet does not exist.
    NoSuchSheet { wanted: String, available: Vec<String> },
    /// No sheet holds any cell.
    NoData,
    /// The archive would unpack to far more than any real survey (a "zip bomb").
    TooLargeUnpacked { unpacked_mb: u64 },
}

/// A workbook whose parts unpack to more than this is refused before it is read.
pub const MAX_UNPACKED_BYTES: u64 = 2 << 30;
/// A part compressed more than this many times over is suspicious when it is also large.
const MAX_RATIO: u64 = 200;

/// The start of an OLE compound file: how Excel stores `.xls` files and encrypted `.xlsx` files.
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Checks a zip-based workbook (xlsx, xlsb, ods) before unpacking: an encrypted `.xlsx` is an OLE
/// file, and an archive that unpacks to an absurd size is refused.
fn check_container(bytes: &[u8], kind: WorkbookKind) -> Result<(), WorkbookProblem> {
    check_container_within(bytes, kind, MAX_UNPACKED_BYTES)
}

fn check_container_within(bytes: &[u8], kind: WorkbookKind, limit: u64) -> Result<(), WorkbookProblem> {
    if kind == WorkbookKind::Xls {
        return Ok(());
    }
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(WorkbookProblem::PasswordProtected);
    }
    let Ok(mut archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(()); // calamine reports the damage in its own words
    };
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let Ok(entry) = archive.by_index_raw(i) else { continue };
        let (size, packed) = (entry.size(), entry.compressed_size().max(1));
        total = total.saturating_add(size);
        if total > limit || (size > limit / 8 && size / packed > MAX_RATIO) {
            return Err(WorkbookProblem::TooLargeUnpacked { unpacked_mb: total.max(size) >> 20 });
        }
    }
    Ok(())
}

/// Reads the sheet named `wanted`, or else every sheet that holds data (the caller picks the one
/// with responses).
pub fn read_workbook(
    bytes: Vec<u8>,
    kind: WorkbookKind,
    wanted: Option<&str>,
) -> Result<WorkbookSheets, WorkbookProblem> {
    check_container(&bytes, kind)?;
    // A plain xlsx export is scanned without calamine, several times faster.
    if kind == WorkbookKind::Xlsx
        && let Some(book) = super::xlsx::read_plain(&bytes, wanted)
    {
        return Ok(book);
    }
    read_with_calamine(bytes, kind, wanted)
}

/// [`read_workbook`] through calamine, for every workbook.
pub(super) fn read_with_calamine(
    bytes: Vec<u8>,
    kind: WorkbookKind,
    wanted: Option<&str>,
) -> Result<WorkbookSheets, WorkbookProblem> {
    let cursor = Cursor::new(bytes);
    match kind {
        // Excel's own formats stream their cells straight into the table; the others go through
        // calamine's dense range.
        WorkbookKind::Xlsx => read_with(cursor, wanted, |book: &mut Xlsx<_>, name| {
            let mut cells = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            stream_to_cells(|| cells.next_cell().map_err(|e| e.to_string()))
        }),
        WorkbookKind::Xlsb => read_with(cursor, wanted, |book: &mut Xlsb<_>, name| {
            let mut cells = book.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
            stream_to_cells(|| cells.next_cell().map_err(|e| e.to_string()))
        }),
        WorkbookKind::Xls => read_with(cursor, wanted, range_cells::<Xls<_>>),
        WorkbookKind::Ods => read_with(cursor, wanted, range_cells::<Ods<_>>),
    }
}

/// Opens the workbook and reads the sheet asked for, or every sheet that holds a cell, with
/// `read_sheet` turning one sheet into cells (or the reason it could not).
fn read_with<R>(
    cursor: Cursor<Vec<u8>>,
    wanted: Option<&str>,
    read_sheet: impl Fn(&mut R, &str) -> Result<CellTable, String>,
) -> Result<WorkbookSheets, WorkbookProblem>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let mut workbook: R = open_workbook_from_rs(cursor).map_err(|e: R::Error| classify(&e.to_string()))?;
    let sheet_names = workbook.sheet_names();
    if let Some(name) = wanted {
        let Some(found) = sheet_names.iter().find(|s| s.eq_ignore_ascii_case(name)).cloned() else {
            return Err(WorkbookProblem::NoSuchSheet { wanted: name.to_owned(), available: sheet_names });
        };
        let cells = read_sheet(&mut workbook, &found).map_err(|e| classify(&e))?;
        return Ok(WorkbookSheets { sheets: vec![(found, cells)], sheet_names });
    }
    let mut sheets = Vec::new();
    for name in &sheet_names {
        let Ok(cells) = read_sheet(&mut workbook, name) else { continue };
        if cells.row_count() > 0 {
            sheets.push((name.clone(), cells));
        }
    }
    if sheets.is_empty() {
        return Err(WorkbookProblem::NoData);
    }
    Ok(WorkbookSheets { sheets, sheet_names })
}

/// One sheet through calamine's dense range (xls, ods).
fn range_cells<R>(workbook: &mut R, name: &str) -> Result<CellTable, String>
where
    R: Reader<Cursor<Vec<u8>>>,
    R::Error: std::fmt::Display,
{
    let range = workbook.worksheet_range(name).map_err(|e| e.to_string())?;
    if range.rows().all(|row| row.iter().all(|c| matches!(c, Data::Empty))) {
        return Ok(CellTable::new());
    }
    Ok(range_to_cells(&range))
}

/// The cells a sheet lists, in the order it lists them, gathered into a table that starts at the
/// first used row and column as calamine's range does. Each cell's text is written once, straight
/// from the sheet (shared strings are borrowed, not copied), where building calamine's dense range
/// first cost an owned value per cell and a string per text cell.
#[derive(Default)]
pub(super) struct SparseCells {
    text: String,
    /// (row, column, end of the cell's text) of every cell with text.
    cells: Vec<(u32, u32, u32)>,
    /// The used area: every cell that is not empty counts, even one whose text is "". Until a
    /// cell comes, `first_row` is above `last_row`.
    first_row: u32,
    last_row: u32,
    first_column: u32,
    /// Whether the cells came row by row and left to right, without repeats.
    in_order: bool,
}

impl SparseCells {
    pub(super) fn new() -> Self {
        Self { in_order: true, first_row: u32::MAX, first_column: u32::MAX, ..Self::default() }
    }

    /// Adds the cells of a later part of the same sheet, as if they had been pushed here.
    pub(super) fn append(&mut self, later: Self) {
        if let (Some(&(row, column, _)), Some(&(next_row, next_column, _))) = (self.cells.last(), later.cells.first()) {
            self.in_order &= (row, column) < (next_row, next_column);
        }
        self.in_order &= later.in_order;
        self.first_row = self.first_row.min(later.first_row);
        self.last_row = self.last_row.max(later.last_row);
        self.first_column = self.first_column.min(later.first_column);
        let base = u32::try_from(self.text.len()).unwrap_or(u32::MAX);
        self.text.push_str(&later.text);
        self.cells.extend(later.cells.into_iter().map(|(row, column, end)| (row, column, end.saturating_add(base))));
    }

    pub(super) fn push(&mut self, position: (u32, u32), value: &DataRef<'_>) {
        if matches!(value, DataRef::Empty) {
            return;
        }
        let start = self.text.len();
        write_cell_text(&mut self.text, value);
        self.close_cell(position, start);
    }

    /// Adds a cell holding `text`, as [`SparseCells::push`] adds a `DataRef::String` of it.
    pub(super) fn push_text(&mut self, position: (u32, u32), text: &str) {
        let start = self.text.len();
        self.text.push_str(text);
        self.close_cell(position, start);
    }

    /// Records the cell at (`row`, `column`) whose text was written from `start` on.
    fn close_cell(&mut self, (row, column): (u32, u32), start: usize) {
        self.first_row = self.first_row.min(row);
        self.last_row = self.last_row.max(row);
        self.first_column = self.first_column.min(column);
        if self.text.len() == start {
            return;
        }
        if let Some(&(last_row, last_column, _)) = self.cells.last() {
            self.in_order &= (last_row, last_column) < (row, column);
        }
        self.cells.push((row, column, u32::try_from(self.text.len()).unwrap_or(u32::MAX)));
    }

    pub(super) fn into_table(mut self) -> CellTable {
        let mut table = CellTable::new();
        if self.first_row > self.last_row {
            return table;
        }
        if !self.in_order {
            self.put_in_order();
        }
        let mut row_cells: Vec<&str> = Vec::new();
        let mut next = 0;
        let mut start = 0;
        for row in self.first_row..=self.last_row {
            row_cells.clear();
            while let Some(&(_, column, end)) = self.cells.get(next).filter(|c| c.0 == row) {
                let at = (column - self.first_column) as usize;
                row_cells.resize(at, "");
                row_cells.push(&self.text[start..end as usize]);
                start = end as usize;
                next += 1;
            }
            table.push_row(row as usize + 1, row_cells.iter().copied());
        }
        table
    }

    /// Sorts cells listed out of order (rare: Excel writes them in order) and keeps the last of
    /// repeated cells, as calamine's range does.
    fn put_in_order(&mut self) {
        let mut spans: Vec<(u32, u32, usize, usize)> = Vec::with_capacity(self.cells.len());
        let mut start = 0;
        for &(row, column, end) in &self.cells {
            spans.push((row, column, start, end as usize));
            start = end as usize;
        }
        spans.sort_by_key(|&(row, column, ..)| (row, column));
        let mut text = String::with_capacity(self.text.len());
        let mut cells: Vec<(u32, u32, u32)> = Vec::with_capacity(spans.len());
        for (i, &(row, column, from, to)) in spans.iter().enumerate() {
            if spans.get(i + 1).is_some_and(|n| (n.0, n.1) == (row, column)) {
                continue;
            }
            text.push_str(&self.text[from..to]);
            cells.push((row, column, u32::try_from(text.len()).unwrap_or(u32::MAX)));
        }
        self.text = text;
        self.cells = cells;
        self.in_order = true;
    }
}

/// Gathers the cells `next` yields until it yields none.
fn stream_to_cells<'a>(
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, String>,
) -> Result<CellTable, String> {
    let mut cells = SparseCells::new();
    while let Some(cell) = next()? {
        cells.push(cell.get_position(), cell.get_value());
    }
    Ok(cells.into_table())
}

fn classify(message: &str) -> WorkbookProblem {
    if message.to_ascii_lowercase().contains("password") || message.contains("encrypt") {
        WorkbookProblem::PasswordProtected
    } else {
        WorkbookProblem::Unreadable(message.to_owned())
    }
}

/// Converts a calamine range to text cells, keeping Excel's row numbers.
fn range_to_cells(range: &Range<Data>) -> CellTable {
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let mut cells = CellTable::new();
    let mut buffer: Vec<String> = Vec::new();
    for (i, row) in range.rows().enumerate() {
        buffer.clear();
        buffer.extend(row.iter().map(cell_text));
        while buffer.last().is_some_and(String::is_empty) {
            buffer.pop();
        }
        cells.push_row(first_row + i + 1, buffer.iter().map(String::as_str));
    }
    cells
}

/// The text a user would see in the cell, with numbers in a locale-free form and dates as ISO.
#[must_use]
pub fn cell_text(cell: &Data) -> String {
    let mut text = String::new();
    match cell {
        Data::Empty | Data::Error(_) => {}
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => text.push_str(s),
        Data::Int(i) => write_int(&mut text, *i),
        Data::Float(f) => write_float(&mut text, *f),
        Data::Bool(b) => text.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => write_date_time(&mut text, dt),
    }
    text
}

/// Appends the text of a cell read by reference, as [`cell_text`] gives it.
fn write_cell_text(text: &mut String, cell: &DataRef<'_>) {
    match cell {
        DataRef::Empty | DataRef::Error(_) => {}
        DataRef::SharedString(s) => text.push_str(s),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => text.push_str(s),
        DataRef::Int(i) => write_int(text, *i),
        DataRef::Float(f) => write_float(text, *f),
        DataRef::Bool(b) => text.push_str(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) => write_date_time(text, dt),
    }
}

fn write_int(text: &mut String, i: i64) {
    let _ = write!(text, "{i}");
}

/// Whole numbers without a decimal point, others in their shortest exact form.
fn write_float(text: &mut String, f: f64) {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        // Exact: every whole number below 1e15 fits an i64. "-0" stays as Excel shows it: "0".
        #[allow(clippy::cast_possible_truncation)]
        write_int(text, f as i64);
    } else {
        let _ = write!(text, "{f}");
    }
}

fn write_date_time(text: &mut String, dt: &calamine::ExcelDateTime) {
    let _ = match dt.as_datetime() {
        Some(t) if t.time() == chrono::NaiveTime::MIN => write!(text, "{}", t.format("%Y-%m-%d")),
        Some(t) => write!(text, "{}", t.format("%Y-%m-%d %H:%M:%S")),
        None => {
            write_float(text, dt.as_f64());
            Ok(())
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_a_user_sees_them() {
        assert_eq!(cell_text(&Data::Float(9.0)), "9");
        assert_eq!(cell_text(&Data::Float(7.5)), "7.5");
        assert_eq!(cell_text(&Data::Int(10)), "10");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    fn table_rows(table: &CellTable) -> Vec<(usize, Vec<String>)> {
        (0..table.row_count())
            .map(|r| (table.row_number(r), table.row(r).take(table.row_width(r)).map(str::to_owned).collect()))
            .collect()
    }

    #[test]
    fn streamed_cells_start_at_the_used_area_and_keep_gaps() {
        let mut cells = SparseCells::new();
        cells.push((2, 1), &DataRef::SharedString("id"));
        cells.push((2, 3), &DataRef::Float(9.0));
        cells.push((3, 2), &DataRef::String(String::new())); // counts for the area, holds no text
        cells.push((5, 1), &DataRef::Float(7.5));
        cells.push((5, 2), &DataRef::Empty);
        let rows = table_rows(&cells.into_table());
        let expected: Vec<(usize, Vec<String>)> =
            vec![(3, vec!["id".into(), String::new(), "9".into()]), (4, vec![]), (5, vec![]), (6, vec!["7.5".into()])];
        assert_eq!(rows, expected);
    }

    #[test]
    fn streamed_cells_out_of_order_are_sorted_and_the_last_repeat_wins() {
        let mut cells = SparseCells::new();
        cells.push((1, 1), &DataRef::SharedString("b"));
        cells.push((0, 2), &DataRef::Int(3));
        cells.push((0, 0), &DataRef::Bool(true));
        cells.push((1, 1), &DataRef::SharedString("c"));
        let rows = table_rows(&cells.into_table());
        let expected: Vec<(usize, Vec<String>)> =
            vec![(1, vec!["TRUE".into(), String::new(), "3".into()]), (2, vec![String::new(), "c".into()])];
        assert_eq!(rows, expected);
    }

    #[test]
    fn a_sheet_of_empty_cells_gives_no_rows() {
        let mut cells = SparseCells::new();
        cells.push((4, 4), &DataRef::Empty);
        assert_eq!(cells.into_table().row_count(), 0);
    }

    #[test]
    fn whole_floats_print_without_a_point_and_others_exactly() {
        let text = |f: f64| {
            let mut s = String::new();
            write_float(&mut s, f);
            s
        };
        assert_eq!(text(10.0), "10");
        assert_eq!(text(-3.0), "-3");
        assert_eq!(text(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(text(123_456_789_012_345.0), "123456789012345");
        assert_eq!(text(1e15), "1000000000000000");
    }

    #[test]
    fn encrypted_xlsx_is_recognised_by_its_ole_container() {
        let mut bytes = OLE_MAGIC.to_vec();
        bytes.resize(4096, 0);
        assert!(matches!(read_workbook(bytes, WorkbookKind::Xlsx, None), Err(WorkbookProblem::PasswordProtected)));
    }

    #[test]
    fn an_archive_that_unpacks_to_gigabytes_is_refused_unread() {
        use std::io::Write;
        let mut buffer = Cursor::new(Vec::new());
        {
            let mut zip = zip::ZipWriter::new(&mut buffer);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .large_file(true);
            zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
            let zeros = vec![0u8; 1 << 20];
            for _ in 0..80 {
                zip.write_all(&zeros).unwrap();
            }
            zip.finish().unwrap();
        }
        let bytes = buffer.into_inner();
        assert!(bytes.len() < 1 << 20, "the bomb itself is small: {}", bytes.len());
        // 80 MB of zeros in a few hundred kB: over a 64 MB limit, and compressed > 200 times.
        let result = check_container_within(&bytes, WorkbookKind::Xlsx, 64 << 20);
        assert!(matches!(result, Err(WorkbookProblem::TooLargeUnpacked { unpacked_mb: 80 })), "{result:?}");
        assert!(check_container_within(&bytes, WorkbookKind::Xlsx, 512 << 20).is_err(), "ratio alone trips it");
    }

    #[test]
    fn garbage_is_reported_not_panicking() {
        let result = read_workbook(b"not a zip at all".to_vec(), WorkbookKind::Xlsx, None);
        assert!(matches!(result, Err(WorkbookProblem::Unreadable(_))));
    }
}
