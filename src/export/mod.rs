//! Writing files the user asked for. Every write goes to a temporary file in the same folder
//! and is renamed into place, so a crash or a full disk never leaves half a file behind.
//!
//! Owns file output only; it never reads survey data itself.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary sibling file, flushed to disk, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let temporary = folder.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Makes a text cell safe to open in a spreadsheet: cells starting with `=`, `+`, `-` or `@`
/// (formula injection) get a leading apostrophe.
#[must_use]
pub fn neutralise_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        write_atomic(&target, b"first").unwrap();
        write_atomic(&target, b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(neutralise_formula("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(neutralise_formula("-3"), "'-3");
        assert_eq!(neutralise_formula("fine"), "fine");
    }
}
