//! A deck built on the user's own PowerPoint template: the template's first slide master, its
//! layouts and its theme (with the pictures and parts they use) take the place of the deck's own,
//! and every slide is laid on the template's "Title Only" layout (the title slide on its "Title
//! Slide" layout), so that the client's background, logo, colours and fonts frame every slide.
//! The slides' content keeps its own positions, so the template must be 16:9 widescreen.
//!
//! Owns reading the template package and grafting its masters into a deck's parts.

use std::collections::BTreeMap;
use std::io::Read as _;

/// A deck part: its name in the package and its bytes.
pub type Part = (String, Vec<u8>);

/// The deck's slide size in EMU (16:9).
const WIDE: (i64, i64) = (12_192_000, 6_858_000);

/// One relationship of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Link {
    id: String,
    kind: String,
    target: String,
    external: bool,
}

/// The value of `name="…"` in an XML start tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

/// `%20` and the like, decoded (a target names a part by its URI).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// XML's five entities, undone.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every start tag `<name …>` of `xml`.
/// `xml` with tabs and line breaks as spaces, so that attributes are always space-separated.
fn spaced(xml: &str) -> String {
    xml.replace(['\n', '\r', '\t'], " ")
}

fn tags<'a>(xml: &'a str, name: &str) -> std::vec::IntoIter<&'a str> {
    let open = format!("<{name} ");
    let found: Vec<&str> = xml
        .match_indices(open.as_str())
        .filter_map(|(at, _)| xml[at..].find('>').map(|end| &xml[at..at + end + 1]))
        .collect();
    found.into_iter()
}

/// A relationships part's links (targets percent-decoded).
fn links(xml: &str) -> Vec<Link> {
    let xml = spaced(xml);
    tags(&xml, "Relationship")
        .filter_map(|tag| {
            Some(Link {
                id: attribute(tag, "Id")?,
                kind: attribute(tag, "Type")?,
                target: percent_decoded(&attribute(tag, "Target")?),
                external: attribute(tag, "TargetMode").is_some_and(|m| m == "External"),
            })
        })
        .collect()
}

/// The relationships part of `links`.
fn links_xml(links: &[Link]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">",
    );
    for link in links {
        let mode = if link.external { " TargetMode=\"External\"" } else { "" };
        out.push_str(&format!(
            "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"{mode}/>",
            super::svg::escape_xml(&link.id),
            super::svg::escape_xml(&link.kind),
            super::svg::escape_xml(&link.target)
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// The part a relative (or absolute) target of a part in `folder` names.
fn resolve(folder: &str, target: &str) -> String {
    if let Some(absolute) = target.strip_prefix('/') {
        return absolute.to_owned();
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for piece in target.split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            piece => parts.push(piece),
        }
    }
    parts.join("/")
}

/// The folder of a part (`ppt/slideMasters`).
fn folder_of(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(folder, _)| folder)
}

/// The relationships part of `part`.
fn rels_of(part: &str) -> String {
    let (folder, name) = part.rsplit_once('/').unwrap_or(("", part));
    format!("{folder}/_rels/{name}.rels")
}

/// The template package, read.
struct Template {
    parts: BTreeMap<String, Vec<u8>>,
    /// Extension to content type, and part name to content type.
    defaults: BTreeMap<String, String>,
    overrides: BTreeMap<String, String>,
}

impl Template {
    fn read(bytes: &[u8]) -> Result<Self, String> {
        let mut archive =
            zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| "not a .pptx file".to_owned())?;
        let mut parts = BTreeMap::new();
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).map_err(|e| e.to_string())?;
            if file.is_dir() {
                continue;
            }
            let name = file.name().map_err(|e| e.to_string())?.trim_start_matches('/').to_owned();
            let mut content = Vec::new();
            file.read_to_end(&mut content).map_err(|e| e.to_string())?;
            parts.insert(name, content);
        }
        let types =
            parts.get("[Content_Types].xml").map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default();
        let defaults = tags(&types, "Default")
            .filter_map(|t| Some((attribute(t, "Extension")?.to_ascii_lowercase(), attribute(t, "ContentType")?)))
            .collect();
        let overrides = tags(&types, "Override")
            .filter_map(|t| {
                Some((attribute(t, "PartName")?.trim_start_matches('/').to_owned(), attribute(t, "ContentType")?))
            })
            .collect();
        Ok(Self { parts, defaults, overrides })
    }

    fn text(&self, part: &str) -> Option<String> {
        self.parts.get(part).map(|b| String::from_utf8_lossy(b).into_owned())
    }

    fn content_type(&self, part: &str) -> Option<String> {
        self.overrides.get(part).cloned().or_else(|| {
            let extension = part.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
            self.defaults.get(&extension).cloned()
        })
    }
}

/// The first master of the presentation's list: its part, and its id (the deck keeps it: the
/// layouts' ids are numbered after it).
fn first_master(t: &Template, presentation: &str) -> Result<(String, Option<String>), String> {
    let first_master = tags(presentation, "p:sldMasterId").next().ok_or("it has no slide master")?;
    let master_id = attribute(first_master, "id").filter(|id| id.chars().all(|c| c.is_ascii_digit()));
    let master_rid = attribute(first_master, "r:id").ok_or("it has no slide master")?;
    let master = links(&t.text("ppt/_rels/presentation.xml.rels").unwrap_or_default())
        .into_iter()
        .find(|l| l.id == master_rid)
        .map(|l| resolve("ppt", &l.target))
        .filter(|m| t.parts.contains_key(m))
        .ok_or("it has no slide master")?;
    Ok((master, master_id))
}

/// The colours a template's slides are written in: its text colour on its background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ink {
    /// The text colour (the theme colour the master maps `tx1` to).
    pub text: [u8; 3],
    /// The background (the master's own solid fill, else the colour it maps `bg1` to).
    pub background: [u8; 3],
}

impl Default for Ink {
    /// The deck's own: near-black on white.
    fn default() -> Self {
        Self { text: [0x1A, 0x1A, 0x1A], background: [0xFF, 0xFF, 0xFF] }
    }
}

/// The text and background colours of the template's first master, so that text the deck writes
/// in fixed colours reads on a dark template as on a light one (PowerPoint maps the theme's text
/// colour through the master, LibreOffice does not: fixed colours look the same in both). The
/// deck's own when the template cannot be read (applying it then says why).
#[must_use]
pub fn ink(template: &[u8]) -> Ink {
    ink_of(template).unwrap_or_default()
}

fn ink_of(template: &[u8]) -> Option<Ink> {
    let t = Template::read(template).ok()?;
    let presentation = spaced(&t.text("ppt/presentation.xml")?);
    let (master, _) = first_master(&t, &presentation).ok()?;
    let master_xml = spaced(&t.text(&master)?);
    let theme = links(&t.text(&rels_of(&master)).unwrap_or_default())
        .into_iter()
        .find(|l| !l.external && l.kind.ends_with("/theme"))
        .and_then(|l| t.text(&resolve(folder_of(&master), &l.target)))
        .map(|xml| spaced(&xml))?;
    let map = tags(&master_xml, "p:clrMap").next().unwrap_or_default();
    let scheme = |key: &str, default: &str| {
        let slot = attribute(map, key).unwrap_or_else(|| default.to_owned());
        let inner = theme.split(&format!("<a:{slot}>")).nth(1)?.split(&format!("</a:{slot}>")).next()?;
        colour_in(inner)
    };
    let text = scheme("tx1", "dk1")?;
    // A background filled with a colour of its own (not a picture or a theme style).
    let own = master_xml
        .split("<p:bg>")
        .nth(1)
        .and_then(|bg| bg.split("</p:bg>").next())
        .filter(|bg| bg.contains("<a:solidFill>"))
        .and_then(|bg| if bg.contains("<a:schemeClr ") { None } else { colour_in(bg) });
    let background = own.or_else(|| scheme("bg1", "lt1"))?;
    Some(Ink { text, background })
}

/// The first `srgbClr val` or `sysClr lastClr` colour in `xml`.
fn colour_in(xml: &str) -> Option<[u8; 3]> {
    let hex = tags(xml, "a:srgbClr")
        .next()
        .and_then(|tag| attribute(tag, "val"))
        .or_else(|| tags(xml, "a:sysClr").next().and_then(|tag| attribute(tag, "lastClr")))?;
    let value = u32::from_str_radix(hex.get(..6)?, 16).ok()?;
    Some([(value >> 16) as u8, (value >> 8) as u8, value as u8])
}

/// Puts the template's first slide master, its layouts, its theme and what they use in place of
/// the deck's own master, layout and theme in `parts`, and lays every slide on the template's
/// layout for it. Fails with the reason when the template cannot be used (not a presentation, no
/// slide master, not 16:9).
pub fn apply(parts: &mut Vec<Part>, template: &[u8]) -> Result<(), String> {
    let t = Template::read(template)?;
    let presentation = spaced(&t.text("ppt/presentation.xml").ok_or("not a PowerPoint presentation")?);
    if let Some(size) = tags(&presentation, "p:sldSz").next() {
        let number = |name: &str| attribute(size, name).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        let (cx, cy) = (number("cx"), number("cy"));
        // Within a hundredth of 16:9 (PowerPoint's and Google's widescreen sizes differ a little).
        if cy <= 0 || ((cx as f64 / cy as f64) - WIDE.0 as f64 / WIDE.1 as f64).abs() > 0.02 {
            return Err("its slides are not 16:9 widescreen (Design › Slide Size › Widescreen)".to_owned());
        }
    }
    let (master, master_id) = first_master(&t, &presentation)?;
    let mut carrier = Carrier { template: &t, added: Vec::new(), types: Vec::new(), carried: BTreeMap::new() };
    // The master: its layouts renumbered from 1, its theme becomes theme1.xml, the rest carried.
    let mut layouts: Vec<(String, String)> = Vec::new();
    let mut new_master_links = Vec::new();
    let mut theme_found = false;
    for link in links(&t.text(&rels_of(&master)).unwrap_or_default()) {
        let source = resolve(folder_of(&master), &link.target);
        if link.external {
            new_master_links.push(link);
        } else if link.kind.ends_with("/slideLayout") {
            let file = format!("slideLayout{}.xml", layouts.len() + 1);
            layouts.push((source, format!("ppt/slideLayouts/{file}")));
            new_master_links.push(Link { target: format!("../slideLayouts/{file}"), ..link });
        } else if link.kind.ends_with("/theme") {
            let bytes = t.parts.get(&source).ok_or_else(|| format!("its theme {source} is missing"))?;
            carrier.added.push(("ppt/theme/theme1.xml".to_owned(), bytes.clone()));
            let theme_links = carrier.links_of(&source, "../template/")?;
            if !theme_links.is_empty() {
                carrier
                    .added
                    .push(("ppt/theme/_rels/theme1.xml.rels".to_owned(), links_xml(&theme_links).into_bytes()));
            }
            theme_found = true;
            new_master_links.push(Link { target: "../theme/theme1.xml".to_owned(), ..link });
        } else if let Some(target) = carrier.carry_link(&source, &link.kind, "../template/")? {
            new_master_links.push(Link { target, ..link });
        }
    }
    if layouts.is_empty() {
        return Err("its slide master has no layouts".to_owned());
    }
    if !theme_found {
        return Err("its slide master has no theme".to_owned());
    }
    let master_xml = t.parts.get(&master).cloned().unwrap_or_default();
    carrier.added.push(("ppt/slideMasters/slideMaster1.xml".to_owned(), master_xml));
    carrier
        .added
        .push(("ppt/slideMasters/_rels/slideMaster1.xml.rels".to_owned(), links_xml(&new_master_links).into_bytes()));
    // The layouts, pointing at the one master; which one each kind of slide is laid on.
    let (mut title_only, mut cover, mut content_like, mut with_title) = (None, None, None, None);
    for (source, name) in &layouts {
        let xml = spaced(&t.text(source).unwrap_or_default());
        let layout_type = tags(&xml, "p:sldLayout").next().and_then(|tag| attribute(tag, "type")).unwrap_or_default();
        let file = name.rsplit('/').next().unwrap_or_default().to_owned();
        match layout_type.as_str() {
            "titleOnly" if title_only.is_none() => title_only = Some(file.clone()),
            "title" if cover.is_none() => cover = Some(file.clone()),
            "obj" | "tx" | "secHead" if content_like.is_none() => content_like = Some(file.clone()),
            _ => {}
        }
        if with_title.is_none() && layout_type != "title" && xml.contains("type=\"title\"") {
            with_title = Some(file.clone());
        }
        let mut layout_links = Vec::new();
        for link in links(&t.text(&rels_of(source)).unwrap_or_default()) {
            if link.external {
                layout_links.push(link);
            } else if link.kind.ends_with("/slideMaster") {
                layout_links.push(Link { target: "../slideMasters/slideMaster1.xml".to_owned(), ..link });
            } else if let Some(target) =
                carrier.carry_link(&resolve(folder_of(source), &link.target), &link.kind, "../template/")?
            {
                layout_links.push(Link { target, ..link });
            }
        }
        carrier.added.push((name.clone(), t.parts.get(source).cloned().unwrap_or_default()));
        carrier.added.push((rels_of(name), links_xml(&layout_links).into_bytes()));
        carrier.types.push((
            name.clone(),
            "application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml".to_owned(),
        ));
    }
    let first = layouts[0].1.rsplit('/').next().unwrap_or_default().to_owned();
    let content = title_only.clone().or(content_like).or(with_title).unwrap_or_else(|| first.clone());
    let cover = cover.or(title_only).unwrap_or_else(|| content.clone());
    let Carrier { added, types, .. } = carrier;
    // Out with the deck's own master, layout and theme; in with the template's.
    parts.retain(|(name, _)| {
        !(name.starts_with("ppt/slideMasters/")
            || name.starts_with("ppt/slideLayouts/")
            || name == "ppt/theme/theme1.xml"
            || name == "ppt/theme/_rels/theme1.xml.rels")
    });
    for (name, bytes) in parts.iter_mut() {
        if name.starts_with("ppt/slides/_rels/") {
            let layout = if name.ends_with("/slide1.xml.rels") { &cover } else { &content };
            let xml = String::from_utf8_lossy(bytes)
                .replace("../slideLayouts/slideLayout1.xml", &format!("../slideLayouts/{layout}"));
            *bytes = xml.into_bytes();
        } else if name == "ppt/presentation.xml"
            && let Some(id) = &master_id
        {
            let xml = String::from_utf8_lossy(bytes)
                .replace("<p:sldMasterId id=\"2147483648\"", &format!("<p:sldMasterId id=\"{id}\""));
            *bytes = xml.into_bytes();
        } else if name == "[Content_Types].xml" {
            let mut xml = String::from_utf8_lossy(bytes).replace(
                "<Override PartName=\"/ppt/slideLayouts/slideLayout1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.presentationml.slideLayout+xml\"/>",
                "",
            );
            let mut extra = String::new();
            for (part, kind) in &types {
                extra.push_str(&format!(
                    "<Override PartName=\"/{}\" ContentType=\"{}\"/>",
                    super::svg::escape_xml(part),
                    super::svg::escape_xml(kind)
                ));
            }
            xml = xml.replacen("</Types>", &format!("{extra}</Types>"), 1);
            *bytes = xml.into_bytes();
        }
    }
    parts.extend(added);
    Ok(())
}

/// Carries the parts a master, layout or theme uses (pictures, drawings, tags, …) into
/// `ppt/template/partN.ext`, each with its own relationships, once each.
struct Carrier<'a> {
    template: &'a Template,
    added: Vec<Part>,
    types: Vec<(String, String)>,
    /// Template part to its carried name.
    carried: BTreeMap<String, String>,
}

impl Carrier<'_> {
    /// The target to write for a link of `kind` to `source`, from a part whose folder reaches
    /// `ppt/template/` as `prefix`; `None` for links that cannot be carried into a deck (to a
    /// slide or a master, which the deck makes itself). A missing part fails, naming it.
    fn carry_link(&mut self, source: &str, kind: &str, prefix: &str) -> Result<Option<String>, String> {
        if ["/slide", "/notesSlide", "/slideMaster", "/slideLayout", "/notesMaster", "/handoutMaster"]
            .iter()
            .any(|k| kind.ends_with(k))
        {
            return Ok(None);
        }
        Ok(Some(format!("{prefix}{}", self.carry(source)?)))
    }

    /// The carried file's name (in `ppt/template/`), carrying it and what it uses first.
    fn carry(&mut self, source: &str) -> Result<String, String> {
        if let Some(name) = self.carried.get(source) {
            return Ok(name.clone());
        }
        let bytes = self
            .template
            .parts
            .get(source)
            .ok_or_else(|| format!("{source}, which its slide master uses, is missing"))?;
        let extension: String = source
            .rsplit_once('.')
            .map(|(_, e)| e.chars().filter(char::is_ascii_alphanumeric).collect())
            .unwrap_or_default();
        let file = format!("part{}.{}", self.carried.len() + 1, if extension.is_empty() { "bin" } else { &extension });
        self.carried.insert(source.to_owned(), file.clone());
        self.added.push((format!("ppt/template/{file}"), bytes.clone()));
        if let Some(kind) = self.template.content_type(source) {
            self.types.push((format!("ppt/template/{file}"), kind));
        }
        let links = self.links_of(source, "")?;
        if !links.is_empty() {
            self.added.push((format!("ppt/template/_rels/{file}.rels"), links_xml(&links).into_bytes()));
        }
        Ok(file)
    }

    /// `source`'s links with their targets carried (`prefix` before the carried names).
    fn links_of(&mut self, source: &str, prefix: &str) -> Result<Vec<Link>, String> {
        let mut out = Vec::new();
        for link in links(&self.template.text(&rels_of(source)).unwrap_or_default()) {
            if link.external {
                out.push(link);
            } else if let Some(target) =
                self.carry_link(&resolve(folder_of(source), &link.target), &link.kind, prefix)?
            {
                out.push(Link { target, ..link });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_their_folder_and_from_the_root() {
        assert_eq!(
            resolve("ppt/slideMasters", "../slideLayouts/slideLayout2.xml"),
            "ppt/slideLayouts/slideLayout2.xml"
        );
        assert_eq!(resolve("ppt/slideLayouts", "/ppt/media/image1.png"), "ppt/media/image1.png");
        assert_eq!(resolve("ppt", "slideMasters/slideMaster1.xml"), "ppt/slideMasters/slideMaster1.xml");
        assert_eq!(rels_of("ppt/slideMasters/slideMaster1.xml"), "ppt/slideMasters/_rels/slideMaster1.xml.rels");
        let xml = "<Relationships><Relationship Id=\"rId1\" Type=\"http://x/slideLayout\" Target=\"a&amp;b.xml\"/>\
                   <Relationship Id=\"rId2\" Type=\"http://x/hyperlink\" Target=\"https://example.com\" TargetMode=\"External\"/></Relationships>";
        let parsed = links(xml);
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].target, "a&b.xml");
        assert!(parsed[1].external && !parsed[0].external);
        assert_eq!(links(&links_xml(&parsed)), parsed);
        assert_eq!(percent_decoded("image%201.png"), "image 1.png");
        assert_eq!(percent_decoded("100%"), "100%");
        // Attributes across lines are read too.
        assert_eq!(links("<Relationship\n\tId=\"rId3\"\n\tType=\"t\"\n\tTarget=\"x.png\"/>").len(), 1);
    }
}
