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
use newsdesk::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The fixture store with the fixture gazetteer, at `width`×`height`, with
/// the store-wide index complete.
pub fn app(width: u16, height: u16, theme: &Theme) -> App {
    let store = Store::from_json_str("store.json", include_str!("../fixtures/store.json"))
        .expect("fixture store parses");
    let gazetteer = Gazetteer::parse("gazetteer.json", include_str!("../fixtures/gazetteer.json"))
        .expect("fixture gazetteer parses");
    let mut app = App::new(
        store,
        Recogniser::new(gazetteer),
        *theme,
        Rect::new(0, 0, width, height),
    );
    // Screens must not depend on how far the worker got.
    app.index.wait();
    app
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

/// Draws `app` on a test terminal of its viewport's size.
pub fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.viewport.width, app.viewport.height))
        .expect("test backend");
    terminal
        .draw(|frame| frame.render_widget(app, frame.area()))
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
