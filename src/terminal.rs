//! The terminal session: set-up, the event loop, and restoring the terminal
//! however the reader ends (quit, error, panic or a terminating signal), and
//! around a suspension to the shell.

use std::io::{self, stdout};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;
use signal_hook::low_level;

use crate::action::Action;
use crate::app::App;
use crate::entities::Recogniser;
use crate::keymap::action_for_event;
use crate::store::Store;
use crate::ui::theme::Theme;

/// Signals that end the reader: the terminal is restored first.
const ENDING_SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

/// Runs the reader on `store` until the user quits.
///
/// SIGTERM, SIGHUP and SIGINT end it like `q` does, then the process exits
/// with status 128 + the signal's number, as a shell reports a process that
/// a signal killed. SIGTSTP (`kill -TSTP`) suspends it like `Ctrl-z`.
pub fn run(store: Store, recogniser: Recogniser, theme: Theme) -> io::Result<()> {
    // Before the terminal changes, so that a failure leaves it untouched and
    // no signal can arrive between the change and the loop that answers it.
    let mut signals = Signals::new(ENDING_SIGNALS.iter().chain([&SIGTSTP]))?;
    install_panic_hook();
    // ratatui's own hook (installed by `try_init`) leaves raw mode and the
    // alternate screen first, then calls ours, which undoes the rest.
    let mut reader = None;
    let result = ratatui::try_init().and_then(|mut terminal| {
        execute!(stdout(), EnableMouseCapture)?;
        let size = terminal.size()?;
        let app = reader.insert(App::new(
            store,
            recogniser,
            theme,
            Rect::new(0, 0, size.width, size.height),
        ));
        event_loop(&mut terminal, app, &mut signals)
    });
    restore();
    // The terminal comes back before the store is freed and the background
    // workers are stopped, which takes a moment on a large store.
    drop(reader);
    match result? {
        Ending::Quit => Ok(()),
        Ending::Signal(signal) => std::process::exit(128 + signal),
    }
}

/// Why the event loop stopped.
enum Ending {
    /// The user quit.
    Quit,
    /// A signal asked the process to end.
    Signal(i32),
}

/// How often the screen shows indexing progress.
const INDEX_TICK: Duration = Duration::from_millis(100);

/// How long the loop waits for input before it looks for signals again:
/// reading the terminal is not interrupted by them.
const SIGNAL_TICK: Duration = Duration::from_millis(150);

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    signals: &mut Signals,
) -> io::Result<Ending> {
    let mut redraw = true;
    loop {
        for signal in signals.pending() {
            if signal == SIGTSTP {
                app.update(Action::Suspend);
            } else {
                return Ok(Ending::Signal(signal));
            }
        }
        if app.should_quit {
            return Ok(Ending::Quit);
        }
        if app.should_suspend {
            app.should_suspend = false;
            suspend(terminal, app)?;
            redraw = true;
        }
        if redraw {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
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
            loop {
                apply(app, &event::read()?);
                if app.should_quit || app.should_suspend || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            redraw = true;
        }
        if busy {
            app.update(Action::IndexProgress);
        }
    }
}

fn apply(app: &mut App, event: &event::Event) {
    if let Some(action) = action_for_event(event, app.mode) {
        app.update(action);
    }
}

/// Gives the terminal back to the shell, stops the process, and when it is
/// continued takes the terminal again and redraws all of it.
fn suspend(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    restore();
    // SIGTSTP is caught (to restore the terminal first), so raising it
    // would only come back here; stop as its default action would.
    low_level::emulate_default_handler(SIGTSTP)?;
    // Continued. The shell may have reset the terminal's modes, and the
    // window may have changed size meanwhile.
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    let size = terminal.size()?;
    // Resizing clears the screen and forgets the last frame, so the next
    // draw writes every cell.
    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// Puts the terminal back as the shell had it. Every step is tried even if
/// one fails (as it may once the terminal has hung up): there is nothing
/// better to do, and no one to tell.
fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    // Raw mode first: leaving it has more side effects than leaving the
    // alternate screen.
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
}
