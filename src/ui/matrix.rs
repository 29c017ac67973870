//! A two-way breakdown as a heat-map matrix: the first column's values down, the second's
//! across, each cell coloured by its NPS and holding the number, pale below 30 answers, with the
//! n, interval and test against the rest on hover. The bar list stays available as an option.
//!
//! Draws rows of the report only; the colours come from `theme`.

use eframe::egui::{self, RichText, Sense};

use std::collections::HashMap;

use super::plot::{fit, text_width};
use super::theme;
use crate::i18n::{Texts, fill};
use crate::report::BreakdownRow;

/// Height of a cell; its width follows the longest column label within these bounds.
const CELL_HEIGHT: f32 = 30.0;
const CELL_WIDTH: std::ops::RangeInclusive<f32> = 64.0..=124.0;
/// Width of the row-label column at most.
const LABEL_WIDTH: f32 = 200.0;

/// The distinct values of one side of the matrix, in the order the rows first name them (the
/// engine's order: the segment's own order of values).
fn axis_values(rows: &[&BreakdownRow], side: usize) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for row in rows {
        if let Some(v) = row.values.get(side)
            && !values.contains(v)
        {
            values.push(v.clone());
        }
    }
    values
}

/// What hovering a cell shows: the pair, NPS with interval, n, and the test against the rest.
#[must_use]
pub fn cell_lines(row: &BreakdownRow, t: &Texts) -> Vec<String> {
    let s = &row.summary;
    let mut lines = vec![
        row.value.clone(),
        format!("{}: {}", t.col_nps, t.signed(s.nps)),
        format!("{}: {}", t.col_ci, super::dashboard::nps_range(s, t)),
        format!("{}: {}", t.col_n, super::views::n_text(s.n, s.effective_n, t)),
    ];
    if let Some(d) = row.difference_vs_rest {
        lines.push(format!("{}: {}", t.col_vs_rest, t.signed(d)));
    }
    if row.significant {
        lines.push(format!("* {}", t.significant));
    }
    if row.small_n {
        lines.push(t.small_n.to_owned());
    }
    lines
}

/// Draws the matrix of a two-way breakdown of `rows` (every cell, small ones too); `columns`
/// names the two columns; with `hide_small`, cells under 30 answers are left blank. Returns the
/// row whose cell was clicked.
pub fn matrix(
    ui: &mut egui::Ui,
    rows: &[&BreakdownRow],
    columns: [&str; 2],
    hide_small: bool,
    t: &Texts,
) -> Option<usize> {
    let down = axis_values(rows, 0);
    let across = axis_values(rows, 1);
    // Each pair's row, found once per frame (up to 2,000 cells).
    let at: HashMap<(&str, &str), usize> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some(((r.values.first()?.as_str(), r.values.get(1)?.as_str()), i)))
        .collect();
    let mut clicked = None;
    let visuals = ui.visuals().clone();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let width_of = |ui: &egui::Ui, text: &str| text_width(ui, text, &font);
    let widest = |ui: &egui::Ui, values: &[String]| values.iter().map(|v| width_of(ui, v)).fold(0.0_f32, f32::max);
    let cell_width = (widest(ui, &across) + 12.0).clamp(*CELL_WIDTH.start(), *CELL_WIDTH.end());
    let label_width = (widest(ui, &down) + 18.0).min(LABEL_WIDTH);
    ui.label(RichText::new(fill(t.matrix_axes, &[("rows", columns[0]), ("columns", columns[1])])).weak());
    egui::ScrollArea::horizontal().id_salt("matrix").show(ui, |ui| {
        egui::Grid::new("segments-matrix").spacing([2.0, 2.0]).show(ui, |ui| {
            ui.label("");
            for value in &across {
                // A label that does not fit is shortened; hovering it shows it whole.
                let text = fit(ui, value, &font, cell_width - 8.0);
                let label = ui.add_sized([cell_width, CELL_HEIGHT], egui::Label::new(RichText::new(text).strong()));
                label.on_hover_text(format!("{}: {value}", columns[1]));
            }
            ui.end_row();
            for value in &down {
                let text = fit(ui, value, &font, label_width - 8.0);
                let size = egui::vec2(label_width, CELL_HEIGHT);
                let layout = egui::Layout::right_to_left(egui::Align::Center);
                let label = ui.allocate_ui_with_layout(size, layout, |ui| {
                    ui.set_min_size(size);
                    ui.add_space(6.0);
                    ui.label(RichText::new(text).strong())
                });
                label.inner.on_hover_text(format!("{}: {value}", columns[0]));
                for other in &across {
                    let size = egui::vec2(cell_width, CELL_HEIGHT);
                    let found = at.get(&(value.as_str(), other.as_str())).copied();
                    match found.filter(|&i| !(hide_small && rows[i].small_n)) {
                        Some(index) => {
                            if cell(ui, rows[index], size, &visuals, t).clicked() {
                                clicked = Some(index);
                            }
                        }
                        None => {
                            let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
                            let dash = egui::Align2::CENTER_CENTER;
                            ui.painter().text(rect.center(), dash, "–", font.clone(), visuals.weak_text_color());
                            let why = if found.is_some() { t.small_n } else { t.matrix_no_answers };
                            response.on_hover_text(format!("{value} × {other}: {why}"));
                        }
                    }
                }
                ui.end_row();
            }
        });
    });
    scale(ui, &visuals, t);
    clicked
}

/// One cell: its colour, NPS (with `*` when it differs from the rest), its accessible name and
/// its hover text.
fn cell(ui: &mut egui::Ui, row: &BreakdownRow, size: egui::Vec2, visuals: &egui::Visuals, t: &Texts) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let background = theme::heat(row.summary.nps, visuals);
    let pale = row.small_n;
    let fill = if pale { background.gamma_multiply(0.45) } else { background };
    let painter = ui.painter();
    painter.rect_filled(rect, 3.0, fill);
    if response.hovered() {
        painter.rect_stroke(rect, 3.0, (1.5, visuals.strong_text_color()), egui::StrokeKind::Inside);
    }
    let mark = if row.significant { "*" } else { "" };
    let text = format!("{}{mark}", t.signed(row.summary.nps));
    let on = if pale { visuals.text_color() } else { theme::text_on(background) };
    painter.text(rect.center(), egui::Align2::CENTER_CENTER, &text, egui::TextStyle::Body.resolve(ui.style()), on);
    // The lines are formatted only when asked for: by the accessibility tree or on hover.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, cell_lines(row, t).join(", ")));
    response.on_hover_ui(|ui| {
        for line in cell_lines(row, t) {
            ui.label(line);
        }
    })
}

/// The colour key under the matrix: the scale from -100 to +100, and what pale and `*` mean.
fn scale(ui: &mut egui::Ui, visuals: &egui::Visuals, t: &Texts) {
    ui.add_space(4.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(t.col_nps).size(theme::FOOTNOTE_SIZE));
        for value in [-100.0, -50.0, 0.0, 50.0, 100.0] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(44.0, 18.0), Sense::hover());
            let colour = theme::heat(value, visuals);
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                t.signed(value).trim_end_matches(".0").trim_end_matches(",0"),
                egui::FontId::proportional(theme::FOOTNOTE_SIZE),
                theme::text_on(colour),
            );
        }
        ui.add_space(8.0);
        ui.label(RichText::new(t.matrix_key).size(theme::FOOTNOTE_SIZE).weak());
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Filter, Query, SurveyColumns, aggregate, breakdown_rows};

    /// A two-way breakdown of region (A, B) by channel, whose second label holds " × " itself.
    fn rows() -> Vec<BreakdownRow> {
        let columns = SurveyColumns {
            row_numbers: (2..10).collect(),
            scores: [10, 9, 0, 8, 10, 3, 7, 9].into_iter().map(Ok).collect(),
            score_name: "nps".into(),
            segments: vec![
                ("region".into(), false, vec!["A".into(), "B".into()], vec![0, 0, 0, 1, 1, 1, 0, 1]),
                ("channel".into(), false, vec!["Phone".into(), "Web × App".into()], vec![1, 0, 1, 0, 1, 0, 1, 1]),
            ],
            ..SurveyColumns::default()
        };
        let survey = crate::analysis::Survey::from_generated(columns, "two-way.csv").unwrap();
        let by = vec!["region".to_owned(), "channel".to_owned()];
        let query = Query { filter: Filter::default(), groupings: vec![by.clone()], trend: None };
        let result = aggregate(&survey, &query).unwrap();
        breakdown_rows(&survey, &by, &result.groupings[0])
            .into_iter()
            .map(|row| BreakdownRow { row, benchmark: None })
            .collect()
    }

    #[test]
    fn axes_name_each_value_once_even_when_a_label_holds_the_separator() {
        let rows = rows();
        let rows: Vec<&BreakdownRow> = rows.iter().collect();
        let mut down = axis_values(&rows, 0);
        let mut across = axis_values(&rows, 1);
        down.sort();
        across.sort();
        assert_eq!(down, ["A", "B"]);
        assert_eq!(across, ["Phone", "Web × App"]);
    }

    #[test]
    fn a_cell_says_its_pair_nps_interval_and_n_on_hover() {
        let rows = rows();
        let t = crate::i18n::Language::English.texts();
        let cell = rows.iter().find(|r| r.values == ["A", "Web × App"]).unwrap();
        // A × Web × App: rows 2 (10), 4 (0), 8 (7): one promoter, one detractor, n 3.
        assert_eq!(cell.summary.n, 3);
        let lines = cell_lines(cell, t);
        assert_eq!(lines[0], "A × Web × App");
        assert_eq!(lines[1], "NPS: 0.0");
        assert!(lines.iter().any(|l| l == "n: 3"), "{lines:?}");
        assert!(lines.last().is_some_and(|l| l == t.small_n), "{lines:?}");
    }
}
