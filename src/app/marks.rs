//! Read and starred articles: the marks, the views that show only unread
//! or only starred articles, and moving from one unread article to the
//! next.
//!
//! An article is marked read when the user opens it: `Enter` or a click in
//! the list, or `J`/`K`. The article shown when the reader starts is not
//! marked until it is opened so. Marks are kept by article id (the store's id, else one made
//! from the URL, else from the title and body), so the same article read
//! from another file or imported again keeps them. Each change is handed
//! to the event loop as an [`Effect::Remember`] to be kept.

use std::collections::HashSet;

use super::{App, Focus};
use crate::effect::{Change, Effect};

/// Which articles are read and which starred, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Ids of the articles read.
    pub read: HashSet<String>,
    /// Ids of the articles starred.
    pub starred: HashSet<String>,
}

/// Which articles the list shows besides any search or filter.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Only {
    /// Every article.
    #[default]
    All,
    /// Only those not read.
    Unread,
    /// Only those starred.
    Starred,
}

impl From<&crate::state::Marks> for Marks {
    fn from(kept: &crate::state::Marks) -> Self {
        let mut marks = Self::default();
        for (id, mark) in kept.iter() {
            if mark.read {
                marks.read.insert(id.to_owned());
            }
            if mark.starred {
                marks.starred.insert(id.to_owned());
            }
        }
        marks
    }
}

impl Only {
    /// What the status bar says of the view, when it is not every article.
    pub fn label(self) -> Option<&'static str> {
        match self {
            Self::All => None,
            Self::Unread => Some("unread only"),
            Self::Starred => Some("starred only"),
        }
    }
}

impl App {
    /// Whether article `index` of the store is read.
    pub fn is_read(&self, index: usize) -> bool {
        self.store
            .articles
            .get(index)
            .is_some_and(|article| self.marks.read.contains(&article.id))
    }

    /// Whether article `index` of the store is starred.
    pub fn is_starred(&self, index: usize) -> bool {
        self.store
            .articles
            .get(index)
            .is_some_and(|article| self.marks.starred.contains(&article.id))
    }

    /// How many articles of the store are not read.
    pub fn unread(&self) -> usize {
        self.unread
    }

    /// Takes `marks` as what is read and starred.
    pub fn set_marks(&mut self, marks: Marks) {
        self.marks = marks;
        self.count_unread();
        if self.view.only != Only::All {
            self.refilter();
        }
    }

    fn count_unread(&mut self) {
        self.unread = self
            .store
            .articles
            .iter()
            .filter(|article| !self.marks.read.contains(&article.id))
            .count();
    }

    /// Marks article `index` read or unread, to be kept.
    pub(super) fn mark_read(&mut self, index: usize, read: bool) {
        let Some(article) = self.store.articles.get(index) else {
            return;
        };
        let id = article.id.clone();
        let changed = if read {
            self.marks.read.insert(id.clone())
        } else {
            self.marks.read.remove(&id)
        };
        if changed {
            self.count_unread();
            self.effects
                .push(Effect::Remember(Change::Read { id, read }));
        }
    }

    /// The article a mark key acts on: the open one when the article pane
    /// has focus, else the one selected in the list.
    fn marked_article(&self) -> Option<usize> {
        match self.focus {
            Focus::Body | Focus::Entities => self.reading.as_ref().map(|r| r.index),
            Focus::Articles => self
                .view
                .article_at(self.list.selected, self.store.articles.len()),
        }
    }

    /// Read becomes unread and unread read.
    pub(super) fn toggle_read(&mut self) {
        if let Some(index) = self.marked_article() {
            let read = !self.is_read(index);
            self.mark_read(index, read);
            self.message = Some(if read { "Marked read" } else { "Marked unread" }.to_owned());
        }
    }

    /// Starred becomes not and not starred.
    pub(super) fn toggle_star(&mut self) {
        let Some(article) = self
            .marked_article()
            .and_then(|i| self.store.articles.get(i))
        else {
            return;
        };
        let id = article.id.clone();
        let starred = !self.marks.starred.contains(&id);
        if starred {
            self.marks.starred.insert(id.clone());
        } else {
            self.marks.starred.remove(&id);
        }
        self.message = Some(if starred { "Starred" } else { "Star taken off" }.to_owned());
        self.effects
            .push(Effect::Remember(Change::Starred { id, starred }));
    }

    /// Shows only `only`, or every article again if it was shown already.
    pub(super) fn toggle_only(&mut self, only: Only) {
        self.view.only = if self.view.only == only {
            Only::All
        } else {
            only
        };
        self.refilter();
    }

    /// Opens the next (or previous) unread article of the list after the
    /// selected one.
    pub(super) fn step_unread(&mut self, forward: bool) {
        let (len, total) = (self.list_len(), self.store.articles.len());
        let from = self.list.selected;
        let rows: Box<dyn Iterator<Item = usize>> = if forward {
            Box::new(from + 1..len)
        } else {
            Box::new((0..from).rev())
        };
        let found = rows
            .filter_map(|row| Some((row, self.view.article_at(row, total)?)))
            .find(|&(_, index)| !self.is_read(index));
        if let Some((row, index)) = found {
            self.list.select(row, len);
            self.read_article(index);
        } else {
            let which = if forward { "after" } else { "before" };
            self.message = Some(format!("No unread article {which} this one"));
        }
    }

    /// Opens article `index` for reading, and marks it read.
    pub(super) fn read_article(&mut self, index: usize) {
        self.open(index);
        self.mark_read(index, true);
    }

    /// Whether the view (every article, unread only, starred only) shows
    /// article `index`.
    pub(super) fn shown(&self, index: usize) -> bool {
        match self.view.only {
            Only::All => true,
            Only::Unread => !self.is_read(index),
            Only::Starred => self.is_starred(index),
        }
    }
}
