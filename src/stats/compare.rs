//! The calibrated tests behind every star: which test compares two groups' NPS, two
//! proportions, or one group's NPS with itself a period later, chosen by group size so that the
//! false-alarm rate stays at or below the level for every size shown.
//!
//! Chosen by simulation (`cargo run --release --example calibration` prints the table: both
//! groups drawn from one of four populations, 20/30/50, 40/30/30, 5/15/80 and 60/20/20 in
//! D/Pa/P percent, 20,000 draws a cell, seeded; rates at the 5% level from the run of
//! 2026-12-06):
//! - **Two groups' NPS, unweighted.** Up to [`EXACT_UP_TO`] answers in the smaller group: the
//!   exact permutation test ([`exact::nps_permutation_p`]), which cannot exceed the level. Larger
//!   groups: the raw NPS difference over the *pooled* standard error (the variance of the -1/0/+1
//!   values of both groups together, as the null hypothesis has it). False alarms 3.0-5.1% in
//!   every cell from 5 against 30 to 1,000 against 10,000. The test used before, the raw
//!   difference over the adjusted-Wald SE, starred 19% of groups of 5 and 12% of groups of 10
//!   drawn from the same population; the adjusted difference over the adjusted SE (MeasuringU)
//!   is biased when the groups differ in size (7% at 5 against 10,000 in an 80%-promoter
//!   population); plain Wald stars 6% at 100 against 10,000.
//! - **Two groups' NPS, weighted.** The pooled z-test on Kish's effective n (the permutation test
//!   needs whole answers). Log-normal weights (sigma 1): 3.6-5.1% from 30 answers on; groups of
//!   10 (effective n about 4) are mostly below the 5 effective answers any test needs, 2.3-3.5%.
//! - **Two proportions** (a theme among detractors and the others; a response rate against the
//!   rest's): Fisher's exact test with the mid-p on counts ([`exact::fisher_mid_p`]; Fisher's own
//!   p fell to 1-3% with small groups); weighted, the pooled z-test on effective n. A theme's
//!   representation: 0-5.2% (below 3% where few commenters mention it); "far below the rest",
//!   which also needs a rate under half the rest's: 0-4.1%.
//! - **The same respondents twice**: up to [`SIGN_FLIP_UP_TO`] respondents, the exact sign-flip
//!   test of their changes (the paired t-test starred 6-6.6% of 7 to 9 respondents whose second
//!   answer was independent of the first); above, the paired t-test with m - 1 degrees of
//!   freedom (the normal critical value starred 6.4% at 30). 0-5.3%, the smallest groups far
//!   below the level: with 5 to 10 respondents only a handful change their answer.
//! - The benchmark verdict's interval (see `benchmarks`) covers the true NPS 94.9-96.8% of the
//!   time among the groups given a verdict.
//!
//! The interval of an NPS difference is the adjusted difference +/- z times the adjusted SE
//! (counts plus 0.75, 1.5, 0.75): it never collapses to zero width. For the smallest groups it
//! can disagree at the margin with the calibrated p-value, which alone decides the star.

use super::exact::{self, Alternative};
use super::{MeanSummary, NpsCounts, normal_cdf, student_t_cdf, student_t_quantile};

/// The smaller group's size up to which two groups' NPS are compared by the exact permutation
/// test (at most ~5,000 compositions to sum).
pub const EXACT_UP_TO: f64 = 100.0;

/// Up to this many respondents in both periods, a paired change is tested by the exact sign-flip
/// test rather than the t-test.
pub const SIGN_FLIP_UP_TO: u64 = 30;

/// How a difference was tested; its name goes into the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestMethod {
    /// Exact permutation test of two groups' NPS.
    ExactPermutation,
    /// Raw NPS difference over the pooled standard error (normal).
    PooledZ,
    /// Fisher's exact test with the mid-p (two proportions, counts).
    FisherMidP,
    /// Pooled two-proportion z-test (weighted data, on effective n).
    PooledProportionZ,
    /// Paired t-test of the same respondents' changes.
    PairedT,
    /// Exact sign-flip test of paired changes (when every change is the same).
    SignFlip,
    /// Welch's t-test of two means (CES, CSAT, grade between waves).
    WelchT,
}

impl TestMethod {
    /// The method's name in the JSON and exports.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::ExactPermutation => "exact_permutation",
            Self::PooledZ => "pooled_z",
            Self::FisherMidP => "fisher_mid_p",
            Self::PooledProportionZ => "pooled_proportion_z",
            Self::PairedT => "paired_t",
            Self::SignFlip => "sign_flip",
            Self::WelchT => "welch_t",
        }
    }
}

/// A difference between two groups (a minus b) with its interval and calibrated test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Difference {
    /// The difference of the values shown (raw NPS or shares), a minus b, sign kept.
    pub difference: f64,
    /// Standard error the interval uses.
    pub se: f64,
    /// Lower bound of the difference's interval.
    pub ci_low: f64,
    /// Upper bound of the difference's interval.
    pub ci_high: f64,
    /// Two-sided p-value (one-sided where the caller asked for a direction).
    pub p_value: f64,
    /// The test that gave `p_value`.
    pub method: TestMethod,
}

/// A count as a whole number, or `None` when it is not one.
fn count(v: f64) -> Option<u64> {
    (v.fract() == 0.0 && (0.0..9e15).contains(&v)).then_some(v as u64)
}

/// Whole counts of an unweighted group, or `None` when the counts are not whole numbers.
fn whole(c: &NpsCounts) -> Option<[u64; 3]> {
    Some([count(c.detractors)?, count(c.passives)?, count(c.promoters)?])
}

/// The adjusted counts' NPS and the variance of that estimate (var~ / (n + 3)).
fn adjusted(c: &NpsCounts) -> Option<(f64, f64)> {
    let a = super::adjusted_counts(c);
    Some((a.nps()?, a.variance()? / a.n()))
}

/// Compares the NPS of two independent groups (a minus b) at two-sided level with critical
/// value `z` for the interval. `weighted` says the counts are effective-n pseudo-counts (the
/// weighted shares times Kish's effective n); unweighted counts must be whole numbers.
/// `None` when either group is empty.
#[must_use]
pub fn compare_nps(a: &NpsCounts, b: &NpsCounts, weighted: bool, z: f64) -> Option<Difference> {
    if !(a.n() > 0.0 && b.n() > 0.0) {
        return None;
    }
    let difference = a.nps()? - b.nps()?;
    let ((adj_a, var_a), (adj_b, var_b)) = (adjusted(a)?, adjusted(b)?);
    let se = (var_a + var_b).sqrt();
    let adjusted_difference = adj_a - adj_b;
    let (ci_low, ci_high) = (adjusted_difference - z * se, adjusted_difference + z * se);
    let exact = (!weighted && a.n().min(b.n()) <= EXACT_UP_TO).then(|| whole(a).zip(whole(b))).flatten();
    let (p_value, method) = match exact {
        Some((ca, cb)) => (exact::nps_permutation_p(ca, cb)?, TestMethod::ExactPermutation),
        None => {
            let pooled =
                NpsCounts::new(a.detractors + b.detractors, a.passives + b.passives, a.promoters + b.promoters);
            let pooled_se = (pooled.variance()? * (1.0 / a.n() + 1.0 / b.n())).sqrt();
            let p = if pooled_se > 0.0 { (2.0 * normal_cdf(-(difference / pooled_se).abs())).min(1.0) } else { 1.0 };
            (p, TestMethod::PooledZ)
        }
    };
    Some(Difference { difference, se, ci_low, ci_high, p_value, method })
}

/// Compares two proportions, `x1` of `n1` against `x2` of `n2` (a minus b). Unweighted (whole
/// counts): Fisher's exact test with the mid-p. `weighted` (shares times effective n): the
/// pooled z-test. The interval is Wald's on the difference. `None` when a group is empty or a
/// count exceeds its group.
#[must_use]
pub fn compare_proportions(
    [x1, n1, x2, n2]: [f64; 4],
    weighted: bool,
    alternative: Alternative,
    z: f64,
) -> Option<Difference> {
    let valid = |x: f64, n: f64| n > 0.0 && n.is_finite() && x >= 0.0 && x <= n * (1.0 + 1e-12);
    if !(valid(x1, n1) && valid(x2, n2)) {
        return None;
    }
    let (p1, p2) = ((x1 / n1).min(1.0), (x2 / n2).min(1.0));
    let difference = p1 - p2;
    let se = (p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2).sqrt();
    let counts = (!weighted).then(|| Some([count(x1)?, count(n1)?, count(x2)?, count(n2)?])).flatten();
    let (p_value, method) = if let Some([x1, n1, x2, n2]) = counts {
        (exact::fisher_mid_p(x1, n1, x2, n2, alternative)?, TestMethod::FisherMidP)
    } else {
        let pooled = (x1 + x2) / (n1 + n2);
        let pooled_se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
        let p = if pooled_se > 0.0 {
            let stat = difference / pooled_se;
            match alternative {
                Alternative::TwoSided => (2.0 * normal_cdf(-stat.abs())).min(1.0),
                Alternative::Less => normal_cdf(stat),
                Alternative::Greater => normal_cdf(-stat),
            }
        } else {
            1.0
        };
        (p, TestMethod::PooledProportionZ)
    };
    Some(Difference { difference, se, ci_low: difference - z * se, ci_high: difference + z * se, p_value, method })
}

/// The changes of respondents who answered in both of two periods, on the -1/0/+1 scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PairedChanges {
    /// Respondents in both periods.
    pub respondents: u64,
    /// Changes of -2, -1, 0, +1, +2 (detractor to promoter is +2).
    pub changes: [u64; 5],
}

impl PairedChanges {
    /// The mean change on the -1..1 scale; `None` without respondents.
    #[must_use]
    pub fn mean(&self) -> Option<f64> {
        let sum: i64 = (-2i64..=2).zip(self.changes).map(|(v, k)| v * k as i64).sum();
        (self.respondents > 0).then(|| sum as f64 / self.respondents as f64)
    }

    /// Adds one respondent's answers (-1, 0 or +1) before and after.
    pub fn add(&mut self, before: i8, after: i8) {
        let change = (i16::from(after) - i16::from(before)).clamp(-2, 2);
        self.changes[(change + 2) as usize] += 1;
        self.respondents += 1;
    }
}

/// Tests the mean change of respondents who answered twice: the exact sign-flip test up to
/// [`SIGN_FLIP_UP_TO`] respondents (and whenever every change is the same, so that the SE is
/// zero), else the paired t-test with m - 1 degrees of freedom; the interval is the mean change
/// +/- t(m - 1) times the SE of the changes (NPS scale). `None` without respondents.
#[must_use]
pub fn compare_paired(paired: &PairedChanges, z: f64) -> Option<Difference> {
    let m = paired.respondents as f64;
    let mean = paired.mean()?;
    let values = [-2.0, -1.0, 0.0, 1.0, 2.0];
    let squares: f64 = values.iter().zip(paired.changes).map(|(v, k)| (v - mean).powi(2) * k as f64).sum();
    let se = if paired.respondents > 1 { (squares / (m - 1.0) / m).sqrt() } else { f64::NAN };
    let [down2, down1, _, up1, up2] = paired.changes;
    let df = m - 1.0;
    let half = if se > 0.0 { student_t_quantile(normal_cdf(z), df) * se } else { f64::NAN };
    let (p_value, method) = if se > 0.0 && paired.respondents > SIGN_FLIP_UP_TO {
        ((2.0 * student_t_cdf(-(mean / se).abs(), df)).min(1.0), TestMethod::PairedT)
    } else {
        let total = (up1 as i64 - down1 as i64) + 2 * (up2 as i64 - down2 as i64);
        (exact::sign_flip_p(up1 + down1, up2 + down2, total), TestMethod::SignFlip)
    };
    Some(Difference { difference: mean, se, ci_low: mean - half, ci_high: mean + half, p_value, method })
}

/// Compares two independent means (a minus b) by Welch's t-test, with the Welch-Satterthwaite
/// degrees of freedom; the interval is the difference +/- t times its SE at the two-sided level
/// of `z`. `None` when either side has fewer than two answers or neither varies.
#[must_use]
pub fn compare_means(a: &MeanSummary, b: &MeanSummary, z: f64) -> Option<Difference> {
    if !(a.n >= 2.0 && b.n >= 2.0) {
        return None;
    }
    let (va, vb) = (a.sd * a.sd / a.n, b.sd * b.sd / b.n);
    let se = (va + vb).sqrt();
    if !(se.is_finite() && se > 0.0) {
        return None;
    }
    let df = (va + vb).powi(2) / (va * va / (a.n - 1.0) + vb * vb / (b.n - 1.0));
    let difference = a.mean - b.mean;
    let half = student_t_quantile(normal_cdf(z), df) * se;
    let p_value = (2.0 * student_t_cdf(-(difference / se).abs(), df)).min(1.0);
    Some(Difference {
        difference,
        se,
        ci_low: difference - half,
        ci_high: difference + half,
        p_value,
        method: TestMethod::WelchT,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::Z95;

    #[test]
    fn welch_matches_scipy() {
        // scipy.stats.ttest_ind([1,2,3,4,5], [2,4,6,8,10], equal_var=False): t -1.897367,
        // p 0.107531, df 5.882353, 95% interval [-6.887742, 0.887742].
        let pairs = |values: &[f64]| values.iter().map(|&v| (v, 1.0)).collect::<Vec<_>>();
        let a = crate::stats::mean_t_interval(&pairs(&[1.0, 2.0, 3.0, 4.0, 5.0]), 0.95).unwrap();
        let b = crate::stats::mean_t_interval(&pairs(&[2.0, 4.0, 6.0, 8.0, 10.0]), 0.95).unwrap();
        let d = compare_means(&a, &b, Z95).unwrap();
        assert_eq!(d.method, TestMethod::WelchT);
        assert!((d.difference / d.se + 1.897_367).abs() < 1e-5, "{d:?}");
        assert!((d.p_value - 0.107_531).abs() < 1e-5, "{d:?}");
        assert!((d.ci_low + 6.887_742).abs() < 1e-4 && (d.ci_high - 0.887_742).abs() < 1e-4, "{d:?}");
        let flat = crate::stats::mean_t_interval(&[(3.0, 4.0)], 0.95).unwrap();
        assert_eq!(compare_means(&flat, &flat, Z95), None, "neither varies");
    }

    #[test]
    fn small_groups_are_tested_exactly_and_large_ones_on_the_pooled_se() {
        let five = NpsCounts::new(0.0, 0.0, 5.0);
        let rest = NpsCounts::new(20.0, 30.0, 50.0);
        let small = compare_nps(&five, &rest, false, Z95).unwrap();
        assert_eq!(small.method, TestMethod::ExactPermutation);
        assert!((small.p_value - 0.073).abs() < 5e-4, "{small:?}");
        assert!((small.difference - 0.7).abs() < 1e-12, "the raw difference is shown");
        // Two groups of 1,000 with NPS +30 and +20: the pooled shares (22.5, 30, 47.5) have
        // variance 0.7 - 0.25^2 = 0.6375, so z = 0.1 / sqrt(0.6375 * 2 / 1000) = 2.800560.
        let a = NpsCounts::new(200.0, 300.0, 500.0);
        let b = NpsCounts::new(250.0, 300.0, 450.0);
        let large = compare_nps(&a, &b, false, Z95).unwrap();
        assert_eq!(large.method, TestMethod::PooledZ);
        let expected = 2.0 * normal_cdf(-2.800_560_168);
        assert!((large.p_value - expected).abs() < 1e-9, "{large:?}");
        // Weighted pseudo-counts never go to the permutation test.
        assert_eq!(compare_nps(&five, &rest, true, Z95).unwrap().method, TestMethod::PooledZ);
    }

    #[test]
    fn five_promoters_are_no_star_by_the_reference_tests() {
        // statistics.md: 5 promoters against (20, 30, 50): exact p = 0.073, the adjusted
        // difference over the adjusted SE p = 0.168; the test used before gave 0.004.
        let (five, rest) = (NpsCounts::new(0.0, 0.0, 5.0), NpsCounts::new(20.0, 30.0, 50.0));
        let ((adj_a, var_a), (adj_b, var_b)) = (adjusted(&five).unwrap(), adjusted(&rest).unwrap());
        let adjusted_p = 2.0 * normal_cdf(-((adj_a - adj_b) / (var_a + var_b).sqrt()).abs());
        assert!((adjusted_p - 0.168).abs() < 5e-4, "{adjusted_p}");
        let old_p = 2.0 * normal_cdf(-(0.7 / (var_a + var_b).sqrt()));
        assert!((old_p - 0.004).abs() < 5e-4, "{old_p}");
        let d = compare_nps(&five, &rest, false, Z95).unwrap();
        assert!(d.p_value > 0.05 && (d.p_value - 0.073).abs() < 5e-4);
    }

    #[test]
    fn the_adjusted_difference_matches_measuringu() {
        // (1, 2, 3) against (20, 30, 50): adjusted NPS 0.222222 (SE 0.249828) and 0.291262
        // (SE 0.076915) from statistics.md.
        let a = NpsCounts::new(1.0, 2.0, 3.0);
        let b = NpsCounts::new(20.0, 30.0, 50.0);
        let (adj_a, var_a) = adjusted(&a).unwrap();
        let (adj_b, var_b) = adjusted(&b).unwrap();
        assert!((adj_a - 0.222222).abs() < 1e-6 && (var_a.sqrt() - 0.249828).abs() < 1e-6);
        assert!((adj_b - 0.291262).abs() < 1e-6 && (var_b.sqrt() - 0.076915).abs() < 1e-6);
        let d = compare_nps(&b, &a, true, Z95).unwrap();
        assert!((d.ci_low - (0.291262 - 0.222222 - Z95 * 0.076915_f64.hypot(0.249828))).abs() < 1e-5);
    }

    #[test]
    fn proportions_use_fisher_on_counts() {
        let d = compare_proportions([0.0, 10.0, 3.0, 10.0], false, Alternative::TwoSided, Z95).unwrap();
        assert_eq!(d.method, TestMethod::FisherMidP);
        // Twice the one-sided mid-p: P(X = 0) = 0.105263, halved, doubled.
        assert!((d.p_value - 0.105263).abs() < 1e-6);
        let w = compare_proportions([0.5, 20.2, 8.1, 19.7], true, Alternative::Less, Z95).unwrap();
        assert_eq!(w.method, TestMethod::PooledProportionZ);
        assert!(w.p_value < 0.05 && w.difference < 0.0);
    }

    #[test]
    fn paired_changes_are_tested_by_their_signs_or_a_t_test() {
        let mut same = PairedChanges::default();
        for _ in 0..6 {
            same.add(-1, 1);
        }
        // Six changes all upwards by 2: no spread, so the signs decide, 2 of 2^6 patterns.
        let d = compare_paired(&same, Z95).unwrap();
        assert_eq!((same.respondents, d.method), (6, TestMethod::SignFlip));
        assert!((d.difference - 2.0).abs() < 1e-12 && (d.p_value - 2.0 / 64.0).abs() < 1e-12, "{d:?}");
        // Changes +2, +1, +1, 0, 0, -1, 0, +1: mean 0.5, sd 0.9258201. Eight respondents: the
        // sign-flip test, 2^5 sign patterns of the five non-zero changes (sizes 2, 1, 1, 1, 1),
        // of which those with |sum| >= 4 are as extreme: sum 6 (one way), 4 (four ways) and
        // their negatives, 10 of 32.
        let mut mixed = PairedChanges::default();
        for (before, after) in [(-1, 1), (-1, 0), (0, 1), (0, 0), (1, 1), (1, 0), (-1, -1), (0, 1)] {
            mixed.add(before, after);
        }
        let d = compare_paired(&mixed, Z95).unwrap();
        assert_eq!(d.method, TestMethod::SignFlip);
        assert!((d.difference - 0.5).abs() < 1e-12);
        assert!((d.se - 0.925_820_1 / 8f64.sqrt()).abs() < 1e-6);
        assert!((d.p_value - 10.0 / 32.0).abs() < 1e-12, "{d:?}");
        // Four times as many respondents: the t-test, t = 3.214550 on 31 degrees of freedom,
        // p = 0.0030473 (scipy.stats.ttest_1samp of the same changes repeated four times).
        let mut many = PairedChanges::default();
        for _ in 0..4 {
            for (before, after) in [(-1, 1), (-1, 0), (0, 1), (0, 0), (1, 1), (1, 0), (-1, -1), (0, 1)] {
                many.add(before, after);
            }
        }
        let d = compare_paired(&many, Z95).unwrap();
        assert_eq!(d.method, TestMethod::PairedT);
        assert!((d.p_value - 0.003_047_309).abs() < 1e-8, "{d:?}");
    }
}
