//! The command line, through the real `fluxo` binary: `check`, `run`, `test` and `diff`.

mod check;
mod live;
mod diff;
mod load;
mod run;
mod test;
