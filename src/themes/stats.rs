//! Per-theme statistics on counts: shares with Wilson intervals, over-representation among
//! detractors (two-proportion z-test) and Holm correction across themes.
//!
//! Pure functions on counts; counting mentions over the (filtered, weighted) survey frame is done
//! elsewhere (`analysis::theme_counts`). Intervals, the normal tail and Holm come from the
//! project's `crate::stats`.

use super::codebook::ThemeId;
use crate::stats::{self, Z95, holm_adjust, normal_cdf};

/// A closed interval of shares (0..=1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// Wilson 95% interval for a share `share` (0..=1) of `n` (effective) observations, through the
/// project's [`crate::stats::wilson`]; `n <= 0` gives the uninformative [0, 1].
pub fn wilson(share: f64, n: f64) -> Interval {
    if !share.is_finite() {
        return Interval { low: 0.0, high: 1.0 };
    }
    let successes = (share.clamp(0.0, 1.0) * n).clamp(0.0, n.max(0.0));
    stats::wilson(successes, n, Z95).map_or(Interval { low: 0.0, high: 1.0 }, |i| Interval { low: i.low, high: i.high })
}

/// Two-sided p-value of a standard-normal statistic (1 for NaN).
pub fn two_sided_p(z: f64) -> f64 {
    if z.is_nan() {
        return 1.0;
    }
    (2.0 * normal_cdf(-z.abs())).min(1.0)
}

/// Pooled two-proportion z statistic for shares `p1` of `n1` and `p2` of `n2` (effective sizes);
/// positive when `p1 > p2`. `None` when a group is empty or the pooled share is 0 or 1.
pub fn two_proportion_z(p1: f64, n1: f64, p2: f64, n2: f64) -> Option<f64> {
    if n1.is_nan() || n2.is_nan() || n1 <= 0.0 || n2 <= 0.0 {
        return None;
    }
    let pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
    let variance = pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2);
    if variance.is_nan() || variance <= 0.0 {
        return None;
    }
    Some((p1 - p2) / variance.sqrt())
}

/// Mentions of a theme in one group.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GroupCount {
    /// Sum of the weights of respondents mentioning the theme (= count when unweighted).
    pub weighted: f64,
    /// Number of respondents mentioning the theme.
    pub unweighted: u64,
}

impl GroupCount {
    /// An unweighted count.
    pub fn unweighted(count: u64) -> GroupCount {
        GroupCount { weighted: count as f64, unweighted: count }
    }
}

/// Size of one group (respondents with a valid score under the active filter).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GroupTotal {
    /// Sum of weights.
    pub weighted: f64,
    /// Number of respondents.
    pub unweighted: u64,
    /// Kish effective n = (sum w)^2 / sum w^2 (= `unweighted` without weights).
    pub effective_n: f64,
}

impl GroupTotal {
    /// An unweighted group of `count` respondents.
    pub fn unweighted(count: u64) -> GroupTotal {
        GroupTotal { weighted: count as f64, unweighted: count, effective_n: count as f64 }
    }

    /// Passives and promoters together; the effective n of the union is
    /// (W1 + W2)^2 / (W1^2 / n1 + W2^2 / n2).
    fn combined(a: GroupTotal, b: GroupTotal) -> GroupTotal {
        let part = |g: GroupTotal| if g.effective_n > 0.0 { g.weighted * g.weighted / g.effective_n } else { 0.0 };
        let sum_sq = part(a) + part(b);
        let weighted = a.weighted + b.weighted;
        let effective_n = if sum_sq > 0.0 { weighted * weighted / sum_sq } else { 0.0 };
        GroupTotal { weighted, unweighted: a.unweighted + b.unweighted, effective_n }
    }
}

/// Sizes of the three groups.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GroupTotals {
    /// Detractors (0-6).
    pub detractors: GroupTotal,
    /// Passives (7-8).
    pub passives: GroupTotal,
    /// Promoters (9-10).
    pub promoters: GroupTotal,
}

/// Mentions of one theme per group.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeCounts {
    /// The theme.
    pub theme: ThemeId,
    /// Detractors mentioning it.
    pub detractors: GroupCount,
    /// Passives mentioning it.
    pub passives: GroupCount,
    /// Promoters mentioning it.
    pub promoters: GroupCount,
}

/// Share of a group mentioning a theme, with its Wilson 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Weighted share 0..=1 (0 for an empty group).
    pub share: f64,
    /// Wilson 95% interval on the effective n.
    pub interval: Interval,
    /// Respondents mentioning the theme (unweighted).
    pub mentions: u64,
    /// Respondents in the group (unweighted).
    pub respondents: u64,
}

fn share_of(count: GroupCount, total: GroupTotal) -> Share {
    let share = if total.weighted > 0.0 { (count.weighted / total.weighted).clamp(0.0, 1.0) } else { 0.0 };
    Share {
        share,
        interval: wilson(share, total.effective_n),
        mentions: count.unweighted,
        respondents: total.unweighted,
    }
}

/// Statistics of one theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeStats {
    /// The theme.
    pub theme: ThemeId,
    /// Share of detractors mentioning it.
    pub detractors: Share,
    /// Share of passives.
    pub passives: Share,
    /// Share of promoters.
    pub promoters: Share,
    /// Share of passives and promoters together (the comparison group).
    pub others: Share,
    /// Detractor share minus others' share.
    pub difference: f64,
    /// Two-proportion z (detractors vs others); `None` when not testable.
    pub z: Option<f64>,
    /// Two-sided p-value (1 when not testable).
    pub p_value: f64,
    /// Holm-adjusted p-value across the themes passed together.
    pub p_holm: f64,
    /// Mentioned significantly more by detractors (z > 0 and Holm p < alpha).
    pub over_represented: bool,
}

/// Shares per group with Wilson 95% intervals and the over-representation test among detractors
/// vs passives + promoters, Holm-corrected across `themes` (pass exactly the themes shown).
pub fn theme_stats(themes: &[ThemeCounts], totals: &GroupTotals, alpha: f64) -> Vec<ThemeStats> {
    let others_total = GroupTotal::combined(totals.passives, totals.promoters);
    let mut stats: Vec<ThemeStats> = themes
        .iter()
        .map(|t| {
            let others_count = GroupCount {
                weighted: t.passives.weighted + t.promoters.weighted,
                unweighted: t.passives.unweighted + t.promoters.unweighted,
            };
            let detractors = share_of(t.detractors, totals.detractors);
            let others = share_of(others_count, others_total);
            // As for segments and periods, a side with fewer than 5 (effective) answers is not
            // tested: one detractor mentioning a theme is never "significant".
            let testable = totals.detractors.effective_n >= crate::analysis::breakdown::MIN_TESTED_N
                && others_total.effective_n >= crate::analysis::breakdown::MIN_TESTED_N;
            let z = two_proportion_z(
                detractors.share,
                totals.detractors.effective_n,
                others.share,
                others_total.effective_n,
            )
            .filter(|_| testable);
            ThemeStats {
                theme: t.theme.clone(),
                detractors,
                passives: share_of(t.passives, totals.passives),
                promoters: share_of(t.promoters, totals.promoters),
                others,
                difference: detractors.share - others.share,
                z,
                p_value: z.map_or(1.0, two_sided_p),
                p_holm: 1.0,
                over_represented: false,
            }
        })
        .collect();
    let adjusted = holm_adjust(&stats.iter().map(|s| s.p_value).collect::<Vec<_>>());
    for (s, p) in stats.iter_mut().zip(adjusted) {
        s.p_holm = p;
        s.over_represented = s.z.is_some_and(|z| z > 0.0) && p < alpha;
    }
    stats
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_lone_detractor_is_never_over_represented() {
        let theme = super::ThemeId::new("price").unwrap();
        let count = |k: u64| GroupCount { weighted: k as f64, unweighted: k };
        let total = |n: u64| GroupTotal { weighted: n as f64, unweighted: n, effective_n: n as f64 };
        let themes = [ThemeCounts { theme, detractors: count(1), passives: count(0), promoters: count(0) }];
        let totals = GroupTotals { detractors: total(1), passives: total(50), promoters: total(50) };
        let stats = theme_stats(&themes, &totals, 0.05);
        assert!(!stats[0].over_represented && stats[0].z.is_none());
        assert!((stats[0].detractors.share - 1.0).abs() < 1e-12, "the share is still shown");
    }

    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() < tol
    }

    #[test]
    fn wilson_matches_statistics_reference() {
        let all = wilson(1.0, 5.0);
        assert!(close(all.low, 0.5655, 1e-4) && all.high == 1.0, "{all:?}");
        let none = wilson(0.0, 5.0);
        assert!(none.low == 0.0 && close(none.high, 0.4345, 1e-4), "{none:?}");
        let csat = wilson(0.8, 50.0);
        assert!(close(csat.low, 0.66963, 1e-5) && close(csat.high, 0.88756, 1e-5), "{csat:?}");
        assert_eq!(wilson(0.5, 0.0), Interval { low: 0.0, high: 1.0 });
    }

    #[test]
    fn normal_tail_and_two_proportion_test() {
        assert!(close(two_sided_p(1.959964), 0.05, 1e-6));
        assert!(close(two_sided_p(-1.754116), 0.079411, 1e-6));
        assert_eq!(two_sided_p(0.0), 1.0_f64.min(2.0 * 0.5));
        let z = two_proportion_z(0.3, 100.0, 0.2, 100.0).unwrap();
        assert!(close(z, 1.632993, 1e-6), "{z}");
        assert!(close(two_sided_p(z), 0.102470, 1e-5));
        assert_eq!(two_proportion_z(0.0, 10.0, 0.0, 10.0), None);
        assert_eq!(two_proportion_z(0.5, 0.0, 0.2, 10.0), None);
    }

    #[test]
    fn holm_adjustment() {
        let adjusted = holm_adjust(&[0.01, 0.04, 0.03, 0.005]);
        let expected = [0.03, 0.06, 0.06, 0.02];
        for (a, e) in adjusted.iter().zip(expected) {
            assert!(close(*a, e, 1e-12), "{adjusted:?}");
        }
        assert!(holm_adjust(&[]).is_empty());
        assert_eq!(holm_adjust(&[0.9, 0.8]), [1.0, 1.0]);
    }

    #[test]
    fn theme_stats_shares_and_over_representation() {
        let id = |s: &str| ThemeId::new(s).unwrap();
        let totals = GroupTotals {
            detractors: GroupTotal::unweighted(100),
            passives: GroupTotal::unweighted(50),
            promoters: GroupTotal::unweighted(50),
        };
        let themes = [
            ThemeCounts {
                theme: id("waiting_time"),
                detractors: GroupCount::unweighted(30),
                passives: GroupCount::unweighted(12),
                promoters: GroupCount::unweighted(8),
            },
            ThemeCounts {
                theme: id("price"),
                detractors: GroupCount::unweighted(10),
                passives: GroupCount::unweighted(5),
                promoters: GroupCount::unweighted(5),
            },
        ];
        let stats = theme_stats(&themes, &totals, 0.05);
        let wait = &stats[0];
        assert!(close(wait.detractors.share, 0.3, 1e-12) && close(wait.others.share, 0.2, 1e-12));
        assert!(close(wait.z.unwrap(), 1.632993, 1e-6));
        assert!(close(wait.p_value, 0.102470, 1e-5));
        assert!(!wait.over_represented);
        assert_eq!(stats[1].z, Some(0.0));
        assert!(close(wait.p_holm, (2.0 * wait.p_value).min(1.0), 1e-12));
        assert_eq!(wait.detractors.mentions, 30);
        assert_eq!(wait.others.respondents, 100);
        let strong = ThemeCounts { detractors: GroupCount::unweighted(60), ..themes[0].clone() };
        let stats = theme_stats(&[strong, themes[1].clone()], &totals, 0.05);
        assert!(stats[0].over_represented && !stats[1].over_represented);
    }

    #[test]
    fn weighted_groups_use_effective_n() {
        let a = GroupTotal { weighted: 50.0, unweighted: 100, effective_n: 80.0 };
        let b = GroupTotal { weighted: 150.0, unweighted: 100, effective_n: 90.0 };
        let c = GroupTotal::combined(a, b);
        assert!(close(c.effective_n, 200.0 * 200.0 / (2500.0 / 80.0 + 22500.0 / 90.0), 1e-9));
        assert_eq!(c.unweighted, 200);
    }
}
