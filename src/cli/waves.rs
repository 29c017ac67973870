//! `compare PREVIOUS CURRENT` (this wave against the previous one) and `plan` (how many answers
//! a survey needs): their arguments, how they run and their text output.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::{ReportFailure, output_language, read_project, usage};
use crate::analysis::waves::{MatchedBy, MatchedColumn, Wave, WaveComparison, compare_waves, match_column};
use crate::analysis::{Filter, Survey, SurveyParts};
use crate::i18n::waves::WaveTexts;
use crate::i18n::{Language, fill};
use crate::import::{self, ImportOptions, ImportedTable};
use crate::stats::plan;

/// Arguments of `compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The previous wave's survey file.
    pub previous: PathBuf,
    /// This wave's survey file (its columns may be laid out differently: they are matched by
    /// role, header and values).
    pub current: PathBuf,
    /// Compare per value of this segment column of CURRENT (repeatable); the previous wave's
    /// column is the one with the same header, else the one holding the same values.
    #[arg(long = "by", value_name = "COLUMN")]
    pub by: Vec<String>,
    /// Read both files as this project says (their roles); a file whose columns do not fit the
    /// project is refused, naming the missing columns.
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<PathBuf>,
    /// Weighting to the population: both waves are raked to the same margins.
    #[command(flatten)]
    pub rake: super::RakeArgs,
    /// Print the comparison as JSON (language-neutral).
    #[arg(long)]
    pub json: bool,
    /// Also write compare.json, the comparison's charts (SVG, PNG), table (CSV, xlsx), an HTML
    /// and a PDF report and a slide deck into DIR, in the language of --lang.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language of the text output: en, nl or da (default: the system locale).
    #[arg(long, value_parser = ["en", "nl", "da"])]
    pub lang: Option<String>,
}

/// Arguments of `plan`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("goal").required(true).args(["margin", "change"])))]
pub struct PlanArgs {
    /// A survey file whose split of promoters, passives and detractors is the one to expect
    /// (default: --split, else the worst case).
    pub file: Option<PathBuf>,
    /// Answers for a 95% interval of +/-E NPS points (e.g. 5).
    #[arg(long, value_name = "E")]
    pub margin: Option<f64>,
    /// Answers per wave to detect a change of D NPS points between two waves (80% power, 5%
    /// level, two-sided).
    #[arg(long, value_name = "D")]
    pub change: Option<f64>,
    /// The expected split in percent of promoters, passives and detractors (e.g. 40,40,20).
    #[arg(long, value_name = "P,Pa,D", conflicts_with = "file")]
    pub split: Option<String>,
    /// The number of customers the answers are drawn from (finite-population correction).
    #[arg(long, value_name = "N")]
    pub population: Option<u64>,
    /// The share of the invited who answer, in percent (e.g. 20 or 20%): also says how many to
    /// invite.
    #[arg(long, value_name = "R")]
    pub response_rate: Option<String>,
    /// Print the plan as JSON.
    #[arg(long)]
    pub json: bool,
    /// Language of the text output: en, nl or da (default: the system locale).
    #[arg(long, value_parser = ["en", "nl", "da"])]
    pub lang: Option<String>,
}

/// A compared column as the JSON shows it: its header in both waves and how it was found.
#[derive(Debug, Serialize)]
struct ColumnMatch {
    previous: String,
    current: String,
    matched: MatchedBy,
}

/// What `compare --json` prints.
#[derive(Debug, Serialize)]
struct CompareJson<'a> {
    previous_file: String,
    current_file: String,
    columns: Vec<ColumnMatch>,
    #[serde(flatten)]
    comparison: &'a WaveComparison,
    /// The detractor themes of both waves, when both files have comments.
    themes: &'a [crate::themes_report::ThemeChange],
    /// The same per segment of the columns compared.
    segment_themes: &'a [crate::themes_report::SegmentThemeChanges],
}

/// Reads one wave's file: by the project's roles when one is given, else as the import finds it.
fn read_wave(
    file: &std::path::Path,
    project: Option<&(crate::project::Project, String)>,
    rake: &super::RakeArgs,
) -> Result<ImportedTable, ReportFailure> {
    let options = ImportOptions::default();
    let table = match project {
        Some((p, name)) => {
            p.read_survey(file, name, &options, &mut |_| true).map_err(|e| ReportFailure::from(e.to_string()))?.0
        }
        None => import::read_file(file, &options, &mut |_| true).map_err(|e| e.to_string())?,
    };
    import::require_named_score(&table).map_err(|e| e.to_string())?;
    Ok(rake.apply(table, project.map(|(p, _)| p))?.0)
}

/// Types what the comparison needs of a wave's table: its score, weights, IDs, metrics and the
/// columns compared.
fn wave_survey(table: &ImportedTable, columns: &[String]) -> Result<Survey, ReportFailure> {
    let parts = SurveyParts { segments: Some(Vec::new()), dates: false, comments: false, metrics: true };
    Survey::from_table_with(table, columns, &parts).map_err(|e| ReportFailure::from(e.to_string()))
}

/// Runs `compare`: the text (or JSON) to print, or the one-line failure with its exit status.
/// Hints (columns matched by their values) are added to `warnings`; the files `--out` wrote to
/// `written`.
pub fn run_compare(
    args: &CompareArgs,
    warnings: &mut Vec<String>,
    written: &mut Vec<PathBuf>,
) -> Result<String, ReportFailure> {
    if let Some(out) = args.out.as_ref().filter(|out| out.exists() && !out.is_dir()) {
        return Err(usage(format!(
            "--out {}: is a file; name a folder for the comparison's files (it is made when missing)",
            out.display()
        )));
    }
    let same = |a: &std::path::Path, b: &std::path::Path| {
        a == b || std::fs::canonicalize(a).ok().zip(std::fs::canonicalize(b).ok()).is_some_and(|(a, b)| a == b)
    };
    if same(&args.previous, &args.current) {
        return Err(usage(format!(
            "{}: is both the previous and this wave; give the previous wave's file first, then this wave's",
            import::display_name(&args.current)
        )));
    }
    let project = read_project(args.project.as_ref())?;
    // Both files at once: reading is most of the time a comparison takes.
    let (before, after) = crate::parallel::both(
        || read_wave(&args.previous, project.as_ref(), &args.rake),
        || read_wave(&args.current, project.as_ref(), &args.rake),
    );
    let (before, after) = (before?, after?);
    let language = output_language(args.lang.as_deref());
    let w = WaveTexts::of(language);
    let mut matched = Vec::new();
    for by in &args.by {
        let here = after.column_index(by.trim()).map_err(|e| usage(e.to_string()))?;
        let current = after.headers[here].clone();
        if matched.iter().any(|m: &ColumnMatch| m.current == current) {
            warnings.push(format!("--by '{by}' is given twice; it is compared once"));
            continue;
        }
        let (previous, how) = match_column(&before, &after, &current).map_err(usage)?;
        if let MatchedBy::Values { shared } = how {
            let shared = format!("{:.0}%", 100.0 * shared);
            warnings.push(fill(
                w.matched_by_values,
                &[("current", &current), ("previous", &previous), ("shared", &shared)],
            ));
        }
        matched.push(ColumnMatch { previous, current, matched: how });
    }
    let old_columns: Vec<String> = matched.iter().map(|m| m.previous.clone()).collect();
    let new_columns: Vec<String> = matched.iter().map(|m| m.current.clone()).collect();
    let (old, new) = crate::parallel::both(|| wave_survey(&before, &old_columns), || wave_survey(&after, &new_columns));
    let (old, new) = (old?, new?);
    for (survey, column) in old_columns.iter().map(|c| (&old, c)).chain(new_columns.iter().map(|c| (&new, c))) {
        let values = survey.segment(column).map_or(0, |s| s.labels.len());
        if values > crate::analysis::waves::MAX_VALUES {
            return Err(usage(format!(
                "{}: '{column}' has {values} different values; compare per a column of at most {} (region, channel, product)",
                survey.source.file_name,
                crate::analysis::waves::MAX_VALUES
            )));
        }
    }
    let pairs: Vec<MatchedColumn> =
        matched.iter().map(|m| MatchedColumn { previous: m.previous.clone(), current: m.current.clone() }).collect();
    let all = Filter::default();
    let comparison = compare_waves(Wave { survey: &old, filter: &all }, Wave { survey: &new, filter: &all }, &pairs)
        .map_err(|e| ReportFailure::from(e.to_string()))?;
    // What detractors complain about in each wave, when both files have comments.
    let (codebook, _) = super::chosen_codebook(None, None, project.as_ref().map(|(p, _)| p))?;
    let themes = crate::themes_report::wave_theme_changes(
        (&before, &all),
        (&after, &all),
        &comparison,
        &pairs,
        &codebook,
        language.comment_language(),
    )
    .map_err(ReportFailure::from)?;
    let (previous_file, current_file) = (before.source.place(), after.source.place());
    let names = (before.source.file_name.clone(), after.source.file_name.clone());
    let json = CompareJson {
        previous_file,
        current_file,
        columns: matched,
        comparison: &comparison,
        themes: &themes.overall,
        segment_themes: &themes.segments,
    };
    let json =
        serde_json::to_string_pretty(&json).map_err(|e| ReportFailure::from(format!("cannot write JSON: {e}")))?;
    if let Some(dir) = &args.out {
        write_comparison(dir, &json, (&comparison, &themes), (&names.0, &names.1), language, written)?;
    }
    if args.json {
        return Ok(json);
    }
    let text = format_comparison(&comparison, (&before.source.place(), &after.source.place()), &themes, language);
    Ok(text)
}

/// Writes `compare.json` and every figure of the comparison into `dir`, in `language`; every file
/// written is added to `written`. Fails naming the first file not written (the others are still
/// written, and listed).
fn write_comparison(
    dir: &std::path::Path,
    json: &str,
    (comparison, themes): (&WaveComparison, &crate::themes_report::WaveThemes),
    files: (&str, &str),
    language: Language,
    written: &mut Vec<PathBuf>,
) -> Result<(), ReportFailure> {
    let target = dir.join("compare.json");
    std::fs::create_dir_all(dir)
        .and_then(|()| crate::files::write_atomic(&target, json.as_bytes()))
        .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    written.push(target);
    let (words, v) = (crate::figures::Words::of(language), WaveTexts::of(language));
    let charts = crate::figures::wave_charts(comparison, files, &words, v);
    let mut tables = vec![crate::figures::wave_table(comparison, &words, v)];
    if !themes.overall.is_empty() {
        tables.push(crate::figures::wave_themes_table(&themes.overall, &words, v));
    }
    if !themes.segments.is_empty() {
        tables.push(crate::figures::wave_segment_themes_table(&themes.segments, &words, v));
    }
    let info = crate::figures::wave_report_info(files, &words, v);
    let outcome = crate::export::export_all(dir, &charts, &tables, &info, &crate::export::ExportOptions::default());
    written.extend(outcome.written);
    outcome.failed.first().map_or(Ok(()), |error| Err(ReportFailure::from(error.to_string())))
}

/// The comparison as readable text in `language`: the summary the window shows, then a table per
/// column compared.
#[must_use]
pub fn format_comparison(
    c: &WaveComparison,
    (previous, current): (&str, &str),
    themes: &crate::themes_report::WaveThemes,
    language: Language,
) -> String {
    let (t, w) = (language.texts(), WaveTexts::of(language));
    let mut out = String::new();
    let _ = writeln!(out, "{}", fill(w.files, &[("previous", previous), ("current", current)]));
    let words = crate::figures::Words::of(language);
    for (line, _) in crate::figures::wave_lines(c, (previous, current), &themes.overall, &words, w) {
        let _ = writeln!(out, "{line}");
    }
    let interval = |low: Option<f64>, high: Option<f64>| {
        (low.map_or_else(|| "-".to_owned(), |v| t.signed(v)), high.map_or_else(|| "-".to_owned(), |v| t.signed(v)))
    };
    let mut column: Option<&str> = None;
    for row in &c.segments {
        if column != Some(row.column.as_str()) {
            column = Some(&row.column);
            let _ = writeln!(out, "\n{}", fill(w.segments_heading, &[("column", &row.column)]));
            let _ = writeln!(out, "  {}", w.segment_header.join(" | "));
        }
        let figures = |s: &Option<crate::analysis::NpsSummary>| {
            s.as_ref().map_or_else(|| ("0".to_owned(), "-".to_owned()), |s| (t.count(s.n), t.signed(s.nps)))
        };
        let ((n_before, nps_before), (n_now, nps_now)) = (figures(&row.previous), figures(&row.current));
        let ch = &row.change;
        let change = ch.nps.map_or_else(|| "-".to_owned(), |v| t.signed(v));
        let mark = if ch.significant { " *" } else { "" };
        let (low, high) = interval(ch.ci_low, ch.ci_high);
        let mdd = ch.minimum_detectable.map_or_else(|| "-".to_owned(), |m| format!("+/-{}", t.number(m, 1)));
        let cells = [
            row.value.clone(),
            n_before,
            nps_before,
            n_now,
            nps_now,
            format!("{change}{mark}"),
            format!("{low} .. {high}"),
            mdd,
        ];
        let _ = writeln!(out, "  {}", cells.join(" | "));
    }
    if !themes.segments.is_empty() {
        let _ = writeln!(out, "\n{}:", w.segment_themes_title);
    }
    for segment in &themes.segments {
        for (i, (line, _)) in crate::figures::segment_theme_lines(segment, &words, w).into_iter().enumerate() {
            let _ = writeln!(out, "{}{line}", if i == 0 { "" } else { "  " });
        }
    }
    out
}

/// What `plan --json` prints.
#[derive(Debug, Serialize)]
struct PlanJson {
    /// Answers needed (per wave for a change).
    n: u64,
    /// Invitations to send, with a response rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    invitations: Option<u64>,
    /// The goal: `margin` or `change`, in NPS points.
    goal: &'static str,
    /// Its size, points.
    points: f64,
    /// Variance of one answer's -1/0/+1 value assumed.
    variance: f64,
    /// The split assumed (percent of promoters, passives, detractors); absent for the worst case.
    #[serde(skip_serializing_if = "Option::is_none")]
    split: Option<[f64; 3]>,
    /// Answers before the finite-population correction.
    n_infinite: u64,
    /// The customer base, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    population: Option<u64>,
    /// The response rate, percent, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    response_rate: Option<f64>,
}

/// A split `P,Pa,D` in percent.
fn parse_split(text: &str) -> Result<[f64; 3], ReportFailure> {
    let parts: Vec<f64> = text
        .split([',', ';', '/'])
        .map(|p| p.trim().trim_end_matches('%').trim().replace(',', ".").parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| {
            usage(format!("--split '{text}': give three percentages, promoters,passives,detractors (e.g. 40,40,20)"))
        })?;
    match parts.as_slice() {
        [p, pa, d] if [*p, *pa, *d].iter().all(|x| (0.0..=100.0).contains(x)) && (p + pa + d - 100.0).abs() <= 1.0 => {
            Ok([*p, *pa, *d])
        }
        _ => Err(usage(format!(
            "--split '{text}': give three percentages of promoters, passives and detractors that add up to 100 (e.g. 40,40,20)"
        ))),
    }
}

/// The response rate `R` (`20` or `20%`) as a share.
fn parse_rate(text: &str) -> Result<f64, ReportFailure> {
    let value: f64 = text.trim().trim_end_matches('%').trim().replace(',', ".").parse().map_err(|_| {
        usage(format!("--response-rate '{text}': give the percentage of the invited who answer (e.g. 20)"))
    })?;
    if value > 0.0 && value <= 100.0 {
        Ok(value / 100.0)
    } else {
        Err(usage(format!("--response-rate '{text}': give a percentage above 0 and at most 100 (e.g. 20)")))
    }
}

/// The split of promoters, passives and detractors of a survey file, percent.
fn split_of_file(file: &std::path::Path) -> Result<[f64; 3], ReportFailure> {
    let table = read_wave(file, None, &super::RakeArgs::default())?;
    let survey = wave_survey(&table, &[])?;
    let all = crate::analysis::aggregate(&survey, &crate::analysis::Query::default())
        .map_err(|e| ReportFailure::from(e.to_string()))?;
    let summary = crate::analysis::NpsSummary::from_tally(&all.overall.nps, survey.is_weighted())
        .ok_or_else(|| ReportFailure::from(format!("{}: no answer to take the split from", table.source.place())))?;
    Ok([summary.promoter_pct, summary.passive_pct, summary.detractor_pct])
}

/// Runs `plan`: the text (or JSON) to print, or the one-line failure with its exit status.
pub fn run_plan(args: &PlanArgs) -> Result<String, ReportFailure> {
    let points = args.margin.or(args.change).unwrap_or_default();
    let goal = if args.margin.is_some() { "margin" } else { "change" };
    if !(points.is_finite() && points > 0.0 && points <= 200.0) {
        return Err(usage(format!("--{goal} {points}: give NPS points above 0 (e.g. 5)")));
    }
    let split = match (&args.split, &args.file) {
        (Some(text), _) => Some(parse_split(text)?),
        (None, Some(file)) => Some(split_of_file(file)?),
        (None, None) => None,
    };
    let variance = match split {
        Some([p, pa, d]) => plan::split_variance(p, pa, d).unwrap_or(plan::WORST_CASE_VARIANCE),
        None => plan::WORST_CASE_VARIANCE,
    };
    if variance <= 0.0 {
        return Err(usage(
            "the split is all one group, so the answers would not vary and any size would do; give the split you expect (e.g. 40,40,20)"
                .to_owned(),
        ));
    }
    let n_infinite = if args.margin.is_some() {
        plan::answers_for_margin(points / 100.0, variance)
    } else {
        plan::answers_per_wave(points / 100.0, variance, variance)
    }
    .ok_or_else(|| usage(format!("--{goal} {points}: cannot plan for it")))?;
    if args.population == Some(0) {
        return Err(usage("--population 0: give the number of customers the answers come from".to_owned()));
    }
    let n = args.population.map_or(n_infinite, |population| plan::finite_population(n_infinite, population));
    let rate = args.response_rate.as_deref().map(parse_rate).transpose()?;
    let invitations = rate.and_then(|r| plan::invitations(n, r));
    if args.json {
        let json = PlanJson {
            n,
            invitations,
            goal,
            points,
            variance,
            split,
            n_infinite,
            population: args.population,
            response_rate: rate.map(|r| 100.0 * r),
        };
        return serde_json::to_string_pretty(&json).map_err(|e| ReportFailure::from(format!("cannot write JSON: {e}")));
    }
    let language = output_language(args.lang.as_deref());
    let (t, w) = (language.texts(), WaveTexts::of(language));
    let mut out = String::new();
    let (template, key) = if args.margin.is_some() { (w.plan_margin, "margin") } else { (w.plan_change, "change") };
    let _ = write!(out, "{}", fill(template, &[("n", &t.count(n)), (key, &t.number(points, 1))]));
    if let Some(population) = args.population {
        let _ = write!(out, ", {}", fill(w.plan_population, &[("population", &t.count(population))]));
    }
    let _ = writeln!(out);
    if let (Some(invitations), Some(rate)) = (invitations, rate) {
        let values = [("invitations", t.count(invitations)), ("rate", t.number(100.0 * rate, 1))];
        let _ = writeln!(out, "{}", crate::i18n::fill_owned(w.plan_invitations, &values));
    }
    match split {
        Some([p, pa, d]) => {
            let values = [
                ("p", t.number(p, 1)),
                ("pa", t.number(pa, 1)),
                ("d", t.number(d, 1)),
                ("variance", t.number(variance, 3)),
            ];
            let _ = writeln!(out, "{}", crate::i18n::fill_owned(w.plan_split, &values));
        }
        None => {
            let _ = writeln!(out, "{}", w.plan_worst_case);
        }
    }
    let _ = writeln!(out, "{}", w.plan_method);
    Ok(out)
}
