//! The announcements of every guess the import made and every row it could not use, worded once
//! so that the CLI and the window say the same: the CLI's table in its `--lang` language (English
//! on stderr with `--json`), the import review and the Trend view in the window's language.
//!
//! Owns the wording of notices only; the facts come from the [`Report`].

use crate::i18n::{Texts, fill};
use crate::import::{Role, UnreadableDates};
use crate::report::Report;

/// One line per guess or repair of the import: a long file pivoted (which column played which
/// part), the score column chosen by its answers, the weighting (applied, or skipped and why), a missing header row, a mislabelled file, lines read
/// as Windows-1252. Empty when nothing was guessed.
#[must_use]
pub fn import_notices(report: &Report, t: &Texts) -> Vec<String> {
    let mut notices = Vec::new();
    let source = &report.source;
    if let Some(long) = &source.long_format {
        let answers = long.answers.to_string();
        let parts = [
            ("answers", answers.as_str()),
            ("respondent", &long.respondent),
            ("question", &long.question),
            ("answer", &long.answer),
        ];
        let mut notice = fill(t.long_format_parts, &parts);
        if let Some(wording) = &long.wording {
            notice.push(' ');
            notice.push_str(&fill(t.long_format_wording, &[("wording", wording)]));
        }
        notices.push(notice);
    }
    if let Some(kind) = source.read_as {
        let extension = source.file.rsplit_once('.').map_or("", |(_, e)| e);
        notices.push(fill(t.notice_read_as, &[("extension", extension), ("kind", kind)]));
    }
    if source.header_missing {
        notices.push(t.notice_no_header.to_owned());
    }
    if !source.joined_rows.is_empty() {
        notices.push(fill(
            t.notice_joined_rows,
            &[("rows", &list_numbers(&source.joined_rows)), ("delimiter", source.delimiter.as_deref().unwrap_or(","))],
        ));
    }
    if !source.windows_1252_lines.is_empty() {
        notices.push(fill(t.notice_windows_1252, &[("lines", &list_numbers(&source.windows_1252_lines))]));
    }
    let columns = &report.columns;
    if columns.score_guessed {
        let mut line = fill(t.notice_score_guessed, &[("column", &columns.score)]);
        if !columns.score_alternatives.is_empty() {
            let others: Vec<String> = columns.score_alternatives.iter().map(|c| format!("'{c}'")).collect();
            line.push(' ');
            line.push_str(&fill(t.notice_score_others, &[("columns", &others.join(", "))]));
        }
        notices.push(line);
    }
    for role in columns.roles.iter().filter(|r| r.role == crate::import::Role::Date) {
        let doubts = role.date_doubts;
        for (doubt, text) in [
            (doubts.ambiguous, t.notice_dates_ambiguous),
            (doubts.two_digit_years, t.notice_two_digit_years),
            (doubts.serials, t.notice_excel_serials),
        ] {
            if doubt {
                notices.push(fill(text, &[("column", &role.column)]));
            }
        }
    }
    for role in columns.roles.iter().filter(|r| r.scale_guessed) {
        let text = match role.role {
            Role::Rating5 | Role::Rating7 => t.notice_rating_scale_guessed,
            _ => t.notice_ces_scale_guessed,
        };
        let scale = role.scale.unwrap_or_default();
        notices.push(fill(text, &[("column", &role.column), ("scale", scale)]));
    }
    if let (true, Some(weight)) = (columns.weighted, &columns.weight) {
        notices.push(fill(t.notice_weighted, &[("column", weight)]));
    }
    if let Some(skipped) = &columns.weight_skipped {
        let why = match skipped.reason {
            "not_numbers" | "not_positive" | "blank" => t.weight_why_bad_values,
            _ => t.weight_why_mean,
        };
        let detail = if skipped.rows.is_empty() {
            // The mean, written with two decimals: in the notice's language.
            skipped.detail.parse::<f64>().map_or_else(|_| skipped.detail.clone(), |mean| t.number(mean, 2))
        } else {
            let rows: Vec<String> = skipped
                .rows
                .iter()
                .map(|(row, cell)| {
                    let value = if cell.is_empty() { t.weight_blank.to_owned() } else { format!("'{cell}'") };
                    format!("{} {row}: {value}", t.row)
                })
                .collect();
            let more = match skipped.more_rows {
                0 => String::new(),
                n => t.plural(t.weight_more_rows, n as u64, &[]),
            };
            format!("{}{more}", rows.join(", "))
        };
        let why = fill(why, &[("detail", &detail)]);
        notices.push(fill(t.notice_weight_skipped, &[("column", &skipped.column), ("why", &why)]));
    }
    notices
}

/// "12 rows have no readable date in 'date' and are left out of the trend (2 blank; row 5
/// 'gisteren', ...)" (the singular for one row).
#[must_use]
pub fn date_notice(dates: &UnreadableDates, t: &Texts) -> String {
    let examples: Vec<String> =
        dates.examples.iter().zip(&dates.values).map(|(row, value)| format!("{} {row} '{value}'", t.row)).collect();
    t.plural(
        t.notice_unreadable_dates,
        dates.rows as u64,
        &[
            ("rows", &t.count(dates.rows as u64)),
            ("column", &dates.column),
            ("blank", &dates.blank.to_string()),
            ("examples", &examples.join(", ")),
        ],
    )
}

/// `3, 7, 12` or, for many, the first ten and `and 5 more`.
fn list_numbers(numbers: &[usize]) -> String {
    let mut parts: Vec<String> = numbers.iter().take(10).map(ToString::to_string).collect();
    if numbers.len() > 10 {
        parts.push(format!("+{}", numbers.len() - 10));
    }
    parts.join(", ")
}

/// The raked line of a text output, with the trimming when there was some.
#[must_use]
pub fn raking_lines(summary: &crate::analysis::weighting::RakeSummary, language: crate::i18n::Language) -> Vec<String> {
    let (t, d) = (language.texts(), crate::i18n::drivers::DriverTexts::of(language));
    let mut lines = vec![fill(
        d.raked_line,
        &[
            ("columns", &summary.columns.join(", ")),
            ("iterations", &summary.iterations.to_string()),
            ("deff", &t.number(summary.design_effect, 2)),
            ("n_eff", &t.number(summary.effective_n, 1)),
            ("n", &t.count(summary.n as u64)),
        ],
    )];
    if let Some((low, high)) = summary.trim {
        let (low, high) = (t.number(low, 2), t.number(high, 2));
        if !summary.bounds_held {
            lines.push(fill(d.trim_gave_way, &[("low", &low), ("high", &high)]));
        } else if summary.trimmed > 0 {
            lines.push(fill(
                d.trimmed_line,
                &[("trimmed", &summary.trimmed.to_string()), ("low", &low), ("high", &high)],
            ));
        }
    }
    lines
}
