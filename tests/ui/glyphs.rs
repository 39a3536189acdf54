//! Every symbol the window shows is drawn, not an empty box: the glyphs of the window's source
//! and of its Fluent bundles, and the rule symbols the core writes (`≠`, `≥`), are all in the
//! fonts the window installs (egui's, and the small symbol font bundled in `assets/fonts/`).

// A helper that cannot read the sources fails the test by panicking.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use egui::{FontFamily, FontId};
use fluxo::ui::theme;
use fluxo_core::flow::Op;

/// The symbols of `text`: not ASCII, not a letter.
fn symbols(text: &str, out: &mut std::collections::BTreeSet<char>) {
    out.extend(
        text.chars()
            .filter(|c| !c.is_ascii() && !c.is_alphabetic() && !c.is_whitespace()),
    );
}

fn files(dir: &Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            files(&path, extension, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some(extension) {
            out.push(path);
        }
    }
}

#[test]
fn every_symbol_the_window_shows_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    files(&root.join("src/ui"), "rs", &mut paths);
    files(&root.join("src/i18n"), "rs", &mut paths);
    files(&root.join("assets/locales"), "ftl", &mut paths);
    let mut wanted = std::collections::BTreeSet::new();
    for path in &paths {
        symbols(&std::fs::read_to_string(path).unwrap(), &mut wanted);
    }
    for op in Op::ALL {
        symbols(op.symbol(), &mut wanted);
    }
    assert!(wanted.contains(&'→') && wanted.contains(&'≠'), "{wanted:?}");

    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let mut missing = Vec::new();
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let font = FontId::new(14.0, family.clone());
        for &c in &wanted {
            if !ctx.fonts_mut(|fonts| fonts.has_glyph(&font, c)) {
                missing.push(format!("{family:?} {c} (U+{:04X})", u32::from(c)));
            }
        }
    }
    assert!(missing.is_empty(), "no glyph for:\n{}", missing.join("\n"));
}
