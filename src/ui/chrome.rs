//! The window's frame around the analysis: menu bar, loading progress, error notice, About box
//! and the drop-a-file overlay.

use eframe::egui::{self, RichText};

use super::theme;
use crate::app::{AppCommand, LoadSource, NoticeKind, NpsApp, Screen, ThemeChoice};
use crate::i18n::{Language, Texts, fill};

/// File, View and Help menus.
pub fn menu_bar(ui: &mut egui::Ui, app: &NpsApp, t: &Texts, commands: &mut Vec<AppCommand>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| {
            if ui.button(t.open).clicked() {
                commands.push(AppCommand::ShowOpenDialog);
            }
            if ui.button(t.open_sample).clicked() {
                commands.push(AppCommand::Open(LoadSource::Sample));
            }
            ui.separator();
            super::project::menu_items(ui, app, crate::i18n::ProjectTexts::of(app.settings().language), commands);
            ui.separator();
            if ui.add_enabled(app.loaded().is_some(), egui::Button::new(t.review_import)).clicked() {
                commands.push(AppCommand::ShowScreen(Screen::Review));
            }
            let x = app.settings().language.export_texts();
            let shortcut = egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::E);
            let export_all = egui::Button::new(x.export_all).shortcut_text(ui.ctx().format_shortcut(&shortcut));
            if ui.add_enabled(app.loaded().is_some() && !app.exports().is_busy(), export_all).clicked() {
                commands.push(AppCommand::Export(crate::app::export::ExportRequest::All));
            }
            ui.menu_button(t.recent, |ui| {
                if app.settings().recent_files.is_empty() {
                    ui.label(t.no_recent);
                }
                for path in &app.settings().recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(AppCommand::Open(LoadSource::File(path.clone())));
                    }
                }
                if !app.settings().recent_files.is_empty() {
                    ui.separator();
                    if ui.button(t.clear_recent).clicked() {
                        commands.push(AppCommand::ClearRecent);
                    }
                }
            });
            ui.separator();
            if ui.button(t.quit).clicked() {
                commands.push(AppCommand::Quit);
            }
        });
        ui.menu_button(t.menu_view, |ui| {
            for (choice, label) in [
                (ThemeChoice::System, t.theme_system),
                (ThemeChoice::Light, t.theme_light),
                (ThemeChoice::Dark, t.theme_dark),
            ] {
                if ui.radio(app.settings().theme == choice, label).clicked() {
                    commands.push(AppCommand::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label(t.language);
            for language in Language::ALL {
                if ui.radio(app.settings().language == language, language.native_name()).clicked() {
                    commands.push(AppCommand::SetLanguage(language));
                }
            }
        });
        ui.menu_button(t.menu_help, |ui| {
            if ui.button(t.about).clicked() {
                commands.push(AppCommand::ShowAbout(true));
            }
        });
        super::project::in_use(ui, app, t.project_texts());
    });
}

/// The loading bar with its Cancel button, and the notices, newest first.
pub fn notices(ui: &mut egui::Ui, app: &NpsApp, t: &Texts, commands: &mut Vec<AppCommand>) {
    ui.add_space(4.0);
    if let Some(job) = app.job() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(fill(t.loading, &[("file", &job.source.display_name())]));
            ui.add(egui::ProgressBar::new(job.progress()).desired_width(240.0).show_percentage());
            if ui.button(t.cancel).clicked() {
                commands.push(AppCommand::CancelLoad);
            }
        });
    }
    let visuals = ui.visuals().clone();
    let colour = theme::error_text(&visuals);
    for notice in app.notices() {
        egui::Frame::new()
            .fill(theme::error_fill(&visuals))
            .inner_margin(egui::Margin::same(10))
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(notice_title(notice.kind, t)).strong().color(colour));
                        ui.label(RichText::new(&notice.message).color(colour));
                        if notice.kind == NoticeKind::OpenFile && app.loaded().is_some() {
                            ui.label(RichText::new(t.error_kept).small().color(colour));
                        }
                    });
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        let dismiss = ui.button(t.dismiss);
                        let title = notice_title(notice.kind, t);
                        dismiss.widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("{}: {title}", t.dismiss))
                        });
                        if dismiss.clicked() {
                            commands.push(AppCommand::DismissNotice(notice.id));
                        }
                    });
                });
            });
        ui.add_space(4.0);
    }
    ui.add_space(4.0);
}

/// A notice's title: what failed.
#[must_use]
pub fn notice_title(kind: NoticeKind, t: &Texts) -> &'static str {
    match kind {
        NoticeKind::OpenFile => t.error_title,
        NoticeKind::Export => t.notice_export_failed,
        NoticeKind::BenchmarkLibrary => t.notice_library_failed,
        NoticeKind::BenchmarkFile => t.notice_benchmark_file_failed,
        NoticeKind::Codebook => t.notice_codebook_failed,
        NoticeKind::Analysis => t.notice_analysis_failed,
        NoticeKind::Dialog => t.notice_dialog_failed,
        NoticeKind::ProjectOpen => t.project_texts().notice_project_open_failed,
        NoticeKind::ProjectSave => t.project_texts().notice_project_save_failed,
        NoticeKind::ProjectRefused => t.project_texts().notice_project_refused,
        NoticeKind::InvitedImport => t.project_texts().notice_invited_failed,
    }
}

/// The About box with the trademark credit.
pub fn about_window(ctx: &egui::Context, t: &Texts, commands: &mut Vec<AppCommand>) {
    let mut open = true;
    egui::Window::new(t.about).open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.heading(format!("NPS Workbench {}", env!("CARGO_PKG_VERSION")));
        ui.add_space(6.0);
        ui.label(t.about_body);
        ui.add_space(6.0);
        if ui.button(t.close).clicked() {
            commands.push(AppCommand::ShowAbout(false));
        }
    });
    if !open {
        commands.push(AppCommand::ShowAbout(false));
    }
}

/// A dimmed overlay with a hint while a file is dragged over the window.
pub fn drop_overlay(ctx: &egui::Context, t: &Texts) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, egui::Id::unique("drop-overlay")));
    let screen = ctx.content_rect();
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        t.drop_here,
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
