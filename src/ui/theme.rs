//! The window's colour and size tokens: no other screen module names a colour.
//!
//! The marks' colours come from the one palette, `chart::palette`, which the exports use too;
//! this module adds the window's own (error notices) and its sizes.

use eframe::egui::{Color32, Visuals};

use crate::chart::{Tone, palette};

/// A colour of the palette as egui draws it.
fn colour(hex: &str) -> Color32 {
    let [r, g, b] = palette::rgb(hex);
    Color32::from_rgb(r, g, b)
}

/// The fill colour of a tone, readable on the current background: the one palette
/// ([`palette`]), whose light colours are the exported charts', so what the user sees in a light
/// window is what they export; the dark theme uses lighter shades of the same hues.
#[must_use]
pub fn tone_colour(tone: Tone, visuals: &Visuals) -> Color32 {
    colour(palette::tone(tone, visuals.dark_mode))
}

/// A benchmark's single published value: a darker (light theme) or lighter (dark theme) shade of
/// the benchmark colour, so a thin tick still stands out.
#[must_use]
pub fn benchmark_tick(visuals: &Visuals) -> Color32 {
    colour(palette::benchmark_tick(visuals.dark_mode))
}

/// Interval whiskers.
#[must_use]
pub fn whisker(visuals: &Visuals) -> Color32 {
    colour(palette::whisker(visuals.dark_mode))
}

/// The fill of a matrix cell of NPS `nps`: the detractors' hue below zero and the promoters'
/// above, stronger the further from zero, over the window's background at zero.
#[must_use]
pub fn heat(nps: f64, visuals: &Visuals) -> Color32 {
    let tone = if nps < 0.0 { Tone::Detractor } else { Tone::Promoter };
    let [r, g, b] = palette::rgb(palette::tone(tone, visuals.dark_mode));
    let base = visuals.extreme_bg_color;
    // Never quite the background, so a zero cell is still a cell.
    let share = 0.12 + 0.88 * (nps.abs() / 100.0).clamp(0.0, 1.0) as f32;
    let mix = |from: u8, to: u8| (f32::from(from) + (f32::from(to) - f32::from(from)) * share).round() as u8;
    Color32::from_rgb(mix(base.r(), r), mix(base.g(), g), mix(base.b(), b))
}

/// Black or white, whichever contrasts more with `fill` (WCAG relative luminance).
#[must_use]
pub fn text_on(fill: Color32) -> Color32 {
    let linear = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    let luminance = 0.2126 * linear(fill.r()) + 0.7152 * linear(fill.g()) + 0.0722 * linear(fill.b());
    // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at L = 0.179.
    if luminance > 0.179 { Color32::BLACK } else { Color32::WHITE }
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
