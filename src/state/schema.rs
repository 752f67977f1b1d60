//! The tables of `state.db`, one migration per schema version.
//!
//! A database's version is `PRAGMA user_version`: 0 for a file no one has
//! set up yet, `N` once [`MIGRATIONS`]`[N - 1]` has run. To change the
//! schema, append one SQL batch to [`MIGRATIONS`]; never edit one that has
//! shipped, since databases in the field already ran it.
//!
//! Whether a file is ours is decided by its shape: the tables, columns and
//! indexes a database at version `N` must have are the ones an empty
//! database gets from the first `N` migrations, so [`signature`] of the file
//! is compared with the signature of such a database built in memory. That
//! needs no second description of the schema that could drift from the
//! migrations.

use rusqlite::{Connection, TransactionBehavior};

/// The SQL that takes a database from version `N` to `N + 1`, in order.
pub(super) const MIGRATIONS: &[&str] = &[
    // Version 1. Times are Unix milliseconds. A path is TEXT, or a BLOB of
    // its bytes when it is not UTF-8, so the column has no declared type.
    "CREATE TABLE mark (
         article    TEXT PRIMARY KEY NOT NULL,
         read       INTEGER NOT NULL DEFAULT 0,
         read_at    INTEGER,
         starred    INTEGER NOT NULL DEFAULT 0,
         starred_at INTEGER
     ) WITHOUT ROWID;
     CREATE TABLE session (
         key      TEXT PRIMARY KEY NOT NULL,
         article  TEXT NOT NULL,
         scroll   INTEGER NOT NULL,
         saved_at INTEGER NOT NULL
     ) WITHOUT ROWID;
     CREATE TABLE last_store (
         position INTEGER PRIMARY KEY,
         path     NOT NULL
     );
     CREATE TABLE history (
         kind  TEXT NOT NULL,
         query TEXT NOT NULL,
         seq   INTEGER NOT NULL,
         PRIMARY KEY (kind, query)
     ) WITHOUT ROWID;
     CREATE INDEX history_by_seq ON history (kind, seq);",
];

/// The version this build writes: the number of migrations.
pub(super) fn current(migrations: &[&str]) -> i64 {
    i64::try_from(migrations.len()).unwrap_or(i64::MAX)
}

/// The database's `PRAGMA user_version`.
pub(super) fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Brings the database up to the last of `migrations`, each step in the same
/// transaction as the version it sets.
///
/// The version is read again inside the write transaction, so two readers
/// opening a new directory at once set the tables up only once. A version
/// above the last migration is left alone and returned as it is.
pub(super) fn migrate(conn: &mut Connection, migrations: &[&str]) -> rusqlite::Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    let start = usize::try_from(found).unwrap_or(usize::MAX);
    for (done, sql) in migrations.iter().enumerate().skip(start) {
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", current(&migrations[..=done]))?;
    }
    let reached = version(&tx)?;
    tx.commit()?;
    Ok(reached)
}

/// The shape of a database: every table with its columns, every index and
/// every other schema object, one line each, in a fixed order.
pub(super) fn signature(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut objects = conn.prepare(
        "SELECT type, name, tbl_name FROM sqlite_schema
         WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
         ORDER BY type, name",
    )?;
    let mut columns =
        conn.prepare("SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid")?;
    let mut lines = Vec::new();
    let mut rows = objects.query([])?;
    while let Some(row) = rows.next()? {
        let (kind, name, table): (String, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
        lines.push(format!("{kind} {name} on {table}"));
        if kind == "table" {
            let mut cols = columns.query([&name])?;
            while let Some(col) = cols.next()? {
                let (col_name, col_type, not_null, pk): (String, String, bool, i64) =
                    (col.get(0)?, col.get(1)?, col.get(2)?, col.get(3)?);
                lines.push(format!(
                    "  {col_name} {col_type} notnull={not_null} pk={pk}"
                ));
            }
        }
    }
    Ok(lines)
}

/// The signature a database of ours has at `version`: that of a database
/// built in memory by the first `version` migrations.
pub(super) fn expected_signature(
    migrations: &[&str],
    version: i64,
) -> rusqlite::Result<Vec<String>> {
    let upto = usize::try_from(version)
        .unwrap_or(usize::MAX)
        .min(migrations.len());
    let mut conn = Connection::open_in_memory()?;
    migrate(&mut conn, &migrations[..upto])?;
    signature(&conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A second version for the tests: what a real version 2 could look like.
    const WITH_NOTES: &str = "ALTER TABLE mark ADD COLUMN note TEXT;
         CREATE TABLE tag (article TEXT NOT NULL, name TEXT NOT NULL);";

    #[test]
    fn an_empty_database_reaches_the_current_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), current(MIGRATIONS));
        assert_eq!(version(&conn).unwrap(), 1);
        assert_eq!(
            signature(&conn).unwrap(),
            expected_signature(MIGRATIONS, 1).unwrap()
        );
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        let before = signature(&conn).unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), 1);
        assert_eq!(signature(&conn).unwrap(), before);
    }

    #[test]
    fn an_older_database_is_migrated_and_keeps_its_data() {
        // Version 1 written by hand, as an older build would have left it.
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(
            "INSERT INTO mark (article, read, read_at) VALUES ('a1', 1, 1700000000000);
             INSERT INTO history (kind, query, seq) VALUES ('find', 'europol', 1);
             PRAGMA user_version = 1;",
        )
        .unwrap();

        let migrations = [MIGRATIONS[0], WITH_NOTES];
        assert_eq!(migrate(&mut conn, &migrations).unwrap(), 2);

        assert_eq!(version(&conn).unwrap(), 2);
        assert_eq!(
            signature(&conn).unwrap(),
            expected_signature(&migrations, 2).unwrap()
        );
        let (read, read_at, note): (bool, i64, Option<String>) = conn
            .query_row(
                "SELECT read, read_at, note FROM mark WHERE article = 'a1'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((read, read_at, note), (true, 1_700_000_000_000, None));
        let query: String = conn
            .query_row("SELECT query FROM history", [], |r| r.get(0))
            .unwrap();
        assert_eq!(query, "europol");
    }

    #[test]
    fn a_failed_migration_leaves_the_older_version_whole() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, MIGRATIONS).unwrap();
        let broken = [
            MIGRATIONS[0],
            "CREATE TABLE tag (name TEXT); CREATE TABLE tag (x);",
        ];
        assert!(migrate(&mut conn, &broken).is_err());
        assert_eq!(version(&conn).unwrap(), 1);
        assert_eq!(
            signature(&conn).unwrap(),
            expected_signature(MIGRATIONS, 1).unwrap()
        );
    }

    #[test]
    fn a_newer_version_is_left_alone() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        assert_eq!(migrate(&mut conn, MIGRATIONS).unwrap(), 99);
        assert!(signature(&conn).unwrap().is_empty());
    }

    #[test]
    fn the_signature_tells_other_tables_apart() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE mark (article TEXT PRIMARY KEY, read INTEGER);")
            .unwrap();
        assert_ne!(
            signature(&conn).unwrap(),
            expected_signature(MIGRATIONS, 1).unwrap()
        );
        assert_ne!(
            signature(&conn).unwrap(),
            expected_signature(MIGRATIONS, 0).unwrap()
        );
    }
}
