//! Key driver analysis: how much of the variation in an outcome (the 0-10 score) each driver (a
//! rating question, a theme mentioned or not) explains, by Johnson's relative weights (any number
//! of drivers) and the exact Shapley (LMG) decomposition (up to [`SHAPLEY_MAX`] drivers), both
//! summing to R², with bootstrap percentile intervals (Tonidandel, LeBreton & Johnson 2009).
//!
//! Everything is computed from the correlation matrix, which comes from weighted sums over the
//! rows: listwise (rows with every value) or pairwise (each correlation over the rows with both
//! values). The bootstrap resamples rows; above [`BOOTSTRAP_UNITS`] rows it resamples that many
//! random groups of rows instead (each row in one group, the groups as even as the rows allow),
//! whose sums are independent and alike, so that a resample costs the same for 1,000 rows as for
//! a million. Formulas and the mtcars cross-check are in `shared/reference/statistics.md`.

use super::random::Rng;

pub mod logistic;

/// The most drivers the exact Shapley decomposition takes (2^15 subsets a resample).
pub const SHAPLEY_MAX: usize = 15;

/// Above this many rows the bootstrap resamples this many random groups of rows.
pub const BOOTSTRAP_UNITS: usize = 2_000;

/// The fewest resamples with a fit that give intervals.
pub const MIN_RESAMPLES: usize = 100;

/// Drivers correlated at least this much (in absolute value) are grouped: the analysis cannot
/// tell their parts apart.
pub const COLLINEAR: f64 = 0.8;

/// How missing answers are handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    /// Only rows with the outcome and every driver.
    #[default]
    Listwise,
    /// Each correlation over the rows with both of its values.
    Pairwise,
}

/// Which regression the drivers explain the outcome by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Model {
    /// Least squares on the outcome as it is (the 0-10 score): R² and its decomposition.
    #[default]
    Linear,
    /// Logistic regression on an outcome of 1 or 0 (a promoter or not): the latent R² of
    /// McKelvey and Zavoina and its decomposition by Johnson's weights (see [`logistic`]).
    Logistic,
}

/// What to compute.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DriverOptions {
    /// Linear or logistic.
    pub model: Model,
    /// Listwise or pairwise (the logistic model takes listwise only).
    pub missing: Missing,
    /// Bootstrap resamples (0: no intervals).
    pub resamples: usize,
    /// The bootstrap's seed: the same seed gives the same intervals.
    pub seed: u64,
    /// Compute the Shapley decomposition when there are at most this many drivers (capped at
    /// [`SHAPLEY_MAX`]).
    pub shapley_max: usize,
}

impl Default for DriverOptions {
    fn default() -> Self {
        Self {
            model: Model::Linear,
            missing: Missing::Listwise,
            resamples: 1_000,
            seed: 20_240_601,
            shapley_max: SHAPLEY_MAX,
        }
    }
}

/// The rows: the outcome and each driver per row (`NaN` where there is no answer), and the
/// rows' weights.
#[derive(Debug, Clone, Copy)]
pub struct DriverRows<'a> {
    /// The outcome per row.
    pub outcome: &'a [f64],
    /// Each driver's values per row.
    pub drivers: &'a [Vec<f64>],
    /// Survey weights per row (positive), when weighted.
    pub weights: Option<&'a [f64]>,
}

/// A lower and upper bound.
pub type Interval = (f64, f64);

/// The decomposition of R² among the drivers.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverFit {
    /// R² of the outcome on every driver.
    pub r_squared: f64,
    /// Its bootstrap interval, bias-corrected (R² is overstated in small samples).
    pub r_squared_ci: Option<Interval>,
    /// Rows used: with every value (listwise), or with the outcome and a driver (pairwise).
    pub n_used: usize,
    /// The fewest rows behind one correlation (pairwise; equals `n_used` listwise).
    pub n_smallest_pair: usize,
    /// Each driver's correlation with the outcome: its sign says the direction.
    pub correlations: Vec<f64>,
    /// Johnson's relative weights (summing to R²).
    pub johnson: Vec<f64>,
    /// Their bootstrap intervals.
    pub johnson_ci: Option<Vec<Interval>>,
    /// The Shapley (LMG) values (summing to R²), up to the drivers asked.
    pub shapley: Option<Vec<f64>>,
    /// Their bootstrap intervals.
    pub shapley_ci: Option<Vec<Interval>>,
    /// Groups of drivers (indices, two or more) correlated at least [`COLLINEAR`] with each
    /// other, directly or through others of the group.
    pub collinear: Vec<Vec<usize>>,
    /// Resamples that gave a fit (one whose driver has no spread gives none).
    pub resamples_used: usize,
}

/// Why drivers cannot be computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DriverError {
    /// No driver given.
    #[error("no driver to analyse")]
    NoDrivers,
    /// A column's length differs from the outcome's.
    #[error("driver {driver} has {rows} rows, the outcome {expected}")]
    Length { driver: usize, rows: usize, expected: usize },
    /// Too few rows with the values needed.
    #[error("{n} rows with the outcome and the drivers; at least {needed} are needed for {drivers} drivers")]
    TooFewRows { n: usize, needed: usize, drivers: usize },
    /// The outcome or a driver does not vary.
    #[error("{which} has the same value in every row used: it explains nothing")]
    NoSpread { which: String },
    /// Pairwise: two variables answered together too rarely, or without spread where they are.
    #[error(
        "{first} and {second} were answered together by too few respondents to correlate them; leave missing answers out listwise"
    )]
    PairApart { first: String, second: String },
    /// Pairwise: the correlations, each over its own respondents, do not fit together.
    #[error(
        "the pairwise correlations do not fit together (each rests on different respondents); leave missing answers out listwise"
    )]
    NotPositive,
    /// Logistic: the outcome is not 1 or 0 in every row.
    #[error("the logistic model needs an outcome of 1 or 0 in every row; row {row} has {value}")]
    NotBinary { row: usize, value: f64 },
    /// Logistic: pairwise deletion asked.
    #[error("the logistic model leaves missing answers out listwise only")]
    LogisticPairwise,
    /// Logistic: the drivers tell the two outcomes apart perfectly, so no finite fit exists.
    #[error("the drivers tell the outcome's two values apart (almost) perfectly: the logistic model has no finite fit")]
    Separated,
    /// Logistic: the fit did not settle.
    #[error("the logistic model's fit did not settle within 100 steps")]
    NotConverged,
}

/// Why a set of sums gives no correlation matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Degenerate {
    /// This variable has no spread.
    Spread(usize),
    /// These two are never (or never differently) answered together.
    Pair(usize, usize),
}

/// Weighted, centred sums of the variables (the outcome is variable 0). Pairwise, each pair
/// `(j, k)`, `j <= k`, keeps six sums over the rows where both are present: weight, both sums,
/// both sums of squares and the cross-product. Listwise, every row has every value, so one weight,
/// one sum per variable and one cross-product per pair do (a fifth of the numbers, which is what
/// every bootstrap resample adds up).
#[derive(Debug, Clone)]
struct PairSums {
    /// Variables (drivers + 1).
    vars: usize,
    /// Every row has every value.
    listwise: bool,
    sums: Vec<f64>,
}

impl PairSums {
    fn new(vars: usize, listwise: bool) -> Self {
        let pairs = vars * (vars + 1) / 2;
        let len = if listwise { 1 + vars + pairs } else { 6 * pairs };
        Self { vars, listwise, sums: vec![0.0; len] }
    }

    /// Adds one row (`values` centred, `NaN` for none; listwise, none is `NaN`) with weight `w`.
    fn add(&mut self, values: &[f64], w: f64) {
        if self.listwise {
            let (head, products) = self.sums.split_at_mut(1 + self.vars);
            head[0] += w;
            let mut at = 0;
            for (j, &x) in values.iter().enumerate() {
                head[1 + j] += w * x;
                let wx = w * x;
                for &y in &values[j..] {
                    products[at] += wx * y;
                    at += 1;
                }
            }
            return;
        }
        let mut at = 0;
        for (j, &x) in values.iter().enumerate() {
            for &y in &values[j..] {
                if !x.is_nan() && !y.is_nan() {
                    let s = &mut self.sums[at..at + 6];
                    s[0] += w;
                    s[1] += w * x;
                    s[2] += w * y;
                    s[3] += w * x * x;
                    s[4] += w * y * y;
                    s[5] += w * x * y;
                }
                at += 6;
            }
        }
    }

    /// Adds `times` copies of `other`.
    fn add_scaled(&mut self, other: &Self, times: f64) {
        for (a, b) in self.sums.iter_mut().zip(&other.sums) {
            *a += times * b;
        }
    }

    /// The six pairwise sums of `(j, k)`, `j <= k`.
    fn pair(&self, j: usize, k: usize, at: usize) -> [f64; 6] {
        if !self.listwise {
            let s = &self.sums[6 * at..6 * at + 6];
            return [s[0], s[1], s[2], s[3], s[4], s[5]];
        }
        let v = self.vars;
        let products = &self.sums[1 + v..];
        // Index of (j, k) in the upper triangle, row by row.
        let index = |a: usize, b: usize| a * v - a * (a + 1) / 2 + b;
        let (w, sj, sk) = (self.sums[0], self.sums[1 + j], self.sums[1 + k]);
        [w, sj, sk, products[index(j, j)], products[index(k, k)], products[index(j, k)]]
    }

    /// The correlation matrix (`vars` x `vars`, row-major), or what makes one impossible.
    fn correlations(&self) -> Result<Vec<f64>, Degenerate> {
        let v = self.vars;
        // A variable without spread first: it, not its pairs, is what is wrong.
        let mut at = 0;
        for j in 0..v {
            for k in j..v {
                if j == k {
                    let s = self.pair(j, k, at);
                    if !(s[0] > 0.0 && s[3] / s[0] - (s[1] / s[0]).powi(2) > 1e-12) {
                        return Err(Degenerate::Spread(j));
                    }
                }
                at += 1;
            }
        }
        let mut r = vec![0.0; v * v];
        let mut at = 0;
        for j in 0..v {
            for k in j..v {
                let s = self.pair(j, k, at);
                at += 1;
                if j == k {
                    r[j * v + j] = 1.0;
                    let var = s[3] / s[0] - (s[1] / s[0]).powi(2);
                    if !(var > 1e-12 && s[0] > 0.0) {
                        return Err(Degenerate::Spread(j));
                    }
                    continue;
                }
                let w = s[0];
                let (mx, my) = (s[1] / w, s[2] / w);
                let (vx, vy) = (s[3] / w - mx * mx, s[4] / w - my * my);
                let c = (s[5] / w - mx * my) / (vx * vy).sqrt();
                if !(w > 0.0 && vx > 1e-12 && vy > 1e-12 && c.is_finite()) {
                    return Err(Degenerate::Pair(j, k));
                }
                let c = c.clamp(-1.0, 1.0);
                r[j * v + k] = c;
                r[k * v + j] = c;
            }
        }
        Ok(r)
    }

    /// A variable's weighted variance (listwise sums).
    fn variance(&self, v: usize) -> f64 {
        debug_assert!(self.listwise);
        let s = self.pair(v, v, 0);
        s[3] / s[0] - (s[1] / s[0]).powi(2)
    }

    /// The smallest weight behind one pair: the fewest rows when every weight is 1.
    fn smallest_pair(&self) -> f64 {
        if self.listwise {
            return self.sums[0];
        }
        self.sums.chunks_exact(6).map(|s| s[0]).fold(f64::INFINITY, f64::min)
    }
}

/// One fit of a correlation matrix: R², Johnson's weights and, when asked, the Shapley values.
struct Fit {
    r_squared: f64,
    johnson: Vec<f64>,
    shapley: Option<Vec<f64>>,
}

/// Splits the correlation matrix of the outcome (variable 0) and the drivers into the drivers'
/// matrix and their correlations with the outcome.
fn split(r: &[f64], vars: usize) -> (Vec<f64>, Vec<f64>) {
    let p = vars - 1;
    let mut rxx = vec![0.0; p * p];
    for j in 0..p {
        for k in 0..p {
            rxx[j * p + k] = r[(j + 1) * vars + k + 1];
        }
    }
    let rxy = (1..vars).map(|j| r[j]).collect();
    (rxx, rxy)
}

fn fit(r: &[f64], vars: usize, shapley: bool) -> Fit {
    let (rxx, rxy) = split(r, vars);
    let (r_squared, johnson) = johnson(&rxx, &rxy);
    let shapley = shapley.then(|| shapley_values(&rxx, &rxy));
    Fit { r_squared, johnson, shapley }
}

/// Johnson's relative weights from the drivers' correlation matrix `rxx` (p x p, row-major)
/// and their correlations with the outcome `rxy`: R² and each driver's weight. Eigenvalues
/// that vanish (drivers that are exact combinations of others) are left out of the inverse.
#[must_use]
pub fn johnson(rxx: &[f64], rxy: &[f64]) -> (f64, Vec<f64>) {
    let p = rxy.len();
    let (values, vectors, lambda) = root_of(rxx, p);
    // beta = Q L^(-1/2) Q' r.
    let top = values.iter().copied().fold(0.0, f64::max);
    let inverse_root: Vec<f64> = values.iter().map(|&l| if l > top * 1e-12 { 1.0 / l.sqrt() } else { 0.0 }).collect();
    let q = |i: usize, k: usize| vectors[i * p + k];
    // Q' r, scaled, then Q.
    let qr: Vec<f64> = (0..p).map(|k| (0..p).map(|i| q(i, k) * rxy[i]).sum::<f64>() * inverse_root[k]).collect();
    let beta: Vec<f64> = (0..p).map(|i| (0..p).map(|k| q(i, k) * qr[k]).sum()).collect();
    let weights: Vec<f64> = (0..p).map(|j| (0..p).map(|k| lambda[j * p + k].powi(2) * beta[k].powi(2)).sum()).collect();
    let r_squared = beta.iter().map(|b| b * b).sum();
    (r_squared, weights)
}

/// The eigenvalues and eigenvectors of the drivers' correlation matrix `rxx` (R = Q L Q') and
/// its symmetric square root Lambda = Q L^(1/2) Q', which links the drivers to their orthogonal
/// counterparts (X = Z Lambda).
fn root_of(rxx: &[f64], p: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (values, vectors) = symmetric_eigen(rxx, p);
    let root: Vec<f64> = values.iter().map(|&l| l.max(0.0).sqrt()).collect();
    let q = |i: usize, k: usize| vectors[i * p + k];
    let mut lambda = vec![0.0; p * p];
    for i in 0..p {
        for j in i..p {
            let v: f64 = (0..p).map(|k| q(i, k) * root[k] * q(j, k)).sum();
            lambda[i * p + j] = v;
            lambda[j * p + i] = v;
        }
    }
    (values, vectors, lambda)
}

/// Eigenvalues and eigenvectors (columns of the row-major p x p result) of a symmetric
/// matrix, by cyclic Jacobi rotations.
fn symmetric_eigen(matrix: &[f64], p: usize) -> (Vec<f64>, Vec<f64>) {
    let mut a = matrix.to_vec();
    let mut v = vec![0.0; p * p];
    for i in 0..p {
        v[i * p + i] = 1.0;
    }
    for _sweep in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * p + j].powi(2))
            .sum();
        if off < 1e-30 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                let aij = a[i * p + j];
                if aij.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[j * p + j] - a[i * p + i]) / (2.0 * aij);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..p {
                    let (aki, akj) = (a[k * p + i], a[k * p + j]);
                    a[k * p + i] = c * aki - s * akj;
                    a[k * p + j] = s * aki + c * akj;
                }
                for k in 0..p {
                    let (aik, ajk) = (a[i * p + k], a[j * p + k]);
                    a[i * p + k] = c * aik - s * ajk;
                    a[j * p + k] = s * aik + c * ajk;
                }
                for k in 0..p {
                    let (vki, vkj) = (v[k * p + i], v[k * p + j]);
                    v[k * p + i] = c * vki - s * vkj;
                    v[k * p + j] = s * vki + c * vkj;
                }
            }
        }
    }
    ((0..p).map(|i| a[i * p + i]).collect(), v)
}

/// R² of the outcome on every subset of the drivers (indexed by the subset's bit mask), from
/// the drivers' correlations `rxx` and theirs with the outcome `rxy`.
///
/// Depth first over the subsets, each extends its parent by one driver `c`: R²(S + c) =
/// R²(S) + z², where z comes from the new row of the Cholesky factor of R_SS. That row is the
/// forward solve of R_S,c, which the parent had already made for every driver it could still
/// add, one entry at a time: each subset costs one entry per later driver rather than a whole
/// solve, a quarter of the work at 15 drivers.
fn subset_r_squared(rxx: &[f64], rxy: &[f64]) -> Vec<f64> {
    let p = rxy.len();
    let mut walk = Subsets {
        p,
        rxx,
        rxy,
        r2: vec![0.0; 1 << p],
        solves: vec![0.0; (p + 1) * p * p],
        squares: vec![0.0; (p + 1) * p],
        projected: vec![0.0; (p + 1) * p],
    };
    if p > 0 {
        walk.visit(0, 0, 0);
    }
    walk.r2
}

/// The state of [`subset_r_squared`]'s walk: per depth `d` and driver `j` that may still be
/// added, the forward solve of its correlations with the path's drivers (`d` entries), its sum
/// of squares and its product with the path's z.
struct Subsets<'a> {
    p: usize,
    rxx: &'a [f64],
    rxy: &'a [f64],
    r2: Vec<f64>,
    solves: Vec<f64>,
    squares: Vec<f64>,
    projected: Vec<f64>,
}

impl Subsets<'_> {
    /// Adds each driver from `start` on to the path `mask` (of `depth` drivers), and walks on.
    fn visit(&mut self, depth: usize, mask: usize, start: usize) {
        let p = self.p;
        for c in start..p {
            let at = depth * p + c;
            let d = (1.0 - self.squares[at]).max(1e-12).sqrt();
            let z = (self.rxy[c] - self.projected[at]) / d;
            let child = mask | (1 << c);
            self.r2[child] = (self.r2[mask] + z * z).min(1.0);
            if c + 1 == p {
                continue;
            }
            // The next depth's solves for the drivers after c: one entry more each.
            let (here, next) = self.solves.split_at_mut((depth + 1) * p * p);
            let here = &here[depth * p * p..];
            let own = &here[c * p..c * p + depth];
            for j in c + 1..p {
                let theirs = &here[j * p..j * p + depth];
                let dot: f64 = own.iter().zip(theirs).map(|(a, b)| a * b).sum();
                let entry = (self.rxx[c * p + j] - dot) / d;
                let target = &mut next[j * p..j * p + depth + 1];
                target[..depth].copy_from_slice(theirs);
                target[depth] = entry;
                let (from, to) = (depth * p + j, (depth + 1) * p + j);
                self.squares[to] = self.squares[from] + entry * entry;
                self.projected[to] = self.projected[from] + entry * z;
            }
            self.visit(depth + 1, child, c + 1);
        }
    }
}

/// The exact Shapley (LMG) values: each driver's R² gain averaged over the orders of entry.
#[must_use]
pub fn shapley_values(rxx: &[f64], rxy: &[f64]) -> Vec<f64> {
    let p = rxy.len();
    let r2 = subset_r_squared(rxx, rxy);
    // |S|! (p - |S| - 1)! / p! by subset size.
    let mut factorial = vec![1.0f64; p + 1];
    for k in 1..=p {
        factorial[k] = factorial[k - 1] * k as f64;
    }
    let weight: Vec<f64> = (0..p).map(|s| factorial[s] * factorial[p - s - 1] / factorial[p]).collect();
    // phi_j = sum over subsets T with j of w(|T| - 1) R²(T) - sum over S without j of w(|S|) R²(S):
    // the subsets with bit j set come in runs of 2^j, so each sum is over contiguous slices.
    let size = |mask: usize| mask.count_ones() as usize;
    let with: Vec<f64> =
        r2.iter().enumerate().map(|(mask, r)| if mask == 0 { 0.0 } else { weight[size(mask) - 1] * r }).collect();
    let without: Vec<f64> =
        r2.iter().enumerate().map(|(mask, r)| weight.get(size(mask)).map_or(0.0, |w| w * r)).collect();
    (0..p)
        .map(|j| {
            let run = 1usize << j;
            let mut value = 0.0;
            for block in (0..1usize << p).step_by(2 * run) {
                value += with[block + run..block + 2 * run].iter().sum::<f64>();
                value -= without[block..block + run].iter().sum::<f64>();
            }
            value
        })
        .collect()
}

/// Groups of drivers correlated at least [`COLLINEAR`] (directly or through others).
fn collinear_groups(rxx: &[f64], p: usize) -> Vec<Vec<usize>> {
    let mut group: Vec<usize> = (0..p).collect();
    fn root(group: &mut [usize], mut i: usize) -> usize {
        while group[i] != i {
            group[i] = group[group[i]];
            i = group[i];
        }
        i
    }
    for j in 0..p {
        for k in j + 1..p {
            if rxx[j * p + k].abs() >= COLLINEAR {
                let (a, b) = (root(&mut group, j), root(&mut group, k));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = std::collections::BTreeMap::new();
    for j in 0..p {
        let r = root(&mut group, j);
        groups.entry(r).or_default().push(j);
    }
    groups.into_values().filter(|g| g.len() > 1).collect()
}

/// Johnson's weights, R², the Shapley values (up to `options.shapley_max` drivers) and their
/// bootstrap intervals for the outcome on the drivers of `rows`.
pub fn key_drivers(rows: DriverRows<'_>, options: &DriverOptions) -> Result<DriverFit, DriverError> {
    let p = rows.drivers.len();
    if p == 0 {
        return Err(DriverError::NoDrivers);
    }
    let n = rows.outcome.len();
    if let Some((driver, d)) = rows.drivers.iter().enumerate().find(|(_, d)| d.len() != n) {
        return Err(DriverError::Length { driver, rows: d.len(), expected: n });
    }
    if let Some(w) = rows.weights.filter(|w| w.len() != n) {
        return Err(DriverError::Length { driver: p, rows: w.len(), expected: n });
    }
    let vars = p + 1;
    let value = |i: usize, v: usize| if v == 0 { rows.outcome[i] } else { rows.drivers[v - 1][i] };
    // The rows used: with the outcome, and every driver (listwise) or one (pairwise).
    let used: Vec<usize> = (0..n)
        .filter(|&i| !rows.outcome[i].is_nan() && rows.weights.is_none_or(|w| w[i] > 0.0 && w[i].is_finite()))
        .filter(|&i| match options.missing {
            Missing::Listwise => (1..vars).all(|v| !value(i, v).is_nan()),
            Missing::Pairwise => (1..vars).any(|v| !value(i, v).is_nan()),
        })
        .collect();
    let needed = p + 2;
    if used.len() < needed {
        return Err(DriverError::TooFewRows { n: used.len(), needed, drivers: p });
    }
    let logistic = options.model == Model::Logistic;
    if logistic {
        if options.missing == Missing::Pairwise {
            return Err(DriverError::LogisticPairwise);
        }
        if let Some(&row) = used.iter().find(|&&i| rows.outcome[i] != 0.0 && rows.outcome[i] != 1.0) {
            return Err(DriverError::NotBinary { row, value: rows.outcome[row] });
        }
    }
    // Centred on each variable's mean over the rows used, for precise sums.
    let means: Vec<f64> = (0..vars)
        .map(|v| {
            let (sum, count) = used
                .iter()
                .map(|&i| value(i, v))
                .filter(|x| !x.is_nan())
                .fold((0.0, 0.0), |(s, c), x| (s + x, c + 1.0));
            if count > 0.0 { sum / count } else { 0.0 }
        })
        .collect();
    // Each row in one bootstrap unit: itself, or one of BOOTSTRAP_UNITS random groups.
    let units = used.len().min(BOOTSTRAP_UNITS);
    let mut order = used.clone();
    let mut rng = Rng::new(options.seed);
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let listwise = options.missing == Missing::Listwise;
    let mut unit_sums: Vec<PairSums> = (0..units).map(|_| PairSums::new(vars, listwise)).collect();
    let mut centred = vec![0.0; vars];
    // Logistic: every row's centred values and weight, in `order`.
    let mut kept = logistic::Rows::default();
    for (position, &i) in order.iter().enumerate() {
        for v in 0..vars {
            centred[v] = value(i, v) - means[v];
        }
        let w = rows.weights.map_or(1.0, |w| w[i]);
        unit_sums[position % units].add(&centred, w);
        if logistic {
            kept.push(&centred, w);
        }
    }
    let mut total = PairSums::new(vars, listwise);
    for unit in &unit_sums {
        total.add_scaled(unit, 1.0);
    }
    let names = |v: usize| if v == 0 { "the outcome".to_owned() } else { format!("driver {v}") };
    let r = total.correlations().map_err(|why| match why {
        Degenerate::Spread(v) => DriverError::NoSpread { which: names(v) },
        Degenerate::Pair(a, b) => DriverError::PairApart { first: names(a), second: names(b) },
    })?;
    // Pairwise, each correlation rests on its own respondents: together they must still be a
    // correlation matrix, or R² and the weights mean nothing.
    if options.missing == Missing::Pairwise
        && symmetric_eigen(&r, vars).0.iter().copied().fold(f64::INFINITY, f64::min) < -1e-9
    {
        return Err(DriverError::NotPositive);
    }
    let with_shapley = !logistic && p <= options.shapley_max.min(SHAPLEY_MAX);
    let (point, fits) = if logistic {
        let y_mean = means[0];
        logistic::fit_and_resample(kept, y_mean, &total, &unit_sums, &r, options)?
    } else {
        (fit(&r, vars, with_shapley), bootstrap(&unit_sums, vars, with_shapley, options))
    };
    let n_smallest_pair = match options.missing {
        Missing::Listwise => used.len(),
        // Counted without weights: the rows behind the thinnest correlation.
        Missing::Pairwise => {
            let mut counts = PairSums::new(vars, false);
            for &i in &used {
                let present: Vec<f64> = (0..vars).map(|v| if value(i, v).is_nan() { f64::NAN } else { 0.0 }).collect();
                counts.add(&present, 1.0);
            }
            counts.smallest_pair() as usize
        }
    };
    let ci_of = |values: &dyn Fn(&Fit) -> &[f64]| -> Vec<Interval> {
        (0..p).map(|j| percentile_interval(fits.iter().map(|f| values(f)[j]).collect())).collect()
    };
    // Percentiles of fewer than MIN_RESAMPLES fits are no 95% interval.
    let enough = fits.len() >= MIN_RESAMPLES;
    let johnson_ci = enough.then(|| ci_of(&|f: &Fit| &f.johnson));
    let shapley_ci = (enough && with_shapley).then(|| ci_of(&|f: &Fit| f.shapley.as_deref().unwrap_or(&[])));
    // R² is overstated in small samples, and its resamples overstate it again: its interval is
    // corrected for that median bias (the weights' percentile intervals hold without it).
    let r_squared_ci =
        enough.then(|| bias_corrected_interval(fits.iter().map(|f| f.r_squared).collect(), point.r_squared));
    let (rxx, rxy) = split(&r, vars);
    Ok(DriverFit {
        r_squared: point.r_squared,
        r_squared_ci,
        n_used: used.len(),
        n_smallest_pair,
        correlations: rxy,
        johnson: point.johnson,
        johnson_ci,
        shapley: point.shapley,
        shapley_ci,
        collinear: collinear_groups(&rxx, p),
        resamples_used: fits.len(),
    })
}

/// The fits of `options.resamples` bootstrap resamples of the units, on both cores.
fn bootstrap(units: &[PairSums], vars: usize, shapley: bool, options: &DriverOptions) -> Vec<Fit> {
    resample_in_parallel(options, |b| {
        let times = draw(options.seed, b, units.len());
        let r = resampled_sums(units, &times).correlations().ok()?;
        // A pairwise resample whose correlations do not fit together gives no fit.
        Some(fit(&r, vars, shapley)).filter(|f| f.r_squared <= 1.0 + 1e-9 && f.johnson.iter().all(|w| w.is_finite()))
    })
}

/// `resample(b)` for each of `options.resamples` resamples, half on each core, in order; those
/// without a fit are left out.
fn resample_in_parallel<T: Send>(options: &DriverOptions, resample: impl Fn(usize) -> Option<T> + Sync) -> Vec<T> {
    let half = options.resamples / 2;
    let run = |range: std::ops::Range<usize>| range.filter_map(&resample).collect::<Vec<T>>();
    let (mut first, second) = crate::parallel::both(|| run(0..half), || run(half..options.resamples));
    first.extend(second);
    first
}

/// How many times each of `units` units is drawn in resample `b`: each resample draws from its
/// own seeded stream, so the result depends on neither the threads nor the other resamples.
fn draw(seed: u64, b: usize, units: usize) -> Vec<u32> {
    let mut rng = Rng::new(seed ^ (b as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let mut times = vec![0u32; units];
    for _ in 0..units {
        times[rng.below(units as u64) as usize] += 1;
    }
    times
}

/// The sums of a resample: each unit's as many times as it was drawn.
fn resampled_sums(units: &[PairSums], times: &[u32]) -> PairSums {
    let first = &units[0];
    let mut sums = PairSums::new(first.vars, first.listwise);
    for (unit, &t) in units.iter().zip(times) {
        if t > 0 {
            sums.add_scaled(unit, f64::from(t));
        }
    }
    sums
}

/// The 2.5% and 97.5% percentiles of `values` (linear between order statistics).
fn percentile_interval(mut values: Vec<f64>) -> Interval {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    (quantile(&values, 0.025), quantile(&values, 0.975))
}

/// The bias-corrected percentile interval (Efron 1981) of `values`, resamples of `estimate`:
/// with z0 the normal quantile of the share of resamples below the estimate, the percentiles
/// Phi(2 z0 -/+ 1.96) instead of 2.5% and 97.5%. A statistic whose resamples mostly lie above
/// it (R² in small samples) gets an interval moved down accordingly.
fn bias_corrected_interval(mut values: Vec<f64>, estimate: f64) -> Interval {
    values.retain(|v| v.is_finite());
    values.sort_by(f64::total_cmp);
    let b = values.len() as f64;
    if values.is_empty() || !estimate.is_finite() {
        return (f64::NAN, f64::NAN);
    }
    let below = values.iter().filter(|&&v| v < estimate).count() as f64;
    let ties = values.iter().filter(|&&v| v == estimate).count() as f64;
    let share = ((below + ties / 2.0) / b).clamp(0.5 / b, 1.0 - 0.5 / b);
    let z0 = super::normal_quantile(share);
    let z = super::Z95;
    (quantile(&values, super::normal_cdf(2.0 * z0 - z)), quantile(&values, super::normal_cdf(2.0 * z0 + z)))
}

/// The `q` quantile of sorted `values` (linear between order statistics); NaN when empty.
fn quantile(values: &[f64], q: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let position = q.clamp(0.0, 1.0) * (values.len() - 1) as f64;
    let (low, high) = (position.floor() as usize, position.ceil() as usize);
    values[low] + (values[high] - values[low]) * (position - low as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// mtcars (`shared/reference/mtcars.csv`): mpg, cyl, disp, hp, gear.
    const MTCARS: [[f64; 5]; 32] = [
        [21.0, 6.0, 160.0, 110.0, 4.0],
        [21.0, 6.0, 160.0, 110.0, 4.0],
        [22.8, 4.0, 108.0, 93.0, 4.0],
        [21.4, 6.0, 258.0, 110.0, 3.0],
        [18.7, 8.0, 360.0, 175.0, 3.0],
        [18.1, 6.0, 225.0, 105.0, 3.0],
        [14.3, 8.0, 360.0, 245.0, 3.0],
        [24.4, 4.0, 146.7, 62.0, 4.0],
        [22.8, 4.0, 140.8, 95.0, 4.0],
        [19.2, 6.0, 167.6, 123.0, 4.0],
        [17.8, 6.0, 167.6, 123.0, 4.0],
        [16.4, 8.0, 275.8, 180.0, 3.0],
        [17.3, 8.0, 275.8, 180.0, 3.0],
        [15.2, 8.0, 275.8, 180.0, 3.0],
        [10.4, 8.0, 472.0, 205.0, 3.0],
        [10.4, 8.0, 460.0, 215.0, 3.0],
        [14.7, 8.0, 440.0, 230.0, 3.0],
        [32.4, 4.0, 78.7, 66.0, 4.0],
        [30.4, 4.0, 75.7, 52.0, 4.0],
        [33.9, 4.0, 71.1, 65.0, 4.0],
        [21.5, 4.0, 120.1, 97.0, 3.0],
        [15.5, 8.0, 318.0, 150.0, 3.0],
        [15.2, 8.0, 304.0, 150.0, 3.0],
        [13.3, 8.0, 350.0, 245.0, 3.0],
        [19.2, 8.0, 400.0, 175.0, 3.0],
        [27.3, 4.0, 79.0, 66.0, 4.0],
        [26.0, 4.0, 120.3, 91.0, 5.0],
        [30.4, 4.0, 95.1, 113.0, 5.0],
        [15.8, 8.0, 351.0, 264.0, 5.0],
        [19.7, 6.0, 145.0, 175.0, 5.0],
        [15.0, 8.0, 301.0, 335.0, 5.0],
        [21.4, 4.0, 121.0, 109.0, 4.0],
    ];

    fn mtcars() -> (Vec<f64>, Vec<Vec<f64>>) {
        let outcome = MTCARS.iter().map(|r| r[0]).collect();
        let drivers = (1..5).map(|c| MTCARS.iter().map(|r| r[c]).collect()).collect();
        (outcome, drivers)
    }

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn the_mtcars_example_gives_the_published_weights_and_shapley_values() {
        // The reference file itself, so that the constants above cannot drift from it.
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/reference/mtcars.csv"))
            .expect("shared/reference/mtcars.csv beside the checkout");
        {
            let mut lines = text.lines();
            let header: Vec<&str> = lines.next().unwrap_or_default().split(',').map(|h| h.trim_matches('"')).collect();
            let at = |name: &str| header.iter().position(|h| *h == name).unwrap();
            let columns = [at("mpg"), at("cyl"), at("disp"), at("hp"), at("gear")];
            for (line, row) in lines.zip(MTCARS) {
                let cells: Vec<f64> = line.split(',').filter_map(|c| c.trim_matches('"').parse().ok()).collect();
                let offset = line.split(',').count() - cells.len();
                for (k, &c) in columns.iter().enumerate() {
                    assert!(close(cells[c - offset], row[k], 1e-9), "{line}");
                }
            }
        }
        let (outcome, drivers) = mtcars();
        let fit = key_drivers(
            DriverRows { outcome: &outcome, drivers: &drivers, weights: None },
            &DriverOptions { resamples: 0, ..DriverOptions::default() },
        )
        .unwrap();
        assert!(close(fit.r_squared, 0.7791896, 1e-6), "{}", fit.r_squared);
        for (got, want) in fit.johnson.iter().zip([0.2284797, 0.2221469, 0.2321744, 0.0963886]) {
            assert!(close(*got, want, 1e-6), "Johnson {:?}", fit.johnson);
        }
        let shapley = fit.shapley.unwrap();
        for (got, want) in shapley.iter().zip([0.2470520, 0.2434996, 0.2109129, 0.0777251]) {
            assert!(close(*got, want, 1e-6), "Shapley {shapley:?}");
        }
        assert!(close(fit.johnson.iter().sum(), fit.r_squared, 1e-12));
        assert!(close(shapley.iter().sum(), fit.r_squared, 1e-12));
        // Signs: more cylinders, displacement and horsepower, fewer miles; more gears, more.
        let signs: Vec<bool> = fit.correlations.iter().map(|c| *c > 0.0).collect();
        assert_eq!(signs, [false, false, false, true]);
        // cyl and disp (0.90), cyl and hp, disp and hp (0.79 and 0.83... ) are too close to tell
        // apart: one group.
        assert_eq!(fit.collinear, vec![vec![0, 1, 2]]);
        assert_eq!(fit.n_used, 32);
    }

    #[test]
    fn a_weight_counts_as_that_many_copies_of_a_row() {
        let (outcome, drivers) = mtcars();
        let mut weights = vec![1.0; 32];
        weights[..5].fill(2.0);
        let options = DriverOptions { resamples: 0, ..DriverOptions::default() };
        let weighted =
            key_drivers(DriverRows { outcome: &outcome, drivers: &drivers, weights: Some(&weights) }, &options)
                .unwrap();
        let copy = |v: &[f64]| v.iter().chain(&v[..5]).copied().collect::<Vec<f64>>();
        let copied: Vec<Vec<f64>> = drivers.iter().map(|d| copy(d)).collect();
        let doubled =
            key_drivers(DriverRows { outcome: &copy(&outcome), drivers: &copied, weights: None }, &options).unwrap();
        // numpy on the duplicated rows: R² 0.75973146, Johnson's first weight 0.2238698929.
        assert!(close(weighted.r_squared, 0.75973146, 1e-7), "{}", weighted.r_squared);
        assert!(close(weighted.johnson[0], 0.2238698929, 1e-9), "{:?}", weighted.johnson);
        for (a, b) in weighted.johnson.iter().zip(&doubled.johnson) {
            assert!(close(*a, *b, 1e-12));
        }
    }

    #[test]
    fn missing_answers_are_left_out_listwise_or_pairwise_and_counted() {
        let (outcome, mut drivers) = mtcars();
        drivers[3][0] = f64::NAN;
        drivers[2][1] = f64::NAN;
        let options = DriverOptions { resamples: 0, ..DriverOptions::default() };
        let listwise =
            key_drivers(DriverRows { outcome: &outcome, drivers: &drivers, weights: None }, &options).unwrap();
        assert_eq!((listwise.n_used, listwise.n_smallest_pair), (30, 30));
        // The same as the 30 complete rows alone.
        let complete = |v: &[f64]| v[2..].to_vec();
        let rest: Vec<Vec<f64>> = drivers.iter().map(|d| complete(d)).collect();
        let alone =
            key_drivers(DriverRows { outcome: &complete(&outcome), drivers: &rest, weights: None }, &options).unwrap();
        assert!(close(listwise.r_squared, alone.r_squared, 1e-12));
        let pairwise = key_drivers(
            DriverRows { outcome: &outcome, drivers: &drivers, weights: None },
            &DriverOptions { missing: Missing::Pairwise, ..options },
        )
        .unwrap();
        assert_eq!((pairwise.n_used, pairwise.n_smallest_pair), (32, 30));
        assert!(close(pairwise.johnson.iter().sum(), pairwise.r_squared, 1e-9));
        assert!(!close(pairwise.r_squared, listwise.r_squared, 1e-6), "two more rows count");
    }

    #[test]
    fn fifteen_drivers_give_shapley_values_summing_to_r_squared_and_every_subset_its_own_r_squared() {
        let mut rng = Rng::new(7);
        let n = 400;
        let p = 15;
        let drivers: Vec<Vec<f64>> = (0..p).map(|_| (0..n).map(|_| rng.uniform()).collect()).collect();
        // Correlated drivers: each one leans on the one before.
        let drivers: Vec<Vec<f64>> = (0..p)
            .map(|j| (0..n).map(|i| drivers[j][i] + if j > 0 { 0.5 * drivers[j - 1][i] } else { 0.0 }).collect())
            .collect();
        let outcome: Vec<f64> = (0..n)
            .map(|i| (0..p).map(|j| (j as f64 + 1.0) * 0.1 * drivers[j][i]).sum::<f64>() + rng.uniform())
            .collect();
        let fit = key_drivers(
            DriverRows { outcome: &outcome, drivers: &drivers, weights: None },
            &DriverOptions { resamples: 0, ..DriverOptions::default() },
        )
        .unwrap();
        let shapley = fit.shapley.unwrap();
        assert!(close(shapley.iter().sum(), fit.r_squared, 1e-9));
        assert!(close(fit.johnson.iter().sum(), fit.r_squared, 1e-9));
        // A subset's R² from the Cholesky path equals the one from solving its own system.
        let r = {
            let mut sums = PairSums::new(p + 1, true);
            for i in 0..n {
                let row: Vec<f64> = std::iter::once(outcome[i]).chain(drivers.iter().map(|d| d[i])).collect();
                sums.add(&row, 1.0);
            }
            sums.correlations().unwrap()
        };
        let (rxx, rxy) = split(&r, p + 1);
        let all = subset_r_squared(&rxx, &rxy);
        let mask = 0b101_0011_0010_1001usize;
        let members: Vec<usize> = (0..p).filter(|j| mask & (1 << j) != 0).collect();
        let sub: Vec<f64> =
            members.iter().flat_map(|&a| members.iter().map(move |&b| (a, b))).map(|(a, b)| rxx[a * p + b]).collect();
        let sub_r: Vec<f64> = members.iter().map(|&a| rxy[a]).collect();
        let (direct, _) = johnson(&sub, &sub_r);
        assert!(close(all[mask], direct, 1e-9), "{} {direct}", all[mask]);
        assert!(close(all[(1 << p) - 1], fit.r_squared, 1e-9));
        // Sixteen drivers: no Shapley, Johnson still.
        let mut more = drivers.clone();
        more.push((0..n).map(|_| rng.uniform()).collect());
        let fit = key_drivers(
            DriverRows { outcome: &outcome, drivers: &more, weights: None },
            &DriverOptions { resamples: 0, ..DriverOptions::default() },
        )
        .unwrap();
        assert!(fit.shapley.is_none() && fit.johnson.len() == 16);
    }

    #[test]
    fn the_bootstrap_is_seeded_covers_the_estimates_and_matches_grouped_rows() {
        let (outcome, drivers) = mtcars();
        let rows = DriverRows { outcome: &outcome, drivers: &drivers, weights: None };
        let options = DriverOptions { resamples: 400, ..DriverOptions::default() };
        let a = key_drivers(rows, &options).unwrap();
        let b = key_drivers(rows, &options).unwrap();
        assert_eq!(a, b, "the same seed, the same intervals");
        let c = key_drivers(rows, &DriverOptions { seed: 1, ..options }).unwrap();
        assert_ne!(a.johnson_ci, c.johnson_ci);
        let ci = a.johnson_ci.unwrap();
        for (w, (low, high)) in a.johnson.iter().zip(&ci) {
            assert!(low <= w && w <= high && low >= &0.0, "{w} in [{low}, {high}]");
        }
        let (low, high) = a.r_squared_ci.unwrap();
        assert!(low < a.r_squared && a.r_squared < high && high <= 1.0);
        assert!(a.shapley_ci.is_some() && a.resamples_used == 400);
        // Many rows: resampled as random groups; the intervals are as wide as resampling the rows.
        let mut rng = Rng::new(3);
        let n = 6_000;
        let x: Vec<Vec<f64>> = (0..3).map(|_| (0..n).map(|_| rng.uniform()).collect()).collect();
        let y: Vec<f64> = (0..n).map(|i| x[0][i] + 0.5 * x[1][i] + rng.uniform() * 2.0).collect();
        let grouped = key_drivers(DriverRows { outcome: &y, drivers: &x, weights: None }, &options).unwrap();
        // Rows one by one: the same data split in three parts of 2,000 would each be resampled by
        // row; instead, compare with the bootstrap's known spread of R² for this design.
        let width = |f: &DriverFit| f.johnson_ci.as_ref().unwrap()[0].1 - f.johnson_ci.as_ref().unwrap()[0].0;
        let first = key_drivers(
            DriverRows {
                outcome: &y[..2_000],
                drivers: &x.iter().map(|d| d[..2_000].to_vec()).collect::<Vec<_>>(),
                weights: None,
            },
            &options,
        )
        .unwrap();
        // Three times the rows: an interval about 1/sqrt(3) as wide.
        let ratio = width(&grouped) / width(&first);
        assert!((0.45..0.72).contains(&ratio), "{ratio}");
    }

    #[test]
    fn the_bias_corrected_interval_moves_with_the_share_of_resamples_below_the_estimate() {
        // scipy's norm.ppf and norm.cdf on the resamples 1..=999: an estimate in the middle
        // gives the plain percentiles (25.95, 974.05); one with 30% of the resamples below it
        // moves the interval down to (2.3040, 817.9545).
        let values: Vec<f64> = (1..=999).map(f64::from).collect();
        let (low, high) = bias_corrected_interval(values.clone(), 500.0);
        assert!((low - 25.949999098).abs() < 1e-4 && (high - 974.050000902).abs() < 1e-4, "{low} {high}");
        let (low, high) = bias_corrected_interval(values, 300.0);
        assert!((low - 2.3039831477).abs() < 1e-4 && (high - 817.9545169940).abs() < 1e-4, "{low} {high}");
        assert!(bias_corrected_interval(Vec::new(), 1.0).0.is_nan());
    }

    #[test]
    fn bad_input_is_refused_with_its_reason() {
        let (outcome, drivers) = mtcars();
        let options = DriverOptions::default();
        assert_eq!(
            key_drivers(DriverRows { outcome: &outcome, drivers: &[], weights: None }, &options),
            Err(DriverError::NoDrivers)
        );
        let flat = vec![vec![3.0; 32]];
        assert!(matches!(
            key_drivers(DriverRows { outcome: &outcome, drivers: &flat, weights: None }, &options),
            Err(DriverError::NoSpread { .. })
        ));
        assert_eq!(
            key_drivers(
                DriverRows { outcome: &outcome[..2], drivers: &[drivers[0][..2].to_vec()], weights: None },
                &options
            ),
            Err(DriverError::TooFewRows { n: 2, needed: 3, drivers: 1 })
        );
        // Pairwise, two ratings never answered by the same respondents cannot be correlated.
        let mut apart = drivers.clone();
        apart[0][..16].fill(f64::NAN);
        apart[1][16..].fill(f64::NAN);
        let pairwise = DriverOptions { missing: Missing::Pairwise, resamples: 0, ..options };
        assert!(matches!(
            key_drivers(DriverRows { outcome: &outcome, drivers: &apart, weights: None }, &pairwise),
            Err(DriverError::PairApart { .. })
        ));
        // Fewer resamples than make a 95% interval give none.
        let few = key_drivers(
            DriverRows { outcome: &outcome, drivers: &drivers, weights: None },
            &DriverOptions { resamples: 20, ..options },
        )
        .unwrap();
        assert!(few.johnson_ci.is_none() && few.r_squared_ci.is_none() && few.resamples_used == 20);
        let short = vec![drivers[0][..10].to_vec()];
        assert!(matches!(
            key_drivers(DriverRows { outcome: &outcome, drivers: &short, weights: None }, &options),
            Err(DriverError::Length { .. })
        ));
    }
}
