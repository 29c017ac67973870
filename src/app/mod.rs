//! The desktop application: state, commands and the work of each frame.
//!
//! Owns what is open, the background jobs (loading, computing the views, reading the comments,
//! exporting, file dialogs), the project in use, the notices and the settings. With no file
//! given it opens the bundled sample. The window in `ui` runs the frame loop: it calls
//! [`NpsApp::logic`] before drawing, its screens draw from this state and return
//! [`AppCommand`]s, and [`NpsApp::apply`] applies them at the end of the frame. Nothing here
//! touches polars, calamine or csv.

pub mod bench;
pub mod export;
pub mod icon;
pub mod jobs;
pub mod notice_list;
pub mod project;
pub mod settings;
pub mod themes;
pub mod views;

use std::path::PathBuf;
use std::sync::Arc;

use eframe::egui;

use crate::import::ImportOptions;
pub use jobs::{FileDialogJob, LoadJob, LoadSource, LoadedSurvey};
pub use notice_list::{Notice, NoticeKind, NoticeList};
pub use settings::{Settings, ThemeChoice};
pub use themes::{CodebookEdit, ThemeState};
pub use views::{ComputeJob, Computed, ScoreGroup, SortKey, View, ViewSettings};

use crate::analysis::{Filter, Period};
use crate::benchmarks::{self, Benchmark, DataContext};
pub use bench::{BenchmarkFileJob, BenchmarkForm};

/// Storage key of the settings.
const SETTINGS_KEY: &str = "nps-workbench-settings";

/// Something the user asked for, applied at the end of the frame.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum AppCommand {
    /// Load a survey.
    Open(LoadSource),
    /// Read the open survey again with other options (sheet, column roles).
    Reimport(ImportOptions),
    /// Show the import review or the analysis.
    ShowScreen(Screen),
    /// Show one of the analysis views.
    SetView(View),
    /// Replace the filter applied to every view.
    SetFilter(Filter),
    /// Break down by this column (`None`: the default column).
    SetSegment(Option<String>),
    /// Add a second column for a two-way breakdown (`None`: one-way).
    SetSecond(Option<String>),
    /// Trend period (`None`: automatic).
    SetPeriod(Option<Period>),
    /// Hide segments under 30 answers.
    SetHideSmall(bool),
    /// Sort the Segments table by this key (again: reverse).
    SortBy(SortKey),
    /// List the responses of one segment (column, value), or of every kept row.
    ShowResponses(Option<(String, String)>),
    /// List the responses mentioning this theme (id), under the filter.
    ShowThemeResponses(String),
    /// Show this theme's quotes in the Themes view (`None`: the first theme).
    SelectTheme(Option<String>),
    /// Change the codebook (saved, then the comments are read again).
    EditCodebook(CodebookEdit),
    /// Stop the running export before its next file.
    StopExport,
    /// Stop reading the comments for themes (a large file takes seconds).
    StopReadingComments,
    /// Read the comments again after a stop.
    ResumeReadingComments,
    /// Import a codebook (JSON or CSV) from a file the user picks.
    ImportCodebook,
    /// Export the codebook to a file the user picks.
    ExportCodebook,
    /// List only detractors, passives or promoters (`None`: all).
    SetResponseGroup(Option<ScoreGroup>),
    /// Set the data's region and audience.
    SetContext(DataContext),
    /// Compare the overall NPS with this benchmark id (`None`: no comparison).
    SetOverallBenchmark(Option<String>),
    /// Compare a sector value with this benchmark id (`-` for none).
    SetMatch(String, String),
    /// Open the benchmark form (`None` closes it).
    EditBenchmark(Option<BenchmarkForm>),
    /// Save the benchmark form to the user's benchmarks.
    SaveBenchmarkForm(BenchmarkForm),
    /// Delete one of the user's benchmarks by id.
    DeleteBenchmark(String),
    /// Import benchmark rows from a file the user picks.
    ImportBenchmarks,
    /// Export the user's benchmarks to a file the user picks.
    ExportBenchmarks,
    /// Show the native open dialog.
    ShowOpenDialog,
    /// Stop the load under way.
    CancelLoad,
    /// Hide one notice (by its id).
    DismissNotice(u64),
    /// Change the UI language.
    SetLanguage(crate::i18n::Language),
    /// Change the theme.
    SetTheme(ThemeChoice),
    /// Show or hide the excluded-rows window.
    ShowExclusions(bool),
    /// Show or hide the About window.
    ShowAbout(bool),
    /// Forget the recent files.
    ClearRecent,
    /// Export a chart or table to a file or the clipboard, or everything to a folder.
    Export(export::ExportRequest),
    /// Hide the export confirmation.
    CloseExportNotice,
    /// Ask where to save the project of the screen, and save it: what the File menu's Save
    /// project entry and Ctrl+S dispatch (offered while [`NpsApp::can_save_project`]).
    SaveProject,
    /// Ask which project to open, and open its file with it.
    OpenProject,
    /// Ask for a table of invited counts and use it (for this segment column; `None`: the
    /// column its header names).
    ImportInvited(Option<String>),
    /// Hide the project notice.
    DismissProjectNotice,
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
    /// The codebook and the themes of the comments.
    themes: ThemeState,
    /// The load under way and the open dialog.
    loading: jobs::LoadState,
    /// What failed, newest first, shown until dismissed.
    notices: NoticeList,
    /// Whether the excluded-rows window is open.
    show_exclusions: bool,
    /// Whether the About window is open.
    show_about: bool,
    /// Export dialogs and jobs under way.
    exports: export::ExportFlow,
    /// What the last export wrote, shown until closed.
    export_notice: Option<export::ExportNotice>,
    /// Asks for export paths: the native dialogs (tests answer with a folder of their own).
    chooser: export::PathChooser,
    /// The project in use, its dialogs and notice.
    projects: project::ProjectState,
    commands: Vec<AppCommand>,
    wake: Option<egui::Context>,
}

impl NpsApp {
    /// The app as eframe creates it: settings restored, then `file` loading with `project`
    /// applied (a `file` that is a project opens the project with its own file); with neither,
    /// the bundled sample survey.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, project: Option<PathBuf>) -> Self {
        let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        let mut app = Self::with_settings(settings);
        app.wake = Some(cc.egui_ctx.clone());
        let (state, notice) = bench::BenchmarkState::from_user_file(benchmarks::user_file());
        app.benchmarks = state;
        if let Some((kind, message)) = notice {
            app.notices.add(kind, message);
        }
        let (themes, codebook_error) = ThemeState::from_file(themes::codebook_file());
        app.themes = themes;
        if let Some(e) = codebook_error {
            app.notices.add(NoticeKind::Codebook, e);
        }
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
            themes: ThemeState::default(),
            loading: jobs::LoadState::default(),
            notices: NoticeList::default(),
            show_exclusions: false,
            show_about: false,
            exports: export::ExportFlow::default(),
            export_notice: None,
            chooser: export::native_chooser(),
            projects: project::ProjectState::default(),
            commands: Vec::new(),
            wake: None,
        }
    }

    /// An app showing an already loaded survey (tests inject data this way instead of waiting
    /// on a file).
    #[must_use]
    pub fn with_loaded(loaded: LoadedSurvey) -> Self {
        let mut app = Self::with_settings(Settings::default());
        app.loaded = Some(loaded);
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
        self.export_notice.as_ref()
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

    fn waker(&self) -> impl Fn() + Send + Clone + 'static {
        let ctx = self.wake.clone();
        move || {
            if let Some(ctx) = &ctx {
                ctx.request_repaint();
            }
        }
    }

    /// Starts loading `source`, replacing (cancelling) any load under way. The survey shown
    /// stays until the new one has loaded. A file is read with the project in use, if any.
    pub fn start_load(&mut self, source: LoadSource) {
        let project = match source {
            LoadSource::File(_) => self.projects.to_apply(),
            LoadSource::Sample => None,
        };
        self.start_load_project(source, ImportOptions::default(), project);
    }

    /// As [`Self::start_load`], reading with `options` (and no project: the user's choices).
    pub fn start_load_with(&mut self, source: LoadSource, options: ImportOptions) {
        self.start_load_project(source, options, None);
    }

    fn start_load_project(
        &mut self,
        source: LoadSource,
        options: ImportOptions,
        project: Option<(crate::project::Project, String)>,
    ) {
        let library = Arc::clone(self.benchmarks.library());
        if let Err(message) = self.loading.start(source, options, project, library, self.waker()) {
            self.notices.add(NoticeKind::OpenFile, message);
        }
    }

    /// Takes what the load and the open dialog brought, if anything: every frame.
    pub fn poll_jobs(&mut self) {
        for event in self.loading.poll() {
            match event {
                jobs::LoadEvent::Loaded(loaded) => self.take_loaded(*loaded),
                jobs::LoadEvent::Failed(message) => self.notices.add(NoticeKind::OpenFile, message),
                jobs::LoadEvent::Chosen(path) => self.start_load(LoadSource::File(path)),
            }
        }
    }

    /// Shows a survey just loaded: a new file goes to the review, a re-read stays where it was.
    fn take_loaded(&mut self, loaded: LoadedSurvey) {
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
        }
        self.compute.clear();
        self.take_project_outcome(&loaded);
        self.loaded = Some(loaded);
    }

    /// After a load with a project: the project's views and codebook, or the refusal.
    fn take_project_outcome(&mut self, loaded: &LoadedSurvey) {
        let Some(outcome) = &loaded.project else { return };
        let p = crate::i18n::ProjectTexts::of(self.settings.language);
        self.projects.loaded(outcome, &loaded.source.display_name(), p);
        if let (project::ProjectOutcome::Applied(_), Some((saved, _))) = (outcome, self.projects.current()) {
            self.views = project::views_of(saved, self.settings.last_view);
            self.screen = Screen::Dashboard;
            let codebook = saved.codebook.clone().unwrap_or_else(crate::themes::default_codebook);
            if codebook != self.themes.codebook
                && let Err(message) = self.themes.replace(codebook)
            {
                self.notices.add(NoticeKind::Codebook, message);
            }
        }
    }

    /// Takes the answer of a project dialog: saves, opens or sets the invited counts.
    fn poll_project_dialog(&mut self) {
        let p = crate::i18n::ProjectTexts::of(self.settings.language);
        match self.projects.poll(p) {
            Some(project::ProjectStep::Save(path)) => match &self.loaded {
                Some(loaded) => {
                    let saved = project::project_of(loaded, &self.views, &self.themes.codebook);
                    self.projects.save(saved, path, p);
                }
                None => self.projects.failed(NoticeKind::ProjectSave, p.nothing_to_save.to_owned()),
            },
            Some(project::ProjectStep::Load(source, saved, name)) => {
                self.start_load_project(source, ImportOptions::default(), Some((*saved, name)));
            }
            Some(project::ProjectStep::Invited(invited)) => {
                self.views.context = crate::benchmarks::DataContext { invited, ..self.views.context.clone() };
            }
            None => {}
        }
        for (kind, message) in self.projects.take_failures() {
            self.notices.add(kind, message);
        }
    }

    fn project_waker(&self) -> project::Wake {
        Box::new(self.waker())
    }

    /// Replaces the user's benchmark rows and rebuilds the library.
    pub fn set_user_benchmarks(&mut self, rows: Vec<Benchmark>) {
        self.benchmarks.set_user(rows);
    }

    /// Carries out a benchmark command; a failure becomes a notice.
    fn apply_benchmark(&mut self, command: bench::BenchmarkCommand) {
        let wake = self.waker();
        if let Some((kind, message)) = self.benchmarks.apply(command, wake) {
            self.notices.add(kind, message);
        }
    }

    /// Starts a computation when the views ask for figures not yet computed, and takes finished
    /// ones: every frame.
    pub fn refresh_views(&mut self) {
        let Some(loaded) = &self.loaded else { return };
        let wake = self.waker();
        let (library, version) = (self.benchmarks.library(), self.benchmarks.version());
        for message in self.compute.refresh(&loaded.survey, library, &self.views, version, wake) {
            self.notices.add(NoticeKind::Analysis, message);
        }
    }

    /// Keeps the themes of the comments up to date with the survey, codebook and filter, and
    /// takes a finished codebook dialog: every frame.
    pub fn refresh_themes(&mut self) {
        let survey = self.loaded.as_ref().map(|l| &l.survey);
        let wake = self.waker();
        if let Some(message) = self.themes.refresh(survey, &self.views.filter, wake) {
            self.notices.add(NoticeKind::Analysis, message);
        }
        if let Err(message) = self.themes.poll_dialog() {
            self.notices.add(NoticeKind::Codebook, message);
        }
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
            match command {
                AppCommand::Open(source) => self.start_load(source),
                AppCommand::Reimport(options) => {
                    if let Some(source) = self.loaded.as_ref().map(|l| l.source.clone()) {
                        self.start_load_with(source, options);
                    }
                }
                AppCommand::ShowScreen(screen) => self.screen = screen,
                AppCommand::SetView(view) => {
                    self.views.view = view;
                    self.settings.last_view = view;
                }
                AppCommand::SetFilter(filter) => self.views.filter = filter,
                AppCommand::SetSegment(column) => {
                    self.views.segment = column;
                    self.views.second = None;
                }
                AppCommand::SetSecond(column) => self.views.second = column,
                AppCommand::SetPeriod(period) => self.views.period = period,
                AppCommand::SetHideSmall(hide) => self.views.hide_small = hide,
                AppCommand::SortBy(key) => {
                    self.views.descending =
                        if self.views.sort == key { !self.views.descending } else { key != SortKey::Value };
                    self.views.sort = key;
                }
                AppCommand::SetContext(context) => self.views.context = context,
                AppCommand::SetResponseGroup(group) => self.views.group = group,
                AppCommand::SetOverallBenchmark(id) => self.views.overall_benchmark = id,
                AppCommand::SetMatch(value, id) => {
                    self.views.matches.retain(|(v, _)| *v != value);
                    self.views.matches.push((value, id));
                }
                AppCommand::EditBenchmark(form) => self.apply_benchmark(bench::BenchmarkCommand::Edit(form)),
                AppCommand::SaveBenchmarkForm(form) => self.apply_benchmark(bench::BenchmarkCommand::Save(form)),
                AppCommand::DeleteBenchmark(id) => self.apply_benchmark(bench::BenchmarkCommand::Delete(id)),
                AppCommand::ImportBenchmarks => {
                    let title = self.settings.language.texts().import_benchmarks.to_owned();
                    let chooser = std::sync::Arc::clone(&self.chooser);
                    self.apply_benchmark(bench::BenchmarkCommand::Import { title, chooser });
                }
                AppCommand::ExportBenchmarks => {
                    let title = self.settings.language.texts().export_benchmarks.to_owned();
                    let chooser = std::sync::Arc::clone(&self.chooser);
                    self.apply_benchmark(bench::BenchmarkCommand::Export { title, chooser });
                }
                AppCommand::ShowThemeResponses(theme) => {
                    self.views.selection = None;
                    self.views.group = None;
                    self.views.theme_selection = Some(theme);
                    self.views.view = View::Responses;
                    self.screen = Screen::Dashboard;
                }
                AppCommand::SelectTheme(theme) => self.views.theme = theme,
                AppCommand::StopExport => self.exports.stop(),
                AppCommand::StopReadingComments => self.themes.stop_reading(),
                AppCommand::ResumeReadingComments => self.themes.resume_reading(),
                AppCommand::EditCodebook(edit) => {
                    if let Err(message) = self.themes.edit(&edit) {
                        self.notices.add(NoticeKind::Codebook, message);
                    }
                }
                AppCommand::ImportCodebook | AppCommand::ExportCodebook => {
                    let export = command == AppCommand::ExportCodebook;
                    let texts = crate::i18n::themes::ThemeTexts::of(self.settings.language);
                    let title = if export { texts.export_codebook } else { texts.import_codebook };
                    if let Err(message) = self.themes.open_dialog(
                        export,
                        title.trim_end_matches('…').to_owned(),
                        &self.chooser,
                        self.waker(),
                    ) {
                        self.notices.add(NoticeKind::Codebook, message);
                    }
                }
                AppCommand::ShowResponses(selection) => {
                    self.views.theme_selection = None;
                    self.views.selection = selection;
                    self.views.view = View::Responses;
                    self.screen = Screen::Dashboard;
                }
                AppCommand::ShowOpenDialog => {
                    let folder = self.settings.recent_files.first().and_then(|p| p.parent()).map(PathBuf::from);
                    let texts = self.settings.language.texts();
                    if let Err(message) = self.loading.open_dialog(&self.chooser, folder, texts, self.waker()) {
                        self.notices.add(NoticeKind::Dialog, message);
                    }
                }
                AppCommand::CancelLoad => self.loading.cancel(),
                AppCommand::DismissNotice(id) => self.notices.dismiss(id),
                AppCommand::SetLanguage(language) => self.settings.language = language,
                AppCommand::SetTheme(theme) => {
                    self.settings.theme = theme;
                    self.apply_theme(ctx);
                }
                AppCommand::ShowExclusions(show) => self.show_exclusions = show,
                AppCommand::ShowAbout(show) => self.show_about = show,
                AppCommand::ClearRecent => self.settings.recent_files.clear(),
                AppCommand::Export(request) => self.start_export(request),
                AppCommand::CloseExportNotice => self.export_notice = None,
                AppCommand::SaveProject => {
                    let p = crate::i18n::ProjectTexts::of(self.settings.language);
                    let wake = self.project_waker();
                    match &self.loaded {
                        Some(loaded) => self.projects.ask_save(loaded, &self.chooser, p, wake),
                        None => self.projects.failed(NoticeKind::ProjectSave, p.nothing_to_save.to_owned()),
                    }
                }
                AppCommand::OpenProject => {
                    let p = crate::i18n::ProjectTexts::of(self.settings.language);
                    let folder = self.settings.recent_files.first().and_then(|f| f.parent()).map(PathBuf::from);
                    let wake = self.project_waker();
                    self.projects.ask_open(folder, &self.chooser, p, wake);
                }
                AppCommand::ImportInvited(column) => {
                    let p = crate::i18n::ProjectTexts::of(self.settings.language);
                    let wake = self.project_waker();
                    self.projects.ask_invited(column, &self.chooser, p, wake);
                }
                AppCommand::DismissProjectNotice => self.projects.dismiss(),
                AppCommand::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            }
        }
    }

    /// Everything Export all writes: the figures of the views as computed now, in the user's
    /// language (`None` before the figures are computed).
    #[must_use]
    pub fn export_bundle(&self) -> Option<export::Bundle> {
        let loaded = self.loaded.as_ref()?;
        let computed = self.compute.computed()?;
        let words = crate::figures::Words::of(self.settings.language);
        let context = export::figure_context(loaded, &computed.request.filter);
        let mut results = computed.results.clone();
        if results.overall.is_none() && computed.request.filter.is_empty() {
            results.overall = Some(loaded.report.overall.clone());
        }
        results.segments = self.views.shown_rows(&results.segments);
        let mut charts = crate::figures::charts_for(&results, &context, &words);
        let report = &loaded.report;
        let mut tables = crate::figures::tables_for(&results, &report.excluded, Some(report.rows_read), &words);
        // The detractor themes, when the comments have been read.
        if let Some(summary) = self.themes.summary().filter(|s| !s.themes.is_empty()) {
            let tt = crate::i18n::themes::ThemeTexts::of(self.settings.language);
            let language = self.settings.language.comment_language();
            charts.extend(crate::figures::themes_figure(summary, language, &context, &words, tt));
            tables.push(crate::figures::themes_table(summary, language, &words, tt));
        }
        Some(export::Bundle { charts, tables, info: crate::figures::report_info(&context, &words) })
    }

    /// Starts an export: asks for the path (or renders for the clipboard).
    fn start_export(&mut self, request: export::ExportRequest) {
        use export::{ExportRequest, Payload};
        let x = self.settings.language.export_texts();
        let payload = match request {
            ExportRequest::Copy(spec) => {
                if let Err(message) = self.exports.copy(*spec, self.waker()) {
                    self.notices.add(NoticeKind::Export, message);
                }
                return;
            }
            ExportRequest::Chart(spec, format) => Payload::Chart(*spec, format),
            ExportRequest::Table(table, format) => Payload::Table(*table, format),
            ExportRequest::All => match self.export_bundle() {
                Some(bundle) => Payload::All(Box::new(bundle)),
                None => {
                    self.notices.add(NoticeKind::Export, x.nothing_to_export);
                    return;
                }
            },
        };
        let title = if matches!(payload, Payload::All(_)) { x.choose_folder } else { x.save_as };
        let folder = self.settings.export_folder.clone();
        if let Err(message) = self.exports.ask(payload, title.to_owned(), folder, &self.chooser, self.waker()) {
            self.notices.add(NoticeKind::Export, message);
        }
    }

    /// Takes finished export steps: remembers the folder, copies images, shows the confirmation.
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
                export::ExportEvent::Done(notice) => {
                    // Nothing written: the failures are notices; a partial export is confirmed with
                    // its failures listed beside the files written.
                    if notice.written.is_empty() && !notice.copied {
                        for message in notice.failed {
                            self.notices.add(NoticeKind::Export, message);
                        }
                    } else {
                        self.export_notice = Some(notice);
                    }
                }
                export::ExportEvent::Copy(image) => {
                    ctx.copy_image(image);
                    self.export_notice = Some(export::ExportNotice { copied: true, ..Default::default() });
                }
                export::ExportEvent::Failed(message) => {
                    self.notices.add(NoticeKind::Export, message);
                }
            }
        }
    }

    /// Opens files dropped onto the window.
    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.push(AppCommand::Open(LoadSource::File(path)));
        }
    }
}

impl NpsApp {
    /// The work of every frame before drawing: takes finished jobs, starts computations, opens
    /// dropped files.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.wake.is_none() {
            self.wake = Some(ctx.clone());
        }
        self.poll_jobs();
        if let Some((kind, message)) = self.benchmarks.poll() {
            self.notices.add(kind, message);
        }
        self.poll_project_dialog();
        self.refresh_views();
        self.refresh_themes();
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
    }

    /// Stores the settings (eframe calls this now and then and at exit).
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
