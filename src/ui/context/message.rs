//! A text kept as what it says — a message id and its arguments — and worded only when it is
//! shown, in the language of that moment: a notice in the status bar, a banner, an error dialog
//! keep their meaning when the user switches the language, never a sentence made in the old one.

use std::sync::Arc;

use fluxo_core::LoadError;
use fluxo_core::file::FileError;

use crate::i18n::{FluentArgs, Lang, text_with};
use crate::ui::wording;

/// A message of the Fluent bundles and its arguments.
#[derive(Clone, Debug)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Message`].
#[derive(Clone, Debug)]
pub enum Arg {
    /// Shown as it is: a name, a path, a detail worded by someone else.
    Text(String),
    /// A count or a number (plurals select on it).
    Number(i64),
    /// Another message, worded in the same language.
    Message(Box<Message>),
    /// Why a file could not be written, worded by the files' wording.
    FileError(Arc<FileError>),
    /// Why a file could not be read, worded by the loader's wording.
    LoadError(Arc<LoadError>),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    #[must_use]
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The message worded in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        if self.args.is_empty() {
            return lang.tr(self.id).to_owned();
        }
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            match arg {
                Arg::Text(text) => args.set(*name, text.as_str()),
                Arg::Number(number) => args.set(*name, *number),
                Arg::Message(message) => args.set(*name, message.text(lang)),
                Arg::FileError(error) => args.set(*name, wording::file_error_text(lang, error)),
                Arg::LoadError(error) => args.set(*name, wording::load_error_text(lang, error)),
            }
        }
        text_with(lang, self.id, Some(&args))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_owned())
    }
}

impl From<usize> for Arg {
    fn from(number: usize) -> Self {
        Arg::Number(i64::try_from(number).unwrap_or(i64::MAX))
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(Box::new(message))
    }
}

impl From<FileError> for Arg {
    fn from(error: FileError) -> Self {
        Arg::FileError(Arc::new(error))
    }
}

impl From<LoadError> for Arg {
    fn from(error: LoadError) -> Self {
        Arg::LoadError(Arc::new(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_worded_when_shown() {
        let message = Message::new("window-opened-name").with("name", "a.flow.ron");
        assert_eq!(message.text(Lang::En), "Opened a.flow.ron");
        assert_eq!(message.text(Lang::PtBr), "a.flow.ron aberto");
    }
}
