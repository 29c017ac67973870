//! The words of the Themes view, the Overview's top themes and the codebook editor, in English,
//! Dutch and Danish.
//!
//! Kept apart from [`super::i18n::Texts`] so that the themes work does not edit the big shared
//! struct; looked up with [`ThemeTexts::of`]. Templates hold `{name}` placeholders filled by
//! [`super::i18n::fill`].

use super::i18n::Language;

/// Every text of the Themes view.
#[derive(Debug)]
#[allow(missing_docs)]
pub struct ThemeTexts {
    pub tab_themes: &'static str,
    pub reading_comments: &'static str,
    pub no_comments: &'static str,
    pub no_theme_found: &'static str,
    pub chart_title: &'static str,
    pub chart_axis: &'static str,
    pub chart_footnote: &'static str,
    pub weighted_note: &'static str,
    pub col_theme: &'static str,
    pub col_mentions: &'static str,
    pub col_detractors: &'static str,
    pub col_passives: &'static str,
    pub col_promoters: &'static str,
    pub col_over: &'static str,
    pub col_nps_with: &'static str,
    pub col_nps_without: &'static str,
    pub over_mark: &'static str,
    pub table_note: &'static str,
    pub share_with_interval: &'static str,
    pub quotes_title: &'static str,
    pub quote_line: &'static str,
    pub no_quotes: &'static str,
    pub show_theme_responses: &'static str,
    pub discovered_title: &'static str,
    pub discovered_note: &'static str,
    pub col_phrase: &'static str,
    pub col_language: &'static str,
    pub col_z: &'static str,
    pub covered_by: &'static str,
    pub make_theme: &'static str,
    pub codebook_title: &'static str,
    pub codebook_note: &'static str,
    pub add_theme: &'static str,
    pub new_theme_label: &'static str,
    pub label_in: &'static str,
    pub keywords_in: &'static str,
    pub merge_into: &'static str,
    pub remove_theme: &'static str,
    pub import_codebook: &'static str,
    pub export_codebook: &'static str,
    pub reset_codebook: &'static str,
    pub top_themes_title: &'static str,
    pub top_theme_line: &'static str,
    pub responses_of_theme: &'static str,
    pub mentioned_by: &'static str,
}

impl ThemeTexts {
    /// The texts of `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static ThemeTexts {
        match language {
            Language::English => &THEMES_ENGLISH,
            Language::Dutch => &THEMES_DUTCH,
            Language::Danish => &THEMES_DANISH,
        }
    }
}

/// English.
pub static THEMES_ENGLISH: ThemeTexts = ThemeTexts {
    tab_themes: "Themes",
    reading_comments: "Reading the comments…",
    no_comments: "This file has no comment column, so there are no themes to show.",
    no_theme_found: "No comment kept by the filter mentions a theme of the codebook.",
    chart_title: "What detractors talk about",
    chart_axis: "% of detractors mentioning the theme",
    chart_footnote: "{n} respondents with a comment ({detractors} detractors); bars: share of detractors mentioning each theme, whiskers: 95% Wilson interval; {file}",
    weighted_note: "Weighted: shares use the weights, intervals Kish's effective n.",
    col_theme: "Theme",
    col_mentions: "Mentions",
    col_detractors: "Detractors",
    col_passives: "Passives",
    col_promoters: "Promoters",
    col_over: "Detractors vs others",
    col_nps_with: "NPS with",
    col_nps_without: "NPS without",
    over_mark: "* more among detractors",
    table_note: "Shares: % of each group (with a comment) mentioning the theme, 95% interval and n. * = mentioned more by detractors than by passives and promoters (two-proportion test, Holm across themes, 5%). NPS with/without: those who mention the theme against the other commenters, 95% interval.",
    share_with_interval: "{share} ({low}–{high}) of {n}",
    quotes_title: "Quotes: {theme}",
    quote_line: "Row {row}, score {score}",
    no_quotes: "No quotes for this theme under the filter.",
    show_theme_responses: "Show all {count} responses",
    discovered_title: "Words and phrases detractors use more than promoters",
    discovered_note: "Log-odds with an informative Dirichlet prior (z); phrases no theme covers yet can become a theme.",
    col_phrase: "Phrase",
    col_language: "Language",
    col_z: "z",
    covered_by: "in {theme}",
    make_theme: "Make theme",
    codebook_title: "Codebook",
    codebook_note: "Themes and their keywords per language (comma-separated). Saved in the settings folder; comments are read again after each change.",
    add_theme: "Add theme",
    new_theme_label: "New theme",
    label_in: "Label ({language})",
    keywords_in: "Keywords ({language})",
    merge_into: "Merge into…",
    remove_theme: "Remove",
    import_codebook: "Import codebook…",
    export_codebook: "Export codebook…",
    reset_codebook: "Restore the default codebook",
    top_themes_title: "Top detractor themes",
    top_theme_line: "{share} of detractors ({low}–{high}), n = {n}",
    responses_of_theme: "mentioning {theme}",
    mentioned_by: "Mentioned by {count}",
};

/// Dutch.
pub static THEMES_DUTCH: ThemeTexts = ThemeTexts {
    tab_themes: "Thema's",
    reading_comments: "De opmerkingen worden gelezen…",
    no_comments: "Dit bestand heeft geen kolom met opmerkingen, dus er zijn geen thema's te tonen.",
    no_theme_found: "Geen opmerking binnen het filter noemt een thema uit het codeboek.",
    chart_title: "Waar criticasters over praten",
    chart_axis: "% criticasters dat het thema noemt",
    chart_footnote: "{n} respondenten met een opmerking ({detractors} criticasters); balken: aandeel criticasters dat het thema noemt, strepen: 95%-Wilson-interval; {file}",
    weighted_note: "Gewogen: aandelen gebruiken de gewichten, intervallen de effectieve n van Kish.",
    col_theme: "Thema",
    col_mentions: "Vermeldingen",
    col_detractors: "Criticasters",
    col_passives: "Passieven",
    col_promoters: "Promotors",
    col_over: "Criticasters vs anderen",
    col_nps_with: "NPS met",
    col_nps_without: "NPS zonder",
    over_mark: "* vaker bij criticasters",
    table_note: "Aandelen: % van elke groep (met een opmerking) dat het thema noemt, 95%-interval en n. * = vaker genoemd door criticasters dan door passieven en promotors (toets op twee proporties, Holm over de thema's, 5%). NPS met/zonder: wie het thema noemt tegenover de andere respondenten met een opmerking, 95%-interval.",
    share_with_interval: "{share} ({low}–{high}) van {n}",
    quotes_title: "Citaten: {theme}",
    quote_line: "Rij {row}, score {score}",
    no_quotes: "Geen citaten voor dit thema binnen het filter.",
    show_theme_responses: "Toon alle {count} antwoorden",
    discovered_title: "Woorden en zinsdelen die criticasters vaker gebruiken dan promotors",
    discovered_note: "Log-odds met een informatieve Dirichlet-prior (z); zinsdelen die nog geen thema dekt, kunnen een thema worden.",
    col_phrase: "Zinsdeel",
    col_language: "Taal",
    col_z: "z",
    covered_by: "in {theme}",
    make_theme: "Maak thema",
    codebook_title: "Codeboek",
    codebook_note: "Thema's en hun trefwoorden per taal (gescheiden door komma's). Opgeslagen in de map met instellingen; na elke wijziging worden de opmerkingen opnieuw gelezen.",
    add_theme: "Thema toevoegen",
    new_theme_label: "Nieuw thema",
    label_in: "Naam ({language})",
    keywords_in: "Trefwoorden ({language})",
    merge_into: "Samenvoegen met…",
    remove_theme: "Verwijderen",
    import_codebook: "Codeboek importeren…",
    export_codebook: "Codeboek exporteren…",
    reset_codebook: "Standaardcodeboek herstellen",
    top_themes_title: "Belangrijkste thema's van criticasters",
    top_theme_line: "{share} van de criticasters ({low}–{high}), n = {n}",
    responses_of_theme: "die {theme} noemen",
    mentioned_by: "Genoemd door {count}",
};

/// Danish.
pub static THEMES_DANISH: ThemeTexts = ThemeTexts {
    tab_themes: "Temaer",
    reading_comments: "Kommentarerne læses…",
    no_comments: "Filen har ingen kolonne med kommentarer, så der er ingen temaer at vise.",
    no_theme_found: "Ingen kommentar i filteret nævner et tema fra kodebogen.",
    chart_title: "Hvad kritikerne taler om",
    chart_axis: "% af kritikerne, der nævner temaet",
    chart_footnote: "{n} besvarelser med en kommentar ({detractors} kritikere); søjler: andel af kritikerne, der nævner temaet, streger: 95 %-Wilson-interval; {file}",
    weighted_note: "Vægtet: andele bruger vægtene, intervaller Kish' effektive n.",
    col_theme: "Tema",
    col_mentions: "Omtaler",
    col_detractors: "Kritikere",
    col_passives: "Passive",
    col_promoters: "Anbefalere",
    col_over: "Kritikere mod andre",
    col_nps_with: "NPS med",
    col_nps_without: "NPS uden",
    over_mark: "* oftere blandt kritikere",
    table_note: "Andele: % af hver gruppe (med en kommentar), der nævner temaet, 95 %-interval og n. * = nævnt oftere af kritikere end af passive og anbefalere (test af to andele, Holm på tværs af temaerne, 5 %). NPS med/uden: dem, der nævner temaet, mod de øvrige med en kommentar, 95 %-interval.",
    share_with_interval: "{share} ({low}–{high}) af {n}",
    quotes_title: "Citater: {theme}",
    quote_line: "Række {row}, score {score}",
    no_quotes: "Ingen citater for dette tema i filteret.",
    show_theme_responses: "Vis alle {count} besvarelser",
    discovered_title: "Ord og vendinger, som kritikere bruger oftere end anbefalere",
    discovered_note: "Log-odds med en informativ Dirichlet-prior (z); vendinger, som intet tema dækker endnu, kan blive et tema.",
    col_phrase: "Vending",
    col_language: "Sprog",
    col_z: "z",
    covered_by: "i {theme}",
    make_theme: "Lav tema",
    codebook_title: "Kodebog",
    codebook_note: "Temaer og deres nøgleord pr. sprog (adskilt af kommaer). Gemt i mappen med indstillinger; kommentarerne læses igen efter hver ændring.",
    add_theme: "Tilføj tema",
    new_theme_label: "Nyt tema",
    label_in: "Navn ({language})",
    keywords_in: "Nøgleord ({language})",
    merge_into: "Flet ind i…",
    remove_theme: "Fjern",
    import_codebook: "Importér kodebog…",
    export_codebook: "Eksportér kodebog…",
    reset_codebook: "Gendan standardkodebogen",
    top_themes_title: "Kritikernes vigtigste temaer",
    top_theme_line: "{share} af kritikerne ({low}–{high}), n = {n}",
    responses_of_theme: "der nævner {theme}",
    mentioned_by: "Nævnt af {count}",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text as (field name, text), from the Debug form (so a new field is never missed).
    fn texts(t: &ThemeTexts) -> Vec<(String, String)> {
        let debug = format!("{t:#?}");
        debug
            .lines()
            .filter_map(|line| {
                let (name, value) = line.trim().split_once(": ")?;
                let value = value.trim_end_matches(',');
                let value: String = serde_json::from_str(value).ok()?;
                Some((name.to_owned(), value))
            })
            .collect()
    }

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> =
            text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned())).collect();
        found.sort();
        found
    }

    #[test]
    fn every_translation_has_the_placeholders_of_the_english_text() {
        let english = texts(&THEMES_ENGLISH);
        assert!(english.len() >= 40, "all fields read: {}", english.len());
        for language in [Language::Dutch, Language::Danish] {
            let other = texts(ThemeTexts::of(language));
            assert_eq!(other.len(), english.len());
            for ((name, en), (other_name, text)) in english.iter().zip(&other) {
                assert_eq!(name, other_name);
                assert!(!text.trim().is_empty(), "{language:?} {name} is empty");
                assert_eq!(placeholders(en), placeholders(text), "{language:?} {name}: {text}");
            }
        }
    }
}
