//! The `nps-workbench` binary: the desktop app, or `report` on the command line.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use nps_workbench::cli::{Cli, Command, EXIT_FAILURE, run_report, run_themes};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Report(args)) => {
            let mut warnings = Vec::new();
            let result = run_report(&args, &mut warnings);
            for warning in &warnings {
                say(&format!("warning: {warning}"));
            }
            match result {
                Ok(text) => print(&text),
                Err(failure) => {
                    say(&failure.message);
                    ExitCode::from(failure.status)
                }
            }
        }
        Some(Command::Themes(args)) => match run_themes(&args) {
            Ok(text) => print(&text),
            Err(message) => {
                say(&message);
                ExitCode::from(EXIT_FAILURE)
            }
        },
        None => match nps_workbench::ui::run(cli.file, cli.project) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                say(&message);
                ExitCode::FAILURE
            }
        },
    }
}

/// Writes the report to stdout. A reader that stops early (`| head -1`) closes the pipe: that
/// ends the program quietly; any other write error is one line on stderr.
fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}").and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say(&format!("cannot write the report: {e}"));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// One line on stderr, `nps-workbench: ...`; a closed stderr is ignored.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "nps-workbench: {message}");
}
