//! The article store: loading articles from JSON, JSON Lines, plain text and
//! directories of such files, and merging them into one list, newest first.
//!
//! A file that cannot be read or parsed stops loading with a [`StoreError`]
//! naming the file and the place. An article that parses but breaks the schema
//! (no `body`, a `title` that is a number, …) is skipped and reported as a
//! [`Problem`], so one bad record never hides the rest of a store.
//!
//! Stores are only ever opened for reading. Only regular files are read (a
//! named pipe or a device is refused before it is opened), and all the files
//! of one load together may hold at most a given number of bytes
//! ([`DEFAULT_MAX_BYTES`] unless told otherwise), since loading takes about
//! twice a store's size in memory.

mod body;
mod convert;
mod duplicates;
mod error;
mod export;
mod feed;
mod file;
mod html;
mod json;
mod loading;
pub mod map;
mod project;
mod published;
mod reading;
pub mod shape;
mod skip;
mod text;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use body::{Body, Source};
pub use error::{Failure, StoreError};
use file::Budget;
use loading::Loading;
pub use loading::Progress;
use map::{Field, FieldMap};
pub use published::{DateError, Published};

/// The sample store compiled into the binary, opened when no path is given.
pub const SAMPLE_JSON: &str = include_str!("../assets/articles.json");

/// The most bytes the files of one load may hold together unless told
/// otherwise: 1 GiB, which takes about 2.1 GiB of memory while it loads.
pub const DEFAULT_MAX_BYTES: u64 = 1 << 30;

/// One news article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable identifier: from the store, or derived from title and body.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Plain text; paragraphs are separated by blank lines. Read from the
    /// store file when needed (see [`Body`]).
    pub body: Body,
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
        let (title, body): (String, String) = (title.into(), body.into());
        Self {
            id: derived_id(None, &title, &body),
            title,
            body: Body::held(body),
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

/// Articles from one or more files, merged and sorted newest first.
#[derive(Debug, Clone, Default)]
pub struct Store {
    /// A short name for the status bar: the file name, or "sample".
    pub name: String,
    /// The articles, newest first; undated ones last, in file order.
    pub articles: Vec<Article>,
    /// Problems found in articles; skipped ones are not in `articles`.
    pub problems: Vec<Problem>,
    /// What was read from each file, in the order read.
    pub files: Vec<FileReport>,
}

/// What was read from one file: its shape, and what it lacked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileReport {
    /// The file.
    pub path: PathBuf,
    /// The shape it was read as (`newsapi`, `rss`, `text`, …).
    pub shape: String,
    /// Articles kept.
    pub articles: usize,
    /// Articles left out.
    pub skipped: usize,
    /// Why the first article left out was (", and more" when others were
    /// left out for other reasons).
    pub skip_reason: Option<String>,
    /// Fields the shape reads that no kept article had.
    pub never_found: Vec<Field>,
    /// Fields the shape does not read at all.
    pub unmapped: Vec<Field>,
}

/// How to load stores: how much may be read, and the user's field map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The most bytes the files of one load may hold together.
    pub max_bytes: u64,
    /// Paths for fields, laid over every shape (`--map`).
    pub map: Option<FieldMap>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            map: None,
        }
    }
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
            files: Vec::new(),
        })
    }

    /// Parses a JSON store held in memory; `name` stands for the file in messages.
    pub fn from_json_str(name: &str, text: &str) -> Result<Self, StoreError> {
        let mut loading = Loading::new(name.to_owned(), u64::MAX, None, false);
        loading.read_text(Path::new(name), text, Some(loading::Holds::Json), None)?;
        Ok(loading.finish())
    }

    /// Reads a store held in memory as if it were the file `path`: the
    /// same checks and messages as a file on disk, without the disk.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, StoreError> {
        Self::from_bytes_with(path, bytes, &Options::default())
    }

    /// Like [`Store::from_bytes`], with a field map.
    pub fn from_bytes_with(
        path: &Path,
        bytes: &[u8],
        options: &Options,
    ) -> Result<Self, StoreError> {
        let mut loading = Loading::new(
            path.display().to_string(),
            u64::MAX,
            options.map.clone(),
            false,
        );
        loading.parse_bytes(path, bytes.to_vec())?;
        Ok(loading.finish())
    }

    /// Reads `bytes`, the contents of the file `path`, as JSON Lines
    /// whatever the file's name.
    pub fn from_json_lines(path: &Path, bytes: &[u8]) -> Result<Self, StoreError> {
        let mut loading = Loading::new(path.display().to_string(), u64::MAX, None, false);
        loading.parse_json_lines(path, bytes.to_vec())?;
        Ok(loading.finish())
    }

    /// Loads and merges the stores at `paths`, up to [`DEFAULT_MAX_BYTES`].
    pub fn load(paths: &[PathBuf]) -> Result<Self, StoreError> {
        Self::load_with(paths, &Options::default())
    }

    /// Loads and merges the stores at `paths`, refusing to read more than
    /// `max_bytes` of files in all.
    pub fn load_within(paths: &[PathBuf], max_bytes: u64) -> Result<Self, StoreError> {
        Self::load_with(
            paths,
            &Options {
                max_bytes,
                map: None,
            },
        )
    }

    /// Loads and merges the stores at `paths` as `options` say.
    pub fn load_with(paths: &[PathBuf], options: &Options) -> Result<Self, StoreError> {
        let mut loading = Loading::new(
            store_name(paths),
            options.max_bytes,
            options.map.clone(),
            false,
        );
        for path in paths {
            loading.load_path(path)?;
        }
        Ok(loading.finish())
    }

    /// Like [`Store::load_with`], telling `watch` how far loading has got
    /// every thousand articles or so and after each file.
    pub fn load_watched(
        paths: &[PathBuf],
        options: &Options,
        watch: Box<dyn FnMut(Progress)>,
    ) -> Result<Self, StoreError> {
        let mut loading = Loading::new(
            store_name(paths),
            options.max_bytes,
            options.map.clone(),
            false,
        )
        .watched(watch);
        for path in paths {
            loading.load_path(path)?;
        }
        Ok(loading.finish())
    }

    /// Loads what it can of the stores at `paths` for a report: a file that
    /// fails gives its error and loading goes on with the next, and every
    /// article whose id another article already has is added as a problem
    /// (both articles are kept).
    pub fn check(paths: &[PathBuf], options: &Options) -> (Self, Vec<StoreError>) {
        let mut loading = Loading::new(
            store_name(paths),
            options.max_bytes,
            options.map.clone(),
            true,
        );
        for path in paths {
            if let Err(err) = loading.load_path(path) {
                loading.errors.get_or_insert_with(Vec::new).push(err);
            }
        }
        let duplicates = loading.duplicate_ids();
        loading.store.problems.extend(duplicates);
        let errors = loading.errors.take().unwrap_or_default();
        (loading.finish(), errors)
    }

    /// Number of articles left out because of problems.
    pub fn skipped(&self) -> usize {
        self.problems.iter().filter(|p| p.skipped).count()
    }

    /// Newest first; undated articles keep their file order after the dated ones.
    fn sort(&mut self) {
        let order = order_of(&self.articles);
        if order.iter().enumerate().all(|(at, from)| at == *from) {
            return;
        }
        self.articles = reordered(std::mem::take(&mut self.articles), &order);
    }

    /// Reads the JSON Lines appended to the file at `path`, whose whole text
    /// (mapped) is `source`, from byte `from` on: the articles of those
    /// lines, newest first, with bodies left in the file.
    pub fn read_appended(
        path: &Path,
        source: &Arc<Source>,
        from: usize,
        options: &Options,
    ) -> Result<Self, StoreError> {
        let tail = source.bytes().get(from..).unwrap_or_default();
        let tail = std::str::from_utf8(tail).map_err(|err| StoreError::Encoding {
            path: path.to_owned(),
            offset: from + err.valid_up_to(),
        })?;
        let mut loading = Loading::new(
            store_name(&[path.to_owned()]),
            u64::MAX,
            options.map.clone(),
            false,
        );
        loading.read_text(path, tail, Some(loading::Holds::JsonLines), Some(source))?;
        Ok(loading.finish())
    }
}

/// Gives back the memory of the mapped files that hold the bodies of
/// `articles`, once they have been read (by an index or a scan that reads
/// every body): what is needed again is read from the files again. Called
/// every few hundred articles, it keeps a large store's text on disk
/// whatever the order the articles are read in.
pub fn release_bodies(articles: &[Article]) {
    let mut released: Vec<*const Source> = Vec::new();
    for article in articles {
        if let Some((source, _)) = article.body.place() {
            let source: &Source = source;
            if !released.contains(&std::ptr::from_ref(source)) {
                released.push(source);
                source.release(0..source.bytes().len());
            }
        }
    }
}

/// Sorts `articles`, each with its `payload`, as a store's are: newest first,
/// undated after the dated ones in the order given.
pub fn sort_with<T>(articles: Vec<Article>, payload: Vec<T>) -> (Vec<Article>, Vec<T>) {
    let order = order_of(&articles);
    (reordered(articles, &order), reordered(payload, &order))
}

/// Where each article goes, newest first: the place each comes from.
fn order_of(articles: &[Article]) -> Vec<usize> {
    // Sorting (date, place) pairs and moving each article once costs far
    // less than moving whole articles about while sorting them.
    let mut order: Vec<(std::cmp::Reverse<Option<i64>>, usize)> = articles
        .iter()
        .map(|a| std::cmp::Reverse(a.published.as_ref().map(Published::epoch_seconds)))
        .zip(0..)
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, from)| from).collect()
}

fn reordered<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|from| slots.get_mut(*from)?.take())
        .collect()
}

/// Reads a file of at most `max_bytes` as UTF-8 text, dropping a
/// byte-order mark; the same checks as for a store (only regular files).
pub fn read_file(path: &Path, max_bytes: u64) -> Result<String, StoreError> {
    let budget = Budget {
        used: 0,
        limit: max_bytes,
    };
    let (bytes, _) = file::read_bytes(path, budget)?;
    let mut text = file::decode(path, bytes)?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The short name of the stores at `paths`, for the status bar: the file
/// name of one, or how many.
pub fn store_name(paths: &[PathBuf]) -> String {
    match paths {
        [one] => one.file_name().map_or_else(
            || one.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        many => format!("{} stores", many.len()),
    }
}

/// A stable id for an article whose store gives none: FNV-1a over its URL
/// when it has one (so that the same article fetched again, its text
/// touched up, keeps its id), else over its title and body; in hex.
///
/// FNV is used rather than `std`'s hasher because its output is fixed by
/// definition, so ids survive compiler upgrades and machines.
pub fn derived_id(url: Option<&str>, title: &str, body: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let fnv = |bytes: &mut dyn Iterator<Item = u8>| {
        bytes.fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        })
    };
    let hash = match url {
        Some(url) => fnv(&mut url.bytes()),
        None => fnv(&mut title.bytes().chain(std::iter::once(0)).chain(body.bytes())),
    };
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::fs;
    use std::io::Write;

    fn check_loaded(name: &str, loaded: Result<Store, StoreError>) -> Result<(), TestCaseError> {
        match loaded {
            Ok(store) => {
                for article in &store.articles {
                    prop_assert!(!article.id.is_empty());
                }
            }
            Err(err) => {
                let message = err.to_string();
                prop_assert!(message.contains(name), "{message}");
                prop_assert!(!message.contains('\n'), "one line: {message:?}");
            }
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn loading_arbitrary_bytes_never_panics(
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
            ext in prop_oneof![Just("json"), Just("jsonl"), Just("txt")],
        ) {
            let name = format!("fuzz.{ext}");
            check_loaded(&name, Store::from_bytes(Path::new(&name), &bytes))?;
        }

        #[test]
        fn loading_json_like_text_never_panics(
            text in r#"(\[|\]|\{|\}|"|:|,|-?[0-9]+(\.[0-9]+)?(e[0-9]+)?|true|null|"(title|body|id|tags|published|url)"|\\u[0-9a-f]{4}|\\|[a-zé ]|\n){0,120}"#,
            ext in prop_oneof![Just("json"), Just("jsonl")],
        ) {
            let name = format!("fuzz.{ext}");
            check_loaded(&name, Store::from_bytes(Path::new(&name), text.as_bytes()))?;
        }
    }

    fn unlimited() -> Options {
        Options {
            max_bytes: u64::MAX,
            map: None,
        }
    }

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
        assert_eq!(derived_id(None, "a", "b"), derived_id(None, "a", "b"));
        assert_ne!(derived_id(None, "ab", ""), derived_id(None, "a", "b"));
        assert_eq!(derived_id(None, "", ""), "af63bd4c8601b7df");
        let by_url = derived_id(Some("https://example.org/a"), "t", "b");
        assert_eq!(
            by_url,
            derived_id(Some("https://example.org/a"), "other", "text")
        );
        assert_ne!(by_url, derived_id(None, "t", "b"));
        assert_eq!(
            derived_id(Some(""), "t", "b"),
            "cbf29ce484222325",
            "the FNV offset"
        );
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
    fn directory_loads_store_files_in_path_order_going_into_directories() {
        let dir = temp_dir("dir");
        write(&dir, "2.txt", b"Second\n\nbody two");
        write(&dir, "1.txt", b"\n\nFirst\nbody one");
        write(&dir, "notes.md", b"# not an article");
        fs::create_dir_all(dir.join("nested")).unwrap();
        write(&dir.join("nested"), "3.txt", b"Third\nbody");
        fs::create_dir_all(dir.join(".hidden")).unwrap();
        write(&dir.join(".hidden"), "4.txt", b"Hidden\nbody");
        let store = Store::load(std::slice::from_ref(&dir)).unwrap();
        let titles: Vec<_> = store.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second", "Third"]);
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
    fn invalid_utf8_offset_counts_from_the_start_of_the_file() {
        let dir = temp_dir("utf8-bom");
        let path = write(&dir, "bad.jsonl", b"\xef\xbb\xbf{\"title\":\"\xc3\"}\n");
        let err = Store::load(&[path]).unwrap_err();
        assert!(
            matches!(err, StoreError::Encoding { offset: 13, .. }),
            "{err}"
        );
        assert_eq!(err.failure(), Failure::Malformed);
    }

    #[test]
    fn byte_order_mark_is_accepted_in_every_format() {
        let dir = temp_dir("bom");
        let json = write(
            &dir,
            "bom.json",
            "\u{feff}[{\"title\":\"t\",\"body\":\"b\"}]".as_bytes(),
        );
        let lines = write(
            &dir,
            "bom.jsonl",
            "\u{feff}{\"title\":\"l\",\"body\":\"b\"}\n".as_bytes(),
        );
        let text = write(&dir, "bom.txt", "\u{feff}Plain\n\nbody".as_bytes());
        let store = Store::load(&[json, lines, text]).unwrap();
        let titles: Vec<_> = store.articles.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["t", "l", "Plain"]);
        assert!(store.problems.is_empty(), "{:?}", store.problems);
    }

    #[test]
    fn an_empty_file_is_refused_in_every_format() {
        let dir = temp_dir("empty");
        for (name, contents) in [
            ("a.json", &b""[..]),
            ("b.jsonl", b"\n\n"),
            ("c.txt", b" \r\n\t"),
            ("d.json", b"\xef\xbb\xbf"),
        ] {
            let path = write(&dir, name, contents);
            let err = Store::load(std::slice::from_ref(&path)).unwrap_err();
            assert!(matches!(err, StoreError::Empty { .. }), "{name}: {err}");
            assert_eq!(
                err.to_string(),
                format!("{}: the file is empty", path.display())
            );
            assert_eq!(err.failure(), Failure::Malformed);
        }
    }

    #[test]
    fn stores_together_over_the_byte_limit_are_refused() {
        let dir = temp_dir("limit");
        let article = br#"[{"title":"t","body":"b"}]"#;
        let a = write(&dir, "a.json", article);
        let b = write(&dir, "b.json", article);
        let size = u64::try_from(article.len()).unwrap();
        assert_eq!(
            Store::load_within(&[a.clone(), b.clone()], 2 * size)
                .unwrap()
                .articles
                .len(),
            2
        );
        let err = Store::load_within(std::slice::from_ref(&a), size - 1).unwrap_err();
        assert!(
            matches!(err, StoreError::TooLarge { before: 0, .. }),
            "{err}"
        );
        assert_eq!(
            err.to_string(),
            format!(
                "{}: 26 bytes is more than the limit of 25 bytes",
                a.display()
            )
        );
        let err = Store::load_within(&[a, b.clone()], 2 * size - 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: 26 bytes would bring the stores read to 52 bytes, \
                 more than the limit of 51 bytes",
                b.display()
            )
        );
        assert_eq!(err.failure(), Failure::Malformed);
    }

    #[test]
    fn sizes_are_told_in_binary_units() {
        assert_eq!(error::human(1023), "1023 bytes");
        assert_eq!(error::human(1 << 30), "1 GiB");
        assert_eq!(error::human(3 << 29), "1.5 GiB");
        let err = StoreError::TooLarge {
            path: PathBuf::from("big.json"),
            size: (2 << 30) + 1,
            before: 0,
            limit: DEFAULT_MAX_BYTES,
        };
        assert_eq!(
            err.to_string(),
            "big.json: 2.0 GiB (2147483649 bytes) is more than the limit of 1 GiB"
        );
    }

    #[test]
    fn check_goes_on_past_failing_files_and_names_both_places_of_a_duplicate_id() {
        let dir = temp_dir("check");
        let a = write(
            &dir,
            "a.json",
            br#"[{"id":"x","title":"one","body":"b"},{"id":"y","title":"two","body":"b"}]"#,
        );
        let broken = write(&dir, "b.json", b"[{");
        let c = write(
            &dir,
            "c.jsonl",
            b"{\"id\":\"y\",\"title\":\"three\",\"body\":\"b\"}\n\
              {\"id\":\"x\",\"title\":\"four\",\"body\":\"b\"}\n\
              {\"id\":\"x\",\"title\":\"five\",\"body\":\"b\"}\n",
        );
        let missing = dir.join("gone.json");
        let (store, errors) = Store::check(&[a.clone(), broken, missing, c.clone()], &unlimited());
        let failures: Vec<_> = errors.iter().map(StoreError::failure).collect();
        assert_eq!(failures, [Failure::Malformed, Failure::Unreadable]);
        assert_eq!(store.articles.len(), 5, "every article is kept");
        let messages: Vec<_> = store.problems.iter().map(ToString::to_string).collect();
        let (a, c) = (a.display(), c.display());
        assert_eq!(
            messages,
            [
                format!("{c}: article 0 (id \"y\"): duplicate id, first used by {a}: article 1"),
                format!("{c}: article 1 (id \"x\"): duplicate id, first used by {a}: article 0"),
                format!("{c}: article 2 (id \"x\"): duplicate id, first used by {a}: article 0"),
            ]
        );
    }

    #[test]
    fn loading_stops_at_the_first_failing_file() {
        let dir = temp_dir("strict");
        let a = write(&dir, "a.json", br#"[{"title":"t","body":"b"}]"#);
        let err = Store::load(&[a, dir.join("gone.json")]).unwrap_err();
        assert!(matches!(err, StoreError::Io { .. }), "{err}");
        assert_eq!(err.failure(), Failure::Unreadable);
    }

    #[test]
    fn schema_positions_count_skipped_articles_but_duplicates_only_kept_ones() {
        let dir = temp_dir("positions");
        let a = write(
            &dir,
            "a.json",
            br#"[{"id":"x","title":1,"body":"b"},{"id":"x","title":"t","body":"b"},
                 {"id":"x","title":"u","body":"b"}]"#,
        );
        let (store, errors) = Store::check(std::slice::from_ref(&a), &unlimited());
        assert!(errors.is_empty());
        let messages: Vec<_> = store.problems.iter().map(ToString::to_string).collect();
        let a = a.display();
        assert_eq!(
            messages,
            [
                format!(
                    "{a}: article 0 (id \"x\"): `title` must be a string, found a number [skipped]"
                ),
                format!("{a}: article 2 (id \"x\"): duplicate id, first used by {a}: article 1"),
            ]
        );
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
