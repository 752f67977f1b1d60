//! Why a store could not be loaded, and the two kinds of failure.

use std::fmt::Write as _;
use std::path::PathBuf;

/// Why a store could not be loaded at all.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{}: byte {offset}: not valid UTF-8 text", path.display())]
    Encoding {
        /// The file.
        path: PathBuf,
        /// Offset of the first byte that is not UTF-8.
        offset: usize,
    },
    /// The file is not valid JSON, or its top level is not a store.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What was expected there.
        message: String,
    },
    /// The path names neither a store file nor a directory of them.
    #[error("{}: not a store (expected a .json, .jsonl or .txt file, or a directory)", path.display())]
    UnknownFormat {
        /// The path given.
        path: PathBuf,
    },
    /// The path is a named pipe, a device or a socket (or a directory where
    /// a file is needed): reading it could block forever or never end.
    #[error("{}: {kind}, not a regular file", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
        /// What it is instead, in words ("a named pipe (FIFO)").
        kind: &'static str,
    },
    /// The file holds nothing but white space.
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A JSON object in no shape newsdesk knows.
    #[error(
        "{}: a JSON object in no shape newsdesk knows (its keys: {}); \
         `newsdesk check --shapes` lists the shapes, and --map says where the articles are",
        path.display(),
        if keys.is_empty() { "none".to_owned() } else { keys.join(", ") }
    )]
    UnknownShape {
        /// The file.
        path: PathBuf,
        /// The object's keys.
        keys: Vec<String>,
    },
    /// A path of the user's field map that matches nothing in the file.
    #[error("{}: {message}", path.display())]
    Map {
        /// The file.
        path: PathBuf,
        /// Which path, and the keys there were where it ended.
        message: String,
    },
    /// The file would take the stores read over the byte limit.
    #[error("{}: {}", path.display(), too_large(*size, *before, *limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes (or as much of it as was read, when it grew).
        size: u64,
        /// Bytes of the stores read before it.
        before: u64,
        /// The most bytes all stores together may hold.
        limit: u64,
    },
    /// The file is XML but not an RSS or Atom feed that can be read, and
    /// there is no one place in it to point at.
    #[error("{}: {message}", path.display())]
    Feed {
        /// The file.
        path: PathBuf,
        /// What is wrong, on one line.
        message: String,
    },
}

/// The two kinds of [`StoreError`], which the command line tells apart by
/// exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The file could not be read: missing, forbidden, not a regular file,
    /// or not named as a store.
    Unreadable,
    /// The file was read but is not a store: not UTF-8, not valid JSON,
    /// nested too deeply, empty or too large.
    Malformed,
}

impl StoreError {
    /// Whether the file could not be read or did not hold a store.
    pub fn failure(&self) -> Failure {
        match self {
            Self::Io { .. } | Self::UnknownFormat { .. } | Self::NotAFile { .. } => {
                Failure::Unreadable
            }
            Self::Encoding { .. }
            | Self::Syntax { .. }
            | Self::Empty { .. }
            | Self::UnknownShape { .. }
            | Self::Map { .. }
            | Self::TooLarge { .. }
            | Self::Feed { .. } => Failure::Malformed,
        }
    }
}

fn too_large(size: u64, before: u64, limit: u64) -> String {
    let mut said = human(size);
    if size >= 1024 {
        let _ = write!(said, " ({size} bytes)");
    }
    if before == 0 {
        said.push_str(" is");
    } else {
        let total = human(before.saturating_add(size));
        let _ = write!(said, " would bring the stores read to {total},");
    }
    format!("{said} more than the limit of {}", human(limit))
}

/// A byte count in the largest binary unit that keeps it at 1 or more.
pub(super) fn human(bytes: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut unit = 0;
    let mut scaled = bytes;
    while scaled >= 1024 && unit + 1 < UNITS.len() {
        scaled /= 1024;
        unit += 1;
    }
    if unit == 0 {
        return format!("{bytes} bytes");
    }
    if bytes.is_multiple_of(1 << (10 * unit)) {
        return format!("{scaled} {}", UNITS[unit]);
    }
    #[expect(
        clippy::cast_precision_loss,
        reason = "one decimal of a size needs no more than f64's 52 bits"
    )]
    let value = bytes as f64 / 1024_f64.powi(i32::try_from(unit).unwrap_or(0));
    format!("{value:.1} {}", UNITS[unit])
}
