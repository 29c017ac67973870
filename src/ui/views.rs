//! The analysis views beside the Overview: the tab bar, the filter panel, Segments (sortable table
//! and a bar chart with interval whiskers and significance marks, or for two columns the matrix
//! of `matrix`) and Trend (line with an interval band, gaps and flagged changes, and on request a
//! line per value of a column). The Responses view (the follow-up list) is `responses`.

use crate::app::ViewCommand;

use eframe::egui::{self, RichText};

use super::help::{Topic, tip};
use super::{ViewContext, export_menu, plot, theme};
use crate::analysis::metrics::GroupMetrics;
use crate::analysis::{Filter, Period, Survey};
use crate::app::export::figure_context;
use crate::app::{AppCommand, Computed, LoadedSurvey, SortKey, ViewSettings};
use crate::figures::{
    FigureContext, Words, segments_figure, segments_table, trend_figure, trend_lines_figure, trend_lines_table,
    trend_table,
};
use crate::i18n::export::ExportTexts;
use crate::i18n::{Texts, fill};
use crate::report::BreakdownRow;

/// The view tabs, with a note while figures are being computed.
pub fn tabs(
    ui: &mut egui::Ui,
    settings: &ViewSettings,
    computing: bool,
    t: &Texts,
    themes_tab: &'static str,
    commands: &mut Vec<AppCommand>,
) {
    ui.horizontal(|ui| {
        for (view, _) in super::shortcuts::VIEWS {
            let label = super::chrome::view_label(view, t, themes_tab);
            let tab = ui.selectable_label(settings.view == view, RichText::new(label).size(15.0));
            if tab.clicked() {
                commands.push(AppCommand::View(ViewCommand::SetView(view)));
            }
            // A tab clicked with the mouse keeps no focus outline: the outline beside the
            // selected tab's fill looked like a second selected tab. Keyboard focus still shows.
            if tab.clicked_by(egui::PointerButton::Primary) {
                tab.surrender_focus();
            }
        }
        if computing {
            ui.add_space(12.0);
            ui.spinner();
            ui.label(RichText::new(t.computing).weak());
        }
    });
}

/// The filter panel: values per segment column and a date range, applied to every view. Owns the
/// dates being typed: a date is applied when complete or when the field is left (Enter, Tab),
/// and an unreadable one is kept as typed with a message under it.
#[derive(Debug, Default)]
pub struct FilterPanel {
    from: DateField,
    until: DateField,
    focus_requested: bool,
}

impl FilterPanel {
    /// Puts the keyboard focus in the panel's first field on the next frame (Ctrl+F).
    pub fn request_focus(&mut self) {
        self.focus_requested = true;
    }

    /// Draws the panel.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        let (survey, filter, t) = (&cx.loaded.survey, &cx.views.filter, cx.t);
        ui.horizontal(|ui| {
            ui.heading(t.filter_title);
            if !filter.is_empty() && ui.button(t.filter_clear).clicked() {
                commands.push(AppCommand::View(ViewCommand::SetFilter(Filter::default())));
            }
        });
        let summary = if filter.is_empty() { t.filter_all.to_owned() } else { filter.describe() };
        ui.label(RichText::new(summary).weak());
        ui.separator();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            let focus = std::mem::take(&mut self.focus_requested);
            if let Some((first, last)) = survey.date_range() {
                if focus {
                    ui.memory_mut(|m| m.request_focus(egui::Id::unique("filter-from")));
                }
                let from = self.from.ui(ui, "filter-from", t.date_from, &filter.date_from, first, t);
                let until = self.until.ui(ui, "filter-until", t.date_to, &filter.date_to, last, t);
                if from.is_some() || until.is_some() {
                    let mut next = filter.clone();
                    if let Some(value) = from {
                        next.date_from = value;
                    }
                    if let Some(value) = until {
                        next.date_to = value;
                    }
                    commands.push(AppCommand::View(ViewCommand::SetFilter(next)));
                }
                ui.separator();
            }
            let focus_first_segment = focus && survey.date_range().is_none();
            segment_filters(ui, survey, filter, focus_first_segment, commands);
        });
    }
}

/// A date typed into the filter: the text as typed, the filter value it was last in step with,
/// and whether the last committed text was unreadable.
#[derive(Debug, Default)]
struct DateField {
    text: String,
    in_step_with: Option<String>,
    unreadable: Option<String>,
}

impl DateField {
    /// Draws the field; returns the new filter value (`Some(None)`: no bound) when the user
    /// committed a readable date or emptied the field.
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        id: &str,
        label: &str,
        current: &Option<String>,
        hint_day: i32,
        t: &Texts,
    ) -> Option<Option<String>> {
        let id = egui::Id::unique(id);
        let focused = ui.memory(|m| m.has_focus(id));
        // The filter changed elsewhere (Clear filter, a project): show it, unless being typed.
        if !focused && self.in_step_with != *current {
            self.text = current.clone().unwrap_or_default();
            self.in_step_with = current.clone();
            self.unreadable = None;
        }
        ui.label(label);
        let hint = crate::analysis::calendar::iso_date(hint_day);
        let response = ui.add(egui::TextEdit::singleline(&mut self.text).id(id).desired_width(140.0).hint_text(&hint));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
        let typed = self.text.trim().to_owned();
        let parsed = crate::analysis::calendar::parse_iso_date(&typed);
        let complete = response.changed() && parsed.is_some() && typed.len() == 10;
        let mut committed = None;
        if response.lost_focus() || complete {
            if typed.is_empty() {
                self.unreadable = None;
                committed = Some(None);
            } else if let Some(day) = parsed {
                self.unreadable = None;
                committed = Some(Some(crate::analysis::calendar::iso_date(day)));
            } else if response.lost_focus() {
                self.unreadable = Some(typed);
            }
        }
        if let Some(text) = &self.unreadable {
            let message = fill(t.date_unreadable, &[("text", text), ("example", &hint)]);
            ui.label(RichText::new(message).color(theme::error_text(ui.visuals())).small());
        }
        match committed {
            Some(value) if value != *current => {
                self.in_step_with = value.clone();
                Some(value)
            }
            _ => None,
        }
    }
}

/// The values of every segment column, ticked to keep only those rows.
fn segment_filters(ui: &mut egui::Ui, survey: &Survey, filter: &Filter, focus: bool, commands: &mut Vec<AppCommand>) {
    for (i, segment) in survey.segments.iter().enumerate() {
        let kept = filter.segments.get(&segment.name);
        let title = match kept.map(std::collections::BTreeSet::len) {
            Some(k) if k > 0 => format!("{} ({k}/{})", segment.name, segment.labels.len()),
            _ => segment.name.clone(),
        };
        let shown = egui::CollapsingHeader::new(title).id_salt(("filter", &segment.name)).show(ui, |ui| {
            for label in segment.labels.iter().take(200) {
                let mut on = kept.is_some_and(|k| k.contains(label));
                if ui.checkbox(&mut on, label).changed() {
                    let mut next = filter.clone();
                    let values = next.segments.entry(segment.name.clone()).or_default();
                    if on {
                        values.insert(label.clone());
                    } else {
                        values.remove(label);
                    }
                    if values.is_empty() {
                        next.segments.remove(&segment.name);
                    }
                    commands.push(AppCommand::View(ViewCommand::SetFilter(next)));
                }
            }
        });
        if focus && i == 0 {
            shown.header_response.request_focus();
        }
    }
}

/// The Segments view: table and chart per segment value.
#[derive(Debug, Default)]
pub struct SegmentsView;

impl SegmentsView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        segments(ui, cx.loaded, cx.views, cx.computed, cx.t, cx.x, commands);
    }
}

fn segments(
    ui: &mut egui::Ui,
    loaded: &LoadedSurvey,
    settings: &ViewSettings,
    computed: Option<&Computed>,
    t: &'static Texts,
    x: &'static ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    let survey = &loaded.survey;
    let Some(first) = settings.segment_column(survey) else {
        ui.label(t.no_segments);
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(t.break_down_by);
        let combo = egui::ComboBox::from_id_salt("segment").selected_text(&first).show_ui(ui, |ui| {
            for s in &survey.segments {
                if ui.selectable_label(s.name == first, &s.name).clicked() {
                    commands.push(AppCommand::View(ViewCommand::SetSegment(Some(s.name.clone()))));
                }
            }
        });
        let name = format!("{}: {first}", t.break_down_by);
        combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        ui.label(t.and_by);
        let second = settings.second.clone().filter(|s| *s != first);
        let shown = second.as_deref().unwrap_or(t.none_option).to_owned();
        let combo = egui::ComboBox::from_id_salt("second").selected_text(&shown).show_ui(ui, |ui| {
            if ui.selectable_label(second.is_none(), t.none_option).clicked() {
                commands.push(AppCommand::View(ViewCommand::SetSecond(None)));
            }
            for s in survey.segments.iter().filter(|s| s.name != first) {
                if ui.selectable_label(second.as_deref() == Some(&s.name), &s.name).clicked() {
                    commands.push(AppCommand::View(ViewCommand::SetSecond(Some(s.name.clone()))));
                }
            }
        });
        let name = format!("{}: {shown}", t.and_by);
        combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        let mut hide = settings.hide_small;
        if ui.checkbox(&mut hide, t.hide_small).changed() {
            commands.push(AppCommand::View(ViewCommand::SetHideSmall(hide)));
        }
        if second.is_some() {
            ui.separator();
            for (bars, label) in [(false, t.show_as_matrix), (true, t.show_as_bars)] {
                if ui.selectable_label(settings.two_way_bars == bars, label).clicked() {
                    commands.push(AppCommand::View(ViewCommand::SetTwoWayBars(bars)));
                }
            }
        }
    });
    let Some(computed) = computed else { return };
    let (column, pair) = match computed.request.by.last() {
        Some(cols) if cols.len() == 2 => (format!("{} × {}", cols[0], cols[1]), Some([&cols[0], &cols[1]])),
        Some(cols) => (cols[0].clone(), None),
        None => return,
    };
    let rows = settings.sorted_rows(&computed.results.segments, &column);
    let words = Words { texts: t, export: x };
    // Export chart… exports what is shown: the matrix, or the bars when chosen.
    let context = FigureContext {
        two_way_bars: settings.two_way_bars,
        hide_small: settings.hide_small,
        ..figure_context(loaded, &computed.request.filter)
    };
    let overall_benchmark = computed.results.overall.as_ref().and_then(|o| o.benchmark.as_ref());
    // The matrix's axes follow the segments' own order, not the table's sort.
    let cells = settings.matrix_rows(&computed.results.segments, &column);
    let figure_rows = if settings.is_matrix(&column) { &cells } else { &rows };
    let chart = segments_figure(&column, figure_rows, overall_benchmark, &context, &words);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(6.0);
        let clicked = match pair.filter(|_| !settings.two_way_bars) {
            Some([first, second]) => {
                ui.horizontal(|ui| {
                    ui.label(RichText::new(&chart.title).heading());
                    ui.add_space(12.0);
                    export_menu::chart_menu(ui, &chart, x, commands);
                });
                let clicked = super::matrix::matrix(ui, &cells, [first, second], settings.hide_small, t);
                ui.label(RichText::new(&chart.footnote).size(theme::FOOTNOTE_SIZE).weak());
                clicked.and_then(|i| rows.iter().position(|r| std::ptr::eq(*r, cells[i])))
            }
            None => plot::chart(ui, &chart, |ui| export_menu::chart_menu(ui, &chart, x, commands)),
        };
        if let Some(row) = clicked.and_then(|i| rows.get(i)) {
            commands.push(AppCommand::View(ViewCommand::ShowResponses(Some((row.column.clone(), row.value.clone())))));
        }
        if rows.iter().any(|r| r.benchmark.is_some()) {
            ui.label(RichText::new(t.bench_band_note).size(theme::FOOTNOTE_SIZE).weak());
        }
        ui.add_space(8.0);
        export_menu::table_menu(ui, &chart.title, || segments_table(&column, &rows, &words), x, commands);
        segment_table(ui, &rows, settings, t, words.project(), commands);
        for row in rows.iter().filter(|r| r.response_rate.is_some_and(|rate| rate.far_below_rest)) {
            let note = fill(words.project().rate_far_below, &[("value", &row.value)]);
            ui.label(RichText::new(note).size(theme::FOOTNOTE_SIZE).color(theme::error_text(ui.visuals())));
        }
    });
}

fn sort_header(ui: &mut egui::Ui, label: &str, key: SortKey, settings: &ViewSettings, commands: &mut Vec<AppCommand>) {
    let sorted = (settings.sort == key).then_some(settings.descending);
    if sort_button(ui, label, sorted).clicked() {
        commands.push(AppCommand::View(ViewCommand::SortBy(key)));
    }
}

/// A column header that sorts: `sorted` is `Some(descending)` for the column sorted by, which
/// shows a painted triangle (the bundled font has no arrow glyphs).
pub(super) fn sort_button(ui: &mut egui::Ui, label: &str, sorted: Option<bool>) -> egui::Response {
    let text = if sorted.is_some() { format!("{label}    ") } else { label.to_owned() };
    let response = ui.button(RichText::new(text).strong());
    if let Some(descending) = sorted {
        let r = response.rect;
        let (x, y, s) = (r.right() - 10.0, r.center().y, 4.0);
        let points = if descending {
            vec![egui::pos2(x - s, y - s / 2.0), egui::pos2(x + s, y - s / 2.0), egui::pos2(x, y + s)]
        } else {
            vec![egui::pos2(x - s, y + s / 2.0), egui::pos2(x, y - s), egui::pos2(x + s, y + s / 2.0)]
        };
        let colour = ui.visuals().strong_text_color();
        ui.painter().add(egui::Shape::convex_polygon(points, colour, egui::Stroke::NONE));
    }
    response
}

fn segment_table(
    ui: &mut egui::Ui,
    rows: &[&BreakdownRow],
    settings: &ViewSettings,
    t: &Texts,
    p: &crate::i18n::ProjectTexts,
    commands: &mut Vec<AppCommand>,
) {
    let rates = rows.iter().any(|r| r.response_rate.is_some());
    egui::Grid::new("segments-table").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        sort_header(ui, t.col_value, SortKey::Value, settings, commands);
        sort_header(ui, t.col_n, SortKey::N, settings, commands);
        sort_header(ui, t.col_nps, SortKey::Nps, settings, commands);
        ui.label(RichText::new(t.col_ci).strong());
        sort_header(ui, t.col_vs_rest, SortKey::Difference, settings, commands);
        ui.label(RichText::new(t.col_p).strong());
        let present = metrics_present(rows.iter().map(|r| &r.metrics));
        metric_headers(ui, present, t);
        if rates {
            ui.label(RichText::new(p.col_response_rate).strong());
        }
        ui.label(RichText::new(t.col_flags).strong());
        ui.label("");
        ui.end_row();
        for r in rows {
            let m = &r.summary;
            ui.label(&r.value);
            ui.label(n_text(m.n, m.effective_n, t));
            ui.label(RichText::new(t.signed(m.nps)).strong());
            ui.label(super::dashboard::nps_range(m, t));
            let difference = ui.label(r.difference_vs_rest.map_or_else(|| "–".to_owned(), |d| t.signed(d)));
            if let Some(m) = r.minimum_detectable {
                let name = t.speaks.export_texts().col_detectable;
                difference.on_hover_text(format!("{name}: ±{}", t.number(m, 1)));
            }
            // The Holm-adjusted p, which is what the significance mark follows.
            ui.label(r.p_adjusted.map_or_else(
                || "–".to_owned(),
                |p| if p < 0.001 { "< 0.001".replace('.', &t.decimal.to_string()) } else { t.number(p, 3) },
            ));
            metric_cells(ui, &r.metrics, present, t);
            if rates {
                super::project::rate_cell(ui, r.response_rate.as_ref(), t, p);
            }
            let mut flags = Vec::new();
            let mut tips = Vec::new();
            let mut topic = Topic::Stars;
            if r.significant {
                flags.push(format!("* {}", t.significant));
                tips.push(t.help.tip_significant);
            }
            if r.small_n {
                flags.push(t.small_n.to_owned());
                tips.push(t.help.tip_small_n);
                topic = if r.significant { topic } else { Topic::Pale };
            }
            if r.response_rate.is_some_and(|rate| rate.far_below_rest) {
                flags.push(p.flag_low_response.to_owned());
            }
            let flags = ui.label(flags.join(", "));
            if !tips.is_empty() {
                tip(flags, &tips.join("\n"), topic, t.help);
            }
            let button = ui.small_button(t.show_responses);
            let name = format!("{}: {}", t.show_responses, r.value);
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if button.clicked() {
                commands.push(AppCommand::View(ViewCommand::ShowResponses(Some((r.column.clone(), r.value.clone())))));
            }
            ui.end_row();
        }
    });
}

/// `n` with Kish's effective n beside it when the data are weighted.
pub(super) fn n_text(n: u64, effective_n: Option<f64>, t: &Texts) -> String {
    match effective_n {
        Some(e) => format!("{} ({})", t.count(n), fill(t.effective_n, &[("n", &t.count(e.round() as u64))])),
        None => t.count(n),
    }
}

/// Which of CES, CSAT and grade any row has.
fn metrics_present<'a>(metrics: impl Iterator<Item = &'a GroupMetrics>) -> [bool; 3] {
    metrics.fold([false; 3], |seen, m| {
        [seen[0] || m.ces.is_some(), seen[1] || m.csat.is_some(), seen[2] || m.grade.is_some()]
    })
}

fn metric_headers(ui: &mut egui::Ui, present: [bool; 3], t: &Texts) {
    for (shown, header) in present.into_iter().zip([t.metric_ces, t.metric_csat, t.role_grade]) {
        if shown {
            ui.label(RichText::new(header).strong());
        }
    }
}

/// Mean with its interval, the share on hover.
fn metric_cells(ui: &mut egui::Ui, metrics: &GroupMetrics, present: [bool; 3], t: &Texts) {
    for (shown, metric) in present.into_iter().zip([&metrics.ces, &metrics.csat, &metrics.grade]) {
        if !shown {
            continue;
        }
        match metric {
            Some(m) => {
                let text = match (m.mean_low, m.mean_high) {
                    (Some(low), Some(high)) => {
                        format!("{} ({}–{})", t.number(m.mean, 2), t.number(low, 1), t.number(high, 1))
                    }
                    _ => t.number(m.mean, 2),
                };
                let share = fill(t.metric_share_n, &[("share", &t.metric_share(m)), ("n", &t.count(m.n))]);
                ui.label(text).on_hover_text(share);
            }
            None => {
                ui.label("–");
            }
        }
    }
}

fn period_name(period: Period, t: &Texts) -> &'static str {
    match period {
        Period::Week => t.period_week,
        Period::Month => t.period_month,
        Period::Quarter => t.period_quarter,
    }
}

/// The Trend view: NPS per period.
#[derive(Debug, Default)]
pub struct TrendView;

impl TrendView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        trend(ui, cx.loaded, cx.views, cx.computed, cx.t, cx.x, commands);
    }
}

/// The Trend view.
fn trend(
    ui: &mut egui::Ui,
    loaded: &LoadedSurvey,
    settings: &ViewSettings,
    computed: Option<&Computed>,
    t: &'static Texts,
    x: &'static ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    let Some(period) = settings.period(&loaded.survey) else {
        ui.label(t.no_dates);
        return;
    };
    ui.horizontal(|ui| {
        ui.label(t.period);
        let automatic = settings.period.is_none();
        // "Automatic" names what the dates' span gives, whatever the user chose instead.
        let auto_period = ViewSettings::automatic_period(&loaded.survey).unwrap_or(period);
        let auto_label = fill(t.period_auto, &[("period", period_name(auto_period, t))]);
        if ui.selectable_label(automatic, auto_label).clicked() {
            commands.push(AppCommand::View(ViewCommand::SetPeriod(None)));
        }
        for p in Period::ALL {
            if ui.selectable_label(!automatic && settings.period == Some(p), period_name(p, t)).clicked() {
                commands.push(AppCommand::View(ViewCommand::SetPeriod(Some(p))));
            }
        }
        if !loaded.survey.segments.is_empty() {
            ui.separator();
            ui.label(t.lines_per);
            let by = settings.trend_by.clone().filter(|c| loaded.survey.segment(c).is_some());
            let shown = by.as_deref().unwrap_or(t.none_option).to_owned();
            let combo = egui::ComboBox::from_id_salt("trend-by").selected_text(&shown).show_ui(ui, |ui| {
                if ui.selectable_label(by.is_none(), t.none_option).clicked() {
                    commands.push(AppCommand::View(ViewCommand::SetTrendBy(None)));
                }
                for s in &loaded.survey.segments {
                    if ui.selectable_label(by.as_deref() == Some(&s.name), &s.name).clicked() {
                        commands.push(AppCommand::View(ViewCommand::SetTrendBy(Some(s.name.clone()))));
                    }
                }
            });
            let name = format!("{}: {shown}", t.lines_per);
            combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        }
    });
    if let Some(dates) = &loaded.report.unreadable_dates {
        ui.label(RichText::new(crate::notices::date_notice(dates, t)).weak());
    }
    let Some(computed) = computed else { return };
    let Some(points) = computed.results.trend.as_ref() else { return };
    let words = Words { texts: t, export: x };
    let context = figure_context(loaded, &computed.request.filter);
    let chart = trend_figure(points, &context, &words);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        ui.add_space(6.0);
        plot::chart(ui, &chart, |ui| export_menu::chart_menu(ui, &chart, x, commands));
        let lines = &computed.results.trend_by;
        if let Some(column) = computed.request.trend_by.as_deref().filter(|_| !lines.is_empty()) {
            ui.add_space(10.0);
            let chart = trend_lines_figure(column, lines, &context, &words);
            plot::chart(ui, &chart, |ui| {
                export_menu::chart_menu(ui, &chart, x, commands);
                export_menu::table_menu(ui, &chart.title, || trend_lines_table(column, lines, &words), x, commands);
            });
        }
        ui.add_space(8.0);
        export_menu::table_menu(ui, &chart.title, || trend_table(points, &words), x, commands);
        egui::Grid::new("trend-table").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
            for h in [t.col_period, t.col_n, t.col_nps, t.col_ci, t.col_change] {
                ui.label(RichText::new(h).strong());
            }
            let present = metrics_present(points.iter().map(|p| &p.metrics));
            metric_headers(ui, present, t);
            ui.label(RichText::new(t.col_flags).strong());
            ui.end_row();
            for p in points {
                ui.label(&p.period);
                ui.label(t.count(p.n));
                match (p.nps, p.ci_low, p.ci_high) {
                    (Some(v), Some(lo), Some(hi)) => {
                        ui.label(RichText::new(t.signed(v)).strong());
                        ui.label(format!("{} – {}", t.signed(lo), t.signed(hi)));
                    }
                    (Some(v), _, _) => {
                        ui.label(RichText::new(t.signed(v)).strong());
                        ui.label(t.no_interval);
                    }
                    _ => {
                        ui.label("–");
                        ui.label("–");
                    }
                }
                let change = ui.label(p.change.map_or_else(|| "–".to_owned(), |c| t.signed(c)));
                if let Some(m) = p.change_minimum_detectable {
                    change.on_hover_text(format!("{}: ±{}", x.col_detectable, t.number(m, 1)));
                }
                metric_cells(ui, &p.metrics, present, t);
                let mut flags = Vec::new();
                if p.change_significant {
                    flags.push(t.significant_change.to_owned());
                }
                if p.small_n && p.n > 0 {
                    flags.push(t.small_n.to_owned());
                }
                if let Some(m) = p.respondents_in_both.filter(|&m| m > 0) {
                    let note = if p.paired { t.change_paired } else { t.change_independent };
                    let change = p.paired_change.map_or_else(|| "–".to_owned(), |c| t.signed(c));
                    flags.push(fill(note, &[("m", &m.to_string()), ("change", &change)]));
                }
                ui.label(flags.join(", "));
                ui.end_row();
            }
        });
    });
}
