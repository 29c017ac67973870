//! Tables as data: what every table of the app holds (columns with their kinds, cells), built by
//! `figures` from results and written by `export` (CSV, xlsx, HTML) and drawn by the window.
//! Owns the description only; no file format and no statistics.

use serde::Serialize;

/// How the cells of a column are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ColumnKind {
    /// Text.
    Text,
    /// Whole numbers (counts).
    Integer,
    /// Numbers with a fixed number of decimals (NPS, means).
    Number {
        /// Decimals shown.
        decimals: u8,
    },
    /// Percentages in percent points (34.5 means 34.5%), as everywhere in the app; a spreadsheet
    /// gets them as fractions (0.345) with a percent format, so that its % arithmetic holds.
    Percent {
        /// Decimals shown.
        decimals: u8,
    },
    /// Dates as ISO text (`2025-03-01`): text in CSV and HTML, a date in a spreadsheet.
    Date,
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Header text.
    pub header: String,
    /// How its cells are written.
    pub kind: ColumnKind,
}

impl Column {
    /// A column with a header and a kind.
    #[must_use]
    pub fn new(header: &str, kind: ColumnKind) -> Self {
        Self { header: header.to_owned(), kind }
    }
}

/// One cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cell {
    /// Text, written as text whatever it looks like.
    Text(String),
    /// A number (non-finite numbers are written as empty cells).
    Number(f64),
    /// Nothing.
    Empty,
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Self::Number(value)
    }
}

impl From<u64> for Cell {
    fn from(value: u64) -> Self {
        Self::Number(value as f64)
    }
}

impl From<Option<f64>> for Cell {
    fn from(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Number)
    }
}

/// A table, ready to write.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Title (sheet name in xlsx, caption in the report, file name stem in CSV).
    pub title: String,
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows; each row has a cell per column (missing cells are written empty).
    pub rows: Vec<Vec<Cell>>,
}
