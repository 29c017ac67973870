//! Properties that hold for any data: segment counts add up to the overall count, every interval
//! contains its centre, and a filter that keeps every value equals no filter.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use nps_workbench::analysis::index::{MetricValues, NO_DATE, NO_VALUE, SegmentCodes};
use nps_workbench::analysis::{Filter, MetricKind, Period, SurveyIndex};
use nps_workbench::report::{BenchmarkChoice, ViewRequest, compute_views};
use proptest::prelude::*;

/// An index of up to 400 rows: scores (some missing), two segment columns, dates over a year,
/// a CSAT column and, sometimes, weights.
fn index_strategy() -> impl Strategy<Value = SurveyIndex> {
    (1usize..400, any::<u64>(), any::<bool>()).prop_map(|(n, seed, weighted)| {
        let mut state = seed;
        let mut next = move |k: u64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % k
        };
        let scores: Vec<u8> = (0..n).map(|_| if next(10) == 0 { NO_VALUE } else { next(11) as u8 }).collect();
        let region: Vec<u32> = (0..n).map(|_| next(4) as u32).collect();
        let channel: Vec<u32> = (0..n).map(|_| next(3) as u32).collect();
        let dates: Vec<i32> = (0..n).map(|_| if next(20) == 0 { NO_DATE } else { 20_000 + next(365) as i32 }).collect();
        let csat: Vec<u8> = (0..n).map(|_| if next(8) == 0 { NO_VALUE } else { 1 + next(5) as u8 }).collect();
        let weights = weighted.then(|| (0..n).map(|_| 0.5 + next(4) as f64 * 0.5).collect());
        SurveyIndex {
            row_numbers: (2..n as u32 + 2).collect(),
            scores,
            weights,
            dates: Some(dates),
            segments: vec![
                SegmentCodes {
                    name: "region".into(),
                    is_sector: false,
                    labels: ["A", "B", "C", "D"].map(String::from).to_vec(),
                    codes: region,
                },
                SegmentCodes {
                    name: "channel".into(),
                    is_sector: true,
                    labels: ["Phone", "Store", "Web"].map(String::from).to_vec(),
                    codes: channel,
                },
            ],
            metrics: vec![MetricValues { name: "csat".into(), kind: MetricKind::Csat, values: csat }],
            ..SurveyIndex::default()
        }
    })
}

fn request(filter: Filter) -> ViewRequest {
    ViewRequest {
        by: vec![vec!["region".into()], vec!["region".into(), "channel".into()]],
        trend: Some(Period::Month),
        filter,
        // "channel" is the sector column here; its values match no benchmark, which is fine.
        benchmarks: BenchmarkChoice { sector_column: Some("channel".into()), ..BenchmarkChoice::default() },
    }
}

fn library() -> Vec<nps_workbench::benchmarks::Benchmark> {
    nps_workbench::benchmarks::bundled()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn segment_counts_add_up_to_the_overall_count(index in index_strategy()) {
        let views = compute_views(&index, &request(Filter::default()), &library());
        let Some(overall) = views.overall else { return Ok(()) };
        for column in ["region", "region × channel"] {
            let rows = views.segments.iter().filter(|s| s.column == column);
            prop_assert_eq!(rows.map(|s| s.summary.n).sum::<u64>(), overall.n);
        }
        // CSAT answers per region add up to those of every region shown (a region is shown when
        // it has a 0-10 answer; its CSAT counts every CSAT answer in it).
        let regions = &index.segments[0];
        let shown: Vec<&str> = views.segments.iter().filter(|s| s.column == "region").map(|s| s.value.as_str()).collect();
        let csat = &index.metrics[0].values;
        let expected = (0..index.len())
            .filter(|&i| csat[i] != NO_VALUE && shown.contains(&regions.labels[regions.codes[i] as usize].as_str()))
            .count() as u64;
        let per_region: u64 = views.segments.iter().filter(|s| s.column == "region").filter_map(|s| s.metrics.csat.as_ref()).map(|c| c.n).sum();
        prop_assert_eq!(per_region, expected);
        let dated = index.scores.iter().zip(index.dates.as_ref().unwrap()).filter(|(s, d)| **s != NO_VALUE && **d != NO_DATE).count();
        let trend_total: u64 = views.trend.unwrap().iter().map(|p| p.n).sum();
        prop_assert_eq!(trend_total, dated as u64);
    }

    #[test]
    fn every_interval_contains_its_centre(index in index_strategy()) {
        let views = compute_views(&index, &request(Filter::default()), &library());
        let Some(overall) = views.overall else { return Ok(()) };
        let eps = 1e-9;
        // The adjusted-Wald interval is centred on the adjusted NPS; the Wald interval on the raw one.
        prop_assert!(overall.ci_low - eps <= overall.ci_centre && overall.ci_centre <= overall.ci_high + eps);
        prop_assert!(overall.wald_low - eps <= overall.nps && overall.nps <= overall.wald_high + eps);
        for s in &views.segments {
            let m = &s.summary;
            prop_assert!(m.ci_low - eps <= m.ci_centre && m.ci_centre <= m.ci_high + eps, "{:?}", s);
            prop_assert!(m.wald_low - eps <= m.nps && m.nps <= m.wald_high + eps, "{:?}", s);
        }
        for p in views.trend.unwrap() {
            if let (Some(v), Some(lo), Some(hi)) = (p.ci_centre, p.ci_low, p.ci_high) {
                prop_assert!(lo - eps <= v && v <= hi + eps);
            }
        }
        if let Some(c) = &overall.metrics.csat {
            prop_assert!(c.share_low - eps <= c.share_pct && c.share_pct <= c.share_high + eps);
            prop_assert!(c.mean_low - eps <= c.mean && c.mean <= c.mean_high + eps);
        }
    }

    #[test]
    fn a_filter_keeping_everything_equals_no_filter(index in index_strategy()) {
        let mut everything = Filter::default();
        for label in ["A", "B", "C", "D"] {
            everything.add_condition(&format!("region={label}")).unwrap();
        }
        everything.date_from = None;
        prop_assert_eq!(compute_views(&index, &request(everything), &library()), compute_views(&index, &request(Filter::default()), &library()));
    }
}
