//! Text fields whose typed text belongs to the view that shows them, not to the value they edit:
//! the text stays as typed while focused and is handed back when the user commits it (Enter or
//! leaving the field), so a value rebuilt every frame never overwrites what is being typed.

use std::collections::HashMap;

use eframe::egui;

/// The texts being typed in a view's fields, by field id, until committed.
#[derive(Debug, Default)]
pub struct Drafts {
    typed: HashMap<egui::Id, String>,
}

impl Drafts {
    /// A single-line field showing `current` until the user types; returns the trimmed text when
    /// the user commits a text different from `current`. `name` is its accessibility label.
    pub fn field(&mut self, ui: &mut egui::Ui, id: egui::Id, current: &str, width: f32, name: &str) -> Option<String> {
        let mut text = self.typed.get(&id).cloned().unwrap_or_else(|| current.to_owned());
        let response = ui.add(egui::TextEdit::singleline(&mut text).id(id).desired_width(width));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, name));
        if response.lost_focus() {
            self.typed.remove(&id);
            return (text.trim() != current).then(|| text.trim().to_owned());
        }
        if response.has_focus() || response.changed() {
            self.typed.insert(id, text);
        }
        None
    }
}
