//! The response list's own work on the survey: the rows whose comments hold a text, and the rows
//! in the order of one of their columns. Both run on the typed frame's columns, not row by row
//! through [`Survey::response`], so that a million rows take a fraction of a second.

use polars::prelude::*;

use super::Survey;
use super::survey::{DAY, SCORE};

/// A column the response list can be ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ResponseOrder {
    /// The file's order (the spreadsheet row).
    #[default]
    Row,
    /// The 0-10 answer.
    Score,
    /// The answer's date; undated rows last.
    Date,
    /// The value of the `k`-th segment column (in the survey's order of values).
    Segment(usize),
    /// The length of the first comment: the longest first when descending.
    Comment,
}

/// The `positions` (ascending rows of `survey`) any of whose comments holds `query`, ignoring
/// case and surrounding spaces; every position when the query is blank.
#[must_use]
pub fn search_comments(survey: &Survey, positions: &[u32], query: &str) -> Vec<u32> {
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return positions.to_vec();
    }
    let columns = survey.comment_columns().unwrap_or_default();
    let holds = |text: &str| {
        // Most comments and queries are ASCII: compare without lowering a copy of every comment.
        if text.is_ascii() && needle.is_ascii() {
            let (hay, pin) = (text.as_bytes(), needle.as_bytes());
            hay.len() >= pin.len() && hay.windows(pin.len()).any(|w| w.eq_ignore_ascii_case(pin))
        } else {
            text.to_lowercase().contains(&needle)
        }
    };
    let keep = |chunk: &[u32]| -> Vec<u32> {
        chunk.iter().copied().filter(|&p| columns.iter().any(|c| c.get(p as usize).is_some_and(holds))).collect()
    };
    let (head, tail) = positions.split_at(positions.len() / 2);
    let (mut found, later) = crate::parallel::both(|| keep(head), || keep(tail));
    found.extend(later);
    found
}

/// `positions` in the order of `order` (descending when asked), the file's order among equals;
/// rows without a value (no date, a blank comment) last either way.
#[must_use]
pub fn order_responses(survey: &Survey, positions: &[u32], order: ResponseOrder, descending: bool) -> Vec<u32> {
    let frame = survey.frame();
    let keys: Option<Vec<Option<i64>>> = match order {
        ResponseOrder::Row => None,
        ResponseOrder::Score => integer_keys(frame, SCORE, positions),
        ResponseOrder::Date => integer_keys(frame, DAY, positions),
        ResponseOrder::Segment(k) => survey.segments.get(k).and_then(|s| integer_keys(frame, &s.key, positions)),
        ResponseOrder::Comment => survey.comment_columns().ok().and_then(|c| c.first().copied()).map(|c| {
            positions
                .iter()
                .map(|&p| c.get(p as usize).map(|t| t.trim().chars().count() as i64).filter(|&n| n > 0))
                .collect()
        }),
    };
    let mut ordered: Vec<(Option<i64>, u32)> = match keys {
        Some(keys) => keys.into_iter().zip(positions.iter().copied()).collect(),
        None => positions.iter().map(|&p| (Some(i64::from(p)), p)).collect(),
    };
    ordered.sort_by(|(a, pa), (b, pb)| {
        let by_key = match (a, b) {
            (Some(a), Some(b)) if descending => b.cmp(a),
            (Some(a), Some(b)) => a.cmp(b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_key.then(pa.cmp(pb))
    });
    ordered.into_iter().map(|(_, p)| p).collect()
}

/// The values of an integer column of the frame at `positions`, as `i64`.
fn integer_keys(frame: &DataFrame, name: &str, positions: &[u32]) -> Option<Vec<Option<i64>>> {
    let column = frame.column(name).ok()?.cast(&DataType::Int64).ok()?;
    let values = column.i64().ok()?.rechunk();
    Some(positions.iter().map(|&p| values.get(p as usize)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SurveyColumns;

    fn survey() -> Survey {
        let columns = SurveyColumns {
            row_numbers: (2..7).collect(),
            scores: [3, 10, 6, 9, 0].into_iter().map(Ok).collect(),
            score_name: "nps".into(),
            segments: vec![("region".into(), false, vec!["North".into(), "South".into()], vec![1, 0, 1, 0, 0])],
            comments: vec![(
                "Why?".into(),
                vec![
                    "Levering te LAAT".into(),
                    String::new(),
                    "De bezorger was vriendelijk, de levering te laat".into(),
                    "Fast".into(),
                    "Ærgerligt: for sent, FOR SENT".into(),
                ],
            )],
            ..SurveyColumns::default()
        };
        Survey::from_generated(columns, "listing.csv").unwrap()
    }

    #[test]
    fn search_ignores_case_in_every_language_and_keeps_the_order() {
        let survey = survey();
        let all = [0, 1, 2, 3, 4];
        assert_eq!(search_comments(&survey, &all, "te laat"), [0, 2]);
        assert_eq!(search_comments(&survey, &all, "  LEVERING "), [0, 2]);
        assert_eq!(search_comments(&survey, &all, "ærgerligt"), [4]);
        assert_eq!(search_comments(&survey, &all, "for sent"), [4]);
        assert_eq!(search_comments(&survey, &[2, 3, 4], "levering"), [2]);
        assert_eq!(search_comments(&survey, &all, "parking"), [] as [u32; 0]);
        assert_eq!(search_comments(&survey, &all, " "), all);
    }

    #[test]
    fn ordering_by_a_column_keeps_the_file_order_among_equals() {
        let survey = survey();
        let all = [0, 1, 2, 3, 4];
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Score, false), [4, 0, 2, 3, 1]);
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Score, true), [1, 3, 2, 0, 4]);
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Row, true), [4, 3, 2, 1, 0]);
        // North (1, 3, 4) before South (0, 2).
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Segment(0), false), [1, 3, 4, 0, 2]);
        // The longest comment first; the blank one last either way.
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Comment, true), [2, 4, 0, 3, 1]);
        assert_eq!(order_responses(&survey, &all, ResponseOrder::Comment, false), [3, 0, 4, 2, 1]);
        // No dates: the file's order.
        assert_eq!(order_responses(&survey, &[3, 1], ResponseOrder::Date, false), [1, 3]);
    }
}
