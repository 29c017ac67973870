//! The words of the command line's text output (`report` and `themes` without `--json`), in
//! English, Dutch and Danish; the JSON output stays language-neutral. Shared words (group names,
//! verdicts, caveats, exclusion reasons) come from [`super::Texts`].

use super::Language;

/// Every text of the CLI's tables. Templates hold `{name}` placeholders filled by [`super::fill`].
#[derive(Debug, serde::Serialize)]
pub struct CliTexts {
    /// How a workbook was read.
    pub read_sheet: &'static str,
    /// How a text file was read.
    pub read_text: &'static str,
    /// First line: file, how read, layout, header row.
    pub source: &'static str,
    /// A note line.
    pub note: &'static str,
    /// Hint after dates whose day and month cannot be told apart.
    pub hint_date_order: &'static str,
    /// Hint after a skipped weight column.
    pub hint_weight: &'static str,
    /// Rows read, used and excluded.
    pub score_line: &'static str,
    /// One exclusion reason.
    pub excluded_line: &'static str,
    /// An example row of an exclusion.
    pub example: &'static str,
    /// The overall NPS.
    pub nps_line: &'static str,
    /// The three groups and the mean.
    pub shares_line: &'static str,
    /// A weighted file.
    pub weighted_line: &'static str,
    /// A benchmark comparison.
    pub benchmark_line: &'static str,
    /// A caveat under a benchmark.
    pub benchmark_note: &'static str,
    /// The caveat "the data's region is not given", with the flag that gives it.
    pub region_unset: &'static str,
    /// The caveat "B2B or B2C is not given", with the flag that gives it.
    pub audience_unset: &'static str,
    /// Row label of the 0-10 scores.
    pub score_row: &'static str,
    /// Row label of the counts per score.
    pub count_row: &'static str,
    /// A CES, CSAT or grade line.
    pub metric_line: &'static str,
    /// Heading of a breakdown.
    pub by: &'static str,
    /// An interval in a table cell.
    pub range: &'static str,
    /// Column: % promoters.
    pub share_p: &'static str,
    /// Column: % passives.
    pub share_pa: &'static str,
    /// Column: % detractors.
    pub share_d: &'static str,
    /// A period without answers.
    pub no_answers: &'static str,
    /// First line of the themes output.
    pub themes_header: &'static str,
    /// The codebook the comments were read with: `{preset}`.
    pub themes_codebook: &'static str,
    /// Suffix of a weighted themes header.
    pub weighted: &'static str,
    /// Themes column.
    pub col_theme: &'static str,
    /// Themes column.
    pub col_mentions: &'static str,
    /// Themes table: mentions that complain, and that praise.
    pub col_complaints: &'static str,
    pub col_praise: &'static str,
    /// Themes column.
    pub col_detractor_share: &'static str,
    /// Themes column.
    pub col_passive_share: &'static str,
    /// Themes column.
    pub col_promoter_share: &'static str,
    /// Themes column.
    pub col_nps_with: &'static str,
    /// Themes column.
    pub col_nps_without: &'static str,
    /// Themes column.
    pub col_over: &'static str,
    /// Column header: a theme's impact on the NPS with its 95% interval.
    pub col_impact: &'static str,
    /// Over-represented mark.
    pub over_yes: &'static str,
    /// Mark for a theme mentioned less often by detractors beyond chance.
    pub under_yes: &'static str,
    /// No theme mentioned.
    pub no_theme: &'static str,
    /// Heading of the quotes.
    pub quotes: &'static str,
    /// One quote.
    pub quote_line: &'static str,
    /// Heading of the discovered phrases.
    pub discovered: &'static str,
    /// A phrase in no theme yet.
    pub phrase_new: &'static str,
    /// A phrase already in a theme.
    pub phrase_in: &'static str,
    /// Heading of the comments list.
    pub comments: &'static str,
    /// One comment's row label.
    pub comment_row: &'static str,
}

impl CliTexts {
    /// The CLI texts of `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static CliTexts {
        match language {
            Language::English => &CLI_ENGLISH,
            Language::Dutch => &CLI_DUTCH,
            Language::Danish => &CLI_DANISH,
        }
    }
}

/// English words of the command line.
pub static CLI_ENGLISH: CliTexts = CliTexts {
    read_sheet: "sheet '{sheet}'",
    read_text: "{encoding}, delimiter '{delimiter}'",
    source: "{file} ({how}), {layout}, header row {row}",
    note: "Note: {text}",
    hint_date_order: "  hint: --date-order mdy reads them as month/day",
    hint_weight: "  hint: apply it with --weight '{column}', or keep it off with --no-weight",
    score_line: "Score column '{column}': {read} rows read, {used} used, {excluded} excluded",
    excluded_line: "  excluded, {reason}: {rows} ({examples})",
    example: "row {row} '{value}'",
    nps_line: "NPS {nps}  95% CI {low} to {high} (adjusted Wald)  n = {n}",
    shares_line: "Promoters {promoters} ({p})  Passives {passives} ({pa})  Detractors {detractors} ({d})  Mean {mean}",
    weighted_line: "Weighted by '{column}': the shares and NPS are weighted; counts are respondents",
    benchmark_line: "Benchmark {sector} {published}: {verdict} ({source}, {year}, {region}, {audience})",
    benchmark_note: "note: {text}",
    region_unset: "give your data's region with --region CODE (e.g. NL) to check it against the benchmark's ({benchmark})",
    audience_unset: "say whether your data are B2B or B2C with --audience b2b|b2c (the benchmark is {benchmark})",
    score_row: "Score",
    count_row: "Count",
    metric_line: "{title} '{column}': mean {mean} ({interval}), {share}, n = {n}",
    by: "By {column}",
    range: "{low} to {high}",
    share_p: "P%",
    share_pa: "Pa%",
    share_d: "D%",
    no_answers: "no answers",
    themes_header: "{file}: {n} respondents with a comment ({d} detractors, {pa} passives, {p} promoters)",
    themes_codebook: "Codebook: {preset}",
    weighted: ", weighted",
    col_theme: "theme",
    col_mentions: "mentions",
    col_complaints: "complaints",
    col_praise: "praise",
    col_detractor_share: "% detractors (95% CI)",
    col_passive_share: "% pass",
    col_promoter_share: "% prom",
    col_nps_with: "NPS with",
    col_nps_without: "NPS w/o",
    col_over: "among detractors",
    over_yes: "* more often (Holm)",
    under_yes: "* less often (Holm)",
    col_impact: "impact (95% CI)",
    no_theme: "(no comment mentions a theme of the codebook)",
    quotes: "Quotes",
    quote_line: "  {theme} (row {row}, score {score}): \"{text}\"",
    discovered: "Words and phrases detractors use more than promoters (log-odds z)",
    phrase_new: "new",
    phrase_in: "in {theme}",
    comments: "Comments",
    comment_row: "row",
};

/// Dutch words of the command line.
pub static CLI_DUTCH: CliTexts = CliTexts {
    read_sheet: "werkblad '{sheet}'",
    read_text: "{encoding}, scheidingsteken '{delimiter}'",
    source: "{file} ({how}), {layout}, kopregel {row}",
    note: "Let op: {text}",
    hint_date_order: "  tip: --date-order mdy leest ze als maand/dag",
    hint_weight: "  tip: gebruik het met --weight '{column}', of laat het uit met --no-weight",
    score_line: "Scorekolom '{column}': {read} rijen gelezen, {used} gebruikt, {excluded} uitgesloten",
    excluded_line: "  uitgesloten, {reason}: {rows} ({examples})",
    example: "rij {row} '{value}'",
    nps_line: "NPS {nps}  95%-BI {low} tot {high} (aangepaste Wald)  n = {n}",
    shares_line: "Promoters {promoters} ({p})  Passives {passives} ({pa})  Criticasters {detractors} ({d})  Gemiddelde {mean}",
    weighted_line: "Gewogen met '{column}': aandelen en NPS zijn gewogen; aantallen zijn respondenten",
    benchmark_line: "Benchmark {sector} {published}: {verdict} ({source}, {year}, {region}, {audience})",
    benchmark_note: "let op: {text}",
    region_unset: "geef de regio van uw data met --region CODE (bijv. NL) om die met de benchmark ({benchmark}) te vergelijken",
    audience_unset: "geef met --audience b2b|b2c aan of uw data B2B of B2C zijn (de benchmark is {benchmark})",
    score_row: "Score",
    count_row: "Aantal",
    metric_line: "{title} '{column}': gemiddeld {mean} ({interval}), {share}, n = {n}",
    by: "Per {column}",
    range: "{low} tot {high}",
    share_p: "P%",
    share_pa: "Pa%",
    share_d: "C%",
    no_answers: "geen antwoorden",
    themes_header: "{file}: {n} respondenten met een opmerking ({d} criticasters, {pa} passives, {p} promoters)",
    themes_codebook: "Codeboek: {preset}",
    weighted: ", gewogen",
    col_theme: "thema",
    col_mentions: "noemingen",
    col_complaints: "klachten",
    col_praise: "lof",
    col_detractor_share: "% criticasters (95%-BI)",
    col_passive_share: "% pass",
    col_promoter_share: "% prom",
    col_nps_with: "NPS met",
    col_nps_without: "NPS zonder",
    col_over: "bij criticasters",
    over_yes: "* vaker (Holm)",
    under_yes: "* minder vaak (Holm)",
    col_impact: "invloed (95%-BI)",
    no_theme: "(geen opmerking noemt een thema uit het codeboek)",
    quotes: "Citaten",
    quote_line: "  {theme} (rij {row}, score {score}): \"{text}\"",
    discovered: "Woorden en zinsdelen die criticasters vaker gebruiken dan promoters (log-odds z)",
    phrase_new: "nieuw",
    phrase_in: "in {theme}",
    comments: "Opmerkingen",
    comment_row: "rij",
};

/// Danish words of the command line.
pub static CLI_DANISH: CliTexts = CliTexts {
    read_sheet: "ark '{sheet}'",
    read_text: "{encoding}, skilletegn '{delimiter}'",
    source: "{file} ({how}), {layout}, overskriftsrække {row}",
    note: "Bemærk: {text}",
    hint_date_order: "  tip: --date-order mdy læser dem som måned/dag",
    hint_weight: "  tip: brug den med --weight '{column}', eller slå den fra med --no-weight",
    score_line: "Scorekolonne '{column}': {read} rækker læst, {used} brugt, {excluded} udeladt",
    excluded_line: "  udeladt, {reason}: {rows} ({examples})",
    example: "række {row} '{value}'",
    nps_line: "NPS {nps}  95%-KI {low} til {high} (justeret Wald)  n = {n}",
    shares_line: "Promotorer {promoters} ({p})  Passive {passives} ({pa})  Kritikere {detractors} ({d})  Gennemsnit {mean}",
    weighted_line: "Vægtet med '{column}': andele og NPS er vægtede; antal er respondenter",
    benchmark_line: "Benchmark {sector} {published}: {verdict} ({source}, {year}, {region}, {audience})",
    benchmark_note: "bemærk: {text}",
    region_unset: "angiv dine datas region med --region KODE (fx DK) for at sammenligne med benchmarkens ({benchmark})",
    audience_unset: "angiv med --audience b2b|b2c om dine data er B2B eller B2C (benchmarken er {benchmark})",
    score_row: "Score",
    count_row: "Antal",
    metric_line: "{title} '{column}': gennemsnit {mean} ({interval}), {share}, n = {n}",
    by: "Efter {column}",
    range: "{low} til {high}",
    share_p: "P%",
    share_pa: "Pa%",
    share_d: "K%",
    no_answers: "ingen svar",
    themes_header: "{file}: {n} respondenter med en kommentar ({d} kritikere, {pa} passive, {p} promotorer)",
    themes_codebook: "Kodebog: {preset}",
    weighted: ", vægtet",
    col_theme: "tema",
    col_mentions: "omtaler",
    col_complaints: "klager",
    col_praise: "ros",
    col_detractor_share: "% kritikere (95%-KI)",
    col_passive_share: "% pass",
    col_promoter_share: "% prom",
    col_nps_with: "NPS med",
    col_nps_without: "NPS uden",
    col_over: "blandt kritikere",
    over_yes: "* oftere (Holm)",
    under_yes: "* sjældnere (Holm)",
    col_impact: "indvirkning (95 %-KI)",
    no_theme: "(ingen kommentar nævner et tema fra kodebogen)",
    quotes: "Citater",
    quote_line: "  {theme} (række {row}, score {score}): \"{text}\"",
    discovered: "Ord og vendinger, som kritikere bruger mere end promotorer (log-odds z)",
    phrase_new: "ny",
    phrase_in: "i {theme}",
    comments: "Kommentarer",
    comment_row: "række",
};
