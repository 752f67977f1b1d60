//! Opening `state.db`: checking that it is ours and whole, moving it aside
//! when it is not, and setting it up.
//!
//! Only definite evidence moves a file aside: `SQLite` saying it is not a
//! database or is malformed, `PRAGMA quick_check` finding damage, tables
//! that are not ours, or a version above ours. Anything else (a lock held
//! too long, a read-only directory, a full disk) leaves the file where it is
//! and the reader carries on in memory, since the file may be fine and
//! wanted by the next run.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jiff::Timestamp;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode};

use super::db::Db;
use super::schema;

/// The database's file name inside the state directory.
pub(super) const FILE_NAME: &str = "state.db";

/// How long a change waits for another reader's change to finish.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Why an existing file was not used.
#[derive(Debug)]
enum Refusal {
    /// Not a database of ours, or damaged: move it aside as `corrupt`.
    Damaged(String),
    /// Written by a newer newsdesk: move it aside as `newer`.
    Newer(i64),
    /// It could not be opened or set up, for a reason that says nothing
    /// about its contents: leave it alone.
    Unusable(String),
    /// Another reader holds it for the moment (opening or making it too).
    Busy(String),
}

/// Opens or creates `dir/state.db` with the schema of `migrations`.
///
/// Returns the database, or `None` when the reader must carry on in memory,
/// and the warnings for the user, one line each.
pub(super) fn open(dir: &Path, migrations: &[&str]) -> (Option<Db>, Vec<String>) {
    let mut warnings = Vec::new();
    let path = dir.join(FILE_NAME);
    if let Err(err) = std::fs::create_dir_all(dir) {
        warnings.push(in_memory(&dir.display().to_string(), &err.to_string()));
        return (None, warnings);
    }
    let place = path.display().to_string();
    // A file moved aside is replaced by a new one; if that one is refused
    // too, the trouble is with the directory, not the file: stop there.
    for attempt in 0..2 {
        let refusal = match try_open_waiting(&path, migrations) {
            Ok(db) => return (Some(db), warnings),
            Err(refusal) => refusal,
        };
        let (label, what) = match refusal {
            Refusal::Damaged(reason) => ("corrupt", reason),
            Refusal::Newer(version) => (
                "newer",
                format!(
                    "from a newer newsdesk (schema version {version}, this one knows {})",
                    schema::current(migrations)
                ),
            ),
            Refusal::Unusable(reason) | Refusal::Busy(reason) => {
                warnings.push(in_memory(&place, &reason));
                return (None, warnings);
            }
        };
        if attempt > 0 {
            warnings.push(in_memory(&place, &format!("the new one is {what} too")));
            return (None, warnings);
        }
        match move_aside(&path, label, Timestamp::now()) {
            Ok(target) => warnings.push(format!(
                "state: {place} is {what}; moved it to {} and started afresh",
                target.display()
            )),
            Err(err) => {
                let reason = format!("{what}, and it could not be moved aside: {err}");
                warnings.push(in_memory(&place, &reason));
                return (None, warnings);
            }
        }
    }
    (None, warnings)
}

/// The warning for a reader that carries on in memory.
pub(super) fn in_memory(place: &str, reason: &str) -> String {
    format!(
        "state: cannot use {place} ({}); marks, places and histories are kept only until \
         newsdesk quits",
        one_line(reason)
    )
}

/// [`try_open`], again for as long as a change may wait while another
/// reader holds the file: some steps of opening (switching the journal to
/// WAL) are refused at once rather than waited for.
fn try_open_waiting(path: &Path, migrations: &[&str]) -> Result<Db, Refusal> {
    let start = std::time::Instant::now();
    loop {
        match try_open(path, migrations) {
            Err(Refusal::Busy(_)) if start.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            done => return done,
        }
    }
}

/// Opens, checks, sets up and migrates one file.
fn try_open(path: &Path, migrations: &[&str]) -> Result<Db, Refusal> {
    let mut conn = Connection::open(path)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Closing the last connection to a WAL database folds the WAL into it;
    // a file that may be moved aside must keep the bytes it was found with.
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
    check(&conn, migrations)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;

    // WAL: readers never wait for a writer, and a commit is one append.
    // NORMAL: a commit survives the process being killed (not a power cut).
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    let version = schema::migrate(&mut conn, migrations)?;
    if version > schema::current(migrations) {
        return Err(Refusal::Newer(version));
    }
    Ok(Db::new(conn, path.to_owned()))
}

/// Whether the file is a whole database of ours at a version we know.
///
/// Everything is read in one transaction, so that another reader creating
/// or migrating the same file at this moment is seen before or after its
/// change, never half-way (which would look like someone else's tables).
fn check(conn: &Connection, migrations: &[&str]) -> Result<(), Refusal> {
    let snapshot = conn.unchecked_transaction()?;
    let version = schema::version(&snapshot)?;
    if version > schema::current(migrations) {
        return Err(Refusal::Newer(version));
    }
    if version < 0 {
        return Err(Refusal::Damaged(format!(
            "at schema version {version}, which newsdesk never writes"
        )));
    }
    let mut problems = Vec::new();
    snapshot.pragma_query(None, "quick_check", |row| {
        problems.push(row.get::<_, String>(0)?);
        Ok(())
    })?;
    if problems != ["ok"] {
        let first = problems.first().map_or("no answer", String::as_str);
        return Err(Refusal::Damaged(format!("damaged ({})", one_line(first))));
    }
    let found = schema::signature(&snapshot)?;
    let expected = schema::expected_signature(migrations, version)?;
    if found != expected {
        return Err(Refusal::Damaged("not a newsdesk state database".to_owned()));
    }
    snapshot.commit()?;
    Ok(())
}

/// Sorts an `SQLite` error: damage moves the file aside, anything else leaves
/// it alone.
impl From<rusqlite::Error> for Refusal {
    fn from(err: rusqlite::Error) -> Self {
        match err.sqlite_error_code() {
            Some(ErrorCode::NotADatabase) => Refusal::Damaged("not a database".to_owned()),
            Some(ErrorCode::DatabaseCorrupt) => Refusal::Damaged(format!("damaged ({err})")),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                Refusal::Busy(err.to_string())
            }
            _ => Refusal::Unusable(err.to_string()),
        }
    }
}

/// Renames `path` and its `-wal` and `-shm` files to
/// `<path>.<label>-<UTC time>` (then `…-wal`, `…-shm`, so `SQLite` still finds
/// them together), never over an existing file. Returns the new name.
fn move_aside(path: &Path, label: &str, now: Timestamp) -> io::Result<PathBuf> {
    let stamp = now.strftime("%Y%m%dT%H%M%SZ").to_string();
    let base = format!("{}.{label}-{stamp}", path.display());
    let target = (0..100)
        .map(|n| {
            if n == 0 {
                PathBuf::from(&base)
            } else {
                PathBuf::from(format!("{base}.{n}"))
            }
        })
        .find(|candidate| {
            ["", "-wal", "-shm"]
                .iter()
                .all(|s| !exists(&with_suffix(candidate, s)))
        })
        .ok_or_else(|| io::Error::new(io::ErrorKind::AlreadyExists, "no free name"))?;
    std::fs::rename(path, &target)?;
    for suffix in ["-wal", "-shm"] {
        let from = with_suffix(path, suffix);
        if exists(&from) {
            std::fs::rename(&from, with_suffix(&target, suffix))?;
        }
    }
    Ok(target)
}

/// Whether anything, even a dangling link, has this name. An error other
/// than "not found" counts as taken, so nothing is ever renamed over it.
fn exists(path: &Path) -> bool {
    !matches!(path.symlink_metadata(), Err(err) if err.kind() == io::ErrorKind::NotFound)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// A message folded onto one line.
pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_already_taken_gets_a_number() {
        let dir = tempfile::tempdir().unwrap();
        let now = Timestamp::from_second(1_780_000_000).unwrap();
        let db = dir.path().join("state.db");

        std::fs::write(&db, b"first").unwrap();
        let first = move_aside(&db, "corrupt", now).unwrap();
        std::fs::write(&db, b"second").unwrap();
        std::fs::write(with_suffix(&db, "-wal"), b"second wal").unwrap();
        let second = move_aside(&db, "corrupt", now).unwrap();

        assert_eq!(first, dir.path().join("state.db.corrupt-20260528T202640Z"));
        assert_eq!(
            second,
            dir.path().join("state.db.corrupt-20260528T202640Z.1")
        );
        assert_eq!(std::fs::read(&first).unwrap(), b"first");
        assert_eq!(std::fs::read(&second).unwrap(), b"second");
        assert_eq!(
            std::fs::read(with_suffix(&second, "-wal")).unwrap(),
            b"second wal"
        );
        assert!(!exists(&db));
    }

    #[test]
    fn a_taken_wal_name_counts_as_taken() {
        let dir = tempfile::tempdir().unwrap();
        let now = Timestamp::from_second(0).unwrap();
        let db = dir.path().join("state.db");
        let taken = dir.path().join("state.db.newer-19700101T000000Z");
        std::fs::write(with_suffix(&taken, "-wal"), b"someone's").unwrap();
        std::fs::write(&db, b"x").unwrap();
        assert_eq!(
            move_aside(&db, "newer", now).unwrap(),
            with_suffix(&taken, ".1")
        );
        assert_eq!(
            std::fs::read(with_suffix(&taken, "-wal")).unwrap(),
            b"someone's"
        );
    }

    #[test]
    fn messages_are_one_line() {
        assert_eq!(
            one_line("row 3 missing\nfrom index\t x "),
            "row 3 missing from index x"
        );
    }
}
