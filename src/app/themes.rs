//! Themes in the app: the codebook (a sector preset, proposed by the benchmark sector or picked;
//! edited with undo, saved in the settings folder, imported and exported through the native
//! dialogs), the text analysis of the comments on the "themes" thread once per
//! load or codebook change, and the counting per filter on the "theme-counts" thread.
//!
//! Owns the jobs and their cached results; the numbers come from `analysis::theme_counts` as
//! plain structs. Nothing here touches polars directly.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::failure::{Cause, Failure};
use super::jobs::{FileDialogJob, Worker};
use super::notice_list::NoticeKind;
use super::services::Services;
use crate::analysis::{AnalysisError, Filter, Survey, ThemeSummary, ThemeTags, tag_survey, theme_summary};
use crate::benchmarks::Benchmark;
use crate::themes::{
    Codebook, CodebookError, Labels, Language, Preset, Theme, ThemeId, default_codebook, theme_from_phrase,
};
use crate::themes_report::{read_codebook, save_codebook, write_codebook};

/// What the user asks of the themes and their codebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThemeCommand {
    /// Change the codebook (saved, then the comments are read again).
    Edit(CodebookEdit),
    /// Stop reading the comments for themes (a large file takes seconds).
    StopReading,
    /// Read the comments again after a stop.
    ResumeReading,
    /// Import a codebook (JSON or CSV) from a file the user picks.
    Import,
    /// Export the codebook to a file the user picks.
    Export,
    /// Read the comments with this sector's codebook (themes the user made are kept).
    UsePreset(Preset),
    /// Take back the last change to the codebook.
    Undo,
    /// Start every new file from the codebook in use (saved as the user's default).
    ShareAsDefault,
    /// New files start from a preset again (the user's default is removed).
    StopSharing,
}

/// A change to the codebook, as the editor asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodebookEdit {
    /// Add a theme with this (English) label.
    Add(String),
    /// Set a theme's label in one language.
    Rename(ThemeId, Language, String),
    /// Replace a theme's keywords in one language with these (comma-separated).
    SetKeywords(ThemeId, Language, String),
    /// Merge the second theme into the first.
    Merge(ThemeId, ThemeId),
    /// Remove a theme.
    Remove(ThemeId),
    /// Make a theme of the discovered phrase with this key.
    FromPhrase(String),
    /// Go back to the codebook's preset as shipped.
    Reset,
}

/// Where codebooks are kept: the configuration folder that holds the user's benchmarks.
///
/// A codebook belongs to a survey file, never silently to every file: each file's edited
/// codebook is kept in `codebooks/` under a name made from the file's path
/// ([`survey_codebook_file`]) and saved with the project; a new file starts from the user's
/// default (`codebook.json`, written only when the user asks: [`ThemeCommand::ShareAsDefault`])
/// or else from the general preset.
#[must_use]
pub fn codebook_folder() -> Option<PathBuf> {
    crate::benchmarks::user_file().and_then(|p| p.parent().map(Path::to_path_buf))
}

/// The user's default codebook for new files in `folder`.
#[must_use]
pub fn shared_codebook_file(folder: &Path) -> PathBuf {
    folder.join("codebook.json")
}

/// Where the codebook of the survey read from `source` is kept in `folder`: the file's name
/// (letters and digits, up to 40) and a hash of its whole path, so two `survey.csv` in different
/// folders keep apart.
#[must_use]
pub fn survey_codebook_file(folder: &Path, source: &super::LoadSource) -> PathBuf {
    let (name, key) = match source {
        super::LoadSource::Sample => ("sample".to_owned(), "sample".to_owned()),
        super::LoadSource::File(path) => {
            let whole = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let name: String = stem.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).take(40).collect();
            (name, whole.to_string_lossy().into_owned())
        }
    };
    // FNV-1a: stable across runs and Rust versions, unlike the standard library's hasher.
    let hash = key.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    folder.join("codebooks").join(format!("{name}-{hash:016x}.json"))
}

/// Applies `edit` to `codebook`; `tags` supplies discovered phrases.
pub fn apply_edit(codebook: &mut Codebook, edit: &CodebookEdit, tags: Option<&ThemeTags>) -> Result<(), Cause> {
    let result = match edit {
        CodebookEdit::Add(label) => {
            let label = if label.trim().is_empty() { "New theme" } else { label.trim() };
            let id = codebook.unique_id(&ThemeId::from_text(label));
            codebook.add_theme(Theme::new(id, Labels::same(label)))
        }
        CodebookEdit::Rename(id, language, label) => codebook.rename(id, *language, label),
        CodebookEdit::SetKeywords(id, language, text) => {
            let Some(theme) = codebook.get(id) else { return Err(CodebookError::UnknownTheme(id.clone()).into()) };
            let mut keywords: Vec<_> = theme.keywords.iter().filter(|k| k.language != *language).cloned().collect();
            keywords.extend(
                text.split([',', '\n'])
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(|k| crate::themes::Keyword::new(*language, k)),
            );
            codebook.set_keywords(id, keywords)
        }
        CodebookEdit::Merge(kept, absorbed) => codebook.merge(kept, absorbed),
        CodebookEdit::Remove(id) => codebook.remove_theme(id).map(|_| ()),
        CodebookEdit::FromPhrase(key) => {
            let Some(phrase) = tags.and_then(|t| t.discovered.iter().find(|p| p.key == *key)) else {
                return Err(Cause::Invalid(format!("the phrase '{key}' is no longer in the list")));
            };
            let theme = theme_from_phrase(phrase, codebook);
            codebook.add_theme(theme)
        }
        CodebookEdit::Reset => {
            *codebook = Preset::of(codebook).codebook();
            Ok(())
        }
    };
    result.map_err(Cause::from)
}

/// The preset the overall benchmark's sector proposes, with that sector's name; `None` without
/// an overall benchmark.
#[must_use]
pub fn proposed_preset(overall_benchmark: Option<&str>, library: &[Benchmark]) -> Option<(String, Preset)> {
    let benchmark = library.iter().find(|b| Some(b.id.as_str()) == overall_benchmark)?;
    let names = std::iter::once(benchmark.sector.as_str()).chain(benchmark.synonyms.iter().map(String::as_str));
    Some((benchmark.sector.clone(), Preset::proposed_for(names)))
}

/// What a tagging or count was made for: the survey (by identity) and the codebook version.
type TagKey = (u64, u64);

/// Tags of the comments being computed.
struct TagJob {
    key: TagKey,
    cancel: Arc<AtomicBool>,
    worker: Worker<Result<Option<ThemeTags>, AnalysisError>>,
}

/// Counts being computed for one filter.
struct CountJob {
    key: (TagKey, Filter),
    worker: Worker<Result<ThemeSummary, AnalysisError>>,
}

/// The codebook, the cached tags and counts, and the jobs behind them.
pub struct ThemeState {
    /// The codebook in use.
    pub codebook: Codebook,
    /// Bumped on every codebook change.
    pub version: u64,
    /// Where the open survey's codebook is saved (`None`: not saved, as in tests).
    pub file: Option<PathBuf>,
    /// The folder of the codebooks ([`codebook_folder`]; `None`: nothing is kept, as in tests).
    folder: Option<PathBuf>,
    /// Whether the user's default codebook exists (kept here, not looked up every frame).
    shared: bool,
    /// The tags of the loaded survey's comments, with what they were made for.
    tags: Option<(TagKey, Arc<ThemeTags>)>,
    tag_job: Option<TagJob>,
    /// The counts under the current filter, with what they were made for.
    summary: Option<((TagKey, Filter), Arc<ThemeSummary>)>,
    count_job: Option<CountJob>,
    /// Reading was stopped by the user for this survey and codebook: not started again until
    /// asked.
    stopped: Option<TagKey>,
    /// An import or export dialog (true: export).
    dialog: Option<(bool, FileDialogJob)>,
    /// The user picked the codebook's preset this session: the benchmark sector no longer moves it.
    chosen: bool,
    /// The codebooks before each change (with whether the user had picked its preset), newest
    /// last, for [`ThemeCommand::Undo`].
    history: Vec<(Codebook, bool)>,
}

/// How many codebook changes can be taken back.
const UNDO_DEPTH: usize = 50;

impl Default for ThemeState {
    fn default() -> Self {
        Self {
            codebook: default_codebook(),
            version: 0,
            file: None,
            folder: None,
            shared: false,
            tags: None,
            tag_job: None,
            summary: None,
            count_job: None,
            stopped: None,
            dialog: None,
            chosen: false,
            history: Vec::new(),
        }
    }
}

impl ThemeState {
    /// The state keeping its codebooks in `folder` ([`codebook_folder`]), starting from the
    /// user's default codebook when there is one; the failure when it cannot be read.
    #[must_use]
    pub fn in_folder(folder: Option<PathBuf>) -> (Self, Option<Failure>) {
        let mut state = Self { folder, ..Self::default() };
        state.shared = state.shared_file().is_some_and(|p| p.exists());
        let error = state.read_first(&[state.shared_file()]).err();
        (state, error.map(|e| Failure::new(NoticeKind::Codebook, e)))
    }

    /// The user's default codebook file, when codebooks are kept.
    fn shared_file(&self) -> Option<PathBuf> {
        self.folder.as_deref().map(shared_codebook_file)
    }

    /// Whether new files start from the user's own default codebook.
    #[must_use]
    pub fn has_default(&self) -> bool {
        self.shared
    }

    /// Uses the first of `files` that exists (the general preset when none does), as read: no
    /// change to take back, nothing saved; which one was used. An unreadable file is said, set
    /// aside as `<name>.unreadable` (so that no later save writes over it), and the preset used.
    fn read_first(&mut self, files: &[Option<PathBuf>]) -> Result<Option<PathBuf>, Cause> {
        let found = files.iter().flatten().find(|p| p.exists()).cloned();
        let read = found.as_deref().map(read_codebook).transpose();
        self.history.clear();
        self.chosen = false;
        self.version += 1;
        match read {
            Ok(codebook) => {
                self.codebook = codebook.unwrap_or_else(default_codebook);
                Ok(found)
            }
            Err(e) => {
                self.codebook = default_codebook();
                if let Some(path) = &found {
                    let _ = std::fs::rename(path, path.with_extension("json.unreadable"));
                    self.shared &= self.shared_file().is_none_or(|p| p != *path);
                }
                Err(e.into())
            }
        }
    }

    /// A survey from `source` is opened: its own codebook when it has one kept, else the user's
    /// default (then kept as the file's own, so that a later change of default does not change
    /// it), else the general preset; the codebook of the file before it stays with that file.
    pub fn open_survey(&mut self, source: &super::LoadSource) -> Result<(), Cause> {
        self.file = self.folder.as_deref().map(|folder| survey_codebook_file(folder, source));
        let files = [self.file.clone(), self.shared_file()];
        let used = self.read_first(&files)?;
        match (&self.file, used) {
            (Some(own), Some(used)) if *own != used => Ok(save_codebook(own, &self.codebook)?),
            _ => Ok(()),
        }
    }

    /// The tags, once the comments have been read.
    #[must_use]
    pub fn tags(&self) -> Option<&Arc<ThemeTags>> {
        self.tags.as_ref().map(|(_, t)| t)
    }

    /// The tags of `survey` with the codebook as it is now, with their version (`None` while
    /// they are read, or when they are another file's or an older codebook's).
    #[must_use]
    pub fn tags_of(&self, survey: u64) -> Option<(&Arc<ThemeTags>, u64)> {
        self.tags
            .as_ref()
            .filter(|((id, version), _)| *id == survey && *version == self.version)
            .map(|(_, t)| (t, self.version))
    }

    /// The counts, when they are up to date with `survey` and `filter` (the last ones while new
    /// ones are computed, so the view does not flicker).
    #[must_use]
    pub fn summary(&self) -> Option<&ThemeSummary> {
        self.shared_summary().map(Arc::as_ref)
    }

    /// The counts as shared, for a view that keeps what it derived from them until they change.
    #[must_use]
    pub fn shared_summary(&self) -> Option<&Arc<ThemeSummary>> {
        self.summary.as_ref().map(|(_, s)| s)
    }

    /// Whether comments are being read or counted.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.tag_job.is_some() || self.count_job.is_some()
    }

    /// Whether the comments are being read (no tags for this codebook yet).
    #[must_use]
    pub fn reading(&self) -> bool {
        self.tag_job.is_some()
    }

    /// Whether the user stopped reading the comments (until [`Self::resume_reading`]).
    #[must_use]
    pub fn stopped(&self) -> bool {
        self.stopped.is_some()
    }

    /// Stops reading the comments: the job is told to stop, its result is never used, and it is
    /// not started again for this survey and codebook until [`Self::resume_reading`].
    pub fn stop_reading(&mut self) {
        if let Some(job) = self.tag_job.take() {
            job.cancel.store(true, Ordering::Relaxed);
            self.stopped = Some(job.key);
        }
        self.count_job = None;
    }

    /// Reads the comments again after [`Self::stop_reading`].
    pub fn resume_reading(&mut self) {
        self.stopped = None;
    }

    /// Takes finished jobs and starts the ones `survey` and `filter` need: every frame.
    pub fn refresh(
        &mut self,
        survey: Option<&Arc<Survey>>,
        filter: &Filter,
        wake: impl Fn() + Send + Clone + 'static,
    ) -> Option<Failure> {
        let mut error = None;
        let failed = |cause: Cause| Some(Failure::new(NoticeKind::Analysis, cause));
        let stopped = |what: &str| failed(Cause::Crashed { what: what.to_owned(), stopped: true });
        if let Some(job) = self.tag_job.as_mut()
            && let Some(outcome) = job.worker.poll()
        {
            let key = job.key;
            self.tag_job = None;
            match outcome {
                Some(Ok(Some(tags))) => self.tags = Some((key, Arc::new(tags))),
                Some(Ok(None)) => {}
                Some(Err(e)) => error = failed(e.into()),
                None => error = stopped("reading the comments"),
            }
        }
        if let Some(job) = self.count_job.as_mut()
            && let Some(outcome) = job.worker.poll()
        {
            let key = job.key.clone();
            self.count_job = None;
            match outcome {
                Some(Ok(summary)) => self.summary = Some((key, Arc::new(summary))),
                Some(Err(e)) => error = failed(e.into()),
                None => error = stopped("counting the themes"),
            }
        }
        let Some(survey) = survey.filter(|s| !s.comment_names.is_empty()) else {
            self.tags = None;
            self.summary = None;
            return error;
        };
        let key: TagKey = (survey.id(), self.version);
        // Another file's counts are never shown, not even while this one's are computed.
        if self.summary.as_ref().is_some_and(|((k, _), _)| k.0 != key.0) {
            self.summary = None;
        }
        let tagged = self.tags.as_ref().is_some_and(|(k, _)| *k == key);
        // A stop holds for the survey and codebook it was made for; another file or codebook
        // is read as usual.
        if self.stopped.is_some_and(|k| k != key) {
            self.stopped = None;
        }
        if !tagged && self.stopped.is_some() {
            return error;
        }
        if !tagged {
            if self.tag_job.as_ref().is_some_and(|j| j.key != key)
                && let Some(job) = self.tag_job.take()
            {
                job.cancel.store(true, Ordering::Relaxed);
            }
            if self.tag_job.is_none() {
                let cancel = Arc::new(AtomicBool::new(false));
                let (job_survey, codebook, job_cancel) =
                    (Arc::clone(survey), self.codebook.clone(), Arc::clone(&cancel));
                let work = move || tag_survey(&job_survey, &codebook, &job_cancel);
                match Worker::spawn("themes", work, wake.clone()) {
                    Ok(worker) => self.tag_job = Some(TagJob { key, cancel, worker }),
                    Err(e) => error = failed(Cause::thread("cannot start reading the comments", e)),
                }
            }
            return error;
        }
        let count_key = (key, filter.clone());
        let counted = self.summary.as_ref().is_some_and(|(k, _)| *k == count_key);
        let counting = self.count_job.as_ref().is_some_and(|j| j.key == count_key);
        if counted || counting || self.count_job.is_some() {
            return error;
        }
        let Some(tags) = self.tags().cloned() else { return error };
        let (job_survey, job_filter) = (Arc::clone(survey), filter.clone());
        let work = move || theme_summary(&job_survey, &tags, &job_filter);
        match Worker::spawn("theme-counts", work, wake) {
            Ok(worker) => self.count_job = Some(CountJob { key: count_key, worker }),
            Err(e) => error = failed(Cause::thread("cannot start counting the themes", e)),
        }
        error
    }

    /// Carries out a themes command; a dialog is asked through `services`.
    pub fn apply(&mut self, command: ThemeCommand, services: &Services) -> Result<(), Failure> {
        let failed = |cause: Cause| Failure::new(NoticeKind::Codebook, cause);
        match command {
            ThemeCommand::Edit(edit) => self.edit(&edit).map_err(failed),
            ThemeCommand::StopReading => {
                self.stop_reading();
                Ok(())
            }
            ThemeCommand::ResumeReading => {
                self.resume_reading();
                Ok(())
            }
            ThemeCommand::Undo => {
                let Some((previous, chosen)) = self.history.pop() else { return Ok(()) };
                self.chosen = chosen;
                self.set(previous).map_err(failed)
            }
            ThemeCommand::UsePreset(preset) => {
                let codebook = preset.switch(&self.codebook);
                self.replace(codebook).map_err(failed)?;
                self.chosen = true;
                Ok(())
            }
            ThemeCommand::ShareAsDefault => self.share(true).map_err(failed),
            ThemeCommand::StopSharing => self.share(false).map_err(failed),
            ThemeCommand::Import | ThemeCommand::Export => {
                let export = command == ThemeCommand::Export;
                let texts = crate::i18n::themes::ThemeTexts::of(services.language);
                let title = if export { texts.export_codebook } else { texts.import_codebook };
                self.open_dialog(export, title.trim_end_matches('…').to_owned(), services).map_err(failed)
            }
        }
    }

    /// The sector codebook the codebook in use was made from.
    #[must_use]
    pub fn preset(&self) -> Preset {
        Preset::of(&self.codebook)
    }

    /// After the benchmark sector changed to one proposing `proposed`: an unedited codebook of
    /// another preset, not chosen by the user in the picker, is replaced by `proposed`'s (an
    /// edited one is kept; the Themes view offers the switch). Whether it was replaced.
    pub fn follow_sector(&mut self, proposed: Preset) -> Result<bool, Cause> {
        // The user's own choice of codebook stands; a sector without a preset of its own
        // ("All industries") proposes nothing.
        if self.chosen || proposed == Preset::GENERAL || self.preset() == proposed {
            return Ok(false);
        }
        if Preset::matching(&self.codebook).is_none() {
            return Ok(false);
        }
        self.replace(proposed.codebook())?;
        Ok(true)
    }

    /// Applies an edit, saves the codebook and has the comments read again.
    pub fn edit(&mut self, edit: &CodebookEdit) -> Result<(), Cause> {
        let mut codebook = self.codebook.clone();
        apply_edit(&mut codebook, edit, self.tags().map(|t| t.as_ref()))?;
        self.replace(codebook)
    }

    /// Whether a change to the codebook can be taken back.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.history.is_empty()
    }

    /// Uses `codebook` from now on (the one before can be taken back), saves it and has the
    /// comments read again.
    pub fn replace(&mut self, codebook: Codebook) -> Result<(), Cause> {
        if codebook == self.codebook {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.codebook, codebook);
        self.history.push((before, self.chosen));
        if self.history.len() > UNDO_DEPTH {
            self.history.remove(0);
        }
        self.save_and_reread()
    }

    /// Uses a project's `codebook`: saved as the file's own and read, its preset not counted as
    /// the user's pick; the file's codebook before it can be taken back (Undo).
    pub fn start_from(&mut self, codebook: Codebook) -> Result<(), Cause> {
        if codebook != self.codebook {
            let before = std::mem::replace(&mut self.codebook, codebook);
            self.history.push((before, self.chosen));
            if self.history.len() > UNDO_DEPTH {
                self.history.remove(0);
            }
        }
        self.chosen = false;
        self.save_and_reread()
    }

    /// Uses `codebook` without remembering the one before (an undo).
    fn set(&mut self, codebook: Codebook) -> Result<(), Cause> {
        self.codebook = codebook;
        self.save_and_reread()
    }

    /// Saves the codebook in use as the user's default for new files, or stops using it: the
    /// open file keeps it as its own, and the default is set aside as `codebook.json.bak`
    /// (nothing is deleted).
    fn share(&mut self, share: bool) -> Result<(), Cause> {
        let Some(path) = self.shared_file() else { return Ok(()) };
        if share {
            save_codebook(&path, &self.codebook)?;
            self.shared = true;
            return Ok(());
        }
        if let Some(own) = self.file.as_ref().filter(|own| !own.exists()) {
            save_codebook(own, &self.codebook)?;
        }
        if path.exists() {
            std::fs::rename(&path, path.with_extension("json.bak"))
                .map_err(|e| Cause::Invalid(format!("{}: {e}", path.display())))?;
        }
        self.shared = false;
        Ok(())
    }

    fn save_and_reread(&mut self) -> Result<(), Cause> {
        self.version += 1;
        match &self.file {
            Some(path) => Ok(save_codebook(path, &self.codebook)?),
            None => Ok(()),
        }
    }

    /// Asks for the import (or export) file through the app's dialog service, on its own thread.
    fn open_dialog(&mut self, export: bool, title: String, services: &Services) -> Result<(), Cause> {
        if self.dialog.is_some() {
            return Ok(());
        }
        let question = super::export::PathQuestion {
            title,
            folder: None,
            file_name: export.then(|| "codebook.json".to_owned()),
            open: (!export).then(|| vec!["json", "csv"]),
            kind: Some("Codebook".to_owned()),
        };
        self.dialog = Some((export, FileDialogJob::ask(&services.chooser, question, services.waker())?));
        Ok(())
    }

    /// Takes the path chosen in the import or export dialog and reads or writes the codebook.
    pub fn poll_dialog(&mut self) -> Result<(), Failure> {
        let Some(choice) = self.dialog.as_mut().and_then(|(_, d)| d.poll()) else { return Ok(()) };
        let export = self.dialog.take().is_some_and(|(e, _)| e);
        let Some(path) = choice else { return Ok(()) };
        let done = if export {
            write_codebook(&path, &self.codebook).map_err(Cause::from)
        } else {
            read_codebook(&path).map_err(Cause::from).and_then(|codebook| self.replace(codebook))
        };
        done.map_err(|cause| Failure::new(NoticeKind::Codebook, cause))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_reading_is_not_started_again_until_asked() {
        use crate::analysis::SurveyColumns;
        let n = 400;
        let columns = SurveyColumns {
            row_numbers: (2..n + 2).collect(),
            scores: (0..n).map(|i| Ok((i % 11) as u8)).collect(),
            score_name: "score".into(),
            comments: vec![("comment".into(), (0..n).map(|i| format!("levering te laat, bestelling {i}")).collect())],
            ..SurveyColumns::default()
        };
        let survey = Arc::new(Survey::from_generated(columns, "comments.csv").unwrap());
        let filter = Filter::default();
        let mut state = ThemeState::default();
        assert!(state.refresh(Some(&survey), &filter, || {}).is_none());
        assert!(state.reading(), "a survey with comments is read");
        state.stop_reading();
        assert!(!state.reading() && state.stopped());
        for _ in 0..3 {
            assert!(state.refresh(Some(&survey), &filter, || {}).is_none());
            assert!(!state.reading(), "not started again after a stop");
        }
        assert!(state.tags().is_none());
        state.resume_reading();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while state.tags().is_none() && std::time::Instant::now() < deadline {
            assert!(state.refresh(Some(&survey), &filter, || {}).is_none());
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(state.tags().is_some() && !state.stopped(), "read again once asked");
    }

    #[test]
    fn edits_change_the_codebook_and_are_saved_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, error) = ThemeState::in_folder(Some(dir.path().join("settings")));
        assert!(error.is_none());
        state.open_survey(&super::super::LoadSource::File(dir.path().join("survey.csv"))).unwrap();
        let path = state.file.clone().unwrap();
        assert!(path.starts_with(dir.path().join("settings").join("codebooks")), "{path:?}");
        let version = state.version;
        let themes = state.codebook.themes().len();
        state.edit(&CodebookEdit::Add("Parking".into())).unwrap();
        let id = ThemeId::from_text("Parking");
        state.edit(&CodebookEdit::SetKeywords(id.clone(), Language::Dutch, "parkeren, parkeerplaats".into())).unwrap();
        state.edit(&CodebookEdit::Rename(id.clone(), Language::Dutch, "Parkeren".into())).unwrap();
        assert_eq!(state.codebook.themes().len(), themes + 1);
        assert_eq!(state.version, version + 3, "each edit is a new version");
        let saved = read_codebook(&path).unwrap();
        assert_eq!(saved, state.codebook);
        let parking = saved.get(&id).unwrap();
        assert_eq!(parking.labels.get(Language::Dutch), "Parkeren");
        assert_eq!(parking.keywords_in(Language::Dutch).count(), 2);
        state.edit(&CodebookEdit::Merge(ThemeId::new("price").unwrap(), id.clone())).unwrap();
        assert!(state.codebook.get(&id).is_none());
        let err = state.edit(&CodebookEdit::Remove(id)).unwrap_err().to_string();
        assert!(err.contains("parking"), "{err}");
        let csv = dir.path().join("book.csv");
        write_codebook(&csv, &state.codebook).unwrap();
        assert_eq!(read_codebook(&csv).unwrap(), state.codebook);
        let names: Vec<_> =
            std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file left: {names:?}");
    }

    #[test]
    fn bundled_benchmark_sectors_propose_their_preset() {
        let library = crate::benchmarks::bundled();
        let proposed = |name: &str| {
            let b = library.iter().find(|b| b.sector == name).unwrap();
            let (sector, preset) = proposed_preset(Some(&b.id), &library).unwrap();
            assert_eq!(sector, name);
            preset.key()
        };
        for (sector, preset) in [
            ("Airlines", "hospitality"),
            ("Car rental", "hospitality"),
            ("Retail", "retail"),
            ("Grocery", "retail"),
            ("B2B software & SaaS", "software"),
            ("TV / internet service providers", "telecom_utilities"),
            ("Waste services", "telecom_utilities"),
            ("Banking", "financial"),
            ("Health insurance", "financial"),
            ("Consulting", "b2b"),
            ("Accounting", "b2b"),
            ("All industries", "general"),
        ] {
            assert_eq!(proposed(sector), preset, "{sector}");
        }
        assert!(proposed_preset(None, &library).is_none());
    }

    #[test]
    fn changes_to_the_codebook_can_be_taken_back_one_by_one() {
        let mut state = ThemeState::default();
        let chooser: crate::app::export::PathChooser = std::sync::Arc::new(|_| None);
        let services = crate::app::services::Services::new(
            chooser,
            crate::i18n::Language::English,
            None,
            std::sync::Arc::new(|| {}),
        );
        assert!(!state.can_undo());
        let price = ThemeId::new("price").unwrap();
        state.edit(&CodebookEdit::SetKeywords(price.clone(), Language::Dutch, "duur,\nprijzig".into())).unwrap();
        let dutch: Vec<String> =
            state.codebook.get(&price).unwrap().keywords_in(Language::Dutch).map(|k| k.text.clone()).collect();
        assert_eq!(dutch, ["duur", "prijzig"], "commas and new lines both part keywords");
        state.apply(ThemeCommand::UsePreset(Preset::by_key("retail").unwrap()), &services).unwrap();
        assert_eq!(state.preset().key(), "retail");
        state.apply(ThemeCommand::Undo, &services).unwrap();
        assert_eq!(state.preset(), Preset::GENERAL);
        assert_eq!(state.codebook.get(&price).unwrap().keywords_in(Language::Dutch).count(), 2);
        state.apply(ThemeCommand::Undo, &services).unwrap();
        assert_eq!(state.codebook, default_codebook());
        assert!(!state.can_undo());
        state.apply(ThemeCommand::Undo, &services).unwrap();
        assert_eq!(state.codebook, default_codebook(), "nothing left to take back");
    }

    #[test]
    fn an_unreadable_codebook_is_a_message_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("codebook.json"), "{ not json").unwrap();
        let (state, error) = ThemeState::in_folder(Some(dir.path().to_path_buf()));
        let error = error.unwrap();
        assert_eq!(error.kind, NoticeKind::Codebook);
        assert!(error.to_string().starts_with("codebook.json: "), "{error}");
        assert_eq!(state.codebook, default_codebook());
    }

    #[test]
    fn a_codebook_stays_with_its_file_and_is_shared_only_when_asked() {
        use super::super::LoadSource;
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _) = ThemeState::in_folder(Some(dir.path().to_path_buf()));
        let (first, second) =
            (LoadSource::File(dir.path().join("a/survey.csv")), LoadSource::File(dir.path().join("b/survey.csv")));
        let coffee = ThemeId::from_text("Koffie");
        state.open_survey(&first).unwrap();
        state.edit(&CodebookEdit::Add("Koffie".into())).unwrap();
        // Another file, even of the same name, starts from the preset: the theme stays behind.
        state.open_survey(&second).unwrap();
        assert!(state.codebook.get(&coffee).is_none());
        assert_eq!(state.codebook, default_codebook());
        assert!(!state.can_undo(), "another file's edits are not taken back here");
        // Back to the first file: its theme is there again.
        state.open_survey(&first).unwrap();
        assert!(state.codebook.get(&coffee).is_some());
        // Shared on request: every new file starts from it, until the sharing stops.
        let chooser: crate::app::export::PathChooser = std::sync::Arc::new(|_| None);
        let services = Services::new(chooser, crate::i18n::Language::English, None, std::sync::Arc::new(|| {}));
        assert!(!state.has_default());
        state.apply(ThemeCommand::ShareAsDefault, &services).unwrap();
        assert!(state.has_default());
        state.open_survey(&LoadSource::Sample).unwrap();
        assert!(state.codebook.get(&coffee).is_some());
        state.apply(ThemeCommand::StopSharing, &services).unwrap();
        assert!(!state.has_default());
        state.open_survey(&LoadSource::File(dir.path().join("c.csv"))).unwrap();
        assert!(state.codebook.get(&coffee).is_none());
        // The sample, opened while the default was in use, keeps it as its own; the default
        // was set aside, not deleted; the second file was never edited and nothing was written
        // for it.
        state.open_survey(&LoadSource::Sample).unwrap();
        assert!(state.codebook.get(&coffee).is_some(), "the sample keeps what it was opened with");
        assert!(dir.path().join("codebook.json.bak").exists());
        let kept = std::fs::read_dir(dir.path().join("codebooks")).unwrap().count();
        assert_eq!(kept, 2, "the edited file's and the sample's");
        // A project's codebook can be taken back to the file's own.
        let own = state.codebook.clone();
        state.start_from(default_codebook()).unwrap();
        assert!(state.can_undo());
        state.apply(ThemeCommand::Undo, &services).unwrap();
        assert_eq!(state.codebook, own);
        // An unreadable codebook is set aside, never written over.
        let path = state.file.clone().unwrap();
        std::fs::write(&path, "{ not json").unwrap();
        assert!(state.open_survey(&LoadSource::Sample).is_err());
        assert!(path.with_extension("json.unreadable").exists() && !path.exists());
    }
}
