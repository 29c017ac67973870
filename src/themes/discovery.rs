//! Discovery: words and phrases that detractors use more than promoters.
//!
//! Owns the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
//! exactly as `shared/reference/themes.md` gives it), [`PhraseCounter`] (counts of 1-3 word
//! phrases, grouped by stem, per group, weighted), [`DiscoveredPhrase`] and turning a phrase into
//! a new codebook theme. Each phrase length is its own vocabulary: n^D and n^P are the totals of
//! phrases of the same length. Passives are not counted (the comparison is detractors against
//! promoters).

use std::collections::HashMap;

use super::analysis::{AnalysedComment, MAX_PHRASE_WORDS, NEGATED_PREFIX, TokenKind};
use super::codebook::{Codebook, Keyword, Labels, Theme, ThemeId};
use super::group::NpsGroup;
use super::language::Language;
use super::tagging::ThemeTagger;

/// Result of the log-odds computation for one word or phrase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogOdds {
    /// Prior a_w = a0 * y_w / n.
    pub prior: f64,
    /// delta_w: log-odds among detractors minus among promoters.
    pub delta: f64,
    /// var_w = 1 / (y_w^D + a_w) + 1 / (y_w^P + a_w).
    pub variance: f64,
    /// z_w = delta_w / sqrt(var_w); positive = used more by detractors.
    pub z: f64,
}

/// Log-odds ratio with informative Dirichlet prior for a word with counts `y_d` among
/// detractors (of `n_d` words) and `y_p` among promoters (of `n_p`), prior scale `a0`.
/// Degenerate input (no words at all) gives zeros.
pub fn log_odds_dirichlet(y_d: f64, y_p: f64, n_d: f64, n_p: f64, a0: f64) -> LogOdds {
    let n = n_d + n_p;
    let y = y_d + y_p;
    let prior = if n > 0.0 { a0 * y / n } else { 0.0 };
    let delta = ((y_d + prior) / (n_d + a0 - y_d - prior)).ln() - ((y_p + prior) / (n_p + a0 - y_p - prior)).ln();
    let variance = 1.0 / (y_d + prior) + 1.0 / (y_p + prior);
    let z = delta / variance.sqrt();
    if delta.is_finite() && variance.is_finite() && z.is_finite() {
        LogOdds { prior, delta, variance, z }
    } else {
        LogOdds { prior, delta: 0.0, variance: f64::INFINITY, z: 0.0 }
    }
}

/// Settings for [`PhraseCounter::discover`].
#[derive(Debug, Clone, PartialEq)]
pub struct DiscoveryOptions {
    /// Prior scale a0 (default 100).
    pub prior_scale: f64,
    /// Phrases seen fewer times (unweighted, detractors + promoters) are dropped (default 3).
    pub min_occurrences: u32,
    /// Longest phrase in words, 1..=3 (default 3).
    pub max_words: usize,
    /// Keep phrases with z above this (default 0: used more by detractors).
    pub min_z: f64,
    /// Number of phrases returned (default 50).
    pub max_results: usize,
    /// Also return phrases a codebook keyword already covers (flagged with `covered_by`).
    pub include_covered: bool,
}

impl Default for DiscoveryOptions {
    fn default() -> Self {
        Self {
            prior_scale: 100.0,
            min_occurrences: 3,
            max_words: MAX_PHRASE_WORDS,
            min_z: 0.0,
            max_results: 50,
            include_covered: true,
        }
    }
}

/// A word or phrase that sets detractors apart.
#[derive(Debug, Clone, PartialEq)]
pub struct DiscoveredPhrase {
    /// Stems joined by spaces, negated as `not:stem` (the grouping key).
    pub key: String,
    /// Most frequent surface form, negators included ("niet vriendelijk personeel").
    pub display: String,
    /// The same surface form without negators: the keyword for a new theme.
    pub keyword: String,
    /// Language of the comments it came from (`Unknown`: unstemmed words of short comments).
    pub language: Language,
    /// Number of words (1..=3).
    pub words: usize,
    /// Log-odds z score (positive: detractors use it more).
    pub z: f64,
    /// Log-odds delta.
    pub delta: f64,
    /// Weighted occurrences among detractors.
    pub detractor_count: f64,
    /// Weighted occurrences among promoters.
    pub promoter_count: f64,
    /// Unweighted occurrences among detractors and promoters.
    pub occurrences: u32,
    /// First codebook theme one of whose keywords covers it; `None` = new.
    pub covered_by: Option<ThemeId>,
}

impl DiscoveredPhrase {
    /// Whether no codebook keyword covers the phrase yet.
    pub fn is_new(&self) -> bool {
        self.covered_by.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct PhraseKey {
    language: Language,
    words: [u32; MAX_PHRASE_WORDS],
}

#[derive(Debug, Default)]
struct PhraseEntry {
    counts: [f64; 2],
    occurrences: u32,
    /// (display ids, keyword ids, count) of the surface forms seen.
    surfaces: Vec<([u32; MAX_PHRASE_WORDS], [u32; MAX_PHRASE_WORDS], u32)>,
}

const NONE: u32 = u32::MAX;

/// Counts 1-3 word phrases (grouped by stem) among detractors and promoters.
#[derive(Debug, Default)]
pub struct PhraseCounter {
    ids: HashMap<String, u32>,
    strings: Vec<String>,
    entries: HashMap<PhraseKey, PhraseEntry>,
    /// totals[group][words - 1]
    totals: [[f64; MAX_PHRASE_WORDS]; 2],
    comments: [usize; 2],
}

impl PhraseCounter {
    /// An empty counter.
    pub fn new() -> Self {
        Self::default()
    }

    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = u32::try_from(self.strings.len()).unwrap_or(NONE - 1);
        self.strings.push(text.to_owned());
        self.ids.insert(text.to_owned(), id);
        id
    }

    /// Number of comments counted per group (detractors, promoters).
    pub fn comments(&self) -> (usize, usize) {
        (self.comments[0], self.comments[1])
    }

    /// Counts the phrases of one comment with a survey weight (1.0 unweighted). Passives and
    /// non-positive or non-finite weights are ignored.
    pub fn add(&mut self, comment: &AnalysedComment, group: NpsGroup, weight: f64) {
        let g = match group {
            NpsGroup::Detractor => 0,
            NpsGroup::Promoter => 1,
            NpsGroup::Passive => return,
        };
        if !(weight.is_finite() && weight > 0.0) {
            return;
        }
        self.comments[g] += 1;
        let reading = &comment.reading;
        // (key id, display id, keyword id, clause)
        let mut terms: Vec<(u32, u32, u32, u32)> = Vec::with_capacity(reading.tokens.len());
        for (i, token) in reading.tokens.iter().enumerate() {
            if token.kind != TokenKind::Content {
                continue;
            }
            let plain = self.intern(&token.surface);
            let (key, display) = if token.is_negated() {
                (self.intern(&reading.term_key(i)), self.intern(&reading.term_surface(i)))
            } else {
                (self.intern(&token.stem), plain)
            };
            terms.push((key, display, plain, token.clause));
        }
        for start in 0..terms.len() {
            let mut key = PhraseKey { language: reading.language, words: [NONE; MAX_PHRASE_WORDS] };
            let mut display = [NONE; MAX_PHRASE_WORDS];
            let mut plain = [NONE; MAX_PHRASE_WORDS];
            for (len, term) in terms[start..].iter().take(MAX_PHRASE_WORDS).enumerate() {
                if term.3 != terms[start].3 {
                    break;
                }
                key.words[len] = term.0;
                display[len] = term.1;
                plain[len] = term.2;
                self.totals[g][len] += weight;
                let entry = self.entries.entry(key).or_default();
                entry.counts[g] += weight;
                entry.occurrences += 1;
                match entry.surfaces.iter_mut().find(|s| s.0 == display) {
                    Some(surface) => surface.2 += 1,
                    None => entry.surfaces.push((display, plain, 1)),
                }
            }
        }
    }

    fn join(&self, ids: &[u32; MAX_PHRASE_WORDS]) -> String {
        let words: Vec<&str> = ids
            .iter()
            .take_while(|&&id| id != NONE)
            .filter_map(|&id| self.strings.get(id as usize))
            .map(String::as_str)
            .collect();
        words.join(" ")
    }

    /// Whether the single word `key` is an everyday verb or adverb of its language ("weer",
    /// "kwam", "igen", "again"): frequent in complaints, but no theme.
    fn is_everyday(key: &PhraseKey, text: &str) -> bool {
        let Some(i) = key.language.index() else { return EVERYDAY.iter().any(|l| l.contains(&text)) };
        EVERYDAY[i].contains(&text)
    }

    /// Phrases ranked by z (highest first; ties by key), at most `options.max_results`.
    /// `tagger` (the current codebook) flags phrases its keywords already cover.
    pub fn discover(&self, tagger: Option<&ThemeTagger>, options: &DiscoveryOptions) -> Vec<DiscoveredPhrase> {
        let mut found: Vec<DiscoveredPhrase> = Vec::new();
        for (key, entry) in &self.entries {
            let words = key.words.iter().take_while(|&&id| id != NONE).count();
            if words == 0 || words > options.max_words || entry.occurrences < options.min_occurrences {
                continue;
            }
            let n = words - 1;
            let odds = log_odds_dirichlet(
                entry.counts[0],
                entry.counts[1],
                self.totals[0][n],
                self.totals[1][n],
                options.prior_scale,
            );
            if odds.z <= options.min_z {
                continue;
            }
            let key_text = self.join(&key.words);
            if words == 1 && entry.surfaces.iter().all(|surface| Self::is_everyday(key, &self.join(&surface.1))) {
                continue;
            }
            let stems: Vec<&str> = key_text.split(' ').map(|s| s.strip_prefix(NEGATED_PREFIX).unwrap_or(s)).collect();
            let covered_by = tagger.and_then(|t| t.covering_theme(key.language, &stems));
            if covered_by.is_some() && !options.include_covered {
                continue;
            }
            let best =
                entry.surfaces.iter().max_by(|a, b| a.2.cmp(&b.2).then_with(|| self.join(&b.0).cmp(&self.join(&a.0))));
            let (display, keyword) = best.map(|s| (self.join(&s.0), self.join(&s.1))).unwrap_or_default();
            found.push(DiscoveredPhrase {
                key: key_text,
                display,
                keyword,
                language: key.language,
                words,
                z: odds.z,
                delta: odds.delta,
                detractor_count: entry.counts[0],
                promoter_count: entry.counts[1],
                occurrences: entry.occurrences,
                covered_by,
            });
        }
        found.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| (a.language, &a.key).cmp(&(b.language, &b.key))));
        found.truncate(options.max_results);
        found
    }
}

/// Everyday verbs and adverbs per language (as written) that a single-word phrase must not be:
/// they set detractors apart ("kwam", "again") without naming anything to act on.
const EVERYDAY: [&[&str]; 4] = [
    &[
        "weer", "kwam", "kwamen", "komt", "komen", "gekomen", "weet", "weten", "wist", "gingen", "gegaan", "moesten",
        "zei", "zegt", "zeggen", "gezegd", "keer", "alweer", "opnieuw",
    ],
    &["igen", "kom", "kommer", "kommet", "vide", "vidste", "gik", "går", "gå", "gået", "sagde", "gang"],
    &[
        "again", "came", "come", "comes", "coming", "know", "knew", "known", "went", "go", "goes", "going", "gone",
        "said", "say", "says", "told", "tell", "time", "times",
    ],
    &[
        "wieder", "kam", "kamen", "kommt", "kommen", "gekommen", "weiß", "wissen", "wusste", "ging", "gingen", "geht",
        "gehen", "gegangen", "sagte", "sagt", "sagen", "gesagt", "immer", "einfach",
    ],
];

/// A new theme for a discovered phrase: id derived from the phrase (made unique in `codebook`),
/// label = the phrase with a capital (all languages), keyword = the phrase without negators in its language (in
/// all four languages when the language is unknown). Add it with [`Codebook::add_theme`].
pub fn theme_from_phrase(phrase: &DiscoveredPhrase, codebook: &Codebook) -> Theme {
    let id = codebook.unique_id(&ThemeId::from_text(&phrase.display));
    let mut chars = phrase.display.chars();
    let label: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
    let mut theme = Theme::new(id, Labels::same(&label));
    let text = if phrase.keyword.is_empty() { &phrase.display } else { &phrase.keyword };
    match phrase.language {
        Language::Unknown => theme.keywords.extend(Language::KNOWN.map(|l| Keyword::new(l, text))),
        language => theme.keywords.push(Keyword::new(language, text)),
    }
    theme
}

#[cfg(test)]
mod tests {
    use super::super::analysis::Analyzer;
    use super::super::default_codebook::default_codebook;
    use super::*;

    #[test]
    fn log_odds_reproduces_the_cross_check_table() {
        // themes.md: a0 = 100; n^D = 70, n^P = 100.
        let rows = [
            ("wacht", 30.0, 5.0, 20.588235, 1.060428, 0.058848, 4.371350),
            ("levering", 20.0, 10.0, 17.647059, 0.572808, 0.062733, 2.286977),
            ("prijs", 10.0, 10.0, 11.764706, 0.184304, 0.091892, 0.607989),
            ("vriendelijk", 5.0, 25.0, 17.647059, -0.567268, 0.067604, -2.181732),
            ("goed", 5.0, 50.0, 32.352941, -0.910605, 0.038915, -4.616091),
        ];
        for (word, y_d, y_p, prior, delta, variance, z) in rows {
            let odds = log_odds_dirichlet(y_d, y_p, 70.0, 100.0, 100.0);
            assert!((odds.prior - prior).abs() < 1e-6, "{word} prior {}", odds.prior);
            assert!((odds.delta - delta).abs() < 1e-6, "{word} delta {}", odds.delta);
            assert!((odds.variance - variance).abs() < 1e-6, "{word} var {}", odds.variance);
            assert!((odds.z - z).abs() < 1e-6, "{word} z {}", odds.z);
        }
    }

    #[test]
    fn log_odds_degenerate_input_is_zero() {
        assert_eq!(log_odds_dirichlet(0.0, 0.0, 0.0, 0.0, 100.0).z, 0.0);
        assert_eq!(log_odds_dirichlet(0.0, 0.0, 10.0, 10.0, 100.0).z, 0.0);
    }

    fn planted_counter() -> PhraseCounter {
        let mut analyzer = Analyzer::new();
        let mut counter = PhraseCounter::new();
        let shared = ["Goede winkel met een ruim assortiment", "Prima winkel, ruim assortiment en goede koffie"];
        for i in 0..40 {
            let detractor = if i % 2 == 0 {
                "De parkeerplaats is altijd vol, echt een drama"
            } else {
                "Weer was de parkeerplaats vol dus rondjes rijden"
            };
            counter.add(&analyzer.analyse(detractor), NpsGroup::Detractor, 1.0);
            counter.add(&analyzer.analyse(shared[i % 2]), NpsGroup::Detractor, 1.0);
            counter.add(&analyzer.analyse(shared[(i + 1) % 2]), NpsGroup::Promoter, 1.0);
            counter.add(&analyzer.analyse("Vriendelijk personeel en een ruim assortiment"), NpsGroup::Promoter, 1.0);
            counter.add(&analyzer.analyse("Heel vriendelijk geholpen, ik kom zeker terug"), NpsGroup::Passive, 1.0);
        }
        // Rare detractor-only word below the occurrence threshold.
        counter.add(&analyzer.analyse("De roltrap was stuk en verder prima winkel"), NpsGroup::Detractor, 1.0);
        counter
    }

    #[test]
    fn everyday_words_are_not_stop_words_already() {
        for (i, language) in Language::KNOWN.into_iter().enumerate() {
            for word in EVERYDAY[i] {
                assert!(!super::super::stopwords::is_stop_word(language, word), "{word} ({language}) is a stop word");
                assert!(!super::super::stopwords::is_negator(language, word), "{word} ({language}) is a negator");
            }
        }
    }

    #[test]
    fn planted_phrase_comes_out_on_top() {
        let counter = planted_counter();
        assert_eq!(counter.comments(), (81, 80));
        let tagger = ThemeTagger::new(&default_codebook());
        let found = counter.discover(Some(&tagger), &DiscoveryOptions::default());
        let top = &found[0];
        assert!(["parkeerplat", "parkeerplat vol", "vol"].contains(&top.key.as_str()), "{found:#?}");
        let bigram = found.iter().position(|p| p.key == "parkeerplat vol").unwrap();
        assert!(bigram < 3, "{found:#?}");
        assert_eq!(found[bigram].display, "parkeerplaats vol");
        assert_eq!(found[bigram].detractor_count, 40.0);
        assert_eq!(found[bigram].promoter_count, 0.0);
        assert_eq!(found[bigram].language, Language::Dutch);
        assert!(found[bigram].is_new());
        assert!(found.iter().all(|p| p.z > 0.0));
        assert!(found.windows(2).all(|w| w[0].z >= w[1].z));
        assert!(!found.iter().any(|p| p.key.contains("roltrap")), "seen once: dropped");
        assert!(!found.iter().any(|p| p.key.contains("vriendelijk")), "promoter word");
        // Everyday words set detractors apart too, but name nothing to act on.
        let singles: Vec<&str> = found.iter().filter(|p| p.words == 1).map(|p| p.display.as_str()).collect();
        assert!(!singles.contains(&"weer"), "{singles:?}");
        let all = counter.discover(None, &DiscoveryOptions { include_covered: true, ..DiscoveryOptions::default() });
        assert!(all.iter().any(|p| p.words > 1 && p.display.starts_with("weer")), "in a phrase it may stand");
    }

    #[test]
    fn covered_phrases_are_flagged_or_dropped() {
        let mut analyzer = Analyzer::new();
        let mut counter = PhraseCounter::new();
        for _ in 0..5 {
            counter.add(
                &analyzer.analyse("De levering was niet op tijd en de parkeerplaats vol"),
                NpsGroup::Detractor,
                2.0,
            );
            counter.add(&analyzer.analyse("Alles was prima en de winkel was schoon"), NpsGroup::Promoter, 1.0);
        }
        let tagger = ThemeTagger::new(&default_codebook());
        let found = counter.discover(Some(&tagger), &DiscoveryOptions::default());
        let levering = found.iter().find(|p| p.key == "lever").unwrap();
        assert_eq!(levering.covered_by.as_ref().map(ThemeId::as_str), Some("delivery"));
        assert_eq!(levering.detractor_count, 10.0);
        assert_eq!(levering.occurrences, 5);
        let negated = found.iter().find(|p| p.key == "not:tijd").unwrap();
        assert_eq!(negated.display, "niet tijd");
        let options = DiscoveryOptions { include_covered: false, ..DiscoveryOptions::default() };
        let new_only = counter.discover(Some(&tagger), &options);
        assert!(new_only.iter().all(DiscoveredPhrase::is_new));
        assert!(new_only.iter().any(|p| p.key == "parkeerplat vol"));
    }

    #[test]
    fn discovered_phrase_becomes_a_theme_that_tags() {
        let counter = planted_counter();
        let found = counter.discover(None, &DiscoveryOptions::default());
        let phrase = found.iter().find(|p| p.key == "parkeerplat vol").unwrap();
        let mut codebook = default_codebook();
        let theme = theme_from_phrase(phrase, &codebook);
        assert_eq!(theme.id.as_str(), "parkeerplaats_vol");
        assert_eq!(theme.labels.en, "Parkeerplaats vol", "labelled with a capital");
        assert_eq!(theme.keywords, [Keyword::new(Language::Dutch, "parkeerplaats vol")]);
        codebook.add_theme(theme.clone()).unwrap();
        let again = theme_from_phrase(phrase, &codebook);
        assert_eq!(again.id.as_str(), "parkeerplaats_vol_2");
        let tagger = ThemeTagger::new(&codebook);
        let comment = Analyzer::new().analyse("Zaterdag was de parkeerplaats ook vol");
        assert!(tagger.themes_of(&comment).contains(&theme.id));
    }
}
