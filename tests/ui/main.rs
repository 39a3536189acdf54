//! The window driven through egui_kittest: click, type, drag, and assert on the model. One test
//! binary for all of them, so that the GUI stack is linked once.

mod canvas;
mod common;
mod compare;
mod editing;
mod files;
mod glyphs;
mod host;
mod inspector;
mod language;
mod live;
mod load;
mod panels;
mod sim;
mod team;
// The live tests' server on 127.0.0.1, shared with the command line's tests.
#[path = "../cli/live/server.rs"]
#[allow(dead_code, clippy::expect_used, clippy::unwrap_used, clippy::panic)]
mod server;
