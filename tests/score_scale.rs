//! Issue 26, part 3: a scale is a claim checked against the header. A recommend question asked on
//! another scale is never read as 0-10, recommend wording is known in all its forms, and the
//! command line does not guess which 0-10 question is the NPS.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use common::run;
use std::path::Path;

fn file(dir: &Path, name: &str, text: &str) -> String {
    common::write(dir, name, text.as_bytes()).to_str().unwrap().to_owned()
}

/// `n` rows of a one-column survey headed `header`, answers cycling through `answers`.
fn survey(header: &str, answers: &[u8], n: usize) -> String {
    let mut text = format!("\"{header}\",region\n");
    for i in 0..n {
        text.push_str(&format!("{},{}\n", answers[i % answers.len()], if i % 2 == 0 { "North" } else { "South" }));
    }
    text
}

fn nps(args: &[&str]) -> f64 {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, stdout, stderr) = run(&all);
    assert_eq!(code, 0, "{stderr}");
    let j: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(j["columns"]["score_guessed"], false);
    j["overall"]["nps"].as_f64().unwrap()
}

#[test]
fn a_recommend_question_whose_header_states_another_scale_is_not_read_as_0_to_10() {
    let dir = tempfile::tempdir().unwrap();
    // Once read as 0-10: NPS -100 with no note.
    for (header, scale) in [
        ("How likely are you to recommend us? (1-5)", "1-5"),
        ("Would you recommend us, on a scale from 1 to 7?", "1-7"),
        ("Zou u ons aanbevelen, op een schaal van 1 tot 5?", "1-5"),
        ("Vil du anbefale os? (1-10)", "1-10"),
    ] {
        let path = file(dir.path(), "five.csv", &survey(header, &[4, 5, 3, 5, 2], 10));
        let (code, stdout, stderr) = run(&["report", &path]);
        assert_eq!((code, stdout.as_str()), (1, ""), "{header}");
        assert_eq!(
            stderr.trim_end(),
            format!(
                "nps-workbench: five.csv: the NPS question '{header}' states a {scale} scale in its header, but the \
                 Net Promoter Score needs 0-10 answers; name the 0-10 question (--score COLUMN), or, if these \
                 answers are 0-10 after all, say so (--score-scale 0-10)"
            )
        );
        // Forced onto it, the same; told the scale, it is read as asked.
        assert_eq!(run(&["report", &path, "--score", "1"]).0, 1, "{header}");
        assert!((nps(&["report", &path, "--score-scale", "0-10"]) + 100.0).abs() < 1e-9);
    }
    // Beside a recommend question on 0-10, the one stating another scale is passed over.
    let mut text = String::from("\"Would you recommend the app? (1-5)\",\"Would you recommend us? (0-10)\"\n");
    for (a, b) in [(5, 9), (4, 10), (5, 3), (2, 9)] {
        text.push_str(&format!("{a},{b}\n"));
    }
    let path = file(dir.path(), "both.csv", &text);
    assert!((nps(&["report", &path]) - 50.0).abs() < 1e-9);
    // Another scale is not told with --score-scale.
    let (code, _, stderr) = run(&["report", &path, "--score-scale", "1-5"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("'1-5'") && stderr.contains("--score-scale"), "{stderr}");
}

#[test]
fn a_forced_or_remembered_score_column_that_holds_1_to_5_answers_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let five = file(dir.path(), "rating.csv", &survey("Satisfaction", &[4, 5, 3, 5, 2, 1], 24));
    let (code, _, stderr) = run(&["report", &five, "--score", "Satisfaction"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("the NPS question 'Satisfaction' has 24 answers, every one of them 1-5, but the Net Promoter"),
        "{stderr}"
    );
    assert!((nps(&["report", &five, "--score", "Satisfaction", "--score-scale", "0-10"]) + 100.0).abs() < 1e-9);
    // A project made on a 0-10 file, applied to a wave whose column now holds 1-5 answers.
    let q1 = file(dir.path(), "q1.csv", &survey("Score", &[9, 10, 3, 8, 6], 24));
    let q2 = file(dir.path(), "q2.csv", &survey("Score", &[4, 5, 3, 5, 2, 1], 24));
    let project = dir.path().join("p.nps.json");
    let project = project.to_str().unwrap();
    let (code, _, stderr) = run(&["report", &q1, "--score", "Score", "--save-project", project]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = run(&["report", &q2, "--project", project]);
    assert_eq!(code, 1);
    assert!(stderr.contains("the NPS question 'Score' has 24 answers, every one of them 1-5"), "{stderr}");
    assert!((nps(&["report", &q2, "--project", project, "--score-scale", "0-10"]) + 100.0).abs() < 1e-9);
    // Said once and saved, the project remembers it.
    let confirmed = dir.path().join("confirmed.nps.json");
    let confirmed = confirmed.to_str().unwrap();
    let saved = ["report", &q2, "--project", project, "--score-scale", "0-10", "--save-project", confirmed];
    let (code, _, stderr) = run(&saved);
    assert_eq!(code, 0, "{stderr}");
    assert!((nps(&["report", &q2, "--project", confirmed]) + 100.0).abs() < 1e-9);
    // Fewer answers may be a 0-10 question nobody scored high on: read, not refused.
    let few = file(dir.path(), "few.csv", &survey("Would you recommend us?", &[4, 5, 3, 5, 2, 1], 12));
    assert!((nps(&["report", &few]) + 100.0).abs() < 1e-9);
}

#[test]
fn recommend_wording_is_known_in_all_its_forms_in_four_languages() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "Aanbevelingsscore (0-10)",
        "Hoe waarschijnlijk is het dat u ons aanbeveelt?",
        "Zou u ons aanraden bij vrienden?",
        "Anbefalingsscore",
        "Hvor sandsynligt er det, at du vil anbefale os?",
        "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?",
        "Weiterempfehlung",
        "Empfiehlt ihr uns?",
        "Likelihood to Recommend",
        "Recommendation (0-10)",
    ] {
        // A 0-10 question before it would be guessed if the header were not understood.
        let mut text = format!("Quality (0-10),\"{header}\"\n");
        for (q, r) in [(9, 10), (3, 9), (10, 2), (8, 9)] {
            text.push_str(&format!("{q},{r}\n"));
        }
        let path = file(dir.path(), "words.csv", &text);
        let (code, stdout, stderr) = run(&["report", &path, "--json"]);
        assert_eq!(code, 0, "{header}: {stderr}");
        let j: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        assert_eq!(j["columns"]["score"].as_str(), Some(header), "{header}");
        assert_eq!(j["columns"]["score_guessed"], false, "{header}");
    }
}
