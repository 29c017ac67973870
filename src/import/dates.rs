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

impl DateOrder {
    /// The order as `--date-order` and a project write it: `dmy`, `mdy` or `ymd` (`None` for
    /// serial numbers, which have no order).
    #[must_use]
    pub fn code(self) -> Option<&'static str> {
        match self {
            Self::DayFirst => Some("dmy"),
            Self::MonthFirst => Some("mdy"),
            Self::Iso => Some("ymd"),
            Self::ExcelSerial => None,
        }
    }

    /// The order of a code written by [`DateOrder::code`].
    #[must_use]
    pub fn of_code(code: &str) -> Option<Self> {
        match code {
            "dmy" => Some(Self::DayFirst),
            "mdy" => Some(Self::MonthFirst),
            "ymd" => Some(Self::Iso),
            _ => None,
        }
    }
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

/// The years a two-digit year is read in: `00`-`68` are 2000-2068, `69`-`99` are 1969-1999, the
/// POSIX rule (`strptime %y`, also Python's and R's). Announced wherever it is used.
pub const TWO_DIGIT_YEARS: (i64, i64) = (1969, 2068);

/// A year as written: a two-digit year by the pivot of [`TWO_DIGIT_YEARS`].
fn full_year(y: u32) -> i64 {
    match y {
        0..=68 => 2000 + i64::from(y),
        69..=99 => 1900 + i64::from(y),
        _ => i64::from(y),
    }
}

/// What reading a date column found that the user must be told: none of it is a failure, each is
/// a choice made for them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateDoubts {
    /// Day and month could not be told apart (no part above 12): day-first was chosen.
    pub ambiguous: bool,
    /// Some years are written with two digits, read by [`TWO_DIGIT_YEARS`].
    pub two_digit_years: bool,
    /// Numbers read as Excel serial dates.
    pub serials: bool,
    /// The order was stated by the user (the review, `--date-order`), not detected: a project
    /// remembers it.
    pub order_stated: bool,
}

/// How many of a column's non-blank `values` read as dates in the order that reads most of them,
/// out of how many, and the first that does not (for a message saying why a column is no date
/// column).
#[must_use]
pub fn readable_dates<'a>(values: impl Iterator<Item = (usize, &'a str)>) -> (usize, usize, Option<(usize, String)>) {
    let orders = [DateOrder::Iso, DateOrder::DayFirst, DateOrder::MonthFirst, DateOrder::ExcelSerial];
    let (mut filled, mut read) = (0usize, [0usize; 4]);
    let mut unreadable: Vec<(usize, &str, [bool; 4])> = Vec::new();
    for (row, v) in values.map(|(r, v)| (r, v.trim())).filter(|(_, v)| !v.is_empty()) {
        filled += 1;
        let ok = orders.map(|o| parse_date(v, o).is_some());
        for (k, &fine) in ok.iter().enumerate() {
            read[k] += usize::from(fine);
        }
        if unreadable.len() < 64 && ok.contains(&false) {
            unreadable.push((row, v, ok));
        }
    }
    let best = (0..4).max_by_key(|&k| read[k]).unwrap_or(0);
    let example = unreadable.iter().find(|(_, _, ok)| !ok[best]).map(|(r, v, _)| (*r, (*v).to_owned()));
    (read[best], filled, example)
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
    read_order(values).map(|(order, _)| order)
}

/// As [`detect_order`], with what the reading must announce ([`DateDoubts`]).
#[must_use]
pub fn read_order<'a>(values: impl Iterator<Item = &'a str>) -> Option<(DateOrder, DateDoubts)> {
    let (mut filled, mut iso, mut dmy, mut mdy, mut serial) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut first_over_12, mut second_over_12, mut two_digit_years) = (false, false, false);
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        filled += 1;
        if parse_date(v, DateOrder::ExcelSerial).is_some() {
            serial += 1;
            continue;
        }
        let Some((a, b, year, year_first)) = parts(v) else { continue };
        if year_first {
            iso += usize::from(parse_date(v, DateOrder::Iso).is_some());
            continue;
        }
        two_digit_years |= year < 100;
        first_over_12 |= a > 12;
        second_over_12 |= b > 12;
        dmy += usize::from(parse_date(v, DateOrder::DayFirst).is_some());
        mdy += usize::from(parse_date(v, DateOrder::MonthFirst).is_some());
    }
    if filled == 0 {
        return None;
    }
    let enough = |k: usize| k * 5 >= filled * 4;
    let order = if enough(iso) {
        DateOrder::Iso
    } else if enough(serial) {
        DateOrder::ExcelSerial
    } else if second_over_12 && !first_over_12 && enough(mdy + iso + serial) {
        // A column in several formats (ISO, written day-first or month-first, Excel serials) is
        // read value by value: year-first values and serials read the same in every order.
        DateOrder::MonthFirst
    } else if enough(dmy + iso + serial) {
        // European files are the rule here: ambiguous columns read day-first, and that is said.
        DateOrder::DayFirst
    } else {
        return None;
    };
    let doubts = DateDoubts {
        ambiguous: order == DateOrder::DayFirst && !first_over_12 && dmy > 0,
        two_digit_years: two_digit_years && order != DateOrder::ExcelSerial,
        serials: serial > 0,
        order_stated: false,
    };
    Some((order, doubts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_years_follow_the_posix_pivot_and_doubts_are_found() {
        let day = |y, m, d| days_from_civil(y, m, d);
        // Issue 26: `15/06/98` was 2098, a trend of ~400 empty quarters.
        assert_eq!(parse_date("15/06/98", DateOrder::DayFirst), day(1998, 6, 15));
        assert_eq!(parse_date("15/06/68", DateOrder::DayFirst), day(2068, 6, 15));
        assert_eq!(parse_date("15/06/69", DateOrder::DayFirst), day(1969, 6, 15));
        assert_eq!(parse_date("15/06/25", DateOrder::DayFirst), day(2025, 6, 15));
        let doubts = |values: &[&str]| read_order(values.iter().copied());
        let none = DateDoubts::default();
        assert_eq!(
            doubts(&["15/06/98", "16/06/98"]),
            Some((DateOrder::DayFirst, DateDoubts { two_digit_years: true, ..none }))
        );
        assert_eq!(
            doubts(&["01/02/2025", "03/04/2025"]),
            Some((DateOrder::DayFirst, DateDoubts { ambiguous: true, ..none }))
        );
        assert_eq!(doubts(&["01/02/2025", "13/04/2025"]), Some((DateOrder::DayFirst, none)));
        assert_eq!(doubts(&["01/02/2025", "04/13/2025"]), Some((DateOrder::MonthFirst, none)));
        assert_eq!(doubts(&["2025-01-02", "2025-03-04"]), Some((DateOrder::Iso, none)));
        assert_eq!(doubts(&["45292", "45293"]), Some((DateOrder::ExcelSerial, DateDoubts { serials: true, ..none })));
        let (read, filled, example) =
            readable_dates([(2, "2025-01-02"), (3, "soon"), (4, ""), (5, "31/02/2025"), (6, "2025-03-04")].into_iter());
        assert_eq!((read, filled, example), (2, 4, Some((3, "soon".to_owned()))));
    }

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
