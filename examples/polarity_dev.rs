//! The polarity of mentions measured on a development set of labelled aspect mentions:
//! `cargo run --release --example polarity_dev FILE.csv [en|nl|da|de] [ERRORS]`.
//!
//! FILE has the columns `text`, `from`, `to` (the mention's character offsets in the text),
//! `term` and `polarity` (`positive`, `negative` or `neutral`), as the public SemEval-2014 aspect
//! sets give them once flattened. Or FILE has the columns `sector`, `text` and `polarity`: whole
//! comments whose side is known (a hotel review's negative part, a one-star review), tagged with
//! the sector's preset; each mention found is measured against its comment's side. Such sets
//! are kept outside the repository: they are for looking at mistakes, which
//! `tests/theme_evaluation.rs`'s comments must never be. Prints the accuracy, the confusion table
//! and, with ERRORS, that many mistakes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a development tool fails loudly

use std::collections::BTreeMap;

use nps_workbench::themes::stemming::Stems;
use nps_workbench::themes::{Analyzer, Language, Lexicon, Polarity, Preset, ThemeTagger};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("a CSV file of labelled mentions");
    let language = match args.next().as_deref() {
        Some("nl") => Language::Dutch,
        Some("da") => Language::Danish,
        Some("de") => Language::German,
        _ => Language::English,
    };
    let errors: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(0);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    if reader.headers().unwrap().iter().next() == Some("sector") {
        return comments(reader, errors);
    }
    let mut analyzer = Analyzer::new();
    let lexicon = Lexicon::new(&mut Stems::new());
    let mut confusion: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    let (mut right, mut all) = (0u32, 0u32);
    let mut shown = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (text, term, gold) = (&record[0], &record[3], &record[4]);
        let (from, to): (usize, usize) = (record[1].parse().unwrap(), record[2].parse().unwrap());
        // The offsets count characters; the tokens before the mention and in it place it.
        let chars: Vec<char> = text.chars().collect();
        let before: String = chars[..from.min(chars.len())].iter().collect();
        let inside: String = chars[from.min(chars.len())..to.min(chars.len())].iter().collect();
        let reading = analyzer.analyse_as(text, language).reading;
        let start = analyzer.analyse_as(&before, language).reading.tokens.len();
        let len = analyzer.analyse_as(&inside, language).reading.tokens.len();
        if len == 0 || start + len > reading.tokens.len() {
            continue;
        }
        let (polarity, _) = lexicon.judge(&reading, start, len);
        let (said, gold) = (polarity.id(), side(gold));
        *confusion.entry((gold, said)).or_default() += 1;
        all += 1;
        if said == gold {
            right += 1;
        } else if shown < errors {
            shown += 1;
            println!("{gold:>8} said {said:<8} [{term}] {text}");
        }
    }
    println!("accuracy {:.3} of {all} mentions", f64::from(right) / f64::from(all));
    println!("labelled -> said: count");
    for ((gold, said), n) in confusion {
        println!("{gold:>8} -> {said:<8}: {n}");
    }
}

/// Mentions measured against the side of their whole comment (columns `sector`, `text`,
/// `polarity`): per sector, how many mentions take the comment's side, the other, or none.
fn comments(mut reader: csv::Reader<std::fs::File>, errors: usize) {
    let mut analyzer = Analyzer::new();
    let mut taggers: BTreeMap<String, ThemeTagger> = BTreeMap::new();
    let mut tally: BTreeMap<(String, &str, &str), u32> = BTreeMap::new();
    let mut shown = 0;
    for record in reader.records() {
        let record = record.unwrap();
        let (sector, text, gold) = (&record[0], &record[1], &record[2]);
        let tagger = taggers
            .entry(sector.to_owned())
            .or_insert_with(|| ThemeTagger::new(&Preset::by_key(sector).expect("a preset's key").codebook()));
        let comment = analyzer.analyse(text);
        for found in tagger.tag(&comment) {
            let (said, gold) = (found.polarity.id(), side(gold));
            *tally.entry((sector.to_owned(), gold, said)).or_default() += 1;
            if said != gold && shown < errors {
                shown += 1;
                println!(
                    "{gold:>8} said {said:<8} [{} {:?} {:?}] {}",
                    found.theme,
                    found.words,
                    found.said,
                    text.replace('\n', " ")
                );
            }
        }
    }
    let mut sectors: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for ((sector, gold, said), n) in &tally {
        println!("{sector:12} {gold:>8} -> {said:<8}: {n}");
        for key in [sector.as_str(), "all"] {
            let entry = sectors.entry(key).or_default();
            entry.1 += n;
            entry.0 += if gold == said { *n } else { 0 };
        }
    }
    for (sector, (right, all)) in sectors {
        println!("{sector:12} accuracy {:.3} of {all} mentions", f64::from(right) / f64::from(all));
    }
}

/// A label as one of [`Polarity::id`]'s words: `negative`, `positive`, anything else `neutral`.
fn side(label: &str) -> &'static str {
    match label {
        "negative" => Polarity::Negative.id(),
        "positive" => Polarity::Positive.id(),
        _ => Polarity::Neutral.id(),
    }
}
