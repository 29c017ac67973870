//! Projects in the app: the project made of what is on screen (File › Save project…), a project
//! opened (File › Open project…) and applied to its file or to the next file opened, the invited
//! counts imported from a table, and what to tell the user about each.
//!
//! Owns the project in use, the dialogs asking for project and table paths (through the
//! [`PathChooser`](super::export::PathChooser), so tests answer them) and the project notice. Files are read and written by
//! `project`; nothing here touches polars.

use std::path::{Path, PathBuf};

use super::export::PathQuestion;
use super::failure::{Cause, Failure};
use super::jobs::{FileDialogJob, LoadSource, LoadedSurvey};
use super::notice_list::NoticeKind;
use super::services::Services;
use super::views::ViewSettings;
use crate::i18n::fill;
use crate::i18n::project::ProjectTexts;
use crate::project::{AnalysisChoices, BenchmarkMatch, EXTENSION, Fingerprint, Fit, Project};
use crate::sample::{SAMPLE_CSV, SAMPLE_NAME};
use crate::themes::Codebook;

/// What became of a project applied while loading a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectOutcome {
    /// The file fits: the project's roles were used.
    Applied(Fit),
    /// The file lacks columns the project uses: it was read without the project (the refusal
    /// names them).
    Refused(crate::project::ProjectError),
}

/// What a project did (saved, applied), shown until dismissed; failures go to the window's
/// notices ([`ProjectState::take_failures`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectNotice {
    /// The message.
    pub message: String,
}

/// What a path dialog was opened for.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Asked {
    Save,
    Open,
    Invited(Option<String>),
}

/// The project in use, the dialog open for it and the notice shown.
#[derive(Default)]
pub struct ProjectState {
    /// The project in use (opened or saved last) and its file.
    current: Option<(Project, PathBuf)>,
    dialog: Option<(Asked, FileDialogJob)>,
    notice: Option<ProjectNotice>,
    failures: Vec<Failure>,
}

/// What the user asks of projects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectCommand {
    /// Ask where to save the project of the screen, and save it: what the File menu's Save
    /// project entry and Ctrl+S dispatch (offered while `NpsApp::can_save_project`).
    Save,
    /// Ask which project to open, and open its file with it.
    Open,
    /// Ask for a table of invited counts and use it (for this segment column; `None`: the
    /// column its header names).
    ImportInvited(Option<String>),
    /// Hide the project notice.
    DismissNotice,
}

/// What the app does once a dialog answered.
pub enum ProjectStep {
    /// Save the project of the screen to this path.
    Save(PathBuf),
    /// Load this project's file (or the sample) with the project (and its file name).
    Load(LoadSource, Box<Project>, String),
    /// Set these invited counts.
    Invited(crate::analysis::Invited),
}

/// The project of the screen: how `loaded` was read, the view settings, the codebook.
#[must_use]
pub fn project_of(
    loaded: &LoadedSurvey,
    views: &ViewSettings,
    drivers: &crate::project::DriverChoices,
    codebook: &Codebook,
) -> Project {
    let (path, fingerprint) = match &loaded.source {
        LoadSource::Sample => (PathBuf::from(SAMPLE_NAME), Fingerprint::of_bytes(SAMPLE_CSV)),
        // An absolute path, so that the project finds its file from any folder it is opened in.
        LoadSource::File(path) => {
            (std::path::absolute(path).unwrap_or_else(|_| path.clone()), Fingerprint::of_file(path).unwrap_or_default())
        }
    };
    let report = &loaded.report;
    let mut project = Project::of_roles(
        &path,
        fingerprint,
        &report.columns.roles,
        report.source.sheet.clone(),
        loaded.options.no_weight,
    );
    project.read.score_scale_confirmed = loaded.options.score_scale == crate::import::ScaleCheck::Confirmed;
    let mut breakdowns = Vec::new();
    // The column shown first, chosen or not: a two-way breakdown picked only through "and by"
    // stands on the column the view showed by itself.
    let survey = &loaded.survey;
    let second = views.second.as_ref().filter(|s| survey.segment(s).is_some());
    let first = match (&views.segment, second) {
        (Some(first), _) => Some(first.clone()),
        // Not chosen: saved only as the ground of a two-way breakdown on another column.
        (None, Some(second)) => views.segment_column(survey).filter(|shown| shown != second),
        (None, None) => None,
    };
    if let Some(first) = first {
        breakdowns.push(vec![first.clone()]);
        if let Some(second) = second.filter(|s| **s != first) {
            breakdowns.push(vec![first, second.clone()]);
        }
    }
    project.analysis = AnalysisChoices {
        filter: views.filter.clone(),
        breakdowns,
        trend_period: views.period,
        hide_small: views.hide_small,
        two_way_bars: views.two_way_bars,
        trend_by: views.trend_by.clone().filter(|c| survey.segment(c).is_some()),
        sort: (views.sort != super::SortKey::default()).then(|| views.sort.id().to_owned()),
        descending: views.descending,
        overall_benchmark: views.overall_benchmark.clone(),
        benchmark_matches: BenchmarkMatch::list(&views.matches),
        drivers: crate::project::DriverChoices {
            by: drivers.by.clone().filter(|c| survey.segment(c).is_some()),
            ..drivers.clone()
        },
    };
    project.context = views.context.clone();
    project.brand = views.brand.clone();
    project.weighting.clone_from(&loaded.weighting);
    project.remember_codebook(crate::themes::Preset::of(codebook), codebook);
    project
}

/// The view settings a project asks for, showing `view`.
#[must_use]
pub fn views_of(project: &Project, view: super::View) -> ViewSettings {
    let a = &project.analysis;
    ViewSettings {
        view,
        filter: a.filter.clone(),
        segment: a.breakdowns.first().and_then(|b| b.first()).cloned(),
        second: a.breakdowns.iter().find(|b| b.len() == 2).map(|b| b[1].clone()),
        period: a.trend_period,
        hide_small: a.hide_small,
        two_way_bars: a.two_way_bars,
        trend_by: a.trend_by.clone(),
        sort: a.sort.as_deref().and_then(super::SortKey::from_id).unwrap_or_default(),
        descending: a.descending,
        context: project.context.clone(),
        overall_benchmark: a.overall_benchmark.clone(),
        matches: BenchmarkMatch::pairs(&a.benchmark_matches),
        brand: project.brand.clone(),
        ..ViewSettings::default()
    }
}

impl ProjectState {
    /// The project in use and its file.
    #[must_use]
    pub fn current(&self) -> Option<(&Project, &Path)> {
        self.current.as_ref().map(|(p, path)| (p, path.as_path()))
    }

    /// The project to apply to the next file loaded, with its file name.
    #[must_use]
    pub fn to_apply(&self) -> Option<(Project, String)> {
        self.current.as_ref().map(|(p, path)| (p.clone(), crate::import::display_name(path)))
    }

    /// The notice shown.
    #[must_use]
    pub fn notice(&self) -> Option<&ProjectNotice> {
        self.notice.as_ref()
    }

    /// Hides the notice.
    pub fn dismiss(&mut self) {
        self.notice = None;
    }

    /// Whether a project dialog is open.
    #[must_use]
    pub fn is_asking(&self) -> bool {
        self.dialog.is_some()
    }

    /// Carries out a project command with the survey shown (`None`: nothing to save).
    pub fn apply(&mut self, command: ProjectCommand, loaded: Option<&LoadedSurvey>, services: &Services) {
        let p = ProjectTexts::of(services.language);
        match command {
            ProjectCommand::Save => match loaded {
                Some(loaded) => self.ask_save(loaded, services),
                None => self.failed(NoticeKind::ProjectSave, Cause::Invalid(p.nothing_to_save.to_owned())),
            },
            ProjectCommand::Open => self.ask_open(services),
            ProjectCommand::ImportInvited(column) => self.ask_invited(column, services),
            ProjectCommand::DismissNotice => self.dismiss(),
        }
    }

    /// The failures since last asked, for the window's notices.
    pub fn take_failures(&mut self) -> Vec<Failure> {
        std::mem::take(&mut self.failures)
    }

    /// Asks where to save the project (proposing the current project's name, else the file's).
    fn ask_save(&mut self, loaded: &LoadedSurvey, services: &Services) {
        let p = ProjectTexts::of(services.language);
        let (folder, name) = match &self.current {
            Some((_, path)) => (path.parent().map(PathBuf::from), crate::import::display_name(path)),
            None => {
                let stem = loaded.source.display_name();
                let stem =
                    Path::new(&stem).file_stem().map_or_else(|| "survey".into(), |s| s.to_string_lossy().into_owned());
                let folder = match &loaded.source {
                    LoadSource::File(path) => path.parent().map(PathBuf::from),
                    LoadSource::Sample => None,
                };
                (folder, format!("{stem}.{EXTENSION}"))
            }
        };
        let question =
            PathQuestion { title: title(p.save_project), folder, file_name: Some(name), open: None, kind: None };
        self.ask(Asked::Save, question, services, NoticeKind::ProjectSave);
    }

    /// Asks which project to open.
    fn ask_open(&mut self, services: &Services) {
        let p = ProjectTexts::of(services.language);
        let question = PathQuestion {
            title: title(p.open_project),
            folder: services.folder.clone(),
            file_name: None,
            open: Some(vec![EXTENSION]),
            kind: None,
        };
        self.ask(Asked::Open, question, services, NoticeKind::ProjectOpen);
    }

    /// Asks which table of invited counts to import, for the segment column `column` (`None`:
    /// the column the table's header names).
    fn ask_invited(&mut self, column: Option<String>, services: &Services) {
        let p = ProjectTexts::of(services.language);
        let extensions = vec!["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"];
        let question = PathQuestion {
            title: title(p.invited_import),
            folder: None,
            file_name: None,
            open: Some(extensions),
            kind: None,
        };
        self.ask(Asked::Invited(column), question, services, NoticeKind::InvitedImport);
    }

    fn ask(&mut self, asked: Asked, question: PathQuestion, services: &Services, failed: NoticeKind) {
        if self.dialog.is_some() {
            return;
        }
        match FileDialogJob::ask(&services.chooser, question, services.waker()) {
            Ok(job) => self.dialog = Some((asked, job)),
            Err(cause) => self.failed(failed, cause),
        }
    }

    /// Takes a dialog's answer: what to do next, if anything (problems become the notice).
    pub fn poll(&mut self, p: &ProjectTexts) -> Option<ProjectStep> {
        let choice = self.dialog.as_mut().and_then(|(_, job)| job.poll())?;
        let (asked, _) = self.dialog.take()?;
        let path = choice?;
        match asked {
            Asked::Save => Some(ProjectStep::Save(path)),
            Asked::Open => self.open(&path),
            Asked::Invited(column) => match crate::project::invited::read_invited_file(&path) {
                Ok(table) => match column.or(table.column) {
                    Some(column) => Some(ProjectStep::Invited(crate::analysis::Invited {
                        total: None,
                        by_column: Some(column),
                        by_value: table.counts,
                    })),
                    None => {
                        self.failed(
                            NoticeKind::InvitedImport,
                            Cause::Invalid(format!("{}: {}", crate::import::display_name(&path), p.invited_hint)),
                        );
                        None
                    }
                },
                Err(e) => {
                    self.failed(NoticeKind::InvitedImport, e);
                    None
                }
            },
        }
    }

    /// Reads the project at `path` and makes it the project in use: what to load with it (its
    /// file, or the sample for a project made on the sample).
    pub fn open(&mut self, path: &Path) -> Option<ProjectStep> {
        match Project::read(path) {
            Ok(project) => {
                let name = crate::import::display_name(path);
                let input = project.input_path(path);
                let source = if input == Path::new(SAMPLE_NAME) { LoadSource::Sample } else { LoadSource::File(input) };
                self.current = Some((project.clone(), path.to_path_buf()));
                Some(ProjectStep::Load(source, Box::new(project), name))
            }
            Err(e) => {
                self.failed(NoticeKind::ProjectOpen, e);
                None
            }
        }
    }

    /// Writes `project` to `path` and makes it the project in use.
    pub fn save(&mut self, project: Project, path: PathBuf, p: &ProjectTexts) {
        match project.write(&path) {
            Ok(()) => {
                self.notice =
                    Some(ProjectNotice { message: fill(p.project_saved, &[("file", &path.display().to_string())]) });
                self.current = Some((project, path));
            }
            Err(e) => self.failed(NoticeKind::ProjectSave, e),
        }
    }

    /// Tells what applying the project to `file` did; a refusal drops the project.
    pub fn loaded(&mut self, outcome: &ProjectOutcome, file: &str, p: &ProjectTexts) {
        let name = self.current.as_ref().map(|(_, path)| crate::import::display_name(path)).unwrap_or_default();
        match outcome {
            ProjectOutcome::Applied(fit) => {
                let mut message = if fit.same_contents {
                    fill(p.project_same_file, &[("project", &name)])
                } else {
                    fill(p.project_applied, &[("project", &name), ("file", file), ("made_on", &fit.made_on)])
                };
                if !fit.new_columns.is_empty() {
                    message.push(' ');
                    message.push_str(&fill(p.project_new_columns, &[("columns", &fit.new_columns.join(", "))]));
                }
                self.notice = Some(ProjectNotice { message });
            }
            ProjectOutcome::Refused(refusal) => {
                self.current = None;
                // The notice that the project was applied no longer holds.
                self.notice = None;
                self.failed(NoticeKind::ProjectRefused, refusal.clone());
            }
        }
    }

    /// Keeps a failure for the window's notices ([`Self::take_failures`]).
    pub fn failed(&mut self, kind: NoticeKind, cause: impl Into<Cause>) {
        self.failures.push(Failure::new(kind, cause));
    }
}

fn title(label: &str) -> String {
    label.trim_end_matches('…').to_owned()
}
