//! A small HTTP/1.1 server on 127.0.0.1 for the live tests: it records every request it gets
//! and answers by path. Nothing here reaches outside the machine.
//!
//! - `/agents/ana`: 200 `{"data": {"status": "online"}, "echo": "<the Authorization header>"}`
//! - `/missing`: 404 `{"error": "agent not found"}`; `/boom`: 500 `{"error": "internal"}`
//! - `/slow`: no answer for 10 s
//! - `/hop/N`: 302 to `/hop/N-1`; `/hop/0`: 200 `{"data": {"status": "online"}}`
//! - `/big`: 200 with 6 MiB of `x`
//! - anything else: 404

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// A request as the server read it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Seen {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// A server running on its own thread until the test process ends.
pub struct Server {
    pub addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    /// TCP connections accepted, whether or not a whole request came.
    connections: Arc<Mutex<usize>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
        let addr = listener.local_addr().expect("its address");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (seen_by_thread, connections_by_thread) = (Arc::clone(&seen), Arc::clone(&connections));
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                *connections_by_thread.lock().expect("count") += 1;
                let seen = Arc::clone(&seen_by_thread);
                thread::spawn(move || serve(stream, &seen));
            }
        });
        Server {
            addr,
            seen,
            connections,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn seen(&self) -> Vec<Seen> {
        self.seen.lock().expect("seen").clone()
    }

    pub fn connections(&self) -> usize {
        *self.connections.lock().expect("count")
    }
}

fn serve(stream: TcpStream, seen: &Mutex<Vec<Seen>>) {
    let Ok(mut writer) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    if reader.read_line(&mut line).unwrap_or(0) == 0 {
        return;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_owned();
    let path = parts.next().unwrap_or("").to_owned();
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 {
            return;
        }
        let header = header.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let length = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    if reader.read_exact(&mut body).is_err() {
        return;
    }
    let request = Seen {
        method,
        path,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    };
    seen.lock().expect("seen").push(request.clone());
    let (status, extra, body) = answer(&request);
    let mut head = format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reason(status),
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&name);
        head.push_str(": ");
        head.push_str(&value);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    let _ = writer.write_all(head.as_bytes());
    let _ = writer.write_all(&body);
    let _ = writer.flush();
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        302 => "Found",
        404 => "Not Found",
        _ => "Internal Server Error",
    }
}

fn answer(request: &Seen) -> (u16, Vec<(String, String)>, Vec<u8>) {
    let path = request.path.split('?').next().unwrap_or("");
    match path {
        "/agents/ana" => {
            let echo = request.header("authorization").unwrap_or("");
            let body = format!(r#"{{"data": {{"status": "online"}}, "echo": "{echo}"}}"#);
            (
                200,
                vec![("X-Echo".into(), echo.to_owned())],
                body.into_bytes(),
            )
        }
        "/missing" => (404, vec![], br#"{"error": "agent not found"}"#.to_vec()),
        "/boom" => (500, vec![], br#"{"error": "internal"}"#.to_vec()),
        "/slow" => {
            thread::sleep(Duration::from_secs(10));
            (200, vec![], b"{}".to_vec())
        }
        "/big" => (200, vec![], vec![b'x'; 6 * 1024 * 1024]),
        _ => match path
            .strip_prefix("/hop/")
            .and_then(|n| n.parse::<u32>().ok())
        {
            Some(0) => (200, vec![], br#"{"data": {"status": "online"}}"#.to_vec()),
            Some(n) => (
                302,
                vec![("Location".into(), format!("/hop/{}", n - 1))],
                Vec::new(),
            ),
            None => (404, vec![], b"{}".to_vec()),
        },
    }
}

/// A TLS server on 127.0.0.1 with a self-signed certificate (`CN=fluxo test server`, for
/// `localhost` and `127.0.0.1`, valid until 2126): a client that verifies certificates refuses
/// it. Returns its port.
pub fn start_tls() -> u16 {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};

    const CERT: &str = "-----BEGIN CERTIFICATE-----
MIIBvzCCAWSgAwIBAgIUQzKSXWwBhIUN57CZfN8sAvHKE4MwCgYIKoZIzj0EAwIw
HDEaMBgGA1UEAwwRZmx1eG8gdGVzdCBzZXJ2ZXIwIBcNMjYxMjAzMTc1MTAwWhgP
MjEyNjExMDkxNzUxMDBaMBwxGjAYBgNVBAMMEWZsdXhvIHRlc3Qgc2VydmVyMFkw
EwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEwmVIiPKbg0DVCem4mGu/ahp21P8QssiO
116w3+b0LSQ7HdBcuUz40Y3kPwgOe1C8BvT70OUlQk7mnSE8w1BzqKOBgTB/MB0G
A1UdDgQWBBQXQ3DBCY+UT3pZnql7C2GakQ45fDAfBgNVHSMEGDAWgBQXQ3DBCY+U
T3pZnql7C2GakQ45fDAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwDAYDVR0T
AQH/BAIwADATBgNVHSUEDDAKBggrBgEFBQcDATAKBggqhkjOPQQDAgNJADBGAiEA
pmfxiudNgdfvyy1XqS/r8+maL6QyGYUcbdu77AgK9kECIQCoNBmALRLAos6S5EJ/
s2gwcJB9Rui9TjdTp0GPG5TV9g==
-----END CERTIFICATE-----
";
    // A throwaway key made for this test only.
    const KEY: &str = "-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgMpD/dqr+CRS0tzbY
Y48GZcLdm46MEtiBQpIQmgHePuGhRANCAATCZUiI8puDQNUJ6biYa79qGnbU/xCy
yI7XXrDf5vQtJDsd0Fy5TPjRjeQ/CA57ULwG9PvQ5SVCTuadITzDUHOo
-----END PRIVATE KEY-----
";
    let cert = CertificateDer::from_pem_slice(CERT.as_bytes()).expect("the test certificate");
    let key = PrivateKeyDer::from_pem_slice(KEY.as_bytes()).expect("the test key");
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(vec![cert], key)
    .expect("a server config");
    let config = Arc::new(config);
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("its address").port();
    thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let config = Arc::clone(&config);
            thread::spawn(move || {
                let Ok(mut connection) = rustls::ServerConnection::new(config) else {
                    return;
                };
                // The handshake sends the certificate; the client refuses it and hangs up.
                while connection.is_handshaking() {
                    if connection.complete_io(&mut stream).is_err() {
                        return;
                    }
                }
            });
        }
    });
    port
}

/// A fake proxy on 127.0.0.1 that records the first line of every request (`CONNECT
/// host:port HTTP/1.1`) and refuses it with 403. Returns its address and what it saw.
pub fn start_proxy() -> (SocketAddr, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let addr = listener.local_addr().expect("its address");
    let lines = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&lines);
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let Ok(mut writer) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(stream);
            let mut first = String::new();
            let _ = reader.read_line(&mut first);
            seen.lock()
                .expect("lines")
                .push(first.trim_end().to_owned());
            // The rest of the head, so that the client is done writing when the answer comes.
            let mut line = String::new();
            while reader.read_line(&mut line).unwrap_or(0) > 0 && !line.trim_end().is_empty() {
                line.clear();
            }
            let _ = writer.write_all(
                b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
    });
    (addr, lines)
}
