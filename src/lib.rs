//! NPS Workbench: offline Net Promoter Score analysis of customer-survey spreadsheets.
//!
//! Dependencies point one way: `app`/`ui` and `cli` use `report` (and `themes_report`), which use
//! `analysis` (the typed survey on polars and every aggregation) and `import`; `themes` is the
//! text analysis of comments, `benchmarks` the sector figures, `chart` the chart descriptions,
//! `figures` builds them from results and `export` renders and writes them; `stats` is pure
//! numbers. `i18n` holds the words in English, Dutch and Danish and the number formats, for
//! the window, the CLI and the exported files alike. The UI never touches polars, calamine or csv.
//!
//! "Net Promoter", "NPS" and "Net Promoter Score" are trademarks of Bain & Company, Inc.,
//! Satmetrix Systems, Inc. (now NICE) and Fred Reichheld.

pub mod analysis;
pub mod app;
pub mod benchmarks;
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
