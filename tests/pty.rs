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

/// A running newsdesk and the screen it has drawn so far.
struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
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
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_newsdesk"));
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("newsdesk starts");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
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
    {
        let parser = session.screen.lock().expect("screen lock");
        let screen = parser.screen();
        assert!(
            screen.alternate_screen(),
            "the reader draws on the alternate screen"
        );
        assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    }
    let termios = session.master.get_termios().expect("termios");
    assert!(
        !termios.local_flags.contains(LocalFlags::ICANON),
        "raw mode while reading"
    );

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
    let parser = session.screen.lock().expect("screen lock");
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "main screen back");
    assert!(!screen.hide_cursor(), "cursor shown");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    let termios = session.master.get_termios().expect("termios");
    assert!(
        termios.local_flags.contains(LocalFlags::ICANON),
        "raw mode off"
    );
    assert!(
        termios.local_flags.contains(LocalFlags::ECHO),
        "echo back on"
    );
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

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let mut session =
        Session::start_with(&[&fixture("store.json")], &[("NEWSDESK_TEST_PANIC", "1")]);
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
