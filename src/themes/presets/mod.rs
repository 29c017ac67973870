//! Sector codebooks ("presets"): the general codebook refined with a sector's own themes.
//!
//! Owns [`Preset`], the list of shipped presets, which preset a benchmark sector proposes, and
//! building a preset's [`Codebook`]. Every sector theme belongs to one theme of the general
//! codebook (`general`), so that totals compare across presets: a hospitality "food and drink"
//! mention is a product-quality mention. A preset keeps every general theme and adds its own; a
//! keyword a sector theme owns is taken out of its general theme, so the more specific theme
//! claims it. The keyword data of each sector lives in its own file.

mod b2b;
mod financial;
mod healthcare;
mod hospitality;
mod public_education;
mod retail;
mod software;
mod telecom_utilities;

/// One sector theme as shipped: id, the general theme it belongs to, labels and keywords.
pub(super) struct SectorSeed {
    /// Stable id, unique across every preset and the general codebook.
    pub id: &'static str,
    /// Id of the general codebook's theme this one is a kind of.
    pub general: &'static str,
    /// Labels: English, Dutch, Danish, German.
    pub labels: [&'static str; 4],
    /// Dutch keywords.
    pub nl: &'static [&'static str],
    /// Danish keywords.
    pub da: &'static [&'static str],
    /// English keywords.
    pub en: &'static [&'static str],
    /// German keywords.
    pub de: &'static [&'static str],
}

/// One sector preset as shipped.
pub(super) struct PresetSeed {
    /// Stable key used on the command line and in projects, e.g. `hospitality`.
    pub key: &'static str,
    /// Labels: English, Dutch, Danish, German.
    pub labels: [&'static str; 4],
    /// Lowercase word stems that, found in a benchmark sector's name or synonyms, propose this
    /// preset (`"bank"` matches "Banking").
    pub sector_words: &'static [&'static str],
    /// The sector's own themes, in display order.
    pub themes: &'static [SectorSeed],
}

use std::collections::HashSet;

use super::codebook::{Codebook, Keyword, Theme, ThemeId};
use super::default_codebook::{DEFAULT_THEME_IDS, default_codebook, shipped_theme};
use super::language::Language;
use super::stemming::Stems;

/// Key of the general codebook, the preset every sector builds on.
pub const GENERAL: &str = "general";

const SECTORS: [&PresetSeed; 8] = [
    &hospitality::PRESET,
    &retail::PRESET,
    &software::PRESET,
    &telecom_utilities::PRESET,
    &financial::PRESET,
    &b2b::PRESET,
    &healthcare::PRESET,
    &public_education::PRESET,
];

/// A shipped codebook: the general one or a sector's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    seed: Option<&'static PresetSeed>,
}

impl std::fmt::Debug for PresetSeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key)
    }
}

impl PartialEq for PresetSeed {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for PresetSeed {}

impl Preset {
    /// The general codebook.
    pub const GENERAL: Preset = Preset { seed: None };

    /// Every preset, the general one first.
    pub fn all() -> impl Iterator<Item = Preset> {
        std::iter::once(Preset::GENERAL).chain(SECTORS.iter().map(|seed| Preset { seed: Some(*seed) }))
    }

    /// The preset with this key (`general`, `hospitality`, ...), compared case-insensitively.
    pub fn by_key(key: &str) -> Option<Preset> {
        let key = key.trim().to_lowercase();
        Preset::all().find(|p| p.key() == key)
    }

    /// Every key, comma-separated, for messages.
    pub fn keys() -> String {
        Preset::all().map(|p| p.key()).collect::<Vec<_>>().join(", ")
    }

    /// Stable key used on the command line and in projects.
    pub fn key(&self) -> &'static str {
        self.seed.map_or(GENERAL, |s| s.key)
    }

    /// The preset's name in `language` (English for `Unknown`).
    pub fn label(&self, language: Language) -> &'static str {
        let [en, nl, da, de] = self.seed.map_or(["General", "Algemeen", "Generel", "Allgemein"], |s| s.labels);
        match language {
            Language::Dutch => nl,
            Language::Danish => da,
            Language::German => de,
            Language::English | Language::Unknown => en,
        }
    }

    /// The preset a benchmark sector proposes, from its name and synonyms in any language: the
    /// sector preset with the most of its words found, the general one when none is.
    pub fn proposed_for<'a>(sector_names: impl IntoIterator<Item = &'a str>) -> Preset {
        let names: Vec<String> = sector_names.into_iter().map(str::to_lowercase).collect();
        let score = |seed: &PresetSeed| {
            seed.sector_words.iter().filter(|w| names.iter().any(|n| contains_word_start(n, w))).count()
        };
        best_sector(score)
    }

    /// The preset's codebook: every general theme, then the sector's own themes; a keyword a
    /// sector theme owns is taken out of the general themes.
    pub fn codebook(&self) -> Codebook {
        let mut themes = default_codebook().themes().to_vec();
        let Some(seed) = self.seed else { return Codebook::from_themes_unchecked(themes) };
        let mut stems = Stems::new();
        // A keyword as matched: a single word by its stem ("refunded" is "refund"), a phrase as written.
        let mut key = |k: &Keyword| {
            let text = k.text.to_lowercase();
            (k.language, if text.contains(char::is_whitespace) { text } else { stems.stem(k.language, &text) })
        };
        let sector: Vec<Theme> = seed.themes.iter().map(theme_of).collect();
        // In its sector a word means what the sector theme says: "transfer" is money in a bank's
        // comments, not a phone call passed on.
        let owned: HashSet<(Language, String)> = sector.iter().flat_map(|t| &t.keywords).map(&mut key).collect();
        for general in &mut themes {
            general.keywords.retain(|k| !owned.contains(&key(k)));
        }
        themes.extend(sector);
        Codebook::from_themes_unchecked(themes)
    }

    /// The preset `codebook` was made from: the sector preset with the most of its themes in
    /// it (kept through edits; a theme counts when its id and general theme are the shipped
    /// ones, so a user's own "Packaging" is not taken for retail's), else the general one.
    pub fn of(codebook: &Codebook) -> Preset {
        let has = |seed: &PresetSeed| {
            seed.themes.iter().filter(|t| codebook.themes().iter().any(|c| is_shipped_as(c, t))).count()
        };
        best_sector(has)
    }

    /// `codebook` moved onto this preset: the preset's codebook with the user's edits of the
    /// general themes carried over (labels, keywords added and removed), then the themes the user
    /// made, so switching sector keeps the user's own work. The sector themes of the codebook's
    /// own preset are left behind.
    pub fn switch(&self, codebook: &Codebook) -> Codebook {
        let before = Preset::of(codebook).codebook();
        let mut themes = self.codebook().themes().to_vec();
        for theme in &mut themes {
            let (Some(old), Some(mine)) = (before.get(&theme.id), codebook.get(&theme.id)) else { continue };
            if theme.general.is_some() {
                continue;
            }
            if mine.labels != old.labels {
                theme.labels = mine.labels.clone();
            }
            theme
                .keywords
                .retain(|k| !old.keywords.iter().any(|o| o.same_as(k)) || mine.keywords.iter().any(|m| m.same_as(k)));
            for added in mine.keywords.iter().filter(|m| !old.keywords.iter().any(|o| o.same_as(m))) {
                if !theme.keywords.iter().any(|k| k.same_as(added)) {
                    theme.keywords.push(added.clone());
                }
            }
        }
        let shipped = |theme: &Theme| {
            DEFAULT_THEME_IDS.contains(&theme.id.as_str())
                || SECTORS.iter().any(|s| s.themes.iter().any(|t| is_shipped_as(theme, t)))
        };
        for theme in codebook.themes() {
            if !shipped(theme) && !themes.iter().any(|t| t.id == theme.id) {
                themes.push(theme.clone());
            }
        }
        Codebook::from_themes_unchecked(themes)
    }

    /// The preset whose codebook `codebook` is, unedited: the same themes in the same order with
    /// the same labels and the same keywords per language, in any order.
    pub fn matching(codebook: &Codebook) -> Option<Preset> {
        let preset = Preset::of(codebook);
        let shipped = preset.codebook();
        let keywords = |theme: &Theme| {
            let mut list: Vec<(Language, String)> =
                theme.keywords.iter().map(|k| (k.language, k.text.to_lowercase())).collect();
            list.sort();
            list
        };
        let same = shipped.themes().len() == codebook.themes().len()
            && shipped.themes().iter().zip(codebook.themes()).all(|(a, b)| {
                a.id == b.id && a.labels == b.labels && a.general == b.general && keywords(a) == keywords(b)
            });
        same.then_some(preset)
    }

    /// Ids of every shipped sector theme, which a theme the user adds must not take.
    pub fn sector_theme_ids() -> impl Iterator<Item = &'static str> {
        SECTORS.iter().flat_map(|s| s.themes.iter().map(|t| t.id))
    }
}

/// The sector preset scoring highest, a tie going to the key first in the alphabet; the general
/// preset when none scores above zero.
fn best_sector(score: impl Fn(&PresetSeed) -> usize) -> Preset {
    SECTORS
        .iter()
        .map(|seed| (score(seed), *seed))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, seed)| (*n, std::cmp::Reverse(seed.key)))
        .map_or(Preset::GENERAL, |(_, seed)| Preset { seed: Some(seed) })
}

/// Whether `theme` is the shipped sector theme `seed` (its id and general theme), not a user's
/// theme that happens to have its id.
fn is_shipped_as(theme: &Theme, seed: &SectorSeed) -> bool {
    theme.id.as_str() == seed.id && theme.general.as_ref().is_some_and(|g| g.as_str() == seed.general)
}

impl std::fmt::Display for Preset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// Whether `word` starts a word of `text` (`"bank"` in "retail banking", not in "riverbank").
fn contains_word_start(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

fn theme_of(seed: &SectorSeed) -> Theme {
    let mut theme = shipped_theme(seed.id, seed.labels, [seed.nl, seed.da, seed.en, seed.de]);
    theme.general = Some(ThemeId::from_static(seed.general));
    theme
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::codebook::Labels;

    #[test]
    fn every_preset_is_a_valid_codebook_whose_themes_belong_to_general_ones() {
        let mut ids = std::collections::HashSet::new();
        for preset in Preset::all() {
            let codebook = preset.codebook();
            codebook.validate().unwrap_or_else(|e| panic!("{preset}: {e}"));
            let general: Vec<&str> =
                codebook.themes()[..DEFAULT_THEME_IDS.len()].iter().map(|t| t.id.as_str()).collect();
            assert_eq!(general, DEFAULT_THEME_IDS, "{preset} keeps every general theme first");
            for theme in &codebook.themes()[DEFAULT_THEME_IDS.len()..] {
                assert!(ids.insert(theme.id.clone()), "{} is in two presets", theme.id);
                let owner = theme.general_theme().unwrap();
                assert!(DEFAULT_THEME_IDS.contains(&owner), "{preset}: {} belongs to {owner}", theme.id);
                for language in Language::KNOWN {
                    assert!(theme.keywords_in(language).count() >= 15, "{preset}: {} {language}", theme.id);
                }
                assert!([&theme.labels.nl, &theme.labels.da, &theme.labels.de].iter().all(|l| !l.is_empty()));
            }
            for language in Language::KNOWN {
                assert!(!preset.label(language).is_empty());
            }
        }
        assert_eq!(Preset::all().count(), 9);
    }

    #[test]
    fn a_sector_theme_takes_its_keywords_out_of_the_general_themes() {
        let preset = Preset::by_key("hospitality").unwrap();
        let codebook = preset.codebook();
        let sector = codebook.themes().iter().find(|t| t.id.as_str() == "food_drink").unwrap();
        let general = codebook.themes().iter().find(|t| t.id.as_str() == "product_quality").unwrap();
        for keyword in &sector.keywords {
            assert!(
                !general
                    .keywords
                    .iter()
                    .any(|k| k.language == keyword.language && k.text.eq_ignore_ascii_case(&keyword.text))
            );
        }
        assert!(!general.keywords.is_empty(), "product_quality keeps the words no sector theme owns");
        // Also out of another general theme: in a bank's comments a transfer is money.
        let bank = Preset::by_key("financial").unwrap().codebook();
        let english = |id: &str| -> Vec<String> {
            let theme = bank.themes().iter().find(|t| t.id.as_str() == id).unwrap();
            theme.keywords_in(Language::English).map(|k| k.text.clone()).collect()
        };
        assert!(english("cards_payments").contains(&"transferred".to_owned()));
        assert!(!english("service").contains(&"transferred".to_owned()));
        assert!(default_codebook().themes()[0].keywords_in(Language::English).any(|k| k.text == "transferred"));
    }

    #[test]
    fn a_codebook_knows_its_preset_through_edits_and_a_switch_keeps_the_users_themes() {
        let retail = Preset::by_key("retail").unwrap();
        let mut codebook = retail.codebook();
        codebook.remove_theme(&ThemeId::new("packaging").unwrap()).unwrap();
        codebook.add_theme(Theme::new(ThemeId::new("parking").unwrap(), Labels::same("Parking"))).unwrap();
        assert_eq!(Preset::of(&codebook), retail);
        assert_eq!(Preset::of(&default_codebook()), Preset::GENERAL);
        let hospitality = Preset::by_key("hospitality").unwrap();
        let switched = hospitality.switch(&codebook);
        switched.validate().unwrap();
        assert_eq!(Preset::of(&switched), hospitality);
        assert!(switched.get(&ThemeId::new("parking").unwrap()).is_some(), "the user's theme is kept");
        assert!(switched.get(&ThemeId::new("range_stock").unwrap()).is_none(), "retail's themes are not");
        assert_eq!(switched.themes().len(), hospitality.codebook().themes().len() + 1);
    }

    #[test]
    fn a_users_theme_with_a_sector_id_is_neither_taken_for_the_sector_nor_dropped() {
        // Made by hand before ids were reserved: same id as retail's, no general theme.
        let mut codebook = default_codebook();
        codebook.add_theme(Theme::new(ThemeId::new("packaging").unwrap(), Labels::same("Packaging"))).unwrap();
        assert_eq!(Preset::of(&codebook), Preset::GENERAL);
        let switched = Preset::by_key("software").unwrap().switch(&codebook);
        assert!(switched.get(&ThemeId::new("packaging").unwrap()).is_some(), "kept");
        // A theme added now gets an id no preset uses.
        let id = codebook.unique_id(&ThemeId::from_text("Features"));
        assert_eq!(id.as_str(), "features_2");
    }

    #[test]
    fn switching_keeps_the_users_edits_of_general_themes_and_an_edit_undone_is_no_edit() {
        let mut codebook = default_codebook();
        let price = ThemeId::new("price").unwrap();
        codebook.add_keyword(&price, Language::Dutch, "woekerprijs").unwrap();
        codebook.remove_keyword(&price, Language::English, "pricey").unwrap();
        codebook.rename(&price, Language::Dutch, "Prijzen").unwrap();
        assert_eq!(Preset::matching(&codebook), None);
        let hotel = Preset::by_key("hospitality").unwrap().switch(&codebook);
        let kept = hotel.get(&price).unwrap();
        assert!(kept.keywords.iter().any(|k| k.text == "woekerprijs"));
        assert!(!kept.keywords.iter().any(|k| k.text == "pricey"));
        assert_eq!(kept.labels.nl, "Prijzen");
        // Keywords put back in another order: unedited again.
        let mut reordered = default_codebook();
        let english: Vec<Keyword> = reordered.get(&price).unwrap().keywords.iter().rev().cloned().collect();
        reordered.set_keywords(&price, english).unwrap();
        assert_eq!(Preset::matching(&reordered), Some(Preset::GENERAL));
    }

    #[test]
    fn keys_are_found_case_insensitively_and_unknown_ones_are_not() {
        assert_eq!(Preset::by_key("Retail").map(|p| p.key()), Some("retail"));
        assert_eq!(Preset::by_key(" general ").map(|p| p.key()), Some(GENERAL));
        assert!(Preset::by_key("bakeries").is_none());
        assert!(Preset::keys().starts_with("general, hospitality, retail"));
        assert_eq!(
            Preset::matching(&Preset::by_key("software").unwrap().codebook()).map(|p| p.key()),
            Some("software")
        );
        assert_eq!(Preset::matching(&default_codebook()), Some(Preset::GENERAL));
    }

    #[test]
    fn sector_names_propose_their_preset() {
        assert_eq!(Preset::proposed_for(["Ziekenhuizen"]).key(), "healthcare");
        assert_eq!(Preset::proposed_for(["Gemeenten"]).key(), "public_education");
        assert_eq!(Preset::proposed_for(["Riverbank rowing"]).key(), "general");
        assert_eq!(
            Preset::proposed_for(["Retail banking", "bankwezen", "pengeinstitut"]).key(),
            "financial",
            "most words win"
        );
        // A tie goes to the key first in the alphabet.
        assert_eq!(Preset::proposed_for(["hotel retail"]).key(), "hospitality");
    }
}
