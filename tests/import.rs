//! `newsdesk import` end to end: sources of every kind, what is already
//! there, a local HTTP server that misbehaves in every way a server can, a
//! crash halfway and two imports at once.

mod common;

use common::scratch_dir;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

fn newsdesk(args: &[&str]) -> Output {
    common::newsdesk_command()
        .args(args)
        .env("NO_COLOR", "1")
        // Requests to the test's server must not go through a proxy.
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("HTTPS_PROXY")
        .output()
        .expect("the binary runs")
}

fn shape(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/shapes")
        .join(name)
        .display()
        .to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The ids in a store, in file order.
fn ids(store: &Path) -> Vec<String> {
    std::fs::read_to_string(store)
        .unwrap_or_default()
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("a whole line");
            value["id"].as_str().expect("an id").to_owned()
        })
        .collect()
}

#[test]
fn an_import_adds_what_is_new_and_says_so() {
    let dir = scratch_dir();
    let store = dir.path().join("news.jsonl");
    let into = store.display().to_string();
    let first = newsdesk(&[
        "import",
        &shape("newsapi-everything.json"),
        &shape("news-please"),
        "--into",
        &into,
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert_eq!(stdout(&first), "added 6, already there 0, skipped 0\n");
    let again = newsdesk(&[
        "import",
        &shape("newsapi-everything.json"),
        &shape("cc-news.jsonl"),
        "--into",
        &into,
    ]);
    assert_eq!(stdout(&again), "added 3, already there 3, skipped 0\n");
    let ids = ids(&store);
    assert_eq!(ids.len(), 9);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 9, "no article twice: {ids:?}");
    // The store reads back as newsdesk's own, with every article whole.
    let check = newsdesk(&["check", &into]);
    assert!(stdout(&check).starts_with(&format!("{into}: shape newsdesk, 9 articles\n")));
}

#[test]
fn the_same_article_under_another_id_is_known_by_its_url() {
    let dir = scratch_dir();
    let store = dir.path().join("news.jsonl");
    std::fs::write(
        &store,
        "{\"id\":\"mine\",\"title\":\"Old title\",\"body\":\"b\",\
         \"url\":\"https://www.example.com/news/2026/03/14/harbour-board-approves-dredging\"}\n",
    )
    .unwrap();
    let output = newsdesk(&[
        "import",
        &shape("newsapi-everything.json"),
        "--into",
        &store.display().to_string(),
    ]);
    assert_eq!(stdout(&output), "added 2, already there 1, skipped 0\n");
}

#[test]
fn skipped_articles_are_counted() {
    let dir = scratch_dir();
    let source = dir.path().join("some.json");
    std::fs::write(
        &source,
        r#"[{"title":"kept","body":"b"},{"source":"nothing else"},{"title":7}]"#,
    )
    .unwrap();
    let store = dir.path().join("news.jsonl");
    let output = newsdesk(&[
        "import",
        &source.display().to_string(),
        "--into",
        &store.display().to_string(),
    ]);
    assert_eq!(stdout(&output), "added 1, already there 0, skipped 2\n");
}

#[test]
fn a_store_in_another_shape_or_not_json_lines_is_refused_untouched() {
    let dir = scratch_dir();
    let foreign = dir.path().join("rows.jsonl");
    std::fs::copy(shape("cc-news.jsonl"), &foreign).unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let output = newsdesk(&[
        "import",
        &shape("newsapi-everything.json"),
        "--into",
        &foreign.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stderr(&output).contains("it holds cc-news articles"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&foreign).unwrap(), before);

    let pretty = dir.path().join("pretty.json");
    std::fs::write(&pretty, "{\n  \"articles\": []\n}\n").unwrap();
    let output = newsdesk(&[
        "import",
        &shape("newsapi-everything.json"),
        "--into",
        &pretty.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(4));
    assert!(
        stderr(&output).contains("import appends only to a JSON Lines store"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&pretty).unwrap(),
        "{\n  \"articles\": []\n}\n"
    );
}

/// How the test server answers.
#[derive(Clone, Copy)]
enum Answer {
    /// 200 with this body.
    Body(&'static str),
    /// This status, with a short body.
    Status(u16),
    /// A redirect to the same path, for ever.
    Loop,
    /// A body of this many bytes.
    Large(usize),
    /// Headers, a little of the body, then nothing.
    Stall,
}

/// A local HTTP server answering every request the same way; it stops when
/// dropped.
struct Server {
    port: u16,
    stop: Arc<AtomicBool>,
}

impl Server {
    fn start(answer: Answer) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.set_nonblocking(true).expect("non-blocking");
        let port = listener.local_addr().expect("address").port();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let stopped = Arc::clone(&stopped);
                        thread::spawn(move || serve(stream, answer, &stopped));
                    }
                    Err(_) => thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Self { port, stop }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

fn serve(mut stream: TcpStream, answer: Answer, stop: &AtomicBool) {
    stream.set_nonblocking(false).ok();
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok();
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
    }
    let head = |status: &str, length: usize, extra: &str| {
        format!("HTTP/1.1 {status}\r\nContent-Length: {length}\r\n{extra}Connection: close\r\n\r\n")
    };
    let _ = match answer {
        Answer::Body(body) => stream
            .write_all(head("200 OK", body.len(), "Content-Type: application/json\r\n").as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Answer::Status(code) => {
            let reason = if code == 404 {
                "Not Found"
            } else {
                "Internal Server Error"
            };
            stream
                .write_all(head(&format!("{code} {reason}"), 5, "").as_bytes())
                .and_then(|()| stream.write_all(b"oops\n"))
        }
        Answer::Loop => {
            stream.write_all(head("302 Found", 0, &format!("Location: {path}\r\n")).as_bytes())
        }
        Answer::Large(size) => stream
            .write_all(head("200 OK", size, "").as_bytes())
            .and_then(|()| stream.write_all(&vec![b' '; size])),
        Answer::Stall => {
            let _ = stream.write_all(head("200 OK", 100, "").as_bytes());
            let _ = stream.write_all(b"[{");
            while !stop.load(Ordering::Relaxed) {
                thread::sleep(Duration::from_millis(20));
            }
            Ok(())
        }
    };
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
}

#[test]
fn a_url_of_a_json_answer_is_imported() {
    let server = Server::start(Answer::Body(include_str!(
        "fixtures/shapes/newsapi-top-headlines.json"
    )));
    let dir = scratch_dir();
    let store = dir.path().join("news.jsonl");
    let output = newsdesk(&[
        "import",
        &server.url("/v2/top-headlines?country=gb"),
        "--into",
        &store.display().to_string(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("added "), "{}", stdout(&output));
    assert!(!ids(&store).is_empty());
}

#[test]
fn a_server_that_fails_adds_nothing_and_is_named_in_one_line() {
    let dir = scratch_dir();
    let store = dir.path().join("news.jsonl");
    std::fs::write(&store, "{\"id\":\"kept\",\"title\":\"t\",\"body\":\"b\"}\n").unwrap();
    let before = std::fs::read(&store).unwrap();
    let cases: [(Answer, &[&str], &str); 6] = [
        (Answer::Status(404), &[], "HTTP 404 Not Found"),
        (Answer::Status(500), &[], "HTTP 500 Internal Server Error"),
        (Answer::Loop, &[], "more than 5 redirects"),
        (
            Answer::Large(4096),
            &["--max-size", "1K"],
            "larger than 1 KiB",
        ),
        (Answer::Stall, &["--timeout", "1"], "timed out after 1 s"),
        (
            Answer::Body("<html><body>Not a feed</body></html>"),
            &[],
            "not a store",
        ),
    ];
    for (answer, extra, said) in cases {
        let server = Server::start(answer);
        let url = server.url("/feed");
        let started = Instant::now();
        let mut args = vec!["import", &url, "--into"];
        let into = store.display().to_string();
        args.push(&into);
        args.extend_from_slice(extra);
        let output = newsdesk(&args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(3), "{message}");
        assert_eq!(message.lines().count(), 1, "one line: {message}");
        assert!(
            message.starts_with(&format!("newsdesk: import: {url}")) && message.contains(said),
            "expected {said:?} in {message:?}"
        );
        assert_eq!(stdout(&output), "added 0, already there 0, skipped 0\n");
        assert_eq!(
            std::fs::read(&store).unwrap(),
            before,
            "{said}: the store is untouched"
        );
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{said} took {:?}",
            started.elapsed()
        );
    }
}

/// A JSON Lines source of `count` articles of some 2 KB each, numbered from
/// `first`.
fn big_source(path: &Path, first: usize, count: usize) {
    let mut text = String::new();
    let paragraph = "Officials said the inquiry would continue into the spring. ".repeat(30);
    for n in first..first + count {
        text.push_str(
            &serde_json::json!({
                "id": format!("a{n}"),
                "title": format!("Article {n}"),
                "body": paragraph,
            })
            .to_string(),
        );
        text.push('\n');
    }
    std::fs::write(path, text).expect("the source is written");
}

#[test]
fn an_import_killed_halfway_leaves_the_store_whole() {
    let dir = scratch_dir();
    let source = dir.path().join("big.jsonl");
    big_source(&source, 0, 20_000);
    let store = dir.path().join("news.jsonl");
    big_source(&store, 1_000_000, 5_000);
    let before = std::fs::read(&store).unwrap();
    // One whole import, to know how long one takes.
    let probe = dir.path().join("probe.jsonl");
    let started = Instant::now();
    let output = newsdesk(&[
        "import",
        &source.display().to_string(),
        "--into",
        &probe.display().to_string(),
    ]);
    assert_eq!(stdout(&output), "added 20000, already there 0, skipped 0\n");
    let whole = started.elapsed();
    let mut untouched = 0;
    for round in 0..12_u32 {
        let mut child = common::newsdesk_command()
            .args([
                "import",
                &source.display().to_string(),
                "--into",
                &store.display().to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        thread::sleep(whole * round / 10);
        let _ = child.kill();
        let _ = child.wait();
        let after = std::fs::read(&store).unwrap();
        if after == before {
            untouched += 1;
            continue;
        }
        assert!(
            after.starts_with(&before),
            "round {round}: the old lines are kept"
        );
        assert_eq!(
            ids(&store).len(),
            25_000,
            "round {round}: all new lines, each whole"
        );
        std::fs::write(&store, &before).unwrap();
    }
    assert!(
        untouched > 0,
        "some rounds were killed before the store changed"
    );
}

#[test]
fn two_imports_at_once_both_land_and_never_interleave() {
    let dir = scratch_dir();
    let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
    big_source(&a, 0, 3_000);
    big_source(&b, 3_000, 3_000);
    let store = dir.path().join("news.jsonl");
    let into = store.display().to_string();
    let run = |source: PathBuf| {
        let into = into.clone();
        thread::spawn(move || newsdesk(&["import", &source.display().to_string(), "--into", &into]))
    };
    let (first, second) = (run(a), run(b));
    let (first, second) = (first.join().unwrap(), second.join().unwrap());
    assert_eq!(stdout(&first), "added 3000, already there 0, skipped 0\n");
    assert_eq!(stdout(&second), "added 3000, already there 0, skipped 0\n");
    let mut ids = ids(&store);
    assert_eq!(ids.len(), 6_000);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 6_000);
}
