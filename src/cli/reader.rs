//! Opening the reader: which stores (the command line's, the settings',
//! the last ones read, or the sample), what is remembered of them, and the
//! terminal.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use ratatui::layout::Rect;

use super::caching::{self, Opened};
use super::exit::Stop;
use super::recogniser;
use super::settings::Settings;
use crate::app::{App, Marks, Recalled};
use crate::state::{HistoryKind, State};
use crate::terminal::NoTerminal;

/// The remembered state, kept under `$XDG_DATA_HOME/newsdesk`; in memory
/// when there is no home to keep it in. Its warnings go to standard error.
pub(super) fn memory() -> State {
    let state = crate::state::default_dir().map_or_else(State::in_memory, |dir| State::open(&dir));
    let mut err = io::stderr().lock();
    for warning in state.warnings() {
        let _ = writeln!(err, "newsdesk: {warning}");
    }
    state
}

/// The marks kept so far, for commands that only read them: nothing is
/// created where there is no remembered state yet.
pub(super) fn marks() -> crate::state::Marks {
    let kept = crate::state::default_dir().filter(|dir| dir.join("state.db").exists());
    kept.map_or_else(crate::state::Marks::default, |_| memory().marks())
}

/// What to say when the reader cannot run for want of a terminal, with the
/// commands that do the same work without one.
fn no_terminal(missing: NoTerminal) -> String {
    format!(
        "the reader needs a terminal, but {missing}. Without one, `newsdesk list` \
         prints the articles, `newsdesk search QUERY` finds them and `newsdesk export` \
         writes them whole; `newsdesk --help` lists every command."
    )
}

/// The key the place in a set of stores is remembered by: their paths as
/// given, made absolute, one a line.
fn place_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "sample".to_owned();
    }
    paths
        .iter()
        .map(|path| std::path::absolute(path).unwrap_or_else(|_| path.clone()))
        .map(|path| path.display().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The stores to open: those on the command line; else the settings'; else
/// those read last time, where they all still are; else none (the sample).
fn stores(paths: &[PathBuf], settings: &Settings, memory: &State) -> Vec<PathBuf> {
    let given = settings.paths_or_stores(paths);
    if !given.is_empty() {
        return given;
    }
    memory
        .last_stores()
        .filter(|last| last.iter().all(|path| path.exists()))
        .unwrap_or_default()
}

pub(super) fn open(
    paths: &[PathBuf],
    gazetteer: Option<&Path>,
    settings: &Settings,
) -> Result<ExitCode, Stop> {
    // Asked before anything is remembered or the terminal touched: a reader
    // that cannot run leaves the remembered state as it was and writes no
    // escape code. The stores are still read, so that one that cannot be
    // used is reported as it is with a terminal (status 3 or 4).
    let missing = crate::terminal::check().err();
    let mut memory = if missing.is_some() {
        State::in_memory()
    } else {
        memory()
    };
    let paths = stores(paths, settings, &memory);
    let options = &settings.options;
    // The store loads before the terminal is touched, so that a store that
    // fails leaves the screen as it was, with one line saying why. The
    // recogniser's tables (a few milliseconds) are built on another core
    // meanwhile.
    let (recogniser, store) = std::thread::scope(|scope| {
        let recogniser = scope.spawn(|| recogniser(gazetteer, options.max_bytes));
        let store = caching::open(&paths, options, gazetteer, settings);
        let recogniser = recogniser
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (recogniser, store)
    });
    let (recogniser, (opened, keeper)) = (recogniser?, store?);
    if let Some(missing) = missing {
        return Err(Stop::usage(no_terminal(missing)));
    }
    if !paths.is_empty() {
        memory.save_last_stores(&paths);
    }
    let key = place_key(&paths);
    let recalled = Recalled {
        marks: Marks::from(&memory.marks()),
        finds: memory.history(HistoryKind::Find),
        searches: memory.history(HistoryKind::Search),
        place: memory
            .session(&key)
            .map(|session| (session.article, session.scroll)),
    };
    let warning = memory.warnings().first().cloned();
    let make_app = |viewport: Rect| {
        let mut app = match opened {
            Opened::Warm(warm) => App::from_warm(*warm, recogniser, viewport),
            Opened::Grown(grown) => {
                let warm = grown.extend(&recogniser);
                App::from_warm(warm, recogniser, viewport)
            }
            Opened::Cold(store) => App::new(store, recogniser, viewport),
        };
        if keeper.is_some() {
            app.keep_cache();
        }
        app.keys = settings.keys.clone();
        app.arrangement = settings.arrangement();
        app.recall(recalled);
        app.message = warning;
        app
    };
    let theme = settings.theme();
    crate::terminal::run(make_app, &theme, &mut memory, &key, keeper.as_ref())
        .map_err(|err| Stop::usage(format!("terminal: {err}")))?;
    Ok(ExitCode::SUCCESS)
}
