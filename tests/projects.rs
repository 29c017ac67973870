//! Projects and response rates end to end on the command line: `report --save-project`, then
//! `--project` on next quarter's file of the same layout, a refusal naming the missing columns,
//! and `--invited` / `--invited-file` in the table, the JSON and the exported tables.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use std::path::Path;

use common::run;

const HEADER: &str = "respondent,region,channel,How likely are you to recommend us? (0-10),date\n";

/// A survey of `scores` over North/South and Web/Shop in turn, dated in `month` (2025-MM).
fn quarter(scores: &[&str], month: u32) -> String {
    let mut text = String::from(HEADER);
    for (i, score) in scores.iter().enumerate() {
        let region = if i % 2 == 0 { "North" } else { "South" };
        let channel = if i % 3 == 0 { "Web" } else { "Shop" };
        text.push_str(&format!("{i},{region},{channel},{score},2025-{month:02}-{:02}\n", 1 + i % 28));
    }
    text
}

/// (n, NPS) of the valid answers in `text` whose channel is `channel`, counted here from the
/// fixture's lines.
fn expected(text: &str, channel: &str) -> (u64, f64) {
    let scores: Vec<u8> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect::<Vec<_>>())
        .filter(|cells| cells[2] == channel)
        .filter_map(|cells| cells[3].parse().ok())
        .collect();
    let n = scores.len() as f64;
    let promoters = scores.iter().filter(|&&s| s >= 9).count() as f64;
    let detractors = scores.iter().filter(|&&s| s <= 6).count() as f64;
    (scores.len() as u64, 100.0 * (promoters - detractors) / n)
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

const Q1_SCORES: [&str; 14] = ["9", "10", "3", "7", "", "8", "10", "6", "9", "9", "2", "10", "n.v.t.", "8"];
const Q2_SCORES: [&str; 12] = ["10", "4", "9", "9", "1", "7", "10", "0", "8", "9", "5", "10"];

#[test]
fn a_saved_project_analyses_next_quarter_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let q1_text = quarter(&Q1_SCORES, 1);
    let q1 = common::write(dir.path(), "q1.csv", q1_text.as_bytes());
    let project = dir.path().join("survey.npsproj");
    let first = json_of(&[
        "report",
        s(&q1),
        "--by",
        "region",
        "--filter",
        "channel=Web",
        "--trend",
        "month",
        "--invited",
        "4,500",
        "--region",
        "NL",
        "--save-project",
        s(&project),
        "--json",
    ]);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&project).unwrap()).unwrap();
    assert_eq!((saved["format"].as_str(), saved["version"].as_u64()), (Some("nps-workbench-project"), Some(1)));
    assert_eq!(saved["input"]["fingerprint"]["size_bytes"], q1_text.len());
    assert!(saved["input"]["path"].as_str().unwrap().ends_with("q1.csv"));
    assert_eq!(saved["analysis"]["breakdowns"], serde_json::json!([["region"]]));
    assert_eq!(saved["context"]["invited"]["total"], 4500);

    // The same file again, through the project alone: the same analysis, said to be the same file.
    let again = json_of(&["report", "--project", s(&project), "--json"]);
    assert_eq!(again["overall"], first["overall"]);
    assert_eq!(again["segments"], first["segments"]);
    assert_eq!(again["project"]["same_contents"], true);

    // Next quarter: other answers, same layout. Every choice comes back; the numbers are Q2's.
    let q2_text = quarter(&Q2_SCORES, 4);
    let q2 = common::write(dir.path(), "q2.csv", q2_text.as_bytes());
    let next = json_of(&["report", s(&q2), "--project", s(&project), "--json"]);
    assert_eq!(next["project"]["made_on"], "q1.csv");
    assert_eq!(next["project"]["same_contents"], false);
    assert_eq!(next["filter"], "channel = Web");
    assert_eq!(next["columns"]["segments"], serde_json::json!(["region"]));
    assert_eq!(next["trend"][0]["period"], "2025-04");
    let (n, nps) = expected(&q2_text, "Web");
    assert_eq!(next["overall"]["n"], n);
    assert!((next["overall"]["nps"].as_f64().unwrap() - nps).abs() < 1e-9);
    let rate = &next["response_rate"]["overall"];
    assert_eq!((rate["responses"].as_u64(), rate["invited"].as_u64()), (Some(12), Some(4500)));

    // The readable table says which file the project was made on.
    let (code, stdout, stderr) = run(&["report", s(&q2), "--project", s(&project)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Project survey.npsproj applied to q2.csv (made on q1.csv)."), "{stdout}");
}

#[test]
fn a_file_without_the_projects_columns_is_refused_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = common::write(dir.path(), "q1.csv", quarter(&Q1_SCORES, 1).as_bytes());
    let project = dir.path().join("survey.npsproj");
    let (code, _, stderr) = run(&["report", s(&q1), "--by", "region", "--save-project", s(&project)]);
    assert_eq!(code, 0, "{stderr}");
    let other = common::write(
        dir.path(),
        "other.csv",
        b"respondent,How likely are you to recommend us? (0-10),date\n1,9,2025-04-01\n2,3,2025-04-02\n",
    );
    let (code, stdout, stderr) = run(&["report", s(&other), "--project", s(&project)]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert_eq!(
        stderr.trim(),
        "nps-workbench: other.csv does not fit the project survey.npsproj (made on q1.csv): columns missing: 'region', 'channel'"
    );
    // Not a project at all.
    let (code, _, stderr) = run(&["report", s(&q1), "--project", s(&q1)]);
    assert_eq!(code, 1);
    assert!(stderr.contains("q1.csv: not an NPS Workbench project"), "{stderr}");
}

#[test]
fn the_response_rate_counts_every_respondent_row() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = common::write(dir.path(), "q1.csv", quarter(&Q1_SCORES, 1).as_bytes());
    // 14 rows, two of them without a valid score: 14 responses of 40 invited, 12 in the NPS.
    let json = json_of(&["report", s(&q1), "--invited", "40", "--json"]);
    assert_eq!(json["rows_used"], 12);
    let rate = &json["response_rate"];
    assert_eq!((rate["overall"]["responses"].as_u64(), rate["overall"]["invited"].as_u64()), (Some(14), Some(40)));
    assert!((rate["overall"]["rate_pct"].as_f64().unwrap() - 35.0).abs() < 1e-9);
    assert!(rate["responses_counted"].as_str().unwrap().contains("before score exclusions"));
    let (code, stdout, _) = run(&["report", s(&q1), "--invited", "40"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Response rate: 35.0% of 40 invited answered (95% CI 22.1% to 50.5%)"), "{stdout}");

    // Fewer invited than answered: a warning and no rate, never a rate over 100%.
    let (code, stdout, stderr) = run(&["report", s(&q1), "--invited", "10"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("14 responses but only 10 invited: check the invited count"), "{stderr}");
    assert!(!stdout.contains("140.0%"), "{stdout}");
    let (code, _, stderr) = run(&["report", s(&q1), "--invited", "lots"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("'lots' is not a whole number of people invited"), "{stderr}");
}

#[test]
fn per_region_invitations_flag_a_region_that_answered_far_less() {
    let dir = tempfile::tempdir().unwrap();
    let q1 = common::write(dir.path(), "q1.csv", quarter(&Q1_SCORES, 1).as_bytes());
    // 7 rows each: North 7 of 10 invited (70%), South 7 of 200 (3.5%, interval up to 7.0%).
    let invited = common::write(dir.path(), "invited.csv", b"region;invited\nNorth;10\nSouth;200\n");
    let out = dir.path().join("out");
    let args = ["report", s(&q1), "--by", "region", "--invited-file", s(&invited), "--out", s(&out)];
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("South answered far less often than the rest"), "{stdout}");
    assert!(stdout.lines().any(|l| l.trim_start().starts_with("South") && l.ends_with("low response")), "{stdout}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let south = json["segments"].as_array().unwrap().iter().find(|r| r["value"] == "South").unwrap();
    assert_eq!(south["response_rate"]["far_below_rest"], true);
    assert_eq!(
        (south["response_rate"]["responses"].as_u64(), south["response_rate"]["invited"].as_u64()),
        (Some(7), Some(200))
    );
    let north = json["segments"].as_array().unwrap().iter().find(|r| r["value"] == "North").unwrap();
    assert_eq!(north["response_rate"]["far_below_rest"], false);
    // The exported tables carry the rates: a CSV of its own, and a column in the breakdown.
    let table = std::fs::read_to_string(out.join("response-rate.csv")).unwrap();
    let table = table.trim_start_matches('\u{feff}');
    assert!(table.starts_with("region,Responses,Invited,Response rate"), "{table}");
    assert!(table.lines().any(|l| l.starts_with("South,7,200,3.5")), "{table}");
    let by_region = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("nps-by-region"))
        .unwrap();
    assert!(std::fs::read_to_string(by_region).unwrap().lines().next().unwrap().contains("Response rate"));
    // Without a header the column must be named.
    let bare = common::write(dir.path(), "bare.csv", b"North,10\nSouth,200\n");
    let (code, _, stderr) = run(&["report", s(&q1), "--invited-file", s(&bare)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--invited-by COLUMN"), "{stderr}");
}

#[test]
fn themes_take_the_projects_codebook_and_filter() {
    let dir = tempfile::tempdir().unwrap();
    let survey = "id,channel,How likely are you to recommend us? (0-10),Why this score?\n\
                  1,Web,2,The parcel arrived late again\n2,Web,3,late and broken\n3,Shop,9,friendly staff\n\
                  4,Web,10,fast and friendly\n5,Shop,1,parcel was late\n6,Web,8,ok\n";
    let q1 = common::write(dir.path(), "q1.csv", survey.as_bytes());
    let codebook = common::write(
        dir.path(),
        "codebook.csv",
        b"theme,label_en,language,keyword\nlateness,Lateness,en,late\nkindness,Kindness,en,friendly\n",
    );
    let project = dir.path().join("themes.npsproj");
    let args = ["themes", s(&q1), "--codebook", s(&codebook), "--filter", "channel=Web", "--save-project", s(&project)];
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&project).unwrap()).unwrap();
    assert_eq!(saved["codebook"]["themes"].as_array().map(Vec::len), Some(2));

    // Next time only the project is given: its codebook (two themes) and filter (Web: 4 rows).
    let json = json_of(&["themes", s(&q1), "--project", s(&project), "--json"]);
    let mut themes: Vec<&str> =
        json["themes"].as_array().unwrap().iter().map(|t| t["theme"].as_str().unwrap()).collect();
    themes.sort_unstable();
    assert_eq!(themes, ["kindness", "lateness"]);
    assert_eq!(json["filter"], "channel = Web");
    assert_eq!(json["commenters"], 4);
    let lateness = json["themes"].as_array().unwrap().iter().find(|t| t["theme"] == "lateness").unwrap();
    assert_eq!(lateness["mentions"], 2, "rows 1 and 2; row 5 is a Shop answer");
}
