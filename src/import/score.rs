//! Reading one 0-10 answer from a cell, and the reasons an answer is left out.
//!
//! Owns the rules for what counts as a valid score; never decides which column holds scores.

use serde::Serialize;

/// Why a row's answer was not counted. Such rows are reported, never coded as detractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionReason {
    /// The cell is empty.
    Blank,
    /// Text such as `n.v.t.` or `don't know`.
    NotANumber,
    /// A number with a fraction such as `7.5`.
    NotWholeNumber,
    /// A whole number outside the question's scale, such as `11` for a 0-10 question.
    OutOfRange,
    /// The row's weight is blank, not a number, zero, negative or not finite.
    InvalidWeight,
    /// The row's date could not be read (the answer is left out of the trend and date filters).
    NoDate,
    /// Two numbers as a range, such as `7-8` or `0-10`: not one answer.
    Range,
    /// A time of day, such as `08:21` or `9:45`.
    Time,
    /// A ratio, such as `1:1`.
    Ratio,
    /// A number out of a total written in the cell, such as `5 (out of 5)` or `8/10`: another
    /// scale, or a form nobody can be sure of.
    OutOf,
    /// The row has more or fewer fields than the header, and cannot be lined up with it (its
    /// values would be read from other columns).
    FieldCount,
}

impl ExclusionReason {
    /// Every reason, in the order reports list them.
    pub const ALL: [Self; 11] = [
        Self::Blank,
        Self::NotANumber,
        Self::NotWholeNumber,
        Self::OutOfRange,
        Self::InvalidWeight,
        Self::NoDate,
        Self::Range,
        Self::Time,
        Self::Ratio,
        Self::OutOf,
        Self::FieldCount,
    ];

    /// The stable identifier used in JSON.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Blank => "blank",
            Self::NotANumber => "not_a_number",
            Self::NotWholeNumber => "not_a_whole_number",
            Self::OutOfRange => "out_of_range",
            Self::InvalidWeight => "invalid_weight",
            Self::NoDate => "no_date",
            Self::Range => "range",
            Self::Time => "time",
            Self::Ratio => "ratio",
            Self::OutOf => "out_of",
            Self::FieldCount => "field_count",
        }
    }
}

/// Which mark a file writes decimals with, from its dialect: a comma-delimited file writes
/// `9.5` (so `9.000` is nine), a semicolon-delimited one, as Dutch and Danish Excel save it, writes
/// `9,5` and groups thousands with a point (so `1.000` is a thousand). A workbook, a tab- or
/// otherwise delimited file does not say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Decimal {
    /// Not known: `1.000` and `1,000` are a thousand for a score (never an answer) and read by
    /// the decimal mark they would have alone elsewhere.
    #[default]
    Either,
    /// `9.5`; a comma groups thousands (`"1,250"`).
    Point,
    /// `9,5`; a point groups thousands (`1.250`).
    Comma,
}

impl Decimal {
    /// The decimal mark of a text file delimited by `delimiter`.
    #[must_use]
    pub fn of_delimiter(delimiter: Option<char>) -> Self {
        match delimiter {
            Some(',') => Self::Point,
            Some(';') => Self::Comma,
            _ => Self::Either,
        }
    }

    /// The decimal mark of column `c` of `rows`: the file's, unless a cell of the column writes
    /// its decimals with the other mark (`0.872` in a semicolon file, where `1.000` would
    /// otherwise be a thousand): a mark not followed by exactly three digits, or after a
    /// leading zero, cannot group thousands.
    #[must_use]
    pub fn of_column(self, rows: &super::table::CellTable, c: usize) -> Self {
        let Some(thousands) = self.thousands() else { return self };
        let other = if thousands == '.' { ',' } else { '.' };
        let decimal_use = (0..rows.row_count()).any(|r| {
            let cell = rows.cell(r, c).trim();
            cell.contains(thousands)
                && !cell.contains(other)
                && !has_thousands_separator(cell)
                && parse_number(cell).is_some()
        });
        if !decimal_use {
            return self;
        }
        match self {
            Self::Comma => Self::Point,
            Self::Point => Self::Comma,
            Self::Either => Self::Either,
        }
    }

    /// The thousands mark, where the dialect says.
    fn thousands(self) -> Option<char> {
        match self {
            Self::Either => None,
            Self::Point => Some(','),
            Self::Comma => Some('.'),
        }
    }
}

/// As [`parse_number`], in a file whose decimal mark is `decimal`: a number grouped with the
/// dialect's thousands mark (`1.000` in a semicolon file) is read as thousands.
#[must_use]
pub fn parse_number_in(cell: &str, decimal: Decimal) -> Option<f64> {
    let t = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if let Some(mark) = decimal.thousands()
        && has_thousands_separator(t)
        && t.contains(mark)
    {
        return t.replace(mark, "").parse().ok().filter(|v: &f64| v.is_finite());
    }
    if decimal == Decimal::Point && t.contains('.') {
        return t.strip_prefix('+').unwrap_or(t).parse().ok().filter(|v: &f64| v.is_finite());
    }
    parse_number(t)
}

/// Parses a number as people and spreadsheets write it: surrounding spaces, a decimal comma or
/// point, a leading plus sign.
#[must_use]
pub fn parse_number(cell: &str) -> Option<f64> {
    let t = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let t = t.strip_prefix('+').unwrap_or(t);
    let first = t.chars().next()?;
    if !(first.is_ascii_digit() || first == '-' || first == '.' || first == ',') {
        return None;
    }
    if t.contains(',') && !t.contains('.') && t.matches(',').count() == 1 {
        return t.replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite());
    }
    t.parse().ok().filter(|v: &f64| v.is_finite())
}

/// What a cell that is not a plain number holds: the number of a labelled answer such as
/// `10 - Extremely likely`, `0 = Not at all` or `9 (Zeer waarschijnlijk)` (the label is words
/// only), or why it is not one answer: a range (`7-8`), a time (`08:21`), a ratio (`1:1`), a
/// number out of a total (`5 (out of 5)`, `8/10`), or other text.
fn read_text_answer(t: &str) -> Result<f64, ExclusionReason> {
    let number = |s: &str| s.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return Err(ExclusionReason::NotANumber);
    }
    let (head, rest) = t.split_at(digits);
    let rest_trimmed = rest.trim_start();
    let tail_has_digit = rest.chars().any(|c| c.is_ascii_digit());
    // Two numbers joined by `:`: a time when the second has two digits (`08:21`, `9:45:00`),
    // else a ratio (`1:1`).
    if let Some(after) = rest.strip_prefix(':') {
        let parts: Vec<&str> = after.split(':').collect();
        if parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
            let time = digits <= 2 && parts.len() <= 2 && parts.iter().all(|p| p.len() == 2);
            return Err(if time { ExclusionReason::Time } else { ExclusionReason::Ratio });
        }
    }
    if tail_has_digit {
        let lower = rest_trimmed.to_lowercase();
        // `8/10`, `5 (out of 5)`, `8 of 10`, `8 uit 10`, `8 af 10`, `8 von 10`, `8 van de 10`.
        let out_of = lower.starts_with('/')
            || [" out of ", "(out of ", "out of", " of ", " uit ", " af ", " von ", " van ", "(of "]
                .iter()
                .any(|w| format!(" {lower}").contains(w));
        if out_of {
            return Err(ExclusionReason::OutOf);
        }
        // `7-8`, `0-10`, `10 - 15`, `7 to 8`, `7 tot 8`, `7 til 8`, `7 bis 8`.
        for joiner in ["-", "\u{2013}", "\u{2014}", "to ", "tot ", "til ", "bis "] {
            if let Some(second) = lower.strip_prefix(joiner)
                && number(second).is_some()
                && number(head).is_some()
            {
                return Err(ExclusionReason::Range);
            }
        }
        return Err(ExclusionReason::NotANumber);
    }
    // A labelled answer: one or two digits, a separator, then words.
    let sep = rest_trimmed.chars().next().ok_or(ExclusionReason::NotANumber)?;
    let label = rest_trimmed[sep.len_utf8()..].trim().trim_end_matches(')');
    let labelled = digits <= 2
        && matches!(sep, '-' | '\u{2013}' | '\u{2014}' | '=' | ':' | '(')
        && label.chars().any(char::is_alphabetic);
    if labelled { number(head).ok_or(ExclusionReason::NotANumber) } else { Err(ExclusionReason::NotANumber) }
}

/// Whether a number is written with thousands separators, as `1.000`, `12,500` or `1.000.000`:
/// one to three leading digits (not starting with 0) and groups of exactly three after `.` or
/// `,`. A 0-10 score is never written so.
fn has_thousands_separator(t: &str) -> bool {
    let Some(sep) = t.chars().find(|c| *c == '.' || *c == ',') else { return false };
    let mut groups = t.split(sep);
    let head = groups.next().unwrap_or("");
    let head_ok = (1..=3).contains(&head.len()) && !head.starts_with('0') && head.bytes().all(|b| b.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    head_ok && !rest.is_empty() && rest.iter().all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Reads a 0-10 score from a cell, or says why it does not count.
pub fn parse_score(cell: &str) -> Result<u8, ExclusionReason> {
    parse_score_in(cell, Decimal::Either)
}

/// As [`parse_score`], in a file whose decimal mark is `decimal`: in a comma-delimited file
/// `9.000` is nine, written with three decimals.
pub fn parse_score_in(cell: &str, decimal: Decimal) -> Result<u8, ExclusionReason> {
    // Fast path for the common clean cell: one or two ASCII digits.
    match cell.as_bytes() {
        [d @ b'0'..=b'9'] => return Ok(d - b'0'),
        [b'1', b'0'] => return Ok(10),
        _ => {}
    }
    let trimmed = cell.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if trimmed.is_empty() {
        return Err(ExclusionReason::Blank);
    }
    if has_thousands_separator(trimmed) && !(decimal == Decimal::Point && trimmed.contains('.')) {
        // `1.000` or `1,000` is a thousand, not one: far outside 0-10.
        return Err(ExclusionReason::OutOfRange);
    }
    let value = match parse_number_in(trimmed, decimal) {
        Some(value) => value,
        None => read_text_answer(trimmed)?,
    };
    // A workbook's 8.999999999999998 is 9: binary fractions are not answers.
    let whole = value.round();
    let value = if (value - whole).abs() <= 1e-9 { whole } else { value };
    if value.fract() != 0.0 {
        return Err(ExclusionReason::NotWholeNumber);
    }
    if !(0.0..=10.0).contains(&value) {
        return Err(ExclusionReason::OutOfRange);
    }
    Ok(value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_follow_the_dialect() {
        // Issue 26: `9.000` in a comma file was refused as a thousand.
        assert_eq!(parse_score_in("9.000", Decimal::Point), Ok(9));
        assert_eq!(parse_score_in("10.000", Decimal::Point), Ok(10));
        assert_eq!(parse_score_in("9.000", Decimal::Comma), Err(ExclusionReason::OutOfRange));
        assert_eq!(parse_score_in("9.000", Decimal::Either), Err(ExclusionReason::OutOfRange));
        assert_eq!(parse_score_in("1,000", Decimal::Point), Err(ExclusionReason::OutOfRange));
        assert_eq!(parse_score_in("9,0", Decimal::Comma), Ok(9));
        // A weight of `1.000` in a semicolon file is a thousand; in a comma file, one.
        assert_eq!(parse_number_in("1.000", Decimal::Comma), Some(1000.0));
        assert_eq!(parse_number_in("1.250.000", Decimal::Comma), Some(1_250_000.0));
        assert_eq!(parse_number_in("1.000", Decimal::Point), Some(1.0));
        assert_eq!(parse_number_in("1,250", Decimal::Point), Some(1250.0));
        assert_eq!(parse_number_in("0,85", Decimal::Comma), Some(0.85));
        assert_eq!(parse_number_in("0.85", Decimal::Comma), Some(0.85));
        assert_eq!(parse_number_in("+1.5", Decimal::Point), Some(1.5));
        assert_eq!(parse_number_in("n.v.t.", Decimal::Point), None);
        assert_eq!(parse_number_in("1.000", Decimal::Either), Some(1.0));
    }

    #[test]
    fn written_forms_of_nine_all_count() {
        for cell in ["9", "9.0", "9,0", " 9 ", "9\u{a0}", "+9", "9.00"] {
            assert_eq!(parse_score(cell), Ok(9), "{cell:?}");
        }
        assert_eq!(parse_score("0"), Ok(0));
        assert_eq!(parse_score("10 - Extremely likely"), Ok(10));
        assert_eq!(parse_score("0 - Not at all likely"), Ok(0));
        assert_eq!(parse_score("9 (Zeer waarschijnlijk)"), Ok(9));
        assert_eq!(parse_score("0 = Slet ikke sandsynligt"), Ok(0));
        assert_eq!(parse_score("10 \u{2013} Extremely likely"), Ok(10));
    }

    #[test]
    fn ranges_times_ratios_and_totals_are_not_answers() {
        use ExclusionReason::{NotANumber, OutOf, Range, Ratio, Time};
        let cases = [
            ("7-8", Range),
            ("0-10", Range),
            ("10-15", Range),
            ("10 - 15", Range),
            ("7 to 8", Range),
            ("7 tot 8", Range),
            ("08:21", Time),
            ("9:45", Time),
            ("9:45:00", Time),
            ("1:1", Ratio),
            ("3:100", Ratio),
            ("5 (out of 5)", OutOf),
            ("8/10", OutOf),
            ("8 of 10", OutOf),
            ("8 uit 10", OutOf),
            ("8 af 10", OutOf),
            ("7 stars", NotANumber),
            ("9 -", NotANumber),
            ("10 - 3 days late", NotANumber),
            ("2025-01-03", NotANumber),
        ];
        for (cell, reason) in cases {
            assert_eq!(parse_score(cell), Err(reason), "{cell:?}");
        }
    }

    #[test]
    fn invalid_answers_have_reasons() {
        assert_eq!(parse_score(""), Err(ExclusionReason::Blank));
        assert_eq!(parse_score("   "), Err(ExclusionReason::Blank));
        assert_eq!(parse_score("n.v.t."), Err(ExclusionReason::NotANumber));
        assert_eq!(parse_score("weet niet"), Err(ExclusionReason::NotANumber));
        assert_eq!(parse_score("7.5"), Err(ExclusionReason::NotWholeNumber));
        assert_eq!(parse_score("7,5"), Err(ExclusionReason::NotWholeNumber));
        assert_eq!(parse_score("11"), Err(ExclusionReason::OutOfRange));
        assert_eq!(parse_score("11.0"), Err(ExclusionReason::OutOfRange));
        assert_eq!(parse_score("-1"), Err(ExclusionReason::OutOfRange));
    }

    #[test]
    fn thousands_separators_and_binary_fractions() {
        for cell in ["1.000", "1,000", "10.000", "2.500.000"] {
            assert_eq!(parse_score(cell), Err(ExclusionReason::OutOfRange), "{cell}");
        }
        assert_eq!(parse_score("8.999999999999998"), Ok(9));
        assert_eq!(parse_score("9.000000000000002"), Ok(9));
        assert_eq!(parse_score("0.0"), Ok(0));
        assert_eq!(parse_score("9.00"), Ok(9));
        assert_eq!(parse_score("8.99"), Err(ExclusionReason::NotWholeNumber));
    }

    #[test]
    fn numbers_with_thousands_or_words_are_not_numbers() {
        assert_eq!(parse_number("1,234.5"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number("3,5"), Some(3.5));
    }
}
