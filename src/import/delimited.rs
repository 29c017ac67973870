//! Reader for delimited text exports (CSV, TSV, TXT): delimiter sniffing and cell parsing with
//! quoted cells that may hold delimiters, doubled quotes and line breaks.
//!
//! Owns only the text-to-cells step; encoding is decided by `text`, meaning by `roles`.

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

/// Parses delimited text into cells. `progress` is called now and then with the fraction read;
/// it returns `false` to cancel, in which case `None` is returned.
pub fn parse_delimited(text: &str, delimiter: u8, progress: &mut dyn FnMut(f32) -> bool) -> Option<CellTable> {
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
        // The bytes come from a `str`, and the csv parser splits only at ASCII bytes.
        table.push_row(record_number, record.iter().map(|field| std::str::from_utf8(field).unwrap_or("")));
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
        parse_delimited(text, sniff_delimiter(text), &mut |_| true).unwrap_or_default()
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
    fn crlf_line_endings() {
        let t = parse("a,b\r\n1,2\r\n3,4\r\n");
        assert_eq!(t.row_count(), 3);
        assert_eq!(t.cell(2, 1), "4");
    }

    #[test]
    fn cancelling_stops_parsing() {
        let text = "a,b\n".to_owned() + &"1,2\n".repeat(70_000);
        assert!(parse_delimited(&text, b',', &mut |_| false).is_none());
    }
}
