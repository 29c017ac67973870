//! The logistic variant of Johnson's relative weights, for an outcome of 1 or 0 (a promoter or
//! not).
//!
//! Tonidandel and LeBreton (2010, Journal of Business and Psychology 25:767-781) fit the logistic
//! regression on Johnson's orthogonal counterparts Z of the drivers (X = Z Lambda, so the
//! coefficients on Z are b = Lambda beta, beta those on the standardised drivers) and standardise
//! b before weighting it with Lambda² as the linear analysis does. Here the standardisation is the
//! latent one of McKelvey and Zavoina (1975): the promoter's propensity y* = eta + e, with e
//! logistic of variance pi²/3, so b / sd(y*) are the standardised coefficients of y* on Z, the
//! weights sum to the latent R² = var(eta) / (var(eta) + pi²/3), the same as the linear R² of
//! y* were it observed, and everything after the fit comes from the drivers' correlations: each
//! bootstrap resample needs no pass over the rows to weigh its fit.
//!
//! The fit is Newton's (iteratively reweighted least squares) with step halving, on the drivers
//! standardised over the rows used. Drivers that tell the two outcomes apart perfectly have no
//! finite fit: a standardised slope past [`SEPARATED`] says so.
//!
//! The bootstrap starts every resample at the full fit. Resampling rows (up to
//! [`super::BOOTSTRAP_UNITS`]), Newton runs to convergence on the resample. Resampling groups of
//! rows, each group's score and information at the full fit are kept, and a resample takes one
//! Newton step from the full fit with the sums of its groups' (the one-step bootstrap: its error
//! is of order 1/n, against intervals of width 1/sqrt(n)); its cost does not grow with the rows.

use super::{DriverError, DriverOptions, Fit, PairSums, draw, resample_in_parallel, resampled_sums, root_of, split};

/// The variance of the standard logistic distribution, the latent error's.
const LOGISTIC_VARIANCE: f64 = std::f64::consts::PI * std::f64::consts::PI / 3.0;

/// A slope (per standard deviation of its driver) past this many log-odds means the drivers
/// separate the outcomes: the odds would be multiplied by e^25 for one standard deviation.
pub const SEPARATED: f64 = 25.0;

/// The most Newton steps a fit takes.
const MAX_STEPS: usize = 100;

/// The rows used, as `key_drivers` centred them (the outcome first), with their weights, in
/// the bootstrap's order (row `k` belongs to unit `k % units`).
#[derive(Debug, Default)]
pub(super) struct Rows {
    values: Vec<f64>,
    weights: Vec<f64>,
}

impl Rows {
    /// Adds a row.
    pub(super) fn push(&mut self, centred: &[f64], weight: f64) {
        self.values.extend_from_slice(centred);
        self.weights.push(weight);
    }
}

/// The outcome, weight and regressors (1, then the standardised drivers) of every row.
struct Design {
    /// Regressors per row: the intercept's and each driver's.
    q: usize,
    x: Vec<f64>,
    y: Vec<f64>,
    w: Vec<f64>,
}

impl Design {
    fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.q..(i + 1) * self.q]
    }

    /// The log-likelihood at `beta` of the rows `rows` (index, times), its gradient (the score)
    /// and the information matrix (upper triangle, row by row).
    fn evaluate(&self, rows: impl Iterator<Item = (usize, f64)>, beta: &[f64]) -> (f64, Vec<f64>, Vec<f64>) {
        let q = self.q;
        let mut score = vec![0.0; q];
        let mut info = vec![0.0; q * (q + 1) / 2];
        let mut log_likelihood = 0.0;
        for (i, times) in rows {
            log_likelihood += add_row(self.row(i), self.y[i], times * self.w[i], beta, &mut score, &mut info);
        }
        (log_likelihood, score, info)
    }
}

/// Adds one row (regressors `x`, outcome `y`, weight `w`) at `beta` to the score and the
/// information; returns its log-likelihood.
fn add_row(x: &[f64], y: f64, w: f64, beta: &[f64], score: &mut [f64], info: &mut [f64]) -> f64 {
    let eta: f64 = x.iter().zip(beta).map(|(a, b)| a * b).sum();
    let p = 1.0 / (1.0 + (-eta).exp());
    // log(1 + e^eta), without overflow.
    let softplus = if eta > 0.0 { eta + (-eta).exp().ln_1p() } else { eta.exp().ln_1p() };
    let (residual, variance) = (w * (y - p), w * p * (1.0 - p));
    let mut at = 0;
    for (j, &xj) in x.iter().enumerate() {
        score[j] += residual * xj;
        let vx = variance * xj;
        for &xk in &x[j..] {
            info[at] += vx * xk;
            at += 1;
        }
    }
    w * (y * eta - softplus)
}

/// Solves `info` step = `score` (`info` the upper triangle of a q x q positive semi-definite
/// matrix) by Cholesky. A regressor that is (to 1e-10 of its own information) a combination of
/// the earlier ones takes no step: its pivot is made infinite, which zeroes its row of the
/// factor and its part of the step. Returns the step and how many regressors took none.
fn newton_step(info: &[f64], score: &[f64]) -> Option<(Vec<f64>, usize)> {
    let q = score.len();
    let mut a = vec![0.0; q * q];
    let mut at = 0;
    for j in 0..q {
        for k in j..q {
            a[j * q + k] = info[at];
            a[k * q + j] = info[at];
            at += 1;
        }
    }
    let diagonal: Vec<f64> = (0..q).map(|j| a[j * q + j]).collect();
    // a = L L', L in the lower triangle.
    for j in 0..q {
        for k in 0..=j {
            let dot: f64 = (0..k).map(|m| a[j * q + m] * a[k * q + m]).sum();
            if j == k {
                let d = a[j * q + j] - dot;
                if !d.is_finite() {
                    return None;
                }
                a[j * q + j] = if d > 1e-10 * diagonal[j] { d.sqrt() } else { f64::INFINITY };
            } else {
                a[j * q + k] = (a[j * q + k] - dot) / a[k * q + k];
            }
        }
    }
    let mut z = vec![0.0; q];
    for j in 0..q {
        z[j] = (score[j] - (0..j).map(|m| a[j * q + m] * z[m]).sum::<f64>()) / a[j * q + j];
    }
    let mut step = vec![0.0; q];
    for j in (0..q).rev() {
        step[j] = (z[j] - (j + 1..q).map(|m| a[m * q + j] * step[m]).sum::<f64>()) / a[j * q + j];
    }
    let still = (0..q).filter(|&j| a[j * q + j].is_infinite()).count();
    step.iter().all(|s| s.is_finite()).then_some((step, still))
}

/// Why a logistic fit has no finite maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NoFit {
    /// The drivers tell the outcomes apart, for everyone or for a group (a slope runs off, or
    /// a driver's information vanishes as its slope grows).
    Separated,
    /// Newton did not settle within [`MAX_STEPS`] steps.
    NotConverged,
}

/// The maximum-likelihood coefficients on `rows` (index, times), from `start`, or why there are
/// none. A driver that is a combination of others at the start keeps its place still; one whose
/// information vanishes along the way is running off to infinity: separation (a yes/no driver
/// whose "yes" respondents are all of one outcome).
fn fit_rows(design: &Design, rows: &[(usize, f64)], start: &[f64]) -> Result<Vec<f64>, NoFit> {
    let mut beta = start.to_vec();
    let (mut log_likelihood, mut score, mut info) = design.evaluate(rows.iter().copied(), &beta);
    let mut still_at_start = None;
    for _ in 0..MAX_STEPS {
        let (step, still) = newton_step(&info, &score).ok_or(NoFit::NotConverged)?;
        if still > *still_at_start.get_or_insert(still) {
            return Err(NoFit::Separated);
        }
        let mut t = 1.0;
        let moved = loop {
            let trial: Vec<f64> = beta.iter().zip(&step).map(|(b, s)| b + t * s).collect();
            let (l, s, i) = design.evaluate(rows.iter().copied(), &trial);
            if l >= log_likelihood - 1e-12 * (1.0 + log_likelihood.abs()) {
                (beta, log_likelihood, score, info) = (trial, l, s, i);
                break t * step.iter().fold(0.0f64, |m, s| m.max(s.abs()));
            }
            t *= 0.5;
            if t < 1e-10 {
                return Err(NoFit::NotConverged);
            }
        };
        if beta[1..].iter().any(|b| b.abs() > SEPARATED) {
            return Err(NoFit::Separated);
        }
        if moved < 1e-10 {
            return Ok(beta);
        }
    }
    Err(NoFit::NotConverged)
}

/// Johnson's weights on the latent scale: for the slopes `slopes` of the logit on the
/// standardised drivers and the drivers' correlations `rxx`, the latent R² (McKelvey and
/// Zavoina's) and each driver's part of it.
#[must_use]
pub fn latent_weights(rxx: &[f64], slopes: &[f64]) -> (f64, Vec<f64>) {
    let p = slopes.len();
    let (_, _, lambda) = root_of(rxx, p);
    // The slopes on the orthogonal counterparts: b = Lambda beta; var(eta) = |b|².
    let b: Vec<f64> = (0..p).map(|j| (0..p).map(|k| lambda[j * p + k] * slopes[k]).sum()).collect();
    let var_eta: f64 = b.iter().map(|v| v * v).sum();
    let latent = var_eta + LOGISTIC_VARIANCE;
    let weights =
        (0..p).map(|j| (0..p).map(|k| lambda[j * p + k].powi(2) * b[k].powi(2)).sum::<f64>() / latent).collect();
    (var_eta / latent, weights)
}

/// The logistic fit of the rows and its bootstrap resamples over `units` (the rows' sums by
/// bootstrap unit; `total` theirs together, `r` the correlation matrix, the outcome first).
pub(super) fn fit_and_resample(
    rows: Rows,
    y_mean: f64,
    total: &PairSums,
    units: &[PairSums],
    r: &[f64],
    options: &DriverOptions,
) -> Result<(Fit, Vec<Fit>), DriverError> {
    let vars = total.vars;
    let q = vars;
    let n = rows.weights.len();
    let sd: Vec<f64> = (1..vars).map(|v| total.variance(v).sqrt()).collect();
    // The rows become the design in place: the outcome's place takes the intercept's 1.
    let Rows { values: mut x, weights: w } = rows;
    let mut y = Vec::with_capacity(n);
    for values in x.chunks_exact_mut(vars) {
        y.push((values[0] + y_mean).round());
        values[0] = 1.0;
        for (v, s) in values[1..].iter_mut().zip(&sd) {
            *v /= s;
        }
    }
    let design = Design { q, x, y, w };
    // From the intercept of the weighted share of ones.
    let (ones, all) = design.y.iter().zip(&design.w).fold((0.0, 0.0), |(o, a), (y, w)| (o + y * w, a + w));
    let mut start = vec![0.0; q];
    start[0] = (ones / (all - ones)).ln();
    let every: Vec<(usize, f64)> = (0..n).map(|i| (i, 1.0)).collect();
    let beta = fit_rows(&design, &every, &start).map_err(|why| match why {
        NoFit::Separated => DriverError::Separated,
        NoFit::NotConverged => DriverError::NotConverged,
    })?;
    let (rxx, _) = split(r, vars);
    let (r_squared, johnson) = latent_weights(&rxx, &beta[1..]);
    let point = Fit { r_squared, johnson, shapley: None };

    let by_rows = units.len() == n;
    // Resampling groups: each group's score and information at the full fit.
    let mut contributions = vec![(vec![0.0; q], vec![0.0; q * (q + 1) / 2]); if by_rows { 0 } else { units.len() }];
    if !by_rows {
        for i in 0..n {
            let (score, info) = &mut contributions[i % units.len()];
            add_row(design.row(i), design.y[i], design.w[i], &beta, score, info);
        }
    }
    let fits = resample_in_parallel(options, |b| {
        let times = draw(options.seed, b, units.len());
        let sums = resampled_sums(units, &times);
        let r = sums.correlations().ok()?;
        let drawn = times.iter().enumerate().filter(|&(_, &t)| t > 0);
        let fitted = if by_rows {
            let rows: Vec<(usize, f64)> = drawn.map(|(i, &t)| (i, f64::from(t))).collect();
            fit_rows(&design, &rows, &beta).ok()?
        } else {
            let mut score = vec![0.0; q];
            let mut info = vec![0.0; q * (q + 1) / 2];
            for (u, &t) in drawn {
                let (s, i) = &contributions[u];
                let t = f64::from(t);
                score.iter_mut().zip(s).for_each(|(a, b)| *a += t * b);
                info.iter_mut().zip(i).for_each(|(a, b)| *a += t * b);
            }
            let (step, _) = newton_step(&info, &score)?;
            beta.iter().zip(&step).map(|(b, s)| b + s).collect()
        };
        // The slopes per standard deviation of the resample's own drivers.
        let slopes: Vec<f64> = (1..vars).map(|v| fitted[v] * sums.variance(v).sqrt() / sd[v - 1]).collect();
        let (rxx, _) = split(&r, vars);
        let (r_squared, johnson) = latent_weights(&rxx, &slopes);
        Some(Fit { r_squared, johnson, shapley: None })
            .filter(|f| f.r_squared.is_finite() && f.johnson.iter().all(|w| w.is_finite()))
    });
    Ok((point, fits))
}

#[cfg(test)]
mod tests {
    use super::super::{DriverRows, Missing, Model, key_drivers};
    use super::*;

    /// `n` respondents with staff and speed (1-5) and prices (1-10) ratings and a weight
    /// (0.5-2), promoters where a logistic propensity of them is positive; drawn by a 64-bit
    /// LCG that the numpy/statsmodels check reproduces exactly.
    fn respondents(n: usize, seed: u64) -> (Vec<f64>, Vec<Vec<f64>>, Vec<f64>) {
        let mut state = seed;
        let mut uniform = || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        let (mut promoter, mut drivers, mut weights) = (Vec::new(), vec![Vec::new(); 3], Vec::new());
        for _ in 0..n {
            let staff = 1.0 + (uniform() * 5.0).floor();
            let speed = 1.0 + (uniform() * 5.0).floor();
            let price = 1.0 + (uniform() * 10.0).floor();
            let e = uniform();
            let noise = ((e + 1e-9) / (1.0 - e + 1e-9)).ln();
            let latent = -7.0 + 1.1 * staff + 0.5 * speed + 0.15 * price + 0.6 * noise + 0.3 * (staff - speed);
            weights.push(0.5 + 1.5 * uniform());
            promoter.push(if latent > 0.0 { 1.0 } else { 0.0 });
            for (d, v) in drivers.iter_mut().zip([staff, speed, price]) {
                d.push(v);
            }
        }
        (promoter, drivers, weights)
    }

    const LOGISTIC: DriverOptions =
        DriverOptions { model: Model::Logistic, missing: Missing::Listwise, resamples: 0, seed: 5, shapley_max: 15 };

    #[test]
    fn the_latent_weights_match_statsmodels_and_numpy_on_the_same_rows() {
        // statsmodels' GLM (binomial, weights as var_weights) and numpy's eigh, written apart
        // from this code (the 300 respondents of `respondents(300, 7)`, 86 promoters):
        // unweighted R² 0.7866157965, weights 0.7187053805 0.0507473994 0.0171630166;
        // weighted R² 0.7878396531, weights 0.7204530927 0.0445463132 0.0228402472.
        let (promoter, drivers, weights) = respondents(300, 7);
        assert_eq!(promoter.iter().sum::<f64>(), 86.0);
        for (w, r2, want) in [
            (None, 0.7866157965, [0.7187053805, 0.0507473994, 0.0171630166]),
            (Some(&weights[..]), 0.7878396531, [0.7204530927, 0.0445463132, 0.0228402472]),
        ] {
            let rows = DriverRows { outcome: &promoter, drivers: &drivers, weights: w };
            let fit = key_drivers(rows, &LOGISTIC).unwrap();
            assert!((fit.r_squared - r2).abs() < 1e-7, "{} against {r2}", fit.r_squared);
            for (got, want) in fit.johnson.iter().zip(want) {
                assert!((got - want).abs() < 1e-7, "{got} against {want}");
            }
            assert!((fit.johnson.iter().sum::<f64>() - fit.r_squared).abs() < 1e-12);
            assert_eq!(fit.shapley, None);
            assert!(fit.correlations.iter().all(|&c| c > 0.0), "{:?}", fit.correlations);
        }
    }

    #[test]
    fn the_bootstrap_by_rows_and_by_groups_agree_and_cover_the_estimate() {
        // 4,000 respondents: one Newton step per resample of 2,000 groups; its first 2,000
        // alone: Newton to convergence on each resample of rows. The group intervals sit
        // around the estimate, about 1/sqrt(2) as wide as the half's.
        let (promoter, drivers, _) = respondents(4_000, 11);
        let options = DriverOptions { resamples: 400, ..LOGISTIC };
        let all = key_drivers(DriverRows { outcome: &promoter, drivers: &drivers, weights: None }, &options).unwrap();
        let half_drivers: Vec<Vec<f64>> = drivers.iter().map(|d| d[..2_000].to_vec()).collect();
        let half =
            key_drivers(DriverRows { outcome: &promoter[..2_000], drivers: &half_drivers, weights: None }, &options)
                .unwrap();
        for fit in [&all, &half] {
            assert_eq!(fit.resamples_used, 400);
            let ci = fit.johnson_ci.as_ref().unwrap();
            for (w, (low, high)) in fit.johnson.iter().zip(ci) {
                assert!(low < w && w < high, "{low} {w} {high}");
            }
            let (low, high) = fit.r_squared_ci.unwrap();
            assert!(low < fit.r_squared && fit.r_squared < high);
        }
        let width = |fit: &super::super::DriverFit| {
            fit.johnson_ci.as_ref().unwrap()[0].1 - fit.johnson_ci.as_ref().unwrap()[0].0
        };
        let ratio = width(&all) / width(&half);
        assert!((0.55..0.9).contains(&ratio), "width ratio {ratio}");
        // The same seed, the same intervals.
        let again = key_drivers(DriverRows { outcome: &promoter, drivers: &drivers, weights: None }, &options).unwrap();
        assert_eq!(again.johnson_ci, all.johnson_ci);
    }

    #[test]
    fn separated_or_unsuitable_outcomes_are_refused() {
        let (promoter, drivers, _) = respondents(200, 3);
        // Promoters exactly where staff is 4 or 5: no finite fit.
        let separated: Vec<f64> = drivers[0].iter().map(|&s| f64::from(u8::from(s >= 4.0))).collect();
        let rows = DriverRows { outcome: &separated, drivers: &drivers, weights: None };
        assert_eq!(key_drivers(rows, &LOGISTIC), Err(DriverError::Separated));
        // A yes/no driver that only non-promoters say yes to (a rare complaint): its slope runs
        // off without bound while the others settle, which the fit must call separation too.
        let (many, mut rare_drivers, _) = respondents(1_000, 3);
        let rare: Vec<f64> =
            many.iter().enumerate().map(|(i, &p)| f64::from(u8::from(p == 0.0 && i % 13 == 0))).collect();
        assert!(rare.iter().sum::<f64>() >= 20.0);
        rare_drivers.push(rare);
        let rows = DriverRows { outcome: &many, drivers: &rare_drivers, weights: None };
        assert_eq!(key_drivers(rows, &LOGISTIC), Err(DriverError::Separated));
        let scores: Vec<f64> = promoter.iter().map(|p| 7.0 + 2.0 * p).collect();
        let rows = DriverRows { outcome: &scores, drivers: &drivers, weights: None };
        assert!(matches!(key_drivers(rows, &LOGISTIC), Err(DriverError::NotBinary { row: 0, .. })));
        let rows = DriverRows { outcome: &promoter, drivers: &drivers, weights: None };
        let pairwise = DriverOptions { missing: Missing::Pairwise, ..LOGISTIC };
        assert_eq!(key_drivers(rows, &pairwise), Err(DriverError::LogisticPairwise));
        // A driver that is an exact combination of two others still gives a fit, grouped with staff.
        let mut collinear = drivers.clone();
        collinear.push(drivers[0].iter().zip(&drivers[1]).map(|(a, b)| 2.0 * a + b).collect());
        let fit =
            key_drivers(DriverRows { outcome: &promoter, drivers: &collinear, weights: None }, &LOGISTIC).unwrap();
        assert!((fit.johnson.iter().sum::<f64>() - fit.r_squared).abs() < 1e-9);
        assert_eq!(fit.collinear.len(), 1);
    }
}
