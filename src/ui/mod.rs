//! The screens of the window. Each draws from the app's state and returns the commands the
//! user gave; none changes state directly and none touches polars, calamine or csv.

pub mod chrome;
pub mod dashboard;
pub mod i18n;
pub mod plot;
pub mod review;
pub mod theme;

use eframe::egui;

use crate::app::{AppCommand, NpsApp, Screen};

/// Draws the whole window for one frame.
pub fn draw(ui: &mut egui::Ui, app: &NpsApp) -> Vec<AppCommand> {
    let mut commands = Vec::new();
    let texts = app.settings.language.texts();
    egui::Panel::top("menu").show(ui, |ui| chrome::menu_bar(ui, app, texts, &mut commands));
    if app.job.is_some() || app.error.is_some() {
        egui::Panel::top("notices").show(ui, |ui| chrome::notices(ui, app, texts, &mut commands));
    }
    egui::CentralPanel::default().show(ui, |ui| match &app.loaded {
        Some(loaded) if app.screen == Screen::Review => review::review(ui, loaded, texts, &mut commands),
        Some(loaded) => dashboard::dashboard(ui, &loaded.report, texts, &mut commands),
        None => {
            ui.centered_and_justified(|ui| {
                ui.label(egui::RichText::new(texts.nothing_open).size(16.0));
            });
        }
    });
    if app.show_exclusions
        && let Some(loaded) = &app.loaded
    {
        dashboard::exclusions_window(ui.ctx(), &loaded.report, texts, &mut commands);
    }
    if app.show_about {
        chrome::about_window(ui.ctx(), texts, &mut commands);
    }
    chrome::drop_overlay(ui.ctx(), texts);
    commands
}
