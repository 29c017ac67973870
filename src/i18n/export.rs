//! The words of exporting, in English, Dutch and Danish: the Export buttons and menus, the
//! confirmation, and the texts that only appear in exported files (footnotes, legends, table
//! headers, the report's title). Kept apart from `super::Texts` so that export work does not
//! collide with other edits of that file; templates hold `{name}` placeholders filled by
//! [`crate::i18n::fill`].

use crate::i18n::Language;

/// Every text of exporting.
#[derive(Debug, serde::Serialize)]
pub struct ExportTexts {
    /// BCP 47 tag of the language (`nl-NL`), written into the report and the deck.
    pub language_tag: &'static str,
    /// The menu button beside every chart ("Export chart…").
    pub export_button: &'static str,
    /// The Export menu of a table beside a chart's ("Export chart…"), so the two are told apart.
    pub export_table_button: &'static str,
    /// Chart menu: save as PNG at slide size.
    pub save_png: &'static str,
    /// Chart menu: save as PNG at twice the slide size.
    pub save_png_2x: &'static str,
    /// Chart menu: save as SVG.
    pub save_svg: &'static str,
    /// Chart menu: copy to the clipboard as an image.
    pub copy_image: &'static str,
    /// Table menu: save as CSV.
    pub save_csv: &'static str,
    /// Table menu: save as an Excel workbook.
    pub save_xlsx: &'static str,
    /// File menu: everything into a folder.
    pub export_all: &'static str,
    /// File menu: the Report details form (title, client, logo, colours, font).
    pub brand_menu: &'static str,
    /// The form's title.
    pub brand_window: &'static str,
    /// What the form is for.
    pub brand_intro: &'static str,
    /// Field: the report's title.
    pub brand_title: &'static str,
    /// Its hint (the default).
    pub brand_title_hint: &'static str,
    /// Field: the client.
    pub brand_client: &'static str,
    /// Field: the data's name.
    pub brand_source: &'static str,
    /// Its hint.
    pub brand_source_hint: &'static str,
    /// Field: the logo.
    pub brand_logo: &'static str,
    /// No logo chosen.
    pub brand_no_logo: &'static str,
    /// A logo is set (from the project).
    pub brand_logo_set: &'static str,
    /// Button: choose a logo file.
    pub brand_choose_logo: &'static str,
    /// The logo dialog's title.
    pub brand_logo_title: &'static str,
    /// Button: no logo.
    pub brand_remove_logo: &'static str,
    /// Field: the PowerPoint template.
    pub brand_template: &'static str,
    /// No template: the deck's own slides.
    pub brand_no_template: &'static str,
    /// Button: choose a template.
    pub brand_choose_template: &'static str,
    /// Button: no template.
    pub brand_remove_template: &'static str,
    /// Field: the main colour.
    pub brand_main_colour: &'static str,
    /// Field: the accent colour.
    pub brand_accent_colour: &'static str,
    /// Hint of the colour fields.
    pub brand_colour_hint: &'static str,
    /// Field: the font.
    pub brand_font: &'static str,
    /// Its hint.
    pub brand_font_hint: &'static str,
    /// Button: use it.
    pub brand_apply: &'static str,
    /// Button: close without using it.
    pub brand_cancel: &'static str,
    /// File menu: whether Export all puts detractors' quotes in the deck and the PDF.
    pub export_quotes: &'static str,
    /// Its tooltip.
    pub export_quotes_hint: &'static str,
    /// Title of the folder dialog of Export all.
    pub choose_folder: &'static str,
    /// Title of the save dialog.
    pub save_as: &'static str,
    /// Shown while an export runs.
    pub exporting: &'static str,
    /// Title of the confirmation window.
    pub done_title: &'static str,
    /// `{count}` files written to `{folder}`.
    pub written: &'static str,
    /// Heading of the files that could not be written.
    pub not_written: &'static str,
    /// While files are written: how many of how many (`{done}`, `{total}`).
    pub exporting_files: &'static str,
    /// The confirmation after the user stopped an export.
    pub stopped: &'static str,
    /// The brand's font (`{font}`) is not installed, so the PDF and PNGs were drawn in DejaVu Sans.
    pub font_not_installed: &'static str,
    /// After copying a chart.
    pub copied: &'static str,
    /// Button: show the export folder in the system's file manager.
    pub open_folder: &'static str,
    /// Why the folder could not be shown (after the folder's path).
    pub open_folder_failed: &'static str,
    /// Nothing to export yet (no survey or no results).
    pub nothing_to_export: &'static str,
    /// Footnote part: `n = {n}`.
    pub footnote_n: &'static str,
    /// Footnote part: the interval method.
    pub footnote_interval: &'static str,
    /// The interval method of shares (the themes chart).
    pub footnote_interval_wilson: &'static str,
    /// Footnote part: `Filter: {filter}`.
    pub footnote_filter: &'static str,
    /// Footnote part: no filter.
    pub footnote_no_filter: &'static str,
    /// Footnote part: `Period: {from} to {to}`.
    pub footnote_period: &'static str,
    /// Footnote part: `Benchmark: {source}`.
    pub footnote_benchmark: &'static str,
    /// Legend: the estimate.
    pub legend_estimate: &'static str,
    /// Legend: the interval.
    pub legend_interval: &'static str,
    /// Legend: a significance marker.
    pub legend_significant: &'static str,
    /// Legend: pale rows.
    pub legend_small_n: &'static str,
    /// Legend: a benchmark range.
    pub legend_benchmark_range: &'static str,
    /// Legend: a benchmark single value.
    pub legend_benchmark_average: &'static str,
    /// Legend: a significant rise.
    pub legend_rise: &'static str,
    /// Legend: a significant fall.
    pub legend_fall: &'static str,
    /// Value axis of NPS charts.
    pub nps_axis: &'static str,
    /// Subtitle of the segment charts.
    pub segments_subtitle: &'static str,
    pub matrix_subtitle: &'static str,
    /// Title of the headline figure.
    pub headline_title: &'static str,
    /// Speaker notes: how to read each chart, by kind (headline, distribution, segments, two-way
    /// bars, matrix, trend, benchmarks, themes, both waves, the change between waves, key
    /// drivers).
    pub reading: [&'static str; 11],
    /// Speaker notes: the heading before the chart's footnote.
    pub reading_source: &'static str,
    /// Speaker notes of an editable chart: how to see and change its numbers.
    pub deck_editable: &'static str,
    /// Speaker notes of an editable bar chart whose names carry a star.
    pub deck_starred: &'static str,
    /// Speaker notes of an editable chart with a benchmark series.
    pub deck_benchmark: &'static str,
    /// Speaker notes of a chart left as a picture (a heat-map matrix).
    pub deck_picture: &'static str,
    /// The data-quality slide when no row was left out.
    pub quality_none: &'static str,
    /// The data-quality slide's line under its table when it shows only the first rows:
    /// `{shown}` of `{total}`.
    pub quality_more: &'static str,
    /// The headline's change line: `{change}`, the last period `{now}` with `{now_nps}` and
    /// `{now_n}`, the one before (`{before}`, `{before_nps}`, `{before_n}`), `{test}`.
    pub headline_change: &'static str,
    /// A significant rise: `{p}`.
    pub headline_rise: &'static str,
    /// A significant fall: `{p}`.
    pub headline_fall: &'static str,
    /// A change the test does not tell from chance: `{p}`.
    pub headline_not_significant: &'static str,
    /// A change with too few answers on either side to test.
    pub headline_untested: &'static str,
    /// The verdict line: `{benchmark}` (sector, what was published), `{verdict}`.
    pub headline_verdict: &'static str,
    /// What the headline's footnote adds about the change's test.
    pub headline_change_note: &'static str,
    /// Title of the benchmarks chart.
    pub benchmarks_title: &'static str,
    /// Title of the report and the deck: `{file}`.
    pub report_title: &'static str,
    /// Table title: the overall figures.
    pub table_overall: &'static str,
    /// Table title: the sectors with their benchmarks.
    pub table_sectors: &'static str,
    /// Table title: rows left out.
    pub table_quality: &'static str,
    /// Table header: the measure.
    pub col_measure: &'static str,
    /// Table header: the value.
    pub col_value: &'static str,
    /// Table header: lower bound of the 95% interval.
    pub col_low: &'static str,
    /// Table header: upper bound of the 95% interval.
    pub col_high: &'static str,
    /// Table header: count of promoters.
    pub col_promoters: &'static str,
    /// Table header: count of passives.
    pub col_passives: &'static str,
    /// Table header: count of detractors.
    pub col_detractors: &'static str,
    /// Table header: % promoters.
    pub col_promoter_pct: &'static str,
    /// Table header: % passives.
    pub col_passive_pct: &'static str,
    /// Table header: % detractors.
    pub col_detractor_pct: &'static str,
    /// Table header: mean score.
    pub col_mean: &'static str,
    /// Table header: Holm-adjusted p.
    pub col_p_adjusted: &'static str,
    /// Table header: the unadjusted p.
    pub col_p: &'static str,
    /// Table header: which test gave the p-value.
    pub col_test: &'static str,
    /// Table header: respondents (by ID) in both periods.
    pub col_in_both: &'static str,
    /// Table header: the smallest difference the comparison detects (80% power, 5% level).
    pub col_detectable: &'static str,
    /// Table header: lower end of a benchmark's published range.
    pub col_benchmark_low: &'static str,
    /// Table header: upper end of a benchmark's published range.
    pub col_benchmark_high: &'static str,
    /// Table header: a theme's representation among detractors (over, under, none).
    pub col_representation: &'static str,
    /// Table header: unadjusted p of the representation test.
    pub col_representation_p: &'static str,
    /// Table header: Holm-adjusted p of the representation test.
    pub col_representation_p_adjusted: &'static str,
    /// Table header: a theme's impact on the NPS.
    pub col_impact: &'static str,
    /// Table header: lower bound of the impact's 95% interval.
    pub col_impact_low: &'static str,
    /// Table header: upper bound of the impact's 95% interval.
    pub col_impact_high: &'static str,
    /// Table header: unadjusted p of the impact.
    pub col_impact_p: &'static str,
    /// Table header: Holm-adjusted p of the impact.
    pub col_impact_p_adjusted: &'static str,
    /// Words for a theme's representation among detractors: over, under, neither.
    pub representation: [&'static str; 3],
    /// Table header: significant (yes/no).
    pub col_significant: &'static str,
    /// Table header: fewer than 30 answers (yes/no).
    pub col_small_n: &'static str,
    /// Table header: the period's first day.
    pub col_start: &'static str,
    /// Table header: published single value.
    pub col_published_value: &'static str,
    /// Table header: year of a benchmark.
    pub col_year: &'static str,
    /// Table header: region of a benchmark.
    pub col_region: &'static str,
    /// Table header: the column a reason is about.
    pub col_column: &'static str,
    /// Table header: example values.
    pub col_example_values: &'static str,
    /// Yes in a table cell.
    pub yes: &'static str,
    /// No in a table cell.
    pub no: &'static str,
    /// Overall table: rows read.
    pub rows_read: &'static str,
    /// Overall table: rows used.
    pub rows_used: &'static str,
}

/// English.
pub static EXPORT_ENGLISH: ExportTexts = ExportTexts {
    language_tag: "en-US",
    export_button: "Export chart…",
    export_table_button: "Export table…",
    save_png: "Save as PNG (1920×1080)…",
    save_png_2x: "Save as PNG, 2× (3840×2160)…",
    save_svg: "Save as SVG…",
    copy_image: "Copy as image",
    save_csv: "Save as CSV…",
    save_xlsx: "Save as Excel workbook (xlsx)…",
    export_all: "Export all…",
    brand_menu: "Report details…",
    brand_window: "Report details",
    brand_intro: "How Export all presents the report to your client: the deck, PDF, HTML and workbook use these. Saved with the project.",
    brand_title: "Title",
    brand_title_hint: "NPS report: file name",
    brand_client: "Client",
    brand_source: "Name of the data",
    brand_source_hint: "Shown instead of the file name, e.g. Customer survey Q3",
    brand_logo: "Logo",
    brand_no_logo: "No logo",
    brand_logo_set: "Logo set",
    brand_choose_logo: "Choose logo…",
    brand_logo_title: "Choose a logo (PNG or SVG)",
    brand_remove_logo: "Remove logo",
    brand_template: "PowerPoint template",
    brand_no_template: "None (standard slides)",
    brand_choose_template: "Choose template…",
    brand_remove_template: "Remove template",
    brand_main_colour: "Main colour",
    brand_accent_colour: "Accent colour",
    brand_colour_hint: "#RRGGBB, or empty for the standard colours",
    brand_font: "Font",
    brand_font_hint: "An installed font, e.g. Calibri",
    brand_apply: "Apply",
    brand_cancel: "Cancel",
    export_quotes: "Detractors' quotes in the deck and PDF",
    export_quotes_hint: "Export all adds a page of what detractors say about each top theme. E-mail addresses, postcodes and long numbers are removed; names are not, so read the quotes before handing the files on, or leave them out here.",
    choose_folder: "Choose a folder for the export",
    save_as: "Save as",
    exporting: "Exporting…",
    done_title: "Export finished",
    written: "{count} file(s) written to {folder}:",
    not_written: "Not written:",
    exporting_files: "Exporting: {done} of {total} files",
    stopped: "Export stopped: only the files below were written.",
    font_not_installed: "The font {font} is not installed on this computer: the PDF and PNGs use DejaVu Sans; the deck, workbook and HTML name {font}.",
    copied: "The chart is on the clipboard: paste it into PowerPoint, Word or LibreOffice.",
    open_folder: "Open folder",
    open_folder_failed: "cannot be shown in the file manager",
    nothing_to_export: "Nothing to export yet: open a survey and wait for its figures.",
    footnote_n: "n = {n}",
    footnote_interval: "95% interval: adjusted Wald",
    footnote_interval_wilson: "95% interval: Wilson",
    footnote_filter: "Filter: {filter}",
    footnote_no_filter: "All answers",
    footnote_period: "Period: {from} to {to}",
    footnote_benchmark: "Benchmark: {source}",
    legend_estimate: "NPS",
    legend_interval: "95% interval",
    legend_significant: "Differs significantly from the rest",
    legend_small_n: "Fewer than 30 answers (pale)",
    legend_benchmark_range: "Benchmark range",
    legend_benchmark_average: "Benchmark average (single value)",
    legend_rise: "Significant rise",
    legend_fall: "Significant fall",
    nps_axis: "Net Promoter Score",
    segments_subtitle: "With 95% intervals; pale rows have fewer than 30 answers",
    matrix_subtitle: "Each cell: NPS, 95% interval and n; pale cells have fewer than 30 answers",
    headline_title: "Net Promoter Score at a glance",
    reading: [
        "The large number is the Net Promoter Score: the share of promoters (9-10) minus the share of detractors (0-6), from -100 to +100. The 95% interval is the range the score of everyone asked would lie in; n is the number of answers. The bar shows the three groups; the change line compares the last period with the one before, and is called significant only when the trend chart marks it too.",
        "Each bar is the number of answers with that score; the colours are the three groups. The Net Promoter Score and its 95% interval are above the chart.",
        "Each bar is one group's Net Promoter Score; the line through it is its 95% interval. A diamond marks a group whose score differs from the rest of the answers after correcting for the number of groups (Holm). Pale rows have fewer than 30 answers: read them with care.",
        "Each bar is the score of one combination of two columns, with its 95% interval. Combinations with few answers have wide intervals and are pale below 30 answers.",
        "Each cell is the Net Promoter Score of one combination of two columns: green above zero, orange below, stronger further from zero. A star marks a cell that differs from the rest; pale cells have fewer than 30 answers.",
        "The line is the score per period and the band its 95% interval; the n under each period is its number of answers. A marker shows a change from the previous period that is significant after correcting for the number of changes shown (Holm).",
        "Each point is a sector's score in this survey with its 95% interval; the band or tick is the published benchmark. Above or below means the whole interval lies above or below it; otherwise the comparison is within or inconclusive.",
        "Each bar is the share of detractors with a comment who complain about the theme, with its 95% interval. A theme mentioned more often by detractors than by passives and promoters is starred.",
        "Each point is this wave's Net Promoter Score with its 95% interval; the tick beside it is the previous wave's score. A diamond marks a change that is significant after correcting for the number of groups (Holm).",
        "Each point is the change since the previous wave with its 95% interval. The pale band is the smallest change these numbers of answers could detect (80% power, 5% level): a point inside it may be a real change too small to tell from chance. A diamond marks a significant change after Holm's correction.",
        "Each point is a driver: across, how well the business does on it (a rating's mean on its scale, 100 = best); up, how much of the variation in the 0-10 score it explains (its share of R², Johnson's relative weight, with the 95% bootstrap interval). The dashed lines are the medians: top left are the important aspects done less well, to fix first.",
    ],
    reading_source: "Source and method:",
    quality_none: "No row was left out: every answer is a whole number from 0 to 10.",
    quality_more: "The first {shown} of {total} kinds of left-out rows; all are in the workbook's data-quality sheet.",
    deck_editable: "This is an editable chart: its numbers are in the chart's own worksheet (Edit Data in PowerPoint and LibreOffice), the 95% intervals as error bars, (n = …) after a name the answers behind it.",
    deck_starred: "A * after a name marks a value that differs significantly from the rest.",
    deck_benchmark: "The pale bar beside each bar is the benchmark; its whisker spans the published range.",
    deck_picture: "This chart is a picture: PowerPoint has no chart type for a heat-map matrix. Its numbers are in the workbook's tables.",
    headline_change: "{change} points: {now_nps} in {now} (n = {now_n}) against {before_nps} in {before} (n = {before_n}); {test}",
    headline_rise: "significant rise, {p}",
    headline_fall: "significant fall, {p}",
    headline_not_significant: "not significant, {p}",
    headline_untested: "too few answers to test",
    headline_verdict: "Benchmark {benchmark}: {verdict}",
    headline_change_note: "Change: the last period with answers against the one before, tested as the trend chart marks changes (Holm-adjusted across its changes)",
    benchmarks_title: "NPS per sector against benchmarks",
    report_title: "NPS report: {file}",
    table_overall: "Overall",
    table_sectors: "Sectors and benchmarks",
    table_quality: "Data quality",
    col_measure: "Measure",
    col_value: "Value",
    col_low: "95% low",
    col_high: "95% high",
    col_promoters: crate::i18n::glossary::ENGLISH.promoters,
    col_passives: crate::i18n::glossary::ENGLISH.passives,
    col_detractors: crate::i18n::glossary::ENGLISH.detractors,
    col_promoter_pct: "% promoters",
    col_passive_pct: "% passives",
    col_detractor_pct: "% detractors",
    col_mean: "Mean (0-10)",
    col_p_adjusted: "p (Holm)",
    col_p: "p",
    col_test: "Test",
    col_in_both: "Respondents in both periods",
    col_detectable: "Smallest detectable difference",
    col_benchmark_low: "Benchmark low",
    col_benchmark_high: "Benchmark high",
    col_representation: "Among detractors",
    col_representation_p: "p (among detractors)",
    col_representation_p_adjusted: "p (among detractors, Holm)",
    col_impact: "Impact on NPS",
    col_impact_low: "Impact 95% low",
    col_impact_high: "Impact 95% high",
    col_impact_p: "p (impact)",
    col_impact_p_adjusted: "p (impact, Holm)",
    representation: ["more often", "less often", "no difference"],
    col_significant: "Significant",
    col_small_n: "Fewer than 30",
    col_start: "First day",
    col_published_value: "Published value",
    col_year: "Year",
    col_region: "Region",
    col_column: "Column",
    col_example_values: "Example values",
    yes: "yes",
    no: "no",
    rows_read: "Rows read",
    rows_used: "Rows used",
};

/// Nederlands.
pub static EXPORT_DUTCH: ExportTexts = ExportTexts {
    language_tag: "nl-NL",
    export_button: "Grafiek exporteren…",
    export_table_button: "Tabel exporteren…",
    save_png: "Opslaan als PNG (1920×1080)…",
    save_png_2x: "Opslaan als PNG, 2× (3840×2160)…",
    save_svg: "Opslaan als SVG…",
    copy_image: "Kopiëren als afbeelding",
    save_csv: "Opslaan als CSV…",
    save_xlsx: "Opslaan als Excel-werkmap (xlsx)…",
    export_all: "Alles exporteren…",
    brand_menu: "Rapportgegevens…",
    brand_window: "Rapportgegevens",
    brand_intro: "Hoe Alles exporteren het rapport aan uw klant presenteert: het deck, de pdf, de HTML en de werkmap gebruiken dit. Wordt met het project bewaard.",
    brand_title: "Titel",
    brand_title_hint: "NPS-rapport: bestandsnaam",
    brand_client: "Klant",
    brand_source: "Naam van de gegevens",
    brand_source_hint: "Getoond in plaats van de bestandsnaam, bijv. Klantonderzoek K3",
    brand_logo: "Logo",
    brand_no_logo: "Geen logo",
    brand_logo_set: "Logo ingesteld",
    brand_choose_logo: "Logo kiezen…",
    brand_logo_title: "Kies een logo (PNG of SVG)",
    brand_remove_logo: "Logo verwijderen",
    brand_template: "PowerPoint-sjabloon",
    brand_no_template: "Geen (standaarddia's)",
    brand_choose_template: "Sjabloon kiezen…",
    brand_remove_template: "Sjabloon verwijderen",
    brand_main_colour: "Hoofdkleur",
    brand_accent_colour: "Accentkleur",
    brand_colour_hint: "#RRGGBB, of leeg voor de standaardkleuren",
    brand_font: "Lettertype",
    brand_font_hint: "Een geïnstalleerd lettertype, bijv. Calibri",
    brand_apply: "Toepassen",
    brand_cancel: "Annuleren",
    export_quotes: "Citaten van criticasters in deck en pdf",
    export_quotes_hint: "Alles exporteren voegt per hoofdthema een pagina toe met wat criticasters zeggen. E-mailadressen, postcodes en lange getallen worden verwijderd, namen niet: lees de citaten dus voordat u de bestanden doorgeeft, of laat ze hier weg.",
    choose_folder: "Kies een map voor de export",
    save_as: "Opslaan als",
    exporting: "Bezig met exporteren…",
    done_title: "Export klaar",
    written: "{count} bestand(en) geschreven naar {folder}:",
    not_written: "Niet geschreven:",
    exporting_files: "Exporteren: {done} van {total} bestanden",
    stopped: "Export gestopt: alleen de bestanden hieronder zijn geschreven.",
    font_not_installed: "Het lettertype {font} is niet geïnstalleerd op deze computer: de pdf en de png's gebruiken DejaVu Sans; het deck, de werkmap en de HTML noemen {font}.",
    copied: "De grafiek staat op het klembord: plak hem in PowerPoint, Word of LibreOffice.",
    open_folder: "Map openen",
    open_folder_failed: "kan niet in de bestandsbeheerder worden getoond",
    nothing_to_export: "Nog niets te exporteren: open een enquête en wacht op de cijfers.",
    footnote_n: "n = {n}",
    footnote_interval: "95%-interval: aangepaste Wald",
    footnote_interval_wilson: "95%-interval: Wilson",
    footnote_filter: "Filter: {filter}",
    footnote_no_filter: "Alle antwoorden",
    footnote_period: "Periode: {from} tot {to}",
    footnote_benchmark: "Benchmark: {source}",
    legend_estimate: "NPS",
    legend_interval: "95%-interval",
    legend_significant: "Wijkt significant af van de rest",
    legend_small_n: "Minder dan 30 antwoorden (licht)",
    legend_benchmark_range: "Benchmarkbereik",
    legend_benchmark_average: "Benchmarkgemiddelde (één waarde)",
    legend_rise: "Significante stijging",
    legend_fall: "Significante daling",
    nps_axis: "Net Promoter Score",
    segments_subtitle: "Met 95%-intervallen; lichte rijen hebben minder dan 30 antwoorden",
    matrix_subtitle: "Elke cel: NPS, 95%-interval en n; lichte cellen hebben minder dan 30 antwoorden",
    headline_title: "Net Promoter Score in één oogopslag",
    reading: [
        "Het grote getal is de Net Promoter Score: het aandeel promoters (9-10) min het aandeel criticasters (0-6), van -100 tot +100. Het 95%-interval is het bereik waarin de score van iedereen die gevraagd is zou liggen; n is het aantal antwoorden. De balk toont de drie groepen; de regel over de verandering vergelijkt de laatste periode met de vorige en noemt die alleen significant als de trendgrafiek haar ook markeert.",
        "Elke balk is het aantal antwoorden met die score; de kleuren zijn de drie groepen. De Net Promoter Score en het 95%-interval staan boven de grafiek.",
        "Elke balk is de Net Promoter Score van één groep; het streepje erdoor is het 95%-interval. Een ruit markeert een groep die na correctie voor het aantal groepen (Holm) afwijkt van de rest van de antwoorden. Lichte rijen hebben minder dan 30 antwoorden: lees ze met zorg.",
        "Elke balk is de score van één combinatie van twee kolommen, met het 95%-interval. Combinaties met weinig antwoorden hebben brede intervallen en zijn licht onder 30 antwoorden.",
        "Elke cel is de Net Promoter Score van één combinatie van twee kolommen: groen boven nul, oranje eronder, sterker naarmate verder van nul. Een ster markeert een cel die afwijkt van de rest; lichte cellen hebben minder dan 30 antwoorden.",
        "De lijn is de score per periode en de band het 95%-interval; de n onder elke periode is het aantal antwoorden. Een markering toont een verandering ten opzichte van de vorige periode die significant is na correctie voor het aantal getoonde veranderingen (Holm).",
        "Elk punt is de score van een sector in deze enquête met het 95%-interval; de band of het streepje is de gepubliceerde benchmark. Hoger of lager betekent dat het hele interval erboven of eronder ligt; anders is de vergelijking binnen of onbeslist.",
        "Elke balk is het aandeel criticasters met een opmerking dat over het thema klaagt, met het 95%-interval. Een thema dat criticasters vaker noemen dan passives en promoters krijgt een ster.",
        "Elk punt is de Net Promoter Score van deze meting met het 95%-interval; het streepje ernaast is de score van de vorige meting. Een ruit markeert een verandering die significant is na correctie voor het aantal groepen (Holm).",
        "Elk punt is de verandering sinds de vorige meting met het 95%-interval. De lichte band is de kleinste verandering die deze aantallen antwoorden kunnen aantonen (80% onderscheidend vermogen, 5% niveau): een punt daarbinnen kan een echte verandering zijn die te klein is om van toeval te onderscheiden. Een ruit markeert een significante verandering na Holm-correctie.",
        "Elk punt is een drijfveer: naar rechts hoe goed het bedrijf erop scoort (het gemiddelde van een beoordeling op de eigen schaal, 100 = best); omhoog hoeveel van de variatie in de 0-10-score het verklaart (het deel van R², het relatieve gewicht van Johnson, met het 95%-bootstrapinterval). De stippellijnen zijn de medianen: linksboven staan de belangrijke punten die minder goed gaan, om eerst te verbeteren.",
    ],
    reading_source: "Bron en methode:",
    quality_none: "Er is geen rij weggelaten: elk antwoord is een geheel getal van 0 tot en met 10.",
    quality_more: "De eerste {shown} van {total} soorten weggelaten rijen; alle staan op het blad Datakwaliteit van de werkmap.",
    deck_editable: "Dit is een bewerkbare grafiek: de getallen staan in het eigen werkblad van de grafiek (Gegevens bewerken in PowerPoint en LibreOffice), de 95%-intervallen als foutbalken, (n = …) achter een naam het aantal antwoorden.",
    deck_starred: "Een * achter een naam betekent dat de waarde significant van de rest verschilt.",
    deck_benchmark: "De lichte balk naast elke balk is de benchmark; de streep erdoor beslaat het gepubliceerde bereik.",
    deck_picture: "Deze grafiek is een afbeelding: PowerPoint kent geen grafiektype voor een heatmap-matrix. De getallen staan in de tabellen van de werkmap.",
    headline_change: "{change} punten: {now_nps} in {now} (n = {now_n}) ten opzichte van {before_nps} in {before} (n = {before_n}); {test}",
    headline_rise: "significante stijging, {p}",
    headline_fall: "significante daling, {p}",
    headline_not_significant: "niet significant, {p}",
    headline_untested: "te weinig antwoorden om te toetsen",
    headline_verdict: "Benchmark {benchmark}: {verdict}",
    headline_change_note: "Verandering: de laatste periode met antwoorden ten opzichte van de vorige, getoetst zoals de trendgrafiek veranderingen markeert (Holm-gecorrigeerd over de veranderingen)",
    benchmarks_title: "NPS per sector tegenover benchmarks",
    report_title: "NPS-rapport: {file}",
    table_overall: "Totaal",
    table_sectors: "Sectoren en benchmarks",
    table_quality: "Datakwaliteit",
    col_measure: "Maat",
    col_value: "Waarde",
    col_low: "95% onder",
    col_high: "95% boven",
    col_promoters: crate::i18n::glossary::DUTCH.promoters,
    col_passives: crate::i18n::glossary::DUTCH.passives,
    col_detractors: crate::i18n::glossary::DUTCH.detractors,
    col_promoter_pct: "% promoters",
    col_passive_pct: "% passives",
    col_detractor_pct: "% criticasters",
    col_mean: "Gemiddelde (0-10)",
    col_p_adjusted: "p (Holm)",
    col_p: "p",
    col_test: "Toets",
    col_in_both: "Respondenten in beide perioden",
    col_detectable: "Kleinste aantoonbare verschil",
    col_benchmark_low: "Benchmark onder",
    col_benchmark_high: "Benchmark boven",
    col_representation: "Bij criticasters",
    col_representation_p: "p (bij criticasters)",
    col_representation_p_adjusted: "p (bij criticasters, Holm)",
    col_impact: "Invloed op NPS",
    col_impact_low: "Invloed 95% onder",
    col_impact_high: "Invloed 95% boven",
    col_impact_p: "p (invloed)",
    col_impact_p_adjusted: "p (invloed, Holm)",
    representation: ["vaker", "minder vaak", "geen verschil"],
    col_significant: "Significant",
    col_small_n: "Minder dan 30",
    col_start: "Eerste dag",
    col_published_value: "Gepubliceerde waarde",
    col_year: "Jaar",
    col_region: "Regio",
    col_column: "Kolom",
    col_example_values: "Voorbeeldwaarden",
    yes: "ja",
    no: "nee",
    rows_read: "Rijen gelezen",
    rows_used: "Rijen gebruikt",
};

/// Dansk.
pub static EXPORT_DANISH: ExportTexts = ExportTexts {
    language_tag: "da-DK",
    export_button: "Eksportér diagram…",
    export_table_button: "Eksportér tabel…",
    save_png: "Gem som PNG (1920×1080)…",
    save_png_2x: "Gem som PNG, 2× (3840×2160)…",
    save_svg: "Gem som SVG…",
    copy_image: "Kopiér som billede",
    save_csv: "Gem som CSV…",
    save_xlsx: "Gem som Excel-projektmappe (xlsx)…",
    export_all: "Eksportér alt…",
    brand_menu: "Rapportoplysninger…",
    brand_window: "Rapportoplysninger",
    brand_intro: "Hvordan Eksportér alt præsenterer rapporten for din kunde: præsentationen, pdf'en, HTML-filen og arbejdsbogen bruger dette. Gemmes med projektet.",
    brand_title: "Titel",
    brand_title_hint: "NPS-rapport: filnavn",
    brand_client: "Kunde",
    brand_source: "Navn på data",
    brand_source_hint: "Vises i stedet for filnavnet, fx Kundeundersøgelse K3",
    brand_logo: "Logo",
    brand_no_logo: "Intet logo",
    brand_logo_set: "Logo valgt",
    brand_choose_logo: "Vælg logo…",
    brand_logo_title: "Vælg et logo (PNG eller SVG)",
    brand_remove_logo: "Fjern logo",
    brand_template: "PowerPoint-skabelon",
    brand_no_template: "Ingen (standardslides)",
    brand_choose_template: "Vælg skabelon…",
    brand_remove_template: "Fjern skabelon",
    brand_main_colour: "Hovedfarve",
    brand_accent_colour: "Accentfarve",
    brand_colour_hint: "#RRGGBB, eller tom for standardfarverne",
    brand_font: "Skrifttype",
    brand_font_hint: "En installeret skrifttype, fx Calibri",
    brand_apply: "Anvend",
    brand_cancel: "Annuller",
    export_quotes: "Kritikeres citater i præsentation og pdf",
    export_quotes_hint: "Eksportér alt tilføjer en side pr. hovedtema med det, kritikere siger. E-mailadresser, postnumre og lange tal fjernes, navne gør ikke: læs derfor citaterne, før du giver filerne videre, eller udelad dem her.",
    choose_folder: "Vælg en mappe til eksporten",
    save_as: "Gem som",
    exporting: "Eksporterer…",
    done_title: "Eksporten er færdig",
    written: "{count} fil(er) skrevet til {folder}:",
    not_written: "Ikke skrevet:",
    exporting_files: "Eksporterer: {done} af {total} filer",
    stopped: "Eksporten blev stoppet: kun filerne nedenfor blev skrevet.",
    font_not_installed: "Skrifttypen {font} er ikke installeret på denne computer: pdf'en og png-filerne bruger DejaVu Sans; præsentationen, arbejdsbogen og HTML'en nævner {font}.",
    copied: "Diagrammet er på udklipsholderen: indsæt det i PowerPoint, Word eller LibreOffice.",
    open_folder: "Åbn mappe",
    open_folder_failed: "kan ikke vises i filhåndteringen",
    nothing_to_export: "Intet at eksportere endnu: åbn en undersøgelse og vent på tallene.",
    footnote_n: "n = {n}",
    footnote_interval: "95 %-interval: justeret Wald",
    footnote_interval_wilson: "95 %-interval: Wilson",
    footnote_filter: "Filter: {filter}",
    footnote_no_filter: "Alle svar",
    footnote_period: "Periode: {from} til {to}",
    footnote_benchmark: "Benchmark: {source}",
    legend_estimate: "NPS",
    legend_interval: "95 %-interval",
    legend_significant: "Afviger signifikant fra resten",
    legend_small_n: "Færre end 30 svar (lys)",
    legend_benchmark_range: "Benchmark-interval",
    legend_benchmark_average: "Benchmark-gennemsnit (én værdi)",
    legend_rise: "Signifikant stigning",
    legend_fall: "Signifikant fald",
    nps_axis: "Net Promoter Score",
    segments_subtitle: "Med 95 %-intervaller; lyse rækker har færre end 30 svar",
    matrix_subtitle: "Hver celle: NPS, 95 %-interval og n; lyse celler har færre end 30 svar",
    headline_title: "Overblik over Net Promoter Score",
    reading: [
        "Det store tal er Net Promoter Score: andelen af promotorer (9-10) minus andelen af kritikere (0-6), fra -100 til +100. 95 %-intervallet er det område, scoren for alle adspurgte ville ligge i; n er antallet af svar. Bjælken viser de tre grupper; linjen om ændringen sammenligner den seneste periode med den forrige og kalder den kun signifikant, når udviklingsgrafen også markerer den.",
        "Hver søjle er antallet af svar med den score; farverne er de tre grupper. Net Promoter Score og 95 %-intervallet står over grafen.",
        "Hver søjle er én gruppes Net Promoter Score; stregen er 95 %-intervallet. En rombe markerer en gruppe, der afviger fra resten af svarene efter korrektion for antallet af grupper (Holm). Lyse rækker har færre end 30 svar: læs dem med omtanke.",
        "Hver søjle er scoren for én kombination af to kolonner med 95 %-intervallet. Kombinationer med få svar har brede intervaller og er lyse under 30 svar.",
        "Hver celle er Net Promoter Score for én kombination af to kolonner: grøn over nul, orange under, stærkere jo længere fra nul. En stjerne markerer en celle, der afviger fra resten; lyse celler har færre end 30 svar.",
        "Linjen er scoren pr. periode og båndet 95 %-intervallet; n under hver periode er antallet af svar. En markering viser en ændring fra forrige periode, der er signifikant efter korrektion for antallet af viste ændringer (Holm).",
        "Hvert punkt er en branches score i denne undersøgelse med 95 %-intervallet; båndet eller stregen er den offentliggjorte benchmark. Over eller under betyder, at hele intervallet ligger over eller under den; ellers er sammenligningen inden for eller uafklaret.",
        "Hver søjle er andelen af kritikere med en kommentar, der klager over temaet, med 95 %-intervallet. Et tema, som kritikere nævner oftere end passive og promotorer, får en stjerne.",
        "Hvert punkt er denne målings Net Promoter Score med 95 %-intervallet; stregen ved siden af er den forrige målings score. En rombe markerer en ændring, der er signifikant efter korrektion for antallet af grupper (Holm).",
        "Hvert punkt er ændringen siden den forrige måling med 95 %-intervallet. Det lyse bånd er den mindste ændring, disse antal svar kan påvise (80 % styrke, 5 % niveau): et punkt inden for det kan være en reel ændring, der er for lille til at skelne fra tilfældighed. En rombe markerer en signifikant ændring efter Holm-korrektion.",
        "Hvert punkt er en drivkraft: mod højre hvor godt virksomheden klarer sig på den (en vurderings gennemsnit på dens skala, 100 = bedst); opad hvor meget af variationen i 0-10-scoren den forklarer (dens andel af R², Johnsons relative vægt, med 95%-bootstrapintervallet). De stiplede linjer er medianerne: øverst til venstre står de vigtige punkter, der går mindre godt, og som bør forbedres først.",
    ],
    reading_source: "Kilde og metode:",
    quality_none: "Ingen rækker er udeladt: hvert svar er et helt tal fra 0 til 10.",
    quality_more: "De første {shown} af {total} slags udeladte rækker; alle står på arket Datakvalitet i arbejdsbogen.",
    deck_editable: "Dette er et redigerbart diagram: tallene står i diagrammets eget regneark (Rediger data i PowerPoint og LibreOffice), 95 %-intervallerne som fejllinjer, (n = …) efter et navn antallet af svar.",
    deck_starred: "En * efter et navn markerer en værdi, der afviger signifikant fra resten.",
    deck_benchmark: "Den lyse søjle ved siden af hver søjle er benchmarket; stregen gennem den dækker det offentliggjorte interval.",
    deck_picture: "Dette diagram er et billede: PowerPoint har ingen diagramtype til en heatmap-matrix. Tallene står i arbejdsbogens tabeller.",
    headline_change: "{change} point: {now_nps} i {now} (n = {now_n}) i forhold til {before_nps} i {before} (n = {before_n}); {test}",
    headline_rise: "signifikant stigning, {p}",
    headline_fall: "signifikant fald, {p}",
    headline_not_significant: "ikke signifikant, {p}",
    headline_untested: "for få svar til at teste",
    headline_verdict: "Benchmark {benchmark}: {verdict}",
    headline_change_note: "Ændring: den seneste periode med svar i forhold til den forrige, testet som udviklingsgrafen markerer ændringer (Holm-justeret over ændringerne)",
    benchmarks_title: "NPS pr. sektor mod benchmarks",
    report_title: "NPS-rapport: {file}",
    table_overall: "Samlet",
    table_sectors: "Sektorer og benchmarks",
    table_quality: "Datakvalitet",
    col_measure: "Mål",
    col_value: "Værdi",
    col_low: "95 % nedre",
    col_high: "95 % øvre",
    col_promoters: crate::i18n::glossary::DANISH.promoters,
    col_passives: crate::i18n::glossary::DANISH.passives,
    col_detractors: crate::i18n::glossary::DANISH.detractors,
    col_promoter_pct: "% promotorer",
    col_passive_pct: "% passive",
    col_detractor_pct: "% kritikere",
    col_mean: "Gennemsnit (0-10)",
    col_p_adjusted: "p (Holm)",
    col_p: "p",
    col_test: "Test",
    col_in_both: "Respondenter i begge perioder",
    col_detectable: "Mindste påviselige forskel",
    col_benchmark_low: "Benchmark nedre",
    col_benchmark_high: "Benchmark øvre",
    col_representation: "Blandt kritikere",
    col_representation_p: "p (blandt kritikere)",
    col_representation_p_adjusted: "p (blandt kritikere, Holm)",
    col_impact: "Indvirkning på NPS",
    col_impact_low: "Indvirkning 95 % nedre",
    col_impact_high: "Indvirkning 95 % øvre",
    col_impact_p: "p (indvirkning)",
    col_impact_p_adjusted: "p (indvirkning, Holm)",
    representation: ["oftere", "sjældnere", "ingen forskel"],
    col_significant: "Signifikant",
    col_small_n: "Færre end 30",
    col_start: "Første dag",
    col_published_value: "Offentliggjort værdi",
    col_year: "År",
    col_region: "Region",
    col_column: "Kolonne",
    col_example_values: "Eksempelværdier",
    yes: "ja",
    no: "nej",
    rows_read: "Rækker læst",
    rows_used: "Rækker brugt",
};

impl Language {
    /// The export texts of this language.
    #[must_use]
    pub fn export_texts(self) -> &'static ExportTexts {
        match self {
            Self::English => &EXPORT_ENGLISH,
            Self::Dutch => &EXPORT_DUTCH,
            Self::Danish => &EXPORT_DANISH,
        }
    }
}

impl ExportTexts {
    /// The export texts whose language tag is `tag` (`nl-NL`), English for any other.
    #[must_use]
    pub fn of_tag(tag: &str) -> &'static Self {
        Language::ALL.into_iter().map(Language::export_texts).find(|x| x.language_tag == tag).unwrap_or(&EXPORT_ENGLISH)
    }
}
