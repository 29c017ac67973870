//! CSAT, CES and grade beside NPS: the mean with its t-interval and the share that matters for
//! each scale with its Wilson interval, weighted (on Kish's effective n) when the data are.
//!
//! - CSAT 1-5: top-2-box (4-5).
//! - CES 1-7 agreement ("easy to handle my issue"): % agree (5-7); higher is better.
//! - CES 1-5 effort ("how much effort"): % low effort (1-2); lower is better, kept apart.
//! - Dutch grade 1-10: % 8 or more, and % below 6 (a fail).

use serde::{Deserialize, Serialize};

use super::engine::GroupTally;
use super::summary::ScoreTally;
use super::survey::MetricColumn;
use crate::import::Role;
use crate::stats::{self, Z95};

/// What a metric column measures, which decides how it is summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// CSAT 1-5: top-2-box (4-5) and mean.
    Csat,
    /// CES 2.0, 1-7 agreement, higher is better: % agree (5-7) and mean.
    CesAgree,
    /// CES 1.0, 1-5 effort, lower is better: % low effort (1-2) and mean.
    CesEffort,
    /// Dutch rapportcijfer 1-10: mean, % >= 8, % < 6.
    Grade,
    /// Another rating 1-5 (a driver): mean and top-2-box (4-5).
    Rating5,
    /// A rating 1-7: mean and top-2-box (6-7).
    Rating7,
    /// A rating 1-10: mean and % 8 or more.
    Rating10,
}

impl MetricKind {
    /// The metric a column role measures.
    #[must_use]
    pub fn of(role: Role) -> Option<Self> {
        match role {
            Role::Csat => Some(Self::Csat),
            Role::CesAgree => Some(Self::CesAgree),
            Role::CesEffort => Some(Self::CesEffort),
            Role::Grade => Some(Self::Grade),
            Role::Rating5 => Some(Self::Rating5),
            Role::Rating7 => Some(Self::Rating7),
            Role::Rating10 => Some(Self::Rating10),
            _ => None,
        }
    }

    /// Lowest and highest answer.
    #[must_use]
    pub fn scale(self) -> (u8, u8) {
        match self {
            Self::Csat | Self::CesEffort | Self::Rating5 => (1, 5),
            Self::CesAgree | Self::Rating7 => (1, 7),
            Self::Grade | Self::Rating10 => (1, 10),
        }
    }
}

/// One metric of a set of answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricSummary {
    /// The column's header.
    pub column: String,
    /// What it measures.
    pub kind: MetricKind,
    /// Its scale, e.g. `1-7`.
    pub scale: String,
    /// Whether a higher answer is better (false for CES effort).
    pub higher_is_better: bool,
    /// Valid answers.
    pub n: u64,
    /// Kish's effective n when weighted.
    pub effective_n: Option<f64>,
    /// Mean answer.
    pub mean: f64,
    /// 95% t-interval of the mean, lower bound; absent where none exists (fewer than two
    /// answers, counted as Kish's effective n when weighted).
    pub mean_low: Option<f64>,
    /// 95% t-interval of the mean, upper bound; absent where none exists.
    pub mean_high: Option<f64>,
    /// Why the mean has no interval: `too_few_answers` or `no_spread` (every answer the same).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_interval_note: Option<&'static str>,
    /// Which share: `top_2_box`, `agree_5_7`, `low_effort_1_2` or `grade_8_or_more`.
    pub share: &'static str,
    /// The share, percent.
    pub share_pct: f64,
    /// Wilson 95% lower bound, percent; absent below two (effective) answers.
    pub share_low: Option<f64>,
    /// Wilson 95% upper bound, percent.
    pub share_high: Option<f64>,
    /// For grades: % below 6, with its Wilson interval.
    pub fail_pct: Option<f64>,
    /// Wilson 95% lower bound of `fail_pct`.
    pub fail_low: Option<f64>,
    /// Wilson 95% upper bound of `fail_pct`.
    pub fail_high: Option<f64>,
}

impl MetricKind {
    /// Which share is reported, and which answers count towards it.
    pub(crate) fn share(self) -> (&'static str, fn(u8) -> bool) {
        match self {
            Self::Csat => ("top_2_box", |v| v >= 4),
            Self::CesAgree => ("agree_5_7", |v| v >= 5),
            Self::CesEffort => ("low_effort_1_2", |v| v <= 2),
            Self::Grade => ("grade_8_or_more", |v| v >= 8),
            Self::Rating5 => ("top_2_box", |v| v >= 4),
            Self::Rating7 => ("top_2_box_6_7", |v| v >= 6),
            Self::Rating10 => ("8_or_more", |v| v >= 8),
        }
    }
}

/// The CES, CSAT and grade of one group, where the file has them (the first column of each).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct GroupMetrics {
    /// Customer effort (1-7 agreement, else 1-5 effort).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ces: Option<MetricSummary>,
    /// Customer satisfaction 1-5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csat: Option<MetricSummary>,
    /// Dutch grade 1-10.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<MetricSummary>,
}

/// The metric columns shown: the first CES (agreement, else effort), CSAT and grade column.
#[must_use]
pub fn metric_slots(metrics: &[MetricColumn]) -> [Option<&MetricColumn>; 3] {
    let first = |kinds: &[MetricKind]| kinds.iter().find_map(|k| metrics.iter().find(|m| m.kind == *k));
    [first(&[MetricKind::CesAgree, MetricKind::CesEffort]), first(&[MetricKind::Csat]), first(&[MetricKind::Grade])]
}

/// CES, CSAT and grade of one group, from its tallies (see [`metric_slots`]).
#[must_use]
pub fn group_metrics(metrics: &[MetricColumn], group: &GroupTally, weighted: bool) -> GroupMetrics {
    let slots = metric_slots(metrics);
    let summary =
        |slot: usize| slots[slot].and_then(|m| summarise_tally(&m.name, m.kind, &group.metrics[slot], weighted));
    GroupMetrics { ces: summary(0), csat: summary(1), grade: summary(2) }
}

/// One metric's answers on the effective-n scale: per answer on its scale, the value and its
/// pseudo-count (unweighted: the count itself, whole; weighted: the weighted share times Kish's
/// effective n), so that the pseudo-counts sum to `n_eff`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct EffectiveAnswers {
    /// (value, pseudo-count) per answer of the scale, lowest first.
    pub pairs: Vec<(f64, f64)>,
    /// Answers (unweighted).
    pub n: u64,
    /// Kish's effective n (`n` when unweighted).
    pub n_eff: f64,
}

impl EffectiveAnswers {
    /// The answers of `kind` in `tally`; `None` without any.
    pub(crate) fn of(kind: MetricKind, tally: &ScoreTally, weighted: bool) -> Option<Self> {
        let (low, high) = kind.scale();
        let n: u64 = tally.counts.iter().sum();
        let sums = if weighted { tally.weights } else { tally.counts.map(|c| c as f64) };
        let total: f64 = sums.iter().sum();
        if n == 0 || total <= 0.0 {
            return None;
        }
        let n_eff = if weighted { total * total / tally.weight_squares } else { n as f64 };
        let pseudo = |v: u8| if weighted { sums[usize::from(v)] / total * n_eff } else { sums[usize::from(v)] };
        Some(Self { pairs: (low..=high).map(|v| (f64::from(v), pseudo(v))).collect(), n, n_eff })
    }

    /// The pseudo-count of the answers `test` picks, at most `n_eff`.
    pub(crate) fn successes(&self, test: &dyn Fn(u8) -> bool) -> f64 {
        let picked: f64 = self.pairs.iter().filter(|(v, _)| test(*v as u8)).map(|(_, c)| c).sum();
        picked.min(self.n_eff)
    }
}

/// Summarises a tally of one metric's answers.
#[must_use]
pub fn summarise_tally(name: &str, kind: MetricKind, tally: &ScoreTally, weighted: bool) -> Option<MetricSummary> {
    let (low, high) = kind.scale();
    let answers = EffectiveAnswers::of(kind, tally, weighted)?;
    let (n, n_eff) = (answers.n, answers.n_eff);
    let weights = weighted.then_some(());
    let mean_summary = stats::bounded_mean_interval(&answers.pairs, 0.95, (f64::from(low), f64::from(high)));
    let mean = answers.pairs.iter().map(|(v, c)| v * c).sum::<f64>() / n_eff;
    let (share, counts_towards) = kind.share();
    let share_of = |test: &dyn Fn(u8) -> bool| stats::wilson(answers.successes(test), n_eff, Z95);
    let wilson = share_of(&counts_towards)?;
    // No interval rests on fewer than two (effective) answers.
    let enough = stats::enough_for_interval(n_eff);
    let fail = (kind == MetricKind::Grade).then(|| share_of(&|v| v < 6)).flatten();
    Some(MetricSummary {
        column: name.to_owned(),
        kind,
        scale: format!("{low}-{high}"),
        higher_is_better: kind != MetricKind::CesEffort,
        n,
        effective_n: weights.map(|_| n_eff),
        mean,
        mean_low: mean_summary.as_ref().ok().map(|m| m.low),
        mean_high: mean_summary.as_ref().ok().map(|m| m.high),
        mean_interval_note: mean_summary.err().map(stats::NoInterval::id),
        share,
        share_pct: 100.0 * wilson.centre,
        share_low: enough.then_some(100.0 * wilson.low),
        share_high: enough.then_some(100.0 * wilson.high),
        fail_pct: fail.map(|f| 100.0 * f.centre),
        fail_low: fail.filter(|_| enough).map(|f| 100.0 * f.low),
        fail_high: fail.filter(|_| enough).map(|f| 100.0 * f.high),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Summarises `values` (`None` = no answer) with `weights` when given.
    fn summarise(kind: MetricKind, values: &[Option<u8>], weights: Option<&[f64]>) -> Option<MetricSummary> {
        let mut tally = ScoreTally::default();
        for (i, v) in values.iter().enumerate() {
            if let Some(v) = v {
                tally.add(*v, weights.map_or(1.0, |w| w[i]));
            }
        }
        summarise_tally("m", kind, &tally, weights.is_some())
    }

    /// Values repeated as often as `counts` says.
    fn from_counts(counts: &[(u8, usize)]) -> Vec<Option<u8>> {
        counts.iter().flat_map(|&(v, k)| std::iter::repeat_n((v != 0).then_some(v), k)).collect()
    }

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() < tolerance, "{actual} != {expected}");
    }

    #[test]
    fn csat_ces_and_grade_match_the_reference() {
        // statistics.md cross-check rows.
        let csat = from_counts(&[(1, 2), (2, 3), (3, 5), (4, 20), (5, 20), (0, 3)]);
        let s = summarise(MetricKind::Csat, &csat, None).unwrap();
        assert_eq!(s.n, 50);
        close(s.share_pct, 80.0, 1e-9);
        close(s.share_low.unwrap(), 66.963, 1e-3);
        close(s.share_high.unwrap(), 88.756, 1e-3);
        close(s.mean, 4.06, 1e-9);
        close(s.mean_low.unwrap(), 3.7594, 1e-4);
        close(s.mean_high.unwrap(), 4.3606, 1e-4);

        let ces = from_counts(&[(1, 1), (2, 1), (3, 2), (4, 4), (5, 6), (6, 10), (7, 6)]);
        let s = summarise(MetricKind::CesAgree, &ces, None).unwrap();
        close(s.share_pct, 73.33, 0.01);
        close(s.share_low.unwrap(), 55.55, 0.01);
        close(s.share_high.unwrap(), 85.82, 0.01);
        close(s.mean, 5.2333, 1e-4);
        close(s.mean_low.unwrap(), 4.6558, 1e-4);
        close(s.mean_high.unwrap(), 5.8108, 1e-4);

        let grade = from_counts(&[(5, 1), (6, 2), (7, 5), (8, 9), (9, 3)]);
        let s = summarise(MetricKind::Grade, &grade, None).unwrap();
        close(s.mean, 7.55, 1e-9);
        close(s.mean_low.unwrap(), 7.0586, 1e-4);
        close(s.mean_high.unwrap(), 8.0414, 1e-4);
        close(s.share_pct, 60.0, 1e-9);
        close(s.share_low.unwrap(), 38.66, 0.01);
        close(s.share_high.unwrap(), 78.12, 0.01);
        close(s.fail_pct.unwrap(), 5.0, 1e-9);
    }

    #[test]
    fn ces_effort_is_lower_is_better_and_grades_report_fails() {
        let effort = summarise(MetricKind::CesEffort, &[Some(1), Some(2), Some(5), Some(4)], None).unwrap();
        assert!(!effort.higher_is_better);
        assert_eq!(effort.share, "low_effort_1_2");
        assert!((effort.share_pct - 50.0).abs() < 1e-9);
        let grade = summarise(MetricKind::Grade, &[Some(8), Some(9), Some(5), Some(7), Some(3)], None).unwrap();
        assert!((grade.share_pct - 40.0).abs() < 1e-9);
        assert_eq!(grade.fail_pct, Some(40.0));
        assert!(summarise(MetricKind::Grade, &[None, None], None).is_none());
        // A single answer has a mean but no interval around it.
        let one = summarise(MetricKind::Csat, &[Some(4)], None).unwrap();
        assert_eq!((one.mean, one.mean_low, one.mean_high), (4.0, None, None));
        assert_eq!(one.mean_interval_note, Some("too_few_answers"));
    }

    #[test]
    fn no_certainty_from_identical_answers_and_no_interval_off_the_scale() {
        // Two identical CES answers were shown as "mean 4.00 (95% CI 4.00 to 4.00)".
        let same = summarise(MetricKind::CesEffort, &[Some(4), Some(4)], None).unwrap();
        assert_eq!((same.mean, same.mean_low, same.mean_high), (4.0, None, None));
        assert_eq!(same.mean_interval_note, Some("no_spread"));
        // 1, 4 and 5 on a 1-5 scale: the t-interval runs from about -0.9 to 7.5; it stays on 1-5.
        let wide = summarise(MetricKind::Csat, &[Some(1), Some(4), Some(5)], None).unwrap();
        assert_eq!((wide.mean_low, wide.mean_high), (Some(1.0), Some(5.0)));
        assert_eq!(wide.mean_interval_note, None);
    }

    #[test]
    fn weights_shift_shares_and_shrink_the_effective_n() {
        let s = summarise(MetricKind::CesAgree, &[Some(7), Some(1)], Some(&[3.0, 1.0])).unwrap();
        assert!((s.share_pct - 75.0).abs() < 1e-9);
        // Kish: (3 + 1)^2 / (9 + 1) = 1.6
        assert!((s.effective_n.unwrap() - 1.6).abs() < 1e-9);
    }
}
