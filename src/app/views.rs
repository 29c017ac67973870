//! What the analysis views show and the job that computes it: the view chosen, the filter, the
//! breakdown columns, the trend period, sorting and the selection behind the Responses view.
//!
//! Every change makes a [`ViewRequest`]; when it differs from the one last computed, a
//! [`ComputeJob`] recomputes all views on the "compute" thread, so the window never waits.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::index::NO_VALUE;
use crate::analysis::{Filter, Period, SurveyIndex, calendar};
use crate::app::jobs::Worker;
use crate::benchmarks::{Benchmark, DataContext};
use crate::chart::Tone;
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
    /// The rows behind the current selection.
    Responses,
    /// Sectors against published benchmarks.
    Benchmarks,
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
    /// Sort of the Segments table.
    pub sort: SortKey,
    /// Sort descending.
    pub descending: bool,
    /// The segment whose responses are listed (column, value); `None` lists every kept row.
    pub selection: Option<(String, String)>,
    /// Only these answers in the Responses view (`None`: all).
    pub group: Option<ScoreGroup>,
    /// The data's region and audience, for benchmark warnings.
    pub context: DataContext,
    /// A benchmark (id) for the overall NPS.
    pub overall_benchmark: Option<String>,
    /// Sector value to benchmark id, where the user changed the match (`-` for none).
    pub matches: Vec<(String, String)>,
}

impl ViewSettings {
    /// The breakdown column in use.
    #[must_use]
    pub fn segment_column(&self, index: &SurveyIndex) -> Option<String> {
        let exists = |name: &String| index.segment(name).is_some();
        self.segment.clone().filter(exists).or_else(|| {
            index.segments.iter().find(|s| s.is_sector).or_else(|| index.segments.first()).map(|s| s.name.clone())
        })
    }

    /// The trend period in use.
    #[must_use]
    pub fn period(&self, index: &SurveyIndex) -> Option<Period> {
        index.dates.as_ref()?;
        let span = index.date_range().map_or(0, |(first, last)| last - first);
        Some(self.period.unwrap_or_else(|| Period::automatic(span)))
    }

    /// What to compute for these settings.
    #[must_use]
    pub fn request(&self, index: &SurveyIndex, library_version: u64) -> ViewRequest {
        let mut by = Vec::new();
        if let Some(first) = self.segment_column(index) {
            by.push(vec![first.clone()]);
            if let Some(second) = self.second.clone().filter(|s| *s != first && index.segment(s).is_some()) {
                by.push(vec![first, second]);
            }
        }
        let benchmarks = BenchmarkChoice {
            sector_column: index.segments.iter().find(|s| s.is_sector).map(|s| s.name.clone()),
            context: self.context.clone(),
            overall: self.overall_benchmark.clone(),
            matches: self.matches.clone(),
            library_version,
        };
        ViewRequest { by, trend: self.period(index), filter: self.filter.clone(), benchmarks }
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
    /// Rows (index positions) with a valid answer behind the filter and selection.
    pub responses: Vec<u32>,
}

/// Computes `request` on `index`: every view, and the rows behind `selection`.
#[must_use]
pub fn compute(
    index: &SurveyIndex,
    request: &ViewRequest,
    selection: Option<&(String, String)>,
    group: Option<ScoreGroup>,
    library: &[Benchmark],
) -> Computed {
    let results = compute_views(index, request, library);
    let mut mask = index.mask(&request.filter);
    if let Some((column, value)) = selection {
        if let Some(segment) = index.segment(column) {
            let code = segment.labels.iter().position(|l| l == value);
            for (keep, &c) in mask.iter_mut().zip(&segment.codes) {
                *keep &= code.is_some_and(|code| code as u32 == c);
            }
        } else if let Some((first, second)) = column.split_once(" × ") {
            // A two-way cell: both values must match.
            let (a, b) = value.split_once(" × ").unwrap_or((value.as_str(), ""));
            for (name, wanted) in [(first, a), (second, b)] {
                if let Some(segment) = index.segment(name) {
                    let code = segment.labels.iter().position(|l| l == wanted);
                    for (keep, &c) in mask.iter_mut().zip(&segment.codes) {
                        *keep &= code.is_some_and(|code| code as u32 == c);
                    }
                }
            }
        }
    }
    let responses = (0..index.len())
        .filter(|&i| mask[i] && index.scores[i] != NO_VALUE && group.is_none_or(|g| g.contains(index.scores[i])))
        .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    Computed { request: request.clone(), selection: selection.cloned(), group, results, responses }
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
        index: Arc<SurveyIndex>,
        library: Arc<Vec<Benchmark>>,
        request: ViewRequest,
        selection: Option<(String, String)>,
        group: Option<ScoreGroup>,
        wake: impl Fn() + Send + 'static,
    ) -> Result<Self, String> {
        let job_request = request.clone();
        let job_selection = selection.clone();
        let work = move || compute(&index, &job_request, job_selection.as_ref(), group, &library);
        let worker = Worker::spawn("compute", work, wake).map_err(|e| format!("cannot start the computation: {e}"))?;
        Ok(Self { request, selection, group, worker })
    }

    /// The results, once ready; `Some(None)` when the thread died.
    #[must_use]
    pub fn poll(&mut self) -> Option<Option<Computed>> {
        self.worker.poll()
    }
}

/// `YYYY-MM-DD` of a day number, for the Responses view.
#[must_use]
pub fn day_label(day: i32) -> String {
    if day == crate::analysis::index::NO_DATE { String::new() } else { calendar::iso_date(day) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::index::SegmentCodes;

    #[test]
    fn each_score_is_in_exactly_one_group() {
        let groups = [ScoreGroup::Detractors, ScoreGroup::Passives, ScoreGroup::Promoters];
        let of = |score: u8| groups.iter().copied().filter(|g| g.contains(score)).collect::<Vec<_>>();
        for score in 0..=6 {
            assert_eq!(of(score), [ScoreGroup::Detractors]);
        }
        assert_eq!((of(7), of(8)), (vec![ScoreGroup::Passives], vec![ScoreGroup::Passives]));
        assert_eq!((of(9), of(10)), (vec![ScoreGroup::Promoters], vec![ScoreGroup::Promoters]));
        assert!(of(11).is_empty() && of(NO_VALUE).is_empty());
    }

    fn index() -> SurveyIndex {
        SurveyIndex {
            row_numbers: (2..8).collect(),
            scores: vec![10, 9, 0, 7, NO_VALUE, 3],
            dates: Some(vec![20_089, 20_090, 20_100, 20_400, 20_121, 20_125]),
            segments: vec![
                SegmentCodes {
                    name: "region".into(),
                    is_sector: false,
                    labels: vec!["A".into(), "B".into()],
                    codes: vec![0, 0, 0, 1, 1, 1],
                },
                SegmentCodes {
                    name: "sector".into(),
                    is_sector: true,
                    labels: vec!["Retail".into()],
                    codes: vec![0; 6],
                },
            ],
            ..SurveyIndex::default()
        }
    }

    #[test]
    fn defaults_follow_the_data() {
        let index = index();
        let settings = ViewSettings::default();
        assert_eq!(settings.segment_column(&index).as_deref(), Some("sector"), "the sector column comes first");
        assert_eq!(settings.period(&index), Some(Period::Month), "311 days: months");
        let request = settings.request(&index, 0);
        assert_eq!(request.by, vec![vec!["sector".to_owned()]]);
        assert_eq!(request.benchmarks.sector_column.as_deref(), Some("sector"));
    }

    #[test]
    fn the_selection_lists_its_rows_with_an_answer() {
        let index = index();
        let request = ViewSettings::default().request(&index, 0);
        let library = crate::benchmarks::bundled();
        let all = compute(&index, &request, None, None, &library);
        assert_eq!(all.results.sectors[0].benchmark.as_ref().map(|b| b.sector.as_str()), Some("Retail"));
        assert_eq!(all.responses, [0, 1, 2, 3, 5]);
        let b = compute(&index, &request, Some(&("region".into(), "B".into())), None, &library);
        assert_eq!(b.responses, [3, 5]);
        let detractors = compute(&index, &request, None, Some(ScoreGroup::Detractors), &library);
        assert_eq!(detractors.responses, [2, 5]);
        let cell = compute(&index, &request, Some(&("region × sector".into(), "A × Retail".into())), None, &library);
        assert_eq!(cell.responses, [0, 1, 2]);
    }
}
