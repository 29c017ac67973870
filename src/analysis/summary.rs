//! The NPS of a set of answers: counts, shares, mean, distribution and intervals, weighted or
//! not.

use serde::Serialize;

use crate::stats::{self, NpsCounts, Z95};

/// Why an NPS has no interval, in the JSON.
pub const TOO_FEW_ANSWERS: &str = "too_few_answers";

/// Running totals per 0-10 score: plain counts, and weights when the data are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScoreTally {
    /// Answers per score.
    pub counts: [u64; 11],
    /// Sum of weights per score.
    pub weights: [f64; 11],
    /// Sum of squared weights (for Kish's effective n).
    pub weight_squares: f64,
}

impl ScoreTally {
    /// Adds one answer with weight `w` (1 for unweighted data).
    pub fn add(&mut self, score: u8, w: f64) {
        let s = usize::from(score.min(10));
        self.counts[s] += 1;
        self.weights[s] += w;
        self.weight_squares += w * w;
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: &Self) {
        for s in 0..11 {
            self.counts[s] += other.counts[s];
            self.weights[s] += other.weights[s];
        }
        self.weight_squares += other.weight_squares;
    }

    /// This tally minus a part of it (the rest of the data next to a segment).
    #[must_use]
    pub fn minus(&self, part: &Self) -> Self {
        let mut rest = *self;
        for s in 0..11 {
            rest.counts[s] = rest.counts[s].saturating_sub(part.counts[s]);
            rest.weights[s] = (rest.weights[s] - part.weights[s]).max(0.0);
        }
        rest.weight_squares = (rest.weight_squares - part.weight_squares).max(0.0);
        rest
    }

    /// Number of answers.
    #[must_use]
    pub fn n(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// This tally's share of `whole` (0..=1): of the summed weights when `weighted`, else of the
    /// answers; 0 for an empty whole.
    #[must_use]
    pub fn share_of(&self, whole: &Self, weighted: bool) -> f64 {
        let (part, all) = if weighted {
            (self.weights.iter().sum::<f64>(), whole.weights.iter().sum::<f64>())
        } else {
            (self.n() as f64, whole.n() as f64)
        };
        if all > 0.0 { (part / all).clamp(0.0, 1.0) } else { 0.0 }
    }

    /// Shares on the effective-n scale, for tests and intervals: (D, Pa, P) pseudo-counts that
    /// have the weighted shares and sum to the effective n.
    #[must_use]
    pub fn effective_counts(&self, weighted: bool) -> Option<(NpsCounts, f64)> {
        if !weighted {
            let c = &self.counts;
            let counts = NpsCounts {
                detractors: c[..7].iter().sum::<u64>() as f64,
                passives: (c[7] + c[8]) as f64,
                promoters: (c[9] + c[10]) as f64,
            };
            return (counts.n() > 0.0).then_some((counts, counts.n()));
        }
        let w = &self.weights;
        let total: f64 = w.iter().sum();
        if total <= 0.0 || self.weight_squares <= 0.0 {
            return None;
        }
        let n_eff = total * total / self.weight_squares;
        let share = |x: f64| x / total * n_eff;
        let counts = NpsCounts {
            detractors: share(w[..7].iter().sum()),
            passives: share(w[7] + w[8]),
            promoters: share(w[9] + w[10]),
        };
        Some((counts, n_eff))
    }
}

/// NPS and everything shown beside it, on the -100..100 scale (shares in percent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NpsSummary {
    /// Valid answers.
    pub n: u64,
    /// Answers 9-10.
    pub promoters: u64,
    /// Answers 7-8.
    pub passives: u64,
    /// Answers 0-6.
    pub detractors: u64,
    /// % promoters - % detractors, -100..100, unrounded (weighted when the data are).
    pub nps: f64,
    /// Centre of the adjusted-Wald interval: the NPS of the counts plus (0.75, 1.5, 0.75). With
    /// very few answers the raw NPS can lie outside the interval; the interval's centre never does.
    pub ci_centre: f64,
    /// 95% interval, lower bound: the adjusted-Wald interval (the default), widened where needed
    /// so that it always holds the NPS shown (with very few answers the adjusted interval, centred
    /// on the adjusted NPS, can miss the raw NPS: one promoter is +100 with an adjusted
    /// interval of -48.5 to +98.5; from two answers on the interval holds it). Absent below two (effective)
    /// answers: no interval rests on one answer (see `interval_note`).
    pub ci_low: Option<f64>,
    /// 95% interval, upper bound (see `ci_low`).
    pub ci_high: Option<f64>,
    /// Why there is no interval: `too_few_answers` (fewer than two effective answers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval_note: Option<&'static str>,
    /// Plain Wald 95% interval, lower bound (collapses when all answers fall in one group).
    pub wald_low: f64,
    /// Plain Wald 95% interval, upper bound.
    pub wald_high: f64,
    /// Mean of the 0-10 answers.
    pub mean: f64,
    /// 95% t-interval of the mean, lower bound, within 0-10; absent below two effective answers
    /// or when every answer is the same (see `mean_interval_note`).
    pub mean_low: Option<f64>,
    /// 95% t-interval of the mean, upper bound.
    pub mean_high: Option<f64>,
    /// Why the mean has no interval: `too_few_answers` or `no_spread` (every answer the same, so
    /// the data say nothing of how far the mean could be off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mean_interval_note: Option<&'static str>,
    /// % promoters.
    pub promoter_pct: f64,
    /// % passives.
    pub passive_pct: f64,
    /// % detractors.
    pub detractor_pct: f64,
    /// Wilson 95% intervals of the promoter, passive and detractor shares, percent, each
    /// `[low, high]` (on Kish's effective n when weighted); absent below two effective answers.
    pub share_intervals: Option<ShareIntervals>,
    /// Kish's effective n when the data are weighted (the intervals use it in place of n).
    pub effective_n: Option<f64>,
    /// How many answered 0, 1, ..., 10 (counts of respondents, never weighted).
    pub distribution: [u64; 11],
    /// Share of the answers 0, 1, ..., 10, percent, on the same base as the NPS (weighted when the
    /// data are).
    pub distribution_pct: [f64; 11],
}

/// Wilson 95% intervals of the three shares, percent.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ShareIntervals {
    /// Promoters' share, `[low, high]`.
    pub promoters: [f64; 2],
    /// Passives' share.
    pub passives: [f64; 2],
    /// Detractors' share.
    pub detractors: [f64; 2],
}

impl NpsSummary {
    /// Summarises a tally; `weighted` uses the weights for shares and Kish's effective n for
    /// intervals. `None` when there are no answers.
    #[must_use]
    pub fn from_tally(tally: &ScoreTally, weighted: bool) -> Option<Self> {
        let (counts, n_eff) = tally.effective_counts(weighted)?;
        let nps = counts.nps()?;
        let adjusted = stats::adjusted_wald_effective_n(&counts, n_eff, Z95)?;
        let wald = stats::wald(&counts, Z95)?;
        let total = counts.n();
        let values = if weighted { tally.weights } else { tally.counts.map(|c| c as f64) };
        let value_sum: f64 = values.iter().sum();
        let mean = values.iter().enumerate().map(|(s, &v)| s as f64 * v).sum::<f64>() / value_sum;
        let c = &tally.counts;
        let nps_pct = 100.0 * nps;
        let enough = stats::enough_for_interval(n_eff);
        let pairs: Vec<(f64, f64)> =
            values.iter().enumerate().map(|(s, &v)| (s as f64, v / value_sum * n_eff)).collect();
        let mean_interval = stats::bounded_mean_interval(&pairs, 0.95, (0.0, 10.0));
        let wilson = |share: f64| {
            stats::wilson((share * n_eff).min(n_eff), n_eff, Z95)
                .map_or([0.0, 100.0], |i| [100.0 * i.low, 100.0 * i.high])
        };
        Some(Self {
            n: tally.n(),
            promoters: c[9] + c[10],
            passives: c[7] + c[8],
            detractors: c[..7].iter().sum(),
            nps: nps_pct,
            ci_centre: 100.0 * adjusted.centre,
            ci_low: enough.then(|| (100.0 * adjusted.low).min(nps_pct)),
            ci_high: enough.then(|| (100.0 * adjusted.high).max(nps_pct)),
            interval_note: (!enough).then_some(TOO_FEW_ANSWERS),
            wald_low: 100.0 * wald.low,
            wald_high: 100.0 * wald.high,
            mean,
            mean_low: mean_interval.as_ref().ok().map(|m| m.low),
            mean_high: mean_interval.as_ref().ok().map(|m| m.high),
            mean_interval_note: mean_interval.err().map(stats::NoInterval::id),
            promoter_pct: 100.0 * counts.promoters / total,
            passive_pct: 100.0 * counts.passives / total,
            detractor_pct: 100.0 * counts.detractors / total,
            share_intervals: enough.then(|| ShareIntervals {
                promoters: wilson(counts.promoters / total),
                passives: wilson(counts.passives / total),
                detractors: wilson(counts.detractors / total),
            }),
            effective_n: weighted.then_some(n_eff),
            distribution: tally.counts,
            distribution_pct: values.map(|v| 100.0 * v / value_sum),
        })
    }
}

impl NpsSummary {
    /// Fewer than [`super::SMALL_N`] answers, counted as Kish's effective n when weighted (100
    /// answers whose weights make them worth 4 are a small group).
    #[must_use]
    pub fn is_small(&self) -> bool {
        self.effective_n.unwrap_or(self.n as f64) < super::SMALL_N as f64
    }
}

/// Summarises unweighted answers given as counts per score 0..=10. `None` when there are none.
#[must_use]
pub fn summarise_scores(distribution: [u64; 11]) -> Option<NpsSummary> {
    let tally = ScoreTally { counts: distribution, weights: distribution.map(|c| c as f64), weight_squares: 0.0 };
    NpsSummary::from_tally(&tally, false)
}

/// Counts per score 0..=10.
#[must_use]
pub fn distribution_of(scores: impl IntoIterator<Item = u8>) -> [u64; 11] {
    let mut d = [0u64; 11];
    for s in scores {
        if let Some(slot) = d.get_mut(usize::from(s)) {
            *slot += 1;
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_six_answers() {
        // Scores 0,7,7,9,9,9 = (D, Pa, P) = (1, 2, 3) in statistics.md.
        let s = summarise_scores(distribution_of([0, 7, 7, 9, 9, 9])).unwrap();
        assert_eq!((s.n, s.detractors, s.passives, s.promoters), (6, 1, 2, 3));
        assert!((s.nps - 33.3333).abs() < 1e-3);
        assert!((s.ci_low.unwrap() - -26.7433).abs() < 1e-3);
        assert!((s.ci_high.unwrap() - 71.1877).abs() < 1e-3);
        assert!((s.wald_low - -26.3065).abs() < 1e-3);
        assert!((s.wald_high - 92.9731).abs() < 1e-3);
        assert!((s.mean - 41.0 / 6.0).abs() < 1e-12);
        assert_eq!(s.effective_n, None);
    }

    #[test]
    fn nps_is_computed_from_counts_not_rounded_shares() {
        // 1/3 promoters - 1/6 detractors = 16.67, not 33 - 17 = 16.
        let s = summarise_scores(distribution_of([10, 10, 7, 7, 8, 3])).unwrap();
        assert!((s.nps - 16.6667).abs() < 1e-3);
    }

    #[test]
    fn all_promoters_interval_is_not_collapsed_and_is_clamped() {
        let s = summarise_scores(distribution_of([10; 10])).unwrap();
        assert_eq!(s.nps, 100.0);
        assert!((s.ci_low.unwrap() - 47.5036).abs() < 1e-3);
        assert_eq!(s.ci_high, Some(100.0));
        assert_eq!((s.wald_low, s.wald_high), (100.0, 100.0));
    }

    #[test]
    fn equal_weights_change_nothing_and_unequal_weights_use_kish() {
        let mut plain = ScoreTally::default();
        let mut doubled = ScoreTally::default();
        for s in [0, 7, 7, 9, 9, 9] {
            plain.add(s, 1.0);
            doubled.add(s, 2.0);
        }
        let a = NpsSummary::from_tally(&plain, false).unwrap();
        let b = NpsSummary::from_tally(&doubled, true).unwrap();
        assert!((a.nps - b.nps).abs() < 1e-9 && (a.ci_low.unwrap() - b.ci_low.unwrap()).abs() < 1e-9);
        assert!((b.effective_n.unwrap() - 6.0).abs() < 1e-9);

        // One detractor weighted 3, three promoters weighted 1: shares 50/50, NPS 0,
        // effective n = 36 / 12 = 3.
        let mut skewed = ScoreTally::default();
        skewed.add(0, 3.0);
        for _ in 0..3 {
            skewed.add(10, 1.0);
        }
        let s = NpsSummary::from_tally(&skewed, true).unwrap();
        assert!(s.nps.abs() < 1e-9);
        assert!((s.effective_n.unwrap() - 3.0).abs() < 1e-9);
        assert_eq!((s.n, s.detractors, s.promoters), (4, 1, 3));
        assert!((s.mean - 5.0).abs() < 1e-9);
    }

    #[test]
    fn rest_of_the_data_is_the_whole_minus_the_part() {
        let mut whole = ScoreTally::default();
        let mut part = ScoreTally::default();
        for s in [0, 5, 9, 10] {
            whole.add(s, 1.0);
        }
        part.add(9, 1.0);
        let rest = whole.minus(&part);
        assert_eq!(rest.counts, distribution_of([0, 5, 10]));
    }

    #[test]
    fn the_interval_always_holds_the_nps_shown() {
        // Two promoters: adjusted Wald on (0.75, 1.5, 2.75) is -24.4 to +104.4, shown to +100.
        let s = summarise_scores(distribution_of([9, 10])).unwrap();
        assert_eq!(s.nps, 100.0);
        assert!((s.ci_low.unwrap() - -24.41).abs() < 0.01, "{:?}", s.ci_low);
        assert_eq!(s.ci_high, Some(100.0));
        assert!(s.ci_centre < 100.0);
        // Where the adjusted interval holds the NPS, it is shown unchanged (statistics.md).
        let r = summarise_scores(distribution_of([0, 7, 7, 9, 9, 9])).unwrap();
        assert!((r.ci_low.unwrap() - -26.7433).abs() < 1e-3 && (r.ci_high.unwrap() - 71.1877).abs() < 1e-3);
    }

    #[test]
    fn one_answer_has_no_interval_and_says_why() {
        // Before, one promoter was shown as +100 (95% interval -48.5 to +100): an interval
        // resting on one answer, widened to hold it.
        let s = summarise_scores(distribution_of([9])).unwrap();
        assert_eq!(s.nps, 100.0);
        assert_eq!((s.ci_low, s.ci_high, s.interval_note), (None, None, Some(TOO_FEW_ANSWERS)));
        assert_eq!((s.mean_low, s.mean_interval_note), (None, Some("too_few_answers")));
        assert_eq!(s.share_intervals, None);
        // Weighted: two answers whose weights make them worth less than two have none either.
        let mut tally = ScoreTally::default();
        tally.add(9, 10.0);
        tally.add(3, 0.1);
        let w = NpsSummary::from_tally(&tally, true).unwrap();
        assert!(w.effective_n.unwrap() < 2.0 && w.ci_low.is_none());
    }

    #[test]
    fn the_mean_interval_stays_on_the_scale_and_is_never_zero_wide() {
        // Three tens and a nine: the t-interval reaches past 10; it is cut at 10.
        let s = summarise_scores(distribution_of([10, 10, 10, 9])).unwrap();
        assert!(s.mean_high.unwrap() <= 10.0 && s.mean_low.unwrap() < s.mean);
        // Every answer the same: no zero-width interval, and the reason.
        let same = summarise_scores(distribution_of([8, 8, 8])).unwrap();
        assert_eq!((same.mean_low, same.mean_high, same.mean_interval_note), (None, None, Some("no_spread")));
        // Share intervals are the reference's Wilson intervals: 3 promoters of 6 ([0.5, n 6]).
        let r = summarise_scores(distribution_of([0, 7, 7, 9, 9, 9])).unwrap();
        let expected = crate::stats::wilson(3.0, 6.0, Z95).unwrap();
        let shares = r.share_intervals.unwrap();
        assert!((shares.promoters[0] - 100.0 * expected.low).abs() < 1e-9);
        assert!((shares.promoters[1] - 100.0 * expected.high).abs() < 1e-9);
    }

    #[test]
    fn weighted_distribution_shares_use_the_weights() {
        let mut tally = ScoreTally::default();
        tally.add(0, 3.0);
        tally.add(10, 1.0);
        let s = NpsSummary::from_tally(&tally, true).unwrap();
        assert_eq!(s.distribution[0], 1, "counts stay counts");
        assert!((s.distribution_pct[0] - 75.0).abs() < 1e-9 && (s.distribution_pct[10] - 25.0).abs() < 1e-9);
        assert!((s.detractor_pct - 75.0).abs() < 1e-9);
    }

    #[test]
    fn nothing_to_summarise() {
        assert!(summarise_scores([0; 11]).is_none());
    }
}
