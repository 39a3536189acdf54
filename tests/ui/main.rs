//! The window driven through egui_kittest: click, type, drag, and assert on the model. One test
//! binary for all of them, so that the GUI stack is linked once.

mod canvas;
mod editing;
mod files;
mod inspector;
mod sim;
mod team;
