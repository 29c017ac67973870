//! The Themes view (the sector codebook picker with what the benchmark sector proposes, the
//! detractor themes chart with Wilson whiskers, the table, quotes of the selected theme,
//! discovered phrases, the codebook editor with Undo) and the Overview's top detractor themes.
//!
//! Draws plain result structs ([`ThemeSummary`], [`ThemeTags`], the codebook) and returns
//! commands; never touches polars.

use crate::app::{ThemeCommand, ViewCommand};
use eframe::egui::{self, RichText};

use super::fields::Drafts;
use super::{ViewContext, theme};
use crate::analysis::{ThemeRow, ThemeSummary, ThemeTags};
use crate::app::themes::CodebookEdit;
use crate::app::{AppCommand, LoadedSurvey, ThemeState, ViewSettings};
use crate::chart::Tone;
use crate::figures::{share_in, share_label};
use crate::i18n::themes::ThemeTexts;
use crate::i18n::{Language as UiLanguage, Texts, fill};
use crate::themes::{Codebook, Language, Preset, Representation, ThemeId};

/// Discovered phrases listed.
const PHRASES_SHOWN: usize = 12;

/// The theme shown in the quotes panel: the one chosen, else the first.
fn selected<'a>(summary: &'a ThemeSummary, settings: &ViewSettings) -> Option<&'a ThemeRow> {
    // Without a choice, the theme most complained about (the chart's first bar).
    let chosen = settings.theme.as_deref().or_else(|| summary.complaints.first().map(|r| r.theme.as_str()));
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
        (tt.reading_stopped, tt.read_comments, AppCommand::Themes(ThemeCommand::ResumeReading))
    } else {
        (tt.reading_comments, t.cancel, AppCommand::Themes(ThemeCommand::StopReading))
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
        themes_view(ui, &mut self.drafts, cx, commands);
    }
}

/// The sector codebook in use, a picker to change it, and what the benchmark sector proposes.
fn preset_row(
    ui: &mut egui::Ui,
    state: &ThemeState,
    proposed: Option<(String, Preset)>,
    language: UiLanguage,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let lang = language.comment_language();
    let current = state.preset();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(tt.preset_label).strong());
        let name = format!("{}: {}", tt.preset_label, current.label(lang));
        let combo =
            egui::ComboBox::from_id_salt("codebook-preset").selected_text(current.label(lang)).show_ui(ui, |ui| {
                for preset in Preset::all() {
                    if ui.selectable_label(preset == current, preset.label(lang)).clicked() && preset != current {
                        commands.push(AppCommand::Themes(ThemeCommand::UsePreset(preset)));
                    }
                }
            });
        let response = combo.response.on_hover_text(tt.preset_hover);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        match proposed {
            Some((sector, preset)) if preset == current => {
                ui.label(RichText::new(fill(tt.preset_proposed, &[("sector", &sector)])).weak());
            }
            Some((sector, preset)) => {
                let offer = fill(tt.preset_offer, &[("sector", &sector), ("preset", preset.label(lang))]);
                ui.label(offer);
                if ui.button(tt.use_preset).clicked() {
                    commands.push(AppCommand::Themes(ThemeCommand::UsePreset(preset)));
                }
            }
            None => {}
        }
    });
    ui.add_space(6.0);
}

fn themes_view(ui: &mut egui::Ui, drafts: &mut Drafts, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
    let (loaded, settings, state, language, t) = (cx.loaded, cx.views, cx.themes, cx.language, cx.t);
    let tt = ThemeTexts::of(language);
    let lang = language.comment_language();
    if loaded.survey.comment_names.is_empty() {
        ui.label(tt.no_comments);
        return;
    }
    let proposed = crate::app::themes::proposed_preset(settings.overall_benchmark.as_deref(), cx.library);
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        preset_row(ui, state, proposed, language, tt, commands);
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
        codebook_editor(ui, drafts, state, lang, tt, commands);
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
    if summary.themes.is_empty() {
        ui.label(RichText::new(tt.chart_title).heading());
        ui.label(tt.no_theme_found);
        return;
    }
    if summary.complaints.is_empty() {
        ui.label(RichText::new(tt.chart_title).heading());
        ui.label(tt.no_complaint_found);
    }
    // The chart drawn here is the figure every export writes: one spec, two renderers.
    let x = language.export_texts();
    let words = crate::figures::Words::of(language);
    let context = crate::app::export::figure_context(loaded, &settings.filter);
    if let Some(spec) = crate::figures::themes_figure(summary, lang, &context, &words, tt) {
        let table = || crate::figures::themes_table(summary, lang, &words, tt);
        let clicked = super::plot::chart(ui, &spec, |ui| {
            super::export_menu::chart_menu(ui, &spec, x, commands);
            super::export_menu::table_menu(ui, tt.col_theme, table, x, commands);
        });
        if let Some(row) = clicked.and_then(|i| summary.complaints.get(i)) {
            commands.push(AppCommand::View(ViewCommand::SelectTheme(Some(row.theme.to_string()))));
        }
    }
    ui.add_space(10.0);
    table(ui, summary, settings, lang, t, tt, commands);
    // The view scrolls sideways for the wide table; its note wraps at the part in sight.
    note_in_sight(ui, tt.table_note);
    ui.add_space(14.0);
    // The quotes of a theme complained about are complaints, as the chart counts them.
    if let Some(row) = selected(summary, settings) {
        let complaints = summary.complaints.iter().find(|c| c.theme == row.theme);
        quotes(ui, row, complaints.unwrap_or(row), lang, t, tt, commands);
    }
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
            tt.col_complaints,
            tt.col_praise,
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
                commands.push(AppCommand::View(ViewCommand::SelectTheme(Some(r.theme.to_string()))));
            }
            ui.label(t.count(r.mentions));
            ui.label(RichText::new(t.count(r.negative)).color(theme::tone_text(Tone::Detractor, ui.visuals())));
            ui.label(RichText::new(t.count(r.positive)).color(theme::tone_text(Tone::Promoter, ui.visuals())));
            ui.label(share_label(&r.stats.detractors, t, tt));
            ui.label(share_label(&r.stats.passives, t, tt));
            ui.label(share_label(&r.stats.promoters, t, tt));
            let difference = format!("{} pp", t.signed(100.0 * r.stats.difference));
            match r.stats.representation {
                Representation::Over => {
                    let colour = theme::tone_text(Tone::Detractor, ui.visuals());
                    ui.label(RichText::new(format!("{difference} *")).color(colour).strong());
                }
                Representation::Under => {
                    let colour = theme::tone_text(Tone::Promoter, ui.visuals());
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
                    t.test_name(i.method)
                ));
            }
            let text = fill(tt.show_theme_responses, &[("count", &t.count(r.positions.len() as u64))]);
            let button = ui.small_button(&text);
            let name = format!("{text}: {label}");
            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
            if button.clicked() {
                commands.push(AppCommand::View(ViewCommand::ShowThemeResponses(r.theme.to_string())));
            }
            ui.end_row();
        }
    });
}

/// The quotes of `quoted` (a theme's complaints, or all its mentions) and the button listing
/// every response that mentions the theme (`row`, all mentions).
#[allow(clippy::too_many_arguments)]
fn quotes(
    ui: &mut egui::Ui,
    row: &ThemeRow,
    quoted: &ThemeRow,
    lang: Language,
    t: &Texts,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let label = row.labels.get(lang);
    ui.label(RichText::new(fill(tt.quotes_title, &[("theme", label)])).heading());
    if quoted.quotes.is_empty() {
        ui.label(tt.no_quotes);
    }
    for quote in &quoted.quotes {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width().min(900.0));
            ui.label(RichText::new(format!("“{}”", quote.text)).italics());
            let tone = crate::chart::Tone::of_score(usize::from(quote.score));
            let line = fill(tt.quote_line, &[("row", &quote.row.to_string()), ("score", &quote.score.to_string())]);
            ui.label(RichText::new(line).size(theme::FOOTNOTE_SIZE).color(theme::tone_text(tone, ui.visuals())));
        });
    }
    let text = fill(tt.show_theme_responses, &[("count", &t.count(row.positions.len() as u64))]);
    if ui.button(&text).clicked() {
        commands.push(AppCommand::View(ViewCommand::ShowThemeResponses(row.theme.to_string())));
    }
}

/// A footnote wrapped at the visible width: the view scrolls sideways, so the space available is
/// as wide as its widest table and a plain label would run out of sight.
fn note_in_sight(ui: &mut egui::Ui, text: &str) {
    let in_sight = (ui.clip_rect().right() - ui.cursor().left()).max(240.0);
    ui.scope(|ui| {
        ui.set_max_width(in_sight);
        ui.label(RichText::new(text).size(theme::FOOTNOTE_SIZE).weak());
    });
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
    note_in_sight(ui, tt.discovered_note);
    egui::Grid::new("discovered-phrases").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        for header in [tt.col_phrase, tt.col_language, tt.col_by_detractors, tt.col_by_promoters, tt.col_z, ""] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for phrase in tags.discovered.iter().take(PHRASES_SHOWN) {
            ui.label(&phrase.display);
            let code = phrase.language.index().map_or(tt.language_unknown, |_| phrase.language.code());
            ui.label(code);
            ui.label(t.count(phrase.detractor_count.round() as u64));
            ui.label(t.count(phrase.promoter_count.round() as u64));
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
                        commands
                            .push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::FromPhrase(phrase.key.clone()))));
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
    state: &ThemeState,
    lang: Language,
    tt: &ThemeTexts,
    commands: &mut Vec<AppCommand>,
) {
    let (codebook, can_undo) = (&state.codebook, state.can_undo());
    egui::CollapsingHeader::new(RichText::new(tt.codebook_title).heading()).id_salt("codebook").show(ui, |ui| {
        note_in_sight(ui, tt.codebook_note);
        // Where the codebook is kept, and the one explicit way to share it with other files.
        ui.horizontal_wrapped(|ui| {
            let shared = state.has_default();
            ui.label(RichText::new(if shared { tt.codebook_kept_default } else { tt.codebook_kept }).weak());
            if ui.small_button(tt.share_codebook).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::ShareAsDefault));
            }
            if shared && ui.small_button(tt.stop_sharing_codebook).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::StopSharing));
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(label) = drafts
                .field_with_hint(
                    ui,
                    egui::Id::unique("codebook-new-theme"),
                    220.0,
                    tt.new_theme_hint,
                    tt.new_theme_label,
                )
                .filter(|l| !l.is_empty())
            {
                commands.push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::Add(label))));
            }
            if ui.button(tt.import_codebook).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::Import));
            }
            if ui.button(tt.export_codebook).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::Export));
            }
            if ui.button(tt.reset_codebook).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::Reset)));
            }
            if ui.add_enabled(can_undo, egui::Button::new(tt.undo_codebook)).clicked() {
                commands.push(AppCommand::Themes(ThemeCommand::Undo));
            }
        });
        // The label column's width, set by dragging its splitter (or its arrow keys), is one
        // for every theme and kept between runs.
        let width_id = egui::Id::unique("codebook-label-width");
        let mut label_width = ui.data_mut(|d| d.get_persisted::<f32>(width_id)).unwrap_or(LABEL_WIDTH);
        for theme in codebook.themes() {
            let id = &theme.id;
            egui::CollapsingHeader::new(theme.labels.get(lang)).id_salt(("codebook-theme", id.as_str())).show(
                ui,
                |ui| {
                    let row_height = ui.spacing().interact_size.y;
                    egui::Grid::new(("codebook-table", id.as_str())).num_columns(3).spacing([10.0, 6.0]).show(
                        ui,
                        |ui| {
                            ui.label(RichText::new(tt.col_language).strong());
                            ui.horizontal(|ui| {
                                let header = egui::Layout::left_to_right(egui::Align::Center);
                                ui.allocate_ui_with_layout(egui::vec2(label_width - 14.0, row_height), header, |ui| {
                                    ui.set_min_width(label_width - 14.0);
                                    ui.label(RichText::new(tt.col_label).strong());
                                });
                                column_handle(ui, &mut label_width, tt.label_column_width);
                            });
                            ui.label(RichText::new(tt.col_keywords).strong());
                            ui.end_row();
                            for language in Language::KNOWN {
                                let code = language.code();
                                let label_name = fill(tt.label_in, &[("language", code)]);
                                ui.label(code);
                                let current = match language {
                                    Language::English => theme.labels.en.as_str(),
                                    Language::Dutch => theme.labels.nl.as_str(),
                                    Language::Danish => theme.labels.da.as_str(),
                                    _ => theme.labels.de.as_str(),
                                };
                                let field = egui::Id::unique(("codebook-label", id.as_str(), code));
                                if let Some(label) = drafts.field(ui, field, current, label_width, &label_name) {
                                    commands.push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::Rename(
                                        id.clone(),
                                        language,
                                        label,
                                    ))));
                                }
                                let keywords_name = fill(tt.keywords_in, &[("language", code)]);
                                let current: Vec<&str> = theme.keywords_in(language).map(|k| k.text.as_str()).collect();
                                let field = egui::Id::unique(("codebook-keywords", id.as_str(), code));
                                if let Some(text) =
                                    drafts.wrapping_field(ui, field, &current.join(", "), &keywords_name)
                                {
                                    commands.push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::SetKeywords(
                                        id.clone(),
                                        language,
                                        text,
                                    ))));
                                }
                                ui.end_row();
                            }
                        },
                    );
                    ui.add_space(4.0);
                    ui.horizontal(|ui| {
                        let merge = egui::ComboBox::from_id_salt(("merge", id.as_str()))
                            .selected_text(tt.merge_into)
                            .show_ui(ui, |ui| {
                                for other in codebook.themes().iter().filter(|o| o.id != *id) {
                                    if ui.selectable_label(false, other.labels.get(lang)).clicked() {
                                        let edit = CodebookEdit::Merge(other.id.clone(), id.clone());
                                        commands.push(AppCommand::Themes(ThemeCommand::Edit(edit)));
                                    }
                                }
                            });
                        let name = format!("{} {}", tt.merge_into, theme.labels.get(lang));
                        merge.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
                        if ui.button(tt.remove_theme).clicked() {
                            commands.push(AppCommand::Themes(ThemeCommand::Edit(CodebookEdit::Remove(id.clone()))));
                        }
                    });
                },
            );
        }
        ui.data_mut(|d| d.insert_persisted(width_id, label_width));
    });
}

/// Widths the codebook's label column takes: its first width, and the narrowest and widest.
const LABEL_WIDTH: f32 = 220.0;
const LABEL_WIDTHS: std::ops::RangeInclusive<f32> = 120.0..=520.0;

/// A column splitter: dragged (or, focused, moved with the arrow keys) it sets `width`; named
/// `name` for screen readers.
fn column_handle(ui: &mut egui::Ui, width: &mut f32, name: &str) {
    let size = egui::vec2(10.0, ui.spacing().interact_size.y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click_and_drag());
    let active = response.hovered() || response.dragged() || response.has_focus();
    if active {
        ui.ctx().set_cursor_icon(egui::CursorIcon::ResizeHorizontal);
    }
    let colour = if active { ui.visuals().strong_text_color() } else { ui.visuals().weak_text_color() };
    ui.painter().vline(rect.center().x, rect.y_range(), egui::Stroke::new(if active { 2.0 } else { 1.0 }, colour));
    let mut change = if response.dragged() { response.drag_delta().x } else { 0.0 };
    if response.has_focus() {
        // The arrows move the splitter, not the focus.
        let arrows = egui::EventFilter { horizontal_arrows: true, ..Default::default() };
        ui.memory_mut(|m| m.set_focus_lock_filter(response.id, arrows));
        ui.input(|i| {
            change += 20.0
                * (f32::from(u8::from(i.key_pressed(egui::Key::ArrowRight)))
                    - f32::from(u8::from(i.key_pressed(egui::Key::ArrowLeft))));
        });
    }
    *width = (*width + change).clamp(*LABEL_WIDTHS.start(), *LABEL_WIDTHS.end());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Splitter, true, name));
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
    for row in summary.complaints.iter().filter(|r| r.stats.detractors.mentions > 0).take(3) {
        let label = row.labels.get(lang);
        let button = ui.link(RichText::new(label).strong().size(15.0));
        let name = format!("{}: {label}", tt.top_themes_title);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &name));
        if button.clicked() {
            commands.push(AppCommand::View(ViewCommand::ShowThemeResponses(row.theme.to_string())));
        }
        let line = share_in(tt.top_theme_line, &row.stats.detractors, t);
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
