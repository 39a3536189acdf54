//! Files around the document: the file dialogs (behind a trait, so that tests never open one, with
//! our own path field when no native dialog can open), saves off the UI thread, the recovery files
//! that autosave writes, and the recent files list.

pub mod dialogs;
pub mod jobs;
pub mod path_prompt;
pub mod recent;
pub mod recovery;

pub use dialogs::{DialogOutcome, FileDialogs, NativeDialogs, NoDialogs};
pub use jobs::Job;
pub use path_prompt::{PathPrompt, PathPurpose};
pub use recent::RecentFiles;
pub use recovery::{RecoveryFile, RecoveryStore};
