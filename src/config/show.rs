//! The settings in effect, written as a settings file.
//!
//! `newsdesk config` prints this: every setting, defaults included, in a
//! form that reads back to the same settings. What has no value (no map,
//! a colour left to the theme) is a comment, so the output is also a file
//! to start from.

use std::fmt;

use super::color::{self, Written};
use super::{Colors, Config};

impl fmt::Display for Config {
    /// The settings as TOML; [`super::parse`] reads them back to the same
    /// settings (but for [`Config::path`], and for store paths that are not
    /// UTF-8, which are shown with stand-ins).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let stores: Vec<_> = self
            .stores
            .iter()
            .map(|store| quoted(&store.to_string_lossy()))
            .collect();
        writeln!(f, "stores = [{}]", stores.join(", "))?;
        writeln!(f, "layout = {}", quoted(self.layout.name()))?;
        match &self.map {
            Some(map) => writeln!(f, "map = {}", quoted(&map.to_string()))?,
            None => writeln!(f, "# map: none")?,
        }
        writeln!(f, "\n[keys]")?;
        if self.keys.is_empty() {
            writeln!(f, "# none rebound")?;
        }
        for (action, keys) in &self.keys {
            let keys: Vec<_> = keys.iter().map(|key| quoted(&key.to_string())).collect();
            writeln!(f, "{} = [{}]", table_key(action), keys.join(", "))?;
        }
        writeln!(f, "\n[colors]")?;
        for (name, color) in entries(&self.colors) {
            match color.map(color::written) {
                Some(Written::Number(n)) => writeln!(f, "{name} = {n}")?,
                Some(Written::Text(text)) => writeln!(f, "{name} = {}", quoted(&text))?,
                None => writeln!(f, "# {name}: the theme's own")?,
            }
        }
        Ok(())
    }
}

fn entries(colors: &Colors) -> [(&'static str, Option<ratatui::style::Color>); 5] {
    [
        ("agency", colors.agency),
        ("outlet", colors.outlet),
        ("match", colors.matched),
        ("selection", colors.selection),
        ("border", colors.border),
    ]
}

/// `text` as a TOML string, escaped as TOML needs.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// `name` as a key of a TOML table: bare when TOML allows, else quoted.
fn table_key(name: &str) -> String {
    let bare = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if bare { name.to_owned() } else { quoted(name) }
}
