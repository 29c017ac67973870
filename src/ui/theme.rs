//! Colour and size tokens: the only place the app names a colour.
//!
//! Owns the palette for promoters, passives and detractors in light and dark themes, so charts
//! on screen and in exports use the same colours.

use eframe::egui::{Color32, Visuals};

use crate::chart::Tone;

/// The fill colour of a tone, readable on the current background. The light theme uses the
/// exported charts' colour-blind-safe palette (`export::theme`, Okabe & Ito), so what the user
/// sees in a light window is what they export; the dark theme uses lighter shades of the same hues.
#[must_use]
pub fn tone_colour(tone: Tone, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match (tone, dark) {
        (Tone::Promoter, false) => Color32::from_rgb(0x00, 0x9E, 0x73),
        (Tone::Promoter, true) => Color32::from_rgb(0x3D, 0xC9, 0x9E),
        (Tone::Passive, false) => Color32::from_rgb(0xA3, 0xA3, 0xA3),
        (Tone::Passive, true) => Color32::from_rgb(0xB8, 0xB8, 0xB8),
        (Tone::Detractor, false) => Color32::from_rgb(0xD5, 0x5E, 0x00),
        (Tone::Detractor, true) => Color32::from_rgb(0xF2, 0x8A, 0x3C),
        (Tone::Neutral, false) => Color32::from_rgb(0x00, 0x72, 0xB2),
        (Tone::Neutral, true) => Color32::from_rgb(0x56, 0xB4, 0xE9),
        (Tone::Highlight, false) => Color32::from_rgb(0x1A, 0x1A, 0x1A),
        (Tone::Highlight, true) => Color32::from_rgb(0xF0, 0xF0, 0xF0),
        (Tone::Benchmark, false) => Color32::from_rgb(0xCC, 0x79, 0xA7),
        (Tone::Benchmark, true) => Color32::from_rgb(0xE3, 0xA0, 0xC8),
    }
}

/// A benchmark's single published value: a darker (light theme) or lighter (dark theme) shade of
/// the benchmark colour, so a thin tick still stands out.
#[must_use]
pub fn benchmark_tick(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xF0, 0xC0, 0xDC) } else { Color32::from_rgb(0x9C, 0x4A, 0x7A) }
}

/// Interval whiskers.
#[must_use]
pub fn whisker(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xE8, 0xE8, 0xE8) } else { Color32::from_rgb(0x2B, 0x2B, 0x2B) }
}

/// Background of an error notice.
#[must_use]
pub fn error_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0x5A, 0x1E, 0x1E) } else { Color32::from_rgb(0xFD, 0xEC, 0xEA) }
}

/// Text colour of an error notice.
#[must_use]
pub fn error_text(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xFF, 0xD7, 0xD2) } else { Color32::from_rgb(0x8B, 0x1A, 0x10) }
}

/// Size of the big number on a KPI card.
pub const KPI_VALUE_SIZE: f32 = 30.0;
/// Height of a KPI card, so a row of cards lines up.
pub const KPI_CARD_HEIGHT: f32 = 104.0;
/// Size of chart footnotes: small but readable on a slide.
pub const FOOTNOTE_SIZE: f32 = 12.5;
/// Width of a KPI card.
pub const KPI_CARD_WIDTH: f32 = 168.0;
