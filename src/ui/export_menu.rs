//! The Export buttons beside every chart and table, the confirmation that names what was
//! written, and the Report details form (the client's brand). They only return commands; the app
//! chooses the path and writes on a background thread.

use crate::app::ExportCommand;
use eframe::egui::{self, RichText};

use crate::app::AppCommand;
use crate::app::export::{ChartFormat, ExportNotice, ExportRequest, TableFormat};
use crate::chart::ChartSpec;
use crate::export::png::Scale;
use crate::export::table::Table;
use crate::i18n::export::ExportTexts;
use crate::i18n::{Texts, fill};

/// The Export menu of a chart: PNG (1x, 2x), SVG, copy as image. Its accessible name is
/// `Export chart… TITLE (PNG, SVG)`, so a screen reader tells the buttons of a screen apart.
pub fn chart_menu(ui: &mut egui::Ui, spec: &ChartSpec, x: &ExportTexts, commands: &mut Vec<AppCommand>) {
    let menu = ui.menu_button(x.export_button, |ui| {
        let choices = [
            (x.save_png, Some(ChartFormat::Png(Scale::X1))),
            (x.save_png_2x, Some(ChartFormat::Png(Scale::X2))),
            (x.save_svg, Some(ChartFormat::Svg)),
            (x.copy_image, None),
        ];
        for (label, format) in choices {
            if ui.button(label).clicked() {
                let spec = Box::new(spec.clone());
                commands.push(AppCommand::Export(ExportCommand::Start(match format {
                    Some(format) => ExportRequest::Chart(spec, format),
                    None => ExportRequest::Copy(spec),
                })));
                ui.close();
            }
        }
    });
    name_menu(&menu.response, &format!("{} {} (PNG, SVG)", x.export_button, spec.title));
}

/// Gives a menu button its accessible name.
fn name_menu(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
}

/// The Export menu of a table named `name`: CSV or xlsx. `make` builds the table only when asked.
pub fn table_menu(
    ui: &mut egui::Ui,
    name: &str,
    make: impl FnOnce() -> Table,
    x: &ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    if let Some(format) = table_format_menu(ui, name, x) {
        commands.push(AppCommand::Export(ExportCommand::Start(ExportRequest::Table(Box::new(make()), format))));
    }
}

/// The Export menu of a table named `name` whose rows take long to gather: returns the format
/// chosen, and the caller builds the table (on a worker) and starts the export.
pub fn table_format_menu(ui: &mut egui::Ui, name: &str, x: &ExportTexts) -> Option<TableFormat> {
    let menu = ui.menu_button(x.export_table_button, |ui| {
        let mut chosen = None;
        for (label, format) in [(x.save_xlsx, TableFormat::Xlsx), (x.save_csv, TableFormat::Csv)] {
            if ui.button(label).clicked() {
                chosen = Some(format);
                ui.close();
            }
        }
        chosen
    });
    name_menu(&menu.response, &format!("{} {name} (xlsx, CSV)", x.export_table_button));
    menu.inner.flatten()
}

/// The confirmation: which files were written where, which were not and why, or that a chart was
/// copied.
pub fn notice_window(
    ctx: &egui::Context,
    notice: &ExportNotice,
    t: &Texts,
    x: &ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    // A copy to the clipboard is said at the foot of the window and goes by itself.
    if notice.copied && notice.written.is_empty() && notice.failed.is_empty() && !notice.stopped {
        copied_line(ctx, notice.serial, x, commands);
        return;
    }
    let mut open = true;
    egui::Window::new(x.done_title).open(&mut open).resizable(true).default_width(520.0).show(ctx, |ui| {
        if notice.copied {
            ui.label(x.copied);
        }
        if notice.stopped {
            ui.label(RichText::new(x.stopped).strong());
        }
        if !notice.written.is_empty() {
            let folder = notice.folder.display().to_string();
            ui.label(fill(x.written, &[("count", &notice.written.len().to_string()), ("folder", &folder)]));
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                for path in &notice.written {
                    let name = path
                        .file_name()
                        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                    ui.label(RichText::new(name).monospace());
                }
            });
        }
        if let Some(font) = &notice.font_missing {
            ui.add_space(6.0);
            ui.label(fill(x.font_not_installed, &[("font", font)]));
        }
        if !notice.failed.is_empty() {
            ui.add_space(6.0);
            ui.label(RichText::new(x.not_written).strong().color(super::theme::error_text(ui.visuals())));
            for message in &notice.failed {
                ui.label(message);
            }
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if !notice.written.is_empty() && ui.button(x.open_folder).clicked() {
                commands.push(AppCommand::Export(ExportCommand::OpenFolder(notice.folder.clone())));
            }
            if ui.button(t.close).clicked() {
                commands.push(AppCommand::Export(ExportCommand::CloseNotice));
            }
        });
    });
    if !open {
        commands.push(AppCommand::Export(ExportCommand::CloseNotice));
    }
}

/// How long the line saying a chart was copied stays.
const COPIED_SECONDS: f64 = 4.0;

/// "The chart is on the clipboard" at the foot of the window, for a few seconds, with nothing to
/// close.
fn copied_line(ctx: &egui::Context, serial: u64, x: &ExportTexts, commands: &mut Vec<AppCommand>) {
    let now = ctx.input(|i| i.time);
    // Kept per notice: the next copy's line gets its own four seconds.
    let id = egui::Id::unique(("copied-line-since", serial));
    let since = ctx.data_mut(|d| *d.get_temp_mut_or_insert_with(id, || now));
    if now - since > COPIED_SECONDS {
        ctx.data_mut(|d| d.remove::<f64>(id));
        commands.push(AppCommand::Export(ExportCommand::CloseNotice));
        return;
    }
    egui::Area::new(egui::Id::unique("copied-line"))
        .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -16.0])
        .interactable(false)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(x.copied);
            });
        });
    ctx.request_repaint_after(std::time::Duration::from_secs_f64(COPIED_SECONDS - (now - since) + 0.05));
}

/// The Report details form: title, client, the data's name, logo, two colours and the font that
/// Export all uses, with a colour picker beside each colour.
pub fn brand_window(
    ctx: &egui::Context,
    form: &crate::app::brand::BrandForm,
    x: &ExportTexts,
    commands: &mut Vec<AppCommand>,
) {
    use crate::app::brand::BrandCommand;
    let mut edited = form.clone();
    let mut open = true;
    let mut done = false;
    egui::Window::new(x.brand_window)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.label(x.brand_intro);
            ui.add_space(6.0);
            egui::Grid::new("brand-form").num_columns(2).spacing([10.0, 6.0]).show(ui, |ui| {
                for (label, value, hint) in [
                    (x.brand_title, &mut edited.title, x.brand_title_hint),
                    (x.brand_client, &mut edited.client, ""),
                    (x.brand_source, &mut edited.source_name, x.brand_source_hint),
                    (x.brand_font, &mut edited.font, x.brand_font_hint),
                ] {
                    ui.label(label);
                    let response = ui.add(egui::TextEdit::singleline(value).hint_text(hint).desired_width(380.0));
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                    ui.end_row();
                }
                for (k, label) in [x.brand_main_colour, x.brand_accent_colour].into_iter().enumerate() {
                    ui.label(label);
                    ui.horizontal(|ui| {
                        // Empty: the standard colour it stands for (the estimate's blue, the accent's green).
                        let standard =
                            if k == 0 { crate::chart::palette::NEUTRAL } else { crate::chart::palette::PROMOTER };
                        let mut rgb = crate::chart::palette::rgb(
                            &crate::chart::Brand::colour(&edited.colours[k]).unwrap_or_else(|_| standard.to_owned()),
                        );
                        let picker = egui::color_picker::color_edit_button_srgb(ui, &mut rgb);
                        // Named as its field (egui's own name is the colour's hex, in English).
                        picker.widget_info(|| egui::WidgetInfo::labeled(egui::Role::ColorWell, true, label));
                        if picker.changed() {
                            edited.colours[k] = crate::chart::palette::hex(rgb);
                        }
                        let response = ui.add(
                            egui::TextEdit::singleline(&mut edited.colours[k])
                                .hint_text(x.brand_colour_hint)
                                .desired_width(340.0),
                        );
                        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                    });
                    ui.end_row();
                }
                ui.label(x.brand_template);
                ui.horizontal(|ui| {
                    let shown = edited
                        .template
                        .as_deref()
                        .map_or_else(|| x.brand_no_template.to_owned(), crate::import::display_name);
                    ui.label(shown);
                    if ui.button(x.brand_choose_template).clicked() {
                        commands.push(AppCommand::Brand(BrandCommand::ChooseTemplate));
                    }
                    if edited.template.is_some() && ui.button(x.brand_remove_template).clicked() {
                        commands.push(AppCommand::Brand(BrandCommand::RemoveTemplate));
                    }
                });
                ui.end_row();
                ui.label(x.brand_logo);
                ui.horizontal(|ui| {
                    let shown = match (&edited.logo, edited.logo_name.is_empty()) {
                        (None, _) => x.brand_no_logo.to_owned(),
                        (Some(_), true) => x.brand_logo_set.to_owned(),
                        (Some(_), false) => edited.logo_name.clone(),
                    };
                    ui.label(shown);
                    if ui.button(x.brand_choose_logo).clicked() {
                        commands.push(AppCommand::Brand(BrandCommand::ChooseLogo));
                    }
                    if edited.logo.is_some() && ui.button(x.brand_remove_logo).clicked() {
                        commands.push(AppCommand::Brand(BrandCommand::RemoveLogo));
                    }
                });
                ui.end_row();
            });
            if let Some(error) = &form.error {
                ui.colored_label(super::theme::error_text(ui.visuals()), error);
            }
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if ui.button(x.brand_apply).clicked() {
                    done = true;
                    commands.push(AppCommand::Brand(BrandCommand::Edit(Box::new(edited.clone()))));
                    commands.push(AppCommand::Brand(BrandCommand::Apply));
                }
                if ui.button(x.brand_cancel).clicked() {
                    done = true;
                    commands.push(AppCommand::Brand(BrandCommand::Close));
                }
            });
        });
    if !open {
        commands.push(AppCommand::Brand(BrandCommand::Close));
    } else if !done && edited != *form {
        commands.push(AppCommand::Brand(BrandCommand::Edit(Box::new(edited))));
    }
}
