//! The calibration of every test that puts a star or a flag on screen, by simulation: both
//! sides are drawn from one population, so every star is a false alarm, and the share of draws
//! starred at 5% must stay at or below 5.5% (and above 3% where the data allow). The same draws
//! with a true difference of 10 and 20 points give the power.
//!
//! Each cell runs the code the views run: answers are tallied into [`ScoreTally`]s and tested
//! with [`test_groups`] (segment against the rest, period against period, a theme's NPS with and
//! without); the changes of the same respondents with the paired test; a theme's mentions
//! through [`theme_stats`]; invitations through [`flag_far_below`]; and the interval behind the
//! benchmark verdict through [`verdict_interval`]. `cargo run --release --example
//! calibration` prints the whole table (20,000 draws a cell); `cargo test` runs a quicker
//! version. Seeded: the same table every run.

use crate::analysis::breakdown::{ALPHA, test_groups};
use crate::analysis::response_rate::flag_far_below;
use crate::analysis::waves::wave_change;
use crate::analysis::{NpsSummary, ResponseRate, ScoreTally, ValueResponseRate};
use crate::benchmarks::verdict_interval;
use crate::stats::Z95;
use crate::stats::compare::{PairedChanges, compare_paired};
use crate::stats::drivers::logistic::latent_weights;
use crate::stats::drivers::{DriverOptions, DriverRows, Model, johnson, key_drivers};
use crate::themes::{GroupCount, GroupTotal, GroupTotals, Representation, ThemeCounts, ThemeId, theme_stats};

pub use crate::stats::random::Rng;

/// Shares of detractors, passives and promoters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Population {
    /// Detractors' share.
    pub detractors: f64,
    /// Passives' share.
    pub passives: f64,
    /// Promoters' share.
    pub promoters: f64,
}

impl Population {
    /// The four populations the calibration covers: typical, polarised, near-unanimous and
    /// mostly critical.
    pub const ALL: [Population; 4] = [
        Population { detractors: 0.20, passives: 0.30, promoters: 0.50 },
        Population { detractors: 0.40, passives: 0.30, promoters: 0.30 },
        Population { detractors: 0.05, passives: 0.15, promoters: 0.80 },
        Population { detractors: 0.60, passives: 0.20, promoters: 0.20 },
    ];

    /// Its NPS on the -1..1 scale.
    #[must_use]
    pub fn nps(&self) -> f64 {
        self.promoters - self.detractors
    }

    /// The population whose NPS is `points` (-1..1 scale) higher: detractors become promoters
    /// first (each 1% moved adds 2 points), then passives do.
    #[must_use]
    pub fn shifted(&self, points: f64) -> Self {
        let from_detractors = (points / 2.0).min(self.detractors);
        let from_passives = (points - 2.0 * from_detractors).min(self.passives);
        Self {
            detractors: self.detractors - from_detractors,
            passives: self.passives - from_passives,
            promoters: self.promoters + from_detractors + from_passives,
        }
    }

    /// `D/Pa/P` in percent, as the table heads it.
    #[must_use]
    pub fn label(&self) -> String {
        format!("{:.0}/{:.0}/{:.0}", 100.0 * self.detractors, 100.0 * self.passives, 100.0 * self.promoters)
    }

    /// One answer's -1/0/+1 value.
    fn draw_value(&self, rng: &mut Rng) -> i8 {
        let u = rng.uniform();
        if u < self.detractors {
            -1
        } else if u < self.detractors + self.passives {
            0
        } else {
            1
        }
    }
}

/// A 0-10 answer of a -1/0/+1 value.
fn score_of(value: i8) -> u8 {
    match value {
        -1 => 3,
        0 => 7,
        _ => 10,
    }
}

/// How answers are weighted in a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weights {
    /// Every answer counts once.
    None,
    /// Log-normal weights (sigma 1) independent of the answer, as survey weights are.
    LogNormal,
}

impl Weights {
    fn draw(self, rng: &mut Rng) -> f64 {
        match self {
            Self::None => 1.0,
            Self::LogNormal => rng.normal().exp(),
        }
    }

    /// `unweighted` or `weighted`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::None => "unweighted",
            Self::LogNormal => "weighted",
        }
    }
}

/// A group of `n` answers from `population`.
fn draw_group(n: usize, population: &Population, weights: Weights, rng: &mut Rng) -> ScoreTally {
    let mut tally = ScoreTally::default();
    for _ in 0..n {
        let value = population.draw_value(rng);
        tally.add(score_of(value), weights.draw(rng));
    }
    tally
}

/// The share of `draws` for which `starred` says yes.
fn rate(draws: usize, mut starred: impl FnMut() -> bool) -> f64 {
    (0..draws).filter(|_| starred()).count() as f64 / draws as f64
}

/// Share of draws in which two groups of `n_a` and `n_b` answers, the first from `a` and the
/// second from `b`, are starred by the NPS test the views use (segment against the rest, period
/// against period, theme with against without). With `a == b` it is the false-alarm rate.
#[must_use]
pub fn nps_test_rate(
    n_a: usize,
    n_b: usize,
    a: &Population,
    b: &Population,
    weights: Weights,
    draws: usize,
    seed: u64,
) -> f64 {
    let mut rng = Rng::new(seed);
    let weighted = weights != Weights::None;
    rate(draws, || {
        let group = draw_group(n_a, a, weights, &mut rng);
        let rest = draw_group(n_b, b, weights, &mut rng);
        test_groups(&group, &rest, weighted).is_some_and(|t| t.p_value < ALPHA)
    })
}

/// Share of draws in which `m` respondents answering twice are starred by the paired test.
/// Each answers first from `before`, then keeps that answer's group with probability `stay` and
/// otherwise answers afresh from `after`. With `after == before` nothing changes on average
/// (the false-alarm rate); the true change is `(1 - stay)` times the populations' difference.
#[must_use]
pub fn paired_test_rate(m: usize, before: &Population, after: &Population, stay: f64, draws: usize, seed: u64) -> f64 {
    let mut rng = Rng::new(seed);
    rate(draws, || {
        let mut changes = PairedChanges::default();
        for _ in 0..m {
            let first = before.draw_value(&mut rng);
            let second = if rng.uniform() < stay { first } else { after.draw_value(&mut rng) };
            changes.add(first, second);
        }
        compare_paired(&changes, Z95).is_some_and(|t| t.p_value < ALPHA)
    })
}

/// Share of draws in which two waves of `n` answers each are starred by the wave comparison's
/// test ([`wave_change`]): `in_both` of the previous wave's respondents answer again (keeping
/// their answer's group with probability `stay`, else answering afresh from `after`), the rest
/// of this wave are new respondents from `after`. With `after == before` it is the false-alarm
/// rate, paired (everyone in both), unpaired (nobody) or in between.
#[must_use]
pub fn wave_test_rate(
    n: usize,
    in_both: usize,
    (before, after): (&Population, &Population),
    stay: f64,
    draws: usize,
    seed: u64,
) -> f64 {
    let mut rng = Rng::new(seed);
    rate(draws, || {
        let (mut old, mut new, mut changes) = (ScoreTally::default(), ScoreTally::default(), PairedChanges::default());
        for k in 0..n {
            let first = before.draw_value(&mut rng);
            old.add(score_of(first), 1.0);
            if k < in_both {
                let second = if rng.uniform() < stay { first } else { after.draw_value(&mut rng) };
                new.add(score_of(second), 1.0);
                changes.add(first, second);
            } else {
                new.add(score_of(after.draw_value(&mut rng)), 1.0);
            }
        }
        wave_change(&old, &new, Some(&changes), false).p_value.is_some_and(|p| p < ALPHA)
    })
}

/// Share of draws in which a theme mentioned by a share `mentioned` of every group (no true
/// difference) is marked over- or under-represented among detractors, in a base of `n`
/// commenters.
#[must_use]
pub fn representation_rate(
    n: usize,
    population: &Population,
    mentioned: f64,
    weights: Weights,
    draws: usize,
    seed: u64,
) -> f64 {
    let mut rng = Rng::new(seed);
    let Ok(theme) = ThemeId::new("price") else { return f64::NAN };
    rate(draws, || {
        // (weight sum, count, weight squares) per group, for the base and the mentions.
        let mut totals = [(0.0, 0u64, 0.0); 3];
        let mut mentions = [(0.0, 0u64); 3];
        for _ in 0..n {
            let group = (population.draw_value(&mut rng) + 1) as usize;
            let w = weights.draw(&mut rng);
            totals[group] = (totals[group].0 + w, totals[group].1 + 1, totals[group].2 + w * w);
            if rng.uniform() < mentioned {
                mentions[group] = (mentions[group].0 + w, mentions[group].1 + 1);
            }
        }
        let total = |(sum, count, squares): (f64, u64, f64)| GroupTotal {
            weighted: sum,
            unweighted: count,
            effective_n: if squares > 0.0 { sum * sum / squares } else { 0.0 },
        };
        let count = |(weighted, unweighted): (f64, u64)| GroupCount { weighted, unweighted };
        let totals =
            GroupTotals { detractors: total(totals[0]), passives: total(totals[1]), promoters: total(totals[2]) };
        let counts = ThemeCounts {
            theme: theme.clone(),
            detractors: count(mentions[0]),
            passives: count(mentions[1]),
            promoters: count(mentions[2]),
        };
        theme_stats(&[counts], &totals, ALPHA).first().is_some_and(|s| s.representation != Representation::None)
    })
}

/// Share of draws in which a value with `invited` invitations and true response rate `rate_a`
/// is flagged "far below the rest" against a rest of `rest_invited` at `rate_b`.
#[must_use]
pub fn far_below_rate(invited: u64, rest_invited: u64, rate_a: f64, rate_b: f64, draws: usize, seed: u64) -> f64 {
    let mut rng = Rng::new(seed);
    rate(draws, || {
        let responses = |k: u64, r: f64, rng: &mut Rng| (0..k).filter(|_| rng.uniform() < r).count() as u64;
        let a = responses(invited, rate_a, &mut rng);
        let b = responses(rest_invited, rate_b, &mut rng);
        let mut values = [("a", a, invited), ("b", b, rest_invited)].map(|(v, r, i)| ValueResponseRate {
            value: v.into(),
            rate: ResponseRate::of(r, i),
            problem: None,
        });
        flag_far_below(&mut values);
        values[0].rate.is_some_and(|r| r.far_below_rest)
    })
}

/// Coverage of the interval the benchmark verdict reads ([`verdict_interval`]) for groups of `n`
/// answers: the share of the draws given a verdict (at least 30 effective answers) whose
/// interval holds the population's NPS, and the share of draws given a verdict.
#[must_use]
pub fn verdict_coverage(n: usize, population: &Population, weights: Weights, draws: usize, seed: u64) -> (f64, f64) {
    let mut rng = Rng::new(seed);
    let truth = 100.0 * population.nps();
    let weighted = weights != Weights::None;
    let (mut judged, mut covered) = (0usize, 0usize);
    for _ in 0..draws {
        let tally = draw_group(n, population, weights, &mut rng);
        let Some(summary) = NpsSummary::from_tally(&tally, weighted).filter(|s| !s.is_small()) else { continue };
        judged += 1;
        if verdict_interval(&summary).is_some_and(|(low, high)| low <= truth + 1e-9 && truth <= high + 1e-9) {
            covered += 1;
        }
    }
    let share = |k: usize, of: usize| if of == 0 { f64::NAN } else { k as f64 / of as f64 };
    (share(covered, judged), share(judged, draws))
}

/// The key-driver population of [`driver_coverage`]: four standard normal drivers, correlated
/// 0.6 between the first two and 0.3 elsewhere, with effects 0.5, 0.3, 0.15 and 0 on the score
/// (residual SD 0.8: R² 0.490) or, logistic, 1.0, 0.6, 0.3 and 0 on the promoter's
/// log-odds (intercept -0.5: about 40% promoters).
pub const DRIVER_CORRELATIONS: [[f64; 4]; 4] =
    [[1.0, 0.6, 0.3, 0.3], [0.6, 1.0, 0.3, 0.3], [0.3, 0.3, 1.0, 0.3], [0.3, 0.3, 0.3, 1.0]];

/// Linear effects and residual SD; logistic slopes and intercept.
const LINEAR_EFFECTS: [f64; 4] = [0.5, 0.3, 0.15, 0.0];
const RESIDUAL_SD: f64 = 0.8;
const LOGISTIC_SLOPES: [f64; 4] = [1.0, 0.6, 0.3, 0.0];
const LOGISTIC_INTERCEPT: f64 = -0.5;

/// How often the bootstrap intervals of a driver analysis hold the population's values.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverCoverage {
    /// The population's relative weights (Johnson's, on the latent scale when logistic).
    pub truth: Vec<f64>,
    /// Per driver, the share of the draws whose 95% interval holds its population weight.
    pub drivers: Vec<f64>,
    /// The same for R².
    pub r_squared: f64,
    /// The share of the draws that gave a fit with intervals.
    pub fitted: f64,
}

/// The population's R² and relative weights of [`DRIVER_CORRELATIONS`]'s drivers.
#[must_use]
pub fn driver_truth(model: Model) -> (f64, Vec<f64>) {
    let r: Vec<f64> = DRIVER_CORRELATIONS.iter().flatten().copied().collect();
    match model {
        Model::Linear => {
            // cov(x, y) = R b; var(y) = b'R b + residual variance.
            let rb: Vec<f64> = (0..4).map(|j| (0..4).map(|k| r[j * 4 + k] * LINEAR_EFFECTS[k]).sum()).collect();
            let explained: f64 = rb.iter().zip(LINEAR_EFFECTS).map(|(a, b)| a * b).sum();
            let sd_y = (explained + RESIDUAL_SD * RESIDUAL_SD).sqrt();
            let rxy: Vec<f64> = rb.iter().map(|c| c / sd_y).collect();
            johnson(&r, &rxy)
        }
        Model::Logistic => latent_weights(&r, &LOGISTIC_SLOPES),
    }
}

/// Draws `draws` samples of `n` respondents from the driver population, analyses each with
/// `resamples` bootstrap resamples (rows up to 2,000 respondents, groups above), and counts how
/// often each 95% interval holds the population's value.
#[must_use]
pub fn driver_coverage(n: usize, model: Model, draws: usize, resamples: usize, seed: u64) -> DriverCoverage {
    let (true_r2, truth) = driver_truth(model);
    // The Cholesky factor of the correlations, to draw correlated normals.
    let mut factor = [[0.0f64; 4]; 4];
    for j in 0..4 {
        for k in 0..=j {
            let dot: f64 = (0..k).map(|m| factor[j][m] * factor[k][m]).sum();
            factor[j][k] = if j == k {
                (DRIVER_CORRELATIONS[j][j] - dot).sqrt()
            } else {
                (DRIVER_CORRELATIONS[j][k] - dot) / factor[k][k]
            };
        }
    }
    let mut rng = Rng::new(seed);
    let options = DriverOptions { model, resamples, seed, ..DriverOptions::default() };
    let (mut fitted, mut covered, mut r2_covered) = (0usize, [0usize; 4], 0usize);
    let holds = |(low, high): (f64, f64), value: f64| low <= value && value <= high;
    for _ in 0..draws {
        let mut drivers: Vec<Vec<f64>> = (0..4).map(|_| Vec::with_capacity(n)).collect();
        let mut outcome = Vec::with_capacity(n);
        for _ in 0..n {
            let z: [f64; 4] = std::array::from_fn(|_| rng.normal());
            let x: [f64; 4] = std::array::from_fn(|j| (0..=j).map(|k| factor[j][k] * z[k]).sum());
            for (d, v) in drivers.iter_mut().zip(x) {
                d.push(v);
            }
            outcome.push(match model {
                Model::Linear => {
                    x.iter().zip(LINEAR_EFFECTS).map(|(a, b)| a * b).sum::<f64>() + RESIDUAL_SD * rng.normal()
                }
                Model::Logistic => {
                    let u = rng.uniform().clamp(1e-12, 1.0 - 1e-12);
                    let eta = LOGISTIC_INTERCEPT + x.iter().zip(LOGISTIC_SLOPES).map(|(a, b)| a * b).sum::<f64>();
                    f64::from(u8::from(eta + (u / (1.0 - u)).ln() > 0.0))
                }
            });
        }
        let rows = DriverRows { outcome: &outcome, drivers: &drivers, weights: None };
        let Ok(fit) = key_drivers(rows, &options) else { continue };
        let (Some(intervals), Some(r2)) = (fit.johnson_ci, fit.r_squared_ci) else { continue };
        fitted += 1;
        for (j, interval) in intervals.into_iter().enumerate() {
            covered[j] += usize::from(holds(interval, truth[j]));
        }
        r2_covered += usize::from(holds(r2, true_r2));
    }
    let share = |k: usize| if fitted == 0 { f64::NAN } else { k as f64 / fitted as f64 };
    DriverCoverage {
        truth,
        drivers: covered.iter().map(|&k| share(k)).collect(),
        r_squared: share(r2_covered),
        fitted: fitted as f64 / draws as f64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quick calibration: 2,000 draws a cell, so the bound is widened from 5.5% to 7%
    /// (three standard errors above 5%). The test the views used before starred 19% and 12% of
    /// groups of 5 and 10 drawn from the same population, so these fail on it.
    const DRAWS: usize = 2_000;
    const QUICK_BOUND: f64 = 0.07;

    #[test]
    fn small_groups_against_the_rest_are_starred_no_more_than_the_level() {
        let [typical, polarised, unanimous, critical] = Population::ALL;
        let cells = [
            (5, 1_000, typical, Weights::None),
            (10, 1_000, typical, Weights::None),
            (5, 30, critical, Weights::None),
            (5, 10_000, unanimous, Weights::None),
            (30, 1_000, unanimous, Weights::None),
            (30, 1_000, polarised, Weights::LogNormal),
            (100, 1_000, unanimous, Weights::LogNormal),
            (100, 1_000, typical, Weights::None),
            (100, 10_000, critical, Weights::None),
        ];
        for (k, (n, rest, population, weights)) in cells.into_iter().enumerate() {
            let rate = nps_test_rate(n, rest, &population, &population, weights, DRAWS, 100 + k as u64);
            assert!(rate <= QUICK_BOUND, "{n} vs {rest}, {}, {}: {rate}", population.label(), weights.label());
            // Where the data allow (more than 30 answers), not timid either: above 3%.
            if n >= 30 {
                assert!(rate >= 0.03, "{n} vs {rest}, {}, {}: {rate}", population.label(), weights.label());
            }
        }
        // And the test finds what is there: +20 points at 100 against 1,000 most of the time.
        let power = nps_test_rate(100, 1_000, &typical.shifted(0.2), &typical, Weights::None, 500, 7);
        assert!(power > 0.6, "{power}");
    }

    #[test]
    fn the_wave_test_is_calibrated_paired_and_unpaired_and_detects_its_detectable_change() {
        let [typical, polarised, unanimous, critical] = Population::ALL;
        // (answers per wave, in both waves, population, stay): unpaired small and large, everyone
        // in both (paired: sign-flip below 30, t above), half in both (tested as independent).
        let cells = [
            (5, 0, typical, 0.0),
            (12, 0, critical, 0.0),
            (300, 0, polarised, 0.0),
            (8, 8, typical, 0.0),
            (20, 20, unanimous, 0.6),
            (200, 200, polarised, 0.6),
            (200, 200, typical, 0.0),
            (200, 100, typical, 0.6),
        ];
        for (k, (n, both, population, stay)) in cells.into_iter().enumerate() {
            let rate = wave_test_rate(n, both, (&population, &population), stay, DRAWS, 300 + k as u64);
            assert!(rate <= QUICK_BOUND, "{n} answers, {both} in both, {}, stay {stay}: {rate}", population.label());
        }
        // A true change of exactly the minimum detectable difference is found about 80% of the
        // time: 1,000 answers a wave, typical population, unpaired.
        let variance = |p: &Population| p.promoters + p.detractors - p.nps().powi(2);
        let mdd =
            crate::stats::plan::minimum_detectable_between(variance(&typical), 1_000.0, variance(&typical), 1_000.0)
                .unwrap();
        let power = wave_test_rate(1_000, 0, (&typical, &typical.shifted(mdd)), 0.0, DRAWS, 400);
        assert!((0.75..=0.85).contains(&power), "power at the detectable change {mdd}: {power}");
    }

    #[test]
    fn paired_themes_response_rates_and_intervals_are_calibrated() {
        let [typical, _, unanimous, _] = Population::ALL;
        // Second answers independent of the first (stay 0) and mostly kept (stay 0.6); the
        // paired t-test starred 6-6.6% of 7 to 9 respondents with stay 0.
        for (k, (m, stay)) in [(8, 0.0), (10, 0.6), (30, 0.0), (100, 0.0), (100, 0.6)].into_iter().enumerate() {
            let rate = paired_test_rate(m, &typical, &typical, stay, DRAWS, 200 + k as u64);
            assert!(rate <= QUICK_BOUND, "paired {m}, stay {stay}: {rate}");
        }
        for (k, (n, weights)) in
            [(30, Weights::None), (300, Weights::None), (300, Weights::LogNormal)].into_iter().enumerate()
        {
            let rate = representation_rate(n, &typical, 0.3, weights, DRAWS, 300 + k as u64);
            assert!(rate <= QUICK_BOUND, "theme {n} {}: {rate}", weights.label());
        }
        // 0 of 10 against 3 of 10 was flagged; small groups at equal rates must not be.
        for (k, (n, rest)) in [(10, 30), (30, 1_000), (100, 100)].into_iter().enumerate() {
            let rate = far_below_rate(n, rest, 0.3, 0.3, DRAWS, 400 + k as u64);
            assert!(rate <= QUICK_BOUND, "response rate {n} vs {rest}: {rate}");
        }
        // 30 answers from 40/30/30 is where the 1.96 interval covered only 94.2%.
        let (coverage, judged) = verdict_coverage(30, &Population::ALL[1], Weights::None, 4 * DRAWS, 500);
        assert!(coverage >= 0.945 && judged == 1.0, "coverage 30 40/30/30: {coverage}");
        let (coverage, _) = verdict_coverage(100, &unanimous, Weights::LogNormal, DRAWS, 501);
        assert!(coverage >= 0.935, "coverage 100 5/15/80 weighted: {coverage}");
    }

    #[test]
    fn the_driver_intervals_hold_the_population_weights() {
        // The quick version of the example's table: 120 samples a cell with 200 resamples, so
        // a coverage of 95% lands within about 6 points of it. The full table (500 samples,
        // 1,000 resamples) found 92.6-96.6% per driver at 100 to 5,000 respondents, both
        // models, and 92.2-95.4% for R²'s bias-corrected interval (the plain percentiles held
        // the logistic model's latent R² at 100 respondents only 84% of the time).
        for (k, (model, n, draws)) in [
            (Model::Linear, 300, 120),
            (Model::Logistic, 300, 120),
            (Model::Linear, 2_500, 40),
            (Model::Logistic, 2_500, 40),
        ]
        .into_iter()
        .enumerate()
        {
            let coverage = driver_coverage(n, model, draws, 200, 600 + k as u64);
            assert_eq!(coverage.fitted, 1.0, "{model:?} {n}");
            for (j, c) in coverage.drivers.iter().enumerate() {
                assert!(*c >= 0.85, "{model:?} {n} driver {}: {c}", j + 1);
            }
            assert!(coverage.r_squared >= 0.85, "{model:?} {n} R²: {}", coverage.r_squared);
        }
        // The population's values: the linear weights sum to R² 0.49, the latent ones to 0.43.
        let (r2, weights) = driver_truth(Model::Linear);
        assert!((weights.iter().sum::<f64>() - r2).abs() < 1e-12 && (0.48..0.50).contains(&r2));
        let (r2, weights) = driver_truth(Model::Logistic);
        assert!((weights.iter().sum::<f64>() - r2).abs() < 1e-12 && (0.42..0.44).contains(&r2));
    }

    #[test]
    fn the_generator_is_seeded_and_uniform() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.next_u64(), b.next_u64());
        let mean = (0..20_000).map(|_| a.uniform()).sum::<f64>() / 20_000.0;
        assert!((mean - 0.5).abs() < 0.01, "{mean}");
        let p = Population::ALL[2].shifted(0.2);
        assert!((p.nps() - Population::ALL[2].nps() - 0.2).abs() < 1e-12 && p.detractors == 0.0);
    }
}
