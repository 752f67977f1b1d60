//! `newsdesk import`: gathering articles from files, directories and URLs
//! into one JSON Lines store in newsdesk's own format.
//!
//! Each source is read as the reader reads stores (any known shape, a feed,
//! a directory of them); a URL is fetched first ([`fetch`]). The articles
//! not yet in the store, by id or by URL, are then appended under the
//! store's lock ([`append`]), so two imports at once see each other's
//! articles and never add one twice. A source that fails adds nothing and
//! is reported; the others are still imported.

pub mod append;
pub mod fetch;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::store::{Article, Options, Store, StoreError};

/// Where articles come from: a file or directory, or an http(s) URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file or a directory of them.
    Path(PathBuf),
    /// A feed or a JSON API answer to fetch.
    Url(String),
}

impl Source {
    /// A source as the command line gives it: a URL when it starts with
    /// `http://` or `https://`, else a path.
    pub fn parse(text: &str) -> Self {
        let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            Self::Url(text.to_owned())
        } else {
            Self::Path(PathBuf::from(text))
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Path(path) => path.display().fmt(f),
            Self::Url(url) => f.write_str(url),
        }
    }
}

/// Why one source added nothing.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The URL could not be fetched.
    #[error("{url}: {error}")]
    Fetch {
        /// The URL.
        url: String,
        /// Why not.
        error: fetch::FetchError,
    },
    /// The file, or the answer, holds no store.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why nothing could be added to the store.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The store holds something that is not JSON Lines.
    #[error("{0}; import appends only to a JSON Lines store")]
    NotJsonLines(StoreError),
    /// The store holds JSON Lines of another tool's shape.
    #[error(
        "{}: it holds {shape} articles; import appends only to a JSON Lines store in \
         newsdesk's own format (newsdesk export writes one)",
        path.display()
    )]
    OtherShape {
        /// The store.
        path: PathBuf,
        /// Its shape.
        shape: String,
    },
    /// Reading or writing the store failed; it is as it was.
    #[error("{0}")]
    Io(std::io::Error),
}

/// What an import did.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles appended.
    pub added: usize,
    /// Articles the store had already (same id or same URL), or that came
    /// twice in the sources.
    pub already: usize,
    /// Articles the sources held that could not be read.
    pub skipped: usize,
    /// Sources that added nothing, and why.
    pub failed: Vec<SourceError>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "added {}, already there {}, skipped {}",
            self.added, self.already, self.skipped
        )
    }
}

/// How to import: how sources are loaded and fetched.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// How files and answers are read (size limit, field map).
    pub options: Options,
    /// Bounds on each fetch.
    pub limits: fetch::Limits,
}

impl Settings {
    /// Settings with a time limit for each fetch.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.limits.timeout = timeout;
        self
    }
}

/// Reads every source and appends to `into` the articles it does not have
/// yet. `each` is told of every source once it is read.
pub fn import(
    sources: &[Source],
    into: &Path,
    settings: &Settings,
    mut each: impl FnMut(&Source),
) -> Result<Report, ImportError> {
    let mut report = Report::default();
    let mut articles = Vec::new();
    for source in sources {
        match read(source, settings) {
            Ok(store) => {
                report.skipped += store.skipped();
                articles.extend(store.articles);
            }
            Err(err) => report.failed.push(err),
        }
        each(source);
    }
    let (added, already) = append::append_with(into, |existing| {
        let mut known = Known::of(into, existing)?;
        let mut lines = Vec::new();
        let mut already = 0;
        for article in &articles {
            if known.has(article) {
                already += 1;
                continue;
            }
            known.add(article);
            serde_json::to_writer(&mut lines, article)
                .map_err(|err| ImportError::Io(err.into()))?;
            lines.push(b'\n');
        }
        let added = articles.len() - already;
        Ok((lines, (added, already)))
    })
    .map_err(|err| match err {
        append::AppendError::Io(err) => ImportError::Io(err),
        append::AppendError::Refused(err) => err,
    })?;
    report.added = added;
    report.already = already;
    Ok(report)
}

/// The articles of one source.
fn read(source: &Source, settings: &Settings) -> Result<Store, SourceError> {
    match source {
        Source::Path(path) => Ok(Store::load_with(
            std::slice::from_ref(path),
            &settings.options,
        )?),
        Source::Url(url) => {
            // An answer is read within the same limit as a file.
            let limits = fetch::Limits {
                max_bytes: settings.options.max_bytes,
                ..settings.limits
            };
            let fetched = fetch::fetch(url, &limits).map_err(|error| SourceError::Fetch {
                url: url.clone(),
                error,
            })?;
            Ok(Store::from_bytes_with(
                Path::new(url),
                &fetched.body,
                &settings.options,
            )?)
        }
    }
}

/// The ids and URLs a store has.
struct Known {
    ids: HashSet<String>,
    urls: HashSet<String>,
}

impl Known {
    /// What the store at `path`, now holding `bytes`, has; an error if it
    /// is not a JSON Lines store in newsdesk's own format.
    fn of(path: &Path, bytes: &[u8]) -> Result<Self, ImportError> {
        let mut known = Self {
            ids: HashSet::new(),
            urls: HashSet::new(),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(known);
        }
        let store = Store::from_json_lines(path, bytes).map_err(ImportError::NotJsonLines)?;
        if let Some(file) = store.files.first()
            && file.shape != "newsdesk"
        {
            return Err(ImportError::OtherShape {
                path: path.to_owned(),
                shape: file.shape.clone(),
            });
        }
        for article in &store.articles {
            known.add(article);
        }
        Ok(known)
    }

    fn has(&self, article: &Article) -> bool {
        self.ids.contains(&article.id)
            || article
                .url
                .as_ref()
                .is_some_and(|url| self.urls.contains(url))
    }

    fn add(&mut self, article: &Article) {
        self.ids.insert(article.id.clone());
        if let Some(url) = &article.url {
            self.urls.insert(url.clone());
        }
    }
}
