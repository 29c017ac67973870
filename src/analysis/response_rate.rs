//! The response rate: how many of the people invited answered, overall and per value of one
//! segment column, each with a 95% Wilson score interval, and which values answered far less
//! often than the rest (non-response can bias their NPS).
//!
//! **What counts as a response.** Every respondent row of the file: a non-blank data row, counted
//! *before* score exclusions (a respondent who left the 0-10 question blank or wrote "n.v.t." still
//! answered the invitation). The filter is not applied: invitations are counted for the whole
//! survey, so a date or segment filter would only shrink the numerator. Weights are not applied:
//! people are counted.
//!
//! **Far below the rest.** A value is flagged when both hold: its rate is lower than that of the
//! other values taken together beyond chance, by Fisher's exact test (one-sided mid-p, so both
//! sides' counts carry their uncertainty; its false-alarm rate stayed at or below 5.3% in the
//! calibration, where Fisher's own p fell to 0-3.9%), Holm-corrected across the values shown;
//! and its own rate is less than half of theirs ([`FAR_BELOW_RATIO`]). The test alone flags
//! trivial gaps in large surveys (40% vs 42% with 10,000 invitations each); the ratio alone flags
//! noise in tiny ones (0 of 10 against 3 of 10: mid-p 0.053). Together they say "certainly, and
//! by a lot".
//!
//! Counting is one polars group_by over the survey frame; the interval comes from `stats`. Must
//! not touch egui or files.

use std::collections::BTreeMap;

use polars::prelude::{DataType, IntoLazy, col, len};
use serde::{Deserialize, Serialize};

use super::AnalysisError;
use super::survey::Survey;
use crate::stats::exact::{self, Alternative};
use crate::stats::{self, Z95};

/// A value is "far below the rest" only when its rate is under this fraction of the rest's rate
/// (and Fisher's test says it is lower beyond chance, see the module docs).
pub const FAR_BELOW_RATIO: f64 = 0.5;

/// Level of the "far below the rest" test, after Holm's correction.
const FAR_BELOW_ALPHA: f64 = 0.05;

/// What the rate counts, in the JSON and exports.
pub const RESPONSES_COUNTED: &str =
    "respondent rows in the file, before score exclusions; the filter is not applied; unweighted";

/// How many people were invited: in total, per value of one segment column, or both. Part of the
/// data context; saved with a project.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Invited {
    /// Everyone invited (`None`: not known).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// The segment column `by_value` counts the invitations of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by_column: Option<String>,
    /// Invitations per value of `by_column`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_value: BTreeMap<String, u64>,
}

impl Invited {
    /// Whether nothing is known about invitations.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.total.is_none() && (self.by_column.is_none() || self.by_value.is_empty())
    }

    /// The per-value counts when a column is named and at least one value has a count.
    fn per_value(&self) -> Option<(&str, &BTreeMap<String, u64>)> {
        let column = self.by_column.as_deref()?;
        (!self.by_value.is_empty()).then_some((column, &self.by_value))
    }
}

/// A response rate with its 95% Wilson score interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ResponseRate {
    /// Respondent rows (see the module doc).
    pub responses: u64,
    /// People invited.
    pub invited: u64,
    /// responses / invited, in percent.
    pub rate_pct: f64,
    /// Lower bound of the 95% Wilson interval, percent.
    pub ci_low_pct: f64,
    /// Upper bound of the 95% Wilson interval, percent.
    pub ci_high_pct: f64,
    /// Answered far less often than the other values (see the module doc); always false overall.
    pub far_below_rest: bool,
    /// One-sided p-value of Fisher's exact test that this value answered less often than the
    /// other values together (absent overall and where there is no rest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below_rest_p: Option<f64>,
    /// `below_rest_p` after Holm's correction across the values with a rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub below_rest_p_adjusted: Option<f64>,
}

impl ResponseRate {
    /// The rate of `responses` out of `invited`; `None` when nobody was invited or more answered
    /// than were invited (a count that cannot be right, reported as a [`RateProblem`]).
    #[must_use]
    pub fn of(responses: u64, invited: u64) -> Option<Self> {
        let interval = stats::wilson(responses as f64, invited as f64, Z95)?;
        Some(Self {
            responses,
            invited,
            rate_pct: interval.centre * 100.0,
            ci_low_pct: interval.low * 100.0,
            ci_high_pct: interval.high * 100.0,
            far_below_rest: false,
            below_rest_p: None,
            below_rest_p_adjusted: None,
        })
    }
}

/// Why a rate is not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum RateProblem {
    /// More respondents than people invited: the invited count is wrong (or counts something
    /// else).
    MoreResponsesThanInvited {
        /// Respondent rows.
        responses: u64,
        /// The invited count given.
        invited: u64,
    },
    /// Zero invited.
    NoneInvited,
    /// The file has respondents with this value but no invited count was given for it.
    NoInvitedCount {
        /// Respondent rows.
        responses: u64,
    },
}

/// The rate of one value of the invited-by column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueResponseRate {
    /// The value (as the file writes it; the typed value when no row has it).
    pub value: String,
    /// The rate, when it can be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rate: Option<ResponseRate>,
    /// Why there is no rate.
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub problem: Option<RateProblem>,
}

/// Every response rate the invited counts allow.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResponseRates {
    /// What a response is ([`RESPONSES_COUNTED`]).
    pub responses_counted: &'static str,
    /// The interval method.
    pub interval: &'static str,
    /// The overall rate: respondent rows over the total invited; without a total, the values
    /// with an invited count over the sum of their counts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall: Option<ResponseRate>,
    /// Why there is no overall rate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overall_problem: Option<RateProblem>,
    /// The segment column of the per-value rates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Per value of `column`, in the column's order (values only typed in the invited table last).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ValueResponseRate>,
}

impl ResponseRates {
    /// The rate of one value of the invited-by column.
    #[must_use]
    pub fn of_value(&self, column: &str, value: &str) -> Option<&ValueResponseRate> {
        if self.column.as_deref() != Some(column) {
            return None;
        }
        self.values.iter().find(|v| v.value == value)
    }

    /// The values flagged as answering far less often than the rest.
    pub fn far_below(&self) -> impl Iterator<Item = &ValueResponseRate> {
        self.values.iter().filter(|v| v.rate.is_some_and(|r| r.far_below_rest))
    }
}

/// Respondent rows per value of the segment column `column`, in label order (values without a
/// row are left out). Counted in polars before score exclusions.
pub fn respondents_per_value(survey: &Survey, column: &str) -> Result<Vec<(String, u64)>, AnalysisError> {
    let segment = survey.segment(column).ok_or_else(|| AnalysisError::NoSuchColumn {
        place: survey.source.place(),
        column: column.to_owned(),
        available: survey.segments.iter().map(|s| format!("'{}'", s.name)).collect::<Vec<_>>().join(", "),
    })?;
    let key = segment.key.as_str();
    let frame = survey.frame().clone().lazy().group_by([col(key)]).agg([len().alias("n")]).collect()?;
    let codes = frame.column(key)?.cast(&DataType::UInt32)?;
    let ns = frame.column("n")?.cast(&DataType::UInt64)?;
    let (codes, ns) = (codes.u32()?, ns.u64()?);
    let mut counts: Vec<(u32, u64)> = codes.iter().zip(ns.iter()).filter_map(|(code, n)| Some((code?, n?))).collect();
    counts.sort_unstable();
    Ok(counts.into_iter().filter_map(|(code, n)| Some((segment.labels.get(code as usize)?.clone(), n))).collect())
}

/// The rate of `responses` out of `invited`, or why there is none.
fn rate_or_problem(responses: u64, invited: u64) -> Result<ResponseRate, RateProblem> {
    if invited == 0 {
        return Err(RateProblem::NoneInvited);
    }
    ResponseRate::of(responses, invited).ok_or(RateProblem::MoreResponsesThanInvited { responses, invited })
}

/// The invited count of a value of the file: typed exactly (trimmed), else the one count whose
/// value differs only in case.
fn invited_for<'a>(value: &str, typed: &'a BTreeMap<String, u64>) -> Option<(&'a String, u64)> {
    if let Some((k, v)) = typed.iter().find(|(k, _)| k.trim() == value) {
        return Some((k, *v));
    }
    let mut same = typed.iter().filter(|(k, _)| k.trim().to_lowercase() == value.to_lowercase());
    match (same.next(), same.next()) {
        (Some((k, v)), None) => Some((k, *v)),
        _ => None,
    }
}

/// Marks the values whose rate is far below that of the other values together: Fisher's exact
/// test (one-sided mid-p), Holm-corrected across the values with a rate, and under half the
/// rest's rate.
pub fn flag_far_below(values: &mut [ValueResponseRate]) {
    let (responses, invited) = values
        .iter()
        .filter_map(|v| v.rate)
        .fold((0u64, 0u64), |(r, i), rate| (r.saturating_add(rate.responses), i.saturating_add(rate.invited)));
    let mut tested = Vec::new();
    for (i, value) in values.iter_mut().enumerate() {
        let Some(rate) = value.rate.as_mut() else { continue };
        let (rest_responses, rest_invited) = (responses - rate.responses, invited - rate.invited);
        rate.below_rest_p =
            exact::fisher_mid_p(rate.responses, rate.invited, rest_responses, rest_invited, Alternative::Less);
        if rate.below_rest_p.is_some() {
            tested.push(i);
        }
    }
    let p_values: Vec<f64> = tested.iter().filter_map(|&i| values[i].rate.and_then(|r| r.below_rest_p)).collect();
    for (&i, p) in tested.iter().zip(stats::holm_adjust(&p_values)) {
        let Some(rate) = values[i].rate.as_mut() else { continue };
        let (rest_responses, rest_invited) = (responses - rate.responses, invited - rate.invited);
        let rest_pct = rest_responses as f64 / rest_invited as f64 * 100.0;
        rate.below_rest_p_adjusted = Some(p);
        rate.far_below_rest = p < FAR_BELOW_ALPHA && rate.rate_pct < FAR_BELOW_RATIO * rest_pct;
    }
}

/// Every rate that `invited` allows for `survey` (`None` when nothing is known about
/// invitations). Fails only when the invited-by column is not a segment of the survey.
pub fn response_rates(survey: &Survey, invited: &Invited) -> Result<Option<ResponseRates>, AnalysisError> {
    if invited.is_empty() {
        return Ok(None);
    }
    let mut rates = ResponseRates {
        responses_counted: RESPONSES_COUNTED,
        interval: "wilson_95",
        overall: None,
        overall_problem: None,
        column: None,
        values: Vec::new(),
    };
    let mut listed = (0u64, 0u64);
    if let Some((column, typed)) = invited.per_value() {
        let mut used: Vec<&String> = Vec::new();
        for (value, responses) in respondents_per_value(survey, column)? {
            let entry = match invited_for(&value, typed) {
                Some((key, count)) => {
                    used.push(key);
                    if count >= responses {
                        listed = (listed.0.saturating_add(responses), listed.1.saturating_add(count));
                    }
                    rate_or_problem(responses, count)
                }
                None => Err(RateProblem::NoInvitedCount { responses }),
            };
            rates.values.push(ValueResponseRate { value, rate: entry.as_ref().ok().copied(), problem: entry.err() });
        }
        // Values invited but not in the file: nobody answered.
        for (value, count) in typed.iter().filter(|(k, _)| !used.contains(k)) {
            let entry = rate_or_problem(0, *count);
            listed.1 = listed.1.saturating_add(*count);
            rates.values.push(ValueResponseRate {
                value: value.trim().to_owned(),
                rate: entry.as_ref().ok().copied(),
                problem: entry.err(),
            });
        }
        flag_far_below(&mut rates.values);
        rates.column = Some(column.to_owned());
    }
    let overall = match invited.total {
        Some(total) => Some(rate_or_problem(survey.rows_read as u64, total)),
        None if listed.1 > 0 => Some(rate_or_problem(listed.0, listed.1)),
        None => None,
    };
    match overall {
        Some(Ok(rate)) => rates.overall = Some(rate),
        Some(Err(problem)) => rates.overall_problem = Some(problem),
        None => {}
    }
    Ok(Some(rates))
}

#[cfg(test)]
mod tests {
    use super::super::survey::tests::small_survey;
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) {
        assert!((a - b).abs() < tolerance, "{a} vs {b}");
    }

    #[test]
    fn the_rate_has_a_wilson_interval() {
        // 2,400 of 4,500 invited: 53.3%. Wilson: (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
        let rate = ResponseRate::of(2_400, 4_500).unwrap();
        let (p, n, z) = (2_400.0 / 4_500.0, 4_500.0, Z95);
        let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt();
        let centre = p + z * z / (2.0 * n);
        close(rate.ci_low_pct, (centre - half) / (1.0 + z * z / n) * 100.0, 1e-9);
        close(rate.ci_high_pct, (centre + half) / (1.0 + z * z / n) * 100.0, 1e-9);
        // Cross-check computed independently (Python, z = 1.959964): [51.873488%, 54.787492%].
        close(rate.rate_pct, 53.333_333, 1e-5);
        close(rate.ci_low_pct, 51.873_488, 1e-5);
        close(rate.ci_high_pct, 54.787_492, 1e-5);
        // statistics.md: Wilson 5/5 is [56.55%, 100%].
        let all = ResponseRate::of(5, 5).unwrap();
        close(all.ci_low_pct, 56.55, 0.005);
        close(all.ci_high_pct, 100.0, 1e-9);
    }

    #[test]
    fn more_answers_than_invitations_is_a_problem_not_a_rate_over_100() {
        assert_eq!(ResponseRate::of(10, 8), None);
        assert_eq!(rate_or_problem(10, 8), Err(RateProblem::MoreResponsesThanInvited { responses: 10, invited: 8 }));
        assert_eq!(rate_or_problem(0, 0), Err(RateProblem::NoneInvited));
        let survey = small_survey();
        let rates = response_rates(&survey, &Invited { total: Some(5), ..Invited::default() }).unwrap().unwrap();
        assert_eq!(rates.overall, None);
        assert_eq!(rates.overall_problem, Some(RateProblem::MoreResponsesThanInvited { responses: 8, invited: 5 }));
    }

    #[test]
    fn responses_are_rows_before_score_exclusions() {
        // 8 rows, one of them with a blank score: 8 responses, 7 answers counted in the NPS.
        let survey = small_survey();
        assert_eq!(survey.rows_used(), 7);
        let rates = response_rates(&survey, &Invited { total: Some(20), ..Invited::default() }).unwrap().unwrap();
        let overall = rates.overall.unwrap();
        assert_eq!((overall.responses, overall.invited), (8, 20));
        close(overall.rate_pct, 40.0, 1e-9);
        assert_eq!(respondents_per_value(&survey, "region").unwrap(), [("A".into(), 4), ("B".into(), 4)]);
    }

    #[test]
    fn per_value_counts_match_values_and_list_what_is_missing() {
        let survey = small_survey();
        let invited = Invited {
            total: None,
            by_column: Some("region".into()),
            by_value: [("a".to_owned(), 10), ("C".to_owned(), 6)].into_iter().collect(),
        };
        let rates = response_rates(&survey, &invited).unwrap().unwrap();
        let values: Vec<&str> = rates.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["A", "B", "C"]);
        assert_eq!(rates.values[0].rate.map(|r| (r.responses, r.invited)), Some((4, 10)), "case is forgiven");
        assert_eq!(rates.values[1].problem, Some(RateProblem::NoInvitedCount { responses: 4 }));
        assert_eq!(rates.values[2].rate.map(|r| (r.responses, r.invited)), Some((0, 6)), "invited, nobody answered");
        // Overall without a total: the values with a count, 4 of 16.
        assert_eq!(rates.overall.map(|r| (r.responses, r.invited)), Some((4, 16)));
        assert!(rates.of_value("region", "A").is_some() && rates.of_value("other", "A").is_none());
        let unknown = Invited { by_column: Some("channel".into()), ..invited };
        assert!(response_rates(&survey, &unknown).unwrap_err().to_string().contains("'channel'"));
    }

    /// scipy: fisher_exact([[2, 10], [63, 57]], alternative="less").pvalue - hypergeom.pmf / 2.
    const MID_P_2_OF_12: f64 = 0.009_955_725_853_495_013;

    fn value(name: &str, responses: u64, invited: u64) -> ValueResponseRate {
        ValueResponseRate { value: name.into(), rate: ResponseRate::of(responses, invited), problem: None }
    }

    #[test]
    fn far_below_needs_both_a_certain_and_a_large_gap() {
        // North 60/400 = 15% against the rest 600/1,000 = 60%: certain and under half. Flagged.
        // South 250/500 (50%) against the rest 410/900 (45.6%): above. Not flagged.
        // East 350/500 (70%) against 310/900: above. Not flagged.
        let mut values = vec![value("North", 60, 400), value("South", 250, 500), value("East", 350, 500)];
        flag_far_below(&mut values);
        let flagged: Vec<&str> =
            values.iter().filter(|v| v.rate.unwrap().far_below_rest).map(|v| v.value.as_str()).collect();
        assert_eq!(flagged, ["North"]);

        // Large and certain but not under half: 4,000/10,000 (40%) against 4,200/10,000 (42%).
        let mut large = vec![value("A", 4_000, 10_000), value("B", 4_200, 10_000)];
        flag_far_below(&mut large);
        assert!(large[0].rate.unwrap().ci_high_pct < 42.0, "the gap is certain");
        assert!(!large[0].rate.unwrap().far_below_rest, "but small: not flagged");

        // Under half but uncertain: 1 of 6 (16.7%) against 300/600 (50%); Wilson reaches 56%.
        let mut tiny = vec![value("A", 1, 6), value("B", 300, 600)];
        flag_far_below(&mut tiny);
        assert!(tiny[0].rate.unwrap().ci_high_pct > 50.0);
        assert!(!tiny[0].rate.unwrap().far_below_rest, "too few invited to be sure: not flagged");

        // The case: 0 of 10 against 3 of 10. The value's own interval (0% to 27.8%) lies
        // below the rest's 30%, which the old rule took as certain; both sides are small, and
        // Fisher's exact test gives p = 0.105 one-sided (its mid-p 0.053). Not flagged.
        let mut both_small = vec![value("A", 0, 10), value("B", 3, 10)];
        flag_far_below(&mut both_small);
        let a = both_small[0].rate.unwrap();
        assert!(a.ci_high_pct < 30.0, "the old rule would have flagged it");
        assert!((a.below_rest_p.unwrap() - 0.105_263 / 2.0).abs() < 1e-6);
        assert!(!a.far_below_rest);

        // Holm across the values: B answered 2 of 12 against the rest's 63 of 120, under half
        // their rate, with a one-sided mid-p of 0.00996 (scipy.stats.fisher_exact, alternative
        // "less", 0.0173, less half the probability of the table seen). Four values are
        // tested, so Holm makes it 4 x 0.00996 = 0.040: flagged.
        let mut four = vec![value("A", 20, 40), value("B", 2, 12), value("C", 22, 40), value("D", 21, 40)];
        flag_far_below(&mut four);
        let b = four[1].rate.unwrap();
        let raw = b.below_rest_p.unwrap();
        assert!((raw - MID_P_2_OF_12).abs() < 1e-8, "{raw}");
        assert!((b.below_rest_p_adjusted.unwrap() - 4.0 * raw).abs() < 1e-12);
        assert!(b.far_below_rest);
    }
}
