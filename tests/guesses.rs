//! Issue 11: never a silent wrong number. Every guess of the import is announced, every row is
//! accounted for, arguments are checked, and a closed pipe ends quietly. Each test writes the
//! small file that reproduces one case.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use common::run;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use rust_xlsxwriter::Workbook;

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    common::write(dir, name, bytes).to_str().unwrap().to_owned()
}

// ---- 1. The score column is never a silent guess ----

#[test]
fn a_one_to_five_rating_is_refused_with_its_scale() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "rating.csv", b"id,rating\n1,4\n2,5\n3,1\n4,3\n5,2\n6,5\n");
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("'rating' (holds 1-5 answers)"), "{stderr}");
    assert!(!stdout.contains("NPS"), "{stdout}");
    // Named by the user, it is read as asked.
    let (code, _, stderr) = run(&["report", &path, "--score", "rating"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_blank_recommend_column_is_reported_not_replaced_by_a_ces_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "blank.csv",
        b"How likely are you to recommend us?,It was easy to handle my issue (1-7)\n,3\n,7\n,5\n,1\n,6\n",
    );
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("the NPS question 'How likely are you to recommend us?' has no answers"), "{stderr}");
}

#[test]
fn a_score_column_no_header_names_is_not_guessed_on_the_command_line() {
    // Issue 26: the CLI once computed an NPS on whichever 0-10 question it found first.
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "two.csv", b"Service,Price\n9,3\n3,10\n10,7\n8,2\n7,9\n");
    for args in [vec!["report", &path], vec!["report", &path, "--json"], vec!["themes", &path]] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!((code, stdout.as_str()), (1, ""), "{args:?}");
        assert_eq!(
            stderr.trim_end(),
            "nps-workbench: two.csv: no column header speaks of recommending; columns whose answers look like \
             0-10 scores: A 'Service', B 'Price'; name the NPS question with --score COLUMN (its header or letter)"
        );
    }
    // Named, it is read, and it is no guess.
    let j = json(&["report", &path, "--score", "Price"]);
    assert_eq!((j["columns"]["score"].as_str(), j["columns"]["score_guessed"].as_bool()), (Some("Price"), Some(false)));
    // A header that speaks of recommending is no guess.
    let path = file(dir.path(), "named.csv", b"Service,Would you recommend us?\n9,3\n3,10\n10,7\n8,2\n");
    let j = json(&["report", &path]);
    assert_eq!(j["columns"]["score_guessed"], false);
    assert_eq!(j["columns"]["score"], "Would you recommend us?");
}

// ---- 2. Weights are never applied behind the user's back ----

fn weighted_csv(weights: &[&str]) -> String {
    let scores = ["9", "10", "3", "7", "9", "2", "10", "8"];
    let mut text = String::from("How likely are you to recommend us?,weight,region\n");
    for (i, s) in scores.iter().enumerate() {
        text.push_str(&format!("{s},{},{}\n", weights[i % weights.len()], if i % 2 == 0 { "North" } else { "South" }));
    }
    text
}

#[test]
fn a_parcel_weight_column_is_not_applied_and_the_user_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "parcels.csv", weighted_csv(&["12.5", "3.2", "40", "7.75"]).as_bytes());
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Not weighted: 'weight' is headed like a weight, but its values average"), "{stdout}");
    assert!(stdout.contains("--weight 'weight'"), "{stdout}");
    let j = json(&["report", &path]);
    assert_eq!(j["columns"]["weighted"], false);
    assert_eq!(j["columns"]["weight"], serde_json::Value::Null);
    assert_eq!(j["columns"]["weight_skipped"]["column"], "weight");
    assert_eq!(j["columns"]["weight_skipped"]["reason"], "mean_not_near_1");
    // Unweighted: 4 promoters of 8.
    assert!((j["overall"]["promoter_pct"].as_f64().unwrap() - 50.0).abs() < 1e-9);
    // Confirmed with --weight, it is applied and announced.
    let (code, stdout, stderr) = run(&["report", &path, "--weight", "weight"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Weighted by 'weight'"), "{stdout}");
}

#[test]
fn survey_weights_are_applied_and_announced_and_no_weight_turns_them_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "weights.csv", weighted_csv(&["1.2", "0.8", "1.0", "1.1"]).as_bytes());
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Note: Weighted by 'weight': shares, NPS and intervals use these weights."), "{stdout}");
    let j = json(&["report", &path]);
    assert_eq!(j["columns"]["weight"], "weight");
    assert_eq!(j["columns"]["weighted"], true);
    let j = json(&["report", &path, "--no-weight"]);
    assert_eq!(j["columns"]["weighted"], false);
    assert_eq!(j["columns"]["weight"], serde_json::Value::Null);
}

#[test]
fn a_weight_column_that_cannot_be_one_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "w.csv", weighted_csv(&["1.2", "0.8"]).as_bytes());
    let (code, _, stderr) = run(&["report", &path, "--weight", "gewicht"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("w.csv: no column 'gewicht'"), "{stderr}");
    let (code, _, stderr) = run(&["report", &path, "--weight", "How likely are you to recommend us?"]);
    assert_eq!(code, 1);
    assert!(stderr.contains("cannot be the weight: it is the score column"), "{stderr}");
    let (code, _, stderr) = run(&["report", &path, "--weight", "region"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("column 'region' cannot be the weight: it holds text, not numbers (row 2: 'North')"),
        "{stderr}"
    );
}

// ---- 3. Every row accounted for ----

#[test]
fn rows_without_a_readable_date_are_reported_when_dates_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let text = "date,How likely are you to recommend us?\n2025-01-03,9\n2025-01-09,7\ngisteren,10\n2025-02-01,3\n\
                ,8\n2025-02-11,9\n";
    let path = file(dir.path(), "dates.csv", text.as_bytes());
    let (code, stdout, stderr) = run(&["report", &path, "--trend", "month"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "2 rows have no readable date in 'date' and are left out of the trend (1 blank; row 4 'gisteren')"
        ),
        "{stdout}"
    );
    let j = json(&["report", &path, "--trend", "month"]);
    assert_eq!(j["unreadable_dates"]["rows"], 2);
    assert_eq!(j["unreadable_dates"]["examples"], serde_json::json!([4]));
    assert_eq!(j["unreadable_dates"]["values"], serde_json::json!(["gisteren"]));
}

#[test]
fn a_date_column_in_three_formats_is_read_value_by_value() {
    let dir = tempfile::tempdir().unwrap();
    let text = "date,How likely are you to recommend us?\n2025-01-03,9\n15-01-2025,7\n45689,10\n2025-02-11,3\n\
                20-02-2025,8\n45710,9\n";
    let path = file(dir.path(), "mixed.csv", text.as_bytes());
    let j = json(&["report", &path, "--trend", "month"]);
    assert_eq!(j["columns"]["date"], "date");
    let trend = j["trend"].as_array().unwrap();
    let counts: Vec<(String, u64)> =
        trend.iter().map(|p| (p["period"].as_str().unwrap().to_owned(), p["n"].as_u64().unwrap())).collect();
    assert_eq!(counts, [("2025-01".to_owned(), 2), ("2025-02".to_owned(), 4)]);
    assert!(j.get("unreadable_dates").is_none(), "{j}");
}

#[test]
fn a_file_without_header_row_keeps_its_first_respondent() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "noheader.csv", b"1,North,9\n2,South,3\n3,North,10\n4,South,7\n5,North,9\n");
    // No header speaks of recommending: the column is named by the user, by its letter.
    let (code, _, stderr) = run(&["report", &path]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains(
            "no column header speaks of recommending; columns whose answers look like 0-10 scores: C 'Column C'"
        ),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&["report", &path, "--score", "C"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("No header row: row 1 holds answers"), "{stdout}");
    let j = json(&["report", &path, "--score", "C"]);
    assert_eq!(j["rows_read"], 5);
    assert_eq!(j["overall"]["n"], 5);
    assert_eq!(j["source"]["header_missing"], true);
    assert_eq!(j["columns"]["score"], "Column C");
    // Text IDs, segment names and comments, or dates, in the first row: once read as the header,
    // "score column '9'" and one respondent lost.
    for text in [
        &b"R1,North,9,Great service\nR2,South,3,Too slow\nR3,North,10,Fine\nR4,South,7,ok\nR5,North,9,good\n"[..],
        b"2025-01-03,North,9\n2025-01-04,South,3\n2025-01-05,North,10\n2025-01-06,South,7\n2025-01-07,North,9\n",
    ] {
        let path = file(dir.path(), "noheader2.csv", text);
        let j = json(&["report", &path, "--score", "C"]);
        assert_eq!((j["rows_read"].as_u64(), j["overall"]["n"].as_u64()), (Some(5), Some(5)));
        assert_eq!(
            (j["source"]["header_missing"].as_bool(), j["columns"]["score"].as_str()),
            (Some(true), Some("Column C"))
        );
    }
}

#[test]
fn an_unterminated_quote_is_reported_where_it_opens() {
    let dir = tempfile::tempdir().unwrap();
    let text = "How likely are you to recommend us?,comment\n9,fine\n3,\"late again\n10,great\n7,ok\n";
    let path = file(dir.path(), "quote.csv", text.as_bytes());
    let (code, stdout, stderr) = run(&["report", &path]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stderr.contains("quote.csv: row 3, column B: a quote (\") opens a cell and is never closed"), "{stderr}");
}

#[test]
fn one_stray_windows_1252_byte_does_not_split_a_segment() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes =
        "city,How likely are you to recommend us?\nKøbenhavn,9\nKøbenhavn,3\nKøbenhavn,10\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"Malm\xF6,7\n");
    let path = file(dir.path(), "mixed.csv", &bytes);
    let j = json(&["report", &path, "--by", "city"]);
    let values: Vec<(&str, u64)> = j["segments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["value"].as_str().unwrap(), s["n"].as_u64().unwrap()))
        .collect();
    assert_eq!(values, [("København", 3), ("Malmö", 1)]);
    assert_eq!(j["source"]["windows_1252_lines"], serde_json::json!([5]));
    let (_, stdout, _) = run(&["report", &path]);
    assert!(stdout.contains("Line(s) 5 were not valid UTF-8 and were read as Windows-1252."), "{stdout}");
}

#[test]
fn thousands_separators_are_not_scores() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Hoe waarschijnlijk is het dat u ons aanbeveelt?;regio\n1.000;Noord\n9;Noord\n10;Zuid\n7,0;Zuid\n";
    let path = file(dir.path(), "nl.csv", text.as_bytes());
    let j = json(&["report", &path]);
    assert_eq!(j["overall"]["n"], 3);
    assert_eq!(j["overall"]["detractors"], 0);
    let excluded = j["excluded"].as_array().unwrap();
    assert_eq!(excluded.len(), 1);
    assert_eq!(excluded[0]["reason"], "out_of_range");
    assert_eq!(excluded[0]["values"], serde_json::json!(["1.000"]));
}

#[test]
fn a_workbook_binary_fraction_is_a_whole_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fraction.xlsx");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "How likely are you to recommend us?").unwrap();
    for (row, value) in [(1, 8.999_999_999_999_998), (2, 10.0), (3, 3.0), (4, 7.000_000_000_000_001)] {
        sheet.write_number(row, 0, value).unwrap();
    }
    workbook.save(&path).unwrap();
    let j = json(&["report", path.to_str().unwrap()]);
    assert_eq!(j["excluded"], serde_json::json!([]));
    assert_eq!(j["overall"]["distribution"], serde_json::json!([0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1]));
}

// ---- 4. Arguments checked, results printed ----

#[test]
fn an_empty_by_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    for by in ["region:", "", ":region", " "] {
        let (code, stdout, stderr) = run(&["report", &path, "--by", by]);
        assert_eq!(code, 2, "--by {by:?}: {stdout}");
        assert!(stderr.contains("a column name is missing"), "{stderr}");
    }
}

#[test]
fn usage_errors_exit_with_the_status_the_readme_states() {
    let readme = include_str!("../README.md");
    assert!(readme.contains("2 for a usage error"), "README states the usage status");
    let (code, _, _) = run(&["report", "x.csv", "--no-such-option"]);
    assert_eq!(code, 2);
    let (code, _, _) = run(&["report", "/nonexistent/x.csv"]);
    assert_eq!(code, 1);
}

#[test]
fn the_overall_benchmark_is_printed_and_an_unknown_sector_lists_the_known() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let (code, stdout, stderr) = run(&["report", &path, "--benchmark", "retail"]);
    assert_eq!(code, 0, "{stderr}");
    let line = stdout.lines().find(|l| l.starts_with("Benchmark ")).unwrap_or_else(|| panic!("{stdout}"));
    assert!(line.to_lowercase().contains("retail"), "{line}");
    let (code, stdout, stderr) = run(&["report", &path, "--benchmark", "spaceflight"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("--benchmark 'spaceflight': no benchmark for this sector; known sectors: "), "{stderr}");
    assert!(stderr.to_lowercase().contains("retail"), "{stderr}");
}

#[test]
fn ignored_or_mistyped_arguments_get_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("provincie,How likely are you to recommend us?\n");
    for (i, s) in ["9", "3", "10", "7"].iter().enumerate() {
        text.push_str(&format!("{},{s}\n", if i % 2 == 0 { "Noord-Holland" } else { "Utrecht" }));
    }
    let path = file(dir.path(), "nl.csv", text.as_bytes());
    let (code, _, stderr) = run(&["report", &path, "--sheet", "Responses"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: --sheet 'Responses' is ignored: nl.csv is a text file without sheets"),
        "{stderr}"
    );
    let (code, stdout, stderr) = run(&["report", &path, "--by", "provincie", "--by", "provincie"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("warning: --by 'provincie' is given twice; it is shown once"), "{stderr}");
    assert_eq!(stdout.matches("By provincie").count(), 1, "{stdout}");
    let (_, _, stderr) = run(&["report", &path, "--filter", "provincie=noord-holland"]);
    assert!(stderr.contains("did you mean 'Noord-Holland'?"), "{stderr}");
}

// ---- 5. No crash on a closed pipe ----

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("respondent_id,How likely are you to recommend us?\n");
    for i in 0..3_000 {
        text.push_str(&format!("R{i:05},{}\n", i % 11));
    }
    let path = file(dir.path(), "many.csv", text.as_bytes());
    let mut child = Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
        .args(["report", &path, "--by", "respondent_id"])
        .env("NPS_WORKBENCH_CONFIG", "/nonexistent/nps-workbench-test-config")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // The reader is gone: like `| head -1`.
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(first.contains("many.csv"), "{first}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

// ---- 6. Mislabelled files are read by what they are ----

#[test]
fn a_csv_saved_as_xlsx_or_xls_is_read_as_text_and_said_so() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["survey.xlsx", "survey.xls"] {
        let path = file(dir.path(), name, common::twelve_answers_csv().as_bytes());
        let (code, stdout, stderr) = run(&["report", &path]);
        assert_eq!(code, 0, "{name}: {stderr}");
        let extension = name.rsplit('.').next().unwrap();
        assert!(stdout.contains(&format!("This .{extension} file is really a text (CSV) file")), "{stdout}");
        assert!(stdout.contains("n = 12"), "{stdout}");
    }
}

#[test]
fn a_workbook_saved_as_csv_is_read_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("survey.csv");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(0, 0, "How likely are you to recommend us?").unwrap();
    for (i, s) in common::SIX_SCORES.iter().enumerate() {
        sheet.write_number(u32::try_from(i).unwrap() + 1, 0, s.parse::<f64>().unwrap()).unwrap();
    }
    workbook.save(&path).unwrap();
    let (code, stdout, stderr) = run(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("This .csv file is really a xlsx workbook file"), "{stdout}");
    assert!(stdout.contains("n = 6"), "{stdout}");
}

#[test]
fn utf16_without_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = common::twelve_answers_csv().encode_utf16().flat_map(u16::to_le_bytes).collect();
    let path = file(dir.path(), "unicode.csv", &bytes);
    let j = json(&["report", &path]);
    assert_eq!(j["overall"]["n"], 12);
    assert_eq!(j["source"]["encoding"], "UTF-16 LE");
}

// ---- Issue 26, part 10: the command line's words name the flag and the fix ----

fn sixty_rows() -> String {
    let mut text = String::from("id,region,date,How likely are you to recommend us?\n");
    for i in 0..60 {
        let region = if i % 3 == 0 {
            "A very long segment label that goes on and on, region one"
        } else {
            "A very long segment label that goes on and on, region two"
        };
        text.push_str(&format!("{i},\"{region}\",2025-0{}-1{},{}\n", 1 + i % 3, i % 9, (i * 7) % 11));
    }
    text
}

#[test]
fn usage_errors_exit_2_naming_the_flag_and_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "s.csv", sixty_rows().as_bytes());
    let afile = file(dir.path(), "afile", b"");
    for (args, said) in [
        (
            vec!["themes", &path, "--filter", "region"],
            "nps-workbench: --filter 'region' is not COLUMN=VALUE (e.g. --filter region=North)",
        ),
        (
            vec!["report", &path, "--filter", "region"],
            "nps-workbench: --filter 'region' is not COLUMN=VALUE (e.g. --filter region=North)",
        ),
        (
            vec!["report", &path, "--by", "a:b:c"],
            "nps-workbench: --by 'a:b:c': a breakdown crosses at most two columns (--by A:B); repeat --by for more breakdowns",
        ),
        (
            vec!["report", &path, "--invited", "-5"],
            "error: invalid value '-5' for '--invited <N>': the number of people invited cannot be negative; give how many were invited (e.g. 4500)",
        ),
        (
            vec!["report", &path, "--invited", "0"],
            "error: invalid value '0' for '--invited <N>': nobody invited gives no response rate; give how many were invited (e.g. 4500)",
        ),
        (
            vec!["report", &path, "--out", &afile],
            &format!(
                "nps-workbench: --out {afile}: is a file; name a folder for the report's files (it is made when missing)"
            ),
        ),
    ] {
        let (code, stdout, stderr) = run(&args);
        assert_eq!((code, stdout.as_str()), (2, ""), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().next(), Some(said), "{args:?}");
        assert!(!stderr.contains("os error") && !stderr.contains("tip:"), "{stderr}");
    }
    // Three columns that are two: a header holding a colon is found whole.
    let colon = file(dir.path(), "colon.csv", b"Q1: Region,Q2: Age,Recommend\nN,young,9\nS,old,3\nN,old,10\n");
    let j = json(&["report", &colon, "--by", "Q1: Region:Q2: Age"]);
    assert_eq!(j["segments"][0]["column"], "Q1: Region × Q2: Age", "{}", j["segments"][0]);
}

#[test]
fn benchmark_notes_name_the_flags_and_a_projects_benchmark_is_not_called_typed() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "s.csv", sixty_rows().as_bytes());
    let (code, stdout, stderr) = run(&["report", &path, "--benchmark", "retail"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "note: give your data's region with --region CODE (e.g. NL) to check it against the benchmark's (US)"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("note: say whether your data are B2B or B2C with --audience b2b|b2c (the benchmark is B2C)"),
        "{stdout}"
    );
    assert!(!stdout.contains("above"), "{stdout}");
    // A project remembering a benchmark the library no longer has: said to be the project's.
    let project = dir.path().join("p.json");
    let (code, _, stderr) =
        run(&["report", &path, "--benchmark", "retail", "--save-project", project.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let text = std::fs::read_to_string(&project)
        .unwrap()
        .replace("\"overall_benchmark\": \"retail\"", "\"overall_benchmark\": \"Zeppelins\"");
    std::fs::write(&project, text).unwrap();
    let (code, _, stderr) = run(&["report", "--project", project.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr
            .starts_with("nps-workbench: p.json: the project's benchmark 'Zeppelins' is not in the benchmark library"),
        "{stderr}"
    );
    assert!(!stderr.contains("--benchmark 'Zeppelins'"), "{stderr}");
}

#[test]
fn long_segment_labels_are_cut_so_that_they_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "s.csv", sixty_rows().as_bytes());
    let (code, stdout, stderr) = run(&["report", &path, "--by", "region"]);
    assert_eq!(code, 0, "{stderr}");
    // Once both "A very long segment label t…".
    assert!(stdout.contains("  A very long se… region one "), "{stdout}");
    assert!(stdout.contains("  A very long se… region two "), "{stdout}");
}

// ---- Issue 26, part 6: long files found by their shape ----

#[test]
fn a_long_file_with_unexpected_headers_is_pivoted_and_its_parts_named() {
    // Once refused with "no column with 0-10 scores" although question 3 is 0-10: the
    // respondent key's name was not on the list.
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("deelnemer_code;question_number;answer\n");
    let scores = ["9", "10", "3", "8", "6", "9", "10", "2", "7", "9"];
    for (p, score) in scores.iter().enumerate() {
        let region = ["Noord", "Zuid"][p % 2];
        text.push_str(&format!("D-{p:03};1;{region}\nD-{p:03};2;Snelle levering\nD-{p:03};3;{score}\n"));
    }
    let path = file(dir.path(), "lang.csv", text.as_bytes());
    let report = json(&["report", &path, "--score", "question_number 3"]);
    assert_eq!(report["layout"], "long_format", "{report}");
    assert_eq!(report["source"]["long_format"]["respondent"], "deelnemer_code");
    assert_eq!(report["source"]["long_format"]["question"], "question_number");
    assert_eq!(report["source"]["long_format"]["answer"], "answer");
    assert_eq!(report["source"]["long_format"]["answers"], 30);
    assert_eq!(report["rows_read"], 10);
    assert_eq!(report["rows_used"], 10);
    // 5 promoters (9, 10, 9, 10, 9), 3 detractors (3, 6, 2): NPS 20.
    assert_eq!(report["overall"]["nps"], 20.0);
    let (code, stdout, stderr) = run(&["report", &path, "--score", "question_number 3"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("One row per answer (30 rows), turned into one row per respondent: 'deelnemer_code' says whose answer it is, 'question_number' which question, 'answer' the answer."),
        "{stdout}"
    );
}
