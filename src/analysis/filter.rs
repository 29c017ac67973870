//! [`Filter`]: the user's selection (segment values and a date range), applied to every view at
//! once. Plain data, saved with a project; the engine turns it into a polars expression.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::calendar;

/// The user's selection: segment values to keep per column and a date range. Empty = all.
/// Saved with a project, so it is plain data.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Per column, the values kept; a column not listed keeps everything.
    pub segments: BTreeMap<String, BTreeSet<String>>,
    /// First day kept (`YYYY-MM-DD`), inclusive.
    pub date_from: Option<String>,
    /// Last day kept (`YYYY-MM-DD`), inclusive.
    pub date_to: Option<String>,
}

impl Filter {
    /// Whether the filter keeps everything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.segments.values().all(BTreeSet::is_empty) && self.date_from.is_none() && self.date_to.is_none()
    }

    /// One line for chart footnotes: `region = Denmark, Netherlands; 2025-01-01 to 2025-06-30`.
    /// Empty when nothing is filtered.
    #[must_use]
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = self
            .segments
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(c, v)| format!("{c} = {}", v.iter().cloned().collect::<Vec<_>>().join(", ")))
            .collect();
        match (&self.date_from, &self.date_to) {
            (Some(f), Some(t)) => parts.push(format!("{f} to {t}")),
            (Some(f), None) => parts.push(format!("from {f}")),
            (None, Some(t)) => parts.push(format!("until {t}")),
            (None, None) => {}
        }
        parts.join("; ")
    }

    /// The date range as day numbers; a bound that is not a `YYYY-MM-DD` date is ignored.
    #[must_use]
    pub fn date_bounds(&self) -> (Option<i32>, Option<i32>) {
        let day = |d: &Option<String>| d.as_deref().and_then(calendar::parse_iso_date);
        (day(&self.date_from), day(&self.date_to))
    }

    /// Parses `COLUMN=VALUE` (as given to `--filter`) into this filter; repeated columns add
    /// values.
    pub fn add_condition(&mut self, condition: &str) -> Result<(), String> {
        let (column, value) = condition
            .split_once('=')
            .ok_or_else(|| format!("--filter '{condition}' is not COLUMN=VALUE (e.g. --filter region=North)"))?;
        let (column, value) = (column.trim(), value.trim());
        if column.is_empty() {
            return Err(format!("filter '{condition}' names no column"));
        }
        self.segments.entry(column.to_owned()).or_default().insert(value.to_owned());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_and_descriptions() {
        let mut filter = Filter::default();
        assert!(filter.is_empty());
        filter.add_condition("region=B").unwrap();
        filter.add_condition(" region = C ").unwrap();
        filter.date_from = Some("2025-02-02".into());
        assert_eq!(filter.describe(), "region = B, C; from 2025-02-02");
        assert_eq!(filter.date_bounds(), (Some(calendar::days_from_civil(2025, 2, 2)), None));
        assert!(Filter::default().describe().is_empty());
        assert!(filter.add_condition("nonsense").is_err());
        assert!(filter.add_condition("=x").is_err());
    }
}
