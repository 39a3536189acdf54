//! The native window: eframe's options, the start (preferences, which flow opens, the recovery
//! offer), and saving the preferences on exit.

use std::path::PathBuf;

use super::FluxoApp;
use super::prefs::{Preferences, STORAGE_KEY};
use crate::ui::files::{NativeDialogs, RecoveryStore};

impl eframe::App for FluxoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    /// A close asked for while the window is hidden (minimised) still stops at the prompt.
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.viewport().visible() == Some(false)) {
            self.handle_close_request(ctx);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.preferences());
    }
}

impl FluxoApp {
    /// The editor at start: on `file` when given, else on the last open file when it still
    /// exists, else on the bundled sample. A last file that is gone is skipped quietly.
    pub fn at_start(file: Option<&std::path::Path>, prefs: &Preferences) -> Self {
        if let Some(path) = file {
            return Self::open(path);
        }
        match &prefs.last_file {
            Some(path) if path.is_file() => Self::open(path),
            _ => Self::sample(),
        }
    }
}

/// The app's icon (also `assets/fluxo.desktop`'s, installed as
/// `~/.local/share/icons/hicolor/256x256/apps/fluxo.png`).
const ICON_PNG: &[u8] = include_bytes!("../../../assets/icons/fluxo-256.png");

/// The window's icon; none if the embedded image could not be read (the window still opens).
fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// Opens the window on `file`, or on the last open file, or on the bundled sample.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("fluxo")
        // The desktop entry's `StartupWMClass`: the desktop shows the entry's icon and name.
        .with_app_id("fluxo")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([880.0, 560.0])
        .with_position([0.0, 0.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "fluxo",
        options,
        Box::new(move |cc| {
            super::super::theme::install_style(&cc.egui_ctx);
            let prefs = Preferences::load(cc.storage);
            let mut app = FluxoApp::at_start(file.as_deref(), &prefs)
                .with_dialogs(Box::new(NativeDialogs::new()));
            if let Some(store) = RecoveryStore::in_app_data() {
                app = app.with_recovery(store);
            }
            app.apply_preferences(&cc.egui_ctx, &prefs);
            if let Some(path) = app.state.doc.path.clone() {
                app.files.recent.add(&path);
            }
            app.offer_recovery();
            Ok(Box::new(app))
        }),
    )
    .map_err(|err| anyhow::anyhow!("cannot open the editor window: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The desktop entry starts this binary on a file and names the icon installed beside it.
    #[test]
    fn the_desktop_entry_names_the_binary_and_the_icon() {
        let entry = include_str!("../../../assets/fluxo.desktop");
        let lines: Vec<&str> = entry.lines().collect();
        assert_eq!(lines.first(), Some(&"[Desktop Entry]"));
        for line in [
            "Type=Application",
            "Exec=fluxo %f",
            "Icon=fluxo",
            "StartupWMClass=fluxo",
        ] {
            assert!(lines.contains(&line), "{line} is missing");
        }
    }

    #[test]
    fn the_icon_is_a_256_pixel_square() {
        let icon = icon().unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert_eq!(icon.rgba.len(), 256 * 256 * 4);
    }
}
