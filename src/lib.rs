//! NPS Workbench: offline Net Promoter Score analysis of customer-survey spreadsheets.
//!
//! Dependencies point one way: `app`/`ui` and `cli` use `report` (and `themes_report`), which use
//! `analysis` (the typed survey on polars and every aggregation) and `import`; `themes` is the
//! text analysis of comments, `benchmarks` the sector figures, `chart` the chart descriptions,
//! `figures` builds them from results and `export` renders and writes them; `stats` is pure
//! numbers. The UI never touches polars, calamine or csv. Not yet as designed: `cli`, `figures`
//! and `notices` take their words from `ui::i18n`, which should become a module of its own.
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
pub mod import;
pub mod notices;
pub mod project;
pub mod report;
pub mod sample;
pub mod stats;
pub mod themes;
pub mod themes_report;
pub mod ui;
