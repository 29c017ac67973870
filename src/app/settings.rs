//! What the app remembers between runs: recent files, language, theme, the view shown last and
//! the folder exported to last. Persisted by eframe under one key; unknown or missing fields fall
//! back to defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::views::View;

use crate::i18n::Language;

/// How many recent files are remembered.
pub const RECENT_LIMIT: usize = 10;

/// The colour theme chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// Settings kept between runs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
    /// UI language.
    pub language: Language,
    /// Colour theme.
    pub theme: ThemeChoice,
    /// The analysis view shown last, opened again at start.
    pub last_view: View,
    /// The folder exported to last, offered first by the export dialogs.
    pub export_folder: Option<PathBuf>,
    /// Leave the detractors' quotes out of the deck and the PDF (names in comments are not
    /// removed, so some users must not hand them on).
    pub export_without_quotes: bool,
}

impl Settings {
    /// Puts `path` at the top of the recent files, without duplicates, keeping at most
    /// [`RECENT_LIMIT`].
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(Path::new(&format!("/data/{i}.csv")));
        }
        s.remember(Path::new("/data/5.csv"));
        assert_eq!(s.recent_files.len(), RECENT_LIMIT);
        assert_eq!(s.recent_files[0], Path::new("/data/5.csv"));
        assert_eq!(s.recent_files.iter().filter(|p| p.ends_with("5.csv")).count(), 1);
    }

    #[test]
    fn old_settings_without_new_fields_still_load() {
        let s: Settings = serde_json::from_str(r#"{"language":"Dutch"}"#).unwrap();
        assert_eq!(s.language, Language::Dutch);
        assert!(s.recent_files.is_empty());
    }
}
