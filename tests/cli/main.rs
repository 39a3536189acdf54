//! The command line, through the real `fluxo` binary: `check`, `run`, `test`, and files
//! (`convert`, `gen`, usage errors, what is not a flow file, messages in Portuguese).

mod check;
mod files;
mod run;
mod test;
