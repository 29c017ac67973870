//! Pure numeric functions for intervals, tests and corrections used by NPS Workbench.
//!
//! This module owns the statistics only: Net Promoter Score intervals (Wald, adjusted Wald,
//! Kish's effective n), Wilson intervals, Student-t mean intervals (bounded to a scale, none
//! without spread) and Holm's correction, plus the special functions they need (normal and
//! Student-t distributions, ln-gamma, incomplete beta and gamma). [`compare`] holds the
//! calibrated tests (Welch's t for two means among them), [`exact`] their exact parts and
//! [`plan`] the sample sizes and the smallest detectable change; [`drivers`] the key driver
//! decompositions (linear, and logistic for being a promoter) with their bootstrap, [`rake`]
//! raking to population margins and [`random`] the seeded generator. Only what the app uses is
//! here: the Dirichlet interval and Benjamini-Hochberg were removed while nothing used them;
//! what a feature needs comes back with it, tested.
//! The tests behind every star are in [`compare`], which chooses among the exact tests of
//! [`exact`] and the z-tests by group size and weighting; the plain Wald [`two_group_test`] here
//! is the reference's textbook test, kept for its cross-check.
//! It is std only and must not touch data frames or UI: callers pass counts and numbers in,
//! and get numbers out. Everything is on the -1..1 (NPS) or 0..1 (proportion) scale; percent
//! scaling is a display concern. Formulas follow `shared/reference/statistics.md`.

use std::f64::consts::PI;

pub mod compare;
pub mod drivers;
pub mod exact;
pub mod plan;
pub mod rake;
pub mod random;

/// Two-sided 95% normal critical value used throughout the app.
pub const Z95: f64 = 1.959964;

/// Groups with fewer (effective) answers than this are not tested: one or two answers say
/// nothing about a difference, however far they lie from the rest.
pub const MIN_TESTED_N: f64 = 5.0;

/// Pseudo-counts added by the adjusted Wald interval (detractors, passives, promoters): n + 3.
const ADJUST: (f64, f64, f64) = (0.75, 1.5, 0.75);

/// Below this many (effective) answers no interval is given: none rests on one answer.
pub const MIN_INTERVAL_N: f64 = 2.0;

/// Whether `n` (effective) answers are enough for an interval ([`MIN_INTERVAL_N`]; effective
/// counts may fall a hair short of a whole number).
#[must_use]
pub fn enough_for_interval(n: f64) -> bool {
    n >= MIN_INTERVAL_N - 1e-9
}

/// The counts plus the adjusted Wald's pseudo-counts (0.75, 1.5, 0.75).
#[must_use]
pub fn adjusted_counts(c: &NpsCounts) -> NpsCounts {
    NpsCounts::new(c.detractors + ADJUST.0, c.passives + ADJUST.1, c.promoters + ADJUST.2)
}

// ---- Counts and NPS ----

/// Detractor (0-6), passive (7-8) and promoter (9-10) counts; `f64` so weighted counts work.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NpsCounts {
    /// Number (or summed weight) of answers 0-6.
    pub detractors: f64,
    /// Number (or summed weight) of answers 7-8.
    pub passives: f64,
    /// Number (or summed weight) of answers 9-10.
    pub promoters: f64,
}

impl NpsCounts {
    /// Builds counts in the reference order (D, Pa, P).
    pub fn new(detractors: f64, passives: f64, promoters: f64) -> Self {
        Self { detractors, passives, promoters }
    }

    /// Counts 0-10 scores; anything above 10 is invalid and excluded from n (never a detractor).
    pub fn from_scores(scores: &[u8]) -> Self {
        let mut c = Self::default();
        for &s in scores {
            match s {
                0..=6 => c.detractors += 1.0,
                7..=8 => c.passives += 1.0,
                9..=10 => c.promoters += 1.0,
                _ => {}
            }
        }
        c
    }

    /// Total n = D + Pa + P.
    pub fn n(&self) -> f64 {
        self.detractors + self.passives + self.promoters
    }

    /// Shares (d, p, n) when the counts are finite, non-negative and n > 0.
    fn shares(&self) -> Option<(f64, f64, f64)> {
        let parts = [self.detractors, self.passives, self.promoters];
        let n = self.n();
        (parts.iter().all(|v| v.is_finite() && *v >= 0.0) && n > 0.0)
            .then(|| (self.detractors / n, self.promoters / n, n))
    }

    /// NPS = p - d on the -1..1 scale; `None` when n == 0 or counts are invalid.
    pub fn nps(&self) -> Option<f64> {
        self.shares().map(|(d, p, _)| p - d)
    }

    /// Variance of one response's -1/0/+1 value: p + d - (p - d)^2; `None` when n == 0.
    pub fn variance(&self) -> Option<f64> {
        self.shares().map(|(d, p, _)| (p + d - (p - d).powi(2)).max(0.0))
    }
}

/// A point estimate with its standard error and interval bounds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Point estimate the interval is built around.
    pub centre: f64,
    /// Standard error of the estimate.
    pub se: f64,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Plain Wald interval NPS +/- z SE, unclamped. Zero width when all answers fall in one group
/// ((0,0,10) gives [1, 1]), so it must never be shown as the only interval.
pub fn wald(c: &NpsCounts, z: f64) -> Option<Interval> {
    let (d, p, n) = c.shares()?;
    let nps = p - d;
    let se = ((p + d - nps * nps).max(0.0) / n).sqrt();
    Some(Interval { centre: nps, se, low: nps - z * se, high: nps + z * se })
}

/// Adjusted Wald interval without clamping: Wald on counts + (0.75, 1.5, 0.75).
/// Bounds may leave [-1, 1] ((0,0,10) gives a raw upper bound of 1.063426).
pub fn adjusted_wald_unclamped(c: &NpsCounts, z: f64) -> Option<Interval> {
    c.shares()?;
    wald(&adjusted_counts(c), z)
}

/// Adjusted Wald interval (the app's default, Rocks 2016): add 0.75 to D, 1.5 to Pa and 0.75
/// to P (n + 3), then Wald on the adjusted counts. The centre is the adjusted NPS; bounds are
/// clamped to [-1, 1]. `None` when n == 0.
pub fn adjusted_wald(c: &NpsCounts, z: f64) -> Option<Interval> {
    adjusted_wald_unclamped(c, z).map(clamp_nps)
}

/// Adjusted Wald for weighted data. Shares come from the (weighted) counts, but the sample
/// size is Kish's effective n: the adjusted counts are `share * n_eff + (0.75, 1.5, 0.75)`, so
/// the 3 pseudo-observations are added on the effective-n scale and SE uses n_eff + 3.
/// With `n_eff == n` this equals [`adjusted_wald`]. Bounds are clamped to [-1, 1];
/// `None` when n == 0 or `n_eff` is not positive and finite.
pub fn adjusted_wald_effective_n(c: &NpsCounts, n_eff: f64, z: f64) -> Option<Interval> {
    let (d, p, n) = c.shares()?;
    if !(n_eff.is_finite() && n_eff > 0.0) {
        return None;
    }
    let q = c.passives / n;
    let adjusted = NpsCounts::new(d * n_eff + ADJUST.0, q * n_eff + ADJUST.1, p * n_eff + ADJUST.2);
    wald(&adjusted, z).map(clamp_nps)
}

/// Clamps interval bounds to the NPS range [-1, 1].
fn clamp_nps(i: Interval) -> Interval {
    Interval { low: i.low.clamp(-1.0, 1.0), high: i.high.clamp(-1.0, 1.0), ..i }
}

// ---- Tests between groups and proportions ----

/// Result of comparing the NPS of two independent groups (a minus b).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TwoGroupTest {
    /// NPS(a) - NPS(b), sign kept.
    pub difference: f64,
    /// sqrt(var_a / n_a + var_b / n_b).
    pub se: f64,
    /// difference / se.
    pub z: f64,
    /// Two-sided normal p-value.
    pub p_value: f64,
    /// Lower bound of the difference's interval.
    pub ci_low: f64,
    /// Upper bound of the difference's interval.
    pub ci_high: f64,
}

/// Two-sided plain Wald z-test for NPS(a) - NPS(b) of independent groups, with a `z`-based
/// interval of the difference: the textbook test of the reference's cross-check. Too liberal
/// below about 30 answers a group; the views use the calibrated tests of [`compare`]. Not valid
/// for the same respondents measured twice. `None` if either n is 0 or the SE is 0 (both groups
/// unanimous).
pub fn two_group_test(a: &NpsCounts, b: &NpsCounts, z: f64) -> Option<TwoGroupTest> {
    let (wa, wb) = (wald(a, z)?, wald(b, z)?);
    z_test(wa.centre - wb.centre, wa.se.hypot(wb.se), z)
}

/// The two-sided z-test of `difference` with standard error `se`, and its `z`-based interval;
/// `None` when the SE is zero or not finite.
fn z_test(difference: f64, se: f64, z: f64) -> Option<TwoGroupTest> {
    if se <= 0.0 || !se.is_finite() {
        return None;
    }
    let stat = difference / se;
    Some(TwoGroupTest {
        difference,
        se,
        z: stat,
        p_value: (2.0 * normal_cdf(-stat.abs())).min(1.0),
        ci_low: difference - z * se,
        ci_high: difference + z * se,
    })
}

/// Wilson score interval for a proportion. `centre` is the raw proportion p = successes / n,
/// `se` = sqrt(p(1 - p) / n), and low/high are the Wilson bounds (within [0, 1]).
/// `None` unless 0 <= successes <= n and n > 0.
pub fn wilson(successes: f64, n: f64, z: f64) -> Option<Interval> {
    if !(n.is_finite() && n > 0.0 && successes >= 0.0 && successes <= n) {
        return None;
    }
    let p = successes / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let mid = p + z2 / (2.0 * n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    // Clamp away rounding: mathematically 0 <= low <= p <= high <= 1 (exactly 1 when p = 1).
    Some(Interval {
        centre: p,
        se: (p * (1.0 - p) / n).sqrt(),
        low: ((mid - half) / denom).clamp(0.0, p),
        high: ((mid + half) / denom).clamp(p, 1.0),
    })
}

// ---- Means ----

/// Mean of a rating scale with its SD and t-interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeanSummary {
    /// Total count (sum of the counts).
    pub n: f64,
    /// Mean value.
    pub mean: f64,
    /// Sample SD (n - 1 denominator).
    pub sd: f64,
    /// Lower bound: mean - t(n-1) sd / sqrt(n).
    pub low: f64,
    /// Upper bound: mean + t(n-1) sd / sqrt(n).
    pub high: f64,
}

/// Mean, SD and Student-t interval at `level` (e.g. 0.95) from (value, count) pairs.
/// `None` when n < 2, a count is negative, a value or count is not finite, or `level` is
/// outside (0, 1).
pub fn mean_t_interval(values_with_counts: &[(f64, f64)], level: f64) -> Option<MeanSummary> {
    let valid = values_with_counts.iter().all(|(v, c)| v.is_finite() && c.is_finite() && *c >= 0.0);
    if !(valid && level > 0.0 && level < 1.0) {
        return None;
    }
    let n: f64 = values_with_counts.iter().map(|(_, c)| c).sum();
    if n < 2.0 {
        return None;
    }
    let mean = values_with_counts.iter().map(|(v, c)| v * c).sum::<f64>() / n;
    let ss: f64 = values_with_counts.iter().map(|(v, c)| c * (v - mean).powi(2)).sum();
    let sd = (ss / (n - 1.0)).sqrt();
    let half = student_t_quantile(0.5 + level / 2.0, n - 1.0) * sd / n.sqrt();
    Some(MeanSummary { n, mean, sd, low: mean - half, high: mean + half })
}

/// Why a mean has no interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoInterval {
    /// Fewer than two (effective) answers.
    TooFewAnswers,
    /// Every answer the same: the spread is zero, so a t-interval would claim certainty.
    NoSpread,
}

impl NoInterval {
    /// The reason's name in the JSON.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::TooFewAnswers => "too_few_answers",
            Self::NoSpread => "no_spread",
        }
    }
}

/// [`mean_t_interval`] for answers on a bounded scale `(low, high)`: the interval is cut to the
/// scale, and there is none (with the reason) below two answers or when every answer is the
/// same.
pub fn bounded_mean_interval(
    values_with_counts: &[(f64, f64)],
    level: f64,
    (low, high): (f64, f64),
) -> Result<MeanSummary, NoInterval> {
    let n: f64 = values_with_counts.iter().map(|(_, c)| c).sum();
    // Effective counts can fall a hair short of a whole number.
    if !enough_for_interval(n) {
        return Err(NoInterval::TooFewAnswers);
    }
    let m = mean_t_interval(values_with_counts, level).ok_or(NoInterval::TooFewAnswers)?;
    if m.sd.is_nan() || m.sd <= 1e-12 {
        return Err(NoInterval::NoSpread);
    }
    Ok(MeanSummary { low: m.low.clamp(low, high), high: m.high.clamp(low, high), ..m })
}

// ---- Multiple testing and sample size ----

/// Indices of the non-NaN p-values, sorted ascending by p.
fn sorted_indices(p: &[f64]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    idx.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
    idx
}

/// Holm step-down adjusted p-values (family-wise error), monotone, capped at 1, in input
/// order. NaN inputs stay NaN and are not counted in m.
pub fn holm_adjust(p_values: &[f64]) -> Vec<f64> {
    let idx = sorted_indices(p_values);
    let m = idx.len() as f64;
    let mut out = vec![f64::NAN; p_values.len()];
    let mut running = 0.0_f64;
    for (rank, &i) in idx.iter().enumerate() {
        running = running.max((m - rank as f64) * p_values[i]).min(1.0);
        out[i] = running;
    }
    out
}

// ---- Special functions ----

/// Standard normal CDF, accurate to ~1e-14 (relative, also in the tails), via the regularized
/// incomplete gamma function: Phi(x) = Q(1/2, x^2/2) / 2 for x < 0.
pub fn normal_cdf(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x.is_infinite() {
        return if x > 0.0 { 1.0 } else { 0.0 };
    }
    let (p, q) = inc_gamma(0.5, x * x / 2.0);
    if x < 0.0 { 0.5 * q } else { 0.5 + 0.5 * p }
}

/// Standard normal quantile: Acklam's rational approximation plus one Halley refinement step
/// (~1e-15). Returns -inf/inf at 0/1 and NaN outside [0, 1].
pub fn normal_quantile(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    #[rustfmt::skip]
    const A: [f64; 6] = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.38357751867269e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ];
    #[rustfmt::skip]
    const B: [f64; 6] = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01, 1.0,
    ];
    #[rustfmt::skip]
    const C: [f64; 6] = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ];
    #[rustfmt::skip]
    const D: [f64; 5] = [
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00, 1.0,
    ];
    const P_LOW: f64 = 0.02425;
    let tail = |q: f64| horner(&C, q) / horner(&D, q);
    let x = if p < P_LOW {
        tail((-2.0 * p.ln()).sqrt())
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        horner(&A, q * q) * q / horner(&B, q * q)
    } else {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    };
    // Halley step; in the upper tail work with the complement to keep precision.
    let e = if p > 0.5 { (1.0 - p) - normal_cdf(-x) } else { normal_cdf(x) - p };
    let u = e * (2.0 * PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

/// Polynomial with coefficients from the highest power down.
fn horner(coefficients: &[f64], x: f64) -> f64 {
    coefficients.iter().fold(0.0, |acc, c| acc * x + c)
}

/// Student-t CDF with `df` (> 0, may be fractional) degrees of freedom.
pub fn student_t_cdf(t: f64, df: f64) -> f64 {
    if t.is_nan() || df.is_nan() || df <= 0.0 {
        return f64::NAN;
    }
    if df.is_infinite() {
        return normal_cdf(t);
    }
    if t.is_infinite() {
        return if t > 0.0 { 1.0 } else { 0.0 };
    }
    let (a, b) = (df / 2.0, 0.5);
    let tail = 0.5 * inc_beta(df / (df + t * t), t * t / (df + t * t), a, b, ln_beta(a, b));
    if t > 0.0 { 1.0 - tail } else { tail }
}

/// Student-t quantile for probability `p` and `df` (> 0) degrees of freedom, by bracketing and
/// bisection on the exact CDF (incomplete beta). NaN for invalid input, +/-inf at 1/0.
pub fn student_t_quantile(p: f64, df: f64) -> f64 {
    if p.is_nan() || df.is_nan() || df <= 0.0 || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if df.is_infinite() {
        return normal_quantile(p);
    }
    if p == 0.5 {
        return 0.0;
    }
    let alpha = p.min(1.0 - p); // upper-tail probability of |t|-quantile
    if alpha == 0.0 {
        return if p > 0.5 { f64::INFINITY } else { f64::NEG_INFINITY };
    }
    let upper_tail = |t: f64| student_t_cdf(-t, df);
    let mut hi = 1.0_f64;
    while upper_tail(hi) > alpha && hi < 1e300 {
        hi *= 2.0;
    }
    let mut lo = 0.0_f64;
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if upper_tail(mid) > alpha {
            lo = mid
        } else {
            hi = mid
        }
        if hi - lo <= 1e-15 * hi {
            break;
        }
    }
    let t = 0.5 * (lo + hi);
    if p > 0.5 { t } else { -t }
}

/// ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative).
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    #[rustfmt::skip]
    const COEF: [f64; 9] = [
        0.999_999_999_999_809_9, 676.520_368_121_885_1, -1_259.139_216_722_402_8,
        771.323_428_777_653_1, -176.615_029_162_140_6, 12.507_343_278_686_905,
        -0.138_571_095_265_720_12, 9.984_369_578_019_572e-6, 1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection keeps accuracy for small x.
        return (PI / (PI * x).sin().abs()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let a = COEF[1..].iter().enumerate().fold(COEF[0], |acc, (i, c)| acc + c / (x + i as f64 + 1.0));
    let t = x + G + 0.5;
    0.5 * (2.0 * PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// ln B(a, b); +inf when a parameter is 0 (callers treat that case as degenerate).
fn ln_beta(a: f64, b: f64) -> f64 {
    if a <= 0.0 || b <= 0.0 {
        return f64::INFINITY;
    }
    ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b)
}

/// Floor that keeps Lentz's method away from division by zero.
const TINY: f64 = 1e-300;
/// Relative convergence target of the series and continued fractions.
const EPS: f64 = 1e-15;
/// Iteration cap for the series and continued fractions.
const MAX_ITER: usize = 10_000;

/// Regularized incomplete beta I_x(a, b) with 1 - x passed separately for precision and
/// ln B(a, b) precomputed (Lentz continued fraction).
fn inc_beta(x: f64, one_minus_x: f64, a: f64, b: f64, ln_b: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if one_minus_x <= 0.0 {
        return 1.0;
    }
    let front = (a * x.ln() + b * one_minus_x.ln() - ln_b).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_cf(x, a, b) / a
    } else {
        1.0 - front * beta_cf(one_minus_x, b, a) / b
    }
}

/// Continued fraction for the incomplete beta (Numerical Recipes `betacf`, Lentz's method).
fn beta_cf(x: f64, a: f64, b: f64) -> f64 {
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - qab * x / qap);
    let mut h = d;
    for m in 1..=MAX_ITER {
        let m = m as f64;
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 / guard(1.0 + aa * d);
        c = guard(1.0 + aa / c);
        let del = d * c;
        h *= del;
        if (del - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// Regularized incomplete gamma (P(a, x), Q(a, x)): series for x < a + 1, else Lentz
/// continued fraction, each computed directly so the small one keeps relative accuracy.
fn inc_gamma(a: f64, x: f64) -> (f64, f64) {
    if x <= 0.0 {
        return (0.0, 1.0);
    }
    let front = (-x + a * x.ln() - ln_gamma(a)).exp();
    if x < a + 1.0 {
        let (mut ap, mut del) = (a, 1.0 / a);
        let mut sum = del;
        for _ in 0..MAX_ITER {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * EPS {
                break;
            }
        }
        let p = sum * front;
        (p, 1.0 - p)
    } else {
        let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..=MAX_ITER {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = 1.0 / guard(an * d + b);
            c = guard(b + an / c);
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < EPS {
                break;
            }
        }
        let q = front * h;
        (1.0 - q, q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tol: f64) {
        let ok = (actual - expected).abs() <= tol;
        assert!(ok, "expected {expected} +/- {tol}, got {actual}");
    }

    fn counts(d: f64, pa: f64, p: f64) -> NpsCounts {
        NpsCounts::new(d, pa, p)
    }

    /// 6-decimal reference values.
    const T6: f64 = 1e-5;
    /// 4-decimal (or 2-decimal percent) values: within half a displayed unit.
    const T4: f64 = 5e-5 + 1e-9;

    fn check(i: Option<Interval>, centre: f64, se: f64, low: f64, high: f64) {
        let i = i.unwrap();
        for (got, want) in [(i.centre, centre), (i.se, se), (i.low, low), (i.high, high)] {
            close(got, want, T6);
        }
    }

    #[test]
    fn special_functions() {
        close(ln_gamma(0.5), 0.572_364_942_924_700_1, 1e-13);
        close(ln_gamma(10.0), 12.801_827_480_081_469, 1e-12);
        close(normal_cdf(1.0), 0.841_344_746_068_543, 1e-14);
        close(normal_cdf(-3.0) / 0.001_349_898_031_630_095, 1.0, 1e-12);
        close(normal_cdf(-8.0) / 6.220_960_574_271_785e-16, 1.0, 1e-10);
        close(normal_cdf(0.0), 0.5, 1e-15);
        close(normal_cdf(Z95), 0.975, 1e-7);
        close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-12);
        close(normal_quantile(0.01), -2.326_347_874_040_841, 1e-12);
        close(normal_quantile(1e-10), -6.361_340_902_404_056, 1e-9);
        close(normal_quantile(0.5), 0.0, 1e-15);
        for p in [1e-12, 0.001, 0.02425, 0.3, 0.7, 0.98, 0.999_999] {
            close(normal_cdf(normal_quantile(p)) / p, 1.0, 1e-12);
        }
        close(student_t_quantile(0.975, 49.0), 2.009_575_237_129_235, 1e-10);
        close(student_t_quantile(0.975, 1.0), 12.706_204_736_174_7, 1e-8);
        close(student_t_quantile(0.025, 10.0), -2.228_138_851_986_273_5, 1e-10);
        // df = 2 has a closed form: t = a sqrt(2 / (1 - a^2)) with a = 2p - 1.
        for p in [0.6, 0.9, 0.995, 0.05] {
            let a: f64 = 2.0 * p - 1.0;
            close(student_t_quantile(p, 2.0), a * (2.0 / (1.0 - a * a)).sqrt(), 1e-10);
        }
        close(student_t_cdf(student_t_quantile(0.9, 7.3), 7.3), 0.9, 1e-12);
        assert!(student_t_quantile(1.5, 3.0).is_nan());
        assert!(normal_quantile(-0.1).is_nan());
    }

    #[test]
    fn counts_and_variance() {
        let c = NpsCounts::from_scores(&[0, 7, 7, 9, 9, 9, 11, 200]);
        assert_eq!(c, counts(1.0, 2.0, 3.0));
        assert_eq!(NpsCounts::default().nps(), None);
        assert_eq!(NpsCounts::default().variance(), None);
        assert_eq!(counts(-1.0, 2.0, 3.0).nps(), None);
        let rows = [
            ((1.0, 0.0, 1.0), 0.0, 1.0, std::f64::consts::FRAC_1_SQRT_2), // SE 0.707107
            ((0.0, 1.0, 1.0), 0.5, 0.25, 0.353_553),
            ((1.0, 1.0, 1.0), 0.0, 0.666_667, 0.471_405),
            ((1.0, 2.0, 3.0), 0.333_333, 0.555_556, 0.304_290),
        ];
        for ((d, pa, p), nps, var, se) in rows {
            let c = counts(d, pa, p);
            close(c.nps().unwrap(), nps, T6);
            close(c.variance().unwrap(), var, T6);
            close(wald(&c, Z95).unwrap().se, se, T6);
        }
        // Exact from counts: 1/3 - 1/6, not 33 - 17.
        close(counts(1.0, 3.0, 2.0).nps().unwrap(), 1.0 / 6.0, 1e-15);
    }

    #[test]
    fn wald_and_adjusted_wald_rows() {
        let c = counts(1.0, 2.0, 3.0);
        check(wald(&c, Z95), 0.333_333, 0.304_290, -0.263_065, 0.929_731);
        check(adjusted_wald(&c, Z95), 0.222_222, 0.249_828, -0.267_433, 0.711_877);
        let c = counts(20.0, 30.0, 50.0);
        check(wald(&c, Z95), 0.3, 0.078_102, 0.146_922, 0.453_078);
        check(adjusted_wald(&c, Z95), 0.291_262, 0.076_915, 0.140_511, 0.442_013);
        let c = counts(2.0, 3.0, 7.0);
        check(wald(&c, Z95), 0.416_667, 0.219_163, -0.012_885, 0.846_218);
        check(adjusted_wald(&c, Z95), 0.333_333, 0.198_139, -0.055_013, 0.721_680);
        let c = counts(0.0, 0.0, 10.0);
        check(wald(&c, Z95), 1.0, 0.0, 1.0, 1.0);
        check(adjusted_wald_unclamped(&c, Z95), 0.769_231, 0.150_102, 0.475_036, 1.063_426);
        check(adjusted_wald(&c, Z95), 0.769_231, 0.150_102, 0.475_036, 1.0);
        assert!(wald(&NpsCounts::default(), Z95).is_none());
        assert!(adjusted_wald(&NpsCounts::default(), Z95).is_none());
    }

    #[test]
    fn weighted_effective_n() {
        // With n_eff == n it is the ordinary adjusted Wald.
        let c = counts(20.0, 30.0, 50.0);
        let same = adjusted_wald_effective_n(&c, 100.0, Z95).unwrap();
        check(Some(same), 0.291_262, 0.076_915, 0.140_511, 0.442_013);
        // Doubled weights with n_eff 100: same as the unweighted 100; larger n_eff is narrower.
        let w = counts(40.0, 60.0, 100.0);
        assert_eq!(adjusted_wald_effective_n(&w, 100.0, Z95), Some(same));
        assert!(adjusted_wald_effective_n(&w, 200.0, Z95).unwrap().se < same.se);
        assert!(adjusted_wald_effective_n(&w, 0.0, Z95).is_none());
    }

    #[test]
    fn two_groups() {
        let (a, b) = (counts(20.0, 30.0, 50.0), counts(30.0, 30.0, 40.0));
        let t = two_group_test(&a, &b, Z95).unwrap();
        close(t.difference, 0.2, T6);
        close(t.se, 0.114_018, T6);
        close(t.z, 1.754_116, T6);
        close(t.p_value, 0.079_411, T6);
        close(t.ci_low, -0.023_470, T6);
        close(t.ci_high, 0.423_470, T6);
        let r = two_group_test(&b, &a, Z95).unwrap();
        close(r.difference, -0.2, 1e-12);
        close(r.z, -1.754_116, T6);
        close(r.p_value, t.p_value, 1e-15);
        let all_promoters = counts(0.0, 0.0, 5.0);
        assert!(two_group_test(&all_promoters, &all_promoters, Z95).is_none());
        assert!(two_group_test(&NpsCounts::default(), &a, Z95).is_none());
    }

    #[test]
    fn wilson_rows() {
        let rows = [
            (40.0, 50.0, 0.669_63, 0.887_56, 5e-6 + 1e-9),
            (22.0, 30.0, 0.5555, 0.8582, T4),
            (12.0, 20.0, 0.3866, 0.7812, T4),
            (5.0, 5.0, 0.5655, 1.0, T4),
            (0.0, 5.0, 0.0, 0.4345, T4),
        ];
        for (s, n, lo, hi, tol) in rows {
            let w = wilson(s, n, Z95).unwrap();
            close(w.low, lo, tol);
            close(w.high, hi, tol);
            close(w.centre, s / n, 1e-15);
        }
        let w = wilson(40.0, 50.0, Z95).unwrap();
        close(w.se, (0.8_f64 * 0.2 / 50.0).sqrt(), 1e-15);
        assert_eq!(wilson(5.0, 5.0, Z95).unwrap().high, 1.0);
        assert!(wilson(6.0, 5.0, Z95).is_none());
        assert!(wilson(0.0, 0.0, Z95).is_none());
    }

    #[test]
    fn mean_rows() {
        let csat = [(1.0, 2.0), (2.0, 3.0), (3.0, 5.0), (4.0, 20.0), (5.0, 20.0)];
        let ces = [(1.0, 1.0), (2.0, 1.0), (3.0, 2.0), (4.0, 4.0), (5.0, 6.0), (6.0, 10.0)];
        let ces = [&ces[..], &[(7.0, 6.0)]].concat();
        let grade = [(5.0, 1.0), (6.0, 2.0), (7.0, 5.0), (8.0, 9.0), (9.0, 3.0)];
        let rows = [
            (&csat[..], [4.06, 1.0577, 3.7594, 4.3606]),
            (&ces[..], [5.2333, 1.5466, 4.6558, 5.8108]),
            (&grade[..], [7.55, 1.0501, 7.0586, 8.0414]),
        ];
        for (data, want) in rows {
            let m = mean_t_interval(data, 0.95).unwrap();
            for (got, want) in [m.mean, m.sd, m.low, m.high].into_iter().zip(want) {
                close(got, want, T4);
            }
        }
        assert_eq!(mean_t_interval(&csat, 0.95).unwrap().n, 50.0);
        assert!(mean_t_interval(&[(3.0, 1.0)], 0.95).is_none());
        assert!(mean_t_interval(&[], 0.95).is_none());
        assert!(mean_t_interval(&[(3.0, -1.0), (4.0, 5.0)], 0.95).is_none());
    }

    #[test]
    fn multiple_testing() {
        let same = |got: Vec<f64>, want: &[f64]| {
            assert_eq!(got.len(), want.len());
            got.iter().zip(want).for_each(|(g, w)| close(*g, *w, 1e-12));
        };
        let p = [0.01, 0.04, 0.03, 0.005];
        same(holm_adjust(&p), &[0.03, 0.06, 0.06, 0.02]);
        same(holm_adjust(&[0.5, 0.6]), &[1.0, 1.0]);
        let with_nan = holm_adjust(&[0.02, f64::NAN, 0.01]);
        assert!(with_nan[1].is_nan());
        same(vec![with_nan[0], with_nan[2]], &[0.02, 0.02]);
        assert!(holm_adjust(&[]).is_empty());
    }

    #[test]
    fn property_nps_intervals_contain_centre_and_stay_in_range() {
        let grid = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 40.0];
        for d in grid {
            for pa in grid {
                for p in grid {
                    let c = counts(d, pa, p);
                    if c.n() == 0.0 {
                        continue;
                    }
                    let w = wald(&c, Z95).unwrap();
                    assert!(w.low <= w.centre && w.centre <= w.high, "wald {c:?}");
                    let a = adjusted_wald(&c, Z95).unwrap();
                    let inside = -1.0 <= a.low && a.low <= a.centre && a.centre <= a.high;
                    assert!(inside && a.high <= 1.0 && a.low < a.high, "adjusted {c:?}");
                }
            }
        }
    }

    #[test]
    fn property_wilson_in_unit_range() {
        for n in 1..=60 {
            for s in 0..=n {
                let i = wilson(f64::from(s), f64::from(n), Z95).unwrap();
                let ok = 0.0 <= i.low && i.low <= i.centre && i.centre <= i.high;
                assert!(ok && i.high <= 1.0, "wilson {s}/{n}");
            }
        }
    }
}
