//! `drivers`: the key driver analysis of a survey file on the command line, as text or JSON; and
//! `--rake`, the weighting to population margins that `report`, `drivers` and `compare` take.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::{InputArgs, ReadArgs, ReportFailure, chosen_codebook, output_language, read_project, scale_check, usage};
use crate::analysis::drivers::{DriverAnalysis, driver_analysis, driver_analysis_by};
use crate::analysis::weighting::{RakeSummary, Weighting, rake_table, read_margins};
use crate::analysis::{Survey, SurveyParts};
use crate::i18n::drivers::DriverTexts;
use crate::i18n::{Language, fill};
use crate::import::{self, ImportOptions, ImportedTable};
use crate::stats::drivers::{DriverOptions, Missing, Model};

/// Weighting to the population, for `report`, `drivers` and `compare`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct RakeArgs {
    /// Weight the answers to the population: a CSV (`;` or `,`) with the header
    /// column,value,share (or count) and a row per value of one to four columns; the weights go
    /// through every number, interval and test (a weight column of the file is where raking
    /// starts).
    #[arg(long, value_name = "MARGINS")]
    pub rake: Option<PathBuf>,
    /// Cap the raked weights to LO,HI times the mean weight and rake again (e.g. 0.3,3).
    #[arg(long, value_name = "LO,HI", requires = "rake")]
    pub trim: Option<String>,
}

impl RakeArgs {
    /// The weighting asked: `--rake` (with `--trim`), else the `project`'s.
    pub fn weighting(&self, project: Option<&crate::project::Project>) -> Result<Option<Weighting>, ReportFailure> {
        let Some(file) = &self.rake else { return Ok(project.and_then(|p| p.weighting.clone())) };
        let trim = self.trim.as_deref().map(parse_trim).transpose()?;
        let margins = read_margins(file).map_err(ReportFailure::from)?;
        Ok(Some(Weighting { file: import::display_name(file), margins, trim }))
    }

    /// `table` raked to the margins asked (or the `project`'s), with what raking did and the
    /// weighting; the table as it is without either.
    pub fn apply(
        &self,
        table: ImportedTable,
        project: Option<&crate::project::Project>,
    ) -> Result<(ImportedTable, Option<RakeSummary>, Option<Weighting>), ReportFailure> {
        let Some(weighting) = self.weighting(project)? else { return Ok((table, None, None)) };
        let (table, summary) = rake_table(table, &weighting.margins, weighting.trim)
            .map_err(|e| ReportFailure::from(format!("{}: {e}", weighting.file)))?;
        Ok((table, Some(summary), Some(weighting)))
    }
}

/// `--trim LO,HI`: two numbers, 0 <= LO <= 1 <= HI.
fn parse_trim(text: &str) -> Result<(f64, f64), ReportFailure> {
    let bad = || usage(format!("--trim {text}: give LO,HI with 0 <= LO <= 1 <= HI, e.g. 0.3,3"));
    let (low, high) = text.split_once(',').ok_or_else(bad)?;
    let (low, high): (f64, f64) = (low.trim().parse().map_err(|_| bad())?, high.trim().parse().map_err(|_| bad())?);
    if (0.0..=1.0).contains(&low) && high >= 1.0 && high.is_finite() { Ok((low, high)) } else { Err(bad()) }
}

/// Arguments of `drivers`.
#[derive(Debug, clap::Args)]
pub struct DriversArgs {
    /// The survey file and the project.
    #[command(flatten)]
    pub input: InputArgs,
    /// The sheet and the score column to read.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Keep only rows where COLUMN has VALUE (repeatable; several values of one column are OR).
    #[arg(long = "filter", value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// Also analyse per value of this segment column.
    #[arg(long, value_name = "COLUMN")]
    pub by: Option<String>,
    /// Also take the complaint themes of the comments as drivers (1 where a comment complains
    /// about the theme, 0 where it does not; respondents without a comment have no value).
    #[arg(long)]
    pub themes: bool,
    /// The sector codebook for --themes (default: the project's, else general).
    #[arg(long, value_name = "NAME", requires = "themes")]
    pub preset: Option<String>,
    /// Leave missing answers out pair by pair instead of leaving out every respondent without
    /// an answer to every driver.
    #[arg(long, conflicts_with = "promoter")]
    pub pairwise: bool,
    /// Explain being a promoter (9-10) or not instead of the 0-10 score: logistic regression,
    /// Johnson's weights of its latent R² (McKelvey and Zavoina); listwise, without Shapley
    /// values.
    #[arg(long)]
    pub promoter: bool,
    /// Bootstrap resamples for the intervals (0: none).
    #[arg(long, default_value_t = 1_000)]
    pub resamples: usize,
    /// The bootstrap's seed: the same seed gives the same intervals.
    #[arg(long, default_value_t = DriverOptions::default().seed)]
    pub seed: u64,
    /// Weighting to the population.
    #[command(flatten)]
    pub rake: RakeArgs,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write drivers.json, the importance/performance map (SVG, PNG) and the table (CSV,
    /// xlsx) of everyone and of each --by value, an HTML and a PDF report and a slide deck into
    /// DIR, in the language of --lang.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Language of the text output: en, nl or da (default: the system locale).
    #[arg(long, value_name = "LANG", value_parser = ["en", "nl", "da"])]
    pub lang: Option<String>,
}

/// What `drivers --json` prints.
#[derive(Debug, Serialize)]
struct DriversJson<'a> {
    file: String,
    filter: String,
    #[serde(flatten)]
    overall: &'a DriverAnalysis,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    segments: Vec<SegmentJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raking: Option<&'a RakeSummary>,
}

/// One value of `--by`: its analysis, or why there is none.
#[derive(Debug, Serialize)]
struct SegmentJson<'a> {
    value: &'a str,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    analysis: Option<&'a DriverAnalysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// Runs `drivers`: the text (or JSON) to print, or the one-line failure with its exit status.
pub fn run_drivers(args: &DriversArgs, written: &mut Vec<PathBuf>) -> Result<String, ReportFailure> {
    if let Some(out) = args.out.as_ref().filter(|out| out.exists() && !out.is_dir()) {
        return Err(usage(format!("--out {}: is a file; name a folder for the analysis's files", out.display())));
    }
    let project = read_project(args.input.project.as_ref())?;
    let filter = super::chosen_filter(&args.filter, project.as_ref())?;
    // The project's Drivers options where the command line does not ask otherwise.
    let saved = project.as_ref().map(|(p, _)| p.analysis.drivers.clone()).unwrap_or_default();
    let promoter = args.promoter || saved.promoter && !args.pairwise;
    let pairwise = !promoter && (args.pairwise || saved.pairwise);
    let with_themes = args.themes || saved.themes;
    let mut by_asked = args.by.clone();
    let overrides = ImportOptions {
        sheet: args.read.sheet.clone(),
        score_column: args.read.score.clone(),
        score_scale: scale_check(false),
        ..ImportOptions::default()
    };
    let file = args.input.file(project.as_ref())?;
    let table = match &project {
        Some((p, name)) => p.read_survey(&file, name, &overrides, &mut |_| true).map_err(|e| e.to_string())?.0,
        None => import::read_file(&file, &overrides, &mut |_| true).map_err(|e| e.to_string())?,
    };
    import::require_named_score(&table).map_err(|e| e.to_string())?;
    let (table, raking, _) = args.rake.apply(table, project.as_ref().map(|(p, _)| p))?;
    // A saved column this file does not have is let go, as the window lets it go.
    if by_asked.is_none() {
        by_asked = saved.by.filter(|c| table.column_index(c).is_ok());
    }
    // The filter's columns as the file heads them (any case), or a usage error naming them.
    let mut filter = filter;
    filter.segments = filter
        .segments
        .into_iter()
        .map(|(column, values)| {
            let at = table.column_index(&column).map_err(|e| usage(e.to_string()))?;
            Ok((table.headers[at].clone(), values))
        })
        .collect::<Result<_, ReportFailure>>()?;
    let mut columns: Vec<String> = filter.segments.keys().cloned().collect();
    if let Some(by) = &by_asked {
        let header = table.headers[table.column_index(by.trim()).map_err(|e| usage(e.to_string()))?].clone();
        columns.push(header);
    }
    let by = by_asked.as_ref().map(|_| columns[columns.len() - 1].clone());
    let parts = SurveyParts { segments: Some(Vec::new()), dates: true, comments: with_themes, metrics: true };
    let survey = Survey::from_table_with(&table, &columns, &parts).map_err(|e| ReportFailure::from(e.to_string()))?;
    let language = output_language(args.lang.as_deref());
    // Saved themes on a file without comments are let go; asked for, they are refused.
    let with_themes = with_themes && (args.themes || !survey.comment_names.is_empty());
    let tags = if with_themes {
        if survey.comment_names.is_empty() {
            return Err(usage(format!("--themes: {} has no comment column", table.source.place())));
        }
        let (codebook, _) = chosen_codebook(None, args.preset.as_deref(), project.as_ref().map(|(p, _)| p))?;
        let stop = std::sync::atomic::AtomicBool::new(false);
        crate::analysis::tag_survey(&survey, &codebook, &stop).map_err(|e| ReportFailure::from(e.to_string()))?
    } else {
        None
    };
    let themes = tags.as_ref().map(|t| (t, language.comment_language()));
    let options = DriverOptions {
        model: if promoter { Model::Logistic } else { Model::Linear },
        missing: if pairwise { Missing::Pairwise } else { Missing::Listwise },
        resamples: args.resamples,
        seed: args.seed,
        ..DriverOptions::default()
    };
    let overall =
        driver_analysis(&survey, &filter, themes, &options).map_err(|e| ReportFailure::from(e.to_string()))?;
    let segments = match &by {
        Some(column) => driver_analysis_by(&survey, &filter, column, themes, &options)
            .map_err(|e| ReportFailure::from(e.to_string()))?,
        None => Vec::new(),
    };
    let place = table.source.place();
    let d = DriverTexts::of(language);
    {
        let json = DriversJson {
            file: place.clone(),
            filter: filter.describe(),
            overall: &overall,
            by: by.clone(),
            segments: segments
                .iter()
                .map(|(value, result)| SegmentJson {
                    value,
                    analysis: result.as_ref().ok(),
                    error: result.as_ref().err().map(ToString::to_string),
                })
                .collect(),
            raking: raking.as_ref(),
        };
        let json =
            serde_json::to_string_pretty(&json).map_err(|e| ReportFailure::from(format!("cannot write JSON: {e}")))?;
        if let Some(dir) = &args.out {
            let groups: Vec<(String, &DriverAnalysis)> = segments
                .iter()
                .filter_map(|(value, r)| {
                    Some((format!("{} = {value}", by.as_deref().unwrap_or_default()), r.as_ref().ok()?))
                })
                .collect();
            write_drivers(dir, &json, (&overall, d.everyone), &groups, &table.source.file_name, language, written)?;
        }
        if args.json {
            return Ok(json);
        }
    }
    let mut out = String::new();
    if let Some(summary) = &raking {
        for line in crate::notices::raking_lines(summary, language) {
            let _ = writeln!(out, "{line}");
        }
    }
    out.push_str(&format_drivers(&overall, &place, d.everyone, language));
    for (value, result) in &segments {
        let group = format!("{} = {value}", by.as_deref().unwrap_or_default());
        let _ = writeln!(out);
        match result {
            Ok(analysis) => out.push_str(&format_drivers(analysis, &place, &group, language)),
            Err(e) => {
                let _ = writeln!(out, "{}", fill(d.group_failed, &[("group", &group), ("reason", &e.to_string())]));
            }
        }
    }
    Ok(out)
}

/// Writes `drivers.json` and every figure of the analysis into `dir`, in `language`; every file
/// written is added to `written`. Fails naming the first file not written.
fn write_drivers(
    dir: &std::path::Path,
    json: &str,
    overall: (&DriverAnalysis, &str),
    groups: &[(String, &DriverAnalysis)],
    file: &str,
    language: Language,
    written: &mut Vec<PathBuf>,
) -> Result<(), ReportFailure> {
    let target = dir.join("drivers.json");
    std::fs::create_dir_all(dir)
        .and_then(|()| crate::files::write_atomic(&target, json.as_bytes()))
        .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    written.push(target);
    let (words, d) = (crate::figures::Words::of(language), DriverTexts::of(language));
    let (charts, tables) = crate::figures::drivers_figures(overall, groups, file, &words, d);
    let info = crate::figures::drivers_report_info(file, overall.0.model, &words, d);
    let outcome = crate::export::export_all(dir, &charts, &tables, &info, &crate::export::ExportOptions::default());
    written.extend(outcome.written);
    outcome.failed.first().map_or(Ok(()), |error| Err(ReportFailure::from(error.to_string())))
}

/// One group's key drivers as readable text in `language`.
#[must_use]
pub fn format_drivers(a: &DriverAnalysis, file: &str, group: &str, language: Language) -> String {
    let (t, d) = (language.texts(), DriverTexts::of(language));
    let mut out = String::new();
    let _ = writeln!(out, "{}", fill(d.model(a.model).heading, &[("file", file), ("group", group)]));
    let words = crate::figures::Words::of(language);
    for line in crate::figures::drivers_lines(a, &words, d) {
        let _ = writeln!(out, "{line}");
    }
    let header = d.columns(a.model);
    let _ = writeln!(out, "  {}", header.join(" | "));
    let dash = || "-".to_owned();
    for driver in &a.drivers {
        let interval = driver
            .ci_low
            .zip(driver.ci_high)
            .map_or_else(dash, |(low, high)| format!("{} .. {}", t.number(low, 3), t.number(high, 3)));
        let mut cells = vec![
            driver.name.clone(),
            t.number(driver.relative_weight, 3),
            interval,
            t.percent(driver.share_of_r_squared),
        ];
        if d.model(a.model).shapley {
            cells.push(driver.shapley.map_or_else(dash, |s| t.number(s, 3)));
        }
        cells.extend([
            t.number(driver.correlation, 2),
            t.number(driver.performance, 1),
            d.quadrant(driver.quadrant).to_owned(),
        ]);
        let _ = writeln!(out, "  {}", cells.join(" | "));
    }
    let _ = writeln!(
        out,
        "{}",
        fill(
            d.medians_note,
            &[("importance", &t.number(a.importance_median, 3)), ("performance", &t.number(a.performance_median, 1))]
        )
    );
    out
}
