//! Live requests (SPEC.md section 11): the real HTTP client the core's [`Transport`] seam asks
//! for (`client`), which proxy it goes through (`proxy`), the words for what went wrong
//! (`words`), `fluxo run --live` and `fluxo test --live`'s marks (`cli`), and "Send for real"
//! for the window (`send`). A request leaves the machine only through here, and only when the
//! user asked.
//!
//! [`Transport`]: fluxo_core::sim::Transport

pub mod cli;
mod client;
mod proxy;
mod send;
pub mod words;

pub use client::HttpTransport;
pub use proxy::ProxyEnv;
pub use send::send_for_real;
