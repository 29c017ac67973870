//! Column roles: what each column of a survey is for (the 0-10 score, a CES or CSAT question, a
//! sector, a segment, a date, a comment, an id, a weight, or nothing to analyse), with its scale.
//!
//! Headers are read in English, Dutch, Danish and German first; values only confirm. A scale comes
//! from the question, never from the answers alone: a 0-10 question nobody answered 0 on is
//! still 0-10, a CSAT question nobody answered 5 on is still 1-5.

use serde::{Deserialize, Serialize};

use super::columns::PROFILE_ROWS;
use super::dates::{DateDoubts, DateOrder, detect_order, read_order};
use super::layout::plain_text;
use super::score::{Decimal, parse_number, parse_number_in};
use super::table::CellTable;

/// What a column is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The 0-10 recommendation question.
    Score,
    /// A school-style grade 1-10 (the Dutch "rapportcijfer").
    Grade,
    /// Customer satisfaction 1-5.
    Csat,
    /// Customer effort, 1-7 agreement ("easy to handle my issue"), higher = better.
    CesAgree,
    /// Customer effort, 1-5 effort ("how much effort"), lower = better.
    CesEffort,
    /// Another rating question on 1-5 (staff, speed, price): a candidate driver of the score.
    Rating5,
    /// A rating question on 1-7.
    Rating7,
    /// A rating question on 1-10.
    Rating10,
    /// The client's sector (compared with benchmarks).
    Sector,
    /// Any other grouping (region, channel, product).
    Segment,
    /// When the answer was given.
    Date,
    /// An open answer.
    Comment,
    /// Respondent or response id (kept as text exactly as written).
    RespondentId,
    /// A survey weight.
    Weight,
    /// Not analysed.
    Ignore,
}

impl Role {
    /// Every role, in the order the review screen offers them.
    pub const ALL: [Role; 15] = [
        Role::Score,
        Role::Grade,
        Role::Csat,
        Role::CesAgree,
        Role::CesEffort,
        Role::Rating5,
        Role::Rating7,
        Role::Rating10,
        Role::Sector,
        Role::Segment,
        Role::Date,
        Role::Comment,
        Role::RespondentId,
        Role::Weight,
        Role::Ignore,
    ];

    /// The answer scale of a rating role, as `(lowest, highest)`.
    #[must_use]
    pub fn scale(self) -> Option<(u8, u8)> {
        match self {
            Self::Score => Some((0, 10)),
            Self::Grade | Self::Rating10 => Some((1, 10)),
            Self::Csat | Self::CesEffort | Self::Rating5 => Some((1, 5)),
            Self::CesAgree | Self::Rating7 => Some((1, 7)),
            _ => None,
        }
    }

    /// The scale written for the report, e.g. `1-7 agree`.
    #[must_use]
    pub fn scale_label(self) -> Option<&'static str> {
        match self {
            Self::Score => Some("0-10"),
            Self::Grade | Self::Rating10 => Some("1-10"),
            Self::Csat | Self::Rating5 => Some("1-5"),
            Self::Rating7 => Some("1-7"),
            Self::CesAgree => Some("1-7 agree, higher is better"),
            Self::CesEffort => Some("1-5 effort, lower is better"),
            _ => None,
        }
    }
}

/// One column's role as detected (or as the user set it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnRole {
    /// The column's name.
    pub column: String,
    /// Its role.
    pub role: Role,
    /// The scale of a rating column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<&'static str>,
    /// The scale was guessed from the answers alone (no header word or stated range said it):
    /// announced, and asked in the review.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub scale_guessed: bool,
    /// How a date column writes its dates.
    #[serde(skip)]
    pub date_order: Option<DateOrder>,
    /// What reading a date column chose for the user, to be announced.
    #[serde(skip)]
    pub date_doubts: DateDoubts,
}

/// Normalised header words for matching: lower case, HTML removed, `_` and `-` as spaces.
fn words(header: &str) -> String {
    format!(" {} ", plain_text(header).to_lowercase().replace(['_', '-', '.', '?', ':', '(', ')', '/'], " "))
}

fn has_any(text: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| text.contains(n))
}

const IGNORE_WORDS: [&str; 30] = [
    "nps group",
    " topics ",
    "parent topics",
    "sentiment",
    "e mail",
    " email ",
    " name ",
    " naam ",
    " navn ",
    "ip address",
    "ipaddress",
    "latitude",
    "longitude",
    " status ",
    " progress ",
    "duration",
    " finished ",
    "recipient",
    "external",
    "distributionchannel",
    "distribution channel",
    "userlanguage",
    "startlanguage",
    "lastpage",
    " seed ",
    "network id",
    "collector id",
    "user agent",
    "ip adres",
    "ip adresse",
];
/// Words of a rating question (a driver of the score), in English, Dutch, Danish and German.
const RATING_WORDS: [&str; 16] = [
    " rate ",
    "rating",
    "satisf",
    "how good",
    "beoordeel",
    "beoordeling",
    "tevreden",
    "hoe goed",
    "vurder",
    "vurdering",
    "tilfreds",
    "hvor god",
    "bewert",
    "bewertung",
    "zufrieden",
    "wie gut",
];
const WEIGHT_WORDS: [&str; 5] = [" weight", "gewicht", " weging", " vægt", "weighting"];
const ID_WORDS: [&str; 12] = [
    " id ",
    " respondent ",
    " respondent id ",
    "responseid",
    "response id",
    "recordid",
    " token ",
    " # ",
    "respondentnummer",
    " deelnemer",
    " lfdn ",
    " respondentid ",
];
/// Headers that name a person's ID (not a store's, agent's or product's): only these may repeat
/// across the periods of a file of waves.
const PERSON_ID_WORDS: [&str; 14] = [
    " respondent",
    "customer id",
    "customer number",
    "customer no",
    "client id",
    "member id",
    "klantnummer",
    "klant id",
    "klantid",
    "deelnemer",
    "kundenummer",
    "kunde id",
    "kundennummer",
    "medlemsnummer",
];
/// What a contact column holds, for the follow-up list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContactKind {
    /// An e-mail address.
    Email,
    /// A telephone number.
    Phone,
    /// A customer or account number.
    Customer,
    /// A person's name.
    Name,
}

const EMAIL_WORDS: [&str; 5] = [" email ", "e mail", " mail ", "emailadres", "mailadresse"];
const PHONE_WORDS: [&str; 10] = [
    " phone ",
    "telephone",
    "telefoon",
    " telefon ",
    "telefonnummer",
    " tlf ",
    " mobile ",
    " mobiel ",
    " mobil ",
    "telefoonnummer",
];
const CUSTOMER_WORDS: [&str; 10] = [
    "customer id",
    "customer number",
    "customer no",
    "client id",
    "account number",
    "klantnummer",
    "klant id",
    "kundenummer",
    "kunde id",
    "kundennummer",
];
const NAME_WORDS: [&str; 14] = [
    " name ",
    " naam ",
    " navn ",
    "first name",
    "last name",
    "voornaam",
    "achternaam",
    "klantnaam",
    "fornavn",
    "efternavn",
    "kundenavn",
    "vorname",
    "nachname",
    "kundenname",
];
/// Names that are not the respondent's: a product's, a shop's, a company's, an employee's.
const NOT_A_PERSON_WORDS: [&str; 14] = [
    "product",
    "store",
    "shop",
    "winkel",
    "butik",
    "company",
    "bedrijf",
    "firma",
    "virksomhed",
    "agent",
    "medewerker",
    "employee",
    "medarbejder",
    "mitarbeiter",
];

/// Whether a cell looks like a telephone number: mostly digits, at least six of them.
fn looks_like_phone(cell: &str) -> bool {
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    digits >= 6 && cell.chars().all(|c| c.is_ascii_digit() || " +-()./".contains(c))
}

/// Whether nearly all (nine in ten) of the filled `cells` pass `test`; false when none is filled.
fn nearly_all(cells: &[&str], test: impl Fn(&str) -> bool) -> bool {
    let filled: Vec<&&str> = cells.iter().filter(|c| !c.trim().is_empty()).collect();
    let passing = filled.iter().filter(|c| test(c.trim())).count();
    !filled.is_empty() && passing * 10 >= filled.len() * 9
}

/// Whether a cell looks like one e-mail address.
fn looks_like_email(cell: &str) -> bool {
    let cell = cell.trim();
    match cell.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty() && domain.contains('.') && !domain.starts_with('.') && !cell.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// The contact columns of a table: those whose header names an e-mail address or a telephone
/// number and whose filled cells (of those given) nearly all are one; those whose header names a
/// customer number or the respondent's name (in English, Dutch, Danish or German); and any other
/// whose filled cells nearly all are e-mail addresses. A yes/no "may we phone you?" column or an
/// agent's or product's name is not a contact. The score and respondent ID columns (`skip`) are
/// never contacts. Column index and kind, left to right.
#[must_use]
pub fn contact_columns<'a>(
    headers: &[String],
    skip: &[usize],
    cells: impl Fn(usize) -> Vec<&'a str>,
) -> Vec<(usize, ContactKind)> {
    let mut found = Vec::new();
    for (i, header) in headers.iter().enumerate() {
        if skip.contains(&i) {
            continue;
        }
        let h = words(header);
        let kind = if has_any(&h, &EMAIL_WORDS) || has_any(&h, &PHONE_WORDS) {
            let values = cells(i);
            if nearly_all(&values, looks_like_email) {
                Some(ContactKind::Email)
            } else if has_any(&h, &PHONE_WORDS) && nearly_all(&values, looks_like_phone) {
                Some(ContactKind::Phone)
            } else {
                None
            }
        } else if has_any(&h, &CUSTOMER_WORDS) {
            Some(ContactKind::Customer)
        } else if has_any(&h, &NAME_WORDS) && !has_any(&h, &NOT_A_PERSON_WORDS) {
            Some(ContactKind::Name)
        } else {
            nearly_all(&cells(i), looks_like_email).then_some(ContactKind::Email)
        };
        if let Some(kind) = kind {
            found.push((i, kind));
        }
    }
    found
}

/// Whether a header names a date or time column (in English, Dutch, Danish or German).
#[must_use]
pub fn headed_like_date(header: &str) -> bool {
    has_any(&words(header), &DATE_WORDS)
}

const DATE_WORDS: [&str; 20] = [
    " date ",
    " datum ",
    " dato ",
    " time ",
    " tijd ",
    " tid ",
    " zeit ",
    "timestamp",
    "tijdstempel",
    "tidsstempel",
    "zeitstempel",
    " start",
    " end ",
    "submit",
    "begintijd",
    "voltooien",
    "recorded",
    "anfangsdatum",
    "enddatum",
    "tidspunkt",
];
const CSAT_WORDS: [&str; 5] = ["csat", "satisf", "tevreden", "tilfreds", "zufrieden"];
const CES_WORDS: [&str; 10] =
    [" ces ", "effort", "moeite", "inspanning", "gemak", "easy", "makkelijk", " nem ", "indsats", "aufwand"];
const EFFORT_WORDS: [&str; 5] = ["effort", "moeite", "inspanning", "indsats", "aufwand"];
/// Words of the CES 2.0 agreement statement ("made it easy for me"), whose scale is 1-7.
const EASE_WORDS: [&str; 8] = ["gemak", "easy", "makkelijk", " nem ", "einfach", "agree", "eens", "enig"];
const GRADE_WORDS: [&str; 6] = ["cijfer", "rapportcijfer", " grade ", "karakter", "schulnote", " note "];
const SECTOR_WORDS: [&str; 8] =
    [" sector", "branche", "industry", "industrie", " branch", "bransje", "sektor", "business type"];
const COMMENT_WORDS: [&str; 21] = [
    " better",
    "comment",
    "opmerking",
    "toelichting",
    "kommentar",
    "bemærkning",
    "anmerkung",
    " why",
    "waarom",
    "hvorfor",
    "warum",
    "feedback",
    "reason",
    "explain",
    "suggest",
    "verbeter",
    "remark",
    "open ended",
    "free text",
    "begrundelse",
    "improve",
];

/// What the values of a column look like, from a sample of rows.
#[derive(Debug, Default)]
struct ValueProfile {
    filled: usize,
    numeric: usize,
    whole_min: Option<f64>,
    whole_max: Option<f64>,
    /// Numbers with a fraction (3.5): no rating answer.
    fractional: usize,
    distinct: usize,
    mean_length: f64,
}

fn profile(rows: &CellTable, column: usize) -> ValueProfile {
    let stride = rows.row_count().div_ceil(PROFILE_ROWS).max(1);
    let mut p = ValueProfile::default();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut length = 0usize;
    for r in (0..rows.row_count()).step_by(stride) {
        let cell = rows.cell(r, column).trim();
        if cell.is_empty() {
            continue;
        }
        p.filled += 1;
        length += cell.chars().count();
        if seen.len() <= 1_000 {
            seen.insert(cell);
        }
        if let Some(v) = parse_number(cell) {
            p.numeric += 1;
            p.fractional += usize::from(v.fract() != 0.0);
            p.whole_min = Some(p.whole_min.map_or(v, |m: f64| m.min(v)));
            p.whole_max = Some(p.whole_max.map_or(v, |m: f64| m.max(v)));
        }
    }
    p.distinct = seen.len();
    p.mean_length = if p.filled == 0 { 0.0 } else { length as f64 / p.filled as f64 };
    p
}

impl ValueProfile {
    fn mostly_numeric(&self) -> bool {
        self.filled > 0 && self.numeric * 10 >= self.filled * 9
    }
    fn within(&self, low: f64, high: f64) -> bool {
        self.mostly_numeric() && self.whole_min.is_some_and(|m| m >= low) && self.whole_max.is_some_and(|m| m <= high)
    }
}

/// The cells of column `c` in at most [`PROFILE_ROWS`] evenly spaced rows.
fn sampled(rows: &CellTable, c: usize) -> impl Iterator<Item = &str> {
    let stride = rows.row_count().div_ceil(PROFILE_ROWS).max(1);
    (0..rows.row_count()).step_by(stride).map(move |r| rows.cell(r, c))
}

/// At most this many answers of one respondent in a file of waves (monthly for a year).
const MAX_ANSWERS_PER_ID: usize = 12;

/// Whether a column's values look like respondent IDs that answer in several periods, counted
/// over every row: none occurs more than [`MAX_ANSWERS_PER_ID`] times and they repeat at most
/// four times on average (a grouping repeats far more). Only asked of columns whose header names
/// a person's ID, and only kept when the file has dates ([`detect_roles`]).
fn repeated_ids(rows: &CellTable, c: usize) -> bool {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut filled = 0usize;
    for cell in (0..rows.row_count()).map(|r| rows.cell(r, c).trim()).filter(|v| !v.is_empty()) {
        filled += 1;
        *counts.entry(cell).or_default() += 1;
    }
    filled > 0 && counts.len() * 4 >= filled && counts.values().all(|&k| k <= MAX_ANSWERS_PER_ID)
}

/// Detects the role of every column; `score_column` is the one already chosen as the 0-10 score.
#[must_use]
pub fn detect_roles(headers: &[String], codes: &[String], rows: &CellTable, score_column: usize) -> Vec<ColumnRole> {
    let mut roles: Vec<ColumnRole> = headers
        .iter()
        .enumerate()
        .map(|(c, header)| {
            let code = codes.get(c).map_or("", String::as_str);
            let (role, scale_guessed) =
                if c == score_column { (Role::Score, false) } else { detect_one(header, code, rows, c, true) };
            let (date_order, date_doubts) = match (role == Role::Date).then(|| read_order(sampled(rows, c))).flatten() {
                Some((order, doubts)) => (Some(order), doubts),
                None => (None, DateDoubts::default()),
            };
            ColumnRole {
                column: header.clone(),
                role,
                scale: role.scale_label(),
                scale_guessed,
                date_order,
                date_doubts,
            }
        })
        .collect();
    // IDs that repeat belong to people answering in several periods: without dates there are no
    // periods, and the column is read as if its IDs could not repeat.
    if !roles.iter().any(|r| r.role == Role::Date) {
        for (c, r) in roles.iter_mut().enumerate() {
            if r.role == Role::RespondentId {
                let code = codes.get(c).map_or("", String::as_str);
                let (role, scale_guessed) = detect_one(&headers[c], code, rows, c, false);
                (r.role, r.scale, r.scale_guessed) = (role, role.scale_label(), scale_guessed);
            }
        }
    }
    // One sector column: the first; further ones are segments.
    let mut sector_seen = false;
    for r in &mut roles {
        if r.role == Role::Sector {
            if sector_seen {
                r.role = Role::Segment;
            }
            sector_seen = true;
        }
    }
    roles
}

/// The scale a header states: "(1-5)", "1 to 7", "op een schaal van 1 tot 5", "1 t/m 10",
/// "1 til 5", "1 bis 7": the lowest answer (0 or 1) and the highest (5, 7 or 10).
#[must_use]
pub fn stated_scale(header: &str) -> Option<(u8, u8)> {
    let h = words(header);
    let tokens: Vec<&str> = h.split_whitespace().collect();
    // Written as numbers are ("1", "10"), not as parts of a date ("01-05-2024").
    let number = |t: &str| (!t.starts_with('0') || t == "0").then(|| t.parse::<u8>().ok()).flatten();
    let scale = |low: &str, high: &str, after: Option<&&str>| -> Option<(u8, u8)> {
        let (low, high) = (number(low)?, number(high)?);
        let date_follows = after.is_some_and(|t| t.len() >= 3 && t.bytes().all(|b| b.is_ascii_digit()));
        (matches!(low, 0 | 1) && matches!(high, 5 | 7 | 10) && !date_follows).then_some((low, high))
    };
    for (i, low) in tokens.iter().enumerate() {
        let rest = &tokens[i + 1..];
        let found = match rest {
            [high, after @ ..] if scale(low, high, after.first()).is_some() => scale(low, high, after.first()),
            [joint, high, after @ ..] if ["to", "tot", "til", "bis", "until"].contains(joint) => {
                scale(low, high, after.first())
            }
            ["t", "m", high, after @ ..] => scale(low, high, after.first()),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The role of one column, and whether a rating scale was guessed from the answers alone.
fn detect_one(header: &str, code: &str, rows: &CellTable, c: usize, repeats: bool) -> (Role, bool) {
    let role = detect_role(header, code, rows, c, repeats);
    let guessed = match role {
        Role::CesAgree | Role::CesEffort => ces_scale_guessed(header, code, rows, c),
        // A rating's shorter scale rests on its answers unless the header states it.
        Role::Rating5 | Role::Rating7 => stated_scale(header).or_else(|| stated_scale(code)).is_none(),
        _ => false,
    };
    (role, guessed)
}

/// Whether a CES column's scale rests on its answers alone: no header word or stated range
/// says effort or agreement, and no answer lies above 5 (which would prove 1-7).
fn ces_scale_guessed(header: &str, code: &str, rows: &CellTable, c: usize) -> bool {
    let h = words(&format!("{header} {code}"));
    if !has_any(&h, &CES_WORDS) || has_any(&h, &EFFORT_WORDS) || has_any(&h, &EASE_WORDS) {
        return false;
    }
    let stated = |text: &str| matches!(stated_scale(text), Some((_, 5 | 7)));
    if stated(header) || stated(code) {
        return false;
    }
    let p = profile(rows, c);
    p.within(1.0, 5.0)
}

/// The role of one column; `repeats` allows a person's ID column whose IDs repeat.
fn detect_role(header: &str, code: &str, rows: &CellTable, c: usize, repeats: bool) -> Role {
    let h = words(&format!("{header} {code}"));
    let p = profile(rows, c);
    if p.filled == 0 || has_any(&h, &IGNORE_WORDS) {
        return Role::Ignore;
    }
    // A column headed like a weight is a weight whatever it holds: one that cannot be is
    // announced with its rows at fault ([`weight_problem`]), never made a segment silently.
    if has_any(&h, &WEIGHT_WORDS) {
        return Role::Weight;
    }
    if has_any(&h, &ID_WORDS) && p.distinct * 10 >= p.filled.min(1_000) * 9 {
        return Role::RespondentId;
    }
    if repeats && has_any(&h, &PERSON_ID_WORDS) && repeated_ids(rows, c) {
        return Role::RespondentId;
    }
    let dates = || {
        detect_order(
            (0..rows.row_count()).step_by(rows.row_count().div_ceil(PROFILE_ROWS).max(1)).map(|r| rows.cell(r, c)),
        )
    };
    if has_any(&h, &DATE_WORDS) && dates().is_some() {
        return Role::Date;
    }
    if has_any(&h, &CES_WORDS) && p.within(1.0, 7.0) {
        // The wording decides the scale where it can: a stated range ("(1-5)", "1 tot 7"), then
        // effort or ease words. Otherwise the answers: one above 5 proves the 1-7 agreement
        // scale (CES 2.0); answers that never go past 5, however few, are read as the 1-5
        // effort scale (CES 1.0), and that guess is announced (`scale_guessed`).
        // A stated 1-10 is no CES scale: the words and answers decide.
        let stated = stated_scale(header).or_else(|| stated_scale(code)).map(|(_, high)| high).filter(|h| *h != 10);
        let effort = match stated {
            Some(high) => high == 5,
            None if has_any(&h, &EFFORT_WORDS) => true,
            None if has_any(&h, &EASE_WORDS) => false,
            None => p.within(1.0, 5.0),
        };
        return if effort && p.within(1.0, 5.0) { Role::CesEffort } else { Role::CesAgree };
    }
    if has_any(&h, &CSAT_WORDS) && p.within(1.0, 5.0) {
        return Role::Csat;
    }
    if has_any(&h, &GRADE_WORDS) && p.within(1.0, 10.0) {
        return Role::Grade;
    }
    if let Some(role) = rating_role(header, code, &h, &p) {
        return role;
    }
    if has_any(&h, &SECTOR_WORDS) && !p.mostly_numeric() {
        return Role::Sector;
    }
    if has_any(&h, &COMMENT_WORDS) && !p.mostly_numeric() {
        return Role::Comment;
    }
    // Without telling words, the values decide among the non-rating roles.
    if matches!(dates(), Some(DateOrder::Iso | DateOrder::DayFirst | DateOrder::MonthFirst)) {
        return Role::Date;
    }
    let many_distinct = p.distinct * 2 > p.filled.min(1_000);
    if !p.mostly_numeric() && p.mean_length >= 25.0 && many_distinct {
        return Role::Comment;
    }
    // A few values that repeat: a grouping. Small files repeat less, so the bar is lower there.
    let repeats = if p.filled < 20 { p.distinct < p.filled } else { !many_distinct };
    if p.distinct >= 2 && p.distinct <= 60 && repeats {
        return Role::Segment;
    }
    Role::Ignore
}

/// A rating question other than CES, CSAT and grade (a driver of the score): whole answers
/// from 1 up to 5, 7 or 10, and a header that says so, by a stated scale ("(1-5)", "1 tot 7")
/// or by asking for a rating ("how would you rate", "hoe tevreden", "vurder"). The scale is
/// the stated one, else the smallest of 5, 7 and 10 that holds every answer. Columns without
/// such a header stay segments; the review makes them ratings.
fn rating_role(header: &str, code: &str, h: &str, p: &ValueProfile) -> Option<Role> {
    if !p.within(1.0, 10.0) || p.fractional > 0 {
        return None;
    }
    let stated = stated_scale(header).or_else(|| stated_scale(code));
    if stated.is_none() && !has_any(h, &RATING_WORDS) {
        return None;
    }
    let high = match stated {
        Some((1, high)) => high,
        Some(_) => return None,
        None => match p.whole_max.unwrap_or(10.0) {
            m if m <= 5.0 => 5,
            m if m <= 7.0 => 7,
            _ => 10,
        },
    };
    (p.whole_max.unwrap_or(0.0) <= f64::from(high)).then_some(match high {
        5 => Role::Rating5,
        7 => Role::Rating7,
        _ => Role::Rating10,
    })
}

/// Why a column headed like a weight does not hold survey weights.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightProblem {
    /// `not_numbers` (text in it), `not_positive` (zero or negative), `blank` (rows without a
    /// weight) or `mean_not_near_1`.
    pub reason: &'static str,
    /// The first three rows at fault: spreadsheet row number and value ("" for a blank).
    pub rows: Vec<(usize, String)>,
    /// How many more rows are at fault.
    pub more_rows: usize,
    /// The mean of the weights, for `mean_not_near_1`.
    pub mean: f64,
}

impl WeightProblem {
    /// The rows at fault (`row 3: '0', row 5: blank and 4 more rows`) or the mean, in English.
    #[must_use]
    pub fn detail(&self) -> String {
        if self.rows.is_empty() {
            return format!("{:.2}", self.mean);
        }
        let shown: Vec<String> = self
            .rows
            .iter()
            .map(
                |(row, cell)| {
                    if cell.is_empty() { format!("row {row}: blank") } else { format!("row {row}: '{cell}'") }
                },
            )
            .collect();
        let more = match self.more_rows {
            0 => String::new(),
            1 => " and 1 more row".to_owned(),
            m => format!(" and {m} more rows"),
        };
        format!("{}{more}", shown.join(", "))
    }
}

/// Why a column headed like a weight does not hold survey weights: the reason, the rows at fault
/// or the mean; `None` when its values are positive numbers whose mean is near 1 (between 0.5 and
/// 2), as survey weights are. Numbers are read in the file's `decimal` dialect (`1.000` in a
/// semicolon file is a thousand).
#[must_use]
pub fn weight_problem(rows: &CellTable, c: usize, decimal: Decimal) -> Option<WeightProblem> {
    let decimal = decimal.of_column(rows, c);
    let (mut sum, mut n) = (0.0, 0usize);
    // The rows at fault, by reason: text, not positive, blank.
    let mut faults: [Vec<(usize, &str)>; 3] = Default::default();
    for r in 0..rows.row_count() {
        let cell = rows.cell(r, c).trim();
        let fault = if cell.is_empty() {
            2
        } else {
            match parse_number_in(cell, decimal) {
                None => 0,
                Some(w) if w <= 0.0 || !w.is_finite() => 1,
                Some(w) => {
                    sum += w;
                    n += 1;
                    continue;
                }
            }
        };
        faults[fault].push((rows.row_number(r), cell));
    }
    let all_blank = n == 0 && faults[0].is_empty() && faults[1].is_empty();
    if let Some(k) = (0..3).find(|&k| !faults[k].is_empty()).filter(|_| !all_blank) {
        let bad: Vec<(usize, &str)> = {
            let mut all: Vec<(usize, &str)> = faults.iter().flatten().copied().collect();
            all.sort_unstable_by_key(|&(row, _)| row);
            all
        };
        return Some(WeightProblem {
            reason: ["not_numbers", "not_positive", "blank"][k],
            rows: bad.iter().take(3).map(|&(row, cell)| (row, cell.to_owned())).collect(),
            more_rows: bad.len().saturating_sub(3),
            mean: 0.0,
        });
    }
    let mean = if n == 0 { 0.0 } else { sum / n as f64 };
    (!(0.5..=2.0).contains(&mean)).then(|| WeightProblem {
        reason: "mean_not_near_1",
        rows: Vec::new(),
        more_rows: 0,
        mean,
    })
}

/// The first text cell of a column that is mostly text (fewer than nine in ten filled cells are
/// numbers): `(row number, value)`; `None` for a numeric column.
#[must_use]
pub fn mostly_text(rows: &CellTable, c: usize) -> Option<(usize, String)> {
    let p = profile(rows, c);
    if p.mostly_numeric() {
        return None;
    }
    (0..rows.row_count()).find_map(|r| {
        let cell = rows.cell(r, c).trim();
        (!cell.is_empty() && parse_number(cell).is_none()).then(|| (rows.row_number(r), cell.to_owned()))
    })
}

/// Applies the user's choices (`(column, role)`) over the detected roles.
pub fn apply_overrides(roles: &mut [ColumnRole], overrides: &[(String, Role)], rows: &CellTable) {
    for (column, role) in overrides {
        if let Some((c, r)) = roles.iter_mut().enumerate().find(|(_, r)| &r.column == column) {
            r.role = *role;
            r.scale = role.scale_label();
            r.scale_guessed = false;
            let read = (*role == Role::Date).then(|| read_order(sampled(rows, c))).flatten();
            r.date_order = read.map(|(order, _)| order).or((*role == Role::Date).then_some(DateOrder::Iso));
            r.date_doubts = read.map(|(_, doubts)| doubts).unwrap_or_default();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles_of(text: &str, score: usize) -> Vec<Role> {
        let mut t = super::super::delimited::parse_delimited(text.to_owned(), b',', &mut |_| true).unwrap_or_default();
        let headers: Vec<String> = t.row(0).map(str::to_owned).collect();
        t.drop_rows_before(1);
        detect_roles(&headers, &[], &t, score).into_iter().map(|r| r.role).collect()
    }

    #[test]
    fn roles_from_headers_in_four_languages() {
        let text = "Respondent ID,Datum,Branche,Regio,Hoe waarschijnlijk,CES,Tevredenheid,Rapportcijfer,Toelichting,Gewicht\n\
                    R1,31-12-2025,Retail,Noord,9,6,4,8,Snelle levering,1.2\n\
                    R2,30-12-2025,Retail,Zuid,3,2,2,5,Te duur voor wat je krijgt,0.8\n\
                    R3,29-12-2025,Logistiek,Noord,7,5,3,7,,1.0\n";
        assert_eq!(
            roles_of(text, 4),
            [
                Role::RespondentId,
                Role::Date,
                Role::Sector,
                Role::Segment,
                Role::Score,
                Role::CesAgree,
                Role::Csat,
                Role::Grade,
                Role::Comment,
                Role::Weight
            ]
        );
        let danish = "Tidsstempel,Hvor sandsynligt,Hvor meget indsats,Kommentar,Email\n\
                      2025-01-02,9,2,God service,a@b.dk\n2025-01-03,4,5,Lang ventetid,c@d.dk\n";
        assert_eq!(roles_of(danish, 1), [Role::Date, Role::Score, Role::CesEffort, Role::Comment, Role::Ignore]);
        let german = "Zeitstempel,Weiterempfehlen,Zufriedenheit,Warum?,Branche\n2025-01-02,9,4,Gut,Handel\n2025-01-03,4,2,Schlecht,Handel\n";
        assert_eq!(roles_of(german, 1), [Role::Date, Role::Score, Role::Csat, Role::Comment, Role::Sector]);
    }

    #[test]
    fn rating_questions_are_found_by_their_wording_or_stated_scale_in_four_languages() {
        let rows = |f: &dyn Fn(usize) -> String| (0..14).map(|i| format!("{},{}\n", f(i), i % 11)).collect::<String>();
        let one_to = |high: usize| move |i: usize| (1 + i % high).to_string();
        let case = |header: &str, f: &dyn Fn(usize) -> String| roles_of(&format!("{header},nps\n{}", rows(f)), 1)[0];
        assert_eq!(case("How would you rate our staff?", &one_to(5)), Role::Rating5);
        assert_eq!(case("Hoe tevreden bent u over de levertijd?", &one_to(7)), Role::Rating7);
        // Its scale rests on the answers, and is announced; a stated one is not.
        let guessed = |header: &str| detected(&format!("{header},nps\n{}", rows(&one_to(5)))).scale_guessed;
        assert!(guessed("How would you rate our staff?") && !guessed("Speed of delivery (1-5)"));
        assert_eq!(case("Vurder prisen (1-10)", &one_to(6)), Role::Rating10, "the stated scale, not the answers");
        assert_eq!(case("Bewertung Beratung", &one_to(10)), Role::Rating10);
        assert_eq!(case("Speed of delivery (1-5)", &one_to(5)), Role::Rating5);
        // Numbers without rating words or a scale stay a grouping; fractions are no rating answers.
        assert_eq!(case("Store", &one_to(8)), Role::Segment);
        assert_ne!(case("How would you rate us", &|i: usize| format!("{}.5", 1 + i % 4)), Role::Rating5);
        // A stated 0-10 other than the score is no 1-based rating.
        assert_ne!(case("Rate the staff (0-10)", &|i: usize| (i % 11).to_string()), Role::Rating10);
        // The scale follows the role.
        assert_eq!(Role::Rating7.scale(), Some((1, 7)));
    }

    #[test]
    fn qualtrics_helpers_are_not_answers() {
        let text = "Q1,Q1_NPS_GROUP,Q2,Q2 - Topics,Q2 - Sentiment\n9,3,Web,Service,Positive\n3,1,Phone,Delivery,Negative\n\
                    8,2,Web,Price,Neutral\n";
        assert_eq!(roles_of(text, 0), [Role::Score, Role::Ignore, Role::Segment, Role::Ignore, Role::Ignore]);
    }

    #[test]
    fn the_scale_comes_from_the_role_not_the_answers() {
        assert_eq!(roles_of("csat,nps\n2,9\n3,8\n", 1)[0], Role::Csat);
        // A bare "CES" column decides its scale from its answers.
        let five: String = (0..12).map(|i| format!("{},{}\n", 1 + i % 5, i % 11)).collect();
        assert_eq!(roles_of(&format!("CES,nps\n{five}"), 1)[0], Role::CesEffort);
        let seven: String = (0..12).map(|i| format!("{},{}\n", 1 + i % 7, i % 11)).collect();
        assert_eq!(roles_of(&format!("CES,nps\n{seven}"), 1)[0], Role::CesAgree);
        assert_eq!(roles_of(&format!("CES easy to handle,nps\n{five}"), 1)[0], Role::CesAgree);
    }

    fn detected(text: &str) -> ColumnRole {
        let mut t = super::super::delimited::parse_delimited(text.to_owned(), b',', &mut |_| true).unwrap_or_default();
        let headers: Vec<String> = t.row(0).map(str::to_owned).collect();
        t.drop_rows_before(1);
        detect_roles(&headers, &[], &t, 1).remove(0)
    }

    #[test]
    fn a_ces_scale_is_decided_by_the_header_before_the_answers() {
        // Six answers 1-5 under a bare "CES" were read as 1-7 agreement ("% agree 16.7%"), for
        // want of ten answers; now they are the 1-5 effort scale, and that guess is said.
        let six = "CES,nps\n1,9\n2,8\n2,7\n3,9\n1,10\n4,3\n";
        let bare = detected(six);
        assert_eq!((bare.role, bare.scale_guessed), (Role::CesEffort, true));
        // The header's words and stated ranges decide without a guess.
        for (header, role) in [
            ("CES (1-7)", Role::CesAgree),
            ("CES 1 tot 7", Role::CesAgree),
            ("CES (1-5)", Role::CesEffort),
            ("Moeite (CES)", Role::CesEffort),
            ("Indsats", Role::CesEffort),
            ("Gemak CES", Role::CesAgree),
        ] {
            let column = detected(&six.replacen("CES", header, 1));
            assert_eq!((column.role, column.scale_guessed), (role, false), "{header}");
        }
        // One answer above 5 proves the 1-7 scale.
        let seven = detected("CES,nps\n1,9\n6,8\n2,7\n");
        assert_eq!((seven.role, seven.scale_guessed), (Role::CesAgree, false));
    }

    #[test]
    fn stated_scales_in_four_languages() {
        assert_eq!(stated_scale("How likely are you to recommend us? (1-5)"), Some((1, 5)));
        assert_eq!(stated_scale("op een schaal van 1 tot 5"), Some((1, 5)));
        assert_eq!(stated_scale("Score 1 t/m 10"), Some((1, 10)));
        assert_eq!(stated_scale("på en skala fra 1 til 7"), Some((1, 7)));
        assert_eq!(stated_scale("Aanbevelingsscore (0-10)"), Some((0, 10)));
        assert_eq!(stated_scale("auf einer Skala von 1 bis 5"), Some((1, 5)));
        assert_eq!(stated_scale("Q1 2025"), None);
        assert_eq!(stated_scale("CES 01-05-2024"), None);
        assert_eq!(stated_scale("CES 1-5-2024"), None);
        assert_eq!(stated_scale("Top 10 reasons"), None);
    }

    #[test]
    fn respondent_ids_that_answer_in_several_periods_are_still_ids() {
        // Each customer answered in two quarters: the IDs repeat, but no more than a few times.
        let rows: String = (0..40).map(|i| format!("C{},{},2025-0{}-01\n", i % 20, i % 11, 1 + 3 * (i / 20))).collect();
        let column = detected(&format!("customer id,nps,date\n{rows}"));
        assert_eq!(column.role, Role::RespondentId);
        // A grouping headed like an ID repeats far more: not an ID.
        let rows: String = (0..40).map(|i| format!("R{},{},2025-01-01\n", i % 3, i % 11)).collect();
        assert_ne!(detected(&format!("region id,nps,date\n{rows}")).role, Role::RespondentId);
        // A store's ID repeats a few times too, but its header names no person: not a respondent.
        let rows: String = (0..40).map(|i| format!("S{},{},2025-0{}-01\n", i % 20, i % 11, 1 + i / 20)).collect();
        assert_ne!(detected(&format!("store id,nps,date\n{rows}")).role, Role::RespondentId);
        // Without dates there are no periods to answer in twice.
        let rows: String = (0..40).map(|i| format!("C{},{}\n", i % 20, i % 11)).collect();
        assert_ne!(detected(&format!("customer id,nps\n{rows}")).role, Role::RespondentId);
        assert_eq!(Role::Score.scale(), Some((0, 10)));
    }

    #[test]
    fn contact_columns_are_found_by_header_in_four_languages_and_by_addresses() {
        let headers: Vec<String> = [
            "Respondent",
            "E-mailadres",
            "Telefoonnummer",
            "Kundenummer",
            "Naam",
            "Productnaam",
            "Notes",
            "Score",
            "Telefonisch contact gewenst?",
            "Agent name",
            "Nachname",
        ]
        .map(str::to_owned)
        .to_vec();
        let cells = |i: usize| -> Vec<&'static str> {
            match i {
                1 | 6 => vec!["ann@example.org", "", "bo@example.dk", "ole@example.nl"],
                2 => vec!["+31 6 1234 5678", "020-555 1234", ""],
                8 => vec!["ja", "nee", "ja"],
                _ => vec!["x", "y"],
            }
        };
        let found = contact_columns(&headers, &[0, 7], cells);
        assert_eq!(
            found,
            [
                (1, ContactKind::Email),
                (2, ContactKind::Phone),
                (3, ContactKind::Customer),
                (4, ContactKind::Name),
                (6, ContactKind::Email),
                (10, ContactKind::Name),
            ]
        );
        // A column of words with one address in it is not a contact column.
        let found = contact_columns(&headers[6..7], &[], |_| vec!["late", "mail me: a@b.nl", "slow", "fine"]);
        assert!(found.is_empty(), "{found:?}");
    }
}
