//! [`Survey`]: one file's answers as one typed polars DataFrame, built once from the import, with
//! the rows left out and why.
//!
//! Every cell the analysis needs is parsed here, once: the 0-10 answer (UInt8, null when left
//! out, with the reason in a column beside it), the weight, the date, CES/CSAT/grade answers on
//! their scales, segment and sector columns dictionary-coded (UInt32 codes into sorted labels)
//! and the comments as text. Everything downstream (the engine's queries, the CLI, the app's
//! views) reads this frame. Must not touch egui or files.

use std::collections::HashMap;

use polars::prelude::{
    BooleanChunked, ChunkedArray, Column, DataFrame, Float64Type, Int32Type, IntoColumn, NamedFrom, NamedFromOwned,
    NewChunkedArray, PolarsNumericType, Series, UInt8Type,
};
use serde::Serialize;

use super::AnalysisError;
use super::metrics::MetricKind;
use super::paired::RespondentIds;
use crate::import::dates::parse_date;
use crate::import::score::parse_number_in;
use crate::import::{
    ColumnRole, DateOrder, Decimal, ExclusionReason, ImportFacts, ImportedTable, Role, SourceInfo, parse_score_in,
};

mod typing;

/// Rows from which a table is typed on two threads.
const SPLIT_FROM_ROWS: usize = 20_000;

/// How many example rows each exclusion reason keeps.
const EXAMPLES_KEPT: usize = 5;

/// How a blank segment cell is labelled.
pub const BLANK_LABEL: &str = "(blank)";

/// Frame column: spreadsheet row number (UInt32).
pub(crate) const ROW: &str = "row";
/// Frame column: the 0-10 answer (UInt8), null when left out.
pub(crate) const SCORE: &str = "score";
/// Frame column: why the answer was left out (UInt8 index into [`ExclusionReason::ALL`]), null
/// when it counts.
pub(crate) const SCORE_EXCLUDED: &str = "score_excluded";
/// Frame column: the weight (Float64), present when the survey is weighted.
pub(crate) const WEIGHT: &str = "weight";
/// Frame column: the answer's date as a day number (Int32, days since 1970-01-01, the physical
/// form of a polars Date), null when unreadable.
pub(crate) const DAY: &str = "day";

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
    /// The column whose cell was the reason (the score column, the weight column, a metric).
    pub column: String,
    /// Why they were left out.
    pub reason: ExclusionReason,
    /// How many rows.
    pub rows: usize,
    /// The first few, in file order.
    pub examples: Vec<ExcludedExample>,
}

/// Exclusion groups being gathered, one per reason, in [`ExclusionReason::ALL`] order.
struct Exclusions {
    column: String,
    groups: Vec<ExclusionGroup>,
}

impl Exclusions {
    fn new(column: &str) -> Self {
        let groups = ExclusionReason::ALL
            .iter()
            .map(|&reason| ExclusionGroup { column: column.to_owned(), reason, rows: 0, examples: Vec::new() })
            .collect();
        Self { column: column.to_owned(), groups }
    }

    fn add(&mut self, reason: ExclusionReason, row: usize, value: &str) {
        if let Some(group) = self.groups.iter_mut().find(|g| g.reason == reason) {
            group.rows += 1;
            if group.examples.len() < EXAMPLES_KEPT {
                group.examples.push(ExcludedExample { row, value: value.to_owned() });
            }
        }
    }

    /// Adds the exclusions of later rows.
    fn append(&mut self, later: Self) {
        for (group, more) in self.groups.iter_mut().zip(later.groups) {
            group.rows += more.rows;
            let room = EXAMPLES_KEPT.saturating_sub(group.examples.len());
            group.examples.extend(more.examples.into_iter().take(room));
        }
    }

    fn finish(self) -> Vec<ExclusionGroup> {
        let _ = self.column;
        self.groups.into_iter().filter(|g| g.rows > 0).collect()
    }
}

/// A segment or sector column: its header and its values, sorted, that the codes point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentColumn {
    /// Header.
    pub name: String,
    /// Whether the column holds sectors (compared with benchmarks).
    pub is_sector: bool,
    /// Distinct values, sorted; [`BLANK_LABEL`] for empty cells.
    pub labels: Vec<String>,
    /// Its column in the frame.
    pub(crate) key: String,
}

/// A CSAT, CES or grade column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricColumn {
    /// Header.
    pub name: String,
    /// What it measures, and so its scale.
    pub kind: MetricKind,
    /// Its column in the frame.
    pub(crate) key: String,
}

/// One row of the survey as the Responses view shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResponseRow {
    /// Spreadsheet row number.
    pub row: u32,
    /// The 0-10 answer, if it counts.
    pub score: Option<u8>,
    /// The date as `YYYY-MM-DD`, empty when there is none.
    pub date: String,
    /// The labels of the first segment columns (see [`Survey::response`]).
    pub segments: Vec<String>,
    /// The first comment column's text.
    pub comment: String,
}

/// Which columns to type: the app wants every one; a one-off report only what it prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyParts {
    /// Segment columns to code: `None` for every sector and segment column.
    pub segments: Option<Vec<String>>,
    /// Whether to read the date column.
    pub dates: bool,
    /// Whether to keep the comments.
    pub comments: bool,
    /// Whether to read CES, CSAT and grade columns.
    pub metrics: bool,
}

impl Default for SurveyParts {
    fn default() -> Self {
        Self { segments: None, dates: true, comments: true, metrics: true }
    }
}

/// Typed columns of a survey before they become a frame: what [`Survey::from_table`] parses a
/// table into, and what tests and benchmarks build directly. Every vector has one entry per
/// data row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SurveyColumns {
    /// Spreadsheet row number per row.
    pub row_numbers: Vec<u32>,
    /// The 0-10 answer, or why it was left out.
    pub scores: Vec<Result<u8, ExclusionReason>>,
    /// Header of the score column.
    pub score_name: String,
    /// The weight column: header and per-row weight (already valid: positive and finite).
    pub weights: Option<(String, Vec<f64>)>,
    /// The date column: header and per-row day number (days since 1970-01-01).
    pub days: Option<(String, Vec<Option<i32>>)>,
    /// Segment columns: header, sector or not, sorted labels and per-row codes.
    pub segments: Vec<(String, bool, Vec<String>, Vec<u32>)>,
    /// Metric columns: header, kind and per-row answer.
    pub metrics: Vec<(String, MetricKind, Vec<Option<u8>>)>,
    /// Comment columns: header and per-row text.
    pub comments: Vec<(String, Vec<String>)>,
    /// The respondent ID column: header and per-row ID (blank: none).
    pub respondents: Option<(String, Vec<String>)>,
}

/// Where a row's answer counts, in [`FrameColumns::score_reasons`].
const COUNTED: u8 = u8::MAX;
/// Where a row's answer does not count, in [`FrameColumns::score_values`].
const NO_SCORE: u8 = u8::MAX;
/// A missing date in the day column as typed.
const NO_DAY: i32 = i32::MIN;

/// The code of an exclusion reason in the frame: its index in [`ExclusionReason::ALL`].
fn reason_code(reason: ExclusionReason) -> u8 {
    let code = ExclusionReason::ALL.iter().position(|&r| r == reason);
    debug_assert!(code.is_some(), "{reason:?} is missing from ExclusionReason::ALL");
    // A reason missing from the list still leaves the answer out.
    code.map_or(0, |p| p as u8)
}

/// Typed columns as the frame takes them, without a copy: what [`SurveyColumns`] becomes, and
/// what a table is typed into directly.
struct FrameColumns {
    row_numbers: Vec<u32>,
    /// The 0-10 answer of every row, [`NO_SCORE`] where it does not count.
    score_values: Vec<u8>,
    /// Why each row's answer does not count ([`reason_code`]), or [`COUNTED`].
    score_reasons: Vec<u8>,
    score_name: String,
    weights: Option<(String, Vec<f64>)>,
    days: Option<(String, Vec<Option<i32>>)>,
    segments: Vec<(String, bool, Vec<String>, Vec<u32>)>,
    /// Metric columns: header, kind and per-row answer, 0 where there is none (every metric
    /// scale starts at 1).
    metrics: Vec<(String, MetricKind, Vec<u8>)>,
    comments: Vec<(String, Vec<String>)>,
    respondents: Option<RespondentIds>,
}

impl From<SurveyColumns> for FrameColumns {
    fn from(columns: SurveyColumns) -> Self {
        // The bytes that stand for "none" are never values.
        debug_assert!(
            columns.scores.iter().all(|s| s.is_err_and(|r| reason_code(r) != COUNTED) || s.is_ok_and(|v| v <= 10))
        );
        debug_assert!(columns.metrics.iter().all(|(.., values)| values.iter().flatten().all(|&v| v >= 1)));
        debug_assert!(columns.days.iter().all(|(_, days)| !days.contains(&Some(NO_DAY))));
        Self {
            row_numbers: columns.row_numbers,
            score_values: columns.scores.iter().map(|s| s.unwrap_or(NO_SCORE)).collect(),
            score_reasons: columns.scores.iter().map(|s| s.err().map_or(COUNTED, reason_code)).collect(),
            score_name: columns.score_name,
            weights: columns.weights,
            days: columns.days,
            segments: columns.segments,
            metrics: columns
                .metrics
                .into_iter()
                .map(|(name, kind, values)| (name, kind, values.into_iter().map(|v| v.unwrap_or(0)).collect()))
                .collect(),
            comments: columns.comments,
            respondents: columns
                .respondents
                .map(|(name, ids)| RespondentIds::encode(&name, ids.iter().map(String::as_str))),
        }
    }
}

/// The answers of one survey file as one typed frame, with where they came from and the rows
/// left out.
#[derive(Debug)]
pub struct Survey {
    frame: DataFrame,
    /// Where the data came from.
    pub source: SourceInfo,
    /// What the import found: layout, header rows, column roles.
    pub facts: ImportFacts,
    /// Header of the score column.
    pub score_header: String,
    /// Every header of the file.
    pub all_headers: Vec<String>,
    /// Spreadsheet row number of the header row.
    pub header_row: usize,
    /// Non-blank data rows read.
    pub rows_read: usize,
    /// Rows with an answer that counts.
    rows_used: usize,
    /// Rows left out of the NPS, grouped by column and reason (the score, then the weight).
    pub exclusions: Vec<ExclusionGroup>,
    /// CES, CSAT and grade answers left out (the row still counts for NPS).
    pub metric_exclusions: Vec<ExclusionGroup>,
    /// Rows with a counted answer whose date could not be read, when a date column is used.
    pub undated: Option<ExclusionGroup>,
    /// Segment and sector columns.
    pub segments: Vec<SegmentColumn>,
    /// CSAT, CES and grade columns.
    pub metrics: Vec<MetricColumn>,
    /// Header of the weight column, when the survey is weighted.
    pub weight_name: Option<String>,
    /// Header of the date column used.
    pub date_name: Option<String>,
    /// Headers of the comment columns kept.
    pub comment_names: Vec<String>,
    /// The respondent ID column, when the file has one (for paired changes between periods).
    pub respondents: Option<RespondentIds>,
    date_range: Option<(i32, i32)>,
    /// Unique among the surveys of this run (see [`Survey::id`]).
    id: u64,
    pub(crate) cubes: super::engine::CubeCache,
}

/// The frame's name of comment column `k` (in the order of [`Survey::comment_names`]).
pub(crate) fn comment_key(k: usize) -> String {
    format!("c{k}")
}

/// The next [`Survey::id`].
static NEXT_SURVEY_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A frame column of `values`, null where `valid` says a value is none (a sentinel the typing
/// wrote). The values vector is moved in, not copied (a builder appending one option at a time
/// was several times slower on a million rows).
fn masked_column<T: PolarsNumericType>(
    name: &str,
    values: Vec<T::Native>,
    valid: impl Fn(T::Native) -> bool,
) -> Column {
    let validity = values.iter().any(|&v| !valid(v)).then(|| {
        BooleanChunked::from_iter_values("".into(), values.iter().map(|&v| valid(v)))
            .downcast_as_array()
            .values()
            .clone()
    });
    ChunkedArray::<T>::from_vec_validity(name.into(), values, validity).into_column()
}

impl Survey {
    /// Builds the frame from typed columns. The exclusion report holds the score reasons only
    /// (without examples' cell text); [`Self::from_table`] fills in the rest.
    pub fn from_columns(columns: SurveyColumns, source: SourceInfo, facts: ImportFacts) -> Result<Self, AnalysisError> {
        let mut exclusions = Exclusions::new(&columns.score_name);
        for (score, &row) in columns.scores.iter().zip(&columns.row_numbers) {
            if let Err(reason) = score {
                exclusions.add(*reason, row as usize, "");
            }
        }
        Self::with_exclusions(columns.into(), source, facts, exclusions.finish())
    }

    /// Builds the frame from typed columns whose left-out rows are `exclusions`.
    fn with_exclusions(
        columns: FrameColumns,
        source: SourceInfo,
        facts: ImportFacts,
        exclusions: Vec<ExclusionGroup>,
    ) -> Result<Self, AnalysisError> {
        let height = columns.row_numbers.len();
        let place = source.place();
        let rows_read = height;
        let rows_used = columns.score_reasons.iter().filter(|&&r| r == COUNTED).count();
        if rows_used == 0 {
            return Err(AnalysisError::NoValidScores { place, column: columns.score_name, rows_read });
        }
        let weight_name = columns.weights.as_ref().map(|(name, _)| name.clone());
        let mut other_columns: Vec<Column> = Vec::new();
        let mut date_name = None;
        let mut undated = None;
        let mut date_range = None;
        let mut segments = Vec::new();
        let mut metrics = Vec::new();
        if let Some((name, days)) = columns.days {
            let mut missing = Exclusions::new(&name);
            for ((day, &reason), &row) in days.iter().zip(&columns.score_reasons).zip(&columns.row_numbers) {
                if day.is_none() && reason == COUNTED {
                    missing.add(ExclusionReason::NoDate, row as usize, "");
                }
            }
            undated = missing.finish().pop();
            let valid = days.iter().flatten().copied();
            date_range = valid.clone().min().zip(valid.max());
            let days = days.into_iter().map(|d| d.unwrap_or(NO_DAY)).collect();
            other_columns.push(masked_column::<Int32Type>(DAY, days, |d| d != NO_DAY));
            date_name = Some(name);
        }
        let (score_values, score_reasons) = (columns.score_values, columns.score_reasons);
        let score_columns = move || {
            vec![
                masked_column::<UInt8Type>(SCORE, score_values, |v| v != NO_SCORE),
                masked_column::<UInt8Type>(SCORE_EXCLUDED, score_reasons, |r| r != COUNTED),
            ]
        };
        // A large survey's score columns are built on a thread of their own while the others are
        // moved in.
        let move_in = || {
            if let Some((_, weights)) = columns.weights {
                other_columns.push(ChunkedArray::<Float64Type>::from_vec(WEIGHT.into(), weights).into_column());
            }
            for (k, (name, is_sector, labels, codes)) in columns.segments.into_iter().enumerate() {
                let key = format!("s{k}");
                other_columns.push(Series::from_vec(key.as_str().into(), codes).into_column());
                segments.push(SegmentColumn { name, is_sector, labels, key });
            }
            for (k, (name, kind, values)) in columns.metrics.into_iter().enumerate() {
                let key = format!("m{k}");
                other_columns.push(masked_column::<UInt8Type>(&key, values, |v| v != 0));
                metrics.push(MetricColumn { name, kind, key });
            }
        };
        let score_columns = if height >= SPLIT_FROM_ROWS {
            crate::parallel::both(move_in, score_columns).1
        } else {
            move_in();
            score_columns()
        };
        let mut frame_columns: Vec<Column> = score_columns.into_iter().chain(other_columns).collect();
        let mut comment_names = Vec::new();
        for (k, (name, texts)) in columns.comments.into_iter().enumerate() {
            frame_columns.push(Series::new(comment_key(k).as_str().into(), texts).into_column());
            comment_names.push(name);
        }
        // Moved into the frame, not copied.
        frame_columns.insert(0, Series::from_vec(ROW.into(), columns.row_numbers).into_column());
        let frame = DataFrame::new(height, frame_columns)?;
        Ok(Self {
            frame,
            source,
            facts,
            score_header: columns.score_name,
            all_headers: Vec::new(),
            header_row: 1,
            rows_read,
            rows_used,
            exclusions,
            metric_exclusions: Vec::new(),
            undated,
            segments,
            metrics,
            weight_name,
            date_name,
            comment_names,
            respondents: columns.respondents,
            date_range,
            id: NEXT_SURVEY_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            cubes: super::engine::CubeCache::default(),
        })
    }

    /// A survey of typed columns that come from no file (generated data, tests, benchmarks): a
    /// plain one-header table named `name`.
    pub fn from_generated(columns: SurveyColumns, name: &str) -> Result<Self, AnalysisError> {
        let (source, facts) = generated_source(name);
        Self::from_columns(columns, source, facts)
    }

    /// A number no other survey of this run has: what caches of work on a survey are keyed by.
    #[must_use]
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The typed frame: one row per non-blank data row.
    #[must_use]
    pub fn frame(&self) -> &DataFrame {
        &self.frame
    }

    /// Number of rows (non-blank data rows).
    #[must_use]
    pub fn len(&self) -> usize {
        self.frame.height()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.frame.height() == 0
    }

    /// Number of answers that count.
    #[must_use]
    pub fn rows_used(&self) -> usize {
        self.rows_used
    }

    /// Number of rows left out of the NPS.
    #[must_use]
    pub fn rows_excluded(&self) -> usize {
        self.exclusions.iter().map(|g| g.rows).sum()
    }

    /// Whether the answers are weighted.
    #[must_use]
    pub fn is_weighted(&self) -> bool {
        self.weight_name.is_some()
    }

    /// The segment column named `name`.
    #[must_use]
    pub fn segment(&self, name: &str) -> Option<&SegmentColumn> {
        self.segments.iter().find(|s| s.name == name)
    }

    /// Whether the survey has a date column.
    #[must_use]
    pub fn has_dates(&self) -> bool {
        self.date_name.is_some()
    }

    /// The first and last date (day numbers).
    #[must_use]
    pub fn date_range(&self) -> Option<(i32, i32)> {
        self.date_range
    }

    /// The survey's date range cut to the dates `filter` keeps (first and last day number); the
    /// first can fall after the last when the filter's dates miss the data.
    #[must_use]
    pub fn filtered_date_range(&self, filter: &super::filter::Filter) -> Option<(i32, i32)> {
        let (from, to) = filter.date_bounds();
        let (first, last) = self.date_range?;
        Some((from.map_or(first, |f| f.max(first)), to.map_or(last, |t| t.min(last))))
    }

    /// The dates `filter` keeps of the survey's range, first and last day as `YYYY-MM-DD`: the
    /// period every figure's footnote names, in the window and in the CLI's exports alike.
    #[must_use]
    pub fn date_span(&self, filter: &super::filter::Filter) -> Option<(String, String)> {
        let (first, last) = self.filtered_date_range(filter)?;
        // A filter whose dates miss the data keeps no dates: no period, not an inverted one.
        (first <= last).then(|| (super::calendar::iso_date(first), super::calendar::iso_date(last)))
    }

    /// The comment columns, as text, in the order of [`Self::comment_names`].
    ///
    /// # Errors
    /// When the frame lacks one (not for a survey built by this module).
    pub fn comment_columns(&self) -> Result<Vec<&polars::prelude::StringChunked>, AnalysisError> {
        (0..self.comment_names.len()).map(|k| Ok(self.frame.column(&comment_key(k))?.str()?)).collect()
    }

    /// Every comment of the row at `position`, one per comment column (blank where none).
    #[must_use]
    pub fn comments_of(&self, position: usize) -> Vec<String> {
        (0..self.comment_names.len())
            .map(|k| match self.frame.column(&comment_key(k)).ok().and_then(|c| c.get(position).ok()) {
                Some(polars::prelude::AnyValue::String(text)) => text.to_owned(),
                _ => String::new(),
            })
            .collect()
    }

    /// The row at `position` (0-based, as the engine's response lists give it) as the
    /// Responses view shows it, with the first `segments` segment columns.
    #[must_use]
    pub fn response(&self, position: usize, segments: usize) -> Option<ResponseRow> {
        if position >= self.len() {
            return None;
        }
        let value = |name: &str| self.frame.column(name).ok().and_then(|c| c.get(position).ok());
        let as_u64 = |v: Option<polars::prelude::AnyValue<'_>>| v.and_then(|v| v.extract::<u64>());
        let row = as_u64(value(ROW)).and_then(|r| u32::try_from(r).ok())?;
        let score = as_u64(value(SCORE)).and_then(|s| u8::try_from(s).ok());
        let date = match value(DAY) {
            Some(polars::prelude::AnyValue::Int32(day)) => super::calendar::iso_date(day),
            _ => String::new(),
        };
        let segments = self
            .segments
            .iter()
            .take(segments)
            .map(|s| as_u64(value(&s.key)).and_then(|code| s.labels.get(code as usize)).cloned().unwrap_or_default())
            .collect();
        let comment = match value(&comment_key(0)) {
            Some(polars::prelude::AnyValue::String(text)) => text.to_owned(),
            _ => String::new(),
        };
        Some(ResponseRow { row, score, date, segments, comment })
    }
}

/// Source and facts of a plain one-header table named `name` that no file was read for.
fn generated_source(name: &str) -> (SourceInfo, ImportFacts) {
    let source = SourceInfo {
        file_name: name.to_owned(),
        format: crate::import::FileFormat::Delimited,
        encoding: None,
        delimiter: None,
        sheet: None,
        sheet_names: Vec::new(),
        read_as: None,
        windows_1252_lines: Vec::new(),
    };
    let facts = ImportFacts {
        layout: crate::import::Layout::PlainTable,
        header_row: 1,
        header_rows: 1,
        title_rows: 0,
        footer_rows: Vec::new(),
        merged_choices: Vec::new(),
        long_format: None,
        roles: Vec::new(),
        score_guessed: false,
        score_alternatives: Vec::new(),
        score_scale_doubt: None,
        skipped_weight: None,
        header_missing: false,
        joined_rows: Vec::new(),
        misaligned_rows: Vec::new(),
        fields: 0,
    };
    (source, facts)
}

#[cfg(test)]
pub(crate) mod tests {
    use polars::prelude::DataType;

    use super::typing::*;
    use super::*;
    use crate::import::parse_score;

    /// A source for surveys built in tests.
    pub(crate) fn test_source() -> (SourceInfo, ImportFacts) {
        generated_source("test.csv")
    }

    /// A small survey: 8 rows, region A/B, dates over two months.
    pub(crate) fn small_columns() -> SurveyColumns {
        SurveyColumns {
            row_numbers: (2..10).collect(),
            scores: [Ok(10), Ok(9), Ok(0), Ok(7), Err(ExclusionReason::Blank), Ok(3), Ok(9), Ok(10)].to_vec(),
            score_name: "nps".into(),
            days: Some((
                "date".into(),
                vec![
                    Some(20_089),
                    Some(20_090),
                    Some(20_100),
                    Some(20_120),
                    Some(20_121),
                    Some(20_125),
                    None,
                    Some(20_130),
                ],
            )),
            segments: vec![("region".into(), false, vec!["A".into(), "B".into()], vec![0, 0, 0, 1, 1, 1, 1, 0])],
            ..SurveyColumns::default()
        }
    }

    /// [`small_columns`] as a survey.
    #[test]
    fn the_date_span_is_the_filtered_dates_or_none() {
        let survey = small_survey();
        let all = survey.date_span(&super::super::filter::Filter::default()).unwrap();
        assert!(all.0 <= all.1, "{all:?}");
        let late = super::super::filter::Filter {
            date_from: Some("2030-01-01".to_owned()),
            ..super::super::filter::Filter::default()
        };
        assert_eq!(survey.date_span(&late), None, "a filter past the data keeps no dates");
        let from =
            super::super::filter::Filter { date_from: Some(all.1.clone()), ..super::super::filter::Filter::default() };
        assert_eq!(survey.date_span(&from), Some((all.1.clone(), all.1)));
    }

    pub(crate) fn small_survey() -> Survey {
        let (source, facts) = test_source();
        Survey::from_columns(small_columns(), source, facts).expect("a valid survey")
    }

    #[test]
    fn codes_follow_sorted_labels_for_few_and_many_values() {
        for distinct in [3usize, 16, 17, 40] {
            let values: Vec<String> = (0..200).map(|i| format!("v{:02}", (i * 7) % distinct)).collect();
            let (labels, codes) = encode(values.iter().map(String::as_str));
            assert_eq!(labels.len(), distinct);
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "labels sorted");
            for (value, code) in values.iter().zip(&codes) {
                assert_eq!(&labels[*code as usize], value);
            }
        }
    }

    #[test]
    fn labels_that_differ_anywhere_get_their_own_codes() {
        // Differences in the middle of 9-16 byte labels, past 16 bytes, in a padding-like zero
        // byte, and beyond the first eight bytes of labels of one length.
        let values = [
            "abcdefghXjkl",
            "abcdefghYjkl",
            "abcdefgh",
            "abcdefg",
            "abcdefg\0",
            "0123456789abcdefX",
            "0123456789abcdefY",
            "0123456789abcdefX",
            "abcdefghYjkl",
            "United Kingdom",
            "United Kingdon",
            "",
        ];
        let (labels, codes) = encode(values.iter().copied());
        assert_eq!(labels.len(), 10);
        for word in ["", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi"] {
            let mut bytes = [0u8; 8];
            let n = word.len().min(8);
            bytes[..n].copy_from_slice(&word.as_bytes()[..n]);
            assert_eq!(first_word(word), u64::from_le_bytes(bytes), "{word}");
        }
        for (value, code) in values.iter().zip(&codes) {
            assert_eq!(labels[*code as usize], *value);
        }
        // Sixteen labels share 32 slots (some share one) before the rest go to the hash map;
        // every repeat, in any order, finds its own code.
        let many: Vec<String> = (0..40).map(|i| format!("segment {i}")).collect();
        let key = |v: &str| (v.len(), first_word(v), last_word(v));
        let slots: std::collections::HashSet<usize> = many[..16].iter().map(|v| slot_of(key(v))).collect();
        assert!(slots.len() < 16, "the test needs labels sharing a slot");
        let order: Vec<&str> = (0..400).map(|i| many[(i * 7 + i / 40) % 40].as_str()).collect();
        let (labels, codes) = encode(order.iter().copied());
        assert_eq!(labels.len(), 40);
        for (value, code) in order.iter().zip(&codes) {
            assert_eq!(labels[*code as usize], *value);
        }
    }

    #[test]
    fn the_frame_is_typed_once() {
        let survey = small_survey();
        let frame = survey.frame();
        assert_eq!(frame.height(), 8);
        assert_eq!(frame.column(SCORE).map(|c| c.dtype().clone()).ok(), Some(DataType::UInt8));
        assert_eq!(frame.column(DAY).map(|c| c.dtype().clone()).ok(), Some(DataType::Int32));
        assert_eq!(frame.column("s0").map(|c| c.dtype().clone()).ok(), Some(DataType::UInt32));
        assert_eq!(survey.rows_used(), 7);
        assert_eq!(survey.rows_excluded(), 1);
        assert_eq!(survey.date_range(), Some((20_089, 20_130)));
        let undated = survey.undated.as_ref().expect("one counted answer has no date");
        assert_eq!((undated.rows, undated.examples[0].row), (1, 8));
        let third = survey.response(2, 4).expect("row 3");
        assert_eq!((third.row, third.score, third.segments.as_slice()), (4, Some(0), ["A".to_owned()].as_slice()));
        assert_eq!(third.date, "2025-01-12");
        assert_eq!(survey.response(4, 1).and_then(|r| r.score), None, "the blank answer");
        assert!(survey.response(8, 1).is_none());
    }

    #[test]
    fn metric_answers_are_whole_numbers_on_their_scale() {
        assert_eq!(metric_value("4", (1, 5), Decimal::Either), Some(Ok(4)));
        assert_eq!(metric_value(" 4,0 ", (1, 5), Decimal::Either), Some(Ok(4)));
        assert_eq!(metric_value("3.9999999999999996", (1, 5), Decimal::Either), Some(Ok(4)));
        assert_eq!(metric_value("6", (1, 5), Decimal::Either), Some(Err(ExclusionReason::OutOfRange)));
        assert_eq!(metric_value("0", (1, 7), Decimal::Either), Some(Err(ExclusionReason::OutOfRange)));
        assert_eq!(metric_value("3.5", (1, 7), Decimal::Either), Some(Err(ExclusionReason::NotWholeNumber)));
        assert_eq!(metric_value("n.v.t.", (1, 7), Decimal::Either), Some(Err(ExclusionReason::NotANumber)));
        assert_eq!(metric_value("  ", (1, 7), Decimal::Either), None);
    }

    #[test]
    fn unusable_weights_are_left_out_with_a_reason() {
        for (cell, usable) in [
            ("1.2", true),
            ("0,8", true),
            ("", false),
            ("n/a", false),
            ("-1", false),
            ("0", false),
            ("NaN", false),
            ("inf", false),
        ] {
            assert_eq!(weight_value(cell, Decimal::Either).is_some(), usable, "{cell:?}");
        }
    }

    #[test]
    fn labels_of_two_halves_merge_in_order() {
        let (union, to_a, to_b) =
            merge_labels(vec!["b".into(), "d".into()], vec!["a".into(), "b".into(), "c".into(), "e".into()]);
        assert_eq!(union, ["a", "b", "c", "d", "e"]);
        assert_eq!(to_a, [1, 3]);
        assert_eq!(to_b, [0, 1, 2, 4]);
    }

    /// A file large enough to be typed in two halves, whose halves differ: values only one half
    /// holds, blank rows, bad scores, weights and metric answers in both. Every typed value and
    /// every exclusion is compared with the cells read one by one.
    #[test]
    fn a_table_typed_in_two_halves_equals_its_cells_read_in_order() {
        use crate::import::{ImportOptions, read_bytes};
        let rows = 2 * SPLIT_FROM_ROWS + 7;
        let mut text = String::from("Region,Score,CSAT,Weight,Comment\n");
        for i in 0..rows {
            if i % 997 == 5 {
                text.push_str(",,,,\n");
                continue;
            }
            // "Aarhus" only in the second half, "Zwolle" only in the first.
            let region = match i {
                _ if i < SPLIT_FROM_ROWS && i % 5 == 0 => "Zwolle",
                _ if i > SPLIT_FROM_ROWS + 10 && i % 5 == 0 => "Aarhus",
                _ if i % 7 == 0 => "",
                _ => ["Noord", "Zuid", "Oost"][i % 3],
            };
            let score = match i % 101 {
                3 => "n.v.t.".to_owned(),
                4 => "12".to_owned(),
                _ => (i % 11).to_string(),
            };
            let csat = if i % 89 == 1 { "9".to_owned() } else { (1 + i % 5).to_string() };
            let weight = if i % 401 == 2 { "-1" } else { "1.5" };
            text.push_str(&format!("{region},{score},{csat},{weight},opmerking {i}\n"));
        }
        let mut table = read_bytes("halves.csv", text.into_bytes(), &ImportOptions::default(), &mut |_| true).unwrap();
        // Out-of-scale answers and negative weights make the detection doubt these columns:
        // say what they are, as a user would in the review.
        table.roles[2].role = Role::Csat;
        table.roles[3].role = Role::Weight;
        let survey = Survey::from_table(&table).unwrap();
        let cells = &table.rows;
        let kept: Vec<usize> = (0..cells.row_count()).filter(|&r| !cells.row_is_blank(r)).collect();
        assert!(kept.len() > SPLIT_FROM_ROWS && kept.len() < rows, "blank rows are left out");
        let frame = survey.frame();
        let numbers: Vec<u32> = frame.column(ROW).unwrap().u32().unwrap().into_no_null_iter().collect();
        let scores: Vec<Option<u8>> = frame.column(SCORE).unwrap().u8().unwrap().iter().collect();
        let region = survey.segment("Region").unwrap();
        assert!(region.labels.windows(2).all(|w| w[0] < w[1]), "labels sorted: {:?}", region.labels);
        let codes: Vec<u32> = frame.column(&region.key).unwrap().u32().unwrap().into_no_null_iter().collect();
        let csat = &survey.metrics[0];
        let csats: Vec<Option<u8>> = frame.column(&csat.key).unwrap().u8().unwrap().iter().collect();
        let comments: Vec<&str> =
            frame.column("c0").unwrap().str().unwrap().iter().map(Option::unwrap_or_default).collect();
        let mut expected_exclusions: Vec<(ExclusionReason, usize)> = Vec::new();
        let mut csat_left_out = 0;
        for (i, &r) in kept.iter().enumerate() {
            assert_eq!(numbers[i] as usize, cells.row_number(r));
            let label = match cells.cell(r, 0) {
                "" => BLANK_LABEL,
                v => v,
            };
            assert_eq!(region.labels[codes[i] as usize], label, "row {}", numbers[i]);
            let bad_weight = weight_value(cells.cell(r, 3), Decimal::Either).is_none();
            let score = parse_score(cells.cell(r, 1));
            match (score, bad_weight) {
                (Ok(s), false) => assert_eq!(scores[i], Some(s)),
                (Ok(_), true) => {
                    assert_eq!(scores[i], None);
                    expected_exclusions.push((ExclusionReason::InvalidWeight, numbers[i] as usize));
                }
                (Err(reason), _) => {
                    assert_eq!(scores[i], None);
                    expected_exclusions.push((reason, numbers[i] as usize));
                }
            }
            let answer = metric_value(cells.cell(r, 2), (1, 5), Decimal::Either);
            csat_left_out += usize::from(matches!(answer, Some(Err(_))));
            let shown = match answer {
                Some(Ok(v)) if !bad_weight => Some(v),
                _ => None,
            };
            assert_eq!(csats[i], shown, "row {}", numbers[i]);
            assert_eq!(comments[i], cells.cell(r, 4));
        }
        for group in &survey.exclusions {
            let rows: Vec<usize> =
                expected_exclusions.iter().filter(|(reason, _)| *reason == group.reason).map(|(_, row)| *row).collect();
            assert_eq!(group.rows, rows.len(), "{:?}", group.reason);
            let examples: Vec<usize> = group.examples.iter().map(|e| e.row).collect();
            assert_eq!(examples, rows[..rows.len().min(EXAMPLES_KEPT)], "{:?}: first rows in file order", group.reason);
        }
        assert_eq!(survey.exclusions.iter().map(|g| g.rows).sum::<usize>(), expected_exclusions.len());
        assert_eq!(survey.metric_exclusions.iter().map(|g| g.rows).sum::<usize>(), csat_left_out);
        assert!(csat_left_out > 0 && survey.exclusions.len() >= 3);
    }
}
