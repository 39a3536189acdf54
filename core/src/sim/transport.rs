//! Live requests (SPEC.md section 11; docs/decisions.md, "Live requests"): the seam through which
//! a run's requests leave the machine, while the core itself still does no I/O.
//!
//! A run given a [`LiveTransport`] in its [`Options`](super::Options) is *live*: a scenario's own
//! mocks still answer first, the built-in platform mock is off, and every other request is handed
//! to the transport with its real values (secrets included). What comes back is recorded like a
//! mock's answer, its source [`AnswerSource::Live`]; what went wrong is a [`TransportError`] (a
//! kind and its arguments, worded by the binary) in an [`Event::LiveFailed`], and the node leaves
//! by `error` with `http.status` and `http.body` empty. Events show secrets as `••••`, as always.
//!
//! [`send_one`] sends one Request node for the window's "Send for real"; [`keep_as_mock`] turns
//! its answer into a scenario mock so that later runs are offline again.

mod one;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::Arc;

use serde::Serialize;

use crate::flow::Method;

use super::engine::Run;
use super::event::{AnswerSource, Event, Pairs, Secrets, mask_text};
use super::exec::{Exec, Next};
use super::program::{RequestOp, port};
use super::request;
use super::text::SharedStr;

pub use one::{
    Received, SendOneError, SentForReal, add_kept_mock, keep_as_mock, keep_as_mock_command,
    request_inputs, send_one,
};

/// The time limit of a live request whose node says `timeout_ms: 0`.
pub const LIVE_DEFAULT_TIMEOUT_MS: u64 = 30_000;
/// Redirects a live request follows; one more is [`TransportError::TooManyRedirects`].
pub const LIVE_MAX_REDIRECTS: u32 = 5;
/// A live answer's body is cut after this many bytes (and the cut is said).
pub const LIVE_MAX_ANSWER_BYTES: usize = 5 * 1024 * 1024;

/// The time limit of a live request for a node's `timeout_ms` (0 is [`LIVE_DEFAULT_TIMEOUT_MS`]).
pub fn live_timeout_ms(node_timeout_ms: u64) -> u64 {
    if node_timeout_ms == 0 {
        LIVE_DEFAULT_TIMEOUT_MS
    } else {
        node_timeout_ms
    }
}

/// A request as it leaves the machine: the expanded url, headers and body with their real
/// values (secrets included). Never shown, never stored.
#[derive(Clone, Copy, Debug)]
pub struct Outgoing<'a> {
    pub method: Method,
    pub url: &'a str,
    pub headers: &'a [(SharedStr, SharedStr)],
    pub body: &'a str,
    /// The time limit for the whole exchange, redirects and body included; never 0 (see
    /// [`live_timeout_ms`]).
    pub timeout_ms: u64,
}

/// What a live request got back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LiveAnswer {
    pub status: u16,
    /// The answer's headers in the order received (values that are not text are read lossily).
    pub headers: Vec<(String, String)>,
    /// The body as text (bytes that are not UTF-8 are read lossily), at most
    /// [`LIVE_MAX_ANSWER_BYTES`].
    pub body: String,
    /// Whether the body was longer than [`LIVE_MAX_ANSWER_BYTES`] and `body` holds its start.
    pub cut: bool,
    /// From sending to the last byte read.
    pub elapsed_ms: u64,
}

/// Why a TLS connection failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsReason {
    /// The certificate is not signed by an authority the client trusts (self-signed, a private
    /// authority, an incomplete chain).
    UnknownIssuer,
    /// The certificate has expired.
    Expired,
    /// The certificate is not valid yet (or the machine's clock is wrong).
    NotYetValid,
    /// The certificate is for other names than the host.
    WrongName,
    /// The certificate was revoked.
    Revoked,
    /// Another failure of the handshake (a server that does not speak TLS, no common cipher).
    Handshake,
}

/// Why a live request got no answer: a kind and its arguments, for the binary to word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TransportError {
    /// The url's host name does not resolve.
    NameNotResolved { host: String },
    /// Nothing listens at the address (`host:port`).
    ConnectionRefused { address: String },
    /// The secure connection failed: with which host, why, and what the certificate says
    /// (the names it holds, when it expired), when known.
    Tls {
        host: String,
        reason: TlsReason,
        detail: String,
    },
    /// No whole answer within the time limit.
    TimedOut { after_ms: u64 },
    /// More than `max` redirects.
    TooManyRedirects { max: u32 },
    /// The proxy (from `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY`) failed or refused.
    Proxy { proxy: String, detail: String },
    /// The expanded url is not an absolute http(s) URL.
    BadUrl { url: String, detail: String },
    /// The user cancelled the request.
    Cancelled,
    /// Anything else, as the client says it.
    Other { detail: String },
}

impl TransportError {
    /// Replaces every secret value in the error's texts by `••••` (a url, a host or a message
    /// may hold one).
    pub(crate) fn mask(&mut self, secrets: &Secrets) {
        match self {
            TransportError::NameNotResolved { host } => mask_text(host, secrets),
            TransportError::ConnectionRefused { address } => mask_text(address, secrets),
            TransportError::Tls { host, detail, .. } => {
                mask_text(host, secrets);
                mask_text(detail, secrets);
            }
            TransportError::Proxy { proxy, detail } => {
                mask_text(proxy, secrets);
                mask_text(detail, secrets);
            }
            TransportError::BadUrl { url, detail } => {
                mask_text(url, secrets);
                mask_text(detail, secrets);
            }
            TransportError::Other { detail } => mask_text(detail, secrets),
            TransportError::TimedOut { .. }
            | TransportError::TooManyRedirects { .. }
            | TransportError::Cancelled => {}
        }
    }
}

/// One English line, for logs and the core's own `Display` of events; the binary words these in
/// the user's language (`assets/locales/*/live.ftl`).
impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransportError::NameNotResolved { host } => {
                write!(f, "the name {host} does not resolve")
            }
            TransportError::ConnectionRefused { address } => {
                write!(f, "{address} refused the connection")
            }
            TransportError::Tls {
                host,
                reason,
                detail,
            } => {
                let why = match reason {
                    TlsReason::UnknownIssuer => {
                        "its certificate is not signed by a trusted authority"
                    }
                    TlsReason::Expired => "its certificate has expired",
                    TlsReason::NotYetValid => "its certificate is not valid yet",
                    TlsReason::WrongName => "its certificate is for another name",
                    TlsReason::Revoked => "its certificate was revoked",
                    TlsReason::Handshake => "the TLS handshake failed",
                };
                write!(f, "secure connection to {host} failed: {why}")?;
                if !detail.is_empty() {
                    write!(f, " ({detail})")?;
                }
                Ok(())
            }
            TransportError::TimedOut { after_ms } => write!(f, "no answer within {after_ms} ms"),
            TransportError::TooManyRedirects { max } => write!(f, "more than {max} redirects"),
            TransportError::Proxy { proxy, detail } => {
                write!(f, "the proxy {proxy} failed: {detail}")
            }
            TransportError::BadUrl { url, detail } => {
                write!(f, "`{url}` is not an absolute http(s) URL: {detail}")
            }
            TransportError::Cancelled => f.write_str("cancelled"),
            TransportError::Other { detail } => f.write_str(detail),
        }
    }
}

/// Sends requests for real. The binary's HTTP client implements it; tests use fakes. `send`
/// blocks until the answer is read, the time limit passes or the transport gives up.
pub trait Transport: Send + Sync {
    fn send(&self, request: &Outgoing<'_>) -> Result<LiveAnswer, TransportError>;
}

/// A transport handed to a run or a batch through [`Options::live`](super::Options::live).
/// Two handles are equal when they share one transport.
#[derive(Clone)]
pub struct LiveTransport(Arc<dyn Transport>);

impl LiveTransport {
    pub fn new(transport: impl Transport + 'static) -> LiveTransport {
        LiveTransport(Arc::new(transport))
    }

    pub fn from_arc(transport: Arc<dyn Transport>) -> LiveTransport {
        LiveTransport(transport)
    }

    pub fn send(&self, request: &Outgoing<'_>) -> Result<LiveAnswer, TransportError> {
        self.0.send(request)
    }
}

impl fmt::Debug for LiveTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LiveTransport")
    }
}

impl PartialEq for LiveTransport {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for LiveTransport {}

impl Run {
    /// How many requests the run has sent out for real so far.
    pub fn live_calls(&self) -> usize {
        self.events()
            .filter(|event| {
                matches!(
                    event,
                    Event::AnswerReceived {
                        source: AnswerSource::Live,
                        ..
                    }
                )
            })
            .count()
    }
}

/// Renders a Request's headers with their real values, for the transport (the event shows
/// them masked). The caller restores the step's taint afterwards: a header goes nowhere but
/// the wire. The shown rendering already warned about names without a value: not twice.
pub(crate) fn real_headers(x: &mut Exec<'_>, op: &RequestOp) -> Pairs {
    let warned = x.events.len();
    let headers = op
        .headers
        .iter()
        .map(|(name, value)| (name.clone(), x.render(value)))
        .collect();
    x.events.truncate(warned);
    headers
}

/// Sends a request that no scenario mock answered through the run's transport, records the
/// answer (or the failure) and picks the port.
pub(crate) fn call(
    x: &mut Exec<'_>,
    op: &RequestOp,
    live: &LiveTransport,
    url: &str,
    headers: &Pairs,
    body: &str,
) -> Next {
    let timeout_ms = live_timeout_ms(op.timeout_ms);
    let result = live.send(&Outgoing {
        method: op.method,
        url,
        headers,
        body,
        timeout_ms,
    });
    // A server may echo what it was sent, secrets included: what the answer sets is shown
    // masked, like anything read from a secret.
    x.world.dirty = true;
    match result {
        Ok(answer) => {
            let body = SharedStr::from(answer.body);
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::Live,
                status: Some(answer.status),
                body: body.clone(),
                delay_ms: answer.elapsed_ms,
                timed_out: false,
            });
            if answer.cut {
                x.events.push(Event::AnswerCut {
                    limit_bytes: LIVE_MAX_ANSWER_BYTES as u64,
                });
            }
            x.advance(
                answer.elapsed_ms,
                format!("the live answer took {} ms", answer.elapsed_ms),
            );
            request::finish(x, op, answer.status, body, None)
        }
        Err(error) => {
            let timed_out = matches!(error, TransportError::TimedOut { .. });
            let waited_ms = if timed_out { timeout_ms } else { 0 };
            x.events.push(Event::AnswerReceived {
                source: AnswerSource::Live,
                status: None,
                body: x.program.empty.clone(),
                delay_ms: waited_ms,
                timed_out,
            });
            x.events.push(Event::LiveFailed { error });
            x.advance(
                waited_ms,
                format!("the live request timed out after {timeout_ms} ms"),
            );
            request::clear(x);
            Next::Port(port::ERROR)
        }
    }
}
