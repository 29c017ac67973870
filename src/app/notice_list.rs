//! The notices of the window: what failed, each titled by what the user was doing, newest
//! first, several at once, each dismissed on its own. Replaces a single error slot, where a new
//! error hid the previous one and every error was titled as a failed open.

/// What the user (or the app) was doing when something failed: decides a notice's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Opening or re-reading a survey file.
    OpenFile,
    /// Exporting a chart, a table or everything.
    Export,
    /// Reading the user's benchmark file at start; the bundled benchmarks are used alone.
    BenchmarkLibrary,
    /// Importing, exporting or saving the user's benchmarks.
    BenchmarkFile,
    /// Reading, saving, importing or exporting the codebook.
    Codebook,
    /// Computing the views or the themes.
    Analysis,
    /// Showing a file dialog.
    Dialog,
    /// Opening a project, or loading its file.
    ProjectOpen,
    /// Saving a project.
    ProjectSave,
    /// A file that lacks columns the project uses: opened without the project.
    ProjectRefused,
    /// Importing a table of invited counts.
    InvitedImport,
}

/// One notice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Stable id, for dismissing.
    pub id: u64,
    /// What failed.
    pub kind: NoticeKind,
    /// The message, naming the file (and row, column) where it can.
    pub message: String,
}

/// The notices shown, newest first.
#[derive(Debug, Clone, Default)]
pub struct NoticeList {
    notices: Vec<Notice>,
    next_id: u64,
}

impl NoticeList {
    /// Adds a notice on top. The same message of the same kind is not repeated: it moves to the
    /// top instead.
    pub fn add(&mut self, kind: NoticeKind, message: impl Into<String>) {
        let message = message.into();
        self.notices.retain(|n| !(n.kind == kind && n.message == message));
        self.next_id += 1;
        self.notices.insert(0, Notice { id: self.next_id, kind, message });
    }

    /// Removes the notice with this id.
    pub fn dismiss(&mut self, id: u64) {
        self.notices.retain(|n| n.id != id);
    }

    /// Removes every notice of this kind (a file that opens clears the failed opens).
    pub fn clear_kind(&mut self, kind: NoticeKind) {
        self.notices.retain(|n| n.kind != kind);
    }

    /// The notices, newest first.
    #[must_use]
    pub fn all(&self) -> &[Notice] {
        &self.notices
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.notices.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_several_at_once_each_dismissed_alone() {
        let mut list = NoticeList::default();
        list.add(NoticeKind::BenchmarkLibrary, "benchmarks.csv: the header has no column 'id'");
        list.add(NoticeKind::Export, "chart.png: permission denied");
        list.add(NoticeKind::OpenFile, "clients.xlsx: the file does not exist");
        let kinds: Vec<NoticeKind> = list.all().iter().map(|n| n.kind).collect();
        assert_eq!(kinds, [NoticeKind::OpenFile, NoticeKind::Export, NoticeKind::BenchmarkLibrary]);
        let export = list.all()[1].id;
        list.dismiss(export);
        assert_eq!(list.all().len(), 2);
        assert!(list.all().iter().all(|n| n.kind != NoticeKind::Export));
        list.clear_kind(NoticeKind::OpenFile);
        assert_eq!(list.all().len(), 1);
        assert_eq!(list.all()[0].kind, NoticeKind::BenchmarkLibrary);
    }

    #[test]
    fn a_repeated_failure_moves_to_the_top_instead_of_piling_up() {
        let mut list = NoticeList::default();
        list.add(NoticeKind::OpenFile, "a.csv: empty");
        list.add(NoticeKind::Export, "b.png: denied");
        list.add(NoticeKind::OpenFile, "a.csv: empty");
        assert_eq!(list.all().len(), 2);
        assert_eq!(list.all()[0].message, "a.csv: empty");
    }
}
