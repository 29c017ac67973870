//! What every state of the app may use when it carries out a command: the one dialog service
//! (native dialogs, or a test's answers), the language the dialogs and messages speak, the
//! folder dialogs start in, and the window's wake-up for jobs that finish on another thread.

use std::path::PathBuf;
use std::sync::Arc;

use super::export::{FolderOpener, PathChooser};
use crate::i18n::Language;

/// Wakes the window (a repaint) when a job finishes on another thread.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The app's services, lent to a state for one command.
#[derive(Clone)]
pub struct Services {
    /// Asks for paths: the native dialogs, or a test's folder.
    pub chooser: PathChooser,
    /// The UI language.
    pub language: Language,
    /// Where an open dialog starts: the folder of the last file opened.
    pub folder: Option<PathBuf>,
    /// Shows a folder in the file manager: the system's, or a test's recorder.
    pub opener: FolderOpener,
    wake: Wake,
}

impl Services {
    /// Services with `wake` as the window's wake-up, showing no folder until given an opener
    /// ([`Services::with_opener`]; the app gives the system's file manager).
    #[must_use]
    pub fn new(chooser: PathChooser, language: Language, folder: Option<PathBuf>, wake: Wake) -> Self {
        Self { chooser, language, folder, opener: Arc::new(|_: &std::path::Path| Ok(())), wake }
    }

    /// These services with `opener` showing folders.
    #[must_use]
    pub fn with_opener(self, opener: FolderOpener) -> Self {
        Self { opener, ..self }
    }

    /// A wake-up to hand to a job.
    pub fn waker(&self) -> impl Fn() + Send + Sync + Clone + 'static {
        let wake = Arc::clone(&self.wake);
        move || wake()
    }
}
