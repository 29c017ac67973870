//! The Guide (Help › Guide, F1), the tooltips on the same subjects in the views, the empty
//! window's words and the About box's licences, in English, Dutch and Danish: plain language for
//! someone with no statistician to ask. Looked up with [`HelpTexts::of`] or through the `help`
//! field of a language's `Texts`. Templates hold `{name}` placeholders filled by
//! [`super::fill`].

use super::Language;

/// The texts of the Guide, the tooltips, the empty window and the About box's licences.
#[derive(Debug, serde::Serialize)]
#[allow(missing_docs)] // each field is named for the subject it explains
pub struct HelpTexts {
    pub guide: &'static str,
    pub guide_title: &'static str,
    pub start_title: &'static str,
    pub start_body: &'static str,
    pub groups_title: &'static str,
    pub groups_body: &'static str,
    pub interval_title: &'static str,
    pub interval_body: &'static str,
    pub pale_title: &'static str,
    pub pale_body: &'static str,
    pub stars_title: &'static str,
    pub stars_body: &'static str,
    pub verdicts_title: &'static str,
    pub verdicts_body: &'static str,
    pub excluded_title: &'static str,
    pub excluded_body: &'static str,
    pub tip_nps: &'static str,
    pub tip_interval: &'static str,
    pub tip_small_n: &'static str,
    pub tip_significant: &'static str,
    pub tip_verdict: &'static str,
    pub tip_excluded: &'static str,
    pub empty_title: &'static str,
    pub empty_body: &'static str,
    pub empty_open: &'static str,
    pub empty_sample: &'static str,
    pub empty_drop: &'static str,
    pub empty_guide: &'static str,
    pub focus_filter: &'static str,
    pub about_licences: &'static str,
    pub about_app_licence: &'static str,
    pub about_font_licence: &'static str,
    pub about_components: &'static str,
}

impl HelpTexts {
    /// The help texts of `language`.
    #[must_use]
    pub fn of(language: Language) -> &'static HelpTexts {
        match language {
            Language::English => &HELP_ENGLISH,
            Language::Dutch => &HELP_DUTCH,
            Language::Danish => &HELP_DANISH,
        }
    }
}

/// English help.
pub static HELP_ENGLISH: HelpTexts = HelpTexts {
    guide: "Guide",
    guide_title: "Guide",
    start_title: "Getting started",
    start_body: "Open a survey export (File › Open…, or drop the file onto the window): csv, txt, xlsx, xls or ods, as Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform or LimeSurvey save it, or your own sheet. First check the import: the column holding the 0-10 answers, the segments and the dates. Nothing leaves this computer.",
    groups_title: "Promoters, passives and detractors",
    groups_body: "People answered \"How likely are you to recommend us?\" from 0 to 10. Those who gave 9 or 10 are promoters, 7 or 8 passives, 0 to 6 detractors. The Net Promoter Score is the percentage of promoters minus the percentage of detractors, so it runs from -100 (everyone a detractor) to +100 (everyone a promoter). Passives count in the total but in neither group.",
    interval_title: "What the interval means",
    interval_body: "Your answers are a sample of your customers. The 95% interval is the range in which the NPS of all your customers most likely lies: if the survey were repeated with other customers many times, intervals made this way would hold the true NPS 95 times in 100. Few answers give a wide interval. Two scores whose intervals overlap a lot may not really differ; the Segments and Trend views mark a difference only when a test says it is unlikely to be chance.",
    pale_title: "Why a segment is pale or flagged",
    pale_body: "A pale bar or a \"small n\" note means fewer than 30 answers: its score can swing a lot with a few more answers, so read it with care. When the file is weighted, answers are counted as the effective number (Kish's effective n), which is lower than the number of rows when a few people carry large weights. A star (*) means the segment differs from the rest of the data by more than chance would explain (see How a star is earned).",
    stars_title: "How a star is earned",
    stars_body: "A star (*) says a difference is larger than chance would explain. Each test was checked by simulation: groups drawn from one and the same population, so that every star is a false alarm, are starred at most 5 times in 100. Groups of up to 100 answers are compared with an exact test (every way the answers could have been split, counted); larger groups, and weighted data, with a z-test on the variance of both groups together. Shares (a theme among detractors, a response rate) use Fisher's exact test; the same respondents answering in two periods (matched by their ID) are compared by their own changes. When many segments or themes are tested at once, the p-values are corrected (Holm), and tables show both: \"p\" and \"p (Holm)\"; the star follows the corrected one. Groups of fewer than 5 answers are never tested, and one answer has no interval at all. The test used before starred 19 in 100 groups of 5 that did not differ; the table of rates is printed by the calibration example in the source.",
    verdicts_title: "What a benchmark verdict means",
    verdicts_body: "Above: your whole interval lies above the published benchmark. Below: your whole interval lies below it. Within: your interval lies inside a published range. Inconclusive: the interval and the benchmark overlap, so your data cannot tell. Too few answers: under 30 answers are not compared. Benchmarks come from other people's surveys, regions and years: the notes under a verdict say where they differ from your data.",
    excluded_title: "How rows are left out",
    excluded_body: "A row is left out of the score when its answer is blank, text (\"n.v.t.\", \"don't know\"), not a whole number (7.5) or outside 0-10 (11). A row whose weight is blank, zero or negative is left out of a weighted file. Left-out rows are never counted as detractors. The Overview shows how many rows were left out and why, with example row numbers as in your spreadsheet.",
    tip_nps: "% promoters (9-10) minus % detractors (0-6); -100 to +100. Help › Guide explains more.",
    tip_interval: "The NPS of all your customers most likely lies in this range (95%); fewer answers give a wider range.",
    tip_small_n: "Fewer than 30 answers (effective n when weighted): the score can change a lot with a few more answers.",
    tip_significant: "Differs from the rest of the data by more than chance would explain (exact test up to 100 answers, else z-test; Holm-corrected p < 0.05).",
    tip_verdict: "Above or below: your whole 95% interval lies above or below the benchmark. Within: inside a published range. Inconclusive: they overlap.",
    tip_excluded: "Rows with a blank, text, decimal or out-of-range answer are left out of n, never counted as detractors.",
    empty_title: "No survey open yet",
    empty_body: "Start with a survey export from Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform, LimeSurvey or your own spreadsheet (csv, xlsx, xls, ods). Your file is only read, never changed, and nothing leaves this computer.",
    empty_open: "Open a survey file…",
    empty_sample: "Try the sample survey",
    empty_drop: "or drop a file onto this window",
    empty_guide: "Read the guide",
    focus_filter: "Go to the filter",
    about_licences: "Licences",
    about_app_licence: "NPS Workbench is free software under the MIT licence or the Apache License 2.0, at your choice.",
    about_font_licence: "Charts and exports use the DejaVu Sans font (Bitstream Vera licence; DejaVu's changes are in the public domain).",
    about_components: "Built with these components, each under its own licence:",
};

/// Dutch help.
pub static HELP_DUTCH: HelpTexts = HelpTexts {
    guide: "Handleiding",
    guide_title: "Handleiding",
    start_title: "Zo begint u",
    start_body: "Open een enquête-export (Bestand › Openen…, of sleep het bestand naar het venster): csv, txt, xlsx, xls of ods, zoals Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform of LimeSurvey die opslaan, of uw eigen werkblad. Controleer eerst de import: de kolom met de antwoorden 0-10, de segmenten en de datums. Er verlaat niets deze computer.",
    groups_title: "Promoters, passives en criticasters",
    groups_body: "Mensen beantwoordden \"Hoe waarschijnlijk is het dat u ons aanbeveelt?\" met 0 tot 10. Wie 9 of 10 gaf is promoter, 7 of 8 passive, 0 tot 6 criticaster. De Net Promoter Score is het percentage promoters min het percentage criticasters en loopt dus van -100 (iedereen criticaster) tot +100 (iedereen promoter). Passives tellen mee in het totaal, maar in geen van beide groepen.",
    interval_title: "Wat het interval betekent",
    interval_body: "Uw antwoorden zijn een steekproef uit uw klanten. Het 95%-betrouwbaarheidsinterval is het bereik waarin de NPS van al uw klanten hoogstwaarschijnlijk ligt: als u de enquête vele malen bij andere klanten zou herhalen, zouden intervallen die zo berekend worden 95 van de 100 keer de werkelijke NPS bevatten. Weinig antwoorden geven een breed interval. Twee scores waarvan de intervallen sterk overlappen, verschillen misschien niet echt; de weergaven Segmenten en Trend markeren een verschil alleen als een toets zegt dat het waarschijnlijk geen toeval is.",
    pale_title: "Waarom een segment licht of gemarkeerd is",
    pale_body: "Een lichte balk of de opmerking \"kleine n\" betekent minder dan 30 antwoorden: de score kan met een paar antwoorden meer flink verschuiven, dus lees hem met zorg. Is het bestand gewogen, dan tellen de antwoorden als het effectieve aantal (Kish' effectieve n), dat lager is dan het aantal rijen als enkele mensen een groot gewicht hebben. Een ster (*) betekent dat het segment meer van de rest van de data verschilt dan toeval kan verklaren (zie Hoe een ster verdiend wordt).",
    stars_title: "Hoe een ster verdiend wordt",
    stars_body: "Een ster (*) zegt dat een verschil groter is dan toeval kan verklaren. Elke toets is met simulatie gecontroleerd: groepen uit één en dezelfde populatie, zodat elke ster een vals alarm is, krijgen hoogstens 5 op de 100 keer een ster. Groepen tot 100 antwoorden worden met een exacte toets vergeleken (elke manier waarop de antwoorden verdeeld hadden kunnen zijn, geteld); grotere groepen, en gewogen data, met een z-toets op de spreiding van beide groepen samen. Aandelen (een thema bij criticasters, een respons) gebruiken de exacte toets van Fisher; dezelfde respondenten in twee perioden (gekoppeld op hun ID) worden vergeleken op hun eigen verandering. Worden veel segmenten of thema's tegelijk getoetst, dan worden de p-waarden gecorrigeerd (Holm), en tabellen tonen beide: \"p\" en \"p (Holm)\"; de ster volgt de gecorrigeerde. Groepen onder 5 antwoorden worden nooit getoetst, en één antwoord heeft helemaal geen interval. De vorige toets gaf 19 van de 100 groepen van 5 die niet verschilden een ster; de tabel met de percentages drukt het kalibratievoorbeeld in de broncode af.",
    verdicts_title: "Wat een benchmarkoordeel betekent",
    verdicts_body: "Boven: uw hele interval ligt boven de gepubliceerde benchmark. Onder: uw hele interval ligt eronder. Binnen: uw interval ligt binnen een gepubliceerd bereik. Onbeslist: interval en benchmark overlappen, dus uw data kunnen het niet zeggen. Te weinig antwoorden: onder de 30 antwoorden wordt niet vergeleken. Benchmarks komen uit enquêtes van anderen, uit andere regio's en jaren: de opmerkingen onder een oordeel zeggen waarin ze van uw data verschillen.",
    excluded_title: "Hoe rijen worden uitgesloten",
    excluded_body: "Een rij telt niet mee in de score als het antwoord leeg is, tekst is (\"n.v.t.\", \"weet niet\"), geen geheel getal is (7,5) of buiten 0-10 valt (11). In een gewogen bestand telt een rij met een leeg, nul- of negatief gewicht niet mee. Uitgesloten rijen worden nooit als criticaster geteld. Het Overzicht toont hoeveel rijen zijn uitgesloten en waarom, met voorbeeldrijnummers zoals in uw werkblad.",
    tip_nps: "% promoters (9-10) min % criticasters (0-6); -100 tot +100. Help › Handleiding legt meer uit.",
    tip_interval: "De NPS van al uw klanten ligt hoogstwaarschijnlijk in dit bereik (95%); minder antwoorden geven een breder bereik.",
    tip_small_n: "Minder dan 30 antwoorden (effectieve n bij weging): de score kan met een paar antwoorden meer flink veranderen.",
    tip_significant: "Verschilt meer van de rest van de data dan toeval kan verklaren (exacte toets tot 100 antwoorden, anders z-toets; Holm-gecorrigeerde p < 0,05).",
    tip_verdict: "Boven of onder: uw hele 95%-interval ligt boven of onder de benchmark. Binnen: binnen een gepubliceerd bereik. Onbeslist: ze overlappen.",
    tip_excluded: "Rijen met een leeg antwoord, tekst, een decimaal getal of een antwoord buiten 0-10 tellen niet mee in n en nooit als criticaster.",
    empty_title: "Nog geen enquête geopend",
    empty_body: "Begin met een enquête-export uit Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform, LimeSurvey of uw eigen werkblad (csv, xlsx, xls, ods). Uw bestand wordt alleen gelezen, nooit gewijzigd, en er verlaat niets deze computer.",
    empty_open: "Een enquêtebestand openen…",
    empty_sample: "De voorbeeldenquête proberen",
    empty_drop: "of sleep een bestand naar dit venster",
    empty_guide: "De handleiding lezen",
    focus_filter: "Naar het filter",
    about_licences: "Licenties",
    about_app_licence: "NPS Workbench is vrije software onder de MIT-licentie of de Apache License 2.0, naar uw keuze.",
    about_font_licence: "Grafieken en exports gebruiken het lettertype DejaVu Sans (Bitstream Vera-licentie; de wijzigingen van DejaVu zijn publiek domein).",
    about_components: "Gebouwd met deze onderdelen, elk onder een eigen licentie:",
};

/// Danish help.
pub static HELP_DANISH: HelpTexts = HelpTexts {
    guide: "Vejledning",
    guide_title: "Vejledning",
    start_title: "Sådan kommer du i gang",
    start_body: "Åbn en eksport af en undersøgelse (Filer › Åbn…, eller træk filen hen på vinduet): csv, txt, xlsx, xls eller ods, som Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform eller LimeSurvey gemmer den, eller dit eget regneark. Kontrollér først importen: kolonnen med svarene 0-10, segmenterne og datoerne. Intet forlader denne computer.",
    groups_title: "Promotorer, passive og kritikere",
    groups_body: "Folk svarede på \"Hvor sandsynligt er det, at du vil anbefale os?\" fra 0 til 10. De, der gav 9 eller 10, er promotorer, 7 eller 8 passive, 0 til 6 kritikere. Net Promoter Score er procentdelen af promotorer minus procentdelen af kritikere og går altså fra -100 (alle er kritikere) til +100 (alle er promotorer). Passive tæller med i det samlede antal, men i ingen af grupperne.",
    interval_title: "Hvad intervallet betyder",
    interval_body: "Dine svar er en stikprøve af dine kunder. 95%-konfidensintervallet er det område, hvor NPS for alle dine kunder højst sandsynligt ligger: gentog man undersøgelsen mange gange med andre kunder, ville intervaller beregnet på denne måde indeholde den sande NPS 95 gange ud af 100. Få svar giver et bredt interval. To scorer, hvis intervaller overlapper meget, er måske ikke reelt forskellige; visningerne Segmenter og Udvikling markerer kun en forskel, når en test siger, at den næppe skyldes tilfældighed.",
    pale_title: "Hvorfor et segment er lyst eller markeret",
    pale_body: "En lys søjle eller noten \"lille n\" betyder under 30 svar: scoren kan flytte sig meget med nogle få svar mere, så læs den med forsigtighed. Er filen vægtet, tælles svarene som det effektive antal (Kishs effektive n), som er lavere end antallet af rækker, når få personer har store vægte. En stjerne (*) betyder, at segmentet afviger mere fra resten af data, end tilfældighed kan forklare (se Hvordan en stjerne fortjenes).",
    stars_title: "Hvordan en stjerne fortjenes",
    stars_body: "En stjerne (*) siger, at en forskel er større, end tilfældighed kan forklare. Hver test er kontrolleret ved simulation: grupper trukket fra én og samme population, så hver stjerne er en falsk alarm, får højst en stjerne 5 gange ud af 100. Grupper på op til 100 svar sammenlignes med en eksakt test (alle måder, svarene kunne være fordelt på, talt op); større grupper og vægtede data med en z-test på spredningen i begge grupper samlet. Andele (et tema blandt kritikere, en svarprocent) bruger Fishers eksakte test; de samme respondenter i to perioder (koblet via deres ID) sammenlignes på deres egen ændring. Testes mange segmenter eller temaer på én gang, korrigeres p-værdierne (Holm), og tabellerne viser begge: \"p\" og \"p (Holm)\"; stjernen følger den korrigerede. Grupper under 5 svar testes aldrig, og ét svar har slet intet interval. Den tidligere test gav 19 ud af 100 grupper på 5, der ikke var forskellige, en stjerne; tabellen med andelene udskrives af kalibreringseksemplet i kildekoden.",
    verdicts_title: "Hvad en benchmarkvurdering betyder",
    verdicts_body: "Over: hele dit interval ligger over den offentliggjorte benchmark. Under: hele dit interval ligger under den. Inden for: dit interval ligger inden for et offentliggjort interval. Uafklaret: intervallet og benchmarken overlapper, så dine data kan ikke afgøre det. For få svar: under 30 svar sammenlignes ikke. Benchmarks stammer fra andres undersøgelser, regioner og år: noterne under en vurdering siger, hvor de afviger fra dine data.",
    excluded_title: "Hvordan rækker udelades",
    excluded_body: "En række udelades af scoren, når svaret er tomt, tekst (\"ved ikke\"), ikke et helt tal (7,5) eller uden for 0-10 (11). I en vægtet fil udelades en række, hvis vægt er tom, nul eller negativ. Udeladte rækker regnes aldrig som kritikere. Overblikket viser, hvor mange rækker der er udeladt og hvorfor, med eksempler på rækkenumre som i dit regneark.",
    tip_nps: "% promotorer (9-10) minus % kritikere (0-6); -100 til +100. Hjælp › Vejledning forklarer mere.",
    tip_interval: "NPS for alle dine kunder ligger højst sandsynligt i dette område (95%); færre svar giver et bredere område.",
    tip_small_n: "Under 30 svar (effektivt n ved vægtning): scoren kan ændre sig meget med nogle få svar mere.",
    tip_significant: "Afviger mere fra resten af data, end tilfældighed kan forklare (eksakt test op til 100 svar, ellers z-test; Holm-korrigeret p < 0,05).",
    tip_verdict: "Over eller under: hele dit 95%-interval ligger over eller under benchmarken. Inden for: inden for et offentliggjort interval. Uafklaret: de overlapper.",
    tip_excluded: "Rækker med et tomt svar, tekst, et decimaltal eller et svar uden for 0-10 tæller ikke med i n og aldrig som kritikere.",
    empty_title: "Ingen undersøgelse åben endnu",
    empty_body: "Begynd med en eksport fra Qualtrics, SurveyMonkey, Google Forms, Microsoft Forms, Typeform, LimeSurvey eller dit eget regneark (csv, xlsx, xls, ods). Din fil bliver kun læst, aldrig ændret, og intet forlader denne computer.",
    empty_open: "Åbn en undersøgelsesfil…",
    empty_sample: "Prøv eksempelundersøgelsen",
    empty_drop: "eller træk en fil hen på dette vindue",
    empty_guide: "Læs vejledningen",
    focus_filter: "Gå til filteret",
    about_licences: "Licenser",
    about_app_licence: "NPS Workbench er fri software under MIT-licensen eller Apache License 2.0, efter eget valg.",
    about_font_licence: "Diagrammer og eksporter bruger skrifttypen DejaVu Sans (Bitstream Vera-licens; DejaVus ændringer er i det offentlige domæne).",
    about_components: "Bygget med disse komponenter, hver under sin egen licens:",
};

/// The main components and their licences (SPDX), for the About box.
pub const COMPONENT_LICENCES: [(&str, &str); 13] = [
    ("egui, eframe, egui_plot", "MIT OR Apache-2.0"),
    ("polars", "MIT"),
    ("calamine", "MIT"),
    ("csv", "Unlicense OR MIT"),
    ("encoding_rs", "(Apache-2.0 OR MIT) AND BSD-3-Clause"),
    ("rust_xlsxwriter", "MIT OR Apache-2.0"),
    ("resvg", "Apache-2.0 OR MIT"),
    ("zip", "MIT"),
    ("rfd", "MIT"),
    ("serde, serde_json, clap, chrono", "MIT OR Apache-2.0"),
    ("rust-stemmers", "MIT OR BSD-3-Clause"),
    ("whatlang", "MIT"),
    ("winit", "Apache-2.0"),
];
