//! Background work the window waits for without freezing: loading a survey, and the native file
//! dialog. One job per kind, each on a named thread; the UI polls them every frame.
//!
//! Owns threads, progress and cancellation; the results are plain structs (`Report`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::analysis::SurveyIndex;
use crate::import::{self, ImportOptions, ImportedTable};
use crate::report::{Report, ReportRequest, report_for_table};

/// File name shown for the bundled sample survey.
pub const SAMPLE_NAME: &str = "sample-survey.csv";
/// The bundled sample survey (made by `cargo run --bin make-sample`).
pub const SAMPLE_CSV: &[u8] = include_bytes!("../../assets/sample/survey.csv");

/// What to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadSource {
    /// The sample survey bundled with the program.
    Sample,
    /// A file on disk.
    File(PathBuf),
}

impl LoadSource {
    /// The name shown while loading and in messages.
    #[must_use]
    pub fn display_name(&self) -> String {
        match self {
            Self::Sample => SAMPLE_NAME.to_owned(),
            Self::File(path) => import::display_name(path),
        }
    }
}

/// A survey ready to show.
#[derive(Debug, Clone)]
pub struct LoadedSurvey {
    /// Where it came from.
    pub source: LoadSource,
    /// How it was read (sheet, roles the user set).
    pub options: ImportOptions,
    /// Its analysis.
    pub report: Report,
    /// The first rows as read, for the import review: spreadsheet row number and cells.
    pub preview: Vec<(usize, Vec<String>)>,
    /// The rows as flat arrays, for the views that follow the filter.
    pub index: Arc<SurveyIndex>,
}

/// Rows shown in the import review's preview.
pub const PREVIEW_ROWS: usize = 8;

impl LoadedSurvey {
    /// A survey from an imported table (also used by tests that skip the thread).
    pub fn from_table(source: LoadSource, options: ImportOptions, table: &ImportedTable) -> Result<Self, String> {
        let report = report_for_table(table, &ReportRequest::default()).map_err(|e| e.to_string())?;
        let index = Arc::new(SurveyIndex::from_table(table));
        let preview = (0..table.rows.row_count().min(PREVIEW_ROWS))
            .map(|r| {
                (table.rows.row_number(r), (0..table.headers.len()).map(|c| table.rows.cell(r, c).to_owned()).collect())
            })
            .collect();
        Ok(Self { source, options, report, preview, index })
    }
}

/// A survey being loaded on the "import" thread.
pub struct LoadJob {
    /// What is being loaded.
    pub source: LoadSource,
    progress: Arc<AtomicU32>,
    cancel: Arc<AtomicBool>,
    receiver: Receiver<Result<LoadedSurvey, String>>,
}

impl LoadJob {
    /// Starts loading; `wake` is called when the job finishes so the window repaints.
    pub fn start(source: LoadSource, options: ImportOptions, wake: impl Fn() + Send + 'static) -> Result<Self, String> {
        let progress = Arc::new(AtomicU32::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let job_source = source.clone();
        let job_progress = Arc::clone(&progress);
        let job_cancel = Arc::clone(&cancel);
        std::thread::Builder::new()
            .name("import".to_owned())
            .spawn(move || {
                let name = job_source.display_name();
                let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    load(&job_source, options, &job_progress, &job_cancel)
                }))
                .unwrap_or_else(|_| Err(format!("{name}: the file could not be read (an internal error occurred)")));
                let _ = sender.send(outcome);
                wake();
            })
            .map_err(|e| format!("cannot start loading: {e}"))?;
        Ok(Self { source, progress, cancel, receiver })
    }

    /// Fraction done, 0..1.
    #[must_use]
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.progress.load(Ordering::Relaxed))
    }

    /// Asks the job to stop; it reports a cancellation soon after.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// The outcome, once the job has finished.
    #[must_use]
    pub fn poll(&self) -> Option<Result<LoadedSurvey, String>> {
        match self.receiver.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err(format!("{}: loading stopped unexpectedly", self.source.display_name())))
            }
        }
    }
}

fn load(
    source: &LoadSource,
    options: ImportOptions,
    progress: &AtomicU32,
    cancel: &AtomicBool,
) -> Result<LoadedSurvey, String> {
    let mut report_progress = |fraction: f32| {
        progress.store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
        !cancel.load(Ordering::Relaxed)
    };
    let table = match source {
        LoadSource::Sample => import::read_bytes(SAMPLE_NAME, SAMPLE_CSV.to_vec(), &options, &mut report_progress),
        LoadSource::File(path) => import::read_file(path, &options, &mut report_progress),
    }
    .map_err(|e| e.to_string())?;
    if cancel.load(Ordering::Relaxed) {
        return Err(format!("{}: loading was cancelled", source.display_name()));
    }
    let loaded = LoadedSurvey::from_table(source.clone(), options, &table)?;
    report_progress(1.0);
    Ok(loaded)
}

/// The native "open file" dialog, run on its own thread so the window keeps drawing.
pub struct FileDialogJob {
    receiver: Receiver<Option<PathBuf>>,
}

impl FileDialogJob {
    /// Opens the survey "open" dialog, starting in `folder` when given.
    pub fn start(folder: Option<PathBuf>, title: String, wake: impl Fn() + Send + 'static) -> Result<Self, String> {
        Self::spawn(
            move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("Survey files", &["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"])
                    .add_filter("All files", &["*"]);
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                dialog.pick_file()
            },
            wake,
        )
    }

    /// Runs any native dialog (`show` returns the chosen path) on the "file-dialog" thread.
    pub fn spawn(
        show: impl FnOnce() -> Option<PathBuf> + Send + 'static,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, String> {
        let (sender, receiver) = mpsc::channel();
        std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let _ = sender.send(show());
                wake();
            })
            .map_err(|e| format!("cannot open the file dialog: {e}"))?;
        Ok(Self { receiver })
    }

    /// `Some(choice)` once the dialog closed (`choice` is `None` when cancelled).
    #[must_use]
    pub fn poll(&self) -> Option<Option<PathBuf>> {
        match self.receiver.try_recv() {
            Ok(choice) => Some(choice),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(job: &LoadJob) -> Result<LoadedSurvey, String> {
        for _ in 0..6000 {
            if let Some(outcome) = job.poll() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        Err("timed out".to_owned())
    }

    #[test]
    fn sample_loads_in_the_background() {
        let job = LoadJob::start(LoadSource::Sample, ImportOptions::default(), || {}).unwrap();
        let loaded = wait(&job).unwrap();
        assert!(loaded.report.overall.n >= 2000);
        assert_eq!(loaded.report.source.file, SAMPLE_NAME);
        assert_eq!(job.progress(), 1.0);
    }

    #[test]
    fn a_missing_file_is_a_message_not_a_panic() {
        let job =
            LoadJob::start(LoadSource::File(PathBuf::from("/no/such/survey.csv")), ImportOptions::default(), || {})
                .unwrap();
        assert_eq!(wait(&job).unwrap_err(), "survey.csv: cannot be read: the file does not exist");
    }
}
