//! Tables as data ([`Table`]) and their writers: CSV for any program and xlsx for Excel. Numbers stay
//! numbers; text is always text (CSV text cells that a spreadsheet would run as a formula are
//! neutralised with a leading apostrophe; xlsx text is written as string cells, which Excel never
//! evaluates).
//!
//! Owns the table file formats; the table description lives in `chart::table`. Computes no
//! statistics.

use std::collections::HashSet;

use super::{BuildError, neutralise_formula};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

pub use crate::chart::table::{Cell, Column, ColumnKind, Table};

/// Decimals and suffix a number cell is written with in text (CSV, HTML).
fn number_text(value: f64, kind: ColumnKind) -> String {
    if !value.is_finite() {
        return String::new();
    }
    match kind {
        ColumnKind::Integer => format!("{value:.0}"),
        ColumnKind::Number { decimals } | ColumnKind::Percent { decimals } => {
            format!("{value:.prec$}", prec = usize::from(decimals))
        }
        // A number in a text or date column: shortest exact form.
        ColumnKind::Text | ColumnKind::Date => format!("{value}"),
    }
}

/// A number as the report shows it (percent columns with `%`).
#[must_use]
pub fn display_number(value: f64, kind: ColumnKind) -> String {
    let text = number_text(value, kind);
    if matches!(kind, ColumnKind::Percent { .. }) && !text.is_empty() { format!("{text}%") } else { text }
}

/// The text of column `c` of `row` as the report shows it (numbers with their column's decimals
/// and `%`; an empty or missing cell as nothing).
#[must_use]
pub fn cell_text(row: &[Cell], c: usize, kind: ColumnKind) -> String {
    match row.get(c) {
        Some(Cell::Text(text)) => text.clone(),
        Some(Cell::Number(value)) => display_number(*value, kind),
        Some(Cell::Empty) | None => String::new(),
    }
}

/// The table as CSV: UTF-8 with a byte-order mark (so Excel reads the encoding), comma separated,
/// CRLF line ends, header row first. Numbers are written with their column's decimals and stay
/// numbers (a negative number is not neutralised); text starting with `=`, `+`, `-`, `@`, tab or
/// carriage return gets a leading apostrophe.
#[must_use]
pub fn to_csv(table: &Table) -> String {
    let mut out = String::from("\u{feff}");
    let headers: Vec<String> = table.columns.iter().map(|c| csv_field(&neutralise_formula(&c.header))).collect();
    out.push_str(&headers.join(","));
    out.push_str("\r\n");
    for row in &table.rows {
        let fields: Vec<String> = table
            .columns
            .iter()
            .enumerate()
            .map(|(i, column)| match row.get(i).unwrap_or(&Cell::Empty) {
                Cell::Text(text) => csv_field(&neutralise_formula(text)),
                Cell::Number(value) => number_text(*value, column.kind),
                Cell::Empty => String::new(),
            })
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A CSV field, quoted when it holds a comma, quote, line break or edge spaces.
fn csv_field(text: &str) -> String {
    let needs_quotes =
        text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') || text.is_empty();
    if needs_quotes && !text.is_empty() { format!("\"{}\"", text.replace('"', "\"\"")) } else { text.to_owned() }
}

/// Excel's number format for a column kind: percent columns hold fractions shown as percentages
/// (Excel's own `%`, so that a sum or a change of format stays right), dates ISO.
fn number_format(kind: ColumnKind) -> String {
    let decimals = |d: u8| if d == 0 { String::new() } else { format!(".{}", "0".repeat(usize::from(d))) };
    match kind {
        ColumnKind::Text => "General".to_owned(),
        ColumnKind::Integer => "0".to_owned(),
        ColumnKind::Number { decimals: d } => format!("0{}", decimals(d)),
        ColumnKind::Percent { decimals: d } => format!("0{}%", decimals(d)),
        ColumnKind::Date => "yyyy-mm-dd".to_owned(),
    }
}

/// The value a number cell holds in a spreadsheet: percent points become fractions.
fn sheet_value(value: f64, kind: ColumnKind) -> f64 {
    if matches!(kind, ColumnKind::Percent { .. }) { value / 100.0 } else { value }
}

/// Valid, unique sheet names for titles: at most 31 characters (UTF-16 units), none of
/// `[]:*?/\`, no apostrophe at either end, never blank, unique ignoring case.
#[must_use]
pub fn sheet_names<'a>(titles: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut used: HashSet<String> = HashSet::new();
    let mut names = Vec::new();
    for (i, title) in titles.into_iter().enumerate() {
        let cleaned: String = title
            .chars()
            .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() { ' ' } else { c })
            .collect();
        let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
        let cleaned = cleaned.trim_matches('\'').trim().to_owned();
        let base = if cleaned.is_empty() || cleaned.eq_ignore_ascii_case("history") {
            format!("Sheet{}", i + 1)
        } else {
            cleaned
        };
        let mut candidate = truncate_utf16(&base, 31);
        let mut counter = 2;
        while used.contains(&candidate.to_lowercase()) {
            let suffix = format!(" ({counter})");
            candidate = format!("{}{suffix}", truncate_utf16(&base, 31 - suffix.len()).trim_end());
            counter += 1;
        }
        used.insert(candidate.to_lowercase());
        names.push(candidate);
    }
    names
}

/// At most `units` UTF-16 code units of `text`, cut at a character boundary.
fn truncate_utf16(text: &str, units: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        used += c.len_utf16();
        if used > units {
            break;
        }
        out.push(c);
    }
    out.trim_end_matches('\'').to_owned()
}

/// Writes one table into a worksheet: bold, frozen header row; numbers with their formats; text
/// as strings; column widths from the contents.
fn fill_sheet(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let header = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let formats: Vec<Format> =
        table.columns.iter().map(|c| Format::new().set_num_format(number_format(c.kind))).collect();
    let mut widths: Vec<usize> = table.columns.iter().map(|c| c.header.chars().count()).collect();
    for (c, column) in table.columns.iter().enumerate() {
        let col = column_number(c)?;
        sheet.write_string_with_format(0, col, excel_text(&column.header), &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let row_number = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, column) in table.columns.iter().enumerate() {
            let col = column_number(c)?;
            let format = &formats[c];
            let shown = match row.get(c).unwrap_or(&Cell::Empty) {
                Cell::Text(text) => {
                    let date = (column.kind == ColumnKind::Date).then(|| ExcelDateTime::parse_from_str(text).ok());
                    match date.flatten() {
                        Some(date) => sheet.write_datetime_with_format(row_number, col, date, format)?,
                        None => sheet.write_string(row_number, col, excel_text(text))?,
                    };
                    text.chars().count()
                }
                Cell::Number(value) if value.is_finite() => {
                    sheet.write_number_with_format(row_number, col, sheet_value(*value, column.kind), format)?;
                    display_number(*value, column.kind).chars().count()
                }
                Cell::Number(_) | Cell::Empty => 0,
            };
            widths[c] = widths[c].max(shown);
        }
    }
    for (c, width) in widths.iter().enumerate() {
        sheet.set_column_width(column_number(c)?, (*width as f64 * 1.1 + 2.0).clamp(6.0, 60.0))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // An Excel table over the rows, with a filter on each header. Excel wants one row at least and
    // headers unique ignoring case ("Test" and a column named "test" are not): else a plain
    // filter over the same range.
    if let (Some(last_row), Some(last_col)) = (
        u32::try_from(table.rows.len()).ok().filter(|&rows| rows > 0),
        table.columns.len().checked_sub(1).map(column_number).transpose()?,
    ) {
        let mut seen = HashSet::new();
        let unique = table.columns.iter().all(|c| !c.header.trim().is_empty() && seen.insert(c.header.to_lowercase()));
        if unique {
            let style = rust_xlsxwriter::Table::new().set_style(rust_xlsxwriter::TableStyle::Light1);
            sheet.add_table(0, 0, last_row, last_col, &style)?;
            // The table writes its header cells plain: bold again, as every sheet's header row.
            for (c, column) in table.columns.iter().enumerate() {
                sheet.write_string_with_format(0, column_number(c)?, excel_text(&column.header), &header)?;
            }
        } else {
            sheet.autofilter(0, 0, last_row, last_col)?;
        }
    }
    Ok(())
}

/// Column index for rust_xlsxwriter.
fn column_number(index: usize) -> Result<u16, XlsxError> {
    u16::try_from(index).map_err(|_| XlsxError::RowColumnLimitError)
}

/// Text cut to Excel's cell limit (32,767 UTF-16 units).
fn excel_text(text: &str) -> String {
    if text.len() <= 32_767 { text.to_owned() } else { truncate_utf16(text, 32_767) }
}

/// Several tables as one xlsx workbook, one sheet per table (named by [`sheet_names`]), then a
/// sheet per chart that Excel can draw natively: the chart's numbers with the chart beside them
/// (see `native`).
pub fn to_xlsx(
    tables: &[Table],
    charts: &[crate::chart::ChartSpec],
    brand: &crate::chart::Brand,
) -> Result<Vec<u8>, BuildError> {
    let fail = |e: XlsxError| BuildError::new("the workbook", e.to_string());
    let mut book = Workbook::new();
    let mut names = sheet_names(tables.iter().map(|t| t.title.as_str()));
    for (table, name) in tables.iter().zip(&names) {
        let sheet = book.add_worksheet();
        sheet.set_name(name).map_err(fail)?;
        fill_sheet(sheet, table).map_err(|e| BuildError::new(format!("the sheet \"{name}\""), e.to_string()))?;
    }
    super::native::add_chart_sheets(&mut book, charts, &mut names, brand)
        .map_err(|e| BuildError::new("the workbook's charts", e.to_string()))?;
    if names.is_empty() {
        book.add_worksheet();
    }
    let bytes = book.save_to_buffer().map_err(fail)?;
    if charts.is_empty() {
        Ok(bytes)
    } else {
        super::native::mend_workbook(bytes).map_err(|reason| BuildError::new("the workbook's charts", reason))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn sample() -> Table {
        Table {
            title: "Segments: region/channel [NL]".to_owned(),
            columns: vec![
                Column::new("Regio", ColumnKind::Text),
                Column::new("n", ColumnKind::Integer),
                Column::new("NPS", ColumnKind::Number { decimals: 1 }),
                Column::new("Promoters", ColumnKind::Percent { decimals: 1 }),
                Column::new("First day", ColumnKind::Date),
            ],
            rows: vec![
                vec!["Noord".into(), 412u64.into(), 23.456.into(), 41.2.into(), "2025-03-01".into()],
                vec!["=HYPERLINK(\"http://x\")".into(), 35u64.into(), (-12.5).into(), 30.0.into(), "2024-12-30".into()],
                vec!["-3".into(), Cell::Empty, Cell::Number(f64::NAN), Cell::Empty, Cell::Empty],
                vec!["Ærø, \"Fyn\"".into(), 7u64.into(), 0.0.into(), 14.3.into(), "not a date".into()],
            ],
        }
    }

    #[test]
    fn csv_has_bom_neutralised_text_and_plain_numbers() {
        let csv = to_csv(&sample());
        assert!(csv.starts_with("\u{feff}Regio,n,NPS,Promoters,First day\r\n"));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[1], "Noord,412,23.5,41.2,2025-03-01");
        assert_eq!(lines[2], "\"'=HYPERLINK(\"\"http://x\"\")\",35,-12.5,30.0,2024-12-30");
        assert_eq!(lines[3], "'-3,,,,");
        assert_eq!(lines[4], "\"Ærø, \"\"Fyn\"\"\",7,0.0,14.3,not a date");
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers_and_formulas_as_text() {
        let other = Table { title: "Segments: region/channel [NL]".to_owned(), columns: vec![], rows: vec![] };
        let bytes = to_xlsx(&[sample(), other], &[], &crate::chart::Brand::default()).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let names = book.sheet_names();
        assert_eq!(names, ["Segments region channel NL", "Segments region channel NL (2)"]);
        let range = book.worksheet_range(&names[0]).unwrap();
        assert_eq!(range.get((0, 0)), Some(&Data::String("Regio".to_owned())));
        assert_eq!(range.get((1, 1)), Some(&Data::Float(412.0)));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(23.456)));
        assert_eq!(range.get((2, 2)), Some(&Data::Float(-12.5)));
        assert_eq!(range.get((2, 0)), Some(&Data::String("=HYPERLINK(\"http://x\")".to_owned())));
        assert_eq!(range.get((3, 0)), Some(&Data::String("-3".to_owned())));
        assert_eq!(range.get((4, 0)), Some(&Data::String("Ærø, \"Fyn\"".to_owned())));
        // Percentages are fractions (Excel's own %), dates are dates, blank cells stay blank.
        let float = |at| match range.get(at) {
            Some(Data::Float(v)) => *v,
            other => panic!("a number at {at:?}: {other:?}"),
        };
        assert!((float((4, 3)) - 0.143).abs() < 1e-12 && (float((1, 3)) - 0.412).abs() < 1e-12);
        let Some(Data::DateTime(day)) = range.get((1, 4)) else { panic!("a date: {:?}", range.get((1, 4))) };
        assert_eq!(day.as_f64(), 45_717.0, "2025-03-01 is Excel day 45717");
        assert_eq!(range.get((4, 4)), Some(&Data::String("not a date".to_owned())));
        assert!(matches!(range.get((3, 1)), None | Some(Data::Empty)));
        let formulas = book.worksheet_formula(&names[0]).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    }

    #[test]
    fn each_sheet_with_rows_is_an_excel_table_with_filters_over_its_range() {
        let other =
            Table { title: "Empty".to_owned(), columns: vec![Column::new("a", ColumnKind::Text)], rows: vec![] };
        let bytes = to_xlsx(&[sample(), other], &[], &crate::chart::Brand::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let tables: Vec<String> = zip
            .file_names()
            .filter_map(Result::ok)
            .filter(|n| n.starts_with("xl/tables/"))
            .map(|n| n.into_owned())
            .collect();
        assert_eq!(tables, ["xl/tables/table1.xml"], "a table for the sheet with rows only");
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/tables/table1.xml").unwrap(), &mut xml).unwrap();
        assert!(xml.contains("ref=\"A1:E5\"") && xml.contains("<autoFilter ref=\"A1:E5\""), "{xml}");
        for header in ["Regio", "n", "NPS", "Promoters", "First day"] {
            assert!(xml.contains(&format!("name=\"{header}\"")), "{header} in {xml}");
        }
        // Headers alike but for case (a segment column named "test" beside "Test") cannot make an
        // Excel table: the sheet still gets its filter, and the workbook is written.
        let alike = Table {
            title: "A/B".to_owned(),
            columns: vec![Column::new("test", ColumnKind::Text), Column::new("Test", ColumnKind::Text)],
            rows: vec![vec!["A".into(), "exact".into()]],
        };
        let bytes = to_xlsx(&[alike], &[], &crate::chart::Brand::default()).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert!(zip.file_names().all(|n| !n.is_ok_and(|n| n.starts_with("xl/tables/"))));
        let mut sheet = String::new();
        std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(), &mut sheet).unwrap();
        assert!(sheet.contains("<autoFilter ref=\"A1:B2\""), "{sheet}");
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let long = "Detractor themes by region and by channel and by period";
        let names = sheet_names(["a/b", "A B", "", "'quoted'", long, long, "History"]);
        assert_eq!(names[0], "a b");
        assert_eq!(names[1], "A B (2)");
        assert_eq!(names[2], "Sheet3");
        assert_eq!(names[3], "quoted");
        assert!(
            names.iter().all(|n| n.encode_utf16().count() <= 31 && !n.contains(['[', ']', ':', '*', '?', '/', '\\']))
        );
        assert_ne!(names[4], names[5]);
        assert_eq!(names[6], "Sheet7");
    }

    #[test]
    fn number_formats_follow_the_column_kind() {
        assert_eq!(number_format(ColumnKind::Percent { decimals: 1 }), "0.0%");
        assert_eq!(number_format(ColumnKind::Date), "yyyy-mm-dd");
        assert_eq!(number_format(ColumnKind::Number { decimals: 0 }), "0");
        assert_eq!(display_number(41.26, ColumnKind::Percent { decimals: 1 }), "41.3%");
    }
}
