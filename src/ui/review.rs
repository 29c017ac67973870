//! The import review: which sheet and layout were read, the first rows, each column's role (which
//! the user can change) and the data-quality summary, before the analysis.

use crate::app::{LoadCommand, WindowCommand};
use eframe::egui::{self, RichText};

use super::ViewContext;
use crate::app::{AppCommand, LoadedSurvey, Screen};
use crate::i18n::{Texts, fill};
use crate::import::{DateOrder, ImportOptions, Role, ScaleCheck, ScaleDoubt};

/// Options equal to `current` with `column` set to `role`, replacing an earlier choice for it.
fn with_role(current: &ImportOptions, column: &str, role: Role) -> ImportOptions {
    let mut options = current.clone();
    options.roles.retain(|(c, r)| c != column && !(role == Role::Score && *r == Role::Score));
    if role == Role::Score {
        options.score_column = None;
        // A new score column's scale is checked anew.
        options.score_scale = options.score_scale.min(ScaleCheck::Ask);
    }
    options.roles.push((column.to_owned(), role));
    options
}

/// The import review screen.
#[derive(Debug, Default)]
pub struct ReviewScreen;

impl ReviewScreen {
    /// Draws the screen.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        review(ui, cx.loaded, cx.t, commands);
    }
}

/// Asks whether the score column, whose header names another scale or whose answers all lie
/// within 1-5, holds 0-10 answers after all.
fn scale_question(
    ui: &mut egui::Ui,
    loaded: &LoadedSurvey,
    doubt: ScaleDoubt,
    t: &Texts,
    commands: &mut Vec<AppCommand>,
) {
    let why = match doubt {
        ScaleDoubt::Stated(low, high) => {
            fill(t.scale_doubt_stated, &[("low", &low.to_string()), ("high", &high.to_string())])
        }
        ScaleDoubt::OneToFive(n) => fill(t.scale_doubt_one_to_five, &[("n", &n.to_string())]),
    };
    ui.add_space(6.0);
    let question = fill(t.scale_doubt_ask, &[("column", &loaded.report.columns.score), ("why", &why)]);
    ui.label(RichText::new(question).strong().color(ui.visuals().warn_fg_color));
    if ui.button(t.scale_doubt_confirm).clicked() {
        let options = ImportOptions { score_scale: ScaleCheck::Confirmed, ..loaded.options.clone() };
        commands.push(AppCommand::Load(LoadCommand::Reimport(options)));
    }
}

/// Draws the review screen.
fn review(ui: &mut egui::Ui, loaded: &LoadedSurvey, t: &Texts, commands: &mut Vec<AppCommand>) {
    let report = &loaded.report;
    let source = &report.source;
    ui.horizontal(|ui| {
        ui.heading(t.review_title);
        ui.add_space(16.0);
        // Nothing is analysed while the NPS question's scale is in doubt.
        let in_doubt = report.columns.score_scale_doubt.is_some();
        let button = ui
            .add_enabled(!in_doubt, egui::Button::new(RichText::new(t.continue_to_analysis).strong()))
            .on_disabled_hover_text(t.scale_doubt_first);
        if button.clicked() {
            commands.push(AppCommand::Window(WindowCommand::ShowScreen(Screen::Dashboard)));
        }
    });
    if let Some(doubt) = report.columns.score_scale_doubt {
        scale_question(ui, loaded, doubt, t, commands);
    }
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&source.file).strong());
        if source.sheets.len() > 1 {
            ui.separator();
            ui.label(t.sheet);
            let current = source.sheet.clone().unwrap_or_default();
            let picker = egui::ComboBox::from_id_salt("sheet").selected_text(&current).show_ui(ui, |ui| {
                for sheet in &source.sheets {
                    if ui.selectable_label(*sheet == current, sheet).clicked() && *sheet != current {
                        let mut options = loaded.options.clone();
                        options.sheet = Some(sheet.clone());
                        // Roles belong to the other sheet's columns, and so does the scale.
                        options.roles.clear();
                        options.score_column = None;
                        options.score_scale = options.score_scale.min(ScaleCheck::Ask);
                        commands.push(AppCommand::Load(LoadCommand::Reimport(options)));
                    }
                }
            });
            // Named for screen readers, as the role pickers are: "Sheet: Maart".
            let name = format!("{}: {current}", t.sheet);
            picker.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        }
        ui.separator();
        let layout = t.layout_of(report.layout, &report.layout_label, source.header_rows);
        ui.label(fill(t.layout, &[("layout", &layout)]));
    });
    if source.title_rows > 0 || !source.footer_rows.is_empty() {
        let rows: Vec<String> = source.footer_rows.iter().map(ToString::to_string).collect();
        let rows = if rows.is_empty() { "-".to_owned() } else { rows.join(", ") };
        ui.label(fill(t.rows_left_out, &[("titles", &source.title_rows.to_string()), ("rows", &rows)]));
    }
    for m in &source.merged_choices {
        ui.label(fill(t.merged_columns, &[("column", &m.column), ("n", &m.from_columns.to_string())]));
    }
    // Every guess the import made, in the words the CLI uses.
    for notice in crate::notices::import_notices(report, t) {
        ui.label(RichText::new(format!("• {notice}")).strong());
    }
    if let Some(skipped) = &report.columns.weight_skipped
        && ui.button(fill(t.apply_weight, &[("column", &skipped.column)])).clicked()
    {
        commands.push(AppCommand::Load(LoadCommand::Reimport(with_role(
            &loaded.options,
            &skipped.column,
            Role::Weight,
        ))));
    }
    if let Some(dates) = &report.unreadable_dates {
        ui.label(crate::notices::date_notice(dates, t));
    }
    ui.add_space(8.0);
    ui.label(RichText::new(t.quality).strong());
    let excluded: usize = report.excluded.iter().map(|e| e.rows).sum();
    ui.label(fill(
        t.quality_line,
        &[
            ("read", &t.count(report.rows_read as u64)),
            ("used", &t.count(report.rows_used as u64)),
            ("excluded", &t.count(excluded as u64)),
        ],
    ));
    if excluded == 0 {
        ui.label(t.no_exclusions);
    }
    for e in &report.excluded {
        let rows: Vec<String> = e.examples.iter().map(ToString::to_string).collect();
        ui.label(format!("• {}: {} ({} {}…)", t.exclusion_reason(e.reason), e.rows, t.row, rows.join(", ")));
    }
    for role in report.columns.roles.iter().filter(|r| r.scale_guessed) {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(fill(t.ask_ces_scale, &[("column", &role.column)])).strong());
            for choice in [Role::CesEffort, Role::CesAgree] {
                // The guess is shown selected; choosing either confirms it or corrects it.
                if ui.selectable_label(choice == role.role, t.role(choice)).clicked() {
                    commands.push(AppCommand::Load(LoadCommand::Reimport(with_role(
                        &loaded.options,
                        &role.column,
                        choice,
                    ))));
                }
            }
        });
    }
    // Dates whose day and month cannot be told apart: read day-first, and asked here.
    let chosen_order = loaded.options.date_order;
    for role in report
        .columns
        .roles
        .iter()
        .filter(|r| r.date_doubts.ambiguous || (r.role == Role::Date && chosen_order.is_some()))
    {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(fill(t.ask_date_order, &[("column", &role.column)])).strong());
            for (order, label) in [(DateOrder::DayFirst, t.date_day_month), (DateOrder::MonthFirst, t.date_month_day)] {
                let selected = chosen_order.unwrap_or(DateOrder::DayFirst) == order;
                if ui.selectable_label(selected, label).clicked() && !selected {
                    let options = ImportOptions { date_order: Some(order), ..loaded.options.clone() };
                    commands.push(AppCommand::Load(LoadCommand::Reimport(options)));
                }
            }
        });
    }
    ui.add_space(8.0);
    ui.label(RichText::new(t.preview).strong());
    ui.label(RichText::new(t.role_hint).weak());
    egui::ScrollArea::both().auto_shrink([false, true]).show(ui, |ui| {
        egui::Grid::new("preview").striped(true).min_col_width(90.0).spacing([12.0, 4.0]).show(ui, |ui| {
            ui.label("");
            for role in &report.columns.roles {
                let guessed = (role.role == Role::Score && report.columns.score_guessed) || role.scale_guessed;
                let name = shorten(&role.column, 40);
                let name = if guessed { format!("{name} ({})", t.guessed) } else { name };
                ui.label(RichText::new(name).strong()).on_hover_text(&role.column);
            }
            ui.end_row();
            ui.label("");
            for (c, role) in report.columns.roles.iter().enumerate() {
                let label = fill(t.role_of, &[("column", &role.column)]);
                let response = egui::ComboBox::from_id_salt(("role", c))
                    .selected_text(t.role(role.role))
                    .show_ui(ui, |ui| {
                        for choice in Role::ALL {
                            if ui.selectable_label(choice == role.role, t.role(choice)).clicked() && choice != role.role
                            {
                                commands.push(AppCommand::Load(LoadCommand::Reimport(with_role(
                                    &loaded.options,
                                    &role.column,
                                    choice,
                                ))));
                            }
                        }
                    })
                    .response;
                response.widget_info(|| {
                    let guessed = if (role.role == Role::Score && report.columns.score_guessed) || role.scale_guessed {
                        format!(" ({})", t.guessed)
                    } else {
                        String::new()
                    };
                    egui::WidgetInfo::labeled(
                        egui::Role::ComboBox,
                        true,
                        format!("{label}: {}{guessed}", t.role(role.role)),
                    )
                });
            }
            ui.end_row();
            for (row_number, cells) in &loaded.preview {
                ui.label(RichText::new(row_number.to_string()).weak());
                for cell in cells {
                    ui.label(shorten(cell, 40));
                }
                ui.end_row();
            }
        });
    });
}

/// At most `max` characters, with an ellipsis when cut; line breaks shown as spaces.
fn shorten(text: &str, max: usize) -> String {
    let flat = text.replace(['\n', '\r'], " ");
    if flat.chars().count() <= max { flat } else { format!("{}…", flat.chars().take(max - 1).collect::<String>()) }
}
