//! The charts and tables of a set of results, in the user's language: turns the result structs
//! (`ViewResults`, `BreakdownRow`, `TrendPoint`, benchmark `Comparison`s, response rates, theme
//! summaries, exclusions) into [`ChartSpec`]s and [`Table`]s. The window draws these specs and
//! exports them, and the CLI writes them (`report --out`), so the three never disagree.
//!
//! Owns the wording and numbers of figures (titles, footnotes with n, interval, filter, period and
//! benchmark source; table columns); computes no statistics and draws nothing. The words come from
//! `i18n` (the one home for texts, used by the window and the CLI alike).
//!
//! One file per figure, each with its chart, its table and what its footnote adds:
//! `distribution` (and the overall table), `segments` (breakdowns, response rates), `trend`,
//! `benchmarks` (sectors), `themes`, `quality` and `waves` (two waves compared, their summary in
//! sentences, the detractor themes of both). This file holds what they share: the words of a
//! language ([`Words`]), the [`FigureContext`] and its one constructor, the footnote, and the lists
//! of every chart and table of a set of results.

use crate::analysis::{
    GroupMetrics, MetricKind, MetricSummary, NpsSummary, ResponseRate, ResponseRates, ThemeSummary, TrendPoint,
};
use crate::benchmarks::Comparison;
use crate::chart::table::{Cell, Column, ColumnKind, Table};
use crate::chart::{
    BenchmarkMark, ChartSpec, ChartText, DistributionWords, IntervalRow, LegendWords, ReferenceValue, ThemeRow,
    TrendRow, benchmarks_chart, breakdown_chart, distribution_chart, segments_chart, themes_chart, trend_chart,
    trend_lines_chart,
};
use crate::chart::{ReportInfo, file_stem};
use crate::i18n::export::ExportTexts;
use crate::i18n::project::ProjectTexts;
use crate::i18n::themes::ThemeTexts;
use crate::i18n::{Language, Texts, fill};
use crate::report::BreakdownRow;
use crate::report::{ExcludedRows, Report, ViewResults};

mod benchmarks;
mod distribution;
mod drivers;
mod headline;
mod quality;
mod segments;
mod themes;
mod trend;
mod waves;

pub use benchmarks::*;
pub use distribution::*;
pub use drivers::*;
pub use headline::*;
pub use quality::*;
pub use segments::*;
pub use themes::*;
pub use trend::*;
pub use waves::*;

/// The words of one language: the app's texts and the export texts.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// The window's texts (titles, column names, number format).
    pub texts: &'static Texts,
    /// The export texts (footnotes, legends, table headers).
    pub export: &'static ExportTexts,
}

impl Words {
    /// The words of `language`.
    #[must_use]
    pub fn of(language: Language) -> Self {
        Self { texts: language.texts(), export: language.export_texts() }
    }

    /// The words of projects and response rates in the language of these texts.
    #[must_use]
    pub fn project(&self) -> &'static ProjectTexts {
        self.texts.project
    }

    fn legend(&self) -> LegendWords<'static> {
        let x = self.export;
        LegendWords {
            estimate: x.legend_estimate,
            interval: x.legend_interval,
            significant: x.legend_significant,
            small_n: x.legend_small_n,
            benchmark_range: x.legend_benchmark_range,
            benchmark_average: x.legend_benchmark_average,
            rise: x.legend_rise,
            fall: x.legend_fall,
        }
    }
}

/// What every footnote says besides n: the file, the filter and the period analysed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureContext {
    /// The analysed file's name (no folders).
    pub file: String,
    /// The filter in words; empty when every answer is analysed.
    pub filter: String,
    /// First and last day analysed (`YYYY-MM-DD`), when the data have dates.
    pub period: Option<(String, String)>,
    /// The weight column, when the results are weighted.
    pub weighted_by: Option<String>,
    /// A two-way breakdown is drawn as bars (the user's choice in Segments), not as a matrix.
    pub two_way_bars: bool,
    /// A matrix leaves its cells under 30 answers blank (the user hides small segments).
    pub hide_small: bool,
}

impl FigureContext {
    /// The context with the data named as the brand calls it (its source name), when it does.
    #[must_use]
    pub fn named(mut self, brand: &crate::chart::Brand) -> Self {
        if !brand.source_name.trim().is_empty() {
            self.file = brand.source_name.trim().to_owned();
        }
        self
    }
}

/// The footnote: n, interval method, filter, period, benchmark sources, file.
fn footnote(n: u64, benchmarks: &[&Comparison], context: &FigureContext, w: &Words) -> String {
    let x = w.export;
    let mut parts = vec![fill(x.footnote_n, &[("n", &w.texts.count(n))]), x.footnote_interval.to_owned()];
    parts.push(if context.filter.is_empty() {
        x.footnote_no_filter.to_owned()
    } else {
        fill(x.footnote_filter, &[("filter", &context.filter)])
    });
    if let Some((from, to)) = &context.period {
        parts.push(fill(x.footnote_period, &[("from", from), ("to", to)]));
    }
    let mut sources: Vec<String> = benchmarks.iter().map(|c| format!("{} {}", c.source, c.year)).collect();
    sources.sort();
    sources.dedup();
    if !sources.is_empty() {
        parts.push(fill(x.footnote_benchmark, &[("source", &sources.join("; "))]));
    }
    if let Some(column) = &context.weighted_by {
        parts.push(fill(w.texts.footnote_weighted, &[("column", column)]));
    }
    if !context.file.is_empty() {
        parts.push(context.file.clone());
    }
    parts.join(" \u{b7} ")
}

/// The breakdowns of `rows` in first-seen order: column and its rows.
fn breakdowns(rows: &[BreakdownRow]) -> Vec<(&str, Vec<&BreakdownRow>)> {
    let mut out: Vec<(&str, Vec<&BreakdownRow>)> = Vec::new();
    for row in rows {
        match out.iter_mut().find(|(column, _)| *column == row.column) {
            Some((_, list)) => list.push(row),
            None => out.push((row.column.as_str(), vec![row])),
        }
    }
    out
}

/// Every chart of the results: the headline, the distribution, one per breakdown (rows in the order given), the
/// trend when computed and the sectors against benchmarks when the file has sectors.
#[must_use]
pub fn charts_for(results: &ViewResults, context: &FigureContext, w: &Words) -> Vec<ChartSpec> {
    let mut charts = Vec::new();
    let overall_benchmark = results.overall.as_ref().and_then(|o| o.benchmark.as_ref());
    if let Some(overall) = &results.overall {
        charts.push(headline_figure(&overall.summary, overall_benchmark, results.trend.as_deref(), context, w));
        charts.push(distribution_figure(&overall.summary, overall_benchmark, context, w));
    }
    for (column, rows) in breakdowns(&results.segments) {
        charts.push(segments_figure(column, &rows, overall_benchmark, context, w));
    }
    if let Some(points) = results.trend.as_ref().filter(|p| !p.is_empty()) {
        charts.push(trend_figure(points, context, w));
    }
    charts.extend(benchmarks_figure(&results.sectors, context, w));
    charts
}

/// `yes` or `no` in the user's language.
fn yes_no(value: bool, w: &Words) -> Cell {
    Cell::from(if value { w.export.yes } else { w.export.no })
}

const NPS: ColumnKind = ColumnKind::Number { decimals: 1 };

const PERCENT: ColumnKind = ColumnKind::Percent { decimals: 1 };

/// The NPS columns shared by the breakdown and sector tables.
fn nps_columns(first: &str, w: &Words) -> Vec<Column> {
    let (t, x) = (w.texts, w.export);
    vec![
        Column::new(first, ColumnKind::Text),
        Column::new(t.col_n, ColumnKind::Integer),
        Column::new(t.col_nps, NPS),
        Column::new(x.col_low, NPS),
        Column::new(x.col_high, NPS),
        Column::new(x.col_promoter_pct, PERCENT),
        Column::new(x.col_passive_pct, PERCENT),
        Column::new(x.col_detractor_pct, PERCENT),
    ]
}

fn nps_cells(label: &str, s: &NpsSummary) -> Vec<Cell> {
    vec![
        label.into(),
        s.n.into(),
        s.nps.into(),
        s.ci_low.into(),
        s.ci_high.into(),
        s.promoter_pct.into(),
        s.passive_pct.into(),
        s.detractor_pct.into(),
    ]
}

/// The CES, CSAT and grade a table's rows have, in that order: each slot holds the kind of the
/// first row that has it (CES is agreement 1-7 or effort 1-5, as the file says).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct MetricsShown([Option<MetricKind>; 3]);

impl MetricsShown {
    /// The metrics any of `groups` has.
    pub(crate) fn of<'a>(groups: impl IntoIterator<Item = &'a GroupMetrics>) -> Self {
        let mut shown = Self::default();
        for g in groups {
            for (slot, metric) in shown.0.iter_mut().zip(slots(g)) {
                if slot.is_none() {
                    *slot = metric.map(|m| m.kind);
                }
            }
        }
        shown
    }

    /// Per metric shown: its mean with the 95% interval, its share (agree, top-2-box, 8 or
    /// more) and its n, each header naming the metric so that every header stays unique.
    pub(crate) fn columns(self, w: &Words) -> Vec<Column> {
        let (t, x) = (w.texts, w.export);
        let mean = ColumnKind::Number { decimals: 2 };
        self.0
            .into_iter()
            .flatten()
            .flat_map(|kind| {
                let title = t.metric_title(kind);
                let share = t.metric_share_name(kind);
                [
                    Column::new(title, mean),
                    Column::new(&format!("{title} \u{b7} {}", x.col_low), mean),
                    Column::new(&format!("{title} \u{b7} {}", x.col_high), mean),
                    Column::new(&format!("{title} \u{b7} {share}"), PERCENT),
                    Column::new(&format!("{title} \u{b7} {}", t.col_n), ColumnKind::Integer),
                ]
            })
            .collect()
    }

    /// The cells of `metrics` under [`Self::columns`] (blank where a group lacks a metric).
    pub(crate) fn cells(self, metrics: &GroupMetrics) -> Vec<Cell> {
        self.0
            .iter()
            .zip(slots(metrics))
            .filter(|(shown, _)| shown.is_some())
            .flat_map(|(_, m)| match m {
                Some(m) => vec![m.mean.into(), m.mean_low.into(), m.mean_high.into(), m.share_pct.into(), m.n.into()],
                None => vec![Cell::Empty; 5],
            })
            .collect()
    }
}

/// CES, CSAT and grade of a group, in that order.
fn slots(g: &GroupMetrics) -> [Option<&MetricSummary>; 3] {
    [g.ces.as_ref(), g.csat.as_ref(), g.grade.as_ref()]
}

/// Every table of the results: overall, each breakdown, the trend, the sectors and data quality.
#[must_use]
pub fn tables_for(results: &ViewResults, excluded: &[ExcludedRows], rows_read: Option<usize>, w: &Words) -> Vec<Table> {
    let mut tables = Vec::new();
    if let Some(overall) = &results.overall {
        tables.push(overall_table(&overall.summary, &overall.metrics, rows_read, w));
    }
    for (column, rows) in breakdowns(&results.segments) {
        tables.push(segments_table(column, &rows, w));
    }
    if let Some(points) = results.trend.as_ref().filter(|p| !p.is_empty()) {
        tables.push(trend_table(points, w));
    }
    if !results.sectors.is_empty() {
        tables.push(sectors_table(&results.sectors, w));
    }
    if let Some(rates) = &results.response_rates {
        tables.push(response_rate_table(rates, w));
    }
    tables.push(quality_table(excluded, w));
    tables
}

/// Today's date, `YYYY-MM-DD` (UTC).
#[must_use]
pub fn today() -> String {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    crate::analysis::calendar::iso_date(i32::try_from(days).unwrap_or(0))
}

/// The title block of the report and the deck.
#[must_use]
pub fn report_info(context: &FigureContext, w: &Words) -> ReportInfo {
    let mut subtitle = Vec::new();
    if !context.filter.is_empty() {
        subtitle.push(fill(w.export.footnote_filter, &[("filter", &context.filter)]));
    }
    if let Some((from, to)) = &context.period {
        subtitle.push(fill(w.export.footnote_period, &[("from", from), ("to", to)]));
    }
    ReportInfo {
        title: fill(w.export.report_title, &[("file", &context.file)]),
        source_file: context.file.clone(),
        date: today(),
        subtitle: subtitle.join(" \u{b7} "),
        language: w.export.language_tag.to_owned(),
        quotes: Vec::new(),
        data_quality: None,
        brand: crate::chart::Brand::default(),
    }
}

/// The results of a finished report (as the CLI has them), each one-way breakdown's rows by NPS,
/// highest first, so that its chart and table read as a ranking (a two-way breakdown keeps the
/// engine's order, which lays out its matrix; `report.json` keeps the engine's order too).
#[must_use]
pub fn results_of(report: &Report) -> ViewResults {
    let mut segments = Vec::with_capacity(report.segments.len());
    for (_, rows) in breakdowns(&report.segments) {
        let mut rows: Vec<BreakdownRow> = rows.into_iter().cloned().collect();
        if rows.first().is_none_or(|r| r.values.len() < 2) {
            rows.sort_by(|a, b| b.summary.nps.total_cmp(&a.summary.nps));
        }
        segments.extend(rows);
    }
    ViewResults {
        overall: Some(report.overall.clone()),
        segments,
        trend: report.trend.clone(),
        trend_by: Vec::new(),
        sectors: report.sectors.clone(),
        response_rates: report.response_rate.clone(),
    }
}

/// The footnote context of a report: file, filter and the dates the filter keeps.
#[must_use]
pub fn context_of(report: &Report) -> FigureContext {
    figure_context(report, report.filter.clone(), report.date_span.clone())
}

/// The one way a [`FigureContext`] is made, in the window and in the CLI: the file and the
/// weighting of `report`, the filter in words and the dates it keeps ([`Survey::date_span`]).
///
/// [`Survey::date_span`]: crate::analysis::Survey::date_span
#[must_use]
pub fn figure_context(report: &Report, filter: String, period: Option<(String, String)>) -> FigureContext {
    let weighted_by = report.columns.weight.clone().filter(|_| report.columns.weighted);
    FigureContext {
        file: report.source.file.clone(),
        filter,
        period,
        weighted_by,
        two_way_bars: false,
        hide_small: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::{ChartKind, Series};
    use crate::report::{ReportRequest, report_for_table};

    fn sample_report(by: &[&str]) -> Report {
        let bytes = crate::sample::SAMPLE_CSV.to_vec();
        let table = crate::import::read_bytes("survey.csv", bytes, &Default::default(), &mut |_| true).unwrap();
        let request = ReportRequest {
            by: by.iter().map(|s| (*s).to_owned()).collect(),
            trend: Some(crate::analysis::Period::Month),
            ..ReportRequest::default()
        };
        report_for_table(&table, &request).unwrap()
    }

    #[test]
    fn ces_and_csat_are_in_the_overall_breakdown_and_trend_tables() {
        let report = sample_report(&["region"]);
        let w = Words::of(Language::English);
        let tables = tables_for(&results_of(&report), &report.excluded, Some(report.rows_read), &w);
        let (ces, csat) = (report.overall.metrics.ces.as_ref().unwrap(), report.overall.metrics.csat.as_ref().unwrap());
        let overall = &tables[0];
        let at = |table: &Table, header: &str| {
            table
                .columns
                .iter()
                .position(|c| c.header == header)
                .unwrap_or_else(|| panic!("{header} in {}", table.title))
        };
        let c = at(overall, "CES (1-7, mean)");
        assert_eq!(
            overall.rows[0][c..c + 5],
            [ces.mean.into(), ces.mean_low.into(), ces.mean_high.into(), ces.share_pct.into(), ces.n.into()]
        );
        assert_eq!(overall.columns[c + 3].header, "CES (1-7, mean) \u{b7} agree (5-7)");
        assert_eq!(overall.rows[0][at(overall, "CSAT (1-5, mean) \u{b7} top-2-box")], csat.share_pct.into());
        // Each region's own CSAT, in the rows' order.
        let regions = tables.iter().find(|t| t.title == "NPS by region").unwrap();
        let mean = at(regions, "CSAT (1-5, mean)");
        for row in &regions.rows {
            let Cell::Text(value) = &row[0] else { panic!("a region name") };
            let segment = report.segments.iter().find(|r| r.column == "region" && &r.value == value).unwrap();
            assert_eq!(row[mean], segment.metrics.csat.as_ref().unwrap().mean.into());
        }
        let trend = tables.iter().find(|t| t.title.starts_with("NPS per")).unwrap();
        let first = report.trend.as_ref().unwrap().iter().find(|p| p.n > 0).unwrap();
        let row = trend.rows.iter().find(|r| r[0] == Cell::from(first.period.as_str())).unwrap();
        assert_eq!(row[at(trend, "CES (1-7, mean) \u{b7} n")], first.metrics.ces.as_ref().unwrap().n.into());
    }

    #[test]
    fn every_view_becomes_a_chart_with_the_numbers_of_the_results() {
        let report = sample_report(&["region"]);
        let w = Words::of(Language::English);
        let charts = charts_for(&results_of(&report), &context_of(&report), &w);
        let kinds: Vec<ChartKind> = charts.iter().map(|c| c.kind).collect();
        assert_eq!(kinds[..4], [ChartKind::Headline, ChartKind::Distribution, ChartKind::Segments, ChartKind::Trend]);
        let Some(Series::Headline { headline, .. }) = charts[0].series.first() else { panic!("no headline") };
        assert_eq!(headline.nps, report.overall.nps);
        let shares: f64 = headline.groups.iter().map(|g| g.share).sum();
        assert!((shares - 1.0).abs() < 1e-9 && headline.groups[0].tone == crate::chart::Tone::Detractor);
        let trend = report.trend.as_ref().unwrap();
        let last = trend.iter().rev().find(|p| p.nps.is_some()).unwrap();
        let change = headline.change.as_ref().expect("the sample has dates: a change since the period before");
        assert!(change.text.starts_with(&w.texts.signed(last.change.unwrap())), "{}", change.text);
        let distribution: Vec<f64> = charts[1].bars().map(|b| b.value).collect();
        assert_eq!(distribution, report.overall.distribution.map(|c| c as f64));
        assert!(charts[1].subtitle.starts_with(&format!("NPS {} \u{b7} 95% CI ", w.texts.signed(report.overall.nps))));
        let segments = &charts[2];
        // The regions ranked by NPS, highest first (the report keeps the engine's order).
        let mut regions: Vec<&BreakdownRow> = report.segments.iter().filter(|r| r.column == "region").collect();
        regions.sort_by(|a, b| b.summary.nps.total_cmp(&a.summary.nps));
        assert!(
            regions.windows(2).any(
                |w| report.segments.iter().position(|r| r == w[0]) > report.segments.iter().position(|r| r == w[1])
            ),
            "the sample's regions are not already in NPS order"
        );
        assert_eq!(segments.categories.len(), regions.len());
        let bars: Vec<f64> = segments.bars().map(|b| b.value).collect();
        assert_eq!(bars, regions.iter().map(|r| r.summary.nps).collect::<Vec<_>>());
        let whiskers = segments.series.iter().find_map(|s| match s {
            Series::ErrorBars { whiskers, .. } => Some(whiskers),
            _ => None,
        });
        assert_eq!(whiskers.map(|w| w[0].low), regions[0].summary.ci_low);
        let note = &segments.footnote;
        assert!(note.contains(&format!("n = {}", report.overall.n)), "{note}");
        assert!(
            note.contains("adjusted Wald") && note.contains("All answers") && note.contains("survey.csv"),
            "{note}"
        );
        assert!(charts[3].footnote.contains("Period: "), "{}", charts[3].footnote);
    }

    #[test]
    fn two_way_breakdowns_and_sectors_get_their_own_charts() {
        let report = sample_report(&["region:channel"]);
        let w = Words::of(Language::Dutch);
        let results = results_of(&report);
        let charts = charts_for(&results, &context_of(&report), &w);
        // A two-way breakdown is a matrix: every pair a cell in its row and column, with its
        // NPS, interval and n; the first column's values down, the second's across.
        let matrix = charts.iter().find(|c| c.kind == ChartKind::Matrix).unwrap();
        let rows: Vec<&BreakdownRow> =
            results.segments.iter().filter(|r| r.column == "region \u{d7} channel").collect();
        let Some(Series::Cells { columns, cells, .. }) = matrix.series.first() else { panic!("no cells") };
        assert_eq!(cells.len(), rows.len());
        for (row, cell) in rows.iter().zip(cells) {
            assert_eq!(matrix.categories[cell.row].label, row.values[0]);
            assert_eq!(columns[cell.column], row.values[1]);
            assert_eq!((cell.nps, cell.n, cell.ci_low), (row.summary.nps, row.summary.n, row.summary.ci_low));
            assert_eq!((cell.small_n, cell.significant), (row.small_n, row.significant));
        }
        assert_eq!((matrix.category_title.as_str(), matrix.value_axis.title.as_str()), ("region", "channel"));
        // The bars when the user chose them.
        let bars = FigureContext { two_way_bars: true, ..context_of(&report) };
        let charts = charts_for(&results, &bars, &w);
        assert!(charts.iter().any(|c| c.kind == ChartKind::Breakdown && c.title.contains('\u{d7}')));
        if !report.sectors.is_empty() {
            let bench = charts.iter().find(|c| c.kind == ChartKind::Benchmarks).unwrap();
            assert_eq!(bench.categories.len(), report.sectors.len());
        }
        assert_eq!(charts[0].title, "Net Promoter Score in één oogopslag");
        assert_eq!(charts[1].title, "Verdeling van de scores (0-10)");
    }

    #[test]
    fn every_header_of_every_table_is_unique_in_every_language() {
        let mut report = sample_report(&["region", "region:channel"]);
        // A response rate on a segment adds its columns to the breakdown's table.
        if let Some(row) = report.segments.first_mut() {
            row.response_rate = crate::analysis::ResponseRate::of(5, 10);
        }
        assert!(!report.sectors.is_empty() && report.trend.as_ref().is_some_and(|t| !t.is_empty()));
        for language in [Language::English, Language::Dutch, Language::Danish] {
            let w = Words::of(language);
            let mut tables = tables_for(&results_of(&report), &report.excluded, Some(report.rows_read), &w);
            let tt = crate::i18n::themes::ThemeTexts::of(language);
            tables.push(themes_table(&ThemeSummary::default(), crate::themes::Language::English, &w, tt));
            for table in &tables {
                let mut headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
                headers.sort_unstable();
                let before = headers.len();
                headers.dedup();
                assert_eq!(headers.len(), before, "{language:?}: repeated header in '{}'", table.title);
            }
        }
    }

    #[test]
    fn tables_hold_numbers_as_numbers() {
        let report = sample_report(&["region"]);
        let w = Words::of(Language::English);
        let tables = tables_for(&results_of(&report), &report.excluded, Some(report.rows_read), &w);
        assert_eq!(tables[0].rows[0][1], Cell::Number(report.overall.nps));
        assert_eq!(tables.last().map(|t| t.title.as_str()), Some("Data quality"));
        assert_eq!(tables.last().map(|t| t.rows.len()), Some(report.excluded.len()));
        let segments = &tables[1];
        assert_eq!(segments.rows.len(), report.segments.len());
        assert!(tables.iter().any(|t| t.title.starts_with("NPS per month")));
    }

    #[test]
    fn footnotes_name_filter_period_and_benchmark_source() {
        let context = FigureContext {
            file: "klant.xlsx".into(),
            filter: "region = Noord".into(),
            period: Some(("2025-01-01".into(), "2025-06-30".into())),
            weighted_by: Some("gewicht".into()),
            two_way_bars: false,
            hide_small: false,
        };
        let comparison = Comparison {
            id: "x".into(),
            sector: "Retail".into(),
            low: Some(20.0),
            high: Some(40.0),
            value: None,
            source: "Gauge".into(),
            year: 2024,
            region: "NL".into(),
            audience: "B2C",
            evidence: "E".into(),
            population: "p".into(),
            verdict: crate::benchmarks::Verdict::Within,
            warnings: Vec::new(),
        };
        let text = footnote(12, &[&comparison, &comparison], &context, &Words::of(Language::Danish));
        assert_eq!(
            text,
            "n = 12 \u{b7} 95 %-interval: justeret Wald \u{b7} Filter: region = Noord \u{b7} Periode: 2025-01-01 til 2025-06-30 \u{b7} Benchmark: Gauge 2024 \u{b7} vægtet med 'gewicht' \u{b7} klant.xlsx"
        );
        assert_eq!(
            benchmark_mark(&comparison, &crate::i18n::ENGLISH).map(|m| m.value),
            Some(ReferenceValue::Range { low: 20.0, high: 40.0 })
        );
    }
}
