//! State kept in `state.db`: reads and changes as SQL.
//!
//! Every change runs in its own `BEGIN IMMEDIATE` transaction. Immediate,
//! because a deferred transaction that reads before it writes cannot wait
//! for a second reader's write to finish: `SQLite` reports `SQLITE_BUSY` at
//! once instead of calling the busy handler, and the change would be lost.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, TransactionBehavior, params};

use super::memory::Memory;
use super::{Change, HISTORY_CAP, HistoryKind, Mark, Marks, Session};

/// An open, checked and migrated `state.db`.
#[derive(Debug)]
pub(super) struct Db {
    conn: Connection,
    path: PathBuf,
}

impl Db {
    /// Wraps a connection that [`super::open`] has checked and migrated.
    pub(super) fn new(conn: Connection, path: PathBuf) -> Self {
        Self { conn, path }
    }

    /// The database file.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Every read and starred mark, in one query.
    pub(super) fn marks(&self) -> rusqlite::Result<Marks> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article, read, read_at, starred, starred_at FROM mark")?;
        let mut rows = stmt.query([])?;
        let mut marks = Marks::default();
        while let Some(row) = rows.next()? {
            let mark = Mark {
                read: row.get(1)?,
                read_at: timestamp(row.get(2)?),
                starred: row.get(3)?,
                starred_at: timestamp(row.get(4)?),
            };
            marks.by_article.insert(row.get(0)?, mark);
        }
        Ok(marks)
    }

    /// Where the reader was in the stores named by `key`.
    pub(super) fn session(&self, key: &str) -> rusqlite::Result<Option<Session>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT article, scroll FROM session WHERE key = ?1")?;
        let mut rows = stmt.query([key])?;
        rows.next()?.map(session).transpose()
    }

    /// The stores opened last, in the order given; empty when none were saved.
    pub(super) fn last_stores(&self) -> rusqlite::Result<Vec<PathBuf>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT path FROM last_store ORDER BY position")?;
        let mut rows = stmt.query([])?;
        let mut paths = Vec::new();
        while let Some(row) = rows.next()? {
            if let Some(path) = path_from_value(row.get_ref(0)?) {
                paths.push(path);
            }
        }
        Ok(paths)
    }

    /// The queries of one kind, oldest first.
    pub(super) fn history(&self, kind: HistoryKind) -> rusqlite::Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT query FROM history WHERE kind = ?1 ORDER BY seq")?;
        stmt.query_map([kind.name()], |row| row.get(0))?.collect()
    }

    /// Everything in the database, for carrying on in memory.
    pub(super) fn snapshot(&self) -> rusqlite::Result<Memory> {
        let mut sessions = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT key, article, scroll FROM session")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let key: String = row.get(0)?;
            let session = Session {
                article: row.get(1)?,
                scroll: scroll(row.get(2)?),
            };
            sessions.insert(key, session);
        }
        Ok(Memory {
            marks: self.marks()?.by_article,
            sessions,
            last_stores: self.last_stores()?,
            find: self.history(HistoryKind::Find)?,
            search: self.history(HistoryKind::Search)?,
        })
    }

    /// Makes one change in one transaction, committed before it returns;
    /// `now` is when it happened.
    pub(super) fn apply(&mut self, change: &Change<'_>, now: Timestamp) -> rusqlite::Result<()> {
        let now = now.as_millisecond();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        match *change {
            Change::Read(ids, read) => {
                // A time records a change of value: setting what is already
                // set keeps the old time, and a new unread mark has none.
                let mut stmt = tx.prepare_cached(
                    "INSERT INTO mark (article, read, read_at)
                     VALUES (?1, ?2, CASE WHEN ?2 THEN ?3 END)
                     ON CONFLICT (article) DO UPDATE SET
                         read_at = CASE WHEN read = excluded.read THEN read_at ELSE ?3 END,
                         read = excluded.read",
                )?;
                for &id in ids {
                    stmt.execute(params![id, read, now])?;
                }
            }
            Change::Starred(id, starred) => {
                tx.prepare_cached(
                    "INSERT INTO mark (article, starred, starred_at)
                     VALUES (?1, ?2, CASE WHEN ?2 THEN ?3 END)
                     ON CONFLICT (article) DO UPDATE SET
                         starred_at = CASE WHEN starred = excluded.starred
                                      THEN starred_at ELSE ?3 END,
                         starred = excluded.starred",
                )?
                .execute(params![id, starred, now])?;
            }
            Change::Session(key, session) => {
                let scroll = i64::try_from(session.scroll).unwrap_or(i64::MAX);
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO session (key, article, scroll, saved_at)
                     VALUES (?1, ?2, ?3, ?4)",
                )?
                .execute(params![key, session.article, scroll, now])?;
            }
            Change::LastStores(paths) => {
                tx.execute("DELETE FROM last_store", [])?;
                let mut stmt =
                    tx.prepare_cached("INSERT INTO last_store (position, path) VALUES (?1, ?2)")?;
                for (position, path) in (0_i64..).zip(paths) {
                    if let Some(value) = path_to_value(path) {
                        stmt.execute(params![position, value])?;
                    }
                }
            }
            Change::History(kind, query) => {
                tx.prepare_cached(
                    "INSERT INTO history (kind, query, seq)
                     VALUES (?1, ?2, (SELECT coalesce(max(seq), 0) + 1
                                      FROM history WHERE kind = ?1))
                     ON CONFLICT (kind, query) DO UPDATE SET seq = excluded.seq",
                )?
                .execute(params![kind.name(), query])?;
                let cap = i64::try_from(HISTORY_CAP).unwrap_or(i64::MAX);
                tx.prepare_cached(
                    "DELETE FROM history WHERE kind = ?1 AND seq <= (
                         SELECT seq FROM history WHERE kind = ?1
                         ORDER BY seq DESC LIMIT 1 OFFSET ?2)",
                )?
                .execute(params![kind.name(), cap])?;
            }
        }
        tx.commit()
    }

    /// The connection, for tests that damage or fill the database.
    #[cfg(test)]
    pub(super) fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// A session row: the article and the scroll line.
fn session(row: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    Ok(Session {
        article: row.get(0)?,
        scroll: scroll(row.get(1)?),
    })
}

/// A stored scroll line; one no `usize` can hold counts as the top.
fn scroll(line: i64) -> usize {
    usize::try_from(line).unwrap_or(0)
}

/// A stored time in Unix milliseconds; one out of range counts as unknown.
fn timestamp(millis: Option<i64>) -> Option<Timestamp> {
    millis.and_then(|ms| Timestamp::from_millisecond(ms).ok())
}

/// A path as stored: its text, or its bytes when it is not UTF-8.
#[cfg_attr(
    unix,
    expect(clippy::unnecessary_wraps, reason = "only Unix stores every path")
)]
fn path_to_value(path: &Path) -> Option<rusqlite::types::Value> {
    use rusqlite::types::Value;
    if let Some(text) = path.to_str() {
        return Some(Value::Text(text.to_owned()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Some(Value::Blob(path.as_os_str().as_bytes().to_vec()))
    }
    // Elsewhere a path that is not Unicode has no portable byte form.
    #[cfg(not(unix))]
    None
}

/// A stored path, text or bytes.
fn path_from_value(value: ValueRef<'_>) -> Option<PathBuf> {
    match value {
        ValueRef::Text(text) => std::str::from_utf8(text).ok().map(PathBuf::from),
        #[cfg(unix)]
        ValueRef::Blob(bytes) => {
            use std::os::unix::ffi::OsStrExt;
            Some(PathBuf::from(std::ffi::OsStr::from_bytes(bytes)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::schema;
    use proptest::prelude::*;

    fn db() -> Db {
        let mut conn = Connection::open_in_memory().unwrap();
        schema::migrate(&mut conn, schema::MIGRATIONS).unwrap();
        Db::new(conn, PathBuf::from("state.db"))
    }

    fn at(second: i64) -> Timestamp {
        Timestamp::from_second(second).unwrap()
    }

    #[test]
    fn a_mark_keeps_the_time_its_value_last_changed() {
        let mut db = db();
        db.apply(&Change::Read(&["a"], true), at(10)).unwrap();
        db.apply(&Change::Read(&["a"], true), at(20)).unwrap();
        db.apply(&Change::Starred("a", false), at(30)).unwrap();
        let mark = *db.marks().unwrap().get("a").unwrap();
        assert_eq!(
            mark,
            Mark {
                read: true,
                read_at: Some(at(10)),
                starred: false,
                starred_at: None
            }
        );
        db.apply(&Change::Read(&["a"], false), at(40)).unwrap();
        assert_eq!(db.marks().unwrap().get("a").unwrap().read_at, Some(at(40)));
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_comes_back_byte_for_byte() {
        use std::os::unix::ffi::OsStrExt;
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/news/caf\xe9.json"));
        let plain = PathBuf::from("/news/plain.json");
        let mut db = db();
        let paths = [plain.clone(), odd.clone()];
        db.apply(&Change::LastStores(&paths), at(1)).unwrap();
        assert_eq!(db.last_stores().unwrap(), vec![plain, odd]);
    }

    #[test]
    fn a_scroll_line_out_of_range_reads_as_the_top() {
        let db = db();
        db.connection()
            .execute_batch("INSERT INTO session VALUES ('k', 'a', -5, 0)")
            .unwrap();
        assert_eq!(
            db.session("k").unwrap(),
            Some(Session {
                article: "a".into(),
                scroll: 0
            })
        );
    }

    /// One change of a random sequence, owning its data.
    #[derive(Debug, Clone)]
    enum Step {
        Read(Vec<String>, bool),
        Starred(String, bool),
        Session(String, String, usize),
        LastStores(Vec<PathBuf>),
        History(bool, String),
    }

    fn step() -> impl Strategy<Value = Step> {
        // Few distinct ids and queries, so that changes meet each other.
        let id = prop::sample::select(vec!["a", "b", "c", "d"]).prop_map(str::to_owned);
        let query = "[xyz]{1,2}";
        prop_oneof![
            (prop::collection::vec(id.clone(), 0..4), any::<bool>())
                .prop_map(|(ids, read)| Step::Read(ids, read)),
            (id.clone(), any::<bool>()).prop_map(|(id, on)| Step::Starred(id, on)),
            (id.clone(), id, 0..1000_usize).prop_map(|(k, a, s)| Step::Session(k, a, s)),
            prop::collection::vec("[a-c/]{1,4}", 0..3)
                .prop_map(|p| Step::LastStores(p.into_iter().map(PathBuf::from).collect())),
            (any::<bool>(), query).prop_map(|(find, q)| Step::History(find, q)),
        ]
    }

    proptest! {
        #[test]
        fn the_database_keeps_what_memory_keeps(steps in prop::collection::vec(step(), 0..60)) {
            let mut db = db();
            let mut memory = Memory::default();
            for (second, step) in (1..).zip(&steps) {
                let ids: Vec<&str>;
                let session;
                let change = match step {
                    Step::Read(owned, read) => {
                        ids = owned.iter().map(String::as_str).collect();
                        Change::Read(&ids, *read)
                    }
                    Step::Starred(id, on) => Change::Starred(id, *on),
                    Step::Session(key, article, scroll) => {
                        session = Session { article: article.clone(), scroll: *scroll };
                        Change::Session(key, &session)
                    }
                    Step::LastStores(paths) => Change::LastStores(paths),
                    Step::History(find, query) => {
                        let kind = if *find { HistoryKind::Find } else { HistoryKind::Search };
                        Change::History(kind, query)
                    }
                };
                db.apply(&change, at(second)).unwrap();
                memory.apply(&change, at(second));
            }
            prop_assert_eq!(db.marks().unwrap(), memory.marks());
            for key in ["a", "b", "c", "d"] {
                prop_assert_eq!(db.session(key).unwrap(), memory.session(key));
            }
            prop_assert_eq!(db.last_stores().unwrap(), memory.last_stores());
            for kind in [HistoryKind::Find, HistoryKind::Search] {
                prop_assert_eq!(db.history(kind).unwrap(), memory.history(kind));
            }
            let snapshot = db.snapshot().unwrap();
            prop_assert_eq!(snapshot.marks(), memory.marks());
            prop_assert_eq!(snapshot.sessions, memory.sessions);
        }
    }
}
