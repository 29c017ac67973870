//! The window, driven through its accessibility labels as a screen reader or a user would.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use nps_workbench::app::{BenchmarkCommand, LoadCommand, ThemeCommand, ViewCommand, WindowCommand};
use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nps_workbench::app::jobs::run_jobs_inline;
use nps_workbench::app::{AppCommand, LoadSource, LoadedSurvey, NoticeKind, NpsApp, Screen, Settings};
use nps_workbench::i18n::{DUTCH, ENGLISH};
use nps_workbench::import::{self, ImportOptions, Role};
use nps_workbench::report::{Report, ReportRequest, report_for_table};
use nps_workbench::sample::{SAMPLE_CSV, SAMPLE_NAME};
use nps_workbench::ui::Window;

fn sample_report() -> Report {
    let table = import::read_bytes(SAMPLE_NAME, SAMPLE_CSV.to_vec(), &ImportOptions::default(), &mut |_| true).unwrap();
    report_for_table(&table, &ReportRequest::default()).unwrap()
}

/// NPS of the sample counted independently of the import: the csv crate, a strict score rule.
fn hand_counted_sample_nps() -> (u64, f64) {
    let mut reader = csv::ReaderBuilder::new().from_reader(SAMPLE_CSV);
    let column = reader.headers().unwrap().iter().position(|h| h.contains("recommend")).unwrap();
    let (mut n, mut promoters, mut detractors) = (0u64, 0u64, 0u64);
    for record in reader.records() {
        let cell = record.unwrap()[column].trim().trim_end_matches(",0").to_owned();
        let Ok(score) = cell.parse::<u8>() else { continue };
        if score > 10 {
            continue;
        }
        n += 1;
        promoters += u64::from(score >= 9);
        detractors += u64::from(score <= 6);
    }
    (n, (promoters as f64 - detractors as f64) / n as f64 * 100.0)
}

/// A window showing the sample, its jobs run at once on the test's thread ([`run_jobs_inline`]):
/// the helpers below step it without sleeping.
fn harness_with_sample() -> Harness<'static, Window> {
    run_jobs_inline(true);
    let table = import::read_bytes(SAMPLE_NAME, SAMPLE_CSV.to_vec(), &ImportOptions::default(), &mut |_| true).unwrap();
    let library = nps_workbench::benchmarks::bundled();
    let loaded = LoadedSurvey::from_table(LoadSource::Sample, ImportOptions::default(), table, &library).unwrap();
    let mut harness =
        Harness::builder().with_size([1280.0, 820.0]).build_eframe(|_| Window::from(NpsApp::with_loaded(loaded)));
    // The views are computed on their own thread: wait for them so that nothing still spins.
    wait_for_views(&mut harness);
    harness
}

/// Frames a job started in the synchronous mode may take to be taken up: the frame that
/// starts it, the one that polls it, and those that start what follows (views, themes).
const FRAMES: usize = 12;

/// Steps the app until its load has been taken up (jobs run at once: no waiting).
fn wait_for_load(harness: &mut Harness<'_, Window>) {
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().job().is_none() {
            if harness.state().app().loaded().is_some() {
                wait_for_views(harness);
            } else {
                harness.run();
            }
            return;
        }
    }
    panic!("the load was not taken up within {FRAMES} frames");
}

#[test]
fn nps_card_shows_the_sample_value_with_interval_and_n() {
    let report = sample_report();
    let o = &report.overall;
    let (n, nps) = hand_counted_sample_nps();
    assert_eq!(o.n, n);
    assert!((o.nps - nps).abs() < 1e-9, "report {} vs hand count {nps}", o.nps);
    let harness = harness_with_sample();
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(nps)));
    let (low, high) = (o.ci_low.unwrap(), o.ci_high.unwrap());
    harness.get_by_label(&format!("95% CI {} to {}", ENGLISH.signed(low), ENGLISH.signed(high)));
    assert!(harness.query_all_by_label(&format!("n = {}", o.n)).count() >= 1);
    harness.get_by_label(&format!("Promoters (9-10): {}", ENGLISH.percent(o.promoter_pct)));
    harness.get_by_label(&format!("Detractors (0-6): {}", ENGLISH.percent(o.detractor_pct)));
    harness.get_by_label(&format!("Mean score (0-10): {}", ENGLISH.number(o.mean, 2)));
}

#[test]
fn started_without_a_file_the_window_opens_on_the_sample() {
    run_jobs_inline(true);
    let mut harness = Harness::builder().with_size([1280.0, 820.0]).build_eframe(|cc| Window::new(cc, None));
    harness.step();
    wait_for_load(&mut harness);
    let expected = sample_report();
    let loaded = harness.state().app().loaded().expect("the sample loads at start");
    assert_eq!(loaded.report.overall, expected.overall);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(expected.overall.nps)));
}

#[test]
fn the_empty_window_says_how_to_start_and_opens_the_sample_through_the_background_loader() {
    run_jobs_inline(true);
    let mut harness = Harness::builder()
        .with_size([1280.0, 820.0])
        .build_eframe(|_| Window::from(NpsApp::with_settings(Settings::default())));
    harness.run();
    assert!(harness.state().app().loaded().is_none() && harness.state().app().job().is_none());
    harness.get_by_label("No survey open yet");
    let open = harness.ctx.format_shortcut(&nps_workbench::ui::shortcuts::OPEN);
    harness.get_by_label(&format!("Open a survey file… {open}"));
    harness.get_by_label("or drop a file onto this window");
    harness.get_by_label("Try the sample survey").click();
    harness.step();
    wait_for_load(&mut harness);
    let expected = sample_report();
    let loaded = harness.state().app().loaded().expect("sample loaded");
    assert_eq!(loaded.report.overall, expected.overall);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(expected.overall.nps)));
}

#[test]
fn excluded_rows_notice_opens_the_reasons() {
    let report = sample_report();
    let excluded = report.rows_read - report.rows_used;
    assert!(excluded > 0, "the sample has dirty answers on purpose");
    let mut harness = harness_with_sample();
    harness.get_by_label(&format!("{excluded} rows excluded — show reasons")).click();
    harness.run();
    assert!(harness.state().app().show_exclusions());
    harness.get_by_label("Excluded rows");
    harness.get_by_label("Outside 0-10");
}

#[test]
fn a_failed_open_keeps_the_survey_and_explains() {
    let mut harness = harness_with_sample();
    harness
        .state_mut()
        .app_mut()
        .push(AppCommand::Load(LoadCommand::Open(LoadSource::File("/no/such/folder/clients.xlsx".into()))));
    harness.step();
    wait_for_load(&mut harness);
    let notices = harness.state().app().notices();
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::OpenFile);
    assert_eq!(notices[0].message, "clients.xlsx: cannot be read: the file does not exist");
    harness.get_by_label("Could not open the file");
    harness.get_by_label("clients.xlsx: cannot be read: the file does not exist");
    harness.get_by_label("The survey shown before is still open.");
    assert!(harness.state().app().loaded().is_some());
    harness.get_by_label("Dismiss: Could not open the file").click();
    harness.run();
    assert!(harness.state().app().notices().is_empty());
}

/// Chooses Nederlands in the View menu.
fn switch_to_dutch(harness: &mut Harness<'_, Window>) {
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Nederlands").click();
    harness.run();
}

#[test]
fn switching_to_dutch_relabels_the_cards() {
    let mut harness = harness_with_sample();
    switch_to_dutch(&mut harness);
    let o = sample_report().overall;
    harness.get_by_label(&format!("Criticasters (0-6): {}", DUTCH.percent(o.detractor_pct)));
    harness.get_by_label(&format!("Net Promoter Score: {}", DUTCH.signed(o.nps)));
    harness.get_by_label("Verdeling van de scores (0-10)");
    assert!(DUTCH.signed(o.nps).contains(','), "Dutch numbers use a decimal comma");
}

#[test]
fn an_opened_file_is_reviewed_and_a_role_can_be_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("klanten.csv");
    std::fs::write(
        &path,
        "Klant,Regio,Hoe waarschijnlijk is het dat u ons aanbeveelt?,Toelichting\n\
         A,Noord,9,Snel\nB,Zuid,4,Te duur\nC,Noord,10,\nD,Zuid,7,Prima\n",
    )
    .unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path.clone()))));
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().app().screen(), Screen::Review);
    harness.get_by_label("Check the import");
    harness.get_by_label("Layout: Table");
    harness.get_by_label("4 rows read · 4 used · 0 excluded");
    // The role dropdown says what was detected; choosing another role re-reads the file.
    harness.get_by_label("Role of column Regio: Segment").click();
    harness.run();
    harness.get_by_label("Sector").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert_eq!(loaded.report.columns.sector.as_deref(), Some("Regio"));
    assert_eq!(loaded.options.roles, [("Regio".to_owned(), Role::Sector)]);
    assert_eq!(harness.state().app().screen(), Screen::Review, "a re-read stays on the review");
    harness.get_by_label("Role of column Regio: Sector");
    harness.get_by_label("Continue to the analysis").click();
    harness.run();
    assert_eq!(harness.state().app().screen(), Screen::Dashboard);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(25.0)));
}

/// Steps the app until the views' computation has been taken up.
fn wait_for_views(harness: &mut Harness<'_, Window>) {
    for _ in 0..FRAMES {
        harness.step();
        let state = harness.state().app();
        if !state.is_computing() && state.computed().is_some() {
            harness.run();
            return;
        }
    }
    panic!("the views were not computed within {FRAMES} frames");
}

#[test]
fn segments_view_lists_sectors_and_opens_their_responses() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Segments").click();
    wait_for_views(&mut harness);
    let computed = harness.state().app().computed().cloned().unwrap();
    let retail = computed.results.segments.iter().find(|r| r.column == "sector" && r.value == "Retail").unwrap();
    let retail_n = retail.summary.n;
    harness.get_by_label("NPS by sector");
    harness.get_by_label(&ENGLISH.signed(retail.summary.nps));
    harness.get_by_label("Responses: Retail").click();
    wait_for_views(&mut harness);
    let state = harness.state().app();
    assert_eq!(state.views().view, nps_workbench::app::View::Responses);
    assert_eq!(state.computed().unwrap().responses.len() as u64, retail_n);
    harness.get_by_label(&format!("{retail_n} responses"));
}

#[test]
fn a_two_way_breakdown_is_a_matrix_whose_cells_explain_themselves_and_open_their_responses() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Segments").click();
    wait_for_views(&mut harness);
    harness.get_by_label("and by: —").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "product").click();
    wait_for_views(&mut harness);
    let computed = harness.state().app().computed().cloned().unwrap();
    let cells: Vec<_> = computed.results.segments.iter().filter(|r| r.column == "sector × product").collect();
    // Six sectors by three products, every pair answered in the sample.
    assert_eq!(cells.len(), 18);
    harness.get_by_label("Rows: sector; columns: product. Click a cell for its responses.");
    // Each cell is a button whose name holds its pair, NPS, interval and n, as its hover does.
    let cell = cells.iter().find(|r| r.value == "Retail × Enterprise").unwrap();
    let (low, high) = (cell.summary.ci_low.unwrap(), cell.summary.ci_high.unwrap());
    let name = format!(
        "Retail × Enterprise, NPS: {}, 95% CI: {} – {}, n: {}",
        ENGLISH.signed(cell.summary.nps),
        ENGLISH.signed(low),
        ENGLISH.signed(high),
        cell.summary.n
    );
    harness.get_by_label_contains(&name).click();
    wait_for_views(&mut harness);
    let state = harness.state().app();
    assert_eq!(state.views().view, nps_workbench::app::View::Responses);
    assert_eq!(state.computed().unwrap().responses.len() as u64, cell.summary.n);

    // The bar list stays one click away, and a project keeps the choice.
    harness.get_by_label("Segments").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Bars").click();
    harness.run();
    assert!(harness.state().app().views().two_way_bars);
    assert!(harness.query_by_label("Rows: sector; columns: product. Click a cell for its responses.").is_none());
    harness.get_by_label("NPS by sector × product");
}

#[test]
fn the_trend_draws_a_line_per_value_of_a_chosen_column() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Trend").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Lines per: —").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "sector").click();
    wait_for_views(&mut harness);
    let computed = harness.state().app().computed().cloned().unwrap();
    let lines = &computed.results.trend_by;
    // The sample's six sectors, the largest first, each line holding that sector's answers.
    assert_eq!(lines.len(), 6);
    for (value, points) in lines {
        let row = computed.results.sectors.iter().find(|r| &r.value == value).unwrap();
        assert_eq!(points.iter().map(|p| p.n).sum::<u64>(), row.summary.n, "{value}");
    }
    let sizes: Vec<u64> = lines.iter().map(|(_, p)| p.iter().map(|p| p.n).sum()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
    harness.get_by_label("NPS per month by sector");
    harness.get_by_label("Export table… NPS per month by sector (xlsx, CSV)");
    // A project keeps the choice.
    assert_eq!(harness.state().app().views().trend_by.as_deref(), Some("sector"));
}

#[test]
fn a_filter_changes_every_view_and_is_shown() {
    let mut harness = harness_with_sample();
    harness.get_by_label("language").click();
    wait_for_views(&mut harness);
    harness.get_by_label("da").click();
    wait_for_views(&mut harness);
    let state = harness.state().app();
    assert_eq!(state.views().filter.describe(), "language = da");
    let overall = state.computed().unwrap().results.overall.clone().unwrap();
    let full = sample_report().overall;
    assert!(overall.n < full.n && overall.n > 0);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(overall.nps)));
    harness.get_by_label_contains("Filter: language = da");
    // The trend follows the same filter.
    harness.get_by_label("Trend").click();
    wait_for_views(&mut harness);
    let trend = harness.state().app().computed().unwrap().results.trend.clone().unwrap();
    assert_eq!(trend.iter().map(|p| p.n).sum::<u64>(), overall.n);
    harness.get_by_label("NPS per month");
}

#[test]
fn every_sample_sector_gets_a_verdict_with_its_source() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Benchmarks").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Sector benchmarks");
    let sectors = harness.state().app().computed().unwrap().results.sectors.clone();
    assert_eq!(sectors.len(), 6);
    for row in &sectors {
        let b = row.benchmark.as_ref().unwrap_or_else(|| panic!("{} has no benchmark", row.value));
        assert!(!b.source.is_empty());
        harness.get_by_label(&format!("Benchmark: {}: {} · {} · {}", row.value, b.sector, b.region, b.year));
        let evidence = if b.evidence == "E" { "from the publisher" } else { "quoted by a third party" };
        let source = format!("{} · {} · {} · {} · {evidence}", b.source, b.year, b.region, b.audience);
        assert!(harness.query_all_by_label(&source).count() >= 1, "{source}");
    }
    // Setting the data's context to Dutch B2B removes the region warning for Dutch figures.
    harness.get_by_label("B2B").click();
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().context.audience, Some(nps_workbench::benchmarks::Audience::B2b));
}

#[test]
fn benchmark_caveats_speak_dutch_and_name_their_sectors() {
    use nps_workbench::benchmarks::{Audience, DataContext};
    let mut harness = harness_with_sample();
    switch_to_dutch(&mut harness);
    harness.get_by_label("Benchmarks").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Vergelijk met zorg");
    let sectors_from = |harness: &Harness<'_, Window>, region: &str| -> String {
        let rows = harness.state().app().computed().unwrap().results.sectors.clone();
        let names: Vec<String> = rows
            .iter()
            .filter(|r| r.benchmark.as_ref().is_some_and(|b| b.region == region))
            .map(|r| r.value.clone())
            .collect();
        assert!(!names.is_empty(), "the sample has sectors matched to {region} figures");
        names.join(", ")
    };
    let unset = format!(
        "• {}: vul hierboven de regio van uw data in om die met de benchmark (NL) te vergelijken",
        sectors_from(&harness, "NL")
    );
    harness.get_by_label(&unset);
    // Dutch B2B data: the request to set the region goes, and US figures say where they come from.
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetContext(DataContext {
        region: Some("NL".into()),
        audience: Some(Audience::B2b),
        ..DataContext::default()
    })));
    wait_for_views(&mut harness);
    assert!(harness.query_by_label(&unset).is_none());
    harness.get_by_label(&format!(
        "• {}: de respondenten van de benchmark komen uit US, die van uw data uit NL",
        sectors_from(&harness, "US")
    ));
}

#[test]
fn editing_a_bundled_benchmark_overrides_it_in_every_view() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Benchmarks").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Edit: wholesale-integron-2021").click();
    wait_for_views(&mut harness);
    let form = harness.state().app().benchmark_form().cloned().expect("the form is open");
    assert_eq!((form.id.as_str(), form.value.as_str()), ("wholesale-integron-2021", "33"));
    // The user types a newer figure; the test sets the field as typing would.
    harness.state_mut().app_mut().push(AppCommand::Benchmark(BenchmarkCommand::Save(Box::new(
        nps_workbench::app::BenchmarkForm {
            value: "-5".into(),
            source: "Own 2026 client study".into(),
            year: "2026".into(),
            ..form
        },
    ))));
    wait_for_views(&mut harness);
    let state = harness.state().app();
    assert!(state.benchmark_form().is_none());
    assert_eq!(state.user_benchmarks().len(), 1);
    let wholesale = state.computed().unwrap().results.sectors.iter().find(|r| r.value == "Wholesale").unwrap();
    let b = wholesale.benchmark.as_ref().unwrap();
    assert_eq!((b.value, b.source.as_str(), b.year), (Some(-5.0), "Own 2026 client study", 2026));
    harness.get_by_label("Own 2026 client study · 2026 · NL · B2B · from the publisher");
}

#[test]
fn the_detractor_follow_up_list_and_the_overview_verdicts() {
    let mut harness = harness_with_sample();
    // The Overview names each sector's verdict beside its link to the Benchmarks view.
    let sectors = harness.state().app().computed().unwrap().results.sectors.clone();
    assert!(sectors.iter().all(|s| s.benchmark.is_some()));
    assert!(harness.query_all_by_label("Retail:").count() == 1);
    harness.get_by_label("Responses").click();
    wait_for_views(&mut harness);
    harness.get_by_label("Detractors (0-6)").click();
    wait_for_views(&mut harness);
    let state = harness.state().app();
    let listed = &state.computed().unwrap().responses;
    let survey = &state.loaded().unwrap().survey;
    assert_eq!(listed.len() as u64, sample_report().overall.detractors);
    assert!(listed.iter().all(|&i| survey.response(i as usize, 0).and_then(|r| r.score).is_some_and(|s| s <= 6)));
    harness.get_by_label(&format!("{} responses", listed.len()));
}

#[test]
fn share_and_mean_cards_show_their_intervals() {
    let report = sample_report();
    let o = &report.overall;
    assert!(o.effective_n.is_none(), "the sample is not weighted");
    let mut harness = harness_with_sample();
    let n = o.n as f64;
    for (group, pct, count) in [
        ("Promoters (9-10)", o.promoter_pct, o.promoters),
        ("Passives (7-8)", o.passive_pct, o.passives),
        ("Detractors (0-6)", o.detractor_pct, o.detractors),
    ] {
        // Wilson 95% interval, written out.
        let (p, z) = (count as f64 / n, 1.959964_f64);
        let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
        let half = z / (1.0 + z * z / n) * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
        let label = format!(
            "95% CI {} to {}",
            ENGLISH.percent(100.0 * (centre - half)),
            ENGLISH.percent(100.0 * (centre + half))
        );
        // The headline's bar gives each group's share; its interval and count on hover.
        harness.get_by_label(&format!("{group}: {}", ENGLISH.percent(pct))).hover();
        harness.run();
        harness.get_by_label_contains(&format!("{label} · {count} of {}", o.n));
    }
    let pairs: Vec<(f64, f64)> = o.distribution.iter().enumerate().map(|(s, &c)| (s as f64, c as f64)).collect();
    let mean = nps_workbench::stats::mean_t_interval(&pairs, 0.95).unwrap();
    assert!((mean.mean - o.mean).abs() < 1e-9);
    harness.get_by_label(&format!("95% CI {} to {}", ENGLISH.number(mean.low, 2), ENGLISH.number(mean.high, 2)));
}

#[test]
fn the_review_announces_every_guess_in_the_words_of_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guesses.csv");
    std::fs::write(&path, "Service,Price,weight\n9,3,12.5\n3,10,3.2\n10,7,40\n8,2,7.75\n7,9,2\n").unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path.clone()))));
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().app().screen(), Screen::Review);
    let report = harness.state().app().loaded().unwrap().report.clone();
    let notices = nps_workbench::notices::import_notices(&report, &ENGLISH);
    assert_eq!(notices.len(), 2, "{notices:?}");
    let cli_text = nps_workbench::cli::format_table(&report, nps_workbench::i18n::Language::English);
    for notice in &notices {
        assert!(cli_text.contains(&format!("Note: {notice}")), "{cli_text}");
        harness.get_by_label(&format!("• {notice}"));
    }
    assert!(notices[0].starts_with("Guess: the score column is 'Service'"), "{}", notices[0]);
    assert!(notices[1].starts_with("Not weighted: 'weight'"), "{}", notices[1]);
    harness.get_by_label("Role of column Service: NPS score (0-10) (guessed)");
    // Asked, the user applies the weight; the weighting is then announced.
    harness.get_by_label("Apply 'weight' as weight").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert!(loaded.report.columns.weighted);
    harness.get_by_label("• Weighted by 'weight': shares, NPS and intervals use these weights.");
}

#[test]
fn the_review_asks_the_scale_of_a_ces_column_whose_header_does_not_say() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ces.csv");
    std::fs::write(&path, "How likely are you to recommend us?,CES\n9,4\n7,2\n3,5\n10,1\n8,3\n6,4\n").unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path.clone()))));
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().app().screen(), Screen::Review);
    // Six answers 1-5 under a bare "CES": read as 1-5 effort, announced and asked.
    harness.get_by_label("Which scale does 'CES' use? Its header does not say and no answer is above 5.");
    harness.get_by_label("Role of column CES: CES (1-5, effort) (guessed)");
    harness.get_by_label("CES (1-7, agree)").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    let ces = loaded.report.columns.roles.iter().find(|r| r.column == "CES").unwrap();
    assert_eq!((ces.role, ces.scale_guessed), (Role::CesAgree, false));
    assert!(harness.query_by_label_contains("Which scale does 'CES' use?").is_none(), "answered: no longer asked");
    harness.get_by_label("Role of column CES: CES (1-7, agree)");
}

/// A window that opened the file `name` holding `text` (in `dir`): a new file, so on the review.
fn opened_in_review(dir: &std::path::Path, name: &str, text: &str) -> Harness<'static, Window> {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path))));
    harness.step();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().app().screen(), Screen::Review);
    harness
}

#[test]
fn the_review_asks_how_dates_are_written_when_day_and_month_cannot_be_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("datum,How likely are you to recommend us?\n");
    for i in 0..12 {
        text.push_str(&format!("0{}/0{}/2025,{}\n", 1 + i % 3, 1 + (i * 4) % 9, [9, 3, 10, 7][i % 4]));
    }
    let mut harness = opened_in_review(dir.path(), "dates.csv", &text);
    harness.get_by_label(
        "• Dates in 'datum' could be day/month or month/day (no day or month above 12): read as day/month.",
    );
    harness.get_by_label("How are the dates in 'datum' written?");
    harness.get_by_label("Month/day (12/31)").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert_eq!(loaded.options.date_order, Some(nps_workbench::import::DateOrder::MonthFirst));
    assert!(harness.query_by_label_contains("could be day/month or month/day").is_none(), "answered: not announced");
    // Still asked, so that the answer can be changed back.
    harness.get_by_label("How are the dates in 'datum' written?");
    assert_eq!(harness.state().app().screen(), Screen::Review);
}

#[test]
fn the_review_asks_before_reading_a_one_to_five_question_as_0_10() {
    // Issue 26: "How likely are you to recommend us? (1-5)" was read as 0-10 (NPS -100).
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("How likely are you to recommend us? (1-5),Region\n");
    for i in 0..12 {
        text.push_str(&format!("{},{}\n", 1 + i % 5, ["Noord", "Zuid"][i % 2]));
    }
    let mut harness = opened_in_review(dir.path(), "five.csv", &text);
    harness.get_by_label_contains("'How likely are you to recommend us? (1-5)' states a 1-5 scale in its header");
    // The analysis waits for the answer, from the button and from elsewhere.
    harness.get_by_label("Continue to the analysis").click();
    harness.step();
    assert_eq!(harness.state().app().screen(), Screen::Review);
    harness.state_mut().app_mut().push(AppCommand::Window(WindowCommand::ShowScreen(Screen::Dashboard)));
    harness.step();
    assert_eq!(harness.state().app().screen(), Screen::Review);
    // Said to be 0-10: read as asked, and remembered by a project saved from here.
    harness.get_by_label("These answers are 0-10").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert_eq!(loaded.options.score_scale, import::ScaleCheck::Confirmed);
    assert!(loaded.report.columns.score_scale_doubt.is_none());
    assert!(harness.query_by_label_contains("states a 1-5 scale").is_none());
    harness.get_by_label("Continue to the analysis").click();
    harness.step();
    assert_eq!(harness.state().app().screen(), Screen::Dashboard);
}

#[test]
fn another_sheet_s_scale_is_asked_about_anew() {
    // Said to be 0-10 on one sheet, the answer is not carried to another sheet's question.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for name in ["Maart", "April"] {
        let sheet = workbook.add_worksheet().set_name(name).unwrap();
        sheet.write_string(0, 0, "How likely are you to recommend us? (1-5)").unwrap();
        for row in 1..=24u32 {
            sheet.write_number(row, 0, f64::from(1 + row % 5)).unwrap();
        }
    }
    workbook.save(&path).unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path))));
    harness.step();
    wait_for_load(&mut harness);
    harness.get_by_label("These answers are 0-10").click();
    harness.step();
    wait_for_load(&mut harness);
    assert!(harness.state().app().loaded().unwrap().report.columns.score_scale_doubt.is_none());
    harness.get_by_label("Sheet: Maart").click();
    harness.run();
    harness.get_by_label("April").click();
    harness.step();
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert_eq!(loaded.report.source.sheet.as_deref(), Some("April"));
    assert!(loaded.report.columns.score_scale_doubt.is_some(), "April's scale is asked about");
    harness.get_by_label("These answers are 0-10");
    assert_eq!(harness.state().app().screen(), Screen::Review);
}

#[test]
fn every_file_question_goes_through_the_one_dialog_service() {
    use nps_workbench::app::export::PathQuestion;
    use std::sync::{Arc, Mutex};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("klanten.csv");
    std::fs::write(&path, "Regio,Hoe waarschijnlijk is het dat u ons aanbeveelt?\nNoord,9\nZuid,4\nNoord,10\n")
        .unwrap();
    let mut harness = harness_with_sample();
    let asked: Arc<Mutex<Vec<PathQuestion>>> = Arc::default();
    let (seen, answer) = (Arc::clone(&asked), path.clone());
    harness.state_mut().app_mut().set_chooser(Arc::new(move |question: PathQuestion| {
        let open = question.open.is_some();
        seen.lock().unwrap().push(question);
        open.then(|| answer.clone())
    }));
    // Opening a survey (File › Open…) asks the service, no native dialog of its own, and loads
    // the answer.
    harness.get_by_label("File").click();
    harness.run();
    let open = harness.ctx.format_shortcut(&nps_workbench::ui::shortcuts::OPEN);
    harness.get_by_label(&format!("Open… {open}")).click();
    wait_for_load(&mut harness);
    assert_eq!(harness.state().app().loaded().unwrap().source, LoadSource::File(path));
    // So do the codebook's and the benchmarks' import and export (cancelled here).
    for command in [AppCommand::Themes(ThemeCommand::Export), AppCommand::Benchmark(BenchmarkCommand::Export)] {
        harness.state_mut().app_mut().push(command);
        harness.step();
        harness.step();
    }
    let asked = asked.lock().unwrap();
    let kinds: Vec<Option<&str>> = asked.iter().map(|q| q.kind.as_deref()).collect();
    assert_eq!(kinds, [Some("Survey files"), Some("Codebook"), Some("Benchmarks")]);
    assert!(asked[0].open.as_ref().is_some_and(|e| e.contains(&"xlsx")));
    assert_eq!(asked[2].file_name.as_deref(), Some("benchmarks.csv"));
}

/// Steps the app until its export has been taken up.
fn wait_for_export(harness: &mut Harness<'_, Window>) {
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().export_notice().is_some() && !harness.state().app().exports().is_busy() {
            harness.step();
            return;
        }
    }
    panic!("the export was not taken up within {FRAMES} frames");
}

#[test]
fn a_chart_copied_to_the_clipboard_is_said_in_a_line_with_nothing_to_close() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Export chart… Score distribution (0-10) (PNG, SVG)").click();
    harness.run();
    harness.get_by_label("Copy as image").click();
    harness.step();
    wait_for_export(&mut harness);
    assert!(harness.state().app().export_notice().is_some_and(|n| n.copied));
    harness.get_by_label("The chart is on the clipboard: paste it into PowerPoint, Word or LibreOffice.");
    assert!(harness.query_by_label("Close").is_none(), "no window to close");
    // It goes by itself after a few seconds of frames.
    for _ in 0..600 {
        if harness.state().app().export_notice().is_none() {
            break;
        }
        harness.step();
    }
    assert!(harness.state().app().export_notice().is_none(), "the line went");
}

#[test]
fn the_overview_headline_exports_as_its_own_chart_with_the_numbers_shown() {
    use nps_workbench::app::export::PathQuestion;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_sample();
    let folder = dir.path().to_path_buf();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        Some(question.file_name.map_or_else(|| folder.clone(), |name| folder.join(name)))
    }));
    let o = sample_report().overall;
    harness.get_by_label("Export chart… Net Promoter Score at a glance (PNG, SVG)").click();
    harness.run();
    harness.get_by_label("Save as SVG…").click();
    harness.step();
    wait_for_export(&mut harness);
    let svg = std::fs::read_to_string(dir.path().join("headline.svg")).expect("the headline was written");
    let (low, high) = (o.ci_low.unwrap(), o.ci_high.unwrap());
    for shown in [
        format!(">{}<", ENGLISH.signed(o.nps)),
        format!(">95% CI {} to {}<", ENGLISH.signed(low), ENGLISH.signed(high)),
        format!(">n = {}<", o.n),
        format!(">{}<", ENGLISH.percent(o.promoter_pct)),
    ] {
        assert!(svg.contains(&shown), "{shown} in the exported headline");
    }
}

#[test]
fn export_buttons_write_into_the_chosen_folder_and_say_what() {
    use nps_workbench::app::export::PathQuestion;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_sample();
    // The native dialog answers with the test's folder.
    let folder = dir.path().to_path_buf();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        Some(question.file_name.map_or_else(|| folder.clone(), |name| folder.join(name)))
    }));
    // A chart's own Export menu: the Overview's distribution as SVG.
    harness.get_by_label("Export chart… Score distribution (0-10) (PNG, SVG)").click();
    harness.run();
    harness.get_by_label("Save as SVG…").click();
    harness.step();
    wait_for_export(&mut harness);
    let svg = dir.path().join("distribution.svg");
    assert!(svg.is_file(), "the chart was not written");
    assert_eq!(harness.state().app().settings().export_folder.as_deref(), Some(dir.path()), "the folder is remembered");
    harness.get_by_label(&format!("1 file(s) written to {}:", dir.path().display()));
    harness.get_by_label("distribution.svg");
    // "Open folder" shows the folder in the file manager (here: recorded).
    let opened = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = std::sync::Arc::clone(&opened);
    harness.state_mut().app_mut().set_opener(std::sync::Arc::new(move |folder: &std::path::Path| {
        record.lock().unwrap().push(folder.to_path_buf());
        Ok(())
    }));
    harness.get_by_label("Open folder").click();
    harness.step();
    assert_eq!(*opened.lock().unwrap(), [dir.path().to_path_buf()]);
    harness.get_by_label("Close").click();
    harness.step();
    assert!(harness.state().app().export_notice().is_none());
    // A table's own Export menu, told apart from its chart's: the themes table as CSV, with each
    // theme's complaints and praise.
    harness.get_by_label("Themes").click();
    wait_for_themes(&mut harness);
    harness.get_by_label("Export table… Theme (xlsx, CSV)").click();
    harness.run();
    harness.get_by_label("Save as CSV…").click();
    harness.step();
    wait_for_export(&mut harness);
    let csv = std::fs::read_to_string(dir.path().join("what-detractors-complain-about.csv")).expect("the table");
    assert!(csv.lines().next().is_some_and(|h| h.contains("Mentions,Complaints,Praise")), "{csv}");
    harness.get_by_label("Close").click();
    harness.step();
    // Export all from the File menu.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export all…").click();
    harness.step();
    wait_for_export(&mut harness);
    let notice = harness.state().app().export_notice().cloned().unwrap();
    assert!(notice.failed.is_empty(), "{:?}", notice.failed);
    for name in ["distribution.png", "tables.xlsx", "report.html", "report.pdf", "deck.pptx", "data-quality.csv"] {
        assert!(dir.path().join(name).is_file(), "{name} missing");
        assert!(notice.written.contains(&dir.path().join(name)), "{name} not listed");
    }
    harness.get_by_label(&format!("{} file(s) written to {}:", notice.written.len(), dir.path().display()));
    let quote_slides = || {
        let file = std::fs::File::open(dir.path().join("deck.pptx")).unwrap();
        let mut deck = zip::ZipArchive::new(file).unwrap();
        let slides: Vec<String> = deck
            .file_names()
            .filter_map(Result::ok)
            .filter(|n| n.starts_with("ppt/slides/slide"))
            .map(|n| n.into_owned())
            .collect();
        slides
            .iter()
            .filter(|name| {
                let mut xml = String::new();
                std::io::Read::read_to_string(&mut deck.by_name(name).unwrap(), &mut xml).unwrap();
                xml.contains("What detractors say about")
            })
            .count()
    };
    assert!(quote_slides() > 0, "the deck quotes detractors");
    // Leaving the quotes out, from the File menu, leaves them out of the next export.
    harness.get_by_label("Close").click();
    harness.step();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Detractors' quotes in the deck and PDF").click();
    harness.run();
    assert!(harness.state().app().settings().export_without_quotes);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export all…").click();
    harness.step();
    wait_for_export(&mut harness);
    assert_eq!(quote_slides(), 0, "no quote slide once left out");
}

/// Steps the app until the comments have been read and the themes counted.
fn wait_for_themes(harness: &mut Harness<'_, Window>) {
    for _ in 0..FRAMES {
        harness.step();
        let state = harness.state().app();
        if !state.is_computing() && state.themes().summary().is_some() {
            harness.run();
            return;
        }
    }
    panic!("the themes were not counted within {FRAMES} frames");
}

#[test]
fn themes_view_shows_detractor_themes_and_opens_a_themes_responses() {
    let mut harness = harness_with_sample();
    wait_for_themes(&mut harness);
    harness.get_by_label("Themes").click();
    wait_for_themes(&mut harness);
    let summary = harness.state().app().themes().summary().cloned().unwrap();
    assert!(summary.commenters > 100, "the sample has comments: {}", summary.commenters);
    // Shown first: the theme most complained about (the chart's first bar).
    let first_complaint = summary.complaints.first().unwrap().theme.clone();
    let top = summary.themes.iter().find(|r| r.theme == first_complaint).unwrap().clone();
    let label = top.labels.get(nps_workbench::themes::Language::English).to_owned();
    harness.get_by_label("What detractors complain about");
    assert!(harness.query_all_by_label(&label).count() >= 1, "{label} in the table");
    // Both directions: each theme's complaints and praise are counted.
    harness.get_by_label("Complaints");
    harness.get_by_label("Praise");
    assert!(summary.themes.iter().all(|r| r.negative + r.positive <= 2 * r.mentions));
    assert!(summary.themes.iter().any(|r| r.positive > 0) && summary.themes.iter().any(|r| r.negative > 0));
    let d = &top.stats.detractors;
    let share = format!(
        "{} ({}–{}) of {}",
        ENGLISH.percent(100.0 * d.share),
        ENGLISH.number(100.0 * d.interval.low, 1),
        ENGLISH.percent(100.0 * d.interval.high),
        d.respondents
    );
    assert!(harness.query_all_by_label(&share).count() >= 1, "{share} shown with interval and n");
    harness.get_by_label(&format!("Quotes: {label}"));
    // The quotes of a theme complained about are complaints.
    let complaints = summary.complaints.iter().find(|r| r.theme == top.theme).unwrap_or(&top);
    let quote = complaints.quotes.first().unwrap();
    harness.get_by_label(&format!("“{}”", quote.text));

    // Another theme: click it in the table, its quotes replace the first one's.
    let second = summary.themes.get(1).unwrap().clone();
    let second_label = second.labels.get(nps_workbench::themes::Language::English).to_owned();
    harness.query_all_by_label(&second_label).next().unwrap().click();
    harness.run();
    harness.get_by_label(&format!("Quotes: {second_label}"));

    let button = format!("Show all {} responses: {second_label}", second.positions.len());
    harness.get_by_label(&button).scroll_to_me();
    harness.run();
    harness.get_by_label(&button).click_accesskit();
    wait_for_views(&mut harness);
    let state = harness.state().app();
    assert_eq!(state.views().view, nps_workbench::app::View::Responses);
    assert_eq!(state.views().theme_selection.as_deref(), Some(second.theme.as_str()));
    harness.get_by_label(&format!("{} responses", second.positions.len()));
    harness.get_by_label(&format!("mentioning {second_label}"));
}

#[test]
fn the_codebook_follows_the_benchmark_sector_and_can_be_changed() {
    use nps_workbench::app::{AppCommand, ThemeCommand, ViewCommand};
    use nps_workbench::themes::Preset;
    let mut harness = harness_with_sample();
    wait_for_themes(&mut harness);
    harness.get_by_label("Themes").click();
    wait_for_themes(&mut harness);
    harness.get_by_label("Codebook: General");
    let set_benchmark = |harness: &mut Harness<'_, Window>, id: &str| {
        harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetOverallBenchmark(Some(id.to_owned()))));
        harness.step();
        wait_for_themes(harness);
    };
    // An unedited codebook follows the sector of the overall benchmark, and says so.
    set_benchmark(&mut harness, "banking-temkin-2012");
    assert_eq!(harness.state().app().themes().preset().key(), "financial");
    harness.get_by_label("Codebook: Financial services");
    harness.get_by_label("proposed by the benchmark sector Banking");
    let summary = harness.state().app().themes().summary().cloned().unwrap();
    let codebook = harness.state().app().themes().codebook.clone();
    assert!(
        summary.themes.iter().any(|r| codebook.get(&r.theme).is_some_and(|t| t.general.is_some())),
        "a sector theme is counted: {:?}",
        summary.themes.iter().map(|r| r.theme.as_str()).collect::<Vec<_>>()
    );
    // A sector without a preset of its own proposes nothing.
    set_benchmark(&mut harness, "all-surveymonkey-2024");
    assert_eq!(harness.state().app().themes().preset().key(), "financial");

    // The picker changes it, and the user's choice then stands: the sector only offers.
    harness.get_by_label("Codebook: Financial services").click();
    harness.run();
    harness.get_by_label("Hospitality and travel").click();
    wait_for_themes(&mut harness);
    let hospitality = Preset::by_key("hospitality").unwrap();
    assert_eq!(harness.state().app().themes().preset(), hospitality);
    let add = nps_workbench::app::themes::CodebookEdit::Add("Parking".into());
    harness.state_mut().app_mut().push(AppCommand::Themes(ThemeCommand::Edit(add)));
    harness.step();
    wait_for_themes(&mut harness);
    set_benchmark(&mut harness, "banking-temkin-2012");
    assert_eq!(harness.state().app().themes().preset(), hospitality, "the user's choice stands");
    harness.get_by_label("The benchmark sector Banking proposes the codebook Financial services.");
    harness.get_by_label("Use it").click();
    harness.step();
    wait_for_themes(&mut harness);
    let themes = harness.state().app().themes();
    assert_eq!(themes.preset().key(), "financial");
    assert!(themes.codebook.get(&nps_workbench::themes::ThemeId::new("parking").unwrap()).is_some(), "kept");
}

#[test]
fn the_codebook_editor_takes_typed_keywords_and_new_themes_and_undoes_them() {
    use egui::accesskit::Role;
    use nps_workbench::themes::{Language, ThemeId};
    let mut harness = harness_with_sample();
    wait_for_themes(&mut harness);
    harness.get_by_label("Themes").click();
    wait_for_themes(&mut harness);
    // The editor's heading comes after the picker's label of the same word.
    let heading = harness.query_all_by_label("Codebook").last().unwrap();
    heading.scroll_to_me();
    heading.click_accesskit();
    harness.run();
    let price = harness.query_all_by_label("Price").last().unwrap();
    price.scroll_to_me();
    price.click_accesskit();
    harness.run();
    // The label column is widened from its splitter, with the keyboard, for every language.
    let label_width =
        |harness: &Harness<'_, Window>| harness.get_by_role_and_label(Role::TextInput, "Label (nl)").rect().width();
    let before = label_width(&harness);
    harness.get_by_role_and_label(Role::Splitter, "Width of the label column").focus();
    // Focused for a frame, as after a Tab, before the arrows are pressed.
    harness.step();
    harness.step();
    for _ in 0..3 {
        harness.key_press(egui::Key::ArrowRight);
        harness.step();
    }
    harness.run();
    assert!((label_width(&harness) - before - 60.0).abs() < 1.0, "{before} -> {}", label_width(&harness));
    // A keyword list shows all its words and takes a new list typed over it.
    let field = harness.get_by_role_and_label(Role::TextInput, "Keywords (nl)");
    field.focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    harness.get_by_role_and_label(Role::TextInput, "Keywords (nl)").type_text("duur, woekerprijs");
    harness.step();
    harness.key_press(egui::Key::Escape);
    harness.step();
    wait_for_themes(&mut harness);
    let codebook = harness.state().app().themes().codebook.clone();
    let dutch: Vec<String> = codebook
        .get(&ThemeId::new("price").unwrap())
        .unwrap()
        .keywords_in(Language::Dutch)
        .map(|k| k.text.clone())
        .collect();
    assert_eq!(dutch, ["duur", "woekerprijs"]);
    // A new theme from the field with its hint, then both changes taken back.
    let new_theme = harness.get_by_role_and_label(Role::TextInput, "New theme");
    new_theme.scroll_to_me();
    new_theme.focus();
    harness.step();
    harness.get_by_role_and_label(Role::TextInput, "New theme").type_text("Parkeren");
    harness.step();
    harness.key_press(egui::Key::Enter);
    harness.step();
    wait_for_themes(&mut harness);
    assert!(harness.state().app().themes().codebook.get(&ThemeId::new("parkeren").unwrap()).is_some());
    for _ in 0..2 {
        harness.get_by_label("Undo").click_accesskit();
        harness.step();
        wait_for_themes(&mut harness);
    }
    assert_eq!(harness.state().app().themes().codebook, nps_workbench::themes::default_codebook());
    assert!(!harness.state().app().themes().can_undo());
}

#[test]
fn automatic_names_the_period_the_dates_give_after_another_is_chosen() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Trend").click();
    wait_for_views(&mut harness);
    let automatic = harness.state().app().views().period;
    assert!(automatic.is_none());
    // The sample spans a year: months, unless the user picks weeks.
    harness.get_by_label("Automatic (month)");
    harness.get_by_label("week").click();
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().period, Some(nps_workbench::analysis::Period::Week));
    harness.get_by_label("Automatic (month)");
    assert!(harness.query_by_label("Automatic (week)").is_none());
}

#[test]
fn the_overview_names_the_top_detractor_themes() {
    let mut harness = harness_with_sample();
    wait_for_themes(&mut harness);
    harness.get_by_label("Top detractor themes");
    let summary = harness.state().app().themes().summary().cloned().unwrap();
    let first = summary.complaints.first().unwrap();
    let label = first.labels.get(nps_workbench::themes::Language::English).to_owned();
    harness.get_by_label(&format!("Top detractor themes: {label}")).click();
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().view, nps_workbench::app::View::Responses);
    assert_eq!(harness.state().app().views().theme_selection.as_deref(), Some(first.theme.as_str()));
}

#[test]
fn rows_without_a_readable_date_are_announced_in_the_review_and_the_trend() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dates.csv");
    let text = "date,region,How likely are you to recommend us?\n2025-01-03,Noord,9\n2025-01-09,Zuid,7\n\
                gisteren,Noord,10\n2025-02-01,Zuid,3\n,Noord,8\n2025-02-11,Zuid,9\n";
    std::fs::write(&path, text).unwrap();
    let mut harness = harness_with_sample();
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path))));
    harness.step();
    wait_for_load(&mut harness);
    let notice = "2 rows have no readable date in 'date' and are left out of the trend (1 blank; row 4 'gisteren').";
    harness.get_by_label(notice);
    harness.get_by_label("Continue to the analysis").click();
    harness.run();
    harness.get_by_label("Trend").click();
    wait_for_views(&mut harness);
    let trend = harness.state().app().computed().unwrap().results.trend.clone().unwrap();
    assert_eq!(trend.iter().map(|p| p.n).sum::<u64>(), 4, "six answers, two without a date");
    harness.get_by_label(notice);
}

/// The text field of a date filter (beside its plain label of the same words).
fn date_field<'h>(harness: &'h Harness<'_, Window>, label: &'h str) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label)
}

/// The date filter field labelled `label`, typed into character by character as a user types.
fn type_date(harness: &mut Harness<'_, Window>, label: &str, text: &str) {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).focus();
    harness.step();
    for c in text.chars() {
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, label).type_text(&c.to_string());
        harness.step();
    }
}

#[test]
fn a_date_typed_into_the_filter_stays_as_typed_and_applies_when_complete() {
    let mut harness = harness_with_sample();
    let (first, last) = harness.state().app().loaded().unwrap().survey.date_range().unwrap();
    let middle = nps_workbench::analysis::calendar::iso_date(first + (last - first) / 2);
    // Half a date stays in the field over several frames (it used to vanish at once).
    type_date(&mut harness, "From (YYYY-MM-DD)", &middle[..7]);
    harness.run();
    assert_eq!(date_field(&harness, "From (YYYY-MM-DD)").value().as_deref(), Some(&middle[..7]));
    assert_eq!(harness.state().app().views().filter.date_from, None, "nothing applied yet");
    // The complete date applies to every view.
    type_date(&mut harness, "From (YYYY-MM-DD)", &middle[7..]);
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().filter.date_from.as_deref(), Some(middle.as_str()));
    let overall = harness.state().app().computed().unwrap().results.overall.clone().unwrap();
    let full = sample_report().overall;
    assert!(overall.n < full.n, "the filter keeps fewer answers: {} of {}", overall.n, full.n);
    harness.get_by_label(&format!("n = {}", overall.n));
}

#[test]
fn an_unreadable_date_is_kept_as_typed_and_explained() {
    let mut harness = harness_with_sample();
    type_date(&mut harness, "Until (YYYY-MM-DD)", "31-02-2025");
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert_eq!(date_field(&harness, "Until (YYYY-MM-DD)").value().as_deref(), Some("31-02-2025"));
    assert_eq!(harness.state().app().views().filter.date_to, None);
    let (_, last) = harness.state().app().loaded().unwrap().survey.date_range().unwrap();
    let example = nps_workbench::analysis::calendar::iso_date(last);
    harness.get_by_label(&format!("'31-02-2025' is not a date: type it as YYYY-MM-DD, e.g. {example}"));
}

#[test]
fn notices_list_every_failure_in_dutch_newest_first_each_dismissed_alone() {
    use nps_workbench::app::export::PathQuestion;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_sample();
    switch_to_dutch(&mut harness);
    // A file that cannot be opened, then an export into a folder that does not exist.
    harness
        .state_mut()
        .app_mut()
        .push(AppCommand::Load(LoadCommand::Open(LoadSource::File("/no/such/folder/klanten.xlsx".into()))));
    harness.step();
    wait_for_load(&mut harness);
    let missing = dir.path().join("weg");
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        Some(missing.join(question.file_name.unwrap_or_default()))
    }));
    harness.get_by_label("Grafiek exporteren… Verdeling van de scores (0-10) (PNG, SVG)").click();
    harness.run();
    harness.get_by_label("Opslaan als SVG…").click();
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().notices().len() == 2 && !harness.state().app().exports().is_busy() {
            break;
        }
    }
    harness.run();
    let kinds: Vec<NoticeKind> = harness.state().app().notices().iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::Export, NoticeKind::OpenFile], "newest first");
    harness.get_by_label("Exporteren is mislukt");
    harness.get_by_label("Het bestand kan niet worden geopend");
    harness.get_by_label("De vorige enquête blijft geopend.");
    harness.get_by_label("Sluiten: Exporteren is mislukt").click();
    harness.run();
    let kinds: Vec<NoticeKind> = harness.state().app().notices().iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::OpenFile]);
    assert!(harness.query_by_label("Exporteren is mislukt").is_none());
}

#[test]
fn f1_and_help_guide_open_the_guide_in_the_chosen_language() {
    let mut harness = harness_with_sample();
    harness.key_press(egui::Key::F1);
    harness.run();
    assert!(harness.state().screens().guide_open());
    let guide = nps_workbench::i18n::HelpTexts::of(nps_workbench::i18n::Language::English);
    for (title, body) in nps_workbench::ui::help::sections(guide) {
        harness.get_by_label(title);
        harness.get_by_label(body);
    }
    // The view shown has its own page first: each view's, as the tabs change.
    use nps_workbench::app::View;
    for (view, tab) in [(View::Overview, "Overview"), (View::Segments, "Segments"), (View::Responses, "Responses")] {
        harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetView(view)));
        wait_for_views(&mut harness);
        harness.get_by_label(&format!("This view: {tab}"));
        harness.get_by_label(nps_workbench::ui::help::view_body(guide, view));
    }
    harness.get_by_label("Close: Guide").click();
    harness.run();
    assert!(!harness.state().screens().guide_open());
    switch_to_dutch(&mut harness);
    harness.get_by_label("Help").click();
    harness.run();
    let f1 = harness.ctx.format_shortcut(&nps_workbench::ui::shortcuts::GUIDE);
    harness.get_by_label(&format!("Handleiding {f1}")).click();
    harness.run();
    harness.get_by_label("Wat het interval betekent");
    harness.get_by_label("Waarom een segment licht of gemarkeerd is");
    harness.get_by_label("Wat een benchmarkoordeel betekent");
}

#[test]
fn keyboard_shortcuts_switch_views_focus_the_filter_and_show_in_the_menus() {
    let mut harness = harness_with_sample();
    let command = egui::Modifiers::COMMAND;
    harness.key_press_modifiers(command, egui::Key::Num2);
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().view, nps_workbench::app::View::Segments);
    harness.get_by_label("NPS by sector");
    harness.key_press_modifiers(command, egui::Key::Num6);
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().view, nps_workbench::app::View::Benchmarks);
    harness.key_press_modifiers(command, egui::Key::Num7);
    wait_for_views(&mut harness);
    assert_eq!(harness.state().app().views().view, nps_workbench::app::View::Compare);
    harness.key_press_modifiers(command, egui::Key::F);
    harness.run();
    assert!(date_field(&harness, "From (YYYY-MM-DD)").is_focused(), "Ctrl+F puts the cursor in the filter");
    // The menus name the shortcuts as the platform writes them.
    let ctx = harness.ctx.clone();
    harness.get_by_label("View").click();
    harness.run();
    let segments = ctx.format_shortcut(&nps_workbench::ui::shortcuts::VIEWS[1].1);
    assert!(segments.ends_with('2'), "{segments}");
    harness.get_by_label(&format!("Segments {segments}"));
    let filter = ctx.format_shortcut(&nps_workbench::ui::shortcuts::FOCUS_FILTER);
    harness.get_by_label(&format!("Go to the filter {filter}"));
    harness.key_press(egui::Key::Escape);
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(&format!("Open… {}", ctx.format_shortcut(&nps_workbench::ui::shortcuts::OPEN)));
    let export = ctx.format_shortcut(&nps_workbench::ui::shortcuts::EXPORT_ALL);
    assert!(harness.query_all_by_label_contains(&export).count() == 1, "Export all shows {export}");
}

#[test]
fn the_theme_follows_the_system_until_one_is_chosen() {
    let mut harness = harness_with_sample();
    assert_eq!(harness.state().app().settings().theme, nps_workbench::app::ThemeChoice::System);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Dark theme").click();
    harness.run();
    assert_eq!(harness.state().app().settings().theme, nps_workbench::app::ThemeChoice::Dark);
    assert_eq!(harness.ctx.options(|o| o.theme_preference), egui::ThemePreference::Dark);
    // The choice is stored with the settings, which eframe saves between runs.
    let stored = serde_json::to_string(harness.state().app().settings()).unwrap();
    let back: nps_workbench::app::Settings = serde_json::from_str(&stored).unwrap();
    assert_eq!(back.theme, nps_workbench::app::ThemeChoice::Dark);
    assert!(nps_workbench::ui::native_options().persist_window, "window size and position are remembered");
}

#[test]
fn the_about_box_names_the_licences_and_the_trademark_owners() {
    let mut harness = harness_with_sample();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label("About NPS Workbench").click();
    harness.run();
    harness.get_by_label(
        "NPS Workbench is free software under the MIT licence or the Apache License 2.0, at your choice.",
    );
    harness.get_by_label("polars");
    assert!(harness.query_all_by_label("MIT OR Apache-2.0").count() >= 2);
    let about = harness.query_all_by_label_contains("Bain & Company").count();
    assert!(about >= 1, "the trademark credit is shown");
    assert!(harness.query_all_by_label_contains("DejaVu Sans").count() >= 1);
}

#[test]
fn a_workbook_loads_with_a_running_bar_and_cancel_abandons_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("klanten.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "Regio").unwrap();
    sheet.write_string(0, 1, "Hoe waarschijnlijk is het dat u ons aanbeveelt?").unwrap();
    for row in 1..60_000u32 {
        sheet.write_string(row, 0, ["Noord", "Zuid", "Oost"][row as usize % 3]).unwrap();
        sheet.write_number(row, 1, f64::from(row % 11)).unwrap();
    }
    workbook.save(&path).unwrap();
    let mut harness = harness_with_sample();
    // This test watches a load under way: its jobs run on their own threads again.
    run_jobs_inline(false);
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path))));
    harness.step();
    harness.step();
    // calamine reads a workbook in one call: no percentage, a running bar saying so, and Cancel.
    let job = harness.state().app().job().expect("the workbook is loading");
    assert_eq!(job.progress(), 0.0);
    harness.get_by_label("Loading klanten.xlsx…");
    harness.get_by_label("reading…");
    harness.get_by_label("Cancel").click();
    harness.step();
    assert!(harness.state().app().job().is_none(), "the load is abandoned at once");
    assert_eq!(harness.state().app().loaded().unwrap().source, LoadSource::Sample, "the survey shown stays");
    assert!(harness.state().app().notices().is_empty(), "a cancelled load is no failure");
    // The job went with its channel (asserted above), so its result has nowhere to arrive: the
    // sleep that stood here waited for nothing and could not fail.
}

/// A window showing a survey of `rows` respondents, each with a comment of its own, loaded here.
fn harness_with_comments(rows: u32) -> (tempfile::TempDir, Harness<'static, Window>) {
    // Reading 60,000 comments is watched under way: jobs run on their own threads here.
    run_jobs_inline(false);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opmerkingen.csv");
    let comments = [
        "Levering te laat, pakket {} kwam na een week",
        "For dyrt, men god kvalitet (ordre {})",
        "Friendly staff but the app crashed at order {}",
        "Klantenservice nam niet op, bestelling {}",
        "Leveringen var hurtig, tak for ordre {}",
    ];
    let mut text = String::from("Regio,Score,Opmerking\n");
    for row in 0..rows {
        let comment = comments[row as usize % comments.len()].replace("{}", &row.to_string());
        text.push_str(&format!("{},{},\"{comment}\"\n", ["Noord", "Zuid"][row as usize % 2], row % 11));
    }
    std::fs::write(&path, text).unwrap();
    let table = import::read_file(&path, &ImportOptions::default(), &mut |_| true).unwrap();
    let library = nps_workbench::benchmarks::bundled();
    let loaded = LoadedSurvey::from_table(LoadSource::File(path), ImportOptions::default(), table, &library).unwrap();
    let harness =
        Harness::builder().with_size([1280.0, 820.0]).build_eframe(|_| Window::from(NpsApp::with_loaded(loaded)));
    (dir, harness)
}

#[test]
fn reading_the_comments_can_be_stopped_and_started_again_from_the_themes_view() {
    // Enough comments that reading them takes seconds in a test build.
    let (_dir, mut harness) = harness_with_comments(60_000);
    harness.step();
    harness.get_by_label("Themes").click();
    // One frame takes the click, the next one draws the view.
    harness.step();
    harness.step();
    assert!(harness.state().app().themes().reading(), "the comments are being read");
    harness.get_by_label("Reading the comments…");
    harness.get_by_label("Cancel").click();
    harness.step();
    harness.step();
    let themes = harness.state().app().themes();
    assert!(themes.stopped() && !themes.busy(), "the reading stopped at once");
    assert!(themes.summary().is_none(), "nothing is counted");
    harness.get_by_label("Reading the comments was stopped; the themes are not counted.");
    // A stop holds: the next frames start nothing.
    for _ in 0..5 {
        harness.step();
    }
    assert!(!harness.state().app().themes().busy());
    harness.get_by_label("Read the comments").click();
    harness.step();
    harness.step();
    let themes = harness.state().app().themes();
    assert!(themes.reading() && !themes.stopped(), "the comments are read again");
    harness.get_by_label("Reading the comments…");
}

#[test]
fn export_all_shows_its_progress_and_cancel_stops_before_the_next_file() {
    use nps_workbench::app::export::PathQuestion;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = harness_with_sample();
    // This test watches an export under way: its jobs run on their own threads again.
    run_jobs_inline(false);
    let folder = dir.path().to_path_buf();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        Some(question.file_name.map_or_else(|| folder.clone(), |name| folder.join(name)))
    }));
    harness.get_by_label("File").click();
    harness.run();
    // The test waits for the app's own wake-ups, not for time, and holds the export after its
    // first file until Cancel has been pressed: the interleaving is the same on every run.
    let (woken, wake_up) = std::sync::mpsc::channel::<usize>();
    let (release, gate) = std::sync::mpsc::channel::<()>();
    let gate = std::sync::Mutex::new(gate);
    let released = std::sync::atomic::AtomicBool::new(false);
    let export_wake_ups = std::sync::atomic::AtomicUsize::new(0);
    harness.state_mut().app_mut().set_wake(std::sync::Arc::new(move || {
        let exporting = std::thread::current().name() == Some("export");
        let n = if exporting { export_wake_ups.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1 } else { 0 };
        let _ = woken.send(n);
        // The export's wake-ups: its plan (1), a file of each half (2, 3), ...; from the second
        // on, both of its halves wait until Cancel has been pressed.
        if n >= 2 {
            let gate = gate.lock().unwrap();
            if !released.load(std::sync::atomic::Ordering::SeqCst) {
                let _ = gate.recv_timeout(Duration::from_secs(60));
                released.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        }
    }));
    harness.get_by_label_contains("Export all…").click();
    // The folder question is answered on its own thread; the export then starts, plans its
    // files, writes the first one and waits.
    loop {
        harness.step();
        // Each of the export's two halves writes one file and waits: wake-ups 2 and 3.
        if wake_up.recv_timeout(Duration::from_secs(60)).expect("a job wakes the window") == 3 {
            break;
        }
    }
    harness.step();
    let (done, total) = harness.state().app().exports().progress().expect("the export runs");
    assert!(total > 2 && done == 2, "{done} of {total}");
    harness.get_by_label_contains("Exporting: 2 of");
    harness.get_by_label("Cancel").click();
    harness.step();
    release.send(()).unwrap();
    // The export stops before its next file and wakes the window with what it wrote.
    while harness.state().app().export_notice().is_none() || harness.state().app().exports().is_busy() {
        wake_up.recv_timeout(Duration::from_secs(60)).expect("the export ends");
        harness.step();
    }
    harness.step();
    let notice = harness.state().app().export_notice().cloned().unwrap();
    assert!(notice.stopped, "the confirmation says the export was stopped");
    assert!(notice.written.len() < total, "{} of {total} written", notice.written.len());
    harness.get_by_label("Export stopped: only the files below were written.");
    // Exactly the files listed are in the folder, none half-written.
    let mut found: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().path()).collect();
    found.sort();
    let mut listed = notice.written.clone();
    listed.sort();
    assert_eq!(found, listed);
}

/// A Dutch client file: Dutch headers, sectors the benchmarks know by their Dutch names, Dutch
/// comments, three months of dates and an e-mail column, so that every view has something to show.
fn dutch_client_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("klanttevredenheid.csv");
    let comments = [
        "Levering te laat en niemand belde terug",
        "Prima contact met de accountmanager",
        "Te duur voor wat je krijgt",
        "",
        "Snelle levering, vriendelijke chauffeur",
        "Factuur klopte niet, twee keer gebeld",
    ];
    let sectors = ["Groothandel", "Industrie", "Logistiek"];
    let mut text = String::from("Klantnummer,Datum,Branche,Regio,E-mailadres,Aanbevelingsscore,Toelichting\n");
    for row in 0..180usize {
        let day = 1 + row % 28;
        let month = 9 + (row / 60);
        text.push_str(&format!(
            "K{row:04},2025-{month:02}-{day:02},{},{},klant{row}@voorbeeld.nl,{},\"{}\"\n",
            sectors[row % 3],
            ["Noord", "Zuid"][row / 3 % 2],
            (row * 7) % 11,
            comments[row % comments.len()],
        ));
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Every word (three letters or more, lower case) that the accessibility tree holds: labels,
/// values and descriptions of every node, with the texts of `theirs` (citations, ids, names)
/// cut out of them first, but for egui's own names of a window's close button and a panel's
/// splitter, which egui does not translate.
fn words_on_screen(harness: &Harness<'_, Window>, theirs: &[String], into: &mut std::collections::BTreeSet<String>) {
    use egui_kittest::kittest::NodeT;
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let texts = [node.label(), node.value(), node.description()].into_iter().flatten();
        for text in texts.filter(|text| !["Close window", "Resize panel"].contains(&text.as_str())) {
            let mut text = text.clone();
            for cut in theirs {
                text = text.replace(cut.as_str(), " ");
            }
            into.extend(
                text.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase),
            );
        }
    }
}

/// Texts that are nobody's language: the benchmarks' ids and sources (citations, as published),
/// the About box's components and licences, and the names of the trademark's owners and the font.
fn not_a_language() -> Vec<String> {
    let mut theirs: Vec<String> = Vec::new();
    for b in nps_workbench::benchmarks::bundled() {
        theirs.push(b.source.clone());
        theirs.push(b.id.clone());
    }
    for (component, licence) in nps_workbench::i18n::help::COMPONENT_LICENCES {
        theirs.push((*component).to_owned());
        theirs.push((*licence).to_owned());
    }
    for name in
        ["Bain & Company, Inc.", "Satmetrix Systems, Inc.", "NICE", "Fred Reichheld", "DejaVu", "Bitstream Vera"]
    {
        theirs.push(name.to_owned());
    }
    // Longest first, so that a source is cut whole before a shorter one inside it.
    theirs.sort_by_key(|t| std::cmp::Reverse(t.len()));
    theirs
}

/// The words of every view, dialog and menu of the window in `language`, walked as a person
/// would: each tab, a response opened, the Guide, the About box, the import review and the
/// three menus.
fn every_screens_words(
    harness: &mut Harness<'_, Window>,
    language: nps_workbench::i18n::Language,
) -> std::collections::BTreeSet<String> {
    use nps_workbench::app::View;
    let mut words = std::collections::BTreeSet::new();
    let theirs = not_a_language();
    let words_on_screen = |harness: &Harness<'_, Window>, into: &mut std::collections::BTreeSet<String>| {
        words_on_screen(harness, &theirs, into);
    };
    // A command is carried out after the frame that takes it: one more frame draws its result.
    let app = |harness: &mut Harness<'_, Window>, command: AppCommand| {
        harness.state_mut().app_mut().push(command);
        harness.step();
        harness.run();
    };
    let key = |harness: &mut Harness<'_, Window>, key: egui::Key| {
        harness.key_press(key);
        harness.step();
        harness.run();
    };
    app(harness, AppCommand::Window(WindowCommand::SetLanguage(language)));
    let t = language.texts();
    for view in
        [View::Overview, View::Segments, View::Trend, View::Compare, View::Themes, View::Responses, View::Benchmarks]
    {
        harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetView(view)));
        wait_for_views(harness);
        if view == View::Themes {
            wait_for_themes(harness);
            // The codebook editor, with one theme open (they stay open in the next language).
            let tt = nps_workbench::i18n::ThemeTexts::of(language);
            if harness.query_by_label(tt.label_column_width).is_none() {
                let heading = harness.query_all_by_label(tt.codebook_title).last().unwrap();
                heading.scroll_to_me();
                heading.click_accesskit();
                harness.run();
                let codebook = &harness.state().app().themes().codebook;
                let first = codebook.themes()[0].labels.get(language.comment_language()).to_owned();
                let theme = harness.query_all_by_label(&first).last().unwrap();
                theme.scroll_to_me();
                theme.click_accesskit();
                harness.run();
            }
            harness.get_by_label(tt.label_column_width);
        }
        if view == View::Overview {
            // A card's tooltip, with its link to the Guide.
            harness.get_by_label_contains(&format!("{}: ", language.texts().nps)).hover();
            harness.run();
        }
        words_on_screen(harness, &mut words);
    }
    // A two-way matrix, the trend per region and one response read whole.
    app(harness, AppCommand::View(ViewCommand::SetView(View::Segments)));
    app(harness, AppCommand::View(ViewCommand::SetSecond(Some("Regio".into()))));
    wait_for_views(harness);
    words_on_screen(harness, &mut words);
    app(harness, AppCommand::View(ViewCommand::SetSecond(None)));
    app(harness, AppCommand::View(ViewCommand::SetView(View::Trend)));
    app(harness, AppCommand::View(ViewCommand::SetTrendBy(Some("Regio".into()))));
    wait_for_views(harness);
    words_on_screen(harness, &mut words);
    app(harness, AppCommand::View(ViewCommand::SetTrendBy(None)));
    app(harness, AppCommand::View(ViewCommand::SetView(View::Responses)));
    wait_for_views(harness);
    harness.get_all_by_label_contains(": Levering te laat").next().unwrap().click();
    harness.run();
    words_on_screen(harness, &mut words);
    key(harness, egui::Key::F1);
    assert!(harness.state().screens().guide_open());
    words_on_screen(harness, &mut words);
    key(harness, egui::Key::F1);
    app(harness, AppCommand::Window(WindowCommand::ShowAbout(true)));
    words_on_screen(harness, &mut words);
    app(harness, AppCommand::Window(WindowCommand::ShowAbout(false)));
    // The Report details form.
    app(harness, AppCommand::Brand(nps_workbench::app::brand::BrandCommand::Open));
    words_on_screen(harness, &mut words);
    app(harness, AppCommand::Brand(nps_workbench::app::brand::BrandCommand::Close));
    app(harness, AppCommand::Window(WindowCommand::ShowScreen(Screen::Review)));
    harness.get_by_label_contains(t.review_title);
    words_on_screen(harness, &mut words);
    app(harness, AppCommand::Window(WindowCommand::ShowScreen(Screen::Dashboard)));
    for menu in [t.menu_file, t.menu_view, t.menu_help] {
        harness.get_by_label(menu).click();
        harness.run();
        words_on_screen(harness, &mut words);
        key(harness, egui::Key::Escape);
    }
    words
}

#[test]
fn no_english_word_is_left_in_a_dutch_or_danish_screen() {
    use nps_workbench::i18n::Language;
    let dir = tempfile::tempdir().unwrap();
    let path = dutch_client_file(dir.path());
    run_jobs_inline(true);
    let table = import::read_file(&path, &ImportOptions::default(), &mut |_| true).unwrap();
    let library = nps_workbench::benchmarks::bundled();
    let loaded =
        LoadedSurvey::from_table(LoadSource::File(path.clone()), ImportOptions::default(), table, &library).unwrap();
    let mut harness =
        Harness::builder().with_size([1280.0, 820.0]).build_eframe(|_| Window::from(NpsApp::with_loaded(loaded)));
    wait_for_views(&mut harness);
    let english = every_screens_words(&mut harness, Language::English);
    assert!(english.len() > 400, "the walk saw {} English words", english.len());
    // Not words of the window's language: the file's own words (its name, headers, values and
    // comments); citations and names are cut out on the screen (`not_a_language`).
    let mut data = std::collections::BTreeSet::new();
    // The codebook's labels and keywords are the codebook's, in each of its four languages.
    let codebook = harness.state().app().themes().codebook.to_json().unwrap();
    let theirs = std::fs::read_to_string(&path).unwrap() + " klanttevredenheid " + &codebook;
    data.extend(theirs.split(|c: char| !c.is_alphabetic()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase));
    // Alike in every language: names (the product, the trademark, the tools, the methods'
    // authors, the languages in their own words, the Apache License's name), file formats, keys
    // and the names of the files an export writes (report.html, report.pdf, deck.pptx, tables.xlsx).
    // A long label reaches the tree one line at a time, so names cut across lines stay words:
    // the trademark's owners, the font, and the publishers named in the benchmark populations.
    let names = "bain company inc satmetrix systems nice fred reichheld dejavu sans bitstream vera integron \
                 temkin clearlyrated inavero retently \
                 nps net promoter workbench app english nederlands dansk google forms microsoft qualtrics \
                 surveymonkey limesurvey typeform fisher holm kish wald wilson apache license csv txt xls \
                 xlsx ods png svg json html pptx pdf excel powerpoint ctrl report deck tables logo benchmark benchmarks \
                 software";
    // Words the languages share with English.
    let dutch = "alarm band computer data details export exports filter help import interval mail matrix open \
                 passives postcodes promoters per percentage project respondent rest score scores sector segment \
                 significant trend website week";
    let danish = "alarm computer data filter for hold import interval layout mail matrix minus note population region \
                  respondent score segment simulation test under";
    for (language, shared) in [(Language::Dutch, dutch), (Language::Danish, danish)] {
        let allowed: std::collections::BTreeSet<&str> =
            names.split_whitespace().chain(shared.split_whitespace()).collect();
        let words = every_screens_words(&mut harness, language);
        let left: Vec<&String> = words
            .iter()
            .filter(|w| english.contains(*w) && !data.contains(*w) && !allowed.contains(w.as_str()))
            .collect();
        assert!(left.is_empty(), "English left in the {language:?} window: {left:?}");
    }
}

#[test]
fn a_tooltip_links_to_its_guide_section() {
    use nps_workbench::ui::help::Topic;
    let mut harness = harness_with_sample();
    let o = sample_report().overall;
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(o.nps))).hover();
    harness.run();
    // The tooltip says what the interval means and stays open as the pointer moves to its link.
    let help = nps_workbench::i18n::HelpTexts::of(nps_workbench::i18n::Language::English);
    harness.get_by_label_contains(help.tip_interval);
    harness.get_by_label("More in the Guide ›").click();
    harness.step();
    harness.run();
    assert!(harness.state().screens().guide_open());
    assert_eq!(harness.state().screens().guide_topic(), Some(Topic::Interval));
    harness.get_by_label("What the interval means");
}

#[test]
fn report_details_brand_the_export_and_go_with_the_project() {
    use nps_workbench::app::export::PathQuestion;
    let dir = tempfile::tempdir().unwrap();
    let logo = std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icon/png/nps-workbench-64.png"));
    let mut harness = harness_with_sample();
    // The logo dialog answers with the app's icon; the export dialog with the test's folder.
    let folder = dir.path().to_path_buf();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        if question.open.as_ref().is_some_and(|kinds| kinds.contains(&"pptx")) {
            Some(std::path::PathBuf::from("/clients/bakkerij/huisstijl.pptx"))
        } else if question.open.is_some() {
            Some(logo.clone())
        } else {
            Some(question.file_name.map_or_else(|| folder.clone(), |name| folder.join(name)))
        }
    }));
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Report details…").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Client").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Client").type_text("Bakkerij De Vries");
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Main colour").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Main colour").type_text("purple");
    harness.run();
    harness.get_by_label("Choose logo…").click();
    for _ in 0..50 {
        harness.step();
        if harness.state().app().brand_form().is_some_and(|f| f.logo.is_some()) {
            break;
        }
    }
    harness.run();
    harness.get_by_label("nps-workbench-64.png");
    // The title is typed; a template is chosen and removed again.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Title").type_text("Klanttevredenheid 2026");
    harness.run();
    harness.get_by_label("Choose template…").click();
    for _ in 0..50 {
        harness.step();
        if harness.state().app().brand_form().is_some_and(|f| f.template.is_some()) {
            break;
        }
    }
    harness.run();
    harness.get_by_label("huisstijl.pptx");
    harness.get_by_label("Remove template").click();
    harness.run();
    harness.get_by_label("None (standard slides)");
    // A colour that is none is refused, saying why; the form stays open.
    harness.get_by_label("Apply").click();
    harness.run();
    harness.get_by_label_contains("'purple' is not a colour");
    assert!(harness.state().app().brand_form().is_some(), "still open");
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Main colour").click();
    harness.run();
    for _ in 0.."purple".len() {
        harness.key_press(egui::Key::Backspace);
        harness.run();
    }
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Main colour").type_text("#7b2d8e");
    harness.run();
    harness.get_by_label("Apply").click();
    harness.run();
    assert!(harness.state().app().brand_form().is_none(), "applied and closed");
    let brand = harness.state().app().brand().clone();
    assert_eq!(
        (brand.client.as_str(), brand.colours.as_slice()),
        ("Bakkerij De Vries", ["#7B2D8E".to_owned()].as_slice())
    );
    assert!(brand.logo.as_deref().is_some_and(|l| l.starts_with("data:image/png;base64,")));
    assert_eq!((brand.title.as_str(), &brand.template), ("Klanttevredenheid 2026", &None));
    // Cancel leaves the brand as it was.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Report details…").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Client").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Client").type_text(" and more");
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().app().brand_form().is_none());
    assert_eq!(harness.state().app().brand(), &brand);
    // Export all carries it.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Export all…").click();
    harness.step();
    wait_for_export(&mut harness);
    let file = std::fs::File::open(dir.path().join("deck.pptx")).unwrap();
    let mut deck = zip::ZipArchive::new(file).unwrap();
    let mut title = String::new();
    std::io::Read::read_to_string(&mut deck.by_name("ppt/slides/slide1.xml").unwrap(), &mut title).unwrap();
    assert!(title.contains("Bakkerij De Vries") && title.contains("rIdLogo"), "{title}");
    assert!(deck.by_name("ppt/media/logo.png").is_ok());
    // And the project the window saves holds it.
    let project = harness.state().app().project_to_save().unwrap();
    assert_eq!(project.brand, brand);
}

/// Steps the app until `done` says the job of `what` has been taken up.
fn wait_until(harness: &mut Harness<'_, Window>, what: &str, done: impl Fn(&NpsApp) -> bool) {
    for _ in 0..FRAMES {
        harness.step();
        if done(harness.state().app()) {
            harness.run();
            return;
        }
    }
    panic!("{what} was not made within {FRAMES} frames");
}

/// Steps the app until the Compare view's comparison has been taken up.
fn wait_for_compare(harness: &mut Harness<'_, Window>) {
    wait_until(harness, "the comparison", |app| !app.compare().busy() && app.compare().current_result().is_some());
}

#[test]
fn the_compare_view_compares_two_periods_and_the_previous_waves_file() {
    use nps_workbench::app::compare::{CompareSource, Found};
    use nps_workbench::app::export::PathQuestion;
    let mut harness = harness_with_sample();
    harness.get_by_label("Compare").click();
    wait_for_views(&mut harness);
    wait_for_compare(&mut harness);
    // Two periods of the sample: the last two months with answers, as the trend counts them.
    let app = harness.state().app();
    let points: Vec<_> =
        app.computed().unwrap().results.trend.clone().unwrap().into_iter().filter(|p| p.n > 0).collect();
    let result = app.compare().current_result().cloned().unwrap();
    let [.., before, after] = points.as_slice() else { panic!("two months") };
    assert_eq!(result.names, (before.period.clone(), after.period.clone()));
    let (c, points_change) = (&result.comparison, after.change.unwrap());
    assert_eq!((c.previous.as_ref().unwrap().n, c.current.as_ref().unwrap().n), (before.n, after.n));
    assert!((c.change.nps.unwrap() - points_change).abs() < 1e-9, "the trend's change");
    assert!(c.change.minimum_detectable.is_some_and(|m| m > 0.0));
    // Every segment column of the sample is compared per value.
    assert!(c.segments.iter().any(|s| s.column == "sector"));
    harness.get_by_label("NPS this wave and the previous wave");
    harness.get_by_label("Change since the previous wave");
    harness.get_by_label("Export table… Change since the previous wave (xlsx, CSV)");
    // An earlier previous period, chosen in its combo box.
    let earlier = points[points.len() - 3].period.clone();
    harness.get_by_label(&format!("Previous period: {}", before.period)).click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, &earlier).click_accesskit();
    wait_for_compare(&mut harness);
    let chosen = harness.state().app().compare().current_result().cloned().unwrap();
    assert_eq!(chosen.names, (earlier.clone(), after.period.clone()));
    harness.key_press(egui::Key::Escape);
    harness.run();
    // A column unticked is no longer compared per value.
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "sector").click();
    wait_for_compare(&mut harness);
    let unticked = harness.state().app().compare().current_result().cloned().unwrap();
    assert!(
        unticked.comparison.segments.iter().all(|s| s.column != "sector") && !unticked.comparison.segments.is_empty()
    );
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "sector").click();
    wait_for_compare(&mut harness);
    // The sample's comments: what detractors complain about in each month, and the change.
    let themes = &result.themes;
    assert!(!themes.overall.is_empty(), "detractor themes of both months");
    assert!(themes.overall.iter().all(|t| (t.change - (t.current - t.previous)).abs() < 1e-9));
    harness.get_by_label("Export table… Detractor themes in both waves (xlsx, CSV)");
    // And per segment: each value's commenting detractors are some of all of them, in both months.
    let overall_n = (themes.overall[0].previous_n, themes.overall[0].current_n);
    assert!(!themes.segments.is_empty());
    for column in ["sector", "region"] {
        let of_column: Vec<_> = themes.segments.iter().filter(|s| s.column == column).collect();
        let sum = of_column.iter().fold((0, 0), |(b, a), s| (b + s.previous_n, a + s.current_n));
        assert_eq!(sum, overall_n, "{column}: every commenting detractor has one value");
    }
    let title = "Detractor themes per segment (Holm across each segment's themes)";
    harness.get_by_label(title).click();
    harness.run();
    harness.get_by_label(&format!("Export table… {title} (xlsx, CSV)"));
    // The planner, from this wave's split: typed margin 3.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Margin ± (points)").focus();
    harness.step();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.step();
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Margin ± (points)").type_text("3");
    harness.run();
    assert_eq!(harness.state().app().compare().planner.margin, "3");
    // This wave (the later period) is the split expected.
    let wave = result.comparison.current.clone().unwrap();
    let variance =
        nps_workbench::stats::plan::split_variance(wave.promoter_pct, wave.passive_pct, wave.detractor_pct).unwrap();
    let n = nps_workbench::stats::plan::answers_for_margin(0.03, variance).unwrap();
    harness.get_by_label_contains(&format!("{} answers for a 95% interval of +/-3.0 points", ENGLISH.count(n)));
    // Another file as the previous wave: its region column is headed "Regio" and found by its
    // values; its sector column keeps its header.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q3.csv");
    let mut text = String::from("sector;Regio;How likely are you to recommend us to a colleague?\n");
    for (i, region) in
        ["Noord-Holland", "Zuid-Holland", "Utrecht", "Hovedstaden", "Midtjylland"].iter().cycle().take(60).enumerate()
    {
        let sector = ["Retail", "Grocery", "Consulting"][i % 3];
        text.push_str(&format!("{sector};{region};{}\n", [3, 8, 9, 10][i % 4]));
    }
    std::fs::write(&path, text).unwrap();
    let answer = path.clone();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        question.open.is_some().then(|| answer.clone())
    }));
    harness.get_by_label("Open previous wave…").click();
    for _ in 0..FRAMES {
        harness.step();
    }
    wait_for_compare(&mut harness);
    let compare = harness.state().app().compare();
    assert_eq!(compare.source, CompareSource::File);
    let region = compare.columns.iter().find(|p| p.current == "region").unwrap();
    assert_eq!(region.previous.as_deref(), Some("Regio"), "{:?}", compare.columns);
    assert!(matches!(region.found, Found::Matched(_)));
    let result = compare.current_result().cloned().unwrap();
    assert_eq!(result.names.0, "q3.csv");
    assert_eq!(result.comparison.previous.as_ref().unwrap().n, 60);
    // The user leaves a column out in its combo box: it is no longer compared.
    harness.get_by_label("region: Regio").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "(not compared)").click_accesskit();
    wait_for_compare(&mut harness);
    let result = harness.state().app().compare().current_result().cloned().unwrap();
    assert!(result.comparison.segments.iter().all(|s| s.column != "region"));
    assert_eq!(
        harness.state().app().compare().columns.iter().find(|p| p.current == "region").unwrap().found,
        Found::LeftOut
    );
    // Back to two periods of the sample: its radio button.
    harness.get_by_label("Two periods of this file").click();
    wait_for_compare(&mut harness);
    assert_eq!(harness.state().app().compare().source, CompareSource::Periods);
    // The periods chosen before are kept.
    assert_eq!(
        harness.state().app().compare().current_result().cloned().unwrap().names,
        (earlier, after.period.clone())
    );
}

/// Steps the app until the Drivers view's analysis for what is asked has been taken up.
fn wait_for_drivers(harness: &mut Harness<'_, Window>) {
    wait_until(harness, "the key driver analysis", |app| {
        !app.drivers().busy() && app.drivers().current_result().is_some()
    });
}

#[test]
fn the_drivers_view_maps_the_ratings_with_intervals_and_takes_its_options() {
    use nps_workbench::analysis::drivers::driver_analysis;
    use nps_workbench::stats::drivers::{DriverOptions, Missing, Model};
    let mut harness = harness_with_sample();
    harness.get_by_label("Drivers").click();
    wait_for_drivers(&mut harness);
    let app = harness.state().app();
    let result = app.drivers().current_result().cloned().unwrap();
    // The sample's CES and CSAT questions, as the analysis itself gives them on the survey.
    let direct =
        driver_analysis(&app.loaded().unwrap().survey, &Default::default(), None, &DriverOptions::default()).unwrap();
    assert_eq!(*result.overall, direct);
    assert_eq!(result.overall.drivers.len(), 2);
    assert!(result.overall.drivers.iter().all(|d| d.ci_low.is_some() && d.shapley.is_some()));
    harness.get_by_label("What moves the score: importance against performance");
    harness.get_by_label("Export table… Key drivers (xlsx, CSV)");
    // Every point is said to a screen reader: its share of R², interval, performance, quadrant.
    harness.get_by_label_contains("of R² (95% CI");
    // Pairwise, then per sector.
    harness.get_by_label("Leave missing answers out pair by pair").click();
    wait_for_drivers(&mut harness);
    let pairwise = harness.state().app().drivers().current_result().cloned().unwrap();
    assert_eq!(pairwise.overall.missing, Missing::Pairwise);
    assert!(pairwise.overall.n_used > result.overall.n_used, "pairwise keeps the rows with one rating");
    // Being a promoter instead of the score: logistic, listwise (pairwise is set aside), its
    // own title; then back.
    harness.get_by_label("Explain being a promoter (9-10) rather than the score").click();
    wait_for_drivers(&mut harness);
    let promoter = harness.state().app().drivers().current_result().cloned().unwrap();
    assert_eq!((promoter.overall.model, promoter.overall.missing), (Model::Logistic, Missing::Listwise));
    assert!(promoter.overall.drivers.iter().all(|d| d.ci_low.is_some() && d.shapley.is_none()));
    harness.get_by_label("What makes promoters: importance against performance");
    harness.get_by_label_contains("Latent R²");
    // A project saved now keeps the choice, through its file format.
    let project = harness.state().app().project_to_save().unwrap();
    let text = serde_json::to_string(&project).unwrap();
    let back: nps_workbench::project::Project = serde_json::from_str(&text).unwrap();
    assert!(back.analysis.drivers.promoter && back.analysis.drivers.pairwise, "{text}");
    harness.get_by_label("Explain being a promoter (9-10) rather than the score").click();
    wait_for_drivers(&mut harness);
    assert_eq!(harness.state().app().drivers().current_result().unwrap().overall.missing, Missing::Pairwise);
    harness.get_by_label("Per segment: (none)").click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "sector").click_accesskit();
    wait_for_drivers(&mut harness);
    let by = harness.state().app().drivers().current_result().cloned().unwrap();
    assert_eq!(by.by.as_deref(), Some("sector"));
    let sectors = harness.state().app().loaded().unwrap().survey.segment("sector").unwrap().labels.len();
    assert_eq!(by.segments.len(), sectors);
    harness.get_by_label(&format!("sector = {}", by.segments[0].0));
    // The complaint themes as drivers, once the comments are read.
    harness.get_by_label("Complaint themes as drivers").click();
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().drivers().current_result().is_some_and(|r| r.overall.drivers.len() > 2) {
            break;
        }
    }
    let themed = harness.state().app().drivers().current_result().cloned().unwrap();
    assert!(
        themed
            .overall
            .drivers
            .iter()
            .any(|d| matches!(d.source, nps_workbench::analysis::drivers::DriverSource::Theme { .. }))
    );
    // The export of everything carries the map.
    let bundle = harness.state().app().export_bundle().unwrap();
    assert!(bundle.charts.iter().any(|c| c.kind == nps_workbench::chart::ChartKind::Drivers));
}

/// File › Weight to the population… with the margins file the chooser answers, until the
/// survey shown is raked.
fn weigh_through_the_menu(harness: &mut Harness<'_, Window>) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Weight to the population…").click();
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().loaded().is_some_and(|l| l.raking.is_some()) {
            break;
        }
    }
    wait_for_load(harness);
}

#[test]
fn weighting_to_the_population_rakes_the_survey_shown_and_can_be_removed() {
    use nps_workbench::app::export::PathQuestion;
    let mut harness = harness_with_sample();
    let survey = harness.state().app().loaded().unwrap().survey.clone();
    let regions = survey.segment("region").unwrap().labels.clone();
    // Every region an equal share of the population (the sample's are unequal).
    let dir = tempfile::tempdir().unwrap();
    let margins = dir.path().join("regio-marges.csv");
    let mut text = String::from("column;value;share\n");
    for region in &regions {
        text.push_str(&format!("region;{region};{}\n", 1.0 / regions.len() as f64));
    }
    std::fs::write(&margins, text).unwrap();
    let answer = margins.clone();
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        question.open.as_ref().is_some_and(|e| e.contains(&"csv")).then(|| answer.clone())
    }));
    let unweighted = harness.state().app().loaded().unwrap().report.overall.nps;
    weigh_through_the_menu(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    let raking = loaded.raking.clone().expect("raked");
    assert!(loaded.survey.is_weighted() && loaded.report.weighted);
    assert!(raking.margins.iter().all(|m| (m.achieved - m.target).abs() < 1e-6), "{raking:?}");
    assert!(raking.design_effect > 1.0);
    assert!((loaded.report.overall.nps - unweighted).abs() > 1e-9, "the NPS is weighted");
    harness.get_by_label_contains("Weighted to the population by raking on region");
    // A project saved now remembers the margins, and the file's own roles.
    let project = harness.state().app().project_to_save().unwrap();
    assert_eq!(project.weighting.as_ref().map(|w| w.file.as_str()), Some("regio-marges.csv"));
    assert!(project.read.roles.iter().all(|c| c.column != "raked_weight"));
    // Removed: the file's own answers again.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Remove the weighting").click();
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().loaded().is_some_and(|l| l.raking.is_none()) {
            break;
        }
    }
    wait_for_load(&mut harness);
    let loaded = harness.state().app().loaded().unwrap();
    assert!(loaded.raking.is_none() && !loaded.survey.is_weighted());
    assert!((loaded.report.overall.nps - unweighted).abs() < 1e-9);
}

#[test]
fn a_previous_waves_file_is_raked_to_the_margins_of_the_weighted_survey() {
    use nps_workbench::app::export::PathQuestion;
    let mut harness = harness_with_sample();
    let regions = harness.state().app().loaded().unwrap().survey.segment("region").unwrap().labels.clone();
    let dir = tempfile::tempdir().unwrap();
    let margins = dir.path().join("marges.csv");
    let mut text = String::from("column,value,share\n");
    for region in &regions {
        text.push_str(&format!("region,{region},{}\n", 1.0 / regions.len() as f64));
    }
    std::fs::write(&margins, text).unwrap();
    // The previous wave: every region, the first twice as often as the others.
    let wave = dir.path().join("vorige.csv");
    // Its region column is headed "Regio": matched by its values, and raked under that name.
    let mut text = String::from("Regio,How likely are you to recommend us to a colleague?\n");
    for i in 0..120 {
        let region = if i % 2 == 0 { &regions[0] } else { &regions[(i / 2) % regions.len()] };
        text.push_str(&format!("{region},{}\n", [2, 7, 9, 10][i % 4]));
    }
    std::fs::write(&wave, text).unwrap();
    let chosen = std::sync::Arc::new(std::sync::Mutex::new(margins.clone()));
    let answer = std::sync::Arc::clone(&chosen);
    harness.state_mut().app_mut().set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        question.open.is_some().then(|| answer.lock().unwrap().clone())
    }));
    weigh_through_the_menu(&mut harness);
    harness.get_by_label("Compare").click();
    wait_for_views(&mut harness);
    wait_for_compare(&mut harness);
    *chosen.lock().unwrap() = wave.clone();
    harness.get_by_label("Open previous wave…").click();
    for _ in 0..FRAMES {
        harness.step();
        if harness.state().app().compare().current_result().is_some_and(|r| r.names.0 == "vorige.csv") {
            break;
        }
    }
    wait_for_compare(&mut harness);
    let result = harness.state().app().compare().current_result().cloned().unwrap();
    assert_eq!(result.names.0, "vorige.csv");
    let raking = result.previous_raking.as_deref().expect("the previous wave raked too");
    assert_eq!(raking.n, 120);
    assert!(raking.margins.iter().all(|m| (m.achieved - m.target).abs() < 1e-6), "{raking:?}");
    assert!(raking.design_effect > 1.0, "the first region weighted down");
    // The previous wave's NPS is the raked one: each region's own NPS weighted equally.
    let nps = result.comparison.previous.as_ref().unwrap().nps;
    let mut by_region = vec![(0.0, 0.0); regions.len()];
    for i in 0..120 {
        let r = if i % 2 == 0 { 0 } else { (i / 2) % regions.len() };
        let score = [2, 7, 9, 10][i % 4];
        by_region[r].0 += f64::from(u8::from(score >= 9)) - f64::from(u8::from(score <= 6));
        by_region[r].1 += 1.0;
    }
    let equal = 100.0 * by_region.iter().map(|(s, n)| s / n).sum::<f64>() / regions.len() as f64;
    assert!((nps - equal).abs() < 1e-6, "{nps} against {equal}");
    harness.get_by_label_contains("vorige.csv is weighted to the same population margins (marges.csv)");
    // Compared again without the region column per value: still raked under "Regio", and not
    // raked a second time.
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "region").click();
    wait_for_compare(&mut harness);
    let again = harness.state().app().compare().current_result().cloned().unwrap();
    assert!(again.comparison.segments.iter().all(|s| s.column != "region"));
    let kept = again.previous_raking.as_ref().expect("still raked");
    assert!(std::sync::Arc::ptr_eq(kept, result.previous_raking.as_ref().unwrap()));
    assert!((again.comparison.previous.as_ref().unwrap().nps - nps).abs() < 1e-9);
}
