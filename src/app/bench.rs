//! The benchmarks in the app: the library (bundled rows and the user's own), the add/edit form,
//! saving to the configuration folder, and import/export through the native file dialogs (on
//! their own thread). [`BenchmarkState`] owns all of it and takes the benchmark commands; what
//! goes wrong comes back as a [`Failure`] for the app to show.

use std::path::PathBuf;
use std::sync::Arc;

use super::export::{PathChooser, PathQuestion};
use super::failure::{Cause, Failure};
use super::jobs::FileDialogJob;
use super::notice_list::NoticeKind;
use super::services::Services;
use crate::benchmarks::{self, Audience, Benchmark, COLUMNS};
use crate::export::ExportError;

/// The benchmark library and its editing.
pub struct BenchmarkState {
    /// Bundled rows and the user's.
    library: Arc<Vec<Benchmark>>,
    /// The user's own rows (also in `library`).
    user: Vec<Benchmark>,
    /// Bumped whenever the library changes, so that the views are recomputed.
    version: u64,
    /// The add/edit form, when open.
    form: Option<BenchmarkForm>,
    /// An import or export dialog under way.
    dialog: Option<BenchmarkFileJob>,
    /// Where the user's rows are saved (none without a configuration folder).
    user_file: Option<PathBuf>,
}

impl Default for BenchmarkState {
    fn default() -> Self {
        Self {
            library: Arc::new(benchmarks::bundled()),
            user: Vec::new(),
            version: 0,
            form: None,
            dialog: None,
            user_file: None,
        }
    }
}

/// What the user asks of the benchmarks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BenchmarkCommand {
    /// Opens (with a form) or closes (`None`) the add/edit form.
    Edit(Option<Box<BenchmarkForm>>),
    /// Saves the form as a user row.
    Save(Box<BenchmarkForm>),
    /// Deletes the user row with this id.
    Delete(String),
    /// Asks for a file and adds its rows.
    Import,
    /// Asks for a path and writes the user's rows there.
    Export,
}

impl BenchmarkState {
    /// The library with the user's rows from their file in the configuration folder, and the
    /// notice when that file cannot be read.
    #[must_use]
    pub fn from_user_file(user_file: Option<PathBuf>) -> (Self, Option<Failure>) {
        let mut state = Self { user_file, ..Self::default() };
        let mut notice = None;
        if let Some(path) = state.user_file.clone().filter(|p| p.exists()) {
            match benchmarks::read_file(&path, true) {
                Ok(rows) => state.set_user(rows),
                Err(e) => notice = Some(Failure::new(NoticeKind::BenchmarkLibrary, e)),
            }
        }
        (state, notice)
    }

    /// The library: bundled rows and the user's.
    #[must_use]
    pub fn library(&self) -> &Arc<Vec<Benchmark>> {
        &self.library
    }

    /// The user's own rows.
    #[must_use]
    pub fn user(&self) -> &[Benchmark] {
        &self.user
    }

    /// Changes whenever the library changes.
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The add/edit form, when open.
    #[must_use]
    pub fn form(&self) -> Option<&BenchmarkForm> {
        self.form.as_ref()
    }

    /// Replaces the user's rows and rebuilds the library.
    pub fn set_user(&mut self, rows: Vec<Benchmark>) {
        self.library = Arc::new(benchmarks::merge(benchmarks::bundled(), rows.clone()));
        self.user = rows;
        self.version += 1;
    }

    /// Replaces the user's rows and saves them to their file.
    fn set_and_save(&mut self, rows: Vec<Benchmark>) -> Result<(), Failure> {
        self.set_user(rows);
        let Some(path) = self.user_file.as_ref() else { return Ok(()) };
        benchmarks::save_user(path, &self.user).map_err(|e| Failure::new(NoticeKind::BenchmarkFile, e))
    }

    /// Carries out a benchmark command; a dialog is asked through `services`.
    pub fn apply(&mut self, command: BenchmarkCommand, services: &Services) -> Result<(), Failure> {
        let t = services.language.texts();
        match command {
            BenchmarkCommand::Edit(form) => {
                self.form = form.map(|f| *f);
                Ok(())
            }
            BenchmarkCommand::Save(form) => match form.to_benchmark() {
                Ok(row) => {
                    let mut user = self.user.clone();
                    upsert(&mut user, row);
                    self.form = None;
                    self.set_and_save(user)
                }
                Err(message) => {
                    self.form = Some(BenchmarkForm { error: Some(message), ..*form });
                    Ok(())
                }
            },
            BenchmarkCommand::Delete(id) => {
                let user: Vec<Benchmark> = self.user.iter().filter(|b| b.id != id).cloned().collect();
                self.set_and_save(user)
            }
            BenchmarkCommand::Import | BenchmarkCommand::Export if self.dialog.is_some() => Ok(()),
            BenchmarkCommand::Import => self.start_dialog(false, t.import_benchmarks, services),
            BenchmarkCommand::Export => self.start_dialog(true, t.export_benchmarks, services),
        }
    }

    fn start_dialog(&mut self, export: bool, title: &str, services: &Services) -> Result<(), Failure> {
        let title = title.trim_end_matches('…').to_owned();
        let job = BenchmarkFileJob::start(export, title, &services.chooser, services.waker());
        self.dialog = Some(job.map_err(|cause| Failure::new(NoticeKind::Dialog, cause))?);
        Ok(())
    }

    /// Takes the chosen path of a benchmark import or export dialog: every frame.
    pub fn poll(&mut self) -> Result<(), Failure> {
        let Some(choice) = self.dialog.as_mut().and_then(BenchmarkFileJob::poll) else { return Ok(()) };
        let export = self.dialog.take().is_some_and(|d| d.export);
        let Some(path) = choice else { return Ok(()) };
        let failed = |cause: Cause| Failure::new(NoticeKind::BenchmarkFile, cause);
        if export {
            return export_rows(&path, &self.user).map_err(|e| failed(e.into()));
        }
        // Read on the window's thread: a reader's internal error becomes a notice, not a crash.
        let read = std::panic::catch_unwind(|| benchmarks::read_file(&path, true).map_err(Cause::from))
            .unwrap_or_else(|_| Err(Cause::Crashed { what: path.display().to_string(), stopped: false }));
        let mut user = self.user.clone();
        for row in read.map_err(failed)? {
            upsert(&mut user, row);
        }
        self.set_and_save(user)
    }
}

/// The add/edit form: every field as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BenchmarkForm {
    /// Id of the row edited (a bundled id overrides that row); empty for a new one.
    pub id: String,
    /// Sector.
    pub sector: String,
    /// Other names, separated by `|`.
    pub synonyms: String,
    /// Region code.
    pub region: String,
    /// B2B, B2C or mixed.
    pub audience: Option<Audience>,
    /// Year.
    pub year: String,
    /// Range low.
    pub low: String,
    /// Range high.
    pub high: String,
    /// Single value.
    pub value: String,
    /// Source.
    pub source: String,
    /// `E` or `S`.
    pub evidence: String,
    /// Who was asked.
    pub population: String,
    /// Why the last save was refused.
    pub error: Option<String>,
}

fn number(v: Option<f64>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

impl BenchmarkForm {
    /// A form holding `b`, to edit it (the saved row keeps its id, so it overrides a bundled one).
    #[must_use]
    pub fn from_benchmark(b: &Benchmark) -> Self {
        let own = benchmarks::normalise(&b.sector);
        Self {
            id: b.id.clone(),
            sector: b.sector.clone(),
            synonyms: b.synonyms.iter().filter(|s| **s != own).cloned().collect::<Vec<_>>().join("|"),
            region: b.region.clone(),
            audience: Some(b.audience),
            year: b.year.to_string(),
            low: number(b.low),
            high: number(b.high),
            value: number(b.value),
            source: b.source.clone(),
            evidence: b.evidence.clone(),
            population: b.population.clone(),
            error: None,
        }
    }

    /// The row, validated by the same rules as a benchmark file.
    pub fn to_benchmark(&self) -> Result<Benchmark, String> {
        let id = if self.id.trim().is_empty() {
            format!("user-{}-{}", benchmarks::normalise(&self.sector).replace(' ', "-"), self.year.trim())
        } else {
            self.id.trim().to_owned()
        };
        let audience = self.audience.unwrap_or(Audience::Mixed).label().to_owned();
        let row: Vec<String> = vec![
            id,
            self.sector.clone(),
            self.synonyms.clone(),
            String::new(),
            String::new(),
            self.region.clone(),
            audience,
            self.year.clone(),
            self.low.clone(),
            self.high.clone(),
            self.value.clone(),
            self.source.clone(),
            if self.evidence.trim().is_empty() { "S".to_owned() } else { self.evidence.trim().to_uppercase() },
            self.population.clone(),
        ];
        let header: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
        let mut rows = benchmarks::parse_rows("this benchmark", &[header, row], true).map_err(|e| e.to_string())?;
        rows.pop().ok_or_else(|| "this benchmark is empty".to_owned())
    }
}

/// Adds or replaces (by id) `row` among the user's rows.
pub fn upsert(user: &mut Vec<Benchmark>, row: Benchmark) {
    match user.iter_mut().find(|b| b.id == row.id) {
        Some(existing) => *existing = row,
        None => user.push(row),
    }
}

/// Writes `rows` to `path` as CSV, or as xlsx when the name ends in `.xlsx`.
pub fn export_rows(path: &std::path::Path, rows: &[Benchmark]) -> Result<(), ExportError> {
    let is_xlsx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if is_xlsx {
        // The same table writer as every other export: numbers as numbers, text as string cells.
        use crate::export::table::{Cell, Column, ColumnKind, Table, to_xlsx};
        let kind = |c: usize| match c {
            benchmarks::YEAR_COLUMN => ColumnKind::Integer,
            c if benchmarks::NUMBER_COLUMNS.contains(&c) => ColumnKind::Number { decimals: 1 },
            _ => ColumnKind::Text,
        };
        let columns = benchmarks::COLUMNS.iter().enumerate().map(|(c, h)| Column::new(h, kind(c))).collect();
        let cell = |c: usize, text: String| match text.parse::<f64>() {
            Ok(v) if benchmarks::NUMBER_COLUMNS.contains(&c) => Cell::Number(v),
            _ if benchmarks::NUMBER_COLUMNS.contains(&c) => Cell::Empty,
            _ => Cell::from(text),
        };
        let rows = benchmarks::records(rows)
            .into_iter()
            .map(|record| record.into_iter().enumerate().map(|(c, text)| cell(c, text)).collect())
            .collect();
        let table = Table { title: "Benchmarks".to_owned(), columns, rows };
        to_xlsx(&[table], &[], &crate::chart::Brand::default())
            .map_err(|source| ExportError::Build { path: path.to_path_buf(), source })?
    } else {
        benchmarks::to_csv(rows).into_bytes()
    };
    crate::files::write_atomic(path, &bytes).map_err(|source| ExportError::Write { path: path.to_path_buf(), source })
}

/// An import or export dialog under way.
pub struct BenchmarkFileJob {
    /// Whether the chosen path is written to (export) or read (import).
    pub export: bool,
    dialog: FileDialogJob,
}

impl BenchmarkFileJob {
    /// Asks for the file through the app's dialog service, on its own thread.
    pub fn start(
        export: bool,
        title: String,
        chooser: &PathChooser,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, Cause> {
        let question = PathQuestion {
            title,
            folder: None,
            file_name: export.then(|| "benchmarks.csv".to_owned()),
            open: (!export).then(|| vec!["csv", "xlsx", "ods", "xls"]),
            kind: Some("Benchmarks".to_owned()),
        };
        Ok(Self { export, dialog: FileDialogJob::ask(chooser, question, wake)? })
    }

    /// `Some(choice)` once the dialog closed.
    #[must_use]
    pub fn poll(&mut self) -> Option<Option<PathBuf>> {
        self.dialog.poll()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_round_trips_and_is_validated() {
        let bundled = benchmarks::bundled();
        let consulting = bundled.iter().find(|b| b.id == "consulting-dna-2024").unwrap_or_else(|| panic!("missing"));
        let form = BenchmarkForm::from_benchmark(consulting);
        let back = form.to_benchmark().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((back.id.as_str(), back.low, back.high), ("consulting-dna-2024", Some(30.0), Some(45.0)));
        assert!(back.user);
        let mut bad = form.clone();
        bad.value = "40".into();
        assert_eq!(
            bad.to_benchmark().unwrap_err(),
            "this benchmark, row 2, column 'value': give either low and high (a range) or a single value"
        );
        let mut user = Vec::new();
        upsert(&mut user, back.clone());
        upsert(&mut user, back);
        assert_eq!(user.len(), 1);
    }

    #[test]
    fn export_writes_csv_and_xlsx_that_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<Benchmark> = benchmarks::bundled().into_iter().take(3).collect();
        for name in ["mine.csv", "mine.xlsx"] {
            let path = dir.path().join(name);
            export_rows(&path, &rows).unwrap_or_else(|e| panic!("{e}"));
            let back = benchmarks::read_file(&path, true).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back.len(), 3, "{name}");
            assert_eq!(back[0].band(), rows[0].band(), "{name}");
            assert_eq!(back[2].source, rows[2].source, "{name}");
        }
    }
}
