//! The article list as shown: every article, only those that name an
//! organisation, or the matches of a store-wide search in rank order.

use super::{App, Focus, Only};
use crate::keymap::Mode;
use crate::search::{self, Query};

/// What narrows the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Narrowing {
    /// Articles that name this organisation (canonical name).
    Organisation(String),
    /// Matches of this query, best first.
    Search(String),
}

/// Which articles the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// What narrows the list, if anything.
    pub narrowing: Option<Narrowing>,
    /// Store indices of the shown articles when narrowed.
    rows: Option<Vec<usize>>,
    /// Hits per row when the list shows search results.
    hits: Option<Vec<usize>>,
    /// Every article, or only unread or starred ones.
    pub only: Only,
    /// The results of the search the list shows, as they came (store
    /// indices, best first, and their hits when counted), for the views
    /// to filter again without searching again.
    searched: Option<(Vec<usize>, Option<Vec<usize>>)>,
}

impl ListView {
    /// How many rows the list has, given `total` articles in the store.
    pub fn len(&self, total: usize) -> usize {
        self.rows.as_ref().map_or(total, Vec::len)
    }

    /// The store index of row `row`, if the list has that row, given
    /// `total` articles in the store.
    pub fn article_at(&self, row: usize, total: usize) -> Option<usize> {
        match &self.rows {
            Some(rows) => rows.get(row).copied(),
            None => (row < total).then_some(row),
        }
    }

    /// The row showing store index `article`, if it is shown.
    pub fn row_of(&self, article: usize) -> Option<usize> {
        match &self.rows {
            Some(rows) => rows.iter().position(|&a| a == article),
            None => Some(article),
        }
    }

    /// The hits of row `row`, when the list shows search results.
    pub fn hits_at(&self, row: usize) -> Option<usize> {
        self.hits.as_ref().and_then(|hits| hits.get(row).copied())
    }

    /// The organisation the list is narrowed to, if it is.
    pub fn organisation(&self) -> Option<&str> {
        match &self.narrowing {
            Some(Narrowing::Organisation(name)) => Some(name),
            _ => None,
        }
    }

    /// The query whose results the list shows, if it does.
    pub fn query(&self) -> Option<&str> {
        match &self.narrowing {
            Some(Narrowing::Search(query)) => Some(query),
            _ => None,
        }
    }
}

/// Stores up to this many articles are searched on the UI thread.
pub(super) const SEARCH_AT_ONCE: usize = 2_000;

/// The list and selection to go back to when a search is abandoned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedList {
    view: ListView,
    selected: usize,
}

impl App {
    /// Narrows the list to the articles that name the organisation selected
    /// in the entities pane.
    pub(super) fn filter_by_selected_organisation(&mut self) {
        let Some(named) = self
            .reading
            .as_ref()
            .and_then(|r| r.named.get(self.entities.selected))
        else {
            self.message = Some("Select an organisation in the entities pane first".to_owned());
            return;
        };
        self.view.narrowing = Some(Narrowing::Organisation(named.name.clone()));
        self.view.hits = None;
        self.refilter();
    }

    /// Recomputes the narrowed rows (after the narrowing or the index
    /// changed), keeping the selected article selected when still shown.
    pub(super) fn refilter(&mut self) {
        let selected = self
            .view
            .article_at(self.list.selected, self.store.articles.len());
        match self.view.narrowing.clone() {
            None => {
                self.view.rows = None;
                self.view.hits = None;
                self.view.searched = None;
                self.keep_only();
            }
            Some(Narrowing::Organisation(name)) => {
                let rows: Vec<usize> = (0..self.store.articles.len())
                    .filter(|&i| self.index.names(i, &name))
                    .collect();
                self.view.rows = Some(rows);
                self.view.hits = None;
                self.view.searched = None;
                self.keep_only();
            }
            Some(Narrowing::Search(_)) => {
                // The results are filtered again, never searched for again
                // here: on a large store that would stall the reader. Results
                // still on their way are filtered when they arrive.
                let Some((rows, hits)) = self.view.searched.clone() else {
                    return;
                };
                self.view.rows = Some(rows);
                self.view.hits = hits;
                self.keep_only();
            }
        }
        let row = selected
            .and_then(|article| self.view.row_of(article))
            .unwrap_or(0);
        self.list
            .select(row, self.view.len(self.store.articles.len()));
    }

    fn set_results(&mut self, found: &[search::Found]) {
        let rows: Vec<usize> = found.iter().map(|f| f.index).collect();
        // A query of only `org:`, dates and exclusions counts no hits; a
        // column of zeros would say nothing.
        let counted = found.iter().any(|f| f.hits.total > 0);
        let hits: Option<Vec<usize>> =
            counted.then(|| found.iter().map(|f| f.hits.total).collect());
        self.view.searched = Some((rows.clone(), hits.clone()));
        self.view.rows = Some(rows);
        self.view.hits = hits;
        self.keep_only();
    }

    /// Keeps of the rows (every article when not narrowed) those the view
    /// shows: unread only, or starred only.
    fn keep_only(&mut self) {
        if self.view.only == Only::All {
            return;
        }
        let rows = self
            .view
            .rows
            .take()
            .unwrap_or_else(|| (0..self.store.articles.len()).collect());
        let hits = self.view.hits.take();
        let kept: Vec<(usize, Option<usize>)> = rows
            .into_iter()
            .enumerate()
            .filter(|&(_, index)| self.shown(index))
            .map(|(row, index)| (index, hits.as_ref().and_then(|h| h.get(row).copied())))
            .collect();
        self.view.hits = hits.map(|_| kept.iter().filter_map(|(_, h)| *h).collect());
        self.view.rows = Some(kept.into_iter().map(|(index, _)| index).collect());
    }

    /// Shows results that arrived from the worker, best first.
    pub(super) fn show_results(&mut self, found: &[search::Found]) {
        if self.view.query().is_none() {
            return;
        }
        self.set_results(found);
        self.list
            .select(0, self.view.len(self.store.articles.len()));
    }

    /// Shows every article again, keeping the selected one selected.
    pub(super) fn clear_filter(&mut self) {
        self.view.narrowing = None;
        self.refilter();
    }

    /// Opens the store search prompt, remembering the list to go back to.
    pub(super) fn start_store_search(&mut self) {
        self.saved_list = Some(SavedList {
            view: self.view.clone(),
            selected: self.list.selected,
        });
        self.mode = Mode::Search;
        self.focus = Focus::Articles;
        self.prompt.clear();
        // A large store gets a word index the first time it is searched,
        // built in the background; until then searches read the articles.
        if self.store.articles.len() > SEARCH_AT_ONCE {
            self.searcher
                .start_indexing(std::sync::Arc::clone(&self.store));
        }
        self.search_history.reset();
        self.search_as_typed();
    }

    /// Runs the query at the prompt over the store (empty: every article).
    pub(super) fn search_as_typed(&mut self) {
        if self.prompt.trim().is_empty() {
            self.searcher.cancel();
            if let Some(saved) = &self.saved_list {
                self.view = saved.view.clone();
                self.list.selected = saved.selected;
            }
            return;
        }
        match Query::parse(&self.prompt) {
            Err(error) => self.message = Some(format!("Query: {error}")),
            Ok(query) => {
                if query.has_organisations() && !self.index.is_complete() {
                    let (done, total) = self.index.progress();
                    self.message = Some(format!(
                        "org: answers from the {done} of {total} articles counted so far"
                    ));
                }
                self.view.narrowing = Some(Narrowing::Search(self.prompt.clone()));
                // Small stores are searched at once; others on a worker, so a
                // keystroke never waits for a large store. The worker gets the
                // org: answers from the index, which lives on this thread.
                if self.store.articles.len() <= SEARCH_AT_ONCE {
                    self.searcher.cancel();
                    let clauses = self.index.clauses(&query, &self.recogniser);
                    let found = search::search(&query, &self.store.articles, &clauses);
                    self.show_results(&found);
                } else {
                    self.view.searched = None;
                    let answers = self.index.clauses(&query, &self.recogniser).answers();
                    self.searcher
                        .start(std::sync::Arc::clone(&self.store), query, answers);
                }
            }
        }
    }

    /// Leaves the store search prompt, keeping the results or going back.
    pub(super) fn end_store_search(&mut self, keep: bool) {
        self.mode = Mode::Normal;
        if !keep {
            self.searcher.cancel();
        }
        let saved = self.saved_list.take();
        if keep && !self.prompt.trim().is_empty() {
            self.search_history.remember(&self.prompt);
            let query = self.prompt.trim().to_owned();
            self.effects.push(crate::effect::Effect::Remember(
                crate::effect::Change::Search(query),
            ));
        } else if let Some(saved) = saved {
            self.view = saved.view;
            self.list.selected = saved.selected;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unfiltered_view_is_the_store() {
        let view = ListView::default();
        assert_eq!(
            (view.len(7), view.article_at(3, 7), view.row_of(5)),
            (7, Some(3), Some(5))
        );
        assert_eq!(view.article_at(7, 7), None, "no such row");
        assert_eq!(view.article_at(0, 0), None, "an empty store has no row");
        assert_eq!(view.hits_at(0), None);
    }

    #[test]
    fn a_filtered_view_maps_rows_to_articles() {
        let view = ListView {
            narrowing: Some(Narrowing::Search("x".to_owned())),
            rows: Some(vec![2, 5, 9]),
            hits: Some(vec![4, 2, 1]),
            only: Only::All,
            searched: None,
        };
        assert_eq!(view.len(100), 3);
        assert_eq!(view.article_at(1, 100), Some(5));
        assert_eq!(view.row_of(9), Some(2));
        assert_eq!(view.row_of(4), None);
        assert_eq!(view.article_at(3, 100), None, "no such row");
        assert_eq!(view.hits_at(0), Some(4));
        assert_eq!(view.query(), Some("x"));
        assert_eq!(view.organisation(), None);
    }
}
