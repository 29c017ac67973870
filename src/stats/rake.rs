//! Raking: weighting respondents to known population margins by iterative proportional fitting
//! (Deming & Stephan 1940), with optional trimming, and Kish's effective n and design effect.
//!
//! This module owns the arithmetic only: callers pass each weighting column as per-row category
//! codes with the target share of every category, and get weights with mean 1 back, with how the
//! raking went. Reading columns, counting categories and showing weights are the callers' concern.
//! Formulas follow `shared/reference/statistics.md` ("Weighting to the population (raking)").
//!
//! One sweep takes the margins in turn and multiplies the weights of each category by
//! target share x total weight / category weight, so the total stays put. After every sweep the
//! largest relative error |share - target| / target over all margins and categories is measured;
//! the raking stops once it is within the tolerance.
//!
//! Trimming caps the weights to [low, high] x their mean and rakes again from the capped weights,
//! until a raking leaves every weight within the bounds. Margins take priority over bounds: when
//! the bounds cannot be held (or the rounds run out) the last raking that met the margins is
//! returned, and some of its weights lie outside the bounds.

use std::fmt;

/// The most margins one raking takes: beyond four columns the cells get thin and the raking
/// rarely settles.
pub const MAX_MARGINS: usize = 4;

/// Relative slack on the trimming bounds: a weight this close beyond a bound counts as within.
pub const BOUND_SLACK: f64 = 1e-9;

/// How far a margin's target shares may sum from 1; within it they are scaled to sum to 1.
const TARGET_SUM_TOLERANCE: f64 = 1e-6;

/// One margin: a column's per-row category codes and the target share of each code.
#[derive(Debug, Clone, Copy)]
pub struct Margin<'a> {
    /// The column's name, for messages.
    pub column: &'a str,
    /// Per row, the index of its category in `targets`.
    pub codes: &'a [u32],
    /// Target share per category: finite, not negative, summing to 1 within 1e-6 (callers
    /// normalise counts). A target of 0 is allowed only for a category no row has.
    pub targets: &'a [f64],
    /// The categories' names, for messages (same length as `targets`).
    pub names: &'a [String],
}

/// How far and how long to rake, and whether to trim.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RakeOptions {
    /// The largest relative margin error |share - target| / target accepted (default 1e-6).
    pub tolerance: f64,
    /// The most sweeps over the margins one raking may take (default 1000).
    pub max_iterations: usize,
    /// Bounds for the weights as multiples of their mean, e.g. (0.3, 3.0); `None` for no trimming.
    /// They must hold the mean: 0 <= low <= 1 <= high (high may be infinite).
    pub trim: Option<(f64, f64)>,
    /// The most rounds of capping and raking again (default 50).
    pub max_trim_rounds: usize,
}

impl Default for RakeOptions {
    fn default() -> Self {
        Self { tolerance: 1e-6, max_iterations: 1000, trim: None, max_trim_rounds: 50 }
    }
}

/// The raked weights and how the raking went.
#[derive(Debug, Clone, PartialEq)]
pub struct Raked {
    /// One weight per row, with mean 1.
    pub weights: Vec<f64>,
    /// Sweeps over the margins in all rakings together (the first and every trimming round).
    pub iterations: usize,
    /// Weights capped in the last trimming round (0 without trimming).
    pub trimmed: usize,
    /// Rounds of capping and raking again.
    pub trim_rounds: usize,
    /// The final largest relative margin error, within the tolerance.
    pub max_error: f64,
    /// Kish's effective n of the weights.
    pub effective_n: f64,
    /// Kish's design effect n / `n_eff`.
    pub design_effect: f64,
}

/// Why respondents could not be raked, worded for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum RakeError {
    /// No rows to weight.
    NoRows,
    /// No margin to weight to.
    NoMargins,
    /// More than [`MAX_MARGINS`] margins.
    TooManyMargins {
        /// How many were given.
        count: usize,
    },
    /// A column's codes do not cover the rows one to one.
    LengthMismatch {
        /// The column.
        column: String,
        /// Its number of codes.
        rows: usize,
        /// The number of rows (starting weights).
        expected: usize,
    },
    /// A starting weight that is not a finite positive number.
    BadWeight {
        /// The row's index, counting from 0 (the message counts from 1).
        row: usize,
    },
    /// A column's targets or codes that cannot be raked to.
    BadTargets {
        /// The column.
        column: String,
        /// What is wrong, as a sentence fragment.
        reason: String,
    },
    /// A category with a positive target and no respondent.
    EmptyCategory {
        /// The column.
        column: String,
        /// The category.
        category: String,
    },
    /// Options out of range (tolerance, trimming bounds).
    BadOptions {
        /// What is wrong.
        reason: String,
    },
    /// The margins were not met within the allowed sweeps.
    NotConverged {
        /// The sweeps taken.
        iterations: usize,
        /// The largest relative margin error left.
        max_error: f64,
        /// The column with the largest error.
        column: String,
        /// Its category with the largest error.
        category: String,
    },
}

impl fmt::Display for RakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoRows => write!(f, "raking needs at least one respondent"),
            Self::NoMargins => write!(f, "raking needs at least one column with target shares"),
            Self::TooManyMargins { count } => {
                write!(f, "raking takes at most {MAX_MARGINS} columns, not {count}; drop or combine some")
            }
            Self::LengthMismatch { column, rows, expected } => {
                write!(f, "{column} has {rows} rows, but there are {expected} respondents")
            }
            Self::BadWeight { row } => {
                write!(f, "the starting weight of respondent {} is not a positive number", row + 1)
            }
            Self::BadTargets { column, reason } => write!(f, "the targets of {column} cannot be used: {reason}"),
            Self::EmptyCategory { column, category } => write!(
                f,
                "{column} = {category} has a target but no respondents; drop its target or merge it with another category"
            ),
            Self::BadOptions { reason } => write!(f, "the raking options cannot be used: {reason}"),
            Self::NotConverged { iterations, max_error, column, category } => write!(
                f,
                "raking did not converge in {iterations} iterations: {column} = {category} is still {} off its \
                 target; the margins may contradict each other",
                percent(*max_error)
            ),
        }
    }
}

impl std::error::Error for RakeError {}

/// A relative error as the user reads it: "3.2%", "less than 0.1%", or "far" when not finite.
fn percent(error: f64) -> String {
    let p = error * 100.0;
    if !p.is_finite() {
        "far".to_owned()
    } else if p < 0.1 {
        "less than 0.1%".to_owned()
    } else {
        format!("{p:.1}%")
    }
}

/// Rakes the `initial` weights (positive; usually all 1, or a design weight) to the `margins`,
/// trimming them as `options` say, and returns weights with mean 1. Fails with a [`RakeError`]
/// on bad input, and when the first raking does not meet the margins within the tolerance.
/// A trimming round whose raking does not converge ends trimming: the last converged raking is
/// returned, so the margins always meet the tolerance while the bounds may not hold.
pub fn rake(initial: &[f64], margins: &[Margin<'_>], options: &RakeOptions) -> Result<Raked, RakeError> {
    let prepared = validate(initial, margins, options)?;
    let mut weights = initial.to_vec();
    let first = ipf(&mut weights, &prepared, options);
    if !first.converged {
        return Err(not_converged(&prepared, &first));
    }
    let (mut iterations, mut max_error) = (first.sweeps, first.worst.error);
    let (mut trimmed, mut trim_rounds) = (0, 0);
    if let Some((low, high)) = options.trim {
        while trim_rounds < options.max_trim_rounds {
            let Some((mut capped, count)) = cap(&weights, low, high) else { break };
            let outcome = ipf(&mut capped, &prepared, options);
            iterations += outcome.sweeps;
            if !outcome.converged {
                break;
            }
            (weights, max_error, trimmed) = (capped, outcome.worst.error, count);
            trim_rounds += 1;
        }
    }
    let mean = weights.iter().sum::<f64>() / weights.len() as f64;
    for w in &mut weights {
        *w /= mean;
    }
    Ok(Raked {
        effective_n: effective_n(&weights),
        design_effect: design_effect(&weights),
        weights,
        iterations,
        trimmed,
        trim_rounds,
        max_error,
    })
}

/// Kish's effective sample size (sum w)^2 / sum w^2: the number of unweighted answers that would
/// give the same precision. Equal weights give n; 0 when there are no weights (or all are 0).
#[must_use]
pub fn effective_n(weights: &[f64]) -> f64 {
    let squares: f64 = weights.iter().map(|w| w * w).sum();
    if squares > 0.0 { weights.iter().sum::<f64>().powi(2) / squares } else { 0.0 }
}

/// Kish's design effect n / `n_eff`: how many times weighting multiplies a variance (1 for equal
/// weights). NaN when there are no weights.
#[must_use]
pub fn design_effect(weights: &[f64]) -> f64 {
    weights.len() as f64 / effective_n(weights)
}

/// A validated margin, its targets scaled to sum to exactly 1.
struct Prepared<'a> {
    column: &'a str,
    codes: &'a [u32],
    names: &'a [String],
    targets: Vec<f64>,
}

impl Prepared<'_> {
    /// The weight of each category into `totals` (reused between calls).
    fn category_totals(&self, weights: &[f64], totals: &mut Vec<f64>) {
        totals.clear();
        totals.resize(self.targets.len(), 0.0);
        for (&w, &code) in weights.iter().zip(self.codes) {
            totals[code as usize] += w;
        }
    }
}

/// The largest relative margin error and where it lies.
#[derive(Debug, Clone, Copy)]
struct Worst {
    error: f64,
    margin: usize,
    category: usize,
}

/// How one raking ended.
struct Outcome {
    sweeps: usize,
    converged: bool,
    worst: Worst,
}

/// Checks the input and prepares the margins.
fn validate<'a>(
    initial: &[f64],
    margins: &[Margin<'a>],
    options: &RakeOptions,
) -> Result<Vec<Prepared<'a>>, RakeError> {
    if initial.is_empty() {
        return Err(RakeError::NoRows);
    }
    if margins.is_empty() {
        return Err(RakeError::NoMargins);
    }
    if margins.len() > MAX_MARGINS {
        return Err(RakeError::TooManyMargins { count: margins.len() });
    }
    if let Some(row) = initial.iter().position(|w| !(w.is_finite() && *w > 0.0)) {
        return Err(RakeError::BadWeight { row });
    }
    let bad_options = |reason: String| Err(RakeError::BadOptions { reason });
    if !(options.tolerance.is_finite() && options.tolerance > 0.0) {
        return bad_options(format!("the tolerance {} is not a positive number", options.tolerance));
    }
    if let Some((low, high)) = options.trim
        && !((0.0..=1.0).contains(&low) && high >= 1.0)
    {
        return bad_options(format!("the trimming bounds ({low}, {high}) must hold the mean: 0 <= low <= 1 <= high"));
    }
    margins.iter().map(|margin| prepare(margin, initial.len())).collect()
}

/// Checks one margin against `rows` rows and scales its targets to sum to 1.
fn prepare<'a>(margin: &Margin<'a>, rows: usize) -> Result<Prepared<'a>, RakeError> {
    let &Margin { column, codes, targets, names } = margin;
    let bad = |reason: String| Err(RakeError::BadTargets { column: column.to_owned(), reason });
    if codes.len() != rows {
        return Err(RakeError::LengthMismatch { column: column.to_owned(), rows: codes.len(), expected: rows });
    }
    if names.len() != targets.len() {
        return bad(format!("{} targets but {} category names", targets.len(), names.len()));
    }
    if let Some((name, target)) = names.iter().zip(targets).find(|(_, t)| !(t.is_finite() && **t >= 0.0)) {
        return bad(format!("the target of {name} is {target}, not a share"));
    }
    let sum: f64 = targets.iter().sum();
    if (sum - 1.0).abs() > TARGET_SUM_TOLERANCE {
        return bad(format!("the target shares sum to {sum:.6}, not 1"));
    }
    let mut counts = vec![0_usize; targets.len()];
    for (row, &code) in codes.iter().enumerate() {
        let Some(count) = counts.get_mut(code as usize) else {
            return bad(format!(
                "respondent {} has category {code}, but there are {} categories",
                row + 1,
                targets.len()
            ));
        };
        *count += 1;
    }
    for ((name, &target), &count) in names.iter().zip(targets).zip(&counts) {
        if target > 0.0 && count == 0 {
            return Err(RakeError::EmptyCategory { column: column.to_owned(), category: name.clone() });
        }
        if target == 0.0 && count > 0 {
            return bad(format!(
                "{name} has a target of 0 but {count} respondents; give it a target or leave them out"
            ));
        }
    }
    Ok(Prepared { column, codes, names, targets: targets.iter().map(|t| t / sum).collect() })
}

/// Rakes `weights` in place until the largest relative margin error is within the tolerance or
/// the sweeps run out. Categories without weight (target 0, no rows) are left alone.
fn ipf(weights: &mut [f64], margins: &[Prepared<'_>], options: &RakeOptions) -> Outcome {
    let mut totals = Vec::new();
    let mut worst = largest_error(weights, margins, &mut totals);
    for sweep in 1..=options.max_iterations {
        for margin in margins {
            let total: f64 = weights.iter().sum();
            margin.category_totals(weights, &mut totals);
            let factors: Vec<f64> = (margin.targets.iter().zip(&totals))
                .map(|(&target, &sum)| if sum > 0.0 { target * total / sum } else { 1.0 })
                .collect();
            for (w, &code) in weights.iter_mut().zip(margin.codes) {
                *w *= factors[code as usize];
            }
        }
        worst = largest_error(weights, margins, &mut totals);
        if worst.error <= options.tolerance {
            return Outcome { sweeps: sweep, converged: true, worst };
        }
    }
    Outcome { sweeps: options.max_iterations, converged: false, worst }
}

/// The largest |share - target| / target over the margins' categories with a positive target;
/// a weight that overflowed counts as an infinite error.
fn largest_error(weights: &[f64], margins: &[Prepared<'_>], totals: &mut Vec<f64>) -> Worst {
    let total: f64 = weights.iter().sum();
    let mut worst = Worst { error: 0.0, margin: 0, category: 0 };
    for (m, margin) in margins.iter().enumerate() {
        margin.category_totals(weights, totals);
        for (c, (&target, &sum)) in margin.targets.iter().zip(totals.iter()).enumerate() {
            if target > 0.0 {
                let error = (sum / total - target).abs() / target;
                let error = if error.is_nan() { f64::INFINITY } else { error };
                if error > worst.error {
                    worst = Worst { error, margin: m, category: c };
                }
            }
        }
    }
    worst
}

/// The weights capped to [low, high] x their mean, and how many lay beyond a bound (with
/// [`BOUND_SLACK`]); `None` when all are within the bounds.
fn cap(weights: &[f64], low: f64, high: f64) -> Option<(Vec<f64>, usize)> {
    let mean = weights.iter().sum::<f64>() / weights.len() as f64;
    let (low, high) = (low * mean, high * mean);
    let outside = weights.iter().filter(|&&w| w < low * (1.0 - BOUND_SLACK) || w > high * (1.0 + BOUND_SLACK)).count();
    (outside > 0).then(|| (weights.iter().map(|w| w.max(low).min(high)).collect(), outside))
}

/// The error for a raking that did not converge, naming its worst column and category.
fn not_converged(margins: &[Prepared<'_>], outcome: &Outcome) -> RakeError {
    let margin = &margins[outcome.worst.margin];
    RakeError::NotConverged {
        iterations: outcome.sweeps,
        max_error: outcome.worst.error,
        column: margin.column.to_owned(),
        category: margin.names[outcome.worst.category].clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, tolerance: f64) {
        assert!((got - want).abs() <= tolerance, "got {got}, want {want} (+/- {tolerance})");
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    fn margin<'a>(column: &'a str, codes: &'a [u32], targets: &'a [f64], names: &'a [String]) -> Margin<'a> {
        Margin { column, codes, targets, names }
    }

    /// Rows from cells: each cell's codes (one per column), its respondents and their weight.
    fn rows<const K: usize>(cells: &[([u32; K], usize, f64)]) -> ([Vec<u32>; K], Vec<f64>) {
        let mut columns: [Vec<u32>; K] = std::array::from_fn(|_| Vec::new());
        let mut initial = Vec::new();
        for &(codes, count, weight) in cells {
            for _ in 0..count {
                columns.iter_mut().zip(codes).for_each(|(column, code)| column.push(code));
                initial.push(weight);
            }
        }
        (columns, initial)
    }

    fn tight() -> RakeOptions {
        RakeOptions { tolerance: 1e-12, ..RakeOptions::default() }
    }

    #[test]
    fn the_reference_hand_check_holds() {
        let cells = [([0, 0], 30, 1.0), ([0, 1], 20, 1.0), ([1, 0], 10, 1.0), ([1, 1], 40, 1.0)];
        let ([group, letter], initial) = rows(&cells);
        let (ab, xy) = (names(&["A", "B"]), names(&["x", "y"]));
        let margins = [margin("group", &group, &[0.6, 0.4], &ab), margin("letter", &letter, &[0.5, 0.5], &xy)];
        // Default options: within 1e-6 after 8 sweeps (the 7th leaves 1.2e-6).
        let raked = rake(&initial, &margins, &RakeOptions::default()).unwrap();
        assert_eq!((raked.iterations, raked.trimmed, raked.trim_rounds), (8, 0, 0));
        assert!(raked.max_error <= 1e-6, "{}", raked.max_error);
        let raked = rake(&initial, &margins, &tight()).unwrap();
        let mut first = 0;
        for (&(_, count, _), (weight, share)) in
            cells.iter().zip([(4.0 / 3.0, 0.4), (1.0, 0.2), (1.0, 0.1), (0.75, 0.3)])
        {
            let cell = &raked.weights[first..first + count];
            cell.iter().for_each(|&w| close(w, weight, 1e-6));
            close(cell.iter().sum::<f64>() / 100.0, share, 1e-6);
            first += count;
        }
        close(raked.weights.iter().sum::<f64>(), 100.0, 1e-9);
        close(raked.effective_n, 94.488_189, 1e-6);
        close(raked.design_effect, 1.058_333, 1e-6);
    }

    #[test]
    fn the_ipfn_readme_examples_are_reproduced() {
        // Dirguis/ipfn README, "Wikipedia example with Numpy": a 4x4 seed raked to row totals
        // (150, 300, 400, 150) and column totals (200, 300, 400, 100); one row per cell, its
        // weight the seed. Fitted cells from an independent numpy raking to 1e-10.
        let seed =
            [[40.0, 30.0, 20.0, 10.0], [35.0, 50.0, 100.0, 75.0], [30.0, 80.0, 70.0, 120.0], [20.0, 30.0, 40.0, 50.0]];
        let cells: Vec<([u32; 2], usize, f64)> =
            (0..4).flat_map(|i| (0..4).map(move |j| ([i, j], 1, seed[i as usize][j as usize]))).collect();
        let ([row, col], initial) = rows(&cells);
        let labels = names(&["0", "1", "2", "3"]);
        let (rows_target, cols_target) = ([0.15, 0.3, 0.4, 0.15], [0.2, 0.3, 0.4, 0.1]);
        let margins = [margin("row", &row, &rows_target, &labels), margin("col", &col, &cols_target, &labels)];
        let raked = rake(&initial, &margins, &tight()).unwrap();
        #[rustfmt::skip]
        let want = [
            64.55850978, 46.23245971, 35.38429827, 3.824732251, 49.96791942, 68.15935407, 156.4985464, 25.37418009,
            56.7219436, 144.4282256, 145.0824814, 53.7673494, 28.7516272, 41.17996065, 63.03467388, 17.03373826,
        ];
        raked.weights.iter().zip(want).for_each(|(w, want)| close(w / 16.0 * 1000.0, want, 1e-6));

        // The README's numpy 3-D example: a 2x4x3 seed with five aggregates, three one-way and
        // two two-way (dims [0, 1] and [1, 2]). Five margins are too many, but the two two-way
        // ones imply the three one-way ones, so they alone give ipfn's fit.
        #[rustfmt::skip]
        let seed = [1.0, 2.0, 1.0, 3.0, 5.0, 5.0, 6.0, 2.0, 2.0, 1.0, 7.0, 2.0,
                    5.0, 4.0, 2.0, 5.0, 5.0, 5.0, 3.0, 8.0, 7.0, 2.0, 7.0, 6.0];
        let cells: Vec<([u32; 5], usize, f64)> = (0..24_u32)
            .map(|n| {
                let (i, j, k) = (n / 12, n / 3 % 4, n % 3);
                ([i, j, k, i * 4 + j, j * 3 + k], 1, seed[n as usize])
            })
            .collect();
        let ([dma, size, age, dma_size, size_age], initial) = rows(&cells);
        let shares = |counts: &[f64]| counts.iter().map(|c| c / 100.0).collect::<Vec<_>>();
        let (t_dma, t_size, t_age) =
            (shares(&[52.0, 48.0]), shares(&[20.0, 30.0, 35.0, 15.0]), shares(&[35.0, 40.0, 25.0]));
        let t_dma_size = shares(&[9.0, 17.0, 19.0, 7.0, 11.0, 13.0, 16.0, 8.0]);
        let t_size_age = shares(&[7.0, 9.0, 4.0, 8.0, 12.0, 10.0, 15.0, 12.0, 8.0, 5.0, 7.0, 3.0]);
        let labels = names(&["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);
        let all = [
            margin("dma", &dma, &t_dma, &labels[..2]),
            margin("size", &size, &t_size, &labels[..4]),
            margin("age", &age, &t_age, &labels[..3]),
            margin("dma x size", &dma_size, &t_dma_size, &labels[..8]),
            margin("size x age", &size_age, &t_size_age, &labels),
        ];
        assert_eq!(rake(&initial, &all, &tight()), Err(RakeError::TooManyMargins { count: 5 }));
        let raked = rake(&initial, &all[3..], &tight()).unwrap();
        #[rustfmt::skip]
        let want = [
            2.155122054, 4.738761655, 2.106116291, 3.792360098, 7.204167219, 6.003472683, 12.03141598, 4.035121187,
            2.933462833, 2.026014823, 4.037026427, 0.9369587501, 4.844877946, 4.261238345, 1.893883709, 4.207639902,
            4.795832781, 3.996527317, 2.968584021, 7.964878813, 5.066537167, 2.973985177, 2.962973573, 2.06304125,
        ];
        raked.weights.iter().zip(want).for_each(|(w, want)| close(w / 24.0 * 100.0, want, 1e-6));
        // The README's own check: cell (0, 0) summed over age is xijp[0, 0] = 9.
        close(raked.weights[..3].iter().sum::<f64>() / 24.0 * 100.0, 9.0, 1e-9);
    }

    #[test]
    fn margins_already_met_leave_the_weights_alone() {
        let ([group, letter], initial) =
            rows(&[([0, 0], 1, 1.0), ([0, 1], 1, 1.0), ([1, 0], 1, 1.0), ([1, 1], 1, 1.0)]);
        let (ab, xy) = (names(&["A", "B"]), names(&["x", "y"]));
        let margins = [margin("group", &group, &[0.5, 0.5], &ab), margin("letter", &letter, &[0.5, 0.5], &xy)];
        let raked = rake(&initial, &margins, &RakeOptions::default()).unwrap();
        assert_eq!(raked.weights, initial);
        assert_eq!((raked.iterations, raked.max_error, raked.effective_n, raked.design_effect), (1, 0.0, 4.0, 1.0));
    }

    #[test]
    fn contradictory_margins_do_not_converge() {
        // The same grouping twice with different targets: every sweep ends on 50/50, 25% off
        // the first column's 40% for B.
        let ([group], initial) = rows(&[([0], 50, 1.0), ([1], 50, 1.0)]);
        let ab = names(&["A", "B"]);
        let margins = [margin("first", &group, &[0.6, 0.4], &ab), margin("second", &group, &[0.5, 0.5], &ab)];
        let options = RakeOptions { max_iterations: 20, ..RakeOptions::default() };
        let Err(error) = rake(&initial, &margins, &options) else { panic!("contradictory margins converged") };
        let RakeError::NotConverged { iterations, max_error, column, category } = &error else { panic!("{error:?}") };
        assert_eq!((*iterations, column.as_str(), category.as_str()), (20, "first", "B"));
        close(*max_error, 0.25, 1e-12);
        assert_eq!(
            error.to_string(),
            "raking did not converge in 20 iterations: first = B is still 25.0% off its target; \
             the margins may contradict each other"
        );
    }

    #[test]
    fn bad_input_is_refused_with_the_reason() {
        let ([group], initial) = rows(&[([0], 3, 1.0), ([1], 2, 1.0)]);
        let abc = names(&["A", "B", "C"]);
        let rake_to =
            |targets: &[f64]| rake(&initial, &[margin("group", &group, targets, &abc)], &RakeOptions::default());
        // A positive target without respondents, and a zero target with them.
        let empty = RakeError::EmptyCategory { column: "group".into(), category: "C".into() };
        assert_eq!(rake_to(&[0.5, 0.3, 0.2]), Err(empty.clone()));
        assert!(empty.to_string().starts_with("group = C has a target but no respondents"));
        assert!(matches!(rake_to(&[1.0, 0.0, 0.0]), Err(RakeError::BadTargets { .. })));
        // A zero target without respondents is fine: A and B get their shares.
        let raked = rake_to(&[0.4, 0.6, 0.0]).unwrap();
        close(raked.weights[0], 0.4 * 5.0 / 3.0, 1e-12);
        close(raked.weights[4], 0.6 * 5.0 / 2.0, 1e-12);
        let Err(RakeError::BadTargets { reason, .. }) = rake_to(&[0.5, 0.3, 0.1]) else { panic!("sum 0.9 accepted") };
        assert_eq!(reason, "the target shares sum to 0.900000, not 1");
        assert!(matches!(rake_to(&[0.5, 0.6, -0.1]), Err(RakeError::BadTargets { .. })));
        let two = names(&["A", "B"]);
        let short = [margin("group", &[0, 2, 1, 0, 1], &[0.5, 0.5], &two)];
        assert!(matches!(rake(&initial, &short, &RakeOptions::default()), Err(RakeError::BadTargets { .. })));
        let few = [margin("group", &[0, 1], &[0.5, 0.5], &two)];
        let mismatch = RakeError::LengthMismatch { column: "group".into(), rows: 2, expected: 5 };
        assert_eq!(rake(&initial, &few, &RakeOptions::default()), Err(mismatch));
        let ok = [margin("group", &group, &[0.5, 0.5, 0.0], &abc)];
        let zero_weight = [1.0, 1.0, 0.0, 1.0, 1.0];
        assert_eq!(rake(&zero_weight, &ok, &RakeOptions::default()), Err(RakeError::BadWeight { row: 2 }));
        assert_eq!(rake(&[], &ok, &RakeOptions::default()), Err(RakeError::NoRows));
        assert_eq!(rake(&initial, &[], &RakeOptions::default()), Err(RakeError::NoMargins));
        let wide = RakeOptions { trim: Some((1.5, 3.0)), ..RakeOptions::default() };
        assert!(matches!(rake(&initial, &ok, &wide), Err(RakeError::BadOptions { .. })));
    }

    #[test]
    fn trimming_holds_the_bounds_when_the_margins_allow() {
        // 50 A and 50 B at 50/50, but one B starts with a design weight of 20: raking alone
        // leaves it at 14.5 x the mean. Capped at 3 x the mean, the other Bs make up the rest:
        // A 1, B 47/49, the heavy one 3 (50 = 49 b + 3 keeps B at half).
        let mut initial = vec![1.0; 100];
        initial[50] = 20.0;
        let group: Vec<u32> = (0..100).map(|i| u32::from(i >= 50)).collect();
        let ab = names(&["A", "B"]);
        let margins = [margin("group", &group, &[0.5, 0.5], &ab)];
        let untrimmed = rake(&initial, &margins, &RakeOptions::default()).unwrap();
        close(untrimmed.weights[50], 20.0 / 69.0 * 50.0, 1e-9);
        let options = RakeOptions { trim: Some((0.3, 3.0)), ..RakeOptions::default() };
        let raked = rake(&initial, &margins, &options).unwrap();
        assert_eq!(raked.trimmed, 1);
        assert!(raked.trim_rounds > 0 && raked.trim_rounds < options.max_trim_rounds, "{}", raked.trim_rounds);
        assert!(raked.max_error <= 1e-6);
        close(raked.weights[..50].iter().sum::<f64>(), 50.0, 1e-9);
        let within = |w: &f64| *w >= 0.3 * (1.0 - BOUND_SLACK) - 1e-12 && *w <= 3.0 * (1.0 + BOUND_SLACK) + 1e-12;
        assert!(raked.weights.iter().all(within), "{:?}", raked.weights);
        close(raked.weights[0], 1.0, 1e-6);
        close(raked.weights[51], 47.0 / 49.0, 1e-6);
        close(raked.weights[50], 3.0, 1e-6);
        close(raked.effective_n, 10_000.0 / (59.0 + 47.0 * 47.0 / 49.0), 1e-6);
    }

    #[test]
    fn trimming_yields_to_margins_it_cannot_meet() {
        // 95 A and 5 B raked to 50/50 need each B at 19 x an A: no weights within [0.3, 3] x
        // the mean meet that. Every round caps the 5 Bs and raking puts them back, so after the
        // last round the margins hold and the bounds do not.
        let group: Vec<u32> = (0..100).map(|i| u32::from(i >= 95)).collect();
        let ab = names(&["A", "B"]);
        let margins = [margin("group", &group, &[0.5, 0.5], &ab)];
        let options = RakeOptions { trim: Some((0.3, 3.0)), ..RakeOptions::default() };
        let raked = rake(&[1.0; 100], &margins, &options).unwrap();
        assert_eq!((raked.trimmed, raked.trim_rounds, raked.iterations), (5, 50, 51));
        assert!(raked.max_error <= 1e-6);
        close(raked.weights[0], 50.0 / 95.0, 1e-9);
        close(raked.weights[99], 10.0, 1e-9);
        close(raked.effective_n, 19.0, 1e-9);
    }

    #[test]
    fn kish_effective_n_and_design_effect() {
        assert_eq!((effective_n(&[1.0; 4]), design_effect(&[1.0; 4])), (4.0, 1.0));
        close(effective_n(&[1.0, 3.0]), 1.6, 1e-12);
        close(design_effect(&[1.0, 3.0]), 1.25, 1e-12);
        assert_eq!(effective_n(&[]), 0.0);
        assert!(design_effect(&[]).is_nan());
    }
}
