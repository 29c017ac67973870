//! NPS Workbench: offline Net Promoter Score analysis of customer-survey spreadsheets.
//!
//! The modules, from the bottom up:
//! - `stats` (pure numbers) and `import` (files into text cells) use no other module.
//! - `stats` holds the calibrated tests behind every star (`stats::compare` chooses among the
//!   exact tests of `stats::exact` and the z-tests by group size and weighting).
//! - `analysis` is the typed survey on polars and every aggregation, `themes` the text analysis
//!   of comments, `benchmarks` the sector figures. They build on `import` and `stats` (`themes`
//!   on `stats` only) and share a few types (a segment row carries a benchmark comparison);
//!   `benchmarks` saves through `export`.
//! - `calibration` simulates every test's false-alarm rate and power through the code the views
//!   run (`examples/calibration.rs` prints the table; a quick version runs in the tests).
//! - `report` assembles one file's analysis from `import`, `analysis` and `benchmarks`;
//!   `themes_report` does the same for the comments' themes.
//! - `chart` describes charts; `figures` builds charts and tables from results; `export` renders
//!   and writes them.
//! - `i18n` holds the words in English, Dutch and Danish and the number formats, for the window,
//!   the CLI and the exported files alike; it names the codes of `analysis`, `benchmarks`,
//!   `import` and `themes` but knows nothing of screens or arguments. `notices` words the
//!   import's notices with it.
//! - `project` reads and writes saved project files, and reads invited-count tables.
//! - `sample` generates the bundled sample survey.
//! - `cli`, `app` (the window's state and background work) and `ui` (the screens) sit on top;
//!   `ui` uses `app`, never the reverse. Neither `app` nor `ui` touches polars or calamine.
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
pub mod i18n;
pub mod import;
pub mod notices;
pub mod project;
pub mod report;
pub mod sample;
pub mod stats;
pub mod themes;
pub mod themes_report;
pub mod ui;
