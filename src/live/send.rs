//! "Send for real" for the window: one Request node, sent with the current scenario, the
//! environment's `FLUXO_SECRET_*` values and the proxies of the environment, cancellable.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use fluxo_core::flow::{Flow, Scenario};
use fluxo_core::sim::{SendOneError, SentForReal, send_one};

use super::client::HttpTransport;

/// Sends the Request node `node_id` for real with `scenario`'s contact, clock and secrets and
/// the `vars` the user gave (see [`fluxo_core::sim::send_one`]). Blocks: call it on a worker
/// thread. Setting `cancel` makes it return [`fluxo_core::sim::TransportError::Cancelled`]
/// at once. What it returns shows secrets as `••••`; "Keep as mock" is
/// [`fluxo_core::sim::keep_as_mock_command`].
pub fn send_for_real(
    flow: &Flow,
    node_id: &str,
    scenario: &Scenario,
    vars: &BTreeMap<String, String>,
    cancel: Arc<AtomicBool>,
) -> Result<SentForReal, SendOneError> {
    let transport = HttpTransport::from_env().cancellable(cancel);
    send_one(
        flow,
        node_id,
        scenario,
        vars,
        &crate::secrets::env_secrets(),
        Arc::new(transport),
    )
}
