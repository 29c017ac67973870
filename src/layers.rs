//! The test that keeps the layers: it reads `src/`, draws the graph of the top-level modules from
//! their `crate::` paths, and fails when a module uses one above it, when two modules use each
//! other (directly or round about), or when a module below the window's own names a GUI crate.
//!
//! The order, from the bottom up (a module may use those on its own level or below, never the
//! reverse; a cycle on one level fails too):
//! 0. `files`, `parallel`, `stats`, `import`: std and their own crates only.
//! 1. `themes` (text statistics), `sample` (the bundled survey).
//! 2. `analysis`: the typed survey and its aggregations.
//! 3. `benchmarks`: sector figures and the verdict on an analysis's summary.
//! 4. `report` (results of one file, benchmarks attached), `i18n` (words), `chart` (chart and
//!    table descriptions), `calibration` (simulated error rates of the tests).
//! 5. `notices`, `themes_report`, `project`, `figures` (results into charts and tables).
//! 6. `export`: the renderers and writers of figures.
//! 7. `app` (the window's state and jobs); 8. `ui` and `cli`.
//!
//! Only `app`, `ui` and the binary may name egui, eframe, egui_plot or rfd.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each top-level module's level (see the module docs).
const LEVELS: [(&str, u8); 21] = [
    ("files", 0),
    ("parallel", 0),
    ("stats", 0),
    ("import", 0),
    ("themes", 1),
    ("sample", 1),
    ("analysis", 2),
    ("benchmarks", 3),
    ("report", 4),
    ("i18n", 4),
    ("chart", 4),
    ("calibration", 4),
    ("notices", 5),
    ("themes_report", 5),
    ("project", 5),
    ("figures", 5),
    ("export", 6),
    ("app", 7),
    ("ui", 8),
    ("cli", 8),
    ("bin", 9),
];

/// Crates that draw windows: only the window's own modules may name them.
const GUI_CRATES: [&str; 4] = ["egui", "eframe", "egui_plot", "rfd"];

/// The top-level module a file under `src/` belongs to (`None` for the crate roots).
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_string_lossy().into_owned();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_owned();
    (name != "lib" && name != "main").then_some(name)
}

/// The code of a line: without a line comment (a `//` outside a string is taken as the start of
/// one; the sources keep `//` out of strings on the lines that name modules).
fn code_of(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") { "" } else { line.split(" //").next().unwrap_or(line) }
}

/// Every `crate::name` a line of code uses.
fn crate_paths(code: &str) -> impl Iterator<Item = String> + '_ {
    code.match_indices("crate::").filter_map(move |(at, _)| {
        let before = code[..at].chars().last();
        // `nps_workbench::` or a longer identifier ending in `crate` is not this crate's root.
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return None;
        }
        let rest = &code[at + "crate::".len()..];
        let name: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        (!name.is_empty()).then_some(name)
    })
}

/// Whether a line of code names a GUI crate as a path (`egui::`, `use eframe`).
fn names_gui(code: &str) -> bool {
    GUI_CRATES.iter().any(|gui| {
        code.match_indices(gui).any(|(at, _)| {
            let before = code[..at].chars().last();
            let after = &code[at + gui.len()..];
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"') && after.starts_with("::")
        })
    })
}

/// The source files under `folder`, recursively, sorted.
fn rust_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The graph of the top-level modules: module -> (used module -> first file:line using it), and
/// the places naming a GUI crate outside the window's modules.
type Graph = BTreeMap<String, BTreeMap<String, String>>;

fn read_graph(src: &Path) -> (Graph, Vec<String>) {
    let mut graph: Graph = BTreeMap::new();
    let mut gui = Vec::new();
    for file in rust_files(src) {
        let Ok(relative) = file.strip_prefix(src) else { continue };
        // This file names GUI crates and modules in its own examples.
        let Some(module) = module_of(relative).filter(|m| m != "layers") else { continue };
        let Ok(text) = std::fs::read_to_string(&file) else { continue };
        let edges = graph.entry(module.clone()).or_default();
        for (number, line) in text.lines().enumerate() {
            let code = code_of(line);
            let place = format!("{}:{}", relative.display(), number + 1);
            for used in crate_paths(code).filter(|used| *used != module) {
                edges.entry(used).or_insert_with(|| place.clone());
            }
            if names_gui(code) && !matches!(module.as_str(), "app" | "ui" | "bin") {
                gui.push(place);
            }
        }
    }
    (graph, gui)
}

/// A cycle of the graph, as the modules along it, if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(node: &str, graph: &Graph, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flat_map(BTreeMap::keys) {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|start| visit(start, graph, &mut Vec::new(), &mut done))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(module: &str) -> Option<u8> {
        LEVELS.iter().find(|(name, _)| *name == module).map(|(_, level)| *level)
    }

    #[test]
    fn the_modules_keep_their_layers() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let (graph, gui) = read_graph(&src);
        assert!(graph.len() >= 15, "the sources were not found under {}", src.display());
        let mut wrong = Vec::new();
        for (module, edges) in &graph {
            let Some(own) = level(module) else {
                wrong.push(format!("{module} has no level in LEVELS: give it one"));
                continue;
            };
            for (used, place) in edges {
                match level(used) {
                    Some(theirs) if theirs > own => {
                        wrong.push(format!("{module} (level {own}) uses {used} (level {theirs}) at {place}"));
                    }
                    None => wrong.push(format!("{module} uses {used}, which has no level, at {place}")),
                    _ => {}
                }
            }
        }
        assert!(wrong.is_empty(), "modules reach above their layer:\n{}", wrong.join("\n"));
        assert!(gui.is_empty(), "GUI crates named below the window's modules:\n{}", gui.join("\n"));
        if let Some(cycle) = find_cycle(&graph) {
            panic!("the modules use each other in a circle: {}", cycle.join(" -> "));
        }
    }

    #[test]
    fn the_reader_sees_paths_cycles_and_gui_names() {
        assert_eq!(
            crate_paths("use crate::stats::{self, Z95}; crate::report::x").collect::<Vec<_>>(),
            ["stats", "report"]
        );
        assert_eq!(crate_paths("nps_workbench::stats").count(), 0);
        assert_eq!(code_of("    // use crate::ui;"), "");
        assert!(names_gui("use eframe::egui::{self, RichText};") && names_gui("    egui::Grid::new(x)"));
        assert!(!names_gui("(\"egui, eframe, egui_plot\", \"MIT\")") && !names_gui("let my_egui::x"));
        let mut graph: Graph = BTreeMap::new();
        graph.entry("a".into()).or_default().insert("b".into(), String::new());
        graph.entry("b".into()).or_default().insert("c".into(), String::new());
        assert_eq!(find_cycle(&graph), None);
        graph.entry("c".into()).or_default().insert("a".into(), String::new());
        assert_eq!(find_cycle(&graph), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
    }
}
