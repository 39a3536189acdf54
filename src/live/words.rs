//! Live requests in the user's language (`assets/locales/*/live.ftl`): what went wrong, worded
//! from the core's data (a kind and its arguments) so that a person knows what to do next.

use fluxo_core::clock::Clock;
use fluxo_core::sim::{LIVE_MAX_ANSWER_BYTES, SendOneError, TlsReason, TransportError};

use crate::i18n::Lang;
use crate::tr;

/// Why a live request got no answer, and what to check.
pub fn error_text(lang: Lang, error: &TransportError) -> String {
    match error {
        TransportError::NameNotResolved { host } => {
            tr!(lang, "live-error-name-not-resolved", host = host.as_str())
        }
        TransportError::ConnectionRefused { address } => {
            tr!(
                lang,
                "live-error-connection-refused",
                address = address.as_str()
            )
        }
        TransportError::Tls {
            host,
            reason,
            detail,
        } => tls_text(lang, host, *reason, detail),
        TransportError::TimedOut { after_ms } => {
            tr!(lang, "live-error-timed-out", ms = *after_ms)
        }
        TransportError::TooManyRedirects { max } => {
            tr!(lang, "live-error-too-many-redirects", max = *max)
        }
        TransportError::Proxy { proxy, detail } => tr!(
            lang,
            "live-error-proxy",
            proxy = proxy.as_str(),
            detail = detail.as_str()
        ),
        TransportError::BadUrl { url, detail } => tr!(
            lang,
            "live-error-bad-url",
            url = url.as_str(),
            detail = detail.as_str()
        ),
        TransportError::Cancelled => tr!(lang, "live-error-cancelled"),
        TransportError::Other { detail } => tr!(lang, "live-error-other", detail = detail.as_str()),
    }
}

/// Why "Send for real" sent nothing.
pub fn send_error_text(lang: Lang, error: &SendOneError) -> String {
    match error {
        SendOneError::NoSuchNode { node } => {
            tr!(lang, "live-send-no-node", node_id = node.as_str())
        }
        SendOneError::NotARequest { node } => {
            tr!(lang, "live-send-not-request", node_id = node.as_str())
        }
        SendOneError::NotSent { node, why } => tr!(
            lang,
            "live-send-not-sent",
            node_id = node.as_str(),
            why = why.as_str()
        ),
    }
}

/// A TLS failure: which certificate (its host, the names it holds, when it expired) and why.
fn tls_text(lang: Lang, host: &str, reason: TlsReason, detail: &str) -> String {
    match reason {
        TlsReason::UnknownIssuer => tr!(lang, "live-error-tls-unknown-issuer", host = host),
        TlsReason::Expired => {
            if let Some(date) = expiry_date(detail) {
                tr!(lang, "live-error-tls-expired-on", host = host, date = date)
            } else {
                tr!(lang, "live-error-tls-expired", host = host)
            }
        }
        TlsReason::NotYetValid => tr!(lang, "live-error-tls-not-yet-valid", host = host),
        TlsReason::WrongName if detail.is_empty() => {
            tr!(lang, "live-error-tls-wrong-name-unknown", host = host)
        }
        TlsReason::WrongName => tr!(
            lang,
            "live-error-tls-wrong-name",
            host = host,
            names = detail
        ),
        TlsReason::Revoked => tr!(lang, "live-error-tls-revoked", host = host),
        TlsReason::Handshake => tr!(
            lang,
            "live-error-tls-handshake",
            host = host,
            detail = detail
        ),
    }
}

/// `YYYY-MM-DD` (UTC) from an expiry detail written as Unix seconds by the client.
fn expiry_date(detail: &str) -> Option<String> {
    let seconds: i64 = detail.trim().parse().ok()?;
    let clock = Clock {
        unix_ms: seconds.checked_mul(1000)?,
        offset_min: 0,
    };
    let date = clock.local().date;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year, date.month, date.day
    ))
}

/// A live answer's status and time; a 4xx/5xx with (the start of) its body.
pub fn answer_text(lang: Lang, status: u16, elapsed_ms: u64, body: &str) -> String {
    if (200..400).contains(&status) {
        tr!(lang, "live-answer-ok", status = status, ms = elapsed_ms)
    } else {
        tr!(
            lang,
            "live-answer-error-status",
            status = status,
            ms = elapsed_ms,
            body = shortened(body, 300)
        )
    }
}

/// That an answer was cut, and where.
pub fn cut_text(lang: Lang) -> String {
    tr!(
        lang,
        "live-answer-cut",
        limit_mib = LIVE_MAX_ANSWER_BYTES / (1024 * 1024)
    )
}

/// At most `max` characters of `text` on one line, with `…` when cut.
pub fn shortened(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let flat = flat.trim();
    match flat.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &flat[..at]),
        None => flat.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_to_check_in_both_languages() {
        crate::i18n::record_gaps();
        let refused = TransportError::ConnectionRefused {
            address: "127.0.0.1:9".into(),
        };
        assert_eq!(
            error_text(Lang::En, &refused),
            "127.0.0.1:9 refused the connection: is the server running, and is the port right?"
        );
        assert_eq!(
            error_text(Lang::PtBr, &refused),
            "127.0.0.1:9 recusou a conexão: o servidor está no ar e a porta está certa?"
        );
        let expired = TransportError::Tls {
            host: "api.test".into(),
            reason: TlsReason::Expired,
            detail: "1704067200".into(),
        };
        assert_eq!(
            error_text(Lang::En, &expired),
            "the certificate of api.test expired on 2024-01-01"
        );
        let wrong = TransportError::Tls {
            host: "api.test".into(),
            reason: TlsReason::WrongName,
            detail: "outro.test, *.outro.test".into(),
        };
        assert_eq!(
            error_text(Lang::PtBr, &wrong),
            "o certificado apresentado por api.test vale para outro.test, *.outro.test, não para api.test"
        );
        let every = [
            TransportError::NameNotResolved {
                host: "x.invalid".into(),
            },
            TransportError::TimedOut { after_ms: 5000 },
            TransportError::TooManyRedirects { max: 5 },
            TransportError::Proxy {
                proxy: "http://proxy:3128".into(),
                detail: "403".into(),
            },
            TransportError::BadUrl {
                url: "/x".into(),
                detail: "no scheme".into(),
            },
            TransportError::Cancelled,
            TransportError::Other { detail: "x".into() },
        ];
        for error in &every {
            for lang in [Lang::En, Lang::PtBr] {
                assert!(!error_text(lang, error).starts_with("live-"), "{error:?}");
            }
        }
        for reason in [
            TlsReason::UnknownIssuer,
            TlsReason::NotYetValid,
            TlsReason::Revoked,
            TlsReason::Handshake,
        ] {
            let error = TransportError::Tls {
                host: "h".into(),
                reason,
                detail: String::new(),
            };
            assert!(error_text(Lang::PtBr, &error).contains("h "), "{reason:?}");
        }
        assert_eq!(
            answer_text(Lang::En, 404, 12, "{\"error\":\n \"not found\"}"),
            "404 after 12 ms: the API refused the request; its answer: {\"error\":  \"not found\"}"
        );
        assert_eq!(
            cut_text(Lang::PtBr),
            "a resposta passou de 5 MiB: só os primeiros 5 MiB foram guardados"
        );
        let not_request = SendOneError::NotARequest { node: "fim".into() };
        assert_eq!(
            send_error_text(Lang::PtBr, &not_request),
            "fim não é um nó de Requisição: só uma Requisição pode ser enviada de verdade"
        );
        for error in [
            SendOneError::NoSuchNode { node: "x".into() },
            SendOneError::NotSent {
                node: "x".into(),
                why: "y".into(),
            },
        ] {
            assert!(
                send_error_text(Lang::En, &error).starts_with("the flow")
                    || send_error_text(Lang::En, &error).ends_with(": y")
            );
        }
        // Other tests of this binary ask for missing ids on purpose: only ours count.
        let gaps: Vec<String> = crate::i18n::take_gaps()
            .into_iter()
            .filter(|gap| gap.contains("`live-"))
            .collect();
        assert_eq!(gaps, Vec::<String>::new());
    }

    #[test]
    fn shortened_counts_characters() {
        assert_eq!(shortened("ação", 3), "açã…");
        assert_eq!(shortened("ação", 4), "ação");
    }
}
