//! Dates as survey exports write them: ISO, day-first with `-`, `.` or `/`, US month-first when
//! the whole column says so, Excel serial numbers, each optionally followed by a time of day.
//!
//! Owns only the text-to-day step; the result is a day number (days since 1970-01-01).

use super::table::trim_cell;

/// How a column writes its dates, decided once per column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateOrder {
    /// `2025-12-31` (and `2025/12/31`).
    Iso,
    /// `31-12-2025`, `31.12.2025`, `31/12/2025`.
    DayFirst,
    /// `12/31/2025`, chosen only when some value has a first part above 12 nowhere and a
    /// second part above 12 somewhere.
    MonthFirst,
    /// Excel serial numbers such as `45947.45882`.
    ExcelSerial,
}

/// Excel serial day 25569 is 1970-01-01 (Excel's 1900 date system).
const EXCEL_EPOCH_OFFSET: i64 = 25_569;

/// Day numbers count from this day: 1970-01-01.
fn epoch() -> chrono::NaiveDate {
    chrono::NaiveDate::default()
}

/// Days since 1970-01-01 of a proleptic Gregorian date (by chrono), or `None` when it does not
/// exist.
#[must_use]
pub fn days_from_civil(year: i64, month: u32, day: u32) -> Option<i64> {
    let date = chrono::NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.signed_duration_since(epoch()).num_days())
}

/// The date of a day number, when chrono can hold it (about 262,000 years either way).
pub(crate) fn date_of(days: i64) -> Option<chrono::NaiveDate> {
    let shift = chrono::Days::new(days.unsigned_abs());
    if days >= 0 { epoch().checked_add_days(shift) } else { epoch().checked_sub_days(shift) }
}

/// `(year, month, day)` of a day number; days beyond chrono's range stay at its first or last
/// day.
#[must_use]
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    use chrono::Datelike as _;
    let date = date_of(days).unwrap_or(if days < 0 { chrono::NaiveDate::MIN } else { chrono::NaiveDate::MAX });
    (i64::from(date.year()), date.month(), date.day())
}

/// `YYYY-MM-DD` of a day number.
#[must_use]
pub fn iso_date(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The three numeric parts of a date written with `-`, `.` or `/`, before any time of day, and
/// whether the year comes first.
fn parts(cell: &str) -> Option<(u32, u32, u32, bool)> {
    let cell = trim_cell(cell);
    fixed_parts(cell.as_bytes()).or_else(|| written_parts(cell))
}

/// [`parts`] of the two shapes nearly every export writes, `YYYY-MM-DD` and `DD-MM-YYYY` (with
/// the same `-`, `.` or `/` twice), alone or before a time of day: read digit by digit, where
/// splitting the text cost a million-row file 20 ms. `None` for any other text.
fn fixed_parts(cell: &[u8]) -> Option<(u32, u32, u32, bool)> {
    let date = cell.first_chunk::<10>()?;
    if cell.get(10).is_some_and(|&after| after != b' ' && after != b'T') {
        return None;
    }
    let number =
        |digits: &[u8]| digits.iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')));
    let separator = |at: usize, again: usize| matches!(date[at], b'-' | b'.' | b'/') && date[again] == date[at];
    if separator(4, 7) {
        Some((number(&date[..4])?, number(&date[5..7])?, number(&date[8..])?, true))
    } else if separator(2, 5) {
        Some((number(&date[..2])?, number(&date[3..5])?, number(&date[6..])?, false))
    } else {
        None
    }
}

/// [`parts`] of any date written with `-`, `.` or `/`: parts of one to four digits.
fn written_parts(cell: &str) -> Option<(u32, u32, u32, bool)> {
    let date = cell.split([' ', 'T']).next()?;
    let sep = date.chars().find(|c| matches!(c, '-' | '.' | '/'))?;
    let mut it = date.split(sep);
    let (a, b, c) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some()
        || [a, b, c].iter().any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?, a.len() == 4))
}

/// A two-digit year read as 20xx (survey data are recent).
fn full_year(y: u32) -> i64 {
    if y < 100 { 2000 + i64::from(y) } else { i64::from(y) }
}

/// Parses one cell in the given order.
#[must_use]
pub fn parse_date(cell: &str, order: DateOrder) -> Option<i64> {
    let cell = trim_cell(cell);
    if cell.is_empty() {
        return None;
    }
    if order == DateOrder::ExcelSerial {
        let v: f64 = cell.replace(',', ".").parse().ok()?;
        return (20_000.0..80_000.0).contains(&v).then(|| v.floor() as i64 - EXCEL_EPOCH_OFFSET);
    }
    let Some((a, b, c, year_first)) = parts(cell) else {
        // A column of written dates may hold a few Excel serial numbers as well.
        return parse_date(cell, DateOrder::ExcelSerial);
    };
    match (order, year_first) {
        (_, true) => days_from_civil(i64::from(a), b, c),
        (DateOrder::DayFirst, false) => days_from_civil(full_year(c), b, a),
        (DateOrder::MonthFirst, false) => days_from_civil(full_year(c), a, b),
        _ => None,
    }
}

/// Decides how a column writes its dates from its non-blank values, or `None` when fewer than
/// 80% of them read as dates in any one order.
#[must_use]
pub fn detect_order<'a>(values: impl Iterator<Item = &'a str>) -> Option<DateOrder> {
    let (mut filled, mut iso, mut dmy, mut mdy, mut serial) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut first_over_12, mut second_over_12) = (false, false);
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        filled += 1;
        if parse_date(v, DateOrder::ExcelSerial).is_some() {
            serial += 1;
            continue;
        }
        let Some((a, b, _, year_first)) = parts(v) else { continue };
        if year_first {
            iso += usize::from(parse_date(v, DateOrder::Iso).is_some());
            continue;
        }
        first_over_12 |= a > 12;
        second_over_12 |= b > 12;
        dmy += usize::from(parse_date(v, DateOrder::DayFirst).is_some());
        mdy += usize::from(parse_date(v, DateOrder::MonthFirst).is_some());
    }
    if filled == 0 {
        return None;
    }
    let enough = |k: usize| k * 5 >= filled * 4;
    if enough(iso) {
        Some(DateOrder::Iso)
    } else if enough(serial) {
        Some(DateOrder::ExcelSerial)
    } else if second_over_12 && !first_over_12 && enough(mdy + iso + serial) {
        // A column in several formats (ISO, written day-first or month-first, Excel serials) is
        // read value by value: year-first values and serials read the same in every order.
        Some(DateOrder::MonthFirst)
    } else if enough(dmy + iso + serial) {
        // European files are the rule here: ambiguous columns read day-first.
        Some(DateOrder::DayFirst)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_match_pythons_calendar() {
        // (date - date(1970, 1, 1)).days in Python's datetime.
        for ((y, m, d), days) in [
            ((2000, 2, 29), 11_016),
            ((1900, 3, 1), -25_508),
            ((1, 1, 1), -719_162),
            ((9999, 12, 31), 2_932_896),
            ((2024, 12, 30), 20_087),
        ] {
            assert_eq!(days_from_civil(y, m, d), Some(days), "{y}-{m}-{d}");
            assert_eq!(civil_from_days(days), (y, m, d));
        }
        assert_eq!(days_from_civil(2025, 2, 29), None);
        assert_eq!(days_from_civil(2025, 13, 1), None);
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), Some(days));
        }
    }

    #[test]
    fn every_written_form_of_new_years_eve() {
        let day = days_from_civil(2025, 12, 31).unwrap_or_default();
        assert_eq!(iso_date(day), "2025-12-31");
        for (cell, order) in [
            ("2025-12-31", DateOrder::Iso),
            ("2025-12-31 23:59:00", DateOrder::Iso),
            ("2025-12-31T08:00:00Z", DateOrder::Iso),
            ("31-12-2025", DateOrder::DayFirst),
            ("31.12.2025", DateOrder::DayFirst),
            ("31/12/2025 14:02", DateOrder::DayFirst),
            ("12/31/2025 9:05:00", DateOrder::MonthFirst),
            ("46022", DateOrder::ExcelSerial),
            ("46022.61", DateOrder::ExcelSerial),
        ] {
            assert_eq!(parse_date(cell, order), Some(day), "{cell}");
        }
        assert_eq!(parse_date("31-02-2025", DateOrder::DayFirst), None);
        assert_eq!(parse_date("n.v.t.", DateOrder::DayFirst), None);
    }

    #[test]
    fn the_common_shapes_read_as_any_written_date_reads() {
        let mut cells = vec![
            "2025-12-31",
            "31-12-2025",
            "31.12.2025",
            "31/12/2025",
            "2025/12/31",
            "2025.12.31",
            "2025-12-31 23:59",
            "2025-12-31T08:00:00Z",
            "31/12/2025 14:02",
            "2025-12-31x",
            "2025-12/31",
            "31-12.2025",
            "2025-1a-31",
            "20251-2-31",
            "1-2-2025",
            "2025-1-2",
            " 2025-12-31 ",
            "2025-12-3",
            "abcd-ef-gh",
            "2025-00-00",
        ];
        let digits: Vec<String> =
            (0..10_000).map(|i| format!("{:04}-{:02}-{:02}", 1990 + i % 50, i % 14, i % 33)).collect();
        cells.extend(digits.iter().map(String::as_str));
        for cell in cells {
            let trimmed = cell.trim();
            if let Some(fixed) = fixed_parts(trimmed.as_bytes()) {
                assert_eq!(Some(fixed), written_parts(trimmed), "{cell:?}");
            }
            assert_eq!(parts(cell), written_parts(trimmed), "{cell:?}");
        }
        assert!(fixed_parts(b"2025-12-31").is_some() && fixed_parts(b"31.12.2025 08:00").is_some());
    }

    #[test]
    fn column_order_is_decided_by_the_whole_column() {
        assert_eq!(detect_order(["3/4/2025", "12/31/2025", ""].into_iter()), Some(DateOrder::MonthFirst));
        assert_eq!(detect_order(["3/4/2025", "31/12/2025"].into_iter()), Some(DateOrder::DayFirst));
        assert_eq!(detect_order(["3/4/2025", "4/5/2025"].into_iter()), Some(DateOrder::DayFirst));
        assert_eq!(detect_order(["45947.45882", "45948"].into_iter()), Some(DateOrder::ExcelSerial));
        assert_eq!(detect_order(["2025-01-02", "2025-01-03"].into_iter()), Some(DateOrder::Iso));
        assert_eq!(detect_order(["9", "10", "7"].into_iter()), None);
        assert_eq!(detect_order(["Retail", "Grocery"].into_iter()), None);
    }

    #[test]
    fn a_column_in_three_formats_reads_every_value() {
        let cells = ["2025-01-02", "03-01-2025", "45661", "2025-01-06", "07-01-2025", "45665"];
        let order = detect_order(cells.into_iter());
        assert_eq!(order, Some(DateOrder::DayFirst));
        let days: Vec<Option<String>> =
            cells.iter().map(|c| order.and_then(|o| parse_date(c, o)).map(iso_date)).collect();
        assert_eq!(
            days,
            ["2025-01-02", "2025-01-03", "2025-01-04", "2025-01-06", "2025-01-07", "2025-01-08"]
                .map(|d| Some(d.to_owned()))
        );
    }

    #[test]
    fn days_round_trip() {
        for d in [-1, 0, 19_782, 20_393, 46_022 - EXCEL_EPOCH_OFFSET] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), Some(d));
        }
    }
}
