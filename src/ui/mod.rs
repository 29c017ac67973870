//! The window: its screens, panels and the frame loop.
//!
//! Dependencies point one way: `ui` reads the app's state (`crate::app`) and gives back
//! [`AppCommand`]s; `app` never looks at `ui`. Each screen or panel is a small struct owning its
//! transient state (text being typed, what is unfolded), kept in [`Screens`] between frames;
//! what is worth keeping (filter, breakdowns, settings) lives in the app. None touches polars,
//! calamine or csv.

pub mod bench;
pub mod chrome;
pub mod compare;
pub mod dashboard;
pub mod drivers;
pub mod export_menu;
pub mod fields;
pub mod headline;
pub mod help;
pub mod matrix;
pub mod plot;
pub mod project;
pub mod responses;
pub mod review;
pub mod shortcuts;
pub mod theme;
pub mod themes;
pub mod views;

use std::path::PathBuf;

use eframe::egui;

use crate::app::{AppCommand, LoadedSurvey, NpsApp, Screen, View};
use crate::i18n::{ExportTexts, Language, Texts};

/// What every view is drawn from in one frame: the view settings, the computed figures, the
/// themes, the benchmark rows, the survey shown and the texts (not the whole app).
pub struct ViewContext<'a> {
    /// What the views show and how (filter, breakdowns, selection, chart choices).
    pub views: &'a crate::app::ViewSettings,
    /// The figures computed for those settings, once computed.
    pub computed: Option<&'a crate::app::Computed>,
    /// The comments' themes and the codebook.
    pub themes: &'a crate::app::ThemeState,
    /// The benchmark library (bundled rows and the user's).
    pub library: &'a [crate::benchmarks::Benchmark],
    /// The user's own benchmark rows.
    pub user_benchmarks: &'a [crate::benchmarks::Benchmark],
    /// The survey shown.
    pub loaded: &'a LoadedSurvey,
    /// The follow-up marks set on respondents.
    pub follow_up: &'a crate::app::follow_up::FollowUp,
    /// The window's language.
    pub language: Language,
    /// The texts of that language.
    pub t: &'static Texts,
    /// The export texts of that language.
    pub x: &'static ExportTexts,
}

/// The screens and panels of the window, each with its transient state.
#[derive(Debug, Default)]
pub struct Screens {
    review: review::ReviewScreen,
    filter: views::FilterPanel,
    overview: dashboard::OverviewView,
    segments: views::SegmentsView,
    trend: views::TrendView,
    compare: compare::CompareView,
    drivers: drivers::DriversView,
    responses: responses::ResponsesView,
    themes: themes::ThemesView,
    benchmarks: bench::BenchmarksView,
    help: help::HelpPanel,
}

impl Screens {
    /// Does what a keyboard shortcut asked of the window.
    pub fn act(&mut self, action: shortcuts::WindowAction) {
        match action {
            shortcuts::WindowAction::FocusFilter => self.filter.request_focus(),
            shortcuts::WindowAction::ShowGuide => self.help.set_open(true),
        }
    }

    /// Whether the Guide is shown.
    #[must_use]
    pub fn guide_open(&self) -> bool {
        self.help.is_open()
    }

    /// The Guide's section a tooltip's link last opened it at.
    #[must_use]
    pub fn guide_topic(&self) -> Option<help::Topic> {
        self.help.marked()
    }

    /// Draws the whole window for one frame and returns the commands the user gave.
    pub fn draw(&mut self, ui: &mut egui::Ui, app: &NpsApp) -> Vec<AppCommand> {
        let mut commands = Vec::new();
        let language = app.settings().language;
        let (t, x) = (language.texts(), language.export_texts());
        let h = crate::i18n::HelpTexts::of(language);
        let mut actions = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| chrome::menu_bar(ui, app, t, &mut commands, &mut actions));
        for action in actions {
            self.act(action);
        }
        if app.job().is_some() || app.exports().progress().is_some() || !app.notices().is_empty() {
            egui::Panel::top("notices").show(ui, |ui| chrome::notices(ui, app, t, &mut commands));
        }
        if app.projects().notice().is_some() {
            egui::Panel::top("project-notice").show(ui, |ui| project::notice(ui, app, t, &mut commands));
        }
        let view = (app.loaded().is_some() && app.screen() == Screen::Dashboard).then(|| {
            let view = app.views().view;
            (view, chrome::view_label(view, t, crate::i18n::ThemeTexts::of(language).tab_themes))
        });
        self.help.show(ui, h, t.close, view);
        let cx = app.loaded().map(|loaded| ViewContext {
            views: app.views(),
            computed: app.computed(),
            themes: app.themes(),
            library: app.library(),
            user_benchmarks: app.user_benchmarks(),
            loaded,
            follow_up: app.follow_up(),
            language,
            t,
            x,
        });
        if let Some(cx) = cx.as_ref().filter(|_| app.screen() == Screen::Dashboard) {
            egui::Panel::top("tabs").show(ui, |ui| {
                let themes_tab = crate::i18n::ThemeTexts::of(language).tab_themes;
                views::tabs(ui, app.views(), app.is_computing(), t, themes_tab, &mut commands);
            });
            egui::Panel::left("filters").resizable(true).default_size(200.0).show(ui, |ui| {
                self.filter.ui(ui, cx, &mut commands);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match &cx {
            Some(cx) if app.screen() == Screen::Review => self.review.ui(ui, cx, &mut commands),
            Some(cx) => match app.views().view {
                View::Overview => self.overview.ui(ui, cx, &mut commands),
                View::Segments => self.segments.ui(ui, cx, &mut commands),
                View::Trend => self.trend.ui(ui, cx, &mut commands),
                View::Compare => self.compare.ui(ui, cx, app.compare(), &mut commands),
                View::Drivers => self.drivers.ui(ui, cx, app.drivers(), &mut commands),
                View::Responses => self.responses.ui(ui, cx, &mut commands),
                View::Themes => self.themes.ui(ui, cx, &mut commands),
                View::Benchmarks => self.benchmarks.ui(ui, cx, &mut commands),
            },
            None => {
                let open_shortcut = ui.ctx().format_shortcut(&shortcuts::OPEN);
                help::empty_state(ui, h, &open_shortcut, &mut self.help, &mut commands);
            }
        });
        if app.show_exclusions()
            && let Some(loaded) = app.loaded()
        {
            dashboard::exclusions_window(ui.ctx(), &loaded.report, t, x, &mut commands);
        }
        if let Some(form) = app.benchmark_form() {
            bench::form_window(ui.ctx(), form, t, &mut commands);
        }
        if let Some(notice) = app.export_notice() {
            export_menu::notice_window(ui.ctx(), notice, t, x, &mut commands);
        }
        if let Some(form) = app.brand_form() {
            export_menu::brand_window(ui.ctx(), form, x, &mut commands);
        }
        if app.show_about() {
            chrome::about_window(ui.ctx(), t, h, &mut commands);
        }
        chrome::drop_overlay(ui.ctx(), t);
        commands
    }
}

/// The window: the app's state and its screens. This is what eframe runs.
pub struct Window {
    app: NpsApp,
    screens: Screens,
    /// Whether the window's own visuals ([`theme::visuals`]) are set.
    styled: bool,
}

impl Window {
    /// The window as eframe creates it: settings restored, then `file` (or the sample) loading.
    #[must_use]
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        Self::with_project(cc, file, None)
    }

    /// As [`Window::new`], with `project` applied to `file` (to its own file when `file` is
    /// `None`).
    #[must_use]
    pub fn with_project(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>, project: Option<PathBuf>) -> Self {
        Self::from(NpsApp::new(cc, file, project))
    }

    /// The app's state.
    #[must_use]
    pub fn app(&self) -> &NpsApp {
        &self.app
    }

    /// The app's state, to push commands or replace the export chooser (tests).
    pub fn app_mut(&mut self) -> &mut NpsApp {
        &mut self.app
    }

    /// The screens (tests look at what the window shows).
    #[must_use]
    pub fn screens(&self) -> &Screens {
        &self.screens
    }

    /// Keyboard shortcuts, consumed before the screens draw.
    fn shortcuts(&mut self, ctx: &egui::Context) {
        let (commands, actions) = shortcuts::consume(ctx, &self.app);
        for command in commands {
            self.app.push(command);
        }
        for action in actions {
            self.screens.act(action);
        }
    }
}

impl From<NpsApp> for Window {
    fn from(app: NpsApp) -> Self {
        Self { app, screens: Screens::default(), styled: false }
    }
}

impl eframe::App for Window {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if !self.styled {
            for which in [egui::Theme::Light, egui::Theme::Dark] {
                ctx.set_visuals_of(which, theme::visuals(which));
            }
            // Scroll bars that stay in sight while there is more to see: a table wider than the
            // window says so without a hover.
            ctx.all_styles_mut(|style| style.spacing.scroll = egui::style::ScrollStyle::solid());
            self.styled = true;
        }
        self.app.logic(ctx);
        self.shortcuts(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let commands = self.screens.draw(ui, &self.app);
        let ctx = ui.ctx().clone();
        self.app.apply(commands, &ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}

/// How the window opens: its title, size and smallest size. eframe remembers the size and
/// position between runs (`persist_window`, stored with the settings).
#[must_use]
pub fn native_options() -> eframe::NativeOptions {
    eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("NPS Workbench")
            .with_app_id("nps-workbench")
            .with_inner_size([1280.0, 820.0])
            .with_min_inner_size([760.0, 520.0])
            .with_drag_and_drop(true)
            .with_icon(std::sync::Arc::new(crate::app::icon::window_icon())),
        persist_window: true,
        ..eframe::NativeOptions::default()
    }
}

/// Opens the window; `file` is opened at start (with `project` applied; a project as `file`
/// opens with its own file), else the bundled sample survey.
pub fn run(file: Option<PathBuf>, project: Option<PathBuf>) -> Result<(), String> {
    let options = native_options();
    eframe::run_native(
        "NPS Workbench",
        options,
        Box::new(move |cc| Ok(Box::new(Window::with_project(cc, file, project)))),
    )
    .map_err(|e| format!("cannot open the window: {e}"))
}
