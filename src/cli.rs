//! The command line: `nps-workbench [FILE]` opens the app, `nps-workbench report FILE ...`
//! prints the analysis as a table or as JSON (the contract in DESIGN.md).
//!
//! Owns argument parsing and text output; all numbers come from `report`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::analysis::{Filter, Period};
use crate::benchmarks::{Audience, DataContext};
use crate::export::write_atomic;
use crate::import::ImportOptions;
use crate::import::Role;
use crate::report::{Report, ReportRequest, report_for_file};

/// Offline Net Promoter Score analysis of customer-survey spreadsheets.
#[derive(Debug, Parser)]
#[command(name = "nps-workbench", version, about, long_about = None)]
pub struct Cli {
    /// What to do; without a command the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A survey file to open in the app (csv, tsv, txt, xlsx, xlsm, xlsb, xls, ods).
    pub file: Option<PathBuf>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a survey file and print NPS with its 95% interval.
    Report(ReportArgs),
    /// Find the themes of the comments: what detractors talk about, with intervals and quotes.
    Themes(ThemesArgs),
}

/// Arguments of `themes`.
#[derive(Debug, clap::Args)]
pub struct ThemesArgs {
    /// The survey file.
    pub file: PathBuf,
    /// Sheet to read in a workbook (default: the first sheet with data).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Column with the 0-10 answers: header, 1-based number or letter (default: detected).
    #[arg(long)]
    pub score: Option<String>,
    /// Keep only rows where COLUMN has VALUE (repeatable; several values of one column are OR).
    #[arg(long = "filter", value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// A codebook (JSON or CSV, as the app exports it) instead of the default one.
    #[arg(long, value_name = "FILE")]
    pub codebook: Option<PathBuf>,
    /// Also list every commented row with its language and themes.
    #[arg(long)]
    pub comments: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Runs `themes` and returns what to print, or the one-line error.
pub fn run_themes(args: &ThemesArgs) -> Result<String, String> {
    let mut filter = Filter::default();
    for condition in &args.filter {
        filter.add_condition(condition)?;
    }
    let request = crate::themes_report::ThemesRequest {
        import: ImportOptions { sheet: args.sheet.clone(), score_column: args.score.clone(), roles: Vec::new() },
        filter,
        codebook: args.codebook.clone(),
        comments: args.comments,
    };
    let report = crate::themes_report::themes_for_file(&args.file, &request)?;
    if args.json {
        serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))
    } else {
        Ok(crate::themes_report::format_themes(&report))
    }
}

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The survey file.
    pub file: PathBuf,
    /// Sheet to read in a workbook (default: the first sheet with data).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Column with the 0-10 answers: header, 1-based number or letter (default: detected).
    #[arg(long)]
    pub score: Option<String>,
    /// Break NPS down by this column (repeatable); `A:B` for a two-way breakdown.
    #[arg(long = "by", value_name = "COLUMN")]
    pub by: Vec<String>,
    /// NPS per period, with its interval and flagged changes.
    #[arg(long, value_name = "PERIOD", value_parser = ["week", "month", "quarter"])]
    pub trend: Option<String>,
    /// Keep only rows where COLUMN has VALUE (repeatable; several values of one column are OR).
    #[arg(long = "filter", value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// Compare the overall NPS with this benchmark (a sector name in English, Dutch or Danish, or
    /// a benchmark id).
    #[arg(long, value_name = "SECTOR")]
    pub benchmark: Option<String>,
    /// Where the respondents are (e.g. NL, DK, US), to warn when a benchmark comes from elsewhere.
    #[arg(long, value_name = "CODE")]
    pub region: Option<String>,
    /// Whether the respondents are businesses or consumers.
    #[arg(long, value_parser = ["b2b", "b2c"])]
    pub audience: Option<String>,
    /// Weight column (default: a column headed weight / gewicht / vægt, if any).
    #[arg(long, value_name = "COLUMN")]
    pub weight: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write report.json into this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Runs `report` and returns what to print, or the one-line error.
pub fn run_report(args: &ReportArgs) -> Result<String, String> {
    let mut filter = Filter::default();
    for condition in &args.filter {
        filter.add_condition(condition)?;
    }
    let trend = args.trend.as_deref().map(|p| match p {
        "week" => Period::Week,
        "quarter" => Period::Quarter,
        _ => Period::Month,
    });
    let roles = args.weight.iter().map(|w| (w.clone(), Role::Weight)).collect();
    let request = ReportRequest {
        import: ImportOptions { sheet: args.sheet.clone(), score_column: args.score.clone(), roles },
        by: args.by.clone(),
        trend,
        filter,
        context: DataContext {
            region: args.region.clone(),
            audience: args.audience.as_deref().map(|a| if a == "b2c" { Audience::B2c } else { Audience::B2b }),
        },
        overall_benchmark: args.benchmark.clone(),
    };
    let report = report_for_file(&args.file, &request).map_err(|e| e.to_string())?;
    let json = serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))?;
    if let Some(dir) = &args.out {
        let target = dir.join("report.json");
        std::fs::create_dir_all(dir)
            .and_then(|()| write_atomic(&target, json.as_bytes()))
            .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    }
    Ok(if args.json { json } else { format_table(&report) })
}

/// Formats a signed NPS like `+23.4`.
#[must_use]
pub fn signed(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{rounded:.1}")
    }
}

/// The readable text report.
#[must_use]
pub fn format_table(report: &Report) -> String {
    let mut out = String::new();
    let s = &report.source;
    let how = match (&s.sheet, s.encoding, &s.delimiter) {
        (Some(sheet), _, _) => format!("sheet '{sheet}'"),
        (None, Some(enc), Some(d)) => format!("{enc}, delimiter '{d}'"),
        _ => String::new(),
    };
    let _ = writeln!(out, "{} ({how}), {}, header row {}", s.file, report.layout_label, s.header_row);
    if s.title_rows > 0 || !s.footer_rows.is_empty() {
        let footer: Vec<String> = s.footer_rows.iter().map(ToString::to_string).collect();
        let _ = writeln!(
            out,
            "Left out: {} title row(s) above the header; totals or notes in row(s) {}",
            s.title_rows,
            if footer.is_empty() { "-".to_owned() } else { footer.join(", ") }
        );
    }
    for m in &s.merged_choices {
        let _ = writeln!(out, "'{}': {} choice columns read as one column", m.column, m.from_columns);
    }
    let _ = writeln!(
        out,
        "Score column '{}': {} rows read, {} used, {} excluded",
        report.columns.score,
        report.rows_read,
        report.rows_used,
        report.rows_read - report.rows_used
    );
    for e in &report.excluded {
        let examples: Vec<String> =
            e.examples.iter().zip(&e.values).map(|(row, value)| format!("row {row} '{value}'")).collect();
        let _ = writeln!(out, "  excluded, {}: {} ({})", e.reason.replace('_', " "), e.rows, examples.join(", "));
    }
    let o = &report.overall;
    let _ = writeln!(out);
    if !report.filter.is_empty() {
        let _ = writeln!(out, "Filter: {}", report.filter);
    }
    let _ = writeln!(
        out,
        "NPS {}  95% CI {} to {} (adjusted Wald)  n = {}",
        signed(o.nps),
        signed(o.ci_low),
        signed(o.ci_high),
        o.n
    );
    let _ = writeln!(
        out,
        "Promoters {:.1}% ({})  Passives {:.1}% ({})  Detractors {:.1}% ({})  Mean {:.2}",
        o.promoter_pct, o.promoters, o.passive_pct, o.passives, o.detractor_pct, o.detractors, o.mean
    );
    let _ = writeln!(out);
    let _ = writeln!(out, "Score {}", (0..=10).map(|i| format!("{i:>6}")).collect::<String>());
    let _ = writeln!(out, "Count {}", o.distribution.iter().map(|c| format!("{c:>6}")).collect::<String>());
    for (name, metric) in [("CES", &o.metrics.ces), ("CSAT", &o.metrics.csat), ("Grade", &o.metrics.grade)] {
        let Some(m) = metric else { continue };
        let _ = writeln!(
            out,
            "{name} '{}' ({}{}): mean {:.2}{}, {} {:.1}% ({:.1} to {:.1}), n = {}",
            m.column,
            m.scale,
            if m.higher_is_better { "" } else { ", lower is better" },
            m.mean,
            match (m.mean_low, m.mean_high) {
                (Some(low), Some(high)) => format!(" (95% CI {low:.2} to {high:.2})"),
                _ => " (one answer: no interval)".to_owned(),
            },
            share_words(m.share),
            m.share_pct,
            m.share_low,
            m.share_high,
            m.n
        );
    }
    let mut current = "";
    for row in &report.segments {
        if row.column != current {
            current = &row.column;
            let _ = writeln!(out);
            let _ = writeln!(out, "By {current}");
            let _ = writeln!(
                out,
                "  {:<28} {:>7} {:>7} {:>17} {:>6} {:>6} {:>6} {:>8} {:>7}",
                "value", "n", "NPS", "95% CI", "P%", "Pa%", "D%", "vs rest", "p"
            );
        }
        let m = &row.summary;
        let mut flags = String::new();
        if row.significant {
            flags.push_str("  * significant (Holm)");
        }
        if row.small_n {
            flags.push_str("  small n");
        }
        let _ = writeln!(
            out,
            "  {:<28} {:>7} {:>7} {:>17} {:>6.1} {:>6.1} {:>6.1} {:>8} {:>7}{flags}",
            truncate(&row.value, 28),
            m.n,
            signed(m.nps),
            format!("{} to {}", signed(m.ci_low), signed(m.ci_high)),
            m.promoter_pct,
            m.passive_pct,
            m.detractor_pct,
            row.difference_vs_rest.map_or_else(|| "-".to_owned(), signed),
            row.p_value.map_or_else(|| "-".to_owned(), |p| format!("{p:.3}")),
        );
        if let Some(b) = &row.benchmark {
            let published = match (b.low, b.high, b.value) {
                (Some(lo), Some(hi), _) => format!("range {} to {}", signed(lo), signed(hi)),
                (_, _, Some(v)) => format!("single value {}", signed(v)),
                _ => String::new(),
            };
            let verdict =
                serde_json::to_value(b.verdict).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let _ = writeln!(
                out,
                "    benchmark {} {published}: {} ({}, {}, {}, {})",
                b.sector,
                verdict.replace('_', " "),
                b.source,
                b.year,
                b.region,
                b.audience
            );
            for w in &b.warnings {
                let _ = writeln!(out, "      note: {w}");
            }
        }
    }
    if let Some(points) = &report.trend {
        let _ = writeln!(out);
        let _ = writeln!(out, "Trend");
        let _ = writeln!(out, "  {:<10} {:>7} {:>7} {:>17} {:>8}", "period", "n", "NPS", "95% CI", "change");
        for p in points {
            let (nps, ci) = match (p.nps, p.ci_low, p.ci_high) {
                (Some(v), Some(lo), Some(hi)) => (signed(v), format!("{} to {}", signed(lo), signed(hi))),
                _ => ("-".to_owned(), "no answers".to_owned()),
            };
            let change = p.change.map_or_else(|| "-".to_owned(), signed);
            let flag = if p.change_significant { "  * significant change" } else { "" };
            let _ = writeln!(out, "  {:<10} {:>7} {:>7} {:>17} {:>8}{flag}", p.period, p.n, nps, ci, change);
        }
    }
    out
}

/// The share a metric reports, in words.
fn share_words(share: &str) -> &'static str {
    match share {
        "top_2_box" => "top-2-box (4-5)",
        "agree_5_7" => "agree (5-7)",
        "low_effort_1_2" => "low effort (1-2)",
        _ => "8 or more",
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        text.chars().take(width - 1).chain(std::iter::once('…')).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_rounding() {
        assert_eq!(signed(23.44), "+23.4");
        assert_eq!(signed(-0.04), "0.0");
        assert_eq!(signed(-5.06), "-5.1");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
