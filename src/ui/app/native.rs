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

/// Opens the window on `file`, or on the last open file, or on the bundled sample.
pub fn run(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("fluxo")
            .with_app_id("fluxo")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([880.0, 560.0])
            .with_position([0.0, 0.0])
            .with_drag_and_drop(true),
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
