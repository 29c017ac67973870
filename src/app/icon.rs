//! The window's icon: the 256 px rendering of `assets/icon/nps-workbench.svg`, built into the
//! binary so the window has it wherever the program was copied to.
//!
//! Owns only the decoding; the artwork and its renderings are `assets/icon/` (remade by the
//! `render-icons` program).

use eframe::egui::IconData;

/// The PNG shown as the window and task-bar icon.
pub const WINDOW_ICON_PNG: &[u8] = include_bytes!("../../assets/icon/png/nps-workbench-256.png");

/// The window icon as RGBA pixels. A PNG that cannot be decoded (it is built in and tested, so
/// only a broken build would have one) leaves the platform's default icon rather than stopping
/// the app.
#[must_use]
pub fn window_icon() -> IconData {
    eframe::icon_data::from_png_bytes(WINDOW_ICON_PNG).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_icon_is_the_256_pixel_rendering_with_visible_pixels() {
        let icon = window_icon();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
        // The corners lie outside the rounded tile (transparent); the centre is the tile's navy.
        assert_eq!(icon.rgba[3], 0, "top-left corner is transparent");
        let centre = (128 * 256 + 128) * 4;
        let (r, g, b, a) = (icon.rgba[centre], icon.rgba[centre + 1], icon.rgba[centre + 2], icon.rgba[centre + 3]);
        assert_eq!(a, 255);
        assert!(b > r && b > g, "centre is blue-dominated: {r},{g},{b}");
    }
}
