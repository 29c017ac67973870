//! What can go wrong in the app, typed. A [`Cause`] is the error of the layer it came from
//! (import, report, project, codebook, benchmarks, export) or one of the app's own (a thread
//! that would not start, a job that died, a cancelled load, a form to correct). A [`Failure`]
//! pairs it with what the user was doing ([`NoticeKind`], the notice's title). The states of the
//! app return failures; `NpsApp::report` is the one place where they become notices, worded by
//! the cause's `Display`.

use crate::analysis::AnalysisError;
use crate::benchmarks::BenchmarkError;
use crate::export::ExportError;
use crate::import::ImportError;
use crate::project::ProjectError;
use crate::report::ReportError;
use crate::themes::codebook::CodebookError;
use crate::themes_report::CodebookFileError;

use super::NoticeKind;

/// Why something failed, as the layer that failed typed it.
#[derive(Debug, thiserror::Error)]
pub enum Cause {
    /// A survey file could not be read.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// A survey could not be analysed.
    #[error(transparent)]
    Report(#[from] ReportError),
    /// The views could not be computed.
    #[error(transparent)]
    Analysis(#[from] AnalysisError),
    /// A project could not be read, written or applied.
    #[error(transparent)]
    Project(#[from] ProjectError),
    /// A codebook edit was refused.
    #[error(transparent)]
    Codebook(#[from] CodebookError),
    /// A codebook file could not be read or written.
    #[error(transparent)]
    CodebookFile(#[from] CodebookFileError),
    /// A table of invited counts could not be used.
    #[error(transparent)]
    Invited(#[from] crate::project::invited::InvitedError),
    /// A benchmark file could not be used.
    #[error(transparent)]
    Benchmark(#[from] BenchmarkError),
    /// A chart could not be drawn (for the clipboard).
    #[error(transparent)]
    Render(#[from] crate::export::BuildError),
    /// An export could not be written.
    #[error(transparent)]
    Export(#[from] ExportError),
    /// The system would not start a job's thread.
    #[error("{doing}: {source}")]
    Thread {
        /// What could not start, e.g. "cannot start loading".
        doing: &'static str,
        /// The system's reason.
        source: std::io::Error,
    },
    /// A job ended without its result: an internal error, caught.
    #[error("{what}{}", if *.stopped { " stopped unexpectedly" } else { ": the file could not be read (an internal error occurred)" })]
    Crashed {
        /// The file (or, for a thread that stopped, the job: "survey.csv: loading").
        what: String,
        /// The thread ended without a word (`false`: it panicked and the panic was caught).
        stopped: bool,
    },
    /// The user stopped it.
    #[error("{what}: loading was cancelled")]
    Cancelled {
        /// The file.
        what: String,
    },
    /// A failure a job already worded in its own report (a file an export could not write,
    /// listed with the files it did write).
    #[error("{0}")]
    Listed(String),
    /// Something the user typed or chose that must be corrected first (worded for them).
    #[error("{0}")]
    Invalid(String),
}

impl Cause {
    /// A thread that would not start: `doing` says what, e.g. "cannot start the export".
    #[must_use]
    pub fn thread(doing: &'static str, source: std::io::Error) -> Self {
        Self::Thread { doing, source }
    }
}

/// A failure: what the user was doing, and why it failed.
#[derive(Debug, thiserror::Error)]
#[error("{cause}")]
pub struct Failure {
    /// What the user was doing: titles the notice.
    pub kind: NoticeKind,
    /// Why (its words are the failure's: not repeated as a source).
    pub cause: Cause,
}

impl Failure {
    /// A failure of `kind` caused by `cause`.
    #[must_use]
    pub fn new(kind: NoticeKind, cause: impl Into<Cause>) -> Self {
        Self { kind, cause: cause.into() }
    }
}
