//! Fixtures the tests write themselves: small files that reproduce one quirk each of the exports
//! clients really send (see ../shared/corpus/README.md). Nothing here is copied from the corpus.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Scores 0,7,7,9,9,9: (D, Pa, P) = (1, 2, 3) in statistics.md.
pub const SIX_SCORES: [&str; 6] = ["0", "7", "7", "9", "9", "9"];

/// Writes `bytes` as `name` in `dir` and returns the path.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path
}

/// Encodes text as Windows-1252 (the test strings only use characters it has).
pub fn windows_1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "fixture text must fit Windows-1252");
    bytes.into_owned()
}

/// A survey of twelve answers with (D, Pa, P) = (2, 3, 7) in two regions, comma-delimited,
/// with a comment that holds a comma, doubled quotes and a line break.
pub fn twelve_answers_csv() -> String {
    let mut text = String::from("respondent_id,region,How likely are you to recommend us? (0-10),comment\n");
    let scores = ["3", "6", "7", "8", "8", "9", "9", "10", "10", "10", "9", "10"];
    for (i, score) in scores.iter().enumerate() {
        let region = if i % 2 == 0 { "North" } else { "South" };
        let comment = if i == 0 { "\"Late, \"\"again\"\"\nand rude\"" } else { "fine" };
        text.push_str(&format!("00{i:02},{region},{score},{comment}\n"));
    }
    text
}

/// An xlsx workbook of one sheet holding `rows` (the first is the header) as text cells, except
/// cells that are whole numbers, which are written as numbers.
pub fn xlsx_bytes(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(number) => sheet.write_number(r, c, number).map(|_| ()),
                Err(_) => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .expect("write cell");
        }
    }
    book.save_to_buffer().expect("xlsx in memory")
}

/// Runs the `nps-workbench` binary with `args` and a configuration folder that does not exist
/// (only the bundled benchmarks are used): exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
        .args(args)
        .env("NPS_WORKBENCH_CONFIG", "/nonexistent/nps-workbench-test-config")
        // A fixed locale: the text output follows LC_ALL / LC_MESSAGES / LANG (tests of other
        // languages pass --lang or set these themselves).
        .env("LC_ALL", "C")
        .output()
        .expect("run nps-workbench");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
