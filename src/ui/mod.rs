//! The screens of the window. Each draws from the app's state and returns the commands the
//! user gave; none changes state directly and none touches polars, calamine or csv.

pub mod bench;
pub mod chrome;
pub mod dashboard;
pub mod export_menu;
pub mod i18n;
pub mod i18n_export;
pub mod i18n_project;
pub mod i18n_themes;
pub mod plot;
pub mod review;
pub mod theme;
pub mod themes;
pub mod views;

use eframe::egui;

use crate::app::{AppCommand, NpsApp, Screen, View};

/// Draws the whole window for one frame.
pub fn draw(ui: &mut egui::Ui, app: &NpsApp) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let texts = app.settings.language.texts();
    let x = app.settings.language.export_texts();
    egui::Panel::top("menu").show(ui, |ui| chrome::menu_bar(ui, app, texts, &mut commands));
    if app.job.is_some() || app.error.is_some() {
        egui::Panel::top("notices").show(ui, |ui| chrome::notices(ui, app, texts, &mut commands));
    }
    if let Some(loaded) = app.loaded.as_ref().filter(|_| app.screen == Screen::Dashboard) {
        egui::Panel::top("tabs").show(ui, |ui| {
            let themes_tab = i18n_themes::ThemeTexts::of(app.settings.language).tab_themes;
            let busy = app.compute.is_some() || app.themes.busy();
            views::tabs(ui, &app.views, busy, texts, themes_tab, &mut commands);
        });
        egui::Panel::left("filters").resizable(true).default_size(200.0).show(ui, |ui| {
            views::filter_panel(ui, &loaded.survey, &app.views.filter, texts, &mut commands);
        });
    }
    let computed = app.computed.as_ref();
    egui::CentralPanel::default().show(ui, |ui| match &app.loaded {
        Some(loaded) if app.screen == Screen::Review => review::review(ui, loaded, texts, &mut commands),
        Some(loaded) => match app.views.view {
            View::Overview => {
                let overall = computed.and_then(|c| c.results.overall.as_ref()).unwrap_or(&loaded.report.overall);
                let sectors = computed.map_or(&[][..], |c| &c.results.sectors[..]);
                let context = crate::app::export::figure_context(loaded, &app.views.filter);
                let top = app.themes.summary().map(|s| (s, app.settings.language));
                dashboard::dashboard(ui, &loaded.report, overall, sectors, &context, top, texts, x, &mut commands);
            }
            View::Segments => views::segments(ui, loaded, &app.views, computed, texts, x, &mut commands),
            View::Trend => views::trend(ui, loaded, &app.views, computed, texts, x, &mut commands),
            View::Responses => {
                let theme = app.views.theme_selection.as_deref().map(|id| {
                    let rows = app.themes.summary().and_then(|s| s.themes.iter().find(|r| r.theme.as_str() == id));
                    let label = themes::theme_label(&app.themes.codebook, id, app.settings.language);
                    (label, rows.map_or(&[][..], |r| &r.positions[..]))
                });
                let theme = theme.as_ref().map(|(label, rows)| (label.as_str(), *rows));
                views::responses(ui, loaded, &app.views, computed, theme, app.settings.language, texts, &mut commands);
            }
            View::Themes => {
                themes::themes_view(ui, loaded, &app.views, &app.themes, app.settings.language, texts, &mut commands)
            }
            View::Benchmarks => bench::benchmarks_view(
                ui,
                loaded,
                &app.views,
                computed,
                &app.library,
                &app.user_benchmarks,
                texts,
                x,
                &mut commands,
            ),
        },
        None => {
            ui.centered_and_justified(|ui| {
                ui.label(egui::RichText::new(texts.nothing_open).size(16.0));
            });
        }
    });
    if app.show_exclusions
        && let Some(loaded) = &app.loaded
    {
        dashboard::exclusions_window(ui.ctx(), &loaded.report, texts, x, &mut commands);
    }
    if let Some(form) = &app.benchmark_form {
        bench::form_window(ui.ctx(), form, texts, &mut commands);
    }
    if let Some(notice) = &app.export_notice {
        export_menu::notice_window(ui.ctx(), notice, texts, x, &mut commands);
    }
    if app.show_about {
        chrome::about_window(ui.ctx(), texts, &mut commands);
    }
    chrome::drop_overlay(ui.ctx(), texts);
    commands
}
