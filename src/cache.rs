//! What newsdesk derives from a store, kept between runs so that the next
//! open of the same store is instant: the articles' metadata and where
//! each body is in the store's files, the organisation index and the word
//! index, in one file per set of stores under `$XDG_CACHE_HOME/newsdesk/`.
//!
//! A cache is used only for the very files it was made from: each store
//! file's [`Identity`] (path, size, modification time, a checksum of
//! samples of its content) must match, and so must everything else that
//! shapes what is derived (newsdesk's version, built-in lists and a digest
//! of the recogniser's source, the load options, the user's gazetteer). A cache that is damaged, cut short, of another
//! version, or half-written is refused and made again. Caches are written
//! under a temporary name and renamed into place, so that two readers
//! writing the same cache each put a whole file there, and the least
//! recently used are removed once all of them pass [`DEFAULT_LIMIT`].
//!
//! Bodies are not copied into the cache when they are plain strings in the
//! store's files: the files are mapped and each body read when it is
//! needed.

mod format;
mod identity;
mod records;
#[cfg(test)]
mod source_digest;

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

pub use format::Unusable;
pub use identity::Identity;

use crate::column::{Column, Ragged};
use crate::org_index::OrgIndex;
use crate::search::{WordColumns, WordIndex};
use crate::store::{Options, Source, Store};
use format::{Mapped, Writer};
pub use records::OrgRecord;
use records::StoreRecord;

/// How many bytes all caches together may take before the least recently
/// used are removed.
pub const DEFAULT_LIMIT: u64 = 10 << 30;

/// How long a temporary file may stay before it is taken for the leftover
/// of a run that stopped while writing.
const LEFTOVER: Duration = Duration::from_secs(24 * 60 * 60);

/// The kinds of sections of a cache file.
mod kind {
    pub const KEY: u32 = 1;
    pub const FILES: u32 = 2;
    pub const STORE: u32 = 3;
    pub const ORGS: u32 = 4;
    pub const ARTICLES: u32 = 5;
    /// The organisation index's ids, all articles' one after another.
    pub const ORG_IDS: u32 = 6;
    /// Where each article's ids end.
    pub const ORG_ENDS: u32 = 7;
    /// The word index's columns, in the order of `WORD_COLUMNS`.
    pub const WORDS: [u32; 7] = [10, 11, 12, 13, 14, 15, 16];
}

/// The directory of caches, and how large it may grow.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
    limit: u64,
}

/// What a set of stores is, read before they are: the cache's name and the
/// text that must match, and each file's identity.
#[derive(Debug, Clone)]
pub struct Key {
    text: String,
    name: String,
    files: Vec<Identity>,
    options: Options,
}

/// A store opened from its cache.
#[derive(Debug)]
pub struct Warm {
    /// Whether the cache was extended by lines appended to a store (and so
    /// is to be kept again).
    pub extended: bool,
    /// The store; its bodies are read from the mapped files.
    pub store: Store,
    /// The organisation index, complete.
    pub orgs: OrgIndex,
    /// The word index, when the cache has one: to be checked before use.
    pub words: Option<Unchecked>,
}

/// A word index read in place from a cache file, whose checksums are yet
/// to be checked (which reads the whole of it, so it is done off the
/// reader's thread).
#[derive(Debug)]
pub struct Unchecked {
    index: WordIndex,
    path: PathBuf,
    sums: Vec<(u32, Range<usize>)>,
}

impl Unchecked {
    /// The index, if its file still has the checksums it was written with.
    pub fn check(self) -> Option<WordIndex> {
        format::check(&self.path, &self.sums).then_some(self.index)
    }
}

/// What a reader hands over to be kept once its indexes are built.
#[derive(Debug, Clone)]
pub struct Keepsake {
    /// The store.
    pub store: Arc<Store>,
    /// The organisations met, and per article those it names.
    pub orgs: OrgRecord,
    /// The word index, if it was built.
    pub words: Option<Arc<WordIndex>>,
}

impl Keepsake {
    /// What to keep of `store`, its organisation index `orgs` (copied: the
    /// reader goes on using its own) and its word index if there is one.
    pub fn new(store: Arc<Store>, orgs: &OrgIndex, words: Option<Arc<WordIndex>>) -> Self {
        Self {
            store,
            orgs: OrgRecord::of(orgs),
            words,
        }
    }
}

impl PartialEq for Keepsake {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.store, &other.store)
            && self.orgs == other.orgs
            && match (&self.words, &other.words) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            }
    }
}

impl Eq for Keepsake {}

/// Why no cache was used.
#[derive(Debug, thiserror::Error)]
pub enum Miss {
    /// There is none yet.
    #[error("no cache yet")]
    None,
    /// A store file changed since the cache was made.
    #[error("a store changed since it was cached")]
    Changed,
    /// A JSON Lines store was appended to since it was cached: what was
    /// cached, and the new lines read, to be joined by [`Grown::extend`].
    #[error("a store was appended to since it was cached")]
    Grown(Box<Grown>),
    /// The cache could not be used.
    #[error("cache {path}: {why}")]
    Unusable {
        /// The cache file.
        path: PathBuf,
        /// Why.
        why: Unusable,
    },
}

/// Keeps caches of one set of stores off the caller's thread.
#[derive(Debug, Clone)]
pub struct Keeper {
    cache: Cache,
    key: Key,
}

impl Keeper {
    /// Keeps the cache of `key` in `cache`.
    pub fn new(cache: Cache, key: Key) -> Self {
        Self { cache, key }
    }

    /// Writes `keepsake` on a thread of its own.
    pub fn keep_in_background(
        &self,
        keepsake: Keepsake,
    ) -> std::thread::JoinHandle<io::Result<()>> {
        let keeper = self.clone();
        std::thread::spawn(move || keeper.cache.keep(&keeper.key, &keepsake))
    }
}

/// The cache of stores some of which were appended to, with what was
/// appended.
#[derive(Debug)]
pub struct Grown {
    store: Store,
    orgs: OrgRecord,
    /// Per file that grew: its number, and the articles appended.
    tails: Vec<(usize, Store)>,
}

impl Grown {
    /// The stores whole: the cached articles and the appended ones, in
    /// the store's order, with the organisations of the appended ones
    /// recognised by `recogniser`. The word index is built again.
    pub fn extend(self, recogniser: &crate::entities::Recogniser) -> Warm {
        let Self {
            mut store,
            orgs: OrgRecord {
                mut names,
                per_article,
            },
            tails,
        } = self;
        let mut per_article = per_article.unpack();
        for (file, tail) in tails {
            let named = crate::org_index::named_by(recogniser, &tail.articles, &mut names);
            if let Some(report) = store.files.get_mut(file) {
                let before = report.articles + report.skipped;
                report.articles += tail.articles.len();
                report.skipped += tail.skipped();
                store
                    .problems
                    .extend(tail.problems.into_iter().map(|mut problem| {
                        problem.file.clone_from(&report.path);
                        problem.index += before;
                        problem
                    }));
            }
            store.articles.extend(tail.articles);
            per_article.extend(named);
        }
        let (articles, per_article) =
            crate::store::sort_with(std::mem::take(&mut store.articles), per_article);
        store.articles = articles;
        let orgs = OrgIndex::from_parts(names, Ragged::pack(per_article)).unwrap_or_default();
        Warm {
            extended: true,
            store,
            orgs,
            words: None,
        }
    }
}

impl Key {
    /// The key of the stores at `paths`, loaded with `options` and
    /// recognised with the gazetteer at `gazetteer` if any; `None` when a
    /// path is not a regular file (a directory's files are not cached).
    pub fn new(paths: &[PathBuf], options: &Options, gazetteer: Option<&Path>) -> Option<Self> {
        if paths.is_empty() {
            return None;
        }
        let files = paths
            .iter()
            .map(|path| Identity::of(path).ok())
            .collect::<Option<Vec<_>>>()?;
        let gazetteer = match gazetteer {
            Some(path) => Some(Identity::of(path).ok()?),
            None => None,
        };
        let mut text = format!(
            "newsdesk {}\nformat {}\nbuilt in {:08x}\nmax {}\nmap {:?}\ngazetteer {gazetteer:?}\n",
            env!("CARGO_PKG_VERSION"),
            format::VERSION,
            built_in(),
            options.max_bytes,
            options.map,
        );
        for file in &files {
            text.push_str(&file.path.display().to_string());
            text.push('\n');
        }
        let paths_only: String = files
            .iter()
            .map(|f| f.path.display().to_string() + "\n")
            .collect();
        let name = format!(
            "{:08x}{:08x}",
            crc32fast::hash(paths_only.as_bytes()),
            crc32fast::hash(text.as_bytes())
        );
        Some(Self {
            text,
            name,
            files,
            options: options.clone(),
        })
    }

    /// The identities of the store files, as they were when the key was made.
    pub fn files(&self) -> &[Identity] {
        &self.files
    }
}

/// A checksum of the lists built into newsdesk that shape what is derived
/// from a store (the gazetteer and its additions, the known
/// non-organisations, the recogniser's word lists, the shapes of other
/// tools' JSON): a newsdesk with other lists makes its own caches. The
/// recogniser's rules are code: a digest of their source, made when
/// newsdesk is built (`build.rs`), is part of it too.
/// The digest of the recogniser's source ([`source_digest`]), as hex.
const RECOGNISER_DIGEST: &str = env!("NEWSDESK_RECOGNISER_DIGEST");

fn built_in() -> u32 {
    let mut crc = crc32fast::Hasher::new();
    crc.update(RECOGNISER_DIGEST.as_bytes());
    crc.update(crate::entities::gazetteer::BUILTIN_JSON.as_bytes());
    crc.update(crate::entities::gazetteer::ADDITIONS_JSON.as_bytes());
    crc.update(crate::entities::not_organisations::BUILTIN_JSON.as_bytes());
    for list in crate::entities::lexicon::texts() {
        crc.update(list.as_bytes());
    }
    crc.update(crate::store::shape::SHAPES_TOML.as_bytes());
    crc.finalize()
}

impl Cache {
    /// Caches in `dir`, at most `limit` bytes of them.
    pub fn new(dir: PathBuf, limit: u64) -> Self {
        Self { dir, limit }
    }

    /// The caches under `$XDG_CACHE_HOME/newsdesk` (or `~/.cache/newsdesk`);
    /// `None` when neither is set to an absolute path.
    pub fn from_env() -> Option<Self> {
        dir_from(std::env::var_os("XDG_CACHE_HOME"), std::env::var_os("HOME"))
            .map(|dir| Self::new(dir, DEFAULT_LIMIT))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path_of(&self, key: &Key) -> PathBuf {
        self.dir.join(format!("{}.cache", key.name))
    }

    /// Opens the stores of `key` from their cache.
    pub fn open(&self, key: &Key) -> Result<Warm, Miss> {
        let path = self.path_of(key);
        if !path.exists() {
            return Err(Miss::None);
        }
        let unusable = |why: Unusable| Miss::Unusable {
            path: path.clone(),
            why,
        };
        let mapped = Mapped::open(&path).map_err(unusable)?;
        if mapped.checked(kind::KEY).map_err(unusable)? != key.text.as_bytes() {
            // Two sets of stores whose names collide: not this one's.
            return Err(Miss::None);
        }
        let files: Vec<Identity> = decode(&mapped, kind::FILES).map_err(unusable)?;
        let grown = appended(&files, &key.files)?;
        let files = &key.files;
        let texts = files
            .iter()
            .map(|file| File::open(&file.path).and_then(|f| Source::map(&file.path, &f)))
            .map(|text| text.map(Arc::new))
            .collect::<io::Result<Vec<_>>>()
            .map_err(|err| unusable(Unusable::Io(err)))?;
        let record: StoreRecord = decode(&mapped, kind::STORE).map_err(unusable)?;
        let articles = mapped.checked(kind::ARTICLES).map_err(unusable)?;
        let articles = records::read_articles(articles, &texts)
            .ok_or_else(|| unusable(Unusable::Damaged("unreadable articles")))?;
        let store = record.into_store(articles);
        let orgs = orgs_of(&mapped).map_err(unusable)?;
        // Whether each id names an organisation is checked as the index is
        // made from the record (once: there are tens of millions of them).
        if orgs.per_article.len() != store.articles.len()
            || (!grown.is_empty() && !orgs.fits(store.articles.len()))
        {
            return Err(unusable(Unusable::Damaged(
                "organisations of other articles",
            )));
        }
        if !grown.is_empty() {
            let tails = grown
                .into_iter()
                .map(|(file, from)| {
                    let path = &files[file].path;
                    let tail = Store::read_appended(path, &texts[file], from, &key.options)
                        .map_err(|_| Miss::Changed)?;
                    // New lines of another shape than the file's (a key
                    // that told the shape missing from them) would be read
                    // otherwise than a cold open reads them.
                    let shape = |store: &Store, at: usize| {
                        store.files.get(at).map(|report| report.shape.clone())
                    };
                    if shape(&tail, 0) != shape(&store, file) {
                        return Err(Miss::Changed);
                    }
                    Ok((file, tail))
                })
                .collect::<Result<Vec<_>, _>>()?;
            return Err(Miss::Grown(Box::new(Grown { store, orgs, tails })));
        }
        let orgs = OrgIndex::from_parts(orgs.names, orgs.per_article)
            .ok_or_else(|| unusable(Unusable::Damaged("an organisation out of range")))?;
        let words = words_of(&mapped, store.articles.len()).map(|index| Unchecked {
            index,
            path: path.clone(),
            sums: mapped.sums(&kind::WORDS).unwrap_or_default(),
        });
        // Used now: the last to be removed when the caches grow too large.
        let _ = File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(SystemTime::now()));
        Ok(Warm {
            extended: false,
            store,
            orgs,
            words,
        })
    }

    /// Keeps what `keepsake` holds as the cache of `key`, unless a store
    /// file changed since the key was made; then removes the least recently
    /// used caches past the limit.
    pub fn keep(&self, key: &Key, keepsake: &Keepsake) -> io::Result<()> {
        if !key.files.iter().all(Identity::holds) {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        let path = self.path_of(key);
        let temporary = self.dir.join(format!(
            ".{}.{}.{}.tmp",
            key.name,
            std::process::id(),
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let written = write(&temporary, key, keepsake).and_then(|()| fs::rename(&temporary, &path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written?;
        self.remove_superseded(key);
        self.evict()?;
        Ok(())
    }

    /// Removes the caches of the same stores made under other conditions
    /// (another version of newsdesk, other options): the one just kept
    /// replaces them.
    fn remove_superseded(&self, key: &Key) {
        let (stores, _) = key.name.split_at(8);
        for (path, _) in self.files().unwrap_or_default() {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned());
            if let Some(name) = name
                && name.starts_with(stores)
                && path.extension().is_some_and(|ext| ext == "cache")
                && name != format!("{}.cache", key.name)
            {
                let _ = fs::remove_file(&path);
            }
        }
    }

    /// How many bytes all caches together may take.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// How many caches there are, and how many bytes they take.
    pub fn usage(&self) -> io::Result<(usize, u64)> {
        let files = self.files()?;
        let caches = files
            .iter()
            .filter(|(path, _)| path.extension().is_some_and(|e| e == "cache"));
        Ok(caches.fold((0, 0), |(n, bytes), (_, metadata)| {
            (n + 1, bytes + metadata.len())
        }))
    }

    /// Removes every cache; how many files and bytes went.
    pub fn clear(&self) -> io::Result<(usize, u64)> {
        let mut removed = (0, 0);
        for (path, metadata) in self.files()? {
            if removed_or_gone(&path)? {
                removed.0 += 1;
                removed.1 += metadata.len();
            }
        }
        Ok(removed)
    }

    /// The cache files and the temporary files of this directory.
    fn files(&self) -> io::Result<Vec<(PathBuf, fs::Metadata)>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(err),
        };
        let mut files = Vec::new();
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            let ours = path
                .extension()
                .is_some_and(|ext| ext == "cache" || ext == "tmp");
            // Another reader may remove a file meanwhile: it is passed over.
            if ours
                && let Ok(metadata) = entry.metadata()
                && metadata.is_file()
            {
                files.push((path, metadata));
            }
        }
        Ok(files)
    }

    /// Removes leftovers of runs that stopped while writing, and the least
    /// recently used caches until all of them fit in the limit.
    fn evict(&self) -> io::Result<()> {
        let now = SystemTime::now();
        let mut caches = Vec::new();
        for (path, metadata) in self.files()? {
            let used = metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            if path.extension().is_some_and(|ext| ext == "tmp") {
                if now.duration_since(used).is_ok_and(|age| age > LEFTOVER) {
                    let _ = fs::remove_file(&path);
                }
                continue;
            }
            caches.push((used, metadata.len(), path));
        }
        caches.sort();
        let mut total: u64 = caches.iter().map(|(_, len, _)| len).sum();
        for (_, len, path) in caches {
            if total <= self.limit {
                break;
            }
            removed_or_gone(&path)?;
            total -= len;
        }
        Ok(())
    }
}

/// The files of `now` that grew from those of `cached` by lines appended
/// to a JSON Lines file (each with where the new lines start); an error
/// when any file changed otherwise. Only the last file may grow, so that
/// undated articles keep their order across files.
fn appended(cached: &[Identity], now: &[Identity]) -> Result<Vec<(usize, usize)>, Miss> {
    if cached.len() != now.len() {
        return Err(Miss::Changed);
    }
    let mut grown = Vec::new();
    for (file, (before, after)) in cached.iter().zip(now).enumerate() {
        if before == after {
            continue;
        }
        let lines = before.path.extension().is_some_and(|ext| {
            ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson")
        });
        if !(lines && file + 1 == now.len() && before.grown_into(after) && ends_a_line(before)) {
            return Err(Miss::Changed);
        }
        grown.push((
            file,
            usize::try_from(before.size).map_err(|_| Miss::Changed)?,
        ));
    }
    Ok(grown)
}

/// Whether the file of `identity` has a line break as its last byte (as
/// it was when cached), so that appended lines start on their own.
fn ends_a_line(identity: &Identity) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Some(last) = identity.size.checked_sub(1) else {
        return true;
    };
    let mut byte = [0];
    File::open(&identity.path)
        .and_then(|mut file| {
            file.seek(SeekFrom::Start(last))?;
            file.read_exact(&mut byte)
        })
        .is_ok_and(|()| byte[0] == b'\n')
}

/// Removes the file at `path`; whether this call removed it (another reader
/// may have just done so).
fn removed_or_gone(path: &Path) -> io::Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(err) => Err(err),
    }
}

fn write(path: &Path, key: &Key, keepsake: &Keepsake) -> io::Result<()> {
    let file = File::create(path)?;
    let words = keepsake.words.as_ref().map(|words| words.columns());
    let count = 7 + if words.is_some() {
        kind::WORDS.len()
    } else {
        0
    };
    let mut writer = Writer::new(file, count)?;
    writer.section(kind::KEY, key.text.as_bytes())?;
    writer.section(kind::FILES, &encode(&key.files)?)?;
    writer.section(kind::STORE, &encode(&StoreRecord::of(&keepsake.store))?)?;
    writer.section(
        kind::ARTICLES,
        &records::articles(&keepsake.store, &key.files).map_err(io::Error::other)?,
    )?;
    writer.section(kind::ORGS, &encode(&keepsake.orgs.names)?)?;
    writer.section(kind::ORG_IDS, keepsake.orgs.per_article.values.as_bytes())?;
    writer.section(kind::ORG_ENDS, keepsake.orgs.per_article.ends.as_bytes())?;
    if let Some(words) = &words {
        let columns: [&[u8]; 7] = [
            words.words.values.as_bytes(),
            words.words.ends.as_bytes(),
            words.postings.values.as_bytes(),
            words.postings.ends.as_bytes(),
            words.places.values.as_bytes(),
            words.places.ends.as_bytes(),
            words.body_starts.as_bytes(),
        ];
        for (kind, bytes) in kind::WORDS.iter().zip(columns) {
            writer.section(*kind, bytes)?;
        }
    }
    writer.finish()?.sync_all()
}

fn encode<T: serde::Serialize>(value: &T) -> io::Result<Vec<u8>> {
    postcard::to_stdvec(value).map_err(io::Error::other)
}

fn decode<T: serde::de::DeserializeOwned>(mapped: &Mapped, kind: u32) -> Result<T, Unusable> {
    postcard::from_bytes(mapped.checked(kind)?).map_err(|_| Unusable::Damaged("unreadable section"))
}

/// The organisation index in the cache: its names decoded, its ids per
/// article used in place once their checksums are checked.
fn orgs_of(mapped: &Mapped) -> Result<OrgRecord, Unusable> {
    let names = decode(mapped, kind::ORGS)?;
    mapped.checked(kind::ORG_IDS)?;
    mapped.checked(kind::ORG_ENDS)?;
    let per_article = ragged(
        &mapped.bytes,
        mapped.range(kind::ORG_IDS),
        mapped.range(kind::ORG_ENDS),
    )
    .ok_or(Unusable::Damaged("organisation columns out of place"))?;
    Ok(OrgRecord { names, per_article })
}

/// A ragged column read in place from `bytes`.
fn ragged<T: bytemuck::Pod>(
    bytes: &Arc<memmap2::Mmap>,
    values: Option<Range<usize>>,
    ends: Option<Range<usize>>,
) -> Option<Ragged<T>> {
    Some(Ragged {
        values: Column::mapped(bytes, values?)?,
        ends: Column::mapped(bytes, ends?)?,
    })
}

/// The word index in the cache, used in place.
fn words_of(mapped: &Mapped, articles: usize) -> Option<WordIndex> {
    let [
        words,
        word_ends,
        postings,
        posting_ends,
        places,
        place_ends,
        body_starts,
    ] = kind::WORDS.map(|kind| mapped.range(kind));
    let bytes = &mapped.bytes;
    let columns = WordColumns {
        words: ragged(bytes, words, word_ends)?,
        postings: ragged(bytes, postings, posting_ends)?,
        places: ragged(bytes, places, place_ends)?,
        body_starts: Column::mapped(bytes, body_starts?)?,
    };
    WordIndex::from_columns(columns, articles)
}

fn dir_from(xdg_cache_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let absolute = |value: OsString| Some(PathBuf::from(value)).filter(|p| p.is_absolute());
    let cache = xdg_cache_home
        .and_then(absolute)
        .or_else(|| home.and_then(absolute).map(|home| home.join(".cache")))?;
    Some(cache.join("newsdesk"))
}

#[cfg(test)]
mod tests;
