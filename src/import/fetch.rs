//! Fetching a feed or a JSON API response over HTTP(S).
//!
//! [`fetch`] makes one GET request and returns the body, decoded from gzip
//! if the server compressed it, with the URL it was finally read from and
//! its `Content-Type`. Only `http` and `https` URLs are fetched; anything
//! else is refused before a connection is made.
//!
//! # Limits
//!
//! Everything a server controls is bounded by [`Limits`]: the time to
//! connect, the time of the whole request (body included, so a server that
//! trickles bytes forever is cut off), the number of redirects, and the size
//! of the body *after* decompression, so a small gzip stream that inflates
//! to gigabytes (a "gzip bomb") stops at the limit instead of filling memory.
//! A `Content-Length` above the limit is refused before the body is read.
//!
//! # Proxies
//!
//! The HTTP client, left alone, reads one proxy from `ALL_PROXY`,
//! `HTTPS_PROXY` or `HTTP_PROXY` (whichever is set first) and uses it for
//! every scheme. newsdesk instead chooses as curl does, so that a shell set
//! up for curl behaves the same here:
//!
//! - `http://` URLs use `http_proxy` (lower case only: the upper-case name
//!   can be set by a web server from a request header, the "httpoxy" hole);
//! - `https://` URLs use `https_proxy`, then `HTTPS_PROXY`;
//! - both fall back on `all_proxy`, then `ALL_PROXY`;
//! - `no_proxy` (or `NO_PROXY`) lists hosts reached directly: `*` for all,
//!   or names that match themselves and their subdomains (`example.com`
//!   and `.example.com` both match `feeds.example.com`).
//!
//! Only HTTP CONNECT proxies (`http://` or `https://` proxy URLs) are
//! supported; a SOCKS proxy is refused with an error rather than bypassed.
//! The proxy is chosen once, for the URL asked for: redirects go through
//! the same one. The choice reads its variables through a function, so
//! tests decide what the environment says whatever the real one holds.

use std::io;
use std::time::Duration;

use ureq::http::{StatusCode, Uri, header};
use ureq::{Agent, Proxy, ProxyProtocol, ResponseExt, Timeout};

/// The `User-Agent` sent with every request.
pub const USER_AGENT: &str = concat!("newsdesk/", env!("CARGO_PKG_VERSION"));

/// The `Accept` header: feeds and JSON first, anything else last.
pub const ACCEPT: &str = "application/atom+xml, application/rss+xml, application/feed+json, \
     application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

/// Bounds on one fetch, so that no server can hold newsdesk forever or
/// make it read without end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most time to find the host and open the connection (the TLS
    /// handshake and any proxy included).
    pub connect_timeout: Duration,
    /// The most time for the whole request, from the first name lookup to
    /// the last byte of the body, across redirects.
    pub timeout: Duration,
    /// The most bytes the body may hold once decompressed.
    pub max_bytes: u64,
    /// The most redirects followed; one more is an error.
    pub max_redirects: u32,
}

impl Default for Limits {
    /// 10 s to connect, 60 s in all, 64 MiB and 5 redirects.
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(60),
            max_bytes: 64 << 20,
            max_redirects: 5,
        }
    }
}

/// What a successful fetch read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// The URL the body came from, after redirects.
    pub final_url: String,
    /// The `Content-Type` header, if the server sent a readable one.
    pub content_type: Option<String>,
}

/// Why a fetch failed. Each message is one line and leaves out the URL,
/// which the caller prints beside it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The URL's scheme is neither `http` nor `https`.
    #[error("not an http or https URL")]
    NotHttp,
    /// The URL could not be parsed.
    #[error("not a valid URL: {0}")]
    BadUrl(String),
    /// A proxy variable holds something unusable; the field names it.
    #[error("{0}")]
    BadProxy(String),
    /// The host name could not be looked up.
    #[error("could not find the host: {0}")]
    HostNotFound(String),
    /// No connection could be opened.
    #[error("could not connect: {0}")]
    Connect(String),
    /// Connecting took longer than [`Limits::connect_timeout`].
    #[error("could not connect within {}", seconds(*.0))]
    ConnectTimedOut(Duration),
    /// The request took longer than [`Limits::timeout`].
    #[error("timed out after {}", seconds(*.0))]
    TimedOut(Duration),
    /// The server answered with a status other than success.
    #[error("HTTP {code}{}", reason.map(|r| format!(" {r}")).unwrap_or_default())]
    Status {
        /// The status code.
        code: u16,
        /// The standard phrase for the code, if it has one.
        reason: Option<&'static str>,
    },
    /// The server redirected more than [`Limits::max_redirects`] times.
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    /// The decompressed body is larger than [`Limits::max_bytes`].
    #[error("the answer is larger than {}", size(*.0))]
    TooLarge(u64),
    /// The connection failed after it was opened, or the server's answer
    /// was not valid HTTP, or its gzip stream was damaged.
    #[error("{0}")]
    Broken(String),
}

/// Fetches `url` with a GET request, within `limits`, through the proxy
/// the environment names (see the module documentation).
pub fn fetch(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
    fetch_with_env(url, limits, &|name| std::env::var(name).ok())
}

/// [`fetch`], reading proxy settings through `env` instead of the process
/// environment.
fn fetch_with_env(
    url: &str,
    limits: &Limits,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Fetched, FetchError> {
    let uri = http_uri(url)?;
    let proxy = proxy_for(&uri, env)?;
    let agent: Agent = Agent::config_builder()
        .proxy(proxy)
        .http_status_as_error(false)
        .max_redirects(limits.max_redirects)
        .max_redirects_will_error(true)
        .user_agent(USER_AGENT)
        .accept(ACCEPT)
        .timeout_global(Some(limits.timeout))
        .timeout_resolve(Some(limits.connect_timeout))
        .timeout_connect(Some(limits.connect_timeout))
        .build()
        .into();
    let mut response = agent.get(uri).call().map_err(|e| from_ureq(e, limits))?;

    let status = response.status();
    // With no redirect allowed the client hands the redirect back instead of
    // failing; it is the same refusal.
    if status.is_redirection() && response.headers().contains_key(header::LOCATION) {
        return Err(FetchError::TooManyRedirects(limits.max_redirects));
    }
    if !status.is_success() {
        return Err(status_error(status));
    }
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);

    let body = response.body_mut();
    // The length is only known here when the body is not compressed, and
    // then it is the decoded length: refuse before reading a byte.
    if body.content_length().is_some_and(|n| n > limits.max_bytes) {
        return Err(FetchError::TooLarge(limits.max_bytes));
    }
    let body = body
        .with_config()
        .limit(limits.max_bytes)
        .read_to_vec()
        .map_err(|e| from_ureq(e, limits))?;
    Ok(Fetched {
        body,
        final_url,
        content_type,
    })
}

/// Parses `url`, refusing every scheme but `http` and `https`.
fn http_uri(url: &str) -> Result<Uri, FetchError> {
    let scheme = url.split_once(':').map_or("", |(scheme, _)| scheme);
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")) {
        return Err(FetchError::NotHttp);
    }
    let uri: Uri = url
        .parse()
        .map_err(|e: ureq::http::uri::InvalidUri| FetchError::BadUrl(one_line(&e.to_string())))?;
    if uri.host().is_none_or(str::is_empty) {
        return Err(FetchError::BadUrl("no host".to_owned()));
    }
    Ok(uri)
}

/// The proxy for `uri` according to the variables `env` reads, as curl
/// chooses it.
fn proxy_for(uri: &Uri, env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Proxy>, FetchError> {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let host = uri.host().unwrap_or_default();
    if let Some(list) = set("no_proxy").or_else(|| set("NO_PROXY"))
        && bypasses_proxy(host, &list)
    {
        return Ok(None);
    }
    let names: &[&str] = if uri.scheme_str() == Some("https") {
        &["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"]
    } else {
        &["http_proxy", "all_proxy", "ALL_PROXY"]
    };
    let Some((name, value)) = names.iter().find_map(|name| Some((*name, set(name)?))) else {
        return Ok(None);
    };
    let proxy = Proxy::new(value.trim())
        .map_err(|_| FetchError::BadProxy(format!("the proxy in {name} is not a valid URL")))?;
    // The client panics on a SOCKS proxy without its `socks-proxy`
    // feature, and ignoring the setting would leak the request around it.
    if !matches!(proxy.protocol(), ProxyProtocol::Http | ProxyProtocol::Https) {
        return Err(FetchError::BadProxy(format!(
            "the proxy in {name} is not an http or https proxy (SOCKS is not supported)"
        )));
    }
    Ok(Some(proxy))
}

/// Whether `host` is on the comma-separated `no_proxy` list.
fn bypasses_proxy(host: &str, list: &str) -> bool {
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_ascii_lowercase();
    list.split(',').map(str::trim).any(|entry| {
        if entry == "*" {
            return true;
        }
        let entry = entry.trim_start_matches('*').trim_start_matches('.');
        let entry = entry
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_ascii_lowercase();
        !entry.is_empty() && (host == entry || host.ends_with(&format!(".{entry}")))
    })
}

/// The error for an unsuccessful status.
fn status_error(status: StatusCode) -> FetchError {
    FetchError::Status {
        code: status.as_u16(),
        reason: status.canonical_reason(),
    }
}

/// Translates the client's error into newsdesk's words.
fn from_ureq(error: ureq::Error, limits: &Limits) -> FetchError {
    match error {
        ureq::Error::StatusCode(code) => StatusCode::from_u16(code)
            .map_or(FetchError::Status { code, reason: None }, status_error),
        ureq::Error::BadUri(detail) => FetchError::BadUrl(one_line(&detail)),
        ureq::Error::Http(e) => FetchError::BadUrl(one_line(&e.to_string())),
        ureq::Error::Timeout(Timeout::Connect | Timeout::Resolve) => {
            FetchError::ConnectTimedOut(limits.connect_timeout)
        }
        ureq::Error::Timeout(_) => FetchError::TimedOut(limits.timeout),
        ureq::Error::HostNotFound => FetchError::HostNotFound("no address".to_owned()),
        ureq::Error::ConnectionFailed => FetchError::Connect("no connection".to_owned()),
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects(limits.max_redirects),
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(limits.max_bytes),
        ureq::Error::Io(e) => from_io(&e),
        ureq::Error::Protocol(e) => FetchError::Broken(format!(
            "the answer is not valid HTTP: {}",
            one_line(&e.to_string())
        )),
        ureq::Error::Decompress(format, e) => FetchError::Broken(format!(
            "the {format} body is damaged: {}",
            one_line(&e.to_string())
        )),
        ureq::Error::LargeResponseHeader(_, limit) => FetchError::Broken(format!(
            "the answer's header is larger than {}",
            size(limit as u64)
        )),
        ureq::Error::ConnectProxyFailed(reason) => {
            FetchError::Connect(format!("the proxy failed: {}", one_line(&reason)))
        }
        ureq::Error::InvalidProxyUrl => FetchError::BadProxy("invalid proxy URL".to_owned()),
        ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) => {
            FetchError::Connect(format!("TLS: {}", one_line(&error.to_string())))
        }
        other => FetchError::Broken(one_line(&other.to_string())),
    }
}

/// Translates an I/O error, telling failures to connect from failures of
/// a connection already open.
fn from_io(error: &io::Error) -> FetchError {
    use io::ErrorKind as Kind;
    // The standard library reports a failed name lookup with this prefix
    // and no dedicated error kind.
    const LOOKUP: &str = "failed to lookup address information: ";
    let text = error.to_string();
    if let Some(detail) = text.strip_prefix(LOOKUP) {
        return FetchError::HostNotFound(one_line(detail));
    }
    let connect = |words: &str| FetchError::Connect(words.to_owned());
    match error.kind() {
        Kind::ConnectionRefused => connect("connection refused"),
        Kind::HostUnreachable => connect("host unreachable"),
        Kind::NetworkUnreachable => connect("network unreachable"),
        Kind::AddrNotAvailable => connect("address not available"),
        Kind::ConnectionReset => FetchError::Broken("the connection was reset".to_owned()),
        Kind::ConnectionAborted | Kind::BrokenPipe => {
            FetchError::Broken("the connection was aborted".to_owned())
        }
        Kind::UnexpectedEof => {
            FetchError::Broken("the server closed the connection too early".to_owned())
        }
        _ => FetchError::Broken(one_line(&text)),
    }
}

/// `text` with every line break turned into a space, for one-line messages.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A duration for a message: `60 s`, `1.5 s`, `300 ms`.
fn seconds(duration: Duration) -> String {
    if duration.subsec_nanos() == 0 {
        format!("{} s", duration.as_secs())
    } else if duration < Duration::from_secs(1) {
        format!("{} ms", duration.as_millis())
    } else {
        format!("{:.1} s", duration.as_secs_f64())
    }
}

/// A byte count for a message, in the largest binary unit that divides it:
/// `64 MiB`, `512 KiB`, `1000 bytes`.
fn size(bytes: u64) -> String {
    const UNITS: [(&str, u32); 3] = [("GiB", 30), ("MiB", 20), ("KiB", 10)];
    for (unit, shift) in UNITS {
        if bytes >= 1 << shift && bytes.trailing_zeros() >= shift {
            return format!("{} {unit}", bytes >> shift);
        }
    }
    format!("{bytes} bytes")
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::{TcpListener, TcpStream};
    use std::sync::mpsc;
    use std::thread;
    use std::time::Instant;

    use flate2::Compression;
    use flate2::write::GzEncoder;

    use super::*;

    /// A server on 127.0.0.1 that answers each connection in turn.
    struct Server {
        /// `http://127.0.0.1:PORT`.
        base: String,
        /// The head of every request, in order.
        requests: mpsc::Receiver<String>,
    }

    impl Server {
        fn url(&self, path: &str) -> String {
            format!("{}{path}", self.base)
        }
    }

    /// Starts a server that reads each request's head and hands it, with
    /// the connection, to `answer`. The thread outlives the test; it only
    /// ever waits on its own listener.
    fn serve(answer: impl Fn(&str, &mut TcpStream) + Send + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (sender, requests) = mpsc::channel();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let head = read_head(&mut stream);
                let _ = sender.send(head.clone());
                answer(&head, &mut stream);
            }
        });
        Server { base, requests }
    }

    /// Reads up to the blank line that ends a request's head.
    fn read_head(stream: &mut TcpStream) -> String {
        let mut head = Vec::new();
        let mut byte = [0_u8; 1];
        while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
            head.push(byte[0]);
        }
        String::from_utf8_lossy(&head).into_owned()
    }

    /// The path of the request whose head is `head`.
    fn path_of(head: &str) -> &str {
        head.split(' ').nth(1).unwrap_or("")
    }

    /// Writes a whole answer with a `Content-Length`, and closes.
    fn respond(stream: &mut TcpStream, status: &str, headers: &[&str], body: &[u8]) {
        let headers: String = headers
            .iter()
            .flat_map(|header| [*header, "\r\n"])
            .collect();
        let length = body.len();
        let answer = format!(
            "HTTP/1.1 {status}\r\nConnection: close\r\n{headers}Content-Length: {length}\r\n\r\n"
        );
        let _ = stream.write_all(answer.as_bytes());
        let _ = stream.write_all(body);
    }

    /// Waits until the client hangs up.
    fn wait_for_hang_up(stream: &mut TcpStream) {
        let mut sink = [0_u8; 64];
        while stream.read(&mut sink).is_ok_and(|n| n > 0) {}
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    /// An environment that sets only `pairs`.
    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    /// Fetches with no proxy whatever the real environment says.
    fn get(url: &str, limits: &Limits) -> Result<Fetched, FetchError> {
        fetch_with_env(url, limits, &env(&[]))
    }

    fn quick() -> Limits {
        Limits {
            connect_timeout: Duration::from_secs(5),
            timeout: Duration::from_secs(10),
            max_bytes: 1 << 20,
            max_redirects: 5,
        }
    }

    /// A port nothing listens on: bound, then released.
    fn closed_port() -> u16 {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }

    const FEED: &[u8] =
        b"<rss version=\"2.0\"><channel><title>Harbour Gazette</title></channel></rss>";

    #[test]
    fn the_default_limits_are_as_documented() {
        let limits = Limits::default();
        assert_eq!(limits.connect_timeout, Duration::from_secs(10));
        assert_eq!(limits.timeout, Duration::from_secs(60));
        assert_eq!(limits.max_bytes, 64 * 1024 * 1024);
        assert_eq!(limits.max_redirects, 5);
        assert_eq!(
            FetchError::TooLarge(limits.max_bytes).to_string(),
            "the answer is larger than 64 MiB"
        );
        assert_eq!(
            FetchError::TimedOut(limits.timeout).to_string(),
            "timed out after 60 s"
        );
    }

    #[test]
    fn a_200_answer_gives_its_body_type_and_url() {
        let server = serve(|_, stream| {
            respond(
                stream,
                "200 OK",
                &["Content-Type: application/rss+xml; charset=utf-8"],
                FEED,
            );
        });
        let url = server.url("/feeds/harbour.xml");
        let fetched = get(&url, &quick()).unwrap();
        assert_eq!(fetched.body, FEED);
        assert_eq!(fetched.final_url, url);
        assert_eq!(
            fetched.content_type.as_deref(),
            Some("application/rss+xml; charset=utf-8")
        );

        let head = server.requests.recv().unwrap().to_ascii_lowercase();
        assert!(
            head.starts_with("get /feeds/harbour.xml http/1.1\r\n"),
            "{head}"
        );
        for header in [
            format!("user-agent: {USER_AGENT}\r\n"),
            format!("accept: {ACCEPT}\r\n"),
            "accept-encoding: gzip\r\n".to_owned(),
        ] {
            assert!(
                head.contains(&header.to_ascii_lowercase()),
                "no {header:?} in {head}"
            );
        }
        assert!(USER_AGENT.starts_with("newsdesk/"));
    }

    #[test]
    fn a_gzip_body_is_decoded() {
        let server = serve(|_, stream| {
            respond(stream, "200 OK", &["Content-Encoding: gzip"], &gzip(FEED));
        });
        assert_eq!(get(&server.url("/"), &quick()).unwrap().body, FEED);
    }

    #[test]
    fn an_error_status_is_reported_with_its_phrase() {
        let server = serve(|head, stream| {
            let status = match path_of(head) {
                "/gone" => "404 Gone for good",
                "/broken" => "500 Oops",
                _ => "599 Whatever",
            };
            respond(stream, status, &[], b"<html>sorry</html>");
        });
        let message = |path: &str| get(&server.url(path), &quick()).unwrap_err().to_string();
        assert_eq!(message("/gone"), "HTTP 404 Not Found");
        assert_eq!(message("/broken"), "HTTP 500 Internal Server Error");
        assert_eq!(message("/odd"), "HTTP 599");
    }

    /// Answers `/hop/N` with a redirect to `/hop/N-1`, `/hop/0` and `/new`
    /// with the feed, `/old` with a redirect to `/new`, and `/loop` with a
    /// redirect to itself.
    fn redirecting_server() -> Server {
        serve(|head, stream| {
            let path = path_of(head);
            let hops = path
                .strip_prefix("/hop/")
                .and_then(|n| n.parse::<u32>().ok());
            match (path, hops) {
                (_, Some(n)) if n > 0 => {
                    respond(
                        stream,
                        "302 Found",
                        &[&format!("Location: /hop/{}", n - 1)],
                        b"",
                    );
                }
                ("/old", _) => respond(stream, "301 Moved Permanently", &["Location: /new"], b""),
                ("/loop", _) => respond(stream, "302 Found", &["Location: /loop"], b""),
                _ => respond(stream, "200 OK", &["Content-Type: application/json"], b"{}"),
            }
        })
    }

    #[test]
    fn a_redirect_is_followed_and_the_final_url_reported() {
        let server = redirecting_server();
        let fetched = get(&server.url("/old"), &quick()).unwrap();
        assert_eq!(fetched.body, b"{}");
        assert_eq!(fetched.final_url, server.url("/new"));
        assert_eq!(fetched.content_type.as_deref(), Some("application/json"));
    }

    #[test]
    fn redirects_are_followed_up_to_the_limit_and_no_further() {
        let server = redirecting_server();
        let fetched = get(&server.url("/hop/5"), &quick()).unwrap();
        assert_eq!(fetched.final_url, server.url("/hop/0"));
        let error = get(&server.url("/hop/6"), &quick()).unwrap_err();
        assert_eq!(error.to_string(), "more than 5 redirects");
    }

    #[test]
    fn a_redirect_loop_is_an_error() {
        let server = redirecting_server();
        let error = get(&server.url("/loop"), &quick()).unwrap_err();
        assert_eq!(error, FetchError::TooManyRedirects(5));
        let none = Limits {
            max_redirects: 0,
            ..quick()
        };
        let error = get(&server.url("/old"), &none).unwrap_err();
        assert_eq!(error.to_string(), "more than 0 redirects");
    }

    #[test]
    fn a_body_with_a_length_over_the_limit_is_refused_unread() {
        // `/huge` claims ten gigabytes, sends a few bytes and waits: reading
        // the body would run into the timeout. `/N` answers N bytes.
        let server = serve(|head, stream| {
            let path = path_of(head);
            if path == "/huge" {
                let _ = stream
                    .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 10000000000\r\n\r\n<rss>");
                wait_for_hang_up(stream);
            } else {
                let length = path.trim_start_matches('/').parse().unwrap_or(0);
                respond(stream, "200 OK", &[], &vec![b'x'; length]);
            }
        });
        let limits = Limits {
            max_bytes: 1000,
            timeout: Duration::from_secs(3),
            ..quick()
        };
        let started = Instant::now();
        let error = get(&server.url("/huge"), &limits).unwrap_err();
        assert_eq!(error.to_string(), "the answer is larger than 1000 bytes");
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(get(&server.url("/1000"), &limits).unwrap().body.len(), 1000);
        assert_eq!(
            get(&server.url("/1001"), &limits),
            Err(FetchError::TooLarge(1000))
        );
    }

    #[test]
    fn a_chunked_body_over_the_limit_is_stopped() {
        let server = serve(|head, stream| {
            let chunks: u32 = path_of(head).trim_start_matches('/').parse().unwrap_or(0);
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            );
            for _ in 0..chunks {
                let _ = stream.write_all(b"100\r\n");
                let _ = stream.write_all(&[b'y'; 256]);
                let _ = stream.write_all(b"\r\n");
            }
            let _ = stream.write_all(b"0\r\n\r\n");
        });
        let limits = Limits {
            max_bytes: 4 << 10,
            ..quick()
        };
        assert_eq!(get(&server.url("/16"), &limits).unwrap().body, [b'y'; 4096]);
        let error = get(&server.url("/17"), &limits).unwrap_err();
        assert_eq!(error.to_string(), "the answer is larger than 4 KiB");
    }

    #[test]
    fn a_gzip_bomb_is_stopped_at_the_limit() {
        // An endless gzip stream of zeros: only the limit on the decoded
        // size can end the fetch.
        let server = serve(|_, stream| {
            let _ = stream.write_all(
                b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nConnection: close\r\n\r\n",
            );
            let mut encoder = GzEncoder::new(&mut *stream, Compression::fast());
            let zeros = vec![0_u8; 1 << 16];
            while encoder
                .write_all(&zeros)
                .and_then(|()| encoder.flush())
                .is_ok()
            {}
        });
        let limits = Limits {
            max_bytes: 1 << 20,
            ..quick()
        };
        let error = get(&server.url("/bomb"), &limits).unwrap_err();
        assert_eq!(error.to_string(), "the answer is larger than 1 MiB");
    }

    #[test]
    fn a_stalled_body_times_out() {
        let server = serve(|_, stream| {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"items\":");
            wait_for_hang_up(stream);
        });
        let limits = Limits {
            timeout: Duration::from_millis(300),
            ..quick()
        };
        let started = Instant::now();
        let error = get(&server.url("/slow"), &limits).unwrap_err();
        let elapsed = started.elapsed();
        assert_eq!(error.to_string(), "timed out after 300 ms");
        assert!(
            elapsed >= Duration::from_millis(300) && elapsed < Duration::from_secs(2),
            "{elapsed:?}"
        );
    }

    #[test]
    fn a_closed_port_is_a_refused_connection() {
        let url = format!("http://127.0.0.1:{}/feed", closed_port());
        let error = get(&url, &quick()).unwrap_err();
        assert_eq!(error.to_string(), "could not connect: connection refused");
    }

    #[test]
    fn only_http_and_https_urls_are_fetched() {
        for url in [
            "ftp://example.com/feed",
            "file:///etc/passwd",
            "example.com/feed",
            "",
            "httpx://a",
        ] {
            assert_eq!(fetch(url, &quick()), Err(FetchError::NotHttp), "{url}");
        }
        assert_eq!(FetchError::NotHttp.to_string(), "not an http or https URL");
        assert!(matches!(
            fetch("http://", &quick()),
            Err(FetchError::BadUrl(_))
        ));
        assert!(matches!(
            fetch("https://exa mple.com/", &quick()),
            Err(FetchError::BadUrl(_))
        ));
    }

    #[test]
    fn a_proxy_from_the_environment_carries_the_request() {
        let (inner, inner_requests) = mpsc::channel();
        let proxy = serve(move |head, stream| {
            if head.starts_with("CONNECT ") {
                let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                let _ = inner.send(read_head(stream));
                respond(stream, "200 OK", &[], FEED);
            }
        });
        let settings = [("http_proxy", proxy.base.as_str())];
        let url = "http://feeds.example.invalid/latest";
        let fetched = fetch_with_env(url, &quick(), &env(&settings)).unwrap();
        assert_eq!(fetched.body, FEED);
        let connect = proxy.requests.recv().unwrap();
        assert!(
            connect.starts_with("CONNECT feeds.example.invalid:80 HTTP/1.1\r\n"),
            "{connect}"
        );
        let request = inner_requests.recv().unwrap();
        assert!(request.starts_with("GET /latest HTTP/1.1\r\n"), "{request}");
    }

    #[test]
    fn no_proxy_sends_the_request_direct() {
        let server = serve(|_, stream| respond(stream, "200 OK", &[], FEED));
        let dead_proxy = format!("http://127.0.0.1:{}", closed_port());
        let settings = [
            ("http_proxy", dead_proxy.as_str()),
            ("no_proxy", "localhost, 127.0.0.1"),
        ];
        let fetched = fetch_with_env(&server.url("/"), &quick(), &env(&settings)).unwrap();
        assert_eq!(fetched.body, FEED);
        // The same proxy without the exception is tried, and fails.
        let error = fetch_with_env(&server.url("/"), &quick(), &env(&settings[..1])).unwrap_err();
        assert!(matches!(error, FetchError::Connect(_)), "{error}");
    }

    /// The proxy chosen for `url` by the environment `pairs`, as a string.
    fn chosen(url: &str, pairs: &[(&str, &str)]) -> Result<Option<String>, FetchError> {
        let uri = http_uri(url).unwrap();
        Ok(proxy_for(&uri, &env(pairs))?.map(|p| format!("{}:{}", p.host(), p.port())))
    }

    #[test]
    fn the_proxy_is_chosen_by_scheme_as_curl_does() {
        let all = [
            ("http_proxy", "http://plain.example:3128"),
            ("https_proxy", "http://secure.example:3129"),
            ("all_proxy", "http://any.example:8080"),
        ];
        let http = "http://feeds.example.org/";
        let https = "https://feeds.example.org/";
        assert_eq!(
            chosen(http, &all).unwrap().as_deref(),
            Some("plain.example:3128")
        );
        assert_eq!(
            chosen(https, &all).unwrap().as_deref(),
            Some("secure.example:3129")
        );
        assert_eq!(
            chosen(https, &all[2..]).unwrap().as_deref(),
            Some("any.example:8080")
        );
        let shouting = "HTTPS://FEEDS.EXAMPLE.ORG/";
        assert_eq!(
            chosen(shouting, &all).unwrap().as_deref(),
            Some("secure.example:3129")
        );
        let upper = [
            ("HTTPS_PROXY", "secure.example:3129"),
            ("ALL_PROXY", "any.example:8080"),
        ];
        assert_eq!(
            chosen(https, &upper).unwrap().as_deref(),
            Some("secure.example:3129")
        );
        assert_eq!(
            chosen(http, &upper).unwrap().as_deref(),
            Some("any.example:8080")
        );
        // An upper-case HTTP_PROXY can come from a request header in CGI.
        assert_eq!(
            chosen(http, &[("HTTP_PROXY", "http://evil.example:1")]).unwrap(),
            None
        );
        assert_eq!(chosen(http, &[("http_proxy", "  ")]).unwrap(), None);
        assert_eq!(chosen(https, &[]).unwrap(), None);
        let excepted = [all[1], ("NO_PROXY", ".example.org")];
        assert_eq!(chosen(https, &excepted).unwrap(), None);
    }

    #[test]
    fn a_socks_or_broken_proxy_is_refused_not_bypassed() {
        let url = "https://feeds.example.org/";
        let error = chosen(url, &[("all_proxy", "socks5://tunnel.example:1080")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the proxy in all_proxy is not an http or https proxy (SOCKS is not supported)"
        );
        let error = chosen(url, &[("https_proxy", "http://[oops")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the proxy in https_proxy is not a valid URL"
        );
    }

    #[test]
    fn no_proxy_matches_hosts_and_their_subdomains() {
        let list = "localhost, .intranet.example,Example.COM , [::1]";
        for host in [
            "localhost",
            "example.com",
            "feeds.example.com",
            "a.b.intranet.example",
            "[::1]",
        ] {
            assert!(bypasses_proxy(host, list), "{host}");
        }
        for host in [
            "badexample.com",
            "intranet.example.org",
            "example.co",
            "127.0.0.1",
        ] {
            assert!(!bypasses_proxy(host, list), "{host}");
        }
        assert!(bypasses_proxy("anything.example", "*"));
        assert!(!bypasses_proxy("anything.example", ", ,"));
    }

    #[test]
    fn failed_lookups_and_other_io_errors_read_plainly() {
        let lookup =
            io::Error::other("failed to lookup address information: Name or service not known");
        assert_eq!(
            from_io(&lookup).to_string(),
            "could not find the host: Name or service not known"
        );
        let reset = io::Error::from(io::ErrorKind::ConnectionReset);
        assert_eq!(from_io(&reset).to_string(), "the connection was reset");
        let odd = io::Error::other("first line\nsecond line");
        assert_eq!(from_io(&odd).to_string(), "first line second line");
    }

    #[test]
    fn sizes_and_durations_read_in_round_units() {
        assert_eq!(size(64 << 20), "64 MiB");
        assert_eq!(size(3 << 30), "3 GiB");
        assert_eq!(size(1536), "1536 bytes");
        assert_eq!(size(512 << 10), "512 KiB");
        assert_eq!(size(0), "0 bytes");
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(seconds(Duration::from_millis(250)), "250 ms");
    }
}
