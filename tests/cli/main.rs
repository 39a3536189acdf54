//! The command line, through the real `fluxo` binary: `check`, `run` and `test`.

mod check;
mod check_words;
mod run;
mod test;
