//! The codebook: customer-experience themes with stable ids, labels and keywords per language.
//!
//! Owns [`Codebook`], [`Theme`], [`ThemeId`], [`Labels`], [`Keyword`], their editing operations
//! (add, rename, merge, edit keywords, remove), validation, and saving/loading as JSON and
//! CSV. Matching keywords against comments is `tagging`'s job; the shipped themes live in
//! `default_codebook`.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::{Read, Write};

use super::default_codebook::DEFAULT_THEME_IDS;
use super::language::Language;
use super::presets::Preset;

/// Current version of the JSON format written by [`Codebook::to_json`].
pub const CODEBOOK_FORMAT_VERSION: u32 = 1;

/// Longest allowed theme id.
pub const MAX_THEME_ID_LEN: usize = 64;

/// Errors from editing, validating or loading a codebook.
#[derive(Debug, thiserror::Error)]
pub enum CodebookError {
    /// The id is empty, too long, or has characters outside `[a-z0-9_]`.
    #[error("theme id {0:?} is invalid: use 1-64 lowercase letters a-z, digits and _")]
    InvalidThemeId(String),
    /// Another theme already has this id.
    #[error("a theme with id `{0}` already exists")]
    DuplicateTheme(ThemeId),
    /// No theme has this id.
    #[error("no theme with id `{0}`")]
    UnknownTheme(ThemeId),
    /// The theme already has this keyword in this language (compared case-insensitively).
    #[error("theme `{theme}` already has the {language} keyword {keyword:?}")]
    DuplicateKeyword {
        /// Theme id.
        theme: ThemeId,
        /// Keyword language.
        language: Language,
        /// The keyword.
        keyword: String,
    },
    /// The theme has no such keyword.
    #[error("theme `{theme}` has no {language} keyword {keyword:?}")]
    UnknownKeyword {
        /// Theme id.
        theme: ThemeId,
        /// Keyword language.
        language: Language,
        /// The keyword.
        keyword: String,
    },
    /// A keyword is empty or has no letters.
    #[error("theme `{theme}` has an empty keyword")]
    EmptyKeyword {
        /// Theme id.
        theme: ThemeId,
    },
    /// A keyword's language is `unknown`: keywords need nl, da, en or de.
    #[error("theme `{theme}`: keyword {keyword:?} needs a language (nl, da, en or de)")]
    KeywordWithoutLanguage {
        /// Theme id.
        theme: ThemeId,
        /// The keyword.
        keyword: String,
    },
    /// A language code that is not nl, da, en or de.
    #[error("language {0:?} is not one of nl, da, en, de")]
    UnknownLanguage(String),
    /// The theme's English label is empty.
    #[error("theme `{0}` needs an English label")]
    EmptyLabel(ThemeId),
    /// A theme names as its general theme one that is not in the general codebook.
    #[error("theme `{theme}` belongs to `{general}`, which is not a theme of the general codebook ({})", DEFAULT_THEME_IDS.join(", "))]
    UnknownGeneralTheme {
        /// Theme id.
        theme: ThemeId,
        /// The general theme it names.
        general: ThemeId,
    },
    /// A codebook file names a preset this version does not ship.
    #[error("the codebook names the preset {0:?}, which is not one of {keys}", keys = Preset::keys())]
    UnknownPreset(String),
    /// Merging a theme with itself.
    #[error("cannot merge theme `{0}` into itself")]
    MergeIntoItself(ThemeId),
    /// The JSON was written by a newer version of the program.
    #[error("codebook format version {0} is not supported (this version reads up to {CODEBOOK_FORMAT_VERSION})")]
    UnsupportedVersion(u32),
    /// Malformed JSON.
    #[error("codebook JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Malformed CSV or an I/O error while reading/writing it.
    #[error("codebook CSV: {0}")]
    Csv(#[from] csv::Error),
    /// A CSV row that does not make a valid theme or keyword.
    #[error("codebook CSV line {line}: {source}")]
    CsvLine {
        /// 1-based line number in the file (header = line 1).
        line: u64,
        /// What is wrong with the row.
        source: Box<CodebookError>,
    },
}

/// Stable theme id: 1-64 characters of `[a-z0-9_]`, e.g. `waiting_time`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ThemeId(String);

impl ThemeId {
    /// Validates and wraps an id.
    pub fn new(id: impl Into<String>) -> Result<Self, CodebookError> {
        let id = id.into();
        let valid = !id.is_empty()
            && id.len() <= MAX_THEME_ID_LEN
            && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if valid { Ok(ThemeId(id)) } else { Err(CodebookError::InvalidThemeId(id)) }
    }

    /// A valid id derived from free text ("Lange wachttijd!" -> `lange_wachttijd`,
    /// "ikke venlig" -> `ikke_venlig`, "Größe" -> `groesse`); `theme` if nothing is left.
    pub fn from_text(text: &str) -> ThemeId {
        let mut id = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            let mapped: &str = match c {
                'a'..='z' | '0'..='9' => {
                    id.push(c);
                    continue;
                }
                'æ' | 'ä' => "ae",
                'ø' | 'ö' => "oe",
                'å' => "aa",
                'ü' => "ue",
                'ß' => "ss",
                'à' | 'á' | 'â' => "a",
                'è' | 'é' | 'ê' | 'ë' => "e",
                'ì' | 'í' | 'î' | 'ï' => "i",
                'ò' | 'ó' | 'ô' => "o",
                'ù' | 'ú' | 'û' => "u",
                'ç' => "c",
                'ñ' => "n",
                '\'' | '\u{2019}' => "",
                _ => "_",
            };
            if mapped == "_" && (id.is_empty() || id.ends_with('_')) {
                continue;
            }
            id.push_str(mapped);
        }
        let mut id = id.trim_end_matches('_').to_owned();
        if id.len() > MAX_THEME_ID_LEN {
            id.truncate(MAX_THEME_ID_LEN);
            id = id.trim_end_matches('_').to_owned();
        }
        if id.is_empty() { ThemeId("theme".to_owned()) } else { ThemeId(id) }
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Wraps a literal known to be valid (shipped themes); checked by the default codebook's test.
    pub(crate) fn from_static(id: &'static str) -> ThemeId {
        ThemeId(id.to_owned())
    }
}

impl TryFrom<String> for ThemeId {
    type Error = CodebookError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ThemeId::new(value)
    }
}

impl From<ThemeId> for String {
    fn from(value: ThemeId) -> Self {
        value.0
    }
}

impl fmt::Display for ThemeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Display labels of a theme per language (English required; others fall back to English).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Labels {
    /// English label.
    pub en: String,
    /// Dutch label.
    #[serde(default)]
    pub nl: String,
    /// Danish label.
    #[serde(default)]
    pub da: String,
    /// German label.
    #[serde(default)]
    pub de: String,
}

impl Labels {
    /// The same label in every language.
    pub fn same(label: &str) -> Labels {
        Labels { en: label.to_owned(), nl: label.to_owned(), da: label.to_owned(), de: label.to_owned() }
    }

    /// Label in `language`, falling back to English when empty or `Unknown`.
    pub fn get(&self, language: Language) -> &str {
        let label = match language {
            Language::Dutch => &self.nl,
            Language::Danish => &self.da,
            Language::German => &self.de,
            Language::English | Language::Unknown => &self.en,
        };
        if label.trim().is_empty() { &self.en } else { label }
    }

    fn slot(&mut self, language: Language) -> &mut String {
        match language {
            Language::Dutch => &mut self.nl,
            Language::Danish => &mut self.da,
            Language::German => &mut self.de,
            Language::English | Language::Unknown => &mut self.en,
        }
    }
}

/// A keyword or phrase (several words) of a theme in one language, matched on stems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyword {
    /// Language of the keyword (never `Unknown` in a valid codebook).
    pub language: Language,
    /// The word or phrase as the user wrote it (trimmed, single spaces).
    pub text: String,
}

impl Keyword {
    /// A keyword with whitespace trimmed and collapsed.
    pub fn new(language: Language, text: &str) -> Keyword {
        Keyword { language, text: text.split_whitespace().collect::<Vec<_>>().join(" ") }
    }

    /// Whether `other` is this keyword: the same language and text, case aside.
    pub(crate) fn same_as(&self, other: &Keyword) -> bool {
        self.language == other.language && self.text.to_lowercase() == other.text.to_lowercase()
    }
}

/// One customer-experience theme.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable id used in saved projects and exports.
    pub id: ThemeId,
    /// Display labels.
    pub labels: Labels,
    /// Keywords and phrases in the four languages.
    #[serde(default)]
    pub keywords: Vec<Keyword>,
    /// The general codebook's theme this one is a kind of (a sector preset's "food and drink"
    /// belongs to `product_quality`), so totals compare across presets. `None` for the general
    /// themes themselves and for themes a user made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub general: Option<ThemeId>,
}

impl Theme {
    /// A theme without keywords.
    pub fn new(id: ThemeId, labels: Labels) -> Theme {
        Theme { id, labels, keywords: Vec::new(), general: None }
    }

    /// The general codebook's theme this one counts under: `general`, or the theme itself when it
    /// is one of the general codebook's; `None` for a theme a user made.
    pub fn general_theme(&self) -> Option<&str> {
        match &self.general {
            Some(general) => Some(general.as_str()),
            None => DEFAULT_THEME_IDS.contains(&self.id.as_str()).then_some(self.id.as_str()),
        }
    }

    /// Keywords of one language.
    pub fn keywords_in(&self, language: Language) -> impl Iterator<Item = &Keyword> {
        self.keywords.iter().filter(move |k| k.language == language)
    }

    fn validate(&self) -> Result<(), CodebookError> {
        ThemeId::new(self.id.0.clone())?;
        if self.labels.en.trim().is_empty() {
            return Err(CodebookError::EmptyLabel(self.id.clone()));
        }
        if let Some(general) = &self.general
            && !DEFAULT_THEME_IDS.contains(&general.as_str())
        {
            return Err(CodebookError::UnknownGeneralTheme { theme: self.id.clone(), general: general.clone() });
        }
        for (i, keyword) in self.keywords.iter().enumerate() {
            validate_keyword(&self.id, keyword)?;
            if self.keywords[..i].iter().any(|k| k.same_as(keyword)) {
                return Err(CodebookError::DuplicateKeyword {
                    theme: self.id.clone(),
                    language: keyword.language,
                    keyword: keyword.text.clone(),
                });
            }
        }
        Ok(())
    }
}

fn validate_keyword(theme: &ThemeId, keyword: &Keyword) -> Result<(), CodebookError> {
    if !keyword.text.chars().any(char::is_alphabetic) {
        return Err(CodebookError::EmptyKeyword { theme: theme.clone() });
    }
    if keyword.language == Language::Unknown {
        return Err(CodebookError::KeywordWithoutLanguage { theme: theme.clone(), keyword: keyword.text.clone() });
    }
    Ok(())
}

/// An ordered list of themes with unique ids. Order is the display order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Codebook {
    themes: Vec<Theme>,
}

#[derive(Serialize, Deserialize)]
struct CodebookFile {
    version: u32,
    /// A shipped preset named instead of its themes (see [`Codebook::to_json_naming_preset`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    preset: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    themes: Vec<Theme>,
}

/// One row of the CSV form: one keyword of one theme (or a theme without keywords).
#[derive(Debug, Serialize, Deserialize)]
struct CsvRow {
    theme: String,
    label_en: String,
    #[serde(default)]
    label_nl: String,
    #[serde(default)]
    label_da: String,
    #[serde(default)]
    label_de: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    keyword: String,
    #[serde(default)]
    general: String,
}

impl Codebook {
    /// An empty codebook.
    pub fn new() -> Codebook {
        Codebook::default()
    }

    /// A codebook of `themes`, validated (ids, labels, keywords, duplicates).
    pub fn from_themes(themes: Vec<Theme>) -> Result<Codebook, CodebookError> {
        let mut codebook = Codebook::new();
        for theme in themes {
            codebook.add_theme(theme)?;
        }
        Ok(codebook)
    }

    /// Builds without validation; only for shipped codebooks (the general one and the presets,
    /// covered by their tests).
    pub(crate) fn from_themes_unchecked(themes: Vec<Theme>) -> Codebook {
        Codebook { themes }
    }

    /// The themes in display order.
    pub fn themes(&self) -> &[Theme] {
        &self.themes
    }

    /// The theme with `id`.
    pub fn get(&self, id: &ThemeId) -> Option<&Theme> {
        self.themes.iter().find(|t| &t.id == id)
    }

    fn position(&self, id: &ThemeId) -> Result<usize, CodebookError> {
        self.themes.iter().position(|t| &t.id == id).ok_or_else(|| CodebookError::UnknownTheme(id.clone()))
    }

    /// Checks every theme and that ids are unique.
    pub fn validate(&self) -> Result<(), CodebookError> {
        for (i, theme) in self.themes.iter().enumerate() {
            theme.validate()?;
            if self.themes[..i].iter().any(|t| t.id == theme.id) {
                return Err(CodebookError::DuplicateTheme(theme.id.clone()));
            }
        }
        Ok(())
    }

    /// Appends a theme; rejects a duplicate id or invalid keywords.
    pub fn add_theme(&mut self, mut theme: Theme) -> Result<(), CodebookError> {
        if self.get(&theme.id).is_some() {
            return Err(CodebookError::DuplicateTheme(theme.id));
        }
        for keyword in &mut theme.keywords {
            *keyword = Keyword::new(keyword.language, &keyword.text);
        }
        theme.validate()?;
        self.themes.push(theme);
        Ok(())
    }

    /// Removes and returns a theme.
    pub fn remove_theme(&mut self, id: &ThemeId) -> Result<Theme, CodebookError> {
        let index = self.position(id)?;
        Ok(self.themes.remove(index))
    }

    /// Sets the label of a theme in one language (`Unknown` sets the English label).
    pub fn rename(&mut self, id: &ThemeId, language: Language, label: &str) -> Result<(), CodebookError> {
        let index = self.position(id)?;
        let label = label.trim();
        if label.is_empty() && matches!(language, Language::English | Language::Unknown) {
            return Err(CodebookError::EmptyLabel(id.clone()));
        }
        *self.themes[index].labels.slot(language) = label.to_owned();
        Ok(())
    }

    /// Merges theme `absorbed` into `kept`: keywords become the union (kept's first, no duplicates),
    /// `kept` keeps its id, labels and position; `absorbed` is removed.
    pub fn merge(&mut self, kept: &ThemeId, absorbed: &ThemeId) -> Result<(), CodebookError> {
        if kept == absorbed {
            return Err(CodebookError::MergeIntoItself(kept.clone()));
        }
        let kept_index = self.position(kept)?;
        let absorbed_index = self.position(absorbed)?;
        let absorbed_theme = self.themes.remove(absorbed_index);
        let kept_index = if absorbed_index < kept_index { kept_index - 1 } else { kept_index };
        let target = &mut self.themes[kept_index];
        for keyword in absorbed_theme.keywords {
            if !target.keywords.iter().any(|k| k.same_as(&keyword)) {
                target.keywords.push(keyword);
            }
        }
        Ok(())
    }

    /// Adds a keyword or phrase to a theme.
    pub fn add_keyword(&mut self, id: &ThemeId, language: Language, text: &str) -> Result<(), CodebookError> {
        let index = self.position(id)?;
        let keyword = Keyword::new(language, text);
        validate_keyword(id, &keyword)?;
        let theme = &mut self.themes[index];
        if theme.keywords.iter().any(|k| k.same_as(&keyword)) {
            return Err(CodebookError::DuplicateKeyword { theme: id.clone(), language, keyword: keyword.text });
        }
        theme.keywords.push(keyword);
        Ok(())
    }

    /// Removes a keyword (compared case-insensitively) from a theme.
    pub fn remove_keyword(&mut self, id: &ThemeId, language: Language, text: &str) -> Result<(), CodebookError> {
        let index = self.position(id)?;
        let keyword = Keyword::new(language, text);
        let theme = &mut self.themes[index];
        let before = theme.keywords.len();
        theme.keywords.retain(|k| !k.same_as(&keyword));
        if theme.keywords.len() == before {
            return Err(CodebookError::UnknownKeyword { theme: id.clone(), language, keyword: keyword.text });
        }
        Ok(())
    }

    /// Replaces all keywords of a theme (validated; duplicates rejected).
    pub fn set_keywords(&mut self, id: &ThemeId, keywords: Vec<Keyword>) -> Result<(), CodebookError> {
        let index = self.position(id)?;
        let mut candidate = self.themes[index].clone();
        candidate.keywords = keywords.iter().map(|k| Keyword::new(k.language, &k.text)).collect();
        candidate.validate()?;
        self.themes[index] = candidate;
        Ok(())
    }

    /// `base`, or `base_2`, `base_3` ... whichever is not taken yet, in this codebook or by a
    /// shipped sector theme (a user's "Packaging" must not pass for retail's).
    pub fn unique_id(&self, base: &ThemeId) -> ThemeId {
        let taken = |id: &ThemeId| self.get(id).is_some() || Preset::sector_theme_ids().any(|s| s == id.as_str());
        if !taken(base) {
            return base.clone();
        }
        (2u32..)
            .map(|n| {
                let suffix = format!("_{n}");
                let mut stem = base.0.clone();
                stem.truncate(MAX_THEME_ID_LEN - suffix.len());
                ThemeId(format!("{stem}{suffix}"))
            })
            .find(|id| !taken(id))
            .unwrap_or_else(|| base.clone())
    }

    /// Pretty JSON with a format version.
    pub fn to_json(&self) -> Result<String, CodebookError> {
        let file = CodebookFile { version: CODEBOOK_FORMAT_VERSION, preset: None, themes: self.themes.clone() };
        Ok(serde_json::to_string_pretty(&file)?)
    }

    /// Like [`Codebook::to_json`], but a shipped preset left unedited is written as its name
    /// (`{"version": 1, "preset": "hospitality"}`), so that a later version's keywords reach it.
    pub fn to_json_naming_preset(&self) -> Result<String, CodebookError> {
        match Preset::matching(self) {
            Some(preset) => {
                let file = CodebookFile {
                    version: CODEBOOK_FORMAT_VERSION,
                    preset: Some(preset.key().to_owned()),
                    themes: Vec::new(),
                };
                Ok(serde_json::to_string_pretty(&file)?)
            }
            None => self.to_json(),
        }
    }

    /// Reads JSON written by [`Codebook::to_json`] or [`Codebook::to_json_naming_preset`] and
    /// validates it.
    pub fn from_json(json: &str) -> Result<Codebook, CodebookError> {
        let file: CodebookFile = serde_json::from_str(json)?;
        if file.version > CODEBOOK_FORMAT_VERSION {
            return Err(CodebookError::UnsupportedVersion(file.version));
        }
        if let Some(key) = file.preset.filter(|_| file.themes.is_empty()) {
            return Preset::by_key(&key).map(|p| p.codebook()).ok_or(CodebookError::UnknownPreset(key));
        }
        let codebook = Codebook { themes: file.themes };
        codebook.validate()?;
        Ok(codebook)
    }

    /// Writes the CSV form: header `theme,label_en,label_nl,label_da,label_de,language,keyword,general`,
    /// one row per keyword (a theme without keywords gets one row with both empty); `general` is
    /// the general theme a sector theme belongs to, empty otherwise.
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<(), CodebookError> {
        let mut csv = csv::Writer::from_writer(writer);
        for theme in &self.themes {
            let row = |language: &str, keyword: &str| CsvRow {
                theme: theme.id.0.clone(),
                label_en: theme.labels.en.clone(),
                label_nl: theme.labels.nl.clone(),
                label_da: theme.labels.da.clone(),
                label_de: theme.labels.de.clone(),
                language: language.to_owned(),
                keyword: keyword.to_owned(),
                general: theme.general.as_ref().map(|g| g.0.clone()).unwrap_or_default(),
            };
            if theme.keywords.is_empty() {
                csv.serialize(row("", ""))?;
            }
            for keyword in &theme.keywords {
                csv.serialize(row(keyword.language.code(), &keyword.text))?;
            }
        }
        csv.flush().map_err(csv::Error::from)?;
        Ok(())
    }

    /// The CSV form as a string (see [`Codebook::write_csv`]).
    pub fn to_csv(&self) -> Result<String, CodebookError> {
        let mut buffer = Vec::new();
        self.write_csv(&mut buffer)?;
        String::from_utf8(buffer).map_err(|e| CodebookError::Csv(csv::Error::from(std::io::Error::other(e))))
    }

    /// Reads the CSV form. Rows of one theme need not be adjacent; the first row of a theme sets
    /// its labels and general theme; `label_nl`, `label_da`, `label_de` and `general` columns are optional. Errors name the line.
    pub fn read_csv<R: Read>(reader: R) -> Result<Codebook, CodebookError> {
        let mut csv = csv::ReaderBuilder::new().trim(csv::Trim::All).flexible(false).from_reader(reader);
        let mut codebook = Codebook::new();
        for (i, row) in csv.deserialize::<CsvRow>().enumerate() {
            let line = i as u64 + 2;
            let at_line = |source: CodebookError| CodebookError::CsvLine { line, source: Box::new(source) };
            let row = row?;
            let id = ThemeId::new(row.theme.clone()).map_err(at_line)?;
            if codebook.get(&id).is_none() {
                let labels = Labels { en: row.label_en, nl: row.label_nl, da: row.label_da, de: row.label_de };
                let mut theme = Theme::new(id.clone(), labels);
                if !row.general.is_empty() {
                    theme.general = Some(ThemeId::new(row.general.clone()).map_err(at_line)?);
                }
                codebook.add_theme(theme).map_err(at_line)?;
            }
            if row.keyword.is_empty() && row.language.is_empty() {
                continue;
            }
            let language = match Language::from_code(&row.language) {
                Some(language) if language != Language::Unknown => language,
                _ => return Err(at_line(CodebookError::UnknownLanguage(row.language))),
            };
            codebook.add_keyword(&id, language, &row.keyword).map_err(at_line)?;
        }
        Ok(codebook)
    }

    /// Reads the CSV form from a string (see [`Codebook::read_csv`]).
    pub fn from_csv(text: &str) -> Result<Codebook, CodebookError> {
        Codebook::read_csv(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(text: &str) -> ThemeId {
        ThemeId::new(text).unwrap()
    }

    fn small() -> Codebook {
        let mut codebook = Codebook::new();
        let mut wait = Theme::new(
            id("waiting_time"),
            Labels { en: "Waiting time".into(), nl: "Wachttijd".into(), da: "Ventetid".into(), de: "Wartezeit".into() },
        );
        wait.keywords.push(Keyword::new(Language::Dutch, "wachten"));
        wait.keywords.push(Keyword::new(Language::Danish, "ventetid"));
        codebook.add_theme(wait).unwrap();
        let mut queue = Theme::new(id("queue"), Labels::same("Queue"));
        queue.keywords.push(Keyword::new(Language::English, "queue"));
        queue.keywords.push(Keyword::new(Language::Dutch, "Wachten"));
        codebook.add_theme(queue).unwrap();
        codebook.add_theme(Theme::new(id("empty"), Labels::same("Empty, \"quoted\""))).unwrap();
        codebook
    }

    #[test]
    fn theme_ids_are_validated() {
        assert!(ThemeId::new("waiting_time").is_ok());
        assert!(ThemeId::new("price2").is_ok());
        for bad in ["", "Waiting", "waiting-time", "wacht tijd", "prijs€", &"x".repeat(65)] {
            assert!(matches!(ThemeId::new(bad), Err(CodebookError::InvalidThemeId(_))), "{bad}");
        }
        assert_eq!(ThemeId::from_text("Lange wachttijd!").as_str(), "lange_wachttijd");
        assert_eq!(ThemeId::from_text("Größe für Straße").as_str(), "groesse_fuer_strasse");
        assert_eq!(ThemeId::from_text("don't like").as_str(), "dont_like");
        assert_eq!(ThemeId::from_text("!!!").as_str(), "theme");
    }

    #[test]
    fn duplicates_and_unknowns_are_rejected() {
        let mut codebook = small();
        let err = codebook.add_theme(Theme::new(id("queue"), Labels::same("Again"))).unwrap_err();
        assert!(matches!(err, CodebookError::DuplicateTheme(ref t) if t.as_str() == "queue"));
        assert_eq!(err.to_string(), "a theme with id `queue` already exists");
        let err = codebook.add_keyword(&id("queue"), Language::English, "  QUEUE ").unwrap_err();
        assert!(matches!(err, CodebookError::DuplicateKeyword { .. }));
        assert!(matches!(codebook.rename(&id("nope"), Language::Dutch, "x"), Err(CodebookError::UnknownTheme(_))));
        assert!(matches!(
            codebook.add_keyword(&id("queue"), Language::Unknown, "rij"),
            Err(CodebookError::KeywordWithoutLanguage { .. })
        ));
        assert!(matches!(
            codebook.add_keyword(&id("queue"), Language::Dutch, " 42 "),
            Err(CodebookError::EmptyKeyword { .. })
        ));
        assert!(matches!(codebook.merge(&id("queue"), &id("queue")), Err(CodebookError::MergeIntoItself(_))));
        assert!(matches!(
            codebook.remove_keyword(&id("queue"), Language::Dutch, "rij"),
            Err(CodebookError::UnknownKeyword { .. })
        ));
        let twice = vec![Keyword::new(Language::Dutch, "rij"), Keyword::new(Language::Dutch, "Rij")];
        assert!(matches!(codebook.set_keywords(&id("queue"), twice), Err(CodebookError::DuplicateKeyword { .. })));
        assert_eq!(codebook, small(), "failed edits leave the codebook unchanged");
    }

    #[test]
    fn rename_edit_remove() {
        let mut codebook = small();
        codebook.rename(&id("queue"), Language::Danish, "Kø").unwrap();
        assert_eq!(codebook.get(&id("queue")).unwrap().labels.get(Language::Danish), "Kø");
        assert!(matches!(codebook.rename(&id("queue"), Language::English, " "), Err(CodebookError::EmptyLabel(_))));
        codebook.add_keyword(&id("queue"), Language::German, "Warteschlange").unwrap();
        codebook.remove_keyword(&id("queue"), Language::English, "Queue").unwrap();
        let keywords: Vec<&str> =
            codebook.get(&id("queue")).unwrap().keywords.iter().map(|k| k.text.as_str()).collect();
        assert_eq!(keywords, ["Wachten", "Warteschlange"]);
        let removed = codebook.remove_theme(&id("empty")).unwrap();
        assert_eq!(removed.id.as_str(), "empty");
        assert_eq!(codebook.themes().len(), 2);
        assert_eq!(codebook.unique_id(&id("queue")).as_str(), "queue_2");
        assert_eq!(codebook.unique_id(&id("fresh")).as_str(), "fresh");
    }

    #[test]
    fn merge_keeps_first_id_and_unions_keywords() {
        let mut codebook = small();
        codebook.merge(&id("queue"), &id("waiting_time")).unwrap();
        assert_eq!(codebook.themes().len(), 2);
        let merged = codebook.get(&id("queue")).unwrap();
        assert_eq!(merged.labels.en, "Queue");
        let keywords: Vec<(Language, &str)> = merged.keywords.iter().map(|k| (k.language, k.text.as_str())).collect();
        assert_eq!(
            keywords,
            [(Language::English, "queue"), (Language::Dutch, "Wachten"), (Language::Danish, "ventetid")]
        );
        assert!(codebook.get(&id("waiting_time")).is_none());
        assert_eq!(codebook.themes()[0].id.as_str(), "queue");
    }

    #[test]
    fn json_round_trip_and_validation_on_load() {
        let codebook = small();
        let json = codebook.to_json().unwrap();
        assert!(json.contains("\"version\": 1"));
        assert_eq!(Codebook::from_json(&json).unwrap(), codebook);
        let bad_id = json.replace("\"queue\"", "\"Queue!\"");
        assert!(matches!(Codebook::from_json(&bad_id), Err(CodebookError::Json(_))));
        let dup = json.replace("\"empty\"", "\"queue\"");
        assert!(matches!(Codebook::from_json(&dup), Err(CodebookError::DuplicateTheme(_))));
        // A shipped preset left as shipped is saved by its name and read back whole.
        let hotel = Preset::by_key("hospitality").unwrap().codebook();
        let named = hotel.to_json_naming_preset().unwrap();
        assert!(named.contains("\"preset\": \"hospitality\"") && !named.contains("\"themes\""), "{named}");
        assert_eq!(Codebook::from_json(&named).unwrap(), hotel);
        let edited = codebook.to_json_naming_preset().unwrap();
        assert_eq!(Codebook::from_json(&edited).unwrap(), codebook, "an edited codebook is written whole");
        let unknown = Codebook::from_json("{\"version\": 1, \"preset\": \"bakeries\"}").unwrap_err().to_string();
        assert!(
            unknown.starts_with("the codebook names the preset \"bakeries\", which is not one of general,"),
            "{unknown}"
        );
        let future = json.replace("\"version\": 1", "\"version\": 9");
        assert!(matches!(Codebook::from_json(&future), Err(CodebookError::UnsupportedVersion(9))));
    }

    #[test]
    fn csv_round_trip_and_line_errors() {
        let codebook = small();
        let csv = codebook.to_csv().unwrap();
        assert!(csv.starts_with("theme,label_en,label_nl,label_da,label_de,language,keyword,general\n"));
        assert!(csv.contains("waiting_time,Waiting time,Wachttijd,Ventetid,Wartezeit,nl,wachten,\n"));
        assert_eq!(Codebook::from_csv(&csv).unwrap(), codebook);
        // A sector theme keeps the general theme it belongs to; an unknown one is refused.
        let hospitality = crate::themes::Preset::by_key("hospitality").unwrap().codebook();
        let csv = hospitality.to_csv().unwrap();
        assert!(csv.contains(",product_quality\n"), "food and drink belongs to product quality");
        assert_eq!(Codebook::from_csv(&csv).unwrap(), hospitality);
        let wrong = "theme,label_en,language,keyword,general\nfood,Food,en,food,cuisine\n";
        let err = Codebook::from_csv(wrong).unwrap_err().to_string();
        assert!(err.starts_with("codebook CSV line 2: theme `food` belongs to `cuisine`, which is not"), "{err}");

        let without_de = "theme,label_en,label_nl,label_da,language,keyword\nprice,Price,Prijs,Pris,nl,te duur\n";
        let parsed = Codebook::from_csv(without_de).unwrap();
        assert_eq!(parsed.themes()[0].keywords, [Keyword::new(Language::Dutch, "te duur")]);

        let bad = "theme,label_en,label_nl,label_da,language,keyword\nprice,Price,Prijs,Pris,nl,duur\nprice,Price,,,fr,cher\n";
        let err = Codebook::from_csv(bad).unwrap_err();
        assert!(matches!(err, CodebookError::CsvLine { line: 3, .. }), "{err}");
        assert_eq!(err.to_string(), "codebook CSV line 3: language \"fr\" is not one of nl, da, en, de");
        let bad_id = "theme,label_en,language,keyword\nPrice,Price,nl,duur\n";
        assert!(matches!(Codebook::from_csv(bad_id), Err(CodebookError::CsvLine { line: 2, .. })));
    }
}
