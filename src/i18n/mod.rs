//! Language: the texts in English, Dutch and Danish, placeholders, and number formats.
//!
//! Used alike by the window (`ui`, `app`), the command line (`cli`, `themes_report`), the
//! exported files (`figures`) and the import's notices (`notices`); owned by none of them. It
//! must not depend on any of them either: it knows words and numbers, not screens or arguments.
//! It does name the codes and enums of `analysis`, `benchmarks`, `import` and `themes`.
//!
//! - [`Texts`] (`texts.rs`): the window's words, also the CLI's text output; its `help` and
//!   `project` fields link the same language's [`HelpTexts`] and [`ProjectTexts`];
//! - [`ExportTexts`] (`export.rs`): the words of exporting and of exported files;
//! - [`ThemeTexts`] (`themes.rs`): the words of the Themes view and the codebook;
//! - [`ProjectTexts`] (`project.rs`): the words of projects and of the response rate;
//! - [`HelpTexts`] (`help.rs`): the Guide, the tooltips and the empty window;
//! - [`CliTexts`] (`cli.rs`): the command line's text output;
//! - `words.rs`: the names of verdicts, caveats, exclusion reasons, column roles and metrics
//!   (methods on [`Texts`]), and the comment language that matches the window's language.
//!
//! Every table is a struct, so a missing translation fails to compile; a test checks that every
//! translation has the same `{name}` placeholders as the English text.

pub mod cli;
pub mod drivers;
pub mod export;
pub mod glossary;
pub mod help;
pub mod project;
pub mod texts;
pub mod themes;
pub mod waves;
pub mod words;

use serde::{Deserialize, Serialize};

pub use cli::CliTexts;
pub use export::{EXPORT_DANISH, EXPORT_DUTCH, EXPORT_ENGLISH, ExportTexts};
pub use help::HelpTexts;
pub use project::ProjectTexts;
pub use texts::{DANISH, DUTCH, ENGLISH, Texts};
pub use themes::ThemeTexts;

/// A language the app speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Nederlands.
    Dutch,
    /// Dansk.
    Danish,
}

impl Language {
    /// The language of a `--lang` value or a locale name: `en`, `nl`, `da`, or a POSIX locale
    /// such as `nl_NL.UTF-8` or `da_DK` (`None` for anything else).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        let lower = code.trim().to_ascii_lowercase();
        let base = lower.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "en" => Some(Self::English),
            "nl" => Some(Self::Dutch),
            "da" => Some(Self::Danish),
            _ => None,
        }
    }

    /// The language of the system locale: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that
    /// is set and not empty decides (as POSIX orders them); English when it names another
    /// language (or `C`, `POSIX`), or when none is set. `var` reads the environment.
    #[must_use]
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Self {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.trim().is_empty()))
            .and_then(|value| Self::from_code(&value))
            .unwrap_or_default()
    }

    /// Every language, in menu order.
    pub const ALL: [Self; 3] = [Self::English, Self::Dutch, Self::Danish];

    /// The language's own name.
    #[must_use]
    pub fn native_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Dutch => "Nederlands",
            Self::Danish => "Dansk",
        }
    }

    /// The texts of this language.
    #[must_use]
    pub fn texts(self) -> &'static Texts {
        match self {
            Self::English => &ENGLISH,
            Self::Dutch => &DUTCH,
            Self::Danish => &DANISH,
        }
    }
}

/// Fills `{name}` placeholders of a template.
#[must_use]
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_owned(template, values)
}

/// As [`fill`], for values held as `String`s (a table of figures formatted beforehand).
#[must_use]
pub fn fill_owned<V: AsRef<str>>(template: &str, values: &[(&str, V)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value.as_ref());
    }
    out
}

/// A template with a singular and a plural form, `one|other` (`{count} row excluded|{count}
/// rows excluded`), filled for `count`: English, Dutch and Danish all use the singular for
/// exactly one and the plural otherwise (0 rows, 2 rows). `{count}` is filled with `count`;
/// `values` fill the rest. A template without `|` is used for every count.
#[must_use]
pub fn plural(template: &str, count: u64, values: &[(&str, &str)]) -> String {
    plural_written(template, count, &count.to_string(), values)
}

/// [`plural`] with the count as `written` (grouped, say).
fn plural_written(template: &str, count: u64, written: &str, values: &[(&str, &str)]) -> String {
    let form = match template.split_once('|') {
        Some((one, _)) if count == 1 => one,
        Some((_, other)) => other,
        None => template,
    };
    let mut all = vec![("count", written)];
    all.extend_from_slice(values);
    fill(form, &all)
}

/// A signed NPS-style number with one decimal and a decimal point (`+23.4`, `-5.1`, `0.0`;
/// `-0.04` rounds to `0.0`, never `-0.0`). [`Texts::signed`] gives it the language's separator.
#[must_use]
pub fn signed(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}")
    } else if rounded == 0.0 {
        "0.0".to_owned()
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_group_thousands_in_each_languages_way() {
        assert_eq!(super::ENGLISH.count(987_966), "987,966");
        assert_eq!(super::ENGLISH.count(1_000_000), "1,000,000");
        assert_eq!(super::ENGLISH.count(2000), "2000", "four digits stay whole");
        assert_eq!(super::Language::Dutch.texts().count(12_345), "12.345");
        assert_eq!(super::Language::Danish.texts().count(0), "0");
    }

    use super::*;

    /// The `{name}` placeholders of a template, sorted.
    fn placeholders(text: &str) -> Vec<String> {
        let mut names: Vec<String> =
            text.split('{').skip(1).filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned())).collect();
        names.sort();
        names
    }

    /// Every text of a table as (field name, text), through serde so that no field is missed.
    fn fields(table: &impl Serialize) -> Vec<(String, String)> {
        let Ok(serde_json::Value::Object(map)) = serde_json::to_value(table) else {
            panic!("a text table serialises to an object");
        };
        map.into_iter().filter_map(|(name, value)| Some((name, value.as_str()?.to_owned()))).collect()
    }

    /// One table of one language: (table name, language, fields).
    type Table = (&'static str, Language, Vec<(String, String)>);

    /// Every table of every language.
    fn every_table() -> Vec<Table> {
        let mut tables = Vec::new();
        for language in Language::ALL {
            tables.push(("Texts", language, fields(language.texts())));
            tables.push(("ExportTexts", language, fields(language.export_texts())));
            tables.push(("ThemeTexts", language, fields(ThemeTexts::of(language))));
            tables.push(("ProjectTexts", language, fields(ProjectTexts::of(language))));
            tables.push(("HelpTexts", language, fields(HelpTexts::of(language))));
            tables.push(("CliTexts", language, fields(CliTexts::of(language))));
        }
        tables
    }

    #[test]
    fn every_translation_has_the_placeholders_of_the_english_text() {
        let tables = every_table();
        let mut checked = 0;
        for (table, language, texts) in &tables {
            let english = tables.iter().find(|(t, l, _)| t == table && *l == Language::English).map(|(_, _, f)| f);
            let english = english.expect("every table has English");
            assert_eq!(texts.len(), english.len(), "{table} {language:?}");
            for ((name, en), (other_name, text)) in english.iter().zip(texts) {
                assert_eq!(name, other_name);
                assert!(!text.trim().is_empty(), "{table} {language:?} {name} is empty");
                assert_eq!(placeholders(en), placeholders(text), "{table} {language:?} {name}: {text}");
                checked += 1;
            }
        }
        // Each of the three tables has dozens of texts; a table read as empty would pass silently.
        assert!(checked > 3 * 300, "only {checked} texts checked");
    }

    #[test]
    fn the_check_sees_a_missing_placeholder() {
        assert_eq!(placeholders("{count} rows of {n}"), ["count", "n"]);
        assert_ne!(placeholders(ENGLISH.interval), placeholders("95%-BI {low} tot"));
    }

    #[test]
    fn plural_forms_follow_the_count_in_every_language() {
        let en = ENGLISH.excluded_notice;
        assert_eq!(plural(en, 1, &[]), "1 row excluded — show the reason");
        assert_eq!(plural(en, 2, &[]), "2 rows excluded — show reasons");
        assert_eq!(plural(en, 0, &[]), "0 rows excluded — show reasons");
        assert_eq!(plural(DUTCH.excluded_notice, 1, &[]), "1 rij uitgesloten — reden tonen");
        assert_eq!(plural(DUTCH.excluded_notice, 3, &[]), "3 rijen uitgesloten — redenen tonen");
        assert_eq!(plural(DANISH.responses_title, 1, &[]), "1 besvarelse");
        assert_eq!(plural(DANISH.responses_title, 12, &[]), "12 besvarelser");
        assert_eq!(DUTCH.plural(DUTCH.responses_title, 1_000_000, &[]), "1.000.000 antwoorden");
        let dates = plural(ENGLISH.notice_unreadable_dates, 1, &[("rows", "1"), ("column", "date")]);
        assert!(dates.starts_with("1 row has no readable date in 'date' and is left out"), "{dates}");
        // A template with forms has both in every language, or a count would read wrongly.
        for language in Language::ALL {
            let t = language.texts();
            for template in [t.excluded_notice, t.responses_title, t.notice_unreadable_dates] {
                assert_eq!(template.matches('|').count(), 1, "{language:?}: {template}");
            }
        }
    }

    #[test]
    fn dutch_and_danish_use_a_decimal_comma() {
        assert_eq!(ENGLISH.signed(23.44), "+23.4");
        assert_eq!(DUTCH.signed(23.44), "+23,4");
        assert_eq!(DANISH.percent(45.06), "45,1%");
    }

    #[test]
    fn signs_and_rounding() {
        assert_eq!(signed(23.44), "+23.4");
        assert_eq!(signed(-0.04), "0.0");
        assert_eq!(signed(-5.06), "-5.1");
    }

    #[test]
    fn placeholders_are_filled_in_every_language() {
        for language in Language::ALL {
            let t = language.texts();
            let text = fill(t.interval, &[("low", "+1.0"), ("high", "+9.0")]);
            assert!(text.contains("+1.0") && text.contains("+9.0") && !text.contains('{'), "{text}");
            assert!(t.about_body.contains("Bain & Company") && t.about_body.contains("Reichheld"));
        }
    }

    #[test]
    fn the_locale_decides_the_language_in_posix_order() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v).to_owned())
        };
        assert_eq!(Language::from_locale(env(&[("LANG", "nl_NL.UTF-8")])), Language::Dutch);
        assert_eq!(Language::from_locale(env(&[("LANG", "nl_NL.UTF-8"), ("LC_ALL", "da_DK")])), Language::Danish);
        assert_eq!(Language::from_locale(env(&[("LC_MESSAGES", "da"), ("LANG", "en_GB")])), Language::Danish);
        assert_eq!(Language::from_locale(env(&[("LC_ALL", ""), ("LANG", "nl_BE@euro")])), Language::Dutch);
        assert_eq!(Language::from_locale(env(&[("LANG", "C.UTF-8")])), Language::English);
        assert_eq!(Language::from_locale(env(&[("LANG", "de_DE")])), Language::English);
        assert_eq!(Language::from_locale(env(&[])), Language::English);
        assert_eq!(Language::from_code("NL"), Some(Language::Dutch));
        assert_eq!(Language::from_code("fr"), None);
    }

    #[test]
    fn language_tags_match_the_language() {
        assert_eq!(Language::English.export_texts().language_tag, "en-US");
        assert_eq!(Language::Dutch.export_texts().language_tag, "nl-NL");
        assert_eq!(Language::Danish.export_texts().language_tag, "da-DK");
    }
}
