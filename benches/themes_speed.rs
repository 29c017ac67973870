//! Timing of the themes pipeline on 100,000 generated comments in four languages:
//! detect + tokenise + stem + tag + count phrases, then discovery. Run with
//! `cargo bench --bench themes_speed` (plain release profile). Prints each run and the median.

use nps_workbench::themes::analysis::Analyzer;
use nps_workbench::themes::default_codebook::default_codebook;
use nps_workbench::themes::discovery::{DiscoveryOptions, PhraseCounter};
use nps_workbench::themes::group::NpsGroup;
use nps_workbench::themes::tagging::ThemeTagger;
use std::time::Instant;

const N: usize = 100_000;
const RUNS: usize = 5;

const TEMPLATES: &[&[&str]] = &[
    &[
        "De medewerker van de klantenservice was niet vriendelijk en ik moest {n} minuten wachten",
        "Mijn pakket werd {n} dagen te laat bezorgd en niemand liet iets weten over de {w}",
        "Prima {w}, snelle levering en goede prijs",
        "Veel te duur voor wat je krijgt, de kwaliteit van het {w} valt tegen",
        "Ik heb {n} keer gebeld maar jullie zijn slecht bereikbaar",
        "De factuur klopte niet en het bedrag werd dubbel afgeschreven",
        "Inloggen in de app lukt niet sinds de laatste update van de {w}",
        "te duur",
        "top",
    ],
    &[
        "Medarbejderen var ikke venlig og jeg ventede {n} minutter i telefonkøen",
        "Pakken kom {n} dage for sent og kundeservice svarede ikke på min {w}",
        "Super god service og hurtig levering af min {w}",
        "Alt for dyrt i forhold til kvaliteten af {w}",
        "Fakturaen var forkert og jeg blev opkrævet to gange",
        "Hjemmesiden er uoverskuelig og appen virker ikke",
        "for dyrt",
    ],
    &[
        "The agent was not friendly and I was on hold for {n} minutes",
        "My parcel arrived {n} days late and nobody answered my emails about the {w}",
        "Great service, fast delivery and a fair price for the {w}",
        "Way too expensive and the quality of the {w} is poor",
        "I was charged twice and I am still waiting for my refund",
        "The website keeps crashing when I try to log in to check my {w}",
        "I don't like the new app at all",
        "ok",
    ],
    &[
        "Der Mitarbeiter war nicht freundlich und ich musste {n} Minuten warten",
        "Die Lieferung kam {n} Tage zu spät und niemand hat auf meine {w} reagiert",
        "Sehr zufrieden mit dem Service und der schnellen Lieferung",
        "Viel zu teuer und die Qualität vom {w} ist schlecht",
        "Auf der Rechnung stand ein falscher Betrag",
        "Telefonisch ist die Firma kaum erreichbar",
        "super",
    ],
];

const FILLERS: &[&str] = &[
    "bestelling",
    "koffiezetapparaat",
    "wasmachine",
    "abonnement",
    "router",
    "bestilling",
    "støvsuger",
    "order",
    "vacuum",
    "subscription",
    "Bestellung",
    "Staubsauger",
    "Waschmaschine",
    "monteur",
    "parkeerplaats",
    "kassa",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize
    }
}

fn comments() -> Vec<(String, NpsGroup)> {
    let mut rng = Lcg(42);
    (0..N)
        .map(|_| {
            let language = TEMPLATES[rng.next() % TEMPLATES.len()];
            let template = language[rng.next() % language.len()];
            // Unique-ish words so the stem cache sees a realistic vocabulary growth.
            let filler = format!("{}{}", FILLERS[rng.next() % FILLERS.len()], ["", "s", "en", "x"][rng.next() % 4]);
            let text = template.replace("{n}", &(rng.next() % 60).to_string()).replace("{w}", &filler);
            let group = match rng.next() % 10 {
                0..=3 => NpsGroup::Detractor,
                4..=5 => NpsGroup::Passive,
                _ => NpsGroup::Promoter,
            };
            (text, group)
        })
        .collect()
}

fn main() {
    let data = comments();
    let codebook = default_codebook();
    let mut timings = Vec::new();
    for run in 0..RUNS {
        let start = Instant::now();
        let tagger = ThemeTagger::new(&codebook);
        let mut analyzer = Analyzer::new();
        let mut counter = PhraseCounter::new();
        let mut mentions = 0usize;
        let mut detect_ms = 0.0;
        for (text, group) in &data {
            let t = Instant::now();
            let comment = analyzer.analyse(text);
            detect_ms += t.elapsed().as_secs_f64() * 1000.0;
            mentions += tagger.tag(&comment).len();
            counter.add(&comment, *group, 1.0);
        }
        let found = counter.discover(Some(&tagger), &DiscoveryOptions::default());
        let elapsed_ms = start.elapsed().as_secs_f64() * 1000.0;
        println!(
            "run {run}: {elapsed_ms:.0} ms total ({detect_ms:.0} ms analyse), {mentions} matches, {} phrases, top {:?}",
            found.len(),
            found.first().map(|p| &p.display)
        );
        timings.push(elapsed_ms);
    }
    timings.sort_by(f64::total_cmp);
    println!("median of {RUNS} runs for {N} comments: {:.0} ms", timings[RUNS / 2]);
}
