//! Recomputing every visible view after a filter change on 1,000,000 loaded rows: overall NPS
//! with CES/CSAT, a breakdown, a two-way breakdown and a monthly trend, against the 50 ms budget
//! in DESIGN.md. Run with `cargo bench --bench filter_speed`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on purpose

use std::time::{Duration, Instant};

use nps_workbench::analysis::index::{MetricValues, NO_VALUE, SegmentCodes};
use nps_workbench::analysis::{Filter, MetricKind, Period, SurveyIndex};
use nps_workbench::report::{BenchmarkChoice, ViewRequest, compute_views};

const ROWS: usize = 1_000_000;
const RUNS: usize = 21;

fn index() -> SurveyIndex {
    let mut state = 7u64;
    let mut next = move |k: u64| {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) % k
    };
    let labels = |names: &[&str]| names.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let sectors = labels(&["Consulting", "Grocery", "ICT services", "Logistics", "Retail", "Wholesale"]);
    let regions = labels(&["Denmark", "Germany", "Netherlands", "United Kingdom", "Belgium"]);
    SurveyIndex {
        row_numbers: (2..ROWS as u32 + 2).collect(),
        scores: (0..ROWS).map(|_| if next(50) == 0 { NO_VALUE } else { next(11) as u8 }).collect(),
        weights: None,
        dates: Some((0..ROWS).map(|_| 20_089 + next(365) as i32).collect()),
        segments: vec![
            SegmentCodes {
                name: "sector".into(),
                is_sector: true,
                labels: sectors,
                codes: (0..ROWS).map(|_| next(6) as u32).collect(),
            },
            SegmentCodes {
                name: "region".into(),
                is_sector: false,
                labels: regions,
                codes: (0..ROWS).map(|_| next(5) as u32).collect(),
            },
        ],
        metrics: vec![
            MetricValues {
                name: "ces".into(),
                kind: MetricKind::CesAgree,
                values: (0..ROWS).map(|_| 1 + next(7) as u8).collect(),
            },
            MetricValues {
                name: "csat".into(),
                kind: MetricKind::Csat,
                values: (0..ROWS).map(|_| 1 + next(5) as u8).collect(),
            },
        ],
        ..SurveyIndex::default()
    }
}

fn main() {
    let index = index();
    let mut filter = Filter::default();
    filter.add_condition("region=Netherlands").unwrap();
    filter.add_condition("region=Denmark").unwrap();
    filter.date_from = Some("2025-03-01".into());
    filter.date_to = Some("2025-10-31".into());
    let request = ViewRequest {
        by: vec![vec!["sector".into()], vec!["sector".into(), "region".into()]],
        trend: Some(Period::Month),
        filter,
        benchmarks: BenchmarkChoice { sector_column: Some("sector".into()), ..BenchmarkChoice::default() },
    };
    let library = nps_workbench::benchmarks::bundled();
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let views = compute_views(&index, &request, &library);
            let elapsed = start.elapsed();
            assert!(views.overall.is_some_and(|o| o.n > 200_000), "the filter keeps about a quarter of the rows");
            elapsed
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];
    println!(
        "filter change on {ROWS} rows (overall + CES/CSAT + breakdown + two-way + monthly trend): median {:.1} ms over {RUNS} runs (budget 50 ms)",
        median.as_secs_f64() * 1000.0
    );
}
