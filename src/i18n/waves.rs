//! The words of the wave comparison and the sample-size planner (`compare` and `plan` on the
//! command line, the Compare view), in English, Dutch and Danish. Templates hold `{name}`
//! placeholders filled by [`super::fill`].

use super::Language;

/// Every text of the comparison of two waves and of the planner.
#[derive(Debug, serde::Serialize)]
pub struct WaveTexts {
    /// The two waves' files: `{previous}`, `{current}`.
    pub files: &'static str,
    /// Name of the previous wave.
    pub previous: &'static str,
    /// Name of this wave.
    pub current: &'static str,
    /// A wave's NPS: `{wave}`, `{nps}`, `{low}`, `{high}`, `{n}`.
    pub wave_line: &'static str,
    /// The overall change: `{change}`, `{low}`, `{high}`, `{p}`, `{test}`, `{verdict}`.
    pub change_line: &'static str,
    /// The smallest detectable change: `{mdd}`.
    pub detectable_line: &'static str,
    /// The change is below that: `{mdd}`.
    pub below_detectable: &'static str,
    /// Significant after Holm's correction.
    pub significant: &'static str,
    /// Not significant.
    pub not_significant: &'static str,
    /// Not tested (too few answers).
    pub not_tested: &'static str,
    /// Paired: `{m}` respondents in both waves.
    pub paired_line: &'static str,
    /// Respondents in both waves but tested as independent groups: `{m}`.
    pub in_both_line: &'static str,
    /// A share's change: `{group}`, `{previous}`, `{current}`, `{change}`, `{low}`, `{high}`, `{p}`.
    pub share_line: &'static str,
    /// A metric's change: `{column}`, `{previous}`, `{current}`, `{change}`, `{low}`, `{high}`, `{p}`.
    pub metric_line: &'static str,
    /// Heading of a column's segments: `{column}`.
    pub segments_heading: &'static str,
    /// Header row of the segments table.
    pub segment_header: [&'static str; 8],
    /// A column matched by its values: `{current}`, `{previous}`, `{shared}`.
    pub matched_by_values: &'static str,
    /// The planner: answers for a margin: `{n}`, `{margin}`.
    pub plan_margin: &'static str,
    /// The planner: answers per wave for a change: `{n}`, `{change}`.
    pub plan_change: &'static str,
    /// The split assumed: `{p}`, `{pa}`, `{d}`, `{variance}`.
    pub plan_split: &'static str,
    /// The worst case assumed.
    pub plan_worst_case: &'static str,
    /// After the finite-population correction: `{population}`.
    pub plan_population: &'static str,
    /// Invitations for a response rate: `{invitations}`, `{rate}`.
    pub plan_invitations: &'static str,
    /// How the plan was computed.
    pub plan_method: &'static str,
    /// The row of all answers.
    pub overall: &'static str,
    /// A segment's row when several columns are compared: `{column}`, `{value}`.
    pub segment_label: &'static str,
    /// Title of the figure of both waves.
    pub waves_title: &'static str,
    /// Its subtitle.
    pub waves_subtitle: &'static str,
    /// Title of the figure of the change.
    pub change_title: &'static str,
    /// Its subtitle.
    pub change_subtitle: &'static str,
    /// The change's axis.
    pub change_axis: &'static str,
    /// Category axis of both figures.
    pub segment_axis: &'static str,
    /// Legend: the previous wave's tick.
    pub legend_previous: &'static str,
    /// Legend: this wave's point.
    pub legend_current: &'static str,
    /// Legend: the change's point.
    pub legend_change: &'static str,
    /// Legend: the band of changes too small to detect.
    pub legend_detectable: &'static str,
    /// Legend: a significant change.
    pub legend_significant: &'static str,
    /// Legend: a change smaller than these sizes detect.
    pub legend_below: &'static str,
    /// Footnote: the two waves and their n: `{previous}`, `{n_previous}`, `{current}`, `{n_current}`.
    pub footnote_waves: &'static str,
    /// Footnote: how the change is tested.
    pub footnote_test: &'static str,
    /// Table title.
    pub table_title: &'static str,
    /// Table column: the column compared.
    pub col_column: &'static str,
    /// Table columns: n and NPS in the previous wave and in this one.
    pub col_previous_n: &'static str,
    /// NPS previous.
    pub col_previous_nps: &'static str,
    /// n now.
    pub col_current_n: &'static str,
    /// NPS now.
    pub col_current_nps: &'static str,
    /// The smallest detectable change.
    pub col_detectable: &'static str,
    /// The change is below it.
    pub col_below_detectable: &'static str,
    /// Tested as paired.
    pub col_paired: &'static str,
    /// The previous wave's interval.
    pub col_previous_low: &'static str,
    /// Upper bound.
    pub col_previous_high: &'static str,
    /// This wave's interval.
    pub col_current_low: &'static str,
    /// Upper bound.
    pub col_current_high: &'static str,
    /// The change's interval.
    pub col_change_low: &'static str,
    /// Upper bound.
    pub col_change_high: &'static str,
    /// Respondents in both waves.
    pub col_in_both: &'static str,
    /// The change in the promoters' share, points.
    pub col_promoters_change: &'static str,
    /// The change in the detractors' share, points.
    pub col_detractors_change: &'static str,
    /// Heading of the detractor themes of both waves.
    pub themes_heading: &'static str,
    /// One theme: `{theme}`, `{previous}`, `{current}`, `{change}`, `{low}`, `{high}`, `{p}`.
    pub theme_line: &'static str,
    /// Title of the themes' table.
    pub themes_table_title: &'static str,
    /// One segment's detractor themes: `{segment}`, `{previous_n}`, `{current_n}`.
    pub segment_themes_heading: &'static str,
    /// Heading and table title of the themes per segment.
    pub segment_themes_title: &'static str,
    /// The previous wave's file raked to this survey's margins: `{file}`, `{margins}`.
    pub previous_weighted: &'static str,
    /// The previous wave's file was read with the open project's roles: `{project}`.
    pub project_roles: &'static str,
    /// The project's roles do not fit the previous wave's file: `{project}`, `{reason}`.
    pub project_not_fit: &'static str,
    /// Table columns: the theme, and its share in each wave.
    pub col_theme: &'static str,
    /// The previous wave's share.
    pub col_previous_share: &'static str,
    /// This wave's share.
    pub col_current_share: &'static str,
    /// The source: two periods of this file.
    pub source_periods: &'static str,
    /// The source: another file.
    pub source_file: &'static str,
    /// Button: open the previous wave's file.
    pub choose_file: &'static str,
    /// The previous period's picker.
    pub previous_period: &'static str,
    /// This period's picker.
    pub current_period: &'static str,
    /// Periods cannot be compared.
    pub need_two_periods: &'static str,
    /// Before a file is chosen.
    pub no_file_yet: &'static str,
    /// While the file is read: `{file}`.
    pub reading_file: &'static str,
    /// Heading of the column matching.
    pub matching_heading: &'static str,
    /// Matching: this wave's column.
    pub col_this: &'static str,
    /// Matching: the previous wave's column.
    pub col_previous_column: &'static str,
    /// Matching: how it was found.
    pub col_found: &'static str,
    /// Found by the same header.
    pub found_header: &'static str,
    /// Found by values: `{shared}`.
    pub found_values: &'static str,
    /// Chosen by the user.
    pub found_chosen: &'static str,
    /// Not found.
    pub found_missing: &'static str,
    /// Combo entry: leave the column out.
    pub not_compared: &'static str,
    /// The filter is not applied to two files.
    pub file_filter_note: &'static str,
    /// The planner's heading.
    pub planner_heading: &'static str,
    /// Field: the margin.
    pub planner_margin: &'static str,
    /// Field: the change.
    pub planner_change: &'static str,
    /// Field: the expected split.
    pub planner_split: &'static str,
    /// Field: the customer base.
    pub planner_population: &'static str,
    /// Field: the response rate.
    pub planner_rate: &'static str,
    /// A field that is not a number: `{field}`.
    pub planner_invalid: &'static str,
    /// The view's line on what these sizes detect: `{mdd}`.
    pub detectable_here: &'static str,
}

impl WaveTexts {
    /// The texts of `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static WaveTexts {
        match language {
            Language::English => &ENGLISH,
            Language::Dutch => &DUTCH,
            Language::Danish => &DANISH,
        }
    }
}

/// English.
pub static ENGLISH: WaveTexts = WaveTexts {
    files: "Previous wave: {previous}  This wave: {current}",
    previous: "Previous wave",
    current: "This wave",
    wave_line: "{wave}: NPS {nps}  95% CI {low} to {high}  n = {n}",
    change_line: "Change: {change} points  95% CI {low} to {high}  p {p} ({test}): {verdict}",
    detectable_line: "Smallest change these sizes detect (80% power, 5% level): {mdd} points",
    below_detectable: "the change is smaller than the {mdd} points these sizes can detect",
    significant: "significant",
    not_significant: "not significant",
    not_tested: "not tested (fewer than 5 answers)",
    paired_line: "{m} respondents answered in both waves: tested as paired",
    in_both_line: "{m} respondents answered in both waves; as they are not nearly everyone in both (or the answers are weighted), the waves are tested as independent groups",
    share_line: "{group}: {previous} -> {current}  change {change} points (95% CI {low} to {high}, Holm p {p})",
    metric_line: "{column}: mean {previous} -> {current}  change {change} (95% CI {low} to {high}, p {p})",
    segments_heading: "By {column} (Holm's correction across every segment shown):",
    segment_header: ["Value", "n before", "NPS before", "n now", "NPS now", "Change", "95% CI", "Detectable"],
    matched_by_values: "'{current}' is '{previous}' in the previous wave ({shared} of the values in common)",
    plan_margin: "{n} answers for a 95% interval of +/-{margin} points",
    plan_change: "{n} answers per wave to detect a change of {change} points (80% power, 5% level, two-sided)",
    plan_split: "Expected split: {p}% promoters, {pa}% passives, {d}% detractors (variance {variance})",
    plan_worst_case: "Expected split unknown: the worst case (variance 1)",
    plan_population: "with the finite-population correction for {population} customers",
    plan_invitations: "{invitations} invitations at a {rate}% response rate",
    plan_method: "Adjusted Wald interval (n + 3); z = 1.959964 for 95%, 0.841621 for 80% power.",
    overall: "All answers",
    segment_label: "{column}: {value}",
    waves_title: "NPS this wave and the previous wave",
    waves_subtitle: "Points: this wave with its 95% interval · ticks: the previous wave",
    change_title: "Change since the previous wave",
    change_subtitle: "With its 95% interval · band: changes too small for these numbers of answers to detect",
    change_axis: "Change (NPS points)",
    segment_axis: "Segment",
    legend_previous: "Previous wave",
    legend_current: "This wave",
    legend_change: "Change",
    legend_detectable: "Smallest detectable change (80% power)",
    legend_significant: "Significant change (Holm)",
    legend_below: "Smaller than the detectable change",
    footnote_waves: "Previous wave: {previous}, n = {n_previous} · this wave: {current}, n = {n_current}",
    footnote_test: "change tested by the calibrated test (paired when the same respondents answered both), Holm across every segment shown",
    table_title: "Change since the previous wave",
    col_column: "Column",
    col_previous_n: "n before",
    col_previous_nps: "NPS before",
    col_current_n: "n now",
    col_current_nps: "NPS now",
    col_detectable: "Smallest detectable change",
    col_below_detectable: "Below detectable",
    col_paired: "Paired",
    col_previous_low: "NPS before, 95% low",
    col_previous_high: "NPS before, 95% high",
    col_current_low: "NPS now, 95% low",
    col_current_high: "NPS now, 95% high",
    col_change_low: "Change, 95% low",
    col_change_high: "Change, 95% high",
    col_in_both: "Respondents in both waves",
    col_promoters_change: "Promoters, change (points)",
    col_detractors_change: "Detractors, change (points)",
    themes_heading: "What detractors complain about, the previous wave against this one (% of the {previous_n} and {current_n} detractors with a comment; Holm across the themes):",
    theme_line: "{theme}: {previous} -> {current}  change {change} points (95% CI {low} to {high}, Holm p {p})",
    themes_table_title: "Detractor themes in both waves",
    segment_themes_heading: "{segment}: {previous_n} -> {current_n} detractors with a comment",
    segment_themes_title: "Detractor themes per segment (Holm across each segment's themes)",
    project_roles: "Read with the roles of the project {project}.",
    previous_weighted: "{file} is weighted to the same population margins ({margins}) as this survey:",
    project_not_fit: "The project {project} does not fit this file (missing: {reason}); it is read as the import finds it.",
    col_theme: "Theme",
    col_previous_share: "% of detractors before",
    col_current_share: "% of detractors now",
    source_periods: "Two periods of this file",
    source_file: "This file against the previous wave's file",
    choose_file: "Open previous wave…",
    previous_period: "Previous period",
    current_period: "This period",
    need_two_periods: "Comparing periods needs dated answers in at least two periods; open the previous wave's file instead.",
    no_file_yet: "Open the previous wave's export: its columns are matched with this file's by header, else by their values.",
    reading_file: "Reading {file}…",
    matching_heading: "Columns compared per value",
    col_this: "This wave",
    col_previous_column: "Previous wave",
    col_found: "Found by",
    found_header: "same header",
    found_values: "same values ({shared})",
    found_chosen: "chosen by you",
    found_missing: "not found: not compared",
    not_compared: "(not compared)",
    file_filter_note: "The filter is not applied when comparing two files: all answers of both waves are compared.",
    planner_heading: "Planner: how many answers?",
    planner_margin: "Margin ± (points)",
    planner_change: "Change to detect (points)",
    planner_split: "Expected split % (promoters, passives, detractors)",
    planner_population: "Customers (optional)",
    planner_rate: "Response rate % (optional)",
    planner_invalid: "{field}: type a number",
    detectable_here: "With these numbers of answers, a change smaller than {mdd} points is likely to go unseen.",
};

/// Dutch.
pub static DUTCH: WaveTexts = WaveTexts {
    files: "Vorige meting: {previous}  Deze meting: {current}",
    previous: "Vorige meting",
    current: "Deze meting",
    wave_line: "{wave}: NPS {nps}  95%-BI {low} tot {high}  n = {n}",
    change_line: "Verandering: {change} punten  95%-BI {low} tot {high}  p {p} ({test}): {verdict}",
    detectable_line: "Kleinste verandering die deze aantallen aantonen (80% onderscheidend vermogen, 5% niveau): {mdd} punten",
    below_detectable: "de verandering is kleiner dan de {mdd} punten die deze aantallen kunnen aantonen",
    significant: "significant",
    not_significant: "niet significant",
    not_tested: "niet getoetst (minder dan 5 antwoorden)",
    paired_line: "{m} respondenten antwoordden in beide metingen: gepaard getoetst",
    in_both_line: "{m} respondenten antwoordden in beide metingen; omdat dat niet vrijwel iedereen in beide is (of de antwoorden gewogen zijn), worden de metingen als onafhankelijke groepen getoetst",
    share_line: "{group}: {previous} -> {current}  verandering {change} punten (95%-BI {low} tot {high}, Holm p {p})",
    metric_line: "{column}: gemiddelde {previous} -> {current}  verandering {change} (95%-BI {low} tot {high}, p {p})",
    segments_heading: "Per {column} (Holm-correctie over alle getoonde segmenten):",
    segment_header: ["Waarde", "n vorige", "NPS vorige", "n nu", "NPS nu", "Verandering", "95%-BI", "Aantoonbaar"],
    matched_by_values: "'{current}' heet '{previous}' in de vorige meting ({shared} van de waarden gemeen)",
    plan_margin: "{n} antwoorden voor een 95%-interval van +/-{margin} punten",
    plan_change: "{n} antwoorden per meting om een verandering van {change} punten aan te tonen (80% onderscheidend vermogen, 5% niveau, tweezijdig)",
    plan_split: "Verwachte verdeling: {p}% promoters, {pa}% passives, {d}% criticasters (variantie {variance})",
    plan_worst_case: "Verwachte verdeling onbekend: het slechtste geval (variantie 1)",
    plan_population: "met de correctie voor een eindige populatie van {population} klanten",
    plan_invitations: "{invitations} uitnodigingen bij {rate}% respons",
    plan_method: "Aangepast Wald-interval (n + 3); z = 1,959964 voor 95%, 0,841621 voor 80% onderscheidend vermogen.",
    overall: "Alle antwoorden",
    segment_label: "{column}: {value}",
    waves_title: "NPS deze meting en de vorige meting",
    waves_subtitle: "Punten: deze meting met het 95%-interval · streepjes: de vorige meting",
    change_title: "Verandering sinds de vorige meting",
    change_subtitle: "Met het 95%-interval · band: veranderingen te klein om met deze aantallen antwoorden aan te tonen",
    change_axis: "Verandering (NPS-punten)",
    segment_axis: "Segment",
    legend_previous: "Vorige meting",
    legend_current: "Deze meting",
    legend_change: "Verandering",
    legend_detectable: "Kleinste aantoonbare verandering (80% onderscheidend vermogen)",
    legend_significant: "Significante verandering (Holm)",
    legend_below: "Kleiner dan de aantoonbare verandering",
    footnote_waves: "Vorige meting: {previous}, n = {n_previous} · deze meting: {current}, n = {n_current}",
    footnote_test: "verandering getoetst met de gekalibreerde toets (gepaard als dezelfde respondenten beide keren antwoordden), Holm over alle getoonde segmenten",
    table_title: "Verandering sinds de vorige meting",
    col_column: "Kolom",
    col_previous_n: "n vorige",
    col_previous_nps: "NPS vorige",
    col_current_n: "n nu",
    col_current_nps: "NPS nu",
    col_detectable: "Kleinste aantoonbare verandering",
    col_below_detectable: "Onder aantoonbaar",
    col_paired: "Gepaard",
    col_previous_low: "NPS vorige, 95% onder",
    col_previous_high: "NPS vorige, 95% boven",
    col_current_low: "NPS nu, 95% onder",
    col_current_high: "NPS nu, 95% boven",
    col_change_low: "Verandering, 95% onder",
    col_change_high: "Verandering, 95% boven",
    col_in_both: "Respondenten in beide metingen",
    col_promoters_change: "Promoters, verandering (punten)",
    col_detractors_change: "Criticasters, verandering (punten)",
    themes_heading: "Waar criticasters over klagen, vorige meting tegenover deze (% van de {previous_n} en {current_n} criticasters met een opmerking; Holm over de thema's):",
    theme_line: "{theme}: {previous} -> {current}  verandering {change} punten (95%-BI {low} tot {high}, Holm p {p})",
    themes_table_title: "Thema's van criticasters in beide metingen",
    segment_themes_heading: "{segment}: {previous_n} -> {current_n} criticasters met een opmerking",
    segment_themes_title: "Thema's van criticasters per segment (Holm over de thema's van elk segment)",
    project_roles: "Gelezen met de rollen van het project {project}.",
    previous_weighted: "{file} is gewogen naar dezelfde populatiemarges ({margins}) als deze enquête:",
    project_not_fit: "Het project {project} past niet bij dit bestand (ontbreekt: {reason}); het wordt gelezen zoals de import het vindt.",
    col_theme: "Thema",
    col_previous_share: "% criticasters vorige",
    col_current_share: "% criticasters nu",
    source_periods: "Twee perioden van dit bestand",
    source_file: "Dit bestand tegenover het bestand van de vorige meting",
    choose_file: "Vorige meting openen…",
    previous_period: "Vorige periode",
    current_period: "Deze periode",
    need_two_periods: "Perioden vergelijken vraagt antwoorden met een datum in minstens twee perioden; open anders het bestand van de vorige meting.",
    no_file_yet: "Open de export van de vorige meting: de kolommen worden gekoppeld aan die van dit bestand op kop, anders op hun waarden.",
    reading_file: "{file} wordt gelezen…",
    matching_heading: "Kolommen per waarde vergeleken",
    col_this: "Deze meting",
    col_previous_column: "Vorige meting",
    col_found: "Gevonden op",
    found_header: "zelfde kop",
    found_values: "zelfde waarden ({shared})",
    found_chosen: "door u gekozen",
    found_missing: "niet gevonden: niet vergeleken",
    not_compared: "(niet vergeleken)",
    file_filter_note: "Het filter geldt niet bij het vergelijken van twee bestanden: alle antwoorden van beide metingen worden vergeleken.",
    planner_heading: "Steekproefplanning: hoeveel antwoorden?",
    planner_margin: "Marge ± (punten)",
    planner_change: "Aan te tonen verandering (punten)",
    planner_split: "Verwachte verdeling % (promoters, passives, criticasters)",
    planner_population: "Klanten (optioneel)",
    planner_rate: "Respons % (optioneel)",
    planner_invalid: "{field}: typ een getal",
    detectable_here: "Met deze aantallen antwoorden blijft een verandering kleiner dan {mdd} punten waarschijnlijk onopgemerkt.",
};

/// Danish.
pub static DANISH: WaveTexts = WaveTexts {
    files: "Forrige måling: {previous}  Denne måling: {current}",
    previous: "Forrige måling",
    current: "Denne måling",
    wave_line: "{wave}: NPS {nps}  95%-KI {low} til {high}  n = {n}",
    change_line: "Ændring: {change} point  95%-KI {low} til {high}  p {p} ({test}): {verdict}",
    detectable_line: "Mindste ændring disse antal kan påvise (80% styrke, 5% niveau): {mdd} point",
    below_detectable: "ændringen er mindre end de {mdd} point, disse antal kan påvise",
    significant: "signifikant",
    not_significant: "ikke signifikant",
    not_tested: "ikke testet (færre end 5 svar)",
    paired_line: "{m} respondenter svarede i begge målinger: testet parret",
    in_both_line: "{m} respondenter svarede i begge målinger; da det ikke er næsten alle i begge (eller svarene er vægtede), testes målingerne som uafhængige grupper",
    share_line: "{group}: {previous} -> {current}  ændring {change} point (95%-KI {low} til {high}, Holm p {p})",
    metric_line: "{column}: gennemsnit {previous} -> {current}  ændring {change} (95%-KI {low} til {high}, p {p})",
    segments_heading: "Efter {column} (Holm-korrektion over alle viste segmenter):",
    segment_header: ["Værdi", "n før", "NPS før", "n nu", "NPS nu", "Ændring", "95%-KI", "Påviselig"],
    matched_by_values: "'{current}' hedder '{previous}' i den forrige måling ({shared} af værdierne fælles)",
    plan_margin: "{n} svar for et 95%-interval på +/-{margin} point",
    plan_change: "{n} svar pr. måling for at påvise en ændring på {change} point (80% styrke, 5% niveau, tosidet)",
    plan_split: "Forventet fordeling: {p}% promotorer, {pa}% passive, {d}% kritikere (varians {variance})",
    plan_worst_case: "Forventet fordeling ukendt: det værste tilfælde (varians 1)",
    plan_population: "med korrektion for en endelig population på {population} kunder",
    plan_invitations: "{invitations} invitationer ved {rate}% svarprocent",
    plan_method: "Justeret Wald-interval (n + 3); z = 1,959964 for 95%, 0,841621 for 80% styrke.",
    overall: "Alle svar",
    segment_label: "{column}: {value}",
    waves_title: "NPS denne måling og den forrige måling",
    waves_subtitle: "Punkter: denne måling med 95 %-intervallet · streger: den forrige måling",
    change_title: "Ændring siden den forrige måling",
    change_subtitle: "Med 95 %-intervallet · bånd: ændringer for små til at påvise med disse antal svar",
    change_axis: "Ændring (NPS-point)",
    segment_axis: "Segment",
    legend_previous: "Forrige måling",
    legend_current: "Denne måling",
    legend_change: "Ændring",
    legend_detectable: "Mindste påviselige ændring (80 % styrke)",
    legend_significant: "Signifikant ændring (Holm)",
    legend_below: "Mindre end den påviselige ændring",
    footnote_waves: "Forrige måling: {previous}, n = {n_previous} · denne måling: {current}, n = {n_current}",
    footnote_test: "ændringen testet med den kalibrerede test (parret når de samme respondenter svarede begge gange), Holm over alle viste segmenter",
    table_title: "Ændring siden den forrige måling",
    col_column: "Kolonne",
    col_previous_n: "n før",
    col_previous_nps: "NPS før",
    col_current_n: "n nu",
    col_current_nps: "NPS nu",
    col_detectable: "Mindste påviselige ændring",
    col_below_detectable: "Under påviselig",
    col_paired: "Parret",
    col_previous_low: "NPS før, 95 % nedre",
    col_previous_high: "NPS før, 95 % øvre",
    col_current_low: "NPS nu, 95 % nedre",
    col_current_high: "NPS nu, 95 % øvre",
    col_change_low: "Ændring, 95 % nedre",
    col_change_high: "Ændring, 95 % øvre",
    col_in_both: "Respondenter i begge målinger",
    col_promoters_change: "Promotorer, ændring (point)",
    col_detractors_change: "Kritikere, ændring (point)",
    themes_heading: "Hvad kritikere klager over, forrige måling over for denne (% af de {previous_n} og {current_n} kritikere med en kommentar; Holm over temaerne):",
    theme_line: "{theme}: {previous} -> {current}  ændring {change} point (95%-KI {low} til {high}, Holm p {p})",
    themes_table_title: "Kritikeres temaer i begge målinger",
    segment_themes_heading: "{segment}: {previous_n} -> {current_n} kritikere med en kommentar",
    segment_themes_title: "Kritikeres temaer efter segment (Holm over temaerne i hvert segment)",
    project_roles: "Læst med rollerne fra projektet {project}.",
    previous_weighted: "{file} er vægtet til de samme populationsmarginer ({margins}) som denne undersøgelse:",
    project_not_fit: "Projektet {project} passer ikke til denne fil (mangler: {reason}); den læses, som importen finder den.",
    col_theme: "Tema",
    col_previous_share: "% kritikere før",
    col_current_share: "% kritikere nu",
    source_periods: "To perioder af denne fil",
    source_file: "Denne fil over for den forrige målings fil",
    choose_file: "Åbn forrige måling…",
    previous_period: "Forrige periode",
    current_period: "Denne periode",
    need_two_periods: "Sammenligning af perioder kræver daterede svar i mindst to perioder; åbn ellers den forrige målings fil.",
    no_file_yet: "Åbn den forrige målings eksport: kolonnerne kobles til denne fils efter overskrift, ellers efter deres værdier.",
    reading_file: "Læser {file}…",
    matching_heading: "Kolonner sammenlignet pr. værdi",
    col_this: "Denne måling",
    col_previous_column: "Forrige måling",
    col_found: "Fundet ved",
    found_header: "samme overskrift",
    found_values: "samme værdier ({shared})",
    found_chosen: "valgt af dig",
    found_missing: "ikke fundet: ikke sammenlignet",
    not_compared: "(ikke sammenlignet)",
    file_filter_note: "Filteret gælder ikke ved sammenligning af to filer: alle svar fra begge målinger sammenlignes.",
    planner_heading: "Planlægger: hvor mange svar?",
    planner_margin: "Fejlmargin ± (point)",
    planner_change: "Ændring at påvise (point)",
    planner_split: "Forventet fordeling % (promotorer, passive, kritikere)",
    planner_population: "Kunder (valgfrit)",
    planner_rate: "Svarprocent % (valgfri)",
    planner_invalid: "{field}: skriv et tal",
    detectable_here: "Med disse antal svar vil en ændring mindre end {mdd} point sandsynligvis ikke blive opdaget.",
};
