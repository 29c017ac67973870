//! The Responses view, which is also the follow-up list: the rows behind a selection (a segment,
//! a matrix cell, a theme, a score group), searchable and sortable by any column; a row opens
//! below the list to be read whole, with its themes and contact details, and to be marked
//! contacted or resolved with a note; the list (with contact columns on request) exports to
//! xlsx or CSV.

use std::sync::Arc;

use eframe::egui::{self, RichText};

use super::{ViewContext, export_menu, theme};
use crate::analysis::{ResponseOrder, Survey, ThemeSummary, order_responses, search_comments};
use crate::app::export::{ExportRequest, TableFormat};
use crate::app::follow_up::{Directory, FollowUpCommand, ListContext, Respondent, follow_up_table, status_label};
use crate::app::jobs::Worker;
use crate::app::{AppCommand, ExportCommand, ScoreGroup, ViewCommand};
use crate::chart::Tone;
use crate::export::table::Table;
use crate::i18n::{ProjectTexts, fill};
use crate::project::FollowUpStatus;

/// How many segment columns the list shows (the row opened below shows them all).
const SEGMENTS_SHOWN: usize = 4;

/// The Responses view's own state: the search, the order, the row opened, and what was derived
/// from the computed rows (kept until they change: a million rows are too many to search or
/// sort every frame).
#[derive(Debug, Default)]
pub struct ResponsesView {
    theme_rows: Option<ThemeRows>,
    search: String,
    order: ResponseOrder,
    descending: bool,
    show_contacts: bool,
    listing: Option<Listing>,
    job: Option<ListingJob>,
    /// The row opened below the list (a position in the survey).
    opened: Option<u32>,
    /// The note being typed for the opened row's respondent.
    note: Option<(Respondent, String)>,
    directory: Option<(Arc<Survey>, Arc<Directory>)>,
    /// The follow-up list being gathered for an export (a million rows take seconds).
    export: Option<ExportJob>,
    /// A listing whose worker failed: not started again for the same rows, search and order.
    failed: Option<ListingKey>,
    /// No rows, shared, so that "no rows" is the same list from frame to frame.
    nothing: Arc<[u32]>,
}

/// The responses that mention one theme, and what they were derived from.
#[derive(Debug)]
struct ThemeRows {
    theme: String,
    responses: Arc<[u32]>,
    summary: Arc<ThemeSummary>,
    rows: Arc<[u32]>,
}

/// What the title says: how many rows, of which theme, and whether a search is under way.
struct Heading<'a> {
    count: usize,
    theme: Option<&'a str>,
    busy: bool,
}

/// What the rows listed are derived from: the computed rows, the search and the order.
#[derive(Debug, Clone)]
struct ListingKey {
    base: Arc<[u32]>,
    search: String,
    order: ResponseOrder,
    descending: bool,
}

impl ListingKey {
    /// The same rows, search and order (the rows compared by identity: they are shared).
    fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.base, &other.base)
            && self.search == other.search
            && self.order == other.order
            && self.descending == other.descending
    }

    /// Whether the rows are the computed ones as they are (no search, the file's order).
    fn is_plain(&self) -> bool {
        self.search.trim().is_empty() && self.order == ResponseOrder::Row && !self.descending
    }
}

/// The rows listed: those of the key's rows holding the search, in the chosen order.
#[derive(Debug)]
struct Listing {
    key: ListingKey,
    rows: Arc<[u32]>,
}

/// A search or sort under way on a worker (a million rows take longer than a frame).
struct ListingJob {
    key: ListingKey,
    worker: Worker<Arc<[u32]>>,
}

/// The follow-up list being gathered on a worker, with the format to export it in.
struct ExportJob(Worker<(Table, TableFormat)>);

impl std::fmt::Debug for ExportJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ExportJob")
    }
}

impl std::fmt::Debug for ListingJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListingJob").field("key", &self.key).finish_non_exhaustive()
    }
}

impl ResponsesView {
    /// Draws the view.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, commands: &mut Vec<AppCommand>) {
        let Some(computed) = cx.computed else { return };
        let selected = cx.views.theme_selection.as_deref();
        let theme = selected.map(|id| {
            let label = super::themes::theme_label(&cx.themes.codebook, id, cx.language);
            let rows = self.theme_rows(id, &computed.responses, cx.themes.shared_summary());
            (label, rows)
        });
        let (theme, base) = match theme {
            Some((label, rows)) => (Some(label), rows),
            None => (None, Arc::clone(&computed.responses)),
        };
        let survey = &cx.loaded.survey;
        let (rows, busy) = self.listing(survey, base, ui.ctx());
        let directory = self.directory(cx);
        if self.opened.is_some_and(|p| !rows.contains(&p)) {
            self.opened = None;
        }
        let heading = Heading { count: rows.len(), theme: theme.as_deref(), busy };
        self.toolbar(ui, cx, &heading, &directory, commands);
        let p = ProjectTexts::of(cx.language);
        let list_cx = ListContext {
            survey,
            directory: &directory,
            follow_up: cx.follow_up,
            themes: cx.themes.summary(),
            language: cx.language,
            with_contacts: self.show_contacts && directory.has_contacts(),
        };
        if let Some(position) = self.opened {
            egui::Panel::bottom("response-opened")
                .resizable(true)
                .default_size(230.0)
                .min_size(120.0)
                .show(ui, |ui| self.opened_row(ui, cx, &list_cx, position, commands));
        } else {
            ui.label(RichText::new(p.read_hint).size(theme::FOOTNOTE_SIZE).weak());
        }
        self.list(ui, cx, &list_cx, &rows);
    }

    /// The computed `responses` that mention theme `id` in `summary` (none without counts).
    fn theme_rows(&mut self, id: &str, responses: &Arc<[u32]>, summary: Option<&Arc<ThemeSummary>>) -> Arc<[u32]> {
        let Some(summary) = summary else { return Arc::clone(&self.nothing) };
        let fresh = self
            .theme_rows
            .as_ref()
            .is_some_and(|c| c.theme == id && Arc::ptr_eq(&c.responses, responses) && Arc::ptr_eq(&c.summary, summary));
        if !fresh {
            let positions =
                summary.themes.iter().find(|r| r.theme.as_str() == id).map_or(&[][..], |r| &r.positions[..]);
            self.theme_rows = Some(ThemeRows {
                theme: id.to_owned(),
                responses: Arc::clone(responses),
                summary: Arc::clone(summary),
                rows: sorted_intersection(responses, positions).into(),
            });
        }
        self.theme_rows.as_ref().map_or_else(|| Arc::clone(&self.nothing), |c| Arc::clone(&c.rows))
    }

    /// The rows of `base` holding the search, in the chosen order, derived on a worker when one
    /// of them changed; until then the rows derived last. Also says whether a worker is busy.
    fn listing(&mut self, survey: &Arc<Survey>, base: Arc<[u32]>, ctx: &egui::Context) -> (Arc<[u32]>, bool) {
        let key = ListingKey { base, search: self.search.clone(), order: self.order, descending: self.descending };
        if key.is_plain() {
            self.listing = Some(Listing { rows: Arc::clone(&key.base), key });
        } else if !self.listing.as_ref().is_some_and(|l| l.key.same(&key))
            && self.job.is_none()
            && !self.failed.as_ref().is_some_and(|f| f.same(&key))
        {
            let (survey, wanted) = (Arc::clone(survey), key.clone());
            let work = move || -> Arc<[u32]> {
                let found = search_comments(&survey, &wanted.base, &wanted.search);
                order_responses(&survey, &found, wanted.order, wanted.descending).into()
            };
            let wake = {
                let ctx = ctx.clone();
                move || ctx.request_repaint()
            };
            if let Ok(worker) = Worker::spawn("response list", work, wake) {
                self.job = Some(ListingJob { key: key.clone(), worker });
            }
        }
        if let Some(done) = self.job.as_mut().and_then(|j| j.worker.poll()) {
            match (self.job.take(), done) {
                (Some(job), Some(rows)) => self.listing = Some(Listing { key: job.key, rows }),
                (Some(job), None) => self.failed = Some(job.key),
                (None, _) => {}
            }
            // Another search or order may have been asked meanwhile: the next frame starts it.
            ctx.request_repaint();
        }
        let rows = self.listing.as_ref().map_or_else(|| Arc::clone(&self.nothing), |l| Arc::clone(&l.rows));
        (rows, self.job.is_some())
    }

    /// Who the rows' respondents are, found once per survey.
    fn directory(&mut self, cx: &ViewContext<'_>) -> Arc<Directory> {
        let survey = &cx.loaded.survey;
        if !self.directory.as_ref().is_some_and(|(s, _)| Arc::ptr_eq(s, survey)) {
            let directory = Directory::new(survey, cx.loaded.table.as_ref());
            // Another survey: its columns are others, so the search and order start afresh.
            *self = Self { directory: Some((Arc::clone(survey), Arc::new(directory))), ..Self::default() };
        }
        self.directory.as_ref().map(|(_, d)| Arc::clone(d)).unwrap_or_else(|| Arc::new(Directory::new(survey, None)))
    }

    /// The title, what the rows are, the score groups, the search, the contact switch and the
    /// export.
    fn toolbar(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewContext<'_>,
        heading: &Heading<'_>,
        directory: &Directory,
        commands: &mut Vec<AppCommand>,
    ) {
        let (t, settings) = (cx.t, cx.views);
        let Heading { count, theme, busy } = *heading;
        let p = ProjectTexts::of(cx.language);
        ui.horizontal_wrapped(|ui| {
            ui.heading(t.plural(t.responses_title, count as u64, &[]));
            if busy {
                ui.spinner();
            }
            if let Some(label) = theme {
                let tt = crate::i18n::themes::ThemeTexts::of(cx.language);
                ui.label(fill(tt.responses_of_theme, &[("theme", label)]));
                if ui.button(t.show_all).clicked() {
                    commands.push(AppCommand::View(ViewCommand::ShowResponses(None)));
                }
            }
            if let Some((column, value)) = &settings.selection {
                ui.label(fill(t.responses_of, &[("column", column), ("value", value)]));
                if ui.button(t.show_all).clicked() {
                    commands.push(AppCommand::View(ViewCommand::ShowResponses(None)));
                }
            }
            if !settings.filter.is_empty() {
                ui.label(RichText::new(fill(t.filter_footnote, &[("filter", &settings.filter.describe())])).weak());
            }
        });
        ui.horizontal_wrapped(|ui| {
            for (group, label) in [
                (None, t.filter_all),
                (Some(ScoreGroup::Detractors), t.detractors),
                (Some(ScoreGroup::Passives), t.passives),
                (Some(ScoreGroup::Promoters), t.promoters),
            ] {
                if ui.selectable_label(settings.group == group, label).clicked() {
                    commands.push(AppCommand::View(ViewCommand::SetResponseGroup(group)));
                }
            }
            ui.separator();
            let search = egui::TextEdit::singleline(&mut self.search).hint_text(p.search_hint).desired_width(220.0);
            // A file without comments has nothing to search.
            let response = ui.add_enabled(!cx.loaded.survey.comment_names.is_empty(), search);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, p.search_comments));
            ui.separator();
            let contacts =
                ui.add_enabled(directory.has_contacts(), egui::Checkbox::new(&mut self.show_contacts, p.show_contacts));
            if !directory.has_contacts() {
                contacts.on_disabled_hover_text(p.no_contacts);
            }
            ui.separator();
            if self.export.is_some() {
                ui.spinner();
            } else if let Some(format) = export_menu::table_format_menu(ui, p.follow_up_list, cx.x) {
                self.start_export(cx, format, ui.ctx());
            }
        });
        self.poll_export(commands);
    }

    /// Gathers the list as shown on a worker (each row is read from the survey and the table:
    /// seconds for a million rows), for export in `format`.
    fn start_export(&mut self, cx: &ViewContext<'_>, format: TableFormat, ctx: &egui::Context) {
        let Some((survey, directory)) = self.directory.clone() else { return };
        let rows = self.listing.as_ref().map_or_else(|| Arc::clone(&self.nothing), |l| Arc::clone(&l.rows));
        let (follow_up, themes, language) = (cx.follow_up.clone(), cx.themes.shared_summary().cloned(), cx.language);
        let with_contacts = self.show_contacts && directory.has_contacts();
        let work = move || {
            let list_cx = ListContext {
                survey: &survey,
                directory: &directory,
                follow_up: &follow_up,
                themes: themes.as_deref(),
                language,
                with_contacts,
            };
            (follow_up_table(ProjectTexts::of(language).follow_up_title, &rows, &list_cx), format)
        };
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        self.export = Worker::spawn("follow-up list", work, wake).ok().map(ExportJob);
    }

    /// Starts the export of the list once it is gathered.
    fn poll_export(&mut self, commands: &mut Vec<AppCommand>) {
        if let Some(done) = self.export.as_mut().and_then(|job| job.0.poll()) {
            self.export = None;
            if let Some((table, format)) = done {
                let request = ExportRequest::Table(Box::new(table), format);
                commands.push(AppCommand::Export(ExportCommand::Start(request)));
            }
        }
    }

    /// The list: one line per row, with sorting headers; a click opens a row below.
    fn list(&mut self, ui: &mut egui::Ui, cx: &ViewContext<'_>, list_cx: &ListContext<'_>, rows: &[u32]) {
        let (t, survey) = (cx.t, &cx.loaded.survey);
        let p = ProjectTexts::of(cx.language);
        let segment_names: Vec<&str> = survey.segments.iter().map(|s| s.name.as_str()).take(SEGMENTS_SHOWN).collect();
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
        let comment_header = survey.comment_names.first().map_or(t.col_comment, String::as_str).to_owned();
        let contact_headers: Vec<&str> =
            if list_cx.with_contacts { list_cx.directory.contact_headers().collect() } else { Vec::new() };
        // Columns share the view's width: segment columns narrow (down to 70 points) before the
        // comment, which takes the rest, is cut below 240; past that the list scrolls sideways.
        let spacing = ui.spacing().item_spacing.x;
        let fixed = 80.0 + 70.0 + 100.0 + if survey.has_dates() { 100.0 } else { 0.0 };
        let fixed = fixed + 170.0 * contact_headers.len() as f32;
        let columns = 4 + segment_names.len() + contact_headers.len() + usize::from(survey.has_dates());
        let room = ui.available_width() - fixed - spacing * columns as f32 - 16.0;
        let segment_width = if segment_names.is_empty() {
            130.0
        } else {
            ((room - 240.0) / segment_names.len() as f32).clamp(70.0, 130.0)
        };
        let comment_width = (room - segment_width * segment_names.len() as f32).max(240.0);
        // The headers sort: a second click on the same one reverses.
        let mut header = |ui: &mut egui::Ui, label: &str, width: f32, order: Option<ResponseOrder>| {
            let sorted = order.filter(|o| *o == self.order).map(|_| self.descending);
            let button = ui.add_enabled_ui(order.is_some(), |ui| {
                ui.allocate_ui_with_layout(
                    egui::vec2(width, row_height),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(width);
                        // A long header is shortened to its column, in full on hover and for
                        // screen readers.
                        let font = egui::TextStyle::Button.resolve(ui.style());
                        let shown = super::plot::fit(ui, label, &font, width - 28.0);
                        let button = super::views::sort_button(ui, &shown, sorted);
                        if shown == label {
                            button
                        } else {
                            let name = label.to_owned();
                            button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                            button.on_hover_text(label)
                        }
                    },
                )
                .inner
            });
            if let Some(order) = order
                && button.inner.clicked()
            {
                self.descending = if self.order == order { !self.descending } else { false };
                self.order = order;
            }
        };
        ui.horizontal(|ui| {
            header(ui, t.col_row, 80.0, Some(ResponseOrder::Row));
            header(ui, t.col_score, 70.0, Some(ResponseOrder::Score));
            if survey.has_dates() {
                header(ui, t.col_date, 100.0, Some(ResponseOrder::Date));
            }
            for (k, name) in segment_names.iter().enumerate() {
                header(ui, name, segment_width, Some(ResponseOrder::Segment(k)));
            }
            for name in &contact_headers {
                header(ui, name, 170.0, None);
            }
            header(ui, p.col_status, 100.0, None);
            if !survey.comment_names.is_empty() {
                header(ui, &comment_header, comment_width, Some(ResponseOrder::Comment));
            }
        });
        ui.separator();
        let visuals = ui.visuals().clone();
        egui::ScrollArea::both().auto_shrink([false, false]).show_rows(ui, row_height, rows.len(), |ui, range| {
            for &position in &rows[range] {
                let Some(row) = survey.response(position as usize, SEGMENTS_SHOWN) else { continue };
                let who = list_cx.directory.respondent(row.row as usize);
                let mark = list_cx.follow_up.mark(&who);
                // The highlight is drawn behind the row: its place is kept before the row is laid out.
                let background = ui.painter().add(egui::Shape::Noop);
                let line = ui.horizontal(|ui| {
                    let cell = |ui: &mut egui::Ui, width: f32, text: RichText| {
                        ui.add_sized([width, row_height], egui::Label::new(text).truncate().selectable(false));
                    };
                    cell(ui, 80.0, RichText::new(row.row.to_string()));
                    let score = row.score.unwrap_or_default();
                    let tone = Tone::of_score(usize::from(score));
                    cell(ui, 70.0, RichText::new(score.to_string()).strong().color(theme::tone_text(tone, &visuals)));
                    if survey.has_dates() {
                        cell(ui, 100.0, RichText::new(&row.date));
                    }
                    for value in &row.segments {
                        cell(ui, segment_width, RichText::new(value));
                    }
                    if !contact_headers.is_empty() {
                        for contact in list_cx.directory.contacts(row.row as usize) {
                            cell(ui, 170.0, RichText::new(contact));
                        }
                    }
                    let status = mark.map_or(FollowUpStatus::Open, |m| m.status);
                    let status_text = RichText::new(status_label(status, p));
                    cell(
                        ui,
                        100.0,
                        if status == FollowUpStatus::Open { status_text.weak() } else { status_text.strong() },
                    );
                    if !survey.comment_names.is_empty() {
                        // Its column's width, not the scroll area's: the comment ends in an
                        // ellipsis in sight (a click opens it whole).
                        let layout = egui::Layout::left_to_right(egui::Align::Center);
                        ui.allocate_ui_with_layout(egui::vec2(comment_width, row_height), layout, |ui| {
                            ui.set_max_width(comment_width);
                            ui.add(egui::Label::new(row.comment.replace('\n', " ")).truncate().selectable(false));
                        });
                    }
                });
                let rect = line.response.rect.expand2(egui::vec2(0.0, 2.0));
                let id = ui.scope_id().with(("response", position));
                let response = ui.interact(rect, id, egui::Sense::click());
                let opened = self.opened == Some(position);
                if opened || response.hovered() {
                    let fill =
                        if opened { visuals.selection.bg_fill.gamma_multiply(0.5) } else { visuals.faint_bg_color };
                    ui.painter().set(background, egui::Shape::rect_filled(rect, 2.0, fill));
                }
                let name = format!("{} {}: {}", t.col_row, row.row, row.comment);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.clicked() {
                    self.opened = if opened { None } else { Some(position) };
                }
            }
        });
    }

    /// The opened row: its answers whole, its themes and contact details, and its follow-up.
    fn opened_row(
        &mut self,
        ui: &mut egui::Ui,
        cx: &ViewContext<'_>,
        list_cx: &ListContext<'_>,
        position: u32,
        commands: &mut Vec<AppCommand>,
    ) {
        let survey = list_cx.survey;
        let p = ProjectTexts::of(cx.language);
        let Some(row) = survey.response(position as usize, survey.segments.len()) else { return };
        let who = list_cx.directory.respondent(row.row as usize);
        egui::ScrollArea::vertical().id_salt("opened-row").auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                let score = row.score.map_or_else(|| "–".to_owned(), |s| s.to_string());
                let mut heading = fill(p.respondent_line, &[("row", &row.row.to_string()), ("score", &score)]);
                if let (Some(header), Respondent::Id(id)) = (list_cx.directory.id_header(), &who) {
                    heading.push_str(&format!(" · {header}: {id}"));
                }
                if !row.date.is_empty() {
                    heading.push_str(&format!(" · {}", row.date));
                }
                ui.label(RichText::new(heading).strong());
                if ui.button(p.close_details).clicked() {
                    self.opened = None;
                }
            });
            let segments: Vec<String> =
                survey.segments.iter().zip(&row.segments).map(|(s, v)| format!("{}: {v}", s.name)).collect();
            if !segments.is_empty() {
                ui.label(RichText::new(segments.join(" · ")).weak());
            }
            for (name, comment) in survey.comment_names.iter().zip(survey.comments_of(position as usize)) {
                ui.add_space(4.0);
                ui.label(RichText::new(name).strong());
                ui.add(egui::Label::new(if comment.trim().is_empty() { "–".to_owned() } else { comment }).wrap());
            }
            let themes = crate::app::follow_up::themes_of(list_cx.themes, position, cx.language);
            if !themes.is_empty() {
                ui.add_space(4.0);
                ui.label(fill(p.themes_line, &[("themes", &themes.join(", "))]));
            }
            if list_cx.with_contacts {
                let contacts: Vec<String> = list_cx
                    .directory
                    .contact_headers()
                    .zip(list_cx.directory.contacts(row.row as usize))
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(h, v)| format!("{h}: {v}"))
                    .collect();
                if !contacts.is_empty() {
                    ui.label(fill(p.contacts_line, &[("contacts", &contacts.join(" · "))]));
                }
            }
            ui.add_space(6.0);
            self.follow_up_controls(ui, list_cx, &who, p, commands);
        });
    }

    /// The status buttons and the note of the opened row's respondent.
    fn follow_up_controls(
        &mut self,
        ui: &mut egui::Ui,
        list_cx: &ListContext<'_>,
        who: &Respondent,
        p: &ProjectTexts,
        commands: &mut Vec<AppCommand>,
    ) {
        let mark = list_cx.follow_up.mark(who);
        let status = mark.map_or(FollowUpStatus::Open, |m| m.status);
        if self.note.as_ref().is_none_or(|(w, _)| w != who) {
            self.note = Some((who.clone(), mark.map(|m| m.note.clone()).unwrap_or_default()));
        }
        let Some((_, note)) = self.note.as_mut() else { return };
        let mut chosen = None;
        ui.horizontal(|ui| {
            ui.label(RichText::new(p.status_label).strong());
            for choice in [FollowUpStatus::Open, FollowUpStatus::Contacted, FollowUpStatus::Resolved] {
                if ui.radio(status == choice, status_label(choice, p)).clicked() {
                    chosen = Some(choice);
                }
            }
        });
        let field = egui::TextEdit::multiline(note).hint_text(p.note_hint).desired_rows(2).desired_width(f32::INFINITY);
        let response = ui.add(field);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, p.col_note));
        if chosen.is_some() || response.changed() {
            let status = chosen.unwrap_or(status);
            commands.push(AppCommand::FollowUp(FollowUpCommand::Mark(who.clone(), status, note.clone())));
        }
        if list_cx.directory.ids_not_kept() {
            ui.label(RichText::new(p.marks_by_row_large).size(theme::FOOTNOTE_SIZE).weak());
        } else if list_cx.directory.id_header().is_none() {
            ui.label(RichText::new(p.marks_by_row).size(theme::FOOTNOTE_SIZE).weak());
        }
    }
}

/// The values found in both ascending lists.
fn sorted_intersection(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sorted_intersection;

    #[test]
    fn intersection_keeps_the_rows_in_both_lists_in_order() {
        assert_eq!(sorted_intersection(&[0, 2, 3, 7, 9, 12], &[1, 2, 7, 8, 12, 40]), [2, 7, 12]);
        assert_eq!(sorted_intersection(&[1, 2], &[]), [] as [u32; 0]);
        assert_eq!(sorted_intersection(&[5], &[5]), [5]);
    }
}
