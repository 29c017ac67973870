//! Background work the window waits for without freezing: loading a survey and the native file
//! dialog here, and the [`Worker`] that the computing, comment-reading and export jobs run on.
//! One job per kind, each on a named thread at a lower priority than the window's; the UI polls
//! them every frame.
//!
//! Owns threads, progress and cancellation; the results are plain structs (`Report`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::JoinHandle;

use super::export::{PathChooser, PathQuestion};
use super::failure::{Cause, Failure};
use super::notice_list::NoticeKind;
use super::project::ProjectOutcome;
use super::views::{Computed, ViewSettings};
use crate::analysis::Survey;
use crate::benchmarks::Benchmark;
use crate::import::{self, ImportOptions, ImportedTable, ScaleCheck};
use crate::project::{Fingerprint, Project, ProjectError};
use crate::report::{Report, compute_views, report_for_whole_survey, report_of_results};

use crate::sample::{SAMPLE_CSV, SAMPLE_NAME};

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadSource {
    /// The sample survey bundled with the program.
    Sample,
    /// A file on disk.
    File(PathBuf),
}

impl LoadSource {
    /// The name shown while loading and in messages.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self {
            Self::Sample => SAMPLE_NAME.to_owned(),
            Self::File(path) => import::display_name(path),
        }
    }
}

/// A survey ready to show.
#[derive(Debug, Clone)]
pub struct LoadedSurvey {
    /// Where it came from.
    pub source: LoadSource,
    /// How it was read (sheet, roles the user set).
    pub options: ImportOptions,
    /// Its analysis.
    pub report: Report,
    /// The first rows as read, for the import review: spreadsheet row number and cells.
    pub preview: Vec<(usize, Vec<String>)>,
    /// The typed survey, for the views that follow the filter.
    pub survey: Arc<Survey>,
    /// What became of the project it was loaded with, if any.
    pub project: Option<ProjectOutcome>,
    /// The table as read, kept (up to [`KEEP_TABLE_BYTES`] of text) so that a change of column
    /// roles types it again without reading the file again.
    pub table: Option<Arc<ImportedTable>>,
    /// What raking to the population margins did, when weighting was asked.
    pub raking: Option<crate::analysis::weighting::RakeSummary>,
    /// The margins raked to (the file's own columns and roles stay as read).
    pub weighting: Option<crate::analysis::weighting::Weighting>,
    /// The figures of the views the survey opens on, computed with the load (the report is
    /// made of the same figures when the views filter nothing and compare with no benchmark of
    /// the user's), taken by the views so nothing is computed twice.
    pub first: Option<Computed>,
}

/// What to load and what to compute with it.
#[derive(Clone)]
pub struct LoadRequest {
    /// The file or the sample.
    pub source: LoadSource,
    /// How to read it.
    pub options: ImportOptions,
    /// A project to apply, with its file name.
    pub project: Option<(Project, String)>,
    /// The table already read, when only the column roles change: typed again, not read again.
    pub table: Option<Arc<ImportedTable>>,
    /// The views the survey will open on (a project applied brings its own).
    pub views: ViewSettings,
    /// The benchmark library the app holds, and its version.
    pub library: Arc<Vec<Benchmark>>,
    /// The library's version, as the views' requests carry it.
    pub library_version: u64,
    /// Weighting to population margins, when asked.
    pub weighting: Option<crate::analysis::weighting::Weighting>,
}

impl LoadRequest {
    /// A plain load of `source` with the default views and the bundled library (tests).
    #[must_use]
    pub fn plain(source: LoadSource, options: ImportOptions, library: Arc<Vec<Benchmark>>) -> Self {
        Self {
            source,
            options,
            project: None,
            table: None,
            views: ViewSettings::default(),
            library,
            library_version: 0,
            weighting: None,
        }
    }
}

/// The most text a loaded survey keeps of its table for a change of roles (beyond it, a change
/// of roles reads the file again rather than hold a large file twice in memory).
pub const KEEP_TABLE_BYTES: usize = 256 << 20;

/// Rows shown in the import review's preview.
pub const PREVIEW_ROWS: usize = 8;

impl LoadedSurvey {
    /// A survey from an imported table, compared with the benchmark `library`, with the figures
    /// of the default views (tests that skip the thread use this).
    pub fn from_table(
        source: LoadSource,
        options: ImportOptions,
        table: ImportedTable,
        library: &[Benchmark],
    ) -> Result<Self, Cause> {
        Self::with_views(source, options, table, library, (&ViewSettings::default(), 0), None)
    }

    /// As [`Self::from_table`], computing the figures of `views` (with the library at
    /// `library_version`) once: the report of the whole survey is made of the same figures
    /// when `views` filter nothing.
    pub fn with_views(
        source: LoadSource,
        options: ImportOptions,
        table: ImportedTable,
        library: &[Benchmark],
        (views, library_version): (&ViewSettings, u64),
        weighting: Option<&crate::analysis::weighting::Weighting>,
    ) -> Result<Self, Cause> {
        // Raked, the survey is typed from a copy holding the weights; the table kept for a change
        // of roles stays as read.
        let (survey, raking) = match weighting {
            Some(w) => {
                let (raked, summary) = crate::analysis::weighting::rake_table(table.clone(), &w.margins, w.trim)
                    .map_err(|e| Cause::Invalid(format!("{}: {e}", w.file)))?;
                (Survey::from_table(&raked).map_err(crate::report::ReportError::from)?, Some(summary))
            }
            None => (Survey::from_table(&table).map_err(crate::report::ReportError::from)?, None),
        };
        let request = views.request(&survey, library_version);
        let results = compute_views(&survey, &request, library);
        // The report is the whole survey's: the views' figures serve when they are the same.
        let whole = crate::report::BenchmarkChoice {
            sector_column: request.benchmarks.sector_column.clone(),
            library_version: request.benchmarks.library_version,
            ..crate::report::BenchmarkChoice::default()
        };
        let mut report = match &results {
            Ok(results) if request.filter.is_empty() && request.benchmarks == whole => {
                report_of_results(&survey, &request, results.clone())?
            }
            _ => report_for_whole_survey(&survey, library)?,
        };
        report.raking.clone_from(&raking);
        if raking.is_some() {
            // The roles as the file has them (its own weight column too): what the review shows
            // and a project saves; the raked weights are said by `weight` and `raking`.
            report.columns.roles.clone_from(&table.roles);
        }
        let first = Computed::of(&survey, &request, views.selection.as_ref(), views.group, results);
        // The app's trend and date filter use the dates: rows without one are announced.
        if survey.has_dates() {
            report.unreadable_dates = table.unreadable_dates();
        }
        let survey = Arc::new(survey);
        let preview = (0..table.rows.row_count().min(PREVIEW_ROWS))
            .map(|r| {
                (table.rows.row_number(r), (0..table.headers.len()).map(|c| table.rows.cell(r, c).to_owned()).collect())
            })
            .collect();
        // A table whose rows had to be lined up is read again on a change of roles: the lining up
        // depends on them.
        let keep = table.rows.text_bytes() <= KEEP_TABLE_BYTES
            && table.joined_rows.is_empty()
            && table.misaligned_rows.is_empty();
        let table = keep.then(|| Arc::new(table));
        let weighting = weighting.cloned();
        Ok(Self {
            source,
            options,
            report,
            preview,
            survey,
            project: None,
            table,
            raking,
            weighting,
            first: Some(first),
        })
    }
}

/// One value worked out on a named thread, which wakes the window when it is done.
///
/// `poll` joins the thread once the value has arrived, so the wake-up the thread sends belongs to
/// the frame that takes the value and never arrives as a stray repaint later.
pub struct Worker<T> {
    receiver: Receiver<T>,
    handle: Option<JoinHandle<()>>,
}

thread_local! {
    /// Whether jobs started from this thread run at once, on it ([`run_jobs_inline`]).
    static INLINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Makes every job started from the calling thread run at once, on that thread, before its
/// start returns: the synchronous mode of the UI tests, which then step the window without
/// sleeping while a thread works. Other threads (the running app's) are not affected.
pub fn run_jobs_inline(inline: bool) {
    INLINE.with(|flag| flag.set(inline));
}

impl<T: Send + 'static> Worker<T> {
    /// Starts `work` on a thread called `name`; `wake` is called once its value has been sent.
    /// In the synchronous mode ([`run_jobs_inline`]) the work is done before this returns.
    ///
    /// # Errors
    /// When the system cannot start a thread.
    pub fn spawn(
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Self> {
        let (sender, receiver) = mpsc::channel();
        if INLINE.with(std::cell::Cell::get) {
            let _ = sender.send(work());
            wake();
            return Ok(Self { receiver, handle: None });
        }
        let handle = std::thread::Builder::new().name(name.to_owned()).spawn(move || {
            yield_to_the_window();
            let _ = sender.send(work());
            wake();
        })?;
        Ok(Self { receiver, handle: Some(handle) })
    }

    /// `None` while working; `Some(Some(value))` when done; `Some(None)` when the thread ended
    /// without a value (it panicked).
    pub fn poll(&mut self) -> Option<Option<T>> {
        let value = match self.receiver.try_recv() {
            Ok(value) => Some(value),
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => None,
        };
        if let Some(handle) = self.handle.take() {
            // The thread only has its wake-up call left to make.
            let _ = handle.join();
        }
        Some(value)
    }
}

/// Lowers the calling thread's scheduling priority (nice 10) so that the window's thread gets a
/// core first: on a two-core laptop a worker and the threads it starts (the import's parsers,
/// polars' pool when it is first used there) would otherwise delay frames. Idle cores still run
/// the work at full speed. Linux only (elsewhere a process-wide call would slow the window too);
/// a refusal changes nothing.
pub fn yield_to_the_window() {
    #[cfg(target_os = "linux")]
    {
        let _ = rustix::process::setpriority_process(Some(rustix::thread::gettid()), 10);
    }
}

/// Loading: the load under way and the open dialog, one of each at a time.
#[derive(Default)]
pub struct LoadState {
    job: Option<LoadJob>,
    dialog: Option<FileDialogJob>,
}

/// What the user asks of loading.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadCommand {
    /// Load a survey.
    Open(LoadSource),
    /// Read the open survey again with other options (sheet, column roles).
    Reimport(ImportOptions),
    /// Show the open dialog.
    ShowOpenDialog,
    /// Stop the load under way.
    Cancel,
}

/// What loading brought this frame.
pub enum LoadEvent {
    /// A survey was loaded.
    Loaded(Box<LoadedSurvey>),
    /// The load failed.
    Failed(Failure),
    /// The open dialog gave a file to load.
    Chosen(PathBuf),
}

impl LoadState {
    /// The load under way, if any.
    #[must_use]
    pub fn job(&self) -> Option<&LoadJob> {
        self.job.as_ref()
    }

    /// Starts a load, cancelling the one under way; the failure when it cannot start.
    pub fn start(&mut self, request: LoadRequest, wake: impl Fn() + Send + 'static) -> Result<(), Failure> {
        self.cancel();
        let job = LoadJob::start(request, wake);
        self.job = Some(job.map_err(|cause| Failure::new(NoticeKind::OpenFile, cause))?);
        Ok(())
    }

    /// Cancels the load under way; its result, when it comes, is dropped with it.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.cancel();
        }
    }

    /// Opens the survey dialog (unless one is open); the message when it cannot.
    pub fn open_dialog(
        &mut self,
        chooser: &PathChooser,
        folder: Option<PathBuf>,
        texts: &'static crate::i18n::Texts,
        wake: impl Fn() + Send + 'static,
    ) -> Result<(), Failure> {
        if self.dialog.is_none() {
            let dialog = FileDialogJob::open_survey(chooser, folder, texts, wake);
            self.dialog = Some(dialog.map_err(|cause| Failure::new(NoticeKind::Dialog, cause))?);
        }
        Ok(())
    }

    /// What the load and the dialog brought: every frame.
    pub fn poll(&mut self) -> Vec<LoadEvent> {
        let mut events = Vec::new();
        if let Some(outcome) = self.job.as_mut().and_then(LoadJob::poll) {
            self.job = None;
            events.push(match outcome {
                Ok(loaded) => LoadEvent::Loaded(Box::new(loaded)),
                Err(cause) => LoadEvent::Failed(Failure::new(NoticeKind::OpenFile, cause)),
            });
        }
        if let Some(choice) = self.dialog.as_mut().and_then(FileDialogJob::poll) {
            self.dialog = None;
            events.extend(choice.map(LoadEvent::Chosen));
        }
        events
    }
}

/// A survey being loaded on the "import" thread.
pub struct LoadJob {
    /// What is being loaded.
    pub source: LoadSource,
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    worker: Worker<Result<LoadedSurvey, Cause>>,
}

impl LoadJob {
    /// Starts `request` on the "import" thread; `wake` is called when the job finishes so the
    /// window repaints. A project is applied to the file, or refused (and the file read without
    /// it) when the file lacks columns the project uses.
    pub fn start(request: LoadRequest, wake: impl Fn() + Send + 'static) -> Result<Self, Cause> {
        let progress = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let source = request.source.clone();
        let job_progress = Arc::clone(&progress);
        let job_cancel = Arc::clone(&cancel);
        let work = move || {
            let name = request.source.display_name();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| load(request, &job_progress, &job_cancel)))
                .unwrap_or_else(|_| Err(Cause::Crashed { what: name, stopped: false }))
        };
        let worker = Worker::spawn("import", work, wake).map_err(|e| Cause::thread("cannot start loading", e))?;
        Ok(Self { source, progress, cancel, worker })
    }

    /// Fraction done, 0..1.
    #[must_use]
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Asks the job to stop; it reports a cancellation soon after.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The outcome, once the job has finished.
    #[must_use]
    pub fn poll(&mut self) -> Option<Result<LoadedSurvey, Cause>> {
        let outcome = self.worker.poll()?;
        let what = || format!("{}: loading", self.source.display_name());
        Some(outcome.unwrap_or_else(|| Err(Cause::Crashed { what: what(), stopped: true })))
    }
}

fn load(request: LoadRequest, progress: &AtomicU32, cancel: &AtomicBool) -> Result<LoadedSurvey, Cause> {
    let LoadRequest { source, options, project, table, mut views, library, library_version, weighting } = request;
    let source = &source;
    // A project brings its margins when none are asked.
    let weighting = weighting.or_else(|| project.as_ref().and_then(|(p, _)| p.weighting.clone()));
    // A score column that may be asked on another scale is read, and the review asks.
    let ask =
        |options: ImportOptions| ImportOptions { score_scale: options.score_scale.max(ScaleCheck::Ask), ..options };
    let options = ask(options);
    let mut report_progress = |fraction: f32| {
        progress.store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
        !cancel.load(Ordering::Relaxed)
    };
    let (table, options, outcome) = match (&project, table) {
        // Only the roles changed: the cells already read are typed again.
        (None, Some(table)) => (import::with_options(Arc::unwrap_or_clone(table), &options)?, options, None),
        (None, None) => (read_source(source, &options, &mut report_progress)?, options, None),
        (Some((project, name)), _) => {
            let applied = match source {
                LoadSource::File(path) => {
                    project.read_survey(path, name, &ask(ImportOptions::default()), &mut report_progress)
                }
                LoadSource::Sample => {
                    let table = read_source(source, &project.read_options(), &mut report_progress);
                    table.map_err(ProjectError::from).and_then(|table| {
                        let (table, mut fit) = project.apply_with(table, name, &ask(ImportOptions::default()))?;
                        fit.same_contents = Fingerprint::of_bytes(SAMPLE_CSV) == project.input.fingerprint;
                        Ok((table, fit))
                    })
                }
            };
            match applied {
                Ok((table, fit)) => {
                    let options = ask(project.import_options(&table));
                    views = super::project::views_of(project, views.view);
                    (table, options, Some(ProjectOutcome::Applied(fit)))
                }
                Err(refusal @ ProjectError::DoesNotFit { .. }) => {
                    let table = read_source(source, &options, &mut report_progress)?;
                    (table, options, Some(ProjectOutcome::Refused(refusal)))
                }
                Err(e) => return Err(e.into()),
            }
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Err(Cause::Cancelled { what: source.display_name() });
    }
    let mut loaded = LoadedSurvey::with_views(
        source.clone(),
        options,
        table,
        &library,
        (&views, library_version),
        weighting.as_ref(),
    )?;
    loaded.project = outcome;
    report_progress(1.0);
    Ok(loaded)
}

/// Reads the sample or a file.
fn read_source(
    source: &LoadSource,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<import::ImportedTable, import::ImportError> {
    match source {
        LoadSource::Sample => import::read_bytes(SAMPLE_NAME, SAMPLE_CSV.to_vec(), options, progress),
        LoadSource::File(path) => import::read_file(path, options, progress),
    }
}

/// The native "open file" dialog, run on its own thread so the window keeps drawing.
pub struct FileDialogJob {
    worker: Worker<Option<PathBuf>>,
}

impl FileDialogJob {
    /// Opens the survey "open" dialog, starting in `folder` when given; `texts` words its title
    /// and filter.
    pub fn open_survey(
        chooser: &PathChooser,
        folder: Option<PathBuf>,
        texts: &'static crate::i18n::Texts,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, Cause> {
        let question = PathQuestion {
            title: texts.open.trim_end_matches('…').to_owned(),
            folder,
            file_name: None,
            open: Some(vec!["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"]),
            kind: Some(texts.survey_files.to_owned()),
        };
        Self::ask(chooser, question, wake)
    }

    /// Asks `question` through the app's one dialog service, on the "file-dialog" thread.
    pub fn ask(chooser: &PathChooser, question: PathQuestion, wake: impl Fn() + Send + 'static) -> Result<Self, Cause> {
        let chooser = std::sync::Arc::clone(chooser);
        let worker = Worker::spawn("file-dialog", move || chooser(question), wake)
            .map_err(|e| Cause::thread("cannot open the file dialog", e))?;
        Ok(Self { worker })
    }

    /// `Some(choice)` once the dialog closed (`choice` is `None` when cancelled).
    #[must_use]
    pub fn poll(&mut self) -> Option<Option<PathBuf>> {
        self.worker.poll().map(Option::flatten)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(job: &mut LoadJob) -> Result<LoadedSurvey, String> {
        for _ in 0..6000 {
            if let Some(outcome) = job.poll() {
                return outcome.map_err(|e| e.to_string());
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Err("timed out".to_owned())
    }

    #[test]
    fn jobs_started_in_the_synchronous_mode_are_done_when_started() {
        run_jobs_inline(true);
        let mut worker = Worker::spawn("test", || 42, || {}).unwrap();
        run_jobs_inline(false);
        assert_eq!(worker.poll(), Some(Some(42)), "no waiting: the value is there");
    }

    #[test]
    fn sample_loads_in_the_background() {
        let library = Arc::new(crate::benchmarks::bundled());
        let request = LoadRequest::plain(LoadSource::Sample, ImportOptions::default(), library);
        let mut job = LoadJob::start(request, || {}).unwrap();
        let loaded = wait(&mut job).unwrap();
        assert!(loaded.report.overall.n >= 2000);
        assert_eq!(loaded.report.source.file, SAMPLE_NAME);
        assert_eq!(job.progress(), 1.0);
    }

    #[test]
    fn a_missing_file_is_a_message_not_a_panic() {
        let library = Arc::new(crate::benchmarks::bundled());
        let source = LoadSource::File(PathBuf::from("/no/such/survey.csv"));
        let mut job = LoadJob::start(LoadRequest::plain(source, ImportOptions::default(), library), || {}).unwrap();
        assert_eq!(wait(&mut job).unwrap_err(), "survey.csv: cannot be read: the file does not exist");
    }

    fn finish<T: Send + 'static>(worker: &mut Worker<T>) -> Option<T> {
        for _ in 0..6000 {
            if let Some(outcome) = worker.poll() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        panic!("the worker did not finish");
    }

    #[test]
    fn a_worker_has_woken_the_window_by_the_time_its_value_is_taken() {
        for _ in 0..200 {
            let woken = Arc::new(AtomicU32::new(0));
            let counter = Arc::clone(&woken);
            let wake = move || {
                // A slow wake-up widens the window in which it could arrive after the value.
                std::thread::sleep(std::time::Duration::from_micros(200));
                counter.fetch_add(1, Ordering::SeqCst);
            };
            let mut worker = Worker::spawn("test", || 42, wake).unwrap();
            assert_eq!(finish(&mut worker), Some(42));
            assert_eq!(woken.load(Ordering::SeqCst), 1);
            assert!(worker.poll().is_some_and(|v| v.is_none()), "a second poll finds the thread gone");
        }
    }

    #[test]
    fn the_load_hands_its_figures_to_the_views_so_nothing_is_computed_twice() {
        let library = Arc::new(crate::benchmarks::bundled());
        let request = LoadRequest::plain(LoadSource::Sample, ImportOptions::default(), Arc::clone(&library));
        let mut loaded = wait(&mut LoadJob::start(request, || {}).unwrap()).unwrap();
        let first = loaded.first.take().unwrap();
        // The report's overall figures are the views' own, not a second computation's twin.
        assert_eq!(first.results.overall.as_ref(), Some(&loaded.report.overall));
        assert!(first.results.trend.is_some() && !first.results.segments.is_empty());
        let mut views = super::super::views::ComputeState::default();
        views.loaded(Some(first.clone()));
        let failures = views.refresh(&loaded.survey, &library, &ViewSettings::default(), 0, || {});
        assert!(failures.is_empty());
        assert!(!views.is_computing(), "the views asked for what the load computed: no computation starts");
        assert_eq!(views.computed(), Some(&first));
        // Another filter is a computation of its own.
        let mut filter = crate::analysis::Filter::default();
        filter.add_condition("region=North").unwrap();
        let filtered = ViewSettings { filter, ..ViewSettings::default() };
        let _ = views.refresh(&loaded.survey, &library, &filtered, 0, || {});
        assert!(views.is_computing());
    }

    #[test]
    fn new_roles_type_the_cells_already_read_without_reading_the_file_again() {
        let library = Arc::new(crate::benchmarks::bundled());
        let request = LoadRequest::plain(LoadSource::Sample, ImportOptions::default(), Arc::clone(&library));
        let loaded = wait(&mut LoadJob::start(request, || {}).unwrap()).unwrap();
        let segment = loaded.report.columns.segment_candidates[0].clone();
        let options =
            ImportOptions { roles: vec![(segment.clone(), import::Role::Ignore)], ..ImportOptions::default() };
        // A file that does not exist: only the cells already read can give this survey.
        let gone = LoadSource::File(PathBuf::from("/no/such/survey.csv"));
        let request = LoadRequest { table: loaded.table.clone(), ..LoadRequest::plain(gone, options, library) };
        let again = wait(&mut LoadJob::start(request, || {}).unwrap()).unwrap();
        assert_eq!(again.report.rows_read, loaded.report.rows_read);
        assert!(!again.report.columns.segment_candidates.contains(&segment), "{:?}", again.report.columns);
        assert!(loaded.survey.segment(&segment).is_some() && again.survey.segment(&segment).is_none());
    }

    #[test]
    fn a_failure_of_the_first_figures_is_a_notice_when_the_survey_is_shown() {
        let library = crate::benchmarks::bundled();
        let table = read_source(&LoadSource::Sample, &ImportOptions::default(), &mut |_| true).unwrap();
        let mut loaded =
            LoadedSurvey::from_table(LoadSource::Sample, ImportOptions::default(), table, &library).unwrap();
        let missing = crate::analysis::AnalysisError::NoSuchColumn {
            place: SAMPLE_NAME.into(),
            column: "gone".into(),
            available: String::new(),
        };
        loaded.first.as_mut().unwrap().error = Some(missing);
        let app = super::super::NpsApp::with_loaded(loaded);
        assert!(
            app.notices().iter().any(|n| n.kind == NoticeKind::Analysis && n.message.contains("'gone'")),
            "{:?}",
            app.notices()
        );
        assert!(app.computed().is_some() && !app.is_computing());
    }

    #[test]
    fn a_worker_that_panics_reports_no_value() {
        let mut worker = Worker::spawn("test", || -> u8 { panic!("on purpose") }, || {}).unwrap();
        assert_eq!(finish(&mut worker), None);
    }
}
