//! Properties that hold for any data: segment counts add up to the overall count, weighted
//! shares add up, every interval contains the estimate shown, a filter that keeps every value
//! equals no filter, and no byte-level damage to a file makes the import panic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use nps_workbench::analysis::{Filter, MetricKind, Period, Survey, SurveyColumns};
use nps_workbench::import::{ExclusionReason, ImportOptions};
use nps_workbench::report::{BenchmarkChoice, ReportRequest, ViewRequest, ViewResults, compute_views, report_for_file};
use proptest::prelude::*;

/// A survey of up to 400 rows: scores (some missing), two segment columns, dates over a year,
/// a CSAT column and, sometimes, weights.
fn survey_strategy() -> impl Strategy<Value = Survey> {
    (1usize..400, any::<u64>(), any::<bool>())
        .prop_map(|(n, seed, weighted)| {
            let mut state = seed;
            let mut next = move |k: u64| {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) % k
            };
            let scores =
                (0..n).map(|_| if next(10) == 0 { Err(ExclusionReason::Blank) } else { Ok(next(11) as u8) }).collect();
            let region: Vec<u32> = (0..n).map(|_| next(4) as u32).collect();
            let channel: Vec<u32> = (0..n).map(|_| next(3) as u32).collect();
            let days = (0..n).map(|_| if next(20) == 0 { None } else { Some(20_000 + next(365) as i32) }).collect();
            let csat = (0..n).map(|_| if next(8) == 0 { None } else { Some(1 + next(5) as u8) }).collect();
            let weights = weighted.then(|| ("w".to_owned(), (0..n).map(|_| 0.25 + next(8) as f64 * 0.5).collect()));
            let columns = SurveyColumns {
                row_numbers: (2..n as u32 + 2).collect(),
                scores,
                score_name: "nps".into(),
                weights,
                days: Some(("date".into(), days)),
                segments: vec![
                    ("region".into(), false, ["A", "B", "C", "D"].map(String::from).to_vec(), region),
                    ("channel".into(), true, ["Phone", "Store", "Web"].map(String::from).to_vec(), channel),
                ],
                metrics: vec![("csat".into(), MetricKind::Csat, csat)],
                comments: Vec::new(),
                respondents: None,
            };
            // A tiny survey can have no valid score at all; such draws are skipped below.
            Survey::from_generated(columns, "generated.csv").map_err(|e| e.to_string())
        })
        .prop_filter_map("no valid score", Result::ok)
}

fn request(filter: Filter) -> ViewRequest {
    ViewRequest {
        by: vec![vec!["region".into()], vec!["region".into(), "channel".into()]],
        trend: Some(Period::Month),
        trend_by: None,
        filter,
        // "channel" is the sector column here; its values match no benchmark, which is fine.
        benchmarks: BenchmarkChoice { sector_column: Some("channel".into()), ..BenchmarkChoice::default() },
    }
}

fn views(survey: &Survey, filter: Filter) -> ViewResults {
    compute_views(survey, &request(filter), &nps_workbench::benchmarks::bundled()).unwrap()
}

/// Whether `low <= value <= high`, allowing for rounding.
fn inside(low: f64, value: f64, high: f64) -> bool {
    low - 1e-9 <= value && value <= high + 1e-9
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn segment_counts_add_up_to_the_overall_count(survey in survey_strategy()) {
        let views = views(&survey, Filter::default());
        let overall = views.overall.expect("a survey with a valid score has an overall NPS");
        prop_assert_eq!(overall.n as usize, survey.rows_used());
        for column in ["region", "region × channel"] {
            let rows = views.segments.iter().filter(|s| s.column == column);
            prop_assert_eq!(rows.map(|s| s.summary.n).sum::<u64>(), overall.n);
        }
        let trend_total: u64 = views.trend.unwrap().iter().map(|p| p.n).sum();
        let undated = survey.undated.as_ref().map_or(0, |u| u.rows) as u64;
        prop_assert_eq!(trend_total + undated, overall.n, "every answer is in the trend or reported as undated");
    }

    #[test]
    fn weighted_shares_add_up_and_counts_stay_counts(survey in survey_strategy()) {
        let views = views(&survey, Filter::default());
        let overall = views.overall.unwrap();
        prop_assert!((overall.promoter_pct + overall.passive_pct + overall.detractor_pct - 100.0).abs() < 1e-9);
        prop_assert_eq!(overall.promoters + overall.passives + overall.detractors, overall.n);
        prop_assert!((overall.nps - (overall.promoter_pct - overall.detractor_pct)).abs() < 1e-9);
        let shares: f64 = overall.distribution_pct.iter().sum();
        prop_assert!((shares - 100.0).abs() < 1e-9, "the distribution's shares add up: {shares}");
        if let Some(n_eff) = overall.effective_n {
            prop_assert!(n_eff <= overall.n as f64 + 1e-9 && n_eff > 0.0);
        }
        for s in &views.segments {
            let m = &s.summary;
            prop_assert!((m.promoter_pct + m.passive_pct + m.detractor_pct - 100.0).abs() < 1e-9);
            prop_assert_eq!(s.small_n, m.effective_n.unwrap_or(m.n as f64) < 30.0);
        }
    }

    #[test]
    fn every_interval_contains_the_estimate_shown(survey in survey_strategy()) {
        let views = views(&survey, Filter::default());
        let overall = views.overall.unwrap();
        // Below two effective answers there is no interval, and the reason is given.
        let enough = overall.effective_n.unwrap_or(overall.n as f64) >= 2.0 - 1e-9;
        prop_assert_eq!(overall.ci_low.is_some(), enough);
        prop_assert_eq!(overall.interval_note.is_none(), enough);
        if let (Some(low), Some(high)) = (overall.ci_low, overall.ci_high) {
            prop_assert!(inside(low, overall.nps, high), "{:?}", overall.summary);
            prop_assert!(inside(low, overall.ci_centre, high));
            prop_assert!(low >= -100.0 && high <= 100.0);
        }
        if let (Some(low), Some(high)) = (overall.mean_low, overall.mean_high) {
            prop_assert!(inside(low, overall.mean, high) && low >= 0.0 && high <= 10.0 && low < high);
        }
        for s in &views.segments {
            let m = &s.summary;
            if let (Some(low), Some(high)) = (m.ci_low, m.ci_high) {
                prop_assert!(inside(low, m.nps, high), "{:?}", s);
            }
            prop_assert!(inside(m.wald_low, m.nps, m.wald_high), "{:?}", s);
        }
        for p in views.trend.unwrap() {
            if let (Some(v), Some(lo), Some(hi)) = (p.nps, p.ci_low, p.ci_high) {
                prop_assert!(inside(lo, v, hi));
            }
        }
        if let Some(c) = &overall.metrics.csat {
            if let (Some(low), Some(high)) = (c.share_low, c.share_high) {
                prop_assert!(inside(low, c.share_pct, high));
            }
            if let (Some(low), Some(high)) = (c.mean_low, c.mean_high) {
                prop_assert!(inside(low, c.mean, high));
            } else {
                // No interval only below two (effective) answers, or when every answer is the same,
                // and always with the reason.
                let few = c.effective_n.unwrap_or(c.n as f64) < 2.0;
                let note = c.mean_interval_note;
                prop_assert!(few || note == Some("no_spread"), "no interval without a reason: {:?}", c);
                prop_assert!(note.is_some());
            }
        }
    }

    #[test]
    fn a_filter_keeping_everything_equals_no_filter(survey in survey_strategy()) {
        let mut everything = Filter::default();
        for label in ["A", "B", "C", "D"] {
            everything.add_condition(&format!("region={label}")).unwrap();
        }
        prop_assert_eq!(views(&survey, everything), views(&survey, Filter::default()));
    }
}

/// Small fixtures, as text or as a workbook, whose bytes are damaged below.
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let csv = "id;regio;aanbevelen;datum;opmerking\n1;Noord;9;2025-01-03;Goed\n2;Zuid;n.v.t.;2025-02-03;\"Te \"\"duur\"\"\"\n3;Noord;10;03-02-2025;\n4;Zuid;6;2025-03-01;Slecht; echt\n";
    let workbook = common::xlsx_bytes(&[
        vec!["How likely are you to recommend us?", "region", "date"],
        vec!["9", "North", "2025-01-03"],
        vec!["3", "South", "2025-02-03"],
        vec!["10", "North", "2025-02-04"],
    ]);
    vec![("survey.csv", csv.as_bytes().to_vec()), ("survey.xlsx", workbook)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn damaged_files_end_in_a_result_or_one_line(which in 0usize..2, edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..12)) {
        let (name, mut bytes) = fixtures().swap_remove(which);
        for (at, byte, kind) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match kind {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let request = ReportRequest { by: Vec::new(), trend: None, ..ReportRequest::default() };
        match report_for_file(&path, &request) {
            // Every row read is used or left out with a reason.
            Ok(report) => {
                let excluded: usize = report.excluded.iter().map(|e| e.rows).sum();
                prop_assert_eq!(report.rows_read, report.rows_used + excluded, "{:?}", report.excluded);
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(!message.contains('\n'), "one line: {message}");
                prop_assert!(message.contains(name), "names the file: {message}");
            }
        }
        let _ = ImportOptions::default();
    }
}

/// Comment texts drawn from pieces with mixed case, Dutch, Danish and German letters, blanks and
/// spaces, so that a query often hits, sometimes only in another case.
fn comment_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Levering",
        "te LAAT",
        "ærgerligt",
        "ÆRGERLIGT",
        "for sent",
        "Straße",
        "STRASSE",
        " ",
        "  ",
        "prijs",
        "Prijs!",
        "øl",
        "ØL",
        "é",
        "É",
        "app",
        "APP crashed",
        "",
        "niet",
        "ikke",
    ]);
    prop::collection::vec(pieces, 0..6).prop_map(|p| p.join(" "))
}

/// A survey of the comments (two columns) with scores, a segment and some dates missing.
fn listed_survey(rows: &[(String, String, u8, u32, Option<i32>)]) -> Survey {
    let columns = SurveyColumns {
        row_numbers: (2..rows.len() as u32 + 2).collect(),
        scores: rows.iter().map(|r| Ok(r.2)).collect(),
        score_name: "nps".into(),
        segments: vec![(
            "region".into(),
            false,
            ["A", "B", "C"].map(String::from).to_vec(),
            rows.iter().map(|r| r.3).collect(),
        )],
        days: Some(("date".into(), rows.iter().map(|r| r.4).collect())),
        comments: vec![
            ("why".into(), rows.iter().map(|r| r.0.clone()).collect()),
            ("more".into(), rows.iter().map(|r| r.1.clone()).collect()),
        ],
        ..SurveyColumns::default()
    };
    Survey::from_generated(columns, "listed.csv").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// The response list's search against the obvious reader: lower-case both, `contains`.
    #[test]
    fn search_finds_exactly_what_a_plain_lowercase_contains_finds(
        rows in prop::collection::vec((comment_strategy(), comment_strategy(), 0u8..11, 0u32..3, prop::option::of(20_000i32..20_400)), 1..60),
        query in prop::sample::select(vec!["laat", "LAAT", " Ærgerligt ", "straße", "ø", "app c", "e", "", "x"]),
        keep in prop::collection::vec(any::<bool>(), 60),
    ) {
        let survey = listed_survey(&rows);
        let positions: Vec<u32> = (0..rows.len() as u32).filter(|&p| keep[p as usize]).collect();
        let needle = query.trim().to_lowercase();
        let expected: Vec<u32> = positions
            .iter()
            .copied()
            .filter(|&p| {
                let (a, b) = (&rows[p as usize].0, &rows[p as usize].1);
                needle.is_empty() || a.to_lowercase().contains(&needle) || b.to_lowercase().contains(&needle)
            })
            .collect();
        prop_assert_eq!(nps_workbench::analysis::search_comments(&survey, &positions, query), expected);
    }

    /// The response list's ordering against the standard library's stable sort of the same keys.
    #[test]
    fn ordering_matches_a_stable_sort_of_the_keys(
        rows in prop::collection::vec((comment_strategy(), comment_strategy(), 0u8..11, 0u32..3, prop::option::of(20_000i32..20_400)), 1..60),
        descending in any::<bool>(),
        which in 0usize..4,
    ) {
        use nps_workbench::analysis::ResponseOrder;
        let survey = listed_survey(&rows);
        let positions: Vec<u32> = (0..rows.len() as u32).collect();
        let (order, key): (ResponseOrder, Box<dyn Fn(usize) -> Option<i64>>) = match which {
            0 => (ResponseOrder::Score, Box::new(|p| Some(i64::from(rows[p].2)))),
            1 => (ResponseOrder::Date, Box::new(|p| rows[p].4.map(i64::from))),
            2 => (ResponseOrder::Segment(0), Box::new(|p| Some(i64::from(rows[p].3)))),
            _ => (ResponseOrder::Comment, Box::new(|p| {
                let n = rows[p].0.trim().chars().count() as i64;
                (n > 0).then_some(n)
            })),
        };
        // Rows with a value first (ascending, or descending), the rest after; file order among equals.
        let (mut with, without): (Vec<u32>, Vec<u32>) = positions.iter().partition(|&&p| key(p as usize).is_some());
        with.sort_by_key(|&p| key(p as usize).unwrap());
        if descending {
            with.sort_by_key(|&p| std::cmp::Reverse(key(p as usize)));
        }
        with.extend(without);
        prop_assert_eq!(nps_workbench::analysis::order_responses(&survey, &positions, order, descending), with);
    }
}
