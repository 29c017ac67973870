//! Draws a [`ChartSpec`] with egui_plot: the on-screen renderer of the shared chart description.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Plot, PlotPoint, Text};

use super::theme;
use crate::chart::ChartSpec;

/// Draws a bar chart spec: title, bars coloured by tone with value labels, legend, footnote.
pub fn bar_chart(ui: &mut egui::Ui, chart: &ChartSpec) {
    let visuals = ui.visuals().clone();
    ui.label(RichText::new(&chart.title).heading());
    ui.horizontal(|ui| {
        for (tone, name) in &chart.legend {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 2.0, theme::tone_colour(*tone, &visuals));
            ui.label(name);
            ui.add_space(8.0);
        }
    });
    let max = chart.bars.iter().map(|b| b.value).fold(0.0, f64::max).max(1.0);
    let categories: Vec<String> = chart.bars.iter().map(|b| b.category.clone()).collect();
    let positions: Vec<f64> = chart.bars.iter().map(|b| b.x).collect();
    let height = (ui.available_height() - 40.0).clamp(220.0, 420.0);
    Plot::new(("chart", chart.id.as_str()))
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
        .show_x(false)
        .show_y(false)
        .include_y(0.0)
        .include_y(max * 1.15)
        .include_x(positions.first().copied().unwrap_or(0.0) - 0.6)
        .include_x(positions.last().copied().unwrap_or(0.0) + 0.6)
        .x_axis_label(chart.x_title.clone())
        .y_axis_label(chart.y_title.clone())
        .x_axis_formatter(move |mark, _| {
            positions
                .iter()
                .position(|&p| (p - mark.value).abs() < 1e-9)
                .map(|i| categories[i].clone())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            let bars: Vec<Bar> = chart
                .bars
                .iter()
                .map(|b| {
                    Bar::new(b.x, b.value)
                        .width(0.7)
                        .name(format!("{}: {}", b.category, b.label))
                        .fill(theme::tone_colour(b.tone, &visuals))
                })
                .collect();
            plot.bar_chart(BarChart::new(chart.id.clone(), bars));
            for b in &chart.bars {
                plot.text(
                    Text::new(
                        format!("label-{}", b.category),
                        PlotPoint::new(b.x, b.value + max * 0.02),
                        RichText::new(&b.label).size(11.0),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
        });
    ui.label(RichText::new(&chart.footnote).size(theme::FOOTNOTE_SIZE).weak());
}
