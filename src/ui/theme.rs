//! The window's colour and size tokens: no other screen module names a colour.
//!
//! The marks' colours come from the one palette, `chart::palette`, which the exports use too;
//! this module adds the window's own (text, links, warnings, error notices) and its sizes.
//!
//! Text meets WCAG AA (contrast of at least 4.5:1) on every background it is drawn on, in light
//! and dark: egui's own weak text (about 2.9:1), links, warnings and errors (2.9-4.4:1) fall
//! short, so [`visuals`] sets them, and a palette colour used for text goes through
//! [`tone_text`], which shades it until it reads. A test measures every pair.

use eframe::egui::{Color32, Theme, Visuals};

use crate::chart::{Tone, palette};

/// A colour of the palette as egui draws it.
fn colour(hex: &str) -> Color32 {
    let [r, g, b] = palette::rgb(hex);
    Color32::from_rgb(r, g, b)
}

/// The window's visuals in `theme`: egui's, with text, weak text, links, warnings and errors
/// that meet WCAG AA on the panels, windows, text fields and striped rows.
#[must_use]
pub fn visuals(theme: Theme) -> Visuals {
    let mut visuals = theme.default_visuals();
    if visuals.dark_mode {
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
        visuals.weak_text_color = Some(Color32::from_gray(150));
        visuals.error_fg_color = Color32::from_rgb(0xFF, 0x78, 0x6E);
    } else {
        visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
        visuals.weak_text_color = Some(Color32::from_gray(96));
        visuals.hyperlink_color = Color32::from_rgb(0x00, 0x5A, 0xB4);
        visuals.warn_fg_color = Color32::from_rgb(0xA3, 0x46, 0x00);
        visuals.error_fg_color = Color32::from_rgb(0xB4, 0x14, 0x14);
    }
    visuals
}

/// The backgrounds text is drawn on: panels, windows, text fields and striped rows.
#[must_use]
pub fn text_backgrounds(visuals: &Visuals) -> [Color32; 4] {
    let stripe = visuals.panel_fill.blend(visuals.faint_bg_color);
    [visuals.panel_fill, visuals.window_fill, visuals.text_edit_bg_color(), stripe]
}

/// WCAG relative luminance of an opaque colour ([`palette::luminance`]).
fn luminance(colour: Color32) -> f32 {
    palette::luminance([colour.r(), colour.g(), colour.b()]) as f32
}

/// WCAG contrast ratio of two opaque colours, 1 to 21.
#[must_use]
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG AA for body text.
pub const TEXT_CONTRAST: f32 = 4.5;

/// A tone's colour as text: the palette's colour, shaded towards black (light) or white (dark)
/// in small steps until it has [`TEXT_CONTRAST`] with every background of
/// [`text_backgrounds`]; the hue stays, so a promoter's score still reads green.
#[must_use]
pub fn tone_text(tone: Tone, visuals: &Visuals) -> Color32 {
    readable(tone_colour(tone, visuals), visuals)
}

/// `colour`, shaded until it reads as text on the window's backgrounds.
#[must_use]
pub fn readable(colour: Color32, visuals: &Visuals) -> Color32 {
    let towards = if visuals.dark_mode { Color32::WHITE } else { Color32::BLACK };
    let backgrounds = text_backgrounds(visuals);
    let reads = |c: Color32| backgrounds.iter().all(|&b| contrast(c, b) >= TEXT_CONTRAST);
    (0..=20).map(|step| colour.lerp_to_gamma(towards, step as f32 / 20.0)).find(|&c| reads(c)).unwrap_or(towards)
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
    let base = visuals.extreme_bg_color;
    let [r, g, b] = palette::heat(nps, [base.r(), base.g(), base.b()], visuals.dark_mode);
    Color32::from_rgb(r, g, b)
}

/// Black or white, whichever contrasts more with `fill` (WCAG relative luminance).
#[must_use]
pub fn text_on(fill: Color32) -> Color32 {
    if contrast(fill, Color32::BLACK) >= contrast(fill, Color32::WHITE) { Color32::BLACK } else { Color32::WHITE }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_the_wcag_reference_values() {
        // WCAG 2.x: black on white is 21:1; #767676 on white is the lightest grey at 4.5:1.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::from_gray(0x76), Color32::WHITE) - 4.54).abs() < 0.01);
        assert!(contrast(Color32::from_gray(0x77), Color32::WHITE) < 4.5);
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_every_background_in_light_and_dark() {
        for theme in [Theme::Light, Theme::Dark] {
            let v = visuals(theme);
            let mut texts = vec![
                ("text", v.text_color()),
                ("weak text", v.weak_text_color()),
                ("strong text", v.strong_text_color()),
                ("link", v.hyperlink_color),
                ("warning", v.warn_fg_color),
                ("error", v.error_fg_color),
                ("error line", error_text(&v)),
            ];
            for tone in [Tone::Promoter, Tone::Passive, Tone::Detractor, Tone::Neutral, Tone::Benchmark] {
                texts.push(("tone", tone_text(tone, &v)));
            }
            for (what, colour) in texts {
                for background in text_backgrounds(&v) {
                    let ratio = contrast(colour, background);
                    assert!(ratio >= TEXT_CONTRAST, "{theme:?}: {what} {colour:?} on {background:?} is {ratio:.2}:1");
                }
            }
            // An error notice's text on its own fill; a button's text on a button.
            assert!(contrast(error_text(&v), error_fill(&v)) >= TEXT_CONTRAST, "{theme:?}: error notice");
            let button = &v.widgets.inactive;
            assert!(contrast(button.fg_stroke.color, button.weak_bg_fill) >= TEXT_CONTRAST, "{theme:?}: button");
            // The weak text is still weaker than the text.
            assert!(contrast(v.weak_text_color(), v.panel_fill) < contrast(v.text_color(), v.panel_fill));
        }
    }

    #[test]
    fn a_tone_as_text_keeps_its_hue() {
        for theme in [Theme::Light, Theme::Dark] {
            let v = visuals(theme);
            for tone in [Tone::Promoter, Tone::Detractor, Tone::Neutral, Tone::Benchmark] {
                let c = tone_text(tone, &v);
                assert!(c != Color32::BLACK && c != Color32::WHITE, "{theme:?} {tone:?} lost its colour");
            }
        }
        let v = visuals(Theme::Light);
        let green = tone_text(Tone::Promoter, &v);
        assert!(green.g() > green.r() && green.g() > green.b(), "{green:?}");
        let orange = tone_text(Tone::Detractor, &v);
        assert!(orange.r() > orange.g() && orange.g() > orange.b(), "{orange:?}");
    }
}
