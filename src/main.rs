//! The `nps-workbench` binary: the desktop app, or `report`, `themes`, `compare` and `plan` on the
//! command line.
//!
//! On Windows it is a GUI program (no console window opens beside the app); started from a
//! console it attaches to that console so `report`, `themes` and `--help` still print there.

#![cfg_attr(windows, windows_subsystem = "windows")]

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser;
use nps_workbench::cli::{Cli, Command, EXIT_FAILURE, run_compare, run_drivers, run_plan, run_report, run_themes};
use nps_workbench::i18n::Language;

/// Ends a command that may write files: its warnings (each after `kind:`) and, one file a line,
/// what `--out` wrote, on standard error, so that standard output stays the report or its JSON;
/// then the text, or the failure and its exit status.
fn finish(
    result: Result<String, nps_workbench::cli::ReportFailure>,
    (kind, warnings): (&str, &[String]),
    out: Option<&std::path::Path>,
    written: &[std::path::PathBuf],
) -> ExitCode {
    for warning in warnings {
        say(&format!("{kind}: {warning}"));
    }
    if let (Some(dir), false) = (out, written.is_empty()) {
        say(&wrote_line(dir, written));
    }
    match result {
        Ok(text) => print(&text),
        Err(failure) => {
            say(&failure.message);
            ExitCode::from(failure.status)
        }
    }
}

/// What `--out` wrote, one file a line.
fn wrote_line(dir: &std::path::Path, written: &[std::path::PathBuf]) -> String {
    let names: Vec<String> = written
        .iter()
        .map(|path| path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned()))
        .collect();
    format!("wrote {} files to {}:\n  {}", names.len(), dir.display(), names.join("\n  "))
}

fn main() -> ExitCode {
    #[cfg(windows)]
    windows::attach_parent_console();
    let cli = Cli::parse_from(std::env::args_os().filter(|argument| !is_process_serial_number(argument)));
    match cli.command {
        Some(Command::Report(args)) => {
            let (mut warnings, mut written) = (Vec::new(), Vec::new());
            let result = run_report(&args, &mut warnings, &mut written);
            finish(result, ("warning", &warnings), args.out.as_deref(), &written)
        }
        Some(Command::Themes(args)) => match run_themes(&args) {
            Ok(text) => print(&text),
            Err(failure) => {
                say(&failure.message);
                ExitCode::from(failure.status)
            }
        },
        Some(Command::Compare(args)) => {
            let (mut warnings, mut written) = (Vec::new(), Vec::new());
            let result = run_compare(&args, &mut warnings, &mut written);
            finish(result, ("note", &warnings), args.out.as_deref(), &written)
        }
        Some(Command::Drivers(args)) => {
            let mut written = Vec::new();
            let result = run_drivers(&args, &mut written);
            finish(result, ("note", &[]), args.out.as_deref(), &written)
        }
        Some(Command::Plan(args)) => match run_plan(&args) {
            Ok(text) => print(&text),
            Err(failure) => {
                say(&failure.message);
                ExitCode::from(failure.status)
            }
        },
        None => match nps_workbench::ui::run(cli.file, cli.project) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                let words = NoWindow::in_language(user_language());
                let explanation = words.explain(&message, display_available());
                say(&explanation);
                if display_available() {
                    let _ = rfd::MessageDialog::new()
                        .set_level(rfd::MessageLevel::Error)
                        .set_title(words.title)
                        .set_description(&explanation)
                        .set_buttons(rfd::MessageButtons::Ok)
                        .show();
                }
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

/// macOS's Finder may start an app with `-psn_0_NNNN` (its process serial number; seen on the
/// first start of a downloaded app). It is no option of ours on any system, and left in it would
/// stop the app with a usage error before the window opens.
fn is_process_serial_number(argument: &std::ffi::OsStr) -> bool {
    argument.to_str().is_some_and(|a| a.starts_with("-psn_"))
}

/// The words said when the window cannot be opened, in the app's three languages. They live here
/// rather than in `ui::i18n` because they are shown when the window (and the language chosen in
/// it) never came up; the language is the system's.
struct NoWindow {
    title: &'static str,
    /// `{reason}` is the windowing library's own message.
    lead: &'static str,
    no_display: &'static str,
    opengl: &'static str,
    command_line: &'static str,
}

impl NoWindow {
    fn in_language(language: Language) -> &'static Self {
        match language {
            Language::English => &NO_WINDOW_ENGLISH,
            Language::Dutch => &NO_WINDOW_DUTCH,
            Language::Danish => &NO_WINDOW_DANISH,
        }
    }

    /// The whole explanation: what failed, the likely cause and what to do, and the command line
    /// that needs no window.
    fn explain(&self, reason: &str, display_available: bool) -> String {
        let reason = reason.strip_prefix("cannot open the window: ").unwrap_or(reason);
        let cause = if display_available { self.opengl } else { self.no_display };
        format!("{}\n{cause}\n{}", self.lead.replace("{reason}", reason), self.command_line)
    }
}

/// The OpenGL advice for the system the binary was built for.
macro_rules! per_system {
    (linux: $linux:literal, windows: $windows:literal, macos: $macos:literal $(,)?) => {
        if cfg!(target_os = "windows") {
            $windows
        } else if cfg!(target_os = "macos") {
            $macos
        } else {
            $linux
        }
    };
}

static NO_WINDOW_ENGLISH: NoWindow = NoWindow {
    title: "NPS Workbench cannot start",
    lead: "NPS Workbench could not open its window ({reason}).",
    no_display: "No graphical desktop was found (neither DISPLAY nor WAYLAND_DISPLAY is set): start it from a desktop session.",
    opengl: per_system!(
        linux: "The window is drawn with OpenGL 2.0 or newer. Without a graphics driver, Mesa's software renderer does it: install the package libgl1-mesa-dri (Debian, Ubuntu) or mesa-dri-drivers (Fedora), and if it still fails start the app with LIBGL_ALWAYS_SOFTWARE=1 nps-workbench.",
        windows: "The window is drawn with OpenGL 2.0 or newer. Install or update the graphics driver (Windows Update or the computer's maker). On a virtual machine or remote desktop without one, put Mesa's opengl32.dll for Windows next to nps-workbench.exe.",
        macos: "The window is drawn with OpenGL, which every Mac since 2012 provides: update macOS.",
    ),
    command_line: "The command line works without a window: nps-workbench report FILE.",
};

static NO_WINDOW_DUTCH: NoWindow = NoWindow {
    title: "NPS Workbench kan niet starten",
    lead: "NPS Workbench kon zijn venster niet openen ({reason}).",
    no_display: "Er is geen grafische werkomgeving gevonden (DISPLAY en WAYLAND_DISPLAY zijn allebei niet ingesteld): start het programma vanuit een bureaubladsessie.",
    opengl: per_system!(
        linux: "Het venster wordt getekend met OpenGL 2.0 of nieuwer. Zonder grafisch stuurprogramma doet de softwarerenderer van Mesa dat: installeer het pakket libgl1-mesa-dri (Debian, Ubuntu) of mesa-dri-drivers (Fedora), en lukt het dan nog niet, start het programma met LIBGL_ALWAYS_SOFTWARE=1 nps-workbench.",
        windows: "Het venster wordt getekend met OpenGL 2.0 of nieuwer. Installeer of werk het grafische stuurprogramma bij (via Windows Update of de fabrikant van de computer). Op een virtuele machine of extern bureaublad zonder stuurprogramma: zet de opengl32.dll van Mesa voor Windows naast nps-workbench.exe.",
        macos: "Het venster wordt getekend met OpenGL, dat elke Mac sinds 2012 heeft: werk macOS bij.",
    ),
    command_line: "De opdrachtregel werkt zonder venster: nps-workbench report BESTAND.",
};

static NO_WINDOW_DANISH: NoWindow = NoWindow {
    title: "NPS Workbench kan ikke starte",
    lead: "NPS Workbench kunne ikke åbne sit vindue ({reason}).",
    no_display: "Der blev ikke fundet noget grafisk skrivebord (hverken DISPLAY eller WAYLAND_DISPLAY er sat): start programmet fra en skrivebordssession.",
    opengl: per_system!(
        linux: "Vinduet tegnes med OpenGL 2.0 eller nyere. Uden en grafikdriver klarer Mesas softwarerenderer det: installer pakken libgl1-mesa-dri (Debian, Ubuntu) eller mesa-dri-drivers (Fedora), og virker det stadig ikke, så start programmet med LIBGL_ALWAYS_SOFTWARE=1 nps-workbench.",
        windows: "Vinduet tegnes med OpenGL 2.0 eller nyere. Installer eller opdater grafikdriveren (via Windows Update eller computerens producent). På en virtuel maskine eller et fjernskrivebord uden driver: læg Mesas opengl32.dll til Windows ved siden af nps-workbench.exe.",
        macos: "Vinduet tegnes med OpenGL, som alle Mac-computere siden 2012 har: opdater macOS.",
    ),
    command_line: "Kommandolinjen virker uden vindue: nps-workbench report FIL.",
};

/// Whether a window could be shown at all: on Linux and the BSDs only with an X11 or Wayland
/// display; Windows and macOS always have their desktop.
fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY", "WAYLAND_SOCKET"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// The system's language: the locale variables in POSIX order (`LC_ALL`, `LC_MESSAGES`, `LANG`;
/// the first one set counts); where none is set, Windows' user interface language (elsewhere
/// English).
fn user_language() -> Language {
    let var = |name: &str| std::env::var(name).ok();
    #[cfg(windows)]
    if ["LC_ALL", "LC_MESSAGES", "LANG"].iter().all(|name| var(name).is_none_or(|v| v.trim().is_empty())) {
        return windows::user_language();
    }
    Language::from_locale(var)
}

/// The two Windows calls the binary makes itself.
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows {
    use nps_workbench::i18n::Language;

    /// Attaches to the console of the program that started this one (cmd, PowerShell), so
    /// `report`, `themes`, `--help` and error lines print there. Started from Explorer there is
    /// none and nothing happens.
    pub fn attach_parent_console() {
        // SAFETY: AttachConsole takes a process id by value and touches no memory of ours; it
        // only fails (returning 0) when there is no parent console or one is already attached.
        let _ = unsafe {
            windows_sys::Win32::System::Console::AttachConsole(
                windows_sys::Win32::System::Console::ATTACH_PARENT_PROCESS,
            )
        };
    }

    /// The user's display language: Dutch and Danish by their primary language ids (0x13, 0x06).
    pub fn user_language() -> Language {
        // SAFETY: GetUserDefaultUILanguage takes no arguments and returns a LANGID by value.
        let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
        match id & 0x3ff {
            0x13 => Language::Dutch,
            0x06 => Language::Danish,
            _ => Language::English,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finders_process_serial_number_is_not_taken_for_an_option_or_a_file() {
        let arguments = ["nps-workbench", "-psn_0_1234567", "survey.csv"].map(std::ffi::OsString::from);
        let cli = Cli::parse_from(arguments.iter().filter(|a| !is_process_serial_number(a)));
        assert_eq!(cli.file, Some(std::path::PathBuf::from("survey.csv")));
        assert!(cli.command.is_none());
        assert!(!is_process_serial_number(std::ffi::OsStr::new("psn_report.csv")));
    }

    #[test]
    fn the_explanation_names_the_reason_the_cause_and_the_command_line() {
        let reason = "cannot open the window: glutin error: [a7] GLXBadFBConfig";
        for language in Language::ALL {
            let words = NoWindow::in_language(language);
            let with_display = words.explain(reason, true);
            assert!(with_display.contains("(glutin error: [a7] GLXBadFBConfig)"), "{with_display}");
            assert!(with_display.contains("OpenGL 2.0") || with_display.contains("OpenGL,"), "{with_display}");
            assert!(with_display.contains("nps-workbench report"), "{with_display}");
            assert!(!with_display.contains("{reason}"));
            let without = words.explain(reason, false);
            assert!(without.contains("WAYLAND_DISPLAY") && !without.contains("OpenGL"), "{without}");
        }
        // Each language has its own words, not a copy of the English.
        assert_ne!(NO_WINDOW_DUTCH.opengl, NO_WINDOW_ENGLISH.opengl);
        assert_ne!(NO_WINDOW_DANISH.opengl, NO_WINDOW_ENGLISH.opengl);
        assert_ne!(NO_WINDOW_DANISH.lead, NO_WINDOW_DUTCH.lead);
    }
}
