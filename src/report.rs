//! The analysis of one file as one serialisable object: what the CLI prints with `--json` and
//! what the app shows. Field names follow the CLI contract in DESIGN.md.
//!
//! Owns the assembly of results from `import` and `analysis`; it computes nothing itself.

use std::path::Path;

use serde::Serialize;

use crate::analysis::{self, AnalysisError, NpsSummary, SegmentRow, Survey};
use crate::import::{self, ColumnRole, ImportError, ImportOptions, ImportedTable, Role};

/// Everything asked for on the command line or in the open dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRequest {
    /// How to read the file.
    pub import: ImportOptions,
    /// Segment columns to break NPS down by.
    pub by: Vec<String>,
}

/// Any reason a report could not be made, already worded for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    /// The file could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The answers could not be analysed.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
}

/// One exclusion reason in the JSON: how many rows, and example row numbers with their values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedRows {
    /// Stable reason code (`blank`, `not_a_number`, `not_a_whole_number`, `out_of_range`).
    pub reason: &'static str,
    /// How many rows.
    pub rows: usize,
    /// Spreadsheet row numbers of the first few.
    pub examples: Vec<usize>,
    /// What those cells held.
    pub values: Vec<String>,
}

/// Which column does what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRoles {
    /// Header of the 0-10 score column.
    pub score: String,
    /// Headers of the segment columns broken down by.
    pub segments: Vec<String>,
    /// The sector column, if any.
    pub sector: Option<String>,
    /// The date column, if any.
    pub date: Option<String>,
    /// The respondent-id column, if any.
    pub respondent_id: Option<String>,
    /// The weight column, if any.
    pub weight: Option<String>,
    /// CES columns (either scale).
    pub ces: Vec<String>,
    /// CSAT columns.
    pub csat: Vec<String>,
    /// Grade (1-10) columns.
    pub grade: Vec<String>,
    /// Comment columns.
    pub comments: Vec<String>,
    /// Segment columns detected (available to `--by`).
    pub segment_candidates: Vec<String>,
    /// Every column with its role and scale, in file order.
    pub roles: Vec<ColumnRole>,
}

/// The source file as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceSummary {
    /// File name.
    pub file: String,
    /// Sheet read, for workbooks.
    pub sheet: Option<String>,
    /// All sheets, for workbooks.
    pub sheets: Vec<String>,
    /// Detected text encoding, for text files.
    pub encoding: Option<&'static str>,
    /// Detected delimiter, for text files.
    pub delimiter: Option<String>,
    /// Spreadsheet row number of the header.
    pub header_row: usize,
    /// How many rows the header spans.
    pub header_rows: usize,
    /// Title rows above the header left out.
    pub title_rows: usize,
    /// Spreadsheet rows below the data left out as totals or notes.
    pub footer_rows: Vec<usize>,
    /// Questions spread over one column per choice, merged into one column.
    pub merged_choices: Vec<MergedChoice>,
}

/// A question spread over one column per choice and read as one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedChoice {
    /// The question, now one column.
    pub column: String,
    /// How many choice columns it came from.
    pub from_columns: usize,
}

/// The whole analysis of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Non-blank data rows read.
    pub rows_read: usize,
    /// Rows with a valid 0-10 answer.
    pub rows_used: usize,
    /// Rows left out, by reason.
    pub excluded: Vec<ExcludedRows>,
    /// Detected layout identifier.
    pub layout: &'static str,
    /// The layout as the app names it, e.g. "Qualtrics export, 3 header rows".
    pub layout_label: String,
    /// Column roles.
    pub columns: ColumnRoles,
    /// The file.
    pub source: SourceSummary,
    /// Which interval `ci_low`/`ci_high` hold.
    pub interval: &'static str,
    /// All valid answers.
    pub overall: NpsSummary,
    /// One row per value of each `--by` column.
    pub segments: Vec<SegmentRow>,
}

/// Reads `path` and analyses it as asked.
pub fn report_for_file(path: &Path, request: &ReportRequest) -> Result<Report, ReportError> {
    let table = import::read_file(path, &request.import, &mut |_| true)?;
    report_for_table(&table, &request.by)
}

/// Analyses an imported table, breaking NPS down by the `by` columns.
pub fn report_for_table(table: &ImportedTable, by: &[String]) -> Result<Report, ReportError> {
    let survey = Survey::from_table(table, by)?;
    Ok(report_for_survey(&survey)?)
}

/// Assembles the report of a survey.
pub fn report_for_survey(survey: &Survey) -> Result<Report, AnalysisError> {
    let distribution = analysis::distribution_of(survey.scores()?);
    let overall = analysis::summarise_scores(distribution).ok_or_else(|| AnalysisError::NoValidScores {
        place: survey.source.place(),
        column: survey.score_header.clone(),
        rows_read: survey.rows_read,
    })?;
    let mut segments = Vec::new();
    for column in &survey.segment_columns {
        segments.extend(analysis::segment_rows(survey, column)?);
    }
    let excluded = survey
        .exclusions
        .iter()
        .map(|g| ExcludedRows {
            reason: g.reason.code(),
            rows: g.rows,
            examples: g.examples.iter().map(|e| e.row).collect(),
            values: g.examples.iter().map(|e| e.value.clone()).collect(),
        })
        .collect();
    let source = &survey.source;
    let facts = &survey.facts;
    Ok(Report {
        rows_read: survey.rows_read,
        rows_used: survey.rows_used(),
        excluded,
        layout: facts.layout.id(),
        layout_label: facts.layout_label(),
        columns: ColumnRoles {
            score: survey.score_header.clone(),
            segments: survey.segment_columns.clone(),
            sector: facts.column_with(Role::Sector).map(str::to_owned),
            date: facts.column_with(Role::Date).map(str::to_owned),
            respondent_id: facts.column_with(Role::RespondentId).map(str::to_owned),
            weight: facts.column_with(Role::Weight).map(str::to_owned),
            ces: [facts.columns_with(Role::CesAgree), facts.columns_with(Role::CesEffort)].concat(),
            csat: facts.columns_with(Role::Csat),
            grade: facts.columns_with(Role::Grade),
            comments: facts.columns_with(Role::Comment),
            segment_candidates: facts.columns_with(Role::Segment),
            roles: facts.roles.clone(),
        },
        source: SourceSummary {
            file: source.file_name.clone(),
            sheet: source.sheet.clone(),
            sheets: source.sheet_names.clone(),
            encoding: source.encoding.map(import::TextEncoding::label),
            delimiter: source.delimiter.map(|d| if d == '\t' { "tab".to_owned() } else { d.to_string() }),
            header_row: survey.header_row,
            header_rows: facts.header_rows,
            title_rows: facts.title_rows,
            footer_rows: facts.footer_rows.clone(),
            merged_choices: facts
                .merged_choices
                .iter()
                .map(|(column, n)| MergedChoice { column: column.clone(), from_columns: *n })
                .collect(),
        },
        interval: "adjusted_wald_95",
        overall,
        segments,
    })
}
