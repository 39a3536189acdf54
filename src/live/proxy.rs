//! Which proxy a live request goes through, read from the environment as curl reads it:
//! `HTTPS_PROXY` for https urls, `HTTP_PROXY` for http urls (either case), `ALL_PROXY` when the
//! scheme's own is not set, none for a host that `NO_PROXY` lists. ureq's own reading takes the
//! first of `ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY` for every url, so fluxo picks and hands ureq
//! the proxy per request. See docs/decisions.md, "Live requests".

/// The proxy settings of the environment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProxyEnv {
    https: Option<String>,
    http: Option<String>,
    all: Option<String>,
    /// Lower-case host names or domains (`example.com` also covers `api.example.com`), or `*`.
    no_proxy: Vec<String>,
}

impl ProxyEnv {
    /// The process's environment.
    pub fn from_env() -> ProxyEnv {
        ProxyEnv::from_vars(|name| std::env::var(name).ok())
    }

    /// The settings from `var(NAME)`; the upper-case name wins over the lower-case one.
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> ProxyEnv {
        let first = |names: [&str; 2]| {
            names
                .iter()
                .find_map(|name| var(name).filter(|value| !value.trim().is_empty()))
                .map(|value| value.trim().to_owned())
        };
        ProxyEnv {
            https: first(["HTTPS_PROXY", "https_proxy"]),
            http: first(["HTTP_PROXY", "http_proxy"]),
            all: first(["ALL_PROXY", "all_proxy"]),
            no_proxy: first(["NO_PROXY", "no_proxy"])
                .map(|list| no_proxy_entries(&list))
                .unwrap_or_default(),
        }
    }

    /// The proxy for a url with this scheme and host; none to connect directly.
    pub fn for_url(&self, scheme: &str, host: &str) -> Option<&str> {
        if self.bypasses(host) {
            return None;
        }
        let own = if scheme.eq_ignore_ascii_case("https") {
            &self.https
        } else {
            &self.http
        };
        own.as_deref().or(self.all.as_deref())
    }

    /// Whether `NO_PROXY` lists the host: `*`, the host itself, or a domain it is under.
    fn bypasses(&self, host: &str) -> bool {
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        self.no_proxy.iter().any(|entry| {
            entry == "*"
                || host == *entry
                || host
                    .strip_suffix(entry.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

/// `NO_PROXY`'s entries: comma-separated, blanks around them ignored, a leading `*.` or `.` and
/// a `:port` left out (a port does not narrow the match), lower case.
fn no_proxy_entries(list: &str) -> Vec<String> {
    list.split(',')
        .filter_map(|entry| {
            let mut entry = entry.trim().to_ascii_lowercase();
            if entry != "*" {
                entry = entry
                    .trim_start_matches("*.")
                    .trim_start_matches('.')
                    .to_owned();
            }
            // `host:port`, but not a bare IPv6 address (`::1`).
            if entry.matches(':').count() == 1
                && let Some((host, port)) = entry.split_once(':')
                && port.chars().all(|c| c.is_ascii_digit())
            {
                entry = host.to_owned();
            }
            let entry = entry
                .trim_start_matches('[')
                .trim_end_matches(']')
                .trim_end_matches('.')
                .to_owned();
            (!entry.is_empty()).then_some(entry)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> ProxyEnv {
        let vars: Vec<(String, String)> = vars
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        ProxyEnv::from_vars(|name| {
            vars.iter()
                .find(|(var, _)| var == name)
                .map(|(_, value)| value.clone())
        })
    }

    #[test]
    fn each_scheme_has_its_proxy_and_all_proxy_is_the_fallback() {
        let proxies = env(&[
            ("HTTPS_PROXY", "http://secure:3128"),
            ("http_proxy", "http://plain:3128"),
            ("ALL_PROXY", "http://all:3128"),
        ]);
        assert_eq!(
            proxies.for_url("https", "api.huggy.app"),
            Some("http://secure:3128")
        );
        assert_eq!(proxies.for_url("http", "x.test"), Some("http://plain:3128"));
        let only_all = env(&[("all_proxy", "http://all:3128")]);
        assert_eq!(only_all.for_url("https", "x.test"), Some("http://all:3128"));
        assert_eq!(env(&[]).for_url("https", "x.test"), None);
        let upper_wins = env(&[("HTTPS_PROXY", "http://a:1"), ("https_proxy", "http://b:1")]);
        assert_eq!(upper_wins.for_url("https", "x"), Some("http://a:1"));
        let blank = env(&[("HTTPS_PROXY", "  "), ("https_proxy", "http://b:1")]);
        assert_eq!(blank.for_url("https", "x"), Some("http://b:1"));
    }

    #[test]
    fn no_proxy_lists_hosts_and_domains() {
        let proxies = env(&[
            ("HTTPS_PROXY", "http://proxy:3128"),
            (
                "NO_PROXY",
                "localhost, .interno.test,*.corp.test, 10.0.0.1:8080, Huggy.App, [::1]",
            ),
        ]);
        for direct in [
            "localhost",
            "a.interno.test",
            "interno.test",
            "x.corp.test",
            "10.0.0.1",
            "api.huggy.app",
            "HUGGY.APP.",
            "[::1]",
        ] {
            assert_eq!(proxies.for_url("https", direct), None, "{direct}");
        }
        for proxied in [
            "huggy.app.evil.test",
            "xhuggy.app",
            "10.0.0.10",
            "example.com",
        ] {
            assert_eq!(
                proxies.for_url("https", proxied),
                Some("http://proxy:3128"),
                "{proxied}"
            );
        }
        let all = env(&[("HTTPS_PROXY", "http://proxy:3128"), ("no_proxy", "*")]);
        assert_eq!(all.for_url("https", "anything.test"), None);
    }
}
