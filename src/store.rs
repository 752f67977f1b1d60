//! The article store: loading articles from JSON, JSON Lines, plain text and
//! directories of such files, and merging them into one list, newest first.
//!
//! A file that cannot be read or parsed stops loading with a [`StoreError`]
//! naming the file and the place. An article that parses but breaks the schema
//! (no `body`, a `title` that is a number, …) is skipped and reported as a
//! [`Problem`], so one bad record never hides the rest of a store.

mod json;
mod published;
mod text;

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

pub use published::{DateError, Published};

/// The sample store compiled into the binary, opened when no path is given.
pub const SAMPLE_JSON: &str = include_str!("../assets/articles.json");

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: from the store, or derived from title and body.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Plain text; paragraphs are separated by blank lines.
    pub body: String,
    /// The outlet that published the article.
    pub source: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published.
    pub published: Option<Published>,
    /// Where it was published.
    pub url: Option<String>,
    /// Free-form labels.
    pub tags: Vec<String>,
}

impl Article {
    /// An article with only a title and a body; the id is derived from both.
    pub fn new(title: impl Into<String>, body: impl Into<String>) -> Self {
        let (title, body) = (title.into(), body.into());
        Self {
            id: derived_id(&title, &body),
            title,
            body,
            source: None,
            author: None,
            published: None,
            url: None,
            tags: Vec::new(),
        }
    }
}

/// A problem found in one article of a file that otherwise loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file the article came from.
    pub file: PathBuf,
    /// Position of the article in its file, counted from 0.
    pub index: usize,
    /// The article's `id`, when it has a usable one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
    /// Whether the article was left out of the store because of it.
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: article {}", self.file.display(), self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        write!(f, ": {}", self.message)?;
        if self.skipped {
            f.write_str(" [skipped]")?;
        }
        Ok(())
    }
}

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
}

/// Articles from one or more files, merged and sorted newest first.
#[derive(Debug, Clone, Default)]
pub struct Store {
    /// A short name for the status bar: the file name, or "sample".
    pub name: String,
    /// The articles, newest first; undated ones last, in file order.
    pub articles: Vec<Article>,
    /// Problems found in articles; skipped ones are not in `articles`.
    pub problems: Vec<Problem>,
}

impl Store {
    /// The sample store embedded in the binary.
    pub fn sample() -> Self {
        Self::from_json_str("sample", SAMPLE_JSON).unwrap_or_else(|err| Self {
            name: "sample".to_owned(),
            articles: Vec::new(),
            problems: vec![Problem {
                file: PathBuf::from("sample"),
                index: 0,
                id: None,
                message: format!("the embedded sample store is broken: {err}"),
                skipped: true,
            }],
        })
    }

    /// Parses a JSON store held in memory; `name` stands for the file in messages.
    pub fn from_json_str(name: &str, text: &str) -> Result<Self, StoreError> {
        let mut store = Self {
            name: name.to_owned(),
            ..Self::default()
        };
        json::parse_store(Path::new(name), text, &mut store)?;
        store.sort();
        Ok(store)
    }

    /// Loads and merges the stores at `paths`.
    pub fn load(paths: &[PathBuf]) -> Result<Self, StoreError> {
        let mut store = Self {
            name: store_name(paths),
            ..Self::default()
        };
        for path in paths {
            store.load_path(path, true)?;
        }
        store.sort();
        Ok(store)
    }

    /// Number of articles left out because of problems.
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }

    fn load_path(&mut self, path: &Path, top_level: bool) -> Result<(), StoreError> {
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
                self.load_path(entry, false)?;
            }
            return Ok(());
        }
        let format = Format::of(path).ok_or_else(|| StoreError::UnknownFormat {
            path: path.to_owned(),
        })?;
        let text = read_text(path)?;
        match format {
            Format::Json => json::parse_store(path, &text, self),
            Format::JsonLines => json::parse_lines(path, &text, self),
            Format::Text => {
                self.articles.push(text::parse_article(&text));
                Ok(())
            }
        }
    }

    /// Newest first; undated articles keep their file order after the dated ones.
    fn sort(&mut self) {
        // Sorting (date, place) pairs and moving each article once costs
        // far less than moving whole articles about while sorting them.
        let mut order: Vec<(std::cmp::Reverse<Option<i64>>, usize)> = self
            .articles
            .iter()
            .map(|a| std::cmp::Reverse(a.published.as_ref().map(Published::epoch_seconds)))
            .zip(0..)
            .collect();
        order.sort_unstable();
        if order.iter().enumerate().all(|(at, (_, from))| at == *from) {
            return;
        }
        let mut slots: Vec<Option<Article>> = self.articles.drain(..).map(Some).collect();
        self.articles
            .extend(order.iter().filter_map(|(_, from)| slots[*from].take()));
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    JsonLines,
    Text,
}

impl Format {
    fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            "txt" => Some(Self::Text),
            _ => None,
        }
    }
}

/// Reads a file as UTF-8, dropping a byte-order mark.
fn read_text(path: &Path) -> Result<String, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut text = String::from_utf8(bytes).map_err(|err| StoreError::Encoding {
        path: path.to_owned(),
        offset: err.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

fn store_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.file_name().map_or_else(
            || one.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        many => format!("{} stores", many.len()),
    }
}

/// A stable id from an article's content: FNV-1a over title and body, in hex.
///
/// FNV is used rather than `std`'s hasher because its output is fixed by
/// definition, so ids survive compiler upgrades and machines.
pub fn derived_id(title: &str, body: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let hash = title
        .bytes()
        .chain(std::iter::once(0))
        .chain(body.bytes())
        .fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        });
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsdesk-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn write(dir: &Path, name: &str, text: &[u8]) -> PathBuf {
        let path = dir.join(name);
        fs::File::create(&path).unwrap().write_all(text).unwrap();
        path
    }

    #[test]
    fn sample_store_loads_without_problems() {
        let store = Store::sample();
        assert!(store.problems.is_empty(), "{:?}", store.problems);
        assert!(store.articles.len() >= 15);
        assert!(store.articles.iter().all(|a| a.published.is_some()));
        assert!(store.articles.iter().all(|a| a.source.is_some()));
    }

    #[test]
    fn derived_ids_are_stable_and_content_based() {
        assert_eq!(derived_id("a", "b"), derived_id("a", "b"));
        assert_ne!(derived_id("ab", ""), derived_id("a", "b"));
        assert_eq!(derived_id("", ""), "af63bd4c8601b7df");
    }

    #[test]
    fn paths_merge_newest_first_with_undated_last() {
        let dir = temp_dir("merge");
        let a = write(
            &dir,
            "a.json",
            br#"[{"title":"old","body":"x","published":"2020-01-01"},
                 {"title":"undated","body":"y"}]"#,
        );
        let b = write(
            &dir,
            "b.jsonl",
            b"{\"title\":\"new\",\"body\":\"z\",\"published\":\"2024-05-05T10:00:00Z\"}\n",
        );
        let store = Store::load(&[a, b]).unwrap();
        let titles: Vec<_> = store.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["new", "old", "undated"]);
        assert_eq!(store.name, "2 stores");
    }

    #[test]
    fn directory_loads_known_files_in_name_order() {
        let dir = temp_dir("dir");
        write(&dir, "2.txt", b"Second\n\nbody two");
        write(&dir, "1.txt", b"\n\nFirst\nbody one");
        write(&dir, "notes.md", b"# not an article");
        fs::create_dir_all(dir.join("nested")).unwrap();
        write(&dir.join("nested"), "3.txt", b"Third\nbody");
        let store = Store::load(std::slice::from_ref(&dir)).unwrap();
        let titles: Vec<_> = store.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second"]);
    }

    #[test]
    fn missing_file_names_the_path() {
        let err = Store::load(&[PathBuf::from("/nonexistent/store.json")]).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }));
        assert!(
            err.to_string().starts_with("/nonexistent/store.json: "),
            "{err}"
        );
    }

    #[test]
    fn unknown_extension_is_refused() {
        let dir = temp_dir("ext");
        let path = write(&dir, "store.csv", b"a,b");
        let err = Store::load(&[path]).unwrap_err();
        assert!(matches!(err, StoreError::UnknownFormat { .. }), "{err}");
    }

    #[test]
    fn invalid_utf8_reports_byte_offset() {
        let dir = temp_dir("utf8");
        let path = write(&dir, "bad.txt", b"Title\nok \xff\xfe");
        let err = Store::load(&[path]).unwrap_err();
        assert!(
            matches!(err, StoreError::Encoding { offset: 9, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("byte 9"), "{err}");
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let dir = temp_dir("bom");
        let path = write(
            &dir,
            "bom.json",
            "\u{feff}[{\"title\":\"t\",\"body\":\"b\"}]".as_bytes(),
        );
        let store = Store::load(&[path]).unwrap();
        assert_eq!(store.articles.len(), 1);
    }

    #[test]
    fn problem_display_names_file_index_and_id() {
        let problem = Problem {
            file: PathBuf::from("s.json"),
            index: 3,
            id: Some("x1".into()),
            message: "missing field `body`".into(),
            skipped: true,
        };
        assert_eq!(
            problem.to_string(),
            "s.json: article 3 (id \"x1\"): missing field `body` [skipped]"
        );
    }
}
