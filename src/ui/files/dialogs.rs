//! The file dialogs behind one small trait, so that tests never open one.
//!
//! rfd opens the desktop's dialog through the XDG portal, or `zenity`. With neither, it returns
//! `None` at once, exactly as a cancel: [`NativeDialogs`] notices (no portal bus and no zenity, or
//! an answer faster than any human) and says [`DialogOutcome::Unavailable`], and the app offers
//! its own path field instead, so that Open and Save As never go dead.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    Picked(PathBuf),
    Cancelled,
    /// No dialog could open here: ask for the path another way.
    Unavailable,
}

/// The two questions the app asks about files.
pub trait FileDialogs {
    /// A flow file to open, starting in `folder` when given.
    fn open_path(&mut self, folder: Option<&Path>) -> DialogOutcome;
    /// Where to save, proposing `suggested` (a full path: its folder and its name).
    fn save_path(&mut self, suggested: &Path) -> DialogOutcome;
}

/// No dialogs at all: every question goes to the app's path field. The default of
/// `FluxoApp::new`, so that tests and previews never open a window of the desktop.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn open_path(&mut self, _folder: Option<&Path>) -> DialogOutcome {
        DialogOutcome::Unavailable
    }

    fn save_path(&mut self, _suggested: &Path) -> DialogOutcome {
        DialogOutcome::Unavailable
    }
}

/// A `None` faster than this is rfd failing to open anything, not a person cancelling.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// The desktop's dialogs through rfd, and the knowledge of when there are none.
#[derive(Debug, Default)]
pub struct NativeDialogs {
    /// Set once a dialog failed to open: later questions go straight to the path field.
    is_unavailable: bool,
}

impl NativeDialogs {
    pub fn new() -> Self {
        Self {
            is_unavailable: !can_open_dialogs(),
        }
    }

    fn ask(&mut self, dialog: impl FnOnce() -> Option<PathBuf>) -> DialogOutcome {
        if self.is_unavailable {
            return DialogOutcome::Unavailable;
        }
        let started = Instant::now();
        match dialog() {
            Some(path) => DialogOutcome::Picked(path),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                self.is_unavailable = true;
                DialogOutcome::Unavailable
            }
            None => DialogOutcome::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn open_path(&mut self, folder: Option<&Path>) -> DialogOutcome {
        self.ask(|| {
            let mut dialog = rfd::FileDialog::new().add_filter("fluxo", &["ron", "json"]);
            if let Some(folder) = folder {
                dialog = dialog.set_directory(folder);
            }
            dialog.pick_file()
        })
    }

    fn save_path(&mut self, suggested: &Path) -> DialogOutcome {
        self.ask(|| {
            let mut dialog = rfd::FileDialog::new()
                .add_filter("fluxo (RON)", &["ron"])
                .add_filter("fluxo (JSON)", &["json"]);
            if let Some(folder) = suggested.parent().filter(|p| !p.as_os_str().is_empty()) {
                dialog = dialog.set_directory(folder);
            }
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file()
        })
    }
}

/// Whether rfd has anything to open: always on Windows and macOS; on Linux and the BSDs a
/// session bus (for the XDG portal) or `zenity` on the PATH. `FLUXO_NO_DIALOGS` set forces the
/// path field (screenshots, kiosks).
fn can_open_dialogs() -> bool {
    if std::env::var_os("FLUXO_NO_DIALOGS").is_some() {
        return false;
    }
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    has_session_bus || is_on_path("zenity")
}

fn is_on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instant_none_means_no_dialog_and_sticks() {
        let mut dialogs = NativeDialogs::default();
        assert_eq!(dialogs.ask(|| None), DialogOutcome::Unavailable);
        // Known now: no dialog is even tried.
        assert_eq!(
            dialogs.ask(|| Some(PathBuf::from("x.flow.ron"))),
            DialogOutcome::Unavailable
        );
    }

    #[test]
    fn a_slow_none_is_a_cancel_and_a_path_is_picked() {
        let mut dialogs = NativeDialogs::default();
        let slow_cancel = || {
            std::thread::sleep(NO_DIALOG_WITHIN + Duration::from_millis(20));
            None
        };
        assert_eq!(dialogs.ask(slow_cancel), DialogOutcome::Cancelled);
        assert_eq!(
            dialogs.ask(|| Some(PathBuf::from("x.flow.ron"))),
            DialogOutcome::Picked(PathBuf::from("x.flow.ron"))
        );
    }
}
