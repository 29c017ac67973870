//! The PDF report, made in-process from the same figures as every other export: a first page
//! with the title and the headline, a page per chart (its title, subtitle, the chart as vectors
//! and its footnote), the quotes, then the tables laid out for print (wide tables wrap their text
//! columns and shrink their type; a table that runs over a page repeats its caption and header;
//! a caption never stands alone at a page's foot). Landscape A4 or Letter; every page says the
//! report's title and its number.
//!
//! Each page is laid out here as one SVG (charts nested from `svg`), read by usvg with the
//! embedded font only and drawn into the PDF by krilla, which keeps the text as text (subset
//! DejaVu Sans, selectable and searchable).
//!
//! Owns the PDF's layout; computes nothing.

use std::fmt::Write as _;

use krilla::Document;
use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};

use super::font::{pdf_font_database, svg_font_family, text_width, wrap_text};
use super::svg::{SvgOptions, escape_xml, render_svg};
use super::table::{ColumnKind, Table, cell_text};
use super::{BuildError, ReportInfo};
use crate::chart::{ChartSpec, QuoteSlide};

/// The paper a PDF is laid out on, always landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 297 × 210 mm.
    #[default]
    A4,
    /// US Letter, 11 × 8.5 in.
    Letter,
}

impl Paper {
    /// Width and height in points (1/72 in), landscape.
    #[must_use]
    pub fn size(self) -> (f64, f64) {
        match self {
            Self::A4 => (841.89, 595.28),
            Self::Letter => (792.0, 612.0),
        }
    }
}

/// The most rows a page's chart holds; more come in parts (see [`ChartSpec::parts`]).
const PAGE_ROWS: usize = 16;
/// Page margin in points (about 14 mm).
const MARGIN: f64 = 40.0;
/// Space kept for the running foot (title and page number).
const FOOT: f64 = 22.0;
const INK: &str = "#1A1A1A";
const GREY: &str = "#5F5F5F";
const RULE: &str = "#C8C8C8";

/// One page being laid out: SVG elements in points.
struct Page {
    width: f64,
    height: f64,
    body: String,
}

impl Page {
    fn new((width, height): (f64, f64)) -> Self {
        Self { width, height, body: String::with_capacity(16 * 1024) }
    }

    /// The lowest y the content may reach.
    fn bottom(&self) -> f64 {
        self.height - MARGIN - FOOT
    }

    /// The width between the margins.
    fn content_width(&self) -> f64 {
        self.width - 2.0 * MARGIN
    }

    fn text(&mut self, x: f64, baseline: f64, size: f64, fill: &str, anchor: &str, text: &str) {
        let _ = writeln!(
            self.body,
            "<text x=\"{x:.2}\" y=\"{baseline:.2}\" font-size=\"{size:.2}\" fill=\"{fill}\" text-anchor=\"{anchor}\">{}</text>",
            escape_xml(text)
        );
    }

    /// Wrapped lines from `y` (the top of the first line); returns the y under the last line.
    fn paragraph(&mut self, y: f64, size: f64, fill: &str, text: &str, max_lines: usize) -> f64 {
        self.paragraph_within(y, self.content_width(), size, fill, text, max_lines)
    }

    /// As [`Page::paragraph`], in `width` from the left margin.
    fn paragraph_within(&mut self, y: f64, width: f64, size: f64, fill: &str, text: &str, max_lines: usize) -> f64 {
        let mut y = y;
        for line in wrap_text(text, width, size, max_lines) {
            y += size * 1.25;
            self.text(MARGIN, y - size * 0.25, size, fill, "start", &line);
        }
        y
    }

    fn rule(&mut self, x1: f64, x2: f64, y: f64, width: f64, colour: &str) {
        let _ = writeln!(
            self.body,
            "<line x1=\"{x1:.2}\" y1=\"{y:.2}\" x2=\"{x2:.2}\" y2=\"{y:.2}\" stroke=\"{colour}\" stroke-width=\"{width}\"/>"
        );
    }

    /// A chart drawn into the box at (`x`, `y`) of `w` × `h` points, without its own title and
    /// footnote (the page has them as text).
    fn chart(&mut self, spec: &ChartSpec, (x, y, w, h): (f64, f64, f64, f64), brand: &crate::chart::Brand) {
        let primary = brand.primary_rgb();
        let layout_width = 1600.0;
        let layout_height = (layout_width * h / w).round();
        let options = SvgOptions {
            width: layout_width as u32,
            height: layout_height as u32,
            with_title: false,
            with_footnote: false,
            standalone: true,
            text_scale_pct: 125,
            primary,
            font: brand.font_family().map(str::to_owned),
        };
        let svg = render_svg(spec, &options);
        let svg = svg.split_once("?>").map_or(svg.as_str(), |(_, rest)| rest);
        let scale = w / layout_width;
        let _ = writeln!(self.body, "<g transform=\"translate({x:.2} {y:.2}) scale({scale:.5})\">{svg}</g>");
    }

    fn svg(&self, foot_left: &str, number: usize, total: usize, font: Option<&str>) -> String {
        let (w, h) = (self.width, self.height);
        let family = svg_font_family(font);
        let mut doc = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{family}\">\n\
             <rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n"
        );
        doc.push_str(&self.body);
        let baseline = h - MARGIN + 4.0;
        let _ = writeln!(
            doc,
            "<line x1=\"{MARGIN}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\" stroke=\"{RULE}\" stroke-width=\"0.5\"/>",
            baseline - 12.0,
            w - MARGIN,
            baseline - 12.0
        );
        let room = (w - 2.0 * MARGIN) * 0.8;
        let left = super::font::fit_text(foot_left, room, 8.0);
        let _ = writeln!(
            doc,
            "<text x=\"{MARGIN}\" y=\"{baseline:.2}\" font-size=\"8\" fill=\"{GREY}\">{}</text>\n\
             <text x=\"{:.2}\" y=\"{baseline:.2}\" font-size=\"8\" fill=\"{GREY}\" text-anchor=\"end\">{number} / {total}</text>",
            escape_xml(&left),
            w - MARGIN
        );
        doc.push_str("</svg>\n");
        doc
    }
}

/// The report as PDF bytes on `paper`.
pub fn report_pdf(
    info: &ReportInfo,
    charts: &[ChartSpec],
    tables: &[Table],
    paper: Paper,
) -> Result<Vec<u8>, BuildError> {
    render(&page_svgs(info, charts, tables, paper), paper.size(), info)
}

/// The report's pages, each as an SVG document in points.
#[must_use]
pub fn page_svgs(info: &ReportInfo, charts: &[ChartSpec], tables: &[Table], paper: Paper) -> Vec<String> {
    let size = paper.size();
    let mut pages: Vec<Page> = Vec::new();
    // The first page: the title block and, when there is one, the headline under it.
    let mut first = Page::new(size);
    let title_colour = info.brand.primary(INK);
    // The brand's logo in the top right corner, at most 60 pt high and 200 pt wide.
    let logo_width = if let Some(logo) = info.brand.logo_url() {
        let _ = writeln!(
            first.body,
            "<image x=\"{:.2}\" y=\"{MARGIN}\" width=\"200\" height=\"60\" preserveAspectRatio=\"xMaxYMin meet\" href=\"{}\"/>",
            size.0 - MARGIN - 200.0,
            escape_xml(logo)
        );
        220.0
    } else {
        0.0
    };
    let mut y = MARGIN;
    for line in wrap_text(&info.title, first.content_width() - logo_width, 24.0, 3) {
        y += 30.0;
        first.text(MARGIN, y - 6.0, 24.0, title_colour, "start", &line);
    }
    y += 4.0;
    // The title block keeps clear of the logo.
    let width = first.content_width() - logo_width;
    if !info.brand.client.trim().is_empty() {
        y = first.paragraph_within(y, width, 14.0, INK, info.brand.client.trim(), 2);
    }
    if !info.subtitle.is_empty() {
        y = first.paragraph_within(y, width, 12.0, GREY, &info.subtitle, 2);
    }
    y = first.paragraph_within(y, width, 12.0, GREY, &format!("{} \u{b7} {}", info.source_file, info.date), 2);
    y += 18.0;
    // The first headline on the first page; any other follows as a chart of its own.
    let first_headline = charts.iter().position(|c| c.headline().is_some());
    let rest: Vec<&ChartSpec> =
        charts.iter().enumerate().filter(|(i, _)| Some(*i) != first_headline).map(|(_, c)| c).collect();
    if let Some(spec) = first_headline.map(|i| &charts[i]) {
        y = chart_block(&mut first, spec, y, &info.brand);
    }
    let _ = y;
    pages.push(first);
    for spec in rest.iter().flat_map(|chart| chart.parts(PAGE_ROWS)) {
        let spec = &spec;
        let mut page = Page::new(size);
        chart_block(&mut page, spec, MARGIN, &info.brand);
        pages.push(page);
    }
    for quotes in &info.quotes {
        pages.push(quote_page(quotes, size));
    }
    lay_out_tables(tables, size, &mut pages);
    let total = pages.len();
    pages.iter().enumerate().map(|(i, page)| page.svg(&info.title, i + 1, total, info.brand.font_family())).collect()
}

/// A chart with its title, subtitle and footnote from `top`; returns the y under it.
fn chart_block(page: &mut Page, spec: &ChartSpec, top: f64, brand: &crate::chart::Brand) -> f64 {
    let title_colour = brand.primary(INK);
    let mut y = page.paragraph(top, 16.0, title_colour, &spec.title, 2);
    if !spec.subtitle.is_empty() {
        y = page.paragraph(y + 2.0, 10.5, GREY, &spec.subtitle, 2);
    }
    y += 8.0;
    let footnote_lines = wrap_text(&spec.footnote, page.content_width(), 8.0, 4).len() as f64;
    let footnote_height = if spec.footnote.is_empty() { 0.0 } else { footnote_lines * 10.0 + 8.0 };
    let height = (page.bottom() - y - footnote_height).max(120.0);
    page.chart(spec, (MARGIN, y, page.content_width(), height), brand);
    y += height + 8.0;
    if !spec.footnote.is_empty() {
        y = page.paragraph(y, 8.0, GREY, &spec.footnote, 4);
    }
    y
}

/// A page of what detractors say about one theme.
fn quote_page(quotes: &QuoteSlide, size: (f64, f64)) -> Page {
    let mut page = Page::new(size);
    let mut y = page.paragraph(MARGIN, 16.0, INK, &quotes.title, 2) + 10.0;
    for quote in &quotes.quotes {
        let text = format!("\u{201c}{quote}\u{201d}");
        // Only quotes that fit whole above the footnote.
        let height = wrap_text(&text, page.content_width(), 12.0, 6).len() as f64 * 15.0;
        if y + height > page.bottom() - 40.0 {
            break;
        }
        y = page.paragraph(y, 12.0, "#333333", &text, 6) + 10.0;
    }
    page.paragraph(page.bottom() - 30.0, 8.0, GREY, &quotes.footnote, 3);
    page
}

/// A table as printed: its caption, headers, which columns hold numbers (right-aligned) and its
/// cells as shown.
#[derive(Debug, Clone, PartialEq)]
struct Grid {
    title: String,
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

/// Numbers line up on the right.
fn is_numeric(kind: ColumnKind) -> bool {
    matches!(kind, ColumnKind::Integer | ColumnKind::Number { .. } | ColumnKind::Percent { .. })
}

impl Grid {
    fn of(table: &Table) -> Self {
        let rows = table
            .rows
            .iter()
            .map(|row| table.columns.iter().enumerate().map(|(c, column)| cell_text(row, c, column.kind)).collect())
            .collect();
        Self {
            title: table.title.clone(),
            headers: table.columns.iter().map(|c| c.header.clone()).collect(),
            right: table.columns.iter().map(|c| is_numeric(c.kind)).collect(),
            rows,
        }
    }

    /// Turned a quarter: a row per column (its header, then each row's value), a column per row
    /// headed by the row's first cell. For wide tables of few rows (the overall figures).
    fn turned(&self) -> Self {
        let mut headers = vec![self.headers.first().cloned().unwrap_or_default()];
        headers.extend(self.rows.iter().map(|row| row.first().cloned().unwrap_or_default()));
        let rows = (1..self.headers.len())
            .map(|c| {
                let mut row = vec![self.headers[c].clone()];
                row.extend(self.rows.iter().map(|r| r.get(c).cloned().unwrap_or_default()));
                row
            })
            .collect();
        let mut right = vec![false];
        right.extend(self.rows.iter().map(|_| true));
        Self { title: self.title.clone(), headers, right, rows }
    }

    /// The columns `columns` (the first column always kept in front).
    fn part(&self, columns: &[usize], title: String) -> Self {
        let pick = |cells: &[String]| columns.iter().map(|&c| cells.get(c).cloned().unwrap_or_default()).collect();
        Self {
            title,
            headers: pick(&self.headers),
            right: columns.iter().map(|&c| self.right.get(c).copied().unwrap_or(false)).collect(),
            rows: self.rows.iter().map(|row| pick(row)).collect(),
        }
    }

    /// Each column's width at `size`: its widest cell, and at least its header's longest word
    /// (headers wrap).
    fn natural_widths(&self, size: f64) -> Vec<f64> {
        (0..self.headers.len())
            .map(|c| {
                let word = self.headers[c].split_whitespace().map(|w| text_width(w, size)).fold(0.0, f64::max);
                let header = text_width(&self.headers[c], size).min(word.max(60.0));
                let cells = self.rows.iter().map(|row| text_width(row.get(c).map_or("", String::as_str), size));
                cells.fold(header.max(word), f64::max) + PAD
            })
            .collect()
    }
}

const PAD: f64 = 8.0;
/// The smallest type a table is set in before it is turned or split.
const TABLE_SIZES: [f64; 3] = [8.5, 8.0, 7.5];

/// A grid laid out: type size and column widths within the page.
struct Layout {
    size: f64,
    widths: Vec<f64>,
}

/// The grid's column widths within `width`: as wide as their cells at the largest size that
/// fits; long text columns take what is left and wrap.
fn fitted(grid: &Grid, width: f64) -> Option<Layout> {
    for size in TABLE_SIZES {
        let widths = grid.natural_widths(size);
        if widths.iter().sum::<f64>() <= width {
            return Some(Layout { size, widths });
        }
    }
    // Text columns wrap: numbers keep their width, text shares the rest (at least 90 pt each).
    let size = TABLE_SIZES[TABLE_SIZES.len() - 1];
    let mut widths = grid.natural_widths(size);
    let fixed: f64 = widths.iter().zip(&grid.right).filter(|(_, r)| **r).map(|(w, _)| w).sum();
    let text: f64 = widths.iter().zip(&grid.right).filter(|(_, r)| !**r).map(|(w, _)| w).sum();
    let room = width - fixed;
    let text_columns = grid.right.iter().filter(|r| !**r).count() as f64;
    if text <= 0.0 || room < 90.0 * text_columns {
        return None;
    }
    for (w, right) in widths.iter_mut().zip(&grid.right) {
        if !right {
            *w = (room * *w / text).max(90.0);
        }
    }
    (widths.iter().sum::<f64>() <= width + 0.5).then_some(Layout { size, widths })
}

/// How a table is printed within `width`: as it is; else turned (a few rows); else its columns
/// split into parts that each repeat the first column, captioned `(1/2)`, `(2/2)`.
fn printable(table: &Table, width: f64) -> Vec<(Grid, Layout)> {
    let grid = Grid::of(table);
    if let Some(layout) = fitted(&grid, width) {
        return vec![(grid, layout)];
    }
    if grid.rows.len() <= 4 {
        let turned = grid.turned();
        if let Some(layout) = fitted(&turned, width) {
            return vec![(turned, layout)];
        }
    }
    let size = TABLE_SIZES[1];
    let widths = grid.natural_widths(size);
    let first = widths.first().copied().unwrap_or(0.0).min(width * 0.4);
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut current = vec![0];
    let mut used = first;
    for (c, w) in widths.iter().enumerate().skip(1) {
        if used + w > width && current.len() > 1 {
            parts.push(std::mem::replace(&mut current, vec![0]));
            used = first;
        }
        current.push(c);
        used += w;
    }
    if current.len() > 1 || parts.is_empty() {
        parts.push(current);
    }
    let count = parts.len();
    parts
        .iter()
        .enumerate()
        .map(|(k, columns)| {
            let title = if count > 1 { format!("{} ({}/{count})", grid.title, k + 1) } else { grid.title.clone() };
            let part = grid.part(columns, title);
            let layout = fitted(&part, width).unwrap_or_else(|| {
                // One column too wide for a page even alone: shrink it to the page.
                let mut widths = part.natural_widths(size);
                let sum: f64 = widths.iter().sum();
                for w in &mut widths {
                    *w *= width / sum.max(1.0);
                }
                Layout { size, widths }
            });
            (part, layout)
        })
        .collect()
}

/// The most lines of a table cell (a long quote or list of examples); more would take a page.
const CELL_LINES: usize = 12;

/// Lines of a cell's text in a column `width` wide.
fn cell_lines(text: &str, width: f64, size: f64) -> Vec<String> {
    if text.is_empty() { vec![String::new()] } else { wrap_text(text, (width - PAD).max(10.0), size, CELL_LINES) }
}

/// A row of cells from `y`: each cell's lines, numbers on the right.
fn write_row(page: &mut Page, y: f64, cells: &[Vec<String>], grid: &Grid, layout: &Layout) {
    let line = layout.size * 1.3;
    let mut x = MARGIN;
    for ((lines, right), w) in cells.iter().zip(&grid.right).zip(&layout.widths) {
        for (k, text) in lines.iter().enumerate() {
            let baseline = y + (k as f64 + 1.0) * line - layout.size * 0.3;
            if *right {
                page.text(x + w - PAD / 2.0, baseline, layout.size, INK, "end", text);
            } else {
                page.text(x + PAD / 2.0, baseline, layout.size, INK, "start", text);
            }
        }
        x += w;
    }
}

/// Tables flow down the pages after the charts.
fn lay_out_tables(tables: &[Table], size: (f64, f64), pages: &mut Vec<Page>) {
    let mut page = Page::new(size);
    let mut y = MARGIN;
    let mut started = false;
    let caption_height = 24.0;
    let width = page.content_width();
    for (grid, layout) in tables.iter().filter(|t| !t.columns.is_empty()).flat_map(|t| printable(t, width)) {
        let line = layout.size * 1.3;
        let lines_of = |cells: &[String]| -> Vec<Vec<String>> {
            cells.iter().zip(&layout.widths).map(|(text, w)| cell_lines(text, *w, layout.size)).collect()
        };
        let header = lines_of(&grid.headers);
        let height_of = |cells: &[Vec<String>]| cells.iter().map(Vec::len).max().unwrap_or(1) as f64 * line + 3.0;
        let header_height = height_of(&header) + 1.0;
        let rows: Vec<Vec<Vec<String>>> = grid.rows.iter().map(|row| lines_of(row)).collect();
        // The caption, the header and the first rows (up to three) stay together.
        let opening = caption_height + header_height + rows.iter().take(3).map(|r| height_of(r)).sum::<f64>();
        if started && y + opening > page.bottom() {
            pages.push(std::mem::replace(&mut page, Page::new(size)));
            y = MARGIN;
        }
        started = true;
        let table_width: f64 = layout.widths.iter().sum();
        let head = |page: &mut Page, y: &mut f64, continued: bool| {
            let caption = if continued { format!("{} (\u{2026})", grid.title) } else { grid.title.clone() };
            page.text(MARGIN, *y + 14.0, 12.0, INK, "start", &caption);
            *y += caption_height;
            write_row(page, *y, &header, &grid, &layout);
            *y += header_height;
            page.rule(MARGIN, MARGIN + table_width, *y - 2.0, 0.9, "#8A8A8A");
        };
        head(&mut page, &mut y, false);
        for cells in &rows {
            let height = height_of(cells);
            if y + height > page.bottom() {
                pages.push(std::mem::replace(&mut page, Page::new(size)));
                y = MARGIN;
                head(&mut page, &mut y, true);
            }
            write_row(&mut page, y, cells, &grid, &layout);
            y += height;
            page.rule(MARGIN, MARGIN + table_width, y - 1.0, 0.4, RULE);
        }
        y += 16.0;
    }
    if started {
        pages.push(page);
    }
}

/// The pages' SVGs drawn into one PDF document.
fn render(svgs: &[String], (width, height): (f64, f64), info: &ReportInfo) -> Result<Vec<u8>, BuildError> {
    let failed = |reason: String| BuildError::new("the PDF report", reason);
    // Pictures only from `data:` URLs (the logo): a file or address an SVG names is never read.
    let image_href_resolver = usvg_pdf::ImageHrefResolver {
        resolve_data: usvg_pdf::ImageHrefResolver::default_data_resolver(),
        resolve_string: Box::new(|_, _| None),
    };
    let options = usvg_pdf::Options {
        fontdb: pdf_font_database(info.brand.font_family()),
        image_href_resolver,
        ..usvg_pdf::Options::default()
    };
    let (w, h) = (width as f32, height as f32);
    let size = Size::from_wh(w, h).ok_or_else(|| failed("no page size".to_owned()))?;
    let mut document = Document::new();
    for (i, svg) in svgs.iter().enumerate() {
        let tree = usvg_pdf::Tree::from_str(svg, &options).map_err(|e| failed(format!("page {}: {e}", i + 1)))?;
        let settings = PageSettings::from_wh(w, h).ok_or_else(|| failed("no page size".to_owned()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        surface.draw_svg(&tree, size, SvgSettings::default()).ok_or_else(|| failed(format!("page {}", i + 1)))?;
        surface.finish();
        page.finish();
    }
    document.set_metadata(
        Metadata::new()
            .title(info.title.clone())
            .language(info.language().to_owned())
            .creator("NPS Workbench".to_owned()),
    );
    document.finish().map_err(|e| failed(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::table::Cell;
    use crate::export::samples;

    /// Every `<text>` of a page SVG outside nested charts: x, anchor, size and content.
    fn texts(svg: &str) -> Vec<(f64, String, f64, String)> {
        let mut out = Vec::new();
        let mut depth = 0;
        for line in svg.lines() {
            if line.starts_with("<g transform") {
                depth += 1;
            }
            if depth == 0 && line.starts_with("<text ") {
                let attr = |name: &str| {
                    let start = line.find(&format!("{name}=\"")).map(|i| i + name.len() + 2)?;
                    line[start..].split('"').next().map(str::to_owned)
                };
                let content = line.split_once('>').map(|(_, rest)| rest.trim_end_matches("</text>")).unwrap_or("");
                out.push((
                    attr("x").and_then(|x| x.parse().ok()).unwrap_or(0.0),
                    attr("text-anchor").unwrap_or_default(),
                    attr("font-size").and_then(|x| x.parse().ok()).unwrap_or(0.0),
                    content.to_owned(),
                ));
            }
            if line.ends_with("</g>") {
                depth -= 1;
            }
        }
        out
    }

    #[test]
    fn the_first_page_holds_the_title_and_the_headline_and_every_page_its_number() {
        let (info, charts, tables) = (samples::report_info(), samples::all_charts(), samples::all_tables());
        for paper in [Paper::A4, Paper::Letter] {
            let pages = page_svgs(&info, &charts, &tables, paper);
            // A page per chart but the headline (on the first page), per quote slide, then tables.
            assert!(pages.len() > charts.len() + info.quotes.len(), "{}", pages.len());
            let (_, headline) = charts[0].headline().unwrap();
            assert!(pages[0].contains(&*escape_xml(&info.title)));
            assert!(
                pages[0].contains(&*escape_xml(&headline.nps_text))
                    && pages[0].contains(&*escape_xml(&headline.n_text))
            );
            let (w, h) = paper.size();
            for (i, page) in pages.iter().enumerate() {
                assert!(page.contains(&format!("width=\"{w}\" height=\"{h}\"")));
                assert!(page.contains(&format!(">{} / {}</text>", i + 1, pages.len())), "page {}", i + 1);
            }
            for table in &tables {
                assert!(pages.iter().any(|p| p.contains(&*escape_xml(&table.title))), "{}", table.title);
            }
        }
    }

    #[test]
    fn wide_tables_stay_on_the_page_and_captions_stay_with_their_tables() {
        use crate::chart::table::Column;
        // Sixteen columns with long text: the layout must shrink and wrap it within the margins.
        let columns: Vec<Column> = (0..16)
            .map(|c| {
                if c < 3 {
                    Column::new(&format!("A long text column header number {c}"), ColumnKind::Text)
                } else {
                    Column::new(&format!("Percentage of something {c}"), ColumnKind::Percent { decimals: 1 })
                }
            })
            .collect();
        let rows: Vec<Vec<Cell>> = (0..90)
            .map(|r| {
                (0..16)
                    .map(|c| {
                        if c < 3 {
                            Cell::Text(format!("Row {r}: a fairly long piece of text that will need to wrap"))
                        } else {
                            Cell::Number(f64::from(r * c) / 7.0)
                        }
                    })
                    .collect()
            })
            .collect();
        let wide = Table { title: "Wide table".to_owned(), columns, rows };
        let tables = vec![samples::all_tables()[0].clone(), wide];
        let pages = page_svgs(&samples::report_info(), &[], &tables, Paper::A4);
        let (w, _) = Paper::A4.size();
        let mut captions = 0;
        for page in &pages {
            let texts = texts(page);
            for (x, anchor, size, content) in &texts {
                let width = text_width(content, *size);
                let (left, right) = match anchor.as_str() {
                    "end" => (x - width, *x),
                    _ => (*x, x + width),
                };
                assert!(left >= MARGIN - 0.5 && right <= w - MARGIN + 0.5, "{content:?} runs off: {left}..{right}");
            }
            // A caption is never the last thing on its page.
            let captions_here: Vec<usize> =
                texts.iter().enumerate().filter(|(_, t)| t.3.starts_with("Wide table")).map(|(i, _)| i).collect();
            captions += captions_here.len();
            for i in captions_here {
                assert!(texts.len() >= i + 4, "caption alone at the foot");
            }
        }
        assert!(captions >= 2, "the table runs over pages and repeats its caption ({captions})");
    }

    #[test]
    fn the_pdf_has_a_page_per_laid_out_page_on_its_paper_with_the_font_embedded() {
        let (info, charts, tables) = (samples::report_info(), samples::all_charts(), samples::all_tables());
        let pdf = report_pdf(&info, &charts, &tables, Paper::Letter).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&pdf);
        let pages = page_svgs(&info, &charts, &tables, Paper::Letter).len();
        assert_eq!(text.matches("/Type/Page/").count(), pages, "page objects");
        assert!(text.contains(&format!("/Count {pages}")));
        assert!(text.contains("/MediaBox[0 0 792 612]"), "Letter, landscape");
        assert!(text.contains("/FontFile2") && text.contains("DejaVuSans"), "the font is embedded");
        assert!(text.contains("/ToUnicode"), "the text can be searched and copied");
    }

    #[test]
    fn the_brand_font_is_embedded_when_installed_and_dejavu_otherwise() {
        let name = crate::export::font::install_test_family();
        let (mut info, charts) = (samples::report_info(), vec![samples::distribution()]);
        info.brand.font = name.to_owned();
        let text = |info: &ReportInfo| {
            String::from_utf8_lossy(&report_pdf(info, &charts, &[], Paper::A4).unwrap()).into_owned()
        };
        let branded = text(&info);
        assert!(branded.contains("BrandySans") && !branded.contains("DejaVuSans"), "only the brand font is embedded");
        assert!(page_svgs(&info, &charts, &[], Paper::A4)[0].contains("font-family=\"'Brandy Sans', "));
        info.brand.font = "No Such Brand Font 7391".to_owned();
        let fallback = text(&info);
        assert!(fallback.contains("DejaVuSans") && !fallback.contains("BrandySans"));
    }
}
