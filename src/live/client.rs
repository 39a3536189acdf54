//! The real HTTP client behind the core's [`Transport`] (SPEC.md section 11): ureq 3 with rustls
//! (certificates verified against the Mozilla roots bundled by `webpki-roots`), the node's time
//! limit for the whole exchange, at most [`LIVE_MAX_REDIRECTS`] redirects, answers cut at
//! [`LIVE_MAX_ANSWER_BYTES`], the proxy [`ProxyEnv`] picks. Failures come back as the core's
//! [`TransportError`] kinds, so that the binary words them and a run records them as data.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use fluxo_core::flow::Method;
use fluxo_core::sim::{
    LIVE_MAX_ANSWER_BYTES, LIVE_MAX_REDIRECTS, LiveAnswer, Outgoing, TlsReason, Transport,
    TransportError,
};
use ureq::config::RedirectAuthHeaders;
use ureq::http::Uri;
use ureq::{Agent, Proxy};

use super::proxy::ProxyEnv;

/// How often a cancellable request looks at its cancel flag.
const CANCEL_POLL: Duration = Duration::from_millis(25);

/// Live requests over the network.
#[derive(Clone, Debug)]
pub struct HttpTransport {
    agent: Agent,
    proxies: ProxyEnv,
    cancel: Option<Arc<AtomicBool>>,
}

impl HttpTransport {
    /// Proxies from the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    pub fn from_env() -> HttpTransport {
        HttpTransport::new(ProxyEnv::from_env())
    }

    pub fn new(proxies: ProxyEnv) -> HttpTransport {
        let config = Agent::config_builder()
            // A 4xx or 5xx is an answer (the node leaves by `error` with it), not a failure.
            .http_status_as_error(false)
            .max_redirects(LIVE_MAX_REDIRECTS)
            .max_redirects_will_error(true)
            // `Authorization` follows a redirect only to the same host (and never to http).
            .redirect_auth_headers(RedirectAuthHeaders::SameHost)
            // fluxo picks the proxy per request (see `ProxyEnv`).
            .proxy(None)
            .user_agent(concat!("fluxo/", env!("CARGO_PKG_VERSION")))
            .build();
        HttpTransport {
            agent: config.into(),
            proxies,
            cancel: None,
        }
    }

    /// Makes each request give up with [`TransportError::Cancelled`] as soon as `cancel` is set
    /// (the window's Cancel): the exchange runs on a thread of its own, which ends by itself
    /// within the request's time limit, and the caller stops waiting at once.
    #[must_use]
    pub fn cancellable(mut self, cancel: Arc<AtomicBool>) -> HttpTransport {
        self.cancel = Some(cancel);
        self
    }

    fn send_cancellable(
        &self,
        request: Owned,
        cancel: &Arc<AtomicBool>,
    ) -> Result<LiveAnswer, TransportError> {
        let (answer_tx, answer_rx) = mpsc::channel();
        let agent = self.agent.clone();
        let proxies = self.proxies.clone();
        let flag = Arc::clone(cancel);
        let spawned = std::thread::Builder::new()
            .name("fluxo-live-request".into())
            .spawn(move || {
                let _ = answer_tx.send(exchange(&agent, &proxies, &request, Some(&flag)));
            });
        if let Err(err) = spawned {
            return Err(TransportError::Other {
                detail: format!("cannot start the request's thread: {err}"),
            });
        }
        loop {
            if cancel.load(Ordering::Relaxed) {
                return Err(TransportError::Cancelled);
            }
            match answer_rx.recv_timeout(CANCEL_POLL) {
                Ok(result) => return result,
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(TransportError::Other {
                        detail: "the request's thread stopped without an answer".into(),
                    });
                }
            }
        }
    }
}

impl Transport for HttpTransport {
    fn send(&self, request: &Outgoing<'_>) -> Result<LiveAnswer, TransportError> {
        let owned = Owned::from(request);
        match &self.cancel {
            Some(cancel) => self.send_cancellable(owned, cancel),
            None => exchange(&self.agent, &self.proxies, &owned, None),
        }
    }
}

/// A request that can move to another thread.
#[derive(Clone, Debug)]
struct Owned {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    body: String,
    timeout_ms: u64,
}

impl From<&Outgoing<'_>> for Owned {
    fn from(request: &Outgoing<'_>) -> Owned {
        Owned {
            method: request.method,
            url: request.url.trim().to_owned(),
            headers: request
                .headers
                .iter()
                .map(|(name, value)| (name.to_string(), value.to_string()))
                .collect(),
            body: request.body.to_owned(),
            timeout_ms: request.timeout_ms,
        }
    }
}

/// What an error is about: the url's host and address, the proxy, the time limit.
struct Context<'a> {
    url: &'a str,
    host: &'a str,
    address: String,
    proxy: Option<&'a str>,
    timeout_ms: u64,
}

fn stop_if_cancelled(cancel: Option<&AtomicBool>) -> Result<(), TransportError> {
    if cancel.is_some_and(|flag| flag.load(Ordering::Relaxed)) {
        Err(TransportError::Cancelled)
    } else {
        Ok(())
    }
}

fn bad_url(url: &str, detail: impl Into<String>) -> TransportError {
    TransportError::BadUrl {
        url: url.to_owned(),
        detail: detail.into(),
    }
}

/// One exchange: send, follow redirects, read the answer (cut at the limit).
fn exchange(
    agent: &Agent,
    proxies: &ProxyEnv,
    request: &Owned,
    cancel: Option<&AtomicBool>,
) -> Result<LiveAnswer, TransportError> {
    let started = Instant::now();
    let url = request.url.as_str();
    let uri: Uri = url.parse().map_err(|err| bad_url(url, format!("{err}")))?;
    let scheme = uri.scheme_str().unwrap_or("");
    if !matches!(scheme, "http" | "https") {
        return Err(bad_url(url, "only http:// and https:// urls can be sent"));
    }
    let Some(host) = uri.host().filter(|host| !host.is_empty()) else {
        return Err(bad_url(url, "the url has no host"));
    };
    // RFC 6761: `.invalid` names never resolve, and are not asked to the DNS.
    if is_invalid_name(host) {
        return Err(TransportError::NameNotResolved {
            host: host.to_owned(),
        });
    }
    let port = uri
        .port_u16()
        .unwrap_or(if scheme == "https" { 443 } else { 80 });
    let proxy_url = proxies.for_url(scheme, host);
    let cx = Context {
        url,
        host,
        address: format!("{host}:{port}"),
        proxy: proxy_url,
        timeout_ms: request.timeout_ms,
    };
    let proxy = match proxy_url {
        Some(proxy_url) => Some(Proxy::new(proxy_url).map_err(|_| TransportError::Proxy {
            proxy: proxy_url.to_owned(),
            detail: "it is not a proxy URL (http://HOST:PORT)".into(),
        })?),
        None => None,
    };
    let mut builder = ureq::http::Request::builder()
        .method(request.method.as_str())
        .uri(uri.clone());
    let mut has_content_type = false;
    for (name, value) in &request.headers {
        has_content_type |= name.trim().eq_ignore_ascii_case("content-type");
        builder = builder.header(name.trim(), value.as_str());
    }
    // As the platforms' "Enviar requisição" does: a JSON body says so unless the node does.
    if !has_content_type && is_json(&request.body) {
        builder = builder.header("content-type", "application/json");
    }
    let http_request =
        builder
            .body(request.body.as_bytes())
            .map_err(|err| TransportError::Other {
                detail: format!("the request cannot be made: {err} (a header's name or value?)"),
            })?;
    let http_request = agent
        .configure_request(http_request)
        .proxy(proxy)
        .timeout_global(Some(Duration::from_millis(request.timeout_ms.max(1))))
        .build();
    stop_if_cancelled(cancel)?;
    let response = agent.run(http_request).map_err(|err| classify(err, &cx))?;
    stop_if_cancelled(cancel)?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_owned(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let mut reader = response.into_body().into_reader();
    let (bytes, cut) = read_capped(&mut reader, LIVE_MAX_ANSWER_BYTES, cancel, &cx)?;
    Ok(LiveAnswer {
        status,
        headers,
        body: text_of(bytes, cut),
        cut,
        elapsed_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
    })
}

/// `invalid` and names under it (RFC 6761, section 6.4).
fn is_invalid_name(host: &str) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host == "invalid" || host.ends_with(".invalid")
}

/// Whether a body is JSON by the checks' rule: its first non-blank character is `{` or `[`.
fn is_json(body: &str) -> bool {
    matches!(body.trim_start().chars().next(), Some('{' | '['))
}

/// At most `max` bytes of the body; true when there was more (one byte past `max` is read to
/// know, the rest never is).
fn read_capped(
    reader: &mut impl Read,
    max: usize,
    cancel: Option<&AtomicBool>,
    cx: &Context<'_>,
) -> Result<(Vec<u8>, bool), TransportError> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0_u8; 64 * 1024];
    loop {
        stop_if_cancelled(cancel)?;
        let read = match reader.read(&mut chunk) {
            Ok(0) => return Ok((bytes, false)),
            Ok(read) => read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(classify(ureq::Error::from(err), cx)),
        };
        let room = (max + 1).saturating_sub(bytes.len());
        bytes.extend_from_slice(chunk.get(..read.min(room)).unwrap_or_default());
        if bytes.len() > max {
            bytes.truncate(max);
            return Ok((bytes, true));
        }
    }
}

/// The body as text: invalid UTF-8 read lossily; a character split by the cut left out.
fn text_of(mut bytes: Vec<u8>, cut: bool) -> String {
    if cut
        && let Err(err) = std::str::from_utf8(&bytes)
        && err.error_len().is_none()
    {
        bytes.truncate(err.valid_up_to());
    }
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => String::from_utf8_lossy(err.as_bytes()).into_owned(),
    }
}

/// The kind of a client error, with its arguments.
fn classify(err: ureq::Error, cx: &Context<'_>) -> TransportError {
    let host = cx.host.to_owned();
    match err {
        ureq::Error::HostNotFound => match cx.proxy {
            Some(proxy) => proxy_error(proxy, "its name does not resolve"),
            None => TransportError::NameNotResolved { host },
        },
        ureq::Error::Timeout(_) => TransportError::TimedOut {
            after_ms: cx.timeout_ms,
        },
        ureq::Error::TooManyRedirects => TransportError::TooManyRedirects {
            max: LIVE_MAX_REDIRECTS,
        },
        ureq::Error::RedirectFailed => TransportError::Other {
            detail: "the server redirected a request with a body (307/308), which is not sent again elsewhere".into(),
        },
        ureq::Error::BadUri(detail) => bad_url(cx.url, detail),
        ureq::Error::ConnectProxyFailed(detail) => {
            proxy_error(cx.proxy.unwrap_or_default(), &detail)
        }
        ureq::Error::InvalidProxyUrl => {
            proxy_error(cx.proxy.unwrap_or_default(), "it is not a proxy URL")
        }
        ureq::Error::Rustls(tls) => tls_error(&tls, host),
        ureq::Error::Tls(detail) => TransportError::Tls {
            host,
            reason: TlsReason::Handshake,
            detail: detail.to_owned(),
        },
        ureq::Error::Io(io) => classify_io(&io, cx),
        ureq::Error::Protocol(problem) => TransportError::Other {
            detail: format!("the answer is not valid HTTP ({problem})"),
        },
        other => TransportError::Other {
            detail: other.to_string(),
        },
    }
}

fn proxy_error(proxy: &str, detail: &str) -> TransportError {
    TransportError::Proxy {
        proxy: proxy.to_owned(),
        detail: detail.to_owned(),
    }
}

fn classify_io(io: &io::Error, cx: &Context<'_>) -> TransportError {
    if let Some(tls) = io
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<rustls::Error>())
    {
        return tls_error(tls, cx.host.to_owned());
    }
    let text = io.to_string();
    match (io.kind(), cx.proxy) {
        (io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock, _) => TransportError::TimedOut {
            after_ms: cx.timeout_ms,
        },
        (io::ErrorKind::ConnectionRefused, Some(proxy)) => {
            proxy_error(proxy, "it refused the connection")
        }
        (io::ErrorKind::ConnectionRefused, None) => TransportError::ConnectionRefused {
            address: cx.address.clone(),
        },
        // The standard library's words for a failed getaddrinfo.
        (_, None) if text.contains("failed to lookup address") => TransportError::NameNotResolved {
            host: cx.host.to_owned(),
        },
        _ => TransportError::Other { detail: text },
    }
}

/// Which certificate and why, from rustls's verdict.
fn tls_error(err: &rustls::Error, host: String) -> TransportError {
    use rustls::CertificateError as Cert;
    let (reason, detail) = match err {
        rustls::Error::InvalidCertificate(cert) => match cert {
            Cert::UnknownIssuer => (TlsReason::UnknownIssuer, String::new()),
            Cert::Expired => (TlsReason::Expired, String::new()),
            // Unix seconds: the binary writes the date.
            Cert::ExpiredContext { not_after, .. } => {
                (TlsReason::Expired, not_after.as_secs().to_string())
            }
            Cert::NotValidYet | Cert::NotValidYetContext { .. } => {
                (TlsReason::NotYetValid, String::new())
            }
            Cert::NotValidForName => (TlsReason::WrongName, String::new()),
            Cert::NotValidForNameContext { presented, .. } => {
                (TlsReason::WrongName, presented.join(", "))
            }
            Cert::Revoked => (TlsReason::Revoked, String::new()),
            _ => (TlsReason::Handshake, err.to_string()),
        },
        _ => (TlsReason::Handshake, err.to_string()),
    };
    TransportError::Tls {
        host,
        reason,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context<'static> {
        Context {
            url: "https://api.test/x",
            host: "api.test",
            address: "api.test:443".into(),
            proxy: None,
            timeout_ms: 5000,
        }
    }

    #[test]
    fn client_errors_become_kinds_with_arguments() {
        assert_eq!(
            classify(ureq::Error::HostNotFound, &cx()),
            TransportError::NameNotResolved {
                host: "api.test".into()
            }
        );
        let lookup =
            io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(
            classify(ureq::Error::Io(lookup), &cx()),
            TransportError::NameNotResolved {
                host: "api.test".into()
            }
        );
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert_eq!(
            classify(ureq::Error::Io(refused), &cx()),
            TransportError::ConnectionRefused {
                address: "api.test:443".into()
            }
        );
        let through_proxy = Context {
            proxy: Some("http://proxy:3128"),
            ..cx()
        };
        let refused = io::Error::from(io::ErrorKind::ConnectionRefused);
        assert!(matches!(
            classify(ureq::Error::Io(refused), &through_proxy),
            TransportError::Proxy { .. }
        ));
        assert_eq!(
            classify(ureq::Error::TooManyRedirects, &cx()),
            TransportError::TooManyRedirects { max: 5 }
        );
        let wrong_name =
            rustls::Error::InvalidCertificate(rustls::CertificateError::NotValidForNameContext {
                expected: rustls::pki_types::ServerName::try_from("api.test").unwrap(),
                presented: vec!["outro.test".into(), "*.outro.test".into()],
            });
        let io = io::Error::new(io::ErrorKind::InvalidData, wrong_name);
        assert_eq!(
            classify(ureq::Error::Io(io), &cx()),
            TransportError::Tls {
                host: "api.test".into(),
                reason: TlsReason::WrongName,
                detail: "outro.test, *.outro.test".into()
            }
        );
    }

    #[test]
    fn a_cut_never_splits_a_character() {
        let text = "ação".as_bytes();
        assert_eq!(text_of(text[..2].to_vec(), true), "a");
        assert_eq!(text_of(text.to_vec(), false), "ação");
        assert_eq!(text_of(vec![b'a', 0xff, b'b'], false), "a\u{fffd}b");
        assert!(is_invalid_name("x.INVALID."));
        assert!(!is_invalid_name("invalid.test"));
    }

    #[test]
    fn capped_reading_reads_one_byte_past_the_limit() {
        let mut reader = io::Cursor::new(vec![b'x'; 10]);
        let (bytes, cut) = read_capped(&mut reader, 4, None, &cx()).unwrap();
        assert_eq!((bytes.len(), cut), (4, true));
        let mut reader = io::Cursor::new(vec![b'x'; 4]);
        let (bytes, cut) = read_capped(&mut reader, 4, None, &cx()).unwrap();
        assert_eq!((bytes.len(), cut), (4, false));
        let cancel = AtomicBool::new(true);
        let mut reader = io::Cursor::new(vec![b'x'; 4]);
        assert_eq!(
            read_capped(&mut reader, 4, Some(&cancel), &cx()),
            Err(TransportError::Cancelled)
        );
    }
}
