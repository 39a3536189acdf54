//! Our own path field, for when no native file dialog can open: a small modal window with a text
//! field for the path, checked before it is used.

use std::path::{Path, PathBuf};

use fluxo_core::file::Format;

use crate::ui::i18n::Tr;

/// What the path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
}

/// The path field's state.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// Why the last try was refused (translated).
    error: Option<String>,
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

    /// The path typed, checked for its purpose; the error says why not (translated).
    pub fn check(&mut self, ctx: &egui::Context) -> Result<PathBuf, String> {
        let typed = self.text.trim();
        if typed.is_empty() {
            return Err(ctx.tr("Type a path").to_owned());
        }
        let path = expand_home(typed);
        let shown = path.display().to_string();
        match self.purpose {
            PathPurpose::Open => {
                if path.is_dir() {
                    return Err(ctx
                        .tr("{path} is a folder: type the path of a file in it")
                        .replace("{path}", &shown));
                }
                if !path.is_file() {
                    return Err(ctx
                        .tr("There is no file at {path}")
                        .replace("{path}", &shown));
                }
                if Format::from_path(&path).is_none() {
                    return Err(ctx
                        .tr("Not a flow file: the name must end in .ron or .json")
                        .to_owned());
                }
                Ok(path)
            }
            PathPurpose::SaveAs => {
                let path = with_flow_extension(path);
                let shown = path.display().to_string();
                if path.is_dir() {
                    return Err(ctx
                        .tr("{path} is a folder: type the path of a file in it")
                        .replace("{path}", &shown));
                }
                let folder = match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
                    _ => PathBuf::from("."),
                };
                if !folder.is_dir() {
                    return Err(ctx
                        .tr("The folder {path} does not exist")
                        .replace("{path}", &folder.display().to_string()));
                }
                if path.exists() && self.replace.as_ref() != Some(&path) {
                    self.replace = Some(path);
                    return Err(ctx
                        .tr("{path} already exists: press Save again to replace it")
                        .replace("{path}", &shown));
                }
                Ok(path)
            }
        }
    }

    /// Draws the modal; returns the answer once given.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<PathAnswer> {
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("fluxo.path_prompt")).show(ctx, |ui| {
            ui.set_width(520.0);
            let title = match self.purpose {
                PathPurpose::Open => ui.tr("Open a flow file"),
                PathPurpose::SaveAs => ui.tr("Save the flow as"),
            };
            ui.heading(title);
            ui.label(ui.tr("No file dialog could open here: type the file's path."));
            ui.add_space(6.0);
            let label = ui.label(ui.tr("Path"));
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
                    egui::RichText::new(ui.tr(
                        ".ron saves RON (the default), .json saves JSON; a name without either gets .flow.ron",
                    ))
                    .weak()
                    .small(),
                );
            }
            if let Some(error) = &self.error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            let submitted = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                let confirm = match self.purpose {
                    PathPurpose::Open => ui.tr("Open"),
                    PathPurpose::SaveAs => ui.tr("Save"),
                };
                if ui.button(confirm).clicked() || submitted {
                    match self.check(ui.ctx()) {
                        Ok(path) => answer = Some(PathAnswer::Path(path)),
                        Err(error) => {
                            self.error = Some(error);
                            self.wants_focus = true;
                        }
                    }
                }
                if ui.button(ui.tr("Cancel")).clicked() {
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
        let ctx = egui::Context::default();
        let dir = std::env::temp_dir().join(format!("fluxo-path-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let existing = dir.join("a.flow.ron");
        std::fs::write(&existing, "x").unwrap();

        let mut open = PathPrompt::new(
            PathPurpose::Open,
            dir.join("nope.flow.ron").display().to_string(),
        );
        assert!(open.check(&ctx).unwrap_err().contains("There is no file"));
        open.text = dir.display().to_string();
        assert!(open.check(&ctx).unwrap_err().contains("is a folder"));
        open.text = existing.display().to_string();
        assert_eq!(open.check(&ctx), Ok(existing.clone()));

        let mut save = PathPrompt::new(
            PathPurpose::SaveAs,
            dir.join("no/such/x").display().to_string(),
        );
        assert!(save.check(&ctx).unwrap_err().contains("does not exist"));
        save.text = existing.display().to_string();
        assert!(save.check(&ctx).unwrap_err().contains("already exists"));
        assert_eq!(save.check(&ctx), Ok(existing), "the second try replaces");
        save.text = dir.join("novo").display().to_string();
        assert_eq!(save.check(&ctx), Ok(dir.join("novo.flow.ron")));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
