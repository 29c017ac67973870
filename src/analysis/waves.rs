//! Two waves side by side: this wave against the previous one (two files, or two periods of one
//! file), overall and for every value of the segment columns compared, with the change, its
//! interval, the calibrated test (Holm across every segment shown), the smallest change the sizes at
//! hand could detect, the shift in promoter, passive and detractor shares and the change in CES,
//! CSAT and grade. Respondents (by ID) who answered in both waves are tested as paired when they
//! are nearly everyone in both (as the trend does), and their count is always given.
//!
//! Must not touch egui or files.

use std::collections::HashMap;

use polars::prelude::{DataType, IntoLazy, col};
use serde::Serialize;

use super::AnalysisError;
use super::breakdown::ALPHA;
use super::engine::{GroupTally, Query, aggregate, filter_expression};
use super::filter::Filter;
use super::metrics::{EffectiveAnswers, MetricKind, metric_slots};
use super::paired::NO_ID;
use super::summary::{NpsSummary, ScoreTally};
use super::survey::{DAY, SCORE, Survey};
use super::trend::test_change;
use crate::stats::compare::{PairedChanges, compare_means, compare_proportions};
use crate::stats::exact::Alternative;
use crate::stats::{self, Z95, plan};

/// One wave: the survey and the rows of it that make the wave.
#[derive(Debug, Clone, Copy)]
pub struct Wave<'a> {
    /// The survey the wave's answers are in.
    pub survey: &'a Survey,
    /// The rows that are the wave (all, or a period of the file).
    pub filter: &'a Filter,
}

/// A segment column compared: its header in the previous wave and in this one (they may differ
/// when the files were laid out differently).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MatchedColumn {
    /// Header in the previous wave.
    pub previous: String,
    /// Header in this wave.
    pub current: String,
}

/// The change between the waves, NPS points (this wave minus the previous).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct WaveChange {
    /// This wave's NPS minus the previous wave's; absent when either has no answer.
    pub nps: Option<f64>,
    /// The change's 95% interval (the adjusted difference's, or the paired changes').
    pub ci_low: Option<f64>,
    /// Upper bound of that interval.
    pub ci_high: Option<f64>,
    /// Two-sided p-value of the calibrated test; absent when either wave has fewer than 5
    /// answers.
    pub p_value: Option<f64>,
    /// That p-value after Holm's correction across every segment shown (the overall change:
    /// the p-value itself).
    pub p_adjusted: Option<f64>,
    /// Significant at 5% after Holm's correction.
    pub significant: bool,
    /// The test: `exact_permutation`, `pooled_z`, `paired_t` or `sign_flip`.
    pub test: Option<&'static str>,
    /// The smallest change this comparison detects at 5% (two-sided) with 80% power, points.
    pub minimum_detectable: Option<f64>,
    /// The change is smaller than that and not significant: a real change of this size would
    /// mostly go unseen.
    pub below_detectable: bool,
    /// Tested as paired: the same respondents (by ID) are nearly everyone in both waves.
    pub paired: bool,
    /// Respondents (by ID) who answered in both waves; absent when either wave has no ID column.
    pub respondents_in_both: Option<u64>,
    /// Their mean own change, points.
    pub paired_change: Option<f64>,
}

/// One share of the NPS groups in both waves, percent, and its change in points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShareChange {
    /// `promoters`, `passives` or `detractors`.
    pub group: &'static str,
    /// Share in the previous wave, percent.
    pub previous: f64,
    /// Share in this wave, percent.
    pub current: f64,
    /// This wave's share minus the previous one's, points.
    pub change: f64,
    /// The change's 95% (Wald) interval, points.
    pub ci_low: f64,
    /// Upper bound.
    pub ci_high: f64,
    /// Two-sided p-value (Fisher's mid-p; the pooled z-test when weighted).
    pub p_value: f64,
    /// After Holm's correction across the three groups.
    pub p_adjusted: f64,
    /// Significant at 5% after Holm's correction.
    pub significant: bool,
}

/// CES, CSAT or grade in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricChange {
    /// This wave's header of the column.
    pub column: String,
    /// What it measures.
    pub kind: MetricKind,
    /// Higher answers are better (all but CES 1-5 effort).
    pub higher_is_better: bool,
    /// Mean in the previous wave.
    pub previous_mean: f64,
    /// Mean in this wave.
    pub current_mean: f64,
    /// This wave's mean minus the previous one's.
    pub mean_change: f64,
    /// Its 95% (Welch) interval.
    pub mean_ci_low: f64,
    /// Upper bound.
    pub mean_ci_high: f64,
    /// Welch's t-test, two-sided.
    pub mean_p_value: f64,
    /// The share that matters for the scale (`top_2_box`, `agree_5_7`, …).
    pub share: &'static str,
    /// That share in the previous wave, percent.
    pub previous_share: f64,
    /// In this wave, percent.
    pub current_share: f64,
    /// Its change, points, with its 95% interval and two-sided p-value.
    pub share_change: f64,
    /// Lower bound.
    pub share_ci_low: f64,
    /// Upper bound.
    pub share_ci_high: f64,
    /// Fisher's mid-p (pooled z when weighted).
    pub share_p_value: f64,
    /// Either change is significant at 5% after Holm's correction across the two tests.
    pub significant: bool,
}

/// One value of a segment column in both waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SegmentComparison {
    /// This wave's header of the column.
    pub column: String,
    /// The value (as written in the files; a value found in one wave only is still listed).
    pub value: String,
    /// The previous wave's figures for the value (absent when it has no answer there).
    pub previous: Option<NpsSummary>,
    /// This wave's.
    pub current: Option<NpsSummary>,
    /// The change.
    pub change: WaveChange,
    /// The value's promoters, passives and detractors: each share in both waves and its change
    /// (Holm across the three).
    pub shares: Vec<ShareChange>,
    /// The value's CES, CSAT and grade where both waves have them.
    pub metrics: Vec<MetricChange>,
}

/// Everything the comparison of two waves shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveComparison {
    /// The previous wave overall.
    pub previous: Option<NpsSummary>,
    /// This wave overall.
    pub current: Option<NpsSummary>,
    /// The overall change.
    pub change: WaveChange,
    /// Promoters, passives and detractors: each share in both waves and its change.
    pub shares: Vec<ShareChange>,
    /// CES, CSAT and grade where both waves have them.
    pub metrics: Vec<MetricChange>,
    /// Every value of every column compared.
    pub segments: Vec<SegmentComparison>,
    /// Either wave is weighted: shares, tests and effective n are weighted.
    pub weighted: bool,
}

/// The most values a column compared per value may have (more are IDs or free text, not
/// segments).
pub const MAX_VALUES: usize = 200;

/// How a column of this wave was found in the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "by")]
pub enum MatchedBy {
    /// The same header (or tool code), ignoring case and spacing.
    Header,
    /// Another header holding mostly the same values: `shared` of the values of both together
    /// (0-1).
    Values {
        /// The share of values in common.
        shared: f64,
    },
}

/// Values of a column that look like a segment's (few distinct), trimmed and in lower case;
/// `None` beyond [`MAX_VALUES`] distinct values.
fn segment_values(table: &crate::import::ImportedTable, column: usize) -> Option<std::collections::HashSet<String>> {
    let mut values = std::collections::HashSet::new();
    for row in 0..table.rows.row_count().min(100_000) {
        let cell = table.rows.cell(row, column).trim();
        if !cell.is_empty() && values.insert(cell.to_lowercase()) && values.len() > MAX_VALUES {
            return None;
        }
    }
    (!values.is_empty()).then_some(values)
}

/// Whether `header` is a column of `table` that cannot be a segment: its score, or a column
/// whose role is the respondent ID, the date, the weight or a comment.
fn not_a_segment(table: &crate::import::ImportedTable, header: &str) -> bool {
    use crate::import::Role;
    table.headers.get(table.score_column).is_some_and(|score| score == header)
        || table.roles.iter().any(|r| {
            r.column == header
                && matches!(r.role, Role::Score | Role::RespondentId | Role::Date | Role::Weight | Role::Comment)
        })
}

/// The previous wave's column for this wave's column `header`: the same header, else the
/// column holding at least half the same values (of the two together). Refused, naming both
/// files and the nearest column, when neither is found.
pub fn match_column(
    previous: &crate::import::ImportedTable,
    current: &crate::import::ImportedTable,
    header: &str,
) -> Result<(String, MatchedBy), String> {
    if not_a_segment(current, header) {
        return Err(format!(
            "{}: '{header}' holds the scores, IDs, dates, weights or comments, not segments; compare per a column of a few values such as region or channel",
            current.source.place()
        ));
    }
    if let Ok(c) = previous.column_index(header)
        && !not_a_segment(previous, &previous.headers[c])
    {
        return Ok((previous.headers[c].clone(), MatchedBy::Header));
    }
    let here = current.column_index(header).map_err(|e| e.to_string())?;
    let Some(wanted) = segment_values(current, here) else {
        return Err(format!(
            "{}: no column '{header}', and '{header}' in {} has too many different values to find it by them",
            previous.source.place(),
            current.source.place()
        ));
    };
    let best = (0..previous.headers.len())
        .filter(|&c| !not_a_segment(previous, &previous.headers[c]))
        .filter_map(|c| {
            let values = segment_values(previous, c)?;
            let shared = values.intersection(&wanted).count() as f64 / values.union(&wanted).count().max(1) as f64;
            Some((c, shared))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((c, shared)) if shared >= 0.5 => Ok((previous.headers[c].clone(), MatchedBy::Values { shared })),
        Some((c, shared)) => Err(format!(
            "{}: no column '{header}', and none holds the same values as '{header}' in {} (nearest: '{}', {:.0}% of the values in common); give the column the same header in both files",
            previous.source.place(),
            current.source.place(),
            previous.headers[c],
            100.0 * shared
        )),
        None => Err(format!(
            "{}: no column '{header}', and no column of a few values to match it by; give the column the same header in both files",
            previous.source.place()
        )),
    }
}

/// Compares `current` with `previous`, overall and per value of each of `columns`.
pub fn compare_waves(
    previous: Wave<'_>,
    current: Wave<'_>,
    columns: &[MatchedColumn],
) -> Result<WaveComparison, AnalysisError> {
    let weighted = previous.survey.is_weighted() || current.survey.is_weighted();
    let query = |wave: &Wave<'_>, pick: fn(&MatchedColumn) -> &str| Query {
        filter: wave.filter.clone(),
        groupings: columns.iter().map(|c| vec![pick(c).to_owned()]).collect(),
        trend: None,
    };
    let (before, after) = crate::parallel::both(
        || aggregate(previous.survey, &query(&previous, |c| &c.previous)),
        || aggregate(current.survey, &query(&current, |c| &c.current)),
    );
    let (before, after) = (before?, after?);
    let pairs = paired_answers(previous, current, columns)?;
    let summary = |tally: &ScoreTally| NpsSummary::from_tally(tally, weighted);
    let mut change = wave_change(&before.overall.nps, &after.overall.nps, pairs.as_ref().map(|p| &p.overall), weighted);
    change.p_adjusted = change.p_value;
    change.significant = change.p_value.is_some_and(|p| p < ALPHA);
    let mut segments = Vec::new();
    for (k, column) in columns.iter().enumerate() {
        // Each wave's values by their key (trimmed, in lower case, as columns are matched), with
        // the label as written.
        let old = labelled(previous.survey, &column.previous, before.groupings.get(k).map_or(&[], Vec::as_slice));
        let new = labelled(current.survey, &column.current, after.groupings.get(k).map_or(&[], Vec::as_slice));
        let old_by_key: HashMap<&str, &GroupTally> = old.iter().map(|(key, _, t)| (key.as_str(), *t)).collect();
        let new_keys: std::collections::HashSet<&str> = new.iter().map(|(key, _, _)| key.as_str()).collect();
        // This wave's values in its order, then the values only the previous wave has.
        let none = GroupTally::default();
        let mut values: Vec<(&str, &str, &GroupTally)> =
            new.iter().map(|(key, label, t)| (key.as_str(), label.as_str(), *t)).collect();
        values.extend(
            old.iter()
                .filter(|(key, _, _)| !new_keys.contains(key.as_str()))
                .map(|(key, label, _)| (key.as_str(), label.as_str(), &none)),
        );
        for (key, label, after_group) in values {
            let before_group = old_by_key.get(key).copied().unwrap_or(&none);
            let (before_tally, after_tally) = (before_group.nps, after_group.nps);
            let paired = pairs.as_ref().and_then(|p| p.by_value.get(&(k, key.to_owned())));
            segments.push(SegmentComparison {
                column: column.current.clone(),
                value: label.to_owned(),
                previous: summary(&before_tally),
                current: summary(&after_tally),
                change: wave_change(&before_tally, &after_tally, paired.or(pairs.as_ref().map(|_| &NOBODY)), weighted),
                shares: share_changes(&before_tally, &after_tally, weighted),
                metrics: metric_changes(previous.survey, current.survey, before_group, after_group, weighted),
            });
        }
    }
    // Holm across every segment shown, as the Segments and Trend views do across theirs.
    holm(&mut segments);
    // A significant change was seen, whatever the sizes would usually detect.
    for change in std::iter::once(&mut change).chain(segments.iter_mut().map(|s| &mut s.change)) {
        change.below_detectable &= !change.significant;
    }
    Ok(WaveComparison {
        previous: summary(&before.overall.nps),
        current: summary(&after.overall.nps),
        change,
        shares: share_changes(&before.overall.nps, &after.overall.nps, weighted),
        metrics: metric_changes(previous.survey, current.survey, &before.overall, &after.overall, weighted),
        segments,
        weighted,
    })
}

/// Each group of one column's grouping by its value key, with its label as written and its
/// tallies.
fn labelled<'a>(
    survey: &Survey,
    name: &str,
    groups: &'a [(Vec<u32>, GroupTally)],
) -> Vec<(String, String, &'a GroupTally)> {
    let Some(segment) = survey.segment(name) else { return Vec::new() };
    groups
        .iter()
        .filter_map(|(codes, group)| {
            let label = segment.labels.get(*codes.first()? as usize)?;
            Some((value_key(label), label.clone(), group))
        })
        .collect()
}

/// A value's key across waves: trimmed and in lower case, as columns are matched by values.
pub fn value_key(label: &str) -> String {
    label.trim().to_lowercase()
}

/// No respondent in both waves (for a value only one wave has).
static NOBODY: PairedChanges = PairedChanges { respondents: 0, changes: [0; 5] };

/// The change from `before` to `after` and its test (unadjusted: `p_adjusted` is left to the
/// caller); `paired` holds the respondents in both (`None`: the waves have no IDs to match).
#[must_use]
pub fn wave_change(
    before: &ScoreTally,
    after: &ScoreTally,
    paired: Option<&PairedChanges>,
    weighted: bool,
) -> WaveChange {
    let nps = |tally: &ScoreTally| tally.effective_counts(weighted).and_then(|(counts, _)| counts.nps());
    let change = nps(before).zip(nps(after)).map(|(b, a)| 100.0 * (a - b));
    let mut test = test_change(after, before, paired, weighted);
    // Respondents who all changed alike (or not at all) leave the paired test no spread for an
    // interval or a detectable size: those of the independent groups stand in, the exact
    // sign-flip p-value stays.
    if let Some((d, true)) = test.as_mut()
        && !(d.se.is_finite() && d.se > 0.0)
        && let Some(groups) = super::breakdown::test_groups(after, before, weighted)
    {
        (d.se, d.ci_low, d.ci_high) = (groups.se, groups.ci_low, groups.ci_high);
    }
    let minimum_detectable = test.as_ref().and_then(|(d, _)| plan::minimum_detectable(d.se)).map(|m| 100.0 * m);
    WaveChange {
        nps: change,
        ci_low: test.as_ref().map(|(d, _)| 100.0 * d.ci_low),
        ci_high: test.as_ref().map(|(d, _)| 100.0 * d.ci_high),
        p_value: test.as_ref().map(|(d, _)| d.p_value),
        p_adjusted: None,
        significant: false,
        test: test.as_ref().map(|(d, _)| d.method.id()),
        minimum_detectable,
        below_detectable: change.zip(minimum_detectable).is_some_and(|(c, m)| c.abs() < m),
        paired: test.as_ref().is_some_and(|(_, paired)| *paired),
        respondents_in_both: paired.map(|p| p.respondents),
        paired_change: paired.and_then(PairedChanges::mean).map(|m| 100.0 * m),
    }
}

/// Holm's correction across the tested changes of every segment shown.
fn holm(rows: &mut [SegmentComparison]) {
    let tested: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].change.p_value.is_some()).collect();
    let p: Vec<f64> = tested.iter().filter_map(|&i| rows[i].change.p_value).collect();
    for (&i, adjusted) in tested.iter().zip(stats::holm_adjust(&p)) {
        rows[i].change.p_adjusted = Some(adjusted);
        rows[i].change.significant = adjusted < ALPHA;
    }
}

/// Promoters', passives' and detractors' shares in both waves and their changes, Holm across
/// the three.
fn share_changes(before: &ScoreTally, after: &ScoreTally, weighted: bool) -> Vec<ShareChange> {
    let (Some((b, n_b)), Some((a, n_a))) = (before.effective_counts(weighted), after.effective_counts(weighted)) else {
        return Vec::new();
    };
    let groups = [
        ("promoters", b.promoters, a.promoters),
        ("passives", b.passives, a.passives),
        ("detractors", b.detractors, a.detractors),
    ];
    let mut rows: Vec<ShareChange> = groups
        .into_iter()
        .filter_map(|(group, x_b, x_a)| {
            let d = compare_proportions([x_a, n_a, x_b, n_b], weighted, Alternative::TwoSided, Z95)?;
            Some(ShareChange {
                group,
                previous: 100.0 * x_b / n_b,
                current: 100.0 * x_a / n_a,
                change: 100.0 * d.difference,
                ci_low: 100.0 * d.ci_low,
                ci_high: 100.0 * d.ci_high,
                p_value: d.p_value,
                p_adjusted: d.p_value,
                significant: false,
            })
        })
        .collect();
    let adjusted = stats::holm_adjust(&rows.iter().map(|r| r.p_value).collect::<Vec<_>>());
    for (row, p) in rows.iter_mut().zip(adjusted) {
        row.p_adjusted = p;
        row.significant = p < ALPHA;
    }
    rows
}

/// The mean and the share that matters of one metric's answers, on the effective-n scale (whole
/// counts unweighted, so that the share's test is Fisher's exact one): the mean's summary, the
/// share's successes and the effective n.
fn metric_figures(kind: MetricKind, tally: &ScoreTally, weighted: bool) -> Option<(stats::MeanSummary, f64, f64)> {
    let answers = EffectiveAnswers::of(kind, tally, weighted)?;
    let mean = stats::mean_t_interval(&answers.pairs, 0.95)?;
    let (_, counts_towards) = kind.share();
    Some((mean, answers.successes(&counts_towards), answers.n_eff))
}

/// CES, CSAT and grade where both waves have the same kind in the same place.
fn metric_changes(
    previous: &Survey,
    current: &Survey,
    before: &GroupTally,
    after: &GroupTally,
    weighted: bool,
) -> Vec<MetricChange> {
    let (old, new) = (metric_slots(&previous.metrics), metric_slots(&current.metrics));
    let mut out = Vec::new();
    for slot in 0..3 {
        let (Some(o), Some(c)) = (old[slot], new[slot]) else { continue };
        if o.kind != c.kind {
            continue;
        }
        let (Some((mean_b, x_b, n_b)), Some((mean_a, x_a, n_a))) = (
            metric_figures(c.kind, &before.metrics[slot], weighted),
            metric_figures(c.kind, &after.metrics[slot], weighted),
        ) else {
            continue;
        };
        let (Some(mean), Some(share)) = (
            compare_means(&mean_a, &mean_b, Z95),
            compare_proportions([x_a, n_a, x_b, n_b], weighted, Alternative::TwoSided, Z95),
        ) else {
            continue;
        };
        let adjusted = stats::holm_adjust(&[mean.p_value, share.p_value]);
        out.push(MetricChange {
            column: c.name.clone(),
            kind: c.kind,
            higher_is_better: c.kind != MetricKind::CesEffort,
            previous_mean: mean_b.mean,
            current_mean: mean_a.mean,
            mean_change: mean.difference,
            mean_ci_low: mean.ci_low,
            mean_ci_high: mean.ci_high,
            mean_p_value: mean.p_value,
            share: c.kind.share().0,
            previous_share: 100.0 * x_b / n_b,
            current_share: 100.0 * x_a / n_a,
            share_change: 100.0 * share.difference,
            share_ci_low: 100.0 * share.ci_low,
            share_ci_high: 100.0 * share.ci_high,
            share_p_value: share.p_value,
            significant: adjusted.iter().any(|&p| p < ALPHA),
        });
    }
    out
}

/// The respondents (by ID) in both waves: their changes overall and, per compared column and
/// value, of those with that value in both waves.
struct WavePairs {
    overall: PairedChanges,
    by_value: HashMap<(usize, String), PairedChanges>,
}

/// Each respondent's latest answer in a wave, sorted by respondent key: the key, the -1/0/+1
/// value and, per compared column, the code of its value.
struct Latest {
    keys: Vec<u64>,
    values: Vec<i8>,
    codes: Vec<Vec<u32>>,
}

/// Each respondent's latest answer in `wave` (by date, then by row) with the codes of its
/// `columns`. Sorting the (key, day, row) of every answered row and keeping the last of each key
/// takes a fraction of what a map of a million respondents would.
fn latest_answers(wave: Wave<'_>, columns: &[&str]) -> Result<Option<Latest>, AnalysisError> {
    let survey = wave.survey;
    let Some(ids) = survey.respondents.as_ref() else { return Ok(None) };
    let keys: Vec<String> =
        columns.iter().map(|c| survey.segment(c).map(|s| s.key.clone())).collect::<Option<_>>().unwrap_or_default();
    let mut predicate = col(SCORE).is_not_null();
    if let Some(p) = filter_expression(survey, wave.filter) {
        predicate = predicate.and(p);
    }
    const POS: &str = "pos";
    let mut selected = vec![col(POS).cast(DataType::UInt32), col(SCORE).cast(DataType::UInt8)];
    if survey.has_dates() {
        selected.push(col(DAY));
    }
    selected.extend(keys.iter().map(|k| col(k.as_str()).cast(DataType::UInt32)));
    let rows = survey.frame().clone().lazy().with_row_index(POS, None).filter(predicate).select(selected).collect()?;
    let (positions, scores) = (rows.column(POS)?.u32()?, rows.column(SCORE)?.u8()?);
    let days = if survey.has_dates() { Some(rows.column(DAY)?.i32()?) } else { None };
    let codes = keys.iter().map(|k| rows.column(k).and_then(|c| c.u32().cloned())).collect::<Result<Vec<_>, _>>()?;
    // (key, day, row, index among the rows kept), sorted: the last of each key is its latest.
    let mut answered: Vec<(u64, i32, u32, u32)> = Vec::with_capacity(rows.height());
    for i in 0..rows.height() {
        let Some(pos) = positions.get(i) else { continue };
        let Some(&key) = ids.keys.get(pos as usize) else { continue };
        if key != NO_ID {
            let day = days.and_then(|d| d.get(i)).unwrap_or(i32::MIN);
            answered.push((key, day, pos, i as u32));
        }
    }
    answered.sort_unstable();
    let mut latest = Latest { keys: Vec::new(), values: Vec::new(), codes: vec![Vec::new(); codes.len()] };
    for (j, &(key, _, _, i)) in answered.iter().enumerate() {
        if answered.get(j + 1).is_some_and(|next| next.0 == key) {
            continue;
        }
        let i = i as usize;
        let value = match scores.get(i) {
            Some(0..=6) => -1,
            Some(7 | 8) => 0,
            Some(_) => 1,
            None => continue,
        };
        latest.keys.push(key);
        latest.values.push(value);
        for (column, list) in codes.iter().zip(latest.codes.iter_mut()) {
            list.push(column.get(i).unwrap_or(u32::MAX));
        }
    }
    Ok(Some(latest))
}

/// The respondents in both waves; `None` when either wave has no respondent ID column.
fn paired_answers(
    previous: Wave<'_>,
    current: Wave<'_>,
    columns: &[MatchedColumn],
) -> Result<Option<WavePairs>, AnalysisError> {
    let old_columns: Vec<&str> = columns.iter().map(|c| c.previous.as_str()).collect();
    let new_columns: Vec<&str> = columns.iter().map(|c| c.current.as_str()).collect();
    let (before, after) =
        crate::parallel::both(|| latest_answers(previous, &old_columns), || latest_answers(current, &new_columns));
    let (Some(before), Some(after)) = (before?, after?) else { return Ok(None) };
    // Per column, the previous wave's code of each of this wave's values (by value key).
    let keys = |survey: &Survey, column: &str| {
        survey.segment(column).map(|s| s.labels.iter().map(|l| value_key(l)).collect::<Vec<_>>()).unwrap_or_default()
    };
    let same: Vec<Vec<Option<u32>>> = columns
        .iter()
        .map(|column| {
            let old: HashMap<String, u32> =
                keys(previous.survey, &column.previous).into_iter().enumerate().map(|(i, k)| (k, i as u32)).collect();
            keys(current.survey, &column.current).iter().map(|key| old.get(key).copied()).collect()
        })
        .collect();
    let mut overall = PairedChanges::default();
    // Per column and this wave's code: the changes of those with that value in both waves.
    let mut by_code: Vec<Vec<PairedChanges>> = same.iter().map(|m| vec![PairedChanges::default(); m.len()]).collect();
    // Both key lists are sorted: walk them together.
    let (mut a, mut b) = (0, 0);
    while a < before.keys.len() && b < after.keys.len() {
        match before.keys[a].cmp(&after.keys[b]) {
            std::cmp::Ordering::Less => a += 1,
            std::cmp::Ordering::Greater => b += 1,
            std::cmp::Ordering::Equal => {
                let (old_value, value) = (before.values[a], after.values[b]);
                overall.add(old_value, value);
                for (k, changes) in by_code.iter_mut().enumerate() {
                    let code = after.codes[k][b];
                    let then = same[k].get(code as usize).copied().flatten();
                    if then.is_some()
                        && then == before.codes[k].get(a).copied()
                        && let Some(slot) = changes.get_mut(code as usize)
                    {
                        slot.add(old_value, value);
                    }
                }
                a += 1;
                b += 1;
            }
        }
    }
    let mut by_value = HashMap::new();
    for (k, changes) in by_code.into_iter().enumerate() {
        let Some(segment) = current.survey.segment(&columns[k].current) else { continue };
        for (code, change) in changes.into_iter().enumerate().filter(|(_, c)| c.respondents > 0) {
            if let Some(label) = segment.labels.get(code) {
                by_value.insert((k, value_key(label)), change);
            }
        }
    }
    Ok(Some(WavePairs { overall, by_value }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SurveyColumns;
    use crate::stats::NpsCounts;

    /// A wave of the given 0-10 answers, a region per answer and, when given, an ID per answer.
    fn wave(scores: &[u8], regions: &[&str], ids: Option<Vec<String>>) -> Survey {
        let mut labels: Vec<String> = regions.iter().map(|r| (*r).to_owned()).collect();
        labels.sort();
        labels.dedup();
        let codes = regions.iter().map(|r| labels.iter().position(|l| l == r).unwrap() as u32).collect();
        let columns = SurveyColumns {
            row_numbers: (2..).take(scores.len()).collect(),
            scores: scores.iter().map(|&s| Ok(s)).collect(),
            score_name: "Recommend".to_owned(),
            segments: vec![("Region".to_owned(), false, labels, codes)],
            respondents: ids.map(|ids| ("Customer".to_owned(), ids)),
            ..SurveyColumns::default()
        };
        Survey::from_generated(columns, "wave.csv").unwrap()
    }

    /// `d` detractors, `pa` passives and `p` promoters.
    fn answers(d: usize, pa: usize, p: usize) -> Vec<u8> {
        [vec![3; d], vec![7; pa], vec![10; p]].concat()
    }

    #[test]
    fn two_waves_are_compared_overall_and_per_value_with_the_detectable_change() {
        // Previous: 40 detractors, 60 passives, 100 promoters (NPS +30); this wave: 30, 50, 120
        // (+45). North holds the first half of each wave's rows, South the rest, and only this
        // wave has West.
        let before = answers(40, 60, 100);
        let after = answers(30, 50, 120);
        let half = |n: usize, extra: &[&'static str]| {
            let mut r: Vec<&str> = (0..n).map(|i| if i % 2 == 0 { "North" } else { "South" }).collect();
            r.splice(0..extra.len(), extra.iter().copied());
            r
        };
        let (old, new) = (wave(&before, &half(200, &[]), None), wave(&after, &half(200, &["West"; 6]), None));
        let all = Filter::default();
        let columns = [MatchedColumn { previous: "Region".to_owned(), current: "Region".to_owned() }];
        let c =
            compare_waves(Wave { survey: &old, filter: &all }, Wave { survey: &new, filter: &all }, &columns).unwrap();
        let (p, n) = (c.previous.as_ref().unwrap(), c.current.as_ref().unwrap());
        assert_eq!((p.n, n.n), (200, 200));
        assert!((p.nps - 30.0).abs() < 1e-9 && (n.nps - 45.0).abs() < 1e-9);
        assert!((c.change.nps.unwrap() - 15.0).abs() < 1e-9);
        // The test and interval are the calibrated two-group ones (pooled z above 100 answers).
        let test = crate::stats::compare::compare_nps(
            &NpsCounts::new(30.0, 50.0, 120.0),
            &NpsCounts::new(40.0, 60.0, 100.0),
            false,
            Z95,
        )
        .unwrap();
        assert_eq!(c.change.test, Some("pooled_z"));
        assert!((c.change.p_value.unwrap() - test.p_value).abs() < 1e-12);
        assert!((c.change.ci_low.unwrap() - 100.0 * test.ci_low).abs() < 1e-9);
        // The detectable change by the reference's formula, on the adjusted counts:
        // (z_a + z_b) sqrt(var1~/(n1 + 3) + var2~/(n2 + 3)).
        let adjusted_variance = |d: f64, pa: f64, p: f64| {
            let n = d + pa + p + 3.0;
            let (d, p) = (d + 0.75, p + 0.75);
            (p / n + d / n - (p / n - d / n).powi(2), n)
        };
        let ((v1, m1), (v2, m2)) = (adjusted_variance(40.0, 60.0, 100.0), adjusted_variance(30.0, 50.0, 120.0));
        let expected = 100.0 * (Z95 + plan::Z_POWER_80) * (v1 / m1 + v2 / m2).sqrt();
        assert!((c.change.minimum_detectable.unwrap() - expected).abs() < 1e-9, "{:?}", c.change);
        // Below what these sizes detect, unless seen anyway (significant).
        assert_eq!(c.change.below_detectable, 15.0 < expected && !c.change.significant);
        assert_eq!(c.change.respondents_in_both, None, "no ID column");
        // Shares: promoters from 50% to 60%.
        let promoters = c.shares.iter().find(|s| s.group == "promoters").unwrap();
        assert!((promoters.previous - 50.0).abs() < 1e-9 && (promoters.change - 10.0).abs() < 1e-9);
        // Segments: this wave's values, then those only the previous has; West has no previous.
        let values: Vec<&str> = c.segments.iter().map(|s| s.value.as_str()).collect();
        assert_eq!(values, ["North", "South", "West"]);
        let west = &c.segments[2];
        assert!(west.previous.is_none() && west.change.p_value.is_none() && west.change.nps.is_none());
        // Holm across the tested values: the smaller p is doubled.
        let ps: Vec<f64> = c.segments[..2].iter().map(|s| s.change.p_value.unwrap()).collect();
        let smaller = ps.iter().copied().fold(f64::INFINITY, f64::min);
        let adjusted = c.segments[..2].iter().map(|s| s.change.p_adjusted.unwrap()).fold(f64::INFINITY, f64::min);
        assert!((adjusted - (2.0 * smaller).min(1.0)).abs() < 1e-12);
    }

    #[test]
    fn the_same_respondents_in_both_waves_are_tested_as_paired() {
        // 40 customers answer twice: 10 detractors become promoters, the rest keep their answer.
        let ids: Vec<String> = (0..40).map(|i| format!("C{i:03}")).collect();
        let before = answers(20, 10, 10);
        let mut after = before.clone();
        for score in after.iter_mut().take(10) {
            *score = 9;
        }
        let regions = vec!["North"; 40];
        let old = wave(&before, &regions, Some(ids.clone()));
        // This wave lists them in another order: matched by ID, not by row.
        let mut order: Vec<usize> = (0..40).collect();
        order.reverse();
        let new = wave(
            &order.iter().map(|&i| after[i]).collect::<Vec<_>>(),
            &regions,
            Some(order.iter().map(|&i| ids[i].clone()).collect()),
        );
        let all = Filter::default();
        let columns = [MatchedColumn { previous: "Region".to_owned(), current: "Region".to_owned() }];
        let c =
            compare_waves(Wave { survey: &old, filter: &all }, Wave { survey: &new, filter: &all }, &columns).unwrap();
        assert!(c.change.paired && c.change.respondents_in_both == Some(40), "{:?}", c.change);
        assert_eq!(c.change.test, Some("paired_t"));
        // Ten changes of +2 among 40: a mean change of +50 points, as the NPS change.
        assert!((c.change.paired_change.unwrap() - 50.0).abs() < 1e-9);
        assert!((c.change.nps.unwrap() - 50.0).abs() < 1e-9);
        let mut changes = PairedChanges::default();
        for (b, a) in before.iter().zip(&after) {
            let value = |s: u8| {
                if s <= 6 {
                    -1
                } else if s <= 8 {
                    0
                } else {
                    1
                }
            };
            changes.add(value(*b), value(*a));
        }
        let test = crate::stats::compare::compare_paired(&changes, Z95).unwrap();
        assert!((c.change.p_value.unwrap() - test.p_value).abs() < 1e-12);
        assert!(
            (c.change.minimum_detectable.unwrap() - 100.0 * plan::minimum_detectable(test.se).unwrap()).abs() < 1e-9
        );
        assert_eq!(c.segments[0].change.respondents_in_both, Some(40));
        assert!(c.segments[0].change.paired);
        // The same answers twice: no change and no spread among the paired changes, yet an
        // interval and a detectable size (the independent groups' stand in).
        let same =
            compare_waves(Wave { survey: &old, filter: &all }, Wave { survey: &old, filter: &all }, &columns).unwrap();
        let ch = &same.change;
        assert!(ch.paired && ch.nps == Some(0.0) && ch.p_value == Some(1.0), "{ch:?}");
        assert!(ch.ci_low.is_some_and(f64::is_finite) && ch.ci_high.is_some_and(|h| h > 0.0), "{ch:?}");
        assert!(ch.minimum_detectable.is_some_and(|m| m > 0.0) && ch.below_detectable, "{ch:?}");
    }
}
