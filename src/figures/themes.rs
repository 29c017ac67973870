//! What detractors complain about: the themes figure (complaints only) and the table (every
//! mention, with its complaints and praise), and the words for a theme's share and
//! representation.

use super::*;

/// How many themes the exported themes chart shows.
const THEMES_SHOWN: usize = 10;

/// The share of detractors complaining about each theme (the most first), with Wilson 95%
/// whiskers; `None` when no theme is complained about.
#[must_use]
pub fn themes_figure(
    summary: &ThemeSummary,
    language: crate::themes::Language,
    context: &FigureContext,
    w: &Words,
    tt: &ThemeTexts,
) -> Option<ChartSpec> {
    if summary.complaints.is_empty() {
        return None;
    }
    let rows: Vec<ThemeRow> = summary
        .complaints
        .iter()
        .take(THEMES_SHOWN)
        .map(|r| {
            let d = &r.stats.detractors;
            let label = r.labels.get(language);
            ThemeRow {
                theme: if r.stats.over_represented { format!("{label} *") } else { label.to_owned() },
                mentions: d.mentions,
                share_pct: 100.0 * d.share,
                low_pct: 100.0 * d.interval.low,
                high_pct: 100.0 * d.interval.high,
                label: share_label(d, w.texts, tt),
            }
        })
        .collect();
    // Shares of detractors: n is the detractors with a comment, and the interval is Wilson's.
    let mut note = footnote(summary.group_sizes[0], &[], context, w).replacen(
        w.export.footnote_interval,
        w.export.footnote_interval_wilson,
        1,
    );
    note.push_str(" \u{b7} ");
    note.push_str(tt.over_mark);
    let text = ChartText {
        title: tt.chart_title,
        subtitle: "",
        category_title: tt.col_theme,
        value_title: tt.chart_axis,
        footnote: &note,
        thousands: w.texts.thousands(),
    };
    Some(themes_chart(&rows, &text, &w.legend()))
}

/// Every theme mentioned: mentions, the shares of each group with intervals, over-representation
/// among detractors and the NPS with and without the theme.
#[must_use]
pub fn themes_table(summary: &ThemeSummary, language: crate::themes::Language, w: &Words, tt: &ThemeTexts) -> Table {
    let columns = vec![
        Column::new(tt.col_theme, ColumnKind::Text),
        Column::new(tt.col_mentions, ColumnKind::Integer),
        Column::new(tt.col_complaints, ColumnKind::Integer),
        Column::new(tt.col_praise, ColumnKind::Integer),
        Column::new(tt.col_detractors, PERCENT),
        Column::new(w.export.col_low, PERCENT),
        Column::new(w.export.col_high, PERCENT),
        Column::new(tt.col_passives, PERCENT),
        Column::new(tt.col_promoters, PERCENT),
        Column::new(w.export.col_representation, ColumnKind::Text),
        Column::new(w.export.col_representation_p, ColumnKind::Number { decimals: 4 }),
        Column::new(w.export.col_representation_p_adjusted, ColumnKind::Number { decimals: 4 }),
        Column::new(tt.col_nps_with, NPS),
        Column::new(tt.col_nps_without, NPS),
        Column::new(w.export.col_impact, NPS),
        Column::new(w.export.col_impact_low, NPS),
        Column::new(w.export.col_impact_high, NPS),
        Column::new(w.export.col_impact_p, ColumnKind::Number { decimals: 4 }),
        Column::new(w.export.col_impact_p_adjusted, ColumnKind::Number { decimals: 4 }),
    ];
    let rows = summary
        .themes
        .iter()
        .map(|r| {
            let st = &r.stats;
            vec![
                Cell::from(r.labels.get(language)),
                r.mentions.into(),
                r.negative.into(),
                r.positive.into(),
                (100.0 * st.detractors.share).into(),
                (100.0 * st.detractors.interval.low).into(),
                (100.0 * st.detractors.interval.high).into(),
                (100.0 * st.passives.share).into(),
                (100.0 * st.promoters.share).into(),
                representation_word(st.representation, w).into(),
                st.test.map(|t| t.p_value).into(),
                st.test.map(|_| st.p_holm).into(),
                r.with.as_ref().map(|s| s.nps).into(),
                r.without.as_ref().map(|s| s.nps).into(),
                r.impact.map(|i| i.impact).into(),
                r.impact.map(|i| i.ci_low).into(),
                r.impact.map(|i| i.ci_high).into(),
                r.impact.map(|i| i.p_value).into(),
                r.nps_p_adjusted.into(),
            ]
        })
        .collect();
    Table { title: tt.chart_title.to_owned(), columns, rows }
}

/// A group's share mentioning a theme, its 95% interval and n, as the chart and the table write
/// it: `40.9% (36.4-45.6%) of 435`.
#[must_use]
pub fn share_label(share: &crate::themes::Share, t: &crate::i18n::Texts, tt: &ThemeTexts) -> String {
    fill(
        tt.share_with_interval,
        &[
            ("share", &t.percent(100.0 * share.share)),
            ("low", &t.number(100.0 * share.interval.low, 1)),
            ("high", &t.percent(100.0 * share.interval.high)),
            ("n", &t.count(share.respondents)),
        ],
    )
}

/// A theme's representation among detractors in words.
#[must_use]
pub fn representation_word(r: crate::themes::Representation, w: &Words) -> &'static str {
    let [over, under, none] = w.export.representation;
    match r {
        crate::themes::Representation::Over => over,
        crate::themes::Representation::Under => under,
        crate::themes::Representation::None => none,
    }
}
