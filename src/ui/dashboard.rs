//! The dashboard (the Overview): where the data came from, the headline (NPS with its interval and
//! n, the groups' shares, the change since the previous period, the overall benchmark verdict),
//! the mean, CES/CSAT/grade cards, the sectors' benchmark verdicts, the response rate, the 0-10
//! distribution beside the top detractor themes, and the excluded-rows notice and window.

use crate::app::{ViewCommand, WindowCommand};
use eframe::egui::{self, RichText, Role, WidgetInfo};

use super::help::{Topic, tip};
use super::{ViewContext, export_menu, plot, theme};
use crate::analysis::{MetricSummary, NpsSummary};
use crate::app::AppCommand;
use crate::app::View;
use crate::figures::{FigureContext, Words, distribution_figure, headline_figure, overall_table, quality_table};
use crate::i18n::export::ExportTexts;
use crate::i18n::{Texts, fill};
use crate::report::BreakdownRow;
use crate::report::{Overall, Report};

/// The Overview: the headline, metric cards, the response rate, the distribution and the top themes; the
/// Invitations window it opens.
#[derive(Debug, Default)]
pub struct OverviewView {
    invited: super::project::InvitedEditor,
}

impl OverviewView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        let (loaded, computed) = (cx.loaded, cx.computed);
        let overall = computed.and_then(|c| c.results.overall.as_ref()).unwrap_or(&loaded.report.overall);
        let sectors = computed.map_or(&[][..], |c| &c.results.sectors[..]);
        let context = crate::app::export::figure_context(loaded, &cx.views.filter);
        let top = cx.themes.summary().map(|s| (s, cx.language));
        let rates = computed.and_then(|c| c.results.response_rates.as_ref());
        let p = crate::i18n::ProjectTexts::of(cx.language);
        let rate_block = |ui: &mut egui::Ui, editor: &mut super::project::InvitedEditor| {
            super::project::rate_block(ui, rates, cx.t, p, editor);
        };
        let invited = &mut self.invited;
        // The trend of the same answers as the overall: the computed view's, or the report's own
        // while nothing is computed.
        let trend = match computed {
            Some(c) if c.results.overall.is_some() => c.results.trend.as_deref(),
            _ => loaded.report.trend.as_deref(),
        };
        let overview = Overview {
            report: &loaded.report,
            overall,
            sectors,
            trend,
            context: &context,
            top_themes: top,
            language: cx.language,
            survey: &loaded.survey,
        };
        dashboard(ui, &overview, |ui| rate_block(ui, invited), cx.t, cx.x, commands);
        self.invited.ui(ui.ctx(), cx, commands);
    }
}

/// What the Overview shows.
struct Overview<'a> {
    report: &'a Report,
    overall: &'a Overall,
    sectors: &'a [BreakdownRow],
    /// The trend of the answers shown (the change since the previous period comes from it).
    trend: Option<&'a [crate::analysis::TrendPoint]>,
    context: &'a FigureContext,
    top_themes: Option<(&'a crate::analysis::ThemeSummary, crate::i18n::Language)>,
    /// The window's language.
    language: crate::i18n::Language,
    /// The survey shown (its weights, for their export).
    survey: &'a crate::analysis::Survey,
}

/// Draws the Overview of a report: `overall` follows the filter (the report's own overall when
/// nothing is computed yet); `context` words the footnotes; `rate_block` draws the response rate
/// under the cards.
fn dashboard(
    ui: &mut egui::Ui,
    overview: &Overview<'_>,
    rate_block: impl FnOnce(&mut egui::Ui),
    t: &'static Texts,
    x: &'static ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    let Overview { report, overall, sectors, trend, context, top_themes, language, survey } = *overview;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        source_line(ui, report, t, commands);
        // Weighted to the population: how, and what it costs in precision.
        if let Some(raking) = &report.raking {
            ui.horizontal_wrapped(|ui| {
                for line in crate::notices::raking_lines(raking, language) {
                    ui.label(RichText::new(line).weak());
                }
                // The weights as a column, for the client's own tools.
                let d = crate::i18n::drivers::DriverTexts::of(language);
                let rows = || crate::analysis::weighting::weight_rows(survey).unwrap_or_default();
                super::export_menu::table_menu(
                    ui,
                    d.weights_title,
                    || crate::figures::weights_table(&rows(), d),
                    x,
                    commands,
                );
            });
        }
        ui.add_space(10.0);
        let words = Words { texts: t, export: x };
        let headline = headline_figure(overall, overall.benchmark.as_ref(), trend, context, &words);
        ui.horizontal(|ui| {
            ui.label(RichText::new(x.table_overall).strong());
            export_menu::table_menu(
                ui,
                x.table_overall,
                || overall_table(overall, &overall.metrics, Some(report.rows_read), &words),
                x,
                commands,
            );
            export_menu::chart_menu(ui, &headline, x, commands);
        });
        super::headline::show(ui, &headline, t);
        metric_cards(ui, overall, t);
        benchmark_line(ui, sectors, t, commands);
        rate_block(ui);
        ui.add_space(14.0);
        let words = Words { texts: t, export: x };
        let chart = distribution_figure(overall, overall.benchmark.as_ref(), context, &words);
        // The chart fits in what is left of the window below the cards (measured from the top of
        // the scrolled content, so it keeps its size while the view scrolls); its title and
        // legend take about 60 points.
        let room = ui.clip_rect().height() - (ui.cursor().top() - ui.min_rect().top()) - 60.0;
        let distribution = |ui: &mut egui::Ui, commands: &mut Vec<AppCommand>| {
            plot::chart_within(ui, &chart, |ui| export_menu::chart_menu(ui, &chart, x, commands), Some(room));
        };
        match top_themes.filter(|(s, _)| s.complaints.iter().any(|r| r.stats.detractors.mentions > 0)) {
            Some((summary, language)) => {
                ui.horizontal_top(|ui| {
                    let size = egui::vec2((ui.available_width() * 0.64).max(360.0), ui.available_height().max(260.0));
                    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
                        distribution(ui, commands);
                    });
                    ui.add_space(16.0);
                    ui.vertical(|ui| super::themes::top_themes(ui, summary, language, t, commands));
                });
            }
            None => distribution(ui, commands),
        }
    });
}

/// The mean score's card, then CES, CSAT and grade, when the file has them.
fn metric_cards(ui: &mut egui::Ui, overall: &Overall, t: &Texts) {
    let metrics: Vec<&MetricSummary> =
        [&overall.metrics.ces, &overall.metrics.csat, &overall.metrics.grade].into_iter().flatten().collect();
    ui.add_space(12.0);
    let mut cards = vec![mean_card(overall, t)];
    {
        for m in metrics {
            let title = t.metric_title(m.kind);
            let mean_interval = match (m.mean_low, m.mean_high) {
                (Some(low), Some(high)) => {
                    fill(t.mean_interval, &[("low", &t.number(low, 2)), ("high", &t.number(high, 2))])
                }
                _ => t.missing_interval(m.mean_interval_note).to_owned(),
            };
            let mut details = vec![mean_interval, t.metric_share(m)];
            details.push(match m.effective_n {
                Some(n_eff) => fill(t.effective_n, &[("n", &t.count(n_eff.round() as u64))]),
                None => fill(t.n_responses, &[("n", &t.count(m.n))]),
            });
            cards.push(Card { title: title.to_owned(), value: t.number(m.mean, 2), details, accent: None, tip: None });
        }
    }
    card_grid(ui, &cards, t.help);
}

/// The sectors' benchmark verdicts in one line (the overall one is in the headline).
fn benchmark_line(ui: &mut egui::Ui, sectors: &[BreakdownRow], t: &Texts, commands: &mut Vec<AppCommand>) {
    // The overall verdict is the headline's; here each sector's.
    let compared: Vec<(&str, &crate::benchmarks::Comparison)> =
        sectors.iter().filter_map(|r| r.benchmark.as_ref().map(|c| (r.value.as_str(), c))).collect();
    if compared.is_empty() {
        return;
    }
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        if ui.link(RichText::new(t.bench_title).strong()).clicked() {
            commands.push(AppCommand::View(ViewCommand::SetView(View::Benchmarks)));
        }
        for (what, c) in compared {
            ui.label(format!("{what}:"));
            ui.label(super::bench::verdict_label(c.verdict, t, ui.visuals())).on_hover_text(format!(
                "{} {} · {} {}",
                t.sector_name(&c.sector),
                t.published(c),
                c.source,
                c.year
            ));
            ui.add_space(6.0);
        }
    });
}

/// What one KPI card shows.
struct Card {
    title: String,
    value: String,
    details: Vec<String>,
    accent: Option<egui::Color32>,
    /// Plain-language help on hover.
    tip: Option<(String, Topic)>,
}

/// Cards in rows that fit the width (a wrapped layout cannot know a card's width in advance).
fn card_grid(ui: &mut egui::Ui, cards: &[Card], h: &crate::i18n::HelpTexts) {
    const GAP: f32 = 12.0;
    let outer = theme::KPI_CARD_WIDTH + 26.0;
    let per_row = (((ui.available_width() + GAP) / (outer + GAP)).floor() as usize).max(1);
    for (i, row) in cards.chunks(per_row).enumerate() {
        if i > 0 {
            ui.add_space(GAP);
        }
        ui.horizontal(|ui| {
            ui.spacing_mut().item_spacing = egui::vec2(GAP, GAP);
            for c in row {
                let response = card(ui, &c.title, &c.value, &c.details, c.accent);
                if let Some((text, topic)) = &c.tip {
                    tip(response, text, *topic, h);
                }
            }
        });
    }
}

fn file_label(report: &Report) -> String {
    match &report.source.sheet {
        Some(sheet) => format!("{} › {sheet}", report.source.file),
        None => report.source.file.clone(),
    }
}

fn source_line(ui: &mut egui::Ui, report: &Report, t: &Texts, commands: &mut Vec<AppCommand>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(fill(
            t.source_line,
            &[
                ("file", &file_label(report)),
                ("column", &report.columns.score),
                ("used", &t.count(report.rows_used as u64)),
                ("read", &t.count(report.rows_read as u64)),
            ],
        )));
        let excluded = report.rows_read - report.rows_used;
        if excluded == 0 {
            ui.label(RichText::new(t.nothing_excluded).weak());
        } else if tip(
            ui.link(t.plural(t.excluded_notice, excluded as u64, &[])),
            t.help.tip_excluded,
            Topic::Excluded,
            t.help,
        )
        .clicked()
        {
            commands.push(AppCommand::Window(WindowCommand::ShowExclusions(true)));
        }
    });
}

/// One KPI card: title, big value (its accessible name is "title: value"), detail lines.
fn card(
    ui: &mut egui::Ui,
    title: &str,
    value: &str,
    details: &[String],
    accent: Option<egui::Color32>,
) -> egui::Response {
    egui::Frame::group(ui.style())
        .inner_margin(egui::Margin::same(12))
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(theme::KPI_CARD_WIDTH);
            ui.set_min_height(theme::KPI_CARD_HEIGHT);
            ui.vertical(|ui| {
                ui.label(RichText::new(title).strong());
                let mut text = RichText::new(value).size(theme::KPI_VALUE_SIZE).strong();
                if let Some(colour) = accent {
                    text = text.color(colour);
                }
                let response = ui.label(text);
                let name = format!("{title}: {value}");
                response.widget_info(move || WidgetInfo::labeled(Role::Label, true, &name));
                for line in details {
                    ui.label(RichText::new(line).weak());
                }
            });
        })
        .response
}

/// The mean score (0-10) with its interval and n.
fn mean_card(o: &Overall, t: &Texts) -> Card {
    let mut details = Vec::new();
    match (o.mean_low, o.mean_high) {
        (Some(low), Some(high)) => {
            details.push(fill(t.interval, &[("low", &t.number(low, 2)), ("high", &t.number(high, 2))]));
        }
        _ => details.push(t.missing_interval(o.mean_interval_note).to_owned()),
    }
    details.push(fill(t.mean_detail, &[("n", &t.count(o.n))]));
    Card { title: t.mean.to_owned(), value: t.number(o.mean, 2), details, accent: None, tip: None }
}

/// The NPS's 95% interval as a table cell writes it (`-12 – +30`), or why there is none.
#[must_use]
pub fn nps_range(s: &NpsSummary, t: &Texts) -> String {
    match (s.ci_low, s.ci_high) {
        (Some(low), Some(high)) => format!("{} – {}", t.signed(low), t.signed(high)),
        _ => t.missing_interval(s.interval_note).to_owned(),
    }
}

/// The window listing excluded rows by reason, with example row numbers and values.
pub fn exclusions_window(
    ctx: &egui::Context,
    report: &Report,
    t: &'static Texts,
    x: &'static ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    let mut open = true;
    egui::Window::new(t.exclusions_title).open(&mut open).resizable(true).default_width(560.0).show(ctx, |ui| {
        ui.horizontal(|ui| {
            ui.label(fill(t.exclusions_note, &[("header", &report.source.header_row.to_string())]));
            let words = Words { texts: t, export: x };
            export_menu::table_menu(ui, x.table_quality, || quality_table(&report.excluded, &words), x, commands);
        });
        ui.add_space(6.0);
        egui::Grid::new("exclusions").striped(true).num_columns(3).spacing([16.0, 6.0]).show(ui, |ui| {
            ui.label(RichText::new(t.reason).strong());
            ui.label(RichText::new(t.rows).strong());
            ui.label(RichText::new(t.examples).strong());
            ui.end_row();
            for group in &report.excluded {
                ui.label(t.exclusion_reason(group.reason));
                ui.label(t.count(group.rows as u64));
                let examples: Vec<String> = group
                    .examples
                    .iter()
                    .zip(&group.values)
                    .map(|(row, value)| {
                        if value.trim().is_empty() {
                            format!("{} {row}", t.row)
                        } else {
                            format!("{} {row}: '{value}'", t.row)
                        }
                    })
                    .collect();
                ui.label(examples.join(", "));
                ui.end_row();
            }
        });
        ui.add_space(6.0);
        if ui.button(t.close).clicked() {
            commands.push(AppCommand::Window(WindowCommand::ShowExclusions(false)));
        }
    });
    if !open {
        commands.push(AppCommand::Window(WindowCommand::ShowExclusions(false)));
    }
}
