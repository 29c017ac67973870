//! The presentation theme of exported charts: light background whatever the app's theme, and a
//! colour-blind-safe palette taken from Okabe & Ito (2008), "Color Universal Design". Promoters,
//! passives and detractors keep the same colours in every chart, report and slide.
//!
//! Owns the export's page colours and type sizes; the colours of marks come from the one
//! palette, [`crate::chart::palette`], which the window uses too.

use crate::chart::{Tone, palette};

pub use palette::{BENCHMARK, BENCHMARK_TICK, DETRACTOR, HIGHLIGHT, NEUTRAL, PASSIVE, PROMOTER, WHISKER};

/// Page background.
pub const BACKGROUND: &str = "#FFFFFF";
/// Titles.
pub const TITLE_TEXT: &str = "#1A1A1A";
/// Axis labels, category labels, legend.
pub const BODY_TEXT: &str = "#333333";
/// Subtitle and footnote (contrast 6.4:1 on white).
pub const MUTED_TEXT: &str = "#5F5F5F";
/// Grid lines.
pub const GRID: &str = "#E2E2E2";
/// The axis line and the zero line.
pub const AXIS: &str = "#8A8A8A";

/// Opacity of a benchmark range band.
pub const BENCHMARK_BAND_OPACITY: f64 = 0.32;
/// Opacity of a trend's interval band.
pub const INTERVAL_BAND_OPACITY: f64 = 0.18;
/// Opacity of marks in a small-n row.
pub const SMALL_N_OPACITY: f64 = 0.38;

/// The fill colour of a tone.
#[must_use]
pub fn tone_colour(tone: Tone) -> &'static str {
    palette::tone(tone, false)
}

/// Type sizes in pixels on a 1920-pixel-wide slide; other sizes scale with the width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeSizes {
    /// Chart title.
    pub title: f64,
    /// Subtitle.
    pub subtitle: f64,
    /// Legend entries.
    pub legend: f64,
    /// Axis titles.
    pub axis_title: f64,
    /// Tick and category labels.
    pub tick: f64,
    /// Bar and point labels.
    pub value: f64,
    /// Footnote.
    pub footnote: f64,
}

impl TypeSizes {
    /// The sizes for a canvas `width` pixels wide.
    #[must_use]
    pub fn for_width(width: f64) -> Self {
        let k = (width / 1920.0).clamp(0.3, 4.0);
        Self {
            title: 46.0 * k,
            subtitle: 28.0 * k,
            legend: 24.0 * k,
            axis_title: 26.0 * k,
            tick: 24.0 * k,
            value: 22.0 * k,
            footnote: 20.0 * k,
        }
    }

    /// Every size times `factor`.
    #[must_use]
    pub fn scaled(self, factor: f64) -> Self {
        Self {
            title: self.title * factor,
            subtitle: self.subtitle * factor,
            legend: self.legend * factor,
            axis_title: self.axis_title * factor,
            tick: self.tick * factor,
            value: self.value * factor,
            footnote: self.footnote * factor,
        }
    }
}
