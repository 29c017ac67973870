//! Exact tests on small counts, where a normal approximation puts stars on chance: the
//! permutation test of two groups' NPS, Fisher's exact test of two proportions (as its mid-p),
//! and the sign-flip test of paired changes.
//!
//! Each is a conditional test: it keeps the totals the data gave (the pooled detractors,
//! passives and promoters; the pooled successes; the number of people whose answer changed) and
//! asks how often chance alone, shuffling who is in which group or which way a change went,
//! gives a difference at least as large as the one seen. The permutation and sign-flip p-values
//! therefore keep the false-alarm rate at or below the level for every group size; Fisher's
//! mid-p ([`fisher_mid_p`]) gives up that guarantee for a rate nearer the level, and its rates
//! are checked by simulation instead (`examples/calibration.rs` prints them all). All work on
//! unweighted counts; std only.

/// Relative tolerance under which two outcomes count as equally extreme (ties in the p-value sum).
const TIE: f64 = 1e-9;

/// `ln C(total, k)` for k = 0..=upto, by the recurrence C(t, k + 1) = C(t, k) (t - k) / (k + 1);
/// `-inf` where k > total.
fn ln_binomials(total: u64, upto: u64) -> Vec<f64> {
    let mut out = Vec::with_capacity(upto as usize + 1);
    let mut value = 0.0_f64;
    for k in 0..=upto {
        if k > total {
            out.push(f64::NEG_INFINITY);
            continue;
        }
        out.push(value);
        if k < total {
            value += ((total - k) as f64).ln() - ((k + 1) as f64).ln();
        }
    }
    out
}

/// Two-sided p-value of the exact permutation test of NPS(a) = NPS(b) for two independent
/// groups of (detractors, passives, promoters) counts.
///
/// Given the pooled counts, every way of drawing group `a`'s size from the pool is equally
/// likely under the null hypothesis (same population), so `a`'s composition is multivariate
/// hypergeometric. Compositions are ordered by how far their NPS difference lies from zero and,
/// among those as far as the observed one, by their probability: the p-value is the probability
/// of the compositions further out, plus the tied ones no more likely than the one observed.
/// Without that tie-break, groups of 5 to 30 were starred only 2-2.5% of the time at 5% (ties
/// are common when both groups are small); with it, 3-5%. The smaller group is enumerated:
/// O(n^2/2) terms for a group of n. `None` when either group is empty.
#[must_use]
pub fn nps_permutation_p(a: [u64; 3], b: [u64; 3]) -> Option<f64> {
    let (n_a, n_b) = (a.iter().sum::<u64>(), b.iter().sum::<u64>());
    if n_a == 0 || n_b == 0 {
        return None;
    }
    // Enumerate the smaller group; the statistic |NPS(a) - NPS(b)| is symmetric in the groups.
    let (small, n_small, n_large) = if n_a <= n_b { (a, n_a, n_b) } else { (b, n_b, n_a) };
    let pool = [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
    let net_pool = pool[2] as f64 - pool[0] as f64;
    let difference = |d: u64, p: u64| {
        let net = p as f64 - d as f64;
        (net / n_small as f64 - (net_pool - net) / n_large as f64).abs()
    };
    let [ln_d, ln_pa, ln_p] = pool.map(|total| ln_binomials(total, n_small));
    let ln_prob = |d: u64, p: u64| ln_d[d as usize] + ln_pa[(n_small - d - p) as usize] + ln_p[p as usize];
    let observed = difference(small[0], small[2]);
    let observed_ln = ln_prob(small[0], small[2]);
    let tolerance = TIE * observed + 1e-12;
    let compositions = || {
        (0..=n_small.min(pool[0])).flat_map(move |d| {
            let p_low = (n_small - d).saturating_sub(pool[1]);
            (p_low..=(n_small - d).min(pool[2])).map(move |p| (d, p))
        })
    };
    let largest = compositions().map(|(d, p)| ln_prob(d, p)).fold(f64::NEG_INFINITY, f64::max);
    let (mut extreme, mut all) = (0.0_f64, 0.0_f64);
    for (d, p) in compositions() {
        let ln = ln_prob(d, p);
        let weight = (ln - largest).exp();
        all += weight;
        let distance = difference(d, p);
        let tied = (distance - observed).abs() <= tolerance;
        if distance > observed + tolerance || (tied && ln <= observed_ln + 1e-7) {
            extreme += weight;
        }
    }
    (all > 0.0).then(|| (extreme / all).min(1.0))
}

/// Which difference a test of two proportions looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alternative {
    /// Either way.
    TwoSided,
    /// The first proportion lower than the second.
    Less,
    /// The first proportion higher than the second.
    Greater,
}

/// Probabilities below this share of the most likely one are left out of the hypergeometric
/// distribution: they underflow to zero in any case.
const NEGLIGIBLE: f64 = 1e-300;

/// The hypergeometric distribution of the first group's successes given both totals: the
/// probabilities of x = `start`.. (normalised), and `start`.
///
/// Walked out from the mode by the ratio of neighbouring terms, f(x + 1) / f(x) =
/// (n1 - x)(s - x) / ((x + 1)(n2 - s + x + 1)), and stopped where a term falls below
/// [`NEGLIGIBLE`] of the mode's: about 37 standard deviations each way, so a group of a million
/// costs thousands of terms rather than a million logarithms. The values left out are those an
/// exponential of their logarithm would have made zero.
fn conditional_successes(n1: u64, n2: u64, successes: u64) -> (Vec<f64>, u64) {
    let low = successes.saturating_sub(n2);
    let high = successes.min(n1);
    let all = (n1 + n2 + 2) as f64;
    let mode = ((((successes + 1) as f64) * ((n1 + 1) as f64) / all).floor() as u64).clamp(low, high);
    // f(x + 1) / f(x), for low <= x < high (every factor positive there).
    let ratio =
        |x: u64| ((n1 - x) as f64 * (successes - x) as f64) / ((x + 1) as f64 * (n2 + x + 1 - successes) as f64);
    let mut up = Vec::new();
    let (mut weight, mut x) = (1.0_f64, mode);
    while x < high {
        weight *= ratio(x);
        if weight < NEGLIGIBLE {
            break;
        }
        up.push(weight);
        x += 1;
    }
    let mut down = Vec::new();
    let (mut weight, mut x) = (1.0_f64, mode);
    while x > low {
        weight /= ratio(x - 1);
        if weight < NEGLIGIBLE {
            break;
        }
        down.push(weight);
        x -= 1;
    }
    let start = mode - down.len() as u64;
    let weights: Vec<f64> = down.into_iter().rev().chain(std::iter::once(1.0)).chain(up).collect();
    let total: f64 = weights.iter().sum();
    (weights.into_iter().map(|w| w / total).collect(), start)
}

/// Fisher's exact test of `x1` of `n1` against `x2` of `n2`, as its mid-p: one-sided,
/// P(more extreme) + P(as observed) / 2; two-sided, twice the smaller one-sided mid-p. Fisher's
/// own p is conservative with small groups (its false-alarm rate fell to 1-3% at 5% for groups of
/// 10 to 30); the mid-p stays at or below 5.5% in the calibration (`examples/calibration.rs`).
/// `None` when a group is empty or has more successes than members.
#[must_use]
pub fn fisher_mid_p(x1: u64, n1: u64, x2: u64, n2: u64, alternative: Alternative) -> Option<f64> {
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let (probabilities, start) = conditional_successes(n1, n2, x1 + x2);
    // An observation beyond the terms kept has every kept term on one side of it.
    let (less, greater) = if x1 < start {
        (0.0, 1.0)
    } else if x1 - start >= probabilities.len() as u64 {
        (1.0, 0.0)
    } else {
        let at = (x1 - start) as usize;
        let below: f64 = probabilities[..at].iter().sum();
        let above: f64 = probabilities[at + 1..].iter().sum();
        let half = probabilities[at] / 2.0;
        (below + half, above + half)
    };
    Some(match alternative {
        Alternative::TwoSided => (2.0 * less.min(greater)).min(1.0),
        Alternative::Less => less.min(1.0),
        Alternative::Greater => greater.min(1.0),
    })
}

/// Two-sided p-value of the exact sign-flip test of paired changes on the -1/0/+1 scale.
///
/// Each matched respondent's change s2 - s1 lies in -2..=2. Under the null hypothesis (no change)
/// a change is as likely up as down, so with `ones` changes of size 1 and `twos` of size 2 the
/// total is (2 B1 - ones) + 2 (2 B2 - twos) with B1 ~ Bin(ones, 1/2) and B2 ~ Bin(twos, 1/2)
/// independent. `total` is the observed sum of changes. Respondents whose answer did not change
/// carry no information about the direction and drop out. 1 when nobody changed.
#[must_use]
pub fn sign_flip_p(ones: u64, twos: u64, total: i64) -> f64 {
    if ones == 0 && twos == 0 {
        return 1.0;
    }
    let pmf = |k: u64| {
        let ln = ln_binomials(k, k);
        let half = -(k as f64) * std::f64::consts::LN_2;
        ln.into_iter().map(|l| (l + half).exp()).collect::<Vec<f64>>()
    };
    let (p1, p2) = (pmf(ones), pmf(twos));
    // Cumulative sums of B1's pmf, for P(B1 <= x) and P(B1 >= x) in O(1).
    let mut below = Vec::with_capacity(p1.len() + 1);
    below.push(0.0_f64);
    for p in &p1 {
        below.push(below.last().copied().unwrap_or(0.0) + p);
    }
    let all_ones = below.last().copied().unwrap_or(1.0);
    let at_most = |x: i64| if x < 0 { 0.0 } else { below[(x as usize + 1).min(below.len() - 1)] };
    let observed = total.unsigned_abs() as i64;
    let (ones, twos) = (ones as i64, twos as i64);
    let mut p_value = 0.0;
    for (b2, w2) in p2.iter().enumerate() {
        // T = 2 b1 - ones + 2 (2 b2 - twos); |T| >= observed.
        let shift = 2 * (2 * b2 as i64 - twos) - ones;
        // 2 b1 + shift >= observed  <=>  b1 >= ceil((observed - shift) / 2)
        let upper_from = (observed - shift + 1).div_euclid(2);
        // 2 b1 + shift <= -observed  <=>  b1 <= floor((-observed - shift) / 2)
        let lower_to = (-observed - shift).div_euclid(2);
        let upper = all_ones - at_most(upper_from - 1);
        let lower = at_most(lower_to.min(ones));
        // With observed == 0 the two sides overlap: every outcome counts once.
        let tail = if lower_to >= upper_from { all_ones } else { upper + lower };
        p_value += w2 * tail;
    }
    p_value.min(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64, tolerance: f64) {
        assert!((actual - expected).abs() <= tolerance, "{actual} is not {expected} (+/- {tolerance})");
    }

    /// The p-value by brute force: every assignment of the pooled answers to group a, counted
    /// per composition; further-out compositions count, and tied ones no more likely than the
    /// observed one.
    fn brute_force_permutation_p(a: [u64; 3], b: [u64; 3]) -> f64 {
        let values: Vec<i32> = [(-1, a[0] + b[0]), (0, a[1] + b[1]), (1, a[2] + b[2])]
            .iter()
            .flat_map(|&(v, k)| std::iter::repeat_n(v, k as usize))
            .collect();
        let (n_a, n) = (a.iter().sum::<u64>() as usize, values.len());
        let total: i32 = values.iter().sum();
        let diff = |sum_a: i32| (f64::from(sum_a) / n_a as f64 - f64::from(total - sum_a) / (n - n_a) as f64).abs();
        let mut assignments: std::collections::BTreeMap<(usize, usize), u64> = std::collections::BTreeMap::new();
        for mask in 0u32..(1 << n) {
            if mask.count_ones() as usize != n_a {
                continue;
            }
            let chosen: Vec<i32> = (0..n).filter(|i| mask & (1 << i) != 0).map(|i| values[i]).collect();
            let key = (chosen.iter().filter(|&&v| v == -1).count(), chosen.iter().filter(|&&v| v == 1).count());
            *assignments.entry(key).or_default() += 1;
        }
        let all: u64 = assignments.values().sum();
        let observed_key = (a[0] as usize, a[2] as usize);
        let observed = diff(a[2] as i32 - a[0] as i32);
        let observed_count = assignments[&observed_key];
        let extreme: u64 = assignments
            .iter()
            .filter(|&(&(d, p), &count)| {
                let distance = diff(p as i32 - d as i32);
                distance > observed + 1e-9 || ((distance - observed).abs() <= 1e-9 && count <= observed_count)
            })
            .map(|(_, count)| count)
            .sum();
        extreme as f64 / all as f64
    }

    #[test]
    fn permutation_test_matches_brute_force_enumeration() {
        for (a, b) in [
            ([0, 0, 3], [2, 3, 4]),
            ([1, 2, 2], [3, 3, 3]),
            ([2, 0, 0], [1, 5, 6]),
            ([0, 4, 0], [4, 0, 4]),
            ([1, 1, 1], [1, 1, 1]),
        ] {
            close(nps_permutation_p(a, b).unwrap(), brute_force_permutation_p(a, b), 1e-12);
            close(nps_permutation_p(b, a).unwrap(), brute_force_permutation_p(a, b), 1e-12);
        }
    }

    #[test]
    fn five_promoters_against_a_typical_population_is_the_reference_value() {
        // statistics.md: 5 promoters against (20, 30, 50): exact p = 0.073.
        let p = nps_permutation_p([0, 0, 5], [20, 30, 50]).unwrap();
        close(p, 0.073, 0.0005);
        assert_eq!(nps_permutation_p([0, 0, 0], [1, 2, 3]), None);
    }

    #[test]
    fn mid_p_halves_the_observed_table() {
        // Fisher's one-sided p (R's fisher.test, scipy.stats.fisher_exact) less half the table's
        // own probability. 0 of 10 against 3 of 10: P(X = 0) = P(X <= 0) = 0.105263.
        let less = fisher_mid_p(0, 10, 3, 10, Alternative::Less).unwrap();
        close(less, 0.105_263 / 2.0, 1e-6);
        close(fisher_mid_p(0, 10, 3, 10, Alternative::TwoSided).unwrap(), 2.0 * less, 1e-12);
        // The tea-tasting table: P(X >= 3) = 0.242857 with P(X = 3) = 0.228571, both ways round.
        close(fisher_mid_p(3, 4, 1, 4, Alternative::Greater).unwrap(), 0.242_857 - 0.228_571 / 2.0, 1e-6);
        close(fisher_mid_p(1, 4, 3, 4, Alternative::Less).unwrap(), 0.242_857 - 0.228_571 / 2.0, 1e-6);
        assert_eq!(fisher_mid_p(3, 2, 1, 4, Alternative::Less), None);
    }

    #[test]
    fn large_groups_give_scipys_mid_p_from_the_terms_around_the_mode() {
        // scipy.stats.hypergeom (cdf, sf and pmf), two-sided mid-p, for groups up to a million.
        for (x1, n1, x2, n2, want) in [
            (251_000, 500_000, 249_000, 500_000, 6.33432866453e-05),
            (50, 120, 30, 110, 0.0228918488929),
            (150_300, 300_000, 149_000, 300_000, 0.000789105183583),
            (12, 1_000_000, 40, 1_000_000, 8.16969915439e-05),
        ] {
            let p = fisher_mid_p(x1, n1, x2, n2, Alternative::TwoSided).unwrap();
            assert!((p / want - 1.0).abs() < 1e-8, "{x1}/{n1} vs {x2}/{n2}: {p} against {want}");
        }
        // Far beyond the terms kept: every one on one side.
        assert_eq!(fisher_mid_p(400_000, 500_000, 100_000, 500_000, Alternative::Greater), Some(0.0));
        assert_eq!(fisher_mid_p(400_000, 500_000, 100_000, 500_000, Alternative::Less), Some(1.0));
    }

    #[test]
    fn sign_flip_matches_enumeration() {
        // Changes +1, +1, +2, -1: ones = 3, twos = 1, total 3. By enumeration of the 16 sign
        // patterns, |T| >= 3 in the patterns with sums ±3 and ±5.
        let changes = [1i64, 1, 2, -1];
        let mut extreme = 0;
        for mask in 0..16u32 {
            let t: i64 =
                changes.iter().enumerate().map(|(i, c)| if mask & (1 << i) != 0 { -c.abs() } else { c.abs() }).sum();
            if t.abs() >= 3 {
                extreme += 1;
            }
        }
        close(sign_flip_p(3, 1, 3), f64::from(extreme) / 16.0, 1e-12);
        close(sign_flip_p(3, 1, -3), f64::from(extreme) / 16.0, 1e-12);
        close(sign_flip_p(2, 0, 0), 1.0, 1e-12);
        close(sign_flip_p(5, 0, 5), 2.0 / 32.0, 1e-12);
        assert_eq!(sign_flip_p(0, 0, 0), 1.0);
    }
}
