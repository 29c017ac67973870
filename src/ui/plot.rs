//! Draws a [`ChartSpec`] with egui_plot: the on-screen renderer of the shared chart description
//! (`export::svg` renders the same spec to files). Every kind of series is drawn here, so a view
//! only builds its spec and calls [`chart`].
//!
//! Category `i` sits at x = i (vertical charts) or at y = -i (horizontal charts, first row on top),
//! as the chart module describes. Colours come from `theme`; owns no data and no statistics.

use eframe::egui::{self, RichText};
use egui_plot::{
    AxisHints, Bar, BarChart, FilledArea, GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotPoints, PlotUi,
    Points, Polygon, Text,
};

use super::theme;
use crate::chart::{
    BandPoint, ChartSpec, LegendEntry, LegendSymbol, LinePoint, Marker, Orientation, Reference, ReferenceValue, Series,
    Tone, grouped, whole_points,
};

/// Opacity of marks in a small-n category (as in the exported files).
const SMALL_N_OPACITY: f32 = 0.38;
/// Half the thickness of a bar or reference band, in category units.
const HALF_BAR: f64 = 0.3;
/// What an axis writes at a grid mark.
type TickFormatter = Box<dyn Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String>;

/// Height of a row of a horizontal chart.
const ROW_HEIGHT: f32 = 30.0;
/// The lowest a vertical chart's plot is drawn, however little room is left on screen.
const MIN_HEIGHT: f32 = 160.0;
/// Room kept under a vertical chart for its footnote.
const FOOTNOTE_ROOM: f32 = 44.0;
/// Size of the value labels on bars and points.
const LABEL_SIZE: f32 = 12.0;

/// Width of a horizontal chart's row labels (the longest are shortened, in full on hover).
const CATEGORY_LABEL_WIDTH: f32 = 150.0;
/// Width of a vertical chart's value axis and its title.
const VALUE_AXIS_WIDTH: f32 = 70.0;

/// Draws the chart: title (with `header` beside it, e.g. the Export button), subtitle, legend, the
/// plot and the footnote. Returns the category whose mark was clicked, if any.
pub fn chart(ui: &mut egui::Ui, spec: &ChartSpec, header: impl FnOnce(&mut egui::Ui)) -> Option<usize> {
    chart_within(ui, spec, header, None)
}

/// As [`chart`]; a vertical chart's plot is at most `room` high (the view has measured what is
/// left on screen for it) instead of what is left below it in its own `ui`.
pub fn chart_within(
    ui: &mut egui::Ui,
    spec: &ChartSpec,
    header: impl FnOnce(&mut egui::Ui),
    room: Option<f32>,
) -> Option<usize> {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&spec.title).heading());
        ui.add_space(12.0);
        header(ui);
    });
    if !spec.subtitle.is_empty() {
        ui.label(RichText::new(&spec.subtitle).weak());
    }
    legend(ui, &spec.legend);
    let clicked = plot(ui, spec, room);
    ui.label(RichText::new(&spec.footnote).size(theme::FOOTNOTE_SIZE).weak());
    clicked
}

/// The legend as one wrapped row of painted symbols and names.
fn legend(ui: &mut egui::Ui, entries: &[LegendEntry]) {
    let visuals = ui.visuals().clone();
    ui.horizontal_wrapped(|ui| {
        for entry in entries {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(18.0, 14.0), egui::Sense::hover());
            let colour = theme::tone_colour(entry.tone, &visuals);
            let painter = ui.painter();
            let centre = rect.center();
            match entry.symbol {
                LegendSymbol::Box => {
                    painter.rect_filled(rect.shrink(1.0), 2.0, colour);
                }
                LegendSymbol::PaleBox => {
                    // A pale mark keeps its outline, so it is not taken for an interval band.
                    let inner = rect.shrink(2.0);
                    painter.rect_filled(inner, 2.0, colour.gamma_multiply(SMALL_N_OPACITY));
                    painter.rect_stroke(inner, 2.0, (1.5, colour), egui::StrokeKind::Inside);
                }
                LegendSymbol::Band | LegendSymbol::Range => {
                    painter.rect_filled(rect.shrink(1.0), 0.0, colour.gamma_multiply(0.3));
                }
                LegendSymbol::Line => {
                    painter.line_segment(
                        [egui::pos2(rect.left(), centre.y), egui::pos2(rect.right(), centre.y)],
                        (2.5, colour),
                    );
                }
                LegendSymbol::Average => {
                    painter.line_segment(
                        [egui::pos2(centre.x, rect.top()), egui::pos2(centre.x, rect.bottom())],
                        (3.0, colour),
                    );
                }
                LegendSymbol::Star => {
                    let font = egui::FontId::proportional(16.0);
                    painter.text(centre, egui::Align2::CENTER_CENTER, "*", font, visuals.text_color());
                }
                LegendSymbol::Whisker => {
                    let stroke = (1.5, theme::whisker(&visuals));
                    let (l, r) = (rect.left() + 2.0, rect.right() - 2.0);
                    painter.line_segment([egui::pos2(l, centre.y), egui::pos2(r, centre.y)], stroke);
                    for x in [l, r] {
                        painter.line_segment([egui::pos2(x, centre.y - 4.0), egui::pos2(x, centre.y + 4.0)], stroke);
                    }
                }
                LegendSymbol::Marker(marker) => {
                    painter.add(egui::Shape::convex_polygon(
                        marker_outline(marker, centre, 6.0),
                        colour,
                        egui::Stroke::NONE,
                    ));
                }
            }
            ui.label(&entry.label);
            ui.add_space(10.0);
        }
    });
}

/// The outline of a marker around `centre`.
fn marker_outline(marker: Marker, centre: egui::Pos2, r: f32) -> Vec<egui::Pos2> {
    let (x, y) = (centre.x, centre.y);
    match marker {
        Marker::Circle => (0..16)
            .map(|k| {
                let a = k as f32 * std::f32::consts::TAU / 16.0;
                egui::pos2(x + r * a.cos(), y + r * a.sin())
            })
            .collect(),
        Marker::Diamond => vec![egui::pos2(x, y - r), egui::pos2(x + r, y), egui::pos2(x, y + r), egui::pos2(x - r, y)],
        Marker::TriangleUp => vec![egui::pos2(x, y - r), egui::pos2(x + r, y + r), egui::pos2(x - r, y + r)],
        Marker::TriangleDown => vec![egui::pos2(x - r, y - r), egui::pos2(x + r, y - r), egui::pos2(x, y + r)],
    }
}

/// Plot coordinates of a value in a category, for the chart's orientation.
fn at(spec: &ChartSpec, category: f64, value: f64) -> [f64; 2] {
    match spec.orientation {
        Orientation::Vertical => [category, value],
        Orientation::Horizontal => [value, -category],
    }
}

/// A rectangle across a category (`category ± half`) from `v0` to `v1` on the value axis.
fn span(spec: &ChartSpec, category: f64, half: f64, v0: f64, v1: f64) -> Vec<[f64; 2]> {
    vec![
        at(spec, category - half, v0),
        at(spec, category - half, v1),
        at(spec, category + half, v1),
        at(spec, category + half, v0),
    ]
}

/// The fill of a mark of `tone` in `category`, pale for small-n categories.
fn fill(spec: &ChartSpec, visuals: &egui::Visuals, tone: Tone, category: usize) -> egui::Color32 {
    let colour = theme::tone_colour(tone, visuals);
    if spec.categories.get(category).is_some_and(|c| c.small_n) {
        colour.gamma_multiply(SMALL_N_OPACITY)
    } else {
        colour
    }
}

/// The plot itself; returns the clicked category.
fn plot(ui: &mut egui::Ui, spec: &ChartSpec, room: Option<f32>) -> Option<usize> {
    let visuals = ui.visuals().clone();
    let count = spec.categories.len();
    let horizontal = spec.orientation == Orientation::Horizontal;
    let axis = &spec.value_axis;
    // Horizontal charts keep a column right of the value axis for the row labels, as the export does.
    let has_labels = spec.series.iter().any(|s| match s {
        Series::Bars { bars, .. } => bars.iter().any(|b| b.label.is_some()),
        Series::Points { points, .. } => points.iter().any(|p| p.label.is_some()),
        _ => false,
    });
    let label_column = if horizontal && has_labels { 0.45 * (axis.max - axis.min) } else { 0.0 };
    let label_x = axis.max + 0.03 * (axis.max - axis.min);
    let height = if horizontal {
        (count as f32 * ROW_HEIGHT + 70.0).clamp(170.0, 720.0)
    } else {
        // A vertical chart is 340 points high, or fits in the room its view measured for it on
        // screen (never under MIN_HEIGHT).
        room.map_or(340.0, |left| (left - FOOTNOTE_ROOM).clamp(MIN_HEIGHT, 340.0))
    };
    let labels: Vec<String> = spec.categories.iter().map(|c| c.label.clone()).collect();
    let ticks: Vec<(f64, String)> = axis.ticks.iter().map(|t| (t.value, t.label.clone())).collect();
    // Category labels: on a vertical chart every `step`-th, shortened to the room a category has,
    // so that none runs into the next; hovering shows each in full.
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |text: &str| text_width(ui, text, &font);
    let per_category = ((ui.available_width() - VALUE_AXIS_WIDTH) / count.max(1) as f32).max(1.0);
    let (step, room) = if horizontal {
        (1, CATEGORY_LABEL_WIDTH)
    } else {
        let room = per_category.max(CATEGORY_LABEL_WIDTH.min(120.0));
        let widest = labels.iter().map(|l| width_of(l)).fold(0.0_f32, f32::max).min(room);
        (((widest + 10.0) / per_category).ceil().max(1.0) as usize, room)
    };
    let shown: Vec<String> = labels.iter().map(|label| fit(ui, label, &font, room - 6.0)).collect();
    // A vertical chart's last labels are left out when they would run past its right edge (the
    // x range ends 0.4 of a category after the last one); hovering still names them.
    let fits: Vec<bool> = shown
        .iter()
        .enumerate()
        .map(|(i, label)| horizontal || (count as f32 - 0.4 - i as f32) * per_category >= width_of(label) / 2.0)
        .collect();
    // A bar's label ("214,814 (21%)") wider than its bar's room breaks before its share, so that
    // neighbours do not run into each other.
    let label_font = egui::FontId::proportional(LABEL_SIZE);
    let wrap_labels = !horizontal
        && spec.bars().filter_map(|b| b.label.as_deref()).any(|l| text_width(ui, l, &label_font) > per_category - 4.0);
    let category_marks = move |_: egui_plot::GridInput| -> Vec<GridMark> {
        (0..count)
            .step_by(step)
            .filter(|&i| fits[i])
            .map(|i| GridMark { value: if horizontal { -(i as f64) } else { i as f64 }, step_size: step as f64 })
            .collect()
    };
    let tick_values: Vec<f64> = ticks.iter().map(|t| t.0).collect();
    // The step between ticks, for egui_plot's test whether their labels have room.
    let tick_step =
        tick_values.windows(2).map(|w| (w[1] - w[0]).abs()).filter(|d| *d > 1e-12).fold(f64::INFINITY, f64::min);
    let tick_step = if tick_step.is_finite() { tick_step } else { (axis.max - axis.min).abs().max(1.0) };
    let value_marks = move |_: egui_plot::GridInput| -> Vec<GridMark> {
        tick_values.iter().map(|&value| GridMark { value, step_size: tick_step }).collect()
    };
    let category_label = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        let i = if horizontal { -mark.value } else { mark.value }.round();
        if i < 0.0 {
            return String::new();
        }
        shown.get(i as usize).cloned().unwrap_or_default()
    };
    let value_label = move |mark: GridMark, _: &std::ops::RangeInclusive<f64>| {
        ticks.iter().find(|t| (t.0 - mark.value).abs() < 1e-9).map(|t| t.1.clone()).unwrap_or_default()
    };
    // Labels are shown whenever they fit beside the next (egui_plot's default fades them out
    // below 60 points apart, which hid the 0-10 of a distribution at the default window size).
    let axis_hints = |x: bool, title: String, format: TickFormatter| {
        let hints = if x { AxisHints::new_x() } else { AxisHints::new_y() };
        let hints = hints.label(title).formatter(format).label_spacing(egui::Rangef::new(2.0, 3.0));
        if x || !horizontal { hints } else { hints.min_thickness(CATEGORY_LABEL_WIDTH) }
    };
    let mut plot = Plot::new(("chart", spec.id.as_str()))
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show_x(false)
        .show_y(false)
        .set_margin_fraction(egui::vec2(0.0, 0.0));
    let (first, last) = (-0.6, count.max(1) as f64 - 0.4);
    if horizontal {
        plot = plot
            .include_x(axis.min)
            .include_x(axis.max + label_column)
            .include_y(-first)
            .include_y(-last)
            .custom_x_axes(vec![axis_hints(true, spec.value_axis.title.clone(), Box::new(value_label))])
            .custom_y_axes(vec![axis_hints(false, spec.category_title.clone(), Box::new(category_label))])
            .x_grid_spacer(value_marks)
            .y_grid_spacer(category_marks);
    } else {
        // Two-line bar labels need a line's more room above the highest bar.
        let headroom = if wrap_labels { 0.1 * (axis.max - axis.min) } else { 0.0 };
        plot = plot
            .include_y(axis.min)
            .include_y(axis.max + headroom)
            .include_x(first)
            .include_x(last)
            .custom_x_axes(vec![axis_hints(true, spec.category_title.clone(), Box::new(category_label))])
            .custom_y_axes(vec![axis_hints(false, spec.value_axis.title.clone(), Box::new(value_label))])
            .x_grid_spacer(category_marks)
            .y_grid_spacer(value_marks);
    }
    // A few points of room on the left: egui_plot draws the rotated axis title at the very edge,
    // where the crossbar of a "T" ("Theme", "Tema") was cut off.
    let response = ui
        .horizontal(|ui| {
            ui.add_space(4.0);
            plot.show(ui, |plot| {
                let pointer = plot.pointer_coordinate();
                let clicked = plot.response().clicked().then_some(pointer).flatten();
                // The zero line, marked when the axis crosses zero (a fitted axis need not show
                // -100 and +100, so where "no better, no worse" lies must stay plain).
                if axis.min < 0.0 && axis.max > 0.0 {
                    let stroke = egui::Stroke::new(1.5, visuals.weak_text_color());
                    if horizontal {
                        plot.add(egui_plot::VLine::new("zero", 0.0).stroke(stroke));
                    } else {
                        plot.add(egui_plot::HLine::new("zero", 0.0).stroke(stroke));
                    }
                }
                for (k, series) in spec.series.iter().enumerate() {
                    draw_series(plot, spec, &visuals, k, series, (label_x, wrap_labels));
                }
                (clicked, plot.response().hovered().then_some(pointer).flatten())
            })
        })
        .inner;
    let category_at = |point: egui_plot::PlotPoint| {
        let position = if horizontal { -point.y } else { point.x };
        let index = position.round();
        ((position - index).abs() <= 0.4 && index >= 0.0 && (index as usize) < count).then_some(index as usize)
    };
    let (clicked, hovered) = response.inner;
    // Every bar and point says what it is on hover: the category in full and each series' value.
    if let Some(lines) = hovered.and_then(category_at).map(|i| hover_lines(spec, i)).filter(|l| l.len() > 1) {
        response.response.on_hover_ui_at_pointer(|ui| {
            for line in &lines {
                ui.label(line);
            }
        });
    }
    clicked.and_then(category_at)
}

/// What hovering category `index` shows: its full label, then each labelled series' value there.
fn hover_lines(spec: &ChartSpec, index: usize) -> Vec<String> {
    let mut lines: Vec<String> = spec.categories.get(index).map(|c| c.label.clone()).into_iter().collect();
    for series in &spec.series {
        let (name, label) = match series {
            Series::Bars { name, bars } => {
                (name, bars.iter().find(|b| b.category == index).and_then(|b| b.label.clone()))
            }
            Series::Points { name, points, .. } => {
                (name, points.iter().find(|p| p.category == index).and_then(|p| p.label.clone()))
            }
            // Each line names its value there, in whole points as the axis writes them (no decimal
            // mark to localise); a band its interval.
            Series::Line { name, points, .. } => {
                let point = points.iter().find(|p| p.category == index);
                let value = point.and_then(|p| {
                    p.value.map(|v| format!("{}  (n = {})", whole_points(v), grouped(p.n, spec.thousands)))
                });
                (name, Some(value.unwrap_or_else(|| "–".to_owned())))
            }
            Series::Band { name, points, .. } => {
                let band = points.iter().find(|p| p.category == index).and_then(|p| p.low.zip(p.high));
                (name, band.map(|(low, high)| format!("{} – {}", whole_points(low), whole_points(high))))
            }
            _ => continue,
        };
        if let Some(label) = label {
            lines.push(if name.is_empty() { label } else { format!("{name}: {label}") });
        }
    }
    lines
}

/// The width of `text` drawn on one line in `font`, in points.
pub(super) fn text_width(ui: &egui::Ui, text: &str, font: &egui::FontId) -> f32 {
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE).size().x)
}

/// `text` as drawn in `font` within `width` points: whole when it fits, else shortened with an
/// ellipsis (the longest that fits, found by halving).
pub(super) fn fit(ui: &egui::Ui, text: &str, font: &egui::FontId, width: f32) -> String {
    let width_of = |t: &str| text_width(ui, t, font);
    let total = text.chars().count();
    if width_of(text) <= width {
        return text.to_owned();
    }
    let (mut low, mut high) = (1, total);
    while low < high {
        let middle = (low + high).div_ceil(2);
        if width_of(&shorten(text, middle)) <= width {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    shorten(text, low.max(2))
}

/// At most `chars` characters, with an ellipsis when shortened.
pub(super) fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_owned()
    } else {
        text.chars().take(chars.saturating_sub(1)).chain(std::iter::once('…')).collect()
    }
}

/// Draws one series; `k` keeps the item ids unique.
fn draw_series(
    plot: &mut PlotUi<'_>,
    spec: &ChartSpec,
    visuals: &egui::Visuals,
    k: usize,
    series: &Series,
    (label_x, wrap_labels): (f64, bool),
) {
    let horizontal = spec.orientation == Orientation::Horizontal;
    let axis = &spec.value_axis;
    let label_size = LABEL_SIZE;
    match series {
        Series::Bars { name, bars } => {
            let items: Vec<Bar> = bars
                .iter()
                .map(|b| {
                    let position = if horizontal { -(b.category as f64) } else { b.category as f64 };
                    let label = spec.categories.get(b.category).map_or("", |c| c.label.as_str());
                    Bar::new(position, b.value)
                        .width(2.0 * HALF_BAR + if horizontal { 0.0 } else { 0.1 })
                        .fill(fill(spec, visuals, b.tone, b.category))
                        .name(format!("{label}: {}", b.label.as_deref().unwrap_or("")))
                })
                .collect();
            let mut chart = BarChart::new(format!("{k}-{name}"), items);
            if horizontal {
                chart = chart.horizontal();
            }
            plot.bar_chart(chart);
            for b in bars {
                let Some(text) = &b.label else { continue };
                let (point, anchor) = if horizontal {
                    (at(spec, b.category as f64, label_x), egui::Align2::LEFT_CENTER)
                } else {
                    let lift = 0.015 * (axis.max - axis.min);
                    // The centred job below is laid out around its left edge: LEFT puts its
                    // middle on the bar's.
                    (at(spec, b.category as f64, b.value + lift), egui::Align2::LEFT_BOTTOM)
                };
                let text = if wrap_labels { text.replacen(" (", "\n(", 1) } else { text.clone() };
                // Each line centred over its bar.
                let font = egui::FontId::proportional(label_size);
                let mut job = egui::text::LayoutJob::simple(text, font, visuals.text_color(), f32::INFINITY);
                if !horizontal {
                    job.halign = egui::Align::Center;
                }
                plot.text(
                    Text::new(format!("{k}-label-{}", b.category), PlotPoint::new(point[0], point[1]), job)
                        .anchor(anchor)
                        .color(visuals.text_color()),
                );
            }
        }
        Series::ErrorBars { whiskers, .. } => {
            let colour = theme::whisker(visuals);
            for w in whiskers {
                let c = w.category as f64;
                let pale = spec.categories.get(w.category).is_some_and(|c| c.small_n);
                let colour = if pale { colour.gamma_multiply(0.5) } else { colour };
                let mut segments = vec![[at(spec, c, w.low), at(spec, c, w.high)]];
                for v in [w.low, w.high] {
                    segments.push([at(spec, c - 0.15, v), at(spec, c + 0.15, v)]);
                }
                for (s, segment) in segments.into_iter().enumerate() {
                    plot.line(
                        Line::new(format!("{k}-whisker-{}-{s}", w.category), PlotPoints::from(segment.to_vec()))
                            .stroke((1.5, colour))
                            .allow_hover(false),
                    );
                }
            }
        }
        Series::Band { tone, points, .. } => draw_band(plot, spec, visuals, k, *tone, points),
        Series::Line { tone, points, .. } => draw_line(plot, spec, visuals, k, *tone, points),
        Series::Points { tone, points, .. } => {
            for p in points {
                let [x, y] = at(spec, p.category as f64, p.value);
                let radius = if p.marker == Marker::Circle { 5.0 } else { 7.0 };
                plot.points(
                    Points::new(format!("{k}-point-{}", p.category), PlotPoints::from(vec![[x, y]]))
                        .shape(marker_shape(p.marker))
                        .filled(true)
                        .radius(radius)
                        .color(fill(spec, visuals, *tone, p.category))
                        .allow_hover(false),
                );
                if let Some(text) = &p.label {
                    let point = at(spec, p.category as f64, label_x);
                    plot.text(
                        Text::new(
                            format!("{k}-label-{}", p.category),
                            PlotPoint::new(point[0], point[1]),
                            RichText::new(text).size(label_size),
                        )
                        .anchor(egui::Align2::LEFT_CENTER)
                        .color(visuals.text_color()),
                    );
                }
            }
        }
        Series::References { references, .. } => {
            for (r, reference) in references.iter().enumerate() {
                draw_reference(plot, spec, visuals, k * 1000 + r, reference);
            }
        }
        // The window draws a matrix as a grid of its own (`ui::matrix`) and the headline as a
        // panel (`ui::headline`), not as a plot.
        Series::Cells { .. } | Series::Headline { .. } | Series::Map { .. } => {}
    }
}

/// egui_plot's marker for a chart marker.
fn marker_shape(marker: Marker) -> MarkerShape {
    match marker {
        Marker::Circle => MarkerShape::Circle,
        Marker::Diamond => MarkerShape::Diamond,
        Marker::TriangleUp => MarkerShape::Up,
        Marker::TriangleDown => MarkerShape::Down,
    }
}

/// A benchmark range as a pale band, a single value as a dashed tick (never widened into a band).
fn draw_reference(plot: &mut PlotUi<'_>, spec: &ChartSpec, visuals: &egui::Visuals, id: usize, reference: &Reference) {
    let colour = theme::tone_colour(Tone::Benchmark, visuals);
    let (from, to) = match reference.category {
        Some(c) => (c as f64 - 0.42, c as f64 + 0.42),
        None => (-0.5, spec.categories.len().max(1) as f64 - 0.5),
    };
    let (centre, half) = ((from + to) / 2.0, (to - from) / 2.0);
    match reference.value {
        ReferenceValue::Range { low, high } => {
            plot.polygon(
                Polygon::new(format!("reference-{id}"), PlotPoints::from(span(spec, centre, half, low, high)))
                    .fill_color(colour.gamma_multiply(0.32))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
        }
        ReferenceValue::Average { value } => {
            plot.line(
                Line::new(
                    format!("reference-{id}"),
                    PlotPoints::from(vec![at(spec, from, value), at(spec, to, value)]),
                )
                .stroke((3.0, theme::benchmark_tick(visuals)))
                .style(LineStyle::dashed_dense())
                .allow_hover(false),
            );
        }
    }
}

/// Runs of consecutive items that `keep` maps to a value: a `None` breaks the run.
fn runs<T, U>(items: &[T], keep: impl Fn(&T) -> Option<U>) -> Vec<Vec<U>> {
    let mut out: Vec<Vec<U>> = vec![Vec::new()];
    for item in items {
        match keep(item) {
            Some(value) => out.last_mut().map_or((), |run| run.push(value)),
            None => out.push(Vec::new()),
        }
    }
    out.retain(|run| !run.is_empty());
    out
}

/// An interval band along the categories, broken where a period has no answers.
fn draw_band(
    plot: &mut PlotUi<'_>,
    spec: &ChartSpec,
    visuals: &egui::Visuals,
    k: usize,
    tone: Tone,
    points: &[BandPoint],
) {
    let colour = theme::tone_colour(tone, visuals).gamma_multiply(0.22);
    let finite = |p: &BandPoint| match (p.low, p.high) {
        (Some(low), Some(high)) if low.is_finite() && high.is_finite() => Some((p.category as f64, low, high)),
        _ => None,
    };
    for (r, run) in runs(points, finite).iter().enumerate() {
        if let [(x, low, high)] = run.as_slice() {
            // A lone period: a short pale bar instead of an area of no width.
            plot.polygon(
                Polygon::new(format!("{k}-band-{r}"), PlotPoints::from(span(spec, *x, 0.12, *low, *high)))
                    .fill_color(colour)
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
            continue;
        }
        let xs: Vec<f64> = run.iter().map(|p| p.0).collect();
        let lows: Vec<f64> = run.iter().map(|p| p.1).collect();
        let highs: Vec<f64> = run.iter().map(|p| p.2).collect();
        plot.add(FilledArea::new(format!("{k}-band-{r}"), &xs, &lows, &highs).fill_color(colour).allow_hover(false));
    }
}

/// A line with dots, broken where a period has no answers; small-n dots are pale.
fn draw_line(
    plot: &mut PlotUi<'_>,
    spec: &ChartSpec,
    visuals: &egui::Visuals,
    k: usize,
    tone: Tone,
    points: &[LinePoint],
) {
    let colour = theme::tone_colour(tone, visuals);
    let finite = |p: &LinePoint| p.value.filter(|v| v.is_finite()).map(|v| (p.category, v));
    for (r, run) in runs(points, finite).iter().enumerate() {
        let line: Vec<[f64; 2]> = run.iter().map(|&(c, v)| at(spec, c as f64, v)).collect();
        plot.line(Line::new(format!("{k}-line-{r}"), PlotPoints::from(line)).stroke((2.5, colour)).allow_hover(false));
        for &(c, v) in run {
            plot.points(
                Points::new(format!("{k}-dot-{c}"), PlotPoints::from(vec![at(spec, c as f64, v)]))
                    .radius(3.5)
                    .filled(true)
                    .color(fill(spec, visuals, tone, c))
                    .allow_hover(false),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_break_at_gaps() {
        let values = [Some(1), None, Some(2), Some(3), None, None];
        assert_eq!(runs(&values, |v| *v), vec![vec![1], vec![2, 3]]);
        assert!(runs(&[None::<u8>], |v| *v).is_empty());
    }

    #[test]
    fn hovering_a_category_names_it_in_full_with_each_labelled_value() {
        let spec = crate::export::samples::segments();
        let lines = hover_lines(&spec, 0);
        assert_eq!(lines[0], spec.categories[0].label, "the full label first");
        let labelled = spec
            .series
            .iter()
            .filter_map(|s| match s {
                Series::Bars { bars, .. } => bars.iter().find(|b| b.category == 0).and_then(|b| b.label.clone()),
                Series::Points { points, .. } => points.iter().find(|p| p.category == 0).and_then(|p| p.label.clone()),
                _ => None,
            })
            .collect::<Vec<_>>();
        assert!(!labelled.is_empty(), "the sample chart labels its bars");
        for label in &labelled {
            assert!(lines.iter().any(|l| l.ends_with(label.as_str())), "{label} in {lines:?}");
        }
        assert_eq!(hover_lines(&spec, spec.categories.len()), Vec::<String>::new(), "past the last category");
    }

    #[test]
    fn a_large_count_on_hover_is_grouped_as_the_language_writes_it() {
        let mut spec = crate::export::samples::trend();
        spec.thousands = '.';
        for series in &mut spec.series {
            if let Series::Line { points, .. } = series {
                points.iter_mut().for_each(|p| p.n = 214_814);
            }
        }
        let lines = hover_lines(&spec, 0);
        assert!(lines.iter().any(|l| l.ends_with("(n = 214.814)")), "{lines:?}");
    }

    #[test]
    fn hovering_a_trend_period_gives_the_nps_and_its_interval() {
        let spec = crate::export::samples::trend();
        let (line, band) = spec.series.iter().fold((None, None), |(line, band), s| match s {
            Series::Line { points, .. } => (points.iter().find_map(|p| p.value.map(|v| (p.category, v))), band),
            Series::Band { points, .. } => (line, Some(points.clone())),
            _ => (line, band),
        });
        let (category, value) = line.expect("the sample trend has a value");
        let lines = hover_lines(&spec, category);
        assert_eq!(lines[0], spec.categories[category].label);
        let n = spec.series.iter().find_map(|s| match s {
            Series::Line { points, .. } => points.iter().find(|p| p.category == category).map(|p| p.n),
            _ => None,
        });
        let said = format!("{}  (n = {})", whole_points(value), crate::chart::grouped(n.unwrap(), spec.thousands));
        assert!(n.unwrap() > 0 && lines.iter().any(|l| l.ends_with(&said)), "{said} in {lines:?}");
        let point = band.unwrap().into_iter().find(|p| p.category == category).unwrap();
        let interval = format!("{} – {}", whole_points(point.low.unwrap()), whole_points(point.high.unwrap()));
        assert!(lines.iter().any(|l| l.ends_with(&interval)), "{interval} in {lines:?}");
        assert_eq!(
            (whole_points(-0.4), whole_points(12.6), whole_points(-3.2)),
            ("0".into(), "+13".into(), "-3".into())
        );
    }

    #[test]
    fn horizontal_charts_put_the_first_row_on_top() {
        let mut spec = crate::export::samples::segments();
        assert_eq!(at(&spec, 2.0, 30.0), [30.0, -2.0]);
        spec.orientation = Orientation::Vertical;
        assert_eq!(at(&spec, 2.0, 30.0), [2.0, 30.0]);
    }
}
