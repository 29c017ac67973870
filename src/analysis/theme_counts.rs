//! Themes counted by the engine: a theme mention is one more group key over the typed survey, so
//! the filter and the weights apply exactly as in every other view.
//!
//! Two steps. [`tag_survey`] reads every comment once (language, tokens, stems, codebook themes,
//! discovered phrases; about 0.7 s for 100,000 comments, so the app runs it on a background
//! thread once per load or codebook change) into [`ThemeTags`]: plain per-row tags. Then, per
//! filter change, [`theme_summary`] joins a small (row, theme) mentions frame with the survey
//! frame filtered by the engine's filter expression and groups by (theme, answer) into count, sum
//! of weights and sum of squared weights, once over every mention and once over complaints only
//! (the chart, the Overview and the deck); `themes::stats` and `stats` turn those tallies into
//! shares with Wilson intervals, the over-representation test with Holm, and the NPS of those
//! who mention a theme against those who do not.
//!
//! **Base.** Shares and "those who do not mention it" are counted among the respondents with an
//! answer that counts, kept by the filter, **who wrote a comment** (a respondent who left no
//! comment could not mention any theme). Discovery runs once over every commented answer that
//! counts, not per filter.
//!
//! Must not touch egui or files.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use polars::prelude::{
    DataFrame, DataType, IntoColumn, IntoLazy, LazyFrame, NamedFrom, NamedFromOwned, Series, StringChunked, col,
};
use serde::Serialize;

use super::AnalysisError;
use super::breakdown::{ALPHA, test_groups};
use super::engine::{collect_all, cube_aggregations, filter_expression};
use super::filter::Filter;
use super::summary::{NpsSummary, ScoreTally};
use super::survey::{ROW, SCORE, Survey, WEIGHT};
use crate::stats::compare::Difference;
use crate::stats::holm_adjust;
use crate::themes::default_codebook::DEFAULT_THEME_IDS;
use crate::themes::{
    Analyzer, Codebook, DiscoveredPhrase, DiscoveryOptions, GroupCount, GroupTotal, GroupTotals, Labels, Language,
    MatchKind, NpsGroup, PhraseCounter, Polarity, QuoteCandidate, Theme, ThemeCounts, ThemeId, ThemeStats, ThemeTagger,
    representative_quotes, theme_stats,
};

/// Quotes shown per theme.
pub const QUOTES_PER_THEME: usize = 3;
/// Comments considered as quotes per theme (detractors first, then file order).
const QUOTE_CANDIDATES: usize = 400;
/// Row-position column of the joins.
const POS: &str = "pos";
/// Theme-index column of the mentions frame.
const THEME: &str = "theme";

/// One theme found in one comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Row position in the survey frame (0-based).
    pub position: u32,
    /// Index of the theme in the codebook.
    pub theme: u32,
    /// Whether a keyword of the theme matched as a word or phrase (not only inside a compound).
    pub keyword: bool,
    /// Whether one of the theme's mentions in the comment complains.
    pub negative: bool,
    /// Whether one of them praises.
    pub positive: bool,
}

/// What the text analysis found in every comment of one survey: computed once per load or
/// codebook change, then counted per filter by [`theme_summary`].
#[derive(Debug, Clone, Default)]
pub struct ThemeTags {
    /// The codebook the comments were tagged with.
    pub codebook: Codebook,
    /// Language per row position (`Unknown` for rows without a comment).
    pub languages: Vec<Language>,
    /// Row positions with a non-blank comment, ascending.
    pub commented: Vec<u32>,
    /// Every (row, theme) mention, sorted by row then theme, each once.
    pub mentions: Vec<Mention>,
    /// Words and phrases detractors use more than promoters (all commented answers that count).
    pub discovered: Vec<DiscoveredPhrase>,
}

impl ThemeTags {
    /// Theme indices mentioned in the row at `position`, in codebook order.
    #[must_use]
    pub fn themes_of(&self, position: u32) -> Vec<u32> {
        let start = self.mentions.partition_point(|m| m.position < position);
        self.mentions[start..].iter().take_while(|m| m.position == position).map(|m| m.theme).collect()
    }

    /// The mention of `theme` in the row at `position`, if any.
    fn mention(&self, position: u32, theme: u32) -> Option<&Mention> {
        let start = self.mentions.partition_point(|m| (m.position, m.theme) < (position, theme));
        self.mentions.get(start).filter(|m| m.position == position && m.theme == theme)
    }

    fn has_keyword(&self, position: u32, theme: u32) -> bool {
        self.mention(position, theme).is_some_and(|m| m.keyword)
    }
}

/// The comment columns of the survey, as text.
fn comment_columns(survey: &Survey) -> Result<Vec<&StringChunked>, AnalysisError> {
    survey.comment_columns()
}

/// The comment of the row at `position`: the non-blank comment cells joined by a new line.
fn comment_at(columns: &[&StringChunked], position: usize) -> String {
    let parts: Vec<&str> =
        columns.iter().filter_map(|c| c.get(position)).map(str::trim).filter(|t| !t.is_empty()).collect();
    parts.join("\n")
}

/// Tags every comment of `survey` with `codebook` and discovers detractor phrases. Returns
/// `Ok(None)` when `cancel` was set while working.
pub fn tag_survey(
    survey: &Survey,
    codebook: &Codebook,
    cancel: &AtomicBool,
) -> Result<Option<ThemeTags>, AnalysisError> {
    let columns = comment_columns(survey)?;
    let scores = survey.frame().column(SCORE)?.cast(&DataType::UInt8)?;
    let scores = scores.u8()?;
    let weights = if survey.is_weighted() { Some(survey.frame().column(WEIGHT)?.f64()?.clone()) } else { None };
    let tagger = ThemeTagger::new(codebook);
    let mut analyzer = Analyzer::new();
    let mut counter = PhraseCounter::new();
    let mut tags = ThemeTags {
        codebook: codebook.clone(),
        languages: vec![Language::Unknown; survey.len()],
        ..ThemeTags::default()
    };
    for position in 0..survey.len() {
        if position % 1024 == 0 && cancel.load(Ordering::Relaxed) {
            return Ok(None);
        }
        let text = comment_at(&columns, position);
        if text.is_empty() {
            continue;
        }
        let row = u32::try_from(position).map_err(|_| AnalysisError::Table("too many rows for themes".into()))?;
        let comment = analyzer.analyse(&text);
        tags.languages[position] = comment.language();
        tags.commented.push(row);
        let mut found: BTreeMap<u32, Mention> = BTreeMap::new();
        for m in tagger.tag(&comment) {
            let Ok(theme) = u32::try_from(m.theme_index) else { continue };
            let mention = found.entry(theme).or_insert(Mention {
                position: row,
                theme,
                keyword: false,
                negative: false,
                positive: false,
            });
            mention.keyword |= !matches!(m.kind, MatchKind::Compound | MatchKind::Thing);
            mention.negative |= m.polarity == Polarity::Negative;
            mention.positive |= m.polarity == Polarity::Positive;
        }
        tags.mentions.extend(found.into_values());
        if let Some(group) = scores.get(position).and_then(NpsGroup::from_score) {
            let weight = weights.as_ref().and_then(|w| w.get(position)).unwrap_or(1.0);
            counter.add(&comment, group, weight);
        }
    }
    tags.discovered = counter.discover(Some(&tagger), &DiscoveryOptions::default());
    Ok(Some(tags))
}

/// A quote of a theme: the comment as written, with its row and answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Spreadsheet row number (header = 1).
    pub row: u32,
    /// Row position in the survey (for the Responses view).
    #[serde(skip)]
    pub position: u32,
    /// The 0-10 answer.
    pub score: u8,
    /// The comment.
    pub text: String,
}

/// One theme under the current filter.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    /// The theme's id.
    pub theme: ThemeId,
    /// Its labels per language.
    pub labels: Labels,
    /// Respondents (with an answer that counts, kept by the filter) mentioning it.
    pub mentions: u64,
    /// Shares of detractors, passives and promoters mentioning it (Wilson 95%, Kish's effective
    /// n when weighted) and the over-representation test among detractors (Holm across themes).
    pub stats: ThemeStats,
    /// NPS of those who mention it.
    pub with: Option<NpsSummary>,
    /// NPS of the other commenters.
    pub without: Option<NpsSummary>,
    /// NPS with minus NPS without, points (shown whenever both have answers, tested or not).
    pub nps_difference: Option<f64>,
    /// The theme's impact on the NPS: the NPS of every commenter minus the NPS of those who do
    /// not mention it, points. It equals the share mentioning it times `nps_difference`, so it
    /// is tested by the same calibrated test (absent when a side has fewer than 5 answers).
    pub impact: Option<ThemeImpact>,
    /// Unadjusted p-value of the NPS difference (calibrated test, see `stats::compare`).
    pub nps_p_value: Option<f64>,
    /// Holm-adjusted p-value of that difference across the themes (absent when a side has fewer
    /// than 5 answers).
    pub nps_p_adjusted: Option<f64>,
    /// Whether the NPS difference is significant at 5% after Holm.
    pub nps_significant: bool,
    /// Up to [`QUOTES_PER_THEME`] representative quotes.
    pub quotes: Vec<Quote>,
    /// Row positions (ascending) of every respondent behind `mentions`.
    pub positions: Vec<u32>,
    /// Of `mentions`, the respondents whose mention complains (unweighted).
    pub negative: u64,
    /// Of `mentions`, the respondents whose mention praises (unweighted; one comment may do
    /// both: "friendly but slow").
    pub positive: u64,
}

/// What a theme does to the NPS, with its interval and test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThemeImpact {
    /// NPS of all commenters minus NPS of those not mentioning the theme, points.
    pub impact: f64,
    /// 95% interval of the impact, lower bound (points): the share mentioning the theme times the
    /// interval of the NPS difference, the share taken as known (it is counted, not sampled, in
    /// the comparison the test makes).
    pub ci_low: f64,
    /// Upper bound (points).
    pub ci_high: f64,
    /// Two-sided p-value of the calibrated test (the same for the impact and the difference).
    pub p_value: f64,
    /// The test used (`exact_permutation` or `pooled_z`).
    pub method: &'static str,
}

impl ThemeImpact {
    /// The impact of a theme mentioned by `share` (0..=1, weighted when the data are) of the
    /// commenters, from the test of those with it against those without.
    fn of(test: &Difference, share: f64) -> Self {
        Self {
            impact: 100.0 * share * test.difference,
            ci_low: 100.0 * share * test.ci_low,
            ci_high: 100.0 * share * test.ci_high,
            p_value: test.p_value,
            method: test.method.id(),
        }
    }
}

/// Every theme mentioned under one filter.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ThemeSummary {
    /// Respondents in the base: answer that counts, kept by the filter, with a comment.
    pub commenters: u64,
    /// The base's detractors, passives and promoters (unweighted counts).
    pub group_sizes: [u64; 3],
    /// Whether the counts are weighted.
    pub weighted: bool,
    /// Themes with at least one mention, by share of detractors mentioning them (largest
    /// first), then codebook order.
    pub themes: Vec<ThemeRow>,
    /// The same counted over complaints only ("the food was cold", not "the food was great"):
    /// what detractors complain about, for the themes chart, the Overview and the deck.
    pub complaints: Vec<ThemeRow>,
}

/// Per-answer count, sum of weights and sum of squared weights.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    counts: [u64; 11],
    sw: [f64; 11],
    sw2: [f64; 11],
}

impl Tally {
    fn score_tally(&self) -> ScoreTally {
        ScoreTally { counts: self.counts, weights: self.sw, weight_squares: self.sw2.iter().sum() }
    }

    fn total(&self, scores: std::ops::RangeInclusive<usize>) -> GroupTotal {
        let unweighted: u64 = self.counts[scores.clone()].iter().sum();
        let weighted: f64 = self.sw[scores.clone()].iter().sum();
        let squares: f64 = self.sw2[scores].iter().sum();
        let effective_n = if squares > 0.0 { weighted * weighted / squares } else { 0.0 };
        GroupTotal { weighted, unweighted, effective_n }
    }

    fn count(&self, scores: std::ops::RangeInclusive<usize>) -> GroupCount {
        let total = self.total(scores);
        GroupCount { weighted: total.weighted, unweighted: total.unweighted }
    }

    fn totals(&self) -> GroupTotals {
        GroupTotals { detractors: self.total(0..=6), passives: self.total(7..=8), promoters: self.total(9..=10) }
    }
}

/// Reads a (key?, score) -> n, sw, sw2 frame into tallies per key (0 when there is no key).
fn read_tallies(frame: &DataFrame, key: Option<&str>) -> Result<BTreeMap<u32, Tally>, AnalysisError> {
    let keys = match key {
        Some(k) => Some(frame.column(k)?.cast(&DataType::UInt32)?),
        None => None,
    };
    let keys = keys.as_ref().map(|k| k.u32()).transpose()?;
    let scores = frame.column(SCORE)?.cast(&DataType::UInt8)?;
    let counts = frame.column("n")?.cast(&DataType::UInt64)?;
    let weights = frame.column("sw")?.cast(&DataType::Float64)?;
    let squares = frame.column("sw2")?.cast(&DataType::Float64)?;
    let (scores, counts, weights, squares) = (scores.u8()?, counts.u64()?, weights.f64()?, squares.f64()?);
    let mut out: BTreeMap<u32, Tally> = BTreeMap::new();
    for i in 0..frame.height() {
        let key = match &keys {
            Some(k) => match k.get(i) {
                Some(v) => v,
                None => continue,
            },
            None => 0,
        };
        let (Some(score), Some(n), Some(sw), Some(sw2)) =
            (scores.get(i), counts.get(i), weights.get(i), squares.get(i))
        else {
            continue;
        };
        let s = usize::from(score.min(10));
        let tally = out.entry(key).or_default();
        tally.counts[s] += n;
        tally.sw[s] += sw;
        tally.sw2[s] += sw2;
    }
    Ok(out)
}

/// The survey's rows with an answer that counts and kept by `filter`, with their position.
fn kept_rows(survey: &Survey, filter: &Filter) -> LazyFrame {
    let mut predicate = col(SCORE).is_not_null();
    if let Some(p) = filter_expression(survey, filter) {
        predicate = predicate.and(p);
    }
    survey
        .frame()
        .clone()
        .lazy()
        .with_row_index(POS, None)
        .with_column(col(POS).cast(DataType::UInt32))
        .filter(predicate)
}

/// The themes of `tags` counted over `survey` under `filter`: shares, intervals, tests, NPS with
/// and without, quotes and the rows behind each theme; once over every mention, once over the
/// complaints only.
pub fn theme_summary(survey: &Survey, tags: &ThemeTags, filter: &Filter) -> Result<ThemeSummary, AnalysisError> {
    let complaints = count_themes(survey, tags, filter, true)?.themes;
    Ok(ThemeSummary { complaints, ..count_themes(survey, tags, filter, false)? })
}

/// [`theme_summary`] over every mention, or over the complaints only (`complaints`), whose
/// quotes are then complaints too.
fn count_themes(
    survey: &Survey,
    tags: &ThemeTags,
    filter: &Filter,
    complaints: bool,
) -> Result<ThemeSummary, AnalysisError> {
    let weighted = survey.is_weighted();
    let commented =
        DataFrame::new(tags.commented.len(), vec![Series::new(POS.into(), tags.commented.as_slice()).into_column()])?;
    let counted: Vec<&Mention> = tags.mentions.iter().filter(|m| !complaints || m.negative).collect();
    let positions: Vec<u32> = counted.iter().map(|m| m.position).collect();
    let themes: Vec<u32> = counted.iter().map(|m| m.theme).collect();
    let mentions = DataFrame::new(
        positions.len(),
        vec![
            Series::from_vec(POS.into(), positions).into_column(),
            Series::from_vec(THEME.into(), themes).into_column(),
        ],
    )?;
    let kept = kept_rows(survey, filter);
    let base = kept.clone().inner_join(commented.lazy(), col(POS), col(POS));
    let joined = kept.inner_join(mentions.lazy(), col(POS), col(POS));
    let plans = vec![
        base.group_by([col(SCORE)]).agg(cube_aggregations(weighted)),
        joined.clone().group_by([col(THEME), col(SCORE)]).agg(cube_aggregations(weighted)),
        joined.select([col(POS), col(THEME), col(SCORE), col(ROW)]),
    ];
    let frames = collect_all(plans)?;
    let [base, per_theme, rows] = frames.as_slice() else {
        return Err(AnalysisError::Table("the theme counts did not come back".into()));
    };
    let base = read_tallies(base, None)?.remove(&0).unwrap_or_default();
    let per_theme = read_tallies(per_theme, Some(THEME))?;

    // Rows behind each theme, for quotes and the Responses view.
    let pos_column = rows.column(POS)?.cast(&DataType::UInt32)?;
    let theme_column = rows.column(THEME)?.cast(&DataType::UInt32)?;
    let score_column = rows.column(SCORE)?.cast(&DataType::UInt8)?;
    let row_column = rows.column(ROW)?.cast(&DataType::UInt32)?;
    let (pos_column, theme_column, score_column, row_column) =
        (pos_column.u32()?, theme_column.u32()?, score_column.u8()?, row_column.u32()?);
    let mut behind: BTreeMap<u32, Vec<(u32, u8, u32)>> = BTreeMap::new();
    for i in 0..rows.height() {
        if let (Some(p), Some(t), Some(s), Some(r)) =
            (pos_column.get(i), theme_column.get(i), score_column.get(i), row_column.get(i))
        {
            behind.entry(t).or_default().push((p, s, r));
        }
    }

    let totals = base.totals();
    let base_scores = base.score_tally();
    let codebook_themes = tags.codebook.themes();
    let mentioned: Vec<(u32, Tally)> = per_theme
        .into_iter()
        .filter(|(t, tally)| (*t as usize) < codebook_themes.len() && tally.counts.iter().sum::<u64>() > 0)
        .collect();
    let counts: Vec<ThemeCounts> = mentioned
        .iter()
        .map(|(t, tally)| ThemeCounts {
            theme: codebook_themes[*t as usize].id.clone(),
            detractors: tally.count(0..=6),
            passives: tally.count(7..=8),
            promoters: tally.count(9..=10),
        })
        .collect();
    let stats = theme_stats(&counts, &totals, ALPHA);
    let tests: Vec<_> = mentioned
        .iter()
        .map(|(_, tally)| {
            let with = tally.score_tally();
            test_groups(&with, &base_scores.minus(&with), weighted)
        })
        .collect();
    let adjusted = holm_adjust(&tests.iter().map(|t| t.map_or(f64::NAN, |t| t.p_value)).collect::<Vec<_>>());
    let columns = comment_columns(survey)?;
    let mut rows_out: Vec<ThemeRow> = Vec::with_capacity(mentioned.len());
    for (((index, tally), stats), (test, p_adjusted)) in mentioned.iter().zip(stats).zip(tests.iter().zip(adjusted)) {
        let theme = &codebook_themes[*index as usize];
        let with = tally.score_tally();
        let without = base_scores.minus(&with);
        let mut rows = behind.remove(index).unwrap_or_default();
        rows.sort_unstable();
        let quotes = quotes_of(tags, *index, &rows, &columns);
        let p_adjusted = test.map(|_| p_adjusted).filter(|p| !p.is_nan());
        let share = with.share_of(&base_scores, weighted);
        rows_out.push(ThemeRow {
            theme: theme.id.clone(),
            labels: theme.labels.clone(),
            mentions: with.n(),
            stats,
            nps_difference: NpsSummary::from_tally(&with, weighted)
                .zip(NpsSummary::from_tally(&without, weighted))
                .map(|(a, b)| a.nps - b.nps),
            with: NpsSummary::from_tally(&with, weighted),
            without: NpsSummary::from_tally(&without, weighted),
            impact: test.as_ref().map(|t| ThemeImpact::of(t, share)),
            nps_p_value: test.as_ref().map(|t| t.p_value),
            nps_p_adjusted: p_adjusted,
            nps_significant: p_adjusted.is_some_and(|p| p < ALPHA),
            quotes,
            negative: rows.iter().filter(|(p, _, _)| tags.mention(*p, *index).is_some_and(|m| m.negative)).count()
                as u64,
            positive: rows.iter().filter(|(p, _, _)| tags.mention(*p, *index).is_some_and(|m| m.positive)).count()
                as u64,
            positions: rows.iter().map(|(p, _, _)| *p).collect(),
        });
    }
    let order: Vec<(usize, &ThemeId)> = codebook_themes.iter().enumerate().map(|(i, t)| (i, &t.id)).collect();
    let rank = |id: &ThemeId| order.iter().find(|(_, t)| *t == id).map_or(usize::MAX, |(i, _)| *i);
    rows_out.sort_by(|a, b| {
        b.stats.detractors.share.total_cmp(&a.stats.detractors.share).then_with(|| rank(&a.theme).cmp(&rank(&b.theme)))
    });
    Ok(ThemeSummary {
        commenters: base.counts.iter().sum(),
        group_sizes: [totals.detractors.unweighted, totals.passives.unweighted, totals.promoters.unweighted],
        weighted,
        themes: rows_out,
        complaints: Vec::new(),
    })
}

/// One commented row kept by a filter: its spreadsheet row, language and theme ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommentTags {
    /// Spreadsheet row number (header = 1).
    pub row: u32,
    /// Detected language (`nl`, `da`, `en`, `de` or `unknown`).
    pub language: Language,
    /// Ids of the themes mentioned, in codebook order.
    pub themes: Vec<ThemeId>,
    /// The general codebook's themes these belong to, in the general codebook's order (a theme a
    /// user made belongs to none).
    pub general_themes: Vec<String>,
    /// Every mention of a theme: what it says and the words it was found by.
    pub mentions: Vec<MentionDetail>,
}

/// One mention of a theme in a comment, for `themes --comments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionDetail {
    /// The theme's id.
    pub theme: ThemeId,
    /// The general codebook's theme it belongs to (`null` for a theme a user made).
    pub general_theme: Option<String>,
    /// What the mention says.
    pub polarity: Polarity,
    /// The words the theme was found by, as written.
    pub words: String,
    /// The evaluative words that decided the polarity, as written.
    pub said: Vec<String>,
}

/// The commented rows with an answer that counts, kept by `filter`, in file order.
pub fn commented_rows(survey: &Survey, tags: &ThemeTags, filter: &Filter) -> Result<Vec<CommentTags>, AnalysisError> {
    let commented =
        DataFrame::new(tags.commented.len(), vec![Series::new(POS.into(), tags.commented.as_slice()).into_column()])?;
    let plan = kept_rows(survey, filter).inner_join(commented.lazy(), col(POS), col(POS)).select([col(POS), col(ROW)]);
    let frame = plan.collect()?;
    let positions = frame.column(POS)?.cast(&DataType::UInt32)?;
    let rows = frame.column(ROW)?.cast(&DataType::UInt32)?;
    let themes = tags.codebook.themes();
    let (positions, rows) = (positions.u32()?, rows.u32()?);
    // The mentions' words are found again here: kept per comment, they would cost every load.
    let columns = comment_columns(survey)?;
    let tagger = ThemeTagger::new(&tags.codebook);
    let mut analyzer = Analyzer::new();
    let mut out: Vec<CommentTags> = (0..frame.height())
        .filter_map(|i| {
            let (position, row) = (positions.get(i)?, rows.get(i)?);
            let language = tags.languages.get(position as usize).copied().unwrap_or(Language::Unknown);
            let comment = analyzer.analyse_as(&comment_at(&columns, position as usize), language);
            let general_of = |id: &ThemeId| tags.codebook.get(id).and_then(|t| t.general_theme()).map(str::to_owned);
            let mentions = tagger
                .tag(&comment)
                .into_iter()
                .map(|m| MentionDetail {
                    general_theme: general_of(&m.theme),
                    theme: m.theme,
                    polarity: m.polarity,
                    words: m.words,
                    said: m.said,
                })
                .collect();
            let mentioned: Vec<&Theme> =
                tags.themes_of(position).into_iter().filter_map(|t| themes.get(t as usize)).collect();
            let general_themes = DEFAULT_THEME_IDS
                .iter()
                .filter(|g| mentioned.iter().any(|t| t.general_theme() == Some(**g)))
                .map(|g| (*g).to_owned())
                .collect();
            Some(CommentTags {
                row,
                language,
                themes: mentioned.iter().map(|t| t.id.clone()).collect(),
                general_themes,
                mentions,
            })
        })
        .collect();
    out.sort_by_key(|c| c.row);
    Ok(out)
}

/// Representative quotes among `rows` (position, answer, spreadsheet row, ascending).
fn quotes_of(tags: &ThemeTags, theme: u32, rows: &[(u32, u8, u32)], columns: &[&StringChunked]) -> Vec<Quote> {
    let group_rank = |score: u8| match NpsGroup::from_score(score) {
        Some(NpsGroup::Detractor) => 0,
        Some(NpsGroup::Passive) => 1,
        _ => 2,
    };
    let mut chosen: Vec<&(u32, u8, u32)> = rows.iter().collect();
    chosen.sort_by_key(|(p, s, _)| (group_rank(*s), *p));
    chosen.truncate(QUOTE_CANDIDATES);
    let texts: Vec<String> = chosen.iter().map(|(p, _, _)| comment_at(columns, *p as usize)).collect();
    let candidates: Vec<QuoteCandidate<'_>> = chosen
        .iter()
        .zip(&texts)
        .enumerate()
        .filter_map(|(k, ((p, s, _), text))| {
            Some(QuoteCandidate {
                row: k,
                text,
                group: NpsGroup::from_score(*s)?,
                has_keyword: tags.has_keyword(*p, theme),
            })
        })
        .collect();
    representative_quotes(&candidates, QUOTES_PER_THEME)
        .into_iter()
        .filter_map(|k| {
            let (position, score, row) = **chosen.get(k)?;
            Some(Quote { row, position, score, text: texts.get(k)?.clone() })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::survey::SurveyColumns;
    use super::super::survey::tests::test_source;
    use super::*;
    use crate::themes::default_codebook;

    /// Comments the project writes, in Dutch, Danish and English, with answers, regions and
    /// weights.
    fn columns() -> SurveyColumns {
        let rows: [(u8, &str, u32, f64); 12] = [
            (2, "Ik moest veertig minuten wachten aan de telefoon, de wachttijd is veel te lang", 0, 1.0),
            (3, "De levering was te laat en het pakket kwam beschadigd aan", 0, 2.0),
            (1, "Veel te duur voor wat je krijgt, de prijs is absurd hoog", 1, 1.0),
            (5, "Jeg ventede en time i telefonkøen, alt for lang ventetid", 1, 1.0),
            (6, "Medarbejderen var ikke venlig og hjalp mig ikke", 0, 1.0),
            (4, "I was on hold for forty minutes and nobody answered my emails", 1, 3.0),
            (8, "Fine product but the delivery took a week", 0, 1.0),
            (7, "", 1, 1.0),
            (9, "Vriendelijke medewerkers en snelle levering", 0, 1.0),
            (10, "Great service, friendly staff and a fair price", 1, 1.0),
            (10, "Hurtig levering og venlig personale", 0, 1.0),
            (9, "", 1, 1.0),
        ];
        SurveyColumns {
            row_numbers: (2..14).collect(),
            scores: rows.iter().map(|r| Ok(r.0)).collect(),
            score_name: "nps".into(),
            weights: Some(("weight".into(), rows.iter().map(|r| r.3).collect())),
            segments: vec![(
                "region".into(),
                false,
                vec!["North".into(), "South".into()],
                rows.iter().map(|r| r.2).collect(),
            )],
            comments: vec![("comment".into(), rows.iter().map(|r| r.1.to_owned()).collect())],
            ..SurveyColumns::default()
        }
    }

    fn survey(weighted: bool) -> Survey {
        let mut columns = columns();
        if !weighted {
            columns.weights = None;
        }
        let (source, facts) = test_source();
        Survey::from_columns(columns, source, facts).unwrap()
    }

    fn tags(survey: &Survey) -> ThemeTags {
        tag_survey(survey, &default_codebook(), &AtomicBool::new(false)).unwrap().unwrap()
    }

    fn row<'a>(summary: &'a ThemeSummary, id: &str) -> &'a ThemeRow {
        summary.themes.iter().find(|t| t.theme.as_str() == id).unwrap_or_else(|| panic!("no theme {id}: {summary:#?}"))
    }

    #[test]
    fn complaints_are_counted_apart_and_quoted_from_complaints_only() {
        let survey = survey(false);
        let tags = tags(&survey);
        let summary = theme_summary(&survey, &tags, &Filter::default()).unwrap();
        assert!(!summary.complaints.is_empty(), "{summary:#?}");
        for complained in &summary.complaints {
            let all = row(&summary, complained.theme.as_str());
            assert!(complained.mentions <= all.mentions);
            assert_eq!(complained.mentions, all.negative, "{}", complained.theme);
            for &p in &complained.positions {
                let index = tags.codebook.themes().iter().position(|t| t.id == complained.theme).unwrap() as u32;
                assert!(tags.mention(p, index).is_some_and(|m| m.negative), "{}: row {p}", complained.theme);
            }
            assert!(complained.quotes.iter().all(|q| complained.positions.contains(&q.position)));
        }
    }

    #[test]
    fn every_language_is_tagged_and_blank_comments_are_not_in_the_base() {
        let survey = survey(false);
        let tags = tags(&survey);
        assert_eq!(tags.commented.len(), 10);
        assert_eq!(tags.languages[0], Language::Dutch);
        assert_eq!(tags.languages[3], Language::Danish);
        assert_eq!(tags.languages[5], Language::English);
        let summary = theme_summary(&survey, &tags, &Filter::default()).unwrap();
        assert_eq!(summary.commenters, 10);
        assert_eq!(summary.group_sizes, [6, 1, 3]);
        let ids: Vec<&str> = summary.themes.iter().map(|t| t.theme.as_str()).collect();
        for id in ["waiting_time", "delivery", "price"] {
            assert!(ids.contains(&id), "{id} in {ids:?}");
        }
        let waiting = row(&summary, "waiting_time");
        // Dutch, Danish and English waiting among detractors (positions 0, 3, 5); the Danish
        // promoter's "hurtig levering" (fast) judges the delivery and names no wait (position 10).
        assert_eq!(waiting.positions, [0, 3, 5]);
        assert!(row(&summary, "delivery").positions.contains(&10));
        assert_eq!(waiting.stats.detractors.mentions, 3);
        assert!((waiting.stats.detractors.share - 0.5).abs() < 1e-12);
        assert!(waiting.stats.detractors.interval.low < 0.5 && waiting.stats.detractors.interval.high > 0.5);
        assert_eq!(waiting.with.as_ref().map(|s| s.nps), Some(-100.0), "three detractors");
        assert_eq!(waiting.quotes.len(), 3);
        assert!(waiting.quotes.iter().all(|q| q.score <= 6 && !q.text.is_empty()));
        let sorted: Vec<f64> = summary.themes.iter().map(|t| t.stats.detractors.share).collect();
        assert!(sorted.windows(2).all(|w| w[0] >= w[1]), "largest detractor share first: {sorted:?}");
    }

    #[test]
    fn counts_follow_the_filter() {
        let survey = survey(false);
        let tags = tags(&survey);
        let mut filter = Filter::default();
        filter.add_condition("region=South").unwrap();
        let summary = theme_summary(&survey, &tags, &filter).unwrap();
        // South commenters: rows 4, 5, 7, 11 (positions 2, 3, 5, 9).
        assert_eq!(summary.commenters, 4);
        let waiting = row(&summary, "waiting_time");
        assert_eq!(waiting.positions, [3, 5]);
        assert_eq!(waiting.mentions, 2);
        assert_eq!(waiting.without.as_ref().map(|s| s.n), Some(2));
        assert!(summary.themes.iter().all(|t| t.positions.iter().all(|p| [2, 3, 5, 9].contains(p))));
    }

    #[test]
    fn weights_move_the_shares_and_the_effective_n() {
        let survey = survey(true);
        let tags = tags(&survey);
        let summary = theme_summary(&survey, &tags, &Filter::default()).unwrap();
        assert!(summary.weighted);
        let waiting = row(&summary, "waiting_time");
        // Detractor weights 1, 2, 1, 1, 1, 3 = 9; waiting: 1 + 1 + 3 = 5.
        assert!((waiting.stats.detractors.share - 5.0 / 9.0).abs() < 1e-12, "{:?}", waiting.stats.detractors);
        let effective = 81.0 / (1.0 + 4.0 + 1.0 + 1.0 + 1.0 + 9.0);
        let expected = crate::stats::wilson(5.0 / 9.0 * effective, effective, crate::stats::Z95).unwrap();
        assert!((waiting.stats.detractors.interval.low - expected.low).abs() < 1e-12);
        assert_eq!(waiting.stats.detractors.mentions, 3, "mentions stay respondents");
        let with = waiting.with.as_ref().unwrap();
        // Weights 1, 1, 3 (the detractors): 5^2 / 11.
        assert!(with.effective_n.is_some_and(|n| (n - 25.0 / 11.0).abs() < 1e-9), "{with:?}");
    }

    #[test]
    fn discovery_finds_detractor_words() {
        let survey = survey(false);
        let tags = tags(&survey);
        assert!(tags.discovered.iter().all(|p| p.z > 0.0));
        assert!(tags.themes_of(0).contains(&0) || !tags.themes_of(0).is_empty());
        let rows = commented_rows(&survey, &tags, &Filter::default()).unwrap();
        assert_eq!(rows.len(), 10);
        assert_eq!((rows[0].row, rows[0].language), (2, Language::Dutch));
        assert!(rows[0].themes.iter().any(|t| t.as_str() == "waiting_time"));
        assert_eq!(rows[3].language, Language::Danish);
        let cancelled = tag_survey(&survey, &default_codebook(), &AtomicBool::new(true)).unwrap();
        assert!(cancelled.is_none());
    }
}
