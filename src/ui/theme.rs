//! Colour and size tokens: the only place the app names a colour.
//!
//! Owns the palette for promoters, passives and detractors in light and dark themes, so charts
//! on screen and in exports use the same colours.

use eframe::egui::{Color32, Visuals};

use crate::chart::Tone;

/// The fill colour of a tone, readable on the current background.
#[must_use]
pub fn tone_colour(tone: Tone, visuals: &Visuals) -> Color32 {
    let dark = visuals.dark_mode;
    match (tone, dark) {
        (Tone::Promoter, false) => Color32::from_rgb(0x1B, 0x7F, 0x4C),
        (Tone::Promoter, true) => Color32::from_rgb(0x4C, 0xC2, 0x85),
        (Tone::Passive, false) => Color32::from_rgb(0x80, 0x80, 0x80),
        (Tone::Passive, true) => Color32::from_rgb(0xA8, 0xA8, 0xA8),
        (Tone::Detractor, false) => Color32::from_rgb(0xC0, 0x39, 0x2B),
        (Tone::Detractor, true) => Color32::from_rgb(0xF0, 0x6A, 0x5B),
        (Tone::Neutral, false) => Color32::from_rgb(0x2F, 0x5D, 0x8A),
        (Tone::Neutral, true) => Color32::from_rgb(0x7F, 0xB2, 0xE5),
    }
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
