//! Our own path field, for when no native file dialog can open: a small modal window with a text
//! field for the path, checked before it is used.

use std::path::{Path, PathBuf};

use fluxo_core::file::Format;

use crate::i18n::Lang;
use crate::ui::context::Message;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    /// A flow file to compare the open flow with.
    Compare,
}

/// The path field's state.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// Why the last try was refused (worded when shown).
    error: Option<Message>,
    /// A file that exists and was shown once: Save again replaces it.
    replace: Option<PathBuf>,
    /// Give the field the keyboard on the next frame (on opening, after a refusal).
    wants_focus: bool,
}

/// The answer of the path field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathAnswer {
    Path(PathBuf),
    Cancel,
}

impl PathPrompt {
    pub fn new(purpose: PathPurpose, text: String) -> Self {
        Self {
            purpose,
            text,
            error: None,
            replace: None,
            wants_focus: true,
        }
    }

    /// The path typed, checked for its purpose; the error says why not.
    pub fn check(&mut self) -> Result<PathBuf, Message> {
        let typed = self.text.trim();
        if typed.is_empty() {
            return Err(Message::new("window-type-a-path"));
        }
        let path = expand_home(typed);
        let shown = path.display().to_string();
        match self.purpose {
            PathPurpose::Open | PathPurpose::Compare => {
                if path.is_dir() {
                    return Err(Message::new("window-path-is-a-folder").with("path", shown));
                }
                if !path.is_file() {
                    return Err(Message::new("window-no-file-at").with("path", shown));
                }
                if Format::from_path(&path).is_none() {
                    return Err(Message::new("window-not-a-flow-file"));
                }
                Ok(path)
            }
            PathPurpose::SaveAs => {
                let path = with_flow_extension(path);
                let shown = path.display().to_string();
                if path.is_dir() {
                    return Err(Message::new("window-path-is-a-folder").with("path", shown));
                }
                let folder = match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
                    _ => PathBuf::from("."),
                };
                if !folder.is_dir() {
                    let folder = folder.display().to_string();
                    return Err(Message::new("window-no-such-folder").with("path", folder));
                }
                if path.exists() && self.replace.as_ref() != Some(&path) {
                    self.replace = Some(path);
                    return Err(Message::new("window-path-exists-save-again").with("path", shown));
                }
                Ok(path)
            }
        }
    }

    /// Draws the modal; returns the answer once given.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> Option<PathAnswer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("fluxo.path_prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            let title = match self.purpose {
                PathPurpose::Open => lang.tr("window-open-a-flow-file"),
                PathPurpose::SaveAs => lang.tr("window-save-the-flow-as"),
                PathPurpose::Compare => lang.tr("compare-pick-file"),
            };
            ui.heading(title);
            ui.label(lang.tr("window-no-file-dialog-could-open"));
            ui.add_space(6.0);
            let label = ui.label(lang.tr("window-path"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .desired_width(f32::INFINITY)
                        .hint_text("/home/…/fluxo.flow.ron"),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.wants_focus) {
                field.request_focus();
            }
            if field.changed() {
                self.error = None;
                self.replace = None;
            }
            if self.purpose == PathPurpose::SaveAs {
                ui.label(
                    egui::RichText::new(lang.tr("window-ron-saves-ron-default-json"))
                        .weak()
                        .small(),
                );
            }
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error.text(lang));
            }
            let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let confirm = match self.purpose {
                    PathPurpose::Open => lang.tr("window-open"),
                    PathPurpose::SaveAs => lang.tr("action-file-save"),
                    PathPurpose::Compare => lang.tr("compare-confirm"),
                };
                if ui.button(confirm).clicked() || submitted {
                    match self.check() {
                        Ok(path) => answer = Some(PathAnswer::Path(path)),
                        Err(error) => {
                            self.error = Some(error);
                            self.wants_focus = true;
                        }
                    }
                }
                if ui.button(lang.tr("window-cancel")).clicked() {
                    answer = Some(PathAnswer::Cancel);
                }
            });
        });
        if answer.is_none() && modal.should_close() {
            answer = Some(PathAnswer::Cancel);
        }
        answer
    }
}

/// `~/x` is `$HOME/x`.
fn expand_home(typed: &str) -> PathBuf {
    if let Some(rest) = typed.strip_prefix("~/")
        && let Some(home) = std::env::home_dir()
    {
        return home.join(rest);
    }
    PathBuf::from(typed)
}

/// A name without `.ron` or `.json` gets `.flow.ron`: the extension picks the format.
pub fn with_flow_extension(path: PathBuf) -> PathBuf {
    if Format::from_path(&path).is_some() {
        return path;
    }
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".flow.ron");
    path.with_file_name(name)
}

/// The path field's first text: `folder/name`.
pub fn suggestion(folder: Option<&Path>, name: &str) -> String {
    match folder {
        Some(folder) => folder.join(name).display().to_string(),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_get_a_flow_extension_unless_they_pick_a_format() {
        assert_eq!(
            with_flow_extension(PathBuf::from("/t/atendimento")),
            PathBuf::from("/t/atendimento.flow.ron")
        );
        assert_eq!(
            with_flow_extension(PathBuf::from("/t/a.flow.json")),
            PathBuf::from("/t/a.flow.json")
        );
        assert_eq!(
            with_flow_extension(PathBuf::from("a.txt")),
            PathBuf::from("a.txt.flow.ron")
        );
    }

    #[test]
    fn checks_say_why() {
        let en = |result: Result<PathBuf, Message>| result.unwrap_err().text(Lang::En);
        let dir = std::env::temp_dir().join(format!("fluxo-path-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let existing = dir.join("a.flow.ron");
        std::fs::write(&existing, "x").unwrap();

        let mut open = PathPrompt::new(
            PathPurpose::Open,
            dir.join("nope.flow.ron").display().to_string(),
        );
        assert!(en(open.check()).contains("There is no file"));
        open.text = dir.display().to_string();
        assert!(en(open.check()).contains("is a folder"));
        open.text = existing.display().to_string();
        assert_eq!(open.check().ok(), Some(existing.clone()));

        let mut save = PathPrompt::new(
            PathPurpose::SaveAs,
            dir.join("no/such/x").display().to_string(),
        );
        assert!(en(save.check()).contains("does not exist"));
        save.text = existing.display().to_string();
        assert!(en(save.check()).contains("already exists"));
        assert_eq!(save.check().ok(), Some(existing), "the second try replaces");
        save.text = dir.join("novo").display().to_string();
        assert_eq!(save.check().ok(), Some(dir.join("novo.flow.ron")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
