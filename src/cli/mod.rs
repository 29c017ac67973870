//! The command line: `nps-workbench [FILE] [--project P]` opens the app, `nps-workbench report
//! FILE ...` prints the analysis as a table or as JSON (the contract in DESIGN.md), and
//! `nps-workbench themes FILE ...` prints the themes of the comments. Both read and save projects
//! (`--project`, `--save-project`).
//!
//! Owns argument parsing and text output; all numbers come from `report` and `themes_report`,
//! the words of the text output from `i18n` (`--lang`).

use std::fmt::Write as _;
use std::path::PathBuf;

pub mod drivers;
pub mod waves;

pub use drivers::{DriversArgs, RakeArgs, run_drivers};
pub use waves::{CompareArgs, PlanArgs, run_compare, run_plan};

use clap::{Parser, Subcommand};

use crate::analysis::Invited;
use crate::analysis::{Filter, Period};
use crate::analysis::{RateProblem, ResponseRates};
use crate::benchmarks::{self, Audience, Caveat, Comparison, DataContext};
use crate::i18n::project::ProjectTexts;
use crate::i18n::{CliTexts, ENGLISH, Language, Texts, fill, fill_owned};
use crate::import::{self, ImportOptions, ImportedTable, Role, ScaleCheck};
use crate::notices::{date_notice, import_notices};
use crate::project::{AnalysisChoices, BenchmarkMatch, Fingerprint, Project};
use crate::report::{AppliedProject, BenchmarkChoice, Report, ReportRequest, report_for_table, report_releasing_cells};
use crate::themes::{Codebook, Preset};

/// Offline Net Promoter Score analysis of customer-survey spreadsheets.
#[derive(Debug, Parser)]
#[command(name = "nps-workbench", version, about, long_about = None)]
pub struct Cli {
    /// What to do; without a command the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A survey file to open in the app (csv, tsv, txt, xlsx, xlsm, xlsb, xls, ods), or a project
    /// (.npsproj), opened with its file.
    pub file: Option<PathBuf>,
    /// A project to apply to FILE in the app (without FILE: to the file it was made on).
    #[arg(long, value_name = "PROJECT")]
    pub project: Option<PathBuf>,
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse a survey file and print NPS with its 95% interval.
    Report(Box<ReportArgs>),
    /// Find the themes of the comments: what they mention, complain about and praise, with
    /// intervals and quotes.
    Themes(Box<ThemesArgs>),
    /// Compare this wave with the previous one: both NPS, the change with its interval and test,
    /// the smallest change the sizes could detect, per segment too.
    Compare(Box<CompareArgs>),
    /// How many answers a survey needs: for a margin of +/-E points, or per wave to detect a
    /// change of D points.
    Plan(Box<PlanArgs>),
    /// What moves the score: each rating question's (and theme's) part of the variation in the
    /// 0-10 score, with intervals, against how well the business does on it.
    Drivers(Box<DriversArgs>),
}

/// Which sheet of a workbook and which column of scores to read (`report`, `themes`, `drivers`).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReadArgs {
    /// Sheet to read in a workbook (default: the first sheet with data).
    #[arg(long)]
    pub sheet: Option<String>,
    /// Column with the 0-10 answers: header, 1-based number or letter (default: the column whose
    /// header speaks of recommending).
    #[arg(long)]
    pub score: Option<String>,
}

/// The survey file and the project of `report` and `themes`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    /// The survey file (default with --project: the file the project was made on).
    #[arg(required_unless_present = "project")]
    pub file: Option<PathBuf>,
    /// Read and analyse as this project says (roles, filter, breakdowns, trend, benchmarks, data
    /// context, invited counts, codebook); arguments given here replace the project's choice for
    /// that argument. A file whose columns do not fit the project is refused, naming the missing
    /// columns.
    #[arg(long, value_name = "FILE")]
    pub project: Option<PathBuf>,
    /// Save how this file was read and analysed as a project (JSON), for next quarter's file.
    #[arg(long, value_name = "FILE")]
    pub save_project: Option<PathBuf>,
}

impl InputArgs {
    /// The file to read: FILE, else the file the project was made on.
    fn file(&self, project: Option<&(Project, String)>) -> Result<PathBuf, ReportFailure> {
        match (&self.file, project, &self.project) {
            (Some(file), _, _) => Ok(file.clone()),
            (None, Some((p, _)), Some(path)) => Ok(p.input_path(path)),
            _ => Err(usage("give a survey FILE, or --project FILE".to_owned())),
        }
    }
}

/// Arguments of `themes`.
#[derive(Debug, clap::Args)]
pub struct ThemesArgs {
    /// The survey file and the project.
    #[command(flatten)]
    pub input: InputArgs,
    /// The sheet and the score column to read.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Read the score column as 0-10 even when its header names another scale ("(1-5)") or its
    /// answers all lie within 1-5.
    #[arg(long, value_name = "SCALE", value_parser = ["0-10"])]
    pub score_scale: Option<String>,
    /// Keep only rows where COLUMN has VALUE (repeatable; several values of one column are OR).
    #[arg(long = "filter", value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// A codebook (JSON or CSV, as the app exports it) instead of the default one.
    #[arg(long, value_name = "FILE", conflicts_with = "preset")]
    pub codebook: Option<PathBuf>,
    /// The sector codebook to read the comments with: general, hospitality, retail, software,
    /// telecom_utilities, financial, b2b, healthcare or public_education (default: the project's,
    /// else general).
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Also list every commented row with its language and themes.
    #[arg(long)]
    pub comments: bool,
    /// Language of the text output: en, nl or da (default: the system locale, LC_ALL /
    /// LC_MESSAGES / LANG). JSON output is the same in every language.
    #[arg(long, value_name = "LANG", value_parser = ["en", "nl", "da"])]
    pub lang: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// The codebook to read comments with and the preset it starts from: `--codebook FILE`, else
/// `--preset NAME` (an unknown name is a usage error listing the presets; a project's edits move
/// onto it), else the project's, else the general codebook.
fn chosen_codebook(
    file: Option<&PathBuf>,
    preset: Option<&str>,
    project: Option<&Project>,
) -> Result<(Codebook, Preset), ReportFailure> {
    if let Some(file) = file {
        let codebook = crate::themes_report::read_codebook(file).map_err(|e| e.to_string())?;
        let preset = Preset::of(&codebook);
        return Ok((codebook, preset));
    }
    if let Some(name) = preset {
        let preset = Preset::by_key(name)
            .ok_or_else(|| usage(format!("--preset: '{name}' is not a preset; the presets are {}", Preset::keys())))?;
        // A project's edits (its own themes, keywords it changed) move onto the preset with it.
        let codebook = project.map_or_else(|| preset.codebook(), |p| preset.switch(&p.codebook_to_use()));
        return Ok((codebook, preset));
    }
    Ok(project.map_or_else(|| (Preset::GENERAL.codebook(), Preset::GENERAL), |p| (p.codebook_to_use(), p.preset())))
}

/// The rows kept: the `--filter COLUMN=VALUE` conditions given, else the project's filter.
fn chosen_filter(conditions: &[String], project: Option<&(Project, String)>) -> Result<Filter, ReportFailure> {
    let mut filter = Filter::default();
    for condition in conditions {
        filter.add_condition(condition).map_err(usage)?;
    }
    if conditions.is_empty()
        && let Some((p, _)) = project
    {
        filter = p.analysis.filter.clone();
    }
    Ok(filter)
}

/// Runs `themes` and returns what to print, or the one-line error with its exit status.
pub fn run_themes(args: &ThemesArgs) -> Result<String, ReportFailure> {
    let project = read_project(args.input.project.as_ref())?;
    let filter = chosen_filter(&args.filter, project.as_ref())?;
    let (codebook, preset) =
        chosen_codebook(args.codebook.as_ref(), args.preset.as_deref(), project.as_ref().map(|(p, _)| p))?;
    let overrides = ImportOptions {
        sheet: args.read.sheet.clone(),
        score_column: args.read.score.clone(),
        roles: Vec::new(),
        no_weight: false,
        score_scale: scale_check(args.score_scale.is_some()),
        date_order: None,
    };
    let file = args.input.file(project.as_ref())?;
    let table = match &project {
        Some((p, name)) => p.read_survey(&file, name, &overrides, &mut |_| true).map_err(|e| e.to_string())?.0,
        None => import::read_file(&file, &overrides, &mut |_| true).map_err(|e| e.to_string())?,
    };
    import::require_named_score(&table).map_err(|e| e.to_string())?;
    let request = crate::themes_report::ThemesRequest { filter, comments: args.comments };
    let report = crate::themes_report::themes_for_table(&table, &request, &codebook).map_err(ReportFailure::from)?;
    if let Some(target) = &args.input.save_project {
        let fingerprint = Fingerprint::of_file(&file).map_err(|e| format!("{}: {e}", import::display_name(&file)))?;
        let path = std::path::absolute(&file).unwrap_or_else(|_| file.clone());
        let mut saved = Project::of_table(&path, fingerprint, &table, false);
        saved.remember_scale(&overrides, project.as_ref().map(|(p, _)| p));
        if let Some((p, _)) = &project {
            saved.analysis = p.analysis.clone();
            saved.context = p.context.clone();
        }
        saved.analysis.filter = request.filter.clone();
        saved.remember_codebook(preset, &codebook);
        saved.write(target).map_err(|e| e.to_string())?;
    }
    if args.json {
        serde_json::to_string_pretty(&report).map_err(|e| ReportFailure::from(format!("cannot write JSON: {e}")))
    } else {
        Ok(crate::themes_report::format_themes(&report, output_language(args.lang.as_deref())))
    }
}

/// A `--brand-colour` value as `#RRGGBB`.
fn brand_colour(text: &str) -> Result<String, String> {
    crate::chart::Brand::colour(text).map_err(|e| e.to_string())
}

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The survey file and the project.
    #[command(flatten)]
    pub input: InputArgs,
    /// Weighting to the population.
    #[command(flatten)]
    pub rake: RakeArgs,
    /// How many people were invited, for the response rate (respondent rows in the file,
    /// including rows whose score is left out, over this number, with a 95% Wilson interval).
    #[arg(long, value_name = "N", value_parser = parse_invited, allow_negative_numbers = true)]
    pub invited: Option<u64>,
    /// Invited counts per value of a segment column: a two-column table (csv, xlsx, ...), the
    /// value then the number invited, optionally under a header row naming the column.
    #[arg(long, value_name = "FILE")]
    pub invited_file: Option<PathBuf>,
    /// The segment column the --invited-file values belong to (default: its header's first
    /// cell).
    #[arg(long, value_name = "COLUMN", requires = "invited_file")]
    pub invited_by: Option<String>,
    /// The sheet and the score column to read.
    #[command(flatten)]
    pub read: ReadArgs,
    /// Read the score column as 0-10 even when its header names another scale ("(1-5)") or its
    /// answers all lie within 1-5.
    #[arg(long, value_name = "SCALE", value_parser = ["0-10"])]
    pub score_scale: Option<String>,
    /// Break NPS down by this column (repeatable); `A:B` for a two-way breakdown.
    #[arg(long = "by", value_name = "COLUMN")]
    pub by: Vec<String>,
    /// NPS per period, with its interval and flagged changes.
    #[arg(long, value_name = "PERIOD", value_parser = ["week", "month", "quarter"])]
    pub trend: Option<String>,
    /// How the date column writes its dates: day/month/year, month/day/year or year/month/day
    /// (default: detected; a column where day and month cannot be told apart is read day-first,
    /// and that is said).
    #[arg(long, value_name = "ORDER", value_parser = ["dmy", "mdy", "ymd"])]
    pub date_order: Option<String>,
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
    /// Weight column (default: a column headed weight / gewicht / vægt whose values look like
    /// survey weights: positive, mean near 1).
    #[arg(long, value_name = "COLUMN", conflicts_with = "no_weight")]
    pub weight: Option<String>,
    /// Do not weight, even when a weight column is detected.
    #[arg(long)]
    pub no_weight: bool,
    /// The sector codebook the themes chart and table of `--out` read comments with (see
    /// `themes --preset`; default: the project's, else general).
    #[arg(long, value_name = "NAME")]
    pub preset: Option<String>,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
    /// Also write into this folder: report.json, every chart (PNG at 1920x1080 and SVG), the
    /// tables (one CSV each and tables.xlsx, with editable charts), report.html, report.pdf and
    /// deck.pptx (editable charts).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out: the report's title (default: "NPS report: FILE"); saved with --save-project.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// With --out: the client the report is for, under the title.
    #[arg(long, value_name = "NAME")]
    pub client: Option<String>,
    /// With --out: the data as you call it ("Customer survey Q3"), instead of the file's name in
    /// footnotes and on the title page.
    #[arg(long, value_name = "TEXT")]
    pub source_name: Option<String>,
    /// With --out: the client's logo, a PNG or SVG file (at most 2 MB), on the title page of the
    /// deck, PDF and HTML and in the corner of every slide.
    #[arg(long, value_name = "FILE")]
    pub logo: Option<PathBuf>,
    /// With --out: a brand colour as #RRGGBB; give it twice for a second (accent) colour. The
    /// first colours titles and the estimate's bars and lines in the deck and workbook.
    #[arg(long = "brand-colour", value_name = "#RRGGBB", value_parser = brand_colour)]
    pub brand_colours: Vec<String>,
    /// With --out: the font of every file (e.g. Calibri); the PDF and PNGs draw with it (the PDF
    /// embeds it) when it is installed on this computer, else with DejaVu Sans.
    #[arg(long, value_name = "NAME")]
    pub font: Option<String>,
    /// With --out: build the deck on this PowerPoint template (.pptx, 16:9): its slide master,
    /// layouts and theme frame every slide.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// With --out: the PDF's paper, landscape: a4 (default) or letter.
    #[arg(long, requires = "out", value_name = "PAPER", value_parser = ["a4", "letter"])]
    pub paper: Option<String>,
    /// With --out: PNGs at twice the slide size (3840x2160), for large screens and print.
    #[arg(long, requires = "out")]
    pub png_2x: bool,
    /// With --out: leave out the deck's quote slides (detractors' own words; e-mail addresses,
    /// postcodes and long numbers are removed, names are not).
    #[arg(long, requires = "out")]
    pub no_quotes: bool,
    /// Language of the text output and of the --out files: en, nl or da (default: the system
    /// locale, LC_ALL / LC_MESSAGES / LANG). JSON output is the same in every language.
    #[arg(long, value_name = "LANG", value_parser = ["en", "nl", "da"])]
    pub lang: Option<String>,
}

/// The scale check `--score-scale 0-10` asks for: confirmed when given, else refused with the
/// reason.
fn scale_check(confirmed: bool) -> ScaleCheck {
    if confirmed { ScaleCheck::Confirmed } else { ScaleCheck::Refuse }
}

/// `--invited N`: a whole number, thousands separators allowed.
fn parse_invited(text: &str) -> Result<u64, String> {
    if text.trim().starts_with('-') {
        return Err(
            "the number of people invited cannot be negative; give how many were invited (e.g. 4500)".to_owned()
        );
    }
    match crate::project::invited::parse_count(text) {
        Some(0) => Err("nobody invited gives no response rate; give how many were invited (e.g. 4500)".to_owned()),
        Some(n) => Ok(n),
        None => Err(format!("'{text}' is not a whole number of people invited (e.g. 4500 or 4,500)")),
    }
}

/// Why `report` failed: the one-line message and the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportFailure {
    /// The one-line reason.
    pub message: String,
    /// [`EXIT_USAGE`] for arguments that cannot be right, [`EXIT_FAILURE`] otherwise.
    pub status: u8,
}

/// Exit status when a file cannot be read or analysed (README).
pub const EXIT_FAILURE: u8 = 1;
/// Exit status of a usage error: an argument that cannot be right (README; clap uses it too).
pub const EXIT_USAGE: u8 = 2;

impl From<crate::report::ReportError> for ReportFailure {
    /// A breakdown that cannot be asked for is a usage error; the rest are failures.
    fn from(error: crate::report::ReportError) -> Self {
        let status = match error {
            crate::report::ReportError::ByTooDeep { .. } => EXIT_USAGE,
            _ => EXIT_FAILURE,
        };
        Self { message: error.to_string(), status }
    }
}

impl From<String> for ReportFailure {
    fn from(message: String) -> Self {
        Self { message, status: EXIT_FAILURE }
    }
}

fn usage(message: String) -> ReportFailure {
    ReportFailure { message, status: EXIT_USAGE }
}

/// A benchmark caveat as the command line says it: what is not given names the flag that gives it.
fn cli_caveat(caveat: &Caveat, language: Language) -> String {
    let c = CliTexts::of(language);
    match caveat {
        Caveat::RegionUnset { benchmark } => fill(c.region_unset, &[("benchmark", benchmark)]),
        Caveat::AudienceUnset { benchmark } => fill(c.audience_unset, &[("benchmark", benchmark)]),
        other => language.texts().caveat(other),
    }
}

/// The `--by` arguments without repeats; an empty name (`--by ""`, `--by region:`) is an error.
fn checked_by(by: &[String], warnings: &mut Vec<String>) -> Result<Vec<String>, ReportFailure> {
    let mut kept: Vec<String> = Vec::new();
    for spec in by {
        if spec.trim().is_empty() || spec.split(':').any(|part| part.trim().is_empty()) {
            return Err(usage(format!(
                "--by '{spec}': a column name is missing; use --by COLUMN, or --by A:B for a two-way breakdown"
            )));
        }
        if kept.iter().any(|k| k.trim().eq_ignore_ascii_case(spec.trim())) {
            warnings.push(format!("--by '{spec}' is given twice; it is shown once"));
        } else {
            kept.push(spec.clone());
        }
    }
    Ok(kept)
}

/// An unknown `--benchmark` is a usage error that lists the sectors known; an unknown benchmark
/// the project `from_project` (its file name) remembers is a failure that says it came from there.
fn check_benchmark(
    wanted: Option<&str>,
    context: &DataContext,
    from_project: Option<String>,
) -> Result<(), ReportFailure> {
    let Some(wanted) = wanted else { return Ok(()) };
    let (library, _) = benchmarks::library();
    let choice =
        BenchmarkChoice { overall: Some(wanted.to_owned()), context: context.clone(), ..BenchmarkChoice::default() };
    if choice.for_overall(&library).is_some() {
        return Ok(());
    }
    let mut sectors: Vec<&str> = library.iter().map(|b| b.sector.as_str()).collect();
    sectors.sort_unstable();
    sectors.dedup();
    let known = sectors.join(", ");
    match from_project {
        Some(project) => Err(ReportFailure::from(format!(
            "{project}: the project's benchmark '{wanted}' is not in the benchmark library (from a user benchmark file no longer there?); choose one with --benchmark SECTOR; known sectors: {known}"
        ))),
        None => Err(usage(format!("--benchmark '{wanted}': no benchmark for this sector; known sectors: {known}"))),
    }
}

/// Hints for filter values no row holds, such as `noord-holland` for `Noord-Holland`.
fn filter_hints(table: &ImportedTable, filter: &Filter, warnings: &mut Vec<String>) -> Result<(), ReportFailure> {
    for (column, values) in &filter.segments {
        let c = table.column_index(column).map_err(|e| ReportFailure::from(e.to_string()))?;
        let mut present: Vec<&str> = (0..table.rows.row_count()).map(|r| table.rows.cell(r, c).trim()).collect();
        present.sort_unstable();
        present.dedup();
        for value in values {
            if present.contains(&value.trim()) {
                continue;
            }
            if let Some(other) = present.iter().find(|p| p.to_lowercase() == value.trim().to_lowercase()) {
                warnings.push(format!(
                    "--filter: no row has {column} = '{value}'; did you mean '{other}'? (values are matched exactly)"
                ));
            }
        }
    }
    Ok(())
}

/// The themes chart and table of a file with comments, and the deck's quote slides, for
/// `report --out` (none without comments, or when no theme is mentioned).
fn themes_figures(
    table: &import::ImportedTable,
    filter: &Filter,
    report: &Report,
    codebook: &Codebook,
    language: Language,
    brand: &crate::chart::Brand,
) -> Result<crate::export::Extras, String> {
    let Some(themes) = crate::themes_report::themes_of_table(table, filter, codebook)? else {
        return Ok(crate::export::Extras { brand: brand.clone(), ..crate::export::Extras::default() });
    };
    let words = crate::figures::Words::of(language);
    let tt = crate::i18n::themes::ThemeTexts::of(language);
    let context = crate::figures::context_of(report).named(brand);
    // The theme names in the report's language, as the window shows them.
    let lang = language.comment_language();
    let summary = &themes.summary;
    Ok(crate::export::Extras {
        charts: crate::figures::themes_figure(summary, lang, &context, &words, tt).into_iter().collect(),
        tables: if summary.themes.is_empty() {
            Vec::new()
        } else {
            vec![crate::figures::themes_table(summary, lang, &words, tt)]
        },
        quotes: crate::figures::quote_slides(summary, lang, &words, tt),
        brand: brand.clone(),
    })
}

/// The brand of the exports: the project's, with each setting given on the command line in its
/// place (an empty `--title ""` clears one). More than two colours is a usage error; a logo that
/// cannot be read, or is not a PNG or SVG, fails naming the file.
fn brand_of(args: &ReportArgs, project: Option<&Project>) -> Result<crate::chart::Brand, ReportFailure> {
    let mut brand = project.map(|p| p.brand.clone()).unwrap_or_default();
    for (given, field) in [
        (&args.title, &mut brand.title),
        (&args.client, &mut brand.client),
        (&args.source_name, &mut brand.source_name),
        (&args.font, &mut brand.font),
    ] {
        if let Some(text) = given {
            *field = text.trim().to_owned();
        }
    }
    if args.brand_colours.len() > 2 {
        return Err(usage(format!(
            "--brand-colour: at most two colours (a main one and an accent), {} given",
            args.brand_colours.len()
        )));
    }
    if !args.brand_colours.is_empty() {
        brand.colours.clone_from(&args.brand_colours);
    }
    if let Some(path) = &args.template {
        // `--template ""` leaves the project's template out; a template given is checked now.
        brand.template = if path.as_os_str().is_empty() {
            None
        } else {
            let name = import::display_name(path);
            std::fs::metadata(path).map_err(|e| format!("{name}: cannot read the template: {e}"))?;
            Some(std::path::absolute(path).unwrap_or_else(|_| path.clone()))
        };
    }
    if let Some(path) = &args.logo {
        let name = import::display_name(path);
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read the logo: {e}"))?;
        brand.logo = Some(crate::chart::Brand::logo_of(&name, &bytes).map_err(|e| e.to_string())?);
    }
    Ok(brand)
}

/// The project given with `--project`, read, with its file name.
fn read_project(path: Option<&PathBuf>) -> Result<Option<(Project, String)>, ReportFailure> {
    let Some(path) = path else { return Ok(None) };
    let project = Project::read(path).map_err(|e| ReportFailure::from(e.to_string()))?;
    Ok(Some((project, import::display_name(path))))
}

/// The invited counts: `--invited` and `--invited-file`, else the project's.
fn invited_of(args: &ReportArgs, project: Option<&Project>) -> Result<Invited, ReportFailure> {
    if args.invited.is_none() && args.invited_file.is_none() {
        return Ok(project.map(|p| p.context.invited.clone()).unwrap_or_default());
    }
    let mut invited = Invited { total: args.invited, ..Invited::default() };
    if let Some(path) = &args.invited_file {
        let table = crate::project::invited::read_invited_file(path).map_err(|e| e.to_string())?;
        invited.by_column = args.invited_by.clone().or(table.column);
        if invited.by_column.is_none() {
            return Err(usage(format!(
                "--invited-file {}: name the segment column with --invited-by COLUMN (the file has no header row)",
                import::display_name(path)
            )));
        }
        invited.by_value = table.counts;
    }
    Ok(invited)
}

/// What `report` is asked for: the arguments, over the project's choices.
fn report_request(
    args: &ReportArgs,
    project: Option<&Project>,
    warnings: &mut Vec<String>,
) -> Result<ReportRequest, ReportFailure> {
    if let Some(out) = args.out.as_ref().filter(|out| out.exists() && !out.is_dir()) {
        return Err(usage(format!(
            "--out {}: is a file; name a folder for the report's files (it is made when missing)",
            out.display()
        )));
    }
    let by = if args.by.is_empty() {
        project.map(|p| p.analysis.breakdowns.iter().map(|b| b.join(":")).collect()).unwrap_or_default()
    } else {
        checked_by(&args.by, warnings)?
    };
    let mut filter = Filter::default();
    for condition in &args.filter {
        filter.add_condition(condition).map_err(usage)?;
    }
    if args.filter.is_empty()
        && let Some(p) = project
    {
        filter = p.analysis.filter.clone();
    }
    let trend = match args.trend.as_deref() {
        Some("week") => Some(Period::Week),
        Some("quarter") => Some(Period::Quarter),
        Some(_) => Some(Period::Month),
        None => project.and_then(|p| p.analysis.trend_period),
    };
    let saved = project.map(|p| p.context.clone()).unwrap_or_default();
    let context = DataContext {
        region: args.region.clone().or(saved.region),
        audience: args
            .audience
            .as_deref()
            .map(|a| if a == "b2c" { Audience::B2c } else { Audience::B2b })
            .or(saved.audience),
        invited: invited_of(args, project)?,
    };
    let overall_benchmark =
        args.benchmark.clone().or_else(|| project.and_then(|p| p.analysis.overall_benchmark.clone()));
    let project_name = args.input.project.as_deref().map(import::display_name);
    check_benchmark(overall_benchmark.as_deref(), &context, project_name.filter(|_| args.benchmark.is_none()))?;
    let roles = args.weight.iter().map(|w| (w.clone(), Role::Weight)).collect();
    Ok(ReportRequest {
        import: ImportOptions {
            sheet: args.read.sheet.clone(),
            score_column: args.read.score.clone(),
            roles,
            no_weight: args.no_weight,
            score_scale: scale_check(args.score_scale.is_some()),
            date_order: args.date_order.as_deref().and_then(import::DateOrder::of_code),
        },
        by,
        trend,
        filter,
        context,
        overall_benchmark,
        benchmark_matches: project.map(|p| BenchmarkMatch::pairs(&p.analysis.benchmark_matches)).unwrap_or_default(),
    })
}

/// The project of this run: how `table` (from `file`) was read and analysed, over the project
/// applied (its codebook, hidden small segments and matches carry over).
fn project_of_run(
    file: &std::path::Path,
    table: &ImportedTable,
    request: &ReportRequest,
    applied: Option<&Project>,
) -> Result<Project, ReportFailure> {
    let fingerprint = Fingerprint::of_file(file).map_err(|e| format!("{}: {e}", import::display_name(file)))?;
    let path = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let mut project = Project::of_table(&path, fingerprint, table, request.import.no_weight);
    project.remember_scale(&request.import, applied);
    let breakdowns = crate::report::by_columns(table, &request.by)?;
    project.analysis = AnalysisChoices {
        filter: request.filter.clone(),
        breakdowns,
        trend_period: request.trend,
        hide_small: applied.is_some_and(|p| p.analysis.hide_small),
        two_way_bars: applied.is_some_and(|p| p.analysis.two_way_bars),
        trend_by: applied.and_then(|p| p.analysis.trend_by.clone()),
        sort: applied.and_then(|p| p.analysis.sort.clone()),
        descending: applied.is_some_and(|p| p.analysis.descending),
        overall_benchmark: request.overall_benchmark.clone(),
        benchmark_matches: BenchmarkMatch::list(&request.benchmark_matches),
        drivers: applied.map(|p| p.analysis.drivers.clone()).unwrap_or_default(),
    };
    project.context = request.context.clone();
    Ok(project)
}

/// Runs `report` and returns what to print on stdout, or the one-line error with its exit
/// status. Warnings and hints (arguments ignored or mistyped, notices with `--json`) are added
/// to `warnings`, one line each, for stderr, also when the report fails.
pub fn run_report(
    args: &ReportArgs,
    warnings: &mut Vec<String>,
    written: &mut Vec<std::path::PathBuf>,
) -> Result<String, ReportFailure> {
    let project = read_project(args.input.project.as_ref())?;
    let brand = brand_of(args, project.as_ref().map(|(p, _)| p))?;
    let request = report_request(args, project.as_ref().map(|(p, _)| p), warnings)?;
    let (codebook, preset) = chosen_codebook(None, args.preset.as_deref(), project.as_ref().map(|(p, _)| p))?;
    let file = args.input.file(project.as_ref())?;
    let (table, applied) = match &project {
        Some((p, name)) => {
            let (table, fit) = p
                .read_survey(&file, name, &request.import, &mut |_| true)
                .map_err(|e| ReportFailure::from(e.to_string()))?;
            let applied = AppliedProject {
                file: name.clone(),
                made_on: fit.made_on,
                same_contents: fit.same_contents,
                new_columns: fit.new_columns,
            };
            (table, Some(applied))
        }
        None => (import::read_file(&file, &request.import, &mut |_| true).map_err(|e| e.to_string())?, None),
    };
    import::require_named_score(&table).map_err(|e| e.to_string())?;
    let (mut table, raking, weighting) = args.rake.apply(table, project.as_ref().map(|(p, _)| p))?;
    if args.date_order.is_some() && !table.roles.iter().any(|r| r.role == Role::Date) {
        warnings.push(format!("--date-order is ignored: {} has no date column", table.source.place()));
    }
    if let (Some(sheet), None) = (&args.read.sheet, &table.source.sheet) {
        warnings
            .push(format!("--sheet '{sheet}' is ignored: {} is a text file without sheets", table.source.file_name));
    }
    filter_hints(&table, &request.filter, warnings)?;
    // Without --out nothing reads the cells again: free them before the analysis.
    let mut report = if args.out.is_some() {
        report_for_table(&table, &request)
    } else {
        report_releasing_cells(&mut table, &request)
    }?;
    report.project = applied;
    report.raking = raking;
    if let Some(rates) = &report.response_rate {
        warnings.extend(rate_warnings(rates, ENGLISH.project));
    }
    let json = serde_json::to_string_pretty(&report).map_err(|e| format!("cannot write JSON: {e}"))?;
    if let Some(dir) = &args.out {
        // The files speak the language of the text output (--lang, else the system's).
        let language = output_language(args.lang.as_deref());
        let mut extras = themes_figures(&table, &request.filter, &report, &codebook, language, &brand)?;
        if args.no_quotes {
            extras.quotes.clear();
        }
        let scale = if args.png_2x { crate::export::png::Scale::X2 } else { crate::export::png::Scale::X1 };
        let paper = if args.paper.as_deref() == Some("letter") {
            crate::export::pdf::Paper::Letter
        } else {
            crate::export::pdf::Paper::A4
        };
        let options = crate::export::ExportOptions { scale, paper, ..crate::export::ExportOptions::default() };
        crate::export::write_out(dir, &report, &json, extras, &options, language, written)?;
        if report.raking.is_some() {
            // The raked weights as a column, by spreadsheet row.
            let rows = crate::analysis::weighting::raked_weights(&table);
            let csv = crate::export::table::to_csv(&crate::figures::weights_table(
                &rows,
                crate::i18n::drivers::DriverTexts::of(language),
            ));
            let target = dir.join("weights.csv");
            crate::files::write_atomic(&target, csv.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
            written.push(target);
        }
        if let Some(font) = brand.font_family().filter(|f| !crate::export::font::is_installed(f)) {
            warnings.push(format!(
                "the font {font} is not installed on this computer: the PDF and PNGs use DejaVu Sans; the deck, workbook and HTML name {font}"
            ));
        }
    }
    if let Some(target) = &args.input.save_project {
        let mut saved = project_of_run(&file, &table, &request, project.as_ref().map(|(p, _)| p))?;
        saved.brand = brand.clone();
        saved.remember_weighting(weighting, report.raking.as_ref());
        saved.remember_codebook(preset, &codebook);
        saved.write(target).map_err(|e| ReportFailure::from(e.to_string()))?;
    }
    if args.json {
        // The table carries the notices; with JSON they go to stderr, so a script sees them too.
        warnings.extend(import_notices(&report, &ENGLISH));
        warnings.extend(report.unreadable_dates.iter().map(|d| date_notice(d, &ENGLISH)));
    }
    Ok(if args.json { json } else { format_table(&report, output_language(args.lang.as_deref())) })
}

/// The language of the text output: `--lang` (clap has checked it is en, nl or da), else the
/// system locale.
fn output_language(lang: Option<&str>) -> Language {
    lang.and_then(Language::from_code).unwrap_or_else(|| Language::from_locale(|name| std::env::var(name).ok()))
}

/// The readable text report in `language` (words and number formats).
#[must_use]
pub fn format_table(report: &Report, language: Language) -> String {
    let (t, c) = (language.texts(), CliTexts::of(language));
    let mut out = String::new();
    let s = &report.source;
    let how = match (&s.sheet, s.encoding, &s.delimiter) {
        (Some(sheet), _, _) => fill(c.read_sheet, &[("sheet", sheet)]),
        (None, Some(enc), Some(d)) => fill(c.read_text, &[("encoding", enc), ("delimiter", &d.to_string())]),
        _ => String::new(),
    };
    let row = s.header_row.to_string();
    let layout = t.layout_of(report.layout, &report.layout_label, s.header_rows);
    let source = [("file", s.file.as_str()), ("how", &how), ("layout", &layout), ("row", &row)];
    let _ = writeln!(out, "{}", fill(c.source, &source));
    if s.title_rows > 0 || !s.footer_rows.is_empty() {
        let footer: Vec<String> = s.footer_rows.iter().map(ToString::to_string).collect();
        let rows = if footer.is_empty() { "-".to_owned() } else { footer.join(", ") };
        let _ = writeln!(out, "{}", fill(t.rows_left_out, &[("titles", &s.title_rows.to_string()), ("rows", &rows)]));
    }
    for m in &s.merged_choices {
        let _ =
            writeln!(out, "{}", fill(t.merged_columns, &[("column", &m.column), ("n", &m.from_columns.to_string())]));
    }
    if let Some(project) = &report.project {
        let _ = writeln!(out, "{}", project_line(project, &report.source.file, t.project));
    }
    if let Some(raking) = &report.raking {
        for line in crate::notices::raking_lines(raking, language) {
            let _ = writeln!(out, "{line}");
        }
    }
    for notice in import_notices(report, t) {
        let _ = writeln!(out, "{}", fill(c.note, &[("text", &notice)]));
    }
    if report.columns.roles.iter().any(|r| r.date_doubts.ambiguous) {
        let _ = writeln!(out, "{}", c.hint_date_order);
    }
    if let Some(skipped) = &report.columns.weight_skipped {
        let _ = writeln!(out, "{}", fill(c.hint_weight, &[("column", &skipped.column)]));
    }
    if let Some(dates) = &report.unreadable_dates {
        let _ = writeln!(out, "{}", fill(c.note, &[("text", &date_notice(dates, t))]));
    }
    let counts = [
        ("column", report.columns.score.clone()),
        ("read", report.rows_read.to_string()),
        ("used", report.rows_used.to_string()),
        ("excluded", (report.rows_read - report.rows_used).to_string()),
    ];
    let _ = writeln!(out, "{}", fill_owned(c.score_line, &counts));
    for e in &report.excluded {
        let examples: Vec<String> = e
            .examples
            .iter()
            .zip(&e.values)
            .map(|(row, value)| fill(c.example, &[("row", &row.to_string()), ("value", value)]))
            .collect();
        let line = [
            ("reason", t.exclusion_reason(e.reason).to_owned()),
            ("rows", e.rows.to_string()),
            ("examples", examples.join(", ")),
        ];
        let _ = writeln!(out, "{}", fill_owned(c.excluded_line, &line));
    }
    let o = &report.overall;
    let _ = writeln!(out);
    if !report.filter.is_empty() {
        let _ = writeln!(out, "{}", fill(t.filter_footnote, &[("filter", &report.filter.to_string())]));
    }
    match (o.ci_low, o.ci_high) {
        (Some(low), Some(high)) => {
            let nps =
                [("nps", t.signed(o.nps)), ("low", t.signed(low)), ("high", t.signed(high)), ("n", o.n.to_string())];
            let _ = writeln!(out, "{}", fill_owned(c.nps_line, &nps));
        }
        _ => {
            let _ = writeln!(out, "NPS {}  {}  n = {}", t.signed(o.nps), t.missing_interval(o.interval_note), o.n);
        }
    }
    match (o.mean_low, o.mean_high) {
        (Some(low), Some(high)) => {
            let interval = fill(t.mean_interval, &[("low", &t.number(low, 2)), ("high", &t.number(high, 2))]);
            let _ = writeln!(out, "{}: {} ({interval})", t.mean, t.number(o.mean, 2));
        }
        _ => {
            let _ = writeln!(out, "{}: {} ({})", t.mean, t.number(o.mean, 2), t.missing_interval(o.mean_interval_note));
        }
    }
    let shares = [
        ("promoters", t.percent(o.promoter_pct)),
        ("p", o.promoters.to_string()),
        ("passives", t.percent(o.passive_pct)),
        ("pa", o.passives.to_string()),
        ("detractors", t.percent(o.detractor_pct)),
        ("d", o.detractors.to_string()),
        ("mean", t.number(o.mean, 2)),
    ];
    let _ = writeln!(out, "{}", fill_owned(c.shares_line, &shares));
    if let (true, Some(weight)) = (report.columns.weighted, &report.columns.weight) {
        let _ = writeln!(out, "{}", fill(c.weighted_line, &[("column", weight)]));
    }
    if let Some(rates) = &report.response_rate {
        write_response_rates(&mut out, rates, t, t.project);
    }
    if let Some(b) = &report.overall.benchmark {
        let _ = writeln!(out, "{}", benchmark_line(b, language));
        for w in &b.warnings {
            let _ = writeln!(out, "  {}", fill(c.benchmark_note, &[("text", &cli_caveat(w, language))]));
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{:<6}{}", c.score_row, (0..=10).map(|i| format!("{i:>6}")).collect::<String>());
    let _ = writeln!(out, "{:<6}{}", c.count_row, o.distribution.iter().map(|n| format!("{n:>6}")).collect::<String>());
    for m in [&o.metrics.ces, &o.metrics.csat, &o.metrics.grade].into_iter().flatten() {
        let interval = match (m.mean_low, m.mean_high) {
            (Some(low), Some(high)) => {
                fill(t.mean_interval, &[("low", &t.number(low, 2)), ("high", &t.number(high, 2))])
            }
            _ => t.missing_interval(m.mean_interval_note).to_owned(),
        };
        let line = [
            ("title", t.metric_title(m.kind).to_owned()),
            ("column", m.column.clone()),
            ("mean", t.number(m.mean, 2)),
            ("interval", interval),
            ("share", t.metric_share(m)),
            ("n", m.n.to_string()),
        ];
        let _ = writeln!(out, "{}", fill_owned(c.metric_line, &line));
    }
    let range = |low: f64, high: f64| fill(c.range, &[("low", &t.signed(low)), ("high", &t.signed(high))]);
    let mut current = "";
    // Long labels are cut so that different ones still print differently.
    let mut labels: std::collections::HashMap<(&str, &str), String> = std::collections::HashMap::new();
    for column in report.segments.iter().map(|r| r.column.as_str()).collect::<std::collections::BTreeSet<_>>() {
        let values: Vec<&str> =
            report.segments.iter().filter(|r| r.column == column).map(|r| r.value.as_str()).collect();
        for (value, label) in values.iter().zip(import::columns::shortened_apart(&values, 28)) {
            labels.insert((column, value), label);
        }
    }
    for row in &report.segments {
        if row.column != current {
            current = &row.column;
            let _ = writeln!(out);
            let _ = writeln!(out, "{}", fill(c.by, &[("column", current)]));
            let _ = writeln!(
                out,
                "  {:<28} {:>7} {:>7} {:>19} {:>6} {:>6} {:>6} {:>10} {:>7} {:>9}",
                t.col_value,
                t.col_n,
                t.col_nps,
                t.col_ci,
                c.share_p,
                c.share_pa,
                c.share_d,
                t.col_vs_rest,
                "p",
                "p (Holm)"
            );
        }
        let m = &row.summary;
        let mut flags = String::new();
        if row.significant {
            flags.push_str(&format!("  * {} (Holm)", t.significant));
        }
        if row.small_n {
            flags.push_str(&format!("  {}", t.small_n));
        }
        if row.response_rate.is_some_and(|r| r.far_below_rest) {
            flags.push_str(&format!("  {}", t.project.flag_low_response));
        }
        let _ = writeln!(
            out,
            "  {:<28} {:>7} {:>7} {:>19} {:>6} {:>6} {:>6} {:>10} {:>7} {:>9}{flags}",
            labels.get(&(row.column.as_str(), row.value.as_str())).map_or(row.value.as_str(), String::as_str),
            m.n,
            t.signed(m.nps),
            m.ci_low.zip(m.ci_high).map_or_else(|| "-".to_owned(), |(low, high)| range(low, high)),
            t.number(m.promoter_pct, 1),
            t.number(m.passive_pct, 1),
            t.number(m.detractor_pct, 1),
            row.difference_vs_rest.map_or_else(|| "-".to_owned(), |d| t.signed(d)),
            row.p_value.map_or_else(|| "-".to_owned(), |p| t.number(p, 3)),
            row.p_adjusted.map_or_else(|| "-".to_owned(), |p| t.number(p, 3)),
        );
        if let Some(b) = &row.benchmark {
            let _ = writeln!(out, "    {}", benchmark_line(b, language));
            for w in &b.warnings {
                let _ = writeln!(out, "      {}", fill(c.benchmark_note, &[("text", &cli_caveat(w, language))]));
            }
        }
    }
    if let Some(points) = &report.trend {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", t.tab_trend);
        let _ = writeln!(
            out,
            "  {:<10} {:>7} {:>7} {:>19} {:>8} {:>7} {:>9}",
            t.col_period, t.col_n, t.col_nps, t.col_ci, t.col_change, "p", "p (Holm)"
        );
        for p in points {
            let (nps, ci) = match (p.nps, p.ci_low, p.ci_high) {
                (Some(v), Some(lo), Some(hi)) => (t.signed(v), range(lo, hi)),
                (Some(v), _, _) => (t.signed(v), "-".to_owned()),
                _ => ("-".to_owned(), c.no_answers.to_owned()),
            };
            let change = p.change.map_or_else(|| "-".to_owned(), |d| t.signed(d));
            let mut flag = if p.change_significant { format!("  * {}", t.significant_change) } else { String::new() };
            if let Some(m) = p.respondents_in_both.filter(|&m| m > 0) {
                let note = if p.paired { t.change_paired } else { t.change_independent };
                let change = p.paired_change.map_or_else(|| "-".to_owned(), |c| t.signed(c));
                flag.push_str(&format!("  ({})", fill(note, &[("m", &m.to_string()), ("change", &change)])));
            }
            let p_text = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |p| t.number(p, 3));
            let _ = writeln!(
                out,
                "  {:<10} {:>7} {:>7} {:>19} {:>8} {:>7} {:>9}{flag}",
                p.period,
                p.n,
                nps,
                ci,
                change,
                p_text(p.change_p_value),
                p_text(p.change_p_adjusted)
            );
        }
    }
    out
}

/// What applying the project did, in one or two lines.
fn project_line(project: &AppliedProject, file: &str, p: &ProjectTexts) -> String {
    let mut line = if project.same_contents {
        fill(p.project_same_file, &[("project", &project.file)])
    } else {
        fill(p.project_applied, &[("project", &project.file), ("file", file), ("made_on", &project.made_on)])
    };
    if !project.new_columns.is_empty() {
        line.push('\n');
        line.push_str(&fill(p.project_new_columns, &[("columns", &project.new_columns.join(", "))]));
    }
    line
}

/// Invited counts that cannot be right (fewer invited than answered, zero invited), one line
/// each for stderr.
fn rate_warnings(rates: &ResponseRates, p: &ProjectTexts) -> Vec<String> {
    let overall = rates.overall_problem.iter().map(|problem| format!("--invited: {}", p.problem(problem)));
    let values = rates.values.iter().filter_map(|v| {
        let problem = v.problem.as_ref().filter(|pr| !matches!(pr, RateProblem::NoInvitedCount { .. }))?;
        Some(format!(
            "--invited-file: {} = '{}': {}",
            rates.column.as_deref().unwrap_or(""),
            v.value,
            p.problem(problem)
        ))
    });
    overall.chain(values).collect()
}

/// The response rate overall and per value, with the notes on values far below the rest.
fn write_response_rates(out: &mut String, rates: &ResponseRates, t: &Texts, p: &ProjectTexts) {
    let percent = |v: f64| t.percent(v);
    let _ = writeln!(out);
    match (&rates.overall, &rates.overall_problem) {
        (Some(rate), _) => {
            let _ = writeln!(out, "{}: {}", p.rate_title, p.rate_sentence(rate, percent));
        }
        (None, Some(problem)) => {
            let _ = writeln!(out, "{}: {}", p.rate_title, p.problem(problem));
        }
        (None, None) => {}
    }
    let _ = writeln!(out, "  {}", p.rate_counts);
    let Some(column) = &rates.column else { return };
    let _ = writeln!(out, "{} ({column})", p.rate_title);
    let values: Vec<&str> = rates.values.iter().map(|v| v.value.as_str()).collect();
    let labels = import::columns::shortened_apart(&values, 28);
    for (value, label) in rates.values.iter().zip(&labels) {
        let text = match (&value.rate, &value.problem) {
            (Some(rate), _) => p.rate_sentence(rate, percent),
            (None, Some(problem)) => p.problem(problem),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "  {label:<28} {text}");
    }
    for value in rates.far_below() {
        let _ = writeln!(out, "  {}", fill(p.rate_far_below, &[("value", &value.value)]));
    }
}

/// "Benchmark Retail range +20.0 to +40.0: above (source, 2024, NL, B2C)": a benchmark
/// comparison in one line, in `language`.
fn benchmark_line(b: &Comparison, language: Language) -> String {
    let (t, c) = (language.texts(), CliTexts::of(language));
    let published = match (b.low, b.high, b.value) {
        (Some(lo), Some(hi), _) => fill(t.bench_range, &[("low", &t.signed(lo)), ("high", &t.signed(hi))]),
        (_, _, Some(v)) => fill(t.bench_point, &[("value", &t.signed(v))]),
        _ => String::new(),
    };
    let line = [
        ("sector", b.sector.clone()),
        ("published", published),
        ("verdict", t.verdict(b.verdict).to_owned()),
        ("source", b.source.clone()),
        ("year", b.year.to_string()),
        ("region", b.region.clone()),
        ("audience", b.audience.to_string()),
    ];
    fill_owned(c.benchmark_line, &line)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_values_are_cut_apart_with_an_ellipsis() {
        let cut = |texts: &[&str]| crate::import::columns::shortened_apart(texts, 28);
        assert_eq!(cut(&["abcdef"]), ["abcdef"]);
        let (one, two) = (
            "A very long segment label that goes on and on, region one",
            "A very long segment label that goes on and on, region two",
        );
        // Once both printed "A very long segment label t…".
        assert_eq!(cut(&[one, two]), ["A very long se… region one", "A very long se… region two"]);
        assert!(cut(&[one, two]).iter().all(|l| l.chars().count() <= 28));
    }
}
