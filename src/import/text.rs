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
    fn binary_garbage_is_recognised() {
        assert!(looks_binary(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2]));
        assert!(!looks_binary(b"a,b\r\n1,2\n"));
    }
}
