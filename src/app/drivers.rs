//! The Drivers view's state: what the key driver analysis is asked for (the complaint themes as
//! drivers or not, missing answers listwise or pairwise, per the values of a segment column or
//! not), the analysis computed on the "drivers" thread for the survey and filter shown, and its
//! result, kept until something it depends on changes.
//!
//! Owns the view's choices and job; the statistics are `analysis::drivers`' and the figures
//! `figures`'.

use std::sync::Arc;

use super::failure::{Cause, Failure};
use super::jobs::{LoadedSurvey, Worker};
use super::notice_list::NoticeKind;
use crate::analysis::drivers::{DriverAnalysis, driver_analysis, driver_analysis_by};
use crate::analysis::{Filter, ThemeTags};
use crate::stats::drivers::{DriverOptions, Missing, Model};
use crate::themes::Language;

/// What the user asked of the analysis: what a project saves.
pub type DriversChoice = crate::project::DriverChoices;

/// What the Drivers view asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriversCommand {
    /// Take the themes as drivers, or not.
    Themes(bool),
    /// Pairwise (true) or listwise.
    Pairwise(bool),
    /// Being a promoter (true) or the score.
    Promoter(bool),
    /// Per value of this column, or not.
    By(Option<String>),
}

/// Everything an analysis depends on: a change of any of it computes it again.
#[derive(Debug, Clone, PartialEq)]
pub struct DriversKey {
    /// The survey analysed.
    pub survey: u64,
    filter: Filter,
    choice: DriversChoice,
    /// The codebook version of the comment tags used, with themes only.
    tags: Option<u64>,
    /// The language of the theme names.
    language: Language,
}

impl DriversKey {
    /// Whether the analysis is of `survey` under `filter`.
    #[must_use]
    pub fn is_for(&self, survey: u64, filter: &Filter) -> bool {
        self.survey == survey && self.filter == *filter
    }
}

/// A finished analysis and what it was computed for.
#[derive(Debug, Clone)]
pub struct DriversResult {
    /// What was asked.
    pub key: DriversKey,
    /// Everyone the filter keeps.
    pub overall: Arc<DriverAnalysis>,
    /// Each value of the column asked, with its analysis or why there is none.
    pub segments: Arc<Vec<(String, Result<DriverAnalysis, String>)>>,
    /// The column of `segments`.
    pub by: Option<String>,
}

/// What the "drivers" thread gives back.
type DriversOutcome = Result<(DriverAnalysis, Vec<(String, Result<DriverAnalysis, String>)>), String>;

/// The Drivers view's state.
#[derive(Default)]
pub struct DriversState {
    /// What is asked.
    pub choice: DriversChoice,
    job: Option<(DriversKey, Worker<DriversOutcome>)>,
    result: Option<DriversResult>,
    /// The last analysis that failed and why: not asked again until something changes.
    failed: Option<(DriversKey, String)>,
    wanted: Option<DriversKey>,
    /// The themes are asked for and the comments are being read.
    waiting: bool,
}

impl std::fmt::Debug for DriversState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DriversState").field("choice", &self.choice).field("busy", &self.busy()).finish_non_exhaustive()
    }
}

impl DriversState {
    /// Takes a command of the view.
    pub fn apply(&mut self, command: DriversCommand) {
        match command {
            DriversCommand::Themes(on) => self.choice.themes = on,
            DriversCommand::Pairwise(on) => self.choice.pairwise = on,
            DriversCommand::Promoter(on) => self.choice.promoter = on,
            DriversCommand::By(column) => self.choice.by = column,
        }
    }

    /// Whether an analysis is being computed.
    #[must_use]
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// The result for what is asked now (never one for another filter or choice).
    #[must_use]
    pub fn current_result(&self) -> Option<&DriversResult> {
        self.result.as_ref().filter(|r| Some(&r.key) == self.wanted.as_ref())
    }

    /// Why what is asked now cannot be analysed.
    #[must_use]
    pub fn current_error(&self) -> Option<&str> {
        self.failed.as_ref().filter(|(k, _)| Some(k) == self.wanted.as_ref()).map(|(_, e)| e.as_str())
    }

    /// Whether the themes are asked for but the comments are still being read.
    #[must_use]
    pub fn waiting_for_comments(&self) -> bool {
        self.waiting
    }

    /// Takes a finished analysis and starts the one `loaded`, `filter` and the choice ask for:
    /// every frame while the view is shown. `tags` are this survey's comment themes with their
    /// codebook version (labels in `language`), and whether they are still being read.
    pub fn refresh(
        &mut self,
        loaded: &LoadedSurvey,
        filter: &Filter,
        (tags, reading): (Option<(&Arc<ThemeTags>, u64)>, bool),
        language: Language,
        wake: impl Fn() + Send + 'static,
    ) -> Option<Failure> {
        if let Some((key, mut job)) = self.job.take() {
            match job.poll() {
                None => self.job = Some((key, job)),
                Some(Some(Ok((overall, segments)))) => {
                    let by = key.choice.by.clone();
                    self.result =
                        Some(DriversResult { key, overall: Arc::new(overall), segments: Arc::new(segments), by });
                }
                Some(Some(Err(message))) => self.failed = Some((key, message)),
                Some(None) => {
                    self.failed = Some((key, "the analysis stopped unexpectedly".to_owned()));
                    let cause = Cause::Crashed { what: "the key driver analysis".to_owned(), stopped: true };
                    return Some(Failure::new(NoticeKind::Analysis, cause));
                }
            }
        }
        let tags = if self.choice.themes { tags.map(|(t, version)| (Arc::clone(t), version)) } else { None };
        self.waiting = self.choice.themes && tags.is_none() && reading;
        if self.waiting {
            // The comments are still being read: asked once they are.
            self.wanted = None;
            return None;
        }
        // Without comments (or with their reading stopped) the themes are left out.
        let themes_used = tags.is_some();
        // A column the survey no longer has is not asked for.
        let by = self.choice.by.clone().filter(|c| loaded.survey.segment(c).is_some());
        let choice = DriversChoice { by, themes: themes_used, ..self.choice.clone() };
        let key = DriversKey {
            survey: loaded.survey.id(),
            filter: filter.clone(),
            choice: choice.clone(),
            tags: tags.as_ref().map(|(_, version)| *version),
            language,
        };
        self.wanted = Some(key.clone());
        let done = self.result.as_ref().is_some_and(|r| r.key == key)
            || self.failed.as_ref().is_some_and(|(failed, _)| *failed == key);
        if done || self.job.is_some() {
            return None;
        }
        let survey = Arc::clone(&loaded.survey);
        let filter = filter.clone();
        // The logistic model leaves missing answers out listwise only.
        let options = DriverOptions {
            model: if choice.promoter { Model::Logistic } else { Model::Linear },
            missing: if choice.pairwise && !choice.promoter { Missing::Pairwise } else { Missing::Listwise },
            ..DriverOptions::default()
        };
        let work = move || -> DriversOutcome {
            let themes = tags.as_ref().map(|(t, _)| (t.as_ref(), language));
            let overall = driver_analysis(&survey, &filter, themes, &options).map_err(|e| e.to_string())?;
            let segments = match &choice.by {
                Some(column) => driver_analysis_by(&survey, &filter, column, themes, &options)
                    .map_err(|e| e.to_string())?
                    .into_iter()
                    .map(|(value, result)| (value, result.map_err(|e| e.to_string())))
                    .collect(),
                None => Vec::new(),
            };
            Ok((overall, segments))
        };
        match Worker::spawn("drivers", work, wake) {
            Ok(worker) => self.job = Some((key, worker)),
            Err(e) => return Some(Failure::new(NoticeKind::Analysis, Cause::thread("cannot start the analysis", e))),
        }
        None
    }
}
