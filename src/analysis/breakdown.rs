//! NPS per value of a segment column, and two-way breakdowns, each row tested against the rest
//! of the (filtered) data with Holm's correction across the rows tested together.

use serde::Serialize;

#[cfg(doc)]
use super::SMALL_N;
use super::engine::GroupTally;
use super::metrics::{GroupMetrics, group_metrics};
use super::summary::{NpsSummary, ScoreTally};
use super::survey::Survey;
use crate::stats::compare::Difference;
use crate::stats::{self, Z95};

/// Significance level of the tests.
pub const ALPHA: f64 = 0.05;

pub use crate::stats::MIN_TESTED_N;

/// The calibrated test of group `a`'s NPS against group `b`'s (see [`stats::compare`]: the exact
/// permutation test for unweighted groups of up to 100 answers, the raw difference over the
/// pooled SE otherwise), when both have at least [`MIN_TESTED_N`] (effective) answers.
pub fn test_groups(a: &ScoreTally, b: &ScoreTally, weighted: bool) -> Option<Difference> {
    let (a, n_a) = a.effective_counts(weighted)?;
    let (b, n_b) = b.effective_counts(weighted)?;
    if n_a < MIN_TESTED_N || n_b < MIN_TESTED_N {
        return None;
    }
    stats::compare::compare_nps(&a, &b, weighted, Z95)
}

/// The NPS of the answers that share one value (or one pair of values) of segment columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    /// The column's header (`sector × region` for a two-way breakdown).
    pub column: String,
    /// The value shared (`Retail × Denmark` for a two-way breakdown).
    pub value: String,
    /// The value of each column on its own (`["Retail", "Denmark"]`), for a matrix of a two-way
    /// breakdown: a label may hold " × " itself, so `value` is not split.
    #[serde(skip)]
    pub values: Vec<String>,
    /// The segment's NPS, counts, shares and intervals.
    #[serde(flatten)]
    pub summary: NpsSummary,
    /// Fewer than [`SMALL_N`] answers (Kish's effective n when weighted): the interval is wide,
    /// compare with care.
    pub small_n: bool,
    /// Difference with the rest of the data, NPS points (segment minus rest).
    pub difference_vs_rest: Option<f64>,
    /// Two-sided p-value of the calibrated test against the rest of the data (unadjusted);
    /// absent when either side has fewer than [`MIN_TESTED_N`] answers.
    pub p_value: Option<f64>,
    /// The test behind `p_value`: `exact_permutation` or `pooled_z` (see [`stats::compare`]).
    pub test_method: Option<&'static str>,
    /// The smallest difference with the rest this comparison detects at 5% (two-sided) with 80%
    /// power, NPS points.
    pub minimum_detectable: Option<f64>,
    /// Holm-adjusted p-value over the rows of this breakdown.
    pub p_adjusted: Option<f64>,
    /// Whether the difference with the rest is significant at 5% after Holm's correction (only
    /// when more than one row is tested; with one row, the plain p-value).
    pub significant: bool,
    /// CES, CSAT and grade of the segment, where the file has them.
    #[serde(flatten)]
    pub metrics: GroupMetrics,
    /// When invitations are known per value of this column: how many of the invited answered
    /// (respondent rows of the whole file, before exclusions and filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_rate: Option<super::ResponseRate>,
}

/// Rows for every non-empty group of a grouping by `columns` (as the engine returns it: codes
/// into the columns' labels and tallies), each tested against the rest, with Holm's correction.
#[must_use]
pub fn breakdown_rows(survey: &Survey, columns: &[String], groups: &[(Vec<u32>, GroupTally)]) -> Vec<SegmentRow> {
    let segments: Vec<_> = columns.iter().filter_map(|c| survey.segment(c)).collect();
    if segments.len() != columns.len() {
        return Vec::new();
    }
    let weighted = survey.is_weighted();
    let mut total = ScoreTally::default();
    for (_, group) in groups {
        total.merge(&group.nps);
    }
    let column = columns.join(" × ");
    let mut rows: Vec<SegmentRow> = Vec::new();
    for (codes, group) in groups {
        let Some(summary) = NpsSummary::from_tally(&group.nps, weighted) else { continue };
        let values: Vec<String> =
            segments.iter().zip(codes).map(|(s, &c)| s.labels.get(c as usize).cloned().unwrap_or_default()).collect();
        let value = values.join(" × ");
        let rest = total.minus(&group.nps);
        let test = test_groups(&group.nps, &rest, weighted);
        let difference_vs_rest =
            rest.effective_counts(weighted).and_then(|(c, _)| c.nps()).map(|r| summary.nps - 100.0 * r);
        rows.push(SegmentRow {
            column: column.clone(),
            value,
            values,
            small_n: summary.is_small(),
            summary,
            difference_vs_rest,
            p_value: test.as_ref().map(|t| t.p_value),
            test_method: test.as_ref().map(|t| t.method.id()),
            minimum_detectable: test.as_ref().and_then(|t| stats::plan::minimum_detectable(t.se)).map(|m| 100.0 * m),
            p_adjusted: None,
            significant: false,
            metrics: group_metrics(&survey.metrics, group, weighted),
            response_rate: None,
        });
    }
    let tested: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].p_value.is_some()).collect();
    let p_values: Vec<f64> = tested.iter().filter_map(|&i| rows[i].p_value).collect();
    let adjusted = stats::holm_adjust(&p_values);
    for (&i, p) in tested.iter().zip(adjusted) {
        rows[i].p_adjusted = Some(p);
        rows[i].significant = p < ALPHA;
    }
    rows
}

/// The overall NPS of a filtered tally, with CES, CSAT and grade.
#[must_use]
pub fn overall_summary(survey: &Survey, overall: &GroupTally) -> Option<(NpsSummary, GroupMetrics)> {
    let weighted = survey.is_weighted();
    let summary = NpsSummary::from_tally(&overall.nps, weighted)?;
    Some((summary, group_metrics(&survey.metrics, overall, weighted)))
}

#[cfg(test)]
mod tests {
    use super::super::engine::{Query, aggregate};
    use super::super::filter::Filter;
    use super::super::survey::SurveyColumns;
    use super::super::survey::tests::{small_columns, small_survey, test_source};
    use super::*;

    fn rows_by(survey: &Survey, columns: &[&str]) -> Vec<SegmentRow> {
        let columns: Vec<String> = columns.iter().map(|c| (*c).to_owned()).collect();
        let query = Query { filter: Filter::default(), groupings: vec![columns.clone()], trend: None };
        let result = aggregate(survey, &query).unwrap();
        breakdown_rows(survey, &columns, &result.groupings[0])
    }

    #[test]
    fn segments_add_up_and_test_against_the_rest() {
        let survey = small_survey();
        let rows = rows_by(&survey, &["region"]);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.iter().map(|r| r.summary.n).sum::<u64>(), 7);
        // A: 10, 9, 0, 10 -> NPS 50; B: 7, 3, 9 -> NPS 0.
        assert!((rows[0].summary.nps - 50.0).abs() < 1e-9);
        assert!((rows[1].summary.nps - 0.0).abs() < 1e-9);
        assert!((rows[0].difference_vs_rest.unwrap() - 50.0).abs() < 1e-9);
        // Four and three answers: too few to test.
        assert!(rows.iter().all(|r| r.small_n && !r.significant && r.p_value.is_none()));
    }

    #[test]
    fn a_lone_respondent_is_never_significant() {
        // One promoter against (20, 30, 50): the plain Wald test said p = 3e-62.
        let mut codes = vec![0u32];
        let mut scores = vec![Ok(10u8)];
        for (score, k) in [(0u8, 20), (7, 30), (9, 50)] {
            for _ in 0..k {
                codes.push(1);
                scores.push(Ok(score));
            }
        }
        let columns = SurveyColumns {
            row_numbers: (0..scores.len() as u32).collect(),
            scores,
            score_name: "nps".into(),
            segments: vec![("g".into(), false, vec!["one".into(), "rest".into()], codes)],
            ..SurveyColumns::default()
        };
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let rows = rows_by(&survey, &["g"]);
        assert_eq!(rows[0].summary.n, 1);
        assert!(!rows[0].significant && rows[0].p_value.is_none());
        assert!((rows[0].difference_vs_rest.unwrap_or_default() - 70.0).abs() < 1e-9, "the difference is still shown");
    }

    #[test]
    fn reference_two_group_test_and_holm() {
        // statistics.md: (20,30,50) vs (30,30,40): difference +0.2, p 0.079411.
        let mut codes = Vec::new();
        let mut scores = Vec::new();
        for (code, (d, pa, p)) in [(0u32, (20, 30, 50)), (1, (30, 30, 40))] {
            for (score, k) in [(0u8, d), (7, pa), (9, p)] {
                for _ in 0..k {
                    codes.push(code);
                    scores.push(Ok(score));
                }
            }
        }
        let columns = SurveyColumns {
            row_numbers: (0..scores.len() as u32).collect(),
            scores,
            score_name: "nps".into(),
            segments: vec![("g".into(), false, vec!["x".into(), "y".into()], codes)],
            ..SurveyColumns::default()
        };
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let rows = rows_by(&survey, &["g"]);
        assert!((rows[0].difference_vs_rest.unwrap() - 20.0).abs() < 1e-6);
        // Groups of 100 are tested exactly (the permutation test), near the plain test's 0.079411.
        let p = crate::stats::exact::nps_permutation_p([20, 30, 50], [30, 30, 40]).unwrap();
        assert_eq!(rows[0].test_method, Some("exact_permutation"));
        assert!((rows[0].p_value.unwrap() - p).abs() < 1e-9);
        assert!(p > 0.07 && p < 0.1, "close to the plain test's 0.079411: {p}");
        assert!((rows[1].difference_vs_rest.unwrap() + 20.0).abs() < 1e-6);
        // Holm with two equal p-values doubles them.
        assert!((rows[0].p_adjusted.unwrap() - 2.0 * p).abs() < 1e-9);
        assert!(!rows[0].significant);
    }

    #[test]
    fn two_way_cells_add_up() {
        let mut columns = small_columns();
        columns.segments.push((
            "channel".into(),
            false,
            vec!["Phone".into(), "Web".into()],
            vec![1, 0, 1, 0, 1, 0, 1, 0],
        ));
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let rows = rows_by(&survey, &["region", "channel"]);
        assert_eq!(rows.iter().map(|r| r.summary.n).sum::<u64>(), 7);
        assert_eq!(rows[0].column, "region × channel");
        assert_eq!(rows[0].value, "A × Phone");
    }
}
