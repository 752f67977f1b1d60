//! The terminal session: set-up, the event loop, and restoring the terminal
//! however the reader ends (quit, error, panic or a terminating signal), and
//! around a suspension to the shell.

use std::fmt;
use std::io::{self, IsTerminal, stdout};
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::{Handle, Signals};
use signal_hook::low_level;

use crate::action::{Action, Notice};
use crate::app::App;
use crate::cache::Keeper;
use crate::effect::{Change, Effect};
use crate::state::{HistoryKind, Session, State};
use crate::ui::Screen;
use crate::ui::theme::Theme;

/// Runs the reader on `store` until the user quits.
///
/// SIGTERM, SIGHUP and SIGINT end it like `q` does, then the process exits
/// with status 128 + the signal's number, as a shell reports a process that
/// a signal killed. SIGTSTP (`kill -TSTP`) suspends it like `Ctrl-z`.
///
/// The reader is drawn in `theme`. What it derives from the store is
/// handed to `keeper` to be cached, when there is one.
pub fn run(
    make_app: impl FnOnce(Rect) -> App,
    theme: &Theme,
    memory: &mut State,
    place_key: &str,
    keeper: Option<&Keeper>,
) -> io::Result<()> {
    // Without a terminal, setting one up would fail half-way or write its
    // escape codes into a file or a pipe.
    check().map_err(io::Error::other)?;
    // Before the terminal changes, so that a failure leaves it untouched and
    // no signal can arrive between the change and the loop that answers it.
    let watch = SignalWatch::start()?;
    install_panic_hook(Arc::clone(&watch.state));
    let mut reader = None;
    let mut writing = Vec::new();
    let result = take_terminal(&watch.state).and_then(|mut terminal| {
        let size = terminal.size()?;
        // Made at the terminal's size, so that the article is laid out (and
        // a remembered place found) at the width it is read at.
        let app = reader.insert(make_app(Rect::new(0, 0, size.width, size.height)));
        let mut outside = Outside {
            memory,
            keeper,
            writing: Vec::new(),
        };
        let ended = event_loop(&mut terminal, app, theme, &mut outside, &watch.state);
        writing = outside.writing;
        // The terminal is given back by `restore` below. Dropping ratatui's
        // handle would try to show the cursor itself and, on a terminal
        // that has hung up, report its failure with `eprintln!`, which
        // panics there (and the panic, reporting in turn, aborts).
        std::mem::forget(terminal);
        ended
    });
    watch.state.restore();
    // Where the reader was is kept however it ended (a signal too).
    if let Some((article, scroll)) = reader.as_ref().and_then(App::place) {
        memory.save_session(place_key, &Session { article, scroll });
    }
    // The terminal comes back before the store is freed and the background
    // workers are stopped, which takes a moment on a large store; a cache
    // being written is finished, so that the next open finds it.
    drop(reader);
    for handle in writing {
        let _ = handle.join();
    }
    // A signal wins over an error: the error is most likely the terminal
    // that hung up, and there is no one left to read about it. Reading a
    // terminal that hung up may fail before its SIGHUP arrives, so an
    // error waits a moment for one.
    let ending = watch.state.ending().or_else(|| {
        let start = std::time::Instant::now();
        while result.is_err() && start.elapsed() < HANG_UP_WAIT {
            if let Some(signal) = watch.state.ending() {
                return Some(signal);
            }
            thread::sleep(Duration::from_millis(10));
        }
        None
    });
    if let Some(signal) = ending {
        watch.state.exit(128 + signal);
    }
    watch.stop();
    result
}

/// How long an error from the terminal waits for the SIGHUP that may be
/// behind it.
const HANG_UP_WAIT: Duration = Duration::from_millis(300);

/// Signals that end the reader: the terminal is restored first.
const ENDING_SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// How long an ending signal waits for the event loop to leave by itself
/// before the process is ended without it.
const GRACE: Duration = Duration::from_secs(1);

/// A thread that answers signals by noting them for the event loop.
///
/// Reading a terminal that has hung up spins for ever inside crossterm
/// (crossterm-rs/crossterm#793), so the loop may never look at the note;
/// after [`GRACE`] the thread restores what it can and ends the process.
struct SignalWatch {
    state: Arc<SharedState>,
    handle: Handle,
    thread: JoinHandle<()>,
}

impl SignalWatch {
    fn start() -> io::Result<Self> {
        let mut signals = Signals::new(ENDING_SIGNALS.iter().chain([&SIGTSTP]))?;
        let handle = signals.handle();
        let state = Arc::new(SharedState::default());
        let noted = Arc::clone(&state);
        let thread = thread::Builder::new()
            .name("signals".to_owned())
            .spawn(move || {
                for signal in signals.forever() {
                    if signal == SIGTSTP {
                        noted.suspend.store(true, Ordering::SeqCst);
                        continue;
                    }
                    noted.ending.store(signal, Ordering::SeqCst);
                    thread::sleep(GRACE);
                    noted.restore();
                    noted.exit(128 + signal);
                }
            })?;
        Ok(Self {
            state,
            handle,
            thread,
        })
    }

    /// Stops the thread, once the reader is over. The signals stay caught
    /// (and now ignored) for the moment the process has left.
    fn stop(self) {
        self.handle.close();
        // The thread cannot panic, and has nothing to hand back.
        let _ = self.thread.join();
    }
}

/// What the signal thread and the event loop share.
#[derive(Default)]
struct SharedState {
    /// The ending signal received, or 0.
    ending: AtomicI32,
    /// Set when SIGTSTP arrives; the event loop clears it.
    suspend: AtomicBool,
    /// What of the terminal the reader holds, so that it is given back
    /// exactly once, and only what was taken.
    taken: Mutex<Taken>,
    /// Held by the thread that ends the process, so that only one does:
    /// two threads in `exit` at once can crash the process.
    exiting: Mutex<()>,
}

impl SharedState {
    fn ending(&self) -> Option<i32> {
        match self.ending.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }

    /// Ends the process with `status`; a second caller waits for the first
    /// to finish the job.
    fn exit(&self, status: i32) -> ! {
        let _only_one = self.exiting.lock().unwrap_or_else(PoisonError::into_inner);
        std::process::exit(status)
    }

    /// Takes the terminal: raw mode, then the alternate screen and mouse
    /// reports. Each step is noted as it is taken, under the lock that
    /// [`Self::restore`] takes too, so that a signal or a panic during the
    /// set-up undoes what was done and nothing else: a set-up that fails at
    /// raw mode writes no escape code at all.
    fn take(&self) -> io::Result<()> {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        enable_raw_mode()?;
        taken.raw = true;
        // Noted before it is written: a write that fails half-way may still
        // have switched the screen.
        taken.screen = true;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
    }

    /// Puts the terminal back as the shell had it, as far as the reader
    /// holds it. Every step is tried even if one fails (as they do once the
    /// terminal has hung up): there is nothing better to do, and no one to
    /// tell.
    fn restore(&self) {
        self.restore_to(&mut stdout());
    }

    /// [`Self::restore`], writing the escape codes to `out`.
    fn restore_to(&self, out: &mut impl io::Write) {
        let mut taken = self.taken.lock().unwrap_or_else(PoisonError::into_inner);
        if taken.screen {
            let _ = execute!(out, DisableMouseCapture, Show);
        }
        // Raw mode first: leaving it has more side effects than leaving the
        // alternate screen.
        if taken.raw {
            let _ = disable_raw_mode();
        }
        if taken.screen {
            let _ = execute!(out, LeaveAlternateScreen);
        }
        *taken = Taken::default();
    }
}

/// What of the terminal the reader has taken.
#[derive(Debug, Default)]
struct Taken {
    /// Raw mode is on.
    raw: bool,
    /// The alternate screen and mouse reports may be on: escape codes were
    /// (or were being) written for them.
    screen: bool,
}

/// How often the screen shows indexing progress.
const INDEX_TICK: Duration = Duration::from_millis(100);

/// How long the loop waits for input before it looks for signals again:
/// reading the terminal is not interrupted by them.
const SIGNAL_TICK: Duration = Duration::from_millis(150);

/// What the loop does its outside work with: the remembered state, and the
/// cache with the writes to it under way.
struct Outside<'a> {
    memory: &'a mut State,
    keeper: Option<&'a Keeper>,
    writing: Vec<JoinHandle<io::Result<()>>>,
}

impl Outside<'_> {
    /// Takes the writes of the cache that have ended; whether one failed.
    fn cache_failed(&mut self) -> bool {
        let mut failed = false;
        let (ended, going) = std::mem::take(&mut self.writing)
            .into_iter()
            .partition::<Vec<_>, _>(JoinHandle::is_finished);
        self.writing = going;
        for handle in ended {
            failed |= !matches!(handle.join(), Ok(Ok(())));
        }
        failed
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    outside: &mut Outside<'_>,
    state: &SharedState,
) -> io::Result<()> {
    let mut redraw = true;
    loop {
        let mut effects = Vec::new();
        if state.suspend.swap(false, Ordering::SeqCst) {
            effects.extend(app.update(Action::Suspend));
        }
        if state.ending().is_some() {
            return Ok(());
        }
        match perform(effects, terminal, app, outside, state)? {
            Done::Quit => return Ok(()),
            Done::Redraw => redraw = true,
            Done::Nothing => {}
        }
        if redraw {
            terminal.draw(|frame| frame.render_widget(Screen::new(app, theme), frame.area()))?;
        }
        // Debug builds can be made to panic on demand, so that tests can
        // check the terminal is restored after a panic; release builds cannot.
        #[cfg(debug_assertions)]
        assert!(
            std::env::var_os("NEWSDESK_TEST_PANIC").is_none(),
            "panic requested by NEWSDESK_TEST_PANIC"
        );
        // While the store is being indexed, wake up now and then to show
        // its progress; otherwise only to look for signals.
        let busy = app.is_busy();
        redraw = busy;
        if event::poll(if busy { INDEX_TICK } else { SIGNAL_TICK })? {
            // Take every event already waiting before drawing again, so a
            // held key never queues up frames behind it.
            let mut waiting = vec![event::read()?];
            while waiting.len() < MAX_BATCH && event::poll(Duration::ZERO)? {
                waiting.push(event::read()?);
            }
            for event in without_superseded_resizes(waiting) {
                let Some(action) = app.keys.action_for_event(&event, app.mode) else {
                    continue;
                };
                let effects = app.update(action);
                // Keys typed after a quit or a suspend are not the reader's.
                let ends = effects
                    .iter()
                    .any(|effect| matches!(effect, Effect::Quit | Effect::Suspend));
                if perform(effects, terminal, app, outside, state)? == Done::Quit {
                    return Ok(());
                }
                if ends {
                    break;
                }
            }
            redraw = true;
        }
        if busy || !outside.writing.is_empty() {
            let mut effects = app.update(Action::IndexProgress);
            if outside.cache_failed() {
                effects.extend(app.update(Action::Notice(Notice::CacheFailed)));
                redraw = true;
            }
            if perform(effects, terminal, app, outside, state)? == Done::Quit {
                return Ok(());
            }
        }
    }
}

/// The most events taken before drawing again.
const MAX_BATCH: usize = 4096;

/// `events` without the resizes that a later one in the same batch makes
/// moot: a storm of resizes lays a long article out once, not once per
/// size it passed through.
fn without_superseded_resizes(events: Vec<Event>) -> impl Iterator<Item = Event> {
    let last = events.iter().rposition(|e| matches!(e, Event::Resize(..)));
    events
        .into_iter()
        .enumerate()
        .filter(move |(at, e)| !matches!(e, Event::Resize(..)) || Some(*at) == last)
        .map(|(_, e)| e)
}

/// What performing effects asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Quit,
    Redraw,
    Nothing,
}

/// Does the outside work `effects` ask for, telling the app how it went.
fn perform(
    effects: Vec<Effect>,
    terminal: &mut DefaultTerminal,
    app: &mut App,
    outside: &mut Outside<'_>,
    state: &SharedState,
) -> io::Result<Done> {
    let mut done = Done::Nothing;
    let mut notices = Vec::new();
    for effect in effects {
        match effect {
            Effect::Quit => return Ok(Done::Quit),
            Effect::Suspend => {
                if a_shell_can_resume_us() {
                    suspend(terminal, app, state)?;
                } else {
                    notices.push(Notice::NoShell);
                }
                done = Done::Redraw;
            }
            Effect::OpenUrl(url) => notices.push(crate::outside::open_url(&url)),
            Effect::Copy(text) => notices.push(crate::outside::copy(&text, &mut io::stdout())),
            // Kept at once, each in its own transaction: a kill right
            // after a key loses at most that key's change.
            Effect::Remember(change) => remember(outside.memory, change),
            Effect::Keep(keepsake) => {
                if let Some(keeper) = outside.keeper {
                    outside.writing.push(keeper.keep_in_background(*keepsake));
                }
            }
        }
    }
    for notice in notices {
        // A notice asks for nothing more.
        let _ = app.update(Action::Notice(notice));
        done = Done::Redraw;
    }
    Ok(done)
}

/// Keeps `change` in the remembered state.
fn remember(memory: &mut State, change: Change) {
    match change {
        Change::Read { id, read } => memory.set_read(&id, read),
        Change::Starred { id, starred } => memory.set_starred(&id, starred),
        Change::Find(query) => memory.push_history(HistoryKind::Find, &query),
        Change::Search(query) => memory.push_history(HistoryKind::Search, &query),
    }
}

/// Gives the terminal back to the shell, stops the process, and when it is
/// continued takes the terminal again and redraws all of it.
fn suspend(terminal: &mut DefaultTerminal, app: &mut App, state: &SharedState) -> io::Result<()> {
    state.restore();
    // SIGTSTP is caught (to restore the terminal first), so raising it
    // would only come back here; stop as its default action would.
    low_level::emulate_default_handler(SIGTSTP)?;
    // Continued. The shell may have reset the terminal's modes, and the
    // window may have changed size meanwhile.
    state.take()?;
    let size = terminal.size()?;
    // Resizing clears the screen and forgets the last frame, so the next
    // draw writes every cell.
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    // A resize asks for nothing more.
    let _ = app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// Whether a shell with job control is there to continue the reader once
/// it stops.
///
/// That is so when the parent is in the same session but another process
/// group: a shell that started the reader as a job of its own, and will
/// see it stop. It is not so when newsdesk is the terminal's own program
/// (`tmux new-window newsdesk`, `ssh -t host newsdesk`): its process group
/// is then orphaned, the kernel ignores SIGTSTP for it, and a reader that
/// stopped anyway would stay stopped for good. Nor is it when the reader
/// runs under another program of the same job (`cargo run`, `sudo`):
/// stopping the reader alone would leave that program, and the shell
/// behind it, waiting on a process that never ends. Only Linux says so
/// through `/proc`; elsewhere the reader trusts the user.
fn a_shell_can_resume_us() -> bool {
    let (Some(me), Some(parent)) = (
        process_group("self"),
        process_group(&std::os::unix::process::parent_id().to_string()),
    ) else {
        return true;
    };
    parent.session == me.session && parent.group != me.group
}

/// A process's group and session.
struct ProcessGroup {
    group: u32,
    session: u32,
}

/// The group and session of process `pid` (or `self`), read from
/// `/proc/pid/stat`.
fn process_group(pid: &str) -> Option<ProcessGroup> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses: the fields that
    // follow it are state, parent, group and session.
    let mut fields = stat.get(stat.rfind(')')? + 1..)?.split_whitespace().skip(2);
    let mut next = || fields.next()?.parse().ok();
    Some(ProcessGroup {
        group: next()?,
        session: next()?,
    })
}

fn install_panic_hook(state: Arc<SharedState>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The terminal first, so that the message lands on the shell's
        // screen; then the standard report, which ignores a terminal that
        // has gone.
        state.restore();
        previous(info);
    }));
}

/// Raw mode, the alternate screen and mouse reports, and a ratatui
/// terminal on standard output. Not `ratatui::try_init`: its panic hook
/// reports a failed restore with `eprintln!`, which itself panics on a
/// terminal that has hung up, and a panic in a panic hook aborts.
fn take_terminal(state: &SharedState) -> io::Result<DefaultTerminal> {
    state.take()?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(stdout()))
}

/// Which of standard input and output is not a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoTerminal {
    /// Standard input is not a terminal (`< file`, `< /dev/null`, a pipe).
    Input,
    /// Standard output is not a terminal (`> log`, `| less`).
    Output,
    /// Neither is (a job started by cron or a service manager).
    Neither,
}

impl fmt::Display for NoTerminal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoTerminal::Input => "standard input is not a terminal",
            NoTerminal::Output => "standard output is not a terminal",
            NoTerminal::Neither => "neither standard input nor standard output is a terminal",
        })
    }
}

impl std::error::Error for NoTerminal {}

/// Whether the reader can run here: it reads keys from standard input and
/// draws on standard output, so both must be terminals.
///
/// Asked before anything about the terminal changes: without one, raw
/// mode fails half-way, and the codes that switch screens and mouse
/// reports would land in a file or a pipe.
pub fn check() -> Result<(), NoTerminal> {
    missing(io::stdin().is_terminal(), io::stdout().is_terminal()).map_or(Ok(()), Err)
}

/// What is missing when standard input and output are terminals or not.
fn missing(input: bool, output: bool) -> Option<NoTerminal> {
    match (input, output) {
        (true, true) => None,
        (false, true) => Some(NoTerminal::Input),
        (true, false) => Some(NoTerminal::Output),
        (false, false) => Some(NoTerminal::Neither),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent};

    #[test]
    fn only_the_last_resize_of_a_batch_is_kept() {
        let key = |c| Event::Key(KeyEvent::from(KeyCode::Char(c)));
        let events = vec![
            Event::Resize(10, 10),
            key('j'),
            Event::Resize(20, 20),
            Event::Resize(30, 30),
            key('k'),
        ];
        let kept: Vec<Event> = without_superseded_resizes(events).collect();
        assert_eq!(kept, [key('j'), Event::Resize(30, 30), key('k')]);
        let keys: Vec<Event> = without_superseded_resizes(vec![key('a'), key('b')]).collect();
        assert_eq!(keys, [key('a'), key('b')]);
    }

    #[test]
    fn the_reader_needs_both_ends_to_be_terminals() {
        assert_eq!(missing(true, true), None);
        assert_eq!(missing(false, true), Some(NoTerminal::Input));
        assert_eq!(missing(true, false), Some(NoTerminal::Output));
        assert_eq!(missing(false, false), Some(NoTerminal::Neither));
    }

    #[test]
    fn restoring_undoes_only_what_was_taken() {
        // A set-up that failed before writing (raw mode refused) leaves
        // nothing to undo: not one escape code.
        let state = SharedState::default();
        let mut written = Vec::new();
        state.restore_to(&mut written);
        assert!(written.is_empty(), "{written:?}");
        // The screen switched: it is switched back, once.
        state
            .taken
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .screen = true;
        state.restore_to(&mut written);
        let leave = b"\x1b[?1049l";
        assert!(
            written.windows(leave.len()).any(|w| w == leave),
            "{written:?}"
        );
        let again = written.len();
        state.restore_to(&mut written);
        assert_eq!(written.len(), again, "given back exactly once");
    }
}
