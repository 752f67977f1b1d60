//! The checks of values that have the right type but may mean nothing:
//! each refuses a value at the place it was written.

use std::path::{Path, PathBuf};

use toml::Spanned;

use super::raw::{KeyTable, OneOrMany, RawColors};
use super::{Colors, ConfigError, Key, color, key, place};
use crate::store::map::FieldMap;

/// The checks of values that have the right type, each refusing a value
/// at its place.
pub(super) struct Check<'a> {
    text: &'a str,
    path: &'a Path,
}

impl<'a> Check<'a> {
    /// Checks for `text`, read from `path`.
    pub(super) fn new(text: &'a str, path: &'a Path) -> Self {
        Self { text, path }
    }

    /// The error `message` at byte `at` of the text.
    pub(super) fn error(&self, at: usize, message: String) -> ConfigError {
        let (line, column) = place::line_and_column(self.text, at);
        ConfigError::Invalid {
            path: self.path.to_path_buf(),
            line,
            column,
            message,
        }
    }

    /// A store's path: `~/` made `home`, a relative path made relative to
    /// `dir`, the file's directory.
    pub(super) fn store(
        &self,
        store: &Spanned<String>,
        dir: &Path,
        home: Option<&Path>,
    ) -> Result<PathBuf, ConfigError> {
        let written = store.get_ref();
        let fail = |message: &str| Err(self.error(store.span().start, message.to_owned()));
        if written.is_empty() {
            return fail("a store path is empty");
        }
        if let Some(rest) = written.strip_prefix('~') {
            let Some(rest) = rest.strip_prefix('/').or(rest.is_empty().then_some("")) else {
                return fail("only `~/` is understood at the start of a path, not `~user`");
            };
            let Some(home) = home else {
                return fail("`~/` stands for the home directory, but HOME is not set");
            };
            return Ok(if rest.is_empty() {
                home.to_path_buf()
            } else {
                home.join(rest)
            });
        }
        Ok(dir.join(written))
    }

    /// The field map, or its error placed in the file.
    pub(super) fn map(&self, map: &Spanned<String>) -> Result<FieldMap, ConfigError> {
        FieldMap::parse(map.get_ref()).map_err(|error| {
            let index = error.column.saturating_sub(1);
            let at = place::offset_in_string(self.text, map.span(), index);
            self.error(at, format!("map: {}", error.message))
        })
    }

    /// `[keys]` in the file's order, each action one of `actions`, each key
    /// one [`Key::parse`] reads.
    pub(super) fn keys(
        &self,
        KeyTable(mut table): KeyTable,
        actions: &[&str],
    ) -> Result<Vec<(String, Vec<Key>)>, ConfigError> {
        // In the file's order, whatever order the table keeps.
        table.sort_by_key(|(action, _)| action.span().start);
        let mut rebound = Vec::with_capacity(table.len());
        for (action, names) in table {
            if !actions.contains(&action.get_ref().as_str()) {
                return Err(self.error(
                    action.span().start,
                    format!(
                        "unknown action {:?} (actions: {})",
                        action.get_ref(),
                        actions.join(", ")
                    ),
                ));
            }
            let keys = OneOrMany::into_items(names)
                .into_iter()
                .map(|name| {
                    Key::parse(name.get_ref()).ok_or_else(|| {
                        self.error(
                            name.span().start,
                            format!("unknown key {:?} ({})", name.get_ref(), key::KEY_NAMES_HINT),
                        )
                    })
                })
                .collect::<Result<_, _>>()?;
            rebound.push((action.into_inner(), keys));
        }
        Ok(rebound)
    }

    /// `[colors]`, each one [`color::parse`] reads.
    pub(super) fn colors(&self, raw: RawColors) -> Result<Colors, ConfigError> {
        let color = |written: Option<Spanned<color::Written>>| {
            written
                .map(|written| {
                    color::parse(written.get_ref())
                        .map_err(|message| self.error(written.span().start, message))
                })
                .transpose()
        };
        Ok(Colors {
            agency: color(raw.agency)?,
            outlet: color(raw.outlet)?,
            matched: color(raw.matched)?,
            selection: color(raw.selection)?,
            border: color(raw.border)?,
        })
    }
}
