//! A reader for the plain xlsx workbooks survey tools and spreadsheet libraries write: one sheet,
//! shared strings without rich text, numbers in the General format. Such a sheet is scanned as
//! bytes, in two halves at once when it is large, where calamine's XML events took one core half
//! a second for a 100,000-row export.
//!
//! Anything else (several sheets, formulas, inline strings, dates and other number formats, rich
//! text, XML this scanner does not know) makes [`read_plain`] answer `None`, and calamine reads
//! the workbook as before. What it gives is the same as calamine gives for the same workbook,
//! cell for cell: the tests read every workbook both ways.
//!
//! Owns only the bytes-to-cells step; the cells' text is written by `workbook`.

use std::io::{Cursor, Read};
use std::sync::atomic::{AtomicBool, Ordering};

use calamine::DataRef;

use super::workbook::{SparseCells, WorkbookSheets};

/// A sheet of this many XML bytes or more is scanned in two halves at once.
const SPLIT_FROM_BYTES: usize = 1 << 20;

/// The workbook's one sheet, read without calamine; `None` when the workbook is not of the plain
/// kind this reader knows, or is not the sheet `wanted` names, or holds no cell (calamine then
/// reads it, with its own messages for what is wrong).
pub(super) fn read_plain(bytes: &[u8], wanted: Option<&str>) -> Option<WorkbookSheets> {
    let mut parts = Parts::open(bytes)?;
    let package = parts.text("_rels/.rels")??;
    if !relations(&package)?.iter().any(|(_, target)| matches!(target.as_str(), "xl/workbook.xml" | "/xl/workbook.xml"))
    {
        return None;
    }
    let workbook = parts.text("xl/workbook.xml")??;
    let (name, relation) = only_sheet(&workbook)?;
    if wanted.is_some_and(|w| !w.eq_ignore_ascii_case(&name)) {
        return None;
    }
    let path = sheet_path(&parts.text("xl/_rels/workbook.xml.rels")??, &relation)?;
    let plain_styles = match parts.text("xl/styles.xml")? {
        Some(styles) => plain_styles(&styles)?,
        None => Vec::new(),
    };
    let strings = match parts.text("xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let sheet = parts.text(&path)??;
    let context = Context { strings: &strings, plain_styles: &plain_styles };
    let cells = read_sheet(&sheet, &context)?.into_table();
    if cells.row_count() == 0 {
        return None;
    }
    Some(WorkbookSheets { sheet_names: vec![name.clone()], sheets: vec![(name, cells)] })
}

/// What a sheet's cells refer to.
struct Context<'a> {
    strings: &'a [String],
    /// Per cell style, whether its number format is General (a number shows as a number).
    plain_styles: &'a [bool],
}

/// The archive's parts.
struct Parts<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// Every part's name as calamine looks it up: lowercase, with `/` for `\`.
    folded: Vec<String>,
}

impl<'a> Parts<'a> {
    fn open(bytes: &'a [u8]) -> Option<Self> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let folded = zip
            .file_names()
            .map(|n| n.map(|n| n.to_ascii_lowercase().replace('\\', "/")))
            .collect::<Result<_, _>>()
            .ok()?;
        Some(Self { zip, folded })
    }

    /// The text of part `name`: `Some(None)` when the archive has no such part, `None` when it
    /// is unreadable, not UTF-8, holds XML comments or CDATA, or is named so that calamine, which
    /// ignores case, could find a different part.
    fn text(&mut self, name: &str) -> Option<Option<String>> {
        match self.folded.iter().filter(|f| **f == name.to_ascii_lowercase()).count() {
            0 => return Some(None),
            1 => {}
            _ => return None,
        }
        let mut entry = self.zip.by_name(name).ok()?;
        // The size the archive claims is only a hint.
        let mut text = String::with_capacity(usize::try_from(entry.size().min(1 << 28)).unwrap_or(0));
        entry.read_to_string(&mut text).ok()?;
        (!text.contains("<!--") && !text.contains("<![CDATA[")).then_some(Some(text))
    }
}

/// Whether `after`, the text after a tag's name, ends the name there.
fn ends_name(after: &str) -> bool {
    after.starts_with([' ', '>', '/', '\n', '\r', '\t'])
}

/// Whether `xml` has a tag of local name `name` with a namespace prefix, which calamine reads
/// as that tag and this reader does not.
fn has_prefixed(xml: &str, name: &str) -> bool {
    let prefixed = format!(":{name}");
    xml.match_indices(prefixed.as_str()).any(|(at, _)| ends_name(&xml[at + prefixed.len()..]))
}

/// The tags named `name` in `xml` (`<name ...>` or `<name .../>`), each as its attribute text;
/// `None` when a tag of that name has a namespace prefix.
fn tags<'a>(xml: &'a str, name: &str) -> Option<Vec<&'a str>> {
    if has_prefixed(xml, name) {
        return None;
    }
    let open = format!("<{name}");
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(at) = rest.find(open.as_str()) {
        let after = &rest[at + open.len()..];
        let end = after.find('>')?;
        rest = &after[end..];
        if ends_name(after) {
            found.push(after[..end].trim_end_matches('/'));
        }
    }
    Some(found)
}

/// The attributes in a tag's attribute text, in order, as (name, raw value): `name="value"` or
/// `name='value'`, with white space around the `=` allowed. An item is `None` where the text
/// cannot be read (and nothing follows it).
fn attribute_pairs(text: &[u8]) -> impl Iterator<Item = Option<(&[u8], &[u8])>> {
    let skip_space = |b: &[u8]| b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = &rest[skip_space(rest)..];
        if rest.is_empty() {
            return None;
        }
        let pair = (|| {
            let equals = memchr::memchr(b'=', rest)?;
            let key = rest[..equals].trim_ascii_end();
            let after = &rest[equals + 1..];
            let after = &after[skip_space(after)..];
            let quote = *after.first().filter(|q| matches!(q, b'"' | b'\''))?;
            let close = memchr::memchr(quote, &after[1..])? + 1;
            let value = &after[1..close];
            rest = &after[close + 1..];
            (!key.is_empty()).then_some((key, value))
        })();
        if pair.is_none() {
            rest = &[];
        }
        Some(pair)
    })
}

/// A tag's attributes as (name, raw value); `None` when they cannot be read or a name repeats.
fn attributes(text: &str) -> Option<Vec<(&str, &str)>> {
    let mut found: Vec<(&str, &str)> = Vec::new();
    for pair in attribute_pairs(text.as_bytes()) {
        let (key, value) = pair?;
        // Both end at ASCII bytes of the text, so they are whole characters.
        let (key, value) = (std::str::from_utf8(key).ok()?, std::str::from_utf8(value).ok()?);
        if found.iter().any(|(k, _)| *k == key) {
            return None;
        }
        found.push((key, value));
    }
    Some(found)
}

/// The raw value of attribute `name` among `attributes`.
fn value<'a>(attributes: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
}

/// A package's relationships as (id, target), read raw as calamine reads them; `None` when an
/// id repeats or one holds an entity.
fn relations(xml: &str) -> Option<Vec<(String, String)>> {
    let mut found: Vec<(String, String)> = Vec::new();
    for tag in tags(xml, "Relationship")? {
        let attributes = attributes(tag)?;
        let (id, target) = (value(&attributes, "Id")?, value(&attributes, "Target")?);
        if id.contains('&') || target.contains('&') || found.iter().any(|(i, _)| i == id) {
            return None;
        }
        found.push((id.to_owned(), target.to_owned()));
    }
    Some(found)
}

/// The name and relation id of the workbook's only sheet; `None` for more than one, or for a
/// sheet whose relation calamine could read from another attribute.
fn only_sheet(workbook: &str) -> Option<(String, String)> {
    let sheets = tags(workbook, "sheet")?;
    let [sheet] = sheets.as_slice() else { return None };
    let attributes = attributes(sheet)?;
    if attributes.iter().any(|(k, _)| k.ends_with(":id") && *k != "r:id") {
        return None;
    }
    Some((decode_text(value(&attributes, "name")?)?, value(&attributes, "r:id")?.to_owned()))
}

/// Where the relation `id` points to, as a path in the archive.
fn sheet_path(relations_xml: &str, id: &str) -> Option<String> {
    let relations = relations(relations_xml)?;
    let (_, target) = relations.iter().find(|(i, _)| i == id)?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    };
    path.starts_with("xl/worksheets/").then_some(path)
}

/// Per cell style (`<xf>` of `<cellXfs>`), whether numbers in it show in the General format;
/// `None` for styles this reader does not follow.
fn plain_styles(styles: &str) -> Option<Vec<bool>> {
    let mut custom_general = false;
    for format in tags(styles, "numFmt")? {
        custom_general |= value(&attributes(format)?, "numFmtId")? == "0";
    }
    if has_prefixed(styles, "cellXfs") || has_prefixed(styles, "xf") {
        return None;
    }
    let Some(start) = styles.find("<cellXfs") else { return Some(Vec::new()) };
    let section = &styles[start..];
    let section = &section[..section.find("</cellXfs>")?];
    let mut plain = Vec::new();
    for xf in tags(section, "xf")? {
        plain.push(match value(&attributes(xf)?, "numFmtId") {
            None => true,
            Some(id) => id == "0" && !custom_general,
        });
    }
    Some(plain)
}

/// The shared strings, as calamine reads them: each `<si>`'s one `<t>`, entities decoded, and
/// trimmed of ASCII white space unless it is marked `xml:space="preserve"`. `None` for rich text,
/// phonetic runs, `_xHHHH_` escapes, carriage returns or anything else this reader does not know.
fn shared_strings(xml: &str) -> Option<Vec<String>> {
    let start = xml.find("<sst")?;
    let body_start = start + xml[start..].find('>')? + 1;
    if xml[..body_start].ends_with("/>") {
        return Some(Vec::new());
    }
    let body = xml.get(body_start..xml.rfind("</sst>")?)?;
    let mut strings = Vec::new();
    let mut rest = body.trim_start();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<si/>") {
            strings.push(String::new());
            rest = after.trim_start();
            continue;
        }
        rest = rest.strip_prefix("<si>")?.trim_start();
        let text = if let Some(after) = rest.strip_prefix("<t/>") {
            rest = after;
            String::new()
        } else {
            rest = rest.strip_prefix("<t")?;
            let close = rest.find('>')?;
            let attributes = &rest[..close];
            let preserve = match attributes.trim() {
                "" => false,
                "xml:space=\"preserve\"" => true,
                _ => return None,
            };
            rest = &rest[close + 1..];
            let end = rest.find("</t>")?;
            let raw = &rest[..end];
            rest = &rest[end + "</t>".len()..];
            if raw.contains(['<', '\r']) {
                return None;
            }
            let decoded = decode_text(raw)?;
            if decoded.contains("_x") || decoded.contains('\r') {
                return None;
            }
            if preserve { decoded } else { decoded.trim_matches([' ', '\t', '\r', '\n']).to_owned() }
        };
        rest = rest.trim_start().strip_prefix("</si>")?.trim_start();
        strings.push(text);
    }
    Some(strings)
}

/// XML text with its entities decoded: the five named ones and character references. `None` for
/// any other entity.
fn decode_text(raw: &str) -> Option<String> {
    if !raw.contains('&') {
        return Some(raw.to_owned());
    }
    let mut text = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        text.push_str(&rest[..at]);
        let end = rest[at..].find(';')? + at;
        let entity = &rest[at + 1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = entity.strip_prefix('#')?;
                let code = match number.strip_prefix('x') {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        u32::from_str_radix(hex, 16).ok()?
                    }
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok()?,
                    _ => return None,
                };
                char::from_u32(code).filter(|&c| c != '\0')?
            }
        };
        text.push(c);
        rest = &rest[end + 1..];
    }
    text.push_str(rest);
    Some(text)
}

/// The cells of a sheet's XML; `None` for XML this reader does not know.
fn read_sheet(sheet: &str, context: &Context<'_>) -> Option<SparseCells> {
    let bytes = sheet.as_bytes();
    let start = memchr::memmem::find(bytes, b"<sheetData>")? + "<sheetData>".len();
    let end = memchr::memmem::rfind(bytes, b"</sheetData>")?;
    let rows = bytes.get(start..end)?;
    let gave_up = AtomicBool::new(false);
    if rows.len() < SPLIT_FROM_BYTES {
        return read_rows(rows, context, &gave_up);
    }
    // Text between tags is never `<`: the first `<row` tag after the middle starts a row.
    let middle = rows.len() / 2;
    let split = middle
        + memchr::memmem::find_iter(&rows[middle..], b"<row").find(|&at| {
            rows.get(middle + at + 4).is_some_and(|b| matches!(b, b' ' | b'>' | b'/' | b'\n' | b'\r' | b'\t'))
        })?;
    let (head, tail) = rows.split_at(split);
    let (mut first, second) =
        crate::parallel::both(|| read_rows(head, context, &gave_up), || read_rows(tail, context, &gave_up));
    first.as_mut()?.append(second?);
    first
}

/// The cells of a run of whole `<row>` elements; `None`, and `gave_up` set, for XML this reader
/// does not follow, or as soon as the other half has set `gave_up` (the workbook then goes to
/// calamine, and scanning on is wasted time).
fn read_rows(xml: &[u8], context: &Context<'_>, gave_up: &AtomicBool) -> Option<SparseCells> {
    let cells = read_rows_until_given_up(xml, context, gave_up);
    if cells.is_none() {
        gave_up.store(true, Ordering::Relaxed);
    }
    cells
}

fn read_rows_until_given_up(xml: &[u8], context: &Context<'_>, gave_up: &AtomicBool) -> Option<SparseCells> {
    let mut cells = SparseCells::new();
    let mut at = 0;
    let mut tags = 0u32;
    while let Some(found) = memchr::memchr(b'<', &xml[at..]) {
        tags = tags.wrapping_add(1);
        if tags.is_multiple_of(4096) && gave_up.load(Ordering::Relaxed) {
            return None;
        }
        if !xml[at..at + found].iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        at += found;
        let rest = &xml[at..];
        let tag_end = at + memchr::memchr(b'>', rest)? + 1;
        let tag = &xml[at..tag_end];
        at = tag_end;
        if tag == b"</row>" {
            continue;
        }
        let (name, attributes) = split_tag(tag)?;
        match name {
            b"row" => {}
            b"c" => {
                let (position, style, kind) = cell_attributes(attributes)?;
                if tag.ends_with(b"/>") {
                    continue;
                }
                let (value, after) = cell_value(&xml[at..])?;
                at += after;
                let Some(value) = value else { continue };
                cells.push(position, &data(value, style, kind, context)?);
            }
            _ => return None,
        }
    }
    xml[at..].iter().all(u8::is_ascii_whitespace).then_some(cells)
}

/// A start tag's name and attribute text.
fn split_tag(tag: &[u8]) -> Option<(&[u8], &[u8])> {
    let inner = tag.strip_prefix(b"<")?.strip_suffix(b">")?;
    let inner = inner.strip_suffix(b"/").unwrap_or(inner);
    let name_end = inner.iter().position(u8::is_ascii_whitespace).unwrap_or(inner.len());
    Some((&inner[..name_end], &inner[name_end..]))
}

/// A cell's kind, from its `t` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Shared,
    Bool,
    Error,
    IsoDate,
}

/// A `<c>` tag's position (row, column; from 0), style and kind; `None` without a position or
/// with an attribute this reader does not follow.
fn cell_attributes(attributes: &[u8]) -> Option<((u32, u32), Option<usize>, Kind)> {
    let (mut position, mut style, mut kind) = (None, None, Kind::Number);
    let mut seen: Vec<&[u8]> = Vec::with_capacity(3);
    for pair in attribute_pairs(attributes) {
        let (key, value) = pair?;
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        match key {
            b"r" => position = Some(cell_position(value)?),
            b"s" if !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
                style = Some(std::str::from_utf8(value).ok()?.parse().ok()?);
            }
            b"t" => {
                kind = match value {
                    b"n" => Kind::Number,
                    b"s" => Kind::Shared,
                    b"b" => Kind::Bool,
                    b"e" => Kind::Error,
                    b"d" => Kind::IsoDate,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
    Some((position?, style, kind))
}

/// `A1` as (row, column), from 0.
fn cell_position(reference: &[u8]) -> Option<(u32, u32)> {
    let letters = reference.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let (column, row) = reference.split_at(letters);
    if letters == 0 || letters > 3 || row.is_empty() || !row.iter().all(u8::is_ascii_digit) || row[0] == b'0' {
        return None;
    }
    let column = column.iter().try_fold(0u32, |n, &b| n.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1))?;
    let row: u32 = std::str::from_utf8(row).ok()?.parse().ok()?;
    Some((row - 1, column - 1))
}

/// What follows a `<c>` start tag up to and with its `</c>`: the text of its `<v>` (`None` for a
/// cell without one), and how many bytes that took.
fn cell_value(xml: &[u8]) -> Option<(Option<&str>, usize)> {
    const CLOSE: &[u8] = b"</c>";
    let skip = xml.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let rest = &xml[skip..];
    if rest.starts_with(CLOSE) {
        return Some((None, skip + CLOSE.len()));
    }
    let (value, used) = if rest.starts_with(b"<v/>") {
        // calamine reads `<v/>` as `<v></v>`.
        (Some(""), 4)
    } else {
        let after = rest.strip_prefix(b"<v>")?;
        let end = memchr::memchr(b'<', after)?;
        if !after[end..].starts_with(b"</v>") {
            return None;
        }
        (Some(std::str::from_utf8(&after[..end]).ok()?), 3 + end + 4)
    };
    let rest = &rest[used..];
    let tail = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    rest[tail..].starts_with(CLOSE).then_some((value, skip + used + tail + CLOSE.len()))
}

/// Whether `v` is a number as spreadsheets write it: `-`, digits, a fraction, an exponent
/// (`-12.5E-3`), which calamine's number parser and Rust's read alike.
fn canonical_number(v: &str) -> bool {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = v.strip_prefix('-').unwrap_or(v);
    let whole = digits(rest);
    let rest = &rest[whole..];
    let rest = match rest.strip_prefix('.') {
        Some(fraction) if digits(fraction) > 0 => &fraction[digits(fraction)..],
        Some(_) => return false,
        None => rest,
    };
    let rest = match rest.strip_prefix(['e', 'E']) {
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            if digits(exponent) == 0 {
                return false;
            }
            &exponent[digits(exponent)..]
        }
        None => rest,
    };
    whole > 0 && rest.is_empty()
}

/// A cell's value as calamine gives it; `None` where this reader does not follow calamine.
fn data<'s>(v: &str, style: Option<usize>, kind: Kind, context: &Context<'s>) -> Option<DataRef<'s>> {
    // Values with entities or line breaks are left to calamine (a number, index or code never
    // has one).
    if v.contains(['&', '\r']) {
        return None;
    }
    Some(match kind {
        Kind::Shared if v.is_empty() => DataRef::Empty,
        Kind::Shared if !v.bytes().all(|b| b.is_ascii_digit()) => return None,
        Kind::Shared => DataRef::SharedString(context.strings.get(v.parse::<usize>().ok()?)?),
        Kind::Number if v.is_empty() => DataRef::Empty,
        Kind::Number => {
            let plain = style.is_none_or(|s| context.plain_styles.get(s).is_none_or(|&p| p));
            if !plain || !canonical_number(v) {
                return None;
            }
            DataRef::Float(v.parse().ok()?)
        }
        Kind::Bool => match v {
            "" => DataRef::Empty,
            "1" | "true" => DataRef::Bool(true),
            "0" | "false" => DataRef::Bool(false),
            _ => return None,
        },
        Kind::Error => DataRef::Error(v.parse().ok()?),
        Kind::IsoDate => DataRef::DateTimeIso(v.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use rust_xlsxwriter::{Format, Workbook};

    use super::*;
    use crate::import::table::CellTable;
    use crate::import::workbook::{WorkbookKind, read_with_calamine};

    /// A table's rows: spreadsheet row number and cells.
    type Rows = Vec<(usize, Vec<String>)>;

    fn rows(table: &CellTable) -> Rows {
        (0..table.row_count())
            .map(|r| (table.row_number(r), table.row(r).take(table.row_width(r)).map(str::to_owned).collect()))
            .collect()
    }

    fn sheets(book: &WorkbookSheets) -> (Vec<String>, Vec<(String, Rows)>) {
        (book.sheet_names.clone(), book.sheets.iter().map(|(name, cells)| (name.clone(), rows(cells))).collect())
    }

    /// The workbook read here, which must be what calamine reads: the cells, or `None` where this
    /// reader leaves the workbook to calamine.
    fn read_both_ways(bytes: &[u8]) -> Option<Rows> {
        let calamine = read_with_calamine(bytes.to_vec(), WorkbookKind::Xlsx, None).expect("calamine reads it");
        let plain = read_plain(bytes, None)?;
        assert_eq!(sheets(&plain), sheets(&calamine));
        Some(rows(&plain.sheets[0].1))
    }

    /// A workbook written by a spreadsheet library, with `write` filling its one sheet.
    fn written(
        write: impl FnOnce(&mut rust_xlsxwriter::Worksheet) -> Result<(), rust_xlsxwriter::XlsxError>,
    ) -> Vec<u8> {
        let mut book = Workbook::new();
        write(book.add_worksheet().set_name("Responses & more").expect("a valid name")).expect("cells written");
        book.save_to_buffer().expect("xlsx in memory")
    }

    #[test]
    fn a_plain_export_reads_as_calamine_reads_it() {
        let bytes = written(|sheet| {
            sheet.write_string(2, 1, "id")?;
            sheet.write_string(2, 2, "  score & \"more\" <b>  ")?;
            sheet.write_string(2, 4, "Zoë, café, 北京")?;
            sheet.write_number(3, 1, 1.0)?;
            sheet.write_number(3, 2, 9.0)?;
            sheet.write_number(3, 3, -0.25)?;
            sheet.write_number(3, 4, 12_345_678_901_234_567.0)?;
            sheet.write_boolean(4, 1, true)?;
            sheet.write_string(4, 2, "10")?;
            sheet.write_string(4, 3, "")?;
            sheet.write_number(6, 3, 7.5)?;
            Ok(())
        });
        let cells = read_both_ways(&bytes).expect("a plain workbook is read here");
        assert_eq!(
            cells[0],
            (3, vec!["id".into(), "  score & \"more\" <b>  ".into(), String::new(), "Zoë, café, 北京".into()])
        );
        assert_eq!(cells[1].1[1], "9");
        assert_eq!(
            read_plain(&bytes, Some("responses & MORE")).map(|b| b.sheet_names),
            Some(vec!["Responses & more".into()])
        );
        assert!(read_plain(&bytes, Some("Sheet2")).is_none(), "another sheet's name is calamine's to refuse");
    }

    #[test]
    fn a_large_sheet_read_in_two_halves_is_the_same() {
        let bytes = written(|sheet| {
            for r in 0..20_000u32 {
                sheet.write_string(r, 0, format!("R{r:06}"))?;
                sheet.write_string(r, 1, ["Retail", "Grocery", "Telecom"][(r % 3) as usize])?;
                if r % 7 != 0 {
                    sheet.write_number(r, 2, f64::from(r % 11))?;
                }
                sheet.write_number(r, 3, f64::from(r) / 8.0)?;
            }
            Ok(())
        });
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
        let sheet_size = zip.by_name("xl/worksheets/sheet1.xml").expect("the sheet").size();
        assert!(sheet_size >= SPLIT_FROM_BYTES as u64, "the sheet is split ({sheet_size} bytes)");
        let cells = read_both_ways(&bytes).expect("a plain workbook is read here");
        assert_eq!(cells.len(), 20_000);
        assert_eq!(cells[19_998], (19_999, vec!["R019998".into(), "Retail".into(), "0".into(), "2499.75".into()]));
    }

    #[test]
    fn workbooks_outside_the_plain_kind_are_left_to_calamine() {
        let formula = written(|sheet| {
            sheet.write_number(0, 0, 1.0)?;
            sheet.write_formula(0, 1, "=A1+1")?;
            Ok(())
        });
        let date = written(|sheet| {
            sheet.write_number_with_format(0, 0, 45_000.0, &Format::new().set_num_format("yyyy-mm-dd"))?;
            Ok(())
        });
        let decimals = written(|sheet| {
            sheet.write_number_with_format(0, 0, 7.0, &Format::new().set_num_format("0.00"))?;
            Ok(())
        });
        let rich = written(|sheet| {
            let bold = Format::new().set_bold();
            sheet.write_rich_string(0, 0, &[(&bold, "very"), (&Format::default(), " good")])?;
            Ok(())
        });
        // A large sheet whose first row is a formula: the first half gives up, and the second
        // half with it.
        let large_formula = written(|sheet| {
            sheet.write_formula(0, 0, "=1+1")?;
            for r in 1..40_000u32 {
                sheet.write_string(r, 0, format!("R{r:06} with some text to make the sheet large"))?;
            }
            Ok(())
        });
        let mut two = Workbook::new();
        two.add_worksheet().write_string(0, 0, "a").expect("cell");
        two.add_worksheet().write_string(0, 0, "b").expect("cell");
        let two = two.save_to_buffer().expect("xlsx in memory");
        for (what, bytes) in [
            ("formula", formula),
            ("date", date),
            ("0.00", decimals),
            ("rich text", rich),
            ("two sheets", two),
            ("large", large_formula),
        ] {
            assert!(read_plain(&bytes, None).is_none(), "{what}");
            // The import still reads it, through calamine.
            let book = crate::import::workbook::read_workbook(bytes, WorkbookKind::Xlsx, None).expect(what);
            assert!(book.sheets[0].1.row_count() > 0, "{what}");
        }
    }

    /// An xlsx archive of the given parts, stored without compression.
    fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut buffer = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        for (name, text) in parts {
            zip.start_file(*name, options).expect("entry");
            zip.write_all(text.as_bytes()).expect("entry written");
        }
        zip.finish().expect("archive");
        buffer.into_inner()
    }

    const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId7"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Target="/xl/worksheets/sheet1.xml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Id="rId7"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

    /// A workbook of one sheet whose `<sheetData>` holds `rows`, with `strings` as its shared
    /// strings.
    fn hand_made(strings: &str, rows: &str) -> Vec<u8> {
        hand_made_with(strings, rows, &[])
    }

    /// [`hand_made`] with more parts, or parts in place of its own.
    fn hand_made_with(strings: &str, rows: &str, changed: &[(&str, &str)]) -> Vec<u8> {
        let sst = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{strings}</sst>"#
        );
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>"#
        );
        let mut parts = vec![
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WORKBOOK),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
            ("xl/sharedStrings.xml", &sst),
            ("xl/worksheets/sheet1.xml", &sheet),
        ];
        for &(name, text) in changed {
            parts.retain(|(n, _)| *n != name);
            parts.push((name, text));
        }
        archive(&parts)
    }

    /// Styles whose cell style 1 shows dates (built-in format 14).
    fn styles(xfs: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs>{xfs}</cellXfs></styleSheet>"#
        )
    }

    #[test]
    fn numbers_follow_their_style_as_calamine_finds_it() {
        let dated = styles(r#"<xf numFmtId="0" fontId="0"/><xf numFmtId="14" applyNumberFormat="1"/>"#);
        let general = r#"<row r="1"><c r="A1" s="0"><v>45000</v></c><c r="B1" s="7"><v>-1.5E-3</v></c></row>"#;
        let date = r#"<row r="1"><c r="A1" s="1"><v>45000</v></c></row>"#;
        let cells =
            read_both_ways(&hand_made_with("", general, &[("xl/styles.xml", &dated)])).expect("General numbers");
        assert_eq!(cells[0].1, ["45000", "-0.0015"]);
        assert!(read_plain(&hand_made_with("", date, &[("xl/styles.xml", &dated)]), None).is_none());
        // Styles calamine would find or read differently: another case, a comment shifting the
        // list, a quoted `>` cutting a tag short.
        let commented = styles(r#"<!--<xf/>--><xf numFmtId="0"/><xf numFmtId="14"/>"#);
        let cut = styles(r#"<xf numFmtId="0"/><xf foo="a>b" numFmtId="14"/>"#);
        for (name, text) in [("xl/Styles.xml", &dated), ("xl/styles.xml", &commented), ("xl/styles.xml", &cut)] {
            assert!(read_plain(&hand_made_with("", general, &[(name, text)]), None).is_none(), "{name}: {text}");
        }
    }

    #[test]
    fn spreadsheet_numbers_are_the_canonical_ones() {
        for v in ["0", "10", "-7", "7.5", "-0.25", "1E+17", "1.5e-3", "123456789012345678"] {
            assert!(canonical_number(v), "{v}");
        }
        for v in ["", "+1", ".5", "5.", "1e", "e5", "1.2.3", " 5", "inf", "NaN", "0x1F", "1_000", "--1"] {
            assert!(!canonical_number(v), "{v}");
        }
    }

    #[test]
    fn hand_written_xml_reads_as_calamine_reads_it() {
        let strings = "<si><t>  trimmed  </t></si><si><t xml:space=\"preserve\"> kept &amp; &#233;&#x20AC; </t></si><si/><si><t/></si>\n <si><t>x</t></si>";
        let rows = r#"
            <row r="2"><c r="B2" t="s"><v>0</v></c> <c r="C2" t="s"><v>1</v></c><c r="D2" t="s"><v>2</v></c></row>
            <row r="3" spans="1:5"><c r="A3" t="d"><v>2024-03-01T10:00:00</v></c><c r="B3" t="e"><v>#N/A</v></c><c r="C3"><v/></c><c r="D3" t="b"><v>0</v></c><c r="E3"></c><c r="F3" t="n"><v>1e3</v></c></row>
            <row r="5"><c r="C5" t="s"><v>4</v></c><c r="B5"><v>3</v></c><c r="C5"><v>10</v></c></row>
            <row r="6"/>"#;
        let cells = read_both_ways(&hand_made(strings, rows)).expect("plain XML is read here");
        // An empty ISO date still marks where the used area starts, as in calamine.
        let empty_date = read_both_ways(&hand_made(
            "<si><t>x</t></si>",
            r#"<row r="1"><c r="A1" t="d"><v/></c><c r="B1" t="s"><v>0</v></c></row>"#,
        ));
        assert_eq!(empty_date, Some(vec![(1, vec![String::new(), "x".into()])]));
        assert_eq!(cells[0].1, ["", "trimmed", " kept & é€ "], "an empty string holds no text");
        assert_eq!(
            cells[3],
            (5, vec!["".to_owned(), "3".into(), "10".into()]),
            "cells out of order are sorted and the last of a repeat kept"
        );
    }

    #[test]
    fn xml_this_reader_does_not_know_is_left_to_calamine() {
        let plain_strings = "<si><t>a</t></si>";
        for (strings, rows) in [
            (plain_strings, r#"<row r="1"><c t="s"><v>0</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="str"><v>b</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1"><v> 5</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="s"><v>3</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" cm="1"><v>5</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="a1"><v>5</v></c></row>"#),
            ("<si><r><t>a</t></r></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            ("<si><t>a_x000D_b</t></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            ("<si><t>&nbsp;</t></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            // An escape spelled with an entity, which calamine decodes after the entity.
            ("<si><t>&#95;x0041_</t></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            ("<si><t>&#0;</t></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            ("<si><t>&#+65;</t></si>", r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
            // calamine reads `+1` as index 0.
            ("<si><t>a</t></si><si><t>b</t></si>", r#"<row r="1"><c r="A1" t="s"><v>+1</v></c></row>"#),
            // calamine stops at three attributes, repeats included.
            (plain_strings, r#"<row r="1"><c r="A1" r="A1" r="A1" t="s"><v>0</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1"><v>+5</v></c></row>"#),
        ] {
            assert!(read_plain(&hand_made(strings, rows), None).is_none(), "{strings} {rows}");
        }
        let row = r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#;
        assert!(read_plain(&hand_made(plain_strings, row), None).is_some(), "the parts below are what differs");
        let twice = WORKBOOK_RELS.replace("rId8", "rId7");
        let elsewhere = RELS.replace("xl/workbook.xml", "xl/book.xml");
        let other_id = WORKBOOK.replace(r#"r:id="rId7""#, r#"r:id="rId7" x:id="rId8""#);
        for (name, text) in [
            ("xl/_rels/workbook.xml.rels", twice.as_str()),
            ("_rels/.rels", elsewhere.as_str()),
            ("xl/workbook.xml", other_id.as_str()),
        ] {
            assert!(read_plain(&hand_made_with(plain_strings, row, &[(name, text)]), None).is_none(), "{name}");
        }
    }
}
