//! [`SurveyIndex`]: the survey's columns as flat per-row arrays (segment values as integer
//! codes), built once from the polars frame so that a filter change recomputes every view in
//! milliseconds, and [`Filter`], the user's selection applied to all views at once.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::calendar;
use crate::import::dates::parse_date;
use crate::import::score::parse_number;
use crate::import::{ImportedTable, Role, parse_score};

/// Marks a row without a valid 0-10 answer (or other metric value).
pub const NO_VALUE: u8 = u8::MAX;
/// Marks a row without a date.
pub const NO_DATE: i32 = i32::MIN;

/// A segment column: its values as codes into a sorted list of labels.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentCodes {
    /// Header.
    pub name: String,
    /// Whether the column holds sectors (compared with benchmarks).
    pub is_sector: bool,
    /// Distinct values, sorted; `(blank)` for empty cells.
    pub labels: Vec<String>,
    /// Per row, the index of its label.
    pub codes: Vec<u32>,
}

/// What a metric column measures, which decides how it is summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// CSAT 1-5: top-2-box (4-5) and mean.
    Csat,
    /// CES 2.0, 1-7 agreement, higher is better: % agree (5-7) and mean.
    CesAgree,
    /// CES 1.0, 1-5 effort, lower is better: % low effort (1-2) and mean.
    CesEffort,
    /// Dutch rapportcijfer 1-10: mean, % >= 8, % < 6.
    Grade,
}

/// A metric column: per row its value, or [`NO_VALUE`].
#[derive(Debug, Clone, PartialEq)]
pub struct MetricValues {
    /// Header.
    pub name: String,
    /// What it measures.
    pub kind: MetricKind,
    /// Per row.
    pub values: Vec<u8>,
}

/// Flat per-row arrays of a survey. All arrays have one entry per data row.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurveyIndex {
    /// Spreadsheet row number per row.
    pub row_numbers: Vec<u32>,
    /// 0-10 answer per row, or [`NO_VALUE`].
    pub scores: Vec<u8>,
    /// Weight per row, when a weight column is used.
    pub weights: Option<Vec<f64>>,
    /// Day number per row (days since 1970-01-01), or [`NO_DATE`], when a date column is used.
    pub dates: Option<Vec<i32>>,
    /// Segment and sector columns.
    pub segments: Vec<SegmentCodes>,
    /// CSAT, CES and grade columns.
    pub metrics: Vec<MetricValues>,
    /// The first comment column: its header and the text per row.
    pub comments: Option<(String, Vec<String>)>,
    /// Header of the score column.
    pub score_name: String,
    /// Header of the weight and date columns used.
    pub weight_name: Option<String>,
    /// Header of the date column used.
    pub date_name: Option<String>,
}

impl MetricKind {
    /// The metric a column role measures.
    #[must_use]
    pub fn of(role: Role) -> Option<Self> {
        match role {
            Role::Csat => Some(Self::Csat),
            Role::CesAgree => Some(Self::CesAgree),
            Role::CesEffort => Some(Self::CesEffort),
            Role::Grade => Some(Self::Grade),
            _ => None,
        }
    }

    /// Lowest and highest answer.
    #[must_use]
    pub fn scale(self) -> (u8, u8) {
        match self {
            Self::Csat | Self::CesEffort => (1, 5),
            Self::CesAgree => (1, 7),
            Self::Grade => (1, 10),
        }
    }
}

/// Integer codes for the values of one column, labels sorted (values borrowed, not copied).
fn encode<'a>(values: impl Iterator<Item = &'a str>) -> (Vec<String>, Vec<u32>) {
    let mut seen: std::collections::HashMap<&'a str, u32> = std::collections::HashMap::new();
    let mut labels: Vec<&'a str> = Vec::new();
    let codes: Vec<u32> = values
        .map(|v| {
            // Segment columns hold a few values: comparing with them beats hashing every cell.
            if labels.len() <= 16 {
                if let Some(code) = labels.iter().position(|l| *l == v) {
                    return code as u32;
                }
                if labels.len() < 16 {
                    labels.push(v);
                    seen.insert(v, labels.len() as u32 - 1);
                    return labels.len() as u32 - 1;
                }
            }
            let next = labels.len() as u32;
            *seen.entry(v).or_insert_with(|| {
                labels.push(v);
                next
            })
        })
        .collect();
    let mut order: Vec<u32> = (0..labels.len() as u32).collect();
    order.sort_by(|&a, &b| labels[a as usize].cmp(labels[b as usize]));
    let mut new_code = vec![0u32; labels.len()];
    for (rank, &old) in order.iter().enumerate() {
        new_code[old as usize] = rank as u32;
    }
    let sorted: Vec<String> = order.iter().map(|&i| labels[i as usize].to_owned()).collect();
    (sorted, codes.into_iter().map(|c| new_code[c as usize]).collect())
}

/// Which parts of the index to build: the app wants all of them; a one-off report only what it
/// prints, which keeps a 1M-row report within its time budget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexParts {
    /// Segment columns to code: `None` for every sector and segment column.
    pub segments: Option<Vec<String>>,
    /// Whether to read the date column.
    pub dates: bool,
    /// Whether to keep the comments.
    pub comments: bool,
}

impl Default for IndexParts {
    fn default() -> Self {
        Self { segments: None, dates: true, comments: true }
    }
}

/// A small whole number as written in a clean cell, without the general number parser.
fn small_number(cell: &str) -> Option<f64> {
    match cell.as_bytes() {
        [d @ b'0'..=b'9'] => Some(f64::from(d - b'0')),
        [b'1', d @ b'0'..=b'9'] => Some(10.0 + f64::from(d - b'0')),
        _ => parse_number(cell),
    }
}

/// How a blank segment cell is labelled.
pub const BLANK_LABEL: &str = "(blank)";

impl SurveyIndex {
    /// Builds the index of an imported table from its column roles: every non-blank row, its
    /// 0-10 answer (or [`NO_VALUE`]), every sector and segment column, CSAT/CES/grade columns,
    /// the first date, weight and comment columns.
    #[must_use]
    pub fn from_table(table: &ImportedTable) -> Self {
        Self::from_table_with(table, &[], &IndexParts::default())
    }

    /// As [`Self::from_table`], building only `parts`, and also coding the columns named in
    /// `extra_segments` as segments whatever their role (a `--by` or filter column the user
    /// names explicitly).
    #[must_use]
    pub fn from_table_with(table: &ImportedTable, extra_segments: &[String], parts: &IndexParts) -> Self {
        let rows = &table.rows;
        let kept: Vec<usize> = (0..rows.row_count()).filter(|&r| !rows.row_is_blank(r)).collect();
        let column_of = |role: Role| table.roles.iter().position(|r| r.role == role);
        let row_numbers = kept.iter().map(|&r| u32::try_from(rows.row_number(r)).unwrap_or(u32::MAX)).collect();
        let scores = kept.iter().map(|&r| parse_score(rows.cell(r, table.score_column)).unwrap_or(NO_VALUE)).collect();
        let weight_column = column_of(Role::Weight);
        let weights = weight_column.map(|c| {
            kept.iter()
                .map(|&r| parse_number(rows.cell(r, c)).filter(|w| w.is_finite() && *w >= 0.0).unwrap_or(0.0))
                .collect()
        });
        let date_column = column_of(Role::Date).filter(|_| parts.dates);
        let dates = date_column.map(|c| {
            let order = table.roles[c].date_order.unwrap_or(crate::import::DateOrder::Iso);
            kept.iter()
                .map(|&r| parse_date(rows.cell(r, c), order).and_then(|d| i32::try_from(d).ok()).unwrap_or(NO_DATE))
                .collect()
        });
        let segments = table
            .roles
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                let wanted = match &parts.segments {
                    None => matches!(r.role, Role::Sector | Role::Segment),
                    Some(names) => names.contains(&r.column),
                };
                wanted || extra_segments.contains(&r.column)
            })
            .map(|(c, r)| {
                let (labels, codes) = encode(kept.iter().map(|&i| {
                    let v = rows.cell(i, c).trim();
                    if v.is_empty() { BLANK_LABEL } else { v }
                }));
                SegmentCodes { name: r.column.clone(), is_sector: r.role == Role::Sector, labels, codes }
            })
            .collect();
        let metrics = table
            .roles
            .iter()
            .enumerate()
            .filter_map(|(c, r)| MetricKind::of(r.role).map(|kind| (c, r, kind)))
            .map(|(c, r, kind)| {
                let (low, high) = kind.scale();
                let values = kept
                    .iter()
                    .map(|&i| {
                        small_number(rows.cell(i, c))
                            .filter(|v| v.fract() == 0.0 && *v >= f64::from(low) && *v <= f64::from(high))
                            .map_or(NO_VALUE, |v| v as u8)
                    })
                    .collect();
                MetricValues { name: r.column.clone(), kind, values }
            })
            .collect();
        let comments = column_of(Role::Comment)
            .filter(|_| parts.comments)
            .map(|c| (table.headers[c].clone(), kept.iter().map(|&r| rows.cell(r, c).trim().to_owned()).collect()));
        Self {
            row_numbers,
            scores,
            weights,
            dates,
            segments,
            metrics,
            comments,
            score_name: table.headers[table.score_column].clone(),
            weight_name: weight_column.map(|c| table.headers[c].clone()),
            date_name: date_column.map(|c| table.headers[c].clone()),
        }
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.row_numbers.len()
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.row_numbers.is_empty()
    }

    /// The segment column named `name`.
    #[must_use]
    pub fn segment(&self, name: &str) -> Option<&SegmentCodes> {
        self.segments.iter().find(|s| s.name == name)
    }

    /// Weight of row `i` (1 when unweighted).
    #[must_use]
    pub fn weight(&self, i: usize) -> f64 {
        self.weights.as_ref().map_or(1.0, |w| w[i])
    }

    /// The first and last date.
    #[must_use]
    pub fn date_range(&self) -> Option<(i32, i32)> {
        let dates = self.dates.as_ref()?;
        let mut valid = dates.iter().copied().filter(|&d| d != NO_DATE);
        let first = valid.next()?;
        Some(valid.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }

    /// Which rows the filter keeps.
    #[must_use]
    pub fn mask(&self, filter: &Filter) -> Vec<bool> {
        let mut keep = vec![true; self.len()];
        for (column, values) in &filter.segments {
            let Some(segment) = self.segment(column) else { continue };
            let allowed: Vec<bool> = segment.labels.iter().map(|l| values.contains(l)).collect();
            for (k, &code) in keep.iter_mut().zip(&segment.codes) {
                *k &= allowed[code as usize];
            }
        }
        let from = filter.date_from.as_deref().and_then(calendar::parse_iso_date);
        let to = filter.date_to.as_deref().and_then(calendar::parse_iso_date);
        if let (Some(dates), true) = (&self.dates, from.is_some() || to.is_some()) {
            for (k, &d) in keep.iter_mut().zip(dates) {
                *k &= d != NO_DATE && from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t);
            }
        }
        keep
    }
}

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

    /// Parses `COLUMN=VALUE` (as given to `--filter`) into this filter; repeated columns add
    /// values.
    pub fn add_condition(&mut self, condition: &str) -> Result<(), String> {
        let (column, value) =
            condition.split_once('=').ok_or_else(|| format!("filter '{condition}' is not COLUMN=VALUE"))?;
        let (column, value) = (column.trim(), value.trim());
        if column.is_empty() {
            return Err(format!("filter '{condition}' names no column"));
        }
        self.segments.entry(column.to_owned()).or_default().insert(value.to_owned());
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small index: 8 rows, region A/B, dates over two months, one weight column.
    pub(crate) fn small_index() -> SurveyIndex {
        SurveyIndex {
            row_numbers: (2..10).collect(),
            scores: vec![10, 9, 0, 7, NO_VALUE, 3, 9, 10],
            weights: None,
            dates: Some(vec![20_089, 20_090, 20_100, 20_120, 20_121, 20_125, NO_DATE, 20_130]),
            segments: vec![SegmentCodes {
                name: "region".into(),
                is_sector: false,
                labels: vec!["A".into(), "B".into()],
                codes: vec![0, 0, 0, 1, 1, 1, 1, 0],
            }],
            metrics: Vec::new(),
            ..SurveyIndex::default()
        }
    }

    #[test]
    fn filters_combine_segments_and_dates() {
        let index = small_index();
        assert!(index.mask(&Filter::default()).iter().all(|&k| k));
        let mut filter = Filter::default();
        filter.add_condition("region=B").unwrap();
        assert_eq!(index.mask(&filter), [false, false, false, true, true, true, true, false]);
        filter.date_from = Some(calendar::iso_date(20_121));
        assert_eq!(index.mask(&filter), [false, false, false, false, true, true, false, false]);
        assert_eq!(filter.describe(), "region = B; from 2025-02-02");
        assert!(Filter::default().describe().is_empty());
        assert!(filter.add_condition("nonsense").is_err());
    }

    #[test]
    fn codes_follow_sorted_labels_for_few_and_many_values() {
        for distinct in [3usize, 16, 17, 40] {
            let values: Vec<String> = (0..200).map(|i| format!("v{:02}", (i * 7) % distinct)).collect();
            let (labels, codes) = encode(values.iter().map(String::as_str));
            assert_eq!(labels.len(), distinct);
            assert!(labels.windows(2).all(|w| w[0] < w[1]), "labels sorted");
            for (value, code) in values.iter().zip(&codes) {
                assert_eq!(&labels[*code as usize], value);
            }
        }
    }

    #[test]
    fn date_range_skips_missing_dates() {
        assert_eq!(small_index().date_range(), Some((20_089, 20_130)));
    }
}
