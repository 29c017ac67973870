//! The 0-10 distribution figure and the overall table: NPS, interval, shares and mean.

use super::*;

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
    let mut chart = distribution_chart(
        overall,
        &DistributionWords {
            title: t.distribution_title,
            score: t.score_axis,
            responses: t.responses_axis,
            groups: [t.detractors, t.passives, t.promoters],
            footnote: &note,
            thousands: t.thousands(),
        },
    );
    // The distribution states the score it makes, so that the chart alone says it.
    let (interval, n) = interval_and_n(overall, t);
    chart.subtitle = format!("NPS {} \u{b7} {interval} \u{b7} {n}", t.signed(overall.nps));
    chart
}

/// The overall figures: one row, with the CES, CSAT and grade the file has.
#[must_use]
pub fn overall_table(overall: &NpsSummary, metrics: &GroupMetrics, rows_read: Option<usize>, w: &Words) -> Table {
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
    // CES, CSAT and grade, where the file has them.
    let shown = MetricsShown::of([metrics]);
    columns.extend(shown.columns(w));
    row.extend(shown.cells(metrics));
    Table { title: x.table_overall.to_owned(), columns, rows: vec![row] }
}
