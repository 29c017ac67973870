//! The words for the project's own codes and enums: a benchmark verdict, a caveat, an exclusion
//! reason, a metric's title and share, a column role, and the comment language that matches the
//! window's language. Looked up here so that the window, the exported files and the CLI name them
//! alike.

use super::{Language, Texts, fill};
use crate::analysis::{MetricKind, MetricSummary};
use crate::benchmarks::{Caveat, Comparison, Verdict};
use crate::import::ExclusionReason;
use crate::import::Role;
use crate::import::layout::Layout;

impl Texts {
    /// The words for a benchmark verdict.
    #[must_use]
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Above => self.verdict_above,
            Verdict::Below => self.verdict_below,
            Verdict::Within => self.verdict_within,
            Verdict::Inconclusive => self.verdict_inconclusive,
            Verdict::TooFew => self.verdict_too_few,
        }
    }

    /// What a benchmark published: `range +30.0 to +45.0` or `single value +29.0`.
    #[must_use]
    pub fn published(&self, c: &Comparison) -> String {
        match (c.low, c.high, c.value) {
            (Some(lo), Some(hi), _) => fill(self.bench_range, &[("low", &self.signed(lo)), ("high", &self.signed(hi))]),
            (_, _, Some(v)) => fill(self.bench_point, &[("value", &self.signed(v))]),
            _ => String::new(),
        }
    }

    /// A benchmark caveat in this language.
    #[must_use]
    pub fn caveat(&self, caveat: &Caveat) -> String {
        match caveat {
            Caveat::RegionUnset { benchmark } => {
                fill(self.caveat_region_unset, &[("benchmark", self.place_name(benchmark))])
            }
            Caveat::RegionDiffers { benchmark, data } => {
                fill(self.caveat_region_differs, &[("benchmark", self.place_name(benchmark)), ("data", data)])
            }
            Caveat::AudienceUnset { benchmark } => {
                fill(self.caveat_audience_unset, &[("benchmark", self.place_name(benchmark))])
            }
            Caveat::AudienceDiffers { benchmark, population, data } => fill(
                self.caveat_audience_differs,
                &[
                    ("benchmark", self.place_name(benchmark)),
                    ("population", self.place_name(population)),
                    ("data", self.place_name(data)),
                ],
            ),
            Caveat::SingleValue => self.caveat_single_value.to_owned(),
            Caveat::SecondHand => self.caveat_second_hand.to_owned(),
        }
    }

    /// The words for an exclusion reason code (`blank`, `not_a_number`, ...).
    #[must_use]
    pub fn exclusion_reason(&self, reason: &str) -> &'static str {
        match reason {
            r if r == ExclusionReason::Blank.code() => self.reason_blank,
            r if r == ExclusionReason::NotANumber.code() => self.reason_not_a_number,
            r if r == ExclusionReason::NotWholeNumber.code() => self.reason_not_whole,
            r if r == ExclusionReason::InvalidWeight.code() => self.reason_invalid_weight,
            r if r == ExclusionReason::NoDate.code() => self.reason_no_date,
            r if r == ExclusionReason::Range.code() => self.reason_range,
            r if r == ExclusionReason::Time.code() => self.reason_time,
            r if r == ExclusionReason::Ratio.code() => self.reason_ratio,
            r if r == ExclusionReason::OutOf.code() => self.reason_out_of,
            r if r == ExclusionReason::FieldCount.code() => self.reason_field_count,
            _ => self.reason_out_of_range,
        }
    }

    /// The card title of a CES, CSAT or grade metric.
    #[must_use]
    pub fn metric_title(&self, kind: MetricKind) -> &'static str {
        match kind {
            MetricKind::CesAgree => self.ces_title,
            MetricKind::CesEffort => self.ces_effort_title,
            MetricKind::Csat => self.csat_title,
            MetricKind::Grade => self.grade_title,
            MetricKind::Rating5 | MetricKind::Rating7 | MetricKind::Rating10 => self.rating_title,
        }
    }

    /// The name of a metric's share: `agree (5-7)`, `top-2-box`, `8 or more`.
    #[must_use]
    pub fn metric_share_name(&self, kind: MetricKind) -> &'static str {
        let template = self.share_template(kind);
        template.split_once(':').map_or(template, |(name, _)| name)
    }

    /// The template of a metric's share: `top-2-box: {pct} ({low}-{high})`.
    fn share_template(&self, kind: MetricKind) -> &'static str {
        match kind {
            MetricKind::CesAgree => self.agree_share,
            MetricKind::CesEffort => self.low_effort_share,
            MetricKind::Csat | MetricKind::Rating5 => self.top2_share,
            MetricKind::Grade | MetricKind::Rating10 => self.grade_share,
            MetricKind::Rating7 => self.top2_of_7_share,
        }
    }

    /// A metric's share in words with its interval: `top-2-box: 61.0% (55-67)`.
    #[must_use]
    pub fn metric_share(&self, m: &MetricSummary) -> String {
        let template = self.share_template(m.kind);
        let pct = self.percent(m.share_pct);
        match (m.share_low, m.share_high) {
            (Some(low), Some(high)) => {
                fill(template, &[("pct", &pct), ("low", &self.number(low, 0)), ("high", &self.number(high, 0))])
            }
            // Every template ends in its interval; without one, the reason takes its place.
            _ => format!("{} ({})", fill(&template.replace(" ({low}-{high})", ""), &[("pct", &pct)]), self.no_interval),
        }
    }

    /// The words for a column role.
    #[must_use]
    pub fn role(&self, role: Role) -> &'static str {
        match role {
            Role::Score => self.role_score,
            Role::Grade => self.role_grade,
            Role::Csat => self.role_csat,
            Role::CesAgree => self.role_ces_agree,
            Role::CesEffort => self.role_ces_effort,
            Role::Rating5 => self.role_rating5,
            Role::Rating7 => self.role_rating7,
            Role::Rating10 => self.role_rating10,
            Role::Sector => self.role_sector,
            Role::Segment => self.role_segment,
            Role::Date => self.role_date,
            Role::Comment => self.role_comment,
            Role::RespondentId => self.role_id,
            Role::Weight => self.role_weight,
            Role::Ignore => self.role_ignore,
        }
    }
}

impl Texts {
    /// A file's layout in words, with its header rows when not one ("Qualtrics-export, 3
    /// kopregels"): the words of [`Layout::tool`] in this language.
    #[must_use]
    pub fn layout_name(&self, layout: Layout, header_rows: usize) -> String {
        let i = super::glossary::column(self.speaks);
        // Dutch and Danish; English is the layout's own name (`Layout::tool`).
        let [nl, da] = match layout {
            Layout::PlainTable => ["Tabel", "Tabel"],
            Layout::HandMade => ["Handgemaakt werkblad", "Håndlavet ark"],
            Layout::Qualtrics => ["Qualtrics-export", "Qualtrics-eksport"],
            Layout::Qualtrics2016 => ["Qualtrics-export (2016-17)", "Qualtrics-eksport (2016-17)"],
            Layout::QualtricsLegacy => ["Qualtrics-export (oud formaat)", "Qualtrics-eksport (gammelt format)"],
            Layout::SurveyMonkey => ["SurveyMonkey-export", "SurveyMonkey-eksport"],
            Layout::SurveyMonkeyExpanded => ["SurveyMonkey-export (uitgeklapt)", "SurveyMonkey-eksport (udfoldet)"],
            Layout::GoogleForms => ["Google Forms-export", "Google Forms-eksport"],
            Layout::MicrosoftForms => ["Microsoft Forms-export", "Microsoft Forms-eksport"],
            Layout::Typeform => ["Typeform-export", "Typeform-eksport"],
            Layout::LimeSurvey => ["LimeSurvey-export", "LimeSurvey-eksport"],
            Layout::LongFormat => ["Lang formaat (één rij per antwoord)", "Langt format (én række pr. svar)"],
        };
        let name = [layout.tool(), nl, da][i];
        match header_rows {
            1 => name.to_owned(),
            0 => format!("{name}, {}", ["no header row", "geen kopregel", "ingen overskriftsrække"][i]),
            n => format!("{name}, {n} {}", ["header rows", "kopregels", "overskriftsrækker"][i]),
        }
    }
}

impl Texts {
    /// The layout of a report (its JSON id and English label) in this language; the English
    /// label as written when the id is unknown.
    #[must_use]
    pub fn layout_of(&self, id: &str, english: &str, header_rows: usize) -> String {
        Layout::from_id(id).map_or_else(|| english.to_owned(), |l| self.layout_name(l, header_rows))
    }
}

impl Language {
    /// The comment language matching this window language, for theme labels.
    #[must_use]
    pub fn comment_language(self) -> crate::themes::Language {
        match self {
            Self::English => crate::themes::Language::English,
            Self::Dutch => crate::themes::Language::Dutch,
            Self::Danish => crate::themes::Language::Danish,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{DANISH, DUTCH, ENGLISH};

    fn csat() -> MetricSummary {
        MetricSummary {
            column: "Tevredenheid".into(),
            kind: MetricKind::Csat,
            scale: "1-5".into(),
            higher_is_better: true,
            n: 200,
            effective_n: None,
            mean: 3.9,
            mean_low: Some(3.7),
            mean_high: Some(4.1),
            mean_interval_note: None,
            share: "top_2_box",
            share_pct: 61.0,
            share_low: Some(54.1),
            share_high: Some(67.5),
            fail_pct: None,
            fail_low: None,
            fail_high: None,
        }
    }

    #[test]
    fn a_layout_is_named_in_the_windows_language_and_in_english_as_the_json_names_it() {
        for layout in Layout::ALL {
            assert_eq!(Layout::from_id(layout.id()), Some(layout));
            assert_eq!(ENGLISH.layout_name(layout, 1), layout.tool());
        }
        assert_eq!(DUTCH.layout_name(Layout::PlainTable, 1), "Tabel");
        assert_eq!(DUTCH.layout_name(Layout::Qualtrics, 3), "Qualtrics-export, 3 kopregels");
        assert_eq!(DANISH.layout_name(Layout::HandMade, 0), "Håndlavet ark, ingen overskriftsrække");
        assert_eq!(ENGLISH.layout_name(Layout::Qualtrics, 3), "Qualtrics export, 3 header rows");
    }

    #[test]
    fn a_metric_share_is_named_in_words_never_by_its_code() {
        let m = csat();
        assert_eq!(ENGLISH.metric_share(&m), "top-2-box: 61.0% (54-68)");
        assert_eq!(
            DUTCH.metric_share(&m),
            DUTCH.top2_share.replace("{pct}", "61,0%").replace("{low}", "54").replace("{high}", "68")
        );
        for t in [&ENGLISH, &DUTCH, &DANISH] {
            let hover = fill(t.metric_share_n, &[("share", &t.metric_share(&m)), ("n", "200")]);
            assert!(!hover.contains("top_2_box") && hover.ends_with("n = 200"), "{hover}");
        }
        let effort = MetricSummary { kind: MetricKind::CesEffort, share: "low_effort_1_2", ..csat() };
        assert!(ENGLISH.metric_share(&effort).starts_with("low effort (1-2): "));
    }
}
