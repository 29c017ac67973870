//! The window's frame around the analysis: menu bar, loading and export progress with their
//! Cancel buttons, the notices, About box and the drop-a-file overlay.

use crate::app::{ExportCommand, LoadCommand, ProjectCommand, ViewCommand, WindowCommand};
use eframe::egui::{self, RichText};

use super::shortcuts::{self, WindowAction};
use super::theme;
use crate::app::{AppCommand, LoadSource, NoticeKind, NpsApp, Screen, ThemeChoice, View};
use crate::i18n::help::COMPONENT_LICENCES;
use crate::i18n::{HelpTexts, Language, Texts, fill};

/// File, View and Help menus, each entry with its keyboard shortcut.
pub fn menu_bar(
    ui: &mut egui::Ui,
    app: &NpsApp,
    t: &Texts,
    commands: &mut Vec<AppCommand>,
    actions: &mut Vec<WindowAction>,
) {
    let language = app.settings().language;
    let (x, h) = (language.export_texts(), HelpTexts::of(language));
    let tt = crate::i18n::ThemeTexts::of(language);
    let loaded = app.loaded().is_some();
    let key = |shortcut: &egui::KeyboardShortcut| ui.ctx().format_shortcut(shortcut);
    let (open_key, save_key, export_key, filter_key, guide_key) = (
        key(&shortcuts::OPEN),
        key(&shortcuts::SAVE_PROJECT),
        key(&shortcuts::EXPORT_ALL),
        key(&shortcuts::FOCUS_FILTER),
        key(&shortcuts::GUIDE),
    );
    let view_keys: Vec<String> = shortcuts::VIEWS.iter().map(|(_, s)| key(s)).collect();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t.menu_file, |ui| {
            if ui.add(egui::Button::new(t.open).shortcut_text(&open_key)).clicked() {
                commands.push(AppCommand::Load(LoadCommand::ShowOpenDialog));
            }
            if ui.button(t.open_sample).clicked() {
                commands.push(AppCommand::Load(LoadCommand::Open(LoadSource::Sample)));
            }
            ui.separator();
            super::project::menu_items(ui, app, t.project, commands);
            ui.separator();
            if ui.add_enabled(loaded, egui::Button::new(t.review_import)).clicked() {
                commands.push(AppCommand::Window(WindowCommand::ShowScreen(Screen::Review)));
            }
            if ui.add_enabled(loaded, egui::Button::new(t.weight_menu)).clicked() {
                commands.push(AppCommand::Weighting(crate::app::WeightingCommand::Choose));
            }
            if app.weighting().is_some() && ui.button(t.weight_clear).clicked() {
                commands.push(AppCommand::Weighting(crate::app::WeightingCommand::Clear));
            }
            if app.can_save_project() && ui.add(egui::Button::new(t.save_project).shortcut_text(&save_key)).clicked() {
                commands.push(AppCommand::Project(ProjectCommand::Save));
            }
            let export_all = egui::Button::new(x.export_all).shortcut_text(&export_key);
            if ui.add_enabled(loaded && !app.exports().is_busy(), export_all).clicked() {
                commands.push(AppCommand::Export(ExportCommand::Start(crate::app::export::ExportRequest::All)));
            }
            if ui.add_enabled(loaded, egui::Button::new(x.brand_menu)).clicked() {
                commands.push(AppCommand::Brand(crate::app::brand::BrandCommand::Open));
            }
            let mut quotes = !app.settings().export_without_quotes;
            if ui.checkbox(&mut quotes, x.export_quotes).on_hover_text(x.export_quotes_hint).changed() {
                commands.push(AppCommand::Window(WindowCommand::SetExportQuotes(quotes)));
            }
            ui.menu_button(t.recent, |ui| {
                if app.settings().recent_files.is_empty() {
                    ui.label(t.no_recent);
                }
                for path in &app.settings().recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path.clone()))));
                    }
                }
                if !app.settings().recent_files.is_empty() {
                    ui.separator();
                    if ui.button(t.clear_recent).clicked() {
                        commands.push(AppCommand::Window(WindowCommand::ClearRecent));
                    }
                }
            });
            ui.separator();
            if ui.button(t.quit).clicked() {
                commands.push(AppCommand::Window(WindowCommand::Quit));
            }
        });
        ui.menu_button(t.menu_view, |ui| {
            for ((view, _), shortcut) in shortcuts::VIEWS.iter().zip(&view_keys) {
                let label = view_label(*view, t, tt.tab_themes);
                let chosen = loaded && app.screen() == Screen::Dashboard && app.views().view == *view;
                let button = egui::Button::selectable(chosen, label).shortcut_text(shortcut);
                if ui.add_enabled(loaded, button).clicked() {
                    commands.push(AppCommand::Window(WindowCommand::ShowScreen(Screen::Dashboard)));
                    commands.push(AppCommand::View(ViewCommand::SetView(*view)));
                }
            }
            if ui.add_enabled(loaded, egui::Button::new(h.focus_filter).shortcut_text(&filter_key)).clicked() {
                actions.push(WindowAction::FocusFilter);
            }
            ui.separator();
            for (choice, label) in [
                (ThemeChoice::System, t.theme_system),
                (ThemeChoice::Light, t.theme_light),
                (ThemeChoice::Dark, t.theme_dark),
            ] {
                if ui.radio(app.settings().theme == choice, label).clicked() {
                    commands.push(AppCommand::Window(WindowCommand::SetTheme(choice)));
                }
            }
            ui.separator();
            ui.label(t.language);
            for language in Language::ALL {
                if ui.radio(app.settings().language == language, language.native_name()).clicked() {
                    commands.push(AppCommand::Window(WindowCommand::SetLanguage(language)));
                }
            }
        });
        ui.menu_button(t.menu_help, |ui| {
            if ui.add(egui::Button::new(h.guide).shortcut_text(&guide_key)).clicked() {
                actions.push(WindowAction::ShowGuide);
            }
            if ui.button(t.about).clicked() {
                commands.push(AppCommand::Window(WindowCommand::ShowAbout(true)));
            }
        });
        super::project::in_use(ui, app, t.project);
    });
}

/// A view's name, as on its tab.
#[must_use]
pub fn view_label(view: View, t: &Texts, themes_tab: &'static str) -> &'static str {
    match view {
        View::Overview => t.tab_overview,
        View::Segments => t.tab_segments,
        View::Trend => t.tab_trend,
        View::Compare => t.tab_compare,
        View::Drivers => t.tab_drivers,
        View::Themes => themes_tab,
        View::Responses => t.tab_responses,
        View::Benchmarks => t.tab_benchmarks,
    }
}

/// A job under way: spinner, what it does, its bar and a Cancel button sending `cancel`.
fn busy_row(
    ui: &mut egui::Ui,
    label: &str,
    bar: egui::ProgressBar,
    t: &Texts,
    cancel: AppCommand,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.label(label);
        ui.add(bar.desired_width(240.0));
        if ui.button(t.cancel).clicked() {
            commands.push(cancel);
        }
    });
}

/// The loading bar with its Cancel button, the export's, and the notices, newest first.
pub fn notices(ui: &mut egui::Ui, app: &NpsApp, t: &Texts, commands: &mut Vec<AppCommand>) {
    ui.add_space(4.0);
    if let Some((done, total)) = app.exports().progress() {
        let x = app.settings().language.export_texts();
        let label = fill(x.exporting_files, &[("done", &done.to_string()), ("total", &total.to_string())]);
        let share = if total == 0 { 0.0 } else { done as f32 / total as f32 };
        let bar = egui::ProgressBar::new(share);
        busy_row(ui, &label, bar, t, AppCommand::Export(ExportCommand::Stop), commands);
    }
    if let Some(job) = app.job() {
        // Text files report how far the reader is; a workbook is read in one call that gives
        // no progress, so its bar runs without a percentage until the survey is ready.
        let progress = job.progress();
        let bar = if progress > 0.0 {
            egui::ProgressBar::new(progress).show_percentage()
        } else {
            egui::ProgressBar::new(0.0).animate(true).text(t.reading)
        };
        let label = fill(t.loading, &[("file", &job.source.display_name())]);
        busy_row(ui, &label, bar, t, AppCommand::Load(LoadCommand::Cancel), commands);
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
                            commands.push(AppCommand::Window(WindowCommand::DismissNotice(notice.id)));
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
        NoticeKind::ProjectOpen => t.project.notice_project_open_failed,
        NoticeKind::ProjectSave => t.project.notice_project_save_failed,
        NoticeKind::ProjectRefused => t.project.notice_project_refused,
        NoticeKind::InvitedImport => t.project.notice_invited_failed,
    }
}

/// The About box: version, what the app does, the licences and the trademark credit.
pub fn about_window(ctx: &egui::Context, t: &Texts, h: &HelpTexts, commands: &mut Vec<AppCommand>) {
    let mut open = true;
    egui::Window::new(t.about).open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        ui.heading(format!("NPS Workbench {}", env!("CARGO_PKG_VERSION")));
        ui.add_space(6.0);
        ui.label(t.about_body);
        ui.add_space(8.0);
        ui.label(RichText::new(h.about_licences).strong());
        ui.label(h.about_app_licence);
        ui.label(h.about_font_licence);
        ui.add_space(4.0);
        ui.label(h.about_components);
        egui::Grid::new("licences").num_columns(2).spacing([12.0, 2.0]).show(ui, |ui| {
            for (component, licence) in COMPONENT_LICENCES {
                ui.label(RichText::new(component).small());
                ui.label(RichText::new(licence).small());
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        if ui.button(t.close).clicked() {
            commands.push(AppCommand::Window(WindowCommand::ShowAbout(false)));
        }
    });
    if !open {
        commands.push(AppCommand::Window(WindowCommand::ShowAbout(false)));
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
