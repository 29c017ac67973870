//! The `nps-workbench` binary: the desktop app, or `report` on the command line.

use clap::Parser;
use nps_workbench::cli::{Cli, Command, run_report, run_themes};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(Command::Report(args)) => Some(run_report(args)),
        Some(Command::Themes(args)) => Some(run_themes(args)),
        None => None,
    };
    match outcome {
        Some(outcome) => match outcome {
            Ok(text) => {
                println!("{text}");
                std::process::ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("nps-workbench: {message}");
                std::process::ExitCode::FAILURE
            }
        },
        None => match nps_workbench::app::run(cli.file) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("nps-workbench: {message}");
                std::process::ExitCode::FAILURE
            }
        },
    }
}
