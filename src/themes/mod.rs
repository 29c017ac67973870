//! Detractor themes: the pure text-analytics core.
//!
//! Per comment: language detection, tokenising, stop words, stemming, negation and phrases
//! (`analysis`); a codebook of customer-experience themes (`codebook`, `default_codebook`), refined per sector
//! (`presets`), and
//! tagging comments with it (`tagging`), each mention judged a complaint, praise or neither
//! (`polarity`); discovery of words and phrases that detractors use more
//! than promoters (`discovery`); per-theme statistics on counts and representative quotes
//! (`stats`, `quotes`) for the
//! three NPS groups (`group`). No I/O beyond (de)serialising a codebook, no UI, no survey frame.

pub mod analysis;
pub mod codebook;
pub mod default_codebook;
pub mod discovery;
pub mod group;
pub mod language;
pub mod polarity;
pub mod presets;
pub mod quotes;
pub mod stats;
pub mod stemming;
pub mod stopwords;
pub mod tagging;
pub mod tokens;

pub use analysis::{AnalysedComment, Analyzer, Phrase, Reading, Token, TokenKind};
pub use codebook::{Codebook, CodebookError, Keyword, Labels, Theme, ThemeId};
pub use default_codebook::default_codebook;
pub use discovery::{
    DiscoveredPhrase, DiscoveryOptions, LogOdds, PhraseCounter, log_odds_dirichlet, theme_from_phrase,
};
pub use group::NpsGroup;
pub use language::{Detection, Language, LanguageDetector};
pub use polarity::{Lexicon, Polarity};
pub use presets::Preset;
pub use quotes::{QuoteCandidate, representative_quotes};
pub use stats::{
    GroupCount, GroupTotal, GroupTotals, Interval, Representation, Share, ThemeCounts, ThemeStats, theme_stats,
};
pub use tagging::{MatchKind, ThemeMatch, ThemeTagger, themes_mentioned};
