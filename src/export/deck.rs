//! The slide deck: a PowerPoint file (.pptx, Office Open XML in a zip) with a title slide, the
//! headline as editable shapes and text, one slide per chart (or per part of one with more than
//! [`SLIDE_ROWS`] rows): the chart's title as the slide title, the chart as a native chart drawn
//! from its own embedded workbook (`native`; a heat-map matrix, which has no chart type, as a PNG
//! picture), the footnote as text and speaker notes on how to read it; then the quote slides of
//! [`ReportInfo::quotes`]. 16:9 widescreen; opens in PowerPoint, Keynote, LibreOffice Impress and
//! Google Slides.
//!
//! Owns the package layout and its XML; the charts come from `native`, the pictures from `png`.

use std::fmt::Write as _;
use std::io::Write as _;

use super::png::{Scale, render_png};
use super::svg::{SvgOptions, escape_xml};
use super::{BuildError, ReportInfo};
use crate::chart::{ChartKind, ChartSpec, Headline, Tone, palette};

/// Slide width in EMU (13.333 in).
const SLIDE_WIDTH: i64 = 12_192_000;
/// Slide height in EMU (7.5 in).
const SLIDE_HEIGHT: i64 = 6_858_000;
/// Left and right margin in EMU (0.5 in).
const MARGIN: i64 = 457_200;
/// Title box: top and height.
const TITLE_BOX: (i64, i64) = (228_600, 640_080);
/// Subtitle box: top and height.
const SUBTITLE_BOX: (i64, i64) = (868_680, 320_040);
/// Picture area: top and height.
const PICTURE_BOX: (i64, i64) = (1_234_440, 4_800_600);
/// Footnote box: top and height.
const FOOTNOTE_BOX: (i64, i64) = (6_126_480, 594_360);
/// The most rows a slide's chart holds (labels stay at least 14 pt); more come in parts.
pub const SLIDE_ROWS: usize = 12;
/// Width of the chart picture in layout pixels; its height follows the picture area's shape.
const PICTURE_WIDTH_PX: u32 = 1920;

const NS_A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_P: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
const NS_CHART: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// The SVG options of a slide picture: the picture area's shape, no title and no footnote, the
/// brand's font.
#[must_use]
pub fn picture_options(brand: &crate::chart::Brand) -> SvgOptions {
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    let height = (f64::from(PICTURE_WIDTH_PX) * PICTURE_BOX.1 as f64 / content_width as f64).round() as u32;
    SvgOptions {
        width: PICTURE_WIDTH_PX,
        height,
        with_title: false,
        with_footnote: false,
        standalone: true,
        text_scale_pct: 130,
        primary: None,
        font: brand.font_family().map(str::to_owned),
    }
}

/// What every slide's text shares: its language, the title colour (the brand's first colour,
/// else near black) and the text colours, all as `RRGGBB`.
struct Look<'a> {
    lang: &'a str,
    title_colour: String,
    /// Body text: the template's text colour, else near black.
    text: String,
    /// Secondary text: a tenth of the way from the text colour to the background (#333333 on
    /// white).
    text_mid: String,
    /// Footnotes and sources: three tenths of the way (#5F5F5F on white).
    text_soft: String,
    /// A table header's fill: the background a twentieth of the way to the text (#F3F3F3 on white).
    header_fill: String,
    /// The slides are dark: marks and lines take the palette's colours for dark backgrounds.
    dark: bool,
    /// The headline's score: the brand's first colour, else the palette's blue.
    score_colour: String,
    /// Room kept at the right of slide titles for the logo in the corner.
    title_room: i64,
}

impl<'a> Look<'a> {
    /// The look of `info`'s slides, in the colours of `ink` (the template's, else the deck's
    /// own), titles kept clear of a logo `title_room` wide.
    fn of(info: &'a ReportInfo, ink: super::template::Ink, title_room: i64) -> Self {
        let shade = |from: [u8; 3], to: [u8; 3], t: f64| {
            let mix = |k: usize| (f64::from(from[k]) + (f64::from(to[k]) - f64::from(from[k])) * t).round() as u8;
            palette::hex([mix(0), mix(1), mix(2)]).trim_start_matches('#').to_owned()
        };
        let dark = palette::luminance(ink.background) < 0.179;
        Look {
            lang: info.language(),
            // On a template, titles take the template's colour unless the brand names one.
            title_colour: match info.brand.primary("") {
                "" if info.brand.template.is_none() => shade(ink.text, ink.background, 0.0),
                colour => colour.trim_start_matches('#').to_owned(),
            },
            text: shade(ink.text, ink.background, 0.0),
            text_mid: shade(ink.text, ink.background, 0.11),
            text_soft: shade(ink.text, ink.background, 0.3),
            header_fill: shade(ink.background, ink.text, 0.05),
            dark,
            score_colour: info.brand.primary(palette::tone(Tone::Neutral, dark)).trim_start_matches('#').to_owned(),
            title_room,
        }
    }
}

/// How a chart stands on its slide.
enum Visual {
    /// A native chart part (DrawingML) with its embedded workbook.
    Chart {
        /// The chart part's XML.
        xml: String,
        /// The workbook its numbers come from.
        workbook: Vec<u8>,
        /// Its number among the deck's chart parts (1, 2, …).
        number: usize,
    },
    /// The headline, as editable shapes and text.
    Headline,
    /// A picture (what has no chart type of its own: a heat-map matrix).
    Picture {
        /// The PNG.
        png: Vec<u8>,
        /// Its number among the deck's pictures (1, 2, …).
        number: usize,
    },
}

/// The deck as .pptx bytes: a title slide, a slide per chart, then the quote slides.
pub fn deck_pptx(info: &ReportInfo, charts: &[ChartSpec], scale: Scale) -> Result<Vec<u8>, BuildError> {
    // A chart of more rows than a slide shows legibly becomes a slide per part.
    let charts: Vec<ChartSpec> = charts.iter().flat_map(|chart| chart.parts(SLIDE_ROWS)).collect();
    let charts = charts.as_slice();
    let (mut chart_parts, mut pictures) = (0, 0);
    let mut visuals = Vec::with_capacity(charts.len());
    for chart in charts {
        visuals.push(if chart.headline().is_some() {
            Visual::Headline
        } else if let Some((xml, workbook)) = super::native::deck_chart(chart, &info.brand)? {
            chart_parts += 1;
            Visual::Chart { xml, workbook, number: chart_parts }
        } else {
            pictures += 1;
            Visual::Picture { png: render_png(chart, &picture_options(&info.brand), scale)?, number: pictures }
        });
    }
    let logo = logo_picture(&info.brand);
    // The template, read before the slides so that their text takes its colours.
    let template = match &info.brand.template {
        Some(path) => {
            let name = crate::import::display_name(path);
            let bytes =
                std::fs::read(path).map_err(|e| BuildError::new("the slide deck", format!("template {name}: {e}")))?;
            Some((name, bytes))
        }
        None => None,
    };
    let ink = template.as_ref().map_or_else(super::template::Ink::default, |(_, bytes)| super::template::ink(bytes));
    let look = Look::of(info, ink, logo.as_ref().map_or(0, |l| l.corner().0 + MARGIN / 2));
    let theme = theme(&info.brand);
    // The title slide, a slide per chart, a slide of quotes per top detractor theme, then the
    // data-quality slide.
    let slides = 1 + charts.len() + info.quotes.len() + usize::from(info.data_quality.is_some());
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".to_owned(), content_types(slides, charts.len(), chart_parts).into_bytes()),
        ("_rels/.rels".to_owned(), root_relationships().into_bytes()),
        ("docProps/app.xml".to_owned(), app_properties(slides).into_bytes()),
        ("docProps/core.xml".to_owned(), core_properties(info).into_bytes()),
        ("ppt/presentation.xml".to_owned(), presentation(slides).into_bytes()),
        ("ppt/_rels/presentation.xml.rels".to_owned(), presentation_relationships(slides).into_bytes()),
        (
            "ppt/presProps.xml".to_owned(),
            format!("{XML_HEAD}<p:presentationPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"/>")
                .into_bytes(),
        ),
        (
            "ppt/viewProps.xml".to_owned(),
            format!("{XML_HEAD}<p:viewPr xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"/>").into_bytes(),
        ),
        (
            "ppt/tableStyles.xml".to_owned(),
            format!("{XML_HEAD}<a:tblStyleLst xmlns:a=\"{NS_A}\" def=\"{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}\"/>")
                .into_bytes(),
        ),
        ("ppt/slideMasters/slideMaster1.xml".to_owned(), slide_master().into_bytes()),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".to_owned(),
            relationships(&[
                ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("rId2", "theme", "../theme/theme1.xml"),
            ])
            .into_bytes(),
        ),
        ("ppt/slideLayouts/slideLayout1.xml".to_owned(), slide_layout().into_bytes()),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".to_owned(),
            relationships(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]).into_bytes(),
        ),
        ("ppt/theme/theme1.xml".to_owned(), theme.clone().into_bytes()),
        ("ppt/slides/slide1.xml".to_owned(), title_slide(info, &look).into_bytes()),
        (
            "ppt/slides/_rels/slide1.xml.rels".to_owned(),
            relationships(&[("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]).into_bytes(),
        ),
    ];
    // Speaker notes need a notes master (with its own theme) for PowerPoint to open them.
    parts.extend([
        ("ppt/notesMasters/notesMaster1.xml".to_owned(), notes_master().into_bytes()),
        (
            "ppt/notesMasters/_rels/notesMaster1.xml.rels".to_owned(),
            relationships(&[("rId1", "theme", "../theme/theme2.xml")]).into_bytes(),
        ),
        ("ppt/theme/theme2.xml".to_owned(), theme.into_bytes()),
    ]);
    let texts = crate::i18n::export::ExportTexts::of_tag(info.language());
    for (i, (chart, visual)) in charts.iter().zip(visuals).enumerate() {
        let slide = i + 2;
        let notes = format!("../notesSlides/notesSlide{slide}.xml");
        let mut links =
            vec![("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml".to_owned()), ("rId3", "notesSlide", notes)];
        let shapes = match visual {
            Visual::Chart { xml, workbook, number } => {
                links.push(("rId2", "chart", format!("../charts/chart{number}.xml")));
                let embedded = format!("../embeddings/Microsoft_Excel_Worksheet{number}.xlsx");
                parts.push((format!("ppt/charts/chart{number}.xml"), xml.into_bytes()));
                parts.push((
                    format!("ppt/charts/_rels/chart{number}.xml.rels"),
                    relationships(&[(super::native::WORKBOOK_RELATIONSHIP, "package", &embedded)]).into_bytes(),
                ));
                parts.push((format!("ppt/embeddings/Microsoft_Excel_Worksheet{number}.xlsx"), workbook));
                chart_frame(chart)
            }
            Visual::Headline => chart.headline().map_or_else(String::new, |(name, h)| headline_shapes(name, h, &look)),
            Visual::Picture { png, number } => {
                links.push(("rId2", "image", format!("../media/image{number}.png")));
                parts.push((format!("ppt/media/image{number}.png"), png));
                picture_frame(chart)
            }
        };
        parts.push((format!("ppt/slides/slide{slide}.xml"), chart_slide(chart, &shapes, &look).into_bytes()));
        let borrowed: Vec<(&str, &str, &str)> =
            links.iter().map(|(id, kind, target)| (*id, *kind, target.as_str())).collect();
        parts.push((format!("ppt/slides/_rels/slide{slide}.xml.rels"), relationships(&borrowed).into_bytes()));
        parts.push((
            format!("ppt/notesSlides/notesSlide{slide}.xml"),
            notes_slide(chart, texts, info.language()).into_bytes(),
        ));
        parts.push((
            format!("ppt/notesSlides/_rels/notesSlide{slide}.xml.rels"),
            relationships(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{slide}.xml")),
            ])
            .into_bytes(),
        ));
    }
    for (i, quotes) in info.quotes.iter().enumerate() {
        let slide = charts.len() + 2 + i;
        parts.push((format!("ppt/slides/slide{slide}.xml"), quote_slide(quotes, &look).into_bytes()));
        parts.push((
            format!("ppt/slides/_rels/slide{slide}.xml.rels"),
            relationships(&[("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]).into_bytes(),
        ));
    }
    if let Some(table) = &info.data_quality {
        let slide = slides;
        parts.push((format!("ppt/slides/slide{slide}.xml"), table_slide(table, texts, &look).into_bytes()));
        parts.push((
            format!("ppt/slides/_rels/slide{slide}.xml.rels"),
            relationships(&[("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml")]).into_bytes(),
        ));
    }
    if let Some((name, bytes)) = &template {
        super::template::apply(&mut parts, bytes)
            .map_err(|reason| BuildError::new("the slide deck", format!("template {name} cannot be used: {reason}")))?;
    }
    if let Some(logo) = &logo {
        place_logo(&mut parts, logo);
    }
    zip_parts(&parts).map_err(|reason| BuildError::new("the slide deck", reason))
}

/// The brand's logo as the deck shows it: a PNG (an SVG logo drawn within 512 pixels, kept
/// beside it for PowerPoint's own SVG support) and its size in pixels.
struct Logo {
    png: Vec<u8>,
    svg: Option<Vec<u8>>,
    width: u32,
    height: u32,
}

impl Logo {
    /// Its size in the corner of a slide: 0.45 in high, at most 1.8 in wide.
    fn corner(&self) -> (i64, i64) {
        self.fit(411_480, 1_645_920)
    }

    /// Its size within `max_height` × `max_width`, keeping its shape.
    fn fit(&self, max_height: i64, max_width: i64) -> (i64, i64) {
        let ratio = f64::from(self.width.max(1)) / f64::from(self.height.max(1));
        let width = (max_height as f64 * ratio).min(max_width as f64);
        (width.round() as i64, (width / ratio).round() as i64)
    }
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| png.get(at..at + 4).map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]));
    png.starts_with(b"\x89PNG\r\n\x1a\n").then_some(())?;
    Some((word(16)?, word(20)?))
}

/// The brand's logo, ready for the slides; `None` without one (or when it cannot be read).
fn logo_picture(brand: &crate::chart::Brand) -> Option<Logo> {
    let (bytes, is_svg) = brand.logo_bytes()?;
    if is_svg {
        let text = String::from_utf8(bytes).ok()?;
        let png = super::png::svg_to_png_within(&text, 512).ok()?;
        let (width, height) = png_size(&png)?;
        Some(Logo { png, svg: Some(text.into_bytes()), width, height })
    } else {
        let (width, height) = png_size(&bytes)?;
        Some(Logo { png: bytes, svg: None, width, height })
    }
}

/// Puts the logo on every slide: large above the title on the title slide, small in the top
/// right corner of the others.
fn place_logo(parts: &mut Vec<(String, Vec<u8>)>, logo: &Logo) {
    parts.push(("ppt/media/logo.png".to_owned(), logo.png.clone()));
    if let Some(svg) = &logo.svg {
        parts.push(("ppt/media/logo.svg".to_owned(), svg.clone()));
    }
    let slides: Vec<String> = parts
        .iter()
        .map(|(name, _)| name.clone())
        .filter(|name| name.starts_with("ppt/slides/slide") && name.ends_with(".xml"))
        .collect();
    for name in slides {
        let file = name.trim_start_matches("ppt/slides/");
        let ((cx, cy), y) =
            if file == "slide1.xml" { (logo.fit(914_400, 3_657_600), 685_800) } else { (logo.corner(), 182_880) };
        let x = SLIDE_WIDTH - MARGIN - cx;
        let svg = if logo.svg.is_some() {
            "<a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">\
             <asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdLogoSvg\"/></a:ext></a:extLst>"
        } else {
            ""
        };
        let shape = format!(
            "<p:pic><p:nvPicPr><p:cNvPr id=\"90\" name=\"Logo\" descr=\"Logo\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
             <p:blipFill><a:blip r:embed=\"rIdLogo\">{svg}</a:blip><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
             <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
            xfrm(x, y, cx, cy)
        );
        let mut links = format!("<Relationship Id=\"rIdLogo\" Type=\"{REL}/image\" Target=\"../media/logo.png\"/>");
        if logo.svg.is_some() {
            links.push_str(&format!(
                "<Relationship Id=\"rIdLogoSvg\" Type=\"{REL}/image\" Target=\"../media/logo.svg\"/>"
            ));
        }
        let rels = format!("ppt/slides/_rels/{file}.rels");
        for (part, bytes) in parts.iter_mut() {
            if *part == name {
                let xml = String::from_utf8_lossy(bytes).replacen("</p:spTree>", &format!("{shape}</p:spTree>"), 1);
                *bytes = xml.into_bytes();
            } else if *part == rels {
                let xml =
                    String::from_utf8_lossy(bytes).replacen("</Relationships>", &format!("{links}</Relationships>"), 1);
                *bytes = xml.into_bytes();
            }
        }
    }
}

/// The parts in a zip: XML deflated, pictures stored (PNG is compressed already).
fn zip_parts(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        // Pictures and workbooks are compressed already.
        let method = if name.ends_with(".png") || name.ends_with(".xlsx") {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// The content types of a deck of `slides` slides whose first `charts` after the title slide
/// have speaker notes, holding `chart_parts` native charts.
fn content_types(slides: usize, charts: usize, chart_parts: usize) -> String {
    let ct = "application/vnd.openxmlformats-officedocument";
    let mut out = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
         <Default Extension=\"png\" ContentType=\"image/png\"/>\
         <Default Extension=\"xlsx\" ContentType=\"{ct}.spreadsheetml.sheet\"/>\
         <Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>\
         <Override PartName=\"/ppt/presentation.xml\" ContentType=\"{ct}.presentationml.presentation.main+xml\"/>\
         <Override PartName=\"/ppt/slideMasters/slideMaster1.xml\" ContentType=\"{ct}.presentationml.slideMaster+xml\"/>\
         <Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"{ct}.presentationml.slideLayout+xml\"/>\
         <Override PartName=\"/ppt/theme/theme1.xml\" ContentType=\"{ct}.theme+xml\"/>\
         <Override PartName=\"/ppt/presProps.xml\" ContentType=\"{ct}.presentationml.presProps+xml\"/>\
         <Override PartName=\"/ppt/viewProps.xml\" ContentType=\"{ct}.presentationml.viewProps+xml\"/>\
         <Override PartName=\"/ppt/tableStyles.xml\" ContentType=\"{ct}.presentationml.tableStyles+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"{ct}.extended-properties+xml\"/>"
    );
    for slide in 1..=slides {
        let _ = write!(
            out,
            "<Override PartName=\"/ppt/slides/slide{slide}.xml\" ContentType=\"{ct}.presentationml.slide+xml\"/>"
        );
    }
    let _ = write!(
        out,
        "<Override PartName=\"/ppt/notesMasters/notesMaster1.xml\" ContentType=\"{ct}.presentationml.notesMaster+xml\"/>\
         <Override PartName=\"/ppt/theme/theme2.xml\" ContentType=\"{ct}.theme+xml\"/>"
    );
    // Every chart slide has its notes.
    for slide in 2..=charts + 1 {
        let _ = write!(
            out,
            "<Override PartName=\"/ppt/notesSlides/notesSlide{slide}.xml\" ContentType=\"{ct}.presentationml.notesSlide+xml\"/>"
        );
    }
    for number in 1..=chart_parts {
        let _ = write!(
            out,
            "<Override PartName=\"/ppt/charts/chart{number}.xml\" ContentType=\"{ct}.drawingml.chart+xml\"/>"
        );
    }
    out.push_str("</Types>");
    out
}

fn root_relationships() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"{NS_REL}\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"ppt/presentation.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

/// A relationships part: (id, relationship type under officeDocument/2006/relationships, target).
fn relationships(entries: &[(&str, &str, &str)]) -> String {
    let mut out = format!("{XML_HEAD}<Relationships xmlns=\"{NS_REL}\">");
    for (id, kind, target) in entries {
        let _ = write!(out, "<Relationship Id=\"{id}\" Type=\"{REL}/{kind}\" Target=\"{}\"/>", escape_xml(target));
    }
    out.push_str("</Relationships>");
    out
}

fn app_properties(slides: usize) -> String {
    format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" \
         xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">\
         <Application>NPS Workbench</Application><PresentationFormat>Widescreen</PresentationFormat>\
         <Slides>{slides}</Slides></Properties>"
    )
}

fn core_properties(info: &ReportInfo) -> String {
    let is_iso_date = info.date.len() == 10
        && info.date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    let created = if is_iso_date {
        format!("<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>", info.date)
    } else {
        String::new()
    };
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:creator>NPS Workbench</dc:creator>{created}</cp:coreProperties>",
        escape_xml(&info.title)
    )
}

fn presentation(slides: usize) -> String {
    let mut ids = String::new();
    for slide in 1..=slides {
        let _ = write!(ids, "<p:sldId id=\"{}\" r:id=\"rId{}\"/>", 255 + slide, 5 + slide);
    }
    format!(
        "{XML_HEAD}<p:presentation xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" saveSubsetFonts=\"1\">\
         <p:sldMasterIdLst><p:sldMasterId id=\"2147483648\" r:id=\"rId1\"/></p:sldMasterIdLst>\
         <p:notesMasterIdLst><p:notesMasterId r:id=\"rId{}\"/></p:notesMasterIdLst>\
         <p:sldIdLst>{ids}</p:sldIdLst>\
         <p:sldSz cx=\"{SLIDE_WIDTH}\" cy=\"{SLIDE_HEIGHT}\"/><p:notesSz cx=\"6858000\" cy=\"9144000\"/>\
         </p:presentation>",
        notes_master_id(slides)
    )
}

/// The relationship number of the notes master: after the slides'.
fn notes_master_id(slides: usize) -> usize {
    6 + slides
}

fn presentation_relationships(slides: usize) -> String {
    let mut entries: Vec<(String, &str, String)> = vec![
        ("rId1".to_owned(), "slideMaster", "slideMasters/slideMaster1.xml".to_owned()),
        ("rId2".to_owned(), "theme", "theme/theme1.xml".to_owned()),
        ("rId3".to_owned(), "presProps", "presProps.xml".to_owned()),
        ("rId4".to_owned(), "viewProps", "viewProps.xml".to_owned()),
        ("rId5".to_owned(), "tableStyles", "tableStyles.xml".to_owned()),
    ];
    for slide in 1..=slides {
        entries.push((format!("rId{}", 5 + slide), "slide", format!("slides/slide{slide}.xml")));
    }
    entries.push((
        format!("rId{}", notes_master_id(slides)),
        "notesMaster",
        "notesMasters/notesMaster1.xml".to_owned(),
    ));
    let borrowed: Vec<(&str, &str, &str)> = entries.iter().map(|(a, b, c)| (a.as_str(), *b, c.as_str())).collect();
    relationships(&borrowed)
}

/// The empty group shape every shape tree starts with.
const GROUP_HEAD: &str = "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>\
<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

fn slide_master() -> String {
    let title_area = xfrm(MARGIN, TITLE_BOX.0, SLIDE_WIDTH - 2 * MARGIN, TITLE_BOX.1);
    // `font` is `mj` (headings) or `mn` (body): the theme's major or minor fonts per script.
    let style = |size: u32, bold: bool, font: &str| {
        format!(
            "<a:lvl1pPr algn=\"l\"><a:defRPr sz=\"{size}\" b=\"{}\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill>\
             <a:latin typeface=\"+{font}-lt\"/><a:ea typeface=\"+{font}-ea\"/><a:cs typeface=\"+{font}-cs\"/></a:defRPr></a:lvl1pPr>",
            u8::from(bold)
        )
    };
    format!(
        "{XML_HEAD}<p:sldMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\">\
         <p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GROUP_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>{title_area}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr vert=\"horz\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\"><a:normAutofit/></a:bodyPr><a:lstStyle/>\
         <a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>\
         </p:spTree></p:cSld>\
         <p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" \
         accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
         <p:sldLayoutIdLst><p:sldLayoutId id=\"2147483649\" r:id=\"rId1\"/></p:sldLayoutIdLst>\
         <p:txStyles><p:titleStyle>{}</p:titleStyle><p:bodyStyle>{}</p:bodyStyle><p:otherStyle>{}</p:otherStyle></p:txStyles>\
         </p:sldMaster>",
        style(2800, true, "mj"),
        style(1800, false, "mn"),
        style(1800, false, "mn")
    )
}

fn slide_layout() -> String {
    format!(
        "{XML_HEAD}<p:sldLayout xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\" type=\"titleOnly\" preserve=\"1\">\
         <p:cSld name=\"Title Only\"><p:spTree>{GROUP_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr/>\
         <p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )
}

/// The notes master: the slide picture above, the notes below, on a portrait page.
fn notes_master() -> String {
    format!(
        "{XML_HEAD}<p:notesMaster xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\">\
         <p:cSld><p:bg><p:bgRef idx=\"1001\"><a:schemeClr val=\"bg1\"/></p:bgRef></p:bg><p:spTree>{GROUP_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr>\
         <p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody></p:sp>\
         </p:spTree></p:cSld>\
         <p:clrMap bg1=\"lt1\" tx1=\"dk1\" bg2=\"lt2\" tx2=\"dk2\" accent1=\"accent1\" accent2=\"accent2\" accent3=\"accent3\" \
         accent4=\"accent4\" accent5=\"accent5\" accent6=\"accent6\" hlink=\"hlink\" folHlink=\"folHlink\"/>\
         </p:notesMaster>",
        xfrm(381_000, 685_800, 6_096_000, 3_429_000),
        xfrm(685_800, 4_343_400, 5_486_400, 4_114_800)
    )
}

/// A chart slide's speaker notes: how to read the chart, then its source and method (the
/// footnote), in the deck's language.
fn notes_slide(chart: &ChartSpec, texts: &crate::i18n::export::ExportTexts, lang: &str) -> String {
    let mut paragraphs = vec![reading(chart.kind, texts).to_owned()];
    match super::native::native_chart(chart) {
        Some(native) => {
            paragraphs.push(texts.deck_editable.to_owned());
            // The themes chart's stars mean "more among detractors", as its reading says.
            if native.starred && chart.kind != ChartKind::Themes {
                paragraphs.push(texts.deck_starred.to_owned());
            }
            if native.benchmark {
                paragraphs.push(texts.deck_benchmark.to_owned());
            }
        }
        None if chart.kind == ChartKind::Matrix => paragraphs.push(texts.deck_picture.to_owned()),
        None => {}
    }
    if !chart.footnote.is_empty() {
        paragraphs.push(format!("{} {}", texts.reading_source, chart.footnote));
    }
    let body: String =
        paragraphs.iter().map(|p| format!("<a:p>{}</a:p>", run(p, lang, 1200, "000000", false))).collect();
    format!(
        "{XML_HEAD}<p:notes xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{GROUP_HEAD}\
         <p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Slide Image Placeholder 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\" noRot=\"1\" noChangeAspect=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"sldImg\" idx=\"2\"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>\
         <p:sp><p:nvSpPr><p:cNvPr id=\"3\" name=\"Notes Placeholder 2\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"body\" sz=\"quarter\" idx=\"3\"/></p:nvPr></p:nvSpPr><p:spPr/>\
         <p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody></p:sp>\
         </p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
    )
}

/// How to read a chart of `kind`, in `texts`' language.
fn reading(kind: ChartKind, texts: &crate::i18n::export::ExportTexts) -> &'static str {
    let i = match kind {
        ChartKind::Headline => 0,
        ChartKind::Distribution => 1,
        ChartKind::Segments => 2,
        ChartKind::Breakdown => 3,
        ChartKind::Matrix => 4,
        ChartKind::Trend => 5,
        ChartKind::Benchmarks => 6,
        ChartKind::Themes => 7,
        ChartKind::Waves => 8,
        ChartKind::WaveChange => 9,
        ChartKind::Drivers => 10,
    };
    texts.reading[i]
}

fn xfrm(x: i64, y: i64, cx: i64, cy: i64) -> String {
    format!("<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>")
}

/// A run of text: size in hundredths of a point, colour as `RRGGBB`.
fn run(text: &str, lang: &str, size: u32, colour: &str, bold: bool) -> String {
    // No colour: the text takes its placeholder's (a template's title style).
    let fill = if colour.is_empty() {
        String::new()
    } else {
        format!("<a:solidFill><a:srgbClr val=\"{colour}\"/></a:solidFill>")
    };
    format!(
        "<a:r><a:rPr lang=\"{}\" sz=\"{size}\" b=\"{}\" dirty=\"0\">{fill}</a:rPr><a:t>{}</a:t></a:r>",
        escape_xml(lang),
        u8::from(bold),
        escape_xml(text)
    )
}

/// The title placeholder of a slide, placed and filled.
fn title_shape(text: &str, look: &Look<'_>, (x, y, cx, cy): (i64, i64, i64, i64), size: u32, anchor: &str) -> String {
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"2\" name=\"Title 1\"/><p:cNvSpPr><a:spLocks noGrp=\"1\"/></p:cNvSpPr>\
         <p:nvPr><p:ph type=\"title\"/></p:nvPr></p:nvSpPr><p:spPr>{}</p:spPr>\
         <p:txBody><a:bodyPr lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"{anchor}\"><a:normAutofit/></a:bodyPr><a:lstStyle/>\
         <a:p>{}</a:p></p:txBody></p:sp>",
        xfrm(x, y, cx, cy),
        run(text, look.lang, size, &look.title_colour, true)
    )
}

/// A text box holding paragraphs of one size and colour.
fn text_box(
    id: u32,
    name: &str,
    lang: &str,
    paragraphs: &[&str],
    (x, y, cx, cy): (i64, i64, i64, i64),
    size: u32,
    colour: &str,
) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<a:p>{}</a:p>", run(p, lang, size, colour, false))).collect();
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{name}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
         <p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/>{body}</p:txBody></p:sp>",
        xfrm(x, y, cx, cy)
    )
}

fn slide(shapes: &str) -> String {
    format!(
        "{XML_HEAD}<p:sld xmlns:a=\"{NS_A}\" xmlns:r=\"{NS_R}\" xmlns:p=\"{NS_P}\"><p:cSld><p:spTree>{GROUP_HEAD}{shapes}</p:spTree></p:cSld>\
         <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"
    )
}

fn title_slide(info: &ReportInfo, look: &Look<'_>) -> String {
    let width = SLIDE_WIDTH - 4 * MARGIN;
    let mut lines: Vec<&str> = Vec::new();
    if !info.brand.client.trim().is_empty() {
        lines.push(info.brand.client.trim());
    }
    if !info.subtitle.is_empty() {
        lines.push(&info.subtitle);
    }
    let source = format!("{} \u{b7} {}", info.source_file, info.date);
    lines.push(&source);
    let shapes = format!(
        "{}{}",
        title_shape(&info.title, look, (2 * MARGIN, 1_828_800, width, 1_463_040), 4000, "b"),
        text_box(
            3,
            "Source",
            info.language(),
            &lines,
            (2 * MARGIN, 3_474_720, width, 1_280_160),
            2000,
            &look.text_soft
        )
    );
    slide(&shapes)
}

/// A chart's slide: its title, subtitle, the chart (`visual`: its frame, picture or shapes) and
/// its footnote.
fn chart_slide(chart: &ChartSpec, visual: &str, look: &Look<'_>) -> String {
    let lang = look.lang;
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    let mut shapes =
        title_shape(&chart.title, look, (MARGIN, TITLE_BOX.0, content_width - look.title_room, TITLE_BOX.1), 2800, "b");
    if !chart.subtitle.is_empty() {
        shapes.push_str(&text_box(
            4,
            "Subtitle",
            lang,
            &[&chart.subtitle],
            (MARGIN, SUBTITLE_BOX.0, content_width, SUBTITLE_BOX.1),
            1600,
            &look.text_soft,
        ));
    }
    shapes.push_str(visual);
    shapes.push_str(&footnote_box(&chart.footnote, look));
    slide(&shapes)
}

/// The frame of a native chart (relationship `rId2`) over the picture area.
fn chart_frame(chart: &ChartSpec) -> String {
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    format!(
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"3\" name=\"Chart\" descr=\"{}\"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr>\
         <p:xfrm><a:off x=\"{MARGIN}\" y=\"{}\"/><a:ext cx=\"{content_width}\" cy=\"{}\"/></p:xfrm>\
         <a:graphic><a:graphicData uri=\"{NS_CHART}\"><c:chart xmlns:c=\"{NS_CHART}\" r:id=\"rId2\"/></a:graphicData></a:graphic>\
         </p:graphicFrame>",
        escape_xml(&chart.description()),
        PICTURE_BOX.0,
        PICTURE_BOX.1
    )
}

/// The chart as a picture (relationship `rId2`) over the picture area.
fn picture_frame(chart: &ChartSpec) -> String {
    format!(
        "<p:pic><p:nvPicPr><p:cNvPr id=\"3\" name=\"Chart\" descr=\"{}\"/><p:cNvPicPr><a:picLocks noChangeAspect=\"1\"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>\
         <p:blipFill><a:blip r:embed=\"rId2\"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></p:spPr></p:pic>",
        escape_xml(&chart.description()),
        xfrm(MARGIN, PICTURE_BOX.0, SLIDE_WIDTH - 2 * MARGIN, PICTURE_BOX.1)
    )
}

/// A filled rectangle with `text` centred in it (none when empty).
fn filled_box(id: u32, name: &str, (x, y, cx, cy): (i64, i64, i64, i64), fill: &str, text: &str, lang: &str) -> String {
    let on = palette::text_on(palette::rgb(fill));
    let body = if text.is_empty() {
        "<a:p><a:endParaRPr lang=\"en-US\"/></a:p>".to_owned()
    } else {
        format!("<a:p><a:pPr algn=\"ctr\"/>{}</a:p>", run(text, lang, 1800, on.trim_start_matches('#'), true))
    };
    format!(
        "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"{}\"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>\
         <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr>\
         <p:txBody><a:bodyPr wrap=\"none\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"ctr\"/><a:lstStyle/>{body}</p:txBody></p:sp>",
        escape_xml(name),
        xfrm(x, y, cx, cy),
        fill.trim_start_matches('#')
    )
}

/// The colour a headline line is written in: its tone's, readable on the slide (the passives'
/// grey and anything neutral in the secondary text colour), and whether it is a tone's.
fn line_colour(tone: Tone, look: &Look<'_>) -> (String, bool) {
    match tone {
        Tone::Promoter | Tone::Detractor => (palette::tone(tone, look.dark).trim_start_matches('#').to_owned(), true),
        _ => (look.text_mid.clone(), false),
    }
}

/// The headline as editable shapes: the NPS large with its name, interval and n at the left; the
/// detractors', passives' and promoters' shares as one bar of three boxes at the right, named
/// under it; the change since the previous period and the benchmark verdict below.
fn headline_shapes(name: &str, h: &Headline, look: &Look<'_>) -> String {
    let lang = look.lang;
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    let left_width = 3_800_000;
    let top = PICTURE_BOX.0 + 150_000;
    let mut shapes =
        text_box(10, "Score name", lang, &[name], (MARGIN, top, left_width, 420_000), 2000, &look.text_mid);
    shapes.push_str(
        &text_box(
            11,
            "Score",
            lang,
            &[&h.nps_text],
            (MARGIN, top + 420_000, left_width, 1_250_000),
            8000,
            &look.score_colour,
        )
        .replace(" b=\"0\"", " b=\"1\""),
    );
    shapes.push_str(&text_box(
        12,
        "Interval and n",
        lang,
        &[&h.interval_text, &h.n_text],
        (MARGIN, top + 1_700_000, left_width, 800_000),
        1800,
        &look.text_mid,
    ));
    let bar_left = MARGIN + left_width + 300_000;
    let bar_width = content_width - left_width - 300_000;
    let bar_top = top + 600_000;
    let bar_height = 700_000;
    let mut x = bar_left;
    let total: f64 = h.groups.iter().map(|g| g.share.max(0.0)).sum::<f64>().max(1e-9);
    let mut id = 20;
    for (k, group) in h.groups.iter().enumerate() {
        let width = if k + 1 == h.groups.len() {
            bar_left + bar_width - x
        } else {
            (bar_width as f64 * group.share.max(0.0) / total).round() as i64
        };
        // The share inside its box when it fits (about 0.8 in for `35.6%` at 18 pt).
        let inside = if width >= 800_000 { group.share_text.as_str() } else { "" };
        shapes.push_str(&filled_box(
            id,
            &group.label,
            (x, bar_top, width.max(0), bar_height),
            palette::tone(group.tone, false),
            inside,
            lang,
        ));
        id += 1;
        x += width.max(0);
    }
    // Under the bar, each group's name and share beside a square of its colour.
    let third = bar_width / 3;
    for (k, group) in h.groups.iter().enumerate() {
        let colour = palette::tone(group.tone, false).trim_start_matches('#');
        let key = format!(
            "<p:sp><p:nvSpPr><p:cNvPr id=\"{id}\" name=\"Key {k}\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>\
             <p:spPr>{}<a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>\
             <p:txBody><a:bodyPr wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"t\"><a:normAutofit/></a:bodyPr><a:lstStyle/>\
             <a:p>{}{}</a:p></p:txBody></p:sp>",
            xfrm(bar_left + third * k as i64, bar_top + bar_height + 120_000, third, 700_000),
            run("\u{25a0} ", lang, 1400, colour, false),
            run(&format!("{}: {}", group.label, group.share_text), lang, 1400, &look.text_mid, false)
        );
        shapes.push_str(&key);
        id += 1;
    }
    let mut line_top = top + 2_700_000;
    for line in [&h.change, &h.verdict].into_iter().flatten() {
        let (colour, bold) = line_colour(line.tone, look);
        let text = text_box(
            id,
            "Headline line",
            lang,
            &[&line.text],
            (MARGIN, line_top, content_width, 700_000),
            2000,
            &colour,
        );
        shapes.push_str(&if bold { text.replace(" b=\"0\"", " b=\"1\"") } else { text });
        id += 1;
        line_top += 750_000;
    }
    shapes
}

/// The footnote along a slide's foot; nothing when there is none.
fn footnote_box(footnote: &str, look: &Look<'_>) -> String {
    let lang = look.lang;
    if footnote.is_empty() {
        return String::new();
    }
    let area = (MARGIN, FOOTNOTE_BOX.0, SLIDE_WIDTH - 2 * MARGIN, FOOTNOTE_BOX.1);
    text_box(5, "Footnote", lang, &[footnote], area, 1100, &look.text_soft)
}

/// A slide of quotes: the title, each quote as a paragraph in quotation marks, the footnote.
fn quote_slide(quotes: &crate::chart::QuoteSlide, look: &Look<'_>) -> String {
    let lang = look.lang;
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    let mut shapes = title_shape(
        &quotes.title,
        look,
        (MARGIN, TITLE_BOX.0, content_width - look.title_room, TITLE_BOX.1),
        2800,
        "b",
    );
    let said: Vec<String> = quotes.quotes.iter().map(|q| format!("\u{201c}{q}\u{201d}")).collect();
    let said: Vec<&str> = said.iter().map(String::as_str).collect();
    let top = SUBTITLE_BOX.0 + SUBTITLE_BOX.1 / 2;
    // A point of space before each quote, so that they read as separate voices.
    let area = (MARGIN, top, content_width, FOOTNOTE_BOX.0 - top);
    let spaced = text_box(3, "Quotes", lang, &said, area, 2000, &look.text_mid)
        .replace("<a:p><a:r>", "<a:p><a:pPr><a:spcBef><a:spcPts val=\"1400\"/></a:spcBef></a:pPr><a:r>");
    shapes.push_str(&spaced);
    shapes.push_str(&footnote_box(&quotes.footnote, look));
    slide(&shapes)
}

/// The most rows of a table slide.
const TABLE_SLIDE_ROWS: usize = 10;

/// A slide holding a table as a native PowerPoint table (editable, restyled with the deck):
/// its title as the slide title, a shaded header row, numbers on the right, at most
/// [`TABLE_SLIDE_ROWS`] rows (a line under it says how many more the workbook holds); with no
/// rows, `texts.quality_none` instead.
fn table_slide(
    table: &crate::chart::table::Table,
    texts: &crate::i18n::export::ExportTexts,
    look: &Look<'_>,
) -> String {
    use crate::chart::table::ColumnKind;
    let lang = look.lang;
    let content_width = SLIDE_WIDTH - 2 * MARGIN;
    let mut shapes =
        title_shape(&table.title, look, (MARGIN, TITLE_BOX.0, content_width - look.title_room, TITLE_BOX.1), 2800, "b");
    let top = SUBTITLE_BOX.0 + SUBTITLE_BOX.1 / 2;
    if table.rows.is_empty() || table.columns.is_empty() {
        shapes.push_str(&text_box(
            3,
            "Note",
            lang,
            &[texts.quality_none],
            (MARGIN, top, content_width, 800_000),
            2000,
            &look.text_mid,
        ));
        return slide(&shapes);
    }
    let numeric = |kind: ColumnKind| !matches!(kind, ColumnKind::Text | ColumnKind::Date);
    let shown: Vec<Vec<String>> = table
        .rows
        .iter()
        .take(TABLE_SLIDE_ROWS)
        .map(|row| {
            table.columns.iter().enumerate().map(|(c, column)| super::table::cell_text(row, c, column.kind)).collect()
        })
        .collect();
    // Columns as wide as their contents (at 12 pt), shared out over the slide's width.
    let natural: Vec<f64> = table
        .columns
        .iter()
        .enumerate()
        .map(|(c, column)| {
            let widest = shown.iter().map(|row| super::font::text_width(&row[c], 16.0)).fold(0.0, f64::max);
            // Headers are bold (about a tenth wider) and never break inside a word.
            widest.max(super::font::text_width(&column.header, 16.0) * 1.1).clamp(90.0, 600.0)
        })
        .collect();
    let total: f64 = natural.iter().sum();
    let widths: Vec<i64> = natural.iter().map(|w| (content_width as f64 * w / total).round() as i64).collect();
    let cell = |text: &str, right: bool, header: bool| {
        // The header a shade off the background, whichever the template's is.
        let fill = if header {
            format!("<a:solidFill><a:srgbClr val=\"{}\"/></a:solidFill>", look.header_fill)
        } else {
            String::new()
        };
        let rule = if header { "8A8A8A" } else { "C8C8C8" };
        format!(
            "<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn=\"{}\"/>{}</a:p></a:txBody>\
             <a:tcPr marL=\"91440\" marR=\"91440\" marT=\"45720\" marB=\"45720\">\
             <a:lnB w=\"9525\"><a:solidFill><a:srgbClr val=\"{rule}\"/></a:solidFill></a:lnB>{fill}</a:tcPr></a:tc>",
            if right { "r" } else { "l" },
            run(text, lang, 1200, &look.text, header)
        )
    };
    let row_height = 370_840;
    // Rows are as tall as their longest cell's wrapped lines: keep only the rows that fit above
    // the footnote (the note under the table says how many more there are).
    let line_height = 182_880;
    // Lines as the cell wraps them at 12 pt (16 px; bold headers about a tenth wider).
    let lines = |text: &str, width: i64, bold: bool| {
        let room = (width - 2 * 91_440) as f64 / 9_525.0 / if bold { 1.1 } else { 1.0 };
        super::font::wrap_text(text, room.max(1.0), 16.0, usize::MAX).len().max(1) as i64
    };
    let height_of = |row: &[String], bold: bool| {
        let tallest = row.iter().zip(&widths).map(|(text, w)| lines(text, *w, bold)).max().unwrap_or(1);
        (tallest * line_height + 91_440).max(row_height)
    };
    let header: Vec<String> = table.columns.iter().map(|c| c.header.clone()).collect();
    let mut used = height_of(&header, true);
    let room = FOOTNOTE_BOX.0 - top;
    // At least the first row, then as many as fit.
    let fitting = shown.iter().enumerate().take_while(|(i, row)| {
        used += height_of(row, false);
        *i == 0 || used <= room
    });
    let shown: Vec<Vec<String>> = fitting.map(|(_, row)| row.clone()).collect();
    let mut grid = String::new();
    for w in &widths {
        let _ = write!(grid, "<a:gridCol w=\"{w}\"/>");
    }
    let mut rows = format!("<a:tr h=\"{}\">", height_of(&header, true));
    for column in &table.columns {
        rows.push_str(&cell(&column.header, numeric(column.kind), true));
    }
    rows.push_str("</a:tr>");
    for row in &shown {
        let _ = write!(rows, "<a:tr h=\"{}\">", height_of(row, false));
        for (text, column) in row.iter().zip(&table.columns) {
            rows.push_str(&cell(text, numeric(column.kind), false));
        }
        rows.push_str("</a:tr>");
    }
    let height = height_of(&header, true) + shown.iter().map(|row| height_of(row, false)).sum::<i64>();
    let _ = write!(
        shapes,
        "<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id=\"3\" name=\"Table\"/><p:cNvGraphicFramePr><a:graphicFrameLocks noGrp=\"1\"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>\
         <p:xfrm><a:off x=\"{MARGIN}\" y=\"{top}\"/><a:ext cx=\"{content_width}\" cy=\"{height}\"/></p:xfrm>\
         <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/table\"><a:tbl><a:tblPr firstRow=\"1\"/>\
         <a:tblGrid>{grid}</a:tblGrid>{rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>"
    );
    if table.rows.len() > shown.len() {
        let more = texts
            .quality_more
            .replace("{shown}", &shown.len().to_string())
            .replace("{total}", &table.rows.len().to_string());
        shapes.push_str(&footnote_box(&more, look));
    }
    slide(&shapes)
}

/// The deck's theme with the brand's colours as its first two accents and the brand's font as
/// its heading and body font.
fn theme(brand: &crate::chart::Brand) -> String {
    let accent = |k: usize, default: &'static str| brand.colour_or(k, default).trim_start_matches('#').to_owned();
    THEME
        .replace("{NS_A}", NS_A)
        .replace(
            "<a:accent1><a:srgbClr val=\"0072B2\"/>",
            &format!("<a:accent1><a:srgbClr val=\"{}\"/>", accent(0, "#0072B2")),
        )
        .replace(
            "<a:accent2><a:srgbClr val=\"009E73\"/>",
            &format!("<a:accent2><a:srgbClr val=\"{}\"/>", accent(1, "#009E73")),
        )
        .replace("typeface=\"Arial\"", &format!("typeface=\"{}\"", escape_xml(brand.font_or("Arial"))))
}

/// A complete Office theme (colours, fonts, formatting schemes; PowerPoint needs all three).
const THEME: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<a:theme xmlns:a="{NS_A}" name="NPS Workbench"><a:themeElements><a:clrScheme name="NPS Workbench"><a:dk1><a:srgbClr val="1A1A1A"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="333333"/></a:dk2><a:lt2><a:srgbClr val="F2F2F2"/></a:lt2><a:accent1><a:srgbClr val="0072B2"/></a:accent1><a:accent2><a:srgbClr val="009E73"/></a:accent2><a:accent3><a:srgbClr val="D55E00"/></a:accent3><a:accent4><a:srgbClr val="A3A3A3"/></a:accent4><a:accent5><a:srgbClr val="CC79A7"/></a:accent5><a:accent6><a:srgbClr val="E69F00"/></a:accent6><a:hlink><a:srgbClr val="0072B2"/></a:hlink><a:folHlink><a:srgbClr val="CC79A7"/></a:folHlink></a:clrScheme><a:fontScheme name="NPS Workbench"><a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont><a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="NPS Workbench"><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="12700"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln><a:ln w="19050"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln></a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;
    use std::io::Read;

    #[test]
    fn the_deck_holds_every_required_part_and_a_slide_per_chart() {
        let charts = samples::all_charts();
        let info = samples::report_info();
        let bytes = deck_pptx(&info, &charts, Scale::X1).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> =
            (0..zip.len()).map(|i| zip.by_index(i).unwrap().name().unwrap().into_owned()).collect();
        for required in [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/app.xml",
            "docProps/core.xml",
            "ppt/presentation.xml",
            "ppt/_rels/presentation.xml.rels",
            "ppt/slideMasters/slideMaster1.xml",
            "ppt/slideMasters/_rels/slideMaster1.xml.rels",
            "ppt/slideLayouts/slideLayout1.xml",
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
            "ppt/theme/theme1.xml",
        ] {
            assert!(names.iter().any(|n| n == required), "missing {required}");
        }
        let slides = names.iter().filter(|n| n.starts_with("ppt/slides/slide") && n.ends_with(".xml")).count();
        assert_eq!(slides, charts.len() + 1 + info.quotes.len() + 1, "title, charts, quotes, data quality");
        // The data-quality slide: a native table with the header and every row's cells.
        let quality = info.data_quality.as_ref().unwrap();
        let mut last = String::new();
        zip.by_name(&format!("ppt/slides/slide{slides}.xml")).unwrap().read_to_string(&mut last).unwrap();
        assert!(last.contains("<a:tbl>") && last.contains(&*escape_xml(&quality.title)));
        assert_eq!(last.matches("<a:tr ").count(), quality.rows.len() + 1);
        for column in &quality.columns {
            assert!(last.contains(&format!("<a:t>{}</a:t>", escape_xml(&column.header))));
        }
        // Only the matrix stays a picture; the headline is shapes, every other chart native.
        let media = names.iter().filter(|n| n.starts_with("ppt/media/") && n.ends_with(".png")).count();
        assert_eq!(media, charts.iter().filter(|c| c.kind == ChartKind::Matrix).count());
        let native = charts.iter().filter(|c| super::super::native::native_chart(c).is_some()).count();
        assert!(native >= 4);
        let chart_parts = names.iter().filter(|n| n.starts_with("ppt/charts/chart") && n.ends_with(".xml")).count();
        let workbooks = names.iter().filter(|n| n.starts_with("ppt/embeddings/") && n.ends_with(".xlsx")).count();
        assert_eq!((chart_parts, workbooks), (native, native));
        assert_eq!(names[0], "[Content_Types].xml");
        let mut types = String::new();
        zip.by_name("[Content_Types].xml").unwrap().read_to_string(&mut types).unwrap();
        assert_eq!(types.matches("presentationml.slide+xml").count(), slides);
        assert_eq!(types.matches("drawingml.chart+xml").count(), native);
        assert!(types.contains("Extension=\"xlsx\""));
        let mut slide = String::new();
        zip.by_name("ppt/slides/slide2.xml").unwrap().read_to_string(&mut slide).unwrap();
        assert!(slide.contains(&*escape_xml(&charts[0].title)));
        // Each chart slide has speaker notes on how to read it, with its source and method, tied
        // to the slide and to the notes master the presentation names.
        assert_eq!(types.matches("presentationml.notesSlide+xml").count(), charts.len());
        assert_eq!(types.matches("presentationml.notesMaster+xml").count(), 1);
        let read = |zip: &mut zip::ZipArchive<_>, name: &str| {
            let mut text = String::new();
            zip.by_name(name).unwrap_or_else(|_| panic!("missing {name}")).read_to_string(&mut text).unwrap();
            text
        };
        let texts = crate::i18n::export::ExportTexts::of_tag("nl-NL");
        for (i, chart) in charts.iter().enumerate() {
            let slide = i + 2;
            let notes = read(&mut zip, &format!("ppt/notesSlides/notesSlide{slide}.xml"));
            assert!(notes.contains(&*escape_xml(reading(chart.kind, texts))), "notes of slide {slide}");
            assert!(notes.contains(&*escape_xml(&chart.footnote)) && notes.contains("lang=\"nl-NL\""));
            let rels = read(&mut zip, &format!("ppt/notesSlides/_rels/notesSlide{slide}.xml.rels"));
            assert!(rels.contains(&format!("Target=\"../slides/slide{slide}.xml\"")));
            let slide_rels = read(&mut zip, &format!("ppt/slides/_rels/slide{slide}.xml.rels"));
            assert!(slide_rels.contains(&format!("Target=\"../notesSlides/notesSlide{slide}.xml\"")));
        }
        // The headline slide holds the NPS, its interval and n as text; each chart slide its
        // chart part, which names its workbook.
        let (_, headline) = charts[0].headline().unwrap();
        for text in [&headline.nps_text, &headline.interval_text, &headline.n_text] {
            assert!(slide.contains(&*escape_xml(text)), "{text}");
        }
        for group in &headline.groups {
            assert!(slide.contains(&*escape_xml(&group.share_text)) && slide.contains(&*escape_xml(&group.label)));
        }
        let mut number = 0;
        for (i, chart) in charts.iter().enumerate() {
            let slide_rels = read(&mut zip, &format!("ppt/slides/_rels/slide{}.xml.rels", i + 2));
            let slide_xml = read(&mut zip, &format!("ppt/slides/slide{}.xml", i + 2));
            if super::super::native::native_chart(chart).is_some() {
                number += 1;
                assert!(slide_rels.contains(&format!("Target=\"../charts/chart{number}.xml\"")), "{slide_rels}");
                assert!(slide_xml.contains("<c:chart ") && slide_xml.contains("r:id=\"rId2\""));
                let part = read(&mut zip, &format!("ppt/charts/chart{number}.xml"));
                assert!(part.contains("<c:externalData r:id=\"rId1\">"));
                let rels = read(&mut zip, &format!("ppt/charts/_rels/chart{number}.xml.rels"));
                assert!(rels.contains(&format!("Target=\"../embeddings/Microsoft_Excel_Worksheet{number}.xlsx\"")));
                assert!(rels.contains("relationships/package\""));
            } else if chart.kind == ChartKind::Matrix {
                assert!(slide_xml.contains("r:embed=\"rId2\"") && slide_rels.contains("../media/image1.png"));
            }
        }
        let presentation = read(&mut zip, "ppt/presentation.xml");
        let id = notes_master_id(slides);
        assert!(presentation.contains(&format!("<p:notesMasterId r:id=\"rId{id}\"/>")));
        let rels = read(&mut zip, "ppt/_rels/presentation.xml.rels");
        assert!(
            rels.contains(&format!(
                "Id=\"rId{id}\" Type=\"{REL}/notesMaster\" Target=\"notesMasters/notesMaster1.xml\""
            ))
        );
        assert!(read(&mut zip, "ppt/notesMasters/_rels/notesMaster1.xml.rels").contains("../theme/theme2.xml"));
        // The quotes follow the charts, each in quotation marks, with the footnote.
        let quotes = read(&mut zip, &format!("ppt/slides/slide{}.xml", charts.len() + 2));
        let first = &info.quotes[0];
        assert!(quotes.contains(&*escape_xml(&first.title)) && quotes.contains(&*escape_xml(&first.footnote)));
        for quote in &first.quotes {
            assert!(quotes.contains(&*escape_xml(&format!("\u{201c}{quote}\u{201d}"))), "{quote}");
        }
        assert!(presentation.matches("<p:sldId ").count() == slides);
    }

    #[test]
    fn a_chart_of_many_rows_comes_as_a_slide_per_part() {
        use crate::chart::{ChartText, IntervalRow, LegendWords, segments_chart};
        let rows: Vec<IntervalRow> = (0..30)
            .map(|i| IntervalRow {
                label: format!("Store {i}"),
                nps: f64::from(i),
                ci_low: Some(f64::from(i) - 9.0),
                ci_high: Some(f64::from(i) + 9.0),
                n: 120,
                small_n: false,
                significant: false,
                benchmark: None,
            })
            .collect();
        let text = ChartText {
            title: "NPS by store",
            subtitle: "",
            category_title: "Store",
            value_title: "NPS",
            footnote: "n = 3600",
            thousands: ',',
        };
        let chart = segments_chart("segments-store", &rows, None, &text, &LegendWords::english());
        let info = ReportInfo { quotes: Vec::new(), data_quality: None, ..samples::report_info() };
        let bytes = deck_pptx(&info, &[chart], Scale::X1).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        for part in 1..=3 {
            let mut slide = String::new();
            zip.by_name(&format!("ppt/slides/slide{}.xml", part + 1)).unwrap().read_to_string(&mut slide).unwrap();
            assert!(slide.contains(&format!("NPS by store ({part}/3)")), "slide {}", part + 1);
            let mut chart = String::new();
            zip.by_name(&format!("ppt/charts/chart{part}.xml")).unwrap().read_to_string(&mut chart).unwrap();
            assert!(
                chart.contains(&format!("Store {}", (part - 1) * 10))
                    && !chart.contains(&format!("Store {} ", part * 10))
            );
        }
        assert!(zip.by_name("ppt/slides/slide5.xml").is_err(), "three chart slides after the title");
    }

    #[test]
    fn the_brand_colours_the_titles_and_theme_and_its_logo_is_on_every_slide() {
        let logo = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icon/png/nps-workbench-64.png")).unwrap();
        let brand = crate::chart::Brand {
            client: "Bakkerij De Vries".to_owned(),
            colours: vec!["#7B2D8E".to_owned(), "#1F4E79".to_owned()],
            font: "Georgia".to_owned(),
            logo: Some(crate::chart::Brand::logo_of("logo.png", &logo).unwrap()),
            ..crate::chart::Brand::default()
        };
        let info = samples::report_info().branded(brand);
        let charts = samples::all_charts();
        let bytes = deck_pptx(&info, &charts, Scale::X1).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut read = |name: &str| {
            let mut text = String::new();
            zip.by_name(name).unwrap_or_else(|_| panic!("missing {name}")).read_to_string(&mut text).unwrap();
            text
        };
        let theme = read("ppt/theme/theme1.xml");
        assert!(
            theme.contains("<a:accent1><a:srgbClr val=\"7B2D8E\"/>")
                && theme.contains("<a:accent2><a:srgbClr val=\"1F4E79\"/>")
        );
        assert!(theme.contains("typeface=\"Georgia\"") && !theme.contains("typeface=\"Arial\""));
        let title = read("ppt/slides/slide1.xml");
        assert!(title.contains("Bakkerij De Vries") && title.contains("val=\"7B2D8E\""));
        let slides = 1 + charts.len() + info.quotes.len() + 1;
        for slide in 1..=slides {
            assert!(read(&format!("ppt/slides/slide{slide}.xml")).contains("r:embed=\"rIdLogo\""), "slide {slide}");
            assert!(read(&format!("ppt/slides/_rels/slide{slide}.xml.rels")).contains("Target=\"../media/logo.png\""));
        }
        // The estimate's bars take the brand's colour; the groups keep theirs.
        let segments = read("ppt/charts/chart2.xml");
        assert!(segments.contains("7B2D8E") && !segments.contains("0072B2"), "{segments}");
        let distribution = read("ppt/charts/chart1.xml");
        assert!(distribution.contains("D55E00") && distribution.contains("009E73"));
        assert!(read("ppt/charts/chart2.xml").contains("typeface=\"Georgia\""));
    }

    /// The parts of a package, by name.
    fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, Vec<u8>> {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        (0..zip.len())
            .map(|i| {
                let mut file = zip.by_index(i).unwrap();
                let mut content = Vec::new();
                file.read_to_end(&mut content).unwrap();
                (file.name().unwrap().into_owned(), content)
            })
            .collect()
    }

    /// Every internal relationship target exists and every part has a content type.
    fn assert_consistent(parts: &std::collections::BTreeMap<String, Vec<u8>>) {
        let types = String::from_utf8_lossy(&parts["[Content_Types].xml"]).into_owned();
        for (name, bytes) in parts {
            if name.ends_with(".rels") {
                let xml = String::from_utf8_lossy(bytes);
                let folder = name.split("/_rels/").next().unwrap_or("");
                for target in xml.split("Target=\"").skip(1).map(|t| t.split('"').next().unwrap()) {
                    if target.starts_with("http") {
                        continue;
                    }
                    let mut path: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
                    if name == "_rels/.rels" {
                        path.clear();
                    }
                    for piece in target.split('/') {
                        if piece == ".." {
                            path.pop();
                        } else {
                            path.push(piece);
                        }
                    }
                    let resolved = path.join("/");
                    assert!(parts.contains_key(&resolved), "{name} names {target} ({resolved}), which is missing");
                }
            } else if name != "[Content_Types].xml" {
                let extension = name.rsplit('.').next().unwrap();
                assert!(
                    types.contains(&format!("PartName=\"/{name}\""))
                        || types.contains(&format!("Extension=\"{extension}\"")),
                    "{name} has no content type"
                );
            }
        }
    }

    #[test]
    fn a_deck_on_a_template_takes_its_master_layouts_theme_and_pictures() {
        // A template: a deck of our own, its theme's accent red, a picture on its master and a
        // second layout, "Title Only"; dark: its master maps the text to the theme's light colour
        // and the background to its dark navy.
        let plain = deck_pptx(&samples::report_info(), &samples::all_charts(), Scale::X1).unwrap();
        let mut template = unzip(&plain);
        let theme = String::from_utf8_lossy(&template["ppt/theme/theme1.xml"])
            .replace("0072B2", "AA0000")
            .replace("<a:dk1><a:srgbClr val=\"1A1A1A\"/>", "<a:dk1><a:srgbClr val=\"1F2937\"/>")
            .replace("<a:lt1><a:srgbClr val=\"FFFFFF\"/>", "<a:lt1><a:sysClr val=\"window\" lastClr=\"F9FAFB\"/>");
        template.insert("ppt/theme/theme1.xml".to_owned(), theme.into_bytes());
        let master = String::from_utf8_lossy(&template["ppt/slideMasters/slideMaster1.xml"])
            .replace("bg1=\"lt1\" tx1=\"dk1\"", "bg1=\"dk1\" tx1=\"lt1\"");
        template.insert("ppt/slideMasters/slideMaster1.xml".to_owned(), master.into_bytes());
        let picture = crate::export::png::svg_to_png_within(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\"/>",
            8,
        )
        .unwrap();
        template.insert("ppt/media/background.png".to_owned(), picture);
        let rels = String::from_utf8_lossy(&template["ppt/slideMasters/_rels/slideMaster1.xml.rels"]).replace(
            "</Relationships>",
            &format!("<Relationship Id=\"rId9\" Type=\"{REL}/image\" Target=\"../media/background.png\"/>\
                      <Relationship Id=\"rId8\" Type=\"{REL}/slideLayout\" Target=\"../slideLayouts/slideLayout2.xml\"/></Relationships>"),
        );
        template.insert("ppt/slideMasters/_rels/slideMaster1.xml.rels".to_owned(), rels.into_bytes());
        let layout = String::from_utf8_lossy(&template["ppt/slideLayouts/slideLayout1.xml"])
            .replace("type=\"titleOnly\"", "type=\"title\"");
        template.insert("ppt/slideLayouts/slideLayout1.xml".to_owned(), layout.into_bytes());
        template.insert("ppt/slideLayouts/slideLayout2.xml".to_owned(), slide_layout().into_bytes());
        template.insert(
            "ppt/slideLayouts/_rels/slideLayout2.xml.rels".to_owned(),
            relationships(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]).into_bytes(),
        );
        let types = String::from_utf8_lossy(&template["[Content_Types].xml"]).replace(
            "</Types>",
            "<Override PartName=\"/ppt/slideLayouts/slideLayout2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml\"/></Types>",
        );
        template.insert("[Content_Types].xml".to_owned(), types.into_bytes());
        let parts: Vec<(String, Vec<u8>)> = template.into_iter().collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("client.pptx");
        std::fs::write(&path, zip_parts(&parts).unwrap()).unwrap();
        let brand = crate::chart::Brand { template: Some(path.clone()), ..crate::chart::Brand::default() };
        let info = samples::report_info().branded(brand);
        let deck = unzip(&deck_pptx(&info, &samples::all_charts(), Scale::X1).unwrap());
        assert_consistent(&deck);
        assert!(String::from_utf8_lossy(&deck["ppt/theme/theme1.xml"]).contains("AA0000"), "the template's theme");
        let ink = super::super::template::ink(&std::fs::read(&path).unwrap());
        assert_eq!(ink, super::super::template::Ink { text: [0xF9, 0xFA, 0xFB], background: [0x1F, 0x29, 0x37] });
        let master = String::from_utf8_lossy(&deck["ppt/slideMasters/_rels/slideMaster1.xml.rels"]).into_owned();
        let carried = master
            .split("Id=\"rId9\"")
            .nth(1)
            .and_then(|rest| rest.split("Target=\"../").nth(1))
            .and_then(|t| t.split('"').next())
            .unwrap();
        assert!(carried.starts_with("template/part") && carried.ends_with(".png"), "{master}");
        assert!(deck.contains_key(&format!("ppt/{carried}")));
        // The title slide on the template's "Title Slide" layout, the others on "Title Only".
        assert!(
            String::from_utf8_lossy(&deck["ppt/slides/_rels/slide1.xml.rels"])
                .contains("../slideLayouts/slideLayout1.xml")
        );
        assert!(
            String::from_utf8_lossy(&deck["ppt/slides/_rels/slide2.xml.rels"])
                .contains("../slideLayouts/slideLayout2.xml")
        );
        // Titles take the template's colour.
        assert!(!String::from_utf8_lossy(&deck["ppt/slides/slide2.xml"]).contains("val=\"1A1A1A\""));
        // On the dark template every text is light (but the groups' colours, for dark
        // backgrounds, and text on a filled box) and table headers are a shade of its navy.
        let tones: Vec<&str> = [Tone::Promoter, Tone::Passive, Tone::Detractor, Tone::Neutral]
            .into_iter()
            .flat_map(|t| [palette::tone(t, true), palette::tone(t, false)])
            .map(|hex| hex.trim_start_matches('#'))
            .collect();
        let mut light = 0;
        for (name, xml) in deck.iter().filter(|(name, _)| name.starts_with("ppt/slides/slide")) {
            let xml = String::from_utf8_lossy(xml);
            for (k, shape) in xml.split("<p:sp>").enumerate().skip(1) {
                // A filled box's text is on its own fill.
                let on_fill = shape.split("</p:spPr>").next().is_some_and(|props| props.contains("<a:solidFill>"));
                for run in shape.split("<a:rPr").skip(1) {
                    let props = run.split("</a:rPr>").next().unwrap_or_default();
                    if run.split('>').next().is_some_and(|open| open.ends_with('/')) || on_fill {
                        continue;
                    }
                    let colour = props.split("srgbClr val=\"").nth(1).and_then(|v| v.get(..6)).unwrap_or_default();
                    if colour.is_empty() || tones.contains(&colour) {
                        continue;
                    }
                    let lum = palette::luminance(palette::rgb(&format!("#{colour}")));
                    assert!(lum > 0.4, "{name}, shape {k}: text in #{colour} on the navy");
                    light += 1;
                }
            }
            if xml.contains("<a:tbl>") {
                let header = xml.split("<a:tcPr").nth(1).unwrap_or_default();
                assert!(header.contains("<a:srgbClr val=\"2A3341\"/>"), "the navy a twentieth lighter: {header}");
            }
        }
        assert!(light > 20, "light text ({light} runs)");
        // A 4:3 template is refused, saying why and naming it.
        let mut narrow = unzip(&zip_parts(&parts).unwrap());
        let presentation =
            String::from_utf8_lossy(&narrow["ppt/presentation.xml"]).replace("cx=\"12192000\"", "cx=\"9144000\"");
        narrow.insert("ppt/presentation.xml".to_owned(), presentation.into_bytes());
        std::fs::write(&path, zip_parts(&narrow.into_iter().collect::<Vec<_>>()).unwrap()).unwrap();
        let error = deck_pptx(&info, &samples::all_charts(), Scale::X1).unwrap_err().to_string();
        assert!(error.contains("client.pptx") && error.contains("16:9"), "{error}");
        // Our own deck is consistent too.
        assert_consistent(&unzip(&plain));
    }

    #[test]
    fn slide_text_is_escaped() {
        let mut chart = samples::themes();
        chart.title = "Prijs & <levering>".to_owned();
        let info = ReportInfo { language: "nl-NL".to_owned(), ..samples::report_info() };
        let look = Look::of(&info, super::super::template::Ink::default(), 0);
        assert_eq!(
            (look.title_colour.as_str(), look.text_mid.as_str(), look.text_soft.as_str()),
            ("1A1A1A", "333333", "5F5F5F")
        );
        let xml = chart_slide(&chart, "", &look);
        assert!(xml.contains("Prijs &amp; &lt;levering&gt;"));
        assert!(xml.contains("lang=\"nl-NL\""));
    }

    #[test]
    fn the_picture_keeps_the_shape_of_its_area() {
        let options = picture_options(&crate::chart::Brand::default());
        let area = PICTURE_BOX.1 as f64 / (SLIDE_WIDTH - 2 * MARGIN) as f64;
        assert!((f64::from(options.height) / f64::from(options.width) - area).abs() < 0.002);
    }
}
