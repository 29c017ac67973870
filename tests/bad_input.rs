//! Bad input gets one clear line naming the file, never a panic: too large, a folder, a file
//! that cannot be opened, and a damaged workbook; text named .xlsx is read as text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use nps_workbench::import::{ImportOptions, MAX_FILE_BYTES, read_file};

fn message(path: &std::path::Path) -> String {
    read_file(path, &ImportOptions::default(), &mut |_| true).map(|_| ()).unwrap_err().to_string()
}

#[test]
fn a_file_over_one_gigabyte_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    // A sparse file: the size is real, the disk space is not used.
    std::fs::File::create(&path).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
    assert_eq!(
        message(&path),
        "export.csv: the file is 1024 MB, more than the 1024 MB this program reads; split it or export only the needed columns"
    );
}

#[test]
fn a_folder_or_a_missing_file_is_named_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("answers.csv");
    std::fs::create_dir(&folder).unwrap();
    assert_eq!(message(&folder), "answers.csv: is a folder, not a saved file; choose the survey file itself");
    assert_eq!(message(&dir.path().join("gone.xlsx")), "gone.xlsx: cannot be read: the file does not exist");
}

#[cfg(unix)]
#[test]
fn a_device_or_a_pipe_is_refused_at_once_not_read_without_end() {
    // `/dev/zero` never ends: it once grew to 24 GB before the kernel stopped it.
    assert_eq!(
        message(std::path::Path::new("/dev/zero")),
        "zero: is a device or a pipe, not a saved file; choose the survey file itself"
    );
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("answers.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    assert_eq!(message(&fifo), "answers.csv: is a device or a pipe, not a saved file; choose the survey file itself");
}

#[test]
fn a_damaged_workbook_is_refused_and_text_renamed_to_xlsx_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let text = common::write(dir.path(), "renamed.xlsx", b"id,How likely are you to recommend us?\n1,9\n2,3\n");
    let table = read_file(&text, &ImportOptions::default(), &mut |_| true).unwrap();
    assert_eq!(table.source.read_as, Some("text (CSV)"));
    assert_eq!(table.rows.row_count(), 2);
    let mut zip_head = b"PK\x03\x04".to_vec();
    zip_head.extend([0u8; 40]);
    let cut = common::write(dir.path(), "cut.ods", &zip_head);
    assert!(message(&cut).starts_with("cut.ods: the workbook cannot be opened"), "{}", message(&cut));
}
