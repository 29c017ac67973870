//! The Drivers view: what moves the score. Its options (the complaint themes as drivers, missing
//! answers pairwise, per segment), the analysis in sentences, the importance/performance map drawn
//! from the same chart description as the exports, and the table of every driver with its
//! interval; per segment each value's analysis, folded.

use eframe::egui::{self, RichText, Sense};

use super::{ViewContext, export_menu, theme};
use crate::analysis::drivers::DriverAnalysis;
use crate::app::AppCommand;
use crate::app::drivers::{DriversCommand, DriversState};
use crate::chart::ChartSpec;
use crate::figures::{Words, drivers_chart, drivers_lines, drivers_table};
use crate::i18n::drivers::DriverTexts;
use crate::i18n::fill;

/// Height of the map in the window.
const MAP_HEIGHT: f32 = 420.0;

/// The Drivers view.
#[derive(Debug, Default)]
pub struct DriversView;

impl DriversView {
    /// Draws the view.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewContext<'_>,
        state: &DriversState,
        commands: &mut Vec<AppCommand>,
    ) {
        let d = DriverTexts::of(cx.language);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            options(ui, cx, state, d, commands);
            ui.add_space(6.0);
            if state.waiting_for_comments() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(d.reading_comments).weak());
                });
                return;
            }
            if let Some(error) = state.current_error() {
                ui.colored_label(theme::error_text(ui.visuals()), error);
                return;
            }
            let Some(result) = state.current_result() else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(cx.t.computing).weak());
                });
                return;
            };
            let file = cx.loaded.source.display_name();
            analysis(ui, cx, &result.overall, (&file, d.everyone), d, commands);
            if let Some(column) = &result.by {
                ui.add_space(12.0);
                ui.label(RichText::new(fill(d.segments_heading, &[("column", column)])).strong());
                for (value, outcome) in result.segments.iter() {
                    let group = format!("{column} = {value}");
                    egui::CollapsingHeader::new(&group).id_salt(("drivers-segment", value)).show(
                        ui,
                        |ui| match outcome {
                            Ok(a) => analysis(ui, cx, a, (&file, &group), d, commands),
                            Err(e) => {
                                ui.label(RichText::new(e).weak());
                            }
                        },
                    );
                }
            }
        });
    }
}

/// The options row: themes, missing answers, per segment.
fn options(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    state: &DriversState,
    d: &DriverTexts,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal_wrapped(|ui| {
        let has_comments = !cx.loaded.survey.comment_names.is_empty();
        let mut themes = state.choice.themes && has_comments;
        let response = ui.add_enabled(has_comments, egui::Checkbox::new(&mut themes, d.themes_option));
        let response = if has_comments { response } else { response.on_disabled_hover_text(d.no_comments) };
        if response.changed() {
            commands.push(AppCommand::Drivers(DriversCommand::Themes(themes)));
        }
        ui.add_space(12.0);
        let mut promoter = state.choice.promoter;
        if ui.checkbox(&mut promoter, d.promoter_option).changed() {
            commands.push(AppCommand::Drivers(DriversCommand::Promoter(promoter)));
        }
        ui.add_space(12.0);
        let mut pairwise = state.choice.pairwise && !promoter;
        let response = ui.add_enabled(!promoter, egui::Checkbox::new(&mut pairwise, d.pairwise_option));
        let response = if promoter { response.on_disabled_hover_text(d.promoter_listwise) } else { response };
        if response.changed() {
            commands.push(AppCommand::Drivers(DriversCommand::Pairwise(pairwise)));
        }
        ui.add_space(12.0);
        ui.label(d.by_label);
        let current = state.choice.by.clone();
        let shown = current.as_deref().unwrap_or(d.no_segment);
        let name = format!("{}: {shown}", d.by_label);
        let combo = egui::ComboBox::from_id_salt("drivers-by").selected_text(shown).show_ui(ui, |ui| {
            if ui.selectable_label(current.is_none(), d.no_segment).clicked() {
                commands.push(AppCommand::Drivers(DriversCommand::By(None)));
            }
            for segment in &cx.loaded.survey.segments {
                let chosen = current.as_deref() == Some(segment.name.as_str());
                if ui.selectable_label(chosen, &segment.name).clicked() {
                    commands.push(AppCommand::Drivers(DriversCommand::By(Some(segment.name.clone()))));
                }
            }
        });
        combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
    });
}

/// One group's analysis: its sentences, the map and the table.
fn analysis(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    a: &DriverAnalysis,
    (file, group): (&str, &str),
    d: &DriverTexts,
    commands: &mut Vec<AppCommand>,
) {
    let words = Words { texts: cx.t, export: cx.x };
    for (i, line) in drivers_lines(a, &words, d).into_iter().enumerate() {
        ui.label(if i == 0 { RichText::new(line).strong() } else { RichText::new(line).weak() });
    }
    ui.add_space(8.0);
    let chart = drivers_chart(a, (file, group), &words, d);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&chart.title).heading());
        ui.add_space(12.0);
        export_menu::chart_menu(ui, &chart, cx.x, commands);
        export_menu::table_menu(ui, d.model(a.model).table_title, || drivers_table(a, d), cx.x, commands);
    });
    ui.label(RichText::new(&chart.subtitle).weak());
    map(ui, &chart);
    ui.label(RichText::new(&chart.footnote).size(theme::FOOTNOTE_SIZE).weak());
    ui.add_space(8.0);
    table(ui, cx, a, group, d);
}

/// The importance/performance map of `spec`, painted: grid, dashed medians, the quadrants named
/// in their corners, each driver a point in its quadrant's colour with its interval and name;
/// hovering a point says its numbers.
fn map(ui: &mut egui::Ui, spec: &ChartSpec) {
    let Some(map) = spec.map() else { return };
    let visuals = ui.visuals().clone();
    let width = ui.available_width().max(200.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, MAP_HEIGHT), Sense::hover());
    let painter = ui.painter_at(rect);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::FontId::proportional(font.size * 0.9);
    let text_colour = visuals.text_color();
    let weak = visuals.weak_text_color();
    let grid = visuals.widgets.noninteractive.bg_stroke.color;
    let (x_axis, y_axis) = (&map.performance, &spec.value_axis);
    let widest = y_axis.ticks.iter().map(|t| super::plot::text_width(ui, &t.label, &small)).fold(0.0_f32, f32::max);
    // The importance axis's title has a line of its own above the plot; the last performance
    // tick's label half its width to the right of the plot.
    let last_tick = x_axis.ticks.last().map_or(0.0, |t| super::plot::text_width(ui, &t.label, &small));
    let plot = egui::Rect::from_min_max(
        egui::pos2(rect.left() + widest + 28.0, rect.top() + 1.8 * small.size + 6.0),
        egui::pos2(rect.right() - 8.0 - last_tick / 2.0, rect.bottom() - 2.6 * small.size - 6.0),
    );
    let span = |axis: &crate::chart::Axis| (axis.max - axis.min).max(f64::EPSILON);
    let x_of = |v: f64| plot.left() + plot.width() * ((v - x_axis.min) / span(x_axis)) as f32;
    let y_of = |v: f64| plot.bottom() - plot.height() * ((v - y_axis.min) / span(y_axis)) as f32;
    for tick in &y_axis.ticks {
        let y = y_of(tick.value);
        painter.line_segment([egui::pos2(plot.left(), y), egui::pos2(plot.right(), y)], (1.0, grid));
        painter.text(
            egui::pos2(plot.left() - 6.0, y),
            egui::Align2::RIGHT_CENTER,
            &tick.label,
            small.clone(),
            text_colour,
        );
    }
    for tick in &x_axis.ticks {
        let x = x_of(tick.value);
        painter.line_segment([egui::pos2(x, plot.top()), egui::pos2(x, plot.bottom())], (1.0, grid));
        painter.text(
            egui::pos2(x, plot.bottom() + 4.0),
            egui::Align2::CENTER_TOP,
            &tick.label,
            small.clone(),
            text_colour,
        );
    }
    painter.text(
        egui::pos2(plot.center().x, rect.bottom() - 2.0),
        egui::Align2::CENTER_BOTTOM,
        &x_axis.title,
        small.clone(),
        text_colour,
    );
    // The importance axis's title, written upright in the top left corner (egui draws no turned
    // text): the ticks say percent of R².
    painter.text(egui::pos2(rect.left() + 2.0, rect.top()), egui::Align2::LEFT_TOP, &y_axis.title, small.clone(), weak);
    let dashed = egui::Stroke::new(1.5, visuals.widgets.noninteractive.fg_stroke.color);
    let (mx, my) = (x_of(map.performance_median), y_of(map.importance_median));
    painter.extend(egui::Shape::dashed_line(
        &[egui::pos2(mx, plot.top()), egui::pos2(mx, plot.bottom())],
        dashed,
        6.0,
        4.0,
    ));
    painter.extend(egui::Shape::dashed_line(
        &[egui::pos2(plot.left(), my), egui::pos2(plot.right(), my)],
        dashed,
        6.0,
        4.0,
    ));
    let corners = [
        (plot.left_top() + egui::vec2(6.0, 18.0), egui::Align2::LEFT_TOP),
        (plot.right_top() + egui::vec2(-6.0, 18.0), egui::Align2::RIGHT_TOP),
        (plot.left_bottom() + egui::vec2(6.0, -4.0), egui::Align2::LEFT_BOTTOM),
        (plot.right_bottom() + egui::vec2(-6.0, -4.0), egui::Align2::RIGHT_BOTTOM),
    ];
    // Names already written: the corners' first.
    let mut placed: Vec<egui::Rect> = Vec::new();
    for (name, (at, align)) in map.quadrants.iter().zip(corners) {
        placed.push(painter.text(at, align, name, small.clone(), weak));
    }
    let hover = response.hover_pos();
    let mut hovered = None;
    for p in &map.points {
        let colour = theme::tone_colour(p.tone, &visuals);
        let centre = egui::pos2(x_of(p.performance), y_of(p.importance));
        if let (Some(low), Some(high)) = (p.low, p.high) {
            let (top, bottom) = (y_of(high), y_of(low));
            painter.line_segment([egui::pos2(centre.x, top), egui::pos2(centre.x, bottom)], (2.0, colour));
            for y in [top, bottom] {
                painter.line_segment([egui::pos2(centre.x - 4.0, y), egui::pos2(centre.x + 4.0, y)], (2.0, colour));
            }
        }
        painter.circle(centre, 5.5, colour, (1.5, visuals.extreme_bg_color));
        let room = 0.3 * plot.width();
        let label = super::plot::fit(ui, &p.label, &small, room);
        let size = egui::vec2(super::plot::text_width(ui, &label, &small), small.size * 1.2);
        let right_side = centre.x + 10.0 + size.x <= plot.right();
        // Beside the point; nudged up or down past names already written, else left to the
        // table and the hover (points close together).
        let spot = [0.0, -1.0, 1.0, -2.0, 2.0].into_iter().find_map(|step: f32| {
            let middle = egui::pos2(centre.x, centre.y + step * size.y);
            let min = if right_side {
                egui::pos2(middle.x + 10.0, middle.y - size.y / 2.0)
            } else {
                egui::pos2(middle.x - 10.0 - size.x, middle.y - size.y / 2.0)
            };
            let area = egui::Rect::from_min_size(min, size);
            (plot.contains_rect(area) && !placed.iter().any(|r: &egui::Rect| r.intersects(area))).then_some(area)
        });
        if let Some(area) = spot {
            painter.text(area.left_center(), egui::Align2::LEFT_CENTER, label, small.clone(), text_colour);
            placed.push(area);
        }
        if hover.is_some_and(|h| h.distance(centre) < 10.0) {
            hovered = Some(p.detail.clone());
        }
    }
    if let Some(detail) = hovered {
        response.on_hover_text(detail);
    } else {
        // A screen reader hears every point.
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, spec.description()));
    }
}

/// Every driver in a table: its weight with the interval, share of R², Shapley value,
/// correlation, performance and quadrant.
fn table(ui: &mut egui::Ui, cx: &ViewContext<'_>, a: &DriverAnalysis, group: &str, d: &DriverTexts) {
    let t = cx.t;
    egui::ScrollArea::horizontal().id_salt(("drivers-table", group)).show(ui, |ui| {
        egui::Grid::new(("drivers-grid", group)).striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
            for header in d.columns(a.model) {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            let dash = || "\u{2013}".to_owned();
            for driver in &a.drivers {
                ui.label(&driver.name);
                ui.label(t.number(driver.relative_weight, 3));
                ui.label(
                    driver
                        .ci_low
                        .zip(driver.ci_high)
                        .map_or_else(dash, |(low, high)| format!("{} – {}", t.number(low, 3), t.number(high, 3))),
                );
                ui.label(t.percent(driver.share_of_r_squared));
                if d.model(a.model).shapley {
                    ui.label(driver.shapley.map_or_else(dash, |s| t.number(s, 3)));
                }
                ui.label(t.number(driver.correlation, 2));
                ui.label(t.number(driver.performance, 1));
                let colour = theme::tone_colour(crate::figures::quadrant_tone(driver.quadrant), ui.visuals());
                ui.label(RichText::new(d.quadrant(driver.quadrant)).color(colour).strong());
                ui.end_row();
            }
        });
    });
}
