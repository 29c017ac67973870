//! Tagging comments with codebook themes.
//!
//! Owns [`ThemeTagger`] (a codebook compiled for matching: keywords tokenised and stemmed with the
//! same pipeline as comments) and [`ThemeMatch`]. Single-word keywords match a token's stem;
//! in Dutch, Danish and German a keyword stem of at least [`MIN_COMPOUND_STEM_CHARS`] letters also
//! matches the start or end of a longer compound ("klantenservice", "wachttijden",
//! "bezorgkosten") unless the token already matches a keyword exactly ("wachtwoord" is
//! website_app, not waiting). Phrase keywords match consecutive stems in one clause, stop words
//! included ("te laat", "on hold"). A negated keyword still counts as a mention; the match
//! records the negation. Comments of unknown language are matched in all four languages. A word
//! that judges a thing no keyword's mention is as near to makes its nearest word a product-quality
//! mention ("the croissants were stale"). Each comment's words are valued once per reading
//! ([`Lexicon::values`]) and every mention's polarity reads those values.

use std::collections::HashMap;

use super::analysis::AnalysedComment;
use super::analysis::{Reading, Token, TokenKind, read_tokens};
use super::codebook::{Codebook, ThemeId};
use super::language::Language;
use super::polarity::{Lexicon, Polarity};
use super::stemming::Stems;
use super::tokens::tokenize;

/// Shortest keyword stem (in letters) that may match inside a compound word.
pub const MIN_COMPOUND_STEM_CHARS: usize = 5;

/// Shortest rest of a compound (in letters) beside the keyword stem.
pub const MIN_COMPOUND_REST_CHARS: usize = 3;

/// How a keyword was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// A single word with the keyword's stem.
    Word,
    /// The keyword stem at the start or end of a compound word.
    Compound,
    /// A phrase keyword on consecutive words.
    Phrase,
    /// "The X was Y": a word judging a thing no theme claims, counted as product quality.
    Thing,
}

/// One keyword of one theme found in a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeMatch {
    /// The theme.
    pub theme: ThemeId,
    /// Position of the theme in the codebook (for stable ordering).
    pub theme_index: usize,
    /// The keyword as written in the codebook (for a [`MatchKind::Thing`], the comment's word).
    pub keyword: String,
    /// Language of the keyword (and of the reading it matched).
    pub language: Language,
    /// Whether a negator applies ("niet vriendelijk", "no response"): still a mention of the
    /// theme, usually a complaint.
    pub negated: bool,
    /// Index of the first matched token in the reading.
    pub token: usize,
    /// Number of tokens matched.
    pub tokens: usize,
    /// Word, compound or phrase match.
    pub kind: MatchKind,
    /// What the mention says, from the evaluative words around it: its clause, else its whole
    /// comment ([`Lexicon::judge`]).
    pub polarity: Polarity,
    /// The matched words as written ("bediening", "te laat").
    pub words: String,
    /// The evaluative words that decided the polarity, as written, a negated one with its
    /// negator ("not friendly").
    pub said: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct KeywordRef {
    theme: usize,
    keyword: usize,
}

/// One word of a phrase keyword.
#[derive(Debug, Clone)]
struct PhraseWord {
    stem: String,
    kind: TokenKind,
}

/// Most stop words of the comment skipped between two content words of a phrase keyword.
pub const MAX_STOP_WORDS_IN_PHRASE: usize = 3;

/// End (exclusive) of a match of `phrase` starting at token `start`, or `None`. Words of the
/// keyword match stems in order within one clause; before a content word of the keyword, up to
/// [`MAX_STOP_WORDS_IN_PHRASE`] stop words of the comment are skipped, so the discovered phrase
/// "parkeerplaats vol" matches "de parkeerplaats is altijd vol". Stop words and negators written
/// in the keyword ("te laat", "on hold", "geen reactie") must be adjacent.
fn match_phrase(tokens: &[Token], start: usize, phrase: &[PhraseWord]) -> Option<usize> {
    let clause = tokens.get(start)?.clause;
    let mut at = start;
    for (n, word) in phrase.iter().enumerate() {
        if n > 0 && word.kind == TokenKind::Content {
            let mut skipped = 0;
            while tokens.get(at).is_some_and(|t| t.kind == TokenKind::Stop && t.stem != word.stem)
                && skipped < MAX_STOP_WORDS_IN_PHRASE
            {
                at += 1;
                skipped += 1;
            }
        }
        let token = tokens.get(at)?;
        if token.clause != clause || token.stem != word.stem {
            return None;
        }
        at += 1;
    }
    Some(at)
}

#[derive(Debug, Default)]
struct LanguageIndex {
    words: HashMap<String, Vec<KeywordRef>>,
    /// Keywords that are themselves stop words of their language: they match stop tokens only.
    stop_words: HashMap<String, Vec<KeywordRef>>,
    compounds: HashMap<String, Vec<KeywordRef>>,
    /// Single-word content keywords as written, for the parts of a split compound.
    parts: HashMap<String, Vec<KeywordRef>>,
    phrases: Vec<(Vec<PhraseWord>, KeywordRef)>,
    phrases_by_first: HashMap<String, Vec<usize>>,
    /// Content stems of phrase keywords, for deciding whether a discovered phrase is covered.
    phrase_content: Vec<(Vec<String>, KeywordRef)>,
}

/// A codebook compiled for matching comments.
#[derive(Debug)]
pub struct ThemeTagger {
    themes: Vec<ThemeId>,
    keywords: Vec<Vec<String>>,
    languages: [LanguageIndex; 4],
    /// Lowercase single-word keywords of all languages (for unstemmed text of unknown language).
    surfaces: HashMap<String, Vec<KeywordRef>>,
    /// The evaluative words that give a mention its polarity.
    lexicon: Lexicon,
    /// The theme that a judged thing no other theme claims belongs to: the codebook's
    /// [`PRODUCT_THEME`], if it has one.
    product: Option<usize>,
}

/// Forms of "be" and "seem" in the four languages, which join a thing to its judgement ("the
/// room was lovely", "de kamer was vies", "sengen var dejlig", "das Essen war kalt"; as written).
const COPULAS: [&str; 26] = [
    "is", "was", "are", "were", "seemed", "looked", "felt", "zijn", "waren", "lijkt", "leek", "voelde", "er", "var",
    "virker", "virkede", "føltes", "ist", "war", "sind", "wirkt", "wirkte", "scheint", "schien", "been", "be",
];

/// The theme "the X was Y" about a thing no other theme claims is counted as.
pub const PRODUCT_THEME: &str = "product_quality";

/// Whether `word` names the whole business or visit ([`WHOLE`]), inflected too ("hotellet",
/// "oplevelsen", "experiences"): a longer word of the list may start it, a short one must be it.
fn names_the_whole(word: &str) -> bool {
    WHOLE.iter().any(|w| if w.chars().count() >= 4 { word.starts_with(w) } else { word == *w })
}

/// Words naming the whole business or visit, or where it is: "the hotel was great", "great
/// experience", "fijne plek" judge everything at once, not what is sold (as written, lowercase).
const WHOLE: [&str; 43] = [
    "hotel",
    "place",
    "stay",
    "experience",
    "company",
    "business",
    "shop",
    "store",
    "visit",
    "time",
    "trip",
    "location",
    "everything",
    "plek",
    "verblijf",
    "ervaring",
    "bedrijf",
    "winkel",
    "bezoek",
    "tijd",
    "locatie",
    "ligging",
    "alles",
    "sted",
    "ophold",
    "oplevelse",
    "firma",
    "virksomhed",
    "butik",
    "besøg",
    "tid",
    "beliggenhed",
    "alt",
    "ort",
    "aufenthalt",
    "erfahrung",
    "unternehmen",
    "laden",
    "geschäft",
    "besuch",
    "zeit",
    "lage",
    "hotels",
];

impl ThemeTagger {
    /// Compiles `codebook`: every keyword is tokenised, stop-worded and stemmed in its language.
    pub fn new(codebook: &Codebook) -> ThemeTagger {
        let mut stems = Stems::new();
        let mut tagger = ThemeTagger {
            themes: codebook.themes().iter().map(|t| t.id.clone()).collect(),
            keywords: codebook.themes().iter().map(|t| t.keywords.iter().map(|k| k.text.clone()).collect()).collect(),
            languages: Default::default(),
            surfaces: HashMap::new(),
            lexicon: Lexicon::default(),
            product: codebook.themes().iter().position(|t| t.id.as_str() == PRODUCT_THEME),
        };
        for (theme, entry) in codebook.themes().iter().enumerate() {
            for (keyword, kw) in entry.keywords.iter().enumerate() {
                let Some(lang_index) = kw.language.index() else { continue };
                let reference = KeywordRef { theme, keyword };
                let raw = tokenize(&kw.text);
                let reading = read_tokens(&raw, kw.language, &mut stems);
                let index = &mut tagger.languages[lang_index];
                match reading.tokens.as_slice() {
                    [] => {}
                    [token] => {
                        let words =
                            if token.kind == TokenKind::Content { &mut index.words } else { &mut index.stop_words };
                        push_once(words.entry(token.stem.clone()).or_default(), reference);
                        if kw.language.compounds()
                            && token.kind == TokenKind::Content
                            && token.stem.chars().count() >= MIN_COMPOUND_STEM_CHARS
                        {
                            push_once(index.compounds.entry(token.stem.clone()).or_default(), reference);
                        }
                        push_once(tagger.surfaces.entry(token.surface.clone()).or_default(), reference);
                        if kw.language.compounds() && token.kind == TokenKind::Content {
                            push_once(index.parts.entry(token.surface.clone()).or_default(), reference);
                        }
                    }
                    tokens => {
                        let stems: Vec<PhraseWord> =
                            tokens.iter().map(|t| PhraseWord { stem: t.stem.clone(), kind: t.kind }).collect();
                        let content: Vec<String> =
                            tokens.iter().filter(|t| t.kind == TokenKind::Content).map(|t| t.stem.clone()).collect();
                        index.phrases_by_first.entry(stems[0].stem.clone()).or_default().push(index.phrases.len());
                        index.phrases.push((stems, reference));
                        if !content.is_empty() {
                            index.phrase_content.push((content, reference));
                        }
                    }
                }
            }
        }
        tagger.lexicon = Lexicon::new(&mut stems);
        tagger
    }

    /// Theme ids in codebook order.
    pub fn theme_ids(&self) -> &[ThemeId] {
        &self.themes
    }

    fn to_match(&self, reference: KeywordRef, language: Language, token: usize, tokens: usize) -> ThemeMatch {
        ThemeMatch {
            theme: self.themes[reference.theme].clone(),
            theme_index: reference.theme,
            keyword: self.keywords[reference.theme][reference.keyword].clone(),
            language,
            negated: false,
            token,
            tokens,
            kind: MatchKind::Word,
            polarity: Polarity::Neutral,
            words: String::new(),
            said: Vec::new(),
        }
    }

    /// Gives `found` what it says and its words, read from `reading` (its tokens valued as
    /// [`Lexicon::values`] gives them).
    fn judge(&self, reading: &Reading, values: &[i8], found: &mut ThemeMatch) {
        let (polarity, said) = self.lexicon.judge_valued(reading, values, found.token, found.tokens);
        let end = (found.token + found.tokens).min(reading.tokens.len());
        let words: Vec<&str> = reading.tokens[found.token..end].iter().map(|t| t.surface.as_str()).collect();
        found.polarity = polarity;
        found.words = words.join(" ");
        found.said = said.into_iter().map(|at| reading.term_surface(at)).collect();
    }

    /// Every keyword match in `comment`, ordered by theme, then position. A comment of unknown
    /// language is matched with the keywords of all four languages.
    pub fn tag(&self, comment: &AnalysedComment) -> Vec<ThemeMatch> {
        let mut matches = Vec::new();
        let readings = comment.readings_for_matching();
        let values: Vec<Vec<i8>> = readings.iter().map(|reading| self.lexicon.values(reading)).collect();
        for (reading, values) in readings.iter().zip(&values) {
            self.tag_reading(reading, values, &mut matches);
        }
        // "The X was Y" for judging words no keyword mention is nearer to (the readings of a
        // comment of unknown language share its tokens).
        if let Some(product) = self.product {
            let claimed: Vec<usize> = matches.iter().flat_map(|m| m.token..m.token + m.tokens.max(1)).collect();
            for (reading, values) in readings.iter().zip(&values) {
                self.find_things(reading, values, product, &claimed, &mut matches);
            }
        }
        // Of one mention found in several readings, the one that says something is kept ("slow
        // service" read as Dutch finds the keyword, as English the complaint).
        let neutral = |m: &ThemeMatch| m.polarity == Polarity::Neutral;
        matches.sort_by(|a, b| {
            (a.theme_index, a.token, a.tokens, neutral(a), a.language, &a.keyword).cmp(&(
                b.theme_index,
                b.token,
                b.tokens,
                neutral(b),
                b.language,
                &b.keyword,
            ))
        });
        matches.dedup_by(|a, b| (a.theme_index, a.token, a.tokens) == (b.theme_index, b.token, b.tokens));
        matches.sort_by(|a, b| {
            (a.theme_index, a.token, a.language, &a.keyword).cmp(&(b.theme_index, b.token, b.language, &b.keyword))
        });
        matches
    }

    /// The themes `comment` mentions, in codebook order, each once.
    pub fn themes_of(&self, comment: &AnalysedComment) -> Vec<ThemeId> {
        themes_mentioned(&self.tag(comment)).into_iter().cloned().collect()
    }

    fn tag_reading(&self, reading: &Reading, values: &[i8], matches: &mut Vec<ThemeMatch>) {
        let language = reading.language;
        let Some(lang_index) = language.index() else { return };
        let index = &self.languages[lang_index];
        let tokens = &reading.tokens;
        let first_new = matches.len();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind == TokenKind::Negator {
                continue;
            }
            let mut exact = false;
            let words = if token.kind == TokenKind::Content { &index.words } else { &index.stop_words };
            if let Some(refs) = words.get(&token.stem) {
                exact = true;
                for &r in refs {
                    matches.push(ThemeMatch { negated: token.is_negated(), ..self.to_match(r, language, i, 1) });
                }
            }
            if !exact && token.kind == TokenKind::Content && language.compounds() {
                let mut found: Vec<KeywordRef> = compound_matches(&index.compounds, &token.stem).collect();
                // Split at every point: a part that is a keyword as written ("bedienings|snelheid",
                // "levering|s|tid") matches, where the stems of the whole word hide it.
                for r in compound_parts(&index.parts, &token.surface) {
                    if !found.iter().any(|f| f.theme == r.theme) {
                        found.push(r);
                    }
                }
                for r in found {
                    matches.push(ThemeMatch {
                        negated: token.is_negated(),
                        kind: MatchKind::Compound,
                        ..self.to_match(r, language, i, 1)
                    });
                }
            }
            for &p in index.phrases_by_first.get(&token.stem).into_iter().flatten() {
                let (phrase, r) = &index.phrases[p];
                if let Some(end) = match_phrase(tokens, i, phrase) {
                    let span = &tokens[i..end];
                    let negated = span.iter().any(|t| t.is_negated() || t.kind == TokenKind::Negator);
                    matches.push(ThemeMatch {
                        negated,
                        kind: MatchKind::Phrase,
                        ..self.to_match(*r, language, i, end - i)
                    });
                }
            }
        }
        for found in &mut matches[first_new..] {
            self.judge(reading, values, found);
        }
    }

    /// "The X was Y": where a word judges a thing ("cold", "broken", "delicious"), the content
    /// word nearest it in its clause that judges nothing itself is the thing, mentioned as the
    /// product theme, unless a keyword's mention (token indices `claimed`) is as near: then the
    /// judgement is that mention's. So a sector the codebook has never seen ("the croissants
    /// were stale", "de kamer was vies") still gets its product-quality mentions, also in a
    /// comment written without punctuation ("bed was comfortable bathroom clean").
    fn find_things(
        &self,
        reading: &Reading,
        values: &[i8],
        product: usize,
        claimed: &[usize],
        matches: &mut Vec<ThemeMatch>,
    ) {
        let tokens = &reading.tokens;
        let judging: Vec<usize> =
            (0..tokens.len()).filter(|&i| self.lexicon.judges_a_thing_valued(reading, values, i)).collect();
        if judging.is_empty() {
            return;
        }
        // Each token is looked at once: whether it can be a thing.
        let candidate: Vec<bool> = tokens
            .iter()
            .enumerate()
            .map(|(i, token)| {
                token.kind == TokenKind::Content
                    && !claimed.contains(&i)
                    && token.surface.chars().filter(|c| c.is_alphabetic()).count() >= 3
                    && !names_the_whole(&token.surface)
                    && values[i] == 0
            })
            .collect();
        let mut things: Vec<usize> = Vec::new();
        for judging in judging {
            let clause = tokens[judging].clause;
            let from = tokens[..judging].iter().rposition(|t| t.clause != clause).map_or(0, |i| i + 1);
            let to = judging + tokens[judging..].iter().take_while(|t| t.clause == clause).count();
            // "The X was Y": a form of "be" between a word and the judgement after it does not
            // count; a word before is nearer than one as far after it ("bed was comfortable
            // bathroom" is about the bed).
            let distance = |i: usize| {
                let copula =
                    i < judging && tokens[i + 1..judging].iter().any(|t| COPULAS.contains(&t.surface.as_str()));
                i.abs_diff(judging) + usize::from(i > judging) - usize::from(copula)
            };
            let thing = (from..to).filter(|&i| candidate[i]).min_by_key(|&i| distance(i));
            let mention = claimed.iter().filter(|&&i| (from..to).contains(&i)).map(|&i| distance(i)).min();
            if let Some(thing) = thing
                && mention.is_none_or(|m| m > distance(thing))
                && !things.contains(&thing)
            {
                things.push(thing);
            }
        }
        for thing in things {
            let mut found = ThemeMatch {
                theme: self.themes[product].clone(),
                theme_index: product,
                keyword: tokens[thing].surface.clone(),
                language: reading.language,
                negated: tokens[thing].is_negated(),
                token: thing,
                tokens: 1,
                kind: MatchKind::Thing,
                polarity: Polarity::Neutral,
                words: String::new(),
                said: Vec::new(),
            };
            self.judge(reading, values, &mut found);
            matches.push(found);
        }
    }

    /// The first theme (codebook order) one of whose keywords covers the phrase with these
    /// stems (negation prefix already removed): a word or compound keyword matching one of the
    /// stems, or a phrase keyword whose content words all appear in order. For `Unknown`, the
    /// stems are unstemmed words, compared with the keywords as written in every language.
    pub fn covering_theme(&self, language: Language, stems: &[&str]) -> Option<ThemeId> {
        let mut best: Option<usize> = None;
        let mut consider = |theme: usize| best = Some(best.map_or(theme, |b| b.min(theme)));
        let indices: Vec<&LanguageIndex> = match language.index() {
            Some(i) => vec![&self.languages[i]],
            None => self.languages.iter().collect(),
        };
        for stem in stems {
            if language == Language::Unknown {
                self.surfaces.get(*stem).into_iter().flatten().for_each(|r| consider(r.theme));
            }
            for index in &indices {
                index.words.get(*stem).into_iter().flatten().for_each(|r| consider(r.theme));
                if language.compounds() {
                    compound_matches(&index.compounds, stem).for_each(|r| consider(r.theme));
                }
            }
        }
        for index in &indices {
            for (content, r) in &index.phrase_content {
                if stems.windows(content.len()).any(|w| w.iter().zip(content).all(|(a, b)| *a == b)) {
                    consider(r.theme);
                }
            }
        }
        best.map(|b| self.themes[b].clone())
    }
}

/// Keyword references whose stem starts or ends the compound `stem`, leaving a rest of at least
/// [`MIN_COMPOUND_REST_CHARS`] letters.
fn compound_matches<'a>(
    compounds: &'a HashMap<String, Vec<KeywordRef>>,
    stem: &'a str,
) -> impl Iterator<Item = KeywordRef> + 'a {
    let chars = stem.chars().count();
    let boundaries: Vec<usize> = if chars >= MIN_COMPOUND_STEM_CHARS + MIN_COMPOUND_REST_CHARS {
        stem.char_indices().map(|(b, _)| b).collect()
    } else {
        Vec::new()
    };
    boundaries
        .into_iter()
        .enumerate()
        .filter(move |&(n, _)| n >= MIN_COMPOUND_REST_CHARS || chars - n >= MIN_COMPOUND_REST_CHARS)
        .flat_map(move |(n, b)| {
            let prefix = if n >= MIN_COMPOUND_STEM_CHARS && chars - n >= MIN_COMPOUND_REST_CHARS {
                compounds.get(&stem[..b])
            } else {
                None
            };
            let suffix = if n >= MIN_COMPOUND_REST_CHARS && chars - n >= MIN_COMPOUND_STEM_CHARS {
                compounds.get(&stem[b..])
            } else {
                None
            };
            prefix.into_iter().chain(suffix).flatten().copied()
        })
}

/// Shortest part (in letters) of a compound split by [`compound_parts`].
pub const MIN_COMPOUND_PART_CHARS: usize = 5;

/// Keyword references whose keyword, as written, is the first or last part of `surface` when it
/// is split in two, each part at least [`MIN_COMPOUND_PART_CHARS`] letters; a linking `s`, `e`
/// or `en` after the first part is left out ("bedienings|snelheid", "wachttijd|en").
fn compound_parts(parts: &HashMap<String, Vec<KeywordRef>>, surface: &str) -> Vec<KeywordRef> {
    let mut found: Vec<KeywordRef> = Vec::new();
    let bounds: Vec<usize> = surface.char_indices().map(|(at, _)| at).collect();
    if bounds.len() < 2 * MIN_COMPOUND_PART_CHARS {
        return found;
    }
    for &at in &bounds[MIN_COMPOUND_PART_CHARS..=bounds.len() - MIN_COMPOUND_PART_CHARS] {
        let (head, tail) = surface.split_at(at);
        let heads = [Some(head), head.strip_suffix('s'), head.strip_suffix('e'), head.strip_suffix("en")];
        let candidates = heads.into_iter().flatten().filter(|h| h.chars().count() >= MIN_COMPOUND_PART_CHARS);
        for part in candidates.chain([tail]) {
            for &r in parts.get(part).into_iter().flatten() {
                push_once(&mut found, r);
            }
        }
    }
    found
}

/// Adds `reference` unless a keyword of the same theme is already there (several inflections of
/// one keyword share a stem; one match per theme and token is enough).
fn push_once(references: &mut Vec<KeywordRef>, reference: KeywordRef) {
    if !references.iter().any(|r| r.theme == reference.theme) {
        references.push(reference);
    }
}

/// The distinct themes among `matches`, in codebook order.
pub fn themes_mentioned(matches: &[ThemeMatch]) -> Vec<&ThemeId> {
    let mut themes: Vec<(usize, &ThemeId)> = matches.iter().map(|m| (m.theme_index, &m.theme)).collect();
    themes.sort_by_key(|(i, _)| *i);
    themes.dedup_by_key(|(i, _)| *i);
    themes.into_iter().map(|(_, id)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::super::analysis::Analyzer;
    use super::super::default_codebook::{DEFAULT_THEME_IDS, default_codebook};
    use super::*;

    fn tagger() -> ThemeTagger {
        ThemeTagger::new(&default_codebook())
    }

    fn themes(tagger: &ThemeTagger, analyzer: &mut Analyzer, text: &str) -> Vec<String> {
        let comment = analyzer.analyse(text);
        tagger.themes_of(&comment).into_iter().map(String::from).collect()
    }

    /// (language, comment, expected themes) written as customers write them.
    const CASES: &[(Language, &str, &[&str])] = &[
        (Language::Dutch, "De klantenservice heeft mijn probleem niet opgelost, slechte service", &["service"]),
        (Language::Dutch, "De medewerker aan de telefoon was erg onvriendelijk en kortaf", &["staff", "reachability"]),
        (Language::Dutch, "Veel te lang moeten wachten, de wachttijd was meer dan een uur", &["waiting_time"]),
        (Language::Dutch, "Mijn pakket werd drie dagen te laat bezorgd", &["delivery"]),
        (Language::Dutch, "Ik vind de bezorgkosten veel te hoog en de prijzen zijn gestegen", &["price"]),
        (Language::Dutch, "Het product was na een week al kapot, slechte kwaliteit", &["product_quality"]),
        (Language::Dutch, "Ik heb nooit een reactie gekregen op mijn mail", &["communication"]),
        (Language::Dutch, "Er stond een verkeerd bedrag op de factuur en ik moest twee keer betalen", &["billing"]),
        (Language::Dutch, "Inloggen in de app lukt niet, mijn wachtwoord wordt steeds geweigerd", &["website_app"]),
        (Language::Dutch, "Jullie zijn slecht bereikbaar, telefonisch kom je er nooit doorheen", &["reachability"]),
        (Language::Danish, "Kundeservice kunne ikke hjælpe mig med mit problem", &["service"]),
        (Language::Danish, "Medarbejderen var meget uhøflig og ikke særlig venlig", &["staff"]),
        (
            Language::Danish,
            "Jeg ventede alt for længe i telefonkøen, ventetiden er urimelig",
            &["waiting_time", "reachability"],
        ),
        (Language::Danish, "Pakken blev leveret tre dage for sent", &["delivery"]),
        (Language::Danish, "Priserne er blevet alt for dyre i forhold til andre butikker", &["price"]),
        (Language::Danish, "Produktet gik i stykker efter en uge, dårlig kvalitet", &["product_quality"]),
        (Language::Danish, "Jeg har aldrig fået svar på min mail", &["communication"]),
        (Language::Danish, "Der var fejl på fakturaen og jeg blev opkrævet to gange", &["product_quality", "billing"]),
        (Language::Danish, "Det er umuligt at logge ind på hjemmesiden og appen crasher", &["website_app"]),
        (Language::Danish, "Man kan aldrig komme igennem på telefonen", &["reachability"]),
        (Language::English, "Customer service was useless and did not solve my problem", &["service"]),
        (Language::English, "The staff member I spoke to was rude and unprofessional", &["staff"]),
        (Language::English, "I was on hold for over an hour, far too long", &["waiting_time"]),
        (Language::English, "My parcel was delivered a week late", &["delivery"]),
        (Language::English, "Way too expensive compared to other providers", &["price"]),
        (Language::English, "The product broke after two days, really poor quality", &["product_quality"]),
        (Language::English, "Nobody kept me informed and my emails got no reply", &["communication"]),
        (Language::English, "I was charged twice and I am still waiting for my refund", &["waiting_time", "billing"]),
        (Language::English, "The website keeps crashing when I try to log in", &["website_app"]),
        (Language::English, "Impossible to get through by phone, nobody picks up", &["reachability"]),
        (Language::German, "Der Kundenservice konnte mir nicht helfen", &["service"]),
        (Language::German, "Der Mitarbeiter war sehr unfreundlich und arrogant", &["staff"]),
        (Language::German, "Die Wartezeit in der Warteschleife war viel zu lange", &["waiting_time"]),
        (Language::German, "Die Lieferung kam zwei Wochen zu spät", &["delivery"]),
        (Language::German, "Die Preise sind einfach zu teuer geworden", &["price"]),
        (Language::German, "Das Gerät war nach einer Woche kaputt, schlechte Qualität", &["product_quality"]),
        (Language::German, "Ich habe nie eine Antwort auf meine E-Mail bekommen", &["communication"]),
        (Language::German, "Auf der Rechnung stand ein falscher Betrag", &["billing"]),
        (Language::German, "Die Webseite ist unübersichtlich und die App stürzt ab", &["website_app"]),
        (Language::German, "Telefonisch ist die Firma kaum erreichbar", &["reachability"]),
    ];

    #[test]
    fn every_default_theme_is_hit_in_every_language() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        let mut failures = Vec::new();
        for (language, text, expected) in CASES {
            let comment = analyzer.analyse(text);
            assert_eq!(comment.language(), *language, "{text}");
            let got: Vec<String> = tagger.themes_of(&comment).into_iter().map(String::from).collect();
            if got != *expected {
                failures.push(format!("{text}: got {got:?}, expected {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        for language in Language::KNOWN {
            for id in DEFAULT_THEME_IDS {
                assert!(CASES.iter().any(|(l, _, e)| *l == language && e.contains(&id)), "no {language} case for {id}");
            }
        }
    }

    #[test]
    fn a_judged_thing_no_theme_claims_is_a_product_mention() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        for (text, language, thing, polarity) in [
            ("The croissants were stale", Language::English, "croissants", Polarity::Negative),
            ("De kamer was vies", Language::Dutch, "kamer", Polarity::Negative),
            ("Sengen var dejlig", Language::Danish, "sengen", Polarity::Positive),
            ("Das Frühstück war lecker", Language::German, "frühstück", Polarity::Positive),
            ("I thought the room was lovely", Language::English, "room", Polarity::Positive),
        ] {
            let matches = tagger.tag(&analyzer.analyse_as(text, language));
            let found: Vec<&ThemeMatch> = matches.iter().filter(|m| m.kind == MatchKind::Thing).collect();
            assert_eq!(found.len(), 1, "{text}: {matches:?}");
            assert_eq!((found[0].theme.as_str(), found[0].words.as_str()), (PRODUCT_THEME, thing), "{text}");
            assert_eq!(found[0].polarity, polarity, "{text}");
        }
        // Written without punctuation, each judgement finds its own thing, and one a keyword's
        // mention is nearer to stays that mention's ("staff ... friendly").
        let matches = tagger
            .tag(&analyzer.analyse_as("Bed was comfortable bathroom was clean staff were friendly", Language::English));
        let things: Vec<(&str, Polarity)> =
            matches.iter().filter(|m| m.kind == MatchKind::Thing).map(|m| (m.words.as_str(), m.polarity)).collect();
        assert_eq!(things, [("bed", Polarity::Positive), ("bathroom", Polarity::Positive)], "{matches:?}");
        // Not a thing: the whole visit, a feeling, or a judgement a theme's mention is nearer to.
        for (text, language) in [
            ("Great hotel", Language::English),
            ("Thanks, we were very satisfied", Language::English),
            ("De medewerker was onvriendelijk", Language::Dutch),
            ("We ordered the menu", Language::English),
        ] {
            let matches = tagger.tag(&analyzer.analyse_as(text, language));
            assert!(matches.iter().all(|m| m.kind != MatchKind::Thing), "{text}: {matches:?}");
        }
    }

    #[test]
    fn a_short_comment_keeps_the_reading_that_says_something() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        // Two words: no language is told, so all four readings are tried; Dutch finds
        // "service" but not "slow", English both.
        let comment = analyzer.analyse("slow service");
        assert_eq!(comment.language(), Language::Unknown);
        let matches = tagger.tag(&comment);
        assert!(matches.iter().all(|m| m.polarity == Polarity::Negative), "{matches:?}");
        // "fair price": the price keyword claims the clause in every reading, so no product.
        let matches = tagger.tag(&analyzer.analyse("fair price"));
        assert!(matches.iter().all(|m| m.kind != MatchKind::Thing), "{matches:?}");
    }

    #[test]
    fn compounds_are_split_where_a_part_is_a_keyword() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        let mut themes = |text: &str, language| -> Vec<String> {
            tagger.themes_of(&analyzer.analyse_as(text, language)).into_iter().map(String::from).collect()
        };
        // "snelheid" loses "heid" to the stemmer in the whole word; as a part it is found.
        assert_eq!(themes("De bedieningssnelheid was slecht", Language::Dutch), ["waiting_time"]);
        // Short parts are not split off: "duurzaam" is no price.
        assert!(!themes("Een duurzaam product", Language::Dutch).contains(&"price".to_owned()));
        assert!(compound_parts(&HashMap::new(), "abc").is_empty(), "a short word is not split");
    }

    #[test]
    fn negated_keywords_still_count_but_are_flagged() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        for text in [
            "De medewerker was niet vriendelijk",
            "Medarbejderen var ikke venlig",
            "The agent was not friendly",
            "Der Mitarbeiter war nicht freundlich",
        ] {
            let matches = tagger.tag(&analyzer.analyse(text));
            let friendly: Vec<&ThemeMatch> = matches.iter().filter(|m| m.negated).collect();
            assert_eq!(friendly.len(), 1, "{text}: {matches:?}");
            assert_eq!(friendly[0].theme.as_str(), "staff");
        }
        let matches = tagger.tag(&analyzer.analyse("I don't like the new app at all"));
        assert!(matches.iter().any(|m| m.theme.as_str() == "website_app" && !m.negated));
    }

    #[test]
    fn compounds_match_long_stems_only_and_exact_matches_win() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        let matches = tagger.tag(&analyzer.analyse_as("klantenservicemedewerkers", Language::Dutch));
        assert!(matches.iter().any(|m| m.kind == MatchKind::Compound && m.theme.as_str() == "staff"), "{matches:?}");
        let matches = tagger.tag(&analyzer.analyse_as("wachttijden", Language::Dutch));
        assert_eq!(matches.len(), 1);
        assert_eq!(
            themes(&tagger, &mut analyzer, "Ik ben mijn wachtwoord vergeten en kan niet inloggen"),
            ["website_app"]
        );
        // "prijs" (5 letters) may match a compound; "pris" (4 letters, Danish) may not.
        assert!(
            !tagger.tag(&analyzer.analyse_as("prismen", Language::Danish)).iter().any(|m| m.theme.as_str() == "price")
        );
        assert!(
            tagger
                .tag(&analyzer.analyse_as("prijsstijging", Language::Dutch))
                .iter()
                .any(|m| m.theme.as_str() == "price")
        );
    }

    #[test]
    fn short_unknown_comments_match_keywords_of_all_languages() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        assert_eq!(themes(&tagger, &mut analyzer, "te duur"), ["price"]);
        assert_eq!(themes(&tagger, &mut analyzer, "for dyrt!"), ["price"]);
        // "slow" judges the delivery; it names no wait of its own.
        assert_eq!(themes(&tagger, &mut analyzer, "slow delivery"), ["delivery"]);
        assert_eq!(themes(&tagger, &mut analyzer, "waited ages for the delivery"), ["waiting_time", "delivery"]);
        assert_eq!(themes(&tagger, &mut analyzer, "Lieferung verspätet"), ["delivery"]);
        assert_eq!(themes(&tagger, &mut analyzer, "ok"), Vec::<String>::new());
        assert_eq!(themes(&tagger, &mut analyzer, "top!"), Vec::<String>::new());
        let matches = tagger.tag(&analyzer.analyse("niet vriendelijk"));
        assert!(matches.iter().all(|m| m.negated) && !matches.is_empty(), "{matches:?}");
    }

    #[test]
    fn friends_are_not_friendliness() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        assert!(themes(&tagger, &mut analyzer, "I would recommend you to my friends and family").is_empty());
        assert!(themes(&tagger, &mut analyzer, "Jeg vil anbefale jer til mine venner og familie").is_empty());
    }

    #[test]
    fn covering_theme_for_discovered_phrases() {
        let tagger = tagger();
        assert_eq!(
            tagger.covering_theme(Language::Dutch, &["lang", "wacht"]).map(String::from),
            Some("waiting_time".into())
        );
        assert_eq!(
            tagger.covering_theme(Language::Dutch, &["klantenservic"]).map(String::from),
            Some("service".into())
        );
        assert_eq!(tagger.covering_theme(Language::Dutch, &["parkeerplek"]), None);
        assert_eq!(tagger.covering_theme(Language::Unknown, &["levering"]).map(String::from), Some("delivery".into()));
    }

    /// Realistic detractor/promoter comments with the themes a human coder would give.
    const REALISTIC: &[(&str, &[&str])] = &[
        (
            "Al drie weken wacht ik op mijn bestelling en niemand kan me vertellen waar die blijft",
            &["waiting_time", "delivery"],
        ),
        (
            "Klantenservice is onbereikbaar, na 45 minuten in de wacht heb ik maar opgehangen",
            &["service", "waiting_time", "reachability"],
        ),
        ("Veel te duur geworden sinds de laatste prijsverhoging", &["price"]),
        ("De monteur kwam niet opdagen en er werd niet gebeld", &["staff", "communication"]),
        ("Vriendelijk personeel maar de wachttijd aan de kassa is veel te lang", &["staff", "waiting_time"]),
        ("Mijn factuur klopt al maanden niet en niemand lost het op", &["service", "billing"]),
        ("De app werkt voor geen meter, steeds foutmeldingen", &["website_app"]),
        ("Slechte communicatie, ik werd nergens over geïnformeerd", &["communication"]),
        ("Het pakket is beschadigd aangekomen en retourneren is een drama", &["delivery", "product_quality"]),
        ("Prijs-kwaliteitverhouding is ver te zoeken", &["price", "product_quality"]),
        ("Ik krijg geen antwoord op mijn e-mails", &["communication"]),
        ("Onvriendelijke medewerker aan de telefoon, ik werd gewoon afgewimpeld", &["staff"]),
        ("De bezorger heeft het pakket bij de buren achtergelaten zonder bericht", &["delivery", "communication"]),
        ("Er is twee keer geld van mijn rekening afgeschreven", &["billing"]),
        ("Website is onoverzichtelijk en bestellen duurt eeuwen", &["waiting_time", "website_app"]),
        ("Mijn klacht is na vier weken nog steeds niet behandeld", &["service", "waiting_time"]),
        ("Ze beloven van alles maar komen niets na", &["communication"]),
        ("Kwaliteit van de producten is hard achteruit gegaan", &["product_quality"]),
        ("Telefonisch nooit iemand te spreken, alleen een keuzemenu", &["reachability"]),
        ("Duurde ruim een uur voordat ik iemand aan de lijn had", &["waiting_time", "reachability"]),
        ("Levertijd was veel langer dan aangegeven", &["delivery"]),
        ("De verzendkosten zijn belachelijk hoog", &["price"]),
        ("Nooit meer, de service is gewoon slecht", &["service"]),
        ("Ze proberen je continu een duurder abonnement aan te smeren", &["price"]),
        ("Het inloggen op mijn account lukt niet", &["website_app"]),
        ("Opzeggen van mijn contract was een drama", &["billing"]),
        ("Goede producten maar de levering is altijd te laat", &["delivery", "product_quality"]),
        ("Ik werd drie keer doorverbonden en niemand wist het antwoord", &["service"]),
        ("Monteur was zeer kundig en netjes", &["service", "staff"]),
        ("Snelle levering en goed verpakt", &["waiting_time", "delivery"]),
        ("Waited three weeks for my order and still nothing", &["waiting_time", "delivery"]),
        (
            "Customer service is impossible to reach, I was on hold for 40 minutes",
            &["service", "waiting_time", "reachability"],
        ),
        ("Prices have gone up way too much", &["price"]),
        ("The engineer never showed up and nobody called to let me know", &["staff", "communication"]),
        ("Friendly staff but the queue at the checkout was ridiculous", &["staff", "waiting_time"]),
        ("My bill has been wrong for months and nobody fixes it", &["service", "billing"]),
        ("The app is buggy and keeps logging me out", &["website_app"]),
        ("Terrible communication, I was never told anything", &["communication"]),
        ("Package arrived damaged and the return process is a nightmare", &["delivery", "product_quality"]),
        ("Not worth the money, poor quality", &["price", "product_quality"]),
        ("No response to my emails", &["communication"]),
        ("The woman on the phone was rude and dismissive", &["staff"]),
        ("Driver left my parcel outside in the rain without any notice", &["delivery", "communication"]),
        ("I was charged twice for the same order", &["billing"]),
        ("Website is confusing and checkout takes ages", &["waiting_time", "website_app"]),
        ("My complaint still hasn't been dealt with after a month", &["service", "waiting_time"]),
        ("They promise everything and deliver nothing", &["communication"]),
        ("The quality of your products has really gone downhill", &["product_quality"]),
        ("You can never get anyone on the phone", &["reachability"]),
        ("It took over an hour before I could speak to someone", &["waiting_time", "reachability"]),
        ("Delivery took much longer than promised", &["delivery"]),
        ("Shipping costs are way too high", &["price"]),
        ("Never again, service is just bad", &["service"]),
        ("They keep trying to upsell me a more expensive plan", &["price"]),
        ("I can't log into my account", &["website_app"]),
        ("Cancelling my contract was a nightmare", &["billing"]),
        ("Good products but delivery is always late", &["delivery", "product_quality"]),
        ("I was transferred three times and no one knew the answer", &["service"]),
        ("The technician was very knowledgeable and polite", &["service", "staff"]),
        ("Fast delivery and well packaged", &["waiting_time", "delivery"]),
        (
            "Ik zit al twee weken zonder internet en de storingsdienst komt pas volgende week",
            &["waiting_time", "product_quality"],
        ),
        ("Het duurde een eeuwigheid voordat mijn geld werd teruggestort", &["waiting_time", "billing"]),
        ("Medewerkers in de winkel hebben totaal geen verstand van zaken", &["service", "staff"]),
        ("Ik heb een verkeerd product ontvangen en moet nu zelf de retour regelen", &["delivery", "product_quality"]),
        ("Jullie tarieven zijn de hoogste van Nederland", &["price"]),
        ("Niemand neemt de telefoon op en mails worden niet beantwoord", &["communication", "reachability"]),
        ("Chatbot begrijpt mijn vraag niet en er is geen mens te bereiken", &["website_app", "reachability"]),
        ("Incasso was te vroeg en ik kreeg meteen een boete", &["billing"]),
        ("Erg behulpzame dame aan de balie", &["service", "staff"]),
        ("De bezorging is prima maar de prijzen mogen wel wat lager", &["delivery", "price"]),
        ("I have been without internet for two weeks and no engineer has come out", &["staff", "product_quality"]),
        ("Took forever to get my refund", &["waiting_time", "billing"]),
        ("Store staff had no clue what they were talking about", &["service", "staff"]),
        ("Received the wrong item and now I have to arrange the return myself", &["delivery", "product_quality"]),
        ("Your rates are the highest in the market", &["price"]),
        ("Nobody answers the phone and emails are ignored", &["communication", "reachability"]),
        ("The chatbot is useless and there is no way to reach a human", &["website_app", "reachability"]),
        ("Direct debit was taken too early and I got a late fee", &["billing"]),
        ("Very helpful lady at the front desk", &["service", "staff"]),
        ("Delivery is fine but prices could be lower", &["delivery", "price"]),
    ];

    #[test]
    fn realistic_comments_precision_and_recall() {
        let tagger = tagger();
        let mut analyzer = Analyzer::new();
        let (mut hits, mut predicted, mut expected_total) = (0usize, 0usize, 0usize);
        let mut report = Vec::new();
        for (text, expected) in REALISTIC {
            let got: Vec<String> = tagger.themes_of(&analyzer.analyse(text)).into_iter().map(String::from).collect();
            hits += got.iter().filter(|g| expected.contains(&g.as_str())).count();
            predicted += got.len();
            expected_total += expected.len();
            if got != *expected {
                report.push(format!("{text}: got {got:?}, expected {expected:?}"));
            }
        }
        let precision = hits as f64 / predicted as f64;
        let recall = hits as f64 / expected_total as f64;
        assert!(
            precision >= 0.8 && recall >= 0.8,
            "precision {precision:.3} recall {recall:.3}\n{}",
            report.join("\n")
        );
    }
}
