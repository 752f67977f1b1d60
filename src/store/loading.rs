//! Loading files into a store: directories, what each file holds, the byte
//! budget, where each article came from, and what was read from each file.

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::body::Source as FileText;
use super::convert::Converted;
use super::file::{self, Budget};
use super::map::{Field, FieldMap};
use super::reading::Plan;
use super::{Article, FileReport, Problem, Store, StoreError, feed, json, text};

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
    /// The user's field map, laid over every shape.
    map: Option<FieldMap>,
    /// The shapes made ready to read JSON, once a JSON file is met.
    plan: Option<Arc<Plan>>,
    /// Of the file being read: kept articles without a value, per field.
    missing: [usize; Field::ALL.len()],
    /// How many articles and problems there were when the file being read
    /// began.
    file_start: (usize, usize),
    /// Told how far reading has got, now and then.
    watch: Option<Box<dyn FnMut(Progress)>>,
    /// Bytes of the files read before the one being read.
    file_base: u64,
    /// How far into the file being read the last article was.
    pub(super) at: u64,
}

/// How far loading has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Bytes of files read (the file being read counts as far as its last
    /// article).
    pub bytes: u64,
    /// Articles read.
    pub articles: usize,
}

/// The size from which a store file is mapped rather than read into memory.
const MAP_FROM: u64 = 64 << 20;

/// How many articles are read between two reports of progress.
const PROGRESS_EVERY: usize = 1024;

/// The file an article came from and its position there, from 0.
#[derive(Debug, Clone, Copy)]
pub(super) struct Origin {
    pub(super) file: usize,
    pub(super) index: usize,
}

/// What a file holds, as far as its name and first bytes tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holds {
    Json,
    JsonLines,
    Feed,
    Text,
}

impl Loading {
    /// An empty store named `name`, taking at most `max_bytes` of files and
    /// reading JSON with `map` over every shape; with `go_on`, a file that
    /// fails is set aside and loading goes on.
    pub(super) fn new(name: String, max_bytes: u64, map: Option<FieldMap>, go_on: bool) -> Self {
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
            map,
            plan: None,
            missing: [0; Field::ALL.len()],
            file_start: (0, 0),
            watch: None,
            file_base: 0,
            at: 0,
        }
    }

    /// Tells `watch` how far loading has got, every thousand articles or so
    /// and at the end of each file.
    pub(super) fn watched(mut self, watch: Box<dyn FnMut(Progress)>) -> Self {
        self.watch = Some(watch);
        self
    }

    fn report_progress(&mut self) {
        if let Some(watch) = &mut self.watch {
            watch(Progress {
                bytes: self.file_base + self.at,
                articles: self.store.articles.len(),
            });
        }
    }

    /// The shapes and the user's map, ready to read JSON.
    pub(super) fn plan(&mut self) -> Arc<Plan> {
        let map = self.map.as_ref();
        Arc::clone(self.plan.get_or_insert_with(|| Arc::new(Plan::new(map))))
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

    /// Loads a file, or every store file in a directory and the
    /// directories inside it, in the order of their paths.
    pub(super) fn load_path(&mut self, path: &Path) -> Result<(), StoreError> {
        let io = |source| StoreError::Io {
            path: path.to_owned(),
            source,
        };
        let metadata = fs::metadata(path).map_err(io)?;
        if metadata.is_dir() {
            let mut found = Vec::new();
            store_files(path, &mut found).map_err(io)?;
            found.sort();
            for entry in &found {
                if let Err(err) = self.load_file(entry) {
                    self.set_aside(err)?;
                }
            }
            return Ok(());
        }
        self.load_file(path)
    }

    fn load_file(&mut self, path: &Path) -> Result<(), StoreError> {
        let metadata = fs::metadata(path).map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
        if !metadata.is_file() {
            return Err(StoreError::NotAFile {
                path: path.to_owned(),
                kind: file::kind_of(&metadata),
            });
        }
        if Holds::by_name(path).is_none() && !starts_like_a_store(path)? {
            return Err(StoreError::UnknownFormat {
                path: path.to_owned(),
            });
        }
        self.file_base = self.budget.used;
        self.at = 0;
        let parsed = if metadata.len() >= MAP_FROM {
            self.map_and_parse(path)
        } else {
            let (bytes, size) = file::read_bytes(path, self.budget)?;
            self.budget.used = self.budget.used.saturating_add(size);
            self.parse_bytes(path, bytes)
        };
        self.file_base = self.budget.used;
        self.at = 0;
        self.report_progress();
        parsed
    }

    /// Reads the large file at `path` through a map of it, so that only the
    /// part being read is in memory: the rest is given back as reading goes
    /// on, and bodies are read again from the file when they are needed.
    fn map_and_parse(&mut self, path: &Path) -> Result<(), StoreError> {
        let (file, metadata) = file::open(path, self.budget)?;
        let io = |source| StoreError::Io {
            path: path.to_owned(),
            source,
        };
        let text = FileText::map_text(path, &file)
            .map_err(io)?
            .map_err(|offset| StoreError::Encoding {
                path: path.to_owned(),
                offset,
            })?;
        self.budget.used = self.budget.used.saturating_add(metadata.len());
        let text = Arc::new(text);
        let read = self.read_text(path, text.text().unwrap_or_default(), None, Some(&text));
        text.release(0..text.bytes().len());
        read
    }

    /// Reads the bytes of a file at `path` (which only names it) as a store.
    pub(super) fn parse_bytes(&mut self, path: &Path, bytes: Vec<u8>) -> Result<(), StoreError> {
        self.parse_as(path, bytes, None)
    }

    /// Reads the bytes of a file at `path` as JSON Lines, whatever its name.
    pub(super) fn parse_json_lines(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        self.parse_as(path, bytes, Some(Holds::JsonLines))
    }

    fn parse_as(
        &mut self,
        path: &Path,
        bytes: Vec<u8>,
        holds: Option<Holds>,
    ) -> Result<(), StoreError> {
        let text = Arc::new(FileText::owned(path, file::decode(path, bytes)?));
        self.read_text(path, text.text().unwrap_or_default(), holds, Some(&text))
    }

    /// Reads `text`, the contents of the file `path`, as what `holds` says
    /// or, without it, as what the name and the text tell. When `text` is
    /// held in `kept`, plain bodies stay in it until they are needed.
    pub(super) fn read_text(
        &mut self,
        path: &Path,
        text: &str,
        holds: Option<Holds>,
        kept: Option<&Arc<FileText>>,
    ) -> Result<(), StoreError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(StoreError::Empty {
                path: path.to_owned(),
            });
        }
        let holds =
            holds
                .or_else(|| Holds::of(path, text))
                .ok_or_else(|| StoreError::UnknownFormat {
                    path: path.to_owned(),
                })?;
        self.begin_file(path);
        match holds {
            Holds::Json => json::read(path, text, false, kept, self),
            Holds::JsonLines => json::read(path, text, true, kept, self),
            Holds::Feed => {
                feed::parse_feed(path, text, self)?;
                self.report_from_articles(feed_kind(text));
                Ok(())
            }
            Holds::Text => {
                self.push(text::parse_article(text), 0);
                self.report_from_articles("text");
                Ok(())
            }
        }
    }

    /// Marks the start of a file, so that the articles that follow are
    /// known to come from it.
    pub(super) fn begin_file(&mut self, path: &Path) {
        self.files.push(path.to_owned());
        self.missing = [0; Field::ALL.len()];
        self.file_start = (self.store.articles.len(), self.store.problems.len());
    }

    /// Adds an article, the `index`th of the file being read.
    pub(super) fn push(&mut self, article: Article, index: usize) {
        self.store.articles.push(article);
        if self.store.articles.len().is_multiple_of(PROGRESS_EVERY) {
            self.report_progress();
        }
        self.origins.push(Origin {
            file: self.files.len().saturating_sub(1),
            index,
        });
    }

    /// Adds what was read from the `index`th article object of the file
    /// being read: the article, or why it was skipped, and its problems.
    pub(super) fn accept(&mut self, index: usize, converted: Converted) {
        let Converted {
            article,
            id,
            problems,
            found,
        } = converted;
        // Problems that keep the article are named by its id once known.
        let named = article.as_ref().map_or(id, |article| {
            found.has(Field::Id).then(|| article.id.clone())
        });
        for (message, skipped) in problems {
            self.problem(index, named.clone(), message, skipped);
        }
        if let Some(article) = article {
            for field in Field::ALL {
                self.missing[field as usize] += usize::from(!found.has(field));
            }
            self.push(article, index);
        }
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

    /// Notes what was read from the file being read: its shape, and which
    /// fields its map names that none of its articles had.
    pub(super) fn file_read(&mut self, shape: &str, named: &[Field]) {
        let articles = self.store.articles.len() - self.file_start.0;
        let never_found = named
            .iter()
            .copied()
            .filter(|&field| field != Field::Articles && self.missing[field as usize] == articles)
            .filter(|_| articles > 0)
            .collect();
        let unmapped = Field::ALL
            .into_iter()
            .filter(|field| *field != Field::Articles && !named.contains(field))
            .collect();
        self.report(shape, never_found, unmapped);
    }

    /// Like [`Loading::file_read`], for readers that build articles
    /// directly: what was never found is read off the articles themselves.
    fn report_from_articles(&mut self, shape: &str) {
        let articles = &self.store.articles[self.file_start.0..];
        let lacking = |field: Field| {
            !articles.is_empty()
                && articles.iter().all(|article| match field {
                    Field::Body => article.body.is_empty(),
                    Field::Source => article.source.is_none(),
                    Field::Author => article.author.is_none(),
                    Field::Published => article.published.is_none(),
                    Field::Url => article.url.is_none(),
                    Field::Tags => article.tags.is_empty(),
                    Field::Articles | Field::Id | Field::Title => false,
                })
        };
        let never_found = Field::ALL
            .into_iter()
            .filter(|&field| lacking(field))
            .collect();
        self.report(shape, never_found, Vec::new());
    }

    fn report(&mut self, shape: &str, never_found: Vec<Field>, unmapped: Vec<Field>) {
        let (articles, problems) = self.file_start;
        let skipped: Vec<&Problem> = self.store.problems[problems..]
            .iter()
            .filter(|problem| problem.skipped)
            .collect();
        let reason = skipped.first().map(|first| {
            let mut reason = first.message.clone();
            if skipped.iter().any(|p| p.message != first.message) {
                reason.push_str(", and more");
            }
            reason
        });
        self.store.files.push(FileReport {
            path: self.files.last().cloned().unwrap_or_default(),
            shape: shape.to_owned(),
            articles: self.store.articles.len() - articles,
            skipped: skipped.len(),
            skip_reason: reason,
            never_found,
            unmapped,
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

impl Holds {
    /// What a file holds by its name alone, when the name says.
    fn by_name(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Self::Json),
            "jsonl" | "ndjson" => Some(Self::JsonLines),
            "txt" => Some(Self::Text),
            "xml" | "rss" | "atom" | "rdf" => Some(Self::Feed),
            _ => None,
        }
    }

    /// What `text` holds: a `.txt` file is an article; otherwise the first
    /// character tells JSON from a feed, and the name says JSON Lines.
    fn of(path: &Path, text: &str) -> Option<Self> {
        let named = Self::by_name(path);
        if named == Some(Self::Text) {
            return named;
        }
        if feed::looks_like_feed(text) {
            return Some(Self::Feed);
        }
        match (named, text.trim_start().chars().next()) {
            (Some(Self::JsonLines), _) => Some(Self::JsonLines),
            (Some(Self::Json), _) | (_, Some('{' | '[')) => Some(Self::Json),
            (Some(Self::Feed), _) => Some(Self::Feed),
            _ => None,
        }
    }
}

/// `atom` or `rss`, by the feed's first element.
fn feed_kind(text: &str) -> &'static str {
    let root = text
        .match_indices('<')
        .map(|(at, _)| &text[at + 1..])
        .find(|rest| !rest.starts_with(['?', '!']));
    match root {
        Some(rest) if rest.starts_with("feed") => "atom",
        _ => "rss",
    }
}

/// Whether a file whose name says nothing starts like JSON or XML; only its
/// first bytes are read, so a large file of another kind is refused at once.
fn starts_like_a_store(path: &Path) -> Result<bool, StoreError> {
    let mut head = [0_u8; 512];
    let read = fs::File::open(path)
        .and_then(|mut file| file.read(&mut head))
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
    let head = &head[..read];
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    Ok(head
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| matches!(b, b'{' | b'[' | b'<')))
}

/// Every store file under `dir`, by extension, going into directories but
/// not into hidden ones or through links to directories (which could loop).
fn store_files(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry.file_type()?;
        if kind.is_dir() {
            store_files(&path, found)?;
        } else if Holds::by_name(&path).is_some() {
            found.push(path);
        }
    }
    Ok(())
}
