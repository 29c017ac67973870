//! The words the window shows, in English, Dutch and Danish.
//!
//! Owns every user-facing string of the app; screens look texts up here and never hard-code
//! them. A struct (not a map) so that a missing translation fails to compile.

use serde::{Deserialize, Serialize};

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Nederlands.
    Dutch,
    /// Dansk.
    Danish,
}

impl Language {
    /// Every language, in menu order.
    pub const ALL: [Self; 3] = [Self::English, Self::Dutch, Self::Danish];

    /// The language's own name.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Dutch => "Nederlands",
            Self::Danish => "Dansk",
        }
    }

    /// The texts of this language.
    #[must_use]
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::English => &ENGLISH,
            Self::Dutch => &DUTCH,
            Self::Danish => &DANISH,
        }
    }
}

/// Every text of the window. Templates hold `{name}` placeholders filled by [`fill`].
#[derive(Debug)]
pub struct Texts {
    /// Decimal separator of numbers shown.
    pub decimal: char,
    pub menu_file: &'static str,
    pub open: &'static str,
    pub open_sample: &'static str,
    pub recent: &'static str,
    pub no_recent: &'static str,
    pub clear_recent: &'static str,
    pub quit: &'static str,
    pub menu_view: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    pub language: &'static str,
    pub menu_help: &'static str,
    pub about: &'static str,
    pub about_body: &'static str,
    pub close: &'static str,
    pub loading: &'static str,
    pub cancel: &'static str,
    pub error_title: &'static str,
    pub error_kept: &'static str,
    pub dismiss: &'static str,
    pub drop_here: &'static str,
    pub nothing_open: &'static str,
    pub nps: &'static str,
    pub interval: &'static str,
    pub n_responses: &'static str,
    pub promoters: &'static str,
    pub passives: &'static str,
    pub detractors: &'static str,
    pub mean: &'static str,
    pub mean_detail: &'static str,
    pub share_detail: &'static str,
    pub distribution_title: &'static str,
    pub responses_axis: &'static str,
    pub score_axis: &'static str,
    pub footnote: &'static str,
    pub source_line: &'static str,
    pub excluded_notice: &'static str,
    pub nothing_excluded: &'static str,
    pub exclusions_title: &'static str,
    pub reason: &'static str,
    pub rows: &'static str,
    pub examples: &'static str,
    pub row: &'static str,
    pub reason_blank: &'static str,
    pub reason_not_a_number: &'static str,
    pub reason_not_whole: &'static str,
    pub reason_out_of_range: &'static str,
    pub exclusions_note: &'static str,
    pub review_import: &'static str,
    pub review_title: &'static str,
    pub continue_to_analysis: &'static str,
    pub sheet: &'static str,
    pub layout: &'static str,
    pub preview: &'static str,
    pub role_of: &'static str,
    pub rows_left_out: &'static str,
    pub merged_columns: &'static str,
    pub quality: &'static str,
    pub quality_line: &'static str,
    pub no_exclusions: &'static str,
    pub role_hint: &'static str,
    pub role_score: &'static str,
    pub role_grade: &'static str,
    pub role_csat: &'static str,
    pub role_ces_agree: &'static str,
    pub role_ces_effort: &'static str,
    pub role_sector: &'static str,
    pub role_segment: &'static str,
    pub role_date: &'static str,
    pub role_comment: &'static str,
    pub role_id: &'static str,
    pub role_weight: &'static str,
    pub role_ignore: &'static str,
}

/// English texts.
pub static ENGLISH: Texts = Texts {
    decimal: '.',
    menu_file: "File",
    open: "Open…",
    open_sample: "Open sample survey",
    recent: "Recent files",
    no_recent: "No recent files",
    clear_recent: "Clear list",
    quit: "Quit",
    menu_view: "View",
    theme_system: "Follow system theme",
    theme_light: "Light theme",
    theme_dark: "Dark theme",
    language: "Language",
    menu_help: "Help",
    about: "About NPS Workbench",
    about_body: "NPS Workbench analyses customer-survey spreadsheets on this computer. Nothing is ever sent anywhere.\n\nNet Promoter, NPS and Net Promoter Score are trademarks of Bain & Company, Inc., Satmetrix Systems, Inc. (now NICE) and Fred Reichheld.",
    close: "Close",
    loading: "Loading {file}…",
    cancel: "Cancel",
    error_title: "Could not open the file",
    error_kept: "The survey shown before is still open.",
    dismiss: "Dismiss",
    drop_here: "Drop a survey file to open it",
    nothing_open: "Open a survey file (File › Open…) or drop one onto this window.",
    nps: "Net Promoter Score",
    interval: "95% CI {low} to {high}",
    n_responses: "n = {n}",
    promoters: "Promoters (9-10)",
    passives: "Passives (7-8)",
    detractors: "Detractors (0-6)",
    mean: "Mean score (0-10)",
    mean_detail: "of {n} answers",
    share_detail: "{count} of {n}",
    distribution_title: "Score distribution (0-10)",
    responses_axis: "Responses",
    score_axis: "Score",
    footnote: "n = {n} · NPS {nps} (95% CI {low} to {high}, adjusted Wald) · {file}",
    source_line: "{file} · score column '{column}' · {used} of {read} rows used",
    excluded_notice: "{count} rows excluded — show reasons",
    nothing_excluded: "No rows excluded",
    exclusions_title: "Excluded rows",
    reason: "Reason",
    rows: "Rows",
    examples: "Examples",
    row: "row",
    reason_blank: "No answer (blank)",
    reason_not_a_number: "Text, not a number",
    reason_not_whole: "Not a whole number",
    reason_out_of_range: "Outside 0-10",
    exclusions_note: "Excluded rows are left out of n; they are never counted as detractors. Row numbers are as in the spreadsheet (header = row {header}).",
    review_import: "Review import…",
    review_title: "Check the import",
    continue_to_analysis: "Continue to the analysis",
    sheet: "Sheet",
    layout: "Layout: {layout}",
    preview: "First rows as read (row numbers as in the file)",
    role_of: "Role of column {column}",
    rows_left_out: "Left out: {titles} title row(s) above the header; totals or notes in row(s) {rows}.",
    merged_columns: "'{column}': {n} choice columns read as one column.",
    quality: "Data quality",
    quality_line: "{read} rows read · {used} used · {excluded} excluded",
    no_exclusions: "No rows excluded.",
    role_hint: "Change a column's role if it was detected wrongly; the analysis is redone at once.",
    role_score: "NPS score (0-10)",
    role_grade: "Grade (1-10)",
    role_csat: "CSAT (1-5)",
    role_ces_agree: "CES (1-7, agree)",
    role_ces_effort: "CES (1-5, effort)",
    role_sector: "Sector",
    role_segment: "Segment",
    role_date: "Date",
    role_comment: "Comment",
    role_id: "Respondent id",
    role_weight: "Weight",
    role_ignore: "Ignore",
};

/// Dutch texts.
pub static DUTCH: Texts = Texts {
    decimal: ',',
    menu_file: "Bestand",
    open: "Openen…",
    open_sample: "Voorbeeldenquête openen",
    recent: "Recente bestanden",
    no_recent: "Geen recente bestanden",
    clear_recent: "Lijst wissen",
    quit: "Afsluiten",
    menu_view: "Beeld",
    theme_system: "Systeemthema volgen",
    theme_light: "Licht thema",
    theme_dark: "Donker thema",
    language: "Taal",
    menu_help: "Help",
    about: "Over NPS Workbench",
    about_body: "NPS Workbench analyseert klantenquêtes op deze computer. Er wordt nooit iets verzonden.\n\nNet Promoter, NPS en Net Promoter Score zijn handelsmerken van Bain & Company, Inc., Satmetrix Systems, Inc. (nu NICE) en Fred Reichheld.",
    close: "Sluiten",
    loading: "{file} laden…",
    cancel: "Annuleren",
    error_title: "Het bestand kan niet worden geopend",
    error_kept: "De vorige enquête blijft geopend.",
    dismiss: "Sluiten",
    drop_here: "Laat een enquêtebestand los om het te openen",
    nothing_open: "Open een enquêtebestand (Bestand › Openen…) of sleep het naar dit venster.",
    nps: "Net Promoter Score",
    interval: "95%-BI {low} tot {high}",
    n_responses: "n = {n}",
    promoters: "Promoters (9-10)",
    passives: "Passives (7-8)",
    detractors: "Criticasters (0-6)",
    mean: "Gemiddelde score (0-10)",
    mean_detail: "van {n} antwoorden",
    share_detail: "{count} van {n}",
    distribution_title: "Verdeling van de scores (0-10)",
    responses_axis: "Antwoorden",
    score_axis: "Score",
    footnote: "n = {n} · NPS {nps} (95%-BI {low} tot {high}, aangepaste Wald) · {file}",
    source_line: "{file} · scorekolom '{column}' · {used} van {read} rijen gebruikt",
    excluded_notice: "{count} rijen uitgesloten — redenen tonen",
    nothing_excluded: "Geen rijen uitgesloten",
    exclusions_title: "Uitgesloten rijen",
    reason: "Reden",
    rows: "Rijen",
    examples: "Voorbeelden",
    row: "rij",
    reason_blank: "Geen antwoord (leeg)",
    reason_not_a_number: "Tekst, geen getal",
    reason_not_whole: "Geen geheel getal",
    reason_out_of_range: "Buiten 0-10",
    exclusions_note: "Uitgesloten rijen tellen niet mee in n; ze worden nooit als criticaster geteld. Rijnummers zoals in het spreadsheet (kop = rij {header}).",
    review_import: "Import controleren…",
    review_title: "Controleer de import",
    continue_to_analysis: "Verder naar de analyse",
    sheet: "Werkblad",
    layout: "Opmaak: {layout}",
    preview: "Eerste rijen zoals ingelezen (rijnummers als in het bestand)",
    role_of: "Rol van kolom {column}",
    rows_left_out: "Weggelaten: {titles} titelrij(en) boven de kop; totalen of notities in rij(en) {rows}.",
    merged_columns: "'{column}': {n} keuzekolommen als één kolom gelezen.",
    quality: "Datakwaliteit",
    quality_line: "{read} rijen gelezen · {used} gebruikt · {excluded} uitgesloten",
    no_exclusions: "Geen rijen uitgesloten.",
    role_hint: "Wijzig de rol van een kolom als die verkeerd herkend is; de analyse wordt meteen opnieuw gemaakt.",
    role_score: "NPS-score (0-10)",
    role_grade: "Rapportcijfer (1-10)",
    role_csat: "CSAT (1-5)",
    role_ces_agree: "CES (1-7, eens)",
    role_ces_effort: "CES (1-5, moeite)",
    role_sector: "Sector",
    role_segment: "Segment",
    role_date: "Datum",
    role_comment: "Opmerking",
    role_id: "Respondent-id",
    role_weight: "Gewicht",
    role_ignore: "Negeren",
};

/// Danish texts.
pub static DANISH: Texts = Texts {
    decimal: ',',
    menu_file: "Filer",
    open: "Åbn…",
    open_sample: "Åbn eksempelundersøgelse",
    recent: "Seneste filer",
    no_recent: "Ingen seneste filer",
    clear_recent: "Ryd listen",
    quit: "Afslut",
    menu_view: "Vis",
    theme_system: "Følg systemets tema",
    theme_light: "Lyst tema",
    theme_dark: "Mørkt tema",
    language: "Sprog",
    menu_help: "Hjælp",
    about: "Om NPS Workbench",
    about_body: "NPS Workbench analyserer kundeundersøgelser på denne computer. Intet bliver nogensinde sendt.\n\nNet Promoter, NPS og Net Promoter Score er varemærker tilhørende Bain & Company, Inc., Satmetrix Systems, Inc. (nu NICE) og Fred Reichheld.",
    close: "Luk",
    loading: "Indlæser {file}…",
    cancel: "Annuller",
    error_title: "Filen kunne ikke åbnes",
    error_kept: "Den forrige undersøgelse er stadig åben.",
    dismiss: "Luk",
    drop_here: "Slip en undersøgelsesfil for at åbne den",
    nothing_open: "Åbn en undersøgelsesfil (Filer › Åbn…) eller træk den hen på vinduet.",
    nps: "Net Promoter Score",
    interval: "95%-KI {low} til {high}",
    n_responses: "n = {n}",
    promoters: "Promotorer (9-10)",
    passives: "Passive (7-8)",
    detractors: "Kritikere (0-6)",
    mean: "Gennemsnitlig score (0-10)",
    mean_detail: "af {n} svar",
    share_detail: "{count} af {n}",
    distribution_title: "Fordeling af scorer (0-10)",
    responses_axis: "Svar",
    score_axis: "Score",
    footnote: "n = {n} · NPS {nps} (95%-KI {low} til {high}, justeret Wald) · {file}",
    source_line: "{file} · scorekolonne '{column}' · {used} af {read} rækker brugt",
    excluded_notice: "{count} rækker udeladt — vis årsager",
    nothing_excluded: "Ingen rækker udeladt",
    exclusions_title: "Udeladte rækker",
    reason: "Årsag",
    rows: "Rækker",
    examples: "Eksempler",
    row: "række",
    reason_blank: "Intet svar (tom)",
    reason_not_a_number: "Tekst, ikke et tal",
    reason_not_whole: "Ikke et helt tal",
    reason_out_of_range: "Uden for 0-10",
    exclusions_note: "Udeladte rækker tæller ikke med i n og regnes aldrig som kritikere. Rækkenumre som i regnearket (overskrift = række {header}).",
    review_import: "Kontrollér import…",
    review_title: "Kontrollér importen",
    continue_to_analysis: "Videre til analysen",
    sheet: "Ark",
    layout: "Layout: {layout}",
    preview: "Første rækker som indlæst (rækkenumre som i filen)",
    role_of: "Rolle for kolonne {column}",
    rows_left_out: "Udeladt: {titles} titelrække(r) over overskriften; totaler eller noter i række(r) {rows}.",
    merged_columns: "'{column}': {n} valgkolonner læst som én kolonne.",
    quality: "Datakvalitet",
    quality_line: "{read} rækker læst · {used} brugt · {excluded} udeladt",
    no_exclusions: "Ingen rækker udeladt.",
    role_hint: "Ret en kolonnes rolle, hvis den er genkendt forkert; analysen laves straks igen.",
    role_score: "NPS-score (0-10)",
    role_grade: "Karakter (1-10)",
    role_csat: "CSAT (1-5)",
    role_ces_agree: "CES (1-7, enig)",
    role_ces_effort: "CES (1-5, indsats)",
    role_sector: "Branche",
    role_segment: "Segment",
    role_date: "Dato",
    role_comment: "Kommentar",
    role_id: "Respondent-id",
    role_weight: "Vægt",
    role_ignore: "Ignorér",
};

impl Texts {
    /// A number with `decimals` decimals and this language's decimal separator.
    #[must_use]
    pub fn number(&self, value: f64, decimals: usize) -> String {
        self.localise(format!("{value:.decimals$}"))
    }

    /// A signed NPS-style number (`+23.4`, `-5.0`, `0.0`) with this language's separator.
    #[must_use]
    pub fn signed(&self, value: f64) -> String {
        self.localise(crate::cli::signed(value))
    }

    /// A percentage with one decimal (`45.1%`).
    #[must_use]
    pub fn percent(&self, value: f64) -> String {
        format!("{}%", self.number(value, 1))
    }

    fn localise(&self, text: String) -> String {
        if self.decimal == '.' { text } else { text.replace('.', &self.decimal.to_string()) }
    }
}

/// Fills `{name}` placeholders of a template.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_and_danish_use_a_decimal_comma() {
        assert_eq!(ENGLISH.signed(23.44), "+23.4");
        assert_eq!(DUTCH.signed(23.44), "+23,4");
        assert_eq!(DANISH.percent(45.06), "45,1%");
    }

    #[test]
    fn placeholders_are_filled_in_every_language() {
        for language in Language::ALL {
            let t = language.texts();
            let text = fill(t.interval, &[("low", "+1.0"), ("high", "+9.0")]);
            assert!(text.contains("+1.0") && text.contains("+9.0") && !text.contains('{'), "{text}");
            assert!(t.about_body.contains("Bain & Company") && t.about_body.contains("Reichheld"));
            assert!(t.signed(23.44).starts_with("+23"));
        }
    }
}
