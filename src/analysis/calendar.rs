//! Trend periods on day numbers (days since 1970-01-01, as polars stores dates): weeks, months
//! and quarters, their starts and labels. Proleptic Gregorian calendar, no time zones.

use serde::{Deserialize, Serialize};

use crate::import::dates::{self, DateOrder};

/// The length of a trend period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar quarters.
    Quarter,
}

impl Period {
    /// Every period length, shortest first.
    pub const ALL: [Self; 3] = [Self::Week, Self::Month, Self::Quarter];

    /// A sensible period for data spanning `days`: weeks up to about four months, months up to
    /// three years, quarters beyond.
    #[must_use]
    pub fn automatic(span_days: i32) -> Self {
        match span_days {
            ..=120 => Self::Week,
            121..=1100 => Self::Month,
            _ => Self::Quarter,
        }
    }

    /// The first day of the period holding `day`.
    #[must_use]
    pub fn start_of(self, day: i32) -> i32 {
        match self {
            Self::Week => day - weekday_from_monday(day),
            Self::Month => {
                let (y, m, _) = civil_from_days(day);
                days_from_civil(y, m, 1)
            }
            Self::Quarter => {
                let (y, m, _) = civil_from_days(day);
                days_from_civil(y, (m - 1) / 3 * 3 + 1, 1)
            }
        }
    }

    /// The first day of the period after the one starting at `start`.
    #[must_use]
    pub fn next_start(self, start: i32) -> i32 {
        match self {
            Self::Week => start + 7,
            Self::Month | Self::Quarter => {
                let (y, m, _) = civil_from_days(start);
                let step = if self == Self::Month { 1 } else { 3 };
                let months = y * 12 + (m as i32 - 1) + step;
                days_from_civil(months.div_euclid(12), (months.rem_euclid(12) + 1) as u32, 1)
            }
        }
    }

    /// The label of the period starting at `start`: `2025-W05`, `2025-03`, `2025-Q1`.
    #[must_use]
    pub fn label(self, start: i32) -> String {
        match self {
            Self::Week => {
                let (year, week) = iso_week(start);
                format!("{year}-W{week:02}")
            }
            Self::Month => {
                let (y, m, _) = civil_from_days(start);
                format!("{y}-{m:02}")
            }
            Self::Quarter => {
                let (y, m, _) = civil_from_days(start);
                format!("{y}-Q{}", (m - 1) / 3 + 1)
            }
        }
    }
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let (y, m, d) = dates::civil_from_days(i64::from(days));
    (i32::try_from(y).unwrap_or(i32::MAX), m, d)
}

pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    dates::days_from_civil(i64::from(year), month, day).map_or(0, |d| i32::try_from(d).unwrap_or(0))
}

/// `YYYY-MM-DD` of a day number.
#[must_use]
pub fn iso_date(days: i32) -> String {
    dates::iso_date(i64::from(days))
}

/// Parses `YYYY-MM-DD` into a day number.
#[must_use]
pub fn parse_iso_date(text: &str) -> Option<i32> {
    dates::parse_date(text, DateOrder::Iso).and_then(|d| i32::try_from(d).ok())
}

/// 0 for Monday ... 6 for Sunday (1970-01-01 was a Thursday): total, for any day number.
fn weekday_from_monday(days: i32) -> i32 {
    (days + 3).rem_euclid(7)
}

/// ISO 8601 (week-year, week number) of a day, by chrono. Day numbers beyond chrono's range
/// (more than about 262,000 years from 1970; no date a file can hold) are labelled with the
/// epoch's week.
fn iso_week(days: i32) -> (i32, u32) {
    use chrono::Datelike as _;
    dates::date_of(i64::from(days)).map_or((1970, 1), |d| (d.iso_week().year(), d.iso_week().week()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_read_and_written() {
        assert_eq!(days_from_civil(2025, 12, 31), 20_453);
        assert_eq!(parse_iso_date("2024-02-29"), Some(days_from_civil(2024, 2, 29)));
        assert_eq!(parse_iso_date("2025-02-29"), None);
        assert_eq!(iso_date(20_453), "2025-12-31");
    }

    #[test]
    fn periods_and_labels() {
        let d = days_from_civil(2025, 5, 15);
        assert_eq!(Period::Month.label(Period::Month.start_of(d)), "2025-05");
        assert_eq!(Period::Quarter.label(Period::Quarter.start_of(d)), "2025-Q2");
        assert_eq!(iso_date(Period::Week.start_of(d)), "2025-05-12");
        assert_eq!(Period::Week.label(Period::Week.start_of(d)), "2025-W20");
        // 2024-12-30 is in ISO week 1 of 2025.
        assert_eq!(Period::Week.label(days_from_civil(2024, 12, 30)), "2025-W01");
        assert_eq!(iso_date(Period::Month.next_start(days_from_civil(2025, 12, 1))), "2026-01-01");
        assert_eq!(iso_date(Period::Quarter.next_start(days_from_civil(2025, 10, 1))), "2026-01-01");
        assert_eq!(Period::automatic(90), Period::Week);
        assert_eq!(Period::automatic(365), Period::Month);
        assert_eq!(Period::automatic(2000), Period::Quarter);
    }
}
