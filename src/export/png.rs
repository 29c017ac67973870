//! Rasterises a chart's SVG to PNG with resvg, using the embedded font (and the brand's font when
//! it is installed), so the PNG is the same on every machine. 1x is slide size (1920x1080), 2x is
//! 3840x2160.
//!
//! Owns rasterising; the layout is `svg`'s.

use super::BuildError;
use super::font::font_database_with;
use super::svg::{SvgOptions, render_svg};
use crate::chart::ChartSpec;

/// Pixel density of a PNG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scale {
    /// The layout size (1920x1080 for a slide).
    #[default]
    X1,
    /// Twice the layout size in each direction (3840x2160), for sharp slides on large screens.
    X2,
}

impl Scale {
    /// The multiplier.
    #[must_use]
    pub fn factor(self) -> u32 {
        match self {
            Self::X1 => 1,
            Self::X2 => 2,
        }
    }
}

/// The chart as PNG bytes: laid out at `options` size, drawn at `scale`.
pub fn render_png(spec: &ChartSpec, options: &SvgOptions, scale: Scale) -> Result<Vec<u8>, BuildError> {
    rasterise(&render_svg(spec, options), scale, options.font.as_deref())
        .and_then(|pixmap| pixmap.encode_png().map_err(|e| e.to_string()))
        .map_err(|reason| BuildError::new(format!("the chart \"{}\"", spec.id), reason))
}

/// The chart as pixels (for the clipboard): width, height and premultiplied RGBA rows.
pub fn render_pixels(spec: &ChartSpec, options: &SvgOptions, scale: Scale) -> Result<(u32, u32, Vec<u8>), BuildError> {
    rasterise(&render_svg(spec, options), scale, options.font.as_deref())
        .map(|pixmap| (pixmap.width(), pixmap.height(), pixmap.take()))
        .map_err(|reason| BuildError::new(format!("the chart \"{}\"", spec.id), reason))
}

/// Any SVG as PNG bytes at `scale`, with the embedded font only.
pub fn svg_to_png(svg: &str, scale: Scale) -> Result<Vec<u8>, String> {
    rasterise(svg, scale, None)?.encode_png().map_err(|e| e.to_string())
}

/// How usvg reads our SVGs: the embedded font (and the brand's `font` when it is installed), and
/// pictures only from `data:` URLs, so that an SVG logo naming a file or an address never brings
/// it into an export.
fn svg_options(font: Option<&str>) -> resvg::usvg::Options<'static> {
    let image_href_resolver = resvg::usvg::ImageHrefResolver {
        resolve_data: resvg::usvg::ImageHrefResolver::default_data_resolver(),
        resolve_string: Box::new(|_, _| None),
    };
    resvg::usvg::Options { fontdb: font_database_with(font), image_href_resolver, ..resvg::usvg::Options::default() }
}

/// Any SVG as PNG bytes drawn at most `max_px` wide and high (its shape kept), with the embedded
/// font only: a logo, whose stated size may be anything.
pub fn svg_to_png_within(svg: &str, max_px: u32) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, &svg_options(None)).map_err(|e| e.to_string())?;
    let size = tree.size();
    let scale = (max_px.max(1) as f32 / size.width().max(size.height())).min(4.0);
    let (width, height) = ((size.width() * scale).ceil().max(1.0), (size.height() * scale).ceil().max(1.0));
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width as u32, height as u32)
        .ok_or_else(|| format!("cannot make a {width}x{height} image"))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// Any SVG drawn at `scale` on a pixmap, with the embedded font and the brand's `font`.
fn rasterise(svg: &str, scale: Scale, font: Option<&str>) -> Result<resvg::tiny_skia::Pixmap, String> {
    let options = svg_options(font);
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())?;
    let factor = scale.factor();
    let size = tree.size().to_int_size();
    let (width, height) = (size.width() * factor, size.height() * factor);
    let mut pixmap =
        resvg::tiny_skia::Pixmap::new(width, height).ok_or_else(|| format!("cannot make a {width}x{height} image"))?;
    let f = factor as f32;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(f, f), &mut pixmap.as_mut());
    Ok(pixmap)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;

    fn size_of(png: &[u8]) -> (u32, u32) {
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).expect("a readable PNG");
        (pixmap.width(), pixmap.height())
    }

    #[test]
    fn png_is_slide_size_at_1x_and_double_at_2x() {
        let spec = samples::distribution();
        let one = render_png(&spec, &SvgOptions::default(), Scale::X1).unwrap();
        assert_eq!(&one[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(size_of(&one), (1920, 1080));
        let two = render_png(&spec, &SvgOptions::default(), Scale::X2).unwrap();
        assert_eq!(size_of(&two), (3840, 2160));
    }

    #[test]
    fn a_logo_is_drawn_within_its_box_and_never_reads_a_file() {
        let huge = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20000\" height=\"10000\"><rect width=\"20000\" height=\"10000\" fill=\"#7B2D8E\"/></svg>";
        let png = svg_to_png_within(huge, 512).unwrap();
        assert_eq!(size_of(&png), (512, 256));
        // An image naming a file on this machine is not read (the PNG stays empty).
        let dir = tempfile::tempdir().unwrap();
        let secret = dir.path().join("secret.png");
        std::fs::write(&secret, render_png(&samples::distribution(), &SvgOptions::default(), Scale::X1).unwrap())
            .unwrap();
        let naming = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"64\" height=\"64\">\
             <image width=\"64\" height=\"64\" xlink:href=\"{}\"/></svg>",
            secret.display()
        );
        let png = svg_to_png_within(&naming, 64).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert!(pixmap.pixels().iter().all(|p| p.alpha() == 0), "the file was drawn");
    }

    #[test]
    fn text_is_drawn_with_the_embedded_font() {
        // A chart whose only dark pixels are text: if no font were found, the page would be blank.
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\" font-family=\"{}\">\
             <text x=\"10\" y=\"40\" font-size=\"30\">Ærø ë</text></svg>",
            super::super::font::SVG_FONT_FAMILY
        );
        let png = svg_to_png(&svg, Scale::X1).unwrap();
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        let inked = pixmap.pixels().iter().filter(|p| p.alpha() > 128).count();
        assert!(inked > 100, "only {inked} pixels drawn");
    }

    /// The family of every glyph drawn in `group` and below.
    fn glyph_families(group: &resvg::usvg::Group, db: &resvg::usvg::fontdb::Database, out: &mut Vec<String>) {
        for node in group.children() {
            match node {
                resvg::usvg::Node::Group(inner) => glyph_families(inner, db, out),
                resvg::usvg::Node::Text(text) => {
                    for glyph in text.layouted().iter().flat_map(|span| &span.positioned_glyphs) {
                        let family = db.face(glyph.font).and_then(|f| f.families.first().map(|(n, _)| n.clone()));
                        out.push(family.unwrap_or_default());
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn a_branded_chart_is_drawn_in_the_brand_font_when_it_is_installed() {
        let name = crate::export::font::install_test_family();
        let spec = samples::distribution();
        let drawn_with = |font: Option<&str>| {
            let options = SvgOptions { font: font.map(str::to_owned), ..SvgOptions::default() };
            let tree = resvg::usvg::Tree::from_str(&render_svg(&spec, &options), &svg_options(font)).unwrap();
            let mut families = Vec::new();
            glyph_families(tree.root(), tree.fontdb(), &mut families);
            families
        };
        let branded = drawn_with(Some(name));
        assert!(branded.len() > 50, "the chart's text is drawn ({} glyphs)", branded.len());
        assert!(branded.iter().all(|f| f == name), "every glyph in {name}: {:?}", &branded[..5]);
        assert!(drawn_with(None).iter().all(|f| f == super::super::font::FONT_FAMILY));
        // Not installed here: the embedded font draws every glyph.
        assert!(drawn_with(Some("No Such Brand Font 7391")).iter().all(|f| f == super::super::font::FONT_FAMILY));
    }
}
