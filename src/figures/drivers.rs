//! The key drivers as figures: the importance/performance map (each driver's share of R² with its
//! interval against its performance, the medians as cross-hairs, the quadrants named) and the
//! table of every number behind it, for the window and every export alike.

use super::*;
use crate::analysis::drivers::{DriverAnalysis, Quadrant};
use crate::chart::{
    Axis, ChartKind, ImportanceMap, LegendEntry, LegendSymbol, MapPoint, Orientation, Series, TickFormat, Tone,
};
use crate::i18n::drivers::DriverTexts;
use crate::i18n::fill;
use crate::stats::drivers::Model;

/// The colour of a quadrant: fix first in the detractors' colour, keep in the promoters'.
#[must_use]
pub fn quadrant_tone(quadrant: Quadrant) -> Tone {
    match quadrant {
        Quadrant::Fix => Tone::Detractor,
        Quadrant::Keep => Tone::Promoter,
        Quadrant::Monitor => Tone::Passive,
        Quadrant::LessImportant => Tone::Neutral,
    }
}

/// The share of R² of a relative weight, percent.
fn share(weight: f64, r_squared: f64) -> f64 {
    if r_squared > 0.0 { 100.0 * weight / r_squared } else { 0.0 }
}

/// The map of one analysis (`group` names who it is of: everyone, or a segment's value).
#[must_use]
pub fn drivers_chart(a: &DriverAnalysis, (file, group): (&str, &str), w: &Words, d: &DriverTexts) -> ChartSpec {
    let t = w.texts;
    let m = d.model(a.model);
    let points: Vec<MapPoint> = a
        .drivers
        .iter()
        .map(|driver| {
            let (low, high) =
                (driver.ci_low.map(|v| share(v, a.r_squared)), driver.ci_high.map(|v| share(v, a.r_squared)));
            let dash = || "\u{2013}".to_owned();
            let detail = fill(
                m.point_detail,
                &[
                    ("driver", &driver.name),
                    ("share", &t.percent(driver.share_of_r_squared)),
                    ("low", &low.map_or_else(dash, |v| t.percent(v))),
                    ("high", &high.map_or_else(dash, |v| t.percent(v))),
                    ("performance", &t.number(driver.performance, 1)),
                    ("quadrant", d.quadrant(driver.quadrant)),
                ],
            );
            MapPoint {
                label: driver.name.clone(),
                performance: driver.performance,
                importance: driver.share_of_r_squared,
                low,
                high,
                tone: quadrant_tone(driver.quadrant),
                detail,
            }
        })
        .collect();
    let importance = points.iter().flat_map(|p| [Some(p.importance), p.low, p.high]).flatten();
    let value_axis = Axis::fitted(m.importance_axis, importance, &[0.0], (0.0, 100.0), TickFormat::Percent);
    let performance =
        Axis::fitted(d.performance_axis, points.iter().map(|p| p.performance), &[], (0.0, 100.0), TickFormat::Plain);
    let map = ImportanceMap {
        performance,
        performance_median: a.performance_median,
        importance_median: share(a.importance_median, a.r_squared),
        quadrants: [d.fix, d.keep, d.monitor, d.less_important].map(str::to_owned),
        points,
    };
    let legend = [Quadrant::Fix, Quadrant::Keep, Quadrant::Monitor, Quadrant::LessImportant]
        .into_iter()
        .filter(|q| a.drivers.iter().any(|driver| driver.quadrant == *q))
        .map(|q| LegendEntry { tone: quadrant_tone(q), symbol: LegendSymbol::Box, label: d.quadrant(q).to_owned() })
        .collect();
    let method = if a.r_squared_ci.is_some() {
        fill(m.method, &[("resamples", &a.resamples_used.to_string())])
    } else {
        m.method_plain.to_owned()
    };
    let footnote = fill(
        m.footnote,
        &[
            ("file", file),
            ("group", group),
            ("n", &t.count(a.n_used as u64)),
            ("r2", &t.number(a.r_squared, 3)),
            ("method", &method),
        ],
    );
    ChartSpec {
        id: "drivers".to_owned(),
        kind: ChartKind::Drivers,
        title: m.chart_title.to_owned(),
        subtitle: m.chart_subtitle.to_owned(),
        orientation: Orientation::Vertical,
        category_title: String::new(),
        categories: Vec::new(),
        value_axis,
        series: vec![Series::Map { name: m.chart_title.to_owned(), map }],
        legend,
        footnote,
        thousands: t.thousands(),
    }
}

/// Every number of the analysis as a table: one row a driver.
#[must_use]
pub fn drivers_table(a: &DriverAnalysis, d: &DriverTexts) -> Table {
    let number = |decimals| ColumnKind::Number { decimals };
    let m = d.model(a.model);
    let mut columns = vec![
        Column::new(d.col_driver, ColumnKind::Text),
        Column::new(d.col_weight, number(4)),
        Column::new(d.col_low, number(4)),
        Column::new(d.col_high, number(4)),
        Column::new(m.col_share, ColumnKind::Percent { decimals: 1 }),
        Column::new(d.col_shapley, number(4)),
        Column::new(m.col_correlation, number(3)),
        Column::new(d.col_performance, number(1)),
        Column::new(d.col_mean, number(2)),
        Column::new(d.col_top_box, ColumnKind::Percent { decimals: 1 }),
        Column::new(d.col_quadrant, ColumnKind::Text),
    ];
    let rows = a
        .drivers
        .iter()
        .map(|driver| {
            vec![
                driver.name.as_str().into(),
                driver.relative_weight.into(),
                driver.ci_low.into(),
                driver.ci_high.into(),
                driver.share_of_r_squared.into(),
                driver.shapley.into(),
                driver.correlation.into(),
                driver.performance.into(),
                driver.mean.into(),
                driver.top_box_pct.into(),
                d.quadrant(driver.quadrant).into(),
            ]
        })
        .collect::<Vec<Vec<_>>>();
    // A model without Shapley values has no column for them.
    let (columns, rows) = if m.shapley {
        (columns, rows)
    } else {
        columns.remove(5);
        (
            columns,
            rows.into_iter()
                .map(|mut row| {
                    row.remove(5);
                    row
                })
                .collect(),
        )
    };
    Table { title: m.table_title.to_owned(), columns, rows }
}

/// The maps and tables of an analysis and of each segment's (`segments`: the group's name and
/// its analysis), ids and titles told apart.
#[must_use]
pub fn drivers_figures(
    overall: (&DriverAnalysis, &str),
    segments: &[(String, &DriverAnalysis)],
    file: &str,
    w: &Words,
    d: &DriverTexts,
) -> (Vec<ChartSpec>, Vec<Table>) {
    let mut charts = vec![drivers_chart(overall.0, (file, overall.1), w, d)];
    let mut tables = vec![drivers_table(overall.0, d)];
    for (k, (group, analysis)) in segments.iter().enumerate() {
        let mut chart = drivers_chart(analysis, (file, group), w, d);
        chart.id = format!("drivers-{}", k + 2);
        chart.title = format!("{}: {group}", d.model(analysis.model).chart_title);
        charts.push(chart);
        let mut table = drivers_table(analysis, d);
        table.title = format!("{} {}: {group}", d.model(analysis.model).table_title, k + 2);
        tables.push(table);
    }
    (charts, tables)
}

/// The report's front matter of a key driver analysis of `file`.
#[must_use]
pub fn drivers_report_info(file: &str, model: Model, w: &Words, d: &DriverTexts) -> ReportInfo {
    ReportInfo {
        title: d.model(model).chart_title.to_owned(),
        source_file: file.to_owned(),
        date: today(),
        subtitle: d.model(model).chart_subtitle.to_owned(),
        language: w.export.language_tag.to_owned(),
        ..ReportInfo::default()
    }
}

/// The analysis in sentences, as the window and the command line say it: R² with its interval
/// and n, how missing answers were handled, the bootstrap, weighting and the drivers too
/// correlated to tell apart.
#[must_use]
pub fn drivers_lines(a: &DriverAnalysis, w: &Words, d: &DriverTexts) -> Vec<String> {
    let t = w.texts;
    let m = d.model(a.model);
    let (r2, n, answered) = (t.number(a.r_squared, 3), t.count(a.n_used as u64), t.count(a.n_answered as u64));
    let mut lines = vec![match a.r_squared_ci {
        Some((low, high)) => fill(
            m.r_squared_line,
            &[
                ("r2", &r2),
                ("low", &t.number(low, 3)),
                ("high", &t.number(high, 3)),
                ("n", &n),
                ("answered", &answered),
            ],
        ),
        None => fill(m.r_squared_plain, &[("r2", &r2), ("n", &n), ("answered", &answered)]),
    }];
    lines.extend(m.note.map(str::to_owned));
    lines.push(match a.missing {
        crate::stats::drivers::Missing::Listwise => {
            fill(d.listwise_note, &[("left_out", &t.count(a.n_answered.saturating_sub(a.n_used) as u64))])
        }
        crate::stats::drivers::Missing::Pairwise => {
            fill(d.pairwise_note, &[("smallest", &t.count(a.n_smallest_pair as u64))])
        }
    });
    if a.r_squared_ci.is_some() {
        let values = [("resamples", a.resamples_used.to_string()), ("seed", a.seed.to_string())];
        lines.push(crate::i18n::fill_owned(d.bootstrap_note, &values));
    }
    if a.weighted {
        lines.push(d.weighted_note.to_owned());
    }
    lines.extend(a.collinear.iter().map(|group| fill(d.collinear_note, &[("names", &group.join(", "))])));
    if !a.left_out.is_empty() {
        lines.push(fill(d.left_out_note, &[("names", &a.left_out.join(", "))]));
    }
    if !a.separated.is_empty() {
        lines.push(fill(d.separated_note, &[("names", &a.separated.join(", "))]));
    }
    lines
}

/// Every weighted respondent's spreadsheet row and weight (`rows`, from
/// `analysis::weighting::weight_rows`), to take the weights along as a column.
#[must_use]
pub fn weights_table(rows: &[(u32, f64)], d: &DriverTexts) -> Table {
    let columns = vec![
        Column::new(d.col_row, ColumnKind::Integer),
        Column::new(d.col_respondent_weight, ColumnKind::Number { decimals: 6 }),
    ];
    let rows = rows.iter().map(|&(row, weight)| vec![u64::from(row).into(), weight.into()]).collect();
    Table { title: d.weights_title.to_owned(), columns, rows }
}
