//! Exporting from the window: a chart (PNG, SVG, clipboard), a table (CSV, xlsx) or everything
//! into a folder. The path is chosen in a native dialog on the "file-dialog" thread, the files are
//! written on the "export" thread, and the window shows what was written when it is done. An
//! export of everything shows how many files are done and can be stopped before the next file.
//!
//! Owns the export flow (dialog, job, confirmation); the file formats are `export`'s and the
//! figures `figures`'. Every file goes through `export::save` (atomic writes).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

use eframe::egui;

use super::failure::{Cause, Failure};
use super::jobs::{FileDialogJob, LoadedSurvey, Worker};
use super::notice_list::NoticeKind;
use super::services::Services;
use crate::analysis::Filter;
use crate::chart::ChartSpec;
use crate::export::png::{Scale, render_pixels, render_png};
use crate::export::svg::{SvgOptions, render_svg};
use crate::export::table::{Table, to_csv, to_xlsx};
use crate::export::{ExportOptions, ExportProgress, ReportInfo, export_all_watched, file_stem, save};
use crate::figures::FigureContext;

/// How a chart is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// PNG at slide size (1x) or twice that (2x).
    Png(Scale),
    /// SVG.
    Svg,
}

/// How a table is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV (UTF-8 with BOM).
    Csv,
    /// An Excel workbook with one sheet.
    Xlsx,
}

/// What the user asks of exports.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportCommand {
    /// Export a chart or table to a file or the clipboard, or everything to a folder.
    Start(ExportRequest),
    /// Stop the running export before its next file.
    Stop,
    /// Hide the export confirmation.
    CloseNotice,
    /// Show this folder (where an export went) in the system's file manager.
    OpenFolder(PathBuf),
}

/// What the user asked to export.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportRequest {
    /// One chart to a file.
    Chart(Box<ChartSpec>, ChartFormat),
    /// One chart to the clipboard as an image.
    Copy(Box<ChartSpec>),
    /// One table to a file.
    Table(Box<Table>, TableFormat),
    /// Every chart and table, the report and the deck, into a folder.
    All,
}

/// A question for the path chooser: a file name to save (with its extension), or a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathQuestion {
    /// Dialog title.
    pub title: String,
    /// Folder to start in.
    pub folder: Option<PathBuf>,
    /// The proposed file name; `None` asks for a folder.
    pub file_name: Option<String>,
    /// Pick an existing file to open (of the extensions listed) instead of a name to save.
    pub open: Option<Vec<&'static str>>,
    /// The name of the files asked for ("Survey files", "Codebook"), for the dialog's filter;
    /// `None` names them by their extensions.
    pub kind: Option<String>,
}

/// Asks the user for a path (runs on the dialog thread); `None` when cancelled. The app's one
/// dialog service: every open, save and folder question of the window goes through it, so tests
/// replace the native dialog with a closure that answers at once.
pub type PathChooser = Arc<dyn Fn(PathQuestion) -> Option<PathBuf> + Send + Sync>;

/// Shows a folder in the system's file manager (tests record the folder instead).
pub type FolderOpener = Arc<dyn Fn(&Path) -> std::io::Result<()> + Send + Sync>;

/// The system's file manager: Explorer, Finder, or what `xdg-open` starts. Nothing is waited for.
#[must_use]
pub fn system_opener() -> FolderOpener {
    Arc::new(|folder: &Path| {
        let program = if cfg!(target_os = "windows") {
            "explorer"
        } else if cfg!(target_os = "macos") {
            "open"
        } else {
            "xdg-open"
        };
        let mut child = std::process::Command::new(program).arg(folder).spawn()?;
        // Reaped on a thread of its own, so that no finished opener lingers.
        std::thread::Builder::new().name("open-folder".to_owned()).spawn(move || child.wait()).map(|_| ())
    })
}

/// The native save and folder dialogs.
#[must_use]
pub fn native_chooser() -> PathChooser {
    Arc::new(|question: PathQuestion| {
        let mut dialog = rfd::FileDialog::new().set_title(question.title);
        if let Some(folder) = question.folder {
            dialog = dialog.set_directory(folder);
        }
        if let Some(extensions) = question.open {
            let name = question.kind.unwrap_or_else(|| extensions.join(", "));
            return dialog.add_filter(name, &extensions).add_filter("*", &["*"]).pick_file();
        }
        match question.file_name {
            Some(name) => {
                if let Some(extension) = Path::new(&name).extension().and_then(|e| e.to_str()) {
                    let extension = extension.to_owned();
                    let kind = question.kind.unwrap_or_else(|| extension.to_uppercase());
                    dialog = dialog.add_filter(kind, &[extension.as_str()]);
                }
                dialog.set_file_name(name).save_file()
            }
            None => dialog.pick_folder(),
        }
    })
}

/// Everything Export all writes, made when the user asks (from the figures on screen).
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    /// The charts.
    pub charts: Vec<ChartSpec>,
    /// The tables.
    pub tables: Vec<Table>,
    /// Title block of the report and deck.
    pub info: ReportInfo,
}

/// What is written once the path is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Payload {
    /// One chart, drawn with the options given (the brand's colour and font).
    Chart(Box<ChartSpec>, ChartFormat, SvgOptions),
    /// One table.
    Table(Table, TableFormat),
    /// Everything.
    All(Box<Bundle>),
}

impl Payload {
    /// The file name proposed in the save dialog; `None` for a folder.
    #[must_use]
    pub fn file_name(&self) -> Option<String> {
        match self {
            Self::Chart(spec, ChartFormat::Png(Scale::X1), _) => Some(format!("{}.png", file_stem(&spec.id))),
            Self::Chart(spec, ChartFormat::Png(Scale::X2), _) => Some(format!("{}@2x.png", file_stem(&spec.id))),
            Self::Chart(spec, ChartFormat::Svg, _) => Some(format!("{}.svg", file_stem(&spec.id))),
            Self::Table(table, TableFormat::Csv) => Some(format!("{}.csv", file_stem(&table.title))),
            Self::Table(table, TableFormat::Xlsx) => Some(format!("{}.xlsx", file_stem(&table.title))),
            Self::All(_) => None,
        }
    }

    /// Writes the payload to `path` (a file, or the folder of Export all).
    #[must_use]
    pub fn write(&self, path: &Path) -> ExportNotice {
        self.write_watched(path, &ExportProgress::default())
    }

    /// As [`Self::write`], counting the files of an export of everything in `progress` and
    /// stopping before the next one when asked.
    pub fn write_watched(&self, path: &Path, progress: &ExportProgress) -> ExportNotice {
        let folder = match self {
            Self::All(_) => path.to_owned(),
            _ => path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf),
        };
        // A PNG or PDF asks for the brand's font: say so when it is not installed (looked up
        // here, on the export thread, once per process).
        let font = match self {
            Self::Chart(_, ChartFormat::Png(_), options) => options.font.as_deref(),
            Self::All(bundle) => bundle.info.brand.font_family(),
            _ => None,
        };
        let font_missing = font.filter(|f| !crate::export::font::is_installed(f)).map(str::to_owned);
        let result = match self {
            Self::Chart(spec, ChartFormat::Png(scale), options) => save(path, || render_png(spec, options, *scale)),
            Self::Chart(spec, ChartFormat::Svg, options) => save(path, || Ok(render_svg(spec, options).into_bytes())),
            Self::Table(table, TableFormat::Csv) => save(path, || Ok(to_csv(table).into_bytes())),
            Self::Table(table, TableFormat::Xlsx) => {
                save(path, || to_xlsx(std::slice::from_ref(table), &[], &crate::chart::Brand::default()))
            }
            Self::All(bundle) => {
                let options = ExportOptions::default();
                let outcome =
                    export_all_watched(path, &bundle.charts, &bundle.tables, &bundle.info, &options, progress);
                let failed = outcome.failed.iter().map(ToString::to_string).collect();
                return ExportNotice {
                    folder,
                    written: outcome.written,
                    failed,
                    stopped: outcome.stopped,
                    font_missing,
                    ..ExportNotice::default()
                };
            }
        };
        match result {
            Ok(()) => ExportNotice { folder, written: vec![path.to_owned()], font_missing, ..ExportNotice::default() },
            Err(e) => ExportNotice { folder, failed: vec![e.to_string()], ..ExportNotice::default() },
        }
    }
}

/// What the confirmation says: the files written and those that failed (each message names its
/// file), or that a chart was copied.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportNotice {
    /// The folder written to.
    pub folder: PathBuf,
    /// Files written completely.
    pub written: Vec<PathBuf>,
    /// Files not written, with the reason.
    pub failed: Vec<String>,
    /// A chart was copied to the clipboard.
    pub copied: bool,
    /// The user stopped the export: only the files listed were written.
    pub stopped: bool,
    /// The brand's font, when the PDF or PNGs were to be drawn in it but it is not installed.
    pub font_missing: Option<String>,
    /// Which notice this is (counted up per export), so that what the window keeps about one
    /// (how long a line has shown) is not taken for the next.
    pub serial: u64,
}

/// The export flow: at most one dialog and one job at a time, and the confirmation of the last
/// export.
#[derive(Default)]
pub struct ExportFlow {
    dialog: Option<(FileDialogJob, Payload)>,
    job: Option<Worker<ExportNotice>>,
    /// How far the running export is.
    progress: Option<Arc<ExportProgress>>,
    copy: Option<Worker<Result<egui::ColorImage, crate::export::BuildError>>>,
    /// What the last export wrote, shown until closed.
    notice: Option<ExportNotice>,
    /// Notices shown so far (the last one's serial).
    shown: u64,
}

/// What a finished step of the flow gives the app.
#[derive(Debug)]
pub enum ExportEvent {
    /// A path was chosen: remember its folder.
    Chosen(PathBuf),
    /// A chart is ready for the clipboard.
    Copy(egui::ColorImage),
    /// Something went wrong: nothing, or not all, was written.
    Failed(Failure),
}

impl ExportFlow {
    /// Carries out an export command. `bundle` is everything Export all writes (`None` before
    /// the figures are computed; only Export all needs it); `folder` is where the last export
    /// went; a single chart is drawn in `brand`'s colour and font.
    pub fn apply(
        &mut self,
        command: ExportCommand,
        bundle: Option<Bundle>,
        folder: Option<PathBuf>,
        brand: &crate::chart::Brand,
        services: &Services,
    ) -> Result<(), Failure> {
        let x = services.language.export_texts();
        let failed = |cause: Cause| Failure::new(NoticeKind::Export, cause);
        let payload = match command {
            ExportCommand::Stop => {
                self.stop();
                return Ok(());
            }
            ExportCommand::CloseNotice => {
                self.notice = None;
                return Ok(());
            }
            ExportCommand::OpenFolder(folder) => {
                return (services.opener)(&folder).map_err(|e| {
                    failed(Cause::Invalid(format!("{}: {}: {e}", folder.display(), x.open_folder_failed)))
                });
            }
            ExportCommand::Start(ExportRequest::Copy(spec)) => {
                return self.copy(*spec, SvgOptions::branded(brand), services.waker()).map_err(failed);
            }
            ExportCommand::Start(ExportRequest::Chart(spec, format)) => {
                Payload::Chart(spec, format, SvgOptions::branded(brand))
            }
            ExportCommand::Start(ExportRequest::Table(table, format)) => Payload::Table(*table, format),
            ExportCommand::Start(ExportRequest::All) => match bundle {
                Some(bundle) => Payload::All(Box::new(bundle)),
                None => return Err(failed(Cause::Invalid(x.nothing_to_export.to_owned()))),
            },
        };
        let title = if matches!(payload, Payload::All(_)) { x.choose_folder } else { x.save_as };
        self.ask(payload, title.to_owned(), folder, services).map_err(failed)
    }

    /// Shows `notice`, numbered after the one before.
    fn show(&mut self, notice: ExportNotice) {
        self.shown += 1;
        self.notice = Some(ExportNotice { serial: self.shown, ..notice });
    }

    /// What the last export wrote, shown until closed.
    #[must_use]
    pub fn notice(&self) -> Option<&ExportNotice> {
        self.notice.as_ref()
    }

    /// Files written of all planned, while files are being written.
    #[must_use]
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress.as_ref().map(|p| (p.done.load(Ordering::Relaxed), p.total.load(Ordering::Relaxed)))
    }

    /// Asks the running export to stop before its next file.
    pub fn stop(&self) {
        if let Some(progress) = &self.progress {
            progress.stop.store(true, Ordering::Relaxed);
        }
    }

    /// Whether a dialog or an export is under way.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.dialog.is_some() || self.job.is_some() || self.copy.is_some()
    }

    /// Asks where to write `payload`, starting in `folder`.
    fn ask(
        &mut self,
        payload: Payload,
        title: String,
        folder: Option<PathBuf>,
        services: &Services,
    ) -> Result<(), Cause> {
        if self.dialog.is_some() {
            return Ok(());
        }
        let question = PathQuestion { title, folder, file_name: payload.file_name(), open: None, kind: None };
        let dialog = FileDialogJob::ask(&services.chooser, question, services.waker())?;
        self.dialog = Some((dialog, payload));
        Ok(())
    }

    /// Renders `spec` for the clipboard on the "export" thread.
    fn copy(&mut self, spec: ChartSpec, options: SvgOptions, wake: impl Fn() + Send + 'static) -> Result<(), Cause> {
        let work = move || {
            render_pixels(&spec, &options, Scale::X1).map(|(width, height, rgba)| {
                egui::ColorImage::from_rgba_premultiplied([width as usize, height as usize], &rgba)
            })
        };
        self.copy = Some(Worker::spawn("export", work, wake).map_err(|e| Cause::thread("cannot start the export", e))?);
        Ok(())
    }

    /// Takes what has finished since the last frame, starting the write once a path is chosen.
    /// A finished export becomes the confirmation; one that wrote nothing, its failures.
    pub fn poll(&mut self, wake: impl Fn() + Send + Sync + Clone + 'static) -> Vec<ExportEvent> {
        let mut events = Vec::new();
        let failed = |cause: Cause| ExportEvent::Failed(Failure::new(NoticeKind::Export, cause));
        let stopped = |what: &str| failed(Cause::Crashed { what: what.to_owned(), stopped: true });
        if let Some(choice) = self.dialog.as_mut().and_then(|(dialog, _)| dialog.poll()) {
            let payload = self.dialog.take().map(|(_, payload)| payload);
            if let (Some(path), Some(payload)) = (choice, payload) {
                events.push(ExportEvent::Chosen(path.clone()));
                let progress = Arc::new(ExportProgress::waking(wake.clone()));
                let watched = Arc::clone(&progress);
                match Worker::spawn("export", move || payload.write_watched(&path, &watched), wake) {
                    Ok(job) => {
                        self.job = Some(job);
                        self.progress = Some(progress);
                    }
                    Err(e) => events.push(failed(Cause::thread("cannot start the export", e))),
                }
            }
        }
        if let Some(outcome) = self.job.as_mut().and_then(Worker::poll) {
            self.job = None;
            self.progress = None;
            match outcome {
                // Nothing written: the failures are notices; a partial export is confirmed with
                // its failures listed beside the files written.
                Some(notice) if notice.written.is_empty() && !notice.copied => {
                    events.extend(notice.failed.into_iter().map(|message| failed(Cause::Listed(message))));
                }
                Some(notice) => self.show(notice),
                None => events.push(stopped("the export")),
            }
        }
        if let Some(outcome) = self.copy.as_mut().and_then(Worker::poll) {
            self.copy = None;
            events.push(match outcome {
                Some(Ok(image)) => {
                    self.show(ExportNotice { copied: true, ..ExportNotice::default() });
                    ExportEvent::Copy(image)
                }
                Some(Err(e)) => failed(e.into()),
                None => stopped("the copy"),
            });
        }
        events
    }
}

/// The footnote context of the open survey under `filter`: file name, filter in words and the
/// days analysed (the data's date range narrowed by the filter's dates).
#[must_use]
pub fn figure_context(loaded: &LoadedSurvey, filter: &Filter) -> FigureContext {
    crate::figures::figure_context(&loaded.report, filter.describe(), loaded.survey.date_span(filter))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;

    #[test]
    fn payloads_propose_safe_names_and_write_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let chart = Payload::Chart(Box::new(samples::trend()), ChartFormat::Svg, SvgOptions::default());
        assert_eq!(chart.file_name().as_deref(), Some("trend.svg"));
        let notice = chart.write(&dir.path().join("trend.svg"));
        assert_eq!(notice.written, [dir.path().join("trend.svg")]);
        assert!(notice.failed.is_empty());
        let table = samples::all_tables().remove(0);
        let csv = Payload::Table(table, TableFormat::Csv);
        assert_eq!(csv.file_name().as_deref(), Some("nps-per-regio.csv"));
        let notice = csv.write(&dir.path().join("missing-folder").join("t.csv"));
        assert!(notice.written.is_empty());
        assert!(notice.failed[0].contains("t.csv"), "{:?}", notice.failed);
    }

    #[test]
    fn a_brand_font_that_is_not_installed_is_said_with_the_png_it_did_not_draw() {
        let dir = tempfile::tempdir().unwrap();
        let missing = crate::chart::Brand { font: "No Such Brand Font 7391".to_owned(), ..Default::default() };
        let png =
            Payload::Chart(Box::new(samples::trend()), ChartFormat::Png(Scale::X1), SvgOptions::branded(&missing));
        let notice = png.write(&dir.path().join("trend.png"));
        assert_eq!(notice.written.len(), 1, "{:?}", notice.failed);
        assert_eq!(notice.font_missing.as_deref(), Some("No Such Brand Font 7391"));
        // An SVG only names the font (a viewer with it installed shows it): nothing to say.
        let svg = Payload::Chart(Box::new(samples::trend()), ChartFormat::Svg, SvgOptions::branded(&missing));
        assert_eq!(svg.write(&dir.path().join("trend.svg")).font_missing, None);
        let installed = crate::chart::Brand { font: "DejaVu Sans".to_owned(), ..Default::default() };
        let png =
            Payload::Chart(Box::new(samples::trend()), ChartFormat::Png(Scale::X1), SvgOptions::branded(&installed));
        assert_eq!(png.write(&dir.path().join("trend2.png")).font_missing, None);
    }
}
