//! NPS per value of a segment column (region, channel, sector, ...), grouped with polars.

use polars::prelude::GroupsIndicator;
use serde::Serialize;

use super::summary::{NpsSummary, summarise_scores};
use super::survey::SCORE;
use super::{AnalysisError, SMALL_N, Survey};

/// The NPS of the answers that share one value of one column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentRow {
    /// The column's header.
    pub column: String,
    /// The value shared; `(blank)` for empty cells.
    pub value: String,
    /// The segment's NPS, counts, shares and intervals.
    #[serde(flatten)]
    pub summary: NpsSummary,
    /// Fewer than [`SMALL_N`] answers: the interval is wide, compare with care.
    pub small_n: bool,
}

/// NPS per value of `column`, sorted by value.
pub fn segment_rows(survey: &Survey, column: &str) -> Result<Vec<SegmentRow>, AnalysisError> {
    let frame = survey.frame();
    let scores = frame.column(SCORE)?.u32()?;
    let score_at = |i: usize| scores.get(i).map_or(0, |s| s.min(10) as usize);
    let values = frame.column(column)?.str()?;
    let grouped = frame.group_by([column])?;
    let mut rows = Vec::new();
    for group in grouped.get_groups().iter() {
        let mut distribution = [0u64; 11];
        let first = group.first() as usize;
        match &group {
            GroupsIndicator::Idx((_, indices)) => {
                for &i in indices.iter() {
                    distribution[score_at(i as usize)] += 1;
                }
            }
            GroupsIndicator::Slice([start, len]) => {
                for i in *start..start + len {
                    distribution[score_at(i as usize)] += 1;
                }
            }
        }
        let Some(summary) = summarise_scores(distribution) else { continue };
        rows.push(SegmentRow {
            column: column.to_owned(),
            value: values.get(first).unwrap_or("(blank)").to_owned(),
            small_n: summary.n < SMALL_N,
            summary,
        });
    }
    rows.sort_by(|a, b| a.value.cmp(&b.value));
    Ok(rows)
}
