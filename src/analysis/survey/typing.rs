//! The typing of an imported table into a [`Survey`]: every cell the analysis needs parsed once,
//! a large table in two halves on two threads, straight into the frame's columns; segment values
//! dictionary-coded. The survey module owns the model; this, its other half, owns how a table
//! becomes one.

use super::*;

/// Integer codes for the values of one column, given one value at a time; [`Self::finish`] sorts
/// the labels and renumbers the codes to follow them. Values are borrowed until then, not copied.
#[derive(Default)]
pub(crate) struct LabelEncoder<'a> {
    labels: Vec<&'a str>,
    /// Each of the first labels as (length, first eight bytes, last eight bytes): compared as
    /// three words, which decide equality for labels of up to 16 bytes without comparing bytes.
    short: Vec<(usize, u64, u64)>,
    /// Per hash of a short key, one plus the index of the first label whose key hashes there (0:
    /// none): most cells are found with one look and one comparison.
    slots: [u8; 32],
    seen: HashMap<&'a str, u32>,
}

/// The slot of a short label's key in [`LabelEncoder`]'s `slots`.
pub(super) fn slot_of((len, first, last): (usize, u64, u64)) -> usize {
    ((first ^ last.rotate_left(29) ^ len as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 59) as usize
}

impl<'a> LabelEncoder<'a> {
    /// Segment columns hold a few values: comparing with them beats hashing every cell.
    const FEW: usize = 16;

    /// The code of `v` (in order of first appearance until [`Self::finish`]).
    pub(crate) fn code(&mut self, v: &'a str) -> u32 {
        if self.labels.len() <= Self::FEW {
            let key = (v.len(), first_word(v), last_word(v));
            let slot = slot_of(key);
            // Slots hold only labels of up to 16 bytes, whose key decides equality.
            if let Some(i) = usize::from(self.slots[slot]).checked_sub(1)
                && self.short[i] == key
            {
                return i as u32;
            }
            let found = if key.0 <= 16 {
                // Every label is compared, without a branch per label: which one matches is as
                // good as random row after row, and a mispredicted early exit cost more than
                // comparing the rest.
                self.short.iter().enumerate().fold(usize::MAX, |found, (i, k)| {
                    let hit = (k.0 == key.0) & (k.1 == key.1) & (k.2 == key.2);
                    found.min(i | usize::from(!hit).wrapping_neg())
                })
            } else {
                self.short.iter().zip(&self.labels).position(|(k, l)| *k == key && *l == v).unwrap_or(usize::MAX)
            };
            if found != usize::MAX {
                return found as u32;
            }
            if self.labels.len() < Self::FEW {
                self.labels.push(v);
                self.short.push(key);
                if self.slots[slot] == 0 && key.0 <= 16 {
                    self.slots[slot] = self.labels.len() as u8;
                }
                self.seen.insert(v, self.labels.len() as u32 - 1);
                return self.labels.len() as u32 - 1;
            }
        }
        let next = self.labels.len() as u32;
        *self.seen.entry(v).or_insert_with(|| {
            self.labels.push(v);
            next
        })
    }

    /// The labels, sorted, with `codes` (given by [`Self::code`]) renumbered to point into them.
    pub(crate) fn finish(self, codes: &mut [u32]) -> Vec<String> {
        let labels = self.labels;
        if labels.is_empty() {
            // Every row of the share was blank: its codes are taken out with the rows.
            return Vec::new();
        }
        let mut order: Vec<u32> = (0..labels.len() as u32).collect();
        order.sort_by(|&a, &b| labels[a as usize].cmp(labels[b as usize]));
        let mut new_code = vec![0u32; labels.len()];
        for (rank, &old) in order.iter().enumerate() {
            new_code[old as usize] = rank as u32;
        }
        recode(codes, &new_code);
        order.iter().map(|&i| labels[i as usize].to_owned()).collect()
    }
}

/// The first eight bytes of `v` (zero-padded) as one word: one load for a label of eight bytes
/// or more (copying a shorter slice into an array called `memcpy` and stalled the load after it).
pub(super) fn first_word(v: &str) -> u64 {
    let b = v.as_bytes();
    // A shorter label is read as two overlapping loads, its first and its last bytes.
    let two = |n: usize, lo: u64, hi: u64| lo | (hi << (8 * (b.len() - n)));
    match b.len() {
        8.. => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        4.. => two(4, u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])), {
            let t = b.len() - 4;
            u64::from(u32::from_le_bytes([b[t], b[t + 1], b[t + 2], b[t + 3]]))
        }),
        2.. => two(2, u64::from(u16::from_le_bytes([b[0], b[1]])), {
            let t = b.len() - 2;
            u64::from(u16::from_le_bytes([b[t], b[t + 1]]))
        }),
        1 => u64::from(b[0]),
        _ => 0,
    }
}

/// The last eight bytes of a label of more than eight bytes as one word (0 for a shorter one,
/// which [`first_word`] holds whole). With the length and the first word it tells apart every
/// two labels of up to 16 bytes.
pub(super) fn last_word(v: &str) -> u64 {
    match v.as_bytes().last_chunk::<8>() {
        Some(tail) if v.len() > 8 => u64::from_le_bytes(*tail),
        _ => 0,
    }
}

/// Integer codes for `values` and the labels they point into, sorted.
#[cfg(test)]
pub(crate) fn encode<'a>(values: impl ExactSizeIterator<Item = &'a str>) -> (Vec<String>, Vec<u32>) {
    let mut encoder = LabelEncoder::default();
    let mut codes: Vec<u32> = values.map(|v| encoder.code(v)).collect();
    let labels = encoder.finish(&mut codes);
    (labels, codes)
}

/// Replaces every code `c` by `new_code[c]` (nothing to do when that changes none).
pub(super) fn recode(codes: &mut [u32], new_code: &[u32]) {
    if new_code.iter().enumerate().all(|(i, &c)| i as u32 == c) {
        return;
    }
    for code in codes {
        *code = new_code[*code as usize];
    }
}

/// The sorted union of two sorted label lists, and where each list's labels went in it.
pub(super) fn merge_labels(a: Vec<String>, b: Vec<String>) -> (Vec<String>, Vec<u32>, Vec<u32>) {
    let (mut union, mut to_a, mut to_b) = (Vec::with_capacity(a.len().max(b.len())), Vec::new(), Vec::new());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let next = union.len() as u32;
        match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x == y => {
                union.push(a.next().unwrap_or_default());
                b.next();
                to_a.push(next);
                to_b.push(next);
            }
            (Some(x), Some(y)) if x < y => {
                union.push(a.next().unwrap_or_default());
                to_a.push(next);
            }
            (Some(_), None) => {
                union.push(a.next().unwrap_or_default());
                to_a.push(next);
            }
            (_, Some(_)) => {
                union.push(b.next().unwrap_or_default());
                to_b.push(next);
            }
            (None, None) => return (union, to_a, to_b),
        }
    }
}

/// A metric answer: a whole number on the scale, or why it is left out (`None` for a blank).
pub(super) fn metric_value(cell: &str, (low, high): (u8, u8), decimal: Decimal) -> Option<Result<u8, ExclusionReason>> {
    let in_range = |v: u8| if (low..=high).contains(&v) { Ok(v) } else { Err(ExclusionReason::OutOfRange) };
    let value = match cell.as_bytes() {
        // The common clean cell, without a detour through floating point.
        [d @ b'0'..=b'9'] => return Some(in_range(d - b'0')),
        [b'1', b'0'] => return Some(in_range(10)),
        _ => {
            if cell.trim().is_empty() {
                return None;
            }
            match parse_number_in(cell, decimal) {
                Some(v) => v,
                None => return Some(Err(ExclusionReason::NotANumber)),
            }
        }
    };
    let whole = value.round();
    if (value - whole).abs() > 1e-9 {
        return Some(Err(ExclusionReason::NotWholeNumber));
    }
    if whole < f64::from(low) || whole > f64::from(high) {
        return Some(Err(ExclusionReason::OutOfRange));
    }
    Some(Ok(whole as u8))
}

/// A weight as a survey uses it: a positive, finite number, read in the file's `decimal` dialect.
pub(super) fn weight_value(cell: &str, decimal: Decimal) -> Option<f64> {
    parse_number_in(cell, decimal).filter(|w| w.is_finite() && *w > 0.0)
}

/// What to type of which columns of a table.
struct TypingPlan<'t> {
    table: &'t ImportedTable,
    score: usize,
    segments: Vec<usize>,
    date: Option<(usize, DateOrder)>,
    metrics: Vec<(usize, MetricKind)>,
    comments: Vec<usize>,
    weight: Option<usize>,
    /// The weight column's decimal mark ([`Decimal::of_column`]).
    weight_decimal: Decimal,
}

/// One thread's table rows and its part of every typed column, one entry per table row (blank
/// rows are taken out once every share is typed).
struct Share<'a> {
    rows: std::ops::Range<usize>,
    row_numbers: &'a mut [u32],
    score_values: &'a mut [u8],
    score_reasons: &'a mut [u8],
    weights: Option<&'a mut [f64]>,
    days: Option<&'a mut [Option<i32>]>,
    /// Per segment column: codes into this share's own labels.
    codes: Vec<&'a mut [u32]>,
    /// Per metric column: the answer, 0 where there is none.
    metrics: Vec<&'a mut [u8]>,
}

/// What a share gives back besides its part of the columns.
struct Typed {
    /// The share's blank rows (every cell empty), ascending.
    blank: Vec<usize>,
    score_exclusions: Exclusions,
    /// Counted answers left out because their weight is unusable.
    weight_exclusions: Exclusions,
    /// Some row has a usable weight.
    any_usable_weight: bool,
    /// Per segment column, the share's labels, sorted.
    labels: Vec<Vec<String>>,
    metric_exclusions: Vec<Exclusions>,
    comments: Vec<Vec<String>>,
}

impl Typed {
    /// Adds what a later share found.
    fn append(&mut self, later: Self) {
        self.blank.extend(later.blank);
        self.score_exclusions.append(later.score_exclusions);
        self.weight_exclusions.append(later.weight_exclusions);
        self.any_usable_weight |= later.any_usable_weight;
        for (left_out, more) in self.metric_exclusions.iter_mut().zip(later.metric_exclusions) {
            left_out.append(more);
        }
        for (texts, more) in self.comments.iter_mut().zip(later.comments) {
            texts.extend(more);
        }
    }
}

/// Both halves of an optional column, split at `middle`.
fn split_optional<T>(column: Option<&mut [T]>, middle: usize) -> (Option<&mut [T]>, Option<&mut [T]>) {
    match column {
        Some(column) => {
            let (a, b) = column.split_at_mut(middle);
            (Some(a), Some(b))
        }
        None => (None, None),
    }
}

/// Removes the entries at `positions` (ascending) from `values`.
fn remove_positions<T>(values: &mut Vec<T>, positions: &[usize]) {
    if positions.is_empty() {
        return;
    }
    let mut next = positions.iter().copied().peekable();
    let mut i = 0;
    values.retain(|_| {
        let blank = next.peek() == Some(&i);
        if blank {
            next.next();
        }
        i += 1;
        !blank
    });
}

impl TypingPlan<'_> {
    /// Types the share's rows in one pass: every column of a row while its cells are in the
    /// cache (a pass per column read the whole table from memory again each time).
    fn type_share(&self, mut share: Share<'_>) -> Typed {
        let cells = &self.table.rows;
        let decimal = self.table.source.decimal();
        let mut blank = Vec::new();
        let mut score_exclusions = Exclusions::new(&self.table.headers[self.score]);
        let mut weight_exclusions = Exclusions::new(self.weight.map_or("", |c| self.table.headers[c].as_str()));
        let mut any_usable_weight = false;
        let mut encoders: Vec<LabelEncoder<'_>> = self.segments.iter().map(|_| LabelEncoder::default()).collect();
        let mut metric_exclusions: Vec<Exclusions> =
            self.metrics.iter().map(|&(c, _)| Exclusions::new(&self.table.roles[c].column)).collect();
        let mut comments: Vec<Vec<String>> =
            self.comments.iter().map(|_| Vec::with_capacity(share.rows.len())).collect();
        let misaligned = &self.table.misaligned_rows;
        for (k, r) in share.rows.clone().enumerate() {
            let row = cells.row_cells(r);
            if row.is_blank() {
                blank.push(r);
                comments.iter_mut().for_each(|texts| texts.push(String::new()));
                continue;
            }
            let number = u32::try_from(cells.row_number(r)).unwrap_or(u32::MAX);
            share.row_numbers[k] = number;
            // A row whose fields do not line up with the header is left out of every figure:
            // its cells belong to other columns than they stand in.
            if !misaligned.is_empty()
                && let Ok(i) = misaligned.binary_search_by_key(&r, |&(row, _)| row)
            {
                let said = format!("{}/{}", misaligned[i].1, self.table.fields);
                score_exclusions.add(ExclusionReason::FieldCount, number as usize, &said);
                share.score_values[k] = NO_SCORE;
                share.score_reasons[k] = reason_code(ExclusionReason::FieldCount);
                for (encoder, codes) in encoders.iter_mut().zip(share.codes.iter_mut()) {
                    codes[k] = encoder.code(BLANK_LABEL);
                }
                comments.iter_mut().for_each(|texts| texts.push(String::new()));
                continue;
            }
            let cell = row.get(self.score);
            match parse_score_in(cell, decimal) {
                Ok(score) => {
                    share.score_values[k] = score;
                    share.score_reasons[k] = COUNTED;
                }
                Err(reason) => {
                    score_exclusions.add(reason, number as usize, cell);
                    share.score_values[k] = NO_SCORE;
                    share.score_reasons[k] = reason_code(reason);
                }
            }
            if let (Some((c, order)), Some(days)) = (self.date, share.days.as_deref_mut()) {
                days[k] = parse_date(row.get(c), order).and_then(|d| i32::try_from(d).ok());
            }
            for ((encoder, &c), codes) in encoders.iter_mut().zip(&self.segments).zip(share.codes.iter_mut()) {
                let v = crate::import::table::trim_cell(row.get(c));
                codes[k] = encoder.code(if v.is_empty() { BLANK_LABEL } else { v });
            }
            for ((&(c, kind), values), left_out) in
                self.metrics.iter().zip(share.metrics.iter_mut()).zip(&mut metric_exclusions)
            {
                let cell = row.get(c);
                values[k] = match metric_value(cell, kind.scale(), decimal) {
                    Some(Ok(v)) => v,
                    Some(Err(reason)) => {
                        left_out.add(reason, number as usize, cell);
                        0
                    }
                    None => 0,
                };
            }
            if let (Some(c), Some(weights)) = (self.weight, share.weights.as_deref_mut()) {
                let cell = row.get(c);
                if let Some(w) = weight_value(cell, self.weight_decimal) {
                    weights[k] = w;
                    any_usable_weight = true;
                } else {
                    // Only answers that would have counted are left out because of the weight.
                    if share.score_reasons[k] == COUNTED {
                        weight_exclusions.add(ExclusionReason::InvalidWeight, number as usize, cell);
                        share.score_values[k] = NO_SCORE;
                        share.score_reasons[k] = reason_code(ExclusionReason::InvalidWeight);
                    }
                    // Its metric answers leave the (weighted) summaries too.
                    share.metrics.iter_mut().for_each(|values| values[k] = 0);
                }
            }
            for (texts, &c) in comments.iter_mut().zip(&self.comments) {
                texts.push(row.get(c).trim().to_owned());
            }
        }
        let labels = encoders.into_iter().zip(share.codes).map(|(encoder, codes)| encoder.finish(codes)).collect();
        Typed { blank, score_exclusions, weight_exclusions, any_usable_weight, labels, metric_exclusions, comments }
    }
}

impl Survey {
    /// Builds the survey from an imported table with every column its role asks for.
    pub fn from_table(table: &ImportedTable) -> Result<Self, AnalysisError> {
        Self::from_table_with(table, &[], &SurveyParts::default())
    }

    /// As [`Self::from_table`], typing only `parts`, and also coding the columns named in
    /// `extra_segments` as segments whatever their role (a `--by` or filter column the user names
    /// explicitly).
    pub fn from_table_with(
        table: &ImportedTable,
        extra_segments: &[String],
        parts: &SurveyParts,
    ) -> Result<Self, AnalysisError> {
        let rows = &table.rows;
        let all = rows.row_count();
        let column_of = |role: Role| table.roles.iter().position(|r| r.role == role);
        let segment_columns: Vec<(usize, &ColumnRole)> = table
            .roles
            .iter()
            .enumerate()
            .filter(|(_, role)| {
                let wanted = match &parts.segments {
                    None => matches!(role.role, Role::Sector | Role::Segment),
                    Some(names) => names.contains(&role.column),
                };
                wanted || extra_segments.contains(&role.column)
            })
            .fold(Vec::new(), |mut chosen, (c, role)| {
                if !chosen.iter().any(|(_, r): &(usize, &ColumnRole)| r.column == role.column) {
                    chosen.push((c, role));
                }
                chosen
            });
        let (weight, decimal) = (column_of(Role::Weight), table.source.decimal());
        let plan = TypingPlan {
            table,
            score: table.score_column,
            segments: segment_columns.iter().map(|&(c, _)| c).collect(),
            date: column_of(Role::Date)
                .filter(|_| parts.dates)
                .map(|c| (c, table.roles[c].date_order.unwrap_or(DateOrder::Iso))),
            metrics: table
                .roles
                .iter()
                .enumerate()
                .filter(|_| parts.metrics)
                .filter_map(|(c, role)| MetricKind::of(role.role).map(|kind| (c, kind)))
                .collect(),
            comments: table
                .roles
                .iter()
                .enumerate()
                .filter(|(_, r)| parts.comments && r.role == Role::Comment)
                .map(|(c, _)| c)
                .collect(),
            weight,
            weight_decimal: weight.map_or(decimal, |c| decimal.of_column(&table.rows, c)),
        };
        let mut row_numbers = vec![0u32; all];
        // Zeroed vectors come from the system untouched: each thread writes (and so maps) the
        // pages of its own half.
        let mut score_values = vec![0u8; all];
        let mut score_reasons = vec![0u8; all];
        let mut weights: Option<Vec<f64>> = plan.weight.map(|_| vec![0.0; all]);
        let mut days: Option<Vec<Option<i32>>> = plan.date.map(|_| vec![None; all]);
        let mut codes: Vec<Vec<u32>> = plan.segments.iter().map(|_| vec![0; all]).collect();
        let mut metric_values: Vec<Vec<u8>> = plan.metrics.iter().map(|_| vec![0; all]).collect();
        // A large file's rows are typed in two halves at once, each straight into its half of
        // the columns; the halves' labels, exclusions and comments are then joined.
        let middle = if all >= SPLIT_FROM_ROWS { all / 2 } else { all };
        let (first, second) = {
            let (r1, r2) = row_numbers.split_at_mut(middle);
            let (v1, v2) = score_values.split_at_mut(middle);
            let (e1, e2) = score_reasons.split_at_mut(middle);
            let (w1, w2) = split_optional(weights.as_deref_mut(), middle);
            let (d1, d2) = split_optional(days.as_deref_mut(), middle);
            let (c1, c2): (Vec<_>, Vec<_>) = codes.iter_mut().map(|c| c.split_at_mut(middle)).unzip();
            let (m1, m2): (Vec<_>, Vec<_>) = metric_values.iter_mut().map(|m| m.split_at_mut(middle)).unzip();
            let first = Share {
                rows: 0..middle,
                row_numbers: r1,
                score_values: v1,
                score_reasons: e1,
                weights: w1,
                days: d1,
                codes: c1,
                metrics: m1,
            };
            let second = Share {
                rows: middle..all,
                row_numbers: r2,
                score_values: v2,
                score_reasons: e2,
                weights: w2,
                days: d2,
                codes: c2,
                metrics: m2,
            };
            let plan = &plan;
            if second.rows.is_empty() {
                (plan.type_share(first), None)
            } else {
                let (earlier, later) =
                    crate::parallel::both(|| plan.type_share(first), move || plan.type_share(second));
                (earlier, Some(later))
            }
        };
        let mut typed = first;
        if let Some(mut later) = second {
            let labels = std::mem::take(&mut typed.labels);
            typed.labels = labels
                .into_iter()
                .zip(std::mem::take(&mut later.labels))
                .zip(&mut codes)
                .map(|((a, b), codes)| {
                    let (union, to_a, to_b) = merge_labels(a, b);
                    let (earlier, later) = codes.split_at_mut(middle);
                    recode(earlier, &to_a);
                    recode(later, &to_b);
                    union
                })
                .collect();
            typed.append(later);
        }
        // Blank rows are not respondents: out of every column.
        let blank = std::mem::take(&mut typed.blank);
        remove_positions(&mut row_numbers, &blank);
        remove_positions(&mut score_values, &blank);
        remove_positions(&mut score_reasons, &blank);
        weights.iter_mut().for_each(|w| remove_positions(w, &blank));
        days.iter_mut().for_each(|d| remove_positions(d, &blank));
        codes.iter_mut().for_each(|c| remove_positions(c, &blank));
        metric_values.iter_mut().for_each(|m| remove_positions(m, &blank));
        typed.comments.iter_mut().for_each(|t| remove_positions(t, &blank));
        let count = row_numbers.len();
        let mut columns = FrameColumns {
            row_numbers,
            score_values,
            score_reasons,
            score_name: table.headers[table.score_column].clone(),
            weights: None,
            days: None,
            segments: Vec::new(),
            metrics: Vec::new(),
            comments: Vec::new(),
            respondents: column_of(Role::RespondentId).map(|c| {
                let mut cells: Vec<&str> = (0..all).map(|r| rows.cell(r, c)).collect();
                remove_positions(&mut cells, &blank);
                RespondentIds::encode(&table.headers[c], cells)
            }),
        };
        let mut exclusions = typed.score_exclusions.finish();
        if let (Some(c), Some(weights)) = (plan.weight, weights) {
            let name = table.headers[c].clone();
            if count > 0 && !typed.any_usable_weight {
                return Err(AnalysisError::NoValidWeights { place: table.source.place(), column: name });
            }
            exclusions.extend(typed.weight_exclusions.finish());
            columns.weights = Some((name, weights));
        }
        let metric_exclusions: Vec<ExclusionGroup> =
            typed.metric_exclusions.into_iter().flat_map(Exclusions::finish).collect();
        columns.days = plan.date.zip(days).map(|((c, _), days)| (table.headers[c].clone(), days));
        columns.segments = segment_columns
            .iter()
            .zip(typed.labels)
            .zip(codes)
            .map(|(((_, role), labels), codes)| (role.column.clone(), role.role == Role::Sector, labels, codes))
            .collect();
        columns.metrics = plan
            .metrics
            .iter()
            .zip(metric_values)
            .map(|(&(c, kind), values)| (table.roles[c].column.clone(), kind, values))
            .collect();
        columns.comments = plan
            .comments
            .iter()
            .zip(typed.comments)
            .map(|(&c, texts)| (table.roles[c].column.clone(), texts))
            .collect();

        let mut survey = Self::with_exclusions(columns, table.source.clone(), table.facts(), exclusions)?;
        survey.metric_exclusions = metric_exclusions;
        survey.all_headers = table.headers.clone();
        survey.header_row = table.header_row;
        if let (Some(c), Some(undated)) = (column_of(Role::Date), survey.undated.as_mut()) {
            // Examples show what the date cells held.
            for example in &mut undated.examples {
                if let Some(r) = (0..all).find(|&r| rows.row_number(r) == example.row) {
                    example.value = rows.cell(r, c).to_owned();
                }
            }
        }
        Ok(survey)
    }
}
