//! What detractors complain about: the themes figure (complaints only) and the table (every
//! mention, with its complaints and praise), and the words for a theme's share and
//! representation.

use super::*;

/// How many themes the exported themes chart shows.
const THEMES_SHOWN: usize = 10;

/// How many of the top complaint themes get a slide of quotes in the deck.
const QUOTE_SLIDES: usize = 3;

/// A slide of quotes for each of the three themes detractors complain about most: their
/// detractors' own words (score 0-6, complaints only), anonymised with [`anonymise`], and the
/// theme's share of detractors with its interval and n.
#[must_use]
pub fn quote_slides(
    summary: &ThemeSummary,
    language: crate::themes::Language,
    w: &Words,
    tt: &ThemeTexts,
) -> Vec<crate::chart::QuoteSlide> {
    let t = w.texts;
    summary
        .complaints
        .iter()
        .filter(|r| r.stats.detractors.mentions > 0)
        .filter_map(|r| {
            let quotes: Vec<String> = r
                .quotes
                .iter()
                .filter(|q| q.score <= 6)
                .map(|q| anonymise(&q.text))
                .filter(|q| !q.is_empty())
                .collect();
            if quotes.is_empty() {
                return None;
            }
            let share = &r.stats.detractors;
            let line = fill(
                tt.top_theme_line,
                &[
                    ("share", &t.percent(100.0 * share.share)),
                    ("low", &t.number(100.0 * share.interval.low, 1)),
                    ("high", &t.percent(100.0 * share.interval.high)),
                    ("n", &t.count(share.respondents)),
                ],
            );
            let label = r.labels.get(language);
            Some(crate::chart::QuoteSlide {
                title: fill(tt.deck_quotes_title, &[("theme", label)]),
                quotes,
                footnote: format!("{} \u{b7} {label}: {line}", tt.quotes_note),
            })
        })
        .take(QUOTE_SLIDES)
        .collect()
}

/// A comment fit to show a client: e-mail addresses, and numbers of six or more digits (phone
/// and customer numbers, order IDs; spaces, dashes, dots and a leading `+` between them allowed),
/// become `[…]`; the rest is kept as written, whitespace collapsed.
#[must_use]
pub fn anonymise(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|word| {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            if core.contains('@') && core.contains('.') { word.replace(core, "[…]") } else { word.to_owned() }
        })
        .collect();
    // Digits that run across spaces or separators ("06 12 34 56 78", "+45-12.34.56.78").
    let joined = words.join(" ");
    let chars: Vec<char> = joined.chars().collect();
    let mut out = String::with_capacity(joined.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() || chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let mut end = i;
            let mut digits = 0;
            let mut j = i;
            while j < chars.len() {
                if chars[j].is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if !(matches!(chars[j], ' ' | '-' | '.' | '/' | '+')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit))
                {
                    break;
                }
                j += 1;
            }
            let glued = i > 0 && chars[i - 1].is_alphanumeric() || chars.get(end).is_some_and(|c| c.is_alphanumeric());
            if digits >= 6 && !glued {
                out.push_str("[…]");
            } else if digits >= 6 {
                // An ID with letters ("KL123456"): the whole word goes.
                let start = out
                    .rfind(|c: char| !c.is_alphanumeric())
                    .map_or(0, |p| p + out[p..].chars().next().map_or(1, char::len_utf8));
                out.truncate(start);
                out.push_str("[…]");
                let mut k = end;
                while chars.get(k).is_some_and(|c| c.is_alphanumeric()) {
                    k += 1;
                }
                end = k;
            } else {
                out.extend(&chars[i..end.max(i + 1)]);
                i = end.max(i + 1);
                continue;
            }
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

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

#[cfg(test)]
mod tests {
    use super::anonymise;

    #[test]
    fn quotes_lose_addresses_phone_and_customer_numbers_and_keep_the_rest() {
        for (comment, shown) in [
            ("Mail me at jan.de.vries@example.nl, thanks", "Mail me at […], thanks"),
            ("Bel 06-12345678 of +45 12 34 56 78 graag", "Bel […] of […] graag"),
            ("Order KL1234567 never arrived!", "Order […] never arrived!"),
            ("Kundenummer: 88123456.", "Kundenummer: […]."),
            ("Waited 3 weeks and paid 49.95 for 2 items", "Waited 3 weeks and paid 49.95 for 2 items"),
            ("  Too   slow ", "Too slow"),
        ] {
            assert_eq!(anonymise(comment), shown, "{comment}");
        }
    }
}
