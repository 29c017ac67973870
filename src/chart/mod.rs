//! Charts as data: a [`ChartSpec`] says what a chart shows (categories, a value axis, series of
//! bars, whiskers, bands, lines, markers and benchmark references, legend, footnote). The window
//! draws it with egui_plot and `export` renders the same spec to SVG and PNG, so what the user sees
//! is what they export.
//!
//! Everything is in data units (values and category indices), never pixels: category `i` sits at
//! position `i` on the category axis; with [`Orientation::Vertical`] categories run left to right
//! along x and values go up; with [`Orientation::Horizontal`] categories run top to bottom (egui_plot
//! can place category `i` at y = -i) and values go along x.
//!
//! Owns chart descriptions and the builders that turn result rows into them, the description of
//! tables (`table`), the report's title block ([`ReportInfo`]), file-name stems and the one
//! palette of every chart ([`palette`]); no drawing and no statistics happen here.

use serde::Serialize;

use crate::analysis::NpsSummary;

pub mod table;

/// Title, source and date shown on the report and the deck's title slide, and the deck's quote
/// slides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReportInfo {
    /// Report title.
    pub title: String,
    /// The analysed file's name (no folders: it may name a client).
    pub source_file: String,
    /// The date the report was made, as shown (`2025-06-30`); ISO `YYYY-MM-DD` also dates the deck.
    pub date: String,
    /// A line under the title (filters, period), empty for none.
    pub subtitle: String,
    /// Language of the texts as a BCP 47 tag (`nl-NL`, `da-DK`); empty means `en-US`.
    pub language: String,
    /// Slides of quotes after the charts: what detractors say about each top theme.
    pub quotes: Vec<QuoteSlide>,
    /// The rows left out and why, for the deck's data-quality slide (none: no such slide).
    pub data_quality: Option<table::Table>,
    /// The client's brand: name, logo, colours and font.
    pub brand: Brand,
}

/// How the reports look for a client: set once (the app's Report details, or `--title`,
/// `--client`, `--source-name`, `--logo`, `--brand-colour`, `--font`), saved with the project and
/// used by every export. Empty fields leave the defaults.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Brand {
    /// The report's title, instead of `NPS report: <file>`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// The client the report is for, under the title.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub client: String,
    /// The data as the user calls it (`Customer survey Q3 2025`), instead of the file's name in
    /// footnotes and on the title page.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source_name: String,
    /// The logo as a `data:image/png;base64,…` or `data:image/svg+xml;base64,…` URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
    /// Up to two colours as `#RRGGBB`: the first for titles and the estimate's bars and lines,
    /// the second an accent (the deck's theme); an empty first one is none. The groups keep
    /// their colours, which mean something.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub colours: Vec<String>,
    /// The font of every export (`Calibri`): the deck, the workbook's charts and the HTML name it;
    /// the PNG and PDF draw with it and the PDF embeds it when it is installed on the computer
    /// that exports, else they keep the embedded DejaVu Sans.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub font: String,
    /// A PowerPoint template (.pptx, 16:9) whose slide master, layouts and theme frame the deck.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<std::path::PathBuf>,
}

/// Why a brand setting was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrandError {
    /// Not `#RRGGBB` (or `RRGGBB`).
    #[error("'{0}' is not a colour: write it as #RRGGBB, e.g. #1F4E79")]
    Colour(String),
    /// A logo that is neither PNG nor SVG, or too large.
    #[error("{0}")]
    Logo(String),
}

/// The largest logo kept (it goes into every deck, report and project).
pub const LOGO_LIMIT: usize = 2 * 1024 * 1024;

impl Brand {
    /// A colour as `#RRGGBB` (upper case), from `#rrggbb` or `rrggbb`.
    pub fn colour(text: &str) -> Result<String, BrandError> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(format!("#{}", hex.to_ascii_uppercase()))
        } else {
            Err(BrandError::Colour(text.trim().to_owned()))
        }
    }

    /// A logo's data URL from the bytes of a PNG or SVG file named `name`.
    pub fn logo_of(name: &str, bytes: &[u8]) -> Result<String, BrandError> {
        use base64::Engine as _;
        if bytes.len() > LOGO_LIMIT {
            return Err(BrandError::Logo(format!(
                "{name}: the logo is {:.1} MB; at most 2 MB is kept (export it smaller)",
                bytes.len() as f64 / 1e6
            )));
        }
        let kind = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            "image/png"
        } else if String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).contains("<svg") {
            "image/svg+xml"
        } else {
            return Err(BrandError::Logo(format!("{name}: a logo must be a PNG or SVG file")));
        };
        Ok(format!("data:{kind};base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes)))
    }

    /// The logo's bytes and whether it is SVG (else PNG).
    #[must_use]
    pub fn logo_bytes(&self) -> Option<(Vec<u8>, bool)> {
        use base64::Engine as _;
        let url = self.logo_url()?;
        let (head, data) = url.split_once(";base64,")?;
        let bytes = base64::engine::general_purpose::STANDARD.decode(data).ok()?;
        Some((bytes, head.ends_with("svg+xml")))
    }

    /// The `k`-th brand colour when it is a `#RRGGBB` colour (anything else, as a hand-edited
    /// project may hold, is ignored), else `default`.
    #[must_use]
    pub fn colour_or<'a>(&'a self, k: usize, default: &'a str) -> &'a str {
        let valid = |c: &&String| c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit());
        self.colours.get(k).filter(valid).map_or(default, String::as_str)
    }

    /// The first brand colour, else `default`.
    #[must_use]
    pub fn primary<'a>(&'a self, default: &'a str) -> &'a str {
        self.colour_or(0, default)
    }

    /// The logo's data URL when it is a base64 PNG or SVG (never a link to fetch).
    #[must_use]
    pub fn logo_url(&self) -> Option<&str> {
        self.logo
            .as_deref()
            .filter(|url| url.starts_with("data:image/png;base64,") || url.starts_with("data:image/svg+xml;base64,"))
    }

    /// The main colour as red, green and blue, when the brand has one.
    #[must_use]
    pub fn primary_rgb(&self) -> Option<[u8; 3]> {
        Some(self.primary("")).filter(|c| !c.is_empty()).map(palette::rgb)
    }

    /// The font's family name when one is set and it is safe to write unescaped into SVG and CSS
    /// (letters, digits, spaces, `-`, `_`, `.`, at most 64 characters).
    #[must_use]
    pub fn font_family(&self) -> Option<&str> {
        safe_font_name(&self.font)
    }

    /// The font, else `default`.
    #[must_use]
    pub fn font_or<'a>(&'a self, default: &'a str) -> &'a str {
        if self.font.trim().is_empty() { default } else { self.font.trim() }
    }
}

/// `name` trimmed, when it is a plausible font family name that is safe to write unescaped into
/// SVG, CSS and XML: letters, digits, spaces, `-`, `_` and `.`, at most 64 characters.
#[must_use]
pub fn safe_font_name(name: &str) -> Option<&str> {
    let name = name.trim();
    let allowed = |c: char| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.');
    (!name.is_empty() && name.chars().count() <= 64 && name.chars().all(allowed)).then_some(name)
}

/// A slide of quotes: what detractors said about one theme, anonymised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteSlide {
    /// `What detractors say about Delivery`.
    pub title: String,
    /// The quotes, as they will be shown (without quotation marks).
    pub quotes: Vec<String>,
    /// Who said them and how often the theme comes up.
    pub footnote: String,
}

impl ReportInfo {
    /// The report with `brand`: its title, when it has one, and the brand for the exports to
    /// use.
    #[must_use]
    pub fn branded(mut self, brand: Brand) -> Self {
        if !brand.title.trim().is_empty() {
            self.title = brand.title.trim().to_owned();
        }
        self.brand = brand;
        self
    }

    /// The language tag, `en-US` when none was given.
    #[must_use]
    pub fn language(&self) -> &str {
        if self.language.trim().is_empty() { "en-US" } else { self.language.trim() }
    }
}

/// A file name stem from any text: lower-case letters and digits, other characters as `-`, at
/// most 60 characters, never empty and never a name Windows reserves.
#[must_use]
pub fn file_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_matches('-').chars().take(60).collect();
    let stem = stem.trim_end_matches('-').to_owned();
    let reserved = ["con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "lpt1", "lpt2", "lpt3"];
    if stem.is_empty() {
        "export".to_owned()
    } else if reserved.contains(&stem.as_str()) {
        format!("{stem}-file")
    } else {
        stem
    }
}

/// The one palette of every chart, on screen and in every export: a colour-blind-safe palette
/// from Okabe & Ito (2008), "Color Universal Design", for the light theme and the exported files,
/// and lighter shades of the same hues for the window's dark theme. `ui::theme` and
/// `export::theme` take their colours from here and name none of their own.
pub mod palette {
    use super::Tone;

    /// Promoters: Okabe-Ito bluish green.
    pub const PROMOTER: &str = "#009E73";
    /// Passives: a mid grey, set apart from both other groups by lightness as well as hue.
    pub const PASSIVE: &str = "#A3A3A3";
    /// Detractors: Okabe-Ito vermillion.
    pub const DETRACTOR: &str = "#D55E00";
    /// NPS bars and trend lines: Okabe-Ito blue.
    pub const NEUTRAL: &str = "#0072B2";
    /// Significance markers: near black.
    pub const HIGHLIGHT: &str = "#1A1A1A";
    /// Benchmark references: Okabe-Ito reddish purple.
    pub const BENCHMARK: &str = "#CC79A7";
    /// Benchmark single-value ticks: a darker shade of [`BENCHMARK`], so a thin line stands out.
    pub const BENCHMARK_TICK: &str = "#9C4A7A";
    /// Interval whiskers.
    pub const WHISKER: &str = "#2B2B2B";
    /// Several lines of one chart: Okabe-Ito blue, orange, bluish green, reddish purple, sky blue
    /// and vermillion (yellow and black are too faint on white or dark).
    pub const SERIES: [&str; 6] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"];
    /// The same hues, lighter, for the dark window.
    pub const SERIES_DARK: [&str; 6] = ["#5AA9E6", "#F5B841", "#3DC99E", "#E3A0C8", "#8FD3F7", "#F28A3C"];

    /// The fill colour of a tone on a light background (the exports' and the light window's), or
    /// on the dark window's.
    #[must_use]
    pub fn tone(tone: Tone, dark: bool) -> &'static str {
        match (tone, dark) {
            (Tone::Promoter, false) => PROMOTER,
            (Tone::Promoter, true) => "#3DC99E",
            (Tone::Passive, false) => PASSIVE,
            (Tone::Passive, true) => "#B8B8B8",
            (Tone::Detractor, false) => DETRACTOR,
            (Tone::Detractor, true) => "#F28A3C",
            (Tone::Neutral, false) => NEUTRAL,
            (Tone::Neutral, true) => "#56B4E9",
            (Tone::Highlight, false) => HIGHLIGHT,
            (Tone::Highlight, true) => "#F0F0F0",
            (Tone::Benchmark, false) => BENCHMARK,
            (Tone::Benchmark, true) => "#E3A0C8",
            (Tone::Series(k), false) => SERIES[usize::from(k) % SERIES.len()],
            (Tone::Series(k), true) => SERIES_DARK[usize::from(k) % SERIES_DARK.len()],
        }
    }

    /// The benchmark tick's colour, light or dark.
    #[must_use]
    pub fn benchmark_tick(dark: bool) -> &'static str {
        if dark { "#F0C0DC" } else { BENCHMARK_TICK }
    }

    /// The whiskers' colour, light or dark.
    #[must_use]
    pub fn whisker(dark: bool) -> &'static str {
        if dark { "#E8E8E8" } else { WHISKER }
    }

    /// Red, green and blue of a `#RRGGBB` colour (black for anything else).
    #[must_use]
    pub fn rgb(hex: &str) -> [u8; 3] {
        let channel = |at: usize| hex.get(at..at + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).unwrap_or(0);
        [channel(1), channel(3), channel(5)]
    }

    /// The fill of a matrix cell of NPS `nps` over `base` (the background): the detractors' hue
    /// below zero and the promoters' above, stronger the further from zero; never quite the
    /// background, so a zero cell is still a cell.
    #[must_use]
    pub fn heat(nps: f64, base: [u8; 3], dark: bool) -> [u8; 3] {
        let hue = rgb(tone(if nps < 0.0 { Tone::Detractor } else { Tone::Promoter }, dark));
        let share = 0.12 + 0.88 * (nps.abs() / 100.0).clamp(0.0, 1.0);
        let mix = |from: u8, to: u8| (f64::from(from) + (f64::from(to) - f64::from(from)) * share).round() as u8;
        [mix(base[0], hue[0]), mix(base[1], hue[1]), mix(base[2], hue[2])]
    }

    /// WCAG relative luminance of an opaque colour, 0 (black) to 1 (white).
    #[must_use]
    pub fn luminance(colour: [u8; 3]) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(colour[0]) + 0.7152 * linear(colour[1]) + 0.0722 * linear(colour[2])
    }

    /// `#RRGGBB` of a colour.
    #[must_use]
    pub fn hex(colour: [u8; 3]) -> String {
        format!("#{:02X}{:02X}{:02X}", colour[0], colour[1], colour[2])
    }

    /// Black or white as hex, whichever contrasts more with `fill` (WCAG relative luminance).
    #[must_use]
    pub fn text_on(fill: [u8; 3]) -> &'static str {
        // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at 0.179.
        if luminance(fill) > 0.179 { "#000000" } else { "#FFFFFF" }
    }
}

/// The meaning of a mark, which decides its colour ([`palette`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Scores 9-10.
    Promoter,
    /// Scores 7-8.
    Passive,
    /// Scores 0-6.
    Detractor,
    /// Anything without an NPS group (an NPS bar, a trend line).
    Neutral,
    /// A mark that draws the eye: significance markers.
    Highlight,
    /// Benchmark references.
    Benchmark,
    /// The `k`-th of several lines of one chart (a trend per segment value): the palette's
    /// categorical colours, repeating after six.
    Series(u8),
}

impl Tone {
    /// The NPS group of a 0-10 score.
    #[must_use]
    pub fn of_score(score: usize) -> Self {
        match score {
            0..=6 => Self::Detractor,
            7 | 8 => Self::Passive,
            _ => Self::Promoter,
        }
    }
}

/// Which chart of the app a spec is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// The 0-10 score distribution.
    Distribution,
    /// NPS per value of one segment column.
    Segments,
    /// NPS per combination of two segment columns (`A × B`).
    Breakdown,
    /// NPS per period.
    Trend,
    /// Sector NPS against sector benchmarks.
    Benchmarks,
    /// Share of detractors mentioning each theme.
    Themes,
    /// NPS per combination of two segment columns as a heat-map matrix.
    Matrix,
    /// The headline: the NPS large with its interval and n, the three groups' shares, the change
    /// since the previous period and the benchmark verdict.
    Headline,
    /// This wave's NPS per segment with its interval, the previous wave's as a tick beside it.
    Waves,
    /// The change since the previous wave per segment with its interval, against the band of
    /// changes too small for the sizes at hand to detect.
    WaveChange,
    /// The key drivers: each driver's importance (share of R² with its interval) against its
    /// performance, cross-hairs at the medians and the quadrants named.
    Drivers,
}

/// Which way the categories run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// Categories left to right along x, values up the y axis.
    Vertical,
    /// Categories top to bottom along y, values along the x axis.
    Horizontal,
}

/// One labelled tick of the value axis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tick {
    /// Where the tick sits.
    pub value: f64,
    /// What it says.
    pub label: String,
}

/// How tick labels of an axis are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TickFormat {
    /// `0`, `250`, `1500`.
    Plain,
    /// NPS style: `-50`, `0`, `+50`.
    Signed,
    /// `0%`, `25%`.
    Percent,
    /// Counts, with this thousands separator from 10,000 on: `5000`, `250,000` (`250.000`).
    Count(char),
}

/// A value in whole points with its sign (`+12`, `0`, `-3`), never `-0`, as the charts label
/// an NPS.
#[must_use]
pub fn whole_points(v: f64) -> String {
    let rounded = v.round();
    if rounded == 0.0 { "0".to_owned() } else { format!("{rounded:+.0}") }
}

/// A count with `separator` between thousands from 10,000 on (`2000`, `987,966`): how every
/// count of the app is written, in its language's separator.
#[must_use]
pub fn grouped(n: u64, separator: char) -> String {
    let digits = n.to_string();
    if digits.len() <= 4 {
        return digits;
    }
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The numeric axis of a chart: its title, its range and its labelled ticks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis {
    /// Axis title.
    pub title: String,
    /// Lowest value shown.
    pub min: f64,
    /// Highest value shown.
    pub max: f64,
    /// Labelled ticks (with grid lines), in increasing order.
    pub ticks: Vec<Tick>,
}

impl Axis {
    /// An axis from `min` to `max` with a tick every `step` (a non-positive step gives no ticks).
    #[must_use]
    pub fn stepped(title: &str, min: f64, max: f64, step: f64, format: TickFormat) -> Self {
        let mut ticks = Vec::new();
        if step > 0.0 && max >= min {
            let first = (min / step).ceil() as i64;
            let last = (max / step + 1e-9).floor() as i64;
            for i in first..=last {
                let value = i as f64 * step;
                ticks.push(Tick { value, label: tick_label(value, step, format) });
            }
        }
        Self { title: title.to_owned(), min, max, ticks }
    }

    /// The full NPS scale, -100 to +100, a tick every 25 points.
    #[must_use]
    pub fn nps(title: &str) -> Self {
        Self::stepped(title, -100.0, 100.0, 25.0, TickFormat::Signed)
    }

    /// An axis that holds every value in `values` (and `include`), widened to round ticks and
    /// kept within `limits`.
    #[must_use]
    pub fn fitted(
        title: &str,
        values: impl IntoIterator<Item = f64>,
        include: &[f64],
        limits: (f64, f64),
        format: TickFormat,
    ) -> Self {
        let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
        let mut has_data = false;
        for v in values.into_iter().filter(|v| v.is_finite()) {
            has_data = true;
            low = low.min(v);
            high = high.max(v);
        }
        if !has_data && limits.0.is_finite() && limits.1.is_finite() {
            // Nothing to show: the whole allowed range.
            (low, high) = limits;
        }
        for &v in include.iter().filter(|v| v.is_finite()) {
            low = low.min(v);
            high = high.max(v);
        }
        if !low.is_finite() || !high.is_finite() {
            (low, high) = (0.0, 5.0);
        }
        if high - low < 1e-9 {
            high = low + 5.0;
        }
        let step = nice_step((high - low) / 5.0);
        let min = ((low / step).floor() * step).max(limits.0);
        let max = ((high / step).ceil() * step).min(limits.1);
        Self::stepped(title, min, max.max(min + step), step, format)
    }
}

/// A round step (1, 2, 2.5 or 5 times a power of ten) at least `raw`.
#[must_use]
pub fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw * (1.0 - 1e-9))
        .unwrap_or(magnitude * 10.0)
}

/// The label of one tick.
fn tick_label(value: f64, step: f64, format: TickFormat) -> String {
    let decimals = if step.fract().abs() < 1e-9 { 0 } else { 1 };
    let value = if value.abs() < 1e-9 { 0.0 } else { value };
    match format {
        TickFormat::Plain => format!("{value:.decimals$}"),
        TickFormat::Signed if value > 0.0 => format!("+{value:.decimals$}"),
        TickFormat::Signed => format!("{value:.decimals$}"),
        TickFormat::Percent => format!("{value:.decimals$}%"),
        TickFormat::Count(separator) if decimals == 0 && value >= 0.0 => grouped(value.round() as u64, separator),
        TickFormat::Count(_) => format!("{value:.decimals$}"),
    }
}

/// One category (a score, a segment value, a period, a theme).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Category {
    /// The label on the category axis (renderers shorten it with an ellipsis when too long).
    pub label: String,
    /// Too few answers to compare with confidence: drawn pale.
    pub small_n: bool,
    /// The answers behind the category's estimate, when one count stands for it (a segment
    /// value, a period); the editable charts name it beside the label.
    pub n: Option<u64>,
}

/// One bar, from zero (or the axis edge nearest zero) to its value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Index into [`ChartSpec::categories`].
    pub category: usize,
    /// Length of the bar in value units.
    pub value: f64,
    /// Colour meaning.
    pub tone: Tone,
    /// Text for the bar: above it (vertical) or in the value column right of the plot (horizontal).
    pub label: Option<String>,
}

/// An interval drawn as a whisker with end caps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Whisker {
    /// Index into [`ChartSpec::categories`].
    pub category: usize,
    /// Lower bound.
    pub low: f64,
    /// Upper bound.
    pub high: f64,
}

/// One slice of a shaded interval band along the categories; `None` bounds leave a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandPoint {
    /// Index into [`ChartSpec::categories`].
    pub category: usize,
    /// Lower bound, absent for an empty period.
    pub low: Option<f64>,
    /// Upper bound, absent for an empty period.
    pub high: Option<f64>,
}

/// One point of a line; a `None` (or NaN) value breaks the line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinePoint {
    /// Index into [`ChartSpec::categories`].
    pub category: usize,
    /// The value, absent for an empty period.
    pub value: Option<f64>,
    /// The answers behind it (0 for an empty period).
    pub n: u64,
}

/// The shape of a point marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Marker {
    /// A filled circle.
    Circle,
    /// A filled diamond.
    Diamond,
    /// A triangle pointing up (a significant rise).
    TriangleUp,
    /// A triangle pointing down (a significant fall).
    TriangleDown,
}

/// One marker at a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// Index into [`ChartSpec::categories`].
    pub category: usize,
    /// Where on the value axis.
    pub value: f64,
    /// Shape.
    pub marker: Marker,
    /// Text for the point, shown like a bar's label.
    pub label: Option<String>,
}

/// A published benchmark: a range, or a single value that is never drawn as a band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ReferenceValue {
    /// A published range, drawn as a pale band.
    Range {
        /// Lower end.
        low: f64,
        /// Upper end.
        high: f64,
    },
    /// A single published value (average or median), drawn as a tick.
    Average {
        /// The value.
        value: f64,
    },
}

/// A benchmark reference behind one category, or behind the whole chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reference {
    /// The category it belongs to; `None` spans every category.
    pub category: Option<usize>,
    /// Range or single value.
    pub value: ReferenceValue,
    /// What it is (`Retail NL 2024: 20 to 40`), for tooltips and chart-wide references.
    pub label: String,
}

/// A named set of marks of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum Series {
    /// Bars from zero.
    Bars {
        /// Series name (plot id, tooltip).
        name: String,
        /// The bars.
        bars: Vec<Bar>,
    },
    /// Interval whiskers.
    ErrorBars {
        /// Series name.
        name: String,
        /// The whiskers.
        whiskers: Vec<Whisker>,
    },
    /// A shaded interval band across the categories (vertical charts).
    Band {
        /// Series name.
        name: String,
        /// Colour meaning.
        tone: Tone,
        /// The band's slices, in category order.
        points: Vec<BandPoint>,
    },
    /// A line across the categories (vertical charts).
    Line {
        /// Series name.
        name: String,
        /// Colour meaning.
        tone: Tone,
        /// The line's points, in category order.
        points: Vec<LinePoint>,
    },
    /// Point markers.
    Points {
        /// Series name.
        name: String,
        /// Colour meaning.
        tone: Tone,
        /// The markers.
        points: Vec<Point>,
    },
    /// Benchmark references, drawn behind the bars (ranges) or as ticks (single values).
    References {
        /// Series name.
        name: String,
        /// The references.
        references: Vec<Reference>,
    },
    /// A heat-map matrix: the categories are its rows, `columns` its columns.
    Cells {
        /// Series name.
        name: String,
        /// The columns' labels, left to right.
        columns: Vec<String>,
        /// The cells that have answers (a pair without any is left blank).
        cells: Vec<MatrixCell>,
    },
    /// The headline figure (the only series of a [`ChartKind::Headline`] chart).
    Headline {
        /// Series name.
        name: String,
        /// What it says.
        headline: Headline,
    },
    /// The importance/performance map (the only series of a [`ChartKind::Drivers`] chart):
    /// the value axis is importance (up), `map.performance` the horizontal one.
    Map {
        /// Series name.
        name: String,
        /// The points, cross-hairs and quadrant names.
        map: ImportanceMap,
    },
}

/// The key drivers' map: performance across, importance ([`ChartSpec::value_axis`]) up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportanceMap {
    /// The horizontal axis: performance.
    pub performance: Axis,
    /// The median performance (the vertical cross-hair).
    pub performance_median: f64,
    /// The median importance (the horizontal cross-hair).
    pub importance_median: f64,
    /// The quadrants' names: important and done less well (top left), important and done well
    /// (top right), less important and done less well (bottom left), less important and done
    /// well (bottom right).
    pub quadrants: [String; 4],
    /// One point a driver.
    pub points: Vec<MapPoint>,
}

/// One driver on the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MapPoint {
    /// Its name.
    pub label: String,
    /// Performance (across).
    pub performance: f64,
    /// Importance (up).
    pub importance: f64,
    /// The importance's 95% interval.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// The colour of its quadrant.
    pub tone: Tone,
    /// What hovering it says: the numbers in words.
    pub detail: String,
}

/// What the headline figure says, each line already in the reader's words; the numbers stay
/// beside them for hover and tests.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    /// The NPS, -100..100.
    pub nps: f64,
    /// The NPS as shown large (`+7.1`, `+7,1`).
    pub nps_text: String,
    /// Its 95% interval (`95% CI +6.9 to +7.3`), or why there is none.
    pub interval_text: String,
    /// The answers it rests on (`n = 1,000,000`, with the effective n when weighted).
    pub n_text: String,
    /// Detractors, passives, promoters, in that order (left to right on the bar).
    pub groups: Vec<HeadlineGroup>,
    /// The change since the previous period, with its test; absent without dated answers in
    /// two periods.
    pub change: Option<HeadlineLine>,
    /// The verdict against the benchmark chosen for the whole; absent without one.
    pub verdict: Option<HeadlineLine>,
}

/// One NPS group's share on the headline's bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineGroup {
    /// `Promoters (9-10)`.
    pub label: String,
    /// Share of the answers, 0..1.
    pub share: f64,
    /// The share as written (`35.6%`).
    pub share_text: String,
    /// Its interval and count, for hover (`95% CI 35.5% to 35.7% · 356,393 of 1,000,000`).
    pub detail: String,
    /// The group's colour.
    pub tone: Tone,
}

/// A line of the headline with the colour of what it says (a significant rise is a promoter's
/// green, a fall or a verdict below the benchmark a detractor's orange, anything else neutral).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadlineLine {
    /// The words.
    pub text: String,
    /// Its colour.
    pub tone: Tone,
}

/// One cell of a heat-map matrix.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixCell {
    /// Row (category) index.
    pub row: usize,
    /// Column index.
    pub column: usize,
    /// NPS, -100..100.
    pub nps: f64,
    /// 95% interval, lower bound (absent below two answers).
    pub ci_low: Option<f64>,
    /// 95% interval, upper bound.
    pub ci_high: Option<f64>,
    /// Answers.
    pub n: u64,
    /// Too few answers: drawn pale.
    pub small_n: bool,
    /// Differs significantly from the rest of the data (`*`).
    pub significant: bool,
}

/// The little picture in front of a legend entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegendSymbol {
    /// A filled square (bars).
    Box,
    /// A pale square (small-n rows).
    PaleBox,
    /// A line.
    Line,
    /// A pale band.
    Band,
    /// A whisker with caps.
    Whisker,
    /// A point marker.
    Marker(Marker),
    /// A benchmark range.
    Range,
    /// A benchmark single value (tick).
    Average,
    /// A star (`*`), as a matrix marks a cell that differs from the rest.
    Star,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    /// Colour meaning.
    pub tone: Tone,
    /// Picture.
    pub symbol: LegendSymbol,
    /// Text.
    pub label: String,
}

/// A chart, ready to draw or export.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartSpec {
    /// Stable identifier (plot id, export file name): lower case, digits and `-`.
    pub id: String,
    /// Which chart it is.
    pub kind: ChartKind,
    /// Title above the chart.
    pub title: String,
    /// Line under the title (empty for none).
    pub subtitle: String,
    /// Which way the categories run.
    pub orientation: Orientation,
    /// Title of the category axis (empty for none).
    pub category_title: String,
    /// The categories, in display order (left to right, or top to bottom).
    pub categories: Vec<Category>,
    /// The numeric axis.
    pub value_axis: Axis,
    /// What is drawn, back to front.
    pub series: Vec<Series>,
    /// Legend entries, in order.
    pub legend: Vec<LegendEntry>,
    /// Footnote: n, interval method, filters, period, benchmark source.
    pub footnote: String,
    /// Thousands separator of the counts said on hover and in cells (`,` or `.`).
    #[serde(skip)]
    pub thousands: char,
}

impl ChartSpec {
    /// The headline of a [`ChartKind::Headline`] chart, with its series name.
    #[must_use]
    pub fn headline(&self) -> Option<(&str, &Headline)> {
        self.series.iter().find_map(|series| match series {
            Series::Headline { name, headline } => Some((name.as_str(), headline)),
            _ => None,
        })
    }

    /// The importance map of a [`ChartKind::Drivers`] chart.
    #[must_use]
    pub fn map(&self) -> Option<&ImportanceMap> {
        self.series.iter().find_map(|series| match series {
            Series::Map { map, .. } => Some(map),
            _ => None,
        })
    }

    /// What the chart says in words, for a screen reader (an SVG's label, a slide picture's
    /// description): its title and subtitle, and for the headline every line of it.
    #[must_use]
    pub fn description(&self) -> String {
        let mut parts = vec![self.title.clone()];
        if !self.subtitle.is_empty() {
            parts.push(self.subtitle.clone());
        }
        if let Some((name, h)) = self.headline() {
            parts.push(format!("{name} {}, {}, {}", h.nps_text, h.interval_text, h.n_text));
            parts.extend(h.groups.iter().map(|g| format!("{} {}", g.label, g.share_text)));
            parts.extend([&h.change, &h.verdict].into_iter().flatten().map(|line| line.text.clone()));
        }
        if let Some(map) = self.map() {
            parts.extend(map.points.iter().map(|p| p.detail.clone()));
        }
        parts.join(". ")
    }

    /// Every bar of every bar series.
    pub fn bars(&self) -> impl Iterator<Item = &Bar> {
        self.series.iter().flat_map(|s| match s {
            Series::Bars { bars, .. } => bars.as_slice(),
            _ => &[],
        })
    }

    /// Every benchmark reference of every references series.
    pub fn references(&self) -> impl Iterator<Item = &Reference> {
        self.series.iter().flat_map(|s| match s {
            Series::References { references, .. } => references.as_slice(),
            _ => &[],
        })
    }

    /// Title of the horizontal axis.
    #[must_use]
    pub fn x_title(&self) -> &str {
        match self.orientation {
            Orientation::Vertical => &self.category_title,
            Orientation::Horizontal => &self.value_axis.title,
        }
    }

    /// Title of the vertical axis.
    #[must_use]
    pub fn y_title(&self) -> &str {
        match self.orientation {
            Orientation::Vertical => &self.value_axis.title,
            Orientation::Horizontal => &self.category_title,
        }
    }

    /// The chart in parts of at most `max_rows` rows each, for a slide or a page: a chart whose
    /// rows run down the page (segments, two-way cells, sectors, themes, a matrix) with more
    /// rows than that becomes as few parts as needed, their rows shared out evenly and in order,
    /// each titled `(1/3)`, `(2/3)`, … and drawn on the same value axis, so that bars compare
    /// across parts. Any other chart is one part, itself.
    #[must_use]
    pub fn parts(&self, max_rows: usize) -> Vec<ChartSpec> {
        let rows = self.categories.len();
        if self.orientation != Orientation::Horizontal || max_rows == 0 || rows <= max_rows {
            return vec![self.clone()];
        }
        let count = rows.div_ceil(max_rows);
        let per_part = rows.div_ceil(count);
        (0..count)
            .map(|k| {
                let range = k * per_part..((k + 1) * per_part).min(rows);
                self.rows_of(range, format!("{} ({}/{count})", self.title, k + 1), k)
            })
            .collect()
    }

    /// The chart with only the categories in `range`, renumbered from 0, titled `title`.
    fn rows_of(&self, range: std::ops::Range<usize>, title: String, part: usize) -> ChartSpec {
        let keep = |i: usize| range.contains(&i);
        let at = |i: usize| i - range.start;
        let series = self
            .series
            .iter()
            .map(|series| match series {
                Series::Bars { name, bars } => Series::Bars {
                    name: name.clone(),
                    bars: bars
                        .iter()
                        .filter(|b| keep(b.category))
                        .map(|b| Bar { category: at(b.category), ..b.clone() })
                        .collect(),
                },
                Series::ErrorBars { name, whiskers } => Series::ErrorBars {
                    name: name.clone(),
                    whiskers: whiskers
                        .iter()
                        .filter(|w| keep(w.category))
                        .map(|w| Whisker { category: at(w.category), ..w.clone() })
                        .collect(),
                },
                Series::Band { name, tone, points } => Series::Band {
                    name: name.clone(),
                    tone: *tone,
                    points: points
                        .iter()
                        .filter(|p| keep(p.category))
                        .map(|p| BandPoint { category: at(p.category), ..p.clone() })
                        .collect(),
                },
                Series::Line { name, tone, points } => Series::Line {
                    name: name.clone(),
                    tone: *tone,
                    points: points
                        .iter()
                        .filter(|p| keep(p.category))
                        .map(|p| LinePoint { category: at(p.category), ..p.clone() })
                        .collect(),
                },
                Series::Points { name, tone, points } => Series::Points {
                    name: name.clone(),
                    tone: *tone,
                    points: points
                        .iter()
                        .filter(|p| keep(p.category))
                        .map(|p| Point { category: at(p.category), ..p.clone() })
                        .collect(),
                },
                Series::References { name, references } => Series::References {
                    name: name.clone(),
                    references: references
                        .iter()
                        .filter(|r| r.category.is_none_or(keep))
                        .map(|r| Reference { category: r.category.map(at), ..r.clone() })
                        .collect(),
                },
                Series::Cells { name, columns, cells } => Series::Cells {
                    name: name.clone(),
                    columns: columns.clone(),
                    cells: cells
                        .iter()
                        .filter(|c| keep(c.row))
                        .map(|c| MatrixCell { row: at(c.row), ..c.clone() })
                        .collect(),
                },
                Series::Headline { .. } | Series::Map { .. } => series.clone(),
            })
            .collect();
        ChartSpec {
            id: format!("{}-{}", self.id, part + 1),
            title,
            categories: self.categories[range.clone()].to_vec(),
            series,
            ..self.clone()
        }
    }
}

/// Words the distribution chart needs, in the user's language.
#[derive(Debug, Clone, Copy)]
pub struct DistributionWords<'a> {
    /// Chart title.
    pub title: &'a str,
    /// X axis title.
    pub score: &'a str,
    /// Y axis title.
    pub responses: &'a str,
    /// Legend names for detractors, passives, promoters.
    pub groups: [&'a str; 3],
    /// The footnote, already filled.
    pub footnote: &'a str,
    /// The language's thousands separator, for the counts.
    pub thousands: char,
}

/// The 0-10 distribution as bars coloured by NPS group, each labelled with its count and share.
#[must_use]
pub fn distribution_chart(summary: &NpsSummary, words: &DistributionWords<'_>) -> ChartSpec {
    // Bars count respondents; the share in each label is on the NPS's base, so it is the weighted
    // share when the data are weighted (the footnote then says so).
    let bars: Vec<Bar> = summary
        .distribution
        .iter()
        .zip(summary.distribution_pct)
        .enumerate()
        .map(|(score, (&count, pct))| Bar {
            category: score,
            value: count as f64,
            tone: Tone::of_score(score),
            label: Some(format!("{} ({pct:.0}%)", grouped(count, words.thousands))),
        })
        .collect();
    let highest = summary.distribution.iter().copied().max().unwrap_or(0) as f64;
    ChartSpec {
        id: "distribution".to_owned(),
        kind: ChartKind::Distribution,
        title: words.title.to_owned(),
        subtitle: String::new(),
        orientation: Orientation::Vertical,
        category_title: words.score.to_owned(),
        categories: (0..=10).map(|s| Category { label: s.to_string(), small_n: false, n: None }).collect(),
        value_axis: Axis::fitted(
            words.responses,
            [highest * 1.08],
            &[0.0],
            (0.0, f64::INFINITY),
            TickFormat::Count(words.thousands),
        ),
        series: vec![Series::Bars { name: words.responses.to_owned(), bars }],
        legend: vec![
            LegendEntry { tone: Tone::Detractor, symbol: LegendSymbol::Box, label: words.groups[0].to_owned() },
            LegendEntry { tone: Tone::Passive, symbol: LegendSymbol::Box, label: words.groups[1].to_owned() },
            LegendEntry { tone: Tone::Promoter, symbol: LegendSymbol::Box, label: words.groups[2].to_owned() },
        ],
        footnote: words.footnote.to_owned(),
        thousands: words.thousands,
    }
}

/// The texts of one chart, in the user's language, already filled in.
#[derive(Debug, Clone, Copy)]
pub struct ChartText<'a> {
    /// Chart title.
    pub title: &'a str,
    /// Line under the title (empty for none).
    pub subtitle: &'a str,
    /// Category axis title (`Region`, `Month`, `Theme`).
    pub category_title: &'a str,
    /// Value axis title (`NPS`, `% of detractors`).
    pub value_title: &'a str,
    /// Footnote: n, interval method, filters, period, benchmark source.
    pub footnote: &'a str,
    /// Thousands separator of the counts (`,` in English, `.` in Dutch and Danish).
    pub thousands: char,
}

/// Legend and series names shared by the charts, in the user's language.
#[derive(Debug, Clone, Copy)]
pub struct LegendWords<'a> {
    /// The estimate (`NPS`).
    pub estimate: &'a str,
    /// The interval (`95% interval (adjusted Wald)`).
    pub interval: &'a str,
    /// Significance marker of a segment (`Differs significantly from the rest`).
    pub significant: &'a str,
    /// Pale rows (`Fewer than 30 answers`).
    pub small_n: &'a str,
    /// A benchmark range (`Benchmark range`).
    pub benchmark_range: &'a str,
    /// A benchmark single value (`Benchmark average (single value)`).
    pub benchmark_average: &'a str,
    /// Significant rise in a trend.
    pub rise: &'a str,
    /// Significant fall in a trend.
    pub fall: &'a str,
}

impl LegendWords<'static> {
    /// The English names.
    #[must_use]
    pub fn english() -> Self {
        Self {
            estimate: "NPS",
            interval: "95% interval",
            significant: "Differs significantly from the rest",
            small_n: "Fewer than 30 answers (pale)",
            benchmark_range: "Benchmark range",
            benchmark_average: "Benchmark average (single value)",
            rise: "Significant rise",
            fall: "Significant fall",
        }
    }
}

/// A benchmark to draw behind a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkMark {
    /// Range or single value.
    pub value: ReferenceValue,
    /// What it is (`Retail NL 2024`).
    pub label: String,
}

/// One row of an NPS-with-interval chart (a segment value, a two-way cell, a sector).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IntervalRow {
    /// Category label (`Noord`, `Retail × Denmark`).
    pub label: String,
    /// NPS, -100..100.
    pub nps: f64,
    /// 95% interval, lower bound (absent below two answers).
    pub ci_low: Option<f64>,
    /// 95% interval, upper bound.
    pub ci_high: Option<f64>,
    /// Answers.
    pub n: u64,
    /// Too few answers: drawn pale.
    pub small_n: bool,
    /// Differs significantly from the rest of the data.
    pub significant: bool,
    /// The row's own benchmark (sectors), if any.
    pub benchmark: Option<BenchmarkMark>,
}

/// The label of a two-way breakdown cell: `A × B`.
#[must_use]
pub fn breakdown_label(first: &str, second: &str) -> String {
    format!("{first} \u{d7} {second}")
}

/// NPS per pair of two columns' values as a heat-map matrix: `rows` down, `columns` across,
/// each cell coloured from the detractors' hue (-100) through white to the promoters' (+100),
/// holding its NPS (`*` where it differs from the rest), pale below 30 answers. `text`'s
/// category title names the rows' column and its value title the columns'.
#[must_use]
pub fn matrix_chart(
    id: &str,
    rows: &[String],
    columns: &[String],
    cells: Vec<MatrixCell>,
    text: &ChartText<'_>,
    words: &LegendWords<'_>,
) -> ChartSpec {
    // The colour key (-100 to +100) is drawn under the matrix; the legend names the marks.
    let mut legend = Vec::new();
    if cells.iter().any(|c| c.small_n) {
        legend.push(LegendEntry {
            tone: Tone::Passive,
            symbol: LegendSymbol::PaleBox,
            label: words.small_n.to_owned(),
        });
    }
    if cells.iter().any(|c| c.significant) {
        legend.push(LegendEntry {
            tone: Tone::Highlight,
            symbol: LegendSymbol::Star,
            label: words.significant.to_owned(),
        });
    }
    let small: Vec<bool> = (0..rows.len()).map(|r| cells.iter().filter(|c| c.row == r).all(|c| c.small_n)).collect();
    ChartSpec {
        id: id.to_owned(),
        kind: ChartKind::Matrix,
        title: text.title.to_owned(),
        subtitle: text.subtitle.to_owned(),
        orientation: Orientation::Horizontal,
        category_title: text.category_title.to_owned(),
        categories: rows
            .iter()
            .zip(small)
            .map(|(label, small_n)| Category { label: label.clone(), small_n, n: None })
            .collect(),
        value_axis: Axis { title: text.value_title.to_owned(), min: -100.0, max: 100.0, ticks: Vec::new() },
        series: vec![Series::Cells { name: words.estimate.to_owned(), columns: columns.to_vec(), cells }],
        legend,
        footnote: text.footnote.to_owned(),
        thousands: text.thousands,
    }
}

/// NPS per segment value: horizontal bars on -100..100 with interval whiskers, significance
/// diamonds, pale small-n rows and benchmark references (per row, and `overall` across all rows).
#[must_use]
pub fn segments_chart(
    id: &str,
    rows: &[IntervalRow],
    overall: Option<&BenchmarkMark>,
    text: &ChartText<'_>,
    words: &LegendWords<'_>,
) -> ChartSpec {
    interval_chart(id, ChartKind::Segments, rows, overall, text, words, false)
}

/// NPS per two-way cell (`sector × region`): the segments chart with `A × B` labels (see
/// [`breakdown_label`]).
#[must_use]
pub fn breakdown_chart(id: &str, rows: &[IntervalRow], text: &ChartText<'_>, words: &LegendWords<'_>) -> ChartSpec {
    interval_chart(id, ChartKind::Breakdown, rows, None, text, words, false)
}

/// Sector NPS as points with whiskers against each sector's benchmark range or single value.
#[must_use]
pub fn benchmarks_chart(rows: &[IntervalRow], text: &ChartText<'_>, words: &LegendWords<'_>) -> ChartSpec {
    interval_chart("benchmarks", ChartKind::Benchmarks, rows, None, text, words, true)
}

/// Two waves per segment as points with whiskers (`kind` [`ChartKind::Waves`]: this wave's NPS,
/// each row's `benchmark` the previous wave's as a tick; [`ChartKind::WaveChange`]: the change,
/// each row's `benchmark` the band of changes too small to detect), diamonds on significant
/// changes.
#[must_use]
pub fn waves_chart(
    id: &str,
    kind: ChartKind,
    rows: &[IntervalRow],
    text: &ChartText<'_>,
    words: &LegendWords<'_>,
) -> ChartSpec {
    interval_chart(id, kind, rows, None, text, words, true)
}

/// Every benchmark value of `series` (both ends of a range).
fn references_of(series: &[Series]) -> Vec<f64> {
    series
        .iter()
        .flat_map(|s| match s {
            Series::References { references, .. } => references.as_slice(),
            _ => &[],
        })
        .flat_map(|r| match r.value {
            ReferenceValue::Range { low, high } => vec![low, high],
            ReferenceValue::Average { value } => vec![value],
        })
        .collect()
}

/// The NPS axis of an interval chart: fitted to every NPS, interval end and benchmark shown, zero
/// always in sight, within -100..+100; so that differences of a few points are not drawn flat on
/// the whole scale (the zero line is marked where the axis crosses it).
fn interval_axis(title: &str, rows: &[IntervalRow], references: &[f64]) -> Axis {
    let values = rows.iter().flat_map(|r| [Some(r.nps), r.ci_low, r.ci_high]).flatten();
    Axis::fitted(title, values, &[references, &[0.0]].concat(), (-100.0, 100.0), TickFormat::Signed)
}

/// The common builder of the NPS-with-interval charts.
fn interval_chart(
    id: &str,
    kind: ChartKind,
    rows: &[IntervalRow],
    overall: Option<&BenchmarkMark>,
    text: &ChartText<'_>,
    words: &LegendWords<'_>,
    as_points: bool,
) -> ChartSpec {
    let value_label =
        |r: &IntervalRow| Some(format!("{}  (n = {})", whole_points(r.nps), grouped(r.n, text.thousands)));
    let mut series = Vec::new();
    let mut references: Vec<Reference> =
        overall.map(|b| Reference { category: None, value: b.value, label: b.label.clone() }).into_iter().collect();
    references.extend(rows.iter().enumerate().filter_map(|(i, r)| {
        r.benchmark.as_ref().map(|b| Reference { category: Some(i), value: b.value, label: b.label.clone() })
    }));
    let has_range = references.iter().any(|r| matches!(r.value, ReferenceValue::Range { .. }));
    let has_average = references.iter().any(|r| matches!(r.value, ReferenceValue::Average { .. }));
    if !references.is_empty() {
        series.push(Series::References { name: "benchmark".to_owned(), references });
    }
    if as_points {
        series.push(Series::ErrorBars { name: words.interval.to_owned(), whiskers: whiskers(rows) });
        let points = rows
            .iter()
            .enumerate()
            .map(|(i, r)| Point { category: i, value: r.nps, marker: Marker::Circle, label: value_label(r) })
            .collect();
        series.push(Series::Points { name: words.estimate.to_owned(), tone: Tone::Neutral, points });
    } else {
        let bars = rows
            .iter()
            .enumerate()
            .map(|(i, r)| Bar { category: i, value: r.nps, tone: Tone::Neutral, label: value_label(r) })
            .collect();
        series.push(Series::Bars { name: words.estimate.to_owned(), bars });
        series.push(Series::ErrorBars { name: words.interval.to_owned(), whiskers: whiskers(rows) });
    }
    let significant: Vec<Point> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.significant)
        .map(|(i, r)| Point { category: i, value: r.nps, marker: Marker::Diamond, label: None })
        .collect();
    let mut legend = vec![
        LegendEntry {
            tone: Tone::Neutral,
            symbol: if as_points { LegendSymbol::Marker(Marker::Circle) } else { LegendSymbol::Box },
            label: words.estimate.to_owned(),
        },
        LegendEntry { tone: Tone::Neutral, symbol: LegendSymbol::Whisker, label: words.interval.to_owned() },
    ];
    if !significant.is_empty() {
        legend.push(LegendEntry {
            tone: Tone::Highlight,
            symbol: LegendSymbol::Marker(Marker::Diamond),
            label: words.significant.to_owned(),
        });
        series.push(Series::Points { name: words.significant.to_owned(), tone: Tone::Highlight, points: significant });
    }
    if rows.iter().any(|r| r.small_n) {
        legend.push(LegendEntry {
            tone: Tone::Neutral,
            symbol: LegendSymbol::PaleBox,
            label: words.small_n.to_owned(),
        });
    }
    if has_range {
        legend.push(LegendEntry {
            tone: Tone::Benchmark,
            symbol: LegendSymbol::Range,
            label: words.benchmark_range.to_owned(),
        });
    }
    if has_average {
        legend.push(LegendEntry {
            tone: Tone::Benchmark,
            symbol: LegendSymbol::Average,
            label: words.benchmark_average.to_owned(),
        });
    }
    ChartSpec {
        id: id.to_owned(),
        kind,
        title: text.title.to_owned(),
        subtitle: text.subtitle.to_owned(),
        orientation: Orientation::Horizontal,
        category_title: text.category_title.to_owned(),
        categories: rows
            .iter()
            .map(|r| Category { label: r.label.clone(), small_n: r.small_n, n: Some(r.n) })
            .collect(),
        value_axis: interval_axis(text.value_title, rows, &references_of(&series)),
        series,
        legend,
        footnote: text.footnote.to_owned(),
        thousands: text.thousands,
    }
}

/// The interval whiskers of rows.
fn whiskers(rows: &[IntervalRow]) -> Vec<Whisker> {
    rows.iter()
        .enumerate()
        .filter_map(|(i, r)| Some(Whisker { category: i, low: r.ci_low?, high: r.ci_high? }))
        .collect()
}

/// One period of a trend.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendRow {
    /// `2025-03`, `2025-W05` or `2025-Q1`.
    pub period: String,
    /// Answers in the period (0 for a gap).
    pub n: u64,
    /// NPS, absent for a period without answers.
    pub nps: Option<f64>,
    /// 95% interval, lower bound.
    pub ci_low: Option<f64>,
    /// 95% interval, upper bound.
    pub ci_high: Option<f64>,
    /// Change from the previous period with answers, NPS points.
    pub change: Option<f64>,
    /// Whether that change is significant.
    pub change_significant: bool,
    /// Too few answers: drawn pale.
    pub small_n: bool,
}

/// NPS per period: a line with a shaded interval band, gaps for empty periods and triangles
/// marking significant rises and falls.
#[must_use]
pub fn trend_chart(rows: &[TrendRow], text: &ChartText<'_>, words: &LegendWords<'_>) -> ChartSpec {
    let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
    let band = rows
        .iter()
        .enumerate()
        .map(|(i, r)| BandPoint { category: i, low: finite(r.ci_low), high: finite(r.ci_high) })
        .collect();
    let line = rows.iter().enumerate().map(|(i, r)| LinePoint { category: i, value: finite(r.nps), n: r.n }).collect();
    let changes: Vec<Point> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.change_significant)
        .filter_map(|(i, r)| {
            let marker = if r.change.unwrap_or(0.0) >= 0.0 { Marker::TriangleUp } else { Marker::TriangleDown };
            finite(r.nps).map(|value| Point { category: i, value, marker, label: None })
        })
        .collect();
    let mut legend = vec![
        LegendEntry { tone: Tone::Neutral, symbol: LegendSymbol::Line, label: words.estimate.to_owned() },
        LegendEntry { tone: Tone::Neutral, symbol: LegendSymbol::Band, label: words.interval.to_owned() },
    ];
    for (marker, name) in [(Marker::TriangleUp, words.rise), (Marker::TriangleDown, words.fall)] {
        if changes.iter().any(|p| p.marker == marker) {
            legend.push(LegendEntry {
                tone: Tone::Highlight,
                symbol: LegendSymbol::Marker(marker),
                label: name.to_owned(),
            });
        }
    }
    if rows.iter().any(|r| r.small_n && r.nps.is_some()) {
        legend.push(LegendEntry {
            tone: Tone::Neutral,
            symbol: LegendSymbol::PaleBox,
            label: words.small_n.to_owned(),
        });
    }
    let mut series = vec![
        Series::Band { name: words.interval.to_owned(), tone: Tone::Neutral, points: band },
        Series::Line { name: words.estimate.to_owned(), tone: Tone::Neutral, points: line },
    ];
    if !changes.is_empty() {
        series.push(Series::Points { name: "changes".to_owned(), tone: Tone::Highlight, points: changes });
    }
    let values = rows.iter().flat_map(|r| [r.nps, r.ci_low, r.ci_high]).flatten();
    ChartSpec {
        id: "trend".to_owned(),
        kind: ChartKind::Trend,
        title: text.title.to_owned(),
        subtitle: text.subtitle.to_owned(),
        orientation: Orientation::Vertical,
        category_title: text.category_title.to_owned(),
        categories: rows
            .iter()
            .map(|r| Category { label: r.period.clone(), small_n: r.small_n, n: Some(r.n) })
            .collect(),
        value_axis: Axis::fitted(text.value_title, values, &[0.0], (-100.0, 100.0), TickFormat::Signed),
        series,
        legend,
        footnote: text.footnote.to_owned(),
        thousands: text.thousands,
    }
}

/// NPS per period of several groups (a segment column's values): a line each, in the
/// categorical colours, over the periods any group answered in; empty periods are gaps. No
/// bands (six overlapping bands cannot be read): the hover gives each line's NPS, the table each
/// value's n and interval.
#[must_use]
pub fn trend_lines_chart(lines: &[(String, Vec<TrendRow>)], text: &ChartText<'_>) -> ChartSpec {
    // The periods of every line, in order (labels of one period kind sort as their dates do).
    let mut periods: Vec<&str> = lines.iter().flat_map(|(_, rows)| rows.iter().map(|r| r.period.as_str())).collect();
    periods.sort_unstable();
    periods.dedup();
    let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
    let mut series = Vec::new();
    let mut legend = Vec::new();
    for (k, (name, rows)) in lines.iter().enumerate() {
        let tone = Tone::Series(u8::try_from(k).unwrap_or(u8::MAX));
        let points = periods
            .iter()
            .enumerate()
            .map(|(i, period)| {
                let row = rows.iter().find(|r| r.period == *period);
                LinePoint { category: i, value: row.and_then(|r| finite(r.nps)), n: row.map_or(0, |r| r.n) }
            })
            .collect();
        series.push(Series::Line { name: name.clone(), tone, points });
        legend.push(LegendEntry { tone, symbol: LegendSymbol::Line, label: name.clone() });
    }
    let values = lines.iter().flat_map(|(_, rows)| rows.iter().map(|r| r.nps)).flatten();
    ChartSpec {
        id: "trend-by".to_owned(),
        kind: ChartKind::Trend,
        title: text.title.to_owned(),
        subtitle: text.subtitle.to_owned(),
        orientation: Orientation::Vertical,
        category_title: text.category_title.to_owned(),
        categories: periods.iter().map(|p| Category { label: (*p).to_owned(), small_n: false, n: None }).collect(),
        value_axis: Axis::fitted(text.value_title, values, &[0.0], (-100.0, 100.0), TickFormat::Signed),
        series,
        legend,
        footnote: text.footnote.to_owned(),
        thousands: text.thousands,
    }
}

/// One theme of the detractors' comments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeRow {
    /// Theme name.
    pub theme: String,
    /// Detractors mentioning it.
    pub mentions: u64,
    /// Share of detractors mentioning it, percent.
    pub share_pct: f64,
    /// Wilson 95% interval, lower bound, percent.
    pub low_pct: f64,
    /// Wilson 95% interval, upper bound, percent.
    pub high_pct: f64,
    /// The bar's label, in the reader's words: share, interval and n.
    pub label: String,
}

/// Share of detractors mentioning each theme: horizontal bars in percent with Wilson whiskers.
#[must_use]
pub fn themes_chart(rows: &[ThemeRow], text: &ChartText<'_>, words: &LegendWords<'_>) -> ChartSpec {
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| Bar { category: i, value: r.share_pct, tone: Tone::Detractor, label: Some(r.label.clone()) })
        .collect();
    let whiskers =
        rows.iter().enumerate().map(|(i, r)| Whisker { category: i, low: r.low_pct, high: r.high_pct }).collect();
    let highs = rows.iter().map(|r| r.high_pct.max(r.share_pct));
    ChartSpec {
        id: "themes".to_owned(),
        kind: ChartKind::Themes,
        title: text.title.to_owned(),
        subtitle: text.subtitle.to_owned(),
        orientation: Orientation::Horizontal,
        category_title: text.category_title.to_owned(),
        categories: rows.iter().map(|r| Category { label: r.theme.clone(), small_n: false, n: None }).collect(),
        value_axis: Axis::fitted(text.value_title, highs, &[0.0], (0.0, 100.0), TickFormat::Percent),
        series: vec![
            Series::Bars { name: text.value_title.to_owned(), bars },
            Series::ErrorBars { name: words.interval.to_owned(), whiskers },
        ],
        legend: vec![
            LegendEntry { tone: Tone::Detractor, symbol: LegendSymbol::Box, label: text.value_title.to_owned() },
            LegendEntry { tone: Tone::Neutral, symbol: LegendSymbol::Whisker, label: words.interval.to_owned() },
        ],
        footnote: text.footnote.to_owned(),
        thousands: text.thousands,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{distribution_of, summarise_scores};

    #[test]
    fn bars_follow_the_distribution_and_groups() {
        let summary = summarise_scores(distribution_of([0, 6, 7, 9, 10, 10])).unwrap();
        let words = DistributionWords {
            title: "t",
            score: "s",
            responses: "r",
            groups: ["D", "Pa", "P"],
            footnote: "f",
            thousands: '.',
        };
        let chart = distribution_chart(&summary, &words);
        let bars: Vec<&Bar> = chart.bars().collect();
        assert_eq!(bars.len(), 11);
        assert_eq!(bars[10].value, 2.0);
        assert_eq!(bars[10].label.as_deref(), Some("2 (33%)"));
        assert_eq!(bars[6].tone, Tone::Detractor);
        assert_eq!(bars[7].tone, Tone::Passive);
        assert_eq!(bars[9].tone, Tone::Promoter);
        assert_eq!(chart.x_title(), "s");
        assert_eq!(chart.y_title(), "r");
        assert!(chart.value_axis.max >= 2.0);
    }

    #[test]
    fn large_counts_are_grouped_in_bar_labels_and_ticks() {
        let scores = std::iter::repeat_n(9u8, 21_400).chain(std::iter::repeat_n(3u8, 7_100));
        let summary = summarise_scores(distribution_of(scores)).unwrap();
        let words = DistributionWords {
            title: "t",
            score: "s",
            responses: "r",
            groups: ["D", "Pa", "P"],
            footnote: "f",
            thousands: '.',
        };
        let chart = distribution_chart(&summary, &words);
        let bars: Vec<&Bar> = chart.bars().collect();
        assert_eq!(bars[9].label.as_deref(), Some("21.400 (75%)"));
        assert_eq!(bars[3].label.as_deref(), Some("7100 (25%)"), "below 10,000 no separator");
        let labels: Vec<&str> = chart.value_axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"20.000"), "{labels:?}");
        assert_eq!(
            (grouped(987_966, ','), grouped(1_000_000, '.'), grouped(2000, ',')),
            ("987,966".into(), "1.000.000".into(), "2000".into())
        );
    }

    fn text() -> ChartText<'static> {
        ChartText { title: "t", subtitle: "", category_title: "c", value_title: "NPS", footnote: "f", thousands: ',' }
    }

    fn row(label: &str, nps: f64, benchmark: Option<ReferenceValue>) -> IntervalRow {
        IntervalRow {
            label: label.to_owned(),
            nps,
            ci_low: Some(nps - 10.0),
            ci_high: Some(nps + 10.0),
            n: 100,
            small_n: false,
            significant: nps > 30.0,
            benchmark: benchmark.map(|value| BenchmarkMark { value, label: "b".to_owned() }),
        }
    }

    #[test]
    fn a_single_benchmark_value_stays_a_tick_and_is_labelled_as_such() {
        let rows = [row("Retail", 35.0, Some(ReferenceValue::Average { value: 30.0 })), row("Bank", 10.0, None)];
        let chart = benchmarks_chart(&rows, &text(), &LegendWords::english());
        let references: Vec<&Reference> = chart.references().collect();
        assert_eq!(references.len(), 1);
        assert_eq!(references[0].value, ReferenceValue::Average { value: 30.0 });
        assert!(chart.legend.iter().any(|l| l.symbol == LegendSymbol::Average));
        assert!(!chart.legend.iter().any(|l| l.symbol == LegendSymbol::Range));
    }

    #[test]
    fn segments_mark_significance_and_fit_the_axis_to_what_they_show() {
        let overall = BenchmarkMark { value: ReferenceValue::Range { low: 20.0, high: 40.0 }, label: "x".to_owned() };
        let chart = segments_chart(
            "s",
            &[row("A", 40.0, None), row("B", -5.0, None)],
            Some(&overall),
            &text(),
            &LegendWords::english(),
        );
        assert_eq!(chart.orientation, Orientation::Horizontal);
        // Intervals -15..+5 and +30..+50, the benchmark +20..+40, and zero: round ticks around
        // them, not the whole -100..+100 on which a 10-point gap looks flat.
        assert_eq!((chart.value_axis.min, chart.value_axis.max), (-20.0, 60.0));
        let ticks: Vec<&str> = chart.value_axis.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ticks, ["-20", "0", "+20", "+40", "+60"]);
        // A segment near either end keeps the scale within -100..+100.
        let far =
            segments_chart("s", &[row("A", 95.0, None), row("B", -95.0, None)], None, &text(), &LegendWords::english());
        assert_eq!((far.value_axis.min, far.value_axis.max), (-100.0, 100.0));
        let diamonds: usize = chart
            .series
            .iter()
            .map(|s| match s {
                Series::Points { points, .. } => points.iter().filter(|p| p.marker == Marker::Diamond).count(),
                _ => 0,
            })
            .sum();
        assert_eq!(diamonds, 1);
        assert_eq!(breakdown_label("Retail", "Denmark"), "Retail × Denmark");
    }

    #[test]
    fn trend_gaps_stay_gaps() {
        let rows: Vec<TrendRow> = [Some(10.0), None, Some(f64::NAN), Some(20.0)]
            .iter()
            .enumerate()
            .map(|(i, nps)| TrendRow {
                period: format!("2025-0{}", i + 1),
                n: 50,
                nps: *nps,
                ci_low: nps.map(|v| v - 5.0),
                ci_high: nps.map(|v| v + 5.0),
                change: Some(10.0),
                change_significant: i == 3,
                small_n: false,
            })
            .collect();
        let chart = trend_chart(&rows, &text(), &LegendWords::english());
        let Some(Series::Line { points, .. }) = chart.series.iter().find(|s| matches!(s, Series::Line { .. })) else {
            panic!("no line");
        };
        let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
        assert_eq!(values, [Some(10.0), None, None, Some(20.0)]);
        assert!(chart.legend.iter().any(|l| l.symbol == LegendSymbol::Marker(Marker::TriangleUp)));
        assert!(chart.value_axis.min <= 0.0 && chart.value_axis.max >= 25.0);
    }

    #[test]
    fn trend_lines_share_one_period_axis_and_keep_each_line_s_gaps() {
        let row = |period: &str, nps: Option<f64>| TrendRow {
            period: period.to_owned(),
            n: 40,
            nps,
            ci_low: None,
            ci_high: None,
            change: None,
            change_significant: false,
            small_n: false,
        };
        // Retail answered from March, Grocery until April with a gap in February.
        let lines = vec![
            ("Retail".to_owned(), vec![row("2025-03", Some(20.0)), row("2025-04", Some(30.0))]),
            ("Grocery".to_owned(), vec![row("2025-01", Some(-10.0)), row("2025-02", None), row("2025-04", Some(5.0))]),
        ];
        let chart = trend_lines_chart(&lines, &text());
        let periods: Vec<&str> = chart.categories.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(periods, ["2025-01", "2025-02", "2025-03", "2025-04"]);
        let values: Vec<Vec<Option<f64>>> = chart
            .series
            .iter()
            .filter_map(|s| match s {
                Series::Line { points, .. } => Some(points.iter().map(|p| p.value).collect()),
                _ => None,
            })
            .collect();
        assert_eq!(values[0], [None, None, Some(20.0), Some(30.0)]);
        assert_eq!(values[1], [Some(-10.0), None, None, Some(5.0)]);
        // Each line has its own colour and its legend entry.
        let tones: Vec<Tone> = chart.legend.iter().map(|l| l.tone).collect();
        assert_eq!(tones, [Tone::Series(0), Tone::Series(1)]);
        assert_ne!(palette::tone(Tone::Series(0), false), palette::tone(Tone::Series(1), false));
    }

    #[test]
    fn nice_steps_are_round() {
        assert_eq!(nice_step(17.0), 20.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(0.0), 1.0);
        let axis = Axis::fitted("p", [37.0], &[0.0], (0.0, 100.0), TickFormat::Percent);
        assert_eq!(axis.ticks.last().map(|t| t.label.as_str()), Some("40%"));
        let empty = Axis::fitted("p", [], &[0.0], (0.0, 100.0), TickFormat::Percent);
        assert_eq!((empty.min, empty.max), (0.0, 100.0));
        let zeros = Axis::fitted("n", [0.0], &[0.0], (0.0, f64::INFINITY), TickFormat::Plain);
        assert!(zeros.ticks.iter().all(|t| !t.label.contains('.')));
    }

    #[test]
    fn a_long_chart_comes_in_even_parts_on_one_axis_and_a_short_one_whole() {
        let rows: Vec<IntervalRow> = (0..30)
            .map(|i| IntervalRow {
                label: format!("Row {i}"),
                nps: f64::from(i) - 10.0,
                ci_low: Some(f64::from(i) - 20.0),
                ci_high: Some(f64::from(i)),
                n: 100 + i as u64,
                small_n: false,
                significant: i % 7 == 0,
                benchmark: None,
            })
            .collect();
        let text = ChartText {
            title: "NPS by store",
            subtitle: "",
            category_title: "Store",
            value_title: "NPS",
            footnote: "f",
            thousands: ',',
        };
        let overall = BenchmarkMark { value: ReferenceValue::Range { low: 5.0, high: 15.0 }, label: "b".to_owned() };
        let chart = segments_chart("segments-store", &rows, Some(&overall), &text, &LegendWords::english());
        let parts = chart.parts(12);
        // 30 rows in three parts of ten, not 12 + 12 + 6.
        assert_eq!(parts.iter().map(|p| p.categories.len()).collect::<Vec<_>>(), vec![10, 10, 10]);
        for (k, part) in parts.iter().enumerate() {
            assert_eq!(part.title, format!("NPS by store ({}/3)", k + 1));
            assert_eq!(part.value_axis, chart.value_axis, "one axis for every part");
            for (i, category) in part.categories.iter().enumerate() {
                let row = &rows[k * 10 + i];
                assert_eq!(category.label, row.label);
                let bar = part.bars().find(|b| b.category == i).unwrap();
                assert_eq!(bar.value, row.nps);
            }
            let stars: usize = part
                .series
                .iter()
                .map(|s| match s {
                    Series::Points { points, .. } => points.iter().filter(|p| p.category < 10).count(),
                    _ => 0,
                })
                .sum();
            assert_eq!(stars, rows[k * 10..k * 10 + 10].iter().filter(|r| r.significant).count());
            assert_eq!(part.references().count(), 1, "the overall benchmark spans every part");
        }
        assert_eq!(chart.parts(30), vec![chart.clone()]);
    }

    #[test]
    fn brand_colours_and_logos_are_checked_and_never_link_anywhere() {
        assert_eq!(Brand::colour("#1f4e79"), Ok("#1F4E79".to_owned()));
        assert_eq!(Brand::colour(" 7B2D8E "), Ok("#7B2D8E".to_owned()));
        assert!(matches!(Brand::colour("purple"), Err(BrandError::Colour(_))));
        assert!(Brand::colour("#12345").is_err());
        let png = b"\x89PNG\r\n\x1a\n0000IHDR";
        let url = Brand::logo_of("logo.png", png).unwrap();
        assert!(url.starts_with("data:image/png;base64,"));
        let svg =
            Brand::logo_of("logo.svg", b"<?xml version='1.0'?><svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
        assert!(svg.starts_with("data:image/svg+xml;base64,"));
        let refused = Brand::logo_of("logo.jpg", b"\xff\xd8\xff\xe0JFIF").unwrap_err().to_string();
        assert!(refused.contains("logo.jpg") && refused.contains("PNG or SVG"), "{refused}");
        let big = vec![0u8; LOGO_LIMIT + 1];
        assert!(Brand::logo_of("huge.png", &big).unwrap_err().to_string().contains("huge.png"));
        let brand = Brand { logo: Some(url), ..Brand::default() };
        assert_eq!(brand.logo_bytes(), Some((png.to_vec(), false)));
        // A hand-edited project cannot make an export fetch anything or write a bad colour.
        let edited = Brand {
            logo: Some("http://example.com/logo.png".to_owned()),
            colours: vec!["red;background:url(x)".to_owned(), "#00FF00".to_owned()],
            ..Brand::default()
        };
        assert_eq!(edited.logo_url(), None);
        assert_eq!(edited.logo_bytes(), None);
        assert_eq!(edited.primary("#0072B2"), "#0072B2");
        assert_eq!(edited.colour_or(1, "#000000"), "#00FF00");
    }
}
