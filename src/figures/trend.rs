//! The trend figure (NPS per period with its band and flagged changes) and its table.

use super::*;

/// The period name (`month`) of trend labels (`2025-03`, `2025-W05`, `2025-Q1`).
fn period_word(points: &[TrendPoint], t: &Texts) -> &'static str {
    match points.first().map(|p| p.period.as_str()) {
        Some(label) if label.contains('W') => t.period_week,
        Some(label) if label.contains('Q') => t.period_quarter,
        _ => t.period_month,
    }
}

/// The rows of a chart of the trend `points`.
fn trend_rows(points: &[TrendPoint]) -> Vec<TrendRow> {
    points
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
        .collect()
}

/// NPS per period of each of the largest values of `column`, a line each; `lines` as the views
/// compute them (value, its trend).
#[must_use]
pub fn trend_lines_figure(
    column: &str,
    lines: &[(String, Vec<TrendPoint>)],
    context: &FigureContext,
    w: &Words,
) -> ChartSpec {
    let n = lines.iter().flat_map(|(_, points)| points.iter().map(|p| p.n)).sum();
    let mut context = context.clone();
    let all: Vec<TrendPoint> = lines.iter().flat_map(|(_, points)| points.iter().cloned()).collect();
    if let Some(span) = answered_span(&all) {
        context.period = Some(span);
    }
    let note = footnote(n, &[], &context, w);
    let period = period_word(&all, w.texts);
    let title = fill(w.texts.trend_by_title, &[("period", period), ("column", column)]);
    let rows: Vec<(String, Vec<TrendRow>)> =
        lines.iter().map(|(value, points)| (value.clone(), trend_rows(points))).collect();
    let text = ChartText {
        title: &title,
        subtitle: w.texts.trend_by_subtitle,
        category_title: w.texts.col_period,
        value_title: w.export.nps_axis,
        footnote: &note,
        thousands: w.texts.thousands(),
    };
    trend_lines_chart(&rows, &text)
}

/// The trend per value as a table: a row per period and value, with n, NPS and interval.
#[must_use]
pub fn trend_lines_table(column: &str, lines: &[(String, Vec<TrendPoint>)], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(column, ColumnKind::Text),
        Column::new(t.col_period, ColumnKind::Text),
        Column::new(t.col_n, ColumnKind::Integer),
        Column::new(t.col_nps, NPS),
        Column::new(x.col_low, NPS),
        Column::new(x.col_high, NPS),
        Column::new(t.col_change, NPS),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(x.col_small_n, ColumnKind::Text),
    ];
    let rows = lines
        .iter()
        .flat_map(|(value, points)| {
            points.iter().map(move |p| {
                vec![
                    value.as_str().into(),
                    p.period.as_str().into(),
                    p.n.into(),
                    p.nps.into(),
                    p.ci_low.into(),
                    p.ci_high.into(),
                    p.change.into(),
                    yes_no(p.change_significant, w),
                    yes_no(p.small_n && p.n > 0, w),
                ]
            })
        })
        .collect();
    let all: Vec<TrendPoint> = lines.iter().flat_map(|(_, points)| points.iter().cloned()).collect();
    let title = fill(t.trend_by_title, &[("period", period_word(&all, t)), ("column", column)]);
    Table { title, columns, rows }
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
    let rows = trend_rows(points);
    let text = ChartText {
        title: &title,
        subtitle: "",
        category_title: w.texts.col_period,
        value_title: w.export.nps_axis,
        footnote: &note,
        thousands: w.texts.thousands(),
    };
    trend_chart(&rows, &text, &w.legend())
}

/// The trend as a table.
#[must_use]
pub fn trend_table(points: &[TrendPoint], w: &Words) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(t.col_period, ColumnKind::Text),
        Column::new(x.col_start, ColumnKind::Date),
        Column::new(t.col_n, ColumnKind::Integer),
        Column::new(t.col_nps, NPS),
        Column::new(x.col_low, NPS),
        Column::new(x.col_high, NPS),
        Column::new(t.col_change, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_test, ColumnKind::Text),
        Column::new(x.col_detectable, NPS),
        Column::new(x.col_in_both, ColumnKind::Integer),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(x.col_small_n, ColumnKind::Text),
    ];
    let metrics = MetricsShown::of(points.iter().map(|p| &p.metrics));
    let columns = [columns, metrics.columns(w)].concat();
    let rows = points
        .iter()
        .map(|p| {
            let mut cells = vec![
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
                p.change_minimum_detectable.into(),
                p.respondents_in_both.map_or(Cell::Empty, Cell::from),
                yes_no(p.change_significant, w),
                yes_no(p.small_n && p.n > 0, w),
            ];
            cells.extend(metrics.cells(&p.metrics));
            cells
        })
        .collect();
    Table { title: fill(t.trend_title, &[("period", period_word(points, t))]), columns, rows }
}

/// The first and last period with answers (`2025-01`, `2025-06`).
fn answered_span(points: &[TrendPoint]) -> Option<(String, String)> {
    let first = points.iter().find(|p| p.n > 0)?;
    let last = points.iter().rev().find(|p| p.n > 0)?;
    Some((first.period.clone(), last.period.clone()))
}
