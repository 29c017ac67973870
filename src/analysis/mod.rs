//! The survey model and every aggregation over it: overall NPS, per-segment NPS, the 0-10
//! distribution and the exclusion report.
//!
//! Owns the polars DataFrame behind [`Survey`] (valid answers and the exclusion report) and the
//! [`SurveyIndex`]: the same rows as flat arrays with segment values as integer codes, built
//! once per load, so that a filter change recomputes every view (overall, breakdowns, trend,
//! CSAT/CES/grade) in milliseconds. Results are plain structs ([`NpsSummary`], [`SegmentRow`],
//! [`TrendPoint`], [`MetricSummary`]) that the UI and CLI draw. Must not touch egui or files.

pub mod breakdown;
pub mod calendar;
pub mod index;
pub mod metrics;
mod summary;
mod survey;
pub mod trend;

pub use breakdown::{SegmentRow, breakdown, overall, two_way_breakdown};
pub use calendar::Period;
pub use index::{Filter, MetricKind, SurveyIndex};
pub use metrics::{MetricSummary, summarise_metric};
pub use summary::{NpsSummary, ScoreTally, distribution_of, summarise_scores};
pub use survey::{ExcludedExample, ExclusionGroup, Survey};
pub use trend::{TrendPoint, trend};

/// Segments below this many responses carry a small-n flag.
pub const SMALL_N: u64 = 30;

/// Why an analysis could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    /// A column asked for (e.g. with `--by`) is not in the file.
    #[error("{place}: no column '{column}'; columns: {available}")]
    NoSuchColumn { place: String, column: String, available: String },
    /// Every score was blank or invalid.
    #[error("{place}: column '{column}' has no valid 0-10 answer in {rows_read} rows")]
    NoValidScores { place: String, column: String, rows_read: usize },
    /// The data-frame engine failed; this is a bug, reported in plain words.
    #[error("internal table error: {0}")]
    Table(String),
}

impl From<polars::error::PolarsError> for AnalysisError {
    fn from(e: polars::error::PolarsError) -> Self {
        Self::Table(e.to_string())
    }
}
