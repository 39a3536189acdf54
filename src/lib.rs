//! fluxo's command line and window as a library, so that the integration tests and benchmarks
//! drive exactly the code the binary runs.

pub mod cli;
pub mod i18n;
pub mod library;
pub mod live;
pub mod secrets;
pub mod ui;
