//! Comparing two waves of 1,000,000 answers each, against the 1.5 s budget in DESIGN.md: `compare
//! PREVIOUS CURRENT --by region --by sector --json` end to end (both files read, typed, matched by
//! respondent ID and compared overall and per segment), and the comparison alone on the two
//! loaded surveys (what the app's Compare view recomputes). Half of the second wave's respondents
//! answered the first. Run with `cargo bench --bench compare_speed`; the files are generated,
//! deterministically, into `target/bench-data/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on purpose

mod support;

use std::io::Write as _;
use std::path::Path;

use support::{bench_data, timed, timed_cli};

use nps_workbench::analysis::waves::{MatchedColumn, Wave, compare_waves};
use nps_workbench::analysis::{Filter, Survey, SurveyParts};

const ROWS: usize = 1_000_000;
const RUNS: usize = 7;

/// A wave's CSV: respondent IDs from `first_id`, a region, a sector and the 0-10 answer drawn
/// around a shifted mean.
fn make_wave(path: &Path, first_id: usize, shift: u64, seed: u64) {
    let mut state = seed;
    let mut next = move |k: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % k
    };
    let regions = ["Belgium", "Denmark", "Germany", "Netherlands", "United Kingdom"];
    let sectors = ["Consulting", "Grocery", "ICT services", "Logistics", "Retail", "Wholesale"];
    let temporary = path.with_extension("partial");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&temporary).unwrap());
    writeln!(out, "respondent_id,region,sector,How likely are you to recommend us? (0-10)").unwrap();
    for i in 0..ROWS {
        let score = (next(11) + next(3) * shift / 2).min(10);
        let (region, sector) = (regions[next(5) as usize], sectors[next(6) as usize]);
        writeln!(out, "R{:07},{region},{sector},{score}", first_id + i).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&temporary, path).unwrap();
}

fn main() {
    let dir = bench_data();
    let (previous, current) = (dir.join("wave-1-1m.csv"), dir.join("wave-2-1m.csv"));
    if !previous.exists() {
        make_wave(&previous, 0, 0, 11);
    }
    if !current.exists() {
        make_wave(&current, ROWS / 2, 1, 12);
    }
    let arguments = [
        "compare",
        previous.to_str().unwrap(),
        current.to_str().unwrap(),
        "--by",
        "region",
        "--by",
        "sector",
        "--json",
    ];
    let (end_to_end, json) = timed_cli(env!("CARGO_BIN_EXE_nps-workbench"), &arguments, RUNS);
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["change"]["respondents_in_both"].as_u64(), Some(ROWS as u64 / 2));
    assert_eq!(parsed["segments"].as_array().map(Vec::len), Some(11));
    // The comparison alone, on the loaded surveys.
    let load = |path: &Path, column: &str| {
        let table = nps_workbench::import::read_file(path, &Default::default(), &mut |_| true).unwrap();
        let parts = SurveyParts { segments: Some(Vec::new()), dates: false, comments: false, metrics: true };
        Survey::from_table_with(&table, &[column.to_owned(), "sector".to_owned()], &parts).unwrap()
    };
    let (old, new) = (load(&previous, "region"), load(&current, "region"));
    let all = Filter::default();
    let columns: Vec<MatchedColumn> = ["region", "sector"]
        .iter()
        .map(|c| MatchedColumn { previous: (*c).to_owned(), current: (*c).to_owned() })
        .collect();
    let (in_memory, ()) = timed(RUNS, || {
        let c =
            compare_waves(Wave { survey: &old, filter: &all }, Wave { survey: &new, filter: &all }, &columns).unwrap();
        assert_eq!(c.change.respondents_in_both, Some(ROWS as u64 / 2));
    });
    println!(
        "compare of two {ROWS}-row waves (--by region --by sector, half the respondents in both): median {:.0} ms end to end over {RUNS} runs (budget 1500 ms); the comparison alone on the loaded surveys {:.0} ms",
        end_to_end, in_memory
    );
}
