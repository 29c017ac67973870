//! The Compare view: this wave against the previous one (two periods of the open file, or the
//! open file against the previous wave's export), with the matching of the previous file's
//! columns, both waves and the change per segment with the smallest detectable change, and the
//! planner.

use eframe::egui::{self, RichText};

use super::{ViewContext, export_menu, plot};
use crate::analysis::waves::{MatchedBy, WaveComparison};
use crate::app::AppCommand;
use crate::app::compare::{CompareCommand, CompareSource, CompareState, Found, PlannerForm, period_spans};
use crate::figures::{LineWeight, Words, wave_charts, wave_table};
use crate::i18n::waves::WaveTexts;
use crate::i18n::{Texts, fill, fill_owned};
use crate::stats::plan;

/// The Compare view.
#[derive(Debug, Default)]
pub struct CompareView;

impl CompareView {
    /// Draws the view.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewContext<'_>,
        state: &CompareState,
        commands: &mut Vec<AppCommand>,
    ) {
        let v = WaveTexts::of(cx.language);
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            source_row(ui, state, v, commands);
            ui.add_space(4.0);
            match state.source {
                CompareSource::Periods => periods_row(ui, cx, state, v, commands),
                CompareSource::File => file_rows(ui, cx, state, v, commands),
            }
            if let Some(error) = state.current_error() {
                ui.colored_label(super::theme::error_text(ui.visuals()), error);
            }
            if let Some(result) = state.current_result() {
                ui.add_space(8.0);
                let names = (result.names.0.as_str(), result.names.1.as_str());
                results(ui, cx, (&result.comparison, &result.themes), names, v, commands);
            } else if state.busy() {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(RichText::new(cx.t.computing).weak());
                });
            }
            ui.add_space(12.0);
            planner(ui, cx, state, v, commands);
        });
    }
}

/// Periods of this file, or this file against another.
fn source_row(ui: &mut egui::Ui, state: &CompareState, v: &WaveTexts, commands: &mut Vec<AppCommand>) {
    ui.horizontal_wrapped(|ui| {
        for (source, label) in [(CompareSource::Periods, v.source_periods), (CompareSource::File, v.source_file)] {
            if ui.radio(state.source == source, label).clicked() {
                commands.push(AppCommand::Compare(CompareCommand::Source(source)));
            }
        }
        if ui.button(v.choose_file).clicked() {
            commands.push(AppCommand::Compare(CompareCommand::ChooseFile));
        }
    });
}

/// The two periods compared, and the columns compared per value.
fn periods_row(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    state: &CompareState,
    v: &WaveTexts,
    commands: &mut Vec<AppCommand>,
) {
    let survey = &cx.loaded.survey;
    let trend = cx.computed.and_then(|c| c.results.trend.as_deref());
    let spans = trend.zip(cx.views.period(survey)).map(|(points, period)| period_spans(points, period));
    let Some((a, b)) = spans.as_deref().and_then(|spans| state.chosen_periods(spans)) else {
        ui.label(v.need_two_periods);
        return;
    };
    let spans = spans.unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        for (k, (label, chosen)) in [(v.previous_period, &a), (v.current_period, &b)].into_iter().enumerate() {
            ui.label(label);
            let combo =
                egui::ComboBox::from_id_salt(("compare-period", k)).selected_text(&chosen.label).show_ui(ui, |ui| {
                    // The previous period before this one, this one after the previous.
                    let allowed = |span: &&crate::app::compare::PeriodSpan| {
                        if k == 0 { span.from < b.from } else { span.from > a.from }
                    };
                    for span in spans.iter().filter(allowed) {
                        if ui.selectable_label(span.label == chosen.label, &span.label).clicked() {
                            let (previous, current) = if k == 0 {
                                (span.label.clone(), b.label.clone())
                            } else {
                                (a.label.clone(), span.label.clone())
                            };
                            commands.push(AppCommand::Compare(CompareCommand::Periods(previous, current)));
                        }
                    }
                });
            let name = format!("{label}: {}", chosen.label);
            combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
            ui.add_space(8.0);
        }
    });
    if !survey.segments.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(v.matching_heading);
            for segment in &survey.segments {
                let mut on = state.includes(&segment.name);
                if ui.checkbox(&mut on, &segment.name).changed() {
                    commands.push(AppCommand::Compare(CompareCommand::Include(segment.name.clone(), on)));
                }
            }
        });
    }
}

/// The previous wave's file and how its columns match this file's, correctable.
fn file_rows(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    state: &CompareState,
    v: &WaveTexts,
    commands: &mut Vec<AppCommand>,
) {
    let Some(file) = &state.file else {
        match state.reading() {
            Some(name) => ui.label(fill(v.reading_file, &[("file", &name)])),
            None => ui.label(v.no_file_yet),
        };
        return;
    };
    ui.label(
        RichText::new(fill(
            v.files,
            &[("previous", &file.table.source.file_name), ("current", &cx.loaded.source.display_name())],
        ))
        .strong(),
    );
    if let Some(roles) = &file.roles {
        match &roles.misfit {
            None => ui.label(RichText::new(fill(v.project_roles, &[("project", &roles.project)])).weak()),
            Some(missing) => ui.label(fill(v.project_not_fit, &[("project", &roles.project), ("reason", missing)])),
        };
    }
    if let (Some(raking), Some(weighting)) =
        (state.current_result().and_then(|r| r.previous_raking.as_deref()), cx.loaded.weighting.as_ref())
    {
        ui.label(fill(v.previous_weighted, &[("file", &file.table.source.file_name), ("margins", &weighting.file)]));
        for line in crate::notices::raking_lines(raking, cx.language) {
            ui.label(RichText::new(line).weak());
        }
    }
    if !cx.views.filter.is_empty() {
        ui.label(RichText::new(v.file_filter_note).weak());
    }
    if state.columns.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.label(RichText::new(v.matching_heading).strong());
    let headers = &file.table.headers;
    egui::Grid::new("compare-matching").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        for h in ["", v.col_this, v.col_previous_column, v.col_found] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for pick in &state.columns {
            let mut on = state.includes(&pick.current);
            let check = ui.checkbox(&mut on, "");
            check.widget_info(|| egui::WidgetInfo::selected(egui::Role::CheckBox, true, on, &pick.current));
            if check.changed() {
                commands.push(AppCommand::Compare(CompareCommand::Include(pick.current.clone(), on)));
            }
            ui.label(&pick.current);
            let shown = pick.previous.clone().unwrap_or_else(|| v.not_compared.to_owned());
            let combo = egui::ComboBox::from_id_salt(("compare-column", &pick.current)).selected_text(&shown).show_ui(
                ui,
                |ui| {
                    if ui.selectable_label(pick.previous.is_none(), v.not_compared).clicked() {
                        commands.push(AppCommand::Compare(CompareCommand::Column(pick.current.clone(), None)));
                    }
                    for header in headers {
                        if ui.selectable_label(pick.previous.as_ref() == Some(header), header).clicked() {
                            let chosen = Some(header.clone());
                            commands.push(AppCommand::Compare(CompareCommand::Column(pick.current.clone(), chosen)));
                        }
                    }
                },
            );
            let name = format!("{}: {}", pick.current, shown);
            combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
            let found = match &pick.found {
                Found::Matched(MatchedBy::Header) => v.found_header.to_owned(),
                Found::Matched(MatchedBy::Values { shared }) => {
                    fill(v.found_values, &[("shared", &cx.t.percent(100.0 * shared))])
                }
                Found::Chosen => v.found_chosen.to_owned(),
                Found::LeftOut => v.not_compared.to_owned(),
                Found::Missing(reason) => {
                    let label = ui.label(RichText::new(v.found_missing).color(super::theme::error_text(ui.visuals())));
                    if !reason.is_empty() {
                        label.on_hover_text(reason);
                    }
                    ui.end_row();
                    continue;
                }
            };
            ui.label(found);
            ui.end_row();
        }
    });
}

/// The comparison: both waves, the change with its test and detectable size, the shares and
/// metrics, the two figures and the table.
fn results(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    (c, themes): (&WaveComparison, &crate::themes_report::WaveThemes),
    names: (&str, &str),
    v: &WaveTexts,
    commands: &mut Vec<AppCommand>,
) {
    let (t, x) = (cx.t, cx.x);
    let words = Words { texts: t, export: x };
    // Theme labels in the window's language, from the codebook they were read with.
    let themes = themes.relabelled(&cx.themes.codebook, cx.language.comment_language());
    for line in crate::figures::wave_lines(c, names, &themes.overall, &words, v) {
        line_label(ui, line);
    }
    if !themes.overall.is_empty() {
        export_menu::table_menu(
            ui,
            v.themes_table_title,
            || crate::figures::wave_themes_table(&themes.overall, &words, v),
            x,
            commands,
        );
    }
    if !themes.segments.is_empty() {
        ui.add_space(6.0);
        egui::CollapsingHeader::new(RichText::new(v.segment_themes_title).strong())
            .id_salt("compare-segment-themes")
            .show(ui, |ui| {
                for segment in &themes.segments {
                    for line in crate::figures::segment_theme_lines(segment, &words, v) {
                        line_label(ui, line);
                    }
                    ui.add_space(4.0);
                }
                export_menu::table_menu(
                    ui,
                    v.segment_themes_title,
                    || crate::figures::wave_segment_themes_table(&themes.segments, &words, v),
                    x,
                    commands,
                );
            });
    }
    for chart in wave_charts(c, names, &words, v) {
        ui.add_space(10.0);
        plot::chart(ui, &chart, |ui| {
            export_menu::chart_menu(ui, &chart, x, commands);
            export_menu::table_menu(ui, &chart.title, || wave_table(c, &words, v), x, commands);
        });
    }
}

/// One line of a comparison's summary, as its weight says.
fn line_label(ui: &mut egui::Ui, (line, weight): (String, LineWeight)) {
    ui.label(match weight {
        LineWeight::Headline => RichText::new(line).size(15.0),
        LineWeight::Strong => RichText::new(line).strong(),
        LineWeight::Plain => RichText::new(line),
        LineWeight::Weak => RichText::new(line).weak(),
    });
}

/// The planner: answers for a margin and per wave for a change, from this wave's split.
fn planner(
    ui: &mut egui::Ui,
    cx: &ViewContext<'_>,
    state: &CompareState,
    v: &WaveTexts,
    commands: &mut Vec<AppCommand>,
) {
    let t = cx.t;
    egui::CollapsingHeader::new(RichText::new(v.planner_heading).strong()).default_open(true).show(ui, |ui| {
        let mut form = state.planner.clone();
        egui::Grid::new("compare-planner").spacing([10.0, 4.0]).min_col_width(170.0).show(ui, |ui| {
            // This wave's split, as the split field's hint.
            let wave = state.current_result().and_then(|r| r.comparison.current.clone());
            let overall =
                wave.or_else(|| cx.computed.and_then(|c| c.results.overall.as_ref().map(|o| o.summary.clone())));
            let hint = overall.as_ref().map_or_else(String::new, |s| {
                format!(
                    "{}, {}, {}",
                    t.number(s.promoter_pct, 0),
                    t.number(s.passive_pct, 0),
                    t.number(s.detractor_pct, 0)
                )
            });
            for (label, value, hint, width) in [
                (v.planner_margin, &mut form.margin, String::new(), 160.0),
                (v.planner_change, &mut form.change, String::new(), 160.0),
                (v.planner_split, &mut form.split, hint, 160.0),
                (v.planner_population, &mut form.population, String::new(), 160.0),
                (v.planner_rate, &mut form.response_rate, String::new(), 160.0),
            ] {
                ui.label(label);
                let field = ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(width));
                field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                ui.end_row();
            }
        });
        if form != state.planner {
            commands.push(AppCommand::Compare(CompareCommand::Planner(form.clone())));
        }
        // The split typed, else this wave's (the compared one's, else the file's), else the worst
        // case; a split of one group only has no spread to plan with: the worst case stands in.
        let typed = parse_split(&form.split);
        let wave = state.current_result().and_then(|r| r.comparison.current.clone());
        let overall = wave.or_else(|| cx.computed.and_then(|c| c.results.overall.as_ref().map(|o| o.summary.clone())));
        let split = typed.or_else(|| overall.map(|s| [s.promoter_pct, s.passive_pct, s.detractor_pct]));
        let variance = split
            .and_then(|[p, pa, d]| plan::split_variance(p, pa, d))
            .filter(|v| *v > 0.0)
            .unwrap_or(plan::WORST_CASE_VARIANCE);
        if !form.split.trim().is_empty() && typed.is_none() {
            ui.colored_label(
                super::theme::error_text(ui.visuals()),
                fill(v.planner_invalid, &[("field", v.planner_split)]),
            );
        }
        for line in plan_lines(&form, variance, t, v) {
            ui.label(line);
        }
        ui.label(
            RichText::new(match split {
                Some([p, pa, d]) => fill_owned(
                    v.plan_split,
                    &[
                        ("p", t.number(p, 1)),
                        ("pa", t.number(pa, 1)),
                        ("d", t.number(d, 1)),
                        ("variance", t.number(variance, 3)),
                    ],
                ),
                None => v.plan_worst_case.to_owned(),
            })
            .weak(),
        );
        ui.label(RichText::new(v.plan_method).weak());
    });
}

/// A split typed as three percentages (`40, 40, 20`, `40/40/20`) that add up to 100 (within 1).
fn parse_split(text: &str) -> Option<[f64; 3]> {
    let parts: Vec<f64> = text
        .split([',', ';', '/', ' '])
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().trim_end_matches('%').parse::<f64>().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [p, pa, d] if [*p, *pa, *d].iter().all(|x| (0.0..=100.0).contains(x)) && (p + pa + d - 100.0).abs() <= 1.0 => {
            Some([*p, *pa, *d])
        }
        _ => None,
    }
}

/// What the planner says for `form`: one line per goal, or what to type.
fn plan_lines(form: &PlannerForm, variance: f64, t: &Texts, v: &WaveTexts) -> Vec<String> {
    let number = |text: &str| text.trim().trim_end_matches('%').trim().replace(',', ".").parse::<f64>().ok();
    let mut lines = Vec::new();
    let population = match form.population.trim() {
        "" => None,
        text => match number(text).filter(|n| *n >= 1.0) {
            Some(n) => Some(n.round() as u64),
            None => return vec![fill(v.planner_invalid, &[("field", v.planner_population)])],
        },
    };
    let rate = match form.response_rate.trim() {
        "" => None,
        text => match number(text).filter(|r| *r > 0.0 && *r <= 100.0) {
            Some(r) => Some(r / 100.0),
            None => return vec![fill(v.planner_invalid, &[("field", v.planner_rate)])],
        },
    };
    let goals = [(v.planner_margin, &form.margin, true), (v.planner_change, &form.change, false)];
    for (field, text, is_margin) in goals {
        if text.trim().is_empty() {
            continue;
        }
        let Some(points) = number(text).filter(|p| *p > 0.0 && *p <= 200.0) else {
            lines.push(fill(v.planner_invalid, &[("field", field)]));
            continue;
        };
        let answers = if is_margin {
            plan::answers_for_margin(points / 100.0, variance)
        } else {
            plan::answers_per_wave(points / 100.0, variance, variance)
        };
        let Some(answers) = answers else { continue };
        let n = population.map_or(answers, |p| plan::finite_population(answers, p));
        let (template, key) = if is_margin { (v.plan_margin, "margin") } else { (v.plan_change, "change") };
        let mut line = fill(template, &[("n", &t.count(n)), (key, &t.number(points, 1))]);
        if let Some(p) = population {
            line.push_str(", ");
            line.push_str(&fill(v.plan_population, &[("population", &t.count(p))]));
        }
        if let Some(invitations) = rate.and_then(|r| plan::invitations(n, r)) {
            let rate = t.number(100.0 * rate.unwrap_or_default(), 1);
            line.push_str(" \u{b7} ");
            line.push_str(&fill(v.plan_invitations, &[("invitations", &t.count(invitations)), ("rate", &rate)]));
        }
        lines.push(line);
    }
    lines
}
