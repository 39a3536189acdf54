//! Files: new, open, save, save as, recent files (built with the files work).

use super::ActionInfo;

// Its actions land with the work named above; until then the group has none.
#[allow(clippy::empty_enums)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FileAction {}

pub(super) const PT_BR: &[(&str, &str)] = &[];

impl ActionInfo for FileAction {
    const ALL: &'static [Self] = &[];

    fn label(self) -> &'static str {
        match self {}
    }

    fn tooltip(self) -> &'static str {
        match self {}
    }
}
