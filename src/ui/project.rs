//! Projects and the response rate on screen: the File menu's project items, the project notice,
//! the Overview's response-rate block and the Invitations window where the invited counts are
//! typed or imported.
//!
//! The Invitations window is a small struct owning the text being typed; every count that reads
//! as a whole number goes to the app as a new data context ([`ViewCommand::SetContext`]).

use crate::app::{ProjectCommand, ViewCommand};
use std::collections::BTreeMap;

use eframe::egui::{self, RichText};

use super::{ViewContext, theme};
use crate::analysis::{Invited, ResponseRates, survey::BLANK_LABEL};
use crate::app::{AppCommand, NpsApp};
use crate::benchmarks::DataContext;
use crate::i18n::project::ProjectTexts;
use crate::i18n::{Texts, fill};
use crate::project::invited::parse_count;

/// Open project… in the File menu (Save project… and its Ctrl+S are the menu's own, offered
/// while [`NpsApp::can_save_project`]).
pub fn menu_items(ui: &mut egui::Ui, app: &NpsApp, p: &ProjectTexts, commands: &mut Vec<AppCommand>) {
    if ui.add_enabled(!app.projects().is_asking(), egui::Button::new(p.open_project)).clicked() {
        commands.push(AppCommand::Project(ProjectCommand::Open));
    }
}

/// The project in use, at the right of the menu bar.
pub fn in_use(ui: &mut egui::Ui, app: &NpsApp, p: &ProjectTexts) {
    let Some((_, path)) = app.projects().current() else { return };
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        let name = crate::import::display_name(path);
        ui.label(RichText::new(fill(p.project_in_use, &[("project", &name)])).weak())
            .on_hover_text(path.display().to_string());
    });
}

/// The project notice: what applying or saving a project did (failures are in the window's
/// notices).
pub fn notice(ui: &mut egui::Ui, app: &NpsApp, t: &Texts, commands: &mut Vec<AppCommand>) {
    let Some(notice) = app.projects().notice() else { return };
    let visuals = ui.visuals().clone();
    ui.add_space(4.0);
    let frame = egui::Frame::new().fill(visuals.faint_bg_color).inner_margin(egui::Margin::same(8)).corner_radius(6.0);
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new(&notice.message).color(visuals.text_color()));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                if ui.button(t.dismiss).clicked() {
                    commands.push(AppCommand::Project(ProjectCommand::DismissNotice));
                }
            });
        });
    });
    ui.add_space(4.0);
}

/// The Overview's response rate: the sentence with its interval, what a response is, problems
/// with the counts and the values that answered far less often; and the Invitations button.
pub fn rate_block(
    ui: &mut egui::Ui,
    rates: Option<&ResponseRates>,
    t: &Texts,
    p: &ProjectTexts,
    editor: &mut InvitedEditor,
) {
    let percent = |v: f64| t.percent(v);
    ui.add_space(10.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(p.rate_title).strong());
        match rates.and_then(|r| r.overall.as_ref()) {
            Some(rate) => {
                ui.label(RichText::new(p.rate_sentence(rate, percent)).size(15.0));
            }
            None => {
                if let Some(problem) = rates.and_then(|r| r.overall_problem.as_ref()) {
                    ui.label(RichText::new(p.problem(problem)).color(theme::error_text(ui.visuals())));
                }
            }
        }
        if ui.button(p.invitations_button).clicked() {
            editor.open = true;
        }
    });
    let Some(rates) = rates else { return };
    ui.label(RichText::new(p.rate_counts).size(theme::FOOTNOTE_SIZE).weak());
    for value in rates.far_below() {
        ui.label(
            RichText::new(fill(p.rate_far_below, &[("value", &value.value)])).color(theme::error_text(ui.visuals())),
        );
    }
    for value in rates.values.iter().filter(|v| v.rate.is_none()) {
        if let Some(problem) = &value.problem {
            ui.label(RichText::new(format!("{}: {}", value.value, p.problem(problem))).weak());
        }
    }
}

/// The response-rate cell of a segment row: "53.3% of 4,500", the sentence on hover.
pub fn rate_cell(ui: &mut egui::Ui, rate: Option<&crate::analysis::ResponseRate>, t: &Texts, p: &ProjectTexts) {
    match rate {
        Some(rate) => {
            let text = fill(p.rate_cell, &[("rate", &t.percent(rate.rate_pct)), ("invited", &p.count(rate.invited))]);
            ui.label(text).on_hover_text(p.rate_sentence(rate, |v| t.percent(v)));
        }
        None => {
            ui.label("–");
        }
    }
}

/// The Invitations window: the total and a per-value table, typed or imported.
#[derive(Debug, Default)]
pub struct InvitedEditor {
    /// Whether the window is open.
    pub open: bool,
    /// The invited counts the drafts were made from.
    seen: Option<Invited>,
    total: String,
    by_value: BTreeMap<String, String>,
}

impl InvitedEditor {
    /// Draws the window when open.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        if !self.open {
            return;
        }
        let p = ProjectTexts::of(cx.language);
        let context = &cx.views.context;
        if self.seen.as_ref() != Some(&context.invited) {
            self.reset(&context.invited);
        }
        let mut open = true;
        egui::Window::new(p.invited_title).open(&mut open).collapsible(false).default_width(420.0).show(ctx, |ui| {
            ui.label(RichText::new(p.invited_hint).weak());
            ui.add_space(6.0);
            let mut invited = context.invited.clone();
            ui.horizontal(|ui| {
                ui.label(p.invited_total);
                if count_field(ui, &mut self.total, p.invited_total, p) {
                    invited.total = parse_count(&self.total);
                }
            });
            ui.add_space(6.0);
            let survey = &cx.loaded.survey;
            ui.horizontal(|ui| {
                ui.label(p.invited_by);
                let shown = invited.by_column.clone().unwrap_or_else(|| p.invited_by_none.to_owned());
                let combo = egui::ComboBox::from_id_salt("invited-by").selected_text(&shown).show_ui(ui, |ui| {
                    if ui.selectable_label(invited.by_column.is_none(), p.invited_by_none).clicked() {
                        invited.by_column = None;
                        invited.by_value.clear();
                    }
                    for s in &survey.segments {
                        if ui.selectable_label(invited.by_column.as_deref() == Some(&s.name), &s.name).clicked() {
                            invited.by_column = Some(s.name.clone());
                            invited.by_value.clear();
                        }
                    }
                });
                let name = format!("{}: {shown}", p.invited_by);
                combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
            });
            if let Some(segment) = invited.by_column.as_deref().and_then(|c| survey.segment(c)) {
                let mut values: Vec<String> =
                    segment.labels.iter().filter(|l| l.as_str() != BLANK_LABEL).cloned().collect();
                values.extend(invited.by_value.keys().filter(|k| !segment.labels.contains(k)).cloned());
                egui::Grid::new("invited-table").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
                    ui.label(RichText::new(p.invited_value).strong());
                    ui.label(RichText::new(p.col_invited).strong());
                    ui.end_row();
                    for value in values {
                        ui.label(&value);
                        let text = self.by_value.entry(value.clone()).or_default();
                        if count_field(ui, text, &format!("{}: {value}", p.col_invited), p) {
                            match parse_count(text) {
                                Some(n) => invited.by_value.insert(value, n),
                                None => invited.by_value.remove(&value),
                            };
                        }
                        ui.end_row();
                    }
                });
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(p.invited_import).clicked() {
                    commands.push(AppCommand::Project(ProjectCommand::ImportInvited(invited.by_column.clone())));
                }
                if ui.button(p.invited_clear).clicked() {
                    invited = Invited::default();
                }
                if ui.button(cx.t.close).clicked() {
                    self.open = false;
                }
            });
            if invited != context.invited {
                self.seen = Some(invited.clone());
                commands.push(AppCommand::View(ViewCommand::SetContext(DataContext { invited, ..context.clone() })));
            }
        });
        if !open {
            self.open = false;
        }
    }

    /// Fills the drafts from the app's counts.
    fn reset(&mut self, invited: &Invited) {
        self.total = invited.total.map(|n| n.to_string()).unwrap_or_default();
        self.by_value = invited.by_value.iter().map(|(k, v)| (k.clone(), v.to_string())).collect();
        self.seen = Some(invited.clone());
    }
}

/// A count's text field named `label` for screen readers; a text that is not a whole number is
/// said so beside it. Whether the text changed.
fn count_field(ui: &mut egui::Ui, text: &mut String, label: &str, p: &ProjectTexts) -> bool {
    let height = ui.spacing().interact_size.y;
    let response = ui.add_sized([90.0, height], egui::TextEdit::singleline(text));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    if !text.trim().is_empty() && parse_count(text).is_none() {
        ui.label(RichText::new(p.invited_not_a_number).color(theme::error_text(ui.visuals())));
    }
    response.changed()
}
