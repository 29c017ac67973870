//! Weighting to the population: the target margins a user enters or loads (a `;` or `,` CSV of
//! column, value and share or count), raked onto the respondents whose score counts, and written
//! into the table as its weight column, so that the weights flow through every number exactly as
//! a weight column of the file does (a weight the file already had is the raking's start).
//!
//! The arithmetic is `stats::rake`'s; this module reads the margins and the table's values.

use serde::{Deserialize, Serialize};

use super::survey::{ROW, SCORE};
use super::{Survey, SurveyParts};
use crate::import::{self, ColumnRole, ImportedTable, Role};
use crate::stats::rake::{Margin, RakeOptions, rake};

/// The header of the weight column raking adds.
pub const RAKED_WEIGHT: &str = "raked_weight";

/// The target of one column: each value's share of the population (summing to 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarginSpec {
    /// The column, as the survey file heads it.
    pub column: String,
    /// Each value and its share.
    pub targets: Vec<(String, f64)>,
}

/// Weighting asked for: the margins (read from `file`) and the trimming bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weighting {
    /// The margins file's name, as the window says it.
    pub file: String,
    /// The margins.
    pub margins: Vec<MarginSpec>,
    /// The trimming bounds, as multiples of the mean weight.
    pub trim: Option<(f64, f64)>,
}

/// What raking did, for the report and the window.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RakeSummary {
    /// The columns raked on.
    pub columns: Vec<String>,
    /// The weight column raking added to the table.
    pub weight_column: String,
    /// The file's own weight column, where raking started (set aside in the raked table).
    pub started_from: Option<String>,
    /// Respondents weighted (those whose score counts).
    pub n: usize,
    /// Raking sweeps.
    pub iterations: usize,
    /// Weights capped by trimming in the last round.
    pub trimmed: usize,
    /// The trimming bounds, as multiples of the mean weight.
    pub trim: Option<(f64, f64)>,
    /// Whether every weight ends within those bounds (the margins come first when both cannot
    /// hold).
    pub bounds_held: bool,
    /// Kish's effective n of the weights.
    pub effective_n: f64,
    /// n / effective n.
    pub design_effect: f64,
    /// Each target and the share the weights reach.
    pub margins: Vec<MarginCheck>,
}

/// One value's target and the weighted share reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarginCheck {
    /// The column.
    pub column: String,
    /// The value.
    pub value: String,
    /// Its target share (0-1).
    pub target: f64,
    /// The weighted share reached (0-1).
    pub achieved: f64,
}

/// Reads the margins file at `path` (see [`parse_margins`]).
pub fn read_margins(path: &std::path::Path) -> Result<Vec<MarginSpec>, String> {
    let name = import::display_name(path);
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    let text =
        String::from_utf8(bytes).map_err(|_| format!("{name}: not UTF-8 text; save the margins as UTF-8 CSV"))?;
    parse_margins(&text, &name)
}

/// Margins from CSV text (`;` or `,` between cells; `file` names it in messages): a header row
/// with `column`, `value` and `share` or `count` (any case, in that order), then one row per
/// value. Shares may be fractions or percentages; counts are turned into shares. Each column's
/// shares must add up to 1 (or 100).
pub fn parse_margins(text: &str, file: &str) -> Result<Vec<MarginSpec>, String> {
    let text = text.trim_start_matches('\u{feff}');
    let first = text.lines().find(|l| !l.trim().is_empty()).ok_or_else(|| format!("{file}: no margins in the file"))?;
    let separator = if first.contains(';') { b';' } else { b',' };
    let mut reader =
        csv::ReaderBuilder::new().delimiter(separator).has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{file}, row {}: {e}", index + 1))?;
        let cells: Vec<String> = record.iter().map(|c| c.trim().to_owned()).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows.push((index + 1, cells));
    }
    let Some((_, head)) = rows.first() else { return Err(format!("{file}: no margins in the file")) };
    let head: Vec<String> = head.iter().map(|c| c.to_lowercase()).collect();
    let separator = char::from(separator);
    let counts = match head.as_slice() {
        [c, v, s] if c == "column" && v == "value" && (s == "share" || s == "percent") => false,
        [c, v, s] if c == "column" && v == "value" && s == "count" => true,
        _ => {
            return Err(format!(
                "{file}, row 1: the header must be column{separator}value{separator}share (or count), not '{}'",
                head.join(&separator.to_string())
            ));
        }
    };
    let mut margins: Vec<MarginSpec> = Vec::new();
    for (row, cells) in &rows[1..] {
        let filled = cells.iter().rposition(|c| !c.is_empty()).map_or(0, |last| last + 1);
        let [column, value, amount] = &cells[..filled] else {
            return Err(format!(
                "{file}, row {row}: three cells expected (column, value, share or count), found {filled}: '{}'",
                cells.join(&separator.to_string())
            ));
        };
        let amount = parse_amount(amount, counts, separator).ok_or_else(|| {
            format!(
                "{file}, row {row}, column 3: '{amount}' is no {}",
                if counts { "count (a whole number)" } else { "share (a number, 0 or more)" }
            )
        })?;
        if column.is_empty() || value.is_empty() {
            return Err(format!("{file}, row {row}: the column and the value must both be given"));
        }
        let at = match margins.iter().position(|m| m.column.eq_ignore_ascii_case(column)) {
            Some(at) => at,
            None => {
                margins.push(MarginSpec { column: column.clone(), targets: Vec::new() });
                margins.len() - 1
            }
        };
        let margin = &mut margins[at];
        if margin.targets.iter().any(|(v, _)| key(v) == key(value)) {
            return Err(format!("{file}, row {row}: {column} = {value} is given twice"));
        }
        margin.targets.push((value.clone(), amount));
    }
    if margins.is_empty() {
        return Err(format!("{file}: no margins below the header"));
    }
    for margin in &mut margins {
        let total: f64 = margin.targets.iter().map(|(_, v)| v).sum();
        // Published shares are rounded (33.3% three times): within half a percent they are
        // scaled to add up exactly.
        let adds_up = counts || (total - 1.0).abs() <= 0.005 || (total - 100.0).abs() <= 0.5;
        if !adds_up {
            return Err(format!(
                "{file}: the shares of '{}' add up to {}, not 1 (or 100%); give shares that add up, or counts",
                margin.column,
                (total * 1e6).round() / 1e6
            ));
        }
        let scale = total;
        if total <= 0.0 {
            return Err(format!(
                "{file}: the {} of '{}' add up to 0",
                if counts { "counts" } else { "shares" },
                margin.column
            ));
        }
        for (_, v) in &mut margin.targets {
            *v /= scale;
        }
    }
    Ok(margins)
}

/// A share (a fraction, or percent with or without `%`; a decimal comma in a `;` file) or a
/// count (a whole number, no thousands marks), 0 or more.
fn parse_amount(text: &str, count: bool, separator: char) -> Option<f64> {
    let number = text.trim_end_matches('%').trim();
    if count {
        return number.parse::<u64>().ok().map(|n| n as f64);
    }
    let number = if separator == ';' { number.replace(',', ".") } else { number.to_owned() };
    number.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// Per frame row: its spreadsheet row; the frame rows whose score counts; their weights (1
/// without a weight column); and each of `headers`' codes per frame row.
type Respondents = (Vec<u32>, Vec<usize>, Vec<f64>, Vec<Vec<u32>>);

fn respondents(survey: &Survey, headers: &[String]) -> Result<Respondents, super::AnalysisError> {
    let frame = survey.frame();
    let counted = frame.column(SCORE)?.u8()?.is_not_null();
    let rows: Vec<u32> = frame.column(ROW)?.u32()?.into_no_null_iter().collect();
    let positions: Vec<usize> = (0..frame.height()).filter(|&i| counted.get(i).unwrap_or(false)).collect();
    let initial: Vec<f64> = if survey.is_weighted() {
        let w = frame.column(super::survey::WEIGHT)?.f64()?;
        positions.iter().map(|&i| w.get(i).unwrap_or(0.0)).collect()
    } else {
        vec![1.0; positions.len()]
    };
    let mut columns = Vec::new();
    for header in headers {
        let codes = match survey.segment(header) {
            Some(segment) => frame.column(&segment.key)?.u32()?.iter().map(|c| c.unwrap_or(u32::MAX)).collect(),
            None => vec![u32::MAX; frame.height()],
        };
        columns.push(codes);
    }
    Ok((rows, positions, initial, columns))
}

/// Each respondent's spreadsheet row and weight, for those whose answer counts, when `survey`
/// is weighted (raked or by the file's own weights); empty otherwise.
pub fn weight_rows(survey: &Survey) -> Result<Vec<(u32, f64)>, super::AnalysisError> {
    if !survey.is_weighted() {
        return Ok(Vec::new());
    }
    let frame = survey.frame();
    let (rows, scores, weights) =
        (frame.column(ROW)?.u32()?, frame.column(SCORE)?.u8()?, frame.column(super::survey::WEIGHT)?.f64()?);
    Ok((0..frame.height())
        .filter(|&i| scores.get(i).is_some())
        .filter_map(|i| Some((rows.get(i)?, weights.get(i)?)))
        .collect())
}

/// Every weighted respondent's spreadsheet row and weight as [`rake_table`] wrote them into
/// `table`'s weight column, read back without typing the table: the same numbers as
/// [`weight_rows`] of its survey (the survey parses the same text).
#[must_use]
pub fn raked_weights(table: &ImportedTable) -> Vec<(u32, f64)> {
    let Some(column) = table
        .roles
        .iter()
        .filter(|r| r.role == Role::Weight)
        .find_map(|r| table.headers.iter().position(|h| *h == r.column))
    else {
        return Vec::new();
    };
    (0..table.rows.row_count())
        .filter_map(|r| {
            let cell = table.rows.row(r).nth(column)?.trim().replace(',', ".");
            Some((table.rows.row_number(r) as u32, cell.parse::<f64>().ok()?))
        })
        .collect()
}

/// A value's key: trimmed and in lower case.
fn key(value: &str) -> String {
    value.trim().to_lowercase()
}

/// Rakes the respondents of `table` whose score counts to `margins` (trimming the weights to
/// `trim` × the mean when given) and returns the table with the weights as its weight column
/// ([`RAKED_WEIGHT`]; a weight column the file had is where raking starts, and is then set
/// aside). Errors name the file, and the row and column of a value without a target.
pub fn rake_table(
    mut table: ImportedTable,
    margins: &[MarginSpec],
    trim: Option<(f64, f64)>,
) -> Result<(ImportedTable, RakeSummary), String> {
    let place = table.source.place();
    let headers: Vec<String> = margins
        .iter()
        .map(|m| table.column_index(&m.column).map(|c| table.headers[c].clone()).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let parts = SurveyParts { segments: Some(Vec::new()), dates: false, comments: false, metrics: false };
    let survey = Survey::from_table_with(&table, &headers, &parts).map_err(|e| e.to_string())?;
    let (rows, positions, initial, columns) = respondents(&survey, &headers).map_err(|e| format!("{place}: {e}"))?;
    // Each margin's per-respondent target index.
    let mut codes: Vec<Vec<u32>> = Vec::new();
    let mut names: Vec<Vec<String>> = Vec::new();
    let mut targets: Vec<Vec<f64>> = Vec::new();
    for (margin, header) in margins.iter().zip(&headers) {
        let segment = survey.segment(header).ok_or_else(|| format!("{place}: no column '{header}'"))?;
        let column = &columns[codes.len()];
        let index_of_label: Vec<Option<u32>> = segment
            .labels
            .iter()
            .map(|label| margin.targets.iter().position(|(v, _)| key(v) == key(label)).map(|p| p as u32))
            .collect();
        let mut these = Vec::with_capacity(positions.len());
        for &i in &positions {
            let code = column[i];
            let target = index_of_label.get(code as usize).copied().flatten();
            let Some(target) = target else {
                let value = segment.labels.get(code as usize).map_or("", String::as_str);
                let listed = margin.targets.iter().map(|(v, _)| format!("'{v}'")).collect::<Vec<_>>().join(", ");
                return Err(format!(
                    "{place}, row {}, column '{header}': '{value}' has no target among the margins ({listed}); raking weights every respondent with a score, so every value needs a target",
                    rows[i]
                ));
            };
            these.push(target);
        }
        codes.push(these);
        names.push(margin.targets.iter().map(|(v, _)| v.clone()).collect());
        targets.push(margin.targets.iter().map(|(_, s)| *s).collect());
    }
    let margin_views: Vec<Margin<'_>> = margins
        .iter()
        .enumerate()
        .map(|(k, m)| Margin { column: &m.column, codes: &codes[k], targets: &targets[k], names: &names[k] })
        .collect();
    let options = RakeOptions { trim, ..RakeOptions::default() };
    let raked = rake(&initial, &margin_views, &options).map_err(|e| format!("{place}: {e}"))?;
    let total: f64 = raked.weights.iter().sum();
    let mut checks = Vec::new();
    for (k, m) in margins.iter().enumerate() {
        for (t, (value, target)) in m.targets.iter().enumerate() {
            let reached: f64 =
                codes[k].iter().zip(&raked.weights).filter(|(c, _)| **c == t as u32).map(|(_, w)| w).sum();
            checks.push(MarginCheck {
                column: m.column.clone(),
                value: value.clone(),
                target: *target,
                achieved: reached / total,
            });
        }
    }
    // The weights into the table, by spreadsheet row: a row whose score does not count gets none.
    let mut by_row: Vec<(u32, f64)> = positions.iter().map(|&i| rows[i]).zip(raked.weights.iter().copied()).collect();
    by_row.sort_by_key(|(row, _)| *row);
    let comma = table.source.decimal() == import::Decimal::Comma;
    let written = |w: f64| {
        // Fifteen decimals: never read as a thousands group, whatever the file's decimal mark.
        let text = format!("{w:.15}");
        if comma { text.replace('.', ",") } else { text }
    };
    let mut rebuilt = import::CellTable::new();
    for r in 0..table.rows.row_count() {
        let number = table.rows.row_number(r);
        let weight = by_row
            .binary_search_by_key(&(number as u32), |(row, _)| *row)
            .ok()
            .map_or_else(String::new, |at| written(by_row[at].1));
        let cells: Vec<&str> = table.rows.row(r).chain(std::iter::once(weight.as_str())).collect();
        rebuilt.push_row(number, cells);
    }
    let mut name = RAKED_WEIGHT.to_owned();
    let mut suffix = 2;
    while table.headers.iter().any(|h| h.eq_ignore_ascii_case(&name)) {
        name = format!("{RAKED_WEIGHT} ({suffix})");
        suffix += 1;
    }
    let mut started_from = None;
    for role in &mut table.roles {
        if role.role == Role::Weight {
            role.role = Role::Ignore;
            started_from = Some(role.column.clone());
        }
    }
    table.roles.push(ColumnRole {
        column: name.clone(),
        role: Role::Weight,
        scale: None,
        scale_guessed: false,
        date_order: None,
        date_doubts: import::DateDoubts::default(),
    });
    table.headers.push(name.clone());
    table.codes.push(String::new());
    table.rows = rebuilt;
    let summary = RakeSummary {
        columns: headers,
        weight_column: name.clone(),
        started_from,
        n: positions.len(),
        iterations: raked.iterations,
        trimmed: raked.trimmed,
        bounds_held: trim.is_none_or(|(low, high)| {
            raked.weights.iter().all(|w| *w >= low * (1.0 - 1e-9) && *w <= high * (1.0 + 1e-9))
        }),
        trim,
        effective_n: raked.effective_n,
        design_effect: raked.design_effect,
        margins: checks,
    };
    Ok((table, summary))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raked_weights_read_back_from_the_table_are_those_the_survey_types() {
        // The reference's hand check, with a respondent without a score and ; and decimal commas.
        let mut text = String::from("cell;x;How likely are you to recommend us? (0-10)\n");
        for (cell, x, count) in [("A", "x", 30), ("A", "y", 20), ("B", "x", 10), ("B", "y", 40)] {
            for i in 0..count {
                text.push_str(&format!("{cell};{x};{}\n", i % 11));
            }
        }
        text.push_str("A;x;\n");
        let options = import::ImportOptions::default();
        let table = import::read_bytes("hand.csv", text.into_bytes(), &options, &mut |_| true).unwrap();
        let margins = parse_margins("column;value;share\ncell;A;0,6\ncell;B;0,4\nx;x;0,5\nx;y;0,5\n", "m.csv").unwrap();
        let (raked, summary) = rake_table(table, &margins, None).unwrap();
        assert_eq!(summary.n, 100);
        let read = raked_weights(&raked);
        let typed = weight_rows(&Survey::from_table(&raked).unwrap()).unwrap();
        assert_eq!(read, typed);
        assert_eq!(read.len(), 100);
        // Row 2 is the first (A, x) respondent: 4/3, to the 1e-6 raking converges to.
        assert_eq!(read[0].0, 2);
        assert!((read[0].1 - 4.0 / 3.0).abs() < 1e-6, "{:?}", read[0]);
    }

    #[test]
    fn margins_are_read_with_quotes_decimal_commas_rounded_shares_and_counts() {
        let margins = parse_margins(
            "\u{feff}column;value;share\r\nregio;Noord;\"33,3\"\r\nregio;Zuid;33,3%\r\nregio;Oost;33,3\r\n",
            "m.csv",
        )
        .unwrap();
        assert_eq!(margins.len(), 1);
        let shares: Vec<f64> = margins[0].targets.iter().map(|(_, s)| *s).collect();
        assert!(shares.iter().all(|s| (s - 1.0 / 3.0).abs() < 1e-12), "{shares:?}");
        let counts = parse_margins("column,value,count\nsize,small,300\nsize,large,100\n", "c.csv").unwrap();
        assert_eq!(counts[0].targets, vec![("small".to_owned(), 0.75), ("large".to_owned(), 0.25)]);
    }

    #[test]
    fn a_margins_cell_that_cannot_be_right_is_refused_with_its_row() {
        let refused = |text: &str| parse_margins(text, "m.csv").unwrap_err();
        // A decimal comma in a comma file would split the cell: one cell too many.
        let e = refused("column,value,share\nregion,North,0,25\nregion,South,0,75\n");
        assert!(e.contains("row 2") && e.contains("three cells"), "{e}");
        // Counts are whole numbers: a thousands mark is not read as a decimal.
        let e = refused("column;value;count\nregion;North;1.200\nregion;South;800\n");
        assert!(e.contains("row 2, column 3") && e.contains("whole number"), "{e}");
        let e = refused("column;value;share\nregion;North;0,6\nregion;South;0,3\n");
        assert!(e.contains("add up to 0.9"), "{e}");
        assert!(refused("col;val;share\n").contains("header"));
        assert!(refused("column;value;share\nregion;North;0,5\nREGION;north;0,5\n").contains("twice"));
    }
}
