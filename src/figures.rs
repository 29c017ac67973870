//! The charts and tables of a set of results, in the user's language: turns the result structs
//! (`ViewResults`, `BreakdownRow`, `TrendPoint`, benchmark `Comparison`s, response rates, theme
//! summaries, exclusions) into [`ChartSpec`]s and [`Table`]s. The window draws these specs and
//! exports them, and the CLI writes them (`report --out`), so the three never disagree.
//!
//! Owns the wording and numbers of figures (titles, footnotes with n, interval, filter, period and
//! benchmark source; table columns); computes no statistics and draws nothing. The words come from
//! `i18n` (the one home for texts, used by the window and the CLI alike).

use crate::analysis::{NpsSummary, ResponseRate, ResponseRates, ThemeSummary, TrendPoint};
use crate::benchmarks::Comparison;
use crate::chart::table::{Cell, Column, ColumnKind, Table};
use crate::chart::{
    BenchmarkMark, ChartSpec, ChartText, DistributionWords, IntervalRow, LegendWords, ReferenceValue, ThemeRow,
    TrendRow, benchmarks_chart, breakdown_chart, distribution_chart, segments_chart, themes_chart, trend_chart,
};
use crate::chart::{ReportInfo, file_stem};
use crate::i18n::export::ExportTexts;
use crate::i18n::project::ProjectTexts;
use crate::i18n::themes::ThemeTexts;
use crate::i18n::{Language, Texts, fill};
use crate::report::BreakdownRow;
use crate::report::{ExcludedRows, Report, ViewResults};

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
}

/// The footnote: n, interval method, filter, period, benchmark sources, file.
fn footnote(n: u64, benchmarks: &[&Comparison], context: &FigureContext, w: &Words) -> String {
    let x = w.export;
    let mut parts = vec![fill(x.footnote_n, &[("n", &n.to_string())]), x.footnote_interval.to_owned()];
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

/// A benchmark comparison as a chart reference: a range, or a single value kept as a tick.
fn benchmark_mark(c: &Comparison) -> Option<BenchmarkMark> {
    let value = match (c.low, c.high, c.value) {
        (Some(low), Some(high), _) => ReferenceValue::Range { low: low.min(high), high: low.max(high) },
        (_, _, Some(value)) => ReferenceValue::Average { value },
        _ => return None,
    };
    Some(BenchmarkMark { value, label: format!("{} {} {} ({})", c.sector, c.region, c.year, c.source) })
}

/// One NPS-with-interval row of a chart.
fn interval_row(row: &BreakdownRow) -> IntervalRow {
    let s = &row.summary;
    IntervalRow {
        label: row.value.clone(),
        nps: s.nps,
        ci_low: s.ci_low,
        ci_high: s.ci_high,
        n: s.n,
        small_n: row.small_n,
        significant: row.significant,
        benchmark: row.benchmark.as_ref().and_then(benchmark_mark),
    }
}

/// The 0-10 distribution of the answers kept.
#[must_use]
pub fn distribution_figure(
    overall: &NpsSummary,
    benchmark: Option<&Comparison>,
    context: &FigureContext,
    w: &Words,
) -> ChartSpec {
    let t = w.texts;
    let note = footnote(overall.n, &benchmark.into_iter().collect::<Vec<_>>(), context, w);
    distribution_chart(
        overall,
        &DistributionWords {
            title: t.distribution_title,
            score: t.score_axis,
            responses: t.responses_axis,
            groups: [t.detractors, t.passives, t.promoters],
            footnote: &note,
        },
    )
}

/// NPS per value of one breakdown (`column` is `A × B` for a two-way breakdown, whose rows then
/// hold `a × b` values), rows in the order given; `overall` is drawn across all rows.
#[must_use]
pub fn segments_figure(
    column: &str,
    rows: &[&BreakdownRow],
    overall: Option<&Comparison>,
    context: &FigureContext,
    w: &Words,
) -> ChartSpec {
    let n = rows.iter().map(|r| r.summary.n).sum();
    let mut used: Vec<&Comparison> = rows.iter().filter_map(|r| r.benchmark.as_ref()).collect();
    used.extend(overall);
    let note = footnote(n, &used, context, w);
    let title = fill(w.texts.segments_title, &[("column", column)]);
    let text = ChartText {
        title: &title,
        subtitle: w.export.segments_subtitle,
        category_title: column,
        value_title: w.export.nps_axis,
        footnote: &note,
    };
    let chart_rows: Vec<IntervalRow> = rows.iter().map(|r| interval_row(r)).collect();
    let id = format!("segments-{}", file_stem(column));
    if column.contains(" \u{d7} ") {
        breakdown_chart(&format!("breakdown-{}", file_stem(column)), &chart_rows, &text, &w.legend())
    } else {
        let overall = overall.and_then(benchmark_mark);
        segments_chart(&id, &chart_rows, overall.as_ref(), &text, &w.legend())
    }
}

/// The period name (`month`) of trend labels (`2025-03`, `2025-W05`, `2025-Q1`).
fn period_word(points: &[TrendPoint], t: &Texts) -> &'static str {
    match points.first().map(|p| p.period.as_str()) {
        Some(label) if label.contains('W') => t.period_week,
        Some(label) if label.contains('Q') => t.period_quarter,
        _ => t.period_month,
    }
}

/// NPS per period with its interval band; the footnote's period is the trend's own.
#[must_use]
pub fn trend_figure(points: &[TrendPoint], context: &FigureContext, w: &Words) -> ChartSpec {
    let n = points.iter().map(|p| p.n).sum();
    let mut context = context.clone();
    if let Some(span) = answered_span(points) {
        context.period = Some(span);
    }
    let note = footnote(n, &[], &context, w);
    let title = fill(w.texts.trend_title, &[("period", period_word(points, w.texts))]);
    let rows: Vec<TrendRow> = points
        .iter()
        .map(|p| TrendRow {
            period: p.period.clone(),
            n: p.n,
            nps: p.nps,
            ci_low: p.ci_low,
            ci_high: p.ci_high,
            change: p.change,
            change_significant: p.change_significant,
            small_n: p.small_n,
        })
        .collect();
    let text = ChartText {
        title: &title,
        subtitle: "",
        category_title: w.texts.col_period,
        value_title: w.export.nps_axis,
        footnote: &note,
    };
    trend_chart(&rows, &text, &w.legend())
}

/// Sector NPS against each sector's benchmark; `None` without sectors.
#[must_use]
pub fn benchmarks_figure(sectors: &[BreakdownRow], context: &FigureContext, w: &Words) -> Option<ChartSpec> {
    if sectors.is_empty() {
        return None;
    }
    let n = sectors.iter().map(|r| r.summary.n).sum();
    let used: Vec<&Comparison> = sectors.iter().filter_map(|r| r.benchmark.as_ref()).collect();
    let note = footnote(n, &used, context, w);
    let rows: Vec<IntervalRow> = sectors.iter().map(interval_row).collect();
    let text = ChartText {
        title: w.export.benchmarks_title,
        subtitle: "",
        category_title: w.texts.col_sector,
        value_title: w.export.nps_axis,
        footnote: &note,
    };
    Some(benchmarks_chart(&rows, &text, &w.legend()))
}

/// How many themes the exported themes chart shows.
const THEMES_SHOWN: usize = 10;

/// The share of detractors mentioning each theme (the most mentioned first), with Wilson 95%
/// whiskers; `None` when no theme is mentioned.
#[must_use]
pub fn themes_figure(
    summary: &ThemeSummary,
    language: crate::themes::Language,
    context: &FigureContext,
    w: &Words,
    tt: &ThemeTexts,
) -> Option<ChartSpec> {
    if summary.themes.is_empty() {
        return None;
    }
    let rows: Vec<ThemeRow> = summary
        .themes
        .iter()
        .take(THEMES_SHOWN)
        .map(|r| {
            let d = &r.stats.detractors;
            let label = r.labels.get(language);
            ThemeRow {
                theme: if r.stats.over_represented { format!("{label} *") } else { label.to_owned() },
                mentions: d.mentions,
                share_pct: 100.0 * d.share,
                low_pct: 100.0 * d.interval.low,
                high_pct: 100.0 * d.interval.high,
                label: share_label(d, w.texts, tt),
            }
        })
        .collect();
    // Shares of detractors: n is the detractors with a comment, and the interval is Wilson's.
    let mut note = footnote(summary.group_sizes[0], &[], context, w).replacen(
        w.export.footnote_interval,
        w.export.footnote_interval_wilson,
        1,
    );
    note.push_str(" \u{b7} ");
    note.push_str(tt.over_mark);
    let text = ChartText {
        title: tt.chart_title,
        subtitle: "",
        category_title: tt.col_theme,
        value_title: tt.chart_axis,
        footnote: &note,
    };
    Some(themes_chart(&rows, &text, &w.legend()))
}

/// Every theme mentioned: mentions, the shares of each group with intervals, over-representation
/// among detractors and the NPS with and without the theme.
#[must_use]
pub fn themes_table(summary: &ThemeSummary, language: crate::themes::Language, w: &Words, tt: &ThemeTexts) -> Table {
    let columns = vec![
        Column::new(tt.col_theme, ColumnKind::Text),
        Column::new(tt.col_mentions, ColumnKind::Integer),
        Column::new(tt.col_detractors, PERCENT),
        Column::new(w.export.col_low, PERCENT),
        Column::new(w.export.col_high, PERCENT),
        Column::new(tt.col_passives, PERCENT),
        Column::new(tt.col_promoters, PERCENT),
        Column::new(w.export.col_representation, ColumnKind::Text),
        Column::new(w.export.col_representation_p, ColumnKind::Number { decimals: 4 }),
        Column::new(w.export.col_representation_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(tt.col_nps_with, NPS),
        Column::new(tt.col_nps_without, NPS),
        Column::new(w.export.col_impact, NPS),
        Column::new(w.export.col_impact_low, NPS),
        Column::new(w.export.col_impact_high, NPS),
        Column::new(w.export.col_impact_p, ColumnKind::Number { decimals: 4 }),
        Column::new(w.export.col_impact_p_adjusted, ColumnKind::Number { decimals: 4 }),
    ];
    let rows = summary
        .themes
        .iter()
        .map(|r| {
            let st = &r.stats;
            vec![
                Cell::from(r.labels.get(language)),
                r.mentions.into(),
                (100.0 * st.detractors.share).into(),
                (100.0 * st.detractors.interval.low).into(),
                (100.0 * st.detractors.interval.high).into(),
                (100.0 * st.passives.share).into(),
                (100.0 * st.promoters.share).into(),
                representation_word(st.representation, w).into(),
                st.test.map(|t| t.p_value).into(),
                st.test.map(|_| st.p_holm).into(),
                r.with.as_ref().map(|s| s.nps).into(),
                r.without.as_ref().map(|s| s.nps).into(),
                r.impact.map(|i| i.impact).into(),
                r.impact.map(|i| i.ci_low).into(),
                r.impact.map(|i| i.ci_high).into(),
                r.impact.map(|i| i.p_value).into(),
                r.nps_p_adjusted.into(),
            ]
        })
        .collect();
    Table { title: tt.chart_title.to_owned(), columns, rows }
}

/// A group's share mentioning a theme, its 95% interval and n, as the chart and the table write
/// it: `40.9% (36.4-45.6%) of 435`.
#[must_use]
pub fn share_label(share: &crate::themes::Share, t: &crate::i18n::Texts, tt: &ThemeTexts) -> String {
    fill(
        tt.share_with_interval,
        &[
            ("share", &t.percent(100.0 * share.share)),
            ("low", &t.number(100.0 * share.interval.low, 1)),
            ("high", &t.percent(100.0 * share.interval.high)),
            ("n", &share.respondents.to_string()),
        ],
    )
}

/// A theme's representation among detractors in words.
#[must_use]
pub fn representation_word(r: crate::themes::Representation, w: &Words) -> &'static str {
    let [over, under, none] = w.export.representation;
    match r {
        crate::themes::Representation::Over => over,
        crate::themes::Representation::Under => under,
        crate::themes::Representation::None => none,
    }
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

/// Every chart of the results: distribution, one per breakdown (rows in the order given), the
/// trend when computed and the sectors against benchmarks when the file has sectors.
#[must_use]
pub fn charts_for(results: &ViewResults, context: &FigureContext, w: &Words) -> Vec<ChartSpec> {
    let mut charts = Vec::new();
    let overall_benchmark = results.overall.as_ref().and_then(|o| o.benchmark.as_ref());
    if let Some(overall) = &results.overall {
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

/// The overall figures: one row.
#[must_use]
pub fn overall_table(overall: &NpsSummary, rows_read: Option<usize>, w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let mut columns = vec![
        Column::new(t.col_n, ColumnKind::Integer),
        Column::new(t.col_nps, NPS),
        Column::new(x.col_low, NPS),
        Column::new(x.col_high, NPS),
        Column::new(x.col_promoters, ColumnKind::Integer),
        Column::new(x.col_passives, ColumnKind::Integer),
        Column::new(x.col_detractors, ColumnKind::Integer),
        Column::new(x.col_promoter_pct, PERCENT),
        Column::new(x.col_passive_pct, PERCENT),
        Column::new(x.col_detractor_pct, PERCENT),
        Column::new(x.col_mean, ColumnKind::Number { decimals: 2 }),
    ];
    let o = overall;
    let mut row: Vec<Cell> = vec![
        o.n.into(),
        o.nps.into(),
        o.ci_low.into(),
        o.ci_high.into(),
        o.promoters.into(),
        o.passives.into(),
        o.detractors.into(),
        o.promoter_pct.into(),
        o.passive_pct.into(),
        o.detractor_pct.into(),
        o.mean.into(),
    ];
    if let Some(read) = rows_read {
        columns.push(Column::new(x.rows_read, ColumnKind::Integer));
        row.push((read as u64).into());
    }
    Table { title: x.table_overall.to_owned(), columns, rows: vec![row] }
}

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

/// One breakdown as a table: NPS with interval, shares, difference with the rest and its test.
#[must_use]
pub fn segments_table(column: &str, rows: &[&BreakdownRow], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let mut columns = nps_columns(column, w);
    columns.extend([
        Column::new(t.col_vs_rest, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_test, ColumnKind::Text),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(x.col_small_n, ColumnKind::Text),
    ]);
    let with_rates = rows.iter().any(|r| r.response_rate.is_some());
    if with_rates {
        columns.extend(rate_columns(w));
    }
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = nps_cells(&r.value, &r.summary);
            cells.extend([
                r.difference_vs_rest.into(),
                r.p_value.into(),
                r.p_adjusted.into(),
                r.test_method.unwrap_or("").into(),
                yes_no(r.significant, w),
                yes_no(r.small_n, w),
            ]);
            if with_rates {
                cells.extend(rate_cells(r.response_rate.as_ref(), w));
            }
            cells
        })
        .collect();
    Table { title: fill(t.segments_title, &[("column", column)]), columns, rows }
}

/// The response-rate columns: responses, invited, rate with its interval, far below the rest.
fn rate_columns(w: &Words) -> [Column; 6] {
    let p = w.project();
    [
        Column::new(p.col_responses, ColumnKind::Integer),
        Column::new(p.col_invited, ColumnKind::Integer),
        Column::new(p.col_response_rate, PERCENT),
        Column::new(p.col_rate_low, PERCENT),
        Column::new(p.col_rate_high, PERCENT),
        Column::new(p.col_far_below, ColumnKind::Text),
    ]
}

fn rate_cells(rate: Option<&ResponseRate>, w: &Words) -> Vec<Cell> {
    match rate {
        Some(r) => vec![
            r.responses.into(),
            r.invited.into(),
            r.rate_pct.into(),
            r.ci_low_pct.into(),
            r.ci_high_pct.into(),
            yes_no(r.far_below_rest, w),
        ],
        None => vec![Cell::Empty; 6],
    }
}

/// The response rate overall and per value of the invited-by column; a value without a rate
/// says why in its last cell.
#[must_use]
pub fn response_rate_table(rates: &ResponseRates, w: &Words) -> Table {
    let p = w.project();
    let first = rates.column.as_deref().unwrap_or(p.overall);
    let mut columns = vec![Column::new(first, ColumnKind::Text)];
    columns.extend(rate_columns(w));
    columns.push(Column::new(w.texts.reason, ColumnKind::Text));
    let mut rows = Vec::new();
    let mut push = |label: &str, rate: Option<&ResponseRate>, problem: Option<&crate::analysis::RateProblem>| {
        let mut cells: Vec<Cell> = vec![label.into()];
        cells.extend(rate_cells(rate, w));
        cells.push(problem.map_or(Cell::Empty, |problem| p.problem(problem).into()));
        rows.push(cells);
    };
    if rates.overall.is_some() || rates.overall_problem.is_some() {
        push(p.overall, rates.overall.as_ref(), rates.overall_problem.as_ref());
    }
    for value in &rates.values {
        push(&value.value, value.rate.as_ref(), value.problem.as_ref());
    }
    Table { title: p.table_response_rate.to_owned(), columns, rows }
}

/// The trend as a table.
#[must_use]
pub fn trend_table(points: &[TrendPoint], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(t.col_period, ColumnKind::Text),
        Column::new(x.col_start, ColumnKind::Text),
        Column::new(t.col_n, ColumnKind::Integer),
        Column::new(t.col_nps, NPS),
        Column::new(x.col_low, NPS),
        Column::new(x.col_high, NPS),
        Column::new(t.col_change, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_test, ColumnKind::Text),
        Column::new(x.col_in_both, ColumnKind::Integer),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(x.col_small_n, ColumnKind::Text),
    ];
    let rows = points
        .iter()
        .map(|p| {
            vec![
                p.period.as_str().into(),
                p.start.as_str().into(),
                p.n.into(),
                p.nps.into(),
                p.ci_low.into(),
                p.ci_high.into(),
                p.change.into(),
                p.change_p_value.into(),
                p.change_p_adjusted.into(),
                p.change_test.unwrap_or("").into(),
                p.respondents_in_both.map_or(Cell::Empty, Cell::from),
                yes_no(p.change_significant, w),
                yes_no(p.small_n && p.n > 0, w),
            ]
        })
        .collect();
    Table { title: fill(t.trend_title, &[("period", period_word(points, t))]), columns, rows }
}

/// The sectors with their benchmark and verdict.
#[must_use]
pub fn sectors_table(sectors: &[BreakdownRow], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let mut columns = nps_columns(t.col_sector, w);
    columns.extend([
        Column::new(t.col_benchmark, ColumnKind::Text),
        Column::new(x.col_benchmark_low, NPS),
        Column::new(x.col_benchmark_high, NPS),
        Column::new(x.col_published_value, NPS),
        Column::new(t.col_verdict, ColumnKind::Text),
        Column::new(t.col_source, ColumnKind::Text),
        Column::new(x.col_year, ColumnKind::Integer),
        Column::new(x.col_region, ColumnKind::Text),
    ]);
    let rows = sectors
        .iter()
        .map(|r| {
            let mut cells = nps_cells(&r.value, &r.summary);
            match &r.benchmark {
                Some(c) => cells.extend([
                    c.sector.as_str().into(),
                    c.low.into(),
                    c.high.into(),
                    c.value.into(),
                    t.verdict(c.verdict).into(),
                    c.source.as_str().into(),
                    Cell::Number(f64::from(c.year)),
                    c.region.as_str().into(),
                ]),
                None => cells.extend(std::iter::repeat_n(Cell::Empty, 8)),
            }
            cells
        })
        .collect();
    Table { title: x.table_sectors.to_owned(), columns, rows }
}

/// Rows left out, by column and reason, with example rows and values.
#[must_use]
pub fn quality_table(excluded: &[ExcludedRows], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(x.col_column, ColumnKind::Text),
        Column::new(t.reason, ColumnKind::Text),
        Column::new(t.rows, ColumnKind::Integer),
        Column::new(t.examples, ColumnKind::Text),
        Column::new(x.col_example_values, ColumnKind::Text),
    ];
    let rows = excluded
        .iter()
        .map(|e| {
            let examples: Vec<String> = e.examples.iter().map(ToString::to_string).collect();
            vec![
                e.column.as_str().into(),
                t.exclusion_reason(e.reason).into(),
                (e.rows as u64).into(),
                examples.join(", ").into(),
                e.values.join(" | ").into(),
            ]
        })
        .collect();
    Table { title: x.table_quality.to_owned(), columns, rows }
}

/// Every table of the results: overall, each breakdown, the trend, the sectors and data quality.
#[must_use]
pub fn tables_for(results: &ViewResults, excluded: &[ExcludedRows], rows_read: Option<usize>, w: &Words) -> Vec<Table> {
    let mut tables = Vec::new();
    if let Some(overall) = &results.overall {
        tables.push(overall_table(&overall.summary, rows_read, w));
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
    }
}

/// The results of a finished report (as the CLI has them).
#[must_use]
pub fn results_of(report: &Report) -> ViewResults {
    ViewResults {
        overall: Some(report.overall.clone()),
        segments: report.segments.clone(),
        trend: report.trend.clone(),
        sectors: report.sectors.clone(),
        response_rates: report.response_rate.clone(),
    }
}

/// The first and last period with answers (`2025-01`, `2025-06`).
fn answered_span(points: &[TrendPoint]) -> Option<(String, String)> {
    let first = points.iter().find(|p| p.n > 0)?;
    let last = points.iter().rev().find(|p| p.n > 0)?;
    Some((first.period.clone(), last.period.clone()))
}

/// The footnote context of a report: file, filter and the period of its trend, if any.
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
    FigureContext { file: report.source.file.clone(), filter, period, weighted_by }
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
    fn every_view_becomes_a_chart_with_the_numbers_of_the_results() {
        let report = sample_report(&["region"]);
        let w = Words::of(Language::English);
        let charts = charts_for(&results_of(&report), &context_of(&report), &w);
        let kinds: Vec<ChartKind> = charts.iter().map(|c| c.kind).collect();
        assert_eq!(kinds[..3], [ChartKind::Distribution, ChartKind::Segments, ChartKind::Trend]);
        let distribution: Vec<f64> = charts[0].bars().map(|b| b.value).collect();
        assert_eq!(distribution, report.overall.distribution.map(|c| c as f64));
        let segments = &charts[1];
        let regions: Vec<&BreakdownRow> = report.segments.iter().filter(|r| r.column == "region").collect();
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
        assert!(charts[2].footnote.contains("Period: "), "{}", charts[2].footnote);
    }

    #[test]
    fn two_way_breakdowns_and_sectors_get_their_own_charts() {
        let report = sample_report(&["region:channel"]);
        let w = Words::of(Language::Dutch);
        let charts = charts_for(&results_of(&report), &context_of(&report), &w);
        assert!(charts.iter().any(|c| c.kind == ChartKind::Breakdown && c.title.contains('\u{d7}')));
        if !report.sectors.is_empty() {
            let bench = charts.iter().find(|c| c.kind == ChartKind::Benchmarks).unwrap();
            assert_eq!(bench.categories.len(), report.sectors.len());
        }
        assert_eq!(charts[0].title, "Verdeling van de scores (0-10)");
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
        assert_eq!(benchmark_mark(&comparison).map(|m| m.value), Some(ReferenceValue::Range { low: 20.0, high: 40.0 }));
    }
}
