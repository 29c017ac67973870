//! A reader for the plain xlsx workbooks survey tools and spreadsheet libraries write: one sheet,
//! shared or inline strings without rich text (streaming writers such as Apache POI's SXSSF and
//! xlsxwriter's constant-memory mode write inline ones), numbers in any number format, dates as
//! date-formatted numbers. Such a sheet is inflated piece by piece while two threads scan the
//! pieces as text, where calamine's XML events took one core half a second for a 100,000-row
//! export; memory holds a few pieces of the sheet's XML, never all of it.
//!
//! Anything else (several sheets, formulas, rich text, XML this scanner does not know) makes
//! [`read_plain`] answer `None`, and calamine reads the workbook as before. What it gives is the
//! same as calamine gives for the same workbook, cell for cell: the tests read every workbook
//! both ways, and a property test does so on random workbooks.
//!
//! Owns only the bytes-to-cells step; the cells' text is written by `workbook`.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender};
use std::sync::{Arc, Mutex, PoisonError};

use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType};

use super::workbook::{SparseCells, WorkbookSheets};

/// A sheet's XML is inflated and scanned in pieces of about this many bytes.
const PIECE_BYTES: usize = 1 << 20;

/// Numbered pieces of a sheet's XML, as the scanners take them.
type Pieces = Arc<Mutex<Receiver<(usize, Vec<u8>)>>>;

/// The workbook's sheets that hold a cell, or the one `wanted` names, read without calamine;
/// `None` when the workbook is not of the plain kind this reader knows, or has no sheet of that
/// name, or holds no cell (calamine then reads it, with its own messages for what is wrong).
pub(super) fn read_plain(bytes: &[u8], wanted: Option<&str>) -> Option<WorkbookSheets> {
    read_plain_in_pieces(bytes, wanted, PIECE_BYTES)
}

/// [`read_plain`], inflating each sheet in pieces of about `piece_bytes`.
fn read_plain_in_pieces(bytes: &[u8], wanted: Option<&str>, piece_bytes: usize) -> Option<WorkbookSheets> {
    let mut parts = Parts::open(bytes)?;
    let package = parts.text("_rels/.rels")??;
    if !relations(&package)?.iter().any(|(_, target)| matches!(target.as_str(), "xl/workbook.xml" | "/xl/workbook.xml"))
    {
        return None;
    }
    let workbook = parts.text("xl/workbook.xml")??;
    let listed = sheets(&workbook)?;
    let is_1904 = date_1904(&workbook)?;
    let relations = relations(&parts.text("xl/_rels/workbook.xml.rels")??)?;
    let shown = match parts.text("xl/styles.xml")? {
        Some(styles) => numbers_shown(&styles)?,
        None => Vec::new(),
    };
    let strings = match parts.text("xl/sharedStrings.xml")? {
        Some(xml) => shared_strings(&xml)?,
        None => Vec::new(),
    };
    let context = Context { strings: &strings, shown: &shown, is_1904 };
    let chosen: Vec<&(String, String)> = match wanted {
        Some(wanted) => vec![listed.iter().find(|(name, _)| name.eq_ignore_ascii_case(wanted))?],
        None => listed.iter().collect(),
    };
    let mut read = Vec::with_capacity(chosen.len());
    for (name, relation) in chosen {
        let mut sheet = parts.entry(&sheet_path(&relations, relation)?)??;
        let cells = read_sheet(&mut sheet, &context, piece_bytes)?.into_table();
        if cells.row_count() > 0 {
            read.push((name.clone(), cells));
        }
    }
    if read.is_empty() {
        return None;
    }
    Some(WorkbookSheets { sheet_names: listed.into_iter().map(|(name, _)| name).collect(), sheets: read })
}

/// What a sheet's cells refer to.
struct Context<'a> {
    strings: &'a [String],
    /// Per cell style (`<xf>` of `<cellXfs>`), how its number format shows a number.
    shown: &'a [Shown],
    /// Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900.
    is_1904: bool,
}

/// How a number format shows a number, as calamine tells them apart: a number (General, `0.00`,
/// percentages, currencies), a date or time of day, or a duration (`[h]:mm:ss`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    Number,
    Date,
    Duration,
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
        let Some(mut entry) = self.entry(name)? else { return Some(None) };
        // The size the archive claims is only a hint.
        let mut text = String::with_capacity(usize::try_from(entry.size().min(1 << 28)).unwrap_or(0));
        entry.read_to_string(&mut text).ok()?;
        (!text.contains("<!--") && !text.contains("<![CDATA[")).then_some(Some(text))
    }

    /// Part `name`, to be read: `Some(None)` when the archive has no such part, `None` when it
    /// cannot be opened or is named so that calamine, which ignores case, could find a different
    /// part.
    fn entry(&mut self, name: &str) -> Option<Option<zip::read::ZipFile<'_, Cursor<&'a [u8]>>>> {
        match self.folded.iter().filter(|f| **f == name.to_ascii_lowercase()).count() {
            0 => Some(None),
            1 => Some(Some(self.zip.by_name(name).ok()?)),
            _ => None,
        }
    }
}

/// Whether `after`, the text after a tag's name, ends the name there.
fn ends_name(after: &str) -> bool {
    after.as_bytes().first().is_some_and(|&b| name_ends_at(b))
}

/// Whether the byte after a tag's name ends the name there.
fn name_ends_at(b: u8) -> bool {
    matches!(b, b' ' | b'>' | b'/' | b'\n' | b'\r' | b'\t')
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
    unprefixed_tags(xml, name)
}

/// The tags named `name` in `xml` without a namespace prefix, as [`tags`] gives them.
fn unprefixed_tags<'a>(xml: &'a str, name: &str) -> Option<Vec<&'a str>> {
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

/// The names and relation ids of the workbook's sheets, in order; `None` for a repeated name, a
/// visibility calamine does not know, or a sheet whose relation calamine could read from another
/// attribute.
fn sheets(workbook: &str) -> Option<Vec<(String, String)>> {
    let mut listed: Vec<(String, String)> = Vec::new();
    for sheet in tags(workbook, "sheet")? {
        let attributes = attributes(sheet)?;
        if attributes.iter().any(|(k, _)| k.ends_with(":id") && *k != "r:id" || *k == "id")
            || value(&attributes, "state").is_some_and(|s| !matches!(s, "visible" | "hidden" | "veryHidden"))
        {
            return None;
        }
        let name = decode_text(value(&attributes, "name")?)?.into_owned();
        if listed.iter().any(|(n, _)| *n == name) {
            return None;
        }
        listed.push((name, value(&attributes, "r:id")?.to_owned()));
    }
    (!listed.is_empty()).then_some(listed)
}

/// Whether the workbook counts its dates from 1904: the `date1904` of its last `workbookPr`, as
/// calamine reads it; `None` when a `date1904` stands where this reader does not look (in a
/// prefixed tag, say).
fn date_1904(workbook: &str) -> Option<bool> {
    let mut is_1904 = false;
    let mut seen = 0;
    for tag in unprefixed_tags(workbook, "workbookPr")? {
        if let Some(v) = value(&attributes(tag)?, "date1904") {
            is_1904 = matches!(v, "1" | "true");
            seen += 1;
        }
    }
    (seen == workbook.matches("date1904").count()).then_some(is_1904)
}

/// Where the relation `id` points to, as a path in the archive.
fn sheet_path(relations: &[(String, String)], id: &str) -> Option<String> {
    let (_, target) = relations.iter().find(|(i, _)| i == id)?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("xl/{target}"),
    };
    path.starts_with("xl/worksheets/").then_some(path)
}

/// Per cell style (`<xf>` of `<cellXfs>`), how numbers in it show, as calamine finds it: the
/// style's `numFmtId` names a custom format of `<numFmts>` or else a built-in one. `None` for
/// styles this reader does not follow.
fn numbers_shown(styles: &str) -> Option<Vec<Shown>> {
    for name in ["numFmts", "numFmt", "cellXfs", "xf"] {
        if has_prefixed(styles, name) {
            return None;
        }
    }
    // calamine reads the styles in order: custom formats after the cell styles do not apply to
    // them there.
    if let (Some(formats), Some(xfs)) = (styles.find("<numFmts"), styles.find("<cellXfs"))
        && formats > xfs
    {
        return None;
    }
    let mut custom: HashMap<&str, String> = HashMap::new();
    if let Some(formats) = section(styles, "numFmts")? {
        for format in unprefixed_tags(formats, "numFmt")? {
            let attributes = attributes(format)?;
            if let (Some(id), Some(code)) = (value(&attributes, "numFmtId"), value(&attributes, "formatCode")) {
                custom.insert(id, decode_text(code)?.into_owned());
            }
        }
    }
    let Some(xfs) = section(styles, "cellXfs")? else { return Some(Vec::new()) };
    let mut shown = Vec::new();
    for xf in unprefixed_tags(xfs, "xf")? {
        shown.push(match value(&attributes(xf)?, "numFmtId") {
            None => Shown::Number,
            Some(id) => custom.get(id).map_or_else(|| built_in_format(id), |code| custom_format(code)),
        });
    }
    Some(shown)
}

/// The text inside the only element named `name` (`Some(None)` without one); `None` when there
/// are several or it is not closed.
fn section<'a>(xml: &'a str, name: &str) -> Option<Option<&'a str>> {
    let open = format!("<{name}");
    let mut starts = xml.match_indices(open.as_str()).filter(|(at, _)| ends_name(&xml[at + open.len()..]));
    let Some((start, _)) = starts.next() else { return Some(None) };
    if starts.next().is_some() {
        return None;
    }
    let body = &xml[start..];
    let tag_end = body.find('>')?;
    if body[..tag_end].ends_with('/') {
        return Some(Some(""));
    }
    let body = &body[tag_end + 1..];
    Some(Some(&body[..body.find(format!("</{name}>").as_str())?]))
}

/// How a built-in number format (ECMA-376, 18.8.30) shows a number: 14-22, 45 and 47 are dates
/// and times, 27-36 and 50-58 the East Asian dates, 46 `[h]:mm:ss` a duration.
fn built_in_format(id: &str) -> Shown {
    match id {
        "14" | "15" | "16" | "17" | "18" | "19" | "20" | "21" | "22" | "45" | "47" => Shown::Date,
        "27" | "28" | "29" | "30" | "31" | "32" | "33" | "34" | "35" | "36" => Shown::Date,
        "50" | "51" | "52" | "53" | "54" | "55" | "56" | "57" | "58" => Shown::Date,
        "46" => Shown::Duration,
        _ => Shown::Number,
    }
}

/// How a custom number format shows a number, by calamine's rule: only the first section (up to
/// `;`) counts; outside quotes, brackets and escaped characters, a `d`, `m`, `h`, `y` or `s` makes
/// it a date (after an `a`, as in `AM/PM`, a `m`, `p` or `/`); an elapsed-time bracket (`[h]`,
/// `[mm]`, `[s]`) makes it a duration.
fn custom_format(code: &str) -> Shown {
    let (mut escaped, mut quoted, mut after_a, mut elapsed) = (false, false, false, false);
    let mut brackets = 0u8;
    let mut previous = ' ';
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if matches!(c, '_' | '\\' | '*') {
            // The next character is a literal (`\`), a width (`_`) or a fill (`*`).
            escaped = true;
        } else if quoted {
            quoted = c != '"';
        } else if c == '"' {
            quoted = true;
        } else if c == ';' {
            return Shown::Number;
        } else if c == '[' {
            brackets = brackets.wrapping_add(1);
        } else if c == ']' && brackets == 1 && elapsed {
            return Shown::Duration;
        } else if c == ']' {
            brackets = brackets.saturating_sub(1);
        } else if brackets == 0 && !after_a && matches!(c, 'a' | 'A') {
            after_a = true;
        } else if brackets == 0
            && if after_a {
                matches!(c.to_ascii_lowercase(), 'p' | 'm' | '/')
            } else {
                matches!(c.to_ascii_lowercase(), 'd' | 'm' | 'h' | 'y' | 's')
            }
        {
            return Shown::Date;
        } else if !(elapsed && c.eq_ignore_ascii_case(&previous)) {
            elapsed = previous == '[' && matches!(c.to_ascii_lowercase(), 'h' | 'm' | 's');
        }
        previous = c;
    }
    Shown::Number
}

/// The shared strings, as calamine reads them: each `<si>`'s one `<t>` (see [`string_item`]).
/// `None` for rich text, phonetic runs or anything else this reader does not know.
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
        let (text, after) = string_item(rest.strip_prefix("<si>")?.trim_start())?;
        rest = after.trim_start().strip_prefix("</si>")?.trim_start();
        strings.push(text.into_owned());
    }
    Some(strings)
}

/// The text of a string item's one `<t>` at the start of `xml`, as calamine reads it: entities
/// decoded, and trimmed of ASCII white space unless it is marked `xml:space="preserve"`; with the
/// XML after it. `None` for `_xHHHH_` escapes, carriage returns, markup inside, or attributes this
/// reader does not know.
fn string_item(xml: &str) -> Option<(Cow<'_, str>, &str)> {
    if let Some(after) = xml.strip_prefix("<t/>") {
        return Some((Cow::Borrowed(""), after));
    }
    let rest = xml.strip_prefix("<t")?;
    let close = rest.find('>')?;
    let preserve = match rest[..close].trim() {
        "" => false,
        "xml:space=\"preserve\"" => true,
        _ => return None,
    };
    let rest = &rest[close + 1..];
    let end = rest.find("</t>")?;
    let raw = &rest[..end];
    if raw.contains(['<', '\r']) {
        return None;
    }
    let decoded = decode_text(raw)?;
    if decoded.contains("_x") || decoded.contains('\r') {
        return None;
    }
    let text = match decoded {
        _ if preserve => decoded,
        Cow::Borrowed(text) => Cow::Borrowed(text.trim_matches([' ', '\t', '\r', '\n'])),
        Cow::Owned(text) => Cow::Owned(text.trim_matches([' ', '\t', '\r', '\n']).to_owned()),
    };
    Some((text, &rest[end + "</t>".len()..]))
}

/// XML text with its entities decoded: the five named ones and character references. `None` for
/// any other entity.
fn decode_text(raw: &str) -> Option<Cow<'_, str>> {
    if !raw.contains('&') {
        return Some(Cow::Borrowed(raw));
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
    Some(Cow::Owned(text))
}

/// The cells of a sheet's XML, read from `sheet`: this thread inflates it piece by piece, each
/// piece whole rows, while two threads scan the pieces; `None` for XML this reader does not know.
fn read_sheet(sheet: &mut impl Read, context: &Context<'_>, piece_bytes: usize) -> Option<SparseCells> {
    let gave_up = AtomicBool::new(false);
    let (send_piece, pieces) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(2);
    let (give_back, spare) = std::sync::mpsc::channel::<Vec<u8>>();
    // Each scanner holds the receiving end: when both have stopped, even by a panic, sending
    // fails and the inflating stops.
    let pieces = Arc::new(Mutex::new(pieces));
    let scanner = |pieces: Pieces, give_back: Sender<Vec<u8>>| {
        let gave_up = &gave_up;
        move || {
            let mut scanned = Vec::new();
            loop {
                let next = pieces.lock().unwrap_or_else(PoisonError::into_inner).recv();
                let Ok((index, piece)) = next else { break };
                // After giving up the pieces are still taken, so the inflating never waits.
                if !gave_up.load(Ordering::Relaxed) {
                    match std::str::from_utf8(&piece).ok().and_then(|xml| read_rows(xml, context, gave_up)) {
                        Some(cells) => scanned.push((index, cells)),
                        None => gave_up.store(true, Ordering::Relaxed),
                    }
                }
                let _ = give_back.send(piece);
            }
            scanned
        }
    };
    let (inflated, mut scanned) = std::thread::scope(|scope| {
        let first = scope.spawn(scanner(Arc::clone(&pieces), give_back.clone()));
        let second = scope.spawn(scanner(pieces, give_back));
        let inflated = inflate_rows(sheet, piece_bytes, &send_piece, &spare, &gave_up);
        drop(send_piece);
        let join = |scanner: std::thread::ScopedJoinHandle<'_, Vec<(usize, SparseCells)>>| {
            scanner.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let mut scanned = join(first);
        scanned.extend(join(second));
        (inflated, scanned)
    });
    if inflated != Some(scanned.len()) || gave_up.load(Ordering::Relaxed) {
        return None;
    }
    scanned.sort_unstable_by_key(|(index, _)| *index);
    let mut scanned = scanned.into_iter().map(|(_, cells)| cells);
    let mut cells = scanned.next().unwrap_or_else(SparseCells::new);
    scanned.for_each(|later| cells.append(later));
    Some(cells)
}

/// Inflates `sheet` and sends the XML inside its `<sheetData>` as numbered pieces of whole rows,
/// of about `piece_bytes` each (a row longer than that is one piece); gives the number of pieces,
/// or `None` when the XML is not of the kind this reader knows or scanning gave up.
fn inflate_rows(
    sheet: &mut impl Read,
    piece_bytes: usize,
    send: &SyncSender<(usize, Vec<u8>)>,
    spare: &Receiver<Vec<u8>>,
    gave_up: &AtomicBool,
) -> Option<usize> {
    const START: &[u8] = b"<sheetData";
    const END: &[u8] = b"</sheetData>";
    let mut buffer = Vec::with_capacity(piece_bytes);
    let mut searched = 0;
    // The start tag, and the two bytes after its name.
    let (start, after) = loop {
        if let Some(at) = memchr::memmem::find(&buffer[searched..], START)
            && let Some(after) = buffer.get(searched + at + START.len()..searched + at + START.len() + 2)
        {
            break (searched + at, [after[0], after[1]]);
        }
        searched = buffer.len().saturating_sub(START.len() + 1);
        if fill(sheet, &mut buffer, piece_bytes)? == 0 {
            return None;
        }
    };
    let head = std::str::from_utf8(&buffer[..start]).ok()?;
    if head.contains("<!--") || head.contains("<![CDATA[") {
        return None;
    }
    match &after {
        // A sheet without cells.
        b"/>" => return Some(0),
        [b'>', _] => buffer.drain(..start + START.len() + 1),
        _ => return None,
    };
    let (mut sent, mut searched) = (0, 0);
    loop {
        if gave_up.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(at) = memchr::memmem::find(&buffer[searched..], END) {
            buffer.truncate(searched + at);
            send.send((sent, buffer)).ok()?;
            return Some(sent + 1);
        }
        searched = buffer.len().saturating_sub(END.len());
        // Text between tags is never `<`: a `<row` tag starts a row.
        let cut = (buffer.len() >= piece_bytes)
            .then(|| {
                memchr::memmem::rfind_iter(&buffer, b"<row")
                    .find(|&at| buffer.get(at + 4).is_some_and(|&b| name_ends_at(b)))
            })
            .flatten()
            .filter(|&at| at > 0);
        if let Some(cut) = cut {
            let mut next = spare.try_recv().unwrap_or_else(|_| Vec::with_capacity(piece_bytes + piece_bytes / 2));
            next.clear();
            next.extend_from_slice(&buffer[cut..]);
            buffer.truncate(cut);
            send.send((sent, std::mem::replace(&mut buffer, next))).ok()?;
            sent += 1;
            searched = 0;
        } else if fill(sheet, &mut buffer, piece_bytes)? == 0 {
            return None;
        }
    }
}

/// Reads up to `more` bytes of `from` onto the end of `buffer`; how many it read, 0 at the end.
fn fill(from: &mut impl Read, buffer: &mut Vec<u8>, more: usize) -> Option<usize> {
    from.take(more as u64).read_to_end(buffer).ok()
}

/// The cells of a run of whole `<row>` elements; `None`, and `gave_up` set, for XML this reader
/// does not follow, or as soon as another piece has set `gave_up` (the workbook then goes to
/// calamine, and scanning on is wasted time).
fn read_rows(xml: &str, context: &Context<'_>, gave_up: &AtomicBool) -> Option<SparseCells> {
    let cells = read_rows_until_given_up(xml, context, gave_up);
    if cells.is_none() {
        gave_up.store(true, Ordering::Relaxed);
    }
    cells
}

fn read_rows_until_given_up(xml: &str, context: &Context<'_>, gave_up: &AtomicBool) -> Option<SparseCells> {
    // Positions found by `memchr` are of ASCII bytes, so slicing `xml` there keeps whole
    // characters.
    let bytes = xml.as_bytes();
    let mut cells = SparseCells::new();
    let mut at = 0;
    let mut tags = 0u32;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        tags = tags.wrapping_add(1);
        if tags.is_multiple_of(4096) && gave_up.load(Ordering::Relaxed) {
            return None;
        }
        if !bytes[at..at + found].iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        at += found;
        let tag_end = at + memchr::memchr(b'>', &bytes[at..])? + 1;
        let tag = &bytes[at..tag_end];
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
                if kind == Kind::Inline {
                    let (text, after) = inline_string(&xml[at..])?;
                    at += after;
                    if let Some(text) = text {
                        cells.push_text(position, &text);
                    }
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
    bytes[at..].iter().all(u8::is_ascii_whitespace).then_some(cells)
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
    Inline,
    Bool,
    Error,
    IsoDate,
}

/// A `<c>` tag's position (row, column; from 0), style and kind; `None` without a position or
/// with an attribute this reader does not follow.
fn cell_attributes(attributes: &[u8]) -> Option<((u32, u32), Option<usize>, Kind)> {
    let (mut position, mut style, mut kind) = (None, None, None);
    for pair in attribute_pairs(attributes) {
        let (key, value) = pair?;
        match key {
            b"r" if position.is_none() => position = Some(cell_position(value)?),
            b"s" if style.is_none() && !value.is_empty() && value.iter().all(u8::is_ascii_digit) => {
                style = Some(std::str::from_utf8(value).ok()?.parse().ok()?);
            }
            b"t" if kind.is_none() => {
                kind = Some(match value {
                    b"n" => Kind::Number,
                    b"s" => Kind::Shared,
                    b"inlineStr" => Kind::Inline,
                    b"b" => Kind::Bool,
                    b"e" => Kind::Error,
                    b"d" => Kind::IsoDate,
                    _ => return None,
                });
            }
            // Another attribute, or one repeated.
            _ => return None,
        }
    }
    Some((position?, style, kind.unwrap_or(Kind::Number)))
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
fn cell_value(xml: &str) -> Option<(Option<&str>, usize)> {
    const CLOSE: &str = "</c>";
    let rest = xml.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let skip = xml.len() - rest.len();
    if rest.starts_with(CLOSE) {
        return Some((None, skip + CLOSE.len()));
    }
    let (value, used) = if rest.starts_with("<v/>") {
        // calamine reads `<v/>` as `<v></v>`.
        (Some(""), 4)
    } else {
        let after = rest.strip_prefix("<v>")?;
        let end = memchr::memchr(b'<', after.as_bytes())?;
        if !after[end..].starts_with("</v>") {
            return None;
        }
        (Some(&after[..end]), 3 + end + 4)
    };
    let rest = &rest[used..];
    let tail = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_whitespace()).len();
    rest[tail..].starts_with(CLOSE).then_some((value, skip + used + tail + CLOSE.len()))
}

/// What follows an inline string cell's `<c>` start tag up to and with its `</c>`: the text of
/// its `<is>` (`None` for a cell without one, which calamine reads as empty), and how many bytes
/// that took. `None` for rich text, a `<v>` or anything else calamine could read otherwise.
fn inline_string(xml: &str) -> Option<(Option<Cow<'_, str>>, usize)> {
    const CLOSE: &str = "</c>";
    // The common form, `<is><t>text</t></is></c>` with text that needs no decoding, directly.
    if let Some(rest) = xml.strip_prefix("<is><t>") {
        let end = memchr::memchr(b'<', rest.as_bytes())?;
        let (raw, after) = rest.split_at(end);
        if after.starts_with("</t></is></c>") && plain_text(raw) {
            return Some((Some(Cow::Borrowed(raw)), "<is><t>".len() + end + "</t></is></c>".len()));
        }
    }
    let end = memchr::memmem::find(xml.as_bytes(), CLOSE.as_bytes())?;
    let cell = xml[..end].trim_start();
    let text = if cell.is_empty() {
        None
    } else if let Some(rest) = cell.strip_prefix("<is/>") {
        Some(rest.trim_start().is_empty().then_some(Cow::Borrowed(""))?)
    } else {
        let rest = cell.strip_prefix("<is>")?.trim_start();
        let (text, rest) = match rest.strip_prefix("</is>") {
            Some(rest) => (Cow::Borrowed(""), rest),
            None => {
                let (text, rest) = string_item(rest)?;
                (text, rest.trim_start().strip_prefix("</is>")?)
            }
        };
        Some(rest.trim_start().is_empty().then_some(text)?)
    };
    Some((text, end + CLOSE.len()))
}

/// Whether a `<t>`'s raw text is read as it stands: no entity, escape or carriage return to
/// decode, no white space at its ends to trim.
fn plain_text(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let trimmed = |b: Option<&u8>| b.is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
    memchr::memchr3(b'&', b'\r', b'_', bytes).is_none() && !trimmed(bytes.first()) && !trimmed(bytes.last())
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
    if memchr::memchr2(b'&', b'\r', v.as_bytes()).is_some() {
        return None;
    }
    Some(match kind {
        Kind::Shared if v.is_empty() => DataRef::Empty,
        Kind::Shared if !v.bytes().all(|b| b.is_ascii_digit()) => return None,
        Kind::Shared => DataRef::SharedString(context.strings.get(v.parse::<usize>().ok()?)?),
        Kind::Number if v.is_empty() => DataRef::Empty,
        Kind::Number if !canonical_number(v) => return None,
        Kind::Number => {
            let number = v.parse().ok()?;
            // A style past the list shows a number, as in calamine.
            match style.and_then(|s| context.shown.get(s)) {
                None | Some(Shown::Number) => DataRef::Float(number),
                Some(Shown::Date) => {
                    DataRef::DateTime(ExcelDateTime::new(number, ExcelDateTimeType::DateTime, context.is_1904))
                }
                Some(Shown::Duration) => {
                    DataRef::DateTime(ExcelDateTime::new(number, ExcelDateTimeType::TimeDelta, context.is_1904))
                }
            }
        }
        Kind::Bool => match v {
            "" => DataRef::Empty,
            "1" | "true" => DataRef::Bool(true),
            "0" | "false" => DataRef::Bool(false),
            _ => return None,
        },
        Kind::Error => DataRef::Error(v.parse().ok()?),
        Kind::IsoDate => DataRef::DateTimeIso(v.to_owned()),
        // Read by `inline_string`.
        Kind::Inline => return None,
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

    /// The workbook read here, which must be what calamine reads, whatever the size of the pieces
    /// its sheets are inflated in: the first sheet's cells, or `None` where this reader leaves the
    /// workbook to calamine.
    fn read_both_ways(bytes: &[u8]) -> Option<Rows> {
        let calamine = read_with_calamine(bytes.to_vec(), WorkbookKind::Xlsx, None).expect("calamine reads it");
        let plain = read_plain(bytes, None);
        for piece_bytes in [1, 100, 4096] {
            let in_pieces = read_plain_in_pieces(bytes, None, piece_bytes);
            assert_eq!(in_pieces.as_ref().map(sheets), plain.as_ref().map(sheets), "pieces of {piece_bytes} bytes");
        }
        let plain = plain?;
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
    fn a_large_sheet_read_in_pieces_is_the_same() {
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
        assert!(sheet_size >= 2 * PIECE_BYTES as u64, "the sheet is read in several pieces ({sheet_size} bytes)");
        let cells = read_both_ways(&bytes).expect("a plain workbook is read here");
        assert_eq!(cells.len(), 20_000);
        assert_eq!(cells[19_998], (19_999, vec!["R019998".into(), "Retail".into(), "0".into(), "2499.75".into()]));
    }

    /// A workbook as a streaming writer writes it (inline strings, rows written as they come),
    /// with `write` filling its first sheet, a hidden second one and an empty third.
    fn streamed(
        write: impl FnOnce(&mut rust_xlsxwriter::Worksheet) -> Result<(), rust_xlsxwriter::XlsxError>,
    ) -> Vec<u8> {
        let mut book = Workbook::new();
        write(book.add_worksheet_with_constant_memory().expect("a sheet")).expect("cells written");
        let notes = book.add_worksheet_with_constant_memory().expect("a sheet");
        notes.write_string(0, 0, "Exported by a survey tool").expect("cell");
        notes.set_hidden(true);
        book.add_worksheet().set_name("Empty").expect("a valid name");
        book.save_to_buffer().expect("xlsx in memory")
    }

    #[test]
    fn streaming_writers_inline_strings_and_dates_read_as_calamine_reads_them() {
        let date = |y, m, d| rust_xlsxwriter::ExcelDateTime::from_ymd(y, m, d).expect("a date");
        let bytes = streamed(|sheet| {
            let money = Format::new().set_num_format("\"€\" #,##0.00;[Red]-\"€\" #,##0.00");
            for (c, header) in ["id", "when", "stamp", "clock", "hours", "paid", "comment"].iter().enumerate() {
                sheet.write_string(0, c as u16, *header)?;
            }
            sheet.write_string(1, 0, "R1")?;
            sheet.write_datetime_with_format(1, 1, date(2024, 3, 1), &Format::new().set_num_format("dd/mm/yyyy"))?;
            let afternoon = date(2024, 3, 1).and_hms(14, 30, 0)?;
            sheet.write_datetime_with_format(1, 2, &afternoon, &Format::new().set_num_format("yyyy-mm-dd hh:mm"))?;
            sheet.write_number_with_format(1, 3, 0.25, &Format::new().set_num_format("h:mm AM/PM"))?;
            sheet.write_number_with_format(1, 4, 1.5, &Format::new().set_num_format("[h]:mm:ss"))?;
            sheet.write_number_with_format(1, 5, 12.5, &money)?;
            sheet.write_string(1, 6, "  Levering te laat & <duur>, café 北京  ")?;
            sheet.write_string(2, 0, "R2")?;
            sheet.write_number_with_format(2, 1, 45_000.0, &Format::new().set_num_format_index(14))?;
            sheet.write_number_with_format(2, 5, 0.125, &Format::new().set_num_format("0.0%"))?;
            sheet.write_string(2, 6, "")?;
            Ok(())
        });
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").expect("the sheet").read_to_string(&mut sheet).expect("text");
        assert!(sheet.contains(r#"t="inlineStr"><is><t>R1</t></is>"#), "inline strings are written");
        let cells = read_both_ways(&bytes).expect("a streamed workbook is read here");
        assert_eq!(cells[1].1[..3], ["R1", "2024-03-01", "2024-03-01 14:30:00"], "date-formatted numbers are dates");
        assert_eq!(cells[1].1[5..], ["12.5", "  Levering te laat & <duur>, café 北京  "]);
        assert_eq!(cells[2].1[..2], ["R2", "2023-03-15"]);
        assert_eq!(cells[2].1[5], "0.125", "a percentage is a number");
        let book = read_plain(&bytes, None).expect("read here");
        assert_eq!(book.sheet_names, ["Sheet1", "Sheet2", "Empty"], "every sheet is named, the empty one too");
        assert_eq!(book.sheets.len(), 2, "only sheets with cells are read");
        let hidden = read_plain(&bytes, Some("sheet2")).expect("the sheet asked for");
        assert_eq!(rows(&hidden.sheets[0].1), [(1, vec!["Exported by a survey tool".to_owned()])]);
        assert!(read_plain(&bytes, Some("Sheet9")).is_none(), "a sheet that is not there is calamine's to refuse");
    }

    #[test]
    fn numbers_in_every_format_read_as_calamine_reads_them() {
        let custom = [
            "General",
            "0",
            "0.00",
            "#,##0.00 \"kr.\"",
            "0%",
            "@",
            "yyyy-mm-dd",
            "dd/mm/yy;@",
            "[$-413]d mmmm yyyy",
            "h:mm AM/PM",
            "AM/PM",
            "mm:ss.0",
            "[h]:mm",
            "[mm]:ss",
            "[ss]",
            "[Red][h]",
            "[>=100]0",
            "0;[Red]-0",
            "\"d\"0",
            "\\d0",
            "_d0",
            "*d0",
            "0 \"days\"",
            "# ?/?",
            "[$€-2] #,##0.00",
            "\"Y: \"0.00\"m\"",
            "A0",
            "a/p",
            "[h]",
            "[hh]:mm;@",
            "[Blue][m]",
            "[=1]\"one\";0",
            "e",
            "ddd",
        ];
        let bytes = written(|sheet| {
            for id in 0..=58u8 {
                sheet.write_number_with_format(u32::from(id), 0, 45_000.75, &Format::new().set_num_format_index(id))?;
                sheet.write_number_with_format(u32::from(id), 1, -1.0, &Format::new().set_num_format_index(id))?;
            }
            for (r, code) in custom.iter().enumerate() {
                let format = Format::new().set_num_format(*code);
                sheet.write_number_with_format(r as u32, 2, 1.25, &format)?;
                sheet.write_number_with_format(r as u32, 3, 45_000.0, &format)?;
            }
            Ok(())
        });
        let cells = read_both_ways(&bytes).expect("numbers in any format are read here");
        assert_eq!(cells[14].1[0], "2023-03-15 18:00:00", "format 14 is a date");
        assert_eq!(cells[2].1[0], "45000.75", "format 2 is a number");
        for (code, shown) in [
            ("yyyy-mm-dd", Shown::Date),
            ("0.00", Shown::Number),
            ("[h]:mm:ss", Shown::Duration),
            ("\"d\"0", Shown::Number),
            ("0;yyyy", Shown::Number),
            ("AM/PM", Shown::Date),
            ("[Red]0", Shown::Number),
        ] {
            assert_eq!(custom_format(code), shown, "{code}");
        }
    }

    /// A cell of a random workbook.
    #[derive(Debug, Clone)]
    enum RandomCell {
        Text(&'static str),
        Number(f64),
        Formatted(f64, &'static str),
        BuiltIn(f64, u8),
        Bool(bool),
        Blank,
    }

    fn random_cell() -> impl proptest::strategy::Strategy<Value = RandomCell> {
        use proptest::prelude::*;
        let texts = prop::sample::select(vec![
            "",
            "a",
            " padded ",
            "Levering te laat",
            "9",
            "10 - Extremely likely",
            "a & b <c>",
            "café, 北京",
            "\t",
            "line\nbreak",
            "\"quoted\"",
            "Zeer waarschijnlijk",
            "2024-03-01",
            "x_y",
        ]);
        let codes = prop::sample::select(vec![
            "yyyy-mm-dd",
            "dd/mm/yyyy hh:mm",
            "[h]:mm:ss",
            "0.00",
            "0%",
            "#,##0",
            "mmm-yy",
            "h:mm AM/PM",
            "@",
            "\"day \"0",
        ]);
        let numbers = prop_oneof![(0i32..=10).prop_map(f64::from), -1e6..1e6f64, 1.0..60_000.0f64];
        prop_oneof![
            3 => texts.prop_map(RandomCell::Text),
            3 => numbers.clone().prop_map(RandomCell::Number),
            2 => (1.0..60_000.0f64, codes).prop_map(|(n, code)| RandomCell::Formatted(n, code)),
            1 => (numbers, 0u8..=58).prop_map(|(n, id)| RandomCell::BuiltIn(n, id)),
            1 => any::<bool>().prop_map(RandomCell::Bool),
            1 => Just(RandomCell::Blank),
        ]
    }

    /// A workbook of one sheet per list of (row, column, cell), its strings shared or, as
    /// streaming writers write them, inline.
    fn random_workbook(sheets: &[Vec<(u32, u16, RandomCell)>], inline: bool) -> Vec<u8> {
        let mut book = Workbook::new();
        for cells in sheets {
            let sheet =
                if inline { book.add_worksheet_with_constant_memory().expect("a sheet") } else { book.add_worksheet() };
            let mut sorted = cells.clone();
            sorted.sort_by_key(|&(row, column, _)| (row, column));
            for (row, column, cell) in sorted {
                match cell {
                    RandomCell::Text(text) => sheet.write_string(row, column, text),
                    RandomCell::Number(n) => sheet.write_number(row, column, n),
                    RandomCell::Formatted(n, code) => {
                        sheet.write_number_with_format(row, column, n, &Format::new().set_num_format(code))
                    }
                    RandomCell::BuiltIn(n, id) => {
                        sheet.write_number_with_format(row, column, n, &Format::new().set_num_format_index(id))
                    }
                    RandomCell::Bool(b) => sheet.write_boolean(row, column, b),
                    RandomCell::Blank => sheet.write_blank(row, column, &Format::new().set_bold()),
                }
                .expect("cell written");
            }
        }
        book.save_to_buffer().expect("xlsx in memory")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn random_workbooks_read_as_calamine_reads_them(
            written in proptest::collection::vec(
                proptest::collection::vec((0u32..40, 0u16..8, random_cell()), 0..60), 1..4),
            inline in proptest::prelude::any::<bool>(),
        ) {
            let bytes = random_workbook(&written, inline);
            let calamine = read_with_calamine(bytes.clone(), WorkbookKind::Xlsx, None);
            for piece_bytes in [1, 64, PIECE_BYTES] {
                let plain = read_plain_in_pieces(&bytes, None, piece_bytes);
                // Every such workbook is of the kind read here, unless calamine finds no cell in
                // it (blanks and empty strings only).
                proptest::prop_assert_eq!(plain.is_some(), calamine.is_ok());
                if let Some(plain) = plain {
                    let calamine = calamine.as_ref().expect("calamine reads it");
                    proptest::prop_assert_eq!(sheets(&plain), sheets(calamine));
                }
            }
        }
    }

    #[test]
    fn workbooks_outside_the_plain_kind_are_left_to_calamine() {
        let formula = written(|sheet| {
            sheet.write_number(0, 0, 1.0)?;
            sheet.write_formula(0, 1, "=A1+1")?;
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
        for (what, bytes) in [("formula", formula), ("rich text", rich), ("large", large_formula)] {
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
        let date = r#"<row r="1"><c r="A1" s="1"><v>45000</v></c><c r="B1" s="1"><v>0</v></c></row>"#;
        let cells =
            read_both_ways(&hand_made_with("", general, &[("xl/styles.xml", &dated)])).expect("General numbers");
        assert_eq!(cells[0].1, ["45000", "-0.0015"]);
        let cells = read_both_ways(&hand_made_with("", date, &[("xl/styles.xml", &dated)])).expect("dates");
        assert_eq!(cells[0].1[0], "2023-03-15");
        // Old Mac workbooks count days from 1904, whether or not Excel's newer settings follow.
        let mac = WORKBOOK.replace("<sheets>", r#"<workbookPr date1904="1"/><sheets>"#);
        let newer = WORKBOOK.replace(
            "</workbook>",
            r#"<extLst><ext><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>"#,
        );
        let mac_dates = [("xl/styles.xml", dated.as_str()), ("xl/workbook.xml", mac.as_str())];
        let cells = read_both_ways(&hand_made_with("", date, &mac_dates)).expect("a 1904 workbook");
        assert_eq!(cells[0].1, ["2027-03-16", "1904-01-01"]);
        let newer_dates = [("xl/styles.xml", dated.as_str()), ("xl/workbook.xml", newer.as_str())];
        let cells = read_both_ways(&hand_made_with("", date, &newer_dates)).expect("newer settings");
        assert_eq!(cells[0].1[0], "2023-03-15");
        let hidden_1904 = newer.replace("chartTrackingRefBase", "date1904");
        let hidden = [("xl/styles.xml", dated.as_str()), ("xl/workbook.xml", hidden_1904.as_str())];
        assert!(read_plain(&hand_made_with("", date, &hidden), None).is_none(), "a date1904 not looked at");
        // A custom format of the same id as a built-in one is the one that counts.
        let custom = styles(r#"<xf numFmtId="0"/><xf numFmtId="14"/>"#).replace(
            "<cellStyleXfs",
            r#"<numFmts count="1"><numFmt numFmtId="14" formatCode="0.00"/></numFmts><cellStyleXfs"#,
        );
        let cells = read_both_ways(&hand_made_with("", date, &[("xl/styles.xml", &custom)])).expect("numbers");
        assert_eq!(cells[0].1[0], "45000");
        // Custom formats after the cell styles are left to calamine, which reads them in order.
        let late = styles(r#"<xf numFmtId="0"/><xf numFmtId="164"/>"#).replace(
            "</cellXfs>",
            r#"</cellXfs><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>"#,
        );
        assert!(read_plain(&hand_made_with("", date, &[("xl/styles.xml", &late)]), None).is_none());
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
        let inline = r#"
            <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> kept </t></is></c><c r="B1" t="inlineStr">
              <is> <t> trimmed &amp; &#233; </t> </is> </c><c r="C1" t="inlineStr"><is/></c><c r="D1" t="inlineStr"></c>
              <c r="E1" t="inlineStr"><is></is></c><c r="F1" t="inlineStr"><is><t/></is></c>
              <c r="G1" t="inlineStr"><is><t>x_y</t></is></c></row>
            <row r="2"><c r="B2" t="inlineStr" s="0"><is><t>last</t></is></c></row>"#;
        let cells = read_both_ways(&hand_made("", inline)).expect("inline strings are read here");
        assert_eq!(cells[0].1, [" kept ", "trimmed & é", "", "", "", "", "x_y"]);
        assert_eq!(cells[1].1, ["", "last"]);
    }

    #[test]
    fn xml_this_reader_does_not_know_is_left_to_calamine() {
        let plain_strings = "<si><t>a</t></si>";
        for (strings, rows) in [
            (plain_strings, r#"<row r="1"><c t="s"><v>0</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><is><r><t>b</t></r></is></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>b</t><t>c</t></is></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>b</t></is><v>1</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><v>b</v></c></row>"#),
            (plain_strings, r#"<row r="1"><c r="A1" t="inlineStr"><is><t>_x0041_</t></is></c></row>"#),
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
