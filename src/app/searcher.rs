//! Store-wide search off the UI thread, for stores too large to search
//! between two keystrokes (more than `SEARCH_AT_ONCE` articles; smaller
//! ones are searched at once), so that typing never waits on them.
//!
//! Each keystroke starts a search with a new generation number; a search
//! stops as soon as a newer one starts, and results are taken only from the
//! newest, so stale results never replace newer ones. A word index of the
//! store is built on another worker; once it is there, searches use it.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::org_index::OrgAnswers;
use crate::search::{self, Found, Query, WordIndex};
use crate::store::Store;

/// Runs searches on worker threads.
#[derive(Debug)]
pub struct Searcher {
    generation: Arc<AtomicU64>,
    sender: Sender<(u64, Vec<Found>)>,
    results: Receiver<(u64, Vec<Found>)>,
    pending: bool,
    index: Option<Arc<WordIndex>>,
    index_feed: Option<Receiver<WordIndex>>,
    /// Tells the index worker to give up when the reader is done.
    abandoned: Arc<AtomicBool>,
    /// Articles the index worker has indexed so far, and in all.
    indexed: Arc<AtomicUsize>,
    to_index: usize,
}

impl Drop for Searcher {
    fn drop(&mut self) {
        self.abandoned.store(true, Ordering::SeqCst);
        self.generation.fetch_add(1, Ordering::SeqCst);
    }
}

impl Default for Searcher {
    fn default() -> Self {
        let (sender, results) = mpsc::channel();
        Self {
            generation: Arc::new(AtomicU64::new(0)),
            sender,
            results,
            pending: false,
            index: None,
            index_feed: None,
            abandoned: Arc::new(AtomicBool::new(false)),
            indexed: Arc::new(AtomicUsize::new(0)),
            to_index: 0,
        }
    }
}

impl Searcher {
    /// Starts indexing the words of `store` on a worker, unless an index is
    /// built or being built.
    pub fn start_indexing(&mut self, store: Arc<Store>) {
        if self.index.is_some() || self.index_feed.is_some() {
            return;
        }
        let (sender, feed) = mpsc::channel();
        self.index_feed = Some(feed);
        self.to_index = store.articles.len();
        let abandoned = Arc::clone(&self.abandoned);
        let indexed = Arc::clone(&self.indexed);
        thread::spawn(move || {
            let built = WordIndex::build_watched(&store.articles, |done| {
                if done % 256 == 0 {
                    indexed.store(done, Ordering::Relaxed);
                }
                done % 256 != 0 || !abandoned.load(Ordering::SeqCst)
            });
            if let Some(index) = built {
                // The reader may have gone; then nobody needs the index.
                let _ = sender.send(index);
            }
        });
    }

    /// Takes a word index read from the cache, once `check` (run on a
    /// worker: it reads the whole index) has found it whole; until then,
    /// and if it is not, searches read the articles.
    pub fn adopt(&mut self, check: impl FnOnce() -> Option<WordIndex> + Send + 'static) {
        if self.index.is_some() || self.index_feed.is_some() {
            return;
        }
        let (sender, feed) = mpsc::channel();
        self.index_feed = Some(feed);
        thread::spawn(move || {
            if let Some(index) = check() {
                let _ = sender.send(index);
            }
        });
    }

    /// The word index, once it is there.
    pub fn index(&mut self) -> Option<Arc<WordIndex>> {
        self.take_index();
        self.index.clone()
    }

    /// While a word index is being built: articles indexed, and in all.
    pub fn indexing_progress(&self) -> Option<(usize, usize)> {
        (self.index_feed.is_some() && self.to_index > 0)
            .then(|| (self.indexed.load(Ordering::Relaxed), self.to_index))
    }

    /// Whether the word index is still being built.
    pub fn is_indexing(&self) -> bool {
        self.index_feed.is_some()
    }

    /// Takes the word index if its worker has finished.
    fn take_index(&mut self) {
        if let Some(feed) = &self.index_feed {
            match feed.try_recv() {
                Ok(index) => {
                    self.index = Some(Arc::new(index));
                    self.index_feed = None;
                }
                Err(mpsc::TryRecvError::Disconnected) => self.index_feed = None,
                Err(mpsc::TryRecvError::Empty) => {}
            }
        }
    }

    /// Starts searching `store` for `query`, abandoning any earlier search;
    /// `org:` clauses are answered by `organisations`.
    pub fn start(&mut self, store: Arc<Store>, query: Query, organisations: OrgAnswers) {
        self.take_index();
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let current = Arc::clone(&self.generation);
        let sender = self.sender.clone();
        let index = self.index.clone();
        self.pending = true;
        thread::spawn(move || {
            if let Some(index) = index {
                // The index answers in one go; a newer search may still
                // supersede it, and then its results are dropped.
                let found = search::search_indexed(&query, &store.articles, &index, &organisations);
                let _ = sender.send((generation, found));
                return;
            }
            let stale = || current.load(Ordering::SeqCst) != generation;
            let Some(found) = search::search_unless(&query, &store.articles, &organisations, stale)
            else {
                return;
            };
            // The reader may have gone; then nobody needs the results.
            let _ = sender.send((generation, found));
        });
    }

    /// Forgets any search under way.
    pub fn cancel(&mut self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        self.pending = false;
    }

    /// Whether a search is under way.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// The results of the newest search, once it has finished.
    pub fn poll(&mut self) -> Option<Vec<Found>> {
        self.take_index();
        let newest = self.generation.load(Ordering::SeqCst);
        let mut latest = None;
        while let Ok((generation, found)) = self.results.try_recv() {
            if generation == newest {
                latest = Some(found);
            }
        }
        if latest.is_some() {
            self.pending = false;
        }
        latest
    }

    /// Blocks until the newest search has finished (for tests).
    pub fn wait(&mut self) -> Option<Vec<Found>> {
        let newest = self.generation.load(Ordering::SeqCst);
        while self.pending {
            match self.results.recv() {
                Ok((generation, found)) if generation == newest => {
                    self.pending = false;
                    return Some(found);
                }
                Ok(_) => {}
                Err(_) => self.pending = false,
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(n: usize) -> Arc<Store> {
        let articles: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"title":"t{i}","body":"{}"}}"#,
                    if i % 3 == 0 { "raid" } else { "calm" }
                )
            })
            .collect();
        Arc::new(Store::from_json_str("t", &format!("[{}]", articles.join(","))).unwrap())
    }

    use crate::search::NoOrganisations;

    #[test]
    fn finds_what_the_synchronous_search_finds() {
        let store = store(2_000);
        let query = Query::parse("raid").unwrap();
        let expected = search::search(&query, &store.articles, &NoOrganisations);
        let mut searcher = Searcher::default();
        searcher.start(Arc::clone(&store), query, OrgAnswers::default());
        assert!(searcher.is_pending());
        assert_eq!(searcher.wait(), Some(expected));
        assert!(!searcher.is_pending());
    }

    #[test]
    fn with_the_index_built_it_finds_the_same() {
        let store = store(3_000);
        let query = Query::parse("raid").unwrap();
        let expected = search::search(&query, &store.articles, &NoOrganisations);
        let mut searcher = Searcher::default();
        searcher.start_indexing(Arc::clone(&store));
        while searcher.is_indexing() {
            searcher.take_index();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(searcher.index.is_some());
        searcher.start(Arc::clone(&store), query, OrgAnswers::default());
        assert_eq!(searcher.wait(), Some(expected));
    }

    #[test]
    fn only_the_newest_search_is_answered() {
        let store = store(5_000);
        let mut searcher = Searcher::default();
        searcher.start(
            Arc::clone(&store),
            Query::parse("raid").unwrap(),
            OrgAnswers::default(),
        );
        searcher.start(
            Arc::clone(&store),
            Query::parse("calm").unwrap(),
            OrgAnswers::default(),
        );
        let found = searcher.wait().unwrap();
        assert!(!found.is_empty());
        assert!(found.iter().all(|f| store.articles[f.index].body == "calm"));
        // Whatever the first search sent is stale and never returned.
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(searcher.poll(), None);
    }
}
