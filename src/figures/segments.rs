//! A breakdown's figure (bars or a two-way chart, with whiskers, stars and benchmarks) and its
//! table, with the response-rate columns and table.

use super::*;
use crate::chart::{MatrixCell, matrix_chart};

/// A benchmark comparison as a chart reference: a range, or a single value kept as a tick.
pub(super) fn benchmark_mark(c: &Comparison, t: &Texts) -> Option<BenchmarkMark> {
    let value = match (c.low, c.high, c.value) {
        (Some(low), Some(high), _) => ReferenceValue::Range { low: low.min(high), high: low.max(high) },
        (_, _, Some(value)) => ReferenceValue::Average { value },
        _ => return None,
    };
    let (sector, region) = (t.sector_name(&c.sector), t.place_name(&c.region));
    Some(BenchmarkMark { value, label: format!("{sector} {region} {} ({})", c.year, c.source) })
}

/// One NPS-with-interval row of a chart.
pub(super) fn interval_row(row: &BreakdownRow, t: &Texts) -> IntervalRow {
    let s = &row.summary;
    IntervalRow {
        label: row.value.clone(),
        nps: s.nps,
        ci_low: s.ci_low,
        ci_high: s.ci_high,
        n: s.n,
        small_n: row.small_n,
        significant: row.significant,
        benchmark: row.benchmark.as_ref().and_then(|c| benchmark_mark(c, t)),
    }
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
        thousands: w.texts.thousands(),
    };
    let chart_rows: Vec<IntervalRow> = rows.iter().map(|r| interval_row(r, w.texts)).collect();
    let id = format!("segments-{}", file_stem(column));
    if let Some(matrix) = column.split_once(" \u{d7} ").filter(|_| !context.two_way_bars).and_then(|(down, across)| {
        let text = ChartText { category_title: down, value_title: across, subtitle: w.export.matrix_subtitle, ..text };
        matrix_figure(&format!("matrix-{}", file_stem(column)), rows, context.hide_small, &text, w)
    }) {
        matrix
    } else if column.contains(" \u{d7} ") {
        breakdown_chart(&format!("breakdown-{}", file_stem(column)), &chart_rows, &text, &w.legend())
    } else {
        let overall = overall.and_then(|c| benchmark_mark(c, w.texts));
        segments_chart(&id, &chart_rows, overall.as_ref(), &text, &w.legend())
    }
}

/// A two-way breakdown as a heat-map matrix: the first column's values down and the second's
/// across, in the order the rows first name them (give them in the engine's order, the
/// segments' own, as the window's matrix does); with `hide_small`, cells under 30 answers are
/// left blank. `None` when a row does not hold its two values.
fn matrix_figure(
    id: &str,
    rows: &[&BreakdownRow],
    hide_small: bool,
    text: &ChartText<'_>,
    w: &Words,
) -> Option<ChartSpec> {
    let mut down: Vec<&str> = Vec::new();
    let mut across: Vec<&str> = Vec::new();
    for row in rows {
        let [first, second] = row.values.as_slice() else { return None };
        if !down.contains(&first.as_str()) {
            down.push(first);
        }
        if !across.contains(&second.as_str()) {
            across.push(second);
        }
    }
    let position = |list: &[&str], v: &str| list.iter().position(|x| *x == v).unwrap_or_default();
    let cells = rows
        .iter()
        .filter(|r| !(hide_small && r.small_n))
        .map(|r| MatrixCell {
            row: position(&down, &r.values[0]),
            column: position(&across, &r.values[1]),
            nps: r.summary.nps,
            ci_low: r.summary.ci_low,
            ci_high: r.summary.ci_high,
            n: r.summary.n,
            small_n: r.small_n,
            significant: r.significant,
        })
        .collect();
    let owned = |list: Vec<&str>| list.into_iter().map(str::to_owned).collect::<Vec<_>>();
    Some(matrix_chart(id, &owned(down), &owned(across), cells, text, &w.legend()))
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
        Column::new(x.col_detectable, NPS),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(x.col_small_n, ColumnKind::Text),
    ]);
    let with_rates = rows.iter().any(|r| r.response_rate.is_some());
    if with_rates {
        columns.extend(rate_columns(w));
    }
    let metrics = MetricsShown::of(rows.iter().map(|r| &r.metrics));
    columns.extend(metrics.columns(w));
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = nps_cells(&r.value, &r.summary);
            cells.extend([
                r.difference_vs_rest.into(),
                r.p_value.into(),
                r.p_adjusted.into(),
                r.test_method.unwrap_or("").into(),
                r.minimum_detectable.into(),
                yes_no(r.significant, w),
                yes_no(r.small_n, w),
            ]);
            if with_rates {
                cells.extend(rate_cells(r.response_rate.as_ref(), w));
            }
            cells.extend(metrics.cells(&r.metrics));
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
