//! State kept in memory only: for `--no-state`, for tests, and for a
//! reader whose state directory cannot be written.
//!
//! It follows the same rules as the database, and the tests hold the
//! database to it (see the oracle test in `db.rs`).

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::Timestamp;

use super::{Change, HISTORY_CAP, HistoryKind, Mark, Marks, Session};

/// Everything [`super::State`] keeps, in plain collections.
#[derive(Debug, Clone, Default)]
pub(super) struct Memory {
    pub(super) marks: HashMap<String, Mark>,
    pub(super) sessions: HashMap<String, Session>,
    pub(super) last_stores: Vec<PathBuf>,
    pub(super) find: Vec<String>,
    pub(super) search: Vec<String>,
}

impl Memory {
    /// Every read and starred mark.
    pub(super) fn marks(&self) -> Marks {
        Marks {
            by_article: self.marks.clone(),
        }
    }

    /// Where the reader was in the stores named by `key`.
    pub(super) fn session(&self, key: &str) -> Option<Session> {
        self.sessions.get(key).cloned()
    }

    /// The stores opened last, empty when none were saved.
    pub(super) fn last_stores(&self) -> Vec<PathBuf> {
        self.last_stores.clone()
    }

    /// The queries of one kind, oldest first.
    pub(super) fn history(&self, kind: HistoryKind) -> Vec<String> {
        self.queries(kind).clone()
    }

    /// Makes one change; `now` is when it happened.
    pub(super) fn apply(&mut self, change: &Change<'_>, now: Timestamp) {
        match *change {
            Change::Read(ids, read) => {
                for &id in ids {
                    self.marks
                        .entry(id.to_owned())
                        .or_default()
                        .set_read(read, now);
                }
            }
            Change::Starred(id, starred) => {
                self.marks
                    .entry(id.to_owned())
                    .or_default()
                    .set_starred(starred, now);
            }
            Change::Session(key, session) => {
                self.sessions.insert(key.to_owned(), session.clone());
            }
            Change::LastStores(paths) => self.last_stores = paths.to_vec(),
            Change::History(kind, query) => {
                let queries = self.queries_mut(kind);
                queries.retain(|q| q != query);
                queries.push(query.to_owned());
                let excess = queries.len().saturating_sub(HISTORY_CAP);
                queries.drain(..excess);
            }
        }
    }

    fn queries(&self, kind: HistoryKind) -> &Vec<String> {
        match kind {
            HistoryKind::Find => &self.find,
            HistoryKind::Search => &self.search,
        }
    }

    fn queries_mut(&mut self, kind: HistoryKind) -> &mut Vec<String> {
        match kind {
            HistoryKind::Find => &mut self.find,
            HistoryKind::Search => &mut self.search,
        }
    }
}
