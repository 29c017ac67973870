//! What detractors complain about: the themes figure (complaints only) and the table (every
//! mention, with its complaints and praise), and the words for a theme's share and
//! representation.

use super::*;

/// How many themes the exported themes chart shows.
const THEMES_SHOWN: usize = 10;

/// How many of the top complaint themes get a slide of quotes in the deck.
const QUOTE_SLIDES: usize = 3;

/// Longest quote on a slide, in words (three fit the slide at its type size).
const QUOTE_WORDS: usize = 45;

/// `text` cut after `words` words, with an ellipsis when cut.
fn shortened(text: &str, words: usize) -> String {
    let all: Vec<&str> = text.split_whitespace().collect();
    if all.len() <= words { all.join(" ") } else { format!("{} …", all[..words].join(" ")) }
}

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
    // A comment that complains about two themes is quoted once.
    let mut used: Vec<u32> = Vec::new();
    summary
        .complaints
        .iter()
        .filter(|r| r.stats.detractors.mentions > 0)
        .filter_map(|r| {
            let fresh: Vec<&crate::analysis::Quote> =
                r.quotes.iter().filter(|q| q.score <= 6 && !used.contains(&q.position)).collect();
            used.extend(fresh.iter().map(|q| q.position));
            let quotes: Vec<String> =
                fresh.iter().map(|q| shortened(&anonymise(&q.text), QUOTE_WORDS)).filter(|q| !q.is_empty()).collect();
            if quotes.is_empty() {
                return None;
            }
            let line = share_in(tt.top_theme_line, &r.stats.detractors, t);
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

/// A comment fit to show a client, as far as patterns can tell: e-mail addresses, Dutch
/// postcodes, and numbers of six or more digits (phone, customer, order and account numbers;
/// groups joined by spaces, dashes or an area code in brackets, a leading `+`, letters glued to
/// them) become `[…]`. Dates (`12-03-2024`, `2024-03-12`), year spans, times and prices stay.
/// Names are not found: the quote slides say so.
#[must_use]
pub fn anonymise(text: &str) -> String {
    const GONE: &str = "[…]";
    let words: Vec<&str> = text.split_whitespace().collect();
    let core = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@').to_owned();
    let is_letters = |w: &str, n: usize| w.chars().count() == n && w.chars().all(|c| c.is_ascii_uppercase());
    let mut kept: Vec<String> = Vec::with_capacity(words.len());
    let mut skip = false;
    for (k, word) in words.iter().enumerate() {
        if std::mem::take(&mut skip) {
            continue;
        }
        let c = core(word);
        let postcode = c.len() == 6 && c[..4].bytes().all(|b| b.is_ascii_digit()) && is_letters(&c[4..], 2);
        let split_postcode = c.len() == 4
            && c.bytes().all(|b| b.is_ascii_digit())
            && words.get(k + 1).is_some_and(|next| is_letters(&core(next), 2));
        if c.contains('@') && c.contains('.') || postcode {
            kept.push(word.replace(&c, GONE));
        } else if split_postcode {
            let next = words[k + 1];
            kept.push(next.replace(&core(next), GONE));
            skip = true;
        } else {
            kept.push((*word).to_owned());
        }
    }
    let joined = kept.join(" ");
    let chars: Vec<char> = joined.chars().collect();
    let digit = |at: usize| chars.get(at).is_some_and(char::is_ascii_digit);
    let mut out = String::with_capacity(joined.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = digit(i) || matches!(chars[i], '+' | '(') && digit(i + 1);
        if !starts || i > 0 && chars[i - 1].is_alphanumeric() && !digit(i) {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // The run: digits, joined by a space, a dash or brackets before more digits.
        let mut end = i;
        let mut j = i;
        let mut groups: Vec<usize> = vec![0];
        let mut separators = String::new();
        while j < chars.len() {
            if digit(j) {
                *groups.last_mut().unwrap_or(&mut 0) += 1;
                end = j + 1;
            } else if matches!(chars[j], ' ' | '-' | '(' | ')' | '+')
                && (digit(j + 1) || chars[j] == ')' && chars.get(j + 1) == Some(&' ') && digit(j + 2))
            {
                if groups.last().is_some_and(|&g| g > 0) {
                    groups.push(0);
                    separators.push(chars[j]);
                }
            } else {
                break;
            }
            j += 1;
        }
        let digits: usize = groups.iter().sum();
        let dashes = !separators.is_empty() && separators.chars().all(|c| c == '-');
        let date_like = dashes && matches!(groups[..], [1..=2, 1..=2, 2 | 4] | [4, 2, 2] | [4, 4] | [4, 2]);
        if digits >= 6 && !date_like {
            // Letters glued before or after the number are part of it ("KL1234567").
            let glued_start = out.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |p| p + 1);
            if out[glued_start..].chars().all(char::is_alphanumeric) {
                out.truncate(glued_start);
            }
            out.push_str(GONE);
            let mut k = end;
            while chars.get(k).is_some_and(|c| c.is_alphanumeric()) {
                k += 1;
            }
            i = k;
        } else {
            out.extend(&chars[i..end.max(i + 1)]);
            i = end.max(i + 1);
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
    share_in(tt.share_with_interval, share, t)
}

/// `template` filled with a group's share, its interval and n (`{share}`, `{low}`, `{high}`,
/// `{n}`): the one way a theme's share is written, in the table, the Overview and the deck.
#[must_use]
pub fn share_in(template: &str, share: &crate::themes::Share, t: &crate::i18n::Texts) -> String {
    fill(
        template,
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
            ("Bestelling van 12-03-2024, pas 2024-03-20 bezorgd", "Bestelling van 12-03-2024, pas 2024-03-20 bezorgd"),
            ("Bezorgd tussen 10.00-14.00, klant sinds 2019-2024", "Bezorgd tussen 10.00-14.00, klant sinds 2019-2024"),
            ("Huis kostte € 125.000 meer", "Huis kostte € 125.000 meer"),
            ("Ring (020) 123 4567 or <piet@example.com>", "Ring […] or <[…]>"),
            ("Ik woon op 1234 AB, nr 12; ook 5678CD", "Ik woon op […], nr 12; ook […]"),
            ("IBAN NL91 ABNA 0417 1643 00", "IBAN NL91 ABNA […]"),
            ("  Too   slow ", "Too slow"),
        ] {
            assert_eq!(anonymise(comment), shown, "{comment}");
        }
    }
}
