//! Remakes the app icon's raster files from `assets/icon/nps-workbench.svg`:
//! `cargo run --bin render-icons` writes `assets/icon/png/nps-workbench-N.png` (N = 16 to 1024),
//! `assets/icon/nps-workbench.ico` (Windows, 16 to 256) and `assets/icon/nps-workbench.icns`
//! (macOS, 16 to 512@2x), each to a temporary name then renamed.
//! `cargo run --bin render-icons -- --check` writes nothing and fails when a file differs from
//! what the SVG gives (tests/packaging.rs runs it).
//!
//! The .ico and .icns hold the PNGs as they are: both formats take PNG entries (Windows Vista and
//! later, macOS 10.7 and later), so no other encoder is needed and `iconutil` (macOS only) is not.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use nps_workbench::files::write_atomic;
use resvg::tiny_skia::{Pixmap, Transform};

/// Every PNG size rendered; 1024 only feeds the .icns (512@2x).
const SIZES: [u32; 8] = [16, 32, 48, 64, 128, 256, 512, 1024];

/// The sizes the Windows .ico holds (256 is the largest the format describes).
const ICO_SIZES: [u32; 6] = [16, 32, 48, 64, 128, 256];

/// The .icns entries: the type code and the PNG size it holds (Apple's `icp4`..`ic14`).
const ICNS_ENTRIES: [(&[u8; 4], u32); 11] = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
];

fn main() -> ExitCode {
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("render-icons: unknown argument {other:?}; usage: render-icons [--check]");
            return ExitCode::from(2);
        }
    };
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon");
    match if check { check_icons(&folder) } else { write_icons(&folder) } {
        Ok(lines) => {
            for line in lines {
                println!("{line}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("render-icons: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Renders every file and writes it; returns one line per file written.
fn write_icons(folder: &Path) -> Result<Vec<String>, String> {
    let svg = read(&folder.join("nps-workbench.svg"))?;
    let png_folder = folder.join("png");
    std::fs::create_dir_all(&png_folder).map_err(|e| format!("{}: {e}", png_folder.display()))?;
    let mut pngs = Vec::new();
    for size in SIZES {
        let bytes = render_png(&svg, size)?;
        pngs.push((size, bytes));
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        pngs.iter().map(|(size, bytes)| (png_path(folder, *size), bytes.clone())).collect();
    files.push((folder.join("nps-workbench.ico"), ico(&pngs)?));
    files.push((folder.join("nps-workbench.icns"), icns(&pngs)?));
    files
        .iter()
        .map(|(path, bytes)| {
            write_atomic(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(format!("wrote {} ({} bytes)", path.display(), bytes.len()))
        })
        .collect()
}

/// Compares every file with what the SVG gives: PNGs by their pixels (so another PNG encoder's
/// compression does not count as a change), the .ico and .icns byte for byte against the same
/// containers made from the PNGs on disk.
fn check_icons(folder: &Path) -> Result<Vec<String>, String> {
    let svg = read(&folder.join("nps-workbench.svg"))?;
    let mut stored = Vec::new();
    let mut differences = Vec::new();
    for size in SIZES {
        let path = png_path(folder, size);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let on_disk = Pixmap::decode_png(&bytes).map_err(|e| format!("{}: not a readable PNG: {e}", path.display()))?;
        let fresh = Pixmap::decode_png(&render_png(&svg, size)?).map_err(|e| e.to_string())?;
        if (on_disk.width(), on_disk.height()) != (size, size) || on_disk.data() != fresh.data() {
            differences.push(path.display().to_string());
        }
        stored.push((size, bytes));
    }
    for (name, expected) in [("nps-workbench.ico", ico(&stored)?), ("nps-workbench.icns", icns(&stored)?)] {
        let path = folder.join(name);
        if std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))? != expected {
            differences.push(path.display().to_string());
        }
    }
    if differences.is_empty() {
        Ok(vec![format!("{} icon files match {}", SIZES.len() + 2, folder.join("nps-workbench.svg").display())])
    } else {
        Err(format!("out of date (run `cargo run --bin render-icons`): {}", differences.join(", ")))
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn png_path(folder: &Path, size: u32) -> PathBuf {
    folder.join("png").join(format!("nps-workbench-{size}.png"))
}

/// The SVG drawn on a `size`×`size` transparent square, as PNG bytes.
fn render_png(svg: &str, size: u32) -> Result<Vec<u8>, String> {
    let tree = resvg::usvg::Tree::from_str(svg, &resvg::usvg::Options::default())
        .map_err(|e| format!("nps-workbench.svg: {e}"))?;
    let mut pixmap = Pixmap::new(size, size).ok_or_else(|| format!("cannot make a {size}x{size} image"))?;
    let scale = size as f32 / tree.size().width().max(tree.size().height());
    resvg::render(&tree, Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| e.to_string())
}

fn png_of(pngs: &[(u32, Vec<u8>)], size: u32) -> Result<&[u8], String> {
    pngs.iter().find(|(s, _)| *s == size).map(|(_, b)| b.as_slice()).ok_or_else(|| format!("no {size}px PNG"))
}

/// A Windows icon file: ICONDIR, one ICONDIRENTRY per size, then the PNGs.
fn ico(pngs: &[(u32, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let count = u16::try_from(ICO_SIZES.len()).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_le_bytes()); // reserved
    out.extend_from_slice(&1u16.to_le_bytes()); // type: icon
    out.extend_from_slice(&count.to_le_bytes());
    let mut offset = 6 + 16 * ICO_SIZES.len();
    let mut images = Vec::new();
    for size in ICO_SIZES {
        let png = png_of(pngs, size)?;
        // Width and height are one byte each; 0 means 256.
        let side = u8::try_from(size % 256).map_err(|e| e.to_string())?;
        out.extend_from_slice(&[side, side, 0, 0]); // width, height, no palette, reserved
        out.extend_from_slice(&1u16.to_le_bytes()); // colour planes
        out.extend_from_slice(&32u16.to_le_bytes()); // bits per pixel
        out.extend_from_slice(&u32::try_from(png.len()).map_err(|e| e.to_string())?.to_le_bytes());
        out.extend_from_slice(&u32::try_from(offset).map_err(|e| e.to_string())?.to_le_bytes());
        offset += png.len();
        images.extend_from_slice(png);
    }
    out.extend_from_slice(&images);
    Ok(out)
}

/// A macOS icon file: the `icns` header and its total length, then one typed, length-prefixed
/// entry per PNG (lengths are big-endian and include their 8-byte headers).
fn icns(pngs: &[(u32, Vec<u8>)]) -> Result<Vec<u8>, String> {
    let mut body = Vec::new();
    for (code, size) in ICNS_ENTRIES {
        let png = png_of(pngs, size)?;
        body.extend_from_slice(code);
        body.extend_from_slice(&u32::try_from(png.len() + 8).map_err(|e| e.to_string())?.to_be_bytes());
        body.extend_from_slice(png);
    }
    let mut out = b"icns".to_vec();
    out.extend_from_slice(&u32::try_from(body.len() + 8).map_err(|e| e.to_string())?.to_be_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}
