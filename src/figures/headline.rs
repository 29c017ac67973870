//! The headline figure: the NPS large with its 95% interval and n, the detractor, passive and
//! promoter shares on one bar, the change since the previous period with its test, and the verdict
//! against the benchmark chosen for the whole.

use super::*;
use crate::benchmarks::Verdict;
use crate::chart::{Axis, ChartKind, Headline, HeadlineGroup, HeadlineLine, Orientation, Series, TickFormat, Tone};

/// The colour of a benchmark verdict: above is good news, below bad, the rest neither.
#[must_use]
pub fn verdict_tone(verdict: Verdict) -> Tone {
    match verdict {
        Verdict::Above => Tone::Promoter,
        Verdict::Below => Tone::Detractor,
        Verdict::Within | Verdict::Inconclusive | Verdict::TooFew => Tone::Neutral,
    }
}

/// A Holm-adjusted p-value as the headline writes it: `p = 0.012 (Holm)`, or `p < 0.001 (Holm)`
/// (a line that wraps keeps the value with its `p`).
fn p_text(p: f64, t: &Texts) -> String {
    if p < 0.001 { format!("p < {} (Holm)", t.number(0.001, 3)) } else { format!("p = {} (Holm)", t.number(p, 3)) }
}

/// The change of the last period with answers against the one before, with both periods' NPS and
/// n, judged as the trend chart marks it (Holm-adjusted across the trend's changes, so that the
/// headline and the trend never disagree); `None` without two periods.
fn change_line(trend: &[TrendPoint], w: &Words) -> Option<HeadlineLine> {
    let (t, x) = (w.texts, w.export);
    let mut with_answers = trend.iter().filter(|p| p.nps.is_some());
    let last = with_answers.next_back()?;
    let before = with_answers.next_back()?;
    let change = last.change?;
    let (test, tone) = match last.change_p_adjusted {
        Some(p) if last.change_significant && change > 0.0 => {
            (fill(x.headline_rise, &[("p", &p_text(p, t))]), Tone::Promoter)
        }
        Some(p) if last.change_significant && change < 0.0 => {
            (fill(x.headline_fall, &[("p", &p_text(p, t))]), Tone::Detractor)
        }
        Some(p) => (fill(x.headline_not_significant, &[("p", &p_text(p, t))]), Tone::Neutral),
        None => (x.headline_untested.to_owned(), Tone::Neutral),
    };
    let nps = |p: &TrendPoint| p.nps.map_or_else(|| "\u{2013}".to_owned(), |v| t.signed(v));
    let text = fill(
        x.headline_change,
        &[
            ("change", &t.signed(change)),
            ("now", &last.period),
            ("now_nps", &nps(last)),
            ("now_n", &t.count(last.n)),
            ("before", &before.period),
            ("before_nps", &nps(before)),
            ("before_n", &t.count(before.n)),
            ("test", &test),
        ],
    );
    Some(HeadlineLine { text, tone })
}

/// The verdict against `benchmark`: `Benchmark Retail (range +40.0 to +55.0): below`.
fn verdict_line(benchmark: &Comparison, w: &Words) -> HeadlineLine {
    let t = w.texts;
    let published = t.published(benchmark);
    let sector = t.sector_name(&benchmark.sector);
    let name = if published.is_empty() { sector.to_owned() } else { format!("{sector} ({published})") };
    let text = fill(w.export.headline_verdict, &[("benchmark", &name), ("verdict", t.verdict(benchmark.verdict))]);
    HeadlineLine { text, tone: verdict_tone(benchmark.verdict) }
}

/// The NPS's 95% interval as the headline and the distribution's subtitle write it
/// (`95% CI +6.9 to +7.3`), and its n (`n = 1,000,000`, with the effective n when weighted).
#[must_use]
pub fn interval_and_n(overall: &NpsSummary, t: &Texts) -> (String, String) {
    let interval = match (overall.ci_low, overall.ci_high) {
        (Some(low), Some(high)) => fill(t.interval, &[("low", &t.signed(low)), ("high", &t.signed(high))]),
        _ => t.missing_interval(overall.interval_note).to_owned(),
    };
    let n = fill(t.n_responses, &[("n", &t.count(overall.n))]);
    let n = match overall.effective_n {
        Some(n_eff) => format!("{n} \u{b7} {}", fill(t.effective_n, &[("n", &t.count(n_eff.round() as u64))])),
        None => n,
    };
    (interval, n)
}

/// The headline of `overall`: its NPS, interval and n, the groups' shares, the change since the
/// previous period of `trend` (when the answers are dated) and the verdict against `benchmark`.
#[must_use]
pub fn headline_figure(
    overall: &NpsSummary,
    benchmark: Option<&Comparison>,
    trend: Option<&[TrendPoint]>,
    context: &FigureContext,
    w: &Words,
) -> ChartSpec {
    let t = w.texts;
    let n = t.count(overall.n);
    let (interval, n_text) = interval_and_n(overall, t);
    let shares = overall.share_intervals.as_ref();
    let detail_form = if overall.effective_n.is_some() { t.share_detail_weighted } else { t.share_detail };
    let groups = [
        (t.detractors, overall.detractor_pct, overall.detractors, shares.map(|s| s.detractors), Tone::Detractor),
        (t.passives, overall.passive_pct, overall.passives, shares.map(|s| s.passives), Tone::Passive),
        (t.promoters, overall.promoter_pct, overall.promoters, shares.map(|s| s.promoters), Tone::Promoter),
    ]
    .into_iter()
    .map(|(label, pct, count, interval, tone)| {
        let interval = match interval {
            Some([low, high]) => fill(t.interval, &[("low", &t.percent(low)), ("high", &t.percent(high))]),
            None => t.missing_interval(overall.interval_note).to_owned(),
        };
        let count = fill(detail_form, &[("count", &t.count(count)), ("n", &n)]);
        HeadlineGroup {
            label: label.to_owned(),
            share: pct / 100.0,
            share_text: t.percent(pct),
            detail: format!("{interval} \u{b7} {count}"),
            tone,
        }
    })
    .collect();
    let change = trend.and_then(|points| change_line(points, w));
    let mut note = footnote(overall.n, &benchmark.into_iter().collect::<Vec<_>>(), context, w);
    if change.is_some() {
        note = format!("{note} \u{b7} {}", w.export.headline_change_note);
    }
    let headline = Headline {
        nps: overall.nps,
        nps_text: t.signed(overall.nps),
        interval_text: interval,
        n_text,
        groups,
        change,
        verdict: benchmark.map(|b| verdict_line(b, w)),
    };
    ChartSpec {
        id: "headline".to_owned(),
        kind: ChartKind::Headline,
        title: w.export.headline_title.to_owned(),
        subtitle: String::new(),
        orientation: Orientation::Horizontal,
        category_title: String::new(),
        categories: Vec::new(),
        value_axis: Axis::stepped("", 0.0, 1.0, 0.0, TickFormat::Percent),
        series: vec![Series::Headline { name: t.nps.to_owned(), headline }],
        legend: Vec::new(),
        footnote: note,
        thousands: t.thousands(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{distribution_of, summarise_scores};

    fn headline_of(spec: &ChartSpec) -> &Headline {
        match &spec.series[..] {
            [Series::Headline { headline, .. }] => headline,
            other => panic!("one headline series, not {other:?}"),
        }
    }

    fn point(period: &str, nps: f64, change: Option<f64>, p: Option<f64>) -> TrendPoint {
        TrendPoint {
            period: period.to_owned(),
            start: String::new(),
            n: 100,
            nps: Some(nps),
            change,
            change_p_value: p.map(|p| p / 2.0),
            change_p_adjusted: p,
            change_significant: p.is_some_and(|p| p < 0.05),
            ..TrendPoint::default()
        }
    }

    #[test]
    fn the_headline_says_the_nps_its_interval_n_and_the_shares_that_make_it() {
        // 3 detractors, 2 passives, 5 promoters: NPS +20.
        let scores = [0u8, 3, 6, 7, 8, 9, 9, 10, 10, 10];
        let summary = summarise_scores(distribution_of(scores)).unwrap();
        let w = Words::of(Language::Dutch);
        let spec = headline_figure(&summary, None, None, &FigureContext::default(), &w);
        assert_eq!(spec.kind, ChartKind::Headline);
        let h = headline_of(&spec);
        assert_eq!(h.nps_text, "+20,0");
        let (low, high) = (summary.ci_low.unwrap(), summary.ci_high.unwrap());
        assert_eq!(h.interval_text, format!("95%-BI {} tot {}", w.texts.signed(low), w.texts.signed(high)));
        assert_eq!(h.n_text, "n = 10");
        let shares: Vec<(f64, &str)> =
            h.groups.iter().map(|g| ((g.share * 1e6).round() / 1e6, g.share_text.as_str())).collect();
        assert_eq!(shares, [(0.3, "30,0%"), (0.2, "20,0%"), (0.5, "50,0%")]);
        assert!(((h.groups[2].share - h.groups[0].share) * 100.0 - summary.nps).abs() < 1e-9, "the bar makes the NPS");
        assert!(h.groups[2].detail.ends_with("5 van 10"), "{}", h.groups[2].detail);
        assert_eq!((h.change.as_ref(), h.verdict.as_ref()), (None, None), "no dates, no benchmark");
    }

    #[test]
    fn the_change_is_the_last_period_against_the_one_before_with_its_test() {
        let summary = summarise_scores(distribution_of([9u8, 10, 3])).unwrap();
        let w = Words::of(Language::English);
        let gap = TrendPoint { period: "2025-03".to_owned(), ..TrendPoint::default() };
        let cases = [
            (
                vec![point("2025-01", 10.0, None, None), point("2025-02", 22.0, Some(12.0), Some(0.012))],
                "+12.0 points: +22.0 in 2025-02 (n = 100) against +10.0 in 2025-01 (n = 100); significant rise, p = 0.012 (Holm)",
                Tone::Promoter,
            ),
            (
                vec![point("2025-01", 10.0, None, None), point("2025-02", 2.0, Some(-8.0), Some(0.0004)), gap.clone()],
                "-8.0 points: +2.0 in 2025-02 (n = 100) against +10.0 in 2025-01 (n = 100); significant fall, p < 0.001 (Holm)",
                Tone::Detractor,
            ),
            (
                vec![point("2025-01", 10.0, None, None), point("2025-02", 12.0, Some(2.0), Some(0.5))],
                "+2.0 points: +12.0 in 2025-02 (n = 100) against +10.0 in 2025-01 (n = 100); not significant, p = 0.500 (Holm)",
                Tone::Neutral,
            ),
            (
                vec![point("2025-01", 10.0, None, None), point("2025-02", 40.0, Some(30.0), None)],
                "+30.0 points: +40.0 in 2025-02 (n = 100) against +10.0 in 2025-01 (n = 100); too few answers to test",
                Tone::Neutral,
            ),
        ];
        for (trend, text, tone) in cases {
            let spec = headline_figure(&summary, None, Some(&trend), &FigureContext::default(), &w);
            let change = headline_of(&spec).change.clone().unwrap();
            assert_eq!((change.text.as_str(), change.tone), (text, tone));
            assert!(spec.footnote.contains("Holm-adjusted across its changes"), "{}", spec.footnote);
        }
        let one = [point("2025-01", 10.0, None, None)];
        let spec = headline_figure(&summary, None, Some(&one), &FigureContext::default(), &w);
        assert!(headline_of(&spec).change.is_none(), "one period: nothing to compare");
    }
}
