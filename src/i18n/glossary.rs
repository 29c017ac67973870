//! One vocabulary: the names of the three NPS groups in English, Dutch and Danish (Dutch practice
//! says "promoters", "passives" and "criticasters"; Danish "promotorer", "passive" and
//! "kritikere"), the names of the statistical tests, and the bundled benchmarks' sector names,
//! populations, regions and audiences.
//!
//! The themes and export tables take their column headings from these constants; the other
//! texts spell the names inside sentences, and a test reads every text of every table and fails
//! on a group called by another name, so no screen, CLI line or export can differ from its
//! neighbour. The bundled benchmark file (`assets/benchmarks.csv`) is written in English; its
//! sector names and populations are translated here, keyed by their English text, and a test
//! fails on a bundled row without its Dutch and Danish words. A user's own rows are shown as
//! they wrote them. Sources are citations and stay as published.

use super::{Language, Texts};

/// The three groups' names, as column headings (capitalised, plural).
#[derive(Debug, Clone, Copy)]
pub struct GroupNames {
    /// Who answer 9-10.
    pub promoters: &'static str,
    /// Who answer 7-8.
    pub passives: &'static str,
    /// Who answer 0-6.
    pub detractors: &'static str,
}

/// English.
pub const ENGLISH: GroupNames = GroupNames { promoters: "Promoters", passives: "Passives", detractors: "Detractors" };
/// Dutch.
pub const DUTCH: GroupNames = GroupNames { promoters: "Promoters", passives: "Passives", detractors: "Criticasters" };
/// Danish.
pub const DANISH: GroupNames = GroupNames { promoters: "Promotorer", passives: "Passive", detractors: "Kritikere" };

/// The group names of `language`.
#[must_use]
pub fn group_names(language: Language) -> GroupNames {
    match language {
        Language::English => ENGLISH,
        Language::Dutch => DUTCH,
        Language::Danish => DANISH,
    }
}

/// Bundled benchmark sectors: English, Dutch, Danish.
const SECTORS: [[&str; 3]; 27] = [
    ["Accounting", "Accountancy", "Revision og regnskab"],
    ["Airlines", "Luchtvaartmaatschappijen", "Flyselskaber"],
    ["All industries", "Alle sectoren", "Alle brancher"],
    ["Auto dealers", "Autodealers", "Bilforhandlere"],
    ["B2B service providers, all", "Zakelijke dienstverleners, alle", "B2B-serviceudbydere, alle"],
    ["B2B software & SaaS", "B2B-software & SaaS", "B2B-software og SaaS"],
    ["B2B, all sectors", "B2B, alle sectoren", "B2B, alle brancher"],
    ["Banking", "Bankwezen", "Bankvirksomhed"],
    ["Car rental", "Autoverhuur", "Biludlejning"],
    ["Construction & installation", "Bouw & installatie", "Byggeri og installation"],
    ["Consulting", "Consultancy", "Konsulentvirksomhed"],
    ["Consumer payments", "Betaaldiensten voor consumenten", "Betalingstjenester til forbrugere"],
    ["Digital marketing agencies", "Digitale marketingbureaus", "Digitale marketingbureauer"],
    ["Facility services", "Facilitaire dienstverlening", "Facilityservice"],
    ["Grocery", "Supermarkten", "Dagligvarer"],
    ["HR services", "HR-dienstverlening", "HR-services"],
    ["Health insurance", "Zorgverzekeringen", "Sundhedsforsikring"],
    ["ICT services", "ICT-dienstverlening", "IT-services"],
    ["Logistics / transport", "Logistiek / vervoer", "Logistik / fragt"],
    ["Manufacturing", "Industrie", "Fremstillingsindustri"],
    ["Professional services", "Zakelijke dienstverlening", "Liberale erhverv"],
    ["Recruitment process outsourcing", "Uitbestede werving (RPO)", "Outsourcet rekruttering (RPO)"],
    ["Retail", "Detailhandel", "Detailhandel"],
    ["Streaming media", "Streamingdiensten", "Streamingtjenester"],
    ["TV / internet service providers", "Tv- en internetproviders", "Tv- og internetudbydere"],
    ["Waste services", "Afvalinzameling", "Affaldshåndtering"],
    ["Wholesale", "Groothandel", "Engroshandel"],
];

/// Bundled benchmark populations (who was asked): English, Dutch, Danish.
const POPULATIONS: [[&str; 3]; 16] = [
    [
        "B2B companies on the Retently platform",
        "B2B-bedrijven op het Retently-platform",
        "B2B-virksomheder på Retently-platformen",
    ],
    [
        "B2B software companies, several reports 2020-24",
        "B2B-softwarebedrijven, meerdere rapporten 2020-24",
        "B2B-softwarevirksomheder, flere rapporter 2020-24",
    ],
    [
        "Dutch B2B clients, 9 sectors (top performers +40 to +45)",
        "Nederlandse B2B-klanten, 9 sectoren (koplopers +40 tot +45)",
        "Hollandske B2B-kunder, 9 brancher (de bedste +40 til +45)",
    ],
    ["Dutch B2B clients, Integron", "Nederlandse B2B-klanten, Integron", "Hollandske B2B-kunder, Integron"],
    [
        "Dutch B2B clients, Integron (22% promoters, 27% detractors)",
        "Nederlandse B2B-klanten, Integron (22% promoters, 27% criticasters)",
        "Hollandske B2B-kunder, Integron (22 % promotorer, 27 % kritikere)",
    ],
    [
        "SurveyMonkey customers, global, median (top quartile 72 or more)",
        "Klanten van SurveyMonkey, wereldwijd, mediaan (bovenste kwart 72 of meer)",
        "SurveyMonkey-kunder, globalt, median (øverste kvartil 72 eller mere)",
    ],
    ["US B2B clients, ClearlyRated", "Amerikaanse B2B-klanten, ClearlyRated", "Amerikanske B2B-kunder, ClearlyRated"],
    [
        "US and Canadian B2B clients, ClearlyRated",
        "Amerikaanse en Canadese B2B-klanten, ClearlyRated",
        "Amerikanske og canadiske B2B-kunder, ClearlyRated",
    ],
    [
        "US and Canadian B2B clients, ClearlyRated (Inavero)",
        "Amerikaanse en Canadese B2B-klanten, ClearlyRated (Inavero)",
        "Amerikanske og canadiske B2B-kunder, ClearlyRated (Inavero)",
    ],
    ["US consumers, Satmetrix", "Amerikaanse consumenten, Satmetrix", "Amerikanske forbrugere, Satmetrix"],
    [
        "US consumers, Temkin (banks range -26 to 77)",
        "Amerikaanse consumenten, Temkin (banken van -26 tot 77)",
        "Amerikanske forbrugere, Temkin (banker fra -26 til 77)",
    ],
    ["US consumers, Temkin Group", "Amerikaanse consumenten, Temkin Group", "Amerikanske forbrugere, Temkin Group"],
    ["US consumers, XM Institute", "Amerikaanse consumenten, XM Institute", "Amerikanske forbrugere, XM Institute"],
    [
        "US consumers, XM Institute (10,000 respondents, 22 industries)",
        "Amerikaanse consumenten, XM Institute (10.000 respondenten, 22 sectoren)",
        "Amerikanske forbrugere, XM Institute (10.000 respondenter, 22 brancher)",
    ],
    [
        "US consumers, XM Institute (lowest of 22 industries)",
        "Amerikaanse consumenten, XM Institute (laagste van 22 sectoren)",
        "Amerikanske forbrugere, XM Institute (lavest af 22 brancher)",
    ],
    [
        "benchmark quoted in a Dutch marketing article",
        "benchmark geciteerd in een Nederlands marketingartikel",
        "benchmark citeret i en hollandsk marketingartikel",
    ],
];

/// Regions and audiences written as words in the benchmark file: English, Dutch, Danish.
const PLACES: [[&str; 3]; 2] = [["Global", "Wereldwijd", "Globalt"], ["Mixed", "Gemengd", "Blandet"]];

/// The names of the statistical tests, by their id in the JSON ([`crate::stats::TestMethod::id`]).
const TESTS: [[&str; 4]; 7] = [
    ["exact_permutation", "exact permutation test", "exacte permutatietoets", "eksakt permutationstest"],
    ["pooled_z", "pooled z-test", "gepoolde z-toets", "poolet z-test"],
    ["fisher_mid_p", "Fisher's exact test (mid-p)", "exacte toets van Fisher (mid-p)", "Fishers eksakte test (mid-p)"],
    ["pooled_proportion_z", "z-test of two shares", "z-toets voor twee aandelen", "z-test for to andele"],
    ["paired_t", "paired t-test", "gepaarde t-toets", "parret t-test"],
    ["sign_flip", "exact sign-flip test", "exacte tekenwisseltoets", "eksakt fortegnsskiftetest"],
    ["welch_t", "Welch's t-test", "t-toets van Welch", "Welchs t-test"],
];

/// The column of the tables above (and of every `[English, Dutch, Danish]` table of words)
/// that holds `language`.
pub(super) fn column(language: Language) -> usize {
    match language {
        Language::English => 0,
        Language::Dutch => 1,
        Language::Danish => 2,
    }
}

/// `english` in `language` when `table` holds it, else `english` as written.
fn look_up<'a, const N: usize>(table: &[[&'static str; 3]; N], english: &'a str, language: Language) -> &'a str {
    table.iter().find(|row| row[0] == english).map_or(english, |row| row[column(language)])
}

impl Texts {
    /// A benchmark's sector name in this language: the bundled sectors translated, a user's own
    /// as written.
    #[must_use]
    pub fn sector_name<'a>(&self, english: &'a str) -> &'a str {
        look_up(&SECTORS, english, self.speaks)
    }

    /// Who a benchmark asked, in this language (a user's own words as written).
    #[must_use]
    pub fn population_name<'a>(&self, english: &'a str) -> &'a str {
        look_up(&POPULATIONS, english, self.speaks)
    }

    /// A benchmark's region or audience in this language: `Global` and `Mixed` are words,
    /// codes (`NL`, `US/CA`, `B2B`) stay codes.
    #[must_use]
    pub fn place_name<'a>(&self, english: &'a str) -> &'a str {
        look_up(&PLACES, english, self.speaks)
    }

    /// The name of a statistical test by its id (`exact_permutation`); an unknown id as written.
    #[must_use]
    pub fn test_name<'a>(&self, id: &'a str) -> &'a str {
        TESTS.iter().find(|row| row[0] == id).map_or(id, |row| row[1 + column(self.speaks)])
    }
}

#[cfg(test)]
mod tests {
    use super::super::Language;
    use super::*;

    /// Every text of every table of `language` (the values, not the field names), joined.
    fn every_text(language: Language) -> String {
        let tables = [
            serde_json::to_value(language.texts()),
            serde_json::to_value(language.export_texts()),
            serde_json::to_value(super::super::themes::ThemeTexts::of(language)),
            serde_json::to_value(super::super::cli::CliTexts::of(language)),
            serde_json::to_value(super::super::help::HelpTexts::of(language)),
            serde_json::to_value(super::super::project::ProjectTexts::of(language)),
            serde_json::to_value(super::super::drivers::DriverTexts::of(language)),
            serde_json::to_value(super::super::waves::WaveTexts::of(language)),
        ];
        let mut texts = Vec::new();
        for table in tables {
            if let serde_json::Value::Object(fields) = table.unwrap() {
                texts.extend(fields.into_iter().filter_map(|(_, v)| v.as_str().map(without_placeholders)));
            }
        }
        texts.join("\n")
    }

    /// `text` without its `{name}` placeholders, which are no words of the language.
    fn without_placeholders(text: &str) -> String {
        let mut out = String::new();
        let mut depth = 0usize;
        for c in text.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                _ if depth == 0 => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_bundled_benchmark_and_test_has_its_dutch_and_danish_words() {
        use crate::i18n::{DANISH, DUTCH, ENGLISH};
        for b in crate::benchmarks::bundled() {
            for t in [&DUTCH, &DANISH] {
                assert_ne!(t.sector_name(&b.sector), b.sector, "{}: sector '{}' in {:?}", b.id, b.sector, t.speaks);
                assert_ne!(t.population_name(&b.population), b.population, "{}: population", b.id);
                if b.region.chars().any(char::is_lowercase) {
                    assert_ne!(t.place_name(&b.region), b.region, "{}: region", b.id);
                }
                assert_ne!(t.place_name(b.audience.label()), "Mixed", "{}: audience", b.id);
            }
            assert_eq!(ENGLISH.sector_name(&b.sector), b.sector);
        }
        use crate::stats::compare::TestMethod;
        for method in [
            TestMethod::ExactPermutation,
            TestMethod::PooledZ,
            TestMethod::FisherMidP,
            TestMethod::PooledProportionZ,
            TestMethod::PairedT,
            TestMethod::SignFlip,
        ] {
            for t in [&ENGLISH, &DUTCH, &DANISH] {
                assert!(!t.test_name(method.id()).contains('_'), "{:?} names {:?}", t.language, method);
            }
        }
        // A user's own sector is shown as written.
        assert_eq!(DUTCH.sector_name("Bakkerijen"), "Bakkerijen");
    }

    #[test]
    fn every_screen_names_the_groups_with_the_glossarys_words() {
        for language in [Language::English, Language::Dutch, Language::Danish] {
            let names = group_names(language);
            let texts = language.texts();
            assert!(texts.promoters.starts_with(names.promoters), "{language:?}");
            assert!(texts.passives.starts_with(names.passives), "{language:?}");
            assert!(texts.detractors.starts_with(names.detractors), "{language:?}");
            let all = every_text(language).to_lowercase();
            // The other spellings seen in the window once: none is left anywhere.
            let others: &[&str] = match language {
                Language::English => &["criticaster", "promotor", "kritiker"],
                Language::Dutch => &["promotors", "passieven", "detractor", "kritiker"],
                Language::Danish => &["anbefalere", "detractor", "criticaster", "promoters", "passives"],
            };
            for other in others {
                assert!(!all.contains(other), "{language:?} says '{other}'");
            }
        }
    }
}
