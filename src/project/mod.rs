//! The project file: how a survey file was analysed, saved so that next quarter's file with the
//! same layout is analysed the same way.
//!
//! A project is a small JSON file (`"format": "nps-workbench-project", "version": 1`) holding the
//! input file's path and fingerprint, the sheet, every column's role (and so its scale), the
//! filter, the breakdowns, the trend period, the benchmark choices, the data context (region,
//! audience, invited counts), the codebook's preset and the codebook itself once edited, the
//! Segments table's order, whether a two-way breakdown shows as bars, the column of the trend's lines, and the follow-up marks (by respondent ID, so that they
//! follow the respondent to the next wave's file; by row when the file has no ID column).
//!
//! **Same layout.** A file fits a project when every column the project *uses* is there under the
//! same header (or tool code): the score, every column given a role that the analysis reads
//! (metric, segment, sector, date, comment, weight), the filter's, breakdowns' and trend lines'
//! columns and the invited-by column. Columns the project ignores may be missing, and new columns are welcome. The
//! contents may differ (the fingerprint is expected to change from quarter to quarter); the
//! project then says which file it was made on. A file that lacks a used column is refused with a
//! reason naming every missing column and the file.
//!
//! Owns reading, writing (atomically) and fitting projects, and reading invited counts
//! ([`invited`]); surveys are read through `import`.

pub mod invited;

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::{Filter, Period};
use crate::benchmarks::DataContext;
use crate::import::{self, ImportOptions, ImportedTable, Role};
use crate::themes::{Codebook, Preset};

/// The `format` field of every project file.
pub const FORMAT: &str = "nps-workbench-project";
/// The newest project version this program reads and the one it writes.
pub const VERSION: u32 = 1;
/// How many of a file's first bytes the fingerprint hashes.
pub const FINGERPRINT_BYTES: usize = 64 * 1024;
/// File name extension proposed for projects.
pub const EXTENSION: &str = "npsproj";

/// Why a project could not be read, written or applied, worded for the user.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProjectError {
    /// The project file cannot be read or written.
    #[error("{file}: {reason}")]
    Io { file: String, reason: String },
    /// Not a project file, or a damaged one.
    #[error("{file}: not an NPS Workbench project ({reason})")]
    NotAProject { file: String, reason: String },
    /// Written by a newer version.
    #[error("{file}: project version {version} is newer than this program reads ({VERSION}); update NPS Workbench")]
    TooNew { file: String, version: u32 },
    /// The survey file lacks columns the project uses.
    #[error(
        "{place} does not fit the project {project} (made on {made_on}): {} missing: {}",
        if missing.len() == 1 { "column" } else { "columns" },
        quoted(missing)
    )]
    DoesNotFit { project: String, made_on: String, place: String, missing: Vec<String> },
    /// The file could not be read with the project's choices.
    #[error(transparent)]
    Import(#[from] import::ImportError),
}

fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
}

/// Size and a hash of the first bytes of a file: tells "the same file" from "a file like it".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// File size in bytes.
    pub size_bytes: u64,
    /// FNV-1a 64 of the first [`FINGERPRINT_BYTES`] bytes, hexadecimal.
    pub head_fnv1a64: String,
}

impl Fingerprint {
    /// The fingerprint of bytes in memory (the bundled sample).
    #[must_use]
    pub fn of_bytes(bytes: &[u8]) -> Self {
        let head = &bytes[..bytes.len().min(FINGERPRINT_BYTES)];
        Self { size_bytes: bytes.len() as u64, head_fnv1a64: format!("{:016x}", fnv1a64(head)) }
    }

    /// The fingerprint of the file at `path` (reads only its first bytes).
    pub fn of_file(path: &Path) -> std::io::Result<Self> {
        let file = std::fs::File::open(path)?;
        let size_bytes = file.metadata()?.len();
        let mut head = Vec::with_capacity(FINGERPRINT_BYTES);
        file.take(FINGERPRINT_BYTES as u64).read_to_end(&mut head)?;
        Ok(Self { size_bytes, head_fnv1a64: format!("{:016x}", fnv1a64(&head)) })
    }
}

/// 64-bit FNV-1a: small, stable across versions and platforms (unlike `DefaultHasher`).
fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The survey file a project was made on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct InputFile {
    /// Its path when the project was saved.
    pub path: PathBuf,
    /// Size and hash of its first bytes.
    pub fingerprint: Fingerprint,
    /// Every column header, in file order: the layout.
    pub columns: Vec<String>,
}

/// One column's role, as the project keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnChoice {
    /// The header.
    pub column: String,
    /// Its role.
    pub role: Role,
    /// The scale the role implies (`0-10`, `1-7`, ...), written for the reader; not read back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
}

/// How the file is read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadChoices {
    /// The sheet of a workbook.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Every column's role, in file order.
    pub roles: Vec<ColumnChoice>,
    /// No weight, even when a weight column is detected.
    pub no_weight: bool,
    /// How the date column writes its dates (`dmy`, `mdy`, `ymd`), where the user said so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<String>,
    /// The user said the score column holds 0-10 answers, though its header names another scale
    /// or every answer lies within 1-5.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub score_scale_confirmed: bool,
}

/// A sector value matched by hand to a benchmark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenchmarkMatch {
    /// The sector value of the file.
    pub value: String,
    /// The benchmark id (`-` for none).
    pub benchmark: String,
}

impl BenchmarkMatch {
    /// The matches of (sector value, benchmark id) pairs, as the views and reports hold them.
    #[must_use]
    pub fn list(pairs: &[(String, String)]) -> Vec<Self> {
        pairs.iter().map(|(value, benchmark)| Self { value: value.clone(), benchmark: benchmark.clone() }).collect()
    }

    /// Back to (sector value, benchmark id) pairs.
    #[must_use]
    pub fn pairs(matches: &[Self]) -> Vec<(String, String)> {
        matches.iter().map(|m| (m.value.clone(), m.benchmark.clone())).collect()
    }
}

/// What the analysis shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnalysisChoices {
    /// Rows kept.
    pub filter: Filter,
    /// Breakdowns: one column, or two for a two-way breakdown.
    pub breakdowns: Vec<Vec<String>>,
    /// The trend period (`None`: automatic in the app, no trend in `report`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend_period: Option<Period>,
    /// Segments under 30 answers hidden.
    pub hide_small: bool,
    /// A two-way breakdown shown as bars rather than as a matrix.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub two_way_bars: bool,
    /// A segment column whose values each get a trend line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend_by: Option<String>,
    /// The Segments table's order: `value`, `n`, `nps` or `difference` (`None`: by value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sort: Option<String>,
    /// That order descending.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub descending: bool,
    /// The benchmark (id or sector) of the overall NPS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall_benchmark: Option<String>,
    /// Sector values matched by hand.
    pub benchmark_matches: Vec<BenchmarkMatch>,
    /// The key driver analysis's options.
    #[serde(skip_serializing_if = "DriverChoices::is_default")]
    pub drivers: DriverChoices,
}

/// What the key driver analysis is asked (the Drivers view's options, `drivers`' flags).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DriverChoices {
    /// The complaint themes as drivers too.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub themes: bool,
    /// Missing answers left out pair by pair (not with `promoter`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub pairwise: bool,
    /// Explain being a promoter (the logistic model) rather than the score.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub promoter: bool,
    /// Also per value of this segment column.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

impl DriverChoices {
    /// Nothing asked beyond the defaults.
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// A saved project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// The file it was made on.
    #[serde(default)]
    pub input: InputFile,
    /// How the file is read.
    #[serde(default)]
    pub read: ReadChoices,
    /// What the analysis shows.
    #[serde(default)]
    pub analysis: AnalysisChoices,
    /// Region, audience and invited counts.
    #[serde(default)]
    pub context: DataContext,
    /// The sector codebook the themes start from (`hospitality`, ...); `None`: the general one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// The codebook of the themes, when edited; `None`: the preset's codebook as shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub codebook: Option<Codebook>,
    /// Respondents marked in the follow-up list, carried to the next wave's file by their ID.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_up: Vec<FollowUpMark>,
    /// How the exports look for the client (title, client, source name, logo, colours, font).
    #[serde(default, skip_serializing_if = "is_default_brand")]
    pub brand: crate::chart::Brand,
    /// The population margins the answers are raked to, when weighting was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weighting: Option<crate::analysis::weighting::Weighting>,
}

/// Whether no brand setting was made (the project file then says nothing of it).
fn is_default_brand(brand: &crate::chart::Brand) -> bool {
    *brand == crate::chart::Brand::default()
}

/// Where a respondent stands in the follow-up of their answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUpStatus {
    /// Not yet contacted.
    #[default]
    Open,
    /// Called or written to.
    Contacted,
    /// The complaint is dealt with.
    Resolved,
}

/// One respondent's mark in the follow-up list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUpMark {
    /// The respondent's ID, when the file has an ID column: the mark follows the respondent to
    /// the next wave's file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The spreadsheet row, when the file has no ID column: the mark holds for this file only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Contacted or resolved.
    #[serde(default)]
    pub status: FollowUpStatus,
    /// What was said or done.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Project {
    /// Remembers `weighting` and the roles as the file has them: the weight column raking added
    /// (`summary`) is no column of the file, and the file's own weight column is its weight again.
    pub fn remember_weighting(
        &mut self,
        weighting: Option<crate::analysis::weighting::Weighting>,
        summary: Option<&crate::analysis::weighting::RakeSummary>,
    ) {
        self.weighting = weighting;
        let Some(summary) = summary else { return };
        self.read.roles.retain(|c| c.column != summary.weight_column);
        if let Some(own) = &summary.started_from {
            match self.read.roles.iter_mut().find(|c| &c.column == own) {
                Some(choice) => choice.role = Role::Weight,
                None => self.read.roles.push(ColumnChoice { column: own.clone(), role: Role::Weight, scale: None }),
            }
        }
    }
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            input: InputFile::default(),
            read: ReadChoices::default(),
            analysis: AnalysisChoices::default(),
            context: DataContext::default(),
            preset: None,
            codebook: None,
            follow_up: Vec::new(),
            brand: crate::chart::Brand::default(),
            weighting: None,
        }
    }
}

/// How a project fitted the file it was applied to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    /// The file name the project was made on.
    pub made_on: String,
    /// The same file as when saved (size and first bytes unchanged).
    pub same_contents: bool,
    /// Columns of this file the project does not know (their roles were detected).
    pub new_columns: Vec<String>,
}

/// Roles whose columns the analysis reads; a project with such a column needs it in the file.
fn role_is_used(role: Role) -> bool {
    !matches!(role, Role::Ignore | Role::RespondentId)
}

/// The index of `name` among `headers` or the tool codes: exact, else ignoring case and spaces
/// around it (never by column number or letter: a project names columns).
fn column_in(headers: &[String], codes: &[String], name: &str) -> Option<usize> {
    let wanted = name.trim();
    let find = |list: &[String]| {
        list.iter()
            .position(|h| h == wanted)
            .or_else(|| list.iter().position(|h| !h.is_empty() && h.trim().eq_ignore_ascii_case(wanted)))
    };
    find(headers).or_else(|| find(codes))
}

impl Project {
    /// The project of a file as it was read (`table`, from `path`, fingerprinted as `fingerprint`):
    /// its sheet and every column's role; the analysis choices, context and codebook are set by
    /// the caller.
    #[must_use]
    pub fn of_table(path: &Path, fingerprint: Fingerprint, table: &ImportedTable, no_weight: bool) -> Self {
        Self::of_roles(path, fingerprint, &table.roles, table.source.sheet.clone(), no_weight)
    }

    /// As [`Project::of_table`] from every column's role (in file order) and the sheet read.
    #[must_use]
    pub fn of_roles(
        path: &Path,
        fingerprint: Fingerprint,
        roles_in: &[import::ColumnRole],
        sheet: Option<String>,
        no_weight: bool,
    ) -> Self {
        let columns = roles_in.iter().map(|r| r.column.clone()).collect();
        let roles = roles_in
            .iter()
            .map(|r| ColumnChoice { column: r.column.clone(), role: r.role, scale: r.scale.map(str::to_owned) })
            .collect();
        let date_order = roles_in
            .iter()
            .find(|r| r.date_doubts.order_stated)
            .and_then(|r| r.date_order)
            .and_then(import::DateOrder::code)
            .map(str::to_owned);
        Self {
            input: InputFile { path: path.to_path_buf(), fingerprint, columns },
            read: ReadChoices { sheet, roles, no_weight, date_order, score_scale_confirmed: false },
            ..Self::default()
        }
    }

    /// The file name of the input.
    #[must_use]
    pub fn input_name(&self) -> String {
        import::display_name(&self.input.path)
    }

    /// Every column the project uses, without repeats, in a stable order: roles first (file
    /// order), then filter, breakdown and invited-by columns.
    #[must_use]
    pub fn used_columns(&self) -> Vec<String> {
        let mut used: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            if !used.iter().any(|u| u.trim().eq_ignore_ascii_case(name.trim())) {
                used.push(name.to_owned());
            }
        };
        for choice in self.read.roles.iter().filter(|c| role_is_used(c.role)) {
            add(&choice.column);
        }
        for column in self.analysis.filter.segments.iter().filter(|(_, v)| !v.is_empty()).map(|(c, _)| c) {
            add(column);
        }
        for column in self.analysis.breakdowns.iter().flatten().chain(&self.analysis.trend_by) {
            add(column);
        }
        if let Some(column) = self.context.invited.by_column.as_deref().filter(|_| !self.context.invited.is_empty()) {
            add(column);
        }
        used
    }

    /// How to read a file with this project: only the sheet (the roles are applied by
    /// [`Project::apply`] once the columns are known to be there).
    #[must_use]
    pub fn read_options(&self) -> ImportOptions {
        ImportOptions { sheet: self.read.sheet.clone(), ..ImportOptions::default() }
    }

    /// Remembers that the score column holds 0-10 answers when the user said so now (`options`)
    /// or in the project the file was read with (`applied`).
    pub fn remember_scale(&mut self, options: &ImportOptions, applied: Option<&Project>) {
        self.read.score_scale_confirmed = options.score_scale == import::ScaleCheck::Confirmed
            || applied.is_some_and(|p| p.read.score_scale_confirmed);
    }

    /// How the score column's scale is checked: as the project's user once confirmed it, else as
    /// the `overrides` ask.
    fn scale_check(&self, overrides: &ImportOptions) -> import::ScaleCheck {
        if self.read.score_scale_confirmed { import::ScaleCheck::Confirmed } else { overrides.score_scale }
    }

    /// The import options of the project for a file with these headers and codes: the roles of
    /// the columns present, with the user's `overrides` (a score column, roles, no weight) over
    /// them.
    fn options_for(&self, headers: &[String], codes: &[String], overrides: &ImportOptions) -> ImportOptions {
        let present = |c: &&ColumnChoice| column_in(headers, codes, &c.column).is_some();
        let overridden = |c: &&ColumnChoice| {
            let named = overrides.roles.iter().any(|(name, _)| name.trim().eq_ignore_ascii_case(c.column.trim()));
            let score_named = overrides.score_column.is_some() && c.role == Role::Score;
            !named && !score_named
        };
        let mut roles: Vec<(String, Role)> =
            self.read.roles.iter().filter(present).filter(overridden).map(|c| (c.column.clone(), c.role)).collect();
        roles.extend(overrides.roles.iter().cloned());
        let score_column = overrides
            .score_column
            .clone()
            .or_else(|| roles.iter().find(|(_, r)| *r == Role::Score).map(|(c, _)| c.clone()));
        let weight_named = overrides.roles.iter().any(|(_, r)| *r == Role::Weight);
        let no_weight = overrides.no_weight || (self.read.no_weight && !weight_named);
        ImportOptions {
            sheet: overrides.sheet.clone().or_else(|| self.read.sheet.clone()),
            score_column,
            roles,
            no_weight,
            score_scale: self.scale_check(overrides),
            date_order: overrides
                .date_order
                .or_else(|| self.read.date_order.as_deref().and_then(import::DateOrder::of_code)),
        }
    }

    /// The import options the project gives a file with the columns of `table`: a review of the
    /// roles then starts from the project's choices.
    #[must_use]
    pub fn import_options(&self, table: &ImportedTable) -> ImportOptions {
        self.options_for(&table.headers, &table.codes, &ImportOptions::default())
    }

    /// Checks that `table` has every column the project uses, and reads it with the project's
    /// roles. `project_name` names the project in the refusal.
    pub fn apply(&self, table: ImportedTable, project_name: &str) -> Result<(ImportedTable, Fit), ProjectError> {
        self.apply_with(table, project_name, &ImportOptions::default())
    }

    /// As [`Project::apply`], with the user's `overrides` (from the command line) over the
    /// project's roles.
    pub fn apply_with(
        &self,
        table: ImportedTable,
        project_name: &str,
        overrides: &ImportOptions,
    ) -> Result<(ImportedTable, Fit), ProjectError> {
        let missing: Vec<String> =
            self.used_columns().into_iter().filter(|c| column_in(&table.headers, &table.codes, c).is_none()).collect();
        if !missing.is_empty() {
            return Err(ProjectError::DoesNotFit {
                project: project_name.to_owned(),
                made_on: self.input_name(),
                place: table.source.place(),
                missing,
            });
        }
        let known: BTreeSet<String> = self.input.columns.iter().map(|c| c.trim().to_lowercase()).collect();
        let new_columns = table.headers.iter().filter(|h| !known.contains(&h.trim().to_lowercase())).cloned().collect();
        let options = self.options_for(&table.headers, &table.codes, overrides);
        let table = import::with_options(table, &options)?;
        let fit = Fit { made_on: self.input_name(), same_contents: false, new_columns };
        Ok((table, fit))
    }

    /// Reads the survey at `path` with this project (saved as `project_name`) applied and the
    /// user's `overrides` over it; the fit says whether it is the file the project was made on.
    ///
    /// The file is read with the project's score column (a score column the user chose because
    /// its header says nothing may not be found on its own); when that column is missing, the
    /// file is read again without it, to name every missing column.
    pub fn read_survey(
        &self,
        path: &Path,
        project_name: &str,
        overrides: &ImportOptions,
        progress: &mut dyn FnMut(f32) -> bool,
    ) -> Result<(ImportedTable, Fit), ProjectError> {
        let sheet = overrides.sheet.clone().or_else(|| self.read.sheet.clone());
        let score = self.read.roles.iter().find(|c| c.role == Role::Score).map(|c| c.column.clone());
        let score_column = overrides.score_column.clone().or(score);
        let options = ImportOptions {
            sheet: sheet.clone(),
            score_column: score_column.clone(),
            score_scale: self.scale_check(overrides),
            ..ImportOptions::default()
        };
        let table = match import::read_file(path, &options, progress) {
            Err(import::ImportError::NoSuchColumn { place, column, .. }) if Some(&column) == score_column.as_ref() => {
                let detected = ImportOptions { sheet, ..ImportOptions::default() };
                import::read_file(path, &detected, &mut |_| true).map_err(|_| ProjectError::DoesNotFit {
                    project: project_name.to_owned(),
                    made_on: self.input_name(),
                    place,
                    missing: vec![column],
                })?
            }
            other => other?,
        };
        let (table, mut fit) = self.apply_with(table, project_name, overrides)?;
        fit.same_contents = Fingerprint::of_file(path).ok().as_ref() == Some(&self.input.fingerprint);
        Ok((table, fit))
    }

    /// The input file to open when none is given: the saved path, else a file of the same name
    /// beside the project (a folder moved with its project).
    #[must_use]
    pub fn input_path(&self, project_path: &Path) -> PathBuf {
        if self.input.path.exists() {
            return self.input.path.clone();
        }
        let beside = project_path.parent().zip(self.input.path.file_name()).map(|(dir, name)| dir.join(name));
        beside.filter(|p| p.exists()).unwrap_or_else(|| self.input.path.clone())
    }

    /// The project as the JSON text written to disk.
    pub fn to_json(&self) -> Result<String, ProjectError> {
        serde_json::to_string_pretty(self)
            .map_err(|e| ProjectError::NotAProject { file: self.input_name(), reason: e.to_string() })
    }

    /// A project from JSON text; `file` names it in messages.
    pub fn from_json(text: &str, file: &str) -> Result<Self, ProjectError> {
        let not_a_project = |reason: String| ProjectError::NotAProject { file: file.to_owned(), reason };
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| not_a_project(e.to_string()))?;
        if value.get("format").and_then(serde_json::Value::as_str) != Some(FORMAT) {
            return Err(not_a_project(format!("no \"format\": \"{FORMAT}\"")));
        }
        let version = value.get("version").and_then(serde_json::Value::as_u64).unwrap_or(0);
        if version > u64::from(VERSION) {
            return Err(ProjectError::TooNew { file: file.to_owned(), version: u32::try_from(version).unwrap_or(0) });
        }
        let project: Self = serde_json::from_value(value).map_err(|e| not_a_project(e.to_string()))?;
        if let Some(codebook) = &project.codebook {
            codebook.validate().map_err(|e| not_a_project(format!("codebook: {e}")))?;
        }
        if let Some(key) = &project.preset
            && Preset::by_key(key).is_none()
        {
            return Err(not_a_project(format!(
                "it names the codebook preset '{key}', which this version does not have (it has {})",
                Preset::keys()
            )));
        }
        Ok(project)
    }

    /// The sector codebook the project's themes start from (the general one when none is named).
    pub fn preset(&self) -> Preset {
        self.preset.as_deref().and_then(Preset::by_key).unwrap_or(Preset::GENERAL)
    }

    /// The codebook the project's themes are read with: its edited one, else its preset's.
    pub fn codebook_to_use(&self) -> Codebook {
        self.codebook.clone().unwrap_or_else(|| self.preset().codebook())
    }

    /// Remembers `preset` and `codebook`: the codebook only when it differs from the preset's.
    pub fn remember_codebook(&mut self, preset: Preset, codebook: &Codebook) {
        self.preset = (preset != Preset::GENERAL).then(|| preset.key().to_owned());
        self.codebook = (*codebook != preset.codebook()).then(|| codebook.clone());
    }

    /// Reads the project at `path`.
    pub fn read(path: &Path) -> Result<Self, ProjectError> {
        let file = import::display_name(path);
        let bytes = std::fs::read(path).map_err(|e| ProjectError::Io { file: file.clone(), reason: e.to_string() })?;
        let text = String::from_utf8(bytes)
            .map_err(|_| ProjectError::NotAProject { file: file.clone(), reason: "not UTF-8 text".into() })?;
        Self::from_json(&text, &file)
    }

    /// Writes the project to `path`: a temporary file beside it, then renamed into place.
    pub fn write(&self, path: &Path) -> Result<(), ProjectError> {
        let file = path.display().to_string();
        // The survey is only ever read: a project is never written over the file it was made on.
        let same = |a: &Path, b: &Path| {
            std::fs::canonicalize(a).ok().zip(std::fs::canonicalize(b).ok()).is_some_and(|(a, b)| a == b)
        };
        if !self.input.path.as_os_str().is_empty() && same(path, &self.input.path) {
            return Err(ProjectError::Io {
                file,
                reason: "this is the survey file itself; choose another name for the project (e.g. survey.npsproj)"
                    .to_owned(),
            });
        }
        let text = self.to_json()?;
        crate::files::write_atomic(path, text.as_bytes())
            .map_err(|e| ProjectError::Io { file, reason: format!("cannot write: {e}") })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::read_bytes;

    #[test]
    fn a_project_remembers_its_preset_and_refuses_one_it_does_not_know() {
        let hotel = Preset::by_key("hospitality").unwrap();
        let mut project = Project::default();
        project.remember_codebook(hotel, &hotel.codebook());
        assert_eq!(project.preset.as_deref(), Some("hospitality"));
        assert!(project.codebook.is_none(), "an unedited preset is named, not copied");
        let text = serde_json::to_string(&project).unwrap();
        let read = Project::from_json(&text, "p.npsproj").unwrap();
        assert_eq!(read.preset(), hotel);
        assert_eq!(read.codebook_to_use(), hotel.codebook());
        let mut edited = hotel.codebook();
        edited
            .add_keyword(&crate::themes::ThemeId::new("price").unwrap(), crate::themes::Language::Dutch, "woeker")
            .unwrap();
        project.remember_codebook(hotel, &edited);
        assert_eq!(project.codebook.as_ref(), Some(&edited));
        let unknown = text.replace("\"hospitality\"", "\"bakeries\"");
        let err = Project::from_json(&unknown, "p.npsproj").unwrap_err().to_string();
        assert!(err.contains("names the codebook preset 'bakeries'") && err.contains("general, hospitality"), "{err}");
    }

    #[test]
    fn a_project_is_never_written_over_its_survey() {
        let dir = tempfile::tempdir().unwrap();
        let survey = dir.path().join("survey.csv");
        std::fs::write(&survey, "id,score\n1,9\n").unwrap();
        let project =
            Project { input: InputFile { path: survey.clone(), ..InputFile::default() }, ..Project::default() };
        let message = project.write(&survey).unwrap_err().to_string();
        assert!(message.contains("survey file itself"), "{message}");
        assert_eq!(std::fs::read_to_string(&survey).unwrap(), "id,score\n1,9\n", "the survey is untouched");
        project.write(&dir.path().join("survey.npsproj")).unwrap();
    }

    const Q1: &str = "respondent,region,channel,How likely are you to recommend us?,date,comment\n\
                      1,North,Web,9,2025-01-03,fast\n2,South,Shop,6,2025-02-04,slow\n3,North,Shop,10,2025-03-05,\n";

    fn table(name: &str, text: &str) -> ImportedTable {
        read_bytes(name, text.as_bytes().to_vec(), &ImportOptions::default(), &mut |_| true).unwrap()
    }

    fn project_of(text: &str) -> Project {
        let t = table("q1.csv", text);
        let mut project =
            Project::of_table(Path::new("/data/q1.csv"), Fingerprint::of_bytes(text.as_bytes()), &t, false);
        project.analysis.filter.add_condition("channel=Web").unwrap();
        project.analysis.breakdowns = vec![vec!["region".into()]];
        project
    }

    #[test]
    fn json_round_trip_keeps_everything() {
        let mut project = project_of(Q1);
        project.analysis.trend_period = Some(Period::Quarter);
        project.context.invited.total = Some(4_500);
        project.codebook = Some(crate::themes::default_codebook());
        let text = project.to_json().unwrap();
        assert!(text.contains("\"format\": \"nps-workbench-project\"") && text.contains("\"version\": 1"), "{text}");
        assert_eq!(Project::from_json(&text, "p.npsproj").unwrap(), project);
    }

    #[test]
    fn unknown_formats_and_newer_versions_are_refused() {
        let error = Project::from_json("{\"themes\": []}", "codebook.json").unwrap_err().to_string();
        assert!(error.starts_with("codebook.json: not an NPS Workbench project"), "{error}");
        let newer = format!("{{\"format\": \"{FORMAT}\", \"version\": 9}}");
        let error = Project::from_json(&newer, "p.npsproj").unwrap_err().to_string();
        assert!(error.contains("version 9") && error.contains("update"), "{error}");
        let bare = Project::from_json(&format!("{{\"format\": \"{FORMAT}\", \"version\": 1}}"), "p").unwrap();
        assert_eq!(bare, Project::default(), "missing parts take their defaults");
    }

    #[test]
    fn the_fingerprint_tells_the_same_file_from_another() {
        let a = Fingerprint::of_bytes(Q1.as_bytes());
        assert_eq!(a, Fingerprint::of_bytes(Q1.as_bytes()));
        assert_eq!(a.size_bytes, Q1.len() as u64);
        let other = Q1.replace("9,2025-01-03", "8,2025-01-03");
        assert_ne!(a, Fingerprint::of_bytes(other.as_bytes()));
        // FNV-1a 64 reference values: "" and "a".
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_file_of_the_same_layout_fits_and_gets_the_roles() {
        let mut project = project_of(Q1);
        // The user made "channel" a segment and "comment" ignored on Q1.
        for choice in &mut project.read.roles {
            if choice.column == "comment" {
                choice.role = Role::Ignore;
            }
        }
        let q2 = "respondent,region,channel,How likely are you to recommend us?,date,comment,extra\n\
                  7,South,Web,3,2025-04-02,late,x\n8,North,Web,8,2025-05-01,ok,y\n";
        let (t, fit) = project.apply(table("q2.csv", q2), "q1.npsproj").unwrap();
        assert_eq!(fit.made_on, "q1.csv");
        assert!(!fit.same_contents);
        assert_eq!(fit.new_columns, ["extra"]);
        let role = |name: &str| t.roles.iter().find(|r| r.column == name).map(|r| r.role);
        assert_eq!(role("comment"), Some(Role::Ignore), "the project's choice, not the detected comment role");
        assert_eq!(t.headers[t.score_column], "How likely are you to recommend us?");
    }

    #[test]
    fn a_file_missing_used_columns_is_refused_naming_them() {
        let project = project_of(Q1);
        let q2 = "respondent,How likely are you to recommend us?,date,comment\n7,3,2025-04-02,late\n";
        let error = project.apply(table("q2.csv", q2), "q1.npsproj").unwrap_err();
        let ProjectError::DoesNotFit { missing, .. } = &error else { panic!("{error}") };
        assert_eq!(missing, &["region", "channel"]);
        assert_eq!(
            error.to_string(),
            "q2.csv does not fit the project q1.npsproj (made on q1.csv): columns missing: 'region', 'channel'"
        );
        // The respondent id is not used for any number: a file without it still fits.
        let without_id = "region,channel,How likely are you to recommend us?,date,comment\nNorth,Web,7,2025-04-02,x\n";
        assert!(project.apply(table("q3.csv", without_id), "q1.npsproj").is_ok());
    }

    #[test]
    fn writes_are_atomic_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q1.npsproj");
        let project = project_of(Q1);
        project.write(&path).unwrap();
        project.write(&path).unwrap();
        assert_eq!(Project::read(&path).unwrap(), project);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
        // The input is looked for beside the project when its saved path is gone.
        std::fs::write(dir.path().join("q1.csv"), Q1).unwrap();
        assert_eq!(project.input_path(&path), dir.path().join("q1.csv"));
    }
}
