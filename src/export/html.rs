//! The one-file HTML report: title, source file and date, every chart as inline SVG and every table
//! as an HTML table. No scripts and no external resources, so it opens offline, can be mailed as
//! one file and prints well (one chart per page block, tables not split mid-row).
//!
//! Owns the report's HTML; charts come from `svg`.

use std::fmt::Write as _;

use super::ReportInfo;
use super::font::svg_font_family;
use super::svg::{SvgOptions, escape_xml, render_svg};
use super::table::{Cell, ColumnKind, Table, display_number};
use crate::chart::ChartSpec;

/// The stylesheet: light, readable on screen and paper.
const STYLE: &str = "\
body{font-family:'DejaVu Sans','Liberation Sans',Arial,sans-serif;color:#1a1a1a;background:#fff;\
margin:0 auto;max-width:1100px;padding:24px 32px;line-height:1.45}\
h1{font-size:28px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px}\
.meta{color:#5f5f5f;margin:0 0 4px}.client{font-size:18px;margin:0 0 6px}\
.logo{float:right;max-height:64px;max-width:240px;margin:0 0 8px 16px}\
figure{margin:24px 0;break-inside:avoid;page-break-inside:avoid}\
figure svg{display:block;width:100%;height:auto;border:1px solid #e2e2e2}\
table{border-collapse:collapse;margin:8px 0 24px;font-size:14px}\
caption{text-align:left;font-weight:bold;font-size:16px;padding:4px 0}\
th,td{border-bottom:1px solid #e2e2e2;padding:4px 10px;text-align:left;vertical-align:top}\
th{border-bottom:2px solid #8a8a8a}td.num{text-align:right;font-variant-numeric:tabular-nums}\
tr{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}\
footer{color:#5f5f5f;font-size:12px;margin-top:32px}\
@media print{body{max-width:none;padding:0}figure svg{border:none}h2{break-after:avoid}\
table.whole{break-inside:avoid;page-break-inside:avoid}caption{break-after:avoid;page-break-after:avoid}\
table{font-size:11px}th,td{padding:3px 6px}footer{break-before:avoid;page-break-before:avoid;margin-top:8px}}\
@page{size:A4 landscape;margin:14mm}";

/// The report as one HTML document.
#[must_use]
pub fn report_html(info: &ReportInfo, charts: &[ChartSpec], tables: &[Table]) -> String {
    let mut out = String::with_capacity(64 * 1024 * (charts.len() + 1));
    let title = escape_xml(&info.title);
    let lang = escape_xml(info.language());
    // The brand's font before the embedded family's fallbacks (a safe name, written unescaped).
    let font = info.brand.font_family().map_or_else(String::new, |_| {
        format!("<style>body{{font-family:{}}}</style>\n", svg_font_family(info.brand.font_family()))
    });
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n{font}</head>\n<body>\n<header>\n"
    );
    // The brand: its logo (a data URL, so the file stays one file), the title in its colour,
    // the client under it.
    if let Some(logo) = info.brand.logo_url() {
        let _ = writeln!(out, "<img class=\"logo\" src=\"{}\" alt=\"Logo\">", escape_xml(logo));
    }
    let colour = match info.brand.primary("") {
        "" => String::new(),
        c => format!(" style=\"color:{c}\""),
    };
    let _ = writeln!(out, "<h1{colour}>{title}</h1>");
    if !info.brand.client.trim().is_empty() {
        let _ = writeln!(out, "<p class=\"client\">{}</p>", escape_xml(info.brand.client.trim()));
    }
    if !info.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", escape_xml(&info.subtitle));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} &middot; {}</p>\n</header>\n<main>",
        escape_xml(&info.source_file),
        escape_xml(&info.date)
    );
    let inline = SvgOptions { standalone: false, ..SvgOptions::branded(&info.brand) };
    for chart in charts {
        let _ = writeln!(out, "<figure id=\"chart-{}\">", escape_xml(&super::file_stem(&chart.id)));
        out.push_str(&render_svg(chart, &inline));
        out.push_str("</figure>\n");
    }
    for table in tables {
        write_table(&mut out, table);
    }
    let _ = writeln!(out, "</main>\n<footer>{} &middot; {}</footer>\n</body>\n</html>", title, escape_xml(&info.date));
    out
}

/// Tables of at most this many rows are printed whole (about a landscape A4 page).
const KEPT_WHOLE: usize = 20;

/// One table as HTML, numbers right-aligned with their column's decimals.
fn write_table(out: &mut String, table: &Table) {
    // A table that fits a printed page is kept whole, so its caption never stays behind at a
    // page's foot; a longer one breaks between rows and repeats its header.
    let class = if table.rows.len() <= KEPT_WHOLE { " class=\"whole\"" } else { "" };
    let _ = writeln!(out, "<table{class}>\n<caption>{}</caption>\n<thead><tr>", escape_xml(&table.title));
    for column in &table.columns {
        let class = if matches!(column.kind, ColumnKind::Text | ColumnKind::Date) { "" } else { " class=\"num\"" };
        let _ = write!(out, "<th{class}>{}</th>", escape_xml(&column.header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, column) in table.columns.iter().enumerate() {
            match row.get(i).unwrap_or(&Cell::Empty) {
                Cell::Text(text) => {
                    let _ = write!(out, "<td>{}</td>", escape_xml(text));
                }
                Cell::Number(value) => {
                    let _ = write!(out, "<td class=\"num\">{}</td>", display_number(*value, column.kind));
                }
                Cell::Empty => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::samples;

    #[test]
    fn the_report_holds_one_svg_per_chart_and_nothing_external() {
        let charts = samples::all_charts();
        let tables = samples::all_tables();
        let html = report_html(&samples::report_info(), &charts, &tables);
        assert_eq!(html.matches("<svg").count(), charts.len());
        assert!(!html.to_lowercase().contains("http"), "the report must not link anywhere");
        assert!(!html.contains("<script"));
        assert!(html.contains("<caption>"));
        // Short tables print whole (their caption stays with them); the footer follows the last.
        assert_eq!(
            html.matches("<table class=\"whole\">").count(),
            tables.iter().filter(|t| t.rows.len() <= KEPT_WHOLE).count()
        );
        assert!(STYLE.contains("table.whole{break-inside:avoid") && STYLE.contains("footer{break-before:avoid"));
    }

    #[test]
    fn report_text_is_escaped() {
        let info = ReportInfo {
            title: "Q1 <b>& co</b>".to_owned(),
            source_file: "klant \"x\".xlsx".to_owned(),
            date: "2025-06-30".to_owned(),
            subtitle: String::new(),
            language: "nl-NL".to_owned(),
            quotes: Vec::new(),
            data_quality: None,
            brand: crate::chart::Brand::default(),
        };
        let table = Table {
            title: "<t>".to_owned(),
            columns: vec![super::super::table::Column::new("a<b", ColumnKind::Text)],
            rows: vec![vec![Cell::Text("<script>x</script>".to_owned())]],
        };
        let html = report_html(&info, &[], &[table]);
        assert!(html.contains("Q1 &lt;b&gt;&amp; co&lt;/b&gt;"));
        assert!(html.contains("klant &quot;x&quot;.xlsx"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("a&lt;b"));
        assert!(html.contains("<html lang=\"nl-NL\">"));
    }
}
