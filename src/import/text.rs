//! Turning the bytes of a text export into a Rust string: byte-order marks, UTF-8, UTF-16 and
//! Windows-1252 detection.
//!
//! Owns encoding detection only; it never guesses delimiters or reads cells.

use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The character encoding a text file was written in, as detected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 starting with the byte-order mark Excel writes.
    Utf8Bom,
    /// UTF-16 little-endian with BOM (Excel's "Unicode text").
    Utf16Le,
    /// UTF-16 big-endian with BOM.
    Utf16Be,
    /// Windows-1252, the Western European code page Excel uses for "CSV" on Windows.
    Windows1252,
}

impl TextEncoding {
    /// The name shown to the user and written in the JSON report.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf16Le => "UTF-16 LE",
            Self::Utf16Be => "UTF-16 BE",
            Self::Windows1252 => "Windows-1252",
        }
    }
}

/// Detects the encoding of `bytes` and decodes them. Windows-1252 is chosen only when the bytes
/// are not valid UTF-8, never assumed.
#[must_use]
pub fn decode_text(mut bytes: Vec<u8>) -> (String, TextEncoding) {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        return (text, TextEncoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        let (text, _) = UTF_16LE.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let (text, _) = UTF_16BE.decode_without_bom_handling(rest);
        return (text.into_owned(), TextEncoding::Utf16Be);
    }
    // Valid UTF-8 is taken over without a copy.
    match String::from_utf8(bytes) {
        Ok(text) => (text, TextEncoding::Utf8),
        Err(e) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
            (text.into_owned(), TextEncoding::Windows1252)
        }
    }
}

/// Detects the encoding of `bytes` and decodes them like [`decode_text`], except that a file that
/// is UTF-8 but for a few stray Windows-1252 bytes is decoded line by line: valid lines as UTF-8,
/// the others as Windows-1252. Returns the text, the encoding and the (1-based) numbers of the
/// lines read as Windows-1252.
#[must_use]
pub fn decode_text_by_line(bytes: Vec<u8>) -> (String, TextEncoding, Vec<usize>) {
    if let Some(encoding) = utf16_without_bom(&bytes) {
        let decoder = if encoding == TextEncoding::Utf16Le { UTF_16LE } else { UTF_16BE };
        let (text, _) = decoder.decode_without_bom_handling(&bytes);
        return (text.into_owned(), encoding, Vec::new());
    }
    if has_byte_order_mark(&bytes) {
        let (text, encoding) = decode_text(bytes);
        return (text, encoding, Vec::new());
    }
    // Valid UTF-8 is taken over without a copy, checked once.
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return (text, TextEncoding::Utf8, Vec::new()),
        Err(e) => e.into_bytes(),
    };
    // Real UTF-8 (a line with a valid multi-byte character) means the file is UTF-8 with a few
    // foreign lines; without any, the whole file is Windows-1252.
    let has_utf8_characters =
        bytes.split(|&b| b == b'\n').any(|line| !line.is_ascii() && std::str::from_utf8(line).is_ok());
    if !has_utf8_characters {
        let (text, encoding) = decode_text(bytes);
        return (text, encoding, Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut foreign = Vec::new();
    for (i, line) in bytes.split_inclusive(|&b| b == b'\n').enumerate() {
        match std::str::from_utf8(line) {
            Ok(valid) => text.push_str(valid),
            Err(_) => {
                let (decoded, _) = WINDOWS_1252.decode_without_bom_handling(line);
                text.push_str(&decoded);
                foreign.push(i + 1);
            }
        }
    }
    (text, TextEncoding::Utf8, foreign)
}

/// Whether `bytes` start with a UTF-8 or UTF-16 byte-order mark.
#[must_use]
pub fn has_byte_order_mark(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xEF, 0xBB, 0xBF]) || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes: in text that is mostly Latin
/// letters every other byte is zero, the odd ones for little-endian, the even ones for big-endian.
#[must_use]
pub fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    if bytes.len() < 4 || bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    let zero_odd = head.chunks_exact(2).filter(|p| p[1] == 0 && p[0] != 0).count();
    let zero_even = head.chunks_exact(2).filter(|p| p[0] == 0 && p[1] != 0).count();
    if zero_odd * 10 >= pairs * 7 && zero_even == 0 {
        Some(TextEncoding::Utf16Le)
    } else if zero_even * 10 >= pairs * 7 && zero_odd == 0 {
        Some(TextEncoding::Utf16Be)
    } else {
        None
    }
}

/// Whether bytes look like a binary file rather than text: NUL bytes in a file without a UTF-16
/// byte-order mark, or many control characters.
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C)).count();
    controls * 20 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode_text("Zoë".as_bytes().to_vec()), ("Zoë".to_owned(), TextEncoding::Utf8));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Zoë".as_bytes());
        assert_eq!(decode_text(bom.clone()), ("Zoë".to_owned(), TextEncoding::Utf8Bom));
    }

    #[test]
    fn windows_1252_is_detected_from_invalid_utf8() {
        // "café’s" in Windows-1252: é = 0xE9, right single quote = 0x92.
        let bytes = b"caf\xE9\x92s";
        assert_eq!(decode_text(bytes.to_vec()), ("café\u{2019}s".to_owned(), TextEncoding::Windows1252));
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("a;ø".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_text(le.clone()), ("a;ø".to_owned(), TextEncoding::Utf16Le));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("a;ø".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode_text(be.clone()), ("a;ø".to_owned(), TextEncoding::Utf16Be));
        assert!(!looks_binary(&le));
    }

    #[test]
    fn one_stray_windows_1252_byte_does_not_re_decode_a_utf8_file() {
        let mut bytes = "city,score\nKøbenhavn,9\nKøbenhavn,3\n".as_bytes().to_vec();
        bytes.extend_from_slice(b"Malm\xF6,7\n");
        let (text, encoding, lines) = decode_text_by_line(bytes);
        assert_eq!(text, "city,score\nKøbenhavn,9\nKøbenhavn,3\nMalmö,7\n");
        assert_eq!((encoding, lines), (TextEncoding::Utf8, vec![4]));
        // Without any UTF-8 character the whole file is Windows-1252, as before.
        let (text, encoding, lines) = decode_text_by_line(b"stad,score\nK\xF8benhavn,9\n".to_vec());
        assert_eq!((text.as_str(), encoding, lines), ("stad,score\nKøbenhavn,9\n", TextEncoding::Windows1252, vec![]));
    }

    #[test]
    fn utf16_without_a_byte_order_mark() {
        let le: Vec<u8> = "a;ø\n1;9\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16_without_bom(&le), Some(TextEncoding::Utf16Le));
        assert_eq!(decode_text_by_line(le).0, "a;ø\n1;9\n");
        let be: Vec<u8> = "a;ø\n1;9\n".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode_text_by_line(be).1, TextEncoding::Utf16Be);
        assert_eq!(utf16_without_bom(b"a,b\n1,2\n"), None);
    }

    #[test]
    fn binary_garbage_is_recognised() {
        assert!(looks_binary(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]));
        assert!(!looks_binary(b"a,b\r\n1,2\n"));
    }
}
