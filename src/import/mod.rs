//! Reading survey files into a table of text cells with named columns: format (by content as
//! well as by extension) and encoding detection, delimiter sniffing, sheet choice, the layout and
//! header rows, each column's role and the score column. The caller's progress callback follows
//! and can stop the reading of a text file. [`read_plain_rows`] reads small tables that are not
//! surveys (benchmark rows, invited counts) with the same guards.
//!
//! Owns everything between the bytes on disk and an [`ImportedTable`]. It must not compute any
//! statistic, and it never writes to the input file.

pub mod align;
pub mod columns;
pub mod dates;
pub mod delimited;
pub mod layout;
pub mod roles;
pub mod score;
pub mod table;
pub mod text;
pub mod workbook;
mod xlsx;

use std::path::Path;

use serde::Serialize;

pub use columns::{ScaleDoubt, ScoreColumnChoice, column_letter, find_column, find_score_column};
pub use dates::{DateDoubts, DateOrder, TWO_DIGIT_YEARS};
use delimited::NotParsed;
pub use layout::Layout;
pub use roles::{ColumnRole, ContactKind, Role, contact_columns};
pub use score::{Decimal, ExclusionReason, parse_score, parse_score_in};
pub use table::CellTable;
pub use text::TextEncoding;
use workbook::{WorkbookKind, WorkbookProblem};

/// Files larger than this are refused before reading, with a message saying so.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// What the user asked for when opening a file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Sheet to read in a workbook; `None` reads the first sheet that holds data.
    pub sheet: Option<String>,
    /// Column holding the 0-10 answers; `None` detects it.
    pub score_column: Option<String>,
    /// Roles the user set on the review screen, by column name, over the detected ones.
    pub roles: Vec<(String, Role)>,
    /// Use no weight column, even one that was detected or named.
    pub no_weight: bool,
    /// How a score column that may be asked on another scale than 0-10 ([`ScaleDoubt`]) is met.
    pub score_scale: ScaleCheck,
    /// How the date column writes its dates, as the user says (over the detected order).
    pub date_order: Option<DateOrder>,
}

/// How a score column that may be asked on another scale than 0-10 ([`ScaleDoubt`]: its header
/// names another scale, or every answer lies within 1-5) is met.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum ScaleCheck {
    /// Refused, with the reason (the command line, until `--score-scale 0-10`).
    #[default]
    Refuse,
    /// Read, with the doubt in [`ImportFacts::score_scale_doubt`] for the review to ask (the
    /// window: nothing is analysed until the user answers).
    Ask,
    /// The user says the answers are 0-10.
    Confirmed,
}

/// The kind of file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FileFormat {
    /// Comma- or otherwise delimited text (`.csv`, `.tsv`, `.txt`).
    Delimited,
    /// A spreadsheet workbook.
    Workbook,
}

/// Where the data came from and how it was read, for messages and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// The file name as shown to the user (no directories).
    pub file_name: String,
    /// Text or workbook.
    pub format: FileFormat,
    /// The detected encoding of a text file.
    pub encoding: Option<TextEncoding>,
    /// The detected delimiter of a text file.
    pub delimiter: Option<char>,
    /// The sheet read from a workbook.
    pub sheet: Option<String>,
    /// Every sheet of a workbook.
    pub sheet_names: Vec<String>,
    /// What the file really is when its extension says otherwise (`text (CSV)`, `xlsx workbook`):
    /// it was read by its content.
    pub read_as: Option<&'static str>,
    /// Lines of a UTF-8 file that were not valid UTF-8 and were read as Windows-1252.
    pub windows_1252_lines: Vec<usize>,
}

impl SourceInfo {
    /// The decimal mark the file writes numbers with ([`Decimal`]).
    #[must_use]
    pub fn decimal(&self) -> Decimal {
        match self.format {
            FileFormat::Delimited => Decimal::of_delimiter(self.delimiter),
            FileFormat::Workbook => Decimal::Either,
        }
    }

    /// "file.xlsx, sheet Responses" or "file.csv": the place named in messages.
    #[must_use]
    pub fn place(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{}, sheet '{sheet}'", self.file_name),
            None => self.file_name.clone(),
        }
    }
}

/// A file read into named columns of text cells, with the score column chosen.
#[derive(Debug, Clone)]
pub struct ImportedTable {
    /// Where it came from.
    pub source: SourceInfo,
    /// What the import found: layout, header and title rows, merged choices, roles, guesses.
    /// The table dereferences to them (`table.layout`, `table.roles`).
    pub facts: ImportFacts,
    /// Column names; a blank header becomes `Column C`, repeated names get ` (2)`, ` (3)`.
    pub headers: Vec<String>,
    /// The tool's short code per column (Qualtrics `Q1`), empty where there is none.
    pub codes: Vec<String>,
    /// The data rows below the header, one per respondent.
    pub rows: CellTable,
    /// Index of the score column.
    pub score_column: usize,
}

impl std::ops::Deref for ImportedTable {
    type Target = ImportFacts;
    fn deref(&self) -> &ImportFacts {
        &self.facts
    }
}

impl std::ops::DerefMut for ImportedTable {
    fn deref_mut(&mut self) -> &mut ImportFacts {
        &mut self.facts
    }
}

/// A column headed like a weight (weight, gewicht, vægt) whose values do not look like survey
/// weights, so it was not applied; the user is asked to confirm with `--weight` or the review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedWeight {
    /// The column's name.
    pub column: String,
    /// Why: `not_numbers`, `not_positive`, `blank` or `mean_not_near_1`.
    pub reason: &'static str,
    /// The rows at fault with their values (the first three, and how many more), or the mean,
    /// in English.
    pub detail: String,
    /// The first three rows at fault: spreadsheet row number and value ("" for a blank).
    pub rows: Vec<(usize, String)>,
    /// How many more rows are at fault.
    pub more_rows: usize,
}

/// The cells of the date column that hold no readable date, for the notice "rows left out of the
/// trend". Blank cells count too: such rows have no date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnreadableDates {
    /// The date column.
    pub column: String,
    /// How many data rows have no readable date (blank or unreadable).
    pub rows: usize,
    /// Of those, how many are blank.
    pub blank: usize,
    /// Spreadsheet row numbers of the first few unreadable (non-blank) cells.
    pub examples: Vec<usize>,
    /// What those cells held.
    pub values: Vec<String>,
}

/// What the import found out about a file's shape and columns, for the report and the review
/// screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportFacts {
    /// The layout detected.
    pub layout: Layout,
    /// Spreadsheet row number of the (first) header row.
    pub header_row: usize,
    /// How many rows the header spans.
    pub header_rows: usize,
    /// Title or note rows above the header that were left out.
    pub title_rows: usize,
    /// Spreadsheet rows below the data left out as totals or notes.
    pub footer_rows: Vec<usize>,
    /// Questions spread over one column per choice, merged: (name, columns).
    pub merged_choices: Vec<(String, usize)>,
    /// A long file pivoted to one row per respondent: which column played which part.
    pub long_format: Option<layout::LongParts>,
    /// Every column's role.
    pub roles: Vec<ColumnRole>,
    /// The score column was chosen by its answers (announced as a guess).
    pub score_guessed: bool,
    /// Other columns that look like 0-10 scores, when the score column was guessed.
    pub score_alternatives: Vec<String>,
    /// The score column may be asked on another scale than 0-10, and the user has not said
    /// (only with [`ScaleCheck::Ask`]).
    pub score_scale_doubt: Option<ScaleDoubt>,
    /// A weight-like column that was not applied, and why.
    pub skipped_weight: Option<SkippedWeight>,
    /// The file has no header row.
    pub header_missing: bool,
    /// Rows whose comment held the delimiter unquoted: its parts were joined back into the
    /// comment (spreadsheet row numbers).
    pub joined_rows: Vec<usize>,
    /// Rows left out of every figure because their fields do not line up with the header:
    /// table row (position) and how many fields it has, ascending.
    #[serde(skip)]
    pub misaligned_rows: Vec<(usize, usize)>,
    /// How many fields a row of a delimited file has (the header's, or what most rows have).
    #[serde(skip)]
    pub fields: usize,
}

impl ImportFacts {
    /// "Qualtrics export, 3 header rows": the layout as the review screen names it.
    #[must_use]
    pub fn layout_label(&self) -> String {
        match self.header_rows {
            0 => format!("{}, no header row", self.layout.tool()),
            1 => self.layout.tool().to_owned(),
            n => format!("{}, {n} header rows", self.layout.tool()),
        }
    }

    /// The first column with `role`.
    #[must_use]
    pub fn column_with(&self, role: Role) -> Option<&str> {
        self.roles.iter().find(|r| r.role == role).map(|r| r.column.as_str())
    }

    /// Every column with `role`.
    #[must_use]
    pub fn columns_with(&self, role: Role) -> Vec<String> {
        self.roles.iter().filter(|r| r.role == role).map(|r| r.column.clone()).collect()
    }
}

impl ImportedTable {
    /// The facts of the import, detached from the cells.
    #[must_use]
    pub fn facts(&self) -> ImportFacts {
        self.facts.clone()
    }

    /// The rows whose date cannot be read, when the file has a date column; `None` without a date
    /// column or when every row's date reads.
    #[must_use]
    pub fn unreadable_dates(&self) -> Option<UnreadableDates> {
        let c = self.roles.iter().position(|r| r.role == Role::Date)?;
        let order = self.roles[c].date_order.unwrap_or(DateOrder::Iso);
        let mut found = UnreadableDates {
            column: self.headers[c].clone(),
            rows: 0,
            blank: 0,
            examples: Vec::new(),
            values: Vec::new(),
        };
        for r in 0..self.rows.row_count() {
            if self.rows.row_is_blank(r) {
                continue;
            }
            let cell = self.rows.cell(r, c);
            if dates::parse_date(cell, order).is_some() {
                continue;
            }
            found.rows += 1;
            if cell.trim().is_empty() {
                found.blank += 1;
            } else if found.examples.len() < 5 {
                found.examples.push(self.rows.row_number(r));
                found.values.push(cell.trim().to_owned());
            }
        }
        (found.rows > 0).then_some(found)
    }

    /// Index of the column named `name` (see [`find_column`]), or an error naming the file.
    pub fn column_index(&self, name: &str) -> Result<usize, ImportError> {
        find_column(&self.headers, name).or_else(|| find_column(&self.codes, name)).ok_or_else(|| {
            ImportError::NoSuchColumn {
                place: self.source.place(),
                column: name.to_owned(),
                available: list_headers(&self.headers),
            }
        })
    }
}

/// Why a file could not be used. Every message names the file (and sheet) and says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The operating system refused the read.
    #[error("{file}: cannot be read: {reason}")]
    Unreadable { file: String, reason: String },
    /// Zero bytes.
    #[error("{file}: the file is empty")]
    Empty { file: String },
    /// A folder, a device or a pipe: only saved files are read.
    #[error("{file}: is {what}, not a saved file; choose the survey file itself")]
    NotAFile { file: String, what: &'static str },
    /// Over [`MAX_FILE_BYTES`].
    #[error(
        "{file}: the file is {size_mb} MB, more than the 1024 MB this program reads; split it or export only the needed columns"
    )]
    TooLarge { file: String, size_mb: u64 },
    /// Not text and not a workbook.
    #[error("{file}: this is not a text or spreadsheet export (it holds binary data)")]
    Binary { file: String },
    /// An extension we do not read.
    #[error("{file}: files of type '.{extension}' cannot be opened; use csv, tsv, txt, xlsx, xlsm, xlsb, xls or ods")]
    Unsupported { file: String, extension: String },
    /// A workbook calamine could not open.
    #[error("{file}: the workbook cannot be opened (damaged, or not really a {kind} file): {reason}")]
    DamagedWorkbook { file: String, kind: String, reason: String },
    /// A workbook that would unpack to an absurd size.
    #[error(
        "{file}: the workbook would unpack to {unpacked_mb} MB, far more than a survey holds; it was not opened (it may be damaged or malicious)"
    )]
    ArchiveTooLarge { file: String, unpacked_mb: u64 },
    /// An encrypted workbook.
    #[error("{file}: the workbook is password-protected; open it in Excel, remove the password and save a copy")]
    PasswordProtected { file: String },
    /// `--sheet` named a sheet that is not there.
    #[error("{file}: there is no sheet '{sheet}'; sheets: {available}")]
    NoSuchSheet { file: String, sheet: String, available: String },
    /// No row with any value.
    #[error("{place}: no data: every row is blank")]
    NoRows { place: String },
    /// A header row and nothing below it.
    #[error("{place}: the header (row {header_row}) has no data rows below it")]
    HeaderOnly { place: String, header_row: usize },
    /// No column holds 0-10 answers.
    #[error("{place}: {layout}no column with 0-10 scores; candidates: {candidates}")]
    NoScoreColumn {
        place: String,
        /// The layout recognised, as a prefix (`Qualtrics export, 3 header rows; `), or empty.
        layout: String,
        candidates: String,
    },
    /// A named column does not exist.
    #[error("{place}: no column '{column}'; columns: {available}")]
    NoSuchColumn { place: String, column: String, available: String },
    /// The column whose header names the recommendation question holds no answer.
    #[error(
        "{place}: the NPS question '{column}' has no answers; no other column is used in its place (name one with --score COLUMN)"
    )]
    ScoreColumnBlank { place: String, column: String },
    /// The score column looks asked on another scale than 0-10.
    #[error(
        "{place}: the NPS question '{column}' {why}, but the Net Promoter Score needs 0-10 answers; name the 0-10 question (--score COLUMN), or, if these answers are 0-10 after all, say so (--score-scale 0-10)"
    )]
    ScoreScale { place: String, column: String, why: String },
    /// No header speaks of recommending, and the score column would be a guess.
    #[error(
        "{place}: no column header speaks of recommending; columns whose answers look like 0-10 scores: {candidates}; name the NPS question with --score COLUMN (its header or letter)"
    )]
    ScoreNotNamed { place: String, candidates: String },
    /// The weight column named cannot be used.
    #[error("{place}: column '{column}' cannot be the weight: {reason}")]
    BadWeightColumn { place: String, column: String, reason: String },
    /// A quote opens a cell and is never closed, so the rest of the file would be one cell.
    #[error(
        "{file}: row {row}, column {column}: a quote (\") opens a cell and is never closed, so the {lines} line(s) after it would be read as one cell; close or remove the quote"
    )]
    UnclosedQuote { file: String, row: usize, column: String, lines: usize },
    /// The user stopped the load.
    #[error("{file}: loading was cancelled")]
    Cancelled { file: String },
}

fn list_headers(headers: &[String]) -> String {
    let mut names: Vec<String> = headers.iter().take(12).map(|h| format!("'{}'", columns::short(h))).collect();
    if headers.len() > 12 {
        names.push(format!("and {} more", headers.len() - 12));
    }
    names.join(", ")
}

/// The file name without its directories, for messages.
#[must_use]
pub fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Reads the file at `path` (only reads: the file is never modified).
pub fn read_file(
    path: &Path,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<ImportedTable, ImportError> {
    let (file, bytes) = read_within_limit(path)?;
    let again = || read_within_limit(path).map(|(_, bytes)| bytes);
    read_checked_bytes(&file, bytes, Some(&again), options, progress)
}

/// A way to have a file's bytes again, read anew.
type ReadAgain<'a> = Option<&'a dyn Fn() -> Result<FileBytes, ImportError>>;

/// The file's name and bytes, refused unread when over [`MAX_FILE_BYTES`].
fn read_within_limit(path: &Path) -> Result<(String, FileBytes), ImportError> {
    let file = display_name(path);
    let unreadable = |e: std::io::Error| ImportError::Unreadable { file: file.clone(), reason: io_reason(&e) };
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    // A device (`/dev/zero`) or a pipe never ends, and a folder is no survey: refused at once.
    if !metadata.is_file() {
        let what = if metadata.is_dir() { "a folder" } else { "a device or a pipe" };
        return Err(ImportError::NotAFile { file, what });
    }
    let size = metadata.len();
    if size > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file, size_mb: size / (1 << 20) });
    }
    let bytes = read_whole(path, size).map_err(unreadable)?;
    Ok((file, bytes))
}

/// A file's bytes, and whether they are UTF-8 when that was found out while reading them.
struct FileBytes {
    bytes: Vec<u8>,
    utf8: Utf8,
}

impl FileBytes {
    fn unchecked(bytes: Vec<u8>) -> Self {
        Self { bytes, utf8: Utf8::Unchecked }
    }
}

/// What is known of whether some bytes are UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf8 {
    Unchecked,
    Valid,
    Invalid,
}

/// The workbook kind an extension names (`None`: a text file); another extension is refused.
fn kind_by_extension(file: &str) -> Result<Option<WorkbookKind>, ImportError> {
    let extension = Path::new(file).extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match extension.as_str() {
        "xlsx" | "xlsm" => Ok(Some(WorkbookKind::Xlsx)),
        "xlsb" => Ok(Some(WorkbookKind::Xlsb)),
        "xls" => Ok(Some(WorkbookKind::Xls)),
        "ods" => Ok(Some(WorkbookKind::Ods)),
        "csv" | "tsv" | "txt" | "tab" | "" => Ok(None),
        other => Err(ImportError::Unsupported { file: file.to_owned(), extension: other.to_owned() }),
    }
}

/// Reads a small table that is not a survey (benchmark rows, a list) from the file at `path`:
/// the same guards and detection as [`read_file`] (size and unpacked-size limits, format by
/// content, encoding, delimiter sniffing including `;` from Dutch Excel), but no header, layout
/// or score detection. A workbook gives its first sheet with data. Each row comes with its
/// spreadsheet row number.
pub fn read_plain_rows(path: &Path) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let (file, FileBytes { bytes, utf8 }) = read_within_limit(path)?;
    let again = || read_within_limit(path).map(|(_, bytes)| bytes);
    if bytes.is_empty() {
        return Err(ImportError::Empty { file });
    }
    let by_extension = kind_by_extension(&file)?;
    let cells = match kind_by_content(&bytes, by_extension) {
        Some(kind) => {
            let book = workbook::read_workbook(bytes, kind, None).map_err(|p| workbook_error(&file, kind, p))?;
            book.sheets.into_iter().next().map(|(_, cells)| cells).ok_or(ImportError::NoRows { place: file })?
        }
        None => read_text_cells(&file, FileBytes { bytes, utf8 }, Some(&again), &mut |_| true)?.0,
    };
    Ok((0..cells.row_count())
        .map(|r| (cells.row_number(r), (0..cells.column_count()).map(|c| cells.cell(r, c).to_owned()).collect()))
        .collect())
}

/// Files from this size on are read in two halves at once.
const PARALLEL_READ_FROM: u64 = 16 << 20;

/// Reads the whole file. A large one is read in two halves at once, so that copying it from the
/// system's file cache into fresh memory runs on two cores, and each half is checked for UTF-8
/// a piece at a time as it arrives, while the piece is still in the processor's cache (checking
/// the whole file afterwards took one core 8 ms for 80 MB).
fn read_whole(path: &Path, size: u64) -> std::io::Result<FileBytes> {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(len) = usize::try_from(size) else { return read_limited(path).map(FileBytes::unchecked) };
    if size < PARALLEL_READ_FROM {
        return read_limited(path).map(FileBytes::unchecked);
    }
    let mut bytes = vec![0u8; len];
    let middle = len / 2;
    let (head, tail) = bytes.split_at_mut(middle);
    let mut first = std::fs::File::open(path)?;
    let mut second = std::fs::File::open(path)?;
    second.seek(SeekFrom::Start(middle as u64))?;
    let (head_read, tail_read) =
        crate::parallel::both(|| read_checking(&mut first, head, false), || read_checking(&mut second, tail, true));
    let halves = head_read.and_then(|head| tail_read.map(|tail| (head, tail)));
    match halves {
        Ok((head, tail)) => {
            // A character cut by the middle is checked whole: the head's unfinished end and the
            // continuation bytes the tail skipped.
            let valid = head.valid && tail.valid && tail.checked == tail.len;
            let utf8 = if valid && std::str::from_utf8(&bytes[head.checked..middle + tail.skipped]).is_ok() {
                Utf8::Valid
            } else {
                Utf8::Invalid
            };
            // A file that grew meanwhile is read on to its end, and checked with the rest.
            let before = bytes.len();
            second.take(MAX_FILE_BYTES.saturating_sub(before as u64) + 1).read_to_end(&mut bytes)?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(grew_too_large());
            }
            Ok(FileBytes { utf8: if bytes.len() == before { utf8 } else { Utf8::Unchecked }, bytes })
        }
        // One that shrank is read again as it is now.
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => read_limited(path).map(FileBytes::unchecked),
        Err(e) => Err(e),
    }
}

/// The file's bytes, read to its end but no further than [`MAX_FILE_BYTES`]: a file that grows
/// past the limit while it is read (a log still written to) is refused, never cut short.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(grew_too_large());
    }
    Ok(bytes)
}

/// Why a file that grew past the limit while it was read is refused.
fn grew_too_large() -> std::io::Error {
    std::io::Error::other(format!("it grew past the {} MB limit while it was read", MAX_FILE_BYTES >> 20))
}

/// How far a half of a file read by [`read_checking`] was found to be UTF-8.
struct CheckedHalf {
    /// No invalid byte was found.
    valid: bool,
    /// The half is UTF-8 from `skipped` up to here; after it, at most an unfinished character.
    checked: usize,
    /// Continuation bytes at the half's start, left to be checked with the character before.
    skipped: usize,
    len: usize,
}

/// Fills `into` from `file` a piece at a time, checking each piece for UTF-8 as it arrives;
/// `continues` when `into` may start inside a character.
fn read_checking(file: &mut std::fs::File, into: &mut [u8], continues: bool) -> std::io::Result<CheckedHalf> {
    use std::io::Read;
    const PIECE: usize = 256 << 10;
    let mut filled = 0;
    let mut half = CheckedHalf { valid: true, checked: 0, skipped: 0, len: into.len() };
    // Where the half's own characters start is decided once its first three bytes are in.
    let mut started = !continues;
    while filled < into.len() {
        let end = (filled + PIECE).min(into.len());
        match file.read(&mut into[filled..end]) {
            Ok(0) => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            Ok(read) => filled += read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        if !started && (filled >= 3 || filled == into.len()) {
            half.skipped = into[..filled].iter().take(3).take_while(|&&b| b & 0xC0 == 0x80).count();
            half.checked = half.skipped;
            started = true;
        }
        if half.valid && started {
            match std::str::from_utf8(&into[half.checked..filled]) {
                Ok(_) => half.checked = filled,
                // A character cut at the end of the piece is checked again with the next one.
                Err(e) if e.error_len().is_none() => half.checked += e.valid_up_to(),
                Err(_) => half.valid = false,
            }
        }
    }
    Ok(half)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "the file does not exist".to_owned(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied (is it open or locked in another program?)".to_owned()
        }
        std::io::ErrorKind::IsADirectory => "it is a folder, not a file".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads a file already in memory; `file_name` decides the format by its extension.
pub fn read_bytes(
    file_name: &str,
    bytes: Vec<u8>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<ImportedTable, ImportError> {
    read_checked_bytes(file_name, FileBytes::unchecked(bytes), None, options, progress)
}

/// [`read_bytes`] of bytes that may have been checked for UTF-8 already, and may be had `again`.
fn read_checked_bytes(
    file_name: &str,
    FileBytes { bytes, utf8 }: FileBytes,
    again: ReadAgain<'_>,
    options: &ImportOptions,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<ImportedTable, ImportError> {
    let file = file_name.to_owned();
    if bytes.is_empty() {
        return Err(ImportError::Empty { file });
    }
    let by_extension = kind_by_extension(file_name)?;
    // The content decides: a CSV saved as .xlsx is read as text, a workbook saved as .csv as a
    // workbook, and the user is told what the file really is.
    let workbook_kind = kind_by_content(&bytes, by_extension);
    let read_as = (workbook_kind != by_extension).then(|| format_label(workbook_kind));
    let mut table = match workbook_kind {
        Some(kind) => read_workbook_tables(&file, bytes, kind, options)?,
        None => {
            let (cells, source) = read_text_cells(&file, FileBytes { bytes, utf8 }, again, progress)?;
            build_table(source, cells, options)?
        }
    };
    table.source.read_as = read_as;
    Ok(table)
}

/// What a file is by its first bytes: a zip workbook (xlsx, xlsb, ods), an OLE workbook (xls, or
/// an encrypted xlsx), or text. Bytes that are none of these keep the extension's kind, so that a
/// damaged workbook is reported as one.
fn kind_by_content(bytes: &[u8], by_extension: Option<WorkbookKind>) -> Option<WorkbookKind> {
    const ZIP_MAGIC: [u8; 4] = [b'P', b'K', 3, 4];
    const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    let head = &bytes[..bytes.len().min(4096)];
    if bytes.starts_with(&ZIP_MAGIC) {
        if by_extension.is_some_and(|k| k != WorkbookKind::Xls) {
            return by_extension;
        }
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        return Some(if has(b"opendocument.spreadsheet") {
            WorkbookKind::Ods
        } else if has(b".bin") {
            WorkbookKind::Xlsb
        } else {
            WorkbookKind::Xlsx
        });
    }
    if bytes.starts_with(&OLE_MAGIC) {
        // An encrypted xlsx is an OLE file too: the workbook reader says it needs a password.
        return by_extension.or(Some(WorkbookKind::Xls));
    }
    if by_extension.is_some() && (text::utf16_without_bom(bytes).is_some() || !text::looks_binary(bytes)) {
        return None;
    }
    by_extension
}

/// The kind of file in words, for "this .xlsx file is a text (CSV) file".
fn format_label(kind: Option<WorkbookKind>) -> &'static str {
    match kind {
        None => "text (CSV)",
        Some(WorkbookKind::Xlsx) => "xlsx workbook",
        Some(WorkbookKind::Xlsb) => "xlsb workbook",
        Some(WorkbookKind::Xls) => "xls workbook",
        Some(WorkbookKind::Ods) => "ods spreadsheet",
    }
}

fn read_text_cells(
    file: &str,
    FileBytes { bytes, utf8 }: FileBytes,
    again: ReadAgain<'_>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(CellTable, SourceInfo), ImportError> {
    let utf16 = text::utf16_without_bom(&bytes).is_some();
    if !utf16 && text::looks_binary(&bytes) {
        return Err(ImportError::Binary { file: file.to_owned() });
    }
    let cancelled = || ImportError::Cancelled { file: file.to_owned() };
    // Plain UTF-8, the common case, is checked and parsed in one go; anything else is decoded
    // to text first.
    let plain = if utf16 || text::has_byte_order_mark(&bytes) || utf8 == Utf8::Invalid {
        Err(NotParsed::NotUtf8(bytes))
    } else {
        delimited::parse_utf8_bytes(bytes, utf8 == Utf8::Valid, again.is_some(), progress)
    };
    let (parsed, delimiter, encoding, windows_1252_lines) = match plain {
        Ok((parsed, delimiter)) => (parsed, delimiter, text::TextEncoding::Utf8, Vec::new()),
        Err(NotParsed::Cancelled) => return Err(cancelled()),
        // The two halves' split was a guess, and a quoted cell held it: read again and parsed
        // with the exact split. (Only bytes that can be read again are split at a guess.)
        Err(NotParsed::Misplit) => {
            debug_assert!(again.is_some(), "a guessed split without a way to read again");
            let bytes = again.map_or_else(|| Err(cancelled()), |again| again())?;
            return read_text_cells(file, bytes, None, progress);
        }
        Err(NotParsed::NotUtf8(bytes)) => {
            let (content, encoding, windows_1252_lines) = text::decode_text_by_line(bytes);
            let delimiter = delimited::sniff_delimiter(&content);
            let parsed = delimited::parse_delimited_text(content, delimiter, progress).ok_or_else(cancelled)?;
            (parsed, delimiter, encoding, windows_1252_lines)
        }
    };
    let cells = parsed.table;
    // A quote left open swallows the rest of the file into the last row's last cell.
    let last = cells.row_count().checked_sub(1);
    let swallowed_lines = match last {
        Some(last) if parsed.open_quote => {
            cells.cell(last, cells.row_width(last).saturating_sub(1)).matches('\n').count()
        }
        _ => 0,
    };
    if let (Some(last), true) = (last, swallowed_lines > 0) {
        // The record holding the open quote runs to the end of the file: it is the last one,
        // and the quote opens its last filled cell.
        let last_cells: Vec<&str> = cells.row(last).collect();
        let column = last_cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
        return Err(ImportError::UnclosedQuote {
            file: file.to_owned(),
            row: cells.row_number(last),
            column: column_letter(column),
            lines: swallowed_lines,
        });
    }
    let source = SourceInfo {
        file_name: file.to_owned(),
        format: FileFormat::Delimited,
        encoding: Some(encoding),
        delimiter: Some(char::from(delimiter)),
        sheet: None,
        sheet_names: Vec::new(),
        read_as: None,
        windows_1252_lines,
    };
    Ok((cells, source))
}

/// The user's message for a workbook that could not be read.
fn workbook_error(file: &str, kind: WorkbookKind, problem: WorkbookProblem) -> ImportError {
    match problem {
        WorkbookProblem::Unreadable(reason) => ImportError::DamagedWorkbook {
            file: file.to_owned(),
            kind: format!("{kind:?}").to_ascii_lowercase(),
            reason,
        },
        WorkbookProblem::PasswordProtected => ImportError::PasswordProtected { file: file.to_owned() },
        WorkbookProblem::NoSuchSheet { wanted, available } => ImportError::NoSuchSheet {
            file: file.to_owned(),
            sheet: wanted,
            available: available.iter().map(|s| format!("'{s}'")).collect::<Vec<_>>().join(", "),
        },
        WorkbookProblem::NoData => ImportError::NoRows { place: file.to_owned() },
        WorkbookProblem::TooLargeUnpacked { unpacked_mb } => {
            ImportError::ArchiveTooLarge { file: file.to_owned(), unpacked_mb }
        }
    }
}

fn read_workbook_tables(
    file: &str,
    bytes: Vec<u8>,
    kind: WorkbookKind,
    options: &ImportOptions,
) -> Result<ImportedTable, ImportError> {
    let book = workbook::read_workbook(bytes, kind, options.sheet.as_deref())
        .map_err(|problem| workbook_error(file, kind, problem))?;
    // Of several sheets, the one with responses: a score column and the most answers. A sheet
    // of notes or pivot tables next to the data is passed over.
    let mut best: Option<ImportedTable> = None;
    let mut first_error = None;
    for (sheet, cells) in book.sheets {
        let source = SourceInfo {
            file_name: file.to_owned(),
            format: FileFormat::Workbook,
            encoding: None,
            delimiter: None,
            sheet: Some(sheet),
            sheet_names: book.sheet_names.clone(),
            read_as: None,
            windows_1252_lines: Vec::new(),
        };
        match build_table(source, cells, options) {
            Ok(table) => {
                if best.as_ref().is_none_or(|b| table.rows.row_count() > b.rows.row_count()) {
                    best = Some(table);
                }
            }
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    best.ok_or_else(|| first_error.unwrap_or(ImportError::NoRows { place: file.to_owned() }))
}

/// Finds the layout and header, names the columns, finds the score column and every column's role.
fn build_table(source: SourceInfo, cells: CellTable, options: &ImportOptions) -> Result<ImportedTable, ImportError> {
    let place = source.place();
    let shaped = layout::shape(cells).map_err(|problem| match problem {
        layout::ShapeProblem::NoRows => ImportError::NoRows { place: place.clone() },
        layout::ShapeProblem::HeaderOnly { header_row } => ImportError::HeaderOnly { place: place.clone(), header_row },
    })?;
    // A delimited file's rows should have as many fields as its header; the rows that do not
    // are lined up or left out below, and name no columns of their own.
    let lined_up = source.delimiter.and(shaped.header_fields).map(|(header, blank_tail)| {
        let fields = align::expected_width(header, blank_tail, &shaped.rows);
        (fields, if fields == header { blank_tail } else { 0 })
    });
    let width = match lined_up {
        Some((fields, _)) => fields,
        None => shaped.headers.len().max(shaped.rows.column_count()),
    };
    let headers = name_columns((0..width).map(|c| shaped.headers.get(c).map_or("", String::as_str)));
    let mut codes = shaped.codes;
    codes.resize(width, String::new());
    let table = ImportedTable {
        source,
        facts: ImportFacts {
            layout: shaped.layout,
            header_row: shaped.header_row,
            header_rows: shaped.header_rows,
            title_rows: shaped.title_rows,
            footer_rows: shaped.footer_rows,
            merged_choices: shaped.merged_choices,
            long_format: shaped.long,
            roles: Vec::new(),
            score_guessed: false,
            score_alternatives: Vec::new(),
            score_scale_doubt: None,
            skipped_weight: None,
            header_missing: shaped.header_missing,
            joined_rows: Vec::new(),
            misaligned_rows: Vec::new(),
            fields: width,
        },
        headers,
        codes,
        rows: shaped.rows,
        score_column: 0,
    };
    let table = with_options(table, options)?;
    match (table.source.delimiter, lined_up) {
        (Some(delimiter), Some((fields, blank_tail))) if align::needs_alignment(&table.rows, fields, blank_tail) => {
            aligned(table, (fields, blank_tail), delimiter, options)
        }
        _ => Ok(table),
    }
}

/// The table with its rows lined up with `fields` columns ([`align`]): a comment that held the
/// delimiter joined back, other rows of another width kept but left out of every figure. The
/// roles are worked out again on the rows as lined up.
fn aligned(
    mut table: ImportedTable,
    (fields, blank_tail): (usize, usize),
    delimiter: char,
    options: &ImportOptions,
) -> Result<ImportedTable, ImportError> {
    let comments: Vec<usize> =
        table.roles.iter().enumerate().filter(|(_, r)| r.role == Role::Comment).map(|(c, _)| c).collect();
    let comment = match comments.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    let (rows, alignment) = align::align(&table.rows, (fields, blank_tail), comment, table.score_column, delimiter);
    table.rows = rows;
    table.headers.truncate(fields);
    table.codes.truncate(fields);
    table.facts.joined_rows = alignment.joined;
    table.facts.misaligned_rows = alignment.misaligned;
    with_options(table, options)
}

/// The table's score column and column roles worked out (again) with `options`: detected, then
/// the user's choices over them. The cells are not read again; `options.sheet` is not used.
pub fn with_options(table: ImportedTable, options: &ImportOptions) -> Result<ImportedTable, ImportError> {
    let place = table.source.place();
    let decimal = table.source.decimal();
    let (headers, codes, rows) = (&table.headers, &table.codes, &table.rows);
    // Detection looks at an evenly spaced sample of a large table's rows, copied once.
    let sample = rows.sample(columns::PROFILE_ROWS);
    let score_override = options.roles.iter().find(|(_, role)| *role == Role::Score).map(|(name, _)| name);
    let find = |name: &String| {
        find_column(headers, name).or_else(|| find_column(codes, name)).ok_or_else(|| ImportError::NoSuchColumn {
            place: place.clone(),
            column: name.clone(),
            available: list_headers(headers),
        })
    };
    let mut score_guessed = false;
    let mut score_alternatives = Vec::new();
    let score_column = match options.score_column.as_ref().or(score_override) {
        Some(name) => find(name)?,
        None => match find_score_column(headers, &sample, decimal) {
            ScoreColumnChoice::Found(c) => c,
            ScoreColumnChoice::Guessed { column, others } => {
                score_guessed = true;
                score_alternatives = others.iter().map(|&c| headers[c].clone()).collect();
                column
            }
            ScoreColumnChoice::NoAnswers(c) => {
                return Err(ImportError::ScoreColumnBlank { place: place.clone(), column: headers[c].clone() });
            }
            ScoreColumnChoice::NotFound(candidates) => {
                let layout = match (table.layout, table.header_rows) {
                    (Layout::PlainTable, _) => String::new(),
                    (l, 1) => format!("{}; ", l.tool()),
                    (l, n) => format!("{}, {n} header rows; ", l.tool()),
                };
                return Err(ImportError::NoScoreColumn { place: place.clone(), layout, candidates });
            }
        },
    };
    let score_scale_doubt = match options.score_scale {
        ScaleCheck::Confirmed => None,
        check => columns::scale_doubt(&headers[score_column], &columns::profile_scores(&sample, score_column, decimal))
            .map(|doubt| {
                if check == ScaleCheck::Ask {
                    return Ok(doubt);
                }
                let why = match doubt {
                    ScaleDoubt::Stated(low, high) => format!("states a {low}-{high} scale in its header"),
                    ScaleDoubt::OneToFive(n) => format!("has {n} answers, every one of them 1-5"),
                };
                Err(ImportError::ScoreScale { place: place.clone(), column: headers[score_column].clone(), why })
            })
            .transpose()?,
    };
    let mut roles = roles::detect_roles(headers, codes, &sample, score_column);
    // A weight column is applied on its own only when its values look like survey weights.
    let mut skipped_weight = None;
    for (c, role) in roles.iter_mut().enumerate() {
        if role.role != Role::Weight {
            continue;
        }
        if let Some(problem) = roles::weight_problem(rows, c, decimal) {
            role.role = Role::Ignore;
            role.scale = None;
            skipped_weight.get_or_insert(SkippedWeight {
                column: headers[c].clone(),
                reason: problem.reason,
                detail: problem.detail(),
                rows: problem.rows,
                more_rows: problem.more_rows,
            });
        }
    }
    let mut others: Vec<(String, Role)> = Vec::new();
    for (name, role) in &options.roles {
        let c = find(name)?;
        if *role == Role::Score && c != score_column {
            continue;
        }
        if *role == Role::Weight && !options.no_weight {
            check_weight_choice(&place, headers, rows, c, score_column)?;
            skipped_weight = skipped_weight.filter(|s| s.column != headers[c]);
        }
        others.push((headers[c].clone(), *role));
    }
    roles::apply_overrides(&mut roles, &others, &sample);
    if let Some(order) = options.date_order {
        for role in roles.iter_mut().filter(|r| r.role == Role::Date) {
            role.date_order = Some(order);
            role.date_doubts.ambiguous = false;
            role.date_doubts.order_stated = true;
        }
    }
    // A column the user moved away from the score role is no longer the score.
    roles[score_column].role = Role::Score;
    roles[score_column].scale = Role::Score.scale_label();
    if options.no_weight {
        for role in roles.iter_mut().filter(|r| r.role == Role::Weight) {
            role.role = Role::Ignore;
        }
        skipped_weight = None;
    }
    let facts =
        ImportFacts { score_guessed, score_alternatives, score_scale_doubt, skipped_weight, roles, ..table.facts };
    Ok(ImportedTable { score_column, facts, ..table })
}

/// Refuses a table whose score column was guessed ([`ImportFacts::score_guessed`]): no header
/// speaks of recommending. The command line says so and lists the candidates; the app opens on
/// the review with the guess marked instead.
pub fn require_named_score(table: &ImportedTable) -> Result<(), ImportError> {
    if !table.score_guessed {
        return Ok(());
    }
    let names: Vec<&str> = std::iter::once(&table.headers[table.score_column])
        .chain(&table.score_alternatives)
        .map(String::as_str)
        .collect();
    let letter = |name: &str| table.headers.iter().position(|h| h == name).map(column_letter).unwrap_or_default();
    let candidates: Vec<String> = columns::short_distinct(&names)
        .into_iter()
        .zip(&names)
        .map(|(short, name)| format!("{} '{short}'", letter(name)))
        .collect();
    Err(ImportError::ScoreNotNamed { place: table.source.place(), candidates: candidates.join(", ") })
}

/// Refuses a weight column the user named that cannot be one: the score column, or text.
fn check_weight_choice(
    place: &str,
    headers: &[String],
    rows: &CellTable,
    c: usize,
    score_column: usize,
) -> Result<(), ImportError> {
    let bad =
        |reason: String| ImportError::BadWeightColumn { place: place.to_owned(), column: headers[c].clone(), reason };
    if c == score_column {
        return Err(bad("it is the score column".to_owned()));
    }
    if let Some((row, value)) = roles::mostly_text(rows, c) {
        return Err(bad(format!("it holds text, not numbers (row {row}: '{value}')")));
    }
    Ok(())
}

/// Names every column: the header text trimmed, `Column C` for a blank header, and ` (2)`,
/// ` (3)` after names that repeat, so columns with the same header stay apart by position.
fn name_columns<'a>(header_cells: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, cell) in header_cells.enumerate() {
        let base = cell.trim();
        let base = if base.is_empty() { format!("Column {}", column_letter(i)) } else { base.to_owned() };
        let mut name = base.clone();
        let mut k = 2;
        while names.contains(&name) {
            name = format!("{base} ({k})");
            k += 1;
        }
        names.push(name);
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, content: &[u8]) -> Result<ImportedTable, ImportError> {
        read_bytes(name, content.to_vec(), &ImportOptions::default(), &mut |_| true)
    }

    #[test]
    fn blank_and_repeated_headers_get_distinct_names() {
        let t = read("x.csv", b"Q,Q,,score\na,b,c,9\n").map_err(|e| e.to_string());
        let t = t.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.headers, ["Q", "Q (2)", "Column C", "score"]);
        assert_eq!(t.score_column, 3);
    }

    #[test]
    fn blank_rows_above_the_header_are_skipped_and_rows_keep_their_numbers() {
        let t = read("x.csv", b",\n,\nname,score\nA,9\nB,10\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.header_row, 3);
        assert_eq!(t.rows.row_number(0), 4);
    }

    #[test]
    fn each_bad_input_has_its_own_message() {
        let messages: Vec<String> = [
            read("empty.csv", b""),
            read("header.csv", b"name,score\n"),
            read("blank.csv", b",,\n\n"),
            read("junk.csv", &[0x00, 0x01, 0x02, 0xFF, 0x00]),
            read("word.docx", b"PK"),
            read("nums.csv", b"id,progress\n1,100\n2,50\n3,100\n"),
        ]
        .into_iter()
        .map(|r| r.map(|_| String::new()).unwrap_or_else(|e| e.to_string()))
        .collect();
        assert_eq!(messages[0], "empty.csv: the file is empty");
        assert_eq!(messages[1], "header.csv: the header (row 1) has no data rows below it");
        assert_eq!(messages[2], "blank.csv: no data: every row is blank");
        assert_eq!(messages[3], "junk.csv: this is not a text or spreadsheet export (it holds binary data)");
        assert!(messages[4].starts_with("word.docx: files of type '.docx' cannot be opened"));
        assert_eq!(
            messages[5],
            "nums.csv: no column with 0-10 scores; candidates: 'id' (an identifier), 'progress' (values up to 100)"
        );
    }

    #[test]
    fn large_files_are_checked_for_utf8_as_they_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("large.csv");
        // Characters of one to four bytes, so that across the shifts one is cut by the middle
        // of the file (where the halves meet) at every one of its bytes: two more bytes in front
        // move the middle one byte further into the pattern.
        let pattern = "aé€𝄞,b\n";
        let size = usize::try_from(PARALLEL_READ_FROM).unwrap() + 1000;
        let body = pattern.repeat(size / pattern.len() + 1);
        let mut offsets = std::collections::BTreeSet::new();
        for shift in 0..pattern.len() {
            let text = format!("{}{body}", "x".repeat(2 * shift));
            offsets.insert((text.len() / 2 - 2 * shift) % pattern.len());
            let mut cases: Vec<(Vec<u8>, &str)> = vec![(text.clone().into_bytes(), "valid")];
            let middle = text.len() / 2;
            let bad_at = [(middle, "bad byte at the middle"), (middle - 1, "before it"), (7, "near the start")];
            for (at, what) in bad_at.into_iter().filter(|_| shift % 6 == 0) {
                let mut bad = text.clone().into_bytes();
                bad[at] = 0xFF;
                cases.push((bad, what));
            }
            if shift == 1 {
                let mut cut = text.clone().into_bytes();
                cut.extend_from_slice(&"𝄞".as_bytes()[..3]);
                cases.push((cut, "a character cut at the end"));
            }
            for (bytes, what) in cases {
                std::fs::write(&path, &bytes).unwrap();
                let read = read_whole(&path, bytes.len() as u64).unwrap();
                assert_eq!(read.bytes, bytes, "shift {shift}: {what}");
                let expected = if std::str::from_utf8(&bytes).is_ok() { Utf8::Valid } else { Utf8::Invalid };
                assert_eq!(read.utf8, expected, "shift {shift}: {what}");
            }
        }
        assert_eq!(offsets.len(), pattern.len(), "the middle fell on every byte of the pattern");
        // Small files are left to the parser to check.
        std::fs::write(&path, "a,b\n").unwrap();
        assert_eq!(read_whole(&path, 4).unwrap().utf8, Utf8::Unchecked);
    }

    #[test]
    fn a_large_file_whose_middle_is_inside_a_quoted_cell_is_read_again_whole() {
        // A file read in two halves is parsed from a guessed split, a line break after the middle
        // followed by a line that reads as a record; here such lines are inside a long quoted
        // comment, so the first half ends inside quotes and the file is read again, once, and
        // split exactly.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long comment.csv");
        let half = usize::try_from(PARALLEL_READ_FROM).unwrap() / 2;
        let records = |first: usize| {
            let (mut text, mut i) = (String::new(), first);
            while text.len() < half {
                text.push_str(&format!("{i},{},{}\n", i % 11, "fine ".repeat(40)));
                i += 1;
            }
            (text, i - first)
        };
        let (head, head_records) = records(1);
        let story = "it broke,again,twice\n".repeat(10_000);
        let spanning = format!("0,3,\"{story}\"\n");
        let (tail, tail_records) = records(head_records + 1);
        let text = format!("id,score,comment\n{head}{spanning}{tail}");
        let middle = text.len() / 2;
        assert!(
            middle > head.len() + 100 && middle + 100 < head.len() + spanning.len(),
            "the middle is in the comment"
        );
        std::fs::write(&path, &text).unwrap();
        let first = read_whole(&path, text.len() as u64).unwrap();
        assert_eq!(first.utf8, Utf8::Valid, "checked while read: the split is guessed");
        let reads = std::cell::Cell::new(0);
        let again = || {
            reads.set(reads.get() + 1);
            read_within_limit(&path).map(|(_, bytes)| bytes)
        };
        let (cells, _) = read_text_cells("long comment.csv", first, Some(&again), &mut |_| true).unwrap();
        assert_eq!(reads.get(), 1, "read again once");
        assert_eq!(cells.row_count(), 1 + head_records + 1 + tail_records);
        assert_eq!(cells.cell(1 + head_records, 2), story);

        let rows = read_plain_rows(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), 1 + head_records + 1 + tail_records);
        let (number, cells) = &rows[1 + head_records];
        assert_eq!((*number, cells[0].as_str(), cells[2].as_str()), (head_records + 2, "0", story.as_str()));
        let (number, cells) = &rows[rows.len() - 1];
        assert_eq!((*number, cells[0].clone()), (rows.len(), (head_records + tail_records).to_string()));
        let table = read_file(&path, &ImportOptions::default(), &mut |_| true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(table.rows.row_count(), head_records + 1 + tail_records);
        assert_eq!(table.rows.cell(head_records, 2), story);
    }

    #[test]
    fn a_locked_file_is_explained() {
        let e = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_reason(&e), "permission denied (is it open or locked in another program?)");
    }

    #[test]
    fn score_override_by_name_and_missing_column() {
        let options = ImportOptions { score_column: Some("B".into()), ..ImportOptions::default() };
        let t = read_bytes("x.csv", b"a,b\n1,2\n".to_vec(), &options, &mut |_| true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.score_column, 1);
        let options = ImportOptions { score_column: Some("rating".into()), ..ImportOptions::default() };
        let e = read_bytes("x.csv", b"a,b\n1,2\n".to_vec(), &options, &mut |_| true).map(|_| ()).unwrap_err();
        assert_eq!(e.to_string(), "x.csv: no column 'rating'; columns: 'a', 'b'");
    }
}
