//! Languages the themes feature knows, and language detection per comment.
//!
//! Owns the [`Language`] enum (Dutch, Danish, English, German, Unknown) and [`LanguageDetector`],
//! which combines a cheap function-word vote with `whatlang` trigram detection restricted to the
//! four languages. It does not tokenise or stem (see `tokens` and `analysis`).

use serde::{Deserialize, Serialize};
use std::fmt;
use whatlang::{Detector, Lang};

use super::stopwords;
use super::tokens::RawToken;

/// A comment language. `Unknown` is used for short, mixed or unrecognised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    /// Dutch (`nl`).
    #[serde(rename = "nl")]
    Dutch,
    /// Danish (`da`).
    #[serde(rename = "da")]
    Danish,
    /// English (`en`).
    #[serde(rename = "en")]
    English,
    /// German (`de`).
    #[serde(rename = "de")]
    German,
    /// Not detected: too short, low confidence or mixed languages.
    #[serde(rename = "unknown")]
    Unknown,
}

impl Language {
    /// The four languages with stemmers, stop-word lists and keywords, in a fixed order.
    pub const KNOWN: [Language; 4] = [Language::Dutch, Language::Danish, Language::English, Language::German];

    /// ISO 639-1 code (`nl`, `da`, `en`, `de`) or `unknown`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::Danish => "da",
            Language::English => "en",
            Language::German => "de",
            Language::Unknown => "unknown",
        }
    }

    /// Parses a code as written by [`Language::code`] (case-insensitive; also accepts `nld`, `dan`,
    /// `eng`, `deu`/`ger`, and `und`/empty for unknown).
    pub fn from_code(code: &str) -> Option<Language> {
        match code.trim().to_lowercase().as_str() {
            "nl" | "nld" | "dut" | "dutch" => Some(Language::Dutch),
            "da" | "dan" | "danish" => Some(Language::Danish),
            "en" | "eng" | "english" => Some(Language::English),
            "de" | "deu" | "ger" | "german" => Some(Language::German),
            "unknown" | "und" | "" => Some(Language::Unknown),
            _ => None,
        }
    }

    /// Position in [`Language::KNOWN`], `None` for `Unknown`.
    pub fn index(self) -> Option<usize> {
        match self {
            Language::Dutch => Some(0),
            Language::Danish => Some(1),
            Language::English => Some(2),
            Language::German => Some(3),
            Language::Unknown => None,
        }
    }

    /// Whether the language compounds nouns (Dutch, Danish, German), so keyword stems may be matched
    /// as the start or end of a longer token.
    pub fn compounds(self) -> bool {
        matches!(self, Language::Dutch | Language::Danish | Language::German)
    }

    fn from_whatlang(lang: Lang) -> Language {
        match lang {
            Lang::Nld => Language::Dutch,
            Lang::Dan => Language::Danish,
            Lang::Eng => Language::English,
            Lang::Deu => Language::German,
            _ => Language::Unknown,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Outcome of language detection for one comment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Detection {
    /// Detected language, or `Unknown`.
    pub language: Language,
    /// Confidence in 0..=1 (0 for `Unknown` from too few words).
    pub confidence: f64,
}

/// Minimum number of word tokens for a comment to get a language at all.
pub const MIN_WORDS_FOR_DETECTION: usize = 3;

/// Whatlang confidence (0..=1) needed when the function-word vote does not decide.
const WHATLANG_MIN_CONFIDENCE: f64 = 0.25;

/// Detects Dutch, Danish, English and German in short customer comments.
///
/// First a vote over function words (stop words and negators of each language): when one
/// language clearly leads, it wins without running trigram detection (fast, and reliable on
/// longer comments). Otherwise `whatlang`, restricted to the four languages, decides; low
/// confidence, a disagreement with a clear vote, or two languages with many function words each
/// ("mixed") give `Unknown`.
pub struct LanguageDetector {
    detector: Detector,
}

impl Default for LanguageDetector {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageDetector {
    /// A detector for the four known languages.
    pub fn new() -> Self {
        Self { detector: Detector::with_allowlist(vec![Lang::Nld, Lang::Dan, Lang::Eng, Lang::Deu]) }
    }

    /// Detects the language of `text` (tokenises it first).
    pub fn detect(&self, text: &str) -> Detection {
        let tokens = super::tokens::tokenize(text);
        self.detect_tokens(text, &tokens)
    }

    /// Detects the language of `text` whose tokens are already known (avoids tokenising twice).
    pub fn detect_tokens(&self, text: &str, tokens: &[RawToken]) -> Detection {
        let unknown = Detection { language: Language::Unknown, confidence: 0.0 };
        if tokens.len() < MIN_WORDS_FOR_DETECTION {
            return unknown;
        }
        let votes = function_word_votes(tokens);
        let mut ranked: Vec<(usize, u32)> = votes.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let (top_lang, top) = ranked[0];
        let second = ranked[1].1;
        // Mixed: two languages each with several function words of their own.
        if second >= 3 && f64::from(second) >= 0.6 * f64::from(top) && tokens.len() >= 6 {
            let exclusive = exclusive_votes(tokens);
            let mut ex: Vec<u32> = exclusive.to_vec();
            ex.sort_unstable_by(|a, b| b.cmp(a));
            if ex[1] >= 2 && f64::from(ex[1]) >= 0.5 * f64::from(ex[0]) {
                return unknown;
            }
        }
        let clear_vote = top >= 2 && top >= 2 * second.max(1) && top >= second + 2;
        if clear_vote {
            let confidence = 1.0 - f64::from(second) / f64::from(top);
            return Detection { language: Language::KNOWN[top_lang], confidence };
        }
        let Some(info) = self.detector.detect(text) else {
            return unknown;
        };
        let language = Language::from_whatlang(info.lang());
        let agrees_with_vote = top > second && language == Language::KNOWN[top_lang];
        if language != Language::Unknown && (info.confidence() >= WHATLANG_MIN_CONFIDENCE || agrees_with_vote) {
            // Agreement with the function-word vote makes a weak trigram result credible.
            let confidence = if agrees_with_vote { info.confidence().max(0.5) } else { info.confidence() };
            return Detection { language, confidence };
        }
        unknown
    }
}

/// Number of tokens that are function words (stop words or negators) of each known language.
fn function_word_votes(tokens: &[RawToken]) -> [u32; 4] {
    let mut votes = [0u32; 4];
    for token in tokens {
        let mask = stopwords::function_word_mask(&token.text);
        for (i, vote) in votes.iter_mut().enumerate() {
            if mask & (1 << i) != 0 {
                *vote += 1;
            }
        }
    }
    votes
}

/// Like [`function_word_votes`] but only counting words that belong to one language alone.
fn exclusive_votes(tokens: &[RawToken]) -> [u32; 4] {
    let mut votes = [0u32; 4];
    for token in tokens {
        let mask = stopwords::function_word_mask(&token.text);
        if mask.count_ones() == 1 {
            votes[mask.trailing_zeros() as usize] += 1;
        }
    }
    votes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(text: &str) -> Language {
        LanguageDetector::new().detect(text).language
    }

    #[test]
    fn detects_typical_comments() {
        let cases = [
            ("De medewerker was niet vriendelijk en ik moest lang wachten", Language::Dutch),
            ("Heel tevreden over de snelle levering", Language::Dutch),
            ("Ik heb drie keer gebeld maar niemand nam op", Language::Dutch),
            ("Jeg ventede alt for længe på min pakke", Language::Danish),
            ("Meget tilfreds med servicen og prisen", Language::Danish),
            ("Pakken kom for sent og kundeservice svarede ikke", Language::Danish),
            ("The staff was not friendly at all", Language::English),
            ("Great service, fast delivery and a fair price", Language::English),
            ("I had to wait for two weeks for my parcel", Language::English),
            ("Die Lieferung kam zu spät und niemand hat sich gemeldet", Language::German),
            ("Sehr zufrieden mit dem Service", Language::German),
            ("Der Mitarbeiter war nicht freundlich", Language::German),
        ];
        for (text, expected) in cases {
            assert_eq!(lang(text), expected, "{text}");
        }
    }

    #[test]
    fn short_text_is_unknown() {
        assert_eq!(lang("ok"), Language::Unknown);
        assert_eq!(lang("top!"), Language::Unknown);
        assert_eq!(lang("te duur"), Language::Unknown);
        assert_eq!(lang(""), Language::Unknown);
        assert_eq!(lang("!!! 10/10"), Language::Unknown);
    }

    #[test]
    fn mixed_text_is_unknown() {
        assert_eq!(
            lang("The service was good but de levering was niet op tijd en het was te laat for me"),
            Language::Unknown
        );
    }

    #[test]
    fn codes_round_trip() {
        for language in Language::KNOWN.into_iter().chain([Language::Unknown]) {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        assert_eq!(Language::from_code("fr"), None);
    }
}
