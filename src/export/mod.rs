//! Writing files the user asked for: charts (SVG, PNG), tables (CSV, xlsx with native charts,
//! `native`), a one-file HTML report, a PDF report (`pdf`, krilla) and a PowerPoint deck (`deck`,
//! with native charts and, when the brand names one, the client's template, `template`). Every
//! write goes to a temporary file in the same folder and is renamed into place, so a crash or a
//! full disk never leaves half a file behind.
//!
//! [`export_all_watched`] counts the files it writes, so the window can show progress, and stops
//! before the next file when the user cancels.
//!
//! Owns file output only; it never reads survey data itself. Charts arrive as
//! [`crate::chart::ChartSpec`], tables as [`table::Table`]; [`samples`] holds made-up ones for
//! tests and examples.

pub mod deck;
pub mod font;
pub mod html;
pub mod native;
pub mod pdf;
pub mod png;
pub mod samples;
pub mod svg;
pub mod table;
pub mod template;
pub mod theme;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::chart::ChartSpec;
use png::Scale;
use svg::SvgOptions;
use table::Table;

use crate::figures::{self, Words};

use crate::files::write_atomic;

/// Makes a text cell safe to open in a spreadsheet: cells starting with `=`, `+`, `-`, `@`, a tab
/// or a carriage return (formula injection) get a leading apostrophe.
#[must_use]
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Something could not be made in memory (before any file is touched).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Could not make {what}: {reason}")]
pub struct BuildError {
    /// What was being made (`the chart "trend"`, `the workbook`).
    pub what: String,
    /// Why not.
    pub reason: String,
}

impl BuildError {
    /// A build error for `what`, because of `reason`.
    #[must_use]
    pub fn new(what: impl Into<String>, reason: impl Into<String>) -> Self {
        Self { what: what.into(), reason: reason.into() }
    }
}

/// A file could not be exported; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The contents could not be made.
    #[error("{}: {source}", path.display())]
    Build {
        /// The file that was not written.
        path: PathBuf,
        /// Why.
        #[source]
        source: BuildError,
    },
    /// The file (or its folder) could not be written.
    #[error("Could not write {}: {source}", path.display())]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
}

impl ExportError {
    /// The file the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Build { path, .. } | Self::Write { path, .. } => path,
        }
    }
}

/// Makes the contents with `make` and writes them atomically to `path`.
pub fn save(path: &Path, make: impl FnOnce() -> Result<Vec<u8>, BuildError>) -> Result<(), ExportError> {
    let bytes = make().map_err(|source| ExportError::Build { path: path.to_owned(), source })?;
    write_atomic(path, &bytes).map_err(|source| ExportError::Write { path: path.to_owned(), source })
}

pub use crate::chart::{ReportInfo, file_stem};

/// Which files [`export_all`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportFormats {
    /// One SVG per chart.
    pub svg: bool,
    /// One PNG per chart.
    pub png: bool,
    /// One CSV per table.
    pub csv: bool,
    /// One workbook with a sheet per table.
    pub xlsx: bool,
    /// The one-file HTML report.
    pub html: bool,
    /// The PowerPoint deck.
    pub pptx: bool,
    /// The PDF report.
    pub pdf: bool,
}

impl Default for ExportFormats {
    fn default() -> Self {
        Self { svg: true, png: true, csv: true, xlsx: true, html: true, pptx: true, pdf: true }
    }
}

/// Options of [`export_all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// PNG density.
    pub scale: Scale,
    /// Which files.
    pub formats: ExportFormats,
    /// The PDF's paper.
    pub paper: pdf::Paper,
}

/// What [`export_all`] did: the files written, and the files that failed with the reason.
#[derive(Debug, Default)]
pub struct ExportOutcome {
    /// Files written completely, in the order written.
    pub written: Vec<PathBuf>,
    /// Files not written; each error names its file. Files already there are left untouched.
    pub failed: Vec<ExportError>,
    /// The user stopped the export; the files after the last one written were not made.
    pub stopped: bool,
}

/// How far an export is, shared with the window: files done of all planned, and whether the
/// user asked to stop (checked before each file). The window is woken at each step, so its
/// progress bar moves with the files.
#[derive(Default)]
pub struct ExportProgress {
    /// Files done (written or failed).
    pub done: AtomicUsize,
    /// Files planned.
    pub total: AtomicUsize,
    /// Stop before the next file.
    pub stop: AtomicBool,
    /// Called when the count changes (the window's wake-up).
    on_change: Option<Box<dyn Fn() + Send + Sync>>,
}

impl ExportProgress {
    /// Progress that calls `wake` when the planned or done count changes.
    #[must_use]
    pub fn waking(wake: impl Fn() + Send + Sync + 'static) -> Self {
        Self { on_change: Some(Box::new(wake)), ..Self::default() }
    }

    fn changed(&self) {
        if let Some(wake) = &self.on_change {
            wake();
        }
    }
}

impl std::fmt::Debug for ExportProgress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportProgress")
            .field("done", &self.done)
            .field("total", &self.total)
            .field("stop", &self.stop)
            .finish_non_exhaustive()
    }
}

impl ExportOutcome {
    /// Whether every file was written.
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty()
    }
}

/// Writes every chart, table, the report and the deck into `dir` (created if missing). A file that
/// fails does not stop the others (a deck still open in PowerPoint should not cost the user the
/// charts); the outcome lists what was written and what failed.
pub fn export_all(
    dir: &Path,
    charts: &[ChartSpec],
    tables: &[Table],
    info: &ReportInfo,
    options: &ExportOptions,
) -> ExportOutcome {
    export_all_watched(dir, charts, tables, info, options, &ExportProgress::default())
}

/// As [`export_all`], counting the files in `progress` and stopping before the next file when
/// `progress.stop` is set (each file is whole or absent; the outcome says it stopped).
pub fn export_all_watched(
    dir: &Path,
    charts: &[ChartSpec],
    tables: &[Table],
    info: &ReportInfo,
    options: &ExportOptions,
    progress: &ExportProgress,
) -> ExportOutcome {
    let mut outcome = ExportOutcome::default();
    let formats = options.formats;
    let per_chart = usize::from(formats.svg) + usize::from(formats.png);
    let planned = charts.len() * per_chart
        + if formats.csv { tables.len() } else { 0 }
        + usize::from(formats.xlsx && !tables.is_empty())
        + usize::from(formats.html)
        + usize::from(formats.pptx)
        + usize::from(formats.pdf);
    progress.total.store(planned, Ordering::Relaxed);
    progress.changed();
    if let Err(source) = std::fs::create_dir_all(dir) {
        outcome.failed.push(ExportError::Write { path: dir.to_owned(), source });
        return outcome;
    }
    // Every file's name first, in a fixed order, so that the two halves below never race for one.
    let mut names = FileNames::default();
    let chart_paths: Vec<(PathBuf, PathBuf)> = charts
        .iter()
        .map(|chart| {
            let stem = names.unique(&chart.id);
            (dir.join(format!("{stem}.svg")), dir.join(format!("{stem}.png")))
        })
        .collect();
    let csv_paths: Vec<PathBuf> = if formats.csv {
        tables.iter().map(|t| dir.join(format!("{}.csv", names.unique(&t.title)))).collect()
    } else {
        Vec::new()
    };
    let workbook_path = dir.join(format!("{}.xlsx", names.unique("tables")));
    // The HTML and the PDF report share their name.
    let report = names.unique("report");
    let (html_path, pdf_path) = (dir.join(format!("{report}.html")), dir.join(format!("{report}.pdf")));
    let deck_path = dir.join(format!("{}.pptx", names.unique("deck")));
    // The order the files are listed in, whichever half writes them first.
    let planned_order: Vec<PathBuf> = chart_paths
        .iter()
        .flat_map(|(svg, png)| [svg.clone(), png.clone()])
        .chain(csv_paths.iter().cloned())
        .chain([workbook_path.clone(), html_path.clone(), deck_path.clone(), pdf_path.clone()])
        .collect();
    let outcome = std::sync::Mutex::new(outcome);
    let record = |path: PathBuf, result: Result<(), ExportError>| {
        {
            let mut outcome = outcome.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            match result {
                Ok(()) => outcome.written.push(path),
                Err(e) => outcome.failed.push(e),
            }
        }
        progress.done.fetch_add(1, Ordering::Relaxed);
        progress.changed();
    };
    // Before each file: has the user asked to stop?
    let stop = || progress.stop.load(Ordering::Relaxed);
    // The charts' pictures on this thread, the tables and documents on another: both halves
    // take about as long, and each file is still whole or absent.
    // The charts' files in the brand's main colour and font, when it has them.
    let chart_options = SvgOptions::branded(&info.brand);
    let pictures = || {
        for (chart, (svg_path, png_path)) in charts.iter().zip(&chart_paths) {
            if stop() {
                break;
            }
            if formats.svg {
                let path = svg_path.clone();
                let result = save(&path, || Ok(svg::render_svg(chart, &chart_options).into_bytes()));
                record(path, result);
            }
            if formats.png && !stop() {
                let path = png_path.clone();
                let result = save(&path, || png::render_png(chart, &chart_options, options.scale));
                record(path, result);
            }
        }
    };
    let documents = || {
        for (table, path) in tables.iter().zip(&csv_paths).take_while(|_| !stop()) {
            let path = path.clone();
            let result = save(&path, || Ok(table::to_csv(table).into_bytes()));
            record(path, result);
        }
        if formats.xlsx && !tables.is_empty() && !stop() {
            let path = workbook_path.clone();
            let result = save(&path, || table::to_xlsx(tables, charts, &info.brand));
            record(path, result);
        }
        if formats.html && !stop() {
            let path = html_path.clone();
            let result = save(&path, || Ok(html::report_html(info, charts, tables).into_bytes()));
            record(path, result);
        }
        if formats.pptx && !stop() {
            let path = deck_path.clone();
            let result = save(&path, || deck::deck_pptx(info, charts, options.scale));
            record(path, result);
        }
        if formats.pdf && !stop() {
            let path = pdf_path.clone();
            let result = save(&path, || pdf::report_pdf(info, charts, tables, options.paper));
            record(path, result);
        }
    };
    crate::parallel::both(pictures, documents);
    let mut outcome = outcome.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    outcome.written.sort_by_key(|path| planned_order.iter().position(|p| p == path).unwrap_or(usize::MAX));
    outcome.stopped = stop() && progress.done.load(Ordering::Relaxed) < planned;
    outcome
}

/// File name stems handed out so far, so two charts with the same id do not overwrite each other.
#[derive(Debug, Default)]
struct FileNames {
    used: HashSet<String>,
}

impl FileNames {
    /// A safe, unused stem for `name`.
    fn unique(&mut self, name: &str) -> String {
        let base = file_stem(name);
        let mut stem = base.clone();
        let mut counter = 2;
        while !self.used.insert(stem.clone()) {
            stem = format!("{base}-{counter}");
            counter += 1;
        }
        stem
    }
}

// ---- The files of a whole report (`report --out`) ----

/// Writes every chart (SVG, PNG), table (CSV, one xlsx), the HTML report and the deck of a
/// report into `dir`, plus the `extras` (the themes and the deck's quotes, when computed
/// elsewhere). Each file is written atomically; the outcome lists what was written.
#[must_use]
pub fn export_report(
    dir: &Path,
    report: &crate::report::Report,
    extras: Extras,
    options: &ExportOptions,
    w: &Words,
) -> ExportOutcome {
    let results = figures::results_of(report);
    let context = figures::context_of(report).named(&extras.brand);
    let mut charts = figures::charts_for(&results, &context, w);
    charts.extend(extras.charts);
    let mut tables = figures::tables_for(&results, &report.excluded, Some(report.rows_read), w);
    tables.extend(extras.tables);
    let info = ReportInfo {
        quotes: extras.quotes,
        data_quality: Some(figures::quality_table(&report.excluded, w)),
        ..figures::report_info(&context, w)
    }
    .branded(extras.brand);
    export_all(dir, &charts, &tables, &info, options)
}

/// What a report's files hold besides its own figures: the themes chart and table and the
/// deck's quote slides, when the comments have been read.
#[derive(Debug, Default)]
pub struct Extras {
    /// Charts after the report's own.
    pub charts: Vec<ChartSpec>,
    /// Tables after the report's own.
    pub tables: Vec<Table>,
    /// The deck's quote slides.
    pub quotes: Vec<crate::chart::QuoteSlide>,
    /// How the files look for the client.
    pub brand: crate::chart::Brand,
}

/// What `report --out DIR` writes: `report.json` (the `--json` text), then every figure of the
/// report in `language` (see [`export_report`]), with the `extras` added, PNGs and the PDF as
/// `options` say; every file written is added to `written`. Fails with one line naming the first file
/// not written (the others are still written, and listed).
pub fn write_out(
    dir: &Path,
    report: &crate::report::Report,
    json: &str,
    extras: Extras,
    options: &ExportOptions,
    language: crate::i18n::Language,
    written: &mut Vec<std::path::PathBuf>,
) -> Result<(), String> {
    let target = dir.join("report.json");
    std::fs::create_dir_all(dir)
        .and_then(|()| crate::files::write_atomic(&target, json.as_bytes()))
        .map_err(|e| format!("{}: cannot write: {e}", target.display()))?;
    written.push(target);
    let words = Words::of(language);
    let outcome = export_report(dir, report, extras, options, &words);
    // What was written is said even when another file failed.
    written.extend(outcome.written);
    outcome.failed.first().map_or(Ok(()), |error| Err(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise_formula("-3"), "'-3");
        assert_eq!(neutralise_formula("@cmd"), "'@cmd");
        assert_eq!(neutralise_formula("\t=1"), "'\t=1");
        assert_eq!(neutralise_formula("fine"), "fine");
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(file_stem("Segments: Regio / Kanaal"), "segments-regio-kanaal");
        assert_eq!(file_stem("Ærø × Fyn"), "ærø-fyn");
        assert_eq!(file_stem("../../etc"), "etc");
        assert_eq!(file_stem("***"), "export");
        assert_eq!(file_stem("NUL"), "nul-file");
        let mut names = FileNames::default();
        assert_eq!(names.unique("trend"), "trend");
        assert_eq!(names.unique("Trend"), "trend-2");
    }

    #[test]
    fn export_all_writes_every_file_and_lists_it() {
        let dir = tempfile::tempdir().unwrap();
        let charts = samples::all_charts();
        let tables = samples::all_tables();
        let info = samples::report_info();
        let options = ExportOptions {
            scale: Scale::X1,
            formats: ExportFormats { png: false, ..ExportFormats::default() },
            ..ExportOptions::default()
        };
        let outcome = export_all(&dir.path().join("out"), &charts, &tables, &info, &options);
        assert!(outcome.is_complete(), "{:?}", outcome.failed);
        assert_eq!(outcome.written.len(), charts.len() + tables.len() + 4);
        assert!(outcome.written.iter().all(|p| p.is_file()));
        let leftovers = std::fs::read_dir(dir.path().join("out"))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        assert_eq!(leftovers, 0);
    }

    #[test]
    fn an_export_counts_its_files_and_stops_when_asked() {
        let dir = tempfile::tempdir().unwrap();
        let (charts, tables, info) = (samples::all_charts(), samples::all_tables(), samples::report_info());
        let options = ExportOptions {
            scale: Scale::X1,
            formats: ExportFormats { png: false, ..ExportFormats::default() },
            ..ExportOptions::default()
        };
        let wake_ups = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = std::sync::Arc::clone(&wake_ups);
        let progress = ExportProgress::waking(move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        let outcome = export_all_watched(&dir.path().join("all"), &charts, &tables, &info, &options, &progress);
        let planned = charts.len() + tables.len() + 4;
        assert_eq!(progress.total.load(Ordering::Relaxed), planned);
        assert_eq!(progress.done.load(Ordering::Relaxed), planned);
        assert_eq!(wake_ups.load(Ordering::Relaxed), planned + 1, "the window is woken for the plan and each file");
        assert!(!outcome.stopped && outcome.written.len() == planned);
        let stopped = ExportProgress::default();
        stopped.stop.store(true, Ordering::Relaxed);
        let outcome = export_all_watched(&dir.path().join("none"), &charts, &tables, &info, &options, &stopped);
        assert!(outcome.stopped && outcome.written.is_empty() && outcome.failed.is_empty());
        assert_eq!(std::fs::read_dir(dir.path().join("none")).unwrap().count(), 0, "no file was started");
    }

    #[test]
    fn a_failed_file_is_named_and_the_old_file_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        // A folder where the report file should go: renaming onto it fails.
        std::fs::create_dir(dir.path().join("report.html")).unwrap();
        std::fs::write(dir.path().join("report.html").join("keep"), b"x").unwrap();
        let formats =
            ExportFormats { svg: false, png: false, csv: false, xlsx: false, html: true, pptx: false, pdf: false };
        let outcome = export_all(
            dir.path(),
            &samples::all_charts(),
            &[],
            &samples::report_info(),
            &ExportOptions { scale: Scale::X1, formats, ..ExportOptions::default() },
        );
        assert_eq!(outcome.failed.len(), 1);
        assert!(outcome.failed[0].to_string().contains("report.html"), "{}", outcome.failed[0]);
        assert!(dir.path().join("report.html").join("keep").is_file());
    }
}
