//! Measures the window's frames on the UI thread with a large survey loaded: every view
//! (Ctrl+1..6) and filter changes, stepping the real window (`ui::Window`) in a headless
//! egui_kittest harness and timing each frame (the app's logic, drawing every panel and applying
//! the commands; no GPU). Prints the worst frame and what was happening.
//!
//! `cargo run --release --example frame_times -- FILE.csv` (the report bench writes
//! `target/bench-data/responses-1m.csv`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a measuring tool: fail loudly

use std::time::{Duration, Instant};

use eframe::egui;
use egui_kittest::Harness;
use nps_workbench::analysis::Filter;
use nps_workbench::app::{AppCommand, LoadSource, LoadedSurvey, NpsApp};
use nps_workbench::import::{self, ImportOptions};
use nps_workbench::ui::Window;

/// Steps until nothing is computing (or 60 s), timing every frame; returns the worst.
fn settle(harness: &mut Harness<'_, Window>, what: &str, worst: &mut (Duration, String), frames: &mut Vec<Duration>) {
    let end = Instant::now() + Duration::from_secs(60);
    let mut quiet = 0;
    while Instant::now() < end && quiet < 3 {
        let start = Instant::now();
        harness.step();
        let took = start.elapsed();
        frames.push(took);
        if took.as_millis() > 16 {
            println!("  {:.1} ms: {what}", took.as_secs_f64() * 1000.0);
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
    let table = import::read_file(path.as_ref(), &ImportOptions::default(), &mut |_| true).unwrap();
    let loaded =
        LoadedSurvey::from_table(LoadSource::File(path.clone().into()), ImportOptions::default(), &table).unwrap();
    drop(table);
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
            harness.state_mut().app_mut().push(AppCommand::SetFilter(filter));
            settle(&mut harness, &format!("filter {} = {label}", segment.0), &mut worst, &mut frames);
        }
        if let Some((first, last)) = dates {
            let middle = nps_workbench::analysis::calendar::iso_date(first + (last - first) / 2);
            let filter = Filter { date_from: Some(middle), ..Filter::default() };
            harness.state_mut().app_mut().push(AppCommand::SetFilter(filter));
            settle(&mut harness, "date filter", &mut worst, &mut frames);
        }
        harness.state_mut().app_mut().push(AppCommand::SetFilter(Filter::default()));
        settle(&mut harness, "filter cleared", &mut worst, &mut frames);
    }
    frames.sort();
    let pct = |p: f64| frames[((frames.len() as f64 - 1.0) * p) as usize].as_secs_f64() * 1000.0;
    let over = frames.iter().filter(|f| f.as_millis() > 16).count();
    println!(
        "{} frames: median {:.2} ms, p95 {:.2} ms, worst {:.2} ms ({}); {over} over 16 ms",
        frames.len(),
        pct(0.5),
        pct(0.95),
        worst.0.as_secs_f64() * 1000.0,
        worst.1
    );
}
