//! The command line, through the real `fluxo` binary: `check`, `run` and `test`.

mod check;
mod interop;
mod live;
mod run;
mod test;
