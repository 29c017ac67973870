//! Measures the window's frames on the UI thread with a large survey loaded: every view
//! (Ctrl+1..6), filter changes, and the Responses of one theme while the filter changes,
//! stepping the real window (`ui::Window`) in a headless egui_kittest harness and timing each
//! frame (the app's logic, drawing every panel and applying the commands; no GPU). Prints the
//! worst frame and what was happening, and the UI thread's own CPU time per frame (on Unix), so
//! that time spent waiting for a core held by the workers shows as the difference.
//!
//! `cargo run --release --example frame_times -- FILE.csv` (the report bench writes
//! `target/bench-data/responses-1m.csv`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool: fail loudly
#![allow(unsafe_code)] // reads the thread's CPU clock through libc

use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use nps_workbench::analysis::Filter;
use nps_workbench::app::{AppCommand, LoadSource, LoadedSurvey, NpsApp, ViewCommand};
use nps_workbench::import::{self, ImportOptions};
use nps_workbench::ui::Window;

/// The CPU time this thread has used (on Unix; elsewhere zero, and only wall times are shown).
fn thread_cpu() -> Duration {
    #[cfg(unix)]
    {
        let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
        // SAFETY: `now` is a valid timespec for clock_gettime to write.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut now) } == 0 {
            return Duration::new(now.tv_sec as u64, now.tv_nsec as u32);
        }
    }
    Duration::ZERO
}

/// Steps until nothing is computing (or 60 s), timing every frame; returns the worst.
fn settle(
    harness: &mut Harness<'_, Window>,
    what: &str,
    worst: &mut (Duration, String),
    frames: &mut Vec<(Duration, Duration)>,
) {
    let end = Instant::now() + Duration::from_secs(60);
    let mut quiet = 0;
    while Instant::now() < end && quiet < 3 {
        let (start, cpu) = (Instant::now(), thread_cpu());
        harness.step();
        let (took, cpu) = (start.elapsed(), thread_cpu().saturating_sub(cpu));
        frames.push((took, cpu));
        if took.as_millis() > 16 {
            // The difference between wall and CPU time is time the thread waited: for the two
            // cores, held by the workers, or for the kernel.
            println!(
                "  {:.1} ms ({:.1} ms on the CPU): {what}",
                took.as_secs_f64() * 1000.0,
                cpu.as_secs_f64() * 1000.0
            );
        }
        if took > worst.0 {
            *worst = (took, what.to_owned());
        }
        quiet = if harness.state().app().is_computing() { 0 } else { quiet + 1 };
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: frame_times FILE");
    let started = Instant::now();
    // Loaded on a worker as the app does, so that polars' pool starts there at the same priority.
    let file = path.clone();
    let loaded = std::thread::spawn(move || {
        nps_workbench::app::jobs::yield_to_the_window();
        let library = nps_workbench::benchmarks::bundled();
        let table = import::read_file(file.as_ref(), &ImportOptions::default(), &mut |_| true).unwrap();
        LoadedSurvey::from_table(LoadSource::File(file.into()), ImportOptions::default(), table, &library).unwrap()
    })
    .join()
    .unwrap();
    println!(
        "loaded {} rows in {:.1} s (off the UI thread in the app)",
        loaded.report.rows_read,
        started.elapsed().as_secs_f64()
    );
    let segment = loaded.survey.segments.first().map(|s| (s.name.clone(), s.labels.clone())).unwrap();
    let dates = loaded.survey.date_range();
    let mut harness =
        Harness::builder().with_size([1280.0, 820.0]).build_eframe(|_| Window::from(NpsApp::with_loaded(loaded)));
    let mut worst = (Duration::ZERO, String::new());
    let mut frames = Vec::new();
    settle(&mut harness, "first frames", &mut worst, &mut frames);
    let keys = [egui::Key::Num1, egui::Key::Num2, egui::Key::Num3, egui::Key::Num4, egui::Key::Num5, egui::Key::Num6];
    for round in 0..2 {
        for (i, key) in keys.iter().enumerate() {
            harness.key_press_modifiers(egui::Modifiers::COMMAND, *key);
            settle(&mut harness, &format!("view {} (round {round})", i + 1), &mut worst, &mut frames);
        }
        for label in segment.1.iter().take(3) {
            let mut filter = Filter::default();
            filter.segments.entry(segment.0.clone()).or_default().insert(label.clone());
            harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(filter)));
            settle(&mut harness, &format!("filter {} = {label}", segment.0), &mut worst, &mut frames);
        }
        if let Some((first, last)) = dates {
            let middle = nps_workbench::analysis::calendar::iso_date(first + (last - first) / 2);
            let filter = Filter { date_from: Some(middle), ..Filter::default() };
            harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(filter)));
            settle(&mut harness, "date filter", &mut worst, &mut frames);
        }
        harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(Filter::default())));
        settle(&mut harness, "filter cleared", &mut worst, &mut frames);
    }
    // The Responses view of one theme, with filter changes while it shows (the comments are
    // read on a worker; wait for the counts first).
    let end = Instant::now() + Duration::from_secs(120);
    while Instant::now() < end && harness.state().app().themes().summary().is_none_or(|s| s.themes.is_empty()) {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num5);
        settle(&mut harness, "themes being read", &mut worst, &mut frames);
    }
    let theme = harness.state().app().themes().summary().and_then(|s| s.themes.first()).map(|r| r.theme.clone());
    if let Some(theme) = theme {
        let mentions = harness.state().app().themes().summary().map_or(0, |s| s.themes[0].positions.len());
        println!("theme {} is mentioned by {mentions} respondents", theme.as_str());
        harness
            .state_mut()
            .app_mut()
            .push(AppCommand::View(ViewCommand::ShowThemeResponses(theme.as_str().to_owned())));
        settle(&mut harness, &format!("responses of theme {}", theme.as_str()), &mut worst, &mut frames);
        for label in segment.1.iter().take(2) {
            let mut filter = Filter::default();
            filter.segments.entry(segment.0.clone()).or_default().insert(label.clone());
            harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(filter)));
            settle(&mut harness, &format!("theme responses, filter {label}"), &mut worst, &mut frames);
        }
    } else {
        println!("no theme was found in the comments");
    }
    // The follow-up list: every row's responses searched as a word is typed, then sorted by score.
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetFilter(Filter::default())));
    harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::ShowResponses(None)));
    settle(&mut harness, "every response", &mut worst, &mut frames);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search comments").focus();
    settle(&mut harness, "search focused", &mut worst, &mut frames);
    for letter in ["l", "a", "t", "e"] {
        harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Search comments").type_text(letter);
        settle(&mut harness, &format!("search typed {letter}"), &mut worst, &mut frames);
    }
    harness.get_by_label("Score").click();
    settle(&mut harness, "sorted by score", &mut worst, &mut frames);
    // A two-way breakdown as a matrix.
    let second = harness.state().app().loaded().and_then(|l| l.survey.segments.get(1).map(|s| s.name.clone()));
    if let Some(second) = second {
        harness.state_mut().app_mut().push(AppCommand::View(ViewCommand::SetSecond(Some(second.clone()))));
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
        settle(&mut harness, &format!("matrix by {second}"), &mut worst, &mut frames);
    }
    let mut cpu: Vec<Duration> = frames.iter().map(|f| f.1).collect();
    let mut wall: Vec<Duration> = frames.iter().map(|f| f.0).collect();
    wall.sort();
    cpu.sort();
    let pct = |v: &[Duration], p: f64| v[((v.len() as f64 - 1.0) * p) as usize].as_secs_f64() * 1000.0;
    let over = wall.iter().filter(|f| f.as_millis() > 16).count();
    println!(
        "{} frames: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms ({}); {over} over 16 ms",
        wall.len(),
        pct(&wall, 0.5),
        pct(&wall, 0.95),
        worst.0.as_secs_f64() * 1000.0,
        worst.1
    );
    println!(
        "UI thread's CPU time per frame: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms",
        pct(&cpu, 0.5),
        pct(&cpu, 0.95),
        pct(&cpu, 1.0)
    );
}
