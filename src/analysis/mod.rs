//! The survey model and every aggregation over it: overall NPS, per-segment and two-way NPS,
//! the trend, the 0-10 distribution, CES/CSAT/grade, the exclusion report, the response rate
//! and the theme counts.
//!
//! How the data flow: `import` reads a file into text cells; [`Survey`] types every cell the
//! analysis needs once, into one polars DataFrame (score with exclusion reasons, weight, date,
//! metrics, dictionary-coded segments, comments); [`engine`] answers each screen's [`Query`]
//! with polars lazy queries (a cube per set of keys, cached; the filter as an expression;
//! roll-ups collected together) and returns small tallies; `breakdown`, `trend` and `metrics`
//! turn those into plain result structs ([`NpsSummary`], [`SegmentRow`], [`TrendPoint`],
//! [`MetricSummary`]) with `stats`; [`waves`] compares two waves (two files, or two periods); [`paired`] finds the respondents (by ID) who answered in two
//! periods, so that the trend tests their own changes. [`response_rate`] counts respondents
//! against the invited counts; [`theme_counts`] tags the comments once, then counts themes per filter with the
//! engine's filter expression; [`listing`] searches the comments and orders the rows of the
//! response list. [`Filter`] is the user's selection. Must not touch egui or files.

pub mod breakdown;
pub mod calendar;
pub mod drivers;
pub mod engine;
pub mod filter;
pub mod listing;
pub mod metrics;
pub mod paired;
pub mod response_rate;
mod summary;
pub mod survey;
pub mod theme_counts;
pub mod trend;
pub mod waves;
pub mod weighting;

pub use breakdown::{SegmentRow, breakdown_rows, overall_summary};
pub use calendar::Period;
pub use engine::{Aggregates, GroupTally, Query, aggregate, responses};
pub use filter::Filter;
pub use listing::{ResponseOrder, order_responses, search_comments};
pub use metrics::{GroupMetrics, MetricKind, MetricSummary};
pub use paired::paired_changes;
pub use response_rate::{Invited, RateProblem, ResponseRate, ResponseRates, ValueResponseRate, response_rates};
pub use summary::{NpsSummary, ScoreTally, distribution_of, summarise_scores};
pub use survey::{ExcludedExample, ExclusionGroup, ResponseRow, Survey, SurveyColumns, SurveyParts};
pub use theme_counts::{
    CommentTags, Quote, ThemeImpact, ThemeRow, ThemeSummary, ThemeTags, commented_rows, tag_survey, theme_summary,
};
pub use trend::{TrendPoint, trend_points};

/// Segments below this many responses carry a small-n flag.
pub const SMALL_N: u64 = 30;

/// Why an analysis could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnalysisError {
    /// A column asked for (e.g. with `--by`) is not in the file.
    #[error("{place}: no column '{column}'; columns: {available}")]
    NoSuchColumn { place: String, column: String, available: String },
    /// Every weight was blank, zero, negative or not a number.
    #[error(
        "{place}: the weight column '{column}' has no usable weight (every value is blank, zero, negative or not a number); choose another weight column or none"
    )]
    NoValidWeights { place: String, column: String },
    /// Every score was blank or invalid.
    #[error("{place}: column '{column}' has no valid 0-10 answer in {rows_read} rows")]
    NoValidScores { place: String, column: String, rows_read: usize },
    /// A two-way breakdown would have more cells than anyone can read.
    #[error(
        "the breakdown {columns} has {cells} combinations of values (at most {limit} are shown); choose columns with fewer values"
    )]
    TooManyCells { columns: String, cells: usize, limit: usize },
    /// The key driver analysis cannot be made (too few rows, a rating without spread).
    #[error("{place}: no key driver analysis: {reason}")]
    Drivers { place: String, reason: String },
    /// The data-frame engine failed; this is a bug, reported in plain words.
    #[error("internal table error: {0}")]
    Table(String),
}

impl From<polars::error::PolarsError> for AnalysisError {
    fn from(e: polars::error::PolarsError) -> Self {
        Self::Table(e.to_string())
    }
}
