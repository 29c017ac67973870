//! NPS Workbench: offline Net Promoter Score analysis of customer-survey spreadsheets.
//!
//! The modules, from the bottom up; a module uses only those on its own level or below, and no
//! two use each other (a test, `layers`, reads `src/` and keeps it so):
//! 0. `files` (atomic writes), `parallel` (work split in two), `stats` (pure numbers: intervals
//!    and the calibrated tests behind every star, `stats::compare` choosing among the exact tests
//!    of `stats::exact` and the z-tests by group size and weighting; `stats::drivers` the key
//!    driver decompositions with their bootstrap (`stats::drivers::logistic` the promoter model), `stats::rake` raking to population margins,
//!    `stats::random` the seeded generator of both and of the calibration) and `import` (files into text
//!    cells, splitting large files with `parallel`) use no module above them.
//! 1. `themes`, the text analysis of comments, builds on `stats`; `sample` generates the bundled
//!    sample survey.
//! 2. `analysis` is the typed survey on polars and every aggregation, with `import`, `stats` and
//!    `themes` (`analysis::drivers` the key drivers of a survey, `analysis::weighting` the margins
//!    and the raked weight column); it knows nothing of benchmarks.
//! 3. `benchmarks`: the sector figures and the verdict on an analysis's summary.
//! 4. `report` assembles one file's analysis and attaches the benchmark comparisons to its rows
//!    ([`report::BreakdownRow`]); `i18n` holds the words in English, Dutch and Danish and the
//!    number formats, for the window, the CLI and the exported files alike (it names the codes of
//!    the modules below but knows nothing of screens or arguments); `chart` describes charts and
//!    tables (`chart::table`) and holds the one palette;
//!    `calibration` simulates every test's false-alarm rate and power through the code the views
//!    run (`examples/calibration.rs` prints the table; a quick version runs in the tests).
//! 5. `notices` words the import's notices; `themes_report` assembles the comments' themes;
//!    `project` reads and writes saved project files; `figures` builds every chart and table from
//!    results, once, for the window and every export.
//! 6. `export` renders and writes figures: SVG, PNG, CSV, xlsx, HTML, the deck, and the files of
//!    a whole report.
//! 7. `app`: the window's state, made of small states that each own their data, job and
//!    commands, and return typed failures that become notices in one place; then 8. `ui` (the
//!    screens, drawing from a narrow context and returning commands) and `cli`. Only `app` and
//!    `ui` name egui; neither touches polars or calamine.
//!
//! "Net Promoter", "NPS" and "Net Promoter Score" are trademarks of Bain & Company, Inc.,
//! Satmetrix Systems, Inc. (now NICE) and Fred Reichheld.

pub mod analysis;
pub mod app;
pub mod benchmarks;
pub mod calibration;
pub mod chart;
pub mod cli;
pub mod export;
pub mod figures;
pub mod files;
pub mod i18n;
pub mod import;
#[cfg(test)]
mod layers;
pub mod notices;
pub mod parallel;
pub mod project;
pub mod report;
pub mod sample;
pub mod stats;
pub mod themes;
pub mod themes_report;
pub mod ui;
