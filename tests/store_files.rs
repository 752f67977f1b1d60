//! Store paths that are not plain store files: named pipes, devices, files
//! the user may not read, a store too large to load, and a read-only store
//! that must come out of every command untouched. The reader must refuse
//! them all before it touches the terminal.
#![cfg(unix)]
#![expect(
    clippy::unwrap_used,
    reason = "helpers stop at the first broken fixture"
)]

mod common;

use common::scratch_dir;

use std::fs;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const PATIENCE: Duration = Duration::from_secs(20);

/// Runs `command`, failing the test if it has not exited within
/// [`PATIENCE`] (as it would not if it waited on a pipe).
fn finish(mut command: Command) -> Output {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > PATIENCE {
            child.kill().ok();
            panic!("newsdesk is still running after {PATIENCE:?}");
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn newsdesk(args: &[&str]) -> Output {
    let mut command = common::newsdesk_command();
    command.args(args);
    finish(command)
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Every way of loading a store: each command, and the reader.
fn every_command(path: &str) -> Vec<Vec<String>> {
    [
        &["list"][..],
        &["check"],
        &["entities"],
        &["search", "raid"],
        &[],
    ]
    .iter()
    .map(|command| {
        let mut args: Vec<String> = command.iter().map(|&a| a.to_owned()).collect();
        args.push(path.to_owned());
        args
    })
    .collect()
}

/// Asserts that every command refuses `path` with `status` and one line:
/// on stderr after `newsdesk: `, or for `check` on stdout.
fn refused_everywhere(path: &Path, status: i32, line: &str) {
    for args in every_command(&path.display().to_string()) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let output = newsdesk(&args);
        assert_eq!(output.status.code(), Some(status), "{args:?}");
        if args[0] == "check" {
            assert_eq!(
                String::from_utf8(output.stdout).unwrap(),
                format!("{line}\n")
            );
        } else {
            assert_eq!(stderr(&output), format!("newsdesk: {line}\n"), "{args:?}");
            assert!(output.stdout.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn a_named_pipe_is_refused_at_once_without_a_writer() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    let pipe = dir.join("feed.json");
    let made = Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    let line = format!(
        "{}: a named pipe (FIFO), not a regular file",
        pipe.display()
    );
    refused_everywhere(&pipe, 3, &line);
    // In a directory of stores, too.
    let output = newsdesk(&["list", &dir.display().to_string()]);
    assert_eq!(output.status.code(), Some(3));
    assert_eq!(stderr(&output), format!("newsdesk: {line}\n"));
}

#[test]
fn a_device_is_refused_even_under_a_store_name() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    let zero = dir.join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let line = format!("{}: a character device, not a regular file", zero.display());
    refused_everywhere(&zero, 3, &line);
    refused_everywhere(
        Path::new("/dev/null"),
        3,
        "/dev/null: a character device, not a regular file",
    );
}

fn running_as_root() -> bool {
    let output = Command::new("id").arg("-u").output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim() == "0"
}

#[test]
fn a_store_the_user_may_not_read_exits_3() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    fs::set_permissions(dir, fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.join("secret.json");
    fs::write(&path, r#"[{"title":"t","body":"b"}]"#).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    let path = path.display().to_string();
    let mut command = if running_as_root() {
        // Root reads any file: drop to an unprivileged user to be refused.
        let mut command = Command::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_newsdesk"));
        command.envs(common::home_env(&common::fresh_home()));
        command
    } else {
        common::newsdesk_command()
    };
    command.args(["list", &path]);
    let output = finish(command);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        format!("newsdesk: {path}: Permission denied (os error 13)\n")
    );
}

#[test]
fn a_2_gib_store_is_refused_before_it_is_read() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    let path = dir.join("dump.json");
    // Sparse: it takes no disk, but its size is 2 GiB.
    fs::File::create(&path).unwrap().set_len(2 << 30).unwrap();
    let line = format!(
        "{}: 2 GiB (2147483648 bytes) is more than the limit of 1 GiB; --max-size raises it",
        path.display()
    );
    refused_everywhere(&path, 4, &line);
    // With at most 512 MiB of address space, reading the file (or making
    // room for it) would fail: the refusal comes first.
    let mut command = Command::new("sh");
    command.envs(common::home_env(&common::fresh_home()));
    command.args([
        "-c",
        "ulimit -v 524288 && exec \"$0\" list \"$1\"",
        env!("CARGO_BIN_EXE_newsdesk"),
        &path.display().to_string(),
    ]);
    let output = finish(command);
    assert_eq!(output.status.code(), Some(4), "{}", stderr(&output));
    assert_eq!(stderr(&output), format!("newsdesk: {line}\n"));
    fs::remove_file(&path).unwrap();
}

#[test]
fn a_read_only_store_loads_and_is_left_untouched() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    let path = dir.join("store.json");
    let bytes = br#"{"articles":[{"id":"a","title":"Europol raid","body":"Europol said.",
        "published":"2026-01-02"},{"id":"a","title":"Twice","body":"b"}]}"#;
    fs::write(&path, bytes).unwrap();
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
    let p = path.display().to_string();
    for (args, status) in [
        (vec!["list", &p], 0),
        (vec!["list", "--json", &p], 0),
        (vec!["check", &p], 1),
        (vec!["entities", &p], 0),
        (vec!["search", "europol", &p], 0),
    ] {
        let output = newsdesk(&args);
        assert_eq!(
            output.status.code(),
            Some(status),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_eq!(fs::read(&path).unwrap(), bytes, "{args:?}");
        let metadata = fs::metadata(&path).unwrap();
        assert_eq!(metadata.modified().unwrap(), long_ago, "{args:?}");
        assert_eq!(metadata.permissions().mode() & 0o777, 0o444, "{args:?}");
    }
}

/// Runs the reader in a pseudo-terminal on `path`, and returns its exit
/// status and every byte it wrote to the terminal.
fn reader_in_a_terminal(path: &Path) -> (u32, String) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
    for (key, value) in common::home_env(&common::fresh_home()) {
        command.env(key, value);
    }
    command.arg(path);
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let written = thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = reader.read_to_end(&mut bytes);
        bytes
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > PATIENCE {
            child.kill().ok();
            panic!("the reader is still running after {PATIENCE:?}");
        }
        thread::sleep(Duration::from_millis(20));
    };
    // Closing the master ends the read once the child has gone.
    drop(pair.master);
    let bytes = written.join().unwrap();
    (
        status.exit_code(),
        String::from_utf8_lossy(&bytes).into_owned(),
    )
}

#[test]
fn the_reader_refuses_a_bad_store_before_touching_the_terminal() {
    let scratch = scratch_dir();
    let dir = scratch.path();
    let pipe = dir.join("feed.json");
    assert!(
        Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap()
            .success()
    );
    let broken = dir.join("broken.json");
    fs::write(&broken, "[{\"title\": \"a\",, }]").unwrap();
    let huge = dir.join("huge.json");
    fs::File::create(&huge).unwrap().set_len(3 << 30).unwrap();
    for (path, status, after_path) in [
        (&pipe, 3, ": a named pipe (FIFO), not a regular file"),
        (&broken, 4, ":1:16: key must be a string"),
        (
            &huge,
            4,
            ": 3 GiB (3221225472 bytes) is more than the limit of 1 GiB",
        ),
    ] {
        let (code, written) = reader_in_a_terminal(path);
        assert_eq!(code, status, "{written:?}");
        assert!(
            written.starts_with(&format!("newsdesk: {}{after_path}", path.display())),
            "{written:?}"
        );
        assert_eq!(written.trim_end().lines().count(), 1, "{written:?}");
        for (what, sequence) in [
            ("the alternate screen", "\u{1b}[?1049h"),
            ("mouse capture", "\u{1b}[?1000h"),
            ("a hidden cursor", "\u{1b}[?25l"),
        ] {
            assert!(!written.contains(sequence), "{what}: {written:?}");
        }
    }
    fs::remove_file(&huge).unwrap();
}
