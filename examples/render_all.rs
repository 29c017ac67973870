//! Renders one chart of each kind (SVG and PNG), the tables (CSV, xlsx), the HTML report and the
//! slide deck from made-up data to `/tmp/export-samples/` (or the folder given as argument), so
//! they can be looked at.

use std::path::PathBuf;

use nps_workbench::chart::{
    ChartSpec, ChartText, IntervalRow, LegendWords, TrendRow, breakdown_chart, breakdown_label, segments_chart,
    themes_chart, trend_chart,
};
use nps_workbench::export::png::{Scale, render_png};
use nps_workbench::export::svg::SvgOptions;
use nps_workbench::export::{ExportOptions, export_all, samples};
use nps_workbench::files::write_atomic;

/// Charts at the edges: many rows, many periods with gaps, nothing at all.
fn edge_charts() -> Vec<ChartSpec> {
    let text = |title: &'static str| ChartText {
        title,
        subtitle: "",
        category_title: "Segment",
        value_title: "NPS",
        footnote: "n = 0 \u{b7} edge case",
        thousands: ',',
    };
    let words = LegendWords::english();
    let countries = ["Nederland", "Danmark", "België", "Deutschland", "Sverige", "Norge", "Ísland"];
    let channels = ["Webshop", "Winkel", "Telefoon", "Buitendienst (accountmanager)"];
    let rows: Vec<IntervalRow> = channels
        .iter()
        .flat_map(|c| countries.iter().map(move |k| (c, k)))
        .enumerate()
        .map(|(i, (c, k))| {
            let nps = ((i * 37) % 150) as f64 - 60.0;
            IntervalRow {
                label: breakdown_label(c, k),
                nps,
                ci_low: Some((nps - 15.0).max(-100.0)),
                ci_high: Some((nps + 15.0).min(100.0)),
                n: (i as u64 * 13) % 200,
                small_n: (i as u64 * 13) % 200 < 30,
                significant: i % 5 == 0,
                benchmark: None,
            }
        })
        .collect();
    let weeks: Vec<TrendRow> = (1..=52)
        .map(|w| {
            let empty = matches!(w, 5 | 6 | 20 | 22 | 40);
            let nps = (!empty).then(|| ((w * 7) % 60) as f64 - 20.0);
            TrendRow {
                period: format!("2025-W{w:02}"),
                n: if empty { 0 } else { 40 },
                nps,
                ci_low: nps.map(|v| v - 12.0),
                ci_high: nps.map(|v| v + 12.0),
                change: Some(if w % 2 == 0 { 5.0 } else { -5.0 }),
                change_significant: w % 11 == 0,
                small_n: false,
            }
        })
        .collect();
    vec![
        breakdown_chart("edge-28-rows", &rows, &text("28 two-way cells"), &words),
        trend_chart(&weeks, &text("52 weeks with gaps and a lone week (21)"), &words),
        segments_chart("edge-empty", &[], None, &text("No rows at all"), &words),
        themes_chart(&[], &text("No themes"), &words),
    ]
}

fn main() -> std::process::ExitCode {
    let dir = std::env::args().nth(1).map_or_else(|| PathBuf::from("/tmp/export-samples"), PathBuf::from);
    let scale = if std::env::args().any(|a| a == "--2x") { Scale::X2 } else { Scale::X1 };
    let started = std::time::Instant::now();
    let outcome = export_all(
        &dir,
        &samples::all_charts(),
        &samples::all_tables(),
        &samples::report_info(),
        &ExportOptions { scale, ..ExportOptions::default() },
    );
    for path in &outcome.written {
        println!("wrote {}", path.display());
    }
    for error in &outcome.failed {
        eprintln!("{error}");
    }
    let edge = dir.join("edge");
    let _ = std::fs::create_dir_all(&edge);
    for spec in edge_charts() {
        let path = edge.join(format!("{}.png", spec.id));
        match render_png(&spec, &SvgOptions::default(), scale) {
            Ok(bytes) => match write_atomic(&path, &bytes) {
                Ok(()) => println!("wrote {}", path.display()),
                Err(e) => eprintln!("Could not write {}: {e}", path.display()),
            },
            Err(e) => eprintln!("{e}"),
        }
    }
    println!("{} files in {} ms", outcome.written.len(), started.elapsed().as_millis());
    if outcome.is_complete() { std::process::ExitCode::SUCCESS } else { std::process::ExitCode::FAILURE }
}
