//! The sectors against their benchmarks: the figure and its table.

use super::*;

/// Sector NPS against each sector's benchmark; `None` without sectors.
#[must_use]
pub fn benchmarks_figure(sectors: &[BreakdownRow], context: &FigureContext, w: &Words) -> Option<ChartSpec> {
    if sectors.is_empty() {
        return None;
    }
    let n = sectors.iter().map(|r| r.summary.n).sum();
    let used: Vec<&Comparison> = sectors.iter().filter_map(|r| r.benchmark.as_ref()).collect();
    let note = footnote(n, &used, context, w);
    let rows: Vec<IntervalRow> = sectors.iter().map(|r| interval_row(r, w.texts)).collect();
    let text = ChartText {
        title: w.export.benchmarks_title,
        subtitle: "",
        category_title: w.texts.col_sector,
        value_title: w.export.nps_axis,
        footnote: &note,
        thousands: w.texts.thousands(),
    };
    Some(benchmarks_chart(&rows, &text, &w.legend()))
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
                    w.texts.sector_name(&c.sector).into(),
                    c.low.into(),
                    c.high.into(),
                    c.value.into(),
                    t.verdict(c.verdict).into(),
                    c.source.as_str().into(),
                    Cell::Number(f64::from(c.year)),
                    w.texts.place_name(&c.region).into(),
                ]),
                None => cells.extend(std::iter::repeat_n(Cell::Empty, 8)),
            }
            cells
        })
        .collect();
    Table { title: x.table_sectors.to_owned(), columns, rows }
}
