//! The same respondents twice: when a respondent ID answers in two periods, the change between
//! those periods is not a comparison of independent groups. This module keeps the ID column's
//! values as keys and, for a trend, finds the respondents who answered in both of two
//! consecutive periods, with their changes on the -1/0/+1 scale for `stats::compare`'s paired
//! test.
//!
//! Must not touch egui or files.

use std::collections::HashMap;

use polars::prelude::{DataType, IntoLazy, col};

use super::AnalysisError;
use super::calendar::Period;
use super::engine::{GroupTally, filter_expression};
use super::filter::Filter;
use super::survey::{DAY, SCORE, Survey};
use crate::stats::compare::PairedChanges;

/// The key of a row without an ID.
pub const NO_ID: u64 = 0;

/// The respondent ID column: one 64-bit key per frame row, the ID's hash.
///
/// Hashing (FNV-1a) keeps the import quick: a million unique IDs are keyed in a few
/// milliseconds, where coding them through a map of strings took about 200 ms of a 250 ms
/// budget. Two different IDs share a key with a chance of about n^2 / 2^65 (3e-8 for a million).
/// Whether any ID repeats is found on first asking ([`Self::repeats`]), which only a trend does.
#[derive(Debug)]
pub struct RespondentIds {
    /// The column's header.
    pub column: String,
    /// The key of each row's ID ([`NO_ID`] where the cell is blank).
    pub keys: Vec<u64>,
    repeats: std::sync::OnceLock<bool>,
}

/// FNV-1a over the ID's bytes, never [`NO_ID`].
fn key_of(id: &str) -> u64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    hash.max(1)
}

impl RespondentIds {
    /// Keys the IDs of a column (trimmed; blank cells have none).
    #[must_use]
    pub fn encode<'a>(column: &str, ids: impl IntoIterator<Item = &'a str>) -> Self {
        let keys = ids
            .into_iter()
            .map(|id| {
                let id = id.trim();
                if id.is_empty() { NO_ID } else { key_of(id) }
            })
            .collect();
        Self { column: column.to_owned(), keys, repeats: std::sync::OnceLock::new() }
    }

    /// Whether any ID occurs on more than one row (otherwise nobody can answer twice); found by
    /// sorting a copy of the keys the first time it is asked.
    pub fn repeats(&self) -> bool {
        *self.repeats.get_or_init(|| {
            let mut keys: Vec<u64> = self.keys.iter().copied().filter(|&k| k != NO_ID).collect();
            keys.sort_unstable();
            keys.windows(2).any(|pair| pair[0] == pair[1])
        })
    }
}

/// The -1/0/+1 value of a 0-10 answer.
fn value_of(score: u8) -> i8 {
    match score {
        0..=6 => -1,
        7..=8 => 0,
        _ => 1,
    }
}

/// For every period of a trend (the engine's tallies, gaps included), the changes of the
/// respondents who answered both in it and in the previous period with answers, under `filter`.
/// A respondent who answered more than once in one period counts with the latest answer (by
/// date; the later row on the same day). `None`
/// for the first period with answers and for gaps; all `None` without an ID column whose IDs
/// repeat.
pub fn paired_changes(
    survey: &Survey,
    filter: &Filter,
    period: Period,
    periods: &[(i32, GroupTally)],
) -> Result<Vec<Option<PairedChanges>>, AnalysisError> {
    let mut out = vec![None; periods.len()];
    if !survey.has_dates() || periods.len() < 2 {
        return Ok(out);
    }
    let Some(ids) = survey.respondents.as_ref().filter(|ids| ids.repeats()) else { return Ok(out) };
    let mut predicate = col(SCORE).is_not_null().and(col(DAY).is_not_null());
    if let Some(p) = filter_expression(survey, filter) {
        predicate = predicate.and(p);
    }
    const POS: &str = "pos";
    let rows = survey
        .frame()
        .clone()
        .lazy()
        .with_row_index(POS, None)
        .filter(predicate)
        .select([col(POS).cast(DataType::UInt32), col(DAY), col(SCORE).cast(DataType::UInt8)])
        .collect()?;
    let (positions, days, scores) = (rows.column(POS)?.u32()?, rows.column(DAY)?.i32()?, rows.column(SCORE)?.u8()?);
    let starts: Vec<i32> = periods.iter().map(|(s, _)| *s).collect();
    // Each period's respondents: ID code -> the day and value of their latest answer in it.
    let mut latest: Vec<HashMap<u64, (i32, i8)>> = vec![HashMap::new(); periods.len()];
    for i in 0..rows.height() {
        let (Some(pos), Some(day), Some(score)) = (positions.get(i), days.get(i), scores.get(i)) else { continue };
        let Some(&code) = ids.keys.get(pos as usize) else { continue };
        if code == NO_ID {
            continue;
        }
        let Some(k) = starts.partition_point(|&s| s <= period.start_of(day)).checked_sub(1) else { continue };
        let entry = latest[k].entry(code).or_insert((day, value_of(score)));
        if day >= entry.0 {
            *entry = (day, value_of(score));
        }
    }
    let answers: Vec<HashMap<u64, i8>> =
        latest.into_iter().map(|m| m.into_iter().map(|(code, (_, value))| (code, value)).collect()).collect();
    let mut previous: Option<usize> = None;
    for (k, (_, tally)) in periods.iter().enumerate() {
        if tally.nps.n() == 0 {
            continue;
        }
        if let Some(j) = previous {
            let mut changes = PairedChanges::default();
            for (code, &after) in &answers[k] {
                if let Some(&before) = answers[j].get(code) {
                    changes.add(before, after);
                }
            }
            out[k] = Some(changes);
        }
        previous = Some(k);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_keyed_and_repeats_found() {
        let ids = RespondentIds::encode("id", ["a", " b", "", "a "]);
        assert_eq!((ids.keys[0], ids.keys[2], ids.keys[3]), (key_of("a"), NO_ID, key_of("a")));
        assert_ne!(ids.keys[0], ids.keys[1]);
        assert!(ids.repeats());
        assert!(!RespondentIds::encode("id", ["a", "b", "", ""]).repeats(), "blank cells are no repeats");
        // FNV-1a's published test value: "a" hashes to 0xaf63dc4c8601ec8c.
        assert_eq!(key_of("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
