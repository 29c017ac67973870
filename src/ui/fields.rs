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
        self.edit(ui, id, current, Shape::Line { width, hint: "" }, name)
    }

    /// Like [`Drafts::field`], with a grey `hint` shown while the field is empty.
    pub fn field_with_hint(
        &mut self,
        ui: &mut egui::Ui,
        id: egui::Id,
        width: f32,
        hint: &str,
        name: &str,
    ) -> Option<String> {
        self.edit(ui, id, "", Shape::Line { width, hint }, name)
    }

    /// A field as wide as the space left, wrapping its text over as many lines as it needs (a
    /// keyword list shows every word); committed like [`Drafts::field`].
    pub fn wrapping_field(&mut self, ui: &mut egui::Ui, id: egui::Id, current: &str, name: &str) -> Option<String> {
        self.edit(ui, id, current, Shape::Wrapping, name)
    }

    fn edit(&mut self, ui: &mut egui::Ui, id: egui::Id, current: &str, shape: Shape<'_>, name: &str) -> Option<String> {
        let mut text = self.typed.get(&id).cloned().unwrap_or_else(|| current.to_owned());
        // Sized explicitly: inside a grid a field's desired width is cut to the column's last
        // width, which left four characters visible.
        let response = match shape {
            Shape::Line { width, hint } => {
                let edit = egui::TextEdit::singleline(&mut text).id(id).hint_text(hint);
                ui.add_sized([width, ui.spacing().interact_size.y], edit)
            }
            Shape::Wrapping => {
                // The visible width, not the available one: in a view that scrolls sideways the
                // latter is as wide as its widest table.
                let visible = ui.clip_rect().max.x - ui.cursor().min.x - 12.0;
                let width = visible.min(ui.available_width()).max(240.0);
                let edit = egui::TextEdit::multiline(&mut text).id(id).desired_rows(1).desired_width(width);
                ui.add(edit)
            }
        };
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

/// How a draft field is drawn.
#[derive(Clone, Copy)]
enum Shape<'a> {
    /// One line this wide, with a hint while empty.
    Line { width: f32, hint: &'a str },
    /// As wide as the space left, wrapping.
    Wrapping,
}
