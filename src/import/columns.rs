//! Finding the column that holds the 0-10 "how likely are you to recommend" answers, by its
//! header and by its values.
//!
//! Owns the score-column decision and the explanation of near misses; reads cells only.

use super::score::{Decimal, ExclusionReason, parse_number_in, parse_score_in};
use super::table::CellTable;

/// Header word stems that name a recommendation question, in English, Dutch, Danish and German,
/// in all their forms: recommend(ation), aanbevelen / aanbeveelt / aanbeveling(sscore),
/// aanraden / aanraadt, anbefale / anbefaling(sscore), (weiter)empfehlen / Empfehlung / empfiehlt.
/// "How likely" alone does not speak of recommending: a column so headed is only a guess.
const SCORE_HEADER_WORDS: [&str; 9] =
    ["recommend", "aanbevel", "aanbeveel", "aanraden", "aanraadt", "anbefal", "empfehl", "empfiehl", "nps"];

/// Generic header words: a column so named is taken when no better candidate exists.
const WEAK_SCORE_HEADER_WORDS: [&str; 3] = ["score", "rating", "rate"];

/// Header fragments that say a column is about scores but is not itself one answer.
const NOT_A_SCORE_WORDS: [&str; 12] = [
    "group",
    "groep",
    "gruppe",
    "category",
    "categorie",
    "kategori",
    "reason",
    "why",
    "waarom",
    "hvorfor",
    "comment",
    "topics",
];

/// Header words that mark identifier or counter columns.
const ID_HEADER_WORDS: [&str; 6] = ["id", "nr", "no", "number", "nummer", "respondent"];

/// How a column's cells look as 0-10 scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreProfile {
    /// Cells that are not blank.
    pub filled: usize,
    /// Cells that read as a whole number 0-10.
    pub valid: usize,
    /// Cells that are numbers of any kind.
    pub numeric: usize,
    /// The largest number seen.
    pub max: Option<f64>,
    /// Distinct valid scores.
    pub distinct: usize,
    /// Valid scores run 1, 2, 3, ... down the rows, like a row counter.
    pub counts_rows: bool,
    /// The lowest and the highest valid score.
    pub valid_range: Option<(u8, u8)>,
}

/// Rows looked at when profiling a column; larger tables are sampled at an even stride, which is
/// enough to tell a score column from others (every row is still checked when scores are read).
pub const PROFILE_ROWS: usize = 5_000;

/// Profiles column `column` of `rows` as a candidate score column.
#[must_use]
pub fn profile_scores(rows: &CellTable, column: usize, decimal: Decimal) -> ScoreProfile {
    let mut profile = ScoreProfile::default();
    let mut seen = [false; 11];
    let mut previous: Option<u8> = None;
    let stride = rows.row_count().div_ceil(PROFILE_ROWS).max(1);
    // A row counter only shows as one when every row is looked at.
    let mut counting = stride == 1;
    for r in (0..rows.row_count()).step_by(stride) {
        let cell = rows.cell(r, column);
        if cell.trim().is_empty() {
            continue;
        }
        profile.filled += 1;
        if let Some(v) = parse_number_in(cell, decimal) {
            profile.numeric += 1;
            profile.max = Some(profile.max.map_or(v, |m: f64| m.max(v)));
        }
        match parse_score_in(cell, decimal) {
            Ok(v) => {
                profile.valid += 1;
                seen[usize::from(v)] = true;
                profile.valid_range = Some(profile.valid_range.map_or((v, v), |(l, h)| (l.min(v), h.max(v))));
                counting &= previous.map_or(v <= 1, |p| v == p + 1);
                previous = Some(v);
            }
            Err(ExclusionReason::Blank) => {}
            Err(_) => counting = false,
        }
    }
    profile.distinct = seen.iter().filter(|&&s| s).count();
    profile.counts_rows = counting && profile.valid > 2;
    profile
}

fn normalised(header: &str) -> String {
    header.to_lowercase()
}

/// Whether a header speaks of recommending (in English, Dutch, Danish or German): only such a
/// column is taken as the NPS question without announcing a guess.
fn header_names_score(header: &str) -> bool {
    let h = normalised(header);
    SCORE_HEADER_WORDS.iter().any(|w| h.contains(w)) && !NOT_A_SCORE_WORDS.iter().any(|w| h.contains(w))
}

/// Whether a header names a score without speaking of recommending (`score`, `rating`, `0-10`).
fn header_weakly_names_score(header: &str) -> bool {
    let h = normalised(header);
    let named = WEAK_SCORE_HEADER_WORDS.iter().any(|w| h.contains(w))
        || h.contains("0-10")
        || h.contains("0 - 10")
        || h.contains("0 to 10")
        || h.contains("0 tot 10")
        || h.contains("0 til 10");
    named && !NOT_A_SCORE_WORDS.iter().any(|w| h.contains(w))
}

fn header_names_id(header: &str) -> bool {
    let h = normalised(header);
    h.split(|c: char| !c.is_alphanumeric()).any(|word| ID_HEADER_WORDS.contains(&word)) || h.ends_with("id")
}

/// Whether a column's values alone make it a plausible 0-10 question: nearly all answers whole
/// numbers 0-10, someone answered 9 or 10, several different answers, not a row counter.
fn values_look_like_scores(p: &ScoreProfile) -> bool {
    p.valid >= 3 && p.valid * 10 >= p.filled * 9 && p.max.is_some_and(|m| m >= 9.0) && p.distinct >= 3 && !p.counts_rows
}

/// Whether a column whose header names a recommendation question holds scores: some valid
/// answers, at least as many as numbers that are not (text such as `n.v.t.` does not count
/// against it: it is reported as excluded).
fn named_column_holds_scores(p: &ScoreProfile) -> bool {
    p.valid >= 1 && p.valid >= p.numeric.saturating_sub(p.valid) && !p.counts_rows
}

/// Answers below which a column whose answers all lie within 1-5 may still be a 0-10 question
/// nobody scored high on; from this many on, such a column is taken to be asked on a 1-5 scale.
pub const FIVE_POINT_ANSWERS: usize = 20;

/// Why a column chosen as the 0-10 question may be asked on another scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleDoubt {
    /// Its header states another scale, such as "(1-5)" or "op een schaal van 1 tot 7".
    Stated(u8, u8),
    /// This many answers, every one of them 1-5.
    OneToFive(usize),
}

/// Why the column `header` with answers `profile` may not hold 0-10 answers.
#[must_use]
pub fn scale_doubt(header: &str, profile: &ScoreProfile) -> Option<ScaleDoubt> {
    if let Some((low, high)) = other_stated_scale(header) {
        return Some(ScaleDoubt::Stated(low, high));
    }
    let five_point = profile.valid_range.is_some_and(|(low, high)| low >= 1 && high <= 5)
        && profile.numeric == profile.valid
        && profile.valid >= FIVE_POINT_ANSWERS;
    five_point.then_some(ScaleDoubt::OneToFive(profile.valid))
}

/// The scale `header` states, when it is not 0-10 ("(1-5)", "op een schaal van 1 tot 7").
fn other_stated_scale(header: &str) -> Option<(u8, u8)> {
    super::roles::stated_scale(header).filter(|&s| s != (0, 10))
}

/// The outcome of the search for the score column.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreColumnChoice {
    /// The column whose header names the recommendation question.
    Found(usize),
    /// No header names the recommendation question; this column was taken because its answers
    /// look like 0-10 scores. `others` are further columns that look so too. The choice must be
    /// announced.
    Guessed {
        /// The column taken.
        column: usize,
        /// Other columns whose answers look like 0-10 scores.
        others: Vec<usize>,
    },
    /// The header names the recommendation question but nobody answered it; no other column is
    /// taken in its place.
    NoAnswers(usize),
    /// None fits; the text lists the numeric columns looked at and why each was passed over.
    NotFound(String),
}

/// Whether answers that never exceed 5 or 7 (a 1-5 or 1-7 scale) rule a column out as 0-10.
fn short_scale(p: &ScoreProfile) -> bool {
    p.max.is_some_and(|m| m <= 7.0)
}

/// Finds the score column: a column whose header names the recommendation question and that
/// holds scores; else (announced as a guess) the leftmost column whose values look like 0-10
/// answers, or a column with a generic name (`score`, `rating`) whose answers go above 7.
/// A recommendation column nobody answered is reported, never replaced by another column.
#[must_use]
pub fn find_score_column(headers: &[String], rows: &CellTable, decimal: Decimal) -> ScoreColumnChoice {
    // The columns whose header names the score are looked at first; the rest only without one.
    let named: Vec<(usize, ScoreProfile)> = (0..headers.len())
        .filter(|&c| header_names_score(&headers[c]))
        .map(|c| (c, profile_scores(rows, c, decimal)))
        .collect();
    // A column whose header states another scale ("(1-5)") is taken only when no other is named;
    // it is then refused with the reason ([`scale_doubt`]), never read as 0-10.
    if let Some(&(c, _)) = named
        .iter()
        .find(|(c, p)| named_column_holds_scores(p) && other_stated_scale(&headers[*c]).is_none())
        .or_else(|| named.iter().find(|(_, p)| named_column_holds_scores(p)))
    {
        return ScoreColumnChoice::Found(c);
    }
    if let Some(&(c, _)) = named.iter().find(|(_, p)| p.filled == 0) {
        return ScoreColumnChoice::NoAnswers(c);
    }
    // The named columns' profiles are not worked out again.
    let mut named = named.into_iter().peekable();
    let profiles: Vec<ScoreProfile> = (0..headers.len())
        .map(|c| named.next_if(|(n, _)| *n == c).map_or_else(|| profile_scores(rows, c, decimal), |(_, p)| p))
        .collect();
    let by_values: Vec<usize> = (0..headers.len())
        .filter(|&c| {
            !header_names_id(&headers[c])
                && other_stated_scale(&headers[c]).is_none()
                && values_look_like_scores(&profiles[c])
        })
        .collect();
    let weakly_named = (0..headers.len()).find(|&c| {
        header_weakly_names_score(&headers[c])
            && other_stated_scale(&headers[c]).is_none()
            && named_column_holds_scores(&profiles[c])
            && !short_scale(&profiles[c])
    });
    let column = by_values.first().copied().or(weakly_named);
    match column {
        Some(column) => {
            ScoreColumnChoice::Guessed { column, others: by_values.into_iter().filter(|&c| c != column).collect() }
        }
        None => ScoreColumnChoice::NotFound(near_misses(headers, &profiles)),
    }
}

fn near_misses(headers: &[String], profiles: &[ScoreProfile]) -> String {
    let mut notes: Vec<String> = Vec::new();
    for (c, p) in profiles.iter().enumerate() {
        if p.numeric == 0 && !header_names_score(&headers[c]) {
            continue;
        }
        let why = if p.numeric == 0 {
            "no numbers".to_owned()
        } else if p.counts_rows || header_names_id(&headers[c]) {
            "an identifier".to_owned()
        } else if p.max.is_some_and(|m| m > 10.0) && p.valid * 10 < p.filled * 9 {
            format!("values up to {}", trim_number(p.max.unwrap_or(0.0)))
        } else if p.max.is_some_and(|m| m <= 5.0) && p.valid * 10 >= p.filled * 9 {
            "holds 1-5 answers".to_owned()
        } else if p.max.is_some_and(|m| m > 6.0 && m <= 7.0) && p.valid * 10 >= p.filled * 9 {
            "holds 1-7 answers".to_owned()
        } else if p.max.is_some_and(|m| m < 9.0) {
            format!("nobody answered above {}", trim_number(p.max.unwrap_or(0.0)))
        } else if p.distinct < 3 {
            format!("only {} different values", p.distinct)
        } else {
            format!("{} of {} answers are not 0-10", p.filled - p.valid, p.filled)
        };
        notes.push(format!("'{}' ({why})", short(&headers[c])));
        if notes.len() == 6 {
            break;
        }
    }
    if notes.is_empty() {
        "none: no column holds numbers; use --score COLUMN to name it".to_owned()
    } else {
        notes.join(", ")
    }
}

fn trim_number(v: f64) -> String {
    if v.fract() == 0.0 { format!("{v:.0}") } else { format!("{v}") }
}

/// A header shortened for a one-line message.
#[must_use]
pub fn short(header: &str) -> String {
    shortened(header, 40)
}

/// `text` on one line, cut to `width` characters with an ellipsis.
#[must_use]
pub fn shortened(text: &str, width: usize) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > width {
        let cut: String = one_line.chars().take(width.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    } else {
        one_line
    }
}

/// Headers shortened for one message so that different headers stay different
/// ([`shortened_apart`] to 40 characters).
#[must_use]
pub fn short_distinct(headers: &[&str]) -> Vec<String> {
    shortened_apart(headers, 40)
}

/// Texts cut to `width` characters so that different texts stay different: where two share their
/// first `width` characters, each keeps its start and its end ("On a scale of 0-10,… Sudzilla?"),
/// and where even that is the same, the whole text on one line.
#[must_use]
pub fn shortened_apart(texts: &[&str], width: usize) -> Vec<String> {
    let shorts: Vec<String> = texts.iter().map(|h| shortened(h, width)).collect();
    let clash = |i: usize, names: &[String]| names.iter().enumerate().any(|(j, n)| j != i && *n == names[i]);
    let (head_width, tail_width) = (width / 2, width - width / 2 - 1);
    let ends: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let one_line: Vec<char> = h.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
            if clash(i, &shorts) && one_line.len() > width {
                let head: String = one_line[..head_width].iter().collect();
                // The end starts at a word.
                let from = one_line.len() - tail_width;
                let from = if one_line[from - 1] == ' ' {
                    from
                } else {
                    one_line[from..].iter().position(|&c| c == ' ').map_or(from, |p| from + p + 1)
                };
                let tail: String = one_line[from..].iter().collect();
                format!("{}… {tail}", head.trim_end())
            } else {
                shorts[i].clone()
            }
        })
        .collect();
    (0..texts.len())
        .map(
            |i| {
                if clash(i, &ends) {
                    texts[i].split_whitespace().collect::<Vec<_>>().join(" ")
                } else {
                    ends[i].clone()
                }
            },
        )
        .collect()
}

/// Finds a column by its header: exact match first, then ignoring case and surrounding spaces,
/// then a 1-based column number or a spreadsheet letter (`C`).
#[must_use]
pub fn find_column(headers: &[String], wanted: &str) -> Option<usize> {
    let w = wanted.trim();
    if w.is_empty() {
        return None;
    }
    headers
        .iter()
        .position(|h| h == w)
        .or_else(|| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(w)))
        .or_else(|| w.parse::<usize>().ok().filter(|&n| n >= 1 && n <= headers.len()).map(|n| n - 1))
        .or_else(|| column_letter_index(w).filter(|&i| i < headers.len()))
}

/// The 0-based index of a spreadsheet column letter such as `A` or `AB`.
#[must_use]
pub fn column_letter_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut index = 0usize;
    for c in letters.to_ascii_uppercase().bytes() {
        index = index * 26 + usize::from(c - b'A' + 1);
    }
    Some(index - 1)
}

/// The spreadsheet letter of a 0-based column index (`0` -> `A`, `27` -> `AB`).
#[must_use]
pub fn column_letter(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> CellTable {
        let mut t = CellTable::new();
        for (i, r) in rows.iter().enumerate() {
            t.push_row(i + 2, r.iter().copied());
        }
        t
    }

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn shortened_headers_stay_apart() {
        let long = |end: &str| format!("On a scale of 0-10, how would you rate {end}");
        let (a, b, c) = (long("Sudzilla?"), long("the opening keynote?"), long("the closing keynote?"));
        assert_eq!(
            short_distinct(&[&a, &b, &c, "Region"]),
            [
                "On a scale of 0-10,… you rate Sudzilla?",
                "On a scale of 0-10,… opening keynote?",
                "On a scale of 0-10,… closing keynote?",
                "Region"
            ]
        );
        // Where start and end are shared too, the whole header.
        let (d, e) = (long("the hall on day one of the festival?"), long("the tent on day one of the festival?"));
        assert_eq!(short_distinct(&[&d, &e]), [d.clone(), e.clone()]);
        assert_eq!(short_distinct(&[&a]), ["On a scale of 0-10, how would you rate…"]);
    }

    #[test]
    fn header_in_each_language_wins_over_an_earlier_numeric_column() {
        for name in [
            "How likely are you to recommend us?",
            "Zou u ons aanbevelen?",
            "Vil du anbefale os?",
            "Würden Sie uns weiterempfehlen?",
            "NPS",
        ] {
            let h = headers(&["Age band", name]);
            let t = table(&[&["3", "9"], &["5", "10"], &["9", "7"], &["2", "n.v.t."]]);
            assert_eq!(find_score_column(&h, &t, Decimal::Either), ScoreColumnChoice::Found(1), "{name}");
        }
    }

    #[test]
    fn nps_group_column_is_not_the_score() {
        let h = headers(&["Q1_NPS_GROUP", "Q1"]);
        let t = table(&[&["3", "9"], &["1", "4"], &["2", "10"], &["3", "7"]]);
        // `Q1` names no question: the column is taken by its answers, as an announced guess.
        assert_eq!(
            find_score_column(&h, &t, Decimal::Either),
            ScoreColumnChoice::Guessed { column: 1, others: Vec::new() }
        );
    }

    #[test]
    fn values_alone_find_a_score_but_not_ids_rankings_or_flags() {
        let h = headers(&["Id", "Rank", "Finished", "Rate us"]);
        let t = table(&[&["1", "1", "1", "9"], &["2", "3", "1", "3"], &["3", "6", "0", "10"], &["4", "2", "1", "8"]]);
        assert_eq!(
            find_score_column(&h, &t, Decimal::Either),
            ScoreColumnChoice::Guessed { column: 3, others: Vec::new() }
        );
    }

    #[test]
    fn refusal_lists_the_candidates() {
        let h = headers(&["Progress", "Rank"]);
        let t = table(&[&["100", "1"], &["50", "6"], &["100", "3"]]);
        let ScoreColumnChoice::NotFound(text) = find_score_column(&h, &t, Decimal::Either) else {
            panic!("expected no score column");
        };
        assert!(text.contains("'Progress' (values up to 100)"), "{text}");
        assert!(text.contains("'Rank' (nobody answered above 6)"), "{text}");
    }

    #[test]
    fn a_one_to_five_rating_is_not_a_score_column() {
        let h = headers(&["Id", "rating"]);
        let t = table(&[&["1", "4"], &["2", "5"], &["3", "1"], &["4", "3"], &["5", "2"]]);
        let ScoreColumnChoice::NotFound(text) = find_score_column(&h, &t, Decimal::Either) else {
            panic!("a 1-5 rating must not be taken as 0-10");
        };
        assert!(text.contains("'rating' (holds 1-5 answers)"), "{text}");
        let h = headers(&["Score"]);
        let t = table(&[&["1"], &["7"], &["3"], &["6"]]);
        assert!(matches!(find_score_column(&h, &t, Decimal::Either), ScoreColumnChoice::NotFound(_)), "1-7 answers");
    }

    #[test]
    fn a_blank_recommend_column_is_not_replaced_by_another() {
        let h = headers(&["How likely are you to recommend us?", "CES", "Quality 0-10"]);
        let t = table(&[&["", "3", "9"], &["", "7", "4"], &["", "5", "10"], &["", "1", "8"]]);
        assert_eq!(find_score_column(&h, &t, Decimal::Either), ScoreColumnChoice::NoAnswers(0));
    }

    #[test]
    fn a_column_chosen_by_its_answers_is_a_guess_with_the_others_listed() {
        let h = headers(&["Service", "Price"]);
        let t = table(&[&["9", "3"], &["3", "10"], &["10", "7"], &["8", "2"]]);
        assert_eq!(
            find_score_column(&h, &t, Decimal::Either),
            ScoreColumnChoice::Guessed { column: 0, others: vec![1] }
        );
    }

    #[test]
    fn columns_found_by_name_number_or_letter() {
        let h = headers(&["Region", "Score"]);
        assert_eq!(find_column(&h, "score"), Some(1));
        assert_eq!(find_column(&h, "2"), Some(1));
        assert_eq!(find_column(&h, "B"), Some(1));
        assert_eq!(find_column(&h, "Z"), None);
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter_index("AB"), Some(27));
    }
}
