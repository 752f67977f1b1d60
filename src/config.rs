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
//! `config/raw.rs`). A field map's own column is carried into the file's, through
//! any escapes in the string.
//!
//! The module only reads: no terminal, no global state. The environment
//! (`HOME`, `XDG_CONFIG_HOME`) is a parameter of [`load_in`] and
//! [`default_path_in`], so tests give their own.

mod color;
mod key;

pub use self::key::Key;
