//! The comparison of two waves: this wave's NPS per segment beside the previous wave's, the change
//! with its interval against the band of changes too small to detect, and the table of both.

use super::*;
use crate::analysis::waves::{WaveChange, WaveComparison};
use crate::chart::{ChartKind, LegendEntry, LegendSymbol, Marker, Point, Series, Tone, waves_chart};
use crate::i18n::waves::WaveTexts;
use crate::i18n::{fill, fill_owned};
use crate::themes_report::{SegmentThemeChanges, ThemeChange};

/// One row of the comparison: its label and both waves' figures with the change.
struct Row<'a> {
    column: &'a str,
    value: &'a str,
    label: String,
    previous: Option<&'a NpsSummary>,
    current: Option<&'a NpsSummary>,
    change: &'a WaveChange,
    shares: &'a [crate::analysis::waves::ShareChange],
}

/// Every row: all answers first, then each column's values (labelled with the column when
/// several columns are compared).
fn rows<'a>(c: &'a WaveComparison, v: &WaveTexts) -> Vec<Row<'a>> {
    let mut columns: Vec<&str> = c.segments.iter().map(|s| s.column.as_str()).collect();
    columns.dedup();
    let several = columns.len() > 1;
    let mut out = vec![Row {
        column: "",
        value: v.overall,
        label: v.overall.to_owned(),
        previous: c.previous.as_ref(),
        current: c.current.as_ref(),
        change: &c.change,
        shares: &c.shares,
    }];
    out.extend(c.segments.iter().map(|s| Row {
        column: &s.column,
        value: &s.value,
        label: if several {
            fill(v.segment_label, &[("column", &s.column), ("value", &s.value)])
        } else {
            s.value.clone()
        },
        previous: s.previous.as_ref(),
        current: s.current.as_ref(),
        change: &s.change,
        shares: &s.shares,
    }));
    out
}

/// The footnote: both waves with their n, the interval and the test.
fn wave_footnote(c: &WaveComparison, (previous, current): (&str, &str), w: &Words, v: &WaveTexts) -> String {
    let n = |s: &Option<NpsSummary>| w.texts.count(s.as_ref().map_or(0, |s| s.n));
    let waves = fill(
        v.footnote_waves,
        &[("previous", previous), ("n_previous", &n(&c.previous)), ("current", current), ("n_current", &n(&c.current))],
    );
    [waves, w.export.footnote_interval.to_owned(), v.footnote_test.to_owned()].join(" \u{b7} ")
}

/// The two charts of a comparison: both waves per segment, and the change against the band of
/// changes too small to detect. `files` names the waves as the footnote does.
#[must_use]
pub fn wave_charts(c: &WaveComparison, files: (&str, &str), w: &Words, v: &WaveTexts) -> Vec<ChartSpec> {
    let note = wave_footnote(c, files, w, v);
    let rows = rows(c, v);
    let thousands = w.texts.thousands();
    let legend = |estimate: &'static str, band: &'static str| LegendWords {
        estimate,
        interval: w.export.legend_interval,
        significant: v.legend_significant,
        small_n: w.export.legend_small_n,
        benchmark_range: band,
        benchmark_average: v.legend_previous,
        rise: w.export.legend_rise,
        fall: w.export.legend_fall,
    };
    // This wave's NPS with its interval, the previous wave's as a tick.
    let waves: Vec<IntervalRow> = rows
        .iter()
        .filter_map(|r| {
            let now = r.current?;
            Some(IntervalRow {
                label: r.label.clone(),
                nps: now.nps,
                ci_low: now.ci_low,
                ci_high: now.ci_high,
                n: now.n,
                small_n: now.is_small(),
                significant: r.change.significant,
                benchmark: r.previous.map(|before| BenchmarkMark {
                    value: ReferenceValue::Average { value: before.nps },
                    label: format!("{} {}", v.legend_previous, w.texts.signed(before.nps)),
                }),
            })
        })
        .collect();
    let text = ChartText {
        title: v.waves_title,
        subtitle: v.waves_subtitle,
        category_title: v.segment_axis,
        value_title: w.export.nps_axis,
        footnote: &note,
        thousands,
    };
    let mut charts = vec![waves_chart("waves", ChartKind::Waves, &waves, &text, &legend(v.legend_current, ""))];
    // The change with its interval, against the band of what these sizes cannot detect; a grey
    // point marks a change smaller than that.
    let mut below = Vec::new();
    let changes: Vec<IntervalRow> = rows
        .iter()
        .filter_map(|r| {
            let change = r.change.nps?;
            let n = r.current.map_or(0, |s| s.n);
            below.push(r.change.below_detectable.then_some(change));
            Some(IntervalRow {
                label: r.label.clone(),
                nps: change,
                ci_low: r.change.ci_low,
                ci_high: r.change.ci_high,
                n,
                small_n: r.current.is_none_or(NpsSummary::is_small) || r.previous.is_none_or(NpsSummary::is_small),
                significant: r.change.significant,
                benchmark: r.change.minimum_detectable.map(|m| BenchmarkMark {
                    value: ReferenceValue::Range { low: -m, high: m },
                    label: format!("{} +/-{}", v.legend_detectable, w.texts.number(m, 1)),
                }),
            })
        })
        .collect();
    if !changes.is_empty() {
        let text = ChartText { title: v.change_title, subtitle: v.change_subtitle, value_title: v.change_axis, ..text };
        let mut chart = waves_chart(
            "wave-change",
            ChartKind::WaveChange,
            &changes,
            &text,
            &legend(v.legend_change, v.legend_detectable),
        );
        let points: Vec<Point> = below
            .iter()
            .enumerate()
            .filter_map(|(i, value)| Some(Point { category: i, value: (*value)?, marker: Marker::Circle, label: None }))
            .collect();
        if !points.is_empty() {
            chart.series.push(Series::Points { name: v.legend_below.to_owned(), tone: Tone::Passive, points });
            chart.legend.push(LegendEntry {
                tone: Tone::Passive,
                symbol: LegendSymbol::Marker(Marker::Circle),
                label: v.legend_below.to_owned(),
            });
        }
        charts.push(chart);
    }
    charts
}

/// The comparison's table: both waves and the change per row, with its test and the smallest
/// detectable change.
#[must_use]
pub fn wave_table(c: &WaveComparison, w: &Words, v: &WaveTexts) -> Table {
    let (t, x) = (w.texts, w.export);
    let columns = vec![
        Column::new(v.col_column, ColumnKind::Text),
        Column::new(t.col_value, ColumnKind::Text),
        Column::new(v.col_previous_n, ColumnKind::Integer),
        Column::new(v.col_previous_nps, NPS),
        Column::new(v.col_previous_low, NPS),
        Column::new(v.col_previous_high, NPS),
        Column::new(v.col_current_n, ColumnKind::Integer),
        Column::new(v.col_current_nps, NPS),
        Column::new(v.col_current_low, NPS),
        Column::new(v.col_current_high, NPS),
        Column::new(t.col_change, NPS),
        Column::new(v.col_change_low, NPS),
        Column::new(v.col_change_high, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_test, ColumnKind::Text),
        Column::new(x.col_significant, ColumnKind::Text),
        Column::new(v.col_detectable, NPS),
        Column::new(v.col_below_detectable, ColumnKind::Text),
        Column::new(v.col_in_both, ColumnKind::Integer),
        Column::new(v.col_paired, ColumnKind::Text),
        Column::new(v.col_promoters_change, NPS),
        Column::new(v.col_detractors_change, NPS),
    ];
    let rows = rows(c, v)
        .iter()
        .map(|r| {
            let ch = r.change;
            vec![
                r.column.into(),
                r.value.into(),
                r.previous.map_or(Cell::Empty, |s| s.n.into()),
                r.previous.map(|s| s.nps).into(),
                r.previous.and_then(|s| s.ci_low).into(),
                r.previous.and_then(|s| s.ci_high).into(),
                r.current.map_or(Cell::Empty, |s| s.n.into()),
                r.current.map(|s| s.nps).into(),
                r.current.and_then(|s| s.ci_low).into(),
                r.current.and_then(|s| s.ci_high).into(),
                ch.nps.into(),
                ch.ci_low.into(),
                ch.ci_high.into(),
                ch.p_value.into(),
                ch.p_adjusted.into(),
                ch.test.unwrap_or("").into(),
                yes_no(ch.significant, w),
                ch.minimum_detectable.into(),
                yes_no(ch.below_detectable, w),
                ch.respondents_in_both.map_or(Cell::Empty, Cell::from),
                yes_no(ch.paired, w),
                share_change(r.shares, "promoters"),
                share_change(r.shares, "detractors"),
            ]
        })
        .collect();
    Table { title: v.table_title.to_owned(), columns, rows }
}

/// The title block of a comparison's report, deck and PDF.
#[must_use]
pub fn wave_report_info(files: (&str, &str), w: &Words, v: &WaveTexts) -> ReportInfo {
    ReportInfo {
        title: v.table_title.to_owned(),
        source_file: format!("{} \u{2192} {}", files.0, files.1),
        date: today(),
        subtitle: fill(v.files, &[("previous", files.0), ("current", files.1)]),
        language: w.export.language_tag.to_owned(),
        ..ReportInfo::default()
    }
}

/// The detractor themes of both waves as a table: each theme's share of commenting detractors
/// in both waves and its change with its test.
#[must_use]
pub fn wave_themes_table(themes: &[ThemeChange], w: &Words, v: &WaveTexts) -> Table {
    let (t, x) = (w.texts, w.export);
    let percent = ColumnKind::Percent { decimals: 1 };
    let columns = vec![
        Column::new(v.col_theme, ColumnKind::Text),
        Column::new(v.col_previous_share, percent),
        Column::new(v.col_current_share, percent),
        Column::new(t.col_change, NPS),
        Column::new(v.col_change_low, NPS),
        Column::new(v.col_change_high, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_significant, ColumnKind::Text),
    ];
    let rows = themes.iter().map(|r| theme_cells(r, w)).collect();
    Table { title: v.themes_table_title.to_owned(), columns, rows }
}

/// One theme's cells in a themes table: its label, both shares, the change with its interval,
/// the p-values and whether it is significant.
fn theme_cells(r: &ThemeChange, w: &Words) -> Vec<Cell> {
    vec![
        r.label.as_str().into(),
        r.previous.into(),
        r.current.into(),
        r.change.into(),
        r.ci_low.into(),
        r.ci_high.into(),
        r.p_value.into(),
        r.p_adjusted.into(),
        yes_no(r.significant, w),
    ]
}

/// How a line of a comparison's summary is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineWeight {
    /// A wave or the change itself: larger.
    Headline,
    /// A finding that holds (significant, or a change below what the sizes detect): bold.
    Strong,
    /// Everything else.
    Plain,
    /// Background (respondents in both, method): pale.
    Weak,
}

/// A p-value in `t`'s number format with its relation: `= 0.102`, or `< 0.001` below that.
fn p_words(p: f64, t: &crate::i18n::Texts) -> String {
    if p < 0.001 { format!("< {}", t.number(0.001, 3)) } else { format!("= {}", t.number(p, 3)) }
}

/// The comparison in sentences, in the language of `w` and `v`, as the window and the command
/// line both write it: both waves, the change with its test and what these sizes detect, who
/// answered both, the shares, CES/CSAT and the detractor themes. `names` names the two waves.
#[must_use]
pub fn wave_lines(
    c: &WaveComparison,
    names: (&str, &str),
    themes: &[ThemeChange],
    w: &Words,
    v: &WaveTexts,
) -> Vec<(String, LineWeight)> {
    let t = w.texts;
    let dash = || "\u{2013}".to_owned();
    let signed = |x: Option<f64>| x.map_or_else(dash, |x| t.signed(x));
    let mut lines = Vec::new();
    for (name, file, wave) in [(v.previous, names.0, &c.previous), (v.current, names.1, &c.current)] {
        let Some(s) = wave else { continue };
        let values = [
            ("wave", format!("{name} ({file})")),
            ("nps", t.signed(s.nps)),
            ("low", signed(s.ci_low)),
            ("high", signed(s.ci_high)),
            ("n", t.count(s.n)),
        ];
        lines.push((fill_owned(v.wave_line, &values), LineWeight::Headline));
    }
    let change = &c.change;
    if let Some(value) = change.nps {
        let verdict = match change.p_value {
            None => v.not_tested,
            Some(_) if change.significant => v.significant,
            Some(_) => v.not_significant,
        };
        let values = [
            ("change", t.signed(value)),
            ("low", signed(change.ci_low)),
            ("high", signed(change.ci_high)),
            ("p", change.p_value.map_or_else(dash, |p| p_words(p, t))),
            ("test", change.test.map_or_else(dash, |id| t.test_name(id).to_owned())),
            ("verdict", verdict.to_owned()),
        ];
        lines.push((fill_owned(v.change_line, &values), LineWeight::Headline));
    }
    if let Some(mdd) = change.minimum_detectable {
        let text = fill(v.detectable_here, &[("mdd", &t.number(mdd, 1))]);
        lines.push((text, if change.below_detectable { LineWeight::Strong } else { LineWeight::Weak }));
    }
    if let Some(m) = change.respondents_in_both.filter(|&m| m > 0) {
        let template = if change.paired { v.paired_line } else { v.in_both_line };
        lines.push((fill(template, &[("m", &t.count(m))]), LineWeight::Weak));
    }
    for share in &c.shares {
        let group = match share.group {
            "promoters" => t.promoters,
            "passives" => t.passives,
            _ => t.detractors,
        };
        let values = [
            ("group", group.to_owned()),
            ("previous", t.percent(share.previous)),
            ("current", t.percent(share.current)),
            ("change", t.signed(share.change)),
            ("low", t.signed(share.ci_low)),
            ("high", t.signed(share.ci_high)),
            ("p", p_words(share.p_adjusted, t)),
        ];
        let weight = if share.significant { LineWeight::Strong } else { LineWeight::Plain };
        lines.push((fill_owned(v.share_line, &values), weight));
    }
    for metric in &c.metrics {
        let values = [
            ("column", metric.column.clone()),
            ("previous", t.number(metric.previous_mean, 2)),
            ("current", t.number(metric.current_mean, 2)),
            ("change", t.number(metric.mean_change, 2)),
            ("low", t.number(metric.mean_ci_low, 2)),
            ("high", t.number(metric.mean_ci_high, 2)),
            ("p", p_words(metric.mean_p_value, t)),
        ];
        let weight = if metric.significant { LineWeight::Strong } else { LineWeight::Plain };
        lines.push((fill_owned(v.metric_line, &values), weight));
    }
    if let Some(first) = themes.first() {
        let values = [("previous_n", t.count(first.previous_n)), ("current_n", t.count(first.current_n))];
        lines.push((fill_owned(v.themes_heading, &values), LineWeight::Strong));
    }
    lines.extend(themes.iter().map(|theme| theme_line(theme, t, v)));
    lines
}

/// One theme's shares in both waves and its change with its interval and Holm p.
fn theme_line(theme: &ThemeChange, t: &crate::i18n::Texts, v: &WaveTexts) -> (String, LineWeight) {
    let values = [
        ("theme", theme.label.clone()),
        ("previous", t.percent(theme.previous)),
        ("current", t.percent(theme.current)),
        ("change", t.signed(theme.change)),
        ("low", t.signed(theme.ci_low)),
        ("high", t.signed(theme.ci_high)),
        ("p", p_words(theme.p_adjusted, t)),
    ];
    let weight = if theme.significant { LineWeight::Strong } else { LineWeight::Plain };
    (fill_owned(v.theme_line, &values), weight)
}

/// A segment's detractor themes as lines: its heading with the detractors commenting in each
/// wave, then each theme mentioned in either wave, largest change first.
#[must_use]
pub fn segment_theme_lines(segment: &SegmentThemeChanges, w: &Words, v: &WaveTexts) -> Vec<(String, LineWeight)> {
    let t = w.texts;
    let name = fill(v.segment_label, &[("column", &segment.column), ("value", &segment.value)]);
    let values =
        [("segment", name), ("previous_n", t.count(segment.previous_n)), ("current_n", t.count(segment.current_n))];
    let mut lines = vec![(fill_owned(v.segment_themes_heading, &values), LineWeight::Strong)];
    lines.extend(mentioned(&segment.themes).map(|theme| theme_line(theme, t, v)));
    lines
}

/// The themes mentioned by a detractor in either wave.
fn mentioned(themes: &[ThemeChange]) -> impl Iterator<Item = &ThemeChange> {
    themes.iter().filter(|theme| theme.previous > 0.0 || theme.current > 0.0)
}

/// The detractor themes of every segment as one table: the segment, its commenting detractors
/// in each wave, and each theme mentioned in either wave with its change and test.
#[must_use]
pub fn wave_segment_themes_table(segments: &[SegmentThemeChanges], w: &Words, v: &WaveTexts) -> Table {
    let (t, x) = (w.texts, w.export);
    let percent = ColumnKind::Percent { decimals: 1 };
    let columns = vec![
        Column::new(v.col_column, ColumnKind::Text),
        Column::new(v.segment_axis, ColumnKind::Text),
        Column::new(v.col_previous_n, ColumnKind::Integer),
        Column::new(v.col_current_n, ColumnKind::Integer),
        Column::new(v.col_theme, ColumnKind::Text),
        Column::new(v.col_previous_share, percent),
        Column::new(v.col_current_share, percent),
        Column::new(t.col_change, NPS),
        Column::new(v.col_change_low, NPS),
        Column::new(v.col_change_high, NPS),
        Column::new(x.col_p, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(x.col_significant, ColumnKind::Text),
    ];
    let rows = segments
        .iter()
        .flat_map(|s| mentioned(&s.themes).map(move |r| (s, r)))
        .map(|(s, r)| {
            let segment: [Cell; 4] =
                [s.column.as_str().into(), s.value.as_str().into(), s.previous_n.into(), s.current_n.into()];
            segment.into_iter().chain(theme_cells(r, w)).collect()
        })
        .collect();
    Table { title: v.segment_themes_title.to_owned(), columns, rows }
}

/// The change of one group's share among `shares`, points.
fn share_change(shares: &[crate::analysis::waves::ShareChange], group: &str) -> Cell {
    shares.iter().find(|s| s.group == group).map(|s| s.change).into()
}
