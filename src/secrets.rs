//! Secrets from the environment: `FLUXO_SECRET_NAME` is the value of `{{secret.NAME}}` (SPEC
//! section 3). The command line and the window read them the same way; a run shows them as
//! `••••` and never writes them anywhere.

use std::collections::BTreeMap;

/// The environment's `FLUXO_SECRET_NAME` variables, by `NAME`: the run's secrets first.
pub fn env_secrets() -> BTreeMap<String, String> {
    std::env::vars_os()
        .filter_map(|(name, value)| {
            let name = name.into_string().ok()?;
            let secret = name.strip_prefix("FLUXO_SECRET_")?;
            Some((secret.to_owned(), value.into_string().ok()?))
        })
        .filter(|(name, _)| !name.is_empty())
        .collect()
}
