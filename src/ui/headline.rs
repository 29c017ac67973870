//! The headline panel at the top of the Overview: the headline figure (`figures::headline_figure`)
//! as the window draws it. The NPS large with its interval and n; the detractor, passive and
//! promoter shares on one bar (each part named, its interval and count on hover); the change since
//! the previous period and the benchmark verdict in the colour of what they say.

use eframe::egui::{self, RichText, Role, Sense, WidgetInfo};

use super::help::{Topic, tip};
use super::theme;
use crate::chart::{ChartSpec, Headline, HeadlineLine, Tone};
use crate::i18n::Texts;

/// Height of the share bar, in points.
const BAR_HEIGHT: f32 = 30.0;

/// Widest the panel grows, in points: beyond it the bar is hard to read as one.
const MAX_WIDTH: f32 = 1100.0;

/// Draws the headline of `spec` (a [`crate::chart::ChartKind::Headline`] chart); nothing for
/// any other chart.
pub fn show(ui: &mut egui::Ui, spec: &ChartSpec, t: &Texts) {
    let Some((name, headline)) = spec.headline() else { return };
    egui::Frame::group(ui.style()).inner_margin(egui::Margin::same(12)).corner_radius(8.0).show(ui, |ui| {
        ui.set_width(ui.available_width().min(MAX_WIDTH));
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.label(RichText::new(name).strong());
                let value = ui.label(RichText::new(&headline.nps_text).size(1.4 * theme::KPI_VALUE_SIZE).strong());
                let label = format!("{name}: {}", headline.nps_text);
                value.widget_info(move || WidgetInfo::labeled(Role::Label, true, &label));
                tip(value, &format!("{}\n{}", t.help.tip_nps, t.help.tip_interval), Topic::Interval, t.help);
                ui.label(RichText::new(&headline.interval_text).weak());
                ui.label(RichText::new(&headline.n_text).weak());
            });
            ui.add_space(28.0);
            ui.vertical(|ui| {
                ui.add_space(4.0);
                share_bar(ui, headline, t);
                ui.add_space(6.0);
                for line in [&headline.change, &headline.verdict].into_iter().flatten() {
                    coloured_line(ui, line);
                }
            });
        });
    });
}

/// The groups' shares on one bar, each part named above it, its share inside when it fits.
fn share_bar(ui: &mut egui::Ui, headline: &Headline, t: &Texts) {
    let width = ui.available_width().max(120.0);
    let total: f64 = headline.groups.iter().map(|g| g.share).sum::<f64>().max(f64::EPSILON);
    let visuals = ui.visuals().clone();
    let body = egui::TextStyle::Body.resolve(ui.style());
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 0.0;
        for group in &headline.groups {
            let part = (width as f64 * group.share / total) as f32;
            let height = BAR_HEIGHT + body.size + 8.0;
            let (rect, response) = ui.allocate_exact_size(egui::vec2(part, height), Sense::hover());
            let bar = egui::Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - BAR_HEIGHT), rect.max);
            let fill = theme::tone_colour(group.tone, &visuals);
            let painter = ui.painter();
            painter.rect_filled(bar, 0.0, fill);
            let fits = |text: &str, font: &egui::FontId| super::plot::text_width(ui, text, font) + 8.0 <= part;
            if fits(&group.share_text, &body) {
                painter.text(
                    bar.center(),
                    egui::Align2::CENTER_CENTER,
                    &group.share_text,
                    body.clone(),
                    theme::text_on(fill),
                );
            }
            if fits(&group.label, &body) {
                let colour = theme::tone_text(group.tone, &visuals);
                painter.text(rect.left_top(), egui::Align2::LEFT_TOP, &group.label, body.clone(), colour);
            }
            let label = format!("{}: {}", group.label, group.share_text);
            let detail = format!("{label}\n{}", group.detail);
            response.widget_info(move || WidgetInfo::labeled(Role::Label, true, &label));
            tip(response, &format!("{detail}\n\n{}", t.help.tip_nps), Topic::Groups, t.help);
        }
    });
}

/// A line of the headline, in the colour of what it says (plain text when it says neither good
/// nor bad news).
fn coloured_line(ui: &mut egui::Ui, line: &HeadlineLine) {
    let text = RichText::new(&line.text);
    ui.label(if line.tone == Tone::Neutral { text } else { text.color(theme::tone_text(line.tone, ui.visuals())) });
}
