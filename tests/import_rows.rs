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

/// 16 answers (4 each of 9, 10, 3, 7) with a weight column holding `weights` in turn.
fn weighted(header: &str, delimiter: char, weights: &[&str]) -> String {
    let mut text = format!("Recommend{delimiter}{header}{delimiter}region\n");
    for i in 0..16 {
        let score = [9, 10, 3, 7][i % 4];
        text.push_str(&format!("{score}{delimiter}{}{delimiter}{}\n", weights[i % weights.len()], ["N", "S"][i % 2]));
    }
    text
}

#[test]
fn a_weight_column_that_cannot_be_one_is_announced_with_its_rows_never_made_a_segment() {
    let dir = tempfile::tempdir().unwrap();
    // Zero, a negative, a blank and text: once a segment called 'weight', without a word.
    let text = weighted("weight", ',', &["1.2", "0", "-1", "", "abc", "0.9", "1.1", "1.0"]);
    let r = report(&common::write(dir.path(), "w.csv", text.as_bytes()));
    let skipped = r.columns.weight_skipped.as_ref().expect("the weight column is announced");
    assert_eq!(skipped.column, "weight");
    assert_eq!(skipped.detail, "row 3: '0', row 4: '-1', row 5: blank and 5 more rows");
    assert!(!r.columns.weighted);
    assert!(r.columns.segments.iter().all(|s| s != "weight"), "{:?}", r.columns.segments);
    assert!(r.segments.iter().all(|s| s.column != "weight"));
    let notices = nps_workbench::notices::import_notices(&r, Language::English.texts());
    assert!(
        notices
            .iter()
            .any(|n| n
                .starts_with("Not weighted: 'weight' is headed like a weight, but some rows have no usable weight")),
        "{notices:?}"
    );
    assert_every_row_counted(&r);
    // Only blanks: announced too; in Danish.
    let text = weighted("vægt", ',', &["1.2", "", "0.8", "1.0"]);
    let r = report(&common::write(dir.path(), "blank.csv", text.as_bytes()));
    let skipped = r.columns.weight_skipped.as_ref().expect("the weight column is announced");
    assert_eq!(
        (skipped.reason, skipped.detail.as_str()),
        ("blank", "row 3: blank, row 7: blank, row 11: blank and 1 more row")
    );
    // The rows at fault are worded in the window's language, as the rest of the notice.
    let danish = nps_workbench::notices::import_notices(&r, Language::Danish.texts());
    assert!(
        danish.iter().any(|n| n.contains("(række 3: tom, række 7: tom, række 11: tom og 1 række mere)")),
        "{danish:?}"
    );
    let text = weighted("gewicht", ',', &["1.2", "0", "-1", "", "abc", "0.9", "1.1", "1.0"]);
    let r = report(&common::write(dir.path(), "nl.csv", text.as_bytes()));
    let dutch = nps_workbench::notices::import_notices(&r, Language::Dutch.texts());
    assert!(dutch.iter().any(|n| n.contains("(rij 3: '0', rij 4: '-1', rij 5: leeg en nog 5 rijen)")), "{dutch:?}");
}

#[test]
fn thousands_separators_follow_the_files_dialect() {
    let dir = tempfile::tempdir().unwrap();
    // Dutch Excel's semicolon file: `1.000` is a thousand, so these are no survey weights.
    let text = weighted("gewicht", ';', &["1.000", "0,5", "1,5", "2.000"]);
    let r = report(&common::write(dir.path(), "nl.csv", text.as_bytes()));
    let skipped = r.columns.weight_skipped.as_ref().expect("a mean of 750 is no survey weight");
    assert_eq!((skipped.reason, skipped.detail.as_str()), ("mean_not_near_1", "750.50"));
    let dutch = nps_workbench::notices::import_notices(&r, Language::Dutch.texts());
    assert!(dutch.iter().any(|n| n.contains("750,50")), "the mean in the notice's language: {dutch:?}");
    // A semicolon file whose weight column writes decimals with a point (`0.872`): there `1.000`
    // is one, not a thousand given to one respondent.
    let text = weighted("gewicht", ';', &["0.872", "1.000", "1.25", "0.878"]);
    let r = report(&common::write(dir.path(), "points.csv", text.as_bytes()));
    assert!(r.columns.weight_skipped.is_none(), "{:?}", r.columns.weight_skipped);
    assert!(r.columns.weighted);
    // (9, 10, 3, 7) with weights (0.872, 1.000, 1.25, 0.878) in turn: 1.872 promoters' weight,
    // 1.25 detractors', of 4.0.
    assert!((r.overall.nps - 100.0 * (1.872 - 1.25) / 4.0).abs() < 1e-9, "{}", r.overall.nps);
    // In a comma file the point is the decimal mark: `9.000` is nine, once "only 0 different values".
    let mut text = String::from("id,Recommend\n");
    for i in 0..20 {
        text.push_str(&format!("{i},{}\n", ["9.000", "10.000", "3.000", "7.000"][i % 4]));
    }
    let r = report(&common::write(dir.path(), "nine.csv", text.as_bytes()));
    assert_eq!((r.rows_used, r.overall.promoters, r.overall.detractors), (20, 10, 5));
    // In a semicolon file the same cells are thousands, far outside 0-10.
    let r = report_for_file(
        &common::write(dir.path(), "nine-nl.csv", text.replace(',', ";").as_bytes()),
        &ReportRequest::default(),
    );
    assert!(r.is_err_and(|e| e.to_string().contains("no column with 0-10 scores")));
}

fn dated(dates: &[String]) -> String {
    let mut text = String::from("datum,Recommend\n");
    for (i, d) in dates.iter().enumerate() {
        text.push_str(&format!("{d},{}\n", [9, 10, 3, 7, 8][i % 5]));
    }
    text
}

fn trend(args: &[&str]) -> (Vec<(String, u64)>, String) {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, stdout, stderr) = common::run(&all);
    assert_eq!(code, 0, "{stderr}");
    let j: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let periods = j["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["period"].as_str().unwrap().to_owned(), p["n"].as_u64().unwrap()))
        .collect();
    (periods, stderr)
}

#[test]
fn two_digit_years_follow_a_stated_pivot_and_are_announced() {
    let dir = tempfile::tempdir().unwrap();
    // `15/06/98` was 2098: a trend of ~400 empty quarters, nothing said.
    let dates: Vec<String> = (0..30).map(|i| format!("{}/0{}/98", 10 + i % 18, 1 + i % 6)).collect();
    let path = common::write(dir.path(), "yy.csv", dated(&dates).as_bytes());
    let path = path.to_str().unwrap();
    let (periods, stderr) = trend(&["report", path, "--trend", "quarter"]);
    assert_eq!(periods, [("1998-Q1".to_owned(), 15), ("1998-Q2".to_owned(), 15)]);
    assert!(
        stderr.contains("Two-digit years in 'datum' are read as 1969-2068 ('98' as 1998, '25' as 2025)."),
        "{stderr}"
    );
}

#[test]
fn dates_whose_day_and_month_cannot_be_told_apart_are_announced_and_can_be_stated() {
    let dir = tempfile::tempdir().unwrap();
    // Every part <= 12: read day-first, once without a word.
    let dates: Vec<String> = (0..30).map(|i| format!("0{}/0{}/2025", 1 + i % 3, 1 + (i * 4) % 9)).collect();
    let path = common::write(dir.path(), "amb.csv", dated(&dates).as_bytes());
    let path = path.to_str().unwrap();
    let (day_first, stderr) = trend(&["report", path, "--trend", "month"]);
    assert!(
        stderr.contains(
            "Dates in 'datum' could be day/month or month/day (no day or month above 12): read as day/month."
        ),
        "{stderr}"
    );
    let (code, stdout, _) = common::run(&["report", path]);
    assert_eq!(code, 0);
    assert!(stdout.contains("hint: --date-order mdy reads them as month/day"), "{stdout}");
    let (month_first, stderr) = trend(&["report", path, "--trend", "month", "--date-order", "mdy"]);
    assert!(!stderr.contains("could be day/month"), "stated, not announced: {stderr}");
    assert_eq!(month_first.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), ["2025-01", "2025-02", "2025-03"]);
    assert_ne!(day_first, month_first);
    // A project remembers the order stated.
    let project = dir.path().join("p.json");
    let project = project.to_str().unwrap();
    let (code, _, stderr) = common::run(&["report", path, "--date-order", "mdy", "--save-project", project]);
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::read_to_string(project).unwrap().contains("\"date_order\": \"mdy\""));
    let (again, _) = trend(&["report", path, "--project", project, "--trend", "month"]);
    assert_eq!(again, month_first);
    // A file without dates says the order is not used.
    let plain = common::write(dir.path(), "plain.csv", b"Recommend\n9\n3\n");
    let (code, _, stderr) = common::run(&["report", plain.to_str().unwrap(), "--date-order", "dmy"]);
    assert_eq!(code, 0);
    assert!(stderr.contains("warning: --date-order is ignored: plain.csv has no date column"), "{stderr}");
}

#[test]
fn excel_serial_dates_are_announced_and_a_date_column_refused_for_a_trend_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let serials: Vec<String> = (0..30).map(|i| (45_658 + i * 3).to_string()).collect();
    let path = common::write(dir.path(), "serial.csv", dated(&serials).as_bytes());
    let (periods, stderr) = trend(&["report", path.to_str().unwrap(), "--trend", "month"]);
    assert_eq!(periods[0].0, "2025-01");
    assert!(
        stderr.contains("Numbers in the date column 'datum' are read as Excel serial dates (45658 = 2025-01-01)."),
        "{stderr}"
    );
    // Half the dates unreadable: once "no date column to draw a trend from", without why.
    let half: Vec<String> =
        (0..30).map(|i| if i % 2 == 0 { "soon".to_owned() } else { format!("2025-01-{:02}", 1 + i) }).collect();
    let path = common::write(dir.path(), "half.csv", dated(&half).as_bytes());
    let (code, _, stderr) = common::run(&["report", path.to_str().unwrap(), "--trend", "month"]);
    assert_eq!(code, 1);
    assert_eq!(
        stderr.trim_end(),
        "nps-workbench: half.csv: no trend: 'datum' is headed like a date, but only 15 of its 30 values read as dates \
         (row 2: 'soon'); dates are read as 2025-12-31, 31-12-2025, 12/31/2025 or Excel serial numbers"
    );
}
