//! What the packages in dist/ ship: the icon files match their SVG and are the containers each
//! system reads, the desktop entry offers the app for the spreadsheets it opens, every file the
//! .deb lists exists, and the app explains itself when it cannot open a window.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose

use std::path::Path;
use std::process::Command;

use resvg::tiny_skia::Pixmap;

fn repo(path: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn png_side(png: &[u8]) -> u32 {
    let pixmap = Pixmap::decode_png(png).expect("a readable PNG");
    assert_eq!(pixmap.width(), pixmap.height());
    pixmap.width()
}

#[test]
fn the_icon_files_are_the_renderings_of_the_svg() {
    let output = Command::new(env!("CARGO_BIN_EXE_render-icons")).arg("--check").output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("10 icon files match"));
}

#[test]
fn the_windows_icon_holds_png_images_from_16_to_256_pixels() {
    let ico = std::fs::read(repo("assets/icon/nps-workbench.ico")).unwrap();
    let u16_at = |i: usize| u16::from_le_bytes([ico[i], ico[i + 1]]);
    let u32_at = |i: usize| u32::from_le_bytes([ico[i], ico[i + 1], ico[i + 2], ico[i + 3]]) as usize;
    assert_eq!((u16_at(0), u16_at(2)), (0, 1), "ICONDIR: reserved 0, type 1 (icon)");
    let count = usize::from(u16_at(4));
    let mut sides = Vec::new();
    for entry in 0..count {
        let at = 6 + 16 * entry;
        let declared = if ico[at] == 0 { 256 } else { u32::from(ico[at]) };
        let (length, offset) = (u32_at(at + 8), u32_at(at + 12));
        let side = png_side(&ico[offset..offset + length]);
        assert_eq!(side, declared, "entry {entry}");
        sides.push(side);
    }
    assert_eq!(sides, [16, 32, 48, 64, 128, 256]);
}

#[test]
fn the_macos_icon_set_holds_every_size_finder_asks_for() {
    let icns = std::fs::read(repo("assets/icon/nps-workbench.icns")).unwrap();
    let be = |i: usize| u32::from_be_bytes([icns[i], icns[i + 1], icns[i + 2], icns[i + 3]]) as usize;
    assert_eq!(&icns[..4], b"icns");
    assert_eq!(be(4), icns.len(), "the header's length is the file's");
    let mut entries = Vec::new();
    let mut at = 8;
    while at < icns.len() {
        let code = String::from_utf8(icns[at..at + 4].to_vec()).unwrap();
        let length = be(at + 4);
        entries.push((code, png_side(&icns[at + 8..at + length])));
        at += length;
    }
    assert_eq!(at, icns.len());
    let expected = [
        ("icp4", 16),
        ("icp5", 32),
        ("icp6", 64),
        ("ic07", 128),
        ("ic08", 256),
        ("ic09", 512),
        ("ic10", 1024),
        ("ic11", 32),
        ("ic12", 64),
        ("ic13", 256),
        ("ic14", 512),
    ];
    let expected: Vec<(String, u32)> = expected.iter().map(|(c, s)| ((*c).to_owned(), *s)).collect();
    assert_eq!(entries, expected);
}

/// The `Key=value` lines of the desktop entry's main group.
fn desktop_entry() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo("dist/linux/nps-workbench.desktop")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines.filter_map(|line| line.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
}

fn entry_value(entry: &[(String, String)], key: &str) -> String {
    entry.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone()).unwrap_or_else(|| panic!("no {key}="))
}

#[test]
fn the_desktop_entry_offers_the_app_for_every_spreadsheet_it_reads() {
    let entry = desktop_entry();
    assert_eq!(entry_value(&entry, "Exec"), "nps-workbench %f", "the binary, with the file chosen in Open with");
    assert_eq!(entry_value(&entry, "Icon"), "nps-workbench");
    // The window's app id is what Wayland compositors and X11 docks match on.
    let options = nps_workbench::ui::native_options();
    assert_eq!(options.viewport.app_id.as_deref(), Some("nps-workbench"));
    assert_eq!(entry_value(&entry, "StartupWMClass"), "nps-workbench");
    let mime = entry_value(&entry, "MimeType");
    let types: Vec<&str> = mime.split(';').filter(|t| !t.is_empty()).collect();
    for wanted in [
        "text/csv",
        "text/tab-separated-values",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-excel",
        "application/vnd.oasis.opendocument.spreadsheet",
    ] {
        assert!(types.contains(&wanted), "MimeType lacks {wanted}");
    }
    for language in ["nl", "da"] {
        assert!(entry.iter().any(|(k, _)| *k == format!("Comment[{language}]")), "no Comment[{language}]");
    }
}

#[test]
fn every_file_the_deb_installs_exists_and_every_icon_size_is_there() {
    let manifest = std::fs::read_to_string(repo("Cargo.toml")).unwrap();
    let start = manifest.find("assets = [").expect("[package.metadata.deb] assets");
    let block = &manifest[start..start + manifest[start..].find("\n]").unwrap()];
    let mut destinations = Vec::new();
    for line in block.lines().skip(1) {
        let fields: Vec<&str> = line.trim().trim_start_matches('[').split('"').collect();
        let (source, destination) = (fields[1], fields[3]);
        if !source.starts_with("target/") {
            assert!(repo(source).is_file(), "{source} is listed but missing");
        }
        destinations.push(destination.to_owned());
    }
    assert!(destinations.contains(&"usr/bin/".to_owned()));
    assert!(destinations.contains(&"usr/share/applications/".to_owned()));
    for side in [16, 32, 48, 64, 128, 256, 512] {
        let wanted = format!("usr/share/icons/hicolor/{side}x{side}/apps/nps-workbench.png");
        assert!(destinations.contains(&wanted), "{wanted}");
        let source = repo(&format!("assets/icon/png/nps-workbench-{side}.png"));
        assert_eq!(png_side(&std::fs::read(source).unwrap()), side);
    }
    assert!(destinations.contains(&"usr/share/icons/hicolor/scalable/apps/nps-workbench.svg".to_owned()));
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn without_a_display_the_app_says_why_in_the_users_language_and_exits() {
    let output = Command::new(env!("CARGO_BIN_EXE_nps-workbench"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("NPS Workbench kon zijn venster niet openen"), "{stderr}");
    assert!(stderr.contains("geen grafische werkomgeving"), "{stderr}");
    assert!(stderr.contains("nps-workbench report BESTAND"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
