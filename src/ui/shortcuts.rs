//! The keyboard shortcuts of the window, in one table: the menus show them (formatted for the
//! platform by `ctx.format_shortcut`, e.g. Ctrl+O or ⌘O) and [`consume`] acts on them.

use crate::app::{ExportCommand, LoadCommand, ProjectCommand, ViewCommand, WindowCommand};
use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use crate::app::{AppCommand, NpsApp, View};

/// Open a survey file.
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
/// Save the project (mapping, filters, choices).
pub const SAVE_PROJECT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
/// Export everything into a folder.
pub const EXPORT_ALL: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
/// Put the cursor in the filter panel.
pub const FOCUS_FILTER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
/// Show the Guide.
pub const GUIDE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F1);

/// The analysis views in tab order, with Ctrl+1 to Ctrl+8 (Compare and Drivers last, so that
/// the shortcuts the other views had keep their numbers).
pub const VIEWS: [(View, KeyboardShortcut); 8] = [
    (View::Overview, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num1)),
    (View::Segments, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num2)),
    (View::Trend, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num3)),
    (View::Themes, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num4)),
    (View::Responses, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num5)),
    (View::Benchmarks, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num6)),
    (View::Compare, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num7)),
    (View::Drivers, KeyboardShortcut::new(Modifiers::COMMAND, Key::Num8)),
];

/// What a shortcut asks of the window itself rather than of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowAction {
    /// Move the keyboard focus to the filter panel's first field.
    FocusFilter,
    /// Show the Guide.
    ShowGuide,
}

/// Takes this frame's shortcuts out of the input: app commands for the app, the rest for the
/// window. Shortcuts that cannot apply (export with nothing open) are left alone.
pub fn consume(ctx: &egui::Context, app: &NpsApp) -> (Vec<AppCommand>, Vec<WindowAction>) {
    let mut commands = Vec::new();
    let mut actions = Vec::new();
    let loaded = app.loaded().is_some();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&OPEN) {
            commands.push(AppCommand::Load(LoadCommand::ShowOpenDialog));
        }
        if app.can_save_project() && i.consume_shortcut(&SAVE_PROJECT) {
            commands.push(AppCommand::Project(ProjectCommand::Save));
        }
        if loaded && !app.exports().is_busy() && i.consume_shortcut(&EXPORT_ALL) {
            commands.push(AppCommand::Export(ExportCommand::Start(crate::app::export::ExportRequest::All)));
        }
        if loaded && i.consume_shortcut(&FOCUS_FILTER) {
            actions.push(WindowAction::FocusFilter);
        }
        if i.consume_shortcut(&GUIDE) {
            actions.push(WindowAction::ShowGuide);
        }
        for (view, shortcut) in VIEWS {
            if loaded && i.consume_shortcut(&shortcut) {
                commands.push(AppCommand::Window(WindowCommand::ShowScreen(crate::app::Screen::Dashboard)));
                commands.push(AppCommand::View(ViewCommand::SetView(view)));
            }
        }
    });
    (commands, actions)
}
