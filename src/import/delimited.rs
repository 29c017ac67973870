//! Reader for delimited text exports (CSV, TSV, TXT): delimiter sniffing and cell parsing with
//! quoted cells that may hold delimiters, doubled quotes and line breaks.
//!
//! Owns only the text-to-cells step; encoding is decided by `text`, meaning by `roles`.

use std::sync::atomic::{AtomicBool, Ordering};

use super::table::{CellTable, FAR_END, near_end};

/// Delimiters a survey export may use, in order of preference when two fit equally well.
pub const CANDIDATE_DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the sniffer looks at.
const SNIFF_RECORDS: usize = 50;

/// How much of the start of a text the delimiter is sniffed from.
const SNIFF_BYTES: usize = 256 * 1024;

/// Picks the delimiter that splits the first records of `text` into the most consistent number
/// of fields (at least two).
#[must_use]
pub fn sniff_delimiter(text: &str) -> u8 {
    sniff(text).0
}

/// The sniffed delimiter and its most common number of fields a record (0 when no delimiter
/// gives records of two fields or more, and `,` is picked).
fn sniff(text: &str) -> (u8, usize) {
    let mut sample_end = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(sample_end) {
        sample_end -= 1;
    }
    let sample = &text[..sample_end];
    let mut best = (b',', 0usize, 0usize);
    for &delimiter in &CANDIDATE_DELIMITERS {
        let counts = field_counts(sample, delimiter);
        let (mode, frequency) = mode_of(&counts);
        if mode < 2 {
            continue;
        }
        if (frequency, mode) > (best.1, best.2) {
            best = (delimiter, frequency, mode);
        }
    }
    (best.0, best.2)
}

fn field_counts(sample: &str, delimiter: u8) -> Vec<usize> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(sample.as_bytes());
    let mut counts = Vec::new();
    let mut record = csv::ByteRecord::new();
    // The last record of a cut sample may be partial: leave it out when there are others.
    while counts.len() < SNIFF_RECORDS + 1 {
        match reader.read_byte_record(&mut record) {
            Ok(true) if record.iter().any(|f| !f.is_empty()) || record.len() > 1 => {
                counts.push(record.len());
            }
            Ok(true) => {}
            Ok(false) | Err(_) => break,
        }
    }
    if counts.len() > SNIFF_RECORDS {
        counts.pop();
    }
    counts
}

fn mode_of(counts: &[usize]) -> (usize, usize) {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    let mut best = (0, 0);
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&c| c == sorted[i]).count();
        if j > best.1 || (j == best.1 && sorted[i] > best.0) {
            best = (sorted[i], j);
        }
        i += j;
    }
    best
}

/// Text below this size is parsed on one thread; above it, in two halves at once.
const PARALLEL_FROM_BYTES: usize = 8 << 20;

/// Parses delimited text into a cell table, calling `progress` with the share done (0..1) now and
/// then; `progress` returning `false` cancels, and then `None` is returned.
///
/// The text itself becomes the table's text: cells stay where they are, one delimiter apart, and
/// only a row holding a quoted cell is rewritten (its quotes taken out, the rest of the row moved
/// up). So the table holds no second copy of the file, the peak stays near the file's size plus
/// two bytes a cell (where each cell ends in its row), and a cell costs one bit scan of a 64-byte
/// window's stop bytes instead of a loop over its characters. The rules are the csv
/// crate's (`flexible`, no header, `"` quoting with `""` escapes, `\r`, `\n` or `\r\n` ending a
/// record, blank lines skipped), as a test checks against it.
///
/// Large text is split at a record boundary near its middle and the halves are parsed on two
/// threads; the boundary is found by the same quoting rules, so the result is identical to a
/// single pass.
pub fn parse_delimited(text: String, delimiter: u8, progress: &mut dyn FnMut(f32) -> bool) -> Option<CellTable> {
    parse_delimited_text(text, delimiter, progress).map(|parsed| parsed.table)
}

/// Delimited text parsed into cells.
#[derive(Debug)]
pub struct DelimitedCells {
    /// The cells.
    pub table: CellTable,
    /// The text ended inside a quoted cell: a quote opened the last row's last cell and was
    /// never closed, so everything after it was read as that one cell.
    pub open_quote: bool,
}

/// As [`parse_delimited`], also saying whether a quote was left open.
pub fn parse_delimited_text(
    text: String,
    delimiter: u8,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<DelimitedCells> {
    let bytes = text.into_bytes();
    let split = split_point(&bytes, delimiter);
    // An exact split is never misplaced: the only error is cancelling.
    parse_bytes(bytes, delimiter, split, progress)
        .inspect_err(|e| debug_assert!(matches!(e, NotParsed::Cancelled), "{e:?} after an exact split"))
        .ok()
}

/// Why [`parse_utf8_bytes`] gives no cells.
#[derive(Debug)]
pub enum NotParsed {
    /// The bytes are not UTF-8: here they are, untouched.
    NotUtf8(Vec<u8>),
    /// The guessed split point was inside a quoted cell holding a line break, so the second half
    /// was parsed from the wrong place, and both halves' bytes are spent (parsing rewrites them):
    /// read them again and parse them without a guess.
    Misplit,
    /// `progress` asked to stop.
    Cancelled,
}

/// Text not yet known to be UTF-8 (without a byte-order mark) parsed as delimited text, with the
/// delimiter sniffed from its start; `checked` when the bytes are known to be UTF-8 already.
/// Otherwise the UTF-8 check runs on one core while the other looks for the split point, where
/// checking first made both wait in turn.
///
/// `can_read_again`: the caller can have the same bytes again (from the file). Checked bytes
/// are then split at a guess (see `guessed_split`), and both halves start at once: finding the
/// exact record boundary first cost one core a pass over the first half (5 to 15 ms for 80 MB)
/// while the other waited. The first half's own parse tells whether the guess was a record
/// boundary: it was unless that half ends inside a quoted cell (its last line break was then
/// inside the quotes). Only then, with [`NotParsed::Misplit`], is the file read again.
pub fn parse_utf8_bytes(
    bytes: Vec<u8>,
    checked: bool,
    can_read_again: bool,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<(DelimitedCells, u8), NotParsed> {
    let Some(head) = utf8_head(&bytes, SNIFF_BYTES) else { return Err(NotParsed::NotUtf8(bytes)) };
    let (delimiter, fields) = sniff(head);
    let (valid, split) = if checked && can_read_again {
        (true, guessed_split(&bytes, delimiter, fields).or_else(|| split_point(&bytes, delimiter)))
    } else if checked {
        (true, split_point(&bytes, delimiter))
    } else if bytes.len() >= PARALLEL_FROM_BYTES {
        let (split, valid) =
            crate::parallel::both(|| split_point(&bytes, delimiter), || std::str::from_utf8(&bytes).is_ok());
        (valid, split)
    } else {
        (std::str::from_utf8(&bytes).is_ok(), None)
    };
    if !valid {
        return Err(NotParsed::NotUtf8(bytes));
    }
    parse_bytes(bytes, delimiter, split, progress).map(|parsed| (parsed, delimiter))
}

/// The longest UTF-8 start of `bytes` within `most` bytes (a character cut at the limit is left
/// out); `None` when those bytes are not UTF-8.
fn utf8_head(bytes: &[u8], most: usize) -> Option<&str> {
    let head = &bytes[..bytes.len().min(most)];
    match std::str::from_utf8(head) {
        Ok(text) => Some(text),
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok(),
        Err(_) => None,
    }
}

/// How many lines after the middle [`guessed_split`] tries.
const GUESS_LINES: usize = 4096;

/// Where a large text is split for two threads when it can be read again: just after a line
/// break from its middle on, where the next line reads as one whole record of `fields` fields
/// (the usual count at the text's start). A line inside a quoted cell seldom does, so the guess
/// is seldom wrong, and a wrong guess is caught (see [`parse_utf8_bytes`]). `None` when none of
/// the first [`GUESS_LINES`] lines does.
fn guessed_split(bytes: &[u8], delimiter: u8, fields: usize) -> Option<usize> {
    if bytes.len() < PARALLEL_FROM_BYTES || fields < 2 {
        return None;
    }
    let mut from = bytes.len() / 2;
    for _ in 0..GUESS_LINES {
        let start = from + memchr::memchr(b'\n', &bytes[from..])? + 1;
        let end = start + memchr::memchr(b'\n', &bytes[start..])?;
        if reads_as_one_record(&bytes[start..end], delimiter, fields) {
            return Some(start);
        }
        from = start;
    }
    None
}

/// Whether `line`, read from its start outside quotes, closes every quote it opens and holds
/// `fields` fields.
fn reads_as_one_record(line: &[u8], delimiter: u8, fields: usize) -> bool {
    let (mut quoted, mut count) = (false, 1);
    for &byte in line {
        if byte == b'"' {
            quoted = !quoted;
        } else if byte == delimiter && !quoted {
            count += 1;
        }
    }
    !quoted && count == fields
}

/// Where a large text is split for two threads: a record boundary near its middle.
fn split_point(bytes: &[u8], delimiter: u8) -> Option<usize> {
    (bytes.len() >= PARALLEL_FROM_BYTES)
        .then(|| record_boundary_after(bytes, bytes.len() / 2, delimiter))
        .flatten()
        .filter(|&at| at < bytes.len())
}

/// Parses UTF-8 `bytes`, split at `split` (a line break's end) or whole.
fn parse_bytes(
    bytes: Vec<u8>,
    delimiter: u8,
    split: Option<usize>,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DelimitedCells, NotParsed> {
    // One array for every cell's end, sized by an estimate: a part writes into its share of it
    // (its pages are only touched where written) and spills over into a vector of its own.
    let ends = vec![0u16; expected_cells_and_rows(&bytes, delimiter).0];
    match split {
        Some(split) => parse_halves(bytes, ends, split, delimiter, progress),
        None => parse_whole(bytes, ends, delimiter, progress),
    }
}

/// Parses all of `bytes` on this thread, with `ends` as the share for the cell ends.
fn parse_whole(
    mut bytes: Vec<u8>,
    mut ends: Vec<u16>,
    delimiter: u8,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DelimitedCells, NotParsed> {
    let parsed = parse_in_place(&mut bytes, delimiter, 0, &mut ends, progress).ok_or(NotParsed::Cancelled)?;
    ends.truncate(parsed.cells_in_slots);
    ends.extend_from_slice(&parsed.spilled);
    let open_quote = parsed.open_quote;
    Ok(DelimitedCells { table: parsed.into_table(into_text(bytes), ends), open_quote })
}

/// Parses `bytes[..split]` and `bytes[split..]` on two threads and joins them. `split` is just
/// after a line break: when the first half does not end inside a quoted cell, that line break
/// ended a record, the halves were parsed exactly as one pass would have, and they are joined;
/// otherwise both halves are spent ([`NotParsed::Misplit`]). The first half's parse is the
/// proof because it reads no byte past the line break: a quote it opens closes inside it, or
/// it ends open.
fn parse_halves(
    mut bytes: Vec<u8>,
    mut ends: Vec<u16>,
    split: usize,
    delimiter: u8,
    progress: &mut dyn FnMut(f32) -> bool,
) -> Result<DelimitedCells, NotParsed> {
    let head_slots = (ends.len() as f64 * split as f64 / bytes.len() as f64) as usize;
    let (head, tail) = bytes.split_at_mut(split);
    let (head_ends, tail_ends) = ends.split_at_mut(head_slots);
    let cancelled = AtomicBool::new(false);
    let (head_parsed, tail_parsed) = crate::parallel::both(
        || {
            parse_in_place(head, delimiter, 0, head_ends, &mut |done| {
                let go_on = progress(done * 0.95);
                if !go_on {
                    cancelled.store(true, Ordering::Relaxed);
                }
                go_on
            })
        },
        || parse_in_place(tail, delimiter, split, tail_ends, &mut |_| !cancelled.load(Ordering::Relaxed)),
    );
    let mut parsed = head_parsed.ok_or(NotParsed::Cancelled)?;
    let tail_parsed = tail_parsed.ok_or(NotParsed::Cancelled)?;
    if parsed.open_quote {
        return Err(NotParsed::Misplit);
    }
    // Both halves' cells stay where they are in the text; only the gap between their shares of
    // the ends array closes, on this core while the other checks the text is UTF-8.
    let ((), text) = crate::parallel::both(
        || {
            let cell_base = join_ends(&mut ends, &parsed, &tail_parsed, head_slots);
            parsed.append(tail_parsed, cell_base);
        },
        move || into_text(bytes),
    );
    let open_quote = parsed.open_quote;
    Ok(DelimitedCells { table: parsed.into_table(text, ends), open_quote })
}

/// The parsed bytes as the table's text. Only ASCII quotes were taken out of valid UTF-8, and the
/// bytes a shortened row left behind became spaces, so the text is valid UTF-8 too; the lossy
/// branch is never taken.
fn into_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Joins the halves' cell ends in `ends`, the head's share starting at 0 and the tail's at
/// `tail_slots`; gives the index of the tail's first cell.
fn join_ends(ends: &mut Vec<u16>, head: &Parsed, tail: &Parsed, tail_slots: usize) -> usize {
    let cell_base = if head.spilled.is_empty() {
        let (to, count) = (head.cells_in_slots, tail.cells_in_slots);
        ends.copy_within(tail_slots..tail_slots + count, to);
        ends.truncate(to + count);
        to
    } else {
        // The head had more cells than estimated: its spilled ends go between the two shares.
        let tail_cells: Vec<u16> = ends[tail_slots..tail_slots + tail.cells_in_slots].to_vec();
        ends.truncate(head.cells_in_slots);
        ends.extend_from_slice(&head.spilled);
        let base = ends.len();
        ends.extend_from_slice(&tail_cells);
        base
    };
    ends.extend_from_slice(&tail.spilled);
    cell_base
}

/// The cells of one part of the text, parsed in place: each row's cells stay where the row
/// starts, one byte apart; a row holding a quoted cell is rewritten without its quotes.
struct Parsed {
    /// Cells whose end went into the part's share of the ends array (the first ones).
    cells_in_slots: usize,
    /// Ends of the cells after those, when the share was full.
    spilled: Vec<u16>,
    /// The cells ending [`FAR_END`] bytes or more into their row: (index among the part's
    /// cells, offset in the whole text).
    far_ends: Vec<(u32, u32)>,
    /// Index of each row's first cell among the part's cells, and one past the last row.
    row_starts: Vec<u32>,
    /// Where each row's first cell starts in the whole text.
    row_text: Vec<u32>,
    rows: usize,
    /// Rows as a spreadsheet shows them, blank lines included: the row number of the part's
    /// last record or blank line.
    lines: u32,
    /// Each record's row number, listed only once a blank line has made them differ from
    /// 1, 2, 3...
    numbers: Option<Vec<u32>>,
    column_count: usize,
    /// The part ended inside a quoted cell.
    open_quote: bool,
}

impl Parsed {
    /// The cells written so far.
    fn cell_count(&self) -> usize {
        self.cells_in_slots + self.spilled.len()
    }

    /// Records where a cell ends, `from_row_start` bytes into a row that starts at `row_start`
    /// in the whole text: in the share while it has room, else spilled.
    fn push_end(&mut self, slots: &mut [u16], from_row_start: usize, row_start: u32) {
        let near = near_end(from_row_start);
        if near == FAR_END {
            self.far_ends.push((offset(self.cell_count()), row_start + offset(from_row_start)));
        }
        match slots.get_mut(self.cells_in_slots) {
            Some(slot) => {
                *slot = near;
                self.cells_in_slots += 1;
            }
            None => self.spilled.push(near),
        }
    }

    /// Runs through the cells of a row from `*read`, a cell start with nothing in the row moved,
    /// while they hold no quote: each cell's end is recorded. True when the record ended (`*read`
    /// is then at its line break or the text's end); false at a cell holding a quote (`*read` is
    /// then that cell's start, for the slow path).
    #[allow(clippy::too_many_arguments)]
    fn unquoted_cells(
        &mut self,
        buf: &[u8],
        stops: &mut Stops,
        read: &mut usize,
        row_start: usize,
        row_base: u32,
        slots: &mut [u16],
        delimiter: u8,
    ) -> bool {
        let mut stop = stops.next(buf, *read);
        loop {
            let byte = buf.get(stop).copied();
            if byte == Some(b'"') {
                return false;
            }
            self.push_end(slots, stop - row_start, row_base);
            if byte != Some(delimiter) {
                *read = stop;
                return true;
            }
            *read = stop + 1;
            stop = stops.after(buf, stop);
        }
    }

    /// Appends a later part whose cells are numbered from `cell_base` on.
    fn append(&mut self, tail: Parsed, cell_base: usize) {
        let cell_base = offset(cell_base);
        self.row_starts.pop();
        self.row_starts.extend(tail.row_starts.iter().map(|&s| s + cell_base));
        self.row_text.extend_from_slice(&tail.row_text);
        self.far_ends.extend(tail.far_ends.iter().map(|&(cell, end)| (cell + cell_base, end)));
        if self.numbers.is_some() || tail.numbers.is_some() {
            let lines = self.lines;
            let tail_numbers = tail.numbers.unwrap_or_else(|| (1..=offset(tail.rows)).collect());
            self.listed_numbers().extend(tail_numbers.iter().map(|n| n + lines));
        }
        self.rows += tail.rows;
        self.lines += tail.lines;
        self.open_quote = tail.open_quote;
        self.column_count = self.column_count.max(tail.column_count);
    }

    /// The records' row numbers, listed from now on.
    fn listed_numbers(&mut self) -> &mut Vec<u32> {
        let rows = self.rows;
        self.numbers.get_or_insert_with(|| (1..=offset(rows)).collect())
    }

    /// A blank line between records: a row of its own in a spreadsheet.
    fn blank_line(&mut self) {
        self.listed_numbers();
        self.lines += 1;
    }

    /// The table over `text`, with every cell's end in `ends`.
    fn into_table(mut self, text: String, mut ends: Vec<u16>) -> CellTable {
        // Give back what the estimates reserved.
        ends.shrink_to_fit();
        self.row_starts.shrink_to_fit();
        self.row_text.shrink_to_fit();
        CellTable::from_parts(
            text,
            (ends, self.far_ends),
            (self.row_starts, self.row_text),
            self.column_count,
            self.numbers,
        )
    }
}

/// Narrows an offset; parts are far below 4 GiB (the import refuses larger files).
fn offset(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// Where a text holds one of four bytes (for the parser, those that end an unquoted cell: the
/// delimiter, `\n` and `\r`; and the quote, which a cell needs the slow path for), found 64 bytes
/// at a time: one bit per byte of a window of the text, so that a cell costs a bit scan rather
/// than a loop over its bytes.
struct Stops {
    /// The bytes looked for.
    bytes: [u8; 4],
    /// Where the current window starts.
    start: usize,
    /// Bit `i` is set when byte `start + i` is one of the bytes.
    mask: u64,
}

impl Stops {
    /// The bytes that end an unquoted cell, and the quote, which sends a cell to the slow path.
    fn new(buf: &[u8], delimiter: u8) -> Self {
        Self::of(buf, [delimiter, b'\n', b'\r', b'"'])
    }

    fn of(buf: &[u8], bytes: [u8; 4]) -> Self {
        Self { bytes, start: 0, mask: window_mask(buf, 0, bytes) }
    }

    /// The first byte at or after `from` that is one of the bytes, or `buf.len()`. `from` never
    /// moves back, and the bytes from `from` on are the ones the windows were computed from (the
    /// parser only writes behind its reading position).
    fn next(&mut self, buf: &[u8], from: usize) -> usize {
        loop {
            // Bytes between `from` and a window that starts after it were passed over, stopless.
            let skip = from.saturating_sub(self.start);
            if skip < 64 {
                let left = self.mask & (u64::MAX << skip);
                if left != 0 {
                    return self.start + left.trailing_zeros() as usize;
                }
            }
            self.start = (self.start + 64).max(from);
            if self.start >= buf.len() {
                self.mask = 0;
                return buf.len();
            }
            self.mask = window_mask(buf, self.start, self.bytes);
        }
    }

    /// The first of the bytes after `at`, a position [`Self::next`] or this gave that holds one
    /// of the bytes (so `at < buf.len()`, inside the current window): the window's next bit,
    /// without working out the skip again.
    fn after(&mut self, buf: &[u8], at: usize) -> usize {
        debug_assert!(at < buf.len() && (self.start..self.start + 64).contains(&at));
        let later = self.mask & ((u64::MAX << (at - self.start)) << 1);
        if later != 0 { self.start + later.trailing_zeros() as usize } else { self.next(buf, at + 1) }
    }
}

/// The bits of `bytes` in the 64 bytes from `start` (which is inside `buf`); bytes past the
/// end have none.
fn window_mask(buf: &[u8], start: usize, bytes: [u8; 4]) -> u64 {
    let rest = &buf[start..];
    if let Some(block) = rest.first_chunk::<64>() {
        block_mask(block, bytes)
    } else {
        let mut block = [0u8; 64];
        block[..rest.len()].copy_from_slice(rest);
        block_mask(&block, bytes) & ((1u64 << rest.len()) - 1)
    }
}

/// Bit `i` set when `block[i]` is one of `bytes`: 16 bytes at a time with SSE2, which every
/// x86-64 processor has.
#[cfg(target_arch = "x86_64")]
fn block_mask(block: &[u8; 64], bytes: [u8; 4]) -> u64 {
    use safe_arch::{cmp_eq_mask_i8_m128i, load_unaligned_m128i, move_mask_i8_m128i, set_splat_i8_m128i};
    let [a, b, c, d] = bytes.map(|byte| set_splat_i8_m128i(i8::from_ne_bytes([byte])));
    block.as_chunks::<16>().0.iter().enumerate().fold(0, |mask, (i, chunk)| {
        let chunk = load_unaligned_m128i(chunk);
        let found = (cmp_eq_mask_i8_m128i(chunk, a) | cmp_eq_mask_i8_m128i(chunk, b))
            | (cmp_eq_mask_i8_m128i(chunk, c) | cmp_eq_mask_i8_m128i(chunk, d));
        mask | (u64::from(move_mask_i8_m128i(found).cast_unsigned() & 0xFFFF) << (16 * i))
    })
}

#[cfg(not(target_arch = "x86_64"))]
fn block_mask(block: &[u8; 64], bytes: [u8; 4]) -> u64 {
    block_mask_words(block, bytes)
}

/// [`block_mask`] eight bytes at a time in plain integer arithmetic, for other processors.
#[cfg_attr(all(target_arch = "x86_64", not(test)), allow(dead_code))]
fn block_mask_words(block: &[u8; 64], [a, b, c, d]: [u8; 4]) -> u64 {
    const LOW7: u64 = repeated(0x7F);
    // The high bit of every zero byte of `x`, exactly (no borrow runs into the next byte).
    let zero_bytes = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
    block.as_chunks::<8>().0.iter().enumerate().fold(0, |mask, (i, chunk)| {
        let word = u64::from_le_bytes(*chunk);
        let high = zero_bytes(word ^ repeated(a))
            | zero_bytes(word ^ repeated(b))
            | zero_bytes(word ^ repeated(c))
            | zero_bytes(word ^ repeated(d));
        // Gather the eight high bits into one byte, byte 0's bit lowest.
        let bits = (high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56;
        mask | (bits << (8 * i))
    })
}

/// A byte repeated in all eight bytes of a word.
const fn repeated(byte: u8) -> u64 {
    (byte as u64) * 0x0101_0101_0101_0101
}

/// How many cells and records `buf` will hold, estimated from its first 64 KiB with a little to
/// spare, so that the tables are allocated once (regrowing a large table briefly holds it twice).
fn expected_cells_and_rows(buf: &[u8], delimiter: u8) -> (usize, usize) {
    let sample = &buf[..buf.len().min(64 * 1024)];
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let cells = memchr::memchr_iter(delimiter, sample).count() + lines;
    let scale = |count: usize| (count as f64 * buf.len() as f64 / sample.len().max(1) as f64 * 1.05) as usize + 16;
    (scale(cells), scale(lines))
}

/// One sequential pass over `buf`, in place: a row's cells stay where they are, unless a quoted
/// cell in it was shortened (its quotes taken out), which moves the rest of the row up behind it.
/// Where each cell ends in its row goes into `slots` while it has room; offsets in the whole text
/// (row starts, far cell ends) add `text_base`, where `buf` starts in it.
fn parse_in_place(
    buf: &mut [u8],
    delimiter: u8,
    text_base: usize,
    slots: &mut [u16],
    progress: &mut dyn FnMut(f32) -> bool,
) -> Option<Parsed> {
    let n = buf.len();
    let total = n.max(1) as f32;
    let (_, rows) = expected_cells_and_rows(buf, delimiter);
    let base = offset(text_base);
    let mut parsed = Parsed {
        cells_in_slots: 0,
        spilled: Vec::new(),
        far_ends: Vec::new(),
        row_starts: Vec::with_capacity(rows + 1),
        row_text: Vec::with_capacity(rows),
        rows: 0,
        lines: 0,
        numbers: None,
        column_count: 0,
        open_quote: false,
    };
    parsed.row_starts.push(0);
    let mut stops = Stops::new(buf, delimiter);
    let mut read = 0usize;
    let mut record_number = 0u32;
    while read < n {
        // Between records: a line break here ends a blank line, which is skipped but keeps its
        // row number, as a spreadsheet shows it.
        if matches!(buf[read], b'\n' | b'\r') {
            if buf[read] == b'\r' && buf.get(read + 1) == Some(&b'\n') {
                read += 1;
            }
            read += 1;
            parsed.blank_line();
            continue;
        }
        record_number += 1;
        let first_cell = parsed.cell_count();
        let row_start = read;
        let row_base = offset(row_start) + base;
        parsed.row_text.push(row_base);
        // Where the current cell's text goes: `read` itself until a quoted cell is shortened.
        let mut write = read;
        loop {
            if write == read {
                // Nothing in the row has moved: its cells without a quote are only found.
                let row_over = parsed.unquoted_cells(buf, &mut stops, &mut read, row_start, row_base, slots, delimiter);
                write = read;
                if row_over {
                    break;
                }
            }
            if read < n && buf[read] == b'"' {
                // A quoted cell: up to the closing quote, `""` being one quote.
                read += 1;
                loop {
                    match memchr::memchr(b'"', &buf[read..]) {
                        None => {
                            buf.copy_within(read..n, write);
                            write += n - read;
                            read = n;
                            parsed.open_quote = true;
                            break;
                        }
                        Some(at) => {
                            buf.copy_within(read..read + at, write);
                            write += at;
                            read += at + 1;
                            if read < n && buf[read] == b'"' {
                                buf[write] = b'"';
                                write += 1;
                                read += 1;
                            } else {
                                break;
                            }
                        }
                    }
                }
            }
            // Unquoted text, or text after a closing quote, belongs to the cell as it is, with any
            // quote in it.
            let mut stop = stops.next(buf, read);
            while buf.get(stop) == Some(&b'"') {
                stop = stops.after(buf, stop);
            }
            if write != read {
                buf.copy_within(read..stop, write);
            }
            write += stop - read;
            read = stop;
            parsed.push_end(slots, write - row_start, row_base);
            if buf.get(read) == Some(&delimiter) {
                buf[write] = delimiter;
                write += 1;
                read += 1;
                continue;
            }
            break;
        }
        // The row is over, at a line break or the end of the text. What a shortened row left
        // behind becomes spaces, so that the text stays UTF-8 whatever characters the leftovers
        // cut through.
        if write != read {
            buf[write..read].fill(b' ');
        }
        if buf.get(read) == Some(&b'\r') && buf.get(read + 1) == Some(&b'\n') {
            read += 1;
        }
        read += 1;
        parsed.row_starts.push(offset(parsed.cell_count()));
        parsed.rows += 1;
        parsed.lines += 1;
        let line = parsed.lines;
        if let Some(numbers) = &mut parsed.numbers {
            numbers.push(line);
        }
        parsed.column_count = parsed.column_count.max(parsed.cell_count() - first_cell);
        if record_number.is_multiple_of(65_536) && !progress(read as f32 / total) {
            return None;
        }
    }
    Some(parsed)
}

/// Where `text` holds a `"`, in order, found 64 bytes at a time: a file with a quoted comment
/// on every other row has hundreds of thousands before its middle, where a search per quote
/// cost more than the bits of a window.
fn quote_positions(text: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut quotes = Stops::of(text, [b'"'; 4]);
    let mut from = 0;
    std::iter::from_fn(move || {
        let at = quotes.next(text, from);
        from = at + 1;
        (at < text.len()).then_some(at)
    })
}

/// The byte just after the first line break at or after `from` that ends a record, following the
/// csv parser's rules: a quote opens a quoted field only at the start of a field, `""` inside
/// quotes is a literal quote, and line breaks inside quotes belong to the field.
fn record_boundary_after(text: &[u8], from: usize, delimiter: u8) -> Option<usize> {
    let mut in_quotes = false;
    let mut outside_since = 0;
    let mut quotes = quote_positions(text);
    loop {
        let next_quote = quotes.next();
        if !in_quotes {
            let start = outside_since.max(from);
            let stop = next_quote.unwrap_or(text.len());
            if start < stop
                && let Some(at) = memchr::memchr(b'\n', &text[start..stop])
            {
                return Some(start + at + 1);
            }
        }
        let q = next_quote?;
        if in_quotes {
            if text.get(q + 1) == Some(&b'"') {
                quotes.next();
            } else {
                in_quotes = false;
                outside_since = q + 1;
            }
        } else if q == 0 || matches!(text[q - 1], b'\n' | b'\r') || text[q - 1] == delimiter {
            in_quotes = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> CellTable {
        parse_delimited(text.to_owned(), sniff_delimiter(text), &mut |_| true).unwrap_or_default()
    }

    /// The csv crate's reading of `text`, the rules the in-place parser follows.
    fn csv_crate(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap() {
            let cells = record.iter().map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
            rows.push((rows.len() + 1, cells));
        }
        rows
    }

    /// One pass over `text` without the split.
    fn one_pass(text: &str, delimiter: u8) -> CellTable {
        let slots = expected_cells_and_rows(text.as_bytes(), delimiter).0;
        parse_whole(text.as_bytes().to_vec(), vec![0; slots], delimiter, &mut |_| true).unwrap().table
    }

    #[test]
    fn cell_ends_that_overflow_the_estimate_spill_over_unchanged() {
        let whole = one_pass(AWKWARD, b';');
        for slots in [0, 1, 5] {
            let table = parse_whole(AWKWARD.as_bytes().to_vec(), vec![0; slots], b';', &mut |_| true).unwrap().table;
            assert_eq!(unpadded(&table), unpadded(&whole), "{slots} slots");
        }
    }

    /// Cells as the table reads them back, with each row's spreadsheet row number.
    fn unpadded(table: &CellTable) -> Vec<(usize, Vec<String>)> {
        (0..table.row_count())
            .map(|r| {
                let mut row: Vec<String> = table.row(r).map(str::to_owned).collect();
                row.truncate(table.row_width(r));
                (table.row_number(r), row)
            })
            .collect()
    }

    /// The cells alone (the csv crate numbers records, not rows, so blank lines differ).
    fn cells_only(rows: Vec<(usize, Vec<String>)>) -> Vec<Vec<String>> {
        rows.into_iter().map(|(_, cells)| cells).collect()
    }

    const AWKWARD: &str = "id;comment;score\r\n1;\"te laat\ngeleverd; echt\";6\r\n2;5\" scherm;9\n3;\"zei \"\"top\"\"\n\";10\n\
                           4;\"\";8\n5;\"a\"b\nc;7\n6;x;\"\"\"\n\"\n\n\r\n7;laatste;3\r8;;\n;\n\"open";

    #[test]
    fn cells_are_read_as_the_csv_crate_reads_them() {
        assert_eq!(cells_only(unpadded(&one_pass(AWKWARD, b';'))), cells_only(csv_crate(AWKWARD, b';')));
        for text in
            ["", "\n\n", "a", "a,", ",", "\"\"", "\"", "\"a\"\"", "x\r\n\r\ny", "\"a\"b\"c\",d", "é,\"ø\"\"\"\n"]
        {
            assert_eq!(cells_only(unpadded(&one_pass(text, b','))), cells_only(csv_crate(text, b',')), "{text:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        /// Random text, with every delimiter, quotes and blank lines, read in one pass and in two
        /// halves split where the two-thread path splits: at a record boundary found from any
        /// point, and after any line break (the guess), where a wrong guess must be caught.
        #[test]
        fn any_text_split_anywhere_is_read_as_the_csv_crate_reads_it(
            pieces in proptest::collection::vec(proptest::sample::select(
                vec!["a", "7", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\n\n", "\r", "\r\n", " ", "é", "ø",
                     "Levering te laat", "0123456789abcdefghij"]), 0..300),
            delimiter in proptest::sample::select(vec![b',', b';', b'\t', b'|']),
            from in proptest::prelude::any::<proptest::sample::Index>(),
            slots in 0usize..64,
        ) {
            let text = pieces.concat();
            let expected = cells_only(csv_crate(&text, delimiter));
            proptest::prop_assert_eq!(cells_only(unpadded(&one_pass(&text, delimiter))), expected.clone());
            let bytes = text.as_bytes();
            let from = from.index(bytes.len().max(1)).min(bytes.len());
            if let Some(at) = record_boundary_after(bytes, from, delimiter) {
                let halves = parse_halves(bytes.to_vec(), vec![0; slots], at, delimiter, &mut |_| true);
                let halves = halves.map(|parsed| cells_only(unpadded(&parsed.table)));
                proptest::prop_assert_eq!(halves.ok(), Some(expected.clone()), "boundary {}", at);
            }
            if let Some(line_break) = memchr::memchr(b'\n', &bytes[from..]) {
                let at = from + line_break + 1;
                match parse_halves(bytes.to_vec(), vec![0; slots], at, delimiter, &mut |_| true) {
                    Ok(parsed) => proptest::prop_assert_eq!(cells_only(unpadded(&parsed.table)), expected),
                    Err(NotParsed::Misplit) => {}
                    Err(_) => proptest::prop_assert!(false, "a split after {} is neither read nor caught", at),
                }
            }
        }
    }

    #[test]
    fn blank_lines_keep_their_row_numbers_as_a_spreadsheet_shows_them() {
        let table = one_pass("\nid,score\n1,9\n\r\n\n2,\"a\nb\"\r\n3,7", b',');
        let numbers: Vec<usize> = (0..table.row_count()).map(|r| table.row_number(r)).collect();
        // A quoted line break stays inside its row; each blank line is a row of its own.
        assert_eq!(numbers, [2, 3, 6, 7]);
        let plain = one_pass("id,score\n1,9\n2,7\n", b',');
        assert_eq!((0..plain.row_count()).map(|r| plain.row_number(r)).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn a_split_at_any_point_parses_exactly_like_one_pass() {
        let text = AWKWARD;
        let whole = one_pass(text, b';');
        for from in 0..text.len() {
            let Some(at) = record_boundary_after(text.as_bytes(), from, b';') else { continue };
            assert!(at >= from && matches!(text.as_bytes()[at - 1], b'\n' | b'\r'), "boundary {at} from {from}");
            // Shares of the cell ends too small for either half, for the tail only, and roomy.
            let estimate = expected_cells_and_rows(text.as_bytes(), b';').0;
            for slots in [0, 4, estimate, 4 * estimate] {
                let halves = parse_halves(text.as_bytes().to_vec(), vec![0; slots], at, b';', &mut |_| true).unwrap();
                assert_eq!(unpadded(&halves.table), unpadded(&whole), "split at {at} (from {from}), {slots} slots");
            }
        }
    }

    #[test]
    fn large_text_parsed_on_two_threads_matches_one_pass() {
        let mut text = String::from("id,score,comment\n");
        let mut i = 0;
        while text.len() < PARALLEL_FROM_BYTES + 4096 {
            i += 1;
            let comment = match i % 7 {
                0 => "\"slow, really\nslow\"",
                3 => "\"zei \"\"top\"\"\"",
                5 => "",
                _ => "fine",
            };
            text.push_str(&format!("{i},{},{comment}\n", i % 11));
        }
        let mut calls = 0;
        let both = parse_delimited(text.clone(), b',', &mut |_| {
            calls += 1;
            true
        })
        .unwrap();
        assert!(calls > 0, "progress is reported");
        assert_eq!(unpadded(&both), csv_crate(&text, b','), "no blank lines: rows are records");

        // The same text as bytes not yet known to be UTF-8: checked beside the split search,
        // with the delimiter sniffed from its start, parsed the same.
        let semicolons = text.replace(',', ";").replace("\"slow; really", "\"slow, réally");
        let (checked, delimiter) =
            parse_utf8_bytes(semicolons.clone().into_bytes(), false, false, &mut |_| true).expect("valid UTF-8");
        assert_eq!(delimiter, b';');
        assert_eq!(unpadded(&checked.table), csv_crate(&semicolons, b';'));
        assert!(!checked.open_quote);
        // Known to be UTF-8 and readable again: split at the first line break after the middle
        // without looking for the record boundary, and parsed the same.
        let (guessed, _) = parse_utf8_bytes(semicolons.clone().into_bytes(), true, true, &mut |_| true)
            .expect("the middle's line break ends a record");
        assert_eq!(unpadded(&guessed.table), csv_crate(&semicolons, b';'));

        // One stray Windows-1252 byte far from the start: the bytes come back as they were.
        let mut stray = semicolons.into_bytes();
        let at = stray.len() - 100;
        stray[at] = 0xE9;
        let before = stray.clone();
        match parse_utf8_bytes(stray, false, false, &mut |_| true) {
            Err(NotParsed::NotUtf8(back)) => assert_eq!(back, before),
            _ => panic!("invalid UTF-8 was parsed"),
        }
    }

    #[test]
    fn a_guessed_split_passes_over_lines_inside_quotes_and_a_wrong_one_is_caught() {
        // Records, then one whose quoted comment holds many line breaks and spans the middle,
        // then as many records again.
        let records = |from: usize| {
            let mut text = String::new();
            let mut i = from;
            while text.len() < PARALLEL_FROM_BYTES / 2 {
                i += 1;
                let comment = if i.is_multiple_of(5) { "\"ok, \"\"really\"\"\"" } else { "fine" };
                text.push_str(&format!("{i},{},{comment}\n", i % 11));
            }
            text
        };
        let head = format!("id,score,comment\n{}", records(0));
        let with_comment = |story: &str| {
            let spanning = format!("0,7,\"{story}\"\n");
            let text = format!("{head}{spanning}{}", records(1_000_000));
            let middle = text.len() / 2;
            assert!(head.len() < middle && middle + 100 < head.len() + spanning.len(), "the middle is in the comment");
            (text, head.len() + spanning.len())
        };
        // The comment's lines do not read as records of three fields: passed over, the guess is
        // the record boundary just after the comment.
        let (text, after) = with_comment(&"a long,\nlong\r\nstory ".repeat(400));
        assert_eq!(guessed_split(text.as_bytes(), b',', 3), Some(after));
        let (guessed, _) =
            parse_utf8_bytes(text.clone().into_bytes(), true, true, &mut |_| true).expect("split after it");
        assert_eq!(unpadded(&guessed.table), csv_crate(&text, b','));
        // A comment whose lines do read as records misleads the guess, and the first half then
        // ends inside its quotes.
        let (text, after) = with_comment(&"one,two,three\n".repeat(800));
        assert!(guessed_split(text.as_bytes(), b',', 3).is_some_and(|guess| guess < after));
        assert!(matches!(
            parse_utf8_bytes(text.clone().into_bytes(), true, true, &mut |_| true),
            Err(NotParsed::Misplit)
        ));
        // Bytes that cannot be read again are split exactly, and read as the csv crate reads them.
        let (exact, _) = parse_utf8_bytes(text.clone().into_bytes(), true, false, &mut |_| true).unwrap();
        assert_eq!(unpadded(&exact.table), csv_crate(&text, b','));
    }

    #[test]
    fn a_split_after_any_line_break_is_joined_exactly_when_it_ends_a_record() {
        // After every line break of the awkward text (inside quotes, after `""`, after a closing
        // quote, in `\r\n`, blank lines): the halves are joined exactly when the line break
        // ends a record, and read as one pass reads the text; otherwise the split is caught.
        let bytes = AWKWARD.as_bytes();
        let whole = one_pass(AWKWARD, b';');
        let (mut joined, mut caught) = (0, 0);
        for at in (1..bytes.len()).filter(|&at| bytes[at - 1] == b'\n') {
            let boundary = record_boundary_after(bytes, at - 1, b';') == Some(at);
            match parse_halves(bytes.to_vec(), vec![0; 8], at, b';', &mut |_| true) {
                Ok(halves) => {
                    assert!(boundary, "joined at {at}");
                    assert_eq!(unpadded(&halves.table), unpadded(&whole), "split at {at}");
                    joined += 1;
                }
                Err(NotParsed::Misplit) => {
                    assert!(!boundary, "caught at {at}");
                    caught += 1;
                }
                Err(NotParsed::Cancelled | NotParsed::NotUtf8(_)) => panic!("split at {at}"),
            }
        }
        assert!(joined >= 5 && caught >= 3, "{joined} joined, {caught} caught");
    }

    #[test]
    fn the_sniffed_start_ends_before_a_character_cut_at_the_limit() {
        let text = "a;é;c\n".repeat(10);
        let bytes = text.as_bytes();
        let cut = text.find('é').unwrap_or(0) + 1; // inside the two bytes of é
        assert_eq!(utf8_head(bytes, cut), Some("a;"));
        assert_eq!(utf8_head(bytes, 1000), Some(text.as_str()));
        assert_eq!(utf8_head(b"ok\xff;more", 1000), None, "a byte that is never UTF-8");
        let (small, delimiter) = parse_utf8_bytes(bytes.to_vec(), false, false, &mut |_| true).unwrap();
        assert_eq!((delimiter, small.table.row_count()), (b';', 10));
    }

    #[test]
    fn sniffs_each_candidate() {
        assert_eq!(sniff_delimiter("a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter("a;b;c\n1;9,0;3\n2;8,5;1\n"), b';');
        assert_eq!(sniff_delimiter("a\tb\n1\t2\n"), b'\t');
        assert_eq!(sniff_delimiter("a|b|c\n1|2|3\n"), b'|');
    }

    #[test]
    fn semicolon_wins_over_decimal_commas_and_commas_in_comments() {
        let text = "score;comment\n9,0;\"Goed, snel\"\n7;Prima, maar duur, echt\n10;top\n";
        assert_eq!(sniff_delimiter(text), b';');
    }

    #[test]
    fn quoted_cells_keep_delimiters_quotes_and_newlines() {
        let t = parse("id,comment\n1,\"Slow, \"\"very\"\" slow\nand rude\"\n2,ok\n");
        assert_eq!(t.row_count(), 3);
        assert_eq!(t.cell(1, 1), "Slow, \"very\" slow\nand rude");
        assert_eq!(t.cell(2, 0), "2");
        assert_eq!(t.row_number(2), 3);
    }

    #[test]
    fn an_unclosed_quote_is_found_where_it_opens() {
        let open = |text: &str| parse_delimited_text(text.to_owned(), b',', &mut |_| true).unwrap();
        let cells = open("id,comment,score\n1,\"fine, really\",9\n2,\"late\n3,ok,8\n4,ok,10\n");
        assert!(cells.open_quote);
        assert_eq!(cells.table.row_count(), 3);
        assert_eq!(cells.table.cell(2, 1), "late\n3,ok,8\n4,ok,10\n", "the open cell runs to the end");
        assert!(!open("id,comment\n1,\"a \"\"b\"\" c\"\n2,5\" screen\n").open_quote);
        assert!(!open("a,b\n\"x\"\"\n\",y\n").open_quote);
    }

    #[test]
    fn crlf_line_endings() {
        let t = parse("a,b\r\n1,2\r\n3,4\r\n");
        assert_eq!(t.row_count(), 3);
        assert_eq!(t.cell(2, 1), "4");
    }

    #[test]
    fn cancelling_stops_parsing() {
        let text = "a,b\n".to_owned() + &"1,2\n".repeat(70_000);
        assert!(parse_delimited(text, b',', &mut |_| false).is_none());
    }

    #[test]
    fn stop_bits_are_exact_for_every_byte_and_delimiter() {
        // Every byte value at every position, against each delimiter, in both ways of finding
        // the bits (SSE2 on x86-64, plain arithmetic elsewhere); then stops side by side.
        let bits = |block: &[u8; 64], stop: &dyn Fn(u8) -> bool| {
            block.iter().enumerate().fold(0u64, |mask, (i, &b)| mask | (u64::from(stop(b)) << i))
        };
        let mut blocks: Vec<[u8; 64]> =
            (0..=255u8).map(|start| std::array::from_fn(|i| start.wrapping_add((i as u8).wrapping_mul(37)))).collect();
        let mut neighbours = [b'a'; 64];
        let run = b"\"\"\r\n;;,,\t\t||\"\n\r\"\r\r\n\n\"";
        for (at, chunk) in [0, 23, 48].into_iter().map(|at| (at, &run[..run.len().min(64 - at)])) {
            neighbours[at..at + chunk.len()].copy_from_slice(chunk);
        }
        blocks.push(neighbours);
        for block in &blocks {
            for delimiter in CANDIDATE_DELIMITERS {
                let expected = bits(block, &|b| matches!(b, b'\n' | b'\r' | b'"') || b == delimiter);
                let set = [delimiter, b'\n', b'\r', b'"'];
                assert_eq!(block_mask(block, set), expected, "{block:?}, delimiter {delimiter}");
                assert_eq!(block_mask_words(block, set), expected, "{block:?}, delimiter {delimiter}");
            }
            let quotes = bits(block, &|b| b == b'"');
            assert_eq!(block_mask(block, [b'"'; 4]), quotes, "{block:?}");
            assert_eq!(block_mask_words(block, [b'"'; 4]), quotes, "{block:?}");
        }
    }

    #[test]
    fn cells_across_the_64_byte_windows_read_as_the_csv_crate_reads_them() {
        // Cells of every length from 0 to 70, some quoted with a delimiter, a doubled quote or a
        // line break inside, so that stops and quotes fall on every offset of a window and
        // quoted cells run across window edges.
        let mut text = String::new();
        for length in 0..=70 {
            let body = "x".repeat(length);
            let cell = match length % 5 {
                1 => format!("\"{body},\""),
                2 => format!("\"{body}\"\"\n\""),
                _ => body,
            };
            text.push_str(&cell);
            text.push_str(if length % 9 == 8 { "\r\n" } else { "," });
        }
        text.push_str("\n\nend");
        for at in [0, 1, 63, 64, 65] {
            let shifted = format!("{}{text}", "y".repeat(at));
            assert_eq!(
                cells_only(unpadded(&one_pass(&shifted, b','))),
                cells_only(csv_crate(&shifted, b',')),
                "shifted by {at}"
            );
        }
    }

    #[test]
    fn cells_ending_beyond_64_kib_into_their_row_read_back_whole() {
        let long = "lang verhaal ".repeat(6_000); // 78,000 bytes
        let text = format!("id,comment,score\n1,\"{long}\",9\n2,{long},7\n3,kort,8\n");
        let table = one_pass(&text, b',');
        assert_eq!(unpadded(&table), csv_crate(&text, b','));
        assert_eq!((table.cell(1, 1).len(), table.cell(1, 2)), (long.len(), "9"));
        assert_eq!((table.cell(2, 1).len(), table.cell(2, 2)), (long.len(), "7"));
        assert_eq!(table.cell(3, 1), "kort");
        // Parsed in halves, split before and after the long rows, with the head's cell ends in
        // its share of the array or spilled: the far ends are renumbered with the tail's cells.
        let whole = unpadded(&table);
        let estimate = expected_cells_and_rows(text.as_bytes(), b',').0;
        let mut splits = 0;
        for from in [1, text.len() / 3, text.len() / 2, text.len() - 10] {
            let Some(at) = record_boundary_after(text.as_bytes(), from, b',').filter(|&at| at < text.len()) else {
                continue;
            };
            splits += 1;
            for slots in [0, 3, 7, estimate] {
                let halves = parse_halves(text.as_bytes().to_vec(), vec![0; slots], at, b',', &mut |_| true).unwrap();
                assert_eq!(unpadded(&halves.table), whole, "split at {at}, {slots} slots");
            }
        }
        assert_eq!(splits, 4);
    }
}
