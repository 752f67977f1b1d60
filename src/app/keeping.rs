//! When the reader hands what it derived from the store over to be kept in
//! the cache: once the organisation index is complete and the word index
//! built (or, for a store too large to index ahead, without it, and again
//! once a search has built it).

use std::sync::Arc;

use super::App;
use crate::cache::{Keepsake, Warm};
use crate::effect::Effect;

/// The most articles whose words are indexed ahead, before any search, so
/// that the cache has the index: past it the index would take more memory
/// than the store, and is built only when a store search asks for it.
pub const INDEX_AHEAD: usize = 300_000;

/// Where the reader is in keeping its cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keeping {
    /// Nothing is kept (no cache, `--no-cache`, or the sample).
    #[default]
    Off,
    /// Waiting for the indexes.
    Waiting,
    /// Kept without the word index: kept again once a search builds it.
    WithoutWords,
    /// The cache was whole but for its word index's check, under way: a
    /// damaged index is built and kept again.
    Checking,
    /// Kept whole, or the cache was whole already.
    Done,
}

impl App {
    /// A reader over a store opened from its cache: the organisation index
    /// complete at once, and the word index used once a worker has checked
    /// it.
    pub fn from_warm(
        warm: Warm,
        recogniser: crate::entities::Recogniser,
        viewport: ratatui::layout::Rect,
    ) -> Self {
        let Warm {
            extended,
            store,
            orgs,
            words,
        } = warm;
        let mut app = Self::with_index(store, recogniser, viewport, Some(orgs));
        let large = app.store.articles.len() > INDEX_AHEAD;
        app.keeping = match words {
            // Kept again only if the check finds the index damaged.
            Some(words) => {
                app.searcher.adopt(move || words.check());
                Keeping::Checking
            }
            // A store too large to index ahead was cached without its
            // word index: kept again once a search builds it.
            None if large && !extended => Keeping::WithoutWords,
            None => Keeping::Waiting,
        };
        app
    }

    /// Asks that the cache be kept once the indexes are built.
    pub fn keep_cache(&mut self) {
        if self.keeping == Keeping::Off {
            self.keeping = Keeping::Waiting;
        }
    }

    /// Whether the reader still waits for indexes to keep its cache.
    pub(super) fn awaits_keeping(&self) -> bool {
        matches!(self.keeping, Keeping::Waiting | Keeping::Checking)
            || (self.keeping == Keeping::WithoutWords && self.searcher.is_indexing())
    }

    /// Hands the indexes over to be kept when they are ready.
    pub(super) fn plan_keeping(&mut self) {
        if !self.index.is_complete() {
            return;
        }
        let words = self.searcher.index();
        match (self.keeping, words) {
            // Found whole: nothing to keep.
            (Keeping::Checking, Some(_)) => self.keeping = Keeping::Done,
            // Found damaged (the check is over, with no index): built
            // again, and kept.
            (Keeping::Checking, None) if !self.searcher.is_indexing() => {
                self.keeping = Keeping::Waiting;
            }
            (Keeping::Waiting | Keeping::WithoutWords, Some(words)) => {
                self.keep(Some(words));
                self.keeping = Keeping::Done;
            }
            (Keeping::Waiting, None) if self.searcher.is_indexing() => {}
            (Keeping::Waiting, None) if self.store.articles.len() <= INDEX_AHEAD => {
                self.searcher.start_indexing(Arc::clone(&self.store));
            }
            (Keeping::Waiting, None) => {
                self.keep(None);
                self.keeping = Keeping::WithoutWords;
            }
            _ => {}
        }
    }

    fn keep(&mut self, words: Option<Arc<crate::search::WordIndex>>) {
        let keepsake = Keepsake::new(Arc::clone(&self.store), &self.index, words);
        self.effects.push(Effect::Keep(Box::new(keepsake)));
    }
}
