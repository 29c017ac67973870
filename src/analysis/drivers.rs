//! Key drivers of one survey: which rating questions (CES, CSAT, grade and the other ratings the
//! import found or the user confirmed) and, when asked, which complaint themes explain the 0-10
//! score, how strongly (Johnson's relative weights and the Shapley values of `stats::drivers`,
//! with bootstrap intervals), and how well the business does on each (its performance), placed in
//! the importance/performance quadrant.
//!
//! Reads the survey's frame under a filter; the numbers are `stats::drivers`'.

use polars::prelude::*;
use serde::Serialize;

use super::engine::filter_expression;
use super::metrics::MetricKind;
use super::survey::{SCORE, WEIGHT};
use super::{AnalysisError, Filter, Survey, ThemeTags};
use crate::stats::drivers::{DriverFit, DriverOptions, DriverRows, Missing, Model, key_drivers};
use crate::themes::Language;

/// Where a driver sits against the medians of importance and performance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// Important, and the business does less well on it than on the others: fix first.
    Fix,
    /// Important, and done well: keep.
    Keep,
    /// Less important, and done less well: keep an eye on it.
    Monitor,
    /// Less important, done well: no priority.
    LessImportant,
}

/// What a driver is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum DriverSource {
    /// A rating column (CES, CSAT, grade, another rating).
    Rating {
        /// What it measures.
        metric: MetricKind,
    },
    /// A complaint theme: 1 where the respondent's comment complains about it, 0 where the
    /// comment does not; no value without a comment.
    Theme {
        /// The theme's id.
        theme: String,
    },
}

/// One driver's importance, performance and quadrant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Driver {
    /// The column's header, or the theme's label.
    pub name: String,
    /// What it is.
    pub source: DriverSource,
    /// Johnson's relative weight: its part of R².
    pub relative_weight: f64,
    /// Its bootstrap 95% interval.
    pub ci_low: Option<f64>,
    /// Upper bound.
    pub ci_high: Option<f64>,
    /// The relative weight as a percentage of R².
    pub share_of_r_squared: f64,
    /// The Shapley (LMG) value, with at most 15 drivers.
    pub shapley: Option<f64>,
    /// Its bootstrap 95% interval.
    pub shapley_ci_low: Option<f64>,
    /// Upper bound.
    pub shapley_ci_high: Option<f64>,
    /// Correlation with the score: its sign says whether more of it goes with a higher score.
    pub correlation: f64,
    /// How well the business does on it, 0-100: a rating's mean placed on its scale (best =
    /// 100; CES effort turned round so that less effort is better), a theme's share of commenting
    /// respondents who do not complain about it.
    pub performance: f64,
    /// A rating's mean answer on its own scale.
    pub mean: Option<f64>,
    /// A rating's share that matters (top-2-box, agree, 8 or more), percent.
    pub top_box_pct: Option<f64>,
    /// Against the medians.
    pub quadrant: Quadrant,
}

/// The key driver analysis of one group of respondents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriverAnalysis {
    /// What the drivers explain: the score (linear) or being a promoter (logistic).
    pub model: Model,
    /// R² of the score on every driver; with the logistic model, the latent R² of being a
    /// promoter (McKelvey and Zavoina's).
    pub r_squared: f64,
    /// Its bootstrap 95% interval.
    pub r_squared_ci: Option<(f64, f64)>,
    /// Respondents used: with a score and every driver (listwise), or with a score and a
    /// driver (pairwise).
    pub n_used: usize,
    /// Respondents with a score in the group (before leaving out missing answers).
    pub n_answered: usize,
    /// The fewest respondents behind one correlation (pairwise).
    pub n_smallest_pair: usize,
    /// How missing answers were handled.
    pub missing: Missing,
    /// Whether the survey's weights were applied.
    pub weighted: bool,
    /// Bootstrap resamples asked, and those that gave a fit.
    pub resamples: usize,
    /// Resamples that gave a fit.
    pub resamples_used: usize,
    /// The bootstrap's seed.
    pub seed: u64,
    /// The drivers, most important first.
    pub drivers: Vec<Driver>,
    /// Drivers too correlated to tell apart (|r| >= 0.8), by name.
    pub collinear: Vec<Vec<String>>,
    /// Rating questions and themes left out of this group: without two answers, or with the
    /// same answer from everyone (a question not asked here, a complaint everyone makes).
    pub left_out: Vec<String>,
    /// With the logistic model, complaint themes left out because everyone complaining of them
    /// is a promoter, or no one is: a perfect split has no finite weight.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub separated: Vec<String>,
    /// The cross-hairs: the medians of the relative weights and of the performances.
    pub importance_median: f64,
    /// Median performance.
    pub performance_median: f64,
}

/// A driver's values per row kept, and what it is.
struct Candidate {
    name: String,
    source: DriverSource,
    values: Vec<f64>,
    /// The scale of a rating.
    scale: Option<(u8, u8)>,
    kind: Option<MetricKind>,
}

/// The key drivers of the score among the respondents `filter` keeps: every rating column of
/// the survey, and with `themes` (the comments' tags) every theme some respondent complains
/// about. `options` say how missing answers are handled and how many resamples are drawn.
pub fn driver_analysis(
    survey: &Survey,
    filter: &Filter,
    themes: Option<(&ThemeTags, Language)>,
    options: &DriverOptions,
) -> Result<DriverAnalysis, AnalysisError> {
    let rows = kept(survey, filter)?;
    analyse(survey, &rows, themes, options)
}

/// A segment's value and its analysis, or why there is none.
pub type SegmentDrivers = (String, Result<DriverAnalysis, AnalysisError>);

/// [`driver_analysis`] for each value of `column` (a segment), in the column's order; a value
/// whose answers cannot be analysed gives its reason.
pub fn driver_analysis_by(
    survey: &Survey,
    filter: &Filter,
    column: &str,
    themes: Option<(&ThemeTags, Language)>,
    options: &DriverOptions,
) -> Result<Vec<SegmentDrivers>, AnalysisError> {
    let segment = survey.segment(column).ok_or_else(|| AnalysisError::NoSuchColumn {
        place: survey.source.place(),
        column: column.to_owned(),
        available: survey.segments.iter().map(|s| format!("'{}'", s.name)).collect::<Vec<_>>().join(", "),
    })?;
    let rows = kept(survey, filter)?;
    let codes: Vec<u32> = survey.frame().column(&segment.key)?.u32()?.iter().map(|c| c.unwrap_or(u32::MAX)).collect();
    Ok(segment
        .labels
        .iter()
        .enumerate()
        .map(|(code, label)| {
            let within: Vec<u32> =
                rows.iter().copied().filter(|&pos| codes.get(pos as usize) == Some(&(code as u32))).collect();
            (label.clone(), analyse(survey, &within, themes, options))
        })
        .collect())
}

/// Frame positions of the rows with a counted score that `filter` keeps.
fn kept(survey: &Survey, filter: &Filter) -> Result<Vec<u32>, AnalysisError> {
    const POS: &str = "pos";
    let mut predicate = col(SCORE).is_not_null();
    if let Some(p) = filter_expression(survey, filter) {
        predicate = predicate.and(p);
    }
    let rows =
        survey.frame().clone().lazy().with_row_index(POS, None).filter(predicate).select([col(POS)]).collect()?;
    Ok(rows.column(POS)?.u32()?.into_no_null_iter().collect())
}

fn analyse(
    survey: &Survey,
    positions: &[u32],
    themes: Option<(&ThemeTags, Language)>,
    options: &DriverOptions,
) -> Result<DriverAnalysis, AnalysisError> {
    let frame = survey.frame();
    let at = |pos: u32| pos as usize;
    let scores = frame.column(SCORE)?.u8()?;
    // The score, or (logistic) 1 for a promoter and 0 for anyone else.
    let outcome: Vec<f64> = positions
        .iter()
        .map(|&p| match (scores.get(at(p)), options.model) {
            (None, _) => f64::NAN,
            (Some(score), Model::Linear) => f64::from(score),
            (Some(score), Model::Logistic) => f64::from(u8::from(score >= 9)),
        })
        .collect();
    let weights: Option<Vec<f64>> = if survey.is_weighted() {
        let w = frame.column(WEIGHT)?.f64()?;
        Some(positions.iter().map(|&p| w.get(at(p)).unwrap_or(0.0)).collect())
    } else {
        None
    };
    let mut candidates = Vec::new();
    for metric in &survey.metrics {
        let column = frame.column(&metric.key)?.u8()?;
        let values = positions.iter().map(|&p| column.get(at(p)).map_or(f64::NAN, f64::from)).collect();
        candidates.push(Candidate {
            name: metric.name.clone(),
            source: DriverSource::Rating { metric: metric.kind },
            values,
            scale: Some(metric.kind.scale()),
            kind: Some(metric.kind),
        });
    }
    if let Some((tags, language)) = themes {
        for (index, theme) in tags.codebook.themes().iter().enumerate() {
            let index = index as u32;
            let values: Vec<f64> = positions
                .iter()
                .map(|&p| {
                    if tags.commented.binary_search(&p).is_err() {
                        f64::NAN
                    } else {
                        let start = tags.mentions.partition_point(|m| (m.position, m.theme) < (p, index));
                        let complains =
                            tags.mentions.get(start).is_some_and(|m| m.position == p && m.theme == index && m.negative);
                        f64::from(u8::from(complains))
                    }
                })
                .collect();
            // A theme nobody complains about explains nothing.
            if values.contains(&1.0) {
                candidates.push(Candidate {
                    name: theme.labels.get(language).to_owned(),
                    source: DriverSource::Theme { theme: theme.id.as_str().to_owned() },
                    values,
                    scale: None,
                    kind: None,
                });
            }
        }
    }
    // A driver without two different answers among these respondents explains nothing here.
    let (candidates, left_out): (Vec<Candidate>, Vec<Candidate>) = candidates.into_iter().partition(|c| {
        let answered = c.values.iter().zip(&outcome).filter(|(v, y)| !v.is_nan() && !y.is_nan()).map(|(v, _)| *v);
        let (low, high) = answered.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
        low < high
    });
    let left_out: Vec<String> = left_out.into_iter().map(|c| c.name).collect();
    // The logistic model: a yes/no driver whose "yes" respondents (or "no" ones) are all of one
    // outcome splits them perfectly, and its weight would run off without bound.
    let (candidates, separated): (Vec<Candidate>, Vec<Candidate>) = candidates.into_iter().partition(|c| {
        options.model == Model::Linear
            || c.scale.is_some()
            || [0.0, 1.0].iter().all(|&value| {
                let outcomes = c.values.iter().zip(&outcome).filter(|(v, y)| **v == value && !y.is_nan());
                let (promoters, others) =
                    outcomes.fold((0, 0), |(p, o), (_, y)| if *y == 1.0 { (p + 1, o) } else { (p, o + 1) });
                promoters > 0 && others > 0
            })
    });
    let separated: Vec<String> = separated.into_iter().map(|c| c.name).collect();
    if candidates.is_empty() {
        let left_out: Vec<String> = left_out.iter().chain(&separated).cloned().collect();
        let reason = if left_out.is_empty() {
            "no rating question to analyse: the file has no CES, CSAT, grade or other 1-5, 1-7 or 1-10 rating column (a column can be made one in the review)".to_owned()
        } else {
            format!("no rating question with two different answers among these respondents ({})", left_out.join(", "))
        };
        return Err(AnalysisError::Drivers { place: survey.source.place(), reason });
    }
    if options.model == Model::Logistic {
        // Listwise: the respondents with every driver; among them, both promoters and others.
        let complete =
            (0..outcome.len()).filter(|&i| !outcome[i].is_nan() && candidates.iter().all(|c| !c.values[i].is_nan()));
        let (promoters, others) =
            complete.fold((0, 0), |(p, o), i| if outcome[i] == 1.0 { (p + 1, o) } else { (p, o + 1) });
        if promoters == 0 || others == 0 {
            let reason = if promoters == 0 {
                "no respondent with an answer to every driver is a promoter (9-10): there is nothing to tell apart"
            } else {
                "every respondent with an answer to every driver is a promoter (9-10): there is nothing to tell apart"
            };
            return Err(AnalysisError::Drivers { place: survey.source.place(), reason: reason.to_owned() });
        }
    }
    let drivers: Vec<Vec<f64>> = candidates.iter().map(|c| c.values.clone()).collect();
    let rows = DriverRows { outcome: &outcome, drivers: &drivers, weights: weights.as_deref() };
    let fit = key_drivers(rows, options).map_err(|e| AnalysisError::Drivers {
        place: survey.source.place(),
        reason: name_drivers(&e.to_string(), &candidates, options.model),
    })?;
    let mut analysis = assemble(&fit, &candidates, weights.as_deref(), positions.len(), options, survey.is_weighted());
    analysis.left_out = left_out;
    analysis.separated = separated;
    Ok(analysis)
}

/// The statistics' "driver 3" as the column or theme it is.
fn name_drivers(reason: &str, candidates: &[Candidate], model: Model) -> String {
    let outcome = if model == Model::Logistic { "being a promoter" } else { "the score" };
    let mut reason =
        reason.replace("the outcome's two values", "promoters and the others").replace("the outcome", outcome);
    for (i, c) in candidates.iter().enumerate().rev() {
        reason = reason.replace(&format!("driver {}", i + 1), &format!("'{}'", c.name));
    }
    reason
}

fn assemble(
    fit: &DriverFit,
    candidates: &[Candidate],
    weights: Option<&[f64]>,
    n_answered: usize,
    options: &DriverOptions,
    weighted: bool,
) -> DriverAnalysis {
    let mut drivers: Vec<Driver> = candidates
        .iter()
        .enumerate()
        .map(|(j, c)| {
            let (mean, top, performance) = performance(c, weights);
            Driver {
                name: c.name.clone(),
                source: c.source.clone(),
                relative_weight: fit.johnson[j],
                ci_low: fit.johnson_ci.as_ref().map(|ci| ci[j].0),
                ci_high: fit.johnson_ci.as_ref().map(|ci| ci[j].1),
                share_of_r_squared: if fit.r_squared > 0.0 { 100.0 * fit.johnson[j] / fit.r_squared } else { 0.0 },
                shapley: fit.shapley.as_ref().map(|s| s[j]),
                shapley_ci_low: fit.shapley_ci.as_ref().map(|ci| ci[j].0),
                shapley_ci_high: fit.shapley_ci.as_ref().map(|ci| ci[j].1),
                correlation: fit.correlations[j],
                performance,
                mean,
                top_box_pct: top,
                quadrant: Quadrant::Keep,
            }
        })
        .collect();
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        let n = v.len();
        if n == 0 {
            0.0
        } else if n % 2 == 1 {
            v[n / 2]
        } else {
            0.5 * (v[n / 2 - 1] + v[n / 2])
        }
    };
    let importance_median = median(drivers.iter().map(|d| d.relative_weight).collect());
    let performance_median = median(drivers.iter().map(|d| d.performance).collect());
    for d in &mut drivers {
        d.quadrant = match (d.relative_weight >= importance_median, d.performance >= performance_median) {
            (true, false) => Quadrant::Fix,
            (true, true) => Quadrant::Keep,
            (false, false) => Quadrant::Monitor,
            (false, true) => Quadrant::LessImportant,
        };
    }
    let collinear =
        fit.collinear.iter().map(|group| group.iter().map(|&j| candidates[j].name.clone()).collect()).collect();
    drivers.sort_by(|a, b| b.relative_weight.total_cmp(&a.relative_weight));
    DriverAnalysis {
        model: options.model,
        r_squared: fit.r_squared,
        r_squared_ci: fit.r_squared_ci,
        n_used: fit.n_used,
        n_answered,
        n_smallest_pair: fit.n_smallest_pair,
        missing: options.missing,
        weighted,
        resamples: options.resamples,
        resamples_used: fit.resamples_used,
        seed: options.seed,
        drivers,
        collinear,
        left_out: Vec::new(),
        separated: Vec::new(),
        importance_median,
        performance_median,
    }
}

/// A driver's (weighted) mean and top-box share on its scale, and its performance 0-100.
fn performance(c: &Candidate, weights: Option<&[f64]>) -> (Option<f64>, Option<f64>, f64) {
    let (mut sum_w, mut sum, mut top) = (0.0, 0.0, 0.0);
    let counts = c.kind.map(MetricKind::share);
    for (i, &v) in c.values.iter().enumerate() {
        if v.is_nan() {
            continue;
        }
        let w = weights.map_or(1.0, |w| w[i]);
        sum_w += w;
        sum += w * v;
        if let Some((_, matters)) = counts {
            top += w * f64::from(u8::from(matters(v as u8)));
        }
    }
    if sum_w <= 0.0 {
        return (None, None, f64::NAN);
    }
    let mean = sum / sum_w;
    match (c.scale, c.kind) {
        (Some((low, high)), Some(kind)) => {
            let placed = 100.0 * (mean - f64::from(low)) / f64::from(high - low);
            let performance = if kind == MetricKind::CesEffort { 100.0 - placed } else { placed };
            (Some(mean), Some(100.0 * top / sum_w), performance)
        }
        // A theme: the share not complaining.
        _ => (None, None, 100.0 * (1.0 - mean)),
    }
}
