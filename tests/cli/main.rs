//! The command line, through the real `fluxo` binary: `check`, `run`, `test`, `diff`, `load`,
//! live requests, and files (`convert`, `gen`, usage errors, what is not a flow file, messages in
//! Portuguese).

mod check;
mod check_words;
mod diff;
mod files;
mod interop;
mod live;
mod load;
mod run;
mod test;
