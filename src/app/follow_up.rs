//! The follow-up list (closing the loop with the respondents who scored low): the marks the user
//! sets on respondents (contacted, resolved, a note), who each row's respondent is and how to
//! reach them (the file's ID and contact columns, read from the table as imported), and the list
//! as a table to export.
//!
//! A mark names the respondent by the file's ID when it has an ID column, so a project carries
//! it to the next wave's file; without one, by the spreadsheet row, which holds for that file
//! only (a project opened on another file drops such marks).

use std::collections::HashMap;
use std::sync::Arc;

use crate::analysis::{Survey, ThemeSummary};
use crate::export::table::{Cell, Column, ColumnKind, Table};
use crate::i18n::{Language, ProjectTexts, Texts};
use crate::import::{ContactKind, ImportedTable};
use crate::project::{FollowUpMark, FollowUpStatus};

/// Rows of the table read at the start, to tell a column of e-mail addresses by its cells.
const SAMPLED_ROWS: usize = 200;

/// The marks set on respondents.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUp {
    marks: Vec<FollowUpMark>,
}

/// Who a survey row's respondent is, for a mark: the file's ID, else the spreadsheet row.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Respondent {
    /// The value of the ID column.
    Id(String),
    /// The spreadsheet row (the file has no ID column, or this row's ID is blank).
    Row(usize),
}

impl Respondent {
    fn of(mark: &FollowUpMark) -> Option<Self> {
        match (&mark.id, mark.row) {
            (Some(id), _) => Some(Self::Id(id.clone())),
            (None, Some(row)) => Some(Self::Row(row)),
            (None, None) => None,
        }
    }
}

/// What the user asks of the follow-up list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FollowUpCommand {
    /// Set a respondent's status and note (open with no note removes the mark).
    Mark(Respondent, FollowUpStatus, String),
}

impl FollowUp {
    /// Every mark, in the order set.
    #[must_use]
    pub fn marks(&self) -> &[FollowUpMark] {
        &self.marks
    }

    /// Starts from a project's marks; `same_file`: the file the project was saved on, so marks
    /// by row still name the same people (on another file they are dropped).
    pub fn start_from(&mut self, marks: &[FollowUpMark], same_file: bool) {
        self.marks = marks.iter().filter(|m| m.id.is_some() || same_file).cloned().collect();
    }

    /// Adds a project's saved `marks` to those in memory, which win where both name the same
    /// respondent (they were set since the save); marks by row only when `same_file`.
    pub fn merge_saved(&mut self, marks: &[FollowUpMark], same_file: bool) {
        for mark in marks.iter().filter(|m| m.id.is_some() || same_file) {
            let known = Respondent::of(mark).is_some_and(|who| self.mark(&who).is_some());
            if !known {
                self.marks.push(mark.clone());
            }
        }
    }

    /// The mark of a respondent, if any.
    #[must_use]
    pub fn mark(&self, who: &Respondent) -> Option<&FollowUpMark> {
        self.marks.iter().find(|m| Respondent::of(m).as_ref() == Some(who))
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: FollowUpCommand) {
        match command {
            FollowUpCommand::Mark(who, status, note) => {
                self.marks.retain(|m| Respondent::of(m).as_ref() != Some(&who));
                if status != FollowUpStatus::Open || !note.trim().is_empty() {
                    let (id, row) = match who {
                        Respondent::Id(id) => (Some(id), None),
                        Respondent::Row(row) => (None, Some(row)),
                    };
                    self.marks.push(FollowUpMark { id, row, status, note });
                }
            }
        }
    }

    /// The marks by respondent, for a long list.
    fn by_respondent(&self) -> HashMap<Respondent, &FollowUpMark> {
        self.marks.iter().filter_map(|m| Respondent::of(m).map(|who| (who, m))).collect()
    }
}

/// How to find a survey row's respondent and contact details in the table as imported.
#[derive(Debug, Clone)]
pub struct Directory {
    table: Option<Arc<ImportedTable>>,
    /// The ID column's index in the table.
    id_column: Option<usize>,
    /// Contact columns: index, kind and header.
    contacts: Vec<(usize, ContactKind, String)>,
    /// Whether the survey has a respondent ID column (kept or not).
    has_id_column: bool,
}

impl Directory {
    /// The directory of a survey read from `table` (`None`: the table was too large to keep, so
    /// rows are known by their spreadsheet row only).
    #[must_use]
    pub fn new(survey: &Survey, table: Option<&Arc<ImportedTable>>) -> Self {
        let has_id_column = survey.respondents.is_some();
        let Some(table) = table else {
            return Self { table: None, id_column: None, contacts: Vec::new(), has_id_column };
        };
        let id_column = survey.respondents.as_ref().and_then(|r| table.headers.iter().position(|h| *h == r.column));
        let skip: Vec<usize> = id_column.into_iter().chain([table.score_column]).collect();
        let sampled = table.rows.row_count().min(SAMPLED_ROWS);
        let found = crate::import::contact_columns(&table.headers, &skip, |c| {
            (0..sampled).map(|r| table.rows.cell(r, c)).collect()
        });
        let contacts = found.into_iter().map(|(c, kind)| (c, kind, table.headers[c].clone())).collect();
        Self { table: Some(Arc::clone(table)), id_column, contacts, has_id_column }
    }

    /// The contact columns' headers.
    pub fn contact_headers(&self) -> impl Iterator<Item = &str> {
        self.contacts.iter().map(|(_, _, h)| h.as_str())
    }

    /// Whether the file has contact columns.
    #[must_use]
    pub fn has_contacts(&self) -> bool {
        !self.contacts.is_empty()
    }

    /// Whether the file has an ID column whose values could not be kept (the table was too
    /// large to keep in memory): marks are then kept by row.
    #[must_use]
    pub fn ids_not_kept(&self) -> bool {
        self.id_column.is_none() && self.table.is_none() && self.has_id_column
    }

    /// The ID column's header, when the file has one.
    #[must_use]
    pub fn id_header(&self) -> Option<&str> {
        let table = self.table.as_ref()?;
        self.id_column.map(|c| table.headers[c].as_str())
    }

    /// The table's row of a spreadsheet row number.
    fn table_row(&self, row: usize) -> Option<(&ImportedTable, usize)> {
        let table = self.table.as_ref()?;
        table.rows.row_of_number(row).map(|r| (table.as_ref(), r))
    }

    /// Who the respondent of spreadsheet row `row` is.
    #[must_use]
    pub fn respondent(&self, row: usize) -> Respondent {
        let id = self.id_column.and_then(|c| self.table_row(row).map(|(t, r)| t.rows.cell(r, c).trim().to_owned()));
        match id.filter(|id| !id.is_empty()) {
            Some(id) => Respondent::Id(id),
            None => Respondent::Row(row),
        }
    }

    /// The contact details of spreadsheet row `row`, one per contact column.
    #[must_use]
    pub fn contacts(&self, row: usize) -> Vec<String> {
        match self.table_row(row) {
            Some((table, r)) => {
                self.contacts.iter().map(|(c, _, _)| table.rows.cell(r, *c).trim().to_owned()).collect()
            }
            None => vec![String::new(); self.contacts.len()],
        }
    }
}

/// The words of a status.
#[must_use]
pub fn status_label(status: FollowUpStatus, p: &ProjectTexts) -> &'static str {
    match status {
        FollowUpStatus::Open => p.status_open,
        FollowUpStatus::Contacted => p.status_contacted,
        FollowUpStatus::Resolved => p.status_resolved,
    }
}

/// The themes row `position` mentions, by label, those it complains about first.
#[must_use]
pub fn themes_of(summary: Option<&ThemeSummary>, position: u32, language: Language) -> Vec<String> {
    let Some(summary) = summary else { return Vec::new() };
    let mentions = |rows: &[crate::analysis::ThemeRow]| -> Vec<String> {
        rows.iter()
            .filter(|r| r.positions.binary_search(&position).is_ok())
            .map(|r| r.labels.get(language.comment_language()).to_owned())
            .collect()
    };
    let mut themes = mentions(&summary.complaints);
    for label in mentions(&summary.themes) {
        if !themes.contains(&label) {
            themes.push(label);
        }
    }
    themes
}

/// What goes into the exported follow-up list besides the rows.
pub struct ListContext<'a> {
    /// The survey the rows are positions of.
    pub survey: &'a Survey,
    /// Who the respondents are.
    pub directory: &'a Directory,
    /// The marks.
    pub follow_up: &'a FollowUp,
    /// The themes of the comments, when counted.
    pub themes: Option<&'a ThemeSummary>,
    /// The language of the headers and theme labels.
    pub language: Language,
    /// Whether the contact columns go in.
    pub with_contacts: bool,
}

/// The follow-up list of `rows` (positions in the survey) as a table: row, ID, contact columns
/// (when asked), score, date, segments, themes, comments, status and note.
#[must_use]
pub fn follow_up_table(title: &str, rows: &[u32], cx: &ListContext<'_>) -> Table {
    let (t, p): (&Texts, &ProjectTexts) = (cx.language.texts(), ProjectTexts::of(cx.language));
    let survey = cx.survey;
    let text = |h: &str| Column::new(h, ColumnKind::Text);
    let mut columns = vec![Column::new(t.col_row, ColumnKind::Integer)];
    let id_header = cx.directory.id_header();
    if let Some(h) = id_header {
        columns.push(text(h));
    }
    if cx.with_contacts {
        columns.extend(cx.directory.contact_headers().map(text));
    }
    columns.push(Column::new(t.col_score, ColumnKind::Integer));
    if survey.has_dates() {
        columns.push(text(t.col_date));
    }
    columns.extend(survey.segments.iter().map(|s| text(&s.name)));
    columns.push(text(p.col_themes));
    columns.extend(survey.comment_names.iter().map(|c| text(c)));
    columns.extend([text(p.col_status), text(p.col_note)]);
    let marks = cx.follow_up.by_respondent();
    let body = rows
        .iter()
        .filter_map(|&position| {
            let row = survey.response(position as usize, survey.segments.len())?;
            let number = row.row as usize;
            let who = cx.directory.respondent(number);
            let mut cells = vec![Cell::Number(f64::from(row.row))];
            if id_header.is_some() {
                cells.push(match &who {
                    Respondent::Id(id) => Cell::Text(id.clone()),
                    Respondent::Row(_) => Cell::Empty,
                });
            }
            if cx.with_contacts {
                cells.extend(cx.directory.contacts(number).into_iter().map(Cell::Text));
            }
            cells.push(row.score.map_or(Cell::Empty, |s| Cell::Number(f64::from(s))));
            if survey.has_dates() {
                cells.push(Cell::Text(row.date.clone()));
            }
            cells.extend(row.segments.into_iter().map(Cell::Text));
            cells.push(Cell::Text(themes_of(cx.themes, position, cx.language).join("; ")));
            cells.extend(survey.comments_of(position as usize).into_iter().map(Cell::Text));
            let mark = marks.get(&who);
            cells.push(Cell::Text(status_label(mark.map_or(FollowUpStatus::Open, |m| m.status), p).to_owned()));
            cells.push(Cell::Text(mark.map(|m| m.note.clone()).unwrap_or_default()));
            Some(cells)
        })
        .collect();
    Table { title: title.to_owned(), columns, rows: body }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_is_replaced_by_the_next_and_removed_when_open_without_a_note() {
        let mut follow_up = FollowUp::default();
        let ann = Respondent::Id("R-17".into());
        follow_up.apply(FollowUpCommand::Mark(ann.clone(), FollowUpStatus::Contacted, "called".into()));
        follow_up.apply(FollowUpCommand::Mark(Respondent::Row(9), FollowUpStatus::Open, "voicemail".into()));
        follow_up.apply(FollowUpCommand::Mark(ann.clone(), FollowUpStatus::Resolved, "refund sent".into()));
        assert_eq!(follow_up.marks().len(), 2);
        let mark = follow_up.mark(&ann).unwrap();
        assert_eq!((mark.status, mark.note.as_str()), (FollowUpStatus::Resolved, "refund sent"));
        follow_up.apply(FollowUpCommand::Mark(ann.clone(), FollowUpStatus::Open, " ".into()));
        assert!(follow_up.mark(&ann).is_none());
        assert_eq!(follow_up.mark(&Respondent::Row(9)).unwrap().note, "voicemail");
        // On another file, a mark by row names someone else: only marks by ID carry over.
        let marks = follow_up.marks().to_vec();
        follow_up.start_from(&marks, false);
        assert!(follow_up.marks().is_empty());
        follow_up.start_from(&marks, true);
        assert_eq!(follow_up.marks(), marks);
        // A project's saved marks fill in; a mark set since the save wins.
        follow_up.apply(FollowUpCommand::Mark(Respondent::Row(9), FollowUpStatus::Resolved, "called back".into()));
        let saved = vec![
            FollowUpMark { id: None, row: Some(9), status: FollowUpStatus::Open, note: "voicemail".into() },
            FollowUpMark { id: Some("R-5".into()), row: None, status: FollowUpStatus::Contacted, note: String::new() },
        ];
        follow_up.merge_saved(&saved, true);
        assert_eq!(follow_up.mark(&Respondent::Row(9)).unwrap().status, FollowUpStatus::Resolved);
        assert_eq!(follow_up.mark(&Respondent::Id("R-5".into())).unwrap().status, FollowUpStatus::Contacted);
        assert_eq!(follow_up.marks().len(), 2);
    }
}
