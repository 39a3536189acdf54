# fluxo — live texts, English (United States).
# Message ids are unique across all files of a language; arguments are snake_case (`{ $node_id }`).

# Live requests (SPEC.md section 11): `fluxo run --live`, `fluxo test --live`, "Send for real".
live-banner = LIVE: requests that no scenario mock answers were sent to the network (--live); the built-in platform mock was off.
live-calls = { $count ->
    [0] no live calls
    [one] 1 live call
   *[other] { $count } live calls
}
live-calls-heading = { live-calls }:
live-test-heading = Live calls per scenario:
live-test-scenario = { $scenario }: { live-calls }
live-answer-source = the real API (live)
live-call = step { $step } { $node_id }: { $method } { $url } -> { $outcome }
live-answer-ok = { $status } after { $ms } ms
live-answer-error-status = { $status } after { $ms } ms: the API refused the request; its answer: { $body }
live-answer-cut = the answer was longer than { $limit_mib } MiB: only its first { $limit_mib } MiB were kept

# What went wrong, in words a person can act on.
live-error-name-not-resolved = the name { $host } does not resolve: check the url's host (a typo?) and this machine's network or DNS
live-error-connection-refused = { $address } refused the connection: is the server running, and is the port right?
live-error-tls-unknown-issuer = the certificate of { $host } is not signed by an authority fluxo trusts (self-signed, or from a private authority?)
live-error-tls-expired = the certificate of { $host } has expired
live-error-tls-expired-on = the certificate of { $host } expired on { $date }
live-error-tls-not-yet-valid = the certificate of { $host } is not valid yet (is this machine's clock right?)
live-error-tls-wrong-name = the certificate presented by { $host } is for { $names }, not for { $host }
live-error-tls-wrong-name-unknown = the certificate presented by { $host } is for another name
live-error-tls-revoked = the certificate of { $host } was revoked
live-error-tls-handshake = the secure connection (TLS) with { $host } failed: { $detail }
live-error-timed-out = no answer within { $ms } ms (the node's timeout_ms; 0 means 30 s): raise it, or check that the server is up
live-error-too-many-redirects = more than { $max } redirects: the url probably loops between addresses
live-error-proxy = the proxy { $proxy } failed: { $detail } (check HTTPS_PROXY and NO_PROXY)
live-error-bad-url = { $url } is not an absolute http(s) address: { $detail }
live-error-cancelled = cancelled
live-error-other = the request failed: { $detail }

# "Send for real" on one node.
live-send-no-node = the flow has no node named { $node_id }
live-send-not-request = { $node_id } is not a Request node: only a Request can be sent for real
live-send-not-sent = { $node_id } was not sent: { $why }

# "Send for real" in the window (a Request node's inspector).
live-window-section = Try it on the real API
live-window-explain = Sends this request to the real API once, expanded with the scenario's contact, clock and secrets. Nothing leaves the machine without this click.
live-window-scenario = Scenario: { $scenario } (picked in the simulator)
live-window-no-scenario = No scenario: an empty one is used (add a scenario to keep the answer as a mock)
live-window-inputs = Values the scenario does not set:
live-window-send = Send for real
live-window-send-tooltip = Sends this request to the real API now, once, and shows what it answers
live-window-one-at-a-time = Another request is on its way: one at a time
live-window-sending = Waiting for the real API… { $seconds } s
live-window-badge = ● LIVE
live-window-running = A request is on its way to the real API (Send for real)
live-window-status = { $status } in { $ms } ms
live-window-leaves-by = the node would leave by “{ $port }”
live-window-sent-heading = What was sent
live-window-headers-heading = { $count ->
    [one] Answer headers (1)
   *[other] Answer headers ({ $count })
}
live-window-body = Answer body
live-window-body-empty = (empty body)
live-window-body-left-out = … { $count } more characters not shown (Keep as mock keeps the whole answer)
live-window-keep = Keep as mock
live-window-keep-tooltip = Adds this answer to the mocks of "{ $scenario }" (one undo step): its runs answer offline from now on
live-window-kept = Kept in the mocks of "{ $scenario }": its runs answer offline now.
live-window-nothing-to-keep = Nothing to keep: only an answer or a time-out becomes a mock.
live-window-keep-needs-scenario = Add a scenario (Simulator ▸ Scenarios) to keep this answer as a mock.
