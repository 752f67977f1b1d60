//! The terminal session: set-up, the event loop, and restoring the terminal
//! however the reader ends (quit, error or panic).

use std::io::{self, stdout};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::app::App;
use crate::entities::Recogniser;
use crate::keymap::action_for_event;
use crate::store::Store;
use crate::ui::theme::Theme;

/// Runs the reader on `store` until the user quits.
pub fn run(store: Store, recogniser: Recogniser, theme: Theme) -> io::Result<()> {
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
        event_loop(&mut terminal, app)
    });
    restore();
    // The terminal comes back before the store is freed and the background
    // workers are stopped, which takes a moment on a large store.
    drop(reader);
    result
}

/// How often the screen shows indexing progress.
const INDEX_TICK: Duration = Duration::from_millis(100);

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    while !app.should_quit {
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // Debug builds can be made to panic on demand, so that tests can
        // check the terminal is restored after a panic; release builds cannot.
        #[cfg(debug_assertions)]
        assert!(
            std::env::var_os("NEWSDESK_TEST_PANIC").is_none(),
            "panic requested by NEWSDESK_TEST_PANIC"
        );
        // While the store is being indexed, wake up now and then to show
        // its progress; otherwise sleep until the user does something.
        if !app.is_busy() || event::poll(INDEX_TICK)? {
            let first = event::read()?;
            apply(app, &first);
            // Take every event already waiting before drawing again, so a
            // held key never queues up frames behind it.
            while !app.should_quit && event::poll(Duration::ZERO)? {
                apply(app, &event::read()?);
            }
        }
        if app.is_busy() {
            app.update(crate::action::Action::IndexProgress);
        }
    }
    Ok(())
}

fn apply(app: &mut App, event: &event::Event) {
    if let Some(action) = action_for_event(event, app.mode) {
        app.update(action);
    }
}

fn restore() {
    // Errors are ignored: there is nothing better to do than try every step.
    let _ = execute!(stdout(), DisableMouseCapture, Show);
    ratatui::restore();
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, Show);
        previous(info);
    }));
}
