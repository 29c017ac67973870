//! Build script: for Windows with the GNU toolchain (MinGW, cross-built from Linux or native),
//! gives `nps-workbench.exe` its icon and version information as a Windows resource compiled by
//! `windres`. Every other target, the Linux build included, does nothing here.
//!
//! The MSVC toolchain is not handled: the release packages are built with the GNU target
//! (dist/README.md); an MSVC build still works and still shows the icon in its window.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os != "windows" || target_env != "gnu" {
        return;
    }
    println!("cargo:rerun-if-changed=assets/icon/nps-workbench.ico");
    println!("cargo:rerun-if-env-changed=WINDRES");
    if let Err(message) = embed_windows_resource() {
        // A Windows build without its icon resource would ship silently: stop instead.
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

/// Writes the resource script, compiles it with windres and links the object into the app.
fn embed_windows_resource() -> Result<(), String> {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let icon = manifest_dir.join("assets/icon/nps-workbench.ico");
    let version = std::env::var("CARGO_PKG_VERSION").map_err(|e| e.to_string())?;
    let numbers: Vec<u16> = version
        .split(['.', '-', '+'])
        .take(3)
        .map(|part| part.parse().unwrap_or(0))
        .chain(std::iter::repeat(0))
        .take(4)
        .collect();
    let comma_version = numbers.iter().map(u16::to_string).collect::<Vec<_>>().join(",");
    let description = std::env::var("CARGO_PKG_DESCRIPTION").unwrap_or_default();
    // windres reads forward slashes on every host; quotes inside strings are doubled in .rc.
    let icon_path = icon.display().to_string().replace('\\', "/");
    let script = format!(
        r#"1 ICON "{icon_path}"
1 VERSIONINFO
FILEVERSION {comma_version}
PRODUCTVERSION {comma_version}
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904B0"
    BEGIN
      VALUE "CompanyName", "NPS Workbench"
      VALUE "FileDescription", "{description}"
      VALUE "FileVersion", "{version}"
      VALUE "InternalName", "nps-workbench"
      VALUE "OriginalFilename", "nps-workbench.exe"
      VALUE "ProductName", "NPS Workbench"
      VALUE "ProductVersion", "{version}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
"#,
        description = description.replace('"', "\"\""),
    );
    let rc = out_dir.join("nps-workbench.rc");
    let object = out_dir.join("nps-workbench-resource.o");
    std::fs::write(&rc, script).map_err(|e| format!("{}: {e}", rc.display()))?;
    let windres = std::env::var("WINDRES").unwrap_or_else(|_| default_windres());
    let status = Command::new(&windres)
        .arg("--input")
        .arg(&rc)
        .arg("--output-format=coff")
        .arg("--output")
        .arg(&object)
        .status()
        .map_err(|e| {
            format!("cannot run {windres} (install MinGW-w64, e.g. apt-get install mingw-w64, or set WINDRES): {e}")
        })?;
    if !status.success() {
        return Err(format!("{windres} failed on {} ({status})", rc.display()));
    }
    println!("cargo:rustc-link-arg-bin=nps-workbench={}", object.display());
    Ok(())
}

/// `x86_64-w64-mingw32-windres` when cross-building (or the target's own prefix), plain
/// `windres` on a Windows host with MinGW.
fn default_windres() -> String {
    let host = std::env::var("HOST").unwrap_or_default();
    if host.contains("windows") {
        return "windres".to_owned();
    }
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| "x86_64".to_owned());
    format!("{arch}-w64-mingw32-windres")
}
