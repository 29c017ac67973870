//! Every row as the file meant it, and no answer invented: rows whose fields do not line up with
//! the header are joined back or left out with a reason, and cells that are not one answer on the
//! scale (ranges, times, ratios, totals) are left out with their own reason. Fixtures written here.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use nps_workbench::i18n::Language;
use nps_workbench::report::{Report, ReportRequest, report_for_file};

fn report(path: &std::path::Path) -> Report {
    report_for_file(path, &ReportRequest::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// Every row read is used or excluded with a reason.
fn assert_every_row_counted(r: &Report) {
    let excluded: usize = r.excluded.iter().map(|e| e.rows).sum();
    assert_eq!(r.rows_read, r.rows_used + excluded, "{:?}", r.excluded);
}

/// 40 answers, (D, Pa, P) = (20, 10, 10): NPS -25. `comment(i)` gives row i's comment as written.
fn forty_rows(comment: impl Fn(usize) -> String) -> String {
    let mut text = String::from("id,comment,How likely are you to recommend us?,region\n");
    for i in 0..40 {
        let score = match i {
            0..20 => i % 7,
            20..30 => 7 + i % 2,
            _ => 9 + i % 2,
        };
        let region = if i % 2 == 0 { "North" } else { "South" };
        text.push_str(&format!("R{i:02},{},{score},{region}\n", comment(i)));
    }
    text
}

#[test]
fn an_unquoted_comma_in_a_comment_is_joined_back_not_read_as_the_score() {
    let dir = tempfile::tempdir().unwrap();
    // Five detractors wrote a comma in their comment, unquoted: "rated it, 9" would give the
    // score column their comment's 9 and the region column their score.
    let text = forty_rows(|i| if i < 5 { "rated it, 9 for price".to_owned() } else { "fine".to_owned() });
    let r = report(&common::write(dir.path(), "commas.csv", text.as_bytes()));
    assert_eq!((r.rows_read, r.rows_used), (40, 40));
    assert!((r.overall.nps - -25.0).abs() < 1e-9, "NPS {}", r.overall.nps);
    assert_eq!((r.overall.detractors, r.overall.passives, r.overall.promoters), (20, 10, 10));
    assert_eq!(r.source.joined_rows, [2, 3, 4, 5, 6]);
    let regions: Vec<&str> = r.segments.iter().map(|s| s.value.as_str()).collect();
    assert!(regions.iter().all(|v| ["North", "South"].contains(v)), "{regions:?}");
    let notices = nps_workbench::notices::import_notices(&r, Language::English.texts());
    assert!(
        notices.iter().any(|n| n.starts_with("Row(s) 2, 3, 4, 5, 6: a comment held the delimiter (,)")),
        "{notices:?}"
    );
    assert_every_row_counted(&r);
}

#[test]
fn a_row_that_cannot_be_lined_up_is_left_out_with_its_field_count() {
    let dir = tempfile::tempdir().unwrap();
    // No free-text column: a surplus field (or a missing one) cannot be placed.
    let text = "id,region,How likely are you to recommend us?\n\
                1,North,9\n\
                2,North,Utrecht,3\n\
                3,South,10\n\
                4,7\n\
                5,South,8,\n";
    let r = report(&common::write(dir.path(), "ragged.csv", text.as_bytes()));
    assert_eq!((r.rows_read, r.rows_used), (5, 3), "{:?}", r.excluded);
    let field_count = r.excluded.iter().find(|e| e.reason == "field_count").expect("a field_count exclusion");
    assert_eq!((field_count.rows, field_count.examples.as_slice()), (2, [3, 5].as_slice()));
    assert_eq!(field_count.values, ["4/3", "2/3"]);
    assert_eq!((r.overall.detractors, r.overall.passives, r.overall.promoters), (0, 1, 2));
    let labels: Vec<&str> = r.segments.iter().map(|s| s.value.as_str()).collect();
    assert!(
        !labels.iter().any(|v| *v == "Utrecht" || *v == "7"),
        "no value of a shifted row names a segment: {labels:?}"
    );
    assert_every_row_counted(&r);
}

#[test]
fn ranges_times_ratios_and_totals_are_left_out_with_their_own_reasons() {
    let dir = tempfile::tempdir().unwrap();
    let cells = ["7-8", "08:21", "9:45", "5 (out of 5)", "0-10", "10-15", "1:1", "9", "10 - Extremely likely", "3"];
    let mut text = String::from("id,How likely are you to recommend us?\n");
    for (i, cell) in cells.iter().enumerate() {
        text.push_str(&format!("{i},{cell}\n"));
    }
    let r = report(&common::write(dir.path(), "answers.csv", text.as_bytes()));
    assert_eq!((r.rows_read, r.rows_used), (10, 3), "{:?}", r.excluded);
    assert_eq!((r.overall.detractors, r.overall.promoters), (1, 2));
    let reasons: Vec<(&str, usize)> = r.excluded.iter().map(|e| (e.reason, e.rows)).collect();
    for expected in [("range", 3), ("time", 2), ("ratio", 1), ("out_of", 1)] {
        assert!(reasons.contains(&expected), "{expected:?} in {reasons:?}");
    }
    assert_every_row_counted(&r);
}
