//! The Compare view's state: which waves are compared (two periods of the open file, or the open
//! file against a previous wave's file), how the previous file's columns match this one's (found
//! by header or values, corrected by the user), the comparison computed on the "compare" thread,
//! and the planner's inputs.
//!
//! Owns the view's choices and jobs; the statistics are `analysis::waves`' and the figures
//! `figures`'.

use std::path::PathBuf;
use std::sync::Arc;

use super::failure::{Cause, Failure};
use super::jobs::{FileDialogJob, LoadedSurvey, Worker};
use super::notice_list::NoticeKind;
use super::services::Services;
use crate::analysis::waves::{MAX_VALUES, MatchedBy, MatchedColumn, Wave, WaveComparison, compare_waves, match_column};
use crate::analysis::weighting::{MarginSpec, RakeSummary, rake_table};
use crate::analysis::{Filter, Period, Survey, SurveyParts, TrendPoint, calendar};
use crate::import::{self, ImportOptions, ImportedTable};
use crate::themes::Codebook;
use crate::themes_report::{WaveTable, WaveThemes, wave_theme_changes};

/// Where the previous wave comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompareSource {
    /// Two periods of the open file.
    #[default]
    Periods,
    /// Another file: the previous wave's export.
    File,
}

/// How a compared column was found in the previous wave.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// The same header, or the same values under another header.
    Matched(MatchedBy),
    /// Chosen by the user.
    Chosen,
    /// Left out by the user.
    LeftOut,
    /// Not found, or not a column to compare per value: why.
    Missing(String),
}

/// A column of this wave compared per value, and its column in the previous wave.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnPick {
    /// This wave's header.
    pub current: String,
    /// The previous wave's header (`None`: not found, so not compared).
    pub previous: Option<String>,
    /// How it was found.
    pub found: Found,
}

/// The previous wave read from a file.
#[derive(Debug, Clone)]
pub struct PreviousFile {
    /// Its path.
    pub path: PathBuf,
    /// As read.
    pub table: Arc<ImportedTable>,
    /// Counts the files read, so that reading the same path again compares again.
    pub generation: u64,
    /// The open project whose roles the file was read with, if any.
    pub roles: Option<ProjectRoles>,
}

/// How the open project's roles (score, ID, date, weight, comment columns) applied to the
/// previous wave's file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectRoles {
    /// The project's file name.
    pub project: String,
    /// Why the roles did not fit (the columns missing): the file was then read as the import
    /// finds it. `None`: read with the roles.
    pub misfit: Option<String>,
}

/// Reads the previous wave's file with the open `project`'s roles when they fit it, else as the
/// import finds it (a previous wave may be laid out differently), and says which.
fn read_previous(
    path: &std::path::Path,
    project: Option<&(crate::project::Project, String)>,
) -> Result<(ImportedTable, Option<ProjectRoles>), String> {
    let plain = || import::read_file(path, &ImportOptions::default(), &mut |_| true).map_err(|e| e.to_string());
    let (table, roles) = match project {
        None => (plain()?, None),
        Some((p, name)) => match p.read_survey(path, name, &ImportOptions::default(), &mut |_| true) {
            Ok((table, _)) => (table, Some(ProjectRoles { project: name.clone(), misfit: None })),
            Err(crate::project::ProjectError::DoesNotFit { missing, .. }) => {
                let missing = missing.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ");
                (plain()?, Some(ProjectRoles { project: name.clone(), misfit: Some(missing) }))
            }
            Err(e) => return Err(e.to_string()),
        },
    };
    import::require_named_score(&table).map_err(|e| e.to_string())?;
    Ok((table, roles))
}

/// The planner's fields as typed (NPS points, percent, a count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannerForm {
    /// The margin +/-E, points.
    pub margin: String,
    /// The change D to detect between two waves, points.
    pub change: String,
    /// The customers the answers come from (empty: many).
    pub population: String,
    /// The response rate, percent (empty: not asked).
    pub response_rate: String,
    /// The expected split in percent of promoters, passives and detractors (`40, 40, 20`;
    /// empty: this wave's).
    pub split: String,
}

impl Default for PlannerForm {
    fn default() -> Self {
        Self {
            margin: "5".to_owned(),
            change: "5".to_owned(),
            population: String::new(),
            response_rate: String::new(),
            split: String::new(),
        }
    }
}

/// What the Compare view asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum CompareCommand {
    /// Compare two periods of the open file, or the open file with another.
    Source(CompareSource),
    /// The two periods compared (labels, previous first).
    Periods(String, String),
    /// Ask for the previous wave's file.
    ChooseFile,
    /// The previous wave's column for this wave's column (`None`: do not compare it).
    Column(String, Option<String>),
    /// Compare per value of this wave's column, or not.
    Include(String, bool),
    /// The planner's fields.
    Planner(PlannerForm),
}

/// A finished comparison and what it was computed for.
#[derive(Debug, Clone)]
pub struct CompareResult {
    /// What was asked.
    pub key: CompareKey,
    /// The two waves' names, as the footnotes and headings say them.
    pub names: (String, String),
    /// The comparison.
    pub comparison: Arc<WaveComparison>,
    /// The detractor themes of both waves, overall and per segment (empty without comments in
    /// both).
    pub themes: Arc<WaveThemes>,
    /// With this survey weighted to the population, what raking the previous wave's file to the
    /// same margins did.
    pub previous_raking: Option<Arc<RakeSummary>>,
}

/// Everything a comparison depends on: a change of any of it computes it again.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareKey {
    /// The survey compared (this wave's).
    pub survey: u64,
    source: CompareSource,
    file: Option<(PathBuf, u64)>,
    periods: Option<(String, String)>,
    filter: Filter,
    columns: Vec<MatchedColumn>,
    /// The codebook's version: an edit counts the themes again.
    codebook: u64,
}

/// What the "compare" thread gives back: the comparison and the waves' names, or why not.
type CompareOutcome = Result<(WaveComparison, (String, String), WaveThemes, Option<RakedPrevious>), String>;

/// The previous wave's file raked to the open survey's margins: kept, so that comparing again
/// (another column matched, a period, a codebook edit) does not rake it again.
#[derive(Debug, Clone)]
struct RakedPrevious {
    /// The file's read ([`PreviousFile::generation`]).
    generation: u64,
    /// The margins under the previous file's headers, and the trimming.
    margins: Vec<MarginSpec>,
    trim: Option<(f64, f64)>,
    table: Arc<ImportedTable>,
    summary: Arc<RakeSummary>,
}

/// What the "compare-read" thread gives back: the previous wave's table and its columns
/// matched with this wave's, or why not.
type ReadOutcome = Result<(ImportedTable, Option<ProjectRoles>, Vec<ColumnPick>), String>;

/// The Compare view's state.
#[derive(Default)]
pub struct CompareState {
    /// Periods or a file.
    pub source: CompareSource,
    /// The periods chosen (labels, previous first); `None`: the last two with answers.
    pub periods: Option<(String, String)>,
    /// The previous wave's file, once read.
    pub file: Option<PreviousFile>,
    /// The columns compared per value.
    pub columns: Vec<ColumnPick>,
    /// Columns the user left out.
    left_out: Vec<String>,
    /// The planner.
    pub planner: PlannerForm,
    /// The last comparison.
    pub result: Option<CompareResult>,
    /// Why the previous wave's file could not be read.
    pub error: Option<String>,
    dialog: Option<FileDialogJob>,
    reading: Option<Worker<ReadOutcome>>,
    job: Option<(CompareKey, Worker<CompareOutcome>)>,
    /// The survey the columns were picked for.
    picked_for: Option<u64>,
    /// The file being read for the previous wave.
    pending: Option<PathBuf>,
    /// A comparison that failed and why, not tried again until something changes.
    failed: Option<(CompareKey, String)>,
    /// What is asked now (as of the last refresh).
    wanted: Option<CompareKey>,
    /// Files read so far.
    generation: u64,
    /// The previous wave's file raked to the open survey's margins, for comparing again.
    raked: Option<RakedPrevious>,
}

/// One period of the trend with answers: its label and first and last day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodSpan {
    /// `2025-Q1`.
    pub label: String,
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, `YYYY-MM-DD`.
    pub to: String,
}

/// The periods of a trend that have answers, with their days.
#[must_use]
pub fn period_spans(points: &[TrendPoint], period: Period) -> Vec<PeriodSpan> {
    points
        .iter()
        .filter(|p| p.n > 0)
        .filter_map(|p| {
            let start = calendar::parse_iso_date(&p.start)?;
            let last = period.next_start(start) - 1;
            Some(PeriodSpan { label: p.period.clone(), from: p.start.clone(), to: calendar::iso_date(last) })
        })
        .collect()
}

impl CompareState {
    /// Whether the previous wave's file is being chosen in a dialog.
    #[must_use]
    pub fn choosing(&self) -> bool {
        self.dialog.is_some()
    }

    /// Whether anything is being read or computed.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.reading.is_some() || self.job.is_some() || self.dialog.is_some()
    }

    /// The result, when it is the one for what is asked now (never one made for another
    /// filter, period, file or column choice).
    #[must_use]
    pub fn current_result(&self) -> Option<&CompareResult> {
        self.result.as_ref().filter(|r| self.wanted.as_ref() == Some(&r.key))
    }

    /// Why what is asked now could not be compared (or the previous wave's file read).
    #[must_use]
    pub fn current_error(&self) -> Option<&str> {
        let failed = self.failed.as_ref().filter(|(key, _)| self.wanted.as_ref() == Some(key)).map(|(_, e)| e.as_str());
        failed.or(self.error.as_deref())
    }

    /// The name of the file being read for the previous wave.
    #[must_use]
    pub fn reading(&self) -> Option<String> {
        self.pending.as_deref().map(import::display_name)
    }

    /// Carries out a command of the view.
    pub fn apply(&mut self, command: CompareCommand, services: &Services) -> Result<(), Failure> {
        match command {
            CompareCommand::Source(source) => self.source = source,
            CompareCommand::Periods(previous, current) => self.periods = Some((previous, current)),
            CompareCommand::ChooseFile => {
                let t = services.language.texts();
                let dialog = FileDialogJob::open_survey(&services.chooser, None, t, services.waker())
                    .map_err(|cause| Failure::new(NoticeKind::OpenFile, cause))?;
                self.dialog = Some(dialog);
            }
            CompareCommand::Column(current, previous) => {
                if let Some(pick) = self.columns.iter_mut().find(|p| p.current == current) {
                    pick.found = if previous.is_some() { Found::Chosen } else { Found::LeftOut };
                    pick.previous = previous;
                }
            }
            CompareCommand::Include(column, on) => {
                self.left_out.retain(|c| *c != column);
                if !on {
                    self.left_out.push(column);
                }
            }
            CompareCommand::Planner(form) => self.planner = form,
        }
        Ok(())
    }

    /// Whether this wave's `column` is compared per value.
    #[must_use]
    pub fn includes(&self, column: &str) -> bool {
        !self.left_out.iter().any(|c| c == column)
    }

    /// Takes a finished dialog, file read or comparison and starts what `loaded`, `trend` and
    /// `filter` now ask for: every frame while the view is shown.
    pub fn refresh(
        &mut self,
        loaded: &LoadedSurvey,
        trend: Option<(&[TrendPoint], Period)>,
        filter: &Filter,
        codebook: (&Codebook, u64),
        project: Option<(crate::project::Project, String)>,
        wake: impl Fn() + Send + Clone + 'static,
    ) -> Option<Failure> {
        let failed = |cause: Cause| Some(Failure::new(NoticeKind::Analysis, cause));
        if let Some(dialog) = self.dialog.as_mut()
            && let Some(choice) = dialog.poll()
        {
            self.dialog = None;
            if let Some(path) = choice {
                let reader = path.clone();
                // The columns are matched on this thread too: by values it reads many cells.
                let this = loaded.table.clone();
                let columns: Vec<String> = loaded.survey.segments.iter().map(|s| s.name.clone()).collect();
                let work = move || {
                    let (table, roles) = read_previous(&reader, project.as_ref())?;
                    let picks = pick_columns(&table, this.as_deref(), &columns, &[]);
                    Ok((table, roles, picks))
                };
                match Worker::spawn("compare-read", work, wake.clone()) {
                    Ok(worker) => {
                        self.reading = Some(worker);
                        self.source = CompareSource::File;
                        self.error = None;
                        // Kept aside until read: the path the table comes from.
                        self.pending = Some(path);
                    }
                    Err(e) => return failed(Cause::thread("cannot start reading the file", e)),
                }
            }
        }
        if let Some(reading) = self.reading.as_mut()
            && let Some(outcome) = reading.poll()
        {
            self.reading = None;
            let path = self.pending.take().unwrap_or_default();
            match outcome {
                Some(Ok((table, roles, picks))) => {
                    self.generation += 1;
                    let generation = self.generation;
                    self.file = Some(PreviousFile { path, table: Arc::new(table), generation, roles });
                    self.columns = picks;
                    self.picked_for = Some(loaded.survey.id());
                    self.failed = None;
                }
                Some(Err(message)) => self.error = Some(message),
                None => return failed(Cause::Crashed { what: "reading the previous wave".to_owned(), stopped: true }),
            }
        }
        let survey = &loaded.survey;
        if self.picked_for != Some(survey.id()) {
            // Another survey shown (rare with a file chosen: matched here, once).
            let names: Vec<String> = survey.segments.iter().map(|s| s.name.clone()).collect();
            self.columns = match &self.file {
                Some(file) => pick_columns(&file.table, loaded.table.as_deref(), &names, &self.columns),
                None => names
                    .into_iter()
                    .map(|current| ColumnPick {
                        previous: Some(current.clone()),
                        current,
                        found: Found::Matched(MatchedBy::Header),
                    })
                    .collect(),
            };
            self.picked_for = Some(survey.id());
        }
        if let Some((key, mut job)) = self.job.take() {
            match job.poll() {
                None => self.job = Some((key, job)),
                Some(Some(Ok((comparison, names, themes, raked)))) => {
                    self.error = None;
                    let (comparison, themes) = (Arc::new(comparison), Arc::new(themes));
                    let previous_raking = raked.as_ref().map(|r| Arc::clone(&r.summary));
                    self.raked = raked;
                    self.result = Some(CompareResult { key, names, comparison, themes, previous_raking });
                }
                // Not asked again until something changes.
                Some(Some(Err(message))) => self.failed = Some((key, message)),
                Some(None) => {
                    self.failed = Some((key, "the comparison stopped unexpectedly".to_owned()));
                    return failed(Cause::Crashed { what: "comparing the waves".to_owned(), stopped: true });
                }
            }
        }
        self.wanted = self.key(loaded, trend, filter).map(|key| CompareKey { codebook: codebook.1, ..key });
        let key = self.wanted.clone()?;
        let done = self.result.as_ref().is_some_and(|r| r.key == key)
            || self.failed.as_ref().is_some_and(|(failed, _)| *failed == key);
        let running = self.job.as_ref().is_some_and(|(k, _)| *k == key);
        if done || running || self.job.is_some() || self.reading.is_some() {
            return None;
        }
        let work = self.work(loaded, trend, &key, codebook.0.clone());
        match Worker::spawn("compare", work, wake) {
            Ok(worker) => self.job = Some((key, worker)),
            Err(e) => return failed(Cause::thread("cannot start the comparison", e)),
        }
        None
    }

    /// The periods compared: the user's (the earlier one first), else the last two with
    /// answers.
    #[must_use]
    pub fn chosen_periods(&self, spans: &[PeriodSpan]) -> Option<(PeriodSpan, PeriodSpan)> {
        let find = |label: &str| spans.iter().position(|s| s.label == label);
        if let Some((a, b)) = &self.periods
            && let (Some(a), Some(b)) = (find(a), find(b))
            && a != b
        {
            return Some((spans[a.min(b)].clone(), spans[a.max(b)].clone()));
        }
        match spans {
            [.., a, b] => Some((a.clone(), b.clone())),
            _ => None,
        }
    }

    /// What would be compared now; `None` when there is not yet anything to compare (one
    /// period, no file).
    fn key(
        &self,
        loaded: &LoadedSurvey,
        trend: Option<(&[TrendPoint], Period)>,
        filter: &Filter,
    ) -> Option<CompareKey> {
        let survey = loaded.survey.id();
        // A column of IDs or free text is no segment to compare per value.
        let few_values = |column: &str| loaded.survey.segment(column).is_some_and(|s| s.labels.len() <= MAX_VALUES);
        match self.source {
            CompareSource::Periods => {
                let (points, period) = trend?;
                let (a, b) = self.chosen_periods(&period_spans(points, period))?;
                let columns = self
                    .columns
                    .iter()
                    .filter(|p| self.includes(&p.current) && few_values(&p.current))
                    .map(|p| MatchedColumn { previous: p.current.clone(), current: p.current.clone() })
                    .collect();
                Some(CompareKey {
                    survey,
                    source: self.source,
                    file: None,
                    periods: Some((
                        format!("{}|{}|{}", a.label, a.from, a.to),
                        format!("{}|{}|{}", b.label, b.from, b.to),
                    )),
                    filter: filter.clone(),
                    columns,
                    codebook: 0,
                })
            }
            CompareSource::File => {
                let file = self.file.as_ref()?;
                let columns = self
                    .columns
                    .iter()
                    .filter(|p| self.includes(&p.current) && few_values(&p.current))
                    .filter_map(|p| Some(MatchedColumn { previous: p.previous.clone()?, current: p.current.clone() }))
                    .collect();
                Some(CompareKey {
                    survey,
                    source: self.source,
                    file: Some((file.path.clone(), file.generation)),
                    periods: None,
                    filter: Filter::default(),
                    columns,
                    codebook: 0,
                })
            }
        }
    }

    /// The comparison `key` asks for, to run on the "compare" thread.
    fn work(
        &self,
        loaded: &LoadedSurvey,
        trend: Option<(&[TrendPoint], Period)>,
        key: &CompareKey,
        codebook: Codebook,
    ) -> impl FnOnce() -> CompareOutcome + Send + 'static {
        let survey = Arc::clone(&loaded.survey);
        let previous = self.file.as_ref().map(|f| Arc::clone(&f.table));
        let spans = trend.and_then(|(points, period)| self.chosen_periods(&period_spans(points, period)));
        let key = key.clone();
        let this_name = loaded.source.display_name();
        let this_table = loaded.table.clone();
        // This survey's weighting to the population: the previous wave's file is raked to the
        // same margins, as `compare --rake` rakes both, under the headers its columns were
        // found by; raked once for those margins.
        let weighting = loaded.weighting.as_ref().map(|w| {
            let mut margins = w.margins.clone();
            for margin in &mut margins {
                // Every column found in the previous file, compared per value or not.
                let found = self.columns.iter().find(|c| c.current.eq_ignore_ascii_case(&margin.column));
                if let Some(previous) = found.and_then(|c| c.previous.as_ref()) {
                    margin.column.clone_from(previous);
                }
            }
            (w.file.clone(), margins, w.trim)
        });
        let generation = self.file.as_ref().map_or(0, |f| f.generation);
        let cached = self.raked.clone().filter(|r| {
            weighting.as_ref().is_some_and(|(_, margins, trim)| {
                r.generation == generation && r.margins == *margins && r.trim == *trim
            })
        });
        let language = crate::themes::Language::English;
        // What detractors complain about in each wave, when both have comments; a failure to read
        // the comments leaves the comparison without themes rather than without figures.
        let themes =
            move |before: WaveTable<'_>, after: WaveTable<'_>, c: &WaveComparison, columns: &[MatchedColumn]| {
                wave_theme_changes(before, after, c, columns, &codebook, language).unwrap_or_default()
            };
        move || match (key.source, previous, spans) {
            (CompareSource::Periods, _, Some((a, b))) => {
                // The period, within the filter's own dates when it has them.
                let within = |span: &PeriodSpan| Filter {
                    date_from: Some(
                        key.filter.date_from.clone().map_or_else(|| span.from.clone(), |f| f.max(span.from.clone())),
                    ),
                    date_to: Some(
                        key.filter.date_to.clone().map_or_else(|| span.to.clone(), |t| t.min(span.to.clone())),
                    ),
                    ..key.filter.clone()
                };
                let (before, after) = (within(&a), within(&b));
                let comparison = compare_waves(
                    Wave { survey: &survey, filter: &before },
                    Wave { survey: &survey, filter: &after },
                    &key.columns,
                )
                .map_err(|e| e.to_string())?;
                let themes = this_table
                    .as_deref()
                    .map(|t| themes((t, &before), (t, &after), &comparison, &key.columns))
                    .unwrap_or_default();
                Ok((comparison, (a.label, b.label), themes, None))
            }
            (CompareSource::File, Some(table), _) => {
                let raked = match (cached, weighting) {
                    (Some(raked), _) => Some(raked),
                    (None, Some((file, margins, trim))) => {
                        let (raked, summary) = rake_table((*table).clone(), &margins, trim).map_err(|e| {
                            format!(
                                "{} cannot be weighted to the margins of {file} as this survey is: {e}",
                                table.source.file_name
                            )
                        })?;
                        let (table, summary) = (Arc::new(raked), Arc::new(summary));
                        Some(RakedPrevious { generation, margins, trim, table, summary })
                    }
                    (None, None) => None,
                };
                let table = raked.as_ref().map_or(table, |r| Arc::clone(&r.table));
                let columns: Vec<String> = key.columns.iter().map(|c| c.previous.clone()).collect();
                let parts = SurveyParts { segments: Some(Vec::new()), dates: false, comments: false, metrics: true };
                let old = Survey::from_table_with(&table, &columns, &parts).map_err(|e| e.to_string())?;
                let all = Filter::default();
                let comparison = compare_waves(
                    Wave { survey: &old, filter: &all },
                    Wave { survey: &survey, filter: &all },
                    &key.columns,
                )
                .map_err(|e| e.to_string())?;
                let themes = this_table
                    .as_deref()
                    .map(|t| themes((&table, &all), (t, &all), &comparison, &key.columns))
                    .unwrap_or_default();
                Ok((comparison, (table.source.file_name.clone(), this_name), themes, raked))
            }
            _ => Err("nothing to compare".to_owned()),
        }
    }
}

/// Each of this wave's `columns` in the previous wave's `table`: the same header, else the same
/// values (when this wave's `this` table is at hand); a column the user chose or left out in
/// `kept` keeps that when the file allows it.
fn pick_columns(
    table: &ImportedTable,
    this: Option<&ImportedTable>,
    columns: &[String],
    kept: &[ColumnPick],
) -> Vec<ColumnPick> {
    columns
        .iter()
        .map(|current| {
            let current = current.clone();
            if let Some(chosen) = kept.iter().find(|p| {
                p.current == current
                    && (p.found == Found::LeftOut
                        || p.found == Found::Chosen
                            && p.previous.as_ref().is_some_and(|h| table.column_index(h).is_ok()))
            }) {
                return chosen.clone();
            }
            let found = match this {
                Some(this) => match_column(table, this, &current),
                None => table
                    .column_index(&current)
                    .map(|c| (table.headers[c].clone(), MatchedBy::Header))
                    .map_err(|e| e.to_string()),
            };
            match found {
                Ok((previous, how)) => ColumnPick { current, previous: Some(previous), found: Found::Matched(how) },
                Err(reason) => ColumnPick { current, previous: None, found: Found::Missing(reason) },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::jobs::LoadSource;

    /// A wave with its score column under `score`.
    fn wave(dir: &std::path::Path, name: &str, score: &str) -> PathBuf {
        let mut text = format!("respondent_id;{score};regio\n");
        for i in 0..30 {
            text.push_str(&format!("R{i};{};{}\n", [2, 7, 9, 10, 10][i % 5], ["Noord", "Zuid"][i % 2]));
        }
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_previous_wave_is_read_with_the_projects_roles_when_they_fit() {
        let dir = tempfile::tempdir().unwrap();
        // "Q1": the import cannot tell it is the score.
        let this = wave(dir.path(), "q2.csv", "Q1");
        // The user told the import that Q1 is the score, and saved a project.
        let options = ImportOptions { score_column: Some("Q1".to_owned()), ..ImportOptions::default() };
        let table = import::read_file(&this, &options, &mut |_| true).unwrap();
        let library = crate::benchmarks::bundled();
        let loaded = LoadedSurvey::from_table(LoadSource::File(this), options, table, &library).unwrap();
        let project = crate::app::project::project_of(
            &loaded,
            &crate::app::views::ViewSettings::default(),
            &crate::project::DriverChoices::default(),
            &crate::themes::default_codebook(),
        );
        let project = (project, "kwartaal.nwproj".to_owned());
        let previous = wave(dir.path(), "q1.csv", "Q1");
        // On its own the previous wave's "Q1" is only a guess, refused as the score.
        let alone = read_previous(&previous, None).unwrap_err();
        assert!(alone.contains("Q1"), "{alone}");
        // With the project's roles it is read, and said so.
        let (table, roles) = read_previous(&previous, Some(&project)).unwrap();
        assert_eq!(table.headers[table.score_column], "Q1");
        assert_eq!(roles, Some(ProjectRoles { project: "kwartaal.nwproj".to_owned(), misfit: None }));
        // A previous wave laid out otherwise, its score column named in its header: the project
        // does not fit (its "Q1" is missing, and said so), the file is read as the import finds it.
        let other = wave(dir.path(), "q0.csv", "How likely are you to recommend us?");
        let (table, roles) = read_previous(&other, Some(&project)).unwrap();
        assert_eq!(table.headers[table.score_column], "How likely are you to recommend us?");
        assert!(roles.unwrap().misfit.is_some_and(|m| m == "'Q1'"));
    }
}
