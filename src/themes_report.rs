//! The themes of one file as one serialisable object: what `nps-workbench themes` prints with
//! `--json`, and its readable table.
//!
//! Owns the assembly of the themes output from `import`, `analysis::theme_counts` and a codebook,
//! and reading and writing codebook files (JSON or CSV); it computes nothing itself. Shares and
//! their intervals are percentages (0..100), NPS values on the -100..100 scale.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use crate::analysis::{
    AnalysisError, CommentTags, Filter, Quote, Survey, SurveyParts, ThemeSummary, commented_rows, tag_survey,
    theme_summary,
};
use crate::files::write_atomic;
use crate::i18n::{CliTexts, Language as UiLanguage, fill, fill_owned};
use crate::import;
use crate::themes::{Codebook, Language, Preset, Representation};

/// What `themes` was asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThemesRequest {
    /// Which rows to count.
    pub filter: Filter,
    /// Also list every commented row with its language and themes.
    pub comments: bool,
}

/// One theme in the JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeJson {
    /// Theme id.
    pub theme: String,
    /// The general codebook's theme it belongs to (itself for a general theme; `null` for a theme
    /// a user made), so that totals compare across presets.
    pub general_theme: Option<String>,
    /// English label.
    pub label: String,
    /// Respondents mentioning it.
    pub mentions: u64,
    /// Of them, those whose mention complains ("the food was cold").
    pub negative_mentions: u64,
    /// Of them, those whose mention praises ("the food was great"); a comment may do both.
    pub positive_mentions: u64,
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
    /// `over`, `under` or `none`: whether detractors mention it more or less often than the
    /// others beyond chance (Fisher's exact test on counts, Holm across themes, 5%).
    pub representation: Representation,
    /// Unadjusted p-value of the representation test (absent when a side has fewer than 5
    /// answers).
    pub p_value: Option<f64>,
    /// Holm-adjusted p-value of the representation test.
    pub p_adjusted: f64,
    /// NPS of those who mention it.
    pub nps_with: Option<f64>,
    /// NPS of the other respondents with a comment.
    pub nps_without: Option<f64>,
    /// Impact on the NPS: NPS of every commenter minus NPS of those not mentioning it, points.
    pub impact: Option<f64>,
    /// 95% interval of the impact, lower bound.
    pub impact_ci_low: Option<f64>,
    /// 95% interval of the impact, upper bound.
    pub impact_ci_high: Option<f64>,
    /// p-value of the calibrated test of the impact (the NPS with against without), unadjusted.
    pub impact_p: Option<f64>,
    /// `impact_p` after Holm's correction across the themes.
    pub impact_p_adjusted: Option<f64>,
    /// The test behind `impact_p`: `exact_permutation` or `pooled_z`.
    pub impact_test: Option<&'static str>,
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
    /// The sector codebook the comments were read with (`general`, `hospitality`, ...; for an
    /// imported codebook, the preset it was made from).
    pub preset: String,
    /// Themes mentioned, by share of detractors mentioning them.
    pub themes: Vec<ThemeJson>,
    /// Phrases detractors use more than promoters.
    pub discovered: Vec<PhraseJson>,
    /// With `--comments`: every commented row kept, with language and theme ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<CommentTags>>,
}

/// Why a codebook file could not be read or written; every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum CodebookFileError {
    /// The system refused the read.
    #[error("{file}: cannot be read: {source}")]
    Read {
        /// The file, as the user knows it.
        file: String,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is not a codebook, or the codebook cannot be written in its format.
    #[error("{file}: {source}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong with it.
        source: crate::themes::codebook::CodebookError,
    },
    /// The system refused the write (or the folder).
    #[error("{file}: cannot write: {source}")]
    Write {
        /// The file.
        file: String,
        /// The system's reason.
        source: std::io::Error,
    },
}

/// Reads a codebook file (JSON, or CSV when the name ends in `.csv`); errors name the file.
pub fn read_codebook(path: &Path) -> Result<Codebook, CodebookFileError> {
    let file = crate::import::display_name(path);
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(source) => return Err(CodebookFileError::Read { file, source }),
    };
    let (text, _) = crate::import::text::decode_text(bytes);
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let codebook = if is_csv { Codebook::from_csv(&text) } else { Codebook::from_json(&text) };
    codebook.map_err(|source| CodebookFileError::Invalid { file, source })
}

/// Writes `codebook` to `path` atomically (CSV when the name ends in `.csv`, else JSON), whole:
/// the file can be shared.
pub fn write_codebook(path: &Path, codebook: &Codebook) -> Result<(), CodebookFileError> {
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    write_codebook_text(path, if is_csv { codebook.to_csv() } else { codebook.to_json() })
}

/// Saves the codebook in use as JSON at `path` atomically: a shipped preset left unedited by its
/// name only, so that the next version's keywords reach it.
pub fn save_codebook(path: &Path, codebook: &Codebook) -> Result<(), CodebookFileError> {
    write_codebook_text(path, codebook.to_json_naming_preset())
}

fn write_codebook_text(
    path: &Path,
    text: Result<String, crate::themes::CodebookError>,
) -> Result<(), CodebookFileError> {
    let file = || path.display().to_string();
    let text = text.map_err(|source| CodebookFileError::Invalid { file: file(), source })?;
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| CodebookFileError::Write { file: file(), source })?;
    }
    write_atomic(path, text.as_bytes()).map_err(|source| CodebookFileError::Write { file: file(), source })
}

/// A detractor theme in two waves: the share of detractors with a comment who complain about it
/// in each, and its change with the two-proportion test (Holm across the themes).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeChange {
    /// The theme's id.
    pub theme: String,
    /// Its label in the language asked.
    pub label: String,
    /// Share of the previous wave's commenting detractors complaining about it, percent.
    pub previous: f64,
    /// In this wave, percent.
    pub current: f64,
    /// This wave's share minus the previous one's, points.
    pub change: f64,
    /// The change's 95% (Wald) interval, points.
    pub ci_low: f64,
    /// Upper bound.
    pub ci_high: f64,
    /// Two-sided p-value (Fisher's mid-p on the counts).
    pub p_value: f64,
    /// After Holm's correction across the themes.
    pub p_adjusted: f64,
    /// Significant at 5% after Holm's correction: the theme grew or shrank among detractors.
    pub significant: bool,
    /// The previous wave's detractors with a comment: the base of its share.
    pub previous_n: u64,
    /// This wave's.
    pub current_n: u64,
}

/// The detractor themes of one segment (a value of a column compared) in both waves; Holm runs
/// across the segment's themes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentThemeChanges {
    /// This wave's header of the column.
    pub column: String,
    /// The value, as the comparison names it.
    pub value: String,
    /// The previous wave's detractors with a comment in the segment.
    pub previous_n: u64,
    /// This wave's.
    pub current_n: u64,
    /// Its themes, largest change first.
    pub themes: Vec<ThemeChange>,
}

/// What detractors complain about in two waves: overall, and per segment of the columns
/// compared.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct WaveThemes {
    /// Every detractor with a comment.
    pub overall: Vec<ThemeChange>,
    /// Each segment of the comparison with a commenting detractor in either wave, in the
    /// comparison's order.
    pub segments: Vec<SegmentThemeChanges>,
}

impl WaveThemes {
    /// Whether neither wave had comments to compare.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.overall.is_empty() && self.segments.is_empty()
    }

    /// The same with labels in `language`, as `codebook` names the themes.
    #[must_use]
    pub fn relabelled(&self, codebook: &Codebook, language: Language) -> Self {
        Self {
            overall: relabelled(&self.overall, codebook, language),
            segments: self
                .segments
                .iter()
                .map(|s| SegmentThemeChanges { themes: relabelled(&s.themes, codebook, language), ..s.clone() })
                .collect(),
        }
    }
}

/// One wave's table with what it is counted under (a period's dates, the view's filter).
pub type WaveTable<'a> = (&'a import::ImportedTable, &'a Filter);

/// The detractor themes of two waves compared overall and per segment of `comparison`, whose
/// columns `columns` matched across the two tables; empty when either wave has no comment
/// column. Each comment is read once per wave; a segment counts its own detractors.
pub fn wave_theme_changes(
    (before, before_filter): WaveTable<'_>,
    (after, after_filter): WaveTable<'_>,
    comparison: &crate::analysis::waves::WaveComparison,
    columns: &[crate::analysis::waves::MatchedColumn],
    codebook: &Codebook,
    language: Language,
) -> Result<WaveThemes, String> {
    let old_columns: Vec<String> = columns.iter().map(|c| c.previous.clone()).collect();
    let new_columns: Vec<String> = columns.iter().map(|c| c.current.clone()).collect();
    let (old, new) = crate::parallel::both(
        || themes_of_table_with(before, before_filter, codebook, &old_columns),
        || themes_of_table_with(after, after_filter, codebook, &new_columns),
    );
    let (Some(old), Some(new)) = (old?, new?) else { return Ok(WaveThemes::default()) };
    let overall = theme_changes(&old.summary, &new.summary, language);
    let mut segments = Vec::new();
    for row in &comparison.segments {
        let Some(pair) = columns.iter().find(|c| c.current == row.column) else { continue };
        let key = crate::analysis::waves::value_key(&row.value);
        // The segment's own detractors: its labels (any case or spacing) within the filter.
        let within = |side: &TableThemes, column: &str| -> Result<ThemeSummary, String> {
            let labels: std::collections::BTreeSet<String> = side
                .survey
                .segment(column)
                .map(|s| s.labels.iter().filter(|l| crate::analysis::waves::value_key(l) == key).cloned().collect())
                .unwrap_or_default();
            let mut filter = side.filter.clone();
            let kept = match filter.segments.get(column).filter(|v| !v.is_empty()) {
                Some(already) => labels.intersection(already).cloned().collect(),
                None => labels,
            };
            if kept.is_empty() {
                // A value the wave lacks: nobody (an empty set of values would keep everyone).
                let weighted = side.survey.is_weighted();
                return Ok(ThemeSummary {
                    commenters: 0,
                    group_sizes: [0; 3],
                    weighted,
                    themes: Vec::new(),
                    complaints: Vec::new(),
                });
            }
            filter.segments.insert(column.to_owned(), kept);
            let place = side.survey.source.place();
            theme_summary(&side.survey, &side.tags, &filter).map_err(|e| format!("{place}: {e}"))
        };
        let (b, a) = (within(&old, &pair.previous)?, within(&new, &pair.current)?);
        let (previous_n, current_n) = (b.group_sizes[0], a.group_sizes[0]);
        if previous_n + current_n == 0 {
            continue;
        }
        segments.push(SegmentThemeChanges {
            column: row.column.clone(),
            value: row.value.clone(),
            previous_n,
            current_n,
            themes: theme_changes(&b, &a, language),
        });
    }
    Ok(WaveThemes { overall, segments })
}

/// The detractor themes (complaints) of two waves compared, the theme of either wave, largest
/// change first; counts are respondents, unweighted.
#[must_use]
pub fn theme_changes(previous: &ThemeSummary, current: &ThemeSummary, language: Language) -> Vec<ThemeChange> {
    use crate::stats::compare::compare_proportions;
    use crate::stats::exact::Alternative;
    let counts = |summary: &ThemeSummary, id: &crate::themes::ThemeId| {
        summary.complaints.iter().find(|row| &row.theme == id).map_or((0, summary.group_sizes[0]), |row| {
            (row.stats.detractors.mentions, row.stats.detractors.respondents)
        })
    };
    let mut ids: Vec<(&crate::themes::ThemeId, &crate::themes::Labels)> =
        current.complaints.iter().map(|row| (&row.theme, &row.labels)).collect();
    for row in &previous.complaints {
        if !ids.iter().any(|(id, _)| *id == &row.theme) {
            ids.push((&row.theme, &row.labels));
        }
    }
    let mut rows: Vec<ThemeChange> = ids
        .into_iter()
        .filter_map(|(id, labels)| {
            let ((x_b, n_b), (x_a, n_a)) = (counts(previous, id), counts(current, id));
            // A theme no detractor mentions in either wave is no change (nor a test for Holm).
            if x_a + x_b == 0 {
                return None;
            }
            let d = compare_proportions(
                [x_a as f64, n_a as f64, x_b as f64, n_b as f64],
                false,
                Alternative::TwoSided,
                crate::stats::Z95,
            )?;
            Some(ThemeChange {
                theme: id.as_str().to_owned(),
                label: labels.get(language).to_owned(),
                previous: 100.0 * x_b as f64 / n_b as f64,
                current: 100.0 * x_a as f64 / n_a as f64,
                change: 100.0 * d.difference,
                ci_low: 100.0 * d.ci_low,
                ci_high: 100.0 * d.ci_high,
                p_value: d.p_value,
                p_adjusted: d.p_value,
                significant: false,
                previous_n: n_b,
                current_n: n_a,
            })
        })
        .collect();
    let adjusted = crate::stats::holm_adjust(&rows.iter().map(|r| r.p_value).collect::<Vec<_>>());
    for (row, p) in rows.iter_mut().zip(adjusted) {
        row.p_adjusted = p;
        row.significant = p < 0.05;
    }
    rows.sort_by(|a, b| b.change.abs().total_cmp(&a.change.abs()));
    rows
}

/// `rows` with their labels in `language`, as `codebook` names their themes (a theme it no
/// longer holds keeps its label).
#[must_use]
pub fn relabelled(rows: &[ThemeChange], codebook: &Codebook, language: Language) -> Vec<ThemeChange> {
    rows.iter()
        .map(|row| {
            let label = crate::themes::ThemeId::new(row.theme.as_str())
                .ok()
                .and_then(|id| codebook.get(&id).map(|theme| theme.labels.get(language).to_owned()))
                .unwrap_or_else(|| row.label.clone());
            ThemeChange { label, ..row.clone() }
        })
        .collect()
}

/// Finds the themes of the comments of a table already read (with a project's roles, say) with
/// `codebook`, as asked; errors are one line naming the file.
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
    themes_of_table_with(table, filter, codebook, &[])
}

/// [`themes_of_table`] with the survey holding `columns` too, to count per their values later.
pub fn themes_of_table_with(
    table: &import::ImportedTable,
    filter: &Filter,
    codebook: &Codebook,
    columns: &[String],
) -> Result<Option<TableThemes>, String> {
    let place = table.source.place();
    let mut filter = filter.clone();
    let mut columns: Vec<String> = columns.to_vec();
    let mut segments = std::collections::BTreeMap::new();
    for (column, values) in std::mem::take(&mut filter.segments) {
        let header = table.headers[table.column_index(&column).map_err(|e| e.to_string())?].clone();
        if !columns.contains(&header) {
            columns.push(header.clone());
        }
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
            general_theme: codebook.get(&r.theme).and_then(|t| t.general_theme()).map(str::to_owned),
            label: r.labels.get(Language::English).to_owned(),
            mentions: r.mentions,
            negative_mentions: r.negative,
            positive_mentions: r.positive,
            detractors: r.stats.detractors.mentions,
            passives: r.stats.passives.mentions,
            promoters: r.stats.promoters.mentions,
            detractor_share: pct(r.stats.detractors.share),
            ci_low: pct(r.stats.detractors.interval.low),
            ci_high: pct(r.stats.detractors.interval.high),
            passive_share: pct(r.stats.passives.share),
            promoter_share: pct(r.stats.promoters.share),
            over_represented: r.stats.over_represented,
            representation: r.stats.representation,
            p_value: r.stats.test.map(|t| t.p_value),
            p_adjusted: r.stats.p_holm,
            nps_with: r.with.as_ref().map(|s| s.nps),
            nps_without: r.without.as_ref().map(|s| s.nps),
            impact: r.impact.map(|i| i.impact),
            impact_ci_low: r.impact.map(|i| i.ci_low),
            impact_ci_high: r.impact.map(|i| i.ci_high),
            impact_p: r.impact.map(|i| i.p_value),
            impact_p_adjusted: r.nps_p_adjusted,
            impact_test: r.impact.map(|i| i.method),
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
        preset: Preset::of(codebook).key().to_owned(),
        themes,
        discovered,
        comments,
    }
}

/// The readable table of `themes`, in `language` (words and number formats).
#[must_use]
pub fn format_themes(report: &ThemesReport, language: UiLanguage) -> String {
    let (t, c) = (language.texts(), CliTexts::of(language));
    let mut out = String::new();
    let [d, pa, p] = report.group_sizes;
    let counts = [
        ("file", report.file.clone()),
        ("n", report.commenters.to_string()),
        ("d", d.to_string()),
        ("pa", pa.to_string()),
        ("p", p.to_string()),
    ];
    let header = fill_owned(c.themes_header, &counts);
    let _ = writeln!(out, "{header}{}", if report.weighted { c.weighted } else { "" });
    let preset =
        Preset::by_key(&report.preset).map_or(report.preset.as_str(), |p| p.label(language.comment_language()));
    let _ = writeln!(out, "{}", fill(c.themes_codebook, &[("preset", preset)]));
    if !report.filter.is_empty() {
        let _ = writeln!(out, "{}", fill(t.filter_footnote, &[("filter", &report.filter)]));
    }
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:<24} {:>10} {:>10} {:>7} {:>24} {:>7} {:>7} {:>10} {:>10} {:>26} {:>9}  {}",
        c.col_theme,
        c.col_mentions,
        c.col_complaints,
        c.col_praise,
        c.col_detractor_share,
        c.col_passive_share,
        c.col_promoter_share,
        c.col_nps_with,
        c.col_nps_without,
        c.col_impact,
        "p (Holm)",
        c.col_over
    );
    let nps = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |x| t.signed(x));
    for theme in &report.themes {
        let share = format!(
            "{} ({})",
            t.number(theme.detractor_share, 1),
            fill(c.range, &[("low", &t.number(theme.ci_low, 1)), ("high", &t.number(theme.ci_high, 1))])
        );
        let impact = match (theme.impact, theme.impact_ci_low, theme.impact_ci_high) {
            (Some(i), Some(low), Some(high)) => {
                format!("{} ({})", t.signed(i), fill(c.range, &[("low", &t.signed(low)), ("high", &t.signed(high))]))
            }
            _ => "-".to_owned(),
        };
        let _ = writeln!(
            out,
            "{:<24} {:>10} {:>10} {:>7} {:>24} {:>7} {:>7} {:>10} {:>10} {:>26} {:>9}  {}",
            theme.label.chars().take(24).collect::<String>(),
            theme.mentions,
            theme.negative_mentions,
            theme.positive_mentions,
            share,
            t.number(theme.passive_share, 1),
            t.number(theme.promoter_share, 1),
            nps(theme.nps_with),
            nps(theme.nps_without),
            impact,
            theme.impact_p_adjusted.map_or_else(|| "-".to_owned(), |p| t.number(p, 3)),
            match theme.representation {
                Representation::Over => c.over_yes,
                Representation::Under => c.under_yes,
                Representation::None => "",
            }
        );
    }
    if report.themes.is_empty() {
        let _ = writeln!(out, "{}", c.no_theme);
    }
    let quoted: Vec<&ThemeJson> = report.themes.iter().filter(|t| !t.quotes.is_empty()).take(5).collect();
    if !quoted.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", c.quotes);
        for theme in quoted {
            for q in theme.quotes.iter().take(2) {
                let line = [
                    ("theme", theme.label.clone()),
                    ("row", q.row.to_string()),
                    ("score", q.score.to_string()),
                    ("text", q.text.replace('\n', " ")),
                ];
                let _ = writeln!(out, "{}", fill_owned(c.quote_line, &line));
            }
        }
    }
    if !report.discovered.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", c.discovered);
        for phrase in report.discovered.iter().take(15) {
            let covered = phrase
                .covered_by
                .as_ref()
                .map_or_else(|| c.phrase_new.to_owned(), |x| fill(c.phrase_in, &[("theme", x)]));
            let score = t.number(phrase.score, 2);
            let _ = writeln!(out, "  {:<32} {:<8} {score:>6}  {covered}", phrase.phrase, phrase.language.code());
        }
    }
    if let Some(comments) = &report.comments {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", c.comments);
        for comment in comments {
            let themes: Vec<&str> = comment.themes.iter().map(|t| t.as_str()).collect();
            let _ = writeln!(
                out,
                "  {} {:<7} {:<8} {}",
                c.comment_row,
                comment.row,
                comment.language.code(),
                themes.join(", ")
            );
        }
    }
    out
}
