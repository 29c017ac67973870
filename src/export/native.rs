//! Editable charts: a chart's numbers as a worksheet range and an Office chart (DrawingML) drawn
//! from that range, for the deck's native charts (PowerPoint and LibreOffice Impress restyle them
//! and edit their data: the chart part carries its own workbook) and the workbook's charts beside
//! their data.
//!
//! One [`NativeChart`] per [`ChartSpec`]: bars (columns for the score distribution, horizontal
//! bars for segments, sectors and themes) or lines (the trend), the 95% intervals as custom error
//! bars from the range, pale small groups, benchmark references as a second, pale series beside
//! the estimate (a range as its midpoint with error bars to both ends), significant rises and falls
//! as marker series. A heat-map matrix and the headline have no chart type of their own: they
//! stay a picture and shapes (see `deck`).
//!
//! Owns the translation from chart specs to Office charts; rust_xlsxwriter writes the XML and
//! fills the charts' caches from the range, so a viewer that never opens the workbook still draws
//! them.

use std::io::Read as _;

use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartAxisLabelPosition, ChartDataLabel, ChartEmptyCells, ChartErrorBars,
    ChartErrorBarsType, ChartFont, ChartFormat, ChartLegendPosition, ChartLine, ChartMarker, ChartMarkerType,
    ChartPoint, ChartRange, ChartSolidFill, Format, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::BuildError;
use crate::chart::{
    Brand, ChartKind, ChartSpec, LegendSymbol, Marker, Orientation, ReferenceValue, Series, Tone, grouped, palette,
};

/// How a native chart draws its main series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Vertical bars (the score distribution).
    Column,
    /// Horizontal bars, first category on top (segments, sectors, themes).
    Bar,
    /// Lines across the categories (the trend).
    Line,
}

/// How one series is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Filled bars or a line with round markers, in the chart's shape.
    Main,
    /// Pale bars beside the main ones (benchmark references).
    Pale,
    /// Markers only, no line (significant changes on a trend).
    Markers(Marker),
}

/// An interval's name and, per category, its bounds (or, once on a series, its distances below
/// and above the value).
type Interval = (String, Vec<Option<(f64, f64)>>);

/// One series of a native chart: a column of values (and two of interval widths).
#[derive(Debug, Clone, PartialEq)]
struct DataSeries {
    name: String,
    style: Style,
    /// Colour as `#RRGGBB`.
    colour: &'static str,
    /// One value per category; `None` is a blank cell (a gap).
    values: Vec<Option<f64>>,
    /// Per category the interval's distance below and above the value, when it has one.
    interval: Option<Interval>,
    /// Per category a colour of its own (the distribution's groups, pale small groups).
    point_colours: Vec<Option<String>>,
}

impl DataSeries {
    /// The estimate's series (bars or a line, as the chart's shape), without an interval yet.
    fn main(name: &str, colour: &'static str, values: Vec<Option<f64>>, point_colours: Vec<Option<String>>) -> Self {
        Self { name: name.to_owned(), style: Style::Main, colour, values, interval: None, point_colours }
    }
}

/// A chart's numbers and how to draw them as an Office chart.
#[derive(Debug, Clone, PartialEq)]
pub struct NativeChart {
    /// How the main series is drawn.
    pub shape: Shape,
    title: String,
    category_title: String,
    value_title: String,
    /// Category labels as written in the range (with `(n = …)` and a `*` when significant).
    categories: Vec<String>,
    series: Vec<DataSeries>,
    /// Excel's number format of the values, axis and data labels.
    number_format: &'static str,
    /// Values are percentages: the range holds fractions.
    percent: bool,
    /// The value axis: lowest, highest, step (in chart units, before the percent scaling).
    axis: (f64, f64, f64),
    /// Whether a `*` after a category marks a significant difference.
    pub starred: bool,
    /// Whether a benchmark series stands beside the estimate.
    pub benchmark: bool,
}

/// A pale shade of a colour: `share` of the way to white.
fn pale(hex: &str, share: f64) -> String {
    let [r, g, b] = palette::rgb(hex);
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * share).round() as u8;
    palette::hex([mix(r), mix(g), mix(b)])
}

/// The native form of `spec`, or `None` when it has no chart type of its own (the headline, a
/// heat-map matrix) or nothing to draw.
#[must_use]
pub fn native_chart(spec: &ChartSpec) -> Option<NativeChart> {
    let shape = match (spec.kind, spec.orientation) {
        (ChartKind::Headline | ChartKind::Matrix | ChartKind::Drivers, _) => return None,
        (ChartKind::Trend, _) => Shape::Line,
        (_, Orientation::Vertical) => Shape::Column,
        (_, Orientation::Horizontal) => Shape::Bar,
    };
    let count = spec.categories.len();
    if count == 0 {
        return None;
    }
    let percent = spec.kind == ChartKind::Themes;
    let number_format = match spec.kind {
        ChartKind::Themes => "0%",
        ChartKind::Distribution => "#,##0",
        _ => "+0;-0;0",
    };
    let legend_label =
        |symbol: LegendSymbol| spec.legend.iter().find(|entry| entry.symbol == symbol).map(|entry| entry.label.clone());
    let mut series: Vec<DataSeries> = Vec::new();
    let mut whiskers: Option<Interval> = None;
    let mut band: Option<Interval> = None;
    let mut starred = vec![false; count];
    let mut references: Vec<Option<ReferenceValue>> = vec![None; count];
    let mut reference_name = None;
    for s in &spec.series {
        match s {
            Series::Bars { name, bars } => {
                let mut values = vec![None; count];
                let mut colours = vec![None; count];
                for bar in bars.iter().filter(|b| b.category < count) {
                    values[bar.category] = Some(bar.value);
                    let colour = palette::tone(bar.tone, false);
                    colours[bar.category] =
                        Some(if spec.categories[bar.category].small_n { pale(colour, 0.6) } else { colour.to_owned() });
                }
                let colour = bars.first().map_or(palette::NEUTRAL, |b| palette::tone(b.tone, false));
                series.push(DataSeries::main(name, colour, values, colours));
            }
            Series::ErrorBars { name, whiskers: list } => {
                let mut widths = vec![None; count];
                for w in list.iter().filter(|w| w.category < count) {
                    widths[w.category] = Some((w.low, w.high));
                }
                whiskers = Some((name.clone(), widths));
            }
            Series::Band { name, points, .. } => {
                let mut widths = vec![None; count];
                for p in points.iter().filter(|p| p.category < count) {
                    if let (Some(low), Some(high)) = (p.low, p.high) {
                        widths[p.category] = Some((low, high));
                    }
                }
                band = Some((name.clone(), widths));
            }
            Series::Line { name, tone, points } => {
                let mut values = vec![None; count];
                for p in points.iter().filter(|p| p.category < count) {
                    values[p.category] = p.value.filter(|v| v.is_finite());
                }
                series.push(DataSeries::main(name, palette::tone(*tone, false), values, vec![None; count]));
            }
            Series::Points { name, tone, points } => {
                if shape == Shape::Line {
                    // Each kind of marker is a series of its own, named as the legend names it.
                    for marker in [Marker::TriangleUp, Marker::TriangleDown, Marker::Diamond, Marker::Circle] {
                        let mut values = vec![None; count];
                        for p in points.iter().filter(|p| p.marker == marker && p.category < count) {
                            values[p.category] = Some(p.value);
                        }
                        if values.iter().any(Option::is_some) {
                            series.push(DataSeries {
                                name: legend_label(LegendSymbol::Marker(marker)).unwrap_or_else(|| name.clone()),
                                style: Style::Markers(marker),
                                colour: if marker == Marker::TriangleDown {
                                    palette::DETRACTOR
                                } else {
                                    palette::tone(*tone, false)
                                },
                                values,
                                interval: None,
                                point_colours: vec![None; count],
                            });
                        }
                    }
                } else if *tone == Tone::Passive {
                    // Changes smaller than the detectable one: the band beside them says it.
                } else if *tone == Tone::Highlight {
                    // Bars cannot carry a marker: a star after the category's name.
                    for p in points.iter().filter(|p| p.category < count) {
                        starred[p.category] = true;
                    }
                } else {
                    // Estimates drawn as points (sectors): bars in the editable chart.
                    let mut values = vec![None; count];
                    for p in points.iter().filter(|p| p.category < count) {
                        values[p.category] = Some(p.value);
                    }
                    let colour = palette::tone(*tone, false);
                    let pale_small = spec.categories.iter().map(|c| c.small_n.then(|| pale(colour, 0.6))).collect();
                    series.push(DataSeries::main(name, colour, values, pale_small));
                }
            }
            Series::References { references: list, .. } => {
                for r in list {
                    match r.category {
                        Some(i) if i < count => references[i] = Some(r.value),
                        Some(_) => {}
                        None => {
                            for slot in references.iter_mut().filter(|slot| slot.is_none()) {
                                *slot = Some(r.value);
                            }
                        }
                    }
                }
                let any_range = list.iter().any(|r| matches!(r.value, ReferenceValue::Range { .. }));
                reference_name = legend_label(if any_range { LegendSymbol::Range } else { LegendSymbol::Average });
            }
            Series::Cells { .. } | Series::Headline { .. } | Series::Map { .. } => return None,
        }
    }
    // The interval belongs to the estimate: the first main series.
    if let Some((name, bounds)) = whiskers.or(band)
        && let Some(main) = series.iter_mut().find(|s| s.style == Style::Main)
    {
        let widths = bounds
            .iter()
            .zip(&main.values)
            .map(|(bound, value)| match (bound, value) {
                (Some((low, high)), Some(v)) => Some(((v - low).max(0.0), (high - v).max(0.0))),
                _ => None,
            })
            .collect();
        main.interval = Some((name, widths));
    }
    let benchmark = references.iter().any(Option::is_some);
    if benchmark {
        let mut values = vec![None; count];
        let mut widths = vec![None; count];
        for (i, reference) in references.iter().enumerate() {
            match reference {
                Some(ReferenceValue::Range { low, high }) => {
                    let middle = (low + high) / 2.0;
                    values[i] = Some(middle);
                    widths[i] = Some((middle - low, high - middle));
                }
                Some(ReferenceValue::Average { value }) => values[i] = Some(*value),
                None => {}
            }
        }
        let has_range = widths.iter().any(Option::is_some);
        let name = reference_name.unwrap_or_else(|| "Benchmark".to_owned());
        series.push(DataSeries {
            interval: has_range.then(|| (name.clone(), widths)),
            name,
            style: Style::Pale,
            colour: palette::BENCHMARK,
            values,
            point_colours: vec![None; count],
        });
    }
    if series.is_empty() {
        return None;
    }
    let categories = spec
        .categories
        .iter()
        .zip(&starred)
        .map(|(category, star)| {
            let mut label = category.label.clone();
            if let Some(n) = category.n.filter(|_| shape != Shape::Column) {
                label = format!("{label} (n = {})", grouped(n, spec.thousands));
            }
            if *star {
                label.push_str(" *");
            }
            label
        })
        .collect();
    let step = match spec.value_axis.ticks.as_slice() {
        [first, second, ..] => second.value - first.value,
        _ => 0.0,
    };
    Some(NativeChart {
        shape,
        title: spec.title.clone(),
        category_title: spec.category_title.clone(),
        value_title: spec.value_axis.title.clone(),
        categories,
        series,
        number_format,
        percent,
        axis: (spec.value_axis.min, spec.value_axis.max, step),
        starred: starred.contains(&true),
        benchmark,
    })
}

/// Column headers unique ignoring case (a repeat gets ` (2)`), never blank.
fn unique_headers(headers: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    headers
        .into_iter()
        .enumerate()
        .map(|(i, header)| {
            let base = if header.trim().is_empty() { format!("Column {}", i + 1) } else { header };
            let mut candidate = base.clone();
            let mut counter = 2;
            while !seen.insert(candidate.to_lowercase()) {
                candidate = format!("{base} ({counter})");
                counter += 1;
            }
            candidate
        })
        .collect()
}

impl NativeChart {
    /// The range's header row: the category, then per series its values and, with an interval,
    /// the distances below and above.
    #[must_use]
    pub fn headers(&self) -> Vec<String> {
        let mut headers = vec![self.category_title.clone()];
        for s in &self.series {
            headers.push(s.name.clone());
            if let Some((name, _)) = &s.interval {
                headers.push(format!("{name} \u{2212}"));
                headers.push(format!("{name} +"));
            }
        }
        unique_headers(headers)
    }

    /// The range's rows below the header: the category label, then numbers as written (fractions
    /// for percentages); `None` is a blank cell.
    #[must_use]
    pub fn rows(&self) -> Vec<(String, Vec<Option<f64>>)> {
        let scale = if self.percent { 0.01 } else { 1.0 };
        self.categories
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let mut numbers = Vec::new();
                for s in &self.series {
                    numbers.push(s.values[i].map(|v| v * scale));
                    if let Some((_, widths)) = &s.interval {
                        let (below, above) =
                            widths[i].map_or((None, None), |(b, a)| (Some(b * scale), Some(a * scale)));
                        numbers.extend([below, above]);
                    }
                }
                (label.clone(), numbers)
            })
            .collect()
    }

    /// Columns the range takes.
    #[must_use]
    pub fn width(&self) -> u16 {
        u16::try_from(self.headers().len()).unwrap_or(u16::MAX)
    }

    /// Writes the range with its top-left corner at (`top`, `left`) of `sheet` (named
    /// `sheet_name`) and returns the chart drawn from it; `titled` gives the chart its title (a
    /// slide has its own).
    pub fn write(
        &self,
        sheet: &mut Worksheet,
        sheet_name: &str,
        (top, left): (u32, u16),
        titled: bool,
        brand: &Brand,
    ) -> Result<Chart, XlsxError> {
        // The brand's first colour for the estimate (bars and lines that carry no group's
        // meaning), its font for every text.
        let primary = brand.primary(palette::NEUTRAL).to_owned();
        let branded = |colour: &str| -> String {
            if colour == palette::NEUTRAL {
                primary.clone()
            } else if colour == pale(palette::NEUTRAL, 0.6) {
                pale(&primary, 0.6)
            } else {
                colour.to_owned()
            }
        };
        let font_name = brand.font_or("Arial");
        let header_format = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
        let number = Format::new().set_num_format(self.number_format);
        let longest = self.categories.iter().map(|l| l.chars().count()).max().unwrap_or(10);
        for (c, header) in self.headers().iter().enumerate() {
            let col = left + u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.write_string_with_format(top, col, header, &header_format)?;
            // The labels' column as wide as its longest label, the numbers' as their header.
            let width = if c == 0 { (longest as f64 * 1.1 + 2.0).clamp(10.0, 50.0) } else { 10.0 };
            sheet.set_column_width(col, width.max(header.chars().count() as f64 * 1.05 + 2.0).min(50.0))?;
        }
        let last = top + u32::try_from(self.categories.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (r, (label, numbers)) in self.rows().iter().enumerate() {
            let row = top + 1 + u32::try_from(r).map_err(|_| XlsxError::RowColumnLimitError)?;
            sheet.write_string(row, left, label)?;
            for (c, value) in numbers.iter().enumerate() {
                if let Some(value) = value.filter(|v| v.is_finite()) {
                    let col = left + 1 + u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
                    sheet.write_number_with_format(row, col, value, &number)?;
                }
            }
        }
        let mut chart = match self.shape {
            Shape::Column => Chart::new_column(),
            Shape::Bar => Chart::new_bar(),
            Shape::Line => Chart::new_line(),
        };
        let font = ChartFont::new().set_name(font_name).set_size(11).clone();
        let small = ChartFont::new().set_name(font_name).set_size(10).clone();
        let categories = ChartRange::new_from_range(sheet_name, top + 1, left, last, left);
        let mut col = left + 1;
        for s in &self.series {
            let colour = branded(s.colour);
            let colour = colour.as_str();
            let values = ChartRange::new_from_range(sheet_name, top + 1, col, last, col);
            let series = chart.add_series();
            series.set_name((sheet_name, top, col)).set_categories(&categories).set_values(&values);
            match (s.style, self.shape) {
                (Style::Main, Shape::Line) => {
                    series
                        .set_format(ChartFormat::new().set_line(ChartLine::new().set_color(colour).set_width(2.25)))
                        .set_marker(
                            ChartMarker::new()
                                .set_type(ChartMarkerType::Circle)
                                .set_size(6)
                                .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour))),
                        );
                }
                (Style::Main, _) => {
                    series.set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour)));
                }
                (Style::Pale, _) => {
                    let fill = pale(colour, 0.55);
                    series.set_format(
                        ChartFormat::new()
                            .set_solid_fill(ChartSolidFill::new().set_color(fill.as_str()))
                            .set_border(ChartLine::new().set_color(palette::BENCHMARK_TICK).set_width(0.75)),
                    );
                }
                (Style::Markers(marker), _) => {
                    let kind = match marker {
                        Marker::Diamond => ChartMarkerType::Diamond,
                        Marker::Circle => ChartMarkerType::Circle,
                        Marker::TriangleUp | Marker::TriangleDown => ChartMarkerType::Triangle,
                    };
                    series.set_format(ChartFormat::new().set_no_line()).set_marker(
                        ChartMarker::new()
                            .set_type(kind)
                            .set_size(9)
                            .set_format(ChartFormat::new().set_solid_fill(ChartSolidFill::new().set_color(colour))),
                    );
                }
            }
            if s.point_colours.iter().any(Option::is_some) {
                let points: Vec<ChartPoint> = s
                    .point_colours
                    .iter()
                    .map(|colour| match colour {
                        Some(colour) => ChartPoint::new().set_format(
                            ChartFormat::new()
                                .set_solid_fill(ChartSolidFill::new().set_color(branded(colour).as_str())),
                        ),
                        None => ChartPoint::new(),
                    })
                    .collect();
                series.set_points(&points);
            }
            if s.style == Style::Main {
                series.set_data_label(
                    ChartDataLabel::new().show_value().set_num_format(self.number_format).set_font(&small),
                );
            }
            if s.interval.is_some() {
                let minus = ChartRange::new_from_range(sheet_name, top + 1, col + 1, last, col + 1);
                let plus = ChartRange::new_from_range(sheet_name, top + 1, col + 2, last, col + 2);
                let colour = if s.style == Style::Pale { palette::BENCHMARK_TICK } else { palette::WHISKER };
                let bars = ChartErrorBars::new()
                    .set_type(ChartErrorBarsType::Custom(plus, minus))
                    .set_format(ChartLine::new().set_color(colour).set_width(1.25))
                    .clone();
                match self.shape {
                    Shape::Bar => series.set_x_error_bars(&bars),
                    Shape::Column | Shape::Line => series.set_y_error_bars(&bars),
                };
                col += 2;
            }
            col += 1;
        }
        if self.shape == Shape::Line {
            chart.show_empty_cells_as(ChartEmptyCells::Gaps);
        }
        let scale = if self.percent { 0.01 } else { 1.0 };
        let (min, max, step) = self.axis;
        // rust_xlsxwriter's x axis runs along the foot: a bar chart's value axis, the others'
        // category axis.
        let value_axis = if self.shape == Shape::Bar { chart.x_axis() } else { chart.y_axis() };
        value_axis
            .set_min(min * scale)
            .set_max(max * scale)
            .set_num_format(self.number_format)
            .set_name(self.value_title.as_str())
            .set_font(&small)
            .set_major_gridlines(true)
            .set_major_gridlines_line(ChartLine::new().set_color("#D9D9D9").set_width(0.75));
        if step > 0.0 {
            value_axis.set_major_unit(step * scale);
        }
        let category_axis = if self.shape == Shape::Bar { chart.y_axis() } else { chart.x_axis() };
        category_axis.set_font(&small).set_label_position(ChartAxisLabelPosition::Low);
        if !self.category_title.is_empty() {
            category_axis.set_name(self.category_title.as_str());
        }
        if self.shape == Shape::Bar {
            // First category on top, as in the window, with the value axis kept at the foot.
            category_axis.set_reverse().set_crossing(ChartAxisCrossing::Max);
        }
        if titled {
            chart.title().set_name(self.title.as_str()).set_font(&font);
        } else {
            chart.title().set_hidden();
        }
        if self.series.len() > 1 {
            chart.legend().set_position(ChartLegendPosition::Bottom).set_font(&small);
        } else {
            chart.legend().set_hidden();
        }
        chart.set_alt_text(self.title.as_str());
        Ok(chart)
    }
}

/// Relationship id of the embedded workbook in a deck chart's relationships.
pub const WORKBOOK_RELATIONSHIP: &str = "rId1";

/// A deck's chart part: the DrawingML chart XML (drawn from, and linked to, its embedded workbook
/// by [`WORKBOOK_RELATIONSHIP`]) and that workbook's bytes; `None` when `spec` has no native form.
pub fn deck_chart(spec: &ChartSpec, brand: &Brand) -> Result<Option<(String, Vec<u8>)>, BuildError> {
    let Some(native) = native_chart(spec) else { return Ok(None) };
    let failed = |reason: String| BuildError::new(format!("the editable chart \"{}\"", spec.title), reason);
    let sheet_name = super::table::sheet_names([spec.title.as_str()]).remove(0);
    let build = |with_chart: bool| -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.set_name(&sheet_name)?;
        let chart = native.write(sheet, &sheet_name, (0, 0), false, brand)?;
        if with_chart {
            sheet.insert_chart(0, native.width() + 1, &chart)?;
        }
        workbook.save_to_buffer()
    };
    let embedded = build(false).map_err(|e| failed(e.to_string()))?;
    let drawn = build(true).map_err(|e| failed(e.to_string()))?;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(drawn)).map_err(|e| failed(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("xl/charts/chart1.xml")
        .map_err(|e| failed(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| failed(e.to_string()))?;
    // The deck's chart names its workbook (Edit Data opens it); the cached values draw it.
    let link = format!("<c:externalData r:id=\"{WORKBOOK_RELATIONSHIP}\"><c:autoUpdate val=\"0\"/></c:externalData>");
    let mut xml = office_defaults(&xml);
    let at = xml
        .find("<c:printSettings")
        .or_else(|| xml.rfind("</c:chartSpace>"))
        .ok_or_else(|| failed("no chart".to_owned()))?;
    xml.insert_str(at, &link);
    Ok(Some((xml, embedded)))
}

/// The chart XML with the switches that are off said (rust_xlsxwriter writes only those that
/// are on, which Excel and PowerPoint read as off and LibreOffice as on): each data label shows
/// only its value (not also the legend key, category and series name), and lines are straight
/// between the periods (not smoothed).
#[must_use]
pub fn office_defaults(xml: &str) -> String {
    let xml = if xml.contains("<c:lineChart>") {
        xml.replace("</c:val></c:ser>", "</c:val><c:smooth val=\"0\"/></c:ser>")
    } else {
        xml.to_owned()
    };
    xml.replace(
        "<c:showVal val=\"1\"/>",
        "<c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName val=\"0\"/>\
         <c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/>",
    )
}

/// A workbook's bytes with [`office_defaults`] applied to each of its charts.
pub fn mend_workbook(bytes: Vec<u8>) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
        let name = file.name().map_err(|e| e.to_string())?.into_owned();
        if name.starts_with("xl/charts/chart") && name.ends_with(".xml") {
            let mut xml = String::new();
            file.read_to_string(&mut xml).map_err(|e| e.to_string())?;
            let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
            out.start_file(name, options).map_err(|e| e.to_string())?;
            out.write_all(office_defaults(&xml).as_bytes()).map_err(|e| e.to_string())?;
        } else {
            out.raw_copy_file(file).map_err(|e| e.to_string())?;
        }
    }
    Ok(out.finish().map_err(|e| e.to_string())?.into_inner())
}

/// Adds a sheet per chart with a native form to `workbook`: the chart's numbers and the chart
/// drawn from them beside them. The sheets are named after the charts, unique among
/// `taken` (which grows).
pub fn add_chart_sheets(
    workbook: &mut Workbook,
    charts: &[ChartSpec],
    taken: &mut Vec<String>,
    brand: &Brand,
) -> Result<(), XlsxError> {
    for spec in charts {
        let Some(native) = native_chart(spec) else { continue };
        let mut titles: Vec<&str> = taken.iter().map(String::as_str).collect();
        titles.push(&spec.title);
        let name = super::table::sheet_names(titles).pop().unwrap_or_else(|| "Chart".to_owned());
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        let mut chart = native.write(sheet, &name, (0, 0), true, brand)?;
        let rows = u32::try_from(native.categories.len()).unwrap_or(u32::MAX);
        // Tall enough for every category of a horizontal bar chart.
        let height = if native.shape == Shape::Bar { (rows * 28 + 160).clamp(360, 1400) } else { 420 };
        chart.set_width(760).set_height(height);
        sheet.insert_chart(0, native.width() + 1, &chart)?;
        sheet.set_freeze_panes(1, 0)?;
        taken.push(name);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;

    fn read(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn every_chart_but_the_headline_and_the_matrix_has_a_native_form() {
        for spec in samples::all_charts() {
            let native = native_chart(&spec);
            assert_eq!(
                native.is_some(),
                !matches!(spec.kind, ChartKind::Headline | ChartKind::Matrix),
                "{:?}",
                spec.kind
            );
        }
    }

    #[test]
    fn segments_keep_their_numbers_intervals_counts_stars_and_benchmark() {
        let spec = samples::segments();
        let native = native_chart(&spec).unwrap();
        assert_eq!(native.shape, Shape::Bar);
        let headers = native.headers();
        let rows = native.rows();
        assert_eq!(rows.len(), spec.categories.len());
        let bars: Vec<_> = spec.bars().collect();
        let whiskers: Vec<_> = spec
            .series
            .iter()
            .flat_map(|s| match s {
                Series::ErrorBars { whiskers, .. } => whiskers.clone(),
                _ => Vec::new(),
            })
            .collect();
        for (i, (label, numbers)) in rows.iter().enumerate() {
            let category = &spec.categories[i];
            assert!(label.starts_with(&category.label), "{label}");
            assert!(label.contains(&format!("(n = {})", grouped(category.n.unwrap(), spec.thousands))), "{label}");
            let bar = bars.iter().find(|b| b.category == i).unwrap();
            assert_eq!(numbers[0], Some(bar.value));
            let whisker = whiskers.iter().find(|w| w.category == i).unwrap();
            // Value minus the distance below is the interval's low end; plus above, its high.
            assert!((numbers[0].unwrap() - numbers[1].unwrap() - whisker.low).abs() < 1e-9);
            assert!((numbers[0].unwrap() + numbers[2].unwrap() - whisker.high).abs() < 1e-9);
        }
        let significant = spec
            .series
            .iter()
            .filter_map(|s| match s {
                Series::Points { tone: Tone::Highlight, points, .. } => Some(points.len()),
                _ => None,
            })
            .sum::<usize>();
        assert!(significant > 0);
        assert_eq!(rows.iter().filter(|(label, _)| label.ends_with(" *")).count(), significant);
        assert!(native.starred);
        // The sample's overall benchmark range stands beside every bar, as its midpoint with the
        // range as error bars.
        assert!(native.benchmark && headers.len() == 7, "{headers:?}");
        let Some(ReferenceValue::Range { low, high }) = spec.references().next().map(|r| r.value) else {
            panic!("the sample has a range")
        };
        for (_, numbers) in &rows {
            assert_eq!(numbers[3], Some((low + high) / 2.0));
            assert!((numbers[3].unwrap() - numbers[4].unwrap() - low).abs() < 1e-9);
            assert!((numbers[3].unwrap() + numbers[5].unwrap() - high).abs() < 1e-9);
        }
        let mut seen = std::collections::HashSet::new();
        assert!(headers.iter().all(|h| seen.insert(h.to_lowercase())), "{headers:?}");
    }

    #[test]
    fn theme_shares_are_fractions_and_the_trend_is_lines_with_gaps_and_markers() {
        let themes = native_chart(&samples::themes()).unwrap();
        let spec = samples::themes();
        let first = spec.bars().next().unwrap();
        assert_eq!(themes.rows()[first.category].1[0], Some(first.value / 100.0));
        assert_eq!(themes.number_format, "0%");
        let trend_spec = samples::trend();
        let trend = native_chart(&trend_spec).unwrap();
        assert_eq!(trend.shape, Shape::Line);
        let line: Vec<Option<f64>> = trend_spec
            .series
            .iter()
            .find_map(|s| match s {
                Series::Line { points, .. } => Some(points.iter().map(|p| p.value).collect()),
                _ => None,
            })
            .unwrap();
        let rows = trend.rows();
        assert!(line.iter().any(Option::is_none), "the sample trend has a gap");
        for (i, value) in line.iter().enumerate() {
            assert_eq!(rows[i].1[0], *value, "period {i}");
        }
        assert!(trend.series.iter().any(|s| matches!(s.style, Style::Markers(_))));
    }

    #[test]
    fn a_deck_chart_is_drawn_from_its_cached_numbers_and_names_its_workbook() {
        let spec = samples::segments();
        let (xml, workbook) = deck_chart(&spec, &Brand::default()).unwrap().unwrap();
        assert!(xml.contains("<c:barChart>") && xml.contains("<c:barDir val=\"bar\"/>"));
        assert!(xml.contains("<c:externalData r:id=\"rId1\"><c:autoUpdate val=\"0\"/></c:externalData>"));
        // The values and the interval widths are cached in the part, from the range.
        assert!(xml.contains("<c:numCache>") && xml.contains("<c:errValType val=\"cust\"/>"));
        let first = spec.bars().next().unwrap();
        assert!(xml.contains(&format!("<c:v>{}</c:v>", first.value)), "{}", &xml[..2000.min(xml.len())]);
        assert!(
            xml.contains(&format!("<c:v>{}</c:v>", spec.categories[0].label))
                || xml.contains(&spec.categories[0].label)
        );
        // The workbook holds the same range, without a chart of its own.
        let sheet = read(&workbook, "xl/worksheets/sheet1.xml");
        assert!(sheet.contains(&format!("<v>{}</v>", first.value)));
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&workbook)).unwrap();
        assert!(archive.file_names().all(|n| !n.is_ok_and(|n| n.starts_with("xl/charts/"))));
        assert!(deck_chart(&samples::matrix(), &Brand::default()).unwrap().is_none());
    }

    #[test]
    fn the_workbook_holds_each_chart_beside_its_numbers_as_calamine_reads_them() {
        use calamine::{Data, Reader, Xlsx};
        let charts = samples::all_charts();
        let tables = samples::all_tables();
        let bytes = crate::export::table::to_xlsx(&tables, &charts, &Brand::default()).unwrap();
        let natives: Vec<NativeChart> = charts.iter().filter_map(native_chart).collect();
        let archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let parts: Vec<String> = archive
            .file_names()
            .filter_map(Result::ok)
            .filter(|n| n.starts_with("xl/charts/chart"))
            .map(|n| n.into_owned())
            .collect();
        assert_eq!(parts.len(), natives.len());
        for part in &parts {
            let xml = read(&bytes, part);
            assert!(!xml.contains("<c:showVal val=\"1\"/>") || xml.contains("<c:showCatName val=\"0\"/>"), "{part}");
            if xml.contains("<c:lineChart>") {
                assert!(xml.contains("<c:smooth val=\"0\"/>"), "{part}");
            }
        }
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let names = book.sheet_names();
        assert_eq!(names.len(), tables.len() + natives.len());
        // After the tables, a sheet per chart: its header, labels and numbers as written.
        for (native, name) in natives.iter().zip(&names[tables.len()..]) {
            let range = book.worksheet_range(name).unwrap();
            let header: Vec<String> = (0..native.headers().len())
                .map(|c| range.get_value((0, c as u32)).map(ToString::to_string).unwrap_or_default())
                .collect();
            assert_eq!(header, native.headers(), "{name}");
            for (r, (label, numbers)) in native.rows().iter().enumerate() {
                let row = r as u32 + 1;
                assert_eq!(range.get_value((row, 0)), Some(&Data::String(label.clone())), "{name}");
                for (c, number) in numbers.iter().enumerate() {
                    let cell = range.get_value((row, c as u32 + 1));
                    match number {
                        Some(v) => assert_eq!(cell, Some(&Data::Float(*v)), "{name} {row} {c}"),
                        None => assert!(matches!(cell, None | Some(Data::Empty)), "{name} {row} {c}: {cell:?}"),
                    }
                }
            }
        }
    }
}
