//! Per-comment analysis: detect the language, tokenise, mark stop words, keep negation with its
//! word, stem, and form phrases of one to three words.
//!
//! Owns [`Analyzer`] (detector + stem cache), [`AnalysedComment`], [`Token`] and [`Phrase`].
//! Knows nothing about the codebook (see `tagging`) or about groups of respondents (see
//! `discovery`).

use super::language::{Detection, Language, LanguageDetector};
use super::stemming::Stems;
use super::stopwords;
use super::tokens::{RawToken, tokenize};

/// Prefix of the key of a negated term, e.g. `not:friendli`.
pub const NEGATED_PREFIX: &str = "not:";

/// How many stop words may stand between a negator and the word it negates
/// ("not very friendly", "niet zo heel vriendelijk").
pub const MAX_STOP_WORDS_AFTER_NEGATOR: usize = 3;

/// Longest phrase (n-gram) length.
pub const MAX_PHRASE_WORDS: usize = 3;

/// What a token does in the comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A word that carries meaning: counted in phrases and discovery.
    Content,
    /// A stop word of the language: skipped in phrases, still usable by phrase keywords.
    Stop,
    /// A negator (niet, ikke, not, n't, nicht ...): attached to the next content word.
    Negator,
}

/// One word of an analysed comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The word as written, lowercased.
    pub surface: String,
    /// Its stem in the reading's language (the word itself when the language is unknown).
    pub stem: String,
    /// Clause number (negation and phrases stay within a clause).
    pub clause: u32,
    /// Content, stop word or negator.
    pub kind: TokenKind,
    /// For a content word: index of the negator token that negates it.
    pub negated_by: Option<usize>,
}

impl Token {
    /// Whether a negator applies to this word.
    pub fn is_negated(&self) -> bool {
        self.negated_by.is_some()
    }
}

/// The tokens of a comment read in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// Language whose stop words, negators and stemmer were used (`Unknown`: none, all negators).
    pub language: Language,
    /// All tokens in order, stop words and negators included.
    pub tokens: Vec<Token>,
}

impl Reading {
    /// Key of the content token at `index`: its stem, prefixed with `not:` when negated.
    pub fn term_key(&self, index: usize) -> String {
        let token = &self.tokens[index];
        if token.is_negated() { format!("{NEGATED_PREFIX}{}", token.stem) } else { token.stem.clone() }
    }

    /// Surface of the content token at `index`, with its negator in front when negated
    /// ("not friendly", "ikke venlig").
    pub fn term_surface(&self, index: usize) -> String {
        let token = &self.tokens[index];
        match token.negated_by.and_then(|n| self.tokens.get(n)) {
            Some(negator) if negator.surface == "n't" => format!("not {}", token.surface),
            Some(negator) => format!("{} {}", negator.surface, token.surface),
            None => token.surface.clone(),
        }
    }

    /// Indices of the content tokens, in order.
    pub fn content_indices(&self) -> impl Iterator<Item = usize> + '_ {
        self.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Content).map(|(i, _)| i)
    }

    /// Phrases of 1..=`max_words` consecutive content words within a clause (stop words skipped).
    pub fn phrases(&self, max_words: usize) -> Vec<Phrase> {
        let content: Vec<usize> = self.content_indices().collect();
        let mut phrases = Vec::new();
        for start in 0..content.len() {
            let clause = self.tokens[content[start]].clause;
            let mut key = String::new();
            let mut display = String::new();
            for (len, &index) in content[start..].iter().take(max_words).enumerate() {
                if self.tokens[index].clause != clause {
                    break;
                }
                if len > 0 {
                    key.push(' ');
                    display.push(' ');
                }
                key.push_str(&self.term_key(index));
                display.push_str(&self.term_surface(index));
                phrases.push(Phrase { key: key.clone(), display: display.clone(), words: len + 1 });
            }
        }
        phrases
    }
}

/// A phrase of one to three content words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// Stems joined by spaces, negated ones as `not:stem` (e.g. `lang wacht`, `not:friendli staff`).
    pub key: String,
    /// The words as written (e.g. "lange wachttijd", "not friendly staff").
    pub display: String,
    /// Number of words (1..=3).
    pub words: usize,
}

/// One comment after analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalysedComment {
    /// Detected (or forced) language and confidence.
    pub detection: Detection,
    /// The reading in the detected language; for `Unknown`, tokens unstemmed with the stop
    /// words and negators of all four languages.
    pub reading: Reading,
    /// For `Unknown` comments: one reading per known language, so codebook keywords of every
    /// language can be tried. Empty when the language is known.
    pub fallback_readings: Vec<Reading>,
}

impl AnalysedComment {
    /// The comment's language.
    pub fn language(&self) -> Language {
        self.detection.language
    }

    /// Phrases (1..=3 words) of the main reading.
    pub fn phrases(&self) -> Vec<Phrase> {
        self.reading.phrases(MAX_PHRASE_WORDS)
    }

    /// Readings to match codebook keywords against: the main one for a known language, the four
    /// fallback readings for `Unknown`.
    pub fn readings_for_matching(&self) -> &[Reading] {
        if self.fallback_readings.is_empty() { std::slice::from_ref(&self.reading) } else { &self.fallback_readings }
    }
}

/// Analyses comments; holds the language detector and the stem cache (reuse it for many comments).
pub struct Analyzer {
    detector: LanguageDetector,
    stems: Stems,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// A new analyser with empty caches.
    pub fn new() -> Self {
        Self { detector: LanguageDetector::new(), stems: Stems::new() }
    }

    /// Detects the language of `text` and analyses it.
    pub fn analyse(&mut self, text: &str) -> AnalysedComment {
        let raw = tokenize(text);
        let detection = self.detector.detect_tokens(text, &raw);
        self.analyse_tokens(&raw, detection)
    }

    /// Analyses `text` as `language` without detection (e.g. when the survey's language is known).
    /// `Language::Unknown` gives the multi-language fallback readings.
    pub fn analyse_as(&mut self, text: &str, language: Language) -> AnalysedComment {
        let raw = tokenize(text);
        self.analyse_tokens(&raw, Detection { language, confidence: 1.0 })
    }

    /// Builds the reading of `raw` tokens in `language` (used for codebook keywords too).
    pub fn read(&mut self, raw: &[RawToken], language: Language) -> Reading {
        read_tokens(raw, language, &mut self.stems)
    }

    /// Number of cached stems (for diagnostics and benchmarks).
    pub fn cached_stems(&self) -> usize {
        self.stems.cached()
    }

    fn analyse_tokens(&mut self, raw: &[RawToken], detection: Detection) -> AnalysedComment {
        let reading = read_tokens(raw, detection.language, &mut self.stems);
        let fallback_readings = if detection.language == Language::Unknown && !raw.is_empty() {
            Language::KNOWN
                .into_iter()
                .map(|language| read_tokens_with_negators(raw, language, Language::Unknown, &mut self.stems))
                .collect()
        } else {
            Vec::new()
        };
        AnalysedComment { detection, reading, fallback_readings }
    }
}

/// Tokens of `raw` in `language`: kind, stem, negation.
pub(crate) fn read_tokens(raw: &[RawToken], language: Language, stems: &mut Stems) -> Reading {
    read_tokens_with_negators(raw, language, language, stems)
}

/// Like [`read_tokens`] but recognising the negators of `negator_language` (`Unknown`: all four),
/// so a short comment of unknown language keeps "not friendly" negated in every reading.
fn read_tokens_with_negators(
    raw: &[RawToken],
    language: Language,
    negator_language: Language,
    stems: &mut Stems,
) -> Reading {
    let mut tokens: Vec<Token> = raw
        .iter()
        .map(|t| {
            let kind = if stopwords::is_negator(negator_language, &t.text) {
                TokenKind::Negator
            } else if stopwords::is_stop_word(language, &t.text) {
                TokenKind::Stop
            } else {
                TokenKind::Content
            };
            let stem = match kind {
                TokenKind::Content => stems.stem(language, &t.text),
                TokenKind::Stop | TokenKind::Negator => t.text.clone(),
            };
            Token { surface: t.text.clone(), stem, clause: t.clause, kind, negated_by: None }
        })
        .collect();
    apply_negation(&mut tokens);
    Reading { language, tokens }
}

/// Marks the first content word after each negator (same clause, at most
/// [`MAX_STOP_WORDS_AFTER_NEGATOR`] stop words between) as negated by it.
fn apply_negation(tokens: &mut [Token]) {
    for i in 0..tokens.len() {
        if tokens[i].kind != TokenKind::Negator {
            continue;
        }
        let clause = tokens[i].clause;
        let mut stops = 0;
        for token in tokens.iter_mut().skip(i + 1) {
            if token.clause != clause {
                break;
            }
            match token.kind {
                TokenKind::Content => {
                    token.negated_by = Some(i);
                    break;
                }
                TokenKind::Stop if stops < MAX_STOP_WORDS_AFTER_NEGATOR => stops += 1,
                TokenKind::Stop | TokenKind::Negator => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        let comment = Analyzer::new().analyse(text);
        let reading = &comment.reading;
        reading.content_indices().map(|i| reading.term_key(i)).collect()
    }

    #[test]
    fn negation_is_kept_with_its_word() {
        assert_eq!(keys("De medewerker was niet vriendelijk"), ["medewerker", "not:vriendelijk"]);
        assert_eq!(keys("Medarbejderen var ikke venlig"), ["medarbejd", "not:venlig"]);
        assert_eq!(keys("The staff was not friendly"), ["staff", "not:friendli"]);
        assert_eq!(keys("Der Mitarbeiter war nicht freundlich"), ["mitarbeit", "not:freundlich"]);
        assert_eq!(keys("I really don't like the new app"), ["not:like", "new", "app"]);
        assert_eq!(keys("They were not very friendly to me"), ["not:friendli"]);
    }

    #[test]
    fn negated_praise_word_never_appears_alone() {
        for text in
            ["niet vriendelijk geholpen, helaas", "ikke venlig overhovedet", "not friendly", "nicht freundlich!"]
        {
            let comment = Analyzer::new().analyse(text);
            for reading in comment.readings_for_matching().iter().chain([&comment.reading]) {
                let negated: Vec<&Token> = reading.tokens.iter().filter(|t| t.is_negated()).collect();
                assert_eq!(negated.len(), 1, "{text}: {reading:?}");
            }
        }
    }

    #[test]
    fn negation_stops_at_clause_end() {
        assert_eq!(keys("Het pakket kwam niet. Vriendelijk personeel"), ["pakket", "kwam", "vriendelijk", "personel"]);
    }

    #[test]
    fn phrases_are_one_to_three_content_words_within_a_clause() {
        let comment = Analyzer::new().analyse_as("Veel te lang wachten op de levering, slecht", Language::Dutch);
        let keys: Vec<String> = comment.phrases().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, ["lang", "lang wacht", "lang wacht lever", "wacht", "wacht lever", "lever", "slecht"]);
        let negated = Analyzer::new().analyse_as("not friendly staff at all", Language::English);
        let displays: Vec<String> = negated.phrases().into_iter().map(|p| p.display).collect();
        assert!(displays.contains(&"not friendly staff".to_owned()), "{displays:?}");
    }

    #[test]
    fn unknown_language_gets_fallback_readings() {
        let comment = Analyzer::new().analyse("te duur");
        assert_eq!(comment.language(), Language::Unknown);
        assert_eq!(comment.fallback_readings.len(), 4);
        assert_eq!(comment.reading.tokens[1].stem, "duur");
        assert_eq!(comment.fallback_readings[0].tokens[1].stem, "dur");
    }
}
