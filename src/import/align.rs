//! Rows as the file meant them. A row of a delimited file with more or fewer fields than the
//! header would be read shifted: its score taken from a comment, its region from a date. Such a
//! row is lined up or left out, never read shifted:
//! - surplus fields that can only belong to the one free-text column (an unquoted delimiter in a
//!   comment) are joined into it, and the rows are named in a notice;
//! - any other row whose field count differs is left out of every figure with the reason
//!   `field_count` ("row has N fields, the header has M").
//!
//! Empty fields after the last column (a trailing delimiter) are not surplus, and a row may end
//! before the header's last columns when those have no name (a trailing delimiter in the header).
//! When most rows agree on a width other than the header's (a header that lacks a name), that
//! width is the table's. Workbooks have no fields to miscount and are not touched.

use super::score::{Decimal, parse_score_in};
use super::table::CellTable;

/// What lining up the rows did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    /// Spreadsheet row numbers of the rows whose comment held the delimiter: joined.
    pub joined: Vec<usize>,
    /// Table rows (positions) left out, with their field count, ascending.
    pub misaligned: Vec<(usize, usize)>,
}

/// A row's width without the empty fields after `width` (a trailing delimiter).
fn meant_width(rows: &CellTable, r: usize, width: usize) -> usize {
    let cells = rows.row_cells(r);
    let mut w = rows.row_width(r);
    while w > width && cells.get(w - 1).trim().is_empty() {
        w -= 1;
    }
    w
}

/// Whether every cell of a row is empty (a blank line: left out elsewhere, never miscounted).
fn is_blank(rows: &CellTable, r: usize) -> bool {
    rows.row_cells(r).is_blank()
}

/// Whether a row of `fields` fields fits a header of `width` fields whose last `blank_tail` have
/// no name.
fn fits(fields: usize, (width, blank_tail): (usize, usize)) -> bool {
    fields <= width && fields + blank_tail >= width
}

/// The width the rows should have: the header's (`header_width` fields, the last `blank_tail`
/// unnamed), unless more than half of the rows agree on another (the header lacks a name, or
/// holds one too many).
#[must_use]
pub fn expected_width(header_width: usize, blank_tail: usize, rows: &CellTable) -> usize {
    let header = (header_width, blank_tail);
    let fine = |r: usize| is_blank(rows, r) || fits(meant_width(rows, r, header_width), header);
    if (0..rows.row_count()).all(fine) {
        return header_width;
    }
    let mut counts = std::collections::HashMap::new();
    let mut filled = 0;
    for r in (0..rows.row_count()).filter(|&r| !is_blank(rows, r)) {
        *counts.entry(meant_width(rows, r, header_width)).or_insert(0usize) += 1;
        filled += 1;
    }
    match counts.into_iter().max_by_key(|&(width, n)| (n, width)) {
        Some((width, n)) if !fits(width, header) && 2 * n > filled => width,
        _ => header_width,
    }
}

/// Whether some non-blank row does not fit `width` fields (the last `blank_tail` unnamed).
#[must_use]
pub fn needs_alignment(rows: &CellTable, width: usize, blank_tail: usize) -> bool {
    (0..rows.row_count()).any(|r| !is_blank(rows, r) && !fits(meant_width(rows, r, width), (width, blank_tail)))
}

/// Lines the rows up with `width` columns: a longer row's surplus is joined into the free-text
/// column `comment` (with `delimiter` between the parts) when that puts a valid answer (or a
/// blank) in the `score` column; every other row of another width is kept, cut to `width`, and
/// listed as misaligned. Rows of the right width are copied as they are.
#[must_use]
pub fn align(
    rows: &CellTable,
    (width, blank_tail): (usize, usize),
    comment: Option<usize>,
    score: usize,
    delimiter: char,
) -> (CellTable, Alignment) {
    let mut aligned = CellTable::new();
    let mut alignment = Alignment::default();
    let separator = delimiter.to_string();
    for r in 0..rows.row_count() {
        let cells = rows.row_cells(r);
        let number = rows.row_number(r);
        let fields = meant_width(rows, r, width);
        if fits(fields, (width, blank_tail)) || is_blank(rows, r) {
            aligned.push_row(number, (0..rows.row_width(r).min(width)).map(|c| cells.get(c)));
            continue;
        }
        if let Some(c) = comment.filter(|&c| fields > width && c < width) {
            let surplus = fields - width;
            let joined: Vec<&str> = (c..=c + surplus).map(|k| cells.get(k)).collect();
            let joined = joined.join(&separator);
            let at = |k: usize| {
                if k < c {
                    cells.get(k)
                } else if k == c {
                    joined.as_str()
                } else {
                    cells.get(k + surplus)
                }
            };
            let score_cell = at(score);
            if score_cell.trim().is_empty()
                || parse_score_in(score_cell, Decimal::of_delimiter(Some(delimiter))).is_ok()
            {
                aligned.push_row(number, (0..width).map(at));
                alignment.joined.push(number);
                continue;
            }
        }
        alignment.misaligned.push((r, rows.row_width(r)));
        aligned.push_row(number, (0..rows.row_width(r).min(width)).map(|k| cells.get(k)));
    }
    (aligned, alignment)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> CellTable {
        let mut t = CellTable::new();
        for (i, row) in rows.iter().enumerate() {
            t.push_row(i + 2, row.iter().copied());
        }
        t
    }

    fn row(t: &CellTable, r: usize) -> Vec<String> {
        (0..t.row_width(r)).map(|c| t.cell(r, c).to_owned()).collect()
    }

    #[test]
    fn a_comment_with_the_delimiter_is_joined_back() {
        // id, comment, score, region: row 3's comment held two unquoted commas.
        let rows = table(&[
            &["1", "fine", "9", "North"],
            &["2", "slow", " late", " again", "3", "South"],
            &["3", "ok", "7", "North", ""],
        ]);
        assert_eq!(expected_width(4, 0, &rows), 4);
        assert!(needs_alignment(&rows, 4, 0));
        let (aligned, alignment) = align(&rows, (4, 0), Some(1), 2, ',');
        assert_eq!(row(&aligned, 1), ["2", "slow, late, again", "3", "South"]);
        assert_eq!(row(&aligned, 2), ["3", "ok", "7", "North"], "a trailing delimiter is no surplus");
        assert_eq!(alignment.joined, [3]);
        assert!(alignment.misaligned.is_empty());
    }

    #[test]
    fn rows_that_cannot_be_lined_up_are_listed_not_shifted() {
        // id, score, comment: no free-text column before the surplus lines up, or none at all.
        let rows = table(&[&["1", "9", "North"], &["2", "x", "3", "South"], &["3", "8"], &["", "", ""]]);
        let (aligned, alignment) = align(&rows, (3, 0), None, 1, ',');
        assert_eq!(alignment.misaligned, [(1, 4), (2, 2)]);
        assert_eq!(aligned.row_count(), 4);
        assert_eq!(row(&aligned, 1), ["2", "x", "3"], "kept, cut to the header's width");
        // Joining into the comment would put text in the score column: left out instead.
        let rows = table(&[&["1", "a", "9"], &["2", "b", "c", "d"]]);
        let (_, alignment) = align(&rows, (3, 0), Some(1), 2, ';');
        assert_eq!(alignment.misaligned, [(1, 4)]);
    }

    #[test]
    fn the_width_most_rows_agree_on_wins_over_a_short_header() {
        let rows = table(&[&["1", "9", "a"], &["2", "8", "b"], &["3", "7", "c"], &["4", "6"]]);
        assert_eq!(expected_width(2, 0, &rows), 3);
        assert_eq!(expected_width(3, 0, &rows), 3);
        let uniform = table(&[&["1", "9"], &["2", "8", ""]]);
        assert_eq!(expected_width(2, 0, &uniform), 2);
        assert!(!needs_alignment(&uniform, 2, 0));
        // A header "id,score," (its last field unnamed): rows with or without that field fit.
        let rows = table(&[&["1", "9"], &["2", "8", "x"]]);
        assert!(!needs_alignment(&rows, 3, 1));
        assert!(needs_alignment(&rows, 3, 0));
    }
}
