//! Loading files into a store: directories, formats, the byte budget, and
//! where each article came from.

use std::fs;
use std::path::{Path, PathBuf};

use super::file::{self, Budget};
use super::{Article, Format, Problem, Store, StoreError, json, text};

/// A store being loaded, with what loading needs besides the articles.
pub(super) struct Loading {
    pub(super) store: Store,
    /// Where each article in `store.articles` came from, in the same order.
    pub(super) origins: Vec<Origin>,
    /// The files read so far; `Origin::file` indexes them.
    pub(super) files: Vec<PathBuf>,
    pub(super) budget: Budget,
    /// Errors set aside so that loading goes on; `None` stops at the first.
    pub(super) errors: Option<Vec<StoreError>>,
}

/// The file an article came from and its position there, from 0.
#[derive(Debug, Clone, Copy)]
pub(super) struct Origin {
    pub(super) file: usize,
    pub(super) index: usize,
}

impl Loading {
    /// An empty store named `name`, taking at most `max_bytes` of files;
    /// with `go_on`, a file that fails is set aside and loading goes on.
    pub(super) fn new(name: String, max_bytes: u64, go_on: bool) -> Self {
        Self {
            store: Store {
                name,
                ..Store::default()
            },
            origins: Vec::new(),
            files: Vec::new(),
            budget: Budget {
                used: 0,
                limit: max_bytes,
            },
            errors: go_on.then(Vec::new),
        }
    }

    /// Keeps `err` to report later, or hands it back to stop loading.
    pub(super) fn set_aside(&mut self, err: StoreError) -> Result<(), StoreError> {
        match &mut self.errors {
            Some(errors) => {
                errors.push(err);
                Ok(())
            }
            None => Err(err),
        }
    }

    /// Loads a file, or the store files directly in a directory given on
    /// the command line (a directory inside one is passed over).
    pub(super) fn load_path(&mut self, path: &Path, top_level: bool) -> Result<(), StoreError> {
        let io = |source| StoreError::Io {
            path: path.to_owned(),
            source,
        };
        let metadata = fs::metadata(path).map_err(io)?;
        if metadata.is_dir() {
            if !top_level {
                return Ok(());
            }
            let mut entries = fs::read_dir(path)
                .map_err(io)?
                .map(|entry| entry.map(|e| e.path()))
                .collect::<Result<Vec<_>, _>>()
                .map_err(io)?;
            entries.sort();
            for entry in entries.iter().filter(|p| Format::of(p).is_some()) {
                if let Err(err) = self.load_path(entry, false) {
                    self.set_aside(err)?;
                }
            }
            return Ok(());
        }
        if !metadata.is_file() {
            return Err(StoreError::NotAFile {
                path: path.to_owned(),
                kind: file::kind_of(&metadata),
            });
        }
        let format = Format::of(path).ok_or_else(|| StoreError::UnknownFormat {
            path: path.to_owned(),
        })?;
        let (bytes, size) = file::read_bytes(path, self.budget)?;
        self.budget.used = self.budget.used.saturating_add(size);
        self.parse_bytes(path, format, bytes)
    }

    /// Reads the bytes of a file at `path` (which only names it) as a store
    /// of `format`.
    pub(super) fn parse_bytes(
        &mut self,
        path: &Path,
        format: Format,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        let text = file::decode(path, bytes)?;
        if text.trim().is_empty() {
            return Err(StoreError::Empty {
                path: path.to_owned(),
            });
        }
        self.begin_file(path);
        match format {
            Format::Json => json::parse_store(path, &text, self),
            Format::JsonLines => json::parse_lines(path, &text, self),
            Format::Text => {
                self.push(text::parse_article(&text), 0);
                Ok(())
            }
        }
    }

    /// Marks the start of a file, so that the articles that follow are
    /// known to come from it.
    pub(super) fn begin_file(&mut self, path: &Path) {
        self.files.push(path.to_owned());
    }

    /// Adds an article, the `index`th of the file being read.
    pub(super) fn push(&mut self, article: Article, index: usize) {
        self.store.articles.push(article);
        self.origins.push(Origin {
            file: self.files.len().saturating_sub(1),
            index,
        });
    }

    /// Adds a problem with the `index`th article of the file being read.
    pub(super) fn problem(
        &mut self,
        index: usize,
        id: Option<String>,
        message: String,
        skipped: bool,
    ) {
        self.store.problems.push(Problem {
            file: self.files.last().cloned().unwrap_or_default(),
            index,
            id,
            message,
            skipped,
        });
    }

    /// Forgets everything read from the file being read.
    pub(super) fn roll_back(&mut self, articles: usize, problems: usize) {
        self.store.articles.truncate(articles);
        self.origins.truncate(articles);
        self.store.problems.truncate(problems);
    }

    pub(super) fn finish(mut self) -> Store {
        self.store.sort();
        self.store
    }
}
