//! NPS per week, month or quarter with the interval per point; empty periods are gaps, and a
//! significant change between consecutive periods is flagged.

use serde::Serialize;

use super::breakdown::{ALPHA, MIN_TESTED_N, test_groups};
use super::calendar::{self, Period};
use super::engine::GroupTally;
use super::metrics::{GroupMetrics, group_metrics};
use super::summary::{NpsSummary, ScoreTally};
use super::survey::Survey;
use crate::stats::compare::{Difference, PairedChanges};
use crate::stats::{self, Z95};

/// One period of the trend.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
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
    /// p-value of that change by the calibrated test (see `stats::compare`): paired when most
    /// respondents answered in both periods, else as independent groups; absent when either
    /// period has fewer than 5 answers.
    pub change_p_value: Option<f64>,
    /// The test behind `change_p_value`: `exact_permutation`, `pooled_z`, `paired_t` or `sign_flip`.
    pub change_test: Option<&'static str>,
    /// The smallest change from the previous period this test detects at 5% (two-sided) with
    /// 80% power, NPS points.
    pub change_minimum_detectable: Option<f64>,
    /// Whether the change was tested as paired: the same respondents (by respondent ID) answered
    /// in both periods, so the test is of their own changes, not of independent groups.
    pub paired: bool,
    /// Respondents (by ID) who answered in this period and in the previous one with answers;
    /// absent without an ID column whose IDs repeat.
    pub respondents_in_both: Option<u64>,
    /// Mean change of those respondents, NPS points (their -1/0/+1 values after minus before).
    pub paired_change: Option<f64>,
    /// That p-value after Holm's correction across every change of the trend shown.
    pub change_p_adjusted: Option<f64>,
    /// Whether that change is significant at 5% after Holm's correction across the trend's
    /// changes (so the flags of one chart together keep the chance of any false flag at 5%).
    pub change_significant: bool,
    /// Fewer than 30 answers (Kish's effective n when weighted).
    pub small_n: bool,
    /// CES, CSAT and grade of the period, where the file has them.
    #[serde(flatten)]
    pub metrics: GroupMetrics,
}

/// Respondents in both periods must be at least this share of *each* period's answers for the
/// change to be tested as paired: then the change shown (the periods' NPS) and the change tested
/// (those respondents' own) are nearly the same people's. Below it, the change is tested as
/// between independent groups, and the count in both is still shown.
pub const PAIRED_FROM_SHARE: f64 = 0.9;

/// The test of a change from `before` to `now`: paired on the respondents in both when they are
/// nearly everyone in both periods (at least [`MIN_TESTED_N`] of them, unweighted data: the
/// paired test counts people), else as independent groups.
pub(crate) fn test_change(
    now: &ScoreTally,
    before: &ScoreTally,
    paired: Option<&PairedChanges>,
    weighted: bool,
) -> Option<(Difference, bool)> {
    if let Some(changes) = paired.filter(|_| !weighted) {
        let m = changes.respondents as f64;
        let nearly_all = |tally: &ScoreTally| m >= PAIRED_FROM_SHARE * tally.n() as f64;
        if m >= MIN_TESTED_N && nearly_all(now) && nearly_all(before) {
            return stats::compare::compare_paired(changes, Z95).map(|d| (d, true));
        }
    }
    test_groups(now, before, weighted).map(|d| (d, false))
}

/// The trend points of `period` from the engine's per-period tallies (first day and tally of
/// every period, gaps included) and, per period, the changes of respondents who also answered in
/// the previous period with answers ([`super::paired_changes`]; empty when unknown).
#[must_use]
pub fn trend_points(
    survey: &Survey,
    period: Period,
    periods: &[(i32, GroupTally)],
    paired: &[Option<PairedChanges>],
) -> Vec<TrendPoint> {
    let weighted = survey.is_weighted();
    let mut points = Vec::with_capacity(periods.len());
    let mut previous: Option<&ScoreTally> = None;
    for (k, (start, group)) in periods.iter().enumerate() {
        let tally = &group.nps;
        let summary = NpsSummary::from_tally(tally, weighted);
        let pairs = paired.get(k).and_then(Option::as_ref).filter(|_| previous.is_some());
        let test = previous.and_then(|before| test_change(tally, before, pairs, weighted));
        let change = previous
            .and_then(|before| before.effective_counts(weighted))
            .zip(tally.effective_counts(weighted))
            .and_then(|((before, _), (now, _))| Some(100.0 * (now.nps()? - before.nps()?)));
        points.push(TrendPoint {
            period: period.label(*start),
            start: calendar::iso_date(*start),
            n: tally.n(),
            nps: summary.as_ref().map(|s| s.nps),
            ci_centre: summary.as_ref().map(|s| s.ci_centre),
            ci_low: summary.as_ref().and_then(|s| s.ci_low),
            ci_high: summary.as_ref().and_then(|s| s.ci_high),
            change,
            change_p_value: test.as_ref().map(|(t, _)| t.p_value),
            change_test: test.as_ref().map(|(t, _)| t.method.id()),
            change_minimum_detectable: test
                .as_ref()
                .and_then(|(t, _)| stats::plan::minimum_detectable(t.se))
                .map(|m| 100.0 * m),
            paired: test.as_ref().is_some_and(|(_, paired)| *paired),
            respondents_in_both: pairs.map(|p| p.respondents),
            paired_change: pairs.and_then(PairedChanges::mean).map(|mean| 100.0 * mean),
            change_p_adjusted: None,
            change_significant: false,
            small_n: summary.as_ref().is_none_or(NpsSummary::is_small),
            metrics: group_metrics(&survey.metrics, group, weighted),
        });
        if tally.n() > 0 {
            previous = Some(tally);
        }
    }
    let tested: Vec<usize> = (0..points.len()).filter(|&i| points[i].change_p_value.is_some()).collect();
    let p_values: Vec<f64> = tested.iter().filter_map(|&i| points[i].change_p_value).collect();
    for (&i, p) in tested.iter().zip(stats::holm_adjust(&p_values)) {
        points[i].change_p_adjusted = Some(p);
        points[i].change_significant = p < ALPHA;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::super::calendar::days_from_civil;
    use super::super::engine::{Query, aggregate};
    use super::super::filter::Filter;
    use super::super::survey::SurveyColumns;
    use super::super::survey::tests::{small_columns, test_source};
    use super::*;

    fn monthly(columns: SurveyColumns) -> Vec<TrendPoint> {
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let query = Query { filter: Filter::default(), groupings: Vec::new(), trend: Some(Period::Month) };
        let result = aggregate(&survey, &query).unwrap();
        trend_points(&survey, Period::Month, &result.trend.unwrap(), &[])
    }

    #[test]
    fn months_with_gaps_and_changes() {
        let mut columns = small_columns();
        // Move the last answer to April so that March is an empty month between.
        if let Some((_, days)) = columns.days.as_mut() {
            days[7] = Some(days_from_civil(2025, 4, 3));
        }
        let points = monthly(columns);
        let labels: Vec<&str> = points.iter().map(|p| p.period.as_str()).collect();
        assert_eq!(labels, ["2025-01", "2025-02", "2025-03", "2025-04"]);
        assert_eq!(points.iter().map(|p| p.n).collect::<Vec<_>>(), [3, 2, 0, 1]);
        assert_eq!(points[2].nps, None);
        assert!(points[3].change.is_some(), "April is compared with February, across the gap");
        let n_dated: u64 = points.iter().map(|p| p.n).sum();
        assert_eq!(n_dated, 6, "the row without a date and the row without a score are left out");
    }

    #[test]
    fn two_promoters_after_two_hundred_answers_are_no_significant_change() {
        let mut scores = Vec::new();
        let mut days = Vec::new();
        for k in 0..200 {
            scores.push(Ok([0u8, 7, 10][k % 3]));
            days.push(Some(days_from_civil(2025, 1, 10)));
        }
        for _ in 0..2 {
            scores.push(Ok(10));
            days.push(Some(days_from_civil(2025, 2, 10)));
        }
        let columns = SurveyColumns {
            row_numbers: (0..202).collect(),
            scores,
            score_name: "nps".into(),
            days: Some(("date".into(), days)),
            ..SurveyColumns::default()
        };
        let points = monthly(columns);
        assert!(!points[1].change_significant);
        assert!(points[1].change.is_some_and(|c| c > 99.0), "the change is still shown");
        assert!(points[1].small_n);
    }

    #[test]
    fn a_large_drop_is_flagged() {
        let mut scores = Vec::new();
        let mut days = Vec::new();
        for (month, promoters, detractors) in [(1, 50, 10), (2, 10, 50)] {
            for k in 0..promoters + detractors {
                scores.push(Ok(if k < promoters { 10u8 } else { 0 }));
                days.push(Some(days_from_civil(2025, month, 10)));
            }
        }
        let columns = SurveyColumns {
            row_numbers: (0..120).collect(),
            scores,
            score_name: "nps".into(),
            days: Some(("date".into(), days)),
            ..SurveyColumns::default()
        };
        let points = monthly(columns);
        assert!(points[1].change_significant);
        assert_eq!(points[1].change_p_adjusted, points[1].change_p_value, "one change: Holm changes nothing");
        assert!((points[1].change.unwrap() - -133.3333).abs() < 1e-3);
    }

    /// Twelve customers answer in January and again in February; each moves by the same small
    /// step, so their own changes are consistent although the two months' spreads overlap.
    fn the_same_customers_twice(others_each_month: usize) -> Vec<TrendPoint> {
        let january = [0u8, 0, 3, 5, 6, 7, 7, 8, 8, 9, 9, 10];
        let february = [3u8, 6, 7, 7, 7, 8, 9, 9, 9, 10, 10, 10];
        let mut scores = Vec::new();
        let mut days = Vec::new();
        let mut ids = Vec::new();
        for (month, answers) in [(1, january), (2, february)] {
            for (k, s) in answers.iter().enumerate() {
                scores.push(Ok(*s));
                days.push(Some(days_from_civil(2025, month, 10)));
                ids.push(format!("C{k}"));
            }
        }
        for month in [1, 2] {
            for k in 0..others_each_month {
                scores.push(Ok([0u8, 7, 9][k % 3]));
                days.push(Some(days_from_civil(2025, month, 11)));
                ids.push(format!("M{month}-{k}"));
            }
        }
        let n = scores.len() as u32;
        let columns = SurveyColumns {
            row_numbers: (2..n + 2).collect(),
            scores,
            score_name: "nps".into(),
            days: Some(("date".into(), days)),
            respondents: Some(("customer id".into(), ids)),
            ..SurveyColumns::default()
        };
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let query = Query { filter: Filter::default(), groupings: Vec::new(), trend: Some(Period::Month) };
        let result = aggregate(&survey, &query).unwrap();
        let periods = result.trend.unwrap();
        let paired =
            super::super::paired::paired_changes(&survey, &Filter::default(), Period::Month, &periods).unwrap();
        trend_points(&survey, Period::Month, &periods, &paired)
    }

    #[test]
    fn the_same_respondents_in_two_months_are_tested_as_paired() {
        let points = the_same_customers_twice(0);
        let feb = &points[1];
        assert!(feb.paired);
        assert_eq!(feb.respondents_in_both, Some(12));
        assert_eq!(feb.change_test, Some("sign_flip"));
        // January (D 5, Pa 4, P 3) is -16.7; February (D 2, Pa 4, P 6) is +33.3: +50 points, and
        // the customers' own mean change is the same.
        assert!((feb.change.unwrap() - 50.0).abs() < 1e-9);
        assert!((feb.paired_change.unwrap() - 50.0).abs() < 1e-9);
        // Six changes of +1 and six of 0 on the -1/0/+1 scale: twelve respondents, so the exact
        // sign-flip test: only the two patterns with every sign alike are as extreme, 2 of 2^6.
        assert!((feb.change_p_value.unwrap() - 2.0 / 64.0).abs() < 1e-12, "{:?}", feb.change_p_value);
        assert_eq!(points[0].respondents_in_both, None, "the first month has nothing before it");
    }

    #[test]
    fn a_few_respondents_in_both_periods_are_counted_but_the_test_is_independent() {
        // Twelve in both months among 42 a month: far from all, so the months are compared as
        // independent groups, and the twelve are still counted.
        let points = the_same_customers_twice(30);
        let feb = &points[1];
        assert!(!feb.paired);
        assert_eq!(feb.respondents_in_both, Some(12));
        assert_eq!(feb.change_test, Some("exact_permutation"));
    }
}
