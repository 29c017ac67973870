//! The aggregation engine: every count behind every view is a polars lazy query over the typed
//! survey ([`Survey`]).
//!
//! How the data flow:
//! 1. **Cube.** The survey's rows are grouped once by the keys a screen needs (the segment
//!    columns it breaks down or filters by, the day when it shows a trend or filters by date) and
//!    by the answer, into count, sum of weights and sum of squared weights: one cube for the 0-10
//!    answers and one per CES/CSAT/grade column shown, collected together. A cube holds thousands
//!    of rows, not millions, and is cached on the survey: a filter change that keeps the same
//!    keys reuses it.
//! 2. **Filter.** The user's filter becomes a polars expression on the cube's keys.
//! 3. **Roll-ups.** Overall, per segment, per pair of segments and per period (a join with a
//!    small day-to-period table) are group_bys of the filtered cube over their keys and the
//!    answer, all collected together.
//! 4. **Tallies.** The small result tables are read into [`ScoreTally`]s, which `stats` turns into
//!    estimates, intervals and tests (see `breakdown`, `trend` and `metrics`).
//!
//! The same frame answers "which rows are behind this number" ([`responses`]).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use polars::prelude::{
    ChunkedArray, DataFrame, DataType, Expr, IntoColumn, IntoLazy, LazyFrame, NamedFrom, NamedFromOwned,
    PolarsNumericType, Series, col, len, lit,
};

use super::AnalysisError;
use super::calendar::Period;
use super::filter::Filter;
use super::metrics::metric_slots;
use super::summary::ScoreTally;
use super::survey::{DAY, SCORE, Survey, WEIGHT};

/// Name of the answer column in every cube and roll-up.
const VALUE: &str = "value";
/// Count column.
const N: &str = "n";
/// Sum of weights column.
const SW: &str = "sw";
/// Sum of squared weights column.
const SW2: &str = "sw2";
/// Period column of the trend roll-up.
const PERIOD: &str = "period";
/// How many cubes a survey keeps.
const CUBES_KEPT: usize = 4;
/// The most cells a two-way breakdown shows; more is a table no one can read.
pub const MAX_TWO_WAY_CELLS: usize = 2_000;

/// The answers of one group: the 0-10 answers and the shown CES, CSAT and grade answers (in
/// [`metric_slots`] order; empty where the file has no such column).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GroupTally {
    /// 0-10 answers.
    pub nps: ScoreTally,
    /// CES, CSAT and grade answers.
    pub metrics: [ScoreTally; 3],
}

/// What one screen needs counted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// Rows kept.
    pub filter: Filter,
    /// Groupings: one segment header, or two for a two-way breakdown.
    pub groupings: Vec<Vec<String>>,
    /// The trend period, if a trend is shown.
    pub trend: Option<Period>,
}

/// The counts of one [`Query`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aggregates {
    /// All rows kept by the filter.
    pub overall: GroupTally,
    /// Per grouping of the query, its non-empty groups sorted by their codes: the codes (one per
    /// column, into the segments' labels) and the tally.
    pub groupings: Vec<Vec<(Vec<u32>, GroupTally)>>,
    /// Per period from the first to the last date, its first day and tally (empty tallies are
    /// gaps); `None` when no trend was asked for or the survey has no date.
    pub trend: Option<Vec<(i32, GroupTally)>>,
}

/// Which keys a cube is grouped by.
#[derive(Debug, Clone, PartialEq, Eq)]
struct CubeKey {
    /// Frame columns of the segment keys, sorted.
    segments: Vec<String>,
    /// Whether the day is a key.
    day: bool,
}

impl CubeKey {
    /// Whether a cube with this key can answer queries that need `other`.
    fn covers(&self, other: &Self) -> bool {
        (self.day || !other.day) && other.segments.iter().all(|s| self.segments.contains(s))
    }
}

/// The cubes of one key: 0-10 answers first, then each shown metric with its slot.
#[derive(Debug)]
struct Cubes {
    score: DataFrame,
    metrics: Vec<(usize, DataFrame)>,
}

/// Cubes already built for a survey, newest first.
#[derive(Debug, Default)]
pub struct CubeCache {
    built: Mutex<Vec<(CubeKey, Arc<Cubes>)>>,
}

/// The aggregations of one group_by: count, sum of weights, sum of squared weights.
pub(crate) fn cube_aggregations(weighted: bool) -> [Expr; 3] {
    if weighted {
        [len().alias(N), col(WEIGHT).sum().alias(SW), (col(WEIGHT) * col(WEIGHT)).sum().alias(SW2)]
    } else {
        [len().alias(N), len().cast(DataType::Float64).alias(SW), len().cast(DataType::Float64).alias(SW2)]
    }
}

/// The aggregations of a roll-up of a cube.
fn rollup_aggregations() -> [Expr; 3] {
    [col(N).sum().alias(N), col(SW).sum().alias(SW), col(SW2).sum().alias(SW2)]
}

/// Groups `frame` by `keys` and the answer.
fn rollup(frame: LazyFrame, keys: &[String]) -> LazyFrame {
    let mut by: Vec<Expr> = keys.iter().map(|k| col(k.as_str())).collect();
    by.push(col(VALUE));
    frame.group_by(by).agg(rollup_aggregations())
}

pub(crate) fn collect_all(plans: Vec<LazyFrame>) -> Result<Vec<DataFrame>, AnalysisError> {
    let Some(first) = plans.first() else { return Ok(Vec::new()) };
    let opt_state = first.get_current_optimizations();
    let plans = plans.into_iter().map(|p| p.logical_plan).collect();
    Ok(LazyFrame::collect_all_with_engine(plans, polars::prelude::Engine::InMemory, opt_state)?)
}

impl CubeCache {
    /// The cubes for `key`: a cached cube that covers it, or a new one.
    fn get(&self, survey: &Survey, key: &CubeKey) -> Result<Arc<Cubes>, AnalysisError> {
        if let Ok(built) = self.built.lock()
            && let Some((_, cubes)) = built.iter().find(|(k, _)| k.covers(key))
        {
            return Ok(Arc::clone(cubes));
        }
        let cubes = Arc::new(build_cubes(survey, key)?);
        if let Ok(mut built) = self.built.lock() {
            built.insert(0, (key.clone(), Arc::clone(&cubes)));
            built.truncate(CUBES_KEPT);
        }
        Ok(cubes)
    }
}

/// The most key combinations a joint cube (every answer column in one group_by) may have; beyond
/// it, each answer column gets a cube of its own.
const JOINT_COMBINATIONS: u64 = 1 << 18;

/// One key of a packed cube: a frame column, its place value, how many values it takes (the
/// last one standing for "missing" where the column can be null) and the offset subtracted first
/// (the first day, for the day).
#[derive(Debug, Clone)]
struct PackedKey {
    column: String,
    place: u64,
    values: u64,
    offset: i64,
    nullable: bool,
}

impl PackedKey {
    /// Adds this key's digit times its place to every row's packed key, reading the column's
    /// values and validity straight from its arrays (a value out of range, or missing, is the
    /// last digit).
    fn add_digits<T, W: PackedWord>(&self, packed: &mut [W], values: &ChunkedArray<T>)
    where
        T: PolarsNumericType,
        T::Native: Into<i64>,
    {
        let missing = self.values - 1;
        let digit = |value: T::Native| {
            W::narrow(
                u64::try_from(value.into() - self.offset)
                    .ok()
                    .filter(|&d| d < self.values - u64::from(self.nullable))
                    .unwrap_or(missing)
                    * self.place,
            )
        };
        let missing = W::narrow(missing * self.place);
        let mut start = 0;
        for array in values.downcast_iter() {
            let part = &mut packed[start..start + array.len()];
            start += array.len();
            match array.validity().filter(|v| v.unset_bits() > 0) {
                None => {
                    for (p, &v) in part.iter_mut().zip(array.values().iter()) {
                        *p += digit(v);
                    }
                }
                Some(valid) => {
                    for ((p, &v), present) in part.iter_mut().zip(array.values().iter()).zip(valid.iter()) {
                        *p += if present { digit(v) } else { missing };
                    }
                }
            }
        }
    }
}

/// The integer a row's keys pack into: `u32` when every combination fits, which halves the
/// column polars hashes, else `u64`.
trait PackedWord: Copy + Default + Send + Sync + std::ops::AddAssign {
    /// `value`, which [`Packing::combinations`] guarantees fits.
    fn narrow(value: u64) -> Self;
}

impl PackedWord for u32 {
    fn narrow(value: u64) -> Self {
        u32::try_from(value).unwrap_or(u32::MAX)
    }
}

impl PackedWord for u64 {
    fn narrow(value: u64) -> Self {
        value
    }
}

/// How the keys of a cube pack into one integer per row. Grouping one integer column is several
/// times faster in polars than grouping a row of small columns, and packing the answers too lets
/// one group_by count the 0-10 answers and every metric at once.
#[derive(Debug, Clone)]
struct Packing {
    keys: Vec<PackedKey>,
    combinations: u64,
}

impl Packing {
    /// Adds a key column; `None` when the packed key would no longer fit 64 bits.
    fn with(mut self, column: &str, values: u64, offset: i64, nullable: bool) -> Option<Self> {
        let values = values.max(1) + u64::from(nullable);
        let place = self.combinations;
        self.combinations = place.checked_mul(values)?;
        self.keys.push(PackedKey { column: column.to_owned(), place, values, offset, nullable });
        Some(self)
    }

    /// The segment (and day) keys of `key` for `survey`; `None` when they do not fit.
    fn of(survey: &Survey, key: &CubeKey) -> Option<Self> {
        let mut packing = Self { keys: Vec::new(), combinations: 1 };
        for name in &key.segments {
            let labels = survey.segments.iter().find(|s| s.key == *name)?.labels.len() as u64;
            packing = packing.with(name, labels, 0, false)?;
        }
        if key.day {
            let (first, last) = survey.date_range()?;
            let days = u64::try_from(i64::from(last) - i64::from(first)).ok()? + 1;
            packing = packing.with(DAY, days, i64::from(first), true)?;
        }
        Some(packing)
    }

    /// The packed key of every row of `frame`, in two halves at once on a large frame.
    fn pack<W: PackedWord>(&self, frame: &DataFrame) -> Result<Vec<W>, AnalysisError> {
        let height = frame.height();
        let mut packed = vec![W::default(); height];
        let middle = if height >= PACK_SPLIT_FROM_ROWS { height / 2 } else { height };
        let (head, tail) = packed.split_at_mut(middle);
        let (first, second) = if tail.is_empty() {
            (self.pack_rows(frame, 0, head), None)
        } else {
            let (first, second) =
                crate::parallel::both(|| self.pack_rows(frame, 0, head), || self.pack_rows(frame, middle, tail));
            (first, Some(second))
        };
        first?;
        second.transpose()?;
        Ok(packed)
    }

    /// Packs the keys of `packed.len()` rows of `frame` from row `start` on.
    fn pack_rows<W: PackedWord>(&self, frame: &DataFrame, start: usize, packed: &mut [W]) -> Result<(), AnalysisError> {
        let (start, len) = (start as i64, packed.len());
        for key in &self.keys {
            let column = frame.column(&key.column)?.as_materialized_series().slice(start, len);
            match column.dtype() {
                DataType::UInt8 => key.add_digits(packed, column.u8()?),
                DataType::UInt32 => key.add_digits(packed, column.u32()?),
                DataType::Int32 => key.add_digits(packed, column.i32()?),
                _ => key.add_digits(packed, column.cast(&DataType::Int64)?.i64()?),
            }
        }
        Ok(())
    }
    /// A cube grouped by the packed key, with its key columns unpacked again (a missing value
    /// unpacks to null).
    fn unpack(&self, grouped: &DataFrame) -> Result<DataFrame, AnalysisError> {
        let packed: Vec<u64> = grouped.column(PACKED)?.cast(&DataType::UInt64)?.u64()?.into_no_null_iter().collect();
        let mut columns = Vec::new();
        for key in &self.keys {
            let digit = |k: &u64| (k / key.place) % key.values;
            let present = |k: &u64| !key.nullable || digit(k) + 1 < key.values;
            let name = key.column.as_str().into();
            let column = if key.column == DAY {
                Series::new(
                    name,
                    packed
                        .iter()
                        .map(|k| present(k).then(|| (digit(k) as i64 + key.offset) as i32))
                        .collect::<Vec<_>>(),
                )
            } else if key.nullable {
                Series::new(
                    name,
                    packed.iter().map(|k| present(k).then(|| digit(k) as u8)).collect::<Vec<Option<u8>>>(),
                )
            } else {
                Series::new(name, packed.iter().map(|k| digit(k) as u32).collect::<Vec<u32>>())
            };
            columns.push(column.into_column());
        }
        for name in [N, SW, SW2] {
            columns.push(grouped.column(name)?.clone());
        }
        Ok(DataFrame::new(grouped.height(), columns)?)
    }
}

/// Rows from which the keys are packed on two threads.
const PACK_SPLIT_FROM_ROWS: usize = 100_000;

/// Name of the packed key column.
const PACKED: &str = "packed";

/// Groups the survey's rows by `key` and each answer column: one polars group_by over the packed
/// keys and every answer when the combinations are few, else one per answer; each answer's cube
/// is then a roll-up of that result. Rows whose answer is missing fall out of that answer's cube.
fn build_cubes(survey: &Survey, key: &CubeKey) -> Result<Cubes, AnalysisError> {
    build_cubes_as(survey, key, CubeStrategy::Auto)
}

/// How [`build_cubes_as`] groups the rows: the automatic choice, or (for tests) a fixed one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(not(test), allow(dead_code))] // the fixed choices are built by tests only
enum CubeStrategy {
    /// A joint cube when its combinations are few, else one packed group_by per answer.
    Auto,
    /// One packed group_by per answer.
    PerAnswer,
    /// polars groups the key columns themselves, one answer at a time.
    Unpacked,
}

fn build_cubes_as(survey: &Survey, key: &CubeKey, strategy: CubeStrategy) -> Result<Cubes, AnalysisError> {
    let slots = metric_slots(&survey.metrics);
    // (metric slot, frame column, highest value) of every answer column; the 0-10 answer first.
    let mut answers: Vec<(Option<usize>, String, u64)> = vec![(None, SCORE.to_owned(), 10)];
    for (slot, metric) in slots.iter().enumerate() {
        if let Some(metric) = metric {
            answers.push((Some(slot), metric.key.clone(), u64::from(metric.kind.scale().1)));
        }
    }
    let mut by: Vec<Expr> = key.segments.iter().map(|k| col(k.as_str())).collect();
    if key.day {
        by.push(col(DAY));
    }
    let weighted = survey.is_weighted();
    let frame = survey.frame();
    let with_answers = |packing: &Packing, answers: &[(Option<usize>, String, u64)]| {
        answers.iter().try_fold(packing.clone(), |p, (_, column, high)| p.with(column, high + 1, 0, true))
    };
    let keys = Packing::of(survey, key).filter(|_| strategy != CubeStrategy::Unpacked);
    let joint = keys
        .as_ref()
        .and_then(|k| with_answers(k, &answers))
        .filter(|p| p.combinations <= JOINT_COMBINATIONS && strategy == CubeStrategy::Auto);
    let packings: Option<Vec<Packing>> = match (joint, &keys) {
        (Some(joint), _) => Some(vec![joint]),
        (None, Some(keys)) => answers.iter().map(|a| with_answers(keys, std::slice::from_ref(a))).collect(),
        (None, None) => None,
    };
    let grouped: Vec<DataFrame> = match &packings {
        Some(packings) => {
            let mut plans = Vec::new();
            for packing in packings {
                let packed = if packing.combinations <= u64::from(u32::MAX) {
                    Series::from_vec(PACKED.into(), packing.pack::<u32>(frame)?)
                } else {
                    Series::from_vec(PACKED.into(), packing.pack::<u64>(frame)?)
                };
                let mut columns = vec![packed.into_column()];
                if weighted {
                    columns.push(frame.column(WEIGHT)?.clone());
                }
                let rows = DataFrame::new(frame.height(), columns)?;
                plans.push(rows.lazy().group_by([col(PACKED)]).agg(cube_aggregations(weighted)));
            }
            let frames = collect_all(plans)?;
            packings.iter().zip(&frames).map(|(p, f)| p.unpack(f)).collect::<Result<_, _>>()?
        }
        // Keys too many to pack: polars groups the key columns themselves, one answer at a time.
        None => {
            let plans = answers
                .iter()
                .map(|(_, answer, _)| {
                    let mut keys = by.clone();
                    keys.push(col(answer.as_str()));
                    frame
                        .clone()
                        .lazy()
                        .filter(col(answer.as_str()).is_not_null())
                        .group_by(keys)
                        .agg(cube_aggregations(weighted))
                })
                .collect();
            collect_all(plans)?
        }
    };
    // Each answer's cube: its source grouped by the keys and that answer.
    let plans = answers
        .iter()
        .enumerate()
        .map(|(i, (_, answer, _))| {
            let source = &grouped[if grouped.len() == 1 { 0 } else { i }];
            let mut keys = by.clone();
            keys.push(col(answer.as_str()).alias(VALUE));
            source.clone().lazy().filter(col(answer.as_str()).is_not_null()).group_by(keys).agg(rollup_aggregations())
        })
        .collect();
    let mut cubes = collect_all(plans)?.into_iter().zip(&answers);
    let score = cubes.next().map(|(f, _)| f).ok_or_else(|| AnalysisError::Table("no cube came back".into()))?;
    Ok(Cubes { score, metrics: cubes.map(|(f, (slot, ..))| (slot.unwrap_or(0), f)).collect() })
}

/// The frame columns of the segment headers in `names`, or `None` when one is not a segment.
fn segment_keys(survey: &Survey, names: &[String]) -> Option<Vec<String>> {
    names.iter().map(|n| survey.segment(n).map(|s| s.key.clone())).collect()
}

/// The filter as an expression over the frame's (or a cube's) columns; `None` keeps all.
pub(crate) fn filter_expression(survey: &Survey, filter: &Filter) -> Option<Expr> {
    let mut parts: Vec<Expr> = Vec::new();
    for (column, values) in &filter.segments {
        if values.is_empty() {
            continue;
        }
        let Some(segment) = survey.segment(column) else { continue };
        let allowed = segment
            .labels
            .iter()
            .enumerate()
            .filter(|(_, l)| values.contains(*l))
            .map(|(code, _)| col(segment.key.as_str()).eq(lit(code as u32)))
            .reduce(|a, b| a.or(b));
        parts.push(allowed.unwrap_or_else(|| lit(false)));
    }
    if survey.has_dates() {
        let (from, to) = filter.date_bounds();
        if let Some(from) = from {
            parts.push(col(DAY).gt_eq(lit(from)));
        }
        if let Some(to) = to {
            parts.push(col(DAY).lt_eq(lit(to)));
        }
    }
    parts.into_iter().reduce(|a, b| a.and(b))
}

/// The first day of every period from the survey's first to its last date, within the filter's
/// date range (periods the filter leaves out are not shown as gaps).
fn period_starts(survey: &Survey, period: Period, filter: &Filter) -> Vec<i32> {
    let Some((first, last)) = survey.filtered_date_range(filter) else { return Vec::new() };
    let mut starts = Vec::new();
    let mut start = period.start_of(first);
    while start <= last {
        starts.push(start);
        start = period.next_start(start);
    }
    starts
}

/// A table from every day of the survey's date range to its period's index in `starts`.
fn day_to_period(survey: &Survey, starts: &[i32]) -> Result<DataFrame, AnalysisError> {
    // No answer with a date: an empty table that still has its two columns, so that the join
    // finds no row instead of no column (a property test found a one-row undated survey failing).
    let days: Vec<i32> = survey.date_range().map_or_else(Vec::new, |(first, last)| (first..=last).collect());
    let periods: Vec<u32> =
        days.iter().map(|&d| starts.partition_point(|&s| s <= d).saturating_sub(1) as u32).collect();
    let day = Series::new(DAY.into(), days).into_column();
    Ok(DataFrame::new(periods.len(), vec![day, Series::new(PERIOD.into(), periods).into_column()])?)
}

/// Reads a roll-up into tallies per key (codes of `keys`, in order), adding them into `into`
/// at the metric `slot` (`None` for the 0-10 answers).
fn read_rollup(
    frame: &DataFrame,
    keys: &[String],
    slot: Option<usize>,
    into: &mut BTreeMap<Vec<u32>, GroupTally>,
) -> Result<(), AnalysisError> {
    let key_columns = keys
        .iter()
        .map(|k| Ok(frame.column(k)?.cast(&DataType::UInt32)?))
        .collect::<Result<Vec<_>, AnalysisError>>()?;
    let key_values = key_columns.iter().map(|c| Ok(c.u32()?.clone())).collect::<Result<Vec<_>, AnalysisError>>()?;
    let values = frame.column(VALUE)?.cast(&DataType::UInt8)?;
    let counts = frame.column(N)?.cast(&DataType::UInt64)?;
    let weights = frame.column(SW)?.cast(&DataType::Float64)?;
    let squares = frame.column(SW2)?.cast(&DataType::Float64)?;
    let (values, counts, weights, squares) = (values.u8()?, counts.u64()?, weights.f64()?, squares.f64()?);
    for i in 0..frame.height() {
        let Some(key) = key_values.iter().map(|k| k.get(i)).collect::<Option<Vec<u32>>>() else { continue };
        let (Some(value), Some(n), Some(sw), Some(sw2)) =
            (values.get(i), counts.get(i), weights.get(i), squares.get(i))
        else {
            continue;
        };
        let group = into.entry(key).or_default();
        let tally = match slot {
            None => &mut group.nps,
            Some(s) => &mut group.metrics[s],
        };
        let v = usize::from(value.min(10));
        tally.counts[v] += n;
        tally.weights[v] += sw;
        tally.weight_squares += sw2;
    }
    Ok(())
}

/// Counts everything `query` needs in polars: the filter applied to the cube, then every
/// roll-up collected together.
pub fn aggregate(survey: &Survey, query: &Query) -> Result<Aggregates, AnalysisError> {
    let groupings: Vec<Option<Vec<String>>> = query.groupings.iter().map(|g| segment_keys(survey, g)).collect();
    let mut segments: Vec<String> = groupings.iter().flatten().flatten().cloned().collect();
    segments.extend(
        query
            .filter
            .segments
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .filter_map(|(c, _)| survey.segment(c).map(|s| s.key.clone())),
    );
    segments.sort();
    segments.dedup();
    let (from, to) = query.filter.date_bounds();
    let trend_starts = query.trend.filter(|_| survey.has_dates()).map(|p| period_starts(survey, p, &query.filter));
    let day = survey.has_dates() && (trend_starts.is_some() || from.is_some() || to.is_some());
    let cubes = survey.cubes.get(survey, &CubeKey { segments, day })?;
    let predicate = filter_expression(survey, &query.filter);
    let periods = match &trend_starts {
        Some(starts) => Some(day_to_period(survey, starts)?),
        None => None,
    };

    // One plan per (cube, roll-up), remembered with where its result goes.
    let mut plans = Vec::new();
    let mut targets: Vec<(Option<usize>, Target)> = Vec::new();
    let sources = std::iter::once((None, &cubes.score)).chain(cubes.metrics.iter().map(|(s, f)| (Some(*s), f)));
    for (slot, cube) in sources {
        let mut filtered = cube.clone().lazy();
        if let Some(p) = &predicate {
            filtered = filtered.filter(p.clone());
        }
        // The filter runs once per cube; every roll-up reads its result.
        let filtered = filtered.collect()?;
        plans.push(rollup(filtered.clone().lazy(), &[]));
        targets.push((slot, Target::Overall));
        for (g, keys) in groupings.iter().enumerate() {
            if let Some(keys) = keys {
                plans.push(rollup(filtered.clone().lazy(), keys));
                targets.push((slot, Target::Grouping(g)));
            }
        }
        if let Some(periods) = &periods {
            let joined = filtered.clone().lazy().inner_join(periods.clone().lazy(), col(DAY), col(DAY));
            plans.push(rollup(joined, &[PERIOD.to_owned()]));
            targets.push((slot, Target::Trend));
        }
    }
    let frames = collect_all(plans)?;

    let mut overall = BTreeMap::new();
    let mut per_grouping: Vec<BTreeMap<Vec<u32>, GroupTally>> = vec![BTreeMap::new(); groupings.len()];
    let mut trend = BTreeMap::new();
    for (frame, (slot, target)) in frames.iter().zip(&targets) {
        match target {
            Target::Overall => read_rollup(frame, &[], *slot, &mut overall)?,
            Target::Grouping(g) => {
                let keys = groupings[*g].as_deref().unwrap_or_default();
                if keys.len() > 1 && frame.height() > MAX_TWO_WAY_CELLS * 11 {
                    return Err(too_many_cells(&query.groupings[*g], frame.height() / 11));
                }
                read_rollup(frame, keys, *slot, &mut per_grouping[*g])?;
                if keys.len() > 1 && per_grouping[*g].len() > MAX_TWO_WAY_CELLS {
                    return Err(too_many_cells(&query.groupings[*g], per_grouping[*g].len()));
                }
            }
            Target::Trend => read_rollup(frame, &[PERIOD.to_owned()], *slot, &mut trend)?,
        }
    }
    let trend = trend_starts.map(|starts| {
        starts
            .iter()
            .enumerate()
            .map(|(k, &start)| (start, trend.remove(&vec![k as u32]).unwrap_or_default()))
            .collect()
    });
    Ok(Aggregates {
        overall: overall.remove(&Vec::new()).unwrap_or_default(),
        groupings: per_grouping.into_iter().map(|m| m.into_iter().collect()).collect(),
        trend,
    })
}

fn too_many_cells(columns: &[String], cells: usize) -> AnalysisError {
    AnalysisError::TooManyCells { columns: columns.join(" × "), cells, limit: MAX_TWO_WAY_CELLS }
}

/// Where a roll-up's result goes.
#[derive(Debug, Clone, Copy)]
enum Target {
    Overall,
    Grouping(usize),
    Trend,
}

/// The rows (0-based positions, for [`Survey::response`]) with an answer that counts, kept by
/// `filter`, holding every `(column, value)` of `selection`, with an answer in `scores` (an
/// inclusive range) when given.
pub fn responses(
    survey: &Survey,
    filter: &Filter,
    selection: &[(String, String)],
    scores: Option<(u8, u8)>,
) -> Result<Vec<u32>, AnalysisError> {
    let mut predicate = col(SCORE).is_not_null();
    if let Some(p) = filter_expression(survey, filter) {
        predicate = predicate.and(p);
    }
    for (column, value) in selection {
        // A column the survey does not have (its role changed since) keeps nothing.
        let Some(segment) = survey.segment(column) else {
            predicate = predicate.and(lit(false));
            continue;
        };
        predicate = predicate.and(match segment.labels.iter().position(|l| l == value) {
            Some(code) => col(segment.key.as_str()).eq(lit(code as u32)),
            None => lit(false),
        });
    }
    if let Some((low, high)) = scores {
        predicate = predicate.and(col(SCORE).gt_eq(lit(low))).and(col(SCORE).lt_eq(lit(high)));
    }
    let positions = survey.frame().clone().lazy().with_row_index("pos", None).filter(predicate).select([col("pos")]);
    let frame = positions.collect()?;
    let column = frame.column("pos")?.cast(&DataType::UInt32)?;
    Ok(column.u32()?.into_no_null_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::super::survey::tests::small_survey;
    use super::*;

    /// A cube's rows as sorted text, to compare cubes built in different ways.
    fn cube_rows(frame: &DataFrame) -> Vec<String> {
        let mut names: Vec<String> = frame.get_column_names().iter().map(|n| n.to_string()).collect();
        names.sort();
        let mut rows: Vec<String> = (0..frame.height())
            .map(|i| {
                names
                    .iter()
                    .map(|n| {
                        let value = frame.column(n).unwrap().get(i).unwrap();
                        // Sums of weights may differ in the last bits with the order of addition.
                        match value.extract::<f64>() {
                            Some(v) if matches!(n.as_str(), SW | SW2) => format!("{n}={v:.9}"),
                            _ => format!("{n}={value}"),
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        rows.sort();
        rows
    }

    #[test]
    fn joint_per_answer_and_unpacked_cubes_agree() {
        use super::super::metrics::MetricKind;
        use super::super::survey::SurveyColumns;
        let n = 3_000usize;
        let pick = |i: usize, m: usize| (i * 7919 + i / 13) % m;
        let columns = SurveyColumns {
            row_numbers: (2..n as u32 + 2).collect(),
            scores: (0..n)
                .map(|i| if i % 17 == 0 { Err(crate::import::ExclusionReason::Blank) } else { Ok(pick(i, 11) as u8) })
                .collect(),
            score_name: "score".into(),
            weights: Some(("weight".into(), (0..n).map(|i| 0.5 + pick(i, 5) as f64 * 0.25).collect())),
            days: Some(("date".into(), (0..n).map(|i| (i % 23 != 0).then(|| 20_000 + pick(i, 90) as i32)).collect())),
            segments: vec![
                (
                    "region".into(),
                    false,
                    vec!["A".into(), "B".into(), "C".into()],
                    (0..n).map(|i| pick(i, 3) as u32).collect(),
                ),
                (
                    "sector".into(),
                    true,
                    (0..7).map(|k| format!("S{k}")).collect(),
                    (0..n).map(|i| pick(i / 3, 7) as u32).collect(),
                ),
            ],
            metrics: vec![
                (
                    "CES".into(),
                    MetricKind::CesAgree,
                    (0..n).map(|i| (i % 5 != 0).then(|| 1 + pick(i, 7) as u8)).collect(),
                ),
                (
                    "CSAT".into(),
                    MetricKind::Csat,
                    (0..n).map(|i| (i % 3 != 0).then(|| 1 + pick(i / 2, 5) as u8)).collect(),
                ),
            ],
            comments: Vec::new(),
            respondents: None,
        };
        let survey = Survey::from_generated(columns, "cubes.csv").unwrap();
        for key in [
            CubeKey { segments: vec![], day: false },
            CubeKey { segments: vec!["s0".into(), "s1".into()], day: false },
            CubeKey { segments: vec![], day: true },
            CubeKey { segments: vec!["s1".into()], day: true },
        ] {
            // Keys packed into u32 (as they are whenever they fit) and into u64 agree.
            let packing = Packing::of(&survey, &key).unwrap();
            let narrow: Vec<u32> = packing.pack(survey.frame()).unwrap();
            let wide: Vec<u64> = packing.pack(survey.frame()).unwrap();
            assert!(narrow.iter().zip(&wide).all(|(&a, &b)| u64::from(a) == b), "{key:?}");
            let joint = build_cubes_as(&survey, &key, CubeStrategy::Auto).unwrap();
            let per_answer = build_cubes_as(&survey, &key, CubeStrategy::PerAnswer).unwrap();
            let unpacked = build_cubes_as(&survey, &key, CubeStrategy::Unpacked).unwrap();
            assert!(joint.score.height() > 10, "{key:?}");
            for other in [&per_answer, &unpacked] {
                assert_eq!(cube_rows(&joint.score), cube_rows(&other.score), "{key:?}");
                assert_eq!(joint.metrics.len(), 2);
                for ((slot, a), (other_slot, b)) in joint.metrics.iter().zip(&other.metrics) {
                    assert_eq!(slot, other_slot);
                    assert_eq!(cube_rows(a), cube_rows(b), "{key:?} metric {slot}");
                }
            }
            let counted = joint
                .score
                .column(N)
                .unwrap()
                .cast(&DataType::UInt64)
                .unwrap()
                .u64()
                .unwrap()
                .into_no_null_iter()
                .sum::<u64>();
            assert_eq!(counted, survey.rows_used() as u64, "every counted answer is in the cube once");
        }
    }

    #[test]
    fn overall_groupings_and_trend_add_up() {
        let survey = small_survey();
        let query =
            Query { filter: Filter::default(), groupings: vec![vec!["region".into()]], trend: Some(Period::Month) };
        let result = aggregate(&survey, &query).unwrap();
        assert_eq!(result.overall.nps.n(), 7);
        assert_eq!(result.overall.nps.counts[10], 2);
        let regions = &result.groupings[0];
        assert_eq!(regions.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(), [vec![0], vec![1]]);
        // A: 10, 9, 0, 10; B: 7, 3, 9.
        assert_eq!(regions[0].1.nps.n(), 4);
        assert_eq!(regions[1].1.nps.n(), 3);
        let trend = result.trend.unwrap();
        assert_eq!(trend.len(), 2);
        assert_eq!(trend.iter().map(|(_, t)| t.nps.n()).sum::<u64>(), 6, "the undated answer is not in the trend");
    }

    #[test]
    fn the_trend_spans_the_filtered_dates_only() {
        let survey = small_survey();
        let filter = Filter { date_from: Some("2025-02-01".into()), ..Filter::default() };
        let query = Query { filter, groupings: Vec::new(), trend: Some(Period::Month) };
        let trend = aggregate(&survey, &query).unwrap().trend.unwrap();
        assert_eq!(trend.len(), 1, "January is outside the filter, not an empty month");
        assert_eq!(trend[0].1.nps.n(), 3, "7 on 1 February, 3 and 10 later in the month");
    }

    #[test]
    fn filters_combine_segments_and_dates() {
        let survey = small_survey();
        let mut filter = Filter::default();
        filter.add_condition("region=B").unwrap();
        let query = Query { filter: filter.clone(), ..Query::default() };
        assert_eq!(aggregate(&survey, &query).unwrap().overall.nps.n(), 3);
        filter.date_from = Some("2025-02-02".into());
        let query = Query { filter: filter.clone(), ..Query::default() };
        // B from 2 Feb: row 7 (3) only; row 6 has no score and row 8 no date.
        assert_eq!(aggregate(&survey, &query).unwrap().overall.nps.n(), 1);
        assert_eq!(responses(&survey, &filter, &[], None).unwrap(), [5]);
        let mut unknown = Filter::default();
        unknown.add_condition("region=Nowhere").unwrap();
        let query = Query { filter: unknown, ..Query::default() };
        assert_eq!(aggregate(&survey, &query).unwrap().overall.nps.n(), 0);
    }

    #[test]
    fn responses_follow_selection_and_score_group() {
        let survey = small_survey();
        let all = responses(&survey, &Filter::default(), &[], None).unwrap();
        assert_eq!(all, [0, 1, 2, 3, 5, 6, 7]);
        let selected = responses(&survey, &Filter::default(), &[("region".into(), "A".into())], Some((9, 10))).unwrap();
        assert_eq!(selected, [0, 1, 7]);
        // A selection on a column the survey does not have keeps nothing, not everything.
        let gone = responses(&survey, &Filter::default(), &[("no such column".into(), "A".into())], None).unwrap();
        assert!(gone.is_empty(), "{gone:?}");
    }

    #[test]
    fn a_two_way_breakdown_of_two_id_like_columns_is_refused() {
        use super::super::survey::SurveyColumns;
        use super::super::survey::tests::test_source;
        let n = 3_000u32;
        let labels: Vec<String> = (0..n).map(|i| format!("{i:05}")).collect();
        let columns = SurveyColumns {
            row_numbers: (2..n + 2).collect(),
            scores: (0..n).map(|i| Ok((i % 11) as u8)).collect(),
            score_name: "nps".into(),
            segments: vec![
                ("a".into(), false, labels.clone(), (0..n).collect()),
                ("b".into(), false, labels, (0..n).rev().collect()),
            ],
            ..SurveyColumns::default()
        };
        let (source, facts) = test_source();
        let survey = Survey::from_columns(columns, source, facts).unwrap();
        let query = Query { groupings: vec![vec!["a".into(), "b".into()]], ..Query::default() };
        let error = aggregate(&survey, &query).unwrap_err().to_string();
        assert!(error.contains("a × b") && error.contains("3000"), "{error}");
        let query = Query { groupings: vec![vec!["a".into()]], ..Query::default() };
        assert_eq!(aggregate(&survey, &query).unwrap().groupings[0].len(), 3_000, "one column is not capped");
    }

    #[test]
    fn a_cube_with_more_keys_answers_a_query_with_fewer() {
        let wide = CubeKey { segments: vec!["s0".into(), "s1".into()], day: true };
        assert!(wide.covers(&CubeKey { segments: vec!["s1".into()], day: false }));
        assert!(!CubeKey { segments: vec!["s1".into()], day: false }.covers(&wide));
    }
}
