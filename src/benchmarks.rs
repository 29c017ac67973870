//! Sector benchmarks: the bundled library of published NPS figures (`assets/benchmarks.csv`, each
//! row with its source), the user's own rows stored in the configuration folder, matching of a
//! file's sector values to a benchmark sector in English, Dutch and Danish, and the verdict.
//!
//! Verdict rule (reference/statistics.md): with the segment's adjusted-Wald interval [L, U] and
//! the benchmark [B_lo, B_hi] (a single published value is a point, B_lo = B_hi): `above` if
//! L > B_hi, `below` if U < B_lo, `within` if [L, U] lies inside the band, otherwise
//! `inconclusive`; fewer than 30 answers (Kish's effective n when weighted) is `too_few`.
//! The interval the verdict reads is taken at z = [`VERDICT_Z`] = 2.0 rather than 1.96: at
//! 1.96 the adjusted-Wald interval's exact coverage dips to 94.2% (30 answers, population
//! 40/30/30) and 94.4% (39 answers), below the 94.5% a verdict promises; at 2.0 its coverage was
//! at least 94.8% for 30 to 60, 75, 100 and 150 answers in the four populations of
//! `examples/calibration.rs` (exact enumeration of every sample).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::analysis::NpsSummary;
use crate::files::write_atomic;
use crate::stats::NpsCounts;

/// The bundled library.
pub const BUNDLED_CSV: &str = include_str!("../assets/benchmarks.csv");

/// The columns of a benchmark file, in order.
pub const COLUMNS: [&str; 14] = [
    "id",
    "sector",
    "synonyms_en",
    "synonyms_nl",
    "synonyms_da",
    "region",
    "audience",
    "year",
    "low",
    "high",
    "value",
    "source",
    "evidence",
    "population",
];

/// Who answered: businesses, consumers, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Audience {
    /// Business clients.
    #[serde(rename = "B2B")]
    B2b,
    /// Consumers.
    #[serde(rename = "B2C")]
    B2c,
    /// Both, or not told.
    Mixed,
}

impl Audience {
    /// `B2B`, `B2C` or `Mixed`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::B2b => "B2B",
            Self::B2c => "B2C",
            Self::Mixed => "Mixed",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_uppercase().as_str() {
            "B2B" => Some(Self::B2b),
            "B2C" => Some(Self::B2c),
            "MIXED" | "" => Some(Self::Mixed),
            _ => None,
        }
    }
}

/// One published figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Benchmark {
    /// Stable identifier; a user row with the same id overrides the bundled one.
    pub id: String,
    /// Sector name (English).
    pub sector: String,
    /// Other names per language, lower case.
    pub synonyms: Vec<String>,
    /// Where the respondents were (`NL`, `US`, `US/CA`, `Global`, ...).
    pub region: String,
    /// B2B, B2C or mixed.
    pub audience: Audience,
    /// Year of the data.
    pub year: i32,
    /// Lower end of a published range.
    pub low: Option<f64>,
    /// Upper end of a published range.
    pub high: Option<f64>,
    /// A single published value (an average or median), never widened into a band.
    pub value: Option<f64>,
    /// Where it was published.
    pub source: String,
    /// `E`: the publisher's own page; `S`: quoted by a third party.
    pub evidence: String,
    /// Who was asked.
    pub population: String,
    /// Whether the row is the user's own.
    #[serde(default)]
    pub user: bool,
}

impl Benchmark {
    /// The band [low, high]; a point for a single value.
    #[must_use]
    pub fn band(&self) -> (f64, f64) {
        match (self.low, self.high, self.value) {
            (Some(lo), Some(hi), _) => (lo.min(hi), lo.max(hi)),
            (_, _, Some(v)) => (v, v),
            _ => (f64::NAN, f64::NAN),
        }
    }

    /// Whether the figure is a single value.
    #[must_use]
    pub fn is_point(&self) -> bool {
        self.low.is_none() || self.high.is_none()
    }
}

/// Why a benchmark file could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BenchmarkError {
    /// A row that does not make sense.
    #[error("{file}, row {row}, column '{column}': {reason}")]
    BadRow { file: String, row: usize, column: String, reason: String },
    /// The header lacks a column.
    #[error("{file}: the header has no column '{column}'; it needs: {needed}")]
    MissingColumn { file: String, column: String, needed: String },
    /// The file could not be read or written.
    #[error("{file}: {reason}")]
    Io { file: String, reason: String },
}

fn split_synonyms(cells: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for cell in cells {
        for s in cell.split('|').map(normalise).filter(|s| !s.is_empty()) {
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

/// Parses benchmark rows from a table of text cells (header first), naming `file` in errors.
pub fn parse_rows(file: &str, rows: &[Vec<String>], user: bool) -> Result<Vec<Benchmark>, BenchmarkError> {
    let numbered: Vec<(usize, Vec<String>)> = rows.iter().cloned().enumerate().map(|(r, row)| (r + 1, row)).collect();
    parse_numbered_rows(file, &numbered, user)
}

/// As [`parse_rows`], each row with its spreadsheet row number (for messages).
fn parse_numbered_rows(
    file: &str,
    rows: &[(usize, Vec<String>)],
    user: bool,
) -> Result<Vec<Benchmark>, BenchmarkError> {
    let Some((_, header)) = rows.first() else { return Ok(Vec::new()) };
    let position = |name: &str| header.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let mut index = [0usize; 14];
    for (i, name) in COLUMNS.iter().enumerate() {
        index[i] = position(name).ok_or_else(|| BenchmarkError::MissingColumn {
            file: file.to_owned(),
            column: (*name).to_owned(),
            needed: COLUMNS.join(", "),
        })?;
    }
    let mut out = Vec::new();
    for (row_number, row) in rows.iter().skip(1) {
        let cell = |k: usize| row.get(index[k]).map_or("", |c| c.trim());
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let bad = |k: usize, reason: &str| BenchmarkError::BadRow {
            file: file.to_owned(),
            row: *row_number,
            column: COLUMNS[k].to_owned(),
            reason: reason.to_owned(),
        };
        let number = |k: usize| -> Result<Option<f64>, BenchmarkError> {
            let text = cell(k);
            if text.is_empty() {
                return Ok(None);
            }
            let v = crate::import::score::parse_number(text).ok_or_else(|| bad(k, "not a number"))?;
            if (-100.0..=100.0).contains(&v) { Ok(Some(v)) } else { Err(bad(k, "an NPS lies between -100 and 100")) }
        };
        let (low, high, value) = (number(8)?, number(9)?, number(10)?);
        match (low, high, value) {
            (Some(_), Some(_), None) | (None, None, Some(_)) => {}
            _ => return Err(bad(10, "give either low and high (a range) or a single value")),
        }
        if cell(0).is_empty() {
            return Err(bad(0, "every row needs an id"));
        }
        if cell(1).is_empty() {
            return Err(bad(1, "every row needs a sector"));
        }
        let year = cell(7).parse::<i32>().map_err(|_| bad(7, "not a year"))?;
        out.push(Benchmark {
            id: cell(0).to_owned(),
            sector: cell(1).to_owned(),
            synonyms: split_synonyms(&[cell(1), cell(2), cell(3), cell(4)]),
            region: cell(5).to_owned(),
            audience: Audience::parse(cell(6)).ok_or_else(|| bad(6, "use B2B, B2C or Mixed"))?,
            year,
            low,
            high,
            value,
            source: cell(11).to_owned(),
            evidence: cell(12).to_owned(),
            population: cell(13).to_owned(),
            user,
        });
    }
    Ok(out)
}

fn csv_rows(file: &str, text: &str) -> Result<Vec<Vec<String>>, BenchmarkError> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.map(|rec| rec.iter().map(str::to_owned).collect())
                .map_err(|e| BenchmarkError::Io { file: file.to_owned(), reason: e.to_string() })
        })
        .collect()
}

/// The bundled library.
#[must_use]
pub fn bundled() -> Vec<Benchmark> {
    csv_rows("benchmarks.csv", BUNDLED_CSV)
        .and_then(|rows| parse_rows("benchmarks.csv", &rows, false))
        .unwrap_or_default()
}

/// The user's benchmark file: `<config>/nps-workbench/benchmarks.csv`.
#[must_use]
pub fn user_file() -> Option<PathBuf> {
    let base = std::env::var_os("NPS_WORKBENCH_CONFIG").map(PathBuf::from).or_else(|| {
        if cfg!(windows) {
            std::env::var_os("APPDATA").map(PathBuf::from)
        } else if cfg!(target_os = "macos") {
            std::env::var_os("HOME").map(|h| PathBuf::from(h).join("Library/Application Support"))
        } else {
            std::env::var_os("XDG_CONFIG_HOME")
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
                .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        }
    })?;
    Some(base.join("nps-workbench").join("benchmarks.csv"))
}

/// Reads benchmark rows from a CSV or workbook file the user chose (or the user file), through
/// the survey import's reader: the same size and archive guards, encodings and delimiter
/// sniffing (a `;` file from Dutch or Danish Excel, decimal commas in its numbers).
pub fn read_file(path: &Path, user: bool) -> Result<Vec<Benchmark>, BenchmarkError> {
    let name = crate::import::display_name(path);
    let rows = crate::import::read_plain_rows(path)
        .map_err(|e| BenchmarkError::Io { file: name.clone(), reason: strip_file(&e.to_string(), &name) })?;
    parse_numbered_rows(&name, &rows, user)
}

/// An import message without its leading `file: `, which the benchmark error adds again.
fn strip_file(message: &str, file: &str) -> String {
    message.strip_prefix(file).and_then(|m| m.strip_prefix(": ")).unwrap_or(message).to_owned()
}

/// The rows of `benchmarks` as CSV text (the format [`read_file`] reads).
#[must_use]
pub fn to_csv(benchmarks: &[Benchmark]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for record in records(benchmarks) {
        let _ = writer.write_record(&record);
    }
    writer.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}

/// The column of [`COLUMNS`] that holds the year.
pub const YEAR_COLUMN: usize = 7;

/// The columns of [`COLUMNS`] that hold numbers: year, low, high and value.
pub const NUMBER_COLUMNS: std::ops::RangeInclusive<usize> = 7..=10;

/// Each benchmark as the benchmark file writes it: one text per column of [`COLUMNS`] (blank
/// where a figure is absent), whatever the file's format.
#[must_use]
pub fn records(benchmarks: &[Benchmark]) -> Vec<[String; 14]> {
    let number = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    benchmarks
        .iter()
        .map(|b| {
            let synonyms =
                b.synonyms.iter().filter(|s| **s != normalise(&b.sector)).cloned().collect::<Vec<_>>().join("|");
            [
                b.id.clone(),
                b.sector.clone(),
                synonyms,
                String::new(),
                String::new(),
                b.region.clone(),
                b.audience.label().to_owned(),
                b.year.to_string(),
                number(b.low),
                number(b.high),
                number(b.value),
                b.source.clone(),
                b.evidence.clone(),
                b.population.clone(),
            ]
        })
        .collect()
}

/// Saves the user's rows to their file (through a temporary file and a rename).
pub fn save_user(path: &Path, rows: &[Benchmark]) -> Result<(), BenchmarkError> {
    let name = path.display().to_string();
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)
            .map_err(|e| BenchmarkError::Io { file: name.clone(), reason: e.to_string() })?;
    }
    write_atomic(path, to_csv(rows).as_bytes()).map_err(|e| BenchmarkError::Io { file: name, reason: e.to_string() })
}

/// The library in use (bundled plus the user's file), and a message when the user's file could
/// not be read (the bundled rows are then used alone).
#[must_use]
pub fn library() -> (Vec<Benchmark>, Option<String>) {
    let user = match user_file() {
        Some(path) if path.exists() => read_file(&path, true),
        _ => Ok(Vec::new()),
    };
    match user {
        Ok(rows) => (merge(bundled(), rows), None),
        Err(e) => (bundled(), Some(e.to_string())),
    }
}

/// The library in use: bundled rows, with the user's rows added and overriding by id.
#[must_use]
pub fn merge(bundled: Vec<Benchmark>, user: Vec<Benchmark>) -> Vec<Benchmark> {
    let mut all: Vec<Benchmark> = bundled.into_iter().filter(|b| !user.iter().any(|u| u.id == b.id)).collect();
    all.extend(user);
    all
}

/// Lower case, accents kept, punctuation as spaces, single spaces.
#[must_use]
pub fn normalise(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '&' { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The data's context, to warn when a benchmark comes from elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DataContext {
    /// Where the respondents are (`NL`, `DK`, ...).
    pub region: Option<String>,
    /// B2B or B2C.
    pub audience: Option<Audience>,
    /// How many people were invited, for the response rate.
    #[serde(default)]
    pub invited: crate::analysis::Invited,
}

/// How well a benchmark fits the data's context: higher is better.
fn fit(b: &Benchmark, context: &DataContext) -> (i32, i32, i32, i32) {
    let region = context.region.as_ref().map_or(0, |r| i32::from(b.region.eq_ignore_ascii_case(r)));
    let audience = context.audience.map_or(0, |a| i32::from(b.audience == a));
    (region, audience, b.year, i32::from(b.evidence == "E"))
}

/// The benchmarks whose sector or synonyms name `value`, best fitting first: region, audience,
/// most recent year, then evidence.
#[must_use]
pub fn candidates<'a>(value: &str, library: &'a [Benchmark], context: &DataContext) -> Vec<&'a Benchmark> {
    let wanted = normalise(value);
    if wanted.is_empty() {
        return Vec::new();
    }
    let names = |b: &Benchmark| {
        let mut names = vec![normalise(&b.sector)];
        names.extend(b.synonyms.iter().cloned());
        names
    };
    let mut exact: Vec<&Benchmark> = library.iter().filter(|b| names(b).contains(&wanted)).collect();
    if exact.is_empty() {
        // A value that holds a whole synonym as words ("ICT services NL", "Retail (stores)").
        let padded = format!(" {wanted} ");
        exact = library
            .iter()
            .filter(|b| names(b).iter().any(|n| n.chars().count() >= 3 && padded.contains(&format!(" {n} "))))
            .collect();
    }
    exact.sort_by(|a, b| fit(b, context).cmp(&fit(a, context)).then_with(|| a.id.cmp(&b.id)));
    exact
}

/// The verdict of a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The whole interval lies above the benchmark.
    Above,
    /// The whole interval lies below the benchmark.
    Below,
    /// The interval lies inside the published range.
    Within,
    /// The interval overlaps the benchmark: no conclusion.
    Inconclusive,
    /// Fewer than 30 answers: too few to compare.
    TooFew,
}

/// Critical value of the interval the verdict reads (see the module docs).
pub const VERDICT_Z: f64 = 2.0;

/// The interval the verdict reads, -100..100: adjusted Wald at [`VERDICT_Z`] on the summary's
/// shares and (effective) n, holding the NPS shown.
#[must_use]
pub fn verdict_interval(summary: &NpsSummary) -> Option<(f64, f64)> {
    let n = summary.effective_n.unwrap_or(summary.n as f64);
    let counts = NpsCounts::new(
        summary.detractor_pct / 100.0 * n,
        summary.passive_pct / 100.0 * n,
        summary.promoter_pct / 100.0 * n,
    );
    let interval = crate::stats::adjusted_wald_effective_n(&counts, n, VERDICT_Z)?;
    Some(((100.0 * interval.low).min(summary.nps), (100.0 * interval.high).max(summary.nps)))
}

/// The verdict for a summary against a benchmark band, by the rule in the module docs.
#[must_use]
pub fn verdict(summary: &NpsSummary, band: (f64, f64)) -> Verdict {
    let (lo, hi) = band;
    if summary.is_small() {
        return Verdict::TooFew;
    }
    let Some((low, high)) = verdict_interval(summary) else {
        return Verdict::TooFew;
    };
    if low > hi {
        Verdict::Above
    } else if high < lo {
        Verdict::Below
    } else if low >= lo && high <= hi {
        Verdict::Within
    } else {
        Verdict::Inconclusive
    }
}

/// A comparison as the report and the app show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The benchmark's id.
    pub id: String,
    /// The benchmark's sector.
    pub sector: String,
    /// Range low (absent for a single value).
    pub low: Option<f64>,
    /// Range high (absent for a single value).
    pub high: Option<f64>,
    /// Single published value (absent for a range).
    pub value: Option<f64>,
    /// Where it was published.
    pub source: String,
    /// Year of the data.
    pub year: i32,
    /// Where the respondents were.
    pub region: String,
    /// `B2B`, `B2C` or `Mixed`.
    pub audience: &'static str,
    /// `E` or `S`.
    pub evidence: String,
    /// Who was asked.
    pub population: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Why the comparison may not be like with like.
    pub warnings: Vec<Caveat>,
}

/// One reason a comparison may not be like with like. The report writes it in English; the app
/// words it in the user's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caveat {
    /// The user has not said where the data's respondents are.
    RegionUnset {
        /// The benchmark's region.
        benchmark: String,
    },
    /// The benchmark's respondents are from elsewhere.
    RegionDiffers {
        /// The benchmark's region.
        benchmark: String,
        /// The data's region.
        data: String,
    },
    /// The user has not said whether the data are B2B or B2C.
    AudienceUnset {
        /// The benchmark's audience.
        benchmark: &'static str,
    },
    /// The benchmark asked another kind of customer.
    AudienceDiffers {
        /// The benchmark's audience.
        benchmark: &'static str,
        /// Who the benchmark asked.
        population: String,
        /// The data's audience.
        data: &'static str,
    },
    /// A single published value, not a range.
    SingleValue,
    /// Quoted by a third party, not the publisher's own page.
    SecondHand,
}

impl std::fmt::Display for Caveat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::RegionUnset { benchmark } => {
                write!(f, "set the data's region to check it against the benchmark's ({benchmark})")
            }
            Self::RegionDiffers { benchmark, data } => {
                write!(f, "the benchmark's respondents are from {benchmark}, the data's from {data}")
            }
            Self::AudienceUnset { benchmark } => {
                write!(f, "set whether the data are B2B or B2C (the benchmark is {benchmark})")
            }
            Self::AudienceDiffers { benchmark, population, data } => {
                write!(f, "the benchmark is {benchmark} ({population}), the data {data}")
            }
            Self::SingleValue => f.write_str("a single published value, not a range: compare with care"),
            Self::SecondHand => f.write_str("quoted by a third party, not the publisher's own page"),
        }
    }
}

impl Serialize for Caveat {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares `summary` with `benchmark`, warning where the populations differ.
#[must_use]
pub fn compare(summary: &NpsSummary, benchmark: &Benchmark, context: &DataContext) -> Comparison {
    let mut warnings = Vec::new();
    match &context.region {
        Some(region) if !benchmark.region.eq_ignore_ascii_case(region) => {
            warnings.push(Caveat::RegionDiffers { benchmark: benchmark.region.clone(), data: region.clone() });
        }
        None => warnings.push(Caveat::RegionUnset { benchmark: benchmark.region.clone() }),
        _ => {}
    }
    match context.audience {
        Some(audience) if audience != benchmark.audience => warnings.push(Caveat::AudienceDiffers {
            benchmark: benchmark.audience.label(),
            population: benchmark.population.clone(),
            data: audience.label(),
        }),
        None => warnings.push(Caveat::AudienceUnset { benchmark: benchmark.audience.label() }),
        _ => {}
    }
    if benchmark.is_point() {
        warnings.push(Caveat::SingleValue);
    }
    if benchmark.evidence == "S" {
        warnings.push(Caveat::SecondHand);
    }
    Comparison {
        id: benchmark.id.clone(),
        sector: benchmark.sector.clone(),
        low: benchmark.low,
        high: benchmark.high,
        value: benchmark.value,
        source: benchmark.source.clone(),
        year: benchmark.year,
        region: benchmark.region.clone(),
        audience: benchmark.audience.label(),
        evidence: benchmark.evidence.clone(),
        population: benchmark.population.clone(),
        verdict: verdict(summary, benchmark.band()),
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::summarise_scores;

    fn summary(d: u64, pa: u64, p: u64) -> NpsSummary {
        let mut dist = [0u64; 11];
        dist[0] = d;
        dist[7] = pa;
        dist[9] = p;
        summarise_scores(dist).unwrap_or_else(|| panic!("no answers"))
    }

    #[test]
    fn the_bundled_library_reads_and_keeps_ranges_and_points_apart() {
        let library = bundled();
        assert_eq!(library.len(), BUNDLED_CSV.lines().count() - 1);
        let consulting = library.iter().find(|b| b.id == "consulting-dna-2024").unwrap_or_else(|| panic!("missing"));
        assert_eq!((consulting.low, consulting.high, consulting.value), (Some(30.0), Some(45.0), None));
        assert!(!consulting.is_point());
        let grocery = library.iter().find(|b| b.id == "grocery-xmi-2023").unwrap_or_else(|| panic!("missing"));
        assert!(grocery.is_point());
        assert_eq!(grocery.band(), (30.1, 30.1));
        assert!(library.iter().all(|b| !b.source.is_empty() && (b.evidence == "E" || b.evidence == "S")));
    }

    #[test]
    fn each_verdict() {
        let band = (30.0, 45.0);
        // (10, 20, 70): NPS 60, interval well above 45.
        assert_eq!(verdict(&summary(10, 20, 70), band), Verdict::Above);
        assert_eq!(verdict(&summary(70, 20, 10), band), Verdict::Below);
        // A large sample centred in the band: the interval fits inside it.
        assert_eq!(verdict(&summary(1_000, 4_250, 4_750), band), Verdict::Within);
        // (20, 30, 50): NPS 30, interval [14.1, 44.2] straddles the lower edge. The verdict
        // reads it at z = 2: 29.1262 +/- 2 x 7.6915 (statistics.md's adjusted Wald).
        assert_eq!(verdict(&summary(20, 30, 50), band), Verdict::Inconclusive);
        let (low, high) = verdict_interval(&summary(20, 30, 50)).unwrap();
        assert!((low - (29.1262 - 2.0 * 7.6915)).abs() < 1e-3 && (high - (29.1262 + 2.0 * 7.6915)).abs() < 1e-3);
        // n < 30: too few, whatever the numbers.
        assert_eq!(verdict(&summary(0, 0, 29), band), Verdict::TooFew);
        assert_eq!(verdict(&summary(0, 0, 30), band), Verdict::Above);
        // A point can be above, below or inconclusive, never "within" a fake band.
        assert_eq!(verdict(&summary(20, 30, 50), (30.1, 30.1)), Verdict::Inconclusive);
    }

    #[test]
    fn sectors_match_in_three_languages() {
        let library = bundled();
        let context = DataContext::default();
        for (value, sector) in [
            ("Groothandel", "Wholesale"),
            ("Engroshandel", "Wholesale"),
            ("wholesale", "Wholesale"),
            ("Logistiek", "Logistics / transport"),
            ("Logistik", "Logistics / transport"),
            ("ICT-dienstverlening", "ICT services"),
            ("Detailhandel", "Retail"),
            ("Supermarkt", "Grocery"),
            ("Dagligvarer", "Grocery"),
            ("Adviesbureau", "Consulting"),
            ("Rådgivning", "Consulting"),
            ("Retail (stores)", "Retail"),
        ] {
            let found = candidates(value, &library, &context);
            assert_eq!(found.first().map(|b| b.sector.as_str()), Some(sector), "{value}");
        }
        assert!(candidates("Zeppelin repairs", &library, &context).is_empty());
    }

    #[test]
    fn the_best_fit_depends_on_the_data_context() {
        let library = bundled();
        let dutch_b2b =
            DataContext { region: Some("NL".into()), audience: Some(Audience::B2b), ..DataContext::default() };
        assert_eq!(candidates("Consulting", &library, &dutch_b2b)[0].id, "consulting-dna-2024");
        let global =
            DataContext { region: Some("Global".into()), audience: Some(Audience::B2b), ..DataContext::default() };
        assert_eq!(candidates("Consulting", &library, &global)[0].id, "consulting-retently-2020");
        // Without a context: the most recent figure.
        assert_eq!(candidates("Manufacturing", &library, &DataContext::default())[0].id, "manufacturing-integron-2021");
    }

    #[test]
    fn warnings_name_the_differences() {
        let library = bundled();
        let grocery = candidates("Grocery", &library, &DataContext::default())[0];
        let dutch_b2b =
            DataContext { region: Some("NL".into()), audience: Some(Audience::B2b), ..DataContext::default() };
        let c = compare(&summary(20, 30, 50), grocery, &dutch_b2b);
        assert_eq!(c.verdict, Verdict::Inconclusive);
        let said = |c: &Comparison| c.warnings.iter().map(ToString::to_string).collect::<Vec<_>>();
        for expected in ["from US, the data's from NL", "the benchmark is B2C", "single published value"] {
            assert!(said(&c).iter().any(|w| w.contains(expected)), "{expected}: {:?}", c.warnings);
        }
        let wholesale = candidates("Wholesale", &library, &dutch_b2b)[0];
        let c = compare(&summary(20, 30, 50), wholesale, &dutch_b2b);
        assert!(said(&c).iter().all(|w| !w.contains("the data's from") && !w.contains("the benchmark is")));
    }

    #[test]
    fn a_semicolon_file_from_dutch_excel_with_decimal_commas_imports() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("benchmarks-nl.csv");
        // As Dutch Excel saves "CSV (puntkomma)": `;` between cells, a decimal comma, Windows-1252
        // (the ë of "patisseriën"), CRLF line ends.
        let mut bytes = COLUMNS.join(";").into_bytes();
        bytes.extend_from_slice(
            b"\r\nown-bakeries-2025;Bakkerijen en patisseri\xebn;bakery;bakkerij;bageri;NL;B2C;2025;",
        );
        bytes.extend_from_slice(b"12,5;30,5;;Branchevereniging;E;Nederlandse klanten\r\n");
        bytes.extend_from_slice(
            b"own-florists-2025;Bloemisten;florist;;;NL;B2C;2025;;;-4,5;Eigen onderzoek;E;klanten\r\n",
        );
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        let rows = read_file(&path, true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].sector, "Bakkerijen en patisseriën");
        assert_eq!((rows[0].low, rows[0].high), (Some(12.5), Some(30.5)));
        assert_eq!(rows[1].value, Some(-4.5));
        assert!(rows.iter().all(|b| b.user && b.region == "NL"));
    }

    #[test]
    fn a_bad_benchmark_row_is_named_by_its_spreadsheet_row_and_column() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("mine.csv");
        let good = "a;Retail;;;;NL;B2C;2024;10;20;;src;E;people";
        let text = format!("{}\n{good}\nb;Retail;;;;NL;B2C;2024;;;veel;src;E;people\n", COLUMNS.join(";"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let error = read_file(&path, true).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(error, "mine.csv, row 3, column 'value': not a number");
        let missing = dir.path().join("nowhere.csv");
        let error = read_file(&missing, true).err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(error, "nowhere.csv: cannot be read: the file does not exist");
    }

    #[test]
    fn user_rows_override_bundled_ones_and_round_trip() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("config").join("benchmarks.csv");
        let mut mine =
            bundled().into_iter().find(|b| b.id == "wholesale-integron-2021").unwrap_or_else(|| panic!("missing"));
        mine.value = Some(41.0);
        mine.source = "Our own 2025 client study".into();
        mine.user = true;
        let extra = Benchmark {
            id: "own-bakeries-2025".into(),
            sector: "Bakeries".into(),
            synonyms: vec!["bakkerij".into(), "bageri".into()],
            region: "NL".into(),
            audience: Audience::B2c,
            year: 2025,
            low: Some(20.0),
            high: Some(35.0),
            value: None,
            source: "Branchevereniging".into(),
            evidence: "S".into(),
            population: "Dutch bakery customers".into(),
            user: true,
        };
        save_user(&path, &[mine.clone(), extra.clone()]).unwrap_or_else(|e| panic!("{e}"));
        let read = read_file(&path, true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.len(), 2);
        let library = merge(bundled(), read);
        let wholesale: Vec<&Benchmark> = library.iter().filter(|b| b.id == "wholesale-integron-2021").collect();
        assert_eq!(wholesale.len(), 1);
        assert_eq!(wholesale[0].value, Some(41.0));
        assert!(wholesale[0].user);
        assert_eq!(candidates("Bakkerij", &library, &DataContext::default())[0].id, "own-bakeries-2025");
    }

    #[test]
    fn bad_rows_are_named() {
        let rows = vec![
            COLUMNS.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(),
            ["x", "Retail", "", "", "", "NL", "B2B", "2025", "10", "", "", "s", "E", "p"].map(String::from).to_vec(),
        ];
        let e = parse_rows("mine.csv", &rows, true).map(|_| ()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "mine.csv, row 2, column 'value': give either low and high (a range) or a single value"
        );
        let e = parse_rows("mine.csv", &[vec!["id".to_owned()]], true).map(|_| ()).unwrap_err();
        assert!(e.to_string().starts_with("mine.csv: the header has no column 'sector'"));
    }
}
