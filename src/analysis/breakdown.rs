//! NPS per value of a segment column, and two-way breakdowns, each row tested against the rest
//! of the (filtered) data with Holm's correction across the rows tested together.

use serde::Serialize;

use super::SMALL_N;
use super::index::SurveyIndex;
use super::metrics::{GroupMetrics, GroupTallies, tally_groups};
use super::summary::{NpsSummary, ScoreTally};
use crate::stats::{self, Z95};

/// Significance level of the tests.
pub const ALPHA: f64 = 0.05;

/// The NPS of the answers that share one value (or one pair of values) of segment columns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    /// The column's header (`sector × region` for a two-way breakdown).
    pub column: String,
    /// The value shared (`Retail × Denmark` for a two-way breakdown).
    pub value: String,
    /// The segment's NPS, counts, shares and intervals.
    #[serde(flatten)]
    pub summary: NpsSummary,
    /// Fewer than [`SMALL_N`] answers: the interval is wide, compare with care.
    pub small_n: bool,
    /// Difference with the rest of the data, NPS points (segment minus rest).
    pub difference_vs_rest: Option<f64>,
    /// Two-sided p-value of the z-test against the rest of the data (unadjusted).
    pub p_value: Option<f64>,
    /// Holm-adjusted p-value over the rows of this breakdown.
    pub p_adjusted: Option<f64>,
    /// Whether the difference with the rest is significant at 5% after Holm's correction (only
    /// when more than one row is tested; with one row, the plain p-value).
    pub significant: bool,
    /// CES, CSAT and grade of the segment, where the file has them.
    #[serde(flatten)]
    pub metrics: GroupMetrics,
    /// For a sector: the benchmark it is compared with, and the verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<crate::benchmarks::Comparison>,
}

/// NPS and metric tallies per group (`key` gives a row's group) among the rows kept by `mask`.
fn tally_by<'a>(
    index: &'a SurveyIndex,
    mask: &[bool],
    key: impl Fn(usize) -> usize,
    groups: usize,
) -> GroupTallies<'a> {
    tally_groups(&index.scores, &index.metrics, index.weights.as_deref(), mask, |i| Some(key(i)), groups)
}

/// Rows for every non-empty group, with tests against the rest and Holm's correction.
fn rows_from_tallies(
    column: &str,
    labels: &[String],
    tallies: &[ScoreTally],
    mut metrics: Vec<GroupMetrics>,
    weighted: bool,
) -> Vec<SegmentRow> {
    let mut total = ScoreTally::default();
    for t in tallies {
        total.merge(t);
    }
    let mut rows: Vec<SegmentRow> = Vec::new();
    for (k, (label, tally)) in labels.iter().zip(tallies).enumerate() {
        let Some(summary) = NpsSummary::from_tally(tally, weighted) else { continue };
        let rest = total.minus(tally);
        let test = match (tally.effective_counts(weighted), rest.effective_counts(weighted)) {
            (Some((a, _)), Some((b, _))) => stats::two_group_test(&a, &b, Z95),
            _ => None,
        };
        rows.push(SegmentRow {
            column: column.to_owned(),
            value: label.clone(),
            small_n: summary.n < SMALL_N,
            summary,
            difference_vs_rest: test.as_ref().map(|t| 100.0 * t.difference),
            p_value: test.as_ref().map(|t| t.p_value),
            p_adjusted: None,
            significant: false,
            metrics: metrics.get_mut(k).map(std::mem::take).unwrap_or_default(),
            benchmark: None,
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

/// NPS per value of `column` among the rows kept by `mask`, sorted by value.
#[must_use]
pub fn breakdown(index: &SurveyIndex, column: &str, mask: &[bool]) -> Vec<SegmentRow> {
    let Some(segment) = index.segment(column) else { return Vec::new() };
    let tallies = tally_by(index, mask, |i| segment.codes[i] as usize, segment.labels.len());
    let weighted = index.weights.is_some();
    rows_from_tallies(column, &segment.labels, &tallies.nps, tallies.summaries(weighted), weighted)
}

/// NPS per pair of values of two columns (e.g. sector × region), sorted by first then second.
#[must_use]
pub fn two_way_breakdown(index: &SurveyIndex, first: &str, second: &str, mask: &[bool]) -> Vec<SegmentRow> {
    let (Some(a), Some(b)) = (index.segment(first), index.segment(second)) else { return Vec::new() };
    let width = b.labels.len();
    let tallies = tally_by(index, mask, |i| a.codes[i] as usize * width + b.codes[i] as usize, a.labels.len() * width);
    let labels: Vec<String> =
        a.labels.iter().flat_map(|x| b.labels.iter().map(move |y| format!("{x} × {y}"))).collect();
    let weighted = index.weights.is_some();
    rows_from_tallies(&format!("{first} × {second}"), &labels, &tallies.nps, tallies.summaries(weighted), weighted)
}

/// The overall NPS of the rows kept by `mask`, with CES, CSAT and grade, in one pass.
#[must_use]
pub fn overall(index: &SurveyIndex, mask: &[bool]) -> Option<(NpsSummary, GroupMetrics)> {
    let tallies = tally_by(index, mask, |_| 0, 1);
    let weighted = index.weights.is_some();
    let summary = NpsSummary::from_tally(&tallies.nps[0], weighted)?;
    Some((summary, tallies.summaries(weighted).pop().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::super::index::tests::small_index;
    use super::super::index::{Filter, SegmentCodes};
    use super::*;

    #[test]
    fn segments_add_up_and_test_against_the_rest() {
        let index = small_index();
        let mask = index.mask(&Filter::default());
        let rows = breakdown(&index, "region", &mask);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows.iter().map(|r| r.summary.n).sum::<u64>(), overall(&index, &mask).unwrap().0.n);
        // A: 10, 9, 0, 10 -> NPS 50; B: 7, 3, 9 -> NPS 0.
        assert!((rows[0].summary.nps - 50.0).abs() < 1e-9);
        assert!((rows[1].summary.nps - 0.0).abs() < 1e-9);
        assert!((rows[0].difference_vs_rest.unwrap() - 50.0).abs() < 1e-9);
        assert!(rows.iter().all(|r| r.small_n && !r.significant && r.p_adjusted.is_some()));
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
                    scores.push(score);
                }
            }
        }
        let index = SurveyIndex {
            row_numbers: (0..scores.len() as u32).collect(),
            scores,
            segments: vec![SegmentCodes {
                name: "g".into(),
                is_sector: false,
                labels: vec!["x".into(), "y".into()],
                codes,
            }],
            ..SurveyIndex::default()
        };
        let rows = breakdown(&index, "g", &vec![true; index.len()]);
        assert!((rows[0].difference_vs_rest.unwrap() - 20.0).abs() < 1e-6);
        assert!((rows[0].p_value.unwrap() - 0.079411).abs() < 1e-5);
        assert!((rows[1].difference_vs_rest.unwrap() + 20.0).abs() < 1e-6);
        // Holm with two equal p-values doubles them.
        assert!((rows[0].p_adjusted.unwrap() - 2.0 * 0.079411).abs() < 1e-5);
        assert!(!rows[0].significant);
    }

    #[test]
    fn two_way_cells_add_up() {
        let mut index = small_index();
        index.segments.push(SegmentCodes {
            name: "channel".into(),
            is_sector: false,
            labels: vec!["Web".into(), "Phone".into()],
            codes: vec![0, 1, 0, 1, 0, 1, 0, 1],
        });
        let mask = vec![true; index.len()];
        let rows = two_way_breakdown(&index, "region", "channel", &mask);
        assert_eq!(rows.iter().map(|r| r.summary.n).sum::<u64>(), 7);
        assert_eq!(rows[0].column, "region × channel");
        assert_eq!(rows[0].value, "A × Web");
    }
}
