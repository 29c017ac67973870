//! How many answers a survey needs, and the smallest change a comparison of the sizes at hand
//! could detect: the planner's arithmetic (see `../shared/reference/statistics.md`).
//!
//! Everything is on the -1..1 NPS scale (0.10 is 10 points). The interval is the adjusted Wald
//! interval (its n is the answers plus 3, hence the `- 3` and `+ 3`), the level 5% two-sided
//! and the power 80%.

use super::{NpsCounts, Z95};

/// The normal quantile for 80% power (z of 0.80).
pub const Z_POWER_80: f64 = 0.841_621;

/// The variance of one answer's -1/0/+1 value when nothing is known of the split: its largest
/// (half promoters, half detractors).
pub const WORST_CASE_VARIANCE: f64 = 1.0;

/// The variance of one answer's -1/0/+1 value for an expected split of promoters, passives and
/// detractors (any non-negative amounts: they are taken as shares of their sum). `None` when the
/// split is empty or not finite.
#[must_use]
pub fn split_variance(promoters: f64, passives: f64, detractors: f64) -> Option<f64> {
    let valid = |x: f64| x.is_finite() && x >= 0.0;
    if !(valid(promoters) && valid(passives) && valid(detractors)) {
        return None;
    }
    NpsCounts::new(detractors, passives, promoters).variance()
}

/// Rounds a planned size up to whole answers (at least one); `None` when it is not finite.
fn whole(n: f64) -> Option<u64> {
    // A hair below a whole number is that number (876.0000000001 stays 877 only when it is so).
    (n.is_finite() && n < 1e15).then(|| (n - 1e-9).ceil().max(1.0) as u64)
}

/// Answers for a 95% adjusted-Wald interval of half-width `margin`: z^2 var / E^2 - 3, rounded
/// up. `None` unless `margin` is positive and `variance` non-negative.
#[must_use]
pub fn answers_for_margin(margin: f64, variance: f64) -> Option<u64> {
    if !(margin > 0.0 && variance >= 0.0) {
        return None;
    }
    whole(Z95 * Z95 * variance / (margin * margin) - 3.0)
}

/// Answers per wave for two independent waves of equal size to detect a change `change` at 5%
/// (two-sided) with 80% power: (var1 + var2) (z_a + z_b)^2 / D^2 - 3, rounded up.
#[must_use]
pub fn answers_per_wave(change: f64, variance_before: f64, variance_after: f64) -> Option<u64> {
    if !(change.abs() > 0.0 && variance_before >= 0.0 && variance_after >= 0.0) {
        return None;
    }
    let z = Z95 + Z_POWER_80;
    whole((variance_before + variance_after) * z * z / (change * change) - 3.0)
}

/// `answers` drawn from a customer base of `population` without replacement: n / (1 + (n - 1) /
/// N), rounded up (never more than the population).
#[must_use]
pub fn finite_population(answers: u64, population: u64) -> u64 {
    if population == 0 {
        return answers;
    }
    let n = answers as f64;
    let corrected = n / (1.0 + (n - 1.0) / population as f64);
    whole(corrected).unwrap_or(answers).min(population)
}

/// Invitations to send for `answers` at `response_rate` (a share in (0, 1]), rounded up.
#[must_use]
pub fn invitations(answers: u64, response_rate: f64) -> Option<u64> {
    (response_rate > 0.0 && response_rate <= 1.0).then(|| whole(answers as f64 / response_rate)).flatten()
}

/// The smallest change a test with standard error `se` detects at 5% (two-sided) with 80%
/// power: (z_a + z_b) SE. For two independent groups SE is sqrt(var1/(n1 + 3) + var2/(n2 + 3))
/// (the calibrated test's), for respondents who answered twice the SE of their own changes.
#[must_use]
pub fn minimum_detectable(se: f64) -> Option<f64> {
    (se.is_finite() && se > 0.0).then_some((Z95 + Z_POWER_80) * se)
}

/// The smallest change between two independent groups of `n1` and `n2` answers whose answers
/// vary as `variance1` and `variance2`: (z_a + z_b) sqrt(var1/(n1 + 3) + var2/(n2 + 3)).
#[must_use]
pub fn minimum_detectable_between(variance1: f64, n1: f64, variance2: f64, n2: f64) -> Option<f64> {
    if !(n1 >= 0.0 && n2 >= 0.0 && variance1 >= 0.0 && variance2 >= 0.0) {
        return None;
    }
    minimum_detectable((variance1 / (n1 + 3.0) + variance2 / (n2 + 3.0)).sqrt())
}

/// The half-width of the 95% adjusted-Wald interval of `answers` answers varying as `variance`:
/// z sqrt(var / (n + 3)).
#[must_use]
pub fn margin_of(answers: u64, variance: f64) -> Option<f64> {
    (variance >= 0.0).then(|| Z95 * (variance / (answers as f64 + 3.0)).sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_cross_checks_hold() {
        // +/-10 points, worst case: 382 answers; +/-5: 1534 (statistics.md).
        assert_eq!(answers_for_margin(0.10, WORST_CASE_VARIANCE), Some(382));
        assert_eq!(answers_for_margin(0.05, WORST_CASE_VARIANCE), Some(1534));
        // A 10-point change with var 0.56 in both waves: 876.07, so 877 per wave.
        assert_eq!(answers_per_wave(0.10, 0.56, 0.56), Some(877));
        let z = Z95 + Z_POWER_80;
        assert!((0.56 * 2.0 * z * z / 0.01 - 3.0 - 876.07).abs() < 0.01);
        // And back: 877 per wave detects just under 10 points.
        let mdd = minimum_detectable_between(0.56, 877.0, 0.56, 877.0).unwrap();
        assert!(mdd < 0.10 && mdd > 0.0999, "{mdd}");
        // The split 40/40/20 varies as 0.4 + 0.2 - 0.2^2 = 0.56.
        assert!((split_variance(40.0, 40.0, 20.0).unwrap() - 0.56).abs() < 1e-12);
        assert!((split_variance(50.0, 0.0, 50.0).unwrap() - 1.0).abs() < 1e-12);
        assert_eq!(split_variance(-1.0, 50.0, 50.0), None);
        // Worst case at 382 answers: a half-width just under 10 points.
        assert!(margin_of(382, 1.0).unwrap() <= 0.10 && margin_of(381, 1.0).unwrap() > 0.10);
    }

    #[test]
    fn a_small_customer_base_and_the_response_rate_change_the_plan() {
        // 382 answers from 1,000 customers: 382 / (1 + 381/1000) = 276.6, so 277.
        assert_eq!(finite_population(382, 1_000), 277);
        assert_eq!(finite_population(382, 0), 382, "no population given");
        // 5,000 from 100 customers: 5000 / (1 + 4999/100) = 98.1, so 99; never more than everyone.
        assert_eq!(finite_population(5_000, 100), 99);
        assert_eq!(finite_population(10, 1), 1);
        // 277 answers at 20% response: 1,385 invitations.
        assert_eq!(invitations(277, 0.20), Some(1_385));
        assert_eq!(invitations(277, 0.0), None);
        assert_eq!(invitations(277, 1.5), None);
        assert_eq!(answers_for_margin(0.0, 1.0), None);
        assert_eq!(answers_per_wave(0.0, 1.0, 1.0), None);
    }
}
