//! Snowball stemming per language, with a per-language cache and a few overrides.
//!
//! Owns [`Stems`] (rust-stemmers for Dutch, Danish, English and German plus a token -> stem cache)
//! and the override table for stems that collide in customer comments (English "friendly" and
//! "friends" both stem to `friend`; Danish "venlig" and "venner" to `ven`; Dutch "duren" (to last)
//! and "duur" (expensive) to `dur`). The same function stems comments and codebook keywords, so
//! both sides always agree.

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

use super::language::Language;

/// Stems that Snowball merges but that mean different things in customer comments.
fn stem_override(language: Language, word: &str) -> Option<&'static str> {
    match (language, word) {
        (Language::English, "friendly" | "friendlier" | "friendliest") => Some("friendli"),
        (Language::English, "unfriendly" | "unfriendlier") => Some("unfriendli"),
        (Language::Danish, "venlig" | "venlige" | "venligt" | "venligste" | "venlighed") => Some("venlig"),
        (Language::Danish, "uvenlig" | "uvenlige" | "uvenligt") => Some("uvenlig"),
        (Language::Danish, "ringe" | "ringeste") => Some("ringe"),
        (Language::Dutch, "duren") => Some("duren"),
        // Sector keywords that Snowball would merge with everyday words: a hotel room is not
        // "worse" (værre), a size not "bigger" (større), a customer not a customisation.
        (Language::Danish, "værelse" | "værelset" | "værelser" | "værelserne" | "værelsets") => Some("værelse"),
        (Language::Danish, "størrelse" | "størrelsen" | "størrelser" | "størrelserne") => Some("størrelse"),
        (Language::Danish, "hurtighed" | "hurtigheden") => Some("hurtighed"),
        (Language::Danish, "rente" | "renten" | "renter" | "renterne") => Some("rente"),
        (Language::Dutch, "oplossing" | "oplossingen") => Some("oplossing"),
        (Language::English, "customer" | "customers") => Some("customer"),
        (Language::English, "important" | "importantly" | "importance") => Some("important"),
        (Language::English, "interested" | "interesting" | "interestingly") => Some("interesting"),
        (Language::English, "timely") => Some("timely"),
        (Language::English, "valued") => Some("valued"),
        (Language::English, "settings") => Some("settings"),
        _ => None,
    }
}

fn stemmer_for(language: Language) -> Option<Stemmer> {
    let algorithm = match language {
        Language::Dutch => Algorithm::Dutch,
        Language::Danish => Algorithm::Danish,
        Language::English => Algorithm::English,
        Language::German => Algorithm::German,
        Language::Unknown => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Stemmers for the four languages with a cache from lowercase token to stem.
///
/// `Unknown` text is not stemmed (the stem is the token itself).
pub struct Stems {
    stemmers: Vec<Stemmer>,
    caches: [HashMap<String, String>; 4],
}

impl Default for Stems {
    fn default() -> Self {
        Self::new()
    }
}

impl Stems {
    /// Stemmers for all four languages, empty caches.
    pub fn new() -> Self {
        let stemmers = Language::KNOWN.into_iter().filter_map(stemmer_for).collect();
        Self { stemmers, caches: Default::default() }
    }

    /// Stem of the lowercase `word` in `language` (cached).
    pub fn stem(&mut self, language: Language, word: &str) -> String {
        let Some(i) = language.index() else {
            return word.to_owned();
        };
        if let Some(stem) = self.caches[i].get(word) {
            return stem.clone();
        }
        let stem = match stem_override(language, word) {
            Some(fixed) => fixed.to_owned(),
            None => self.stemmers.get(i).map_or_else(|| word.to_owned(), |s| s.stem(word).into_owned()),
        };
        // Bound the cache on pathological input (e.g. millions of distinct typos).
        if self.caches[i].len() < 1_000_000 {
            self.caches[i].insert(word.to_owned(), stem.clone());
        }
        stem
    }

    /// Number of cached stems over all languages.
    pub fn cached(&self) -> usize {
        self.caches.iter().map(HashMap::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_per_language_and_overrides() {
        let mut stems = Stems::new();
        assert_eq!(stems.stem(Language::Dutch, "medewerkers"), "medewerker");
        assert_eq!(stems.stem(Language::Danish, "pakken"), "pak");
        assert_eq!(stems.stem(Language::English, "waiting"), "wait");
        assert_eq!(stems.stem(Language::German, "freundliche"), "freundlich");
        assert_eq!(stems.stem(Language::English, "friendly"), "friendli");
        assert_ne!(stems.stem(Language::English, "friends"), stems.stem(Language::English, "friendly"));
        assert_ne!(stems.stem(Language::Danish, "venner"), stems.stem(Language::Danish, "venlige"));
        assert_ne!(stems.stem(Language::Dutch, "duren"), stems.stem(Language::Dutch, "duur"));
        assert_eq!(stems.stem(Language::Unknown, "wachten"), "wachten");
        assert_eq!(stems.stem(Language::Dutch, "medewerkers"), "medewerker");
        assert_eq!(stems.cached(), 10);
    }
}
