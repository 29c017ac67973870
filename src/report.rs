//! The analysis of one file as one serialisable object: what the CLI prints with `--json` and
//! what the app shows. Field names follow the CLI contract in DESIGN.md.
//!
//! Owns the assembly of results from `import`, `analysis` and `benchmarks`; it computes nothing
//! itself.

use std::path::Path;

use serde::Serialize;

use crate::analysis::{
    self, AnalysisError, Filter, GroupMetrics, NpsSummary, Period, Query, ResponseRates, SegmentRow, Survey,
    SurveyParts, TrendPoint,
};
use crate::benchmarks::{self, Benchmark, Comparison, DataContext};
use crate::import::{
    self, ColumnRole, ImportError, ImportOptions, ImportedTable, Role, SkippedWeight, UnreadableDates,
};

/// Everything asked for on the command line or in the open dialog.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRequest {
    /// How to read the file.
    pub import: ImportOptions,
    /// Segment columns to break NPS down by; `A:B` for a two-way breakdown.
    pub by: Vec<String>,
    /// The trend period asked for, if any.
    pub trend: Option<Period>,
    /// Which rows to analyse.
    pub filter: Filter,
    /// The data's region and audience, for benchmark warnings.
    pub context: DataContext,
    /// A benchmark (id or sector name) for the overall NPS.
    pub overall_benchmark: Option<String>,
    /// Sector values matched by hand to a benchmark id (`-` for none), from a project.
    pub benchmark_matches: Vec<(String, String)>,
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
    /// The filter keeps no answer.
    #[error("{place}: the filter ({filter}) keeps no answer")]
    EmptySelection { place: String, filter: String },
    /// `--by A:B:C`: a breakdown crosses at most two columns.
    #[error("--by '{spec}': a breakdown crosses at most two columns (--by A:B); repeat --by for more breakdowns")]
    ByTooDeep { spec: String },
    /// `--trend` where the column headed like a date holds too few readable dates.
    #[error(
        "{place}: no trend: '{column}' is headed like a date, but only {read} of its {filled} values read as dates (row {row}: '{value}'); dates are read as 2025-12-31, 31-12-2025, 12/31/2025 or Excel serial numbers"
    )]
    DatesUnreadable { place: String, column: String, read: usize, filled: usize, row: usize, value: String },
    /// `--trend` without a date column.
    #[error("{place}: no date column to draw a trend from; columns: {available}")]
    NoDateColumn { place: String, available: String },
}

/// The overall NPS with the other metrics the file has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// NPS, counts, shares, mean, distribution and intervals.
    #[serde(flatten)]
    pub summary: NpsSummary,
    /// CES (the 1-7 agreement scale when present, else the 1-5 effort scale), CSAT and grade.
    #[serde(flatten)]
    pub metrics: GroupMetrics,
    /// The overall benchmark chosen, and the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Comparison>,
}

impl std::ops::Deref for Overall {
    type Target = NpsSummary;
    fn deref(&self) -> &NpsSummary {
        &self.summary
    }
}

/// A row of a breakdown as the report gives it: the analysis's [`SegmentRow`] and, for a
/// sector, the benchmark it is compared with. Benchmarks are attached here, in the report step,
/// so that `analysis` knows nothing of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakdownRow {
    /// NPS, intervals, test against the rest, metrics and response rate of the value.
    #[serde(flatten)]
    pub row: SegmentRow,
    /// For a sector: the benchmark it is compared with, and the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<Comparison>,
}

impl std::ops::Deref for BreakdownRow {
    type Target = SegmentRow;
    fn deref(&self) -> &SegmentRow {
        &self.row
    }
}

impl std::ops::DerefMut for BreakdownRow {
    fn deref_mut(&mut self) -> &mut SegmentRow {
        &mut self.row
    }
}

/// One exclusion reason in the JSON: how many rows, and example row numbers with their values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedRows {
    /// The column whose cell was the reason (the score column, the weight column, a metric or
    /// the date column).
    pub column: String,
    /// Stable reason code (`blank`, `not_a_number`, `not_a_whole_number`, `out_of_range`,
    /// `invalid_weight`, `no_date`, `range`, `time`, `ratio`, `out_of`, `field_count`).
    pub reason: &'static str,
    /// How many rows.
    pub rows: usize,
    /// Spreadsheet row numbers of the first few.
    pub examples: Vec<usize>,
    /// What those cells held.
    pub values: Vec<String>,
}

impl From<&analysis::ExclusionGroup> for ExcludedRows {
    fn from(g: &analysis::ExclusionGroup) -> Self {
        Self {
            column: g.column.clone(),
            reason: g.reason.code(),
            rows: g.rows,
            examples: g.examples.iter().map(|e| e.row).collect(),
            values: g.examples.iter().map(|e| e.value.clone()).collect(),
        }
    }
}

/// Which column does what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRoles {
    /// Header of the 0-10 score column.
    pub score: String,
    /// The score column was chosen by its answers: no header speaks of recommending and the
    /// user did not name it. Announced wherever results are shown.
    pub score_guessed: bool,
    /// Other columns whose answers look like 0-10 scores, when the score column was guessed.
    pub score_alternatives: Vec<String>,
    /// The score column may be asked on another scale than 0-10 and the user has not said (the
    /// window asks; the command line refuses instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_scale_doubt: Option<crate::import::ScaleDoubt>,
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
    /// Whether the results are weighted (by `weight`).
    pub weighted: bool,
    /// A column headed like a weight that was not applied because its values do not look like
    /// survey weights; the user is asked to confirm it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_skipped: Option<SkippedWeight>,
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
    /// A long file (one row per answer) pivoted to one row per respondent: which column said
    /// whose answer it was, which the question, which held the answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long_format: Option<crate::import::layout::LongParts>,
    /// What the file really is when its extension says otherwise; it was read by its content.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_as: Option<&'static str>,
    /// Lines of a UTF-8 file read as Windows-1252 because they were not valid UTF-8.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub windows_1252_lines: Vec<usize>,
    /// The file has no header row: row 1 holds answers.
    pub header_missing: bool,
    /// Rows whose comment held the delimiter unquoted: its parts were joined back into the
    /// comment (spreadsheet row numbers).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joined_rows: Vec<usize>,
}

/// A question spread over one column per choice and read as one column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergedChoice {
    /// The question, now one column.
    pub column: String,
    /// How many choice columns it came from.
    pub from_columns: usize,
}

/// A project applied to the file analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppliedProject {
    /// The project file's name.
    pub file: String,
    /// The survey file the project was made on.
    pub made_on: String,
    /// Whether this is that very file (same size and first bytes).
    pub same_contents: bool,
    /// Columns the project does not know; their roles were detected.
    pub new_columns: Vec<String>,
}

/// The whole analysis of one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Non-blank data rows read.
    pub rows_read: usize,
    /// Rows with a valid 0-10 answer.
    pub rows_used: usize,
    /// Rows left out of the NPS, by column and reason.
    pub excluded: Vec<ExcludedRows>,
    /// CES, CSAT and grade answers left out (their rows still count for NPS).
    pub excluded_metric_answers: Vec<ExcludedRows>,

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
    /// The rule that keeps the NPS shown inside its interval.
    pub interval_note: &'static str,

    /// Whether the results are weighted (by the file's weight column, or by raking).
    pub weighted: bool,
    /// Kish's effective n of the answers counted overall, when weighted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_n: Option<f64>,
    /// Their design effect: n / effective n, when weighted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design_effect: Option<f64>,
    /// The weighting to population margins (`--rake`), when asked: the columns, the margins
    /// reached, trimming.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raking: Option<crate::analysis::weighting::RakeSummary>,

    /// The filter applied, in words; empty when every row is analysed.
    pub filter: String,
    /// All valid answers kept by the filter.
    pub overall: Overall,
    /// One row per value of each `--by` column (or pair of values for `A:B`).
    pub segments: Vec<BreakdownRow>,
    /// NPS per period, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<Vec<TrendPoint>>,
    /// NPS per sector with its benchmark, when the file has a sector column.
    pub sectors: Vec<BreakdownRow>,
    /// How many of the invited answered (`--invited`), with 95% Wilson intervals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_rate: Option<ResponseRates>,
    /// The project applied to the file, when one was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project: Option<AppliedProject>,
    /// A problem with the user's benchmark file (the bundled library is still used).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_warning: Option<String>,
    /// Rows without a readable date, when dates are used (trend or date filter): they are left
    /// out of the trend and of date filters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unreadable_dates: Option<UnreadableDates>,
    /// The dates the filter keeps of the file's range (first and last day), for the figures'
    /// footnotes ([`Survey::date_span`]).
    #[serde(skip)]
    pub date_span: Option<(String, String)>,
}

/// Reads `path` and analyses it as asked.
pub fn report_for_file(path: &Path, request: &ReportRequest) -> Result<Report, ReportError> {
    let mut table = import::read_file(path, &request.import, &mut |_| true)?;
    report_releasing_cells(&mut table, request)
}

/// The header of every column named in `--by` (by name, code, number or letter). `A:B` crosses
/// two columns; a header holding a colon (`Q1: Region`) is found whole first, and where `A:B:C`
/// can be split into two columns in one way only, it is split there.
pub fn by_columns(table: &ImportedTable, by: &[String]) -> Result<Vec<Vec<String>>, ReportError> {
    by.iter()
        .map(|spec| {
            let header = |name: &str| table.column_index(name.trim()).map(|c| table.headers[c].clone());
            if let Ok(whole) = header(spec) {
                return Ok(vec![whole]);
            }
            let splits: Vec<(&str, &str)> =
                spec.match_indices(':').map(|(i, _)| (&spec[..i], &spec[i + 1..])).collect();
            let both: Vec<Vec<String>> =
                splits.iter().filter_map(|(a, b)| Some(vec![header(a).ok()?, header(b).ok()?])).collect();
            match (both.as_slice(), splits.as_slice()) {
                ([one], _) => Ok(one.clone()),
                (_, [(a, b)]) => Ok(vec![header(a)?, header(b)?]),
                ([], []) => Ok(vec![header(spec)?]),
                _ => Err(ReportError::ByTooDeep { spec: spec.clone() }),
            }
        })
        .collect()
}

/// Why a table gives no trend: the column headed like a date whose values could not be read, with
/// how many could and the first that could not; else that no column is a date column.
fn no_trend(table: &ImportedTable, place: String) -> ReportError {
    let rows = &table.rows;
    let headed = (0..table.headers.len())
        .filter(|&c| table.roles[c].role != Role::Date && import::roles::headed_like_date(&table.headers[c]));
    for c in headed {
        let cells = (0..rows.row_count()).map(|r| (rows.row_number(r), rows.cell(r, c)));
        if let (read, filled, Some((row, value))) = import::dates::readable_dates(cells) {
            let column = table.headers[c].clone();
            return ReportError::DatesUnreadable { place, column, read, filled, row, value };
        }
    }
    ReportError::NoDateColumn { place, available: import_headers(table) }
}

/// Analyses an imported table as asked (the import part of `request` is not used).
pub fn report_for_table(table: &ImportedTable, request: &ReportRequest) -> Result<Report, ReportError> {
    prepare(table, request)?.finish()
}

/// As [`report_for_table`], but frees the table's cells as soon as the survey is typed from
/// them, so that a one-off report of a large file peaks near the file's size instead of holding
/// the cells through the analysis. The table keeps its headers, roles and source.
pub fn report_releasing_cells(table: &mut ImportedTable, request: &ReportRequest) -> Result<Report, ReportError> {
    let prepared = prepare(table, request)?;
    // Handing a large table's pages back takes about 10 ms for a million rows, and is done here,
    // before the analysis, on this thread. Freeing them on a thread of their own was slower: the
    // kernel unmaps under the process's address-space lock, and the analysis's own allocations
    // and first touches of memory waited for it (an 8 MB allocation stalled 8-13 ms, the polars
    // group_by ran 4 ms slower).
    drop(std::mem::replace(&mut table.rows, import::CellTable::new()));
    prepared.finish()
}

/// A survey typed for a request, with what the report needs of the table.
struct Prepared {
    survey: Survey,
    views: ViewRequest,
    unreadable_dates: Option<UnreadableDates>,
}

/// Types what `request` needs of `table`.
fn prepare(table: &ImportedTable, request: &ReportRequest) -> Result<Prepared, ReportError> {
    let by = by_columns(table, &request.by)?;
    let place = table.source.place();
    for column in request.filter.segments.keys() {
        table.column_index(column)?;
    }
    let mut extra: Vec<String> = by.iter().flatten().cloned().collect();
    extra.extend(request.filter.segments.keys().map(|c| table.headers[table.column_index(c).unwrap_or(0)].clone()));
    let mut context = request.context.clone();
    if let Some(column) = &context.invited.by_column {
        let header = table.headers[table.column_index(column)?].clone();
        extra.push(header.clone());
        context.invited.by_column = Some(header);
    }
    let sector = table.facts().column_with(Role::Sector).map(str::to_owned);
    let parts = SurveyParts {
        segments: Some(sector.iter().cloned().collect()),
        dates: request.trend.is_some() || request.filter.date_from.is_some() || request.filter.date_to.is_some(),
        comments: false,
        metrics: true,
    };
    let survey = Survey::from_table_with(table, &extra, &parts)?;
    let mut filter = request.filter.clone();
    filter.segments = filter
        .segments
        .into_iter()
        .map(|(c, v)| (table.headers[table.column_index(&c).unwrap_or(0)].clone(), v))
        .collect();
    if request.trend.is_some() && !survey.has_dates() {
        return Err(no_trend(table, place));
    }
    let benchmarks = BenchmarkChoice {
        sector_column: sector,
        context,
        overall: request.overall_benchmark.clone(),
        matches: request.benchmark_matches.clone(),
        library_version: 0,
    };
    let unreadable_dates = if survey.has_dates() { table.unreadable_dates() } else { None };
    let views = ViewRequest { by, trend: request.trend, trend_by: None, filter, benchmarks };
    Ok(Prepared { survey, views, unreadable_dates })
}

impl Prepared {
    /// The report of the typed survey.
    fn finish(self) -> Result<Report, ReportError> {
        let (library, warning) = benchmarks::library();
        let mut report = report_for_survey(&self.survey, &self.views, &library)?;
        report.benchmark_warning = warning;
        report.unreadable_dates = self.unreadable_dates;
        Ok(report)
    }
}

/// The report of a survey already built with every column (as the app loads it): overall and
/// per sector, with `library`, the benchmark library the app holds (read once, at start, not
/// again from disk by every load).
pub fn report_for_whole_survey(survey: &Survey, library: &[Benchmark]) -> Result<Report, ReportError> {
    let views = ViewRequest {
        benchmarks: BenchmarkChoice {
            sector_column: survey.segments.iter().find(|s| s.is_sector).map(|s| s.name.clone()),
            ..BenchmarkChoice::default()
        },
        ..ViewRequest::default()
    };
    report_for_survey(survey, &views, library)
}

fn import_headers(table: &ImportedTable) -> String {
    table.headers.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ")
}

/// What to compute from a survey: breakdowns (one column, or two for a two-way), a trend and
/// the filter. The app recomputes this on every filter change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewRequest {
    /// Breakdowns: one header, or two for a two-way breakdown.
    pub by: Vec<Vec<String>>,
    /// Trend period.
    pub trend: Option<Period>,
    /// A segment column whose values each get a trend line of their own (the largest
    /// [`TREND_LINES`] values), besides the overall trend.
    pub trend_by: Option<String>,
    /// Rows kept.
    pub filter: Filter,
    /// Which benchmarks to compare with.
    pub benchmarks: BenchmarkChoice,
}

/// At most this many values of a column get a trend line of their own: more lines cannot be told
/// apart on one chart.
pub const TREND_LINES: usize = 6;

/// How sectors and the overall NPS are compared with benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BenchmarkChoice {
    /// The sector column, whose values are matched to benchmark sectors.
    pub sector_column: Option<String>,
    /// Where the data come from and whether they are B2B or B2C.
    pub context: DataContext,
    /// A benchmark (id or sector name) for the overall NPS.
    pub overall: Option<String>,
    /// Matches the user chose: sector value and benchmark id (`-` for none).
    pub matches: Vec<(String, String)>,
    /// Changes when the library changes, so that the views are recomputed.
    pub library_version: u64,
}

impl BenchmarkChoice {
    /// The benchmark for a sector value: the user's choice, else the best match.
    #[must_use]
    pub fn for_value<'a>(&self, value: &str, library: &'a [Benchmark]) -> Option<&'a Benchmark> {
        match self.matches.iter().find(|(v, _)| v == value) {
            Some((_, id)) => library.iter().find(|b| &b.id == id),
            None => benchmarks::candidates(value, library, &self.context).first().copied(),
        }
    }

    /// The benchmark for the overall NPS, by id or sector name.
    #[must_use]
    pub fn for_overall<'a>(&self, library: &'a [Benchmark]) -> Option<&'a Benchmark> {
        let wanted = self.overall.as_deref()?;
        library
            .iter()
            .find(|b| b.id == wanted)
            .or_else(|| benchmarks::candidates(wanted, library, &self.context).first().copied())
    }
}

/// Everything the views show for one filter, computed from the survey.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewResults {
    /// Overall NPS and metrics of the rows kept.
    pub overall: Option<Overall>,
    /// Breakdown rows.
    pub segments: Vec<BreakdownRow>,
    /// Trend points.
    pub trend: Option<Vec<TrendPoint>>,
    /// The trend of each of the largest values of the `trend_by` column (value, points), largest
    /// first; empty without that column.
    pub trend_by: Vec<(String, Vec<TrendPoint>)>,
    /// NPS per sector with its benchmark comparison, when the file has a sector column.
    pub sectors: Vec<BreakdownRow>,
    /// How many of the invited answered, when the data context says how many were invited.
    pub response_rates: Option<ResponseRates>,
}

/// Computes every view of `survey` for `request`: one engine query for all of them.
pub fn compute_views(
    survey: &Survey,
    request: &ViewRequest,
    library: &[Benchmark],
) -> Result<ViewResults, AnalysisError> {
    let choice = &request.benchmarks;
    // The sector rows are computed once, for both lists.
    let mut groupings: Vec<Vec<String>> = choice.sector_column.iter().map(|c| vec![c.clone()]).collect();
    let trend_by = request.trend_by.as_ref().filter(|c| request.trend.is_some() && survey.segment(c).is_some());
    for columns in request.by.iter().chain(trend_by.map(|c| vec![c.clone()]).as_ref()) {
        if !columns.is_empty() && !groupings.contains(columns) {
            groupings.push(columns.clone());
        }
    }
    let query = Query { filter: request.filter.clone(), groupings: groupings.clone(), trend: request.trend };
    let counts = analysis::aggregate(survey, &query)?;
    let overall = analysis::overall_summary(survey, &counts.overall).map(|(summary, metrics)| Overall {
        benchmark: choice.for_overall(library).map(|b| benchmarks::compare(&summary, b, &choice.context)),
        summary,
        metrics,
    });
    // Invitations per value of a column that is no longer a segment (its role was changed in
    // the review) give no rates; the views themselves still show.
    let response_rates = match analysis::response_rates(survey, &choice.context.invited) {
        Err(AnalysisError::NoSuchColumn { .. }) => None,
        other => other?,
    };
    let with_benchmark = |mut row: SegmentRow| {
        let benchmark = (choice.sector_column.as_deref() == Some(row.column.as_str()))
            .then(|| {
                choice.for_value(&row.value, library).map(|b| benchmarks::compare(&row.summary, b, &choice.context))
            })
            .flatten();
        row.response_rate =
            response_rates.as_ref().and_then(|r| r.of_value(&row.column, &row.value)).and_then(|v| v.rate);
        BreakdownRow { row, benchmark }
    };
    let rows_of = |columns: &Vec<String>| {
        let k = groupings.iter().position(|g| g == columns)?;
        let rows = analysis::breakdown_rows(survey, columns, &counts.groupings[k]);
        Some(rows.into_iter().map(with_benchmark).collect::<Vec<_>>())
    };
    let sectors = choice.sector_column.as_ref().and_then(|c| rows_of(&vec![c.clone()])).unwrap_or_default();
    let segments = request.by.iter().filter_map(rows_of).flatten().collect();
    let trend = match request.trend.zip(counts.trend.as_ref()) {
        Some((period, periods)) => {
            let paired = analysis::paired_changes(survey, &request.filter, period, periods)?;
            Some(analysis::trend_points(survey, period, periods, &paired))
        }
        None => None,
    };
    let trend = trend.or_else(|| request.trend.map(|_| Vec::new()));
    let trend_by = match (request.trend, trend_by) {
        (Some(period), Some(column)) => {
            let k = groupings.iter().position(|g| g.len() == 1 && &g[0] == column);
            let rows = k.map(|k| analysis::breakdown_rows(survey, &groupings[k], &counts.groupings[k]));
            trends_per_value(survey, request, period, column, rows.unwrap_or_default())?
        }
        _ => Vec::new(),
    };
    Ok(ViewResults { overall, segments, trend, trend_by, sectors, response_rates })
}

/// The trend of each of the [`TREND_LINES`] values of `column` with the most answers among
/// `rows` (its breakdown under the request's filter): the filter narrowed to the value, one
/// engine query each. Changes are tested within each line (Holm across its own changes).
fn trends_per_value(
    survey: &Survey,
    request: &ViewRequest,
    period: Period,
    column: &str,
    mut rows: Vec<SegmentRow>,
) -> Result<Vec<(String, Vec<TrendPoint>)>, AnalysisError> {
    rows.sort_by(|a, b| b.summary.n.cmp(&a.summary.n).then_with(|| a.value.cmp(&b.value)));
    let mut lines = Vec::new();
    for row in rows.into_iter().take(TREND_LINES) {
        let mut filter = request.filter.clone();
        filter.segments.insert(column.to_owned(), std::iter::once(row.value.clone()).collect());
        let query = Query { filter, groupings: Vec::new(), trend: Some(period) };
        let counts = analysis::aggregate(survey, &query)?;
        let points = counts.trend.as_ref().map(|periods| analysis::trend_points(survey, period, periods, &[]));
        lines.push((row.value, points.unwrap_or_default()));
    }
    Ok(lines)
}

/// Assembles the report of a survey.
pub fn report_for_survey(survey: &Survey, views: &ViewRequest, library: &[Benchmark]) -> Result<Report, ReportError> {
    report_of_results(survey, views, compute_views(survey, views, library)?)
}

/// The report of a survey from the `results` of `views`, computed already (the app's load
/// computes them once for its first views and for the report).
pub fn report_of_results(survey: &Survey, views: &ViewRequest, results: ViewResults) -> Result<Report, ReportError> {
    let Some(overall) = results.overall else {
        if views.filter.is_empty() {
            return Err(AnalysisError::NoValidScores {
                place: survey.source.place(),
                column: survey.score_header.clone(),
                rows_read: survey.rows_read,
            }
            .into());
        }
        return Err(ReportError::EmptySelection { place: survey.source.place(), filter: views.filter.describe() });
    };
    let segments = results.segments;
    let excluded = survey.exclusions.iter().map(ExcludedRows::from).collect();
    let source = &survey.source;
    let facts = &survey.facts;
    let effective_n = overall.summary.effective_n.filter(|_| survey.is_weighted());
    let design_effect = effective_n.filter(|e| *e > 0.0).map(|e| overall.summary.n as f64 / e);
    Ok(Report {
        rows_read: survey.rows_read,
        rows_used: survey.rows_used(),
        excluded,
        excluded_metric_answers: survey.metric_exclusions.iter().map(ExcludedRows::from).collect(),
        layout: facts.layout.id(),
        layout_label: facts.layout_label(),
        columns: ColumnRoles {
            score: survey.score_header.clone(),
            score_guessed: facts.score_guessed,
            score_alternatives: facts.score_alternatives.clone(),
            score_scale_doubt: facts.score_scale_doubt,
            segments: views.by.iter().flatten().fold(Vec::new(), |mut seen, c| {
                if !seen.contains(c) {
                    seen.push(c.clone());
                }
                seen
            }),
            sector: facts.column_with(Role::Sector).map(str::to_owned),
            date: facts.column_with(Role::Date).map(str::to_owned),
            respondent_id: facts.column_with(Role::RespondentId).map(str::to_owned),
            weight: facts.column_with(Role::Weight).map(str::to_owned),
            weighted: survey.is_weighted(),
            weight_skipped: facts.skipped_weight.clone(),
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
            long_format: facts.long_format.clone(),
            read_as: source.read_as,
            windows_1252_lines: source.windows_1252_lines.clone(),
            header_missing: facts.header_missing,
            joined_rows: facts.joined_rows.clone(),
        },
        interval: "adjusted_wald_95",
        interval_note: "adjusted Wald 95% (Kish's effective n when weighted); where the NPS itself lies outside it (very few answers) the interval is widened to include it; no interval below two effective answers (interval_note on the summary says why)",
        weighted: survey.is_weighted(),
        effective_n,
        design_effect,
        raking: None,
        filter: views.filter.describe(),
        overall,
        segments,
        trend: results.trend,
        sectors: results.sectors,
        response_rate: results.response_rates,
        project: None,
        benchmark_warning: None,
        unreadable_dates: None,
        date_span: survey.date_span(&views.filter),
    })
}
