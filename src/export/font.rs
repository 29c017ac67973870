//! The font every export falls back on: DejaVu Sans, compiled into the binary so a chart looks the
//! same on every machine. Also measures text in that font, so the SVG renderer can truncate long
//! labels with an ellipsis instead of letting them overlap the plot. When the brand names a font,
//! that one family is looked up among the fonts installed on this computer (nothing else is ever
//! taken from the system) and the PNG and PDF draw with it, embedding it; when it is not installed
//! they keep DejaVu Sans.
//!
//! Owns the font bytes, the brand font's lookup and text measurement; it draws nothing. The licence of the font is in
//! `assets/fonts/LICENSE-DejaVu.txt` and must ship with the application.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use crate::chart::safe_font_name;

/// The font file, DejaVu Sans 2.37 (Bitstream Vera licence, see `assets/fonts/LICENSE-DejaVu.txt`).
pub static FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name the SVG asks for; it is the family inside [`FONT_BYTES`].
pub const FONT_FAMILY: &str = "DejaVu Sans";

/// The `font-family` value written into SVG: the embedded family first; the generic fallbacks only
/// matter when a browser shows the SVG (in the HTML report) on a machine without DejaVu Sans.
pub const SVG_FONT_FAMILY: &str = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/// The character used to shorten text that does not fit.
pub const ELLIPSIS: char = '\u{2026}';

/// A font database holding only the embedded font, for usvg; no system fonts.
#[must_use]
pub fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
    font_database_with(None)
}

/// The font database the PNG renderer draws with: the embedded font, and every face of the
/// brand's font family when it is installed here.
#[must_use]
pub fn font_database_with(brand_font: Option<&str>) -> Arc<resvg::usvg::fontdb::Database> {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(FONT_BYTES.to_vec());
    for file in brand_font.map(installed_family).unwrap_or_default().iter() {
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(file.clone()));
    }
    db.set_sans_serif_family(FONT_FAMILY);
    db.set_serif_family(FONT_FAMILY);
    db.set_monospace_family(FONT_FAMILY);
    Arc::new(db)
}

/// As [`font_database_with`], for the PDF writer's SVG reader (an older usvg).
#[must_use]
pub fn pdf_font_database(brand_font: Option<&str>) -> Arc<usvg_pdf::fontdb::Database> {
    let mut db = usvg_pdf::fontdb::Database::new();
    db.load_font_data(FONT_BYTES.to_vec());
    for file in brand_font.map(installed_family).unwrap_or_default().iter() {
        db.load_font_source(usvg_pdf::fontdb::Source::Binary(file.clone()));
    }
    db.set_sans_serif_family(FONT_FAMILY);
    db.set_serif_family(FONT_FAMILY);
    db.set_monospace_family(FONT_FAMILY);
    Arc::new(db)
}

/// The `font-family` an exported SVG asks for: the brand's font first when it has one (a name
/// of letters, digits, spaces, `-`, `_` and `.` only, so it cannot break out of the attribute or
/// the HTML's style), then the embedded family and the generic fallbacks.
#[must_use]
pub fn svg_font_family(brand_font: Option<&str>) -> Cow<'static, str> {
    match brand_font.and_then(safe_font_name) {
        Some(name) if !name.eq_ignore_ascii_case(FONT_FAMILY) => Cow::Owned(format!("'{name}', {SVG_FONT_FAMILY}")),
        _ => Cow::Borrowed(SVG_FONT_FAMILY),
    }
}

/// The files of one installed font family, each whole.
pub type FontFiles = Arc<Vec<Arc<Vec<u8>>>>;

/// Whether the font family `name` is installed on this computer (the embedded DejaVu Sans
/// always is).
#[must_use]
pub fn is_installed(name: &str) -> bool {
    name.trim().eq_ignore_ascii_case(FONT_FAMILY) || !installed_family(name).is_empty()
}

/// The files holding the faces of the installed font family `name` (case-insensitive), each
/// read once per process; none when it is not installed, is the embedded family or is not a
/// safe name. The system's fonts are listed once, on the first call, and only this family's
/// files are ever read whole.
pub fn installed_family(name: &str) -> FontFiles {
    static SYSTEM: OnceLock<usvg_pdf::fontdb::Database> = OnceLock::new();
    let Some(name) = safe_font_name(name).filter(|n| !n.eq_ignore_ascii_case(FONT_FAMILY)) else {
        return Arc::default();
    };
    let key = name.to_lowercase();
    let found = found();
    if let Some(files) = found.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
        return files.clone();
    }
    let system = SYSTEM.get_or_init(|| {
        let mut db = usvg_pdf::fontdb::Database::new();
        db.load_system_fonts();
        db
    });
    let mut sources: Vec<usvg_pdf::fontdb::ID> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for face in system.faces() {
        if face.families.iter().any(|(family, _)| family.to_lowercase() == key) {
            let file = match &face.source {
                usvg_pdf::fontdb::Source::File(path) | usvg_pdf::fontdb::Source::SharedFile(path, _) => path.clone(),
                usvg_pdf::fontdb::Source::Binary(_) => continue,
            };
            if seen.insert(file) {
                sources.push(face.id);
            }
        }
    }
    let files: Vec<Arc<Vec<u8>>> =
        sources.into_iter().filter_map(|id| system.with_face_data(id, |data, _| Arc::new(data.to_vec()))).collect();
    let files = Arc::new(files);
    found.lock().unwrap_or_else(PoisonError::into_inner).insert(key, files.clone());
    files
}

/// Width of `text` in pixels at `font_px`, from the font's own advance widths (no kerning, so it
/// errs on the wide side, which is the safe side for fitting).
#[must_use]
pub fn text_width(text: &str, font_px: f64) -> f64 {
    let metrics = metrics();
    let units: u32 = text.chars().map(|c| u32::from(metrics.as_ref().map_or(FALLBACK_ADVANCE, |m| m.advance(c)))).sum();
    let per_em = metrics.as_ref().map_or(2048, |m| m.units_per_em);
    f64::from(units) * font_px / f64::from(per_em.max(1))
}

/// `text` unchanged when it fits in `max_px` at `font_px`, else cut at a character boundary and
/// ended with an ellipsis so that it fits (an ellipsis alone when nothing else fits).
#[must_use]
pub fn fit_text(text: &str, max_px: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= max_px {
        return text.to_owned();
    }
    let ellipsis_px = text_width("\u{2026}", font_px);
    let mut used = 0.0;
    let mut kept = String::new();
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), font_px);
        if used + w + ellipsis_px > max_px {
            break;
        }
        used += w;
        kept.push(c);
    }
    let mut shortened = kept.trim_end().to_owned();
    shortened.push(ELLIPSIS);
    shortened
}

/// Splits `text` into at most `max_lines` lines of at most `max_px` each, breaking at spaces; the
/// last line is shortened with an ellipsis when text remains.
#[must_use]
pub fn wrap_text(text: &str, max_px: f64, font_px: f64, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() { word.to_owned() } else { format!("{current} {word}") };
        if text_width(&candidate, font_px) <= max_px || current.is_empty() {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        let rest = lines.split_off(max_lines.max(1) - 1).join(" ");
        lines.push(rest);
    }
    lines.into_iter().map(|line| fit_text(&line, max_px, font_px)).collect()
}

/// A test font family that every test may take as installed: DejaVu Sans renamed "Brandy Sans"
/// (PostScript name "BrandySans") in its name table, so that a test can tell which family drew or
/// was embedded without depending on the fonts of the machine it runs on.
#[cfg(test)]
pub(crate) fn install_test_family() -> &'static str {
    const NAME: &str = "Brandy Sans";
    fn utf16(text: &str) -> Vec<u8> {
        text.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }
    fn replace_all(bytes: &mut [u8], from: &[u8], to: &[u8]) {
        assert_eq!(from.len(), to.len(), "the name keeps its length, so no offset moves");
        let mut i = 0;
        while i + from.len() <= bytes.len() {
            if &bytes[i..i + from.len()] == from {
                bytes[i..i + from.len()].copy_from_slice(to);
                i += from.len();
            } else {
                i += 1;
            }
        }
    }
    let mut bytes = FONT_BYTES.to_vec();
    replace_all(&mut bytes, &utf16(FONT_FAMILY), &utf16(NAME));
    replace_all(&mut bytes, FONT_FAMILY.as_bytes(), NAME.as_bytes());
    replace_all(&mut bytes, &utf16("DejaVuSans"), &utf16("BrandySans"));
    replace_all(&mut bytes, b"DejaVuSans", b"BrandySans");
    let found = found();
    found.lock().unwrap_or_else(PoisonError::into_inner).insert(NAME.to_lowercase(), Arc::new(vec![Arc::new(bytes)]));
    NAME
}

/// The families looked up so far, by lower-case name.
fn found() -> &'static Mutex<HashMap<String, FontFiles>> {
    static FOUND: OnceLock<Mutex<HashMap<String, FontFiles>>> = OnceLock::new();
    FOUND.get_or_init(Mutex::default)
}

/// The embedded font's character map and advance widths (by skrifa), read once.
fn metrics() -> Option<&'static Metrics> {
    static METRICS: std::sync::OnceLock<Option<Metrics>> = std::sync::OnceLock::new();
    METRICS.get_or_init(Metrics::of_embedded_font).as_ref()
}

/// Advance used for a character the font cannot be read for (about an average DejaVu glyph).
const FALLBACK_ADVANCE: u16 = 1300;

/// What measuring text needs of the font: its character map and horizontal advances.
struct Metrics {
    units_per_em: u16,
    charmap: skrifa::charmap::Charmap<'static>,
    glyphs: skrifa::metrics::GlyphMetrics<'static>,
}

impl Metrics {
    /// Reads the embedded font; `None` when skrifa cannot read it.
    fn of_embedded_font() -> Option<Self> {
        use skrifa::MetadataProvider as _;
        use skrifa::instance::{LocationRef, Size};
        let font = skrifa::FontRef::new(FONT_BYTES).ok()?;
        let units_per_em = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em;
        Some(Self {
            units_per_em,
            charmap: font.charmap(),
            glyphs: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
        })
    }

    /// Advance width of a character in font units (the missing glyph's when the font has none).
    fn advance(&self, c: char) -> u16 {
        let glyph = self.charmap.map(c).unwrap_or_default();
        self.glyphs.advance_width(glyph).map_or(FALLBACK_ADVANCE, |w| w.round().clamp(0.0, 65_535.0) as u16)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_font_is_readable_and_measures_text() {
        let metrics = Metrics::of_embedded_font().expect("DejaVu Sans tables");
        assert_eq!(metrics.units_per_em, 2048);
        assert!(metrics.charmap.map('æ').is_some_and(|g| g.to_u32() != 0));
        assert!(metrics.charmap.map('ë').is_some_and(|g| g.to_u32() != 0));
        assert!(text_width("WWWW", 20.0) > text_width("iiii", 20.0));
        // DejaVu Sans "a" is 1255 units wide: 12.25 px at 20 px.
        assert!((text_width("a", 20.0) - 1255.0 * 20.0 / 2048.0).abs() < 1e-9);
    }

    #[test]
    fn long_text_is_shortened_with_an_ellipsis_to_fit() {
        let long = "Klantenservice en bezorging in Ærøskøbing";
        let fitted = fit_text(long, 200.0, 20.0);
        assert!(fitted.ends_with(ELLIPSIS));
        assert!(text_width(&fitted, 20.0) <= 200.0);
        assert_eq!(fit_text("kort", 200.0, 20.0), "kort");
    }

    #[test]
    fn wrapping_keeps_to_the_line_count() {
        let text = "n = 1,204 · adjusted Wald 95% interval · filter: region = Noord · period 2025-Q1 to 2025-Q4";
        let lines = wrap_text(text, 300.0, 20.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| text_width(l, 20.0) <= 300.0));
        assert!(lines[1].ends_with(ELLIPSIS));
    }

    #[test]
    fn an_installed_brand_font_is_found_and_asked_for_first() {
        let name = install_test_family();
        assert!(is_installed("brandy sans") && is_installed(" DejaVu Sans "));
        let db = font_database_with(Some(name));
        assert_eq!(db.len(), 2, "the embedded face and the brand's");
        assert!(db.faces().any(|f| f.families.iter().any(|(family, _)| family == name)));
        assert_eq!(pdf_font_database(Some(name)).len(), 2);
        assert_eq!(svg_font_family(Some("Brandy Sans")), format!("'Brandy Sans', {SVG_FONT_FAMILY}"));
        assert_eq!(svg_font_family(Some("dejavu sans")), SVG_FONT_FAMILY, "the embedded family is not named twice");
        // A name that could break out of the attribute or style is never written, nor looked up.
        for unsafe_name in ["Evil', x", "A\"B", "<b>", "a;b{}", ""] {
            assert_eq!(svg_font_family(Some(unsafe_name)), SVG_FONT_FAMILY, "{unsafe_name}");
            assert!(installed_family(unsafe_name).is_empty());
        }
    }

    #[test]
    fn a_font_that_is_not_installed_leaves_the_embedded_one() {
        assert!(!is_installed("No Such Brand Font 7391"));
        assert_eq!(font_database_with(Some("No Such Brand Font 7391")).len(), 1);
    }

    #[test]
    fn the_font_database_holds_only_the_embedded_family() {
        let db = font_database();
        assert_eq!(db.len(), 1);
        assert!(db.faces().all(|f| f.families.iter().any(|(name, _)| name == FONT_FAMILY)));
    }
}
