//! Settings: `config.toml`, read and checked.
//!
//! The file lives at `$XDG_CONFIG_HOME/newsdesk/config.toml` (by default
//! `~/.config/newsdesk/config.toml`), or wherever `--config FILE` says:
//!
//! ```toml
//! stores = ["~/news/world.jsonl", "crawl"]   # opened when no path is given
//! layout = "auto"                            # auto | columns | stacked
//! map = "articles=data.items,body=story.text"
//!
//! [keys]                                     # an action's keys, replacing its own
//! down = ["j", "Down", "ctrl-n"]
//! quit = "q"
//!
//! [colors]                                   # a name, 0-255 or "#rrggbb"
//! agency = "light-red"
//! outlet = 33
//! ```
//!
//! Settings are few and mistakes in them are silent otherwise (a colour
//! that never shows, a key that does nothing), so the file is read
//! strictly: anything newsdesk does not know or cannot use stops it with
//! one line, `config.toml:3:9: unknown colour "redish" (…)`, that names the
//! place. serde refuses the wrong shapes, with toml's byte ranges turned
//! into lines and columns; the values are checked afterwards from
//! [`toml::Spanned`] copies that remember where each was written (see
//! `config/raw.rs`). A field map's own column is carried into the file's,
//! through any escapes in the string.
//!
//! The module only reads: no terminal, no global state. The environment
//! (`HOME`, `XDG_CONFIG_HOME`) is a parameter of [`load_in`] and
//! [`default_path_in`], so tests give their own.

mod check;
mod color;
mod error;
mod key;
mod place;
mod raw;
mod show;

use std::ffi::OsString;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use ratatui::style::Color;

use self::check::Check;
pub use self::error::ConfigError;
pub use self::key::Key;
use self::raw::{OneOrMany, RawConfig};
use crate::store::map::FieldMap;

/// The most a settings file may hold: anything larger is some other file.
pub const MAX_SIZE: u64 = 1024 * 1024;

/// The settings in effect: the file's, with defaults for what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The file read; `None` when there was none (the default file is
    /// missing), and every setting is its default.
    pub path: Option<PathBuf>,
    /// The stores opened when no path is given on the command line, in the
    /// order written: `~/` made the home directory, relative paths made
    /// relative to the file's directory. None by default.
    pub stores: Vec<PathBuf>,
    /// How the panes are arranged.
    pub layout: Layout,
    /// A field map for stores in shapes newsdesk does not know, as
    /// `--map` gives it.
    pub map: Option<FieldMap>,
    /// The actions the file rebinds, in the file's order, each with the
    /// keys that replace its own (none: the action has no key).
    pub keys: Vec<(String, Vec<Key>)>,
    /// The colours the file sets.
    pub colors: Colors,
}

/// How the panes are arranged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Chosen from the terminal's size.
    #[default]
    Auto,
    /// Side by side.
    Columns,
    /// One above the other.
    Stacked,
}

impl Layout {
    /// Every layout, in the order the error message lists them.
    pub const ALL: [Self; 3] = [Self::Auto, Self::Columns, Self::Stacked];

    /// The layout's name in the file.
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Columns => "columns",
            Self::Stacked => "stacked",
        }
    }

    fn named(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|layout| layout.name().eq_ignore_ascii_case(name))
    }
}

/// Colours the file sets; `None` keeps the theme's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Colors {
    /// Mentions of agencies.
    pub agency: Option<Color>,
    /// Mentions of outlets.
    pub outlet: Option<Color>,
    /// Find and search matches (`match` in the file).
    pub matched: Option<Color>,
    /// The selected row.
    pub selection: Option<Color>,
    /// Pane borders.
    pub border: Option<Color>,
}

impl Config {
    /// The keys the file gives `action`, if it rebinds it.
    pub fn keys_of(&self, action: &str) -> Option<&[Key]> {
        self.keys
            .iter()
            .find(|(named, _)| named == action)
            .map(|(_, keys)| keys.as_slice())
    }

    /// These settings with every action's keys: `defaults` in their order,
    /// each replaced by the file's keys where it rebinds the action, then
    /// any action the file rebinds that `defaults` lacks. For showing the
    /// settings in effect, built-in keys included.
    #[must_use]
    pub fn with_default_keys<'a>(
        mut self,
        defaults: impl IntoIterator<Item = (&'a str, Vec<Key>)>,
    ) -> Self {
        let mut keys: Vec<(String, Vec<Key>)> = defaults
            .into_iter()
            .map(|(action, keys)| {
                let keys = self.keys_of(action).map_or(keys, <[Key]>::to_vec);
                (action.to_owned(), keys)
            })
            .collect();
        let rest: Vec<_> = self
            .keys
            .drain(..)
            .filter(|(action, _)| !keys.iter().any(|(known, _)| known == action))
            .collect();
        keys.extend(rest);
        self.keys = keys;
        self
    }
}

/// Where the settings file is when `--config` does not say:
/// `$XDG_CONFIG_HOME/newsdesk/config.toml` if `XDG_CONFIG_HOME` is an
/// absolute path, else `$HOME/.config/newsdesk/config.toml`; `None` without
/// either.
pub fn default_path() -> Option<PathBuf> {
    default_path_in(|name| std::env::var_os(name))
}

/// [`default_path`] in the environment `env` gives (a variable's value by
/// its name).
pub fn default_path_in(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    // The XDG base directory rules say a relative path is to be ignored.
    let base = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .or_else(|| home(&env).map(|home| home.join(".config")))?;
    Some(base.join("newsdesk").join("config.toml"))
}

fn home(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    env("HOME")
        .filter(|home| !home.is_empty())
        .map(PathBuf::from)
}

/// Reads and checks the settings: from `path` (`--config`), or from
/// [`default_path`] when `None`, where a missing file means every default.
/// `actions` are the names of the actions `[keys]` may rebind.
pub fn load(path: Option<&Path>, actions: &[&str]) -> Result<Config, ConfigError> {
    load_in(path, actions, |name| std::env::var_os(name))
}

/// [`load`] in the environment `env` gives: `HOME` for `~/` and, with
/// `XDG_CONFIG_HOME`, the default path.
pub fn load_in(
    path: Option<&Path>,
    actions: &[&str],
    env: impl Fn(&str) -> Option<OsString>,
) -> Result<Config, ConfigError> {
    let home = home(&env);
    let (path, required) = match path {
        Some(path) => (path.to_path_buf(), true),
        None => match default_path_in(&env) {
            Some(path) => (path, false),
            None => return Ok(Config::default()),
        },
    };
    let bytes = match read_at_most(&path, MAX_SIZE) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            return Err(ConfigError::TooLarge {
                path,
                limit: MAX_SIZE,
            });
        }
        Err(error) if !required && error.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Config::default());
        }
        Err(source) => return Err(ConfigError::Read { path, source }),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let good = error.utf8_error().valid_up_to();
            let valid = String::from_utf8_lossy(&error.as_bytes()[..good]).into_owned();
            return Err(Check::new(&valid, &path).error(good, "not valid UTF-8 text".to_owned()));
        }
    };
    parse(&text, &path, actions, home.as_deref())
}

/// The file's bytes, or `None` if it holds more than `limit`.
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Checks the settings in `text` as if read from `path` (which places
/// relative store paths and names the file in errors). `home` stands for
/// `~`; `actions` are the names `[keys]` may rebind.
pub fn parse(
    text: &str,
    path: &Path,
    actions: &[&str],
    home: Option<&Path>,
) -> Result<Config, ConfigError> {
    // Editors do not show a byte-order mark, so columns are counted after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let check = Check::new(text, path);
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let at = error.span().map_or(0, |span| span.start);
        check.error(at, error.message().trim_end().to_owned())
    })?;
    // Relative store paths are made absolute now so that they keep
    // meaning the same when the settings are shown and read back.
    let dir = std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let stores = match raw.stores {
        Some(stores) => OneOrMany::into_items(stores)
            .into_iter()
            .map(|store| check.store(&store, &dir, home))
            .collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let layout = match raw.layout {
        Some(layout) => Layout::named(layout.get_ref()).ok_or_else(|| {
            check.error(
                layout.span().start,
                format!(
                    "unknown layout {:?} (auto, columns or stacked)",
                    layout.get_ref()
                ),
            )
        })?,
        None => Layout::default(),
    };
    let map = raw.map.map(|map| check.map(&map)).transpose()?;
    let keys = check.keys(raw.keys.unwrap_or_default(), actions)?;
    let colors = check.colors(raw.colors)?;
    Ok(Config {
        path: Some(path.to_path_buf()),
        stores,
        layout,
        map,
        keys,
        colors,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const ACTIONS: &[&str] = &["down", "up", "quit", "open-url"];

    fn read(text: &str) -> Result<Config, ConfigError> {
        parse(
            text,
            Path::new("/etc/nd/config.toml"),
            ACTIONS,
            Some(Path::new("/home/ann")),
        )
    }

    #[track_caller]
    fn error(text: &str) -> String {
        read(text).unwrap_err().to_string()
    }

    fn key(name: &str) -> Key {
        Key::parse(name).unwrap()
    }

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<OsString> + 'a {
        move |name| {
            vars.iter()
                .find(|(var, _)| *var == name)
                .map(|(_, value)| OsString::from(value))
        }
    }

    const FULL: &str = r##"
stores = ["~/news/world.jsonl", "/data/crawl", "crawl/local", "~"]
layout = "stacked"
map = "articles=data.items,body=story.text"

[keys]
quit = "q"
down = ["j", "Down", "ctrl-n"]
"open-url" = "o"
up = []

[colors]
agency = "light-red"
outlet = 33
match = "#ffcc00"
selection = "Blue"
border = "dark_gray"
"##;

    #[test]
    fn every_setting_is_read() {
        let config = read(FULL).unwrap();
        assert_eq!(
            config.path.as_deref(),
            Some(Path::new("/etc/nd/config.toml"))
        );
        assert_eq!(
            config.stores,
            [
                "/home/ann/news/world.jsonl",
                "/data/crawl",
                "/etc/nd/crawl/local",
                "/home/ann"
            ]
            .map(PathBuf::from)
        );
        assert_eq!(config.layout, Layout::Stacked);
        assert_eq!(
            config.map,
            Some(FieldMap::parse("articles=data.items,body=story.text").unwrap())
        );
        assert_eq!(
            config.keys,
            [
                ("quit".to_owned(), vec![key("q")]),
                (
                    "down".to_owned(),
                    vec![key("j"), key("Down"), key("ctrl-n")]
                ),
                ("open-url".to_owned(), vec![key("o")]),
                ("up".to_owned(), vec![]),
            ],
            "in the file's order"
        );
        assert_eq!(
            config.colors,
            Colors {
                agency: Some(Color::LightRed),
                outlet: Some(Color::Indexed(33)),
                matched: Some(Color::Rgb(0xff, 0xcc, 0)),
                selection: Some(Color::Blue),
                border: Some(Color::DarkGray),
            }
        );
        assert_eq!(config.keys_of("down").map(<[Key]>::len), Some(3));
        assert_eq!(config.keys_of("up"), Some(&[][..]));
        assert_eq!(config.keys_of("open"), None);
    }

    #[test]
    fn an_empty_file_is_every_default() {
        let config = read("").unwrap();
        assert_eq!(
            config,
            Config {
                path: Some(PathBuf::from("/etc/nd/config.toml")),
                ..Config::default()
            }
        );
        assert_eq!(config.layout, Layout::Auto);
    }

    #[test]
    fn layouts_are_named_in_any_case() {
        assert_eq!(
            read("layout = \"columns\"").unwrap().layout,
            Layout::Columns
        );
        assert_eq!(read("layout = \"Auto\"").unwrap().layout, Layout::Auto);
    }

    #[test]
    fn one_store_may_be_given_without_a_list() {
        let config = read("stores = \"~/news.jsonl\"").unwrap();
        assert_eq!(config.stores, [PathBuf::from("/home/ann/news.jsonl")]);
    }

    #[test]
    fn syntax_errors_give_their_place() {
        assert_eq!(
            error("stores = []\nlayout = \"auto\n"),
            "/etc/nd/config.toml:2:15: invalid basic string, expected `\"`"
        );
        assert_eq!(
            error("x = 1\nx = 2"),
            "/etc/nd/config.toml:2:1: duplicate key"
        );
    }

    #[test]
    fn unknown_settings_are_refused_at_their_name() {
        assert_eq!(
            error("stores = []\nlayout = \"auto\"\ncolour = 3\n"),
            "/etc/nd/config.toml:3:1: unknown field `colour`, expected one of `stores`, \
             `layout`, `map`, `keys`, `colors`"
        );
        assert_eq!(
            error("[colors]\nagency = 1\n  bordr = \"red\""),
            "/etc/nd/config.toml:3:3: unknown field `bordr`, expected one of `agency`, \
             `outlet`, `match`, `selection`, `border`"
        );
        assert_eq!(
            error("[keys]\ndown = \"j\"\ndwn = \"k\"\n"),
            "/etc/nd/config.toml:3:1: unknown action \"dwn\" (actions: down, up, quit, open-url)"
        );
    }

    #[test]
    fn bad_colours_are_refused_at_their_value() {
        let cases = [
            (
                "[colors]\nmatch = \"redish\"",
                "2:9: unknown colour \"redish\" (a name such as light-red, 0-255 or #rrggbb)",
            ),
            (
                "[colors]\noutlet = 256",
                "2:10: colour 256 is out of range (0-255)",
            ),
            (
                "[colors]\noutlet = -1",
                "2:10: colour -1 is out of range (0-255)",
            ),
            (
                "[colors]\nborder = \"#ffcc0\"",
                "2:10: bad colour \"#ffcc0\": `#` is followed by six hex digits (#rrggbb)",
            ),
            (
                "[colors]\nborder = true",
                "2:10: invalid type: boolean `true`, expected a colour: a name, 0-255 or \
                 \"#rrggbb\"",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(
                error(text),
                format!("/etc/nd/config.toml:{expected}"),
                "{text}"
            );
        }
    }

    #[test]
    fn bad_keys_are_refused_at_their_name() {
        let message = error("[keys]\ndown = [\"j\", \"Dwn\"]");
        assert!(
            message.starts_with("/etc/nd/config.toml:2:14: unknown key \"Dwn\" (a character, "),
            "{message}"
        );
        let message = error("[keys]\nquit = \"\"");
        assert!(
            message.starts_with("/etc/nd/config.toml:2:8: unknown key \"\""),
            "{message}"
        );
        assert_eq!(
            error("[keys]\ndown = [\"j\", 3]"),
            "/etc/nd/config.toml:2:14: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            error("keys = 3"),
            "/etc/nd/config.toml:1:8: invalid type: integer `3`, expected a table of actions \
             and their keys"
        );
    }

    #[test]
    fn values_of_the_wrong_type_are_refused_at_the_value() {
        assert_eq!(
            error("stores = 3"),
            "/etc/nd/config.toml:1:10: invalid type: integer `3`, expected a string or a list \
             of strings"
        );
        assert_eq!(
            error("stores = [\"a\", 3]"),
            "/etc/nd/config.toml:1:16: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            error("layout = 3"),
            "/etc/nd/config.toml:1:10: invalid type: integer `3`, expected a string"
        );
        assert_eq!(
            error("\nlayout = \"grid\""),
            "/etc/nd/config.toml:2:10: unknown layout \"grid\" (auto, columns or stacked)"
        );
        assert_eq!(
            error("colors = 3"),
            "/etc/nd/config.toml:1:10: invalid type: integer `3`, expected a table of colours"
        );
    }

    #[test]
    fn a_map_error_is_placed_where_the_map_goes_wrong() {
        let fields = "(fields: articles, id, title, body, source, author, published, url, tags)";
        // The map's column 12, after the quote at column 7.
        assert_eq!(
            error("map = \"articles=x,bdy=y\""),
            format!("/etc/nd/config.toml:1:19: map: unknown field `bdy` {fields}")
        );
        // Escapes are wider in the file than in the map.
        assert_eq!(
            error(r#"map = "source=\"W\",bdy=y""#),
            format!("/etc/nd/config.toml:1:21: map: unknown field `bdy` {fields}")
        );
        assert_eq!(
            error("layout = \"auto\"\nmap = '''\narticles=x,\n  bdy=y'''"),
            format!("/etc/nd/config.toml:4:3: map: unknown field `bdy` {fields}")
        );
        assert_eq!(
            error("map = \"title\""),
            "/etc/nd/config.toml:1:13: map: expected `=`, found the end"
        );
    }

    #[test]
    fn home_and_relative_store_paths() {
        let in_conf = parse(
            "stores = [\"a.jsonl\", \"../b\", \"~/c\"]",
            Path::new("conf/config.toml"),
            ACTIONS,
            Some(Path::new("/home/ann")),
        )
        .unwrap();
        let conf = std::env::current_dir().unwrap().join("conf");
        assert_eq!(
            in_conf.stores,
            [
                conf.join("a.jsonl"),
                conf.join("../b"),
                PathBuf::from("/home/ann/c")
            ]
        );
        assert_eq!(
            error("stores = [\"~bob/news\"]"),
            "/etc/nd/config.toml:1:11: only `~/` is understood at the start of a path, not `~user`"
        );
        assert_eq!(
            error("stores = [\"a\", \"\"]"),
            "/etc/nd/config.toml:1:16: a store path is empty"
        );
        let homeless = parse(
            "stores = [\"~/x\"]",
            Path::new("/etc/nd/config.toml"),
            ACTIONS,
            None,
        );
        assert_eq!(
            homeless.unwrap_err().to_string(),
            "/etc/nd/config.toml:1:11: `~/` stands for the home directory, but HOME is not set"
        );
    }

    #[test]
    fn errors_stay_on_one_line_and_show_file_text_inert() {
        let message = error("\"a\\nb\\u001b[2J\" = 1");
        assert!(!message.contains(['\n', '\u{1b}']), "{message:?}");
        assert!(
            message.starts_with("/etc/nd/config.toml:1:1: unknown field `a␊b␛[2J`"),
            "{message}"
        );
    }

    #[test]
    fn columns_are_counted_after_a_byte_order_mark() {
        let message = error("\u{feff}colour = 1");
        assert!(
            message.starts_with("/etc/nd/config.toml:1:1: "),
            "{message}"
        );
    }

    #[test]
    fn the_default_path_follows_xdg_then_home() {
        let path = |vars: &[(&str, &str)]| default_path_in(env(vars));
        assert_eq!(
            path(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/home/ann")]),
            Some(PathBuf::from("/x/newsdesk/config.toml"))
        );
        assert_eq!(
            path(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/home/ann")]),
            Some(PathBuf::from("/home/ann/.config/newsdesk/config.toml")),
            "a relative XDG_CONFIG_HOME is ignored"
        );
        assert_eq!(
            path(&[("XDG_CONFIG_HOME", ""), ("HOME", "/home/ann")]),
            Some(PathBuf::from("/home/ann/.config/newsdesk/config.toml"))
        );
        assert_eq!(path(&[("HOME", "")]), None);
        assert_eq!(path(&[]), None);
    }

    #[test]
    fn a_missing_default_file_means_every_default() {
        let dir = tempfile::tempdir().unwrap();
        let xdg = dir.path().to_str().unwrap();
        let config = load_in(None, ACTIONS, env(&[("XDG_CONFIG_HOME", xdg)])).unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(load_in(None, ACTIONS, env(&[])).unwrap(), Config::default());
    }

    #[test]
    fn the_default_file_is_read_with_home_for_tilde() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(".config/newsdesk/config.toml");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, "stores = [\"~/news.jsonl\"]\n").unwrap();
        let home = dir.path().to_str().unwrap();
        let config = load_in(None, ACTIONS, env(&[("HOME", home)])).unwrap();
        assert_eq!(config.path, Some(file));
        assert_eq!(config.stores, [dir.path().join("news.jsonl")]);
    }

    #[test]
    fn a_missing_config_file_given_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("none.toml");
        let error = load_in(Some(&file), ACTIONS, env(&[])).unwrap_err();
        assert!(
            matches!(&error, ConfigError::Read { source, .. }
                if source.kind() == std::io::ErrorKind::NotFound),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}: ", file.display())),
            "{error}"
        );
    }

    #[test]
    fn a_file_that_is_not_utf8_is_refused_at_the_bad_byte() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        std::fs::write(&file, b"layout = \"auto\"\nmap = \"\xff\"\n").unwrap();
        let error = load_in(Some(&file), ACTIONS, env(&[])).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("{}:2:8: not valid UTF-8 text", file.display())
        );
    }

    #[test]
    fn a_huge_file_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("config.toml");
        let size = usize::try_from(MAX_SIZE).unwrap();
        std::fs::write(&file, " ".repeat(size)).unwrap();
        assert!(
            load_in(Some(&file), ACTIONS, env(&[])).is_ok(),
            "the limit itself is fine"
        );
        std::fs::write(&file, " ".repeat(size + 1)).unwrap();
        assert!(matches!(
            load_in(Some(&file), ACTIONS, env(&[])),
            Err(ConfigError::TooLarge { .. })
        ));
    }

    #[test]
    fn the_settings_shown_read_back_the_same() {
        let mut config = read(FULL).unwrap();
        config
            .keys
            .push(("open url".to_owned(), vec![key("\""), key("\\")]));
        config.colors.border = None;
        let shown = config.to_string();
        let actions = ["down", "up", "quit", "open-url", "open url"];
        let again = parse(&shown, Path::new("/elsewhere/config.toml"), &actions, None).unwrap();
        assert_eq!(
            Config {
                path: None,
                ..again
            },
            Config {
                path: None,
                ..config
            },
            "{shown}"
        );

        let defaults = Config::default();
        let again = read(&defaults.to_string()).unwrap();
        assert_eq!(
            again,
            Config {
                path: again.path.clone(),
                ..defaults
            }
        );
    }

    #[test]
    fn the_settings_are_shown_as_a_file_to_start_from() {
        let config = read("layout = \"columns\"\n[keys]\ndown = \"C-n\"\n[colors]\noutlet = 33")
            .unwrap()
            .with_default_keys([("up", vec![key("k")]), ("down", vec![key("j")])]);
        assert_eq!(
            config.to_string(),
            "stores = []\nlayout = \"columns\"\n# map: none\n\n\
             [keys]\nup = [\"k\"]\ndown = [\"ctrl-n\"]\n\n\
             [colors]\n# agency: the theme's own\noutlet = 33\n# match: the theme's own\n\
             # selection: the theme's own\n# border: the theme's own\n"
        );
        assert!(
            Config::default()
                .to_string()
                .contains("[keys]\n# none rebound\n")
        );
    }

    #[test]
    fn default_keys_fill_in_only_what_the_file_leaves_out() {
        let config = read("[keys]\nquit = \"x\"\ndown = []")
            .unwrap()
            .with_default_keys([("up", vec![key("k")]), ("down", vec![key("j")])]);
        assert_eq!(
            config.keys,
            [
                ("up".to_owned(), vec![key("k")]),
                ("down".to_owned(), vec![]),
                ("quit".to_owned(), vec![key("x")]),
            ]
        );
    }

    proptest! {
        #[test]
        fn any_text_is_read_or_refused_on_one_line_at_a_place_in_it(
            text in "(stores = |layout = |map = |\\[keys\\]|\\[colors\\]|down = |agency = |match = |\
                      \"|'''|'|\\[|\\]|, |\n|~/|~|=|articles=|\\$\\.|\\\\u00e9|\\\\|#ffcc00|300|\
                      ctrl-|Enter|\\PC|\\p{Cc}){0,30}",
        ) {
            if let Err(error) = read(&text) {
                let message = error.to_string();
                prop_assert!(!message.contains('\n'), "{message:?}");
                let ConfigError::Invalid { line, column, .. } = error else {
                    return Err(TestCaseError::fail(format!("{error:?}")));
                };
                let lines: Vec<&str> = text.split('\n').collect();
                prop_assert!(line >= 1 && line <= lines.len(), "{message}");
                prop_assert!(
                    column >= 1 && column <= lines[line - 1].chars().count() + 1,
                    "{message}"
                );
            }
        }
    }
}
