//! The words of the key driver analysis and of weighting to the population (`drivers` and
//! `--rake` on the command line), in English, Dutch and Danish. Templates hold `{name}`
//! placeholders filled by [`super::fill`].

use super::Language;
use crate::stats::drivers::Model;

/// Every text of the key driver analysis and of raking.
#[derive(Debug, serde::Serialize)]
pub struct DriverTexts {
    /// The file and the group analysed: `{file}`, `{group}`.
    pub heading: &'static str,
    /// All respondents (the group without `--by`).
    pub everyone: &'static str,
    /// R² with its interval and n: `{r2}`, `{low}`, `{high}`, `{n}`, `{answered}`.
    pub r_squared_line: &'static str,
    /// R² without an interval: `{r2}`, `{n}`, `{answered}`.
    pub r_squared_plain: &'static str,
    /// Listwise deletion: `{left_out}` respondents without every answer.
    pub listwise_note: &'static str,
    /// Pairwise: `{smallest}`, the fewest respondents behind one correlation.
    pub pairwise_note: &'static str,
    /// The bootstrap: `{resamples}`, `{seed}`.
    pub bootstrap_note: &'static str,
    /// Weighted.
    pub weighted_note: &'static str,
    /// Drivers too correlated to tell apart: `{names}`.
    pub collinear_note: &'static str,
    /// Drivers left out of a group: `{names}`.
    pub left_out_note: &'static str,
    /// Trimming could not hold its bounds: `{low}`, `{high}`.
    pub trim_gave_way: &'static str,
    /// The footnote's method without intervals.
    pub method_plain: &'static str,
    /// Table columns.
    pub col_driver: &'static str,
    /// Johnson's relative weight.
    pub col_weight: &'static str,
    /// Its interval.
    pub col_interval: &'static str,
    /// Share of R².
    pub col_share: &'static str,
    /// Shapley value.
    pub col_shapley: &'static str,
    /// Correlation with the score.
    pub col_correlation: &'static str,
    /// Performance 0-100.
    pub col_performance: &'static str,
    /// The quadrant.
    pub col_quadrant: &'static str,
    /// Quadrant names.
    pub fix: &'static str,
    /// Important, done well.
    pub keep: &'static str,
    /// Less important, done less well.
    pub monitor: &'static str,
    /// Less important, done well.
    pub less_important: &'static str,
    /// How to read performance and the cross-hairs: `{importance}`, `{performance}`.
    pub medians_note: &'static str,
    /// A group that cannot be analysed: `{group}`, `{reason}`.
    pub group_failed: &'static str,
    /// Raked: `{columns}`, `{iterations}`, `{deff}`, `{n_eff}`, `{n}`.
    pub raked_line: &'static str,
    /// Weights capped by trimming: `{trimmed}`, `{low}`, `{high}`.
    pub trimmed_line: &'static str,
    /// The map's title.
    pub chart_title: &'static str,
    /// Its subtitle.
    pub chart_subtitle: &'static str,
    /// Across: performance.
    pub performance_axis: &'static str,
    /// Up: importance.
    pub importance_axis: &'static str,
    /// The footnote: `{file}`, `{group}`, `{n}`, `{r2}`, `{method}`.
    pub footnote: &'static str,
    /// The method in the footnote: `{resamples}`.
    pub method: &'static str,
    /// A point on hover and for screen readers: `{driver}`, `{share}`, `{low}`, `{high}`,
    /// `{performance}`, `{quadrant}`.
    pub point_detail: &'static str,
    /// The table's title.
    pub table_title: &'static str,
    /// Table columns: the interval's ends, the Shapley interval, mean and top box.
    pub col_low: &'static str,
    /// Upper end.
    pub col_high: &'static str,
    /// Mean on the question's scale.
    pub col_mean: &'static str,
    /// Top box share.
    pub col_top_box: &'static str,
    /// The view's option: the complaint themes as drivers.
    pub themes_option: &'static str,
    /// The view's option: pairwise.
    pub pairwise_option: &'static str,
    /// The view's per-segment choice.
    pub by_label: &'static str,
    /// No segment chosen.
    pub no_segment: &'static str,
    /// The comments are being read.
    pub reading_comments: &'static str,
    /// Without a comment column.
    pub no_comments: &'static str,
    /// Heading of the per-segment results: `{column}`.
    pub segments_heading: &'static str,
    /// The table of every respondent's weight.
    pub weights_title: &'static str,
    /// Its columns: the spreadsheet row, the weight.
    pub col_row: &'static str,
    /// The weight.
    pub col_respondent_weight: &'static str,
    /// The logistic model (promoter or not): the heading, as `heading`.
    pub promoter_heading: &'static str,
    /// Its latent R² with interval, as `r_squared_line`.
    pub promoter_r_squared_line: &'static str,
    /// Its latent R² without an interval, as `r_squared_plain`.
    pub promoter_r_squared_plain: &'static str,
    /// The map's title.
    pub promoter_chart_title: &'static str,
    /// The method in the footnote: `{resamples}`.
    pub promoter_method: &'static str,
    /// The method without intervals.
    pub promoter_method_plain: &'static str,
    /// The correlation column.
    pub promoter_col_correlation: &'static str,
    /// What the logistic model is, under the R² line.
    pub promoter_note: &'static str,
    /// The view's choice of the logistic model.
    pub promoter_option: &'static str,
    /// Why pairwise is not offered with it.
    pub promoter_listwise: &'static str,
    /// The map's subtitle, as `chart_subtitle`.
    pub promoter_chart_subtitle: &'static str,
    /// Up: importance, as `importance_axis`.
    pub promoter_importance_axis: &'static str,
    /// The footnote, as `footnote`.
    pub promoter_footnote: &'static str,
    /// A point on hover, as `point_detail`.
    pub promoter_point_detail: &'static str,
    /// The share column, as `col_share`.
    pub promoter_col_share: &'static str,
    /// The table's title, as `table_title`.
    pub promoter_table_title: &'static str,
    /// Complaint themes left out of the promoter model: `{names}`.
    pub separated_note: &'static str,
}

/// The words that differ between the linear model of the score and the logistic model of
/// being a promoter.
#[derive(Debug, Clone, Copy)]
pub struct ModelWords {
    /// As [`DriverTexts::heading`].
    pub heading: &'static str,
    /// As [`DriverTexts::r_squared_line`].
    pub r_squared_line: &'static str,
    /// As [`DriverTexts::r_squared_plain`].
    pub r_squared_plain: &'static str,
    /// As [`DriverTexts::chart_title`].
    pub chart_title: &'static str,
    /// As [`DriverTexts::method`].
    pub method: &'static str,
    /// As [`DriverTexts::method_plain`].
    pub method_plain: &'static str,
    /// As [`DriverTexts::col_correlation`].
    pub col_correlation: &'static str,
    /// As [`DriverTexts::chart_subtitle`].
    pub chart_subtitle: &'static str,
    /// As [`DriverTexts::importance_axis`].
    pub importance_axis: &'static str,
    /// As [`DriverTexts::footnote`].
    pub footnote: &'static str,
    /// As [`DriverTexts::point_detail`].
    pub point_detail: &'static str,
    /// As [`DriverTexts::col_share`].
    pub col_share: &'static str,
    /// As [`DriverTexts::table_title`].
    pub table_title: &'static str,
    /// Whether the model gives Shapley values (a column of its own).
    pub shapley: bool,
    /// A note on the model, when there is one to make.
    pub note: Option<&'static str>,
}

impl DriverTexts {
    /// The texts in `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static DriverTexts {
        match language {
            Language::English => &ENGLISH,
            Language::Dutch => &DUTCH,
            Language::Danish => &DANISH,
        }
    }

    /// The words of `model`.
    #[must_use]
    pub fn model(&self, model: Model) -> ModelWords {
        match model {
            Model::Linear => ModelWords {
                heading: self.heading,
                r_squared_line: self.r_squared_line,
                r_squared_plain: self.r_squared_plain,
                chart_title: self.chart_title,
                method: self.method,
                method_plain: self.method_plain,
                col_correlation: self.col_correlation,
                chart_subtitle: self.chart_subtitle,
                importance_axis: self.importance_axis,
                footnote: self.footnote,
                point_detail: self.point_detail,
                col_share: self.col_share,
                table_title: self.table_title,
                shapley: true,
                note: None,
            },
            Model::Logistic => ModelWords {
                heading: self.promoter_heading,
                r_squared_line: self.promoter_r_squared_line,
                r_squared_plain: self.promoter_r_squared_plain,
                chart_title: self.promoter_chart_title,
                method: self.promoter_method,
                method_plain: self.promoter_method_plain,
                col_correlation: self.promoter_col_correlation,
                chart_subtitle: self.promoter_chart_subtitle,
                importance_axis: self.promoter_importance_axis,
                footnote: self.promoter_footnote,
                point_detail: self.promoter_point_detail,
                col_share: self.promoter_col_share,
                table_title: self.promoter_table_title,
                shapley: false,
                note: Some(self.promoter_note),
            },
        }
    }

    /// The columns of a driver's row in a table on screen or in text: name, weight, interval,
    /// share of R², Shapley value, correlation, performance, quadrant.
    /// The Shapley column is left out where the model gives none.
    #[must_use]
    pub fn columns(&self, model: Model) -> Vec<&'static str> {
        let m = self.model(model);
        let mut columns = vec![
            self.col_driver,
            self.col_weight,
            self.col_interval,
            m.col_share,
            self.col_shapley,
            m.col_correlation,
            self.col_performance,
            self.col_quadrant,
        ];
        if !m.shapley {
            columns.retain(|c| *c != self.col_shapley);
        }
        columns
    }

    /// A quadrant's name.
    #[must_use]
    pub fn quadrant(&self, quadrant: crate::analysis::drivers::Quadrant) -> &'static str {
        use crate::analysis::drivers::Quadrant;
        match quadrant {
            Quadrant::Fix => self.fix,
            Quadrant::Keep => self.keep,
            Quadrant::Monitor => self.monitor,
            Quadrant::LessImportant => self.less_important,
        }
    }
}

/// English.
pub static ENGLISH: DriverTexts = DriverTexts {
    heading: "Key drivers of the recommendation score: {file}, {group}",
    everyone: "all respondents",
    r_squared_line: "R² {r2} (95% CI {low} to {high}): the drivers together explain that part of the variation in the 0-10 score; n = {n} of {answered} respondents with a score",
    r_squared_plain: "R² {r2}; n = {n} of {answered} respondents with a score",
    listwise_note: "Respondents without an answer to every driver are left out ({left_out}).",
    pairwise_note: "Missing answers are left out pair by pair; the thinnest correlation rests on {smallest} respondents.",
    bootstrap_note: "Intervals: 95% bootstrap percentiles of {resamples} resamples (seed {seed}); R²'s corrected for the overstatement of small samples.",
    weighted_note: "Weighted: every figure uses the survey weights.",
    left_out_note: "Left out here, without two different answers: {names}.",
    trim_gave_way: "The weights could not all be kept within [{low}, {high}] × the mean while meeting the margins: the margins were kept.",
    method_plain: "Johnson's relative weights, without intervals",
    collinear_note: "Too correlated to tell apart (|r| ≥ 0.8): {names}; read their weights together.",
    col_driver: "Driver",
    col_weight: "Relative weight",
    col_interval: "95% CI",
    col_share: "% of R²",
    col_shapley: "Shapley",
    col_correlation: "r with score",
    col_performance: "Performance (0-100)",
    col_quadrant: "Quadrant",
    fix: "fix first",
    keep: "keep",
    monitor: "monitor",
    less_important: "less important",
    medians_note: "Quadrants against the medians: relative weight {importance}, performance {performance} (a rating's mean on its scale, 100 = best; a theme's share of commenters not complaining).",
    group_failed: "{group}: {reason}",
    raked_line: "Weighted to the population by raking on {columns} (iterations: {iterations}): design effect {deff}, effective n {n_eff} of {n}.",
    trimmed_line: "{trimmed} weights capped to [{low}, {high}] × the mean weight, then raked again.",
    chart_title: "What moves the score: importance against performance",
    chart_subtitle: "Each driver's share of R² with its 95% interval; dashed lines at the medians",
    performance_axis: "Performance (0-100, higher is better)",
    importance_axis: "Importance (% of R²)",
    footnote: "{file} · {group} · n = {n} · R² {r2} · {method}",
    method: "Johnson's relative weights, 95% bootstrap intervals of {resamples} resamples",
    point_detail: "{driver}: {share} of R² (95% CI {low} to {high}), performance {performance}, {quadrant}",
    table_title: "Key drivers",
    col_low: "Relative weight, 95% low",
    col_high: "Relative weight, 95% high",
    col_mean: "Mean",
    col_top_box: "Top box %",
    themes_option: "Complaint themes as drivers",
    pairwise_option: "Leave missing answers out pair by pair",
    by_label: "Per segment",
    no_segment: "(none)",
    reading_comments: "Reading the comments…",
    no_comments: "The file has no comment column: there are no themes to take as drivers.",
    segments_heading: "Per {column}",
    weights_title: "Weights",
    col_row: "Row",
    col_respondent_weight: "Weight",
    promoter_heading: "Key drivers of being a promoter (9-10): {file}, {group}",
    promoter_r_squared_line: "Latent R² {r2} (95% CI {low} to {high}): the drivers together explain that part of the variation in the inclination to promote; n = {n} of {answered} respondents with a score",
    promoter_r_squared_plain: "Latent R² {r2}; n = {n} of {answered} respondents with a score",
    promoter_chart_title: "What makes promoters: importance against performance",
    promoter_method: "Johnson's relative weights of a logistic model of promoting, 95% bootstrap intervals of {resamples} resamples",
    promoter_method_plain: "Johnson's relative weights of a logistic model of promoting, without intervals",
    promoter_col_correlation: "r with promoting",
    promoter_note: "Promoters (9-10) against everyone else, by logistic regression: R² is McKelvey and Zavoina's latent R² (the share of the inclination to promote that the drivers explain); no Shapley values.",
    promoter_option: "Explain being a promoter (9-10) rather than the score",
    promoter_listwise: "The promoter model leaves out respondents without an answer to every driver.",
    promoter_chart_subtitle: "Each driver's share of the latent R² with its 95% interval; dashed lines at the medians",
    promoter_importance_axis: "Importance (% of latent R²)",
    promoter_footnote: "{file} · {group} · n = {n} · latent R² {r2} · {method}",
    promoter_point_detail: "{driver}: {share} of the latent R² (95% CI {low} to {high}), performance {performance}, {quadrant}",
    promoter_col_share: "% of latent R²",
    promoter_table_title: "Key drivers of being a promoter",
    separated_note: "Left out of the promoter model, as everyone complaining of it is a promoter or no one is (a perfect split has no finite weight): {names}.",
};

/// Dutch.
pub static DUTCH: DriverTexts = DriverTexts {
    heading: "Drijfveren van de aanbevelingsscore: {file}, {group}",
    everyone: "alle respondenten",
    r_squared_line: "R² {r2} (95%-BI {low} tot {high}): dat deel van de variatie in de 0-10-score verklaren de drijfveren samen; n = {n} van {answered} respondenten met een score",
    r_squared_plain: "R² {r2}; n = {n} van {answered} respondenten met een score",
    listwise_note: "Respondenten zonder antwoord op elke drijfveer tellen niet mee ({left_out}).",
    pairwise_note: "Ontbrekende antwoorden vallen paarsgewijs weg; de dunste correlatie rust op {smallest} respondenten.",
    bootstrap_note: "Intervallen: 95%-bootstrappercentielen van {resamples} trekkingen (seed {seed}); dat van R² gecorrigeerd voor de overschatting in kleine steekproeven.",
    weighted_note: "Gewogen: elk getal gebruikt de weegfactoren.",
    left_out_note: "Hier weggelaten, zonder twee verschillende antwoorden: {names}.",
    trim_gave_way: "De gewichten konden niet allemaal binnen [{low}, {high}] × het gemiddelde blijven en toch de marges halen: de marges gaan voor.",
    method_plain: "relatieve gewichten van Johnson, zonder intervallen",
    collinear_note: "Te sterk samenhangend om uit elkaar te houden (|r| ≥ 0,8): {names}; lees hun gewichten samen.",
    col_driver: "Drijfveer",
    col_weight: "Relatief gewicht",
    col_interval: "95%-BI",
    col_share: "% van R²",
    col_shapley: "Shapley",
    col_correlation: "r met score",
    col_performance: "Prestatie (0-100)",
    col_quadrant: "Kwadrant",
    fix: "eerst verbeteren",
    keep: "behouden",
    monitor: "in de gaten houden",
    less_important: "minder belangrijk",
    medians_note: "Kwadranten ten opzichte van de medianen: relatief gewicht {importance}, prestatie {performance} (het gemiddelde van een beoordeling op de eigen schaal, 100 = best; bij een thema het deel van de respondenten met een opmerking dat er niet over klaagt).",
    group_failed: "{group}: {reason}",
    raked_line: "Gewogen naar de populatie door raking op {columns} (iteraties: {iterations}): designeffect {deff}, effectieve n {n_eff} van {n}.",
    trimmed_line: "{trimmed} gewichten begrensd op [{low}, {high}] × het gemiddelde gewicht, daarna opnieuw geraked.",
    chart_title: "Wat de score beweegt: belang tegenover prestatie",
    chart_subtitle: "Het deel van R² van elke drijfveer met het 95%-interval; stippellijnen op de medianen",
    performance_axis: "Prestatie (0-100, hoger is beter)",
    importance_axis: "Belang (% van R²)",
    footnote: "{file} · {group} · n = {n} · R² {r2} · {method}",
    method: "relatieve gewichten van Johnson, 95%-bootstrapintervallen uit {resamples} trekkingen",
    point_detail: "{driver}: {share} van R² (95%-BI {low} tot {high}), prestatie {performance}, {quadrant}",
    table_title: "Drijfveren",
    col_low: "Relatief gewicht, 95% laag",
    col_high: "Relatief gewicht, 95% hoog",
    col_mean: "Gemiddelde",
    col_top_box: "Topbox %",
    themes_option: "Klachtthema's als drijfveren",
    pairwise_option: "Ontbrekende antwoorden paarsgewijs weglaten",
    by_label: "Per segment",
    no_segment: "(geen)",
    reading_comments: "De opmerkingen worden gelezen…",
    no_comments: "Het bestand heeft geen kolom met opmerkingen: er zijn geen thema's om als drijfveer te nemen.",
    segments_heading: "Per {column}",
    weights_title: "Gewichten",
    col_row: "Rij",
    col_respondent_weight: "Gewicht",
    promoter_heading: "Drijfveren van promoter zijn (9-10): {file}, {group}",
    promoter_r_squared_line: "Latente R² {r2} (95%-BI {low} tot {high}): dat deel van de variatie in de neiging om aan te bevelen verklaren de drijfveren samen; n = {n} van {answered} respondenten met een score",
    promoter_r_squared_plain: "Latente R² {r2}; n = {n} van {answered} respondenten met een score",
    promoter_chart_title: "Wat promoters maakt: belang tegenover prestatie",
    promoter_method: "relatieve gewichten van Johnson uit een logistisch model van aanbevelen, 95%-bootstrapintervallen uit {resamples} trekkingen",
    promoter_method_plain: "relatieve gewichten van Johnson uit een logistisch model van aanbevelen, zonder intervallen",
    promoter_col_correlation: "r met promoter",
    promoter_note: "Promoters (9-10) tegenover alle anderen, met logistische regressie: R² is de latente R² van McKelvey en Zavoina (het deel van de neiging om aan te bevelen dat de drijfveren verklaren); geen Shapley-waarden.",
    promoter_option: "Verklaar promoter zijn (9-10) in plaats van de score",
    promoter_listwise: "Het promotermodel laat respondenten weg die niet elke drijfveer beantwoordden.",
    promoter_chart_subtitle: "Het deel van de latente R² van elke drijfveer met het 95%-interval; stippellijnen op de medianen",
    promoter_importance_axis: "Belang (% van latente R²)",
    promoter_footnote: "{file} · {group} · n = {n} · latente R² {r2} · {method}",
    promoter_point_detail: "{driver}: {share} van de latente R² (95%-BI {low} tot {high}), prestatie {performance}, {quadrant}",
    promoter_col_share: "% van latente R²",
    promoter_table_title: "Drijfveren van promoter zijn",
    separated_note: "Weggelaten uit het promotermodel, omdat iedereen die erover klaagt promoter is of niemand (een volmaakte scheiding heeft geen eindig gewicht): {names}.",
};

/// Danish.
pub static DANISH: DriverTexts = DriverTexts {
    heading: "Drivkræfter bag anbefalingsscoren: {file}, {group}",
    everyone: "alle respondenter",
    r_squared_line: "R² {r2} (95%-KI {low} til {high}): den del af variationen i 0-10-scoren forklarer drivkræfterne tilsammen; n = {n} af {answered} respondenter med en score",
    r_squared_plain: "R² {r2}; n = {n} af {answered} respondenter med en score",
    listwise_note: "Respondenter uden svar på hver drivkraft er udeladt ({left_out}).",
    pairwise_note: "Manglende svar udelades parvis; den tyndeste korrelation hviler på {smallest} respondenter.",
    bootstrap_note: "Intervaller: 95%-bootstrappercentiler af {resamples} træk (seed {seed}); R²'s korrigeret for overvurderingen i små stikprøver.",
    weighted_note: "Vægtet: hvert tal bruger vægtene.",
    left_out_note: "Udeladt her, uden to forskellige svar: {names}.",
    trim_gave_way: "Vægtene kunne ikke alle holdes inden for [{low}, {high}] × gennemsnittet og samtidig ramme marginerne: marginerne går forud.",
    method_plain: "Johnsons relative vægte, uden intervaller",
    collinear_note: "For stærkt forbundne til at skelne (|r| ≥ 0,8): {names}; læs deres vægte samlet.",
    col_driver: "Drivkraft",
    col_weight: "Relativ vægt",
    col_interval: "95%-KI",
    col_share: "% af R²",
    col_shapley: "Shapley",
    col_correlation: "r med score",
    col_performance: "Præstation (0-100)",
    col_quadrant: "Kvadrant",
    fix: "forbedr først",
    keep: "bevar",
    monitor: "hold øje",
    less_important: "mindre vigtig",
    medians_note: "Kvadranter i forhold til medianerne: relativ vægt {importance}, præstation {performance} (en vurderings gennemsnit på dens skala, 100 = bedst; for et tema andelen af kommenterende, der ikke klager over det).",
    group_failed: "{group}: {reason}",
    raked_line: "Vægtet til populationen ved raking på {columns} (iterationer: {iterations}): designeffekt {deff}, effektiv n {n_eff} af {n}.",
    trimmed_line: "{trimmed} vægte begrænset til [{low}, {high}] × gennemsnitsvægten og derefter raket igen.",
    chart_title: "Hvad der flytter scoren: betydning over for præstation",
    chart_subtitle: "Hver drivkrafts andel af R² med 95%-intervallet; stiplede linjer ved medianerne",
    performance_axis: "Præstation (0-100, højere er bedre)",
    importance_axis: "Betydning (% af R²)",
    footnote: "{file} · {group} · n = {n} · R² {r2} · {method}",
    method: "Johnsons relative vægte, 95%-bootstrapintervaller af {resamples} træk",
    point_detail: "{driver}: {share} af R² (95%-KI {low} til {high}), præstation {performance}, {quadrant}",
    table_title: "Drivkræfter",
    col_low: "Relativ vægt, 95% lav",
    col_high: "Relativ vægt, 95% høj",
    col_mean: "Gennemsnit",
    col_top_box: "Topboks %",
    themes_option: "Klagetemaer som drivkræfter",
    pairwise_option: "Udelad manglende svar parvis",
    by_label: "Efter segment",
    no_segment: "(ingen)",
    reading_comments: "Kommentarerne læses…",
    no_comments: "Filen har ingen kommentarkolonne: der er ingen temaer at tage som drivkræfter.",
    segments_heading: "Efter {column}",
    weights_title: "Vægte",
    col_row: "Række",
    col_respondent_weight: "Vægt",
    promoter_heading: "Drivkræfter bag at være promotor (9-10): {file}, {group}",
    promoter_r_squared_line: "Latent R² {r2} (95%-KI {low} til {high}): den del af variationen i tilbøjeligheden til at anbefale forklarer drivkræfterne tilsammen; n = {n} af {answered} respondenter med en score",
    promoter_r_squared_plain: "Latent R² {r2}; n = {n} af {answered} respondenter med en score",
    promoter_chart_title: "Hvad der skaber promotorer: betydning over for præstation",
    promoter_method: "Johnsons relative vægte fra en logistisk model for at anbefale, 95%-bootstrapintervaller af {resamples} træk",
    promoter_method_plain: "Johnsons relative vægte fra en logistisk model for at anbefale, uden intervaller",
    promoter_col_correlation: "r med promotor",
    promoter_note: "Promotorer (9-10) over for alle andre, med logistisk regression: R² er McKelvey og Zavoinas latente R² (den del af tilbøjeligheden til at anbefale, som drivkræfterne forklarer); ingen Shapley-værdier.",
    promoter_option: "Forklar at være promotor (9-10) i stedet for scoren",
    promoter_listwise: "Promotormodellen udelader respondenter uden svar på hver drivkraft.",
    promoter_chart_subtitle: "Hver drivkrafts andel af den latente R² med 95%-intervallet; stiplede linjer ved medianerne",
    promoter_importance_axis: "Betydning (% af latent R²)",
    promoter_footnote: "{file} · {group} · n = {n} · latent R² {r2} · {method}",
    promoter_point_detail: "{driver}: {share} af den latente R² (95%-KI {low} til {high}), præstation {performance}, {quadrant}",
    promoter_col_share: "% af latent R²",
    promoter_table_title: "Drivkræfter bag at være promotor",
    separated_note: "Udeladt af promotormodellen, da alle der klager over det er promotorer eller ingen er (en fuldstændig adskillelse har ingen endelig vægt): {names}.",
};
