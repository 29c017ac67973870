//! Layout detection: which tool (or person) made the file, where its header rows are, and how
//! its cells become one row per respondent with one named column per question.
//!
//! Owns the step from raw rows to a rectangular table: title rows above the header, multi-row
//! headers (Qualtrics, SurveyMonkey, merged header cells), SurveyMonkey's one-column-per-choice
//! questions, long format, and totals or notes below the data. Knows nothing about scores.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::table::CellTable;

/// A file layout the import recognises, shown to the user by [`crate::import::ImportFacts::layout_label`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One header row, data below.
    PlainTable,
    /// A sheet laid out by hand: title rows, merged header cells or totals rows.
    HandMade,
    /// Qualtrics, current: ids, question text and `{"ImportId": ...}` rows.
    Qualtrics,
    /// Qualtrics 2016-17: as current, with `{'ImportId': ...}` in single quotes.
    Qualtrics2016,
    /// Qualtrics legacy: `V1..Vn` above the real names.
    QualtricsLegacy,
    /// SurveyMonkey: question row and `Response` / choice row.
    SurveyMonkey,
    /// SurveyMonkey with one column per choice for some questions.
    SurveyMonkeyExpanded,
    /// Google Forms (`Timestamp`, `Tijdstempel`, `Tidsstempel`, `Zeitstempel`).
    GoogleForms,
    /// Microsoft Forms (`Id`, `Start time` / `Begintijd`, ...).
    MicrosoftForms,
    /// Typeform (`#` token first).
    Typeform,
    /// LimeSurvey (codes such as `Q1[SQ001]`, `submitdate`, `lastpage`).
    LimeSurvey,
    /// One row per respondent and question, pivoted to one row per respondent.
    LongFormat,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Self; 12] = [
        Self::PlainTable,
        Self::HandMade,
        Self::Qualtrics,
        Self::Qualtrics2016,
        Self::QualtricsLegacy,
        Self::SurveyMonkey,
        Self::SurveyMonkeyExpanded,
        Self::GoogleForms,
        Self::MicrosoftForms,
        Self::Typeform,
        Self::LimeSurvey,
        Self::LongFormat,
    ];

    /// The layout of a JSON identifier ([`Layout::id`]).
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.id() == id)
    }

    /// The stable identifier used in the JSON report.
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Self::PlainTable => "plain_table",
            Self::HandMade => "hand_made",
            Self::Qualtrics => "qualtrics",
            Self::Qualtrics2016 => "qualtrics_2016",
            Self::QualtricsLegacy => "qualtrics_legacy",
            Self::SurveyMonkey => "surveymonkey",
            Self::SurveyMonkeyExpanded => "surveymonkey_expanded",
            Self::GoogleForms => "google_forms",
            Self::MicrosoftForms => "microsoft_forms",
            Self::Typeform => "typeform",
            Self::LimeSurvey => "limesurvey",
            Self::LongFormat => "long_format",
        }
    }

    /// The layout's name in English, as the JSON report gives it (the window and the CLI name it
    /// in their language: `Texts::layout_name`).
    #[must_use]
    pub fn tool(self) -> &'static str {
        match self {
            Self::PlainTable => "Table",
            Self::HandMade => "Hand-made sheet",
            Self::Qualtrics => "Qualtrics export",
            Self::Qualtrics2016 => "Qualtrics export (2016-17)",
            Self::QualtricsLegacy => "Qualtrics legacy export",
            Self::SurveyMonkey => "SurveyMonkey export",
            Self::SurveyMonkeyExpanded => "SurveyMonkey export (expanded)",
            Self::GoogleForms => "Google Forms export",
            Self::MicrosoftForms => "Microsoft Forms export",
            Self::Typeform => "Typeform export",
            Self::LimeSurvey => "LimeSurvey export",
            Self::LongFormat => "Long format (one row per answer)",
        }
    }
}

/// A table in one-row-per-respondent shape, with its header found.
#[derive(Debug, Clone)]
pub struct Shaped {
    /// The layout recognised.
    pub layout: Layout,
    /// Spreadsheet row number of the (first) header row.
    pub header_row: usize,
    /// How many rows the header spans.
    pub header_rows: usize,
    /// Rows above the header that were left out (titles, notes).
    pub title_rows: usize,
    /// One display name per column (blank and repeated names are settled later).
    pub headers: Vec<String>,
    /// The short code of every column where the tool has one (Qualtrics `Q1`, `V7`), else empty.
    pub codes: Vec<String>,
    /// The data rows.
    pub rows: CellTable,
    /// Spreadsheet rows below the data left out as totals or notes.
    pub footer_rows: Vec<usize>,
    /// Columns merged from one-column-per-choice questions: (name, how many columns).
    pub merged_choices: Vec<(String, usize)>,
    /// The first row holds answers, not names: it is kept as data and the columns have no names.
    pub header_missing: bool,
    /// How many fields the one header row (or, without one, the first row) has as written, and
    /// how many of its last ones are empty: what a data row's fields are counted against. `None`
    /// where rows were reshaped (several header rows, merged choices, a long file pivoted).
    pub header_fields: Option<(usize, usize)>,
    /// A long file pivoted to one row per respondent: which column played which part.
    pub long: Option<LongParts>,
}

/// What stops a table from having a header and data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeProblem {
    /// Every row is blank.
    NoRows,
    /// Nothing below the header.
    HeaderOnly { header_row: usize },
}

/// Text without HTML tags or entities and with single spaces.
#[must_use]
pub fn plain_text(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut in_tag = false;
    for c in cell.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out.replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn filled(cells: &CellTable, r: usize) -> usize {
    cells.row(r).filter(|c| !c.trim().is_empty()).count()
}

fn is_numeric(cell: &str) -> bool {
    super::score::parse_number(cell).is_some()
}

fn row_texts(cells: &CellTable, r: usize) -> Vec<String> {
    cells.row(r).map(plain_text).collect()
}

const TIMESTAMP_HEADERS: [&str; 5] = ["timestamp", "tijdstempel", "tidsstempel", "zeitstempel", "horodateur"];

/// Finds the layout of `cells` and reshapes them to one row per respondent.
pub fn shape(mut cells: CellTable) -> Result<Shaped, ShapeProblem> {
    let first = (0..cells.row_count()).find(|&r| filled(&cells, r) > 0).ok_or(ShapeProblem::NoRows)?;
    // The header is the first row about as full as the fullest of the first rows: title rows
    // above it hold one or two cells.
    let look = (first..cells.row_count().min(first + 60)).map(|r| filled(&cells, r)).max().unwrap_or(0);
    let h = (first..cells.row_count())
        .find(|&r| {
            let n = filled(&cells, r);
            n >= 3 || n * 2 >= look.max(2)
        })
        .unwrap_or(first);
    let title_rows = (first..h).filter(|&r| filled(&cells, r) > 0).count();
    let header_row = cells.row_number(h);
    let r1 = row_texts(&cells, h);
    let r2 = row_texts(&cells, h + 1);
    let r3: Vec<String> = cells.row(h + 2).map(str::to_owned).collect();
    let lower1: Vec<String> = r1.iter().map(|c| c.to_lowercase()).collect();
    let lower2: Vec<String> = r2.iter().map(|c| c.to_lowercase()).collect();

    let (layout, header_rows, headers, codes) = if r3.iter().any(|c| c.trim_start().starts_with("{\"ImportId\"")) {
        (Layout::Qualtrics, 3, prefer_text(&r2, &r1), r1.clone())
    } else if r3.iter().any(|c| c.trim_start().starts_with("{'ImportId'")) {
        (Layout::Qualtrics2016, 3, prefer_text(&r2, &r1), r1.clone())
    } else if looks_like_v_codes(&r1) {
        (Layout::QualtricsLegacy, 2, prefer_text(&r2, &r1), r1.clone())
    } else if lower1.iter().any(|c| c == "respondent id" || c == "respondentid" || c == "collector id")
        && lower2.iter().any(|c| c == "response" || c == "open-ended response")
    {
        (Layout::SurveyMonkey, 2, combine_two_rows(&r1, &r2), Vec::new())
    } else if is_sub_header(&cells, h) {
        (Layout::HandMade, 2, combine_two_rows(&r1, &r2), Vec::new())
    } else if title_rows == 0 && first_row_is_data(&cells, h) {
        (Layout::PlainTable, 0, Vec::new(), Vec::new())
    } else {
        (single_row_layout(&lower1, title_rows), 1, r1.clone(), Vec::new())
    };
    let header_missing = header_rows == 0;
    let header_fields = (header_rows <= 1).then(|| {
        let width = cells.row_width(h);
        let cells_of_h = cells.row_cells(h);
        let blank_tail = (0..width).rev().take_while(|&c| cells_of_h.get(c).trim().is_empty()).count();
        (width, if header_missing { 0 } else { blank_tail })
    });
    cells.drop_rows_before(h + header_rows);
    let footer_rows = drop_footer(&mut cells);
    if (0..cells.row_count()).all(|r| cells.row_is_blank(r)) {
        return Err(ShapeProblem::HeaderOnly { header_row });
    }
    let mut shaped = Shaped {
        layout,
        header_row,
        header_rows,
        title_rows,
        headers,
        codes,
        rows: cells,
        footer_rows,
        merged_choices: Vec::new(),
        header_missing,
        header_fields,
        long: None,
    };
    if layout == Layout::SurveyMonkey {
        merge_choice_columns(&mut shaped, &r1, &r2);
    }
    if matches!(layout, Layout::PlainTable | Layout::HandMade) {
        pivot_long_format(&mut shaped);
    }
    if !shaped.merged_choices.is_empty() || shaped.layout == Layout::LongFormat {
        shaped.header_fields = None;
    }
    if shaped.layout == Layout::PlainTable && !shaped.footer_rows.is_empty() {
        shaped.layout = Layout::HandMade;
    }
    Ok(shaped)
}

/// Whether the first row holds answers rather than column names: at least half of its cells are
/// numbers (not years, which name columns) and each number sits above a number.
fn first_row_is_data(cells: &CellTable, h: usize) -> bool {
    let first: Vec<&str> = cells.row(h).collect();
    let below: Vec<&str> = cells.row(h + 1).collect();
    let filled = first.iter().filter(|c| !c.trim().is_empty()).count();
    let numbers: Vec<usize> = (0..first.len()).filter(|&c| is_numeric(first[c])).collect();
    let all_years = numbers.iter().all(|&c| {
        super::score::parse_number(first[c]).is_some_and(|v| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v))
    });
    let mostly_numbers = filled >= 2
        && !numbers.is_empty()
        && numbers.len() * 2 >= filled
        && !all_years
        && numbers.iter().all(|&c| below.get(c).is_some_and(|b| is_numeric(b)));
    mostly_numbers || (!all_years && votes_for_data(cells, h))
}

/// Whether the cells of row `h` read as the values of their columns rather than as names, column
/// by column against the rows below (up to 20): a number over numbers or a date over dates is a
/// value, text over numbers or dates a name; a text that recurs below it is a value (`North` over
/// `South, North`). At least two columns must say "value" and none "name".
fn votes_for_data(cells: &CellTable, h: usize) -> bool {
    let first: Vec<&str> = cells.row(h).collect();
    let below: Vec<Vec<&str>> = (h + 1..cells.row_count().min(h + 21)).map(|r| cells.row(r).collect()).collect();
    if below.len() < 2 {
        return false;
    }
    let is_date = |v: &str| super::dates::detect_order(std::iter::once(v)).is_some() && !is_numeric(v);
    let (mut data, mut names) = (0usize, 0usize);
    for (c, cell) in first.iter().map(|v| v.trim()).enumerate() {
        let column: Vec<&str> =
            below.iter().filter_map(|row| row.get(c).map(|v| v.trim())).filter(|v| !v.is_empty()).collect();
        if cell.is_empty() || column.len() < 2 {
            continue;
        }
        let share = |test: &dyn Fn(&str) -> bool| column.iter().filter(|v| test(v)).count() * 10 >= column.len() * 9;
        if share(&|v| is_numeric(v)) {
            if is_numeric(cell) { data += 1 } else { names += 1 }
        } else if share(&is_date) {
            if is_date(cell) { data += 1 } else { names += 1 }
        } else if column.contains(&cell) {
            data += 1;
        }
    }
    data >= 2 && names == 0
}

/// The layout of a file with a single header row, from its fixed column names.
fn single_row_layout(lower: &[String], title_rows: usize) -> Layout {
    let has = |name: &str| lower.iter().any(|c| c == name);
    let first = lower.first().map_or("", String::as_str);
    if TIMESTAMP_HEADERS.contains(&first) {
        Layout::GoogleForms
    } else if has("id")
        && (has("start time") || has("begintijd") || has("starttidspunkt"))
        && (has("completion time") || has("tijd van voltooien") || has("fuldførelsestidspunkt"))
    {
        Layout::MicrosoftForms
    } else if first == "#" && lower.iter().any(|c| c.starts_with("submit date") || c.starts_with("network id")) {
        Layout::Typeform
    } else if has("submitdate") || has("lastpage") || has("startlanguage") || lower.iter().any(|c| c.contains("[sq0")) {
        Layout::LimeSurvey
    } else if title_rows > 0 {
        Layout::HandMade
    } else {
        Layout::PlainTable
    }
}

/// Question text where there is one, else the code.
fn prefer_text(text: &[String], code: &[String]) -> Vec<String> {
    (0..text.len().max(code.len()))
        .map(|i| {
            let t = text.get(i).map_or("", String::as_str);
            if t.is_empty() { code.get(i).cloned().unwrap_or_default() } else { t.to_owned() }
        })
        .collect()
}

/// Row 1 starts `V1, V2, V3, ...` (Qualtrics before 2016; question codes may follow).
fn looks_like_v_codes(row: &[String]) -> bool {
    let named: Vec<&String> = row.iter().filter(|c| !c.is_empty()).collect();
    let k = named.len().min(5);
    k >= 3 && named.iter().take(k).enumerate().all(|(i, c)| **c == format!("V{}", i + 1))
}

/// Row `h + 1` holds sub-labels under merged (or continued) header cells: no numbers, at least
/// one label under a blank header cell, and numbers in the row below it.
fn is_sub_header(cells: &CellTable, h: usize) -> bool {
    let below: Vec<&str> = cells.row(h + 1).collect();
    if below.iter().all(|c| c.trim().is_empty()) || below.iter().any(|c| is_numeric(c)) {
        return false;
    }
    let header: Vec<&str> = cells.row(h).collect();
    let under_blank =
        (1..below.len()).any(|c| !below[c].trim().is_empty() && header.get(c).is_none_or(|x| x.trim().is_empty()));
    let data_has_numbers = cells.row(h + 2).any(is_numeric);
    under_blank && data_has_numbers
}

/// SurveyMonkey-style names: a blank first-row cell continues the question on its left; the
/// second row adds the choice, unless it only says `Response`.
fn combine_two_rows(r1: &[String], r2: &[String]) -> Vec<String> {
    let mut question = String::new();
    (0..r1.len().max(r2.len()))
        .map(|i| {
            let q = r1.get(i).map_or("", String::as_str);
            if !q.is_empty() {
                question = q.to_owned();
            }
            let label = r2.get(i).map_or("", String::as_str);
            let generic = label.is_empty()
                || label.eq_ignore_ascii_case("response")
                || label.eq_ignore_ascii_case("open-ended response");
            match (question.is_empty(), generic) {
                (_, true) => question.clone(),
                (true, false) => label.to_owned(),
                (false, false) => format!("{question} - {label}"),
            }
        })
        .collect()
}

const FOOTER_WORDS: [&str; 22] = [
    "total",
    "totaal",
    "totalt",
    "i alt",
    "gesamt",
    "summe",
    "sum",
    "average",
    "gemiddelde",
    "gemiddeld",
    "gennemsnit",
    "durchschnitt",
    "mean",
    "n =",
    "note",
    "noot",
    "bron",
    "source",
    "kilde",
    "quelle",
    "*",
    "opmerking:",
];

/// Removes blank rows, totals and notes at the bottom; returns their spreadsheet row numbers.
fn drop_footer(cells: &mut CellTable) -> Vec<usize> {
    let mut dropped = Vec::new();
    let typical = {
        let n = cells.row_count();
        let mut counts: Vec<usize> = (0..n.min(200)).map(|r| filled(cells, r)).collect();
        counts.sort_unstable();
        counts.get(counts.len() / 2).copied().unwrap_or(0)
    };
    let mut end = cells.row_count();
    while end > 0 && dropped.len() < 20 {
        let r = end - 1;
        let first_text = cells.row(r).map(str::trim).find(|c| !c.is_empty()).map(str::to_lowercase);
        let Some(first_text) = first_text else {
            end -= 1;
            continue;
        };
        let footer_word = FOOTER_WORDS.iter().any(|w| {
            first_text.strip_prefix(w).is_some_and(|rest| rest.is_empty() || !rest.starts_with(char::is_alphanumeric))
        });
        let lone_note = filled(cells, r) <= 1 && typical >= 3 && r > 0 && cells.row_is_blank(r - 1);
        if !(footer_word || lone_note) {
            break;
        }
        dropped.push(cells.row_number(r));
        end -= 1;
    }
    while end > 0 && cells.row_is_blank(end - 1) {
        end -= 1;
    }
    cells.truncate_rows(end);
    dropped.reverse();
    dropped
}

/// Merges SurveyMonkey questions spread over one column per choice into one column holding the
/// chosen label, when every row picked at most one choice.
fn merge_choice_columns(shaped: &mut Shaped, r1: &[String], r2: &[String]) {
    let width = shaped.headers.len();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut c = 0;
    while c < width {
        let mut end = c + 1;
        while end < width && r1.get(end).is_none_or(String::is_empty) && r2.get(end).is_some_and(|l| !l.is_empty()) {
            end += 1;
        }
        if end - c >= 2 && r2.get(c).is_some_and(|l| !l.is_empty() && !l.eq_ignore_ascii_case("response")) {
            groups.push((c, end));
        }
        c = end;
    }
    let rows = &shaped.rows;
    let single_choice = |(from, to): (usize, usize)| {
        (0..rows.row_count()).all(|r| {
            let picked: Vec<usize> = (from..to).filter(|&c| !rows.cell(r, c).trim().is_empty()).collect();
            picked.len() <= 1
                && picked.iter().all(|&c| {
                    let label = r2.get(c).map_or("", String::as_str);
                    plain_text(rows.cell(r, c)).eq_ignore_ascii_case(label) || label.to_lowercase().starts_with("other")
                })
        })
    };
    let merged: Vec<(usize, usize)> = groups.into_iter().filter(|g| single_choice(*g)).collect();
    if merged.is_empty() {
        return;
    }
    let keep = |c: usize| merged.iter().all(|&(from, to)| c == from || !(from..to).contains(&c));
    let mut headers = Vec::new();
    for c in (0..width).filter(|&c| keep(c)) {
        match merged.iter().find(|g| g.0 == c) {
            Some(_) => headers.push(r1.get(c).cloned().unwrap_or_default()),
            None => headers.push(shaped.headers[c].clone()),
        }
    }
    let mut table = CellTable::new();
    for r in 0..rows.row_count() {
        let cells: Vec<&str> = (0..width)
            .filter(|&c| keep(c))
            .map(|c| match merged.iter().find(|g| g.0 == c) {
                Some(&(from, to)) => (from..to).map(|k| rows.cell(r, k)).find(|v| !v.trim().is_empty()).unwrap_or(""),
                None => rows.cell(r, c),
            })
            .collect();
        table.push_row(rows.row_number(r), cells);
    }
    shaped.merged_choices = merged.iter().map(|&(from, to)| (headers_of(r1, from), to - from)).collect();
    shaped.headers = headers;
    shaped.rows = table;
    shaped.layout = Layout::SurveyMonkeyExpanded;
}

fn headers_of(r1: &[String], c: usize) -> String {
    r1.get(c).cloned().unwrap_or_default()
}

const RESPONDENT_HEADERS: [&str; 17] = [
    "respondent",
    "respondent key",
    "respondent_key",
    "respondent number",
    "respondent no",
    "case",
    "case id",
    "respondent id",
    "respondent_id",
    "respondentid",
    "response id",
    "responseid",
    "respondentnummer",
    "deelnemer",
    "id",
    "token",
    "klant",
];
const QUESTION_HEADERS: [&str; 24] = [
    "question",
    "vraag",
    "spørgsmål",
    "frage",
    "item",
    "variable",
    "question id",
    "question_id",
    "vraagcode",
    "question number",
    "question_number",
    "question no",
    "question nr",
    "questionnumber",
    "question code",
    "question_code",
    "vraagnummer",
    "vraag nr",
    "vraagnr",
    "spørgsmålsnummer",
    "spørgsmål nr",
    "fragenummer",
    "qid",
    "item number",
];
/// The answer column of a long table whose question and respondent columns are named.
const ANSWER_HEADERS: [&str; 10] =
    ["answer", "antwoord", "svar", "antwort", "value", "waarde", "værdi", "wert", "response", "score"];
/// A column beside a question code that holds the question's wording, used for the headers.
const QUESTION_TEXT_HEADERS: [&str; 8] = [
    "question text",
    "question_text",
    "question wording",
    "vraagtekst",
    "vraag tekst",
    "spørgsmålstekst",
    "spørgsmål tekst",
    "fragetext",
];
/// The parts a long table's columns played, as the user is told them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongParts {
    /// The column that says whose answer a row holds.
    pub respondent: String,
    /// The column of question codes (or wordings), one new column each.
    pub question: String,
    /// The column holding the answers.
    pub answer: String,
    /// A column holding each question's wording, used to name the new columns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// How many rows (answers) the file had.
    pub answers: usize,
}

/// A long table is looked for only in tables of at most this many columns.
const MAX_LONG_COLUMNS: usize = 12;
/// A question column holds at most this many codes.
const MAX_QUESTIONS: usize = 200;
/// Candidates are found on this many rows from the start and as many spread over the table.
const SAMPLE_ROWS: usize = 2048;

/// The columns of a long table, by position.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LongColumns {
    who: usize,
    question: usize,
    answer: usize,
    /// The column of the question's wording, if there is one.
    wording: Option<usize>,
    /// Every column fixed by the question (the wording among them): left out of the pivot,
    /// as they say nothing about the respondent.
    per_question: Vec<usize>,
}

/// The columns of a long table, found by its shape whatever its headers are called: a column of
/// a few codes, each repeated about as often (the question); a column whose values repeat across
/// the codes but never within one (the respondent); one column whose values change within a
/// respondent and are not fixed by the question (the answer). Headers that name these parts
/// settle a choice between candidates; without a question header, the answers must differ in
/// kind between questions (else stacked waves or stores, one score each, would be taken for
/// questions).
fn long_columns(headers: &[String], rows: &CellTable) -> Option<LongColumns> {
    let width = headers.len();
    if !(3..=MAX_LONG_COLUMNS).contains(&width) {
        return None;
    }
    let lower: Vec<String> = headers.iter().map(|h| h.trim().to_lowercase()).collect();
    let named = |c: usize, names: &[&str]| names.contains(&lower[c].as_str());
    // Candidates are found on the first rows (a table sorted by respondent shows its shape
    // there) and on rows spread over the table (one sorted by question shows its codes only
    // there); only they are checked on every row.
    let filled = |r: &usize| !rows.row_is_blank(*r);
    let head: Vec<usize> = (0..rows.row_count()).filter(filled).take(SAMPLE_ROWS).collect();
    if head.len() < 4 {
        return None;
    }
    let spread: Vec<usize> =
        (0..rows.row_count()).step_by(rows.row_count().div_ceil(SAMPLE_ROWS)).filter(filled).collect();
    let head = head.as_slice();
    let head_values: Vec<Option<HashMap<&str, usize>>> = (0..width).map(|c| value_counts(rows, head, c)).collect();
    let spread_codes: Vec<Option<usize>> =
        (0..width).map(|c| value_counts(rows, &spread, c).map(|counts| counts.len())).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for question in 0..width {
        let (Some(codes), Some(spread)) = (&head_values[question], spread_codes[question]) else { continue };
        if codes.len() > MAX_QUESTIONS || !(2..=MAX_QUESTIONS).contains(&spread) {
            continue;
        }
        for who in (0..width).filter(|&c| c != question) {
            let Some(keys) = &head_values[who] else { continue };
            let repeats = keys.len() < head.len();
            // Sorted by respondent: keys repeat over several codes. Sorted by question: the
            // first rows are one code's, each key once.
            let shaped = if codes.len() >= 2 { repeats } else { !repeats && keys.len() >= 2 };
            if shaped && pairs_unique(rows, head, who, question) {
                pairs.push((question, who));
            }
        }
    }
    pairs.sort_by_key(|&(question, who)| {
        let codes = head_values[question].as_ref().map_or(0, HashMap::len);
        (!named(question, &QUESTION_HEADERS), !named(who, &RESPONDENT_HEADERS), codes)
    });
    // Each respondent once per question and each question once per respondent: the two could
    // swap parts, and the one with fewer values is the question.
    let mut tried: Vec<(usize, usize)> = Vec::new();
    pairs.retain(|&(question, who)| {
        let fresh = !tried.contains(&(who, question));
        tried.push((question, who));
        fresh
    });
    if pairs.is_empty() {
        return None;
    }
    let data: Vec<usize> = (0..rows.row_count()).filter(filled).collect();
    pairs.into_iter().take(2).find_map(|(question, who)| {
        // Headers that name the question and the respondent say what the file is: its codes
        // need not be balanced, and a named answer column is the answer beside others.
        let says = named(question, &QUESTION_HEADERS) && named(who, &RESPONDENT_HEADERS);
        let answer = (0..width).find(|&c| says && c != question && c != who && named(c, &ANSWER_HEADERS));
        let mut found = long_columns_of(rows, &data, width, question, who, answer)?;
        if let Some(&named_wording) = found.per_question.iter().find(|&&c| named(c, &QUESTION_TEXT_HEADERS)) {
            found.wording = Some(named_wording);
        }
        // An "answer" that is a different number on every row is an id: the table is wide.
        let ids = answer.is_none()
            && value_counts(rows, &data, found.answer).is_some_and(|values| {
                values.len() == data.len() && values.keys().all(|v| super::score::parse_number(v).is_some())
            });
        (!ids
            && (named(question, &QUESTION_HEADERS)
                || looks_like_questions(rows, &data, question)
                || answers_differ(rows, &data, &found)))
        .then_some(found)
    })
}

/// Each value's count in column `c` over `sample` (trimmed); `None` when a cell is blank.
fn value_counts<'a>(rows: &'a CellTable, sample: &[usize], c: usize) -> Option<HashMap<&'a str, usize>> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &r in sample {
        let value = rows.cell(r, c).trim();
        if value.is_empty() {
            return None;
        }
        *counts.entry(value).or_default() += 1;
    }
    Some(counts)
}

/// Whether no (respondent, question) pair repeats among `sample`.
fn pairs_unique(rows: &CellTable, sample: &[usize], who: usize, question: usize) -> bool {
    let mut seen: HashSet<(&str, &str)> = HashSet::with_capacity(sample.len());
    sample.iter().all(|&r| seen.insert((rows.cell(r, who).trim(), rows.cell(r, question).trim())))
}

/// The long table's columns with `question` and `who` in those parts, checked on every row:
/// each code about as frequent as the others, each respondent once per code and on several
/// codes, one answer column; `None` when the table is not of that shape.
fn long_columns_of(
    rows: &CellTable,
    data: &[usize],
    width: usize,
    question: usize,
    who: usize,
    named_answer: Option<usize>,
) -> Option<LongColumns> {
    let codes = value_counts(rows, data, question)?;
    let (fewest, most) = codes.values().fold((usize::MAX, 0), |(a, b), &n| (a.min(n), b.max(n)));
    let balanced = fewest >= 2 && most <= 2 * fewest;
    if !(2..=MAX_QUESTIONS).contains(&codes.len()) || !(balanced || named_answer.is_some()) {
        return None;
    }
    if !pairs_unique(rows, data, who, question) {
        return None;
    }
    let mut respondents: HashMap<&str, usize> = HashMap::new();
    for &r in data {
        let next = respondents.len();
        respondents.entry(rows.cell(r, who).trim()).or_insert(next);
    }
    let mut code_index: HashMap<&str, usize> = HashMap::new();
    for &r in data {
        let next = code_index.len();
        code_index.entry(rows.cell(r, question).trim()).or_insert(next);
    }
    if respondents.len() < 2 || respondents.len() * 3 > data.len() * 2 {
        return None;
    }
    // Per other column: whether it holds one value per respondent, and one per code.
    let mut answers = Vec::new();
    let mut fixed_by_code = Vec::new();
    for c in (0..width).filter(|&c| c != question && c != who) {
        // Blank cells agree with any value (a respondent's region filled on the first row only).
        let fixed = |key: usize, index: &HashMap<&str, usize>| {
            let mut first: Vec<Option<&str>> = vec![None; index.len()];
            data.iter().all(|&r| {
                let value = rows.cell(r, c).trim();
                value.is_empty() || *first[index[rows.cell(r, key).trim()]].get_or_insert(value) == value
            })
        };
        if fixed(who, &respondents) {
            continue;
        }
        if fixed(question, &code_index) {
            fixed_by_code.push(c);
        } else {
            answers.push(c);
        }
    }
    let answer = match answers[..] {
        [answer] => answer,
        _ => named_answer.filter(|a| answers.contains(a))?,
    };
    // The wording: the column fixed by the code with the longest texts.
    let wording =
        fixed_by_code.iter().copied().max_by_key(|&c| data.iter().map(|&r| rows.cell(r, c).len()).sum::<usize>());
    Some(LongColumns { who, question, answer, wording, per_question: fixed_by_code })
}

/// Whether the codes read as questions: one ends in `?` (a code like `Q1` may as well be a
/// quarter).
fn looks_like_questions(rows: &CellTable, data: &[usize], question: usize) -> bool {
    data.iter().any(|&r| rows.cell(r, question).trim().ends_with('?'))
}

/// Answers a code needs before its kind is compared with another code's.
const MIN_ANSWERS_TO_COMPARE: usize = 3;
/// Numeric answers a code needs before its scale is compared.
const MIN_NUMBERS_FOR_SCALE: usize = 8;

/// Whether the answers differ in kind between codes: numbers for one and text for another,
/// numbers on different scales (by the largest: up to 1, 5, 7, 10, 100 or more), or texts whose
/// most common answer differs.
fn answers_differ(rows: &CellTable, data: &[usize], columns: &LongColumns) -> bool {
    /// One code's answers.
    #[derive(Default)]
    struct Answers<'a> {
        count: usize,
        numbers: usize,
        largest: f64,
        texts: HashMap<&'a str, usize>,
    }
    /// What kind of answers a code has: numbers up to a scale, or a most common text.
    #[derive(PartialEq)]
    enum Kind<'a> {
        Numbers(Option<usize>),
        Text(Option<&'a str>),
    }
    let mut codes: HashMap<&str, Answers> = HashMap::new();
    for &r in data {
        let answers = codes.entry(rows.cell(r, columns.question).trim()).or_default();
        let answer = rows.cell(r, columns.answer).trim();
        if answer.is_empty() {
            continue;
        }
        answers.count += 1;
        match super::score::parse_number(answer) {
            Some(v) if answers.numbers == 0 || v > answers.largest => {
                answers.numbers += 1;
                answers.largest = v;
            }
            Some(_) => answers.numbers += 1,
            None => *answers.texts.entry(answer).or_default() += 1,
        }
    }
    // Codes with few answers say little; numbers tell their scale from enough of them only.
    let kinds: Vec<(Kind, usize)> = codes
        .values()
        .filter(|answers| answers.count >= MIN_ANSWERS_TO_COMPARE)
        .map(|answers| {
            let kind = if answers.numbers * 2 >= answers.count {
                Kind::Numbers([1.0, 5.0, 7.0, 10.0, 100.0].iter().position(|&top| answers.largest <= top))
            } else {
                let common = answers.texts.iter().max_by_key(|&(text, n)| (*n, std::cmp::Reverse(*text)));
                Kind::Text(common.map(|(text, _)| *text))
            };
            (kind, answers.count)
        })
        .collect();
    kinds.iter().enumerate().any(|(i, (a, n))| {
        kinds[i + 1..].iter().any(|(b, m)| match (a, b) {
            (Kind::Numbers(x), Kind::Numbers(y)) => x != y && (*n).min(*m) >= MIN_NUMBERS_FOR_SCALE,
            _ => a != b,
        })
    })
}

/// Pivots a long table (one row per respondent and question, see [`long_columns`]) to one row
/// per respondent, and records which column played which part.
fn pivot_long_format(shaped: &mut Shaped) {
    let Some(LongColumns { who, question, answer, wording, per_question }) =
        long_columns(&shaped.headers, &shaped.rows)
    else {
        return;
    };
    // The codes key the pivot and the wording, where there is one, names the columns; the codes
    // stay available as column codes (`--score 3a`).
    let rows = &shaped.rows;
    let mut respondents: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut questions: Vec<String> = Vec::new();
    let mut wordings: Vec<String> = Vec::new();
    let mut question_index: HashMap<String, usize> = HashMap::new();
    let others: Vec<usize> = (0..shaped.headers.len())
        .filter(|&c| c != who && c != question && c != answer && !per_question.contains(&c))
        .collect();
    // values[respondent][others.len() + question]
    let mut values: Vec<Vec<String>> = Vec::new();
    let mut first_row: Vec<usize> = Vec::new();
    let mut answers = 0;
    for r in 0..rows.row_count() {
        if rows.row_is_blank(r) {
            continue;
        }
        answers += 1;
        let id = rows.cell(r, who).trim().to_owned();
        // Grouped by the code as found (as the shape was checked), named by its plain text.
        let q = rows.cell(r, question).trim().to_owned();
        let p = *index.entry(id.clone()).or_insert_with(|| {
            respondents.push(id);
            values.push(vec![String::new(); others.len()]);
            first_row.push(rows.row_number(r));
            respondents.len() - 1
        });
        let qi = *question_index.entry(q.clone()).or_insert_with(|| {
            questions.push(plain_text(&q));
            wordings.push(String::new());
            questions.len() - 1
        });
        if let Some(w) = wording
            && wordings[qi].is_empty()
        {
            wordings[qi] = plain_text(rows.cell(r, w));
        }
        let row = &mut values[p];
        for (k, &c) in others.iter().enumerate() {
            if row[k].is_empty() {
                row[k] = rows.cell(r, c).to_owned();
            }
        }
        if row.len() <= others.len() + qi {
            row.resize(others.len() + qi + 1, String::new());
        }
        row[others.len() + qi] = rows.cell(r, answer).to_owned();
    }
    let mut table = CellTable::new();
    for (p, id) in respondents.iter().enumerate() {
        let cells = std::iter::once(id.as_str()).chain(values[p].iter().map(String::as_str));
        table.push_row(first_row[p], cells);
    }
    let mut headers = vec![shaped.headers[who].clone()];
    headers.extend(others.iter().map(|&c| shaped.headers[c].clone()));
    let mut codes = vec![String::new(); headers.len()];
    for (code, text) in questions.into_iter().zip(wordings) {
        // A question known only by its code ("3a") is named "Question 3a" so that the header
        // is not mistaken for a number.
        let named = if !text.is_empty() {
            text
        } else if code.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            format!("{} {code}", shaped.headers[question])
        } else {
            code.clone()
        };
        headers.push(named);
        codes.push(code);
    }
    shaped.long = Some(LongParts {
        respondent: shaped.headers[who].clone(),
        question: shaped.headers[question].clone(),
        answer: shaped.headers[answer].clone(),
        wording: wording.map(|c| shaped.headers[c].clone()),
        answers,
    });
    shaped.headers = headers;
    shaped.codes = codes;
    shaped.rows = table;
    shaped.layout = Layout::LongFormat;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> CellTable {
        super::super::delimited::parse_delimited(text.to_owned(), b',', &mut |_| true).unwrap_or_default()
    }

    #[test]
    fn a_file_without_header_keeps_its_first_respondent() {
        let s = shaped("1,North,9\n2,South,3\n3,North,10\n");
        assert!(s.header_missing);
        assert_eq!(s.header_rows, 0);
        assert_eq!(s.rows.row_count(), 3);
        assert_eq!(s.rows.row_number(0), 1);
        let s = shaped("id,region,score\n1,North,9\n2,South,3\n");
        assert!(!s.header_missing);
        let s = shaped("region,2024,2025\nNorth,9,8\nSouth,3,7\n");
        assert!(!s.header_missing, "years name columns");
        // Issue 26: a first row of text and numbers, or of dates, was read as the header.
        let s = shaped("R1,North,9,Great service\nR2,South,3,Too slow\nR3,North,10,Fine\nR4,South,7,ok\n");
        assert!(s.header_missing);
        assert_eq!(s.rows.row_count(), 4);
        let s = shaped("2025-01-03,North,9\n2025-01-04,South,3\n2025-01-05,North,10\n");
        assert!(s.header_missing);
        // Names over values stay names, also where a name recurs below.
        for text in [
            "Timestamp,region,score\n2025-01-03,North,9\n2025-01-04,South,3\n2025-01-05,North,10\n",
            "id,region,comment\nR1,North,Great\nR2,South,Too slow\nR3,North,Fine\n",
            "region,team,score\nNorth,region,9\nSouth,region,3\nNorth,team,10\n",
        ] {
            assert!(!shaped(text).header_missing, "{text}");
        }
    }

    fn shaped(text: &str) -> Shaped {
        shape(table(text)).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn html_is_stripped_from_headers() {
        assert_eq!(plain_text("<strong>How likely</strong>&nbsp;are you?"), "How likely are you?");
    }

    #[test]
    fn title_rows_and_totals_are_left_out() {
        let s = shaped("Klanttevredenheid 2025,,\n,,\nklant,regio,score\nA,Noord,9\nB,Zuid,6\n,,\nTotaal,,7.5\n");
        assert_eq!(s.layout, Layout::HandMade);
        assert_eq!(s.header_row, 3);
        assert_eq!(s.title_rows, 1);
        assert_eq!(s.rows.row_count(), 2);
        assert_eq!(s.footer_rows, vec![7]);
    }

    #[test]
    fn merged_header_cells_name_their_sub_columns() {
        let s = shaped("Klant,Scores,,Regio\n,NPS,CES,\nA,9,5,Noord\n");
        assert_eq!(s.layout, Layout::HandMade);
        assert_eq!(s.headers, ["Klant", "Scores - NPS", "Scores - CES", "Regio"]);
        assert_eq!(s.rows.row_count(), 1);
    }

    #[test]
    fn long_format_is_pivoted() {
        let s = shaped("Respondent,Question,Answer\n1,NPS,9\n1,Region,Noord\n2,NPS,3\n2,Region,Zuid\n3,NPS,10\n");
        assert_eq!(s.layout, Layout::LongFormat);
        assert_eq!(s.headers, ["Respondent", "NPS", "Region"]);
        assert_eq!(s.rows.row_count(), 3);
        assert_eq!(s.rows.cell(1, 1), "3");
        assert_eq!(s.rows.cell(2, 2), "");
        assert_eq!(s.rows.row_number(1), 4);
    }

    #[test]
    fn long_format_with_question_numbers_is_pivoted_by_code() {
        let text = "respondent_key,question_number,answer\nr1,1,Noord\nr1,2,9\nr1,3a,Snel\nr2,1,Zuid\nr2,2,4\nr2,3a,\nr3,1,Noord\nr3,2,10\n";
        let s = shaped(text);
        assert_eq!(s.layout, Layout::LongFormat);
        assert_eq!(s.headers, ["respondent_key", "question_number 1", "question_number 2", "question_number 3a"]);
        assert_eq!(s.codes, ["", "1", "2", "3a"]);
        assert_eq!(s.rows.row_count(), 3);
        assert_eq!(s.rows.cell(1, 2), "4");
    }

    /// A long table of `respondents` with a region, a 0-10 score and a comment each, in the
    /// given order of rows, under `header`.
    fn long_text(header: &str, respondents: usize, by_question: bool) -> String {
        let answer = |p: usize, q: usize| match q {
            0 => ["Noord", "Zuid", "Oost"][p % 3].to_owned(),
            1 => (p * 7 % 11).to_string(),
            _ => ["te laat", "prima", "duur"][p % 3].to_owned(),
        };
        let mut text = format!("{header}\n");
        let pairs: Vec<(usize, usize)> = if by_question {
            (0..3).flat_map(|q| (0..respondents).map(move |p| (p, q))).collect()
        } else {
            (0..respondents).flat_map(|p| (0..3).map(move |q| (p, q))).collect()
        };
        for (p, q) in pairs {
            text.push_str(&format!("k{p:04},{},{}\n", q + 1, answer(p, q)));
        }
        text
    }

    #[test]
    fn long_files_are_found_by_their_shape_whatever_their_headers() {
        for by_question in [false, true] {
            // Issue 26: a respondent key with an unexpected name was not pivoted.
            for (header, respondents) in [("deelnemer_code,vraag,antwoord", 40), ("x,y,z", 3000)] {
                let s = shaped(&long_text(header, respondents, by_question));
                assert_eq!(s.layout, Layout::LongFormat, "{header}, sorted by question: {by_question}");
                let names: Vec<&str> = header.split(',').collect();
                let parts = s.long.expect("the parts are said");
                assert_eq!(
                    (parts.respondent.as_str(), parts.question.as_str(), parts.answer.as_str()),
                    (names[0], names[1], names[2])
                );
                assert_eq!(parts.answers, 3 * respondents);
                assert_eq!(s.rows.row_count(), respondents);
                assert_eq!(s.codes[1..], ["1", "2", "3"]);
                let second = (0..s.rows.row_count()).find(|&r| s.rows.cell(r, 0) == "k0002").expect("respondent 2");
                assert_eq!(
                    [s.rows.cell(second, 1), s.rows.cell(second, 2), s.rows.cell(second, 3)],
                    ["Oost", "3", "duur"]
                );
            }
        }
        // Columns that hold one value per respondent stay columns; one value per question
        // (its wording, its type) says nothing of the respondent and names the questions.
        let text = "wie,regio,nr,soort,tekst,waarde\n\
                    a,Noord,q1,scale,Hoe waarschijnlijk beveelt u ons aan?,9\na,Noord,q2,open,Waarom?,snel\n\
                    b,Zuid,q1,scale,Hoe waarschijnlijk beveelt u ons aan?,4\nb,Zuid,q2,open,Waarom?,traag\n\
                    c,Zuid,q1,scale,Hoe waarschijnlijk beveelt u ons aan?,10\nc,Zuid,q2,open,Waarom?,ok\n";
        let s = shaped(text);
        assert_eq!(s.headers, ["wie", "regio", "Hoe waarschijnlijk beveelt u ons aan?", "Waarom?"]);
        assert_eq!(s.long.and_then(|parts| parts.wording).as_deref(), Some("tekst"));
        // Named parts need no balance: a question only some answered, a region written on a
        // respondent's first row only.
        let text = "Respondent,Region,Question,Answer\n1,Noord,NPS,9\n1,,Q2,snel\n2,Zuid,NPS,3\n\
                    2,,Q2,traag\n2,,Why,too slow\n3,Noord,NPS,10\n3,,Q2,ok\n";
        let s = shaped(text);
        assert_eq!(s.layout, Layout::LongFormat);
        assert_eq!(s.headers, ["Respondent", "Region", "NPS", "Q2", "Why"]);
        assert_eq!((s.rows.cell(1, 1), s.rows.cell(1, 4)), ("Zuid", "too slow"));
    }

    #[test]
    fn tables_of_another_shape_are_not_pivoted() {
        let not_long = [
            // Stores answering each wave: waves are not questions, the scores are alike.
            "store,wave,score\nA,1,9\nA,2,8\nB,1,4\nB,2,6\nC,1,10\nC,2,7\n",
            // A respondent answering a question twice cannot be one row.
            "deelnemer,vraag,antwoord\na,1,Noord\na,2,9\nb,1,Zuid\nb,2,4\nb,2,5\nc,1,Noord\nc,2,10\n",
            // Two columns change within a respondent: which is the answer is not known.
            "k,q,score,comment\na,1,9,fine\na,2,Noord,x\nb,1,4,slow\nb,2,Zuid,y\nc,1,10,ok\nc,2,Zuid,z\n",
            // A wide table: ids do not repeat.
            "id,region,score\n1,Noord,9\n2,Zuid,4\n3,Noord,10\n4,Zuid,7\n",
            // Customers answering each quarter: Q1 is no question, and small waves' scores are
            // no different scales.
            "customer,quarter,score\nA,Q1,9\nA,Q2,8\nB,Q1,4\nB,Q2,6\nC,Q1,10\nC,Q2,7\n",
        ];
        // A wide survey whose dates, scores and regions happen to line up like a long file's
        // parts (nine dates, each score once per date): its ids are no answers.
        let mut wide = String::from("id,region,date,How likely are you to recommend us?\n");
        for i in 0..60 {
            let region = ["one", "two", "two"][i % 3];
            wide.push_str(&format!("{i},{region},2025-0{}-1{},{}\n", 1 + i % 3, i % 9, (i * 7) % 11));
        }
        let not_long = not_long.iter().copied().chain([wide.as_str()]);
        for text in not_long {
            let s = shaped(text);
            assert_ne!(s.layout, Layout::LongFormat, "{text}");
            assert!(s.long.is_none());
        }
    }

    #[test]
    fn long_format_names_coded_questions_by_their_wording() {
        let text = "Respondent,Vraagnummer,Vraagtekst,Antwoord\n1,Q1,Hoe waarschijnlijk is het dat u ons aanbeveelt?,9\n1,Q2,Regio,Noord\n2,Q1,Hoe waarschijnlijk is het dat u ons aanbeveelt?,3\n2,Q2,Regio,Zuid\n";
        let s = shaped(text);
        assert_eq!(s.headers, ["Respondent", "Hoe waarschijnlijk is het dat u ons aanbeveelt?", "Regio"]);
        assert_eq!(s.codes, ["", "Q1", "Q2"]);
    }
}
