//! Import of each kind of file a client sends, checked on fixtures written here: n, NPS, its
//! interval and what was excluded.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use nps_workbench::import::{ImportOptions, TextEncoding};
use nps_workbench::report::{Report, ReportRequest, report_for_file};
use rust_xlsxwriter::Workbook;

fn report(path: &std::path::Path) -> Report {
    report_for_file(path, &ReportRequest::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_close(actual: f64, expected: f64) {
    assert!((actual - expected).abs() < 1e-3, "{actual} != {expected}");
}

#[test]
fn utf8_csv_with_quoted_newlines() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "plain.csv", common::twelve_answers_csv().as_bytes());
    let r = report(&path);
    assert_eq!(r.source.encoding, Some(TextEncoding::Utf8.label()));
    assert_eq!(r.source.delimiter.as_deref(), Some(","));
    assert_eq!((r.rows_read, r.rows_used), (12, 12));
    assert_eq!((r.overall.detractors, r.overall.passives, r.overall.promoters), (2, 3, 7));
    // statistics.md: (2, 3, 7) -> NPS 0.416667, adjusted Wald [-0.055013, 0.721680].
    assert_close(r.overall.nps, 41.6667);
    assert_close(r.overall.ci_low.unwrap(), -5.5013);
    assert_close(r.overall.ci_high.unwrap(), 72.1680);
    assert_close(r.overall.wald_low, -1.2885);
    assert_close(r.overall.wald_high, 84.6218);
    assert_eq!(r.columns.score, "How likely are you to recommend us? (0-10)");
}

#[test]
fn utf8_with_bom_and_a_dutch_header() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice("Klantnummer,Hoe waarschijnlijk is het dat u ons aanbeveelt?\n".as_bytes());
    for (i, s) in common::SIX_SCORES.iter().enumerate() {
        bytes.extend_from_slice(format!("K{i},{s}\n").as_bytes());
    }
    let r = report(&common::write(dir.path(), "bom.csv", &bytes));
    assert_eq!(r.source.encoding, Some("UTF-8 with BOM"));
    assert_eq!(r.columns.score, "Hoe waarschijnlijk is het dat u ons aanbeveelt?");
    assert_eq!(r.overall.n, 6);
    assert_close(r.overall.nps, 33.3333);
    assert_close(r.overall.ci_low.unwrap(), -26.7433);
    assert_close(r.overall.ci_high.unwrap(), 71.1877);
}

#[test]
fn windows_1252_semicolons_and_decimal_commas() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Kunde;Hvor sandsynligt er det, at du vil anbefale os?;Bemærkning\r\n\
                Søren;9,0;Rigtig god service\r\n\
                Åse;7;Prisen er for høj, men ok\r\n\
                Jørgen;10;\u{2018}Super\u{2019}\r\n\
                Bjørn;3,0;Levering for sent\r\n\
                Ærø;7,5;Ved ikke\r\n";
    let path = common::write(dir.path(), "dansk.csv", &common::windows_1252(text));
    let r = report(&path);
    assert_eq!(r.source.encoding, Some("Windows-1252"));
    assert_eq!(r.source.delimiter.as_deref(), Some(";"));
    assert_eq!(r.columns.score, "Hvor sandsynligt er det, at du vil anbefale os?");
    assert_eq!((r.rows_read, r.rows_used), (5, 4));
    assert_eq!((r.overall.detractors, r.overall.passives, r.overall.promoters), (1, 1, 2));
    assert_eq!(r.excluded.len(), 1);
    assert_eq!(r.excluded[0].reason, "not_a_whole_number");
    assert_eq!(r.excluded[0].examples, vec![6]);
    assert_eq!(r.excluded[0].values, vec!["7,5"]);
}

#[test]
fn tab_separated_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("id\tNPS\n");
    for (i, s) in common::SIX_SCORES.iter().enumerate() {
        text.push_str(&format!("{i}\t{s}\n"));
    }
    let r = report(&common::write(dir.path(), "export.tsv", text.as_bytes()));
    assert_eq!(r.source.delimiter.as_deref(), Some("tab"));
    assert_close(r.overall.nps, 33.3333);
}

#[test]
fn junk_scores_are_excluded_with_reasons_and_row_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let text = "name,recommend\nA,9\nB,\nC,n.v.t.\nD,11\nE,7.5\nF,-1\nG, 8 \nH,10 - Extremely likely\nI,abc\nJ,0\n";
    let r = report(&common::write(dir.path(), "junk.csv", text.as_bytes()));
    assert_eq!((r.rows_read, r.rows_used), (10, 4));
    assert_eq!(r.overall.distribution, [1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    let by_reason: Vec<(&str, usize, Vec<usize>)> =
        r.excluded.iter().map(|e| (e.reason, e.rows, e.examples.clone())).collect();
    assert_eq!(
        by_reason,
        vec![
            ("blank", 1, vec![3]),
            ("not_a_number", 2, vec![4, 10]),
            ("not_a_whole_number", 1, vec![6]),
            ("out_of_range", 2, vec![5, 7]),
        ]
    );
}

#[test]
fn xlsx_first_sheet_with_data_or_the_one_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.xlsx");
    let mut workbook = Workbook::new();
    workbook.add_worksheet().set_name("Read me").unwrap();
    let responses = workbook.add_worksheet().set_name("Responses").unwrap();
    responses.write_string(0, 0, "Region").unwrap();
    responses.write_string(0, 1, "How likely are you to recommend us?").unwrap();
    for (i, s) in common::SIX_SCORES.iter().enumerate() {
        let row = u32::try_from(i).unwrap() + 1;
        responses.write_string(row, 0, if i < 3 { "NL" } else { "DK" }).unwrap();
        let value: f64 = s.parse().unwrap();
        if i == 4 {
            responses.write_string(row, 1, " 9 ").unwrap();
        } else {
            responses.write_number(row, 1, value).unwrap();
        }
    }
    responses.write_string(7, 1, "n.v.t.").unwrap();
    let other = workbook.add_worksheet().set_name("Other").unwrap();
    other.write_string(0, 0, "NPS").unwrap();
    for row in 1..=3 {
        other.write_number(row, 0, 10.0).unwrap();
    }
    workbook.save(&path).unwrap();

    let r = report(&path);
    assert_eq!(r.source.sheet.as_deref(), Some("Responses"));
    assert_eq!(r.source.sheets, vec!["Read me", "Responses", "Other"]);
    assert_eq!(r.overall.n, 6);
    assert_close(r.overall.nps, 33.3333);
    assert_eq!(r.excluded[0].examples, vec![8]);

    let request = ReportRequest {
        import: ImportOptions { sheet: Some("other".into()), ..ImportOptions::default() },
        ..ReportRequest::default()
    };
    let other = report_for_file(&path, &request).unwrap();
    assert_eq!(other.overall.n, 3);
    assert_close(other.overall.ci_high.unwrap(), 100.0);
}

#[test]
fn segments_add_up_to_the_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "plain.csv", common::twelve_answers_csv().as_bytes());
    let request = ReportRequest { by: vec!["region".into()], ..ReportRequest::default() };
    let r = report_for_file(&path, &request).unwrap();
    assert_eq!(r.segments.len(), 2);
    assert_eq!(r.segments.iter().map(|s| s.summary.n).sum::<u64>(), r.overall.n);
    assert_eq!(r.segments[0].value, "North");
    assert!(r.segments.iter().all(|s| s.small_n));
}

#[test]
fn files_without_scores_are_refused_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "ranks.csv", b"RespondentID,Rank film\n1001,1\n1002,6\n1003,3\n");
    let message = report_for_file(&path, &ReportRequest::default()).unwrap_err().to_string();
    assert_eq!(
        message,
        "ranks.csv: no column with 0-10 scores; candidates: 'RespondentID' (an identifier), 'Rank film' (nobody answered above 6)"
    );
    let damaged = common::write(dir.path(), "damaged.xlsx", b"PK\x03\x04 this is not a workbook");
    let message = report_for_file(&damaged, &ReportRequest::default()).unwrap_err().to_string();
    assert!(message.starts_with("damaged.xlsx: the workbook cannot be opened"), "{message}");
}
