//! The `report` command as scripts use it: JSON numbers, the readable table, exit codes and
//! one-line errors.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use common::run;

fn close(value: &serde_json::Value, expected: f64) -> bool {
    value.as_f64().is_some_and(|v| (v - expected).abs() < 1e-3)
}

#[test]
fn json_follows_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let (code, stdout, stderr) = run(&["report", path.to_str().unwrap(), "--by", "region", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["rows_read"], 12);
    assert_eq!(json["rows_used"], 12);
    assert_eq!(json["excluded"], serde_json::json!([]));
    assert_eq!(json["layout"], "plain_table");
    assert_eq!(json["columns"]["score"], "How likely are you to recommend us? (0-10)");
    assert_eq!(json["columns"]["segments"], serde_json::json!(["region"]));
    let overall = &json["overall"];
    assert_eq!((overall["n"].as_u64(), overall["promoters"].as_u64()), (Some(12), Some(7)));
    assert_eq!((overall["passives"].as_u64(), overall["detractors"].as_u64()), (Some(3), Some(2)));
    assert!(close(&overall["nps"], 41.6667));
    assert!(close(&overall["ci_low"], -5.5013));
    assert!(close(&overall["ci_high"], 72.1680));
    assert!(close(&overall["mean"], 99.0 / 12.0));
    assert_eq!(overall["distribution"], serde_json::json!([0, 0, 0, 1, 0, 0, 1, 1, 2, 3, 4]));
    let segments = json["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 2);
    for key in ["column", "value", "n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high", "small_n"] {
        assert!(segments[0].get(key).is_some(), "segments[].{key} missing");
    }
    // North holds answers 1, 3, 5, ... of the fixture: 3, 7, 8, 9, 10, 9.
    assert_eq!(segments[0]["value"], "North");
    assert_eq!(segments[0]["n"], 6);
    assert!(close(&segments[0]["nps"], 100.0 * (3.0 - 1.0) / 6.0));
    assert_eq!(segments[0]["small_n"], true);
}

#[test]
fn readable_table_and_out_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let out = dir.path().join("results");
    let (code, stdout, stderr) = run(&["report", path.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("NPS +41.7  95% CI -5.5 to +72.2 (adjusted Wald)  n = 12"), "{stdout}");
    let written: serde_json::Value = serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    assert_eq!(written["overall"]["n"], 12);
    // Standard error names every file written, and only those.
    let mut on_disk: Vec<String> =
        std::fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    on_disk.sort();
    let (head, list) = stderr.split_once(":\n").expect("a list of the files written");
    assert_eq!(head, format!("nps-workbench: wrote {} files to {}", on_disk.len(), out.display()), "{stderr}");
    let mut listed: Vec<String> = list.lines().map(|l| l.trim().to_owned()).collect();
    listed.sort();
    assert_eq!(listed, on_disk);
    assert!(on_disk.contains(&"headline.svg".to_owned()) && on_disk.contains(&"deck.pptx".to_owned()));
}

#[test]
fn unusable_files_exit_non_zero_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (common::write(dir.path(), "empty.csv", b""), "nps-workbench: empty.csv: the file is empty"),
        (
            common::write(dir.path(), "names.csv", b"name,city\nAnn,Delft\nBo,Aarhus\n"),
            "nps-workbench: names.csv: no column with 0-10 scores; candidates: none: no column holds numbers; use --score COLUMN to name it",
        ),
        (dir.path().join("missing.csv"), "nps-workbench: missing.csv: cannot be read: the file does not exist"),
    ];
    for (path, expected) in cases {
        let (code, stdout, stderr) = run(&["report", path.to_str().unwrap(), "--json"]);
        assert_eq!(code, 1);
        assert!(stdout.is_empty());
        assert_eq!(stderr.trim_end(), expected);
        assert_eq!(stderr.lines().count(), 1);
    }
    let path = common::write(dir.path(), "ok.csv", common::twelve_answers_csv().as_bytes());
    let (code, _, stderr) = run(&["report", path.to_str().unwrap(), "--by", "Country"]);
    assert_eq!(code, 1);
    assert!(
        stderr.starts_with("nps-workbench: ok.csv: no column 'Country'; columns: 'respondent_id', 'region'"),
        "{stderr}"
    );
}

#[test]
fn version_and_help() {
    let (code, stdout, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.trim(), format!("nps-workbench {}", env!("CARGO_PKG_VERSION")));
    let (code, stdout, _) = run(&["report", "--help"]);
    assert_eq!(code, 0);
    for flag in ["--sheet", "--score", "--by", "--json", "--out"] {
        assert!(stdout.contains(flag), "{flag} missing from help");
    }
}

/// 120 answers over two months: January mostly promoters, February mostly detractors, in two
/// regions, with CES (1-7) and CSAT (1-5) answers and a weight column.
fn two_months_csv() -> String {
    let mut text = String::from("id,datum,regio,aanbevelen,ces,csat,weight\n");
    for i in 0..120 {
        let january = i < 60;
        let promoter = if january { i % 6 != 0 } else { i % 6 == 0 };
        let score = if promoter { 10 } else { 2 };
        let day = if january { "15-01-2025" } else { "15-02-2025" };
        let region = if i % 2 == 0 { "Noord" } else { "Zuid" };
        let (ces, csat) = if promoter { (6, 5) } else { (2, 2) };
        let weight = if region == "Noord" { "2" } else { "1" };
        text.push_str(&format!("{i},{day},{region},{score},{ces},{csat},{weight}\n"));
    }
    text
}

#[test]
fn trend_filters_two_way_breakdowns_and_metrics_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "months.csv", two_months_csv().as_bytes());
    let file = path.to_str().unwrap();
    let (code, stdout, stderr) =
        run(&["report", file, "--by", "regio", "--by", "regio:datum", "--trend", "month", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // Weighted (Noord counts twice): intervals use Kish's effective n.
    assert_eq!(json["columns"]["weight"], "weight");
    let n_eff = json["overall"]["effective_n"].as_f64().unwrap();
    // (60*2 + 60*1)^2 / (60*4 + 60*1) = 108
    assert!((n_eff - 108.0).abs() < 1e-9, "{n_eff}");
    let trend = json["trend"].as_array().unwrap();
    assert_eq!(trend.len(), 2);
    assert_eq!(trend[0]["period"], "2025-01");
    assert_eq!(trend[0]["n"], 60);
    assert_eq!(trend[1]["change_significant"], true);
    assert!(trend[1]["ci_low"].as_f64().unwrap() < trend[1]["nps"].as_f64().unwrap());
    let segments = json["segments"].as_array().unwrap();
    let regions: Vec<&serde_json::Value> = segments.iter().filter(|s| s["column"] == "regio").collect();
    assert_eq!(regions.len(), 2);
    assert_eq!(regions.iter().map(|s| s["n"].as_u64().unwrap()).sum::<u64>(), 120);
    for s in segments {
        assert!(s["p_value"].is_number() && s["significant"].is_boolean() && s["small_n"].is_boolean(), "{s}");
    }
    assert!(segments.iter().any(|s| s["column"] == "regio × datum" && s["value"] == "Noord × 15-01-2025"));
    // CES and CSAT beside NPS in every breakdown row and trend point; their counts add up.
    let ces_n: u64 = regions.iter().map(|s| s["ces"]["n"].as_u64().unwrap()).sum();
    assert_eq!(ces_n, json["overall"]["ces"]["n"].as_u64().unwrap());
    assert!(trend.iter().all(|p| p["csat"]["share_pct"].is_number()));
    // January: promoters answered CES 6. Per block of 6 rows, promoters weigh 2+2 (Noord) + 1+1+1
    // (Zuid) = 7 of 9 -> 77.8% agree, weighted.
    assert!((trend[0]["ces"]["share_pct"].as_f64().unwrap() - 700.0 / 9.0).abs() < 1e-9);
    assert_eq!(json["overall"]["ces"]["scale"], "1-7");
    assert_eq!(json["overall"]["csat"]["share"], "top_2_box");
    assert!(json["overall"].get("grade").is_none());

    let (code, stdout, _) = run(&["report", file, "--filter", "regio=Zuid", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["overall"]["n"], 60);
    assert_eq!(json["filter"], "regio = Zuid");

    let (code, _, stderr) = run(&["report", file, "--filter", "regio=West"]);
    assert_ne!(code, 0);
    assert_eq!(stderr.trim(), "nps-workbench: months.csv: the filter (regio = West) keeps no answer");
    let (code, _, stderr) = run(&["report", file, "--filter", "nonsense"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("filter 'nonsense' is not COLUMN=VALUE"), "{stderr}");
}

#[test]
fn the_table_flags_significant_rows_and_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "months.csv", two_months_csv().as_bytes());
    let (code, stdout, stderr) = run(&["report", path.to_str().unwrap(), "--trend", "month", "--weight", "weight"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Trend"), "{stdout}");
    assert!(stdout.contains("* significant change"), "{stdout}");
    assert!(stdout.contains("CES (1-7, mean) 'ces': mean "), "{stdout}");
    let (code, _, stderr) = run(&[
        "report",
        &common::write(dir.path(), "nodate.csv", b"recommend\n9\n3\n10\n").to_string_lossy(),
        "--trend",
        "week",
    ]);
    assert_ne!(code, 0);
    assert!(stderr.contains("no date column to draw a trend from"), "{stderr}");
}

#[test]
fn sectors_carry_benchmarks_with_sources_and_verdicts() {
    let dir = tempfile::tempdir().unwrap();
    // Three sectors named in Dutch, Danish and English; 40 answers each.
    let mut text = String::from("branche,aanbevelen\n");
    for (sector, scores) in [("Groothandel", [10, 10, 9, 7]), ("Logistik", [2, 6, 7, 9]), ("Retail", [9, 8, 7, 6])] {
        for i in 0..40 {
            text.push_str(&format!("{sector},{}\n", scores[i % 4]));
        }
    }
    text.push_str("Zeppelins,9\n");
    let path = common::write(dir.path(), "sectors.csv", text.as_bytes());
    let config = dir.path().join("config");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
        .args(["report", path.to_str().unwrap(), "--by", "branche", "--region", "NL", "--audience", "b2b"])
        .args(["--benchmark", "B2B, all sectors", "--json"])
        .env("NPS_WORKBENCH_CONFIG", &config)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["columns"]["sector"], "branche");
    let row = |value: &str| json["segments"].as_array().unwrap().iter().find(|s| s["value"] == value).unwrap().clone();
    let wholesale = row("Groothandel")["benchmark"].clone();
    assert_eq!(wholesale["sector"], "Wholesale");
    assert_eq!(wholesale["value"], 33.0);
    assert_eq!(wholesale["source"], "customerfirst.nl 2022-04");
    assert_eq!((wholesale["year"].as_i64(), wholesale["region"].as_str()), (Some(2021), Some("NL")));
    assert_eq!(wholesale["audience"], "B2B");
    // Groothandel: 3 of 4 promoters, no detractors, n = 40: NPS 75, interval above 33.
    assert_eq!(wholesale["verdict"], "above");
    assert_eq!(row("Logistik")["benchmark"]["sector"], "Logistics / transport");
    let retail = row("Retail")["benchmark"].clone();
    assert_eq!(retail["region"], "US");
    assert!(
        retail["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("from US, the data's from NL"))
    );
    // A sector no benchmark names gets none.
    assert!(row("Zeppelins").get("benchmark").is_none());
    assert_eq!(json["sectors"].as_array().unwrap().len(), 4);
    let overall = &json["overall"]["benchmark"];
    assert_eq!(overall["sector"], "B2B, all sectors");
    assert!(["above", "below", "within", "inconclusive"].contains(&overall["verdict"].as_str().unwrap()));
}

#[test]
fn a_user_benchmark_overrides_the_bundled_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("sector,NPS\n");
    for i in 0..40 {
        text.push_str(&format!("Wholesale,{}\n", [9, 9, 8, 3][i % 4]));
    }
    let path = common::write(dir.path(), "w.csv", text.as_bytes());
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("nps-workbench")).unwrap();
    std::fs::write(
        config.join("nps-workbench").join("benchmarks.csv"),
        "id,sector,synonyms_en,synonyms_nl,synonyms_da,region,audience,year,low,high,value,source,evidence,population\n\
         wholesale-integron-2021,Wholesale,,,,NL,B2B,2025,80,90,,Our own client study,E,Our clients\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
        .args(["report", path.to_str().unwrap(), "--by", "sector", "--json"])
        .env("NPS_WORKBENCH_CONFIG", &config)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let b = &json["segments"][0]["benchmark"];
    assert_eq!((b["low"].as_f64(), b["high"].as_f64()), (Some(80.0), Some(90.0)));
    assert_eq!(b["source"], "Our own client study");
    assert_eq!(b["verdict"], "below");
}

#[test]
fn every_sector_of_the_sample_gets_a_verdict_with_a_source() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample/survey.csv");
    let (code, stdout, stderr) = run(&["report", sample, "--by", "sector", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let sectors = json["sectors"].as_array().unwrap();
    assert_eq!(sectors.len(), 6);
    for s in sectors {
        let b = &s["benchmark"];
        assert!(b["source"].as_str().is_some_and(|v| !v.is_empty()), "{s}");
        assert!(
            ["above", "below", "within", "inconclusive", "too_few"].contains(&b["verdict"].as_str().unwrap()),
            "{s}"
        );
        for field in ["sector", "year", "region", "audience"] {
            assert!(!b[field].is_null(), "{field} in {s}");
        }
        // A range has low and high, a single value only value.
        assert!(b["value"].is_number() != (b["low"].is_number() && b["high"].is_number()), "{s}");
    }
    assert_eq!(json["segments"], json["sectors"], "the --by sector rows carry the same comparisons");
}

/// Comments the test writes in Dutch, Danish and English: waiting among detractors in the North,
/// praise among promoters.
fn comments_csv() -> String {
    let mut text = String::from("id,regio,aanbevelen,opmerking\n");
    let comments = [
        (2, "Noord", "Ik moest veertig minuten wachten aan de telefoon, de wachttijd is veel te lang"),
        (3, "Noord", "Jeg ventede en time i telefonkøen, alt for lang ventetid"),
        (1, "Zuid", "I was on hold for forty minutes and nobody answered my emails"),
        (4, "Zuid", "Veel te duur voor wat je krijgt, de prijs is absurd hoog"),
        (10, "Noord", "Vriendelijke medewerkers en snelle levering, echt top"),
        (9, "Zuid", "Great service, friendly staff and a fair price"),
        (8, "Noord", ""),
    ];
    for (i, (score, region, comment)) in comments.iter().enumerate() {
        text.push_str(&format!("{i},{region},{score},\"{comment}\"\n"));
    }
    text
}

#[test]
fn themes_json_holds_shares_intervals_quotes_and_tagged_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "comments.csv", comments_csv().as_bytes());
    let (code, stdout, stderr) = run(&["themes", path.to_str().unwrap(), "--json", "--comments"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["commenters"], 6);
    let themes = json["themes"].as_array().unwrap();
    let waiting = themes.iter().find(|t| t["theme"] == "waiting_time").expect("waiting_time found");
    for field in [
        "theme",
        "label",
        "mentions",
        "detractors",
        "passives",
        "promoters",
        "detractor_share",
        "ci_low",
        "ci_high",
        "over_represented",
        "nps_with",
        "nps_without",
        "quotes",
    ] {
        assert!(!waiting[field].is_null(), "{field} missing: {waiting}");
    }
    // Detractors: 4 with a comment; waiting in Dutch, Danish and English.
    assert_eq!((waiting["mentions"].clone(), waiting["detractors"].clone()), (3.into(), 3.into()));
    assert!(close(&waiting["detractor_share"], 75.0));
    assert!(waiting["ci_low"].as_f64().unwrap() < 75.0 && waiting["ci_high"].as_f64().unwrap() > 75.0);
    assert!(close(&waiting["nps_with"], -100.0));
    let quotes = waiting["quotes"].as_array().unwrap();
    assert!(!quotes.is_empty() && quotes.iter().all(|q| q["text"].as_str().is_some_and(|t| !t.is_empty())));
    assert!(json["discovered"].as_array().unwrap().iter().all(|p| p["phrase"].is_string() && p["score"].is_number()));
    let comments = json["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 6, "the blank comment is not listed");
    assert_eq!(comments[0]["row"], 2, "header = row 1");
    assert_eq!(comments[0]["language"], "nl");
    assert_eq!(comments[1]["language"], "da");
    assert_eq!(comments[2]["language"], "en");
    assert!(comments[0]["themes"].as_array().unwrap().contains(&"waiting_time".into()));
    // Issue 27: each mention says what it says, with the words it was found by.
    // The last mention of a theme in a comment (the first may say nothing: "wachten").
    let mention = |row: u64, theme: &str| {
        let comment = comments.iter().find(|c| c["row"] == row).unwrap_or_else(|| panic!("row {row}"));
        let mentions = comment["mentions"].as_array().unwrap();
        mentions.iter().rfind(|m| m["theme"] == theme).unwrap_or_else(|| panic!("{theme} in {comment}")).clone()
    };
    let waiting = mention(2, "waiting_time");
    assert_eq!((waiting["polarity"].clone(), waiting["words"].clone()), ("negative".into(), "te lang".into()));
    assert_eq!(waiting["said"], serde_json::json!(["lang"]), "'veel te lang'");
    assert_eq!(mention(3, "waiting_time")["polarity"], "negative", "'alt for lang ventetid'");
    let price = comments.iter().find(|c| c["row"] == 5).unwrap()["mentions"].clone();
    let price = price.as_array().unwrap().iter().find(|m| m["theme"] == "price").unwrap().clone();
    assert_eq!((price["words"].clone(), price["polarity"].clone()), ("te duur".into(), "negative".into()));
    let staff = mention(7, "staff");
    assert_eq!(
        (staff["polarity"].clone(), staff["said"].clone()),
        ("positive".into(), serde_json::json!(["friendly", "fair"]))
    );
    let waiting_counts = themes.iter().find(|t| t["theme"] == "waiting_time").unwrap();
    // "On hold for forty minutes and nobody answered" holds no evaluative word: not counted as
    // negative, nor as positive.
    let counts = (waiting_counts["negative_mentions"].clone(), waiting_counts["positive_mentions"].clone());
    assert_eq!(counts, (2.into(), 0.into()));
    let staff_counts = themes.iter().find(|t| t["theme"] == "staff").expect("staff found");
    assert_eq!(staff_counts["negative_mentions"], 0, "{staff_counts}");
    assert!(staff_counts["positive_mentions"].as_u64().is_some_and(|n| n >= 2), "{staff_counts}");

    let (code, stdout, stderr) = run(&["themes", path.to_str().unwrap(), "--json", "--filter", "regio=Zuid"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["commenters"], 3, "the filter applies");
    assert!(json.get("comments").is_none());
    let waiting = json["themes"].as_array().unwrap().iter().find(|t| t["theme"] == "waiting_time").unwrap().clone();
    assert_eq!(waiting["mentions"], 1);
}

#[test]
fn themes_table_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "comments.csv", comments_csv().as_bytes());
    let (code, stdout, stderr) = run(&["themes", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    // Each theme's complaints and praise beside its mentions.
    let header = stdout.lines().find(|l| l.starts_with("theme")).unwrap_or_default();
    assert!(header.contains("mentions complaints  praise"), "{stdout}");
    assert!(stdout.contains("6 respondents with a comment (4 detractors"), "{stdout}");
    assert!(stdout.contains("Waiting time") && stdout.contains("% detractors (95% CI)"), "{stdout}");
    let plain =
        common::write(dir.path(), "plain.csv", common::twelve_answers_csv().replace(",comment", ",note").as_bytes());
    let missing = dir.path().join("missing.csv");
    let bad_codebook = common::write(dir.path(), "book.json", b"{ nope");
    let cases = [
        (
            vec!["themes", missing.to_str().unwrap()],
            "nps-workbench: missing.csv: cannot be read: the file does not exist",
        ),
        (
            vec!["themes", path.to_str().unwrap(), "--codebook", bad_codebook.to_str().unwrap()],
            "nps-workbench: book.json: ",
        ),
        (
            vec!["themes", path.to_str().unwrap(), "--filter", "Country=NL"],
            "nps-workbench: comments.csv: no column 'Country'",
        ),
    ];
    for (args, expected) in cases {
        let (code, stdout, stderr) = run(&args);
        assert_eq!(code, 1, "{args:?}");
        assert!(stdout.is_empty());
        assert!(stderr.starts_with(expected), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let (code, _, stderr) = run(&["themes", plain.to_str().unwrap()]);
    if code == 1 {
        assert!(stderr.starts_with("nps-workbench: plain.csv: no comment column"), "{stderr}");
    }
}

/// Runs the binary with extra environment variables (and the fixed test locale otherwise).
fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_nps-workbench"));
    command.args(args).env("NPS_WORKBENCH_CONFIG", "/nonexistent/nps-workbench-test-config");
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn report_and_themes_speak_the_chosen_language_with_its_number_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let file = path.to_str().unwrap();
    let (code, dutch, stderr) = run(&["report", file, "--lang", "nl", "--by", "region"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(dutch.contains("NPS +41,7  95%-BI -5,5 tot +72,2 (aangepaste Wald)  n = 12"), "{dutch}");
    assert!(dutch.contains("Criticasters 16,7% (2)") && dutch.contains("Per region"), "{dutch}");
    // Without --lang the system locale decides, LC_ALL before LANG.
    let (_, danish, _) = run_with_env(&["report", file], &[("LANG", "nl_NL.UTF-8"), ("LC_ALL", "da_DK.UTF-8")]);
    assert!(danish.contains("NPS +41,7  95%-KI -5,5 til +72,2 (justeret Wald)  n = 12"), "{danish}");
    let (_, from_lang, _) = run_with_env(&["report", file], &[("LANG", "nl_NL.UTF-8")]);
    assert_eq!(from_lang, run(&["report", file, "--lang", "nl"]).1);
    let (_, english, _) = run_with_env(&["report", file], &[("LANG", "C.UTF-8")]);
    assert!(english.contains("NPS +41.7  95% CI -5.5 to +72.2 (adjusted Wald)  n = 12"), "{english}");
    // JSON is the same in every language.
    let json = |lang: &str| run(&["report", file, "--json", "--lang", lang]).1;
    assert_eq!(json("nl"), json("en"));
    let comments = common::write(dir.path(), "comments.csv", comments_csv().as_bytes());
    let (code, themes, stderr) = run(&["themes", comments.to_str().unwrap(), "--lang", "da"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(themes.contains("6 respondenter med en kommentar (4 kritikere"), "{themes}");
    assert!(themes.contains("% kritikere (95%-KI)"), "{themes}");
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    for command in ["report", "themes"] {
        let (code, stdout, stderr) = run(&[command, path.to_str().unwrap(), "--lang", "de"]);
        assert_eq!(code, 2, "{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("'de'") && stderr.contains("en, nl, da"), "{stderr}");
    }
}

// ---- Calibrated tests and honest labels (issue: every star earned) ----

/// `segment,score` rows: five promoters in "small" against (20, 30, 50) in "rest".
fn five_promoters_csv() -> String {
    let mut text = String::from("segment,How likely are you to recommend us?\n");
    for _ in 0..5 {
        text.push_str("small,10\n");
    }
    for (score, k) in [(3, 20), (7, 30), (9, 50)] {
        for _ in 0..k {
            text.push_str(&format!("rest,{score}\n"));
        }
    }
    text
}

fn json_of(args: &[&str]) -> serde_json::Value {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn five_promoters_against_the_rest_are_no_star() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "five.csv", five_promoters_csv().as_bytes());
    let json = json_of(&["report", path.to_str().unwrap(), "--by", "segment", "--json"]);
    let small = json["segments"].as_array().unwrap().iter().find(|s| s["value"] == "small").unwrap();
    // Before: p = 0.004 and "significant (Holm)". The exact permutation test gives 0.073.
    let p = small["p_value"].as_f64().unwrap();
    assert!((p - 0.073).abs() < 5e-4, "{p}");
    assert_eq!(small["test_method"], "exact_permutation");
    assert_eq!(small["significant"], false);
    assert!(small["p_adjusted"].as_f64().unwrap() >= p);

    // The table heads the raw p "p" and the adjusted one "p (Holm)".
    let (code, stdout, _) = run(&["report", path.to_str().unwrap(), "--by", "segment"]);
    assert_eq!(code, 0);
    let header = stdout.lines().find(|l| l.contains("vs rest") || l.contains("p (Holm)")).unwrap();
    assert!(header.trim_end().ends_with("p (Holm)") && header.contains(" p "), "{header}");
    assert!(!stdout.contains("significant (Holm)"), "{stdout}");
}

#[test]
fn one_answer_has_no_interval_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "one.csv", b"How likely are you to recommend us?\n9\n");
    let json = json_of(&["report", path.to_str().unwrap(), "--json"]);
    let overall = &json["overall"];
    assert!(overall["ci_low"].is_null() && overall["ci_high"].is_null(), "{overall}");
    assert_eq!(overall["interval_note"], "too_few_answers");
    assert_eq!(overall["mean_interval_note"], "too_few_answers");
    let (_, stdout, _) = run(&["report", path.to_str().unwrap()]);
    assert!(stdout.contains("too few answers for an interval"), "{stdout}");
}

#[test]
fn card_intervals_are_in_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let json = json_of(&["report", path.to_str().unwrap(), "--json"]);
    let overall = &json["overall"];
    // 7 promoters of 12: Wilson [31.95%, 80.67%] (statistics.md's formula).
    let promoters = overall["share_intervals"]["promoters"].as_array().unwrap();
    assert_eq!(overall["share_intervals"]["detractors"].as_array().map(Vec::len), Some(2));
    let (p, n, z) = (7.0 / 12.0, 12.0, 1.959964_f64);
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    assert!((promoters[0].as_f64().unwrap() - 100.0 * (centre - half)).abs() < 1e-6);
    assert!((promoters[1].as_f64().unwrap() - 100.0 * (centre + half)).abs() < 1e-6);
    let (low, high) = (overall["mean_low"].as_f64().unwrap(), overall["mean_high"].as_f64().unwrap());
    assert!(low < overall["mean"].as_f64().unwrap() && high <= 10.0);
}

#[test]
fn two_identical_ces_answers_show_no_certainty_and_a_guessed_scale_is_announced() {
    let dir = tempfile::tempdir().unwrap();
    let text = "How likely are you to recommend us?,CES\n9,4\n7,4\n";
    let path = common::write(dir.path(), "ces.csv", text.as_bytes());
    let json = json_of(&["report", path.to_str().unwrap(), "--json"]);
    let ces = &json["overall"]["ces"];
    assert_eq!(ces["kind"], "ces_effort", "two answers of 4 under a bare CES are the 1-5 effort scale");
    assert!(ces["mean_low"].is_null() && ces["mean_high"].is_null());
    assert_eq!(ces["mean_interval_note"], "no_spread");
    let role = json["columns"]["roles"].as_array().unwrap().iter().find(|r| r["column"] == "CES").unwrap();
    assert_eq!(role["scale_guessed"], true);
    let (code, stdout, stderr) = run(&["report", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let all = format!("{stdout}{stderr}");
    assert!(all.contains("'CES' is read as CES on the 1-5 effort scale"), "{all}");
    assert!(all.contains("every answer the same: no interval"), "{all}");
    assert!(!all.contains("4.00 to 4.00"), "{all}");
}

#[test]
fn the_same_customers_in_two_months_are_a_paired_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Customer ID,Date,How likely are you to recommend us?\n");
    let (january, february) = ([0, 0, 3, 5, 6, 7, 7, 8, 8, 9, 9, 10], [3, 6, 7, 7, 7, 8, 9, 9, 9, 10, 10, 10]);
    for (k, (a, b)) in january.iter().zip(february).enumerate() {
        text.push_str(&format!("C{k},2025-01-{:02},{a}\n", k + 1));
        text.push_str(&format!("C{k},2025-02-{:02},{b}\n", k + 1));
    }
    let path = common::write(dir.path(), "waves.csv", text.as_bytes());
    let json = json_of(&["report", path.to_str().unwrap(), "--trend", "month", "--json"]);
    assert_eq!(json["columns"]["respondent_id"], "Customer ID");
    let february = &json["trend"][1];
    assert_eq!(february["paired"], true);
    assert_eq!(february["respondents_in_both"], 12);
    assert_eq!(february["change_test"], "sign_flip");
    assert!((february["change_p_value"].as_f64().unwrap() - 2.0 / 64.0).abs() < 1e-12);
    let (_, stdout, _) = run(&["report", path.to_str().unwrap(), "--trend", "month"]);
    assert!(
        stdout.contains("paired test: 12 respondents answered in both periods, their own change +50.0"),
        "{stdout}"
    );
}

#[test]
fn themes_carry_their_impact_and_direction() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("How likely are you to recommend us?,Why?\n");
    for k in 0..40 {
        let (score, comment) = match k % 4 {
            0 => (2, "Far too expensive, the price went up again"),
            1 => (3, "Waited an hour on the phone, slow service"),
            2 => (9, "Friendly staff, quick help"),
            _ => (10, "Great product, works well"),
        };
        text.push_str(&format!("{score},{comment}\n"));
    }
    let path = common::write(dir.path(), "themes.csv", text.as_bytes());
    let json = json_of(&["themes", path.to_str().unwrap(), "--json"]);
    let themes = json["themes"].as_array().unwrap();
    assert!(!themes.is_empty());
    for theme in themes {
        for key in
            ["nps_with", "nps_without", "impact", "impact_ci_low", "impact_ci_high", "impact_p", "representation"]
        {
            assert!(theme.get(key).is_some(), "{key} missing in {theme}");
        }
    }
    let price = themes.iter().find(|t| t["theme"] == "price").unwrap();
    assert_eq!(price["representation"], "over");
    // Impact = NPS of all commenters minus NPS of those not mentioning price: 0 - (+33.3).
    let impact = price["impact"].as_f64().unwrap();
    assert!((impact - (0.0 - 100.0 * 10.0 / 30.0)).abs() < 1e-6, "{impact}");
    assert!(price["impact_ci_low"].as_f64().unwrap() < impact && impact < price["impact_ci_high"].as_f64().unwrap());
    // Mentioned only by promoters: under-represented among detractors, and said so.
    let staff = themes.iter().find(|t| t["theme"] == "staff").unwrap();
    assert_eq!((staff["detractors"].as_u64(), staff["representation"].as_str()), (Some(0), Some("under")));
    let (_, table, _) = run(&["themes", path.to_str().unwrap()]);
    assert!(table.contains("* less often (Holm)") && table.contains("* more often (Holm)"), "{table}");
}

/// Issue 27: a Dutch hotel file read with the hospitality preset.
fn hotel_csv() -> String {
    let mut text = String::from("id,aanbevelen,opmerking\n");
    let comments = [
        (3, "Het ontbijt was koud en de kamer was vies"),
        (4, "De badkamer was smerig en het ontbijt was duur"),
        (9, "Heerlijk ontbijt en een schone kamer"),
        (10, "Vriendelijke receptie, het inchecken ging vlot"),
        (6, "Prima hotel"),
    ];
    for (i, (score, comment)) in comments.iter().enumerate() {
        text.push_str(&format!("{i},{score},\"{comment}\"\n"));
    }
    text
}

#[test]
fn themes_with_a_sector_preset_name_the_general_theme_of_each_mention() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "hotel.csv", hotel_csv().as_bytes());
    let file = path.to_str().unwrap();
    let (code, stdout, stderr) = run(&["themes", file, "--json", "--comments", "--preset", "hospitality"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let themes = json["themes"].as_array().unwrap();
    let food = themes.iter().find(|t| t["theme"] == "food_drink").unwrap_or_else(|| panic!("{stdout}"));
    assert_eq!(food["general_theme"], "product_quality");
    // Cold, expensive ("duur" judges the breakfast too) and lovely.
    assert_eq!((food["negative_mentions"].clone(), food["positive_mentions"].clone()), (2.into(), 1.into()), "{food}");
    let price = themes.iter().find(|t| t["theme"] == "price").unwrap();
    assert_eq!(price["general_theme"], "price", "a general theme belongs to itself");
    let comments = json["comments"].as_array().unwrap();
    let first = &comments[0];
    assert_eq!(first["row"], 2);
    assert_eq!(first["language"], "nl");
    let themes_of = |c: &serde_json::Value, key: &str| -> Vec<String> {
        c[key].as_array().unwrap().iter().map(|t| t.as_str().unwrap().to_owned()).collect()
    };
    assert!(themes_of(first, "themes").contains(&"food_drink".to_owned()), "{first}");
    assert_eq!(themes_of(first, "general_themes"), ["product_quality"], "{first}");
    for mention in first["mentions"].as_array().unwrap() {
        assert_eq!(mention["general_theme"], "product_quality", "{mention}");
        assert_eq!(mention["polarity"], "negative", "{mention}");
        assert!(mention["words"].as_str().is_some_and(|w| !w.is_empty()), "{mention}");
    }
    // The same file with the general codebook: the breakfast is product quality itself.
    let (code, stdout, stderr) = run(&["themes", file, "--json", "--comments"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert!(json["themes"].as_array().unwrap().iter().all(|t| t["theme"] != "food_drink"));
    assert_eq!(json["comments"][0]["general_themes"], serde_json::json!(["product_quality"]));

    let (code, stdout, stderr) = run(&["themes", file, "--preset", "bakeries"]);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("'bakeries' is not a preset") && stderr.contains("general, hospitality, retail"),
        "{stderr}"
    );
    let (code, _, stderr) = run(&["report", file, "--preset", "bakeries"]);
    assert_eq!(code, 2, "{stderr}");

    // A project remembers the preset; themes and report read it back.
    let project = dir.path().join("hotel.npsproj");
    let (code, _, stderr) =
        run(&["themes", file, "--preset", "hospitality", "--save-project", project.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(saved["preset"], "hospitality");
    assert!(saved.get("codebook").is_none(), "the shipped preset is named, not copied");
    let (code, stdout, stderr) = run(&["themes", "--project", project.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"food_drink\""), "{stdout}");
    let out = dir.path().join("out");
    let (code, _, stderr) =
        run(&["report", "--project", project.to_str().unwrap(), "--out", out.to_str().unwrap(), "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let table = std::fs::read_to_string(out.join("what-detractors-complain-about.csv")).unwrap();
    assert!(table.contains("Food and drink"), "{table}");
}

/// Two waves laid out differently: the previous one semicolon-separated, its columns in another
/// order and its region column headed "Regio"; this one comma-separated. Customers 20-39 of the
/// previous wave answer again in this one.
fn two_waves(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut previous = String::from("Regio;How likely are you to recommend us? (0-10);respondent_id;comment\n");
    let mut current = String::from("respondent_id,region,How likely are you to recommend us? (0-10),comment\n");
    // The previous wave's detractors complain about the price, this wave's about late deliveries.
    for i in 0..40 {
        let region = if i % 2 == 0 { "North" } else { "South" };
        let (before, after) = if i % 4 == 0 {
            ("Far too expensive, the price went up again.", "The delivery was late, again.")
        } else {
            ("Fine.", "Fine.")
        };
        previous.push_str(&format!("{region};{};C{i:03};{before}\n", [3, 7, 9, 10][i % 4]));
        current.push_str(&format!("C{:03},{region},{},\"{after}\"\n", i + 20, [6, 9, 10, 10][i % 4]));
    }
    (common::write(dir, "q1.csv", previous.as_bytes()), common::write(dir, "q2.csv", current.as_bytes()))
}

#[test]
fn compare_gives_both_waves_the_change_and_its_detectable_size_overall_and_per_segment() {
    let dir = tempfile::tempdir().unwrap();
    let (q1, q2) = two_waves(dir.path());
    let (q1, q2) = (q1.to_str().unwrap(), q2.to_str().unwrap());
    let (code, stdout, stderr) = run(&["compare", q1, q2, "--by", "region", "--json"]);
    assert_eq!(code, 0, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    // Previous: 10 detractors, 10 passives, 20 promoters (+25); this wave: 10, 0, 30 (+50).
    assert_eq!((json["previous"]["n"].as_u64(), json["current"]["n"].as_u64()), (Some(40), Some(40)));
    assert!(close(&json["previous"]["nps"], 25.0) && close(&json["current"]["nps"], 50.0));
    for wave in ["previous", "current"] {
        assert!(json[wave]["ci_low"].is_number() && json[wave]["ci_high"].is_number(), "{wave}");
    }
    let change = &json["change"];
    assert!(close(&change["nps"], 25.0));
    for key in ["ci_low", "ci_high", "p_value", "p_adjusted", "minimum_detectable"] {
        assert!(change[key].is_number(), "change.{key}: {change}");
    }
    assert!(change["significant"].is_boolean());
    // 20 customers answered twice: half of each wave, so tested as independent groups.
    assert_eq!((change["paired"].as_bool(), change["respondents_in_both"].as_u64()), (Some(false), Some(20)));
    // What detractors complain about: the price in the previous wave, deliveries in this one.
    let themes = json["themes"].as_array().unwrap();
    let theme = |id: &str| themes.iter().find(|t| t["theme"] == id).unwrap_or_else(|| panic!("{id}: {themes:?}"));
    assert!(close(&theme("price")["previous"], 100.0) && close(&theme("price")["current"], 0.0));
    assert!(theme("delivery")["change"].as_f64().is_some_and(|c| c > 50.0));
    for key in ["ci_low", "ci_high", "p_value", "p_adjusted", "significant"] {
        assert!(!theme("price")[key].is_null(), "{key}");
    }
    assert_eq!((theme("price")["previous_n"].as_u64(), theme("price")["current_n"].as_u64()), (Some(10), Some(10)));
    // Per segment: every detractor is in the North (in both waves), so the South, with none, has
    // no themes to compare; the North's are its own counts.
    let per_segment = json["segment_themes"].as_array().unwrap();
    assert_eq!(per_segment.len(), 1, "{per_segment:?}");
    let north = &per_segment[0];
    assert_eq!((north["column"].as_str(), north["value"].as_str()), (Some("region"), Some("North")));
    assert_eq!((north["previous_n"].as_u64(), north["current_n"].as_u64()), (Some(10), Some(10)));
    let north_theme = |id: &str| north["themes"].as_array().unwrap().iter().find(|t| t["theme"] == id).unwrap().clone();
    assert!(close(&north_theme("price")["previous"], 100.0) && close(&north_theme("price")["current"], 0.0));
    assert!(close(&north_theme("delivery")["current"], 100.0));
    assert!(north_theme("price")["significant"].as_bool().unwrap(), "10 of 10 against 0 of 10");
    // The region column is "Regio" in the previous file: found by its values, and said so.
    assert_eq!(json["columns"][0]["previous"], "Regio");
    assert_eq!(json["columns"][0]["matched"]["by"], "values");
    assert!(stderr.contains("'region' is 'Regio'"), "{stderr}");
    let segments = json["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 2);
    for segment in segments {
        assert!(segment["previous"]["n"].is_number() && segment["current"]["nps"].is_number());
        for key in ["nps", "p_value", "p_adjusted", "minimum_detectable", "respondents_in_both"] {
            assert!(segment["change"][key].is_number(), "{key}: {segment}");
        }
        // Each value's promoter, passive and detractor shifts too.
        let shares = segment["shares"].as_array().unwrap();
        assert_eq!(shares.len(), 3, "{segment}");
        let sum: f64 = shares.iter().map(|s| s["change"].as_f64().unwrap()).sum();
        assert!(sum.abs() < 1e-9, "the shifts of the three groups add up to nothing: {sum}");
    }
    // --out: the JSON and the comparison's figures in every format, the deck's charts editable.
    let out = dir.path().join("out");
    let (code, _, stderr) = run(&["compare", q1, q2, "--by", "region", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for name in ["compare.json", "waves.svg", "wave-change.png", "report.html", "report.pdf", "deck.pptx"] {
        assert!(out.join(name).is_file(), "{name} missing: {stderr}");
    }
    assert!(stderr.contains("wrote ") && stderr.contains("deck.pptx"), "{stderr}");
    let deck = std::fs::read(out.join("deck.pptx")).unwrap();
    let mut deck = zip::ZipArchive::new(std::io::Cursor::new(deck)).unwrap();
    assert!(deck.by_name("ppt/charts/chart2.xml").is_ok(), "both figures are native charts");
    let svg = std::fs::read_to_string(out.join("wave-change.svg")).unwrap();
    assert!(svg.contains("Smallest detectable change"), "the band is named in the legend");
    // 40 answers a wave detect only changes of about 47 points: the +25 is marked as smaller.
    assert!(svg.contains("Smaller than the detectable change"), "the marker is in the legend");
    // The readable table in Dutch.
    let (code, stdout, stderr) = run(&["compare", q1, q2, "--by", "region", "--lang", "nl"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Verandering: +25,0 punten") && stdout.contains("Per region"), "{stdout}");
    assert!(stdout.contains("region: North: 10 -> 10 criticasters met een opmerking"), "{stdout}");
    // A column this wave does not have, and one the previous wave cannot match: usage errors.
    let (code, _, stderr) = run(&["compare", q1, q2, "--by", "channel"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("channel"), "{stderr}");
    // The same file twice, and a column that is no segment (the IDs): usage errors.
    let (code, _, stderr) = run(&["compare", q2, q2]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("both the previous and this wave"), "{stderr}");
    let (code, _, stderr) = run(&["compare", q1, q2, "--by", "respondent_id"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("not segments"), "{stderr}");
    let mut without = String::from("How likely are you to recommend us? (0-10);respondent_id\n");
    for i in 0..12 {
        without.push_str(&format!("{};C{i:03}\n", [3, 7, 9, 10][i % 4]));
    }
    let q0 = common::write(dir.path(), "q0.csv", without.as_bytes());
    let (code, _, stderr) = run(&["compare", q0.to_str().unwrap(), q2, "--by", "region"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("q0.csv") && stderr.contains("no column 'region'"), "{stderr}");
}

#[test]
fn plan_reproduces_the_reference_sample_sizes() {
    let n = |args: &[&str]| json_of(args)["n"].as_u64();
    assert_eq!(n(&["plan", "--margin", "10", "--json"]), Some(382));
    assert_eq!(n(&["plan", "--margin", "5", "--json"]), Some(1534));
    assert_eq!(n(&["plan", "--change", "10", "--split", "40,40,20", "--json"]), Some(877));
    let small = json_of(&["plan", "--margin", "10", "--population", "1000", "--response-rate", "20%", "--json"]);
    assert_eq!((small["n"].as_u64(), small["invitations"].as_u64()), (Some(277), Some(1385)));
    assert_eq!(small["n_infinite"].as_u64(), Some(382));
    // The split of a file: twelve answers, 7 promoters, 3 passives, 2 detractors.
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "survey.csv", common::twelve_answers_csv().as_bytes());
    let from_file = json_of(&["plan", path.to_str().unwrap(), "--change", "10", "--json"]);
    let (p, d) = (7.0 / 12.0, 2.0 / 12.0);
    assert!(close(&from_file["variance"], p + d - (p - d) * (p - d)), "{from_file}");
    let (code, stdout, _) = run(&["plan", "--margin", "10", "--lang", "da"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("382 svar") && stdout.contains("værste tilfælde"), "{stdout}");
    for bad in [
        vec!["plan", "--json"],
        vec!["plan", "--margin", "10", "--change", "5"],
        vec!["plan", "--margin", "0"],
        vec!["plan", "--change", "5", "--split", "40,40"],
        vec!["plan", "--change", "5", "--split", "50,50,50"],
        vec!["plan", "--margin", "5", "--response-rate", "0"],
        vec!["plan", "--margin", "5", "--population", "0"],
        vec!["plan", "--margin", "5", "--split", "100,0,0"],
    ] {
        let (code, _, stderr) = run(&bad);
        assert_eq!(code, 2, "{bad:?}: {stderr}");
    }
}

/// 80 respondents with three rating questions (staff and speed 1-5, prices 1-10, blank every
/// 13th row) and a score made of them.
fn rated_survey(dir: &std::path::Path) -> std::path::PathBuf {
    let mut text = String::from(
        "respondent_id,region,How likely are you to recommend us? (0-10),How satisfied are you with our staff? (1-5),\
         Rate the speed of service (1-5),Rating of our prices (1-10)\n",
    );
    for i in 0..80i64 {
        let (staff, speed, price) = (1 + (i * 7) % 5, 1 + (i * 3) % 5, 1 + (i * 11) % 10);
        let score = (2 * staff + speed + (price * i) % 3 + i % 4 - 2).clamp(0, 10);
        let price = if i % 13 == 0 { String::new() } else { price.to_string() };
        text.push_str(&format!("R{i},{},{score},{staff},{speed},{price}\n", ["North", "South"][i as usize % 2]));
    }
    common::write(dir, "rated.csv", text.as_bytes())
}

/// statsmodels' and numpy's latent R² and Johnson's weights of `promoter_survey` (80 promoters).
const LOGIT_R2: f64 = 0.4694614179;
const LOGIT_WEIGHTS: [f64; 3] = [0.3895061201, 0.0761953561, 0.0037599417];

/// 240 respondents whose score is 9 or 10 where a logistic propensity of their staff, speed
/// (1-5) and prices (1-10) ratings is positive and 2-8 elsewhere, drawn by a 64-bit LCG.
fn promoter_survey(dir: &std::path::Path) -> std::path::PathBuf {
    let mut state: u64 = 42;
    let mut uniform = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let mut text = String::from(
        "id,How likely are you to recommend us? (0-10),How satisfied are you with our staff? (1-5),\
         Rate the speed of service (1-5),Rating of our prices (1-10)\n",
    );
    for i in 0..240 {
        let staff = 1 + (uniform() * 5.0) as i64;
        let speed = 1 + (uniform() * 5.0) as i64;
        let price = 1 + (uniform() * 10.0) as i64;
        let e = uniform();
        let latent =
            -6.0 + 1.0 * staff as f64 + 0.5 * speed as f64 + 0.1 * price as f64 + ((e + 1e-9) / (1.0 - e + 1e-9)).ln();
        let score = if latent > 0.0 { 9 + i % 2 } else { 2 + (i * 7) % 7 };
        text.push_str(&format!("R{i},{score},{staff},{speed},{price}\n"));
    }
    common::write(dir, "promoters.csv", text.as_bytes())
}

#[test]
fn drivers_of_being_a_promoter_match_statsmodels_and_refuse_pairwise() {
    let dir = tempfile::tempdir().unwrap();
    let path = promoter_survey(dir.path());
    let file = path.to_str().unwrap();
    let json = json_of(&["drivers", file, "--json", "--promoter", "--resamples", "200"]);
    // statsmodels' Logit and numpy's eigh on the same 240 rows, written apart from this code:
    // latent R² (McKelvey-Zavoina) and Johnson's weights of the logit on the standardised
    // ratings.
    let near = |v: &serde_json::Value, want: f64| v.as_f64().is_some_and(|v| (v - want).abs() < 1e-6);
    assert_eq!(json["model"], "logistic");
    assert!(near(&json["r_squared"], LOGIT_R2), "{}", json["r_squared"]);
    let drivers = json["drivers"].as_array().unwrap();
    for (name, want) in [("staff", LOGIT_WEIGHTS[0]), ("speed", LOGIT_WEIGHTS[1]), ("prices", LOGIT_WEIGHTS[2])] {
        let d = drivers.iter().find(|d| d["name"].as_str().unwrap().contains(name)).unwrap();
        assert!(near(&d["relative_weight"], want), "{d}");
        assert!(d["shapley"].is_null(), "no Shapley values with the logistic model: {d}");
        assert!(d["ci_low"].as_f64().unwrap() < want && want < d["ci_high"].as_f64().unwrap(), "{d}");
    }
    let (code, text, stderr) = run(&["drivers", file, "--promoter", "--resamples", "0", "--lang", "da"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("Drivkræfter bag at være promotor") && text.contains("Latent R²"), "{text}");
    let (code, _, stderr) = run(&["drivers", file, "--promoter", "--pairwise"]);
    assert_eq!(code, 2, "{stderr}");
    // A project's saved Drivers options apply where the command line asks nothing else: the
    // promoter model, as the window saved it; its segment column and themes, which this file
    // lacks, are let go as the window lets them go.
    let project = dir.path().join("drivers.npsproj");
    let (code, _, stderr) = run(&["report", file, "--save-project", project.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let mut saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    saved["analysis"]["drivers"] = serde_json::json!({"promoter": true, "by": "region", "themes": true});
    std::fs::write(&project, serde_json::to_string(&saved).unwrap()).unwrap();
    let from_project = json_of(&["drivers", "--project", project.to_str().unwrap(), "--json", "--resamples", "0"]);
    assert_eq!((from_project["model"].as_str(), from_project["by"].as_str()), (Some("logistic"), None));
    assert!(near(&from_project["r_squared"], LOGIT_R2), "{from_project}");
    // --pairwise on the command line wins over the saved promoter model.
    let pairwise =
        json_of(&["drivers", "--project", project.to_str().unwrap(), "--json", "--resamples", "0", "--pairwise"]);
    assert_eq!((pairwise["model"].as_str(), pairwise["missing"].as_str()), (Some("linear"), Some("pairwise")));
    // A complaint only non-promoters make: the promoter model cannot weigh a perfect split, so
    // the theme is left out and named (the linear model keeps it).
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines = text.lines();
    let mut commented = format!("{},Comment\n", lines.next().unwrap());
    for (i, line) in lines.enumerate() {
        let score: u32 = line.split(',').nth(1).unwrap().parse().unwrap();
        let comment = match (score < 9 && i % 9 == 0, i % 3) {
            (true, _) => "Far too expensive, the prices are a rip-off",
            (false, 0) => "All good, nothing to add",
            _ => "",
        };
        commented.push_str(&format!("{line},{comment}\n"));
    }
    let themed = common::write(dir.path(), "themed.csv", commented.as_bytes());
    let themed = themed.to_str().unwrap();
    let split = json_of(&["drivers", themed, "--json", "--promoter", "--themes", "--resamples", "0"]);
    let separated: Vec<&str> = split["separated"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(separated.len(), 1, "{split}");
    assert!(split["drivers"].as_array().unwrap().iter().all(|d| d["name"] != separated[0]), "{split}");
    let linear = json_of(&["drivers", themed, "--json", "--themes", "--resamples", "0"]);
    assert!(linear["drivers"].as_array().unwrap().iter().any(|d| d["name"] == separated[0]), "{linear}");
    // Everyone a promoter: said in words.
    let everyone = common::write(
        dir.path(),
        "all.csv",
        b"id,How likely are you to recommend us? (0-10),How satisfied are you with our staff? (1-5)\nA,9,4\nB,10,5\nC,9,3\nD,10,4\n",
    );
    let (code, _, stderr) = run(&["drivers", everyone.to_str().unwrap(), "--promoter"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("every respondent with an answer to every driver is a promoter"), "{stderr}");
}

#[test]
fn drivers_give_johnsons_weights_shapley_values_and_intervals_as_numpy_computes_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = rated_survey(dir.path());
    let file = path.to_str().unwrap();
    let json = json_of(&["drivers", file, "--json", "--resamples", "300"]);
    // numpy on the same 73 complete rows (Johnson 2000 and the LMG formula, written apart from
    // this code): R² 0.9157833123; Johnson 0.5903162285, 0.3042264923, 0.02124059155; Shapley
    // 0.5877993545, 0.3021516296, 0.02583232813.
    let near = |v: &serde_json::Value, want: f64| v.as_f64().is_some_and(|v| (v - want).abs() < 1e-6);
    assert!(near(&json["r_squared"], 0.9157833123), "{}", json["r_squared"]);
    assert_eq!((json["n_used"].as_u64(), json["n_answered"].as_u64()), (Some(73), Some(80)));
    let drivers = json["drivers"].as_array().unwrap();
    let driver = |name: &str| drivers.iter().find(|d| d["name"].as_str().unwrap().contains(name)).unwrap();
    for (name, johnson, shapley) in [
        ("staff", 0.5903162285, 0.5877993545),
        ("speed", 0.3042264923, 0.3021516296),
        ("prices", 0.02124059155, 0.02583232813),
    ] {
        let d = driver(name);
        assert!(near(&d["relative_weight"], johnson) && near(&d["shapley"], shapley), "{d}");
        let (low, high) = (d["ci_low"].as_f64().unwrap(), d["ci_high"].as_f64().unwrap());
        assert!(low < johnson && johnson < high, "{name}: {low} .. {high}");
        assert!(d["performance"].is_number() && d["quadrant"].is_string(), "{d}");
    }
    // The ratings were found by their wording and stated scales.
    assert_eq!(driver("prices")["source"]["metric"], "rating10");
    assert_eq!(driver("speed")["source"]["metric"], "rating5");
    // Staff and speed matter most: kept or fixed; prices matter least.
    assert!(["keep", "fix"].contains(&driver("staff")["quadrant"].as_str().unwrap()));
    assert!(["monitor", "less_important"].contains(&driver("prices")["quadrant"].as_str().unwrap()));
    // Pairwise: every respondent with a score and a rating, the thinnest correlation on 73.
    let pairwise = json_of(&["drivers", file, "--json", "--resamples", "0", "--pairwise"]);
    assert_eq!((pairwise["n_used"].as_u64(), pairwise["n_smallest_pair"].as_u64()), (Some(80), Some(73)));
    // Per region, and the readable table in Dutch.
    let by = json_of(&["drivers", file, "--json", "--resamples", "0", "--by", "region"]);
    let segments = by["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 2);
    assert!(segments.iter().all(|s| s["n_used"].as_u64().is_some_and(|n| n < 73)), "{segments:?}");
    let (code, text, stderr) = run(&["drivers", file, "--lang", "nl", "--resamples", "100"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(text.contains("Drijfveren van de aanbevelingsscore") && text.contains("Relatief gewicht"), "{text}");
    // --out: the JSON, the map of everyone and of each region, the tables, report and deck.
    let out = dir.path().join("out");
    let (code, _, stderr) =
        run(&["drivers", file, "--by", "region", "--resamples", "50", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    for name in [
        "drivers.json",
        "drivers.svg",
        "drivers.png",
        "drivers-2.svg",
        "drivers-3.png",
        "report.pdf",
        "deck.pptx",
        "tables.xlsx",
    ] {
        assert!(out.join(name).is_file(), "{name} missing: {stderr}");
    }
    let svg = std::fs::read_to_string(out.join("drivers.svg")).unwrap();
    assert!(svg.contains("Importance (% of R²)") && svg.contains("How satisfied are you with our staff"), "{svg}");
    assert!(svg.contains("stroke-dasharray"), "the medians are dashed cross-hairs");
    // A question asked in the North only: left out of the South's analysis, and said so.
    let mut routed =
        String::from("region,How likely are you to recommend us? (0-10),Rate our staff (1-5),Rate the speed (1-5)\n");
    for i in 0..60i64 {
        let (staff, speed) = (1 + (i * 7) % 5, 1 + (i * 3) % 5);
        let north = i % 2 == 0;
        let score = (2 * staff + if north { speed } else { 2 } - 2 + i % 3).clamp(0, 10);
        let speed = if north { speed.to_string() } else { String::new() };
        routed.push_str(&format!("{},{score},{staff},{speed}\n", if north { "North" } else { "South" }));
    }
    let routed = common::write(dir.path(), "routed.csv", routed.as_bytes());
    let routed = routed.to_str().unwrap();
    let json = json_of(&["drivers", routed, "--json", "--resamples", "0", "--by", "region"]);
    let south = json["segments"].as_array().unwrap().iter().find(|s| s["value"] == "South").unwrap().clone();
    assert_eq!(south["left_out"], serde_json::json!(["Rate the speed (1-5)"]), "{south}");
    assert_eq!(south["drivers"].as_array().map(Vec::len), Some(1));
    // Pairwise over everyone, the speed's correlations rest on the North alone and the staff's on
    // both regions: here they do not fit together, and the analysis says so instead of an R².
    let (code, _, stderr) = run(&["drivers", routed, "--resamples", "0", "--pairwise"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("do not fit together"), "{stderr}");
    // A filter column named in another case is the file's column; one it lacks is a usage error.
    let filtered = json_of(&["drivers", file, "--json", "--resamples", "0", "--filter", "REGION=North"]);
    assert_eq!(filtered["n_answered"].as_u64(), Some(40));
    let (code, _, stderr) = run(&["drivers", file, "--filter", "channel=web"]);
    assert_eq!(code, 2, "{stderr}");
    // A file without ratings, and a --by column it does not have.
    let (code, _, stderr) = run(&["drivers", file, "--by", "channel"]);
    assert_eq!(code, 2, "{stderr}");
    let plain = common::write(dir.path(), "plain.csv", b"nps\n9\n3\n10\n7\n");
    let (code, _, stderr) = run(&["drivers", plain.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("no rating question to analyse"), "{stderr}");
}

#[test]
fn report_rakes_to_population_margins_and_carries_the_design_effect() {
    let dir = tempfile::tempdir().unwrap();
    // The reference's hand check: cells (A,x) 30, (A,y) 20, (B,x) 10, (B,y) 40; targets A 60% /
    // B 40% and x 50% / y 50%. Scores: (A,x) 10, (A,y) 0, (B,x) 8, (B,y) 7.
    let mut text = String::from("group;age;How likely are you to recommend us? (0-10)\n");
    for (group, age, count, score) in [("A", "x", 30, 10), ("A", "y", 20, 0), ("B", "x", 10, 8), ("B", "y", 40, 7)] {
        for _ in 0..count {
            text.push_str(&format!("{group};{age};{score}\n"));
        }
    }
    let survey = common::write(dir.path(), "cells.csv", text.as_bytes());
    let margins =
        common::write(dir.path(), "margins.csv", b"column,value,share\ngroup,A,0.6\ngroup,B,0.4\nage,x,50\nage,y,50\n");
    let margins_path = margins.to_str().unwrap();
    let unweighted = json_of(&["report", survey.to_str().unwrap(), "--json"]);
    assert_eq!(unweighted["weighted"], false);
    assert!(close(&unweighted["overall"]["nps"], 10.0));
    let json = json_of(&["report", survey.to_str().unwrap(), "--json", "--rake", margins_path]);
    assert_eq!(json["weighted"], true);
    let near =
        |v: &serde_json::Value, want: f64, tolerance: f64| v.as_f64().is_some_and(|v| (v - want).abs() < tolerance);
    // Weights 4/3, 1, 1, 0.75: cell shares 0.4, 0.2, 0.1, 0.3, so promoters 40% and detractors 20%.
    assert!(near(&json["overall"]["nps"], 20.0, 1e-4), "{}", json["overall"]["nps"]);
    assert!(near(&json["effective_n"], 94.488189, 1e-5), "{}", json["effective_n"]);
    assert!(near(&json["design_effect"], 1.058333, 1e-5), "{}", json["design_effect"]);
    let reached = json["raking"]["margins"].as_array().unwrap();
    assert_eq!(reached.len(), 4);
    for m in reached {
        assert!(near(&m["achieved"], m["target"].as_f64().unwrap(), 1e-6), "{m}");
    }
    assert_eq!(json["columns"]["weight"], "raked_weight");
    // The readable report says it; trimming is asked as LO,HI.
    let (code, table, stderr) = run(&["report", survey.to_str().unwrap(), "--rake", margins_path, "--lang", "en"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(table.contains("raking on group, age") && table.contains("design effect 1.06"), "{table}");
    let (code, _, stderr) = run(&["report", survey.to_str().unwrap(), "--rake", margins_path, "--trim", "3,0.3"]);
    assert_eq!(code, 2, "{stderr}");
    // A value without a target names the row and column; shares that do not add up name the file.
    let partial = common::write(dir.path(), "partial.csv", b"column;value;share\ngroup;A;1\n");
    let (code, _, stderr) = run(&["report", survey.to_str().unwrap(), "--rake", partial.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("column 'group'") && stderr.contains("'B' has no target") && stderr.contains("row "),
        "{stderr}"
    );
    let uneven = common::write(dir.path(), "uneven.csv", b"column;value;share\ngroup;A;0,5\ngroup;B;0,4\n");
    let (code, _, stderr) = run(&["report", survey.to_str().unwrap(), "--rake", uneven.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("uneven.csv") && stderr.contains("add up to 0.9"), "{stderr}");
    // --out takes the weights along as a column: spreadsheet row and weight.
    let out = dir.path().join("raked");
    let (code, _, stderr) = run(&[
        "report",
        survey.to_str().unwrap(),
        "--rake",
        margins_path,
        "--out",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let weights = std::fs::read_to_string(out.join("weights.csv")).unwrap();
    let rows: Vec<(u32, f64)> = weights
        .lines()
        .skip(1)
        .map(|l| {
            let (row, weight) = l.trim_start_matches('\u{feff}').split_once(',').unwrap();
            (row.parse().unwrap(), weight.parse().unwrap())
        })
        .collect();
    assert_eq!(rows.len(), 100, "{weights}");
    // Row 2 is the first (A, x) respondent: 4/3; the weights add up to the respondents.
    assert_eq!(rows[0].0, 2);
    assert!((rows[0].1 - 4.0 / 3.0).abs() < 1e-5, "{:?}", rows[0]);
    assert!((rows.iter().map(|r| r.1).sum::<f64>() - 100.0).abs() < 1e-3);
    // A project remembers the margins, and the roles as the file has them.
    let project = dir.path().join("cells.npsproj");
    let (code, _, stderr) =
        run(&["report", survey.to_str().unwrap(), "--rake", margins_path, "--save-project", project.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(saved["weighting"]["margins"].as_array().map(Vec::len), Some(2), "{saved}");
    assert!(!saved.to_string().contains("\"column\":\"raked_weight\""), "{saved}");
    let again = json_of(&["report", "--project", project.to_str().unwrap(), "--json"]);
    assert_eq!(again["weighted"], true);
    assert!(near(&again["overall"]["nps"], 20.0, 1e-4), "{}", again["overall"]["nps"]);
    // The drivers take margins too: weighted, and the raking reported.
    let rated = rated_survey(dir.path());
    let regions = common::write(dir.path(), "regions.csv", b"column;value;count\nregion;North;700\nregion;South;300\n");
    let json = json_of(&[
        "drivers",
        rated.to_str().unwrap(),
        "--json",
        "--resamples",
        "0",
        "--rake",
        regions.to_str().unwrap(),
    ]);
    assert_eq!(json["weighted"], true);
    let unweighted = json_of(&["drivers", rated.to_str().unwrap(), "--json", "--resamples", "0"]);
    assert!((json["r_squared"].as_f64().unwrap() - unweighted["r_squared"].as_f64().unwrap()).abs() > 1e-6);
    let north = json["raking"]["margins"].as_array().unwrap().iter().find(|m| m["value"] == "North").unwrap().clone();
    assert!(near(&north["achieved"], 0.7, 1e-6), "{north}");
}
