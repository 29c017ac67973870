//! Per-theme statistics on counts: shares with Wilson intervals, over- or under-representation
//! among detractors (Fisher's exact test on counts, see `stats::compare`) and Holm correction
//! across themes.
//!
//! Pure functions on counts; counting mentions over the (filtered, weighted) survey frame is done
//! elsewhere (`analysis::theme_counts`). Intervals, the normal tail and Holm come from the
//! project's `crate::stats`.

use super::codebook::ThemeId;
use crate::stats::compare::Difference;
use crate::stats::exact::Alternative;
use crate::stats::{self, MIN_TESTED_N, Z95, holm_adjust};

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

/// Whether detractors mention a theme more or less often than the others, beyond chance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Representation {
    /// Detractors mention it significantly more (Holm across themes).
    Over,
    /// Detractors mention it significantly less.
    Under,
    /// No difference beyond chance, or too few answers to test.
    #[default]
    None,
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
    /// The calibrated test of that difference (Fisher's exact test on counts; the pooled z-test
    /// on effective n when weighted); `None` when a side has fewer than 5 answers.
    pub test: Option<Difference>,
    /// Two-sided p-value (1 when not testable).
    pub p_value: f64,
    /// Holm-adjusted p-value across the themes passed together.
    pub p_holm: f64,
    /// Mentioned significantly more by detractors (difference > 0 and Holm p < alpha).
    pub over_represented: bool,
    /// Over, under or neither, by the same test.
    pub representation: Representation,
}

/// Whether a group's counts are weighted (its summed weights or effective n differ from its
/// respondents).
fn is_weighted(total: GroupTotal) -> bool {
    total.weighted != total.unweighted as f64 || total.effective_n != total.unweighted as f64
}

/// The count and size behind a share, for the test: whole counts when unweighted, the
/// weighted share times the effective n when `weighted`.
fn test_counts(count: GroupCount, total: GroupTotal, weighted: bool) -> (f64, f64) {
    if weighted {
        let share = if total.weighted > 0.0 { (count.weighted / total.weighted).clamp(0.0, 1.0) } else { 0.0 };
        (share * total.effective_n, total.effective_n)
    } else {
        (count.unweighted as f64, total.unweighted as f64)
    }
}

/// Shares per group with Wilson 95% intervals and the representation test among detractors
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
            let testable = totals.detractors.effective_n >= MIN_TESTED_N && others_total.effective_n >= MIN_TESTED_N;
            let weighted = is_weighted(totals.detractors) || is_weighted(others_total);
            let (x1, n1) = test_counts(t.detractors, totals.detractors, weighted);
            let (x2, n2) = test_counts(others_count, others_total, weighted);
            let test = testable
                .then(|| stats::compare::compare_proportions([x1, n1, x2, n2], weighted, Alternative::TwoSided, Z95))
                .flatten();
            ThemeStats {
                theme: t.theme.clone(),
                detractors,
                passives: share_of(t.passives, totals.passives),
                promoters: share_of(t.promoters, totals.promoters),
                others,
                difference: detractors.share - others.share,
                p_value: test.map_or(1.0, |t| t.p_value),
                test,
                p_holm: 1.0,
                over_represented: false,
                representation: Representation::None,
            }
        })
        .collect();
    let adjusted = holm_adjust(&stats.iter().map(|s| s.p_value).collect::<Vec<_>>());
    for (s, p) in stats.iter_mut().zip(adjusted) {
        s.p_holm = p;
        let significant = s.test.is_some() && p < alpha;
        s.representation = match s.difference {
            d if significant && d > 0.0 => Representation::Over,
            d if significant && d < 0.0 => Representation::Under,
            _ => Representation::None,
        };
        s.over_represented = s.representation == Representation::Over;
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
        assert!(!stats[0].over_represented && stats[0].test.is_none());
        assert!((stats[0].detractors.share - 1.0).abs() < 1e-12, "the share is still shown");
    }

    use super::*;

    /// 2 min(P(X < 30) + P(X = 30) / 2, P(X > 30) + P(X = 30) / 2), X ~ hypergeometric(200, 50,
    /// 100), by scipy.stats.hypergeom.
    const MID_P_30_20: f64 = 0.106_519_525_665_399_63;

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
        // Fisher's mid-p of 30 of 100 against 20 of 100: twice the smaller one-sided mid-p.
        assert!(close(wait.p_value, MID_P_30_20, 1e-9), "{}", wait.p_value);
        assert!(!wait.over_represented && wait.representation == Representation::None);
        assert!(close(stats[1].p_value, 1.0, 1e-12) && stats[1].test.unwrap().difference == 0.0);
        assert!(close(wait.p_holm, (2.0 * wait.p_value).min(1.0), 1e-12));
        assert_eq!(wait.detractors.mentions, 30);
        assert_eq!(wait.others.respondents, 100);
        let strong = ThemeCounts { detractors: GroupCount::unweighted(60), ..themes[0].clone() };
        let stats = theme_stats(&[strong, themes[1].clone()], &totals, 0.05);
        assert!(stats[0].over_represented && !stats[1].over_represented);
        assert_eq!(stats[0].representation, Representation::Over);
        // Mentioned by 2 of 100 detractors and 30 of 100 others: under-represented, and said so.
        let rare = ThemeCounts { detractors: GroupCount::unweighted(2), ..themes[0].clone() };
        let stats = theme_stats(&[rare], &totals, 0.05);
        assert_eq!(stats[0].representation, Representation::Under);
        assert!(!stats[0].over_represented);
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
