//! Reader for spreadsheet workbooks (xlsx, xlsm, xlsb, xls, ods) through calamine: sheet choice
//! and conversion of typed cells to the text cells the rest of the import works on.
//!
//! Owns only the workbook-to-cells step; it never decides what a column means.

use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, Xls, Xlsb, Xlsx, open_workbook_from_rs};

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
    let cursor = Cursor::new(bytes);
    match kind {
        WorkbookKind::Xlsx => read_with::<Xlsx<_>>(cursor, wanted),
        WorkbookKind::Xlsb => read_with::<Xlsb<_>>(cursor, wanted),
        WorkbookKind::Xls => read_with::<Xls<_>>(cursor, wanted),
        WorkbookKind::Ods => read_with::<Ods<_>>(cursor, wanted),
    }
}

fn read_with<R>(cursor: Cursor<Vec<u8>>, wanted: Option<&str>) -> Result<WorkbookSheets, WorkbookProblem>
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
        let range = workbook.worksheet_range(&found).map_err(|e| classify(&e.to_string()))?;
        return Ok(WorkbookSheets { sheets: vec![(found, range_to_cells(&range))], sheet_names });
    }
    let mut sheets = Vec::new();
    for name in &sheet_names {
        let Ok(range) = workbook.worksheet_range(name) else { continue };
        if range.rows().any(|row| row.iter().any(|c| !matches!(c, Data::Empty))) {
            sheets.push((name.clone(), range_to_cells(&range)));
        }
    }
    if sheets.is_empty() {
        return Err(WorkbookProblem::NoData);
    }
    Ok(WorkbookSheets { sheets, sheet_names })
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
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format_float(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%Y-%m-%d").to_string(),
            Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
            None => format_float(dt.as_f64()),
        },
    }
}

fn format_float(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.0}") } else { f.to_string() }
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
