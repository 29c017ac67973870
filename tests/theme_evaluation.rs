//! The themes measured on labelled comments no one here wrote.
//!
//! `tests/data/theme_eval/<sector>.csv` holds public customer comments of four sectors (sources
//! and licences in `SOURCES.md` there), each labelled for three themes (service, price, product
//! quality) with what it says of each (`neg`, `pos`, `neu`, empty: not spoken of) in two
//! independent passes (`a_*`, `b_*`) and the adjudicated label (no prefix). The Dutch and Danish
//! rows are translations of English rows, made by a session that never saw the codebook; they
//! carry their original's labels. None of these comments was used to write a keyword.
//!
//! The test tags every comment twice, with its sector's preset and with the general codebook,
//! prints precision, recall and F1 per sector, language and theme, the polarity accuracy and
//! the agreement of the two passes, and fails below the floors at the end of this file.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use nps_workbench::themes::{Analyzer, Codebook, Language, Polarity, Preset, ThemeTagger};

/// The sectors evaluated, each with its file and preset.
const SECTORS: [&str; 4] = ["hospitality", "retail", "software", "financial"];

/// The three themes measured, as general-codebook themes: a mention of any of them (or of a
/// sector theme belonging to one) counts. As the labelling guide defines them, service takes in
/// staff, waiting and reaching the business, and price takes in being charged (billing).
const GROUPS: [(&str, &[&str]); 3] = [
    ("service", &["service", "staff", "waiting_time", "reachability"]),
    ("price", &["price", "billing"]),
    ("product_quality", &["product_quality"]),
];

/// One comment with its labels per theme (`""`, `neg`, `pos`, `neu`).
struct Labelled {
    sector: String,
    language: String,
    text: String,
    gold: [String; 3],
    passes: [[String; 3]; 2],
}

/// The folder of the labelled files: `tests/data/theme_eval`, or `NPS_THEME_EVAL_DIR` when set
/// (a development set kept outside the repository, for looking at mistakes without tuning on
/// the comments measured here).
fn folder() -> std::path::PathBuf {
    std::env::var_os("NPS_THEME_EVAL_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/theme_eval"), Into::into)
}

fn read_sector(sector: &str) -> Vec<Labelled> {
    let path = folder().join(format!("{sector}.csv"));
    let mut reader = csv::Reader::from_path(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap_or_else(|| panic!("{sector}: no {name}"));
    let text = column("text");
    let language = column("language");
    let gold = GROUPS.map(|(g, _)| column(g));
    let a = GROUPS.map(|(g, _)| column(&format!("a_{g}")));
    let b = GROUPS.map(|(g, _)| column(&format!("b_{g}")));
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            let cell = |i: usize| record[i].trim().to_owned();
            for i in gold.iter().chain(&a).chain(&b) {
                assert!(["", "neg", "pos", "neu"].contains(&cell(*i).as_str()), "{sector}: label {:?}", cell(*i));
            }
            Labelled {
                sector: sector.to_owned(),
                language: cell(language),
                text: record[text].to_owned(),
                gold: gold.map(cell),
                passes: [a.map(cell), b.map(cell)],
            }
        })
        .collect()
}

/// What a tagger says of each theme group in a comment: not spoken of, or its polarity.
fn predict(
    tagger: &ThemeTagger,
    codebook: &Codebook,
    analyzer: &mut Analyzer,
    text: &str,
) -> (Language, [Option<Polarity>; 3], [String; 3]) {
    let comment = analyzer.analyse(text);
    let matches = tagger.tag(&comment);
    let in_group = |members: &[&str], m: &nps_workbench::themes::ThemeMatch| {
        codebook.get(&m.theme).and_then(|t| t.general_theme()).is_some_and(|g| members.contains(&g))
    };
    let found = GROUPS.map(|(_, members)| {
        let words: Vec<String> = matches
            .iter()
            .filter(|m| in_group(members, m))
            .map(|m| format!("{}[{}:{:?} {:?}]", m.theme, m.words, m.polarity, m.said))
            .collect();
        words.join(" ")
    });
    let said = GROUPS.map(|(_, members)| {
        let polarities: Vec<Polarity> = matches.iter().filter(|m| in_group(members, m)).map(|m| m.polarity).collect();
        // The comment's judgement of the theme: the side most of its mentions take; a tie
        // between praise and complaint is a complaint, as the labelling guide says.
        let count = |p: Polarity| polarities.iter().filter(|x| **x == p).count();
        let (negative, positive) = (count(Polarity::Negative), count(Polarity::Positive));
        if polarities.is_empty() {
            None
        } else if negative + positive == 0 {
            Some(Polarity::Neutral)
        } else if negative >= positive {
            Some(Polarity::Negative)
        } else {
            Some(Polarity::Positive)
        }
    });
    (comment.language(), said, found)
}

fn polarity_of(label: &str) -> Option<Polarity> {
    match label {
        "neg" => Some(Polarity::Negative),
        "pos" => Some(Polarity::Positive),
        "neu" => Some(Polarity::Neutral),
        _ => None,
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

/// Cohen's kappa of two label lists.
fn kappa(a: &[&str], b: &[&str]) -> f64 {
    let n = a.len() as f64;
    let observed = a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / n;
    let mut categories: Vec<&str> = a.iter().chain(b).copied().collect();
    categories.sort_unstable();
    categories.dedup();
    let expected: f64 = categories
        .iter()
        .map(|c| {
            let pa = a.iter().filter(|x| *x == c).count() as f64 / n;
            let pb = b.iter().filter(|x| *x == c).count() as f64 / n;
            pa * pb
        })
        .sum();
    if expected >= 1.0 { 1.0 } else { (observed - expected) / (1.0 - expected) }
}

/// Per (codebook kind, sector, language, theme): the counts; and the polarity tallies.
struct Measured {
    themes: BTreeMap<(&'static str, String, String, &'static str), Counts>,
    polarity: BTreeMap<(String, String), (u32, u32)>,
    language: (u32, u32),
    /// Every disagreement with the labels, for `NPS_THEME_EVAL_MISTAKES=FILE`.
    mistakes: Vec<String>,
}

fn measure(rows: &[Labelled]) -> Measured {
    let mut measured =
        Measured { themes: BTreeMap::new(), polarity: BTreeMap::new(), language: (0, 0), mistakes: Vec::new() };
    let mut analyzer = Analyzer::new();
    for sector in SECTORS {
        let preset = Preset::by_key(sector).unwrap();
        for (kind, codebook) in [("preset", preset.codebook()), ("general", Preset::GENERAL.codebook())] {
            let tagger = ThemeTagger::new(&codebook);
            for row in rows.iter().filter(|r| r.sector == sector) {
                let (detected, said, found) = predict(&tagger, &codebook, &mut analyzer, &row.text);
                if kind == "preset" && row.text.split_whitespace().count() >= 5 {
                    measured.language.1 += 1;
                    measured.language.0 += u32::from(detected.code() == row.language);
                }
                for (g, (name, _)) in GROUPS.iter().enumerate() {
                    let gold = polarity_of(&row.gold[g]);
                    if gold != said[g] {
                        measured.mistakes.push(format!(
                            "{kind} {sector} {} {name}: labelled {:?}, found {:?} {}: {}",
                            row.language,
                            gold,
                            said[g],
                            found[g],
                            row.text.replace('\n', " ")
                        ));
                    }
                    for language in [row.language.as_str(), "all"] {
                        let key = (kind, sector.to_owned(), language.to_owned(), *name);
                        measured.themes.entry(key).or_default().add(gold.is_some(), said[g].is_some());
                    }
                    if kind == "preset"
                        && let (Some(gold), Some(predicted)) = (gold, said[g])
                    {
                        for key in [(sector.to_owned(), row.language.clone()), ("all".to_owned(), "all".to_owned())] {
                            let tally = measured.polarity.entry(key).or_default();
                            tally.1 += 1;
                            tally.0 += u32::from(gold == predicted);
                        }
                    }
                }
            }
        }
    }
    measured
}

/// The targets, printed beside what is measured: F1 with the sector's preset and with
/// the general codebook, the gap between English and Dutch or Danish, polarity, language.
const TARGET_PRESET_F1: f64 = 0.85;
const TARGET_GENERAL_F1: f64 = 0.70;
const TARGET_LANGUAGE_GAP: f64 = 0.05;
const TARGET_POLARITY: f64 = 0.85;
const TARGET_LANGUAGE: f64 = 0.97;

/// Fewest labelled mentions for an F1 to be held to a floor: below it one comment moves it by
/// more than the floor's margin (service is hardly spoken of in the shop, game and bank comments).
const MIN_LABELLED: u32 = 20;

/// What this codebook reached on these comments when the file was made, less 0.03: a change that
/// loses more fails. (kind, sector, theme, lowest F1 on the sector's comments in all languages
/// together.) Where a floor is
/// below its target, the target is not met yet; the table printed says which.
const F1_FLOORS: [(&str, &str, &str, f64); 20] = [
    ("general", "financial", "price", 0.49),
    ("general", "financial", "product_quality", 0.22),
    ("general", "financial", "service", 0.17),
    ("general", "hospitality", "price", 0.85),
    ("general", "hospitality", "product_quality", 0.78),
    ("general", "hospitality", "service", 0.80),
    ("general", "retail", "price", 0.84),
    ("general", "retail", "product_quality", 0.87),
    ("general", "software", "price", 0.68),
    ("general", "software", "product_quality", 0.82),
    ("preset", "financial", "price", 0.73),
    ("preset", "financial", "product_quality", 0.78),
    ("preset", "financial", "service", 0.24),
    ("preset", "hospitality", "price", 0.85),
    ("preset", "hospitality", "product_quality", 0.90),
    ("preset", "hospitality", "service", 0.85),
    ("preset", "retail", "price", 0.83),
    ("preset", "retail", "product_quality", 0.90),
    ("preset", "software", "price", 0.68),
    ("preset", "software", "product_quality", 0.90),
];
/// Largest gap between the English F1 and the Dutch or Danish one with the preset, where both
/// have [`MIN_LABELLED`] mentions.
const LANGUAGE_GAP_CEILING: f64 = 0.08;
/// Lowest share of mentions whose polarity is the labelled one (0.697 when made; 0.734 once a
/// mention whose clause judges nothing took its comment's side, wishes complained, and paying
/// extra, "why was I charged", "needs updating" and bank customers' "not right", "not shown",
/// "didn't make", "without my permission" were read).
const POLARITY_FLOOR: f64 = 0.71;
/// Lowest share of comments of five or more words whose language is found.
const LANGUAGE_FLOOR: f64 = 0.97;

#[test]
fn themes_hold_on_labelled_comments_of_four_sectors() {
    let rows: Vec<Labelled> = SECTORS.iter().flat_map(|s| read_sector(s)).collect();
    let measured = measure(&rows);
    let mut table = String::from("codebook sector language theme: P R F1 (n labelled)\n");
    for ((kind, sector, language, theme), c) in &measured.themes {
        let _ = writeln!(
            table,
            "{kind:8} {sector:12} {language:4} {theme:16}: {:.2} {:.2} {:.2} ({})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp + c.fn_
        );
    }
    for ((sector, language), (right, all)) in &measured.polarity {
        let _ =
            writeln!(table, "polarity {sector:12} {language:4}: {:.3} of {all}", f64::from(*right) / f64::from(*all));
    }
    let english: Vec<&Labelled> = rows.iter().filter(|r| r.language == "en").collect();
    for (g, (name, _)) in GROUPS.iter().enumerate() {
        let a: Vec<&str> = english.iter().map(|r| r.passes[0][g].as_str()).collect();
        let b: Vec<&str> = english.iter().map(|r| r.passes[1][g].as_str()).collect();
        let presence = |labels: &[&str]| labels.iter().map(|l| if l.is_empty() { "" } else { "x" }).collect::<Vec<_>>();
        let _ = writeln!(
            table,
            "agreement {name:16}: kappa {:.2} (spoken of: {:.2}) over {} comments",
            kappa(&a, &b),
            kappa(&presence(&a), &presence(&b)),
            a.len()
        );
    }
    let (found, of) = measured.language;
    let _ = writeln!(table, "language found: {:.3} of {of}", f64::from(found) / f64::from(of));
    println!("{table}");
    if let Some(file) = std::env::var_os("NPS_THEME_EVAL_MISTAKES") {
        std::fs::write(file, measured.mistakes.join("\n")).unwrap();
    }

    let mut failures = Vec::new();
    let mut targets = Vec::new();
    for ((kind, sector, language, theme), c) in &measured.themes {
        if language != "all" || c.tp + c.fn_ < MIN_LABELLED {
            continue;
        }
        let target = if *kind == "preset" { TARGET_PRESET_F1 } else { TARGET_GENERAL_F1 };
        targets.push(format!(
            "{kind} {sector} {theme}: F1 {:.2} {} target {target}",
            c.f1(),
            if c.f1() >= target { "meets" } else { "below" }
        ));
        let floor = F1_FLOORS.iter().find(|f| (f.0, f.1, f.2) == (*kind, sector.as_str(), *theme)).map(|f| f.3);
        match floor {
            Some(floor) if c.f1() < floor => {
                failures.push(format!("{kind} {sector} {theme}: F1 {:.2} < {floor}", c.f1()))
            }
            Some(_) => {}
            None => failures.push(format!("{kind} {sector} {theme}: no floor for {} labelled mentions", c.tp + c.fn_)),
        }
    }
    for ((kind, sector, language, theme), c) in &measured.themes {
        let english = &measured.themes[&(*kind, sector.clone(), "en".to_owned(), *theme)];
        if *kind != "preset" || !["nl", "da"].contains(&language.as_str()) {
            continue;
        }
        if c.tp + c.fn_ < MIN_LABELLED || english.tp + english.fn_ < MIN_LABELLED {
            continue;
        }
        let gap = english.f1() - c.f1();
        let met = if gap <= TARGET_LANGUAGE_GAP { "meets" } else { "below" };
        targets
            .push(format!("{sector} {theme} {language}: {gap:+.2} from English, {met} target {TARGET_LANGUAGE_GAP}"));
        if gap > LANGUAGE_GAP_CEILING {
            failures.push(format!("{sector} {theme}: {language} F1 {:.2} vs English {:.2}", c.f1(), english.f1()));
        }
    }
    let (right, all) = measured.polarity[&("all".to_owned(), "all".to_owned())];
    let polarity = f64::from(right) / f64::from(all);
    let met = if polarity >= TARGET_POLARITY { "meets" } else { "below" };
    targets.push(format!("polarity {polarity:.3} {met} target {TARGET_POLARITY}"));
    if polarity < POLARITY_FLOOR {
        failures.push(format!("polarity {polarity:.3} < {POLARITY_FLOOR}"));
    }
    let language = f64::from(found) / f64::from(of);
    let met = if language >= TARGET_LANGUAGE { "meets" } else { "below" };
    targets.push(format!("language {language:.3} {met} target {TARGET_LANGUAGE}"));
    if language < LANGUAGE_FLOOR {
        failures.push(format!("language {found} of {of}"));
    }
    println!("{}", targets.join("\n"));
    assert!(failures.is_empty(), "below the floors:\n{}\n\n{table}", failures.join("\n"));
}

#[test]
fn kappa_matches_a_worked_example() {
    // 10 items, observed agreement 0.7, chance 0.5 (each labeller says yes half the time).
    let a = ["x", "x", "x", "x", "x", "", "", "", "", ""];
    let b = ["x", "x", "x", "x", "", "x", "", "", "", ""];
    assert!((kappa(&a, &b) - 0.6).abs() < 1e-12, "{}", kappa(&a, &b));
}
