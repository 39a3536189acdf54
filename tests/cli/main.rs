//! The command line, through the real `fluxo` binary: `check`, `run` and `test`.

mod check;
mod load;
mod run;
mod test;
