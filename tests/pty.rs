//! End to end: the built binary in a pseudo-terminal, keys in, screen out,
//! and the terminal's modes after it quits.

mod common;

use common::fixture;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const PATIENCE: Duration = Duration::from_secs(20);

/// What reached the terminal besides the screen: anything here that came
/// from an article means it was obeyed instead of shown.
#[derive(Debug, Default)]
struct Recorder {
    titles: Vec<Vec<u8>>,
    bells: usize,
    clipboard: usize,
    resizes: usize,
    unhandled: Vec<String>,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn resize(&mut self, _: &mut vt100::Screen, _: (u16, u16)) {
        self.resizes += 1;
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], _: &[u8]) {
        self.clipboard += 1;
    }
    fn unhandled_char(&mut self, _: &mut vt100::Screen, c: char) {
        self.unhandled.push(format!("char {c:?}"));
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.unhandled.push(format!("control {b:#x}"));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.unhandled.push(format!("osc {params:?}"));
    }
}

/// A running newsdesk and the screen it has drawn so far.
struct Session {
    screen: Arc<Mutex<vt100::Parser<Recorder>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept open so the terminal's settings stay readable after the child exits.
    _slave: Box<dyn SlavePty + Send>,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
        command.args(args);
        // A home of its own, unless the test gives one.
        for (key, value) in common::home_env(&common::fresh_home()) {
            command.env(key, value);
        }
        for (key, value) in env {
            command.env(key, value);
        }
        Self::spawn(command)
    }

    fn start_command(program: &str, args: &[&str]) -> Self {
        let mut command = CommandBuilder::new(program);
        command.args(args);
        for (key, value) in common::home_env(&common::fresh_home()) {
            command.env(key, value);
        }
        Self::spawn(command)
    }

    fn spawn(mut command: CommandBuilder) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");

        let child = pair.slave.spawn_command(command).expect("newsdesk starts");
        let screen = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            ROWS,
            COLS,
            0,
            Recorder::default(),
        )));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let sink = Arc::clone(&screen);
        thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("screen lock").process(&chunk[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Self {
            screen,
            writer,
            child,
            master: pair.master,
            _slave: pair.slave,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("screen lock").screen().contents()
    }

    /// Waits until the screen shows `text`, or fails with the screen.
    fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "waited for {text:?}; the screen shows:\n{}",
            self.contents()
        );
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("keys sent");
        self.writer.flush().expect("keys flushed");
    }

    fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if let Some(status) = self.child.try_wait().expect("child status") {
                // Let the reader take the last bytes written before exit.
                thread::sleep(Duration::from_millis(100));
                return status;
            }
            thread::sleep(Duration::from_millis(20));
        }
        self.child.kill().ok();
        panic!(
            "newsdesk did not exit; the screen shows:\n{}",
            self.contents()
        );
    }
}

#[test]
fn open_navigate_find_and_quit_restores_the_terminal() {
    let mut session = Session::start(&[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    session.assert_taken();

    // Down to the orchard story and open it.
    session.keys("j\r");
    session.wait_for("Growers on the north slope");
    // Back to the raid story, find a word, step to the next match.
    session.keys("hk\r");
    session.wait_for("Investigators working with");
    session.keys("/servers");
    session.wait_for("/servers 1/4");
    session.keys("\rn");
    session.wait_for("/servers 2/4");
    // Esc clears the find but never quits.
    session.keys("\x1b");
    thread::sleep(Duration::from_millis(300));
    assert!(
        session.child.try_wait().expect("status").is_none(),
        "Esc must not quit"
    );

    session.keys("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

#[test]
fn ctrl_c_quits_from_the_find_prompt_and_restores_the_terminal() {
    let mut session = Session::start(&[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    session.keys("/eur");
    session.wait_for("search: eur");
    session.keys("\x03");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    let termios = session.master.get_termios().expect("termios");
    assert!(termios.local_flags.contains(LocalFlags::ICANON));
    assert!(
        !session
            .screen
            .lock()
            .expect("lock")
            .screen()
            .alternate_screen()
    );
}

#[test]
fn sample_store_opens_without_arguments() {
    let mut session = Session::start(&[]);
    session.wait_for("sample · ");
    session.keys("q");
    assert!(session.wait_for_exit().success());
}

// Only a debug build can be made to panic on purpose.
#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let mut session = Session::start_with(
        &[&fixture("store.json")],
        &[("NEWSDESK_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    let status = session.wait_for_exit();
    assert!(!status.success());
    let parser = session.screen.lock().expect("screen lock");
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "main screen back");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    assert!(
        screen
            .contents()
            .contains("panic requested by NEWSDESK_TEST_PANIC"),
        "the message is on the main screen: {}",
        screen.contents()
    );
    let termios = session.master.get_termios().expect("termios");
    assert!(
        termios.local_flags.contains(LocalFlags::ICANON),
        "raw mode off"
    );
}

impl Session {
    /// Waits until `ready` holds for the screen, or fails with the screen.
    fn wait_until(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while start.elapsed() < PATIENCE {
            if ready(self.screen.lock().expect("screen lock").screen()) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("waited for {what}; the screen shows:\n{}", self.contents());
    }

    fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a process id")
    }

    /// Asserts that the reader holds the terminal: alternate screen, mouse
    /// reports, raw mode.
    fn assert_taken(&self) {
        {
            let parser = self.screen.lock().expect("screen lock");
            let screen = parser.screen();
            assert!(
                screen.alternate_screen(),
                "the reader draws on the alternate screen"
            );
            assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        }
        let termios = self.master.get_termios().expect("termios");
        assert!(
            !termios.local_flags.contains(LocalFlags::ICANON),
            "raw mode while reading"
        );
    }

    /// Asserts that the terminal is as the shell left it: main screen,
    /// cursor shown, no mouse reports, line editing and echo on.
    fn assert_restored(&self) {
        self.wait_until("the main screen", |screen| !screen.alternate_screen());
        {
            let parser = self.screen.lock().expect("screen lock");
            let screen = parser.screen();
            assert!(!screen.hide_cursor(), "cursor shown");
            assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        }
        let termios = self.master.get_termios().expect("termios");
        assert!(
            termios.local_flags.contains(LocalFlags::ICANON),
            "raw mode off"
        );
        assert!(
            termios.local_flags.contains(LocalFlags::ECHO),
            "echo back on"
        );
    }
}

/// Sends `signal` (a name `kill` knows: TERM, HUP, TSTP…) to `pid`.
fn kill(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

/// The fields of `/proc/pid/stat` after the command name, which may hold
/// spaces and parentheses: state, parent, group, session…
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 1..];
    Some(after_name.split_whitespace().map(str::to_owned).collect())
}

/// The process's state letter (`T` when stopped).
fn process_state(pid: u32) -> String {
    stat_fields(pid).expect("the process is listed in /proc")[0].clone()
}

/// The process whose parent is `parent`, waiting for it to start.
fn child_of(parent: u32) -> u32 {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        let found = std::fs::read_dir("/proc")
            .expect("/proc")
            .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
            .find(|pid| stat_fields(*pid).is_some_and(|fields| fields[1] == parent.to_string()));
        if let Some(pid) = found {
            return pid;
        }
        thread::sleep(Duration::from_millis(20));
    }
    panic!("process {parent} started nothing");
}

fn wait_for_state(pid: u32, state: &str) {
    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if process_state(pid) == state {
            return;
        }
        thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "process {pid} never reached state {state:?} (it is {:?})",
        process_state(pid)
    );
}

#[test]
fn ending_signals_restore_the_terminal_and_exit_with_128_plus_the_signal() {
    for (signal, number) in [("TERM", 15), ("HUP", 1), ("INT", 2)] {
        let mut session = Session::start(&[&fixture("store.json")]);
        session.wait_for("store.json · 4 articles");
        kill(session.pid(), signal);
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
        session.assert_restored();
    }
}

/// A shell with job control that runs newsdesk on the fixture store as a
/// job, says when the job stopped, and on a line of input brings it back
/// with `fg`.
fn newsdesk_as_a_job() -> Session {
    Session::start_command(
        "bash",
        &[
            "-c",
            r#"set -m; "$0" "$@"; echo "[stopped: $?]"; read -r _; fg"#,
            env!("CARGO_BIN_EXE_newsdesk"),
            &fixture("store.json"),
        ],
    )
}

/// Suspends newsdesk with `stop` (given its process id), checks the
/// terminal is the shell's while it is stopped, brings it back with `fg`
/// and checks the screen is drawn again with the reader as it was.
fn suspend_and_resume(stop: impl FnOnce(&mut Session, u32)) {
    let mut session = newsdesk_as_a_job();
    let newsdesk = child_of(session.pid());
    session.wait_for("store.json · 4 articles");
    // Leave the reader somewhere other than where it starts.
    session.keys("j");
    session.wait_for(" 2/4 ");

    stop(&mut session, newsdesk);
    wait_for_state(newsdesk, "T");
    session.wait_for("[stopped: ");
    session.assert_restored();

    session.keys("\r");
    // Entering the alternate screen blanks it, so what shows now was drawn
    // again after the resume.
    session.wait_until("the reader drawn again", |screen| {
        let contents = screen.contents();
        screen.alternate_screen()
            && contents.contains(" 2/4 ")
            && contents.contains("store.json · 4 articles")
    });
    session.assert_taken();
    // It still answers keys.
    session.keys("j");
    session.wait_for(" 3/4 ");
    session.keys("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_screen_back() {
    suspend_and_resume(|session, _| session.keys("\x1a"));
}

#[test]
fn sigtstp_from_outside_suspends_like_ctrl_z() {
    suspend_and_resume(|_, newsdesk| kill(newsdesk, "TSTP"));
}

#[test]
fn ctrl_z_does_nothing_without_a_shell_to_return_to() {
    // Started straight in the terminal, newsdesk leads its own session:
    // nothing could bring it back if it stopped.
    let mut session = Session::start(&[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    session.keys("\x1a");
    session.wait_for("No shell to suspend to");
    session.keys("j");
    // A stopped reader would never take the `j`.
    session.wait_for(" 2/4 ");
    assert_ne!(process_state(session.pid()), "T");
    assert!(
        session
            .screen
            .lock()
            .expect("screen lock")
            .screen()
            .alternate_screen()
    );
    session.keys("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn ctrl_z_does_nothing_under_another_program_of_the_same_job() {
    // As under `cargo run`: the shell waits on `sh`, which waits on
    // newsdesk; stopping newsdesk alone would leave both waiting for good.
    let mut session = Session::start_command(
        "bash",
        &[
            "-c",
            r#"set -m; sh -c '"$0" "$@"; exit $?' "$0" "$@"; exit $?"#,
            env!("CARGO_BIN_EXE_newsdesk"),
            &fixture("store.json"),
        ],
    );
    session.wait_for("store.json · 4 articles");
    session.keys("\x1a");
    session.wait_for("No shell to suspend to");
    session.keys("j");
    // A stopped reader would never take the `j`.
    session.wait_for(" 2/4 ");
    let newsdesk = child_of(child_of(session.pid()));
    assert_ne!(process_state(newsdesk), "T");
    session.keys("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_storm_of_resizes_leaves_the_reader_answering() {
    let mut session = Session::start(&[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |below: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        u16::try_from(seed % below).expect("small") + 1
    };
    let fixed = [(1, 1), (2, 2), (3, 10), (14, 59), (200, 500)];
    for step in 0..200 {
        let (rows, cols) = fixed
            .get(step % 40)
            .copied()
            .unwrap_or_else(|| (next(200), next(500)));
        session
            .master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }
    session
        .master
        .resize(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize back");
    assert!(
        session.child.try_wait().expect("status").is_none(),
        "newsdesk is still running"
    );
    // The reader still answers. A key sent in the instant after the storm
    // is now and then held back until the next one: crossterm 0.29 returns
    // a resize as soon as its signal is seen and drops the terminal's
    // readiness from the same poll, which is edge-triggered, so bytes
    // already waiting are only read when more arrive. A few keys are
    // allowed: what this test guards is a reader that is wedged or dead.
    let moved = (0..5).any(|_| {
        session.keys("j");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(2) {
            if !session.contents().contains(" 1/4 ") {
                return true;
            }
            thread::sleep(Duration::from_millis(20));
        }
        false
    });
    assert!(moved, "no key moved the list:\n{}", session.contents());
    session.keys("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

#[test]
fn a_thousand_key_presses_at_once_are_all_taken() {
    let gazetteer = newsdesk::entities::Gazetteer::builtin().expect("built-in gazetteer");
    let json = newsdesk::generate::store_json(11, &gazetteer.organisations, 1_500, 300);
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("held-keys.json");
    std::fs::write(&path, json).expect("store written");
    let mut session = Session::start(&[&path.display().to_string()]);
    session.wait_for("held-keys.json · 1500 articles");
    session.keys(&"j".repeat(1_000));
    session.wait_for(" 1001/1500 ");
    session.keys(&"k".repeat(500));
    session.wait_for(" 501/1500 ");
    session.keys("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn closing_the_terminal_ends_newsdesk() {
    // Not a `Session`: its reader keeps the terminal open until newsdesk
    // exits, and this test needs to close it first.
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
    command.arg(fixture("store.json"));
    command.env("TERM", "xterm-256color");
    for (key, value) in common::home_env(&common::fresh_home()) {
        command.env(key, value);
    }
    let mut child = pair.slave.spawn_command(command).expect("newsdesk starts");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let mut screen = vt100::Parser::new(ROWS, COLS, 0);
    let mut chunk = [0u8; 8192];
    while !screen
        .screen()
        .contents()
        .contains("store.json · 4 articles")
    {
        let n = reader.read(&mut chunk).expect("newsdesk draws");
        assert!(n > 0, "newsdesk closed the terminal before drawing");
        screen.process(&chunk[..n]);
    }
    drop(reader);
    drop(pair.master);

    let start = Instant::now();
    while start.elapsed() < PATIENCE {
        if let Some(status) = child.try_wait().expect("child status") {
            assert_eq!(status.exit_code(), 128 + 1, "{status:?}");
            return;
        }
        thread::sleep(Duration::from_millis(20));
    }
    child.kill().ok();
    panic!("newsdesk outlived its terminal");
}

#[test]
fn a_hostile_store_is_shown_and_never_obeyed() {
    let mut session = Session::start(&[&fixture("hostile.json")]);
    session.wait_for("hostile.json · 7 articles");
    // Open every article (newest first), wait for its body, page through
    // all of it, and go back to the list (Shift-Tab from the body).
    let shown = [
        Some("Short body with a ␛]0;title␇ in it."),
        None,
        Some("https://example.org/aaaa"),
        Some("Old Mac line"),
        Some("東京の警視庁は"),
        Some("An override: abc<RLO>dcba<PDF>"),
        Some("Before the clear␛[2J␛[H"),
    ];
    for (article, text) in shown.iter().enumerate() {
        session.keys("g");
        session.keys(&"j".repeat(article));
        session.keys("\r");
        if let Some(text) = text {
            session.wait_for(text);
        }
        session.keys(&" ".repeat(40));
        session.keys("\x1b[Z");
    }
    // The escapes article is the oldest: open it and look at its first
    // screen.
    session.keys("G\r");
    session.wait_for("Before the clear␛[2J␛[H after it.");
    {
        let parser = session.screen.lock().expect("screen lock");
        let screen = parser.screen();
        let recorder = parser.callbacks();
        assert!(
            recorder.titles.is_empty(),
            "title set: {:?}",
            recorder.titles
        );
        assert_eq!(recorder.bells, 0, "bell rung");
        assert_eq!(recorder.clipboard, 0, "clipboard written");
        assert_eq!(recorder.resizes, 0, "window resized");
        assert!(recorder.unhandled.is_empty(), "{:?}", recorder.unhandled);
        // "␛[31;1m red" did not turn the text after it red.
        let contents = screen.contents();
        let (row, line) = contents
            .lines()
            .enumerate()
            .find(|(_, line)| line.contains("red ␛[0m reset"))
            .expect("the colour line is shown");
        let column = line[..line.find("red ␛[0m").expect("red")].chars().count();
        let cell = screen
            .cell(
                u16::try_from(row).expect("row"),
                u16::try_from(column).expect("column"),
            )
            .expect("cell");
        assert_eq!(cell.contents(), "r");
        assert_eq!(
            cell.fgcolor(),
            vt100::Color::Default,
            "not coloured by the article"
        );
        assert!(!cell.bold(), "not made bold by the article");
        // The cursor stays hidden and the screen is the reader's own.
        assert!(screen.hide_cursor());
        assert!(screen.alternate_screen());
    }
    session.keys("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
    session.assert_restored();
}

/// A reader on `args` whose settings, state and cache live in `home`.
fn reader_in(home: &std::path::Path, args: &[&str]) -> Session {
    let env: Vec<(&str, String)> = common::home_env(home)
        .into_iter()
        .map(|(key, value)| (key, value.display().to_string()))
        .collect();
    let env: Vec<(&str, &str)> = env
        .iter()
        .map(|(key, value)| (*key, value.as_str()))
        .collect();
    Session::start_with(args, &env)
}

/// `newsdesk list --json` in `home`: for each article, (id, read, starred).
fn marks_in(home: &std::path::Path) -> Vec<(String, bool, bool)> {
    let output = common::newsdesk_in(home)
        .args(["list", "--json", &fixture("store.json")])
        .output()
        .expect("list runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            (
                row["id"].as_str().unwrap_or_default().to_owned(),
                row["read"] == serde_json::Value::Bool(true),
                row["starred"] == serde_json::Value::Bool(true),
            )
        })
        .collect()
}

fn mark_of(home: &std::path::Path, id: &str) -> (bool, bool) {
    marks_in(home)
        .into_iter()
        .find(|(found, _, _)| found == id)
        .map_or((false, false), |(_, read, starred)| (read, starred))
}

#[test]
fn a_mark_made_just_before_a_kill_is_kept() {
    let home = common::fresh_home();
    let mut session = reader_in(&home, &[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    // Star the first article, and wait for the screen to say so: the key
    // has been taken, and its change kept before the frame was drawn.
    session.keys("*");
    session.wait_for("Starred");
    kill(session.child.process_id().expect("a pid"), "KILL");
    session.wait_for_exit();
    assert_eq!(mark_of(&home, "raid"), (false, true));
}

#[test]
fn two_readers_at_once_both_keep_their_marks() {
    let home = common::fresh_home();
    let mut first = reader_in(&home, &[&fixture("store.json")]);
    let mut second = reader_in(&home, &[&fixture("store.json")]);
    first.wait_for("store.json · 4 articles");
    second.wait_for("store.json · 4 articles");
    first.keys("j\r");
    first.wait_for("Growers on the north slope");
    second.keys("jj*");
    second.wait_for("Starred");
    first.keys("q");
    second.keys("q");
    assert!(first.wait_for_exit().success());
    assert!(second.wait_for_exit().success());
    assert_eq!(mark_of(&home, "orchard"), (true, false));
    assert_eq!(mark_of(&home, "ferry"), (false, true));
}

#[test]
fn a_restart_opens_the_same_stores_at_the_same_article_and_line() {
    let home = common::fresh_home();
    let mut session = reader_in(&home, &[&fixture("store.json")]);
    session.wait_for("store.json · 4 articles");
    // The raid story, three lines down.
    session.keys("\r");
    session.wait_for("Investigators working with");
    session.keys("jjjjjj");
    thread::sleep(Duration::from_millis(200));
    let before = session.contents();
    session.keys("q");
    assert!(session.wait_for_exit().success());
    // No path: the stores of last time.
    let mut again = reader_in(&home, &[]);
    again.wait_for("store.json · 4 articles");
    thread::sleep(Duration::from_millis(200));
    // The panes below the list (the article and its organisations) are
    // drawn alike, whichever pane has focus.
    let lower = |screen: &str| -> Vec<String> {
        let rows: Vec<&str> = screen.lines().collect();
        rows[rows.len() / 2..rows.len() - 1]
            .iter()
            .map(|row| {
                row.chars()
                    .map(|c| match c {
                        '┃' => '│',
                        '━' => '─',
                        '┏' => '┌',
                        '┓' => '┐',
                        '┗' => '└',
                        '┛' => '┘',
                        other => other,
                    })
                    .collect::<String>()
                    .replace("▶ ", "")
            })
            .collect()
    };
    assert_eq!(lower(&again.contents()), lower(&before));
    assert!(
        lower(&before)
            .iter()
            .all(|row| !row.contains("Investigators working with")),
        "the place is past the first paragraph"
    );
    again.keys("q");
    assert!(again.wait_for_exit().success());
}

#[test]
fn o_hands_the_address_to_the_browser_as_one_argument_and_runs_nothing() {
    let home = common::fresh_home();
    let url = "https://example.org/a;touch x'\"q\nb";
    let store = home.join("odd.json");
    std::fs::write(
        &store,
        serde_json::json!([{"title": "Odd address", "body": "b", "url": url}]).to_string(),
    )
    .expect("store written");
    // A browser that writes each argument it gets, ending each with a NUL.
    let browser = home.join("browser.sh");
    let record = home.join("arguments");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\" >> '{}'; done\n",
            record.display()
        ),
    )
    .expect("script written");
    std::process::Command::new("chmod")
        .args(["+x", &browser.display().to_string()])
        .status()
        .expect("chmod");
    let mut env: Vec<(&str, String)> = common::home_env(&home)
        .into_iter()
        .map(|(key, value)| (key, value.display().to_string()))
        .collect();
    env.push(("BROWSER", format!("{} --new-tab", browser.display())));
    let env: Vec<(&str, &str)> = env
        .iter()
        .map(|(key, value)| (*key, value.as_str()))
        .collect();
    let mut session = Session::start_with(&[&store.display().to_string()], &env);
    session.wait_for("odd.json · 1 article");
    session.keys("o");
    session.wait_for("Opened in the browser");
    let start = Instant::now();
    while !record.exists() && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(20));
    }
    thread::sleep(Duration::from_millis(100));
    let recorded = std::fs::read(&record).expect("the browser ran");
    let arguments: Vec<&[u8]> = recorded
        .split(|b| *b == 0)
        .filter(|a| !a.is_empty())
        .collect();
    assert_eq!(arguments, [b"--new-tab".as_slice(), url.as_bytes()]);
    assert!(!home.join("x").exists(), "nothing in the address ran");
    session.keys("q");
    assert!(session.wait_for_exit().success());
}

/// The cache files in `home`'s cache directory.
fn caches_in(home: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(home.join("cache").join("newsdesk"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "cache"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_reader_keeps_a_cache_that_the_next_open_uses() {
    let home = common::fresh_home();
    let store = home.join("store.json");
    std::fs::copy(fixture("store.json"), &store).expect("store copied");
    let store = store.display().to_string();
    let mut first = reader_in(&home, &[&store]);
    first.wait_for("store.json · 4 articles");
    let start = Instant::now();
    while caches_in(&home).is_empty() && start.elapsed() < PATIENCE {
        thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        caches_in(&home).len(),
        1,
        "the cache is kept in the background"
    );
    first.keys("q");
    first.wait_for_exit();
    // A cache is written under another name and renamed into place: a
    // new one is a new file, which its inode tells.
    let inode = |path: &std::path::Path| {
        use std::os::unix::fs::MetadataExt as _;
        std::fs::metadata(path).expect("cache there").ino()
    };
    let kept = inode(&caches_in(&home)[0]);
    let mut second = reader_in(&home, &[&store]);
    second.wait_for("store.json · 4 articles");
    // Long enough for a reader that read the store to index its four
    // articles and write its cache again.
    thread::sleep(Duration::from_millis(1_500));
    second.keys("q");
    second.wait_for_exit();
    // Opened from the cache, which was whole: not written again.
    assert_eq!(caches_in(&home).len(), 1);
    assert_eq!(inode(&caches_in(&home)[0]), kept);
}

#[test]
fn a_cache_that_cannot_be_written_leaves_the_reader_working_with_one_notice() {
    let home = common::fresh_home();
    std::fs::create_dir_all(home.join("cache")).expect("cache home");
    std::fs::write(home.join("cache").join("newsdesk"), "in the way").expect("blocked");
    let store = home.join("store.json");
    std::fs::copy(fixture("store.json"), &store).expect("store copied");
    let mut session = reader_in(&home, &[&store.display().to_string()]);
    session.wait_for("Could not keep the cache");
    session.keys("j");
    session.keys("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "{status:?}");
}
