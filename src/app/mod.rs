//! The desktop application: state, commands and the work of each frame.
//!
//! [`NpsApp`] is made of small states, each owning its data, its background job and its
//! commands: loading and the open dialog ([`jobs::LoadState`], [`LoadCommand`]), what the
//! views show and their computation ([`ViewSettings`] with [`ViewCommand`],
//! [`views::ComputeState`]), the benchmark library ([`bench::BenchmarkState`],
//! [`BenchmarkCommand`]), the codebook and the comments' themes ([`ThemeState`],
//! [`ThemeCommand`]), the Compare view's waves, comparison and planner
//! ([`compare::CompareState`], [`compare::CompareCommand`]), the report details
//! ([`brand::BrandState`]), exports ([`export::ExportFlow`], [`ExportCommand`]) and projects
//! ([`project::ProjectState`], [`ProjectCommand`]); [`WindowCommand`] is the window's own.
//! With no file given it opens the bundled sample.
//!
//! The frame: the window in `ui` calls [`NpsApp::logic`] (finished jobs are taken, computations
//! started), its screens draw from a narrow view of this state and return [`AppCommand`]s, and
//! [`NpsApp::apply`] hands each to its state with the [`Services`] a state may use (the one
//! dialog service, the language, the start folder, the wake-up). A state returns a typed
//! [`Failure`]; `NpsApp::report` is the one place where failures become notices. A load
//! computes the figures of the views it opens on, once, and hands them over.
//!
//! Jobs run on named threads ([`jobs::Worker`]); [`jobs::run_jobs_inline`] runs them at once
//! on the calling thread, so UI tests step the window without waiting. Nothing here touches
//! polars, calamine or csv.

pub mod bench;
pub mod brand;
pub mod compare;
pub mod drivers;
pub mod export;
pub mod failure;
pub mod follow_up;
pub mod icon;
pub mod jobs;
pub mod notice_list;
pub mod project;
pub mod services;
pub mod settings;
pub mod themes;
pub mod views;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use crate::import::ImportOptions;
pub use bench::{BenchmarkCommand, BenchmarkFileJob, BenchmarkForm};
pub use export::ExportCommand;
pub use failure::{Cause, Failure};
pub use jobs::{FileDialogJob, LoadCommand, LoadJob, LoadSource, LoadedSurvey};
pub use notice_list::{Notice, NoticeKind, NoticeList};
pub use project::ProjectCommand;
pub use services::Services;
pub use settings::{Settings, ThemeChoice};
pub use themes::{CodebookEdit, ThemeCommand, ThemeState};
pub use views::{ComputeJob, Computed, ScoreGroup, SortKey, View, ViewCommand, ViewOutcome, ViewSettings};

use crate::benchmarks::{self, Benchmark};

/// Storage key of the settings.
const SETTINGS_KEY: &str = "nps-workbench-settings";

/// Something the user asked for, applied at the end of the frame: one command enum per state
/// of the app, each carried out by that state.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum AppCommand {
    /// Loading and re-reading a survey, the open dialog.
    Load(LoadCommand),
    /// What the analysis views show.
    View(ViewCommand),
    /// The benchmark library, its form and files.
    Benchmark(BenchmarkCommand),
    /// The codebook and the reading of the comments.
    Themes(ThemeCommand),
    /// Exports and their confirmation.
    Export(ExportCommand),
    /// Projects and invited counts.
    Project(ProjectCommand),
    /// The window itself: screen, language, theme, windows, notices.
    Window(WindowCommand),
    /// Marks in the follow-up list.
    FollowUp(follow_up::FollowUpCommand),
    /// The Report details form (the client's brand).
    Brand(brand::BrandCommand),
    /// The Compare view: which waves, which columns, the planner.
    Compare(compare::CompareCommand),
    /// The Drivers view: themes, missing answers, per segment.
    Drivers(drivers::DriversCommand),
    /// Weighting the survey shown to population margins.
    Weighting(WeightingCommand),
}

/// Weighting the survey shown to the population.
#[derive(Debug, Clone, PartialEq)]
pub enum WeightingCommand {
    /// Ask for a margins file (`column,value,share` or `count`) and rake to it.
    Choose,
    /// Back to the file's own weights (or none).
    Clear,
}

/// What the user asks of the window itself.
#[derive(Debug, Clone, PartialEq)]
pub enum WindowCommand {
    /// Show the import review or the analysis.
    ShowScreen(Screen),
    /// Hide one notice (by its id).
    DismissNotice(u64),
    /// Change the UI language.
    SetLanguage(crate::i18n::Language),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Put the detractors' quotes in the deck and the PDF, or leave them out.
    SetExportQuotes(bool),
    /// Show or hide the excluded-rows window.
    ShowExclusions(bool),
    /// Show or hide the About window.
    ShowAbout(bool),
    /// Forget the recent files.
    ClearRecent,
    /// Close the window.
    Quit,
}

/// The main screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Screen {
    /// Check the import: layout, preview, column roles, data quality.
    Review,
    /// The analysis.
    #[default]
    Dashboard,
}

/// The application.
pub struct NpsApp {
    /// The screen shown.
    screen: Screen,
    /// Remembered settings.
    settings: Settings,
    /// The survey shown.
    loaded: Option<LoadedSurvey>,
    /// What the analysis views show.
    views: ViewSettings,
    /// The views' figures and their computation.
    compute: views::ComputeState,
    /// The benchmark library, the user's rows, the form and the import/export dialog.
    benchmarks: bench::BenchmarkState,
    /// The Report details form.
    brand: brand::BrandState,
    /// The codebook and the themes of the comments.
    themes: ThemeState,
    /// The Compare view's waves, columns, comparison and planner.
    compare: compare::CompareState,
    /// The Drivers view's choices and analysis.
    drivers: drivers::DriversState,
    /// The population margins the survey shown is raked to, if any.
    weighting: Option<crate::analysis::weighting::Weighting>,
    /// The margins file being chosen.
    weighting_dialog: Option<jobs::FileDialogJob>,
    /// The load under way and the open dialog.
    loading: jobs::LoadState,
    /// What failed, newest first, shown until dismissed.
    notices: NoticeList,
    /// Whether the excluded-rows window is open.
    show_exclusions: bool,
    /// Whether the About window is open.
    show_about: bool,
    /// Export dialogs and jobs under way, and the confirmation of the last export.
    exports: export::ExportFlow,
    /// Asks for export paths: the native dialogs (tests answer with a folder of their own).
    chooser: export::PathChooser,
    opener: export::FolderOpener,
    /// The project in use, its dialogs and notice.
    projects: project::ProjectState,
    /// The follow-up marks set on respondents.
    follow_up: follow_up::FollowUp,
    commands: Vec<AppCommand>,
    /// Wakes the window when a job finishes: a repaint of the window's context, or a test's own.
    wake: Option<services::Wake>,
}

impl NpsApp {
    /// The app as eframe creates it: settings restored, then `file` loading with `project`
    /// applied (a `file` that is a project opens the project with its own file); with neither,
    /// the bundled sample survey.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, project: Option<PathBuf>) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        let mut app = Self::with_settings(settings);
        app.wake = Some(repaint(&cc.egui_ctx));
        let (state, failure) = bench::BenchmarkState::from_user_file(benchmarks::user_file());
        app.benchmarks = state;
        app.report(failure);
        let (themes, failure) = ThemeState::in_folder(themes::codebook_folder());
        app.themes = themes;
        app.report(failure);
        app.apply_theme(&cc.egui_ctx);
        let is_project = |f: &PathBuf| f.extension().is_some_and(|e| e.eq_ignore_ascii_case(crate::project::EXTENSION));
        let (file, project) = match (file, project) {
            (Some(f), None) if is_project(&f) => (None, Some(f)),
            other => other,
        };
        match (project, file) {
            (Some(project), file) => app.open_project_file(&project, file),
            (None, Some(path)) => app.start_load(LoadSource::File(path)),
            // Without a file the window opens on the bundled sample (the README's promise); the
            // empty state shows until it has loaded, or when nothing could be.
            (None, None) => app.start_load(LoadSource::Sample),
        }
        app
    }

    /// Opens the project at `path` and loads `file` with it (its own file when `None`).
    pub fn open_project_file(&mut self, path: &std::path::Path, file: Option<PathBuf>) {
        if let Some(project::ProjectStep::Load(source, saved, name)) = self.projects.open(path) {
            let source = file.map_or(source, LoadSource::File);
            self.start_load_project(source, ImportOptions::default(), Some((*saved, name)));
        }
    }

    /// An app with nothing loaded and no storage (tests and first start).
    #[must_use]
    pub fn with_settings(settings: Settings) -> Self {
        Self {
            screen: Screen::Dashboard,
            settings,
            loaded: None,
            views: ViewSettings::default(),
            compute: views::ComputeState::default(),
            benchmarks: bench::BenchmarkState::default(),
            brand: brand::BrandState::default(),
            themes: ThemeState::default(),
            compare: compare::CompareState::default(),
            drivers: drivers::DriversState::default(),
            weighting: None,
            weighting_dialog: None,
            loading: jobs::LoadState::default(),
            notices: NoticeList::default(),
            show_exclusions: false,
            show_about: false,
            exports: export::ExportFlow::default(),
            chooser: export::native_chooser(),
            opener: export::system_opener(),
            projects: project::ProjectState::default(),
            follow_up: follow_up::FollowUp::default(),
            commands: Vec::new(),
            wake: None,
        }
    }

    /// An app showing an already loaded survey (tests inject data this way instead of waiting
    /// on a file).
    #[must_use]
    pub fn with_loaded(loaded: LoadedSurvey) -> Self {
        let mut app = Self::with_settings(Settings::default());
        app.take_loaded(loaded);
        app.screen = Screen::Dashboard;
        app
    }

    /// Queues a command for the end of the frame.
    pub fn push(&mut self, command: AppCommand) {
        self.commands.push(command);
    }

    /// The screen shown.
    #[must_use]
    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The remembered settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The survey shown.
    #[must_use]
    pub fn loaded(&self) -> Option<&LoadedSurvey> {
        self.loaded.as_ref()
    }

    /// What the analysis views show.
    #[must_use]
    pub fn views(&self) -> &ViewSettings {
        &self.views
    }

    /// The figures of the views, last computed.
    #[must_use]
    pub fn computed(&self) -> Option<&Computed> {
        self.compute.computed()
    }

    /// Whether figures or themes are being computed.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.compute.is_computing() || self.themes.busy()
    }

    /// The benchmark library: bundled rows and the user's.
    #[must_use]
    pub fn library(&self) -> &[Benchmark] {
        self.benchmarks.library()
    }

    /// The user's own benchmark rows.
    #[must_use]
    pub fn user_benchmarks(&self) -> &[Benchmark] {
        self.benchmarks.user()
    }

    /// The Report details form, while open.
    #[must_use]
    pub fn brand_form(&self) -> Option<&brand::BrandForm> {
        self.brand.form()
    }

    /// The brand the exports use (Report details).
    #[must_use]
    pub fn brand(&self) -> &crate::chart::Brand {
        &self.views.brand
    }

    /// The benchmark form, while open.
    #[must_use]
    pub fn benchmark_form(&self) -> Option<&BenchmarkForm> {
        self.benchmarks.form()
    }

    /// The codebook and the themes of the comments.
    #[must_use]
    pub fn themes(&self) -> &ThemeState {
        &self.themes
    }

    /// The Compare view's state.
    #[must_use]
    pub fn compare(&self) -> &compare::CompareState {
        &self.compare
    }

    /// The Drivers view's state.
    #[must_use]
    pub fn drivers(&self) -> &drivers::DriversState {
        &self.drivers
    }

    /// The follow-up marks set on respondents.
    #[must_use]
    pub fn follow_up(&self) -> &follow_up::FollowUp {
        &self.follow_up
    }

    /// The load under way.
    #[must_use]
    pub fn job(&self) -> Option<&LoadJob> {
        self.loading.job()
    }

    /// What failed, newest first, shown until dismissed.
    #[must_use]
    pub fn notices(&self) -> &[Notice] {
        self.notices.all()
    }

    /// Whether the excluded-rows window is open.
    #[must_use]
    pub fn show_exclusions(&self) -> bool {
        self.show_exclusions
    }

    /// Whether the About window is open.
    #[must_use]
    pub fn show_about(&self) -> bool {
        self.show_about
    }

    /// Export dialogs and jobs under way.
    #[must_use]
    pub fn exports(&self) -> &export::ExportFlow {
        &self.exports
    }

    /// What the last export wrote, shown until closed.
    #[must_use]
    pub fn export_notice(&self) -> Option<&export::ExportNotice> {
        self.exports.notice()
    }

    /// The project in use, and what to tell about it.
    #[must_use]
    pub fn projects(&self) -> &project::ProjectState {
        &self.projects
    }

    /// Whether a project can be saved now: a survey is open and no project dialog is asking.
    #[must_use]
    pub fn can_save_project(&self) -> bool {
        self.loaded.is_some() && !self.projects.is_asking()
    }

    /// Replaces how export paths are asked (tests answer with a folder of their own).
    pub fn set_chooser(&mut self, chooser: export::PathChooser) {
        self.chooser = chooser;
    }

    /// Replaces how a folder is shown in the file manager (tests record it).
    pub fn set_opener(&mut self, opener: export::FolderOpener) {
        self.opener = opener;
    }

    fn waker(&self) -> impl Fn() + Send + Sync + Clone + 'static {
        let wake = self.wake.clone();
        move || {
            if let Some(wake) = &wake {
                wake();
            }
        }
    }

    /// Replaces how background jobs wake the window (a test waits on its own wake-up, and may
    /// hold a job there at a point of its choosing).
    pub fn set_wake(&mut self, wake: services::Wake) {
        self.wake = Some(wake);
    }

    /// What a state may use for a command: the dialog service, the language, the folder of the
    /// last file opened and the window's wake-up.
    fn services(&self) -> Services {
        let folder = self.settings.recent_files.first().and_then(|p| p.parent()).map(PathBuf::from);
        Services::new(Arc::clone(&self.chooser), self.settings.language, folder, Arc::new(self.waker()))
            .with_opener(Arc::clone(&self.opener))
    }

    /// Shows what failed: the one place where failures become notices.
    fn report(&mut self, failures: impl IntoIterator<Item = Failure>) {
        for failure in failures {
            self.notices.add(failure.kind, failure.to_string());
        }
    }

    /// Starts loading `source`, replacing (cancelling) any load under way. The survey shown
    /// stays until the new one has loaded. A file is read with the project in use, if any.
    pub fn start_load(&mut self, source: LoadSource) {
        // Margins name the columns of the survey they were given for: a file opened starts
        // without them.
        self.weighting = None;
        let project = match source {
            LoadSource::File(_) => self.projects.to_apply(),
            LoadSource::Sample => None,
        };
        self.start_load_project(source, ImportOptions::default(), project);
    }

    /// As [`Self::start_load`], reading with `options` (and no project: the user's choices).
    /// The survey shown read again with other roles (the same sheet) is typed again from the
    /// cells already read, not read from the file again.
    pub fn start_load_with(&mut self, source: LoadSource, options: ImportOptions) {
        // A workbook's sheet chosen without the user's word was chosen under the old roles.
        let table = self
            .loaded
            .as_mut()
            .filter(|l| l.source == source && l.options.sheet == options.sheet)
            .filter(|l| options.sheet.is_some() || l.report.source.sheets.len() <= 1)
            .and_then(|l| l.table.take());
        self.start(jobs::LoadRequest { table, ..self.load_request(source, options, None) });
    }

    fn start_load_project(
        &mut self,
        source: LoadSource,
        options: ImportOptions,
        project: Option<(crate::project::Project, String)>,
    ) {
        self.start(self.load_request(source, options, project));
    }

    /// What to load, with the views it will open on: the views shown for a re-read of the
    /// survey shown, the default ones (on the last view chosen) for another file.
    fn load_request(
        &self,
        source: LoadSource,
        options: ImportOptions,
        project: Option<(crate::project::Project, String)>,
    ) -> jobs::LoadRequest {
        let same_file = self.loaded.as_ref().is_some_and(|l| l.source == source);
        let views = if same_file {
            self.views.clone()
        } else {
            ViewSettings { view: self.settings.last_view, ..ViewSettings::default() }
        };
        jobs::LoadRequest {
            source,
            options,
            project,
            table: None,
            views,
            library: Arc::clone(self.benchmarks.library()),
            library_version: self.benchmarks.version(),
            // Margins name the columns of the survey they were given for.
            weighting: if same_file { self.weighting.clone() } else { None },
        }
    }

    fn start(&mut self, request: jobs::LoadRequest) {
        let started = self.loading.start(request, self.waker());
        self.report(started.err());
    }

    /// Takes what the load and the open dialog brought, if anything: every frame.
    pub fn poll_jobs(&mut self) {
        self.brand.poll();
        for event in self.loading.poll() {
            match event {
                jobs::LoadEvent::Loaded(loaded) => self.take_loaded(*loaded),
                jobs::LoadEvent::Failed(failure) => self.report([failure]),
                jobs::LoadEvent::Chosen(path) => self.start_load(LoadSource::File(path)),
            }
        }
    }

    /// Shows a survey just loaded: a new file goes to the review, a re-read stays where it was.
    fn take_loaded(&mut self, mut loaded: LoadedSurvey) {
        self.weighting.clone_from(&loaded.weighting);
        let same_file = self.loaded.as_ref().is_some_and(|l| l.source == loaded.source);
        if let LoadSource::File(path) = &loaded.source {
            self.settings.remember(path);
            // A newly opened file is checked first; a re-read stays where the user was.
            if !same_file {
                self.screen = Screen::Review;
            }
        } else if !same_file {
            self.screen = Screen::Dashboard;
        }
        self.notices.clear_kind(NoticeKind::OpenFile);
        self.show_exclusions = false;
        if !same_file {
            self.views = ViewSettings { view: self.settings.last_view, ..ViewSettings::default() };
            // Marks by row name other people in another file. Marks by ID follow their respondent
            // only within a project (the next wave of the same survey); another survey's IDs
            // ("1", "2") would name strangers.
            let marks = self.follow_up.marks().to_vec();
            let within_project = self.projects.current().is_some();
            self.follow_up.start_from(if within_project { &marks } else { &[] }, false);
            // Each file has its own codebook; a project's, applied below, comes after it.
            if let Err(cause) = self.themes.open_survey(&loaded.source) {
                self.report([Failure::new(NoticeKind::Codebook, cause)]);
            }
        }
        self.take_project_outcome(&loaded);
        // A score column that may be asked on another scale is answered in the review first,
        // whatever a project would show.
        if scale_in_doubt(Some(&loaded)) {
            self.screen = Screen::Review;
        }
        let first = loaded.first.take();
        // What went wrong computing the first figures is said, as a computation's would be.
        let failure = first.as_ref().and_then(|c| c.error.clone()).map(|e| Failure::new(NoticeKind::Analysis, e));
        self.report(failure);
        self.compute.loaded(first);
        self.loaded = Some(loaded);
    }

    /// After a load with a project: the project's views and codebook, or the refusal.
    fn take_project_outcome(&mut self, loaded: &LoadedSurvey) {
        let Some(outcome) = &loaded.project else { return };
        let p = crate::i18n::ProjectTexts::of(self.settings.language);
        self.projects.loaded(outcome, &loaded.source.display_name(), p);
        if let (project::ProjectOutcome::Applied(fit), Some((saved, _))) = (outcome, self.projects.current()) {
            self.views = project::views_of(saved, self.settings.last_view);
            self.drivers.choice.clone_from(&saved.analysis.drivers);
            // The saved marks fill in; those set since the save (still in memory) win.
            self.follow_up.merge_saved(&saved.follow_up, fit.same_contents);
            self.screen = Screen::Dashboard;
            let codebook = saved.codebook_to_use();
            if codebook != self.themes.codebook
                && let Err(cause) = self.themes.start_from(codebook)
            {
                self.report([Failure::new(NoticeKind::Codebook, cause)]);
            }
        }
    }

    /// The project *File › Save project…* writes for the survey shown: how it is read and
    /// analysed, the Drivers options, the codebook and the follow-up marks. `None` without one.
    #[must_use]
    pub fn project_to_save(&self) -> Option<crate::project::Project> {
        let loaded = self.loaded.as_ref()?;
        let mut saved = project::project_of(loaded, &self.views, &self.drivers.choice, &self.themes.codebook);
        saved.follow_up = self.follow_up.marks().to_vec();
        Some(saved)
    }

    /// Takes the answer of a project dialog: saves, opens or sets the invited counts.
    fn poll_project_dialog(&mut self) {
        let p = crate::i18n::ProjectTexts::of(self.settings.language);
        match self.projects.poll(p) {
            Some(project::ProjectStep::Save(path)) => match self.project_to_save() {
                Some(saved) => self.projects.save(saved, path, p),
                None => self.projects.failed(NoticeKind::ProjectSave, Cause::Invalid(p.nothing_to_save.to_owned())),
            },
            Some(project::ProjectStep::Load(source, saved, name)) => {
                self.start_load_project(source, ImportOptions::default(), Some((*saved, name)));
            }
            Some(project::ProjectStep::Invited(invited)) => {
                self.views.context = crate::benchmarks::DataContext { invited, ..self.views.context.clone() };
            }
            None => {}
        }
        let failures = self.projects.take_failures();
        self.report(failures);
    }

    /// Replaces the user's benchmark rows and rebuilds the library.
    pub fn set_user_benchmarks(&mut self, rows: Vec<Benchmark>) {
        self.benchmarks.set_user(rows);
    }

    /// Starts a computation when the views ask for figures not yet computed, and takes finished
    /// ones: every frame.
    pub fn refresh_views(&mut self) {
        let Some(loaded) = &self.loaded else { return };
        let wake = self.waker();
        let (library, version) = (self.benchmarks.library(), self.benchmarks.version());
        let failures = self.compute.refresh(&loaded.survey, library, &self.views, version, wake);
        self.report(failures);
    }

    /// Keeps the themes of the comments up to date with the survey, codebook and filter, and
    /// takes a finished codebook dialog: every frame.
    pub fn refresh_themes(&mut self) {
        let survey = self.loaded.as_ref().map(|l| &l.survey);
        let wake = self.waker();
        let failure = self.themes.refresh(survey, &self.views.filter, wake);
        self.report(failure);
        let failure = self.themes.poll_dialog().err();
        self.report(failure);
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(match self.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        });
    }

    fn apply_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            let services = self.services();
            let failure = match command {
                AppCommand::Load(command) => self.apply_load(command, &services),
                AppCommand::View(command) => {
                    let sector_chosen = matches!(command, ViewCommand::SetOverallBenchmark(_));
                    match self.views.apply(command) {
                        ViewOutcome::Done => {}
                        ViewOutcome::Chosen(view) => self.settings.last_view = view,
                        ViewOutcome::ShowAnalysis => self.show_screen(Screen::Dashboard),
                    }
                    if sector_chosen { self.follow_sector() } else { None }
                }
                AppCommand::Benchmark(command) => self.benchmarks.apply(command, &services).err(),
                AppCommand::Themes(command) => self.themes.apply(command, &services).err(),
                AppCommand::Compare(command) => self.compare.apply(command, &services).err(),
                AppCommand::Drivers(command) => {
                    self.drivers.apply(command);
                    None
                }
                AppCommand::Weighting(command) => self.apply_weighting(command, &services),
                AppCommand::Export(ExportCommand::Start(_)) if scale_in_doubt(self.loaded.as_ref()) => {
                    let t = services.language.texts();
                    Some(Failure::new(NoticeKind::Export, Cause::Invalid(t.scale_doubt_first.to_owned())))
                }
                AppCommand::Export(command) => {
                    let all = command == ExportCommand::Start(export::ExportRequest::All);
                    let bundle = if all { self.export_bundle() } else { None };
                    let folder = self.settings.export_folder.clone();
                    self.exports.apply(command, bundle, folder, &self.views.brand, &services).err()
                }
                AppCommand::Project(command) => {
                    self.projects.apply(command, self.loaded.as_ref(), &services);
                    None
                }
                AppCommand::Window(command) => {
                    self.apply_window(command, ctx);
                    None
                }
                AppCommand::FollowUp(command) => {
                    self.follow_up.apply(command);
                    None
                }
                AppCommand::Brand(command) => {
                    let title = services.language.export_texts().brand_logo_title;
                    match self.brand.apply(command, &self.views.brand, &services, title) {
                        Ok(Some(brand)) => {
                            self.views.brand = brand;
                            None
                        }
                        Ok(None) => None,
                        Err(cause) => Some(Failure::new(NoticeKind::Export, cause)),
                    }
                }
            };
            self.report(failure);
        }
    }

    /// After the overall benchmark changed: an unedited codebook follows the preset its sector
    /// proposes (the Themes view says which and lets the user change it).
    fn follow_sector(&mut self) -> Option<Failure> {
        let (_, proposed) =
            themes::proposed_preset(self.views.overall_benchmark.as_deref(), self.benchmarks.library())?;
        self.themes.follow_sector(proposed).err().map(|cause| Failure::new(NoticeKind::Codebook, cause))
    }

    /// Shows `screen`; the analysis only once the score column's scale is not in doubt.
    fn show_screen(&mut self, screen: Screen) {
        self.screen = if scale_in_doubt(self.loaded.as_ref()) { Screen::Review } else { screen };
    }

    /// Carries out a loading command.
    fn apply_load(&mut self, command: LoadCommand, services: &Services) -> Option<Failure> {
        match command {
            LoadCommand::Open(source) => self.start_load(source),
            LoadCommand::Reimport(options) => {
                if let Some(source) = self.loaded.as_ref().map(|l| l.source.clone()) {
                    self.start_load_with(source, options);
                }
            }
            LoadCommand::ShowOpenDialog => {
                let texts = services.language.texts();
                let folder = services.folder.clone();
                return self.loading.open_dialog(&services.chooser, folder, texts, services.waker()).err();
            }
            LoadCommand::Cancel => self.loading.cancel(),
        }
        None
    }

    /// Carries out a command of the window itself.
    fn apply_window(&mut self, command: WindowCommand, ctx: &egui::Context) {
        match command {
            WindowCommand::ShowScreen(screen) => self.show_screen(screen),
            WindowCommand::DismissNotice(id) => self.notices.dismiss(id),
            WindowCommand::SetLanguage(language) => self.settings.language = language,
            WindowCommand::SetTheme(theme) => {
                self.settings.theme = theme;
                self.apply_theme(ctx);
            }
            WindowCommand::SetExportQuotes(quotes) => self.settings.export_without_quotes = !quotes,
            WindowCommand::ShowExclusions(show) => self.show_exclusions = show,
            WindowCommand::ShowAbout(show) => self.show_about = show,
            WindowCommand::ClearRecent => self.settings.recent_files.clear(),
            WindowCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    /// Everything Export all writes: the figures of the views as computed now, in the user's
    /// language (`None` before the figures are computed).
    #[must_use]
    pub fn export_bundle(&self) -> Option<export::Bundle> {
        let loaded = self.loaded.as_ref()?;
        let computed = self.compute.computed()?;
        let words = crate::figures::Words::of(self.settings.language);
        let context = crate::figures::FigureContext {
            two_way_bars: self.views.two_way_bars,
            hide_small: self.views.hide_small,
            ..export::figure_context(loaded, &computed.request.filter)
        }
        .named(&self.views.brand);
        let mut results = computed.results.clone();
        // Figures that failed to compute: the whole survey's overall still goes out.
        if results.overall.is_none() && computed.request.filter.is_empty() {
            results.overall = Some(loaded.report.overall.clone());
        }
        results.segments = self.views.shown_rows(&results.segments);
        let mut charts = crate::figures::charts_for(&results, &context, &words);
        let report = &loaded.report;
        let mut tables = crate::figures::tables_for(&results, &report.excluded, Some(report.rows_read), &words);
        let mut info = crate::figures::report_info(&context, &words);
        info.data_quality = Some(crate::figures::quality_table(&report.excluded, &words));
        // The detractor themes, when the comments have been read, and the deck's quotes.
        if let Some(summary) = self.themes.summary().filter(|s| !s.themes.is_empty()) {
            let tt = crate::i18n::themes::ThemeTexts::of(self.settings.language);
            let language = self.settings.language.comment_language();
            charts.extend(crate::figures::themes_figure(summary, language, &context, &words, tt));
            tables.push(crate::figures::themes_table(summary, language, &words, tt));
            if !self.settings.export_without_quotes {
                info.quotes = crate::figures::quote_slides(summary, language, &words, tt);
            }
        }
        // The comparison of two waves, when the Compare view has made one for this survey.
        if let Some(result) = self.compare.current_result().filter(|r| r.key.survey == loaded.survey.id()) {
            let v = crate::i18n::waves::WaveTexts::of(self.settings.language);
            let names = (result.names.0.as_str(), result.names.1.as_str());
            charts.extend(crate::figures::wave_charts(&result.comparison, names, &words, v));
            tables.push(crate::figures::wave_table(&result.comparison, &words, v));
            let language = self.settings.language.comment_language();
            let themes = result.themes.relabelled(&self.themes.codebook, language);
            if !themes.overall.is_empty() {
                tables.push(crate::figures::wave_themes_table(&themes.overall, &words, v));
            }
            if !themes.segments.is_empty() {
                tables.push(crate::figures::wave_segment_themes_table(&themes.segments, &words, v));
            }
        }
        // The key drivers, when the Drivers view has analysed this survey under this filter.
        let filter = self.compute.computed().map_or_else(|| self.views.filter.clone(), |c| c.request.filter.clone());
        if let Some(result) = self.drivers.current_result().filter(|r| r.key.is_for(loaded.survey.id(), &filter)) {
            let d = crate::i18n::drivers::DriverTexts::of(self.settings.language);
            let groups: Vec<(String, &crate::analysis::drivers::DriverAnalysis)> = result
                .segments
                .iter()
                .filter_map(|(value, r)| {
                    Some((format!("{} = {value}", result.by.as_deref().unwrap_or_default()), r.as_ref().ok()?))
                })
                .collect();
            let file = loaded.source.display_name();
            let (more_charts, more_tables) =
                crate::figures::drivers_figures((&result.overall, d.everyone), &groups, &file, &words, d);
            charts.extend(more_charts);
            tables.extend(more_tables);
        }
        Some(export::Bundle { charts, tables, info: info.branded(self.views.brand.clone()) })
    }

    /// Takes finished export steps: remembers the folder, copies images, shows what failed.
    pub fn poll_exports(&mut self, ctx: &egui::Context) {
        for event in self.exports.poll(self.waker()) {
            match event {
                export::ExportEvent::Chosen(path) => {
                    let folder = if path.is_dir() || path.extension().is_none() {
                        Some(path)
                    } else {
                        path.parent().map(PathBuf::from)
                    };
                    if let Some(folder) = folder {
                        self.settings.export_folder = Some(folder);
                    }
                }
                export::ExportEvent::Copy(image) => ctx.copy_image(image),
                export::ExportEvent::Failed(failure) => self.report([failure]),
            }
        }
    }

    /// Opens files dropped onto the window.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path))));
        }
    }
}

impl NpsApp {
    /// The work of every frame before drawing: takes finished jobs, starts computations, opens
    /// dropped files.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.wake.is_none() {
            self.wake = Some(repaint(ctx));
        }
        self.poll_jobs();
        let failure = self.benchmarks.poll().err();
        self.report(failure);
        self.poll_project_dialog();
        self.refresh_views();
        self.refresh_themes();
        self.refresh_compare();
        self.take_dropped_files(ctx);
        self.poll_exports(ctx);
        if self.loading.job().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// Applies the commands the screens gave this frame (and those pushed before), then starts
    /// what they call for.
    pub fn apply(&mut self, commands: Vec<AppCommand>, ctx: &egui::Context) {
        self.commands.extend(commands);
        self.apply_commands(ctx);
        self.refresh_views();
        self.refresh_themes();
        self.refresh_compare();
        self.refresh_drivers();
        self.poll_weighting();
    }

    /// The margins the survey shown is raked to, if any.
    #[must_use]
    pub fn weighting(&self) -> Option<&crate::analysis::weighting::Weighting> {
        self.weighting.as_ref()
    }

    fn apply_weighting(&mut self, command: WeightingCommand, services: &Services) -> Option<Failure> {
        match command {
            WeightingCommand::Choose => {
                let t = services.language.texts();
                let question = export::PathQuestion {
                    title: t.weight_title.to_owned(),
                    folder: services.folder.clone(),
                    file_name: None,
                    open: Some(vec!["csv", "txt"]),
                    kind: Some(t.margins_files.to_owned()),
                };
                match jobs::FileDialogJob::ask(&services.chooser, question, services.waker()) {
                    Ok(job) => self.weighting_dialog = Some(job),
                    Err(cause) => return Some(Failure::new(NoticeKind::OpenFile, cause)),
                }
            }
            WeightingCommand::Clear => {
                self.weighting = None;
                self.reread();
            }
        }
        None
    }

    /// Takes the margins file chosen: read, and the survey raked to it (read again, typed with
    /// the weights).
    fn poll_weighting(&mut self) {
        let Some(choice) = self.weighting_dialog.as_mut().and_then(jobs::FileDialogJob::poll) else { return };
        self.weighting_dialog = None;
        let Some(path) = choice else { return };
        match crate::analysis::weighting::read_margins(&path) {
            Ok(margins) => {
                let file = crate::import::display_name(&path);
                self.weighting = Some(crate::analysis::weighting::Weighting { file, margins, trim: None });
                self.reread();
            }
            Err(message) => self.report(Some(Failure::new(NoticeKind::OpenFile, Cause::Invalid(message)))),
        }
    }

    /// Reads the survey shown again with its options (the weighting changed).
    fn reread(&mut self) {
        if let Some(loaded) = &self.loaded {
            let (source, options) = (loaded.source.clone(), loaded.options.clone());
            self.start_load_with(source, options);
        }
    }

    /// Keeps the key driver analysis of the Drivers view up to date while it is shown.
    pub fn refresh_drivers(&mut self) {
        let Some(loaded) = &self.loaded else { return };
        if self.views.view != View::Drivers && !self.drivers.busy() {
            return;
        }
        let computed = self.compute.computed();
        let filter = computed.map_or_else(|| self.views.filter.clone(), |c| c.request.filter.clone());
        let wake = self.waker();
        let language = self.settings.language.comment_language();
        let tags = self.themes.tags_of(loaded.survey.id());
        // Tags still to come: the comments are read, or being read (a stopped reading brings none).
        let reading = tags.is_none() && self.themes.busy() && !loaded.survey.comment_names.is_empty();
        let failure = self.drivers.refresh(loaded, &filter, (tags, reading), language, wake);
        self.report(failure);
    }

    /// Keeps the comparison of the Compare view up to date while it is shown (or a file for it is
    /// being chosen or read): every frame.
    pub fn refresh_compare(&mut self) {
        let Some(loaded) = &self.loaded else { return };
        if self.views.view != View::Compare && !self.compare.busy() {
            return;
        }
        let computed = self.compute.computed();
        let period = self.views.period(&loaded.survey);
        let trend = computed.and_then(|c| c.results.trend.as_deref()).zip(period);
        let filter = computed.map_or_else(|| self.views.filter.clone(), |c| c.request.filter.clone());
        let wake = self.waker();
        let codebook = (&self.themes.codebook, self.themes.version);
        // Only while a file is being chosen: the project is cloned for its reading.
        let project = if self.compare.choosing() { self.projects.to_apply() } else { None };
        let failure = self.compare.refresh(loaded, trend, &filter, codebook, project, wake);
        self.report(failure);
    }

    /// Stores the settings (eframe calls this now and then and at exit).
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// The wake-up that repaints the window of `ctx`.
fn repaint(ctx: &egui::Context) -> services::Wake {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint())
}

/// Whether the survey's score column may be asked on another scale than 0-10 and the user has
/// not said: nothing is analysed or exported until the review's question is answered.
fn scale_in_doubt(loaded: Option<&LoadedSurvey>) -> bool {
    loaded.is_some_and(|l| l.report.columns.score_scale_doubt.is_some())
}
