//! What the analysis views show and the job that computes it: the view chosen, the filter, the
//! breakdown columns, the trend period, sorting and the selection behind the Responses view.
//!
//! Every change makes a [`ViewRequest`]; when it differs from the one last computed, a
//! [`ComputeJob`] recomputes all views on the "compute" thread, so the window never waits.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::{self, AnalysisError, Filter, Period, Survey};
use crate::app::failure::{Cause, Failure};
use crate::app::jobs::Worker;
use crate::app::notice_list::NoticeKind;
use crate::benchmarks::{Benchmark, DataContext};
use crate::chart::Tone;
use crate::report::BreakdownRow;
use crate::report::{BenchmarkChoice, ViewRequest, ViewResults, compute_views};

/// The analysis views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum View {
    /// KPI cards and the distribution.
    #[default]
    Overview,
    /// NPS per segment.
    Segments,
    /// NPS over time.
    Trend,
    /// This wave against the previous one.
    Compare,
    /// What moves the score: key drivers.
    Drivers,
    /// The rows behind the current selection.
    Responses,
    /// Sectors against published benchmarks.
    Benchmarks,
    /// What the comments talk about.
    Themes,
}

/// Which answers the Responses view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScoreGroup {
    /// 0-6: the follow-up list.
    Detractors,
    /// 7-8.
    Passives,
    /// 9-10.
    Promoters,
}

impl ScoreGroup {
    /// Whether a 0-10 answer belongs to the group.
    #[must_use]
    pub fn contains(self, score: u8) -> bool {
        let tone = match self {
            Self::Detractors => Tone::Detractor,
            Self::Passives => Tone::Passive,
            Self::Promoters => Tone::Promoter,
        };
        score <= 10 && Tone::of_score(usize::from(score)) == tone
    }

    /// The lowest and highest answer of the group.
    #[must_use]
    pub fn range(self) -> (u8, u8) {
        let mut scores = (0..=10u8).filter(|&s| self.contains(s));
        let low = scores.next().unwrap_or(0);
        (low, scores.next_back().unwrap_or(low))
    }
}

/// How the Segments table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortKey {
    /// By value, A-Z.
    #[default]
    Value,
    /// By number of answers.
    N,
    /// By NPS.
    Nps,
    /// By difference with the rest.
    Difference,
}

impl SortKey {
    /// Every key, with its id in project files.
    const IDS: [(Self, &'static str); 4] =
        [(Self::Value, "value"), (Self::N, "n"), (Self::Nps, "nps"), (Self::Difference, "difference")];

    /// The key's id in project files.
    #[must_use]
    pub fn id(self) -> &'static str {
        Self::IDS.iter().find(|(k, _)| *k == self).map_or("value", |(_, id)| id)
    }

    /// The key of an id (`None` for an id this version does not know).
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::IDS.iter().find(|(_, i)| *i == id).map(|(k, _)| *k)
    }
}

/// What the user asks of the views.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewCommand {
    /// Show one of the analysis views.
    SetView(View),
    /// Replace the filter applied to every view.
    SetFilter(Filter),
    /// Break down by this column (`None`: the default column).
    SetSegment(Option<String>),
    /// Add a second column for a two-way breakdown (`None`: one-way).
    SetSecond(Option<String>),
    /// Trend period (`None`: automatic).
    SetPeriod(Option<Period>),
    /// Hide segments under 30 answers.
    SetHideSmall(bool),
    /// Show a two-way breakdown as bars (`true`) or as a matrix.
    SetTwoWayBars(bool),
    /// Draw a trend line per value of this segment column (`None`: the overall trend only).
    SetTrendBy(Option<String>),
    /// Sort the Segments table by this key (again: reverse).
    SortBy(SortKey),
    /// List the responses of one segment (column, value), or of every kept row.
    ShowResponses(Option<(String, String)>),
    /// List the responses mentioning this theme (id), under the filter.
    ShowThemeResponses(String),
    /// Show this theme's quotes in the Themes view (`None`: the first theme).
    SelectTheme(Option<String>),
    /// List only detractors, passives or promoters (`None`: all).
    SetResponseGroup(Option<ScoreGroup>),
    /// Set the data's region and audience.
    SetContext(DataContext),
    /// Compare the overall NPS with this benchmark id (`None`: no comparison).
    SetOverallBenchmark(Option<String>),
    /// Compare a sector value with this benchmark id (`-` for none).
    SetMatch(String, String),
}

/// What a view command asks of the window besides the views themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewOutcome {
    /// Nothing more.
    Done,
    /// The user chose this view: remember it for the next start.
    Chosen(View),
    /// Show the analysis screen (the Responses view was asked for from elsewhere).
    ShowAnalysis,
}

/// Everything the user chose about the views; saved with a project as plain data.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewSettings {
    /// The view shown.
    pub view: View,
    /// Rows kept in every view.
    pub filter: Filter,
    /// The breakdown column (default: the sector column, else the first segment column).
    pub segment: Option<String>,
    /// A second column for a two-way breakdown.
    pub second: Option<String>,
    /// The trend period (`None`: chosen from the date range).
    pub period: Option<Period>,
    /// Hide segments with fewer than 30 answers.
    pub hide_small: bool,
    /// Show a two-way breakdown as bars rather than as a matrix.
    pub two_way_bars: bool,
    /// A segment column whose values get a trend line each.
    pub trend_by: Option<String>,
    /// Sort of the Segments table.
    pub sort: SortKey,
    /// Sort descending.
    pub descending: bool,
    /// The segment whose responses are listed (column, value); `None` lists every kept row.
    pub selection: Option<(String, String)>,
    /// The Responses view lists only the rows mentioning this theme (id), under the filter.
    pub theme_selection: Option<String>,
    /// The theme whose quotes the Themes view shows (id; `None`: the first).
    pub theme: Option<String>,
    /// Only these answers in the Responses view (`None`: all).
    pub group: Option<ScoreGroup>,
    /// The data's region and audience, for benchmark warnings.
    pub context: DataContext,
    /// A benchmark (id) for the overall NPS.
    pub overall_benchmark: Option<String>,
    /// Sector value to benchmark id, where the user changed the match (`-` for none).
    pub matches: Vec<(String, String)>,
    /// How the exports look for the client (Report details), saved with the project.
    pub brand: crate::chart::Brand,
}

impl ViewSettings {
    /// Carries out a view command.
    pub fn apply(&mut self, command: ViewCommand) -> ViewOutcome {
        match command {
            ViewCommand::SetView(view) => {
                self.view = view;
                return ViewOutcome::Chosen(view);
            }
            ViewCommand::SetFilter(filter) => self.filter = filter,
            ViewCommand::SetSegment(column) => {
                self.segment = column;
                self.second = None;
            }
            ViewCommand::SetSecond(column) => self.second = column,
            ViewCommand::SetPeriod(period) => self.period = period,
            ViewCommand::SetHideSmall(hide) => self.hide_small = hide,
            ViewCommand::SetTwoWayBars(bars) => self.two_way_bars = bars,
            ViewCommand::SetTrendBy(column) => self.trend_by = column,
            ViewCommand::SortBy(key) => {
                self.descending = if self.sort == key { !self.descending } else { key != SortKey::Value };
                self.sort = key;
            }
            ViewCommand::ShowResponses(selection) => {
                self.theme_selection = None;
                self.selection = selection;
                self.view = View::Responses;
                return ViewOutcome::ShowAnalysis;
            }
            ViewCommand::ShowThemeResponses(theme) => {
                self.selection = None;
                self.group = None;
                self.theme_selection = Some(theme);
                self.view = View::Responses;
                return ViewOutcome::ShowAnalysis;
            }
            ViewCommand::SelectTheme(theme) => self.theme = theme,
            ViewCommand::SetResponseGroup(group) => self.group = group,
            ViewCommand::SetContext(context) => self.context = context,
            ViewCommand::SetOverallBenchmark(id) => self.overall_benchmark = id,
            ViewCommand::SetMatch(value, id) => {
                self.matches.retain(|(v, _)| *v != value);
                self.matches.push((value, id));
            }
        }
        ViewOutcome::Done
    }

    /// Every breakdown's rows as the Segments view shows them (sorted, small ones hidden as set),
    /// breakdowns in their first-seen order: what Export all writes.
    #[must_use]
    pub fn shown_rows(&self, rows: &[BreakdownRow]) -> Vec<BreakdownRow> {
        let mut columns: Vec<&str> = Vec::new();
        for row in rows {
            if !columns.contains(&row.column.as_str()) {
                columns.push(&row.column);
            }
        }
        columns
            .iter()
            .flat_map(|column| match self.is_matrix(column) {
                true => self.matrix_rows(rows, column),
                false => self.sorted_rows(rows, column),
            })
            .cloned()
            .collect()
    }

    /// Whether breakdown `column` is shown as a matrix: a two-way one, unless bars were chosen.
    #[must_use]
    pub fn is_matrix(&self, column: &str) -> bool {
        column.contains(" \u{d7} ") && !self.two_way_bars
    }

    /// The cells of a two-way breakdown in the engine's order (each column's values in their own
    /// order), small ones included: the matrix lays its axes out from them and leaves small
    /// cells blank itself when they are hidden.
    #[must_use]
    pub fn matrix_rows<'a>(&self, rows: &'a [BreakdownRow], column: &str) -> Vec<&'a BreakdownRow> {
        rows.iter().filter(|r| r.column == column).collect()
    }

    /// The rows of one breakdown column, sorted as chosen, small ones hidden as set.
    #[must_use]
    pub fn sorted_rows<'a>(&self, rows: &'a [BreakdownRow], column: &str) -> Vec<&'a BreakdownRow> {
        let mut rows: Vec<&BreakdownRow> =
            rows.iter().filter(|r| r.column == column && !(self.hide_small && r.small_n)).collect();
        rows.sort_by(|a, b| {
            let order = match self.sort {
                SortKey::Value => a.value.cmp(&b.value),
                SortKey::N => a.summary.n.cmp(&b.summary.n),
                SortKey::Nps => a.summary.nps.total_cmp(&b.summary.nps),
                SortKey::Difference => {
                    a.difference_vs_rest.unwrap_or(0.0).total_cmp(&b.difference_vs_rest.unwrap_or(0.0))
                }
            };
            if self.descending { order.reverse() } else { order }
        });
        rows
    }

    /// The breakdown column in use.
    #[must_use]
    pub fn segment_column(&self, survey: &Survey) -> Option<String> {
        let exists = |name: &String| survey.segment(name).is_some();
        self.segment.clone().filter(exists).or_else(|| {
            survey.segments.iter().find(|s| s.is_sector).or_else(|| survey.segments.first()).map(|s| s.name.clone())
        })
    }

    /// The trend period in use.
    #[must_use]
    pub fn period(&self, survey: &Survey) -> Option<Period> {
        Self::automatic_period(survey).map(|automatic| self.period.unwrap_or(automatic))
    }

    /// The period the dates' span gives when the user chooses none (`None` without dates).
    #[must_use]
    pub fn automatic_period(survey: &Survey) -> Option<Period> {
        if !survey.has_dates() {
            return None;
        }
        let span = survey.date_range().map_or(0, |(first, last)| last - first);
        Some(Period::automatic(span))
    }

    /// What to compute for these settings.
    #[must_use]
    pub fn request(&self, survey: &Survey, library_version: u64) -> ViewRequest {
        let mut by = Vec::new();
        if let Some(first) = self.segment_column(survey) {
            by.push(vec![first.clone()]);
            if let Some(second) = self.second.clone().filter(|s| *s != first && survey.segment(s).is_some()) {
                by.push(vec![first, second]);
            }
        }
        let benchmarks = BenchmarkChoice {
            sector_column: survey.segments.iter().find(|s| s.is_sector).map(|s| s.name.clone()),
            context: self.context.clone(),
            overall: self.overall_benchmark.clone(),
            matches: self.matches.clone(),
            library_version,
        };
        let trend_by = self.trend_by.clone().filter(|c| survey.segment(c).is_some());
        ViewRequest { by, trend: self.period(survey), trend_by, filter: self.filter.clone(), benchmarks }
    }
}

/// Results of one computation, with what they were computed for.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    /// The request.
    pub request: ViewRequest,
    /// The selection the response list follows.
    pub selection: Option<(String, String)>,
    /// The score group the response list follows.
    pub group: Option<ScoreGroup>,
    /// Every view's figures.
    pub results: ViewResults,
    /// Rows (positions in the survey) with a valid answer behind the filter and selection,
    /// ascending; shared so that a view can tell cheaply whether it changed.
    pub responses: Arc<[u32]>,
    /// Why the views could not be computed (an internal error).
    pub error: Option<AnalysisError>,
}

/// The `(column, value)` conditions of a selection: one for a segment, two for a two-way cell
/// (`region × channel`, `North × Web`).
fn selection_conditions(survey: &Survey, selection: Option<&(String, String)>) -> Vec<(String, String)> {
    let Some((column, value)) = selection else { return Vec::new() };
    if survey.segment(column).is_some() {
        return vec![(column.clone(), value.clone())];
    }
    // A two-way cell: the pair of segment columns whose names make up `column`, and the pair of
    // their values that make up `value` (a name or value may hold " × " itself).
    for a in &survey.segments {
        let Some(b) = column.strip_prefix(&format!("{} × ", a.name)).and_then(|rest| survey.segment(rest)) else {
            continue;
        };
        for label in &a.labels {
            if let Some(rest) = value.strip_prefix(&format!("{label} × "))
                && b.labels.iter().any(|l| l == rest)
            {
                return vec![(a.name.clone(), label.clone()), (b.name.clone(), rest.to_owned())];
            }
        }
    }
    // A selection that is neither keeps nothing rather than everything.
    vec![(column.clone(), value.clone())]
}

/// Computes `request` on `survey`: every view, and the rows behind `selection`.
#[must_use]
pub fn compute(
    survey: &Survey,
    request: &ViewRequest,
    selection: Option<&(String, String)>,
    group: Option<ScoreGroup>,
    library: &[Benchmark],
) -> Computed {
    Computed::of(survey, request, selection, group, compute_views(survey, request, library))
}

impl Computed {
    /// The views' `results` of `request` (computed already, as by the load), with the rows
    /// behind `selection`.
    #[must_use]
    pub fn of(
        survey: &Survey,
        request: &ViewRequest,
        selection: Option<&(String, String)>,
        group: Option<ScoreGroup>,
        results: Result<ViewResults, AnalysisError>,
    ) -> Self {
        let conditions = selection_conditions(survey, selection);
        let responses = analysis::responses(survey, &request.filter, &conditions, group.map(ScoreGroup::range));
        let error = results.as_ref().err().or(responses.as_ref().err()).cloned();
        Self {
            request: request.clone(),
            selection: selection.cloned(),
            group,
            results: results.unwrap_or_default(),
            responses: responses.unwrap_or_default().into(),
            error,
        }
    }
}

/// The views' figures: the last ones computed and the computation under way, kept in step with
/// the view settings.
#[derive(Default)]
pub struct ComputeState {
    computed: Option<Computed>,
    job: Option<ComputeJob>,
}

impl ComputeState {
    /// The figures computed last, if any.
    #[must_use]
    pub fn computed(&self) -> Option<&Computed> {
        self.computed.as_ref()
    }

    /// Whether a computation is under way.
    #[must_use]
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    /// A new survey was loaded: its first figures, computed with the load, replace the old
    /// ones, and a computation under way for the old survey is dropped.
    pub fn loaded(&mut self, first: Option<Computed>) {
        self.computed = first;
        self.job = None;
    }

    /// Takes a finished computation, and starts one when `settings` ask for figures neither
    /// computed nor under way: every frame. Returns what went wrong, for the app's notices.
    pub fn refresh(
        &mut self,
        survey: &Arc<Survey>,
        library: &Arc<Vec<Benchmark>>,
        settings: &ViewSettings,
        library_version: u64,
        wake: impl Fn() + Send + 'static,
    ) -> Vec<Failure> {
        let mut problems = Vec::new();
        let failed = |cause: Cause| Failure::new(NoticeKind::Analysis, cause);
        if let Some(outcome) = self.job.as_mut().and_then(ComputeJob::poll) {
            self.job = None;
            match outcome {
                Some(computed) => {
                    problems.extend(computed.error.clone().map(|e| failed(e.into())));
                    self.computed = Some(computed);
                }
                None => problems.push(failed(Cause::Crashed { what: "computing the views".into(), stopped: true })),
            }
        }
        let request = settings.request(survey, library_version);
        let (selection, group) = (settings.selection.clone(), settings.group);
        let same = |r: &ViewRequest, s: &Option<(String, String)>, g: Option<ScoreGroup>| {
            *r == request && *s == selection && g == group
        };
        let up_to_date = self.computed.as_ref().is_some_and(|c| same(&c.request, &c.selection, c.group));
        let under_way = self.job.as_ref().is_some_and(|j| same(&j.request, &j.selection, j.group));
        if up_to_date || under_way {
            return problems;
        }
        match ComputeJob::start(Arc::clone(survey), Arc::clone(library), request, selection, group, wake) {
            Ok(job) => self.job = Some(job),
            Err(cause) => problems.push(failed(cause)),
        }
        problems
    }
}

/// A computation on the "compute" thread.
pub struct ComputeJob {
    /// What is being computed.
    pub request: ViewRequest,
    /// For which selection.
    pub selection: Option<(String, String)>,
    /// For which score group.
    pub group: Option<ScoreGroup>,
    worker: Worker<Computed>,
}

impl ComputeJob {
    /// Starts computing; `wake` repaints the window when done.
    pub fn start(
        survey: Arc<Survey>,
        library: Arc<Vec<Benchmark>>,
        request: ViewRequest,
        selection: Option<(String, String)>,
        group: Option<ScoreGroup>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, Cause> {
        let job_request = request.clone();
        let job_selection = selection.clone();
        let work = move || compute(&survey, &job_request, job_selection.as_ref(), group, &library);
        let worker =
            Worker::spawn("compute", work, wake).map_err(|e| Cause::thread("cannot start the computation", e))?;
        Ok(Self { request, selection, group, worker })
    }

    /// The results, once ready; `Some(None)` when the thread died.
    #[must_use]
    pub fn poll(&mut self) -> Option<Option<Computed>> {
        self.worker.poll()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SurveyColumns;
    use crate::import::ExclusionReason;

    #[test]
    fn a_two_way_selection_finds_its_columns_and_values_even_when_they_hold_the_separator() {
        let columns = SurveyColumns {
            row_numbers: vec![2, 3, 4],
            scores: vec![Ok(9), Ok(3), Ok(7)],
            score_name: "nps".into(),
            segments: vec![
                ("plan × tier".into(), false, vec!["A × B".into(), "C".into()], vec![0, 1, 0]),
                ("channel".into(), false, vec!["Web".into(), "Shop × Web".into()], vec![1, 0, 0]),
            ],
            ..SurveyColumns::default()
        };
        let survey = Survey::from_generated(columns, "pairs.csv").unwrap();
        let pair = |c: &str, v: &str| (c.to_owned(), v.to_owned());
        let cell = pair("plan × tier × channel", "A × B × Shop × Web");
        assert_eq!(
            selection_conditions(&survey, Some(&cell)),
            [pair("plan × tier", "A × B"), pair("channel", "Shop × Web")]
        );
        // One column whose name holds the separator is a plain segment.
        assert_eq!(selection_conditions(&survey, Some(&pair("plan × tier", "C"))), [pair("plan × tier", "C")]);
        // A pair that is no cell keeps nothing.
        let none = pair("plan × tier × channel", "C × Post");
        assert_eq!(selection_conditions(&survey, Some(&none)), std::slice::from_ref(&none));
    }

    #[test]
    fn each_score_is_in_exactly_one_group() {
        let groups = [ScoreGroup::Detractors, ScoreGroup::Passives, ScoreGroup::Promoters];
        let of = |score: u8| groups.iter().copied().filter(|g| g.contains(score)).collect::<Vec<_>>();
        for score in 0..=6 {
            assert_eq!(of(score), [ScoreGroup::Detractors]);
        }
        assert_eq!((of(7), of(8)), (vec![ScoreGroup::Passives], vec![ScoreGroup::Passives]));
        assert_eq!((of(9), of(10)), (vec![ScoreGroup::Promoters], vec![ScoreGroup::Promoters]));
        assert!(of(11).is_empty() && of(u8::MAX).is_empty());
        assert_eq!(groups.map(ScoreGroup::range), [(0, 6), (7, 8), (9, 10)]);
    }

    fn survey() -> Survey {
        let columns = SurveyColumns {
            row_numbers: (2..8).collect(),
            scores: vec![Ok(10), Ok(9), Ok(0), Ok(7), Err(ExclusionReason::Blank), Ok(3)],
            score_name: "nps".into(),
            days: Some((
                "date".into(),
                [20_089, 20_090, 20_100, 20_400, 20_121, 20_125].into_iter().map(Some).collect(),
            )),
            segments: vec![
                ("region".into(), false, vec!["A".into(), "B".into()], vec![0, 0, 0, 1, 1, 1]),
                ("sector".into(), true, vec!["Retail".into()], vec![0; 6]),
            ],
            ..SurveyColumns::default()
        };
        let (source, facts) = crate::analysis::survey::tests::test_source();
        Survey::from_columns(columns, source, facts).unwrap()
    }

    #[test]
    fn a_matrix_keeps_the_engines_order_and_its_small_cells_while_bars_follow_the_sort() {
        let survey = survey();
        let mut settings = ViewSettings {
            segment: Some("region".into()),
            second: Some("sector".into()),
            sort: SortKey::Nps,
            descending: true,
            hide_small: true,
            ..ViewSettings::default()
        };
        let results = crate::report::compute_views(&survey, &settings.request(&survey, 0), &[]).unwrap();
        let column = "region \u{d7} sector";
        let values = |rows: &[BreakdownRow]| -> Vec<String> {
            rows.iter().filter(|r| r.column == column).map(|r| r.value.clone()).collect()
        };
        let engine = values(&results.segments);
        assert_eq!(engine.len(), 2, "A × Retail and B × Retail");
        // Every cell has under 30 answers: the matrix keeps them (it blanks them itself), in
        // the engine's order, though the table's sort is by NPS, descending.
        assert_eq!(values(&settings.shown_rows(&results.segments)), engine);
        settings.two_way_bars = true;
        assert!(values(&settings.shown_rows(&results.segments)).is_empty(), "bars hide the small ones");
    }

    #[test]
    fn defaults_follow_the_data() {
        let survey = survey();
        let settings = ViewSettings::default();
        assert_eq!(settings.segment_column(&survey).as_deref(), Some("sector"), "the sector column comes first");
        assert_eq!(settings.period(&survey), Some(Period::Month), "311 days: months");
        let request = settings.request(&survey, 0);
        assert_eq!(request.by, vec![vec!["sector".to_owned()]]);
        assert_eq!(request.benchmarks.sector_column.as_deref(), Some("sector"));
    }

    #[test]
    fn the_selection_lists_its_rows_with_an_answer() {
        let index = survey();
        let request = ViewSettings::default().request(&index, 0);
        let library = crate::benchmarks::bundled();
        let all = compute(&index, &request, None, None, &library);
        assert_eq!(all.results.sectors[0].benchmark.as_ref().map(|b| b.sector.as_str()), Some("Retail"));
        assert_eq!(*all.responses, [0, 1, 2, 3, 5]);
        let b = compute(&index, &request, Some(&("region".into(), "B".into())), None, &library);
        assert_eq!(*b.responses, [3, 5]);
        let detractors = compute(&index, &request, None, Some(ScoreGroup::Detractors), &library);
        assert_eq!(*detractors.responses, [2, 5]);
        let cell = compute(&index, &request, Some(&("region × sector".into(), "A × Retail".into())), None, &library);
        assert_eq!(*cell.responses, [0, 1, 2]);
    }
}
