//! Interop with the platforms fluxo's users come from (SPEC.md section 13): Typebot exports are
//! imported as flows ([`typebot`]), and a LiveChat node is exported as ALTU's `start_live_chat`
//! action ([`altu`]).
//!
//! Both hand over data: the import returns a flow and a report of what was not carried over
//! (codes and arguments, worded by the binary), the export a JSON value. Neither reads nor writes
//! a file.

pub mod altu;
pub mod typebot;
