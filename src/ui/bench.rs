//! The Benchmarks view: each sector of the file against its matched published benchmark, with the
//! verdict, the source, year, region and audience, and warnings; the data's context; the overall
//! benchmark; and the user's own benchmarks (add, edit, delete, import, export).

use crate::app::{BenchmarkCommand, ViewCommand};
use eframe::egui::{self, RichText};

use super::help::{Topic, tip};
use super::{ViewContext, theme};
use crate::app::{AppCommand, BenchmarkForm, Computed, ViewSettings};
use crate::benchmarks::{self, Audience, Benchmark, Comparison, DataContext, Verdict};
use crate::i18n::Texts;

/// The verdict in words, bold, in its tone's colour.
#[must_use]
pub fn verdict_label(verdict: Verdict, t: &Texts, visuals: &egui::Visuals) -> RichText {
    RichText::new(t.verdict(verdict)).strong().color(theme::tone_text(crate::figures::verdict_tone(verdict), visuals))
}

/// `Integron report 2025 · 2024 · NL · B2B · from the publisher`.
fn source_line(c: &Comparison, t: &Texts) -> String {
    let evidence = if c.evidence == "E" { t.evidence_publisher } else { t.evidence_quoted };
    format!("{} · {} · {} · {} · {evidence}", c.source, c.year, t.place_name(&c.region), t.place_name(c.audience))
}

/// Width of the source column in the sector table, in points.
const SOURCE_WIDTH: f32 = 230.0;

fn benchmark_label(b: &Benchmark, t: &Texts) -> String {
    let (sector, region, audience) =
        (t.sector_name(&b.sector), t.place_name(&b.region), t.place_name(b.audience.label()));
    format!("{sector} · {region} · {audience} · {}", b.year)
}

/// The Benchmarks view.
#[derive(Debug, Default)]
pub struct BenchmarksView;

impl BenchmarksView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        let (library, user) = (cx.library, cx.user_benchmarks);
        benchmarks_view(ui, cx.loaded, cx.views, cx.computed, library, user, cx.t, cx.x, commands);
    }
}

#[allow(clippy::too_many_arguments)] // every part of the state the view shows
fn benchmarks_view(
    ui: &mut egui::Ui,
    loaded: &crate::app::LoadedSurvey,
    settings: &ViewSettings,
    computed: Option<&Computed>,
    library: &[Benchmark],
    user: &[Benchmark],
    t: &'static Texts,
    x: &'static crate::i18n::export::ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        ui.heading(t.bench_title);
        context_line(ui, &settings.context, t, commands);
        ui.label(RichText::new(t.bench_rule).weak());
        ui.add_space(8.0);
        let Some(computed) = computed else { return };
        // The overall benchmark.
        ui.horizontal(|ui| {
            ui.label(t.bench_overall);
            let current = settings.overall_benchmark.as_deref().and_then(|id| library.iter().find(|b| b.id == id));
            let shown = current.map_or_else(|| t.bench_none.to_owned(), |b| benchmark_label(b, t));
            let combo = egui::ComboBox::from_id_salt("overall-benchmark").selected_text(&shown).width(320.0).show_ui(
                ui,
                |ui| {
                    if ui.selectable_label(current.is_none(), t.bench_none).clicked() {
                        commands.push(AppCommand::View(ViewCommand::SetOverallBenchmark(None)));
                    }
                    for b in library {
                        if ui.selectable_label(current.is_some_and(|c| c.id == b.id), benchmark_label(b, t)).clicked() {
                            commands.push(AppCommand::View(ViewCommand::SetOverallBenchmark(Some(b.id.clone()))));
                        }
                    }
                },
            );
            let name = format!("{}: {shown}", t.bench_overall);
            combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
        });
        if let Some(c) = computed.results.overall.as_ref().and_then(|o| o.benchmark.as_ref()) {
            let o = computed.results.overall.as_ref().map(|o| &o.summary);
            if let Some(o) = o {
                comparison_line(ui, t.col_nps, o, c, t);
            }
        }
        ui.add_space(8.0);
        if computed.request.benchmarks.sector_column.is_none() {
            ui.label(t.no_sector_column);
        } else {
            let words = crate::figures::Words { texts: t, export: x };
            let context = crate::app::export::figure_context(loaded, &computed.request.filter);
            let sectors = &computed.results.sectors;
            if let Some(chart) = crate::figures::benchmarks_figure(sectors, &context, &words) {
                super::plot::chart(ui, &chart, |ui| super::export_menu::chart_menu(ui, &chart, x, commands));
                ui.add_space(8.0);
            }
            super::export_menu::table_menu(
                ui,
                x.table_sectors,
                || crate::figures::sectors_table(sectors, &words),
                x,
                commands,
            );
            sector_table(ui, sectors, settings, library, t, commands);
        }
        ui.add_space(16.0);
        user_benchmarks(ui, user, t, commands);
    });
}

fn context_line(ui: &mut egui::Ui, context: &DataContext, t: &Texts, commands: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        ui.label(t.bench_context);
        let mut region = context.region.clone().unwrap_or_default();
        let response = ui.add(egui::TextEdit::singleline(&mut region).desired_width(60.0).hint_text("NL"));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, t.bench_context));
        if response.changed() {
            let region = Some(region.trim().to_uppercase()).filter(|r| !r.is_empty());
            commands.push(AppCommand::View(ViewCommand::SetContext(DataContext { region, ..context.clone() })));
        }
        ui.label(t.bench_audience);
        for (choice, label) in [(None, t.audience_unset), (Some(Audience::B2b), "B2B"), (Some(Audience::B2c), "B2C")] {
            if ui.selectable_label(context.audience == choice, label).clicked() {
                commands.push(AppCommand::View(ViewCommand::SetContext(DataContext {
                    audience: choice,
                    ..context.clone()
                })));
            }
        }
    });
}

#[allow(clippy::too_many_arguments)] // one line of the table, every figure it shows
fn comparison_line(ui: &mut egui::Ui, what: &str, s: &crate::analysis::NpsSummary, c: &Comparison, t: &Texts) {
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{what} {} ({}, n = {})", t.signed(s.nps), super::dashboard::nps_range(s, t), s.n));
        tip(ui.label(verdict_label(c.verdict, t, ui.visuals())), t.help.tip_verdict, Topic::Verdicts, t.help);
        ui.label(format!("{} {}", t.sector_name(&c.sector), t.published(c)));
        ui.label(RichText::new(source_line(c, t)).weak());
    });
    for w in &c.warnings {
        ui.label(RichText::new(format!("• {}", t.caveat(w))).weak());
    }
}

fn sector_table(
    ui: &mut egui::Ui,
    rows: &[crate::report::BreakdownRow],
    settings: &ViewSettings,
    library: &[Benchmark],
    t: &Texts,
    commands: &mut Vec<AppCommand>,
) {
    egui::Grid::new("benchmarks-table").striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
        for h in
            [t.col_sector, t.col_n, t.col_nps, t.col_ci, t.col_benchmark, t.col_published, t.col_verdict, t.col_source]
        {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for row in rows {
            let m = &row.summary;
            ui.label(RichText::new(&row.value).strong());
            ui.label(t.count(m.n));
            ui.label(t.signed(m.nps));
            ui.label(super::dashboard::nps_range(m, t));
            let current = row.benchmark.as_ref();
            let shown = current.map_or_else(
                || t.bench_none.to_owned(),
                |c| format!("{} · {} · {}", t.sector_name(&c.sector), t.place_name(&c.region), c.year),
            );
            let candidates = benchmarks::candidates(&row.value, library, &settings.context);
            // The match and, beside it, the button that edits the matched figure: one column.
            ui.horizontal(|ui| {
                let combo = egui::ComboBox::from_id_salt(("match", &row.value))
                    .selected_text(&shown)
                    .width(220.0)
                    .show_ui(ui, |ui| {
                        if ui.selectable_label(current.is_none(), t.bench_none).clicked() {
                            commands.push(AppCommand::View(ViewCommand::SetMatch(row.value.clone(), "-".to_owned())));
                        }
                        for b in candidates
                            .iter()
                            .copied()
                            .chain(library.iter().filter(|b| !candidates.iter().any(|c| c.id == b.id)))
                        {
                            if ui
                                .selectable_label(current.is_some_and(|c| c.id == b.id), benchmark_label(b, t))
                                .clicked()
                            {
                                commands.push(AppCommand::View(ViewCommand::SetMatch(row.value.clone(), b.id.clone())));
                            }
                        }
                    });
                let name = format!("{}: {}: {shown}", t.col_benchmark, row.value);
                combo.response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, &name));
                // Editing a bundled figure saves an own row with its id, which overrides it.
                if let Some(b) = current.and_then(|c| library.iter().find(|b| b.id == c.id)) {
                    let button = ui.small_button(t.edit);
                    let name = format!("{}: {}", t.edit, b.id);
                    button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                    if button.clicked() {
                        commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(Some(Box::new(
                            BenchmarkForm::from_benchmark(b),
                        )))));
                    }
                }
            });
            match current {
                Some(c) => {
                    ui.label(t.published(c));
                    let verdict = ui.label(verdict_label(c.verdict, t, ui.visuals()));
                    let mut lines = vec![t.help.tip_verdict.to_owned()];
                    lines.extend(c.warnings.iter().map(|w| t.caveat(w)));
                    tip(verdict, &lines.join("\n"), Topic::Verdicts, t.help);
                    // Long sources wrap in a column of their own rather than run off the window.
                    ui.vertical(|ui| {
                        ui.set_max_width(SOURCE_WIDTH);
                        ui.add(egui::Label::new(RichText::new(source_line(c, t)).weak()).wrap())
                            .on_hover_text(t.population_name(&c.population));
                    });
                }
                None => {
                    ui.label("–");
                    ui.label("–");
                    ui.label("–");
                }
            }
            ui.end_row();
        }
    });
    // Each caveat once under the table, with the sectors it applies to.
    let mut caveats: Vec<(String, Vec<&str>)> = Vec::new();
    for row in rows {
        for w in row.benchmark.iter().flat_map(|c| &c.warnings) {
            let text = t.caveat(w);
            match caveats.iter_mut().find(|(known, _)| *known == text) {
                Some((_, sectors)) => sectors.push(&row.value),
                None => caveats.push((text, vec![&row.value])),
            }
        }
    }
    if !caveats.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(t.caveats_title).strong());
    }
    for (text, sectors) in &caveats {
        let who =
            if sectors.len() == rows.len() && rows.len() > 1 { t.all_sectors.to_owned() } else { sectors.join(", ") };
        ui.label(RichText::new(format!("• {who}: {text}")).weak());
    }
}

fn user_benchmarks(ui: &mut egui::Ui, user: &[Benchmark], t: &Texts, commands: &mut Vec<AppCommand>) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(t.user_benchmarks).heading());
        if ui.button(t.add_benchmark).clicked() {
            commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(Some(Box::default()))));
        }
        if ui.button(t.import_benchmarks).clicked() {
            commands.push(AppCommand::Benchmark(BenchmarkCommand::Import));
        }
        if !user.is_empty() && ui.button(t.export_benchmarks).clicked() {
            commands.push(AppCommand::Benchmark(BenchmarkCommand::Export));
        }
    });
    if user.is_empty() {
        ui.label(RichText::new(t.no_user_benchmarks).weak());
        return;
    }
    egui::Grid::new("user-benchmarks").striped(true).spacing([14.0, 4.0]).show(ui, |ui| {
        for b in user {
            ui.label(benchmark_label(b, t));
            let (lo, hi) = b.band();
            ui.label(if b.is_point() { format!("{lo}") } else { format!("{lo} – {hi}") });
            ui.label(RichText::new(&b.source).weak());
            if ui.small_button(t.edit).clicked() {
                commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(Some(Box::new(
                    BenchmarkForm::from_benchmark(b),
                )))));
            }
            if ui.small_button(t.delete).clicked() {
                commands.push(AppCommand::Benchmark(BenchmarkCommand::Delete(b.id.clone())));
            }
            ui.end_row();
        }
    });
}

/// The add/edit window.
pub fn form_window(ctx: &egui::Context, form: &BenchmarkForm, t: &Texts, commands: &mut Vec<AppCommand>) {
    let mut edited = form.clone();
    let mut open = true;
    egui::Window::new(t.bench_form_title).open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
        egui::Grid::new("benchmark-form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
            for (label, value) in [
                (t.field_sector, &mut edited.sector),
                (t.field_synonyms, &mut edited.synonyms),
                (t.field_region, &mut edited.region),
                (t.field_year, &mut edited.year),
                (t.field_low, &mut edited.low),
                (t.field_high, &mut edited.high),
                (t.field_value, &mut edited.value),
                (t.field_source, &mut edited.source),
                (t.field_evidence, &mut edited.evidence),
                (t.field_population, &mut edited.population),
            ] {
                ui.label(label);
                let response = ui.add(egui::TextEdit::singleline(value).desired_width(260.0));
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                ui.end_row();
            }
            ui.label(t.bench_audience);
            ui.horizontal(|ui| {
                for (choice, label) in
                    [(Some(Audience::B2b), "B2B"), (Some(Audience::B2c), "B2C"), (Some(Audience::Mixed), "Mixed")]
                {
                    if ui.selectable_label(edited.audience == choice, label).clicked() {
                        edited.audience = choice;
                    }
                }
            });
            ui.end_row();
        });
        if let Some(error) = &form.error {
            ui.colored_label(theme::error_text(ui.visuals()), error);
        }
        ui.horizontal(|ui| {
            if ui.button(t.save).clicked() {
                commands.push(AppCommand::Benchmark(BenchmarkCommand::Save(Box::new(edited.clone()))));
            }
            if ui.button(t.cancel).clicked() {
                commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(None)));
            }
        });
    });
    if !open {
        commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(None)));
    } else if edited != *form
        && !commands.iter().any(|c| {
            matches!(
                c,
                AppCommand::Benchmark(BenchmarkCommand::Save(_)) | AppCommand::Benchmark(BenchmarkCommand::Edit(_))
            )
        })
    {
        commands.push(AppCommand::Benchmark(BenchmarkCommand::Edit(Some(Box::new(edited)))));
    }
}
