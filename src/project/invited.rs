//! Invited counts per segment value, imported from a two-column table (csv/tsv/txt, xlsx, xls,
//! ods) through the survey import's readers: the value in the first column, the number invited in
//! the second, an optional header row whose first cell names the segment column.
//!
//! Owns the parsing and its messages (file, row and column named); the counts end up in
//! [`crate::analysis::Invited`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::import::{self, column_letter};

/// Invited counts read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitedTable {
    /// The header of the values' column, when the file has a header row.
    pub column: Option<String>,
    /// Invited per value.
    pub counts: BTreeMap<String, u64>,
}

/// A count of people as typed: digits, with `,` `.` or spaces between thousands (`4,500`,
/// `4.500`, `4 500`). `None` for anything else (a fraction, a negative, words).
#[must_use]
pub fn parse_count(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let groups: Vec<&str> = t.split([',', '.', ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() > 1;
    let well_formed =
        groups.iter().enumerate().all(|(i, g)| {
            !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()) && (!grouped || i == 0 || g.len() == 3)
        }) && (!grouped || groups[0].len() <= 3);
    // `12.0` (a spreadsheet's number written out) is a whole number too.
    if !well_formed {
        let whole = t.strip_suffix(".0").unwrap_or(t);
        return (whole.chars().all(|c| c.is_ascii_digit())).then(|| whole.parse().ok()).flatten();
    }
    groups.concat().parse().ok()
}

/// Why a table of invited counts could not be used; every message names the file and the cell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvitedError {
    /// The file could not be read.
    #[error(transparent)]
    Import(#[from] import::ImportError),
    /// A count that is not a whole number.
    #[error("{place}, row {row}, column {column}: '{count}' is not a whole number of people invited")]
    NotACount { place: String, row: usize, column: String, count: String },
    /// A count without its value.
    #[error("{place}, row {row}, column {column}: the value is blank")]
    BlankValue { place: String, row: usize, column: String },
    /// The same value on two rows.
    #[error("{place}, rows {first} and {row}: '{value}' is listed twice")]
    Twice { place: String, first: usize, row: usize, value: String },
    /// No counts at all.
    #[error("{place}: no invited counts; write one value per row with the number invited beside it (Region, Invited)")]
    Empty { place: String },
}

/// Reads invited counts from the file at `path`.
pub fn read_invited_file(path: &Path) -> Result<InvitedTable, InvitedError> {
    let rows = import::read_plain_rows(path)?;
    let place = import::display_name(path);
    let mut column = None;
    let mut counts = BTreeMap::new();
    let mut first_row_of: BTreeMap<String, usize> = BTreeMap::new();
    let cell = |cells: &[String], c: usize| cells.get(c).map_or("", |s| s.trim()).to_owned();
    for (row, cells) in rows.iter().filter(|(_, cells)| cells.iter().any(|c| !c.trim().is_empty())) {
        let (value, count) = (cell(cells, 0), cell(cells, 1));
        let Some(n) = parse_count(&count) else {
            if counts.is_empty() && column.is_none() && !value.is_empty() {
                // The header row: the values' column and the count's title.
                column = Some(value);
                continue;
            }
            return Err(InvitedError::NotACount { place, row: *row, column: column_letter(1), count });
        };
        if value.is_empty() {
            return Err(InvitedError::BlankValue { place, row: *row, column: column_letter(0) });
        }
        if let Some(first) = first_row_of.insert(value.clone(), *row) {
            return Err(InvitedError::Twice { place, first, row: *row, value });
        }
        counts.insert(value, n);
    }
    if counts.is_empty() {
        return Err(InvitedError::Empty { place });
    }
    Ok(InvitedTable { column, counts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_with_thousands_separators() {
        assert_eq!(parse_count("4500"), Some(4_500));
        assert_eq!(parse_count("4,500"), Some(4_500));
        assert_eq!(parse_count("4.500"), Some(4_500));
        assert_eq!(parse_count("1 234 567"), Some(1_234_567));
        assert_eq!(parse_count("120.0"), Some(120));
        for bad in ["", "-5", "4.5", "12,50", "abc", "1,2345"] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
    }

    #[test]
    fn reads_csv_with_a_header_and_names_bad_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("invited.csv");
        std::fs::write(&path, "Regio;Uitgenodigd\nNoord;1.200\nZuid;800\n").unwrap();
        let table = read_invited_file(&path).unwrap();
        assert_eq!(table.column.as_deref(), Some("Regio"));
        assert_eq!(table.counts, [("Noord".to_owned(), 1_200), ("Zuid".to_owned(), 800)].into_iter().collect());
        std::fs::write(&path, "Noord,1200\nZuid,veel\n").unwrap();
        let error = read_invited_file(&path).unwrap_err().to_string();
        assert_eq!(error, "invited.csv, row 2, column B: 'veel' is not a whole number of people invited");
        std::fs::write(&path, "Noord,1200\nNoord,800\n").unwrap();
        assert_eq!(
            read_invited_file(&path).unwrap_err().to_string(),
            "invited.csv, rows 1 and 2: 'Noord' is listed twice"
        );
    }
}
