//! Every layout clients send, each on a fixture written here that reproduces its quirks (see
//! ../shared/corpus/README.md), checked for the layout named, n, NPS and the detected roles.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use nps_workbench::import::{ImportOptions, Role};
use nps_workbench::report::{Report, ReportRequest, report_for_file};
use rust_xlsxwriter::{Format, Workbook};

fn report(path: &std::path::Path) -> Report {
    report_for_file(path, &ReportRequest::default()).unwrap_or_else(|e| panic!("{e}"))
}

/// NPS of counts, computed here from its definition.
fn nps(detractors: u64, passives: u64, promoters: u64) -> f64 {
    (promoters as f64 - detractors as f64) / (detractors + passives + promoters) as f64 * 100.0
}

fn role_of(r: &Report, column: &str) -> Role {
    r.columns.roles.iter().find(|c| c.column == column).unwrap_or_else(|| panic!("no column '{column}'")).role
}

/// Checks layout, counts and NPS.
fn check(r: &Report, layout: &str, counts: (u64, u64, u64)) {
    assert_eq!(r.layout, layout, "layout of {}", r.source.file);
    let o = &r.overall;
    assert_eq!((o.detractors, o.passives, o.promoters), counts, "counts of {}", r.source.file);
    assert!((o.nps - nps(counts.0, counts.1, counts.2)).abs() < 1e-9);
}

const QUALTRICS_IDS: &str = "StartDate,EndDate,Status,Progress,ResponseId,Q1,Q1_NPS_GROUP,Q2,Q2 - Topics,Q3";
const QUALTRICS_TEXT: &str = "Start Date,End Date,Response Type,Progress,Response ID,\
    How likely are you to recommend us to a friend?,How likely... - Group,Why?,Q2 - Topics,Which region?";

fn qualtrics(import_row: impl Fn(&str) -> String) -> String {
    let ids = [
        "startDate",
        "endDate",
        "status",
        "progress",
        "_recordId",
        "QID1",
        "QID1_NPS_GROUP",
        "QID2",
        "QID2_TOPICS",
        "QID3",
    ];
    let mut text = format!("{QUALTRICS_IDS}\n{QUALTRICS_TEXT}\n");
    text.push_str(&ids.iter().map(|id| import_row(id)).collect::<Vec<_>>().join(","));
    text.push('\n');
    for (i, (score, group, region)) in
        [("9", "3", "North"), ("10", "3", "South"), ("7", "2", "North"), ("3", "1", "South"), ("9", "3", "North")]
            .iter()
            .enumerate()
    {
        text.push_str(&format!(
            "2025-03-0{d} 10:00:00,2025-03-0{d} 10:05:00,0,100,R_{i}abc,{score},{group},\"Good, fast\",Service,{region}\n",
            d = i + 1
        ));
    }
    text
}

#[test]
fn qualtrics_current_three_header_rows() {
    let dir = tempfile::tempdir().unwrap();
    let text = qualtrics(|id| format!("\"{{\"\"ImportId\"\":\"\"{id}\"\"}}\""));
    let r = report(&common::write(dir.path(), "qualtrics.csv", text.as_bytes()));
    check(&r, "qualtrics", (1, 1, 3));
    assert_eq!(r.layout_label, "Qualtrics export, 3 header rows");
    assert_eq!(r.source.header_rows, 3);
    assert_eq!(r.columns.score, "How likely are you to recommend us to a friend?");
    assert_eq!(role_of(&r, "How likely... - Group"), Role::Ignore);
    assert_eq!(role_of(&r, "Q2 - Topics"), Role::Ignore);
    assert_eq!(role_of(&r, "Response ID"), Role::RespondentId);
    assert_eq!(role_of(&r, "Start Date"), Role::Date);
    assert_eq!(role_of(&r, "Which region?"), Role::Segment);
    // The first data row is spreadsheet row 4.
    let by_code = report_for_file(
        &dir.path().join("qualtrics.csv"),
        &ReportRequest { by: vec!["Q3".into()], ..ReportRequest::default() },
    )
    .unwrap();
    assert_eq!(by_code.segments.len(), 2);
}

#[test]
fn qualtrics_2016_single_quoted_import_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = qualtrics(|id| format!("{{'ImportId': '{id}'}}"));
    let r = report(&common::write(dir.path(), "insights.csv", text.as_bytes()));
    check(&r, "qualtrics_2016", (1, 1, 3));
    assert_eq!(role_of(&r, "How likely... - Group"), Role::Ignore);
}

#[test]
fn qualtrics_legacy_v_codes_bom_and_trailing_empty_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("\u{feff}V1,V2,V3,V4,V5,Q1,Q2,\n");
    text.push_str(
        "ResponseID,ResponseSet,Name,StartDate,EndDate,How likely is it that you would recommend us?,Comment,\n",
    );
    for (i, score) in ["10", "8", "2", "6", "9", "9"].iter().enumerate() {
        text.push_str(&format!(
            "R_{i}x,Default Response Set,Anonymous,2016-01-0{d} 09:00,2016-01-0{d} 09:03,{score},ok,\n",
            d = i + 1
        ));
    }
    let r = report(&common::write(dir.path(), "legacy.csv", text.as_bytes()));
    check(&r, "qualtrics_legacy", (2, 1, 3));
    assert_eq!(r.source.encoding, Some("UTF-8 with BOM"));
    assert_eq!(role_of(&r, "ResponseID"), Role::RespondentId);
    assert_eq!(role_of(&r, "Column H"), Role::Ignore);
}

#[test]
fn surveymonkey_two_rows_labels_windows_1252_and_expanded_choices() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "Respondent ID,Collector ID,Start Date,How likely is it that you would recommend us to a friend?,\
         Which region are you in?,,,What could we do better?\n",
    );
    text.push_str(",,,Response,Noord,Zuid,Oost,Open-Ended Response\n");
    let rows = [
        ("10 - Extremely likely", "Noord", "", "", "Niets, ga zo door"),
        ("9", "", "Zuid", "", "Snellere levering"),
        ("0 - Not at all likely", "", "", "Oost", "Prijs \u{2018}te hoog\u{2019} en caf\u{e9} dicht"),
        ("7", "Noord", "", "", ""),
        ("8", "", "Zuid", "", ""),
    ];
    for (i, (score, a, b, c, why)) in rows.iter().enumerate() {
        text.push_str(&format!("11{i},4321,12/2{i}/2025 10:00:00 AM,{score},{a},{b},{c},\"{why}\"\n"));
    }
    let r = report(&common::write(dir.path(), "monkey.csv", &common::windows_1252(&text)));
    check(&r, "surveymonkey_expanded", (1, 2, 2));
    assert_eq!(r.source.encoding, Some("Windows-1252"));
    assert_eq!(r.source.merged_choices.len(), 1);
    assert_eq!(r.source.merged_choices[0].column, "Which region are you in?");
    assert_eq!(role_of(&r, "Which region are you in?"), Role::Segment);
    assert_eq!(role_of(&r, "What could we do better?"), Role::Comment);
    assert_eq!(role_of(&r, "Respondent ID"), Role::RespondentId);
    let by_region = report_for_file(
        &dir.path().join("monkey.csv"),
        &ReportRequest { by: vec!["Which region are you in?".into()], ..ReportRequest::default() },
    )
    .unwrap();
    let north = by_region.segments.iter().find(|s| s.value == "Noord").unwrap();
    assert_eq!(north.summary.n, 2);

    // Without choice columns it is the plain SurveyMonkey layout.
    let plain = "Respondent ID,Collector ID,How likely are you to recommend us?\n,,Response\n1,9,10\n2,9,3\n";
    let r = report(&common::write(dir.path(), "monkey2.csv", plain.as_bytes()));
    check(&r, "surveymonkey", (1, 0, 1));
}

#[test]
fn google_forms_in_four_languages_with_day_first_timestamps() {
    let dir = tempfile::tempdir().unwrap();
    for (first, question) in [
        ("Timestamp", "How likely are you to recommend us?"),
        ("Tijdstempel", "Hoe waarschijnlijk is het dat u ons aanbeveelt?"),
        ("Tidsstempel", "Hvor sandsynligt er det, at du vil anbefale os?"),
        ("Zeitstempel", "Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?"),
    ] {
        let mut text = format!("{first},{question},Why?\n");
        for (i, s) in ["9", "10", "4", "8"].iter().enumerate() {
            text.push_str(&format!("1{i}-11-2025 14:0{i}:00,{s},\"text, with comma\"\n"));
        }
        let r = report(&common::write(dir.path(), &format!("{first}.csv"), text.as_bytes()));
        check(&r, "google_forms", (1, 1, 2));
        assert_eq!(role_of(&r, first), Role::Date, "{first}");
        assert_eq!(r.columns.date.as_deref(), Some(first));
    }
}

#[test]
fn microsoft_forms_english_csv_and_dutch_xlsx() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Id,Start time,Completion time,Email,Name,How likely are you to recommend us?,Comments\n\
                1,1/5/2025 9:01,1/5/2025 9:03,anonymous,,9,Great\n\
                2,1/5/2025 9:11,1/5/2025 9:13,anonymous,,6,Slow\n\
                3,1/13/2025 9:21,1/13/2025 9:23,anonymous,,10,\n";
    let r = report(&common::write(dir.path(), "forms.csv", &common::windows_1252(text)));
    check(&r, "microsoft_forms", (1, 0, 2));
    assert_eq!(role_of(&r, "Email"), Role::Ignore);
    assert_eq!(role_of(&r, "Id"), Role::RespondentId);

    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Hoe waarschijnlijk beveelt u ons aan?"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd-mm-yyyy hh:mm");
    for (i, score) in [7.0, 8.0, 3.0, 10.0].iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, f64::from(row)).unwrap();
        sheet.write_number_with_format(row, 1, 45_700.5 + i as f64, &date).unwrap();
        sheet.write_number_with_format(row, 2, 45_700.6 + i as f64, &date).unwrap();
        sheet.write_string(row, 3, "anoniem").unwrap();
        sheet.write_number(row, 5, *score).unwrap();
    }
    let path = dir.path().join("formulier.xlsx");
    book.save(&path).unwrap();
    let r = report(&path);
    check(&r, "microsoft_forms", (1, 2, 1));
    assert_eq!(role_of(&r, "Begintijd"), Role::Date);
}

#[test]
fn typeform_token_html_headers_and_repeated_questions() {
    let dir = tempfile::tempdir().unwrap();
    let text = "#,<strong>How likely</strong> are you to recommend us?,Why or why not?,Why or why not?,Start Date (UTC),Submit Date (UTC),Network ID\n\
                abc1,10,Great,,2025-02-01 10:00:00,2025-02-01 10:02:00,n1\n\
                abc2,5,,Too slow,2025-02-02 10:00:00,2025-02-02 10:02:00,n2\n\
                abc3,8,Fine,,2025-02-03 10:00:00,2025-02-03 10:02:00,n3\n";
    let r = report(&common::write(dir.path(), "typeform.csv", text.as_bytes()));
    check(&r, "typeform", (1, 1, 1));
    assert_eq!(r.columns.score, "How likely are you to recommend us?");
    assert_eq!(role_of(&r, "#"), Role::RespondentId);
    assert_eq!(role_of(&r, "Why or why not? (2)"), Role::Comment);
    assert_eq!(role_of(&r, "Network ID"), Role::Ignore);
}

#[test]
fn limesurvey_codes_duplicates_bom_quotes_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "\u{feff}\"id\",\"submitdate\",\"lastpage\",\"startlanguage\",\"seed\",\"NPS\",\"FAS[SQ001]\",\"FAS[SQ001]\",\"Opmerking\"\r\n",
    );
    for (i, (score, note)) in
        [("9", "Prima"), ("N/A", "Geen mening"), ("2", "Slecht\nheel slecht"), ("8", "")].iter().enumerate()
    {
        text.push_str(&format!(
            "\"{id}\",\"2025-04-0{id} 12:00:00\",\"3\",\"nl\",\"{seed}\",\"{score}\",\"A{i}\",\"B\",\"{note}\"\r\n",
            id = i + 1,
            seed = 1000 + i
        ));
    }
    let r = report(&common::write(dir.path(), "lime.csv", text.as_bytes()));
    check(&r, "limesurvey", (1, 1, 1));
    assert_eq!(r.excluded.len(), 1);
    assert_eq!(r.excluded[0].examples, [3]);
    assert_eq!(role_of(&r, "lastpage"), Role::Ignore);
    assert_eq!(role_of(&r, "Opmerking"), Role::Comment);
    assert!(r.columns.roles.iter().any(|c| c.column == "FAS[SQ001] (2)"));
}

#[test]
fn long_format_is_pivoted_to_one_row_per_respondent() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Respondent;Vraag;Antwoord\n");
    for (id, score, region) in [("r1", "9", "Noord"), ("r2", "6", "Zuid"), ("r3", "10", "Noord"), ("r4", "7", "Zuid")] {
        text.push_str(&format!("{id};Aanbevelen (0-10);{score}\n{id};Regio;{region}\n"));
    }
    let r = report(&common::write(dir.path(), "lang.csv", text.as_bytes()));
    check(&r, "long_format", (1, 1, 2));
    assert_eq!(r.rows_read, 4);
    assert_eq!(role_of(&r, "Regio"), Role::Segment);
}

#[test]
fn hand_made_workbook_title_merged_header_totals_and_a_notes_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let notes = book.add_worksheet().set_name("Toelichting").unwrap();
    notes.write_string(0, 0, "Deze enquête liep in maart 2025.").unwrap();
    notes.write_string(1, 0, "Vragen: bel de afdeling Klantcontact.").unwrap();
    let sheet = book.add_worksheet().set_name("Antwoorden").unwrap();
    sheet.write_string(0, 0, "Klanttevredenheid maart 2025").unwrap();
    sheet.write_string(2, 0, "Klant").unwrap();
    sheet.merge_range(2, 1, 2, 2, "Scores", &Format::new()).unwrap();
    sheet.write_string(2, 3, "Regio").unwrap();
    sheet.write_string(3, 1, "Aanbevelen").unwrap();
    sheet.write_string(3, 2, "CES").unwrap();
    let rows = [
        ("Bakker BV", 9.0, 6.0, "Noord"),
        ("De Vries", 4.0, 2.0, "Zuid"),
        ("Jansen", 8.0, 5.0, "Noord"),
        ("Smit", 10.0, 7.0, "Zuid"),
    ];
    for (i, (who, score, ces, region)) in rows.iter().enumerate() {
        let r = i as u32 + 4;
        sheet.write_string(r, 0, *who).unwrap();
        sheet.write_number(r, 1, *score).unwrap();
        sheet.write_number(r, 2, *ces).unwrap();
        sheet.write_string(r, 3, *region).unwrap();
    }
    sheet.write_string(9, 0, "Totaal").unwrap();
    sheet.write_number(9, 1, 7.75).unwrap();
    let path = dir.path().join("handwerk.xlsx");
    book.save(&path).unwrap();
    let r = report(&path);
    check(&r, "hand_made", (1, 1, 2));
    assert_eq!(r.source.sheet.as_deref(), Some("Antwoorden"));
    assert_eq!(r.source.sheets, ["Toelichting", "Antwoorden"]);
    assert_eq!(r.source.header_row, 3);
    assert_eq!(r.source.title_rows, 1);
    assert_eq!(r.source.footer_rows, [10]);
    assert_eq!(r.columns.score, "Scores - Aanbevelen");
    assert_eq!(role_of(&r, "Scores - CES"), Role::CesAgree);
    assert_eq!(role_of(&r, "Regio"), Role::Segment);
    // The user can still pick the notes sheet, and is told it has no scores.
    let e = report_for_file(
        &path,
        &ReportRequest {
            import: ImportOptions { sheet: Some("Toelichting".into()), ..ImportOptions::default() },
            ..ReportRequest::default()
        },
    )
    .unwrap_err();
    assert!(e.to_string().starts_with("handwerk.xlsx, sheet 'Toelichting': "), "{e}");
}

#[test]
fn utf16_unicode_text_month_first_dates_serial_dates_and_long_ids() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Klant-ID\tDatum\tIngevoerd (datum)\tAanbevelen\n2.00112E+11\t3/14/2025\t45947.45882\t9\n\
                000123\t3/15/2025\t45948\t3 \n000124\t4/2/2025\t45949.1\t10\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let table = nps_workbench::import::read_file(
        &common::write(dir.path(), "unicode.txt", &bytes),
        &ImportOptions::default(),
        &mut |_| true,
    )
    .unwrap();
    assert_eq!(table.source.delimiter, Some('\t'));
    assert_eq!(table.rows.cell(0, 0), "2.00112E+11", "ids stay text exactly as written");
    assert_eq!(table.rows.cell(1, 0), "000123");
    let roles: Vec<Role> = table.roles.iter().map(|r| r.role).collect();
    assert_eq!(roles, [Role::RespondentId, Role::Date, Role::Date, Role::Score]);
    assert_eq!(table.roles[1].date_order, Some(nps_workbench::import::DateOrder::MonthFirst));
    assert_eq!(table.roles[2].date_order, Some(nps_workbench::import::DateOrder::ExcelSerial));
    let r = report(&dir.path().join("unicode.txt"));
    check(&r, "plain_table", (1, 0, 2));
}

#[test]
fn the_user_can_change_roles_and_the_score_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = common::write(dir.path(), "two.csv", b"aanbevelen,cijfer,regio\n9,8,Noord\n3,6,Zuid\n10,9,Noord\n");
    let request = ReportRequest {
        import: ImportOptions {
            roles: vec![("regio".into(), Role::Sector), ("cijfer".into(), Role::Ignore)],
            ..ImportOptions::default()
        },
        ..ReportRequest::default()
    };
    let r = report_for_file(&path, &request).unwrap();
    assert_eq!(role_of(&r, "regio"), Role::Sector);
    assert_eq!(role_of(&r, "cijfer"), Role::Ignore);
    assert_eq!(r.columns.sector.as_deref(), Some("regio"));
    let request = ReportRequest {
        import: ImportOptions { roles: vec![("cijfer".into(), Role::Score)], ..ImportOptions::default() },
        ..ReportRequest::default()
    };
    let r = report_for_file(&path, &request).unwrap();
    assert_eq!(r.columns.score, "cijfer");
    assert_ne!(role_of(&r, "aanbevelen"), Role::Score);
}
