//! Made-up but realistic charts and tables (Dutch and Danish labels included) for tests, the
//! `render_all` example and previews. Not survey results: nothing here is computed.
//!
//! Owns sample data only.

use super::ReportInfo;
use super::table::{Cell, Column, ColumnKind, Table};
use crate::analysis::summarise_scores;
use crate::chart::{
    BenchmarkMark, ChartSpec, ChartText, DistributionWords, IntervalRow, LegendWords, ReferenceValue, ThemeRow,
    TrendRow, benchmarks_chart, breakdown_chart, breakdown_label, distribution_chart, segments_chart, themes_chart,
    trend_chart,
};

/// The footnote shared by the samples.
const FOOTNOTE: &str = "n = 1,204 valid answers (38 excluded: blank or out of range) \u{b7} 95% interval: adjusted Wald \u{b7} \
Filter: channel = Webshop, Winkel \u{b7} Period 2025-01-01 to 2025-06-30 \u{b7} Benchmark: Retail NL 2024 (Customer Gauge, range)";

/// The report header of the samples.
#[must_use]
pub fn report_info() -> ReportInfo {
    ReportInfo {
        title: "Klanttevredenheid H1 2025".to_owned(),
        source_file: "nps_export_2025-H1 (Qualtrics).xlsx".to_owned(),
        date: "2025-07-01".to_owned(),
        subtitle: "Filter: channel = Webshop, Winkel \u{b7} 2025-01-01 to 2025-06-30".to_owned(),
        language: "nl-NL".to_owned(),
        quotes: vec![crate::chart::QuoteSlide {
            title: "Wat criticasters zeggen over Levering".to_owned(),
            quotes: vec![
                "Pakket kwam beschadigd aan en de levering duurde te lang.".to_owned(),
                "Drie keer gebeld over bestelling […], niemand wist waar het was".to_owned(),
            ],
            footnote: "Opmerkingen van criticasters (0-6) die over het thema klagen \u{b7} Levering: 28,7% van de criticasters (24,7–33,2%), n = 435".to_owned(),
        }],
        data_quality: all_tables().pop(),
        brand: crate::chart::Brand::default(),
    }
}

/// The headline of the distribution's answers: a significant rise, below its benchmark.
#[must_use]
pub fn headline() -> ChartSpec {
    use crate::chart::{Axis, ChartKind, Headline, HeadlineGroup, HeadlineLine, Orientation, Series, TickFormat, Tone};
    let group = |label: &str, share: f64, detail: &str, tone| HeadlineGroup {
        label: label.to_owned(),
        share,
        share_text: format!("{:.1}%", 100.0 * share),
        detail: detail.to_owned(),
        tone,
    };
    let headline = Headline {
        nps: 34.3,
        nps_text: "+34.3".to_owned(),
        interval_text: "95% CI +30.4 to +38.1".to_owned(),
        n_text: "n = 1,204".to_owned(),
        groups: vec![
            group("Detractors (0-6)", 0.213, "95% CI 19.0% to 23.6% \u{b7} 256 of 1,204", Tone::Detractor),
            group("Passives (7-8)", 0.3, "95% CI 27.5% to 32.7% \u{b7} 361 of 1,204", Tone::Passive),
            group("Promoters (9-10)", 0.487, "95% CI 45.9% to 51.6% \u{b7} 587 of 1,204", Tone::Promoter),
        ],
        change: Some(HeadlineLine {
            text: "+6.2 points: +34.3 in 2025-Q2 (n = 612) against +28.1 in 2025-Q1 (n = 592); significant rise, p = 0.004 (Holm)".to_owned(),
            tone: Tone::Promoter,
        }),
        verdict: Some(HeadlineLine {
            text: "Benchmark Retail (range +40.0 to +55.0): below".to_owned(),
            tone: Tone::Detractor,
        }),
    };
    ChartSpec {
        id: "headline".to_owned(),
        kind: ChartKind::Headline,
        title: "Net Promoter Score at a glance".to_owned(),
        subtitle: String::new(),
        orientation: Orientation::Horizontal,
        category_title: String::new(),
        categories: Vec::new(),
        value_axis: Axis::stepped("", 0.0, 1.0, 0.0, TickFormat::Percent),
        series: vec![Series::Headline { name: "Net Promoter Score".to_owned(), headline }],
        legend: Vec::new(),
        footnote: FOOTNOTE.to_owned(),
        thousands: ',',
    }
}

/// The 0-10 distribution.
#[must_use]
pub fn distribution() -> ChartSpec {
    let distribution = [31, 12, 18, 25, 29, 64, 77, 140, 221, 268, 319];
    let Some(summary) = summarise_scores(distribution) else { return segments() };
    distribution_chart(
        &summary,
        &DistributionWords {
            title: "How likely are you to recommend us? (0-10)",
            score: "Score",
            responses: "Answers",
            groups: ["Detractors (0-6)", "Passives (7-8)", "Promoters (9-10)"],
            footnote: FOOTNOTE,
            thousands: ',',
        },
    )
}

fn row(label: &str, nps: f64, half_width: f64, n: u64, significant: bool) -> IntervalRow {
    IntervalRow {
        label: label.to_owned(),
        nps,
        ci_low: Some((nps - half_width).max(-100.0)),
        ci_high: Some((nps + half_width).min(100.0)),
        n,
        small_n: n < 30,
        significant,
        benchmark: None,
    }
}

/// NPS per region, with an overall benchmark range.
#[must_use]
pub fn segments() -> ChartSpec {
    let rows = [
        row("Noord-Holland", 31.0, 7.5, 402, true),
        row("Zuid-Holland", 22.0, 8.9, 318, false),
        row("Utrecht", 18.0, 11.2, 190, false),
        row("Gelderland en Overijssel (incl. Twente)", 12.0, 13.0, 141, false),
        row("Noord-Brabant", -4.0, 12.6, 121, true),
        row("Fryslân", 45.0, 29.0, 18, false),
        row("Ærø / Sønderborg (DK)", -22.0, 33.0, 14, false),
    ];
    let overall = BenchmarkMark {
        value: ReferenceValue::Range { low: 20.0, high: 40.0 },
        label: "Retail NL 2024: +20 to +40".to_owned(),
    };
    segments_chart(
        "segments-region",
        &rows,
        Some(&overall),
        &ChartText {
            title: "NPS per region",
            subtitle: "With 95% intervals; pale rows have fewer than 30 answers",
            category_title: "Regio",
            value_title: "Net Promoter Score",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// NPS per channel × country.
#[must_use]
pub fn breakdown() -> ChartSpec {
    let rows = [
        row(&breakdown_label("Webshop", "Nederland"), 28.0, 7.0, 512, true),
        row(&breakdown_label("Webshop", "Danmark"), 19.0, 12.0, 160, false),
        row(&breakdown_label("Winkel", "Nederland"), 9.0, 9.5, 301, true),
        row(&breakdown_label("Winkel", "Danmark"), 14.0, 16.0, 88, false),
        row(&breakdown_label("Klantenservice (telefoon)", "België"), -8.0, 30.0, 22, false),
    ];
    breakdown_chart(
        "breakdown-channel-country",
        &rows,
        &ChartText {
            title: "NPS per channel \u{d7} country",
            subtitle: "",
            category_title: "Kanaal \u{d7} land",
            value_title: "Net Promoter Score",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// Monthly trend with an empty month and significant changes.
#[must_use]
pub fn trend() -> ChartSpec {
    let values: [(&str, Option<f64>, f64, u64, bool); 12] = [
        ("2024-07", Some(14.0), 11.0, 96, false),
        ("2024-08", Some(17.0), 10.5, 104, false),
        ("2024-09", Some(12.0), 10.0, 110, false),
        ("2024-10", Some(24.0), 9.0, 131, false),
        ("2024-11", None, 0.0, 0, false),
        ("2024-12", Some(21.0), 25.0, 21, false),
        ("2025-01", Some(26.0), 9.0, 140, false),
        ("2025-02", Some(7.0), 9.5, 128, true),
        ("2025-03", Some(11.0), 9.2, 133, false),
        ("2025-04", Some(29.0), 8.5, 150, true),
        ("2025-05", Some(31.0), 8.3, 156, false),
        ("2025-06", Some(33.0), 8.0, 162, false),
    ];
    let mut previous: Option<f64> = None;
    let rows: Vec<TrendRow> = values
        .iter()
        .map(|&(period, nps, half, n, significant)| {
            let change = nps.zip(previous).map(|(a, b)| a - b);
            previous = nps.or(previous);
            TrendRow {
                period: period.to_owned(),
                n,
                nps,
                ci_low: nps.map(|v| v - half),
                ci_high: nps.map(|v| v + half),
                change,
                change_significant: significant,
                small_n: n > 0 && n < 30,
            }
        })
        .collect();
    trend_chart(
        &rows,
        &ChartText {
            title: "NPS per month",
            subtitle: "Shaded: 95% interval. No answers in 2024-11.",
            category_title: "Maand",
            value_title: "Net Promoter Score",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// Sectors against their benchmarks (ranges and a single published value).
#[must_use]
pub fn benchmarks() -> ChartSpec {
    let mut rows = vec![
        row("Retail", 24.0, 6.0, 640, false),
        row("Energie", -6.0, 9.0, 260, false),
        row("Bank og forsikring", 12.0, 11.0, 170, false),
        row("Telecom", -18.0, 12.0, 134, false),
    ];
    let marks = [
        Some((ReferenceValue::Range { low: 20.0, high: 40.0 }, "Retail NL 2024")),
        Some((ReferenceValue::Average { value: 2.0 }, "Energy NL 2024 (average)")),
        Some((ReferenceValue::Range { low: 10.0, high: 35.0 }, "Banking DK 2023")),
        None,
    ];
    for (row, mark) in rows.iter_mut().zip(marks) {
        row.benchmark = mark.map(|(value, label)| BenchmarkMark { value, label: label.to_owned() });
    }
    benchmarks_chart(
        &rows,
        &ChartText {
            title: "NPS per sector against benchmarks",
            subtitle: "Telecom: no benchmark for this region",
            category_title: "Sector",
            value_title: "Net Promoter Score",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// What detractors mention.
#[must_use]
pub fn themes() -> ChartSpec {
    let theme = |name: &str, mentions: u64, of: u64| {
        let p = mentions as f64 / of as f64;
        let (low, high) = wilson(p, of as f64);
        ThemeRow {
            theme: name.to_owned(),
            mentions,
            share_pct: 100.0 * p,
            low_pct: 100.0 * low,
            high_pct: 100.0 * high,
            label: format!("{:.1}% ({:.1}-{:.1}%) of {of}", 100.0 * p, 100.0 * low, 100.0 * high),
        }
    };
    let rows = [
        theme("Levertijd / bezorging", 97, 276),
        theme("Prijs", 71, 276),
        theme("Klantenservice slecht bereikbaar", 58, 276),
        theme("Kvalitet af varen", 33, 276),
        theme("Retourneren en terugbetaling duurt veel te lang (meer dan twee weken)", 21, 276),
        theme("Website / app", 12, 276),
    ];
    themes_chart(
        &rows,
        &ChartText {
            title: "What detractors complain about",
            subtitle: "Share of detractors (n = 276) complaining about each theme",
            category_title: "Theme",
            value_title: "% of detractors",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// Wilson 95% interval of a proportion (sample data only; the real one is in `stats`).
fn wilson(p: f64, n: f64) -> (f64, f64) {
    let z: f64 = 1.96;
    let denominator = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denominator;
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// One chart of each kind.
#[must_use]
pub fn all_charts() -> Vec<ChartSpec> {
    vec![headline(), distribution(), segments(), breakdown(), matrix(), trend(), benchmarks(), themes()]
}

/// NPS per channel × country as a matrix: one pair without answers, one under 30, one starred.
#[must_use]
pub fn matrix() -> ChartSpec {
    let cell = |row, column, nps: f64, n, small_n, significant| crate::chart::MatrixCell {
        row,
        column,
        nps,
        ci_low: Some(nps - 12.0),
        ci_high: Some(nps + 11.0),
        n,
        small_n,
        significant,
    };
    let cells = vec![
        cell(0, 0, 34.0, 210, false, true),
        cell(0, 1, 12.0, 150, false, false),
        cell(0, 2, -8.0, 22, true, false),
        cell(1, 0, -31.0, 95, false, true),
        cell(1, 1, 0.4, 80, false, false),
    ];
    crate::chart::matrix_chart(
        "matrix-channel-country",
        &["Web".to_owned(), "Telefoon & \"app\"".to_owned()],
        &["Nederland".to_owned(), "Danmark".to_owned(), "België".to_owned()],
        cells,
        &ChartText {
            title: "NPS per channel × country",
            subtitle: "Each cell: NPS, 95% interval and n; pale cells have fewer than 30 answers",
            category_title: "Channel",
            value_title: "Country",
            footnote: FOOTNOTE,
            thousands: ',',
        },
        &LegendWords::english(),
    )
}

/// A segment table and a data-quality table.
#[must_use]
pub fn all_tables() -> Vec<Table> {
    let segments = Table {
        title: "NPS per regio".to_owned(),
        columns: vec![
            Column::new("Regio", ColumnKind::Text),
            Column::new("n", ColumnKind::Integer),
            Column::new("NPS", ColumnKind::Number { decimals: 1 }),
            Column::new("95% low", ColumnKind::Number { decimals: 1 }),
            Column::new("95% high", ColumnKind::Number { decimals: 1 }),
            Column::new("Promoters", ColumnKind::Percent { decimals: 1 }),
            Column::new("Detractors", ColumnKind::Percent { decimals: 1 }),
        ],
        rows: vec![
            vec![
                "Noord-Holland".into(),
                402u64.into(),
                31.0.into(),
                23.5.into(),
                38.5.into(),
                48.2.into(),
                17.2.into(),
            ],
            vec!["Fryslân".into(), 18u64.into(), 44.4.into(), 15.0.into(), 74.0.into(), 55.6.into(), 11.1.into()],
            vec!["Ærø".into(), 14u64.into(), (-21.4).into(), (-55.0).into(), 11.0.into(), 21.4.into(), 42.9.into()],
            vec![
                "=cmd|' /C calc'!A0".into(),
                3u64.into(),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ],
        ],
    };
    let quality = Table {
        title: "Data quality".to_owned(),
        columns: vec![
            Column::new("Reason", ColumnKind::Text),
            Column::new("Rows", ColumnKind::Integer),
            Column::new("Example rows", ColumnKind::Text),
        ],
        rows: vec![
            vec!["Blank score".into(), 21u64.into(), "4, 17, 230".into()],
            vec!["\"n.v.t.\"".into(), 9u64.into(), "88, 412".into()],
            vec!["Out of range (11, -1)".into(), 6u64.into(), "1002".into()],
            vec!["Not a whole number (7.5)".into(), 2u64.into(), "57".into()],
        ],
    };
    vec![segments, quality]
}
