//! The words for the project's own codes and enums: a benchmark verdict, a caveat, an exclusion
//! reason, a column role, and the comment language that matches the window's language. Looked
//! up here so that the window, the exported files and the CLI name them alike.

use super::{Language, Texts, fill};
use crate::benchmarks::{Caveat, Verdict};
use crate::import::ExclusionReason;
use crate::import::Role;

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

    /// A benchmark caveat in this language.
    #[must_use]
    pub fn caveat(&self, caveat: &Caveat) -> String {
        match caveat {
            Caveat::RegionUnset { benchmark } => fill(self.caveat_region_unset, &[("benchmark", benchmark)]),
            Caveat::RegionDiffers { benchmark, data } => {
                fill(self.caveat_region_differs, &[("benchmark", benchmark), ("data", data)])
            }
            Caveat::AudienceUnset { benchmark } => fill(self.caveat_audience_unset, &[("benchmark", benchmark)]),
            Caveat::AudienceDiffers { benchmark, population, data } => fill(
                self.caveat_audience_differs,
                &[("benchmark", benchmark), ("population", population), ("data", data)],
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
            _ => self.reason_out_of_range,
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
