//! Remakes the bundled sample survey: `cargo run --bin make-sample [OUT]`
//! (default `assets/sample/survey.csv`). The output is byte-identical on every run.

use std::path::PathBuf;

use nps_workbench::files::write_atomic;
use nps_workbench::sample::{SAMPLE_ROWS, SAMPLE_SEED, generate_sample_csv};

fn main() -> std::process::ExitCode {
    let out = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("assets/sample/survey.csv"), PathBuf::from);
    let csv = generate_sample_csv(SAMPLE_SEED, SAMPLE_ROWS);
    if let Some(folder) = out.parent().filter(|p| !p.as_os_str().is_empty())
        && let Err(e) = std::fs::create_dir_all(folder)
    {
        eprintln!("make-sample: {}: {e}", folder.display());
        return std::process::ExitCode::FAILURE;
    }
    match write_atomic(&out, csv.as_bytes()) {
        Ok(()) => {
            println!("wrote {} ({} bytes)", out.display(), csv.len());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("make-sample: {}: {e}", out.display());
            std::process::ExitCode::FAILURE
        }
    }
}
