//! Fixtures shared by the integration tests.

#![allow(dead_code, reason = "each test binary uses a different part")]

pub mod sound;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsdesk::action::Action;
use newsdesk::app::App;
use newsdesk::entities::{Gazetteer, Recogniser};
use newsdesk::store::Store;
use newsdesk::ui::Screen;
use newsdesk::ui::theme::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use tempfile::TempDir;

/// The fixture store: four articles, the first (`raid`) naming Europol,
/// Eurojust and Halumu among others.
pub fn fixture_store() -> Store {
    Store::from_json_str("store.json", include_str!("../fixtures/store.json"))
        .expect("fixture store parses")
}

/// The fixture gazetteer, which knows the organisations of
/// [`fixture_store`].
pub fn fixture_gazetteer() -> Gazetteer {
    Gazetteer::parse("gazetteer.json", include_str!("../fixtures/gazetteer.json"))
        .expect("fixture gazetteer parses")
}

/// The store `json` (newsdesk's format), read as a file called `name`.
pub fn store_from(name: &str, json: &str) -> Store {
    Store::from_json_str(name, json).expect("the test store parses")
}

/// A reader over `store` that recognises the organisations of
/// `gazetteer`, at `width`×`height`; its organisation index may still be
/// building.
pub fn reader(store: Store, gazetteer: Gazetteer, width: u16, height: u16) -> App {
    App::new(
        store,
        Recogniser::new(gazetteer),
        Rect::new(0, 0, width, height),
    )
}

/// [`reader`], with the organisation index complete, so that screens do
/// not depend on how far the worker got.
pub fn indexed(store: Store, gazetteer: Gazetteer, width: u16, height: u16) -> App {
    let mut app = reader(store, gazetteer, width, height);
    app.index.wait();
    app
}

/// The fixture store with the fixture gazetteer, at `width`×`height`, with
/// the store-wide index complete.
pub fn app(width: u16, height: u16) -> App {
    indexed(fixture_store(), fixture_gazetteer(), width, height)
}

/// Moves the entities pane's selection to the organisation called `name`
/// in the opened article.
pub fn select_organisation(app: &mut App, name: &str) {
    app.update(Action::FocusEntities);
    let at = app
        .reading
        .as_ref()
        .expect("an article is open")
        .named
        .iter()
        .position(|n| n.name == name)
        .expect("the article names it");
    app.update(Action::GoTop);
    for _ in 0..at {
        app.update(Action::MoveDown);
    }
}

/// Draws `app` without colour (the look under `NO_COLOR`) on a test
/// terminal of its viewport's size.
pub fn draw(app: &App) -> Buffer {
    draw_in(app, &theme::MONOCHROME)
}

/// Draws `app` in `theme` on a test terminal of its viewport's size.
pub fn draw_in(app: &App, theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height))
        .expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(Screen::new(app, theme), frame.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer's text, one line per row, trailing spaces kept.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            (area.left()..area.right())
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The path of a file in `tests/fixtures`.
pub fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

/// The seed article shared with the project, when it is present beside the
/// repository. In CI it must be; elsewhere tests that need it say so and pass.
pub fn seed_path() -> Option<PathBuf> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_299bc78f29a02620.txt");
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the seed article is missing at {}",
        path.display()
    );
    eprintln!("seed article not found at {}: skipped", path.display());
    None
}

/// A new, empty temporary directory, removed with everything in it when
/// the value is dropped.
pub fn scratch_dir() -> TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// Writes `contents` to the file `name` in `dir`, and gives its path.
pub fn scratch_file(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("a scratch file written");
    path
}

/// A new, empty home directory for one run of the binary, under cargo's
/// temporary directory for tests: settings, remembered state and caches
/// go there, never to the user's own. Anyone may write it (a test may run
/// the binary as another user).
pub fn fresh_home() -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("homes")
        .join(format!("{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).expect("a home for the test");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777))
            .expect("the home is open to all");
    }
    home
}

/// The environment that puts `home`, and the XDG directories in it, in
/// place of the user's.
pub fn home_env(home: &Path) -> [(&'static str, PathBuf); 4] {
    [
        ("HOME", home.to_owned()),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_DATA_HOME", home.join("data")),
        ("XDG_CACHE_HOME", home.join("cache")),
    ]
}

/// The newsdesk binary, run in a fresh home.
pub fn newsdesk_command() -> Command {
    newsdesk_in(&fresh_home())
}

/// The newsdesk binary, run in `home` (to see what an earlier run there
/// left).
pub fn newsdesk_in(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsdesk"));
    command.envs(home_env(home));
    command
}
