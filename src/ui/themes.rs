//! The Themes view (detractor themes chart with Wilson whiskers, the table, quotes of the selected
//! theme, discovered phrases, the codebook editor) and the Overview's top detractor themes.
//!
//! Draws plain result structs ([`ThemeSummary`], [`ThemeTags`], the codebook) and returns
//! commands; never touches polars.

use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Line, Plot, PlotPoint, PlotPoints, Text};

use super::fields::Drafts;
use super::{ViewContext, theme};
use crate::analysis::{ThemeRow, ThemeSummary, ThemeTags};
use crate::app::themes::CodebookEdit;
use crate::app::{AppCommand, LoadedSurvey, ThemeState, ViewSettings};
use crate::chart::Tone;
use crate::i18n::themes::ThemeTexts;
use crate::i18n::{Language as UiLanguage, Texts, fill};
use crate::themes::{Codebook, Language, Representation, Share, ThemeId};

/// Themes shown in the chart.
const CHART_THEMES: usize = 10;
/// Discovered phrases listed.
const PHRASES_SHOWN: usize = 12;

/// `34.0% (28.1–40.3%) of 120`: a share with its interval and the group's n.
fn share_text(share: &Share, t: &Texts, tt: &ThemeTexts) -> String {
    fill(
        tt.share_with_interval,
        &[
            ("share", &t.percent(100.0 * share.share)),
            ("low", &t.number(100.0 * share.interval.low, 1)),
            ("high", &t.percent(100.0 * share.interval.high)),
            ("n", &share.respondents.to_string()),
        ],
    )
}

/// The theme shown in the quotes panel: the one chosen, else the first.
fn selected<'a>(summary: &'a ThemeSummary, settings: &ViewSettings) -> Option<&'a ThemeRow> {
    let chosen = settings.theme.as_deref();
    summary.themes.iter().find(|r| Some(r.theme.as_str()) == chosen).or_else(|| summary.themes.first())
}

/// The reading's row: a spinner, "Reading the comments…" and Cancel; or, once `stopped`, the
/// sentence saying so with "Read the comments". `pale` when counts are shown below it.
fn reading_row(
    ui: &mut egui::Ui,
    stopped: bool,
    pale: bool,
    t: &Texts,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let (text, button, command) = if stopped {
        (tt.reading_stopped, tt.read_comments, AppCommand::ResumeReadingComments)
    } else {
        (tt.reading_comments, t.cancel, AppCommand::StopReadingComments)
    };
    let text = if pale { RichText::new(text).weak() } else { RichText::new(text) };
    ui.horizontal(|ui| {
        if !stopped {
            ui.spinner();
        }
        ui.label(text);
        if ui.button(button).clicked() {
            commands.push(command);
        }
    });
}

/// The Themes view; owns the codebook texts being typed.
#[derive(Debug, Default)]
pub struct ThemesView {
    drafts: Drafts,
}

impl ThemesView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        let app = cx.app;
        themes_view(ui, &mut self.drafts, cx.loaded, app.views(), app.themes(), cx.language, cx.t, commands);
    }
}

#[allow(clippy::too_many_arguments)]
fn themes_view(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    loaded: &LoadedSurvey,
    settings: &ViewSettings,
    state: &ThemeState,
    language: UiLanguage,
    t: &Texts,
    commands: &mut Vec<AppCommand>,
) {
    let tt = ThemeTexts::of(language);
    let lang = language.comment_language();
    if loaded.survey.comment_names.is_empty() {
        ui.label(tt.no_comments);
        return;
    }
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        match state.summary() {
            None => reading_row(ui, state.stopped(), false, t, tt, commands),
            Some(summary) => {
                // Over counts already shown, the row is pale.
                if state.reading() || state.stopped() {
                    reading_row(ui, !state.reading(), true, t, tt, commands);
                }
                themes_body(ui, loaded, settings, summary, language, t, tt, commands);
            }
        }
        if let Some(tags) = state.tags() {
            ui.add_space(14.0);
            discovered(ui, tags, &state.codebook, lang, t, tt, commands);
        }
        ui.add_space(14.0);
        codebook_editor(ui, drafts, &state.codebook, lang, tt, commands);
    });
}

#[allow(clippy::too_many_arguments)]
fn themes_body(
    ui: &mut egui::Ui,
    loaded: &LoadedSurvey,
    settings: &ViewSettings,
    summary: &ThemeSummary,
    language: UiLanguage,
    t: &Texts,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let lang = language.comment_language();
    ui.label(RichText::new(tt.chart_title).heading());
    if summary.themes.is_empty() {
        ui.label(tt.no_theme_found);
        return;
    }
    // The exported chart and table hold the same figures as the chart and table drawn here.
    let x = language.export_texts();
    let words = crate::figures::Words::of(language);
    let context = crate::app::export::figure_context(loaded, &settings.filter);
    ui.horizontal(|ui| {
        if let Some(spec) = crate::figures::themes_figure(summary, lang, &context, &words, tt) {
            super::export_menu::chart_menu(ui, &spec, x, commands);
        }
        let table = || crate::figures::themes_table(summary, lang, &words, tt);
        super::export_menu::table_menu(ui, tt.col_theme, table, x, commands);
    });
    let shown: Vec<&ThemeRow> = summary.themes.iter().take(CHART_THEMES).collect();
    if let Some(clicked) = chart(ui, &shown, lang, t, tt) {
        commands.push(AppCommand::SelectTheme(Some(clicked.theme.to_string())));
    }
    let footnote = fill(
        tt.chart_footnote,
        &[
            ("n", &summary.commenters.to_string()),
            ("detractors", &summary.group_sizes[0].to_string()),
            ("file", &loaded.report.source.file),
        ],
    );
    ui.label(RichText::new(footnote).size(theme::FOOTNOTE_SIZE).weak());
    if summary.themes.iter().any(|r| r.stats.over_represented) {
        ui.label(RichText::new(tt.over_mark).size(theme::FOOTNOTE_SIZE).weak());
    }
    if summary.weighted {
        ui.label(RichText::new(tt.weighted_note).size(theme::FOOTNOTE_SIZE).weak());
    }
    if !settings.filter.is_empty() {
        let text = fill(t.filter_footnote, &[("filter", &settings.filter.describe())]);
        ui.label(RichText::new(text).size(theme::FOOTNOTE_SIZE).weak());
    }
    ui.add_space(10.0);
    table(ui, summary, settings, lang, t, tt, commands);
    // The view scrolls sideways for the wide table; its note wraps at the part in sight.
    let in_sight = (ui.clip_rect().right() - ui.cursor().left()).max(240.0);
    ui.scope(|ui| {
        ui.set_max_width(in_sight);
        ui.label(RichText::new(tt.table_note).size(theme::FOOTNOTE_SIZE).weak());
    });
    ui.add_space(14.0);
    if let Some(row) = selected(summary, settings) {
        quotes(ui, row, lang, tt, commands);
    }
}

/// Bars of the share of detractors mentioning each theme with Wilson whiskers and a label
/// holding the share, the interval and n; returns the clicked theme.
fn chart<'a>(
    ui: &mut egui::Ui,
    rows: &[&'a ThemeRow],
    lang: Language,
    t: &Texts,
    tt: &ThemeTexts,
) -> Option<&'a ThemeRow> {
    let visuals = ui.visuals().clone();
    let count = rows.len();
    let labels: Vec<String> = rows
        .iter()
        .map(|r| {
            let label = r.labels.get(lang).to_owned();
            if r.stats.over_represented { format!("{label} *") } else { label }
        })
        .collect();
    let axis_labels = labels.clone();
    let right = rows.iter().map(|r| 100.0 * r.stats.detractors.interval.high).fold(10.0, f64::max);
    let height = (count as f32 * 30.0 + 60.0).clamp(160.0, 420.0);
    let clicked = Plot::new("themes-chart")
        .height(height)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(false)
        .show_y(false)
        .include_x(0.0)
        .include_x(right * 1.55)
        .include_y(-0.7)
        .include_y(count as f64 - 0.3)
        .x_axis_label(tt.chart_axis)
        .y_axis_min_width(170.0)
        .y_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-9 && i >= 0.0 {
                let k = i as usize;
                if k < count { axis_labels[count - 1 - k].clone() } else { String::new() }
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            let clicked = plot.response().clicked().then(|| plot.pointer_coordinate()).flatten();
            let colour = theme::tone_colour(Tone::Detractor, &visuals);
            let bars: Vec<Bar> = rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let y = (count - 1 - i) as f64;
                    Bar::new(y, 100.0 * r.stats.detractors.share).width(0.6).fill(colour).name(&labels[i])
                })
                .collect();
            plot.bar_chart(BarChart::new("detractor-share", bars).horizontal().allow_hover(false));
            let whisker = if visuals.dark_mode { egui::Color32::WHITE } else { egui::Color32::BLACK };
            for (i, r) in rows.iter().enumerate() {
                let y = (count - 1 - i) as f64;
                let (low, high) = (100.0 * r.stats.detractors.interval.low, 100.0 * r.stats.detractors.interval.high);
                plot.line(
                    Line::new(format!("ci-{i}"), PlotPoints::from(vec![[low, y], [high, y]]))
                        .stroke((1.5, whisker))
                        .allow_hover(false),
                );
                for (k, x) in [low, high].into_iter().enumerate() {
                    plot.line(
                        Line::new(format!("cap-{i}-{k}"), PlotPoints::from(vec![[x, y - 0.15], [x, y + 0.15]]))
                            .stroke((1.5, whisker))
                            .allow_hover(false),
                    );
                }
                plot.text(
                    Text::new(
                        format!("label-{i}"),
                        PlotPoint::new(high + right * 0.03, y),
                        RichText::new(share_text(&r.stats.detractors, t, tt)).size(11.5).color(visuals.text_color()),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
            clicked
        })
        .inner?;
    let from_top = count as f64 - 1.0 - clicked.y;
    let row = from_top.round();
    ((from_top - row).abs() <= 0.3 && row >= 0.0).then(|| rows.get(row as usize).copied()).flatten()
}

fn nps_text(summary: Option<&crate::analysis::NpsSummary>, t: &Texts) -> String {
    summary.map_or_else(
        || "–".to_owned(),
        |s| format!("{} ({}), n = {}", t.signed(s.nps), super::dashboard::nps_range(s, t), s.n),
    )
}

#[allow(clippy::too_many_arguments)]
fn table(
    ui: &mut egui::Ui,
    summary: &ThemeSummary,
    settings: &ViewSettings,
    lang: Language,
    t: &Texts,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let current = selected(summary, settings).map(|r| r.theme.clone());
    egui::Grid::new("themes-table").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        for header in [
            tt.col_theme,
            tt.col_mentions,
            tt.col_detractors,
            tt.col_passives,
            tt.col_promoters,
            tt.col_over,
            tt.col_nps_with,
            tt.col_nps_without,
            tt.col_impact,
            "",
        ] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for r in &summary.themes {
            let label = r.labels.get(lang);
            if ui.selectable_label(current.as_ref() == Some(&r.theme), label).clicked() {
                commands.push(AppCommand::SelectTheme(Some(r.theme.to_string())));
            }
            ui.label(r.mentions.to_string());
            ui.label(share_text(&r.stats.detractors, t, tt));
            ui.label(share_text(&r.stats.passives, t, tt));
            ui.label(share_text(&r.stats.promoters, t, tt));
            let difference = format!("{} pp", t.signed(100.0 * r.stats.difference));
            match r.stats.representation {
                Representation::Over => {
                    let colour = theme::tone_colour(Tone::Detractor, ui.visuals());
                    ui.label(RichText::new(format!("{difference} *")).color(colour).strong());
                }
                Representation::Under => {
                    let colour = theme::tone_colour(Tone::Promoter, ui.visuals());
                    ui.label(RichText::new(format!("{difference} *")).color(colour));
                }
                Representation::None => {
                    ui.label(difference);
                }
            }
            ui.label(nps_text(r.with.as_ref(), t));
            ui.label(nps_text(r.without.as_ref(), t));
            let impact = r.impact.map_or_else(
                || "–".to_owned(),
                |i| format!("{} ({} – {})", t.signed(i.impact), t.signed(i.ci_low), t.signed(i.ci_high)),
            );
            let impact_label = ui.label(if r.nps_significant { format!("{impact} *") } else { impact });
            if let (Some(i), Some(adjusted)) = (r.impact, r.nps_p_adjusted) {
                impact_label.on_hover_text(format!(
                    "p = {} · p (Holm) = {} ({})",
                    t.number(i.p_value, 4),
                    t.number(adjusted, 4),
                    i.method
                ));
            }
            let text = fill(tt.show_theme_responses, &[("count", &r.positions.len().to_string())]);
            let button = ui.small_button(&text);
            let name = format!("{text}: {label}");
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if button.clicked() {
                commands.push(AppCommand::ShowThemeResponses(r.theme.to_string()));
            }
            ui.end_row();
        }
    });
}

fn quotes(ui: &mut egui::Ui, row: &ThemeRow, lang: Language, tt: &ThemeTexts, commands: &mut Vec<AppCommand>) {
    let label = row.labels.get(lang);
    ui.label(RichText::new(fill(tt.quotes_title, &[("theme", label)])).heading());
    if row.quotes.is_empty() {
        ui.label(tt.no_quotes);
    }
    for quote in &row.quotes {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.label(RichText::new(format!("“{}”", quote.text)).italics());
            let tone = crate::chart::Tone::of_score(usize::from(quote.score));
            let line = fill(tt.quote_line, &[("row", &quote.row.to_string()), ("score", &quote.score.to_string())]);
            ui.label(RichText::new(line).size(theme::FOOTNOTE_SIZE).color(theme::tone_colour(tone, ui.visuals())));
        });
    }
    let text = fill(tt.show_theme_responses, &[("count", &row.positions.len().to_string())]);
    if ui.button(&text).clicked() {
        commands.push(AppCommand::ShowThemeResponses(row.theme.to_string()));
    }
}

fn discovered(
    ui: &mut egui::Ui,
    tags: &ThemeTags,
    codebook: &Codebook,
    lang: Language,
    t: &Texts,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    ui.label(RichText::new(tt.discovered_title).heading());
    ui.label(RichText::new(tt.discovered_note).size(theme::FOOTNOTE_SIZE).weak());
    egui::Grid::new("discovered-phrases").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        for header in [tt.col_phrase, tt.col_language, tt.col_z, ""] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for phrase in tags.discovered.iter().take(PHRASES_SHOWN) {
            ui.label(&phrase.display);
            ui.label(phrase.language.code());
            ui.label(t.number(phrase.z, 1));
            match &phrase.covered_by {
                Some(id) => {
                    let label = codebook.get(id).map_or(id.as_str(), |th| th.labels.get(lang));
                    ui.label(RichText::new(fill(tt.covered_by, &[("theme", label)])).weak());
                }
                None => {
                    let button = ui.small_button(tt.make_theme);
                    let name = format!("{}: {}", tt.make_theme, phrase.display);
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if button.clicked() {
                        commands.push(AppCommand::EditCodebook(CodebookEdit::FromPhrase(phrase.key.clone())));
                    }
                }
            }
            ui.end_row();
        }
    });
}

fn codebook_editor(
    ui: &mut egui::Ui,
    drafts: &mut Drafts,
    codebook: &Codebook,
    lang: Language,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    egui::CollapsingHeader::new(RichText::new(tt.codebook_title).heading()).id_salt("codebook").show(ui, |ui| {
        ui.label(RichText::new(tt.codebook_note).size(theme::FOOTNOTE_SIZE).weak());
        ui.horizontal_wrapped(|ui| {
            if let Some(label) = drafts
                .field(ui, egui::Id::unique("codebook-new-theme"), "", 200.0, tt.new_theme_label)
                .filter(|l| !l.is_empty())
            {
                commands.push(AppCommand::EditCodebook(CodebookEdit::Add(label)));
            }
            if ui.button(tt.add_theme).clicked() {
                commands.push(AppCommand::EditCodebook(CodebookEdit::Add(tt.new_theme_label.to_owned())));
            }
            if ui.button(tt.import_codebook).clicked() {
                commands.push(AppCommand::ImportCodebook);
            }
            if ui.button(tt.export_codebook).clicked() {
                commands.push(AppCommand::ExportCodebook);
            }
            if ui.button(tt.reset_codebook).clicked() {
                commands.push(AppCommand::EditCodebook(CodebookEdit::Reset));
            }
        });
        for theme in codebook.themes() {
            let id = &theme.id;
            egui::CollapsingHeader::new(theme.labels.get(lang)).id_salt(("codebook-theme", id.as_str())).show(
                ui,
                |ui| {
                    egui::Grid::new(("codebook-grid", id.as_str())).spacing([10.0, 4.0]).show(ui, |ui| {
                        for language in Language::KNOWN {
                            let code = language.code();
                            let label_name = fill(tt.label_in, &[("language", code)]);
                            ui.label(&label_name);
                            let current = match language {
                                Language::English => theme.labels.en.as_str(),
                                Language::Dutch => theme.labels.nl.as_str(),
                                Language::Danish => theme.labels.da.as_str(),
                                _ => theme.labels.de.as_str(),
                            };
                            let field = egui::Id::unique(("codebook-label", id.as_str(), code));
                            if let Some(label) = drafts.field(ui, field, current, 180.0, &label_name) {
                                commands.push(AppCommand::EditCodebook(CodebookEdit::Rename(
                                    id.clone(),
                                    language,
                                    label,
                                )));
                            }
                            let keywords_name = fill(tt.keywords_in, &[("language", code)]);
                            ui.label(&keywords_name);
                            let current: Vec<&str> = theme.keywords_in(language).map(|k| k.text.as_str()).collect();
                            let current = current.join(", ");
                            let field = egui::Id::unique(("codebook-keywords", id.as_str(), code));
                            if let Some(text) = drafts.field(ui, field, &current, 420.0, &keywords_name) {
                                commands.push(AppCommand::EditCodebook(CodebookEdit::SetKeywords(
                                    id.clone(),
                                    language,
                                    text,
                                )));
                            }
                            ui.end_row();
                        }
                    });
                    ui.horizontal(|ui| {
                        egui::ComboBox::from_id_salt(("merge", id.as_str())).selected_text(tt.merge_into).show_ui(
                            ui,
                            |ui| {
                                for other in codebook.themes().iter().filter(|o| o.id != *id) {
                                    if ui.selectable_label(false, other.labels.get(lang)).clicked() {
                                        let edit = CodebookEdit::Merge(other.id.clone(), id.clone());
                                        commands.push(AppCommand::EditCodebook(edit));
                                    }
                                }
                            },
                        );
                        if ui.button(tt.remove_theme).clicked() {
                            commands.push(AppCommand::EditCodebook(CodebookEdit::Remove(id.clone())));
                        }
                    });
                },
            );
        }
    });
}

/// The Overview's three themes detractors mention most, each opening its responses.
pub fn top_themes(
    ui: &mut egui::Ui,
    summary: &ThemeSummary,
    language: UiLanguage,
    t: &Texts,
    commands: &mut Vec<AppCommand>,
) {
    let tt = ThemeTexts::of(language);
    let lang = language.comment_language();
    ui.label(RichText::new(tt.top_themes_title).heading());
    let mut quoted: Vec<u32> = Vec::new();
    for row in summary.themes.iter().filter(|r| r.stats.detractors.mentions > 0).take(3) {
        let label = row.labels.get(lang);
        let button = ui.link(RichText::new(label).strong().size(15.0));
        let name = format!("{}: {label}", tt.top_themes_title);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
        if button.clicked() {
            commands.push(AppCommand::ShowThemeResponses(row.theme.to_string()));
        }
        let d = &row.stats.detractors;
        let line = fill(
            tt.top_theme_line,
            &[
                ("share", &t.percent(100.0 * d.share)),
                ("low", &t.number(100.0 * d.interval.low, 1)),
                ("high", &t.percent(100.0 * d.interval.high)),
                ("n", &d.respondents.to_string()),
            ],
        );
        ui.label(RichText::new(line).size(theme::FOOTNOTE_SIZE));
        if let Some(quote) = row.quotes.iter().find(|q| !quoted.contains(&q.position)) {
            quoted.push(quote.position);
            ui.label(RichText::new(format!("“{}”", quote.text)).italics().size(theme::FOOTNOTE_SIZE).weak());
        }
        ui.add_space(6.0);
    }
}

/// The label of a theme id in `language` (the id when the codebook no longer has it).
#[must_use]
pub fn theme_label(codebook: &Codebook, id: &str, language: UiLanguage) -> String {
    ThemeId::new(id)
        .ok()
        .and_then(|id| codebook.get(&id).map(|t| t.labels.get(language.comment_language()).to_owned()))
        .unwrap_or_else(|| id.to_owned())
}
