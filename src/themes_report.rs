//! The themes of one file as one serialisable object: what `nps-workbench themes` prints with
//! `--json`, and its readable table.
//!
//! Owns the assembly of the themes output from `import`, `analysis::theme_counts` and a codebook;
//! it computes nothing itself. Shares and their intervals are percentages (0..100), NPS values
//! on the -100..100 scale.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::analysis::{
    AnalysisError, CommentTags, Filter, Quote, Survey, SurveyParts, ThemeSummary, commented_rows, tag_survey,
    theme_summary,
};
use crate::export::write_atomic;
use crate::i18n::signed;
use crate::import::{self, ImportOptions};
use crate::themes::{Codebook, Language, default_codebook};

/// What `themes` was asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemesRequest {
    /// How to read the file.
    pub import: ImportOptions,
    /// Which rows to count.
    pub filter: Filter,
    /// A codebook file (JSON or CSV) instead of the default codebook.
    pub codebook: Option<PathBuf>,
    /// Also list every commented row with its language and themes.
    pub comments: bool,
}

/// One theme in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeJson {
    /// Theme id.
    pub theme: String,
    /// English label.
    pub label: String,
    /// Respondents mentioning it.
    pub mentions: u64,
    /// Detractors mentioning it.
    pub detractors: u64,
    /// Passives mentioning it.
    pub passives: u64,
    /// Promoters mentioning it.
    pub promoters: u64,
    /// % of detractors (with a comment) mentioning it, weighted when the data are.
    pub detractor_share: f64,
    /// Wilson 95% interval of `detractor_share`, lower bound (%).
    pub ci_low: f64,
    /// Upper bound (%).
    pub ci_high: f64,
    /// % of passives mentioning it.
    pub passive_share: f64,
    /// % of promoters mentioning it.
    pub promoter_share: f64,
    /// Mentioned significantly more by detractors than by the others (Holm across themes, 5%).
    pub over_represented: bool,
    /// Holm-adjusted p-value of the over-representation test.
    pub p_adjusted: f64,
    /// NPS of those who mention it.
    pub nps_with: Option<f64>,
    /// NPS of the other respondents with a comment.
    pub nps_without: Option<f64>,
    /// Representative quotes.
    pub quotes: Vec<Quote>,
}

/// One discovered phrase in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhraseJson {
    /// The phrase as most often written.
    pub phrase: String,
    /// Its language.
    pub language: Language,
    /// Log-odds z score (positive: detractors use it more than promoters).
    pub score: f64,
    /// The theme whose keyword already covers it, if any.
    pub covered_by: Option<String>,
}

/// The `themes --json` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemesReport {
    /// File (and sheet) read.
    pub file: String,
    /// The filter, in words (empty: all rows).
    pub filter: String,
    /// Respondents with an answer that counts, kept by the filter, with a comment (the base).
    pub commenters: u64,
    /// Of whom detractors, passives and promoters.
    pub group_sizes: [u64; 3],
    /// Whether the counts are weighted.
    pub weighted: bool,
    /// Themes mentioned, by share of detractors mentioning them.
    pub themes: Vec<ThemeJson>,
    /// Phrases detractors use more than promoters.
    pub discovered: Vec<PhraseJson>,
    /// With `--comments`: every commented row kept, with language and theme ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<CommentTags>>,
}

/// Reads a codebook file (JSON, or CSV when the name ends in `.csv`); errors name the file.
pub fn read_codebook(path: &Path) -> Result<Codebook, String> {
    let name = crate::import::display_name(path);
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot be read: {e}"))?;
    let (text, _) = crate::import::text::decode_text(bytes);
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let codebook = if is_csv { Codebook::from_csv(&text) } else { Codebook::from_json(&text) };
    codebook.map_err(|e| format!("{name}: {e}"))
}

/// Writes `codebook` to `path` atomically (CSV when the name ends in `.csv`, else JSON).
pub fn write_codebook(path: &Path, codebook: &Codebook) -> Result<(), String> {
    let name = path.display().to_string();
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let text = if is_csv { codebook.to_csv() } else { codebook.to_json() }.map_err(|e| format!("{name}: {e}"))?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| format!("{name}: cannot write: {e}"))?;
    }
    write_atomic(path, text.as_bytes()).map_err(|e| format!("{name}: cannot write: {e}"))
}

/// Reads `path` and finds the themes of its comments as asked; errors are one line naming the
/// file.
pub fn themes_for_file(path: &Path, request: &ThemesRequest) -> Result<ThemesReport, String> {
    let codebook = match &request.codebook {
        Some(file) => read_codebook(file)?,
        None => default_codebook(),
    };
    let table = import::read_file(path, &request.import, &mut |_| true).map_err(|e| e.to_string())?;
    themes_for_table(&table, request, &codebook)
}

/// As [`themes_for_file`] for a table already read (with a project's roles, say), with `codebook`
/// (`request.import` and `request.codebook` are not used).
pub fn themes_for_table(
    table: &import::ImportedTable,
    request: &ThemesRequest,
    codebook: &Codebook,
) -> Result<ThemesReport, String> {
    let place = table.source.place();
    let themes = themes_of_table(table, &request.filter, codebook)?.ok_or_else(|| {
        let available = table.headers.iter().map(|h| format!("'{h}'")).collect::<Vec<_>>().join(", ");
        format!("{place}: no comment column to find themes in; columns: {available}")
    })?;
    let error = |e: AnalysisError| format!("{place}: {e}");
    let comments = if request.comments {
        Some(commented_rows(&themes.survey, &themes.tags, &themes.filter).map_err(error)?)
    } else {
        None
    };
    Ok(assemble(place, &themes.filter, codebook, &themes.summary, &themes.tags, comments))
}

/// The themes of an imported table: the survey typed for them, the tags of every comment, the
/// filter with the columns as the file names them, and the per-theme summary.
pub struct TableThemes {
    /// The survey (comments and the filter's columns).
    pub survey: Survey,
    /// Every comment's themes and the discovered phrases.
    pub tags: crate::analysis::ThemeTags,
    /// The filter, its columns named by their headers.
    pub filter: Filter,
    /// Per theme, under the filter.
    pub summary: ThemeSummary,
}

/// Reads the comments of `table` with `codebook`, counting under `filter`; `None` when the table
/// has no comment column. Errors name the file.
pub fn themes_of_table(
    table: &import::ImportedTable,
    filter: &Filter,
    codebook: &Codebook,
) -> Result<Option<TableThemes>, String> {
    let place = table.source.place();
    let mut filter = filter.clone();
    let mut columns = Vec::new();
    let mut segments = std::collections::BTreeMap::new();
    for (column, values) in std::mem::take(&mut filter.segments) {
        let header = table.headers[table.column_index(&column).map_err(|e| e.to_string())?].clone();
        columns.push(header.clone());
        segments.insert(header, values);
    }
    filter.segments = segments;
    let parts = SurveyParts {
        segments: Some(Vec::new()),
        dates: filter.date_from.is_some() || filter.date_to.is_some(),
        comments: true,
        metrics: false,
    };
    let survey = Survey::from_table_with(table, &columns, &parts).map_err(|e| e.to_string())?;
    if survey.comment_names.is_empty() {
        return Ok(None);
    }
    let error = |e: AnalysisError| format!("{place}: {e}");
    let tags = tag_survey(&survey, codebook, &AtomicBool::new(false))
        .map_err(error)?
        .ok_or_else(|| format!("{place}: reading the comments was cancelled"))?;
    let summary = theme_summary(&survey, &tags, &filter).map_err(error)?;
    Ok(Some(TableThemes { survey, tags, filter, summary }))
}

fn assemble(
    file: String,
    filter: &Filter,
    codebook: &Codebook,
    summary: &ThemeSummary,
    tags: &crate::analysis::ThemeTags,
    comments: Option<Vec<CommentTags>>,
) -> ThemesReport {
    let pct = |x: f64| 100.0 * x;
    let themes = summary
        .themes
        .iter()
        .map(|r| ThemeJson {
            theme: r.theme.to_string(),
            label: r.labels.get(Language::English).to_owned(),
            mentions: r.mentions,
            detractors: r.stats.detractors.mentions,
            passives: r.stats.passives.mentions,
            promoters: r.stats.promoters.mentions,
            detractor_share: pct(r.stats.detractors.share),
            ci_low: pct(r.stats.detractors.interval.low),
            ci_high: pct(r.stats.detractors.interval.high),
            passive_share: pct(r.stats.passives.share),
            promoter_share: pct(r.stats.promoters.share),
            over_represented: r.stats.over_represented,
            p_adjusted: r.stats.p_holm,
            nps_with: r.with.as_ref().map(|s| s.nps),
            nps_without: r.without.as_ref().map(|s| s.nps),
            quotes: r.quotes.clone(),
        })
        .collect();
    let discovered = tags
        .discovered
        .iter()
        .map(|p| PhraseJson {
            phrase: p.display.clone(),
            language: p.language,
            score: p.z,
            covered_by: p.covered_by.as_ref().map(|id| {
                codebook.get(id).map_or_else(|| id.to_string(), |t| t.labels.get(Language::English).to_owned())
            }),
        })
        .collect();
    ThemesReport {
        file,
        filter: if filter.is_empty() { String::new() } else { filter.describe() },
        commenters: summary.commenters,
        group_sizes: summary.group_sizes,
        weighted: summary.weighted,
        themes,
        discovered,
        comments,
    }
}

/// The readable table of `themes`.
#[must_use]
pub fn format_themes(report: &ThemesReport) -> String {
    let mut out = String::new();
    let [d, pa, p] = report.group_sizes;
    let _ = writeln!(
        out,
        "{}: {} respondents with a comment ({d} detractors, {pa} passives, {p} promoters){}",
        report.file,
        report.commenters,
        if report.weighted { ", weighted" } else { "" }
    );
    if !report.filter.is_empty() {
        let _ = writeln!(out, "Filter: {}", report.filter);
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<24} {:>8} {:>22} {:>7} {:>7} {:>7} {:>9}  over-represented",
        "theme", "mentions", "% detractors (95% CI)", "% pass", "% prom", "NPS with", "NPS w/o"
    );
    for t in &report.themes {
        let nps = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), signed);
        let _ = writeln!(
            out,
            "{:<24} {:>8} {:>22} {:>7.1} {:>7.1} {:>7} {:>9}  {}",
            t.label.chars().take(24).collect::<String>(),
            t.mentions,
            format!("{:.1} ({:.1} to {:.1})", t.detractor_share, t.ci_low, t.ci_high),
            t.passive_share,
            t.promoter_share,
            nps(t.nps_with),
            nps(t.nps_without),
            if t.over_represented { "* yes (Holm)" } else { "" }
        );
    }
    if report.themes.is_empty() {
        let _ = writeln!(out, "(no comment mentions a theme of the codebook)");
    }
    let quoted: Vec<&ThemeJson> = report.themes.iter().filter(|t| !t.quotes.is_empty()).take(5).collect();
    if !quoted.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Quotes");
        for t in quoted {
            for q in t.quotes.iter().take(2) {
                let _ = writeln!(
                    out,
                    "  {} (row {}, score {}): \"{}\"",
                    t.label,
                    q.row,
                    q.score,
                    q.text.replace('\n', " ")
                );
            }
        }
    }
    if !report.discovered.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "Words and phrases detractors use more than promoters (log-odds z)");
        for phrase in report.discovered.iter().take(15) {
            let covered = phrase.covered_by.as_ref().map_or_else(|| "new".to_owned(), |c| format!("in {c}"));
            let _ =
                writeln!(out, "  {:<32} {:<8} {:>6.2}  {covered}", phrase.phrase, phrase.language.code(), phrase.score);
        }
    }
    if let Some(comments) = &report.comments {
        let _ = writeln!(out);
        let _ = writeln!(out, "Comments");
        for c in comments {
            let themes: Vec<&str> = c.themes.iter().map(|t| t.as_str()).collect();
            let _ = writeln!(out, "  row {:<7} {:<8} {}", c.row, c.language.code(), themes.join(", "));
        }
    }
    out
}
