//! [`Survey`]: the valid answers of one file as a polars DataFrame, with the rows left out and
//! why.

use polars::prelude::{Column, DataFrame, IntoColumn, NamedFrom, Series};
use serde::Serialize;

use super::AnalysisError;
use crate::import::{ExclusionReason, ImportFacts, ImportedTable, SourceInfo, parse_score};

/// How many example rows each exclusion reason keeps.
const EXAMPLES_KEPT: usize = 5;

/// Name of the score column inside the frame.
pub(crate) const SCORE: &str = "__score";
/// Name of the spreadsheet-row-number column inside the frame.
pub(crate) const ROW: &str = "__row";

/// One left-out answer shown as an example: its spreadsheet row and what the cell held.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedExample {
    /// Spreadsheet row number (header = row 1 when it is the first line).
    pub row: usize,
    /// The cell's text as written.
    pub value: String,
}

/// All rows left out for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExclusionGroup {
    /// Why they were left out.
    pub reason: ExclusionReason,
    /// How many rows.
    pub rows: usize,
    /// The first few, in file order.
    pub examples: Vec<ExcludedExample>,
}

/// The answers of one survey file: valid 0-10 scores plus the segment columns asked for,
/// together with where they came from and the rows left out.
#[derive(Debug, Clone)]
pub struct Survey {
    frame: DataFrame,
    /// Where the data came from.
    pub source: SourceInfo,
    /// What the import found: layout, header rows, column roles.
    pub facts: ImportFacts,
    /// Header of the score column.
    pub score_header: String,
    /// Headers of the segment columns kept for breakdowns, in the order asked.
    pub segment_columns: Vec<String>,
    /// Every header of the file.
    pub all_headers: Vec<String>,
    /// Spreadsheet row number of the header row.
    pub header_row: usize,
    /// Non-blank data rows read.
    pub rows_read: usize,
    /// Rows left out, grouped by reason, in [`ExclusionReason::ALL`] order.
    pub exclusions: Vec<ExclusionGroup>,
}

impl Survey {
    /// Builds the survey from an imported table, keeping the named segment columns.
    pub fn from_table(table: &ImportedTable, segment_names: &[String]) -> Result<Self, AnalysisError> {
        let place = table.source.place();
        let segment_indices = segment_names
            .iter()
            .map(|name| {
                table.column_index(name).map_err(|_| AnalysisError::NoSuchColumn {
                    place: place.clone(),
                    column: name.clone(),
                    available: table.headers.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", "),
                })
            })
            .collect::<Result<Vec<usize>, _>>()?;

        let rows = &table.rows;
        let mut scores: Vec<u32> = Vec::with_capacity(rows.row_count());
        let mut row_numbers: Vec<u32> = Vec::with_capacity(rows.row_count());
        let mut kept_rows: Vec<usize> = Vec::with_capacity(rows.row_count());
        let mut exclusions: Vec<ExclusionGroup> = ExclusionReason::ALL
            .iter()
            .map(|&reason| ExclusionGroup { reason, rows: 0, examples: Vec::new() })
            .collect();
        let mut rows_read = 0;
        for r in 0..rows.row_count() {
            if rows.row_is_blank(r) {
                continue;
            }
            rows_read += 1;
            let cell = rows.cell(r, table.score_column);
            match parse_score(cell) {
                Ok(score) => {
                    scores.push(u32::from(score));
                    row_numbers.push(u32::try_from(rows.row_number(r)).unwrap_or(u32::MAX));
                    kept_rows.push(r);
                }
                Err(reason) => {
                    if let Some(group) = exclusions.iter_mut().find(|g| g.reason == reason) {
                        group.rows += 1;
                        if group.examples.len() < EXAMPLES_KEPT {
                            group.examples.push(ExcludedExample { row: rows.row_number(r), value: cell.to_owned() });
                        }
                    }
                }
            }
        }
        exclusions.retain(|g| g.rows > 0);
        let score_header = table.headers[table.score_column].clone();
        if scores.is_empty() {
            return Err(AnalysisError::NoValidScores { place, column: score_header, rows_read });
        }

        let height = scores.len();
        let mut columns: Vec<Column> =
            vec![Series::new(ROW.into(), row_numbers).into_column(), Series::new(SCORE.into(), scores).into_column()];
        let mut segment_columns = Vec::new();
        for &c in &segment_indices {
            let name = table.headers[c].clone();
            if segment_columns.contains(&name) {
                continue;
            }
            let values: Vec<&str> = kept_rows.iter().map(|&r| segment_value(rows.cell(r, c))).collect();
            columns.push(Series::new(name.as_str().into(), values).into_column());
            segment_columns.push(name);
        }
        let frame = DataFrame::new(height, columns)?;
        Ok(Self {
            frame,
            source: table.source.clone(),
            facts: table.facts(),
            score_header,
            segment_columns,
            all_headers: table.headers.clone(),
            header_row: table.header_row,
            rows_read,
            exclusions,
        })
    }

    /// The underlying frame (valid answers only).
    #[must_use]
    pub fn frame(&self) -> &DataFrame {
        &self.frame
    }

    /// Number of valid answers.
    #[must_use]
    pub fn rows_used(&self) -> usize {
        self.frame.height()
    }

    /// Number of rows left out.
    #[must_use]
    pub fn rows_excluded(&self) -> usize {
        self.exclusions.iter().map(|g| g.rows).sum()
    }

    /// The valid scores in file order.
    pub fn scores(&self) -> Result<Vec<u8>, AnalysisError> {
        let column = self.frame.column(SCORE)?;
        Ok(column.u32()?.into_no_null_iter().map(|s| u8::try_from(s).unwrap_or(u8::MAX)).collect())
    }
}

/// The label a segment value gets: the trimmed text, or `(blank)`.
fn segment_value(cell: &str) -> &str {
    let t = cell.trim();
    if t.is_empty() { "(blank)" } else { t }
}
