//! The words of projects (File › Save project…, Open project…, what happened when a project was
//! applied or refused) and of the response rate (Overview, Segments, exports, `report`), in
//! English, Dutch and Danish.
//!
//! A struct of its own beside [`crate::i18n::Texts`]; looked up with [`ProjectTexts::of`] or
//! through the `project` field of a language's `Texts`. Templates hold `{name}` placeholders
//! filled by [`crate::i18n::fill`].

use crate::analysis::{RateProblem, ResponseRate};
use crate::i18n::{Language, fill};

/// Every text of projects and response rates.
#[derive(Debug, serde::Serialize)]
#[allow(missing_docs)]
pub struct ProjectTexts {
    /// Between groups of three digits in counts (`4,500`).
    pub thousands: char,
    pub save_project: &'static str,
    pub open_project: &'static str,
    pub project_saved: &'static str,
    pub project_applied: &'static str,
    pub project_same_file: &'static str,
    pub project_new_columns: &'static str,
    pub notice_project_open_failed: &'static str,
    pub notice_project_save_failed: &'static str,
    pub notice_project_refused: &'static str,
    pub notice_invited_failed: &'static str,
    pub nothing_to_save: &'static str,
    pub rate_title: &'static str,
    pub rate_line: &'static str,
    pub rate_counts: &'static str,
    pub rate_cell: &'static str,
    pub rate_far_below: &'static str,
    pub rate_more_than_invited: &'static str,
    pub rate_none_invited: &'static str,
    pub rate_no_count: &'static str,
    pub col_response_rate: &'static str,
    pub col_rate_low: &'static str,
    pub col_rate_high: &'static str,
    pub col_invited: &'static str,
    pub col_responses: &'static str,
    pub col_far_below: &'static str,
    pub table_response_rate: &'static str,
    pub overall: &'static str,
    pub invited_title: &'static str,
    pub invited_total: &'static str,
    pub invited_by: &'static str,
    pub invited_by_none: &'static str,
    pub invited_value: &'static str,
    pub invited_import: &'static str,
    pub invited_clear: &'static str,
    pub invited_hint: &'static str,
    pub invitations_button: &'static str,
    pub invited_not_a_number: &'static str,
    pub flag_low_response: &'static str,
    pub project_in_use: &'static str,
    pub status_open: &'static str,
    pub status_contacted: &'static str,
    pub status_resolved: &'static str,
    pub col_themes: &'static str,
    pub col_status: &'static str,
    pub col_note: &'static str,
    pub search_comments: &'static str,
    pub search_hint: &'static str,
    pub show_contacts: &'static str,
    pub no_contacts: &'static str,
    pub follow_up_list: &'static str,
    pub follow_up_title: &'static str,
    pub read_hint: &'static str,
    pub status_label: &'static str,
    pub note_hint: &'static str,
    pub marks_by_row: &'static str,
    pub marks_by_row_large: &'static str,
    pub respondent_line: &'static str,
    pub themes_line: &'static str,
    pub contacts_line: &'static str,
    pub close_details: &'static str,
}

impl ProjectTexts {
    /// The texts of `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static ProjectTexts {
        match language {
            Language::English => &PROJECT_ENGLISH,
            Language::Dutch => &PROJECT_DUTCH,
            Language::Danish => &PROJECT_DANISH,
        }
    }

    /// A count with grouped thousands: `4,500` (English), `4.500` (Dutch, Danish).
    #[must_use]
    pub fn count(&self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(self.thousands);
            }
            out.push(c);
        }
        out
    }

    /// "53.3% of 4,500 invited answered (95% CI 51.9% to 54.8%)", with `percent` formatting a
    /// percentage in the user's language.
    #[must_use]
    pub fn rate_sentence(&self, rate: &ResponseRate, percent: impl Fn(f64) -> String) -> String {
        fill(
            self.rate_line,
            &[
                ("rate", &percent(rate.rate_pct)),
                ("invited", &self.count(rate.invited)),
                ("low", &percent(rate.ci_low_pct)),
                ("high", &percent(rate.ci_high_pct)),
            ],
        )
    }

    /// Why a rate is not shown, in words.
    #[must_use]
    pub fn problem(&self, problem: &RateProblem) -> String {
        match problem {
            RateProblem::MoreResponsesThanInvited { responses, invited } => fill(
                self.rate_more_than_invited,
                &[("responses", &self.count(*responses)), ("invited", &self.count(*invited))],
            ),
            RateProblem::NoneInvited => self.rate_none_invited.to_owned(),
            RateProblem::NoInvitedCount { responses } => {
                fill(self.rate_no_count, &[("responses", &self.count(*responses))])
            }
        }
    }
}

/// English.
pub static PROJECT_ENGLISH: ProjectTexts = ProjectTexts {
    thousands: ',',
    save_project: "Save project…",
    open_project: "Open project…",
    project_saved: "Project saved: {file}",
    project_applied: "Project {project} applied to {file} (made on {made_on}).",
    project_same_file: "Project {project} applied: the same file as when it was saved.",
    project_new_columns: "Columns the project does not know, their roles detected: {columns}.",
    notice_project_open_failed: "Could not open the project",
    notice_project_save_failed: "Could not save the project",
    notice_project_refused: "The project does not fit this file",
    notice_invited_failed: "Could not import the invited counts",
    nothing_to_save: "Open a survey file first: a project keeps how a file is analysed.",
    rate_title: "Response rate",
    rate_line: "{rate} of {invited} invited answered (95% CI {low} to {high})",
    rate_counts: "Responses: every respondent row in the file, including rows whose score is blank or invalid; the filter is not applied.",
    rate_cell: "{rate} of {invited}",
    rate_far_below: "{value} answered far less often than the rest (its 95% interval lies below their rate and its rate is under half of theirs): non-response can bias its NPS.",
    rate_more_than_invited: "{responses} responses but only {invited} invited: check the invited count",
    rate_none_invited: "0 invited",
    rate_no_count: "no invited count ({responses} responses)",
    col_response_rate: "Response rate",
    col_rate_low: "Response rate, 95% lower bound",
    col_rate_high: "Response rate, 95% upper bound",
    col_invited: "Invited",
    col_responses: "Responses",
    col_far_below: "Far below the rest",
    table_response_rate: "Response rate",
    overall: "Overall",
    invited_title: "Invitations",
    invited_total: "Invited in total",
    invited_by: "Invited per value of",
    invited_by_none: "(none)",
    invited_value: "Value",
    invited_import: "Import invited counts…",
    invited_clear: "Clear",
    invited_hint: "How many people were asked to answer, for the response rate. Type the numbers, or import a two-column table (value, number invited).",
    invitations_button: "Invitations…",
    invited_not_a_number: "not a whole number",
    flag_low_response: "low response",
    project_in_use: "Project: {project}",
    status_open: "Open",
    status_contacted: "Contacted",
    status_resolved: "Resolved",
    col_themes: "Themes",
    col_status: "Follow-up",
    col_note: "Note",
    search_comments: "Search comments",
    search_hint: "Search the comments…",
    show_contacts: "Show contact details",
    no_contacts: "The file has no contact columns (e-mail, phone, customer number, name).",
    follow_up_list: "Follow-up list",
    follow_up_title: "Follow-up list",
    read_hint: "Click a row to read it whole and mark the follow-up.",
    status_label: "Follow-up",
    note_hint: "What was said or done",
    marks_by_row: "The file has no respondent ID column: marks hold for this file only.",
    marks_by_row_large: "The file is too large to keep its respondent IDs in memory: marks hold for this file only.",
    respondent_line: "Row {row} · score {score}",
    themes_line: "Themes: {themes}",
    contacts_line: "Contact: {contacts}",
    close_details: "Close",
};

/// Nederlands.
pub static PROJECT_DUTCH: ProjectTexts = ProjectTexts {
    thousands: '.',
    save_project: "Project opslaan…",
    open_project: "Project openen…",
    project_saved: "Project opgeslagen: {file}",
    project_applied: "Project {project} toegepast op {file} (gemaakt op {made_on}).",
    project_same_file: "Project {project} toegepast: hetzelfde bestand als bij het opslaan.",
    project_new_columns: "Kolommen die het project niet kent, rol automatisch bepaald: {columns}.",
    notice_project_open_failed: "Project kon niet worden geopend",
    notice_project_save_failed: "Project kon niet worden opgeslagen",
    notice_project_refused: "Het project past niet bij dit bestand",
    notice_invited_failed: "Aantallen genodigden konden niet worden geïmporteerd",
    nothing_to_save: "Open eerst een enquêtebestand: een project legt vast hoe een bestand wordt geanalyseerd.",
    rate_title: "Respons",
    rate_line: "{rate} van de {invited} genodigden heeft gereageerd (95%-BI {low} tot {high})",
    rate_counts: "Reacties: elke rij met een respondent in het bestand, ook als de score leeg of ongeldig is; het filter telt hier niet mee.",
    rate_cell: "{rate} van {invited}",
    rate_far_below: "{value} reageerde veel minder vaak dan de rest (het 95%-interval ligt onder hun respons en de respons is minder dan de helft): non-respons kan de NPS vertekenen.",
    rate_more_than_invited: "{responses} reacties maar slechts {invited} genodigden: controleer het aantal genodigden",
    rate_none_invited: "0 genodigden",
    rate_no_count: "geen aantal genodigden ({responses} reacties)",
    col_response_rate: "Respons",
    col_rate_low: "Respons, 95%-ondergrens",
    col_rate_high: "Respons, 95%-bovengrens",
    col_invited: "Genodigden",
    col_responses: "Reacties",
    col_far_below: "Ver onder de rest",
    table_response_rate: "Respons",
    overall: "Totaal",
    invited_title: "Uitnodigingen",
    invited_total: "Totaal uitgenodigd",
    invited_by: "Uitgenodigd per waarde van",
    invited_by_none: "(geen)",
    invited_value: "Waarde",
    invited_import: "Aantallen genodigden importeren…",
    invited_clear: "Wissen",
    invited_hint: "Hoeveel mensen zijn gevraagd te antwoorden, voor de respons. Typ de aantallen, of importeer een tabel met twee kolommen (waarde, aantal genodigden).",
    invitations_button: "Uitnodigingen…",
    invited_not_a_number: "geen geheel getal",
    flag_low_response: "lage respons",
    project_in_use: "Project: {project}",
    status_open: "Open",
    status_contacted: "Benaderd",
    status_resolved: "Opgelost",
    col_themes: "Thema's",
    col_status: "Opvolging",
    col_note: "Notitie",
    search_comments: "Zoek in opmerkingen",
    search_hint: "Zoek in de opmerkingen…",
    show_contacts: "Contactgegevens tonen",
    no_contacts: "Het bestand heeft geen contactkolommen (e-mail, telefoon, klantnummer, naam).",
    follow_up_list: "Opvolglijst",
    follow_up_title: "Opvolglijst",
    read_hint: "Klik op een rij om haar helemaal te lezen en de opvolging te markeren.",
    status_label: "Opvolging",
    note_hint: "Wat er besproken of gedaan is",
    marks_by_row: "Het bestand heeft geen respondent-ID-kolom: markeringen gelden alleen voor dit bestand.",
    marks_by_row_large: "Het bestand is te groot om de respondent-ID's in het geheugen te houden: markeringen gelden alleen voor dit bestand.",
    respondent_line: "Rij {row} · score {score}",
    themes_line: "Thema's: {themes}",
    contacts_line: "Contact: {contacts}",
    close_details: "Sluiten",
};

/// Dansk.
pub static PROJECT_DANISH: ProjectTexts = ProjectTexts {
    thousands: '.',
    save_project: "Gem projekt…",
    open_project: "Åbn projekt…",
    project_saved: "Projekt gemt: {file}",
    project_applied: "Projektet {project} er anvendt på {file} (lavet på {made_on}).",
    project_same_file: "Projektet {project} er anvendt: samme fil som da det blev gemt.",
    project_new_columns: "Kolonner, projektet ikke kender, med automatisk fundne roller: {columns}.",
    notice_project_open_failed: "Projektet kunne ikke åbnes",
    notice_project_save_failed: "Projektet kunne ikke gemmes",
    notice_project_refused: "Projektet passer ikke til denne fil",
    notice_invited_failed: "Antal inviterede kunne ikke importeres",
    nothing_to_save: "Åbn først en spørgeskemafil: et projekt gemmer, hvordan en fil analyseres.",
    rate_title: "Svarprocent",
    rate_line: "{rate} af {invited} inviterede har svaret (95 %-KI {low} til {high})",
    rate_counts: "Besvarelser: hver række med en respondent i filen, også når scoren er tom eller ugyldig; filteret indgår ikke.",
    rate_cell: "{rate} af {invited}",
    rate_far_below: "{value} svarede langt sjældnere end resten (95 %-intervallet ligger under deres svarprocent, og svarprocenten er under det halve): bortfald kan skævvride NPS'en.",
    rate_more_than_invited: "{responses} besvarelser, men kun {invited} inviterede: kontrollér antallet af inviterede",
    rate_none_invited: "0 inviterede",
    rate_no_count: "intet antal inviterede ({responses} besvarelser)",
    col_response_rate: "Svarprocent",
    col_rate_low: "Svarprocent, 95 %-nedre grænse",
    col_rate_high: "Svarprocent, 95 %-øvre grænse",
    col_invited: "Inviterede",
    col_responses: "Besvarelser",
    col_far_below: "Langt under resten",
    table_response_rate: "Svarprocent",
    overall: "I alt",
    invited_title: "Invitationer",
    invited_total: "Inviterede i alt",
    invited_by: "Inviterede pr. værdi af",
    invited_by_none: "(ingen)",
    invited_value: "Værdi",
    invited_import: "Importér antal inviterede…",
    invited_clear: "Ryd",
    invited_hint: "Hvor mange der blev bedt om at svare, til svarprocenten. Skriv tallene, eller importér en tabel med to kolonner (værdi, antal inviterede).",
    invitations_button: "Invitationer…",
    invited_not_a_number: "ikke et helt tal",
    flag_low_response: "lav svarprocent",
    project_in_use: "Projekt: {project}",
    status_open: "Åben",
    status_contacted: "Kontaktet",
    status_resolved: "Løst",
    col_themes: "Temaer",
    col_status: "Opfølgning",
    col_note: "Note",
    search_comments: "Søg i kommentarer",
    search_hint: "Søg i kommentarerne…",
    show_contacts: "Vis kontaktoplysninger",
    no_contacts: "Filen har ingen kontaktkolonner (e-mail, telefon, kundenummer, navn).",
    follow_up_list: "Opfølgningsliste",
    follow_up_title: "Opfølgningsliste",
    read_hint: "Klik på en række for at læse den helt og markere opfølgningen.",
    status_label: "Opfølgning",
    note_hint: "Hvad der blev sagt eller gjort",
    marks_by_row: "Filen har ingen respondent-ID-kolonne: markeringer gælder kun for denne fil.",
    marks_by_row_large: "Filen er for stor til at holde respondent-ID'erne i hukommelsen: markeringer gælder kun for denne fil.",
    respondent_line: "Række {row} · score {score}",
    themes_line: "Temaer: {themes}",
    contacts_line: "Kontakt: {contacts}",
    close_details: "Luk",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_per_language() {
        assert_eq!(PROJECT_ENGLISH.count(4_500), "4,500");
        assert_eq!(PROJECT_DUTCH.count(1_234_567), "1.234.567");
        assert_eq!(PROJECT_DANISH.count(999), "999");
        let rate = ResponseRate::of(2_400, 4_500).unwrap();
        let percent = |v: f64| format!("{v:.1}%");
        assert_eq!(
            PROJECT_ENGLISH.rate_sentence(&rate, percent),
            "53.3% of 4,500 invited answered (95% CI 51.9% to 54.8%)"
        );
    }
}
