//! Whole-process speed of `nps-workbench report` (release build), against the budget in
//! DESIGN.md: a 1,000,000-row CSV and a 100,000-row xlsx (10 columns incl. comments), read and
//! analysed overall and per two segment columns; and the same 100,000 rows as a streaming writer
//! writes them (xlsxwriter's constant-memory mode, like Apache POI's SXSSF that many survey tools
//! use: inline strings, dates as date-formatted numbers). Run with `cargo bench --bench report_speed`.
//!
//! The input files are generated here, deterministically, into `target/bench-data/`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark fails loudly on purpose

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 7;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const SECTORS: [&str; 6] = ["Retail", "Grocery", "Consulting", "ICT services", "Wholesale", "Logistics"];
const REGIONS: [&str; 5] = ["Netherlands", "Denmark", "Belgium", "Germany", "United Kingdom"];
const CHANNELS: [&str; 4] = ["Web", "Store", "Phone", "Email"];
const PRODUCTS: [&str; 4] = ["Basic", "Plus", "Premium", "Enterprise"];
const COMMENTS: [&str; 6] = [
    "Levering te laat",
    "Great service, fast delivery",
    "For dyrt, men god kvalitet",
    "",
    "Vriendelijk personeel",
    "\"Slow, again\"",
];

fn row(rng: &mut Rng, i: usize) -> [String; 10] {
    let day = 1 + rng.below(28);
    let month = 1 + rng.below(12);
    let score = [0, 3, 5, 6, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10][rng.below(14) as usize];
    [
        format!("R{i:07}"),
        format!("2025-{month:02}-{day:02}"),
        SECTORS[rng.below(6) as usize].to_owned(),
        REGIONS[rng.below(5) as usize].to_owned(),
        CHANNELS[rng.below(4) as usize].to_owned(),
        PRODUCTS[rng.below(4) as usize].to_owned(),
        score.to_string(),
        (1 + rng.below(7)).to_string(),
        (1 + rng.below(5)).to_string(),
        COMMENTS[rng.below(6) as usize].to_owned(),
    ]
}

const HEADER: [&str; 10] = [
    "respondent_id",
    "date",
    "sector",
    "region",
    "channel",
    "product",
    "nps_score",
    "ces_score",
    "csat_score",
    "comment",
];

fn bench_data() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn make_csv(path: &Path, rows: usize) {
    if path.exists() {
        return;
    }
    let mut rng = Rng(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(out, "{}", HEADER.join(",")).unwrap();
    for i in 0..rows {
        let cells = row(&mut rng, i);
        let quoted: Vec<String> = cells
            .iter()
            .map(|c| if c.contains([',', '"']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
            .collect();
        writeln!(out, "{}", quoted.join(",")).unwrap();
    }
    out.flush().unwrap();
}

/// How a generated workbook is written.
#[derive(Clone, Copy, PartialEq)]
enum Writer {
    /// Shared strings, every cell as the text or number the CSV holds.
    Plain,
    /// Inline strings, row by row, and the date column as date-formatted numbers.
    Streaming,
}

fn make_xlsx(path: &Path, rows: usize, writer: Writer) {
    if path.exists() {
        return;
    }
    let mut rng = Rng(7);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = match writer {
        Writer::Plain => workbook.add_worksheet(),
        Writer::Streaming => workbook.add_worksheet_with_constant_memory().unwrap(),
    };
    let date_format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (c, name) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *name).unwrap();
    }
    for i in 0..rows {
        let cells = row(&mut rng, i);
        let r = (i + 1) as u32;
        for (c, cell) in cells.iter().enumerate() {
            if c == 1 && writer == Writer::Streaming {
                let date = rust_xlsxwriter::ExcelDateTime::parse_from_str(cell).unwrap();
                sheet.write_datetime_with_format(r, c as u16, &date, &date_format).unwrap();
                continue;
            }
            match cell.parse::<f64>() {
                Ok(number) if (6..=8).contains(&c) => sheet.write_number(r, c as u16, number).unwrap(),
                _ => sheet.write_string(r, c as u16, cell).unwrap(),
            };
        }
    }
    workbook.save(path).unwrap();
}

fn median_run(file: &Path) -> (Duration, String) {
    let mut times = Vec::new();
    let mut last = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
            .args(["report", file.to_str().unwrap(), "--by", "sector", "--by", "region", "--json"])
            .output()
            .unwrap();
        times.push(start.elapsed());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        last = String::from_utf8_lossy(&output.stdout).into_owned();
    }
    times.sort();
    (times[RUNS / 2], last)
}

/// Median wall time of the CLI over the bundled sample with every breakdown, the trend and a
/// benchmark, with `extra` arguments.
fn median_sample_run(extra: &[&str]) -> Duration {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample/survey.csv");
    let mut times = Vec::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let output = Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
            .args(["report", sample.to_str().unwrap(), "--by", "region", "--by", "channel", "--by", "region:channel"])
            .args(["--trend", "quarter", "--benchmark", "retail"])
            .args(extra)
            .output()
            .unwrap();
        times.push(start.elapsed());
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    times.sort();
    times[RUNS / 2]
}

fn main() {
    // The sample's full report in every format (charts as SVG and PNG, CSVs, the workbook with its
    // charts, HTML, PDF and the deck with its native charts): the run with --out less the run
    // without is the export.
    let out = tempfile::tempdir().unwrap();
    let analysis = median_sample_run(&["--json"]);
    let all = median_sample_run(&["--json", "--out", out.path().to_str().unwrap()]);
    let files = std::fs::read_dir(out.path()).unwrap().count();
    println!(
        "export of the sample's full report ({files} files, all formats): median {} ms with analysis, {} ms without \
         (analysis alone {} ms) over {RUNS} runs (budget 1000 ms)",
        all.as_millis(),
        all.saturating_sub(analysis).as_millis(),
        analysis.as_millis()
    );

    let dir = bench_data();
    let csv = dir.join("responses-1m.csv");
    let xlsx = dir.join("responses-100k.xlsx");
    let streamed = dir.join("responses-100k-streamed.xlsx");
    make_csv(&csv, 1_000_000);
    make_xlsx(&xlsx, 100_000, Writer::Plain);
    make_xlsx(&streamed, 100_000, Writer::Streaming);
    for (file, budget_ms) in [(&csv, 250), (&xlsx, 800), (&streamed, 800)] {
        let size_mb = std::fs::metadata(file).unwrap().len() as f64 / 1e6;
        let (median, json) = median_run(file);
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        println!(
            "report {} ({size_mb:.1} MB, n = {}): median {} ms over {RUNS} runs (budget {budget_ms} ms)",
            file.file_name().unwrap().to_string_lossy(),
            report["overall"]["n"],
            median.as_millis()
        );
    }
}
