//! Projects and the response rate in the window, driven through accessibility labels: a role
//! changed, a filter set and invitations typed; File › Save project…; everything changed back;
//! File › Open project… brings it all back; next quarter's file gets the project; a file without
//! the project's columns is refused with a notice naming them.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use nps_workbench::app::{LoadCommand, ViewCommand};
use std::path::{Path, PathBuf};

use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nps_workbench::app::export::PathQuestion;
use nps_workbench::app::jobs::run_jobs_inline;
use nps_workbench::app::{AppCommand, LoadSource, NpsApp, Screen, Settings};
use nps_workbench::i18n::ENGLISH;
use nps_workbench::ui::Window;

const HEADER: &str = "Klant,Regio,Kanaal,Hoe waarschijnlijk is het dat u ons aanbeveelt?\n";

/// Rows of (region, channel, score).
fn survey(rows: &[(&str, &str, &str)]) -> String {
    let mut text = String::from(HEADER);
    for (i, (region, channel, score)) in rows.iter().enumerate() {
        text.push_str(&format!("K{i},{region},{channel},{score}\n"));
    }
    text
}

/// NPS of the Web answers of `rows`, counted here.
fn web_nps(rows: &[(&str, &str, &str)]) -> (u64, f64) {
    let scores: Vec<u8> = rows.iter().filter(|r| r.1 == "Web").filter_map(|r| r.2.parse().ok()).collect();
    let promoters = scores.iter().filter(|&&s| s >= 9).count() as f64;
    let detractors = scores.iter().filter(|&&s| s <= 6).count() as f64;
    (scores.len() as u64, 100.0 * (promoters - detractors) / scores.len() as f64)
}

const Q1: [(&str, &str, &str); 8] = [
    ("Noord", "Web", "9"),
    ("Zuid", "Winkel", "4"),
    ("Noord", "Web", "10"),
    ("Zuid", "Web", "6"),
    ("Noord", "Winkel", "8"),
    ("Zuid", "Web", "9"),
    ("Noord", "Web", ""),
    ("Zuid", "Winkel", "7"),
];
const Q2: [(&str, &str, &str); 6] = [
    ("Zuid", "Web", "3"),
    ("Noord", "Web", "10"),
    ("Noord", "Winkel", "9"),
    ("Zuid", "Web", "8"),
    ("Noord", "Web", "2"),
    ("Zuid", "Winkel", "10"),
];

/// Frames a job started in the synchronous mode may take to be taken up.
const FRAMES: usize = 12;

/// Steps until `done` holds, then lets the window settle. The window's jobs run at once on the
/// test's thread ([`run_jobs_inline`]), so no frame waits for a thread.
fn wait(harness: &mut Harness<'_, Window>, what: &str, done: impl Fn(&NpsApp) -> bool) {
    for _ in 0..FRAMES {
        harness.step();
        let app = harness.state().app();
        if done(app) && app.job().is_none() && !app.is_computing() && !app.projects().is_asking() {
            harness.run();
            return;
        }
    }
    panic!("{what} did not happen within {FRAMES} frames");
}

fn source_is(app: &NpsApp, path: &Path) -> bool {
    app.loaded().is_some_and(|l| l.source == LoadSource::File(path.to_path_buf())) && app.computed().is_some()
}

/// A window with nothing loaded whose path dialogs answer at once: `project` for an open
/// question, the proposed name in `folder` for a save question.
fn window(folder: PathBuf, project: PathBuf) -> Harness<'static, Window> {
    run_jobs_inline(true);
    let mut app = NpsApp::with_settings(Settings::default());
    app.set_chooser(std::sync::Arc::new(move |question: PathQuestion| {
        Some(match (&question.open, &question.file_name) {
            (Some(_), _) => project.clone(),
            (None, Some(name)) => folder.join(name),
            (None, None) => folder.clone(),
        })
    }));
    Harness::builder().with_size([1280.0, 820.0]).build_eframe(|_| Window::from(app))
}

fn open_file(harness: &mut Harness<'_, Window>, path: &Path) {
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Open(LoadSource::File(path.to_path_buf()))));
    harness.step();
    wait(harness, "loading", |app| source_is(app, path));
}

fn file_menu(harness: &mut Harness<'_, Window>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains(item).click();
    harness.step();
}

#[test]
fn a_saved_project_reopens_with_its_roles_filter_and_invitations_and_fits_next_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = dir.path().join("q1.csv");
    std::fs::write(&q1, survey(&Q1)).unwrap();
    let q2 = dir.path().join("q2.csv");
    std::fs::write(&q2, survey(&Q2)).unwrap();
    let project = dir.path().join("q1.npsproj");
    let mut harness = window(dir.path().to_path_buf(), project.clone());
    open_file(&mut harness, &q1);
    assert_eq!(harness.state().app().screen(), Screen::Review);

    // Regio becomes the sector column; the analysis keeps only the Web answers; 20 invited.
    harness.get_by_label("Role of column Regio: Segment").click();
    harness.run();
    harness.get_by_label("Sector").click();
    harness.step();
    wait(&mut harness, "the re-read", |app| {
        app.loaded().is_some_and(|l| l.report.columns.sector.as_deref() == Some("Regio"))
    });
    harness.get_by_label("Continue to the analysis").click();
    harness.run();
    harness.get_by_label("Kanaal").click();
    harness.run();
    harness.get_by_label("Web").click();
    wait(&mut harness, "the filter", |app| app.views().filter.describe() == "Kanaal = Web");
    harness.get_by_label("Invitations…").click();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Invited in total").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Invited in total").type_text("20");
    wait(&mut harness, "the rate", |app| app.views().context.invited.total == Some(20));
    // Eight respondent rows (one without a score) of 20 invited.
    let rate = "40.0% of 20 invited answered (95% CI 21.9% to 61.3%)";
    harness.get_by_label(rate);
    harness.get_by_label("Close").click();
    harness.run();

    // A two-way breakdown chosen only through "and by": on the sector column the view shows.
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetSecond(Some("Kanaal".to_owned()))));
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetTwoWayBars(true)));
    // The Segments table sorted by NPS, highest first.
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SortBy(nps_workbench::app::SortKey::Nps)));
    harness.step();

    file_menu(&mut harness, "Save project…");
    wait(&mut harness, "saving", |app| app.projects().current().is_some());
    assert!(project.is_file());
    harness.get_by_label(&format!("Project saved: {}", project.display()));
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(saved["analysis"]["breakdowns"], serde_json::json!([["Regio"], ["Regio", "Kanaal"]]), "{saved}");
    assert_eq!(saved["analysis"]["two_way_bars"], serde_json::json!(true), "{saved}");
    assert_eq!(
        (&saved["analysis"]["sort"], &saved["analysis"]["descending"]),
        (&serde_json::json!("nps"), &serde_json::json!(true))
    );

    // Everything changed back: no filter, Regio a plain segment again, nobody invited.
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(Default::default())));
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetContext(Default::default())));
    harness.state_mut().app_mut().push(AppCommand::Load(LoadCommand::Reimport(Default::default())));
    harness.step();
    wait(&mut harness, "the reset", |app| {
        app.loaded().is_some_and(|l| l.report.columns.sector.is_none()) && app.views().filter.is_empty()
    });

    // A codebook edit before the project is opened: the project's codebook replaces it.
    let add = nps_workbench::app::themes::CodebookEdit::Add("Parking".into());
    harness.state_mut().app_mut().push(AppCommand::Themes(nps_workbench::app::ThemeCommand::Edit(add)));
    harness.step();
    assert!(harness.state().app().themes().can_undo());

    // File › Open project…: role, filter and invitations come back.
    file_menu(&mut harness, "Open project…");
    wait(&mut harness, "the project", |app| {
        app.loaded().is_some_and(|l| l.project.is_some()) && app.views().filter.describe() == "Kanaal = Web"
    });
    let app = harness.state().app();
    assert_eq!(app.screen(), Screen::Dashboard);
    assert_eq!(app.loaded().unwrap().report.columns.sector.as_deref(), Some("Regio"));
    assert_eq!(app.views().context.invited.total, Some(20));
    assert_eq!(
        (app.views().segment.as_deref(), app.views().second.as_deref()),
        (Some("Regio"), Some("Kanaal")),
        "the two-way breakdown comes back"
    );
    assert!(app.views().two_way_bars, "shown as bars, as it was saved");
    assert_eq!(
        (app.views().sort, app.views().descending),
        (nps_workbench::app::SortKey::Nps, true),
        "the table's order"
    );
    assert!(
        app.themes().can_undo(),
        "the project's codebook replaces the file's own, which Undo brings back: nothing is lost"
    );
    harness.get_by_label("Project q1.npsproj applied: the same file as when it was saved.");
    harness.get_by_label_contains("Filter: Kanaal = Web");
    harness.get_by_label(rate);
    let (n, nps) = web_nps(&Q1);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(nps)));
    assert_eq!(harness.state().app().computed().unwrap().results.overall.as_ref().unwrap().n, n);

    // Next quarter's file gets the project: the same role and filter on its own answers.
    open_file(&mut harness, &q2);
    harness.get_by_label("Project q1.npsproj applied to q2.csv (made on q1.csv).");
    let app = harness.state().app();
    assert_eq!(app.screen(), Screen::Dashboard);
    assert_eq!(app.loaded().unwrap().report.columns.sector.as_deref(), Some("Regio"));
    let (n, nps) = web_nps(&Q2);
    assert_eq!(app.computed().unwrap().results.overall.as_ref().unwrap().n, n);
    harness.get_by_label(&format!("Net Promoter Score: {}", ENGLISH.signed(nps)));
    harness.get_by_label("30.0% of 20 invited answered (95% CI 14.5% to 51.9%)");

    // A quarter whose recommend question now holds only 1-5 answers gets the project, but stops
    // on the review with the question, not on the dashboard with an NPS of a 1-5 scale.
    let five: Vec<(&str, &str, &str)> =
        (0..24).map(|i| (["Noord", "Zuid"][i % 2], "Web", ["1", "2", "3", "4", "5"][i % 5])).collect();
    let q3 = dir.path().join("q3.csv");
    std::fs::write(&q3, survey(&five)).unwrap();
    open_file(&mut harness, &q3);
    assert_eq!(harness.state().app().screen(), Screen::Review);
    harness.get_by_label_contains("has 24 answers, every one of them 1-5");

    // A file without Kanaal is opened without the project, with a notice naming the column.
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "Klant,Regio,Hoe waarschijnlijk is het dat u ons aanbeveelt?\nA,Noord,9\nB,Zuid,3\n")
        .unwrap();
    open_file(&mut harness, &other);
    harness.get_by_label("The project does not fit this file");
    harness.get_by_label("other.csv does not fit the project q1.npsproj (made on q1.csv): column missing: 'Kanaal'");
    assert!(harness.state().app().projects().current().is_none(), "the project is no longer applied");
    assert!(harness.query_all_by_label_contains("applied to").next().is_none(), "the stale 'applied' notice is gone");
    assert_eq!(harness.state().app().loaded().unwrap().report.rows_read, 2, "the file itself is open");
}

#[test]
fn invited_counts_are_imported_from_a_dutch_table_and_a_bad_one_is_refused_with_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = dir.path().join("q1.csv");
    std::fs::write(&q1, survey(&Q1)).unwrap();
    // Saved by Dutch Excel: `;` between cells, a header naming the segment column.
    let table = dir.path().join("uitgenodigd.csv");
    std::fs::write(&table, "Kanaal;Uitgenodigd\nWeb;10\nWinkel;30\n").unwrap();
    let mut harness = window(dir.path().to_path_buf(), table.clone());
    open_file(&mut harness, &q1);
    harness.get_by_label("Continue to the analysis").click();
    harness.run();
    harness.get_by_label("Invitations…").click();
    harness.run();
    harness.get_by_label("Import invited counts…").click();
    harness.step();
    wait(&mut harness, "the import", |app| app.views().context.invited.by_column.is_some());
    let invited = harness.state().app().views().context.invited.clone();
    assert_eq!(invited.by_column.as_deref(), Some("Kanaal"), "the header names the column");
    assert_eq!(invited.by_value.into_iter().collect::<Vec<_>>(), [("Web".to_owned(), 10), ("Winkel".to_owned(), 30)]);
    // The window lists the counts per value; the Overview sums them and flags the shop.
    harness.get_by_label("Invited per value of: Kanaal");
    harness.get_by_role_and_label(Role::TextInput, "Invited: Web");
    harness.get_by_role_and_label(Role::TextInput, "Invited: Winkel");
    // Eight respondent rows of 40 invited; the shop answered 3 of 30, the web 5 of 10.
    harness.get_by_label_contains("20.0% of 40 invited answered");
    harness.get_by_label_contains("Winkel answered far less often than the rest");

    // A count that is not a number: a notice naming the file, row and column; counts kept.
    std::fs::write(&table, "Kanaal;Uitgenodigd\nWeb;tien\n").unwrap();
    harness.get_by_label("Import invited counts…").click();
    harness.step();
    wait(&mut harness, "the refusal", |app| !app.notices().is_empty());
    harness.get_by_label("Could not import the invited counts");
    harness.get_by_label_contains("uitgenodigd.csv, row 2, column B: 'tien' is not a whole number of people invited");
    assert_eq!(harness.state().app().views().context.invited.by_value.get("Winkel"), Some(&30));
}

const WAVE_HEADER: &str =
    "Respondent,Klantnummer,E-mail,Regio,Hoe waarschijnlijk is het dat u ons aanbeveelt?,Toelichting\n";

fn wave(rows: &[&str]) -> String {
    let mut text = String::from(WAVE_HEADER);
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

/// The cells of a CSV export (no quoted commas in these fixtures' contact columns).
fn csv_rows(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    text.trim_start_matches('\u{feff}').lines().map(str::to_owned).collect()
}

fn show_analysis(harness: &mut Harness<'_, Window>, view: nps_workbench::app::View) {
    use nps_workbench::app::WindowCommand;
    harness.state_mut().app_mut().push(AppCommand::Window(WindowCommand::ShowScreen(Screen::Dashboard)));
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetView(view)));
    harness.step();
    harness.run();
}

#[test]
fn the_follow_up_list_is_searched_marked_exported_with_contacts_and_its_marks_follow_the_respondents() {
    use nps_workbench::app::View;
    use nps_workbench::app::follow_up::Respondent;
    use nps_workbench::project::FollowUpStatus;
    let dir = tempfile::tempdir().unwrap();
    let (wave1, wave2) = (dir.path().join("wave1.csv"), dir.path().join("wave2.csv"));
    let project = dir.path().join("wave1.npsproj");
    std::fs::write(
        &wave1,
        wave(&[
            "R-101,K-9001,anna@example.nl,Noord,3,Levering kwam te laat en niemand belde terug",
            "R-102,K-9002,bo@example.nl,Zuid,10,Prima service",
            "R-103,K-9003,cees@example.nl,Noord,5,Te duur voor wat je krijgt",
            "R-104,K-9004,,Zuid,9,Snel geleverd",
        ]),
    )
    .unwrap();
    // The next wave: other rows, in another order; R-101 answers again.
    std::fs::write(
        &wave2,
        wave(&[
            "R-201,K-9101,dirk@example.nl,Zuid,2,Weer te laat",
            "R-101,K-9001,anna@example.nl,Noord,7,Beter dan vorige keer",
        ]),
    )
    .unwrap();
    let mut harness = window(dir.path().to_path_buf(), project.clone());
    open_file(&mut harness, &wave1);
    show_analysis(&mut harness, View::Responses);
    harness.get_by_label("4 responses");

    // Search the comments: one row holds "te laat", whatever its case.
    harness.get_by_role_and_label(Role::TextInput, "Search comments").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Search comments").type_text("TE LAAT");
    harness.run();
    harness.get_by_label("1 response");
    // Read it whole and mark it: contacted, with a note.
    harness.get_by_label("Row 2: Levering kwam te laat en niemand belde terug").click();
    harness.run();
    harness.get_by_label("Row 2 · score 3 · Respondent: R-101");
    harness.get_by_label("Contacted").click();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Note").focus();
    harness.run();
    harness.get_by_role_and_label(Role::MultilineTextInput, "Note").type_text("Gebeld; excuses gemaakt");
    harness.run();
    let mark = harness.state().app().follow_up().mark(&Respondent::Id("R-101".into())).cloned().unwrap();
    assert_eq!((mark.status, mark.note.as_str()), (FollowUpStatus::Contacted, "Gebeld; excuses gemaakt"));

    // The detractors, sorted by score, exported with their contact details.
    harness.get_by_role_and_label(Role::TextInput, "Search comments").focus();
    harness.run();
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::A);
    harness.key_press(eframe::egui::Key::Backspace);
    harness.run();
    harness.get_by_label("Detractors (0-6)").click();
    wait(&mut harness, "the detractors", |app| app.computed().is_some_and(|c| c.responses.len() == 2));
    harness.get_by_label("Score").click();
    harness.run();
    harness.get_by_label("Show contact details").click();
    harness.run();
    harness.get_by_label("Export table… Follow-up list (xlsx, CSV)").click();
    harness.run();
    harness.get_by_label("Save as CSV…").click();
    harness.step();
    wait(&mut harness, "the export", |app| app.export_notice().is_some() && !app.exports().is_busy());
    let rows = csv_rows(&dir.path().join("follow-up-list.csv"));
    assert_eq!(rows[0], "Row,Respondent,Klantnummer,E-mail,Score,Regio,Themes,Toelichting,Follow-up,Note");
    assert!(rows[1].starts_with("2,R-101,K-9001,anna@example.nl,3,Noord,"), "{rows:?}");
    assert!(
        rows[1].ends_with(",Levering kwam te laat en niemand belde terug,Contacted,Gebeld; excuses gemaakt"),
        "{rows:?}"
    );
    assert!(rows[2].starts_with("4,R-103,K-9003,cees@example.nl,5,Noord,"), "{rows:?}");
    assert!(rows[2].ends_with(",Te duur voor wat je krijgt,Open,"), "{rows:?}");
    assert_eq!(rows.len(), 3, "the two detractors only");

    // Saved with the project; a new window opens the project, then the next wave's file.
    let close = nps_workbench::app::ExportCommand::CloseNotice;
    harness.state_mut().app_mut().push(AppCommand::Export(close));
    harness.step();
    file_menu(&mut harness, "Save project…");
    wait(&mut harness, "saving", |app| app.projects().current().is_some());
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(
        saved["follow_up"],
        serde_json::json!([{"id": "R-101", "status": "contacted", "note": "Gebeld; excuses gemaakt"}]),
        "{saved}"
    );
    drop(harness);
    let mut harness = window(dir.path().to_path_buf(), project.clone());
    file_menu(&mut harness, "Open project…");
    wait(&mut harness, "the project", |app| app.loaded().is_some_and(|l| l.project.is_some()));
    open_file(&mut harness, &wave2);
    show_analysis(&mut harness, View::Responses);
    let app = harness.state().app();
    let carried = app.follow_up().mark(&Respondent::Id("R-101".into())).unwrap();
    assert_eq!(carried.status, FollowUpStatus::Contacted);
    // In the new wave's list, R-101's row (row 3 now) says so; the new respondent is open.
    harness.get_by_label("Row 3: Beter dan vorige keer").click();
    harness.run();
    harness.get_by_label("Row 3 · score 7 · Respondent: R-101");
    assert_eq!(
        harness.get_by_role_and_label(Role::MultilineTextInput, "Note").value().as_deref(),
        Some("Gebeld; excuses gemaakt")
    );
}
