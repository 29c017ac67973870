//! The Guide panel (Help › Guide, F1) and the empty window's way in: plain-language help on the
//! view shown first, then the NPS groups, the interval, pale and flagged segments, stars,
//! benchmark verdicts, excluded rows, exporting and projects.

use crate::app::LoadCommand;
use eframe::egui::{self, RichText};

use crate::app::{AppCommand, LoadSource, View};
use crate::i18n::{HelpTexts, fill};

/// A section of the Guide a tooltip can open it at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Topic {
    /// Who promoters, passives and detractors are, and the NPS.
    #[default]
    Groups,
    /// What the interval means.
    Interval,
    /// Pale bars and the small-n note.
    Pale,
    /// Stars: differences larger than chance.
    Stars,
    /// Benchmark verdicts.
    Verdicts,
    /// Rows left out of the score.
    Excluded,
}

impl Topic {
    /// The index of the topic's section in [`sections`].
    fn section(self) -> usize {
        match self {
            Self::Groups => 1,
            Self::Interval => 2,
            Self::Pale => 3,
            Self::Stars => 4,
            Self::Verdicts => 5,
            Self::Excluded => 6,
        }
    }
}

/// Where a tooltip's link leaves its wish to open the Guide, for the window to take up.
fn request_id() -> egui::Id {
    egui::Id::unique("guide-topic-requested")
}

/// `response` with a tooltip: `text`, then a link that opens the Guide at `topic` (the tooltip
/// stays open while the pointer moves into it, so the link can be clicked).
pub fn tip(response: egui::Response, text: &str, topic: Topic, h: &HelpTexts) -> egui::Response {
    response.on_hover_ui(|ui| {
        ui.set_max_width(380.0);
        ui.label(text);
        if ui.link(h.more_in_guide).clicked() {
            ui.ctx().data_mut(|d| d.insert_temp(request_id(), topic));
            ui.ctx().request_repaint();
        }
    })
}

/// The Guide, shown beside the views while open.
#[derive(Debug, Default)]
pub struct HelpPanel {
    open: bool,
    /// A topic to bring into sight when next drawn (a tooltip's link asked for it).
    topic: Option<Topic>,
    /// The topic last asked for, marked in the Guide until another is asked for.
    marked: Option<Topic>,
}

impl HelpPanel {
    /// Whether the Guide is shown.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows (or hides) the Guide.
    pub fn set_open(&mut self, open: bool) {
        self.open = open;
    }

    /// Shows the Guide with `topic`'s section in sight and marked.
    pub fn open_at(&mut self, topic: Topic) {
        self.open = true;
        self.topic = Some(topic);
        self.marked = Some(topic);
    }

    /// The section marked as the one last asked for from a tooltip.
    #[must_use]
    pub fn marked(&self) -> Option<Topic> {
        self.marked
    }

    /// Draws the Guide as a panel on the right, while open; `view` (the view shown and its tab's
    /// name) comes first, so each view has its own page.
    pub fn show(&mut self, ui: &mut egui::Ui, h: &HelpTexts, close: &str, view: Option<(View, &str)>) {
        if let Some(topic) = ui.ctx().data_mut(|d| d.remove_temp::<Topic>(request_id())) {
            self.open_at(topic);
        }
        if !self.open {
            return;
        }
        egui::Panel::right("guide").resizable(true).default_size(360.0).show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(h.guide_title);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let button = ui.button(close);
                    let name = format!("{close}: {}", h.guide_title);
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if button.clicked() {
                        self.open = false;
                    }
                });
            });
            ui.separator();
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                if let Some((view, name)) = view {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.label(RichText::new(fill(h.this_view, &[("view", name)])).strong().size(15.0));
                        ui.label(view_body(h, view));
                    });
                }
                for (k, (title, body)) in sections(h).into_iter().enumerate() {
                    ui.add_space(6.0);
                    let section = |ui: &mut egui::Ui| {
                        ui.label(RichText::new(title).strong().size(15.0));
                        ui.label(body);
                    };
                    if self.marked.is_some_and(|t| t.section() == k) {
                        let frame = egui::Frame::group(ui.style()).stroke(ui.visuals().selection.stroke);
                        let shown = frame.show(ui, section).response;
                        if self.topic.take().is_some() {
                            shown.scroll_to_me(Some(egui::Align::TOP));
                        }
                    } else {
                        section(ui);
                    }
                }
            });
        });
    }
}

/// What the Guide says of one view.
#[must_use]
pub fn view_body(h: &HelpTexts, view: View) -> &'static str {
    match view {
        View::Overview => h.view_overview,
        View::Segments => h.view_segments,
        View::Trend => h.view_trend,
        View::Compare => h.view_compare,
        View::Drivers => h.view_drivers,
        View::Themes => h.view_themes,
        View::Responses => h.view_responses,
        View::Benchmarks => h.view_benchmarks,
    }
}

/// The Guide's sections in reading order: (title, text).
#[must_use]
pub fn sections(h: &HelpTexts) -> [(&'static str, &'static str); 9] {
    [
        (h.start_title, h.start_body),
        (h.groups_title, h.groups_body),
        (h.interval_title, h.interval_body),
        (h.pale_title, h.pale_body),
        (h.stars_title, h.stars_body),
        (h.verdicts_title, h.verdicts_body),
        (h.excluded_title, h.excluded_body),
        (h.export_title, h.export_body),
        (h.projects_title, h.projects_body),
    ]
}

/// The empty window: how to start (open, drop, or the sample), and the Guide.
pub fn empty_state(
    ui: &mut egui::Ui,
    h: &HelpTexts,
    open_shortcut: &str,
    guide: &mut HelpPanel,
    commands: &mut Vec<AppCommand>,
) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.25).min(180.0));
        ui.heading(RichText::new(h.empty_title).size(24.0));
        ui.add_space(8.0);
        ui.set_max_width(560.0);
        ui.label(RichText::new(h.empty_body).size(15.0));
        ui.add_space(16.0);
        let open = egui::Button::new(RichText::new(h.empty_open).size(16.0)).shortcut_text(open_shortcut);
        if ui.add(open).clicked() {
            commands.push(AppCommand::Load(LoadCommand::ShowOpenDialog));
        }
        ui.add_space(6.0);
        if ui.button(RichText::new(h.empty_sample).size(16.0)).clicked() {
            commands.push(AppCommand::Load(LoadCommand::Open(LoadSource::Sample)));
        }
        ui.add_space(6.0);
        ui.label(RichText::new(h.empty_drop).weak());
        ui.add_space(16.0);
        if ui.link(h.empty_guide).clicked() {
            guide.set_open(true);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_topic_opens_its_own_section() {
        let h = HelpTexts::of(crate::i18n::Language::English);
        let title = |topic: Topic| sections(h)[topic.section()].0;
        assert_eq!(title(Topic::Groups), h.groups_title);
        assert_eq!(title(Topic::Interval), h.interval_title);
        assert_eq!(title(Topic::Pale), h.pale_title);
        assert_eq!(title(Topic::Stars), h.stars_title);
        assert_eq!(title(Topic::Verdicts), h.verdicts_title);
        assert_eq!(title(Topic::Excluded), h.excluded_title);
    }
}
