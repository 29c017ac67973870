//! One vocabulary: the names of the three NPS groups in English, Dutch and Danish (Dutch practice
//! says "promoters", "passives" and "criticasters"; Danish "promotorer", "passive" and
//! "kritikere").
//!
//! The themes and export tables take their column headings from these constants; the other
//! texts spell the names inside sentences, and a test reads every text of every table and fails
//! on a group called by another name, so no screen, CLI line or export can differ from its
//! neighbour.

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
pub fn group_names(language: super::Language) -> GroupNames {
    match language {
        super::Language::English => ENGLISH,
        super::Language::Dutch => DUTCH,
        super::Language::Danish => DANISH,
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
