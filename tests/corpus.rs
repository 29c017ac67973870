//! The real exports in ../shared/corpus (read in place, never copied): the files with a 0-10
//! question give the n and NPS counted by hand; the others are refused with a reason.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::PathBuf;

use nps_workbench::report::{ReportRequest, report_for_file};

fn corpus(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus").join(name);
    assert!(path.exists(), "{} is missing: the tests need ../shared beside the project", path.display());
    path
}

#[test]
fn google_forms_export() {
    let r = report_for_file(&corpus("zzzbitz__prepbench__case_040_input_01.csv"), &ReportRequest::default()).unwrap();
    assert_eq!(r.columns.score, "On a scale of 0-10, how would you rate Sudzilla?");
    assert_eq!((r.overall.n, r.overall.detractors, r.overall.passives, r.overall.promoters), (39, 22, 9, 8));
    assert!((r.overall.nps - -35.8974).abs() < 1e-3);
}

#[test]
fn nps_tool_export_with_float_scores_and_out_of_range_values() {
    let r =
        report_for_file(&corpus("mustafa-guney34__customer-operations-analytics__nps.csv"), &ReportRequest::default())
            .unwrap();
    assert_eq!(r.rows_read, 3145);
    assert_eq!((r.overall.n, r.overall.detractors, r.overall.passives, r.overall.promoters), (3143, 1574, 939, 630));
    assert!((r.overall.nps - -30.0350).abs() < 1e-3);
    assert_eq!(r.excluded.len(), 1);
    assert_eq!(r.excluded[0].reason, "out_of_range");
    assert_eq!(r.excluded[0].examples, vec![2450, 2882]);
    assert_eq!(r.excluded[0].values, vec!["11.0", "11.0"]);
}

#[test]
fn exports_without_a_0_10_question_are_refused_with_a_reason() {
    for (name, layout) in [
        ("fivethirtyeight__data__StarWars.csv", "SurveyMonkey export, 2 header rows; "),
        ("UVADS__DS-4002__Hot-Dog-Form-Fa24.csv", "Microsoft Forms export; "),
        ("deikealbers__Multilab_Analysis_oldLaptop__Exp01_HC_HMI_CompleteReplies.csv", "LimeSurvey export; "),
        ("ropensci__qualtRics__sample.csv", "Qualtrics export, 3 header rows; "),
        ("ropensci__qualtRics__sample_legacy.csv", "Qualtrics legacy export, 2 header rows; "),
    ] {
        let message = report_for_file(&corpus(name), &ReportRequest::default()).unwrap_err().to_string();
        assert!(message.starts_with(&format!("{name}: {layout}no column with 0-10 scores")), "{message}");
    }
}
