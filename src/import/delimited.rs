//! Reader for delimited text exports (CSV, TSV, TXT): delimiter sniffing and cell parsing with
//! quoted cells that may hold delimiters, doubled quotes and line breaks.
//!
//! Owns only the text-to-cells step; encoding is decided by `text`, meaning by `roles`.

use std::sync::atomic::{AtomicBool, Ordering};

use super::table::CellTable;

/// Delimiters a survey export may use, in order of preference when two fit equally well.
pub const CANDIDATE_DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// How many records the sniffer looks at.
const SNIFF_RECORDS: usize = 50;

/// Picks the delimiter that splits the first records of `text` into the most consistent number
/// of fields (at least two).
#[must_use]
pub fn sniff_delimiter(text: &str) -> u8 {
    let mut sample_end = text.len().min(256 * 1024);
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
    best.0
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
/// Large text is split at a record boundary near its middle and the halves are parsed on two
/// threads; the boundary is found by the same quoting rules the csv parser follows, so the result
/// is identical to a single pass. The text is taken by value so its memory is freed before the
/// halves are joined, which keeps the peak near twice the file's size.
pub fn parse_delimited(text: String, delimiter: u8, progress: &mut dyn FnMut(f32) -> bool) -> Option<CellTable> {
    let split = (text.len() >= PARALLEL_FROM_BYTES)
        .then(|| record_boundary_after(text.as_bytes(), text.len() / 2, delimiter))
        .flatten()
        .filter(|&at| at < text.len() && text.is_char_boundary(at));
    let Some(split) = split else {
        return parse_part(&text, delimiter, progress);
    };
    let (head, tail) = text.split_at(split);
    let cancelled = AtomicBool::new(false);
    let (head_table, tail_table) = std::thread::scope(|scope| {
        let tail_job = scope.spawn(|| parse_part(tail, delimiter, &mut |_| !cancelled.load(Ordering::Relaxed)));
        let head_table = parse_part(head, delimiter, &mut |done| {
            let go_on = progress(done * 0.95);
            if !go_on {
                cancelled.store(true, Ordering::Relaxed);
            }
            go_on
        });
        (head_table, tail_job.join().ok().flatten())
    });
    drop(text);
    let mut table = head_table?;
    let tail_table = tail_table?;
    let head_records = table.row_count();
    table.append(&tail_table, head_records);
    Some(table)
}

/// The byte just after the first line break at or after `from` that ends a record, following the
/// csv parser's rules: a quote opens a quoted field only at the start of a field, `""` inside
/// quotes is a literal quote, and line breaks inside quotes belong to the field.
fn record_boundary_after(text: &[u8], from: usize, delimiter: u8) -> Option<usize> {
    let mut in_quotes = false;
    let mut outside_since = 0;
    let mut quotes = memchr::memchr_iter(b'"', text);
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

/// One sequential pass of the csv parser over `text`.
/// The byte offset of a quote that opens a cell and is never closed, so that everything after it
/// would be read as one cell; `None` when every quoted cell is closed. Quotes follow the csv rules:
/// a quote opens a cell only at its start, and `""` inside a quoted cell is a literal quote.
#[must_use]
pub fn unclosed_quote(text: &str, delimiter: u8) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Option<usize> = None;
    let mut quotes = memchr::memchr_iter(b'"', bytes);
    while let Some(q) = quotes.next() {
        if open.is_some() {
            if bytes.get(q + 1) == Some(&b'"') {
                quotes.next();
            } else {
                open = None;
            }
        } else if q == 0 || matches!(bytes[q - 1], b'\n' | b'\r') || bytes[q - 1] == delimiter {
            open = Some(q);
        }
    }
    open
}

fn parse_part(text: &str, delimiter: u8, progress: &mut dyn FnMut(f32) -> bool) -> Option<CellTable> {
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut table = CellTable::new();
    let mut record = csv::ByteRecord::new();
    let total = text.len().max(1) as f32;
    let mut record_number = 0usize;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // A stray quote in the middle of a cell: csv reports it; keep what was read and go on.
            Err(_) => continue,
        }
        record_number += 1;
        // The bytes come from a `str`, and the csv parser splits only at ASCII bytes: one check per
        // record is enough, then fields are sliced out of it.
        let fields = std::str::from_utf8(record.as_slice()).unwrap_or("");
        table.push_row(
            record_number,
            (0..record.len()).map(|i| record.range(i).and_then(|r| fields.get(r)).unwrap_or("")),
        );
        if record_number.is_multiple_of(65_536) {
            let at = record.position().map_or(0, csv::Position::byte) as f32;
            if !progress(at / total) {
                return None;
            }
        }
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> CellTable {
        parse_delimited(text.to_owned(), sniff_delimiter(text), &mut |_| true).unwrap_or_default()
    }

    fn cells(table: &CellTable) -> Vec<(usize, Vec<String>)> {
        (0..table.row_count()).map(|r| (table.row_number(r), table.row(r).map(str::to_owned).collect())).collect()
    }

    #[test]
    fn a_split_at_any_point_parses_exactly_like_one_pass() {
        let text = "id;comment;score\r\n1;\"te laat\ngeleverd; echt\";6\r\n2;5\" scherm;9\n3;\"zei \"\"top\"\"\n\";10\n\
                    4;\"\";8\n5;\"a\"b\nc;7\n6;x;\"\"\"\n\"\n7;laatste;3\n";
        let whole = parse_part(text, b';', &mut |_| true).unwrap();
        for from in 0..text.len() {
            let Some(at) = record_boundary_after(text.as_bytes(), from, b';') else { continue };
            assert!(at >= from && text.as_bytes()[at - 1] == b'\n', "boundary {at} from {from}");
            let mut head = parse_part(&text[..at], b';', &mut |_| true).unwrap();
            let tail = parse_part(&text[at..], b';', &mut |_| true).unwrap();
            let rows = head.row_count();
            head.append(&tail, rows);
            assert_eq!(cells(&head), cells(&whole), "split at {at} (from {from})");
        }
    }

    #[test]
    fn large_text_parsed_on_two_threads_matches_one_pass() {
        let mut text = String::from("id,score,comment\n");
        let mut i = 0;
        while text.len() < PARALLEL_FROM_BYTES + 4096 {
            i += 1;
            let comment = if i % 7 == 0 { "\"slow, really\nslow\"" } else { "fine" };
            text.push_str(&format!("{i},{},{comment}\n", i % 11));
        }
        let mut calls = 0;
        let both = parse_delimited(text.clone(), b',', &mut |_| {
            calls += 1;
            true
        })
        .unwrap();
        let one = parse_part(&text, b',', &mut |_| true).unwrap();
        assert!(calls > 0, "progress is reported");
        assert_eq!(both.row_count(), one.row_count());
        assert_eq!(cells(&both), cells(&one));
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
        let text = "id,comment,score\n1,\"fine, really\",9\n2,\"late\n3,ok,8\n4,ok,10\n";
        assert_eq!(unclosed_quote(text, b','), text.find("\"late"));
        assert_eq!(unclosed_quote("id,comment\n1,\"a \"\"b\"\" c\"\n2,5\" screen\n", b','), None);
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
}
