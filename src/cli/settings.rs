//! The settings every command runs with: `config.toml` (or `--config`),
//! with the command line over it.

use std::path::PathBuf;

use super::Cli;
use super::exit::{EXIT_USAGE, Stop};
use crate::action::Action;
use crate::config::{self, Config};
use crate::keymap::Keymap;
use crate::layout::Arrangement;
use crate::store::Options;
use crate::store::map::FieldMap;
use crate::text::visible;
use crate::ui::theme::Theme;

/// The settings in effect for one run.
#[derive(Debug)]
pub(super) struct Settings {
    /// The settings file as read.
    pub(super) config: Config,
    /// How stores are loaded: the size limit, and the field map (the
    /// command line's fields over the file's).
    pub(super) options: Options,
    /// The keys in force.
    pub(super) keys: Keymap,
    /// Where what is derived from stores is cached; `None` with
    /// `--no-cache` or without a home for it.
    pub(super) cache: Option<crate::cache::Cache>,
}

impl Settings {
    /// Reads the settings file and lays the command line over it. A
    /// settings file that cannot be used stops newsdesk with exit 2.
    pub(super) fn read(cli: &Cli) -> Result<Self, Stop> {
        let names: Vec<&str> = Action::BINDABLE.iter().filter_map(|a| a.name()).collect();
        let config = config::load(cli.config.as_deref(), &names).map_err(|err| Stop {
            status: EXIT_USAGE,
            message: visible(&err.to_string()).into_owned(),
        })?;
        let keys = Keymap::rebound(config.keys.iter().map(|(name, keys)| {
            (
                name.as_str(),
                keys.iter().map(|key| (key.code, key.ctrl)).collect(),
            )
        }))
        .map_err(|message| Stop {
            status: EXIT_USAGE,
            message: format!("{}: {message}", shown_path(&config)),
        })?;
        let map = cli
            .map
            .iter()
            .fold(config.map.clone(), |merged: Option<FieldMap>, next| {
                Some(merged.map_or_else(|| next.clone(), |merged| merged.overlaid(next)))
            });
        Ok(Self {
            options: Options {
                max_bytes: cli.max_size,
                map,
            },
            keys,
            cache: (!cli.no_cache)
                .then(crate::cache::Cache::from_env)
                .flatten(),
            config,
        })
    }

    /// The stores to read when the command line names none: the settings'.
    pub(super) fn paths_or_stores(&self, paths: &[PathBuf]) -> Vec<PathBuf> {
        if paths.is_empty() {
            self.config.stores.clone()
        } else {
            paths.to_vec()
        }
    }

    /// The colours of the terminal's palette or none (`NO_COLOR`), with
    /// the settings' colours over them when colour is on.
    pub(super) fn theme(&self) -> Theme {
        let theme = Theme::from_env();
        if theme == crate::ui::theme::MONOCHROME {
            return theme;
        }
        theme.with_colors(&self.config.colors)
    }

    /// How the panes are arranged.
    pub(super) fn arrangement(&self) -> Arrangement {
        match self.config.layout {
            config::Layout::Auto => Arrangement::Auto,
            config::Layout::Columns => Arrangement::Columns,
            config::Layout::Stacked => Arrangement::Stacked,
        }
    }
}

fn shown_path(config: &Config) -> String {
    config.path.as_ref().map_or_else(
        || "config.toml".to_owned(),
        |path| visible(&path.display().to_string()).into_owned(),
    )
}

/// `newsdesk config`: the settings file's path (or where it would be),
/// then the settings in effect, defaults and keys included, as TOML.
pub(super) fn show(settings: &Settings) -> String {
    let path = settings
        .config
        .path
        .clone()
        .or_else(config::default_path)
        .map_or_else(
            || "(no settings file: HOME is not set)".to_owned(),
            |path| {
                let there = if path.exists() {
                    ""
                } else {
                    " (not there: these are the defaults)"
                };
                format!("{}{there}", path.display())
            },
        );
    let keys = settings.keys.bound();
    let config = settings
        .config
        .clone()
        .with_default_keys(keys.iter().map(|(name, keys)| {
            (
                *name,
                keys.iter()
                    .map(|&(code, ctrl)| config::Key { code, ctrl })
                    .collect(),
            )
        }));
    format!("# {path}\n{config}")
}
