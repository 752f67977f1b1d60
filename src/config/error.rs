//! Why the settings file could not be used.

use std::fmt;
use std::path::PathBuf;

use crate::text::visible;

/// Why the settings file could not be used: newsdesk stops and prints this
/// one line.
#[derive(Debug)]
pub enum ConfigError {
    /// The file could not be read (a missing `--config` file, a
    /// directory, no permission).
    Read {
        /// The file, as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is larger than any settings file: it is not read.
    TooLarge {
        /// The file, as given.
        path: PathBuf,
        /// The most a settings file may hold, in bytes.
        limit: u64,
    },
    /// The file could be read but says something newsdesk does not take:
    /// bad TOML, an unknown setting, a value of the wrong type or one that
    /// means nothing.
    Invalid {
        /// The file, as given.
        path: PathBuf,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1, in characters.
        column: usize,
        /// What is wrong there.
        message: String,
    },
}

impl fmt::Display for ConfigError {
    /// `PATH:LINE:COLUMN: message` (or `PATH: message` when there is no
    /// place), on one line: text from the file is shown inert, its line
    /// breaks and escapes as stand-ins.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = match self {
            Self::Read { path, source } => format!("{}: {source}", path.display()),
            Self::TooLarge { path, limit } => format!(
                "{}: larger than {} KiB, too large for a settings file",
                path.display(),
                limit / 1024
            ),
            Self::Invalid {
                path,
                line,
                column,
                message,
            } => format!("{}:{line}:{column}: {message}", path.display()),
        };
        f.write_str(&visible(&line))
    }
}

impl std::error::Error for ConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Read { source, .. } => Some(source),
            Self::TooLarge { .. } | Self::Invalid { .. } => None,
        }
    }
}
