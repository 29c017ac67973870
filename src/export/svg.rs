//! Renders a [`ChartSpec`] to SVG text: the export renderer of the shared chart description (the
//! window draws the same spec with egui_plot). Slide size 1920x1080 by default, light theme, the
//! embedded font named by family, every text escaped; long labels are shortened with an ellipsis
//! and text is laid out in reserved strips so it never overlaps the plot.
//!
//! Owns the SVG layout; PNG rasterising is in `png`, colours and sizes in `theme`.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::font::{fit_text, svg_font_family, text_width, wrap_text};
use super::theme::{self, TypeSizes, tone_colour};
use crate::chart::{
    BandPoint, ChartSpec, Headline, LegendEntry, LegendSymbol, LinePoint, Marker, MatrixCell, Orientation, Reference,
    ReferenceValue, Series, Tone, grouped, palette,
};

/// How to render a chart to SVG.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvgOptions {
    /// Canvas width in pixels.
    pub width: u32,
    /// Canvas height in pixels.
    pub height: u32,
    /// Draw the title and subtitle (off when a slide shows them as text).
    pub with_title: bool,
    /// Draw the footnote (off when a slide shows it as text).
    pub with_footnote: bool,
    /// A stand-alone file (XML declaration, namespace, fixed size) rather than an element inlined
    /// in HTML (no namespace, scales to the page width).
    pub standalone: bool,
    /// Text size in percent of the slide default (100); slides use more because the picture is
    /// shown smaller than a full slide.
    pub text_scale_pct: u32,
    /// The brand's main colour for titles and the estimate's marks (bars, lines, points that
    /// carry no group's meaning); `None`: the standard palette.
    pub primary: Option<[u8; 3]>,
    /// The brand's font, asked for before the embedded one (drawn when it is installed).
    pub font: Option<String>,
}

impl SvgOptions {
    /// The default options in the brand's main colour and font.
    #[must_use]
    pub fn branded(brand: &crate::chart::Brand) -> Self {
        Self { primary: brand.primary_rgb(), font: brand.font_family().map(str::to_owned), ..Self::default() }
    }
}

impl Default for SvgOptions {
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            with_title: true,
            with_footnote: true,
            standalone: true,
            text_scale_pct: 100,
            primary: None,
            font: None,
        }
    }
}

/// Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids.
#[must_use]
pub fn escape_xml(text: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_forbidden_in_xml(c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if is_forbidden_in_xml(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Control characters other than tab, line feed and carriage return (not allowed in XML 1.0).
fn is_forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// The chart as an SVG document (or an inline `<svg>` element, see [`SvgOptions::standalone`]).
#[must_use]
pub fn render_svg(spec: &ChartSpec, options: &SvgOptions) -> String {
    let mut canvas = Canvas::new(options);
    canvas.chart(spec, options);
    canvas.finish(spec, options)
}

use crate::chart::whole_points as signed;

/// Pixel positions of the plot and the mapping from data to pixels.
#[derive(Debug, Clone, Copy)]
struct Frame {
    orientation: Orientation,
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    min: f64,
    max: f64,
    categories: usize,
}

impl Frame {
    /// Pixel coordinate of a value along the value axis (clamped to the axis).
    fn value(&self, v: f64) -> f64 {
        let span = (self.max - self.min).max(1e-9);
        let t = ((v.clamp(self.min, self.max) - self.min) / span).clamp(0.0, 1.0);
        match self.orientation {
            Orientation::Horizontal => self.left + t * (self.right - self.left),
            Orientation::Vertical => self.bottom - t * (self.bottom - self.top),
        }
    }

    /// Pixel size of one category slot.
    fn slot(&self) -> f64 {
        let length = match self.orientation {
            Orientation::Horizontal => self.bottom - self.top,
            Orientation::Vertical => self.right - self.left,
        };
        length / self.categories.max(1) as f64
    }

    /// Pixel coordinate of a category's centre along the category axis.
    fn category(&self, index: usize) -> f64 {
        let start = match self.orientation {
            Orientation::Horizontal => self.top,
            Orientation::Vertical => self.left,
        };
        start + self.slot() * (index as f64 + 0.5)
    }

    /// The (x, y) pixel point of a category centre and a value.
    fn point(&self, category: usize, v: f64) -> (f64, f64) {
        let (c, p) = (self.category(category), self.value(v));
        match self.orientation {
            Orientation::Horizontal => (p, c),
            Orientation::Vertical => (c, p),
        }
    }

    /// The rectangle (x, y, w, h) across the category axis from `c - half` to `c + half` and along
    /// the value axis from `v0` to `v1`.
    fn rect(&self, c: f64, half: f64, v0: f64, v1: f64) -> (f64, f64, f64, f64) {
        let (p0, p1) = (self.value(v0), self.value(v1));
        let (low, length) = (p0.min(p1), (p1 - p0).abs());
        match self.orientation {
            Orientation::Horizontal => (low, c - half, length, 2.0 * half),
            Orientation::Vertical => (c - half, low, 2.0 * half, length),
        }
    }

    /// Rectangle spanning the whole category axis between two values.
    fn span_rect(&self, v0: f64, v1: f64) -> (f64, f64, f64, f64) {
        let (p0, p1) = (self.value(v0), self.value(v1));
        let (low, length) = (p0.min(p1), (p1 - p0).abs());
        match self.orientation {
            Orientation::Horizontal => (low, self.top, length, self.bottom - self.top),
            Orientation::Vertical => (self.left, low, self.right - self.left, length),
        }
    }
}

/// The SVG being written plus the type sizes and scale.
struct Canvas {
    out: String,
    width: f64,
    height: f64,
    /// Pixels per reference pixel (1.0 at 1920 wide).
    k: f64,
    sizes: TypeSizes,
    /// The brand's main colour as `#RRGGBB`, when there is one.
    primary: Option<String>,
}

/// Horizontal anchoring of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attribute(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Middle => "middle",
            Self::End => "end",
        }
    }
}

/// The baseline that centres text of `size` on `y` (DejaVu Sans: about 0.36 em below the middle).
fn centred_baseline(y: f64, size: f64) -> f64 {
    y + 0.36 * size
}

impl Canvas {
    /// The colour of a tone: the brand's main colour for the estimate (neutral marks), else
    /// the palette's.
    fn ink(&self, tone: Tone) -> String {
        match (&self.primary, tone) {
            (Some(primary), Tone::Neutral) => primary.clone(),
            _ => tone_colour(tone).to_owned(),
        }
    }

    /// The titles' colour: the brand's main colour, else near black.
    fn title_ink(&self) -> String {
        self.primary.clone().unwrap_or_else(|| theme::TITLE_TEXT.to_owned())
    }

    fn new(options: &SvgOptions) -> Self {
        let width = f64::from(options.width.max(100));
        let height = f64::from(options.height.max(100));
        let sizes = TypeSizes::for_width(width).scaled(f64::from(options.text_scale_pct.clamp(50, 200)) / 100.0);
        Self {
            out: String::with_capacity(32 * 1024),
            width,
            height,
            k: width / 1920.0,
            sizes,
            primary: options.primary.map(palette::hex),
        }
    }

    fn finish(self, spec: &ChartSpec, options: &SvgOptions) -> String {
        let (w, h) = (self.width, self.height);
        let mut doc = String::with_capacity(self.out.len() + 512);
        let (title, label) = (escape_xml(&spec.title), spec.description());
        let label = escape_xml(&label);
        if options.standalone {
            doc.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            let _ = write!(
                doc,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" "
            );
        } else {
            let _ = write!(doc, "<svg viewBox=\"0 0 {w} {h}\" width=\"100%\" preserveAspectRatio=\"xMidYMid meet\" ");
        }
        let family = svg_font_family(options.font.as_deref());
        let _ = writeln!(doc, "font-family=\"{family}\" role=\"img\" aria-label=\"{label}\">");
        let _ = writeln!(doc, "<title>{title}</title>");
        doc.push_str(&self.out);
        doc.push_str("</svg>\n");
        doc
    }

    fn text(&mut self, x: f64, baseline: f64, size: f64, fill: &str, anchor: Anchor, text: &str) {
        let _ = writeln!(
            self.out,
            "<text x=\"{x:.1}\" y=\"{baseline:.1}\" font-size=\"{size:.1}\" fill=\"{fill}\" text-anchor=\"{}\">{}</text>",
            anchor.attribute(),
            escape_xml(text)
        );
    }

    fn rect(&mut self, (x, y, w, h): (f64, f64, f64, f64), fill: &str, opacity: f64) {
        let _ = writeln!(
            self.out,
            "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"{}/>",
            w.max(0.0),
            h.max(0.0),
            opacity_attribute("fill-opacity", opacity)
        );
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), stroke: &str, width: f64) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{stroke}\" stroke-width=\"{width:.1}\"/>"
        );
    }

    fn group_start(&mut self, opacity: f64) {
        if opacity < 1.0 {
            let _ = writeln!(self.out, "<g opacity=\"{opacity:.2}\">");
        } else {
            self.out.push_str("<g>\n");
        }
    }

    fn group_end(&mut self) {
        self.out.push_str("</g>\n");
    }

    fn marker(&mut self, marker: Marker, (x, y): (f64, f64), radius: f64, fill: &str) {
        let r = radius;
        let stroke = format!(" stroke=\"{}\" stroke-width=\"{:.1}\"", theme::BACKGROUND, 2.5 * self.k);
        let _ = match marker {
            Marker::Circle => {
                writeln!(self.out, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\"{stroke}/>")
            }
            Marker::Diamond => writeln!(
                self.out,
                "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" fill=\"{fill}\"{stroke}/>",
                y - 1.3 * r,
                x + 1.3 * r,
                y + 1.3 * r,
                x - 1.3 * r
            ),
            Marker::TriangleUp => writeln!(
                self.out,
                "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{fill}\"{stroke}/>",
                y - 1.3 * r,
                x + 1.2 * r,
                y + 0.8 * r,
                x - 1.2 * r,
                y + 0.8 * r
            ),
            Marker::TriangleDown => writeln!(
                self.out,
                "<path d=\"M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{fill}\"{stroke}/>",
                y + 1.3 * r,
                x + 1.2 * r,
                y - 0.8 * r,
                x - 1.2 * r,
                y - 0.8 * r
            ),
        };
    }

    /// Lays out and draws the whole chart.
    fn chart(&mut self, spec: &ChartSpec, options: &SvgOptions) {
        let (k, s) = (self.k, self.sizes);
        let margin = 56.0 * k;
        self.rect((0.0, 0.0, self.width, self.height), theme::BACKGROUND, 1.0);
        let mut top = margin;
        if options.with_title {
            let title = fit_text(&spec.title, self.width - 2.0 * margin, s.title);
            let ink = self.title_ink();
            self.text(margin, top + 0.8 * s.title, s.title, &ink, Anchor::Start, &title);
            top += 1.3 * s.title;
            if !spec.subtitle.is_empty() {
                let subtitle = fit_text(&spec.subtitle, self.width - 2.0 * margin, s.subtitle);
                self.text(margin, top + 0.8 * s.subtitle, s.subtitle, theme::MUTED_TEXT, Anchor::Start, &subtitle);
                top += 1.5 * s.subtitle;
            }
            top += 8.0 * k;
        }
        if !spec.legend.is_empty() {
            top = self.legend(&spec.legend, margin, top) + 18.0 * k;
        }
        let mut bottom = self.height - margin;
        if options.with_footnote && !spec.footnote.trim().is_empty() {
            let lines = wrap_text(&spec.footnote, self.width - 2.0 * margin, s.footnote, 3);
            let line_height = 1.35 * s.footnote;
            let first = bottom - line_height * (lines.len() as f64 - 1.0);
            for (i, line) in lines.iter().enumerate() {
                self.text(margin, first + line_height * i as f64, s.footnote, theme::MUTED_TEXT, Anchor::Start, line);
            }
            bottom = first - s.footnote - 22.0 * k;
        }
        if let Some((name, headline)) = spec.headline() {
            self.headline(name, headline, margin, top, bottom);
            return;
        }
        if let Some(map) = spec.map() {
            self.map(spec, map, margin, top, bottom);
            return;
        }
        let matrix = spec.series.iter().find_map(|series| match series {
            Series::Cells { columns, cells, .. } => Some((columns, cells)),
            _ => None,
        });
        match (matrix, spec.orientation) {
            (Some((columns, cells)), _) => self.matrix(spec, columns, cells, margin, top, bottom),
            (None, Orientation::Horizontal) => self.horizontal(spec, margin, top, bottom),
            (None, Orientation::Vertical) => self.vertical(spec, margin, top, bottom),
        }
    }

    /// The headline: the NPS large with its name, interval and n beside it; the groups' shares
    /// on one bar, each named above its part; the change and the verdict under it, in the colour
    /// of what they say.
    fn headline(&mut self, name: &str, headline: &Headline, margin: f64, top: f64, bottom: f64) {
        let (k, s) = (self.k, self.sizes);
        let (left, right) = (margin, self.width - margin);
        let room = (bottom - top).max(1.0);
        let big = (0.3 * room).min(230.0 * k);
        // The block (number, names, bar, lines) is centred in the room the title and footnote
        // leave, so that a slide has no empty lower half.
        let lines = [&headline.change, &headline.verdict].into_iter().flatten().count() as f64;
        let bar_height = (0.14 * room).clamp(40.0 * k, 110.0 * k);
        let block = 1.35 * big + 1.6 * s.tick + bar_height + 0.3 * s.subtitle + 1.6 * s.subtitle * lines;
        let top = top + ((room - block) / 2.0).max(0.0);
        let nps_width = text_width(&headline.nps_text, big);
        let ink = self.title_ink();
        self.text(left, top + 0.8 * big, big, &ink, Anchor::Start, &headline.nps_text);
        let beside = left + nps_width + 36.0 * k;
        let detail_size = 1.15 * s.subtitle;
        let name = fit_text(name, right - beside, s.title);
        self.text(beside, top + 0.3 * big, s.title, theme::BODY_TEXT, Anchor::Start, &name);
        // The interval and the n on lines of their own (a weighted n is long).
        for (i, line) in [&headline.interval_text, &headline.n_text].into_iter().enumerate() {
            let baseline = top + 0.3 * big + (1.5 + 1.3 * i as f64) * detail_size;
            self.text(
                beside,
                baseline,
                detail_size,
                theme::MUTED_TEXT,
                Anchor::Start,
                &fit_text(line, right - beside, detail_size),
            );
        }
        // The bar: detractors, passives, promoters, left to right, each named above its part.
        let label_top = top + big + 0.35 * big;
        let bar_top = label_top + 1.6 * s.tick;
        let total: f64 = headline.groups.iter().map(|g| g.share).sum::<f64>().max(f64::EPSILON);
        let mut x = left;
        let mut all_said = true;
        for group in &headline.groups {
            let width = (right - left) * group.share / total;
            let fill = &self.ink(group.tone);
            self.rect((x, bar_top, width, bar_height), fill, 1.0);
            let inside = fit_text(&group.share_text, width - 12.0 * k, s.subtitle);
            all_said &= inside == group.share_text
                && width > 24.0 * k
                && fit_text(&group.label, width - 8.0 * k, s.tick) == group.label;
            if inside == group.share_text {
                let ink = palette::text_on(palette::rgb(fill));
                let baseline = centred_baseline(bar_top + bar_height / 2.0, s.subtitle);
                self.text(x + width / 2.0, baseline, s.subtitle, ink, Anchor::Middle, &inside);
            }
            // A name wider than its part is shortened (the share inside and the footnote's n
            // still say what it is).
            let name = fit_text(&group.label, width - 8.0 * k, s.tick);
            if width > 24.0 * k {
                self.text(x, label_top + s.tick, s.tick, theme::BODY_TEXT, Anchor::Start, &name);
            }
            x += width;
        }
        let mut y = bar_top + bar_height + 1.9 * s.subtitle;
        // A part too narrow for its share or name (3% detractors) is still said, under the bar.
        if !all_said {
            let key: Vec<String> = headline.groups.iter().map(|g| format!("{} {}", g.label, g.share_text)).collect();
            let key = fit_text(&key.join(" \u{b7} "), right - left, s.tick);
            self.text(left, y - 0.5 * s.subtitle, s.tick, theme::BODY_TEXT, Anchor::Start, &key);
            y += 1.4 * s.tick;
        }
        // A long change line (a slide's larger text) wraps onto a second line rather than lose
        // its test.
        for line in [&headline.change, &headline.verdict].into_iter().flatten() {
            let colour = if line.tone == Tone::Neutral { theme::BODY_TEXT.to_owned() } else { self.ink(line.tone) };
            let colour = colour.as_str();
            for text in wrap_text(&line.text, right - left, s.subtitle, 2) {
                self.text(left, y, s.subtitle, colour, Anchor::Start, &text);
                y += 1.3 * s.subtitle;
            }
            y += 0.3 * s.subtitle;
        }
    }

    /// The key drivers' map: performance across, importance up, each driver a point in its
    /// quadrant's colour with its interval and name, the medians dashed, the quadrants named in
    /// their corners.
    fn map(&mut self, spec: &ChartSpec, map: &crate::chart::ImportanceMap, margin: f64, top: f64, bottom: f64) {
        let (k, s) = (self.k, self.sizes);
        let (x_axis, y_axis) = (&map.performance, &spec.value_axis);
        let widest_tick = y_axis.ticks.iter().map(|t| text_width(&t.label, s.tick)).fold(0.0, f64::max);
        let left = margin + 1.6 * s.tick + widest_tick + 12.0 * k;
        let right = self.width - margin;
        let plot_bottom = bottom - 3.0 * s.tick;
        let plot_top = top + 0.5 * s.tick;
        let span = |axis: &crate::chart::Axis| (axis.max - axis.min).max(f64::EPSILON);
        let x_of = |v: f64| left + (right - left) * (v - x_axis.min) / span(x_axis);
        let y_of = |v: f64| plot_bottom - (plot_bottom - plot_top) * (v - y_axis.min) / span(y_axis);
        for tick in &y_axis.ticks {
            let y = y_of(tick.value);
            self.line((left, y), (right, y), theme::GRID, 1.5 * k);
            self.text(left - 10.0 * k, centred_baseline(y, s.tick), s.tick, theme::BODY_TEXT, Anchor::End, &tick.label);
        }
        for tick in &x_axis.ticks {
            let x = x_of(tick.value);
            self.line((x, plot_top), (x, plot_bottom), theme::GRID, 1.5 * k);
            self.text(x, plot_bottom + 1.3 * s.tick, s.tick, theme::BODY_TEXT, Anchor::Middle, &tick.label);
        }
        self.line((left, plot_bottom), (right, plot_bottom), theme::AXIS, 2.0 * k);
        self.line((left, plot_top), (left, plot_bottom), theme::AXIS, 2.0 * k);
        let x_title = fit_text(&x_axis.title, right - left, s.tick);
        self.text((left + right) / 2.0, plot_bottom + 2.7 * s.tick, s.tick, theme::BODY_TEXT, Anchor::Middle, &x_title);
        let y_title = fit_text(&y_axis.title, plot_bottom - plot_top, s.tick);
        let (tx, ty) = (margin + s.tick, (plot_top + plot_bottom) / 2.0);
        let _ = writeln!(
            self.out,
            "<text x=\"{tx:.1}\" y=\"{ty:.1}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 {tx:.1} {ty:.1})\">{}</text>",
            s.tick,
            theme::BODY_TEXT,
            escape_xml(&y_title)
        );
        // The cross-hairs at the medians, dashed, and the quadrants' names in their corners.
        let (mx, my) = (x_of(map.performance_median), y_of(map.importance_median));
        for ((x1, y1), (x2, y2)) in [((mx, plot_top), (mx, plot_bottom)), ((left, my), (right, my))] {
            let _ = writeln!(
                self.out,
                "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{}\" stroke-width=\"{:.1}\" stroke-dasharray=\"{:.1} {:.1}\"/>",
                theme::AXIS,
                2.0 * k,
                10.0 * k,
                7.0 * k
            );
        }
        let pad = 10.0 * k;
        let corners = [
            (left + pad, plot_top + s.tick + pad, Anchor::Start),
            (right - pad, plot_top + s.tick + pad, Anchor::End),
            (left + pad, plot_bottom - pad, Anchor::Start),
            (right - pad, plot_bottom - pad, Anchor::End),
        ];
        // Names already written, as (left, top, right, bottom): the corners' first.
        let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
        for (name, (x, y, anchor)) in map.quadrants.iter().zip(corners) {
            let name = fit_text(name, 0.45 * (right - left), s.tick);
            self.text(x, y, s.tick, theme::MUTED_TEXT, anchor, &name);
            let width = text_width(&name, s.tick);
            let x0 = if anchor == Anchor::End { x - width } else { x };
            placed.push((x0, y - s.tick, x0 + width, y + 0.3 * s.tick));
        }
        // Intervals under the points, the points, then their names beside them.
        let radius = 9.0 * k;
        for p in &map.points {
            let x = x_of(p.performance);
            if let (Some(low), Some(high)) = (p.low, p.high) {
                let ink = self.ink(p.tone);
                self.line((x, y_of(low)), (x, y_of(high)), &ink, 2.5 * k);
                for v in [low, high] {
                    self.line((x - 6.0 * k, y_of(v)), (x + 6.0 * k, y_of(v)), &ink, 2.5 * k);
                }
            }
        }
        let room = 0.28 * (right - left);
        for p in &map.points {
            let (x, y) = (x_of(p.performance), y_of(p.importance));
            let ink = self.ink(p.tone);
            self.marker(Marker::Circle, (x, y), radius, &ink);
            let label = fit_text(&p.label, room, s.tick);
            let (width, height) = (text_width(&label, s.tick), 1.25 * s.tick);
            let gap = radius + 8.0 * k;
            let right_side = x + gap + width <= right;
            // Beside the point, on the side with room; nudged up or down past names already
            // written, else left to the table (points close together).
            let spot = [0.0, -1.0, 1.0, -2.0, 2.0].into_iter().find_map(|step: f64| {
                let middle = y + step * height;
                let x0 = if right_side { x + gap } else { x - gap - width };
                let area = (x0, middle - height / 2.0, x0 + width, middle + height / 2.0);
                let inside = area.0 >= left && area.2 <= right && area.1 >= plot_top && area.3 <= plot_bottom;
                let free = placed.iter().all(|b| area.2 <= b.0 || b.2 <= area.0 || area.3 <= b.1 || b.3 <= area.1);
                (inside && free).then_some(area)
            });
            if let Some(area) = spot {
                let baseline = centred_baseline((area.1 + area.3) / 2.0, s.tick);
                self.text(area.0, baseline, s.tick, theme::BODY_TEXT, Anchor::Start, &label);
                placed.push(area);
            }
        }
    }

    /// A heat-map matrix: the categories' labels down the left, the columns' across the top,
    /// each cell filled by its NPS and holding it, and the colour key under the grid.
    fn matrix(
        &mut self,
        spec: &ChartSpec,
        columns: &[String],
        cells: &[MatrixCell],
        margin: f64,
        top: f64,
        bottom: f64,
    ) {
        let (k, s) = (self.k, self.sizes);
        let (rows, across) = (spec.categories.len().max(1), columns.len().max(1));
        let key_height = 1.7 * s.tick;
        let grid_bottom = bottom - key_height - 20.0 * k;
        let widest = spec.categories.iter().map(|c| text_width(&c.label, s.tick)).fold(0.0, f64::max);
        let label_column = widest.max(text_width(&spec.category_title, s.tick)).min(0.3 * self.width);
        let left = margin + label_column + 18.0 * k;
        let right = self.width - margin;
        // Two header lines: the columns' column, then each column's value.
        let title_line = top + 0.9 * s.tick;
        let labels_line = title_line + 1.5 * s.tick;
        let grid_top = labels_line + 0.7 * s.tick;
        let width = (right - left) / across as f64;
        let height = ((grid_bottom - grid_top) / rows as f64).min(3.4 * s.value);
        let gap = 3.0 * k;
        let value_size = s.value.min(0.5 * height).min(0.3 * width).max(8.0 * k);
        if !spec.value_axis.title.is_empty() {
            let title = fit_text(&spec.value_axis.title, right - left, s.tick);
            self.text((left + right) / 2.0, title_line, s.tick, theme::BODY_TEXT, Anchor::Middle, &title);
        }
        if !spec.category_title.is_empty() {
            let title = fit_text(&spec.category_title, label_column, s.tick);
            self.text(left - 18.0 * k, labels_line, s.tick, theme::BODY_TEXT, Anchor::End, &title);
        }
        for (c, label) in columns.iter().enumerate() {
            let label = fit_text(label, width - 2.0 * gap, s.tick);
            let x = left + width * (c as f64 + 0.5);
            self.text(x, labels_line, s.tick, theme::BODY_TEXT, Anchor::Middle, &label);
        }
        for (r, category) in spec.categories.iter().enumerate() {
            let y = grid_top + height * (r as f64 + 0.5);
            let label = fit_text(&category.label, label_column, s.tick);
            self.text(left - 18.0 * k, centred_baseline(y, s.tick), s.tick, theme::BODY_TEXT, Anchor::End, &label);
        }
        let background = palette::rgb(theme::BACKGROUND);
        for cell in cells {
            let fill = palette::heat(cell.nps, background, false);
            let hex = palette::hex(fill);
            let (x, y) = (left + width * cell.column as f64, grid_top + height * cell.row as f64);
            let opacity = if cell.small_n { theme::SMALL_N_OPACITY } else { 1.0 };
            self.rect((x + gap, y + gap, width - 2.0 * gap, height - 2.0 * gap), &hex, opacity);
            let ink = if cell.small_n { theme::BODY_TEXT } else { palette::text_on(fill) };
            let mark = if cell.significant { "*" } else { "" };
            let text = signed(cell.nps) + mark;
            // Under the NPS, when the cell has room: its interval and n, smaller.
            let detail_size = 0.72 * value_size;
            let detail = match (cell.ci_low, cell.ci_high) {
                (Some(low), Some(high)) => {
                    format!("{} – {} · n = {}", signed(low), signed(high), grouped(cell.n, spec.thousands))
                }
                _ => format!("n = {}", grouped(cell.n, spec.thousands)),
            };
            let two_lines =
                height - 2.0 * gap > 2.6 * value_size && text_width(&detail, detail_size) < width - 4.0 * gap;
            let middle = y + height / 2.0;
            if two_lines {
                let nps_line = centred_baseline(middle - 0.5 * value_size, value_size);
                self.text(x + width / 2.0, nps_line, value_size, ink, Anchor::Middle, &text);
                let detail_line = centred_baseline(middle + 0.6 * value_size, detail_size);
                self.text(x + width / 2.0, detail_line, detail_size, ink, Anchor::Middle, &detail);
            } else {
                self.text(
                    x + width / 2.0,
                    centred_baseline(middle, value_size),
                    value_size,
                    ink,
                    Anchor::Middle,
                    &text,
                );
            }
        }
        // The colour key: the NPS at -100, -50, 0, +50 and +100.
        let key_top = grid_top + height * rows as f64 + 20.0 * k;
        let title = spec.series.iter().find_map(|series| match series {
            Series::Cells { name, .. } => Some(name.as_str()),
            _ => None,
        });
        let mut x = left;
        if let Some(title) = title {
            let baseline = centred_baseline(key_top + key_height / 2.0, s.tick);
            self.text(left - 18.0 * k, baseline, s.tick, theme::BODY_TEXT, Anchor::End, title);
        }
        for value in [-100.0, -50.0, 0.0, 50.0, 100.0] {
            let fill = palette::heat(value, background, false);
            let hex = palette::hex(fill);
            let swatch = 90.0 * k;
            self.rect((x, key_top, swatch, key_height), &hex, 1.0);
            let label = if value == 0.0 { "0".to_owned() } else { format!("{value:+.0}") };
            let baseline = centred_baseline(key_top + key_height / 2.0, s.tick);
            self.text(x + swatch / 2.0, baseline, s.tick, palette::text_on(fill), Anchor::Middle, &label);
            x += swatch + 4.0 * k;
        }
    }

    /// Draws the legend rows from `top`; returns the y below them.
    fn legend(&mut self, entries: &[LegendEntry], margin: f64, top: f64) -> f64 {
        let (k, size) = (self.k, self.sizes.legend);
        let symbol = 36.0 * k;
        let row_height = 1.6 * size;
        let available = self.width - 2.0 * margin;
        let (mut x, mut y) = (margin, top);
        for entry in entries {
            let label = fit_text(&entry.label, available - symbol - 12.0 * k, size);
            let width = symbol + 12.0 * k + text_width(&label, size);
            if x > margin && x + width > margin + available {
                x = margin;
                y += row_height;
            }
            let centre = y + row_height / 2.0;
            self.legend_symbol(entry, (x, centre), symbol, size);
            self.text(
                x + symbol + 12.0 * k,
                centred_baseline(centre, size),
                size,
                theme::BODY_TEXT,
                Anchor::Start,
                &label,
            );
            x += width + 40.0 * k;
        }
        y + row_height
    }

    fn legend_symbol(&mut self, entry: &LegendEntry, (x, centre): (f64, f64), width: f64, size: f64) {
        let k = self.k;
        let colour = self.ink(entry.tone);
        let colour = colour.as_str();
        let half = 0.38 * size;
        match entry.symbol {
            LegendSymbol::Box => self.rect((x + 4.0 * k, centre - half, width - 8.0 * k, 2.0 * half), colour, 1.0),
            LegendSymbol::PaleBox => {
                // Outlined, so a pale mark is not taken for an interval band.
                let (left, right, top, bottom) = (x + 4.0 * k, x + width - 4.0 * k, centre - half, centre + half);
                self.rect((left, top, right - left, bottom - top), colour, theme::SMALL_N_OPACITY);
                for (from, to) in [
                    ((left, top), (right, top)),
                    ((right, top), (right, bottom)),
                    ((right, bottom), (left, bottom)),
                    ((left, bottom), (left, top)),
                ] {
                    self.line(from, to, colour, 1.5 * k);
                }
            }
            LegendSymbol::Line => self.line((x, centre), (x + width, centre), colour, 4.0 * k),
            LegendSymbol::Band => self.rect((x, centre - half, width, 2.0 * half), colour, 0.3),
            LegendSymbol::Whisker => {
                self.line((x + 3.0 * k, centre), (x + width - 3.0 * k, centre), theme::WHISKER, 3.0 * k);
                self.line((x + 3.0 * k, centre - half), (x + 3.0 * k, centre + half), theme::WHISKER, 3.0 * k);
                let end = x + width - 3.0 * k;
                self.line((end, centre - half), (end, centre + half), theme::WHISKER, 3.0 * k);
            }
            LegendSymbol::Marker(marker) => self.marker(marker, (x + width / 2.0, centre), 0.4 * size, colour),
            LegendSymbol::Range => {
                self.rect((x, centre - half, width, 2.0 * half), theme::BENCHMARK, theme::BENCHMARK_BAND_OPACITY);
            }
            LegendSymbol::Star => {
                self.text(
                    x + width / 2.0,
                    centred_baseline(centre, 1.4 * size),
                    1.4 * size,
                    colour,
                    Anchor::Middle,
                    "*",
                );
            }
            LegendSymbol::Average => {
                let mid = x + width / 2.0;
                self.line((mid, centre - 1.3 * half), (mid, centre + 1.3 * half), theme::BENCHMARK_TICK, 7.0 * k);
            }
        }
    }

    /// Categories down the left, values along x, value labels in a column at the right.
    fn horizontal(&mut self, spec: &ChartSpec, margin: f64, top: f64, bottom: f64) {
        let (k, s) = (self.k, self.sizes);
        let rows = spec.categories.len().max(1);
        let header = 1.5 * s.tick;
        let plot_top = top + header;
        let plot_bottom =
            bottom - 1.6 * s.tick - if spec.value_axis.title.is_empty() { 0.0 } else { 1.6 * s.axis_title };
        let row_height = (plot_bottom - plot_top) / rows as f64;
        let label_size = s.tick.min(0.62 * row_height).max(8.0 * k);
        let value_size = s.value.min(0.58 * row_height).max(8.0 * k);
        let widest_label = spec.categories.iter().map(|c| text_width(&c.label, label_size)).fold(0.0, f64::max);
        let label_column =
            widest_label.min(0.3 * self.width).max(text_width(&spec.category_title, s.tick).min(0.3 * self.width));
        let value_labels = category_labels(spec);
        let widest_value = value_labels.iter().flatten().map(|l| text_width(l, value_size)).fold(0.0, f64::max);
        let value_column = widest_value.min(0.22 * self.width);
        let left = margin + label_column + 22.0 * k;
        let right = self.width - margin - if value_column > 0.0 { value_column + 24.0 * k } else { 0.0 };
        let frame = Frame {
            orientation: Orientation::Horizontal,
            left,
            top: plot_top,
            right,
            bottom: plot_bottom,
            min: spec.value_axis.min,
            max: spec.value_axis.max,
            categories: rows,
        };
        self.grid(spec, &frame);
        self.plot_series(spec, &frame);
        // Category title as the label column's header; chart-wide references labelled in the header.
        if !spec.category_title.is_empty() {
            let title = fit_text(&spec.category_title, label_column, s.tick);
            self.text(left - 22.0 * k, plot_top - 0.45 * s.tick, s.tick, theme::BODY_TEXT, Anchor::End, &title);
        }
        self.chart_wide_reference_labels(spec, &frame, plot_top - 0.45 * s.tick);
        for (i, category) in spec.categories.iter().enumerate() {
            let y = centred_baseline(frame.category(i), label_size);
            let fill = if category.small_n { theme::MUTED_TEXT } else { theme::BODY_TEXT };
            let label = fit_text(&category.label, label_column, label_size);
            self.text(left - 22.0 * k, y, label_size, fill, Anchor::End, &label);
            if let Some(Some(value)) = value_labels.get(i) {
                let value = fit_text(value, value_column, value_size);
                self.text(
                    right + 24.0 * k,
                    centred_baseline(frame.category(i), value_size),
                    value_size,
                    fill,
                    Anchor::Start,
                    &value,
                );
            }
        }
        self.line((left, plot_bottom), (right, plot_bottom), theme::AXIS, 2.0 * k);
        for tick in &spec.value_axis.ticks {
            let x = frame.value(tick.value);
            self.line((x, plot_bottom), (x, plot_bottom + 8.0 * k), theme::AXIS, 2.0 * k);
            self.text(x, plot_bottom + 1.25 * s.tick, s.tick, theme::BODY_TEXT, Anchor::Middle, &tick.label);
        }
        if !spec.value_axis.title.is_empty() {
            let title = fit_text(&spec.value_axis.title, right - left, s.axis_title);
            let y = plot_bottom + 1.6 * s.tick + 1.15 * s.axis_title;
            self.text((left + right) / 2.0, y, s.axis_title, theme::BODY_TEXT, Anchor::Middle, &title);
        }
    }

    /// Categories along x, values up the y axis.
    fn vertical(&mut self, spec: &ChartSpec, margin: f64, top: f64, bottom: f64) {
        let (k, s) = (self.k, self.sizes);
        let columns = spec.categories.len().max(1);
        let widest_tick = spec.value_axis.ticks.iter().map(|t| text_width(&t.label, s.tick)).fold(0.0, f64::max);
        let title_strip = if spec.value_axis.title.is_empty() { 0.0 } else { 1.5 * s.axis_title };
        let left = margin + title_strip + widest_tick + 16.0 * k;
        let right = self.width - margin;
        // A single line (the trend) says each period's n under its label.
        let counts = line_counts(spec).map(|counts| {
            counts.into_iter().map(|n| format!("n = {}", grouped(n, spec.thousands))).collect::<Vec<_>>()
        });
        let n_strip = if counts.is_some() { 1.3 * s.footnote } else { 0.0 };
        let plot_bottom =
            bottom - 1.6 * s.tick - n_strip - if spec.category_title.is_empty() { 0.0 } else { 1.6 * s.axis_title };
        let plot_top = top + 0.6 * s.value;
        let frame = Frame {
            orientation: Orientation::Vertical,
            left,
            top: plot_top,
            right,
            bottom: plot_bottom,
            min: spec.value_axis.min,
            max: spec.value_axis.max,
            categories: columns,
        };
        self.grid(spec, &frame);
        self.plot_series(spec, &frame);
        self.chart_wide_reference_labels(spec, &frame, plot_top);
        self.vertical_value_labels(spec, &frame);
        self.line((left, plot_bottom), (right, plot_bottom), theme::AXIS, 2.0 * k);
        for tick in &spec.value_axis.ticks {
            let y = frame.value(tick.value);
            self.text(left - 14.0 * k, centred_baseline(y, s.tick), s.tick, theme::BODY_TEXT, Anchor::End, &tick.label);
        }
        // Category labels: every label when they fit, else every `step`-th (lines), else shortened.
        let slot = frame.slot();
        let widest = spec.categories.iter().map(|c| text_width(&c.label, s.tick)).fold(0.0, f64::max);
        let widest_n = counts.iter().flatten().map(|n| text_width(n, s.footnote)).fold(0.0, f64::max);
        let has_bars = spec.series.iter().any(|x| matches!(x, Series::Bars { .. }));
        let step = if has_bars { 1 } else { ((widest.max(widest_n) + 16.0 * k) / slot).ceil().max(1.0) as usize };
        for (i, category) in spec.categories.iter().enumerate().filter(|(i, _)| i % step == 0) {
            let label = fit_text(&category.label, slot * step as f64 - 10.0 * k, s.tick);
            let fill = if category.small_n { theme::MUTED_TEXT } else { theme::BODY_TEXT };
            // Keep the first and last labels on the canvas.
            let half = text_width(&label, s.tick) / 2.0;
            let x = frame.category(i).clamp(margin + half, (self.width - margin - half).max(margin + half));
            self.text(x, plot_bottom + 1.25 * s.tick, s.tick, fill, Anchor::Middle, &label);
            if let Some(n) = counts.as_ref().and_then(|counts| counts.get(i)) {
                let n = fit_text(n, slot * step as f64 - 10.0 * k, s.footnote);
                let y = plot_bottom + 1.25 * s.tick + 1.25 * s.footnote;
                self.text(x, y, s.footnote, theme::MUTED_TEXT, Anchor::Middle, &n);
            }
        }
        if !spec.category_title.is_empty() {
            let title = fit_text(&spec.category_title, right - left, s.axis_title);
            let y = plot_bottom + 1.6 * s.tick + n_strip + 1.15 * s.axis_title;
            self.text((left + right) / 2.0, y, s.axis_title, theme::BODY_TEXT, Anchor::Middle, &title);
        }
        if !spec.value_axis.title.is_empty() {
            let title = fit_text(&spec.value_axis.title, plot_bottom - plot_top, s.axis_title);
            let (x, y) = (margin + 0.85 * s.axis_title, (plot_top + plot_bottom) / 2.0);
            let _ = writeln!(
                self.out,
                "<text x=\"{x:.1}\" y=\"{y:.1}\" font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"middle\" transform=\"rotate(-90 {x:.1} {y:.1})\">{}</text>",
                s.axis_title,
                theme::BODY_TEXT,
                escape_xml(&title)
            );
        }
    }

    /// Labels above bars and points of a vertical chart: shrunk, then shortened, to fit the slot.
    fn vertical_value_labels(&mut self, spec: &ChartSpec, frame: &Frame) {
        let (k, s) = (self.k, self.sizes);
        let room = frame.slot() - 6.0 * k;
        for (i, label) in category_labels(spec).iter().enumerate() {
            let Some(label) = label else { continue };
            let Some(value) = category_value(spec, i) else { continue };
            let size = (s.value * room / text_width(label, s.value).max(1.0)).clamp(0.6 * s.value, s.value);
            let text = fit_text(label, room, size);
            let tip = frame.value(value);
            let base = frame.value(0.0);
            let downward = tip > base;
            let mut y = if downward { tip + 1.1 * size } else { tip - 0.45 * size };
            let mut fill = theme::BODY_TEXT;
            if !downward && y - size < frame.top {
                // No room above the bar: write inside its top, in white.
                y = tip + 1.1 * size;
                fill = theme::BACKGROUND;
            }
            self.text(frame.category(i), y, size, fill, Anchor::Middle, &text);
        }
    }

    /// Grid lines at every tick and a stronger zero line.
    fn grid(&mut self, spec: &ChartSpec, frame: &Frame) {
        let k = self.k;
        for tick in &spec.value_axis.ticks {
            let p = frame.value(tick.value);
            let is_zero = tick.value.abs() < 1e-9 && spec.value_axis.min < 0.0;
            let (colour, width) = if is_zero { (theme::AXIS, 2.0 * k) } else { (theme::GRID, 1.5 * k) };
            match frame.orientation {
                Orientation::Horizontal => self.line((p, frame.top), (p, frame.bottom), colour, width),
                Orientation::Vertical => self.line((frame.left, p), (frame.right, p), colour, width),
            }
        }
    }

    /// Draws the series: benchmark ranges first, then bars, whiskers, bands and lines in spec order,
    /// then benchmark single-value ticks, then point markers on top.
    fn plot_series(&mut self, spec: &ChartSpec, frame: &Frame) {
        let references: Vec<&Reference> = spec.references().collect();
        for reference in &references {
            if let ReferenceValue::Range { low, high } = reference.value {
                let area = match reference.category {
                    None => frame.span_rect(low, high),
                    Some(i) => frame.rect(frame.category(i), 0.46 * frame.slot(), low, high),
                };
                self.rect(area, theme::BENCHMARK, theme::BENCHMARK_BAND_OPACITY);
            }
        }
        for series in &spec.series {
            match series {
                Series::Bars { bars, .. } => {
                    let half = (0.3 * frame.slot()).min(34.0 * self.k);
                    for bar in bars.iter().filter(|b| b.value.is_finite()) {
                        let base = 0.0f64.clamp(frame.min, frame.max);
                        let area = frame.rect(frame.category(bar.category), half, base, bar.value);
                        self.rect(area, &self.ink(bar.tone), opacity_of(spec, bar.category));
                    }
                }
                Series::ErrorBars { whiskers, .. } => {
                    let cap = (0.16 * frame.slot()).min(16.0 * self.k);
                    let width = 3.0 * self.k;
                    for w in whiskers.iter().filter(|w| w.low.is_finite() && w.high.is_finite()) {
                        self.group_start(opacity_of(spec, w.category));
                        let (a, b) = (frame.point(w.category, w.low), frame.point(w.category, w.high));
                        self.line(a, b, theme::WHISKER, width);
                        for (end, v) in [(a, w.low), (b, w.high)] {
                            // No cap where the interval runs off the axis.
                            if v < frame.min || v > frame.max {
                                continue;
                            }
                            let (from, to) = match frame.orientation {
                                Orientation::Horizontal => ((end.0, end.1 - cap), (end.0, end.1 + cap)),
                                Orientation::Vertical => ((end.0 - cap, end.1), (end.0 + cap, end.1)),
                            };
                            self.line(from, to, theme::WHISKER, width);
                        }
                        self.group_end();
                    }
                }
                Series::Band { tone, points, .. } => self.band(frame, *tone, points),
                Series::Line { tone, points, .. } => self.polyline(spec, frame, *tone, points),
                Series::Points { .. }
                | Series::References { .. }
                | Series::Cells { .. }
                | Series::Headline { .. }
                | Series::Map { .. } => {}
            }
        }
        for reference in &references {
            if let ReferenceValue::Average { value } = reference.value {
                let (half, centre) = match reference.category {
                    None => (
                        0.5 * match frame.orientation {
                            Orientation::Horizontal => frame.bottom - frame.top,
                            Orientation::Vertical => frame.right - frame.left,
                        },
                        match frame.orientation {
                            Orientation::Horizontal => (frame.top + frame.bottom) / 2.0,
                            Orientation::Vertical => (frame.left + frame.right) / 2.0,
                        },
                    ),
                    Some(i) => (0.46 * frame.slot(), frame.category(i)),
                };
                let p = frame.value(value);
                let (a, b) = match frame.orientation {
                    Orientation::Horizontal => ((p, centre - half), (p, centre + half)),
                    Orientation::Vertical => ((centre - half, p), (centre + half, p)),
                };
                self.line(a, b, theme::BACKGROUND, 12.0 * self.k);
                self.line(a, b, theme::BENCHMARK_TICK, 7.0 * self.k);
            }
        }
        for series in &spec.series {
            if let Series::Points { tone, points, .. } = series {
                let radius = (0.2 * frame.slot()).clamp(8.0 * self.k, 12.0 * self.k);
                for point in points.iter().filter(|p| p.value.is_finite()) {
                    self.group_start(opacity_of(spec, point.category));
                    self.marker(point.marker, frame.point(point.category, point.value), radius, &self.ink(*tone));
                    self.group_end();
                }
            }
        }
    }

    /// A shaded band, one polygon per run of categories with both bounds.
    fn band(&mut self, frame: &Frame, tone: Tone, points: &[BandPoint]) {
        for run in runs(points, |p| match (p.low, p.high) {
            (Some(l), Some(h)) if l.is_finite() && h.is_finite() => Some((p.category, l, h)),
            _ => None,
        }) {
            let colour = self.ink(tone);
            let colour = colour.as_str();
            if let [(category, low, high)] = run.as_slice() {
                // A lone period: a short vertical band so it is still visible.
                let half = (0.12 * frame.slot()).max(4.0 * self.k);
                self.rect(
                    frame.rect(frame.category(*category), half, *low, *high),
                    colour,
                    theme::INTERVAL_BAND_OPACITY,
                );
                continue;
            }
            let upper = run.iter().map(|(c, _, h)| frame.point(*c, *h));
            let lower = run.iter().rev().map(|(c, l, _)| frame.point(*c, *l));
            let d = path_of(upper.chain(lower));
            let _ = writeln!(
                self.out,
                "<path d=\"{d}Z\" fill=\"{colour}\" fill-opacity=\"{:.2}\" stroke=\"none\"/>",
                theme::INTERVAL_BAND_OPACITY
            );
        }
    }

    /// A line broken at missing values, with a small marker at every point.
    fn polyline(&mut self, spec: &ChartSpec, frame: &Frame, tone: Tone, points: &[LinePoint]) {
        let colour = self.ink(tone);
        let colour = colour.as_str();
        let present = |p: &LinePoint| p.value.filter(|v| v.is_finite()).map(|v| (p.category, v));
        for run in runs(points, present) {
            if run.len() > 1 {
                let d = path_of(run.iter().map(|(c, v)| frame.point(*c, *v)));
                let _ = writeln!(
                    self.out,
                    "<path d=\"{d}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{:.1}\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>",
                    4.0 * self.k
                );
            }
        }
        let radius = (0.14 * frame.slot()).clamp(3.0 * self.k, 7.0 * self.k);
        for (category, value) in points.iter().filter_map(present) {
            self.group_start(opacity_of(spec, category));
            self.marker(Marker::Circle, frame.point(category, value), radius, colour);
            self.group_end();
        }
    }

    /// Labels of references that span the whole chart, written just above the plot.
    fn chart_wide_reference_labels(&mut self, spec: &ChartSpec, frame: &Frame, baseline: f64) {
        let size = self.sizes.value;
        for series in &spec.series {
            let Series::References { references, .. } = series else { continue };
            for reference in references.iter().filter(|r| r.category.is_none() && !r.label.is_empty()) {
                let centre = match reference.value {
                    ReferenceValue::Range { low, high } => (low + high) / 2.0,
                    ReferenceValue::Average { value } => value,
                };
                let p = frame.value(centre);
                if frame.orientation == Orientation::Horizontal {
                    // Near an edge the label moves inwards rather than lose its words.
                    let room = 0.6 * (frame.right - frame.left);
                    let label = fit_text(&reference.label, room.max(4.0 * size), size);
                    let half = text_width(&label, size) / 2.0;
                    let x = p.clamp(frame.left + half, frame.right - half);
                    self.text(x, baseline, size, theme::BODY_TEXT, Anchor::Middle, &label);
                } else {
                    let label = fit_text(&reference.label, 0.4 * (frame.right - frame.left), size);
                    let y = centred_baseline(p, size) - 0.6 * size;
                    self.text(frame.right - 8.0 * self.k, y.max(baseline), size, theme::BODY_TEXT, Anchor::End, &label);
                }
            }
        }
    }
}

/// Each category's n when the chart has exactly one line (the trend; lines per segment value
/// would each need their own).
fn line_counts(spec: &ChartSpec) -> Option<Vec<u64>> {
    let mut lines = spec.series.iter().filter_map(|series| match series {
        Series::Line { points, .. } => Some(points),
        _ => None,
    });
    let (Some(points), None) = (lines.next(), lines.next()) else { return None };
    let mut counts = vec![0; spec.categories.len()];
    for point in points {
        if let Some(n) = counts.get_mut(point.category) {
            *n = point.n;
        }
    }
    Some(counts)
}

/// `fill-opacity="0.40"`-style attribute, empty at full opacity.
fn opacity_attribute(name: &str, opacity: f64) -> String {
    if opacity < 1.0 { format!(" {name}=\"{opacity:.2}\"") } else { String::new() }
}

/// Opacity of the marks of a category: pale for small-n rows.
fn opacity_of(spec: &ChartSpec, category: usize) -> f64 {
    if spec.categories.get(category).is_some_and(|c| c.small_n) { theme::SMALL_N_OPACITY } else { 1.0 }
}

/// The label of each category: the first label of a bar or point in it.
fn category_labels(spec: &ChartSpec) -> Vec<Option<String>> {
    let mut labels = vec![None; spec.categories.len()];
    for series in &spec.series {
        let labelled: Vec<(usize, &Option<String>)> = match series {
            Series::Bars { bars, .. } => bars.iter().map(|b| (b.category, &b.label)).collect(),
            Series::Points { points, .. } => points.iter().map(|p| (p.category, &p.label)).collect(),
            _ => Vec::new(),
        };
        for (category, label) in labelled {
            if let (Some(slot @ None), Some(label)) = (labels.get_mut(category), label) {
                *slot = Some(label.clone());
            }
        }
    }
    labels
}

/// The value a category's label belongs to: its first bar, else its first point.
fn category_value(spec: &ChartSpec, category: usize) -> Option<f64> {
    spec.series
        .iter()
        .find_map(|s| match s {
            Series::Bars { bars, .. } => {
                bars.iter().find(|b| b.category == category && b.label.is_some()).map(|b| b.value)
            }
            _ => None,
        })
        .or_else(|| {
            spec.series.iter().find_map(|s| match s {
                Series::Points { points, .. } => {
                    points.iter().find(|p| p.category == category && p.label.is_some()).map(|p| p.value)
                }
                _ => None,
            })
        })
}

/// Consecutive runs of items for which `keep` gives a value (missing ones break runs).
fn runs<T, U>(items: &[T], keep: impl Fn(&T) -> Option<U>) -> Vec<Vec<U>> {
    let mut all = Vec::new();
    let mut current = Vec::new();
    for item in items {
        match keep(item) {
            Some(value) => current.push(value),
            None if !current.is_empty() => all.push(std::mem::take(&mut current)),
            None => {}
        }
    }
    if !current.is_empty() {
        all.push(current);
    }
    all
}

/// SVG path data through points: `M x y L x y ...`.
fn path_of(points: impl Iterator<Item = (f64, f64)>) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.enumerate() {
        let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_xml("a < b & \"c\" 'd' > e"), "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e");
        assert_eq!(escape_xml("plain æøå"), "plain æøå");
        assert_eq!(escape_xml("bell\u{7}"), "bell");
    }

    #[test]
    fn every_sample_chart_parses_with_usvg_at_slide_size() {
        let options = resvg::usvg::Options { fontdb: super::super::font::font_database(), ..Default::default() };
        for spec in samples::all_charts() {
            let svg = render_svg(&spec, &SvgOptions::default());
            let tree = resvg::usvg::Tree::from_str(&svg, &options).unwrap_or_else(|e| panic!("{}: {e}", spec.id));
            assert_eq!((tree.size().width(), tree.size().height()), (1920.0, 1080.0), "{}", spec.id);
        }
    }

    #[test]
    fn a_matrix_draws_each_cell_with_its_nps_interval_and_n_and_leaves_a_pair_without_answers_blank() {
        let spec = samples::matrix();
        let svg = render_svg(&spec, &SvgOptions::default());
        // Five cells with answers, a sixth pair without any, and the key's five swatches.
        for text in [">+34*<", ">+22 – +45 · n = 210<", ">-31*<", ">-12 – +11 · n = 80<", ">-8<", ">-20 – +3 · n = 22<"]
        {
            assert!(svg.contains(text), "{text} missing");
        }
        assert!(svg.contains("Telefoon &amp; &quot;app&quot;") && svg.contains(">België<"));
        // The pale cell is see-through, its text dark; every NPS of the key is labelled.
        assert!(svg.contains(&format!("fill-opacity=\"{:.2}\"", theme::SMALL_N_OPACITY)));
        for key in [">-100<", ">-50<", ">+50<", ">+100<"] {
            assert!(svg.contains(key), "{key}");
        }
        let cells = svg.matches("<rect").count();
        // Background, 5 cells, 5 key swatches, the legend's pale box.
        assert_eq!(cells, 1 + 5 + 5 + 1, "{cells} rectangles");
    }

    #[test]
    fn the_headline_draws_the_nps_its_interval_the_shares_and_what_changed() {
        let spec = samples::headline();
        let svg = render_svg(&spec, &SvgOptions::default());
        for text in [
            ">+34.3<",
            ">95% CI +30.4 to +38.1<",
            ">n = 1,204<",
            ">48.7%<",
            ">21.3%<",
            ">Promoters (9-10)<",
            ">+6.2 points: +34.3 in 2025-Q2 (n = 612) against +28.1 in 2025-Q1 (n = 592); significant rise, p = 0.004 (Holm)<",
            ">Benchmark Retail (range +40.0 to +55.0): below<",
        ] {
            assert!(svg.contains(text), "{text} in the headline");
        }
        // A screen reader hears every line, not just the title.
        assert!(svg.contains("aria-label=\"Net Promoter Score at a glance. Net Promoter Score +34.3, 95% CI +30.4 to +38.1, n = 1,204. Detractors (0-6) 21.3%"), "{svg}");
        // A part too narrow for its share is said under the bar.
        let mut small = spec.clone();
        if let Some(Series::Headline { headline, .. }) = small.series.first_mut() {
            headline.groups[0].share = 0.02;
            headline.groups[0].share_text = "2.0%".to_owned();
        }
        let narrow = render_svg(&small, &SvgOptions::default());
        assert!(
            narrow.contains(">Detractors (0-6) 2.0% \u{b7} Passives (7-8) 30.0% \u{b7} Promoters (9-10) 48.7%<"),
            "{narrow}"
        );
        assert!(!svg.contains(">Detractors (0-6) 21.3% \u{b7}"), "no key when every part says its own share");
        // The bar's parts are in proportion to the shares, detractors on the left.
        let widths: Vec<f64> = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && !l.contains("width=\"1920.0\""))
            .filter_map(|l| l.split("width=\"").nth(1)?.split('"').next()?.parse().ok())
            .collect();
        assert_eq!(widths.len(), 3, "{widths:?}");
        assert!((widths[2] / widths[0] - 0.487 / 0.213).abs() < 0.01, "{widths:?}");
    }

    #[test]
    fn each_trend_period_says_its_n_under_its_label() {
        let mut spec = samples::trend();
        spec.thousands = '.';
        let counts = line_counts(&spec).expect("one line");
        assert_eq!(counts.len(), spec.categories.len());
        let svg = render_svg(&spec, &SvgOptions::default());
        for n in counts {
            assert!(svg.contains(&format!(">n = {}<", grouped(n, '.'))), "n = {n} in the trend");
        }
        // Lines per segment value do not: each line has its own n.
        let mut two = spec.clone();
        let line = two.series.iter().find(|s| matches!(s, Series::Line { .. })).cloned().unwrap();
        two.series.push(line);
        assert!(line_counts(&two).is_none());
    }

    #[test]
    fn hostile_labels_are_escaped_in_the_svg() {
        let mut spec = samples::segments();
        spec.title = "<script>alert('x')</script> & co".to_owned();
        spec.categories[0].label = "Zuid & \"Oost\" <b>".to_owned();
        let svg = render_svg(&spec, &SvgOptions::default());
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; co"));
        assert!(svg.contains("Zuid &amp; &quot;Oost&quot; &lt;b&gt;"));
        let options = resvg::usvg::Options { fontdb: super::super::font::font_database(), ..Default::default() };
        assert!(resvg::usvg::Tree::from_str(&svg, &options).is_ok());
    }

    #[test]
    fn long_category_labels_are_shortened_with_an_ellipsis() {
        let mut spec = samples::segments();
        spec.categories[0].label = "Een heel erg lange segmentnaam die nooit op de regel past ".repeat(4);
        let svg = render_svg(&spec, &SvgOptions::default());
        assert!(svg.contains('\u{2026}'));
        assert!(!svg.contains(&spec.categories[0].label));
    }

    #[test]
    fn inline_svg_has_no_namespace_url_and_scales() {
        let svg = render_svg(&samples::trend(), &SvgOptions { standalone: false, ..SvgOptions::default() });
        assert!(svg.starts_with("<svg viewBox"));
        assert!(!svg.contains("http"));
    }

    #[test]
    fn a_brand_colour_paints_the_estimate_and_titles_and_leaves_the_groups_alone() {
        let options = SvgOptions { primary: Some([0x7B, 0x2D, 0x8E]), ..SvgOptions::default() };
        let segments = render_svg(&samples::segments(), &options);
        assert!(segments.contains("#7B2D8E") && !segments.contains(palette::NEUTRAL), "the NPS bars and title");
        let distribution = render_svg(&samples::distribution(), &options);
        for group in [palette::PROMOTER, palette::PASSIVE, palette::DETRACTOR] {
            assert!(distribution.contains(group), "{group} kept");
        }
        let plain = render_svg(&samples::segments(), &SvgOptions::default());
        assert!(plain.contains(palette::NEUTRAL) && !plain.contains("#7B2D8E"));
    }
}
