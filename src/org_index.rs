//! Which organisations each article of the store names, built on a worker
//! thread so that opening a large store never waits for it.
//!
//! [`OrgIndex::spawn`] starts the worker; the reader calls
//! [`OrgIndex::absorb`] between frames to take what is ready. Until the
//! worker is done, counts cover the articles indexed so far and
//! [`OrgIndex::progress`] says how far it got.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::thread::{self, JoinHandle};

use crate::column::Ragged;
use crate::entities::{Kind, Recogniser};
use crate::search::{Clause, Organisations, Query};
use crate::store::{Article, Store};

/// How many articles the worker recognises before sending them.
const CHUNK: usize = 256;

/// The organisations named in one article: indices into the index's names.
type Named = Vec<u32>;

/// What the worker sends: the next articles' organisations, and names it
/// met for the first time.
#[derive(Debug)]
struct Chunk {
    new_names: Vec<(String, Kind)>,
    articles: Vec<Named>,
}

/// Organisations per article, and articles per organisation.
#[derive(Debug, Default)]
pub struct OrgIndex {
    names: Vec<(String, Kind)>,
    /// The id of each name, found by the name's hash (names are not copied
    /// into it).
    ids: hashbrown::HashTable<u32>,
    /// Names come from article text: hashed with a per-process seed.
    hasher: foldhash::fast::RandomState,
    /// Per article, the ids of the organisations it names, one column for
    /// all (a cache's is used in place).
    per_article: Ragged<u32>,
    articles_naming: Vec<u32>,
    total: usize,
    feed: Option<Receiver<Chunk>>,
    _worker: Option<Worker>,
}

/// The worker thread, and the flag that stops it.
#[derive(Debug)]
struct Worker {
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Drop for Worker {
    /// Stops the worker and waits for it (at most one article's
    /// recognition), so that no thread outlives the index.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl OrgIndex {
    /// Starts indexing `store` on a worker thread, which recognises each
    /// batch of articles on every core of the machine.
    ///
    /// The first batch is recognised on the worker alone, so that the
    /// reader's first frame, drawn meanwhile, has a core to itself; from the
    /// second on, the batch is split among as many threads as there are
    /// cores. The names are numbered afterwards, in article order, so the
    /// index is the one [`OrgIndex::build`] makes.
    pub fn spawn(store: Arc<Store>, recogniser: Arc<Recogniser>) -> Self {
        let (sender, receiver) = mpsc::channel();
        let total = store.articles.len();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let cores = thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let thread = thread::spawn(move || {
            let stopped = || stopped.load(Ordering::Relaxed);
            let mut seen: HashMap<String, u32> = HashMap::new();
            for (number, batch) in store.articles.chunks(CHUNK).enumerate() {
                let threads = if number == 0 { 1 } else { cores };
                let named = recognise_on(threads, &recogniser, batch, &stopped);
                // Every body is read once here: a large store's stays on disk.
                crate::store::release_bodies(batch);
                let chunk = number_names(named, &mut seen);
                // The reader has gone: nobody needs the rest.
                if stopped() || sender.send(chunk).is_err() {
                    return;
                }
            }
        });
        Self {
            total,
            feed: Some(receiver),
            _worker: Some(Worker {
                stop,
                thread: Some(thread),
            }),
            ..Self::default()
        }
    }

    /// Indexes `store` before returning, on every core (for the command
    /// line and tests): the same index the worker builds.
    pub fn build(store: &Store, recogniser: &Recogniser) -> Self {
        let mut index = Self {
            total: store.articles.len(),
            ..Self::default()
        };
        let cores = thread::available_parallelism().map_or(1, std::num::NonZero::get);
        let mut seen = HashMap::new();
        // In chunks, as the worker does, so that a large store's bodies are
        // given back as they are read.
        for batch in store.articles.chunks(CHUNK) {
            let named = recognise_on(cores, recogniser, batch, &|| false);
            crate::store::release_bodies(batch);
            index.apply(number_names(named, &mut seen));
        }
        index
    }

    /// A complete index of `per_article.len()` articles, from what
    /// [`OrgIndex::parts`] gave (as the cache keeps it); `None` when an
    /// article names an organisation that is not in `names`, or the
    /// entries are not one after another.
    pub fn from_parts(names: Vec<(String, Kind)>, per_article: Ragged<u32>) -> Option<Self> {
        if !per_article.is_whole() {
            return None;
        }
        // One pass counts and checks every id (a cache holds tens of
        // millions).
        let mut articles_naming = vec![0u32; names.len()];
        for &id in per_article.values.as_slice() {
            *articles_naming.get_mut(id as usize)? += 1;
        }
        let mut index = Self {
            total: per_article.len(),
            names,
            per_article,
            articles_naming,
            ..Self::default()
        };
        index.ids.reserve(index.names.len(), |_| 0);
        for id in 0..index.names.len() {
            index.add_id(u32::try_from(id).ok()?);
        }
        Some(index)
    }

    /// Makes name `id` (already in `names`) found by its text.
    fn add_id(&mut self, id: u32) {
        let (names, hasher) = (&self.names, &self.hasher);
        let hash = |id: &u32| hasher.hash_one(names[*id as usize].0.as_str());
        self.ids.insert_unique(hash(&id), id, hash);
    }

    /// The id of the organisation named `name`, if it was met.
    fn id_of(&self, name: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(name);
        self.ids
            .find(hash, |&id| self.names[id as usize].0 == name)
            .copied()
    }

    /// The organisations met, and per article the ones it names (as
    /// indices into them).
    pub fn parts(&self) -> (&[(String, Kind)], &Ragged<u32>) {
        (&self.names, &self.per_article)
    }

    /// The parts [`OrgIndex::parts`] shows, handed over.
    pub fn into_parts(self) -> (Vec<(String, Kind)>, Ragged<u32>) {
        (self.names, self.per_article)
    }

    /// Takes whatever the worker has finished; whether anything changed.
    pub fn absorb(&mut self) -> bool {
        let mut changed = false;
        while let Some(feed) = &self.feed {
            match feed.try_recv() {
                Ok(chunk) => {
                    self.apply(chunk);
                    changed = true;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => self.feed = None,
            }
        }
        changed
    }

    /// Blocks until the worker has finished (for tests).
    pub fn wait(&mut self) {
        while let Some(feed) = &self.feed {
            match feed.recv() {
                Ok(chunk) => self.apply(chunk),
                Err(_) => self.feed = None,
            }
        }
    }

    fn apply(&mut self, chunk: Chunk) {
        for (name, kind) in chunk.new_names {
            let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
            self.names.push((name, kind));
            self.articles_naming.push(0);
            self.add_id(id);
        }
        for named in chunk.articles {
            for &id in &named {
                if let Some(count) = self.articles_naming.get_mut(id as usize) {
                    *count += 1;
                }
            }
            self.per_article.push(&named);
        }
    }

    /// Whether every article has been indexed.
    pub fn is_complete(&self) -> bool {
        self.per_article.len() >= self.total
    }

    /// Articles indexed so far, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.per_article.len(), self.total)
    }

    /// How many of the indexed articles name `name`.
    pub fn articles_naming(&self, name: &str) -> usize {
        self.id_of(name)
            .map_or(0, |id| self.articles_naming[id as usize] as usize)
    }

    /// Whether article `index` (if indexed yet) names `name`.
    pub fn names(&self, index: usize, name: &str) -> bool {
        let Some(id) = self.id_of(name) else {
            return false;
        };
        index < self.per_article.len() && self.per_article.get(index).contains(&id)
    }

    /// Every organisation with the number of indexed articles naming it,
    /// most named first, then by name.
    pub fn organisations(&self) -> Vec<(&str, Kind, usize)> {
        let mut all: Vec<(&str, Kind, usize)> = self
            .names
            .iter()
            .zip(&self.articles_naming)
            .map(|((name, kind), &count)| (name.as_str(), *kind, count as usize))
            .collect();
        all.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(b.0)));
        all
    }
}

/// Answers a query's `org:` clauses from an [`OrgIndex`]: each name typed
/// is resolved once to the organisations it stands for (by canonical name
/// or any gazetteer alias, ignoring case).
pub struct OrgClauses<'a> {
    index: &'a OrgIndex,
    resolved: Vec<(String, Vec<u32>)>,
}

impl OrgIndex {
    /// Resolves the `org:` names of `query` against this index.
    pub fn clauses<'a>(&'a self, query: &Query, recogniser: &Recogniser) -> OrgClauses<'a> {
        let resolved = query
            .clauses
            .iter()
            .filter_map(|clause| match clause {
                Clause::Organisation { name, .. } => Some(name),
                _ => None,
            })
            .map(|typed| {
                // Gazetteer names one of whose aliases was typed: looked up
                // once, not once per name in the index.
                let by_alias: Vec<&str> = recogniser
                    .organisations()
                    .iter()
                    .filter(|org| {
                        org.aliases
                            .iter()
                            .any(|a| a.text.eq_ignore_ascii_case(typed))
                    })
                    .map(|org| org.name.as_str())
                    .collect();
                let known_as = |canonical: &str| {
                    canonical.eq_ignore_ascii_case(typed) || by_alias.contains(&canonical)
                };
                let ids = self
                    .names
                    .iter()
                    .enumerate()
                    .filter(|(_, (name, _))| known_as(name))
                    .map(|(id, _)| u32::try_from(id).unwrap_or(u32::MAX))
                    .collect();
                (typed.clone(), ids)
            })
            .collect();
        OrgClauses {
            index: self,
            resolved,
        }
    }
}

/// The answers of a query's `org:` clauses for every indexed article,
/// owned, so that a search on another thread can use them.
#[derive(Debug, Clone, Default)]
pub struct OrgAnswers(Vec<(String, Vec<bool>)>);

impl OrgClauses<'_> {
    /// Answers every `org:` name for every indexed article, once.
    pub fn answers(&self) -> OrgAnswers {
        OrgAnswers(
            self.resolved
                .iter()
                .map(|(typed, _)| {
                    let names = (0..self.index.per_article.len())
                        .map(|article| self.names(article, typed))
                        .collect();
                    (typed.clone(), names)
                })
                .collect(),
        )
    }
}

impl Organisations for OrgAnswers {
    fn names(&self, index: usize, name: &str) -> bool {
        self.0
            .iter()
            .find(|(typed, _)| typed == name)
            .is_some_and(|(_, names)| names.get(index).copied().unwrap_or(false))
    }
}

impl Organisations for OrgClauses<'_> {
    fn names(&self, index: usize, name: &str) -> bool {
        let Some((_, ids)) = self.resolved.iter().find(|(typed, _)| typed == name) else {
            return false;
        };
        let per_article = &self.index.per_article;
        index < per_article.len() && per_article.get(index).iter().any(|id| ids.contains(id))
    }
}

/// The organisations each of `articles` names, as indices into `names`, to
/// which the organisations met for the first time are added.
pub fn named_by(
    recogniser: &Recogniser,
    articles: &[Article],
    names: &mut Vec<(String, Kind)>,
) -> Vec<Vec<u32>> {
    let mut seen: HashMap<String, u32> = names
        .iter()
        .zip(0..)
        .map(|((name, _), id)| (name.clone(), id))
        .collect();
    let cores = thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let mut per_article = Vec::with_capacity(articles.len());
    // In batches, as the index is built, so that mapped bodies are given
    // back as they are read.
    for batch in articles.chunks(CHUNK) {
        let found = recognise_on(cores, recogniser, batch, &|| false);
        crate::store::release_bodies(batch);
        let chunk = number_names(found, &mut seen);
        names.extend(chunk.new_names);
        per_article.extend(chunk.articles);
    }
    per_article
}

/// The distinct organisations each of `articles` names, in order, found on
/// `threads` threads (the calling one among them), each taking a run of
/// articles; articles after a stop are left out.
fn recognise_on(
    threads: usize,
    recogniser: &Recogniser,
    articles: &[Article],
    stop: &(dyn Fn() -> bool + Sync),
) -> Vec<Vec<(String, Kind)>> {
    let distinct = |articles: &[Article]| -> Vec<Vec<(String, Kind)>> {
        let mut per_article = Vec::with_capacity(articles.len());
        for article in articles {
            if stop() {
                break;
            }
            let mut names: Vec<(String, Kind)> = Vec::new();
            for mention in recogniser.recognise(&article.body.text()) {
                if !names.iter().any(|(name, _)| *name == mention.name) {
                    names.push((mention.name, mention.kind));
                }
            }
            per_article.push(names);
        }
        per_article
    };
    let run = articles.len().div_ceil(threads.max(1)).max(1);
    if threads <= 1 || articles.len() <= run {
        return distinct(articles);
    }
    thread::scope(|scope| {
        let mut runs = articles.chunks(run);
        let first = runs.next().unwrap_or_default();
        let helpers: Vec<_> = runs
            .map(|part| scope.spawn(move || distinct(part)))
            .collect();
        let mut named = distinct(first);
        let mut unbroken = true;
        for helper in helpers {
            // Every run but the last is whole unless a stop cut it short;
            // articles after a gap would be numbered out of place, so only
            // the unbroken start is kept. A helper that panicked has
            // recognised nothing: its articles are left out the same way,
            // rather than taking the reader down.
            let part = helper.join();
            unbroken &= named.len() % run == 0;
            match part {
                Ok(part) if unbroken => named.extend(part),
                _ => unbroken = false,
            }
        }
        named
    })
}

/// Numbers the names of `named` (per article, in order): ids from `seen`,
/// and the next id, recorded in the chunk, for a name met the first time.
fn number_names(named: Vec<Vec<(String, Kind)>>, seen: &mut HashMap<String, u32>) -> Chunk {
    let mut chunk = Chunk {
        new_names: Vec::new(),
        articles: Vec::with_capacity(named.len()),
    };
    for names in named {
        let mut ids: Named = Vec::with_capacity(names.len());
        for (name, kind) in names {
            let id = if let Some(&id) = seen.get(&name) {
                id
            } else {
                let id = u32::try_from(seen.len()).unwrap_or(u32::MAX);
                seen.insert(name.clone(), id);
                chunk.new_names.push((name, kind));
                id
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        chunk.articles.push(ids);
    }
    chunk
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    fn fixtures() -> (Store, Recogniser) {
        let store = Store::from_json_str(
            "t",
            r#"[{"title":"a","body":"Europol and Europol and AP","published":"2026-01-03"},
                {"title":"b","body":"AP only","published":"2026-01-02"},
                {"title":"c","body":"nothing","published":"2026-01-01"}]"#,
        )
        .unwrap();
        let gazetteer = Gazetteer::parse(
            "g",
            r#"{"organisations":[{"name":"Europol","kind":"agency"},
                {"name":"Associated Press","kind":"outlet","aliases":["AP"]}]}"#,
        )
        .unwrap();
        (store, Recogniser::new(gazetteer))
    }

    #[test]
    fn counts_articles_not_mentions() {
        let (store, recogniser) = fixtures();
        let index = OrgIndex::build(&store, &recogniser);
        assert!(index.is_complete());
        assert_eq!(index.articles_naming("Europol"), 1);
        assert_eq!(index.articles_naming("Associated Press"), 2);
        assert_eq!(index.articles_naming("Nobody"), 0);
        assert!(index.names(1, "Associated Press") && !index.names(2, "Associated Press"));
        assert_eq!(
            index.organisations(),
            [
                ("Associated Press", Kind::Outlet, 2),
                ("Europol", Kind::Agency, 1)
            ]
        );
    }

    #[test]
    fn an_index_from_its_parts_answers_as_the_one_built() {
        let (store, recogniser) = fixtures();
        let built = OrgIndex::build(&store, &recogniser);
        let (names, per_article) = built.parts();
        let again = OrgIndex::from_parts(names.to_vec(), per_article.clone()).unwrap();
        assert!(again.is_complete());
        assert_eq!(again.organisations(), built.organisations());
        for article in 0..4 {
            assert_eq!(
                again.names(article, "Europol"),
                built.names(article, "Europol")
            );
        }
        // An id past the names, or entries that overlap, are refused.
        let past = Ragged::pack(vec![vec![0], vec![7], vec![]]);
        assert!(OrgIndex::from_parts(names.to_vec(), past).is_none());
        let overlapping = Ragged {
            values: vec![0u32, 1].into(),
            ends: vec![2u64, 1, 2].into(),
        };
        assert!(OrgIndex::from_parts(names.to_vec(), overlapping).is_none());
    }

    #[test]
    fn org_clauses_resolve_canonical_names_and_aliases() {
        let (store, recogniser) = fixtures();
        let index = OrgIndex::build(&store, &recogniser);
        let query = Query::parse("org:ap org:EUROPOL org:nobody").unwrap();
        let clauses = index.clauses(&query, &recogniser);
        assert!(
            clauses.names(0, "ap") && clauses.names(1, "ap"),
            "by alias, any case"
        );
        assert!(clauses.names(0, "EUROPOL") && !clauses.names(1, "EUROPOL"));
        assert!(!clauses.names(0, "nobody"));
        let found = crate::search::search(&query, &store.articles, &clauses);
        assert!(found.is_empty(), "no article names nobody");
        let answers = clauses.answers();
        for article in 0..store.articles.len() {
            for name in ["ap", "EUROPOL", "nobody"] {
                assert_eq!(answers.names(article, name), clauses.names(article, name));
            }
        }
    }

    #[test]
    fn recognition_on_several_threads_keeps_article_order() {
        let (store, recogniser) = fixtures();
        let one = recognise_on(1, &recogniser, &store.articles, &|| false);
        for threads in [2, 3, 8] {
            assert_eq!(
                recognise_on(threads, &recogniser, &store.articles, &|| false),
                one,
                "{threads} threads"
            );
        }
        assert_eq!(one.len(), 3);
        assert_eq!(one[0].len(), 2, "each article's names once");
        let stopped = recognise_on(2, &recogniser, &store.articles, &|| true);
        assert!(stopped.is_empty());
        // Stopped part-way, on any thread: what comes back is a start of
        // the whole, never a list with a gap.
        for after in 0..4 {
            let asked = std::sync::atomic::AtomicUsize::new(0);
            let stop = || asked.fetch_add(1, Ordering::Relaxed) >= after;
            let part = recognise_on(2, &recogniser, &store.articles, &stop);
            assert_eq!(part, one[..part.len()], "stopped after {after}");
        }
    }

    #[test]
    fn a_parallel_index_numbers_names_as_the_built_one_does() {
        let body = |i: usize| match i % 3 {
            0 => "Europol and AP",
            1 => "AP only",
            _ => "nothing",
        };
        let json = (0..600)
            .map(|i| {
                format!(
                    r#"{{"title":"t{i}","body":"{}","published":"2026-01-01"}}"#,
                    body(i)
                )
            })
            .collect::<Vec<_>>()
            .join(",");
        let store = Store::from_json_str("t", &format!("[{json}]")).unwrap();
        let (_, recogniser) = fixtures();
        let built = OrgIndex::build(&store, &recogniser);
        let mut spawned = OrgIndex::spawn(Arc::new(store), Arc::new(recogniser));
        spawned.wait();
        assert_eq!(spawned.parts(), built.parts());
    }

    #[test]
    fn the_worker_reaches_the_same_index() {
        let (store, recogniser) = fixtures();
        let built = OrgIndex::build(&store, &recogniser);
        let mut spawned = OrgIndex::spawn(Arc::new(store), Arc::new(recogniser));
        assert_eq!(spawned.progress().1, 3);
        spawned.wait();
        assert!(spawned.is_complete());
        assert_eq!(spawned.organisations(), built.organisations());
    }
}
