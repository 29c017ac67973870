//! `report FILE --out DIR` as a user opens its files: PNG size, SVG that parses, the workbook's
//! numbers against the JSON, the deck's slides, neutralised CSV cells, no temporary leftovers and
//! nothing written beside the input.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

mod common;

use common::run;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample/survey.csv");

/// Runs the sample with `--by region --trend month --out DIR` and returns the JSON.
fn export_sample(dir: &Path) -> serde_json::Value {
    let out = dir.to_str().unwrap();
    let (code, stdout, stderr) = run(&[
        "report",
        SAMPLE,
        "--by",
        "region",
        "--by",
        "sector:channel",
        "--trend",
        "month",
        "--json",
        "--out",
        out,
    ]);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", path.display());
    // IHDR: width and height, big-endian, right after the 8-byte signature and the chunk header.
    let word = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    archive.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn out_writes_charts_tables_report_and_deck() {
    let dir = tempfile::tempdir().unwrap();
    let json = export_sample(dir.path());
    let mut names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for expected in [
        "report.json",
        "distribution.png",
        "distribution.svg",
        "segments-region.png",
        "segments-region.svg",
        // A two-way breakdown is exported as the matrix the window shows.
        "matrix-sector-channel.png",
        "matrix-sector-channel.svg",
        "trend.png",
        "trend.svg",
        "benchmarks.png",
        // The sample has comments: the detractor themes are written too.
        "themes.png",
        "themes.svg",
        "what-detractors-complain-about.csv",
        "tables.xlsx",
        "data-quality.csv",
        "report.html",
        "deck.pptx",
    ] {
        assert!(names.iter().any(|n| n == expected), "{expected} missing from {names:?}");
    }
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    for png in names.iter().filter(|n| n.ends_with(".png")) {
        assert_eq!(png_size(&dir.path().join(png)), (1920, 1080), "{png}");
    }
    let options = resvg::usvg::Options::default();
    for svg in names.iter().filter(|n| n.ends_with(".svg")) {
        let text = std::fs::read_to_string(dir.path().join(svg)).unwrap();
        let tree = resvg::usvg::Tree::from_str(&text, &options).unwrap();
        assert_eq!((tree.size().width(), tree.size().height()), (1920.0, 1080.0), "{svg}");
    }
    // The sample's file name and the n appear in the footnotes.
    let svg = std::fs::read_to_string(dir.path().join("segments-region.svg")).unwrap();
    assert!(svg.contains(&format!("n = {}", json["overall"]["n"])), "footnote without n");
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.matches("<svg").count() >= 5 && !html.contains("<script") && !html.contains("http"));
    // Nothing is written beside the input.
    let beside: Vec<_> = std::fs::read_dir(Path::new(SAMPLE).parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".png") || n.ends_with(".tmp") || n.ends_with(".xlsx"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
}

#[test]
fn the_workbook_holds_the_numbers_of_the_json() {
    let dir = tempfile::tempdir().unwrap();
    let json = export_sample(dir.path());
    let mut book: Xlsx<_> = calamine::open_workbook(dir.path().join("tables.xlsx")).unwrap();
    let sheets = book.sheet_names();
    assert!(sheets.contains(&"Data quality".to_owned()), "{sheets:?}");
    let overall = book.worksheet_range("Overall").unwrap();
    let number = |range: &calamine::Range<Data>, row: usize, col: usize| match range.get((row, col)) {
        Some(Data::Float(v)) => *v,
        other => panic!("({row}, {col}) is {other:?}, not a number"),
    };
    // xlsx stores numbers as decimal text: equal to the JSON's up to the last binary digit.
    let same = |a: f64, b: &serde_json::Value| {
        let b = b.as_f64().unwrap();
        assert!((a - b).abs() <= 1e-12 * b.abs().max(1.0), "{a} in the workbook, {b} in the JSON");
    };
    let o = &json["overall"];
    same(number(&overall, 1, 0), &o["n"]);
    same(number(&overall, 1, 1), &o["nps"]);
    same(number(&overall, 1, 2), &o["ci_low"]);
    same(number(&overall, 1, 3), &o["ci_high"]);
    same(number(&overall, 1, 10), &o["mean"]);
    // Percentages are fractions in the workbook (Excel's own %), percent points in the JSON.
    for (col, key) in [(7, "promoter_pct"), (8, "passive_pct"), (9, "detractor_pct")] {
        let (sheet, json) = (number(&overall, 1, col), o[key].as_f64().unwrap());
        assert!((100.0 * sheet - json).abs() < 1e-9, "{key}: {sheet} in the workbook, {json} in the JSON");
    }
    let regions = book.worksheet_range("NPS by region").unwrap();
    // The sheet ranks the regions by NPS, highest first; the JSON keeps the engine's order.
    let mut rows: Vec<&serde_json::Value> =
        json["segments"].as_array().unwrap().iter().filter(|r| r["column"] == "region").collect();
    rows.sort_by(|a, b| b["nps"].as_f64().unwrap().total_cmp(&a["nps"].as_f64().unwrap()));
    assert_eq!(regions.height(), rows.len() + 1);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(regions.get((i + 1, 0)), Some(&Data::String(row["value"].as_str().unwrap().to_owned())));
        same(number(&regions, i + 1, 1), &row["n"]);
        same(number(&regions, i + 1, 2), &row["nps"]);
        same(number(&regions, i + 1, 3), &row["ci_low"]);
        same(number(&regions, i + 1, 4), &row["ci_high"]);
    }
    let quality = book.worksheet_range("Data quality").unwrap();
    let excluded = json["excluded"].as_array().unwrap();
    assert_eq!(quality.height(), excluded.len() + 1);
    same(number(&quality, 1, 2), &excluded[0]["rows"]);
    let trend = book.worksheet_range("NPS per month").unwrap();
    assert_eq!(trend.height(), json["trend"].as_array().unwrap().len() + 1);
}

#[test]
fn the_deck_has_a_title_slide_and_one_slide_per_chart() {
    let dir = tempfile::tempdir().unwrap();
    export_sample(dir.path());
    let charts = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().ends_with(".svg"))
        .count();
    let deck = dir.path().join("deck.pptx");
    let presentation = zip_entry(&deck, "ppt/presentation.xml");
    // The title slide, a slide per chart, up to three slides of detractors' quotes, then the
    // data-quality slide.
    let slides = presentation.matches("<p:sldId ").count();
    let quotes = slides - charts - 2;
    assert!((1..=3).contains(&quotes), "{slides} slides for {charts} charts");
    let quality = zip_entry(&deck, &format!("ppt/slides/slide{slides}.xml"));
    assert!(quality.contains("Data quality") && quality.contains("<a:tbl>"), "{quality}");
    for slide in charts + 2..slides {
        let xml = zip_entry(&deck, &format!("ppt/slides/slide{slide}.xml"));
        assert!(xml.contains("What detractors say about") && xml.contains("\u{201c}"), "{xml}");
        assert!(!xml.contains('@'), "no e-mail address on a quote slide");
    }
    // --no-quotes leaves them out.
    let without = tempfile::tempdir().unwrap();
    let out = without.path().to_str().unwrap();
    let (code, _, stderr) = run(&["report", SAMPLE, "--out", out, "--no-quotes"]);
    assert_eq!(code, 0, "{stderr}");
    let svgs = std::fs::read_dir(without.path())
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "svg"))
        .count();
    let presentation = zip_entry(&without.path().join("deck.pptx"), "ppt/presentation.xml");
    assert_eq!(presentation.matches("<p:sldId ").count(), svgs + 2, "title, charts and data quality only");
    let title = zip_entry(&deck, "ppt/slides/slide1.xml");
    assert!(title.contains("survey.csv"), "the title slide names the file");
    // The first content slide is the headline; the distribution follows.
    let second = zip_entry(&deck, "ppt/slides/slide2.xml");
    assert!(second.contains("Net Promoter Score at a glance") && second.contains("adjusted Wald"), "{second}");
    let third = zip_entry(&deck, "ppt/slides/slide3.xml");
    assert!(third.contains("Score distribution (0-10)") && third.contains("adjusted Wald"));
}

/// The names of a zip's entries.
fn zip_names(path: &Path) -> Vec<String> {
    let file = std::fs::File::open(path).unwrap();
    let archive = zip::ZipArchive::new(file).unwrap();
    archive.file_names().filter_map(Result::ok).map(|n| n.into_owned()).collect()
}

#[test]
fn report_out_writes_native_charts_a_pdf_and_unique_headers() {
    let dir = tempfile::tempdir().unwrap();
    let json = export_sample(dir.path());
    // The deck: at least four native charts, each with its own workbook; the first content
    // slide holds the overall NPS, its interval and n as text.
    let deck = dir.path().join("deck.pptx");
    let names = zip_names(&deck);
    let charts: Vec<&String> =
        names.iter().filter(|n| n.starts_with("ppt/charts/chart") && n.ends_with(".xml")).collect();
    assert!(charts.len() >= 4, "{names:?}");
    for chart in &charts {
        let number = chart.trim_start_matches("ppt/charts/chart").trim_end_matches(".xml");
        let rels = zip_entry(&deck, &format!("ppt/charts/_rels/chart{number}.xml.rels"));
        let workbook = rels.split("Target=\"../").nth(1).and_then(|t| t.split('"').next()).unwrap();
        assert!(names.iter().any(|n| *n == format!("ppt/{workbook}")), "{workbook}");
        assert!(zip_entry(&deck, chart).contains("<c:numCache>"), "{chart} carries its numbers");
    }
    let headline = zip_entry(&deck, "ppt/slides/slide2.xml");
    let overall = &json["overall"];
    let signed = |v: f64| format!("{v:+.1}");
    for text in [
        signed(overall["nps"].as_f64().unwrap()),
        format!(
            "95% CI {} to {}",
            signed(overall["ci_low"].as_f64().unwrap()),
            signed(overall["ci_high"].as_f64().unwrap())
        ),
        format!("n = {}", overall["n"]),
    ] {
        assert!(headline.contains(&text), "{text} not on the headline slide");
    }
    // The workbook: native charts beside their numbers.
    let workbook = dir.path().join("tables.xlsx");
    assert!(zip_names(&workbook).iter().any(|n| n.starts_with("xl/charts/chart")));
    // The PDF: A4 landscape pages with the font embedded.
    let pdf = std::fs::read(dir.path().join("report.pdf")).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    assert!(pdf.starts_with(b"%PDF-") && text.contains("/MediaBox[0 0 841.89 595.28]"));
    assert!(text.contains("/FontFile2"));
    // Every header row of every sheet is unique (ignoring case), as Excel tables need.
    let mut book: Xlsx<_> = Xlsx::new(std::io::BufReader::new(std::fs::File::open(&workbook).unwrap())).unwrap();
    for sheet in book.sheet_names() {
        let range = book.worksheet_range(&sheet).unwrap();
        let headers: Vec<String> = (0..range.width())
            .filter_map(|c| range.get_value((0, c as u32)).map(|v| v.to_string().to_lowercase()))
            .filter(|h| !h.is_empty())
            .collect();
        let unique: std::collections::HashSet<&String> = headers.iter().collect();
        assert_eq!(unique.len(), headers.len(), "{sheet}: {headers:?}");
    }
}

#[test]
fn report_out_speaks_the_language_of_the_text_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, _, stderr) = run(&["report", SAMPLE, "--by", "region", "--lang", "nl", "--out", out]);
    assert_eq!(code, 0, "{stderr}");
    let workbook = dir.path().join("tables.xlsx");
    let book: Xlsx<_> = Xlsx::new(std::io::BufReader::new(std::fs::File::open(&workbook).unwrap())).unwrap();
    assert!(book.sheet_names().iter().any(|s| s == "Datakwaliteit"), "{:?}", book.sheet_names());
    let deck = dir.path().join("deck.pptx");
    let headline = zip_entry(&deck, "ppt/slides/slide2.xml");
    assert!(headline.contains("lang=\"nl-NL\"") && headline.contains("Criticasters"), "{headline}");
    let pdf = std::fs::read(dir.path().join("report.pdf")).unwrap();
    assert!(String::from_utf8_lossy(&pdf).contains("nl-NL"), "the PDF says its language");
}

#[test]
fn the_brand_goes_into_every_document_and_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let project = dir.path().join("client.nps.json");
    let logo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/icon/nps-workbench.svg");
    let (code, _, stderr) = run(&[
        "report",
        SAMPLE,
        "--by",
        "region",
        "--out",
        out.to_str().unwrap(),
        "--title",
        "Klanttevredenheid 2026",
        "--client",
        "Bakkerij De Vries",
        "--source-name",
        "Klantonderzoek 2026",
        "--logo",
        logo,
        "--brand-colour",
        "#7b2d8e",
        "--font",
        "Georgia",
        "--save-project",
        project.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let deck = out.join("deck.pptx");
    let title = zip_entry(&deck, "ppt/slides/slide1.xml");
    assert!(title.contains("Klanttevredenheid 2026") && title.contains("Bakkerij De Vries"), "{title}");
    assert!(title.contains("Klantonderzoek 2026") && !title.contains("survey.csv"), "the source as the user calls it");
    assert!(zip_entry(&deck, "ppt/slides/slide3.xml").contains("Klantonderzoek 2026"), "footnotes name it too");
    assert!(zip_entry(&deck, "ppt/theme/theme1.xml").contains("7B2D8E"));
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(
        html.contains("<img class=\"logo\" src=\"data:image/svg+xml;base64,") && html.contains("Bakkerij De Vries")
    );
    assert!(!html.contains("survey.csv"));
    // Saved with the project, and used again from it.
    let saved: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&project).unwrap()).unwrap();
    assert_eq!(saved["brand"]["client"], "Bakkerij De Vries");
    assert_eq!(saved["brand"]["colours"][0], "#7B2D8E");
    let again = dir.path().join("again");
    let (code, _, stderr) = run(&["report", "--project", project.to_str().unwrap(), "--out", again.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(zip_entry(&again.join("deck.pptx"), "ppt/slides/slide1.xml").contains("Bakkerij De Vries"));
    // A colour that is not one, or three of them, is a usage error; a logo that is no picture
    // fails naming the file.
    let (code, _, stderr) = run(&["report", SAMPLE, "--brand-colour", "purple"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("#RRGGBB"), "{stderr}");
    let (code, _, stderr) =
        run(&["report", SAMPLE, "--brand-colour", "#111111", "--brand-colour", "#222222", "--brand-colour", "#333333"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = run(&["report", SAMPLE, "--logo", SAMPLE]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("survey.csv") && stderr.contains("PNG or SVG"), "{stderr}");
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.csv");
    let mut csv = String::from("How likely are you to recommend us?,region\n");
    for (i, region) in ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "Noord"].iter().enumerate() {
        for k in 0..4 {
            csv.push_str(&format!("{},\"{}\"\n", (2 * i + k) % 11, region.replace('"', "\"\"")));
        }
    }
    std::fs::write(&input, csv).unwrap();
    let out = dir.path().join("out");
    let (code, _, stderr) = run(&["report", input.to_str().unwrap(), "--by", "region", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let table = std::fs::read_to_string(out.join("nps-by-region.csv")).unwrap();
    for line in table.lines().skip(1) {
        let first = line.trim_start_matches('"');
        assert!(!first.starts_with(['=', '+', '-', '@']), "not neutralised: {line}");
    }
    assert!(table.contains("'=HYPERLINK") && table.contains("'+1") && table.contains("'-2") && table.contains("'@SUM"));
    // In the workbook the same cells are text, never formulas.
    let mut book: Xlsx<_> = calamine::open_workbook(out.join("tables.xlsx")).unwrap();
    let formulas = book.worksheet_formula("NPS by region").unwrap();
    assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()));
    let range = book.worksheet_range("NPS by region").unwrap();
    assert!(range.rows().skip(1).any(|r| r[0] == Data::String("=HYPERLINK(\"http://x\")".to_owned())));
    assert!(range.rows().skip(1).all(|r| matches!(r[1], Data::Float(_))));
}

#[test]
fn an_unwritable_out_folder_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("taken");
    std::fs::write(&blocker, b"a file, not a folder").unwrap();
    let (code, _, stderr) = run(&["report", SAMPLE, "--out", blocker.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(stderr.contains("taken"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
}

#[test]
fn png_2x_doubles_the_slide_size_and_needs_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("big");
    let (code, _, stderr) = run(&["report", SAMPLE, "--out", out.to_str().unwrap(), "--png-2x"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(png_size(&out.join("distribution.png")), (3840, 2160));
    let (code, _, stderr) = run(&["report", SAMPLE, "--png-2x"]);
    assert_eq!(code, 2, "a usage error without --out: {stderr}");
}
