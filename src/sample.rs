//! The generator of the bundled sample survey (`assets/sample/survey.csv`).
//!
//! A fictitious B2B supplier in the Netherlands, Denmark and the United Kingdom asked its
//! customers the 0-10 question, a CES (1-7, "easy to get my issue handled", 7 = strongly agree)
//! and a CSAT (1-5) question, and invited a comment. The generator is deterministic: the same
//! seed gives the same bytes, so `cargo run --bin make-sample` remakes the committed file and a
//! test proves it. Nothing here is copied from real exports; the dirt it adds (blank answers,
//! `n.v.t.`, `9,0`, ` 8 `, `11`, `7.5`) mirrors what the import must cope with.

use std::fmt::Write as _;

use crate::import::dates::iso_date;

/// File name shown for the bundled sample survey.
pub const SAMPLE_NAME: &str = "sample-survey.csv";
/// The bundled sample survey (made by `cargo run --bin make-sample`).
pub const SAMPLE_CSV: &[u8] = include_bytes!("../assets/sample/survey.csv");

/// Seed of the committed sample.
pub const SAMPLE_SEED: u64 = 20_251_101;
/// Responses in the committed sample.
pub const SAMPLE_ROWS: usize = 2_400;

/// First day of the fieldwork: 1 November 2025 (days since 1970-01-01).
const FIRST_DAY: i64 = 20_393;
/// Days of fieldwork: twelve months, 1 November 2025 to 31 October 2026.
const DAYS: i64 = 365;

/// SplitMix64: small, fast and reproducible on every platform.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Index drawn with the given relative weights.
    fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut x = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

/// Sectors with their share of respondents and their pull on loyalty (in logit units).
const SECTORS: [(&str, f64, f64); 6] = [
    ("Retail", 0.22, 0.15),
    ("Grocery", 0.14, -0.05),
    ("Consulting", 0.12, 0.45),
    ("ICT services", 0.20, 0.05),
    ("Wholesale", 0.16, -0.25),
    ("Logistics", 0.16, -0.45),
];

/// Regions with their share, language and pull.
const REGIONS: [(&str, f64, Lang, f64); 8] = [
    ("Noord-Holland", 0.16, Lang::Nl, 0.0),
    ("Zuid-Holland", 0.14, Lang::Nl, -0.05),
    ("Utrecht", 0.09, Lang::Nl, 0.10),
    ("Noord-Brabant", 0.11, Lang::Nl, 0.0),
    ("Hovedstaden", 0.17, Lang::Da, 0.15),
    ("Midtjylland", 0.10, Lang::Da, 0.05),
    ("Syddanmark", 0.08, Lang::Da, -0.10),
    ("United Kingdom", 0.15, Lang::En, -0.10),
];

/// Channels with their share and pull.
const CHANNELS: [(&str, f64, f64); 4] =
    [("Web shop", 0.38, 0.05), ("Phone", 0.24, -0.30), ("Account manager", 0.22, 0.35), ("Partner", 0.16, -0.15)];

/// Products with their share and pull.
const PRODUCTS: [(&str, f64, f64); 3] =
    [("Essentials", 0.45, -0.10), ("Professional", 0.38, 0.05), ("Enterprise", 0.17, 0.25)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Nl,
    Da,
    En,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Self::Nl => "nl",
            Self::Da => "da",
            Self::En => "en",
        }
    }
}

/// What a comment is about; detractors complain, promoters praise.
#[derive(Debug, Clone, Copy)]
enum Theme {
    Delivery,
    Price,
    Support,
    Invoice,
    Portal,
    Quality,
}

const THEMES: [Theme; 6] =
    [Theme::Delivery, Theme::Price, Theme::Support, Theme::Invoice, Theme::Portal, Theme::Quality];

/// How often each theme is raised by detractors, passives and promoters (same order as `THEMES`).
const THEME_WEIGHTS: [[f64; 6]; 3] =
    [[0.30, 0.20, 0.24, 0.12, 0.08, 0.06], [0.18, 0.26, 0.16, 0.08, 0.14, 0.18], [0.22, 0.08, 0.30, 0.04, 0.12, 0.24]];

/// Sentences per theme, language and mood (complaint, lukewarm, praise).
fn phrases(theme: Theme, lang: Lang, mood: usize) -> &'static [&'static str] {
    use Lang::{Da, En, Nl};
    use Theme::{Delivery, Invoice, Portal, Price, Quality, Support};
    match (theme, lang, mood) {
        (Delivery, Nl, 0) => &[
            "De levering was weer te laat.",
            "Bestelling kwam een week later dan beloofd.",
            "Levertijd is veel te lang en niemand laat iets weten.",
            "Pakket kwam beschadigd aan en de levering duurde te lang.",
        ],
        (Delivery, Nl, 1) => &["Levering meestal op tijd, soms een dag te laat.", "De levertijd mag korter."],
        (Delivery, Nl, _) => &["Altijd snelle levering, de volgende dag in huis.", "Levering precies op tijd, top!"],
        (Delivery, Da, 0) => &[
            "Leveringen kommer for sent igen.",
            "Ordren kom en uge senere end lovet.",
            "Alt for lang leveringstid, og ingen giver besked.",
        ],
        (Delivery, Da, 1) => {
            &["Levering er som regel til tiden, men ikke altid.", "Leveringstiden kunne være kortere."]
        }
        (Delivery, Da, _) => &["Hurtig levering, altid dagen efter.", "Leveringen var præcis til tiden."],
        (Delivery, En, 0) => &[
            "Delivery was late again.",
            "The order arrived a week after the promised date.",
            "Delivery takes far too long and nobody tells us why.",
        ],
        (Delivery, En, 1) => &["Deliveries are mostly on time, sometimes a day late.", "Delivery could be quicker."],
        (Delivery, En, _) => &["Fast delivery, always next day.", "Delivery was right on time."],
        (Price, Nl, 0) => &[
            "Veel te duur voor wat je krijgt.",
            "De prijs is weer verhoogd zonder uitleg.",
            "Te hoge prijzen vergeleken met concurrenten.",
        ],
        (Price, Nl, 1) => &["Prijs is aan de hoge kant.", "Redelijke prijs, maar niet goedkoop."],
        (Price, Nl, _) => &["Goede prijs-kwaliteitverhouding.", "Eerlijke prijzen."],
        (Price, Da, 0) => &[
            "Alt for dyrt i forhold til hvad man får.",
            "Prisen er steget igen uden forklaring.",
            "For høje priser sammenlignet med konkurrenterne.",
        ],
        (Price, Da, 1) => &["Prisen er lidt høj.", "Rimelig pris, men ikke billig."],
        (Price, Da, _) => &["God pris i forhold til kvaliteten.", "Fair priser."],
        (Price, En, 0) => &[
            "Far too expensive for what you get.",
            "The price went up again without explanation.",
            "Prices are too high compared with competitors.",
        ],
        (Price, En, 1) => &["Price is on the high side.", "Reasonable price, though not cheap."],
        (Price, En, _) => &["Good value for money.", "Fair prices."],
        (Support, Nl, 0) => &[
            "Klantenservice is slecht bereikbaar, lange wachttijd.",
            "Niemand belt terug, ik wacht al twee weken op antwoord.",
            "De helpdesk weet het antwoord niet en verwijst door.",
        ],
        (Support, Nl, 1) => &["Klantenservice is vriendelijk maar traag.", "Wachttijd aan de telefoon kan beter."],
        (Support, Nl, _) => &[
            "Zeer vriendelijke en behulpzame medewerkers.",
            "Klantenservice denkt echt mee, snel geholpen.",
            "Mijn accountmanager is altijd bereikbaar.",
        ],
        (Support, Da, 0) => &[
            "Kundeservice er svær at få fat i, lang ventetid.",
            "Ingen ringer tilbage, jeg har ventet to uger på svar.",
            "Support kender ikke svaret og stiller videre.",
        ],
        (Support, Da, 1) => &["Kundeservice er venlig, men langsom.", "Ventetiden i telefonen kunne være bedre."],
        (Support, Da, _) => &[
            "Meget venlige og hjælpsomme medarbejdere.",
            "Kundeservice tænker med, hurtig hjælp.",
            "Min kontaktperson er altid til at få fat i.",
        ],
        (Support, En, 0) => &[
            "Customer service is hard to reach, long waiting times.",
            "Nobody calls back, I have waited two weeks for an answer.",
            "The helpdesk does not know the answer and passes you on.",
        ],
        (Support, En, 1) => &["Support is friendly but slow.", "Waiting time on the phone could be better."],
        (Support, En, _) => &[
            "Very friendly and helpful staff.",
            "Customer service really thinks along, quick help.",
            "My account manager is always available.",
        ],
        (Invoice, Nl, 0) => {
            &["Factuur klopt regelmatig niet.", "Dubbel gefactureerd en het duurt weken voor de creditnota komt."]
        }
        (Invoice, Nl, 1) => &["Facturen zijn soms onduidelijk."],
        (Invoice, Nl, _) => &["Facturatie is helder en klopt altijd."],
        (Invoice, Da, 0) => &["Fakturaen er ofte forkert.", "Faktureret to gange, og kreditnotaen tager uger."],
        (Invoice, Da, 1) => &["Fakturaerne er nogle gange uklare."],
        (Invoice, Da, _) => &["Faktureringen er klar og altid korrekt."],
        (Invoice, En, 0) => &["The invoice is often wrong.", "Billed twice and the credit note takes weeks."],
        (Invoice, En, 1) => &["Invoices are sometimes unclear."],
        (Invoice, En, _) => &["Invoicing is clear and always correct."],
        (Portal, Nl, 0) => &["Het klantportaal werkt traag en logt steeds uit.", "De app crasht bij het bestellen."],
        (Portal, Nl, 1) => &["Website is wat onoverzichtelijk.", "Het portaal kan gebruiksvriendelijker."],
        (Portal, Nl, _) => &["Bestellen via de website is heel makkelijk.", "Handig klantportaal."],
        (Portal, Da, 0) => &["Kundeportalen er langsom og logger hele tiden ud.", "Appen går ned, når jeg bestiller."],
        (Portal, Da, 1) => &["Hjemmesiden er lidt uoverskuelig.", "Portalen kunne være mere brugervenlig."],
        (Portal, Da, _) => &["Det er meget nemt at bestille på hjemmesiden.", "Praktisk kundeportal."],
        (Portal, En, 0) => {
            &["The customer portal is slow and keeps logging me out.", "The app crashes when I place an order."]
        }
        (Portal, En, 1) => &["The website is a bit cluttered.", "The portal could be more user-friendly."],
        (Portal, En, _) => &["Ordering on the website is very easy.", "Handy customer portal."],
        (Quality, Nl, 0) => &["Kwaliteit van de producten is achteruitgegaan.", "Verkeerde artikelen geleverd."],
        (Quality, Nl, 1) => &["Kwaliteit is prima, niets bijzonders.", "Producten zijn goed, assortiment kan breder."],
        (Quality, Nl, _) => &["Uitstekende kwaliteit, nooit problemen.", "Betrouwbare producten."],
        (Quality, Da, 0) => &["Kvaliteten af produkterne er blevet dårligere.", "Forkerte varer leveret."],
        (Quality, Da, 1) => &["Kvaliteten er fin, intet særligt.", "Gode produkter, sortimentet kunne være bredere."],
        (Quality, Da, _) => &["Fremragende kvalitet, aldrig problemer.", "Pålidelige produkter."],
        (Quality, En, 0) => &["Product quality has gone down.", "Wrong items delivered."],
        (Quality, En, 1) => &["Quality is fine, nothing special.", "Good products, the range could be wider."],
        (Quality, En, _) => &["Excellent quality, never any problems.", "Reliable products."],
    }
}

/// A comment that fits the score: one or two sentences on the themes its group raises.
fn comment(rng: &mut Rng, lang: Lang, score: u8) -> String {
    let group = match score {
        0..=6 => 0,
        7 | 8 => 1,
        _ => 2,
    };
    let first = THEMES[rng.weighted(&THEME_WEIGHTS[group])];
    let mut text = (*rng.pick(phrases(first, lang, group))).to_owned();
    if rng.unit() < 0.3 {
        let second = THEMES[rng.weighted(&THEME_WEIGHTS[group])];
        // Passives often weigh one good point against one bad one.
        let mood = if group == 1 && rng.unit() < 0.5 { 2 } else { group };
        let extra = rng.pick(phrases(second, lang, mood));
        if !text.contains(extra) {
            text.push(' ');
            text.push_str(extra);
        }
    }
    text
}

/// A 0-10 answer for a respondent whose loyalty is `pull` (logit scale).
fn draw_score(rng: &mut Rng, pull: f64) -> u8 {
    let logistic = |x: f64| 1.0 / (1.0 + (-x).exp());
    let promoter = logistic(-0.25 + pull);
    let detractor = logistic(-1.15 - pull);
    let x = rng.unit();
    if x < detractor {
        // Detractors: mostly 5 and 6, a tail down to 0.
        [0u8, 1, 2, 3, 4, 5, 6][rng.weighted(&[0.05, 0.03, 0.06, 0.09, 0.13, 0.27, 0.37])]
    } else if x < detractor + promoter * (1.0 - detractor) {
        if rng.unit() < 0.55 { 9 } else { 10 }
    } else if rng.unit() < 0.45 {
        7
    } else {
        8
    }
}

/// A value on a 1..=max scale that leans with the 0-10 score.
fn related_scale(rng: &mut Rng, score: u8, max: u8) -> u8 {
    let centre = 1.0 + f64::from(score) / 10.0 * f64::from(max - 1);
    let noise = (rng.unit() + rng.unit() - 1.0) * f64::from(max) * 0.35;
    (centre + noise).round().clamp(1.0, f64::from(max)) as u8
}

/// Quotes a CSV cell when it holds a comma, quote or line break.
fn csv_cell(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// The whole sample survey as UTF-8 CSV text with a header row.
#[must_use]
pub fn generate_sample_csv(seed: u64, rows: usize) -> String {
    let mut rng = Rng(seed);
    let mut days: Vec<i64> = (0..rows).map(|_| FIRST_DAY + rng.below(DAYS as usize) as i64).collect();
    days.sort_unstable();
    let mut out = String::with_capacity(rows * 140);
    out.push_str(
        "respondent_id,date,sector,region,channel,product,language,\
         How likely are you to recommend us to a colleague?,ces_score,csat_score,comment\n",
    );
    let share = |table: &[f64]| table.to_vec();
    let sector_weights = share(&SECTORS.map(|s| s.1));
    let region_weights = share(&REGIONS.map(|r| r.1));
    let channel_weights = share(&CHANNELS.map(|c| c.1));
    let product_weights = share(&PRODUCTS.map(|p| p.1));
    for (i, day) in days.into_iter().enumerate() {
        let sector = SECTORS[rng.weighted(&sector_weights)];
        let region = REGIONS[rng.weighted(&region_weights)];
        let channel = CHANNELS[rng.weighted(&channel_weights)];
        let product = PRODUCTS[rng.weighted(&product_weights)];
        // A new support process from May 2026 slowly lifts loyalty; the phone channel lags.
        let month_index = (day - FIRST_DAY) as f64 / 30.4;
        let trend = if month_index > 6.0 { (month_index - 6.0) * 0.06 } else { 0.0 };
        let pull = sector.2 + region.3 + channel.2 + product.2 + trend + (rng.unit() - 0.5) * 0.6;
        let score = draw_score(&mut rng, pull);
        let ces = related_scale(&mut rng, score, 7);
        let csat = related_scale(&mut rng, score, 5);
        let lang = region.2;
        let score_cell = dirty_score(&mut rng, score, lang);
        let comment_share = if score <= 6 { 0.75 } else { 0.45 };
        let mut text = if rng.unit() < comment_share { comment(&mut rng, lang, score) } else { String::new() };
        // A few people write on two lines.
        if !text.is_empty() && rng.unit() < 0.01 {
            text.push_str("\nGroeten");
        }
        let ces_cell = if rng.unit() < 0.04 { String::new() } else { ces.to_string() };
        let csat_cell = if rng.unit() < 0.03 { String::new() } else { csat.to_string() };
        let _ = write!(out, "R{:05},{},", i + 1, iso_date(day));
        for cell in [sector.0, region.0, channel.0, product.0, lang.code(), &score_cell, &ces_cell, &csat_cell] {
            csv_cell(&mut out, cell);
            out.push(',');
        }
        csv_cell(&mut out, &text);
        out.push('\n');
    }
    out
}

/// The score as a real export might hold it: mostly clean, sometimes blank, as text, with a
/// decimal comma, padded, a fraction or out of range.
fn dirty_score(rng: &mut Rng, score: u8, lang: Lang) -> String {
    let x = rng.unit();
    match x {
        x if x < 0.012 => String::new(),
        x if x < 0.018 => match lang {
            Lang::Nl => "n.v.t.",
            Lang::Da => "ved ikke",
            Lang::En => "don't know",
        }
        .to_owned(),
        x if x < 0.026 => format!("{score},0"),
        x if x < 0.034 => format!(" {score} "),
        x if x < 0.036 => "11".to_owned(),
        x if x < 0.038 => "7.5".to_owned(),
        _ => score.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_differs() {
        let a = generate_sample_csv(7, 300);
        assert_eq!(a, generate_sample_csv(7, 300));
        assert_ne!(a, generate_sample_csv(8, 300));
        assert_eq!(a.lines().filter(|l| l.starts_with('R')).count(), 300);
    }

    #[test]
    fn dates_cover_twelve_months_in_order() {
        assert_eq!(iso_date(FIRST_DAY), "2025-11-01");
        assert_eq!(iso_date(FIRST_DAY + DAYS - 1), "2026-10-31");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(19_782), "2024-02-29");
    }

    #[test]
    fn comments_fit_the_score() {
        let mut rng = Rng(3);
        let complaint = comment(&mut rng, Lang::En, 2);
        let all_complaints: Vec<&str> = THEMES.iter().flat_map(|t| phrases(*t, Lang::En, 0).iter().copied()).collect();
        let first_sentence = all_complaints.iter().any(|p| complaint.starts_with(p));
        assert!(first_sentence, "a detractor's comment starts with a complaint: {complaint}");
    }

    #[test]
    fn the_committed_sample_is_what_the_generator_makes() {
        let committed = include_str!("../assets/sample/survey.csv");
        let made = generate_sample_csv(SAMPLE_SEED, SAMPLE_ROWS);
        assert!(committed == made, "assets/sample/survey.csv is stale: run `cargo run --bin make-sample`");
    }
}
