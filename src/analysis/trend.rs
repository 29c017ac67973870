//! NPS per week, month or quarter with the interval per point; empty periods are gaps, and a
//! significant change between consecutive periods is flagged.

use serde::Serialize;

use super::breakdown::ALPHA;
use super::calendar::{self, Period};
use super::index::{NO_DATE, SurveyIndex};
use super::metrics::{GroupMetrics, tally_groups};
use super::summary::{NpsSummary, ScoreTally};
use crate::stats::{self, Z95};

/// One period of the trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    /// `2025-03`, `2025-W05` or `2025-Q1`.
    pub period: String,
    /// First day of the period (`YYYY-MM-DD`).
    pub start: String,
    /// Answers in the period (0 for a gap).
    pub n: u64,
    /// NPS, absent for a period without answers.
    pub nps: Option<f64>,
    /// Centre of the adjusted-Wald interval.
    pub ci_centre: Option<f64>,
    /// Adjusted-Wald 95% lower bound.
    pub ci_low: Option<f64>,
    /// Adjusted-Wald 95% upper bound.
    pub ci_high: Option<f64>,
    /// Change from the previous period with answers, NPS points.
    pub change: Option<f64>,
    /// p-value of that change (independent groups z-test).
    pub change_p_value: Option<f64>,
    /// Whether that change is significant at 5%.
    pub change_significant: bool,
    /// Fewer than 30 answers.
    pub small_n: bool,
    /// CES, CSAT and grade of the period, where the file has them.
    #[serde(flatten)]
    pub metrics: GroupMetrics,
}

/// The trend of NPS over `period` among the rows kept by `mask`; empty when there is no date.
#[must_use]
pub fn trend(index: &SurveyIndex, period: Period, mask: &[bool]) -> Vec<TrendPoint> {
    let Some(dates) = &index.dates else { return Vec::new() };
    let Some((first, last)) = index.date_range() else { return Vec::new() };
    let mut starts = Vec::new();
    let mut start = period.start_of(first);
    while start <= last {
        starts.push(start);
        start = period.next_start(start);
    }
    let slot_of = |i: usize| {
        let day = dates[i];
        (day != NO_DATE).then(|| starts.partition_point(|&s| s <= day).saturating_sub(1))
    };
    let weighted = index.weights.is_some();
    let all = tally_groups(&index.scores, &index.metrics, index.weights.as_deref(), mask, slot_of, starts.len());
    let mut metrics = all.summaries(weighted);
    let tallies = all.nps;
    let mut points = Vec::with_capacity(starts.len());
    let mut previous: Option<&ScoreTally> = None;
    for (k, (start, tally)) in starts.iter().zip(&tallies).enumerate() {
        let summary = NpsSummary::from_tally(tally, weighted);
        let test = match (previous.and_then(|p| p.effective_counts(weighted)), tally.effective_counts(weighted)) {
            (Some((before, _)), Some((now, _))) => stats::two_group_test(&now, &before, Z95),
            _ => None,
        };
        points.push(TrendPoint {
            period: period.label(*start),
            start: calendar::iso_date(*start),
            n: tally.n(),
            nps: summary.as_ref().map(|s| s.nps),
            ci_centre: summary.as_ref().map(|s| s.ci_centre),
            ci_low: summary.as_ref().map(|s| s.ci_low),
            ci_high: summary.as_ref().map(|s| s.ci_high),
            change: test.as_ref().map(|t| 100.0 * t.difference),
            change_p_value: test.as_ref().map(|t| t.p_value),
            change_significant: test.as_ref().is_some_and(|t| t.p_value < ALPHA),
            small_n: tally.n() < super::SMALL_N,
            metrics: std::mem::take(&mut metrics[k]),
        });
        if tally.n() > 0 {
            previous = Some(tally);
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::super::calendar::days_from_civil;
    use super::super::index::tests::small_index;
    use super::*;

    #[test]
    fn months_with_gaps_and_changes() {
        let mut index = small_index();
        // Move the last answer to April so that March is an empty month between.
        if let Some(dates) = index.dates.as_mut() {
            dates[7] = days_from_civil(2025, 4, 3);
        }
        let mask = vec![true; index.len()];
        let points = trend(&index, Period::Month, &mask);
        let labels: Vec<&str> = points.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(labels, ["2025-01", "2025-02", "2025-03", "2025-04"]);
        assert_eq!(points.iter().map(|p| p.n).collect::<Vec<_>>(), [3, 2, 0, 1]);
        assert_eq!(points[2].nps, None);
        assert!(points[3].change.is_some(), "April is compared with February, across the gap");
        let n_dated: u64 = points.iter().map(|p| p.n).sum();
        assert_eq!(n_dated, 6, "the row without a date and the row without a score are left out");
    }

    #[test]
    fn a_large_drop_is_flagged() {
        let mut index = small_index();
        let mut scores = Vec::new();
        let mut dates = Vec::new();
        for (month, promoters, detractors) in [(1, 50, 10), (2, 10, 50)] {
            for k in 0..promoters + detractors {
                scores.push(if k < promoters { 10u8 } else { 0 });
                dates.push(days_from_civil(2025, month, 10));
            }
        }
        index.row_numbers = (0..120).collect();
        index.scores = scores;
        index.dates = Some(dates);
        index.segments.clear();
        let points = trend(&index, Period::Month, &[true; 120]);
        assert!(points[1].change_significant);
        assert!((points[1].change.unwrap() - -133.3333).abs() < 1e-3);
    }
}
