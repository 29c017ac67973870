//! What a mention says: negative, positive or neutral, from the evaluative words around it.
//!
//! A mention's scope is its clause (punctuation ends one) up to the nearest contrast word on
//! either side ("the food was great but the delivery was late": "food" sees "great", "delivery"
//! sees "late"). In that scope every word of the language's lexicon counts +1 or -1, turned
//! around when a negator applies to it ("not bad", "niet lekker", "ikke god", "nicht gut"); one of
//! a short list of words neutral on their own counts -1 after "too" / "te" / "alt for" / "zu"
//! ("too late", "te lang"), matched as written. The sum
//! decides; a tie goes to the evaluative word nearest the mention. Without an evaluative word, a
//! mention that is itself negated complains ("no response", "geen reactie", "ikke svar",
//! "zonder uitleg"), and any other is neutral. The matched keyword's own words count too
//! ("expensive", "onvriendelijk").
//!
//! Owns the lexicons (written here from general knowledge of the four languages, not tuned on
//! any evaluation set) and the scope rule; knows nothing of themes or groups.

use std::collections::HashMap;

use serde::Serialize;

use super::analysis::{Reading, TokenKind};
use super::language::Language;
use super::stemming::Stems;

/// What a mention says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// A complaint: "the food was cold", "niet vriendelijk".
    Negative,
    /// Neither, or no evaluative word.
    Neutral,
    /// Praise: "great service", "snelle levering".
    Positive,
}

impl Polarity {
    /// The stable identifier (`negative`, `neutral`, `positive`).
    #[must_use]
    pub fn id(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }
}

/// Words that praise, per language (as written; stemmed when the lexicon is built).
const POSITIVE: [&[&str]; 4] = [
    // Dutch
    &[
        "goed",
        "goede",
        "prima",
        "uitstekend",
        "uitstekende",
        "geweldig",
        "geweldige",
        "fantastisch",
        "top",
        "perfect",
        "perfecte",
        "prettig",
        "prettige",
        "aardig",
        "aardige",
        "vriendelijk",
        "vriendelijke",
        "klantvriendelijk",
        "behulpzaam",
        "behulpzame",
        "snel",
        "snelle",
        "vlot",
        "vlotte",
        "makkelijk",
        "gemakkelijk",
        "tevreden",
        "blij",
        "lekker",
        "lekkere",
        "heerlijk",
        "heerlijke",
        "vers",
        "verse",
        "schoon",
        "netjes",
        "keurig",
        "professioneel",
        "professionele",
        "betrouwbaar",
        "betrouwbare",
        "efficiënt",
        "goedkoop",
        "goedkope",
        "betaalbaar",
        "betaalbare",
        "redelijk",
        "mooi",
        "mooie",
        "fijn",
        "fijne",
        "leuk",
        "leuke",
        "duidelijk",
        "duidelijke",
        "handig",
        "handige",
        "gezellig",
        "rustig",
        "attent",
        "deskundig",
        "deskundige",
        "aanrader",
        "aanbevolen",
        "uitmuntend",
        "voortreffelijk",
        "correct",
        "bedankt",
        "dank",
        "compliment",
        "complimenten",
        "smaakvol",
        "knap",
        "vakkundig",
        "hulpvaardig",
        "toegankelijk",
        "stabiel",
    ],
    // Danish
    &[
        "god",
        "godt",
        "gode",
        "fin",
        "fint",
        "fine",
        "fantastisk",
        "fantastiske",
        "fremragende",
        "perfekt",
        "dejlig",
        "dejligt",
        "dejlige",
        "venlig",
        "venlige",
        "venligt",
        "hjælpsom",
        "hjælpsomme",
        "hurtig",
        "hurtigt",
        "hurtige",
        "nem",
        "nemt",
        "nemme",
        "tilfreds",
        "tilfredse",
        "glad",
        "glade",
        "lækker",
        "lækkert",
        "lækre",
        "frisk",
        "friske",
        "ren",
        "rent",
        "rene",
        "pæn",
        "pænt",
        "professionel",
        "professionelt",
        "pålidelig",
        "effektiv",
        "effektivt",
        "billig",
        "billigt",
        "billige",
        "rimelig",
        "rimeligt",
        "flot",
        "flotte",
        "behagelig",
        "behageligt",
        "imødekommende",
        "kompetent",
        "kompetente",
        "anbefale",
        "anbefales",
        "anbefalelsesværdig",
        "tak",
        "tilfredsstillende",
        "smuk",
        "hyggelig",
        "hyggeligt",
        "stabil",
        "grundig",
        "overskuelig",
        "velsmagende",
    ],
    // English
    &[
        "good",
        "great",
        "excellent",
        "fantastic",
        "amazing",
        "awesome",
        "wonderful",
        "perfect",
        "nice",
        "friendly",
        "helpful",
        "fast",
        "quick",
        "quickly",
        "easy",
        "pleasant",
        "happy",
        "satisfied",
        "love",
        "loved",
        "liked",
        "best",
        "clean",
        "delicious",
        "tasty",
        "fresh",
        "comfortable",
        "professional",
        "polite",
        "reliable",
        "efficient",
        "smooth",
        "affordable",
        "reasonable",
        "fair",
        "superb",
        "outstanding",
        "brilliant",
        "impressive",
        "recommend",
        "recommended",
        "enjoy",
        "enjoyed",
        "beautiful",
        "lovely",
        "spacious",
        "quiet",
        "courteous",
        "attentive",
        "knowledgeable",
        "responsive",
        "convenient",
        "worth",
        "fine",
        "decent",
        "solid",
        "generous",
        "speedy",
        "prompt",
        "accurate",
        "intuitive",
        "stable",
        "thanks",
        "thank",
        "glad",
        "pleased",
        "exceptional",
        "terrific",
        "fabulous",
        "cosy",
        "cozy",
        "welcoming",
        "sturdy",
        "powerful",
        "gorgeous",
        "flawless",
        "seamless",
        "pleasure",
    ],
    // German
    &[
        "gut",
        "gute",
        "guter",
        "gutes",
        "toll",
        "tolle",
        "prima",
        "ausgezeichnet",
        "hervorragend",
        "perfekt",
        "freundlich",
        "freundliche",
        "hilfsbereit",
        "schnell",
        "schnelle",
        "zufrieden",
        "lecker",
        "leckere",
        "frisch",
        "frische",
        "sauber",
        "professionell",
        "zuverlässig",
        "günstig",
        "günstige",
        "preiswert",
        "angenehm",
        "angenehme",
        "schön",
        "schöne",
        "nett",
        "nette",
        "kompetent",
        "empfehlen",
        "empfehlenswert",
        "top",
        "klasse",
        "danke",
        "bequem",
        "ruhig",
        "geräumig",
        "pünktlich",
        "stabil",
        "großartig",
        "wunderbar",
        "fair",
        "übersichtlich",
        "kundenfreundlich",
    ],
];

/// Words that complain, per language.
const NEGATIVE: [&[&str]; 4] = [
    // Dutch
    &[
        "slecht",
        "slechte",
        "matig",
        "matige",
        "waardeloos",
        "waardeloze",
        "vreselijk",
        "vreselijke",
        "verschrikkelijk",
        "verschrikkelijke",
        "traag",
        "trage",
        "langzaam",
        "onvriendelijk",
        "onvriendelijke",
        "onbeleefd",
        "onbeleefde",
        "onbeschoft",
        "duur",
        "dure",
        "prijzig",
        "prijzige",
        "vies",
        "vieze",
        "smerig",
        "kapot",
        "beschadigd",
        "fout",
        "fouten",
        "verkeerd",
        "verkeerde",
        "kwijt",
        "moeilijk",
        "lastig",
        "ingewikkeld",
        "onduidelijk",
        "onduidelijke",
        "teleurgesteld",
        "teleurstellend",
        "teleurstelling",
        "jammer",
        "helaas",
        "frustrerend",
        "irritant",
        "nutteloos",
        "onbetrouwbaar",
        "probleem",
        "problemen",
        "klacht",
        "klachten",
        "storing",
        "storingen",
        "vertraging",
        "vertraagd",
        "koud",
        "koude",
        "lauw",
        "smakeloos",
        "onprofessioneel",
        "incompetent",
        "rommelig",
        "ongeïnteresseerd",
        "belachelijk",
        "onacceptabel",
        "boos",
        "ontevreden",
        "mis",
        "misser",
        "gebrekkig",
        "onvoldoende",
        "zwak",
        "zwakke",
        "oneerlijk",
        "ramp",
        "drama",
        "schandalig",
        "chaotisch",
        "hopeloos",
        "ergernis",
        "ergerlijk",
        "vervelend",
        "onbereikbaar",
        "ongeduldig",
        "afgezet",
        "oplichting",
    ],
    // Danish
    &[
        "dårlig",
        "dårligt",
        "dårlige",
        "elendig",
        "elendigt",
        "forfærdelig",
        "forfærdeligt",
        "frygtelig",
        "frygteligt",
        "langsom",
        "langsomt",
        "langsomme",
        "uvenlig",
        "uvenlige",
        "uhøflig",
        "uhøflige",
        "sur",
        "dyr",
        "dyrt",
        "dyre",
        "beskidt",
        "beskidte",
        "snavset",
        "ødelagt",
        "ødelagte",
        "defekt",
        "forkert",
        "forkerte",
        "fejl",
        "mangler",
        "manglende",
        "svær",
        "svært",
        "besværlig",
        "besværligt",
        "kompliceret",
        "uklar",
        "uklart",
        "skuffet",
        "skuffende",
        "skuffelse",
        "desværre",
        "frustrerende",
        "irriterende",
        "ubrugelig",
        "ubrugeligt",
        "upålidelig",
        "problem",
        "problemer",
        "klage",
        "klager",
        "forsinket",
        "forsinkelse",
        "forsinkelser",
        "kold",
        "koldt",
        "kolde",
        "smagløs",
        "uprofessionel",
        "uprofessionelt",
        "rodet",
        "utilfreds",
        "elendige",
        "katastrofe",
        "skandale",
        "håbløs",
        "håbløst",
        "middelmådig",
        "uacceptabelt",
        "uacceptabel",
        "pinligt",
        "træls",
        "lunken",
        "tør",
        "tørt",
        "svag",
        "svage",
    ],
    // English
    &[
        "bad",
        "poor",
        "poorly",
        "terrible",
        "awful",
        "horrible",
        "worst",
        "worse",
        "slow",
        "slowly",
        "rude",
        "unfriendly",
        "unhelpful",
        "late",
        "delayed",
        "delay",
        "delays",
        "expensive",
        "overpriced",
        "pricey",
        "dirty",
        "broken",
        "damaged",
        "wrong",
        "missing",
        "lost",
        "difficult",
        "complicated",
        "confusing",
        "annoying",
        "disappointing",
        "disappointed",
        "disappointment",
        "frustrating",
        "frustrated",
        "useless",
        "unreliable",
        "crash",
        "crashes",
        "crashed",
        "buggy",
        "bug",
        "bugs",
        "error",
        "errors",
        "problem",
        "problems",
        "complaint",
        "fail",
        "failed",
        "fails",
        "failure",
        "noisy",
        "uncomfortable",
        "stale",
        "bland",
        "tasteless",
        "soggy",
        "unprofessional",
        "incompetent",
        "careless",
        "messy",
        "waste",
        "unacceptable",
        "ridiculous",
        "horrendous",
        "mediocre",
        "lacking",
        "lack",
        "hate",
        "hated",
        "cold",
        "unhappy",
        "dissatisfied",
        "angry",
        "nightmare",
        "disaster",
        "shame",
        "sadly",
        "unfortunately",
        "defective",
        "faulty",
        "cramped",
        "dated",
        "outdated",
        "overcooked",
        "undercooked",
        "greasy",
        "disgusting",
        "filthy",
        "cheaply",
        "flimsy",
        "laggy",
        "sluggish",
        "clunky",
        "ignored",
        "impatient",
        "unclear",
        "hassle",
        "scam",
        "weak",
        "lousy",
        "crappy",
        "sucks",
        "horrid",
        "dreadful",
        "inadequate",
        "unusable",
        "freezes",
    ],
    // German
    &[
        "schlecht",
        "schlechte",
        "schlechter",
        "mies",
        "furchtbar",
        "schrecklich",
        "langsam",
        "unfreundlich",
        "unfreundliche",
        "unhöflich",
        "teuer",
        "teure",
        "überteuert",
        "schmutzig",
        "dreckig",
        "kaputt",
        "defekt",
        "falsch",
        "fehlt",
        "fehlen",
        "fehlerhaft",
        "fehler",
        "schwierig",
        "kompliziert",
        "unklar",
        "enttäuscht",
        "enttäuschend",
        "enttäuschung",
        "leider",
        "ärgerlich",
        "nutzlos",
        "unzuverlässig",
        "problem",
        "probleme",
        "beschwerde",
        "verspätet",
        "verspätung",
        "verspätungen",
        "kalt",
        "geschmacklos",
        "unprofessionell",
        "chaotisch",
        "unzufrieden",
        "katastrophe",
        "katastrophal",
        "frechheit",
        "mangelhaft",
        "ungenügend",
        "umständlich",
        "eng",
        "veraltet",
        "ausfall",
        "störung",
        "störungen",
        "unverschämt",
        "schade",
    ],
];

/// Words that turn the clause after them: "but", "maar", "men", "aber" and kin.
const CONTRAST: [&[&str]; 4] = [
    &["maar", "echter", "hoewel", "alleen", "behalve", "ondanks", "daarentegen"],
    &["men", "dog", "selvom", "bortset", "undtagen", "derimod", "alligevel"],
    &["but", "however", "although", "though", "yet", "whereas", "except", "apart", "despite", "nevertheless"],
    &["aber", "jedoch", "obwohl", "allerdings", "sondern", "trotzdem", "dennoch", "außer"],
];

/// Evaluative words that judge the writer's feelings or the whole experience, not a thing: they
/// do not make "the X was Y" ("thanks", "disappointed", "unfortunately", "problem").
const NOT_ABOUT_A_THING: [&[&str]; 4] = [
    &[
        "bedankt",
        "dank",
        "compliment",
        "complimenten",
        "aanrader",
        "aanbevolen",
        "tevreden",
        "blij",
        "teleurgesteld",
        "teleurstelling",
        "jammer",
        "helaas",
        "probleem",
        "problemen",
        "klacht",
        "klachten",
        "boos",
        "ontevreden",
        "ergernis",
        "drama",
        "ramp",
    ],
    &[
        "tak",
        "anbefale",
        "anbefales",
        "tilfreds",
        "tilfredse",
        "glad",
        "glade",
        "skuffet",
        "skuffelse",
        "desværre",
        "problem",
        "problemer",
        "klage",
        "klager",
        "utilfreds",
        "katastrofe",
        "skandale",
    ],
    &[
        "thanks",
        "thank",
        "recommend",
        "recommended",
        "love",
        "loved",
        "liked",
        "enjoy",
        "enjoyed",
        "hate",
        "hated",
        "happy",
        "satisfied",
        "pleased",
        "glad",
        "disappointed",
        "disappointment",
        "unfortunately",
        "sadly",
        "shame",
        "problem",
        "problems",
        "issue",
        "issues",
        "complaint",
        "unhappy",
        "dissatisfied",
        "angry",
        "pleasure",
        "nightmare",
        "disaster",
        "waste",
    ],
    &[
        "danke",
        "empfehlen",
        "zufrieden",
        "unzufrieden",
        "enttäuscht",
        "enttäuschung",
        "leider",
        "schade",
        "problem",
        "probleme",
        "beschwerde",
        "katastrophe",
        "frechheit",
    ],
];

/// Words written like an evaluative word, or sharing its stem, that say nothing on their own (as
/// written): Dutch "betalen" stems as "betaalbaar" does, English "cleaning" as "clean".
const NOT_EVALUATIVE: [&[&str]; 4] = [
    &["betalen", "betaal", "betaald", "betaalt", "betaalde", "betaalden", "betaling", "betalingen"],
    &["betale", "betaler", "betalte", "betaling", "betalingen"],
    &[
        "cleaning",
        "cleaners",
        "kinda",
        "reason",
        "reasons",
        "except",
        "exception",
        "please",
        "help",
        "helps",
        "helping",
    ],
    &["bezahlen", "bezahlt", "bezahlte", "bezahlung"],
];

/// English words that praise only as a verb with its subject or helper before it ("I like",
/// "would like"), not as a preposition ("smelled like a pool", "looks like plastic").
const LIKE_WORDS: [&str; 2] = ["like", "liked"];

/// Words before "like" that make it the verb.
const LIKE_SUBJECTS: [&str; 16] =
    ["i", "we", "you", "they", "he", "she", "really", "also", "do", "did", "would", "d", "to", "not", "n't", "still"];

/// Words before a size or amount word (of [`TOO_WORDS`]) that make it a complaint as "too" does:
/// "a bit small", "runs large", "valt klein", "lidt stor", "fällt klein aus".
const SOFTENERS: [&[&str]; 4] = [
    &["beetje", "iets", "wat", "valt", "vallen", "viel", "vielen"],
    &["lidt", "noget", "temmelig"],
    &["bit", "slightly", "somewhat", "rather", "runs", "run", "ran", "running"],
    &["etwas", "bisschen", "leicht", "fällt", "fallen", "fiel"],
];

/// Words that say nothing alone but complain when negated: "doesn't work", "werkt niet",
/// "virker ikke", "funktioniert nicht" (as written).
const NEGATED_ONLY: [&[&str]; 4] = [
    &["werkt", "werken", "werkte", "werkten", "functioneert", "functioneren"],
    &["virker", "virkede", "fungerer", "fungerede", "duer"],
    &["work", "works", "worked", "working", "function", "functions"],
    &["funktioniert", "funktionieren", "funktionierte", "geht", "ging", "klappt", "klappte"],
];

/// Words that grade the word after them rather than praise ("pretty small", "best duur").
const GRADERS: [&[&str]; 4] = [&["best", "vrij"], &["ret", "temmelig"], &["pretty", "quite"], &["ziemlich", "recht"]];

/// Index of English in the per-language lists.
const ENGLISH: usize = 2;

/// How many words on either side of a mention its judgement is looked for in, within its
/// clause: comments written without punctuation are one long clause.
const SCOPE_WORDS: usize = 6;

/// "without" in each language: the thing after it is missing ("zonder uitleg", "uden svar").
const WITHOUT: [&[&str]; 4] = [&["zonder"], &["uden"], &["without"], &["ohne"]];

/// "too" in each language: the word after it, neutral on its own, complains ("te laat").
const TOO: [&[&str]; 4] = [&["te"], &["for"], &["too"], &["zu", "allzu"]];

/// Words after "too" that complain with it, even if neutral alone (as written).
const TOO_WORDS: [&[&str]; 4] = [
    &[
        "laat", "lang", "lange", "veel", "weinig", "klein", "kleine", "groot", "grote", "druk", "hoog", "hoge", "warm",
        "koud", "vol", "kort", "krap", "strak", "wijd", "ruim", "dun", "zwaar",
    ],
    &[
        "sent", "lang", "længe", "meget", "lidt", "lille", "stor", "store", "høj", "højt", "varm", "kold", "fuld",
        "mange", "kort", "stram", "stramt", "snæver", "vid", "tynd", "tung",
    ],
    &[
        "late", "long", "much", "many", "little", "small", "big", "large", "busy", "loud", "hot", "cold", "high",
        "full", "few", "short", "tight", "loose", "snug", "thin", "heavy",
    ],
    &[
        "spät", "lang", "lange", "viel", "wenig", "klein", "groß", "hoch", "voll", "warm", "kalt", "laut", "kurz",
        "eng", "weit", "dünn", "schwer",
    ],
];

/// The evaluative words of the four languages, stemmed as comments are. A reading of unknown
/// language says nothing (the tagger reads such a comment in each of the four languages).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Per language: stem -> +1 or -1.
    values: [HashMap<String, i8>; 4],
    /// Per language: evaluative stems that judge no thing ([`NOT_ABOUT_A_THING`]).
    not_about_a_thing: [HashMap<String, ()>; 4],
}

impl Lexicon {
    /// Builds the lexicon, stemming its words with `stems` in their language.
    pub fn new(stems: &mut Stems) -> Lexicon {
        let mut lexicon = Lexicon::default();
        for (i, language) in Language::KNOWN.into_iter().enumerate() {
            for (words, value) in [(POSITIVE[i], 1i8), (NEGATIVE[i], -1i8)] {
                for &word in words {
                    lexicon.values[i].insert(stems.stem(language, word), value);
                }
            }
            for &word in NOT_ABOUT_A_THING[i] {
                lexicon.not_about_a_thing[i].insert(stems.stem(language, word), ());
            }
        }
        lexicon
    }

    /// The value of the token at `at` of `reading` (in the language of index `i`) on its own:
    /// +1, -1 or 0.
    fn value(&self, reading: &Reading, i: usize, at: usize) -> i8 {
        let token = &reading.tokens[at];
        if token.kind == TokenKind::Negator {
            return 0;
        }
        if NOT_EVALUATIVE[i].contains(&token.surface.as_str()) {
            return 0;
        }
        if NEGATED_ONLY[i].contains(&token.surface.as_str()) {
            // Dutch, Danish and German put the negator after the verb ("werkt niet"); English
            // before it, at most two words away ("doesn t work").
            let negator = |at: Option<usize>| {
                at.and_then(|at| reading.tokens.get(at))
                    .is_some_and(|t| t.clause == token.clause && t.kind == TokenKind::Negator)
            };
            let near = if i == ENGLISH { [at.checked_sub(1), at.checked_sub(2)] } else { [Some(at + 1), Some(at + 2)] };
            return if token.is_negated() || near.into_iter().any(negator) { -1 } else { 0 };
        }
        // English "like" praises as a verb only; "kind" is no praise in "kind of".
        if i == ENGLISH
            && (LIKE_WORDS.contains(&token.surface.as_str())
                && !(at > 0 && LIKE_SUBJECTS.contains(&reading.tokens[at - 1].surface.as_str()))
                || token.surface == "kind" && reading.tokens.get(at + 1).is_some_and(|t| t.surface == "of"))
        {
            return 0;
        }
        // A grader before another evaluative word only strengthens it: "pretty small".
        if GRADERS[i].contains(&token.surface.as_str())
            && reading.tokens.get(at + 1).is_some_and(|next| {
                next.clause == token.clause
                    && (self.values[i].contains_key(&next.stem) || TOO_WORDS[i].contains(&next.surface.as_str()))
            })
        {
            return 0;
        }
        let mut value = self.values[i].get(&token.stem).copied().unwrap_or(0);
        if value == 0 && at > 0 && too_before(reading, i, at) {
            value = -1;
        }
        if token.is_negated() { -value } else { value }
    }

    /// Whether the token at `at` praises or complains on its own or with "too" before it.
    #[must_use]
    pub fn is_evaluative(&self, reading: &Reading, at: usize) -> bool {
        reading.language.index().is_some_and(|i| self.value(reading, i, at) != 0)
    }

    /// Whether the token at `at` judges a thing ("cold", "broken", "delicious", "too small"),
    /// not the writer's feelings ("disappointed", "thanks").
    #[must_use]
    pub fn judges_a_thing(&self, reading: &Reading, at: usize) -> bool {
        reading.language.index().is_some_and(|i| {
            !self.not_about_a_thing[i].contains_key(&reading.tokens[at].stem) && self.value(reading, i, at) != 0
        })
    }

    /// What the words `start..start + len` of `reading` (a mention) say, and the evaluative
    /// words that said it (token indices).
    #[must_use]
    pub fn judge(&self, reading: &Reading, start: usize, len: usize) -> (Polarity, Vec<usize>) {
        let tokens = &reading.tokens;
        let (Some(first), Some(i)) = (tokens.get(start), reading.language.index()) else {
            return (Polarity::Neutral, Vec::new());
        };
        let clause = first.clause;
        let end = (start + len).min(tokens.len());
        // The scope: the words near the mention within its clause, cut at the nearest contrast
        // word on either side; when they judge nothing, the whole clause so cut; when that judges
        // nothing either, the whole comment ("4 stars hotel and paid wifi").
        let contrast = |at: usize| CONTRAST[i].contains(&tokens[at].surface.as_str());
        let mut sum = 0i32;
        let mut said = Vec::new();
        for (limit, in_clause) in [(SCOPE_WORDS, true), (usize::MAX, true), (usize::MAX, false)] {
            let inside = |at: usize| !in_clause || tokens[at].clause == clause && !contrast(at);
            let mut from = start;
            while from > 0 && start - from < limit && inside(from - 1) {
                from -= 1;
            }
            let mut to = end;
            while to < tokens.len() && to - end < limit && inside(to) {
                to += 1;
            }
            for at in from..to {
                let value = self.value(reading, i, at);
                if value != 0 {
                    sum += i32::from(value);
                    said.push(at);
                }
            }
            if !said.is_empty() {
                break;
            }
        }
        let polarity = match sum.cmp(&0) {
            std::cmp::Ordering::Less => Polarity::Negative,
            std::cmp::Ordering::Greater => Polarity::Positive,
            std::cmp::Ordering::Equal => {
                // A tie: the evaluative word nearest the mention decides.
                let last = end.max(start + 1) - 1;
                let distance = |at: usize| if at < start { start - at } else { at.saturating_sub(last) };
                match said.iter().min_by_key(|&&at| distance(at)).map(|&at| self.value(reading, i, at)) {
                    Some(v) if v < 0 => Polarity::Negative,
                    Some(v) if v > 0 => Polarity::Positive,
                    // The thing itself is missing: "no response", "geen reactie", "zonder uitleg".
                    None if tokens[start..end].iter().any(|t| t.is_negated() || t.kind == TokenKind::Negator)
                        || without_before(reading, i, start) =>
                    {
                        Polarity::Negative
                    }
                    _ => Polarity::Neutral,
                }
            }
        };
        (polarity, said)
    }
}

/// Whether "too" stands right before the token at `at` of `reading` (in the language of index
/// `i`), which complains after it ("te laat"; Danish "for" only as "alt for"). The word after is
/// matched as written: the Dutch stemmer gives "laten" and "laat" one stem.
fn too_before(reading: &Reading, i: usize, at: usize) -> bool {
    let (before, token) = (&reading.tokens[at - 1], &reading.tokens[at]);
    let too = TOO[i].contains(&before.surface.as_str())
        && (before.surface != "for" || at >= 2 && reading.tokens[at - 2].surface == "alt");
    before.clause == token.clause
        && (too || SOFTENERS[i].contains(&before.surface.as_str()))
        && TOO_WORDS[i].contains(&token.surface.as_str())
}

/// Whether "without" stands before the token at `at` in its clause, with at most two stop words
/// between ("zonder enige uitleg", "without any explanation").
fn without_before(reading: &Reading, i: usize, at: usize) -> bool {
    let clause = reading.tokens[at].clause;
    (1..=3).take_while(|&back| at >= back).any(|back| {
        let token = &reading.tokens[at - back];
        let between_are_stop = (1..back).all(|b| reading.tokens[at - b].kind == TokenKind::Stop);
        token.clause == clause && between_are_stop && WITHOUT[i].contains(&token.surface.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::themes::Analyzer;

    /// The polarity of the first token of `text` (read in `language`) whose surface is `word`.
    fn polarity_of(text: &str, language: Language, word: &str) -> Polarity {
        let mut stems = Stems::new();
        let lexicon = Lexicon::new(&mut stems);
        let comment = Analyzer::new().analyse_as(text, language);
        let reading = &comment.reading;
        let at = reading.tokens.iter().position(|t| t.surface == word).unwrap_or_else(|| panic!("{word} in {text}"));
        lexicon.judge(reading, at, 1).0
    }

    #[test]
    fn each_mention_hears_its_own_clause() {
        use Polarity::{Negative, Neutral, Positive};
        for (text, language, word, expected) in [
            ("The food was great but the delivery was late", Language::English, "food", Positive),
            ("The food was great but the delivery was late", Language::English, "delivery", Negative),
            ("The food was great, the service slow.", Language::English, "service", Negative),
            ("The staff was not bad at all", Language::English, "staff", Positive),
            ("The staff was not friendly", Language::English, "staff", Negative),
            ("We ordered the menu", Language::English, "menu", Neutral),
            ("De levering was super traag", Language::Dutch, "levering", Negative),
            ("The agent was kind of rude", Language::English, "agent", Negative),
            ("Ik probeerde het de winkel te laten weten", Language::Dutch, "winkel", Neutral),
            ("Het pakket kwam veel te laat", Language::Dutch, "pakket", Negative),
            ("For mange år siden var butikken god", Language::Danish, "butikken", Positive),
            ("No response to my emails", Language::English, "response", Negative),
            ("Ik kreeg geen reactie", Language::Dutch, "reactie", Negative),
            ("Jeg fik ikke svar", Language::Danish, "svar", Negative),
            ("De prijs is verhoogd zonder uitleg", Language::Dutch, "uitleg", Negative),
            ("Prisen er steget uden nogen forklaring", Language::Danish, "forklaring", Negative),
            ("Without any explanation", Language::English, "explanation", Negative),
            ("Het eten was niet lekker", Language::Dutch, "eten", Negative),
            ("Het eten was lekker maar de bediening traag", Language::Dutch, "bediening", Negative),
            ("Het eten was lekker maar de bediening traag", Language::Dutch, "eten", Positive),
            ("Levering te laat", Language::Dutch, "levering", Negative),
            ("Maden var ikke god", Language::Danish, "maden", Negative),
            ("Maden var god, men leveringen var forsinket", Language::Danish, "leveringen", Negative),
            ("Maden var god, men leveringen var forsinket", Language::Danish, "maden", Positive),
            ("Der Preis ist zu hoch", Language::German, "preis", Negative),
            ("Das Essen war nicht gut, aber der Service freundlich", Language::German, "service", Positive),
            ("Das Essen war nicht gut, aber der Service freundlich", Language::German, "essen", Negative),
            // "like" praises as a verb, not as a preposition.
            ("The room smelled like a swimming pool", Language::English, "room", Neutral),
            ("I like the room", Language::English, "room", Positive),
            // Words that share a stem with a judgement but judge nothing.
            ("The cleaning staff", Language::English, "staff", Neutral),
            ("Ik moest extra betalen voor parkeren", Language::Dutch, "parkeren", Neutral),
            // A grader only strengthens: "pretty dirty" is no praise.
            ("The room was pretty dirty", Language::English, "room", Negative),
            // A softened size word complains as "too" does.
            ("The dress runs small", Language::English, "dress", Negative),
            ("De jurk valt klein", Language::Dutch, "jurk", Negative),
            ("Kjolen er lidt stor", Language::Danish, "kjolen", Negative),
            // Working complains only when negated, the negator before or after the verb.
            ("The air conditioning doesn't work", Language::English, "conditioning", Negative),
            ("The air conditioning doesn t work", Language::English, "conditioning", Negative),
            ("De airco werkt niet", Language::Dutch, "airco", Negative),
            ("Aircondition virker ikke", Language::Danish, "aircondition", Negative),
            ("Die Klimaanlage funktioniert nicht", Language::German, "klimaanlage", Negative),
            ("The air conditioning works", Language::English, "conditioning", Neutral),
            // A mention whose clause judges nothing hears the rest of the comment.
            ("Four star hotel and paid wifi. Disappointing.", Language::English, "wifi", Negative),
        ] {
            assert_eq!(polarity_of(text, language, word), expected, "{text}: {word}");
        }
    }
}
