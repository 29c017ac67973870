//! The key driver analysis of 100,000 respondents with 15 rating questions and 1,000 bootstrap
//! resamples (Johnson's weights and the exact Shapley values, both with intervals), against the
//! 2 s budget of the drivers issue: `drivers FILE --json` end to end (read, typed, analysed),
//! and the analysis alone on the loaded survey (what the app's Drivers view recomputes). Run with
//! `cargo bench --bench drivers_speed`. The logistic variant (`--promoter`: Johnson's weights of
//! the latent R², IRLS fit, one-step bootstrap of 2,000 groups) is timed the same way. The file
//! is generated, deterministically, into `target/bench-data/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on purpose

mod support;

use std::io::Write as _;
use std::path::Path;

use support::{bench_data, timed, timed_cli};

use nps_workbench::analysis::drivers::driver_analysis;
use nps_workbench::analysis::{Filter, Survey};
use nps_workbench::stats::drivers::{DriverOptions, Model};

const ROWS: usize = 100_000;
const DRIVERS: usize = 15;
const RUNS: usize = 7;

/// The survey: 15 ratings "(1-5)", correlated through a common satisfaction, a score made of
/// them, and every 50th answer of each rating blank.
fn make_survey(path: &Path) {
    let mut state = 7u64;
    let mut next = move |k: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % k
    };
    let temporary = path.with_extension("partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&temporary).unwrap());
    let headers: Vec<String> = (1..=DRIVERS).map(|j| format!("Rate aspect {j} (1-5)")).collect();
    writeln!(out, "How likely are you to recommend us? (0-10),{}", headers.join(",")).unwrap();
    for i in 0..ROWS {
        let mood = next(3);
        let ratings: Vec<u64> = (0..DRIVERS).map(|_| (1 + mood + next(3)).min(5)).collect();
        let sum: u64 = ratings.iter().enumerate().map(|(j, r)| r * (j as u64 % 4 + 1)).sum();
        let score = (sum * 10 / (5 * 37) + next(3)).min(10);
        let cells: Vec<String> = ratings
            .iter()
            .enumerate()
            .map(|(j, r)| if (i + j) % 50 == 0 { String::new() } else { r.to_string() })
            .collect();
        writeln!(out, "{score},{}", cells.join(",")).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&temporary, path).unwrap();
}

fn main() {
    let dir = bench_data();
    let path = dir.join("drivers-100k.csv");
    if !path.exists() {
        make_survey(&path);
    }
    let binary = env!("CARGO_BIN_EXE_nps-workbench");
    let file = path.to_str().unwrap();
    let (end_to_end, json) = timed_cli(binary, &["drivers", file, "--json", "--resamples", "1000"], RUNS);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    let drivers = parsed["drivers"].as_array().unwrap();
    assert_eq!(drivers.len(), DRIVERS);
    assert!(drivers.iter().all(|d| d["shapley_ci_low"].is_number() && d["ci_high"].is_number()));
    assert_eq!(parsed["resamples_used"].as_u64(), Some(1000));
    let table = nps_workbench::import::read_file(&path, &Default::default(), &mut |_| true).unwrap();
    let survey = Survey::from_table(&table).unwrap();
    let options = DriverOptions::default();
    let in_memory = |options: &DriverOptions| {
        timed(RUNS, || {
            let analysis = driver_analysis(&survey, &Filter::default(), None, options).unwrap();
            assert_eq!(analysis.drivers.len(), DRIVERS);
            assert_eq!(analysis.resamples_used, 1000);
        })
        .0
    };
    let linear = in_memory(&options);
    let logistic = in_memory(&DriverOptions { model: Model::Logistic, ..options });
    let (promoter_end_to_end, _) =
        timed_cli(binary, &["drivers", file, "--json", "--promoter", "--resamples", "1000"], RUNS);
    println!(
        "drivers of {ROWS} respondents, {DRIVERS} ratings, 1000 resamples (Johnson and Shapley with intervals): median {:.0} ms end to end over {RUNS} runs (budget 2000 ms); the analysis alone on the loaded survey {:.0} ms; n used {}",
        end_to_end, linear, parsed["n_used"]
    );
    println!(
        "promoter or not (logistic, Johnson's weights of the latent R² with intervals), same file: median {:.0} ms end to end, {:.0} ms the analysis alone",
        promoter_end_to_end, logistic
    );
}
