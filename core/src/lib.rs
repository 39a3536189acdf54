//! fluxo-core: the model, files, templates, checks, simulator and edit history of fluxo.
//!
//! No GUI here: the window (`src/ui`) and the command line (`src/cli`) both drive this crate.
//! The core never prints, never reads the real clock and has no global random state.

pub mod check;
pub mod clipboard;
pub mod clock;
pub mod diff;
pub mod edit;
pub mod file;
pub mod flow;
pub mod generator;
pub mod interop;
pub mod load;
pub mod rng;
pub mod sim;
pub mod template;

pub use check::{Code, Finding, Severity, check};
pub use edit::{Command, EditError, History};
pub use file::{FileError, Format, LoadError, Loaded, load, save};
pub use flow::Flow;
